"""An editor's one-word name (the third review of the bylines):

1. An editor's single word that is a stopword, a date word (a weekday among them) or a section
   names no one and goes alone ('Penulis: Budi | Editor: Yang' keeps Budi); a line of editors
   naming none stays in the text ('Editor: Will'). A month is a name after the label ('Editor:
   Mei', as Mei, Juni and April are given names), and so is a word with a full stop after it
   ('Editor: Agus.'; the fourth review).
2. A placeholder (the English pack's role_words: 'Admin', 'Unknown', 'None') names no editor,
   and an agency ('Editor: Reuters') is the source.
3. The English pack's date words include the day's words ('Today', 'Tonight', 'Now'): 'By
   Today, The Hill' names no one.
Damaged and long editor lines are cleaned without raising."""

from __future__ import annotations

import pytest

from cleaner.lexicon import lexicon
from cleaner.metadata import editor_names, editors_read_as_people
from cleaner.pipeline import Cleaner
from cleaner.rulefile import Pack

TITLE = "Visitor Numbers Rise Again In The City"
BODY = ("The figures show that the numbers of visitors rose by a third last year, and the city "
        "expects more of them this summer, the mayor said on Monday.")
ID_BODY = ("Pemerintah akan menaikkan harga bahan bakar minyak mulai pekan depan, kata menteri "
           "energi kepada wartawan di Jakarta pada hari Senin, dan hal itu sudah diputuskan.")
MS_BODY = ("Kerajaan akan memperuntukkan RM2 bilion untuk projek itu, kata menteri kepada "
           "pemberita di Putrajaya semalam.")


@pytest.fixture(scope="module")
def cleaner():
    return Cleaner()


def _closing(cleaner, body: str, line: str, lang: str) -> dict:
    record = cleaner.clean(f"Tajuk Berita Hari Ini\n\n{body}\n\n{line}")
    assert record["meta"]["lang"] == lang
    return record


@pytest.mark.parametrize("line", ["Editor: Mei", "Editor: Juni", "Penyunting: Mei"])
def test_an_editor_named_as_a_month_is_an_editor(cleaner, line):
    body, lang = (MS_BODY, "ms") if line.startswith("Penyunting") else (ID_BODY, "id")
    record = _closing(cleaner, body, line, lang)
    assert record["meta"]["editors"] == [line.split(": ")[1]]


def test_an_indonesian_editor_of_one_word_is_an_editor(cleaner):
    record = _closing(cleaner, ID_BODY, "Editor: Agus", "id")
    assert record["meta"]["editors"] == ["Agus"] and record["text"] == ID_BODY


@pytest.mark.parametrize("line, author, body, lang", [
    ("Penulis: Budi | Editor: Yang", "Budi", ID_BODY, "id"),
    ("Penulis: Ahmad | Penyunting: Yang", "Ahmad", MS_BODY, "ms"),
])
def test_an_author_beside_an_editor_naming_no_one_is_kept(cleaner, line, author, body, lang):
    record = _closing(cleaner, body, line, lang)
    assert record["meta"]["authors"] == [author] and record["meta"]["editors"] == []
    assert record["text"] == body


@pytest.mark.parametrize("line, author, editor, body, lang", [
    ("Penulis: Budi | Editor: Mei", "Budi", "Mei", ID_BODY, "id"),
    ("Penulis: Ahmad | Penyunting: Mei", "Ahmad", "Mei", MS_BODY, "ms"),
])
def test_an_author_beside_an_editor_named_as_a_month_keeps_both(cleaner, line, author, editor,
                                                                 body, lang):
    record = _closing(cleaner, body, line, lang)
    assert (record["meta"]["authors"], record["meta"]["editors"]) == ([author], [editor])


def test_an_author_beside_an_editor_keeps_both(cleaner):
    record = _closing(cleaner, ID_BODY, "Penulis: Budi | Editor: Agus", "id")
    assert record["meta"]["authors"] == ["Budi"] and record["meta"]["editors"] == ["Agus"]


def test_a_stopword_or_a_date_word_is_no_editors_name():
    words = lexicon((Pack("xx", "lang", "editor-words27.toml", stopwords=frozenset({"will"}),
                          months=(("mei", 5),), weekdays=frozenset({"minggu"})),))
    assert [editors_read_as_people(e, words) for e in
            ("Will", "WILL", "Mei", "Minggu", "Fardah", "Will, Jane Doe", "Thanks.", "Ian",
             "Jane Doe.", "")] == \
        [False, False, True, False, True, True, True, True, True, False]
    assert editor_names("Will, Jane Doe", words) == ["Jane Doe"]


def _english(cleaner, line: str) -> dict:
    record = cleaner.clean(f"{TITLE}\n\n{line}\n\n{BODY}")
    assert record["meta"]["lang"] == "en"
    return record


@pytest.mark.parametrize("word", ["Admin", "Administrator", "Unknown", "None", "Anonymous",
                                  "Nobody", "Staff"])
def test_a_placeholder_names_no_editor(cleaner, word):
    record = _english(cleaner, f"Editor: {word}")
    assert record["meta"]["editors"] == []


@pytest.mark.parametrize("line, source, editors", [
    ("Editor: Reuters", "Reuters", []), ("Editor: AFP", "AFP", []),
    ("Editor: Bernama", "Bernama", []), ("Editors: Jane Doe, Reuters", "Reuters", ["Jane Doe"]),
])
def test_an_agency_named_as_an_editor_is_the_source(cleaner, line, source, editors):
    record = _english(cleaner, line)
    assert record["meta"]["editors"] == editors and record["meta"]["source"] == source
    assert record["text"] == BODY


@pytest.mark.parametrize("line", ["Editor: Will", "Editor: Updated", "Editor: Today",
                                  "Editor: Monday"])
def test_a_stopword_or_a_date_word_is_no_editors_line(cleaner, line):
    record = _english(cleaner, line)
    assert record["meta"]["editors"] == []
    assert line in record["text"].split("\n\n")


def test_an_editor_of_one_word_is_still_one(cleaner):
    record = _english(cleaner, "Editor: Fardah")
    assert record["meta"]["editors"] == ["Fardah"] and record["text"] == BODY


@pytest.mark.parametrize("word", ["Today", "Tomorrow", "Yesterday", "Tonight", "Now", "Noon",
                                  "Midnight"])
def test_a_days_word_before_an_outlet_names_no_one(cleaner, word):
    line = f"By {word}, The Hill"
    record = _english(cleaner, line)
    assert record["meta"]["authors"] == [] and record["meta"]["source"] is None
    assert line in record["text"].split("\n\n")


def test_a_persons_name_before_an_outlet_still_reads(cleaner):
    record = _english(cleaner, "By Cher, The Hill")
    assert record["meta"]["authors"] == ["Cher"] and record["meta"]["source"] == "The Hill"


@pytest.mark.parametrize("line", [
    "Editor: " + "A" * 5000 + ".", "Editor: " + ", ".join(["Will"] * 2000),
    "Penulis: Budi | Editor: " + "Mei." * 3000, "Editor: \x00\u200b.", "Editor: ."
])
def test_damaged_editor_lines_are_cleaned_without_raising(cleaner, line):
    record = cleaner.clean(f"{TITLE}\n\n{line}\n\n{BODY}")
    assert isinstance(record["text"], str)


@pytest.mark.parametrize("line, editor, body, lang", [
    ("Editor: Agus.", "Agus", ID_BODY, "id"), ("Penyunting: Ahmad.", "Ahmad", MS_BODY, "ms")])
def test_an_editor_with_a_full_stop_after_the_name_is_an_editor(cleaner, line, editor, body, lang):
    # (the fourth review: an English interview's 'Editor: Thanks.' had made every such line text)
    record = _closing(cleaner, body, line, lang)
    assert record["meta"]["editors"] == [editor] and record["text"] == body
