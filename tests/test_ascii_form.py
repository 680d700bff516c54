"""A rule's ASCII form finds, on ASCII text, the same match and groups as its UTF-8 form."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.ascii_form import ascii_form, compile_ascii
from cleaner.re2_spans import Spans
from cleaner.rulefile import re2_options
from rule_forms import RULES, example_lines, sample_lines

LINES = [line.encode() for line in sample_lines() if line.isascii()]


def _examples(rule) -> list[bytes]:
    # Non-ASCII examples count too, made ASCII: the rule's cruft with its letters plain.
    return [line.encode("ascii", "replace") for line in example_lines(rule)]


@pytest.mark.parametrize("rule", RULES, ids=[rule.id for rule in RULES])
def test_ascii_form_gives_the_utf8_spans_on_ascii_lines(rule):
    fast, exact = rule.ascii_spans, rule.spans
    for data in _examples(rule) + LINES:
        for variant in (data, data.upper(), data.lower()):
            assert fast.search(variant) == exact.search(variant), variant


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(RULES), st.data())
def test_ascii_form_agrees_on_mutated_examples(rule, data):
    """Examples cut, recased and spliced with random ASCII agree too (near misses included)."""
    examples = _examples(rule) or [b"x"]
    base = data.draw(st.sampled_from(examples))
    start = data.draw(st.integers(0, len(base)))
    noise = data.draw(st.text(st.characters(min_codepoint=32, max_codepoint=126), max_size=12))
    text = base[:start] + noise.encode() + base[start:]
    if data.draw(st.booleans()):
        text = text.swapcase()
    assert rule.ascii_spans.search(text) == rule.spans.search(text)


def test_unicode_classes_become_their_ascii_members():
    assert ascii_form(r"\p{Lu}\pN[^\pL]") == r"[\x41-\x5a][\x30-\x39][^\x41-\x5a\x61-\x7a]"
    assert ascii_form(r"[\p{Greek}]") == r"[\x80]"         # no ASCII member: never matches
    assert ascii_form(r"\\pL") == r"\\pL"                   # an escaped backslash, then "pL"


def test_non_ascii_characters_become_one_byte_that_ascii_never_holds():
    assert ascii_form("\u00ae?-[ -\u2013]\\x{2019}\\\u2019") == r"\x80?-[ -\x80]\x80\x80"
    regex = compile_ascii("^Kompas\u00ae?\\s*[\u2013-]", re2_options())
    assert Spans(regex).search(b"Kompas - x") == [(0, 8)]     # the optional mark stays optional


def test_patterns_without_an_ascii_form_keep_the_utf8_one():
    assert ascii_form("(?i)\u212aelvin") is None             # the Kelvin sign folds to k
    assert ascii_form(r"\Q\pL\E") is None
    assert compile_ascii(r"\p{NoSuchClass}", re2_options()) is None
