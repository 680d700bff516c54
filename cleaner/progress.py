"""The progress bar of a run: bytes, MB/s, documents/s and, where the input size is known, an ETA."""

from __future__ import annotations

import sys
import time
from pathlib import Path


def known_size(inputs: list[str]) -> int | None:
    """Bytes of input when they can be counted up front and match what reading reports:
    uncompressed files only (for .gz, .zst, Parquet and stdin there is no ETA)."""
    total = 0
    for name in inputs:
        path = Path(name)
        if name == "-":
            return None
        files = [p for p in path.rglob("*") if p.is_file()] if path.is_dir() else [path]
        for file in files:
            lowered = file.name.lower()
            if lowered.endswith((".gz", ".zst", ".zstd", ".parquet", ".pq", ".warc")):
                return None
            try:
                total += file.stat().st_size
            except OSError:
                pass
    return total


class Progress:
    """A progress bar (tqdm) with documents/s, MB/s and, where the input size is known, an ETA."""

    def __init__(self, enabled: bool, inputs: list[str]):
        self.bar = None
        if not enabled:
            return
        from tqdm import tqdm

        total = known_size(inputs)
        self.bar = tqdm(total=total or None, unit="B", unit_scale=True, unit_divisor=1000,
                        desc="cleaning", file=sys.stderr, dynamic_ncols=True, smoothing=0.1,
                        mininterval=0.5)
        self.started = time.perf_counter()

    def update(self, size: int, docs: int) -> None:
        if self.bar is None:
            return
        self.bar.update(size)
        seconds = time.perf_counter() - self.started
        if seconds > 0.5:
            self.bar.set_postfix_str(f"{docs / seconds:,.0f} docs/s", refresh=False)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
