"""A place written in capitals is written as its name: the packs' particles inside it stay lower
case, as words, as parts between hyphens ("Port-au-Prince") or elided before an apostrophe
("Côte d'Ivoire"); the place particles (common.toml's place_particles: "au", "upon", "of") are a
place's only, not a byline's names. Wire datelines whose place holds an apostrophe that is no
English contraction ("SANA'A", "ST. JOHN'S") are cut by common/dateline-agency in any language,
and a US state's dotted abbreviation alone ('N.Y.') by en/dateline-state-agency, while initials
that name no place alone ('U.S.', 'D.C.') and contractions stay text, and so do headlines that
hold an abbreviation's possessive ("ST. PATRICK'S DAY", "MR. BIDEN'S WAR") or an abbreviation's
apostrophe ("NAT'L GUARD"). A particle after a compass word (common.toml's compass_words) opens a
name and keeps its capital ("West Des Moines")."""

from __future__ import annotations

import pytest

from cleaner.lexicon import lexicon, shipped_lexicon
from cleaner.metadata import place_name
from cleaner.rulefile import RuleFileError, load_pack

EN_URL = "https://example.com/news/1"
ID_URL = "https://example.co.id/berita/1"
EN_LEAD = ("Ferries to the outer islands sailed again on Thursday for the first time in a week, "
           "the harbour authority said, after crews cleared the wrecks from the main channel.\n\n"
           "Hundreds of people queued at the terminal before dawn, many of them carrying food and "
           "water for relatives who had been cut off since the storm made landfall.")
ID_LEAD = ("Presiden Joko Widodo meresmikan jalan tol baru di Jawa Tengah pada Senin pagi "
           "bersama sejumlah menteri kabinet.\n\nJalan tol itu memangkas waktu tempuh antarkota "
           "hingga dua jam, kata dia kepada wartawan di lokasi peresmian.")


@pytest.fixture(scope="module")
def particles() -> frozenset[str]:
    return shipped_lexicon().place_particles


@pytest.mark.parametrize("place, name", [
    ("PORT-AU-PRINCE", "Port-au-Prince"), ("CÔTE D'IVOIRE", "Côte d'Ivoire"),
    ("CÔTE D’IVOIRE", "Côte d’Ivoire"), ("STRATFORD-UPON-AVON", "Stratford-upon-Avon"),
    ("GUINEA-BISSAU", "Guinea-Bissau"), ("SAINT-LOUIS", "Saint-Louis"),
    ("SAINT-DENIS", "Saint-Denis"), ("AL-QUDS", "Al-Quds"), ("RAS AL-KHAIMAH", "Ras al-Khaimah"),
    ("ISLE OF MAN", "Isle of Man"), ("NEWCASTLE UPON TYNE", "Newcastle upon Tyne"),
    ("RIO DE JANEIRO", "Rio de Janeiro"), ("L'AQUILA", "L'Aquila"), ("N'DJAMENA", "N'Djamena"),
    ("VAL D'ISÈRE", "Val d'Isère"), ("LAKE VAN", "Lake Van"), ("LA PAZ", "La Paz"),
    ("DOHA, AL-KHOR", "Doha, Al-Khor"), ("ST. JOHN'S", "St. John's"), ("SANA'A", "Sana'a"),
    ("N.Y.", "N.Y."), ("BAU-BAU", "Bau-Bau"), ("Côte D'Ivoire", "Côte D'Ivoire"),
])
def test_a_place_in_capitals_is_written_with_its_particles(particles, place, name):
    assert place_name(place, particles) == name


@pytest.mark.parametrize("place", ["-", "--", "D'", "'", "AU-", "-AU-", "D'-D'", "’’’", "A--B",
                                   "PORT- -AU", "X.", ".", "N.Y.Z", "AU AU AU"])
def test_a_damaged_place_is_written_without_raising(particles, place):
    written = place_name(place, particles)
    assert written.casefold() == place_name(place).casefold()


def test_a_long_hostile_place_is_written_word_for_word(particles):
    place = "PORT-AU-" * 5000 + "PRINCE"
    written = place_name(place, particles)
    assert written.startswith("Port-au-Port-au-") and written.endswith("-au-Prince")


def test_the_place_particles_are_no_persons_name_particles():
    words = shipped_lexicon()
    assert {"au", "d'", "upon", "of", "de", "al"} <= words.place_particles
    assert not {"au", "d'", "upon", "of"} & words.name_particles
    assert words.name_particles <= words.place_particles


def test_a_pack_lists_its_place_particles(tmp_path):
    path = tmp_path / "xx.toml"
    path.write_text('[pack]\nid = "xx"\nkind = "lang"\nplace_particles = ["AU", "D\'"]\n',
                    encoding="utf-8")
    words = lexicon((load_pack(str(path)),))
    assert words.place_particles == {"au", "d'"} and not words.name_particles
    assert place_name("PORT-AU-PRINCE", words.place_particles) == "Port-au-Prince"


@pytest.mark.parametrize("head", ["place_particles = 3", 'place_particles = ["au", ""]',
                                  "place_particles = [true]", "place_particles = {au = 1}"])
def test_a_damaged_place_particle_list_is_refused_naming_the_file(tmp_path, head):
    path = tmp_path / "xx.toml"
    path.write_text(f'[pack]\nid = "xx"\nkind = "lang"\n{head}\n', encoding="utf-8")
    with pytest.raises(RuleFileError) as refused:
        load_pack(str(path))
    assert "xx.toml" in str(refused.value)


def _fields(record: dict) -> tuple[str | None, str | None]:
    return record["meta"]["location"], record["meta"]["source"]


@pytest.mark.parametrize("dateline, location, source", [
    ("SANA'A (Reuters) - ", "Sana'a", "Reuters"),
    ("SANA’A (Reuters) - ", "Sana’a", "Reuters"),
    ("ST. JOHN'S, Newfoundland (Reuters) - ", "St. John's", "Reuters"),
    ("ST. JOHN’S (AP) — ", "St. John’s", "AP"),
    ("PORT-AU-PRINCE (AFP) - ", "Port-au-Prince", "AFP"),
    ("STRATFORD-UPON-AVON (AFP) - ", "Stratford-upon-Avon", "AFP"),
])
@pytest.mark.parametrize("lead, url", [(EN_LEAD, EN_URL), (ID_LEAD, ID_URL)])
def test_a_wire_place_with_an_apostrophe_or_a_particle_is_a_dateline(cleaner, dateline, location,
                                                                     source, lead, url):
    record = cleaner.clean(dateline + lead, url=url)
    assert _fields(record) == (location, source)
    assert record["text"].startswith(lead.split()[0])
    assert [r["text"] for r in record["removed"]] == [dateline]


def test_a_states_abbreviation_alone_before_an_agency_is_the_place(cleaner):
    record = cleaner.clean("N.Y. (AP) — " + EN_LEAD, url=EN_URL)
    assert _fields(record) == ("N.Y.", "AP")
    assert [(r["rule"], r["text"]) for r in record["removed"]] == \
        [("en/dateline-state-agency", "N.Y. (AP) — ")]


@pytest.mark.parametrize("opening", [
    "U.S. (AP) — ", "D.C. (AP) — ", "WE'RE BACK (AP) — ", "HE'D GO (AP) — ",
    "DON'T GO (Reuters) - ", "BREXIT'S END (Reuters) - ", "THE BAND'S BACK (AP) — ",
    "N.Y.C. (AP) — ", "JOHN'S (AP) — ",
])
def test_initials_and_contractions_still_name_no_place(cleaner, opening):
    record = cleaner.clean(opening + EN_LEAD, url=EN_URL)
    assert _fields(record) == (None, None)
    assert record["text"].startswith(opening.strip())


def test_a_region_after_the_place_is_cut_but_not_its_location(cleaner):
    record = cleaner.clean("ST. JOHN'S, Newfoundland (Reuters) - " + ID_LEAD, url=ID_URL)
    assert [r["rule"] for r in record["removed"]] == ["common/dateline-agency"]
    assert record["meta"]["location"] == "St. John's"


def test_a_long_run_of_possessives_before_an_agency_is_no_place(cleaner):
    # Hostile input: a thousand place-like words are no dateline, and nothing raises.
    opening = "ST. JOHN'S SANA'A " * 1000 + "(AP) — "
    record = cleaner.clean(opening + EN_LEAD, url=EN_URL)
    assert record["meta"]["location"] is None


@pytest.mark.parametrize("opening", [
    "ST. PATRICK'S DAY (AP) — ", "MR. BIDEN'S WAR (Reuters) - ", "SEN. WARREN'S PLAN (AP) — ",
    "DR. SEUSS'S BIRTHDAY (AP) — ", "GEN. LEE'S SURRENDER (AP) — ", "ST. MARY'S CITY (AP) — ",
    "NAT'L GUARD (AP) — ", "INT'L SPACE STATION (AP) — ", "ASS'N MEETING (AP) — ",
    "SANA'A ROAD (AP) — ", "HAWAI'I FIVE (AP) — ", "ST. JOHN'S DAY (Reuters) - ",
])
def test_a_headline_with_an_abbreviation_or_an_apostrophe_is_no_dateline(cleaner, opening):
    record = cleaner.clean(opening + EN_LEAD, url=EN_URL)
    assert _fields(record) == (None, None)
    assert record["text"].startswith(opening.strip())


@pytest.mark.parametrize("opening", ["MR. JOKOWI'S (ANTARA) - ", "DO'A BERSAMA (ANTARA) - ",
                                     "DO'A (ANTARA) - "])
def test_an_indonesian_headline_with_an_apostrophe_is_no_dateline(cleaner, opening):
    record = cleaner.clean(opening + ID_LEAD, url=ID_URL)
    assert _fields(record) == (None, None)
    assert record["text"].startswith(opening.strip())


@pytest.mark.parametrize("dateline, location, source", [
    ("ST. JOHN'S, Newfoundland (Reuters) - ", "St. John's", "Reuters"),
    ("ST. MARY'S (AP) — ", "St. Mary's", "AP"), ("ST. LOUIS (AP) — ", "St. Louis", "AP"),
    ("ST. PAUL, Minn. (AP) — ", "St. Paul", "AP"),
    ("STE. GENEVIEVE (AP) — ", "Ste. Genevieve", "AP"),
    ("FT. LAUDERDALE (AP) — ", "Ft. Lauderdale", "AP"),
    ("MT. VERNON (AP) — ", "Mt. Vernon", "AP"),
    ("SAULT STE. MARIE (AP) — ", "Sault Ste. Marie", "AP"),
    ("SANA'A, Yemen (AP) — ", "Sana'a", "AP"), ("HAWAI'I (AP) — ", "Hawai'i", "AP"),
    ("N'DJAMENA (AFP) - ", "N'Djamena", "AFP"),
    ("XI'AN (Xinhua) - ", "Xi'an", "Xinhua"), ("L'AQUILA (Reuters) - ", "L'Aquila", "Reuters"),
])
def test_a_saints_place_or_a_place_with_an_apostrophe_stays_a_dateline(cleaner, dateline,
                                                                       location, source):
    record = cleaner.clean(dateline + EN_LEAD, url=EN_URL)
    assert _fields(record) == (location, source)
    assert record["text"].startswith(EN_LEAD.split()[0])


@pytest.fixture(scope="module")
def compass() -> frozenset[str]:
    return shipped_lexicon().compass_words


@pytest.mark.parametrize("place, name", [
    ("WEST DES MOINES", "West Des Moines"), ("SOUTH EL MONTE", "South El Monte"),
    ("NORTH LA CROSSE", "North La Crosse"), ("EAST ST. LOUIS", "East St. Louis"),
    ("WEST DES MOINES, IOWA", "West Des Moines, Iowa"),
    ("DAR ES SALAAM", "Dar es Salaam"), ("ISLE OF MAN", "Isle of Man"),
    ("PORT OF SPAIN", "Port of Spain"), ("FOND DU LAC", "Fond du Lac"),
    ("PRAIRIE DU CHIEN", "Prairie du Chien"), ("PORT-AU-PRINCE", "Port-au-Prince"),
    ("AIX-EN-PROVENCE", "Aix-en-Provence"), ("STRATFORD-UPON-AVON", "Stratford-upon-Avon"),
    ("NEWCASTLE UPON TYNE", "Newcastle upon Tyne"), ("CÔTE D'IVOIRE", "Côte d'Ivoire"),
    ("RIO DE JANEIRO", "Rio de Janeiro"), ("TERMAS DE RIO HONDO", "Termas de Rio Hondo"),
    ("MARINA DEL REY", "Marina del Rey"), ("BAY OF PLENTY", "Bay of Plenty"),
    ("SOUTHEND-ON-SEA", "Southend-on-Sea"), ("KAFR EL-SHEIKH", "Kafr el-Sheikh"),
])
def test_a_particle_after_a_compass_word_opens_a_name(particles, compass, place, name):
    assert place_name(place, particles, compass) == name


@pytest.mark.parametrize("dateline, location", [
    ("WEST DES MOINES, Iowa (AP) — ", "West Des Moines"),
    ("WEST DES MOINES (AP) — ", "West Des Moines"),
    ("SOUTH EL MONTE, Calif. (AP) — ", "South El Monte"),
    ("DAR ES SALAAM (Reuters) - ", "Dar es Salaam"),
    ("FOND DU LAC, Wis. (AP) — ", "Fond du Lac"),
])
def test_a_dateline_after_a_compass_word_keeps_its_particles_capital(cleaner, dateline, location):
    record = cleaner.clean(dateline + EN_LEAD, url=EN_URL)
    assert record["meta"]["location"] == location


@pytest.mark.parametrize("place", ["WEST", "WEST WEST", "WEST DES", "DES WEST DES", "WEST-DES-",
                                   "WEST ,DES MOINES", "WEST, DES"])
def test_a_damaged_place_with_a_compass_word_is_written_without_raising(particles, compass,
                                                                         place):
    written = place_name(place, particles, compass)
    assert written.casefold() == place_name(place).casefold()


def test_a_pack_lists_its_compass_words(tmp_path):
    path = tmp_path / "xx.toml"
    path.write_text('[pack]\nid = "xx"\nkind = "lang"\ncompass_words = ["WEST"]\n'
                    'place_particles = ["des"]\n', encoding="utf-8")
    words = lexicon((load_pack(str(path)),))
    assert words.compass_words == {"west"}
    assert place_name("WEST DES MOINES", words.place_particles, words.compass_words) == \
        "West Des Moines"
    assert place_name("WEST DES MOINES", words.place_particles) == "West des Moines"


@pytest.mark.parametrize("head", ["compass_words = 3", 'compass_words = ["west", ""]',
                                  "compass_words = [true]", "compass_words = {west = 1}"])
def test_a_damaged_compass_word_list_is_refused_naming_the_file(tmp_path, head):
    path = tmp_path / "xx.toml"
    path.write_text(f'[pack]\nid = "xx"\nkind = "lang"\n{head}\n', encoding="utf-8")
    with pytest.raises(RuleFileError) as refused:
        load_pack(str(path))
    assert "xx.toml" in str(refused.value)


def test_an_elided_particle_listed_with_a_curly_apostrophe_is_read_as_either(tmp_path):
    path = tmp_path / "xx.toml"
    path.write_text('[pack]\nid = "xx"\nkind = "lang"\nplace_particles = ["d’"]\n',
                    encoding="utf-8")
    words = lexicon((load_pack(str(path)),))
    assert place_name("CÔTE D'IVOIRE", words.place_particles) == "Côte d'Ivoire"
    assert place_name("CÔTE D’IVOIRE", words.place_particles) == "Côte d’Ivoire"


@pytest.mark.parametrize("dateline, location", [
    ("W.Va. (AP) — ", "W.Va."), ("N.Y. (AP) — ", "N.Y."), ("N.C. (AP) — ", "N.C."),
])
def test_a_states_abbreviation_alone_keeps_its_last_stop(cleaner, dateline, location):
    record = cleaner.clean(dateline + EN_LEAD, url=EN_URL)
    assert record["meta"]["location"] == location


@pytest.mark.parametrize("place, name", [
    ("W.Va.", "W.Va."), ("W.VA.", "W.Va."), ("N.Y.", "N.Y."), ("W.Va", "W.Va"),
    ("Washington, D.C.", "Washington, D.C."), ("J.SUDIRMAN.", "J.Sudirman"),
    ("HALIFAX, N.S.", "Halifax, N.S."), ("WASHINGTON D.C", "Washington D.C"),
    ("A.B.CDEF.", "A.B.Cdef"),
])
def test_initials_keep_their_stop_only_as_the_last_word_and_short(particles, place, name):
    assert place_name(place, particles) == name
