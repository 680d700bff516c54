"""NFC_HINT (matched in first_look's one RE2 pass) stands in for unicodedata's check on texts
without a character that NFC could change: never a text left out that NFC would change."""

from __future__ import annotations

import sys
import unicodedata

import re2
from hypothesis import example, given, settings
from hypothesis import strategies as st

from cleaner import normalize as norm
from cleaner.first_look import first_look

_HINT = re2.compile(norm.NFC_HINT)


def _unmatched(char: str) -> bool:
    return _HINT.search(char.encode("utf-8")) is None


def _blocks() -> list[str]:
    return [chr(code) for first, last in norm._NFC_BLOCKS for code in range(first, last + 1)]


def test_no_character_the_hint_passes_over_composes_with_one_before_it():
    # NFC joins a pair when a canonical decomposition (or Hangul's) has the second character
    # last: such a character must be hinted, whatever stands before it.
    seconds = {int(parts[-1], 16) for code in range(sys.maxunicode + 1)
               if (parts := unicodedata.decomposition(chr(code)).split())
               and not parts[0].startswith("<") and len(parts) == 2}
    seconds |= set(range(0x1161, 0x1176)) | set(range(0x11A8, 0x11C3))
    passed = {ord(char) for char in _blocks() if _unmatched(char)}
    assert passed and not passed & seconds


def test_every_character_the_hint_passes_over_is_its_own_nfc_and_combines_with_nothing():
    for char in _blocks():
        if _unmatched(char):
            assert unicodedata.combining(char) == 0 and unicodedata.is_normalized("NFC", char)


def test_characters_outside_the_blocks_and_marks_are_hinted():
    for char in ("\u0301", "\u0340", "\u2000", "\u212b", "\u00e9\u0301", "\u4e2d", "\U0001f600",
                 "\u1161"):
        assert not _unmatched(char)
    assert _unmatched("caf\u00e9 \u201cberita\u201d \u2013 Rp5\u20ac \u2122 \u03bc")


_TEXT = st.text(alphabet=st.one_of(st.sampled_from(_blocks()),
                                   st.sampled_from("e\u0301\u0308\u1100\u1161\u212b\u2000")),
                max_size=30)


@settings(max_examples=500, deadline=None)
@given(_TEXT)
@example("A\u030a")
@example("\u1100\u1161")
def test_a_text_without_the_hint_is_in_nfc(text):
    if _HINT.search(text.encode("utf-8")) is None:
        assert unicodedata.is_normalized("NFC", text)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_first_look_hints_nfc_exactly_where_the_text_is_not_nfc(text):
    assert ("nfc" in first_look(text).fixes) == norm.not_nfc(text)


def test_a_caller_that_found_no_nfc_hint_is_not_asked_about_nfc():
    assert norm.fixes_hinted("e\u0301", (), maybe_not_nfc=False) == frozenset()
    assert norm.fixes_hinted("e\u0301", ()) == frozenset({"nfc"})
