"""Rules that change with time: valid_from / valid_until bounds checked against a document's date."""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime
from typing import Any, Iterable

_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


def date_span(value: Any) -> tuple[date, date] | None:
    """The first and last day a date covers, at the precision given; None if it is not a date.

    >>> date_span("2016")
    (datetime.date(2016, 1, 1), datetime.date(2016, 12, 31))
    >>> date_span("2016-02")
    (datetime.date(2016, 2, 1), datetime.date(2016, 2, 29))
    >>> date_span("2016-02-22T14:38+07:00")
    (datetime.date(2016, 2, 22), datetime.date(2016, 2, 22))
    >>> date_span("kemarin") is None
    True
    """
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value, value
    if not isinstance(value, str):
        return None
    m = _PARTIAL.match(value.strip())
    if not m:
        return None
    year = int(m.group(1))
    try:
        if m.group(3):
            day = date(year, int(m.group(2)), int(m.group(3)))
            return day, day
        if m.group(2):
            month = int(m.group(2))
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        return date(year, 1, 1), date(year, 12, 31)
    except ValueError:
        return None


def applies(valid_from: date | None, valid_until: date | None,
            span: tuple[date, date] | None) -> bool:
    """Whether a rule valid from/until these days (both inclusive) applies to a document's date.

    A document without a date gets every rule; a date known only to the month or year gets the
    rules valid at some day of it.

    >>> applies(date(2017, 6, 1), None, date_span("2017-05"))
    False
    >>> applies(date(2017, 6, 1), None, date_span("2017"))
    True
    >>> applies(None, date(2016, 12, 31), date_span("2017-01-02"))
    False
    >>> applies(date(2017, 6, 1), date(2018, 1, 1), None)
    True
    """
    if span is None:
        return True
    first, last = span
    if valid_from is not None and last < valid_from:
        return False
    if valid_until is not None and first > valid_until:
        return False
    return True


def dated(rules: Iterable) -> tuple:
    """The rules that carry a validity bound: the only ones a document's date can exclude."""
    return tuple(r for r in rules if r.valid_from is not None or r.valid_until is not None)


def excluded_ids(dated_rules: Iterable, span: tuple[date, date] | None) -> frozenset[str]:
    """Ids of the dated rules that do not apply at a document's date."""
    if span is None:
        return frozenset()
    return frozenset(r.id for r in dated_rules if not applies(r.valid_from, r.valid_until, span))
