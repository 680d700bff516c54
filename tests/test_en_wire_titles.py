"""English wire leads reposted in title case, and AFP's desk codes beside abbreviations
(rules/lang/en.toml):

1. en/dateline-title-agency takes one to three capitalised words before a known wire in
   brackets as the place ('Lyon (AFP) - ', 'The Hague (Reuters) - '). A lead whose subject is
   written so ('Police (AP) — Police said ...', 'The Senate (AP) — The Senate voted ...') has
   no dateline: the pack's not_places names the subjects a lead opens with and no place's name
   does (people and bodies a story reports on, a market report's words, determiners and
   pronouns other than 'the'), and such a line stays whole, filling no location or source.
   A name before a market word ('Apple Shares (Reuters) - ') is no place either: the rule's
   `unless` spares it, as not_places reads a place's first words and 'Apple' opens 'Apple
   Valley'. 'GOVERNMENT CAMP, Ore.' stays a place.
2. A desk code's initials are two or three letters, so a lower-case abbreviation of four
   ('html/css') ending an article stays; abbreviations of two or three letters beside one
   holding a vowel ('ac/dc', 'tcp/ip', 'nyc/sf') have a code's shape ('kma/dw'): the common
   ones are the rules' `unless`, and stay. AFP's 'burs-' codes of several bureaus go. A code
   whose initials all hold a vowel ('rox/ach') stays, as 'he/she' and 'and/or' do.
Hostile lines of these shapes are cleaned without raising, in bounded time."""

from __future__ import annotations


import pytest

TITLE = "Storm Damage Closes Roads In The North"
REST = ("Crews worked through the night to clear fallen trees from the main roads, the "
        "transport ministry said.\n\nSchools in three districts stayed closed on Tuesday.")
LAST = "Rescue teams were still searching for the missing on Tuesday, the ministry said."
AFP_STORY = ("Floods Kill Dozens In The North\n\n"
             "The floods hit the northern provinces on Monday after days of rain, officials "
             "said, and thousands of people were moved to shelters.\n\n"
             "Roads and bridges were washed away in three districts.\n\n" + LAST)
CODE_RULES = {"en/desk-code-line", "en/desk-code-end"}


def _rules(record: dict) -> list[str]:
    return [removal["rule"] for removal in record["removed"]]


def _story(lead: str) -> str:
    return f"{TITLE}\n\n{lead}\n\n{REST}"


# -- 1. a subject in title case before a wire is no place ----------------------------------------

@pytest.mark.parametrize("lead", [
    "Police (AP) — Police said on Monday the driver had fled on foot after the crash.",
    "The Senate (AP) — The Senate voted on Tuesday to pass the budget bill after a long night.",
    "Officials (Reuters) - Officials said the plant would stay closed until the end of May.",
    "Lawmakers (AP) — Lawmakers approved the measure by a wide margin on Thursday evening.",
    "Shares (Reuters) - Shares in the carmaker fell 4% in early trade after the warning.",
    "The White House (AP) — The White House said on Friday the talks would go on next week.",
    "Some Residents (AP) — Some residents refused to leave their homes despite the order.",
])
def test_a_subject_in_title_case_before_a_wire_stays_whole(cleaner, lead):
    record = cleaner.clean(_story(lead))
    assert lead in record["text"]
    assert record["meta"]["location"] is None
    assert record["meta"]["source"] is None
    assert "en/dateline-title-agency" not in _rules(record)


def test_a_company_before_a_market_word_is_no_place(cleaner):
    lead = "Apple Shares (Reuters) - Apple shares rose 3% on Monday after the results."
    record = cleaner.clean(_story(lead))
    assert lead in record["text"]
    assert record["meta"]["location"] is None


@pytest.mark.parametrize("dateline, location, source", [
    ("Lyon (AFP) - ", "Lyon", "AFP"),
    ("Hong Kong (Reuters) - ", "Hong Kong", "Reuters"),
    ("Buenos Aires (AFP) — ", "Buenos Aires", "AFP"),
    ("The Hague (Reuters) - ", "The Hague", "Reuters"),
    ("New York (AP) — ", "New York", "AP"),
    ("Rio De Janeiro (AFP) - ", "Rio De Janeiro", "AFP"),
    ("Washington (AP) — ", "Washington", "AP"),
])
def test_a_title_case_dateline_is_still_the_place(cleaner, dateline, location, source):
    lead = "The Senate voted on Tuesday to pass the budget bill after a long night of debate."
    record = cleaner.clean(_story(dateline + lead))
    assert record["text"].startswith(lead)
    assert record["meta"]["location"] == location
    assert record["meta"]["source"] in (source, "Associated Press", "Agence France-Presse")
    assert _rules(record).count("en/dateline-title-agency") == 1


# -- 2. desk codes and lower-case abbreviations --------------------------------------------------

@pytest.mark.parametrize("closing", [
    "\nhtml/css", " html/css", "\ni/o", " i/o", "\nhtml/css/js",
    # initials that all hold a vowel: the shape of words ('he/she'), which the rules keep
    "\nrox/ach", "\nea/oa",
    # the shape of a code ('kma/dw', 'yk/ach'), spared by the rules' `unless`
    "\nac/dc", "\ntcp/ip", "\nnyc/sf", " The band played its hits. ac/dc",
])
def test_a_lower_case_abbreviation_ending_an_article_stays(cleaner, closing):
    record = cleaner.clean(AFP_STORY + closing)
    assert record["text"].endswith(closing.strip())
    assert not CODE_RULES & set(_rules(record))


@pytest.mark.parametrize("closing, rule", [
    ("\nburs-lb/txw", "en/desk-code-line"), (" burs-ser/dw", "en/desk-code-end"),
    ("\nbur-jm/rox", "en/desk-code-line"), ("\njm/sst", "en/desk-code-line"),
    ("\nkma/dw", "en/desk-code-line"), ("\nbur-pdh/mtp/sst", "en/desk-code-line"),
    (" -- bur/xyz", "en/desk-code-end"), (" pb/mm", "en/desk-code-end"),
])
def test_desk_codes_of_two_or_three_letter_initials_still_go(cleaner, closing, rule):
    record = cleaner.clean(AFP_STORY + closing)
    assert record["text"].endswith(LAST)
    assert rule in _rules(record)


# -- hostile lines -------------------------------------------------------------------------------

# A hang guard, not a speed check (a hostile input: the suite times no test).
@pytest.mark.timeout(60)
@pytest.mark.parametrize("hostile", [
    "Police " * 5000 + "(AP) — Police said.",
    "The Senate (AP) — " * 3000,
    "Ｐｏｌｉｃｅ (AP) — Police said on Monday the driver fled.",
    "Police (" + "AP" * 20000 + ") — x",
    "jm/" * 20000 + "sst",
    "html/" * 20000 + "css",
    "\x00Police\ufeff (AP) —\u202e Police said.",
])
def test_hostile_lines_of_these_shapes_are_cleaned_in_bounded_time(cleaner, hostile):
    record = cleaner.clean(f"{TITLE}\n\n{hostile}\n\n{REST}")
    assert isinstance(record["text"], str)


def test_a_real_town_named_government_is_still_the_place(cleaner):
    record = cleaner.clean(_story("GOVERNMENT CAMP, Ore. (AP) — Three climbers were rescued on "
                                  "Mount Hood on Sunday."))
    assert record["meta"]["location"] == "Government Camp"
    assert record["meta"]["source"] == "AP"


@pytest.mark.parametrize("lead", ["Apple Shares (Reuters) - Apple shares rose 3% on Monday.",
                                  "Tesla Stock (AP) — Tesla stock fell 2% on Tuesday."])
def test_a_market_reports_subject_before_a_wire_stays_whole(cleaner, lead):
    record = cleaner.clean(_story(lead))
    assert lead in record["text"]
    assert record["meta"]["location"] is None and record["meta"]["source"] is None

