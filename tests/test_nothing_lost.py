"""Nothing lost: every word of a document is in the clean text or in a recorded removal."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.fixtures import clean_fixture, fixture_inputs
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
        # Alone, and with the url and title the fixture's input gives (its site's rules fire).
        for record in (cleaner.clean(text), clean_fixture(cleaner, raw)):
            assert kept_characters(record) == sorted("".join(text.split())), raw
            assert misplaced(record, text) == [], raw


def test_a_title_line_cut_in_its_middle_is_recorded_as_the_runs_it_was(cleaner):
    # The photo credit goes first; the title is what is left, two runs of the input line.
    text = ("Tesla Baru (Foto: Tesla) Meluncur\n\nMobil terbaru Tesla Model 3 yang baru "
            "diluncurkan ke masyarakat pekan lalu terus bertambah peminatnya.")
    record = cleaner.clean(text)
    assert misplaced(record, text) == []
    assert [(r["rule"], r["col"], r["text"]) for r in record["removed"] if r["line"] == 1] == [
        ("header/title", 0, "Tesla Baru "), ("id/photo-credit-inline", 11, "(Foto: Tesla) "),
        ("header/title", 25, "Meluncur")]


def test_a_title_after_a_dump_header_is_recorded_at_its_own_column(cleaner):
    text = ("date 2022-02 Judul Berita Hari Ini\n\n"
            "Mobil terbaru Tesla yang baru diluncurkan pekan lalu terus bertambah peminatnya.")
    record = cleaner.clean(text, title="Judul Berita Hari Ini")
    assert misplaced(record, text) == []
    title = [r for r in record["removed"] if r["rule"] == "header/title"]
    assert [(r["col"], r["text"]) for r in title] == [(13, "Judul Berita Hari Ini")]


def test_a_line_dropped_after_a_cut_in_its_middle_is_recorded_as_the_runs_it_was(cleaner):
    # goal/related-title matches the related headline only once its photo credit is cut.
    text = ("Suporter Manchester United melayangkan protes kepada Feyenoord usai laga, kata dia.\n\n"
            "Fans Manchester United Protes Ke Feyenoord (Foto: Reuters) Terbaru\n\n"
            "Klub itu belum menanggapi protes tersebut hingga Jumat malam, kata juru bicaranya.")
    record = cleaner.clean(text, url="https://www.goal.com/id/berita/x")
    assert misplaced(record, text) == []
    assert [(r["rule"], r["col"]) for r in record["removed"] if r["line"] == 3] == [
        ("goal/related-title", 0), ("id/photo-credit-inline", 43), ("goal/related-title", 59)]


def test_a_title_taken_by_a_rule_after_a_cut_in_its_middle_is_recorded_as_the_runs_it_was(cleaner):
    # Opening the text, the same line is the headline: goal/title takes what the credit leaves.
    text = ("Fans Manchester United Protes Ke Feyenoord (Foto: Reuters) Terbaru\n\n"
            "Suporter Manchester United melayangkan protes kepada Feyenoord usai laga, kata dia.")
    record = cleaner.clean(text, url="https://www.goal.com/id/berita/x")
    assert misplaced(record, text) == []
    assert record["meta"]["title"] == "Fans Manchester United Protes Ke Feyenoord Terbaru"
    assert [(r["rule"], r["col"], r["text"]) for r in record["removed"] if r["line"] == 1] == [
        ("goal/title", 0, "Fans Manchester United Protes Ke Feyenoord "),
        ("id/photo-credit-inline", 43, "(Foto: Reuters) "), ("goal/title", 59, "Terbaru")]


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



CREDITS = ["(Foto: Reuters)", "(Baca: KPK Siapkan Posisi Strategis)", "(Foto: Dok. Polri)"]
SITES = [None, "https://www.goal.com/id/berita/x", "https://www.idntimes.com/news/x",
         "http://www.cnnindonesia.com/nasional/x/", "https://www.tribunnews.com/x"]
HEADLINE = ["Fans", "Manchester", "United", "Protes", "Ke", "Feyenoord", "Tesla", "Baru",
            "Meluncur", "Banjir", "Kota", "Bandung", "Hari", "Ini", "2017"]
BODY = ("Suporter Manchester United melayangkan protes kepada Feyenoord usai laga di Rotterdam, "
        "kata juru bicara klub kepada wartawan.")


def with_credit(words: list[str], credit: str, at: int) -> str:
    """A line with an inline credit among its words, as photo credits and links sit."""
    at = min(at, len(words))
    return " ".join(words[:at] + [credit] + words[at:])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(HEADLINE), min_size=1, max_size=12), st.sampled_from(CREDITS),
       st.integers(0, 12), st.lists(line, max_size=6), st.sampled_from(SITES), st.booleans())
def test_removals_after_a_cut_in_the_middle_of_a_line_are_where_they_say(
        cleaner, headline, credit, at, lines, url, titled):
    """A headline with a credit cut from its middle, under site rules and the header stage:
    every removal names text that stood together at its line and column of the input."""
    text = "\n\n".join([with_credit(headline, credit, at), BODY, *lines])
    normalized, _ = normalize(text)
    record = cleaner.clean(text, url=url, **({"title": " ".join(headline)} if titled else {}))
    assert kept_characters(record) == sorted("".join(normalized.split()))
    assert misplaced(record, normalized) == []
