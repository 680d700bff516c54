"""A line over the record limit counts every byte the run read of it, not the 1 MB its reject
keeps: in --stats' bytes (and so MB/s), with one worker or two, and the rejects file says how
many (`bytes`)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleaner.cli import main

LIMIT = 1_000_000


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_line_over_the_limit_counts_all_its_bytes(tmp_path: Path, workers: str):
    small = json.dumps({"id": "a", "text": "Harga beras naik lagi pekan ini di pasar."}) + "\n"
    giant = json.dumps({"id": "big", "text": "x" * (3 * LIMIT)}) + "\n"
    dump = tmp_path / "dump.jsonl"
    dump.write_text(small + giant + small)
    out, stats = tmp_path / "out.jsonl", tmp_path / "stats.json"
    assert main(["clean", str(dump), "-o", str(out), "-q", "--workers", workers,
                 "--max-record-bytes", str(LIMIT), "--stats", str(stats)]) == 0
    figures = json.loads(stats.read_text())
    assert figures["rejected"] == 1
    assert len(giant) < figures["bytes"] <= dump.stat().st_size
    (reject,) = [json.loads(line) for line in
                 (tmp_path / "out.jsonl.rejects.jsonl").read_text().splitlines()]
    assert reject["id"] == "big" and reject["bytes"] == len(giant)
    assert len(reject["raw"]) <= 1 << 20
