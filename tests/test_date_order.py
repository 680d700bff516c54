"""Numeric dates month first where a site or a rule says so (`date_order`), a time written before
its date ('5:45 AM PST 11/19/2019'), and the Portuguese and French clock ('14h30').

1. A rule's `date_order = "month-first"` reads the date it captures month first:
   en/stamp-byline-us captures its US stamp's date ('5:45 AM PST 11/19/2019 by Patrick Shanley');
   en/stamp-byline, a stamp naming no US zone ('10:30 AM GMT 04/03/2026 by Jane Doe'), no date.
2. A site pack's `date_order = "month-first"` reads every numeric date of its documents month
   first: its rules' captures (a language rule's too, unless the rule says otherwise), the input
   `date` field, a web page's dates. A site pack's own key wins over a language rule's.
3. Without either key, numeric dates read day first, as before.
4. `cleaner rules check`: a bad value, the key where it reads nothing, and an example whose date
   does not read in the rule's order.
"""

from __future__ import annotations

import pytest

from cleaner import Cleaner
from cleaner.dates import MonthNames, impossible_date, normalize_date
from cleaner.lexicon import lexicon
from cleaner.rulefile import RuleFileError, load_pack
from cleaner.rules_check import check_examples

MONTH_FIRST = MonthNames(month_first=True)
BODY = ("The committee met on Tuesday to review the annual budget and heard from several "
        "residents who opposed the plan.\n\nOfficials said the new proposal would add three "
        "parks and repair roads across the northern district by next year.")


# -- the reader ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, day_first, month_first", [
    ("04/03/2026", "2026-03-04", "2026-04-03"),
    ("11/19/2019", None, "2019-11-19"),
    ("19/11/2019", "2019-11-19", None),
    ("3/4/24 10:15", "2024-04-03T10:15", "2024-03-04T10:15"),
    ("2026-04-03", "2026-04-03", "2026-04-03"),              # year first: no order to choose
    ("November 19, 2019", "2019-11-19", "2019-11-19"),       # a month's name: none either
    ("19 Nov 2019", "2019-11-19", "2019-11-19"),
])
def test_a_numeric_date_reads_in_the_order_given(text, day_first, month_first):
    assert normalize_date(text) == day_first
    assert normalize_date(text, MONTH_FIRST) == month_first


def test_a_date_in_the_other_order_is_no_impossible_date():
    """'19/11/2019' read month first names a real day read day first: a form this reader does
    not take, as '11/19/2019' is read day first; 13/13 is impossible either way."""
    assert not impossible_date("19/11/2019", MONTH_FIRST)
    assert not impossible_date("11/19/2019")
    assert impossible_date("13/13/2019", MONTH_FIRST) and impossible_date("13/13/2019")
    assert impossible_date("11/19/2019 25:00", MONTH_FIRST)


def test_the_months_carry_their_order_and_their_names():
    months = MonthNames({"marzo": 3}, ["de"], month_first=True)
    assert months.month_first and months.joiners == frozenset({"de"})
    assert "marzo" in months and dict(months) == {"marzo": 3} and months.get("marzo") == 3
    assert normalize_date("12 de marzo de 2024", months) == "2024-03-12"
    day_first = months.in_order(False)
    assert not day_first.month_first and dict(day_first) == {"marzo": 3}
    assert day_first != months and months.in_order(True) is months
    assert normalize_date("04/03/2026", day_first) == "2026-03-04"


@pytest.mark.parametrize("text, date", [
    ("12/03/2026 14h30", "2026-03-12T14:30"),
    ("12/03/2026 às 14h30", "2026-03-12T14:30"),
    ("Publicado em 12/03/2026, 8h40", "2026-03-12T08:40"),
    ("12 mars 2026 à 14h30", "2026-03-12T14:30"),
    ("2026-03-12 14h30", "2026-03-12T14:30"),
    ("12/03/2026 14h30min", "2026-03-12"),       # followed by a letter: no clock read
    ("12/03/2026 14h3", "2026-03-12"),           # one digit after the h: none either
    ("12/03/2026 14H30", "2026-03-12"),          # only a small h
])
def test_the_h_clock_is_a_time_after_a_date(text, date):
    assert normalize_date(text, {"mars": 3}) == date


def test_an_h_clock_the_clock_lacks_makes_no_date():
    assert normalize_date("12/03/2026 25h00") is None
    assert impossible_date("12/03/2026 25h00")


@pytest.mark.parametrize("text, date", [
    ("5:45 AM PST 11/19/2019", "2019-11-19T05:45-08:00"),
    ("10:15 pm EST 3/4/2024", "2024-03-04T22:15-05:00"),
    ("5:45 AM PST Nov 19, 2019", "2019-11-19T05:45-08:00"),
    ("11/19/2019 5:45 AM PST", "2019-11-19T05:45-08:00"),     # after it, as before
    ("Filed 5:45 AM 11/19/2019", "2019-11-19"),               # a word first: no stamp's time
    ("25:45 AM PST 11/19/2019", "2019-11-19"),                # no clock's time: the day alone
])
def test_a_time_alone_before_its_date_is_read(text, date):
    assert normalize_date(text, MONTH_FIRST) == date


# -- a rule's key ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def html():
    return Cleaner().clean_html


def _page(first: str) -> bytes:
    paras = "".join(f"<p>{p}</p>" for p in [first, *BODY.split("\n\n")])
    return (f"<html><head><title>Budget plan draws critics</title></head><body><article>"
            f"<h1>Budget plan draws critics</h1><div class=\"body\">{paras}</div></article>"
            "</body></html>").encode()


@pytest.mark.parametrize("line, date, rule", [
    ("5:45 AM PST 11/19/2019 by Patrick Shanley", "2019-11-19T05:45-08:00", "en/stamp-byline-us"),
    ("11/19/2019 5:45 AM PST by Patrick Shanley", "2019-11-19T05:45-08:00", "en/stamp-byline-us"),
    ("10:15 pm EST 3/4/2024 | by Mary Clare Jalonick", "2024-03-04T22:15-05:00",
     "en/stamp-byline-us"),
    ("Nov 19, 2019 5:45 AM by Jane Doe", "2019-11-19T05:45", "en/stamp-byline"),
])
def test_the_stamped_byline_gives_its_date_month_first(html, line, date, rule):
    """A US zone's stamp is read month first (en/stamp-byline-us); a stamp with a month's name
    needs no order, and the page's written date-time gives it (en/stamp-byline takes none)."""
    record = html(_page(line))
    assert record["meta"]["date"] == date
    assert record["text"] == BODY
    assert rule in [removal["rule"] for removal in record["removed"]]
    assert not [flag for flag in record["flags"] if flag["flag"] == "unreadable-date"]


def test_the_us_stamped_byline_rule_says_month_first_the_other_nothing():
    pack = load_pack("rules/lang/en.toml")
    rules = {rule.id: rule for rule in pack.rules}
    assert rules["en/stamp-byline-us"].date_order == "month-first"
    assert rules["en/stamp-byline"].date_order == ""
    ids = [rule.id for rule in pack.rules]
    assert ids.index("en/stamp-byline-us") < ids.index("en/stamp-byline")


@pytest.mark.parametrize("line", [
    "10:30 AM GMT 04/03/2026 by Jane Doe",      # 4 March on a British page: no order is read
    "5:45 AM GMT 19/11/2019 by Jane Doe",
    "5:45 AM 04/03/2026 by Jane Doe",
])
def test_a_stamp_naming_no_us_zone_gives_the_names_not_a_month_first_date(cleaner, line):
    for url in (None, "https://www.bbc.co.uk/news/x"):
        record = cleaner.clean(f"{line}\n\n{BODY}", url=url)
        assert record["text"] == BODY
        assert record["meta"]["authors"] == ["Jane Doe"]
        assert record["meta"]["date"] is None
        assert not record["flags"]
        assert [removal["rule"] for removal in record["removed"]] == ["en/stamp-byline"]


def _rule_pack(tmp_path, rule_keys: str, pack_keys: str = 'kind = "common"\nid = "xx"',
               name: str = "xx.toml"):
    path = tmp_path / name
    path.write_text(f"[pack]\n{pack_keys}\n\n[[rule]]\nid = \"xx/stamp\"\naction = \"meta\"\n"
                    f"{rule_keys}\n", encoding="utf-8")
    return path


STAMP = ('pattern = \'^Desk log (?P<date>\\d+/\\d+/\\d{4})$\'\n'
         'remove = ["Desk log 11/19/2019"]\n')


@pytest.mark.parametrize("value, reason", [
    ('"month_first"', "date_order must be"), ('"mdy"', "date_order must be"),
    ("true", "date_order must be"), ('""', "date_order must be"),
])
def test_a_bad_date_order_is_refused_naming_the_values(tmp_path, value, reason):
    with pytest.raises(RuleFileError, match=reason) as info:
        load_pack(_rule_pack(tmp_path, f"date_order = {value}\n{STAMP}"))
    assert "day-first" in str(info.value) and "month-first" in str(info.value)
    with pytest.raises(RuleFileError, match=reason):
        load_pack(_rule_pack(tmp_path, STAMP, f'kind = "site"\nid = "us.example"\n'
                                              f'domains = ["us.example"]\ndate_order = {value}'))


def test_a_date_order_on_a_rule_capturing_no_date_is_refused(tmp_path):
    keys = ('date_order = "month-first"\npattern = \'^By (?P<author>\\w+ \\w+)$\'\n'
            'remove = ["By Jane Doe"]\n')
    with pytest.raises(RuleFileError, match="captures no date"):
        load_pack(_rule_pack(tmp_path, keys))


def test_a_date_order_in_a_language_or_common_pack_is_refused(tmp_path):
    for kind in ("lang", "common"):
        path = _rule_pack(tmp_path, STAMP, f'kind = "{kind}"\nid = "xx"\ndate_order = '
                                           '"month-first"')
        with pytest.raises(RuleFileError, match="site pack"):
            load_pack(path)


def test_a_rules_capture_reads_in_its_order(tmp_path):
    rule = _rule_pack(tmp_path, f'date_order = "month-first"\n{STAMP}')
    cleaner = Cleaner(rules=[rule])
    record = cleaner.clean(f"Desk log 04/03/2026\n\n{BODY}")
    assert record["meta"]["date"] == "2026-04-03"
    plain = _rule_pack(tmp_path, STAMP.replace("11/19/2019", "19/11/2019"))
    record = Cleaner(rules=[plain]).clean(f"Desk log 04/03/2026\n\n{BODY}")
    assert record["meta"]["date"] == "2026-03-04"


# -- a site pack's key -----------------------------------------------------------------------

def _site(tmp_path, order: str, rules: str = "") -> Cleaner:
    path = tmp_path / "us.example.toml"
    key = f'date_order = "{order}"\n' if order else ""
    path.write_text(f'[pack]\nid = "us.example"\nkind = "site"\nlang = "en"\n'
                    f'domains = ["us.example"]\n{key}{rules}', encoding="utf-8")
    return Cleaner(rules=[path])


SITE_STAMP = ('\n[[rule]]\nid = "us.example/posted"\naction = "meta"\nwhere = "head"\n'
              'pattern = \'^Desk log (?P<date>\\d+/\\d+/\\d{4})$\'\n'
              'remove = ["Desk log 11/19/2019"]\n')


def test_a_month_first_site_reads_its_input_date_month_first(tmp_path):
    cleaner = _site(tmp_path, "month-first")
    us = cleaner.clean(BODY, url="https://us.example/a/1", date="04/03/2026")
    assert us["meta"]["date"] == "2026-04-03"
    us = cleaner.clean(BODY, url="https://us.example/a/1", date="11/19/2019 5:45 PM EST")
    assert us["meta"]["date"] == "2019-11-19T17:45-05:00"
    elsewhere = cleaner.clean(BODY, url="https://other.example/a/1", date="04/03/2026")
    assert elsewhere["meta"]["date"] == "2026-03-04"


def test_a_month_first_site_reads_its_rules_captures_month_first(tmp_path):
    cleaner = _site(tmp_path, "month-first", SITE_STAMP)
    record = cleaner.clean(f"Desk log 04/03/2026\n\n{BODY}", url="https://us.example/a/1")
    assert record["meta"]["date"] == "2026-04-03"
    assert record["text"] == BODY


def test_a_month_first_site_reads_its_page_dates_month_first(tmp_path):
    cleaner = _site(tmp_path, "month-first")
    page = _page("The committee opened its session early.").replace(
        b"</head>", b'<meta name="date" content="04/03/2026"></head>')
    assert cleaner.clean_html(page, url="https://us.example/a/1")["meta"]["date"] == "2026-04-03"
    assert cleaner.clean_html(page, url="https://other.example/a/1")["meta"]["date"] == \
        "2026-03-04"


def _dated_page(stamp: str) -> bytes:
    """A page with no date tag, its date written where a reader sees it (htmldate's find)."""
    return _page("The committee opened its session early.").replace(
        b"<h1>Budget plan draws critics</h1>",
        f"<h1>Budget plan draws critics</h1><p class=\"date\">{stamp}</p>".encode())


@pytest.mark.parametrize("stamp, us, elsewhere", [
    ("Published 04/03/2026 10:00 AM", "2026-04-03T10:00", "2026-03-04T10:00"),
    ("04/03/2026", "2026-04-03", "2026-03-04"),
    ("Published 11/19/2019 10:00 AM", "2019-11-19T10:00", None),
])
def test_a_month_first_site_reads_a_page_without_a_date_tag_month_first(tmp_path, stamp, us,
                                                                        elsewhere):
    """Without a date tag the date is htmldate's find in the page's text, which reads a numeric
    date day first: where the site reads its dates month first, its day is not htmldate's."""
    cleaner = _site(tmp_path, "month-first")
    assert cleaner.clean_html(_dated_page(stamp), url="https://us.example/a/1")["meta"]["date"] \
        == us
    if elsewhere:
        assert cleaner.clean_html(_dated_page(stamp),
                                  url="https://other.example/a/1")["meta"]["date"] == elsewhere


def test_the_lexicon_takes_the_site_packs_order(tmp_path):
    cleaner = _site(tmp_path, "month-first")
    site = next(pack for pack in cleaner.packs if pack.id == "us.example")
    en = next(pack for pack in cleaner.packs if pack.id == "en")
    assert site.date_order == "month-first"
    assert lexicon((site, en)).months.month_first
    assert not lexicon((en,)).months.month_first
    assert lexicon((site, en)).months == lexicon((site, en)).months


def test_a_site_packs_own_key_wins_over_a_language_rules(tmp_path, html):
    """A site that writes the US stamp en/stamp-byline-us reads month first: its pack says
    day first, and the stamp's date is read so."""
    cleaner = _site(tmp_path, "day-first")
    line = "5:45 AM EST 4/3/2024 by Jane Doe"
    record = cleaner.clean_html(_page(line), url="https://us.example/a/1")
    assert record["meta"]["date"] == "2024-03-04T05:45-05:00"
    assert html(_page(line))["meta"]["date"] == "2024-04-03T05:45-05:00"


def test_a_site_rules_own_key_wins_over_its_pack(tmp_path):
    rules = SITE_STAMP.replace('action = "meta"', 'action = "meta"\ndate_order = "day-first"')
    rules = rules.replace("11/19/2019", "19/11/2019")
    cleaner = _site(tmp_path, "month-first", rules)
    record = cleaner.clean(f"Desk log 04/03/2026\n\n{BODY}", url="https://us.example/a/1")
    assert record["meta"]["date"] == "2026-03-04"


def test_without_a_key_dates_read_day_first_as_before(cleaner):
    record = cleaner.clean(BODY, url="https://us.example/a/1", date="04/03/2026")
    assert record["meta"]["date"] == "2026-03-04"


# -- rules check -------------------------------------------------------------------------------

def test_rules_check_reports_an_example_whose_date_does_not_read_in_its_order(tmp_path):
    keys = ('date_order = "month-first"\npattern = \'^Desk log (?P<date>\\d+/\\d+/\\d{4})$\'\n'
            'remove = ["Desk log 11/19/2019", "Desk log 19/11/2019"]\n')
    pack = load_pack(_rule_pack(tmp_path, keys))
    findings = check_examples([pack], Cleaner(packs=[pack]))
    assert len(findings) == 1
    assert "19/11/2019" in findings[0].message and "month first" in findings[0].message


def test_rules_check_reads_a_site_rules_examples_in_its_packs_order(tmp_path):
    cleaner = _site(tmp_path, "month-first", SITE_STAMP.replace("11/19/2019", "19/11/2019"))
    site = next(pack for pack in cleaner.packs if pack.id == "us.example")
    findings = check_examples([site], cleaner)
    assert len(findings) == 1 and "19/11/2019" in findings[0].message
    fine = _site(tmp_path, "month-first", SITE_STAMP)
    site = next(pack for pack in fine.packs if pack.id == "us.example")
    assert check_examples([site], fine) == []


def test_the_shipped_rules_examples_read_their_dates():
    """Every shipped rule capturing a date reads the dates of its examples (as rules check
    holds them)."""
    from cleaner.rulefile import load_packs

    packs = load_packs()
    findings = [finding for finding in check_examples(packs, Cleaner(packs=packs))
                if "reads as no date" in finding.message]
    assert findings == []
