"""Malay datelines (rules/lang/ms.toml) against capitals that name no place: a town whose name is
also a word or a name ('NILAI', 'PERMAISURI', 'YAN') and a place word before other capitals ('KOTA
BUKU') stay text in a Malay news item, told the language or detected, while a real dateline goes
and fills meta.location."""

from __future__ import annotations

import time

import pytest

from cleaner import Cleaner

TITLE = "Kerajaan peruntuk RM2 bilion baiki sekolah usang"
BODY = ("Beliau berkata peruntukan itu akan diagihkan kepada sekolah yang paling memerlukan, "
        "terutamanya di kawasan luar bandar, kerana kebanyakan bangunannya sudah usang.")
LEAD = ("Kerajaan akan memperuntukkan RM2 bilion bagi membaiki sekolah usang di seluruh negara "
        "tahun ini, kata Menteri Pendidikan.")


@pytest.fixture(scope="module")
def malay():
    return Cleaner(lang="ms")


@pytest.fixture(scope="module")
def detected():
    return Cleaner()


def _item(line: str) -> str:
    return f"{TITLE}\n\n{line}\n\n{BODY}"


def _dateline_removals(record: dict) -> list[str]:
    return [r["text"] for r in record["removed"] if r["rule"].startswith("ms/dateline")]


def _both(malay, detected, text: str) -> list[dict]:
    records = [malay.clean(text), detected.clean(text)]
    assert [record["meta"]["lang"] for record in records] == ["ms", "ms"]
    return records


@pytest.mark.parametrize("line, place", [
    (f"KUALA LUMPUR, 3 April (Bernama) -- {LEAD}", "Kuala Lumpur"),
    (f"SEREMBAN: {LEAD}", "Seremban"),
    (f"KOTA BHARU - {LEAD}", "Kota Bharu"),
    (f"NILAI, 5 Mei -- {LEAD}", "Nilai"),                 # a town that is a word, with a date
    (f"BANDAR PERMAISURI - {LEAD}", "Bandar Permaisuri"),
    (f"SUNGAI BULOH – {LEAD}", "Sungai Buloh"),
    (f"BANDAR SERI BEGAWAN - {LEAD}", "Bandar Seri Begawan"),
    (f"TANJUNG MALIM: {LEAD}", "Tanjung Malim"),
])
def test_a_real_dateline_goes_and_is_the_location(malay, detected, line, place):
    for record in _both(malay, detected, _item(line)):
        assert record["meta"]["location"] == place
        assert record["text"] == f"{LEAD}\n\n{BODY}"
        assert len(_dateline_removals(record)) == 1


@pytest.mark.parametrize("line", [
    # A town's name that is a word: 'nilai' is value, 'permaisuri' the queen.
    "NILAI - Harga getah di pasaran tempatan merosot buat minggu ketiga berturut-turut, "
    "menyebabkan ramai pekebun kecil mengeluh kerana pendapatan mereka berkurangan.",
    "NILAI: Harga getah di pasaran tempatan merosot buat minggu ketiga berturut-turut, kata "
    "pekebun kecil yang ditemui di pasar itu.",
    "PERMAISURI - Baginda berkenan merasmikan pameran kraf tangan di Istana Negara hari ini, "
    "yang menghimpunkan lebih 100 usahawan dari pelbagai negeri.",
    # A transcript's speaker, a name that is a town's too.
    "YAN: Saya mula menyanyi sejak berusia lima tahun kerana ayah saya seorang pemuzik, dan "
    "beliau sentiasa mahu saya meneruskan minat itu.",
    "YAN - Saya mula menyanyi sejak berusia lima tahun kerana ayah saya seorang pemuzik.",
    "YAN: \"Saya tidak pernah menyesal memilih muzik sebagai kerjaya saya,\" katanya sambil "
    "tersenyum.",
    # A place word before capitals that name a body or a thing.
    "KOTA BUKU - Pesta buku terbesar negara akan dibuka esok dengan penyertaan lebih 300 "
    "penerbit tempatan dan antarabangsa, kata penganjur.",
    "PADANG BOLA - Perlawanan akhir piala itu akan diadakan di stadium baharu pada Sabtu ini.",
    "KAMPUNG HALAMAN – Ramai perantau pulang berhari raya walaupun tambang bas naik tahun ini.",
    # A table's row and a heading in capitals before a dash.
    "NILAI - 5",
    "NILAI - Rendah",
    "KEPUTUSAN PEPERIKSAAN - Semakan boleh dibuat dalam talian mulai esok.",
])
def test_capitals_that_are_no_place_before_a_lead_stay_whole(malay, detected, line):
    for record in _both(malay, detected, _item(line)):
        assert record["meta"]["location"] is None
        assert line in record["text"].split("\n\n")
        assert _dateline_removals(record) == []


def test_a_table_under_a_heading_keeps_every_row(malay):
    rows = ["NILAI - 5", "MARKAH - 80", "GRED - A"]
    text = "Keputusan penilaian murid\n\n" + "\n\n".join(rows) + f"\n\n{BODY}"
    record = malay.clean(text)
    assert record["text"].split("\n\n")[:3] == rows
    assert record["meta"]["location"] is None


@pytest.mark.parametrize("line", [
    "KOTA - Polis menahan dua lelaki.",              # a place word alone
    "KOTA BHARUX - Polis menahan dua lelaki.",       # a listed town glued to more letters
    "KOTA  BHARU  BUKU - Polis menahan dua lelaki.",  # a listed town before more capitals
    "NILAI, 45 Mei -- Polis menahan dua lelaki.",     # no such day
])
def test_damaged_place_shapes_stay_text(malay, line):
    record = malay.clean(_item(line))
    assert record["meta"]["location"] is None
    assert _dateline_removals(record) == []


def test_long_runs_of_place_words_are_cleaned_in_linear_time(malay):
    text = ("KOTA " * 30000 + "BHARU - Polis menahan dua lelaki.\n\n"
            + "BANDAR SERI " * 20000 + "BEGAWAN: Polis " + "x" * 100 + ".\n\n" + _item(LEAD))
    start = time.process_time()
    record = malay.clean(text)
    assert time.process_time() - start < 5
    assert record["meta"]["location"] is None
