"""Nothing lost: every word of a document is in the clean text or in a recorded removal."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.fixtures import fixture_inputs
from cleaner.normalize import normalize
from conftest import ROOT

CRUFT = ["Baca juga: Judul Lain", "BACA JUGA : Gempa Bumi", "(ant)", "[IT/r]", "Foto: AP",
         "Tinggalkan Balasan", "+ 29 = 35", "Editor: Ismet Rauf", "Wartawan: sajadi",
         "date 2022-02", "JAKARTA, KOMPAS.com -", "Artikel Terkait", "(T/RE1/P1)"]
WORDS = ["Presiden", "mengatakan", "bahwa", "Rusia", "Jakarta,", "kata", "dia.", "AS", "(AS)",
         "NATO.", "“Kami", "ujarnya.", "Rp1,5", "U.S.", "No.1", "Channel9.id", "Kiev.Perdana"]


def kept_characters(record: dict) -> list[str]:
    """Non-space characters of the clean text and of every removal, sorted."""
    kept = "".join(record["text"].split())
    kept += "".join("".join(r["text"].split()) for r in record["removed"])
    return sorted(kept)


def test_fixture_characters_are_all_accounted_for(cleaner):
    for raw in fixture_inputs(ROOT / "fixtures"):
        if raw.suffix != ".txt":
            continue
        text, _ = normalize(raw.read_text(encoding="utf-8"))
        assert kept_characters(cleaner.clean(text)) == sorted("".join(text.split())), raw


paragraph = st.lists(st.sampled_from(WORDS), min_size=1, max_size=30).map(" ".join)
line = st.one_of(paragraph, st.sampled_from(CRUFT), st.tuples(paragraph, st.sampled_from(CRUFT)).map(" ".join))


@settings(max_examples=200, deadline=None)
@given(st.lists(line, min_size=1, max_size=12))
def test_random_documents_lose_no_character(cleaner, lines):
    text = "\n\n".join(lines)
    record = cleaner.clean(text)
    normalized, _ = normalize(text)
    # Every non-space character is either kept or inside a removal: the multisets agree.
    assert kept_characters(record) == sorted("".join(normalized.split()))
