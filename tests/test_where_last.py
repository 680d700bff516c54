"""What only `where = "last"` does: a short text's last line is in its head too, the matcher names
the last line with text, and a page's last paragraph is its last line. What it shares with
`where = "first"` is in test_where_edge_lines.py."""

from __future__ import annotations

import pytest

from cleaner import Cleaner
from cleaner.matcher import matcher_for
from cleaner.rulefile import load_packs
from edge_rules import LAST, OPENER, P1, P2, P3, rule_toml, rules_of

HEAD = rule_toml("t/opener-head", "head", OPENER, "#kicker The story begins.")
TAGGED, KEPT = LAST.tagged, LAST.kept


@pytest.fixture()
def cleaner(tmp_path):
    path = LAST.pack(tmp_path)
    path.write_text(path.read_text(encoding="utf-8") + HEAD, encoding="utf-8")
    return Cleaner(rules=[path], builtin=False)


def _doc(*lines: str) -> str:
    return "\n\n".join(lines)


def test_a_line_both_in_the_head_and_last_takes_both_rules(cleaner):
    record = cleaner.clean("#kicker " + TAGGED)
    assert record["text"] == KEPT
    assert sorted(rules_of(record)) == ["t/opener-head", "t/signoff-last"]
    # A short text's last line is in its head: a head rule and a last rule both reach it.
    record = cleaner.clean(_doc(P1, "#kicker " + TAGGED))
    assert record["text"] == _doc(P1, KEPT)
    assert sorted(rules_of(record)) == ["t/opener-head", "t/signoff-last"]


def test_the_matcher_names_a_last_rule_on_the_last_line_with_text_only(tmp_path):
    [pack] = load_packs([LAST.pack(tmp_path)], builtin=False)
    [rule] = [rule for rule in pack.rules if rule.id == LAST.rule_id]
    matcher = matcher_for([rule])
    found = matcher.candidates([P1, TAGGED, TAGGED, P2, TAGGED, "  ", ""])
    assert list(found) == [4]
    assert matcher.candidates([TAGGED]) == {0: [rule]}


def _page(*paras: str) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paras)
    return (f"<html><head><title>Budget plan draws critics</title></head><body><article>"
            f"<h1>Budget plan draws critics</h1><div>{body}</div></article></body></html>").encode()


def test_a_page_s_last_paragraph_is_its_last_line(cleaner):
    record = cleaner.clean_html(_page(P1, P2, P3, TAGGED))
    assert record["text"].endswith(f"{P3}\n\n{KEPT}")
    assert "t/signoff-last" in rules_of(record)
    record = cleaner.clean_html(_page(P1, TAGGED, P2, P3))
    assert TAGGED in record["text"].split("\n")
    assert "t/signoff-last" not in rules_of(record)
