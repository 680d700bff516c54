"""meta.authors and meta.editors hold names: a title before a name (dr., Prof., H.) is left out."""

from __future__ import annotations

import pytest

from cleaner.lexicon import lexicon
from cleaner.metadata import people, without_titles

@pytest.fixture(scope="module")
def honorifics(cleaner):
    """The titles the shipped language packs (Indonesian, English, Malay) leave out of names."""
    return lexicon(tuple(p for p in cleaner.packs if p.kind == "lang")).honorifics


BODY = ("Lintasan siap digunakan\n\nLintasan reli di Tanjung Senai siap digunakan pekan depan, "
        "kata panitia.\n\n")


@pytest.mark.parametrize("name, bare", [
    ("dr. Andi Wijaya", "Andi Wijaya"),
    ("Dr. Jane Roe", "Jane Roe"),
    ("Dr Jane Roe", "Jane Roe"),
    ("Prof. Budi Santoso", "Budi Santoso"),
    ("Ir. Joko Susilo", "Joko Susilo"),
    ("H. Ahmad Dahlan", "Ahmad Dahlan"),
    ("Hj. Siti Aminah", "Siti Aminah"),
    ("drg. Rina Sari", "Rina Sari"),
    ("KH Ma'ruf Amin", "Ma'ruf Amin"),
    ("Prof. Dr. Ir. Budi Santoso", "Budi Santoso"),
    ("Drs.H.Ahmad Dahlan", "Ahmad Dahlan"),
    ("DR. ANDI WIJAYA", "ANDI WIJAYA"),
    ("Dr. A. Wijaya", "A. Wijaya"),
])
def test_a_title_before_a_name_is_left_out(honorifics, name, bare):
    assert without_titles(name, honorifics) == bare


@pytest.mark.parametrize("name", [
    "Ahmad H. Putra",          # a middle initial
    "H. G. Wells",             # initials, not a hajji
    "H Sutrisno",              # a bare H is an initial
    "Drew Barrymore", "Irfan Hakim", "Hjalmar Berg", "Profita Sari",   # names opening alike
    "Dr.", "Prof", "Ir", "Prof. Dr.",                  # titles alone: the value as it came
])
def test_a_name_that_opens_with_no_title_is_kept_as_it_is(honorifics, name):
    assert without_titles(name, honorifics) == name


@pytest.mark.parametrize("name", ["Dr. Dre", "Dr. Oz", "Dr Seuss", "Prof. Budi", "Ir. Joko",
                                  "H. Ahmad", "drg. Rina", "Drs.H.Ahmad", "Prof. Dr. Ir. Budi"])
def test_titles_before_a_single_word_stay_with_it(honorifics, name):
    # The person is known by both: "Dre" or "Budi" alone names no one.
    assert without_titles(name, honorifics) == name


@pytest.mark.parametrize("line, authors, editors", [
    ("Penulis: dr. Andi Wijaya", ["Andi Wijaya"], []),
    ("Penulis: H. Ahmad Dahlan", ["Ahmad Dahlan"], []),
    ("Penulis: Ahmad H. Putra", ["Ahmad H. Putra"], []),
    ("Reporter: Prof. Budi Santoso | Editor: Ir. Joko Susilo", ["Budi Santoso"], ["Joko Susilo"]),
    # One word after the title: the title stays with it.
    ("Penulis: H. Ahmad", ["H. Ahmad"], []),
    ("Reporter: Prof. Budi | Editor: Ir. Joko", ["Prof. Budi"], ["Ir. Joko"]),
])
def test_a_byline_label_names_the_author_without_a_title(cleaner, line, authors, editors):
    record = cleaner.clean(BODY + line)
    assert (record["meta"]["authors"], record["meta"]["editors"]) == (authors, editors)
    assert line not in record["text"]


def test_an_english_byline_names_the_doctor_without_the_title(cleaner):
    record = cleaner.clean("Sleep helps memory, study finds\n\nBy Dr. Jane Roe\n\nA good night's "
                           "sleep helps the brain move new memories into long-term storage, "
                           "researchers reported on Monday.")
    assert record["meta"]["authors"] == ["Jane Roe"]


def test_a_pages_byline_names_the_author_without_a_title(cleaner):
    paragraph = ("A good night of sleep helps the brain move new memories into long-term "
                 "storage, researchers reported on Monday. ") * 3
    page = ('<html><head><meta name="author" content="Dr. Jane Roe"><title>Sleep study</title>'
            f"</head><body><article><h1>Sleep study</h1><p>{paragraph}</p></article></body></html>")
    assert cleaner.clean_html(page)["meta"]["authors"] == ["Jane Roe"]


def test_people_leaves_out_a_title_as_it_leaves_out_the_jobs_beside_a_name(honorifics):
    assert people(["Prof. Budi Santoso", "Staff Writer"], (), honorifics) == ["Budi Santoso"]
    assert people(["Reuters"], (), honorifics) == ["Reuters"]


def test_a_language_without_honorifics_keeps_the_title():
    assert without_titles("dr. Andi Wijaya", frozenset()) == "dr. Andi Wijaya"


@pytest.mark.parametrize("head", ["dr. Andi Wijaya\n\nPenulis\n\n",
                                  "Lintasan Reli Siap Dipakai\n\ndr. Andi Wijaya\n\nPenulis\n\n"])
def test_a_name_above_its_label_names_the_author_without_a_title(cleaner, head):
    record = cleaner.clean(head + BODY)
    assert record["meta"]["authors"] == ["Andi Wijaya"]
