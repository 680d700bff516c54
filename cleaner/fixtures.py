"""Regression fixtures: a raw input beside its expected record (<case>.json), compared and rewritten on request.

An optional <case>.input.json holds the input fields the raw text came with (url, date, title...):
the url finds the site pack as it would in a dump, the date picks the dated rules.
"""

from __future__ import annotations

import difflib
import json
from pathlib import Path
from typing import Any

INPUT_SUFFIXES = (".txt", ".html", ".htm")


def fixture_inputs(root: str | Path) -> list[Path]:
    """Every raw input under a fixtures folder, in a stable order."""
    root = Path(root)
    return sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in INPUT_SUFFIXES)


def expected_path(raw: Path) -> Path:
    return raw.with_suffix(".json")


def fixture_id(raw: Path) -> str:
    return raw.stem


def input_fields_path(raw: Path) -> Path:
    return raw.with_name(f"{raw.stem}.input.json")


def input_fields(raw: Path) -> dict[str, Any]:
    """The input fields stored beside a fixture input (none when there is no <case>.input.json)."""
    path = input_fields_path(raw)
    if not path.exists():
        return {}
    fields = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(fields.get("url", ""), str):
        fields["url"] = None            # as a run reads a record whose url is not text
    return {k: v for k, v in fields.items() if k not in ("id", "text")}


def clean_fixture(cleaner, raw: Path) -> dict[str, Any]:
    """The record the cleaner makes now for a fixture input."""
    data = raw.read_bytes()
    fields = input_fields(raw)
    if raw.suffix in (".html", ".htm"):
        return cleaner.clean_html(data, id=fixture_id(raw), **fields)
    return cleaner.clean(data.decode("utf-8"), id=fixture_id(raw), **fields)


def dump_record(record: dict[str, Any]) -> str:
    """A record as stable, reviewable JSON: indented, keys in record order, UTF-8 kept."""
    return json.dumps(record, ensure_ascii=False, indent=2) + "\n"


def record_diff(expected: str, actual: str, name: str) -> str:
    return "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                        f"{name} (expected)", f"{name} (now)"))
