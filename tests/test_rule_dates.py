"""A date a meta rule captures that the calendar lacks (31 February, month 13, day 00, hour 25)
fills no meta.date and flags the record; the text still goes, recorded; a date in a form the
cleaner does not read is kept as written, flagged too."""

from __future__ import annotations


import pytest

from cleaner import Cleaner
from cleaner.dates import impossible_date, normalize_date
from cleaner.metadata import rule_date

BODY = ("Pemerintah provinsi menyatakan bahwa banjir di wilayah itu telah surut pada Senin pagi, "
        "dan warga mulai kembali ke rumah mereka masing-masing.")
ANTARA_URL = "http://www.antaranews.com/berita/593568/wiranto-demo-4-november-bubar-pukul-1800-wib"
GRID_URL = "https://www.grid.id/read/04315581/banjir-surut"

# (text, url, rule, the captured date): each a day or time no calendar has.
IMPOSSIBLE = [
    (f"date 2016-02-31 {BODY}", None, "common/date-header", "2016-02-31"),
    (f"date 2016-13 {BODY}", None, "common/date-header", "2016-13"),
    (f"date 2016-02-00 {BODY}", None, "common/date-header", "2016-02-00"),
    (f"{BODY}\n\n(T.M052/B / I007/I007) 31 - 02 - 2016 18:35:47", ANTARA_URL,
     "antaranews/code-timestamp-line", "31 - 02 - 2016 18:35:47"),
    (f"Nesiana Yuswar - Senin, 21 Februari 2022 | 25:30 WIB\n\n{BODY}", GRID_URL,
     "grid/byline-date", "Senin, 21 Februari 2022 | 25:30 WIB"),
]


def _unreadable(record: dict) -> list[dict]:
    return [flag for flag in record["flags"] if flag["flag"] == "unreadable-date"]


@pytest.mark.parametrize("text, url, rule, raw", IMPOSSIBLE)
def test_an_impossible_rule_date_fills_no_date_and_flags_the_rule_and_value(cleaner, text, url,
                                                                           rule, raw):
    record = cleaner.clean(text, url=url)
    assert record["meta"]["date"] is None
    [flag] = _unreadable(record)
    assert rule in flag["reason"] and repr(raw) in flag["reason"]


@pytest.mark.parametrize("text, url, rule, raw", IMPOSSIBLE)
def test_an_impossible_rule_date_is_still_removed_and_claims_no_date_field(cleaner, text, url,
                                                                         rule, raw):
    record = cleaner.clean(text, url=url)
    assert raw not in record["text"] and BODY in record["text"]
    [removal] = [r for r in record["removed"] if r["rule"] == rule]
    assert raw in removal["text"]
    assert "date" not in removal.get("fields", [])


def test_the_grid_byline_with_an_impossible_time_still_gives_its_author(cleaner):
    record = cleaner.clean(f"Nesiana Yuswar - Senin, 21 Februari 2022 | 25:30 WIB\n\n{BODY}",
                           url=GRID_URL)
    assert record["meta"]["authors"] == ["Nesiana Yuswar"]
    [removal] = [r for r in record["removed"] if r["rule"] == "grid/byline-date"]
    assert removal["fields"] == ["authors"]


def test_the_urls_date_fills_what_an_impossible_rule_date_left_empty(cleaner):
    record = cleaner.clean(f"date 2016-02-31 {BODY}",
                           url="https://www.tribunnews.com/nasional/2016/08/30/banjir-surut")
    assert record["meta"]["date"] == "2016-08-30"
    assert len(_unreadable(record)) == 1


def test_a_later_readable_rule_date_fills_what_an_impossible_one_left(cleaner):
    record = cleaner.clean(f"date 2016-02-31 {BODY}\n\n(T.M052) 01 - 11 - 2016 18:35:47",
                           url=ANTARA_URL)
    assert record["meta"]["date"] == "2016-11-01T18:35:47"


def test_an_input_date_wins_and_the_impossible_rule_date_is_still_flagged(cleaner):
    record = cleaner.clean(f"date 2016-13 {BODY}", date="2016-11-02")
    assert record["meta"]["date"] == "2016-11-02"
    [flag] = _unreadable(record)
    assert "common/date-header" in flag["reason"]


@pytest.mark.parametrize("raw, date", [("2022-02", "2022-02"), ("2016", "2016"),
                                       ("2016-02-29", "2016-02-29")])
def test_a_real_rule_date_partial_or_whole_fills_the_date_unflagged(cleaner, raw, date):
    record = cleaner.clean(f"date {raw} {BODY}")
    assert record["meta"]["date"] == date and record["flags"] == []
    [removal] = [r for r in record["removed"] if r["rule"] == "common/date-header"]
    assert removal["fields"] == ["date"]


def test_a_rule_date_in_a_form_not_read_is_kept_as_written_and_flagged(cleaner):
    # A misspelt month: a date, maybe, but none this cleaner reads.
    raw = "Senin, 21 Febuari 2022 | 15:30 WIB"
    record = cleaner.clean(f"Nesiana Yuswar - {raw}\n\n{BODY}", url=GRID_URL)
    assert record["meta"]["date"] == raw
    [flag] = _unreadable(record)
    assert "grid/byline-date" in flag["reason"] and "kept as written" in flag["reason"]
    [removal] = [r for r in record["removed"] if r["rule"] == "grid/byline-date"]
    assert removal["fields"] == ["authors", "date"]


# A pack of one rule that takes whatever follows its label as the date.
PACK = """[pack]
id = "t"
name = "T"

[[rule]]
id = "t/archived"
action = "meta"
pattern = '^Diarsipkan:\\s*(?P<date>[^\\n]{1,60})$'
remove = ["Diarsipkan: 22 Februari 2016"]
"""


@pytest.mark.parametrize("raw, date, flags", [("Feb 30, 2016", None, 1),
                                              ("kemarin sore", "kemarin sore", 1),
                                              ("Feb 29, 2016", "2016-02-29", 0)])
def test_a_custom_rules_date_is_read_filled_or_flagged_as_written(tmp_path, raw, date, flags):
    path = tmp_path / "t.toml"
    path.write_text(PACK, encoding="utf-8")
    record = Cleaner(rules=[path], builtin=False).clean(f"{BODY}\n\nDiarsipkan: {raw}")
    assert record["meta"]["date"] == date and len(_unreadable(record)) == flags
    assert record["text"] == BODY


@pytest.mark.parametrize("text", ["2016-02-22 25:00", "2016-02-22T10:61", "2016-02-22 10:00:60",
                                  "22/02/2016 25:00", "22 Februari 2016 pukul 25.10 WIB",
                                  "November 19, 2019 10:75"])
def test_normalize_date_reads_no_date_at_a_time_the_clock_lacks(text):
    assert normalize_date(text, {"februari": 2}) is None
    assert impossible_date(text, {"februari": 2})


# From the review: a number further on that reads as no time ("Dibaca 27.530 kali") voided the
# date, and so did midnight written 24.00.
@pytest.mark.parametrize("text, date", [
    ("Selasa, 12 Maret 2019 | Dibaca 27.530 kali", "2019-03-12"),
    ("November 19, 2019 | 1,234 words | 99.99% uptime", "2019-11-19"),
    ("22 Februari 2016 pukul 24.00 WIB", "2016-02-22"),
])
def test_a_number_after_the_date_that_is_no_time_leaves_the_day(text, date):
    assert normalize_date(text, {"februari": 2, "maret": 3}) == date


@pytest.mark.parametrize("date", ["2016-02-22 25:00", "22/02/2016 25:00",
                                  "Senin, 22 Februari 2016 | 25:38 WIB"])
def test_an_input_date_at_an_hour_the_clock_lacks_is_flagged_in_every_form(cleaner, date):
    # The year-first form was flagged already; the others gave their day, the hour dropped.
    record = cleaner.clean("Isi berita.", url="https://kompas.com/a", date=date)
    assert record["meta"]["date"] == date
    assert [flag["flag"] for flag in record["flags"]] == ["unreadable-date"]


@pytest.mark.parametrize("text, date", [("2016-02-22 23:59:59", "2016-02-22T23:59:59"),
                                        ("22/02/2016 00:00", "2016-02-22T00:00"),
                                        ("November 19, 2019, 13:47 PM", "2019-11-19")])
def test_normalize_date_still_reads_a_time_the_clock_has(text, date):
    assert normalize_date(text) == date


@pytest.mark.parametrize("text", ["kemarin", "15 Brumaire 2016", "07/15/2017", "Hari ini",
                                  "31 Februari 2016", "2 hari yang lalu"])
def test_a_date_in_a_form_not_read_is_no_impossible_date(text):
    assert not impossible_date(text)


# A hang guard, not a speed check (a hostile input: the suite times no test).
@pytest.mark.timeout(60)
@pytest.mark.parametrize("raw", ["", "   ", "\x00\x01", "9999-99-99 99:99:99", "0000-00-00",
                                 "٢٠١٦-٠٢-٣١", "31/02/" + "9" * 5000, "2016-02-31" * 2000,
                                 "Februari " * 3000 + "2016", "\ud83d 2016-02-31"])
def test_hostile_captured_dates_never_raise_and_the_flag_stays_short(raw):
    value, flag = rule_date(raw, "t/rule", {"februari": 2})
    assert value is None or isinstance(value, str)
    if flag is not None:
        assert flag["flag"] == "unreadable-date" and len(flag["reason"]) < 400


def test_a_hostile_date_line_is_cleaned_with_a_reason(cleaner):
    record = cleaner.clean(f"date 0000-00-00 {BODY}")
    assert record["meta"]["date"] is None and record["text"] == BODY
    assert "'0000-00-00'" in _unreadable(record)[0]["reason"]


# From the second review: a count after the date read as a time ("12.530" as 12:53).
@pytest.mark.parametrize("text, date", [
    ("Selasa, 12 Maret 2019 | Dibaca 12.530 kali", "2019-03-12"),
    ("Selasa, 12 Maret 2019 | 1.250 views", "2019-03-12"),
    ("Selasa, 12 Maret 2019 | Dibaca 27.530 kali | 10:15 WIB", "2019-03-12T10:15+07:00"),
])
def test_a_count_after_the_date_is_no_time(text, date):
    assert normalize_date(text, {"maret": 3}) == date
