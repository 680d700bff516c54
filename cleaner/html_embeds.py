"""Embedded social posts (a quoted tweet, an Instagram post) freed of the wrappers that would make the extractor drop them."""

from __future__ import annotations

from lxml import etree
from lxml.html import HtmlElement

# The classes of the blockquote an embed script turns into a post: what the page quotes is in
# it as text (the post's words, its author and date) for readers without the script.
EMBED_CLASSES = frozenset({"twitter-tweet", "twitter-video", "instagram-media", "tiktok-embed",
                           "bluesky-embed", "text-post-media", "reddit-embed-bq"})

_EMBEDS = etree.XPath("//body//blockquote[@class]")


def free_embeds(tree: HtmlElement) -> int:
    """Take the class and id off the elements that only wrap an embedded post, and unwrap the
    links holding a post's text (_unlink_post_text); how many elements either changed.

    trafilatura drops any block whose class holds "social" or "share" (and more), and a site's
    wrapper of a quoted tweet is often so named (`social-media-embed`): the tweet went, with
    its words, where the same tweet unwrapped, or wrapped in a `div class="embed"`, stayed. A
    wrapper holding nothing but the post names nothing else that the name could be meant for.

    >>> from lxml import html
    >>> page = html.fromstring('<html><body><p>Lead.</p><div class="social-embed"><blockquote '
    ...     'class="twitter-tweet"><p>Buses at last!</p></blockquote></div></body></html>')
    >>> free_embeds(page), page.find("body/div").attrib
    (1, {})
    """
    freed = 0
    for quote in _EMBEDS(tree):
        if not EMBED_CLASSES & set(quote.get("class", "").split()):
            continue
        freed += _unlink_post_text(quote)
        words = _words(quote)
        for wrapper in quote.iterancestors():
            if wrapper.tag in ("body", "html") or _words(wrapper) != words:
                break
            if "class" in wrapper.attrib or "id" in wrapper.attrib:
                wrapper.attrib.pop("class", None)
                wrapper.attrib.pop("id", None)
                freed += 1
    return freed


# A link in a post of this many words or more is its text, linked to the post (an Instagram
# caption), not a link of its own (a date, a handle, "pic.twitter.com/x").
POST_TEXT_WORDS = 4


def _unlink_post_text(quote: HtmlElement) -> int:
    """Unwrap the links in an embedded post that hold its text, keeping their words; how many.
    trafilatura drops a paragraph that is one link holding a hashtag: an Instagram caption,
    which the embed links to the post whole, was lost (acceptance run of session 50).

    >>> from lxml import html
    >>> quote = html.fromstring('<blockquote class="instagram-media"><p><a href="/p/1">Garuda '
    ...                         'sudah mendarat di Sydney! #KitaGaruda</a></p></blockquote>')
    >>> _unlink_post_text(quote), html.tostring(quote.find("p"))
    (1, b'<p>Garuda sudah mendarat di Sydney! #KitaGaruda</p>')
    """
    links = [a for a in quote.iter("a") if len(_words(a)) >= POST_TEXT_WORDS]
    for link in links:
        link.drop_tag()
    return len(links)


def _words(el: HtmlElement) -> list[str]:
    """An element's words, its tail left out. (The words, not their count as html_chrome's
    _text_length gives it: a link glued to the post, `<a>Share</a><blockquote>Buses ...`,
    reads "ShareBuses", as many words as the post alone.)"""
    return etree.tostring(el, method="text", encoding=str, with_tail=False).split()
