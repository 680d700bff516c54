"""A page's date with no offset beside the same moment with one (from an acceptance run): a page's
first date tag writes its local time without an offset ('sailthru.date' 2019-11-18 20:58:46)
and its JSON-LD the same moment in UTC (2019-11-19T04:58:46Z); the one with the offset is the
date. Only the same moment, and only a publication date's (the date meta tags, JSON-LD
datePublished: `published`; not a <time> element, which may be an update's): where the page's
zone is known the two differ by its offset on that day; where none is, by a whole number of
quarter hours, 14 hours at most, to the second, the seconds not zero (a whole minute's time and
an update's line up on the grid one time in fifteen). Else the first date stays, as before
(from the review of that run)."""

from __future__ import annotations

import pytest

from cleaner import Cleaner
from cleaner.page_dates import page_date

BODY = "".join(f"<p>{s}</p>" for s in (
    "The committee met on Tuesday to review the annual budget and heard from several residents "
    "who opposed the plan.",
    "Officials said the new proposal would add three parks and repair roads across the "
    "northern district by next year.",
    "Critics argued that the cost estimates were too optimistic and asked for an independent "
    "review before any vote."))


def page(head: str) -> str:
    return (f"<html><head><title>Budget plan draws critics</title>{head}</head><body><article>"
            f"<h1>Budget plan draws critics</h1><div class=\"body\">{BODY}</div></article>"
            "</body></html>")


def published(dates, more):
    """All the dates but the first as publication-date tags' (the unit tests' pages' case)."""
    return [*dates[1:], *more]


@pytest.mark.parametrize("dates, more, expected", [
    # the acceptance run's page: Pacific time without its offset, then UTC
    (["2019-11-18 20:58:46", "2019-11-19T04:58:46Z"], [], "2019-11-19T04:58:46+00:00"),
    (["2019-11-18T20:58:46", "2019-11-18T23:58:46-05:00"], [], "2019-11-18T23:58:46-05:00"),
    # India's half hour, Nepal's quarter
    (["2019-11-19T10:28:46", "2019-11-19T04:58:46Z"], [], "2019-11-19T04:58:46+00:00"),
    # among the other date tags too: tests/test_html_page_meta.py's page read this as another
    # clock time (the same seconds two hours apart), now as the same moment at -02:00
    (["2019-11-18T17:01:27"], ["2019-11-18T19:01:27Z"], "2019-11-18T19:01:27+00:00"),
    (["2019-11-18T20:58:46"], ["2019-11-19T04:58:46+00:00"], "2019-11-19T04:58:46+00:00"),
])
def test_the_same_moment_with_its_offset_wins(dates, more, expected):
    assert page_date(dates, more, tz=None, published=published(dates, more)) == expected


@pytest.mark.parametrize("dates, more", [
    (["2019-11-18T20:58:46", "2019-11-19T04:58:47Z"], []),     # a second apart: another moment
    (["2019-11-18T20:58:46", "2019-11-19T04:51:46Z"], []),     # seven minutes: no zone's
    (["2019-11-18T20:58:46", "2019-11-19T20:58:46Z"], []),     # a day: an update
    (["2019-11-18T20:58:46", "2019-11-17T20:58:46Z"], []),
    (["2019-11-18T08:00:00", "2019-11-19T00:00:00Z"], []),     # 16 hours: no zone's offset
    (["2019-11-18", "2019-11-19T04:58:46Z"], []),              # a day alone: another day
    # no zone known: a whole minute's time, or one without seconds, may be an update's that
    # lines up on the quarter-hour grid (the review's pages: updated 11 and 13 hours later)
    (["2019-11-18T20:00:00", "2019-11-19T09:15:00Z"], []),
    (["2019-11-18T22:00:00", "2019-11-19T09:00:00Z"], []),
    (["2019-11-19T10:43", "2019-11-19T04:58Z"], []),
    (["2019-11-18T20:58:46", "2019-11-19T04:58Z"], []),
])
def test_another_moment_leaves_the_first(dates, more):
    first = page_date(dates[:1], tz=None)
    assert page_date(dates, more, tz=None, published=published(dates, more)) == first


@pytest.mark.parametrize("dates, more", [
    (["2019-11-18 20:58:46", "2019-11-19T04:58:46Z"], []),
    (["2019-11-18T17:01:27"], ["2019-11-18T19:01:27Z"]),
])
def test_only_a_publication_date_stands_for_the_same_moment(dates, more):
    """A <time> element's date-time, or a date the page writes, is no publication date tag's:
    it may be when the article was updated."""
    first = page_date(dates[:1], tz=None)
    assert page_date(dates, more, tz=None) == first
    assert page_date(dates, more, tz=None, published=[]) == first


@pytest.mark.parametrize("dates, tz, expected", [
    # 20:58:46 Pacific is 04:58:46Z in November (-08:00), 03:58:46Z in July (-07:00)
    (["2019-11-18T20:58:46", "2019-11-19T04:58:46Z"], "America/Los_Angeles",
     "2019-11-18T20:58:46-08:00"),
    (["2019-07-18T20:58:46", "2019-07-19T03:58:46Z"], "America/Los_Angeles",
     "2019-07-18T20:58:46-07:00"),
    # the zone known, its offset says it is the same moment: whole minutes will do
    (["2019-11-18T20:00:00", "2019-11-19T04:00:00Z"], "America/Los_Angeles",
     "2019-11-18T20:00:00-08:00"),
    (["2019-11-19T10:15", "2019-11-19T03:15Z"], "Asia/Jakarta", "2019-11-19T10:15+07:00"),
])
def test_a_known_zone_takes_the_moment_at_its_offset(dates, tz, expected):
    assert page_date(dates, tz=tz, published=dates[1:]) == expected


@pytest.mark.parametrize("dates, tz", [
    # the review's page: 22:00 Pacific is 06:00Z, not 09:00Z (an update 3 hours later)
    (["2019-11-18T22:00:00", "2019-11-19T09:00:00Z"], "America/Los_Angeles"),
    # to the second, but 8 hours is November's Pacific offset, not July's 7
    (["2019-07-18T20:58:46", "2019-07-19T04:58:46Z"], "America/Los_Angeles"),
    # Jakarta's +07:00, not +08:00
    (["2019-11-19T10:58:46", "2019-11-19T02:58:46Z"], "Asia/Jakarta"),
])
def test_a_known_zone_refuses_another_offset(dates, tz):
    assert page_date(dates, tz=tz, published=dates[1:]) == page_date(dates[:1], tz=tz)


def test_a_zoned_first_date_stays():
    assert page_date(["2019-11-18T20:58:46-08:00", "2019-11-19T12:58:46+08:00"], tz=None) \
        == "2019-11-18T20:58:46-08:00"


def test_the_page_takes_the_date_with_its_offset():
    head = ('<meta name="sailthru.date" content="2019-11-18 20:58:46">'
            '<script type="application/ld+json">{"@context":"https://schema.org","@type":'
            '"NewsArticle","headline":"Budget plan draws critics","datePublished":'
            '"2019-11-19T04:58:46Z"}</script>')
    record = Cleaner().clean_html(page(head).encode())
    assert record["meta"]["date"] == "2019-11-19T04:58:46+00:00"


def test_a_page_with_another_moment_keeps_its_first_date():
    head = ('<meta name="sailthru.date" content="2019-11-18 20:58:46">'
            '<script type="application/ld+json">{"@context":"https://schema.org","@type":'
            '"NewsArticle","headline":"Budget plan draws critics","datePublished":'
            '"2019-11-20T04:58:46Z"}</script>')
    record = Cleaner().clean_html(page(head).encode())
    assert record["meta"]["date"] == "2019-11-18T20:58:46"


def test_an_update_stamp_is_no_publication_date():
    """The review's page: published 20:00 without an offset, then "Updated" 9:15 the next
    morning in a <time> element; the date is the publication's."""
    head = '<meta property="article:published_time" content="2019-11-18T20:00:00">'
    html = page(head).replace(
        "<h1>Budget plan draws critics</h1>", "<h1>Budget plan draws critics</h1><p class=\"upd\">"
        "Updated <time datetime=\"2019-11-19T09:15:00Z\">Nov 19, 9:15 AM</time></p>")
    record = Cleaner().clean_html(html.encode())
    assert record["meta"]["date"] == "2019-11-18T20:00:00"


def test_a_time_element_at_the_same_second_is_no_publication_date():
    """Even to the second, a <time> element's moment does not stand in for the tag's."""
    head = '<meta property="article:published_time" content="2019-11-18T20:58:46">'
    html = page(head).replace(
        "<h1>Budget plan draws critics</h1>", "<h1>Budget plan draws critics</h1><p>"
        "<time datetime=\"2019-11-19T04:58:46Z\">Nov 19, 4:58 AM</time></p>")
    record = Cleaner().clean_html(html.encode())
    assert record["meta"]["date"] == "2019-11-18T20:58:46"


def test_a_minutes_only_date_does_not_blunt_the_next():
    """A date without seconds is compared to the minute; the next, with seconds, still to the
    second (the first's seconds are not lost on the way)."""
    assert page_date(["2019-11-18T20:58:46"], tz="America/Los_Angeles",
                     published=["2019-11-19T05:58Z", "2019-11-19T04:58:46Z"]) \
        == "2019-11-18T20:58:46-08:00"
