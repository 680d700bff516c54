"""The head a `head` rule fires in is the first six lines that still hold text once the rules have
taken theirs (cleaner/apply_rules.py): a page header the rules take (a stamp, a byline, a photo's
button and credit) does not push the lead's dateline out of it, and six lines of text do."""

from __future__ import annotations

import pytest

from cleaner import Cleaner

KOMPAS_URL = "https://regional.kompas.com/read/2024/03/14/094200078/banjir-rob-pekalongan"
TITLE = "Banjir Rob Rendam 14 Desa di Pekalongan"
LEAD = ("Banjir rob merendam 14 desa di pesisir Kabupaten Pekalongan, Jawa Tengah, sejak Rabu "
        "malam hingga Kamis pagi.")
BODY = ("Ketinggian air di permukiman warga mencapai 60 sentimeter, kata kepala pelaksana BPBD "
        "setempat.\n\nSebanyak 300 warga mengungsi ke balai desa dan masjid terdekat.")
# What a Kompas page's header leaves in a text dump between the title and the lead: the stamp,
# the byline, the photo viewer's button, the caption and the photo's credit.
PAGE_HEADER = ("Kompas.com - 14/03/2024, 09:42 WIB",
               "Penulis Ahmad Fauzan | Editor Rina Kartikasari",
               "Lihat Foto",
               "Warga mengungsi ke balai desa Jeruksari, Kamis (14/3/2024).",
               "KOMPAS.com/AHMAD FAUZAN")


@pytest.fixture(scope="module")
def cleaner() -> Cleaner:
    return Cleaner()


def _clean(cleaner: Cleaner, *lines: str) -> dict:
    return cleaner.clean("\n\n".join(lines), url=KOMPAS_URL)


def test_a_dateline_below_a_header_the_rules_took_is_still_in_the_head(cleaner):
    record = _clean(cleaner, TITLE, *PAGE_HEADER, f"PEKALONGAN, KOMPAS.com - {LEAD}", BODY)
    assert record["meta"]["location"] == "Pekalongan"
    assert record["meta"]["source"] == "Kompas.com"
    assert ("kompas/dateline", "PEKALONGAN, KOMPAS.com -") in [
        (r["rule"], r["text"].strip()) for r in record["removed"]]
    assert LEAD in record["text"].split("\n\n")


def test_a_dateline_below_six_lines_of_text_stays(cleaner):
    # Six paragraphs no rule takes: the line below them is the article's, not its head.
    paragraphs = [f"{LEAD[:-1]} ({n})." for n in range(6)]
    line = f"PEKALONGAN, KOMPAS.com - {LEAD}"
    record = _clean(cleaner, *paragraphs, line, BODY)
    assert line in record["text"].split("\n\n")
    assert record["meta"]["location"] is None


def test_lines_the_rules_took_below_the_head_do_not_reopen_it(cleaner):
    # Taken lines count only above the line: six of text, then a taken one, then the dateline.
    paragraphs = [f"{LEAD[:-1]} ({n})." for n in range(6)]
    line = f"PEKALONGAN, KOMPAS.com - {LEAD}"
    record = _clean(cleaner, *paragraphs, "Lihat Foto", line, BODY)
    assert line in record["text"].split("\n\n")
    assert record["meta"]["location"] is None


# Related links taken between paragraphs are the article's own lines' neighbours: they do not
# make room in the head for the lines below them (a chronology's date heading, a later dateline).
BODY_WITH_LINKS = (
    "Api muncul dari salah satu kios pakaian di lantai dua pasar itu.",
    "Baca juga: Kebakaran Pasar Senen, 20 Kios Hangus",
    "Petugas pemadam kebakaran tiba sekitar pukul 07.00 WIB.",
    "Baca juga: Damkar Kerahkan 15 Unit Mobil Pemadam",
    "Kerugian ditaksir mencapai miliaran rupiah.",
    "Baca juga: Pedagang Pasar Senen Mengungsi",
    "Berikut kronologi kebakaran tahun lalu:",
    "Sabtu, 5 November 2016",
    "JAKARTA - Gubernur meninjau lokasi kebakaran pada siang harinya.",
)


def test_related_links_taken_between_paragraphs_leave_the_head_where_it_was(cleaner):
    record = cleaner.clean("\n".join(BODY_WITH_LINKS))
    assert [r["rule"] for r in record["removed"]] == ["id/related-link"] * 3
    assert record["meta"]["date"] is None and record["meta"]["location"] is None
    assert BODY_WITH_LINKS[-1] in record["text"].split("\n\n")


def test_english_related_links_leave_the_head_where_it_was():
    lines = ["Police are still investigating the cause of the fire that gutted the market.",
             "ALSO READ: Twenty shops destroyed in market blaze",
             "Residents said the fire started in a clothing stall on the second floor.",
             "ALSO READ: Fire brigade sends 15 engines to the scene",
             "Firefighters arrived at about 7 a.m. and put the fire out two hours later.",
             "ALSO READ: Traders flee as flames spread",
             "Timeline of the day:",
             "ALSO READ: Police question witnesses",
             "Saturday, November 5, 2016",
             "By Jane Doe",
             "The losses run into billions of rupees, officials said."]
    record = Cleaner(lang="en").clean("\n".join(lines))
    # No head rule reaches the date and the byline at lines 9 and 10; the byline, among the
    # last lines, is the closing byline en/by-line-credited reads there (where = "edges").
    assert {r["rule"] for r in record["removed"]} == {"chrome/related-prefix",
                                                      "en/by-line-credited"}
    assert record["meta"]["date"] is None and record["meta"]["authors"] == ["Jane Doe"]
