"""A pack brings its patterns' rewritten forms (from the pack cache too): cleaning rewrites none of its patterns again."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from cleaner import pack_cache, pattern_forms
from cleaner.fixtures import clean_fixture, fixture_inputs
from cleaner.pipeline import Cleaner
from cleaner.relaxed_form import relaxed_form
from cleaner.rulefile import load_packs
from cleaner.scan_form import scan_form

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SCAN, RELAXED = "cleaner.scan_form.scan_form", "cleaner.relaxed_form.relaxed_form"


class _Asked(dict):
    """pattern_forms' store, noting each rewrite asked for that it does not hold."""

    def __init__(self, known):
        super().__init__(known)
        self.missed = []

    def get(self, key, default=None):
        if key not in self:
            self.missed.append(key)
        return super().get(key, default)


@pytest.fixture
def asked(monkeypatch):
    """The rewrites asked for and not known, from an empty store."""
    store = _Asked({})
    monkeypatch.setattr(pattern_forms, "_KNOWN", store)
    return store


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv(pack_cache.ENV, str(tmp_path / "cache"))


def test_a_pack_from_the_cache_brings_the_forms_it_was_loaded_with(cache):
    parsed = load_packs()
    cached = load_packs()
    assert all(pack.forms for pack in parsed if pack.rules)
    assert [pack.forms for pack in cached] == [pack.forms for pack in parsed]
    assert cached[0] is not parsed[0]           # (the second load did come from the cache)


def test_cleaning_the_fixtures_rewrites_no_pattern_of_the_packs(cache, asked):
    packs = load_packs()
    asked.missed.clear()                        # (loading them worked their forms out)
    cleaner = Cleaner(packs=packs)
    for raw in fixture_inputs(FIXTURES):
        clean_fixture(cleaner, raw, kept_rules=False)
    assert len(asked) > 500, "the Cleaner did not remember its packs' forms"
    assert asked.missed == []


def test_packs_made_without_forms_clean_as_packs_with_them(cache, asked):
    packs = load_packs()
    bare = [replace(pack, forms={}) for pack in packs]
    raws = fixture_inputs(FIXTURES)
    worked_out = [clean_fixture(Cleaner(packs=bare), raw, kept_rules=False) for raw in raws]
    assert asked.missed                         # nothing was known: the forms were worked out
    assert worked_out == [clean_fixture(Cleaner(packs=packs), raw, kept_rules=False)
                          for raw in raws]


def test_a_known_form_answers_without_the_rewrite_running(asked):
    pattern_forms.remember({(SCAN, "x{2,9}"): "told"})
    assert scan_form("x{2,9}") == "told"
    assert relaxed_form("y.{0,200}") == ("y.{0,}", 200)         # unknown: worked out


def test_collecting_gathers_the_rewrites_asked_for_known_or_not(asked):
    pattern_forms.remember({(SCAN, "a{1,3}"): "a+"})
    with pattern_forms.collecting() as forms:
        scan_form("a{1,3}")
        relaxed_form("b.{0,50}")
    assert forms == {(SCAN, "a{1,3}"): "a+", (RELAXED, "b.{0,50}"): ("b.{0,}", 50)}
    scan_form("c{1,3}")
    assert (SCAN, "c{1,3}") not in forms         # asked after the block
