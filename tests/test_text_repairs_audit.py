"""Text repairs an audit of the cleaned IndoSum dev split found missing: sentences glued after a
number, and a punctuation mark's mojibake that a space split.

The texts are excerpts of real articles of the IndoSum dev split (Kurniawan and Louvan, 2018,
CC BY-SA 4.0; see fixtures/indosum/README.md), inlined here with their urls, spacing as
tokenised.
"""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from cleaner import normalize as norm
from cleaner.first_look import first_look
from cleaner.paragraphs import glued_lines, may_be_glued, split_glued

# -- sentences glued after a number --------------------------------------------------------------

# (record, url, the glued line's excerpt, the two sentences it holds)
GLUED_AFTER_A_NUMBER = [
    ("1502415988",
     "https://www.cnnindonesia.com/nasional/20170810130536-12-233702/"
     "terdakwa-korupsi-alquran-dapat-julukan-anak-jin/",
     "Fahd sebelumnya didakwa korupsi proyek pengadaan laboratorium komputer dan pengadaan "
     "Alquran di Kemenag tahun anggaran 2011 - 2012.Fahd disebut membagi jatah fee itu pada "
     "sejumlah anggota DPR lainnya secara bertahap.",
     "tahun anggaran 2011 - 2012.", "Fahd disebut membagi"),
    ("1475899238",
     "http://www.antaranews.com/berita/588163/44-sd-dan-smp-tampil-di-sirnas-msc-banjarmasin",
     "Di samping itu, sebanyak 46 klub bulu tangkis juga akan bertanding pada kategori "
     "perorangan kelompok usia U - 13 dan U - 15.Wasit Sirnas - MSC Banjarmasin Ir. H. Acep "
     "Kusumahady dalam keterangannya, Senin mengungkapkan, pihaknya senang.",
     "usia U - 13 dan U - 15.", "Wasit Sirnas - MSC"),
    ("1496831400",
     "http://www.juara.net/read/sepak-bola/indonesia/179213-timnas.u-16.indonesia.siap.lawan."
     "singapura",
     "Sisanya, mereka sudah menaklukkan tim pelajar Kementerian Pemuda dan Olahraga yang "
     "disiapkan Gothia China Cup 2017.Pertandingan Indonesia melawan Singapura akan disiarkan "
     "secara langsung oleh stasiun televisi INews mulai pukul 20.30 WIB.",
     "Gothia China Cup 2017.", "Pertandingan Indonesia melawan"),
    ("1516263915",
     "https://www.antaranews.com/berita/678401/kanker-getah-bening-bisa-kambuh-ini-penyebabnya",
     "Menurut data Globocan, akan terjadi peningkatan kasus kanker Limfoma Hodgkin pada 2020 "
     "dengan kasus baru sebanyak 1.313 serta angka kematian sebesar 811.Angka kematian yang "
     "tinggi ini salah satunya karena keterlambatan deteksi.",
     "angka kematian sebesar 811.", "Angka kematian yang"),
]
_IDS = [case[0] for case in GLUED_AFTER_A_NUMBER]


@pytest.mark.parametrize("record,url,line,end,start", GLUED_AFTER_A_NUMBER, ids=_IDS)
def test_a_sentence_glued_after_a_number_is_split(record, url, line, end, start):
    parts = split_glued(line)
    assert len(parts) == 2
    assert parts[0].endswith(end) and parts[1].startswith(start)


@pytest.mark.parametrize("record,url,line,end,start", GLUED_AFTER_A_NUMBER, ids=_IDS)
def test_a_line_glued_after_a_number_reaches_the_splitter(record, url, line, end, start):
    """The hint that picks the lines split_glued reads lets them through (it asked for a
    lower-case letter, a bracket or quote, or an acronym before the stop)."""
    assert may_be_glued(line)
    assert glued_lines(["Baris pertama.", line]) == [1]
    assert first_look(line).glued


@pytest.mark.parametrize("record,url,line,end,start", GLUED_AFTER_A_NUMBER, ids=_IDS)
def test_the_cleaned_record_holds_the_two_sentences_as_paragraphs(cleaner, record, url, line,
                                                                  end, start):
    text = "Judul berita di sini\n\n" + line
    paragraphs = cleaner.clean(text, url=url)["text"].split("\n\n")
    index = next(i for i, p in enumerate(paragraphs) if p.endswith(end))
    assert paragraphs[index + 1].startswith(start)


@pytest.mark.parametrize("whole", [
    "naik menjadi 1.000 orang",             # a number's thousands
    "inflasi 3.5 persen",                   # a decimal
    "harganya Rp 2.5 juta",
    "tim U-15.A menang",                    # a code's letter
    "tim U - 15.A menang",
    "aplikasi v2.0 dirilis",
    "peringkat No.1 di dunia",
    "situs detik.com melaporkan",
    "pada 17.Agustus 2017",                 # a day of a month
    "langkahnya: 1.Persiapan alat 2.Pelaksanaan acara",     # a list's numbers
    "Cup 2017.AS menang",                   # capitals after the stop
    "buka kompas.com/read/2017.Html",       # a url's path
    "situs berita 2017.Com",                # a domain
    "Liga 1.Persib menang",                 # one bare digit
])
def test_a_number_before_a_stop_that_ends_no_sentence_stays_whole(whole):
    assert split_glued(whole, ["no"]) == [whole]


@pytest.mark.parametrize("glued,parts", [
    ("skor akhir 2-1.Gol tunggal", ["skor akhir 2-1.", "Gol tunggal"]),
    ("timnas U-19.Pelatih baru", ["timnas U-19.", "Pelatih baru"]),
    ("pada 5/12/2017.Pada babak", ["pada 5/12/2017.", "Pada babak"]),
    ("Cup 2017.\u201cKami senang", ["Cup 2017.", "\u201cKami senang"]),
    ("total Rp 2.500.000.Jumlah itu", ["total Rp 2.500.000.", "Jumlah itu"]),
])
def test_a_year_count_or_hyphened_code_before_a_stop_ends_a_sentence(glued, parts):
    assert split_glued(glued) == parts


# Digits, a hyphen alone or spaced as tokenised, and letters of both cases and the characters
# str.islower() / str.isupper() take beyond letters (ª, ʰ, ⅻ, Ⅻ, ⓐ).
_NUMBER = st.text(alphabet="1٣²-aZ", min_size=1, max_size=5)
_AFTER = st.text(alphabet="aZÉ1\u00aa\u02b0\u217b\u216b\u24d0", min_size=1, max_size=4)


@settings(max_examples=600, deadline=None)
@given(st.tuples(st.sampled_from(["", "U - ", "U-", "x "]), _NUMBER,
                 st.sampled_from([".", "?", "!."]),
                 st.sampled_from(["", "\"", "\u201d", "\u201d\u201c"]), _AFTER).map("".join))
@example("2017.Ⅻaⓐ")
@example("U - 15.Zʰª")
def test_the_hint_never_misses_a_split_after_a_number(text):
    lines = ["Baris pertama \u00e9.", text, "akhir."]     # non-ASCII before: byte offsets differ
    if len(split_glued(text)) > 1:
        assert 1 in glued_lines(lines)


# -- a punctuation mark's mojibake split by a space ------------------------------------------------

# 1504098860 (antaranews.com): the quotes read as Windows-1252 ("â€œ", "â€\x9d"), and one
# closing mark with a space before its last character ("â€ ™"): ftfy made it "†™".
AIRLANGGA = ("\u00e2\u20ac\u0153Selain itu, kami juga menjembatani kerja sama antara IKM logam "
             "di sentra Tegal dengan PT Astra Honda Motor untuk memasok komponen kendaraan "
             "bermotor, \u00e2\u20ac \u2122 ujar Airlangga. Kemitraan lainnya, yaitu antara IKM "
             "logam di Ceper dengan PT Inka dan PT KAI.")
AIRLANGGA_URL = ("http://www.antaranews.com/berita/649617/kementerian-perindustrian-perkuat-"
                 "kemitraan-ikm-dengan-manufaktur-besar")


def test_a_mark_split_by_a_space_is_repaired_and_recorded():
    text, fixes = norm.normalize(AIRLANGGA)
    assert "bermotor, \u2019 ujar Airlangga." in text
    assert text.startswith("\u201cSelain itu")
    assert "\u2020" not in text and "\u2122" not in text
    assert fixes == ["fix_mojibake"]


def test_the_cleaned_record_holds_the_repaired_mark(cleaner):
    record = cleaner.clean("Judul berita di sini\n\n" + AIRLANGGA, url=AIRLANGGA_URL)
    assert "bermotor, \u2019 ujar Airlangga." in record["text"]
    assert "\u2020" not in record["text"]
    assert "fix_mojibake" in record["fixes"]


@pytest.mark.parametrize("split,mark", [
    ("\u00e2\u20ac \u2122", "\u2019"),       # ’
    ("\u00e2\u20ac \u0153", "\u201c"),       # “
    ("\u00e2\u20ac \u009d", "\u201d"),       # ” (0x9d, which Windows-1252 leaves undefined)
    ("\u00e2\u20ac \u02dc", "\u2018"),       # ‘
    ("\u00e2\u20ac \u00a6", "\u2026"),       # …
    ("\u00e2\u20ac \u201c", "\u2013"),       # –
])
def test_each_split_mark_becomes_the_mark_its_bytes_make(split, mark):
    assert norm.fix_mojibake(f"kata dia, {split} ujar Budi.") == f"kata dia, {mark} ujar Budi."


@pytest.mark.parametrize("line", [
    "kata dia, \u00e2\u20ac kata Budi",          # "â€ " before a letter: no mark's last byte
    "kata dia, \u00e2\u20ac \u00a0ujar Budi",    # a no-break space: "â€ " may be a "†"
    "kata dia, \u00e2\u20ac  \u2122 ujar",       # two spaces
    "kata dia, \u00e2 \u20ac\u2122 ujar",        # the space elsewhere
])
def test_what_is_not_a_mark_split_before_its_last_byte_is_left_to_ftfy(line):
    import ftfy

    assert norm.fix_mojibake(line) == ftfy.fix_encoding(line)


def test_text_without_mojibake_is_not_searched_for_split_marks(monkeypatch):
    class Refuse:
        def sub(self, *args):
            raise AssertionError("searched for split marks")

    monkeypatch.setattr(norm, "_SPLIT_MARK", Refuse())
    for text in ("plain ascii text", "\u201cKami\u201d \u2014 kaf\u00e9 \u2020 \u2122 ujar"):
        assert norm.normalize(text)[0] == text


def test_a_split_mark_alone_is_hinted_to_normalize():
    assert "fix_mojibake" in norm.fixes_hinted("bermotor, \u00e2\u20ac \u2122 ujar")
