"""A date's numeric UTC offset (RFC 2822, HTTP) counts as a named zone does: the day is Jakarta's.

An offset written after GMT or UTC ('10:30 GMT+8', '(GMT+7)', 'UTC-05:00') is the time's zone:
read as 'GMT' alone, '10:30 GMT+8' was 10:30 at +00:00, eight hours off (acceptance of session
49's left-outs). A stamp line with such a zone, a two-digit year or a zone named MYT, SGT or CET
('17/04/23 10:30 MYT', 'Diterbitkan: 17/04/2023 10:30 (GMT+8)') stayed in the text, unread.
"""

from __future__ import annotations

import pytest

from cleaner.dates import normalize_date

ARTICLE = "Presiden meresmikan jembatan baru di Samarinda pada Senin pagi bersama gubernur."
LEAD = ("Harga minyak mentah dunia turun untuk hari ketiga berturut-turut pada perdagangan Senin, "
        "kata para analis yang memantau pasar komoditas di Singapura.")


@pytest.mark.parametrize("text, expected", [
    ("Mon, 29 Aug 2016 20:00:00 +0000", "2016-08-29T20:00:00+00:00"),
    ("Mon, 29 Aug 2016 20:00:00 GMT", "2016-08-29T20:00:00+00:00"),
    ("29 Aug 2016 20:00 +07:00", "2016-08-29T20:00+07:00"),
    ("29/8/2016 10.00 - 12.00 WIB", "2016-08-29T10:00"),      # a range, not an offset
    ("19/11/2019 pukul 10:00-12:00 WIB", "2019-11-19T10:00"),
    ("19/11/2019 20:00 -23:00 WIB", "2019-11-19T20:00"),
    ("19 Nov 2019 10:00 +9999", "2019-11-19T10:00"),           # no such offset
    ("Diperbarui 29 Aug 2016 20:00:00 +0700.", "2016-08-29T20:00:00+07:00"),  # a sentence's end
])
def test_a_numeric_offset_after_the_time_is_its_zone(text, expected):
    assert normalize_date(text) == expected


@pytest.mark.parametrize("text, expected", [
    # (acceptance run s49: the zone after an ISO date's time, and these zones' names, were
    # dropped: the time went with no offset)
    ("2023-04-17 10:15 WIB", "2023-04-17T10:15+07:00"),
    ("2024-03-03 10:15 UTC", "2024-03-03T10:15+00:00"),
    ("Isnin, 4 Mac 2024 | 10:30 MYT", "2024-03-04T10:30+08:00"),
    ("3 March 2024 - 10:15 CET", "2024-03-03T10:15+01:00"),
    ("3 March 2024 10:15 CEST", "2024-03-03T10:15+02:00"),
    ("2024-03-03 10:15 West", "2024-03-03T10:15"),            # a word, no zone
    ("March 3, 2024 10:15 AM ET", "2024-03-03T10:15"),        # the season decides ET's offset
])
def test_a_zone_named_after_the_time_gives_its_offset(text, expected):
    assert normalize_date(text, {"mac": 3}) == expected


def test_a_time_range_leaves_the_day_as_it_is(cleaner):
    record = cleaner.clean(ARTICLE, url="https://www.cnnindonesia.com/nasional/a",
                           date="Selasa, 19 November 2019 20:00-23:00 WIB")
    assert record["meta"]["date"].startswith("2019-11-19")


def test_an_input_date_with_a_numeric_offset_gives_jakartas_day(cleaner):
    # 20:00 UTC is 03:00 the next day in Jakarta: with the offset dropped, the day was a day early.
    for given in ("Mon, 29 Aug 2016 20:00:00 +0000", "Mon, 29 Aug 2016 20:00:00 GMT"):
        record = cleaner.clean(ARTICLE, url="https://www.cnnindonesia.com/nasional/a", date=given)
        assert record["meta"]["date"] == "2016-08-30T03:00:00+07:00"

@pytest.mark.parametrize("text, date", [
    ("17/04/2023 10:30 GMT+8", "2023-04-17T10:30+08:00"),
    ("17/04/2023 10:30 (GMT+8)", "2023-04-17T10:30+08:00"),
    ("17/04/2023 10:30 GMT +7", "2023-04-17T10:30+07:00"),
    ("17/04/2023 10:30 UTC+08:00", "2023-04-17T10:30+08:00"),
    ("17/04/2023 10:30 PM GMT+8", "2023-04-17T22:30+08:00"),
    ("2023-04-17 10:30 GMT+8", "2023-04-17T10:30+08:00"),
    ("2023-04-17T10:30 GMT-5", "2023-04-17T10:30-05:00"),
    ("Mon, 17 Apr 2023 10:30 GMT+0800", "2023-04-17T10:30+08:00"),
    ("17 April 2023 10:30:15 (UTC+5:30)", "2023-04-17T10:30:15+05:30"),
])
def test_an_offset_after_gmt_or_utc_is_the_times_zone(text, date):
    assert normalize_date(text, {"april": 4, "apr": 4}) == date


@pytest.mark.parametrize("text, date", [
    ("17/04/2023 10:30 GMT", "2023-04-17T10:30+00:00"),          # GMT alone is GMT
    ("17/04/2023 10:30 GMT+15", "2023-04-17T10:30"),             # no zone is 15 hours off
    ("2023-04-17 10:30 GMT+15", "2023-04-17T10:30"),
])
def test_gmt_alone_is_gmt_and_an_offset_no_zone_has_is_no_zone(text, date):
    assert normalize_date(text) == date


@pytest.mark.parametrize("stamp, date", [
    ("17/04/23 10:30 MYT", "2023-04-17T10:30+08:00"),
    ("Diterbitkan: 17/04/2023 10:30 (GMT+8)", "2023-04-17T10:30+08:00"),
    ("17/04/2023 10:30 GMT+7", "2023-04-17T10:30+07:00"),
    ("17/04/2023 10:30 SGT", "2023-04-17T10:30+08:00"),
    ("17/04/2023 10:30 CET", "2023-04-17T10:30+01:00"),
])
def test_a_stamp_line_with_such_a_zone_or_a_short_year_gives_the_date(cleaner, stamp, date):
    record = cleaner.clean(f"Harga Minyak Turun Lagi\n{stamp}\n{LEAD}")
    assert record["meta"]["date"] == date
    assert [(r["rule"], r["text"]) for r in record["removed"]
            if r["rule"] != "header/title"] == [("chrome/date-line", stamp)]
    assert record["text"] == LEAD


def test_a_short_date_inside_a_sentence_stays(cleaner):
    line = "Pada 17/04/23 10:30 MYT, harga minyak turun untuk hari ketiga berturut-turut."
    record = cleaner.clean(f"Harga Minyak Turun Lagi\n{line}\n{LEAD}")
    assert line in record["text"]
