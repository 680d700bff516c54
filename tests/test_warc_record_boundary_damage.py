"""A few flipped bytes at a WARC record's boundary: every record the bytes hold ends as a record,
a reject naming its number and damage, or a counted skip, and the records after it keep their own
numbers. (A reviewer's fuzzing found a page that vanished with no reject where the blank lines
closing the record before it and its first line were damaged; a record whose damaged first line
lay inside the bytes passed over after a record with no Content-Length, numbered away; and a
.warc.gz member whose header was damaged, passed over with the damaged member before it, never
counted: every number after it was one off.)"""

from __future__ import annotations

import gzip
import io
import re
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from cleaner.cli import main
from cleaner.inputs import Item, ReadLog, ReadOptions, Reject
from cleaner.readers import iter_inputs
from cleaner.warc_stream import damaged_headers, header_line_like

PARA = "".join(f"<p>Paragraf berita nomor {i} yang cukup panjang untuk artikel ini, dengan "
               f"kata-kata lain.</p>" for i in range(8))
# What each record of _eight is, read whole: a skip's reason, or a page's url.
WHOLE = {1: "WARC warcinfo record", 2: "WARC request record", 3: "https://n.id/a",
         4: "not HTML (image/png)", 5: "HTTP status 301", 6: "WARC request record",
         7: "WARC metadata record", 8: "https://n.id/b"}


def _page(title: str) -> bytes:
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title></head>'
            f'<body><article><h1>{title}</h1>{PARA}</article></body></html>').encode()


def _eight(gz: bool) -> tuple[bytes, list[int]]:
    """The reviewer's WARC: warcinfo 1, request 2, page 3, image 4, redirect 301 5, request 6,
    metadata 7, page 8, written by warcio (each record its own gzip member with `gz`), its dates
    and record ids fixed so that its bytes are the same each time; and where each record (or
    member) starts."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gz)
    starts: list[int] = []

    def write(record) -> None:
        number = len(starts) + 1
        record.rec_headers.replace_header("WARC-Date", "2026-11-30T11:52:55Z")
        record.rec_headers.replace_header(
            "WARC-Record-ID", f"<urn:uuid:00000000-0000-4000-8000-{number:012d}>")
        starts.append(out.tell())
        writer.write_record(record)

    def response(url, ctype, body, status="200 OK", extra=()):
        http = StatusAndHeaders(status, [("Content-Type", ctype), *extra], protocol="HTTP/1.1")
        write(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                        http_headers=http))

    def request(url):
        http = StatusAndHeaders("GET / HTTP/1.1", [("Host", "n.id")], is_http_request=True)
        write(writer.create_warc_record(url, "request", payload=io.BytesIO(b""),
                                        http_headers=http))

    write(writer.create_warcinfo_record("crawl.warc", {"software": "test"}))
    request("https://n.id/a")
    response("https://n.id/a", "text/html; charset=utf-8", _page("Berita Satu"))
    response("https://n.id/logo.png", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    response("https://n.id/old", "text/html", b"", status="301 Moved Permanently",
             extra=[("Location", "https://n.id/new")])
    request("https://n.id/b")
    write(writer.create_warc_record("https://n.id/a", "metadata", payload=io.BytesIO(b"via: x\r\n"),
                                    warc_content_type="application/warc-fields"))
    response("https://n.id/b", "text/html; charset=utf-8", _page("Berita Dua"))
    return out.getvalue(), starts


def _read(path: Path) -> dict[int, str]:
    """Each record's number and what became of it: a skip's reason, a page's url, or "reject: "
    and its reason (a reject of the file, with no number, under 0). A number given twice fails."""
    log = ReadLog()
    log.skip_places = {}
    got: dict[int, str] = {}
    for outcome in iter_inputs([str(path)], ReadOptions(), log):
        said = f"reject: {outcome.reason}" if isinstance(outcome, Reject) else \
            str(outcome.fields["url"]) if isinstance(outcome, Item) else "?"
        number = 0 if outcome.line is None else int(outcome.line)
        assert number not in got or number == 0, (number, got.get(number), said)
        got[number] = said
    for (_, number), reason in (log.skip_places or {}).items():
        assert number not in got, (number, got[number], reason)
        got[number] = reason
    return dict(sorted(got.items()))


def _damaged(tmp_path: Path, gz: bool, flips: dict[int, int], name: str) -> Path:
    """_eight's bytes with each byte at an offset of `flips` xored with its value, written."""
    data = bytearray(_eight(gz)[0])
    for at, xor in flips.items():
        data[at] ^= xor
    path = tmp_path / name
    path.write_bytes(bytes(data))
    return path


def _explained(capsys, path: Path, number: int) -> str:
    """What `explain --id NAME:number` says (on stderr: a record with no document)."""
    main(["explain", str(path), "--id", f"{path.name}:{number}"])
    said = capsys.readouterr()
    return said.out + said.err


def test_the_whole_file_reads_as_the_reviewer_read_it(tmp_path):
    data, starts = _eight(False)
    assert starts == [0, 295, 679, 1964, 3405, 3850, 4234, 4586]     # (as the reviewer's file)
    path = tmp_path / "whole.warc"
    path.write_bytes(data)
    assert _read(path) == WHOLE
    gz = tmp_path / "whole.warc.gz"
    gz.write_bytes(_eight(True)[0])
    assert _read(gz) == WHOLE


# --- a plain .warc ---------------------------------------------------------------------------

def test_a_page_whose_first_line_and_the_blank_lines_before_it_are_damaged_is_rejected(
        tmp_path, capsys):
    """The blank lines after the request (record 2) and the page's first line damaged (the
    reviewer's repro-plain-102): the request's length seemed to end short, and the page was
    taken for the rest of it, passed over with no reject; the last page was named :7."""
    starts = _eight(False)[1]
    path = _damaged(tmp_path, False, {starts[2] - 3: 0x6E, starts[2]: 0xC5}, "bad.warc")
    got = _read(path)
    assert {n: got.get(n) for n in WHOLE if n != 3} == {n: WHOLE[n] for n in WHOLE if n != 3}
    assert got[3].startswith("reject: corrupt WARC record: ")
    assert f"the record at byte {starts[2]};" in got[3]
    assert "\\x92ARC/1.0" in got[3]                   # (the damage, as warcio met it)
    assert set(got) == set(WHOLE)
    assert "not HTML (image/png)" in _explained(capsys, path, 4)
    assert "https://n.id/b" in _explained(capsys, path, 8)


def test_a_damaged_first_line_in_the_bytes_passed_over_after_a_record_is_a_reject_of_its_own(
        tmp_path, capsys):
    """The warcinfo record's Content-Length header and the request's first line damaged (the
    reviewer's repro-plain-150): reading went on at the page's header, the request inside the
    bytes passed over; the page was numbered 2 and `explain :3` named the image."""
    starts = _eight(False)[1]
    path = _damaged(tmp_path, False, {262: 0x76, starts[1] + 6: 0xEF}, "bad.warc")
    got = _read(path)
    assert got[1].startswith("reject: corrupt WARC record: no Content-Length header (the record "
                             f"at byte 0; reading goes on at byte {starts[2]}")
    assert got[2].startswith("reject: corrupt WARC record: ")
    assert f"byte {starts[1]}" in got[2] and f"byte {starts[2]}" in got[2]
    assert {n: got[n] for n in range(3, 9)} == {n: WHOLE[n] for n in range(3, 9)}
    assert "not HTML (image/png)" in _explained(capsys, path, 4)
    assert "not HTML" not in _explained(capsys, path, 3)


@pytest.mark.parametrize("record", [2, 4, 5, 6, 7])
def test_a_record_with_no_content_length_before_a_damaged_first_line_keeps_every_number(
        tmp_path, record):
    """The same at each record: the one before it (record - 1) has no Content-Length, its own
    first line is damaged."""
    data, starts = _eight(False)
    before = data.index(b"\r\nContent-Length: ", starts[record - 2]) + 11
    path = _damaged(tmp_path, False, {before: 0x76, starts[record - 1] + 2: 0x20}, "bad.warc")
    got = _read(path)
    assert got[record - 1].startswith("reject: corrupt WARC record: no Content-Length header")
    assert got[record].startswith("reject: corrupt WARC record: ")
    assert f"byte {starts[record - 1]}" in got[record]
    assert {n: got[n] for n in WHOLE if n not in (record - 1, record)} == \
        {n: WHOLE[n] for n in WHOLE if n not in (record - 1, record)}


@pytest.mark.parametrize("record", [3, 4, 5, 6, 7])
def test_a_damaged_first_line_after_damaged_blank_lines_is_a_reject_of_its_own(tmp_path, record):
    """The page's case at each record: the blank lines before it and its first line damaged."""
    starts = _eight(False)[1]
    path = _damaged(tmp_path, False, {starts[record - 1] - 3: 0x6E, starts[record - 1]: 0xC5},
                    "bad.warc")
    got = _read(path)
    assert got[record].startswith("reject: corrupt WARC record: ")
    assert {n: got.get(n) for n in WHOLE if n != record} == \
        {n: WHOLE[n] for n in WHOLE if n != record}


# --- a .warc.gz ------------------------------------------------------------------------------

def test_a_member_passed_over_with_the_damaged_member_before_it_is_counted(tmp_path, capsys):
    """Member 3 damaged near its end, member 4's magic and its deflate data damaged (the
    reviewer's repro-gz-min): reading went on at member 5, member 4 was never counted, and
    every number after it was one off (explain :4 said "HTTP status 301", record 5's)."""
    data, starts = _eight(True)
    path = _damaged(tmp_path, True, {starts[3] - 22: 0x40, starts[3]: 0x21,
                                     starts[4] - 37: 0x08}, "bad.warc.gz")
    got = _read(path)
    assert got[3].startswith("reject: corrupt WARC record: its gzip member is damaged: corrupt "
                             f"gzip member starting at byte {starts[2]}")
    assert got[4].startswith("reject: corrupt WARC record: ")
    assert f"byte {starts[3]}" in got[4]
    assert {n: got[n] for n in range(5, 9)} == {n: WHOLE[n] for n in range(5, 9)}
    assert "HTTP status 301" not in _explained(capsys, path, 4)
    assert "HTTP status 301" in _explained(capsys, path, 5)


@pytest.mark.parametrize("member", [2, 3, 4, 5, 6, 7])
def test_a_member_whose_magic_and_data_are_damaged_after_a_damaged_member_is_counted(
        tmp_path, member):
    """The same after each member: the one before it damaged in its deflate data, its own magic
    and deflate data damaged (so that it is no whole member)."""
    starts = _eight(True)[1] + [len(_eight(True)[0])]
    path = _damaged(tmp_path, True, {starts[member - 1] - 22: 0x40, starts[member - 1]: 0x21,
                                     starts[member] - 37: 0x08}, "bad.warc.gz")
    got = _read(path)
    assert got[member - 1].startswith("reject: corrupt WARC record: its gzip member is damaged")
    assert got[member].startswith("reject: corrupt WARC record: ")
    assert {n: got[n] for n in WHOLE if n not in (member - 1, member)} == \
        {n: WHOLE[n] for n in WHOLE if n not in (member - 1, member)}


def test_the_reject_of_a_passed_over_record_names_the_file_and_its_number(tmp_path, capsys):
    starts = _eight(False)[1]
    path = _damaged(tmp_path, False, {262: 0x76, starts[1] + 6: 0xEF}, "bad.warc")
    rejects = tmp_path / "rejects.jsonl"
    main(["clean", str(path), "-o", str(tmp_path / "out.jsonl"), "--rejects", str(rejects)])
    err = capsys.readouterr().err
    assert re.search(rf"rejected {re.escape(str(path))} record 2: corrupt WARC record: ", err)
    assert "rejected 2," in err


def test_a_length_run_on_into_a_header_whose_first_line_is_damaged_keeps_every_number(tmp_path):
    """The request's Content-Length grown (30 to 90) into the page's header, whose first line is
    damaged too: the page is a reject of its own number, and the records after it keep theirs."""
    data, starts = _eight(False)
    at = data.index(b"Content-Length: 30\r\n", starts[1]) + 16
    path = _damaged(tmp_path, False, {at: 0x0A, starts[2] + 6: 0xEF}, "bad.warc")
    got = _read(path)
    assert got[3].startswith("reject: corrupt WARC record: ")
    assert {n: got[n] for n in WHOLE if n != 3} == {n: WHOLE[n] for n in WHOLE if n != 3}


# --- a page that quotes a WARC header --------------------------------------------------------

# A page's quote of a record's header (as a page on web archiving shows one): its first line
# follows "<pre>" on its line, so it is no record's, damaged or not.
QUOTE = ("<p>Contoh rekaman arsip:</p>\n<pre>WARC/1.0\r\nWARC-Type: response\r\nWARC-Date: "
         "2020-01-01T00:00:00Z\r\nWARC-Target-URI: http://quoted.example/page\r\nContent-Length: "
         "5\r\n\r\nhello</pre>")
QUOTED = {1: "https://n.id/0", 2: "https://n.id/1", 3: "https://n.id/2", 4: "https://n.id/3"}


def _quoting(gz: bool, damage, quote: str = QUOTE) -> bytes:
    """Four pages (n.id/0 to n.id/3, the second quoting a record header, `quote`, in its body),
    written by warcio plain, `damage` (bytes, the second record's start -> bytes) applied, and
    each record then made a gzip member of its own with `gz`."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=False)
    starts: list[int] = []
    for number in range(4):
        title = f"Berita {number}"
        body = _page(title).replace(b"</h1>", b"</h1>" + (PARA + quote).encode()) if number == 1 \
            else _page(title)
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                protocol="HTTP/1.1")
        starts.append(out.tell())
        writer.write_record(writer.create_warc_record(
            f"https://n.id/{number}", "response", payload=io.BytesIO(body), http_headers=http))
    data = damage(out.getvalue(), starts[1])
    if not gz:
        return data
    starts = [0] + [m.start() + 4 for m in re.finditer(rb"\r\n\r\nWARC/1\.0\r\n", data)]
    return b"".join(gzip.compress(data[a:b], mtime=0) for a, b in zip(starts, starts[1:] + [None]))


def _shorter(by: int):
    """A damage: the record's Content-Length made `by` bytes shorter."""
    def damage(data: bytes, start: int) -> bytes:
        found = re.compile(rb"\r\nContent-Length: (\d+)\r\n").search(data, start)
        assert found is not None
        return data[:found.start(1)] + str(int(found.group(1)) - by).encode() + \
            data[found.end(1):]
    return damage


def _no_length(data: bytes, start: int) -> bytes:
    """A damage: the record's Content-Length header's name damaged ("5ontent-Length")."""
    at = data.index(b"\r\nContent-Length: ", start) + 2
    return data[:at] + bytes([data[at] ^ 0x76]) + data[at + 1:]


@pytest.mark.parametrize("quote", [QUOTE, QUOTE.replace("\n", "", 1)])   # (its own line or not)
@pytest.mark.parametrize("gz", [False, True])
@pytest.mark.parametrize("by", [700, 1000, 1300])
def test_a_quoted_header_in_the_rest_of_a_record_cut_short_is_no_record(tmp_path, gz, by, quote):
    """The reviewer's qd-short1000: the quoting page's Content-Length shortened, so that the
    bytes after its end (taken for the rest of it) hold the quote. The quote's header fields
    made them a record whose first line is damaged: "Unknown archive format, first line:
    ['WARC-Type:', 'response']", and every number after it was one off."""
    path = tmp_path / ("quote.warc.gz" if gz else "quote.warc")
    path.write_bytes(_quoting(gz, _shorter(by), quote))
    assert _read(path) == QUOTED


@pytest.mark.parametrize("gz", [False, True])
def test_a_quoted_header_in_bytes_passed_over_is_no_damaged_record(tmp_path, gz):
    """The quoting page's Content-Length header damaged: its bytes are passed over to the next
    record, and "<pre>WARC/1.0" in them, no line start, was taken for a damaged first line (a
    reject of its own; the pages after it one number off)."""
    path = tmp_path / ("quote.warc.gz" if gz else "quote.warc")
    path.write_bytes(_quoting(gz, _no_length))
    got = _read(path)
    assert got[2].startswith("reject: corrupt WARC record: no Content-Length header")
    assert "quoted.example" not in got[2] and "<pre>" not in got[2]
    assert {n: got[n] for n in QUOTED if n != 2} == {n: QUOTED[n] for n in QUOTED if n != 2}
    assert set(got) == set(QUOTED)


@pytest.mark.parametrize(("line", "taken"), [
    (b"WARC/1.0", True), (b"WARC/1.1", True), (b"WaRC/1.0", True), (b"\x92ARC/1\xc10", True),
    (b"WARC/1.", True), (b"WARC/1.0x", True), (b"xWARC/1.0x", True), (b"<pre>WARC/1.0", False),
    (b"pre>WARC/1.0", False), (b"WARC", False), (b"W\x00\x00\x00/1.0", False), (b"", False),
    (b"Content-Length: 5", False)])
def test_a_damaged_record_header_line_differs_from_one_in_two_bytes_at_most(line, taken):
    assert header_line_like(line) is taken


def test_header_fields_count_as_a_record_only_after_a_record_header_line():
    """damaged_headers: "<pre>WARC/1.0" before two WARC fields, a quote's, is no damaged first
    line; "WARC/1\\xc10" at a line start is."""
    fields = b"WARC-Type: response\r\nWARC-Date: 2020\r\nContent-Length: 1\r\n\r\nx\r\n\r\n"
    assert damaged_headers(b"a\r\n\r\n<p>x</p><pre>WARC/1.0\r\n" + fields) == []
    assert damaged_headers(b"a\r\n\r\nWARC/1\xc10\r\n" + fields) == [5]
