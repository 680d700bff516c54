"""Run `cleaner suggest` on a small written dump and read its candidates (tests of suggest)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Callable

from cleaner.cli import main


def write_dump(tmp_path: Path, docs: list[list[str]], url: Callable[[int], str]) -> Path:
    """A JSONL dump of `docs` (each its lines, as paragraphs), document i at `url(i)`."""
    rows = [{"id": f"doc-{i}", "url": url(i), "text": "\n\n".join(lines)}
            for i, lines in enumerate(docs)]
    path = tmp_path / "dump.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                    encoding="utf-8")
    return path


def suggested(dump: Path, capsys, *extra: str) -> list[dict]:
    """The candidates `cleaner suggest DUMP --format json EXTRA...` gives its one site."""
    capsys.readouterr()
    assert main(["suggest", str(dump), "--format", "json", *extra]) == 0
    [site] = json.loads(capsys.readouterr().out)
    return site["candidates"]
