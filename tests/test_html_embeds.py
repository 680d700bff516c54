"""Web pages: an embedded post (a quoted tweet) stays in the article whatever its wrapper's class; a call-to-action box goes as chrome."""

from __future__ import annotations

import pytest

from cleaner import Cleaner
from cleaner.html_chrome import chrome_name

PARAGRAPH = [f"<p>Paragraph {i}: the city council voted on Tuesday to approve a budget that "
             "expands funding for transit, parks and road repair in every district of the "
             "city.</p>" for i in range(6)]
PARAGRAPHS = "".join(PARAGRAPH)
TWEET = ('<blockquote class="twitter-tweet"><p lang="en">Finally some real money for the buses '
         'in this town <a href="https://t.co/abc">https://t.co/abc</a></p>&mdash; Jane Rider '
         '(@janerider) <a href="https://twitter.com/janerider/status/1">November 18, 2019</a>'
         "</blockquote>")


def page(body: str) -> str:
    return ("<!doctype html><html><head><title>Council approves budget</title></head><body>"
            f"<article><h1>Council approves budget</h1>{body}</article></body></html>")


@pytest.mark.parametrize("wrapper", ['<div class="social-media-embed">{}</div>',
                                     '<div id="social-1"><div class="sdc-article-tweet">{}</div>'
                                     "</div>",
                                     '<div class="embed">{}</div>', "{}"])
def test_a_quoted_tweet_stays_whatever_its_wrapper_is_named(wrapper):
    # (acceptance run s49: trafilatura drops a block whose class holds "social"; the tweet in
    # such a wrapper went, as html/not-extracted, where the same tweet bare stayed)
    record = Cleaner().clean_html(page("".join(PARAGRAPH[:3]) + wrapper.format(TWEET)
                                       + "".join(PARAGRAPH[3:])))
    assert "Finally some real money for the buses in this town" in record["text"]
    assert "Jane Rider (@janerider) November 18, 2019" in record["text"]
    assert not [r for r in record["removed"] if "Finally" in r["text"]]


def test_a_wrapper_holding_more_than_the_post_keeps_its_class():
    from lxml import html

    from cleaner.html_embeds import free_embeds
    tree = html.fromstring(page('<div class="social-bar"><a href="/s">Share</a>'
                                f"{TWEET}</div>"))
    assert free_embeds(tree) == 0
    assert tree.find(".//div").get("class") == "social-bar"


@pytest.mark.parametrize("name", ["nrplus-cta-wrap", "cta", "cta-box", "article_cta"])
def test_a_call_to_action_class_is_promo_chrome(name):
    assert chrome_name(name) == "promo"


@pytest.mark.parametrize("name", ["octa", "cta2x", "dacta-wrap", "factual"])
def test_a_word_holding_cta_is_no_call_to_action(name):
    assert chrome_name(name) is None


def test_a_call_to_action_box_after_the_article_goes():
    cta = ('<div class="nrplus-cta-wrap"><div class="nrplus-cta"><h4>Something to Consider</h4>'
           "<p>If you enjoyed this article, we have a proposition for you: Join NRPLUS.</p>"
           "</div></div>")
    record = Cleaner().clean_html(page(PARAGRAPHS + cta))
    assert "Join NRPLUS" not in record["text"] and "Paragraph 5" in record["text"]
    assert [r["rule"] for r in record["removed"] if "Join NRPLUS" in r["text"]] == \
        ["html/chrome-promo"]
