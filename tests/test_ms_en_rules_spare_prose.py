"""Malay and English rules and name splitting, from a review of them: a date-only line under
the text is a chronology's heading or a deadline, not the page's stamp; a related block takes its
titles, not the subheading under them; reported speech naming a network stays whoever said it; a
stamp's 'by' names people, not a helicopter or an order; a slash joins a name only in the packs'
name particles ('a/p'); shortcode markup, the rights line and the source label take no prose.
The people, quotes and dates are invented."""

from __future__ import annotations

import pytest

from cleaner import Cleaner
from cleaner.metadata import split_names

URL = "https://harian-contoh.com.my/2026/03/12/berita/semasa/x"
LEAD = "Kerajaan negeri mengumumkan bantuan tambahan kepada mangsa banjir di seluruh negeri itu semalam."
BODY = ["Menurut kenyataan itu, bantuan akan disalurkan melalui pejabat daerah masing-masing.",
        "Jiran mangsa berkata mereka masih menunggu bantuan daripada pihak berkuasa.",
        "Kes itu disiasat mengikut Seksyen 307 Kanun Keseksaan.",
        "Siasatan lanjut sedang dijalankan, kata polis."]
MS_PARTICLES = ("binte", "bte", "ibni", "a/l", "a/p", "s/o", "d/o")


@pytest.fixture(scope="module")
def malay():
    return Cleaner(lang="ms")


@pytest.fixture(scope="module")
def english():
    return Cleaner(lang="en")


def _doc(*lines: str) -> str:
    return "\n".join(lines)


def _rules(record: dict) -> list[tuple[str, str]]:
    return [(r["rule"], r["text"].strip()) for r in record["removed"]]


def _lines(record: dict) -> list[str]:
    return [line for line in record["text"].split("\n") if line.strip()]


# --- 1. a date alone under the text is the article's, but for a labelled stamp or one with a time --

CHRONOLOGY = """Kronologi banjir kilat di Lembah Klang

KUALA LUMPUR: Hujan lebat selama tiga jam menyebabkan banjir kilat di beberapa kawasan di ibu negara pada hujung minggu lalu.

Berikut kronologi kejadian:

Sabtu, 5 Ogos 2024

Pukul 4.30 petang, hujan lebat mula turun di sekitar Jalan Tun Razak dan Kampung Baru.

Pukul 6 petang, air mula naik di beberapa laluan utama dan kenderaan terkandas.

Ahad, 6 Ogos 2024

Pukul 8 pagi, air mula surut dan kerja pembersihan dijalankan oleh pihak berkuasa tempatan.

Dewan Bandaraya Kuala Lumpur berkata pihaknya akan mengkaji semula sistem saliran di kawasan terbabit.

Orang ramai diminta menghubungi talian kecemasan sekiranya memerlukan bantuan, katanya.
"""


def test_a_chronologys_day_headings_stay(malay):
    record = malay.clean(CHRONOLOGY)
    assert "Sabtu, 5 Ogos 2024" in _lines(record)
    assert "Ahad, 6 Ogos 2024" in _lines(record)
    assert record["meta"]["date"] is None


@pytest.mark.parametrize("tail", [
    ["Tarikh tutup permohonan:", "31 Mac 2026"],
    ["Permohonan dibuka dalam dua fasa iaitu:", "- 1 April 2026", "- 15 Mei 2026"],
    ["Keputusan akan diumumkan pada", "30 Jun 2026"],
    ["Sesi kedua:", "Isnin, 5 Ogos 2024"],
])
def test_a_date_alone_under_the_text_stays(malay, tail):
    record = malay.clean(_doc(LEAD, *BODY, *tail), url=URL, title="Tajuk berita")
    assert _lines(record)[-len(tail):] == tail
    assert record["meta"]["date"] == "2026-03-12"          # the url's, not the tail's


@pytest.mark.parametrize("stamp, date", [
    ("Diterbitkan: 13 Mac 2026", "2026-03-13"),
    ("Disiarkan pada 13 Mac 2026", "2026-03-13"),
    ("Dikemaskini: Khamis, 12 Disember 2019", "2019-12-12"),
    ("29 Julai 2021, 10:01 pm", "2021-07-29T22:01"),
    ("13 Mac 2026, 10:05 pagi", "2026-03-13"),
])
def test_a_stamp_under_the_text_goes_and_gives_the_date(malay, stamp, date):
    record = malay.clean(_doc(LEAD, *BODY, stamp), url=URL, title="Tajuk berita")
    assert _lines(record) == [LEAD, *BODY]
    assert record["meta"]["date"] == date


def test_a_date_alone_heading_the_text_is_still_its_date(malay):
    record = malay.clean(_doc("Isnin, 5 Ogos 2024", LEAD, *BODY), url=URL, title="Tajuk berita")
    assert _lines(record) == [LEAD, *BODY]
    assert record["meta"]["date"] == "2024-08-05"


# --- 4. a related block: sentence-case titles, not the subheading under them -------------------

def test_a_subheading_under_the_related_title_stays(malay):
    prose = "Suspek ditahan di sebuah rumah di Kajang pada jam 3 pagi."
    for subheading in ("Latar Belakang Kes", "LATAR BELAKANG KES", "Kronologi kejadian", "Kronologi"):
        record = malay.clean(_doc(LEAD, "BACA JUGA:", "Polis tahan dua lagi suspek", subheading,
                                  prose, *BODY), url=URL, title="Tajuk berita")
        assert _lines(record) == [LEAD, subheading, prose, *BODY]


def test_sentence_case_titles_under_the_heading_go(malay):
    titles = ["Polis tahan dua lagi suspek", "Dadah bernilai RM2 juta dirampas",
              "Anwar: Kerajaan tidak akan tunduk kepada desakan"]
    record = malay.clean(_doc(LEAD, "Artikel Berkaitan:", *titles, *BODY), url=URL,
                         title="Tajuk berita")
    assert _lines(record) == [LEAD, *BODY]


# --- 5. reported speech naming a network, whoever said it ------------------------------------------

@pytest.mark.parametrize("quote", [
    "Ikuti akaun Twitter rasmi JPS untuk paras air terkini, kata Menteri Besar, Datuk Seri Ahmad.",
    "Ikuti saluran Telegram rasmi agensi itu untuk makluman banjir terkini, menurut beliau.",
    "Ikuti saluran WhatsApp rasmi jabatan itu untuk maklumat terkini, demikian menurut kenyataan itu.",
    "Ikuti akaun Instagram rasmi agensi itu untuk makluman terkini, nasihat jabatan itu dalam satu kenyataan.",
    "Ikuti laman Facebook rasmi majlis untuk notis terkini, kata Yang Dipertua, Datuk Ali, kepada pemberita.",
])
def test_reported_speech_naming_a_network_stays(malay, quote):
    record = malay.clean(_doc(LEAD, BODY[0], quote, *BODY[1:]), url=URL, title="Tajuk berita")
    assert quote in _lines(record)


@pytest.mark.parametrize("promo", [
    "Ikuti kami di Telegram untuk berita hiburan terkini.",
    "Ikuti kami di Facebook, Instagram dan TikTok untuk berita terkini, sertai sekarang!",
])
def test_promos_still_go(malay, promo):
    record = malay.clean(_doc(LEAD, *BODY, promo), url=URL, title="Tajuk berita")
    assert ("ms/promo", promo) in _rules(record)


# --- 6. follow-us sentences: the last line only --------------------------------------------------

def test_a_follow_sentence_with_paragraphs_after_it_stays(english):
    line = "It ended with a request. Follow us on Twitter @FreeTheParks."
    record = english.clean(_doc("The post was shared 40,000 times before it was deleted.", line,
                                "Police said the account was run by a teenager in Ohio.",
                                "No charges have been filed."))
    assert line in _lines(record)


# --- 7. a stamp's 'by' before words no person is named -------------------------------------------

P = ("The city council voted on Tuesday to approve the new budget after a long debate over spending.\n"
     "Officials said the plan would take effect next month, according to a statement from the mayor's office.")


@pytest.mark.parametrize("line", [
    "Nov 19, 2019 5:45 AM by Coast Guard Helicopter",
    "9:30 AM ET 11/19/2019 by Executive Order",
    "Nov 19, 2019 5:45 AM by Popular Demand",
    "10:15 pm EST 3/4/2024 by Sleeper Train",
    "Nov 19, 2019 5:45 AM by Royal Appointment",
])
def test_a_stamp_by_no_person_names_no_author(english, line):
    record = english.clean(_doc("Storm Timeline", line, P))
    assert record["meta"]["authors"] == []
    assert line in _lines(record)


@pytest.mark.parametrize("line, authors", [
    ("5:45 AM PST 11/19/2019 by Patrick Shanley", ["Patrick Shanley"]),
    ("Nov 19, 2019 5:45 AM by Jane Doe and John Roe", ["Jane Doe", "John Roe"]),
    ("7:00 AM PST 11/19/2019 by Mary Clare Jalonick", ["Mary Clare Jalonick"]),
])
def test_a_stamp_by_people_still_names_them(english, line, authors):
    record = english.clean(_doc("Budget", line, P))
    assert record["meta"]["authors"] == authors


def test_a_british_summer_time_stamp_stays(english):
    line = "5:45 AM BST 11/19/2019 by Jane Doe"
    record = english.clean(_doc("Budget", line, P))
    assert line in _lines(record)


# --- 8. a slash joins only the packs' name particles ----------------------------------------------

@pytest.mark.parametrize("value, names", [
    ("Budi S/A Rahman", ["Budi S", "A Rahman"]),
    ("Ade S/Ismet Rauf", ["Ade S", "Ismet Rauf"]),
    ("Tatik Ariyani, Ade S/Ismet", ["Tatik Ariyani", "Ade S", "Ismet"]),
    ("Kavitha A/P", ["Kavitha A/P"]),
    ("Ramasamy A/P Kavitha", ["Ramasamy A/P Kavitha"]),
    ("S/O Rajan", ["S/O Rajan"]),
    ("Muthu a/l Raju/Ahmad", ["Muthu a/l Raju", "Ahmad"]),
    ("Kavitha a/p Ramasamy dan Tan Mei Ling", ["Kavitha a/p Ramasamy", "Tan Mei Ling"]),
    ("Rina/A/P Kavitha", ["Rina", "A/P Kavitha"]),
    ("Ade S / Ismet", ["Ade S", "Ismet"]),
])
def test_a_slash_joins_only_a_name_particle(value, names):
    assert split_names(value, ["dan"], MS_PARTICLES) == names


@pytest.mark.parametrize("value, names", [
    ("Budi S/A Rahman", ["Budi S", "A Rahman"]),
    ("Kavitha A/P", ["Kavitha A", "P"]),
])
def test_without_particles_every_slash_separates(value, names):
    assert split_names(value, ["dan"]) == names


@pytest.mark.parametrize("line, names", [
    ("Oleh Kavitha A/P", ["Kavitha A/P"]),
    ("Oleh Ramasamy A/P Kavitha", ["Ramasamy A/P Kavitha"]),
    ("Oleh Rajes Paul a/l Muthusamy", ["Rajes Paul a/l Muthusamy"]),
])
def test_a_malay_byline_keeps_its_particles(malay, line, names):
    record = malay.clean(_doc(line, LEAD, *BODY), url=URL, title="Tajuk berita")
    assert record["meta"]["authors"] == names


# --- minor: shortcode markup, the rights line, the source label -----------------------------------

def test_a_slash_word_is_no_closing_shortcode(english):
    line = "He used the phrase and[/or] in the contract, the lawyer said."
    record = english.clean(_doc(P, line, P))
    assert line in _lines(record)


def test_a_closing_shortcode_after_a_video_id_goes(english):
    record = english.clean(_doc(P, "The clip [video id=\"5812457001\"]5812457001_v1_pjuara[/video] ran twice.", P))
    assert "[/video]" not in record["text"]


@pytest.mark.parametrize("line", [
    "Hak cipta terpelihara 2026 dan dilindungi undang-undang negara.",
    "Menurut Akta itu, 2026. Hak cipta terpelihara.",
])
def test_a_sentence_about_copyright_stays(malay, line):
    record = malay.clean(_doc(LEAD, *BODY, line), url=URL, title="Tajuk berita")
    assert line in _lines(record)


@pytest.mark.parametrize("line", ["Hak Cipta Terpelihara 2026 Kosmo Digital Sdn Bhd",
                                  "Hak cipta terpelihara © 2026 Karangkraf Media Group Sdn. Bhd.",
                                  "© 2026 Utusan. Hak cipta terpelihara.",
                                  "Kosmo Digital Sdn Bhd 2026. Hak cipta terpelihara."])
def test_the_rights_line_still_goes(malay, line):
    record = malay.clean(_doc(LEAD, *BODY, line), url=URL, title="Tajuk berita")
    assert _lines(record) == [LEAD, *BODY]
