"""Datelines in capitals ("MADRID, 12 mar (EFE).- "), the acronyms a one-word place may be, reduplicated words.

`suggest` reads the other datelines with `shapes.lead_shape`; these are its own: the capitals
form, the place a rule may list, a real keep example, and the spaced hyphen of a reduplicated
word ("Baru - baru ini"), which a dateline shape ending at it mistakes for one.
"""

from __future__ import annotations

import re
from typing import Iterable

from cleaner import shapes
from cleaner.suggest_groups import Occurrence, example_text

# An opening dateline in capitals: a place, a date ("12 mar"; a day alone before an agency, as
# Europa Press writes it: "MADRID, 3 (EUROPA PRESS) - "), an agency in brackets ("(EFE)"), then
# a dash, a dot before it allowed ("MADRID, 12 mar (EFE).- ", "BARCELONA.- "). A place's words
# are letters, joined inside by an apostrophe, a dot or a hyphen ("L'HOSPITALET").
_CAPS_WORD = r"[^\W\d_]+(?:['\u2019.-][^\W\d_]+)*"
_CAPS_LEAD = re.compile(
    rf"(?P<place>{_CAPS_WORD}(?:[ \t]+{_CAPS_WORD}){{0,4}}?)"
    r"(?P<date>,[ \t]*\d{1,2}(?:[ \t]+[^\W\d_]{2,12}\.?(?:[ \t]+\d{4})?|(?=[ \t]*\()))?"
    r"(?P<agency>[ \t]*\([^()\n]{2,30}\))?"
    r"[ \t]*(?P<sep>\.?(?:--|-|\u2013|\u2014))[ \t]+")
# What the text after a dateline may open with besides a capital or a digit: an opening quote,
# bracket or Spanish's inverted mark.
_TEXT_OPENERS = "\"'\u00ab\u201c\u2018\u00bf\u00a1("
CAPS_LEAD_KEY = ("lead", "CAPS", "")
# A place of two words or more in capitals ("HARBOR CITY"): one word alone may be an acronym, and
# is a place only where listed (caps_lead_pattern).
CAPS_PLACES_PATTERN = r"\p{Lu}[\p{Lu}\x27’.-]*\p{Lu}(?:[ \t]+\p{Lu}[\p{Lu}\x27’.-]*){1,4}"
# How many letters an acronym has, in capitals inside a sentence ("said FEMA", "the NASA budget").
ACRONYM_LETTERS = (2, 8)
_CAPS_DATE_PATTERN = r",[ \t]*\d{1,2}(?:[ \t]+\pL{2,12}\.?(?:[ \t]+\d{4})?)?"
_CAPS_AGENCY_PATTERN = r"[ \t]*\((?P<source>[^()\n]{2,30})\)"


def caps_lead(line: str) -> tuple[int, str] | None:
    """An opening dateline whose place is in capitals, as wires write it, the lead_shape
    forms aside: where the text after it starts, and its variant ("da|.-": a date, an agency,
    the separator). None for any other line.

    >>> caps_lead("MADRID, 12 mar (EFE).- El Consejo de Ministros aprobó este martes la medida.")
    (23, 'da|.-')
    >>> caps_lead("BARCELONA.- La Generalitat anunció este miércoles que la fase termina.")
    (12, '|.-')
    >>> caps_lead("MADRID, 3 (EUROPA PRESS) - El Gobierno aprobó este martes el decreto.")
    (27, 'da|-')
    >>> caps_lead("MADRID es la ciudad con más turistas.- dijo el alcalde en la rueda.") is None
    True
    """
    if len(line) < 40:
        return None
    m = _CAPS_LEAD.match(line[:200])      # a dateline is short; a hostile line is not read
    if m is None:
        return None
    place, rest = m.group("place"), line[m.end():]
    first = place.split()[0]
    if (place != place.upper() or sum(ch.isalpha() for ch in first) < 2
            or not (rest[:1].isupper() or rest[:1].isdigit() or rest[:1] in _TEXT_OPENERS)
            or len(rest.split()) < 4 or reduplicated(line, m.end())):
        return None
    variant = ("d" if m.group("date") else "") + ("a" if m.group("agency") else "")
    return m.end(), f"{variant}|{m.group('sep')}"


def caps_lead_pattern(variants: dict[str, int], places: Iterable[str] = ()) -> str:
    """The meta pattern of a capitals dateline, from the variants seen (caps_lead): a date and
    an agency where some openings had one (optional where not all did), the separators seen.
    The text after it must open as text does: its first character stays (the `cut` group). Its
    place is two words or more in capitals, or one of `places`, the places of one word the
    dump showed as datelines: one word alone may be an acronym ("FEMA — The agency said").

    >>> "(?P<location>MILLBROOK|" in caps_lead_pattern({"|—": 3}, ["MILLBROOK"])
    True
    """
    dates, agencies = _with_part(variants, "d"), _with_part(variants, "a")
    total = sum(variants.values())

    def part(pattern: str, count: int) -> str:
        return "" if not count else f"(?:{pattern})" + ("" if count == total else "?")

    seps = sorted(_separators(variants), key=lambda s: (-len(s), s))
    listed = "".join(f"{shapes.escape(place)}|" for place in places)
    return (rf"^(?P<cut>(?P<location>{listed}{CAPS_PLACES_PATTERN})"
            rf"{part(_CAPS_DATE_PATTERN, dates)}"
            rf"{part(_CAPS_AGENCY_PATTERN, agencies)}[ \t]*"
            rf"(?:{'|'.join(shapes.escape(s) for s in seps)})[ \t]+)"
            r"[\p{Lu}\d\x22\x27«“‘¿¡(]")


def caps_places(occ: list[Occurrence]) -> set[str]:
    """The places of the capitals datelines seen (caps_lead), as written, spaces collapsed."""
    places = set()
    for o in occ:
        m = _CAPS_LEAD.match(o.text[:200])
        if m is not None:
            places.add(" ".join(m.group("place").split()))
    return places


def acronyms(sample: list[list[str]]) -> set[str]:
    """The words a site's documents (`sample`: their lines) write in capitals inside a sentence,
    after another word, in a line that is not all capitals: acronyms ("said FEMA on Monday",
    "the NASA budget"), which a place's name is not ("in Millbrook").

    >>> sorted(acronyms([["The agency, FEMA, said on Monday.", "FLOODS HIT MILLBROOK"]]))
    ['FEMA']
    """
    found: set[str] = set()
    low, high = ACRONYM_LETTERS
    for lines in sample:
        for line in lines:
            if line.upper() == line:
                continue
            words = line.split()
            # The run of capitals opening a line is a dateline's place ("PORTO ALEGRE – ..."):
            # "ALEGRE" is half a place, no acronym.
            opening = next((i for i, w in enumerate(words) if not w.isupper()), len(words))
            for word in words[max(1, opening):]:
                word = word.strip(_ACRONYM_STRIP)
                if low <= len(word) <= high and word.isalpha() and word.isupper():
                    found.add(word)
    return found


# What may stand around an acronym in a sentence: punctuation and brackets.
_ACRONYM_STRIP = ".,;:!?()[]\"'“”‘’«»"


def real_acronym_line(sample: list[list[str]], places: list[str]) -> str | None:
    """A line of the site's documents (`sample`) opening with one word in capitals before a
    dash that is no place seen ("EUA – China: a disputa ..."), whole: a real keep example for
    a capitals dateline's rule, preferred to one made of an acronym (acronym_keep)."""
    for lines in sample:
        for line in lines:
            m = _CAPS_LEAD.match(line[:200])
            if m is None or caps_lead(line) is None:
                continue
            place = m.group("place")
            if (" " not in place and place not in places and len(place) >= ACRONYM_LETTERS[0]
                    and len(line) <= 200):
                return line
    return None


def acronym_keep(occ: list[Occurrence], places: list[str], acronyms: set[str]) -> str | None:
    """A keep example for a capitals dateline's rule: one of its lines with an acronym alone for
    its place, which the rule leaves ("FEMA — The city council voted ..."). The acronym is one
    the site's documents write (acronyms) and no place seen, never one made up (the initials
    "OPA" of "O prefeito anunciou" are no word of the dump); None where no line gives one."""
    for o in occ:
        m = _CAPS_LEAD.match(o.text[:200])
        if m is None:
            continue
        place = " ".join(m.group("place").split())
        if " " not in place and place not in places:
            continue
        rest = o.text[m.start("place") + len(m.group("place")):]
        spare = sorted(acronyms - set(places))
        if not spare:
            return None
        acronym = spare[0]
        if len(acronym) < ACRONYM_LETTERS[0] or acronym in places:
            continue
        line = example_text("lead", Occurrence(o.doc, o.line, acronym + rest, 0,
                                                len(acronym) + m.end() - m.start("place")
                                                - len(m.group("place")), o.head, o.tail, None))
        return line
    return None


def caps_lead_display(variants: dict[str, int]) -> str:
    """A capitals dateline's shape as shown, from the variants seen (caps_lead): the date and
    the agency where some openings had one, in brackets where not all did.

    >>> caps_lead_display({"da|.-": 8, "|.-": 2})
    '<PLACE>[, <day> <month>][ (<agency>)] .-'
    """
    total = sum(variants.values())

    def part(text: str, flag: str) -> str:
        count = _with_part(variants, flag)
        return "" if not count else text if count == total else f"[{text}]"

    seps = " | ".join(sorted(_separators(variants)))
    return f"<PLACE>{part(', <day> <month>', 'd')}{part(' (<agency>)', 'a')} {seps}"


def _with_part(variants: dict[str, int], flag: str) -> int:
    """How many of the capitals datelines seen (caps_lead's variants, counted) had a part:
    `flag` "d" a date, "a" an agency."""
    return sum(n for v, n in variants.items() if flag in v.partition("|")[0])


def _separators(variants: dict[str, int]) -> set[str]:
    """The separators the capitals datelines seen (caps_lead's variants) ended with."""
    return {v.partition("|")[2] for v in variants}


# The word touching a hyphen from the left, and the word opening the text after it. Only a
# single hyphen joins a reduplicated word: "Jakarta, CNN Indonesia -- Indonesia ..." is a dateline.
_WORD_BEFORE_DASH = re.compile(r"([^\W\d_]+)\s*-\s*$")
_FIRST_WORD = re.compile(r"[^\W\d_]+")


def reduplicated(line: str, end: int) -> bool:
    """Whether the hyphen a dateline shape ends at (`end`) joins a word to itself, as a tokenised
    text writes a reduplicated word with a spaced hyphen: no dateline, an ordinary word.

    >>> reduplicated("Baru - baru ini, rapper asal California merilis album.", 7)
    True
    >>> reduplicated("Jakarta - Pemerintah kota membuka taman baru hari ini.", 10)
    False
    """
    # A dateline shape's prefix is short; the window keeps a hostile line's scan short too.
    before = _WORD_BEFORE_DASH.search(line, max(0, end - 80), end)
    after = _FIRST_WORD.match(line, end)
    return before is not None and after is not None and _repeats(before.group(1), after.group(0))


def _repeats(left: str, right: str) -> bool:
    """Whether two words are one word said twice, case ignored, an affix on either side allowed:
    the end of `left` opens `right`, and that shared part is most of the longer word.

    >>> _repeats("Kupu", "kupu"), _repeats("Sehari", "hari"), _repeats("Sebaik", "baiknya")
    (True, True, True)
    >>> _repeats("com", "Compact"), _repeats("Bandung", "Pemerintah")
    (False, False)
    """
    left, right = left.casefold(), right.casefold()
    if left == right:
        return True
    longest = max(len(left), len(right))
    for size in range(min(len(left), len(right)), 2, -1):
        if 2 * size < longest:
            break
        if left.endswith(right[:size]):
            return True
    return False
