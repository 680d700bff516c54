"""A reporter line with the lead paragraph on the same line: the name goes to meta, the paragraph stays.

Built on the Tribunnews seed (fixtures/tribunnews.com), whose header line is
" date 2022-02 Laporan Wartawan Tribunnews, Fitri Wulandari" and whose lead paragraph opens
"TRIBUNNEWS.COM, MOSKWA - Juru bicara Kremlin ...". Rules: tribunnews/reporter-header and
id/reporter-line.
"""

from __future__ import annotations

import json

import pytest

from conftest import ROOT

SEED = ROOT / "fixtures" / "tribunnews.com" / "000_cf10907636cf64d8.txt"
BYLINE = "Laporan Wartawan Tribunnews, Fitri Wulandari"
DATELINE = "TRIBUNNEWS.COM, MOSKWA - "
LEAD = "Juru bicara Kremlin Dmitry Peskov mengatakan bahwa Presiden Rusia Vladimir Putin"


@pytest.fixture(scope="module")
def seed() -> str:
    raw = SEED.read_text(encoding="utf-8")
    assert f"{BYLINE}\n\n{DATELINE}{LEAD}" in raw
    return raw


@pytest.fixture(scope="module")
def expected() -> dict:
    return json.loads(SEED.with_suffix(".json").read_text(encoding="utf-8"))


def test_byline_then_dateline_on_one_line(cleaner, seed, expected):
    # The dateline's rule still fires on the rest of the line: the record is the seed's own.
    record = cleaner.clean(seed.replace(f"{BYLINE}\n\n{DATELINE}", f"{BYLINE} {DATELINE}"))
    assert record["text"] == expected["text"]
    for name in ("authors", "source", "location", "date"):
        assert record["meta"][name] == expected["meta"][name], name
    assert [r["rule"] for r in record["removed"]][:3] == [
        "common/date-header", "tribunnews/reporter-header", "tribunnews/dateline"]


@pytest.mark.parametrize("opening", [
    "Ia disambut warga di Moskwa, Senin (14/2/2022).",
    "Menurut juru bicara Kremlin, Presiden Putin siap berunding.",
    "Namun, Kremlin belum menjawab.",
    "Selain itu, Kremlin menolak tuduhan Barat.",
    "\"Kami siap berunding,\" kata juru bicara Kremlin.",
])
def test_byline_then_a_sentence_on_one_line(cleaner, seed, opening):
    raw = seed.replace(f"{BYLINE}\n\n{DATELINE}{LEAD}", f"{BYLINE} {opening} {LEAD}")
    record = cleaner.clean(raw)
    assert record["meta"]["authors"] == ["Fitri Wulandari"]
    assert record["meta"]["source"] == "Tribunnews"
    assert record["text"].startswith(f"{opening} {LEAD}")
    assert "Laporan Wartawan" not in record["text"]


def test_a_sentence_opening_with_a_title_is_not_taken_for_the_name(cleaner, seed):
    # "Presiden Putin siap ..." cannot be told from a longer name: nothing is cut, no author.
    line = f"{BYLINE} Presiden Putin siap berunding, kata Kremlin."
    record = cleaner.clean(seed.replace(f"{BYLINE}\n\n{DATELINE}{LEAD}", f"{line} {LEAD}"))
    assert record["text"].startswith(line)
    assert record["meta"]["authors"] == []


@pytest.mark.parametrize("line,author,source,rest", [
    ("Laporan reporter kumparan Ade Nurul Ia disambut warga di Garut.", "Ade Nurul", "kumparan",
     "Ia disambut warga di Garut."),
    ("Laporan Wartawan Tribun Jogja, Santo Ari Sebelumnya, hujan deras mengguyur kota.", "Santo Ari",
     "Tribun Jogja", "Sebelumnya, hujan deras mengguyur kota."),
])
def test_other_reporter_lines(cleaner, line, author, source, rest):
    body = ("Paragraf kedua cukup panjang agar penjaga tidak menandai dokumen ini, sebab "
            "aturan hanya boleh mengambil sebagian kecil dari teks sebuah artikel.")
    record = cleaner.clean(f"{line}\n\n{body}")
    assert record["meta"]["authors"] == [author]
    assert record["meta"]["source"] == source
    assert record["text"] == f"{rest}\n\n{body}"
