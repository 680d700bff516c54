"""Helpers for the tests of a rule's cheaper forms: the sample's lines and each rule's own example lines."""

from __future__ import annotations

import json

from cleaner.rulefile import load_packs
from conftest import ROOT

RULES = [rule for pack in load_packs() for rule in pack.rules]


def sample_lines() -> list[str]:
    """Every non-empty line of the seed fixtures and the labelled IndoSum sample."""
    texts = [path.read_text(encoding="utf-8") for path in sorted(ROOT.glob("fixtures/*/*.txt"))]
    with open(ROOT / "fixtures" / "indosum" / "labelled.jsonl", encoding="utf-8") as f:
        texts += [json.loads(line)["text"] for line in f if line.strip()]
    return [line for text in texts for line in text.split("\n") if line]


def example_lines(rule) -> list[str]:
    """The non-empty lines of a rule's remove, keep and case examples."""
    texts = list(rule.remove) + list(rule.keep) + [case["input"] for case in rule.cases]
    return [line for text in texts for line in text.split("\n") if line]
