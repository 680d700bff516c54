"""The section a news url's path names (/olahraga/, /read/sepak-bola/): a pack's section."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import product
from urllib.parse import unquote

# Where a url's host begins: "//" at its very start or right after an http scheme; a "//"
# further on is an empty segment of the path ("x.id/berita//olahraga").
_HOST_START = re.compile(r"(?:https?:)?//", re.IGNORECASE)


def url_section(url: str | None, sections: frozenset[str]) -> str | None:
    """The first segment of a url's path that is, whole, one of `sections` (the packs' lower-case
    words), returned as the pack lists it (of spellings read alike, the first sorted); None
    without one. A segment is read without '-', '_' and spaces, case ignored ("Sepak-Bola" and
    "sepakbola" are "sepak bola"); a slug or an id is never a section, as the whole segment must
    be one. The host, query and fragment are not read, nor a url in them.

    >>> sections = frozenset({"olahraga", "sepak bola", "nasional"})
    >>> url_section("http://www.cnnindonesia.com/olahraga/20160921115404-142-159931/a/", sections)
    'olahraga'
    >>> url_section("https://www.juara.net/read/sepak-bola/inggris/158722-judul", sections)
    'sepak bola'
    >>> [url_section(u, sections) for u in ("https://x.id/read/nasional-bangkit-lagi",
    ...                                     "https://nasional.x.id/a",
    ...                                     "https://x.id/a?kanal=olahraga",
    ...                                     "https://x.id/a#olahraga", "https://x.id/olahraga.html",
    ...                                     "http://[::1", None)]
    [None, None, None, None, None, None, None]
    >>> [url_section(u, sections) for u in ("https://x.id?next=/olahraga/", "x.id/a//sepakbola/1")]
    [None, 'sepak bola']
    """
    if not url or not sections:
        return None
    # The path's bounds by hand: urlsplit refuses a malformed url. The query and fragment go
    # first, as a url they hold ("?next=/olahraga/") has slashes of its own.
    for mark in "?#":
        if mark in url:
            url = url[:url.index(mark)]
    # (the two schemes written so, most urls, without the pattern's call: 0.25 microseconds)
    host_end = 8 if url.startswith("https://") else 7 if url.startswith("http://") else None
    if host_end is None:
        host = _HOST_START.match(url)
        host_end = host.end() if host else 0
    start = url.find("/", host_end)
    if start < 0:
        return None
    path = url[start:]
    words, segments, spellings = _by_form(sections)
    if "%" in path:                    # percent-encoded ("cek%20fakta"): each segment decoded
        found = (words.get(_form(segment)) for segment in path.split("/") if segment)
        return next((word for word in found if word is not None), None)
    if spellings is not None and path.isascii() and "\n" not in path:
        # An ASCII path's segments looked up whole, as the search below finds them: 1.4
        # microseconds a url of the benchmark's (33 sections) where the search took 1.8.
        for segment in path.lower().split("/"):
            if segment in spellings:
                return spellings[segment]
        return None
    # One search for the first segment that is a section, with a section's spaces written as
    # '-', '_', ' ' or nothing: a news url's path is mostly a slug and ids, not read one by one.
    # (a pattern of a pack's section may match a spelling whose form is not the section's, as
    # "ſport" matches "/sport/" case ignored: such a match is passed over)
    found = (words.get(_form(match.group(1))) for match in segments.finditer(path))
    return next((word for word in found if word is not None), None)


def names_section(text: str, sections: frozenset[str]) -> bool:
    """Whether a text is, whole, one of the sections, compared as a url's segment is (_form):
    a page's section field's "Sepak-Bola" is the packs' "sepak bola".

    >>> names_section("Sepak-Bola", frozenset({"sepak bola"})), names_section("Bola", frozenset())
    (True, False)
    """
    return bool(sections) and _form(text) in _by_form(sections)[0]


def _form(text: str) -> str:
    """A segment or a section as they are compared: decoded, lower case, without '-', '_' and
    spaces (a url writes "sepak bola" as sepak-bola or sepakbola).

    >>> _form("Sepak-Bola"), _form("gaya_hidup"), _form("cek%20fakta"), _form("sepakbola")
    ('sepakbola', 'gayahidup', 'cekfakta', 'sepakbola')
    """
    if "%" in text:
        text = unquote(text)
    return "".join(text.lower().replace("-", " ").replace("_", " ").split())


@lru_cache(maxsize=64)
def _by_form(sections: frozenset[str]) -> tuple[dict[str, str], re.Pattern,
                                                dict[str, str] | None]:
    """A pack combination's sections by the form a url's segment is compared in (of two words
    with one form, "fact check", "fact-check", "sepakbola", the one sorting first is written),
    a pattern of a path segment that is one of them, whole, and the same as a table: each
    lower-case segment the pattern takes whole, and its section (None where a section is not
    ASCII, whose case the pattern may fold to ASCII letters, holds '/' or '%', has no word, or
    has too many to spell out)."""
    words: dict[str, str] = {}
    for section in sorted(sections):
        words.setdefault(_form(section), section)
    split = [section.replace("-", " ").replace("_", " ").split() for section in sections]
    # (longest first: of "gaya" and "gaya hidup", a segment "gaya-hidup" is the second)
    spelled = sorted(("[-_ ]?".join(map(re.escape, parts)) for parts in split),
                     key=len, reverse=True)
    pattern = re.compile(r"/(" + "|".join(spelled) + r")(?=/|$)", re.IGNORECASE)
    return words, pattern, _spellings(split, words)


def _spellings(split: list[list[str]], words: dict[str, str]) -> dict[str, str] | None:
    """Each way a url writes a section of `split` (its words), in lower case, and the section:
    the words joined by '-', '_', ' ' or nothing, as _by_form's pattern takes them.

    >>> sorted(_spellings([["gaya", "hidup"]], {"gayahidup": "gaya hidup"}))
    ['gaya hidup', 'gaya-hidup', 'gaya_hidup', 'gayahidup']
    """
    for parts in split:
        spelled = "".join(parts)
        # (a '/' spans segments, and a '%' is read decoded: the pattern answers for them)
        if not 0 < len(parts) <= 4 or not spelled.isascii() or "/" in spelled or "%" in spelled:
            return None
    table: dict[str, str] = {}
    for parts in split:
        section = words[_form(" ".join(parts))]
        for joints in product(("", "-", "_", " "), repeat=len(parts) - 1):
            spelling = parts[0] + "".join(j + w for j, w in zip(joints, parts[1:]))
            table[spelling.lower()] = section
    return table
