"""The lists and subheadings of an article whose container trafilatura's body expressions do not
name (`read__content`, `detail-text`, `txt-article` of Indonesian sites' templates) are kept: it
read such a page by its fallback, paragraphs alone, and each list item and <h2> went as
html/not-extracted (acceptance run of session 50, pages written after kompas.com's and
cnnindonesia.com's markup). html_extract.give_lists_and_subheadings gives them to it as
paragraphs. A lead beside the holder, and a date line inside it, are read as before
(tests/test_html_input.py, tests/test_html_lines_and_tags.py)."""

from __future__ import annotations

import pytest

from cleaner import Cleaner

LEAD = ("<p>Badan Meteorologi, Klimatologi, dan Geofisika memperingatkan potensi cuaca ekstrem di "
        "sebagian besar wilayah Jawa Barat dalam sepekan ke depan.</p>"
        "<p>Wilayah yang perlu mewaspadai hujan lebat antara lain:</p>")
ITEMS = ["Kabupaten Bogor dan Kota Bogor", "Kabupaten Sukabumi dan Cianjur"]
LIST = "<ul>" + "".join(f"<li>{item}</li>" for item in ITEMS) + "</ul>"
SUBHEADING = "<h2>Masyarakat diminta waspada</h2>"
CLOSE = ("<p>Masyarakat yang tinggal di daerah lereng dan bantaran sungai agar meningkatkan "
         "kewaspadaan terhadap potensi banjir dan tanah longsor, kata Guswanto.</p>")
# A box of recommendations whose cards are <article>s: trafilatura's second body expression
# names the first of them, which holds no paragraph.
TEASERS = ('<div class="box-recommendation"><h3>LAINNYA</h3><article><a href="/a/1"><h2>Warga '
           'Bogor Diminta Waspada Pohon Tumbang</h2></a></article></div>')


def _page(container: str, after: str = "") -> str:
    return ("<html><head><title>BMKG Peringatkan Cuaca Ekstrem</title></head><body>"
            "<h1>BMKG Peringatkan Cuaca Ekstrem</h1>"
            f'<div class="{container}">{LEAD}{LIST}{SUBHEADING}{CLOSE}</div>{after}'
            "</body></html>")


@pytest.fixture(scope="module")
def cleaner() -> Cleaner:
    return Cleaner()


@pytest.mark.parametrize("container", ["read__content", "detail-text text-sm", "txt-article",
                                       "entry-content"])
def test_a_list_and_a_subheading_in_the_articles_container_stay(cleaner, container):
    record = cleaner.clean(_page(container), url="https://www.kompas.com/read/2025/03/17/x")
    lines = record["text"].split("\n")
    assert [f"- {item}" for item in ITEMS] == [ln for ln in lines if ln.startswith("- ")]
    assert "Masyarakat diminta waspada" in lines
    assert not [r for r in record["removed"] if r["rule"] == "html/not-extracted"
                and r["text"] in ITEMS + ["Masyarakat diminta waspada"]]


def test_a_teasers_article_beside_the_container_does_not_take_its_place(cleaner):
    record = cleaner.clean(_page("detail-text", TEASERS),
                           url="https://www.cnnindonesia.com/nasional/2025/x")
    assert "- Kabupaten Sukabumi dan Cianjur" in record["text"].split("\n")
    assert "Pohon Tumbang" not in record["text"]
