"""A run's output as one file (JSONL, compressed JSONL, Parquet) or stdout, with its rejects file."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, BinaryIO, Callable, cast

from cleaner.parquet_io import ParquetRecordWriter, encode_records, is_parquet
from cleaner.temporary_names import temporary_name
from cleaner.writers import JsonlWriter, LazyWriter, is_special_file


class SingleOutput:
    """One output file (JSONL, compressed JSONL, Parquet) or stdout; not resumable."""

    skip = 0
    complete = False

    def __init__(self, path: str, rejects_path: str | None, level: int | None = None):
        self.path = path
        self.rejects_path = rejects_path
        # A device or named pipe is written in place (JsonlWriter says why).
        self._tmp: str | None = None if is_special_file(path) else temporary_name(path, False)
        self._out: ParquetRecordWriter | JsonlWriter
        # What turns a batch's records into this output's own form where they are cleaned.
        self.encode: Callable[[list[dict[str, Any]]], bytes] | None = None
        self._sink: BinaryIO | None = None     # a pipe or device Parquet is written to
        if path != "-" and is_parquet(path):
            Path(path).parent.mkdir(parents=True, exist_ok=True)
            if self._tmp is None:
                # Opened here: pyarrow seeks in a file it opens by name, and a pipe cannot seek.
                self._sink = open(path, "wb")
            self._out = ParquetRecordWriter(cast(str, self._sink or self._tmp), level=level)
            self.encode = encode_records
        else:
            self._out = JsonlWriter(path, level)
        self._rejects = LazyWriter(rejects_path)
        self.rejects_written = 0

    @property
    def records(self) -> int:
        return self._out.count

    def write_record(self, line: bytes, inputs_done: int, stats=None, row=None) -> None:
        """One record's line (and its encoded row: ParquetRecordWriter.write_line)."""
        if isinstance(self._out, ParquetRecordWriter):
            self._out.write_line(line, row)
        else:
            self._out.write_line(line)

    def room(self) -> float:
        """Records that may be written at once: any number (no checkpoints in one file)."""
        return float("inf")

    def write_records(self, lines: list[bytes], rows=None) -> None:
        """Write a batch's record lines at once (one file, not resumable: no checkpoints);
        `rows`: the table of their encoded rows, in the same order, if the worker made one."""
        if isinstance(self._out, ParquetRecordWriter):
            for index, line in enumerate(lines):
                self._out.write_line(line, None if rows is None else (rows, index))
        else:
            self._out.write_lines(lines)

    def write_reject(self, reject: dict[str, Any]) -> None:
        self._rejects.write(reject)
        self.rejects_written += 1

    def checkpoint(self, inputs_done: int, stats=None) -> None:
        pass

    def finish(self, inputs_done: int, stats=None) -> None:
        # The rejects first: a disk that fills on their last bytes fails the run before the
        # records are renamed into place, not after.
        self._rejects.close(keep=True)
        if isinstance(self._out, ParquetRecordWriter):
            self._out.close()
            if self._sink is not None:
                self._sink.close()
            else:
                os.replace(cast(str, self._tmp), self.path)
        else:
            self._out.close(keep=True)
        if not self.rejects_written and self.rejects_path and os.path.isfile(self.rejects_path):
            # An earlier run's rejects, beside records that now have none: they would pass
            # for this run's (a run with rejects replaces the file, as it replaces the output).
            os.unlink(self.rejects_path)

    def abort(self) -> None:
        """Remove the unfinished output; keep the rejects written so far if they are whole."""
        try:
            if isinstance(self._out, ParquetRecordWriter):
                try:
                    self._out.close()
                except Exception:
                    pass
                if self._sink is not None:
                    try:
                        self._sink.close()
                    except OSError:
                        pass
                if self._tmp is not None and os.path.exists(self._tmp):
                    os.unlink(self._tmp)
            else:
                self._out.close(keep=False)
        finally:
            try:
                self._rejects.close(keep=True)
            except OSError:             # closing them failed too: JsonlWriter.close removed them
                pass
