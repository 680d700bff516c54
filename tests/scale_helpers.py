"""Helpers for the scale tests: small dumps, reading outputs, a run on a terminal, a fake cleaner that is fast or fatal."""

from __future__ import annotations

import fcntl
import json
import os
import pty
import struct
import subprocess
import sys
import termios
from pathlib import Path

from cleaner.shards import iter_shard_records
from conftest import ROOT

LABELLED = ROOT / "fixtures" / "indosum" / "labelled.jsonl"


def real_docs(count: int) -> list[dict]:
    """`count` real articles (the labelled IndoSum sample, repeated with fresh ids)."""
    rows = [json.loads(line) for line in LABELLED.read_text(encoding="utf-8").splitlines()]
    out = []
    for i in range(count):
        row = dict(rows[i % len(rows)])
        row = {"id": f"{i:05d}-{row['id']}", "url": row.get("url"), "text": row["text"],
               "batch": i // 10}
        out.append(row)
    return out


def write_jsonl(path: Path, rows, bad_lines: dict[int, bytes] | None = None) -> Path:
    """Rows as JSONL; `bad_lines` puts raw bytes before the row with that index."""
    bad_lines = bad_lines or {}
    with open(path, "wb") as f:
        for i, row in enumerate(rows):
            if i in bad_lines:
                f.write(bad_lines[i] + b"\n")
            f.write(json.dumps(row, ensure_ascii=False).encode() + b"\n")
    return path


def stderr_on_a_terminal(*args: str, columns: int = 100, status: int = 0,
                         rows: int | None = None) -> str:
    """What `cleaner clean ARGS --workers 1` writes to its stderr when that is a terminal
    `columns` wide (0: one that says it has no size, as `script` gives) and `rows` high (by
    default 24, or 0 with 0 columns); it must exit with `status`."""
    main, terminal = pty.openpty()
    rows = (24 if columns else 0) if rows is None else rows
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    cmd = [sys.executable, "-m", "cleaner", "clean", *args, "--workers", "1"]
    with subprocess.Popen(cmd, cwd=ROOT, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                          stderr=terminal) as proc:
        os.close(terminal)
        shown = b""
        while True:
            try:
                chunk = os.read(main, 65536)
            except OSError:                     # the run ended and closed the terminal
                break
            if not chunk:
                break
            shown += chunk
        assert proc.wait(timeout=120) == status
    os.close(main)
    return shown.decode("utf-8", "replace")


def output_by_workers(inputs: list[str], folder: Path, name: str, *options: str) -> list[bytes]:
    """The bytes `cleaner clean INPUTS -o FOLDER/N-NAME` writes with 1 worker, then 2."""
    from cleaner.cli import main

    outputs = []
    for workers in ("1", "2"):
        out = folder / f"{workers}-{name}"
        assert main(["clean", *inputs, "-o", str(out), "-q", "--workers", workers, *options]) == 0
        outputs.append(out.read_bytes())
    return outputs


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines()]


def shard_records(folder: Path) -> list[dict]:
    return list(iter_shard_records(folder))


class FakeCleaner:
    """Stands in for Cleaner in executor tests: echoes text; dies on "KILL", raises on "BUG"."""

    def clean(self, text, url=None, id=None, **fields):
        if "KILL" in text:
            os._exit(9)
        if "BUG" in text:
            raise ValueError("a bug")
        return {"id": id, "text": text.strip(), "meta": {"site": None}, "removed": [],
                "flags": []}


def fake_factory():
    return FakeCleaner()


def pooled_outcomes(items: list, batch_size: int, warn=None, pool=None) -> list:
    """The outcomes of cleaning `items` in batches of `batch_size` on a pool of 2 FakeCleaner
    workers (or on `pool`), in order; the pool is closed after."""
    from cleaner.batches import batched
    from cleaner.executors import PoolExecutor

    pool = pool or PoolExecutor(fake_factory, 2, warn=warn or (lambda message: None))
    try:
        return [o for r in pool.map(batched(items, batch_size)) for o in r.outcomes]
    finally:
        pool.close()
