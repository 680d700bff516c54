"""HTML input: extraction, site strip selectors, page chrome, metadata precedence, readers, and bad pages."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from cleaner.rulefile import RuleFileError

from cleaner import Cleaner
from cleaner import html_clean
from cleaner.cli import main
from cleaner.html_load import PageError
from cleaner.page_bylines import split_byline
from cleaner.page_dates import iso_date
from cleaner.page_titles import clean_title
from cleaner.metadata import people
from cleaner.inputs import Item, ReadOptions, Reject
from cleaner.jsonl_reader import parse_record
from cleaner.readers import iter_inputs
from conftest import ROOT

FIXTURES = ROOT / "fixtures"
KABAR = FIXTURES / "kabarislamia.com" / "21486419bb.html"
AP = FIXTURES / "hosted.ap.org" / "82b6d780c7.html"

ARTICLE = " ".join(["Pemerintah menyatakan harga beras akan turun bulan depan setelah panen raya "
                    "di sejumlah daerah, kata menteri kepada wartawan di Jakarta."] * 4)


def page(body: str, head: str = "", lang: str = "id") -> str:
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">{head}</head>'
            f"<body>{body}</body></html>")


def article_page(extra_body: str = "", head: str = "", paragraphs: int = 4) -> str:
    paras = "".join(f"<p>{ARTICLE} Paragraf {i}.</p>" for i in range(paragraphs))
    return page(f"<h1>Harga Beras Turun</h1><article>{paras}{extra_body}</article>", head)


# -- metadata helpers (issue item 3) -------------------------------------------------------------

@pytest.mark.parametrize("raw,names,expected", [
    ("Judul Berita - Kompas.com", [], "Judul Berita"),
    ("Judul | Republika Online", ["Republika Online"], "Judul"),
    ("KapanLagi.com: Judul", [], "Judul"),
    ("Judul Berita | Tribunnews.com", [], "Judul Berita"),
    ("Jokowi - Prabowo Bertemu", [], "Jokowi - Prabowo Bertemu"),
])
def test_titles_lose_site_name_decoration(raw, names, expected):
    assert clean_title(raw, names) == expected


@pytest.mark.parametrize("raw,expected", [
    ("Senin, 22 Februari 2016 | 14:38 WIB", "2016-02-22T14:38+07:00"),
    ("22/02/2016 14:38", "2016-02-22T14:38"),
    ("2016-02-21T20:00:00Z", "2016-02-22T03:00:00+07:00"),          # the day in Jakarta
    ("2016-02-21T23:30:00+00:00", "2016-02-22T06:30:00+07:00"),
    ("2016/02/22 14:38:00", "2016-02-22T14:38:00"),
])
def test_indonesian_dates_are_iso_in_jakarta(raw, expected):
    assert iso_date(raw.replace("/", "-") if raw[:4].isdigit() else raw,
                    months={"februari": 2}) == expected


def test_bylines_lose_their_labels():
    assert split_byline("Penulis: Fitri Wulandari | Editor: Ismet Rauf") == (
        ["Fitri Wulandari"], ["Ismet Rauf"])
    assert split_byline("Oleh: Ade S dan Budi") == (["Ade S", "Budi"], [])


def test_a_byline_piece_with_a_digit_is_a_date_not_an_author():
    assert split_byline("By Jane Doe | November 20, 2019 5:52 AM") == (["Jane Doe"], [])


def test_a_weekday_or_a_month_alone_in_a_byline_is_no_author():
    assert split_byline("Jeff Foust | Monday") == (["Jeff Foust"], [])
    assert split_byline("Oleh Ade Putra | Senin | Maret") == (["Ade Putra"], [])


def test_a_byline_label_of_several_words_goes_and_a_stop_after_a_word_parts_names():
    assert split_byline("Analysis by Chris Cillizza") == (["Chris Cillizza"], [])
    assert split_byline("Finian Cunningham. Sputnik International") == (
        ["Finian Cunningham", "Sputnik International"], [])
    assert split_byline("By Sarah E. Needleman") == (["Sarah E. Needleman"], [])


@pytest.mark.parametrize("names,site,kept", [
    (["STEVE PEOPLES", "AP National Political Writer"], [], ["STEVE PEOPLES"]),
    (["Paul Takahashi", "Staff writer"], [], ["Paul Takahashi"]),
    (["Chris Cillizza", "CNN Editor-at-large"], [], ["Chris Cillizza"]),
    (["MEG KINNARD", "ERRIN HAINES", "Associated Press"], [], ["MEG KINNARD", "ERRIN HAINES"]),
    (["Rachael Link", "MS", "RD"], [], ["Rachael Link"]),
    (["Jill Disis", "CNN Business"], ["CNN"], ["Jill Disis"]),
    (["Tanza Loudenback", "Business Insider"], ["Business Insider Deutschland"],
     ["Tanza Loudenback"]),
    # No person beside them: an agency or a staff byline is all the page says, and stays.
    (["Reuters"], [], ["Reuters"]),
    (["HNN Staff"], [], ["HNN Staff"]),
    # "Tim" is a first name, "Redaksi" the desk: "Tim Redaksi" is the newsroom.
    (["Tim Childers", "Tim Redaksi"], [], ["Tim Childers"]),
])
def test_jobs_degrees_agencies_and_the_site_beside_a_person_are_no_authors(names, site, kept):
    assert people(names, site) == kept


_BODY = "Isi berita yang panjang sekali untuk dibaca oleh semua orang di kota ini. " * 4


def _byline_page(byline: str) -> str:
    return (f"<html><head><title>Judul Berita</title></head><body><article><h1>Judul Berita</h1>"
            f"{byline}<p>{_BODY}</p><p>{_BODY}</p></article></body></html>")


def test_a_labelled_byline_marked_by_its_class_names_the_authors_not_the_desk_after_them():
    page = _byline_page('<div class="story-byline"><div>By <a href="/a">Ana Putri</a> and '
                        '<a href="/b">Budi Santoso</a></div><div>Associated Press</div></div>')
    assert Cleaner().clean_html(page)["meta"]["authors"] == ["Ana Putri", "Budi Santoso"]


def test_a_byline_class_without_a_label_names_no_author():
    # A "byline" block can hold anything (a date, a share bar): only "By ..." reads as names.
    page = _byline_page('<div class="byline">Diperbarui Senin pagi</div>')
    assert Cleaner().clean_html(page)["meta"]["authors"] == []


def _summary_page(header: str, body: str) -> str:
    return (f"<html><head><title>Judul Berita</title></head><body>{header}{body}</body></html>")


_DEK = "Ringkasan berita di bawah judul yang tidak termasuk isi berita ini"


def test_a_standfirst_in_the_headline_block_goes_and_is_recorded():
    page = _summary_page(f'<header class="article-header"><h1>Judul Berita</h1>'
                         f'<h2 class="dek">{_DEK}</h2></header>',
                         f"<article><p>{_BODY}</p><p>{_BODY}</p></article>")
    record = Cleaner().clean_html(page)
    assert _DEK not in record["text"]
    assert [r["text"] for r in record["removed"] if r["rule"] == "html/standfirst"] == [_DEK]


def test_a_summary_beside_the_article_paragraphs_is_their_lead_and_stays():
    # rt.com: <div class="article"><h1/><div class="article__summary">lead</div>
    # <div class="article__text"><p>...</p></div></div>; the lead is the article's first
    # paragraph, written as a bare <div>, which the extractor would drop as it stands.
    page = _summary_page("", f'<div class="article"><h1>Judul Berita</h1>'
                             f'<div class="article__summary summary">{_DEK}</div>'
                             f'<div class="article__text"><p>{_BODY}</p><p>{_BODY}</p></div></div>')
    record = Cleaner().clean_html(page)
    assert _DEK in record["text"]
    assert not [r for r in record["removed"] if r["rule"] == "html/standfirst"]


def _standfirsts(page: str) -> list[str]:
    record = Cleaner().clean_html(page)
    assert _DEK not in record["text"]
    return [r["text"] for r in record["removed"] if r["rule"] == "html/standfirst"]


def test_a_subhead_in_the_article_box_apart_from_the_headline_is_its_standfirst():
    # moneycontrol.com: the headline in a section above, <h2 class="subhead"> in the article's
    # box before its paragraphs; it was kept as the text's first paragraph.
    page = _summary_page('<section><div><h1 class="artTitle">Judul Berita</h1></div></section>',
                         f'<section><article><div class="wrap"><h2 class="subhead">{_DEK}</h2>'
                         f'<div class="byline">Ana Putri</div></div><div class="body">'
                         f'<p>{_BODY}</p><p>{_BODY}</p></div></article></section>')
    assert _standfirsts(page) == [_DEK]


def test_a_masthead_h1_of_links_is_not_taken_for_the_headline():
    # wsj.com opens with <h1><a>The Wall Street Journal</a><a>Opinion</a></h1>; the headline's
    # own block and its <h2 class="sub-head"> were never looked at.
    page = _summary_page('<header class="site-header"><div><h1><a href="/">The Wall Street '
                         'Journal</a> <a href="/o">Opinion</a></h1><div class="strap"><p>'
                         'November 20, 2019</p></div></div></header>',
                         f'<main><article><div class="article-header"><h1>Judul Berita</h1>'
                         f'<h2 class="sub-head">{_DEK}</h2></div><p>{_BODY}</p><p>{_BODY}</p>'
                         f'</article></main>')
    assert _standfirsts(page) == [_DEK]


def test_a_classed_summary_after_the_articles_first_paragraph_is_no_standfirst():
    page = _summary_page('<section><h1>Judul Berita</h1></section>',
                         f'<article><p>{_BODY}</p><div class="summary">{_DEK}</div>'
                         f'<p>{_BODY}</p></article>')
    record = Cleaner().clean_html(page)
    assert not [r for r in record["removed"] if r["rule"] == "html/standfirst"]


# -- real pages ---------------------------------------------------------------------------------

def test_real_page_keeps_the_article_and_records_what_went(cleaner):
    record = cleaner.clean_html(KABAR.read_bytes(), id="kabar")
    text = record["text"]
    assert text.startswith("Mudah2an kita bisa memahami")
    assert "Ni’matul Ukhuwah" in text
    for chrome in ("Tinggalkan Balasan", "Blog Stats", "Surat elektronik", "Filed under"):
        assert chrome not in text
    meta = record["meta"]
    assert meta["title"] == "Jangan Membenci Satu Kaum Secara Berlebihan"
    assert meta["date"] == "2015-03-30T09:40:29+07:00"     # 02:40 UTC, the same day in Jakarta
    assert meta["url"].startswith("https://kabarislamia.com/2015/03/30/")
    assert meta["site"] == "kabarislamia.com" and meta["lang"] == "id"
    # The site's pack: its selectors strip the chrome, its footer rule gives the category.
    assert meta["category"] == "Khawarij" and meta["source"] == "Kabar Islamia"
    rules = {r["rule"] for r in record["removed"]}
    assert {"kabarislamia.com/html-strip:div.sharedaddy", "kabarislamia.com/html-strip:#respond",
            "kabarislamia/filed-under", "header/title"} <= rules
    html_removals = [r for r in record["removed"] if r["action"] == "html-strip"]
    assert html_removals and all(r["line"] == 0 for r in html_removals)


def test_input_url_wins_and_picks_the_site(cleaner):
    record = cleaner.clean_html(AP.read_bytes(), url="https://example.org/x", id="ap")
    assert record["meta"]["url"] == "https://example.org/x"
    assert record["meta"]["site"] == "example.org"
    # The wire dateline is metadata, whichever site carries the story.
    assert record["text"].startswith("Ambassador Gordon Sondland")
    assert (record["meta"]["location"], record["meta"]["source"]) == ("Washington", "AP")


# -- site strip selectors and generic chrome (issue items 2 and 4) ------------------------------

SITE_PACK = """
[pack]
id = "contoh"
kind = "site"
name = "Contoh News"
lang = "id"
domains = ["contoh-news.id"]
html_strip = [".kotak-promo", "#komentar-warga"]

[[rule]]
id = "contoh/footer"
description = "The site's sign-off line"
action = "drop-line"
pattern = '^Contoh News, terpercaya sejak 1999\\.$'
remove = ["Contoh News, terpercaya sejak 1999."]
"""


@pytest.fixture(scope="module")
def site_cleaner(tmp_path_factory):
    path = tmp_path_factory.mktemp("rules") / "contoh-news.id.toml"
    path.write_text(SITE_PACK, encoding="utf-8")
    return Cleaner(rules=[path])


def test_site_pack_selectors_strip_before_extraction(site_cleaner):
    html = article_page('<div class="kotak-promo"><p>Promo spesial hari ini saja, diskon besar '
                        'untuk semua pembaca setia kami!</p></div>'
                        '<div id="komentar-warga"><p>Komentar: artikel bagus sekali.</p></div>'
                        "<p>Contoh News, terpercaya sejak 1999.</p>")
    record = site_cleaner.clean_html(html, url="https://www.contoh-news.id/berita/1")
    assert record["meta"]["site"] == "contoh"
    assert "Promo spesial" not in record["text"] and "artikel bagus" not in record["text"]
    assert "terpercaya sejak" not in record["text"]
    rules = [r["rule"] for r in record["removed"]]
    assert "contoh/html-strip:.kotak-promo" in rules
    assert "contoh/html-strip:#komentar-warga" in rules
    assert "contoh/footer" in rules                      # the same text rule as for text input


def test_nested_strip_matches_are_recorded_once(site_cleaner):
    html = article_page('<div class="kotak-promo"><p>Promo luar untuk pembaca.</p>'
                        '<div class="kotak-promo"><p>Promo dalam yang bersarang.</p></div></div>')
    record = site_cleaner.clean_html(html, url="https://www.contoh-news.id/berita/2")
    strips = [r for r in record["removed"] if r["rule"] == "contoh/html-strip:.kotak-promo"]
    assert len(strips) == 1
    assert "Promo luar" in strips[0]["text"] and "Promo dalam" in strips[0]["text"]


def test_site_is_found_by_canonical_url_without_an_input_url(site_cleaner):
    head = '<link rel="canonical" href="https://contoh-news.id/berita/1">'
    record = site_cleaner.clean_html(article_page('<div class="kotak-promo"><p>Promo spesial hari '
                                                  'ini saja untuk semua pembaca.</p></div>', head))
    assert record["meta"]["site"] == "contoh"
    assert "contoh/html-strip:.kotak-promo" in [r["rule"] for r in record["removed"]]


def test_indonesian_page_chrome_goes_without_a_site_pack(cleaner):
    chrome = ('<div class="baca-juga"><a href="/x">Baca Juga: Harga Cabai Naik</a></div>'
              '<div class="share-bar"><a>Facebook</a><a>Twitter</a><a>WhatsApp</a></div>'
              '<div class="berita-terkait"><h3>Berita Terkait</h3><ul><li><a href="/1">Satu</a>'
              '</li><li><a href="/2">Dua</a></li><li><a href="/3">Tiga</a></li></ul></div>'
              "<p>Editor: Ismet Rauf</p><p>Tags: beras, harga, panen</p>"
              "<p>0 Komentar</p><p>Login untuk komentar</p>")
    record = cleaner.clean_html(article_page(chrome), url="https://berita-contoh.id/a")
    text = record["text"]
    for gone in ("Baca Juga", "WhatsApp", "Berita Terkait", "Tags:", "Komentar", "Editor:"):
        assert gone not in text, gone
    assert record["meta"]["editors"] == ["Ismet Rauf"]
    assert text.count("Pemerintah menyatakan harga beras") == 16


# -- metadata precedence (issue item 3, docs/html.md) -------------------------------------------

PRECEDENCE_HEAD = ('<title>Harga Beras Turun - Kompas.com</title>'
                   '<meta property="og:site_name" content="Kompas.com">'
                   '<meta property="article:published_time" content="2016-02-21T20:00:00Z">'
                   '<meta name="author" content="Ade Putra">'
                   '<link rel="canonical" href="https://www.kompas.com/read/2016/02/22/1">')


def test_html_metadata_fills_the_record(cleaner):
    record = cleaner.clean_html(article_page(head=PRECEDENCE_HEAD))
    meta = record["meta"]
    assert meta["title"] == "Harga Beras Turun"
    assert meta["date"] == "2016-02-22T03:00:00+07:00"
    assert meta["url"] == "https://www.kompas.com/read/2016/02/22/1"
    assert meta["authors"] == ["Ade Putra"]


def test_text_byline_beats_html_author_and_input_beats_html(cleaner):
    body = "<p>Penulis: Fitri Wulandari</p>"
    record = cleaner.clean_html(article_page(body, PRECEDENCE_HEAD),
                                url="https://input.example/berita", title="Judul Dari Input",
                                date="2016-03-01")
    meta = record["meta"]
    assert meta["authors"] == ["Fitri Wulandari"]          # text byline > HTML author
    assert meta["title"] == "Judul Dari Input"              # input field > HTML title
    assert meta["date"] == "2016-03-01"                    # input field > HTML date
    assert meta["url"] == "https://input.example/berita"    # input url > canonical


def test_html_date_beats_text_date_line_and_warc_date_is_last(cleaner):
    dated = article_page("", PRECEDENCE_HEAD).replace(
        "<article>", "<article><p>Senin, 22 Februari 2016 | 14:38 WIB</p>")
    assert cleaner.clean_html(dated)["meta"]["date"] == "2016-02-22T03:00:00+07:00"
    undated = article_page("").replace("<article>",
                                       "<article><p>Senin, 22 Februari 2016 | 14:38 WIB</p>")
    record = cleaner.clean_html(undated, fallback_date="2016-03-09T01:00:00Z")
    assert record["meta"]["date"] == "2016-02-22T14:38+07:00"   # text header > WARC date
    assert "Senin, 22 Februari" not in record["text"]
    bare = cleaner.clean_html(article_page(""), fallback_date="2016-03-09T20:00:00Z")
    assert bare["meta"]["date"] == "2016-03-10T03:00:00+07:00"


# -- readers (issue item 1) ---------------------------------------------------------------------

def test_html_files_and_folders_are_read_as_pages(tmp_path):
    (tmp_path / "a.html").write_text(article_page(), encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.htm").write_bytes(article_page().encode("cp1252", "replace"))
    items = list(iter_inputs([str(tmp_path)]))
    assert [type(i) for i in items] == [Item, Item]
    assert all(i.kind == "html" for i in items)
    assert [i.fields["id"] for i in items] == ["a", "sub/b"]


def test_jsonl_html_field_is_used_when_there_is_no_text():
    options = ReadOptions()
    line = json.dumps({"id": "p1", "url": "https://x.id/1", "html": article_page()}).encode()
    item = parse_record(line, "in.jsonl", 1, options)
    assert isinstance(item, Item) and item.kind == "html" and item.fields["url"] == "https://x.id/1"
    both = json.dumps({"id": "p2", "text": "Teks saja.", "html": "<p>x</p>"}).encode()
    assert parse_record(both, "in.jsonl", 2, options).kind == "text"
    custom = json.dumps({"id": "p3", "page": article_page()}).encode()
    assert isinstance(parse_record(custom, "in.jsonl", 3, options), Reject)
    options.html_field = "page"
    assert parse_record(custom, "in.jsonl", 3, options).kind == "html"


def test_cli_cleans_html_folder_and_jsonl_with_rejects(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.html").write_text(article_page(head=PRECEDENCE_HEAD), encoding="utf-8")
    (src / "binary.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00" * 50)
    (src / "empty.html").write_text(page("<nav><a href='/'>Beranda</a></nav>"), encoding="utf-8")
    (src / "pages.jsonl").write_text(
        json.dumps({"id": "j1", "url": "https://x.id/j1", "html": article_page()}) + "\n",
        encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(src), "-o", str(out), "--workers", "1", "-q"]) == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(r["id"] for r in records) == ["good", "j1"]
    good = next(r for r in records if r["id"] == "good")
    assert good["meta"]["title"] == "Harga Beras Turun"
    rejects = [json.loads(line) for line in
               (tmp_path / "out.jsonl.rejects.jsonl").read_text(encoding="utf-8").splitlines()]
    reasons = {Path(r["source"]).name: r["reason"] for r in rejects}
    assert "binary data" in reasons["binary.html"]
    assert "no article text" in reasons["empty.html"]


# -- bad input (issue item 6) -------------------------------------------------------------------

def test_truncated_markup_gives_a_best_effort_record(cleaner):
    html = article_page()[: -len("</p></article></body></html>") - 40]
    record = cleaner.clean_html(html)
    assert "Pemerintah menyatakan" in record["text"]


def test_invalid_markup_gives_a_record_or_a_reject(cleaner):
    html = "<html><body><p>" + ARTICLE + "<div><span></p></b></i><<<>>>" + ARTICLE + "</table>"
    record = cleaner.clean_html(html)
    assert "harga beras" in record["text"]


def test_page_without_an_article_is_rejected(cleaner):
    with pytest.raises(PageError, match="no article text"):
        cleaner.clean_html(page("<nav><ul><li><a href='/'>Beranda</a></li></ul></nav>"))


# A hang guard, not a speed check (a hostile input: the suite times no test).
@pytest.mark.timeout(60)
def test_deep_nesting_is_flagged_fast(cleaner):
    html = page("<div>" * 10_000 + "<p>" + ARTICLE + "</p>" + "</div>" * 10_000
                + "<p>" + ARTICLE + "</p>")
    try:
        record = cleaner.clean_html(html)
    except PageError as exc:
        assert "no article" in str(exc) or "nested" in str(exc)
    else:
        assert any(f["flag"] == "markup" for f in record["flags"])


def test_fifty_megabyte_page_is_refused_in_seconds(cleaner, tmp_path, monkeypatch):
    # Deterministic, not timed: the page is refused on its size alone, its bytes neither
    # decoded nor parsed, and the file's never read past its size.
    from cleaner import document_files, html_load

    def never(*args, **kwargs):
        raise AssertionError("a page over the size limit was read, decoded or parsed")

    monkeypatch.setattr(html_load, "decode_html", never)
    monkeypatch.setattr(document_files, "_read_to_end", never)
    monkeypatch.setattr(document_files, "html_item", never)
    big = article_page("<p>" + "x" * (50 << 20) + "</p>").encode()
    with pytest.raises(PageError, match="larger than"):
        cleaner.clean_html(big)
    path = tmp_path / "big.html"
    path.write_bytes(big)
    [reject] = list(iter_inputs([str(path)]))
    assert isinstance(reject, Reject) and "larger than" in reject.reason


def test_binary_file_named_html_is_rejected(cleaner, tmp_path):
    data = bytes(range(256)) * 100
    path = tmp_path / "photo.html"
    path.write_bytes(data)
    [reject] = list(iter_inputs([str(path)]))
    assert isinstance(reject, Reject) and "binary" in reject.reason
    with pytest.raises(PageError, match="binary"):
        cleaner.clean_html(data)


def test_wrong_declared_charset_is_caught_and_flagged(cleaner):
    text_page = article_page("<p>Kafe di Cikini menjual café au lait seharga Rp 30.000.</p>")
    latin_label_utf8_bytes = text_page.replace('charset="utf-8"', 'charset="iso-8859-1"').encode()
    record = cleaner.clean_html(latin_label_utf8_bytes)
    assert "café au lait" in record["text"]
    assert any(f["flag"] == "charset" for f in record["flags"])
    utf8_label_cp1252_bytes = text_page.encode("cp1252")
    record = cleaner.clean_html(utf8_label_cp1252_bytes)
    assert "café au lait" in record["text"]
    assert any("does not decode" in f["reason"] for f in record["flags"])


def test_wrong_charset_from_a_file_keeps_its_flag(cleaner, tmp_path):
    path = tmp_path / "p.html"
    path.write_bytes(article_page("<p>café au lait</p>").encode("cp1252"))
    [item] = list(iter_inputs([str(path)]))
    from cleaner.batches import clean_item
    record = clean_item(cleaner, item)
    assert "café au lait" in record["text"]
    assert record["flags"] and record["flags"][0]["flag"] == "charset"
    assert record["encoding"].startswith("cp125")


# A hang guard, not a speed check: the extractor here never returns, only the page's deadline
# (0.3 s) stops it; without the deadline the test would hang until the guard ends it.
@pytest.mark.timeout(60)
def test_a_slow_page_is_stopped_at_the_deadline(monkeypatch):
    cleaner = Cleaner()
    cleaner.page_timeout = 0.3

    def slow(*args, **kwargs):
        while True:
            time.sleep(0.01)

    monkeypatch.setattr(html_clean, "extract_article", slow)
    with pytest.raises(PageError, match="longer than"):
        cleaner.clean_html(article_page())


def test_no_module_is_imported_under_a_page_deadline(tmp_path):
    # The first page of a process imports the extraction libraries (0.2 s). A deadline that
    # fired inside that import left urllib3 half made, and every later page of the process
    # failed ("module 'urllib3' has no attribute 'util'"). In a fresh process, nothing imported
    # yet: the modules new at the end of the deadline's body are the ones imported under it.
    script = tmp_path / "first_page.py"
    script.write_text(textwrap.dedent(f"""
        import contextlib, sys
        sys.path.insert(0, {str(ROOT)!r})
        sys.path.insert(0, {str(Path(__file__).parent)!r})
        from test_html_input import article_page
        from cleaner import html_clean
        from cleaner.pipeline import Cleaner
        real, imported = html_clean.deadline, []

        @contextlib.contextmanager
        def watched(seconds):
            before = set(sys.modules)
            with real(seconds) as enforced:
                yield enforced
            imported.extend(sorted(set(sys.modules) - before))

        html_clean.deadline = watched
        assert "trafilatura" not in sys.modules
        record = Cleaner().clean_html(article_page(), url="https://contoh.id/a")
        assert record["text"]
        print(" ".join(imported))
    """))
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == []


def test_site_is_found_by_site_name(site_cleaner):
    head = '<meta property="og:site_name" content="Contoh News">'
    record = site_cleaner.clean_html(article_page('<div class="kotak-promo"><p>Promo spesial hari '
                                                  'ini saja untuk semua pembaca.</p></div>', head))
    assert "contoh/html-strip:.kotak-promo" in [r["rule"] for r in record["removed"]]


def test_a_bad_strip_selector_stops_the_load_naming_file_and_selector(tmp_path):
    path = tmp_path / "contoh-news.id.toml"
    path.write_text(SITE_PACK.replace('".kotak-promo"', '"div[[["'), encoding="utf-8")
    with pytest.raises(RuleFileError) as info:
        Cleaner(rules=[path])
    assert str(path) in str(info.value) and "div[[[" in str(info.value)

def test_a_site_named_only_by_og_site_name_gets_its_text_rules(tmp_path):
    pack = tmp_path / "contoh-berita.id.toml"
    pack.write_text('[pack]\nkind = "site"\nname = "Contoh Berita"\ndomains = ["contoh-berita.id"]\n'
                    '[[rule]]\nid = "contoh/promo"\ndescription = "promo"\naction = "drop-line"\n'
                    'pattern = \'^IKLAN CONTOH BERITA$\'\nremove = ["IKLAN CONTOH BERITA"]\n', encoding="utf-8")
    head = '<meta property="og:site_name" content="Contoh Berita">'
    record = Cleaner(rules=[pack]).clean_html(article_page("<p>IKLAN CONTOH BERITA</p>", head))
    assert record["meta"]["site"] == "contoh-berita.id"
    assert [r["rule"] for r in record["removed"] if r["rule"] == "contoh/promo"] == ["contoh/promo"]
    assert "IKLAN" not in record["text"]


# -- declared charsets that are wrong -----------------------------------------------------------

_PAGE = ('<html><head><meta charset="{}"><title>T</title></head><body><p>Pemerintah ‘detail’ '
         'café yang penting bagi pembaca setia kami di Jakarta hari ini.</p></body></html>')


@pytest.mark.parametrize("label", ["koi8-r", "iso-8859-5", "ISO-8859-2", "mac-roman", "tis-620",
                                   "windows-1251", "cp850"])
def test_a_single_byte_label_over_utf8_bytes_is_caught_however_it_is_spelt(label):
    from cleaner.html_charset import decode_html

    text, codec, notes = decode_html(_PAGE.format(label).encode("utf-8"))
    assert codec == "utf-8" and "‘detail’ café" in text
    assert notes == [f"declared charset {label} but the bytes are UTF-8"]


@pytest.mark.parametrize("label", ["undefined", "zlib", "base64"])
def test_a_label_that_names_no_text_codec_is_passed_over(label):
    from cleaner.html_charset import decode_html

    text, codec, notes = decode_html(_PAGE.format(label).encode("utf-8"))
    assert codec == "utf-8" and "café" in text
    assert notes == [f"declared charset {label} does not decode this page"]


@pytest.mark.parametrize("label", ["utf-16", "UTF-16LE", "utf-32"])
def test_a_utf16_label_without_a_byte_order_mark_reads_as_utf8(label):
    from cleaner.html_charset import decode_html

    text, codec, notes = decode_html(_PAGE.format(label).encode("utf-8"))
    assert codec == "utf-8" and "café" in text
    assert notes == [f"declared charset {label} but the page has no byte order mark"]


def test_a_page_with_an_undefined_charset_is_cleaned_not_fatal_to_the_run(tmp_path):
    (tmp_path / "u.html").write_text(_PAGE.format("undefined"), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(tmp_path / "u.html"), "-o", str(out), "-q"]) == 0
    record, = [json.loads(line) for line in out.read_text().splitlines()]
    assert "café" in record["text"] and record["flags"][0]["flag"] == "charset"


def test_a_tag_of_thousands_of_attributes_is_read_without_them_and_flagged():
    # libxml2's time grows with the square of one tag's attributes (100,000 took 12.7 s to
    # parse, out of the page deadline's reach): such a tag is parsed bare.
    many = " ".join(f"a{i}=v" for i in range(5000))
    page = (f"<html><body><p>{'Isi berita yang panjang sekali. ' * 20}</p>"
            f"<p {many}>Kalimat terakhir berita ini.</p></body></html>")
    record = Cleaner().clean_html(page)
    assert "Kalimat terakhir berita ini." in record["text"]
    assert record["flags"] == [{"flag": "markup", "reason": "1 tags with over 1,000 attributes "
                                "read without them (the parser takes quadratic time over them)"}]


def test_a_paragraph_repeated_in_a_short_article_is_kept_or_recorded():
    # On a short page trafilatura's fast mode falls back to its baseline, which drops a
    # paragraph repeated word for word: the copy it drops is recorded.
    sentence = "Pemerintah mengumumkan kebijakan baru tentang pendidikan dasar hari ini. "
    page = (f"<html><head><title>T</title></head><body><p>{sentence * 2}</p>"
            f"<p>Kalimat lain yang cukup panjang untuk paragraf kedua ini ya.</p>"
            f"<p>{sentence * 2}</p></body></html>")
    record = Cleaner().clean_html(page)
    kept = record["text"].count("Pemerintah")
    recorded = sum(r["text"].count("Pemerintah") for r in record["removed"])
    assert kept + recorded == 4


def test_the_pages_title_line_leaves_the_text_when_the_input_names_another_title():
    # A crawl's record often carries its own title beside the page: it wins as meta.title,
    # and the page's headline, which opens the extracted text, is still a title line.
    body = "Isi berita yang panjang sekali untuk dibaca. " * 5
    page = (f"<html><head><title>Judul Berita Utama</title></head><body>"
            f"<h1>Judul Berita Utama</h1><p>{body}</p></body></html>")
    record = Cleaner().clean_html(page, title="Judul Lain Sama Sekali")
    assert record["meta"]["title"] == "Judul Lain Sama Sekali"
    assert record["text"].startswith("Isi berita")
    assert [(r["rule"], r["text"], r["action"]) for r in record["removed"]] == [
        ("header/title", "Judul Berita Utama", "drop-line")]


def test_a_page_of_more_tags_than_a_news_page_is_refused_before_parsing():
    # 510,000 table cells (2.5 MB) took 549 MB to parse and extract: past a run's memory.
    page = "<html><body><p>" + "Isi berita. " * 30 + "</p>" + "<b>x</b>" * 50_001 + "</body></html>"
    with pytest.raises(PageError, match="page of 100,0.. tags, more than the 100,000"):
        Cleaner().clean_html(page)


def test_a_hover_card_inside_a_paragraph_leaves_the_name_it_explains():
    body = "Isi berita yang panjang sekali untuk dibaca oleh semua orang di kota ini. " * 4
    page = ('<html><head><title>T</title></head><body><article><h1>Judul Berita</h1>'
            f'<p>{body}</p><p>He threatened to kill Rep. <span class="rollover-people">'
            '<a href="/people/ilhan-omar">Ilhan Omar</a><span class="rollover-people-block">'
            '<a href="/x">Other headline of the day</a></span></span> (D-Minn.), the office '
            f'said in a statement on Monday.</p><p>{body}</p></article></body></html>')
    record = Cleaner().clean_html(page)
    assert "kill Rep. Ilhan Omar (D-Minn.), the office" in record["text"]
    card, = [r for r in record["removed"] if r["rule"] == "html/chrome-hover-card"]
    assert card["text"] == "Other headline of the day"


def test_a_page_in_a_text_file_a_text_field_or_a_text_column_is_read_as_a_page(tmp_path):
    # Scrapers store the raw page where the text should be; cleaned as text, its markup and
    # menus would stay in the record.
    import pyarrow as pa
    import pyarrow.parquet as pq

    page = (ROOT / "fixtures" / "rt.com" / "4a44ab3e4c.html").read_text(encoding="utf-8")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "page.html").write_text(page, encoding="utf-8")
    (folder / "saved.txt").write_text("\ufeff\n" + page, encoding="utf-8")
    (folder / "dump.jsonl").write_text(json.dumps({"id": "field", "text": page}) + "\n"
                                       + json.dumps({"id": "prose", "text": "Isi <html>."})
                                       + "\n", encoding="utf-8")
    pq.write_table(pa.table({"id": ["column"], "text": [page]}), folder / "rows.parquet")
    assert main(["clean", str(folder), "-o", str(tmp_path / "out.jsonl"), "-q",
                 "--workers", "1"]) == 0
    records = {r["id"]: r for r in map(json.loads, open(tmp_path / "out.jsonl"))}
    as_page = records["page"]
    assert as_page["text"].startswith("Three people have died during protests in Bolivia")
    for name in ("saved", "field", "column"):
        assert records[name]["text"] == as_page["text"], name
        assert records[name]["meta"]["title"] == as_page["meta"]["title"], name
    assert records["prose"]["text"] == "Isi <html>."      # markup inside a text stays text


def test_a_page_runs_extraction_is_a_stage_of_its_timings(tmp_path, capsys):
    stats = tmp_path / "stats.json"
    assert main(["clean", str(KABAR), str(AP), "-o", str(tmp_path / "o.jsonl"),
                 "--stats", str(stats)]) == 0
    seconds = json.loads(stats.read_text())["stage_seconds"]
    # Parsing and extracting a page costs more than cleaning its text, and was left out of the
    # stages, which then added up to a tenth of "clean".
    assert seconds["clean.extract"] > seconds["clean.rules"]
    assert "cpu seconds per stage: extract" in capsys.readouterr().err


def test_a_page_at_a_host_no_pack_claims_is_that_hosts_whatever_its_text_names(cleaner):
    # A text signature (kabarislamia.com's names the site) picks a site only for a page with no
    # url host: a new site quoting another would otherwise get that site's selectors and rules.
    body = " ".join(["Warga kota berkumpul di alun-alun untuk merayakan ulang tahun kota."] * 6)
    page = (f"<html><head><title>Berita Kota</title></head><body><article><h1>Berita Kota</h1>"
            f"<p>{body}</p><p>Dikutip dari kabarislamia.com pekan lalu oleh redaksi kami di "
            f"kota ini.</p></article></body></html>")
    record = cleaner.clean_html(page, url="https://beritabaru.example/a1")
    assert record["meta"]["site"] == "beritabaru.example"
    assert not any(r["rule"].startswith("kabarislamia") for r in record["removed"])
    assert cleaner.clean_html(page)["meta"]["site"] == "kabarislamia.com"


def test_a_placeholder_url_does_not_hide_the_pages_canonical_host(cleaner):
    body = " ".join(["Warga kota berkumpul di alun-alun untuk merayakan ulang tahun kota."] * 6)
    page = ('<html><head><title>Berita Kota</title><link rel="canonical" '
            'href="https://beritabaru.example/a1"></head><body><article><h1>Berita Kota</h1>'
            f"<p>{body}</p><p>Dikutip dari kabarislamia.com pekan lalu oleh redaksi kami di "
            "kota ini.</p></article></body></html>")
    record = cleaner.clean_html(page, url="N/A")
    assert record["meta"]["site"] != "kabarislamia.com"
    assert not any(r["rule"].startswith("kabarislamia") for r in record["removed"])


def test_a_page_whose_parse_stopped_before_any_article_says_why_it_has_none(cleaner):
    """The reject said only "no article text found in the page", where a page kept despite the
    limit is flagged `markup`: the depth that stopped the parse is the cause."""
    html = page("<div>" * 300 + "<p>" + ARTICLE + "</p>" + "</div>" * 300)
    with pytest.raises(PageError) as raised:
        cleaner.clean_html(html)
    assert str(raised.value).startswith("no article text found in the page; parsing stopped "
                                        "early: Excessive depth in document: 256")
    assert str(raised.value).endswith("the rest of the page is lost")


@pytest.mark.parametrize("line, reason", [
    ('{"id": "a", "html": null}', "no 'text' field, and field 'html' is null, not a page"),
    ('{"id": "b", "html": 7}', "no 'text' field, and field 'html' is a number, not a page"),
    ('{"id": "c", "text": null, "html": ["<p>x</p>"]}',
     "field 'text' is null, and field 'html' is an array, not a page")])
def test_a_record_whose_page_field_holds_no_page_says_so(tmp_path, line, reason):
    """It said "no 'text' field (fields: id, html)", as if the record had no page field."""
    from cleaner.cli import main

    dump = tmp_path / "d.jsonl"
    dump.write_text(line + "\n")
    assert main(["clean", str(dump), "-o", str(tmp_path / "o.jsonl"), "-q"]) == 0
    rejects = (tmp_path / "o.jsonl.rejects.jsonl").read_text().splitlines()
    [reject] = [json.loads(x) for x in rejects]
    assert reject["reason"] == reason
