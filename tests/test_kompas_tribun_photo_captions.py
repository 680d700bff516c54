"""Photo captions are page furniture, not article text (fixtures/indosum/README.md counts captions
and credits as cruft): Kompas's caption under the photo viewer's 'Lihat Foto' button, above the
'KOMPAS.com/NAME' credit (kompas/photo-viewer's `then`), goes. Tribunnews's caption closing on the
day it was taken and its bracketed photo credit '(Tribunnews.com/NAME)' stays: a story's last
paragraph closing on its date and its reporter's bracketed credit has the very same words, and a
rule that took the captions took those closings (20 of 21 written ones); the captions kept are
strict xfails. Article sentences of the captions' shapes stay: a sentence after the button that is
no caption (a dateline, a quote, a second sentence), and a sentence closing on a date bracket or
with a reporter's bracketed credit."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleaner import Cleaner

ROOT = Path(__file__).resolve().parent.parent
KOMPAS_URL = "https://regional.kompas.com/read/2024/03/14/094200178/banjir-rob-pekalongan"
TRIBUN_URL = "https://jateng.tribunnews.com/2025/03/12/penutupan-jalan-kebun-raya-bogor"

TITLE = "Banjir Rob Rendam 14 Desa di Pekalongan"
STAMP = "Kompas.com - 14/03/2024, 09:42 WIB"
BYLINE = "Penulis Kontributor Pekalongan, Ahmad Fauzan Hidayat | Editor Rina Kartikasari"
KOMPAS_CAPTION = ("Warga Desa Jeruksari, Kecamatan Tirto, Kabupaten Pekalongan, melintasi genangan "
                  "banjir rob di depan rumahnya, Kamis (14/3/2024).")
KOMPAS_CREDIT = "KOMPAS.com/AHMAD FAUZAN HIDAYAT"
LEAD = ("Banjir rob kembali merendam 14 desa di pesisir Kabupaten Pekalongan, Jawa Tengah, sejak "
        "Rabu (13/3/2024) sore.")
DATELINE = f"PEKALONGAN, KOMPAS.com - {LEAD}"
BODY = ("Menurut dia, BPBD telah mendirikan dapur umum di dua titik pengungsian dan mengerahkan "
        "empat perahu karet untuk membantu warga lanjut usia keluar dari rumah.")
# An article sentence of the caption's shape: one sentence closing on the day and its date.
DATED_SENTENCE = ("Bupati Pekalongan Fadia Arafiq meninjau lokasi pengungsian di balai desa "
                  "Jeruksari, Kamis (14/3/2024).")


@pytest.fixture(scope="module")
def cleaner() -> Cleaner:
    return Cleaner()


def _kompas(cleaner: Cleaner, *lines: str) -> dict:
    return cleaner.clean("\n\n".join(lines), url=KOMPAS_URL)


def _tribun(cleaner: Cleaner, *lines: str) -> dict:
    return cleaner.clean("\n\n".join(lines), url=TRIBUN_URL)


def _paragraphs(record: dict) -> list[str]:
    return record["text"].split("\n\n")


def _removed(record: dict) -> list[tuple[str, str]]:
    return [(r["rule"], r["text"].strip()) for r in record["removed"]]


# --- Kompas: the caption between 'Lihat Foto' and the credit --------------------------------

def test_kompas_caption_under_the_photo_viewer_goes(cleaner):
    record = _kompas(cleaner, TITLE, STAMP, BYLINE, "Lihat Foto", KOMPAS_CAPTION, KOMPAS_CREDIT,
                     DATELINE, BODY)
    assert KOMPAS_CAPTION not in record["text"]
    assert ("kompas/photo-viewer", KOMPAS_CAPTION) in _removed(record)
    assert _paragraphs(record) == [LEAD, BODY]
    assert record["meta"]["location"] == "Pekalongan"


def test_kompas_illustration_caption_goes(cleaner):
    caption = "Ilustrasi banjir rob di pesisir utara Jawa"
    record = _kompas(cleaner, TITLE, "Lihat Foto", caption, KOMPAS_CREDIT, DATELINE, BODY)
    assert caption not in record["text"]
    assert _paragraphs(record) == [LEAD, BODY]


def test_kompas_credit_right_after_the_button_leaves_the_sentence_below(cleaner):
    # No caption: the button, its credit, then an article sentence of the caption's shape.
    record = _kompas(cleaner, TITLE, DATELINE, BODY, "Lihat Foto", KOMPAS_CREDIT,
                     DATED_SENTENCE, BODY)
    assert DATED_SENTENCE in _paragraphs(record)


def test_kompas_dateline_right_after_the_button_stays(cleaner):
    dated_lead = ("Banjir rob kembali merendam 14 desa di pesisir Kabupaten Pekalongan, Kamis "
                  "(14/3/2024).")
    record = _kompas(cleaner, TITLE, "Lihat Foto", f"PEKALONGAN, KOMPAS.com - {dated_lead}", BODY)
    assert _paragraphs(record) == [dated_lead, BODY]
    assert record["meta"]["location"] == "Pekalongan"


@pytest.mark.parametrize("line", [
    # A quote closing on its date is speech, not a caption.
    '"Air laut masuk lewat tanggul yang jebol," kata Suharyanto saat dihubungi, Kamis (14/3/2024).',
    # Two sentences are a paragraph.
    "Air mulai surut pada Kamis pagi. Warga kembali ke rumah, Kamis (14/3/2024).",
    # A sentence that does not close on its date.
    "Sebanyak 460 warga mengungsi ke balai desa dan masjid terdekat.",
])
def test_kompas_article_lines_after_a_lone_button_stay(cleaner, line):
    record = _kompas(cleaner, TITLE, DATELINE, BODY, "Lihat Foto", line, BODY)
    assert line in _paragraphs(record)


def test_kompas_caption_shaped_sentence_without_the_button_stays(cleaner):
    record = _kompas(cleaner, TITLE, DATELINE, DATED_SENTENCE, BODY)
    assert DATED_SENTENCE in _paragraphs(record)


# --- Tribunnews: a caption closing on its date and a bracketed photo credit ----------------

TRIBUN_LEAD = ("TRIBUNJATENG.COM, BOGOR - Pemerintah Kota Bogor menutup sementara tiga ruas jalan "
               "di sekitar Kebun Raya selama perbaikan saluran air berlangsung.")
TRIBUN_BODY = ("Kepala Dinas Pekerjaan Umum, Hendro Saputra, mengatakan pekerjaan ditargetkan "
               "selesai dalam dua pekan ke depan.")
TRIBUN_BODY2 = ("Menurut Hendro, petugas dinas perhubungan akan berjaga di setiap simpang selama "
                "penutupan berlangsung.")
TRIBUN_CAPTION = ("Petugas memasang pembatas jalan di Jalan Otista, Bogor, Rabu (12/3/2025). "
                  "(Tribunnews.com/Jeprima)")


# No rule tells a caption from a story's paragraph closing on its date and its reporter's credit:
# the words are the same, and a rule that took the captions took such closings whole (the review's
# 20 of 21 written closings, tribun.py). A caption kept is cruft; a closing lost is the article's.
TRIBUN_KEPT = pytest.mark.xfail(
    strict=True, reason="a Tribunnews caption closing on its date and bracketed credit has a "
    "story closing's words: no rule takes it without taking closings (nothing lost comes first)")


@TRIBUN_KEPT
def test_tribun_caption_with_bracketed_credit_mid_article_goes(cleaner):
    record = _tribun(cleaner, TRIBUN_LEAD, TRIBUN_BODY, TRIBUN_CAPTION, TRIBUN_BODY2,
                     TRIBUN_BODY2.replace("simpang", "persimpangan"))
    assert "Otista" not in record["text"]
    assert "Jeprima" not in record["meta"]["authors"]


@pytest.mark.parametrize("caption", [
    "Warga melintasi genangan di Jalan Pluit Raya, Jakarta Utara, Selasa (12/3/2024). "
    "(TribunJakarta.com/Elga Hikari Putra)",
    "Petugas memasang pembatas jalan di Jalan Otista, Bogor, Rabu (12/3/2025) (TRIBUNNEWS/JEPRIMA)",
    "Petugas memasang pembatas jalan di Jl. Otista, Bogor, Rabu ( 12 / 3 / 2025 ) . "
    "( Tribunnews.com / Jeprima )",
])
@TRIBUN_KEPT
def test_tribun_caption_spellings_go(cleaner, caption):
    record = _tribun(cleaner, TRIBUN_LEAD, TRIBUN_BODY, caption, TRIBUN_BODY2)
    assert caption not in record["text"]
    assert _paragraphs(record) == [TRIBUN_LEAD.split(" - ", 1)[1], TRIBUN_BODY, TRIBUN_BODY2]


# A story's written last paragraphs: one sentence closing on the day and date, then the reporter's
# credit (the review's tribun.py).
DATED_CLOSINGS = [
    "Polisi masih menyelidiki penyebab kebakaran di Pasar Senen, Kamis (13/3/2025). "
    "(Tribunnews.com/Jeprima)",
    "KPK menetapkan tiga orang tersangka dalam kasus suap proyek jalan di Kabupaten Bogor, Rabu "
    "(12/3/2025). (Tribunnews.com/Ilham Rian Pratama)",
    "Banjir itu merendam sedikitnya 300 rumah warga di tiga kecamatan, Senin (3/3/2025). "
    "(TribunJakarta.com/Elga Hikari Putra)",
    "Korban kemudian dibawa ke RSUD Cibinong untuk menjalani visum, Selasa (11/3/2025). "
    "(TribunnewsBogor.com/Muamarrudin Irfani)",
    "Dengan hasil ini, Timnas Indonesia naik ke posisi ketiga klasemen Grup C, Selasa (25/3/2025). "
    "(Tribunnews.com/Abdul Majid)",
]


@pytest.mark.parametrize("closing", DATED_CLOSINGS)
def test_tribun_dated_closing_with_its_credit_stays(cleaner, closing):
    # The story's last paragraph in a caption's shape stays, credit and all: tribunnews/closing-
    # credit spares it (a caption's name taken for the author's was the worse error) and no rule
    # takes it as a caption.
    record = _tribun(cleaner, TRIBUN_LEAD, TRIBUN_BODY, TRIBUN_BODY2, closing)
    assert _paragraphs(record)[-1] == closing
    assert record["meta"]["authors"] == []
    credit = closing.rsplit(" (", 1)[1]
    assert [rule for rule, text in _removed(record) if credit in text] == []


def test_tribun_caption_closing_the_text_stays_and_names_no_author(cleaner):
    # A caption closing the text is kept, credit and all, and its photographer is no author.
    record = _tribun(cleaner, TRIBUN_LEAD, TRIBUN_BODY, TRIBUN_BODY2, TRIBUN_CAPTION)
    assert _paragraphs(record)[-1] == TRIBUN_CAPTION
    assert record["meta"]["authors"] == []


def test_tribun_sentence_closing_on_a_date_bracket_stays(cleaner):
    # '(12/3/2025).' is a date, not a credit: the sentence is the article's.
    line = "Penutupan jalan itu diumumkan Wali Kota Bogor di Jakarta (12/3/2025)."
    record = _tribun(cleaner, TRIBUN_LEAD, TRIBUN_BODY, line, TRIBUN_BODY2)
    assert line in _paragraphs(record)
    line = "Penutupan jalan itu diumumkan Wali Kota Bogor di Balai Kota, Rabu (12/3/2025)."
    record = _tribun(cleaner, TRIBUN_LEAD, TRIBUN_BODY, line, TRIBUN_BODY2)
    assert line in _paragraphs(record)


def test_tribun_speech_closing_on_a_credit_bracket_keeps_its_sentence(cleaner):
    # The story's last sentence with the reporter's credit: the sentence stays, the credit names
    # the author (tribunnews/closing-credit), dated or not.
    sentence = "Jalur alternatif sudah disiapkan, kata Budi."
    record = _tribun(cleaner, TRIBUN_LEAD, TRIBUN_BODY, f"{sentence} (Tribunnews.com/Jeprima)")
    assert _paragraphs(record)[-1] == sentence
    assert record["meta"]["authors"] == ["Jeprima"]


@pytest.mark.parametrize("line", [
    "Jalur alternatif sudah disiapkan, kata Budi di Bogor, Rabu (12/3/2025). (Tribunnews.com/Jeprima)",
    "Hal itu disampaikan Hendro kepada wartawan di Balai Kota Bogor, Rabu (12/3/2025). "
    "(Tribunnews.com/Rahmat Hidayat)",
    # A link to the sentence before it, or what is to come: a story's, not a picture's.
    "Sebelumnya, jalur itu tertimbun longsor akibat hujan deras, Selasa (11/3/2025). "
    "(Tribunnews.com/Rahmat Hidayat)",
    "Persib akan menjamu Persija di Stadion GBLA, Sabtu (15/3/2025). (Tribunnews.com/Rahmat Hidayat)",
])
def test_tribun_dated_speech_with_a_credit_bracket_stays_mid_article(cleaner, line):
    record = _tribun(cleaner, TRIBUN_LEAD, TRIBUN_BODY, line, TRIBUN_BODY2,
                     TRIBUN_BODY2.replace("simpang", "persimpangan"))
    assert line in _paragraphs(record)


# --- The two fixtures the reviewer named -----------------------------------------------------

def _fixture_records(cleaner: Cleaner, case: str) -> tuple[dict, dict]:
    """A fixture's expected record and the record the cleaner makes of its input now."""
    base = ROOT / "fixtures" / case
    expected = json.loads(base.with_suffix(".json").read_text(encoding="utf-8"))
    fields = json.loads(Path(f"{base}.input.json").read_text(encoding="utf-8"))
    return expected, cleaner.clean(Path(f"{base}.txt").read_text(encoding="utf-8"), **fields)


def test_kompas_fixture_records_hold_no_caption(cleaner):
    expected, record = _fixture_records(cleaner, "kompas.com/id-kompas-rob-pekalongan")
    assert KOMPAS_CAPTION not in record["text"]
    assert KOMPAS_CAPTION not in expected["text"]


TRIBUN_FIXTURE_CAPTION = "Petugas memasang pembatas jalan di Jalan Otista, Bogor, Rabu (12/3/2025)."


def test_tribun_fixture_keeps_its_caption_as_text(cleaner):
    # The caption mid-article stays, as the expected record says (TRIBUN_KEPT).
    expected, record = _fixture_records(cleaner,
                                        "tribunnews.com/id-tribunnews-penutupan-jalan-bogor")
    assert TRIBUN_FIXTURE_CAPTION in record["text"]
    assert record["text"] == expected["text"]


@TRIBUN_KEPT
def test_tribun_fixture_records_hold_no_caption(cleaner):
    expected, record = _fixture_records(cleaner,
                                        "tribunnews.com/id-tribunnews-penutupan-jalan-bogor")
    assert TRIBUN_FIXTURE_CAPTION not in record["text"]


# A one-sentence article paragraph closing on its date right under a button with no caption nor
# credit has a caption's shape, and the `then` takes it (the review's k.py case 1). The `then`
# reads one line at a time: it cannot ask for the 'KOMPAS.com/NAME' credit under the caption,
# which would tell them apart. Captions without a credit are as common as such paragraphs under a
# bare button are rare; kept as a known gap.
@pytest.mark.xfail(strict=True, reason="kompas/photo-viewer's `then` reads the line under the "
                   "button alone: a dated one-sentence paragraph there has a caption's shape, "
                   "and the credit line that would tell them apart is not read")
def test_kompas_dated_sentence_right_under_a_bare_button_stays(cleaner):
    line = "Banjir rob merendam 14 desa di pesisir Pekalongan, Kamis (14/3/2024)."
    record = _kompas(cleaner, TITLE, DATELINE, BODY, "Lihat Foto", line,
                     "Air laut masuk lewat tanggul yang jebol.", BODY)
    assert line in _paragraphs(record)
