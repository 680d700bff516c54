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
# ISO 639-3's codes came into the IANA registry on this day (RFC 5646): the codes it held before
# are ISO 639-1's and 639-2's.
_ISO_639_3_ADDED = "2009-07-29"
# A page root's attributes that declare its language (lxml names xml:lang by its namespace).
_LANG_ATTRIBUTES = ("lang", "{http://www.w3.org/XML/1998/namespace}lang", "xml:lang")


def language_code(value: Any) -> str | None:
    """The language code a declared value names, in lower case, its region and script left out
    (`id-ID`, `in`, `ind` -> `id`); None for a value that is no language tag (a number, a list,
    a sentence, `und`), whose language is no ISO 639 code (`xx`, `NA`, `web`) or a word only
    ISO 639-3 counts as one (`doc`, `xml`: _three_letter_codes), or that is a placeholder
    (`nan`, `unk`); a three-letter code with a two-letter one is given that one, a withdrawn
    code its successor (`jw` -> `jv`), and a member of a macrolanguage that a shipped pack
    serves, where it is that language itself, the macrolanguage (`zlm`, `zsm` -> `ms`).

    >>> [language_code(v) for v in ("id-ID", "in", "IND", " en_US ", "ms-MY", "may", "fr")]
    ['id', 'id', 'id', 'en', 'ms', 'ms', 'fr']
    >>> [language_code(v) for v in ("fra", "jav_Latn", "zho_Hans", "min", "fil", "ace")]
    ['fr', 'jv', 'zh', 'min', 'fil', 'ace']
    >>> [language_code(v) for v in (None, 7, ["id"], "", "und", "Bahasa Indonesia", "id" * 40)]
    [None, None, None, None, None, None, None]
    >>> [language_code(v) for v in ("nan", "NA", "TBD", "yes", "xx", "unk", "N/A", "qq")]
    [None, None, None, None, None, None, None, None]
    >>> [language_code(v) for v in ("zlm", "jw", "def", "web", "txt", "doc", "xmm", "bbc")]
    ['ms', 'jv', None, None, None, None, 'xmm', 'bbc']
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
    if code in _NO_LANGUAGE or code not in (iso.iso_639_1 if len(code) == 2
                                            else iso.three_letter):
        return None
    macro = iso.macrolanguages.get(code)
    if len(code) == 3 and macro in _served_languages() and _is_itself(code, macro, iso):
        return macro
    return code


def _is_itself(member: str, macro: str, iso: _IsoTables) -> bool:
    """Whether a member of a macrolanguage is that language itself: CLDR writes it as the
    macrolanguage (Standard Malay `zsm`), or the IANA registry names it so, qualified only in
    brackets ("Malay (individual language)", `zlm`).

    A variety named after it keeps its own code (Manado Malay `xmm`, Kedah Malay `meo`), as
    do regional languages of their own (Minangkabau `min`, Banjar `bjn`): the registry does not
    say which country's Malay a variety is written beside, and the Malay pack is Malaysia's."""
    name = _registry_name(member)
    return iso.normalized.get(member) == macro or (name is not None
                                                   and name == _registry_name(macro))


class _IsoTables(NamedTuple):
    """The ISO 639 data a code is checked against (langcodes' tables of the IANA registry)."""

    iso_639_1: frozenset[str]
    two_letter: dict[str, str]           # an ISO 639-2 code (`ind`, `ger`) -> its 639-1 code
    replacements: dict[str, str]         # a withdrawn or aliased code -> the one now used
    macrolanguages: dict[str, str]       # a member of a macrolanguage -> the macrolanguage
    normalized: dict[str, str]           # a member CLDR writes as its macrolanguage (`zsm`)
    three_letter: frozenset[str]         # the three-letter codes read as a language


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
                      dict(data_dicts.MACROLANGUAGES),
                      dict(data_dicts.NORMALIZED_MACROLANGUAGES), _three_letter_codes())


def _three_letter_codes() -> frozenset[str]:
    """The three-letter codes read as a language: ISO 639-2's, the members of macrolanguages
    (Banjar `bjn`, Cantonese `yue`), the languages CLDR knows a script and region for (Toba
    Batak `bbc`, Venetian `vec`: a dataset's labels) and those named after a shipped pack's
    language (Ambonese Malay `abs`).

    Not the rest of ISO 639-3's 8,000: they hold nearly every three-letter word, and a dump's
    `lang` holding `doc`, `raw`, `xml` or `csv` names a file, not Northern Dong, Rawang,
    Malaysian Sign Language or Sumtu Chin."""
    from langcodes import data_dicts

    served = [name for name in map(_registry_name, _served_languages()) if name]
    kin = re.compile(rf"(?<![A-Za-z])(?:{'|'.join(map(re.escape, served))})(?![A-Za-z])"
                     if served else r"(?!)")
    entries = re.findall(r"\nSubtag: ([a-z]{3})\n((?:Description: .*\n)+)Added: (\S+)",
                         _registry())
    codes = {code for code, names, added in entries
             if added < _ISO_639_3_ADDED or kin.search(names)}
    codes.update(data_dicts.MACROLANGUAGES)
    codes.update(key for key in data_dicts.LIKELY_SUBTAGS if len(key) == 3)
    # (the registry's own codes only: CLDR's tables name a few it does not hold)
    return frozenset(codes.intersection(code for code, _, _ in entries))


@lru_cache(maxsize=1)
def _served_languages() -> frozenset[str]:
    """The languages the shipped packs serve: the names of the files in rules/lang/."""
    folder = resources.files("cleaner.rules") / "lang"
    return frozenset(item.name.removesuffix(".toml") for item in folder.iterdir()
                     if item.name.endswith(".toml"))


@lru_cache(maxsize=None)
def _registry_name(code: str) -> str | None:
    """The first name the IANA registry langcodes ships gives a language subtag, without its
    qualifier ("Malay (macrolanguage)" is "Malay")."""
    found = re.search(rf"^Subtag: {re.escape(code)}\nDescription: ([^(\n]+)", _registry(), re.M)
    return found.group(1).strip() if found else None


@lru_cache(maxsize=1)
def _registry() -> str:
    """The IANA language subtag registry that langcodes ships (read once, with the first code)."""
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
