"""The header stage's title guess: labels, fact lines, datelines, bylines and dates opening a text are no title."""

from __future__ import annotations

import pytest

from cleaner.header import looks_like_title, other_head_line
from cleaner.lexicon import lexicon

BODIES = {
    "id": "Pemerintah provinsi menyatakan bahwa banjir di wilayah itu telah surut pada Senin pagi, "
          "dan warga mulai kembali ke rumah mereka masing-masing.\n\nPetugas masih membersihkan "
          "lumpur dari jalan-jalan utama di kota tersebut, kata seorang pejabat setempat.",
    "en": "The government said on Monday that the floods in the region had receded and that "
          "residents were starting to return to their homes.\n\nWorkers were still clearing mud "
          "from the main streets of the town, an official said.",
}

# Each language's own: its packs' words (fact_labels, sections, date_words) tell them.
LABELS = {"id": ["Claim", "Update", "UPDATE", "Klaim", "Video", "Cek Fakta"],
          "en": ["Claim", "Update", "UPDATE", "Klaim", "Video", "Fact Check"]}
FACT_LINES = {"id": ["Klaim: Foto banjir di Jakarta", "Kesimpulan: Salah",
                     "Penjelasan: Foto itu lama"],
              "en": ["Claim: A photo shows floods in Jakarta", "Verdict: False",
                     "Rating: Mostly False"]}
DATELINES = ["BAAR, SWITZERLAND", "NEW YORK", "JAKARTA -", "JAKARTA --", "LONDON (Reuters) -",
             "WASHINGTON (AP) —", "LONDON (Reuters)", "JAKARTA, KOMPAS.com -"]
# Date lines chrome/date-line does not read: the header stage is the last to see them.
DATE_LINES = {"id": ["Senin (20/11/2023) 10:15 WIB", "2023-11-20T10:15:00+07:00"],
              "en": ["Mon, 20 Nov 2023 10:15:00 +0700", "Monday 20th November 2023",
                     "2023-11-20T10:15:00+07:00"]}
HEAD_LINES = [(line, lang) for lang in ("id", "en")
              for line in LABELS[lang] + FACT_LINES[lang] + DATELINES + DATE_LINES[lang]]
TITLES = ["Banjir Surut, Warga Kembali ke Rumah", "Floods recede as residents return home",
          "Gempa 7,1 SR Guncang Selandia Baru", "5 Fakta Banjir Jakarta Hari Ini",
          "'Kami Tidak Takut,' Kata Warga Korban Banjir",
          "\"We will rebuild\": Mayor vows after floods", "UPDATE: Floods recede in Jakarta",
          "Cek Fakta: Video Banjir di Jakarta Bukan dari 2023", "BANJIR JAKARTA SURUT",
          "Jadwal Imsakiyah 20 Maret 2023", "Sri Mulyani: Ekonomi RI Tumbuh 5 Persen"]


def _clean(cleaner, first: str, lang: str) -> dict:
    return cleaner.clean(first + "\n\n" + BODIES[lang])


def _assert_left_in_text(record: dict, line: str) -> None:
    assert record["meta"]["title"] is None
    assert "header/title" not in {r["rule"] for r in record["removed"]}
    assert record["text"].split("\n\n")[0] == line


@pytest.mark.parametrize("line, lang", HEAD_LINES)
def test_a_head_line_that_no_rule_took_stays_in_the_text_not_a_title(cleaner, line, lang):
    _assert_left_in_text(_clean(cleaner, line, lang), line)


@pytest.mark.parametrize("line", ["By Jane Doe", "BY JANE DOE", "By Jane Doe and John Smith",
                                  "Oleh: Jane Doe", "Oleh Jane Doe"])
def test_a_byline_in_an_indonesian_text_is_no_title(cleaner, line):
    # No Indonesian rule reads "By ..." and "Oleh ...": the line stays for the reader (the id
    # pack's byline_words tell it: Indonesian sites write "By" too).
    _assert_left_in_text(_clean(cleaner, line, "id"), line)


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
