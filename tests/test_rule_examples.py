"""Every shipped rule passes its own remove/keep/cases examples; select one with -k <rule id>."""

from __future__ import annotations

import pytest

from cleaner.examples import example_failures
from cleaner.rulefile import load_packs

PACKS = load_packs()
RULES = [(pack, rule) for pack in PACKS for rule in pack.rules]


@pytest.mark.parametrize("pack,rule", RULES, ids=[rule.id for _, rule in RULES])
def test_rule_examples_hold(pack, rule):
    # Meta normalization (month names, source aliases) needs the rule's language and all sites.
    context = tuple(p for p in PACKS if p.kind == "site") + tuple(
        p for p in PACKS if p.kind == "lang" and p.id in (pack.lang, pack.id, "id"))
    assert example_failures(rule, (pack, *context)) == []


def test_every_rule_has_a_description():
    missing = [rule.id for _, rule in RULES if not rule.description.strip()]
    assert missing == []
