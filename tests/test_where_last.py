"""A rule's `where = "last"`: it fires on the last line with text only, as the rule stage finds
the text when it starts (a line the rules empty does not make the one above it last), the same
through the API, a batch, a page and the command; `cleaner rules check` knows it."""

from __future__ import annotations

import json

import pytest

from cleaner import Cleaner
from cleaner.cli import main
from cleaner.matcher import matcher_for
from cleaner.rulefile import RuleFileError, load_packs
from cleaner.rules_check import MatchedLine, unfired_why

# A sign-off tag closing a paragraph (" #signoff"): a span, so that the guard never stops it.
LAST = """
[[rule]]
id = "t/signoff-last"
description = "a sign-off tag closing the article's last line"
action = "drop-span"
where = "last"
case_sensitive = true
pattern = '[.!?](?P<cut>[ \\t]+#signoff)$'
remove = ["The story ends here. #signoff"]
keep = ["The #signoff tag is new."]
"""
HEAD = """
[[rule]]
id = "t/opener-head"
description = "an opener tag opening a line at the head"
action = "drop-span"
where = "head"
case_sensitive = true
pattern = '^(?P<cut>#opener[ \\t]+)\\S'
remove = ["#opener The story begins."]
"""
DROP = """
[[rule]]
id = "t/footer"
description = "a footer line"
action = "drop-line"
pattern = '^Copyright Example Media$'
remove = ["Copyright Example Media"]
"""
P1 = "The council met on Tuesday to review the budget and heard from several residents."
P2 = "Officials said the new proposal would add three parks and repair roads next year."
P3 = "Critics argued that the cost estimates were too optimistic for the coming years."
TAGGED = "It ended with a request to share the post widely. #signoff"
KEPT = "It ended with a request to share the post widely."


def _pack(tmp_path, *bodies: str, where: str | None = None):
    path = tmp_path / "mine.toml"
    text = '[pack]\nid = "t"\nkind = "common"\n' + "".join(bodies)
    if where is not None:
        text = text.replace('where = "last"', f'where = "{where}"')
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture()
def cleaner(tmp_path):
    return Cleaner(rules=[_pack(tmp_path, LAST, HEAD, DROP)], builtin=False)


def _rules(record: dict) -> list[str]:
    return [removal["rule"] for removal in record["removed"]]


def _doc(*lines: str) -> str:
    return "\n\n".join(lines)


# -- loading -------------------------------------------------------------------------------------

def test_a_last_rule_loads(tmp_path):
    [pack] = load_packs([_pack(tmp_path, LAST)], builtin=False)
    assert pack.rules[0].where == "last"


def test_a_bad_where_names_last_among_the_values(tmp_path):
    with pytest.raises(RuleFileError, match=r"where must be one of any, head, tail, edges, last, "
                                            r"first, not 'final'"):
        load_packs([_pack(tmp_path, LAST, where="final")], builtin=False)


# -- where it fires ------------------------------------------------------------------------------

def test_it_fires_on_the_last_line(cleaner):
    record = cleaner.clean(_doc(P1, P2, P3, TAGGED))
    assert record["text"] == _doc(P1, P2, P3, KEPT)
    assert _rules(record) == ["t/signoff-last"]


def test_it_does_not_fire_on_the_line_before_the_last(cleaner):
    record = cleaner.clean(_doc(P1, P2, TAGGED, P3))
    assert TAGGED in record["text"].split("\n")
    assert "t/signoff-last" not in _rules(record)


def test_blank_lines_after_the_last_line_do_not_count(cleaner):
    record = cleaner.clean(_doc(P1, P2, P3, TAGGED) + "\n\n  \n\n\t\n")
    assert record["text"] == _doc(P1, P2, P3, KEPT)


def test_a_one_line_text_is_its_last_line(cleaner):
    record = cleaner.clean(TAGGED)
    assert record["text"] == KEPT
    assert _rules(record) == ["t/signoff-last"]


def test_a_line_both_in_the_head_and_last_takes_both_rules(cleaner):
    record = cleaner.clean("#opener " + TAGGED)
    assert record["text"] == KEPT
    assert sorted(_rules(record)) == ["t/opener-head", "t/signoff-last"]
    # A short text's last line is in its head: a head rule and a last rule both reach it.
    record = cleaner.clean(_doc(P1, "#opener " + TAGGED))
    assert record["text"] == _doc(P1, KEPT)
    assert sorted(_rules(record)) == ["t/opener-head", "t/signoff-last"]


def test_the_last_line_is_the_text_s_as_the_rule_stage_starts(cleaner):
    # A footer the rules drop under it does not make the line above it the last: "last" is
    # fixed when the rules start, the same whatever order the rules run in.
    record = cleaner.clean(_doc(P1, P2, TAGGED, "Copyright Example Media"))
    assert TAGGED in record["text"].split("\n")
    assert _rules(record) == ["t/footer"]


def test_the_matcher_names_a_last_rule_on_the_last_line_with_text_only(tmp_path):
    [pack] = load_packs([_pack(tmp_path, LAST)], builtin=False)
    matcher = matcher_for(pack.rules)
    found = matcher.candidates([P1, TAGGED, TAGGED, P2, TAGGED, "  ", ""])
    assert list(found) == [4]
    assert matcher.candidates([TAGGED]) == {0: list(pack.rules)}


# -- the same in every path ----------------------------------------------------------------------

def test_a_batch_cleans_as_one_document_does(cleaner):
    texts = [_doc(P1, P2, P3, TAGGED), _doc(P1, TAGGED, P3), TAGGED]
    docs = cleaner.clean_documents([cleaner.make_document(text) for text in texts])
    batch = [doc.to_record()["text"] for doc in docs]
    assert batch == [cleaner.clean(text)["text"] for text in texts]
    assert batch == [_doc(P1, P2, P3, KEPT), _doc(P1, TAGGED, P3), KEPT]


def _page(*paras: str) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paras)
    return (f"<html><head><title>Budget plan draws critics</title></head><body><article>"
            f"<h1>Budget plan draws critics</h1><div>{body}</div></article></body></html>").encode()


def test_a_page_s_last_paragraph_is_its_last_line(cleaner):
    record = cleaner.clean_html(_page(P1, P2, P3, TAGGED))
    assert record["text"].endswith(f"{P3}\n\n{KEPT}")
    assert "t/signoff-last" in _rules(record)
    record = cleaner.clean_html(_page(P1, TAGGED, P2, P3))
    assert TAGGED in record["text"].split("\n")
    assert "t/signoff-last" not in _rules(record)


def test_the_command_cleans_as_the_api_does(tmp_path, capsys):
    pack = _pack(tmp_path, LAST, HEAD, DROP)
    source = tmp_path / "in.jsonl"
    texts = [_doc(P1, P2, P3, TAGGED), _doc(P1, TAGGED, P3)]
    source.write_text("".join(json.dumps({"id": str(n), "text": text}) + "\n"
                              for n, text in enumerate(texts)), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(source), "-o", str(out), "--no-builtin-rules", "--rules",
                 str(pack)]) == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["text"] for r in records] == [_doc(P1, P2, P3, KEPT), _doc(P1, TAGGED, P3)]


# -- rules check ---------------------------------------------------------------------------------

def test_rules_check_accepts_a_last_rule(tmp_path, capsys):
    _pack(tmp_path, LAST)
    folder = tmp_path / "fixtures" / "kabar.example"
    folder.mkdir(parents=True)
    (folder / "one.txt").write_text(_doc(P1, P2, TAGGED) + "\n", encoding="utf-8")
    code = main(["rules", "check", "--no-builtin-rules", "--rules", str(tmp_path / "mine.toml"),
                 "--fixtures", str(tmp_path / "fixtures"), "--json"])
    data = json.loads(capsys.readouterr().out)
    assert code == 0 and data["errors"] == 0
    assert [f for f in data["findings"] if f["level"] != "info"] == []


def test_rules_check_says_why_a_last_rule_never_fires_above_the_last_line(tmp_path):
    [pack] = load_packs([_pack(tmp_path, LAST)], builtin=False)
    rule = pack.rules[0]
    line = MatchedLine("one.txt:3", 1, 6, -4, 2, None, None, {"meta": {}})
    message = unfired_why(rule, pack, [line])
    assert 'where = "last"' in message and "above the last line" in message
