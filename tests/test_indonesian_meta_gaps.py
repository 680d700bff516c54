"""Indonesian metadata gaps: ANTARA's dateline names a city (its province and the agencies after
ANTARA stay out of the record's fields), JUARA's own name on juara.bolasport.com is JUARA, and an
address's number range after an abbreviation ('Kav. 52-53.Jakarta') is no sentence end."""

from __future__ import annotations


import pytest

from cleaner.lexicon import lexicon
from cleaner.paragraphs import split_glued

BODY = ("\n\nIsi berita kedua yang panjang sekali di sini, kata dia kepada wartawan di kantornya "
        "pada Senin, dan mereka akan terus memantau perkembangan itu.")
ANTARA = "https://www.antaranews.com/berita/653128/contoh-berita"


@pytest.mark.parametrize("dateline, location", [
    ("Kupang, NTT (ANTARA) - ", "Kupang"),
    ("Sampit, Kalteng (ANTARA News) - ", "Sampit"),
    ("Sukabumi, Jawa Barat (ANTARA News) - ", "Sukabumi"),
    ("Samarinda, Kalimantan Timur (ANTARA News) - ", "Samarinda"),
    ("Singkil, Aceh, (ANTARA News) - ", "Singkil"),
    ("Kulon Progo, DI Yogyakarta (ANTARA) - ", "Kulon Progo"),
])
def test_an_antara_datelines_province_is_left_out_of_the_location(cleaner, dateline, location):
    record = cleaner.clean(dateline + "Gubernur meresmikan jembatan baru itu." + BODY, url=ANTARA)
    assert (record["meta"]["location"], record["meta"]["source"]) == (location, "ANTARA")
    # The province is not lost: the removal holds the whole dateline.
    assert record["removed"][0] == {"rule": "antaranews/dateline", "text": dateline, "line": 1,
                                    "col": 0, "action": "meta", "fields": ["location", "source"]}
    assert record["text"].startswith("Gubernur meresmikan")


@pytest.mark.parametrize("dateline, location", [
    ("New York, Boston, (ANTARA News) - ", "New York, Boston"),      # two cities, no province
    ("Balikpapan, Balikpapan Baru (ANTARA) - ", "Balikpapan, Balikpapan Baru"),   # not Bali
    ("Jakarta (ANTARA News) - ", "Jakarta"),
])
def test_a_place_after_the_comma_that_is_no_province_stays(cleaner, dateline, location):
    record = cleaner.clean(dateline + "Badai salju melanda kota itu." + BODY, url=ANTARA)
    assert record["meta"]["location"] == location


def test_a_province_dateline_without_a_url_is_antaras_by_its_signature(cleaner):
    record = cleaner.clean("Kupang, NTT (ANTARA) - Gubernur meresmikan jembatan." + BODY)
    assert (record["meta"]["site"], record["meta"]["location"]) == ("antaranews.com", "Kupang")


@pytest.mark.parametrize("url", [ANTARA, None])
@pytest.mark.parametrize("dateline", ["London (ANTARA/Reuters) - ", "Jenewa (ANTARA/AFP, Reuters) - ",
                                      "Tokyo (ANTARA News/Kyodo) - "])
def test_agencies_after_antara_leave_antara_the_source_and_the_rest_in_the_removal(
        cleaner, url, dateline):
    record = cleaner.clean(dateline + "Pelatih Chelsea mengkritik timnya." + BODY, url=url)
    # `source` is one name (a list would change the record's schema): the first the dateline
    # names; the dateline, with every agency, is the removal's text.
    assert record["meta"]["source"] == "ANTARA"
    assert record["meta"]["location"] == dateline.split(" (")[0]
    assert record["removed"][0]["text"] == dateline
    assert record["text"].startswith("Pelatih Chelsea")


# A hang guard, not a speed check (a hostile input: the suite times no test).
@pytest.mark.timeout(60)
def test_a_dateline_of_endless_places_and_agencies_is_read_in_time(cleaner):
    hostile = ("Kupang, " * 20000 + "NTT (ANTARA" + "/Reuters" * 20000 + ") - Gubernur tiba."
               + BODY)
    record = cleaner.clean(hostile, url=ANTARA)
    assert record["meta"]["location"] is None or len(record["meta"]["location"]) < 100


@pytest.mark.parametrize("url", ["http://juara.bolasport.com/read/ragam/ragam/1820618-lintasan",
                                 "https://juara.net/read/sport/voli/174094-elektrik"])
@pytest.mark.parametrize("dateline, location", [("BOLASPORT.COM, PALEMBANG - ", "Palembang"),
                                                ("BOLASPORT.COM – ", None),
                                                ("Bolasport.com - ", None)])
def test_juaras_own_name_on_bolasport_is_juara(cleaner, url, dateline, location):
    record = cleaner.clean(dateline + "Lintasan Tanjung Senai siap menggelar balapan." + BODY,
                           url=url)
    assert (record["meta"]["source"], record["meta"]["location"]) == ("JUARA", location)
    assert record["removed"][0]["rule"] == "juara/dateline"


@pytest.mark.parametrize("url", ["https://www.bolasport.com/read/sport/voli/1822578-tim", None,
                                 "https://www.kompas.com/sport/read/2017/01/01/tim"])
def test_bolasport_outside_juaras_pages_keeps_its_name(cleaner, url):
    record = cleaner.clean("BOLASPORT.COM, PALEMBANG - Lintasan Tanjung Senai siap menggelar "
                           "balapan." + BODY, url=url)
    assert record["meta"]["source"] == "BOLASPORT.COM"


@pytest.fixture(scope="module")
def id_abbreviations(cleaner) -> frozenset[str]:
    """The Indonesian pack's abbreviations, as the pipeline reads them."""
    return lexicon(tuple(p for p in cleaner.packs if p.kind == "lang" and p.id == "id"))\
        .abbreviations


@pytest.mark.parametrize("whole", [
    "Kantornya di Jl. Gatot Subroto Kav. 52-53.Jakarta Selatan, kata dia.",
    "Kantornya di Jl. Gatot Subroto Kav. 52 - 53.Jakarta Selatan, kata dia.",
    "Kantornya di Jl. Melati No. 5\u20137.Jakarta Selatan, kata dia.",
    "Kantornya di Jl. Melati No.12-14.Jakarta Selatan, kata dia.",
])
def test_a_range_after_an_abbreviation_is_not_split(id_abbreviations, whole):
    assert split_glued(whole, id_abbreviations) == [whole]


@pytest.mark.parametrize("glued, parts", [
    # A score or code joined by a hyphen still ends a sentence: no abbreviation opens it.
    ("Skor akhir 2-1.Gol itu indah.", ["Skor akhir 2-1.", "Gol itu indah."]),
    ("Timnas U - 15.Wasit memimpin.", ["Timnas U - 15.", "Wasit memimpin."]),
    # The word before the range is not an abbreviation: "Rekav" holds "kav", "Kav" has no dot.
    ("Rekav. 52-53.Jakarta ramai.", ["Rekav. 52-53.", "Jakarta ramai."]),
    ("Kav 52-53.Jakarta ramai.", ["Kav 52-53.", "Jakarta ramai."]),
    # The abbreviation is further back than the range before the stop.
    ("Kav. 5 tahun 2016-2017.Jakarta ramai.", ["Kav. 5 tahun 2016-2017.", "Jakarta ramai."]),
])
def test_a_range_not_opened_by_an_abbreviation_still_splits(id_abbreviations, glued, parts):
    assert split_glued(glued, id_abbreviations) == parts


def test_which_words_open_a_range_is_pack_data():
    line = "Gedung itu di Kav. 52-53.Jakarta Selatan."
    assert split_glued(line, ["kav"]) == [line]
    assert split_glued(line, ["dr"]) == ["Gedung itu di Kav. 52-53.", "Jakarta Selatan."]


def test_a_word_the_window_cuts_is_no_abbreviation():
    # 80 letters then "kav.": the word is not "kav", though its last letters are.
    line = "B" * 80 + "kav. 52-53.Jakarta Selatan."
    assert split_glued(line, ["kav"]) == ["B" * 80 + "kav. 52-53.", "Jakarta Selatan."]


# A hang guard, not a speed check (a hostile input: the suite times no test).
@pytest.mark.timeout(60)
def test_a_long_line_of_ranges_is_split_in_time():
    line = "Kav. 52-53.Jakarta dan " * 40000 + "2-1.Gol."
    parts = split_glued(line, ["kav"])
    assert parts == [line[:-len("Gol.")], "Gol."]


def test_an_address_range_stays_one_paragraph_in_a_cleaned_record(cleaner):
    text = ("Kantor pusat perusahaan itu berada di Jl. Gatot Subroto Kav. 52-53.Jakarta Selatan, "
            "kata juru bicara perusahaan kepada wartawan pada Senin.")
    assert cleaner.clean(text)["text"] == text
