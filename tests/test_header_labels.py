"""Byline labels and dates from the audit of the Indonesian dev records: a name over a label is a
byline, never a title and a category; only the packs' sections are a category; 'Teks: X' names
the author as 'Laporan: X' does; ANTARA's filing timestamp is the date where nothing else gives one."""

from __future__ import annotations

import pytest

from cleaner.lexicon import lexicon

BODY = ("Pemerintah provinsi menyatakan bahwa banjir di wilayah itu telah surut pada Senin pagi, "
        "dan warga mulai kembali ke rumah mereka masing-masing.\n\nPetugas masih membersihkan "
        "lumpur dari jalan-jalan utama di kota tersebut, kata seorang pejabat setempat.")
EN_BODY = ("The government said on Monday that the floods in the region had receded and that "
           "residents were starting to return to their homes.\n\nWorkers were still clearing mud "
           "from the main streets of the town, an official said.")
TITLE = "Jembatan Baru Diresmikan Gubernur"

# The labels the audit found read as a category, and the list each fills.
LABELS = [("Laporan", "authors"), ("Teks", "authors"), ("Penulis", "authors"),
          ("Wartawan", "authors"), ("Reporter", "authors"), ("Pewarta", "authors"),
          ("Editor", "editors"), ("Redaktur", "editors")]


def _id_labels(cleaner) -> dict[str, str]:
    """The shipped Indonesian pack's byline labels, each with the list it fills."""
    return lexicon(tuple(p for p in cleaner.packs if p.kind == "lang" and p.id == "id")).labels


def _header_rules(record: dict) -> list[str]:
    return [r["rule"] for r in record["removed"] if r["rule"].startswith("header/")]


def _assert_byline(record: dict, field: str, name: str, label: str) -> None:
    """The name fills the label's list, both lines went to meta, and no title or category came."""
    meta = record["meta"]
    assert meta[field] == [name]
    other = "editors" if field == "authors" else "authors"
    assert meta[other] == []
    assert meta["title"] is None and meta["category"] is None
    taken = [(r["rule"], r["text"], r["action"], r["fields"]) for r in record["removed"]]
    assert taken == [("header/byline", name, "meta", [field]),
                     ("header/byline", label, "meta", [field])]
    assert record["text"] == BODY


@pytest.mark.parametrize("label, field", LABELS)
def test_a_name_over_a_byline_label_opening_a_text_is_its_byline(cleaner, label, field):
    record = cleaner.clean(f"Budi Santoso\n{label}\n\n{BODY}")
    _assert_byline(record, field, "Budi Santoso", label)


def test_the_packs_own_documented_example_is_a_byline(cleaner):
    # rules/lang/id.toml's [pack.byline_labels] comment: "Tatik Ariyani" / "Penulis".
    record = cleaner.clean(f"Tatik Ariyani\nPenulis\n\n{BODY}")
    _assert_byline(record, "authors", "Tatik Ariyani", "Penulis")


def test_every_label_of_the_indonesian_pack_opening_a_text_is_a_byline(cleaner):
    labels = _id_labels(cleaner)
    assert {"laporan", "teks", "penulis", "editor"} <= set(labels)
    for label, field in labels.items():
        written = label.title()
        _assert_byline(cleaner.clean(f"Ani Wijaya\n{written}\n\n{BODY}"), field, "Ani Wijaya",
                       written)


@pytest.mark.parametrize("label", ["PENULIS", "penulis"])
def test_a_label_in_any_case_is_still_one(cleaner, label):
    _assert_byline(cleaner.clean(f"Budi Santoso\n{label}\n\n{BODY}"), "authors", "Budi Santoso",
                   label)


def test_an_english_name_over_its_label_is_a_byline_too(cleaner):
    record = cleaner.clean(f"Jane Doe\nAuthor\n\n{EN_BODY}")
    assert record["meta"]["authors"] == ["Jane Doe"]
    assert record["meta"]["title"] is None and record["meta"]["category"] is None
    assert _header_rules(record) == ["header/byline", "header/byline"]


def test_a_name_over_a_label_under_a_title_is_still_its_byline(cleaner):
    record = cleaner.clean(f"{TITLE}\nBudi Santoso\nLaporan\n\n{BODY}")
    meta = record["meta"]
    assert (meta["title"], meta["authors"], meta["category"]) == (TITLE, ["Budi Santoso"], None)
    assert _header_rules(record) == ["header/title", "header/byline", "header/byline"]


def test_a_word_under_a_title_that_is_no_section_stays_in_the_text(cleaner):
    record = cleaner.clean(f"{TITLE}\nKemarin\n\n{BODY}")
    assert record["meta"]["title"] == TITLE and record["meta"]["category"] is None
    assert _header_rules(record) == ["header/title"]
    assert record["text"] == f"Kemarin\n\n{BODY}"


@pytest.mark.parametrize("word", ["Laporan", "Teks", "Update", "Video", "Foto", "Breaking"])
def test_a_label_or_a_word_alone_under_a_title_is_no_category(cleaner, word):
    record = cleaner.clean(f"{TITLE}\n{word}\n\n{BODY}")
    assert record["meta"]["category"] is None
    assert "header/category" not in _header_rules(record)


@pytest.mark.parametrize("section", ["Internasional", "Olahraga", "Gaya Hidup", "Cek Fakta"])
def test_a_section_of_the_packs_under_a_title_is_still_the_category(cleaner, section):
    record = cleaner.clean(f"{TITLE}\n{section}\n\n{BODY}")
    assert record["meta"]["title"] == TITLE and record["meta"]["category"] == section
    assert _header_rules(record) == ["header/title", "header/category"]


@pytest.mark.parametrize("section", ["Opini", "Surat Pembaca", "Internasional"])
def test_a_section_over_a_headline_is_the_category_and_the_headline_the_title(cleaner, section):
    # (acceptance run s49: "Surat Pembaca" was made the title, the headline left in the text;
    # "Opini" stayed in the text and gave no title)
    record = cleaner.clean(f"{section}\n\n{TITLE}\n\n{BODY}")
    meta = record["meta"]
    assert (meta["category"], meta["title"]) == (section, TITLE)
    assert _header_rules(record) == ["header/category", "header/title"]
    assert record["text"] == BODY


def test_a_section_over_a_dateline_is_the_category_and_the_dateline_still_goes(cleaner):
    record = cleaner.clean(f"Internasional\n\nJAKARTA - {BODY}")
    assert record["meta"]["category"] == "Internasional"
    assert record["meta"]["location"] == "Jakarta" and record["text"] == BODY


@pytest.mark.parametrize("text", [
    "Budi Santoso\nLaporan",                        # nothing under the byline
    "Budi Santoso\nLaporan\n\n",
    "Laporan\nBudi Santoso\n\n" + BODY,             # the label above the name: no byline
    "Laporan\n\n" + BODY,
    "Budi 2017\nLaporan\n\n" + BODY,                # no name: digits
    "Budi Santoso: kata dia\nLaporan\n\n" + BODY,
    "\x00Budi\u202e Santoso\nLaporan\x00\n\n" + BODY,
    "Budi Santoso\n" + "Laporan " * 2000 + "\n\n" + BODY,
    "\n\n\nBudi Santoso\n\n\nLaporan\n\n\n",
    "Budi Santoso\nLaporan\nTeks\nEditor\nRedaktur\nPenulis\n" * 50,
])
def test_damaged_or_odd_label_heads_never_raise_nor_make_a_title_of_a_label(cleaner, text):
    record = cleaner.clean(text)
    meta = record["meta"]
    labels = _id_labels(cleaner)
    assert (meta["category"] or "").lower() not in labels
    assert (meta["title"] or "").lower() not in labels
    assert all(name.lower() not in labels for name in meta["authors"] + meta["editors"])


def test_a_label_alone_above_the_body_is_left_in_the_text(cleaner):
    record = cleaner.clean(f"Laporan\n\n{BODY}")
    assert record["meta"]["authors"] == [] and record["text"].startswith("Laporan\n\n")


def _id_labels_of(cleaner, field: str) -> list[str]:
    return sorted(label for label, fills in _id_labels(cleaner).items() if fills == field)


def test_teks_before_a_name_at_the_edge_of_a_text_names_the_author(cleaner):
    record = cleaner.clean(f"{BODY}\n\nTeks: Ani Wijaya")
    assert record["meta"]["authors"] == ["Ani Wijaya"] and record["text"] == BODY
    assert [r["rule"] for r in record["removed"]] == ["id/byline-label"]


def test_every_author_label_of_the_pack_before_a_name_names_the_author(cleaner):
    # id/byline-label writes its labels out: each of the pack's byline_labels must be one of them.
    for label in _id_labels_of(cleaner, "authors"):
        record = cleaner.clean(f"{BODY}\n\n{label.title()}: Ani Wijaya")
        assert record["meta"]["authors"] == ["Ani Wijaya"], label
        assert record["text"] == BODY, label


def test_every_editor_label_of_the_pack_after_an_author_names_the_editor(cleaner):
    for label in _id_labels_of(cleaner, "editors"):
        record = cleaner.clean(f"{BODY}\n\nTeks: Ani Wijaya | {label.title()}: Budi Santoso")
        meta = record["meta"]
        assert (meta["authors"], meta["editors"]) == (["Ani Wijaya"], ["Budi Santoso"]), label
        assert record["text"] == BODY, label


@pytest.mark.parametrize("line", ["Teks: Pancasila adalah dasar negara kita.",
                                  "Teks lengkap: Pidato Presiden di Sidang Tahunan",
                                  "Teks:", "Teks: 12345", "Teks: " + "Ani " * 500])
def test_a_teks_line_that_names_no_one_stays_in_the_text(cleaner, line):
    record = cleaner.clean(f"{BODY}\n\n{line}")
    assert record["meta"]["authors"] == []
    assert record["text"].endswith(line.strip())


# ANTARA's filing line closing a story (1478125823): its url, as ANTARA's do, carries no date.
ANTARA_URL = "http://www.antaranews.com/berita/593568/wiranto-demo-4-november-bubar-pukul-1800-wib"
FILING = "(T.M052/B / I007/I007) 01 - 11 - 2016 18:35:47"


def test_antara_filing_timestamp_fills_the_date_where_nothing_else_gives_one(cleaner):
    record = cleaner.clean(f"{BODY}\n\n{FILING}", url=ANTARA_URL)
    assert record["meta"]["date"] == "2016-11-01T18:35:47"
    assert record["text"] == BODY
    assert [(r["rule"], r["text"], r["fields"]) for r in record["removed"]] == [
        ("antaranews/code-timestamp-line", FILING, ["date"])]


def test_an_input_date_wins_over_the_filing_timestamp(cleaner):
    record = cleaner.clean(f"{BODY}\n\n{FILING}", url=ANTARA_URL, date="2016-11-02")
    assert record["meta"]["date"] == "2016-11-02" and record["text"] == BODY


# (A day the month lacks, '31 - 02 - 2016', is matched: like these, it fills no date, and the
# record is flagged unreadable-date, tests/test_rule_dates.py.)
@pytest.mark.parametrize("line", ["(T.M052/B / I007/I007) 45 - 13 - 2016 28:75:99",
                                  "(T.M052) 00 - 00 - 0000", "(T.M052) 01 - 11 - 2016 24:61"])
def test_a_filing_line_with_no_possible_date_is_dropped_and_fills_no_date(cleaner, line):
    record = cleaner.clean(f"{BODY}\n\n{line}", url=ANTARA_URL)
    assert record["meta"]["date"] is None and record["text"] == BODY


# From the review: labels added to the packs' byline_labels for web pages' bylines ("Laporan",
# "Teks"; "Author", "Text", "Editor") made any first line opening with one a label line, and a
# report's headline lost its title.
@pytest.mark.parametrize("headline, body", [
    ("Laporan: Jumlah Wisatawan ke Bali Naik 20 Persen",
     "Jumlah wisatawan yang datang ke Bali naik tajam tahun ini, kata dinas pariwisata."),
    ("Author: Jane Austen's lost letters found in attic",
     "Letters written by the novelist were found in an attic in Hampshire, the museum said."),
    ("Editor: Why we are changing how we cover elections",
     "Our newsroom will publish fewer polls and more reporting from voters, the editor said."),
])
def test_a_byline_label_before_words_that_are_no_names_opens_a_headline(cleaner, headline, body):
    record = cleaner.clean(f"{headline}\n\n{body}")
    assert record["meta"]["title"] == headline


@pytest.mark.parametrize("line", ["Penulis: Ani Wijaya", "Laporan: Ani Wijaya dan Budi Santoso",
                                  "Editor: Jane Doe"])
def test_a_byline_label_before_names_is_still_no_title(cleaner, line):
    record = cleaner.clean(f"{line}\n\nWarga berkumpul di alun-alun kota pada Senin pagi untuk "
                           "merayakan hari jadi kota, kata panitia.")
    assert record["meta"]["title"] is None


def test_a_regency_that_is_an_everyday_word_stays_a_dateline_where_the_text_names_it(cleaner):
    """"MALANG" is a regency and a word ("nasib malang", bad luck): a text that names the place
    writes its capital inside a sentence ("di Kabupaten Malang"), so the line is a dateline."""
    body = ("Nasib malang menimpa warga desa itu setelah banjir datang pada Senin malam, kata "
            "kepala desa di Kabupaten Malang.")
    record = cleaner.clean(f"KEPANJEN, MALANG\n\n{body}")
    assert record["meta"]["title"] is None
    assert record["text"].startswith("KEPANJEN, MALANG")
