"""Spans from RE2's binding are the spans its public API gives, for every shipped rule."""

from __future__ import annotations

import pytest
import re2

from cleaner.matcher import search_rules
from cleaner.re2_spans import Spans
from cleaner.rulefile import load_packs

RULES = [rule for pack in load_packs() for rule in pack.rules]


def _texts(rule) -> list[bytes]:
    texts = list(rule.remove) + list(rule.keep) + [case["input"] for case in rule.cases]
    return [line.encode() for text in texts for line in text.split("\n") if line]


def _public_spans(regex, data: bytes, pos: int = 0):
    m = regex.search(data, pos)
    return None if m is None else [m.span(i) for i in range(regex.groups + 1)]


@pytest.mark.parametrize("rule", RULES, ids=[rule.id for rule in RULES])
def test_binding_spans_equal_the_public_api_on_each_rule_example(rule):
    raw, public = Spans(rule.regex), Spans(rule.regex, raw=False)
    for data in _texts(rule):
        for pos in (0, 1):
            expected = _public_spans(rule.regex, data, pos)
            assert raw.search(data, pos) == expected
            assert public.search(data, pos) == expected


def test_group_names_follow_groupdict_order_and_indexes():
    regex = re2.compile(r"(?P<author2>b)?(?P<author>a)(?P<cut>c)?")
    spans = Spans(regex)
    assert [name for name, _ in spans.names] == list(regex.groupindex)
    assert dict(spans.names) == regex.groupindex
    assert spans.search(b"xa") == [(1, 2), (-1, -1), (1, 2), (-1, -1)]


def test_search_limits_to_the_byte_range_given():
    spans = Spans(re2.compile(b"(?m)^ab"))
    data = b"ab\nab\nab"
    assert spans.search(data, 1)[0] == (3, 5)
    assert spans.search(data, 1, 4) is None


def test_first_rule_at_the_line_start_wins_over_a_later_one():
    by_id = {rule.id: rule for rule in RULES}
    site, generic = by_id["cnnindonesia/dateline"], by_id["id/dateline-city-source"]
    line = "Jakarta, CNN Indonesia -- Militer Rusia menarik pasukan."
    hit = search_rules(line, [site, generic])
    assert hit.rule is site and hit.start == 0 and hit.values["location"] == "Jakarta"
    hit = search_rules(line, [generic, site])
    assert hit.rule is generic and hit.values["source"] == "CNN Indonesia"


def test_offsets_are_characters_in_non_ascii_lines():
    by_id = {rule.id: rule for rule in RULES}
    rule = by_id["id/dateline-city-source"]
    line = "Bogotá, CNN Indonesia -- Presiden Kolombia berbicara."
    hit = search_rules(line, [rule])
    assert hit.values["location"] == "Bogotá"
    assert line[hit.end:].startswith("Presiden")
