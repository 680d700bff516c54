"""Web pages: an embedded post (a quoted tweet, an Instagram caption linked to its post) stays in the article whatever its wrapper's class; a call-to-action box goes as chrome."""

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


INSTAGRAM = ('<blockquote class="instagram-media" data-instgrm-permalink="https://www.instagram.com'
             '/p/X/"><div><p><a href="https://www.instagram.com/p/X/">Garuda sudah mendarat di '
             'Sydney! Terima kasih atas sambutan hangat para suporter di bandara. #KitaGaruda</a>'
             '</p><p>A post shared by PSSI (@pssi)</p></div></blockquote>')
TIMNAS = ["<p>Skuad Timnas Indonesia tiba di Sydney, Australia, pada Minggu malam waktu setempat. "
          "Rombongan yang berjumlah 27 pemain itu langsung menuju hotel tempat mereka "
          "menginap.</p>",
          "<p>Pelatih Timnas Indonesia mengatakan seluruh pemain dalam kondisi bugar setelah "
          "menempuh penerbangan panjang dari Jakarta. Latihan perdana dijadwalkan Senin "
          "sore.</p>",
          "<p>Akun Instagram resmi PSSI mengunggah momen kedatangan para pemain yang disambut "
          "puluhan diaspora Indonesia di Bandara Internasional Sydney.</p>",
          "<p>Laga Australia kontra Indonesia akan digelar di Stadion Sydney Football pada Kamis "
          "(20/3/2025) pukul 16.10 WIB dalam Kualifikasi Piala Dunia 2026.</p>"]


def test_an_instagram_caption_linked_to_its_post_stays():
    # (acceptance run s50, a page written after tribunnews.com's: trafilatura dropped the
    # caption, one link holding a hashtag, as html/not-extracted; in a container no body
    # expression of its names, where its fallback reads the page)
    record = Cleaner().clean_html(
        "<html><head><title>Timnas Tiba di Sydney</title></head><body><h1>Timnas Tiba di "
        f'Sydney</h1><div class="txt-article">{"".join(TIMNAS[:2])}{INSTAGRAM}'
        f'{"".join(TIMNAS[2:])}</div></body></html>')
    assert ("Garuda sudah mendarat di Sydney! Terima kasih atas sambutan hangat para suporter "
            "di bandara. #KitaGaruda") in record["text"]
    assert not [r for r in record["removed"] if "Garuda" in r["text"]]


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
