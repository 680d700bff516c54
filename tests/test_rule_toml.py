"""Rules written as TOML read back as the same rule; regexes come out as literal strings."""

from __future__ import annotations

import tomllib
from pathlib import Path

from cleaner.rule_toml import rule_toml
from cleaner.rulefile import _load_rule

RELATED = {"id": "t/related", "description": "related titles under a label", "action": "drop-line",
           "pattern": r"^Baca juga\s*:$", "then": r"^\S.{0,120}[^.]$", "then_max": 4,
           "remove": ["Baca juga:"]}


def test_a_then_pattern_is_written_as_a_literal_string_after_the_pattern():
    lines = rule_toml(RELATED).splitlines()
    at = lines.index(f"pattern = '{RELATED['pattern']}'")
    assert lines[at + 1:at + 3] == [f"then = '{RELATED['then']}'",
                                    f"then_max = {RELATED['then_max']}"]


def test_a_rule_with_a_then_pattern_reads_back_the_same():
    raw = tomllib.loads(rule_toml(RELATED))["rule"][0]
    rule = _load_rule(raw, 0, "t", Path("t.toml"))
    assert (rule.pattern, rule.then, rule.then_max) == (RELATED["pattern"], RELATED["then"],
                                                        RELATED["then_max"])
