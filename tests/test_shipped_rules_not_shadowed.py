"""No shipped rule loses its remove examples to a rule of another shipped pack, in any pack
combination a document can load: the checks of `cleaner rules check` run on the shipped packs
as if each were the user's.

A site pack's rules go first on its own site's documents by design (that is how a site overrides
the generic rules), so a common or language rule is held to the packs of its documents short of
a site: each language, or none. A site's rules are held to their site with every language (a
document of another edition, or `--lang`, and with no language pack loaded)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from cleaner.rules_check import Finding, check_shadowed_by_loaded, check_shadowing, load_all
from cleaner.rulefile import Pack, read_pack


@pytest.fixture(scope="module")
def shipped() -> list[Pack]:
    packs, findings = load_all()
    assert not [f for f in findings if f.level == "error"], findings
    return packs


def _said(findings: list[Finding]) -> str:
    return "\n".join(f"{f.where}: {f.message}" for f in findings)


def test_no_shipped_rule_is_shadowed_within_its_pack_or_by_a_language_pack(shipped):
    findings = check_shadowing(shipped)
    assert not findings, _said(findings)


def test_no_shipped_rule_is_shadowed_in_the_combinations_its_pack_meets(shipped):
    # A site pack with its own language, a language pack with the common packs, a common pack
    # with each language.
    findings = check_shadowed_by_loaded(shipped, {pack.path for pack in shipped})
    assert not findings, _said(findings)


def test_no_site_rule_is_shadowed_under_any_language(shipped):
    # A site pack naming no language meets every language pack (meeting_combinations), and
    # with none loaded, the common packs alone.
    sites = {pack.path for pack in shipped if pack.kind == "site"}
    unbound = [replace(pack, lang=None) if pack.kind == "site" else pack for pack in shipped]
    findings = check_shadowed_by_loaded(unbound, sites)
    findings += check_shadowed_by_loaded([p for p in unbound if p.kind != "lang"], sites)
    assert not findings, _said(findings)


def test_no_common_rule_is_shadowed_in_a_document_of_no_known_language(shipped):
    commons = [pack for pack in shipped if pack.kind == "common"]
    assert len(commons) >= 2
    findings = check_shadowed_by_loaded(commons, {pack.path for pack in commons})
    assert not findings, _said(findings)


# A language rule as broad as id/photo-caption was: a credit after any one word.
BROAD = """[pack]
id = "broad"
kind = "lang"

[[rule]]
id = "broad/credit"
description = "a line ending in a credit"
action = "drop-line"
pattern = '^\\S.{0,149}\\s(?:\\(c\\)|©)\\s*[\\pL\\d.\\-@/ ]{2,60}$'
remove = ["Largan Technology dari Advan G1 (c) advandigital.com"]
"""


def test_the_checks_still_see_a_language_rule_that_takes_a_common_rules_example(shipped,
                                                                                 tmp_path):
    # What the tests above stand on: such a rule, put first in the Indonesian pack, takes a
    # copyright notice before common/copyright-line, and is told.
    path = tmp_path / "broad.toml"
    path.write_text(BROAD, encoding="utf-8")
    broad, errors = read_pack(path)
    assert broad is not None and not errors, errors
    packs = [replace(pack, rules=(*broad.rules, *pack.rules)) if pack.kind == "lang" else pack
             for pack in shipped]
    findings = check_shadowed_by_loaded(packs, {p.path for p in shipped if p.kind == "common"})
    assert any(f.where.endswith("common/copyright-line") and "broad/credit" in f.message
               for f in findings), _said(findings)

