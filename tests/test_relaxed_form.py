"""A rule's relaxed form (large repeats unbounded) finds the same match and groups as the rule on every text it is used for."""

from __future__ import annotations

import pytest
import re2
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.relaxed_form import LARGE_BOUND, relaxed_form
from cleaner.re2_spans import Spans
from cleaner.rulefile import alphabet_of, compile_spans, re2_options
from rule_forms import RULES, example_lines as _examples, sample_lines

RELAXED = [rule for rule in RULES if relaxed_form(rule.pattern)[1]]
LINES = sample_lines()


def _both_forms(rule, text: str):
    """(what the rule stage searches with, the rule's own pattern) on one line of text."""
    data = text.encode()
    return (rule.spans_for(data, alphabet_of(text, data)).search(data),
            compile_spans(rule.pattern, rule.case_sensitive).search(data))


def test_shipped_packs_have_rules_to_relax():
    assert len(RELAXED) >= 20


@pytest.mark.parametrize("rule", RELAXED, ids=[rule.id for rule in RELAXED])
def test_the_form_searched_with_gives_the_rules_spans_on_every_line(rule):
    limit = relaxed_form(rule.pattern)[1]
    used = 0
    for text in _examples(rule) + LINES:
        for variant in (text, text.upper(), text.lower(), text[:limit]):
            fast, exact = _both_forms(rule, variant)
            assert fast == exact, variant
            used += len(variant.encode()) <= limit
    assert used > 0                      # the relaxed form was really searched with


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(RELAXED), st.data())
def test_relaxed_form_agrees_on_texts_that_fill_the_repeats(rule, data):
    """Examples with runs of letters, spaces and punctuation spliced in, cut to the limit:
    repeats pushed to their bounds, and past them by the cut-off (near misses included)."""
    limit = relaxed_form(rule.pattern)[1]
    base = data.draw(st.sampled_from(_examples(rule) or ["x"]))
    start = data.draw(st.integers(0, len(base)))
    run = data.draw(st.sampled_from(["a", " ", "A", "1", ".", "é", "ab "]))
    text = (base[:start] + run * data.draw(st.integers(0, limit)) + base[start:])
    text = text.encode()[:limit].decode("utf-8", "ignore")
    fast, exact = _both_forms(rule, text)
    assert fast == exact


def test_a_bound_is_relaxed_only_after_one_character():
    assert relaxed_form(r"(?:ab){2,50}[^x]{0,60}\b{0,30}")[0] == r"(?:ab){2,50}[^x]{0,}\b{0,30}"
    assert relaxed_form(r"\pL{1,40}\x{2019}{0,25}")[0] == r"\pL{1,}\x{2019}{0,}"
    assert relaxed_form(r"\Q.{0,99}\E") == (r"\Q.{0,99}\E", 0)          # literal text
    assert relaxed_form(r"[{0,99}]") == (r"[{0,99}]", 0)                # braces in a class
    assert relaxed_form(f"a{{0,{LARGE_BOUND - 1}}}")[1] == 0            # small bounds stay


def test_a_text_past_the_limit_gets_the_bounded_pattern():
    # Past its bound the relaxed pattern would take more: the rule stage must not use it there.
    bounded = r"\((?P<t>[^()]{1,25})\)"
    relaxed, limit = relaxed_form(bounded)
    text = "(" + "x" * 30 + ")"
    assert len(text) > limit
    assert Spans(re2.compile(bounded, re2_options())).search(text.encode()) is None
    assert Spans(re2.compile(relaxed, re2_options())).search(text.encode()) is not None
