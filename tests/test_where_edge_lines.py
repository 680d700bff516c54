"""What `where = "first"` and `where = "last"` share: each rule fires on its edge line with text
only, as the rule stage finds the text when it starts (a line the rules empty does not move the
edge), the same through the API, a batch and the command; `cleaner rules check` knows both.
What only one of them does is in test_where_first.py and test_where_last.py."""

from __future__ import annotations

import json

import pytest

from cleaner import Cleaner
from cleaner.cli import main
from cleaner.rulefile import RuleFileError, load_packs
from cleaner.rules_check import MatchedLine, unfired_why
from edge_rules import FIRST, LAST, P1, P2, P3, Edge, rules_of

EDGES = pytest.mark.parametrize("edge", [FIRST, LAST], ids=lambda edge: edge.where)


def _cleaner(edge: Edge, tmp_path) -> Cleaner:
    return Cleaner(rules=[edge.pack(tmp_path)], builtin=False)


# -- loading -------------------------------------------------------------------------------------

@EDGES
def test_an_edge_rule_loads(edge, tmp_path):
    [pack] = load_packs([edge.pack(tmp_path)], builtin=False)
    assert pack.rules[0].where == edge.where


def test_a_bad_where_names_first_and_last_among_the_values(tmp_path):
    with pytest.raises(RuleFileError, match=r"where must be one of any, head, tail, edges, last, "
                                            r"first, not 'final'"):
        load_packs([LAST.pack(tmp_path, where="final")], builtin=False)


# -- where it fires ------------------------------------------------------------------------------

@EDGES
def test_it_fires_on_the_edge_line(edge, tmp_path):
    record = _cleaner(edge, tmp_path).clean(edge.text(edge.tagged, P1, P2, P3))
    assert record["text"] == edge.text(edge.kept, P1, P2, P3)
    assert rules_of(record) == [edge.rule_id]


@EDGES
def test_it_does_not_fire_one_line_in_from_the_edge(edge, tmp_path):
    record = _cleaner(edge, tmp_path).clean(edge.inside(P1, P2, P3))
    assert edge.tagged in record["text"].split("\n")
    assert edge.rule_id not in rules_of(record)


@EDGES
def test_blank_lines_beyond_the_edge_line_do_not_count(edge, tmp_path):
    record = _cleaner(edge, tmp_path).clean(edge.padded(edge.text(edge.tagged, P1, P2, P3)))
    assert record["text"] == edge.text(edge.kept, P1, P2, P3)
    assert rules_of(record) == [edge.rule_id]


@EDGES
def test_a_one_line_text_is_its_edge_line(edge, tmp_path):
    record = _cleaner(edge, tmp_path).clean(edge.tagged)
    assert record["text"] == edge.kept
    assert rules_of(record) == [edge.rule_id]


@EDGES
def test_the_edge_line_is_the_text_s_as_the_rule_stage_starts(edge, tmp_path):
    # A line the rules drop beyond it does not make the tagged line the edge: the edge is fixed
    # when the rules start, the same whatever order the rules run in.
    record = _cleaner(edge, tmp_path).clean(edge.text(edge.banner, edge.tagged, P1, P2))
    assert edge.tagged in record["text"].split("\n")
    assert rules_of(record) == ["t/banner"]


# -- the same in every path ----------------------------------------------------------------------

@EDGES
def test_a_batch_cleans_as_one_document_does(edge, tmp_path):
    cleaner = _cleaner(edge, tmp_path)
    texts = [edge.text(edge.tagged, P1, P2, P3), edge.inside(P1, P3), edge.tagged,
             edge.padded(edge.text(edge.tagged, P1))]
    docs = cleaner.clean_documents([cleaner.make_document(text) for text in texts])
    batch = [doc.to_record()["text"] for doc in docs]
    assert batch == [cleaner.clean(text)["text"] for text in texts]
    assert batch == [edge.text(edge.kept, P1, P2, P3), edge.inside(P1, P3), edge.kept,
                     edge.text(edge.kept, P1)]


@EDGES
def test_the_command_cleans_as_the_api_does(edge, tmp_path):
    source = tmp_path / "in.jsonl"
    texts = [edge.text(edge.tagged, P1, P2, P3), edge.inside(P1, P3)]
    source.write_text("".join(json.dumps({"id": str(n), "text": text}) + "\n"
                              for n, text in enumerate(texts)), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(source), "-o", str(out), "--no-builtin-rules", "--rules",
                 str(edge.pack(tmp_path))]) == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["text"] for r in records] == [edge.text(edge.kept, P1, P2, P3),
                                            edge.inside(P1, P3)]


# -- rules check ---------------------------------------------------------------------------------

@EDGES
def test_rules_check_accepts_an_edge_rule(edge, tmp_path, capsys):
    pack = edge.pack(tmp_path)
    folder = tmp_path / "fixtures" / "kabar.example"
    folder.mkdir(parents=True)
    text = edge.text(edge.tagged, P1, P2, edge.banner)
    (folder / "one.txt").write_text(text + "\n", encoding="utf-8")
    code = main(["rules", "check", "--no-builtin-rules", "--rules", str(pack),
                 "--fixtures", str(tmp_path / "fixtures"), "--json"])
    data = json.loads(capsys.readouterr().out)
    assert code == 0 and data["errors"] == 0
    assert [f for f in data["findings"] if f["level"] != "info"] == []


@EDGES
def test_rules_check_says_why_an_edge_rule_never_fires_inside_the_text(edge, tmp_path):
    [pack] = load_packs([edge.pack(tmp_path)], builtin=False)
    line = MatchedLine("one.txt:3", 1, 6, -4, 2, None, None, {"meta": {}}, 0)
    message = unfired_why(pack.rules[0], pack, [line])
    assert f'where = "{edge.where}"' in message and edge.beyond in message
