"""WARCs as crawlers other than the ones first tried write them (an acceptance run with wget and
Common Crawl files): wget's own resource records, a 206 Partial Content response, a chunked body
with a trailer, records closed by one line break, a page served as application/octet-stream that
Common Crawl identified as HTML; and `explain --id` by a record's WARC-Record-ID."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from cleaner.cli import main
from cleaner.inputs import CUT_SHORT, Item, ReadLog, Reject
from cleaner.readers import iter_inputs
from test_warc_records import TEXT, warc_record
from test_warc_streams import page, record

URL = "https://www.harbourgazette.com/news/sea-wall"
WGET = "metadata://gnu.org/software/wget/warc/"


def _outcomes(path: Path, log: ReadLog | None = None) -> list[tuple]:
    """Each outcome's (line, reason) for a reject, (line, url, flags) for an item."""
    return [(i.line, i.reason) if isinstance(i, Reject) else
            (i.line, i.fields["url"], [f["flag"] for f in i.hints.get("page_flags", ())])
            for i in iter_inputs([str(path)], log=log)]


def _items(path: Path) -> list[Item]:
    return [i for i in iter_inputs([str(path)]) if isinstance(i, Item)]


# --- 1. wget's own records ----------------------------------------------------------------------

def test_wgets_own_resource_records_are_skipped_and_counted(tmp_path):
    """wget --warc-file stores its arguments, manifest and log as resource records of text/plain
    under metadata:// targets: no article, so each is skipped and counted with why (they were
    three articles)."""
    path = tmp_path / "crawl.warc"
    path.write_bytes(
        warc_record("resource", WGET + "wget_arguments.txt", b'"--warc-file=crawl"\n',
                    "text/plain")
        + record(URL, page("Sea wall repair approved"))
        + warc_record("resource", WGET + "MANIFEST.txt", b"<urn:uuid:1>\n", "text/plain")
        + warc_record("resource", WGET + "wget.log", b"Opening WARC file 'crawl.warc.gz'.\n"
                      b"HTTP request sent, awaiting response... 200 OK\n", "text/plain"))
    log = ReadLog()
    assert _outcomes(path, log) == [(2, URL, [])]
    assert log.skipped_records == Counter({"WARC resource record of a metadata: URI, no web page":
                                           3})


def test_a_resource_or_conversion_record_of_a_web_page_is_still_read(tmp_path):
    path = tmp_path / "crawl.warc"
    path.write_bytes(warc_record("resource", "http://a.id/1", page("Judul"), "text/html")
                     + warc_record("conversion", "https://a.id/2", TEXT.encode(), "text/plain")
                     + warc_record("resource", "HTTPS://a.id/3", TEXT.encode(), "text/plain")
                     + warc_record("conversion", "urn:x-file:notes", TEXT.encode(),
                                   "text/plain"))
    log = ReadLog()
    assert [o[:2] for o in _outcomes(path, log)] == [(1, "http://a.id/1"), (2, "https://a.id/2"),
                                                    (3, "HTTPS://a.id/3")]
    assert log.skipped_records == Counter({"WARC conversion record of a urn: URI, no web page": 1})


# --- 2. 206 Partial Content ---------------------------------------------------------------------

def _partial(body: bytes, content_range: str | None) -> bytes:
    """A 206 Partial Content response holding `body`, with that Content-Range (or none)."""
    headers = "Content-Type: text/html; charset=utf-8\r\n" + (
        f"Content-Range: {content_range}\r\n" if content_range is not None else "")
    http = f"HTTP/1.1 206 Partial Content\r\n{headers}\r\n".encode() + body
    return (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:206>\r\n"
            f"WARC-Target-URI: {URL}\r\nContent-Type: application/http; msgtype=response\r\n"
            f"Content-Length: {len(http)}\r\n\r\n").encode() + http + b"\r\n\r\n"


def test_a_206_response_holding_part_of_the_page_is_flagged_truncated(tmp_path):
    body = page("Sea wall repair approved")[:700]
    path = tmp_path / "crawl.warc"
    path.write_bytes(_partial(body, "bytes 0-699/1400") + _partial(body, None)
                     + _partial(body, "bytes 0-699/*"))
    items = _items(path)
    assert [i.line for i in items] == [1, 2, 3]
    for item in items:
        flags = item.hints["page_flags"]
        assert [f["flag"] for f in flags] == [CUT_SHORT]
        assert "206 Partial Content" in flags[0]["reason"]
    assert "bytes 0-699/1400" in items[0].hints["page_flags"][0]["reason"]


def test_a_206_response_whose_range_covers_the_whole_page_is_not_flagged(tmp_path):
    body = page("Sea wall repair approved")
    path = tmp_path / "crawl.warc"
    path.write_bytes(_partial(body, f"bytes 0-{len(body) - 1}/{len(body)}"))
    assert _outcomes(path) == [(1, URL, [])]


def test_a_206_record_is_flagged_in_the_output_of_clean(tmp_path):
    path, out = tmp_path / "crawl.warc", tmp_path / "out.jsonl"
    path.write_bytes(_partial(page("Sea wall repair approved")[:700], "bytes 0-699/1400"))
    assert main(["clean", str(path), "-o", str(out), "--workers", "1", "-q"]) == 0
    assert f'"flag":"{CUT_SHORT}"' in out.read_text()


# --- 3. a chunked body with a trailer -----------------------------------------------------------

def _chunked(body: bytes, end: bytes) -> bytes:
    first, rest = body[:500], body[500:]
    chunks = b"%x\r\n" % len(first) + first + b"\r\n" + b"%x\r\n" % len(rest) + rest + b"\r\n"
    return record(URL, chunks + end, "Content-Type: text/html; charset=utf-8\r\n"
                                     "Transfer-Encoding: chunked\r\n")


def test_a_chunked_body_with_a_trailer_is_whole_and_keeps_no_trailer_bytes(tmp_path):
    body = page("Sea wall repair approved")
    path = tmp_path / "crawl.warc"
    for end in (b"0\r\nX-Trailer: 1\r\n\r\n", b"0\r\nX-A: 1\r\nX-B: two\r\n\r\n",
                b"0;ext=1\r\nX-Trailer: 1\r\n\r\n"):
        path.write_bytes(_chunked(body, end) + record(URL + "/2", page("Dua")))
        items = _items(path)
        assert [(i.line, i.hints["page_flags"]) for i in items] == [(1, []), (2, [])], end
        assert items[0].text == body.decode(), end


def test_a_chunked_body_cut_in_its_trailer_or_before_its_last_chunk_is_still_flagged(tmp_path):
    body = page("Sea wall repair approved")
    path = tmp_path / "crawl.warc"
    for end in (b"", b"0\r\nX-Trailer: 1\r\n"):
        path.write_bytes(_chunked(body, end))
        assert _outcomes(path) == [(1, URL, [CUT_SHORT])], end


# --- 4. records closed by one line break --------------------------------------------------------

def _one_crlf(records: list[bytes]) -> bytes:
    """The records, each closed by one CRLF (not the two of the WARC format)."""
    return b"".join(r[:-2] for r in records)


def test_a_warc_whose_records_all_close_with_one_line_break_has_no_reject(tmp_path):
    records = [warc_record("warcinfo", None, b"software: x\r\n", "application/warc-fields"),
               record(URL, page("Satu")), record(URL + "/2", page("Dua")),
               warc_record("request", URL, b"GET / HTTP/1.1\r\n\r\n", "application/http")]
    whole, one = tmp_path / "whole.warc", tmp_path / "one.warc"
    whole.write_bytes(b"".join(records))
    expected = _outcomes(whole)
    assert expected == [(2, URL, []), (3, URL + "/2", [])]
    one.write_bytes(_one_crlf(records))
    log = ReadLog()
    assert _outcomes(one, log) == expected
    assert log.skipped_records == Counter({"WARC warcinfo record": 1, "WARC request record": 1})
    # (the file's end without even the one line break its records close with: said, as where
    # two close them; no data is lost either way)
    one.write_bytes(_one_crlf(records)[:-2])
    assert _outcomes(one)[-1] == (None, "truncated WARC: the file ends inside the blank lines "
                                        "that close its last record (after record 4, read to "
                                        "its end)")


def test_one_warc_file_of_records_closed_by_one_line_break_gets_no_reject_from_clean(tmp_path):
    path, out = tmp_path / "crawl.warc", tmp_path / "out.jsonl"
    path.write_bytes(_one_crlf([record(URL, page("Satu")), record(URL + "/2", page("Dua"))]))
    assert main(["clean", str(path), "-o", str(out), "--workers", "1", "-q"]) == 0
    assert len(out.read_text().splitlines()) == 2
    assert not (tmp_path / "out.jsonl.rejects.jsonl").exists()


def test_a_warc_cut_to_one_line_break_after_records_closed_with_two_still_says_so(tmp_path):
    records = [record(URL, page("Satu")), record(URL + "/2", page("Dua"))]
    path = tmp_path / "crawl.warc"
    path.write_bytes(b"".join(records)[:-2])
    assert _outcomes(path)[-1] == (None, "truncated WARC: the file ends inside the blank lines "
                                         "that close its last record (after record 2, read to "
                                         "its end)")


# --- 5. a page served as application/octet-stream -----------------------------------------------

def test_a_page_served_as_octet_stream_that_common_crawl_identified_as_html_is_read(tmp_path):
    path = tmp_path / "crawl.warc"
    path.write_bytes(
        record(URL, page("Satu"), "Content-Type: application/octet-stream\r\n",
               "WARC-Identified-Payload-Type: text/html\r\n")
        + record(URL + "/2", page("Dua"), "Content-Type: application/octet-stream\r\n")
        + record(URL + "/3", b"\x00\x01binary", "Content-Type: application/octet-stream\r\n",
                 "WARC-Identified-Payload-Type: text/html\r\n")
        + record(URL + "/4", page("Empat"), "Content-Type: application/octet-stream\r\n",
                 "WARC-Identified-Payload-Type: application/xhtml+xml\r\n"))
    log = ReadLog()
    assert _outcomes(path, log) == [(1, URL, []), (4, URL + "/4", [])]
    assert log.skipped_records == Counter({"not HTML (application/octet-stream)": 2})


# --- 6. explain --id by a record's WARC-Record-ID -----------------------------------------------

def _crawl(tmp_path: Path) -> Path:
    path = tmp_path / "crawl.warc"
    path.write_bytes(record(URL, page("Satu")) + record(URL + "/2", page("Dua"))
                     + record("https://x.id/a.png", b"\x89PNG\r\n", "Content-Type: image/png\r\n"))
    return path


def test_explain_finds_a_warc_record_by_its_warc_record_id(tmp_path, capsys):
    crawl = _crawl(tmp_path)
    record_id = f"<urn:uuid:{len(URL) + 2}-{URL}/2>"
    for given in (record_id, record_id[1:-1]):
        assert main(["explain", str(crawl), "--id", given]) == 0, given
        said = capsys.readouterr()
        assert "== crawl.warc:2" in said.out and "Dua" in said.out, given
        assert "Satu" not in said.out and "no document" not in said.err, given


def test_explain_by_warc_record_id_says_a_skipped_record_was_skipped(tmp_path, capsys):
    crawl = _crawl(tmp_path)
    record_id = "<urn:uuid:18-https://x.id/a.png>"
    assert main(["explain", str(crawl), "--id", record_id]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"cleaner: skipped {crawl} record 3 (id {record_id}): not HTML (image/png)"]


def test_explain_by_an_unknown_warc_record_id_says_no_document(tmp_path, capsys):
    crawl = _crawl(tmp_path)
    assert main(["explain", str(crawl), "--id", "<urn:uuid:nope>"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "cleaner: no document with id <urn:uuid:nope> in the input"]


def test_explain_by_warc_record_id_says_why_a_record_was_rejected(tmp_path, capsys):
    crawl = tmp_path / "crawl.warc"
    crawl.write_bytes(record(URL, page("Satu")) + record(URL + "/2", b"   "))
    record_id = f"urn:uuid:{len(URL) + 2}-{URL}/2"
    assert main(["explain", str(crawl), "--id", record_id]) == 1
    said = capsys.readouterr()
    assert said.out == ""
    assert said.err.splitlines() == [f"cleaner: rejected {crawl} record 2: empty page: {URL}/2"]


# --- 7. mends after review: pages under other schemes, record ids in any case ------------------

def test_a_resource_record_of_html_under_a_file_or_urn_target_is_read(tmp_path):
    """warcit stores saved pages as resource records of text/html under file:// or urn: targets:
    pages, read; wget's metadata: and a dns: record are no page whatever their type."""
    path = tmp_path / "crawl.warc"
    path.write_bytes(warc_record("resource", "file:///home/me/saved/a.html", page("Satu"),
                                 "text/html")
                     + warc_record("resource", "urn:x-page:article-5", page("Dua"), "text/html")
                     + warc_record("resource", WGET + "wget.log", page("Tiga"), "text/html")
                     + warc_record("resource", "dns:a.id", b"20240305 a.id. 1.2.3.4\n",
                                   "text/dns"))
    log = ReadLog()
    assert [o[:2] for o in _outcomes(path, log)] == [(1, "file:///home/me/saved/a.html"),
                                                    (2, "urn:x-page:article-5")]
    assert log.skipped_records == Counter({
        "WARC resource record of a metadata: URI, no web page": 1,
        "WARC resource record of a dns: URI, no web page": 1})


def test_explain_finds_a_warc_record_id_in_any_case(tmp_path, capsys):
    crawl = _crawl(tmp_path)
    record_id = f"urn:uuid:{len(URL) + 2}-{URL}/2"
    assert main(["explain", str(crawl), "--id", record_id.upper()]) == 0
    assert "Dua" in capsys.readouterr().out
    skipped = "<URN:UUID:18-https://x.id/a.png>"
    assert main(["explain", str(crawl), "--id", skipped]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"cleaner: skipped {crawl} record 3 (id {skipped}): not HTML (image/png)"]
