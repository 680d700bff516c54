"""Compressed output: gzip as members compressed on threads, zstd as one frame, the same bytes whatever the workers, and the level to trade size for speed."""

from __future__ import annotations

import errno
import gzip
import io
import json
import zlib

import pytest
import zstandard

from cleaner.cli import main
from cleaner.parallel_gzip import ParallelGzipWriter


def _members(data: bytes) -> list[bytes]:
    """The decompressed content of each gzip member of a file, in order."""
    out = []
    while data:
        inflate = zlib.decompressobj(wbits=31)
        out.append(inflate.decompress(data))
        assert inflate.eof, "a member is cut short"
        data = inflate.unused_data
    return out


def _write(chunks, **options) -> bytes:
    raw = io.BytesIO()
    raw.close = lambda: None        # keep the buffer readable after the writer closes it
    with ParallelGzipWriter(raw, **options) as writer:
        for chunk in chunks:
            writer.write(chunk)
    return raw.getvalue()


def _lines(count: int) -> list[bytes]:
    return [json.dumps({"id": i, "text": f"Berita nomor {i} " * (i % 7 + 1)}).encode() + b"\n"
            for i in range(count)]


def test_members_hold_the_input_in_order_and_read_back_as_one_stream():
    lines = _lines(3000)
    data = _write(lines, threads=4, member_bytes=10_000)
    members = _members(data)
    assert len(members) > 10
    assert all(len(m) == 10_000 for m in members[:-1]) and 0 < len(members[-1]) <= 10_000
    assert b"".join(members) == b"".join(lines)
    assert gzip.decompress(data) == b"".join(lines)


def test_the_same_bytes_make_the_same_file_however_they_are_written():
    lines = _lines(2000)
    whole = b"".join(lines)
    by_line = _write(lines, threads=3, member_bytes=8_192)
    at_once = _write([whole], threads=1, member_bytes=8_192)
    in_odd_pieces = _write([whole[i:i + 777] for i in range(0, len(whole), 777)],
                           threads=2, member_bytes=8_192)
    assert by_line == at_once == in_odd_pieces


def test_nothing_written_is_still_a_valid_empty_gzip_file():
    data = _write([])
    assert gzip.decompress(data) == b""
    assert len(_members(data)) == 1


class _FullDisk(io.BytesIO):
    def write(self, data):
        raise OSError(errno.ENOSPC, "No space left on device")


def test_a_full_disk_is_raised_in_the_callers_thread():
    writer = ParallelGzipWriter(_FullDisk(), threads=2, member_bytes=1_000)
    with pytest.raises(OSError) as caught:
        for line in _lines(500):
            writer.write(line)
        writer.close()
    assert caught.value.errno == errno.ENOSPC


@pytest.mark.parametrize("suffix", ["jsonl.gz", "jsonl.zst"])
def test_compressed_output_is_the_same_whatever_the_workers(tmp_path, suffix):
    src = tmp_path / "in.jsonl"
    src.write_bytes(b"".join(
        json.dumps({"id": str(i), "text": f"JAKARTA - Berita nomor {i} hari ini.\n\n"
                                          f"Baca juga: Berita lain {i}\n\nIsi berita. (ant)"}
                   ).encode() + b"\n" for i in range(3000)))
    plain, one, two = (tmp_path / name for name in ("plain.jsonl", f"one.{suffix}",
                                                    f"two.{suffix}"))
    assert main(["clean", str(src), "-o", str(plain), "-q", "--workers", "1"]) == 0
    assert main(["clean", str(src), "-o", str(one), "-q", "--workers", "1"]) == 0
    assert main(["clean", str(src), "-o", str(two), "-q", "--workers", "2"]) == 0
    assert one.read_bytes() == two.read_bytes()
    decompress = (gzip.decompress if suffix.endswith("gz")
                  else lambda data: zstandard.ZstdDecompressor().decompressobj().decompress(data))
    assert decompress(one.read_bytes()) == plain.read_bytes()


def _dump(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_bytes(b"".join(
        json.dumps({"id": str(i), "text": f"Berita nomor {i} hari ini tentang harga beras "
                                          f"dan cabai di pasar {i % 17}."}).encode() + b"\n"
        for i in range(2000)))
    return src


@pytest.mark.parametrize("suffix, low, high", [("jsonl.gz", "1", "9"),
                                               ("jsonl.zst", "1", "19"),
                                               ("parquet", "1", "19")])
def test_compression_level_trades_size_for_speed_and_keeps_the_records(tmp_path, suffix, low,
                                                                        high):
    src = _dump(tmp_path)
    fast, small = tmp_path / f"fast.{suffix}", tmp_path / f"small.{suffix}"
    for out, level in ((fast, low), (small, high)):
        assert main(["clean", str(src), "-o", str(out), "-q", "--compression-level", level]) == 0
    assert small.stat().st_size < fast.stat().st_size
    if suffix == "parquet":
        from cleaner.parquet_io import read_records
        assert read_records(fast) == read_records(small)
    else:
        decompress = (gzip.decompress if suffix.endswith("gz")
                      else lambda data: zstandard.ZstdDecompressor().decompressobj().decompress(data))
        assert decompress(fast.read_bytes()) == decompress(small.read_bytes())


def test_compression_level_applies_to_shards(tmp_path):
    src = _dump(tmp_path)
    outs = {level: tmp_path / f"shards-{level}" for level in ("1", "9")}
    for level, out in outs.items():
        assert main(["clean", str(src), "-o", str(out), "--shard-size", "500", "--format",
                     "jsonl.gz", "--compression-level", level, "-q"]) == 0
    sizes = {level: sum(p.stat().st_size for p in out.glob("part-*")) for level, out in outs.items()}
    assert sizes["9"] < sizes["1"]


@pytest.mark.parametrize("output, level, message", [
    ("out.jsonl", "3", "needs compressed output"),
    ("out.jsonl.gz", "10", "for gz output is 1 to 9"),
    ("out.jsonl.zst", "0", "for zst output is 1 to 22"),
])
def test_a_compression_level_that_cannot_apply_is_refused(tmp_path, capsys, output, level,
                                                          message):
    src = _dump(tmp_path)
    assert main(["clean", str(src), "-o", str(tmp_path / output), "-q",
                 "--compression-level", level]) == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / output).exists()
