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
    """Take the class and id off the elements that only wrap an embedded post; how many.

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
        words = _words(quote)
        for wrapper in quote.iterancestors():
            if wrapper.tag in ("body", "html") or _words(wrapper) != words:
                break
            if "class" in wrapper.attrib or "id" in wrapper.attrib:
                wrapper.attrib.pop("class", None)
                wrapper.attrib.pop("id", None)
                freed += 1
    return freed


def _words(el: HtmlElement) -> list[str]:
    """An element's words, its tail left out. (The words, not their count as html_chrome's
    _text_length gives it: a link glued to the post, `<a>Share</a><blockquote>Buses ...`,
    reads "ShareBuses", as many words as the post alone.)"""
    return etree.tostring(el, method="text", encoding=str, with_tail=False).split()
