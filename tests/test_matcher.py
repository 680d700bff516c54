"""The matcher's fast scan names every line and rule that the exact patterns match, and no fewer."""

from __future__ import annotations

import dataclasses
import json

import pytest
import re2

from cleaner.matcher import HEAD_LINES, TAIL_LINES, applies, last_line, matcher_for
from cleaner.scan_form import scan_form
from cleaner.rulefile import load_packs, re2_options
from conftest import ROOT

PACKS = load_packs()
RULES = [rule for pack in PACKS for rule in pack.rules]


def _documents(written: bool = True) -> list[list[str]]:
    """Lines of the text fixtures and of the labelled IndoSum sample; without `written`, only the
    seeds and the sample: real text, real cruft (a written fixture packs its site's cruft in)."""
    written_names = (ROOT / "fixtures" / "WRITTEN-ARTICLES.md").read_text(encoding="utf-8")
    docs = [path.read_text(encoding="utf-8").split("\n")
            for path in sorted(ROOT.glob("fixtures/*/*.txt"))
            if written or f"{path.parent.name}/{path.name}" not in written_names]
    with open(ROOT / "fixtures" / "indosum" / "labelled.jsonl", encoding="utf-8") as f:
        docs += [json.loads(line)["text"].split("\n") for line in f if line.strip()]
    return [[line for line in doc if line] for doc in docs]


DOCUMENTS = _documents()
REAL_DOCUMENTS = _documents(written=False)


def _example_lines(rule) -> list[str]:
    texts = list(rule.remove) + list(rule.keep) + [case["input"] for case in rule.cases]
    return [line for text in texts for line in text.split("\n") if line]


@pytest.mark.parametrize("rule", RULES, ids=[rule.id for rule in RULES])
def test_scan_form_matches_wherever_the_exact_pattern_does(rule):
    loose = re2.compile(("" if rule.case_sensitive else "(?i)") + scan_form(rule.scan_source),
                        re2_options())
    lines = _example_lines(rule) + [line for doc in DOCUMENTS[:60] for line in doc]
    missed = [line for line in lines if rule.regex.search(line) and not loose.search(line)]
    assert missed == []


def _exact_candidates(rules, lines: list[str]) -> dict[int, list[str]]:
    count, found, last = len(lines), {}, last_line(lines)
    for index, line in enumerate(lines):
        hits = [rule.id for rule in rules
                if applies(rule, index < HEAD_LINES, index >= count - TAIL_LINES, index == last)
                and rule.regex.search(line)]
        if hits:
            found[index] = hits
    return found


def _combination(site: str | None) -> tuple:
    """The rules a document of `site` gets: its site pack's, then the language and common ones."""
    site_packs = [p for p in PACKS if p.kind == "site" and p.id == site]
    others = [p for p in PACKS if p.kind != "site"]
    return tuple(rule for pack in site_packs + others for rule in pack.rules)


@pytest.mark.parametrize("site", ["tribunnews.com", "kompas.com", None])
def test_candidates_hold_every_exact_match_in_priority_order(site):
    rules = _combination(site)
    matcher = matcher_for(rules, site, universe=tuple(RULES))
    for lines in DOCUMENTS:
        named = {index: [rule.id for rule in found]
                 for index, found in matcher.candidates(lines).items()}
        for index, exact in _exact_candidates(rules, lines).items():
            # Every exactly matching rule is named for its line, in the same relative order.
            assert [rule_id for rule_id in named.get(index, []) if rule_id in exact] == exact


@pytest.mark.parametrize("site", ["tribunnews.com", "detik.com", None])
def test_the_set_of_every_rule_names_a_combination_only_its_own_rules(site):
    # The fixtures hold several sites' cruft: other sites' rules match lines here, and must not
    # be named for this combination.
    rules = _combination(site)
    shared = matcher_for(rules, site, universe=tuple(RULES))
    alone = matcher_for(rules, site)
    assert len(shared._local) == len(RULES) > len(rules)
    for lines in DOCUMENTS:
        assert shared.candidates(lines) == alone.candidates(lines)


def test_a_universe_without_the_combinations_rules_is_not_used():
    rules = _combination("kompas.com")
    matcher = matcher_for(rules, "kompas.com", universe=rules[:3])
    assert len(matcher._local) == len(rules)
    assert any(matcher.candidates(lines) for lines in DOCUMENTS)


def test_rules_too_many_for_one_set_are_split_and_name_the_same_lines(monkeypatch):
    from cleaner import matcher as matcher_module

    rules = tuple(rule for pack in PACKS if pack.kind != "site" for rule in pack.rules)
    whole = matcher_module.RuleSets(list(rules))
    assert len(whole.parts) == 1
    # Too small for one set, large enough for each rule (a dateline rule holding a list of 300
    # cities needs over 256 KB alone).
    monkeypatch.setattr(matcher_module, "SCAN_MAX_MEM", 512 << 10)
    split = matcher_module.RuleSets(list(rules))
    assert len(split.parts) > 1
    for lines in DOCUMENTS[:80]:
        assert (matcher_module.Matcher(rules, split, rules).candidates(lines)
                == matcher_module.Matcher(rules, whole, rules).candidates(lines))


def test_lines_scanned_joined_name_what_lines_scanned_one_by_one_do():
    matcher = matcher_for(tuple(RULES))
    match, calls = matcher._match, []
    matcher._match = lambda data: calls.append(data) or match(data)
    for lines in DOCUMENTS:
        scanned = [sorted(found or []) for found in matcher.scan(lines)]
        assert scanned == [sorted(match(line.encode()) or []) for line in lines]
    # The lines between the first and the last went in one call where they matched nothing
    # (in real text: a written fixture has its site's cruft between its paragraphs on purpose).
    calls.clear()
    for lines in REAL_DOCUMENTS:
        matcher.scan(lines)
    assert len(calls) < 0.7 * sum(map(len, REAL_DOCUMENTS))
    assert any(b"\n" in data for data in calls)


def test_a_rule_on_the_text_edges_makes_each_line_scanned_alone(tmp_path):
    # \A on one line alone is the line's start; on lines joined it is the first line's only.
    from cleaner import Cleaner

    pack = tmp_path / "mine.toml"
    pack.write_text('[[rule]]\nid = "mine/promo"\naction = "drop-line"\n'
                    'pattern = \'\\ABELI SEKARANG\\z\'\nremove = ["BELI SEKARANG"]\n',
                    encoding="utf-8")
    cleaner = Cleaner(rules=[pack], builtin=False)
    record = cleaner.clean("Isi berita pertama.\n\nBELI SEKARANG\n\nIsi kedua.\n\nIsi ketiga.")
    assert [r["rule"] for r in record["removed"]] == ["mine/promo"]


def test_rules_that_differ_only_in_their_scan_get_sets_of_their_own():
    # The process-wide sets were keyed by each rule's pattern, not by what the set scans for:
    # a Cleaner whose rule had another `scan` got the first Cleaner's set, and its scan.
    rule = next(r for r in RULES if not r.scan)
    narrow = dataclasses.replace(rule, scan=r"\Aa scan that matches no line\z")
    line = (rule.remove[0] if rule.remove else rule.cases[0]["input"]).split("\n")[0]
    assert matcher_for((rule,)).scan([line]) == [[0]]
    assert not matcher_for((narrow,)).scan([line])[0]
