"""The progress bar of a run: bytes, MB/s, documents/s and, where the input size is known, an ETA."""

from __future__ import annotations

import os
import sys
import time
from typing import Callable

from cleaner.folders import files_of
from cleaner.inputs import ReadLog, ReadOptions


def known_size(inputs: list[str], options: ReadOptions | None = None) -> int | None:
    """Bytes of input when they can be counted up front and match what reading reports:
    uncompressed files only (for .gz, .zst, Parquet, WARC and stdin there is no ETA). In a
    folder, the files reading takes (`options.glob`, no hidden ones)."""
    options = options or ReadOptions()
    total = 0
    # One log for every input, as a run keeps: a file read under one name is counted once,
    # not again as a link in another input folder or of a file named as an input.
    log = ReadLog()
    log.take_named_files(inputs)
    for name in inputs:
        if name == "-":
            return None
        for file in files_of(name, options, log):
            if file.lower().endswith((".gz", ".zst", ".zstd", ".parquet", ".pq", ".warc")):
                return None
            try:
                total += os.stat(file).st_size
            except OSError:
                pass
    return total


class Progress:
    """A progress bar (tqdm) with documents/s, MB/s and, where the input size is known, an ETA.

    It counts what the run's statistics count: the input bytes of every document read, rejected
    ones included, and the documents read (RunStats.bytes_in, read), so that the bar, the
    closing summary and --stats give one rate.
    """

    def __init__(self, enabled: bool, input_size: Callable[[], int | None], done: int = 0):
        """`done`: input bytes done before this process's part of the run (a resume): the bar
        starts there, its rate counting this part only."""
        self.bar = None
        if not enabled:
            return
        from tqdm import tqdm

        total = input_size()
        self.bar = tqdm(total=total or None, unit="B", unit_scale=True, unit_divisor=1000,
                        desc="cleaning", file=sys.stderr, dynamic_ncols=True, smoothing=0.1,
                        mininterval=0.5, initial=done)
        self.started = time.perf_counter()

    def update(self, size: int, docs: int) -> None:
        """`size` more input bytes read; `docs` documents read so far by this process."""
        if self.bar is None:
            return
        self.bar.update(size)
        seconds = time.perf_counter() - self.started
        if seconds > 0.5:
            self.bar.set_postfix_str(f"{docs / seconds:,.0f} docs/s", refresh=False)

    def close(self, finished: bool = False) -> None:
        """Close the bar; `finished`: the run read all of its input, so a known size is all done.
        What the bar counts, each document's input bytes, can end short of it (the line ends and
        blank lines of JSON lines, what a reject does not keep of its input, input that is no
        document: a WARC's headers and requests) or pass it (a reject keeps a byte that is not
        UTF-8 as a four-character escape, `\\xe9`); past its total, tqdm shows no share and no
        ETA, as neither is known any longer."""
        if self.bar is None:
            return
        if finished and self.bar.total:
            self.bar.n = self.bar.total
        self.bar.close()
