"""English datelines of a bare city (rules/lang/en.toml): a listed city in Title Case before an
en or em dash ('Indianapolis – ') or in capitals before a colon ('NEW DELHI: ') is the record's
location when a lead that reads as a sentence follows it (one opening with a name only after a
colon, and long), and the lines that open the same way without one stay: a table's rows, a
tour's dates, an appositive, a show's title, a guide's list."""

from __future__ import annotations

import pytest

from cleaner import Cleaner

TITLE = "Ferry service to the islands resumes after the storm"
LEAD = ("Ferries to the outer islands sailed again on Thursday for the first time in a week, "
        "the harbour authority said, after crews cleared the wrecks from the main channel.")
BODY = ("Hundreds of people queued at the terminal before dawn, many of them carrying food and "
        "water for relatives who had been cut off since the storm made landfall.\n\n"
        "The authority said a full timetable would return by the end of the month, once two "
        "damaged piers had been repaired and inspected by engineers.")


def _others(record: dict) -> list[tuple[str, str]]:
    """Every removal of the rule stage, the header's title aside."""
    return [(r["rule"], r["text"].strip()) for r in record["removed"]
            if r["rule"] != "header/title"]


def _with_lead(opening: str) -> str:
    return f"{TITLE}\n\n{opening}{LEAD}\n\n{BODY}"


def _with_lines(*lines: str) -> str:
    """An article with the lines between its title and its lead, one paragraph each."""
    return "\n\n".join((TITLE, *lines, LEAD, BODY))


# --- a city's dateline before a lead ------------------------------------------------------------

@pytest.mark.parametrize("opening, rule_id, location", [
    ("Indianapolis – ", "en/dateline-city", "Indianapolis"),
    ("Chicago — ", "en/dateline-city", "Chicago"),
    ("Pittsburgh —", "en/dateline-city", "Pittsburgh"),           # an em dash glued to the lead
    ("Salt Lake City ― ", "en/dateline-city", "Salt Lake City"),  # a horizontal bar
    ("Bogotá – ", "en/dateline-city", "Bogotá"),
    ("NEW DELHI: ", "en/dateline-city-colon", "New Delhi"),
    ("SINGAPORE: ", "en/dateline-city-colon", "Singapore"),
])
def test_a_city_dateline_before_a_lead_is_the_location(cleaner, opening, rule_id, location):
    record = cleaner.clean(_with_lead(opening))
    assert _others(record) == [(rule_id, opening.strip())]
    assert record["text"].startswith(LEAD)
    assert record["meta"]["location"] == location
    assert record["meta"]["lang"] == "en"


@pytest.mark.parametrize("lead", [
    "“We are open again,” the harbour master told reporters at the terminal on Thursday.",
    "A ferry carrying two hundred people left the terminal at dawn, the authority said!",
])
def test_a_lead_opening_with_a_quote_or_an_article_follows_a_dateline(cleaner, lead):
    record = cleaner.clean(f"{TITLE}\n\nChicago — {lead}\n\n{BODY}")
    assert _others(record) == [("en/dateline-city", "Chicago —")]
    assert record["text"].startswith(lead)


def test_a_range_with_an_en_dash_after_an_em_dash_dateline_is_no_appositive(cleaner):
    lead = "Officials said the 2021–22 ferry budget would be spent on new piers by May."
    record = cleaner.clean(f"{TITLE}\n\nChicago — {lead}\n\n{BODY}")
    assert record["meta"]["location"] == "Chicago"
    assert record["text"].startswith(lead)


def test_a_long_lead_opening_with_a_name_follows_a_colon_dateline(cleaner):
    lead = ("The Harbour Authority on Thursday reopened the ferry routes to the outer islands, a "
            "week after the storm sank two boats in the main channel.")
    record = cleaner.clean(f"{TITLE}\n\nNEW DELHI: {lead}\n\n{BODY}")
    assert _others(record) == [("en/dateline-city-colon", "NEW DELHI:")]
    assert record["meta"]["location"] == "New Delhi"
    assert record["text"].startswith(lead)


@pytest.mark.parametrize("line", [
    "NEW DELHI: The Harbour Authority reopened the ferry routes on Thursday.",     # short
    "Chicago — The Musical returns to Broadway in June with its first cast, a new staging and "
    "a run of twelve weeks at the theatre where it opened.",                         # a dash
])
def test_a_lead_opening_with_a_name_is_taken_only_long_and_after_a_colon(cleaner, line):
    record = cleaner.clean(_with_lines(line))
    assert not _others(record)
    assert record["text"].startswith(line)
    assert record["meta"]["location"] is None


def test_a_web_pages_lead_with_a_city_dateline_gives_the_location(cleaner):
    paragraphs = "".join(f"<p>{p}</p>" for p in BODY.split("\n\n")) * 3
    page = (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{TITLE}</title>'
            f"</head><body><article><h1>{TITLE}</h1><p>Indianapolis – {LEAD}</p>{paragraphs}"
            f"</article></body></html>")
    record = cleaner.clean_html(page)
    assert record["meta"]["location"] == "Indianapolis"
    assert record["text"].startswith(LEAD)


# --- what opens the same way and is no dateline ----------------------------------------------------

@pytest.mark.parametrize("lines", [
    ("Tokyo — 37.4 million", "Delhi — 31.0 million", "Shanghai — 27.1 million"),  # a table
    ("The ferry calls at three ports this summer:", "London — 12 October",
     "Paris — 14 October", "Berlin — 16 October"),                                 # dates
    ("London — 12 October, with the rest of the tour to follow in the spring.",),
    ("Singapore — Asia's busiest port after Shanghai — handled 37 million containers last "
     "year, the authority said.",),                                                # an appositive
    ("Portland – The city that never stops raining – is getting drier, a study found.",),
    ("Chicago — The Musical returns to Broadway in June after a long break.",),    # a title
    ("London — A Tale of Two Cities opens at the Old Vic next week.",),
    ("PARIS: The Louvre is open late on Fridays and Wednesdays.",
     "ROME: The Vatican museums close on Sundays."),                               # a guide's list
    ("TOKYO: 37.4 million people live in the greater metropolitan area.",),
])
def test_lines_that_open_with_a_city_and_read_as_no_lead_stay(cleaner, lines):
    record = cleaner.clean(_with_lines(*lines))
    assert not _others(record)
    assert record["text"].startswith("\n\n".join(lines))
    assert record["meta"]["location"] is None


@pytest.mark.parametrize("opening", [
    "NOTE: ", "UPDATE: ", "WARNING: ", "BREAKING: ", "DEAR ABBY: ", "Photo: ",
    "Mumbai: ",         # a listed city in Title Case before a colon: a headline's form
    "Paris - ",         # a hyphen: 'Paris - Roubaix is ...'
    "Jackson – ",       # a city, but as often a name: not listed
    "Apple – ",
    "Chicago-based Boeing – ",
])
def test_an_opening_that_only_looks_like_a_city_dateline_stays(cleaner, opening):
    record = cleaner.clean(_with_lead(opening))
    assert not _others(record)
    assert record["text"].startswith(opening + LEAD[:20])
    assert record["meta"]["location"] is None


@pytest.mark.parametrize("line", [
    "Indianapolis – the city's mayor said no to the plan on Tuesday evening.",   # lower case
    "Indianapolis – Ferries sailed again on Thursday.",                           # too short
    "Indianapolis – Ferries sailed again on Thursday for the first time in a week",  # no end
    "Chicago — 12 ferries sailed again on Thursday for the first time in a week.",   # a digit
    "LONDON: THE CITY THAT NEVER SLEEPS AND THE FERRIES THAT NEVER STOP.",
    "NEW DELHI: a city of twenty million people and of almost as many ferries.",
])
def test_a_city_before_a_dash_or_colon_that_opens_no_sentence_stays(cleaner, line):
    record = cleaner.clean(_with_lines(line))
    assert not _others(record)
    assert record["text"].startswith(line)
    assert record["meta"]["location"] is None


def test_a_city_dateline_past_the_head_stays(cleaner):
    paragraphs = "\n\n".join(f"{LEAD} ({n})" for n in range(7))
    line = "Indianapolis – The mayor said the city would appeal the ruling on Monday."
    record = cleaner.clean(f"{TITLE}\n\n{paragraphs}\n\n{line}\n\n{BODY}")
    assert not _others(record)
    assert f"\n\n{line}\n\n" in record["text"]
    assert record["meta"]["location"] is None


# --- what one line cannot tell --------------------------------------------------------------------

@pytest.mark.xfail(strict=True, reason="a list whose first item reads as a lead is told only by "
                   "the items after it, which a rule does not read")
def test_a_list_whose_first_item_reads_as_a_lead_stays(cleaner):
    items = ("PARIS: Museums stay open late on Fridays and on Wednesdays in the summer.",
             "ROME: Museums close early on Sundays and on Mondays all year round.")
    record = cleaner.clean(_with_lines("What to see this summer", *items))
    assert record["meta"]["location"] is None


@pytest.mark.xfail(strict=True, reason="a name after the dash that the sentence goes on from "
                   "reads as a dateline and a lead opening with a name")
def test_a_race_named_after_two_cities_stays(cleaner):
    line = "Paris – Roubaix is the oldest race on the calendar, and the hardest one."
    record = cleaner.clean(_with_lines(line))
    assert record["meta"]["location"] is None


# --- damaged input --------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def english() -> Cleaner:
    """A Cleaner held to English: a long damaged line would otherwise decide the language."""
    return Cleaner(lang="en")


@pytest.mark.parametrize("opening, location", [
    ("NEW DELHI:" + " INDIA" * 20000, None),                  # 120,000 characters, no sentence
    ("Indianapolis –" + "\u2013" * 5000, None),               # dashes and nothing after them
    ("Chicago — " + "Ferries sailed and the crews worked — " * 3000, None),  # dash on dash
    ("Chicago —\x00\u200b ", "Chicago"),                     # controls the text fixes drop
    ("NEW\u00a0DELHI:\t", "New Delhi"),                      # odd spaces become plain ones
])
def test_damaged_city_openings_neither_raise_nor_take_text(english, opening, location):
    record = english.clean(_with_lead(opening))
    assert record["meta"]["location"] == location
    if location is None:
        assert not _others(record)
        assert record["text"].startswith(opening[:20])
    else:
        assert record["text"].startswith(LEAD)


def test_a_city_dateline_before_a_lead_of_a_megabyte_is_taken(english):
    lead = "Ferries sailed again " + "and the crews worked on " * 40000 + "the piers."
    record = english.clean(f"{TITLE}\n\nChicago — {lead}\n\n{BODY}")
    assert record["meta"]["location"] == "Chicago"
    assert record["text"].startswith("Ferries sailed again")


# From the second review: a transcript's speaker ("SOFIA: I started ...") and a first-person
# lead after a city that is a given name too: "I" opens no wire lead.
@pytest.mark.parametrize("line", [
    "SOFIA: I started the company after my mother fell ill, and I never looked back since then.",
    "AUSTIN: I'm glad to be here, and I want to thank everyone who came out tonight to listen.",
    "Sydney — I never thought I would end up living here, she said, looking out at the harbour.",
])
def test_a_speaker_or_a_first_person_line_after_a_city_stays(line):
    record = Cleaner(lang="en").clean(f"{line}\n\nMore of the interview follows below.")
    assert record["text"].startswith(line) and record["meta"]["location"] is None


def test_a_lead_opening_with_a_still_follows_a_city_dateline():
    lead = "A man was shot dead on the South Side late on Saturday, police said on Sunday."
    record = Cleaner(lang="en").clean(f"Chicago — {lead}\n\nMore text follows here.")
    assert record["text"].startswith(lead) and record["meta"]["location"] == "Chicago"
