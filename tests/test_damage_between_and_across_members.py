"""Three leftovers of how damaged compressed input is said: bytes that are no gzip member between
two members are named for what they are in the reject of a line they cut; a line cut across two
damaged members says so once, naming both, whatever the number of workers; and a damaged zstd
frame's reject does not count as unread what was read of it."""

from __future__ import annotations

import gzip
import json
import random
import re

import pytest
import zstandard

from cleaner.cli import main
from scale_helpers import read_jsonl


def _line(n: int, words: int = 30) -> bytes:
    """Line `n` of a dump: no id (its record is named by its line), its number in "n"."""
    text = " ".join(f"Berita nomor {n} tentang banjir kalimat {k}." for k in range(words))
    return json.dumps({"n": n, "text": text}).encode() + b"\n"


def _split_mid_line(data: bytes, parts: int) -> list[bytes]:
    """`data` cut into `parts` pieces at offsets that fall inside lines (as `split -b` does)."""
    cuts = [len(data) * k // parts for k in range(parts + 1)]
    for cut in cuts[1:-1]:
        assert data[cut - 1:cut] != b"\n"
    return [data[a:b] for a, b in zip(cuts, cuts[1:])]


def _clean(tmp_path, name: str, data: bytes, workers: str) -> tuple[list[dict], list[dict], dict]:
    """The records, the rejects and the summary's reasons of a run on `data`."""
    src, out, stats = tmp_path / name, tmp_path / "out.jsonl", tmp_path / "stats.json"
    src.write_bytes(data)
    assert main(["clean", str(src), "-o", str(out), "-q", "--workers", workers,
                 "--stats", str(stats)]) == 0
    return (read_jsonl(out), read_jsonl(tmp_path / "out.jsonl.rejects.jsonl"),
            json.loads(stats.read_text())["reject_reasons"])


def _damage_rejects(rejects: list[dict]) -> list[dict]:
    return [r for r in rejects if r["reason"].startswith("truncated or corrupt input")]


# -- (a) bytes that are no gzip member, between two members -----------------------------------

JUNK = b"GARBAGE!" * 5


@pytest.mark.parametrize("workers", ["1", "2"])
def test_bytes_between_members_that_are_no_member_are_named_so_in_the_line_they_cut(tmp_path,
                                                                                   workers):
    """40 bytes of junk after a whole member, before the next, cutting a line: the cut line was
    "line read from a corrupt gzip member starting at byte N", where the damage's reject says
    the bytes do not open as a gzip member. (Its first words stay: a member whose magic bytes
    are damaged reads the same, test_warc_gz_member_damage.)"""
    pieces = _split_mid_line(b"".join(_line(n) for n in range(1, 601)), 3)
    members = [gzip.compress(piece, mtime=0) for piece in pieces]
    at = len(members[0])
    records, rejects, reasons = _clean(tmp_path, "dump.jsonl.gz",
                                       members[0] + JUNK + members[1] + members[2], workers)
    [damage] = _damage_rejects(rejects)
    assert damage["reason"] == (
        f"truncated or corrupt input after line {damage['line'] - 1}: corrupt gzip member "
        f"starting at byte {at} (Error -3 while decompressing data: incorrect header check); the "
        f"{len(JUNK)} bytes from there to the next member do not open as a gzip member and "
        f"were not read; reading goes on at the next member (byte {at + len(JUNK)})")
    [cut] = [r for r in rejects if r["line"] == damage["line"] + 1]
    assert cut["reason"].startswith(f"line read from a gzip stream cut by {len(JUNK)} bytes at "
                                     f"byte {at} that are no gzip member: broken JSON: ")
    assert not [r for r in rejects if r["reason"].startswith("line read from a corrupt")]
    # (the summary counts the cut line under the bytes, once, and nothing as the input's own)
    assert reasons == {"truncated or corrupt input after line N": 1,
                       "line read from a gzip stream cut by N bytes at byte N that are no "
                       "gzip member": 1}
    # (no record lost or written twice: each line is a record, but the one the bytes cut)
    numbers = [r["n"] for r in records]
    assert len(numbers) + 1 == 600 and len(set(numbers)) == len(numbers)
    assert numbers == sorted(numbers) and numbers[0] == 1 and numbers[-1] == 600


# -- (b) a line cut across two damaged members ------------------------------------------------

def _two_damaged() -> tuple[bytes, list[int]]:
    """800 lines in four stored members cut inside lines, the second and third with their CRC
    wrong; with where each member starts."""
    pieces = _split_mid_line(b"".join(_line(n) for n in range(1, 801)), 4)
    members = [bytearray(gzip.compress(piece, compresslevel=0, mtime=0)) for piece in pieces]
    members[1][-8:-4] = bytes(b ^ 0xFF for b in members[1][-8:-4])
    members[2][-8:-4] = bytes(b ^ 0xFF for b in members[2][-8:-4])
    return b"".join(map(bytes, members)), [sum(map(len, members[:i])) for i in range(5)]


@pytest.mark.parametrize("tail", [b"\n", b"\r\n", b"x"])
def test_a_byte_or_two_after_the_last_member_are_said_to_be_no_member_not_a_cut_one(tmp_path,
                                                                                     tail):
    """A lone byte after the last member (a line break an editor added) was reported as a
    member the file ends inside, where two bytes were said to be no member."""
    members = gzip.compress(b"".join(_line(n) for n in range(1, 4)), mtime=0)
    records, rejects, _ = _clean(tmp_path, "dump.jsonl.gz", members + tail, "1")
    assert [r["n"] for r in records] == [1, 2, 3]
    [damage] = _damage_rejects(rejects)
    said = "byte from there to the end of the file does not open as a gzip member and was" \
        if len(tail) == 1 else \
        "bytes from there to the end of the file do not open as a gzip member and were"
    assert damage["reason"] == (
        f"truncated or corrupt input after line 3: corrupt gzip member starting at byte "
        f"{len(members)} (Error -3 while decompressing data: incorrect header check); the "
        f"{len(tail)} {said} not read; no further member follows")


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_line_cut_across_two_damaged_members_says_so_once_naming_both(tmp_path, workers):
    """In one process it was "line read from <second>: line read from <first>: broken JSON";
    with workers, "line read from <second>: ..." alone, the first member left unsaid."""
    data, starts = _two_damaged()
    records, rejects, reasons = _clean(tmp_path, "dump.jsonl.gz", data, workers)
    first, second = _damage_rejects(rejects)
    [across] = [r for r in rejects if r["line"] == first["line"] + 1]
    assert across["reason"].startswith(
        f"line read from corrupt gzip members starting at bytes {starts[1]} and {starts[2]}: "
        f"broken JSON: "), across["reason"]
    [after] = [r for r in rejects if r["line"] == second["line"] + 1]
    assert after["reason"].startswith(f"line read from a corrupt gzip member starting at byte "
                                      f"{starts[2]}: broken JSON: ")
    assert all(r["reason"].count("line read from") <= 1 for r in rejects)
    assert reasons["line read from corrupt gzip members starting at bytes N and N"] == 1
    # (no record written twice; the lines of the undamaged members all kept, bar the one cut)
    numbers = [r["n"] for r in records]
    assert len(set(numbers)) == len(numbers) and numbers == sorted(numbers)
    for reject in (first, second):
        found = re.search(r"lines (\d+) to (\d+) came from the damaged member", reject["reason"])
        assert found
    assert [n for n in numbers if n <= 200] == list(range(1, 201))
    assert [n for n in numbers if n > 601] == list(range(602, 801))


# -- (c) a damaged zstd frame: what of it was not read ----------------------------------------

_UNREAD = re.compile(r"the rest of the frame, up to (\d+) bytes of its input, was not read")


def _frame_lines(n: int, rng: random.Random) -> bytes:
    return json.dumps({"n": n, "text": f"Berita {rng.getrandbits(3200):0800x}"}).encode() + b"\n"


@pytest.mark.parametrize("lines", [200, 500])
def test_a_damaged_frames_unread_bytes_are_not_the_frame_when_most_of_it_was_read(tmp_path,
                                                                                 lines):
    """A frame of about 180 KB (or 440 KB), a bit of its checksum changed, most of its lines
    given: the reject said "up to N bytes" with N the whole frame's size (or 130 KB more than
    what was left of it), zstd's input reads being 128 KB."""
    rng = random.Random(32)
    rows = [_frame_lines(n, rng) for n in range(1, 3 * lines + 1)]
    compress = zstandard.ZstdCompressor(write_checksum=True).compress
    frames = [bytearray(compress(b"".join(rows[at:at + lines])))
              for at in range(0, 3 * lines, lines)]
    frames[1][-4:] = bytes(b ^ 0xFF for b in frames[1][-4:])
    records, rejects, _ = _clean(tmp_path, "dump.jsonl.zst", b"".join(map(bytes, frames)), "1")
    [damage] = _damage_rejects(rejects)
    found = _UNREAD.search(damage["reason"])
    given = re.search(r"lines (\d+) to (\d+) came from the damaged frame", damage["reason"])
    assert found and given, damage["reason"]
    unread = int(found.group(1))
    lost_lines = 2 * lines - int(given.group(2))
    lost = sum(map(len, rows[2 * lines - lost_lines:2 * lines]))   # (their text, uncompressed)
    # (within zstd's largest block of what was lost, never the whole frame)
    assert 0 < unread < len(frames[1]) and unread < lost + zstandard.BLOCKSIZE_MAX // 2, \
        (unread, lost, len(frames[1]))
    numbers = [r["n"] for r in records]
    assert numbers == [n for n in range(1, 3 * lines + 1)
                       if not 2 * lines - lost_lines < n <= 2 * lines]


def test_a_line_the_damage_garbled_is_not_told_to_be_read_in_a_legacy_charset():
    """Every garbled line of a damaged member that was not UTF-8 came with the advice to read
    it with --encoding auto or iconv, which fits a file in another charset, not damage."""
    from cleaner.inputs import Reject
    from cleaner.jsonl_reader import _with_damage

    reject = Reject("d.jsonl.gz", 9, "invalid UTF-8 at byte 25 of the line: in a legacy "
                                     "charset? read it with --encoding auto ...")
    said = _with_damage(reject, ("a corrupt gzip member starting at byte 700",))
    assert said.reason == ("line read from a corrupt gzip member starting at byte 700: invalid "
                           "UTF-8 at byte 25 of the line")


def test_a_garbled_field_name_is_shown_escaped_and_cut():
    """A name of hundreds of characters with line breaks in it ran over many terminal lines."""
    from cleaner.jsonl_reader import _fields_named

    said = _fields_named({"il seturu\nwatu" + "x" * 400: 1, "url": "u"})
    assert said == ("; its fields: il seturu\\nwatuxxxxxxxxxxxxxxxxxxxxxxxxx... (414 characters), "
                    "url (--text-field names the one with the text)")
