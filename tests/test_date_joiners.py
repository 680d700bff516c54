"""A pack's `date_joiners` (es.toml: 'de', 'del') are read out between a day and a month and
between a month and a year, so 'Publicado: 12 de marzo de 2024 10:15 h' fills meta.date; they are
dropped nowhere else, and no pack without them reads a date differently (Indonesian, English)."""

from __future__ import annotations

import pytest

from cleaner import Cleaner
from cleaner.dates import MonthNames, normalize_date
from cleaner.lexicon import lexicon
from cleaner.rulefile import load_pack

LEAD = ("El Ayuntamiento aprobó ayer un plan para plantar 4.000 árboles en los barrios con más "
        "calor, según explicó la concejala de Medio Ambiente.")
BODY = ("Por la mañana, antes del pleno, los vecinos de San Blas se concentraron frente al "
        "consistorio para pedir que las obras empiecen por los patios de los colegios.")
ID_LEAD = ("Pemerintah provinsi menyetujui anggaran baru untuk perbaikan jalan di seluruh kabupaten, "
           "kata juru bicara dinas pekerjaan umum kepada wartawan.")
ID_BODY = ("Menurut dia, pekerjaan akan dimulai bulan depan dan ditargetkan selesai sebelum musim "
           "hujan tiba sehingga warga tidak lagi terganggu.")


@pytest.fixture(scope="module")
def spanish():
    return Cleaner(lang="es")


@pytest.mark.parametrize("line, date", [
    ("Publicado: 12 de marzo de 2024 10:15 h", "2024-03-12T10:15"),
    ("Actualizado el 5 de abril de 2024", "2024-04-05"),
    ("Publicado: 12 de marzo del 2024", "2024-03-12"),
    ("Martes, 12 de marzo de 2024", "2024-03-12"),
    ("Actualizado el 14 de marzo de 2024 a las 18:30 h", "2024-03-14T18:30"),
])
def test_a_spanish_stamp_with_joiners_fills_the_date(spanish, line, date):
    record = spanish.clean(f"{line}\n\n{LEAD}\n\n{BODY}")
    assert record["text"] == f"{LEAD}\n\n{BODY}"
    assert record["meta"]["date"] == date
    assert not [f for f in record["flags"] if f["flag"] == "unreadable-date"]


def test_a_detected_spanish_article_fills_the_date_too(cleaner):
    record = cleaner.clean(f"Publicado: 12 de marzo de 2024 10:15 h\n\n{LEAD}\n\n{BODY}")
    assert record["meta"]["lang"] == "es"
    assert record["meta"]["date"] == "2024-03-12T10:15"


def test_the_spanish_lexicon_carries_its_joiners():
    months = lexicon((load_pack("rules/lang/es.toml"),)).months
    assert isinstance(months, MonthNames) and months.joiners == frozenset({"de", "del"})
    assert normalize_date("12 de marzo de 2024", months) == "2024-03-12"
    assert normalize_date("12 DE MARZO DEL 2024", months) == "2024-03-12"
    assert normalize_date("marzo de 2024", months) == "2024-03"


@pytest.mark.parametrize("text", [
    "12 de marzo de 2024",          # no pack lists the joiners: no month names around them
    "12 de casa de 2024",           # not a month between them
    "12 de 2024",                   # a number and a year, no month
    "el 12 de los 2024 marzo",
])
def test_joiners_drop_only_between_a_number_a_month_and_a_year(text):
    months = lexicon((load_pack("rules/lang/es.toml"),)).months
    expected = None if text != "12 de marzo de 2024" else "2024-03-12"
    assert normalize_date(text, months) == expected
    assert normalize_date(text, {"marzo": 3}) is None


def test_indonesian_and_english_dates_are_unaffected(cleaner):
    assert normalize_date("Kamis, 12 Maret 2024", {"maret": 3}) == "2024-03-12"
    assert normalize_date("12 de March de 2024") is None
    record = cleaner.clean(f"Kamis, 12 Maret 2024\n\n{ID_LEAD}\n\n{ID_BODY}")
    assert record["meta"]["lang"] == "id" and record["meta"]["date"] == "2024-03-12"
    text = f"{ID_LEAD}\n\nRumah nomor 12 de Maret 2024 itu dijual.\n\n{ID_BODY}"
    record = cleaner.clean(text)
    assert record["text"] == text and record["meta"]["date"] is None
