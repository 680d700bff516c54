"""Markup a scraper left in a text field: HTML tags, comments, scripts and character references."""

from __future__ import annotations

import html
import re
from html.entities import html5

import re2

from cleaner.document import cut_short

# Element names a scraped text field holds. A block element's tag breaks the line (the text's
# lines are its paragraphs); an inline element's tag goes and its text stays in the line.
_BLOCK = ("address", "article", "aside", "blockquote", "br", "caption", "center", "dd", "div",
          "dl", "dt", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6",
          "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "tbody",
          "td", "tfoot", "th", "thead", "tr", "ul")
_INLINE = ("a", "abbr", "b", "big", "cite", "code", "del", "em", "font", "i", "img", "ins",
           "kbd", "mark", "picture", "q", "s", "small", "source", "span", "strike", "strong",
           "sub", "sup", "time", "u", "wbr")
# Elements whose content is not text a reader sees: they go with what they hold.
_HIDDEN = ("iframe", "noscript", "script", "style", "svg", "template")
_BLOCK_NAMES = frozenset(_BLOCK)
_SURROGATE = re.compile("[\ud800-\udfff]")
_SURROGATES = re.compile("([\ud800-\udfff])")

# After a tag's name: attributes, each name=value or one of the few that stand alone, then
# ">" (or "/>"), so that "<bahasa>", "<a-z>" and "x <b dan y> z" are no tags. A quoted value
# may hold ">" ('<a title="a > b">'). Nothing of a tag crosses a line: a tag cut off before its
# ">" must not take the paragraphs up to the next ">" with it. (White space written out: \s
# in Python's patterns takes NBSP and more that RE2's does not.)
_ANY_NAME = "|".join(_BLOCK + _INLINE + _HIDDEN)
_SPACE = "\t\n\f\r "
_BLANK = "[\t\f\r ]"
_VALUE = "(?:\"[^\"\n]*\"|'[^'\n]*'|[^\\s\"'<>=`]+)"
_ALONE = "async|defer|hidden|allowfullscreen|controls|autoplay|loop|muted|nowrap|itemscope"
_ATTRIBUTES = (f"(?:{_BLANK}+(?:[A-Za-z_:][-A-Za-z0-9_:.]*{_BLANK}*={_BLANK}*{_VALUE}"
               f"|(?:{_ALONE})))*{_BLANK}*/?")
# RE2, not Python's re: a text of millions of characters with many an unclosed "<!--" or
# '<a title="' would make a backtracking search read on to its end from each of them.
_TAG = re2.compile(f"(?i)</?({_ANY_NAME}){_ATTRIBUTES}>")
_HIDDEN_ELEMENT = re2.compile("(?is)<!--.*?-->|" + "|".join(
    f"<{name}{_ATTRIBUTES}>.*?</{name}[{_SPACE}]*>" for name in _HIDDEN))

# A character reference ending in ";": named (&amp; &nbsp; &CounterClockwiseContourIntegral;),
# decimal or hexadecimal. Without the ";", html.unescape would also read "&copy2020" or
# "Q&Amacr" as references: a text's own "&" stays unless it is plainly one. "&amp;" before a
# reference is a reference escaped twice ("&amp;quot;"), which a scraper makes of an escaped page.
_REFERENCE = "(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});"
_ESCAPED_REFERENCE = re.compile(f"&((?:amp;)*)({_REFERENCE})")

# RE2 patterns (over UTF-8, as normalize's hints are) that match wherever each fix could change
# the text: a yes may find nothing to do, never a no where it would.
TAG_HINT = f"(?i)</?(?:{_ANY_NAME})[{_SPACE}/>]|<!--"
REFERENCE_HINT = f"&{_REFERENCE}"


def _tag_break(match) -> str:
    return "\n" if match.group(1).lower() in _BLOCK_NAMES else ""


def strip_tags(text: str) -> str:
    r"""Tags of HTML's elements go; a block element's tag breaks the line; comments, scripts and
    styles go with what they hold. Anything else with "<" stays ("a < b", "<bahasa>").

    >>> strip_tags("<p>Isi <b>berita</b> di sini.<br/>Baris dua</p><script>x()</script>")
    '\nIsi berita di sini.\nBaris dua\n'
    >>> strip_tags("jika a <b, maka <bahasa> tetap")
    'jika a <b, maka <bahasa> tetap'
    """
    if "<" not in text:
        return text
    try:
        return _TAG.sub(_tag_break, _HIDDEN_ELEMENT.sub("", text))
    except UnicodeEncodeError:
        # Half a UTF-16 pair, which RE2 cannot read as UTF-8 (normalize repairs those first):
        # the pieces between them.
        return "".join(piece if _SURROGATE.fullmatch(piece) else strip_tags(piece)
                       for piece in _SURROGATES.split(text))


# The rule id of those removals: a text fix, not a rule of a pack.
HIDDEN_RULE = "markup/hidden"


def hidden_markup(text: str) -> list[str]:
    r"""The comments, scripts and styles strip_tags takes with what they hold, as written (each
    cut short as a page's stripped elements are): what went from a text field's lines besides
    the tags themselves, for its removal record. The text is one strip_tags gets: its surrogates
    repaired (normalize runs fix_surrogates first), which RE2 could not read.

    >>> hidden_markup("<p>Isi.</p><!-- catatan: jangan terbitkan --><script>x()</script>")
    ['<!-- catatan: jangan terbitkan -->', '<script>x()</script>']
    """
    if "<" not in text:
        return []
    return [cut_short(match.group()) for match in _HIDDEN_ELEMENT.finditer(text)]


def unescape_references(text: str) -> str:
    r"""Character references become the characters they stand for ("&amp;" is "&", "&#8220;"
    is a curly quote), a reference escaped twice too; a bare "&" stays.

    >>> unescape_references("Johnson &amp; Johnson, &quot;kata&quot; &amp;quot;dia&amp;quot; R&D")
    'Johnson & Johnson, "kata" "dia" R&D'
    >>> unescape_references("&notaris; &copyright; &amp;amplifier;")
    '&notaris; &copyright; &amplifier;'
    """
    if "&" not in text:
        return text
    return _ESCAPED_REFERENCE.sub(_unescaped, text)


def _unescaped(match) -> str:
    """A reference (escaped once or more) as its character; a name HTML does not define stays,
    one "&amp;" undone: html.unescape reads old names as prefixes ("&notaris;" was "¬aris;")."""
    escapes, reference = match.group(1), match.group(2)
    if reference.startswith("#") or reference in html5:
        return html.unescape("&" + reference)
    return f"&{escapes[4:]}{reference}" if escapes else match.group()


def plain_markup(text: str) -> str:
    """A one-line value (a title an input gives) without tags or references, spaces made one.

    >>> plain_markup("Jokowi &amp; <i>Prabowo</i><br>bertemu")
    'Jokowi & Prabowo bertemu'
    """
    if "<" not in text and "&" not in text:
        return text
    return " ".join(unescape_references(strip_tags(text)).split())
