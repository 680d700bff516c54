"""A word in capitals before a dash that the packs list as naming no place (a label such as
EKSKLUSIF, an institution such as KPK) is no dateline: the lead keeps it, the record gets no
location, and the rest of the line is cleaned as if the dateline rule had not matched."""

from __future__ import annotations


import pytest

from cleaner import Cleaner
from cleaner.lexicon import lexicon
from cleaner.metadata import names_no_place
from cleaner.rulefile import Pack, RuleFileError, load_pack, load_packs

# A second paragraph in plain Indonesian, so that the language is read as Indonesian.
BODY = ("\n\nIa mengatakan bahwa hal itu akan dibahas dalam rapat yang digelar di kantor "
        "tersebut pada pekan depan, dan hasilnya akan diumumkan kepada masyarakat.")


def _rules(record: dict) -> list[str]:
    return [removal["rule"] for removal in record["removed"]]


def _words(*not_places: str):
    """The Lexicon of one pack listing these words."""
    # Lexicons are kept by their packs' paths: each list is a path of its own.
    return lexicon((Pack("xx", "lang", repr(not_places), not_places=frozenset(not_places)),))


@pytest.mark.parametrize("lead", [
    "EKSKLUSIF - Dokumen rahasia yang diperoleh redaksi menunjukkan bahwa anggaran proyek itu "
    "membengkak.",
    "KPK - Komisi Pemberantasan Korupsi menahan seorang kepala daerah di Jawa Timur.",
    "PERINGATAN - Hujan lebat disertai angin kencang diperkirakan melanda Jakarta sore ini.",
    "BREAKING NEWS - Gempa berkekuatan 6,2 mengguncang Sulawesi Tengah pagi ini.",
    "BMKG – Badan Meteorologi, Klimatologi, dan Geofisika mencatat gempa susulan.",
    "UPDATE TERKINI -- Jumlah korban banjir bertambah menjadi 12 orang.",
    "INFOGRAFIS - \"Angka ini terus naik,\" kata juru bicara satgas.",
    "KLARIFIKASI - Berita yang kami muat kemarin memuat kesalahan nama.",
    # An institution of a province or a city: the acronym opens it.
    "BAWASLU JAWA TIMUR - Badan Pengawas Pemilu menemukan 20 pelanggaran.",
    "POLDA METRO JAYA - Polisi menangkap tiga tersangka pencurian mobil.",
    # A label or an acronym before a comma and a publisher, or a wire in brackets.
    "EKSKLUSIF, KOMPAS.com - Dokumen rahasia yang diperoleh redaksi menunjukkan hal itu.",
    "KPK (ANTARA) - Komisi Pemberantasan Korupsi menahan seorang bupati.",
])
def test_a_label_or_an_institution_before_a_dash_stays_in_the_lead(cleaner, lead):
    record = cleaner.clean(lead + BODY)
    assert record["meta"]["location"] is None
    assert record["text"].startswith(lead.split(" ")[0])
    assert record["removed"] == []


@pytest.mark.parametrize("lead, location", [
    ("JAKARTA - Presiden Joko Widodo meresmikan jalan tol baru.", "Jakarta"),
    ("BANDA ACEH -- Gempa mengguncang Aceh pagi tadi.", "Banda Aceh"),
    ("SURABAYA – \"Kami siap,\" kata wali kota kepada wartawan.", "Surabaya"),
    # Places whose names begin as a listed word does, but are other words.
    ("BINJAI - Warga memadati alun-alun kota sejak pagi.", "Binjai"),
    ("PANGANDARAN - Ombak tinggi melanda pantai selatan.", "Pangandaran"),
    ("NUNUKAN - Ratusan pekerja migran dipulangkan dari Malaysia.", "Nunukan"),
    ("KUPANG, NTT - Presiden tiba di bandara.", "Kupang"),
    ("Sukabumi, Jawa Barat (ANTARA) - Pusat Pelayanan dibuka.", "Sukabumi"),
])
def test_a_real_dateline_still_gives_its_place(cleaner, lead, location):
    record = cleaner.clean(lead + BODY)
    assert record["meta"]["location"] == location
    assert not record["text"].startswith(lead.split(" ")[0])


def test_the_rest_of_the_line_is_cleaned_as_if_the_dateline_had_not_matched(cleaner):
    # The label stays, and the related-article link inside the same paragraph still goes.
    lead = ("PERINGATAN - Hujan lebat diperkirakan melanda Jakarta sore ini (Baca juga: Banjir "
            "di Bekasi) dan malam nanti.")
    record = cleaner.clean(lead + BODY)
    assert record["text"].startswith("PERINGATAN - Hujan lebat diperkirakan melanda Jakarta")
    assert "Baca juga" not in record["text"]
    assert _rules(record) == ["id/related-inline"] and record["meta"]["location"] is None


def test_after_a_cut_the_rest_is_searched_without_the_refused_rule(cleaner):
    # The reporter line goes first (the Tribun site pack's rule, its signature read); the label
    # after it is no dateline, and the link after that is still found on what is left.
    lead = ("Laporan Wartawan Tribun Jabar, Mega Nugraha EKSKLUSIF - Dokumen rahasia yang "
            "diperoleh redaksi (Baca juga: Anggaran Proyek Membengkak) menunjukkan hal itu.")
    record = cleaner.clean(lead + BODY)
    assert record["text"].startswith("EKSKLUSIF - Dokumen rahasia yang diperoleh redaksi")
    assert "Baca juga" not in record["text"]
    assert _rules(record) == ["tribunnews/reporter-header", "id/related-inline"]
    assert record["meta"]["authors"] == ["Mega Nugraha"] and record["meta"]["location"] is None


@pytest.mark.parametrize("value, listed", [
    ("EKSKLUSIF", True), ("Eksklusif", True), ("BREAKING NEWS", True),
    ("BREAKING \t NEWS", True), ("KPK, Jakarta", True), ("BAWASLU JAWA TIMUR", True),
    ("ＥＫＳＫＬＵＳＩＦ", True),          # full-width capitals read as the word
    ("JAKARTA", False), ("BREAKING", False), ("NEWS", False), ("BINJAI", False),
    ("Sukabumi, Jawa Barat", False), ("", False), (" , ", False),
])
def test_names_no_place_compares_whole_leading_words(value, listed):
    words = _words("eksklusif", "breaking news", "kpk", "bawaslu")
    assert names_no_place(value, words) is listed


def test_a_place_is_a_place_without_a_list():
    assert names_no_place("EKSKLUSIF", lexicon(())) is False


# -- hostile input -----------------------------------------------------------------------------

# A hang guard, not a speed check (a hostile input: the suite times no test).
@pytest.mark.timeout(60)
@pytest.mark.parametrize("lead", [
    "A" * 50_000 + " - Dokumen rahasia yang diperoleh redaksi menunjukkan hal itu.",
    "KPK " * 20_000 + "- Komisi menahan seorang bupati.",
    "ＫＰＫ - Komisi Pemberantasan Korupsi menahan seorang bupati.",
    "EKSKLUSİF - Dokumen rahasia yang diperoleh redaksi menunjukkan hal itu.",
    "ЕКСКЛЮЗИВ - Документ показывает, что бюджет вырос.",
    "K\u0336P\u0336K\u0336 - Komisi menahan seorang bupati.",
    "KPK\u200b - Komisi Pemberantasan Korupsi menahan seorang bupati.",
    "\ud83d - Komisi menahan seorang bupati.",
    "EKSKLUSIF\u2028- Dokumen rahasia yang diperoleh redaksi.",
])
def test_hostile_capitals_before_a_dash_do_not_raise(cleaner, lead):
    record = cleaner.clean(lead + BODY)
    assert isinstance(record["text"], str) and record["text"]


def test_a_long_capital_word_is_no_listed_label():
    # No listed word: the dateline rule reads it as it did before the list (with a body
    # long enough for the guard to let the rule cut it; the language named, as the text's
    # first 3,000 characters hold no word to read it by).
    lead = "A" * 50_000 + " - Dokumen rahasia yang diperoleh redaksi."
    record = Cleaner(lang="id").clean(lead + BODY * 400)
    assert record["meta"]["location"] == "A" + "a" * 49_999
    assert record["text"].startswith("Dokumen rahasia")


def test_full_width_capitals_read_as_the_listed_word(cleaner):
    record = cleaner.clean("ＫＰＫ - Komisi Pemberantasan Korupsi menahan seorang bupati." + BODY)
    assert record["meta"]["location"] is None and record["text"].startswith("ＫＰＫ - Komisi")


def test_a_zero_width_space_in_an_acronym_is_dropped_before_it_is_compared(cleaner):
    record = cleaner.clean("KPK\u200b - Komisi Pemberantasan Korupsi menahan seorang bupati."
                           + BODY)
    assert record["meta"]["location"] is None and record["text"].startswith("KPK - Komisi")


# A hang guard, not a speed check (a hostile input: the suite times no test).
@pytest.mark.timeout(60)
def test_names_no_place_takes_a_value_of_many_words_in_linear_time():
    words = _words("kpk", "breaking news")
    assert names_no_place("KPK " * 200_000, words) is True
    assert names_no_place("JAKARTA " * 200_000, words) is False


def test_the_answers_kept_stay_few_and_short():
    # Every article of a hostile dump opening with a new word in capitals, some of them long.
    words = _words("kpk")
    for number in range(10_000):
        assert names_no_place(f"TEMPAT{number}", words) is False
        assert names_no_place(f"KPK {'X' * 100} {number}", words) is True
    assert 0 < len(words.place_answers) <= 4096
    assert max(map(len, words.place_answers)) <= 64
    # A place asked again is answered alike.
    assert names_no_place("TEMPAT1", words) is False and names_no_place("KPK", words) is True


# -- packs -------------------------------------------------------------------------------------

@pytest.mark.parametrize("value, reason", [
    ("[1, 2]", "not_places"), ('"KPK"', None), ('[""]', "empty word"),
    ('["  "]', "empty word"), ("{a = 1}", "not_places"),
])
def test_a_bad_not_places_list_is_refused_naming_the_file(tmp_path, value, reason):
    path = tmp_path / "xx.toml"
    path.write_text(f'[pack]\nkind = "lang"\nnot_places = {value}\n', encoding="utf-8")
    if reason is None:                  # one word alone is a list of one, as for other keys
        assert load_pack(path).not_places == frozenset({"kpk"})
        return
    with pytest.raises(RuleFileError, match=reason) as info:
        load_pack(path)
    assert "xx.toml" in str(info.value)


def test_the_packs_lists_are_merged_and_lower_cased(tmp_path):
    site = tmp_path / "berita.example.toml"
    site.write_text('[pack]\nid = "berita.example"\nkind = "site"\nlang = "id"\n'
                    'domains = ["berita.example"]\nnot_places = ["SOROTAN", "Kilas  Daerah"]\n',
                    encoding="utf-8")
    cleaner = Cleaner(rules=[site])
    lead = "SOROTAN - Harga cabai di pasar induk naik dua kali lipat pekan ini."
    record = cleaner.clean(lead + BODY, url="https://berita.example/a/1")
    assert record["meta"]["location"] is None and record["text"].startswith("SOROTAN - Harga")
    # Its two words compare with one space; the language pack's words still count; a place
    # neither lists is still a place.
    record = cleaner.clean("KILAS DAERAH - Harga cabai naik." + BODY,
                           url="https://berita.example/a/2")
    assert record["meta"]["location"] is None
    record = cleaner.clean("KPK - Komisi menahan seorang bupati." + BODY,
                           url="https://berita.example/a/3")
    assert record["meta"]["location"] is None
    record = cleaner.clean("MEDAN - Harga cabai naik." + BODY, url="https://berita.example/a/4")
    assert record["meta"]["location"] == "Medan"


def test_listed_words_are_compared_as_the_text_is():
    # A list written in full-width letters or with two spaces still names the word.
    words = _words("ＳＯＲＯＴＡＮ", "kilas  daerah")
    assert names_no_place("SOROTAN", words) and names_no_place("KILAS DAERAH", words)


def test_a_listed_word_of_only_commas_names_nothing():
    # Folded, it is empty: it must not make every place, or an empty one, none.
    words = _words(",", " ,, ")
    assert words.not_places == frozenset()
    assert not names_no_place("JAKARTA", words) and not names_no_place(",", words)


def test_a_hostile_list_leaves_places_alone():
    words = _words("A" * 50_000, "\u200b", "KPK\u0000")
    assert names_no_place("A" * 50_000, words) and names_no_place("KPK\u0000", words)
    assert not names_no_place("JAKARTA", words) and not names_no_place("KPK", words)


def test_the_indonesian_pack_lists_labels_and_institutions():
    indonesian = next(p for p in load_packs() if p.kind == "lang" and p.id == "id")
    assert {"eksklusif", "peringatan", "breaking news", "kpk", "bmkg", "polri"} \
        <= indonesian.not_places


# From the second review: a topic's kicker before the lead is no place either.
@pytest.mark.parametrize("kicker", ["KORUPSI", "DEMO", "BANJIR", "PILKADA", "NARKOBA"])
def test_a_topics_kicker_before_the_lead_stays(cleaner, kicker):
    lead = f"{kicker} - Ribuan warga berkumpul di depan gedung itu sejak pagi, kata polisi."
    record = cleaner.clean(lead + BODY)
    assert record["text"].startswith(lead) and record["meta"]["location"] is None
