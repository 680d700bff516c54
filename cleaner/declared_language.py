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
# ISO 639 codes other than the two-letter one for a language: the deprecated `in` (Java's Locale
# still writes it for Indonesian), and the three-letter codes of ISO 639-2 and 639-3 of the packs'
# languages (Standard Malay's `zsm`) and of common languages with a two-letter code (FLORES and
# NLLB tag rows `fra_Latn`, a library catalogue `ger`). (Codes, not words: no pack's data would
# hold them.)
_SAME_LANGUAGE = {
    "in": "id", "ind": "id", "may": "ms", "msa": "ms", "zsm": "ms", "eng": "en",
    "fra": "fr", "fre": "fr", "deu": "de", "ger": "de", "por": "pt", "spa": "es", "jpn": "ja",
    "zho": "zh", "chi": "zh", "jav": "jv", "sun": "su", "tgl": "tl", "ara": "ar", "rus": "ru",
    "kor": "ko", "tha": "th", "vie": "vi", "hin": "hi", "ita": "it", "nld": "nl", "dut": "nl"}
# The ISO 639-1 codes (184, the withdrawn `bh` among them): a two-letter primary subtag outside
# them is a dump's placeholder ("xx", "NA"...), not a language. (Codes, not words.) Three-letter
# codes are not checked against a list: ISO 639-3 has 7,000 (Minangkabau's `min`, Acehnese's
# `ace`, Cebuano's `ceb`, most without a two-letter code), too many to hold for a hint.
_TWO_LETTER_CODES = frozenset("""
    aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv
    cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr
    ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw
    ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv
    ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr
    ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi
    yo za zh zu""".split())
# Codes that declare no language: ISO 639's undetermined, several, no linguistic content, uncoded
# and sign languages (no text is written in one); and a dump's placeholders, some of them a
# language's code too (`na` Nauruan's, `nan` Min Nan's, `yes` Nyankpa's, `non` Old Norse's),
# which a dump writes for "not available", NaN, "yes" far more often than for those languages.
_NO_LANGUAGE = frozenset({"und", "mul", "zxx", "mis", "sgn", "na", "nan", "unk", "yes", "tbd",
                          "tba", "nil", "nul", "non", "xxx", "zzz", "oth", "all", "any"})
# A page root's attributes that declare its language (lxml names xml:lang by its namespace).
_LANG_ATTRIBUTES = ("lang", "{http://www.w3.org/XML/1998/namespace}lang", "xml:lang")


def language_code(value: Any) -> str | None:
    """The language code a declared value names, in lower case, its region and script left out
    (`id-ID`, `in`, `ind` -> `id`); None for a value that is no language tag (a number, a list,
    a sentence, `und`), whose two-letter language is no ISO 639-1 code (`xx`, `NA`), or that is a
    placeholder (`nan`, `unk`); a three-letter code with a two-letter one is given that one.

    >>> [language_code(v) for v in ("id-ID", "in", "IND", " en_US ", "ms-MY", "may", "fr")]
    ['id', 'id', 'id', 'en', 'ms', 'ms', 'fr']
    >>> [language_code(v) for v in ("fra", "jav_Latn", "zho_Hans", "min", "fil", "ace")]
    ['fr', 'jv', 'zh', 'min', 'fil', 'ace']
    >>> [language_code(v) for v in (None, 7, ["id"], "", "und", "Bahasa Indonesia", "id" * 40)]
    [None, None, None, None, None, None, None]
    >>> [language_code(v) for v in ("nan", "NA", "TBD", "yes", "xx", "unk", "N/A", "qq")]
    [None, None, None, None, None, None, None, None]
    """
    if type(value) is not str or len(value) > MAX_TAG_CHARS:
        return None
    match = _TAG.fullmatch(value.strip())
    if match is None:
        return None
    code = match.group(1).lower()
    code = _SAME_LANGUAGE.get(code, code)
    if code in _NO_LANGUAGE or (len(code) == 2 and code not in _TWO_LETTER_CODES):
        return None
    return code


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
