"""Every shipped rule passes its own remove/keep/cases examples; select one with -k <rule id>."""

from __future__ import annotations

import pytest

from cleaner.examples import example_failures
from cleaner.pipeline import Cleaner
from cleaner.rulefile import load_packs
from cleaner.rules_check import example_reading

PACKS = load_packs()
CLEANER = Cleaner(packs=PACKS)
RULES = [(pack, rule) for pack in PACKS for rule in pack.rules]


@pytest.mark.parametrize("pack,rule", RULES, ids=[rule.id for _, rule in RULES])
def test_rule_examples_hold(pack, rule):
    # Read as `rules check` and `clean` read it: the packs a document of the rule's site or
    # language meets, and the cleaner's meta sink.
    assert example_failures(rule, example_reading(CLEANER, pack)) == []


def test_every_rule_has_a_description():
    missing = [rule.id for _, rule in RULES if not rule.description.strip()]
    assert missing == []
