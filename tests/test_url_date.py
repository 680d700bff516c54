"""meta.date from the url's path when neither the input nor the text gives one."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.url_date import url_date

BODY = "Warga berkumpul di alun-alun kota pada pagi hari untuk merayakan ulang tahun kota."
CNN = "http://www.cnnindonesia.com/internasional/20160830070740-134-154705/jet-tempur/"


def test_a_record_without_a_date_takes_the_urls(cleaner):
    assert cleaner.clean(BODY, url=CNN)["meta"]["date"] == "2016-08-30"


def test_an_input_date_wins_over_the_urls(cleaner):
    assert cleaner.clean(BODY, url=CNN, date="2016-09-01")["meta"]["date"] == "2016-09-01"


def test_a_date_the_text_gives_wins_over_the_urls(cleaner):
    # A dump header " date 2022-02 ..." is read by a rule (common/date-header).
    record = cleaner.clean(f"date 2022-02 {BODY}", url="https://kabar.example/2016/08/30/a")
    assert record["meta"]["date"] == "2022-02"


def test_a_url_without_a_date_gives_none(cleaner):
    assert cleaner.clean(BODY, url="https://news.detik.com/d-3285712/judul")["meta"]["date"] is None


@pytest.mark.parametrize("url, expected", [
    ("https://kabar.example/2016/08/30/judul", "2016-08-30"),
    ("https://kabar.example/read/2016/8/3/07074071/judul", "2016-08-03"),
    ("https://kabar.example/read/20160805/291919/judul", "2016-08-05"),
    ("https://kabar.example/2015/03/judul/", "2015-03"),
    ("kabar.example/2016-02-29-kabisat", "2016-02-29"),
    ("https://kabar.example/2017/02/29/bukan-kabisat", None),
    ("https://kabar.example/1234/56/78/a", None),
    ("https://kabar.example/20161301/a", None),
    ("https://kabar.example/201608301/a", None),       # nine digits: an id, not a date
    ("https://kabar.example/a?date=2016-01-02", None),
    ("https://2016.example/a", None),
    ("https://city.example/delhi-air-quality-2024-03-16", "2024-03-16"),    # a slug's last word
    ("https://city.example/rains-2024-03-16.html", "2024-03-16"),
    ("https://city.example/rains-2024-03-16/", "2024-03-16"),
    ("https://city.example/harga-2019-10-11-juta", None),      # numbers inside a slug
    ("https://city.example/periode-2019-2024-03-16-x", None),
    ("https://city.example/pemilu-2024-03-kota", None),           # no day: a title's numbers
    ("https://city.example/angka-1990-5-12-lama", None),         # month and day not in full
    ("https://city.example/a-2024-02-30", None),
    ("https://city.example/skor-2024-03-160", None),
    ("https://www.theguardian.com/society/2024/mar/12/council-tax", "2024-03-12"),  # its month
    ("https://www.theguardian.com/world/2024/feb/30/a", None),
    ("https://city.example/2024/march/12/a", None),          # only three letters are a month
    ("https://city.example/2024/Mar/12/a", None),
])
def test_url_date_reads_the_paths_date_and_nothing_that_only_looks_like_one(url, expected):
    assert url_date(url) == expected


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="htps:/[]?#.-_0123456789abc%\u00e9", max_size=40))
def test_url_date_never_raises_on_what_a_dump_holds_as_a_url(url):
    found = url_date(url)
    assert found is None or found[:4].isdigit()


@pytest.mark.parametrize("url, expected", [
    ("https://www.eltiempo.com/deportes/futbol-colombiano/millonarios-campeon-liga-20240612-850555",
     "2024-06-12"),
    ("https://www.eltiempo.com/economia/precio-cafe-record-20240312-123456/", "2024-03-12"),
    ("https://www.eltiempo.com/vida/sismo-bogota-20231130-3312", "2023-11-30"),
    ("https://city.example/final-20240612-2-goles", None),       # a title's words go on after it
    ("https://city.example/ref-12345678-850555", None),          # an id, no month 56
    ("https://city.example/a-20240612-b.html", None),
])
def test_url_date_reads_a_slug_date_before_the_articles_number(url, expected):
    assert url_date(url) == expected
