"""WARC records cut short or damaged: a page its record holds only the start of is flagged, a file cut inside a record's headers is said to be cut, and the bytes a reject names say which stream they count in."""

from __future__ import annotations

import gzip
import json
import logging
from pathlib import Path

import pytest
from warcio.exceptions import ArchiveLoadFailed

from cleaner.cli import main
from cleaner.inputs import Item, Reject
from cleaner.readers import iter_inputs
from cleaner.warc_reader import CUT_SHORT, _why
from cleaner.warc_stream import open_stream
from test_warc_streams import PARAGRAPHS, SIX, URLS, page, record

LONG = page("Jembatan").replace(PARAGRAPHS.encode(), PARAGRAPHS.encode() * 6)


def _chunked(body: bytes, size: int = 500) -> bytes:
    return b"".join(b"%x\r\n%s\r\n" % (len(body[i:i + size]), body[i:i + size])
                    for i in range(0, len(body), size)) + b"0\r\n\r\n"


def _pages(path: Path, *records: bytes) -> list[Item]:
    path.write_bytes(b"".join(records))
    items = list(iter_inputs([str(path)]))
    assert all(isinstance(i, Item) for i in items), items
    return items


def _cut_flags(item: Item) -> list[str]:
    return [flag["reason"] for flag in item.hints["page_flags"] if flag["flag"] == CUT_SHORT]


def test_a_record_marked_warc_truncated_flags_its_page_naming_the_value(tmp_path):
    """Common Crawl marks every payload over its size limit so: the page was written whole."""
    [item] = _pages(tmp_path / "cut.warc", record(
        "https://n.id/1", LONG[:len(LONG) // 3], warc_extra="WARC-Truncated: length\r\n"))
    assert _cut_flags(item) == ["its WARC record holds only the start of the page "
                                "(WARC-Truncated: length)"]


def test_a_gzip_body_cut_short_flags_its_page(tmp_path):
    body = gzip.compress(LONG)
    [item] = _pages(tmp_path / "cut.warc", record(
        "https://n.id/2", body[:len(body) * 2 // 3],
        "Content-Type: text/html\r\nContent-Encoding: gzip\r\n"))
    assert _cut_flags(item) == ["its body ends before the end of its gzip data "
                                "(Content-Encoding): the page is cut short"]


@pytest.mark.parametrize("cut", [1000, 1505, 1507])     # in a chunk, at its end, in a size line
def test_a_chunked_body_cut_short_flags_its_page(tmp_path, cut):
    body = _chunked(LONG)
    [item] = _pages(tmp_path / "cut.warc", record(
        "https://n.id/3", body[:cut], "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n"))
    assert _cut_flags(item) == ["its chunked body (Transfer-Encoding) ends before its last "
                                "chunk: the page is cut short"]


@pytest.mark.parametrize("headers,body,flags", [
    ("Content-Type: text/html\r\nContent-Encoding: gzip\r\n", gzip.compress(LONG), []),
    ("Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n", _chunked(LONG), []),
    ("Content-Type: text/html\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n",
     _chunked(gzip.compress(LONG)), []),
    # (a server that says chunked and is not: warcio reads the body as it is, flagged so)
    ("Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n", LONG, ["transfer-encoding"]),
    ("Content-Type: text/html\r\n", LONG, []),
])
def test_a_whole_page_is_not_flagged_as_cut_short(tmp_path, headers, body, flags):
    [item] = _pages(tmp_path / "whole.warc", record("https://n.id/4", body, headers))
    assert item.text.startswith("<!DOCTYPE html>") and item.text.endswith("</html>")
    assert [f["flag"] for f in item.hints["page_flags"]] == flags


def test_a_chunked_body_whose_framing_breaks_further_on_is_flagged(tmp_path):
    # The rest of the body was read as it came, its chunk size lines in the page's text,
    # without a word.
    body = _chunked(LONG)
    lines = [i for i in range(len(body)) if body.startswith(b"\r\n1f4\r\n", i)]
    broken = body[:lines[2]] + b"\r\nzz\r\n" + body[lines[2] + 7:]
    [item] = _pages(tmp_path / "a.warc", record(
        "https://n.id/7", broken, "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n"))
    assert [(f["flag"], f["reason"]) for f in item.hints["page_flags"]] == [
        ("transfer-encoding", "its chunked body (Transfer-Encoding) breaks off after 3 chunks: "
                              "the rest is read as it came, with any chunk size lines in it")]


def test_pages_cut_short_come_out_flagged_from_the_cli(tmp_path):
    body = gzip.compress(LONG)
    path = tmp_path / "cut.warc"
    path.write_bytes(record("https://n.id/1", LONG[:len(LONG) // 3],
                            warc_extra="WARC-Truncated: length\r\n")
                     + record("https://n.id/2", body[:len(body) * 2 // 3],
                              "Content-Type: text/html\r\nContent-Encoding: gzip\r\n"))
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(path), "-o", str(out), "--workers", "1", "-q"]) == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [[f["flag"] for f in r["flags"]] for r in records] == [[CUT_SHORT], [CUT_SHORT]]


@pytest.mark.parametrize("before,which", [
    (b"WARC-Record-ID", "WARC"), (b"WARC-Target-URI", "WARC"), (b"Content-Length", "WARC"),
    (b"\r\n\r\nHTTP/1.1", "WARC"), (b"HTTP/1.1", "HTTP")])
def test_a_file_cut_inside_a_records_headers_is_rejected_as_truncated(tmp_path, before, which):
    """It was "corrupt WARC record: no WARC-Target-URI header" where the cut left that out, and
    where it left the Target-URI in, no reject at all: warcio took the record for the end."""
    last = SIX.rfind(b"WARC/1.0")
    path = tmp_path / "cut.warc"
    path.write_bytes(SIX[:SIX.index(before, last)])
    *items, reject = iter_inputs([str(path)])
    assert [i.fields["url"] for i in items] == URLS[:5]
    assert reject.line == 6 and reject.reason == (
        f"truncated WARC record: the file ends inside its {which} headers (the record at byte "
        f"{last})")


def _drop_target_uri(data: bytes) -> bytes:
    at = data.index(b"WARC-Target-URI: ")
    return data[:at] + b"X-" + data[at:]


def test_a_reject_in_a_warc_gz_says_its_byte_is_in_the_decompressed_stream(tmp_path):
    """The byte counts in the decompressed data, where gzip's own errors count in the file."""
    records = [record(url, page("J")) for url in URLS[:3]]
    second = len(records[0])
    records[1] = _drop_target_uri(records[1])
    plain, packed = tmp_path / "crawl.warc", tmp_path / "crawl.warc.gz"
    plain.write_bytes(b"".join(records))
    packed.write_bytes(b"".join(gzip.compress(r) for r in records))
    [reject] = [i for i in iter_inputs([str(plain)]) if isinstance(i, Reject)]
    assert f"(the record at byte {second}; reading goes on" in reject.reason
    [reject] = [i for i in iter_inputs([str(packed)]) if isinstance(i, Reject)]
    assert f"(the record at byte {second} of the decompressed stream; reading goes on" \
        in reject.reason


def test_why_takes_the_first_line_that_says_something(tmp_path):
    path = tmp_path / "a.warc"
    path.write_bytes(SIX)
    with open_stream(path) as stream:
        said = _why(ArchiveLoadFailed("\n    ERROR: non-chunked gzip\n    more\n"), stream, 0)
    assert said == "ERROR: non-chunked gzip"


def test_warcios_warning_of_spaces_in_a_target_uri_is_not_logged(tmp_path, caplog):
    """It reached stderr, also under -q; the record is read, the spaces as %20."""
    path = tmp_path / "a.warc"
    path.write_bytes(record("https://x.id/a b", page("J")))
    out = tmp_path / "out.jsonl"
    with caplog.at_level(logging.DEBUG):
        assert main(["clean", str(path), "-o", str(out), "--workers", "1", "-q"]) == 0
    assert not [r for r in caplog.records if "WARC-Target-URI" in r.getMessage()]
    assert json.loads(out.read_text(encoding="utf-8"))["meta"]["url"] == "https://x.id/a%20b"


GZIP_HEADERS = "Content-Type: text/html\r\nContent-Encoding: gzip\r\n"


def _damaged_at(data: bytes, share: float) -> bytes:
    """`data` with 10 bytes flipped at `share` of its length."""
    damaged = bytearray(data)
    at = int(len(damaged) * share)
    for i in range(at, at + 10):
        damaged[i] ^= 0xFF
    return bytes(damaged)


def test_a_page_labelled_gzip_that_is_not_is_read_as_it_is_and_flagged(tmp_path):
    # (warcio reads a body whose first bytes do not inflate as it is: no word said)
    [item] = _pages(tmp_path / "a.warc", record("https://n.id/4", LONG, GZIP_HEADERS))
    assert item.text == LONG.decode()
    assert [(f["flag"], f["reason"]) for f in item.hints["page_flags"]] == [
        ("content-encoding", "its body is labelled Content-Encoding gzip but is not in it: read "
                             "as it is")]


def test_a_gzip_body_damaged_from_its_start_is_rejected_saying_so(tmp_path):
    # It was rejected as "binary data (NUL or control bytes), not HTML".
    path = tmp_path / "a.warc"
    path.write_bytes(record("https://n.id/5", _damaged_at(gzip.compress(LONG), 0.5),
                            GZIP_HEADERS))
    [reject] = list(iter_inputs([str(path)]))
    assert isinstance(reject, Reject)
    assert reject.reason == ("its body, labelled Content-Encoding gzip, does not decode (damaged "
                             "from its start): https://n.id/5")


def test_a_gzip_body_damaged_further_on_flags_its_page_cut_where_it_starts(tmp_path, capfd):
    # warcio wrote zlib's error to stderr, and the flag said the body ended early.
    import random

    rng = random.Random(7)
    words = " ".join("".join(rng.choice("abdegiklmnoprstu") for _ in range(rng.randint(2, 9)))
                     for _ in range(30_000))
    large = page("Jembatan").replace(b"</body>", f"<p>{words}.</p></body>".encode())
    [item] = _pages(tmp_path / "a.warc", record(
        "https://n.id/6", _damaged_at(gzip.compress(large), 0.6), GZIP_HEADERS))
    [said] = _cut_flags(item)
    assert said.startswith("its body's gzip data (Content-Encoding) is damaged: the page is cut "
                           "where the damage starts (Error -3 while decompressing data")
    assert capfd.readouterr().err == ""
