"""Damaged compressed input said alike in .gz and .zst: a damaged frame's reject says what of it
was not read, as a damaged member's does; a reserved block type in the last frame is reported as
other frame damage, with its lines; and a line the damage cut (its start in the damaged member
or frame, its end in the next) is rejected as part of the damage, not as the input's own."""

from __future__ import annotations

import gzip
import io
import json
import random
import re

import pytest
import zstandard

from cleaner.cli import main
from cleaner.inputs import Item, Reject
from cleaner.jsonl_reader import DAMAGED_INPUT
from cleaner.readers import iter_inputs
from scale_helpers import read_jsonl


def _line(n: int, words: int = 6) -> bytes:
    """Line `n` of a dump: no id (its record is named by its line), its number in "n"."""
    text = " ".join(f"Berita nomor {n} tentang banjir kalimat {k}." for k in range(words))
    return json.dumps({"n": n, "text": text}).encode() + b"\n"


def _noisy_line(n: int, rng: random.Random) -> bytes:
    """A line that zstd hardly compresses, so that a frame of them spans several input reads."""
    return json.dumps({"n": n, "text": f"Berita {rng.getrandbits(6400):01600x}"}).encode() + b"\n"


def _read(tmp_path, name: str, data: bytes) -> tuple[list[Item], list[Reject]]:
    path = tmp_path / name
    path.write_bytes(data)
    items = list(iter_inputs([str(path)]))
    assert all(isinstance(item, (Item, Reject)) for item in items)
    return ([item for item in items if isinstance(item, Item)],
            [item for item in items if isinstance(item, Reject)])


def _flagged(item: Item) -> bool:
    return any(flag["flag"] == DAMAGED_INPUT for flag in item.hints.get("page_flags", ()))


def _damage(rejects: list[Reject]) -> Reject:
    [reject] = [r for r in rejects if r.reason.startswith("truncated or corrupt input")]
    return reject


# -- 1. a damaged frame's reject says what of it was not read, where a member's does --------

# The words, where a damaged gzip member's reject has them: after what it held before the
# damage, before where reading goes on.
_REST = re.compile(r"; what it held before the damage was read, and may be damaged too; the "
                   r"rest of the (member|frame), up to (\d+) bytes of its input, was not read: "
                   r"the lines in it are not counted; (reading goes on at the next \1 \(byte "
                   r"\d+\)|no further \1 follows); lines (\d+) to (\d+) came from the damaged "
                   r"\1$")


def test_a_damaged_frames_reject_says_the_rest_of_it_was_not_read_as_a_members_does(tmp_path):
    """A frame of 600 KB, a bit of its checksum changed: zstd gave its lines up to the read
    that met the damage, and the reject said nothing of the rest of the frame."""
    rng = random.Random(31)
    lines = [_noisy_line(n, rng) for n in range(1, 2001)]
    compress = zstandard.ZstdCompressor(write_checksum=True).compress
    frames = [bytearray(compress(b"".join(lines[at:at + 500]))) for at in range(0, 2000, 500)]
    assert len(frames[1]) > 3 * 131_075             # (several of zstd's input reads)
    frames[1][-4:] = bytes(b ^ 0xFF for b in frames[1][-4:])  # (all its checksum: garbled data)
    _, rejects = _read(tmp_path, "dump.jsonl.zst", b"".join(map(bytes, frames)))
    reason = _damage(rejects).reason
    found = _REST.search(reason)
    assert found and found.group(1) == "frame", reason
    assert 0 < int(found.group(2)) < len(frames[1])
    assert found.group(3) == f"reading goes on at the next frame (byte " \
                             f"{len(frames[0]) + len(frames[1])})"
    assert reason.startswith(f"truncated or corrupt input after line {found.group(5)}: corrupt "
                             f"zstd frame starting at byte {len(frames[0])} (")
    # (the same words in the same place as a damaged gzip member's)
    members = [bytearray(gzip.compress(b"".join(lines[at:at + 500]), mtime=0))
               for at in range(0, 2000, 500)]
    members[1][-8:-4] = bytes(b ^ 0xFF for b in members[1][-8:-4])  # (all its CRC: garbled data)
    _, rejects = _read(tmp_path, "dump.jsonl.gz", b"".join(map(bytes, members)))
    found = _REST.search(_damage(rejects).reason)
    assert found and found.group(1) == "member"


def test_a_small_damaged_frame_is_said_unread_whole_as_a_small_member_is(tmp_path):
    """A frame of a few KB, its checksum wrong, fails in its first read, which gave nothing."""
    compress = zstandard.ZstdCompressor(write_checksum=True).compress
    frames = [bytearray(compress(b"".join(_line(n) for n in range(at, at + 20))))
              for at in range(1, 61, 20)]
    frames[1][-4:] = bytes(b ^ 0xFF for b in frames[1][-4:])
    items, rejects = _read(tmp_path, "dump.jsonl.zst", b"".join(map(bytes, frames)))
    reason = _damage(rejects).reason
    assert reason == (f"truncated or corrupt input after line 20: corrupt zstd frame starting "
                      f"at byte {len(frames[0])} (zstd decompress error: Restored data doesn't "
                      f"match checksum); none of the frame, up to {len(frames[1])} bytes of "
                      f"input, was read (the damage was met in its first read): the lines in "
                      f"it are not counted; reading goes on at the next frame (byte "
                      f"{len(frames[0]) + len(frames[1])})")
    assert [item.fields["n"] for item in items] == [*range(1, 21), *range(41, 61)]


# -- 2. a reserved block type in the last frame: said as other frame damage, with its lines --

def _frames_with_a_reserved_block(which: int, block: int = 1) -> tuple[bytes, list[int]]:
    """Three zstd frames of 300 lines, frame `which` with its block `block` of a reserved type
    (3); with where each frame starts (and the file's end)."""
    rng = random.Random(7)
    lines = [_noisy_line(n, rng) for n in range(1, 901)]
    compress = zstandard.ZstdCompressor(write_checksum=True).compress
    frames = [bytearray(compress(b"".join(lines[at:at + 300]))) for at in range(0, 900, 300)]
    frame = frames[which]
    descriptor = frame[4]
    single = (descriptor >> 5) & 1
    at = 5 + (0 if single else 1) + (0, 1, 2, 4)[descriptor & 3] + \
        (single, 2, 4, 8)[descriptor >> 6]
    for _ in range(block):                          # on to that block's header
        header = int.from_bytes(frame[at:at + 3], "little")
        assert not header & 1
        at += 3 + (1 if (header >> 1) & 3 == 1 else header >> 3)
    frame[at] |= 0b110                              # its type: reserved
    starts = [sum(map(len, frames[:n])) for n in range(4)]
    return b"".join(map(bytes, frames)), starts


@pytest.mark.parametrize("which", [1, 2])
def test_a_reserved_block_type_is_said_as_frame_damage_with_its_lines_in_any_frame(tmp_path,
                                                                                  which):
    """In a middle frame it was "corrupt zstd frame starting at byte N (...)" with the frame's
    lines named and flagged; in the last frame "corrupt zstd block at byte M", no line named,
    none flagged."""
    data, starts = _frames_with_a_reserved_block(which)
    items, rejects = _read(tmp_path, "dump.jsonl.zst", data)
    reason = _damage(rejects).reason
    going_on = "no further frame follows" if which == 2 else \
        f"reading goes on at the next frame (byte {starts[which + 1]})"
    assert f"corrupt zstd frame starting at byte {starts[which]} (" in reason
    assert f"; {going_on}; lines " in reason
    found = re.search(r"lines (\d+) to (\d+) came from the damaged frame$", reason)
    assert found and int(found.group(1)) == 300 * which + 1, reason
    last = int(found.group(2))
    assert [item.line for item in items if _flagged(item)] == \
        list(range(300 * which + 1, last + 1))
    # (the lines of the frame after the damage are lost, not numbered: none shares a line)
    assert [item.fields["n"] for item in items] == \
        [n for n in range(1, 901) if not last < n <= 300 * (which + 1)]


def test_a_reserved_first_block_of_the_last_frame_gives_nothing_and_says_so(tmp_path):
    data, starts = _frames_with_a_reserved_block(2, block=0)
    items, rejects = _read(tmp_path, "dump.jsonl.zst", data)
    reason = _damage(rejects).reason
    assert reason.startswith(f"truncated or corrupt input after line 600: corrupt zstd frame "
                             f"starting at byte {starts[2]} (")
    assert reason.endswith(f"none of the frame, up to {starts[3] - starts[2]} bytes of input, "
                           f"was read (the damage was met in its first read): the lines in it "
                           f"are not counted; no further frame follows")
    assert len(items) == 600 and not any(map(_flagged, items))


def test_an_article_with_a_reserved_block_is_refused_whole(tmp_path):
    data, _ = _frames_with_a_reserved_block(2)
    path = tmp_path / "article.txt.zst"
    path.write_bytes(data)
    [refused] = iter_inputs([str(path)])
    assert isinstance(refused, Reject) and refused.reason.startswith(
        "cannot decompress: corrupt zstd frame starting at byte")


# -- 3. a line the damage cut is rejected as part of the damaged member or frame -------------

def _split_mid_line(data: bytes, parts: int) -> list[bytes]:
    """`data` cut into `parts` pieces at byte offsets that fall inside lines (as `split -b`
    and pzstd cut a dump)."""
    cuts = [len(data) * k // parts for k in range(parts + 1)]
    for cut in cuts[1:-1]:
        assert data[cut - 1:cut] != b"\n"
    return [data[a:b] for a, b in zip(cuts, cuts[1:])]


def _cut_line_dump(kind: str) -> tuple[bytes, int]:
    """A dump of 600 lines in three members (or frames) cut inside lines, the second damaged
    at its end (a wrong CRC or checksum); with where the damaged one starts."""
    pieces = _split_mid_line(b"".join(_line(n, 30) for n in range(1, 601)), 3)
    if kind == "gz":
        # (stored: only the CRC at the member's end finds the damage)
        parts = [bytearray(gzip.compress(piece, compresslevel=0, mtime=0)) for piece in pieces]
        parts[1][-8:-4] = bytes(b ^ 0xFF for b in parts[1][-8:-4])  # (all its CRC: garbled data)
    else:
        compress = zstandard.ZstdCompressor(write_checksum=True).compress
        parts = [bytearray(compress(piece)) for piece in pieces]
        parts[1][-4:] = bytes(b ^ 0xFF for b in parts[1][-4:])  # (all its checksum: garbled data)
    return b"".join(map(bytes, parts)), len(parts[0])


@pytest.mark.parametrize("kind,part", [("gz", "gzip member"), ("zst", "zstd frame")])
def test_a_line_the_damage_cut_is_rejected_as_the_damaged_members(tmp_path, kind, part):
    """The next member's first bytes, the end of a line whose start the damaged member held,
    were rejected as "broken JSON", the input's own, unflagged: counted as a broken record of
    the dump."""
    data, start = _cut_line_dump(kind)
    items, rejects = _read(tmp_path, f"dump.jsonl.{kind}", data)
    damage = _damage(rejects)
    [cut] = [r for r in rejects if r.line == damage.line + 1]
    assert cut.reason.startswith(f"line read from a corrupt {part} starting at byte {start}: "
                                 f"broken JSON: "), cut.reason
    assert not [r for r in rejects if r.reason.startswith("broken JSON")]
    # (the lines after it are whole, the input's, and not flagged)
    after = [item for item in items if item.line > cut.line]
    assert after and not any(map(_flagged, after))
    assert [item.line for item in after] == list(range(cut.line + 1, cut.line + 1 + len(after)))


def test_a_line_the_damage_cut_is_counted_under_the_member_in_the_summary(tmp_path):
    data, start = _cut_line_dump("gz")
    src, out, stats = tmp_path / "dump.jsonl.gz", tmp_path / "out.jsonl", tmp_path / "s.json"
    src.write_bytes(data)
    assert main(["clean", str(src), "-o", str(out), "-q", "--workers", "2",
                 "--stats", str(stats)]) == 0
    reasons = json.loads(stats.read_text())["reject_reasons"]
    assert "broken JSON" not in reasons
    assert reasons["line read from a corrupt gzip member starting at byte N"] == 1
    [cut] = [r for r in read_jsonl(tmp_path / "out.jsonl.rejects.jsonl")
             if r["reason"].startswith("line read from")]
    assert cut["reason"].startswith(f"line read from a corrupt gzip member starting at byte "
                                    f"{start}: broken JSON")


def test_a_members_own_broken_first_line_after_a_damaged_member_stays_the_inputs(tmp_path):
    """Where members end at line ends, the next member's first line is whole: a broken record
    of the input there (it opens as a record) is still the input's own."""
    first = gzip.compress(b"".join(_line(n) for n in range(1, 101)), mtime=0)
    damaged = bytearray(gzip.compress(b"".join(_line(n) for n in range(101, 201)),
                                      compresslevel=0, mtime=0))
    damaged[-8:-4] = bytes(b ^ 0xFF for b in damaged[-8:-4])
    third = gzip.compress(b'{"n": 201, "text": \n' + b"".join(_line(n) for n in range(202, 301)),
                          mtime=0)
    items, rejects = _read(tmp_path, "dump.jsonl.gz", first + bytes(damaged) + third)
    damage = _damage(rejects)
    [broken] = [r for r in rejects if r.line == damage.line + 1]
    assert broken.reason.startswith("broken JSON"), broken.reason
    assert [item.fields["n"] for item in items if item.line > broken.line] == \
        list(range(202, 301))


def test_a_line_the_damage_cut_from_standard_input_is_the_members_too(monkeypatch):
    import sys

    data, start = _cut_line_dump("gz")
    stream = io.BufferedReader(io.BytesIO(data))
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(stream))
    rejects = [item for item in iter_inputs(["-"]) if isinstance(item, Reject)]
    damage = _damage(rejects)
    [cut] = [r for r in rejects if r.line == damage.line + 1]
    assert cut.reason.startswith(f"line read from a corrupt gzip member starting at byte "
                                 f"{start}: broken JSON")


def test_a_line_cut_by_a_damaged_frame_stays_its_across_bytes_that_are_not_zstd(tmp_path):
    """Bytes that are not zstd met after the damaged frame, before a line was read, left the
    line the frame cut said as the input's own broken JSON."""
    data, start = _cut_line_dump("zst")
    third = data.rindex((0xFD2FB528).to_bytes(4, "little"))
    _, rejects = _read(tmp_path, "dump.jsonl.zst", data[:third] + b"not zstd" + data[third:])
    junk = [r for r in rejects if "are not zstd" in r.reason]
    [cut] = [r for r in rejects if r.line == junk[0].line + 1]
    assert cut.reason.startswith(f"line read from a corrupt zstd frame starting at byte {start}: "
                                 f"broken JSON"), cut.reason
