"""Chrome the extractor keeps from Indonesian pages in 2025's markup (acceptance run of 13
written pages): the Kompas.com+ offer under a Kompas article ('Baca berita tanpa iklan. Gabung
Kompas.com+', kompas/plus-promo) and a comment box's prompt 'Kirim komentar Anda' on CNN
Indonesia (id/comment-call) go; the article's sentences that open alike stay."""

from __future__ import annotations

import pytest

from cleaner import Cleaner

LEAD = ("Gempa bumi bermagnitudo 5,6 mengguncang wilayah Kabupaten Garut, Jawa Barat, pada Selasa "
        "pagi. Guncangan dirasakan cukup kuat hingga Bandung dan Tasikmalaya.")
LAST = ("Aah meminta warga tetap tenang dan tidak mudah percaya kabar bohong soal gempa susulan "
        "besar yang beredar di media sosial.")


def page(host: str, tail: str) -> str:
    return ('<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>Gempa Guncang Garut'
            '</title></head><body><h1>Gempa Guncang Garut</h1><div class="read__content">'
            f'<p>{LEAD}</p><p>{LAST}</p></div>{tail}</body></html>')


@pytest.fixture(scope="module")
def cleaner() -> Cleaner:
    return Cleaner()


@pytest.mark.parametrize("url, tail, gone", [
    ("https://regional.kompas.com/read/2025/03/18/1/gempa",
     '<div class="kcmplus-box"><p>Baca berita tanpa iklan. <a href="/plus">Gabung Kompas.com+</a></p></div>',
     "Kompas.com+"),
    ("https://www.cnnindonesia.com/nasional/20250318-20-1/gempa",
     '<div class="box-comment"><h3>KOMENTAR</h3><p>Kirim komentar Anda</p></div>',
     "Kirim komentar"),
])
def test_chrome_line_goes(cleaner, url, tail, gone):
    record = cleaner.clean_html(page("", tail), url=url)
    assert gone not in record["text"], record["text"]
    assert LEAD in record["text"] and LAST in record["text"]


def test_sentence_about_the_offer_stays(cleaner):
    said = ("Baca berita tanpa iklan. Gabung Kompas.com+ kini bisa dibayar lewat dompet digital, "
            "kata manajemen.")
    record = cleaner.clean_html(page("", f"<p>{said}</p>"),
                                url="https://regional.kompas.com/read/2025/03/18/1/gempa")
    assert said in record["text"]
