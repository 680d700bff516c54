"""WARC records beside HTML responses: a damaged gzip member inside a record, resource records holding a page, conversion records (Common Crawl's WET) holding a page's text."""

from __future__ import annotations

import gzip
import json
import random
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
    assert items[0].hints["fallback_date"] == "2016-09-01T00:00:00Z"
    assert items[0].text == page("Satu").decode()


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
def test_a_conversion_record_the_file_ends_inside_is_rejected_as_cut_off(tmp_path, name):
    """Its text was taken as far as it went, with no word that the rest was missing."""
    records = [warc_record("conversion", f"https://c.id/{n}", TEXT.encode(), "text/plain")
               for n in range(3)]
    whole = b"".join(gzip.compress(r) for r in records) if name.endswith(".gz") \
        else b"".join(records)
    path = tmp_path / name
    path.write_bytes(whole[:-60])
    got = _outcomes(path)
    assert got[:2] == [(1, "https://c.id/0"), (2, "https://c.id/1")]
    [(line, reason)] = got[2:]
    assert line == 3 and reason.startswith("truncated WARC record: Content-Length ")
    assert reason.endswith("(https://c.id/2)")


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
