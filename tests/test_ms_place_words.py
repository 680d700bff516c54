"""The words after a Malay place word (KAMPUNG, BUKIT, SUNGAI, KUALA ...) before a colon or a dash
are a town's name unless the Malay pack's words read one of them as a verb or a club: a town
that opens as a verb does and that the pack lists ('KAMPUNG DIGI', 'BUKIT BERAKAN') is a
dateline, a passive verb without its suffix ('KAMPUNG DILANDA BANJIR', village hit by floods) and
a football club ('KUALA LUMPUR CITY') are not, and the line stays as it was. Every word of the
town is read for a verb's shape ('KAMPUNG BARU DILANDA BANJIR' and 'PULAU PINANG MENGHADAPI
KRISIS' are headlines; 'KAMPUNG SERI MENANTI' is a town the pack lists whole). di- before one
syllable, counted by the pack's vowels, is a town's ('KUALA DIPANG'), but for the stems the pack
lists as passive verbs' (`passive_stems`: 'KAMPUNG DIBOM'); ter- makes a passive verb as di-
does ('KAMPUNG TERJEJAS'), its stem opening with a consonant ('KUALA TERENGGANU' is a town).
A label a wire puts where the place stands ('EKSKLUSIF, Kata Polis (Bernama) -- ') is none.
Long or damaged lines of capitals and of place words are cleaned quickly, without raising."""

from __future__ import annotations


import pytest

from cleaner import Cleaner
from cleaner.lexicon import lexicon, shipped_lexicon
from cleaner.metadata import names_no_town, reads_as_passive, reads_as_verb
from cleaner.rulefile import Pack, RuleFileError, load_pack
from malay_items import BODY, cleaned_both, dateline_removals, item

TITLE = "Penduduk desak tindakan segera pulihkan bekalan air"
LEAD = ("Seramai 300 penduduk dipindahkan ke pusat pemindahan sementara sejak malam tadi, kata "
        "ketua kampung kepada pemberita.")


@pytest.fixture(scope="module")
def malay():
    return Cleaner(lang="ms")


@pytest.fixture(scope="module")
def detected():
    return Cleaner()


@pytest.mark.parametrize("line, place", [
    (f"KAMPUNG DIGI: {LEAD}", "Kampung Digi"),
    (f"KAMPUNG DIGI - {LEAD}", "Kampung Digi"),
    (f"BUKIT BERAKAN: {LEAD}", "Bukit Berakan"),
    (f"BUKIT BERAKAN – {LEAD}", "Bukit Berakan"),
    # Listed towns shaped as verbs, in any of the town's words.
    (f"BANDAR DIRAJA KLANG: {LEAD}", "Bandar Diraja Klang"),
    (f"KAMPUNG TERUSAN - {LEAD}", "Kampung Terusan"),
    (f"BUKIT MELAWATI: {LEAD}", "Bukit Melawati"),
    (f"PORT DICKSON - {LEAD}", "Port Dickson"),
    # Too short for a verb after di-.
    (f"KAMPUNG DIN - {LEAD}", "Kampung Din"),
])
def test_a_town_that_opens_as_a_verb_does_is_a_dateline(malay, detected, line, place):
    for record in cleaned_both(malay, detected, item(TITLE, line)):
        assert record["meta"]["location"] == place
        assert record["text"] == f"{LEAD}\n\n{BODY}"
        assert len(dateline_removals(record)) == 1
        assert "town" not in record["meta"]


@pytest.mark.parametrize("line", [
    f"KAMPUNG DILANDA BANJIR: {LEAD}",               # village hit by floods: di- and no suffix
    f"KAMPUNG DILANDA BANJIR - {LEAD}",
    f"SUNGAI DITUTUP: {LEAD}",
    f"KAMPUNG BARU DILANDA BANJIR: {LEAD}",          # the verb after a town's word
    f"KAMPUNG BERDEKATAN DIPINDAHKAN - {LEAD}",      # ber- and -an
    f"KUALA LUMPUR CITY: {LEAD}",                    # a football club
    f"KUALA LUMPUR CITY - {LEAD}",
    f"PULAU PINANG UNITED: {LEAD}",
])
def test_a_verb_or_a_club_after_a_place_word_stays_text(malay, detected, line):
    for record in cleaned_both(malay, detected, item(TITLE, line)):
        assert record["meta"]["location"] is None
        assert line in record["text"].split("\n\n")
        assert dateline_removals(record) == []


def test_a_verb_or_a_club_reads_by_the_shipped_malay_words():
    words = shipped_lexicon()
    assert [names_no_town(value, words) for value in
            ("DILANDA BANJIR", "LUMPUR CITY", "LUMPUR CITY FC", "DIGI", "BERANG", "DIAN",
             "BARU SG BULOH", "9 CHERAS", "DICKSON")] == \
        [True, True, True, False, False, False, False, False, False]
    assert reads_as_verb("dicemari", words) and reads_as_verb("menyediakan", words)
    assert not reads_as_verb("mertajam", words) and not reads_as_verb("terengganu", words)


# The review's real places (ms_towns): di- before a stem of one syllable, an active verb's shape
# after the town's first word, and the listed verb_towns; and the places it found kept as before.
REVIEW_TOWNS = [
    ("KUALA DIPANG", "Kuala Dipang"), ("PULAU DINAWAN", "Pulau Dinawan"),
    ("KAMPUNG DIMONG", "Kampung Dimong"), ("BUKIT DIMAN", "Bukit Diman"),
    ("KAMPUNG SERI MENANTI", "Kampung Seri Menanti"), ("BANDAR MEDINI", "Bandar Medini"),
    ("KAMPUNG TERATAI", "Kampung Teratai"), ("KAMPUNG BERSERI", "Kampung Berseri"),
    ("KAMPUNG MENTERI", "Kampung Menteri"), ("BUKIT BERUNTUNG", "Bukit Beruntung"),
    ("BATU BERENDAM", "Batu Berendam"), ("TANJUNG PIAI", "Tanjung Piai"),
    ("KUALA TERENGGANU", "Kuala Terengganu"), ("BUKIT MERTAJAM", "Bukit Mertajam"),
    ("SUNGAI DUA", "Sungai Dua"), ("KOTA SAMARAHAN", "Kota Samarahan"),
    ("PASIR PUTEH", "Pasir Puteh"), ("PULAU BERHALA", "Pulau Berhala"),
    ("TELUK BAHANG", "Teluk Bahang"), ("BANDAR PUTERI", "Bandar Puteri"),
]


@pytest.mark.parametrize("town, place", REVIEW_TOWNS)
@pytest.mark.parametrize("mark", [":", " -"])
def test_the_reviews_real_places_after_a_place_word_are_datelines(malay, detected, town, place,
                                                                   mark):
    line = f"{town}{mark} {LEAD}"
    for record in cleaned_both(malay, detected, item(TITLE, line)):
        assert record["meta"]["location"] == place
        assert record["text"] == f"{LEAD}\n\n{BODY}"
        assert len(dateline_removals(record)) == 1


@pytest.mark.parametrize("line", [
    f"SUNGAI DICEMARI: {LEAD}",                     # the review's: river polluted
    f"KUALA LUMPUR CITY: {LEAD}",                   # the review's: the club
    f"KAMPUNG DIBUKA SEMULA: {LEAD}",               # two syllables after di-: reopened
    f"PULAU DIJUAL - {LEAD}",                       # sold
    f"KAMPUNG SERI DILANDA BANJIR: {LEAD}",         # a passive verb after the first word
])
def test_a_passive_verb_of_two_syllables_or_a_club_still_stays_text(malay, detected, line):
    for record in cleaned_both(malay, detected, item(TITLE, line)):
        assert record["meta"]["location"] is None
        assert line in record["text"].split("\n\n")


# The third review's: an active verb after a town of two words opens a headline.
@pytest.mark.parametrize("line", [
    f"PULAU PINANG MENGHADAPI KRISIS: {LEAD}",
    f"KUALA LUMPUR MENGHADAPI KESESAKAN: {LEAD}",
    f"KOTA BHARU MELANCARKAN KEMPEN: {LEAD}",
    f"BATU PAHAT MEMERLUKAN HOSPITAL: {LEAD}",
    f"PULAU PINANG BERSEDIAKAN: {LEAD}",
    f"PULAU PINANG BERSEDIAKAN - {LEAD}",
])
def test_an_active_verb_after_a_towns_first_word_stays_text(malay, detected, line):
    for record in cleaned_both(malay, detected, item(TITLE, line)):
        assert record["meta"]["location"] is None
        assert line in record["text"].split("\n\n")
        assert dateline_removals(record) == []


def test_a_town_listed_whole_keeps_its_word_shaped_as_a_verb():
    words = shipped_lexicon()
    assert [names_no_town(value, words) for value in
            ("SERI MENANTI", "MENANTI", "PINANG MENANTI", "SERI MENANTI MENGHADAPI",
             "PINANG SERI MENANTI", "TERACHI", "SERI", "")] == \
        [False, True, True, True, False, False, False, False]


# A passive verb of one syllable after di- ('DIBOM', bombed; 'DICAT', painted) has a stem too
# short for the syllable count, as the towns 'DIPANG' and 'DIMONG' have: the pack's
# passive_stems list tells it, so the headline's words stay text.
def test_a_passive_verb_of_one_syllable_stays_text(malay):
    line = f"KAMPUNG DIBOM: {LEAD}"
    record = malay.clean(item(TITLE, line))
    assert record["meta"]["location"] is None


def test_the_first_word_is_read_for_any_verb_and_later_ones_for_the_passive():
    words = shipped_lexicon()
    assert [names_no_town(value, words) for value in
            ("DIPANG", "DIMONG", "DINAWAN", "SERI MENANTI", "MEDINI", "TERATAI", "BERSERI",
             "MENTERI", "BARU DILANDA BANJIR", "MENANTI", "SERI DIBUKA", "SERI MENANTI FC",
             "BERDEKATAN DIPINDAHKAN")] == \
        [False, False, False, False, False, False, False, False, True, True, True, True, True]
    assert [reads_as_passive(word, words) for word in
            ("dilanda", "ditutup", "dibuka", "dijual", "dicemari", "dipindahkan", "dipang",
             "dimong", "diman", "dinding", "dian", "din", "di", "")] == \
        [True, True, True, True, True, True, False, False, False, False, False, False, False,
         False]


def test_without_the_packs_words_no_town_is_refused():
    words = lexicon((Pack("xx", "lang", "xx.toml"),))
    assert not names_no_town("DILANDA BANJIR", words)
    assert not names_no_town("LUMPUR CITY", words)


def _pack_file(tmp_path, head: str, pattern: str = "") -> str:
    path = tmp_path / "xx.toml"
    rule = (f"\n[[rule]]\nid = \"xx/dateline\"\naction = \"meta\"\npattern = '{pattern}'\n"
            "remove = [\"KAMPUNG DIGI - Polis\"]\n") if pattern else ""
    path.write_text(f"[pack]\nid = \"xx\"\nkind = \"lang\"\n{head}\n{rule}", encoding="utf-8")
    return str(path)


def test_a_pack_lists_its_verb_and_club_words(tmp_path):
    pack = load_pack(_pack_file(tmp_path, 'passive_prefixes = ["DI-"]\nverb_suffixes = ["-kan"]\n'
                                          'verb_towns = ["Digi"]\nclub_words = ["FC"]\n'
                                          'vowels = "AEIOU"\npassive_stem_syllables = 2'))
    assert pack.passive_prefixes == {"di-"} and pack.verb_towns == {"digi"}
    assert pack.vowels == set("aeiou") and pack.passive_stem_syllables == 2
    words = lexicon((pack,))
    assert words.passive_prefixes == ("di",) and words.verb_suffixes == ("kan",)
    assert names_no_town("DILANDA", words) and not names_no_town("DIGI", words)
    assert names_no_town("ABC FC", words)


def test_a_pack_without_vowels_or_a_syllable_count_reads_no_stem_by_its_syllables(tmp_path):
    head = 'passive_prefixes = ["di-"]\nverb_suffixes = ["-kan"]'
    for number, extra in enumerate(("", '\nvowels = "aeiou"', "\npassive_stem_syllables = 2",
                                    '\nvowels = "aeiou"\npassive_stem_syllables = 0')):
        folder = tmp_path / str(number)         # a path of its own: lexicons are kept by path
        folder.mkdir()
        words = lexicon((load_pack(_pack_file(folder, head + extra)),))
        assert not reads_as_passive("dilanda", words)
        assert reads_as_passive("dipindahkan", words)       # the suffix's rule stays


def test_the_malay_pack_gives_its_vowels_and_the_passive_stems_syllables():
    words = shipped_lexicon()
    assert words.vowels == set("aeiou") and words.passive_stem_syllables == 2


@pytest.mark.parametrize("head", ['verb_prefixes = [""]', "verb_suffixes = 3",
                                  'verb_towns = ["digi", 4]', 'club_words = "  "',
                                  "vowels = 5", 'vowels = ""', 'vowels = "a e"',
                                  "passive_stem_syllables = -1", "passive_stem_syllables = true",
                                  'passive_stem_syllables = "2"', "passive_stem_syllables = 99",
                                  "passive_stem_syllables = 2.5"])
def test_a_damaged_verb_or_club_list_is_refused_naming_the_file(tmp_path, head):
    path = _pack_file(tmp_path, head)
    with pytest.raises(RuleFileError) as refused:
        load_pack(path)
    assert "xx.toml" in str(refused.value)


def test_a_town_group_outside_a_captured_location_is_refused(tmp_path):
    path = _pack_file(tmp_path, "", r"^KAMPUNG (?P<town>[A-Z]+) \((?P<source>[A-Z]+)\) - ")
    with pytest.raises(RuleFileError) as refused:
        load_pack(path)
    assert "town" in str(refused.value) and "location" in str(refused.value)
    assert load_pack(_pack_file(tmp_path, "", r"^(?P<location>KAMPUNG (?P<town>[A-Z]+)) - "))


# A hang guard, not a speed check (a hostile input: the suite times no test).
@pytest.mark.timeout(60)
@pytest.mark.parametrize("line", [
    "KAMPUNG " + "DILANDA " * 10000 + ": " + LEAD,      # a 10,000-word capitals line
    "KAMPUNG " + "DIGI " * 10000 + "- " + LEAD,
    " ".join(["KAMPUNG", "BUKIT", "SUNGAI", "KUALA", "PADANG"] * 2000) + ": " + LEAD,
    " ".join(["KAMPUNG", "BUKIT", "SUNGAI", "KUALA", "PADANG"] * 2000),   # place words only
    "KAMPUNG BUKIT SUNGAI KUALA PADANG KOTA",
    "KAMPUNG DI" + "LANDA" * 20000 + ": " + LEAD,
    "KAMPUNG " + "FC " * 10000 + "CITY: " + LEAD,
    "KAMPUNG DI\ud83dLANDA: " + LEAD,
    "KAMPUNG ＤＩＬＡＮＤＡ: " + LEAD,
    "KAMPUNG SERI " + "DILANDA" * 20000 + ": " + LEAD,  # a later word's passive, 140,000 letters
    "KAMPUNG DI" + "NG" * 50000 + "I: " + LEAD,         # di- and a suffix after a long stem
])
def test_long_or_damaged_place_word_lines_are_cleaned_quickly_without_raising(malay, line):
    record = malay.clean(item(TITLE, line))
    assert record["meta"]["location"] is None
    assert dateline_removals(record) == []



@pytest.mark.parametrize("line", [
    f"KAMPUNG DICAT: {LEAD}",            # painted: a stem of one syllable the pack lists
    f"PULAU DIPAM - {LEAD}",             # pumped
    f"KAMPUNG TERJEJAS: {LEAD}",         # affected: ter- before two syllables, no suffix
    f"BUKIT TERBAKAR - {LEAD}",          # burnt
    f"KAMPUNG BARU TERJEJAS: {LEAD}",    # after the town's first word too
])
def test_a_listed_one_syllable_stem_or_a_ter_verb_stays_text(malay, detected, line):
    for record in cleaned_both(malay, detected, item(TITLE, line)):
        assert record["meta"]["location"] is None
        assert line in record["text"].split("\n\n")
        assert dateline_removals(record) == []


@pytest.mark.parametrize("town, place", [
    ("KUALA DIPANG", "Kuala Dipang"), ("KAMPUNG DIGI", "Kampung Digi"),
    ("BUKIT BERAKAN", "Bukit Berakan"), ("KUALA TERENGGANU", "Kuala Terengganu"),
    ("KAMPUNG TERONG", "Kampung Terong"), ("KAMPUNG TERUSAN", "Kampung Terusan"),
    ("KAMPUNG SERI MENANTI", "Kampung Seri Menanti"), ("KUALA TERIANG", "Kuala Teriang"),
])
def test_towns_shaped_as_di_or_ter_verbs_stay_towns(malay, detected, town, place):
    for record in cleaned_both(malay, detected, item(TITLE, f"{town}: {LEAD}")):
        assert record["meta"]["location"] == place


def test_terengganu_alone_stays_a_dateline(malay):
    record = malay.clean(item(TITLE, f"TERENGGANU: {LEAD}"))
    assert record["meta"]["location"] == "Terengganu"


def test_the_malay_pack_lists_its_one_syllable_passive_stems_and_ter():
    words = shipped_lexicon()
    assert {"bom", "cat", "pam"} <= words.passive_stems and "ter" in words.passive_prefixes
    assert [reads_as_passive(w, words) for w in ("dibom", "terjejas", "terong", "dipang",
                                                 "terbom", "di", "ter")] == \
        [True, True, False, False, True, False, False]


@pytest.mark.parametrize("head", ['passive_stems = 3', 'passive_stems = ["bom", ""]',
                                  "passive_stems = [1]", "passive_stems = {bom = 1}"])
def test_a_damaged_passive_stem_list_is_refused_naming_the_file(tmp_path, head):
    with pytest.raises(RuleFileError) as refused:
        load_pack(_pack_file(tmp_path, head))
    assert "xx.toml" in str(refused.value)


def test_a_passive_stem_is_read_only_after_a_passive_prefix(tmp_path):
    words = lexicon((load_pack(_pack_file(tmp_path, 'passive_prefixes = ["di-"]\n'
                                                    'passive_stems = ["BOM"]')),))
    assert reads_as_passive("dibom", words)
    assert not reads_as_passive("bom", words) and not reads_as_passive("kebom", words)


@pytest.mark.parametrize("line, place", [
    (f"PULAU TERNATE - {LEAD}", "Pulau Ternate"),          # the island and city, North Maluku
    (f"PULAU TERNATE: {LEAD}", "Pulau Ternate"),
    (f"KAMPUNG TERSUSUN - {LEAD}", "Kampung Tersusun"),    # a planned village's name
    (f"KAMPUNG TERSUSUN: {LEAD}", "Kampung Tersusun"),
    (f"KAMPUNG TERBANGGI: {LEAD}", "Kampung Terbanggi"),   # Terbanggi Besar, Lampung
])
def test_listed_towns_shaped_as_ter_verbs_are_datelines(malay, detected, line, place):
    for record in cleaned_both(malay, detected, item(TITLE, line)):
        assert record["meta"]["location"] == place
        assert LEAD in record["text"].split("\n\n") and line not in record["text"]


@pytest.mark.parametrize("line", [
    f"KAMPUNG TERJEJAS: {LEAD}", f"PULAU TERBAKAR - {LEAD}", f"KAMPUNG TERKUAK: {LEAD}",
    f"KAMPUNG TERABAI - {LEAD}",
])
def test_unlisted_ter_verbs_beside_the_listed_towns_stay_text(malay, detected, line):
    for record in cleaned_both(malay, detected, item(TITLE, line)):
        assert record["meta"]["location"] is None
        assert line in record["text"].split("\n\n")


@pytest.mark.parametrize("line", [
    f"EKSKLUSIF, Kata Polis (Bernama) -- {LEAD}",
    f"BERITA TERKINI, Kata Polis (Bernama) -- {LEAD}",
    f"AMARAN, Jabatan Meteorologi (Bernama) -- {LEAD}",
    f"AMARAN (Bernama) -- {LEAD}",
    f"EKSKLUSIF - {LEAD}",
])
def test_a_label_before_a_wire_name_is_no_place(malay, detected, line):
    for record in cleaned_both(malay, detected, item(TITLE, line)):
        assert record["meta"]["location"] is None
        assert line in record["text"].split("\n\n")


@pytest.mark.parametrize("line, place", [
    (f"KUALA LUMPUR, Isnin (Bernama) -- {LEAD}", "Kuala Lumpur"),
    (f"KOTA KINABALU, Sabah (Bernama) -- {LEAD}", "Kota Kinabalu"),
    (f"SANA'A, Yaman (Bernama) -- {LEAD}", "Sana'a"),
])
def test_a_place_before_a_wire_name_stays_a_dateline(malay, detected, line, place):
    for record in cleaned_both(malay, detected, item(TITLE, line)):
        assert record["meta"]["location"] == place


def test_the_malay_pack_lists_its_labels_as_no_places():
    words = shipped_lexicon()
    assert {"eksklusif", "berita terkini", "amaran"} <= words.not_places
    assert not {"kuala lumpur", "ternate", "pulau"} & words.not_places
