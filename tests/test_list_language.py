"""A list under a sentence that introduces it (a forecast by city, a table of results) is in
the language of its sentences: its lines of names, places, scores and times hold no stopwords,
and over all its words the language's stopwords fell under the share that names one, so it got
`no-language` and none of its language's rules (left-out of session 49's acceptance runs). Its
prose lines (six words or more, half opening in lower case) are now counted alone where the whole
falls short. A list with no such line, and prose in a language no pack serves, get no language
as before."""

from __future__ import annotations

import pytest

from cleaner import Cleaner

CITIES = ["Bandung", "Bekasi", "Bogor", "Cirebon", "Depok", "Garut", "Karawang", "Sukabumi",
          "Tasikmalaya"]
FORECAST = ("Prakiraan Cuaca Jawa Barat Hari Ini\n"
            "BMKG merilis prakiraan cuaca untuk wilayah Jawa Barat pada Rabu (2/12/2026).\n"
            + "".join(f"{city} - Hujan ringan, 19-27 derajat Celsius\n" for city in CITIES)
            + "Simak berita lainnya di Google News")
CLUBS = [("Arsenal", "Everton"), ("Chelsea", "Brighton"), ("Liverpool", "Fulham"),
         ("Aston Villa", "Nottingham Forest"), ("Brentford", "Newcastle United"),
         ("Leicester City", "Wolverhampton"), ("Crystal Palace", "Southampton"),
         ("Manchester City", "Manchester United"), ("Bournemouth", "West Ham")]
RESULTS = ("Premier League Results\n"
           "Here are the results of the weekend's matches in the Premier League, with the "
           "scorers.\n"
           + "".join(f"{home} 2-1 {away} (Saka 12, Rice 70; Doe 45)\n" for home, away in CLUBS)
           + "Advertisement")
SCHEDULE = ("Jadwal Liga Inggris Pekan Ini\nBerikut jadwal lengkapnya:\n"
            + "".join(f"Sabtu 19.30 WIB: {home} vs {away}\n" for home, away in CLUBS))
GERMAN = ("Bundesliga am Samstag\n"
          "Die Ergebnisse des Spieltags in der Bundesliga im Überblick, mit allen Toren und "
          "Torschützen an einem langen Nachmittag:\n"
          + "".join(f"{home} 2:1 {away} (Müller 12, Kane 70; Wirtz 45)\n" for home, away in CLUBS))


@pytest.fixture(scope="module")
def cleaner() -> Cleaner:
    return Cleaner()


def test_a_forecast_by_city_is_in_its_sentences_language(cleaner):
    record = cleaner.clean(FORECAST)
    assert record["meta"]["lang"] == "id" and record["flags"] == []
    # (an Indonesian rule's, which ran now: the promo went)
    assert ("id/read-more-link", "Simak berita lainnya di Google News") in [
        (r["rule"], r["text"]) for r in record["removed"]]
    assert "Bekasi - Hujan ringan, 19-27 derajat Celsius" in record["text"]


def test_a_table_of_results_is_in_its_sentences_language(cleaner):
    record = cleaner.clean(RESULTS)
    assert record["meta"]["lang"] == "en" and record["flags"] == []
    assert "Chelsea 2-1 Brighton (Saka 12, Rice 70; Doe 45)" in record["text"]


@pytest.mark.parametrize("text", [SCHEDULE, GERMAN], ids=["no-prose-line", "german"])
def test_a_list_without_a_packs_prose_gets_no_language(cleaner, text):
    record = cleaner.clean(text)
    assert record["meta"]["lang"] is None
    assert [flag["flag"] for flag in record["flags"]] == ["no-language"]


def test_a_declared_language_is_still_weighed_against_the_whole_texts_stopwords(cleaner):
    # Three English "in" against two Indonesian "di" in 40 words, and a prose line holding no
    # stopword: the prose lines name no language, and the declared Indonesian, behind English's
    # count in the whole text, is not taken (the prose lines' counts, none, were weighed
    # against it: it was taken).
    text = "\n".join(["Persija 2-1 Persib in Jakarta"] * 3 + ["Arema 0-0 Bali di Malang"] * 2
                     + ["pertandingan berlangsung meriah sepanjang sore hari ribuan penonton "
                        "memadati tribun stadion kebanggaan warga kota setempat"])
    assert cleaner.index.language(text, "id") is None
