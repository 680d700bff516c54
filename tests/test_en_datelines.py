"""English datelines beyond wire copy's own form (rules/lang/en.toml): a city that a page sets
apart on its own line above the lead ('Pittsburgh', as some US sites lay out AP's dateline) is
the record's location, and the words alone on a line that only look like one stay."""

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
