"""A run's output as one file (JSONL, compressed JSONL, Parquet) or stdout, with its rejects file."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from cleaner.parquet_io import encode_records
from cleaner.writers import JsonlWriter, LazyWriter


class SingleOutput:
    """One output file (JSONL, compressed JSONL, Parquet) or stdout; not resumable."""

    skip = 0
    complete = False

    def __init__(self, path: str, rejects_path: str | None):
        self.path = path
        self.rejects_path = rejects_path
        if path != "-" and path.lower().endswith((".parquet", ".pq")):
            from cleaner.parquet_io import ParquetRecordWriter

            Path(path).parent.mkdir(parents=True, exist_ok=True)
            self._tmp = f"{path}.tmp"
            self._parquet = ParquetRecordWriter(self._tmp)
            self._jsonl = None
            self.encode = encode_records
        else:
            self._parquet = None
            self._jsonl = JsonlWriter(path)
            self.encode = None
        self._rejects = LazyWriter(rejects_path)
        self.rejects_written = 0

    @property
    def records(self) -> int:
        return (self._parquet or self._jsonl).count

    def write_record(self, line: bytes, inputs_done: int, stats=None, row=None) -> None:
        """One record's line (and its encoded row: ParquetRecordWriter.write_line)."""
        if self._parquet is not None:
            self._parquet.write_line(line, row)
        else:
            self._jsonl.write_line(line)

    def write_records(self, lines: list[bytes], rows=None) -> None:
        """Write a batch's record lines at once (one file, not resumable: no checkpoints);
        `rows`: the table of their encoded rows, in the same order, if the worker made one."""
        if self._parquet is not None:
            for index, line in enumerate(lines):
                self._parquet.write_line(line, None if rows is None else (rows, index))
        else:
            self._jsonl.write_lines(lines)

    def write_reject(self, reject: dict[str, Any]) -> None:
        self._rejects.write(reject)
        self.rejects_written += 1

    def checkpoint(self, inputs_done: int, stats=None) -> None:
        pass

    def finish(self, inputs_done: int, stats=None) -> None:
        if self._parquet is not None:
            self._parquet.close()
            os.replace(self._tmp, self.path)
        else:
            self._jsonl.close(keep=True)
        self._rejects.close(keep=True)

    def abort(self) -> None:
        try:
            if self._parquet is not None:
                try:
                    self._parquet.close()
                except Exception:
                    pass
                if os.path.exists(self._tmp):
                    os.unlink(self._tmp)
            else:
                self._jsonl.close(keep=False)
        finally:
            self._rejects.close(keep=True)
