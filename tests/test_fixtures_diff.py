"""The diff `cleaner fixtures check` shows: a changed text by its paragraphs, the rest line by line."""

from __future__ import annotations

import json

from cleaner.fixtures import dump_record, record_diff

PARAGRAPHS = [f"Paragraf {n} " + "berita yang panjang sekali, " * 30 for n in range(12)]
RECORD = {"id": "a", "text": "\n\n".join(PARAGRAPHS), "meta": {"title": "Judul"},
          "removed": [{"rule": "x/y", "text": "Baca juga: lain", "line": 3, "col": 0}],
          "flags": [], "fixes": []}


def _changed(**changes) -> str:
    return dump_record({**json.loads(json.dumps(RECORD)), **changes})


def test_a_small_change_of_the_text_shows_its_paragraph_not_the_whole_text():
    paragraphs = list(PARAGRAPHS)
    paragraphs[6] = paragraphs[6].replace("berita", "kabar", 1)     # six characters, once
    diff = record_diff(dump_record(RECORD), _changed(text="\n\n".join(paragraphs)), "a.json")
    lines = diff.splitlines()
    assert f"-{PARAGRAPHS[6]}" in lines and f"+{paragraphs[6]}" in lines
    # A little context around it, and no more; no line as long as the whole text.
    assert f" {PARAGRAPHS[5]}" in lines and f" {PARAGRAPHS[7]}" in lines
    assert not any(PARAGRAPHS[3] in line or PARAGRAPHS[9] in line for line in lines)
    assert max(map(len, lines)) <= len(PARAGRAPHS[6]) + 1 < len(RECORD["text"])
    assert lines[:2] == ["--- a.json text (expected)", "+++ a.json text (now)"]


def test_the_rest_of_the_record_is_diffed_line_by_line_beside_a_changed_text():
    diff = record_diff(dump_record(RECORD), _changed(text=RECORD["text"] + "\n\nTambahan.",
                                                     flags=[{"flag": "guard"}]), "a.json")
    assert diff.startswith("--- a.json (expected)\n+++ a.json (now)\n")
    assert '-  "flags": [],\n' in diff and '+      "flag": "guard"\n' in diff
    assert "\n+Tambahan.\n" in diff


def test_a_record_whose_text_did_not_change_is_diffed_as_before():
    before, after = dump_record(RECORD), _changed(meta={"title": "Judul lain"})
    diff = record_diff(before, after, "a.json")
    assert '-    "title": "Judul"\n+    "title": "Judul lain"\n' in diff
    assert "text (expected)" not in diff
    # An expected record missing (or not JSON) is shown whole, as it was.
    whole = record_diff("", after, "a.json").splitlines()[3:]
    assert whole == [f"+{line}" for line in after.splitlines()]


def test_the_summary_names_a_changed_rule_whose_id_is_the_start_of_another_said():
    # (review s48: "a/x" was taken as named when "now fires a/xy" was said)
    from types import SimpleNamespace

    from cleaner.cli_fixtures import change_summary
    before = {**RECORD, "removed": [{"rule": "x/y", "text": "Baca juga: lain", "line": 3,
                                     "col": 0}]}
    after = {**RECORD, "removed": [{"rule": "x/y", "text": "juga: lain", "line": 3, "col": 5},
                                   {"rule": "x/yz", "text": "Iklan", "line": 9, "col": 0}]}
    comp = SimpleNamespace(problem=None, records=lambda: (before, after), lost=lambda: [],
                           gone=[])
    summary = change_summary(comp)
    assert "now fires x/yz" in summary and "removals by x/y changed" in summary
