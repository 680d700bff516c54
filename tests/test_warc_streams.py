"""A WARC with no name to go by (standard input, a pipe, a file named by no WARC suffix) or a gzip its name does not say: read as a WARC, record by record, by its first bytes."""

from __future__ import annotations

import gzip
import io
import os
import subprocess
import sys
import threading

import pytest

from cleaner.inputs import Item, ReadLog, ReadOptions, Reject
from cleaner.readers import iter_inputs
from cleaner.warc_stream import Members
from conftest import ROOT
from pipe_stream import Pipe

PARAGRAPHS = "".join(f"<p>Paragraf {n}: Pemerintah daerah meresmikan jembatan baru yang "
                     f"menghubungkan dua kecamatan di Kalimantan Timur pada Senin pagi.</p>"
                     for n in range(8))


def page(title: str) -> bytes:
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title></head>'
            f'<body><article><h1>{title}</h1>{PARAGRAPHS}</article></body></html>').encode()


def record(uri: str, body: bytes, headers: str = "Content-Type: text/html; charset=utf-8\r\n",
           warc_extra: str = "", length: int | None = None) -> bytes:
    """A response record as a crawler writes it (`length`: a Content-Length of its own)."""
    http = f"HTTP/1.1 200 OK\r\n{headers}\r\n".encode() + body
    return (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{len(uri)}-{uri}>\r\n"
            f"WARC-Date: 2016-09-01T00:00:00Z\r\nWARC-Target-URI: {uri}\r\n{warc_extra}"
            f"Content-Type: application/http; msgtype=response\r\n"
            f"Content-Length: {len(http) if length is None else length}\r\n\r\n").encode() \
        + http + b"\r\n\r\n"


URLS = [f"https://news.example.id/read/{n}" for n in range(6)]
SIX = b"".join(record(url, page(f"Judul Berita {n}")) for n, url in enumerate(URLS))
IMAGE = record("https://x.id/a.jpg", b"\xff\xd8\xff\xe0" + bytes(range(256)),
               "Content-Type: image/jpeg\r\n")


def read_stdin(monkeypatch, data: bytes, log: ReadLog | None = None) -> list:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(Pipe(data))))
    return list(iter_inputs(["-"], ReadOptions(), log))


@pytest.mark.parametrize("gz", [False, True])
def test_a_warc_on_stdin_is_read_record_by_record(monkeypatch, gz):
    """It was one text article of WARC headers and raw HTML (and with an image in it, refused
    as invalid UTF-8; gzip, as binary data)."""
    log = ReadLog()
    items = read_stdin(monkeypatch, gzip.compress(SIX + IMAGE) if gz else SIX + IMAGE, log)
    assert all(isinstance(i, Item) and i.kind == "html" for i in items)
    assert [(i.source, i.line, i.fields["url"]) for i in items] == \
        [("<stdin>", n + 1, url) for n, url in enumerate(URLS)]
    assert log.skipped_records == {"not HTML (image/jpeg)": 1}


def test_a_warc_gz_of_a_member_per_record_on_stdin_is_read(monkeypatch):
    items = read_stdin(monkeypatch, b"".join(gzip.compress(record(url, page("J")))
                                             for url in URLS))
    assert [i.fields["url"] for i in items] == URLS


def test_a_warc_gz_piped_to_the_cli_gives_a_record_a_page(tmp_path):
    out = tmp_path / "out.jsonl"
    done = subprocess.run([sys.executable, "-m", "cleaner", "clean", "-", "-o", str(out), "-q"],
                          input=gzip.compress(SIX), capture_output=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 6 and '"url":"https://news.example.id/read/5"' in lines[5]
    assert "WARC-Type" not in out.read_text(encoding="utf-8")


def test_a_warc_from_a_named_pipe_is_read_record_by_record(tmp_path):
    """`cleaner clean <(zcat crawl.warc.gz)`: a pipe, no suffix to go by."""
    fifo = tmp_path / "63"
    os.mkfifo(fifo)
    writer = threading.Thread(target=lambda: fifo.write_bytes(SIX))
    writer.start()
    items = list(iter_inputs([str(fifo)]))
    writer.join()
    assert [(i.line, i.fields["url"]) for i in items] == [(n + 1, u) for n, u in enumerate(URLS)]


@pytest.mark.parametrize("name,gz", [("crawl.data", False), ("part-0", True),
                                     ("CC-MAIN-00000.gz", True)])
def test_a_warc_under_a_name_no_reader_takes_is_read_as_a_warc(tmp_path, name, gz):
    """A compressed one ("x.gz") was refused as a compressed file of a kind not read."""
    path = tmp_path / name
    path.write_bytes(gzip.compress(SIX + IMAGE) if gz else SIX + IMAGE)
    log = ReadLog()
    items = list(iter_inputs([str(path)], ReadOptions(), log))
    assert [(i.source, i.fields["url"]) for i in items] == [(str(path), u) for u in URLS]
    assert log.skipped_records == {"not HTML (image/jpeg)": 1}


def test_a_text_article_under_a_name_no_reader_takes_is_still_an_article(tmp_path):
    path = tmp_path / "note.data"
    path.write_bytes(b"WARC adalah format arsip web.\n\n" + PARAGRAPHS.encode())
    [item] = iter_inputs([str(path)])
    assert isinstance(item, Item) and item.kind != "html" and item.text.startswith("WARC adalah")


@pytest.mark.parametrize("name", ["whole.warc", "whole.warc.gz"])
def test_a_warc_gzipped_whole_is_read_by_its_magic_bytes_whatever_its_name(tmp_path, name):
    """Named .warc, warcio undid the gzip itself and lost every record after the first: "corrupt
    WARC record:  (the record at byte -6915; no record follows it)"."""
    path = tmp_path / name
    path.write_bytes(gzip.compress(SIX))
    items = list(iter_inputs([str(path)]))
    assert [(i.line, i.fields["url"]) for i in items] == [(n + 1, u) for n, u in enumerate(URLS)]


def test_a_warc_named_warc_gz_that_is_not_compressed_is_read(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(SIX)
    assert [i.fields["url"] for i in iter_inputs([str(path)])] == URLS


def test_a_warc_gzipped_whole_then_again_is_a_reject_with_a_reason_and_no_negative_byte(
        tmp_path):
    """warcio undoes the inner gzip, and counts offsets it cannot place: the reason was empty
    (warcio's message opens with a line break), the byte negative, and the records after the
    first went without a reject."""
    path = tmp_path / "twice.warc.gz"
    path.write_bytes(gzip.compress(gzip.compress(SIX)))
    items = list(iter_inputs([str(path)]))
    assert isinstance(items[0], Item)
    [reject] = items[1:]
    assert reject.reason.startswith("corrupt WARC record: ERROR: non-chunked gzip file detected")
    assert "byte -" not in reject.reason and "unpack the file" in reject.reason


def _length_past_the_end() -> bytes:
    """A page, then an image whose Content-Length runs past the end of the data, then pages: a
    file's reader goes back to the image to find the records it took."""
    image = record("https://x.id/a.jpg", b"\xff\xd8\xff\xe0" + bytes(range(256)),
                   "Content-Type: image/jpeg\r\n", length=10 ** 6)
    return record(URLS[0], page("J 0")) + image + b"".join(
        record(url, page(f"J {n}")) for n, url in enumerate(URLS[1:], 1))


def test_a_stream_is_read_back_as_a_file_is_within_what_it_keeps(monkeypatch, tmp_path):
    path = tmp_path / "crawl.warc"
    path.write_bytes(_length_past_the_end())
    from_file = [(i.line, i.fields["url"]) for i in iter_inputs([str(path)])]
    assert [url for _, url in from_file] == URLS
    assert [(i.line, i.fields["url"]) for i in read_stdin(monkeypatch, path.read_bytes())] == \
        from_file


def test_a_stream_that_would_be_read_back_past_what_it_keeps_says_to_pass_the_file(monkeypatch):
    monkeypatch.setattr(Members, "KEEP_BYTES", 1024)
    items = read_stdin(monkeypatch, _length_past_the_end())
    assert isinstance(items[0], Item) and items[0].fields["url"] == URLS[0]
    reject = items[-1]
    assert isinstance(reject, Reject) and reject.source == "<stdin>"
    assert "records after it may be lost" in reject.reason
    assert reject.reason.endswith("pass the WARC as a .warc or .warc.gz file to read them")
