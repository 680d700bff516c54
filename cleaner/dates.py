"""Dates as ISO 8601 at the precision the source gives: "2022-02", "2021-12-27", "2016-02-22T14:38+07:00"."""

from __future__ import annotations

import calendar
import re
from functools import lru_cache
from typing import Iterable, Mapping

# Month names every run knows; language packs add their own (januari, februari, ...).
ENGLISH_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
# Indonesian time zones written after a time; the offset makes the time unambiguous. So do the
# North American zones that name their season (EDT, PST); ET and PT, whose offset the season
# decides, and CST, which is China's too, name none.
ZONES = {"wib": "+07:00", "wita": "+08:00", "wit": "+09:00", "utc": "+00:00", "gmt": "+00:00",
         "z": "+00:00", "edt": "-04:00", "est": "-05:00", "cdt": "-05:00", "mdt": "-06:00",
         "mst": "-07:00", "pdt": "-07:00", "pst": "-08:00"}

# A time after an ISO date: hour, minute, second, zone.
_CLOCK = r"(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?"
# Year first, at the start: "2022", "2022-02", "2022-02-15", "2022/02/15 10:00".
_ISO = re.compile(r"(\d{4})(?:([-/.])(\d{1,2})(?:\2(\d{1,2}))?)?" + _CLOCK)
# A whole year-first date anywhere ("Published 2020-03-15", "(2019-12-31)"), not inside a number.
_ISO_DAY = re.compile(r"(?<!\d)(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)" + _CLOCK)
# Day first: "15/2/2022", "15-02-22"; not the "20-03-15" inside "2020-03-15".
_NUMERIC = re.compile(r"(?<!\d)(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4}|\d{2})(?!\d)")
# A word is taken whole, from its start (possessive, after no letter): tried from each of its
# letters, with backtracking, a date field of 20,000 letters took 18 s.
_NAMED = re.compile(r"(?:(\d{1,2})\s+)?(?<![^\W\d_])([^\W\d_]++)\.?\s+(\d{4})")
# Month first, as American English writes it: "November 19, 2019", "Nov. 19 2019".
_NAMED_MONTH_FIRST = re.compile(r"(?<![^\W\d_])([^\W\d_]++)\.?\s+(\d{1,2}),?\s+(\d{4})(?!\d)")
# A time, then a zone: a name ("WIB", "GMT", after "PM" or "p.m."), or a numeric offset after a
# space ("20:00:00 +0000", as RFC 2822 and HTTP dates write it; "10:00-12:00" is a range, not one).
_TIME = re.compile(r"(?<!\d)(\d{1,2})[:.](\d{2})(?::(\d{2}))?(?!\d)(?:\s*([AaPp]\.\s?[Mm]\.?|[A-Za-z]{1,4})|\s+([+-])(\d{2}):?(\d{2})"
                   r"(?![\d:]|\.\d))?(?:\s+([A-Za-z]{1,4}))?")


class MonthNames(dict):
    """The packs' month names (name -> 1..12) and their `date_joiners`: the words a language
    writes between a day and its month and between a month and its year ("12 de marzo de
    2024"). Built by the lexicon, it reaches every caller of normalize_date with the months."""

    def __init__(self, names: Mapping[str, int] | None = None,
                 joiners: Iterable[str] = ()) -> None:
        super().__init__(names or {})
        self.joiners = frozenset(word.lower() for word in joiners)


@lru_cache(maxsize=16)
def _joiner_patterns(joiners: frozenset[str]) -> tuple[re.Pattern, re.Pattern]:
    """A joiner after a day and before a word, and one after a word and before a 4-digit year."""
    words = "|".join(sorted(map(re.escape, joiners), key=lambda w: (-len(w), w)))
    after_day = re.compile(rf"(?<![\d.,:/-])(\d{{1,2}})\s+(?:{words})\s+(?=([^\W\d_]++))",
                           re.IGNORECASE)
    before_year = re.compile(
        rf"(?<![^\W\d_])([^\W\d_]++)(\.?)\s+(?:{words})\s+(?=\d{{4}}(?!\d))", re.IGNORECASE)
    return after_day, before_year


def _drop_joiners(text: str, months: Mapping[str, int] | None, names: Mapping[str, int]) -> str:
    """The text without the packs' date joiners where they stand between a day and a month name
    or between a month name and a 4-digit year ("12 de marzo del 2024": "12 marzo 2024"); as it
    was where the months carry none (no pack lists them) or no joiner stands there.

    >>> _drop_joiners("12 de marzo de 2024, 3 de casa de 2024", MonthNames({}, ["de"]),
    ...               {"marzo": 3})
    '12 marzo 2024, 3 de casa de 2024'
    """
    joiners = getattr(months, "joiners", None)
    if not joiners:
        return text
    after_day, before_year = _joiner_patterns(joiners)
    text = after_day.sub(lambda m: f"{m.group(1)} " if m.group(2).lower() in names
                         else m.group(0), text)
    return before_year.sub(lambda m: f"{m.group(1)}{m.group(2)} " if m.group(1).lower() in names
                           else m.group(0), text)


def _valid(year: int, month: int | None = None, day: int | None = None) -> bool:
    """Whether the date exists: no 31 November, no 29 February outside a leap year."""
    if not 1800 <= year <= 2200:
        return False
    if month is not None and not 1 <= month <= 12:
        return False
    if day is None:
        return True
    return 1 <= day <= (calendar.monthrange(year, month)[1] if month else 31)


def _clock_has(hour: int, minute: int, second: str | None = None) -> bool:
    """Whether the clock shows the time: no hour 25, no minute or second 60."""
    return hour <= 23 and minute <= 59 and (second is None or int(second) <= 59)


def _iso(year: int, month: int | None, day: int | None, time: str | None = None) -> str:
    out = f"{year:04d}"
    if month:
        out += f"-{month:02d}"
        if day:
            out += f"-{day:02d}"
            if time:
                out += f"T{time}"
    return out


def _from_iso(m: re.Match) -> str | None:
    """The date of an _ISO or _ISO_DAY match, with its time where it has a day; None when the
    date or its time does not exist."""
    year = int(m.group(1))
    month = int(m.group(3)) if m.group(3) else None
    day = int(m.group(4)) if m.group(4) else None
    if not _valid(year, month, day):
        return None
    if m.group(5) and day:
        if not _clock_has(int(m.group(5)), int(m.group(6)), m.group(7)):
            return None
        zone = m.group(8) or ""
        if zone and zone != "Z" and ":" not in zone:
            zone = f"{zone[:3]}:{zone[3:]}"
        zone = "+00:00" if zone == "Z" else zone
        second = f":{m.group(7)}" if m.group(7) else ""
        return _iso(year, month, day, f"{int(m.group(5)):02d}:{m.group(6)}{second}{zone}")
    return _iso(year, month, day)


# What may stand between a date and its own time: separators and a word that opens a time.
_RIGHT_AFTER = re.compile(r"[\s,|@/\-–—]*(?:(?:pukul|jam|at|pk)\.?\s*)?", re.IGNORECASE)


def _time_after(text: str) -> str | None:
    """The time written after a date ("14:38 WIB": "14:38+07:00"); "" where none is, where a
    12-hour time's hour is out of its range ("13:47 PM"), where it is midnight written 24.00, or
    where a number further on reads as no time ("| Dibaca 27.530 kali"): the day alone. None
    where the time right after the date is none the clock has ("25:00", "pukul 10.61"), which
    makes the date none either."""
    m = _TIME.search(text)
    if not m:
        return ""
    hour, minute = int(m.group(1)), int(m.group(2))
    if not _clock_has(hour, minute, m.group(3)):
        if (hour, minute) == (24, 0) or not _RIGHT_AFTER.fullmatch(text[:m.start()]):
            return ""
        return None
    marker = (m.group(4) or "").lower().replace(".", "").replace(" ", "")
    if marker in ("am", "pm"):              # "07:47 PM EST", "3:15 p.m. EDT": the zone after
        if not 1 <= hour <= 12:
            return ""
        hour = hour % 12 + (12 if marker == "pm" else 0)
        marker = (m.group(8) or "").lower()
    zone = ZONES.get(marker, "")
    if m.group(5) and int(m.group(6)) <= 14 and int(m.group(7)) <= 59:   # offsets run to +14:00
        zone = f"{m.group(5)}{m.group(6)}:{m.group(7)}"
    second = f":{m.group(3)}" if m.group(3) else ""
    return f"{hour:02d}:{minute:02d}{second}{zone}"


def normalize_date(text: str | None, months: Mapping[str, int] | None = None) -> str | None:
    """The first date in a text as ISO 8601 at the precision given, or None.

    >>> normalize_date("2022-02")
    '2022-02'
    >>> normalize_date("Selasa (15/2/2022)")
    '2022-02-15'
    >>> normalize_date("Senin, 22 Februari 2016 | 14:38 WIB", {"februari": 2})
    '2016-02-22T14:38+07:00'
    >>> normalize_date("22/02/2016 14:38")
    '2016-02-22T14:38'
    >>> normalize_date("December 2021")
    '2021-12'
    >>> normalize_date("Kamis, 31 November 2017"), normalize_date("29/2/2023")
    (None, None)
    >>> normalize_date("Published 2020-03-15"), normalize_date("2020/03/15")
    ('2020-03-15', '2020-03-15')
    >>> normalize_date("Rabu 2021-07-04 10:00")
    '2021-07-04T10:00'
    >>> normalize_date("November 19, 2019, 07:47 PM EST"), normalize_date("Nov. 5 2019 12:10 am")
    ('2019-11-19T19:47-05:00', '2019-11-05T00:10')
    >>> normalize_date("March 12, 2024 at 3:15 p.m. EDT"), normalize_date("Mar 12 2024 3:15 p.m.")
    ('2024-03-12T15:15-04:00', '2024-03-12T15:15')
    >>> normalize_date("Mon, 29 Aug 2016 20:00:00 +0000"), normalize_date("29 Aug 2016 20:00 -0530")
    ('2016-08-29T20:00:00+00:00', '2016-08-29T20:00-05:30')
    """
    if not text:
        return None
    text = str(text).strip()
    names = dict(ENGLISH_MONTHS)
    if months:
        names.update(months)
    text = _drop_joiners(text, months, names)
    for m in (_ISO.match(text), _ISO_DAY.search(text)):
        if m and (m.end() == len(text) or not text[m.end()].isdigit()):
            found = _from_iso(m)
            if found:
                return found
    numeric = _NUMERIC.search(text)
    if numeric:
        day_n, month_n, year = (int(numeric.group(i)) for i in (1, 2, 3))
        year += 2000 if year < 100 else 0
        if _valid(year, month_n, day_n):
            time = _time_after(text[numeric.end():])
            if time is not None:
                return _iso(year, month_n, day_n, time)
    for m in _NAMED_MONTH_FIRST.finditer(text):
        month = names.get(m.group(1).lower())
        day_m, year = int(m.group(2)), int(m.group(3))
        if month is not None and _valid(year, month, day_m):
            time = _time_after(text[m.end():])
            if time is not None:
                return _iso(year, month, day_m, time)
    for m in _NAMED.finditer(text):
        month = names.get(m.group(2).lower())
        if month is None:
            continue
        day = int(m.group(1)) if m.group(1) else None
        year = int(m.group(3))
        if _valid(year, month, day):
            time = _time_after(text[m.end():]) if day else ""
            if time is not None:
                return _iso(year, month, day, time)
    return None


def impossible_date(text: str | None, months: Mapping[str, int] | None = None) -> bool:
    """Whether a text is written as a date in a form normalize_date reads, but names a day or
    time the calendar and clock lack: 31 February, month 13, day 00, hour 25, a year outside
    1800-2200 (a placeholder's 0000). A text in a form it does not read ("kemarin", "15
    Brumaire 2016") is no impossible date, nor is a numeric date that reads month first
    ("07/15/2017"): either may name a real day.

    >>> [impossible_date(t) for t in ("2016-02-31", "2016-13", "00/00/0000", "31 February 2016",
    ...                               "2016-02-22 25:00", "22/02/2016 10:61", "Feb 30, 2016")]
    [True, True, True, True, True, True, True]
    >>> [impossible_date(t) for t in ("2016-02-29", "2022-02", "kemarin", "07/15/2017",
    ...                               "15 Brumaire 2016", "31 Februari 2016", "")]
    [False, False, False, False, False, False, False]
    >>> impossible_date("31 Februari 2016", {"februari": 2})
    True
    """
    if not text or normalize_date(text, months) is not None:
        return False
    text = str(text).strip()
    names = dict(ENGLISH_MONTHS)
    if months:
        names.update(months)
    text = _drop_joiners(text, months, names)
    # normalize_date read none of these forms as a date: where one is written, what it names
    # (or the time after it) does not exist.
    year_first = _ISO.match(text)
    if year_first and (year_first.end() == len(text) or not text[year_first.end()].isdigit()):
        return True
    if _ISO_DAY.search(text):
        return True
    numeric = _NUMERIC.search(text)
    if numeric:
        first, second, year = (int(numeric.group(i)) for i in (1, 2, 3))
        year += 2000 if year < 100 else 0
        # A real day read day first failed on its time; one that reads only month first is
        # written in a form this reader does not take, not impossible.
        return _valid(year, second, first) or not _valid(year, first, second)
    words = [m.group(1) for m in _NAMED_MONTH_FIRST.finditer(text)]
    words += [m.group(2) for m in _NAMED.finditer(text)]
    return any(word.lower() in names for word in words)
