"""The forms an English and Malay acceptance run (India, Malaysia, the UK and the US) left: the
Times of India's 'TNN' stamps, the Indian Express's 'PLACE | Updated: ...', Indian sites'
closing calls, BBC's 'Related Topics', a Lee paper's byline without a separator, the Guardian's
name and job without a comma, FMT's 'Stay current' call, Bernama's Malay closing paragraph,
Malaysiakini's time-only update stamp and a name-led lead with an acronym in brackets under a
Malaysian dateline. Each item is written for these tests; people and quotes are invented."""

from __future__ import annotations

import pytest

from cleaner import Cleaner

LEAD = "The civic body said on Tuesday that the work would be finished before the monsoon."
BODY = ["Officials said the contractors had been told to keep one lane open at all times.",
        "Residents of the area have complained about the dust for months."]


@pytest.fixture(scope="module")
def english():
    return Cleaner(lang="en")


@pytest.fixture(scope="module")
def malay():
    return Cleaner(lang="ms")


def _doc(*lines: str) -> str:
    return "\n".join(lines)


def _lines(record: dict) -> list[str]:
    return [line for line in record["text"].split("\n") if line.strip()]


def _rules(record: dict) -> list[str]:
    return [r["rule"] for r in record["removed"]]


@pytest.mark.parametrize("stamp, authors, date", [
    ("Neha Madaan | TNN | Updated: Mar 14, 2024, 08:05 IST", ["Neha Madaan"], "2024-03-14"),
    ("TNN | Mar 15, 2024, 06:30 IST", [], "2024-03-15"),
    ("TNN / Updated: Mar 16, 2024, 11:20 IST", [], "2024-03-16"),
])
def test_times_of_india_stamps(english, stamp, authors, date):
    record = english.clean(_doc("Water cut in 14 wards on Thursday", stamp, LEAD, *BODY))
    assert _lines(record) == [LEAD, *BODY]
    assert record["meta"]["authors"] == authors
    assert record["meta"]["date"].startswith(date)


def test_a_sentence_naming_tnn_stays(english):
    line = "TNN reporters who visited the drain found heaps of plastic waste along its banks."
    record = english.clean(_doc("Water cut in 14 wards on Thursday", LEAD, line, *BODY))
    assert line in _lines(record)


def test_indian_express_place_before_the_stamp(english):
    record = english.clean(_doc("Why the air got worse this week",
                                "Mumbai | Updated: March 14, 2024 18:20 IST", LEAD, *BODY))
    assert _lines(record) == [LEAD, *BODY]
    assert record["meta"]["location"] == "Mumbai"
    assert record["meta"]["date"].startswith("2024-03-14")


@pytest.mark.parametrize("promo", [
    "Catch all the Business News, Market News, Breaking News Events and Latest News Updates on "
    "Live Mint. Download The Mint News App to get Daily Market Updates.",
    "Catch all the Mumbai News and Latest News Updates on The Times of India.",
    "Track Latest News Live on NDTV.com and get news updates from India and around the world.",
])
def test_indian_site_promos_go(english, promo):
    record = english.clean(_doc("Metro trial run next week", LEAD, *BODY, promo))
    assert _lines(record) == [LEAD, *BODY]
    assert "en/site-news-promo" in _rules(record)


def test_bbc_related_topics_go_with_the_topics(english):
    record = english.clean(_doc("Villages cut off as rivers burst banks", LEAD, *BODY,
                                "Related Topics", "Flooding", "Environment Agency"))
    assert _lines(record) == [LEAD, *BODY]


@pytest.mark.parametrize("byline, author, source", [
    ("By Margaret Reist Lincoln Journal Star", "Margaret Reist", "Lincoln Journal Star"),
    ("By Erin Bamer Omaha World-Herald", "Erin Bamer", "Omaha World-Herald"),
])
def test_lee_byline_names_the_paper_as_source(english, byline, author, source):
    record = english.clean(_doc("Council approves road repair plan", byline, LEAD, *BODY))
    assert record["meta"]["authors"] == [author]
    assert record["meta"]["source"] == source


@pytest.mark.parametrize("line, author", [
    ("Ben Quinn Political correspondent", "Ben Quinn"),
    ("Peter Walker Deputy political editor", "Peter Walker"),
])
def test_guardian_name_and_job_without_comma(english, line, author):
    record = english.clean(_doc("Voters unconvinced by budget tax cuts", line, LEAD, *BODY))
    assert _lines(record) == [LEAD, *BODY]
    assert record["meta"]["authors"] == [author]


def test_a_line_opening_with_a_job_stays(english):
    line = "Political editor Pippa Crerar was in the gallery as the prime minister spoke."
    record = english.clean(_doc("Voters unconvinced by budget tax cuts", line, *BODY))
    assert line in _lines(record)


def test_fmt_stay_current_goes_mid_text(english):
    body = ["He said more than 3,000 households had registered for the aid so far.",
            "Applications can also be made at district offices, he said.",
            "The aid will be paid into bank accounts within two weeks.",
            "Those without accounts can collect cash at post offices.",
            "The department has set up a hotline for enquiries.",
            "It will be open from 8am to 10pm daily until the end of the month.",
            "Officers will also visit relief centres to help with registration."]
    promo = "Stay current - Follow FMT on WhatsApp, Google News and Telegram"
    record = english.clean(_doc("Flood victims to get aid", LEAD, promo, *body))
    assert _lines(record) == [LEAD, *body]


def test_petaling_jaya_lead_with_an_acronym(english):
    lead = ("The Malaysian Meteorological Department (MetMalaysia) has issued a yellow-level "
            "warning of continuous heavy rain in five states until Friday.")
    record = english.clean(_doc("Heavy rain expected in five states", "PETALING JAYA: " + lead,
                                *BODY))
    assert _lines(record)[0] == lead
    assert record["meta"]["location"] == "Petaling Jaya"


def test_bernama_malay_closing_paragraph_goes(malay):
    lead = "Jabatan Pengangkutan Jalan menahan 120 kenderaan dalam operasi khas malam tadi."
    footer = ("BERNAMA menyediakan informasi dan berita terkini yang sahih dan komprehensif yang "
              "disebarkan melalui Wires BERNAMA; www.bernama.com; BERNAMA TV di saluran Astro 502.")
    body = ["Pengarahnya berkata kesalahan utama ialah lesen memandu yang sudah tamat tempoh.",
            "Sebanyak 85 notis saman dikeluarkan kepada pemandu kenderaan berat dalam operasi itu.",
            "Operasi itu akan diteruskan sepanjang musim perayaan di semua lebuh raya utama."]
    record = malay.clean(_doc("JPJ tahan 120 kenderaan", lead, *body, "-- BERNAMA", footer))
    assert _lines(record) == [lead, *body]


def test_malaysiakini_time_only_update_goes(malay):
    lead = "Bekalan air di 20 kawasan akan terputus selama 12 jam esok bagi kerja penyelenggaraan."
    record = malay.clean(_doc("Bekalan air terputus esok", "Diterbitkan: Rabu, 13 Mac 2024 4:15 PM",
                              "Dikemaskini: 5:40 PM", "Oleh Aidila Razak", lead))
    assert _lines(record) == [lead]
    assert record["meta"]["date"].startswith("2024-03-13")
