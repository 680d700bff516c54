"""Texts that list or box what a header line would say: a forecast by city is no dateline, a reviewed book's info box names no author of the article."""

from __future__ import annotations

import pytest

from cleaner import Cleaner

FORECAST = ("Prakiraan Cuaca Hari Ini\n\n"
            "BMKG memprakirakan hujan akan mengguyur sebagian wilayah Jawa pada Kamis "
            "(21/3/2024).\n"
            "JAKARTA - Cerah berawan pada pagi hari, hujan ringan siang hingga sore.\n"
            "BANDUNG - Hujan sedang sejak siang.\n"
            "SURABAYA \u2013 Cerah sepanjang hari.")


@pytest.fixture(scope="module")
def cleaner():
    return Cleaner()


def test_a_forecast_by_city_keeps_every_city_and_gives_no_location(cleaner):
    # (acceptance run s49: "JAKARTA - " was cut as a dateline and made meta.location, and the
    # cities after it stayed)
    record = cleaner.clean(FORECAST, lang="id")
    for city in ("JAKARTA - Cerah", "BANDUNG - Hujan", "SURABAYA \u2013 Cerah"):
        assert city in record["text"]
    assert record["meta"]["location"] is None


def test_a_dateline_before_a_line_opening_with_an_acronym_still_goes(cleaner):
    record = cleaner.clean("JAKARTA - Komisi Pemberantasan Korupsi memeriksa tiga saksi pada "
                           "Senin.\nKPK menyebut pemeriksaan berlangsung tertutup di gedung "
                           "Merah Putih.", lang="id")
    assert record["meta"]["location"] == "Jakarta"
    assert record["text"].startswith("Komisi Pemberantasan Korupsi")


BOOK_BOX_ID = ("Resensi Novel Laut yang Tak Pernah Tidur\n\n"
               "Judul: Laut yang Tak Pernah Tidur\nPenulis: Ratna Dewi Anggraini\n"
               "Penerbit: Gramedia Pustaka Utama\n\n"
               "Novel ketiga Ratna ini bercerita tentang Karim, nelayan tua di pesisir utara Jawa "
               "yang menyimpan rahasia selama empat puluh tahun.")
BOOK_BOX_EN = ("Book review: The Quiet Harbour\n\nTitle: The Quiet Harbour\nAuthor: Margaret Ellis\n"
               "Publisher: Northgate Press\nPages: 320\n\n"
               "Ellis returns to the fishing town of her first novel with a story about a "
               "lighthouse keeper who keeps a secret for forty years.")


@pytest.mark.parametrize("text,line,lang", [(BOOK_BOX_ID, "Penulis: Ratna Dewi Anggraini", "id"),
                                            (BOOK_BOX_EN, "Author: Margaret Ellis", "en")])
def test_a_reviewed_books_author_stays_in_its_info_box(cleaner, text, line, lang):
    # (acceptance run s49: the book's author was cut and made the article's author)
    record = cleaner.clean(text, lang=lang)
    assert line in record["text"].split("\n")
    assert record["meta"]["authors"] == []


@pytest.mark.parametrize("text,author,lang", [
    ("Penulis: Budi Santoso\nEditor: Andi Wijaya\n\nHarga beras di pasar induk naik dua persen "
     "pekan ini, kata para pedagang di Jakarta.", "Budi Santoso", "id"),
    ("Author: Jane Doe\nPublished: March 3, 2024\n\nThe council voted on Tuesday to expand the "
     "bus network to every district of the city.", "Jane Doe", "en"),
])
def test_a_byline_beside_an_editor_or_a_stamp_still_names_the_author(cleaner, text, author,
                                                                   lang):
    assert cleaner.clean(text, lang=lang)["meta"]["authors"] == [author]
