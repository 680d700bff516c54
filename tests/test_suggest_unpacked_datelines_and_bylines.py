"""`cleaner suggest` on a site in a language no pack serves (acceptance run L, findings 5 to 8),
with invented words: a place in capitals then a dash is a dateline whose place is the location,
varying or not (an outlet in capitals, a domain or the site's own name, stays the source); a
byline's lower-case words between names are told apart from the documents (a word between two
full names in every line joins two authors, any other is a name's particle); and a portal's
byline "<word> <names>, <Outlet> — <Place>" is proposed."""

from __future__ import annotations

import json

import pytest

from cleaner.batches import document_args
from cleaner.cli import main
from cleaner.pipeline import Cleaner
from cleaner.readers import iter_inputs
from cleaner.rulefile import load_packs
from cleaner.suggest import Miner, SuggestOptions

HOST = "novavila.example"
CITIES = ["TARVENA", "OSKELMO", "BRUNDAVI", "VELKORA ALTA", "MIRUNDÉ"]
BODY = "Belo varunta kesti molani tarvo pelinde, sorvanta mil keshto varunde nari."
FILLER = "Kelmo sarvi {k} tondu melira vanto, perisku dalvo nestira {i} valunde."
# Bylines of an invented language: "Pir" opens them, "ka" joins two names, "vo" and "vos"
# are particles inside a name.
BYLINES = ["Pir Alda Morven vo Tasca ka Benno Ruvik", "Pir Joran vos Keldi",
           "Pir Imra Velsen ka Tobin Arvel", "Pir Selka vo Danu Marvik",
           "Pir Ondra Peliz vos Hallem ka Kiru Basten", "Pir Lenno Farvik"]
AUTHORS = [["Alda Morven vo Tasca", "Benno Ruvik"], ["Joran vos Keldi"],
           ["Imra Velsen", "Tobin Arvel"], ["Selka vo Danu Marvik"],
           ["Ondra Peliz vos Hallem", "Kiru Basten"], ["Lenno Farvik"]]


def _write(tmp_path, first_lines, name="dump.jsonl", host=HOST):
    """One document per first line: the line, then prose; a title of its own, so that the
    header stage does not take the first line for it."""
    rows = []
    for i, first in enumerate(first_lines):
        paras = [first, *(FILLER.format(k=k, i=i) for k in range(4))]
        rows.append({"id": f"d{i}", "url": f"https://{host}/n/{i}",
                     "title": f"Velmar tondu {i} kesti", "text": "\n\n".join(paras)})
    path = tmp_path / name
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                    encoding="utf-8")
    return path


def _mine(path, site=HOST):
    cleaner = Cleaner(packs=[])
    miner = Miner(SuggestOptions())
    for item in iter_inputs([str(path)]):
        miner.add(cleaner.clean_document(cleaner.make_document(item.text, **document_args(item))))
    return miner.candidates(site)[0]


def _suggest_and_clean(tmp_path, dump):
    """The pack suggest writes for the dump (no pack counted as existing rules), and the dump
    cleaned with the shipped packs and it, as `cleaner clean --rules FOLDER` cleans."""
    out = tmp_path / "packs"
    assert main(["suggest", str(dump), "--packs", "none", "--write-packs", str(out)]) == 0
    cleaner = Cleaner(packs=load_packs([str(out)]))
    return [cleaner.clean(item.text, **document_args(item)) for item in iter_inputs([str(dump)])]


# ---------------------------------------------------------------- 5, 6: a place in capitals, a dash


@pytest.mark.parametrize("dash", ["–", "-", "—"])
def test_a_place_in_capitals_before_a_dash_is_a_dateline(tmp_path, dash):
    dump = _write(tmp_path, [f"{CITIES[i % 5]} {dash} {BODY}" for i in range(5)])
    [lead] = [c for c in _mine(dump) if c.kind == "lead"]
    assert lead.docs == 5 and "(?P<location>" in lead.rule["pattern"]
    assert "(?P<source>" not in lead.rule["pattern"]
    for i, record in enumerate(_suggest_and_clean(tmp_path, dump)):
        assert record["text"].startswith("Belo varunta"), record["text"]
        assert record["meta"]["location"].upper() == CITIES[i % 5]
        assert not record["meta"].get("source")


def test_a_place_that_never_varies_is_the_location_not_the_source(tmp_path):
    dump = _write(tmp_path, [f"ZORVANTA – {BODY}"] * 5)
    [lead] = [c for c in _mine(dump) if c.kind == "lead"]
    assert "(?P<location>" in lead.rule["pattern"]
    assert "(?P<source>" not in lead.rule["pattern"]
    for record in _suggest_and_clean(tmp_path, dump):
        assert record["meta"]["location"] == "Zorvanta"
        assert not record["meta"].get("source")
        assert record["text"].startswith("Belo varunta")


@pytest.mark.parametrize("outlet", ["NUVEMPRESS.COM", "NOVAVILA", "REUTERS"])
def test_an_outlet_in_capitals_before_a_dash_stays_the_source(tmp_path, outlet):
    # A domain, the site's own name (its host's), an agency the packs know: an outlet.
    dump = _write(tmp_path, [f"{outlet} – {BODY}"] * 5)
    [lead] = [c for c in _mine(dump) if c.kind == "lead"]
    assert "(?P<source>" in lead.rule["pattern"]
    assert "(?P<location>" not in lead.rule["pattern"]


def test_capitals_opening_a_sentence_are_no_dateline(tmp_path):
    dump = _write(tmp_path, [f"{CITIES[i % 5]} – {BODY}" for i in range(5)])
    [lead] = [c for c in _mine(dump) if c.kind == "lead"]
    for line in ("TARVENA kesti molani tarvo pelinde sorvanta mil keshto.",
                 "Tarvena – belo varunta kesti molani tarvo pelinde.", "OK – ya"):
        assert not lead.regex.search(line), line


def test_a_place_in_capitals_opening_every_document_is_a_first_line_rule(tmp_path):
    # Kept to the first line: a capitals word before a dash opening a paragraph below the lead
    # ("VELKORA – TARVENA: ...", one country against another) is the paragraph's, no dateline.
    dump = _write(tmp_path, [f"{CITIES[i % 5]} – {BODY}" for i in range(5)])
    [lead] = [c for c in _mine(dump) if c.kind == "lead"]
    assert lead.rule["where"] == "first"
    out = tmp_path / "packs"
    assert main(["suggest", str(dump), "--packs", "none", "--write-packs", str(out)]) == 0
    cleaner = Cleaner(packs=load_packs([str(out)]))
    below = f"{BODY}\n\nVELKORA – TARVENA: kesti molani tarvo pelinde varunde."
    record = cleaner.clean(f"OSKELMO – {below}", url=f"https://{HOST}/n/99", title="Velmar")
    assert record["text"] == below
    assert record["meta"]["location"] == "Oskelmo"


def test_a_place_in_capitals_under_a_title_line_keeps_a_head_rule(tmp_path):
    dump = _write(tmp_path, [f"Velmar tondu {i} kesti nari\n\n{CITIES[i % 5]} – {BODY}"
                             if i < 2 else f"{CITIES[i % 5]} – {BODY}" for i in range(5)])
    [lead] = [c for c in _mine(dump) if c.kind == "lead"]
    assert lead.rule["where"] == "head"


# ------------------------------------------------------------------- 7: particles and conjunctions


def test_a_word_between_two_full_names_splits_the_authors(tmp_path):
    dump = _write(tmp_path, BYLINES * 2)
    [byline] = [c for c in _mine(dump) if c.kind == "byline"]
    assert byline.docs == 12
    records = _suggest_and_clean(tmp_path, dump)
    assert [r["meta"].get("authors") for r in records] == AUTHORS * 2
    assert all(r["text"].startswith("Kelmo sarvi") for r in records)
    written = (tmp_path / "packs" / f"{HOST}.toml").read_text(encoding="utf-8")
    assert 'conjunctions = ["ka"]' in written
    assert main(["rules", "check", "--rules", str(tmp_path / "packs"), "--no-fixtures"]) == 0


def test_the_printed_rule_says_which_word_joins_two_names(tmp_path, capsys):
    dump = _write(tmp_path, BYLINES * 2)
    assert main(["suggest", str(dump), "--packs", "none"]) == 0
    out = capsys.readouterr().out
    assert 'conjunctions = ["ka"]' in out


def test_a_word_that_joins_names_in_some_lines_only_is_left_to_the_user(tmp_path):
    # "ka" stands between two full names in some lines, inside a name in another ("Imra ka
    # Velsen"): neither a particle nor a joining word, its lines are left (no author is made of
    # two names).
    lines = BYLINES[:4] * 2 + ["Pir Imra ka Velsen"]
    dump = _write(tmp_path, lines)
    [byline] = [c for c in _mine(dump) if c.kind == "byline"]
    assert not byline.regex.search("Pir Imra ka Velsen")
    assert not byline.regex.search("Pir Alda Morven vo Tasca ka Benno Ruvik")
    assert byline.regex.search("Pir Joran vos Keldi")


def test_a_packs_particles_are_particles(tmp_path):
    # "de" is a particle of the shipped packs: a name holds it even between capitalised words.
    lines = [f"Pir Ansel Brando de Velmar {'Kito' if i % 2 else 'Ruvik'}" for i in range(4)]
    dump = _write(tmp_path, lines + ["Pir Joran Keldi", "Pir Alda Morven"])
    [byline] = [c for c in _mine(dump) if c.kind == "byline"]
    assert byline.regex.search("Pir Ansel Brando de Velmar Kito")
    assert "conjunctions" not in byline.pack_words


# --------------------------------------------------------------------- 8: a portal's byline


def test_a_byline_with_the_outlet_and_a_place_is_a_byline_rule(tmp_path):
    names = ["Alda Morven", "Joran vos Keldi", "Imra Velsen Tasca", "Selka Danu", "Lenno Farvik"]
    places = ["Tarvena Alta", "Oskelmo", "Tarvena Alta", "Brundavi", "Tarvena Alta"]
    dump = _write(tmp_path, [f"Pir {n}, Folha Nuvem — {p}" for n, p in zip(names, places)])
    [byline] = [c for c in _mine(dump) if c.kind == "byline"]
    assert byline.docs == 5
    for name, place, record in zip(names, places, _suggest_and_clean(tmp_path, dump)):
        assert record["meta"].get("authors") == [name]
        assert record["meta"].get("source") == "Folha Nuvem"
        assert record["meta"].get("location") == place
        assert record["text"].startswith("Kelmo sarvi"), record["text"]
