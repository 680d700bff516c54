"""A web page in UTF-16 without a byte order mark on standard input (`cat page16.html | cleaner
clean -`): read as a page by its NUL pattern and its opening markup, as the file is; UTF-16 text
that is no page still gets the --encoding hint, and binary data stays refused."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from cleaner.inputs import Item, ReadOptions, Reject, opens_as_page
from cleaner.readers import iter_inputs
from conftest import ROOT
from pipe_stream import Pipe

ARTICLE = ("<p>Bandung - Hujan deras sejak sore membuat sungai Citarum meluap dan merendam ratusan "
           "rumah warga di Bandung selatan pada Selasa malam.</p>"
           "<p>Petugas dan relawan mengevakuasi warga lanjut usia ke posko di balai desa.</p>")
PAGE = ('<!DOCTYPE html>\n<html lang="id"><head><meta charset="utf-8"><title>Banjir di Bandung'
        '</title></head><body><nav><a href="/">Beranda</a> | <a href="/berita">Berita</a></nav>'
        f"<article><h1>Banjir melanda Bandung</h1>{ARTICLE}</article>"
        "<footer>Hak cipta Kabar Contoh</footer></body></html>\n")
CODECS = ["utf-16-le", "utf-16-be"]


def read_stdin(monkeypatch, data: bytes, **options) -> list:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(Pipe(data))))
    return list(iter_inputs(["-"], ReadOptions(**options)))


@pytest.mark.parametrize("codec", CODECS)
@pytest.mark.parametrize("opening", ["", "\r\n  \t", " "])
@pytest.mark.parametrize("markup", [PAGE, "<html><body>" + ARTICLE, "<head><title>x</title>"
                                    "</head>" + ARTICLE, "<!-- arsip -->" + ARTICLE,
                                    "<!doctype HTML>" + ARTICLE])
def test_a_utf16_page_without_a_mark_on_stdin_is_read_as_a_page(monkeypatch, codec, opening,
                                                                   markup):
    [item] = read_stdin(monkeypatch, (opening + markup).encode(codec))
    assert isinstance(item, Item), item
    assert item.kind == "html" and item.fields["encoding"] == codec
    assert "Citarum" in item.text and item.source == "<stdin>"


@pytest.mark.parametrize("codec", CODECS)
def test_utf16_text_that_is_no_page_on_stdin_still_gets_the_encoding_hint(monkeypatch, codec):
    text = "Bandung - Hujan deras sejak sore membuat sungai Citarum meluap. <html> di tengah."
    [reject] = read_stdin(monkeypatch, text.encode(codec))
    assert isinstance(reject, Reject)
    assert reject.reason == ("binary data (NUL or control bytes), not text; it reads as "
                             f"{codec} without a byte order mark (--encoding {codec})")
    [item] = read_stdin(monkeypatch, text.encode(codec), encoding=codec)
    assert isinstance(item, Item) and item.kind != "html" and item.text == text


@pytest.mark.parametrize("data", [
    b"<\x00" + bytes(range(1, 32)) * 40,                       # a NUL pattern, control bytes
    "<html>".encode("utf-16-le") + "\x01\x02\x03\x04".encode("utf-16-le") * 300,
    "<html>".encode("utf-16-be") + b"\x00" * 4000,
    b"\x00<\x00h\x00t\x00m\x00l" + bytes(range(256)) * 8,      # UTF-16 markup, then noise
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
    b"<\x00\x00\x00h\x00\x00\x00" * 200,                       # UTF-32, no mark
    b"\x00" * 4096,
])
def test_binary_data_on_stdin_stays_refused(monkeypatch, data):
    [reject] = read_stdin(monkeypatch, data)
    assert isinstance(reject, Reject) and reject.reason.startswith("binary data")


def test_a_utf16_page_cut_inside_a_character_on_stdin_is_not_a_crash(monkeypatch):
    data = PAGE.encode("utf-16-le")[:-1]
    [item] = read_stdin(monkeypatch, data)
    assert isinstance(item, (Item, Reject))
    assert not isinstance(item, Item) or "Citarum" in item.text


@pytest.mark.parametrize("data, page", [
    (PAGE.encode("utf-16-le"), True), (PAGE.encode("utf-16-be"), True),
    (b"<\x00", False), (b"\x00", False), (b"", False), (b"\x00\x00\x00\x00" * 300, False),
    ("Isi berita <html>".encode("utf-16-le"), False),
    ("<b>Judul</b> isi".encode("utf-16-le"), False),
])
def test_opens_as_page_sees_utf16_markup_by_its_nul_pattern(data, page):
    assert opens_as_page(data) is page


@pytest.mark.parametrize("codec", [*CODECS, "utf-16"])       # (utf-16: with a mark, as before)
def test_a_utf16_page_piped_to_the_cli_is_cleaned_like_its_utf8_copy(tmp_path, codec):
    def clean(data: bytes, name: str) -> dict:
        out = tmp_path / f"{name}.jsonl"
        done = subprocess.run([sys.executable, "-m", "cleaner", "clean", "-", "-o", str(out),
                               "-q"], input=data, capture_output=True, cwd=ROOT, timeout=120)
        assert done.returncode == 0, done.stderr
        assert not (tmp_path / f"{name}.jsonl.rejects.jsonl").exists()
        [record] = map(json.loads, out.read_text(encoding="utf-8").splitlines())
        return record

    wide, narrow = clean(PAGE.encode(codec), "wide"), clean(PAGE.encode(), "narrow")
    assert wide["encoding"] == codec
    assert wide["text"] == narrow["text"] and "Beranda" not in wide["text"]
    assert wide["meta"]["title"] == narrow["meta"]["title"] == "Banjir melanda Bandung"
