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
