"""A page's metadata (from an acceptance run): a page whose date is only a day takes the time and
zone of the date-time of that day it writes in its header or its <time> element's text (never
another day's, never over a time its tags give); an outlet the page links to by its name is no
co-author ("Victor Tangermann, Futurism" on sciencealert.com).

The Indonesian pages are shaped like the acceptance run's pages with no date meta, with only
the markup their metadata needs; a review's reproducers are kept whole (REVIEW_PAGES)."""

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


# -- Review 31c: a written time only from the article's own header ---------------------------

# The review's reproducer pages, as it wrote them.
_REVIEW_HEAD = ('<html><head><title>Jalan baru</title><meta property="article:published_time" '
                'content="2024-03-12"></head><body>\n')
_REVIEW_BODY = ("<p>Pemerintah kota mengumumkan rencana pembangunan jalan baru yang akan "
                "menghubungkan dua kecamatan di wilayah utara kota pada tahun depan, kata pejabat "
                "setempat kepada wartawan.</p><p>Proyek ini diperkirakan menelan biaya sekitar Rp "
                "200 miliar dan akan dikerjakan oleh kontraktor lokal yang dipilih melalui lelang "
                "terbuka sesuai aturan pengadaan barang dan jasa.</p><p>Warga menyambut baik "
                "rencana tersebut karena selama ini mereka harus memutar jauh untuk mencapai pusat "
                "kota, terutama saat musim hujan ketika jalan lama sering tergenang banjir.</p>")
REVIEW_PAGES = {
    "a1_sidebar_time": (
        _REVIEW_HEAD + '<aside class="popular"><h3>Terpopuler</h3><ul><li><a href="/x">Banjir di '
        'Bekasi</a> <time>Selasa, 12 Mar 2024 18:40 WIB</time></li></ul></aside>\n<article><h1>'
        'Pemkot bangun jalan baru</h1><div class="byline">Oleh Budi</div>' + _REVIEW_BODY
        + "</article></body></html>\n"),
    "a3_related_after_h1": (
        _REVIEW_HEAD + '<h1>Pemkot bangun jalan baru</h1><ul class="related"><li>Banjir di '
        "Bekasi</li><li>12 Mar 2024 18:40 WIB</li></ul>\n<article>" + _REVIEW_BODY
        + "</article></body></html>\n"),
    "a4_comment_time": (
        _REVIEW_HEAD + "<article><h1>Pemkot bangun jalan baru</h1>" + _REVIEW_BODY
        + '</article><section class="comments"><div class="c"><b>andi</b> <time>12 Mar 2024 '
        "22:01 WIB</time><p>mantap</p></div></section></body></html>\n"),
    "a2_pm_dots": (
        '<html><head><title>New road</title><meta property="article:published_time" '
        'content="2024-03-12"></head><body>\n<article><h1>City plans a new road</h1><div '
        'class="byline">By Jane Doe</div><div class="date">March 12, 2024 at 3:15 p.m. EDT</div>'
        "\n<p>The city council announced plans on Tuesday to build a new road linking two "
        "northern districts next year, officials told reporters at a briefing.</p><p>The project "
        "is expected to cost about 200 million dollars and will be carried out by a local "
        "contractor chosen through an open tender under procurement rules.</p><p>Residents "
        "welcomed the plan because they currently have to take a long detour to reach the city "
        "centre, especially in the rainy season when the old road floods.</p></article></body>"
        "</html>\n"),
}
DAY_TAG = meta_tag("article:published_time", "2024-03-12", "property")
ID_STAMP = "Selasa, 12 Mar 2024 18:40 WIB"


@pytest.mark.parametrize("head,top,after,before", [
    # Another story's <time> in a sidebar ("Terpopuler") before the article.
    (DAY_TAG, "", "", f'<aside class="popular"><h3>Terpopuler</h3><ul><li><a href="/x">Banjir'
                      f'</a> <time>{ID_STAMP}</time></li></ul></aside>'),
    # A comment's <time>, the only one, below the article.
    (DAY_TAG, "", f'<section class="comments"><div class="c"><b>andi</b> <time>{ID_STAMP}'
                  '</time><p>mantap</p></div></section>', ""),
    # A related list under the headline: its items are other stories'.
    (DAY_TAG, f'<ul class="related"><li>Banjir di Bekasi</li><li>{ID_STAMP}</li></ul>', "", ""),
    (DAY_TAG, f'<ul><li><a href="/b">Banjir di Bekasi</a> <time>{ID_STAMP}</time></li></ul>',
     "", ""),
    # A <time> after the article's first paragraph is an event's or another story's.
    (DAY_TAG, "", f"<p><time>{ID_STAMP}</time></p>", ""),
])
def test_a_time_outside_the_articles_header_is_not_the_pages(cleaner, head, top, after, before):
    page = berita(head, top, after=after).replace("<main>", f"<main>{before}")
    assert date_of(cleaner, page) == "2024-03-12"


@pytest.mark.parametrize("name", ["a1_sidebar_time", "a3_related_after_h1", "a4_comment_time"])
def test_the_reviews_pages_keep_their_day(cleaner, name):
    assert date_of(cleaner, REVIEW_PAGES[name]) == "2024-03-12"


def test_a_time_in_the_header_before_the_headline_is_taken(cleaner):
    page = berita(DAY_TAG).replace('<article class="post">',
                                   f'<article class="post"><div class="meta"><time>{STAMP}'
                                   '</time></div>')
    assert date_of(cleaner, page) == "2024-03-12T09:15+07:00"


# -- Review 31c: p.m. with dots, US zones, a microdata date-time -------------------------------

@pytest.mark.parametrize("stamp,date", [
    ("March 12, 2024 at 3:15 p.m. EDT", "2024-03-12T15:15-04:00"),
    ("March 12, 2024 at 3:15 p.m.", "2024-03-12T15:15"),
    ("March 12, 2024, 11:05 a.m. PST", "2024-03-12T11:05-08:00"),
    ("March 12, 2024 12:10 a.m.", "2024-03-12T00:10"),
    ("March 12, 2024, 07:47 PM EST", "2024-03-12T19:47-05:00"),
    # A zone whose offset the season decides (ET, PT) or that two places share (CST) says none.
    ("March 12, 2024 at 3:15 p.m. ET", "2024-03-12T15:15"),
    ("March 12, 2024 at 3:15 p.m. CST", "2024-03-12T15:15"),
])
def test_an_english_written_time_with_dots_and_a_us_zone(cleaner, stamp, date):
    page = article(meta_tag("article:published_time", "2024-03-12", "property"),
                   f'<div class="date">{stamp}</div>')
    assert date_of(cleaner, page) == date


def test_the_reviews_page_written_3_15_p_m_edt_is_dated_15_15_at_minus_4(cleaner):
    assert date_of(cleaner, REVIEW_PAGES["a2_pm_dots"]) == "2024-03-12T15:15-04:00"


def test_a_microdata_date_time_with_its_zone_wins_over_a_written_one(cleaner):
    micro = '<div itemprop="datePublished">2024-03-12T09:15:00+01:00</div>'
    page = article(meta_tag("date", "2024-03-12"),
                   '<div class="date">12.03.2024, 09:15</div>', after=micro)
    assert date_of(cleaner, page) == "2024-03-12T09:15:00+01:00"


@pytest.mark.skipif(not BENCH.is_dir(), reason="the Scrapinghub benchmark is not here")
@pytest.mark.parametrize("key,date", [("f81c6c05", "2019-11-13T23:06:00+01:00"),
                                      ("fde930b0", "2019-11-19T08:57:40+01:00")])
def test_the_businessinsider_pages_take_their_microdata_zone(cleaner, key, date):
    path = next(BENCH.glob(f"{key}*.html.gz"))
    assert date_of(cleaner, gzip.decompress(path.read_bytes()).decode()) == date


# -- Review 31c: a closing credit's authors go after the page's ---------------------------------

def test_a_credits_authors_go_after_the_pages_byline(cleaner):
    credit = "<p><em>Additional reporting by <a>Joseph Hudak</a></em></p>"
    page = article(meta_tag("author", "Ryan Reed"), after=credit)
    assert cleaner.clean_html(page)["meta"]["authors"] == ["Ryan Reed", "Joseph Hudak"]


def test_a_credit_alone_still_names_the_authors(cleaner):
    credit = "<p><em>(Reporting by Jane Doe; Editing by Tom Brown)</em></p>"
    meta = cleaner.clean_html(article(after=credit))["meta"]
    assert meta["authors"] == ["Jane Doe"]
    assert meta["editors"] == ["Tom Brown"]


def test_a_text_byline_still_wins_over_the_pages(cleaner):
    page = article(meta_tag("author", "Ryan Reed"), "<p>By Jane Doe</p>",
                   after="<p><em>Additional reporting by Joseph Hudak</em></p>")
    assert cleaner.clean_html(page)["meta"]["authors"] == ["Jane Doe", "Joseph Hudak"]


@pytest.mark.skipif(not BENCH.is_dir(), reason="the Scrapinghub benchmark is not here")
def test_the_rollingstone_page_names_its_writer_then_the_additional_reporter(cleaner):
    path = next(BENCH.glob("ac1bfdd4*.html.gz"))
    meta = cleaner.clean_html(gzip.decompress(path.read_bytes()))["meta"]
    assert meta["authors"] == ["Ryan Reed", "Joseph Hudak"]
