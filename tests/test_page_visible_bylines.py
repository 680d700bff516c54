"""Review of the visible bylines read on every page (bb1b157): reading them stays linear in the
page's comments; a teaser's byline widens no authors; a one-word label and its colon opening a
byline is no part of the name; a teaser card's credits in a sidebar name no editor, while the
article's own credits box there does (PolitiFact's "About this article")."""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from cleaner import html_chrome
from cleaner.page_bylines import read_page_bylines, split_byline
from cleaner.page_metadata import page_metadata
from page_helpers import ld

EN = ("<p>The city council voted on Tuesday to expand the bus network to the northern suburbs, "
      "a plan debated for years by residents and officials.</p>") * 4
ID = ("<p>Pemerintah Provinsi DKI Jakarta menyiapkan sejumlah langkah untuk mengatasi banjir "
      "yang melanda beberapa wilayah pada awal pekan ini.</p>") * 4


def bylines_of(page: str) -> tuple[list[str], list[str]]:
    """A page's authors and editors as its metadata's bylines read them."""
    found = read_page_bylines(page_metadata(lxml_html.fromstring(page))["bylines"])
    return found.authors, found.editors


# -- 1. thousands of schema.org comments: one look at each box --------------------------------

def comments_page(count: int) -> str:
    """An article with `count` reader comments, each tagged itemprop=author, in a comments box."""
    comments = "".join(f'<div class="item"><span itemprop="author">Reader Number{i}</span>'
                       f"<p>I think the buses are a good idea number {i} and more.</p></div>"
                       for i in range(count))
    return ('<html><head><meta name="author" content="Jane Smith"></head><body><main>'
            f"<h1>Council expands bus network</h1>{EN}</main>"
            f'<section class="comments"><div class="list">{comments}</div></section>'
            "</body></html>")


@pytest.mark.parametrize("count", [2000, 5000])
def test_a_page_of_thousands_of_comments_weighs_each_box_once(monkeypatch, count):
    calls = []
    held_by = html_chrome._ArticleMarks.held_by

    def counted(self, box):
        calls.append(box)
        return held_by(self, box)

    monkeypatch.setattr(html_chrome._ArticleMarks, "held_by", counted)
    meta = page_metadata(lxml_html.fromstring(comments_page(count)))
    assert read_page_bylines(meta["bylines"]).authors == ["Jane Smith"]
    # One comments box: weighed once, not once for each of its thousands of authors.
    assert len(calls) <= 3, len(calls)


def test_a_page_of_thousands_of_comments_is_cleaned(cleaner):
    record = cleaner.clean_html(comments_page(3000))
    assert record["text"].startswith("The city council voted")
    assert record["meta"]["authors"] == ["Jane Smith"]


# -- 2. a teaser's byline adds no co-authors --------------------------------------------------

def berita(after_article: str) -> str:
    """An article by JSON-LD author Ade Putra, its own byline "Penulis: Ade Putra", and
    `after_article` after its <main>."""
    return ('<html lang="id"><head><title>Judul</title>'
            + ld({"@type": "NewsArticle", "headline": "x",
                  "author": {"@type": "Person", "name": "Ade Putra"}})
            + '</head><body><main><article class="post"><h1>Judul Berita Hari Ini</h1>'
            f'<div class="byline">Penulis: Ade Putra</div>{ID}</article></main>'
            f"{after_article}</body></html>")


@pytest.mark.parametrize("teaser", [
    '<div class="terkini"><div class="item" itemscope><a href="/a">Harga cabai naik</a>'
    '<span itemprop="author">Ade Putra, Budi Santoso</span></div></div>',
    '<ul class="latest"><li><a href="/a">Harga cabai naik</a>'
    '<span class="author">Ade Putra dan Budi Santoso</span></li></ul>',
    '<div class="list-berita"><div class="item"><a href="/a">Harga cabai naik</a> '
    '<a rel="author" href="/p/ade">Ade Putra</a>, <a rel="author" href="/p/budi">Budi Santoso</a>'
    "</div></div>",
])
def test_a_teasers_byline_after_the_article_adds_no_co_author(teaser):
    assert bylines_of(berita(teaser))[0] == ["Ade Putra"]


def test_the_articles_own_byline_still_adds_its_co_authors():
    page = berita("").replace("Penulis: Ade Putra", "Penulis: Ade Putra, Budi Santoso")
    assert bylines_of(page)[0] == ["Ade Putra", "Budi Santoso"]


# -- 3. a one-word label and its colon ---------------------------------------------------------

@pytest.mark.parametrize("byline, name", [
    ("Текст: Венера Ерофеева", "Венера Ерофеева"),
    ("Texto: Ana Souza", "Ana Souza"),
])
def test_one_word_and_a_colon_opening_a_byline_is_a_label(byline, name):
    assert split_byline(byline) == ([name], [])


def test_wday_ru_s_author_span_gives_the_name_alone():
    page = ('<html lang="ru"><head><title>x</title></head><body><article><h1>Гении кулинарии</h1>'
            '<p class="article-info"><span itemprop="author creator" class="article-info__authors">'
            'Текст: Венера Ерофеева</span><span class="article-info__divider">·</span>'
            "24 сентября 2018</p>" + EN + "</article></body></html>")
    assert bylines_of(page)[0] == ["Венера Ерофеева"]


def test_two_words_and_a_colon_are_no_label():
    # A name before a colon is no label: only a single word is one, by its shape.
    assert split_byline("Jane Doe: Tom Baker")[0] != ["Tom Baker"]


# -- 4. a teaser card's credits in a sidebar ---------------------------------------------------

def sidebar_page(aside: str) -> str:
    return ('<html lang="en"><head><title>x</title><meta name="author" content="Jane Smith">'
            f"</head><body><main><article class=\"post\"><h1>Council expands bus network</h1>{EN}"
            f"</article></main>{aside}</body></html>")


def test_a_teaser_cards_edited_by_in_a_sidebar_names_no_editor():
    page = sidebar_page('<aside class="sidebar"><div class="card"><a href="/c">Other story</a>'
                        "<p>Edited by: Tom Baker</p></div></aside>")
    assert bylines_of(page) == (["Jane Smith"], [])


def test_a_teaser_card_under_a_linked_heading_names_no_editor():
    page = sidebar_page('<div class="sidebar"><div class="teaser"><h3><a href="/news/other">'
                        "Other story</a></h3><p>Edited by: Tom Baker</p></div></div>")
    assert bylines_of(page) == (["Jane Smith"], [])


def test_the_articles_credits_box_in_a_sidebar_names_its_editor():
    # PolitiFact's "About this statement" widget: links inside its lines, none of its own.
    page = sidebar_page(
        '<aside class="aside"><div class="widget widget_about-article">'
        '<h3 class="widget_header">About this statement:</h3><div class="widget__content">'
        "<p>Published: Monday, November 18th, 2019 at 11:08 a.m.</p>"
        '<p>Researched by: <a href="/staff/matthew-digby/">Matthew Digby</a></p>'
        '<p>Edited by: <a href="/staff/louis-jacobson/">Louis Jacobson</a></p>'
        '<h3 class="widget__header">Sources:</h3><div><p>The Intelligencer, "<a '
        'href="https://www.theintelligencer.net/news/2019/10/rep">Rep. McKinley</a>," Oct. 13'
        "</p></div></div></div></aside>")
    assert bylines_of(page) == (["Jane Smith"], ["Louis Jacobson"])


def test_a_footer_inside_the_article_still_adds_its_co_authors():
    page = berita("").replace("</article>",
                              "<footer><p>Penulis: Ade Putra, Budi Santoso</p></footer></article>")
    assert bylines_of(page)[0] == ["Ade Putra", "Budi Santoso"]


def test_a_byline_above_the_articles_box_still_adds_its_co_authors():
    # The headline and its byline in a header of their own, the paragraphs in a box after it.
    page = berita("").replace('<article class="post"><h1>Judul Berita Hari Ini</h1>'
                              '<div class="byline">Penulis: Ade Putra</div>',
                              '<header><h1>Judul Berita Hari Ini</h1><div class="byline">'
                              'Penulis: Ade Putra, Budi Santoso</div></header>'
                              '<article class="post">')
    assert bylines_of(page)[0] == ["Ade Putra", "Budi Santoso"]
