"""What an English byline names that is no person: a wire agency is the story's source, a label
opening with "The" is no one.

1. 'By The Associated Press', 'By the Associated Press', 'By AP', 'By Reuters', 'By AFP and
   Reuters' name a wire agency alone: no author, the agency as meta.source, spelled as the packs'
   `agencies` list it. Beside a person ('By John Smith and The Associated Press', 'By JOHN
   SMITH, Associated Press') the person is the author and the agency the source.
2. 'By The Numbers' (a feature's label) names no one: a name does not open with the article
   "The". It fills no author, alone or before a headline's colon, first line or not; a desk or
   board ('By The Editorial Board', 'By CNN Staff', 'By Staff Writer') goes and fills none.
3. A real name opening with a particle or with the letters of "The" ('By Van Morrison', 'By
   De'Andre Hopkins', 'By La Toya Jackson', 'By Theo Walcott', 'By T. J. Holmes') is an author.
4. A wire agency captured as a byline's name is the source in every language's byline rule, and
   the byline's removal says it filled the source; a source the text gave before it wins.
5. Hostile bylines are cleaned without raising, in bounded time.
6. A byline whose names are single words all, none an agency ('By Land and Sea'), names no
   one: a feature's title reads so."""

from __future__ import annotations


import pytest

TITLE = "Visitor Numbers Rise Again In The City"
BODY = ("The figures show that the numbers of visitors rose by a third last year, and the city "
        "expects more of them this summer, the mayor said on Monday.")


def _clean(cleaner, byline: str, first: bool = False) -> dict:
    text = f"{byline}\n\n{BODY}" if first else f"{TITLE}\n\n{byline}\n\n{BODY}"
    return cleaner.clean(text)


def _byline_removal(record) -> dict | None:
    return next((r for r in record["removed"] if r["rule"] == "en/by-line"), None)


# -- 1. wire agencies ----------------------------------------------------------------------------

@pytest.mark.parametrize("byline, source", [
    ("By The Associated Press", "The Associated Press"),
    ("By the Associated Press", "The Associated Press"),
    ("By THE ASSOCIATED PRESS", "The Associated Press"),
    ("By Associated Press", "Associated Press"),
    ("By AP", "AP"),
    ("By Reuters", "Reuters"),
    ("By REUTERS", "Reuters"),
    ("By AFP and Reuters", "AFP"),
    ("By Agence France-Presse", "Agence France-Presse"),
])
def test_a_byline_naming_only_a_wire_agency_gives_the_source_and_no_author(cleaner, byline,
                                                                            source):
    record = _clean(cleaner, byline)
    assert record["meta"]["authors"] == []
    assert record["meta"]["source"] == source
    assert record["text"] == BODY
    assert _byline_removal(record)["fields"] == ["source"]


@pytest.mark.parametrize("byline, authors, source", [
    ("By John Smith and The Associated Press", ["John Smith"], "The Associated Press"),
    ("By JOHN SMITH, Associated Press", ["JOHN SMITH"], "Associated Press"),
    ("By Jane Doe, The Associated Press", ["Jane Doe"], "The Associated Press"),
    ("By Jane Doe and Reuters", ["Jane Doe"], "Reuters"),
    ("By Jane Doe | Reuters", ["Jane Doe"], "Reuters"),
])
def test_a_person_beside_a_wire_agency_is_the_author_and_the_agency_the_source(
        cleaner, byline, authors, source):
    record = _clean(cleaner, byline)
    assert record["meta"]["authors"] == authors
    assert record["meta"]["source"] == source
    assert record["text"] == BODY


def test_an_agency_alone_as_the_first_line_is_the_source(cleaner):
    record = _clean(cleaner, "By The Associated Press", first=True)
    assert (record["meta"]["authors"], record["meta"]["source"]) == ([], "The Associated Press")
    assert record["meta"]["title"] is None and record["text"] == BODY


# -- 2. labels and desks -------------------------------------------------------------------------

@pytest.mark.parametrize("first", [False, True])
@pytest.mark.parametrize("byline", ["By The Numbers", "BY THE NUMBERS", "By The Way",
                                    "By The Numbers: Tourism In 2023 Broke Every Record"])
def test_a_label_opening_with_the_is_no_author(cleaner, byline, first):
    record = _clean(cleaner, byline, first)
    assert record["meta"]["authors"] == []
    assert _byline_removal(record) is None
    # Not lost: it is the title, or it stays in the text.
    assert record["meta"]["title"] == byline or byline in record["text"]


def test_a_person_and_a_label_opening_with_the_is_no_byline(cleaner):
    record = _clean(cleaner, "By Jane Doe and The Numbers")
    assert record["meta"]["authors"] == []
    assert "By Jane Doe and The Numbers" in record["text"]


@pytest.mark.parametrize("byline", ["By The Editorial Board", "By the Editorial Board",
                                    "By Editorial Board", "By The Editors", "By CNN Staff",
                                    "By Staff Writer", "By AP Staff", "By Our Correspondent"])
def test_a_desk_or_a_board_goes_and_fills_no_author(cleaner, byline):
    record = _clean(cleaner, byline)
    assert record["meta"]["authors"] == [] and record["meta"]["source"] is None
    assert record["text"] == BODY
    assert _byline_removal(record) is not None


# -- 3. real names -------------------------------------------------------------------------------

@pytest.mark.parametrize("byline, authors", [
    ("By Van Morrison", ["Van Morrison"]),
    ("By De'Andre Hopkins", ["De'Andre Hopkins"]),
    ("By La Toya Jackson", ["La Toya Jackson"]),
    ("By Theo Walcott", ["Theo Walcott"]),
    ("By THEODORE ROOSEVELT", ["THEODORE ROOSEVELT"]),
    ("By Thé Dang", ["Thé Dang"]),
    ("By T. J. Holmes", ["T. J. Holmes"]),
    ("By Will Smith and Can Dündar", ["Will Smith", "Can Dündar"]),
    ("By Jane Doe and Theo Walcott", ["Jane Doe", "Theo Walcott"]),
])
def test_a_name_opening_with_a_particle_or_the_letters_of_the_is_an_author(cleaner, byline,
                                                                           authors):
    record = _clean(cleaner, byline)
    assert record["meta"]["authors"] == authors
    assert record["meta"]["source"] is None
    assert record["text"] == BODY


# -- 4. every language's byline rules ------------------------------------------------------------

BODY_ID = ("Presiden Joko Widodo meresmikan jalan tol baru di Jawa Barat pada hari Senin kemarin. "
           "Ia mengatakan jalan itu akan mempercepat arus barang dan orang di wilayah tersebut.")


def test_an_agency_in_an_indonesian_byline_is_the_source(cleaner):
    record = cleaner.clean(f"Penulis: Reuters\n{BODY_ID}")
    assert (record["meta"]["authors"], record["meta"]["source"]) == ([], "Reuters")
    removal = next(r for r in record["removed"] if r["rule"] == "id/byline-label")
    assert removal["fields"] == ["source"]


def test_a_source_the_text_gave_first_wins_over_a_bylines_agency(cleaner):
    record = cleaner.clean(f"{TITLE}\n\nBy Jane Doe | Reuters\n\nBy AP\n\n{BODY}")
    assert record["meta"]["source"] == "Reuters"
    assert record["meta"]["authors"] == ["Jane Doe"]


# -- 5. hostile input ----------------------------------------------------------------------------

# A hang guard, not a speed check (a hostile input: the suite times no test).
@pytest.mark.timeout(60)
@pytest.mark.parametrize("byline", [
    "By " + "The " * 20000, "By The " + "A" * 50000, "By " + "AP and " * 5000 + "AP",
    "By The\u0000 Associated Press", "By \ud83d The Numbers", "By Th", "By T", "By The",
    "By THE", "By the", "By " + "Reuters, " * 3000, "By Jane Doe, " + "The " * 3000 + "AP",
])
def test_hostile_bylines_are_cleaned_without_raising(cleaner, byline):
    record = _clean(cleaner, byline)
    assert isinstance(record["text"], str)
    assert all(not a.lower().startswith("the ") and a.lower() != "the"
               for a in record["meta"]["authors"])


# -- 6. a syndicated story's outlet (review of ecb3e6c) ------------------------------------------

@pytest.mark.parametrize("first", [False, True])
@pytest.mark.parametrize("byline, authors, source", [
    ("By Jane Doe, The Washington Post", ["Jane Doe"], "The Washington Post"),
    ("By JANE DOE, THE NEW YORK TIMES", ["JANE DOE"], "THE NEW YORK TIMES"),
    ("By Jane Doe and John Roe, The Guardian", ["Jane Doe", "John Roe"], "The Guardian"),
    ("By Jane Doe | The Hill", ["Jane Doe"], "The Hill"),
    ("By Jane Doe, The Times of India", ["Jane Doe"], "The Times of India"),
])
def test_an_outlet_opening_with_the_after_the_names_is_the_source(cleaner, byline, authors,
                                                                  source, first):
    record = _clean(cleaner, byline, first)
    assert record["meta"]["authors"] == authors
    assert record["meta"]["source"] == source
    assert record["text"] == BODY
    assert record["meta"]["title"] == (None if first else TITLE)
    assert _byline_removal(record)["fields"] == ["authors", "source"]


@pytest.mark.parametrize("first", [False, True])
@pytest.mark.parametrize("headline", ["By Now, The Damage Is Done", "By Monday, The Deal Was Done",
                                      "BY NOW, THE DAMAGE IS DONE"])
def test_a_headline_of_one_word_a_comma_and_the_is_no_byline(cleaner, headline, first):
    record = _clean(cleaner, headline, first)
    assert record["meta"]["authors"] == [] and record["meta"]["source"] is None
    assert _byline_removal(record) is None
    assert record["meta"]["title"] == headline or headline in record["text"]


@pytest.mark.parametrize("byline", ["By The Numbers", "By Jane Doe and The Numbers",
                                    "By Jane Doe, The", "By Jane Doe, the numbers"])
def test_the_without_names_before_it_and_a_comma_is_no_outlet(cleaner, byline):
    record = _clean(cleaner, byline)
    assert record["meta"]["authors"] == [] and record["meta"]["source"] is None
    assert byline in record["text"]


# -- 7. an acronym agency counts in capitals only ------------------------------------------------

@pytest.mark.parametrize("byline, authors, source", [
    ("Penulis: Upi", ["Upi"], None),                  # Upi, an Indonesian given name
    ("Penulis: Upi dan Reuters", ["Upi"], "Reuters"),
    ("Penulis: UPI", [], "UPI"),
    ("Penulis: Efe Kaya", ["Efe Kaya"], None),
    ("Penulis: REUTERS", [], "Reuters"),               # a name in small letters: any case
    ("Penulis: Antara", [], "ANTARA"),                  # capitals by style, no acronym
])
def test_an_acronym_agency_is_one_only_in_capitals(cleaner, byline, authors, source):
    record = cleaner.clean(f"{byline}\n{BODY_ID}")
    assert record["meta"]["authors"] == authors
    assert record["meta"]["source"] == source


@pytest.mark.parametrize("byline, authors", [("By Afp", ["Afp"]), ("By Ap", ["Ap"]),
                                             ("By Upi", ["Upi"])])
def test_an_english_byline_naming_an_acronym_in_small_letters_names_a_person(cleaner, byline,
                                                                             authors):
    record = _clean(cleaner, byline)
    assert record["meta"]["authors"] == authors and record["meta"]["source"] is None


# A hang guard, not a speed check (a hostile input: the suite times no test).
@pytest.mark.timeout(60)
@pytest.mark.parametrize("byline", [
    "By Jane Doe, The " + "Post " * 20000, "By Jane Doe, " + "The Post, " * 3000,
    "By Jane Doe | The\u0000 Hill", "By Jane Doe, The \ud83d Hill", "By Jane Doe, THE",
    "By " + "Jane Doe, " * 3000 + "The Hill", "By Jane Doe, The Times of of of India",
])
def test_hostile_outlet_bylines_are_cleaned_without_raising(cleaner, byline):
    record = _clean(cleaner, byline)
    assert isinstance(record["text"], str)


@pytest.mark.parametrize("byline, authors", [
    ("Penulis: Upi dan Budi Santoso", ["Upi", "Budi Santoso"]),
    ("Penulis: Budi Santoso dan UPI", ["Budi Santoso"]),
])
def test_an_acronym_agency_beside_a_person_is_one_only_in_capitals(cleaner, byline, authors):
    # Beside another name the names check (not the agency step) tells them: it took "Upi" for
    # the agency in any case.
    record = cleaner.clean(f"{byline}\n{BODY_ID}")
    assert record["meta"]["authors"] == authors


def test_a_page_author_spelled_as_an_acronym_agency_is_a_person():
    from cleaner.lexicon import shipped_lexicon
    from cleaner.page_bylines import read_page_bylines

    words = shipped_lexicon()
    assert "upi" in words.agency_acronyms and "reuters" not in words.agency_acronyms
    person, agency = read_page_bylines(["Upi"], words=words), read_page_bylines(["UPI"], words=words)
    assert (person.authors, person.agencies) == (["Upi"], [])
    assert (agency.authors, agency.agencies) == ([], ["UPI"])


@pytest.mark.parametrize("line", ["By Any Measure, The Economy Is Strong",
                                  "By Most Accounts, The Plan Failed",
                                  "BY ANY MEASURE, THE ECONOMY IS STRONG",
                                  "By Mary Smith, The Former Mayor"])
def test_a_title_case_headline_or_a_job_after_a_comma_gives_no_author(cleaner, line):
    # An alternative for outlets after the names read 'Any Measure' as an author and 'The
    # Economy Is Strong' as the source.
    record = _clean(cleaner, line, first=True)
    assert record["meta"]["authors"] == [] and record["meta"]["source"] is None


# -- 6. names that are single words all (session 45) ---------------------------------------------

@pytest.mark.parametrize("line", ["By Land and Sea", "By Air, Land and Sea", "By Land & Sea"])
def test_a_byline_of_single_words_alone_names_no_one(cleaner, line):
    record = _clean(cleaner, line)
    assert _byline_removal(record) is None and record["meta"]["authors"] == []
    assert line in record["text"]


@pytest.mark.parametrize("line, authors, source", [
    ("By AFP and Reuters", [], "AFP"),
    ("By Jane Doe and Tom", ["Jane Doe", "Tom"], None),
    ("By Jane Doe, CNN", ["Jane Doe"], "CNN"),
    ("By Sutrisno", ["Sutrisno"], None),
])
def test_a_byline_with_a_full_name_or_agencies_still_gives_them(cleaner, line, authors, source):
    record = _clean(cleaner, line)
    assert _byline_removal(record) is not None
    assert (record["meta"]["authors"], record["meta"]["source"]) == (authors, source)
