"""Four rule defects a review found, each run through the whole cleaner: tempo's sign-off made
outlets and labels authors, the runs of editor codes took a list's options and formulas, a name
glued to its title read as a domain's dateline, and title-case last lines read as sourcing
credits; and tribunnews' photo credit took a bare 'Tribun/' before a headline."""

from __future__ import annotations

import pytest

from cleaner import Cleaner

TEMPO = "https://nasional.tempo.co/read/1234/judul"
TRIBUN = "https://www.tribunnews.com/nasional/2020/01/01/judul"
ID_LEAD = "Kalimat pembuka artikel ini cukup panjang untuk dibaca orang.\n"
EN_LEAD = "The opening sentence of this article is long enough to read.\n"
EN_BODY = EN_LEAD + "A second sentence here for the body of it.\n"


@pytest.fixture(scope="module")
def cleaner() -> Cleaner:
    return Cleaner()


@pytest.fixture(scope="module")
def english() -> Cleaner:
    return Cleaner(lang="en")


def _rules(record: dict) -> list[tuple[str, str]]:
    return [(r["rule"], r["text"]) for r in record["removed"]]


def _signed_off(cleaner: Cleaner, signoff: str) -> dict:
    text = ("TEMPO.CO, Jakarta - Presiden tiba di Istana pada Senin pagi untuk rapat.\n"
            "Kalimat kedua yang cukup panjang.\n" + signoff)
    return cleaner.clean(text, url=TEMPO)


@pytest.mark.parametrize("signoff, authors", [
    ("REUTERS | NEW YORK TIMES", []),
    ("REUTERS | CNBC", []),
    ("SCMP | REUTERS", []),
    ("ANTARA | FOTO", []),
    ("BACA JUGA | BERITA TERKAIT", []),
    ("CAITLYN PAXSON | REUTERS | SOUTH CHINA MORNING POST", ["CAITLYN PAXSON"]),
])
def test_tempo_signoff_names_no_outlet_or_label_as_author(cleaner, signoff, authors):
    record = _signed_off(cleaner, signoff)
    assert ("tempo/reporter-signoff", signoff) in _rules(record)
    assert record["meta"]["authors"] == authors
    assert record["meta"]["source"] == "Tempo"


@pytest.mark.parametrize("signoff, authors", [
    ("ANTARA | FIKRI ARIGI", ["FIKRI ARIGI"]),
    ("GALIH PRAMUDYA | NINDYA KARTIKA | ANTARA", ["GALIH PRAMUDYA", "NINDYA KARTIKA"]),
    ("SITI AISYAH | M FAUZAN | REUTERS", ["SITI AISYAH", "M FAUZAN"]),
    ("APRILIA SARI | TIMOTIUS DEWA", ["APRILIA SARI", "TIMOTIUS DEWA"]),
])
def test_tempo_signoff_still_names_its_reporters(cleaner, signoff, authors):
    assert _signed_off(cleaner, signoff)["meta"]["authors"] == authors


@pytest.mark.parametrize("line", [
    "Pilih salah satu jawaban berikut. (a) (b) (c) (d)",
    "Senyawa itu ditemukan di sampel. (H2O) (CO2)",
])
def test_a_run_of_letters_or_formulas_after_a_sentence_stays(cleaner, line):
    record = cleaner.clean(ID_LEAD + line)
    assert not _rules(record)
    assert record["text"].endswith(line)


def test_a_run_of_party_letters_after_an_english_sentence_stays(english):
    line = "The bill passed 52-48. (R) (D)"
    record = english.clean(EN_LEAD + line + "\nAnother closing sentence is here.")
    assert not _rules(record)
    assert line in record["text"]


@pytest.mark.parametrize("line", ["(a) (b) (c)", "(H2O) (CO2)"])
def test_a_line_of_letters_or_formulas_stays(cleaner, english, line):
    for clean in (cleaner, english):
        record = clean.clean(ID_LEAD + "Jawaban yang benar:\n" + line
                             + "\nKalimat penutup yang cukup panjang.")
        assert not _rules(record)
        assert f"\n{line}\n" in record["text"]


@pytest.mark.parametrize("text, cut", [
    ("Pertemuan itu digelar di Jakarta pada 2013. (stu) (T/RE1/P1)", " (stu) (T/RE1/P1)"),
    ("Ia tidak hadir, ujar Hafsah. [sau] (T/RE1/P1)", " [sau] (T/RE1/P1)"),
])
def test_stacked_editor_codes_still_go_after_a_sentence(cleaner, text, cut):
    record = cleaner.clean(ID_LEAD + text)
    assert _rules(record) == [("id/editor-code-end", cut)]
    assert record["text"].endswith(text[: -len(cut)])


@pytest.mark.parametrize("line", ["(ard / ard) (T/RE1/P1)", "(a)", "(H015)"])
def test_a_line_of_codes_or_one_code_still_goes(cleaner, line):
    record = cleaner.clean(ID_LEAD + line + "\nKalimat penutup yang cukup panjang.")
    assert _rules(record) == [("common/editor-code-line", line)]


@pytest.mark.parametrize("line", ["Mr.Li, Beijing — The official said.",
                                  "Dr.Ng, Singapore — The clinic said."])
def test_a_name_glued_to_its_title_is_no_domain_dateline(english, line):
    record = english.clean(line + "\nA second sentence of the story is here.")
    assert not _rules(record)
    assert record["meta"]["source"] is None and record["meta"]["location"] is None
    assert record["text"].startswith(line)


@pytest.mark.parametrize("line, source, location", [
    ("Newsite.com, Jakarta — The city said.", "Newsite.com", "Jakarta"),
    ("NEWSITE.CO.UK, LONDON — Ministers met.", "NEWSITE.CO.UK", "London"),
    ("newsite.co.id, Bandung - The mayor said.", "newsite.co.id", "Bandung"),
    ("Yahoo.co.jp, Tokyo — Shares rose.", "Yahoo.co.jp", "Tokyo"),
])
def test_a_domain_in_one_case_is_still_a_dateline(english, line, source, location):
    record = english.clean(line + "\nA second sentence of the story is here.")
    assert [rule for rule, _ in _rules(record)] == ["en/dateline-source-city"]
    assert (record["meta"]["source"], record["meta"]["location"]) == (source, location)


@pytest.mark.parametrize("line", [
    "Inputs from the Public Are Welcome", "Inputs From India Help Rescue Effort",
    "With Inputs From Readers Like You", "Input from Parliament",
])
def test_a_title_case_last_line_is_no_sourcing_credit(english, line):
    record = english.clean(EN_BODY + line)
    assert not _rules(record)
    assert record["text"].endswith(line)


@pytest.mark.parametrize("line", [
    "With inputs from Reuters and AP.", "With inputs from IANS", "(Inputs from Police)",
    "Inputs from The Associated Press", "(With inputs from HT Correspondent)",
])
def test_a_credit_naming_wires_or_in_brackets_still_goes(english, line):
    record = english.clean(EN_BODY + line)
    assert _rules(record) == [("en/inputs-credit", line)]


@pytest.mark.parametrize("line", ["Tribun/Polisi Menangkap Tiga Pelaku",
                                  "Tribun/Warga Menolak Rencana Itu"])
def test_a_bare_tribun_slash_before_a_headline_stays(cleaner, line):
    record = cleaner.clean(ID_LEAD + line + "\nKalimat penutup yang juga cukup panjang.",
                           url=TRIBUN)
    assert not any(rule == "tribunnews/photo-credit" for rule, _ in _rules(record))
    assert f"\n{line}\n" in record["text"]


@pytest.mark.parametrize("line", ["TRIBUNNEWS/JEPRIMA", "Tribunnews/Herudin", "TribunJabar/Ahmad",
                                  "TRIBUNNEWS.COM/IRWAN RISMAWAN", "TRIBUN/ANTARA"])
def test_a_photo_credit_of_the_network_still_goes(cleaner, line):
    record = cleaner.clean(ID_LEAD + line + "\nKalimat penutup yang juga cukup panjang.",
                           url=TRIBUN)
    assert ("tribunnews/photo-credit", line) in _rules(record)


@pytest.mark.parametrize("line", [
    "REUTERS | " * 40 + "X", "(a) " * 500 + "(b)", "Inputs from " + "Public " * 400,
    "Mr." * 300 + "Li, Beijing — x", "Tribun/" * 300, "| | |", "(\x00) (\ufffd)",
])
def test_hostile_lines_pass_through_these_rules_without_error(cleaner, line):
    record = cleaner.clean(ID_LEAD + line + "\nKalimat penutup.", url=TEMPO)
    assert isinstance(record["text"], str)
