"""A rule's `unless`: the lines it spares though its pattern matches them, searched again as if
the rule had not matched; checked when loaded, and shown by a keep example."""

from __future__ import annotations

import pickle

import pytest

from cleaner.apply_rules import RuleStage
from cleaner.document import Document, Line
from cleaner.examples import example_failures, run_rule
from cleaner.matcher import Matcher
from cleaner.metadata import MetaSink
from cleaner.rulefile import RuleFileError, load_pack

CODE = '''[[rule]]
id = "t/code"
action = "drop-line"
where = "any"
case_sensitive = true
pattern = '^[a-z]{2,3}/[a-z]{2,3}$'
unless = '^(?:ac/dc|tcp/ip)$'
remove = ["jm/sst"]
keep = ["ac/dc"]
'''


def _pack(tmp_path, text):
    path = tmp_path / "t.toml"
    path.write_text(text, encoding="utf-8")
    return load_pack(path)


def test_a_line_unless_spares_stays_and_others_go(tmp_path):
    rule = _pack(tmp_path, CODE).rules[0]
    assert rule.unless == "^(?:ac/dc|tcp/ip)$"
    doc = run_rule(rule, "Story.\njm/sst\nac/dc\ntcp/ip\nkma/dw")
    assert [r.text for r in doc.removed] == ["jm/sst", "kma/dw"]
    assert [line.text for line in doc.lines] == ["Story.", "ac/dc", "tcp/ip"]


def test_a_spared_line_is_searched_again_for_the_next_rule(tmp_path):
    pack = _pack(tmp_path, CODE + '''
[[rule]]
id = "t/slash-tail"
action = "drop-span"
pattern = '/dc$'
remove = ["x/dc"]
''')
    doc = Document(id="d", text="ac/dc", packs=(pack,))
    doc.lines = [Line("ac/dc", 1)]
    RuleStage(Matcher(pack.rules), MetaSink((pack,)), guard_share=float("inf"))(doc)
    # t/code spares the line; t/slash-tail, after it in priority, still takes its span
    assert [(r.rule, r.text) for r in doc.removed] == [("t/slash-tail", "/dc")]


def test_unless_follows_the_rules_case(tmp_path):
    rule = _pack(tmp_path, CODE.replace("case_sensitive = true", "case_sensitive = false")
                 .replace("keep = [\"ac/dc\"]", "keep = [\"AC/DC\"]")).rules[0]
    assert [r.text for r in run_rule(rule, "AC/DC\nJM/SST").removed] == ["JM/SST"]


@pytest.mark.parametrize("unless, reason", [
    ("unless = 5", "unless must be a pattern"),
    ("unless = '(?=x)y'", "unless pattern rejected by RE2"),
    ("unless = 'x*'", "unless pattern matches empty text, so it spares every line"),
])
def test_a_broken_unless_is_refused_naming_the_rule(tmp_path, unless, reason):
    with pytest.raises(RuleFileError) as info:
        _pack(tmp_path, CODE.replace("unless = '^(?:ac/dc|tcp/ip)$'", unless))
    assert reason in str(info.value) and "t/code" in str(info.value)


def test_an_unless_no_keep_example_shows_is_a_failure_of_its_examples(tmp_path):
    rule = _pack(tmp_path, CODE.replace('keep = ["ac/dc"]', 'keep = ["and/or words"]')).rules[0]
    assert any("its unless spares none of its keep examples" in f
               for f in example_failures(rule))
    shown = _pack(tmp_path, CODE).rules[0]
    assert example_failures(shown) == []


def test_a_rule_with_unless_pickles_whole_for_the_workers(tmp_path):
    rule = _pack(tmp_path, CODE).rules[0]
    again = pickle.loads(pickle.dumps(rule))
    assert again == rule and again.unless_regex.search("tcp/ip")


HUGE = "(?:" + "|".join(f"\\pL{{1,1000}}w{n}" for n in range(6)) + ")"


@pytest.mark.parametrize("key, extra", [
    ("unless", f"unless = '{HUGE}'"),
    ("then", f"then = '{HUGE}'"),
])
def test_a_then_or_unless_too_large_to_compile_is_refused_when_loaded(tmp_path, key, extra):
    # (it parses; compiled for matching it passes RE2's memory budget, and every document it
    # met was rejected as an internal error)
    text = CODE.replace("unless = '^(?:ac/dc|tcp/ip)$'\n", "").replace('keep = ["ac/dc"]\n', "")
    text = text.replace('where = "any"', f'where = "any"\n{extra}')
    with pytest.raises(RuleFileError) as info:
        _pack(tmp_path, text)
    assert f"{key} pattern cannot be compiled for matching" in str(info.value)
