"""What the extractor leaves out of a page is recorded: every word of the page is kept or listed."""

from __future__ import annotations

from collections import Counter

import pytest
from lxml import html

from cleaner.html_extract import EXTRACTOR_RULE, extract_article
from cleaner.html_left_out import left_out, page_runs
from cleaner.html_load import load_page
from cleaner.pipeline import Cleaner
from conftest import ROOT

PARAGRAPH = "Pemerintah mengumumkan kebijakan baru tentang pendidikan dasar di seluruh provinsi."
OTHER = "Kebijakan itu mulai berlaku tahun depan dan mencakup semua sekolah negeri dan swasta."
HTML_FIXTURES = sorted((ROOT / "fixtures").glob("*/*.html"))


def words(texts) -> Counter:
    return Counter(word for text in texts for word in text.split())


def test_runs_break_at_block_edges_and_skip_what_no_reader_sees():
    page = html.fromstring("<html><head><title>T</title></head><body><nav>Home<br>News</nav>"
                           "<p>Satu <a href='/x'>dua</a>tiga<!-- catatan --> empat</p>"
                           "<div>awal<p>tengah</p>akhir<script>x = 1</script></div>"
                           "<table><tr><td>sel 1</td><td>sel 2</td></tr></table></body></html>")
    assert page_runs(page) == ["Home News", "Satu duatiga empat", "awal", "tengah", "akhir",
                               "sel 1", "sel 2"]


def test_a_run_the_text_holds_is_not_left_out_and_one_it_lacks_is():
    assert left_out([PARAGRAPH, "Bagikan ke Facebook", OTHER], f"{PARAGRAPH}\n\n{OTHER}") == [
        "Bagikan ke Facebook"]


def test_a_paragraph_repeated_and_kept_once_is_left_out_once():
    assert left_out([PARAGRAPH, OTHER, PARAGRAPH], f"{PARAGRAPH}\n{OTHER}") == [PARAGRAPH]


def test_a_pull_quote_repeating_a_kept_sentence_is_the_copy_left_out():
    quote = "Pemerintah mengumumkan kebijakan baru tentang pendidikan dasar."
    paragraph = quote + " Kebijakan itu mulai berlaku tahun depan."
    assert left_out([quote, paragraph], paragraph) == [quote]


def test_a_short_run_found_only_inside_another_paragraph_is_left_out():
    # "Pendidikan" (a menu entry before the article) occurs inside the article's text, but not
    # before its first paragraph, where the extractor would have kept the menu.
    text = f"{PARAGRAPH}\nMenteri Pendidikan berbicara.\n{OTHER}"
    assert left_out(["Pendidikan", PARAGRAPH, "Menteri Pendidikan berbicara.", OTHER],
                    text) == ["Pendidikan"]


def test_what_the_extractor_cut_out_of_a_paragraph_is_left_out_and_the_rest_kept():
    run = "Presiden tiba di Jakarta pada Senin pagi IKLAN BELI SEKARANG lalu bertemu para menteri."
    kept = "Presiden tiba di Jakarta pada Senin pagi lalu bertemu para menteri."
    assert left_out([run], kept) == ["IKLAN BELI SEKARANG"]


@pytest.mark.parametrize("page", HTML_FIXTURES, ids=lambda path: path.parent.name)
def test_every_word_of_a_fixture_page_is_extracted_or_left_out(page):
    tree, _, _ = load_page(page.read_bytes())
    extraction = extract_article(tree)
    lost = left_out(extraction.runs, extraction.text)
    missing = words(extraction.runs) - (words([extraction.text]) + words(lost))
    assert not missing
    assert lost                     # each page has chrome trafilatura drops


def test_a_page_record_lists_the_text_the_extractor_dropped():
    page = (f"<html><head><title>Judul Berita</title></head><body><h1>Judul Berita</h1>"
            f"<p>{PARAGRAPH * 3}</p><p>{OTHER * 3}</p>"
            "<footer><p>Hak cipta 2024 Contoh Media. Semua hak dilindungi undang-undang.</p>"
            "</footer></body></html>")
    record = Cleaner().clean_html(page)
    dropped = [r for r in record["removed"] if r["rule"] == EXTRACTOR_RULE]
    assert "Semua hak dilindungi" not in record["text"]
    assert [r["text"] for r in dropped] == [
        "Hak cipta 2024 Contoh Media. Semua hak dilindungi undang-undang."]
    assert {(r["action"], r["line"], r["col"]) for r in dropped} == {("html-extract", 0, 0)}
    # The headline opens the record as its title line: it is no extraction loss.
    assert record["meta"]["title"] == "Judul Berita"
