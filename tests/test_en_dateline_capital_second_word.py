"""English city datelines before a lead that opens with a name (en/dateline-city): 'Indianapolis
– The City-County Council voted on Monday ...' gives the location, as a lead of a capital and a
lower-case word does; a title after the dash ('Chicago — The Musical', 'The Musical returns ...')
and short lines without a sentence's end stay."""

from __future__ import annotations

import pytest

from cleaner import Cleaner

TITLE = "Council expands the bus network"
BODY = ("Hundreds of riders had asked for the new routes, which will reach the airport and the "
        "east side by the end of next year, the transit agency said.")


@pytest.fixture(scope="module")
def english() -> Cleaner:
    return Cleaner(lang="en")


def _clean(cleaner: Cleaner, line: str) -> dict:
    return cleaner.clean(f"{TITLE}\n\n{line}\n\n{BODY}")


def _others(record: dict) -> list[tuple[str, str]]:
    return [(r["rule"], r["text"].strip()) for r in record["removed"]
            if r["rule"] != "header/title"]


def test_the_reported_lead_gives_the_location():
    lead = "The City-County Council voted on Monday to expand the bus network."
    record = Cleaner().clean(f"{TITLE}\n\nIndianapolis – {lead}\n\n{BODY}", lang="en")
    assert record["meta"]["location"] == "Indianapolis"
    assert _others(record) == [("en/dateline-city", "Indianapolis –")]
    assert record["text"].startswith(lead)


@pytest.mark.parametrize("line, location", [
    ("Indianapolis – Mayor Joe Hogsett said the city would appeal the ruling.", "Indianapolis"),
    ("Washington — The U.S. Department of Justice sued Google on Tuesday over its ads.",
     "Washington"),
    ("Chicago — The Justice Department on Monday sued the city over its police.", "Chicago"),
    ("Indianapolis – The City-County Council voted Monday to expand the bus network.",
     "Indianapolis"),
    ("New Delhi — The Supreme Court ruled on Friday that the new rules were lawful.",
     "New Delhi"),
])
def test_a_lead_opening_with_a_name_and_a_verb_gives_the_location(english, line, location):
    record = _clean(english, line)
    assert record["meta"]["location"] == location
    assert record["text"].startswith(line.split(" ", 2 + location.count(" "))[-1])


@pytest.mark.parametrize("line", [
    "Chicago — The Musical",
    "Paris – The Movie",
    "Indianapolis – The City-County Council voted",                  # no sentence's end
    "Indianapolis – The City-County Council voted on Monday",        # short, no end
    "Chicago — The Musical returns to Broadway in June after a long break.",
    "Washington – The Post reported that the senator would resign.",  # one word: a title's
    "London — A Tale of Two Cities opens at the Old Vic next week.",
    "London — The Lion King opens at the Lyceum for another long season.",  # the present
    "Indianapolis – The City-County Council – the city's legislature – voted to expand it.",
    "Chicago — The Blues Brothers Band",
])
def test_a_title_or_a_short_line_after_a_city_stays(english, line):
    record = _clean(english, line)
    assert not _others(record)
    assert record["meta"]["location"] is None
    assert record["text"].startswith(line)


@pytest.mark.parametrize("line", [
    "Indianapolis – The" + " City" * 20000 + " voted to expand the bus network.",
    "Indianapolis – The City-County Council voted" + " –" * 5000 + ".",
    "Chicago — The Justice Department on Monday sued" + "\u2014" * 3000,
    "Indianapolis – The City-County Council voted\x00\u200b on Monday to expand",
])
def test_damaged_name_leads_neither_raise_nor_take_text(english, line):
    record = _clean(english, line)
    assert record["text"].startswith(line[:12])
