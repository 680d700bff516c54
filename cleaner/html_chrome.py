"""Page chrome out of a parsed page before extraction: site pack selectors, share bars, related lists and sidebars by class or id, link lists, the standfirst."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Iterable
from urllib.parse import urljoin, urlsplit

import re2
from lxml import etree
from lxml.html import HtmlElement

from cleaner.chrome_classes import COMPONENT_ATTRIBUTES, component_words
from cleaner.document import Removal, cut_short
from cleaner.html_left_out import BLOCK_TAGS, HIDDEN_TAGS, text_runs
from cleaner.html_load import _flag, xml_text
from cleaner.identify import url_host
from cleaner.lexicon import phrase_words
from cleaner.page_bylines import opens_with_label, page_words

# A generic chrome selector never takes an element holding more than this share of the page's
# text: a "share" or "related" class on the article's own wrapper must not empty the page.
CHROME_MAX_SHARE = 0.25
# A list of this many items or more, each item's text this share link text, lists other articles.
LINK_LIST_MIN_ITEMS = 3
# ... unless a sentence of the article, of this many words or more and ending in a colon,
# introduces it ("Berikut situs resmi yang dapat digunakan:"): a label ("Baca juga:", "Related:")
# is shorter.
INTRODUCING_WORDS = 6
LINK_LIST_LINK_SHARE = 0.9

def _element_text(el: HtmlElement) -> str:
    """An element's text, its runs of spaces as one; a <br> parts the text on either side of
    it ("Penulis: Budi Santoso<br>Editor: Andi" is no "SantosoEditor")."""
    return " ".join(_element_lines(el))


# Where a <br> stood in an element's text (no text node holds a NUL: XML has none).
_BREAK = "\0"


def _element_lines(el: HtmlElement) -> list[str]:
    """An element's text in the lines its <br>s make, each with its runs of spaces as one; no
    empty line."""
    if el.find(".//br") is None:
        text = " ".join("".join(el.itertext()).split())
        return [text] if text else []
    pieces: list[str] = []
    for event, node in etree.iterwalk(el, events=("start", "end", "comment", "pi")):
        if event == "start":
            if node.tag == "br":
                pieces.append(_BREAK)
            elif node.text:
                pieces.append(node.text)
            continue
        # The text after an element (or a comment) is its parent's.
        if node.tail and node is not el:
            pieces.append(node.tail)
    lines = (" ".join(line.split()) for line in "".join(pieces).split(_BREAK))
    return [line for line in lines if line]


def _removal(rule: str, el: HtmlElement, kept: str = "") -> Removal | None:
    """A removal record for an element: its visible text (no script or style) but for the text
    `kept` in its place, cut short; its blocks' texts and lines parted by a space, as a reader
    sees them (joined, a menu's items read "HomeNewsSport": one word in the counts)."""
    text = " ".join(text_runs(el))
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
            prev.tail = xml_text((prev.tail or "") + tail)
        else:
            parent.text = xml_text((parent.text or "") + tail)
    parent.remove(el)


def _strip(rule: str, el: HtmlElement, removed: list[Removal], keep: str = "") -> None:
    """Remove an element as _drop does, recording what it held under `rule` in `removed`
    (nothing where it held no visible text but `keep`)."""
    record = _removal(rule, el, keep)
    if record:
        removed.append(record)
    _drop(el, keep)


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
            _strip(f"{rule}:{selector}", el, removed)
    return removed


_CLASS_AND_ID = etree.XPath("//body//@class | //body//@id | "
                             + " | ".join(f"//body//@{name}" for name in COMPONENT_ATTRIBUTES))
_SKIP_TAGS = frozenset({"html", "body", "head", "main", "article"})


def chrome_name(attribute: str) -> str | None:
    """The chrome group a class attribute or id belongs to, by whole tokens: the markup's
    English words (chrome_classes.CHROME_TOKENS) and the class words of the packs being read
    with (page_words).

    >>> chrome_name("entry-share share-bar"), chrome_name("shared-content"), chrome_name("baca-juga")
    ('share', None, 'related')
    """
    return page_words().chrome.group(attribute)


def _text_length(el: HtmlElement) -> int:
    return len(etree.tostring(el, method="text", encoding=str, with_tail=False).split())


def strip_chrome(tree: HtmlElement) -> list[Removal]:
    """Remove generic page chrome (share bars, related lists, comments, tag lists, newsletter and
    app prompts) found by class or id, never an element holding much of the page's text or its
    article, nor a word of a sentence."""
    candidates = []
    seen: set = set()
    for value in _CLASS_AND_ID(tree):
        # (a component's name read as class words: "AuthorBio" is `author-bio`)
        name = chrome_name(value if value.attrname in ("class", "id") else component_words(value))
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
        dropped.add(el)
        _strip(f"html/chrome-{name}", el, removed, keep)
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


def _alone_in_run(el: HtmlElement) -> bool:
    """Whether an element is a run of text of its own: a block, or an inline element with no
    words beside it up to the block edges around it (its parent's other inline text, as far as
    the nearest blocks, is outside links and chrome no words).

    >>> from lxml import html
    >>> div = html.fromstring('<div><p>Isi berita.</p><b>Tags: <a>x</a></b><p>Lalu</p>'
    ...                       '<span>Kata <i>dia</i> kemarin</span></div>')
    >>> _alone_in_run(div.find("b")), _alone_in_run(div.find("span").find("i"))
    (True, False)
    """
    if el.tag not in INLINE_TAGS:
        return True
    while True:
        parent = el.getparent()
        if parent is None:
            return True
        if _words_beside(parent, el):
            return False
        if parent.tag in BLOCK_TAGS:
            return True
        el = parent


def _words_beside(parent: HtmlElement, el: HtmlElement) -> bool:
    """Whether the run of a parent's own text that holds its child `el` (between the block
    children around it) has words outside `el`, links and chrome."""
    pieces: list[str] = [parent.text or ""]
    found = False
    for child in parent:
        if child is el:
            found = True
        elif isinstance(child.tag, str) and child.tag in BLOCK_TAGS:
            if found:
                break
            pieces.clear()              # a block edge: the run starts again after it
        elif (isinstance(child.tag, str) and child.tag != "a" and child.tag not in HIDDEN_TAGS
              and not chrome_name(f"{child.get('class') or ''} {child.get('id') or ''}")):
            pieces.extend(_own_text(child, el))
        pieces.append(child.tail or "")
    return any(_WORD.search(piece) for piece in pieces)


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
    article). A list the article introduces (_introduced_list) stays, its links made plain
    text: trafilatura dropped it as a list of links."""
    removed: list[Removal] = []
    for lst in _LINK_LISTS(tree):
        if lst.getparent() is None:
            continue
        if _introduced_list(lst):
            for link in list(lst.iter("a")):
                link.drop_tag()
            continue
        ok = True
        for li in lst:
            size = len(li.text_content().strip())
            linked = sum(len(a.text_content().strip()) for a in li.iter("a"))
            if not size or linked < LINK_LIST_LINK_SHARE * size:
                ok = False
                break
        if ok:
            _strip("html/chrome-link-list", lst, removed)
    return removed


_STANDFIRST_CLASS = re.compile(r"(?i)(?:^|[\s_-])(?:sub-?head(?:line)?|subline|sub-?title|dek|deck|"
                               r"standfirst|strapline|article-?summary|summary|excerpt|lead-?in)"
                               r"(?:$|[\s_-])")
_HEADER_CLASS = re.compile(r"(?i)head")
STANDFIRST_MAX_WORDS = 80


def _headline(tree: HtmlElement) -> HtmlElement | None:
    """The page's headline: its first <h1> that is not a logo (a few words, all of them a
    link's: wsj.com's masthead <h1> holds the links "The Wall Street Journal" and "Opinion")."""
    first = None
    for h1 in tree.iter("h1"):
        first = first if first is not None else h1
        words = _text_length(h1)
        linked = sum(_text_length(a) for a in h1.iter("a"))
        if words and not (linked >= words and words <= LOGO_WORDS):
            return h1
    return first


# A masthead's <h1> holds the site's name, maybe a section's, as links: this many words at most.
LOGO_WORDS = 6
# How far after the headline, in elements, a standfirst outside its block is looked for.
STANDFIRST_REACH = 60


def strip_standfirst(tree: HtmlElement) -> list[Removal]:
    """Remove the standfirst: the summary under the headline in the article's header block (an
    h2/h3 there, or an element classed as a dek, subtitle or summary), else an element so
    classed that follows the headline before the article's paragraphs (moneycontrol.com's
    <h2 class="subhead"> in the article's box, the headline in a section above it); kept as a
    removal."""
    h1 = _headline(tree)
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
    removed: list[Removal] = []
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
            _strip("html/standfirst", el, removed)
            break
    if not removed and not _text_began(scope, h1):
        removed = _classed_standfirst_after(h1)
    return removed


def _text_began(scope: HtmlElement, h1: HtmlElement) -> bool:
    """Whether the headline's own block holds the article's paragraphs after it (the text has
    begun there: nothing further on is a standfirst)."""
    seen = False
    for el in scope.iter(tag=etree.Element):
        if el is h1:
            seen = True
        elif seen and el.tag == "p" and _text_length(el) >= LEAD_PARAGRAPH_WORDS:
            return True
    return False


def _classed_standfirst_after(h1: HtmlElement) -> list[Removal]:
    """An element classed as a standfirst (_STANDFIRST_CLASS) among the STANDFIRST_REACH
    elements after the headline, before the article's first paragraph, stripped; none where
    it stands beside the paragraphs (a lead, _beside_paragraphs)."""
    inside = set(h1.iter())
    reach = 0
    for el in _after(h1):
        if el in inside:
            continue
        reach += 1
        if reach > STANDFIRST_REACH:
            break
        classed = el.tag in ("h2", "h3", "p", "div") and \
            bool(_STANDFIRST_CLASS.search(el.get("class") or ""))
        words = _text_length(el) if el.tag in ("h2", "h3", "p", "div") else 0
        if classed and 3 <= words <= STANDFIRST_MAX_WORDS:
            if _beside_paragraphs(el):
                return []
            removed: list[Removal] = []
            _strip("html/standfirst", el, removed)
            return removed
        if el.tag == "p" and words >= LEAD_PARAGRAPH_WORDS:
            return []               # (the article's text has begun)
    return []


def _after(el: HtmlElement):
    """The elements after `el` in document order (its own descendants first)."""
    found = False
    for node in el.getroottree().iter(tag=etree.Element):
        if node is el:
            found = True
        elif found:
            yield node


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


# A tag list's label ("Tags", "Tagged with:", "Topik terkait") is at most this many words.
TAG_LABEL_WORDS = 3
_TAG_LINKS = etree.XPath("//body//a[contains(concat(' ', normalize-space(@rel), ' '), ' tag ')]"
                         "[not(contains(concat(' ', normalize-space(@rel), ' '), ' category '))]")


def _tag_rel(rel: str | None) -> bool:
    """Whether a link's rel marks a tag, not a category: a category line ("Filed under: <a
    rel='category tag'>Politics</a>") names the article's section, which the text rules read
    into meta.category.

    >>> _tag_rel("tag"), _tag_rel("category tag"), _tag_rel(None)
    (True, False, False)
    """
    words = (rel or "").split()
    return "tag" in words and "category" not in words


def strip_tag_links(tree: HtmlElement) -> list[Removal]:
    """Remove the lists of links marked rel=tag (a post's tags; not its categories) that carry
    no chrome class: the largest element around them holding only a short label, then the tag
    links parted by punctuation ("<strong>Tags<br><a rel=tag>x</a>, <a rel=tag>y</a></strong>").
    A tag link inside a sentence stays."""
    links = _TAG_LINKS(tree)
    if not links:
        return []
    body = tree.find("body")
    root = body if body is not None else tree
    total = _text_length(root) or 1
    article = _ArticleMarks(root)
    removed: list[Removal] = []
    # Each element is judged once, and the links of a box judged are not looked at again: a
    # tag cloud of thousands of links, judged again from each of its links, cost a walk of
    # the cloud per link (2,000 links took the page past its 5 s).
    judged: dict[HtmlElement, bool] = {}
    handled: set[HtmlElement] = set()
    for link in links:
        if link in handled or not _attached(link, tree):
            continue                # in a list already judged or removed
        box = _tag_box(link, judged)
        if box is None:
            continue
        handled.update(box.iter("a"))
        if (_text_length(box) > CHROME_MAX_SHARE * total
                or article.held_by(box) or not _alone_in_run(box)):
            continue
        tail = _after_closing_tags(box)
        _strip("html/chrome-tags", box, removed)
        for el in tail:
            _strip("html/chrome-after-tags", el, removed)
    return removed


# What follows a tag list that closes an article (a comment section's notice, "Comments that
# ... will not be approved by the moderator") is at most this many words.
AFTER_TAGS_WORDS = 40


def _after_closing_tags(box: HtmlElement) -> list[HtmlElement]:
    """The notices after a tag list in its parent (_notice), when the list closes the article
    there (the parent holds LEAD_PARAGRAPHS paragraphs of a sentence's length before it) and what
    follows it is short (AFTER_TAGS_WORDS words at most, no heading): the page's chrome after
    its article. Anything else there (the article's last paragraph, its byline) stays."""
    parent = box.getparent()
    if parent is None or (box.tail or "").strip():
        return []
    before = 0
    for el in box.itersiblings(preceding=True):
        if isinstance(el.tag, str):
            before += sum(1 for p in el.iter("p") if _text_length(p) >= LEAD_PARAGRAPH_WORDS)
    if before < LEAD_PARAGRAPHS:
        return []
    after = [el for el in box.itersiblings() if isinstance(el.tag, str)
             and el.tag not in HIDDEN_TAGS]
    words = sum(_text_length(el) for el in after)
    if not words or words > AFTER_TAGS_WORDS or any((el.tail or "").strip() for el in after):
        return []
    if any(next(el.iter("h1", "h2", "h3", "article"), None) is not None for el in after):
        return []
    return [el for el in after if _notice(el)]


def strip_comment_notices(tree: HtmlElement) -> list[Removal]:
    """Remove a comment section's notice that closes an article without a tag list before it
    (autoracing.com.br's "ATENÇÃO: Comentários ... não serão aprovados pelo moderador." as the
    last paragraph of the article's block, the comments' <div> after the block): a short block
    (AFTER_TAGS_WORDS words at most, no block inside) that says a phrase of the packs'
    comment_phrases and is a notice (_notice), after LEAD_PARAGRAPHS paragraphs of a
    sentence's length in its parent and before any other; kept as html/chrome-comments."""
    phrases = page_words().comment_phrases
    body = tree.find("body")
    if not phrases or body is None or _phrases_pattern(tuple(phrases)).search(
            etree.tostring(body, method="text", encoding=str)) is None:
        return []           # (most pages: one search of the page's text, no element read)
    removed: list[Removal] = []
    for el in _phrase_holders(tree, frozenset(phrase[-1] for phrase in phrases)):
        if not _attached(el, tree):
            continue
        text = _element_text(el)
        if not text or len(text.split()) > AFTER_TAGS_WORDS or \
                not _holds_phrase(text, phrases) or not _notice(el):
            continue
        parent = el.getparent()
        if parent is None or _long_paragraphs(el.itersiblings()) or \
                _long_paragraphs(el.itersiblings(preceding=True)) < LEAD_PARAGRAPHS:
            continue
        _strip("html/chrome-comments", el, removed)
    return removed


def _phrase_holders(tree: HtmlElement, ends: frozenset[str]) -> list[HtmlElement]:
    """The blocks with no block inside (p, div, small, span) around the text that holds one of
    `ends` (phrases' last words), in any case: each text and tail is searched once, as reading
    every block's words took 2 ms a page."""
    search = _ends_pattern(ends).search
    found: list[HtmlElement] = []
    for node in tree.iter(etree.Element):
        # (a script's or a style's text is none of the page's, and can be most of its bytes)
        text = node.text if node.tag not in HIDDEN_TAGS else None
        in_text = bool(text and search(text))
        if not in_text and not (node.tail and search(node.tail)):
            continue
        el = node if in_text else node.getparent()      # (a tail is its parent's text)
        while el is not None and (el.tag not in ("p", "div", "small", "span") or any(
                isinstance(c.tag, str) and c.tag in BLOCK_TAGS for c in el)):
            el = el.getparent() if el.tag not in ("body", "html") else None
        if el is not None and el not in found:
            found.append(el)
    return found


@lru_cache(maxsize=4)
def _phrases_pattern(phrases: tuple[tuple[str, ...], ...]) -> Any:
    """A pattern finding any of the phrases (by their words) in a text, on RE2: where it finds
    none, no element of the page says one."""
    return re2.compile("(?i:" + "|".join(r"\W+".join(map(re2.escape, words))
                                         for words in phrases) + ")")


@lru_cache(maxsize=4)
def _ends_pattern(ends: frozenset[str]) -> Any:
    """A pattern finding one of `ends`, in any case, on RE2 (a page's every text is searched:
    Python's re took 5 ms a page)."""
    return re2.compile("(?i:" + "|".join(re2.escape(end) for end in sorted(ends)) + ")")


def _long_paragraphs(elements) -> int:
    """How many paragraphs of a sentence's length the elements hold, themselves or inside."""
    return sum(1 for el in elements if isinstance(el.tag, str)
               for p in el.iter("p") if _text_length(p) >= LEAD_PARAGRAPH_WORDS)


# Quotation marks: a note holding one quotes someone, as the article's text does.
_QUOTE = re.compile("[\"“”„«»「」]")


def _notice(el: HtmlElement) -> bool:
    """Whether an element after a closing tag list is the page's notice, not the article's: it
    carries a comment section's class or id, or says a phrase of the packs' consent_phrases
    ("we use cookies") or comment_phrases ("comments are moderated"), and holds no quotation
    and no byline label at its start ("Penulis: Budi Santoso" and "..., kata Menteri PUPR."
    stay)."""
    text = _element_text(el)
    if not text or _QUOTE.search(text) or opens_with_label(text):
        return False
    if any(chrome_name(f"{node.get('class') or ''} {node.get('id') or ''}") == "comments"
           for node in el.iter(etree.Element)):
        return True
    words = page_words()
    return _holds_phrase(text, words.consent_phrases) or \
        _holds_phrase(text, words.comment_phrases)


def _holds_phrase(text: str, phrases: dict[tuple[str, ...], str]) -> bool:
    """Whether a text says one of the phrases (by their words, phrase_words) as whole words.

    >>> _holds_phrase("Ya, we use cookies here.", {("we", "use", "cookies"): "we use cookies"})
    True
    >>> _holds_phrase("We used cookies", {("we", "use", "cookies"): "we use cookies"})
    False
    """
    said = f" {' '.join(phrase_words(text))} "
    return any(f" {' '.join(phrase)} " in said for phrase in phrases)


def _tag_box(link: HtmlElement, judged: dict[HtmlElement, bool]) -> HtmlElement | None:
    """The largest element around a tag link that is a tag list (_is_tag_list), below the body;
    None when the link's parent is none (the link is a word of a sentence). `judged` holds the
    verdicts on elements already walked, and gets this walk's."""
    box = None
    el = link.getparent()
    while el is not None and el.tag not in _SKIP_TAGS:
        verdict = judged.get(el)
        if verdict is None:
            verdict = judged[el] = _is_tag_list(el)
        if not verdict:
            break
        box, el = el, el.getparent()
    return box


def _is_tag_list(el: HtmlElement) -> bool:
    """Whether an element's visible text is a label of at most TAG_LABEL_WORDS words, then tag
    links with nothing but punctuation between and after them.

    >>> from lxml import html
    >>> box = html.fromstring('<p>Tags: <a rel="tag">banjir</a>, <a rel="tag">bmkg</a></p>')
    >>> said = html.fromstring('<p>Hujan di <a rel="tag">Jakarta</a> reda sore ini.</p>')
    >>> _is_tag_list(box), _is_tag_list(said)
    (True, False)
    """
    label_words = 0
    in_list = False
    for piece, tagged in _tagged_text(el):
        if tagged:
            in_list = True
        elif in_list and _WORD.search(piece):
            return False
        elif not in_list:
            label_words += len(piece.split())
            if label_words > TAG_LABEL_WORDS:
                return False
    return in_list


def _tagged_text(el: HtmlElement) -> Iterable[tuple[str, bool]]:
    """An element's visible text pieces in order, each with whether a rel=tag link holds it."""
    walker = etree.iterwalk(el, events=("start", "end", "comment", "pi"))
    depth = 0                   # how many rel=tag links the walk is inside
    for event, node in walker:
        tagged = node.tag == "a" and _tag_rel(node.get("rel"))
        if event == "start":
            depth += tagged
            if node.tag in HIDDEN_TAGS:
                walker.skip_subtree()       # its end still comes, with its tail
            elif node.text:
                yield node.text, depth > 0
            continue
        if event == "end":
            depth -= tagged
        # The text after an element (or a comment) is its parent's.
        if node.tail and node is not el:
            yield node.tail, depth > 0


# An element a page marks as its date (schema.org's itemprop) that is this short is a stamp.
DATE_STAMP_WORDS = 12
_DATE_STAMPS = etree.XPath("//body//*[@itemprop='datePublished' or @itemprop='dateModified' "
                           "or @itemprop='dateCreated'][normalize-space()]")


def strip_date_stamps(tree: HtmlElement) -> list[Removal]:
    """Remove the visible dates a page marks as its publication or update date (itemprop
    datePublished and kin: "<span itemprop=datePublished>segunda-feira, 22 de janeiro de 2018
    às 0:13</span>"), read into meta.date from the page's metadata; a marked date inside a
    sentence stays. Call only when the page's metadata holds a date: in any language the text
    rules may not read, the stamp would otherwise be lost as text and as date."""
    removed: list[Removal] = []
    for el in _DATE_STAMPS(tree):
        if (el.tag in _SKIP_TAGS or not _attached(el, tree)
                or _text_length(el) > DATE_STAMP_WORDS or not _alone_in_run(el)):
            continue
        _strip("html/chrome-date", el, removed)
    return removed


# A related story's link alone in a paragraph, in capitals ("<p><strong><a href=/politics/mayor-
# says-…>MAYOR SAYS BUDGET WILL NOT RAISE TAXES</a></strong></p>", as foxnews.com and foxbusiness.com put them
# between an article's paragraphs): a headline of at least this many words.
CAPS_LINK_WORDS = 4
# The path of an article: this many segments ("/politics/budget-plan"), or one slug of this many
# words ("/budget-plan-draws-critics/"); "/apps-products" and the home page are none.
ARTICLE_PATH_SEGMENTS = 2
ARTICLE_SLUG_WORDS = 3
_SLUG_PARTS = re.compile(r"[-_.]+")
# A file's name: an extension that is not a web page's.
_FILE = re.compile(r"(?i)\.(?!(?:s?html?|php\d?|aspx?|jsp|cfm|cms)$)[a-z0-9]{2,5}$")


def strip_caps_related(tree: HtmlElement, page_url: str | None) -> list[Removal]:
    """Remove the paragraphs whose whole text is one link, written in capitals, to another
    article of the page's own site (_site_article): a related story's headline set between the
    article's paragraphs; kept as removals of html/chrome-related-link. A link to another site
    ("CLICK FOR FULL STATE SWIM RESULTS") stays: it may be the article's own source; so does
    a list the article introduces ("Sources:"). With no page url nothing goes: there is no
    telling another article from the page itself."""
    removed: list[Removal] = []
    if not url_host(page_url):
        return removed
    for p in list(tree.iter("p")):
        link = _caps_link(p)
        if link is None or _introduced(p) or not _site_article(link.get("href"), page_url):
            continue
        _strip("html/chrome-related-link", p, removed)
    return removed


def _caps_link(p: HtmlElement) -> HtmlElement | None:
    """The link a paragraph is when its whole text is one link's, in capitals (no lower-case
    letter, one upper-case at least: str.isupper), of CAPS_LINK_WORDS words or more, and not
    all in quotation marks (a title the article quotes); else None.

    >>> from lxml import html
    >>> [_caps_link(html.fromstring(p)) is not None for p in (
    ...     '<p><b><a href="/a/b">MAYOR SAYS BUDGET STAYS</a></b></p>',
    ...     '<p>Read: <a href="/a/b">MAYOR SAYS BUDGET STAYS</a></p>',
    ...     '<p><a href="/a/b">Mayor says budget stays</a></p>',
    ...     '<p><a href="/a/b">"THE LONG ROAD HOME"</a></p>')]
    [True, False, False, False]
    """
    if p.text and p.text.strip():
        return None                 # (most paragraphs: text of their own before any link)
    links = [a for a in p.iter("a") if a.text_content().strip()]
    if len(links) != 1:
        return None
    title = " ".join(links[0].text_content().split())
    if not title.isupper() or len(title.split()) < CAPS_LINK_WORDS:
        return None
    if _QUOTE.match(title) and _QUOTE.match(title[-1]):
        return None
    return links[0] if " ".join(p.text_content().split()) == title else None


def _introduced_list(lst: HtmlElement) -> bool:
    """Whether the article introduces a list: the element before it is a paragraph of
    INTRODUCING_WORDS words or more ending in a colon, at most half of it links, its own list of
    links ("Berikut situs resmi ...:" before the sites), not a menu or a label's list of other
    articles (a heading: "<h3>Related coverage from <a>How to Do Everything</a>:</h3>").

    >>> from lxml import html
    >>> page = html.fromstring("<div><p>Berikut situs resmi yang dapat digunakan warga:</p>"
    ...                        "<ul><li><a>A</a></li></ul><p>Baca juga:</p><ol></ol></div>")
    >>> [_introduced_list(lst) for lst in page.iter("ul", "ol")]
    [True, False]
    """
    before = next((el for el in lst.itersiblings(preceding=True)
                   if isinstance(el.tag, str) and el.tag not in HIDDEN_TAGS), None)
    if before is None or before.tag != "p":
        return False
    text = " ".join(before.text_content().split())
    linked = sum(len(" ".join(a.text_content().split())) for a in before.iter("a"))
    return text.endswith((":", "：")) and len(text.split()) >= INTRODUCING_WORDS and \
        linked <= len(text) / 2


def _introduced(p: HtmlElement) -> bool:
    """Whether a paragraph is an item of a list the article introduces: the paragraphs before
    it, back over others of one capitals link, reach a label ending in a colon ("Sources:")."""
    for before in p.itersiblings(preceding=True):
        if not isinstance(before.tag, str) or before.tag in HIDDEN_TAGS:
            continue
        if before.tag == "p" and _caps_link(before) is not None:
            continue
        return before.text_content().rstrip().endswith((":", "："))
    return False


def _site_article(href: str | None, page_url: str | None) -> bool:
    """Whether a link leads to another article of the page's site: resolved against the page's
    url, to its host or a host under it ("video.foxbusiness.com" from "www.foxbusiness.com"),
    with an article's path (ARTICLE_PATH_SEGMENTS, ARTICLE_SLUG_WORDS) that is not the page's
    own (_own_path: its AMP page, its index) nor a file's (a PDF to download). Without a page
    url, none is.

    >>> page = "https://www.foxnews.com/politics/budget"
    >>> [_site_article(h, page) for h in ("/us/mayor-says", "https://foxnews.com/us/mayor",
    ...  "https://other.com/us/mayor", "https://www.foxnews.com/", "/apps-products", "/politics/budget",
    ...  "/uploads/2018/guide.pdf", "/us/mayor.html", "budget/amp", "mayor-says-budget-stays")]
    [True, True, False, False, False, False, False, True, False, True]
    """
    own = url_host(page_url)
    if not own or not page_url:
        return False
    try:
        link = urlsplit(urljoin(page_url, (href or "").strip()))
        page = urlsplit(page_url)
    except ValueError:
        return False
    if link.scheme not in ("http", "https"):
        return False                # javascript:, mailto:
    host = url_host(f"//{link.netloc}")
    if not host or not (host == own or host.endswith(f".{own}")):
        return False
    segments = _own_path(link.path)
    if segments == _own_path(page.path):
        return False                # the page itself
    if segments and _FILE.search(segments[-1]):
        return False                # a file to download ("…/quick-guide.pdf"), no article
    return len(segments) >= ARTICLE_PATH_SEGMENTS or (
        len(segments) == 1 and len(_SLUG_PARTS.split(segments[0])) >= ARTICLE_SLUG_WORDS)


# A page's own path under another name: its AMP page ("/amp/…", "…/amp"), its index file.
_AMP = "amp"
_INDEX = re.compile(r"(?i)^index\.\w+$")


def _own_path(path: str) -> list[str]:
    """A path's segments, without those naming the AMP page or the index file of the same page.

    >>> _own_path("/amp/news/budget-plan/index.html"), _own_path("/news/budget-plan/")
    (['news', 'budget-plan'], ['news', 'budget-plan'])
    """
    segments = [s for s in path.split("/") if s and s.lower() != _AMP]
    return segments[:-1] if segments and _INDEX.match(segments[-1]) else segments
