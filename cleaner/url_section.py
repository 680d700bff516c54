"""The section a news url's path names (/olahraga/, /read/sepak-bola/): a pack's section."""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import unquote


def url_section(url: str | None, sections: frozenset[str]) -> str | None:
    """The first segment of a url's path that is, whole, one of `sections` (the packs' lower-case
    words), returned as the pack lists it; None without one. A segment is read with '-' and '_'
    as spaces and case ignored ("Sepak-Bola" is "sepak bola"); a slug or an id is never a section,
    as the whole segment must be one. The host, query and fragment are not read.

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
    """
    if not url or not sections:
        return None
    # The path's bounds by hand, as url_date finds them: urlsplit refuses a malformed url.
    host = url.find("//")
    start = url.find("/", host + 2) if host >= 0 else url.find("/")
    if start < 0:
        return None
    path = url[start:]
    if "?" in path or "#" in path:
        path = path.split("?", 1)[0].split("#", 1)[0]
    words = _by_form(sections)
    for segment in path.split("/"):
        if segment:
            found = words.get(_form(segment))
            if found is not None:
                return found
    return None


def _form(text: str) -> str:
    """A segment or a section as they are compared: decoded, lower case, '-' and '_' as spaces.

    >>> _form("Sepak-Bola"), _form("gaya_hidup"), _form("cek%20fakta"), _form("fact-check")
    ('sepak bola', 'gaya hidup', 'cek fakta', 'fact check')
    """
    if "%" in text:
        text = unquote(text)
    return " ".join(text.lower().replace("-", " ").replace("_", " ").split())


@lru_cache(maxsize=64)
def _by_form(sections: frozenset[str]) -> dict[str, str]:
    """A pack combination's sections by the form a url's segment is compared in; of two words
    with one form ("fact check", "fact-check"), the one sorting first is written."""
    words: dict[str, str] = {}
    for section in sorted(sections):
        words.setdefault(_form(section), section)
    return words
