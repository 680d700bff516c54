"""An article body split into chunks (an ad row and a pull quote between them) is extracted whole."""

from __future__ import annotations

import pytest
from lxml import html

from cleaner.html_extract import EXTRACTOR_RULE, extract_article, join_split_body
from cleaner.pipeline import Cleaner

FIRST = ("The council approved the new budget for the city on Monday after a long debate "
         "that lasted well into the night.")
SECOND = ("Members argued over how much money should go to public transport and how much "
          "to the repair of old roads and bridges.")
THIRD = ("The mayor said the plan would be reviewed again in the spring, when the first "
         "figures for the year are known.")
FOURTH = ("Residents who spoke at the meeting asked for more buses on the routes that serve "
          "the outer districts of the city.")
LATER = ("Transport officials welcomed the vote, and said that the first new lines would open "
         "before the end of next year if the tenders went as planned.")
QUOTE = "The plan would be reviewed again in the spring."


def chunk(*paragraphs: str, body_class: str = "body article__body") -> str:
    """One grid row of a chunked article body, an ad rail beside it."""
    inner = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f'<div class="grid narrow"><div class="{body_class}">{inner}</div>'
            '<div class="grid-aside"><div class="ad">Advertisement</div></div></div>')


def page(*rows: str) -> str:
    return ("<html><head><title>Budget approved</title></head><body><article>"
            "<h1>Budget approved</h1><div class='chunks'>" + "".join(rows)
            + "</div></article><footer><p>Copyright 2024 The Daily Example. All rights "
            "reserved by the publisher.</p></footer></body></html>")


AD_ROW = '<div class="row full-ad"><span class="ad-label">Advertisement</span></div>'
PULL_QUOTE = ('<aside role="presentation" aria-hidden="true" class="pullquote-embed">'
              f'<span class="pullquote-embed__content"><p>{QUOTE}</p></span></aside>')
# The first chunk alone is long enough for trafilatura to take it for the whole article.
SPLIT_PAGE = page(chunk(FIRST, SECOND, LATER), AD_ROW,
                  chunk(THIRD, FOURTH).replace(f"<p>{FOURTH}", PULL_QUOTE + f"<p>{FOURTH}"))


def test_every_chunk_of_a_split_article_body_is_extracted():
    text = extract_article(html.fromstring(SPLIT_PAGE)).text
    for paragraph in (FIRST, SECOND, THIRD, FOURTH):
        assert paragraph in text


def test_the_chunks_after_the_ad_row_are_not_recorded_as_left_out():
    record = Cleaner().clean_html(SPLIT_PAGE)
    lost = " ".join(r["text"] for r in record["removed"] if r["rule"] == EXTRACTOR_RULE)
    assert THIRD in record["text"] and FOURTH in record["text"]
    assert THIRD not in lost and FOURTH not in lost


def test_the_later_chunks_join_the_first_in_page_order():
    tree = html.fromstring(SPLIT_PAGE)
    assert join_split_body(tree) == 1
    first = tree.find_class("article__body")[0]
    paragraphs = [p.text for p in first.iter("p") if p.text != QUOTE]
    assert paragraphs == [FIRST, SECOND, LATER, THIRD, FOURTH]


def test_teaser_cards_of_the_body_class_in_links_are_not_joined():
    teaser = chunk(f'<a href="/story">{THIRD}</a>')
    tree = html.fromstring(page(chunk(FIRST, SECOND, LATER), AD_ROW, teaser))
    assert join_split_body(tree) == 0


def test_a_first_part_of_one_paragraph_is_no_split_body():
    # Comments and embedded posts repeat their class too, one short paragraph to each.
    tree = html.fromstring(page(chunk(FIRST), AD_ROW, chunk(THIRD, FOURTH)))
    assert join_split_body(tree) == 0


def test_containers_known_by_id_alone_are_not_joined_to_their_siblings():
    # The parts of a split body elsewhere on the page do not make the id's siblings parts.
    rows = (f'<div id="article-body"><p>{FIRST}</p><p>{SECOND}</p><p>{LATER}</p></div>'
            f'<div><p>{THIRD}</p></div>')
    tree = html.fromstring(page(rows, chunk(FIRST, SECOND, LATER), AD_ROW, chunk(FOURTH)))
    assert join_split_body(tree) == 0
    assert len(tree.get_element_by_id("article-body")) == 3


def test_a_chunk_without_a_sentence_is_left_where_it_is():
    tree = html.fromstring(page(chunk(FIRST, SECOND, LATER), AD_ROW, chunk("Read more")))
    assert join_split_body(tree) == 0


def test_broken_and_nested_chunk_markup_does_not_raise():
    broken = ('<div class="grid narrow"><div class="body article__body"><p>' + FIRST
              + '<div class="body article__body"><p>' + SECOND + "</div>tail text</div>"
              '<div class="grid narrow">stray<div class="body article__body"><p>' + THIRD)
    tree = html.fromstring(page(broken))
    join_split_body(tree)
    record = Cleaner().clean_html(page(broken))
    assert FIRST in record["text"]


def test_a_page_with_no_body_container_is_left_alone():
    tree = html.fromstring(f"<html><body><p>{FIRST}</p><p>{SECOND}</p></body></html>")
    assert join_split_body(tree) == 0


# Pages of several articles in twin wrappers: each later article keeps its own body.
STORIES = [(f"Story {n}", [f"{sentence} (story {n})" for sentence in (FIRST, SECOND, LATER)])
           for n in (1, 2, 3)]


def _stories(wrap) -> str:
    rows = AD_ROW.join(wrap(title, "".join(f"<p>{p}</p>" for p in paragraphs))
                       for title, paragraphs in STORIES)
    return (f"<html><head><title>{STORIES[0][0]}</title></head><body><main class='feed'>"
            f"{rows}</main></body></html>")


SEVERAL_ARTICLES = {
    "a listing of three articles": lambda title, body: (
        f'<article class="card"><header><h2>{title}</h2></header>'
        f'<div class="entry-content">{body}</div></article>'),
    "an infinite scroll of articles": lambda title, body: (
        f'<article class="post"><h1>{title}</h1><div class="article-body">{body}</div>'
        '</article>'),
    "an infinite scroll in div wrappers": lambda title, body: (
        f'<div class="article-wrap"><h1>{title}</h1><div class="detail__body-text">{body}'
        '</div></div>'),
    "live blog entries with an h2 each": lambda title, body: (
        f'<div class="live-entry"><h2>{title}</h2><div class="entry-content">{body}</div></div>'),
    "entries whose body holds its heading": lambda title, body: (
        f'<div class="row"><div class="article-body"><h2>{title}</h2>{body}</div></div>'),
    "rows with a headline-like title": lambda title, body: (
        f'<div class="row"><div class="post-title">{title}</div>'
        f'<div class="article-body">{body}</div></div>'),
    "bodies that are articles of their own": lambda title, body: (
        f'<article class="article-body"><p>{title}</p>{body}</article>'),
}


@pytest.mark.parametrize("wrap", SEVERAL_ARTICLES.values(), ids=SEVERAL_ARTICLES.keys())
def test_the_later_articles_of_a_page_of_several_are_not_joined_to_the_first(wrap):
    tree = html.fromstring(_stories(wrap))
    assert join_split_body(tree) == 0
    for title, paragraphs in STORIES:       # each body still holds its own paragraphs alone
        [body] = [p.getparent() for p in tree.iter("p") if p.text == paragraphs[0]]
        assert [p.text for p in body.iter("p") if p.text != title] == paragraphs


@pytest.mark.parametrize("kind", ["an infinite scroll of articles",
                                  "an infinite scroll in div wrappers"])
def test_the_record_of_an_infinite_scroll_holds_the_first_article_alone(kind):
    record = Cleaner().clean_html(_stories(SEVERAL_ARTICLES[kind]))
    assert STORIES[0][1][0] in record["text"]
    assert not any(p in record["text"] for _, paragraphs in STORIES[1:] for p in paragraphs)


def test_a_later_chunk_with_subheads_and_a_captioned_figure_is_still_joined():
    # A chunk's own h3 subhead, and the title of a figure's caption, are no headline of a piece.
    later = chunk(THIRD, FOURTH).replace(
        f"<p>{THIRD}", '<h3 class="heading-h3">Next steps</h3><figure><img src="a.jpg">'
        '<figcaption><span class="caption__title">The council</span></figcaption></figure>'
        f"<p>{THIRD}")
    tree = html.fromstring(page(chunk(FIRST, SECOND, LATER), AD_ROW, later))
    assert join_split_body(tree) == 1


@pytest.mark.parametrize("subhead", ['<h3 class="section-title">What comes next</h3>',
                                     '<h4 class="widget-title">What comes next</h4>'])
def test_a_later_chunk_under_a_sections_title_is_still_joined(subhead):
    # A body's subheading named a section's title is no piece's headline (the review: the
    # chunk after it was left out).
    later = chunk(THIRD, FOURTH).replace(f"<p>{THIRD}", f"{subhead}<p>{THIRD}")
    tree = html.fromstring(page(chunk(FIRST, SECOND, LATER), AD_ROW, later))
    assert join_split_body(tree) == 1


@pytest.mark.parametrize("name", ["td-post-title", "jeg_post_title", "c-article-title",
                                  "wp-block-post-title", "c-card__title", "article-header__title"])
def test_posts_titled_by_a_themes_prefixed_class_are_not_joined(name):
    # The piece's words after a theme's prefix ("td-", "c-", "wp-block-") name a piece's
    # headline too: a narrower name let a listing's next post join the first (fourth review).
    later = chunk(THIRD, FOURTH).replace(f"<p>{THIRD}", f'<h3 class="{name}">Next</h3><p>{THIRD}')
    tree = html.fromstring(page(chunk(FIRST, SECOND, LATER), AD_ROW, later))
    assert join_split_body(tree) == 0


def test_a_later_part_naming_a_headline_among_comments_is_not_joined():
    # Comments and processing instructions (no class to read) beside the headline's name.
    later = chunk(THIRD, FOURTH).replace(
        f"<p>{THIRD}", '<!-- c --><?pi x?><b class="  headline  ">x</b><p>' + THIRD)
    tree = html.fromstring(page(chunk(FIRST, SECOND, LATER), AD_ROW, later))
    assert join_split_body(tree) == 0


# A hang guard, not a speed check (a hostile input: the suite times no test).
@pytest.mark.timeout(60)
def test_a_huge_class_string_is_read_quickly():
    # A pattern over the whole class string (a prefix, the piece's word, parts, "title") took
    # minutes on "post-post-post-..." in one word.

    from cleaner.html_extract import _names_headline

    assert not _names_headline("post-" * 50000 + "x")
    assert _names_headline("a " * 50000 + "post-title")
