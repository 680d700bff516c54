"""Damage to a .warc.gz's gzip trailers and member headers, and a plain .warc cut in a record's closing blank lines: every record of the undamaged file keeps its own number, with its outcome or a reject, and a cut is said once."""

from __future__ import annotations

import gzip
import io
import json
import random
import zlib
from pathlib import Path

import orjson
import pytest

from cleaner.gzip_members import CorruptGzip, GzipMembers
from cleaner.inputs import Item, ReadLog, Reject
from cleaner.readers import iter_inputs
from cleaner.warc_reader import kept_cut_short
from test_warc_records import TEXT, _mixed_records, warc_record
from test_warc_streams import page, record


def _outcomes(path: Path, log: ReadLog | None = None) -> list[tuple]:
    """Each outcome's (line, reason) for a reject, (line, url, flags) for an item."""
    return [(i.line, i.reason) if isinstance(i, Reject) else
            (i.line, i.fields["url"], [f["flag"] for f in i.hints.get("page_flags", ())])
            for i in iter_inputs([str(path)], log=log)]


def _spans(parts: list[bytes]) -> list[tuple[int, int]]:
    """Where each part starts and ends once they are joined."""
    ends = [sum(map(len, parts[:n + 1])) for n in range(len(parts))]
    return list(zip([0] + ends[:-1], ends))


def _accounted_for(got: list[tuple], expected: list[tuple], hit: set[int]) -> list[str]:
    """What breaks "nothing lost" in `got` against the whole file's `expected`: a record the
    damage did not reach that is not as the whole file gives it, a record it reached with no
    outcome (of those the whole file gives one), a number twice or out of order, a number past
    the last record."""
    wrong = []
    numbers = [g[0] for g in got if g[0] is not None]
    if numbers != sorted(set(numbers)) or any(n > len(_mixed_records()) for n in numbers):
        wrong.append(f"numbers {numbers}")
    by_number = {g[0]: g for g in got}
    for line, *rest in expected:
        if line not in hit and by_number.get(line) != (line, *rest):
            wrong.append(f"record {line}: {by_number.get(line)}")
        if line in hit and line not in by_number:
            wrong.append(f"record {line} has no outcome")
    wrong += [f"record {line} is no record of the whole file" for line in by_number
              if line is not None and line not in hit and line not in {e[0] for e in expected}]
    return wrong


# --- a .warc.gz whose damage takes a member's trailer and the next member's header --------------

@pytest.mark.parametrize("size", [1, 5, 12])
def test_damage_around_every_members_end_leaves_every_record_its_own_number(tmp_path, size):
    """Damage from a member's last deflate bytes through its CRC and length into the next
    member's header: where it took the CRC, the next member's record was lost without a reject
    and every record after it was numbered one too low (and a first member's damaged magic read
    the file as a plain WARC: one reject for all of it)."""
    members = [gzip.compress(r) for r in _mixed_records()]
    data = b"".join(members)
    whole, bad = tmp_path / "whole.warc.gz", tmp_path / "bad.warc.gz"
    whole.write_bytes(data)
    expected = _outcomes(whole)
    spans = _spans(members)
    failures = []
    for start, _ in spans:
        for at in range(max(0, start - 16), start + 12):
            damaged = bytearray(data)
            for where in range(at, min(at + size, len(data))):
                damaged[where] ^= 0x5A
            bad.write_bytes(bytes(damaged))
            hit = {n + 1 for n, (s, e) in enumerate(spans) if s < at + size and e > at}
            wrong = _accounted_for(_outcomes(bad), expected, hit)
            failures += [f"{size} bytes at {at}: {w}" for w in wrong]
    assert failures == []


@pytest.mark.parametrize("record_at", [0, 2, 5])
def test_damage_to_a_members_crc_length_and_the_next_header_rejects_both_records(tmp_path,
                                                                                record_at):
    members = [gzip.compress(r) for r in _mixed_records()]
    data = bytearray(b"".join(members))
    end = sum(map(len, members[:record_at + 1]))
    for at in range(end - 8, end + 4):           # CRC, length, the next member's magic and more
        data[at] ^= 0x5A
    whole, bad = tmp_path / "whole.warc.gz", tmp_path / "bad.warc.gz"
    whole.write_bytes(b"".join(members))
    bad.write_bytes(bytes(data))
    got, expected = _outcomes(bad), _outcomes(whole)
    damaged, lost = record_at + 1, record_at + 2
    assert [g for g in got if g[0] not in (damaged, lost)] == \
        [e for e in expected if e[0] not in (damaged, lost)]
    said = dict(g for g in got if g[0] in (damaged, lost))
    assert said[damaged].startswith("corrupt WARC record: its gzip member is damaged: corrupt "
                                    f"gzip member starting at byte {end - len(members[record_at])}")
    assert said[lost] == (f"corrupt WARC record: its gzip member, at byte {end} of the file, has "
                          f"a damaged header (as has the end of the member before it): the "
                          f"record is lost")


def test_damage_from_the_last_deflate_bytes_into_the_next_header_keeps_the_numbers(tmp_path):
    """The deflate data damaged too, the inflater stopped a few bytes into the next member: the
    member with the damaged header is found near there."""
    members = [gzip.compress(r) for r in _mixed_records()]
    data = bytearray(b"".join(members))
    end = sum(map(len, members[:6]))
    for at in range(end - 11, end + 1):
        data[at] ^= 0x5A
    path = tmp_path / "bad.warc.gz"
    path.write_bytes(bytes(data))
    got = _outcomes(path)
    assert [g[0] for g in got] == [2, 3, 4, 6, 7, 9]     # (8: a metadata record, skipped)
    assert got[-3][1].startswith("corrupt WARC record: its gzip member is damaged")
    assert got[-2][1].startswith(f"corrupt WARC record: its gzip member, at byte {end} ")
    assert got[-1] == (9, "https://n.id/r9", [])


@pytest.mark.parametrize("at", [0, 1, 2])
def test_a_warc_gz_whose_first_magic_byte_is_damaged_is_still_read_as_gzip(tmp_path, at):
    """Read as a plain WARC, it was one reject for the whole file."""
    members = [gzip.compress(r) for r in _mixed_records()]
    data = bytearray(b"".join(members))
    data[at] ^= 0x5A
    whole, bad = tmp_path / "whole.warc.gz", tmp_path / "bad.warc.gz"
    whole.write_bytes(b"".join(members))
    bad.write_bytes(bytes(data))
    got = _outcomes(bad)
    assert got[0][0] == 1 and got[0][1].startswith("corrupt WARC record: its gzip member is "
                                                   "damaged: corrupt gzip member starting at "
                                                   "byte 0")
    assert got[1:] == _outcomes(whole)


def _words(rng: random.Random, count: int) -> bytes:
    """Words that do not repeat: their gzip member is as large as they are, past the 64 KB read
    at a time."""
    return " ".join("".join(rng.choice("abdegiklmnoprstu") for _ in range(rng.randint(2, 9)))
                    for _ in range(count)).encode()


def read_stream(data: bytes) -> tuple[bytes, list[CorruptGzip]]:
    """What GzipMembers hands out of `data`, and the damage it reports."""
    reader = GzipMembers(io.BytesIO(data))
    out, errors = [], []
    while True:
        try:
            chunk = reader.read(1 << 16)
        except CorruptGzip as exc:
            errors.append(exc)
            continue
        if not chunk:
            return b"".join(out), errors
        out.append(chunk)


@pytest.mark.parametrize("large", [False, True])
def test_a_gzip_stream_says_the_member_its_crc_damage_took_the_header_of(large):
    rng = random.Random(9)
    first, second, third = (gzip.compress(_words(rng, 40000) if large and n < 2 else
                                          f"line {n}\n".encode() * 200) for n in range(3))
    data = bytearray(first + second + third)
    for at in range(len(first) - 8, len(first) + 3):
        data[at] ^= 0x5A
    out, errors = read_stream(bytes(data))
    [error] = errors
    assert error.lost == len(first) and error.resumed_at == len(first) + len(second)
    # (what the first member gave before the read that met the damage is handed out, as ever)
    assert out.endswith(b"line 2\n" * 200) and len(out) < len(gzip.decompress(first)) + 1400


def test_junk_after_a_member_whose_crc_is_damaged_is_no_lost_record(tmp_path):
    """Bytes that are no gzip member (random, or deflate data with no header and a wrong
    trailer) are not taken for a member whose header was damaged: no record is made up."""
    rng = random.Random(5)
    first, last = gzip.compress(record("https://n.id/a", page("Satu"))), \
        gzip.compress(record("https://n.id/b", page("Dua")))
    broken = bytearray(first)
    broken[-6] ^= 0xFF                           # its CRC
    deflated = zlib.compress(b"WARC/1.0\r\n" * 50)[2:]     # (a zlib trailer, not gzip's)
    for junk in (bytes(rng.randrange(256) for _ in range(300)), b"\x00" * 10 + deflated):
        path = tmp_path / "crawl.warc.gz"
        path.write_bytes(bytes(broken) + junk + last)
        got = _outcomes(path)
        assert [g[0] for g in got] == [1, 2] and got[1] == (2, "https://n.id/b", [])
        assert got[0][1].startswith("corrupt WARC record: its gzip member is damaged")


# --- a plain .warc cut in the blank lines that close a record ------------------------------------

def _plain(records: list[bytes], cut: int) -> bytes:
    return b"".join(records)[:cut]


@pytest.mark.parametrize("index, left_out", [(0, 1), (0, 3), (0, 4), (4, 2), (7, 1), (7, 4),
                                             (3, 3), (6, 1)])
def test_a_warc_cut_in_a_records_closing_blank_lines_says_so_once(tmp_path, index, left_out):
    """A skipped record (warcinfo, request, metadata) or a page cut there had no word of the
    cut: the record has its outcome as in the whole file (none for one skipped, and it is
    counted as skipped), and the file's end is one reject of the file."""
    records = _mixed_records()[:index + 1]
    whole, cut = tmp_path / "whole.warc", tmp_path / "cut.warc"
    whole.write_bytes(b"".join(records))
    cut.write_bytes(b"".join(records)[:-left_out])
    whole_log, cut_log = ReadLog(), ReadLog()
    got, expected = _outcomes(cut, cut_log), _outcomes(whole, whole_log)
    assert got[:-1] == expected
    assert got[-1] == (None, f"truncated WARC: the file ends inside the blank lines that close "
                             f"its last record (after record {index + 1}, read to its end)")
    assert cut_log.skipped_records == whole_log.skipped_records


def test_a_whole_warc_and_one_with_bare_line_feeds_say_no_cut(tmp_path):
    records = _mixed_records()
    path = tmp_path / "whole.warc"
    path.write_bytes(b"".join(records))
    assert all(g[0] is not None for g in _outcomes(path))
    bare = warc_record("conversion", "https://n.id/c", TEXT.encode(), "text/plain")[:-4] + \
        b"\n\n"
    path.write_bytes(b"".join(records[:3]) + bare)
    assert _outcomes(path)[-1] == (4, "https://n.id/c", [])


def test_a_warc_cut_at_every_place_near_a_records_end_says_the_cut_once(tmp_path):
    """Every cut within 30 bytes of a record's end or start: the records before it as in the
    whole file, the record it falls in with an outcome or a reject of the file, and the cut
    said once."""
    records = _mixed_records()
    data = b"".join(records)
    whole, cut = tmp_path / "whole.warc", tmp_path / "cut.warc"
    whole.write_bytes(data)
    expected = _outcomes(whole)
    failures = []
    for start, end in _spans(records):
        for at in [*range(start + 1, start + 30), *range(end - 30, end)]:
            cut.write_bytes(data[:at])
            got = _outcomes(cut)
            number = next(n + 1 for n, (s, e) in enumerate(_spans(records)) if s <= at < e)
            said = [g for g in got if len(g) == 2 or "truncated-page" in g[2]]
            before = [e for e in expected if e[0] < number]
            if got[:len(before)] != before or len(said) != 1 or \
                    not {g[0] for g in got[len(before):]} <= {number, None}:
                failures.append((at, number, got[len(before):]))
    assert failures == []


def test_a_request_record_cut_right_after_its_warc_headers_is_rejected(tmp_path):
    """Its HTTP request headers not begun, warcio took the file for ended: nothing was said."""
    records = _mixed_records()[:5]
    request = records[4]
    path = tmp_path / "crawl.warc"
    path.write_bytes(b"".join(records[:4]) + request[:request.index(b"\r\n\r\n") + 4])
    assert _outcomes(path)[-1] == (5, "truncated WARC record: the file ends inside its HTTP "
                                      "headers (the record at byte "
                                      f"{sum(map(len, records[:4]))})")


# --- a kept cut page named on stderr ---------------------------------------------------------------

def _record_line(flags: list[dict]) -> bytes:
    return orjson.dumps({"id": "crawl.warc.gz:3", "text": "x", "flags": flags})


def test_a_record_of_a_page_the_file_ends_inside_gets_a_line_naming_it(tmp_path):
    records = [record(f"https://n.id/{n}", page(f"Judul {n}")) for n in range(3)]
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(b"".join(gzip.compress(r) for r in records)[:-40])
    *_, last = iter_inputs([str(path)])
    assert isinstance(last, Item)
    line = _record_line(last.hints["page_flags"])
    assert kept_cut_short(line) == (
        "kept crawl.warc.gz:3 as far as the file goes, flagged truncated-page: "
        + last.hints["page_flags"][0]["reason"])


@pytest.mark.parametrize("flags", [
    [], [{"flag": "truncated-page", "reason": "its WARC record holds only the start of the page "
                                              "(WARC-Truncated: length)"}],
    [{"flag": "charset", "reason": "the file ends inside its WARC record"}]])
def test_other_records_get_no_line(flags):
    """A page a crawler cut (WARC-Truncated, thousands in a crawl) is no file cut short."""
    assert kept_cut_short(_record_line(flags)) is None
    assert kept_cut_short(json.dumps({"id": "a:1", "text": "the file ends inside its WARC "
                                                           "record"}).encode()) is None


def test_a_plain_warc_named_warc_gz_whose_first_line_is_damaged_is_still_read_as_plain(tmp_path):
    """Its other header lines say it is no gzip: read as one, every record would be lost."""
    records = _mixed_records()
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(b"X" + b"".join(records)[1:])
    got = _outcomes(path)
    assert got[0][0] == 1 and got[0][1].startswith("corrupt WARC record: ")
    path.write_bytes(b"".join(records))
    assert got[1:] == _outcomes(path)


@pytest.mark.parametrize("quiet", [False, True])
def test_a_run_names_the_page_the_file_ends_inside_once_on_stderr(tmp_path, capsys, quiet):
    from cleaner.cli import main

    records = [record(f"https://n.id/{n}", page(f"Judul {n}")) for n in range(3)]
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(b"".join(gzip.compress(r) for r in records)[:-40])
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(path), "-o", str(out), "--workers", "1"]
                + (["-q"] if quiet else [])) == 0
    said = [line for line in capsys.readouterr().err.splitlines()
            if "as far as the file goes" in line]
    last = json.loads(out.read_text(encoding="utf-8").splitlines()[-1])
    assert [f["flag"] for f in last["flags"]] == ["truncated-page"]
    assert said == ([] if quiet else [
        f"cleaner: kept {path} record 3 (id {last['id']}) as far as the file goes, flagged "
        "truncated-page: "
        + last["flags"][0]["reason"]])
