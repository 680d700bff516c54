"""The Malay pack (rules/lang/ms.toml) on short Malay news items written for these tests: they come
out "ms", their datelines, bylines and Malay dates are read, their cruft goes and their text stays
word for word; Indonesian text, a few Malay words in it or not, stays "id"."""

from __future__ import annotations


import pytest

from cleaner import Cleaner

# --- three news items: Bernama's wire copy, a Malaysian daily's, a Brunei paper's -------------

BERNAMA_LEAD = ("Kerajaan akan memperuntukkan RM2 bilion bagi membaiki sekolah usang di seluruh "
                "negara tahun ini, kata Menteri Pendidikan.")
BERNAMA_BODY = [
    "Beliau berkata peruntukan itu akan diagihkan kepada sekolah yang paling memerlukan, "
    "terutamanya di kawasan luar bandar Sabah dan Sarawak.",
    "\"Kita mahu memastikan setiap murid dapat belajar dalam keadaan yang selamat dan selesa,\" "
    "katanya kepada pemberita selepas merasmikan sebuah sekolah baharu di sini hari ini.",
    "Menurut beliau, kementerian telah mengenal pasti lebih 500 buah sekolah yang memerlukan "
    "pembaikan segera kerana bangunannya berusia lebih 50 tahun."]
BERNAMA = ("Kerajaan peruntuk RM2 bilion baiki sekolah usang\n\n"
           f"KUALA LUMPUR, 5 Mac (Bernama) -- {BERNAMA_LEAD}\n\n"
           f"{BERNAMA_BODY[0]}\n\n{BERNAMA_BODY[1]}\n\n"
           "Artikel berkaitan: Ibu bapa diminta semak status permohonan bantuan persekolahan\n\n"
           f"{BERNAMA_BODY[2]}\n\n-- BERNAMA")

DAILY_LEAD = ("Seramai 1,200 mangsa banjir di Klang dan Kuala Langat dipindahkan ke 15 pusat "
              "pemindahan sementara (PPS) sehingga jam 8 pagi ini.")
DAILY_BODY = [
    "Pengarah Jabatan Pertahanan Awam Malaysia (APM) Selangor berkata jumlah itu meningkat "
    "berbanding 800 orang semalam berikutan hujan lebat yang berterusan sejak petang kelmarin.",
    "Menurutnya, kebanyakan mangsa terdiri daripada warga emas dan kanak-kanak, manakala "
    "beberapa kawasan perumahan di Meru masih dinaiki air sedalam satu meter.",
    "\"Orang ramai dinasihatkan supaya tidak menghampiri kawasan sungai dan sentiasa mengikuti "
    "arahan pihak berkuasa,\" katanya dalam satu kenyataan hari ini."]
DAILY = ("Lebih 1,200 mangsa banjir dipindahkan di Selangor\n\n"
         "Oleh Nur Aisyah Kamarudin\n\n"
         f"SHAH ALAM: {DAILY_LEAD}\n\n{DAILY_BODY[0]}\n\n{DAILY_BODY[1]}\n\n"
         "Baca juga: Jabatan Meteorologi keluarkan amaran hujan lebat di lima negeri\n\n"
         f"{DAILY_BODY[2]}\n\n"
         "Muat turun aplikasi Berita Kita. Klik di sini!")

BRUNEI_LEAD = ("Seramai 300 orang belia dari keempat-empat daerah menyertai Program Kepimpinan "
               "Belia yang dirasmikan di Dewan Kemasyarakatan pagi tadi.")
BRUNEI_BODY = [
    "Program selama tiga hari itu bertujuan untuk melahirkan belia yang berdaya saing serta "
    "berupaya memimpin masyarakat pada masa hadapan.",
    "Dalam ucapannya, Pengerusi Jawatankuasa Penganjur menjelaskan bahawa peserta akan "
    "didedahkan kepada pelbagai aktiviti seperti bengkel, ceramah dan kerja kemasyarakatan."]
BRUNEI = (f"BANDAR SERI BEGAWAN, Selasa, 5 Mac 2024 - {BRUNEI_LEAD}\n\n"
          f"{BRUNEI_BODY[0]}\n\n{BRUNEI_BODY[1]}\n\n"
          "Gambar hiasan\n\n"
          "Oleh: Hajah Siti Rahmah Haji Othman")

SHORT = ("Jalan ditutup sementara\n\n"
         "Jalan utama ke Pekan Nanas akan ditutup selama dua hari mulai esok bagi kerja-kerja "
         "menaik taraf jambatan. Pengguna dinasihatkan menggunakan laluan alternatif kerana "
         "kesesakan dijangka berlaku.")


def _removed(record: dict) -> list[tuple[str, str]]:
    return [(r["rule"], r["text"].strip()) for r in record["removed"]]


@pytest.fixture(scope="module")
def malay():
    """A Cleaner told the language: the rules' tests do not hang on detection
    (tests/test_near_languages.py tests it)."""
    return Cleaner(lang="ms")


@pytest.mark.parametrize("text", [BERNAMA, DAILY, BRUNEI, SHORT])
def test_malay_news_comes_out_malay(cleaner, text):
    assert cleaner.clean(text)["meta"]["lang"] == "ms"


def test_a_bernama_item_loses_its_dateline_related_line_and_credit_and_keeps_its_text(malay):
    record = malay.clean(BERNAMA)
    assert record["text"] == "\n\n".join([BERNAMA_LEAD, *BERNAMA_BODY])
    assert _removed(record) == [
        ("header/title", "Kerajaan peruntuk RM2 bilion baiki sekolah usang"),
        ("ms/dateline", "KUALA LUMPUR, 5 Mac (Bernama) --"),
        ("ms/related-link", "Artikel berkaitan: Ibu bapa diminta semak status permohonan "
                            "bantuan persekolahan"),
        ("ms/source-credit", "-- BERNAMA")]
    assert record["meta"]["location"] == "Kuala Lumpur"
    assert record["meta"]["source"] == "Bernama"


def test_a_dateline_without_its_year_leaves_the_date_to_the_url(malay):
    # '5 Mac' names no year: written as found it would stand in meta.date before the url's.
    record = malay.clean(BERNAMA, url="https://berita.example.my/2024/03/05/sekolah-usang")
    assert record["meta"]["date"] == "2024-03-05"
    assert record["meta"]["location"] == "Kuala Lumpur"


def test_a_dailys_byline_colon_dateline_related_line_and_app_promo(malay):
    record = malay.clean(DAILY)
    assert record["text"] == "\n\n".join([DAILY_LEAD, *DAILY_BODY])
    assert [rule for rule, _ in _removed(record)] == [
        "header/title", "ms/byline", "ms/dateline-colon", "ms/related-link", "ms/promo"]
    assert record["meta"]["authors"] == ["Nur Aisyah Kamarudin"]
    assert record["meta"]["location"] == "Shah Alam"


def test_a_brunei_dateline_gives_its_date_and_the_byline_its_name_without_the_title(cleaner):
    record = cleaner.clean(BRUNEI)
    assert record["text"] == "\n\n".join([BRUNEI_LEAD, *BRUNEI_BODY])
    assert record["meta"]["date"] == "2024-03-05"
    assert record["meta"]["location"] == "Bandar Seri Begawan"
    assert record["meta"]["authors"] == ["Siti Rahmah Haji Othman"]
    assert ("ms/photo-credit", "Gambar hiasan") in _removed(record)


# --- dates with Malay month names -----------------------------------------------------------

@pytest.mark.parametrize("line, date", [
    ("Disiarkan pada: Isnin, 5 Ogos 2024", "2024-08-05"),
    ("29 Julai 2021, 10:01 pm", "2021-07-29T22:01"),
    ("Mac 5, 2024 @ 10:30am", "2024-03-05T10:30"),
    ("Dikemaskini: Khamis, 12 Disember 2019", "2019-12-12"),
])
def test_a_date_line_with_a_malay_month_is_read(cleaner, line, date):
    record = cleaner.clean(f"{line}\n\nSHAH ALAM: {DAILY_LEAD}\n\n{DAILY_BODY[0]}")
    assert record["meta"]["date"] == date
    assert ("ms/date-line", line) in _removed(record)
    assert record["text"].startswith(DAILY_LEAD)


@pytest.mark.parametrize("given, date", [("12 Disember 2023", "2023-12-12"),
                                         ("Selasa, 5 Mac 2024", "2024-03-05"),
                                         ("Ogos 2019", "2019-08"),
                                         ("2024-03-05T20:00:00Z", "2024-03-06T04:00:00+08:00")])
def test_an_input_date_of_a_malay_document_is_read_in_malay_and_kuala_lumpur_time(cleaner, given,
                                                                                  date):
    record = cleaner.clean(SHORT, date=given)
    assert record["meta"]["lang"] == "ms"
    assert record["meta"]["date"] == date
    assert not record["flags"]


# --- the pack's words: sections, titles before a name, the newsroom ---------------------------

def test_a_section_in_the_urls_path_is_the_category(cleaner):
    record = cleaner.clean(SHORT, url="https://akhbar.example.my/article/64832/berita/semasa/x")
    assert record["meta"]["category"] == "semasa"


@pytest.mark.parametrize("line, field, names", [
    ("Pengarang: Datuk Ahmad Talib", "authors", ["Ahmad Talib"]),
    ("Oleh Tan Sri Ahmad Faiz dan Dato' Sri Nurul Huda", "authors", ["Ahmad Faiz", "Nurul Huda"]),
    ("Wartawan: Ahmad Faiz | Penyunting: Siti Hajar", "editors", ["Siti Hajar"]),
    ("Oleh Wartawan Sinar Harian", "authors", []),
])
def test_a_byline_at_the_end_names_people_without_their_titles(cleaner, line, field, names):
    record = cleaner.clean(f"{SHORT}\n\n{line}")
    assert record["meta"][field] == names
    assert line not in record["text"]


# --- what looks like cruft and is the article's -----------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Oleh itu, kerajaan akan mengkaji semula dasar tersebut selepas pilihan raya.",
    "Oleh kerana hujan lebat, perlawanan itu ditangguhkan ke minggu depan.",
    "Wartawan: Terima kasih atas masa Datuk",
    "Baca juga buku itu sebelum peperiksaan, kata guru yang enggan dinamakan.",
    "Ikuti saluran rasmi kementerian untuk maklumat terkini mengenai vaksin, kata beliau.",
    "Menurut beliau, penerima tidak perlu memohon semula kerana data sedia ada akan digunakan. "
    "\"Baca juga: Soalan Lazim di laman web kementerian, semua jawapan ada di situ.\"",
])
def test_malay_sentences_that_look_like_cruft_stay(malay, sentence):
    record = malay.clean(f"{SHORT}\n\n{sentence}\n\n{BERNAMA_BODY[0]}")
    assert record["meta"]["lang"] == "ms"
    assert sentence in record["text"]
    assert record["meta"]["authors"] == []


def test_a_headline_quoting_its_speaker_is_no_dateline(cleaner):
    # A word in capitals and a colon: a lead paragraph goes on for a whole sentence.
    record = cleaner.clean(f"ANWAR: Kerajaan tidak akan naikkan harga minyak\n\n{BERNAMA_LEAD}\n\n"
                           f"{BERNAMA_BODY[0]}")
    assert record["meta"]["location"] is None
    assert record["meta"]["title"] == "ANWAR: Kerajaan tidak akan naikkan harga minyak"


# --- a place is a place: labels, acronyms and speakers before a dash or a colon ---------------

@pytest.mark.parametrize("lead", [
    "AMARAN - Ribut petir dijangka melanda tiga negeri pantai timur sehingga lewat malam ini.",
    "EKSKLUSIF – Surat yang dilihat akhbar ini menunjukkan kontrak itu dimeterai tanpa tender.",
    "TERKINI: Bomba menemui mayat seorang remaja yang lemas di sebuah tasik di Puchong petang tadi.",
    "PERHATIAN: Semua klinik kesihatan di daerah Hulu Langat akan dibuka lewat sejam pada hari "
    "Isnin ini, kata pejabat kesihatan daerah.",
    "JPJ - Jabatan Pengangkutan Jalan akan melancarkan operasi khas sempena cuti perayaan minggu "
    "depan.",
    "ZAHID: Parti tidak akan meletakkan calon di kerusi itu pada pilihan raya kecil ini, kata "
    "presiden parti itu kepada pemberita.",
])
def test_a_label_acronym_or_speaker_before_a_dash_or_colon_is_no_dateline(malay, lead):
    record = malay.clean(f"{BERNAMA_LEAD}\n\n{lead}\n\n{BERNAMA_BODY[0]}")
    assert record["meta"]["location"] is None
    assert lead in record["text"]
    assert not [rule for rule, _ in _removed(record) if rule.startswith("ms/dateline")]


@pytest.mark.parametrize("lead, place", [
    ("KUANTAN - ", "Kuantan"),
    ("SUNGAI PETANI – ", "Sungai Petani"),
    ("GUA MUSANG: ", "Gua Musang"),
    ("KUALA BELAIT - ", "Kuala Belait"),
    ("SINGAPURA: ", "Singapura"),
    ("KOTA KINABALU - [DIKEMAS KINI] ", "Kota Kinabalu"),
    ("JAKARTA – ", "Jakarta"),
])
def test_a_malaysian_bruneian_singaporean_or_foreign_city_before_a_dash_or_colon_is_a_dateline(
        malay, lead, place):
    record = malay.clean(f"{BERNAMA_LEAD}\n\n{lead}{DAILY_LEAD}\n\n{BERNAMA_BODY[0]}")
    assert record["meta"]["location"] == place
    assert record["text"].split("\n\n")[:2] == [BERNAMA_LEAD, DAILY_LEAD]


ENDING_LIST = ("Antara agensi yang terlibat dalam operasi mencari dan menyelamat itu ialah:\n\n"
               "- JBPM\n\n- APMM\n\n- RELA")


def test_a_list_of_acronyms_closing_an_article_is_no_source_credit(malay):
    record = malay.clean(f"{SHORT}\n\n{BERNAMA_BODY[0]}\n\n{ENDING_LIST}")
    assert record["text"].endswith(ENDING_LIST)
    assert record["meta"]["source"] is None
    assert not [rule for rule, _ in _removed(record) if rule == "ms/source-credit"]


@pytest.mark.parametrize("credit, source", [
    ("-- BERNAMA", "Bernama"),                    # a listed agency, as ms.toml spells it
    ("– UTUSAN ONLINE", "UTUSAN ONLINE"),
    ("- HARIAN METRO", "HARIAN METRO"),
    ("- AGENSI", "AGENSI"),
    ("-AFP", "AFP"),
])
def test_an_agency_or_a_papers_credit_closing_an_article_is_its_source(malay, credit, source):
    record = malay.clean(f"{SHORT}\n\n{BERNAMA_BODY[0]}\n\n{credit}")
    assert record["meta"]["source"] == source
    assert ("ms/source-credit", credit) in _removed(record)
    assert record["text"].endswith(BERNAMA_BODY[0])


# --- Indonesian stays Indonesian ------------------------------------------------------------

INDONESIAN = ("Harga beras naik di sejumlah pasar\n\n"
              "Harga beras di sejumlah pasar tradisional di Jakarta naik sejak pekan lalu karena "
              "pasokan dari daerah berkurang, kata pedagang.\n\n"
              "Menurut Kepala Dinas Perdagangan, kenaikan itu terjadi selepas panen raya berakhir. "
              "Beliau mengatakan bahwa pemerintah sudah menyiapkan operasi pasar.\n\n"
              "Baca juga: Stok Beras Bulog Aman Hingga Akhir Tahun\n\n"
              "\"Kami berharap harga bisa kembali turun kerana stok masih ada,\" ujarnya saat "
              "ditemui di Pasar Induk Cipinang.")


def test_indonesian_with_a_few_malay_words_stays_indonesian(cleaner):
    # 'beliau' and 'kerana' are Malay's, but karena, bahwa, bisa and saat are
    # Indonesian's and there are more of them ('selepas' Indonesian writes too).
    record = cleaner.clean(INDONESIAN)
    assert record["meta"]["lang"] == "id"
    assert ("id/related-link", "Baca juga: Stok Beras Bulog Aman Hingga Akhir Tahun") \
        in _removed(record)


def test_a_text_of_words_both_languages_share_stays_indonesian(cleaner):
    # No word of either's own: a tie, which goes to Indonesian, the pack Malay is near
    # (tests/test_near_languages.py).
    record = cleaner.clean("Harga beras naik lagi di pasar induk pada pekan ini menurut para "
                           "pedagang yang ditemui di Jakarta.")
    assert record["meta"]["lang"] == "id"


# --- damaged and hostile input --------------------------------------------------------------

@pytest.mark.parametrize("lead", [
    "KUALA LUMPUR, 45 Mac (Bernama) -- ",         # no such day
    "KUALA LUMPUR, 5 Macam (Bernama) -- ",        # no such month
    "KUALA LUMPUR, 5 Mac (Bernama ",              # the bracket never closes
    "KUALA LUMPUR,, (Bernama) -- ",
])
def test_a_damaged_dateline_is_left_in_the_text(malay, lead):
    record = malay.clean(f"{lead}{BERNAMA_LEAD}\n\n{BERNAMA_BODY[0]}")
    assert record["text"].startswith(lead.strip())
    assert record["meta"]["location"] is None and record["meta"]["date"] is None
    assert _removed(record) == []


def test_a_dateline_of_a_day_no_calendar_has_fills_no_date_and_says_so(malay):
    lead = "BANDAR SERI BEGAWAN, 31 Februari 2024 - "
    record = malay.clean(f"{lead}{BRUNEI_LEAD}\n\n{BRUNEI_BODY[0]}")
    assert record["text"].startswith(BRUNEI_LEAD)
    assert record["meta"]["location"] == "Bandar Seri Begawan"
    assert record["meta"]["date"] is None
    assert [flag["flag"] for flag in record["flags"]] == ["unreadable-date"]
    assert "ms/dateline" in record["flags"][0]["reason"]


def test_a_byline_of_too_many_names_is_no_byline(malay):
    line = "Oleh " + " ".join(f"Nama{i}" for i in range(40))
    record = malay.clean(f"{SHORT}\n\n{line}")
    assert record["meta"]["authors"] == []
    assert line in record["text"]


# A hang guard, not a speed check (a hostile input: the suite times no test).
@pytest.mark.timeout(60)
def test_huge_lines_of_dateline_and_byline_shapes_are_cleaned_in_linear_time(malay):
    text = ("KUALA LUMPUR, 5 Mac " * 20000 + "\n\n" + "Oleh Nama " * 20000 + "\n\n"
            + "Artikel berkaitan: " + "x" * 200000 + "\n\n" + SHORT)
    record = malay.clean(text)
    assert record["meta"]["lang"] == "ms"
    assert record["meta"]["authors"] == [] and record["meta"]["location"] is None
    assert record["text"].startswith("KUALA LUMPUR, 5 Mac KUALA LUMPUR")
    assert SHORT.split("\n\n")[1] in record["text"]


@pytest.mark.parametrize("lead", [
    "KUANTAN -",                                  # no lead after the dash
    "KOTA BHARU:",
    "KUANTAN - - Polis menahan dua lelaki.",      # a second dash
    "KUALA - Polis menahan dua lelaki.",          # a place word with no place after it
    "KUANTANKUANTAN - Polis menahan dua lelaki.",  # a listed place glued to another word
])
def test_a_place_without_its_lead_or_its_whole_name_is_left_in_the_text(malay, lead):
    record = malay.clean(f"{BERNAMA_LEAD}\n\n{lead}\n\n{BERNAMA_BODY[0]}")
    assert lead in record["text"]
    assert record["meta"]["location"] is None


# A hang guard, not a speed check (a hostile input: the suite times no test).
@pytest.mark.timeout(60)
def test_huge_lines_of_place_and_credit_shapes_are_cleaned_in_linear_time(malay):
    text = ("KUALA " * 30000 + "- Polis menahan dua lelaki.\n\n"
            + "SUNGAI BULOH " * 20000 + ": Polis " + "x" * 100 + ".\n\n"
            + SHORT + "\n\n- " + "UTUSAN " * 30000)
    record = malay.clean(text)
    assert record["meta"]["location"] is None and record["meta"]["source"] is None
    assert record["text"].endswith("UTUSAN")


def test_invisible_characters_inside_a_label_do_not_hide_it(malay):
    # A zero-width space and a no-break space, as pasted from a web page: the text fixes first.
    record = malay.clean(f"{SHORT}\n\nArtikel\u00a0berkai\u200btan: Jalan lain ditutup esok\n\n"
                           f"{BERNAMA_BODY[0]}")
    assert [rule for rule, _ in _removed(record)][-1] == "ms/related-link"
    assert "berkaitan" not in record["text"]


def test_a_contributor_credited_by_the_agency_is_no_author(malay):
    record = malay.clean(f"{SHORT}\n\nPenulis: Kontributor Bernama")
    assert record["meta"]["authors"] == []
    assert ("ms/byline-label", "Penulis: Kontributor Bernama") in _removed(record)
