"""From a review: the `where` of a suggested word-and-name byline rule covers every place
its lines were seen (6); `rules list` says when a pattern matches nothing, matches ids in any
case and counts "N of M rules" (7a); the `explain` legend collapses and wraps descriptions (7b)."""

from __future__ import annotations

import json

import pytest

from cleaner.batches import document_args
from cleaner.cli import main
from cleaner.pipeline import Cleaner
from cleaner.readers import iter_inputs
from cleaner.rulefile import load_packs
from cleaner.suggest import Miner, Occurrence, SuggestOptions, _where

HOST = "nuevo-diario.example"
AUTHORS = ["Juan Pérez Gómez", "Lucía Martín Sanz", "Pedro Ruiz", "Ana Belén López",
           "Marta Vidal Roca", "Jorge Núñez", "Elena Castro Gil", "Iván Soto", "Sara Núñez",
           "Luis Gil"]


def _article(i: int, paragraphs: int, byline_first: bool) -> str:
    """An article of `paragraphs` prose lines with a "Por NAME" byline opening it
    (`byline_first`) or closing it."""
    prose = [f"La ministra explicó en la rueda de prensa número {k} del día {i} que la medida "
             "se financiará con fondos propios durante los próximos tres años."
             for k in range(paragraphs)]
    byline = f"Por {AUTHORS[i % len(AUTHORS)]}"
    return "\n\n".join([byline] + prose if byline_first else prose + [byline])


def _dump(tmp_path, name: str, paragraphs: int, n: int = 10) -> str:
    """A site's dump: half of the articles open with their byline, half close with it."""
    path = tmp_path / name
    rows = [{"id": f"d{i}", "url": f"https://www.{HOST}/noticia/{i}",
             "text": _article(i, paragraphs, byline_first=i % 2 == 0)} for i in range(n)]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                    encoding="utf-8")
    return str(path)


def _byline_rule(tmp_path, dump: str, packs: str = "common") -> dict:
    """The byline rule `suggest --write-packs` writes for the dump."""
    out = tmp_path / f"packs-{packs}"
    assert main(["suggest", dump, "--packs", packs, "--write-packs", str(out)]) == 0
    [pack] = load_packs([str(out)], builtin=False)
    [rule] = [r for r in pack.rules if r.id.endswith("/byline")]
    return {"where": rule.where, "folder": str(out)}


def _clean(dump: str, folder: str) -> list[dict]:
    cleaner = Cleaner(packs=load_packs([folder]))
    return [cleaner.clean(item.text, **document_args(item)) for item in iter_inputs([dump])]


# ------------------------------------------------------------------------------------ 6: where


def test_long_articles_with_bylines_opening_and_closing_them_get_an_edges_rule(tmp_path):
    dump = _dump(tmp_path, "long.jsonl", paragraphs=22)
    found = _byline_rule(tmp_path, dump)
    assert found["where"] == "edges"
    records = _clean(dump, found["folder"])
    for i, record in enumerate(records):
        assert "Por " not in record["text"], record["text"][:200]
        assert record["meta"].get("authors") == [AUTHORS[i % len(AUTHORS)]], record["meta"]


def test_bylines_opening_short_articles_are_head_lines_for_the_rule(tmp_path):
    # (the reviewer's dump: articles of four lines, where every line is among the last six;
    # the bylines opening them would stay in articles of normal length under a tail rule)
    short = _dump(tmp_path, "short.jsonl", paragraphs=4)
    found = _byline_rule(tmp_path, short)
    assert found["where"] == "edges"
    records = _clean(_dump(tmp_path, "long.jsonl", paragraphs=22), found["folder"])
    for i, record in enumerate(records):
        assert "Por " not in record["text"], record["text"][:200]
        assert record["meta"].get("authors") == [AUTHORS[i % len(AUTHORS)]], record["meta"]


def _occ(head: bool, tail: bool, early: bool = False) -> Occurrence:
    return Occurrence(0, 1, "x", 0, 1, head, tail, None, early)


@pytest.mark.parametrize(("lines", "where"), [
    ([_occ(True, False)] * 3, "head"),
    ([_occ(False, True)] * 3, "tail"),
    ([_occ(True, False), _occ(False, True)], "edges"),
    ([_occ(True, False), _occ(False, False)], "any"),
    # in a short document a line is among the first and the last lines: nearer its start, it
    # is a head line; nearer its end, a tail line
    ([_occ(True, True, early=True), _occ(False, True)], "edges"),
    ([_occ(True, True, early=True), _occ(True, False)], "head"),
    ([_occ(True, True), _occ(False, True)], "tail"),
    ([_occ(False, True, early=True)] * 2, "tail"),
    ([], "any"),
])
def test_where_covers_every_place_the_lines_were_seen(lines, where):
    assert _where(lines) == where


def test_taken_lines_of_an_edges_rule_are_head_and_tail_lines(tmp_path):
    miner = Miner(SuggestOptions())
    cleaner = Cleaner(packs=[])
    dump = _dump(tmp_path, "long.jsonl", paragraphs=22)
    for item in iter_inputs([dump]):
        miner.add(cleaner.clean_document(cleaner.make_document(item.text, **document_args(item))))
    fresh, _ = miner.candidates(HOST)
    [byline] = [c for c in fresh if c.kind == "byline"]
    group = miner.sites[HOST].groups[byline.key]
    assert len(miner._taken(HOST, group)) == 10


# ----------------------------------------------------------------------------- 7a: rules list

LIST_PACK = """[pack]
id = "kabar"
domains = ["kabar.example"]

[[rule]]
id = "kabar/baca-juga"
description = "related link"
action = "drop-line"
pattern = '^Baca juga:'
remove = ["Baca juga: Berita lain"]

[[rule]]
id = "kabar/dateline"
description = "dateline"
action = "drop-span"
where = "head"
pattern = '^KABAR\\s+-\\s+'
remove = ["KABAR - Isi berita di sini."]
"""


def _rules(tmp_path):
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "kabar.example.toml").write_text(LIST_PACK, encoding="utf-8")
    return str(folder)


@pytest.mark.parametrize("pattern", ["x*", "zzz", "[", "ES/*zzz"])
def test_rules_list_says_when_no_rule_matches(tmp_path, capsys, pattern):
    assert main(["rules", "list", "--rules", _rules(tmp_path), pattern]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err == f"cleaner: no rule id or alias matches {pattern!r}\n"


@pytest.mark.parametrize("pattern", ["KABAR/*", "Kabar/Baca*", "BACA-JUGA", "kabar/baca-juga"])
def test_rules_list_matches_in_any_case(tmp_path, capsys, pattern):
    assert main(["rules", "list", "--no-builtin-rules", "--rules", _rules(tmp_path),
                 pattern]) == 0
    out = capsys.readouterr().out
    assert "kabar/baca-juga" in out


def _header(capsys) -> str:
    [header] = [line for line in capsys.readouterr().out.splitlines() if ".toml" in line]
    return header


def test_rules_list_filtered_counts_the_rules_shown_of_the_packs(tmp_path, capsys):
    folder = _rules(tmp_path)
    assert main(["rules", "list", "--no-builtin-rules", "--rules", folder, "baca"]) == 0
    header = _header(capsys)
    assert "  1 of 2 rules  " in header, header
    assert main(["rules", "list", "--no-builtin-rules", "--rules", folder]) == 0
    header = _header(capsys)
    assert "  2 rules  " in header and " of " not in header, header


# ------------------------------------------------------------------------------ 7b: the legend

LONG = ("Promo line with a very long description that goes on and on, " * 5).strip()
LEGEND_PACK = f'''[pack]
id = "promo"
domains = ["promo.example"]

[[rule]]
id = "promo/long"
description = """{LONG}"""
action = "drop-line"
pattern = '^Promo code ZX00Q now$'
remove = ["Promo code ZX00Q now"]

[[rule]]
id = "promo/two-lines"
description = """First line of it,
   and    the second one."""
action = "drop-line"
pattern = '^Promo code ZX01Q now$'
remove = ["Promo code ZX01Q now"]
'''


def _legend(tmp_path, capsys, monkeypatch) -> list[str]:
    monkeypatch.chdir(tmp_path)         # (the legend names the pack's file as given: rules/...)
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "promo.toml").write_text(LEGEND_PACK, encoding="utf-8")
    doc = tmp_path / "doc.jsonl"
    doc.write_text(json.dumps({"id": "p1", "url": "https://promo.example/a", "text":
                               "Isi berita yang panjang di sini tentang kota dan warganya.\n\n"
                               "Promo code ZX00Q now\n\nPromo code ZX01Q now\n\n"
                               "Isi berita lain yang panjang di sini tentang desa."}) + "\n",
                   encoding="utf-8")
    assert main(["explain", "doc.jsonl", "--rules", "rules"]) == 0
    out = capsys.readouterr().out
    legend = out[out.index("   rules:"):].splitlines()
    return legend[1:legend.index(next(x for x in legend if "removals," in x))]


def test_the_legend_wraps_long_descriptions_with_a_hanging_indent(tmp_path, capsys, monkeypatch):
    lines = _legend(tmp_path, capsys, monkeypatch)
    assert all(len(line) <= 100 for line in lines), lines
    [first] = [i for i, line in enumerate(lines) if "promo/long" in line]
    [second] = [i for i, line in enumerate(lines) if "promo/two-lines" in line]
    wrapped = lines[first + 1:second]
    assert len(wrapped) >= 2
    column = lines[first].index("rules/promo.toml")
    assert all(line[:column].isspace() and not line[column].isspace() for line in wrapped), lines
    assert " ".join(" ".join(lines[first:second]).split()).endswith(LONG)


def test_the_legend_collapses_a_descriptions_whitespace(tmp_path, capsys, monkeypatch):
    lines = _legend(tmp_path, capsys, monkeypatch)
    [line] = [line for line in lines if "promo/two-lines" in line]
    assert line.endswith(": First line of it, and the second one.")


def test_the_legend_wraps_to_the_width_given():
    from cleaner.explain import explain

    record = {"id": "x", "meta": {}, "text": "kept", "removed": [
        {"line": 1, "col": 0, "text": "gone", "rule": "promo/long"}]}
    out = explain("gone kept", record, rules={"promo/long": ("p.toml", LONG)}, width=60)
    legend = out[out.index("   rules:"):].splitlines()[1:-1]
    assert len(legend) > 3 and all(len(line) <= 60 for line in legend), legend
