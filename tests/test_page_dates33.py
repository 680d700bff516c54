"""A page's date with no offset beside the same moment with one (acceptance run 33): a page's
first date tag writes its local time without an offset ('sailthru.date' 2019-11-18 20:58:46)
and its JSON-LD the same moment in UTC (2019-11-19T04:58:46Z); the one with the offset is the
date. Only the same moment: the two differ by a whole number of quarter hours, 14 hours at
most, to the second where both give seconds; else the first date stays, as before."""

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


@pytest.mark.parametrize("dates, more, expected", [
    # the acceptance run's page: Pacific time without its offset, then UTC
    (["2019-11-18 20:58:46", "2019-11-19T04:58:46Z"], [], "2019-11-19T04:58:46+00:00"),
    (["2019-11-18T20:58:46", "2019-11-18T23:58:46-05:00"], [], "2019-11-18T23:58:46-05:00"),
    # India's half hour, Nepal's quarter
    (["2019-11-19T10:28:46", "2019-11-19T04:58:46Z"], [], "2019-11-19T04:58:46+00:00"),
    (["2019-11-19T10:43", "2019-11-19T04:58Z"], [], "2019-11-19T04:58+00:00"),
    # among the other date tags too: tests/test_html_page_meta.py's page read this as another
    # clock time (the same seconds two hours apart), now as the same moment at -02:00
    (["2019-11-18T17:01:27"], ["2019-11-18T19:01:27Z"], "2019-11-18T19:01:27+00:00"),
    (["2019-11-18T20:58:46"], ["2019-11-19T04:58:46+00:00"], "2019-11-19T04:58:46+00:00"),
])
def test_the_same_moment_with_its_offset_wins(dates, more, expected):
    assert page_date(dates, more, tz=None) == expected


@pytest.mark.parametrize("dates, more", [
    (["2019-11-18T20:58:46", "2019-11-19T04:58:47Z"], []),     # a second apart: another moment
    (["2019-11-18T20:58:46", "2019-11-19T04:51:46Z"], []),     # seven minutes: no zone's
    (["2019-11-18T20:58:46", "2019-11-19T20:58:46Z"], []),     # a day: an update
    (["2019-11-18T20:58:46", "2019-11-17T20:58:46Z"], []),
    (["2019-11-18T08:00:00", "2019-11-19T00:00:00Z"], []),     # 16 hours: no zone's offset
    (["2019-11-18", "2019-11-19T04:58:46Z"], []),              # a day alone: another day
])
def test_another_moment_leaves_the_first(dates, more):
    first = page_date(dates[:1], tz=None)
    assert page_date(dates, more, tz=None) == first


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
