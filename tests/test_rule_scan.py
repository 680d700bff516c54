"""A rule's `scan` pattern: what the rules' set looks for in a line, held to match wherever the rule does."""

from __future__ import annotations

import pytest

from cleaner.examples import example_failures
from cleaner.pipeline import Cleaner
from cleaner.rulefile import RuleFileError, load_packs

PACK = '''[pack]
id = "kabar"
kind = "common"

[[rule]]
id = "kabar/promo"
action = "drop-span"
pattern = '^(?:[^"\\n]|"[^"\\n]*")*\\s(?P<cut>IKUTI KAMI di \\S+)$'
scan = '{scan}'
remove = ["Berita lengkap di sini IKUTI KAMI di Kabar.id"]
keep = ["Dia berkata \\"IKUTI KAMI di Kabar.id\\""]
'''
TEXT = ("Warga memadati alun-alun kota sejak pagi untuk melihat pawai budaya tahunan itu. "
        "IKUTI KAMI di Kabar.id\n\nPawai berakhir menjelang sore tanpa gangguan berarti.")


def _rule(tmp_path, scan: str):
    path = tmp_path / "kabar.toml"
    path.write_text(PACK.replace("{scan}", scan), encoding="utf-8")
    return path, _promo(path)


def _promo(path):
    return next(rule for pack in load_packs([path]) for rule in pack.rules
                if rule.id == "kabar/promo")


def test_a_rule_with_a_scan_removes_what_its_pattern_matches(tmp_path):
    path, rule = _rule(tmp_path, "IKUTI KAMI di")
    assert rule.scan_source == "IKUTI KAMI di" and example_failures(rule) == []
    record = Cleaner(rules=[path]).clean(TEXT)
    assert [r["text"].strip() for r in record["removed"]] == ["IKUTI KAMI di Kabar.id"]
    assert "IKUTI" not in record["text"]


def test_a_scan_that_misses_a_line_its_pattern_matches_is_said(tmp_path):
    _, rule = _rule(tmp_path, "FOLLOW US")
    failures = example_failures(rule)
    assert any(f.startswith("its scan misses 'Berita lengkap di sini IKUTI KAMI di Kabar.id'")
               for f in failures)


def test_a_scan_that_re2_refuses_is_an_error_naming_the_rule(tmp_path):
    with pytest.raises(RuleFileError, match="kabar/promo.*scan rejected|scan rejected"):
        _rule(tmp_path, "(?<=x)IKUTI")


def test_without_a_scan_the_set_scans_for_the_pattern(tmp_path):
    path = tmp_path / "kabar.toml"
    path.write_text(PACK.replace("scan = '{scan}'\n", ""), encoding="utf-8")
    rule = _promo(path)
    assert rule.scan == "" and rule.scan_source == rule.pattern
