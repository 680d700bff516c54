"""Gzip or zstd on standard input (`cat dump.jsonl.gz | cleaner clean -`): known by its magic bytes and read by what it holds, as a file of that suffix is; it was refused as binary data."""

from __future__ import annotations

import gzip
import io
import json
import random
import subprocess
import sys

import pytest
import zstandard

from cleaner.inputs import Item, ReadOptions, Reject
from cleaner.readers import iter_inputs
from conftest import ROOT
from pipe_stream import Pipe

LINES = [json.dumps({"id": f"r{i}", "text": f"Isi berita nomor {i} tentang banjir di Bandung."})
         .encode() + b"\n" for i in range(300)]
JSONL = b"".join(LINES)
PACKS = {"gzip": lambda data: gzip.compress(data, mtime=0),
         "zstd": lambda data: zstandard.ZstdCompressor().compress(data)}


def read_stdin(monkeypatch, data: bytes) -> list:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(Pipe(data))))
    return list(iter_inputs(["-"], ReadOptions()))


def ids(items: list) -> list:
    return [item.fields["id"] for item in items if isinstance(item, Item)]


@pytest.mark.parametrize("pack", sorted(PACKS))
def test_compressed_json_lines_on_stdin_are_read_line_by_line(monkeypatch, pack):
    items = read_stdin(monkeypatch, PACKS[pack](JSONL))
    assert ids(items) == [f"r{i}" for i in range(300)]
    assert [item.line for item in items] == list(range(1, 301))
    assert all(item.source == "<stdin>" for item in items)


@pytest.mark.parametrize("pack", sorted(PACKS))
def test_members_or_frames_end_to_end_on_stdin_are_all_read(monkeypatch, pack):
    """`cat a.jsonl.gz b.jsonl.gz | cleaner clean -`."""
    data = b"".join(PACKS[pack](b"".join(LINES[at:at + 100])) for at in range(0, 300, 100))
    assert ids(read_stdin(monkeypatch, data)) == [f"r{i}" for i in range(300)]


@pytest.mark.parametrize("pack", sorted(PACKS))
def test_a_compressed_json_array_and_a_compressed_article_on_stdin_are_read_as_such(
        monkeypatch, pack):
    records = [json.loads(line) for line in LINES[:3]]
    array = read_stdin(monkeypatch, PACKS[pack](json.dumps(records).encode()))
    assert ids(array) == ["r0", "r1", "r2"]
    text = ("Pemerintah daerah meresmikan jembatan baru yang menghubungkan dua kecamatan di "
            "Kalimantan Timur pada Senin pagi, kata pejabat setempat.")
    [article] = read_stdin(monkeypatch, PACKS[pack](text.encode()))
    assert isinstance(article, Item) and article.text == text


def test_a_damaged_member_on_stdin_is_rejected_with_its_lines_and_reading_goes_on(monkeypatch):
    """A pipe cannot be read again, so a damaged member's lines went unnamed even in a named
    .jsonl.gz pipe; they are counted as they are read now. (Members of 99 KB, the CRC of the
    second wrong: the member's lines before the read that met it are handed out.)"""
    words = random.Random(3)
    lines = [json.dumps({"id": f"r{i}", "text": f"Berita {words.getrandbits(192):048x}"})
             .encode() + b"\n" for i in range(9000)]
    members = [bytearray(gzip.compress(b"".join(lines[at:at + 3000]), mtime=0))
               for at in range(0, 9000, 3000)]
    assert len(members[1]) > 1 << 16
    members[1][-8] ^= 1
    items = read_stdin(monkeypatch, b"".join(map(bytes, members)))
    got = ids(items)
    assert got[:3000] == [f"r{i}" for i in range(3000)]
    assert got[-3000:] == [f"r{i}" for i in range(6000, 9000)]
    given = len(got) - 6000                    # lines of the damaged member handed out
    assert given > 0 and got[3000:3000 + given] == [f"r{i}" for i in range(3000, 3000 + given)]
    [reject] = [item for item in items if isinstance(item, Reject)]
    assert reject.source == "<stdin>" and reject.line == 3001 + given
    assert f"corrupt gzip member starting at byte {len(members[0])}" in reject.reason
    assert reject.reason.endswith(f"reading goes on at the next member (byte "
                                  f"{len(members[0]) + len(members[1])}); lines 3001 to "
                                  f"{3000 + given} came from the damaged member")


def test_damage_at_the_start_of_stdin_is_a_reject_and_the_next_member_is_read(monkeypatch):
    first = bytearray(gzip.compress(b"".join(LINES[:100]), mtime=0))
    first[3] = 0xFF                              # the header's flags byte
    items = read_stdin(monkeypatch, bytes(first) + gzip.compress(b"".join(LINES[100:]), mtime=0))
    assert isinstance(items[0], Reject) and "corrupt gzip member starting at byte 0" in \
        items[0].reason
    assert ids(items) == [f"r{i}" for i in range(100, 300)]


def test_a_gzip_cut_off_on_stdin_keeps_the_lines_before_the_cut_and_says_so(monkeypatch):
    packed = gzip.compress(JSONL, mtime=0)
    items = read_stdin(monkeypatch, packed[:len(packed) // 2])
    got = ids(items)
    assert got == [f"r{i}" for i in range(len(got))] and got
    assert isinstance(items[-1], Reject) and "truncated (the file ends inside it)" in \
        items[-1].reason


def test_a_damaged_gzip_article_on_stdin_is_rejected_whole(monkeypatch):
    """Damage past the first read (64 KB of input): the article opens as text, then fails."""
    words = random.Random(7)
    text = " ".join(f"berita{words.randrange(10 ** 6)}" for _ in range(100000)).encode()
    packed = bytearray(gzip.compress(text, mtime=0))
    assert len(packed) > 3 * (1 << 16)
    packed[len(packed) * 3 // 4] ^= 0xFF
    [reject] = read_stdin(monkeypatch, bytes(packed))
    assert isinstance(reject, Reject) and reject.reason.startswith("cannot decompress: corrupt "
                                                                   "gzip member starting at byte 0")


def test_gzipped_json_lines_piped_to_the_cli_are_cleaned(tmp_path):
    out = tmp_path / "out.jsonl"
    done = subprocess.run([sys.executable, "-m", "cleaner", "clean", "-", "-o", str(out), "-q"],
                          input=gzip.compress(JSONL), capture_output=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [record["id"] for record in records] == [f"r{i}" for i in range(300)]
    assert not (tmp_path / "out.jsonl.rejects.jsonl").exists()


def _frames(*parts: bytes) -> list[bytearray]:
    return [bytearray(zstandard.ZstdCompressor(write_checksum=True).compress(part))
            for part in parts]


def test_a_zstd_stream_cut_inside_a_frame_is_rejected_as_cut(monkeypatch):
    """`cat a.zst b.zst` cut inside b: read straight from the pipe, the cut went unsaid."""
    first, second = _frames(b"".join(LINES[:100]), b"".join(LINES[100:200]))
    items = read_stdin(monkeypatch, bytes(first) + bytes(second[:len(second) // 2]))
    assert ids(items) == [f"r{i}" for i in range(100)]
    [reject] = [item for item in items if isinstance(item, Reject)]
    assert "cut off" in reject.reason


def test_a_damaged_zstd_frame_on_stdin_loses_no_good_frame_around_it(monkeypatch):
    """Read straight from the pipe, the good lines before the damage and the frame after it
    were lost, and the reject named byte 0."""
    frames = _frames(*(b"".join(LINES[at:at + 100]) for at in range(0, 300, 100)))
    frames[1][-2] ^= 1                  # the second frame's checksum
    items = read_stdin(monkeypatch, b"".join(map(bytes, frames)))
    got = ids(items)
    assert got[:100] == [f"r{i}" for i in range(100)]
    assert got[-100:] == [f"r{i}" for i in range(200, 300)]
    [reject] = [item for item in items if isinstance(item, Reject)]
    assert f"starting at byte {len(frames[0])}" in reject.reason
