"""A day written as an ordinal before or after its month's name ('1er décembre 2024', '1st March
2024', 'March 1st, 2024') is read with its day (acceptance run of session 50, the French pack:
'1er décembre 2024 à 21h50' gave '2024-12', the day lost, and 'March 1st, 2024' gave no date)."""

from __future__ import annotations

import pytest

from cleaner.dates import normalize_date

MONTHS = {"décembre": 12, "mars": 3, "march": 3, "november": 11}


@pytest.mark.parametrize("text, date", [
    ("1er décembre 2024 à 21h50", "2024-12-01T21:50"),
    ("1re mars 2024", "2024-03-01"),
    ("1st March 2024", "2024-03-01"),
    ("March 1st, 2024", "2024-03-01"),
    ("November 22nd 2019 10:15", "2019-11-22T10:15"),
    ("23rd November 2019", "2019-11-23"),
])
def test_an_ordinal_day_keeps_its_day(text, date):
    assert normalize_date(text, MONTHS) == date


@pytest.mark.parametrize("text, date", [
    ("31st November 2019", None),          # no such day, as '31 November 2019'
    ("March 2024", "2024-03"),              # no day written: the month alone
])
def test_an_ordinal_day_is_held_to_the_calendar(text, date):
    assert normalize_date(text, MONTHS) == date


@pytest.mark.parametrize("text, date", [
    ("12 Mar, 2024 10:32 a.m. EST", "2024-03-12T10:32-05:00"),    # Infobae's stamp (session 51)
    ("12 March, 2024", "2024-03-12"),
    ("12th March, 2024", "2024-03-12"),
    ("March, 2024", None),                  # a month alone takes no comma: a sentence's words
])
def test_a_comma_after_a_days_month_keeps_the_date(text, date):
    assert normalize_date(text, {"mar": 3, "march": 3}) == date
