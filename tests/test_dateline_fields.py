"""The generic dateline rules put the publisher in `source` and the place in `location`, whichever comes first."""

from __future__ import annotations

import pytest

BODY = "\n\nIsi berita kedua yang panjang sekali di sini, kata dia kepada wartawan."


@pytest.mark.parametrize("line, source, location, rule", [
    # A publisher's domain first: the place follows it (a domain once passed for a place).
    ("BOLASPORT.COM, PALEMBANG - Petenis muda itu menang.", "BOLASPORT.COM", "Palembang",
     "id/dateline-source-city"),
    ("SURYA.co.id, SURABAYA - Polisi menangkap dua orang.", "SURYA.co.id", "Surabaya",
     "id/dateline-source-city"),
    ("WARTAKOTALIVE.COM, BEKASI - Banjir merendam jalan.", "WARTAKOTALIVE.COM", "Bekasi",
     "id/dateline-source-city"),
    # The place first.
    ("Moskow, MINA – Menteri tiba di bandara.", "MINA", "Moskow", "id/dateline-city-source"),
    ("WASHINGTON D.C., CNN - Presiden tiba di Gedung Putih.", "CNN", "Washington D.C",
     "id/dateline-city-source"),
])
def test_a_datelines_publisher_is_the_source_and_its_place_the_location(cleaner, line, source,
                                                                        location, rule):
    record = cleaner.clean(line + BODY)
    assert (record["meta"]["source"], record["meta"]["location"]) == (source, location)
    assert record["removed"][0]["rule"] == rule


def test_a_date_line_after_the_dateline_is_the_articles_own(cleaner):
    # A chronology: its first heading is a date, within the first lines but after the
    # dateline that opened the article. Before the dateline, a date line is the header's.
    text = ("Jakarta, CNN Indonesia -- Ribuan demonstran masih bertahan di depan Istana.\n\n"
            "Berikut kronologi terjadinya kericuhan:\n\nSabtu, 5 November 2016\n\n"
            "Pukul 06.12 WIB, polisi mengamankan 15 orang yang diduga menjadi provokator.")
    record = cleaner.clean(text)
    assert "Sabtu, 5 November 2016" in record["text"] and record["meta"]["date"] is None
    record = cleaner.clean("Sabtu, 5 November 2016\n\n" + text)
    assert record["meta"]["date"] == "2016-11-05"
    assert record["text"].count("Sabtu, 5 November 2016") == 1


def test_a_labelled_byline_after_the_lead_paragraph_is_still_a_byline(cleaner):
    text = ("JUARA.net - Musim 2016 - 2017 akhirnya harus disudahi Cesc Fabregas dengan "
            "kekecewaan.\n\nPenulis: Dwi Widijatmiko\n\nBukan hanya karena timnya kalah 1 - 2 "
            "dari Arsenal dalam final Piala FA, kata dia kepada wartawan.")
    record = cleaner.clean(text)
    assert record["meta"]["authors"] == ["Dwi Widijatmiko"] and "Penulis" not in record["text"]
