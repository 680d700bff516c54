"""A page's metadata (acceptance run 31): a page whose date is only a day takes the time and
zone of the date-time of that day it writes in its header or its <time> element's text (never
another day's, never over a time its tags give); an outlet the page links to by its name is no
co-author ("Victor Tangermann, Futurism" on sciencealert.com).

The Indonesian pages are shaped like /tmp/acc_fmt/inputs/pages_nometa/*.html, with only the
markup their metadata needs."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from cleaner.page_bylines import read_page_bylines
from page_helpers import ld, meta_tag

BERITA = ("Jakarta - Harga beras medium di Pasar Induk Beras Cipinang, Jakarta Timur, turun "
          "sebesar Rp500 per kilogram dalam sepekan terakhir seiring masuknya masa panen raya "
          "di sejumlah sentra produksi, kata pedagang kepada wartawan.")
BODY = ("The city council voted on Tuesday to expand the bus network, and officials said the "
        "new routes would open next spring after a long public consultation. ") * 3
STAMP = "Selasa, 12 Mar 2024 09:15 WIB"


def berita(head: str = "", top: str = "", body: str = BERITA, after: str = "") -> str:
    """An Indonesian article page: `head` in its <head>, `top` between the headline and the
    text, `body` its paragraphs' text, `after` below the article."""
    paragraphs = "".join(f"<p>{body}</p>" for _ in range(4))
    return ('<!DOCTYPE html><html lang="id"><head><meta charset="utf-8">'
            "<title>Harga Beras Medium Turun - Warta Nusantara</title>"
            '<meta property="og:site_name" content="Warta Nusantara">'
            f'{head}</head><body><main><article class="post">'
            '<h1 class="entry-title">Harga Beras Medium Turun Rp500 per Kilogram</h1>'
            f'{top}<div class="entry-content">{paragraphs}'
            "<p>Penulis: Rina Kartika<br>Editor: Bambang Sutejo</p></div></article></main>"
            f"{after}</body></html>")


def article(head: str = "", top: str = "", after: str = "") -> str:
    """An English article page: `head` in its <head>, `top` between the headline and the text,
    `after` below the text."""
    paragraphs = "".join(f"<p>{BODY}</p>" for _ in range(5))
    return ('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
            f"<title>Council expands bus network</title>{head}</head><body><article>"
            f"<h1>Council expands bus network</h1>{top}{paragraphs}{after}</article>"
            "</body></html>")


def date_of(cleaner, page: str, url: str | None = None) -> str | None:
    return cleaner.clean_html(page, url=url)["meta"]["date"]


# -- D2: the time and zone of the page's day ----------------------------------------------------

@pytest.mark.parametrize("top", [
    # no-meta-date-author.html, v2.html, v3.html: no date tag; the day htmldate reads.
    f'<div class="post-meta"><span class="date">{STAMP}</span></div>',
    f'<div class="post-meta"><span class="post-date">{STAMP}</span></div>',
    f'<div class="post-meta"><time>{STAMP}</time></div>',
    # The header line a span away from the headline, inside the header's own block.
    f'<div class="meta"><span class="author">Rina Kartika</span> | <span>{STAMP}</span></div>',
])
def test_a_pages_written_date_time_gives_the_time_and_zone_of_its_day(cleaner, top):
    assert date_of(cleaner, berita(top=top)) == "2024-03-12T09:15+07:00"


def test_the_same_line_in_a_text_gives_the_same_date(cleaner):
    text = f"Harga Beras Medium Turun Rp500 per Kilogram\n\n{STAMP}\n\n{BERITA}\n\n{BERITA}"
    assert cleaner.clean(text)["meta"]["date"] == "2024-03-12T09:15+07:00"


@pytest.mark.parametrize("head,top", [
    # A date tag of the day alone; the header line says its time.
    (meta_tag("article:published_time", "2024-03-12", "property"),
     f'<div class="post-meta"><span class="date">{STAMP}</span></div>'),
    # A <time datetime> of the day alone; its text says the time.
    ("", f'<div class="post-meta"><time datetime="2024-03-12">{STAMP}</time></div>'),
    # The pack's own month name ("Maret"), read with the packs' months.
    (meta_tag("article:published_time", "2024-03-12", "property"),
     '<div class="post-meta"><span class="date">Selasa, 12 Maret 2024 | 09:15 WIB</span></div>'),
])
def test_a_date_tag_of_a_day_takes_the_written_time_of_that_day(cleaner, head, top):
    assert date_of(cleaner, berita(head, top)) == "2024-03-12T09:15+07:00"


def test_an_english_time_element_gives_its_clock_time(cleaner):
    page = article(meta_tag("dc.date", "2019-11-19"),
                   '<p class="meta"><time>November 19, 2019, 07:47 PM</time></p>')
    assert date_of(cleaner, page) == "2019-11-19T19:47"


@pytest.mark.parametrize("head,top,date", [
    # Another day's time is no time of the page's day.
    (meta_tag("article:published_time", "2024-03-11", "property"),
     f'<div class="post-meta"><span class="date">{STAMP}</span></div>', "2024-03-11"),
    # Tags that give a time keep their own: the written time is not taken over it, nor is its
    # zone added to the same clock time.
    (meta_tag("article:published_time", "2024-03-12T08:00:00+07:00", "property"),
     f'<div class="post-meta"><span class="date">{STAMP}</span></div>',
     "2024-03-12T08:00:00+07:00"),
    (meta_tag("article:published_time", "2024-03-12T09:15", "property"),
     f'<div class="post-meta"><span class="date">{STAMP}</span></div>', "2024-03-12T09:15"),
    (meta_tag("article:published_time", "2024-03-12", "property")
     + meta_tag("dc.date", "2024-03-12T10:30:00+07:00"),
     f'<div class="post-meta"><span class="date">{STAMP}</span></div>',
     "2024-03-12T10:30:00+07:00"),
])
def test_no_other_days_time_and_no_time_over_the_tags_own(cleaner, head, top, date):
    assert date_of(cleaner, berita(head, top)) == date


def test_a_time_in_the_articles_sentences_or_below_it_is_not_taken(cleaner):
    said = ("Harga beras turun sejak Selasa (12/3/2024) pukul 09.15 WIB di pasar induk, kata "
            "Kepala Bagian Pemasaran kepada wartawan di Jakarta pada hari itu juga.")
    related = ('<div class="related"><ul><li><a href="/a">Harga Cabai Melonjak</a> '
               '<span>Selasa, 12 Mar 2024 14:00 WIB</span></li></ul></div>')
    page = berita(meta_tag("article:published_time", "2024-03-12", "property"), body=said,
                  after=related)
    assert date_of(cleaner, page) == "2024-03-12"


# -- D9: an outlet after a comma is no co-author -------------------------------------------------

def test_an_outlet_the_page_links_to_by_its_name_is_no_co_author(cleaner):
    # sciencealert 14cc2a0c: "This article was originally published by <a>Futurism</a>."
    note = ('<p><strong>This article was originally published by <a href="https://futurism.com/">'
            'Futurism</a>. Read the <a href="https://futurism.com/x">original article</a>.'
            "</strong></p>")
    page = article(meta_tag("author", "Victor Tangermann, Futurism")
                   + meta_tag("og:site_name", "ScienceAlert", "property"), after=note)
    meta = cleaner.clean_html(page, url="https://www.sciencealert.com/a")["meta"]
    assert meta["authors"] == ["Victor Tangermann"]
    assert meta["source"] == "ScienceAlert"


@pytest.mark.parametrize("head,url", [
    # The page's own site name, its JSON-LD publisher, its url's host.
    (meta_tag("og:site_name", "Futurism", "property"), None),
    (ld({"@type": "NewsArticle", "headline": "Council expands bus network",
         "publisher": {"@type": "Organization", "name": "Futurism"}}), None),
    ("", "https://futurism.com/council-expands-bus-network"),
])
def test_the_pages_own_site_or_publisher_after_a_comma_is_no_co_author(cleaner, head, url):
    page = article(meta_tag("author", "Victor Tangermann, Futurism") + head)
    assert cleaner.clean_html(page, url=url)["meta"]["authors"] == ["Victor Tangermann"]


@pytest.mark.parametrize("after", [
    "",
    # A link to the co-author's page on the site itself names a person, not a site.
    '<p>More by <a href="https://www.example.com/profil/budi">Budi</a>.</p>',
    # A link whose host is another name's.
    '<p>Read <a href="https://www.kompas.com/">Budi</a>.</p>',
])
def test_a_single_name_after_a_comma_stays_a_co_author(cleaner, after):
    page = article(meta_tag("author", "Ade Putra, Budi"), after=after)
    assert cleaner.clean_html(page, url="https://www.example.com/a")["meta"]["authors"] == \
        ["Ade Putra", "Budi"]


def test_a_person_linked_to_a_site_of_their_name_stays_an_author(cleaner):
    page = article(meta_tag("author", "Jane Doe"),
                   after='<p>Follow <a href="https://janedoe.com/">Jane Doe</a>.</p>')
    assert cleaner.clean_html(page)["meta"]["authors"] == ["Jane Doe"]


def test_read_page_bylines_still_reads_a_plain_word_as_a_name():
    assert read_page_bylines(["Victor Tangermann, Futurism"]).authors == \
        ["Victor Tangermann", "Futurism"]


BENCH = Path("/work/shared/bench/scrapinghub/html")


@pytest.mark.skipif(not BENCH.is_dir(), reason="the Scrapinghub benchmark is not here")
def test_the_sciencealert_benchmark_page_names_one_author(cleaner):
    path = next(BENCH.glob("14cc2a0c*.html.gz"))
    meta = cleaner.clean_html(gzip.decompress(path.read_bytes()))["meta"]
    assert meta["authors"] == ["Victor Tangermann"]


@pytest.mark.parametrize("byline, credit, authors", [
    ("By JANE DOE", "(Reporting by Jane Doe; Editing by Tom Brown)", ["Jane Doe"]),
    ("By José Núñez", "(Reporting by Jose Nunez; Editing by Tom Brown)", ["José Núñez"]),
    ("By Jane Doe", "(Reporting by Jan Doe; Editing by Tom Brown)", ["Jane Doe", "Jan Doe"]),
])
def test_one_author_spelt_twice_in_case_or_accents_is_named_once(cleaner, byline, credit,
                                                                     authors):
    body = ("The central bank held its main rate on Tuesday, saying inflation had eased for a "
            "third month in a row.\n\nAnalysts had expected the decision.")
    record = cleaner.clean(f"{byline}\n\n{body}\n\n{credit}")
    assert record["meta"]["authors"] == authors
