"""A web page's category is one section name: the first of its section fields that names one
(article:section and kin, then JSON-LD articleSection), never a host, the site's name, a
placeholder of the packs' `not_sections` ("All", "Home Page") or a whole list of categories and
tags joined with commas; a page with tags alone has none."""

from __future__ import annotations

import dataclasses
import json

import pytest
from lxml import html as lxml_html

from cleaner import Cleaner
from cleaner.lexicon import shipped_lexicon
from cleaner.page_bylines import reading_pages
from cleaner.page_metadata import page_metadata, page_section

PARAGRAPHS = "".join(f"<p>Paragraph {i}. The county board voted on Tuesday to extend the bus "
                     "line to the new hospital, officials said after a long public hearing that "
                     "ran past midnight.</p>" for i in range(4))
URL = "https://www.example-news.com/2019/11/bus-line-extended/"


def page(head: str = "", ld: object = None) -> str:
    """A small news page with `head` in its <head> and an article JSON-LD of `ld`'s fields (or
    of `ld` as its articleSection), when given."""
    scripts = ""
    if ld is not None:
        article = {"@type": "NewsArticle", "headline": "Bus line extended"}
        article.update(ld if isinstance(ld, dict) else {"articleSection": ld})
        scripts += f'<script type="application/ld+json">{json.dumps(article)}</script>'
    return (f'<html lang="en"><head><meta charset="utf-8"><title>Bus line extended</title>'
            f'<meta property="og:site_name" content="Example News">{head}{scripts}</head>'
            f"<body><article><h1>Bus line extended</h1>{PARAGRAPHS}</article></body></html>")


def section_of(html: str, url: str | None = URL) -> str | None:
    return page_metadata(lxml_html.fromstring(html), url)["category"]


@pytest.fixture(scope="module")
def cleaner() -> Cleaner:
    return Cleaner()


@pytest.mark.parametrize("section", ["gizmodo.com", "www.example-news.com",
                                     "https://www.example-news.com", "example-news",
                                     "Example News", "EXAMPLE NEWS"])
def test_a_host_or_the_sites_name_is_no_category(section):
    assert section_of(page(ld=section)) is None


def test_a_host_gives_way_to_the_next_section_field():
    html = page('<meta property="article:section" content="gizmodo.com">', ld="Science")
    assert section_of(html) == "Science"


@pytest.mark.parametrize("listed, section", [
    ("Smart News, Smart News Science, Smart News Science", "Smart News"),
    ("Calendario Stock Car, Slideshow Página Inicial, Stock Car, calendario stock car 2018, "
     "stock car brasil, stock car cascavel, stock car interlagos", "Calendario Stock Car"),
    ("Commercial Real Estate,Home Page,Popular", "Commercial Real Estate"),
    ("News - News", "News"),
    ("Blog Briefing Room - News", "Blog Briefing Room"),
    ("ソフトウェア一般, ソフトウェア", "ソフトウェア一般"),
    ("Sci-Tech", "Sci-Tech"),                      # a hyphen inside a name parts nothing
    (" , ; Politics", "Politics"),
])
def test_a_list_of_categories_gives_its_first(listed, section):
    assert section_of(page(f'<meta property="article:section" content="{listed}">')) == section


def test_the_record_of_a_page_gets_one_section_not_the_list(cleaner):
    html = page('<meta property="article:section" '
                'content="Smart News, Smart News Science, Smart News Science">')
    assert cleaner.clean_html(html, url=URL)["meta"]["category"] == "Smart News"


def test_a_json_ld_section_list_gives_its_first_section():
    assert section_of(page(ld=["U.S.", "Politics"])) == "U.S."
    assert section_of(page(ld=[7, None, "Politics"])) == "Politics"


def test_a_section_meta_named_section_is_read():
    assert section_of(page('<meta name="section" content="investing">')) == "investing"


def test_article_section_comes_before_json_ld():
    html = page('<meta property="article:section" content="Entertainment">',
                ld="Life and Culture")
    assert section_of(html) == "Entertainment"


def test_tags_alone_give_no_category(cleaner):
    html = page('<meta name="keywords" content="innovation, MacBook pro, macbook, Gizmodo">'
                '<meta name="news_keywords" content="Weird medicine, Allergies">'
                '<meta property="article:tag" content="book">', ld={"keywords": ["a", "b"]})
    assert section_of(html) is None
    assert cleaner.clean_html(html, url=URL)["meta"]["category"] is None


def words_with(*not_sections: str):
    return dataclasses.replace(shipped_lexicon(), not_sections=frozenset(not_sections))


@pytest.mark.parametrize("placeholder", ["All", "ALL", "Home  Page", "front page"])
def test_a_placeholder_the_packs_list_is_no_category(placeholder):
    html = page(f'<meta property="article:section" content="{placeholder}">')
    with reading_pages(words_with("all", "home page", "front page")):
        assert section_of(html) is None
    assert page_section([placeholder, "Reviews"], words=words_with("all", "home page",
                                                                   "front page")) == "Reviews"


def test_a_placeholder_gives_way_to_the_next_section_field():
    html = page('<meta property="article:section" content="All">', ld="Reviews")
    with reading_pages(words_with("all")):
        assert section_of(html) == "Reviews"


def test_a_placeholder_in_a_list_is_passed_over():
    words = words_with("home page", "popular")
    assert page_section(["Home Page, Popular, Real Estate"], words=words) == "Real Estate"


def test_news_alone_is_a_section():
    assert section_of(page('<meta property="article:section" content="News">')) == "News"


@pytest.mark.parametrize("section", ["", "   ", "-", "123", " , , ", "—", "||"])
def test_a_section_without_a_letter_is_none(section):
    assert section_of(page(f'<meta property="article:section" content="{section}">')) is None


@pytest.mark.parametrize("ld", [
    {"articleSection": {"name": "Sport"}}, {"articleSection": 12}, {"articleSection": [[1], {}]},
    {"articleSection": None}, {"articleSection": True},
])
def test_a_json_ld_section_of_another_type_is_no_category(ld):
    assert section_of(page(ld=ld)) is None


@pytest.mark.parametrize("url", [None, "N/A", "http://[::1", "javascript:alert(1)", "https://nj"])
def test_a_missing_or_broken_url_costs_the_page_nothing(url, cleaner):
    html = page(ld="Politics")
    assert section_of(html, url) == "Politics"
    assert cleaner.clean_html(html, url=url)["meta"]["category"] == "Politics"


def test_a_broken_json_ld_leaves_the_meta_section():
    html = page('<meta property="article:section" content="Smart News, Smart News Science">'
                '<script type="application/ld+json">{"articleSection": "X", "keywords": '
                '["a", ]}</script>')
    assert section_of(html) == "Smart News"


# A hang guard, not a speed check (a hostile input: the suite times no test).
@pytest.mark.timeout(60)
@pytest.mark.parametrize("hostile", [" " * 200_000 + "x", " ," * 200_000 + " Politics",
                                     " - " * 100_000 + "Politics", "\t|" * 200_000 + "Politics"])
def test_a_long_run_of_spaces_or_separators_is_read_in_linear_time(hostile):
    assert page_section([hostile]) in ("x", "Politics")


@pytest.mark.parametrize("placeholder", ["All", "Home Page", "Front Page", "post", "Homepage"])
def test_the_shipped_packs_pass_over_a_cms_placeholder(placeholder):
    html = page(f'<meta property="article:section" content="{placeholder}">', ld="articles")
    assert section_of(html) is None
