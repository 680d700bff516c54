"""The language an input declares (a record's `lang` field, a page's `<html lang>`), as a code.

A declared language is a hint, not the answer: themes ship `lang="en-US"` whatever their
site writes, and dumps copy a crawl's default. The language pick (identify.PackIndex) takes it
only where the text's stopwords name no language of their own, or tie with it.
"""

from __future__ import annotations

import re
from typing import Any

# A language tag as BCP 47 writes it, or a locale as og:locale does ("id", "id-ID", "en_US",
# "zh-Hant-TW", "ind"): its primary subtag, 2 or 3 letters, is the language.
_TAG = re.compile(r"([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*")
# Longer than any tag a page or dump writes for a language (BCP 47 bounds the usual ones at 35
# characters): such a value is no tag, and is not searched.
MAX_TAG_CHARS = 64
# ISO 639 codes other than the two-letter one for a language the packs serve: the deprecated
# `in` (Java's Locale still writes it for Indonesian), and the three-letter codes of ISO 639-2
# and 639-3 (Standard Malay's `zsm`). (Codes, not words: no pack's data would hold them.)
_SAME_LANGUAGE = {"in": "id", "ind": "id", "may": "ms", "msa": "ms", "zsm": "ms", "eng": "en"}
# Codes that declare no language: undetermined, several, no linguistic content, uncoded.
_NO_LANGUAGE = frozenset({"und", "mul", "zxx", "mis"})
# A page root's attributes that declare its language (lxml names xml:lang by its namespace).
_LANG_ATTRIBUTES = ("lang", "{http://www.w3.org/XML/1998/namespace}lang", "xml:lang")


def language_code(value: Any) -> str | None:
    """The language code a declared value names, in lower case, its region and script left out
    (`id-ID`, `in`, `ind` -> `id`); None for a value that is no language tag (a number, a list,
    a sentence, `und`).

    >>> [language_code(v) for v in ("id-ID", "in", "IND", " en_US ", "ms-MY", "may", "fr")]
    ['id', 'id', 'id', 'en', 'ms', 'ms', 'fr']
    >>> [language_code(v) for v in (None, 7, ["id"], "", "und", "Bahasa Indonesia", "id" * 40)]
    [None, None, None, None, None, None, None]
    """
    if type(value) is not str or len(value) > MAX_TAG_CHARS:
        return None
    match = _TAG.fullmatch(value.strip())
    if match is None:
        return None
    code = match.group(1).lower()
    if code in _NO_LANGUAGE:
        return None
    return _SAME_LANGUAGE.get(code, code)


def page_language(tree: Any) -> str | None:
    """The language a parsed page declares: that of its root's `lang` (or `xml:lang`), its
    og:locale meta and its content-language meta (the first language it lists), where those it
    has agree; None without one, or where they differ.

    A theme's default is the wrong one: of the benchmark's 181 pages, two German pages of one
    site say `lang="en"` and `content-language` `de`, and og:locale never differs from `lang`.
    """
    root = tree.getroottree().getroot() if hasattr(tree, "getroottree") else tree
    declared = {language_code(root.get(name)) for name in _LANG_ATTRIBUTES}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("http-equiv") or meta.get("name") or "").lower()
        if key == "og:locale":
            declared.add(language_code(meta.get("content")))
        elif key == "content-language":
            # (an HTTP header's form: several languages, comma-separated, the first meant)
            declared.add(language_code((meta.get("content") or "").partition(",")[0]))
    declared.discard(None)
    return declared.pop() if len(declared) == 1 else None
