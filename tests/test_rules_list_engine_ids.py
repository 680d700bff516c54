"""`cleaner rules list` names the removal ids the cleaner gives its own removals (header/*, html/*,
structure/*, ...) and each site pack's html_strip selectors, as it names a pack's rules: they are
most of a web page's removals, and a user could look none of them up."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cleaner.cli import main
from cleaner.engine_rules import ENGINE_RULES
from cleaner.rulefile import RESERVED_PREFIXES, engine_rule_id

PACKAGE = Path(__file__).resolve().parent.parent / "cleaner"


def _listed(capsys, *pattern: str) -> tuple[int, str]:
    capsys.readouterr()
    status = main(["rules", "list", *pattern])
    return status, capsys.readouterr().out


@pytest.mark.parametrize("pattern", ["html/chrome-link-list", "header/title", "html/*",
                                     "structure/repeated-body"])
def test_an_engine_id_is_listed_with_what_it_takes(capsys, pattern):
    status, out = _listed(capsys, pattern)
    assert status == 0
    assert "engine (the cleaner itself)" in out
    assert re.search(rf"^\s+{re.escape(pattern.rstrip('*'))}\S*\s+(meta|drop-line|html-strip)"
                     r"\s+\w", out, re.MULTILINE), out


def test_a_site_packs_html_strip_selectors_are_listed_under_it(capsys):
    status, out = _listed(capsys, "kabarislamia*")
    assert status == 0
    assert re.search(r"kabarislamia\.com\s+1 of 1 rule\s+and 8 of 8 html_strip selectors", out)
    assert "kabarislamia.com/html-strip:li.widget" in out
    status, out = _listed(capsys, "kabarislamia.com/html-strip:li.widget")
    assert status == 0 and "and 1 of 8 html_strip selectors" in out


def test_every_engine_id_the_code_gives_is_in_the_table():
    # An id written in the code and left out of the table would again be one `rules list`
    # cannot find.
    literal = re.compile(r"""["']((?:html|header|structure|markup)/[a-z][a-z-]*)["']""")
    found = {name for path in PACKAGE.glob("*.py") if path.name != "engine_rules.py"
             for name in literal.findall(path.read_text(encoding="utf-8"))}
    table = {rule.id for rule in ENGINE_RULES}
    assert found and found <= table, found - table


def test_every_engine_id_is_reserved_for_the_engine():
    assert {prefix for prefix in RESERVED_PREFIXES} == \
        {rule.id.split("/")[0] + "/" for rule in ENGINE_RULES if not rule.id.startswith("PACK/")}
    assert all(engine_rule_id(rule.id) for rule in ENGINE_RULES if "SITE" not in rule.id)
