"""CNBC Indonesia's page header writes its date with no zone ('14 October 2024 11:25', read by
chrome/date-line), where the other Indonesian packs' headers write one ('Selasa, 22 Feb 2022
10:15 WIB' gives '+07:00'). The site's time is WIB by convention, and its pack
(rules/sites/cnbcindonesia.com.toml) names the zone, Asia/Jakarta, which a header time with no
zone takes (metadata.site_zoned). An unmarked time elsewhere (a site without a pack of its own)
stays as written."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from cleaner import Cleaner
from cleaner.fixtures import clean_fixture

ROOT = Path(__file__).resolve().parent.parent
PACK = ROOT / "rules" / "sites" / "cnbcindonesia.com.toml"
FIXTURES = {
    "id-cnbc-ekspor-batu-bara.txt": "2024-10-14T11:25",
    "id-cnbc-riset-saham-perbankan.txt": "2024-11-21T08:10",
}
URL = "https://www.cnbcindonesia.com/news/20241014112500-4-579812/ekspor-batu-bara-ri-turun"
LEAD = ("Jakarta, CNBC Indonesia - Volume ekspor batu bara Indonesia pada kuartal III-2024 turun "
        "9% dibandingkan periode yang sama tahun lalu.\n\nData Kementerian Energi dan Sumber Daya "
        "Mineral (ESDM) mencatat ekspor batu bara pada Juli hingga September 2024 mencapai 118 "
        "juta ton, lebih rendah dari kuartal III-2023.")


@pytest.fixture(scope="module")
def cleaner() -> Cleaner:
    return Cleaner()


def _header(date_line: str) -> str:
    """A CNBC page's extracted text: title, byline, the header's date line, the lead."""
    return ("Ekspor Batu Bara RI Turun 9% di Kuartal III, Ini Penyebabnya\n\n"
            "News - Aditya Nugraha Putra, CNBC Indonesia\n\n" + date_line + "\n\n" + LEAD)


def test_the_cnbc_pack_names_the_sites_zone():
    pack = tomllib.loads(PACK.read_text(encoding="utf-8"))["pack"]
    assert pack["timezone"] == "Asia/Jakarta"


@pytest.mark.parametrize("name, date", sorted(FIXTURES.items()))
def test_the_cnbc_header_date_and_time_are_read(cleaner, name, date):
    record = clean_fixture(cleaner, ROOT / "fixtures" / "cnbcindonesia.com" / name)
    assert record["meta"]["date"].startswith(date)
    assert any(r["rule"] == "chrome/date-line" for r in record["removed"])


@pytest.mark.parametrize("name, date", sorted(FIXTURES.items()))
def test_the_cnbc_header_time_is_wib(cleaner, name, date):
    record = clean_fixture(cleaner, ROOT / "fixtures" / "cnbcindonesia.com" / name)
    assert record["meta"]["date"] == date + "+07:00"


@pytest.mark.parametrize("date_line, date", [
    ("14 October 2024 11:25 WIB", "2024-10-14T11:25+07:00"),     # written: read as written
    ("14 October 2024 13:25 WITA", "2024-10-14T13:25+08:00"),    # another zone written wins
    ("14 October 2024", "2024-10-14"),                            # no time: no zone
])
def test_a_cnbc_header_that_writes_its_zone_or_no_time_keeps_it(cleaner, date_line, date):
    record = cleaner.clean(_header(date_line), url=URL)
    assert record["meta"]["date"] == date
    assert record["text"].startswith("Volume ekspor batu bara")


def test_an_unmarked_time_on_a_site_without_a_pack_stays_as_written(cleaner):
    text = ("Harga Cabai Naik Jelang Ramadan\n\n22/02/2016 14:38\n\n"
            "Harga cabai rawit di sejumlah pasar tradisional naik menjelang bulan Ramadan. "
            "Pedagang mengatakan pasokan dari petani berkurang karena hujan.")
    record = cleaner.clean(text, url="https://berita-contoh.example/2016/02/22/harga-cabai")
    assert record["meta"]["lang"] == "id"
    assert record["meta"]["date"] == "2016-02-22T14:38"
