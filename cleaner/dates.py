"""Dates as ISO 8601 at the precision the source gives: "2022-02", "2021-12-27", "2016-02-22T14:38+07:00"."""

from __future__ import annotations

import calendar
import re
from functools import lru_cache
from typing import Iterable, Iterator, Mapping

# Month names every run knows; language packs add their own (januari, februari, ...).
ENGLISH_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
# Indonesian time zones written after a time; the offset makes the time unambiguous. So do the
# North American zones that name their season (EDT, PST), Malaysia's, Singapore's and Brunei's
# (MYT, SGT, BNT), and central and eastern Europe's (CET, CEST, EET, EEST); ET and PT, whose
# offset the season decides, CST, which is China's too, and IST and BST, each two countries',
# name none.
ZONES = {"wib": "+07:00", "wita": "+08:00", "wit": "+09:00", "utc": "+00:00", "gmt": "+00:00",
         "z": "+00:00", "edt": "-04:00", "est": "-05:00", "cdt": "-05:00", "mdt": "-06:00",
         "mst": "-07:00", "pdt": "-07:00", "pst": "-08:00", "myt": "+08:00", "sgt": "+08:00",
         "bnt": "+08:00", "cet": "+01:00", "cest": "+02:00", "eet": "+02:00", "eest": "+03:00"}

# Between a clock's hour and its minutes: a colon (a full stop too after a day), or the 'h' of
# Portuguese and French ("14h30", "8h40") before two digits that no letter or digit follows
# ("14h30min", "14h305" are read as no clock).
_H = r"h(?=\d{2}(?![^\W_]))"
# A time after an ISO date: hour, minute, second, zone.
_CLOCK = (r"(?:[T ](\d{1,2})(?::|" + _H
          + r")(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?")
# Year first, at the start: "2022", "2022-02", "2022-02-15", "2022/02/15 10:00".
_ISO = re.compile(r"(\d{4})(?:([-/.])(\d{1,2})(?:\2(\d{1,2}))?)?" + _CLOCK)
# A whole year-first date anywhere ("Published 2020-03-15", "(2019-12-31)"), not inside a number.
_ISO_DAY = re.compile(r"(?<!\d)(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)" + _CLOCK)
# Day first ("15/2/2022", "15-02-22"), or month first where the months say so (MonthNames); not
# the "20-03-15" inside "2020-03-15".
_NUMERIC = re.compile(r"(?<!\d)(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4}|\d{2})(?!\d)")
# A word is taken whole, from its start (possessive, after no letter): tried from each of its
# letters, with backtracking, a date field of 20,000 letters took 18 s. A day may carry an
# ordinal's letters: "1er mars 2024" (French writes the first of a month so), "1st March 2024".
_ORDINAL = r"(?:st|nd|rd|th|er|re)?"
# After a day, a comma may close the month ("12 Mar, 2024", Infobae's stamps); a month alone
# takes none ("Maret, 2024 ..." opens a sentence).
_NAMED = re.compile(r"(?:(\d{1,2})" + _ORDINAL
                    + r"\s+)?(?<![^\W\d_])([^\W\d_]++)\.?(?(1),?)\s+(\d{4})")
# Month first, as American English writes it: "November 19, 2019", "Nov. 19 2019", "March 1st,
# 2024".
_NAMED_MONTH_FIRST = re.compile(r"(?<![^\W\d_])([^\W\d_]++)\.?\s+(\d{1,2})" + _ORDINAL
                                + r",?\s+(\d{4})(?!\d)")
# A time, then a zone: a name ("WIB", "GMT", after "PM" or "p.m."), or a numeric offset after a
# space ("20:00:00 +0000", as RFC 2822 and HTTP dates write it; "10:00-12:00" is a range, not one).
_TIME = re.compile(r"(?<!\d)(\d{1,2})(?:[:.]|" + _H + r")(\d{2})(?::(\d{2}))?(?!\d)(?:\s*([AaPp]\.\s?[Mm]\.?|[A-Za-z]{1,4})|\s+([+-])(\d{2}):?(\d{2})"
                   r"(?![\d:]|\.\d))?(?:\s+([A-Za-z]{1,4}))?")


class MonthNames(Mapping[str, int]):
    """How a document's packs write dates: their month names (name -> 1..12, the mapping
    itself), their `date_joiners` (the words a language writes between a day and its month and
    between a month and its year: "12 de marzo de 2024") and whether a numeric date reads month
    first (a site pack's or a rule's `date_order`: "04/03/2026" is 3 April on a US site). One
    value, made once by the lexicon and never changed, that reaches every reader of a date with
    the months; in_order gives the same months read in another order (a rule's).

    (A Mapping, not a frozen dataclass: a compiled build's dataclass cannot subclass one.)

    >>> months = MonthNames({"Maret": 3}, ["de"], month_first=True)
    >>> dict(months), sorted(months.joiners), months.month_first, "maret" in months
    ({'maret': 3}, ['de'], True, True)
    """

    def __init__(self, names: Mapping[str, int] | None = None, joiners: Iterable[str] = (),
                 month_first: bool = False) -> None:
        self._names = {name.lower(): number for name, number in (names or {}).items()}
        self.joiners = frozenset(word.lower() for word in joiners)
        self.month_first = month_first
        # The names a date is read with: English's, then the packs' over them (made once here,
        # not at every date read).
        self.read_names: Mapping[str, int] = {**ENGLISH_MONTHS, **self._names}
        self._other: MonthNames | None = None

    def __getitem__(self, name: str) -> int:
        return self._names[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)

    def __contains__(self, name: object) -> bool:
        return name in self._names

    def __eq__(self, other: object) -> bool:
        if isinstance(other, MonthNames):
            return (self._names == other._names and self.joiners == other.joiners
                    and self.month_first == other.month_first)
        return isinstance(other, Mapping) and self._names == dict(other.items())

    __hash__ = None     # type: ignore[assignment]      # (as a dict's: its names are a dict)

    def __repr__(self) -> str:
        return (f"MonthNames({self._names!r}, {sorted(self.joiners)!r}, "
                f"month_first={self.month_first})")

    def in_order(self, month_first: bool) -> MonthNames:
        """These months with numeric dates read month first or day first (itself when it reads
        so already); the other order's is made once and kept."""
        if month_first == self.month_first:
            return self
        if self._other is None:
            self._other = MonthNames(self._names, self.joiners, month_first)
            self._other._other = self
        return self._other


def _read_names(months: Mapping[str, int] | None) -> Mapping[str, int]:
    """The month names a date is read with: English's, then the packs' (`months`) over them."""
    if isinstance(months, MonthNames):
        return months.read_names
    names = dict(ENGLISH_MONTHS)
    if months:
        names.update(months)
    return names


def _month_first(months: Mapping[str, int] | None) -> bool:
    """Whether a numeric date reads month first with these months (MonthNames.month_first)."""
    return isinstance(months, MonthNames) and months.month_first


def _numeric_parts(m: re.Match, month_first: bool) -> tuple[int, int, int]:
    """A _NUMERIC match's year (a 2-digit one in 2000-2099), month and day, in the order given.

    >>> found = _NUMERIC.search("04/03/26")
    >>> _numeric_parts(found, False), _numeric_parts(found, True)
    ((2026, 3, 4), (2026, 4, 3))
    """
    first, second, year = (int(m.group(i)) for i in (1, 2, 3))
    year += 2000 if year < 100 else 0
    return (year, first, second) if month_first else (year, second, first)


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
    joiners = months.joiners if isinstance(months, MonthNames) else None
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


# A zone's name after an ISO date's time ("2023-04-17 10:15 WIB").
_ZONE_NAME = re.compile(r"\s*([A-Za-z]{1,4})(?![^\W\d_])")
# An offset from GMT or UTC written after them, bracketed or not ("GMT+8", "(GMT+7)", "UTC
# +08:00", "GMT-0500"): read as "GMT" alone, "10:30 GMT+8" was 10:30 at +00:00, 8 hours off.
_GMT_OFFSET = re.compile(r"\s*\(?\s*(?:GMT|UTC)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?(?!\d)\s*\)?",
                         re.IGNORECASE)


def _gmt_offset(text: str, at: int) -> str | None:
    """The zone of an offset from GMT or UTC written at text[at:] ("+08:00"); "" where it is
    none a zone has (offsets run to 14 hours): no zone, not GMT's; None where none is written.

    >>> _gmt_offset(" (GMT+8)", 0), _gmt_offset(" UTC -05:30", 0), _gmt_offset(" GMT+15", 0)
    ('+08:00', '-05:30', '')
    >>> _gmt_offset(" GMT", 0) is None
    True
    """
    m = _GMT_OFFSET.match(text, at)
    if m is None:
        return None
    hours, minutes = int(m.group(2)), int(m.group(3) or 0)
    if hours > 14 or minutes > 59:
        return ""
    return f"{m.group(1)}{hours:02d}:{minutes:02d}"


def _from_iso(m: re.Match, text: str = "") -> str | None:
    """The date of an _ISO or _ISO_DAY match in `text`, with its time where it has a day, and
    the time's zone, by offset or by name (ZONES) after it; None when the date or its time does
    not exist.

    >>> normalize_date("2023-04-17 10:15 WIB"), normalize_date("2024-03-03 10:15 UTC")
    ('2023-04-17T10:15+07:00', '2024-03-03T10:15+00:00')
    """
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
        offset = None if zone else _gmt_offset(text, m.end())
        if offset is not None:
            zone = offset
        elif not zone and (name := _ZONE_NAME.match(text, m.end())) is not None:
            zone = ZONES.get(name.group(1).lower(), "")
        second = f":{m.group(7)}" if m.group(7) else ""
        return _iso(year, month, day, f"{int(m.group(5)):02d}:{m.group(6)}{second}{zone}")
    return _iso(year, month, day)


# What may stand between a date and its own time: separators and a word that opens a time
# (Indonesian and Malay, English, French and Portuguese, Spanish).
_RIGHT_AFTER = re.compile(r"[\s,|@/\-–—]*(?:(?:pukul|jam|at|pk|à|às|a\s+las?)\.?\s*)?",
                          re.IGNORECASE)


def _time_after(text: str) -> str | None:
    """The time written after a date ("14:38 WIB": "14:38+07:00"); "" where none is, where a
    12-hour time's hour is out of its range ("13:47 PM"), where it is midnight written 24.00, or
    where a number further on reads as no time ("| Dibaca 27.530 kali"): the day alone. None
    where the time right after the date is none the clock has ("25:00", "pukul 10.61"), which
    makes the date none either.

    >>> _time_after(" à 25h30"), _time_after(" a las 10:61"), _time_after(" | Dibaca 27.530 kali")
    (None, None, '')
    """
    m = _TIME.search(text)
    if not m:
        return ""
    time = _time_of(m)
    if time is None:
        hour, minute = int(m.group(1)), int(m.group(2))
        if (hour, minute) == (24, 0) or not _RIGHT_AFTER.fullmatch(text[:m.start()]):
            return ""
    return time


# What may stand between a time and the date after it ("5:45 AM PST 11/19/2019", "14:38 WIB,
# 22/02/2016"): separators only.
_BEFORE_DATE = re.compile(r"[\s,|@\-–—]*")


def _time_before(text: str) -> str:
    """The time of a date written before it, where the text before the date is that time alone
    and separators (a US stamp: "5:45 AM PST 11/19/2019"); "" otherwise, and where the clock
    lacks it: the day alone.

    >>> _time_before("5:45 AM PST "), _time_before("Filed 5:45 AM "), _time_before("25:00 ")
    ('05:45-08:00', '', '')
    """
    m = _TIME.match(text)
    if m is None or not _BEFORE_DATE.fullmatch(text, m.end()):
        return ""
    return _time_of(m) or ""


def _time_around(text: str, start: int, end: int) -> str | None:
    """The time of the date text[start:end]: the one after it (_time_after), else one standing
    alone before it (_time_before); None where the time right after it is none the clock has."""
    time = _time_after(text[end:])
    if time == "" and start:
        return _time_before(text[:start])
    return time


def _time_of(m: re.Match) -> str | None:
    """A _TIME match as ISO 8601 writes a time ("14:38 WIB": "14:38+07:00"); "" where a 12-hour
    time's hour is out of its range ("13:47 PM"); None where the clock lacks it ("25:00")."""
    hour, minute = int(m.group(1)), int(m.group(2))
    if not _clock_has(hour, minute, m.group(3)):
        return None
    marker = (m.group(4) or "").lower().replace(".", "").replace(" ", "")
    # (after the clock, or after its "PM": "10:30 GMT+8", "10:30 PM (GMT+8)")
    offset = _gmt_offset(m.string, m.end(4) if marker in ("am", "pm")
                         else m.end(3) if m.group(3) else m.end(2))
    if marker in ("am", "pm"):              # "07:47 PM EST", "3:15 p.m. EDT": the zone after
        if not 1 <= hour <= 12:
            return ""
        hour = hour % 12 + (12 if marker == "pm" else 0)
        marker = (m.group(8) or "").lower()
    zone = ZONES.get(marker, "") if offset is None else offset
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
    >>> normalize_date("12/03/2026 às 14h30"), normalize_date("2026-03-12 8h40")
    ('2026-03-12T14:30', '2026-03-12T08:40')
    >>> normalize_date("04/03/2026"), normalize_date("04/03/2026", MonthNames(month_first=True))
    ('2026-03-04', '2026-04-03')
    >>> normalize_date("5:45 AM PST 11/19/2019", MonthNames(month_first=True))
    '2019-11-19T05:45-08:00'
    >>> normalize_date("17/04/2023 10:30 (GMT+8)"), normalize_date("2023-04-17 10:30 UTC-5")
    ('2023-04-17T10:30+08:00', '2023-04-17T10:30-05:00')
    """
    if not text:
        return None
    text = str(text).strip()
    names = _read_names(months)
    text = _drop_joiners(text, months, names)
    for m in (_ISO.match(text), _ISO_DAY.search(text)):
        if m and (m.end() == len(text) or not text[m.end()].isdigit()):
            found = _from_iso(m, text)
            if found:
                return found
    numeric = _NUMERIC.search(text)
    if numeric:
        year, month_n, day_n = _numeric_parts(numeric, _month_first(months))
        if _valid(year, month_n, day_n):
            time = _time_around(text, numeric.start(), numeric.end())
            if time is not None:
                return _iso(year, month_n, day_n, time)
    for m in _NAMED_MONTH_FIRST.finditer(text):
        month = names.get(m.group(1).lower())
        day_m, year = int(m.group(2)), int(m.group(3))
        if month is not None and _valid(year, month, day_m):
            time = _time_around(text, m.start(), m.end())
            if time is not None:
                return _iso(year, month, day_m, time)
    for m in _NAMED.finditer(text):
        month = names.get(m.group(2).lower())
        if month is None:
            continue
        day = int(m.group(1)) if m.group(1) else None
        year = int(m.group(3))
        if _valid(year, month, day):
            time = _time_around(text, m.start(), m.end()) if day else ""
            if time is not None:
                return _iso(year, month, day, time)
    return None


def impossible_date(text: str | None, months: Mapping[str, int] | None = None) -> bool:
    """Whether a text is written as a date in a form normalize_date reads, but names a day or
    time the calendar and clock lack: 31 February, month 13, day 00, hour 25, a year outside
    1800-2200 (a placeholder's 0000). A text in a form it does not read ("kemarin", "15
    Brumaire 2016") is no impossible date, nor is a numeric date that reads only in the other
    order than the months' ("07/15/2017" day first, "15/07/2017" month first): either may name
    a real day.

    >>> [impossible_date(t) for t in ("2016-02-31", "2016-13", "00/00/0000", "31 February 2016",
    ...                               "2016-02-22 25:00", "22/02/2016 10:61", "Feb 30, 2016")]
    [True, True, True, True, True, True, True]
    >>> [impossible_date(t) for t in ("2016-02-29", "2022-02", "kemarin", "07/15/2017",
    ...                               "15 Brumaire 2016", "31 Februari 2016", "")]
    [False, False, False, False, False, False, False]
    >>> impossible_date("31 Februari 2016", {"februari": 2})
    True
    >>> impossible_date("15/07/2017", MonthNames(month_first=True))
    False
    """
    if not text or normalize_date(text, months) is not None:
        return False
    text = str(text).strip()
    names = _read_names(months)
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
        year, month, day = _numeric_parts(numeric, _month_first(months))
        # A real day read in the months' order failed on its time; one that reads only in the
        # other order is written in a form this reader does not take, not impossible.
        return _valid(year, month, day) or not _valid(year, day, month)
    words = [m.group(1) for m in _NAMED_MONTH_FIRST.finditer(text)]
    words += [m.group(2) for m in _NAMED.finditer(text)]
    return any(word.lower() in names for word in words)
