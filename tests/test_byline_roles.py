"""A byline's role is no author, and a name is not cut at a weekday that is a name.

1. A header byline or a rule's author capture that names a job or the newsroom ("Tim Redaksi",
   "Redaksi", "Kontributor Bandung": one of the packs' role words as a word) or the site by its
   domain ("Tim Kompas.com") fills no author, though its text still goes as the rule says; a
   name that only holds a role word's letters ("Reporteranto") is a person's.
2. A weekday ends a web page's byline only where it reads as a day ("on Monday", before a
   date); before a capitalised name word it is a name ("Ahad Daha": Ahad is Sunday in
   Indonesian and a given name)."""

from __future__ import annotations

import pytest

from cleaner.page_bylines import split_byline

TITLE = "Jalan Tol Baru Diresmikan di Jawa Barat"
BODY = ("Presiden Joko Widodo meresmikan jalan tol baru di Jawa Barat pada hari Senin kemarin. "
        "Ia mengatakan jalan itu akan mempercepat arus barang dan orang di wilayah tersebut.")


def _removed(record) -> list[tuple[str, str]]:
    return [(r["rule"], r["text"]) for r in record["removed"]]


# -- 1. roles in the header and in rules' captures -------------------------------------------

@pytest.mark.parametrize("name", ["Tim Redaksi", "Redaksi", "Kontributor Bandung",
                                  "Tim Kompas.com"])
def test_a_role_over_a_byline_label_is_taken_but_fills_no_author(cleaner, name):
    record = cleaner.clean(f"{TITLE}\n{name}\nPenulis\n{BODY}")
    assert record["meta"]["authors"] == []
    assert _removed(record)[1:] == [("header/byline", name), ("header/byline", "Penulis")]
    assert record["text"] == BODY


def test_a_role_over_an_editor_label_fills_no_editor(cleaner):
    record = cleaner.clean(f"{TITLE}\nTim Redaksi\nEditor\n{BODY}")
    assert record["meta"]["editors"] == [] and record["text"] == BODY


@pytest.mark.parametrize("line", ["Penulis: Redaksi", "Reporter: Kontributor Bandung",
                                  "Reporter: Kontributor Bandung | Editor: Tim Redaksi",
                                  "Penulis: Tim Kompas.com"])
def test_a_role_captured_by_a_label_rule_fills_no_author(cleaner, line):
    record = cleaner.clean(f"{line}\n{BODY}")
    assert (record["meta"]["authors"], record["meta"]["editors"]) == ([], [])
    assert _removed(record) == [("id/byline-label", line)]


def test_a_role_captured_by_a_site_rule_fills_no_author(cleaner):
    line = "Penulis Tim Kompas.com | Editor Bayu Galih"
    record = cleaner.clean(f"{BODY}\n{line}", url="https://nasional.kompas.com/read/2017/x")
    assert (record["meta"]["authors"], record["meta"]["editors"]) == ([], ["Bayu Galih"])
    assert ("kompas/byline", line) in _removed(record)


@pytest.mark.parametrize("text,authors", [
    (f"Penulis: Reporteranto\n{BODY}", ["Reporteranto"]),
    (f"{TITLE}\nBudi Reporteranto\nPenulis\n{BODY}", ["Budi Reporteranto"]),
    (f"{TITLE}\nTim Sudrajat\nPenulis\n{BODY}", ["Tim Sudrajat"]),
    (f"Penulis: Ani Wijaya, Tim Redaksi\n{BODY}", ["Ani Wijaya"]),
])
def test_a_name_holding_a_role_words_letters_stays_an_author(cleaner, text, authors):
    assert cleaner.clean(text)["meta"]["authors"] == authors


@pytest.mark.parametrize("text", [
    f"{TITLE}\nTim Redaksi\nPenulis\n",                   # nothing under the byline
    f"{TITLE}\n-- Redaksi --\nPenulis\n{BODY}",           # marks around the role
    f"Penulis: Redaksi Redaksi Redaksi Redaksi Redaksi Redaksi\n{BODY}",
    "Redaksi\nPenulis\n" + "Redaksi\n" * 50,
])
def test_hostile_role_bylines_neither_raise_nor_name_an_author(cleaner, text):
    assert "Redaksi" not in " ".join(cleaner.clean(text)["meta"]["authors"])


def _id_page(top: str) -> str:
    paragraphs = "".join(f"<p>{BODY} {BODY}</p>" for _ in range(5))
    return (f'<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>{TITLE}</title>'
            f"</head><body><article><h1>{TITLE}</h1>{top}{paragraphs}</article></body></html>")


def test_a_pages_label_before_a_role_leaves_no_place_for_an_author(cleaner):
    # "Kontributor" is a label too: after "Reporter:" it is the job, and Bandung its place.
    top = '<p class="byline">Reporter: Kontributor Bandung | Editor: Tim Redaksi</p>'
    meta = cleaner.clean_html(_id_page(top))["meta"]
    assert (meta["authors"], meta["editors"]) == ([], [])


def test_a_pages_label_before_a_name_still_comes_off():
    assert split_byline("Penulis: Ani Wijaya | Editor: Budi Santoso") == (
        ["Ani Wijaya"], ["Budi Santoso"])
    assert split_byline("Kontributor Ani Wijaya") == (["Ani Wijaya"], [])


# -- 2. a weekday that is a name -------------------------------------------------------------

@pytest.mark.parametrize("byline,authors", [
    ("By Ahad Daha", ["Ahad Daha"]),
    ("Oleh Ahad Daha", ["Ahad Daha"]),
    ("By Abdul Ahad", ["Abdul Ahad"]),
    ("By Ahad Daha on Monday, November 18th, 2019", ["Ahad Daha"]),
    ("Oleh Minggu Wahyudi | Editor: Ani", ["Minggu Wahyudi"]),
    ("By Lena H. Sun", ["Lena H. Sun"]),
    ("By Lena H. Sun on Sunday", ["Lena H. Sun"]),
])
def test_a_weekday_before_or_ending_a_name_is_the_names(byline, authors):
    assert split_byline(byline)[0] == authors


@pytest.mark.parametrize("byline,authors", [
    ("By Louis Jacobson on Monday, November 18th, 2019 at 11:04 a.m.", ["Louis Jacobson"]),
    ("Oleh Budi Santoso pada Ahad, 12 Mei 2019", ["Budi Santoso"]),
    ("Oleh Budi Santoso Ahad (12/5/2019)", ["Budi Santoso"]),
    ("Oleh Budi Santoso Ahad 12 Mei 2019", ["Budi Santoso"]),
    ("By Jane Doe Monday November 18", ["Jane Doe"]),
    ("By Jane Doe Monday, November 18, 2019", ["Jane Doe"]),
    ("Oleh Budi Santoso Senin pukul 10.00 WIB", ["Budi Santoso"]),
    ("Oleh Budi Santoso | Ahad", ["Budi Santoso"]),
])
def test_a_weekday_read_as_a_day_still_ends_the_name(byline, authors):
    assert split_byline(byline)[0] == authors


@pytest.mark.parametrize("byline", ["Ahad", "Ahad Ahad Ahad", "on Ahad", "Ahad,", ", Ahad Daha",
                                    "Ahad " * 200, "Ahad (", "By Ahad @x Monday"])
def test_hostile_weekday_bylines_do_not_raise(byline):
    authors, editors = split_byline(byline)
    assert all(isinstance(name, str) and name for name in authors + editors)


def test_a_page_byline_of_a_name_opening_with_a_weekday_names_its_author(cleaner):
    top = '<p class="byline">Oleh Ahad Daha</p>'
    assert cleaner.clean_html(_id_page(top))["meta"]["authors"] == ["Ahad Daha"]


def test_a_weekday_ending_a_piece_before_a_bracketed_date_ends_the_name():
    assert split_byline("Oleh Budi Santoso Ahad | (12/5/2019)")[0] == ["Budi Santoso"]


def test_a_name_of_many_dotted_words_is_searched_word_by_word():
    # From the review: a 40 KB author tag of dotted letters took 42 s in one search for a
    # domain; each word is searched alone now, and a domain among the words is still found.
    from cleaner.lexicon import shipped_lexicon
    from cleaner.metadata import names_no_one

    words = shipped_lexicon()
    assert not names_no_one("Budi " + "a." * 20000, words)
    assert names_no_one("Tim Kompas.com " + "b." * 300, words)
