"""A web page's metadata: the outlet written after a person's name, the source (a site name
without its decoration, the title's site name, the byline's outlet or agency), the publication
date at the precision the page gives; the co-authors a visible byline names beside one named in
the metadata, when it names all of the metadata's authors.

Each page is a small one shaped like a real page of the Scrapinghub benchmark (its id in the
comment), with only the markup its metadata needs."""

from __future__ import annotations


import pytest

from page_helpers import ld, meta_tag

BODY = ("The city council voted on Tuesday to expand the bus network, and officials said the "
        "new routes would open next spring after a long public consultation. ") * 3
BERITA = ("Pemerintah menyatakan harga beras akan turun bulan depan setelah panen raya di "
          "sejumlah daerah, kata menteri kepada wartawan di Jakarta. ") * 4


def page(head: str = "", top: str = "", title: str = "Council expands bus network",
         headline: str | None = None, body: str = BODY, lang: str = "en") -> str:
    """An article page: `head` in its <head>, `top` between the headline and the text; the
    <title> is `title`, the <h1> `headline` (the title without one)."""
    paragraphs = "".join(f"<p>{body}</p>" for _ in range(5))
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}'
            f"</title>{head}</head><body><article><h1>{headline or title}</h1>{top}"
            f"{paragraphs}</article></body></html>")


# -- 1. the outlet written after a person's name ----------------------------------------------

@pytest.mark.parametrize("head,top", [
    # Indonesian journalists often have one name: "Budi" is a co-author, as the text path reads.
    (meta_tag("author", "Ade Putra, Budi"), ""),
    ("", '<div class="byline">By Ade Putra, Budi</div>'),
])
def test_one_plain_word_after_a_comma_is_a_co_author(cleaner, head, top):
    assert cleaner.clean_html(page(head, top))["meta"]["authors"] == ["Ade Putra", "Budi"]


@pytest.mark.parametrize("author,authors", [
    # cnn via msn 9eef8162: an outlet in capitals beside a name that is not.
    ("Sandee LaMotte, CNN", ["Sandee LaMotte"]),
    ("Jane Doe, TechCrunch", ["Jane Doe"]),           # a capital inside the word
    ("Jane Doe, Futurism.com", ["Jane Doe"]),         # a domain
    # sputniknews 1f765c48: after a full stop, any name is the outlet.
    ("Finian Cunningham. Sputnik International", ["Finian Cunningham"]),
    # A name's own inner capital, or a name in capitals beside one in capitals, is a person.
    ("Jane Doe, McDonald", ["Jane Doe", "McDonald"]),
    ("JANE DOE, BUDI", ["JANE DOE", "BUDI"]),
])
def test_an_outlet_is_told_from_a_single_name_by_its_form(cleaner, author, authors):
    assert cleaner.clean_html(page(meta_tag("author", author)))["meta"]["authors"] == authors


def test_a_plain_word_naming_the_site_or_an_agency_is_still_no_author(cleaner):
    site = page(meta_tag("og:site_name", "Futurism", "property") + meta_tag("author",
                                                                            "Jane Doe, Futurism"))
    assert cleaner.clean_html(site)["meta"]["authors"] == ["Jane Doe"]
    agency = cleaner.clean_html(page(meta_tag("author", "Jane Doe, Reuters")))["meta"]
    assert (agency["authors"], agency["source"]) == (["Jane Doe"], "Reuters")


# -- 2. the source --------------------------------------------------------------------------------

@pytest.mark.parametrize("site_name,extra,url,source", [
    # autoracing 11ea381a: the site's name, then its topics.
    ("Autoracing | F1 | Indy | MotoGP | StockCar | NASCAR", "",
     "http://www.autoracing.com.br/classificacao-nascar/", "Autoracing"),
    # linknaija 34a73285: the name, then a tagline.
    ("LinkNaija | Nigeria's popular news platform", "",
     "https://www.linknaija.com/2018/10/nollywood.html", "LinkNaija"),
    # jpost e372e42c: the name and its address.
    ("The Jerusalem Post | JPost.com", "", "https://www.jpost.com/Breaking-News/x-608399",
     "The Jerusalem Post"),
    # The part that names the host, wherever it stands.
    ("Breaking news and analysis | Vortex Cannon", "", "https://vortexcannon.org/x/",
     "Vortex Cannon"),
    # newsnation 076f4f33: a url, and the publisher meta naming the site.
    ("https://www.newsnation.in", meta_tag("publisher", "News Nation"),
     "https://www.newsnation.in/fact-check/x-244592.html", "News Nation"),
    ("https://www.newsnation.in/", "", None, "newsnation.in"),
    # politifact 9e8c9f08: a handle.
    ("@politifact", "", "https://www.politifact.com/x/", "politifact"),
])
def test_the_site_name_loses_its_decoration_as_the_source(cleaner, site_name, extra, url,
                                                           source):
    head = meta_tag("og:site_name", site_name, "property") + extra
    assert cleaner.clean_html(page(head), url=url)["meta"]["source"] == source


@pytest.mark.parametrize("head,title,headline,url,source", [
    # nytimes 04a6711c: no site name but the title's, whose words spell the host's label.
    (meta_tag("og:title", "Opinion | Republicans Are Following Trump to Nowhere", "property"),
     "Opinion | Republicans Are Following Trump to Nowhere - The New York Times",
     "Republicans Are Following Trump to Nowhere",
     "https://www.nytimes.com/2019/11/19/opinion/x.html", "The New York Times"),
    # entermedia 0ec95c72: the title's suffix names the host; the <h1> is the logo.
    ("", "Title of the column today - Entermedia", "Entermedia logo",
     "http://entermedia.co.kr/news/news_view.html?idx=8576", "Entermedia"),
    # thespacereview c00962aa: a prefix whose words run together are the host's label.
    ("", "The Space Review: Seeking a bigger role for a big rocket",
     "Seeking a bigger role for a big rocket", "http://www.thespacereview.com/article/3835/1",
     "The Space Review"),
    # wday 3c6d3381: the host as the suffix.
    ("", "Popular food blogs of the year — www.wday.ru", "Popular food blogs of the year",
     "http://www.wday.ru/articles/x-id119898", "wday"),
])
def test_the_titles_site_name_is_the_source_when_the_page_names_no_other(cleaner, head, title,
                                                                        headline, url, source):
    meta = cleaner.clean_html(page(head, title=title, headline=headline), url=url)["meta"]
    assert meta["source"] == source


def test_a_title_naming_no_site_gives_no_source(cleaner):
    # comwrap ba07d1e6: the words after the separator are the headline's, not a site's name.
    meta = cleaner.clean_html(page(title="Take C.A.R.E. - comwrap auf der DMEXCO 2018"),
                              url="https://www.comwrap.com/news/dmexco")["meta"]
    assert meta["source"] is None


@pytest.mark.parametrize("head,top,source", [
    # msn 9eef8162: the story is CNN's, the page MSN's.
    (meta_tag("og:site_name", "MSN", "property"),
     '<div class="author"><span itemprop="author">By Sandee LaMotte, CNN</span></div>', "CNN"),
    # ctpost 05844573: an agency's writer.
    (meta_tag("og:site_name", "Connecticut Post", "property")
     + ld({"@type": "NewsArticle", "headline": "Auto show",
           "author": [{"@type": "person", "name": "By TOM KRISHER, AP Auto Writer"}]}), "", "AP"),
    # The outlet that is the site itself is the site's name.
    (meta_tag("og:site_name", "CNN", "property"), "",  "CNN"),
])
def test_the_outlet_or_agency_beside_the_author_is_the_source_before_the_site(cleaner, head,
                                                                               top, source):
    assert cleaner.clean_html(page(head, top))["meta"]["source"] == source


def test_the_texts_own_source_wins_over_the_bylines_outlet(cleaner):
    head = meta_tag("og:site_name", "MSN", "property") + meta_tag("author", "Jane Doe, CNN")
    top = "<p>WASHINGTON (Reuters) - The council met again.</p>"
    html = page(head).replace("<article><h1>Council expands bus network</h1>",
                              "<article><h1>Council expands bus network</h1>" + top)
    assert cleaner.clean_html(html)["meta"]["source"] == "Reuters"


@pytest.mark.parametrize("site_name", [" | | ", "@", "https://", "http:///x", " - ", "|" * 500,
                                       "@@politifact", "www."])
def test_a_damaged_site_name_gives_no_junk_source(cleaner, site_name):
    meta = cleaner.clean_html(page(meta_tag("og:site_name", site_name, "property")))["meta"]
    assert meta["source"] is None or (meta["source"].strip(" |-@/:.") and len(meta["source"]) < 60)


# -- 3. dates ------------------------------------------------------------------------------------

@pytest.mark.parametrize("head,top,date", [
    # fox 098bb3e9: the meta tag without its Z, the JSON-LD with it.
    (meta_tag("article:published_time", "2019-11-20T01:50:59.403", "property")
     + ld({"@type": "NewsArticle", "headline": "x", "datePublished": "2019-11-20T01:50:59.403Z"}),
     "", "2019-11-20T01:50:59+00:00"),
    # foxnews 87bf6057: two date tags, the second with its Z.
    (meta_tag("article:published_time", "2019-11-18T17:01:27.893", "property")
     + meta_tag("datePublished", "2019-11-18T17:01:27.893Z", "itemprop"),
     "", "2019-11-18T17:01:27+00:00"),
    # cbssports 08f79376: the <time> names its zone in a word.
    (meta_tag("datePublished", "2019-11-19 02:24:00", "itemprop"),
     '<time datetime="2019-11-19 02:24:00 UTC">Nov 18, 2019 at 9:24 pm ET</time>',
     "2019-11-19T02:24:00+00:00"),
    # foxbusiness 51374560: a day in dc.date, its time in the JSON-LD.
    (meta_tag("dc.date", "2019-11-19")
     + ld({"@type": "NewsArticle", "headline": "x", "datePublished": "2019-11-19T06:12:56-05:00"}),
     "", "2019-11-19T06:12:56-05:00"),
    # nytimes 702d1da6: article:published.
    (meta_tag("article:published", "2019-11-18T17:56:27.000Z", "property"), "",
     "2019-11-18T17:56:27+00:00"),
])
def test_an_english_page_date_is_as_precise_as_the_page_gives_it(cleaner, head, top, date):
    assert cleaner.clean_html(page(head, top))["meta"]["date"] == date


@pytest.mark.parametrize("head,date", [
    # Another moment, or another day: the first date tag stands as written (2 hours 7 minutes
    # apart is no zone's offset; the same moment in another zone is
    # tests/test_page_date_same_moment_offset.py's).
    (meta_tag("article:published_time", "2019-11-18T17:01:27", "property")
     + meta_tag("datePublished", "2019-11-18T19:08:27Z", "itemprop"), "2019-11-18T17:01:27"),
    (meta_tag("dc.date", "2019-11-18")
     + ld({"@type": "NewsArticle", "headline": "x", "datePublished": "2019-11-19T01:00:00Z"}),
     "2019-11-18"),
    # Damaged tags read as no date and hide none that reads.
    (meta_tag("article:published_time", "0001-01-01T00:00:00Z", "property")
     + meta_tag("datePublished", "2019-02-30T10:00:00Z", "itemprop")
     + ld({"@type": "NewsArticle", "headline": "x", "datePublished": "2019-11-18T10:00Z"}),
     "2019-11-18T10:00+00:00"),
    (meta_tag("article:published_time", "yesterday 99:99 UTC", "property"), None),
])
def test_dates_that_disagree_or_do_not_read_keep_the_first_that_does(cleaner, head, date):
    assert cleaner.clean_html(page(head))["meta"]["date"] == date


def test_an_indonesian_pages_zoned_date_is_moved_into_jakarta_time(cleaner):
    head = (meta_tag("article:published_time", "2016-02-21T20:00:00", "property")
            + ld({"@type": "NewsArticle", "headline": "x", "datePublished": "2016-02-21T20:00:00Z"}))
    html = page(head, title="Harga Beras Turun", body=BERITA, lang="id")
    meta = cleaner.clean_html(html)["meta"]
    assert (meta["lang"], meta["date"]) == ("id", "2016-02-22T03:00:00+07:00")


# -- 4. co-authors in the visible byline ---------------------------------------------------------

@pytest.mark.parametrize("head,top,authors", [
    # cbsnews 7a664e40: one JSON-LD author, three in the byline.
    (ld({"@type": "NewsArticle", "headline": "x", "author": {"@type": "Person",
                                                             "name": "Stefan Becket"}}),
     '<p class="content__meta content__meta-byline">By Stefan Becket, Kathryn Watson, Grace '
     "Segers</p>", ["Stefan Becket", "Kathryn Watson", "Grace Segers"]),
    # space c50845a7: each name in a link of its own.
    (ld({"@type": "NewsArticle", "headline": "x", "author": {"@type": "Person",
                                                             "name": "Tariq Malik"}}),
     '<p class="byline">By <span class="by-author"><a href="/author/tariq-malik" rel="author">'
     '<span>Tariq Malik</span></a>, </span><span class="by-author"><a href="/author/mike-wall" '
     'rel="author"><span>Mike Wall</span></a></span><time datetime="2019-11-18T22:05:36+00:00">'
     "2019-11-18T22:05:36Z</time></p>", ["Tariq Malik", "Mike Wall"]),
])
def test_a_visible_byline_naming_the_meta_author_and_more_gives_them_all(cleaner, head, top,
                                                                          authors):
    assert cleaner.clean_html(page(head, top))["meta"]["authors"] == authors


@pytest.mark.parametrize("top", [
    # forbes 16c30add, pioneerpress 264dc3ae: what follows the name in its byline is no person.
    '<div class="byline">By <a>Umair Irfan</a> <span>Updated</span> <span>Nov 13, 2019</span></div>',
    '<div class="byline">By <a>Umair Irfan</a> <span>Special to the Pioneer Press</span></div>',
    # A byline that does not name the meta author is another story's.
    '<div class="byline">By Kathryn Watson, Grace Segers</div>',
    # The name without a label: a mention, not a byline.
    "<p>Umair Irfan, Kathryn Watson and Grace Segers spoke to the council.</p>",
])
def test_the_meta_author_stays_alone_without_a_byline_naming_co_authors(cleaner, top):
    head = meta_tag("author", "Umair Irfan")
    assert cleaner.clean_html(page(head, top))["meta"]["authors"] == ["Umair Irfan"]


def test_a_name_quoting_markup_in_the_meta_author_is_looked_for_as_text(cleaner):
    # The name goes into an XPath as a variable: quotes and brackets are only its text.
    head = meta_tag("author", "Jane O&#39;Doe &quot;]) or (&quot;")
    top = '<div class="byline">By Jane O\'Doe "]) or (", Kathryn Watson</div>'
    assert cleaner.clean_html(page(head, top))["meta"]["authors"][0] == "Jane O'Doe \"]) or (\""


# -- from the review of the page metadata ----------------------------------------------------------

@pytest.mark.parametrize("name", ["Jane\x00Doe", "Jane\x01Doe", "Jane \ufffe Doe", "Jane \ud800 Doe"])
def test_a_json_ld_author_with_characters_xml_refuses_costs_the_page_nothing(cleaner, name):
    head = ld({"@type": "NewsArticle", "headline": "x",
               "author": {"@type": "Person", "name": name}})
    record = cleaner.clean_html(page(head))
    assert record["text"]


@pytest.mark.parametrize("title,url", [
    ("Detik-detik Menegangkan Evakuasi Korban: Ini Videonya", "https://news.detik.com/berita/d-1/x"),
    ("Bisnis Kopi Makin Menjanjikan - Ini Peluangnya", "https://ekonomi.bisnis.com/read/2019/x"),
    ("Suaranya Tak Didengar: Warga Demo di Balai Kota", "https://www.suara.com/news/2019/x"),
])
def test_a_headline_opening_with_the_sites_name_keeps_it(cleaner, title, url):
    record = cleaner.clean_html(page("", title=title, body=BERITA, lang="id"), url=url)
    assert record["meta"]["title"] == title


@pytest.mark.parametrize("title", ["Harga Beras Naik Lagi | Berita Terkini dan Terpercaya",
                                   "Harga Beras Naik Lagi - Ekonomi",
                                   "Harga Beras Naik Lagi - Live Updates"])
def test_a_tagline_or_section_after_the_headline_is_no_source(cleaner, title):
    record = cleaner.clean_html(page("", title=title, body=BERITA, lang="id"),
                                url="https://www.contoh-berita.id/2019/x")
    assert record["meta"]["source"] is None


@pytest.mark.parametrize("byline", ["Budi Santoso, SH", "Ani Wijaya, SE, MM", "Rina Ayu, MH",
                                    "Jane Doe, DDS", "Jane Doe, LCSW"])
def test_a_degree_after_a_name_is_no_source(cleaner, byline):
    head = meta_tag("author", byline)
    meta = cleaner.clean_html(page(head, body=BERITA, lang="id"))["meta"]
    assert meta["source"] is None
    assert meta["authors"] == [byline.split(",")[0]]


def test_an_outlet_after_a_comma_in_a_visible_byline_is_no_co_author(cleaner):
    head = meta_tag("author", "Jane Doe")
    meta = cleaner.clean_html(page(head, '<p class="byline">By Jane Doe, Washington Post</p>'))["meta"]
    assert meta["authors"] == ["Jane Doe"]


@pytest.mark.parametrize("title,url", [
    # Initials that spell the host's label are no site's name without a whole word among them.
    ("Harga Beras Naik - Dengan Elektabilitas Tinggi Ini Kandidat", "https://news.detik.com/x"),
    # A section or tagline after the headline spells no label of the host.
    ("Harga Beras Naik - Ekonomi", "https://ekonomi.bisnis.com/read/x"),
])
def test_words_after_the_headline_that_do_not_spell_the_host_are_no_source(cleaner, title, url):
    record = cleaner.clean_html(page("", title=title, body=BERITA, lang="id"), url=url)
    assert record["meta"]["source"] is None
    assert record["meta"]["title"] == title
