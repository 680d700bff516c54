"""Web pages in UTF-16 without a byte order mark: read by their NUL pattern whatever charset
they declare, and cleaned like their UTF-8 copy; binary data named .html still refused."""

from __future__ import annotations

import gzip
import random
import json
from pathlib import Path

import pytest

from cleaner.cli import main
from cleaner.decode import DecodeError
from cleaner.html_charset import decode_html

PARAGRAPHS = "".join(
    f"<p>{'JAKARTA - ' if i == 0 else ''}Paragraf {i}. Harga beras di sejumlah pasar naik sejak pekan lalu karena pasokan dari "
    "daerah berkurang, kata pedagang. Kafe kecil di dekat pasar menjual café au lait lebih "
    "mahal.</p>" for i in range(4))


def page(charset: str = "utf-8") -> str:
    """A small news page declaring `charset`."""
    return (f'<!DOCTYPE html><html lang="id"><head><meta charset="{charset}">'
            '<title>Harga Beras Naik - Berita Contoh</title>'
            '<meta property="og:site_name" content="Berita Contoh">'
            '<meta property="article:published_time" content="2024-03-05T08:00:00+07:00">'
            '<meta name="author" content="Ade Putra"></head><body><article>'
            f"<h1>Harga Beras Naik</h1>{PARAGRAPHS}</article></body></html>")


def clean_files(tmp_path: Path, files: dict[str, bytes]) -> tuple[dict, dict]:
    """Clean a folder of the files given; return the records and the rejects' reasons by id."""
    src = tmp_path / "in"
    src.mkdir()
    for name, data in files.items():
        (src / name).write_bytes(data)
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(src), "-o", str(out), "--workers", "1", "-q"]) == 0
    records = {r["id"]: r for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    rejects_path = tmp_path / "out.jsonl.rejects.jsonl"
    rejects = {Path(r["source"]).name: r["reason"] for r in map(
        json.loads, rejects_path.read_text(encoding="utf-8").splitlines())} \
        if rejects_path.exists() else {}
    return records, rejects


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("declared", ["utf-16", "utf-8", "windows-1252"])
def test_a_utf16_page_without_a_mark_is_read_whatever_charset_it_declares(codec, declared):
    text, used, notes = decode_html(page(declared).encode(codec), http_charset="utf-8")
    assert (text, used, notes) == (page(declared), codec, [])


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_a_folder_of_utf16_pages_is_cleaned_like_the_utf8_copy(tmp_path, codec):
    records, rejects = clean_files(tmp_path, {
        "utf8.html": page().encode("utf-8"),
        "wide.html": page().encode(codec),
        "wide16.html": page("utf-16").encode(codec),
        "packed.html.gz": gzip.compress(page().encode(codec)),
    })
    assert rejects == {}
    utf8 = records["utf8"]
    assert "café au lait" in utf8["text"] and utf8["meta"]["authors"] == ["Ade Putra"]
    for name in ("wide", "wide16", "packed"):
        assert records[name]["text"] == utf8["text"]
        assert records[name]["meta"] == utf8["meta"]
        assert records[name]["encoding"] == codec and records[name]["flags"] == utf8["flags"]


def test_a_single_utf16_page_is_cleaned_from_the_cli(tmp_path):
    path = tmp_path / "berita.html"
    path.write_bytes(page().encode("utf-16-le"))
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(path), "-o", str(out), "-q"]) == 0
    [record] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert record["meta"]["title"] == "Harga Beras Naik" and record["meta"]["location"] == "Jakarta"


def test_a_utf16_page_cut_inside_a_character_is_read_and_flagged():
    text, used, notes = decode_html(page().encode("utf-16-le")[:-1])
    assert used == "utf-16-le" and text.startswith("<!DOCTYPE html>")
    assert notes == [f"invalid utf-16-le at byte {len(page()) * 2 - 2}; invalid bytes replaced"]


@pytest.mark.parametrize("data", [
    bytes(range(256)) * 100,                                     # random-like bytes
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 20,  # a PNG renamed
    b"\x00" * 4000,
    "".join(chr(c) for c in range(1, 9)).encode("utf-16-le") * 500,  # UTF-16 of controls
    ("<p>x</p>" + "\x01\x02\x03").encode("utf-16-be") * 300,
])
def test_binary_data_named_html_stays_refused(data):
    with pytest.raises(DecodeError, match="^binary data"):
        decode_html(data)


def test_binary_files_named_html_are_rejected_with_their_reason(tmp_path):
    records, rejects = clean_files(tmp_path, {
        "photo.html": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 20,
        "noise.html": bytes(range(256)) * 100,
        "controls.html": "\x01\x02\x03\x04".encode("utf-16-le") * 1000,
    })
    assert records == {}
    assert rejects == {"photo.html": "binary data (NUL or control bytes), not HTML",
                       "noise.html": "binary data (NUL or control bytes), not HTML",
                       "controls.html": "binary data (NUL or control characters as utf-16-le), "
                                        "not HTML"}


def test_a_utf16_page_in_a_warc_whose_header_says_utf8_is_read(tmp_path):
    body = page().encode("utf-16-le")
    http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + body)
    warc = tmp_path / "crawl.warc"
    warc.write_bytes(
        b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-"
        b"000000000001>\r\nWARC-Date: 2024-03-05T00:00:00Z\r\nWARC-Target-URI: "
        b"https://berita.example/a\r\nContent-Type: application/http; msgtype=response\r\n"
        + f"Content-Length: {len(http)}\r\n\r\n".encode() + http + b"\r\n\r\n")
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(warc), "-o", str(out), "-q"]) == 0
    [record] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert "café au lait" in record["text"] and record["encoding"] == "utf-16-le"


# Pages in Chinese, Japanese and Korean: their letters leave few NULs (一 U+4E00 and the
# ideographic space U+3000 one in the low byte), their markup one in every high byte.
CJK = {
    "ja": "\u3000東京都は一日、記者会見を開き、新しい計画を発表した。関係者によると来年から始まる。",
    "zh": "北京市政府今天举行一次新闻发布会，介绍了一年来城市建设的进展情况。",
    "ko": "서울시는 기자회견을 열고 새로운 계획을 발표했다. 관계자에 따르면 내년부터 시작된다.",
}


def cjk_page(lang: str, declared: str = "utf-8") -> str:
    """A small news page in `lang` declaring `declared` (what it was copied from)."""
    body = "".join(f"<p>{CJK[lang] * 3}</p>" for _ in range(6))
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="{declared}">'
            f"<title>{CJK[lang][:8]}</title></head><body><article><h1>{CJK[lang][:12]}</h1>"
            f"{body}</article></body></html>")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("lang", ["ja", "zh", "ko"])
def test_a_cjk_page_in_utf16_without_a_mark_is_read_by_its_markups_nuls(lang, codec):
    data = cjk_page(lang).encode(codec)
    assert decode_html(data) == (cjk_page(lang), codec, [])


def test_a_folder_of_cjk_utf16_pages_is_cleaned(tmp_path):
    records, rejects = clean_files(tmp_path, {
        f"{lang}.html": cjk_page(lang).encode("utf-16-le") for lang in CJK})
    assert rejects == {}
    for lang in CJK:
        assert CJK[lang].strip()[:10] in records[lang]["text"]
        assert records[lang]["encoding"] == "utf-16-le"


# A page of long paragraphs and little markup: too few NULs for any pattern, read only as
# the charset it declares.
SPARSE = "<p>" + "東京都は計画を発表した。関係者によると来年から始まる。" * 60 + "</p>"


def warc_of(body: bytes, content_type: str) -> bytes:
    """A WARC file of one response of `body` served with `content_type`."""
    http = f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\n\r\n".encode() + body
    return (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-"
            b"0000-000000000002>\r\nWARC-Date: 2024-03-05T00:00:00Z\r\nWARC-Target-URI: "
            b"https://berita.example/ja\r\nContent-Type: application/http; msgtype=response\r\n"
            + f"Content-Length: {len(http)}\r\n\r\n".encode() + http + b"\r\n\r\n")


@pytest.mark.parametrize("page", [cjk_page("ja"), SPARSE], ids=["page", "sparse"])
def test_a_cjk_utf16_page_in_a_warc_whose_header_says_utf16le_is_read(tmp_path, page):
    warc = tmp_path / "crawl.warc"
    warc.write_bytes(warc_of(page.encode("utf-16-le"), "text/html; charset=UTF-16LE"))
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(warc), "-o", str(out), "-q"]) == 0
    [record] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert "東京都は" in record["text"] and record["encoding"] == "utf-16-le"


@pytest.mark.parametrize("label, codec", [("UTF-16LE", "utf-16-le"), ("utf-16be", "utf-16-be"),
                                          ("utf-16", "utf-16-le"), ("UTF-16", "utf-16-be")])
def test_a_sparse_page_is_read_in_the_utf16_its_header_declares(label, codec):
    assert decode_html(SPARSE.encode(codec), http_charset=label) == (SPARSE, codec, [])


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("label", ["utf-16", "UTF-16LE", "utf-16be"])
def test_a_sparse_page_is_read_in_the_utf16_its_meta_declares(codec, label):
    # the meta is found where the bytes read as UTF-16; their order is the one it is read in
    page = f'<meta charset="{label}">{SPARSE}'
    assert decode_html(page.encode(codec)) == (page, codec, [])


def test_a_sparse_page_nothing_declares_is_refused():
    with pytest.raises(DecodeError, match="^binary data"):
        decode_html(SPARSE.encode("utf-16-le"), http_charset="utf-8")


def test_controls_declared_utf16_are_refused_without_being_called_binary():
    data = ("<p>" + "東京都\x01" * 1000).encode("utf-16-le")
    with pytest.raises(DecodeError) as caught:
        decode_html(data, http_charset="UTF-16LE")
    assert str(caught.value).startswith("declared charset UTF-16LE but the page reads as "
                                        "control characters in utf-16-le")


RANDOM = random.Random(26).randbytes(9000)


@pytest.mark.parametrize("data", [
    RANDOM,
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + RANDOM,                    # a PNG renamed
    gzip.compress(cjk_page("ja").encode("utf-16-le") * 20),                  # gzip not undone
    b"".join(f"<p>row {i}</p>".encode().ljust(32, b"\x00") for i in range(300)),  # NUL-padded
    cjk_page("ja").encode("utf-32-le"),
    cjk_page("ja").encode("utf-16-le")[1:],                               # off by one byte
])
@pytest.mark.parametrize("declared", [None, "UTF-16LE", "utf-16"])
def test_binary_data_stays_refused_by_the_markup_pattern_and_a_declared_utf16(data, declared):
    with pytest.raises(DecodeError, match="binary data|control characters"):
        decode_html(data, http_charset=declared)


def test_random_bytes_declared_utf16_are_binary_and_the_reason_says_the_label_fails():
    with pytest.raises(DecodeError) as caught:
        decode_html(b"\x00" + RANDOM, http_charset="UTF-16LE")
    assert str(caught.value) == ("binary data (NUL or control bytes), not HTML (its declared "
                                 "charset UTF-16LE does not read it)")


@pytest.mark.parametrize("label", ["UTF-16LE", "utf-16", "utf-16be"])
def test_a_utf8_page_with_a_stray_nul_mislabelled_utf16_is_not_read_as_utf16(label):
    # read so, its ASCII pairs would make letters of a CJK script and no tag: it is read as the
    # UTF-8 it is, its stray NUL left for cleaning to drop (decode.not_text), the label said
    data = page().encode("utf-8").replace(b"<article>", b"<article>\x00")
    assert decode_html(data, http_charset=label) == (
        data.decode("utf-8"), "utf-8",
        [f"declared charset {label} but the page has no byte order mark"])
