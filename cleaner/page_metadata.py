"""What a page states about its article before extraction, as raw values: its meta tags, JSON-LD, visible bylines and dates."""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, field
from typing import Any, Callable, Collection, Iterable, Iterator

from lxml import etree
from lxml.html import HtmlElement

from cleaner.chrome_classes import COMPONENT_ATTRIBUTES, component_words
from cleaner.html_chrome import (ARTICLE_PARAGRAPH_SHARE, _ArticleMarks, _element_lines,
                                  _element_text, _text_length, chrome_name)
from cleaner.html_left_out import BLOCK_TAGS, text_runs
from cleaner.identify import site_host
from cleaner.lexicon import Lexicon, fold_words
from cleaner.page_bylines import (EditorLine, OutsideLine, names_only, opens_with_dated_label,
                                  opens_with_label, opens_with_label_colon, page_words)
from cleaner.url_section import names_section

# Meta tags that carry a publication date, most specific first.
_DATE_META = ("article:published_time", "article:published", "og:published_time",
              "datepublished", "content_publisheddate", "publishdate", "publish-date",
              "publish_date", "pubdate", "dc.date.issued", "dc.date", "date", "sailthru.date",
              "parsely-pub-date", "dtk:publishdate")
_SLASH_DATE = re.compile(r"^(\d{4})[/.](\d{1,2})[/.](\d{1,2})")

logging.getLogger("htmldate").setLevel(logging.CRITICAL)


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


def host_site_name(name: str | None, url: str | None, publisher: str | None = None
                   ) -> str | None:
    """A site name that says only its host, as one rule: the leading label of the page's host
    in lower case (nj.com's "nj"), a host in lower case ("www.nj.com") or a url of one
    ("https://www.newsnation.in"); it gives the `publisher` meta when the page has one (not
    itself an address), else the host from its registrable label on, without "www" ("nj.com",
    "newsnation.in"). An IP address names no site: it gives the publisher or nothing. Any
    other name stays as it is: one with capitals is the site's own spelling ("CityAM").

    >>> host_site_name("nj", "https://www.nj.com/news/a.html")
    'nj.com'
    >>> host_site_name("usatoday", "https://eu.usatoday.com/story/a"), host_site_name(
    ...     "telegraph", "https://www.telegraph.co.uk/news/a")
    ('usatoday.com', 'telegraph.co.uk')
    >>> host_site_name("https://www.newsnation.in", None), host_site_name(
    ...     "www.nj.com", None, "NJ Advance Media")
    ('newsnation.in', 'NJ Advance Media')
    >>> host_site_name("CityAM", "https://www.cityam.com/a"), host_site_name("nj", None)
    ('CityAM', 'nj')
    >>> host_site_name("168", "http://192.168.1.10/a")
    '168'
    """
    if not name or not name.strip():
        return name
    host = _named_host(name.strip(), site_host(url))
    if host is None:
        return name
    if publisher and publisher.strip() and _named_host(publisher.strip(), None) is None:
        return " ".join(publisher.split())
    return None if _ip_address(host) else ".".join(_registrable(host))


# A host as a site name writes it: lower case, dotted labels ("nj.com", "www.tempo.co").
_LOWER_HOST = re.compile(r"[a-z0-9-]+(?:\.[a-z0-9-]+)+\.?")
_ADDRESS = re.compile(r"(?i)(?:https?://|www\.)\S+")


def _named_host(name: str, page_host: str | None) -> str | None:
    """The host a site name says and says only: a url or a www address of it, a host in lower
    case, or the registrable label of `page_host` (not an IP address's); None for a name."""
    if _ADDRESS.fullmatch(name) or _LOWER_HOST.fullmatch(name):
        return site_host(name)
    if page_host and not _ip_address(page_host):
        labels = _registrable(page_host)
        if labels[0] and name == labels[0]:
            return page_host
    return None


def _registrable(host: str) -> list[str]:
    """A host's labels from the registrable one on: before the top-level domain, or before a
    second-level one of a country's (co.uk, com.au, go.id) when the last label is a country's
    two letters ("telegraph", "co", "uk" of www.telegraph.co.uk)."""
    labels = host.split(".")
    at = max(len(labels) - 2, 0)
    if len(labels) > 2 and len(labels[-1]) == 2 and len(labels[-2]) <= 3:
        at -= 1
    return labels[at:]


def _ip_address(host: str) -> bool:
    """Whether a host is an IPv4 address (IPv6 ones have no dot, and no site_host)."""
    return all(label.isdigit() for label in host.split("."))


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


# Meta tags that name a page's authors, and its editors, best first (Kompas writes its reporter
# and its editor in content_author and content_editor beside an author tag naming the company):
# the names of tags are page structure, not words of a language.
_AUTHOR_META = ("author", "article:author", "dtk:author", "content_author", "parsely-author",
                "sailthru.author", "byl", "dc.creator")
_EDITOR_META = ("content_editor",)


def _meta_values(metas: dict[str, str], keys: Iterable[str]) -> list[str]:
    """The contents of the meta tags of these keys, in the keys' order, each once: an author
    tag naming the site does not hide a content_author tag naming the reporter."""
    return list(dict.fromkeys(metas[key] for key in keys if metas.get(key)))


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


# Meta tags that name a page's section, most specific first.
_SECTION_META = ("article:section", "content_category", "dtk:kanal", "section")
# What parts a section field that lists several: a CMS writes all of a post's categories, and
# at times its tags, into one ("Smart News, Smart News Science", "News - News"). (No run of
# spaces in it: a pattern that opens with one is tried from every space of a long run.)
_SECTION_LIST = re.compile(r"[,;|]|\s[-–]\s")
# Separators no one section's name holds: a semicolon, a bar, a comma with no space after it
# ("Commercial Real Estate,Home Page,Popular"), a dash between spaces ("News - News").
_LIST_MARK = re.compile(r"[;|]|,(?!\s)|\s[-–]\s")
# A field of this many parts lists sections unless its last opens with "&" or a conjunction of
# the packs, an Oxford comma's list ("Arts, Culture, and Entertainment"); of two parted by ", "
# it is one name only where the second joins words with "&" or such a conjunction ("Arts,
# Culture & Entertainment") and the first is none of the packs' `sections`: a CMS's two
# categories ("Nasional, Politik", "Politics, World"), and a parent with a child whose name
# joins words ("Megapolitan, Hukum & Kriminal"), are far commoner than a name holding a comma.
SECTION_LIST_PARTS = 3
# What joins the last words of one section's name besides the packs' conjunctions.
_JOIN_MARK = "&"


def page_section(candidates: Iterable[Any], sitename: str | None = None,
                 url: str | None = None, words: Lexicon | None = None) -> str | None:
    """A page's section, one name: the first candidate (its section meta tags, then its JSON-LD
    articleSection) that names one, or the first part of it that does when it lists several
    (_section_parts). A field listing several is a CMS's categories, the first the post's own
    (a tag list after them is no section): "Nasional, Politik" gives "Nasional", and only two
    parts whose second joins words with "&" or one of the packs' `conjunctions`, or more whose
    last opens with one, are one name ("Arts, Culture & Entertainment", "Arts, Culture, and
    Entertainment"), never where the first is one of the packs' `sections` (a parent category:
    "Megapolitan, Hukum & Kriminal" gives "Megapolitan"). A name is none when it is a host
    ("gizmodo.com"), the site's name or its host's label, has no letter, or is one of the
    packs' `not_sections` ("All", "Home Page"; `words`, page_words without them). Keywords and
    tags alone give no section: they name topics, people, places.

    >>> page_section(["gizmodo.com", "Smart News, Smart News Science, Smart News Science"])
    'Smart News'
    >>> page_section(["RT", "News - News"], "RT", "https://www.rt.com/a"), page_section(["-"])
    ('News', None)
    >>> page_section(["Arts, Culture & Entertainment"]), page_section(["Nasional, Politik"])
    ('Arts, Culture & Entertainment', 'Nasional')
    >>> page_section(["Regional, Jawa Tengah & DIY"])
    'Regional'
    """
    lexicon = page_words(words)
    not_sections = lexicon.not_sections
    conjunctions = frozenset(word.lower() for word in lexicon.conjunctions)
    host = site_host(url)
    names = {fold_words(name) for name in (sitename, host, host and _registrable(host)[0])
             if name}

    def names_none(part: str) -> bool:
        folded = fold_words(part)
        return folded in not_sections or folded in names or _named_host(part, None) is not None

    for candidate in candidates:
        if not isinstance(candidate, str):
            continue
        for part in _section_parts(candidate, names_none, conjunctions, lexicon.sections):
            if not names_none(part):
                return part
    return None


def _section_parts(value: str, names_none: Callable[[str], bool],
                   conjunctions: frozenset[str] = frozenset(),
                   sections: Collection[str] = frozenset()) -> list[str]:
    """The names a section field holds, those with a letter: the whole field where it is one
    name, parts after a comma and a space that read as one name's list (_one_name: "Arts,
    Culture & Entertainment", "Arts, Culture, and Entertainment") and none of the marks of a
    list (a separator no name holds (_LIST_MARK), a part that opens another, "Smart News, Smart
    News Science", one that names no section, "Featured, Politics", or a first part that is one
    of the `sections` (lower case), a parent category before its child, "Megapolitan, Hukum &
    Kriminal"); else its parts.

    >>> _section_parts("Arts, Culture & Entertainment", lambda part: False)
    ['Arts, Culture & Entertainment']
    >>> _section_parts("Nasional, Politik", lambda part: False)
    ['Nasional', 'Politik']
    >>> _section_parts("Featured, Politics & Law", lambda part: part == "Featured")
    ['Featured', 'Politics & Law']
    >>> _section_parts("Regional, Jawa & Bali", lambda part: False, sections={"regional"})
    ['Regional', 'Jawa & Bali']
    """
    parts = [" ".join(part.split()) for part in _SECTION_LIST.split(value)]
    parts = [part for part in parts if any(c.isalpha() for c in part)]
    if len(parts) < 2:
        return parts
    if (_LIST_MARK.search(value) is not None or not _one_name(parts, conjunctions)
            or names_section(parts[0], frozenset(sections)) or _opens_another(parts)
            or any(map(names_none, parts))):
        return parts
    return [" ".join(value.split())]


def _one_name(parts: list[str], conjunctions: frozenset[str]) -> bool:
    """Whether a section field's parts after commas read as the list of one name: two whose
    second joins words ("Arts, Culture & Entertainment"), or more whose last opens with "&" or
    a conjunction, as an Oxford comma writes them ("Arts, Culture, and Entertainment"; a CMS
    writes no conjunction between its categories)."""
    if len(parts) < SECTION_LIST_PARTS:
        return _joins_words(parts[-1], conjunctions)
    opening = parts[-1].split(maxsplit=1)[0]
    return opening == _JOIN_MARK or opening.lower() in conjunctions


def _joins_words(part: str, conjunctions: frozenset[str]) -> bool:
    """Whether a section's part joins words, as the last of one name's list does ("Culture &
    Entertainment", "Culture and Entertainment", "Seni dan Budaya"): it holds "&", or one of
    the `conjunctions` (lower case) as a word of its own."""
    return _JOIN_MARK in part or not conjunctions.isdisjoint(part.lower().split())


def _opens_another(parts: list[str]) -> bool:
    """Whether one part opens another (a CMS's category and its child: "Smart News, Smart News
    Science"; "ソフトウェア一般, ソフトウェア"). Sorted, a part that opens others comes just
    before one of them, so neighbours alone are compared: an Oxford comma's list of thousands
    of parts reaches here."""
    folded = sorted(fold_words(part) for part in parts)
    return any(b.startswith(a) for a, b in zip(folded, folded[1:]))


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


def _leaf_block(el: HtmlElement) -> bool:
    """Whether an element holds no block element (a line of text, links and inline marks). A
    <div> that does not is a credits line as a <p> is ('<div>Penulis: A<br>Editor: B</div>',
    '<div id="editor">Editor: B</div>': acceptance run of session 50, where the editor was
    lost); a <div> around blocks is a box, whose blocks are read."""
    return not any(child.tag in BLOCK_TAGS for child in el.iterdescendants(etree.Element))


@dataclass
class _Marked:
    """A page's elements that may hold its byline, in page order, found in one walk."""

    rel: list[HtmlElement] = field(default_factory=list)          # rel=author, itemprop=author
    byline: list[HtmlElement] = field(default_factory=list)       # classed as a byline
    component: list[HtmlElement] = field(default_factory=list)    # a component named byline
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
        named = " ".join(component_words(el.get(name)) for name in COMPONENT_ATTRIBUTES
                         if el.get(name))
        if named and "line" in named.lower() and _BYLINE_TOKEN.search(named):
            found.component.append(el)
        classes = el.get("class")
        if classes:
            lowered = classes.lower()
            if "line" in lowered and _BYLINE_TOKEN.search(classes):
                found.byline.append(el)
            if "author" in lowered and _AUTHOR_TOKEN.search(classes):
                found.author.append(el)
        if el.tag in _BYLINE_BLOCKS or el.tag == "div":
            lead = el.text if el.text and el.text.strip() else (el[0].text if len(el) else None)
            # (a <div> is looked into only when a label opens it: every <div> of a page of
            # nested ones walked over its descendants would cost the page's size squared)
            if lead and opens_with_label(lead.lstrip()) and (el.tag != "div" or _leaf_block(el)):
                found.labelled.append(el)
    return found


# Where a byline is another story's: a sidebar or a menu, a related-stories block, comments.
_OTHER_STORY_TAGS = frozenset(("aside", "nav"))
# Where a block of credits a label and its colon open ("Researched by: A", "Edited by: B") is
# another story's or a reader's: a menu, a related-stories block, comments. A sidebar may hold
# the article's own (PolitiFact's "About this article" box).
_OTHER_CREDITS_TAGS = frozenset(("nav",))
_OTHER_CREDITS_CHROME = frozenset(("comments", "related"))


class _OtherStory:
    """Whether an element of a page stands in a sidebar, a menu, a related-stories block or the
    comments (_OTHER_STORY_TAGS, html_chrome.chrome_name's groups of _OFF_HEADER_CHROME), or
    in the boxes given: a teaser's byline there names another story's writers. (A list item or
    a <footer> may hold the article's own byline: "<li class="byline">".) A box classed so
    that holds the article is the page's layout, not a block beside it (html_chrome.
    _ArticleMarks: its headline, its <main>, most of its paragraphs' words; not its one
    <article>, which may be a teaser): Drupal's <body class="one-sidebar sidebar-second"> on
    the AP's hosted pages, a theme's "l-sidebar" wrapper."""

    def __init__(self, tree: HtmlElement) -> None:
        self.tree = tree
        self._article: _ArticleMarks | None = None
        # Each box's answer, asked once: a page's thousands of comments share one comments box,
        # and weighing its paragraphs for each comment's author took quadratic time.
        self._held: dict[HtmlElement, bool] = {}

    def __call__(self, element: HtmlElement, tags: Collection[str] = _OTHER_STORY_TAGS,
                 groups: Collection[str] | None = None) -> bool:
        groups = _OFF_HEADER_CHROME if groups is None else groups
        for up in element.iterancestors(etree.Element):
            if up.tag in tags:
                return True
            # (a component's name as its class: a teaser's byline in data-testid="RecommendedRail")
            names = " ".join([up.get("class") or "", up.get("id") or ""]
                             + [component_words(up.get(name)) for name in COMPONENT_ATTRIBUTES
                                if up.get(name)])
            if names.strip() and chrome_name(names) in groups and not self._holds_article(up):
                return True
        return False

    def in_teaser_card(self, element: HtmlElement) -> bool:
        """Whether an element stands in a card of a sidebar that links to another story: a box
        between it and the sidebar (an <aside>, a box classed as one) with a link of its own, a
        child <a href> or one in a child heading ("<div class=card><a href=/c>Other story</a>
        <p>Edited by: B</p>"). PolitiFact's "About this article" box links only inside its
        lines (the editor's page, the sources): it is the article's."""
        card = False
        for up in element.iterancestors(etree.Element):
            if up.tag == "aside" or chrome_name(
                    f"{up.get('class') or ''} {up.get('id') or ''}") == "sidebar":
                return card and not self._holds_article(up)
            card = card or _links_away(up)
        return False

    def _holds_article(self, box: HtmlElement) -> bool:
        """Whether a box holds the page's article; the article's marks are found the first
        time a byline stands in a box classed as chrome (a page walk, most pages need none)."""
        if self._article is None:
            self._article = _ArticleMarks(self.tree)
            # Not its one <article>: a teaser is as often the only element of that tag.
            self._article.marks = [mark for mark in self._article.marks if mark.tag != "article"]
        held = self._held.get(box)
        if held is None:
            held = self._held[box] = self._article.held_by(box)
        return held


# The tags of a heading, whose link is a teaser's title.
_HEADINGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))


def _links_away(box: HtmlElement) -> bool:
    """Whether a box has a link of its own to another page: a child <a href>, or one in a
    child heading (not a link to a place on this page: "#top", "javascript:")."""
    for child in box.iterchildren(etree.Element):
        links = [child] if child.tag == "a" else (
            child.iter("a") if child.tag in _HEADINGS else ())
        for link in links:
            href = (link.get("href") or "").strip().lower()
            if href and not href.startswith(("#", "javascript:", "mailto:")):
                return True
    return False


class _ArticleEnd:
    """Whether an element stands after the page's article: after the box holding it, the
    nearest box around its headline (the first <h1> with text) that holds more than
    ARTICLE_PARAGRAPH_SHARE of its paragraphs' words. A byline there is a teaser list's. Found
    the first time it is asked, each paragraph weighed once."""

    def __init__(self, tree: HtmlElement) -> None:
        self.tree = tree
        self._box: HtmlElement | None = None
        self._found = False

    def box(self) -> HtmlElement | None:
        """The article's box, or None (no headline, no paragraphs)."""
        if not self._found:
            self._found = True
            self._box = _article_box(self.tree)
        return self._box

    def __call__(self, element: HtmlElement) -> bool:
        box = self.box()
        return box is not None and _follows(element, box)


def _article_box(tree: HtmlElement) -> HtmlElement | None:
    """The nearest box around a page's headline that holds more than ARTICLE_PARAGRAPH_SHARE of
    its paragraphs' words: each box up adds the words of its other children's paragraphs."""
    headline = next((h for h in tree.iter("h1") if _element_text(h)), None)
    total = sum(_text_length(p) for p in tree.iter("p"))
    if headline is None or not total:
        return None
    inner: HtmlElement = headline
    words = 0
    for up in headline.iterancestors(etree.Element):
        words += sum(_text_length(p) for child in up.iterchildren(etree.Element)
                     if child is not inner for p in child.iter("p"))
        if words > ARTICLE_PARAGRAPH_SHARE * total:
            return up
        inner = up
    return None


def _follows(element: HtmlElement, box: HtmlElement) -> bool:
    """Whether an element comes after `box` in the page, not inside it."""
    below: dict[HtmlElement, HtmlElement] = {}       # each of the box's ancestors: its child
    child = box
    for up in box.iterancestors(etree.Element):
        below[up] = child
        child = up
    node = element
    for up in element.iterancestors(etree.Element):
        if node is box or up is box:
            return False
        if up in below:
            return up.index(node) > up.index(below[up])
        node = up
    return False


def _placed(text: str, elements: Iterable[HtmlElement], beyond: Callable[[HtmlElement], bool]
            ) -> str:
    """A byline as found, an OutsideLine where every element it came from stands after the
    article's end."""
    return OutsideLine(text) if all(map(beyond, elements)) else text


def _author_elements(tree: HtmlElement) -> list[str]:
    """The visible bylines marked as such, best first: rel=author or itemprop=author; an
    element classed as a byline whose first run opens with a label ("By ..."); an element
    classed as the author that holds only names; the run after the headline when a label
    opens it; blocks a label and its colon open ("Researched by: A", "Edited by: B"). None in
    a sidebar, a menu, a related-stories block or the comments (_OtherStory); a block of
    credits in a sidebar is the article's, but not in a card there that links to another story
    (_OtherStory.in_teaser_card). One after the article's end is an OutsideLine (_ArticleEnd):
    a teaser's, which widens no authors."""
    marked = _marked(tree)
    other_story = _OtherStory(tree)
    for kind in (marked.rel, marked.byline, marked.component, marked.author):
        kind[:] = [el for el in kind if not other_story(el)]
    marked.labelled = [el for el in marked.labelled
                       if not other_story(el, _OTHER_CREDITS_TAGS, _OTHER_CREDITS_CHROME)
                       and not other_story.in_teaser_card(el)]
    beyond = _ArticleEnd(tree)
    found: list[str] = []
    for el in marked.rel[:3]:
        text = _element_text(el)
        if text and len(text) < _BYLINE_CHARS:
            found.append(_placed(text, [el], beyond))
            break
    for el in marked.byline[:3]:
        # Only its first run, and only if a label opens it ("By A and B"), or a date and a
        # byline word after it ("Monday November 18, 2019 7:45 am PST by A"): a byline block goes
        # on with the desk, the agency or the date, which are no authors. Its elements' edges
        # part the names ("<a>A</a><span>Monday</span>" is no "A Monday").
        text = _byline_head(next(iter(text_runs(el, inline_edge=" | ")), ""))
        if text and (opens_with_label(text) or opens_with_dated_label(text)):
            found.append(_placed(text, [el], beyond))
            break
    for el in marked.component[:4]:
        # A component the page names its byline (the BBC's data-component="byline-block",
        # data-testid="byline-new-contributors", Reuters' data-testid="Byline") is one, with a
        # label or without: its first run, where that is a label and names or names alone
        # ("Tom Hollis", the desk "BBC News, Somerset" in a run of its own after it). Its date
        # may come first: the next such component inside it is read then.
        text = _byline_head(next(iter(text_runs(el, inline_edge=" | ")), ""))
        if text and (opens_with_label(text) or opens_with_dated_label(text) or names_only(text)):
            found.append(_placed(text, [el], beyond))
            break
    for el in marked.author[:6]:
        # No label here: names alone are the byline ("Lisa Kaczke and Trevor J. Mitchell"),
        # where a link to the author's page ("View author archive") is not. The innermost
        # such element: its wrapper goes on with the job and the handle.
        text = _element_text(el)
        if text and len(text) < _BYLINE_CHARS and names_only(text) and not any(
                _AUTHOR_TOKEN.search(d.get("class") or "")
                for d in el.iterdescendants(etree.Element)):
            found.append(_placed(text, [el], beyond))
            break
    after = _after_headline(tree)
    if after is not None:
        text = _byline_head(next(iter(text_runs(after, inline_edge=" | ")), ""))
        if text and opens_with_label(text):
            found.append(text)
    # Each line of such a block on its own: "Penulis: A<br>Editor: B" is two bylines.
    labelled = [(text, el) for el in marked.labelled for text in _element_lines(el)
                if len(text) < _BYLINE_CHARS
                and opens_with_label_colon(text) and names_only(text)][:3]
    if labelled:
        # "Researched by: A" and "Edited by: B" are blocks or lines of their own: one byline.
        found.append(_placed(" | ".join(dict.fromkeys(text for text, _ in labelled)),
                             [el for _, el in labelled], beyond))
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


def _htmldate(tree: HtmlElement) -> list[str]:
    """The date htmldate finds in a page's visible text (a day, no time), for pages without a
    machine-readable one; where the page writes that day in numbers in an order htmldate chose
    (_written_numeric), the date as written, for the site's order to read."""
    try:
        from htmldate import find_date

        found = find_date(tree, extensive_search=False, original_date=True)
    except Exception:  # htmldate is a best-effort fallback; its failure is no date
        return []
    if not found:
        return []
    return [_written_numeric(tree, found) or found]


# htmldate's answer: a day, year first.
_FOUND_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def _written_numeric(tree: HtmlElement, found: str) -> str | None:
    """The numeric date ('04/03/2026') the page writes for htmldate's day `found` (2026-03-04)
    read day first, as htmldate reads it, when its day could be its month (both 12 or less):
    htmldate knows no site's order, and on a site whose dates read month first that date is
    another day (3 April). page_dates reads the written date with the site's months, as it reads
    a date tag's (a day-first site's day is htmldate's). None where the day tells the order, or
    the page writes no such date."""
    day = _FOUND_DAY.match(found)
    if not day:
        return None
    year, month, mday = day.group(1), int(day.group(2)), int(day.group(3))
    if mday > 12 or month > 12 or mday == month:
        return None
    written = re.compile(rf"(?<!\d)0?{mday}[/.-]0?{month}[/.-](?:{year}|{year[2:]})(?!\d)")
    body = tree.find("body")
    hit = written.search((body if body is not None else tree).text_content())
    return hit.group(0) if hit else None


# A raw date that tells a time of day ("2019-11-19T06:12", "12 Maret 2024 09:15").
_CLOCK = re.compile(r"\d:\d\d")
# A date-time a page writes for its day is a short run ("Selasa, 12 Mar 2024 09:15 WIB", "By
# Jane Doe | November 19, 2019, 07:47 PM"); a longer one is a sentence, whose time is an event's.
_STAMP_WORDS = 12
# The runs after the headline that are its header (the byline, the date line, the standfirst):
# below them the article's text begins, and a time there is an event's or another story's.
_HEADER_RUNS = 6


# The elements other than <meta> that tag the date as microdata (<meta itemprop> is _metas').
_MICRODATA_DATE = etree.XPath('//*[@itemprop="datePublished"][not(self::meta)]')


def _microdata_dates(tree: HtmlElement) -> list[str]:
    """The date the page tags as microdata on an element other than <meta>: its datetime or
    content attribute, else its text ('<div itemprop="datePublished">2019-11-13T23:06:00+01:00
    </div>' on businessinsider.de). The first such element's alone."""
    for element in _MICRODATA_DATE(tree):
        value = element.get("datetime") or element.get("content") or _element_text(element)
        value = value.strip() if value else ""
        return [value] if value and len(value) < 40 else []
    return []


def _written_dates(tree: HtmlElement) -> list[str]:
    """The date-times a page writes for itself in its article's header, as a reader sees them:
    its <time> element's text (_header_time), then the short runs after its headline
    (_header_runs). Raw: page_dates.page_date reads them with the packs' months and zones, and
    takes one only on the page's own day, only where its date tags give the day alone."""
    headline = next(tree.iter("h1"), None)
    if headline is None:
        return []
    found = [text for text in (_header_time(headline),) if text]
    found.extend(_header_runs(headline))
    return [text for text in found if len(text.split()) <= _STAMP_WORDS]


# Where a time or a line is another story's or a reader's, not the article's header: a list's
# item (a related or popular list), a sidebar, a menu, a footer; and the chrome groups of
# html_chrome.chrome_name that hold other stories or comments.
_OFF_HEADER_TAGS = frozenset(("li", "ul", "ol", "aside", "nav", "footer"))
_OFF_HEADER_CHROME = frozenset(("comments", "related", "sidebar"))


def _off_header(element: HtmlElement) -> bool:
    """Whether an element is no part of an article's header (_OFF_HEADER_TAGS and
    _OFF_HEADER_CHROME)."""
    if element.tag in _OFF_HEADER_TAGS:
        return True
    names = f"{element.get('class') or ''} {element.get('id') or ''}"
    return bool(names.strip()) and chrome_name(names) in _OFF_HEADER_CHROME


def _header_box(headline: HtmlElement) -> tuple[HtmlElement | None, bool]:
    """The element that holds a headline's article header: its <article> ancestor, else its
    <header> ancestor (True: a time there may stand before the headline), else its parent."""
    for tag in ("article", "header"):
        box = next(headline.iterancestors(tag), None)
        if box is not None:
            return box, True
    return headline.getparent(), False


def _header_time(headline: HtmlElement) -> str | None:
    """The text of the first <time> of a headline's header: inside the element holding it
    (_header_box), before the article's first paragraph (a <p> of a sentence's length after the
    headline), in no list, sidebar, menu, footer or comment section (_off_header). A <time> of
    the page's sidebar, of another story or of a comment says their time, not the article's."""
    box, before_too = _header_box(headline)
    if box is None:
        return None
    after = False
    for element in box.iter(etree.Element):
        if element is headline:
            after = True
        elif after and element.tag == "p" \
                and len(_element_text(element).split()) > _STAMP_WORDS:
            return None
        elif element.tag == "time" and (after or before_too) \
                and not any(_off_header(up) for up in _up_to(element, box)):
            text = _element_text(element)
            if text:
                return text
    return None


def _up_to(element: HtmlElement, box: HtmlElement) -> list[HtmlElement]:
    """An element and its ancestors below `box`."""
    found = [element]
    for up in element.iterancestors():
        if up is box:
            break
        found.append(up)
    return found


def _header_runs(headline: HtmlElement) -> list[str]:
    """The first runs of text after a page's headline (_HEADER_RUNS) up to the first of a
    sentence's length, where the article's text begins: in the elements after it, then after its
    parent, and so on up, as a header line stands beside the headline or below the block holding
    it. A list's items, a sidebar's or a comment's (_off_header) are skipped: another story's
    line is no header's."""
    header: list[str] = []
    element: HtmlElement | None = headline
    while element is not None:
        for sibling in element.itersiblings():
            if not isinstance(sibling.tag, str):         # a comment
                continue
            for run in _runs_in_header(sibling):
                if len(run.split()) > _STAMP_WORDS or len(header) == _HEADER_RUNS:
                    return header
                header.append(run)
        element = element.getparent()
    return header


def _runs_in_header(element: HtmlElement) -> Iterator[str]:
    """An element's text runs (text_runs) without those of its parts no header holds
    (_off_header): where it holds one, its own text and its children's runs one by one."""
    if _off_header(element):
        return
    if not any(_off_header(inner) for inner in element.iterdescendants(etree.Element)):
        yield from text_runs(element)
        return
    if element.text and element.text.strip():
        yield " ".join(element.text.split())
    for child in element:
        if isinstance(child.tag, str):
            yield from _runs_in_header(child)
        if child.tail and child.tail.strip():
            yield " ".join(child.tail.split())


def _comma_words(bylines: Iterable[str]) -> set[str]:
    """The single capitalised words after a comma in the bylines, in lower case: where an outlet
    stands after a person's name ("Victor Tangermann, Futurism")."""
    words = set()
    for byline in bylines:
        for piece in byline.split(",")[1:]:
            word = piece.strip()
            if word[:1].isupper() and word.replace("-", "").isalpha():
                words.add(word.lower())
    return words


def _linked_sites(tree: HtmlElement, words: set[str]) -> list[str]:
    """Those of the `words` the page links to as a site's name: a link whose text is the word and
    whose host's registrable label spells it (<a href="https://futurism.com/">Futurism</a>,
    "originally published by Futurism"); a link to a co-author's page on the site ("Budi" to
    /profil/budi) is none. As the link writes them."""
    found: list[str] = []
    if not words:
        return found
    for link in tree.iter("a"):
        text = " ".join(link.text_content().split())
        key = text.lower()
        if key not in words:
            continue
        host = site_host(link.get("href"))
        if host and not _ip_address(host) \
                and _registrable(host)[0].replace("-", "") == key.replace("-", ""):
            found.append(text)
            words.discard(key)
    return found


def page_metadata(tree: HtmlElement, url: str | None = None) -> dict[str, Any]:
    """What a page states about its article, before extraction: title, headline, dates, bylines,
    publishers, site name, canonical url, section; raw values, cleaned later by page_titles,
    page_dates and page_bylines, but a site name that is its host's label (host_site_name: of
    `url`, the page's url as its input gives it, else of its canonical url)."""
    metas = _metas(tree)
    ld, nodes = _json_ld(tree)
    hints = page_hints(tree)
    dates = []
    # The first date tag is the date; the others may tell its time or its offset (page_dates.
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
    more_dates = tagged[1:]
    # The page's publication-date tags, its date meta tags and JSON-LD datePublished: the only
    # dates that may give a first date-time without an offset its offset (not a <time>
    # element, which may be an update's: page_dates.page_date).
    published = list(tagged)
    if isinstance(ld.get("datePublished"), str):
        published.append(ld["datePublished"])
    published = [_SLASH_DATE.sub(r"\1-\2-\3", d) for d in published]
    if dates and not any(_CLOCK.search(d) for d in (*dates, *more_dates)):
        # A day alone: the page's microdata may tag its time and zone (a tag's, so before the
        # written ones), and the page may write them where a reader sees them.
        more_dates += _microdata_dates(tree) + _written_dates(tree)
    # Bylines, best first: the author meta tags, the JSON-LD authors, the editor meta tags, the
    # visible bylines. Each is only a candidate: the first that names a person gives the authors
    # (page_bylines.read_page_bylines), the first that names an editor the editors; a JSON-LD
    # author that is an organisation is the publisher.
    bylines: list[str] = [author for author in _meta_values(metas, _AUTHOR_META)
                          if not author.startswith(("http://", "https://"))]
    named = _ld_named(ld.get("author"), nodes)
    persons = [name for name, organization in named if not organization]
    if persons:
        bylines.append("; ".join(persons))
    bylines.extend(EditorLine(editor) for editor in _meta_values(metas, _EDITOR_META))
    # The visible bylines too, whatever the metadata named: JSON-LD and the author tags name no
    # editors, and a byline "Penulis: A, B | Editor: C" beside a JSON-LD author A names B and
    # C (read_page_bylines takes its co-authors only where it names all of the metadata's).
    bylines.extend(_author_elements(tree))
    publisher = _ld_names(ld.get("publisher"), nodes)
    publishers = publisher + [name for name, organization in named if organization]
    if metas.get("copyright"):
        publishers.append(metas["copyright"])
    # An outlet after a person's name and a comma that the page links to by its name ("Victor
    # Tangermann, Futurism" beside <a href="https://futurism.com/">Futurism</a>) is a site.
    publishers.extend(_linked_sites(tree, _comma_words(bylines)))
    sitename = hints["sitename"] or (publisher[0] if publisher else None)
    page_url = url if site_host(url) else hints["url"]
    ld_section = ld.get("articleSection")
    section = page_section(
        [metas.get(key) for key in _SECTION_META]
        + (ld_section if isinstance(ld_section, list) else [ld_section]), sitename, page_url)
    return {
        "title": _first(metas, ("og:title", "twitter:title")) or
                 (ld.get("headline") if isinstance(ld.get("headline"), str) else None) or
                 _first_text(tree, "title"),
        "page_title": _first_text(tree, "title"),
        "headline": _first_text(tree, "h1"),
        "dates": dates,
        "more_dates": more_dates,
        "published_dates": published,
        "bylines": bylines,
        "publishers": publishers,
        "sitename": host_site_name(sitename, page_url, metas.get("publisher")),
        "publisher": metas.get("publisher"),
        "url": hints["url"],
        "description": _first(metas, ("og:description", "description")),
        "category": section,
    }
