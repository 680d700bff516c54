"""Compressed output and input with giant records: zstd's threads compress in small jobs (what
they buffer is what a run's main process holds), and a giant line written or read through
.gz or .zst comes out as the same bytes as through plain JSONL."""

from __future__ import annotations

import gzip
import io
import json
import sys

import pytest
import zstandard

from cleaner.inputs import ReadLog, ReadOptions
from cleaner.jsonl_reader import RawRecord
from cleaner.parallel_gzip import ParallelGzipWriter
from cleaner.readers import read_file
from cleaner.writers import JOIN_BYTES, JsonlWriter, ZSTD_JOB_LOG, zstd_parameters


def _giant_lines() -> list[bytes]:
    """Ordinary records around two giant ones (3 MB and 5 MB, one line each)."""
    small = [json.dumps({"id": f"s{i}", "text": f"Berita nomor {i}. " * 40}).encode() + b"\n"
             for i in range(300)]
    giants = [json.dumps({"id": f"g{n}", "text": "Kota jakarta membangun jalan baru. " * (
        n * 2**20 // 35)}).encode() + b"\n" for n in (3, 5)]
    return small[:100] + giants[:1] + small[100:200] + giants[1:] + small[200:]


def test_zstd_output_compresses_in_small_jobs_on_every_core_at_the_default_level():
    params = zstd_parameters(3)
    assert params.job_size == 1 << ZSTD_JOB_LOG == 1 << 20
    assert params.threads != 0          # still zstd's own threads, not one core
    assert params.compression_level == 3
    # each job looks back 1 MB of the 2 MB window (zstd's own: 256 KB, an eighth)
    assert params.window_log == 21 and params.overlap_log == 8


@pytest.mark.parametrize("level", range(1, 23))
def test_zstd_jobs_are_small_only_at_the_fast_levels(level):
    params = zstd_parameters(level)
    default = zstandard.ZstdCompressionParameters.from_level(level)
    assert (params.window_log, params.strategy) == (default.window_log, default.strategy)
    assert params.threads != 0
    if default.strategy <= zstandard.STRATEGY_DFAST:
        assert params.job_size == 1 << 20
        prefix = 1 << (params.window_log - (9 - params.overlap_log))
        assert prefix == min(1 << params.window_log, 1 << 20)
    else:                               # zstd's own jobs and prefix
        assert (params.job_size, params.overlap_log) == (0, 0)


@pytest.mark.parametrize("suffix", [".jsonl.zst", ".jsonl.gz"])
def test_giant_lines_written_compressed_decompress_to_the_same_bytes(tmp_path, suffix):
    lines = _giant_lines()
    out = tmp_path / f"out{suffix}"
    writer = JsonlWriter(out)
    writer.write_lines(lines[:50])
    for start in range(50, len(lines), 7):       # batches holding a giant line, and not
        writer.write_lines(lines[start:start + 7])
    writer.close()
    data = out.read_bytes()
    plain = zstandard.ZstdDecompressor().decompressobj().decompress(data) \
        if suffix.endswith(".zst") else gzip.decompress(data)
    assert plain == b"".join(lines)


def test_parallel_gzip_members_of_a_giant_write_are_those_of_small_writes():
    lines = _giant_lines()
    whole = b"".join(lines)

    def written(chunks: list[bytes]) -> bytes:
        raw = io.BytesIO()
        raw.close = lambda: None        # type: ignore[method-assign]
        with ParallelGzipWriter(raw, threads=2, member_bytes=1 << 20) as writer:
            for chunk in chunks:
                writer.write(chunk)
        return raw.getvalue()

    at_once = written([whole])
    assert at_once == written(lines) == written([whole[i:i + 700_001]
                                                 for i in range(0, len(whole), 700_001)])
    assert gzip.decompress(at_once) == whole


@pytest.mark.parametrize("suffix", [".jsonl.gz", ".jsonl.zst"])
@pytest.mark.parametrize("defer_parse", [True, False])
def test_giant_lines_read_from_compressed_input_equal_the_plain_ones(tmp_path, suffix,
                                                                      defer_parse):
    lines = _giant_lines()
    plain = tmp_path / "in.jsonl"
    plain.write_bytes(b"".join(lines))
    packed = tmp_path / f"in{suffix}"
    packed.write_bytes(gzip.compress(plain.read_bytes()) if suffix.endswith(".gz")
                       else zstandard.ZstdCompressor(level=1).compress(plain.read_bytes()))
    options = ReadOptions(defer_parse=defer_parse, max_record_bytes=16 << 20)

    def records(path) -> list:
        found = []
        for item in read_file(str(path), "in", options, ReadLog()):
            assert not hasattr(item, "reason"), item        # no reject
            found.append(item)
        return found

    got = records(packed)
    assert len(got) == len(lines)
    if defer_parse:
        assert all(isinstance(record, RawRecord) for record in got)
        assert [record.raw for record in got] == [line.rstrip(b"\n") for line in lines]
        assert [record.line for record in got] == list(range(1, len(lines) + 1))
    else:
        assert [record.text for record in got] == [record.text for record in records(plain)]


def test_a_batch_is_written_in_pieces_not_joined_whole(monkeypatch):
    lines = _giant_lines()
    sizes: list[int] = []
    data = bytearray()

    class Out:
        def write(self, chunk: bytes) -> int:
            sizes.append(len(chunk))
            data.extend(chunk)
            return len(chunk)

    monkeypatch.setattr(sys, "stdout", type("Stdout", (), {"buffer": Out()})())
    writer = JsonlWriter("-")
    writer.write_lines(lines)
    assert bytes(data) == b"".join(lines) and writer.count == len(lines)
    giants = sorted(len(line) for line in lines)[-2:]
    # Up to JOIN_BYTES a write, a giant line alone, as it is (no copy of it)
    assert sorted(size for size in sizes if size > JOIN_BYTES) == giants
