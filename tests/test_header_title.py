"""The header stage's title guess: labels, fact lines, datelines, bylines and dates opening a text are no title."""

from __future__ import annotations

import pytest

from cleaner.header import looks_like_title, other_head_line
from cleaner.lexicon import lexicon
from cleaner.rulefile import Pack

BODIES = {
    "id": "Pemerintah provinsi menyatakan bahwa banjir di wilayah itu telah surut pada Senin pagi, "
          "dan warga mulai kembali ke rumah mereka masing-masing.\n\nPetugas masih membersihkan "
          "lumpur dari jalan-jalan utama di kota tersebut, kata seorang pejabat setempat.",
    "en": "The government said on Monday that the floods in the region had receded and that "
          "residents were starting to return to their homes.\n\nWorkers were still clearing mud "
          "from the main streets of the town, an official said.",
}

# Each language's own: its packs' words (fact_labels, sections, date_words) tell them.
LABELS = {"id": ["Claim", "Update", "UPDATE", "Klaim", "Video"],
          "en": ["Claim", "Update", "UPDATE", "Klaim", "Video", "Our Verdict", "The Verdict"]}
# A section alone over the text is its rubric: the category, no title (below).
SECTIONS = [("Cek Fakta", "id"), ("Fact Check", "en")]
FACT_LINES = {"id": ["Klaim: Foto banjir di Jakarta", "Kesimpulan: Salah",
                     "Penjelasan: Foto itu lama", "Faktanya: Foto itu dari 2019",
                     "Narasi: Banjir di Jakarta", "Referensi: Situs BMKG"],
              "en": ["Claim: A photo shows floods in Jakarta", "Verdict: False",
                     "Rating: Mostly False", "Our Verdict: False", "The Verdict: Misleading",
                     "Our Ruling: Pants on Fire", "What's True: The photo is real"]}
# A place in capitals alone is a dateline with its agency or with a country or state after a comma:
# two capital words alone ("NEW YORK", "GAME OVER") may be either, and are read as a title.
DATELINES = ["BAAR, SWITZERLAND", "NEW YORK (AP)", "JAKARTA -", "JAKARTA --", "LONDON (Reuters) -",
             "WASHINGTON (AP) —", "LONDON (Reuters)", "JAKARTA, KOMPAS.com -"]
# Date lines chrome/date-line does not read: the header stage is the last to see them.
DATE_LINES = {"id": ["Senin (20/11/2023) 10:15 WIB"],
              "en": ["Mon, 20 Nov 2023 10:15:00 +0700"]}
# (In an English text, en/dateline-alone reads "BAAR, SWITZERLAND" as the dateline it is: below.)
HEAD_LINES = [(line, lang) for lang in ("id", "en")
              for line in LABELS[lang] + FACT_LINES[lang] + DATELINES + DATE_LINES[lang]
              if (line, lang) != ("BAAR, SWITZERLAND", "en")]
TITLES = ["Banjir Surut, Warga Kembali ke Rumah", "Floods recede as residents return home",
          "Gempa 7,1 SR Guncang Selandia Baru", "5 Fakta Banjir Jakarta Hari Ini",
          "'Kami Tidak Takut,' Kata Warga Korban Banjir",
          "\"We will rebuild\": Mayor vows after floods", "UPDATE: Floods recede in Jakarta",
          "Cek Fakta: Video Banjir di Jakarta Bukan dari 2023", "BANJIR JAKARTA SURUT",
          "Jadwal Imsakiyah 20 Maret 2023", "Sri Mulyani: Ekonomi RI Tumbuh 5 Persen",
          # Headlines in capitals: no agency, no place and country after a comma.
          "TRUMP WINS", "GAME OVER", "JOKOWI MENANG", "GEMPA ACEH", "BREXIT CHAOS", "THE END",
          "CHINA, RUSSIA SIGN DEAL",
          # An everyday word before a colon is no fact-check label.
          "Context: Why The Fed Raised Rates", "Status: Flights Resume At Heathrow",
          "Origin: How The Virus Spread", "Facts: Ten Things About Mars",
          "Konteks: Mengapa BI Naikkan Suku Bunga", "Fakta: Jokowi Tak Pernah Bilang Begitu",
          # "Oleh" opening a phrase, not a byline: its words are the language's commonest.
          "Oleh Karena Itu, Harga Naik", "Oleh Sebab Itu Kami Pergi"]


def _words(cleaner):
    """The shipped common, Indonesian and English packs' words."""
    return lexicon(tuple(p for p in cleaner.packs
                         if p.kind == "common" or (p.kind == "lang" and p.id in ("id", "en"))))


def _clean(cleaner, first: str, lang: str) -> dict:
    return cleaner.clean(first + "\n\n" + BODIES[lang])


def _assert_left_in_text(record: dict, line: str) -> None:
    assert record["meta"]["title"] is None
    assert "header/title" not in {r["rule"] for r in record["removed"]}
    assert record["text"].split("\n\n")[0] == line


@pytest.mark.parametrize("line, lang", HEAD_LINES)
def test_a_head_line_that_no_rule_took_stays_in_the_text_not_a_title(cleaner, line, lang):
    _assert_left_in_text(_clean(cleaner, line, lang), line)


@pytest.mark.parametrize("line, lang, date", [
    ("2023-11-20T10:15:00+07:00", "id", "2023-11-20T10:15:00+07:00"),
    ("2023-11-20T10:15:00+07:00", "en", "2023-11-20T10:15:00+07:00"),
    ("Monday 20th November 2023", "en", "2023-11-20"),
])
def test_a_stamp_opening_a_text_is_its_date(cleaner, line, lang, date):
    # (chrome/date-line reads an ISO stamp since session 49, an ordinal day since session 51:
    # each stayed in the text, no date)
    record = _clean(cleaner, line, lang)
    assert record["meta"]["date"] == date
    assert record["text"] == BODIES[lang]


@pytest.mark.parametrize("line, lang", SECTIONS)
def test_a_section_opening_a_text_is_its_category_not_a_title(cleaner, line, lang):
    record = _clean(cleaner, line, lang)
    assert record["meta"]["title"] is None and record["meta"]["category"] == line
    assert [r["rule"] for r in record["removed"]] == ["header/category"]
    assert record["text"] == BODIES[lang]


@pytest.mark.parametrize("line", ["By Jane Doe", "BY JANE DOE", "By Jane Doe and John Smith"])
def test_a_byline_in_an_indonesian_text_is_no_title(cleaner, line):
    # No Indonesian rule reads "By ...": the line stays for the reader (the id pack's
    # byline_words tell it: Indonesian sites write "By" too).
    _assert_left_in_text(_clean(cleaner, line, "id"), line)


@pytest.mark.parametrize("line", ["Oleh: Jane Doe", "Oleh Jane Doe"])
def test_an_indonesian_oleh_byline_is_read_by_its_rule_not_taken_as_title(cleaner, line):
    record = _clean(cleaner, line, "id")
    assert record["meta"]["title"] is None and record["meta"]["authors"] == ["Jane Doe"]
    assert [r["rule"] for r in record["removed"]] == ["id/byline-oleh"]


@pytest.mark.parametrize("line,authors", [("By Jane Doe", ["Jane Doe"]),
                                          ("By Jane Doe and John Smith", ["Jane Doe", "John Smith"])])
def test_an_english_byline_is_read_by_its_rule_not_taken_as_title(cleaner, line, authors):
    record = _clean(cleaner, line, "en")
    assert record["meta"]["title"] is None and record["meta"]["authors"] == authors
    assert [r["rule"] for r in record["removed"] if r["line"] == 1] == ["en/by-line"]


def test_a_date_line_the_rules_read_fills_the_date_not_the_title(cleaner):
    record = _clean(cleaner, "Monday, 20 November 2023 10:15 WIB", "id")
    assert record["meta"]["title"] is None and record["meta"]["date"] == "2023-11-20T10:15+07:00"
    assert [r["rule"] for r in record["removed"] if r["line"] == 1] == ["chrome/date-line"]


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("title", TITLES)
def test_a_headline_is_still_taken_as_title(cleaner, title, lang):
    record = _clean(cleaner, title, lang)
    assert record["meta"]["title"] == title
    assert not record["text"].startswith(title)


def test_a_title_under_a_line_a_rule_dropped_is_taken(cleaner):
    # The rules run first: the ad marker above is gone when the header stage looks.
    record = cleaner.clean("Advertisement\n\nBanjir Surut, Warga Kembali ke Rumah\n\n" + BODIES["id"])
    assert record["meta"]["title"] == "Banjir Surut, Warga Kembali ke Rumah"


def test_a_single_word_or_a_line_ending_in_a_dash_does_not_look_like_a_title():
    assert not looks_like_title("Claim", "Body text follows here.")
    assert not looks_like_title("JAKARTA -", "Body text follows here.")
    assert looks_like_title("Jakarta Floods Recede", "Body text follows here.")


@pytest.mark.parametrize("line,expected", [
    ("Verdict: False", True), ("Claim", True), ("BAAR, SWITZERLAND", True),
    ("LONDON (Reuters)", True), ("By Jane Doe", True), ("Oleh: Jane Doe", True),
    ("Senin (20/11/2023) 10:15 WIB", True), ("Penulis", True), ("Penulis: Jane Doe", True),
    ("UPDATE: Floods recede in Jakarta", False), ("BANJIR JAKARTA SURUT", False),
    ("By the Numbers: the 2024 election", False), ("Oleh-oleh Khas Bandung", False),
    ("Banjir 20 November 2023 Rendam Jakarta", False), ("Cek Fakta: Video Banjir Lama", False),
])
def test_other_head_lines_are_told_from_titles(cleaner, line, expected):
    words = lexicon(tuple(p for p in cleaner.packs if p.kind == "lang" and p.id in ("id", "en")))
    assert other_head_line(line, words) is expected


@pytest.mark.parametrize("title, lang", [("FINALLY, THE TRUTH", "en"),
                                         ("BERSATU, KITA TEGUH", "id")])
def test_a_comma_line_in_capitals_with_a_stopword_is_a_title_not_a_dateline(cleaner, title, lang):
    # A country or state after a dateline's comma holds none of the language's commonest words.
    record = _clean(cleaner, title, lang)
    assert record["meta"]["title"] == title


@pytest.mark.parametrize("line", ["Oleh Karena Itu, Harga Naik", "Oleh Sebab Itu Kami Pergi",
                                  "By The Way We Live Now"])
def test_a_line_opening_with_a_byline_word_before_stopwords_is_no_byline(cleaner, line):
    assert other_head_line(line, _words(cleaner)) is False


@pytest.mark.parametrize("line", ["By Jane Doe", "Oleh: Jane Doe", "By Jane Doe and John Smith",
                                  "Oleh Ahmad bin Ali"])
def test_a_byline_of_names_is_still_one(cleaner, line):
    assert other_head_line(line, _words(cleaner)) is True


def test_a_name_particle_that_is_a_stopword_still_makes_a_byline():
    words = lexicon((Pack("es", "lang", "", stopwords=frozenset({"de", "la", "el"}),
                          byline_words=frozenset({"por"}),
                          name_particles=frozenset({"de", "la"})),))
    assert other_head_line("Por Juan de la Cruz", words) is True
    assert other_head_line("Por El Camino Real", words) is False


def test_the_lexicon_holds_the_packs_stopwords(cleaner):
    assert {"itu", "karena", "the", "of"} <= _words(cleaner).stopwords


@pytest.mark.parametrize("line, expected", [
    ("Context: Why The Fed Raised Rates", False), ("Konteks: Mengapa BI Naikkan Suku Bunga", False),
    ("Fakta: Jokowi Tak Pernah Bilang Begitu", False), ("Source: Reuters Poll", False),
    ("Our Verdict: False", True), ("The Verdict: Misleading", True), ("Claims: Vaccines", True),
    ("What's Undetermined: The Date", True), ("Faktanya: Foto Lama", True),
    ("Kesimpulan: Salah", True), ("Referensi: BMKG", True),
])
def test_only_a_clear_fact_check_label_before_a_colon_is_a_label(cleaner, line, expected):
    assert other_head_line(line, _words(cleaner)) is expected


@pytest.mark.parametrize("line", ["TRUMP WINS", "GAME OVER", "NEW YORK", "CHINA, RUSSIA SIGN DEAL",
                                  "PARIS, FRANCE, EUROPE"])
def test_capitals_without_an_agency_or_a_place_and_country_are_no_dateline(cleaner, line):
    assert other_head_line(line, _words(cleaner)) is False


@pytest.mark.parametrize("line", ["BAAR, SWITZERLAND", "NEW YORK, N.Y.", "RIO DE JANEIRO, BRAZIL",
                                  "THE HAGUE, NETHERLANDS", "PORT OF SPAIN, TRINIDAD",
                                  "BANDA ACEH, NAD", "NEW YORK (AP)", "PARIS, FRANCE (AFP)"])
def test_a_place_and_its_country_or_agency_in_capitals_is_a_dateline(cleaner, line):
    # Stopwords may be in the place ("PORT OF SPAIN"), not in the country or state after it.
    assert other_head_line(line, _words(cleaner)) is True


def test_a_place_and_country_alone_in_an_english_text_is_its_dateline(cleaner):
    record = _clean(cleaner, "BAAR, SWITZERLAND", "en")
    assert record["meta"]["title"] is None and record["meta"]["location"] == "Baar"
    assert [r["rule"] for r in record["removed"] if r["line"] == 1] == ["en/dateline-alone"]


# A shouted headline with a comma ("YES, WE CAN") is no lone dateline when the text below writes
# every word after the comma in lower case: a place's name keeps its capital wherever it is named.
SPEECH = ("The senator told supporters on Monday that we can still win the state, and that the "
          "campaign can count on thousands of volunteers.\n\nShe said the vote would be close, "
          "an aide said.")
MARKETS = ("Stocks fell on Monday as investors sold technology shares, while bonds rallied and "
           "yields on the ten-year note fell as prices continued to rise.\n\nTraders said the "
           "moves would last, an analyst said.")


@pytest.mark.parametrize("title, body", [("YES, WE CAN", SPEECH), ("STOCKS FALL, BONDS RISE", MARKETS)])
def test_a_comma_headline_whose_words_the_text_writes_in_lower_case_is_the_title(cleaner, title, body):
    record = cleaner.clean(f"{title}\n\n{body}")
    assert record["meta"]["title"] == title
    assert not record["text"].startswith(title)


@pytest.mark.parametrize("line, rest, expected", [
    ("YES, WE CAN", [SPEECH], False),
    ("STOCKS FALL, BONDS RISE", [], True),                   # no text below: as before
    ("STOCKS FALL, BONDS RISE", ["Bondsmen rose early; sunrise came."], True),  # whole words only
    ("YES, WE CAN", [], False),             # "we" and "can" are English stopwords: no place
    ("KUTA, BALI", ["Tourists returned to Bali on Monday, where the beaches reopened."], True),
    ("RAMALLAH, WEST BANK", ["Talks in the West Bank resumed, and the west of the city was calm."],
     True),
    ("BANDA ACEH, NAD", ["Banjir di Aceh surut pada Senin, kata pejabat di tengah kota."], True),
    ("BANDUNG, JAWA BARAT", ["Hujan turun di sebelah barat kota Bandung pada Senin."], True),
])
def test_a_lone_datelines_country_is_told_by_its_capital_in_the_text(cleaner, line, rest, expected):
    assert other_head_line(line, _words(cleaner), rest) is expected


@pytest.mark.parametrize("rest", [["(?i)[we] can+ \\b", "WE CAN"], ["", "\n\n", ""],
                                  ["we\x00can", "ẞ we çan"], iter(["we", "can"])])
def test_a_comma_line_with_damaged_or_odd_text_below_never_raises(cleaner, rest):
    assert other_head_line("YES, WE CAN", _words(cleaner), rest) in (True, False)
