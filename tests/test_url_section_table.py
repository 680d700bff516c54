"""url_section looks an ASCII path's segments up in a table of the sections' spellings: the
same section the pattern search finds, which still reads every other path."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from cleaner.url_section import _by_form, _spellings, url_section

SECTIONS = frozenset({"olahraga", "sepak bola", "gaya-hidup", "cek_fakta", "sepakbola", "a.b",
                      "k\u00f6ln"})
ASCII_SECTIONS = frozenset(s for s in SECTIONS if s.isascii())


def _searched(url: str, sections: frozenset[str]) -> str | None:
    """What the pattern search alone finds (url_section before the table)."""
    host = re.match(r"(?:https?:)?//", url, re.IGNORECASE)
    start = url.find("/", host.end() if host else 0)
    words, pattern, _ = _by_form(sections)
    match = pattern.search(url[start:]) if start >= 0 else None
    return words["".join(match.group(1).lower().replace("-", " ").replace("_", " ").split())] \
        if match else None


def test_the_table_holds_each_way_a_url_writes_a_section():
    assert sorted(_spellings([["sepak", "bola"]], {"sepakbola": "sepak bola"})) == \
        ["sepak bola", "sepak-bola", "sepak_bola", "sepakbola"]


@pytest.mark.parametrize("split", [[["k\u00f6ln"]], [["olahraga"], []], [list("abcde")],
                                   [["a/b"]], [["cek%20fakta"]]])
def test_sections_the_table_cannot_spell_leave_it_out(split):
    # Not ASCII (the pattern folds case beyond ASCII), no word, too many words to spell out, a
    # section across segments, one read decoded.
    assert _spellings(split, {}) is None
    assert _by_form(frozenset({"k\u00f6ln", "olahraga"}))[2] is None


_SEGMENT = st.one_of(st.sampled_from(["olahraga", "OlahRaga", "sepak-bola", "Sepak_Bola",
                                      "sepak bola", "sepak--bola", "gayahidup", "CEK-FAKTA",
                                      "a.b", "aXb", "berita", "", "2016", "olahraga.html"]),
                     st.text(alphabet="abolrgsepk-_ .XZ", max_size=10))


@settings(max_examples=600, deadline=None)
@given(st.sampled_from(["http://x.id/", "https://x.id/", "x.id/", "//x.id/", "/"]),
       st.lists(_SEGMENT, max_size=5).map("/".join), st.sampled_from(["", "/", "\n", "?q=/a"]))
@example("https://x.id/", "berita/Sepak-Bola/1", "")
@example("https://x.id/", "olahraga", "\n")
def test_the_table_finds_what_the_pattern_finds(head, path, tail):
    url = head + path + tail
    cut = url.split("?", 1)[0]
    assert url_section(url, ASCII_SECTIONS) == _searched(cut, ASCII_SECTIONS)


@pytest.mark.parametrize("url, section", [
    ("https://x.id/berita/OLAHRAGA/1", "olahraga"),
    ("HTTPS://x.id/Gaya_Hidup", "gaya-hidup"),
    ("https://x.id/cek-fakta/2", "cek_fakta"),
    ("https://x.id/sepak-bola/2", "sepak bola"),
    ("https://x.id/a/olahraga\n", "olahraga"),
    ("https://x.id/aXb/1", None),
])
def test_a_section_is_found_by_table_or_pattern_alike(url, section):
    assert url_section(url, ASCII_SECTIONS) == section         # the table
    assert url_section(url, SECTIONS) == section               # the pattern (Köln: not ASCII)


def test_a_section_holding_a_slash_spans_two_segments_as_the_pattern_reads_it():
    assert url_section("https://x.id/berita/A/B/1", frozenset({"a/b", "olahraga"})) == "a/b"


def test_a_path_that_is_not_ascii_is_searched_by_the_pattern():
    url = "https://x.id/K\u00f6ln/olahraga/1"
    assert url_section(url, SECTIONS) == "k\u00f6ln"
    assert url_section(url, ASCII_SECTIONS) == "olahraga"


def test_a_section_whose_letters_match_other_letters_case_ignored_raises_nothing():
    # A pack's 'ſport' (long s): its pattern, case ignored, matches '/sport/', whose form is not
    # the section's; that url was a KeyError out of every document's structure stage.
    sections = frozenset({"ſport", "nasional"})
    assert url_section("https://x.id/sport/a", sections) is None
    assert url_section("https://x.id/nasional/sport/a", sections) == "nasional"
    assert url_section("https://x.id/sport/nasional/a", sections) == "nasional"
