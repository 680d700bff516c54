"""A rule's plain form (Unicode classes narrowed to common characters) finds, on text of those characters, the same match and groups as its UTF-8 form."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import plain_form as plain
from cleaner.ascii_form import PROPERTY
from cleaner.pattern_tokens import tokens
from cleaner.rulefile import ANY, PLAIN, alphabet_of, compile_spans, load_packs
from rule_forms import RULES, example_lines as _examples, sample_lines

# The sample's lines that are plain but not ASCII.
LINES = [line for line in sample_lines() if not line.isascii() and plain.is_plain(line)]


def _both(rule, text: str):
    data = text.encode()
    return (compile_spans(rule.pattern, rule.case_sensitive, PLAIN).search(data),
            compile_spans(rule.pattern, rule.case_sensitive, ANY).search(data))


def test_the_sample_has_plain_lines_beyond_ascii():
    assert len(LINES) >= 150


def test_every_shipped_rule_has_a_plain_form():
    with_classes = [rule for rule in RULES
                    if any(PROPERTY.fullmatch(token) for token, _ in tokens(rule.pattern))]
    assert len(with_classes) >= 50
    assert all(plain.plain_form(rule.pattern, rule.case_sensitive) is not None for rule in RULES)


@pytest.mark.parametrize("rule", RULES, ids=[rule.id for rule in RULES])
def test_plain_form_gives_the_utf8_spans_on_plain_lines(rule):
    for text in _examples(rule) + LINES:
        for variant in (text, text.upper(), text.lower()):
            if plain.is_plain(variant):
                fast, exact = _both(rule, variant)
                assert fast == exact, variant


def test_plain_forms_do_find_matches_on_plain_lines():
    """The comparison above is not between two forms that never match: on its plain lines the
    shipped rules match dozens of times."""
    found = sum(_both(rule, text)[0] is not None for rule in RULES
                for text in _examples(rule) + LINES if plain.is_plain(text) and not text.isascii())
    assert found >= 30


PLAIN_CHARS = st.sampled_from(plain.ALPHABET[32:127] + plain.ALPHABET[160:])


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(RULES), st.data())
def test_plain_form_agrees_on_examples_spliced_with_plain_characters(rule, data):
    examples = [text for text in _examples(rule) if plain.is_plain(text)] or ["x"]
    base = data.draw(st.sampled_from(examples))
    start = data.draw(st.integers(0, len(base)))
    noise = data.draw(st.text(PLAIN_CHARS, max_size=12))
    text = base[:start] + noise + base[start:]
    if data.draw(st.booleans()):
        text = text.swapcase()
    if plain.is_plain(text):
        fast, exact = _both(rule, text)
        assert fast == exact


def test_a_class_that_would_narrow_wrongly_has_no_plain_form(monkeypatch):
    # With ɓ in the alphabet and not its capital Ɓ, (?i)\p{Lu} matches it (Ɓ is a Lu) where
    # the narrowed class would not: the check refuses.
    monkeypatch.setattr(plain, "ALPHABET", plain.ALPHABET + ("ɓ",))
    monkeypatch.setattr(plain, "_ALPHABET_TEXT", "".join(plain.ALPHABET))
    assert plain._narrowed.__wrapped__(r"\p{Lu}") is None
    assert plain._narrowed.__wrapped__(r"\pN") is not None


def test_lines_choose_their_alphabet():
    # A scraped post's emoji and a name in Latin Extended-A or Greek keep a line plain: the
    # full forms of some rules take 50 ms to compile and 5 MB each.
    assert [alphabet_of(t, t.encode()) for t in ("Kata", "“Kata” — café", "Łódź, Ελλάδα",
                                                 "Mantap ✅❤️😀🇮🇩", "Москва")] == [
        "ascii", "plain", "plain", "plain", "any"]


SIGNED = [pack for pack in load_packs() if pack.signature_pattern]


@pytest.mark.parametrize("pack", SIGNED, ids=[pack.id for pack in SIGNED])
def test_site_signatures_find_the_same_spans_in_the_form_a_text_allows(pack):
    """Site identification searches a signature in the ASCII or plain form the text allows."""
    exact = compile_spans(pack.signature_pattern, True, ANY)
    for text in sample_lines():
        for variant in (text, text.upper()):
            data = variant.encode()
            fast = compile_spans(pack.signature_pattern, True, alphabet_of(variant, data))
            assert fast.search(data) == exact.search(data), variant


def test_site_signatures_do_match_sample_lines():
    """The comparison above is not between forms that never match."""
    lines = [line.encode() for line in sample_lines()]
    matching = [pack.id for pack in SIGNED
                if any(compile_spans(pack.signature_pattern, True, ANY).search(data)
                       for data in lines)]
    assert len(SIGNED) >= 20 and len(matching) >= 3, matching
