"""A wire dateline's place in capitals may hold an apostrophe ("N'DJAMENA", "CÔTE D'IVOIRE"),
initials ('D.I. YOGYAKARTA'), a dot ('ST. LOUIS') or hyphens ('AL-QUDS'): common/dateline-agency
(rules/common.toml) cuts it and fills location and source, in an Indonesian document as in an
English one, while the Indonesian pack's own shapes stay id/dateline-source-city's and a line in
capitals that names no place stays in the text: an English contraction ("WE'RE BACK",
"I'LL BE THERE") or initials alone ('U.S.')."""

from __future__ import annotations

import pytest

ID_URL = "https://example.co.id/berita/1"
ID_LEAD = ("Presiden Joko Widodo meresmikan jalan tol baru di Jawa Tengah pada Senin pagi "
           "bersama sejumlah menteri kabinet.")
ID_BODY = ("Jalan tol itu memangkas waktu tempuh antarkota hingga dua jam, kata dia kepada "
           "wartawan di lokasi peresmian.\n\nPemerintah menargetkan ruas berikutnya rampung "
           "pada akhir tahun depan, setelah pembebasan lahan selesai.")

EN_URL = "https://example.com/news/1"
EN_LEAD = ("Ferries to the outer islands sailed again on Thursday for the first time in a week, "
           "the harbour authority said, after crews cleared the wrecks from the main channel.")
EN_BODY = ("Hundreds of people queued at the terminal before dawn, many of them carrying food "
           "and water for relatives who had been cut off since the storm made landfall.\n\n"
           "The authority said a full timetable would return by the end of the month, once two "
           "damaged piers had been repaired and inspected by engineers.")

# The review's three places, which no rule took once id/dateline-source-city left a place in
# capitals before a one-word agency to common/dateline-agency.
REVIEWED = [
    ("N'DJAMENA (AFP) - ", "N'Djamena", "AFP"),
    ("D.I. YOGYAKARTA (ANTARA) - ", "D.I. Yogyakarta", "ANTARA"),
    ("CÔTE D'IVOIRE (AFP) - ", "Côte d'Ivoire", "AFP"),
]
MORE = [
    ("XI’AN (Xinhua) - ", "Xi’an", "Xinhua"),
    ("ST. LOUIS (AP) — ", "St. Louis", "AP"),
    ("AL-QUDS (AFP) - ", "Al-Quds", "AFP"),
]


def _indonesian(dateline: str) -> str:
    return f"{dateline}{ID_LEAD}\n\n{ID_BODY}"


def _english(dateline: str) -> str:
    return f"{dateline}{EN_LEAD}\n\n{EN_BODY}"


def _cut(record: dict) -> list[tuple[str, str]]:
    return [(r["rule"], r["text"].strip()) for r in record["removed"]]


def _fields(record: dict) -> tuple[str, str]:
    """The record's location, case folded (these tests check the marks' letters; the particles'
    capitals are test_a_marked_place_is_written_as_its_name's), and its source; a place left in
    capitals is not the name."""
    location = record["meta"]["location"]
    assert location is not None and not location.isupper(), location
    return location.casefold(), record["meta"]["source"]


@pytest.mark.parametrize("dateline, location, source", REVIEWED + MORE)
def test_a_marked_place_before_an_agency_is_cut_in_an_indonesian_document(cleaner, dateline,
                                                                          location, source):
    record = cleaner.clean(_indonesian(dateline), url=ID_URL)
    assert record["meta"]["lang"] == "id"
    assert _cut(record) == [("common/dateline-agency", dateline.strip())]
    assert record["text"].startswith(ID_LEAD)
    assert _fields(record) == (location.casefold(), source)


@pytest.mark.parametrize("dateline, location, source", REVIEWED + MORE)
def test_a_marked_place_before_an_agency_is_cut_in_an_english_document(cleaner, dateline,
                                                                       location, source):
    record = cleaner.clean(_english(dateline), url=EN_URL)
    assert record["meta"]["lang"] == "en"
    assert _cut(record) == [("common/dateline-agency", dateline.strip())]
    assert record["text"].startswith(EN_LEAD)
    assert _fields(record) == (location.casefold(), source)


@pytest.mark.parametrize("dateline, location", [
    ("CÔTE D'IVOIRE (AFP) - ", "Côte d'Ivoire"),
    ("PORT-AU-PRINCE (AFP) - ", "Port-au-Prince"),
])
def test_a_marked_place_is_written_as_its_name(cleaner, dateline, location):
    assert cleaner.clean(_english(dateline), url=EN_URL)["meta"]["location"] == location


@pytest.mark.parametrize("dateline, location, source", [
    ("Jakarta (ANTARA) - ", "Jakarta", "ANTARA"),
    ("BANDUNG, JAWA BARAT (RMOL) - ", "Bandung, Jawa Barat", "RMOL"),
    ("MEDAN (RMOL Sumut) - ", "Medan", "RMOL Sumut"),
])
def test_the_indonesian_packs_own_datelines_stay_its_rules(cleaner, dateline, location, source):
    record = cleaner.clean(_indonesian(dateline), url=ID_URL)
    assert _cut(record) == [("id/dateline-source-city", dateline.strip())]
    assert (record["meta"]["location"], record["meta"]["source"]) == (location, source)


@pytest.mark.parametrize("opening", [
    "I'M OUT (AP) — ",            # an apostrophe before one letter is a contraction
    "BREXIT'S END (Reuters) - ",  # or a possessive
    "‘NO DEAL’ (Reuters) - ",     # a quoted phrase in capitals
    "J. SMITH (AP) - ",           # one initial is a person's
    "WE'RE BACK (AP) — ",         # an apostrophe before a word's last RE, VE or LL is English's
    "I'LL BE THERE (Reuters) - ",
    "I'VE GOT IT (AP) — ",
    "YOU’RE FIRED (AP) — ",
    "SHE'LL BE BACK (AFP) - ",
    "U.S. (AP) — ",               # initials alone are no place
    "D.C. (AP) — ",
    "U.S. U.K. (Reuters) - ",
])
def test_capitals_that_name_no_place_stay(cleaner, opening):
    record = cleaner.clean(_english(opening), url=EN_URL)
    assert record["text"].startswith(opening.strip())
    assert (record["meta"]["location"], record["meta"]["source"]) == (None, None)


@pytest.mark.parametrize("dateline, location, source", [
    ("WASHINGTON D.C. (AP) — ", "washington d.c.", "AP"),   # initials after a place's word
    ("U.S. VIRGIN ISLANDS (AP) — ", "u.s. virgin islands", "AP"),
    ("D'REVEL (AFP) - ", "d'revel", "AFP"),           # RE opening a longer word is a place's
    ("L'LLANO (AFP) - ", "l'llano", "AFP"),
])
def test_initials_or_an_apostrophe_inside_a_place_still_make_a_dateline(cleaner, dateline,
                                                                       location, source):
    record = cleaner.clean(_english(dateline), url=EN_URL)
    assert _cut(record) == [("common/dateline-agency", dateline.strip())]
    found, found_source = _fields(record)
    # (A last full stop is kept after initials only, "Washington D.C.": "J.Sudirman".)
    assert (found.lower(), found_source) == (location, source)


def test_a_long_run_of_marked_capitals_is_no_place(cleaner):
    # Hostile input: thousands of place-like words before an agency are no dateline (a place
    # has four words at most), and reading them raises nothing.
    opening = "N'DJAMENA D.I. AL-QUDS ST. " * 2000 + "(AFP) - "
    record = cleaner.clean(_english(opening), url=EN_URL)
    assert record["meta"]["location"] is None
    assert "common/dateline-agency" not in {r["rule"] for r in record["removed"]}
