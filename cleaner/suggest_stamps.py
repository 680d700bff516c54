"""Stamps a site dates its articles with ("Publicado em 10/03/2025 às 8h15"): told from prose, their dates as a rule's pattern."""

from __future__ import annotations

import re
from collections import Counter
from typing import Iterable

from cleaner import shapes
from cleaner.dates import normalize_date

# A stamp's date is a date and a time, with a weekday, a month, a zone or "am" in letters: at
# most this many words of letters ("Khamis, 12 Mac 2026 | 10:30 MYT"), no more than this many
# characters. A sentence holding a date ("Mesyuarat diadakan pada 12 Mac 2026 ...") is none.
STAMP_DATE_WORDS = 4
STAMP_DATE_CHARS = 60
_LETTER_WORD = re.compile(r"[^\W\d_]+")
_DIGIT = re.compile(r"\d")
# The date a stamp rule captures after its label: any short text with a digit, which the rule
# stage reads as a date with the packs' month names (a form it does not read is flagged).
STAMP_DATE_PATTERN = r"[^\n]{0,40}?\d[^\n]{0,40}"


def reads_as_date(text: str, months) -> bool:
    """Whether a label's text is a date, as a stamp writes one: short, few words of letters,
    read as a date with the packs' month names (`months`).

    >>> reads_as_date("Mac 13, 2026 @ 9:45am", {"mac": 3})
    True
    >>> reads_as_date("Mesyuarat diadakan pada 12 Mac 2026 di dewan", {"mac": 3})
    False
    >>> reads_as_date("Banjir, Kelantan", {}), reads_as_date("Bab 12", {})
    (False, False)
    """
    if len(text) > STAMP_DATE_CHARS or not _DIGIT.search(text):
        return False
    if len(_LETTER_WORD.findall(text)) > STAMP_DATE_WORDS:
        return False
    return normalize_date(text, months) is not None


# A stamp written with no colon: one to four words of letters, then the date ("Publicado em
# 10/03/2025 às 8h15"), an update after a bar allowed ("... | Atualizado em ...").
_BARE_STAMP = re.compile(r"(?P<label>[^\W\d_]+(?: [^\W\d_]+){0,3}) (?P<date>\d.*)")
# How a stamp's date may end: an update or a note after a bar.
_STAMP_BAR = re.compile(r"\s+\|\s+")


# A label of one word this short is a function word opening prose ("Em 2010 a inflação ...",
# "Pada 2015 harga ...", "En 2023 la ..."), not a stamp's ("Updated", "Publicado em").
STAMP_LONE_LABEL_CHARS = 5
# A date normalized to at least a day ("2025-03-10"): a year alone, or a month, opens prose.
STAMP_DAY_CHARS = len("2025-03-10")
# A sentence's end after the date ("Dibuka pada 10/03/2025 oleh Gubernur."): a stamp ends with
# the date or a zone; a word of one or two letters before the dot is an abbreviation ("a.m.").
_STAMP_SENTENCE_END = re.compile(r"[^\W\d_]{3,}[.!?]$")


def bare_stamp(line: str, months) -> str | None:
    """The label of a stamp written with no colon before its date (a collapsed line), its
    first word capitalised, no lone short word (a function word opening prose), and the text
    after it a date (reads_as_date, up to a bar) of a day at least, no sentence; None for any
    other line. The date the rule captures is at most 80 characters long.

    >>> bare_stamp("Publicado em 10/03/2025 às 8h15", {})
    'Publicado em'
    >>> bare_stamp("Publicado em 12/03/2025 às 14h30 | Atualizado em 12/03/2025 às 16h30", {})
    'Publicado em'
    >>> bare_stamp("Em 2025 a inflação caiu para 4,5% segundo o IBGE", {}) is None
    True
    >>> [bare_stamp(t, {}) for t in ("Em 10/03/2025 às 8h15", "Sejak 2010 jumlah naik",
    ...  "Dibuka pada 10/03/2025 oleh Gubernur.")]
    [None, None, None]
    """
    if len(line) > 120 or not line[:1].isupper():
        return None
    m = _BARE_STAMP.fullmatch(line)
    if m is None or len(m.group("date")) > 80:
        return None
    label = m.group("label")
    if " " not in label and len(label) < STAMP_LONE_LABEL_CHARS:
        return None
    first = _STAMP_BAR.split(m.group("date"), 1)[0]
    if _STAMP_SENTENCE_END.search(first) or not reads_as_date(first, months):
        return None
    day = normalize_date(first, months)
    return label if day is not None and len(day) >= STAMP_DAY_CHARS else None


# The pieces of a stamp's date as its rule's pattern writes them: digits, letters, spaces, any
# other character as written.
_DATE_PIECE = re.compile(r"(?P<digits>\d+)|(?P<letters>[^\W\d_]+)|(?P<space>\s+)|(?P<other>.)")
# At most this many date shapes in one stamp rule: the commonest (the rule is counted by the
# lines it takes).
STAMP_SHAPES = 8


def _date_shape(text: str) -> str:
    """A stamp's date as a pattern of its shape: each run of digits any digits, of letters any
    letters (a month, a weekday, a zone), spaces any spaces, the rest as written. A rule made
    of the shapes seen takes those stamps, not prose opening with the label and a digit.

    >>> print(_date_shape("10/03/2025 às 8h15"))
    \\d{1,4}/\\d{1,4}/\\d{1,4}\\s+\\pL+\\s+\\d{1,4}\\pL+\\d{1,4}
    """
    out = []
    for m in _DATE_PIECE.finditer(text):
        if m.group("digits"):
            out.append(r"\d{1,4}")
        elif m.group("letters"):
            out.append(r"\pL+")
        elif m.group("space"):
            out.append(r"\s+")
        else:
            out.append(shapes.escape(m.group("other")))
    return "".join(out)


def stamp_date_pattern(dates: Iterable[str]) -> str:
    """The date part of a stamp rule: the shapes of the dates seen (_date_shape), the
    commonest first, at most STAMP_SHAPES of them."""
    seen = Counter(_date_shape(d) for d in dates)
    return "|".join(shape for shape, _ in seen.most_common(STAMP_SHAPES))
