"""The Malay pack on the cruft a second acceptance run over 41 written Malay items (Berita Harian,
Harian Metro, Utusan, Sinar Harian, Kosmo!, Astro Awani, Bernama, Malaysiakini, Media Permata,
Pelita Brunei, Berita Harian Singapura) found kept: bylines after a bar, the outlet alone where a
byline stands, a tag heading with its tags, Bernama's desk initials, a column's starred notes,
file-photo markers, inset captions, 'Gambar oleh' credits, Utusan's and the wires' credit after
the last sentence, the footer stamp, outlet promos. Each item is written for these tests; the
people and quotes are invented."""

from __future__ import annotations

import pytest

from cleaner import Cleaner

URL = "https://harian-contoh.com.my/2024/03/12/berita/semasa/x"
TITLE = "Penduduk bantah kilang baharu"
LEAD = "Kira-kira 200 penduduk berhimpun secara aman bagi membantah pembinaan sebuah kilang."
BODY = ["Jurucakap penduduk berkata mereka bimbang pencemaran akan menjejaskan kesihatan murid.",
        "Majlis perbandaran dijangka membuat keputusan mengenai permohonan itu bulan depan.",
        "Siasatan lanjut sedang dijalankan, kata polis."]


@pytest.fixture(scope="module")
def malay():
    return Cleaner(lang="ms")


def _lines(record: dict) -> list[str]:
    return [line for line in record["text"].split("\n") if line.strip()]


def _clean(malay, *lines):
    return malay.clean("\n\n".join([TITLE, *lines]), url=URL)


@pytest.mark.parametrize("line, author", [
    ("ROSLI ZAKARIA | rosli.z@sinarharian.com.my", "ROSLI ZAKARIA"),
    ("Mohd Amirul Haiqal | Astro Awani", "Mohd Amirul Haiqal"),
])
def test_a_name_and_its_bar_is_the_byline(malay, line, author):
    record = _clean(malay, line, LEAD, *BODY)
    assert _lines(record) == [LEAD, *BODY]
    assert record["meta"]["authors"] == [author]


def test_the_wire_alone_under_the_headline_is_the_source(malay):
    record = _clean(malay, "Bernama", LEAD, *BODY)
    assert _lines(record) == [LEAD, *BODY]
    assert record["meta"]["authors"] == [] and record["meta"]["source"] == "Bernama"


def test_the_portal_alone_under_the_headline_is_no_author(malay):
    record = _clean(malay, "Astro Awani", LEAD, *BODY)
    assert _lines(record) == [LEAD, *BODY]
    assert record["meta"]["authors"] == []


def test_an_email_under_the_byline_goes(malay):
    record = _clean(malay, "Oleh Nurul Hidayah Bahaudin", "bhnews@bh.com.my", LEAD, *BODY, BODY[0], BODY[1],
                    BODY[2])
    assert "bhnews@bh.com.my" not in record["text"]


@pytest.mark.parametrize("cruft", [
    ["Gambar fail"], ["Gambar hiasan. FOTO arkib NSTP"],
    ["Gambar kecil: Penderma darah di pusat derma darah hospital itu."],
    ["Para belia menyertai program membersihkan pantai. – Gambar oleh Muiz Matdani"],
    ["Klik di sini untuk terus membaca"],
])
def test_photo_markers_and_read_on_links_between_paragraphs_go(malay, cruft):
    record = _clean(malay, LEAD, BODY[0], *cruft, *BODY[1:])
    assert _lines(record) == [LEAD, *BODY]


@pytest.mark.parametrize("tail", [
    ["Topik:", "Banjir kilat", "JBPM", "Selangor"],
    ["Tidak mahu terlepas? Ikuti kami di", "Telegram"],
    ["Langgan BH di Telegram untuk berita terkini"],
    ["Langgan Malaysiakini untuk akses penuh. Daftar sekarang"],
    ["*Penulis ialah pensyarah kanan di sebuah universiti awam",
     "**Artikel ini adalah pandangan peribadi penulis dan tidak semestinya mencerminkan pendirian Sinar Harian."],
    ["-- BERNAMA", "NFI AKN"],
    ["Artikel ini disiarkan pada : Khamis, 14 Mac 2024 @ 8:05 AM"],
])
def test_closing_cruft_goes(malay, tail):
    record = _clean(malay, LEAD, *BODY, *tail)
    assert _lines(record) == [LEAD, *BODY]


def test_the_footer_stamp_gives_the_date(malay):
    record = malay.clean("\n\n".join([TITLE, LEAD, *BODY, "Artikel ini disiarkan pada : Khamis, 14 Mac 2024 @ 8:05 AM"]))
    assert record["meta"]["date"] == "2024-03-14T08:05"


@pytest.mark.parametrize("credit, source", [(" – UTUSAN", "UTUSAN"), (" – AGENSI", "AGENSI")])
def test_a_credit_after_the_last_sentence_is_the_source(malay, credit, source):
    record = _clean(malay, LEAD, *BODY[:-1], BODY[-1] + credit)
    assert _lines(record) == [LEAD, *BODY]
    assert record["meta"]["source"] == source


@pytest.mark.parametrize("prose", [
    "Penulis ialah bekas wartawan yang kini menetap di Ipoh.",
    "Gambar fail itu dikongsi oleh polis semalam.",
    "Langgan pakej itu untuk akses penuh kepada saluran sukan, kata jurucakap syarikat itu.",
    "Topik perbincangan ialah harga barang.",
])
def test_look_alike_prose_stays(malay, prose):
    record = _clean(malay, LEAD, BODY[0], prose, *BODY[1:])
    assert prose in _lines(record)
