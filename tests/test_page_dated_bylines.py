"""A web page's byline element that opens with its date and time, then a byline word: the names after it are the authors."""

from __future__ import annotations

import pytest

from cleaner import Cleaner
from cleaner.page_bylines import split_byline

BODY = ("<p>The widget maker Acme said on Monday that it would add 300 jobs at its plant near "
        "Dayton, Ohio, doubling the output of its main assembly line by next year.</p>"
        "<p>The company said the expansion would cost about $40 million and be paid for from "
        "cash on hand, according to a statement released before markets opened.</p>")


@pytest.fixture(scope="module")
def cleaner() -> Cleaner:
    return Cleaner()


def _page(byline: str) -> bytes:
    return ("<html><head><title>Widget Maker Expands Plant</title></head><body><article>"
            f"<h1>Widget Maker Expands Plant</h1><div class=\"byline\">{byline}</div>"
            f"{BODY}</article></body></html>").encode()


@pytest.mark.parametrize("byline, authors", [
    # It gave no author: only a byline opening with its label was read.
    ('Monday November 18, 2019 7:45 am PST by <a href="/author/jane-roe/">Jane Roe</a>',
     ["Jane Roe"]),
    ('November 18, 2019 by <a href="/a/">John Smith</a> and <a href="/b/">Jane Doe</a>',
     ["John Smith", "Jane Doe"]),
    ('By <a href="/author/jane-roe/">Jane Roe</a>', ["Jane Roe"])])
def test_a_byline_opening_with_its_date_gives_the_names_after_by(cleaner, byline, authors):
    record = cleaner.clean_html(_page(byline), url="https://news.example.org/2019/11/18/a/")
    assert record["meta"]["authors"] == authors


@pytest.mark.parametrize("text, authors", [
    ("Monday November 18, 2019 7:45 am PST by Jane Roe", ["Jane Roe"]),
    ("5 Maret 2017 oleh Budi Santoso", ["Budi Santoso"]),
    ("Jane Doe | November 20, 2019", ["Jane Doe"])])     # (a date after the names: as it was)
def test_split_byline_reads_the_names_after_a_date_and_a_byline_word(text, authors):
    assert split_byline(text)[0] == authors
