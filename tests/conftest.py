"""Shared fixtures and the --regen-fixtures option."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaner import Cleaner

ROOT = Path(__file__).resolve().parent.parent


def pytest_addoption(parser):
    parser.addoption("--regen-fixtures", action="store_true", default=False,
                     help="rewrite expected fixture records from the current output (still fails, "
                          "so the change is reviewed as a diff)")


@pytest.fixture(scope="session")
def cleaner() -> Cleaner:
    return Cleaner()
