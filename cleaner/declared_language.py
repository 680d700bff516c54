"""The language an input declares (a record's `lang` field, a page's `<html lang>`), as a code.

A declared language is a hint, not the answer: themes ship `lang="en-US"` whatever their
site writes, and dumps copy a crawl's default. The language pick (identify.PackIndex) takes it
only where the text's stopwords name no language of their own, or tie with it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Any, NamedTuple

# A language tag as BCP 47 writes it, or a locale as og:locale does ("id", "id-ID", "en_US",
# "zh-Hant-TW", "ind"): its primary subtag, 2 or 3 letters, is the language.
_TAG = re.compile(r"([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*")
# Longer than any tag a page or dump writes for a language (BCP 47 bounds the usual ones at 35
# characters): such a value is no tag, and is not searched.
MAX_TAG_CHARS = 64
# A code in plain ISO 639 form: two or three lower-case letters, no region or script.
_PLAIN_CODE = re.compile(r"[a-z]{2,3}")
# Codes that declare no language: ISO 639's undetermined, several, no linguistic content, uncoded
# and sign languages (no text is written in one); and a dump's placeholders, some of them a
# language's code too (`na` Nauruan's, `nan` Min Nan's, `yes` Nyankpa's, `non` Old Norse's),
# which a dump writes for "not available", NaN, "yes" far more often than for those languages.
# (`def` is Dezfuli's code and `txt` Citak's, which a dump writes for "default" and a text file.)
_NO_LANGUAGE = frozenset({"und", "mul", "zxx", "mis", "sgn", "na", "nan", "unk", "yes", "tbd",
                          "tba", "nil", "nul", "non", "xxx", "zzz", "oth", "all", "any", "def",
                          "txt"})
# A page root's attributes that declare its language (lxml names xml:lang by its namespace).
_LANG_ATTRIBUTES = ("lang", "{http://www.w3.org/XML/1998/namespace}lang", "xml:lang")


def language_code(value: Any) -> str | None:
    """The language code a declared value names, in lower case, its region and script left out
    (`id-ID`, `in`, `ind` -> `id`); None for a value that is no language tag (a number, a list,
    a sentence, `und`), whose language is no ISO 639 code (`xx`, `NA`, `web`), or that is a
    placeholder (`nan`, `unk`); a three-letter code with a two-letter one is given that one, a
    withdrawn code its successor (`jw` -> `jv`), and a member of a macrolanguage that a shipped
    pack serves, named as that language, the macrolanguage (`zlm`, `meo` -> `ms`).

    >>> [language_code(v) for v in ("id-ID", "in", "IND", " en_US ", "ms-MY", "may", "fr")]
    ['id', 'id', 'id', 'en', 'ms', 'ms', 'fr']
    >>> [language_code(v) for v in ("fra", "jav_Latn", "zho_Hans", "min", "fil", "ace")]
    ['fr', 'jv', 'zh', 'min', 'fil', 'ace']
    >>> [language_code(v) for v in (None, 7, ["id"], "", "und", "Bahasa Indonesia", "id" * 40)]
    [None, None, None, None, None, None, None]
    >>> [language_code(v) for v in ("nan", "NA", "TBD", "yes", "xx", "unk", "N/A", "qq")]
    [None, None, None, None, None, None, None, None]
    >>> [language_code(v) for v in ("zlm", "jw", "def", "web", "txt")]
    ['ms', 'jv', None, None, None]
    """
    if type(value) is not str or len(value) > MAX_TAG_CHARS:
        return None
    match = _TAG.fullmatch(value.strip())
    return None if match is None else iso_639_code(match.group(1).lower())


@lru_cache(maxsize=None)         # (at most 26**2 + 26**3 codes: a hostile dump cannot grow it)
def iso_639_code(code: str) -> str | None:
    """The language a lower-case primary subtag of 2 or 3 letters declares (language_code)."""
    if code in _NO_LANGUAGE:
        return None
    iso = _iso_tables()
    code = iso.two_letter.get(code, code)
    replaced = iso.replacements.get(code, code)
    if _PLAIN_CODE.fullmatch(replaced) and (len(code) == 3 or len(replaced) == 2):
        # (not CLDR's `tl` -> `fil`: ISO 639-1 keeps `tl`, and `sh` -> `sr-Latn` is no code)
        code = replaced
    if code in _NO_LANGUAGE or not (code in iso.iso_639_1 if len(code) == 2
                                    else iso.valid.fullmatch(code)):
        return None
    macro = iso.macrolanguages.get(code)
    if len(code) == 3 and macro in _served_languages() and _named_as(code, macro):
        return macro
    return code


class _IsoTables(NamedTuple):
    """The ISO 639 data a code is checked against (langcodes' tables of the IANA registry)."""

    iso_639_1: frozenset[str]
    two_letter: dict[str, str]           # an ISO 639-2 code (`ind`, `ger`) -> its 639-1 code
    replacements: dict[str, str]         # a withdrawn or aliased code -> the one now used
    macrolanguages: dict[str, str]       # a member of a macrolanguage -> the macrolanguage
    valid: re.Pattern[str]               # the subtags the IANA registry holds


@lru_cache(maxsize=1)
def _iso_tables() -> _IsoTables:
    """langcodes' tables, imported on the first code read: a worker that reads none (text files
    without a `lang`) does not pay the 25 ms they take to load."""
    from langcodes import data_dicts

    iso_639_1 = frozenset(key for key in data_dicts.LANGUAGE_ALPHA3 if len(key) == 2)
    two_letter = {three: two for table in (data_dicts.LANGUAGE_ALPHA3,
                                           data_dicts.LANGUAGE_ALPHA3_BIBLIOGRAPHIC)
                  for two, three in table.items() if len(two) == 2}
    # (`in`'s `ind` is Indonesian's too: the replacement after it gives `id` either way)
    return _IsoTables(iso_639_1, two_letter, dict(data_dicts.LANGUAGE_REPLACEMENTS),
                      dict(data_dicts.MACROLANGUAGES), data_dicts.VALIDITY)


@lru_cache(maxsize=1)
def _served_languages() -> frozenset[str]:
    """The languages the shipped packs serve: the names of the files in rules/lang/."""
    folder = resources.files("cleaner.rules") / "lang"
    return frozenset(item.name.removesuffix(".toml") for item in folder.iterdir()
                     if item.name.endswith(".toml"))


@lru_cache(maxsize=None)
def _named_as(member: str, macro: str) -> bool:
    """Whether the IANA registry names a member of a macrolanguage as that language: ISO 639-3
    counts regional languages of their own in Malay's (Minangkabau `min`, Banjar `bjn`,
    Indonesian itself), which a Malay pack does not serve and whose records keep their own
    code, and Malay's varieties (Malay (individual language) `zlm`, Kedah Malay `meo`)."""
    member_name, macro_name = _registry_name(member), _registry_name(macro)
    return bool(member_name and macro_name and re.search(
        rf"(?<![A-Za-z]){re.escape(macro_name)}(?![A-Za-z])", member_name))


def _registry_name(code: str) -> str | None:
    """The first name the IANA registry langcodes ships gives a language subtag, without its
    qualifier ("Malay (macrolanguage)" is "Malay")."""
    found = re.search(rf"^Subtag: {re.escape(code)}\nDescription: ([^(\n]+)", _registry(), re.M)
    return found.group(1).strip() if found else None


@lru_cache(maxsize=1)
def _registry() -> str:
    """The IANA language subtag registry that langcodes ships (read only for a macrolanguage's
    member, and once)."""
    return (resources.files("langcodes") / "data" / "language-subtag-registry.txt").read_text(
        encoding="utf-8")


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
