"""HTML page to article: site strip selectors and generic page chrome out, trafilatura main text, HTML metadata."""

from __future__ import annotations

import importlib
import json
import logging
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Iterable

import re2
from lxml import etree
from lxml.html import HtmlElement

from cleaner.decode import UTF8_ENCODINGS, DecodeError
from cleaner.document import Removal, cut_short
from cleaner.html_charset import charset_flag, decode_html
from cleaner.html_left_out import BLOCK_TAGS, HIDDEN_TAGS, left_out, page_runs, text_runs
from cleaner.html_meta import (may_name_person, names_only, opens_with_label,
                                opens_with_label_colon, sole_person)
from cleaner.inputs import MAX_HTML_BYTES  # noqa: F401  (pages larger than this are refused)
from cleaner.normalize import FIX_HINTS, fix_mojibake, fix_surrogates

# A generic chrome selector never takes an element holding more than this share of the page's
# text: a "share" or "related" class on the article's own wrapper must not empty the page.
CHROME_MAX_SHARE = 0.25
# The rule id of the page text that trafilatura's extraction left out.
EXTRACTOR_RULE = "html/not-extracted"
# Extractions shorter than this (characters) are retried with trafilatura's fallback extractors.
MIN_FAST_CHARS = 200
# Extracted text without a line of at least this many words is no article (menus, labels).
MIN_PROSE_WORDS = 6
MIN_PROSE_CHARS = 40              # or this many characters, for scripts written without spaces
# Extracted text with at least this many lines, this share of them under five words, is a menu.
MENU_MIN_LINES = 15
MENU_SHORT_SHARE = 0.7
# A list of this many items or more, each item's text this share link text, lists other articles.
LINK_LIST_MIN_ITEMS = 3
LINK_LIST_LINK_SHARE = 0.9

# Generic page chrome, by class or id tokens: (name, pattern on one token). The pattern must
# match a whole class token or the whole id, so "share" takes `share-bar` but not `shared-content`.
CHROME_TOKENS: tuple[tuple[str, str], ...] = (
    ("share", r"(?:social-?)?shar(?:e|ing)(?:[-_]?(?:bar|buttons?|box|tools?|links?|icons?|"
              r"container|wrap(?:per)?|area|this|article|post|top|bottom|widget))?|sharethis|"
              r"addthis(?:_\w+)?|social-?(?:links|buttons|media|icons|bar)|a2a_kit|"
              r"(?:article|post|entry)[-_]share|bagikan"),
    ("related", r"(?:related|terkait)(?:[-_]?(?:posts?|articles?|news|stories|links?|content|box|"
                r"list|items?|berita|artikel))?|(?:berita|artikel|post|article)[-_]?(?:terkait|"
                r"related|lainnya|lain)|baca[-_]?juga|bacajuga|read[-_]?(?:also|more)[-_]?(?:box)?|"
                r"more[-_](?:stories|news|articles)|also[-_]read|lihat[-_]?juga|rekomendasi|"
                r"recommended(?:[-_]\w+)?|yarpp[-_]related|jp-relatedposts|"
                r"(?:latest|more|other|popular|trending|top|terbaru|terpopuler|populer)[-_]?"
                r"(?:news|stories|posts?|articles?|berita|artikel)(?:[-_]?(?:box|list|widget|row|"
                r"wrap(?:per)?|container|section))?|most[-_]?(?:read|popular|viewed)(?:[-_]\w+)?"),
    # (a layout's modifier, `no-sidebar`, `has-sidebar`, Genesis's `content-sidebar-wrap`, is on
    # the page's content: it names no sidebar)
    ("sidebar", r"(?!(?:no|has|with|without|one|two)[-_]|content[-_]side-?bar)"
                r"(?:\w+[-_])?side-?bar(?:[-_]\w+)?|widget-area|right-?rail"),
    ("promo", r"promo(?:[-_]\w+)*|\w+[-_]promo|sponsor(?:ed)?(?:[-_]\w+)?|advert(?:isement)?s?(?:[-_]\w+)?|"
              r"ads?|ad[-_](?:slot|container|wrap(?:per)?|unit|box|banner)|iklan(?:[-_]\w+)?|"
              r"notification[-_]bar|(?:article|print|post)[-_]tools|print[-_]header|reprints?"),
    ("hover-card", r"tooltip(?:[-_]\w+)?|popover(?:[-_]\w+)?|hover-?card|rollover(?:[-_]\w+)+"),
    ("comments", r"comments?(?:[-_]?(?:area|section|list|form|box|wrap(?:per)?|container))?|"
                 r"disqus(?:_thread)?|komentar(?:[-_]\w+)?|respond|fb-comments"),
    ("tags", r"(?:post|article|entry|news|berita)?[-_]?tags?(?:[-_]?(?:list|links|box|cloud|"
             r"wrap(?:per)?|container))?|tagcloud|topik[-_]terkait"),
    ("newsletter", r"newsletter(?:[-_]\w+)?|subscribe(?:[-_]\w+)?|subscription[-_]?(?:box|form)?|"
                   r"signup[-_]?(?:box|form)?"),
    ("app-prompt", r"(?:download|get)[-_]?(?:the[-_])?app|app[-_]?(?:banner|promo|download)"),
)
# Meta tags that carry a publication date, most specific first.
_DATE_META = ("article:published_time", "article:published", "og:published_time",
              "datepublished", "content_publisheddate", "publishdate", "publish-date",
              "publish_date", "pubdate", "dc.date.issued", "dc.date", "date", "sailthru.date",
              "parsely-pub-date", "dtk:publishdate")
_SLASH_DATE = re.compile(r"^(\d{4})[/.](\d{1,2})[/.](\d{1,2})")

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)


class PageError(ValueError):
    """A page that gives no article: binary, too large, unparsable, empty or too slow; says why."""


@dataclass
class Extraction:
    """What a page gave: article text, HTML metadata, what was stripped, and notes on the page."""

    text: str
    meta: dict[str, Any] = field(default_factory=dict)
    removed: list[Removal] = field(default_factory=list)
    flags: list[dict[str, Any]] = field(default_factory=list)
    encoding: str | None = None
    runs: list[str] = field(default_factory=list)     # the page's text as extraction got it
    fixes: list[str] = field(default_factory=list)    # repairs to the page's text, by normalize's names


def _flag(name: str, reason: str) -> dict[str, str]:
    return {"flag": name, "reason": reason}


# Tags a page may hold. The benchmark's 181 news pages hold at most 3,229; a page of 510,000 table
# cells (2.5 MB) took 549 MB and 5 s to parse and extract, 800,000 elements 513 MB: past a run's
# memory budget, for pages that are not articles.
MAX_TAGS = 100_000
# A tag longer than this is looked at for its attributes; one with more than MAX_ATTRIBUTES is
# parsed without them. libxml2 checks each attribute against the others, in time that grows with
# their number squared: one <p> of 100,000 attributes (1 MB) took 12.7 s to parse, out of reach
# of the page deadline, which cannot stop C code. Attributes hold no article text.
LONG_TAG = 20_000
MAX_ATTRIBUTES = 1_000
_LONG_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9:-]*)[^<>]{%d,}>" % LONG_TAG)


def tame_attributes(html: str) -> tuple[str, int]:
    """The page with each tag of over MAX_ATTRIBUTES attributes bare (its name only), and how
    many tags that was.

    >>> page, tamed = tame_attributes("<p " + " ".join(f"a{i}=v" for i in range(5000)) + ">x</p>")
    >>> page, tamed
    ('<p>x</p>', 1)
    >>> tame_attributes('<p class="a">x</p>')
    ('<p class="a">x</p>', 0)
    """
    if len(html) < LONG_TAG:                 # no tag can be that long: most pages, no scan
        return html, 0
    tamed = 0

    def bare(match: re.Match) -> str:
        nonlocal tamed
        if match.group().count("=") <= MAX_ATTRIBUTES:
            return match.group()            # a long attribute (an SVG path), not many
        tamed += 1
        return f"<{match.group(1)}>"

    return _LONG_TAG.sub(bare, html), tamed


def import_extractors() -> None:
    """Import the libraries extraction uses, outside any page's deadline: a deadline that fires
    in the middle of an import (the first page's, 0.2 s) leaves the module half made, and every
    later page of the process would fail on it."""
    for name in _EXTRACTORS:
        importlib.import_module(name)


_EXTRACTORS = ("htmldate", "lxml.cssselect", "trafilatura", "trafilatura.utils", "zoneinfo")


def load_page(html: bytes | str, http_charset: str | None = None,
              max_bytes: int = MAX_HTML_BYTES,
              fixes: list[str] | None = None) -> tuple[HtmlElement, str | None, list[dict]]:
    """Decode and parse a page; return (tree, encoding, flags). Raises PageError if it cannot be.
    The repairs made to its text (mojibake) are added to `fixes`, by normalize's names."""
    from trafilatura.utils import HTML_PARSER, load_html

    flags: list[dict] = []
    size = len(html)
    if size > max_bytes:
        raise PageError(f"HTML page larger than {max_bytes} bytes: {size} bytes; "
                        "raise --max-html-bytes to read it")
    encoding = None
    utf8 = None                         # the page's UTF-8 bytes, as given
    if isinstance(html, bytes):
        try:
            utf8 = html
            html, encoding, notes = decode_html(html, http_charset)
        except DecodeError as exc:
            raise PageError(str(exc)) from None
        flags.extend(charset_flag(note) for note in notes)
    elif "\x00" in html[:8192]:
        raise PageError("binary data (NUL bytes), not HTML")
    else:
        # A page given as str may hold half an emoji's UTF-16 pair, which the parser cannot
        # take (it saw no article at all in such a page).
        repaired = fix_surrogates(html)
        if repaired is not html:
            html = repaired
            flags.append(_flag("unicode", "lone surrogates in the page replaced by U+FFFD, "
                                          "or joined into the characters they encode"))
    if not html.strip():
        raise PageError("empty page")
    tags = html.count("<")
    if tags > MAX_TAGS:
        raise PageError(f"page of {tags:,} tags, more than the {MAX_TAGS:,} a news page is read "
                        "with (its parse would take hundreds of MB)")
    html, tamed = tame_attributes(html)
    if tamed:
        flags.append(_flag("markup", f"{tamed} tags with over {MAX_ATTRIBUTES:,} attributes read "
                                     "without them (the parser takes quadratic time over them)"))
    try:
        tree = load_html(html)
        if tree is None and "<" in html:
            tree = load_html(f"<html><body>{html}</body></html>")
    except (ValueError, TypeError, etree.LxmlError) as exc:
        raise PageError(f"unparsable HTML: {type(exc).__name__}: {exc}") from None
    if tree is None:
        raise PageError("not HTML: no markup a parser can read")
    errors = [e for e in HTML_PARSER.error_log if e.type_name == "ERR_RESOURCE_LIMIT"]
    if errors:
        flags.append(_flag("markup", f"parsing stopped early: {errors[0].message}; "
                                     "the rest of the page is lost"))
    if encoding not in UTF8_ENCODINGS:
        utf8 = None
    if repair_mojibake(tree, html, utf8) and fixes is not None:
        fixes.append("fix_mojibake")
    return tree, encoding, flags


# The sign of mojibake that normalize looks for before its repair, over the whole page: most
# pages have none, and their text nodes are not read.
_MOJIBAKE_HINT = re2.compile(FIX_HINTS["fix_mojibake"])


def repair_mojibake(tree: HtmlElement, page: str, utf8: bytes | None = None) -> bool:
    """Repair mojibake in a parsed page's text, node by node as the text path repairs it line
    by line (normalize.fix_mojibake), and in its <meta> contents (the title); True if any
    changed. Done before extraction, since the extractor drops the C1 controls mojibake holds
    (a UTF-8 "”" read as cp1252 is "â€" and U+009D), and what is left is repaired wrongly ("†").
    `utf8`: the page's bytes, when it came in UTF-8.

    >>> from lxml import html
    >>> tree = html.fromstring("<p>kata dia.\u00e2\u20ac\u009d Lalu</p>")
    >>> repair_mojibake(tree, "<p>kata dia.\u00e2\u20ac\u009d Lalu</p>"), tree.text
    (True, 'kata dia.” Lalu')
    """
    # The hint opens with a letter of U+00C2-U+00F4, which UTF-8 writes from the byte C3 on: a
    # page without that byte is passed in microseconds, where the hint's search takes 0.4 ms.
    if page.isascii() or (utf8 is not None and b"\xc3" not in utf8):
        return False
    if not _MOJIBAKE_HINT.search(page):
        return False
    changed = False
    for node in tree.iter():
        if isinstance(node.tag, str) and node.text and node.tag not in ("script", "style"):
            fixed = fix_mojibake(node.text)
            if fixed != node.text:
                node.text, changed = fixed, True
        if node.tail:
            fixed = fix_mojibake(node.tail)
            if fixed != node.tail:
                node.tail, changed = fixed, True
    for meta in tree.iter("meta"):
        content = meta.get("content")
        if content:
            fixed = fix_mojibake(content)
            if fixed != content:
                meta.set("content", fixed)
                changed = True
    return changed


def _meta_content(tree: HtmlElement, *keys: str) -> str | None:
    """The content of the first <meta> whose property, name or itemprop is one of the keys."""
    return _first(_metas(tree), [k.lower() for k in keys])


def page_hints(tree: HtmlElement) -> dict[str, str | None]:
    """What a page says about itself before extraction: its canonical url and site name."""
    url = None
    for link in tree.iter("link"):
        if (link.get("rel") or "").lower().strip() == "canonical" and link.get("href"):
            url = link.get("href").strip()
            break
    if not url or not url.startswith(("http://", "https://")):
        url = _meta_content(tree, "og:url") or url
    return {"url": url if url and url.startswith(("http://", "https://")) else None,
            "sitename": _meta_content(tree, "og:site_name", "application-name")}


def _element_text(el: HtmlElement) -> str:
    return " ".join("".join(el.itertext()).split())


_VISIBLE_TEXT = etree.XPath(".//text()[not(ancestor::script or ancestor::style or ancestor::noscript)]")


def _removal(rule: str, el: HtmlElement, kept: str = "") -> Removal | None:
    """A removal record for an element: its visible text (no script or style) but for the text
    `kept` in its place, cut short."""
    text = " ".join("".join(_VISIBLE_TEXT(el)).split())
    if kept.strip():
        text = " ".join(text.replace(" ".join(kept.split()), "", 1).split())
    return _cut_short(rule, text, "html-strip") if text else None


def _cut_short(rule: str, text: str, action: str) -> Removal:
    """A page removal (line 0: the page has no lines yet) of text cut short (cut_short)."""
    return Removal(rule, cut_short(text), 0, 0, action)


def _drop(el: HtmlElement, keep: str = "") -> None:
    """Remove an element but keep the text that follows it (its tail) in place, after `keep`."""
    parent = el.getparent()
    if parent is None:
        return
    tail = keep + (el.tail or "")
    if tail and tail.strip():
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


@lru_cache(maxsize=512)
def css_selector(selector: str):
    """A compiled CSS selector; raises ValueError saying why one cannot be used."""
    try:
        from lxml.cssselect import CSSSelector
    except ImportError as exc:  # pragma: no cover - cssselect is a dependency
        raise ValueError(f"CSS selectors need the cssselect package: {exc}") from None
    try:
        return CSSSelector(selector, translator="html")
    except Exception as exc:
        raise ValueError(f"bad html_strip selector {selector!r}: {exc}") from None


def _attached(el: HtmlElement, root: HtmlElement) -> bool:
    """Whether an element still hangs from the root (not from a subtree already removed)."""
    top = el
    for top in el.iterancestors():
        pass
    return top is root


def strip_selectors(tree: HtmlElement, selectors: Iterable[str], rule: str,
                    flags: list[dict] | None = None) -> list[Removal]:
    """Remove every element a site pack's CSS selectors match; one Removal per element with text.
    A selector that cannot be compiled is skipped and noted in `flags`."""
    removed: list[Removal] = []
    for selector in selectors:
        try:
            match = css_selector(selector)
        except ValueError as exc:
            if flags is not None:
                flags.append(_flag("rule", f"{rule}: {exc}"))
            continue
        for el in match(tree):
            # Inside an element already removed (nested matches): its text is recorded there.
            if el.getparent() is None or not _attached(el, tree):
                continue
            record = _removal(f"{rule}:{selector}", el)
            if record:
                removed.append(record)
            _drop(el)
    return removed


# One pattern per group over a single class token or id, matched whole.
_CHROME_RE = tuple((name, re.compile(f"(?:{pattern})", re.IGNORECASE)) for name, pattern in CHROME_TOKENS)
_CLASS_AND_ID = etree.XPath("//body//@class | //body//@id")
_SKIP_TAGS = frozenset({"html", "body", "head", "main", "article"})


@lru_cache(maxsize=1 << 16)
def _token_chrome(token: str) -> str | None:
    for name, regex in _CHROME_RE:
        if regex.fullmatch(token):
            return name
    return None


def chrome_name(attribute: str) -> str | None:
    """The chrome group a class attribute or id belongs to, by whole tokens.

    >>> chrome_name("entry-share share-bar"), chrome_name("shared-content"), chrome_name("baca-juga")
    ('share', None, 'related')
    """
    for token in attribute.split():
        name = _token_chrome(token)
        if name:
            return name
    return None


def _text_length(el: HtmlElement) -> int:
    return len(etree.tostring(el, method="text", encoding=str, with_tail=False).split())


def strip_chrome(tree: HtmlElement) -> list[Removal]:
    """Remove generic page chrome (share bars, related lists, comments, tag lists, newsletter and
    app prompts) found by class or id, never an element holding much of the page's text or its
    article, nor a word of a sentence."""
    candidates = []
    seen: set = set()
    for value in _CLASS_AND_ID(tree):
        name = chrome_name(value)
        if name:
            el = value.getparent()
            if el is not None and el.tag not in _SKIP_TAGS and el not in seen:
                seen.add(el)
                candidates.append((name, el))
    if not candidates:
        return []
    body = tree.find("body")
    total = _text_length(body if body is not None else tree) or 1
    article = _ArticleMarks(body if body is not None else tree)
    removed: list[Removal] = []
    dropped: set = set()
    for name, el in candidates:
        if any(anc in dropped for anc in el.iterancestors()):
            continue
        if _text_length(el) > CHROME_MAX_SHARE * total or article.held_by(el):
            continue
        if name != "hover-card" and _in_running_text(el):
            continue
        # A hover card inside a paragraph wraps the name it explains ("Rep. <span
        # class=rollover-people><a>Ilhan Omar</a><span>card</span></span> (D-Minn.)"): the
        # name is the sentence's, and stays; the card goes.
        keep = _card_link_text(el) if name == "hover-card" else ""
        record = _removal(f"html/chrome-{name}", el, keep)
        if record:
            removed.append(record)
        dropped.add(el)
        _drop(el, keep)
    return removed


# An element holding more than this share of the words of a page's paragraphs holds its article.
ARTICLE_PARAGRAPH_SHARE = 0.5


class _ArticleMarks:
    """What marks a page's article, which no chrome class takes: its headline (the first <h1>
    with text), its <main>, its <article> when it has one only, and most of its paragraphs'
    words. A class naming a layout with a sidebar ("penci_sidebar", "l-sidebar-fixed") sits on
    the article's own wrapper, and a short article holds less than CHROME_MAX_SHARE of a page
    of menus."""

    def __init__(self, root: HtmlElement) -> None:
        self.marks = [el for el in (next((h for h in root.iter("h1") if _element_text(h)), None),
                                    next(root.iter("main"), None)) if el is not None]
        articles = list(root.iter("article"))
        if len(articles) == 1:
            self.marks.append(articles[0])
        self.paragraph_words = sum(_text_length(p) for p in root.iter("p"))

    def held_by(self, el: HtmlElement) -> bool:
        if any(mark is el or any(anc is el for anc in mark.iterancestors()) for mark in self.marks):
            return True
        if not self.paragraph_words:
            return False
        words = sum(_text_length(p) for p in el.iter("p"))
        return words > ARTICLE_PARAGRAPH_SHARE * self.paragraph_words


# Elements that sit inside a line of text. In a sentence, a chrome class on one names a link or a
# word of it ("Presiden <a class=tag>Joko Widodo</a> meresmikan"), not a box beside the article.
INLINE_TAGS = frozenset(("a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em",
                         "font", "i", "kbd", "mark", "q", "s", "samp", "small", "span", "strong",
                         "sub", "sup", "time", "u", "var"))
_WORD = re.compile(r"\w")


def _in_running_text(el: HtmlElement) -> bool:
    """Whether an inline element is a word of a sentence: the run of text it is in (up to the
    block edges around it) holds words of its own, outside links and chrome, as a sentence does
    and a list of links, a label or a share button does not.

    >>> from lxml import html
    >>> p = html.fromstring('<div><p>Presiden <a class="tag">Joko</a> tiba.</p>'
    ...                     '<p><a class="tag">Politik</a> <a>Hukum</a></p></div>')
    >>> [_in_running_text(a) for a in p.iter("a")]
    [True, False, False]
    """
    if el.tag not in INLINE_TAGS:
        return False
    block = el.getparent()
    while block is not None and block.tag not in BLOCK_TAGS:
        block = block.getparent()
    return block is not None and any(_WORD.search(text) for text in _own_text(block, el))


def _own_text(parent: HtmlElement, skip: HtmlElement) -> Iterable[str]:
    """The pieces of text in a block's own run: not in blocks inside it, hidden elements, links,
    chrome, nor `skip`."""
    if parent.text:
        yield parent.text
    for child in parent:
        if (child is not skip and isinstance(child.tag, str) and child.tag != "a"
                and child.tag not in BLOCK_TAGS and child.tag not in HIDDEN_TAGS
                and not chrome_name(f"{child.get('class') or ''} {child.get('id') or ''}")):
            yield from _own_text(child, skip)
        if child.tail:
            yield child.tail


def _card_link_text(el: HtmlElement) -> str:
    """The text of a hover card's first link when the card sits inside a paragraph, else ""."""
    if not any(anc.tag == "p" for anc in el.iterancestors()):
        return ""
    link = next(el.iter("a"), None)
    return link.text_content() if link is not None else ""


# Lists of at least LINK_LIST_MIN_ITEMS items, every one holding a link: the candidates.
_LINK_LISTS = etree.XPath(f"//body//*[self::ul or self::ol][count(li) >= {LINK_LIST_MIN_ITEMS}]"
                          "[count(*) = count(li)][not(li[not(.//a)])]")


def strip_link_lists(tree: HtmlElement) -> list[Removal]:
    """Remove lists whose every item is a link and nothing else: menus and lists of other
    articles (trafilatura drops most menus too; removing them first keeps its fast mode on the
    article)."""
    removed = []
    for lst in _LINK_LISTS(tree):
        if lst.getparent() is None:
            continue
        ok = True
        for li in lst:
            size = len(li.text_content().strip())
            linked = sum(len(a.text_content().strip()) for a in li.iter("a"))
            if not size or linked < LINK_LIST_LINK_SHARE * size:
                ok = False
                break
        if ok:
            record = _removal("html/chrome-link-list", lst)
            if record:
                removed.append(record)
            _drop(lst)
    return removed


_STANDFIRST_CLASS = re.compile(r"(?i)(?:^|[\s_-])(?:sub-?head(?:line)?|subline|sub-?title|dek|deck|"
                               r"standfirst|strapline|article-?summary|summary|excerpt|lead-?in)"
                               r"(?:$|[\s_-])")
_HEADER_CLASS = re.compile(r"(?i)head")
STANDFIRST_MAX_WORDS = 80


def strip_standfirst(tree: HtmlElement) -> list[Removal]:
    """Remove the standfirst: the summary under the headline in the article's header block (an
    h2/h3 there, or an element classed as a dek, subtitle or summary); kept as a removal."""
    h1 = next(iter(tree.iter("h1")), None)
    if h1 is None:
        return []
    block = None
    node = h1.getparent()
    for _ in range(3):
        if node is None or node.tag in ("body", "article", "main"):
            break
        if node.tag == "header" or _HEADER_CLASS.search(node.get("class") or ""):
            block = node
            break
        node = node.getparent()
    scope = block if block is not None else h1.getparent()
    if scope is None:
        return []
    removed = []
    after = False
    for el in scope.iter(tag=etree.Element):
        if el is h1:
            after = True
            continue
        if not after or el.tag not in ("h2", "h3", "p", "div"):
            continue
        classed = bool(_STANDFIRST_CLASS.search(el.get("class") or ""))
        if not classed and not (block is not None and el.tag in ("h2", "h3")):
            continue
        words = _text_length(el)
        if _beside_paragraphs(el):
            # The article's text has begun: a summary there is its lead. Written as a bare
            # <div>, it is given as the paragraph it is, which the extractor keeps as text.
            if el.tag == "div" and not any(isinstance(c.tag, str) and c.tag in BLOCK_TAGS
                                           for c in el):
                el.tag = "p"
            break
        if 3 <= words <= STANDFIRST_MAX_WORDS:
            record = _removal("html/standfirst", el)
            if record:
                removed.append(record)
            _drop(el)
            break
    return removed


# Paragraphs of at least this many words beside a summary make it part of the article's text.
LEAD_PARAGRAPHS = 2
LEAD_PARAGRAPH_WORDS = 8


def _beside_paragraphs(el: HtmlElement) -> bool:
    """Whether an element's parent holds the article's paragraphs (outside the element): a summary
    in the same container as the text ("article__summary" beside "article__text") is the text's
    lead paragraph, where a standfirst sits in the headline's block, apart from the text."""
    parent = el.getparent()
    if parent is None:
        return False
    found = 0
    for paragraph in parent.iter("p"):
        if paragraph is el or any(a is el for a in paragraph.iterancestors()):
            continue
        if _text_length(paragraph) >= LEAD_PARAGRAPH_WORDS:
            found += 1
            if found >= LEAD_PARAGRAPHS:
                return True
    return False


def _metas(tree: HtmlElement) -> dict[str, str]:
    """Every <meta> content by lower-case property, name or itemprop; the first of each wins."""
    found: dict[str, str] = {}
    for meta in tree.iter("meta"):
        content = meta.get("content")
        if not content or not content.strip():
            continue
        for attr in ("property", "name", "itemprop"):
            key = (meta.get(attr) or "").strip().lower()
            if key and key not in found:
                found[key] = content.strip()
    return found


def _first(metas: dict[str, str], keys: Iterable[str]) -> str | None:
    for key in keys:
        if metas.get(key):
            return metas[key]
    return None


_ARTICLE_TYPES = re.compile(r"(?i)article|posting|report|blog")


def _json_ld(tree: HtmlElement) -> tuple[dict[str, Any], dict[str, dict]]:
    """The article object of a page's JSON-LD (schema.org NewsArticle and kin), if any, and
    every object that has an @id, by its @id (a Yoast @graph names its author and publisher
    by reference: `"author": {"@id": ...}`)."""
    article: dict[str, Any] = {}
    best: dict[str, Any] = {}
    nodes: dict[str, dict] = {}
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            # Not strict: CMSs write raw line breaks inside strings (an articleBody).
            data = json.loads(script.text, strict=False)
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                if "@graph" in item:
                    stack.append(item["@graph"])
                if isinstance(item.get("@id"), str) and len(item) > 1:
                    nodes.setdefault(item["@id"], item)
                kind = _ld_type(item)
                if not article and _ARTICLE_TYPES.search(kind) \
                        and ("headline" in item or "datePublished" in item):
                    article = item
                if not best and ("datePublished" in item or "author" in item):
                    best = item
    return article or best, nodes


def _ld_type(item: dict) -> str:
    kind = item.get("@type")
    return " ".join(map(str, kind)) if isinstance(kind, list) else str(kind or "")


def _ld_items(value: Any, nodes: dict[str, dict]) -> list[Any]:
    """A JSON-LD author or publisher value as a list of strings and objects, a reference
    (`{"@id": ...}`) replaced by the object of that @id."""
    items = value if isinstance(value, list) else [value]
    out = []
    for item in items:
        if isinstance(item, dict) and "name" not in item and isinstance(item.get("@id"), str):
            item = nodes.get(item["@id"], item)
        out.append(item)
    return out


def _ld_names(value: Any, nodes: dict[str, dict] | None = None) -> list[str]:
    """Names in a JSON-LD author or publisher value: a string, an object, a reference to one,
    or a list of them."""
    return [n for n, _ in _ld_named(value, nodes or {})]


def _ld_named(value: Any, nodes: dict[str, dict]) -> list[tuple[str, bool]]:
    """Each name in a JSON-LD author value, and whether an organisation bears it."""
    out = []
    for item in _ld_items(value, nodes):
        if isinstance(item, str) and item.strip():
            out.append((item, False))
        elif isinstance(item, dict) and isinstance(item.get("name"), str) and item["name"].strip():
            out.append((item["name"], "organization" in _ld_type(item).lower()))
    return out


def _first_text(tree: HtmlElement, tag: str) -> str | None:
    """The text of the first element of this tag that has any (the headline: h1)."""
    for element in tree.iter(tag):
        text = _element_text(element)
        if text:
            return text
    return None


# Elements marked as a byline by a class token: "byline", "ap-story-byline", "byline-name".
_BYLINE_TOKEN = re.compile(r"(?i)(?:^|[\s_-])by-?line(?:$|[\s_-])")
# Elements marked as the author's name by a class token: "author", "authors", "byline__author",
# "sdc-article-author__name", "author-name" (not "author-bio" or "author__link").
_AUTHOR_TOKEN = re.compile(r"(?i)(?:^|\s)[\w-]*authors?(?:[_-]+name)?(?:$|\s)")
# Bylines are short: a longer run is a sentence or a block of them. A block that holds a byline
# of its own ("Researched by: A, B") is one of these tags.
_BYLINE_CHARS = 80
_BYLINE_BLOCKS = frozenset(("p", "li", "dd"))


@dataclass
class _Marked:
    """A page's elements that may hold its byline, in page order, found in one walk."""

    rel: list[HtmlElement] = field(default_factory=list)          # rel=author, itemprop=author
    byline: list[HtmlElement] = field(default_factory=list)       # classed as a byline
    author: list[HtmlElement] = field(default_factory=list)       # classed as the author
    labelled: list[HtmlElement] = field(default_factory=list)     # a block a label opens


def _marked(tree: HtmlElement) -> _Marked:
    """The elements of a page's body that may hold its byline: one walk over the tree, where
    an XPath per kind with a regular expression cost every page a millisecond or two."""
    found = _Marked()
    body = tree.find(".//body") if tree.tag != "body" else tree
    if body is None:
        return found
    for el in body.iterdescendants(etree.Element):
        if el.get("rel") == "author" or el.get("itemprop") == "author":
            found.rel.append(el)
        classes = el.get("class")
        if classes:
            lowered = classes.lower()
            if "line" in lowered and _BYLINE_TOKEN.search(classes):
                found.byline.append(el)
            if "author" in lowered and _AUTHOR_TOKEN.search(classes):
                found.author.append(el)
        if el.tag in _BYLINE_BLOCKS:
            lead = el.text if el.text and el.text.strip() else (el[0].text if len(el) else None)
            if lead and opens_with_label(lead.lstrip()):
                found.labelled.append(el)
    return found


def _author_elements(tree: HtmlElement) -> list[str]:
    """The visible bylines marked as such, best first: rel=author or itemprop=author; an
    element classed as a byline whose first run opens with a label ("By ..."); an element
    classed as the author that holds only names; the run after the headline when a label
    opens it; blocks a label and its colon open ("Researched by: A", "Edited by: B")."""
    marked = _marked(tree)
    found = []
    for el in marked.rel[:3]:
        text = _element_text(el)
        if text and len(text) < _BYLINE_CHARS:
            found.append(text)
            break
    for el in marked.byline[:3]:
        # Only its first run, and only if a label opens it ("By A and B"): a byline block goes
        # on with the desk, the agency or the date, which are no authors. Its elements' edges
        # part the names ("<a>A</a><span>Monday</span>" is no "A Monday").
        text = _byline_head(next(iter(text_runs(el, inline_edge=" | ")), ""))
        if text and opens_with_label(text):
            found.append(text)
            break
    for el in marked.author[:6]:
        # No label here: names alone are the byline ("Lisa Kaczke and Trevor J. Mitchell"),
        # where a link to the author's page ("View author archive") is not. The innermost
        # such element: its wrapper goes on with the job and the handle.
        text = _element_text(el)
        if text and len(text) < _BYLINE_CHARS and names_only(text) and not any(
                _AUTHOR_TOKEN.search(d.get("class") or "")
                for d in el.iterdescendants(etree.Element)):
            found.append(text)
            break
    after = _after_headline(tree)
    if after is not None:
        text = _byline_head(next(iter(text_runs(after, inline_edge=" | ")), ""))
        if text and opens_with_label(text):
            found.append(text)
    labelled = [text for el in marked.labelled
                if len(text := _element_text(el)) < _BYLINE_CHARS
                and opens_with_label_colon(text) and names_only(text)]
    if labelled:
        # "Researched by: A" and "Edited by: B" are blocks of their own: one byline.
        found.append(" | ".join(dict.fromkeys(labelled[:3])))
    return found


def _byline_head(run: str) -> str:
    """A byline run without the separators at its start; a long one (the date and the place
    after the names, a <br> away) cut at its last element edge within a byline's length,
    when names alone are left."""
    run = run.lstrip(" |")
    if len(run) < _BYLINE_CHARS:
        return run
    head = run[:_BYLINE_CHARS].rpartition(" | ")[0].rstrip(" |")
    return head if head and names_only(head) else ""


def _after_headline(tree: HtmlElement) -> HtmlElement | None:
    """The element after the page's first <h1>, where a byline without a class stands."""
    headline = next(tree.iter("h1"), None)
    after = headline.getnext() if headline is not None else None
    while after is not None and not isinstance(after.tag, str):      # a comment
        after = after.getnext()
    return after


# Text nodes of a page's body that hold a given name.
_NAME_TEXT = etree.XPath("//body//text()[contains(., $name)]")
# The first places a name stands that are looked at, and how many inline elements up from
# each: a byline's names stand in links and spans inside its block ("<p>By <span><a><span>A").
_NAME_PLACES = 4
_BYLINE_DEPTH = 5


def _byline_naming(tree: HtmlElement, name: str) -> str | None:
    """The visible byline that names a person, a label opening it ("By Stefan Becket, Kathryn
    Watson, Grace Segers"): the first run of the element that holds the name, or of an element
    around it up to its block. One XPath in C, where the walk of _author_elements costs a
    millisecond a page."""
    for node in _NAME_TEXT(tree, name=name)[:_NAME_PLACES]:
        el = node.getparent()
        if el is not None and node.is_tail:
            el = el.getparent()
        for _ in range(_BYLINE_DEPTH):
            if el is None or el.tag in _SKIP_TAGS or el.tag in HIDDEN_TAGS:
                break
            run = _byline_head(next(iter(text_runs(el, inline_edge=" | ")), ""))
            if name in run and opens_with_label(run):
                return run
            if el.tag in BLOCK_TAGS:
                break
            el = el.getparent()
    return None


def _htmldate(tree: HtmlElement) -> list[str]:
    """The date htmldate finds in a page's visible text (a day, no time), for pages without a
    machine-readable one."""
    try:
        from htmldate import find_date

        found = find_date(tree, extensive_search=False, original_date=True)
    except Exception:  # htmldate is a best-effort fallback; its failure is no date
        return []
    return [found] if found else []


def page_metadata(tree: HtmlElement) -> dict[str, Any]:
    """What a page states about its article, before extraction: title, headline, dates, bylines,
    publishers, site name, canonical url, section; raw values, cleaned later by html_meta."""
    metas = _metas(tree)
    ld, nodes = _json_ld(tree)
    hints = page_hints(tree)
    dates = []
    # The first date tag is the date; the others may tell its time or its offset (html_meta.
    # page_date).
    tagged = [metas[key] for key in _DATE_META if metas.get(key)]
    if tagged:
        dates.append(tagged[0])
    if isinstance(ld.get("datePublished"), str):
        dates.append(ld["datePublished"])
    for time_el in tree.iter("time"):
        if time_el.get("datetime"):
            dates.append(time_el.get("datetime").strip())
            break
    dates = [_SLASH_DATE.sub(r"\1-\2-\3", d) for d in dates]
    if not dates:
        dates = _htmldate(tree)
    # Bylines, best first: the meta author tag, the JSON-LD authors, the visible bylines.
    # Each is only a candidate: the first that names a person gives the authors (html_meta.
    # page_authors); a JSON-LD author that is an organisation is the publisher.
    bylines = []
    author = _first(metas, ("author", "article:author", "dtk:author", "content_author",
                            "parsely-author", "sailthru.author", "byl", "dc.creator"))
    if author and not author.startswith(("http://", "https://")):
        bylines.append(author)
    named = _ld_named(ld.get("author"), nodes)
    persons = [name for name, organization in named if not organization]
    if persons:
        bylines.append("; ".join(persons))
    naming = next((byline for byline in bylines if may_name_person(byline)), None)
    if naming is None:
        # Only then the visible bylines: finding them walks the whole page.
        bylines.extend(_author_elements(tree))
    elif (person := sole_person(naming)) is not None:
        # One person named: the visible byline may name co-authors beside them.
        visible = _byline_naming(tree, person)
        if visible:
            bylines.append(visible)
    publisher = _ld_names(ld.get("publisher"), nodes)
    publishers = publisher + [name for name, organization in named if organization]
    if metas.get("copyright"):
        publishers.append(metas["copyright"])
    section = _first(metas, ("article:section", "content_category", "dtk:kanal")) \
        or (ld.get("articleSection") if isinstance(ld.get("articleSection"), str) else None)
    return {
        "title": _first(metas, ("og:title", "twitter:title")) or
                 (ld.get("headline") if isinstance(ld.get("headline"), str) else None) or
                 _first_text(tree, "title"),
        "page_title": _first_text(tree, "title"),
        "headline": _first_text(tree, "h1"),
        "dates": dates,
        "more_dates": tagged[1:],
        "bylines": bylines,
        "publishers": publishers,
        "sitename": hints["sitename"] or (publisher[0] if publisher else None),
        "publisher": metas.get("publisher"),
        "url": hints["url"],
        "description": _first(metas, ("og:description", "description")),
        "category": section,
    }


def has_prose(text: str) -> bool:
    """True when some line of the text reads as a sentence, not a menu item or a label.

    >>> has_prose("Beranda\\nKontak"), has_prose("Harga beras turun lagi pekan ini di Jakarta.")
    (False, True)
    >>> has_prose("パソコンでそのまま読みたい時もあります。今回はそのデスクトップアプリに関する話です。")
    True
    """
    return any(len(line.split()) >= MIN_PROSE_WORDS or len(line.strip()) >= MIN_PROSE_CHARS
               for line in text.split("\n"))


def looks_like_menu(text: str) -> bool:
    """True for extracted text that is mostly short lines, as a site menu is, not an article.

    >>> looks_like_menu("\\n".join(["Home", "News", "Contact us", "About"] * 5))
    True
    >>> looks_like_menu("A sentence of an article that runs on for a while.\\n" * 20)
    False
    """
    lines = [ln for ln in text.split("\n") if ln.strip()]
    if len(lines) < MENU_MIN_LINES:
        return False
    short = sum(1 for ln in lines if len(ln.split()) < 5)
    return short >= MENU_SHORT_SHARE * len(lines)


def extract_article(tree: HtmlElement, url: str | None = None,
                    site_selectors: Iterable[str] = (), site_rule: str = "site/html-strip",
                    chrome: bool = True) -> Extraction:
    """Strip a parsed page and extract its main text with trafilatura; metadata is read first."""
    meta = page_metadata(tree)
    flags: list[dict] = []
    removed = strip_selectors(tree, site_selectors, site_rule, flags) if site_selectors else []
    if chrome:
        removed.extend(strip_standfirst(tree))
        removed.extend(strip_chrome(tree))
        removed.extend(strip_link_lists(tree))
    # The page's text as the extractor gets it: what the extraction then lacks is recorded.
    runs = page_runs(tree)
    try:
        text = _trafilatura_text(tree, url, fast=True)
        if len(text) < MIN_FAST_CHARS or looks_like_menu(text):
            # Too short, or a menu rather than an article: let trafilatura compare its
            # extraction with its fallbacks (readability, jusText), as its default mode does.
            slow_text = _trafilatura_text(tree, url, fast=False)
            if slow_text and (len(text) < MIN_FAST_CHARS or not looks_like_menu(slow_text)):
                text = slow_text
    except RecursionError:
        raise PageError("markup nested too deeply to extract") from None
    except (ValueError, TypeError, AttributeError, etree.LxmlError, json.JSONDecodeError) as exc:
        raise PageError(f"extraction failed: {type(exc).__name__}: {exc}") from None
    if not has_prose(text):
        raise PageError(no_article_reason(removed))
    return Extraction(text=text, meta=meta, removed=removed, flags=flags, runs=runs)


# Stripped text reads as prose when it holds a sentence: this many characters, then its end.
_SENTENCE = re.compile(r"\w[^.!?。！？]{%d,}[.!?。！？](?:\s|$)" % MIN_PROSE_CHARS)


def no_article_reason(removed: Iterable[Removal]) -> str:
    """Why a page gives no article: none found, or none left once stripping took the part of
    it that reads as prose (the most such text, from one rule), which the reason names.

    >>> menu = _cut_short("html/chrome-link-list", "Beranda Berita Kontak", "html-strip")
    >>> no_article_reason([menu])
    'no article text found in the page'
    >>> reason = no_article_reason([menu, _cut_short("html/chrome-sidebar", "Judul. Isi berita "
    ...                             "yang panjang dimulai di sini, kata dia.", "html-strip")])
    >>> reason[reason.index(":"):]
    ": html/chrome-sidebar took text that reads as prose ('Judul. Isi berita yang panjang dimulai di sini, kata dia.')"
    """
    prose = [r for r in removed if r.action == "html-strip" and _SENTENCE.search(r.text)]
    if not prose:
        return "no article text found in the page"
    largest = max(prose, key=lambda r: len(r.text))
    text = largest.text if len(largest.text) <= 80 else largest.text[:80] + " …"
    return (f"no article text found in the page once it was stripped: {largest.rule} took "
            f"text that reads as prose ({text!r})")


def not_extracted(extraction: Extraction, text: str) -> list[Removal]:
    """The page's text runs that `text` (the extraction as the text stages get it, title line
    and all) does not hold, as removals of EXTRACTOR_RULE."""
    return [_cut_short(EXTRACTOR_RULE, run, "html-extract")
            for run in left_out(extraction.runs, text)]


def _trafilatura_text(tree: HtmlElement, url: str | None, fast: bool) -> str:
    """trafilatura's main text of a parsed page ("" when it finds none)."""
    from trafilatura import bare_extraction

    doc = bare_extraction(tree, url=url, include_comments=False, include_tables=True, fast=fast)
    return (getattr(doc, "text", None) or "") if doc is not None else ""
