"""Indonesian rules from an HTML acceptance run: promo and page lines
that went, or stayed, where they should not, and the Tribun, detik and Kompas site rules.

Each text goes through Cleaner.clean with a url, so that the site packs apply as in a dump. The
sentences that look like cruft (a speech verb after a promo's words, 'Baca selengkapnya laporan
itu ...' as a sentence) must stay word for word. The texts are written for these tests; the
reproducers they come from are the acceptance run's (repro/text_repros.jsonl and its pages).
"""

from __future__ import annotations

import pytest

TRIBUN = "https://www.tribunnews.com/regional/2025/03/12/penutupan-jalan"
DETIK = "https://news.detik.com/berita/d-7801234/penutupan-jalan"
KOMPAS = "https://regional.kompas.com/read/2025/03/12/09150011/penutupan-jalan"

TITLE = "Tiga Ruas Jalan Ditutup"
LEAD = ("Pemerintah Kota Bogor menutup sementara tiga ruas jalan di sekitar Kebun Raya selama "
        "perbaikan saluran air berlangsung.")
LAST = ("Pengendara diminta memakai jalur alternatif melalui Jalan Pajajaran dan Jalan Sudirman "
        "pada jam sibuk pagi.")

# The speech verbs an Indonesian report attributes a sentence with, as the promo rules' keep
# lists hold them: 'VERB Name', 'VERBnya', 'menurut Name'.
SPEECH = ["kata Hendro", "ujar Hendro", "tutur Hendro", "jelas Hendro", "imbau Hendro",
          "pesan Hendro", "saran Hendro", "ungkap Hendro", "terang Hendro", "sebut Hendro",
          "tegas Hendro", "papar Hendro", "lanjut Hendro", "tambah Hendro", "katanya",
          "ujarnya", "jelasnya", "imbaunya", "ungkapnya", "menurut Hendro"]


def _text(*middle: str) -> str:
    return "\n\n".join([TITLE, LEAD, *middle, LAST])


def _body(*middle: str) -> str:
    return "\n\n".join([LEAD, *middle, LAST])


# --- 1. id/related-link: 'Baca selengkapnya' opening a sentence of the article -----------------

@pytest.mark.parametrize("said", SPEECH)
def test_baca_selengkapnya_in_reported_speech_stays(cleaner, said):
    line = f"Baca selengkapnya laporan itu di situs resmi Badan Pemeriksa Keuangan, {said}."
    record = cleaner.clean(_text(line), url=TRIBUN)
    assert record["text"] == _body(line)


def test_baca_selengkapnya_as_a_sentence_stays(cleaner):
    line = "Baca selengkapnya laporan itu di situs resmi Badan Pemeriksa Keuangan."
    assert cleaner.clean(_text(line), url=TRIBUN)["text"] == _body(line)


@pytest.mark.parametrize("line", [
    "Baca selengkapnya di sini", "Baca selengkapnya di sini.", "Baca selengkapnya:",
    "Baca selengkapnya", "Baca selengkapnya >>", "Baca selengkapnya: Harga Cabai Naik Lagi",
    "Baca berita selengkapnya di Kompas.com", "Baca selengkapnya di Kompas.id",
    "Baca berita lainnya di Google News", "Baca berita Tribunnews lainnya di Google News",
    "Baca berita menarik lainnya di Tribunnews.com",
    "Baca selengkapnya di https://regional.kompas.com/read/2025/03/12/x",
])
def test_a_read_more_promo_goes(cleaner, line):
    assert cleaner.clean(_text(line), url=TRIBUN)["text"] == _body()


def test_google_news_promo_in_a_tribun_page_goes(cleaner):
    page = open_repro("r10_google_news_promo.html")
    record = cleaner.clean(page, url=TRIBUN)
    assert "Google News" not in record["text"]
    assert "Hendro Saputra, mengatakan" in record["text"]


# --- 2. id/social-promo: a promo's words in reported speech ------------------------------------

@pytest.mark.parametrize("said", SPEECH)
def test_social_promo_words_in_reported_speech_stay(cleaner, said):
    line = ("Dapatkan informasi pengalihan arus melalui akun Instagram resmi Dinas Perhubungan, "
            f"{said}.")
    assert cleaner.clean(_text(line), url=TRIBUN)["text"] == _body(line)


@pytest.mark.parametrize("line", [
    "Ikuti kami di Instagram, Kata Kita Media",
    "Ikuti berita terkini di Google News, menurut kami ini cara tercepat",
    "Ikuti kami di Instagram, tulis komentarmu di kolom yang tersedia",
    "Dapatkan update berita pilihan dan breaking news setiap hari dari Tribunnews.com. Mari "
    "bergabung di Grup Telegram",
])
def test_social_promo_still_goes(cleaner, line):
    assert cleaner.clean(_text(line), url=TRIBUN)["text"] == _body()


# --- 3. tribunnews/closing-credit: a photo credit above the last paragraph ---------------------

CAPTION = ("Petugas memasang pembatas jalan di Jalan Otista, Bogor, Rabu (12/3/2025). "
           "(Tribunnews.com/Jeprima)")


def test_a_photo_credit_above_the_last_paragraph_names_no_author(cleaner):
    text = "\n\n".join([TITLE, "Laporan Wartawan Tribunnews.com, Rahmat Hidayat",
                        f"TRIBUNNEWS.COM, BOGOR - {LEAD}", CAPTION, LAST])
    record = cleaner.clean(text, url=TRIBUN)
    assert record["meta"]["authors"] == ["Rahmat Hidayat"]
    assert LAST in record["text"]


def test_a_photo_credit_in_a_tribun_page_names_no_author(cleaner):
    record = cleaner.clean(open_repro("r4_caption_credit_becomes_author.html"), url=TRIBUN)
    assert record["meta"]["authors"] == ["Rahmat Hidayat"]
    assert record["meta"]["editors"] == ["Dewi Anggraini"]


def test_the_closing_credit_on_the_last_paragraph_is_still_the_author(cleaner):
    text = _text() + " (Tribunnews.com/Fitri Wulandari)"
    record = cleaner.clean(text, url=TRIBUN)
    assert record["meta"]["authors"] == ["Fitri Wulandari"]
    assert record["text"] == _body()


# --- 5. id/pager: page numbers and page links --------------------------------------------------

PAGERS = ["Halaman 1 2 3", "Halaman: 1 2 3 Selanjutnya", "1 2 3 Selanjutnya", "Halaman 1 dari 3",
          "Halaman Selanjutnya", "Halaman selanjutnya >>", "Halaman 2 dari 3"]


@pytest.mark.parametrize("line", PAGERS)
@pytest.mark.parametrize("url", [TRIBUN, KOMPAS])
def test_a_pager_mid_article_goes(cleaner, line, url):
    assert cleaner.clean(_text(line), url=url)["text"] == _body()


@pytest.mark.parametrize("line", PAGERS)
def test_a_pager_closing_the_article_goes(cleaner, line):
    assert cleaner.clean(_text() + "\n\n" + line, url=TRIBUN)["text"] == _body()


@pytest.mark.parametrize("line", [
    "Halaman 12 dari 30 dokumen itu hilang, kata polisi.",
    "Halaman selanjutnya memuat daftar nama korban yang sudah teridentifikasi.",
    "Halaman 3 laporan itu memuat rincian anggaran.",
])
def test_prose_opening_like_a_pager_stays(cleaner, line):
    assert cleaner.clean(_text(line), url=TRIBUN)["text"] == _body(line)


def test_a_pager_in_a_tribun_page_goes(cleaner):
    record = cleaner.clean(open_repro("r5_pager_in_body.html"), url=TRIBUN)
    assert "Halaman" not in record["text"]
    assert record["text"].endswith(LAST)


# --- 6, 7, 11. detik: the desk byline, a dateline of three words, a photo caption --------------

def test_detik_desk_byline_goes_and_names_no_author(cleaner):
    text = "\n\n".join([TITLE, "Tim detikcom - detikNews", f"Jakarta - {LEAD}", LAST])
    record = cleaner.clean(text, url=DETIK)
    assert record["text"] == _body()
    assert record["meta"]["authors"] == []
    assert record["meta"]["source"] == "detikcom"
    assert record["meta"]["location"] == "Jakarta"


@pytest.mark.parametrize("place", ["Kabupaten Bandung Barat", "Kota Tangerang Selatan",
                                   "Kepulauan Seribu Utara"])
def test_detik_dateline_of_three_words(cleaner, place):
    text = "\n\n".join([TITLE, f"{place} - {LEAD}", LAST])
    record = cleaner.clean(text, url=DETIK)
    assert record["text"] == _body()
    assert record["meta"]["location"] == place
    assert record["meta"]["source"] == "detikcom"


def test_a_name_of_three_words_before_a_spaced_hyphen_is_no_detik_dateline(cleaner):
    line = ("Menurut Eugenia Oviedo - Joekes, profesor di University of British Columbia, "
            "kebijakan itu tepat.")
    record = cleaner.clean("\n\n".join([TITLE, line, LAST]), url=DETIK)
    assert record["text"].startswith(line)
    assert record["meta"]["location"] is None


@pytest.mark.parametrize("line", [
    "Foto: Suasana di lokasi penutupan jalan (Grandyos Zafna/detikcom)",
    "Foto: Petugas memasang pembatas jalan di Jalan Otista. (Rifkianto Nugroho/detikcom)",
    "Ilustrasi: Antrean kendaraan di gerbang tol (Agung Pambudhy/detikFoto)",
])
def test_detik_photo_caption_goes(cleaner, line):
    text = "\n\n".join([TITLE, f"Jakarta - {LEAD}", line, LAST])
    assert cleaner.clean(text, url=DETIK)["text"] == _body()


def test_detik_sentence_naming_a_photographer_stays(cleaner):
    line = ("Foto karya Grandyos Zafna (detikcom) itu memenangi lomba foto jurnalistik tahun ini, "
            "kata panitia.")
    text = "\n\n".join([TITLE, f"Jakarta - {LEAD}", line, LAST])
    assert cleaner.clean(text, url=DETIK)["text"] == _body(line)


# --- 9. One source for the Tribun network --------------------------------------------------------

@pytest.mark.parametrize("url, dateline", [
    ("https://jateng.tribunnews.com/2025/03/12/x", "TRIBUNJATENG.COM, SEMARANG - "),
    ("https://www.tribunnews.com/regional/2025/03/12/x", "TRIBUNNEWS.COM, SEMARANG - "),
    ("https://jakarta.tribunnews.com/2025/03/12/x", "TribunJakarta.com, SEMARANG - "),
    ("https://wartakota.tribunnews.com/2025/03/12/x", "WARTAKOTALIVE.COM, SEMARANG - "),
])
def test_every_tribun_dateline_gives_one_source(cleaner, url, dateline):
    record = cleaner.clean("\n\n".join([TITLE, dateline + LEAD, LAST]), url=url)
    assert record["text"] == _body()
    assert record["meta"]["source"] == "Tribunnews"
    assert record["meta"]["location"] == "Semarang"


def test_a_regional_tribun_closing_credit_gives_the_same_source(cleaner):
    text = _text() + " (TribunJakarta.com/Satrio Sarwo Trengginas)"
    record = cleaner.clean(text, url="https://jakarta.tribunnews.com/2025/03/12/x")
    assert record["meta"]["source"] == "Tribunnews"
    assert record["meta"]["authors"] == ["Satrio Sarwo Trengginas"]


# --- 10. Notices and page pieces alone on a line -------------------------------------------------

@pytest.mark.parametrize("line", [
    "Kami menggunakan cookie untuk meningkatkan pengalaman membaca Anda. Dengan melanjutkan, "
    "Anda menyetujui kebijakan privasi kami.",
    "Situs ini menggunakan cookie untuk memberikan pengalaman terbaik. Pelajari lebih lanjut.",
    "Video Pilihan", "VIDEO PILIHAN:", "Kolom komentar", "Home » Regional » Berita",
    "Beranda › Nasional › Politik", "Berapa hasil 3 + 4 ?", "Berapa hasil 12 x 2 = ?", "Kirim Komentar",
    "Batalkan balasan",
])
@pytest.mark.parametrize("url", [TRIBUN, KOMPAS])
def test_a_notice_or_page_piece_mid_article_goes(cleaner, line, url):
    assert cleaner.clean(_text(line), url=url)["text"] == _body()


@pytest.mark.parametrize("line", [
    "Kami menggunakan cookie untuk melacak kebiasaan pengguna, kata juru bicara perusahaan itu.",
    "Kami menggunakan cookie untuk melacak kebiasaan pengguna, ungkap Hendro.",
    "Video pilihan juri itu diputar ulang di layar besar.",
    "Kolom komentar di situs itu ditutup setelah ramai dipenuhi ujaran kebencian.",
    "Berapa hasil 3 + 4 dalam soal ujian itu, tanya guru kepada murid-muridnya.",
    "Kirim komentar Anda ke redaksi melalui surel, pinta panitia.",
    "Home » Regional » Berita itu dibagikan ribuan kali di media sosial, kata polisi.",
])
def test_prose_that_resembles_a_notice_stays(cleaner, line):
    assert cleaner.clean(_text(line), url=TRIBUN)["text"] == _body(line)


# --- helpers -------------------------------------------------------------------------------------

_HEAD = """<!DOCTYPE html><html lang="id"><head><meta charset="utf-8">
<title>Tiga Ruas Jalan di Sekitar Kebun Raya Bogor Ditutup Sementara - Tribunnews.com</title>
<meta property="og:site_name" content="Tribunnews.com">
<meta property="article:published_time" content="2025-03-12T09:15:00+07:00">
<meta name="author" content="Tribunnews.com">
</head><body>
<nav class="main-menu"><ul><li><a href="/">Home</a></li><li><a href="/regional">Regional</a></li></ul></nav>
<h1 id="arttitle">Tiga Ruas Jalan di Sekitar Kebun Raya Bogor Ditutup Sementara</h1>
<div class="credit"><div id="penulis">Penulis: Rahmat Hidayat | Editor: Dewi Anggraini</div></div>
<div class="side-article txt-article multi-fontsize">
<p><strong>TRIBUNNEWS.COM, BOGOR</strong> - Pemerintah Kota Bogor menutup sementara tiga ruas jalan di sekitar Kebun Raya selama perbaikan saluran air berlangsung.</p>
<p>Kepala Dinas Pekerjaan Umum, Hendro Saputra, mengatakan pekerjaan ditargetkan selesai dalam dua pekan ke depan.</p>
"""
_LAST_P = ("<p>Pengendara diminta memakai jalur alternatif melalui Jalan Pajajaran dan Jalan "
           "Sudirman pada jam sibuk pagi.</p>")
_FOOT = """</div>
<footer class="footer"><p>Copyright &copy; 2025 Tribunnews.com. All Right Reserved</p></footer>
</body></html>"""

# The acceptance run's pages (repro/r4, r5, r10), as Tribunnews lays them out: what differs is
# what stands around the last paragraph.
_PAGES = {
    "r4_caption_credit_becomes_author.html": (
        "<p><em>Petugas memasang pembatas jalan di Jalan Otista, Bogor, Rabu (12/3/2025). "
        "(Tribunnews.com/Jeprima)</em></p>\n" + _LAST_P),
    "r5_pager_in_body.html": (
        _LAST_P + "\n<p>Halaman 1 2 3</p>\n"
        "<p><a href=\"?page=2\">Halaman selanjutnya &gt;&gt;</a></p>"),
    "r10_google_news_promo.html": (
        _LAST_P + "\n<p><strong>Baca berita Tribunnews lainnya di Google News</strong></p>\n"
        "<p>Simak berita terbaru Tribunnews.com di WhatsApp Channel: klik di sini</p>"),
}


def open_repro(name: str) -> str:
    """A page of the acceptance run (/tmp/s34/accH/repro/), rebuilt here."""
    return _HEAD + _PAGES[name] + "\n" + _FOOT
