"""English datelines beyond wire copy's own form (rules/lang/en.toml): a city that a page sets
apart on its own line above the lead ('Pittsburgh', as some US sites lay out AP's dateline), a
listed city in Title Case before an en or em dash ('Indianapolis – ') and one in capitals before
a colon ('NEW DELHI: ') are the record's location, and the openings that only look like one stay."""

from __future__ import annotations

import pytest

TITLE = "Council approves a bigger budget for parks"
LEAD = ("The city council voted on Tuesday to approve a budget that raises spending on parks and "
        "libraries, the mayor's office said, after a debate that went on for most of the night.")
BODY = ("Several members said that the plan would need a new tax on hotel rooms, and that they "
        "would ask the voters about it in the spring, when the next election is held.\n\n"
        "The mayor said that the libraries would open on Sundays from March, and that the parks "
        "department would hire more than forty people over the summer.")


def _removed(record: dict, prefix: str = "en/") -> list[tuple[str, str]]:
    return [(r["rule"], r["text"].strip()) for r in record["removed"] if r["rule"].startswith(prefix)]


def _others(record: dict) -> list[tuple[str, str]]:
    """Every removal of the rule stage, the header's title aside."""
    return [r for r in _removed(record, "") if r[0] != "header/title"]


def _with_lead(opening: str) -> str:
    return f"{TITLE}\n\n{opening}{LEAD}\n\n{BODY}"


def _with_line(line: str) -> str:
    """An article with the line between its title and its lead, where a page sets a dateline."""
    return f"{TITLE}\n\n{line}\n\n{LEAD}\n\n{BODY}"


@pytest.mark.parametrize("line, location", [
    ("Pittsburgh", "Pittsburgh"),
    ("CHICAGO", "Chicago"),
    ("Bogotá", "Bogotá"),
])
def test_a_listed_city_alone_above_the_lead_is_the_location(cleaner, line, location):
    record = cleaner.clean(_with_line(line))
    assert _removed(record) == [("en/dateline-city-alone", line)]
    assert record["text"].startswith(LEAD)
    assert record["meta"]["location"] == location
    assert record["meta"]["lang"] == "en"


def test_a_web_page_that_sets_the_city_apart_gives_the_location(cleaner):
    page = (f"<html><head><title>{TITLE}</title></head><body><article><h1>{TITLE}</h1>"
            f"<p><i>Pittsburgh </i></p><p>{LEAD}</p>"
            + "".join(f"<p>{p}</p>" for p in BODY.split("\n\n")) + "</article></body></html>")
    record = cleaner.clean_html(page)
    assert ("en/dateline-city-alone", "Pittsburgh") in _removed(record)
    assert record["text"].startswith(LEAD)
    assert record["meta"]["location"] == "Pittsburgh"


@pytest.mark.parametrize("line", [
    "Jackson",                  # a city, but a name as often: not in the list
    "Politics",                 # a section's label
    "pittsburgh",               # a tag, written in lower case
    "PiTTSBURGH",
    "Pittsburgh Penguins",      # a team, more than the city
    "Pittsburgh 4, Buffalo 1",  # a score
    "New York",                 # two words alone read as a title
    "NASA",
])
def test_a_line_that_is_no_listed_city_alone_stays(cleaner, line):
    record = cleaner.clean(_with_line(line))
    assert not _removed(record)
    assert record["text"].startswith(line)
    assert record["meta"]["location"] is None


def test_a_city_alone_past_the_head_stays(cleaner):
    # A list's heading or a table's team far down the article is no dateline.
    paragraphs = "\n\n".join(f"{LEAD} ({n})" for n in range(7))
    record = cleaner.clean(f"{TITLE}\n\n{paragraphs}\n\nChicago\n\n{BODY}")
    assert not _removed(record)
    assert "\n\nChicago\n\n" in record["text"]
    assert record["meta"]["location"] is None


@pytest.mark.parametrize("line, location", [
    ("Pitts\u200bburgh", "Pittsburgh"),     # a zero-width space goes before the rules read it
    ("\ufeffPittsburgh\x00", "Pittsburgh"),  # a byte order mark and a NUL go too
    ("Pittsburgh" * 5000, None),            # one word of 50,000 letters is no city
    ("Pittsburgh\u0301", None),             # a stray combining accent makes another word
])
def test_damaged_city_lines_are_read_as_the_text_fixes_leave_them(cleaner, line, location):
    record = cleaner.clean(_with_line(line))
    assert record["meta"]["location"] == location
    assert record["text"].startswith(LEAD if location else line[:20])


# --- a city before a dash or a colon, opening the lead ------------------------------------------

@pytest.mark.parametrize("opening, rule_id, location", [
    ("Indianapolis – ", "en/dateline-city", "Indianapolis"),
    ("Chicago — ", "en/dateline-city", "Chicago"),
    ("Salt Lake City — ", "en/dateline-city", "Salt Lake City"),
    ("NEW DELHI: ", "en/dateline-city-colon", "New Delhi"),
    ("SINGAPORE: ", "en/dateline-city-colon", "Singapore"),
])
def test_a_city_dateline_opening_the_lead_is_the_location(cleaner, opening, rule_id, location):
    record = cleaner.clean(_with_lead(opening))
    assert _removed(record) == [(rule_id, opening.strip())]
    assert record["text"].startswith(LEAD)
    assert record["meta"]["location"] == location


def test_a_capital_citys_dateline_before_a_colon_goes_to_meta(cleaner):
    record = cleaner.clean("NEW DELHI: India said on Monday it would send more troops to the "
                           "border, officials said.\n\nThe move follows talks.")
    assert record["text"].startswith("India said on Monday")
    assert record["meta"]["location"] == "New Delhi"


@pytest.mark.parametrize("opening", [
    "NOTE: ", "UPDATE: ", "WARNING: ", "BREAKING: ", "DEAR ABBY: ", "Photo: ",
    "Mumbai: ",         # a listed city in Title Case before a colon: a headline's form
    "Paris - ",         # a hyphen: 'Paris - Roubaix is ...'
    "Jackson – ",       # a city, but a name as often: not in the list
    "Apple – ",
])
def test_an_opening_that_only_looks_like_a_city_dateline_stays(cleaner, opening):
    record = cleaner.clean(_with_lead(opening))
    assert not _others(record)
    assert record["text"].startswith(opening + LEAD[:20])
    assert record["meta"]["location"] is None


@pytest.mark.parametrize("line", [
    "Indianapolis – the city's mayor said no to the plan.",
    "LONDON: THE CITY THAT NEVER SLEEPS",
    "NEW DELHI: a city of twenty million people",
])
def test_a_city_before_a_dash_or_colon_that_opens_no_sentence_stays(cleaner, line):
    record = cleaner.clean(_with_line(line))
    assert not _others(record)
    assert record["text"].startswith(line)
    assert record["meta"]["location"] is None


def test_a_city_dateline_past_the_head_stays(cleaner):
    paragraphs = "\n\n".join(f"{LEAD} ({n})" for n in range(7))
    line = "Indianapolis – The mayor said the city would appeal."
    record = cleaner.clean(f"{TITLE}\n\n{paragraphs}\n\n{line}\n\n{BODY}")
    assert not _others(record)
    assert f"\n\n{line}\n\n" in record["text"]
    assert record["meta"]["location"] is None


@pytest.mark.parametrize("opening, location", [
    ("NEW DELHI:" + " INDIA" * 20000, None),       # 120,000 characters with no sentence
    ("Indianapolis –" + "\u2013" * 5000, None),     # dashes and nothing after them
    ("NEW\u00a0DELHI:\tIndia said so. ", "New Delhi"),  # odd spaces become plain ones first
])
def test_damaged_city_openings_neither_raise_nor_take_text(cleaner, opening, location):
    record = cleaner.clean(_with_lead(opening))
    assert record["meta"]["location"] == location
    if location is None:
        assert record["text"].startswith(opening[:20])
