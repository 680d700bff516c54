"""WARC records beside HTML responses: a damaged gzip member inside a record, resource records holding a page, conversion records (Common Crawl's WET) holding a page's text."""

from __future__ import annotations

import gzip
import json
import random
import zlib
from collections import Counter
from pathlib import Path

import pytest

from cleaner.cli import main
from cleaner.inputs import ReadLog, ReadOptions, Reject
from cleaner.readers import iter_inputs
from test_warc_streams import page, record

TEXT = ("JAKARTA - Pemerintah daerah meresmikan jembatan baru yang menghubungkan dua kecamatan "
        "di Kalimantan Timur pada Senin pagi.\n\nWarga menyambut jembatan itu dengan gembira.")


def warc_record(kind: str, uri: str | None, body: bytes, content_type: str) -> bytes:
    """A record of WARC-Type `kind` holding `body` as it is (no HTTP header block)."""
    target = f"WARC-Target-URI: {uri}\r\n" if uri is not None else ""
    return (f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{kind}-{uri}>\r\n"
            f"WARC-Date: 2016-09-01T00:00:00Z\r\n{target}Content-Type: {content_type}\r\n"
            f"Content-Length: {len(body)}\r\n\r\n").encode() + body + b"\r\n\r\n"


def _outcomes(path: Path, options: ReadOptions | None = None,
              log: ReadLog | None = None) -> list[tuple]:
    """(line, url) of each item and (line, reason) of each reject, in the file's order."""
    return [(i.line, i.reason) if isinstance(i, Reject) else (i.line, i.fields["url"])
            for i in iter_inputs([str(path)], options or ReadOptions(), log)]


# --- a damaged gzip member inside a record ----------------------------------------------------

def _large_page(rng: random.Random, title: str) -> bytes:
    """A page of words that do not repeat, so that its gzip member is as large as the 64 KB
    the reader decompresses at a time: its record's header is read before the damage is met."""
    words = " ".join("".join(rng.choice("abdegiklmnoprstu") for _ in range(rng.randint(2, 9)))
                     for _ in range(30000))
    return page(title).replace(b"</h1>", f"</h1><p>{words}.</p>".encode())


def _members(count: int, damaged: tuple[int, ...], kinds: dict[int, bytes] | None = None
             ) -> tuple[list[bytes], list[bytes]]:
    """(whole, damaged) gzip members of `count` large records, one each; the `damaged` ones with
    bytes in the middle of their deflate data changed; `kinds`: records that are not pages."""
    rng = random.Random(7)
    records = [(kinds or {}).get(n) or record(f"https://n.id/{n}", _large_page(rng, f"J{n}"))
               for n in range(count)]
    whole = [gzip.compress(r) for r in records]
    broken = list(whole)
    for n in damaged:
        member = bytearray(whole[n])
        middle = len(member) // 2
        member[middle:middle + 8] = bytes(b ^ 0x5A for b in member[middle:middle + 8])
        broken[n] = bytes(member)
    return whole, broken


def _starts(members: list[bytes]) -> list[int]:
    return [sum(map(len, members[:n])) for n in range(len(members))]


def test_a_member_damaged_inside_its_record_is_rejected_as_damaged_and_the_rest_keep_numbers(
        tmp_path):
    """Where the record's header came before the damage, the reject said "the file ends
    first", and the records after it were numbered one further."""
    whole, broken = _members(4, (1,))
    good, bad = tmp_path / "good.warc.gz", tmp_path / "bad.warc.gz"
    good.write_bytes(b"".join(whole))
    bad.write_bytes(b"".join(broken))
    assert len(whole[1]) > 1 << 16
    expected = [(n + 1, f"https://n.id/{n}") for n in range(4)]
    assert _outcomes(good) == expected
    got = _outcomes(bad)
    assert [o for o in got if o[0] != 2] == [o for o in expected if o[0] != 2]
    [(line, reason)] = [o for o in got if o[0] == 2]
    starts = _starts(broken)
    assert reason.startswith("corrupt WARC record: its gzip member is damaged: corrupt gzip "
                             f"member starting at byte {starts[1]} (")
    assert f"reading goes on at the next member (byte {starts[2]})" in reason
    assert "ends first" not in reason and "may be damaged too" not in reason
    assert reason.endswith("(https://n.id/1)")


def test_damaged_members_in_a_row_and_last_keep_every_records_number(tmp_path):
    _, broken = _members(6, (1, 2, 5))
    path = tmp_path / "bad.warc.gz"
    path.write_bytes(b"".join(broken))
    got = _outcomes(path)
    assert [line for line, _ in got] == [1, 2, 3, 4, 5, 6]
    assert [url for line, url in got if line in (1, 4, 5)] == \
        ["https://n.id/0", "https://n.id/3", "https://n.id/4"]
    assert all(got[n][1].startswith("corrupt WARC record: its gzip member is damaged: ")
               for n in (1, 2, 5))
    assert "no further member follows" in got[5][1]


@pytest.mark.parametrize("kind", ["image", "metadata"])
def test_a_record_with_no_page_whose_member_is_damaged_inside_it_keeps_the_numbers(tmp_path,
                                                                                    kind):
    """A record that is no page (an image, a metadata record) cut by the damage: its own
    reject, not one "after" it with the next record's number."""
    rng = random.Random(3)
    body = bytes(rng.randrange(256) for _ in range(150000))
    other = record("https://n.id/logo.png", body, "Content-Type: image/png\r\n") \
        if kind == "image" else warc_record("metadata", "https://n.id/", body, "text/plain")
    whole, broken = _members(4, (1,), {1: other})
    path = tmp_path / "bad.warc.gz"
    path.write_bytes(b"".join(broken))
    got = _outcomes(path)
    assert [(line, url) for line, url in got if line != 2] == \
        [(1, "https://n.id/0"), (3, "https://n.id/2"), (4, "https://n.id/3")]
    [(_, reason)] = [o for o in got if o[0] == 2]
    assert reason.startswith("corrupt WARC record: its gzip member is damaged: corrupt gzip "
                             f"member starting at byte {_starts(broken)[1]} (")
    assert reason.endswith("(https://n.id/logo.png)" if kind == "image" else
                           f"(the record at byte {len(gzip.decompress(whole[0]))} of the "
                           f"decompressed stream)")


# --- resource records ---------------------------------------------------------------------------

def test_a_resource_record_holding_a_page_is_read_as_a_response_is(tmp_path):
    path = tmp_path / "crawl.warc"
    path.write_bytes(warc_record("resource", "https://r.id/1", page("Satu"),
                                 "text/html; charset=utf-8")
                     + record("https://r.id/2", page("Dua")))
    items = list(iter_inputs([str(path)]))
    assert [(i.line, i.kind, i.fields["url"]) for i in items] == \
        [(1, "html", "https://r.id/1"), (2, "html", "https://r.id/2")]
    assert items[0].fields["warc_date"] == "2016-09-01T00:00:00Z"
    assert "fallback_date" not in items[0].hints          # (a crawl date: no publication date)
    assert items[0].text == page("Satu").decode()


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_a_response_record_labelled_as_a_page_is_read_as_its_page(tmp_path, name):
    # (warcio took such a page's lines for HTTP headers and left it empty: skipped unread)
    records = [warc_record("response", "https://r.id/1", page("Satu"), "text/html"),
               record("https://r.id/2", page("Dua"))]
    path = tmp_path / name
    path.write_bytes(b"".join(gzip.compress(r) for r in records) if name.endswith(".gz")
                     else b"".join(records))
    items = list(iter_inputs([str(path)]))
    assert [(i.line, i.kind, i.fields["url"]) for i in items] == \
        [(1, "html", "https://r.id/1"), (2, "html", "https://r.id/2")]
    assert items[0].text == page("Satu").decode()


def test_a_response_record_of_http_holding_no_http_response_is_rejected_saying_so(tmp_path):
    path = tmp_path / "crawl.warc"
    path.write_bytes(warc_record("response", "https://r.id/1", page("Satu"),
                                 "application/http; msgtype=response")
                     + record("https://r.id/2", page("Dua")))
    outcomes = _outcomes(path)
    assert outcomes[1] == (2, "https://r.id/2")
    assert outcomes[0][0] == 1
    assert outcomes[0][1].startswith("WARC response record with no HTTP response in it: its "
                                     "block opens '<!DOCTYPE html><html><head>")


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_hostile_resource_records_are_rejected_or_skipped_and_the_rest_read(tmp_path, name):
    rng = random.Random(5)
    binary = bytes(rng.randrange(256) for _ in range(4000))
    records = [warc_record("resource", "https://r.id/bin", binary, "text/html"),
               warc_record("resource", "https://r.id/img", binary, "image/png"),
               warc_record("resource", "https://r.id/empty", b"", "text/html"),
               warc_record("resource", "https://r.id/sniffed", page("Tiga"),
                           "application/octet-stream"),
               warc_record("resource", "https://r.id/untyped", page("Empat"), ""),
               record("https://r.id/last", page("Lima"))]
    path = tmp_path / name
    path.write_bytes(b"".join(gzip.compress(r) for r in records) if name.endswith(".gz")
                     else b"".join(records))
    log = ReadLog()
    assert _outcomes(path, log=log) == [
        (1, "binary data (NUL or control bytes), not HTML: https://r.id/bin"),
        (3, "empty page: https://r.id/empty"),
        (5, "https://r.id/untyped"),
        (6, "https://r.id/last")]
    assert log.skipped_records == Counter({"not HTML (image/png)": 1,
                                           "not HTML (application/octet-stream)": 1})


# --- conversion records (WET) -------------------------------------------------------------------

def _wet(records: list[bytes]) -> bytes:
    info = warc_record("warcinfo", None, b"software: crawler\r\n", "application/warc-fields")
    return b"".join(gzip.compress(r) for r in [info, *records])


def test_a_wet_files_conversion_records_are_text_documents(tmp_path):
    path = tmp_path / "CC-MAIN-1.warc.wet.gz"
    path.write_bytes(_wet([warc_record("conversion", "https://c.id/1", TEXT.encode(),
                                       "text/plain")]))
    log = ReadLog()
    [item] = iter_inputs([str(path)], ReadOptions(), log)
    assert (item.line, item.kind, item.text) == (2, "text", TEXT)
    assert item.fields == {"url": "https://c.id/1", "warc_record_id":
                           "<urn:uuid:conversion-https://c.id/1>",
                           "warc_date": "2016-09-01T00:00:00Z"}
    assert log.skipped_records == Counter({"WARC warcinfo record": 1})


def test_hostile_conversion_records_are_rejected_naming_them_and_the_rest_read(tmp_path):
    path = tmp_path / "CC-MAIN-2.warc.wet.gz"
    path.write_bytes(_wet([
        warc_record("conversion", "https://c.id/bad", b"Berita \xff\xfe hari ini", "text/plain"),
        warc_record("conversion", "https://c.id/empty", b"", "text/plain"),
        warc_record("conversion", "https://c.id/blank", b" \r\n\t\r\n", "text/plain"),
        warc_record("conversion", "https://c.id/nul", b"\x01\x02\x03abc" * 50, "text/plain"),
        warc_record("conversion", "https://c.id/pdf", b"%PDF-1.4", "application/pdf"),
        warc_record("conversion", "https://c.id/big", b"kata " * 100, "text/plain"),
        warc_record("conversion", "https://c.id/ok", TEXT.encode(), "text/plain")]))
    log = ReadLog()
    got = _outcomes(path, ReadOptions(max_record_bytes=400), log)
    assert got == [
        (2, "invalid UTF-8 at byte 7 (b'\\xff\\xfe h'); use --encoding auto to detect the "
            "charset: https://c.id/bad"),
        (3, "empty document: https://c.id/empty"),
        (4, "empty document: https://c.id/blank"),
        (5, "binary data (NUL or control bytes), not text: https://c.id/nul"),
        (7, "text larger than 400 bytes: raise --max-record-bytes to read it (https://c.id/big)"),
        (8, "https://c.id/ok")]
    assert log.skipped_records == Counter({"WARC warcinfo record": 1,
                                           "not text (conversion to application/pdf)": 1})


def test_a_conversion_record_in_another_encoding_is_read_with_encoding_auto(tmp_path):
    path = tmp_path / "crawl.warc.wet.gz"
    text = "Ankara'da çarşamba günü başlayan yağış, şehrin doğusunda etkili oldu."
    path.write_bytes(_wet([warc_record("conversion", "https://c.id/tr", text.encode("cp1254"),
                                       "text/plain")]))
    [item] = iter_inputs([str(path)], ReadOptions(encoding="auto"))
    assert item.text == text and item.fields["encoding"] == "cp1254"


def test_a_wet_file_is_cleaned_as_text_from_the_cli(tmp_path):
    path = tmp_path / "CC-MAIN-3.warc.wet.gz"
    path.write_bytes(_wet([warc_record("conversion", "https://c.id/1", TEXT.encode(),
                                       "text/plain"),
                           warc_record("conversion", "https://c.id/2", b"", "text/plain")]))
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(path), "-o", str(out), "--workers", "1", "-q"]) == 0
    [doc] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert doc["meta"]["url"] == "https://c.id/1" and doc["warc_date"] == "2016-09-01T00:00:00Z"
    assert doc["id"] == "CC-MAIN-3.warc.wet.gz:2"
    assert "Warga menyambut jembatan itu dengan gembira." in doc["text"]


def test_a_folder_of_wet_files_is_read_by_default(tmp_path):
    """Its files matched none of the default patterns: the folder read as no input."""
    folder = tmp_path / "wet"
    folder.mkdir()
    (folder / "CC-MAIN-4.warc.wet.gz").write_bytes(_wet([warc_record(
        "conversion", "https://c.id/1", TEXT.encode(), "text/plain")]))
    (folder / "CC-MAIN-5.warc.wet").write_bytes(gzip.decompress(_wet([warc_record(
        "conversion", "https://c.id/2", TEXT.encode(), "text/plain")])))
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(folder), "-o", str(out), "--workers", "1", "-q"]) == 0
    docs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(d["meta"]["url"] for d in docs) == ["https://c.id/1", "https://c.id/2"]


@pytest.mark.parametrize("name", ["crawl.warc.wet", "crawl.warc.wet.gz"])
def test_a_conversion_record_the_file_ends_inside_is_kept_as_far_as_it_goes_flagged(tmp_path,
                                                                                   name):
    """Its text was lost with a reject, where a cut page is kept: kept as far as the file goes
    and flagged, as a cut page is."""
    records = [warc_record("conversion", f"https://c.id/{n}", TEXT.encode(), "text/plain")
               for n in range(3)]
    whole = b"".join(gzip.compress(r) for r in records) if name.endswith(".gz") \
        else b"".join(records)
    path = tmp_path / name
    path.write_bytes(whole[:-60])
    *texts, last = iter_inputs([str(path)])
    assert [(i.line, i.fields["url"], i.hints) for i in texts] == [(1, "https://c.id/0", {}),
                                                                   (2, "https://c.id/1", {})]
    assert (last.line, last.fields["url"], last.kind) == (3, "https://c.id/2", "text")
    assert 0 < len(last.text) < len(TEXT) and TEXT.startswith(last.text)
    [flag] = last.hints["page_flags"]
    assert flag == {"flag": "truncated-page",
                    "reason": f"the file ends inside its WARC record (Content-Length "
                              f"{len(TEXT.encode())}): the text is cut short"}


def test_a_conversion_record_whose_member_is_damaged_inside_it_keeps_the_numbers(tmp_path):
    rng = random.Random(11)
    text = " ".join("".join(rng.choice("abdegiklmnoprstu") for _ in range(rng.randint(2, 9)))
                    for _ in range(60000)).encode()
    records = [warc_record("conversion", f"https://c.id/{n}", text, "text/plain")
               for n in range(3)]
    members = [gzip.compress(r) for r in records]
    broken = bytearray(members[1])
    broken[len(broken) // 2] ^= 0xFF
    members[1] = bytes(broken)
    path = tmp_path / "crawl.warc.wet.gz"
    path.write_bytes(b"".join(members))
    got = _outcomes(path)
    assert [got[0], got[2]] == [(1, "https://c.id/0"), (3, "https://c.id/2")]
    assert got[1][0] == 2 and got[1][1].startswith(
        "corrupt WARC record: its gzip member is damaged: corrupt gzip member starting at byte "
        f"{len(members[0])} (")


# --- a file that ends inside its last page --------------------------------------------------------

@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_a_page_the_file_ends_inside_is_kept_as_far_as_it_goes_flagged(tmp_path, name):
    """The page was lost with a reject, where a cut .html file is cleaned as far as it goes;
    kept and flagged, as a page a crawler cut (WARC-Truncated) is, it is one outcome of its
    record, as every record's is."""
    records = [record(f"https://n.id/{n}", page(f"Judul {n}")) for n in range(3)]
    whole = b"".join(gzip.compress(r) for r in records) if name.endswith(".gz") \
        else b"".join(records)
    cut = whole[:-40] if name.endswith(".gz") else whole[:-200]
    path = tmp_path / name
    path.write_bytes(cut)
    *pages, last = iter_inputs([str(path)])
    assert [(i.line, i.fields["url"]) for i in pages] == [(1, "https://n.id/0"),
                                                          (2, "https://n.id/1")]
    assert (last.line, last.fields["url"]) == (3, "https://n.id/2")
    assert last.text.startswith("<!DOCTYPE html>") and "Paragraf 0" in last.text
    assert [f["flag"] for f in last.hints["page_flags"]] == ["truncated-page"]
    assert last.hints["page_flags"][0]["reason"].startswith(
        "the file ends inside its WARC record (Content-Length ")


def test_a_page_the_file_ends_inside_comes_out_flagged_from_the_cli(tmp_path):
    records = [record(f"https://n.id/{n}", page(f"Judul {n}")) for n in range(2)]
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(b"".join(gzip.compress(r) for r in records)[:-40])
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(path), "-o", str(out), "--workers", "1", "-q"]) == 0
    docs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [[f["flag"] for f in d["flags"]] for d in docs] == [[], ["truncated-page"]]
    assert "Paragraf 0" in docs[1]["text"]
    assert "the file ends inside its WARC record" in docs[1]["flags"][0]["reason"]
    assert not (tmp_path / "out.jsonl.rejects.jsonl").exists()


def test_a_page_cut_inside_its_first_bytes_is_rejected_as_cut_off(tmp_path):
    """Nothing of the page but its HTTP headers: no page to keep."""
    data = record("https://n.id/0", page("Judul"))
    path = tmp_path / "crawl.warc"
    path.write_bytes(data[:data.index(b"<!DOCTYPE")])
    [reject] = iter_inputs([str(path)])
    assert reject.line == 1 and reject.reason.startswith("truncated WARC record: ")


# --- where the file ends inside a record, or damage runs past a member's end ----------------------

def test_a_page_with_no_article_the_file_ends_inside_says_so_in_its_reject(tmp_path, cleaner):
    """Cut before its <article>, the page gives no article; its reject said only that, where
    before the file's end was named. The reason its flag gives follows the extractor's."""
    from cleaner.html_extract import CUT_SHORT, with_cut_short
    from cleaner.html_load import PageError
    from cleaner.warc_reader import CUT_SHORT as READERS_FLAG

    first, second = record("https://n.id/a", page("Judul Satu")), \
        record("https://n.id/b", page("Judul Dua"))
    path = tmp_path / "crawl.warc"
    path.write_bytes(first + second[:second.index(b"<article>")])
    _, item = iter_inputs([str(path)])
    flags = item.hints["page_flags"]
    assert CUT_SHORT == READERS_FLAG and [f["flag"] for f in flags] == [CUT_SHORT]
    with pytest.raises(PageError) as raised:
        cleaner.clean_html(item.text, item.fields["url"], page_flags=flags)
    length = second[second.index(b"Content-Length: ") + 16:].split(b"\r\n")[0].decode()
    assert with_cut_short(str(raised.value), flags) == (
        f"no article text found in the page; the file ends inside its WARC record "
        f"(Content-Length {length}): the page is cut short")


def _mixed_records() -> list[bytes]:
    """Records of every kind the reader meets: skipped ones (warcinfo, request, metadata),
    pages (response, resource) and a WET conversion."""
    return [warc_record("warcinfo", None, b"software: x\r\n", "application/warc-fields"),
            *(record(f"https://n.id/r{n}", page(f"Judul Berita {n}")) for n in range(3)),
            warc_record("request", "https://n.id/q", b"GET / HTTP/1.1\r\n\r\n",
                        "application/http; msgtype=request"),
            warc_record("resource", "https://n.id/res", page("Sumber daya"), "text/html"),
            warc_record("conversion", "https://n.id/conv", TEXT.encode(), "text/plain"),
            warc_record("metadata", "https://n.id/r1", b"via: x\r\n", "application/warc-fields"),
            record("https://n.id/r9", page("Judul Akhir"))]


def _lines(path: Path) -> list:
    """Each outcome's (line, url or reason's opening, flags)."""
    return [(i.line, i.reason[:40]) if isinstance(i, Reject) else
            (i.line, i.fields["url"], [f["flag"] for f in i.hints.get("page_flags", ())])
            for i in iter_inputs([str(path)])]


@pytest.mark.parametrize("record_at, into", [(1, 85), (1, 98), (5, 76), (5, 150), (4, 60)])
def test_a_warc_gz_cut_inside_a_records_member_rejects_that_record_by_its_own_number(
        tmp_path, record_at, into):
    """85 bytes into a member (its record's first line read, the Content-Length line not), the
    reject was numbered one further, "after record N", and record N had no outcome; so too for
    a resource and a request record."""
    members = [gzip.compress(r) for r in _mixed_records()]
    start = sum(map(len, members[:record_at]))
    whole, cut = tmp_path / "whole.warc.gz", tmp_path / "cut.warc.gz"
    whole.write_bytes(b"".join(members))
    cut.write_bytes(b"".join(members)[:start + into])
    got, expected = _lines(cut), _lines(whole)
    number = record_at + 1
    assert got[:-1] == [e for e in expected if e[0] < number]
    assert got[-1][0] == number and got[-1][1].startswith("truncated ")


def test_a_warc_gz_cut_in_a_members_trailer_numbers_no_record_past_the_last(tmp_path):
    """The last record read whole, the file ending in its member's last bytes: no reject
    numbered as a record after it (there is none), and the page is kept as it was."""
    members = [gzip.compress(r) for r in _mixed_records()]
    whole, cut = tmp_path / "whole.warc.gz", tmp_path / "cut.warc.gz"
    whole.write_bytes(b"".join(members))
    cut.write_bytes(b"".join(members)[:-5])
    *pages, said = iter_inputs([str(cut)])
    assert [(i.line, i.fields["url"]) for i in pages] == \
        [(i.line, i.fields["url"]) for i in iter_inputs([str(whole)])]
    assert said.line is None and "gzip member starting at byte " in said.reason
    assert said.reason.endswith(f"(after record {len(members)}, read to its end from that "
                                f"member)")


@pytest.mark.parametrize("junk", [b"garbage", b"WARC/1.0\r\n", b"\n"])
def test_bytes_after_the_last_member_that_are_no_member_number_no_record(tmp_path, junk):
    """They were a reject numbered as a record after the last (there is none). (More bytes than
    the smallest member may be a member whose magic bytes are damaged:
    test_warc_gz_member_damage.)"""
    members = [gzip.compress(r) for r in _mixed_records()]
    whole, junked = tmp_path / "whole.warc.gz", tmp_path / "junked.warc.gz"
    whole.write_bytes(b"".join(members))
    junked.write_bytes(b"".join(members) + junk)
    *pages, said = iter_inputs([str(junked)])
    assert [(i.line, i.fields["url"]) for i in pages] == \
        [(i.line, i.fields["url"]) for i in iter_inputs([str(whole)])]
    assert said.line is None
    said_of = "byte does not open as a gzip member and was" if len(junk) == 1 else \
        "bytes do not open as a gzip member and were"
    assert said.reason == (f"truncated or corrupt WARC: the {len(junk)} "
                           f"{said_of.split(' ', 1)[0]} after record {len(members)}'s gzip "
                           f"member, from byte {whole.stat().st_size} to the end of the file, "
                           f"{said_of.split(' ', 1)[1]} not read")


def test_damage_to_the_last_deflate_bytes_adds_no_reject_for_a_record_after_the_last(tmp_path):
    """The damaged end read as more deflate data, the member seemed cut (and made bytes past
    the last record): a reject "the file ends inside it" was numbered as a record after it."""
    members = [gzip.compress(r) for r in _mixed_records()]
    data = bytearray(b"".join(members))
    for at in range(len(data) - 9, len(data) - 5):
        data[at] ^= 0x5A
    whole, bad = tmp_path / "whole.warc.gz", tmp_path / "bad.warc.gz"
    whole.write_bytes(b"".join(members))
    bad.write_bytes(bytes(data))
    got = _lines(bad)
    assert got[:-1] == _lines(whole) and got[-1][0] is None


@pytest.mark.parametrize("record_at", [1, 4, 6])
def test_damage_across_a_members_end_and_the_next_ones_header_keeps_every_number(
        tmp_path, record_at):
    """The next member's header damaged too, the search for a member went on past it: its
    record was lost without a reject, and every record after it was numbered one too low."""
    members = [gzip.compress(r) for r in _mixed_records()]
    data = bytearray(b"".join(members))
    end = sum(map(len, members[:record_at + 1]))
    for at in range(end - 3, end + 2):            # the length's last bytes, the magic's first
        data[at] ^= 0x5A
    whole, bad = tmp_path / "whole.warc.gz", tmp_path / "bad.warc.gz"
    whole.write_bytes(b"".join(members))
    bad.write_bytes(bytes(data))
    got, expected = _lines(bad), _lines(whole)
    damaged, lost = record_at + 1, record_at + 2
    assert [g for g in got if g[0] not in (damaged, lost)] == \
        [e for e in expected if e[0] not in (damaged, lost)]
    [(_, reason)] = [g for g in got if g[0] == lost]
    assert reason == "corrupt WARC record: its gzip member, at"
    assert [g[0] for g in got] == sorted({g[0] for g in got})


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_a_file_cut_inside_a_resource_records_length_line_says_its_headers_are_cut(tmp_path,
                                                                                  name):
    """Cut after "Content-Length: 1" of 1189, the reject said "Content-Length 1 but the file
    ends first"."""
    records = _mixed_records()[:6]
    if name.endswith(".gz"):
        member = gzip.compress(records[5])
        # (the first cut of the member whose data ends inside the number)
        cut = next(at for at in range(10, len(member)) if zlib.decompressobj(31).decompress(
            member[:at]).split(b"Content-Length: ")[1:] in ([b"1"], [b"11"]))
        data = b"".join(gzip.compress(r) for r in records[:5]) + member[:cut]
    else:
        line = records[5].index(b"Content-Length: ") + len(b"Content-Length: 1")
        data = b"".join(records[:5]) + records[5][:line]
    path = tmp_path / name
    path.write_bytes(data)
    last = _lines(path)[-1]
    assert last[0] == 6 and last[1] == "truncated WARC record: the file ends ins"


@pytest.mark.parametrize("cut", [1, 4, 6])
def test_a_warc_cut_inside_a_records_first_line_rejects_that_record(tmp_path, cut):
    """"WARC/1" at the file's end read as the rest of the record before it: nothing said."""
    records = _mixed_records()[:3]
    path = tmp_path / "crawl.warc"
    path.write_bytes(b"".join(records[:2]) + records[2][:cut])
    assert _lines(path)[-1] == (3, "truncated WARC record: the file ends ins")


@pytest.mark.parametrize("into", [-5, 20])
def test_a_warc_cut_inside_a_skipped_records_body_rejects_that_record(tmp_path, into):
    """A request record cut in its body, a response cut in its status line ("HTTP/1.1 20"
    read as status 20): skipped, with no word that the file ended inside them."""
    records = _mixed_records()[:5]
    body = records[4 if into < 0 else 3]
    at = len(body) - 4 + into if into < 0 else body.index(b"HTTP/1.1 2") + 10
    path = tmp_path / "crawl.warc"
    path.write_bytes(b"".join(records[:4 if into < 0 else 3]) + body[:at])
    line, reason = _lines(path)[-1]
    assert line == (5 if into < 0 else 4)
    assert reason.startswith("truncated WARC record: Content-Length ")


def test_a_warc_gz_cut_inside_a_responses_status_line_rejects_that_record(tmp_path):
    """"HTTP/1.1 20" read as status 20, the record skipped: the file's end was said as
    "(after record N, read to its end ...)", with no reject of the record's own."""
    *records, last = _mixed_records()
    member = gzip.compress(last)
    # (a cut whose data ends in the status line: the deflate data of this one has one)
    cut = next(at for at in range(10, len(member)) if zlib.decompressobj(31).decompress(
        member[:at]).endswith(b"HTTP/1.1 20"))
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(b"".join(gzip.compress(r) for r in records) + member[:cut])
    got = _lines(path)
    assert [g[0] for g in got] == [2, 3, 4, 6, 7, 9]
    assert got[-1][1].startswith("truncated WARC record: Content-Length ")


def test_a_page_with_no_article_the_file_ends_inside_is_rejected_saying_so_from_the_cli(
        tmp_path):
    """The reject said only "no article text found in the page"."""
    first, second = record("https://n.id/a", page("Judul Satu")), \
        record("https://n.id/b", page("Judul Dua"))
    path, out = tmp_path / "crawl.warc", tmp_path / "out.jsonl"
    path.write_bytes(first + second[:second.index(b"<article>")])
    assert main(["clean", str(path), "-o", str(out), "--workers", "1", "-q"]) == 0
    [reject] = [json.loads(line) for line in
                (tmp_path / "out.jsonl.rejects.jsonl").read_text(encoding="utf-8").splitlines()]
    assert reject["record"] == 2 and reject["reason"].startswith(
        "no article text found in the page: https://n.id/b; the file ends inside its WARC "
        "record (Content-Length ")



def test_a_page_refused_where_it_is_cleaned_is_named_by_its_url(tmp_path):
    """A reader's rejects of pages name the url ("empty page: URL"); one the extractor refused
    (no article, too many tags, its time limit) named only the record's number, and its raw
    holds the page, not the WARC headers: the url is then the only way to the page."""
    empty = warc_record("response", "https://n.id/kosong",
                        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
                        b"<html><body><div></div></body></html>", "application/http; "
                        "msgtype=response")
    path, out = tmp_path / "crawl.warc", tmp_path / "out.jsonl"
    path.write_bytes(record("https://n.id/a", page("Judul Satu")) + empty)
    assert main(["clean", str(path), "-o", str(out), "--workers", "1", "-q"]) == 0
    [reject] = [json.loads(line) for line in
                (tmp_path / "out.jsonl.rejects.jsonl").read_text(encoding="utf-8").splitlines()]
    assert reject["record"] == 2
    assert reject["reason"] == "no article text found in the page: https://n.id/kosong"
    assert reject["raw"].startswith("<html>")

# --- reasons in words, resource records of plain text, a cut page named ---------------------------

def _small_members(count: int) -> list[bytes]:
    """A gzip member for each of `count` small response records (under the 64 KB read at a time:
    damage anywhere in one is met before its record's header is read)."""
    return [gzip.compress(record(f"https://n.id/{n}", page(f"Judul {n}"))) for n in range(count)]


@pytest.mark.parametrize("damaged", [0, 2, 3])
def test_a_member_damaged_before_its_records_header_is_rejected_in_words(tmp_path, damaged):
    """The reason said "truncated or corrupt WARC: CorruptGzip: corrupt gzip member ...": a
    class name, where damage inside a record is said in words."""
    members = _small_members(4)
    broken = bytearray(members[damaged])
    broken[len(broken) // 2] ^= 0xFF
    members[damaged] = bytes(broken)
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(b"".join(members))
    got = _outcomes(path)
    [(line, reason)] = [g for g in got if not g[1].startswith("https://")]
    start = sum(map(len, members[:damaged]))
    assert line == damaged + 1 and reason.startswith(
        f"corrupt WARC record: its gzip member is damaged: corrupt gzip member starting at byte "
        f"{start} (")
    assert "CorruptGzip" not in reason and "(the record at byte " in reason
    assert [g[0] for g in got] == [1, 2, 3, 4]


@pytest.mark.parametrize("kept", [1, 200])
def test_a_warc_gz_cut_in_a_member_names_no_class_in_its_reason(tmp_path, kept):
    """A cut member gave "... (CorruptGzip: gzip member starting at byte N is truncated ...)":
    in its trailer (the file's reject) and before the page (the record's)."""
    members = _small_members(3)
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(b"".join(members[:2]) + members[2][:len(members[2]) - kept])
    [reason] = [r for _, r in _outcomes(path) if not r.startswith("https://")]
    assert f"gzip member starting at byte {sum(map(len, members[:2]))} is truncated" in reason
    assert "CorruptGzip" not in reason


def test_whatever_warcio_raises_is_said_in_words_not_by_its_class(tmp_path, monkeypatch):
    """The reason opened "corrupt WARC record: KeyError: 'odd header'"."""
    from warcio.recordloader import ArcWarcRecordLoader

    parse = ArcWarcRecordLoader.load_http_headers

    def failing(self, rec_type, uri, stream, length):
        if uri == "https://n.id/1":
            raise KeyError("odd header")
        return parse(self, rec_type, uri, stream, length)

    monkeypatch.setattr(ArcWarcRecordLoader, "load_http_headers", failing)
    path = tmp_path / "crawl.warc"
    path.write_bytes(b"".join(record(f"https://n.id/{n}", page(f"Judul {n}")) for n in range(3)))
    got = _outcomes(path)
    assert got[0] == (1, "https://n.id/0") and got[-1] == (3, "https://n.id/2")
    assert got[1][0] == 2 and got[1][1].startswith(
        "corrupt WARC record: warcio could not parse it ('odd header') (the record at byte ")
    assert "KeyError" not in got[1][1]


def test_a_streams_error_is_said_by_its_message_never_its_class():
    from cleaner.gzip_members import CorruptGzip
    from cleaner.warc_reader import _error_words

    assert _error_words(OSError(5, "Input/output error")) == "Input/output error"
    assert _error_words(EOFError("Compressed file ended before the end-of-stream marker was "
                                 "reached")).startswith("Compressed file ended")
    assert _error_words(CorruptGzip("gzip member starting at byte 9 is truncated", None)) == \
        "gzip member starting at byte 9 is truncated"
    assert _error_words(EOFError()) == "the data could not be read on"


def test_a_resource_record_of_plain_text_is_a_text_document_as_a_conversion_is(tmp_path):
    """It was skipped ("not HTML (text/plain)"), where a WET conversion of the same text is
    read; other types stay skipped and counted."""
    path = tmp_path / "crawl.warc"
    path.write_bytes(warc_record("resource", "https://r.id/teks", TEXT.encode(),
                                 "text/plain; charset=utf-8")
                     + warc_record("resource", "https://r.id/csv", b"a,b\r\n1,2\r\n", "text/csv")
                     + warc_record("conversion", "https://r.id/wet", TEXT.encode(), "text/plain"))
    log = ReadLog()
    resource, conversion = iter_inputs([str(path)], ReadOptions(), log)
    assert (resource.line, resource.kind, resource.text) == (1, conversion.kind, TEXT)
    assert resource.fields == {"url": "https://r.id/teks", "warc_date": "2016-09-01T00:00:00Z",
                               "warc_record_id": "<urn:uuid:resource-https://r.id/teks>"}
    assert conversion.line == 3 and log.skipped_records == Counter({"not HTML (text/csv)": 1})


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_hostile_plain_text_resource_records_are_rejected_naming_them(tmp_path, name):
    """The limits of a conversion record hold: --max-record-bytes, empty, binary; cut off, it
    is kept as far as the file goes, flagged, as a conversion record is."""
    rng = random.Random(3)
    binary = bytes(rng.randrange(256) for _ in range(3000))
    records = [warc_record("resource", "https://r.id/big", TEXT.encode() * 40, "text/plain"),
               warc_record("resource", "https://r.id/empty", b" \r\n", "text/plain"),
               warc_record("resource", "https://r.id/bin", binary, "text/plain"),
               warc_record("resource", "https://r.id/ok", TEXT.encode(), "text/plain"),
               warc_record("resource", "https://r.id/cut", TEXT.encode(), "text/plain")]
    data = [gzip.compress(r) for r in records] if name.endswith(".gz") else records
    path = tmp_path / name
    path.write_bytes(b"".join(data)[:-60 if name.endswith(".gz") else -80])
    got = _outcomes(path, ReadOptions(max_record_bytes=4000))
    assert [g[0] for g in got] == [1, 2, 3, 4, 5]
    assert got[0][1] == "text larger than 4000 bytes: raise --max-record-bytes to read it " \
                        "(https://r.id/big)"
    assert got[1][1] == "empty document: https://r.id/empty"
    assert got[2][1].endswith("https://r.id/bin") and got[3] == (4, "https://r.id/ok")
    assert got[4] == (5, "https://r.id/cut")
    *_, cut = iter_inputs([str(path)], ReadOptions(max_record_bytes=4000))
    assert [f["flag"] for f in cut.hints["page_flags"]] == ["truncated-page"]


def test_a_page_rejected_as_cut_off_is_not_counted_as_kept(tmp_path):
    """Nothing of the page but its HTTP headers: a reject names it, no note."""
    data = record("https://n.id/0", page("Judul"))
    path = tmp_path / "crawl.warc"
    path.write_bytes(data[:data.index(b"<!DOCTYPE")])
    log = ReadLog()
    [reject] = iter_inputs([str(path)], ReadOptions(), log)
    assert isinstance(reject, Reject) and log.skipped_records == Counter()
