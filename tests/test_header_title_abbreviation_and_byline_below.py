"""The header stage's title in English news dumps: a headline holding an abbreviation's stops
("N.S.", "U.S.") is no pair of sentences, and a long sentence-case headline over a byline a rule
takes ("By Jane Doe | nj.com") is the title, where a long first line with neither stays text."""

from __future__ import annotations

import pytest

from cleaner.header import looks_like_title

BODY = "The council voted 6-3 on Tuesday after four hours of public comment, officials said."


@pytest.mark.parametrize("headline", [
    "Lobster season opens on N.S. South Shore after weather delay",
    "U.S. Senate backs bill to keep rural ambulance services running",
    "Jane Q. Public wins the county's spelling bee",
])
def test_abbreviation_stops_are_no_sentence_end(headline):
    assert looks_like_title(headline, BODY)


def test_two_sentences_are_still_no_title():
    assert not looks_like_title("The plant closed. Workers were told on Monday", BODY)


@pytest.mark.parametrize("byline", ["By Marisa Kellerman | The Jersey Journal",
                                    "By Evan Cristofaro | NJ Advance Media for NJ.com",
                                    "Jeremy Vasquez | NJ Advance Media for NJ.com"])
def test_sentence_case_headline_over_byline_is_title(cleaner, byline):
    headline = "Hoboken council passes budget: Here’s what it means for your tax bill"
    record = cleaner.clean(f"{headline}\n{byline}\n\n{BODY}", url="https://www.nj.com/x.html")
    assert record["meta"]["title"] == headline
    assert record["text"] == BODY
    assert record["meta"]["authors"]


def test_long_sentence_case_first_line_without_byline_stays_text(cleaner):
    first = "Residents of the township said they would keep pressing the council to delay the vote"
    record = cleaner.clean(f"{first}\n\n{BODY}")
    assert record["meta"]["title"] is None
    assert record["text"].startswith(first)
