"""A place word in capitals before a colon or a dash (KUALA, SUNGAI, BATU...) opens a Malay
dateline only when the words after it read as a town's name: a headline in capitals ('SUNGAI
DICEMARI SISA TOKSIK', its first word a verb), a football club ('KUALA LUMPUR CITY FC'), a label
the pack lists ('BATU API') and a match's score after the colon ('KUALA LUMPUR CITY: 2 Johor
Darul Ta'zim 1') stay text and give no location, while towns, those opening as verbs do among
them ('PORT DICKSON', 'KUALA BERANG', 'KAMPUNG MEMALI', 'KAMPUNG DIN'), towns with a word of two
letters before their last ('KAMPUNG AH KAU', 'KAMPUNG BARU SG BULOH'), a place with a date before
the colon ('KUALA TERENGGANU, 12 Mac:') and leads opening with a number, capitalised words and a
word in lower case ('JOHOR BAHRU: 20 PATI ditahan ...') are still datelines."""

from __future__ import annotations


import pytest

from cleaner import Cleaner
from malay_items import cleaned_both, dateline_removals, item

TITLE = "Penduduk desak tindakan segera pulihkan sungai"
LEAD = ("Penduduk kampung mengadu air sungai itu berbau busuk sejak minggu lalu dan ikan mati "
        "terapung, kata ketua kampung kepada pemberita.")


@pytest.fixture(scope="module")
def malay():
    return Cleaner(lang="ms")


@pytest.fixture(scope="module")
def detected():
    return Cleaner()


@pytest.mark.parametrize("line", [
    f"SUNGAI DICEMARI SISA TOKSIK: {LEAD}",          # a headline: 'river polluted by toxic waste'
    f"SUNGAI DICEMARI SISA TOKSIK - {LEAD}",
    f"KAMPUNG DIBANJIRI PELANCONG: {LEAD}",
    f"BUKIT DISEDIAKAN UNTUK PELANCONG - {LEAD}",
    f"PULAU BERSATUKAN PENDUDUK: {LEAD}",
    f"KUALA LUMPUR CITY FC: {LEAD}",                 # a football club
    f"KUALA LUMPUR CITY FC - {LEAD}",
    f"PULAU PINANG FC: {LEAD}",
    f"KAMPUNG BARU SG FC: {LEAD}",                   # two letters last, after one mid-way
    f"KAMPUNG AH FC - {LEAD}",
    f"BATU API: {LEAD}",                             # a troublemaker, not a town
    # A score after the colon: a number, a team and a number.
    "KUALA LUMPUR CITY: 2 Johor Darul Ta'zim 1",
    "KUALA LUMPUR CITY: 2 Johor Darul Ta'zim 1 dalam perlawanan Liga Super di Stadium "
    "Bolasepak Kuala Lumpur malam tadi.",
    "KEDAH: 3 Perak 0 selepas tiga gol pada separuh masa kedua perlawanan Liga Super di Stadium "
    "Darul Aman semalam.",
    "PULAU PINANG: 1 Sri Pahang FC 0 dalam perlawanan Liga Super di Stadium Bandaraya Pulau "
    "Pinang malam tadi.",
])
def test_no_town_after_a_place_word_stays_text(malay, detected, line):
    for record in cleaned_both(malay, detected, item(TITLE, line)):
        assert record["meta"]["location"] is None
        assert line in record["text"].split("\n\n")
        assert dateline_removals(record) == []


@pytest.mark.parametrize("line, place", [
    (f"KUALA DUNGUN: {LEAD}", "Kuala Dungun"),
    (f"BUKIT BATOK: {LEAD}", "Bukit Batok"),
    (f"KUALA LUMPUR: {LEAD}", "Kuala Lumpur"),
    (f"SUNGAI PETANI: {LEAD}", "Sungai Petani"),
    (f"SUNGAI PETANI – {LEAD}", "Sungai Petani"),
    (f"KUALA TERENGGANU, 12 Mac: {LEAD}", "Kuala Terengganu"),
    # Towns whose first word opens as a verb does, closing otherwise.
    (f"PORT DICKSON: {LEAD}", "Port Dickson"),
    (f"KUALA BERANG - {LEAD}", "Kuala Berang"),
    (f"KAMPUNG MEMALI: {LEAD}", "Kampung Memali"),
    (f"BUKIT MERTAJAM - {LEAD}", "Bukit Mertajam"),
    (f"BUKIT DINDING: {LEAD}", "Bukit Dinding"),
    (f"BATU 9 CHERAS: {LEAD}", "Batu 9 Cheras"),
    # A lead opening with a number: a word in lower case, a unit or a month after it.
    ("KUALA LUMPUR: 15 lelaki ditahan dalam serbuan di sebuah pusat hiburan di ibu negara awal "
     "pagi tadi.", "Kuala Lumpur"),
    ("SHAH ALAM: 1,200 mangsa banjir dipindahkan ke 15 pusat pemindahan sementara sehingga jam 8 "
     "pagi ini.", "Shah Alam"),
    ("IPOH: 3 Mac lalu menjadi tarikh bersejarah apabila jambatan baharu itu dibuka kepada "
     "orang ramai.", "Ipoh"),
    # A number, capitalised words and a word in lower case: a lead, not a score (the review's).
    ("JOHOR BAHRU: 20 PATI ditahan dalam Ops Kutip yang dijalankan Jabatan Imigresen di sekitar "
     "bandar raya ini awal pagi tadi.", "Johor Bahru"),
    ("KOTA BHARU: 3 Warga emas maut dalam kemalangan jalan raya membabitkan dua kenderaan di "
     "Jalan Kuala Krai, petang semalam.", "Kota Bharu"),
    ("KUALA LUMPUR: 3 Pemain import baharu akan menyertai skuad Harimau Malaya untuk kempen "
     "kelayakan Piala Dunia 2026.", "Kuala Lumpur"),
    ("PUTRAJAYA: 12 Ahli Parlimen Pembangkang Sabah menyatakan sokongan kepada kerajaan dalam "
     "satu kenyataan bersama.", "Putrajaya"),
    # A word of two letters before the town's last word (the review's), colon or dash.
    (f"KAMPUNG AH KAU: {LEAD}", "Kampung Ah Kau"),
    (f"KAMPUNG AH KAU - {LEAD}", "Kampung Ah Kau"),
    (f"KAMPUNG BARU SG BULOH: {LEAD}", "Kampung Baru SG Buloh"),
    (f"KAMPUNG BARU SG BULOH – {LEAD}", "Kampung Baru SG Buloh"),
    # di- and no verb's suffix after it.
    (f"KAMPUNG DIN: {LEAD}", "Kampung Din"),
    (f"KAMPUNG DIAN - {LEAD}", "Kampung Dian"),
])
def test_a_town_is_still_a_dateline(malay, detected, line, place):
    for record in cleaned_both(malay, detected, item(TITLE, line)):
        assert record["meta"]["location"] == place
        assert len(dateline_removals(record)) == 1
        assert record["text"].split("\n\n")[0][:1].isupper() or \
            record["text"].split("\n\n")[0][:1].isdigit()


def test_a_date_before_the_colon_is_read_with_its_year(malay):
    record = malay.clean(item(TITLE, f"KUALA TERENGGANU, 12 Mac 2024: {LEAD}"))
    assert record["meta"]["location"] == "Kuala Terengganu"
    assert record["meta"]["date"] == "2024-03-12"
    assert record["text"].split("\n\n")[0] == LEAD


# A hang guard, not a speed check (a hostile input: the suite times no test).
@pytest.mark.timeout(60)
@pytest.mark.parametrize("line", [
    "SUNGAI " + "DI" * 20000 + "KAN: " + LEAD,
    "KUALA LUMPUR: 2 " + "Johor " * 20000 + "1 dalam perlawanan itu.",
    "KUALA LUMPUR, 12 " + "Mac " * 20000 + ": " + LEAD,
    "BATU " + "9 " * 20000 + ": " + LEAD,
    "KUALA LUMPUR: 2" + "," * 20000 + " lelaki ditahan.",
    "SUNGAI ’’’: " + LEAD,
    "SUNGAI \ud83d: " + LEAD,
    "KUALA LUMPUR, 99 Mac: " + LEAD,
    "KUALA LUMPUR: 3 " + "Pemain " * 20000 + "baharu tiba.",
    "KAMPUNG " + "AH " * 20000 + "KAU: " + LEAD,
    "KAMPUNG AH: " + LEAD,
    "KAMPUNG AH  : " + LEAD,
])
def test_damaged_or_long_place_shapes_are_cleaned_quickly_without_raising(malay, line):
    record = malay.clean(item(TITLE, line))
    assert record["meta"]["location"] in (None, "Kuala Lumpur")
    assert dateline_removals(record) == [] or record["meta"]["location"] == "Kuala Lumpur"
