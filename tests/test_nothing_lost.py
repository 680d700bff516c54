"""Nothing lost: every word of a document is in the clean text or in a recorded removal."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.fixtures import fixture_inputs
from cleaner.normalize import normalize
from conftest import ROOT

CRUFT = ["Baca juga: Judul Lain", "BACA JUGA : Gempa Bumi", "(ant)", "[IT/r]", "Foto: AP",
         "(Baca: KPK Siapkan Posisi Strategis)", "(agk / agk)",
         "Tinggalkan Balasan", "+ 29 = 35", "Editor: Ismet Rauf", "Wartawan: sajadi",
         "date 2022-02", "JAKARTA, KOMPAS.com -", "Artikel Terkait", "(T/RE1/P1)"]
WORDS = ["Presiden", "mengatakan", "bahwa", "Rusia", "Jakarta,", "kata", "dia.", "AS", "(AS)",
         "NATO.", "“Kami", "ujarnya.", "Rp1,5", "U.S.", "No.1", "Channel9.id", "Kiev.Perdana"]


def kept_characters(record: dict) -> list[str]:
    """Non-space characters of the clean text and of every removal, sorted."""
    kept = "".join(record["text"].split())
    kept += "".join("".join(r["text"].split()) for r in record["removed"])
    return sorted(kept)


def misplaced(record: dict, text: str) -> list[dict]:
    """The removals whose text is not at their line and column of the (normalized) input."""
    lines = text.split("\n")
    return [r for r in record["removed"]
            if lines[r["line"] - 1][r["col"]:r["col"] + len(r["text"])] != r["text"]]


def test_fixture_characters_are_all_accounted_for(cleaner):
    for raw in fixture_inputs(ROOT / "fixtures"):
        if raw.suffix != ".txt":
            continue
        text, _ = normalize(raw.read_text(encoding="utf-8"))
        record = cleaner.clean(text)
        assert kept_characters(record) == sorted("".join(text.split())), raw
        assert misplaced(record, text) == [], raw


def test_a_cut_after_an_earlier_cut_is_recorded_where_its_text_was(cleaner):
    # The related link goes first, then the code that followed it: the code's leading space
    # sat before the link, so it is a piece of its own, at its own column.
    text = ("Jakarta, CNN Indonesia -- Isi berita pertama cukup panjang untuk sebuah paragraf.\n\n"
            "Ruki menegaskan lowongan bersifat terbuka. (Baca: KPK Siapkan Posisi Strategis) "
            "(agk / agk)")
    record = cleaner.clean(text, url="http://www.cnnindonesia.com/nasional/x/")
    assert misplaced(record, text) == []
    assert [(r["col"], r["text"]) for r in record["removed"] if r["line"] == 3] == [
        (42, " "), (43, "(Baca: KPK Siapkan Posisi Strategis) "), (80, "(agk / agk)")]
    assert record["text"].endswith("bersifat terbuka.")


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
    assert misplaced(record, normalized) == []
