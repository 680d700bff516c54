"""A first line that is a byline word of the packs ('By', 'Oleh') or a byline label with its colon
('Penulis:', 'Reporter:') and one name of two to four capitalised words is never the title,
though the name holds a word of the packs' stopwords ('By Yohanes Mau', 'By Resmi Hartati':
'mau' and 'resmi' are Indonesian's): a byline rule takes it, or it stays in the text. A headline
opening so ('By The Numbers: ...', 'By-election ...', 'Penulis Muda Raih Penghargaan': a label
without its colon, 'Oleh Rakyat Untuk Rakyat': a stopword joining two words) is still the
title."""

from __future__ import annotations


import pytest

from cleaner import Cleaner
from cleaner.header import other_head_line
from cleaner.lexicon import shipped_lexicon

BODY_ID = ("Ia mengatakan bahwa hal itu akan dibahas dalam rapat yang digelar di kantor tersebut "
           "pada pekan depan, dan hasilnya akan diumumkan kepada masyarakat.")
BODY_EN = ("The figures show that the numbers of visitors rose by a third last year, and the city "
           "expects more of them this summer, the mayor said on Monday.")
BODY_MS = ("Beliau berkata peruntukan itu akan diagihkan kepada sekolah yang paling memerlukan, "
           "terutamanya di kawasan luar bandar, kerana kebanyakan bangunannya sudah usang.")


@pytest.fixture(scope="module")
def cleaner():
    return Cleaner()


@pytest.mark.parametrize("first", [
    "By Yohanes Mau", "By Resmi Hartati", "Oleh Resmi Hartati", "Oleh: Yohanes Mau",
    "Reporter: Resmi Hartati", "Penulis: Yohanes Mau Lewa", "BY RESMI HARTATI",
])
def test_a_label_and_a_name_holding_a_stopword_is_no_title(cleaner, first):
    record = cleaner.clean(f"{first}\n\n{BODY_ID}")
    assert record["meta"]["lang"] == "id"
    assert record["meta"]["title"] is None
    assert not any(r["rule"] == "header/title" for r in record["removed"])
    # The byline rules took it, or it stays in the text: it is not lost.
    assert record["text"].startswith(first) or record["meta"]["authors"]


def test_a_labelled_name_a_rule_takes_fills_the_authors(cleaner):
    record = cleaner.clean(f"Penulis: Resmi Hartati\n\n{BODY_ID}")
    assert record["meta"]["authors"] == ["Resmi Hartati"]
    assert record["meta"]["title"] is None


@pytest.mark.parametrize("first, body", [
    ("By The Numbers: Tourism In 2023 Broke Every Record", BODY_EN),
    ("By-election Called In Kent After Resignation", BODY_EN),
    ("By The Numbers: Harga Beras Naik 20 Persen", BODY_ID),
    ("By-election di Kelantan ditangguhkan", BODY_MS),
    # Title case opening with a label: the text writes its words in lower case.
    ("Penulis Muda Raih Penghargaan", "Penulis muda itu menerima penghargaan. " + BODY_ID),
    ("Reporter Tewas Ditembak di Gaza", BODY_ID),
    ("Oleh Karena Itu Harga Naik", BODY_ID),
])
def test_a_headline_opening_with_by_or_a_label_is_still_the_title(cleaner, first, body):
    record = cleaner.clean(f"{first}\n\n{body}")
    assert record["meta"]["title"] == first
    assert not record["text"].startswith(first)


# Headlines opening with a byline label without its colon, or with a byline word before capitalised
# words a stopword joins: the title, as before labels counted without a colon (the review's lines).
@pytest.mark.parametrize("first", [
    "Reporter Tewas Ditembak", "Reporter Jepang Dibebaskan", "Penulis Muda Raih Penghargaan",
    "Editor Pilihan Minggu Ini", "Oleh Rakyat Untuk Rakyat", "Penulis Tim Redaksi",
    "Reporter Cilik Beraksi",
])
def test_a_headline_in_title_case_opening_with_a_label_is_the_title(cleaner, first):
    record = cleaner.clean(f"{first}\n\n{BODY_ID}")
    assert record["meta"]["lang"] == "id"
    assert record["meta"]["title"] == first
    assert record["meta"]["authors"] == [] and record["meta"]["editors"] == []
    assert not record["text"].startswith(first)


@pytest.mark.parametrize("line, rest, expected", [
    ("By Yohanes Mau", [BODY_ID], True),
    ("By Resmi Hartati", [BODY_ID], True),
    ("Penulis : Resmi Hartati", [BODY_ID], True),
    ("Penulis Resmi Hartati", [BODY_ID], False),          # a label counts with its colon
    ("Oleh: Rakyat Untuk Rakyat", [BODY_ID], True),       # after a colon, a stopword anywhere
    ("Oleh Rakyat Untuk Rakyat", [BODY_ID], False),       # without: it opens or ends the name
    ("By The Numbers", ["the numbers grew"], False),      # 'numbers' is an everyday word here
    ("By Mau Resmi", [BODY_ID], False),                   # two stopwords: no name
    ("By Mau", [BODY_ID], False),                         # one word, a stopword
    ("By Yohanes Mau Lewa Sinaga Putra", [BODY_ID], False),  # five words
    ("By yohanes mau", [BODY_ID], False),
    ("By Yohanes Mau 2", [BODY_ID], False),
    ("Bye Yohanes Mau", [BODY_ID], False),
])
def test_other_head_line_reads_a_labelled_name(line, rest, expected):
    assert other_head_line(line, shipped_lexicon(), rest) is expected


# A hang guard, not a speed check (a hostile input: the suite times no test).
@pytest.mark.timeout(60)
@pytest.mark.parametrize("first", [
    "By", "By :", "By : :", "Oleh:", "By " + "Mau " * 20000, "By " + "A" * 50000 + " Mau",
    "By \ud83d Mau", "By Yohanes\u0000 Mau", "By ’’ Mau", "Penulis\t:\tResmi\tHartati",
    "By  Yohanes   Mau", "By Mau Itu", "Penulis:", "Penulis :", "Penulis: :", "Written by:",
    "Oleh Rakyat Untuk", "Oleh Untuk Untuk Rakyat", "Reporter:" + " Mau" * 20000,
])
def test_damaged_first_lines_are_cleaned_without_raising(cleaner, first):
    record = cleaner.clean(f"{first}\n\n{BODY_ID}")
    assert isinstance(record["text"], str)
    title = record["meta"]["title"]
    assert title is None or title.split()[0] in first


# A byline word before names a conjunction of the packs joins, written with its capital as
# title case writes it: two names, no headline's function word (review of c83922f).
@pytest.mark.parametrize("first", [
    "Oleh Ahmad Dan Budi", "Oleh Ahmad DAN Budi", "Oleh Ahmad dan Budi", "Oleh Ahmad Yani Dan Budi",
])
def test_names_a_capitalised_conjunction_joins_after_a_byline_word_are_no_title(cleaner, first):
    record = cleaner.clean(f"{first}\n\n{BODY_ID}")
    assert record["meta"]["lang"] == "id"
    assert record["meta"]["title"] is None
    assert record["text"].startswith(first) or record["meta"]["authors"]


@pytest.mark.parametrize("line, rest, expected", [
    ("Oleh Ahmad Dan Budi", [BODY_ID], True),
    ("By Jane Doe And John Roe", [BODY_EN], True),
    ("Oleh Rakyat Untuk Rakyat", [BODY_ID], False),     # 'untuk' is no conjunction
    ("Oleh Ahmad Dan Budi Dan Citra", [BODY_ID], True),
    ("Oleh Ahmad Dan Kata Budi", [BODY_ID], False),     # 'kata' is everyday in the text below
    ("By Numbers And Figures", ["the numbers and the figures grew"], False),  # everyday words
])
def test_a_conjunction_joins_two_names_in_any_case(line, rest, expected):
    assert other_head_line(line, shipped_lexicon(), rest) is expected


# A hang guard, not a speed check (a hostile input: the suite times no test).
@pytest.mark.timeout(60)
@pytest.mark.parametrize("first", [
    "Oleh Dan", "Oleh Dan Dan", "Oleh " + "Dan " * 20000 + "Budi", "Oleh Ahmad\u0000Dan Budi",
    "Oleh Ahmad Dan\ud83d Budi", "By And And", "Oleh : Dan : Budi",
])
def test_damaged_conjunction_lines_are_cleaned_without_raising(cleaner, first):
    record = cleaner.clean(f"{first}\n\n{BODY_ID}")
    assert isinstance(record["text"], str)
