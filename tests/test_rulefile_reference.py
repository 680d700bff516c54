"""docs/authoring.md's rule-file reference lists every key, value and named group the loader
accepts, and nothing else: a key added to the loader without a line in the reference fails."""

from __future__ import annotations

import re

from conftest import ROOT

from cleaner.rulefile import (_CASE_KEYS, _PACK_KEYS, _RULE_KEYS, ACTIONS, KINDS, META_GROUPS,
                              SET_FIELDS, SPECIAL_GROUPS, WHERE)

_CODE = re.compile(r"`([^`]+)`")


def _tables() -> list[tuple[str, dict[str, str]]]:
    """The reference's tables, each with the first line of the paragraph above it: each row's
    backticked names in the first column -> the rest of the row."""
    text = (ROOT / "docs" / "authoring.md").read_text(encoding="utf-8")
    assert "\n## Rule-file reference\n" in text, "docs/authoring.md has no rule-file reference"
    section = text.split("\n## Rule-file reference\n", 1)[1].split("\n## ", 1)[0]
    tables: list[tuple[str, dict[str, str]]] = []
    above, paragraph, rows = "", "", None
    for line in section.splitlines():
        if not line.startswith("|"):
            rows = None
            paragraph = (paragraph or line.strip()) if line.strip() else ""
            above = paragraph or above
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if rows is None:                    # the header row
            rows = {}
            tables.append((above, rows))
        elif not set(cells[0]) <= {"-"}:
            for name in _CODE.findall(cells[0]):
                rows[name] = " | ".join(cells[1:])
    return tables


def _table(title: str) -> dict[str, str]:
    """The one table under the paragraph that starts with `title`."""
    found = [rows for above, rows in _tables() if above.startswith(title)]
    assert len(found) == 1, f"expected one table under a line starting {title!r}"
    return found[0]


def _pack_and_rule_tables():
    return _table("`[pack]`"), _table("`[[rule]]`")


def test_every_pack_key_the_loader_accepts_is_in_the_reference_and_no_other():
    pack, _ = _pack_and_rule_tables()
    assert set(pack) == _PACK_KEYS, (f"missing: {sorted(_PACK_KEYS - set(pack))}, "
                                     f"not accepted: {sorted(set(pack) - _PACK_KEYS)}")


def test_every_rule_key_the_loader_accepts_is_in_the_reference_and_no_other():
    _, rule = _pack_and_rule_tables()
    assert set(rule) == _RULE_KEYS, (f"missing: {sorted(_RULE_KEYS - set(rule))}, "
                                     f"not accepted: {sorted(set(rule) - _RULE_KEYS)}")


def test_the_values_of_each_key_are_the_loaders():
    pack, rule = _pack_and_rule_tables()
    for values, row in ((KINDS, pack["kind"]), (ACTIONS, rule["action"]),
                        (WHERE, rule["where"]), (SET_FIELDS, rule["set"]),
                        (_CASE_KEYS, rule["cases"])):
        named = set(_CODE.findall(row))
        assert set(values) <= named, f"{sorted(set(values) - named)} missing from: {row}"


def test_every_named_group_a_pattern_may_capture_is_in_the_reference_and_no_other():
    groups = set(_table("Named groups"))
    allowed = META_GROUPS | SPECIAL_GROUPS
    assert groups == allowed, (f"missing: {sorted(allowed - groups)}, "
                               f"not accepted: {sorted(groups - allowed)}")
