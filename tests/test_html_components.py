"""Components a page names in `data-testid`, `data-component` or `data-component-name` rather
than in its classes (React and CMS markup: Reuters, the BBC, the Guardian, CNN): read as class
words, a name in capitals parted into words first, for its chrome; and a component named a
byline as one, its first run with a label or names alone. Pages written after those sites'
markup of 2024-2025, their text invented."""

from __future__ import annotations

import pytest

from cleaner import Cleaner
from cleaner.html_chrome import chrome_name

BODY = ("The county council voted on Tuesday to keep the village library open, and officials "
        "said volunteers would staff it four days a week from next month. ")


def page(top: str = "", after: str = "", url: str = "https://www.example-news.com/a/1") -> str:
    paragraphs = "".join(f"<p>{BODY * 2}</p>" for _ in range(5))
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Library saved'
            f'</title><link rel="canonical" href="{url}"></head><body><main><article>'
            f"<h1>Library saved by volunteers</h1>{top}{paragraphs}{after}</article></main>"
            f"</body></html>")


def clean(html: str) -> dict:
    return Cleaner().clean_html(html)


@pytest.mark.parametrize("value, words", [
    ("AuthorBio", "author-bio"), ("EmailSignup", "email-signup"),
    ("RecommendedRail", "recommended-rail"), ("byline-new-contributors", "byline-new-contributors"),
    ("HTMLEmbed", "html-embed"),
])
def test_a_component_name_in_capitals_is_parted_into_class_words(value, words):
    from cleaner.chrome_classes import component_words
    assert component_words(value) == words


@pytest.mark.parametrize("value, group", [
    ("author-bio", "author-bio"), ("about-the-author", "author-bio"),
    ("email-signup", "newsletter"), ("paywall-offer", "newsletter"), ("pw-offer", "newsletter"),
    ("more-on-this-story", "related"), ("links-block", "related"),
    ("paywall", None), ("author-name", None), ("byline-block", None),
])
def test_the_words_of_the_new_groups(value, group):
    assert chrome_name(value) == group


@pytest.mark.parametrize("attribute", ["data-testid", "data-component", "data-component-name"])
def test_a_box_a_component_name_marks_as_chrome_goes(attribute):
    box = (f'<div {attribute}="AuthorBio"><h4>Mara Quinn</h4><p>Thomson Reuters</p>'
           f"<p>Mara Quinn covers local government and libraries from Shrewsbury.</p></div>")
    record = clean(page(after=box))
    assert "covers local government" not in record["text"]
    assert BODY.strip() in record["text"]
    assert any(r["rule"] == "html/chrome-author-bio" for r in record["removed"])


def test_a_component_named_after_the_article_is_read_as_its_words():
    box = ('<div data-component="EmailSignup"><p>Sign up to Morning Mail</p><p>Free daily '
           "newsletter</p><p>Our pick of the day's stories, every weekday morning</p></div>")
    record = clean(page(after=box))
    assert "Morning Mail" not in record["text"] and "Our pick of the day" not in record["text"]


def test_a_byline_component_gives_its_names_without_a_label():
    byline = ('<div data-component="byline-block"><div data-testid="byline-new">'
              '<time datetime="2025-01-20T11:30:00Z">20 January 2025</time>'
              '<div data-testid="byline-new-contributors"><div><span>Mara Quinn</span>'
              "<div><span>BBC News, Shropshire</span></div></div></div></div></div>")
    record = clean(page(top=byline, url="https://www.bbc.com/news/articles/c9r2l5q8w3zo"))
    assert record["meta"]["authors"] == ["Mara Quinn"]
    assert "BBC News, Shropshire" not in record["text"]


def test_a_byline_component_holding_a_sentence_names_no_one():
    byline = ('<div data-component="byline-block"><p>Volunteers have kept the library open '
              "since the council withdrew its funding.</p></div>")
    record = clean(page(top=byline))
    assert record["meta"]["authors"] == []
