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
