"""Antara's English edition: its own pack (rules/sites/en.antaranews.com.toml), chosen by its
host or, without a url, by the dateline both editions share and the text's language
(PackIndex.in_text_language); and the Indonesian pack's older dateline with a day and month."""

from __future__ import annotations

import pytest

from cleaner import Cleaner
from cleaner.identify import PackIndex

ENGLISH = ("Jakarta (ANTARA) - Indonesia plans to raise its rice output next year, the agriculture "
           "minister said on Monday.\n"
           "The ministry will distribute seeds and fertiliser to farmers in 20 provinces, he told "
           "reporters in Jakarta.\n"
           "\"We expect the harvest to improve by 5 percent,\" he said.\n"
           "Reporter: Andi Firdaus\n"
           "Editor: Rahmad Nasution\n"
           "COPYRIGHT © ANTARA 2023")
INDONESIAN = ("Jakarta (ANTARA) - Menteri Pertanian mengatakan pemerintah akan menambah produksi "
              "beras tahun depan.\n"
              "Kementerian akan membagikan benih dan pupuk kepada petani di 20 provinsi, kata dia "
              "kepada wartawan di Jakarta.\n"
              "Reporter: Andi Firdaus\n"
              "Editor: Rahmad Nasution")
EN_URL = "https://en.antaranews.com/news/12345/indonesia-to-boost-rice-output"
ID_URL = "https://www.antaranews.com/berita/12345/upacara-kemerdekaan"


@pytest.fixture(scope="module")
def cleaner() -> Cleaner:
    return Cleaner()


def _removed(record: dict, rule: str) -> list[str]:
    return [r["text"] for r in record["removed"] if r["rule"] == rule]


def _assert_english_antara(record: dict) -> None:
    meta = record["meta"]
    assert (meta["lang"], meta["site"]) == ("en", "en.antaranews.com")
    assert (meta["location"], meta["source"]) == ("Jakarta", "ANTARA")
    assert meta["authors"] == ["Andi Firdaus"] and meta["editors"] == ["Rahmad Nasution"]
    assert _removed(record, "antaranews-en/dateline") == ["Jakarta (ANTARA) - "]
    assert _removed(record, "antaranews-en/reporter-label") == ["Reporter: Andi Firdaus"]
    assert "(ANTARA)" not in record["text"] and "Reporter" not in record["text"]
    assert record["text"].startswith("Indonesia plans to raise its rice output")


# --- 1. no url: the shared dateline names the edition the text's words are in ---------------

def test_an_english_text_with_antaras_dateline_declaring_english_is_english(cleaner):
    _assert_english_antara(cleaner.clean(ENGLISH, lang="en"))


def test_an_english_text_with_antaras_dateline_declaring_nothing_is_english(cleaner):
    _assert_english_antara(cleaner.clean(ENGLISH))


@pytest.mark.parametrize("declared", [None, "en", "id"])
def test_an_indonesian_text_with_antaras_dateline_stays_indonesian(cleaner, declared):
    # A wrong `lang: en` field is overruled by the text's words, as for any site's document.
    record = cleaner.clean(INDONESIAN, lang=declared)
    meta = record["meta"]
    assert (meta["lang"], meta["site"]) == ("id", "antaranews.com")
    assert (meta["location"], meta["source"]) == ("Jakarta", "ANTARA")
    assert _removed(record, "antaranews/dateline") == ["Jakarta (ANTARA) - "]


def test_an_indonesian_text_declaring_english_is_indonesian_on_other_sites_too(cleaner):
    # What identify.py does elsewhere, which the Antara case keeps: a site's url gives its
    # language, and without a site the text's stopwords overrule a wrong field.
    body = INDONESIAN.replace("Jakarta (ANTARA) - ", "")
    tribun = cleaner.clean(body, url="https://www.tribunnews.com/x/1", lang="en")
    assert tribun["meta"]["lang"] == "id"
    assert cleaner.clean(body, lang="en")["meta"]["lang"] == "id"


def test_a_short_dateline_without_language_evidence_keeps_the_indonesian_pack(cleaner):
    # Too few words to tell the editions apart: the first pack loaded, as before.
    record = cleaner.clean("Jakarta (ANTARA) - Banjir.")
    assert record["meta"]["site"] == "antaranews.com"


@pytest.mark.parametrize("text", [
    "Jakarta (ANTARA) - ",
    "Jakarta (ANTARA) - \x00\ufffd\u200b",
    "Jakarta (ANTARA) - 東京都は月曜日、新たな感染対策を発表した。飲食店に対して営業時間の短縮を要請する。",
    "Jakarta (ANTARA) - " + "the " * 5000,
    "Jakarta (ANTARA) - \ud83d half an emoji, the minister said on Monday in Jakarta.",
])
@pytest.mark.parametrize("declared", [None, "en", "xx", 5, ""])
def test_damaged_or_odd_text_with_the_shared_dateline_never_raises(cleaner, text, declared):
    record = cleaner.clean(text, lang=declared)
    assert record["meta"]["site"] in ("antaranews.com", "en.antaranews.com")
    assert record["meta"]["source"] in ("ANTARA", None)


def test_packs_of_one_language_are_told_apart_without_reading_the_text(cleaner):
    index = cleaner.index
    indonesian = [p for p in index.sites if p.lang == "id"][:2]

    def refuse(*args, **kwargs):
        raise AssertionError("the language was read")

    probe = PackIndex(index.sites + index.common + list(index.langs.values()))
    probe.language = refuse  # type: ignore[method-assign]
    assert probe.in_text_language(indonesian, ENGLISH) is indonesian[0]


def test_packs_of_two_languages_go_by_the_texts_language(cleaner):
    index = cleaner.index
    both = [index.site_by_host("antaranews.com"), index.site_by_host("en.antaranews.com")]
    assert index.in_text_language(both, ENGLISH).id == "en.antaranews.com"
    assert index.in_text_language(both, INDONESIAN).id == "antaranews.com"
    assert index.in_text_language(both, "").id == "antaranews.com"


# --- 2. the English edition's url -------------------------------------------------------------

def test_the_english_editions_url_gets_its_dateline_and_reporter(cleaner):
    record = cleaner.clean(ENGLISH, url=EN_URL, lang="en")
    _assert_english_antara(record)
    assert record["meta"]["url"] == EN_URL


@pytest.mark.parametrize("url", ["https://www.antaranews.com/en/news/12345/rice",
                                 "https://m.antaranews.com/en/news/12345/rice"])
def test_the_english_edition_under_the_sites_path_gets_the_editions_pack(cleaner, url):
    # (an edition named in the path gets the pack of the subdomain named after it)
    record = cleaner.clean(ENGLISH, url=url, lang="en")
    _assert_english_antara(record)


def test_an_indonesian_text_under_the_english_path_stays_indonesian(cleaner):
    record = cleaner.clean(INDONESIAN, url="https://www.antaranews.com/en/news/12345/rice")
    assert (record["meta"]["lang"], record["meta"]["site"]) == ("id", "antaranews.com")


def test_the_english_editions_url_keeps_a_transcripts_reporter_line(cleaner):
    text = ENGLISH.replace("Reporter: Andi Firdaus",
                           "Reporter: The minister declined to comment on the plan.")
    record = cleaner.clean(text, url=EN_URL)
    assert "Reporter: The minister declined to comment on the plan." in record["text"]
    assert record["meta"]["authors"] == []


def test_the_english_pack_does_not_run_on_the_indonesian_site(cleaner):
    record = cleaner.clean(INDONESIAN, url=ID_URL)
    assert record["meta"]["site"] == "antaranews.com"
    assert not any(r["rule"].startswith("antaranews-en/") for r in record["removed"])


# --- 3. the Indonesian site's older dateline: 'Jakarta, 17/8 (ANTARA) - ' --------------------

OLD = ("Jakarta, 17/8 (ANTARA) - Upacara peringatan kemerdekaan digelar di Istana Merdeka pada "
       "Senin pagi.\nPresiden memimpin upacara itu bersama para menteri.")


def test_an_old_dateline_with_day_and_month_gives_place_and_source(cleaner):
    record = cleaner.clean(OLD, url=ID_URL)
    meta = record["meta"]
    assert (meta["location"], meta["source"]) == ("Jakarta", "ANTARA")
    assert _removed(record, "antaranews/dateline") == ["Jakarta, 17/8 (ANTARA) - "]
    assert record["text"].startswith("Upacara peringatan kemerdekaan")


@pytest.mark.parametrize("line", [
    "Jakarta, 17/8 (ANTARA) menyebutkan upacara digelar di Istana Merdeka pada Senin pagi.",
    "Jakarta, 32/13 (ANTARA) - Upacara digelar di Istana Merdeka pada Senin pagi.",
])
def test_text_like_an_old_dateline_stays(cleaner, line):
    record = cleaner.clean(line + "\nPresiden memimpin upacara itu.", url=ID_URL)
    assert record["text"].startswith(line)
    assert record["meta"]["location"] is None


def test_an_old_dateline_below_the_head_stays(cleaner):
    head = "\n".join(f"Paragraf ke-{i} berisi kalimat yang panjang tentang upacara."
                     for i in range(8))
    record = cleaner.clean(head + "\n" + OLD.splitlines()[0], url=ID_URL)
    assert OLD.splitlines()[0] in record["text"]
    assert _removed(record, "antaranews/dateline") == []


def test_an_old_dateline_without_a_url_names_the_indonesian_site(cleaner):
    # The signature reads the day and month too: a text dump of old items has no urls.
    record = cleaner.clean(OLD)
    meta = record["meta"]
    assert (meta["site"], meta["lang"]) == ("antaranews.com", "id")
    assert (meta["location"], meta["source"]) == ("Jakarta", "ANTARA")


def test_the_lang_option_names_the_edition_without_reading_the_text(cleaner):
    forced = Cleaner(lang="en")
    record = forced.clean("Jakarta (ANTARA) - Banjir.")
    assert (record["meta"]["site"], record["meta"]["lang"]) == ("en.antaranews.com", "en")


# --- 4. an Indonesian item at the English edition's host -------------------------------------
# en.antaranews.com's pack is English and antaranews.com's Indonesian: at a host both claim (the
# one itself, the other a parent), the text's language chooses, as the shared dateline does.

ID_AT_EN = ("Jakarta (ANTARA) - Pemerintah berencana menaikkan produksi beras tahun depan untuk "
            "memenuhi kebutuhan penduduk yang terus bertambah, kata menteri pertanian pada Senin.\n"
            "Kementerian akan memperluas irigasi di Jawa dan Sulawesi, katanya, dan petani akan "
            "mendapat benih yang lebih baik.\n"
            "Pewarta: Andi Firdaus\n"
            "Editor: Rahmad Nasution")


@pytest.mark.parametrize("declared", ["id", None, "en"])
def test_an_indonesian_text_at_the_english_editions_url_is_indonesian(cleaner, declared):
    # A wrong `lang: en` field is overruled by the text's words, as without a url.
    record = cleaner.clean(ID_AT_EN, url=EN_URL, lang=declared)
    meta = record["meta"]
    assert (meta["site"], meta["lang"]) == ("antaranews.com", "id")
    assert meta["authors"] == ["Andi Firdaus"] and meta["editors"] == ["Rahmad Nasution"]
    assert _removed(record, "antaranews/dateline") == ["Jakarta (ANTARA) - "]
    assert "Pewarta" not in record["text"]
    assert not any(r["rule"].startswith("antaranews-en/") for r in record["removed"])


@pytest.mark.parametrize("declared", ["en", None, "id"])
def test_an_english_text_at_the_english_editions_url_stays_english(cleaner, declared):
    # A wrong `lang: id` field is overruled by the words as well.
    _assert_english_antara(cleaner.clean(ENGLISH, url=EN_URL, lang=declared))


@pytest.mark.parametrize("text", ["Jakarta (ANTARA) - Banjir.", "Banjir!", "2023", ""])
def test_a_short_text_at_the_english_editions_url_keeps_the_nearest_hosts_pack(cleaner, text):
    assert cleaner.clean(text, url=EN_URL)["meta"]["site"] == "en.antaranews.com"


def test_a_short_text_at_the_english_editions_url_declaring_indonesian_is_indonesian(cleaner):
    # Too few words to overrule a record's own field, which then names the edition.
    record = cleaner.clean("Jakarta (ANTARA) - Banjir.", url=EN_URL, lang="id")
    assert (record["meta"]["site"], record["meta"]["lang"]) == ("antaranews.com", "id")


def test_the_lang_option_names_the_edition_at_the_english_editions_url():
    record = Cleaner(lang="id").clean(ENGLISH, url=EN_URL)
    assert (record["meta"]["site"], record["meta"]["lang"]) == ("antaranews.com", "id")


def test_an_indonesian_page_at_the_english_editions_url_is_indonesian(cleaner):
    # A page's pack is found by its url before its text is extracted (html_clean).
    body = "".join(f"<p>{line}</p>" for line in ID_AT_EN.splitlines())
    html = (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"></head>'
            f"<body><article>{body}</article></body></html>")
    meta = cleaner.clean_html(html, url=EN_URL)["meta"]
    assert (meta["site"], meta["lang"]) == ("antaranews.com", "id")


@pytest.mark.parametrize("text", [
    "Jakarta (ANTARA) - \x00\ufffd\u200b",
    "Pewarta: \ud83d Andi Firdaus, kata dia di Jakarta pada Senin yang lalu itu dan ini",
    "東京都は月曜日、新たな感染対策を発表した。" * 20,
    "Цены на рис выросли в Джакарте, сообщил министр сельского хозяйства в понедельник.",
    "yang " * 5000,
    "\n\n\n",
])
@pytest.mark.parametrize("declared", [None, "id", "xx", 5, ""])
def test_damaged_or_odd_text_at_the_english_editions_url_never_raises(cleaner, text, declared):
    record = cleaner.clean(text, url=EN_URL, lang=declared)
    assert record["meta"]["site"] in ("antaranews.com", "en.antaranews.com")


def test_a_host_under_the_english_edition_is_told_apart_as_it_is(cleaner):
    record = cleaner.clean(ID_AT_EN, url="https://m.en.antaranews.com/news/1/x")
    assert record["meta"]["site"] == "antaranews.com"
    assert cleaner.index.site_for_host("m.en.antaranews.com", ENGLISH).id == "en.antaranews.com"


def _refusing_probe(index: PackIndex) -> PackIndex:
    """A copy of the index that fails where a text's language is read."""
    def refuse(*args, **kwargs):
        raise AssertionError("the language was read")

    probe = PackIndex(index.sites + index.common + list(index.langs.values()))
    probe.language = refuse  # type: ignore[method-assign]
    return probe


@pytest.mark.parametrize(("url", "site"), [
    (ID_URL, "antaranews.com"),
    ("https://www.kompas.com/read/1", "kompas.com"),
    # intisari.grid.id and grid.id are claimed by two packs, both Indonesian.
    ("https://intisari.grid.id/read/1", "intisari-online.com"),
    ("https://www.grid.id/read/1", "grid.id"),
])
def test_a_host_whose_packs_share_a_language_is_named_without_reading_the_text(cleaner, url, site):
    assert _refusing_probe(cleaner.index).packs_for(ENGLISH, url)[0].id == site


def test_the_english_editions_host_reads_the_text_and_keeps_its_nearest_pack(cleaner):
    # site_by_host, which other callers use (suggest's claims, fixtures' sites), is unchanged.
    assert cleaner.index.site_by_host("en.antaranews.com").id == "en.antaranews.com"
    with pytest.raises(AssertionError, match="the language was read"):
        _refusing_probe(cleaner.index).packs_for(ID_AT_EN, EN_URL)


@pytest.mark.parametrize("url, site", [
    ("https://www.antaranews.com/en/news/12345/rice", "en.antaranews.com"),
    ("https://m.antaranews.com/en/news/12345/rice", "en.antaranews.com"),
    ("https://www.goal.com/en/news/12345/derby", "goal.com")])
def test_the_lang_option_naming_the_paths_edition_gets_the_editions_packs(url, site):
    # (--lang says what the text's words would: the edition's pack, or no site pack but the
    # language's, not the site's own rules for its own language's pages)
    packs = Cleaner(lang="en").index.packs_for(ENGLISH, url, lang="en")
    ids = [pack.id for pack in packs]
    assert "en" in ids and "antaranews.com" not in ids and "goal.com" not in ids
    assert (site in ids) == (site == "en.antaranews.com")
