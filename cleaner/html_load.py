"""An HTML page's bytes to a parsed tree: decoded, refused when too large, binary or empty, its attribute floods tamed and its mojibake repaired."""

from __future__ import annotations

import importlib
import logging
import re

import re2
from lxml import etree
from lxml.html import HtmlElement

from cleaner.decode import UTF8_ENCODINGS, DecodeError, not_text
from cleaner.html_charset import charset_flag, decode_html
from cleaner.inputs import MAX_HTML_BYTES  # noqa: F401  (pages larger than this are refused)
from cleaner.normalize import FIX_HINTS, fix_mojibake, fix_surrogates

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)


class PageError(ValueError):
    """A page that gives no article: binary, too large, unparsable, empty or too slow; says why."""


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
# The tag's name is read apart: a name group in the search, which the run after it may
# take back character by character, cost each tag of a page as many scans as its name has
# letters (0.19 s against 0.07 s over the benchmark's 181 pages, a twentieth of their cleaning).
_LONG_TAG = re.compile(r"<[A-Za-z][^<>]{%d,}>" % LONG_TAG)
_TAG_NAME = re.compile(r"<([A-Za-z][A-Za-z0-9:-]*)")


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
        name = _TAG_NAME.match(match.group())
        assert name is not None                 # _LONG_TAG's match opens with "<" and a letter
        return f"<{name.group(1)}>"

    return _LONG_TAG.sub(bare, html), tamed


def import_extractors() -> None:
    """Import the libraries extraction uses, outside any page's deadline: a deadline that fires
    in the middle of an import (the first page's, 0.2 s) leaves the module half made, and every
    later page of the process would fail on it."""
    for name in _EXTRACTORS:
        importlib.import_module(name)


# (langcodes' tables: a page's declared language is read under the deadline, declared_language)
_EXTRACTORS = ("htmldate", "langcodes.data_dicts", "lxml.cssselect", "trafilatura",
               "trafilatura.utils", "zoneinfo")


# What a page's `markup` flag opens with where libxml2's limits stopped its parse.
STOPPED_EARLY = "parsing stopped early"


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
    elif "\x00" in html[:8192] and not_text(html.encode("utf-8", "surrogatepass")):
        raise PageError("binary data (NUL bytes), not HTML")
    else:
        # A page given as str may hold half an emoji's UTF-16 pair, which the parser cannot
        # take (it saw no article at all in such a page).
        repaired = fix_surrogates(html)
        if repaired is not html:
            html = repaired
            flags.append(_flag("unicode", "lone surrogates in the page replaced by U+FFFD, "
                                          "or joined into the characters they encode"))
    if "\x00" in html:
        # A page's stray NULs (a scraper's, between sentences), read as a .txt's are
        # (decode.not_text): dropped, as cleaning a text drops them, and said in `fixes`; the
        # parser would drop them unsaid.
        html = html.replace("\x00", "")
        if fixes is not None:
            fixes.append("drop_controls")
    if not html.strip():
        raise PageError("empty page")
    tags = html.count("<")
    if tags > MAX_TAGS:
        raise PageError(f"page of {tags:,} tags, more than the {MAX_TAGS:,} a news page is read "
                        "with (its parse would take hundreds of MB)")
    html = without_cut_tag(html)
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
        flags.append(_flag("markup", f"{STOPPED_EARLY}: {errors[0].message}; "
                                     "the rest of the page is lost"))
    if encoding not in UTF8_ENCODINGS:
        utf8 = None
    if repair_mojibake(tree, html, utf8) and fixes is not None:
        fixes.append("fix_mojibake")
    return tree, encoding, flags


# What a page cut inside a tag ends with: "<", "</", "</p", "<a href=\"/x": a tag begun that
# no ">" closes ("a < b" at a page's end is text: a tag's name follows its "<" at once).
_CUT_TAG = re.compile(r"<(?:/?[A-Za-z!?][^<>]*|/)?\s*")


def without_cut_tag(html: str) -> str:
    """A page without the tag it ends inside, where a crawler or a download cut it there: the
    parser gave the fragment as text ("… satu meter.</"), which ended the article's text.

    >>> without_cut_tag("<p>Air naik satu meter.</"), without_cut_tag("<p>x</p><a href='/y")
    ('<p>Air naik satu meter.', '<p>x</p>')
    >>> without_cut_tag("<p>a < b"), without_cut_tag("<p>x</p>\\n")
    ('<p>a < b', '<p>x</p>\\n')
    """
    start = html.rfind("<")
    if start < 0 or _CUT_TAG.fullmatch(html, start) is None:
        return html
    return html[:start]


# The characters XML forbids: C0 controls but tab, newline and carriage return, surrogates,
# U+FFFE and U+FFFF. lxml's HTML parser gives them from a character reference ("&#1;", "&#xfffe;")
# but refuses them set as text again (ValueError: the page was rejected as an internal error).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    """Text that lxml takes as an element's text or tail: without the characters XML forbids
    (_NOT_XML). Every place that sets text the page held (a tail moved, a run given a new
    element) goes through it.

    >>> xml_text("floods again\\x01 on Monday\\ufffe")
    'floods again on Monday'
    """
    return _NOT_XML.sub("", text)


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
                node.text, changed = xml_text(fixed), True
        if node.tail:
            fixed = fix_mojibake(node.tail)
            if fixed != node.tail:
                node.tail, changed = xml_text(fixed), True
    for meta in tree.iter("meta"):
        content = meta.get("content")
        if content:
            fixed = fix_mojibake(content)
            if fixed != content:
                meta.set("content", xml_text(fixed))
                changed = True
    return changed
