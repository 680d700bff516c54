"""Every fixture input still cleans into its expected record; --regen-fixtures rewrites them and fails."""

from __future__ import annotations

import pytest

from cleaner.fixtures import clean_fixture, dump_record, expected_path, fixture_inputs, record_diff
from conftest import ROOT

FIXTURES = fixture_inputs(ROOT / "fixtures")


@pytest.mark.parametrize("raw", FIXTURES, ids=[str(p.relative_to(ROOT / "fixtures")) for p in FIXTURES])
def test_fixture_matches_expected_record(raw, cleaner, request):
    actual = dump_record(clean_fixture(cleaner, raw))
    expected_file = expected_path(raw)
    if request.config.getoption("--regen-fixtures"):
        before = expected_file.read_text(encoding="utf-8") if expected_file.exists() else ""
        expected_file.write_text(actual, encoding="utf-8")
        if before != actual:
            pytest.fail(f"rewrote {expected_file.name}; review the change:\n"
                        + record_diff(before, actual, expected_file.name))
        return
    assert expected_file.exists(), f"no expected record {expected_file}; run pytest --regen-fixtures"
    expected = expected_file.read_text(encoding="utf-8")
    assert actual == expected, record_diff(expected, actual, expected_file.name)


def test_there_are_fixtures_for_every_seed_site():
    sites = {p.parent.name for p in FIXTURES}
    assert {"tribunnews.com", "islamtimes.org", "intisari-online.com", "minanews.net",
            "channel9.id"} <= sites
