"""Three metadata gaps the packs' words close:

1. An English label before a wire name ('BREAKING, Officials Say (AP) — ') is no place: the
   English pack's `not_places` lists the labels, and the line stays in the text; real places
   ('WASHINGTON (AP) — ', 'LIVE OAK, Fla. (AP) — ', a town whose first word is a label's)
   stay datelines.
2. A pronoun or a thanks after an editor's label ('Editor: Me', 'Editor: Thanks.', 'Editor:
   Terima kasih') names no one, outside a transcript too: the packs' `not_names`, of one word
   or more; such a line stays in the text and fills no editor.
3. A wire dateline with a day and a month between the place and the agency ('BANDAR SERI
   BEGAWAN, 5 Feb (Bernama) -- ') is common/dateline-agency's in every language: the place
   and the source are taken, the date goes with them and fills no date (no year is written).
   From a review of it: the month is one of the Indonesian, Malay or English months, whole or
   short, in title case or capitals ('SURABAYA, 12 DESEMBER (ANTARA) - '); any other
   capitalised word after a number is a headline's count ('MEDAN, 3 Polisi (ANTARA) - ').
"""

from __future__ import annotations


import pytest

from conftest import ROOT

from cleaner.lexicon import lexicon
from cleaner.metadata import editor_names
from cleaner.pipeline import Cleaner
from cleaner.rulefile import Pack, RuleFileError, load_pack

EN_BODY = ("The figures show that the numbers of visitors rose by a third last year, and the "
           "city expects more of them this summer, the mayor said on Monday.")
EN_TITLE = "Visitor Numbers Rise Again In The City"
ID_BODY = ("Pemerintah akan menaikkan harga bahan bakar minyak mulai pekan depan, kata menteri "
           "energi kepada wartawan di Jakarta pada hari Senin, dan hal itu sudah diputuskan.")
ID_TITLE = "Tajuk Berita Hari Ini"


def _english(cleaner: Cleaner, text: str) -> dict:
    record = cleaner.clean(text)
    assert record["meta"]["lang"] == "en"
    return record


def _indonesian(cleaner: Cleaner, text: str) -> dict:
    record = cleaner.clean(text)
    assert record["meta"]["lang"] == "id"
    return record


# -- 1. labels before a wire name --------------------------------------------------------------

@pytest.mark.parametrize("lead", [
    "BREAKING, Officials Say (AP) — The storm reached the coast overnight.",
    "UPDATE, Officials Say (Reuters) - The storm reached the coast overnight.",
    "EXCLUSIVE, Sources Say (Reuters) - The company plans to cut a tenth of its jobs.",
    "SHOCKING, Police Say (AP) — The missing hiker was found alive on Sunday.",
    "DEVELOPING, Police Say (AP) — The missing hiker was found alive on Sunday.",
    "ANALYSIS, Economists Say (Reuters) - The rate cut came too late.",
    "LIVE UPDATES, Officials Say (AP) — The storm reached the coast overnight.",
])
def test_an_english_label_before_a_wire_name_is_no_place(cleaner, lead):
    record = _english(cleaner, f"{lead}\n\n{EN_BODY}")
    assert record["meta"]["location"] is None
    assert record["text"].split("\n\n")[0] == lead
    assert [r["rule"] for r in record["removed"]] == []


@pytest.mark.parametrize("lead, place, source", [
    ("WASHINGTON (AP) — The Senate voted 51-49 on Tuesday to pass the bill.", "Washington",
     "AP"),
    ("LIVE OAK, Fla. (AP) — A sheriff's deputy was shot during a traffic stop.", "Live Oak",
     "AP"),
    ("WATCH HILL, R.I. (AP) — The beach was closed after a shark was seen.", "Watch Hill",
     "AP"),
    ("LONDON, Nov 20 (Reuters) - Britain's economy grew faster than expected.", "London",
     "Reuters"),
])
def test_a_place_that_opens_as_a_label_does_stays_a_dateline(cleaner, lead, place, source):
    record = _english(cleaner, f"{lead}\n\n{EN_BODY}")
    assert (record["meta"]["location"], record["meta"]["source"]) == (place, source)
    assert record["text"].split("\n\n")[0] == lead.split(" — ", 1)[-1].split(" - ", 1)[-1]


def test_the_english_pack_lists_labels_and_no_town_that_opens_as_one():
    listed = load_pack(ROOT / "rules" / "lang" / "en.toml").not_places
    assert {"breaking", "update", "exclusive", "shocking", "developing", "factbox"} <= listed
    # Live Oak (Florida) and Watch Hill (Rhode Island) open with these words.
    assert not {"live", "watch"} & listed


# -- 2. words after an editor's label that name no one ------------------------------------------

@pytest.mark.parametrize("line", ["Editor: Me", "Editor: Thanks.", "Editor: You",
                                  "Editor: Thank You", "Editor: Them", "EDITOR: ME"])
def test_a_pronoun_or_a_thanks_after_an_editors_label_names_no_editor(cleaner, line):
    record = _english(cleaner, f"{EN_TITLE}\n\n{EN_BODY}\n\n{line}")
    assert record["meta"]["editors"] == []
    assert record["text"].split("\n\n")[-1] == line


@pytest.mark.parametrize("line", ["Editor: Terima kasih", "Editor: Aku", "Redaktur: Makasih"])
def test_an_indonesian_pronoun_or_thanks_after_an_editors_label_names_no_editor(cleaner, line):
    record = _indonesian(cleaner, f"{ID_TITLE}\n\n{ID_BODY}\n\n{line}")
    assert record["meta"]["editors"] == []
    assert record["text"].split("\n\n")[-1] == line


@pytest.mark.parametrize("line, editors", [
    ("Editor: Jane Doe", ["Jane Doe"]), ("Editor: Fardah", ["Fardah"]), ("Editor: Mei", ["Mei"]),
    ("Editors: Jane Doe, Me", ["Jane Doe"]),
])
def test_a_name_after_an_editors_label_is_still_an_editor(cleaner, line, editors):
    record = _english(cleaner, f"{EN_TITLE}\n\n{EN_BODY}\n\n{line}")
    assert record["meta"]["editors"] == editors and record["text"] == EN_BODY


@pytest.mark.parametrize("line, editors", [
    ("Editor: Agus Salim", ["Agus Salim"]), ("Editor: Fardah", ["Fardah"]),
    ("Penulis: Budi | Editor: Aku", []),
])
def test_an_indonesian_editor_is_still_an_editor(cleaner, line, editors):
    record = _indonesian(cleaner, f"{ID_TITLE}\n\n{ID_BODY}\n\n{line}")
    assert record["meta"]["editors"] == editors


def test_a_placeholder_after_an_editors_label_fills_no_editor(cleaner):
    # A CMS's placeholder is a role word, as 'None' and 'Unknown' are: the line is cruft.
    record = _english(cleaner, f"{EN_TITLE}\n\n{EN_BODY}\n\nEditor: TBA")
    assert record["meta"]["editors"] == [] and record["text"] == EN_BODY


def test_not_names_are_compared_folded_and_whole():
    words = lexicon((Pack("xx", "lang", "not-names-folded.toml",
                          not_names=frozenset({"me", "thank you"})),))
    assert [editor_names(e, words) for e in ("Me", "ＭＥ.", "Thank  You", "Thank You Jane",
                                             "Jane Doe, Me", "Mei")] == [
        [], [], [], ["Thank You Jane"], ["Jane Doe"], ["Mei"]]


def test_not_names_are_no_stopwords_so_language_detection_is_unchanged():
    for lang in ("en", "id"):
        pack = load_pack(ROOT / "rules" / "lang" / f"{lang}.toml")
        assert pack.not_names and not pack.not_names & pack.stopwords


@pytest.mark.parametrize("value, reason", [
    ("[1, 2]", "not_names"), ('"me"', None), ('[""]', "empty word"), ("{a = 1}", "not_names"),
])
def test_a_bad_not_names_list_is_refused_naming_the_file(tmp_path, value, reason):
    path = tmp_path / "xx.toml"
    path.write_text(f'[pack]\nkind = "lang"\nnot_names = {value}\n', encoding="utf-8")
    if reason is None:                  # one word alone is a list of one, as for other keys
        assert load_pack(path).not_names == frozenset({"me"})
        return
    with pytest.raises(RuleFileError, match=reason) as info:
        load_pack(path)
    assert "xx.toml" in str(info.value)


@pytest.mark.parametrize("line", [
    "Editor: " + "Me " * 5000, "Editor: \x00Me", "Editor: Me\u200b", "Editor: " + "Ｔ" * 300,
    "Editor: Thank You, " * 200,
])
def test_a_damaged_editor_line_is_cleaned_without_raising(cleaner, line):
    record = cleaner.clean(f"{EN_TITLE}\n\n{EN_BODY}\n\n{line}")
    assert "Me" not in record["meta"]["editors"]


# -- 3. a day and a month between the place and the agency --------------------------------------

@pytest.mark.parametrize("lead, place", [
    ("BANDAR SERI BEGAWAN, 5 Feb (Bernama) -- Sultan Hassanal Bolkiah menerima menteri itu.",
     "Bandar Seri Begawan"),
    ("SINGAPURA, 12 Mei (Bernama) -- Pemerintah Singapura menaikkan tarif listrik.",
     "Singapura"),
])
def test_a_wire_dateline_with_a_day_and_a_month_gives_place_and_source(cleaner, lead, place):
    record = _indonesian(cleaner, f"{lead}\n\n{ID_BODY}")
    assert (record["meta"]["location"], record["meta"]["source"]) == (place, "Bernama")
    assert record["meta"]["date"] is None
    assert record["text"].split("\n\n")[0] == lead.split(" -- ", 1)[1]
    assert [r["rule"] for r in record["removed"]] == ["common/dateline-agency"]


@pytest.mark.parametrize("lead", [
    "JAKARTA, 5 ORANG TEWAS (ANTARA) - Banjir melanda tiga kecamatan di Jakarta Timur.",
    "JAKARTA, 5 Orang Tewas (ANTARA) - Banjir melanda tiga kecamatan di Jakarta Timur.",
    "JAKARTA, 5 Feb 2024 Pukul 10 (ANTARA) - Banjir melanda tiga kecamatan di Jakarta.",
])
def test_a_headlines_count_before_a_wire_name_is_no_date(cleaner, lead):
    record = _indonesian(cleaner, f"{lead}\n\n{ID_BODY}")
    assert record["meta"]["location"] is None
    assert record["text"].split("\n\n")[0] == lead


def test_a_malay_day_month_dateline_is_still_the_malay_packs(cleaner):
    lead = "KUALA LUMPUR, 12 Mei (Bernama) -- Kerajaan akan memperuntukkan RM2 bilion."
    body = ("Beliau berkata peruntukan itu akan diagihkan kepada sekolah yang paling "
            "memerlukan, terutamanya di kawasan luar bandar, kerana bangunannya sudah usang.")
    record = cleaner.clean(f"{lead}\n\n{body}")
    assert record["meta"]["lang"] == "ms"
    assert (record["meta"]["location"], record["meta"]["source"]) == ("Kuala Lumpur", "Bernama")
    assert record["removed"][0]["rule"].startswith("ms/dateline")


# -- review: the month is a month, not any capitalised word ------------------------------------

@pytest.mark.parametrize("lead", [
    "MEDAN, 3 Polisi (ANTARA) - Tiga polisi terluka saat mengamankan demonstrasi di Medan.",
    "JAKARTA, 2 Tewas (ANTARA) - Dua orang tewas dalam kecelakaan di jalan tol.",
    "PALU, 7 Hari (ANTARA) - Tujuh hari setelah gempa, warga masih mengungsi.",
    "BANDUNG, 10 Besar (ANTARA) - Sepuluh besar sekolah terbaik diumumkan hari ini.",
    "KUALA LUMPUR, 5 Maut (Bernama) -- Lima maut dalam kemalangan di lebuh raya.",
    "IPOH, 2 Cedera (Bernama) -- Dua cedera dalam kebakaran di sebuah kilang.",
])
def test_a_count_and_a_word_before_a_wire_name_is_no_dateline(cleaner, lead):
    record = cleaner.clean(f"{lead}\n\n{ID_BODY}")
    assert record["meta"]["location"] is None
    assert record["text"].split("\n\n")[0] == lead
    assert "common/dateline-agency" not in [r["rule"] for r in record["removed"]]


@pytest.mark.parametrize("lead, place", [
    ("SURABAYA, 12 Desember (ANTARA) - Presiden meresmikan jembatan baru.", "Surabaya"),
    ("SURABAYA, 12 DESEMBER (ANTARA) - Presiden meresmikan jembatan baru.", "Surabaya"),
    ("MAKASSAR, 3 Des. (ANTARA) - Gubernur meresmikan pasar baru.", "Makassar"),
    ("JAKARTA, 17 Agustus (ANTARA) - Upacara bendera digelar di Istana Merdeka.", "Jakarta"),
    ("DENPASAR, 21 JUL (ANTARA) - Wisatawan memadati pantai Kuta.", "Denpasar"),
    ("MEDAN, 9 Sept. (ANTARA) - Gubernur meresmikan pasar baru.", "Medan"),
])
def test_a_month_in_title_case_or_capitals_makes_a_dateline(cleaner, lead, place):
    record = _indonesian(cleaner, f"{lead}\n\n{ID_BODY}")
    assert (record["meta"]["location"], record["meta"]["source"]) == (place, "ANTARA")
    assert record["meta"]["date"] is None
    assert record["text"].split("\n\n")[0] == lead.split(" - ", 1)[1]
    assert [r["rule"] for r in record["removed"]] == ["common/dateline-agency"]


@pytest.mark.parametrize("lead", [
    "JAKARTA, 3 Mei. (ANTARA) - Presiden meresmikan jembatan baru.",     # a whole month's dot
    "JAKARTA, 3 desember (ANTARA) - Presiden meresmikan jembatan baru.",  # a month in lower case
    "JAKARTA, 3 DeSember (ANTARA) - Presiden meresmikan jembatan baru.",
    "JAKARTA, 3 Januarii (ANTARA) - Presiden meresmikan jembatan baru.",
])
def test_a_month_of_another_spelling_makes_no_dateline(cleaner, lead):
    record = cleaner.clean(f"{lead}\n\n{ID_BODY}")
    assert "common/dateline-agency" not in [r["rule"] for r in record["removed"]]


# A hang guard, not a speed check (a hostile input: the suite times no test).
@pytest.mark.timeout(60)
def test_a_long_run_of_month_shapes_before_a_wire_name_is_cleaned_in_bounded_time(cleaner):
    record = cleaner.clean("JAKARTA, 12 " + "Des." * 20000 + " (ANTARA) - " + ID_BODY)
    assert record["meta"]["location"] is None
