"""An Indonesian article's closing credit in brackets: an outlet or wire ('(ANTARA)', '[TRIBUN]')
or a reporter's or desk's code in capitals ('(PRAS)', '(HUMAS)') alone on one of the last lines,
or closing the last paragraph after its last sentence, goes; an outlet the packs know fills
`source`. The language-neutral rules keep a bracketed name of four capitals or more, as English
review round-ups credit outlets that way ('[ CNET ]' under a quote), and an English page still
does.

The texts are written for these tests.
"""

from __future__ import annotations

import pytest

OUTLET = "id/closing-outlet-credit"
CODE = "id/closing-code"

LEAD = ("Pemerintah kota meresmikan taman baru di pinggir sungai pada hari Senin, dan warga "
        "sekitar mengatakan bahwa mereka sudah lama menunggu tempat bermain untuk anak-anak.")
MIDDLE = ("Wali kota mengatakan taman itu akan dibuka setiap hari dari pagi sampai malam, dan "
          "petugas kebersihan akan berjaga di sana agar taman tetap bersih.")
LAST = "Ia berharap warga ikut menjaga taman tersebut, ujarnya."


def _removed_by(record, rule: str) -> list[str]:
    return [removal["text"].strip() for removal in record["removed"] if removal["rule"] == rule]


def _article(*closing: str) -> str:
    return "\n\n".join([LEAD, MIDDLE, LAST, *closing])


@pytest.mark.parametrize("credit, source", [
    ("(ANTARA)", "ANTARA"), ("(JPNN)", "JPNN.com"), ("[TRIBUN]", "Tribunnews"),
    ("(KOMPAS)", "Kompas.com"), ("( ANTARA News )", "ANTARA"), ("(REUTERS)", "Reuters"),
    ("(OKEZONE)", "Okezone"), ("(AFP)", "AFP"),
])
def test_a_known_outlet_alone_on_the_last_line_goes_and_is_the_source(cleaner, credit, source):
    record = cleaner.clean(_article(credit))
    assert record["meta"]["lang"] == "id"
    assert _removed_by(record, OUTLET) == [credit]
    assert record["text"] == _article()
    assert record["meta"]["source"] == source


@pytest.mark.parametrize("credit, source", [("(ANTARA)", "ANTARA"), ("[ JPNN ]", "JPNN.com")])
def test_a_known_outlet_closing_the_last_paragraph_goes_and_is_the_source(cleaner, credit,
                                                                          source):
    record = cleaner.clean(f"{LEAD}\n\n{MIDDLE}\n\n{LAST} {credit}")
    assert _removed_by(record, OUTLET) == [credit]
    assert record["text"] == _article()
    assert record["meta"]["source"] == source


@pytest.mark.parametrize("code", ["(PRAS)", "(ARDI)", "(HUMAS)", "[ NAYA ]", "(ROLL)"])
def test_a_code_in_capitals_alone_on_the_last_line_goes_and_names_no_source(cleaner, code):
    record = cleaner.clean(_article(code))
    assert _removed_by(record, CODE) == [code]
    assert record["text"] == _article()
    assert record["meta"]["source"] is None


@pytest.mark.parametrize("code", ["(PRAS)", "[HUMAS]"])
def test_a_code_in_capitals_closing_the_last_paragraph_goes(cleaner, code):
    record = cleaner.clean(f"{LEAD}\n\n{MIDDLE}\n\n{LAST} {code}")
    assert _removed_by(record, CODE) == [code]
    assert record["text"] == _article()
    assert record["meta"]["source"] is None


def test_a_dateline_source_wins_over_the_closing_credit(cleaner):
    record = cleaner.clean(f"JAKARTA, KOMPAS.com - {LEAD}\n\n{MIDDLE}\n\n{LAST}\n\n(ANTARA)")
    assert record["meta"]["source"] == "Kompas.com"
    assert _removed_by(record, OUTLET) == ["(ANTARA)"]
    assert not record["text"].endswith("(ANTARA)")


def test_a_credit_under_the_last_lines_list_of_related_links_still_goes(cleaner):
    # The credit, then a related link the site appends: both among the last lines.
    record = cleaner.clean(_article("(ANTARA)", "Baca juga: Taman kota dibuka untuk umum"))
    assert _removed_by(record, OUTLET) == ["(ANTARA)"]
    assert "(ANTARA)" not in record["text"]


@pytest.mark.parametrize("line", [
    "Taman itu dikelola Dinas Pertamanan (DISTAMAN)",          # no sentence ends before it
    "Ia juga anggota (PERSIB) sejak kecil, ujarnya.",           # inside the sentence
    "Kami akan terus menjaga jasa para pahlawan.\" (Hatta)",    # a quote's attribution
    "Hasil itu diumumkan hari ini. (Humas)",                    # no code: a word, not capitals
])
def test_brackets_that_close_no_credit_stay(cleaner, line):
    record = cleaner.clean(_article(line))
    assert _removed_by(record, OUTLET) == [] and _removed_by(record, CODE) == []
    assert record["text"].endswith(line)
    assert record["meta"]["source"] is None


def test_a_bracketed_name_in_capitals_far_from_the_end_stays(cleaner):
    # Only an article's last lines close it: further up, a line like this heads a part.
    body = "\n\n".join([LEAD, "(KOMPAS)", MIDDLE, LAST, MIDDLE, LAST, MIDDLE, LAST, MIDDLE, LAST])
    record = cleaner.clean(body)
    assert _removed_by(record, OUTLET) == [] and _removed_by(record, CODE) == []
    assert "(KOMPAS)" in record["text"].split("\n")


REVIEW = ("The new console streams games from the cloud, and the reviews that came out this week "
          "agree that it works but that there is little reason to buy one yet.")
QUOTE = ("It works, but the library is thin, and the features promised at launch are not there "
         "yet, so wait a few months before you decide.")


@pytest.mark.parametrize("credit", ["[ CNET ]", "(ZDNN)", "[ANTARA]"])
def test_an_english_pages_closing_outlet_credit_stays(cleaner, credit):
    record = cleaner.clean(f"{REVIEW}\n\n{QUOTE}\n\n{credit}")
    assert record["meta"]["lang"] == "en"
    assert credit in record["text"].split("\n")
    assert _removed_by(record, OUTLET) == [] and _removed_by(record, CODE) == []


@pytest.mark.parametrize("hostile", [
    "[" + "A" * 40000 + "]",
    "(" + "ANTARA " * 5000 + ")",
    "(\u0130\u00c7\u00d6\u00dc)",
    "(ANTARA\x00)",
    "((((((ANTARA))))))",
    "(ANTARA" + ")" * 20000,
])
def test_a_hostile_closing_line_never_raises_and_the_article_stays(cleaner, hostile):
    record = cleaner.clean(_article(hostile))
    assert LEAD in record["text"] and LAST in record["text"]
