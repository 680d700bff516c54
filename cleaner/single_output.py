"""A run's output as one file (JSONL, compressed JSONL, Parquet) or stdout, with its rejects file."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, BinaryIO, Callable, cast

from cleaner.parquet_io import ParquetRecordWriter, encode_records, is_parquet
from cleaner.temporary_names import aside_name, set_aside, temporary_name
from cleaner.wording import counted, noun
from cleaner.writers import (JsonlWriter, LazyWriter, compression_of, is_special_file,
                             process_alive, remove_stale_temporaries)


class SingleOutput:
    """One output file (JSONL, compressed JSONL, Parquet) or stdout; not resumable."""

    skip = 0
    complete = False            # the records are in place (finish)

    def __init__(self, path: str, rejects_path: str | None, level: int | None = None):
        self.path = path
        self.rejects_path = rejects_path
        # A device or named pipe is written in place (JsonlWriter says why).
        # (PATH.tmp-PID, as JsonlWriter's: two runs to one path each write their own file, and
        # the last to finish is the output; a killed run's is removed by the next run)
        self._tmp: str | None = None if is_special_file(path) else temporary_name(path)
        # Records written in place (stdout, a device, a pipe) are out whatever happens next: the
        # rejects beside them are theirs, kept even when the run stops.
        self._in_place = path == "-" or self._tmp is None
        # Where this run's rejects replace a file (not written in place) that must stay an
        # earlier run's until the records are in place: finish sets it aside, abort puts it back.
        self._replaces_rejects = (rejects_path is not None and not self._in_place
                                  and not is_special_file(rejects_path))
        if self._replaces_rejects:
            # (before the records' writer opens: it removes a killed run's temporary files,
            # which tell whether that run's records reached their place)
            _settle_set_aside(path, cast(str, rejects_path))
        self._rejects = LazyWriter(rejects_path)
        try:
            self._rejects.check()           # (before the records' writer opens its file)
        except OSError as exc:
            raise self._naming_folder(exc) from None
        self._out: ParquetRecordWriter | JsonlWriter
        # What turns a batch's records into this output's own form where they are cleaned.
        self.encode: Callable[[list[dict[str, Any]]], bytes] | None = None
        self._sink: BinaryIO | None = None     # a pipe or device Parquet is written to
        if path != "-" and is_parquet(path):
            Path(path).parent.mkdir(parents=True, exist_ok=True)
            if self._tmp is None:
                # Opened here: pyarrow seeks in a file it opens by name, and a pipe cannot seek.
                self._sink = open(path, "wb")
            else:
                remove_stale_temporaries(path)
            self._out = ParquetRecordWriter(cast(str, self._sink or self._tmp), level=level)
            self.encode = encode_records
        else:
            self._out = JsonlWriter(path, level)
        self.rejects_written = 0
        self._lines_bytes = 0       # of the record lines written: stdout's output_bytes
        self._earlier_rejects: str | None = None      # the earlier run's, set aside
        self._rejects_placed = False                  # this run's renamed into place

    @property
    def records(self) -> int:
        return self._out.count

    @property
    def records_sent(self) -> bool:
        """Whether the records written are out whatever happens next (stdout, a device, a
        pipe), not held under a temporary name that a stopped run removes."""
        return self._in_place

    def write_record(self, line: bytes, inputs_done: int, stats=None, row=None) -> None:
        """One record's line (and its encoded row: ParquetRecordWriter.write_line)."""
        self._lines_bytes += len(line)
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
        self._lines_bytes += sum(map(len, lines))
        if isinstance(self._out, ParquetRecordWriter):
            for index, line in enumerate(lines):
                self._out.write_line(line, None if rows is None else (rows, index))
        else:
            self._out.write_lines(lines)

    def write_reject(self, reject: dict[str, Any]) -> None:
        try:
            self._rejects.write(reject)
        except OSError as exc:
            raise self._naming_rejects(exc)
        self.rejects_written += 1

    def _naming_rejects(self, exc: OSError) -> OSError:
        """The error, with the rejects file as its file (not its temporary name, nor a folder
        above it): the run's message then says which file could not be written."""
        exc.filename = self.rejects_path
        return exc

    def _naming_folder(self, exc: OSError) -> OSError:
        """The error of trying the rejects file before the run, named for the file it blocks:
        the output, where the rejects are kept in its own folder (by default, beside it), as
        the output could not be made there either; else the rejects file."""
        rejects = cast(str, self.rejects_path)
        beside = os.path.dirname(os.path.abspath(rejects)) == \
            os.path.dirname(os.path.abspath(self.path))
        if not beside:
            return self._naming_rejects(exc)
        exc.filename = self.path
        return exc

    def checkpoint(self, inputs_done: int, stats=None) -> None:
        pass

    def finish(self, inputs_done: int, stats=None) -> None:
        # The rejects first: a disk that fills on their last bytes fails the run before the
        # records are renamed into place, not after. Until the records are in place, an earlier
        # run's rejects file is kept aside, for abort to put back beside its records.
        self._place_rejects()
        if isinstance(self._out, ParquetRecordWriter):
            self._out.close()
            if self._sink is not None:
                self._sink.close()
            else:
                os.replace(cast(str, self._tmp), self.path)
        else:
            self._out.close(keep=True)
        # The records are in place: the rejects beside them are theirs for good.
        self.complete = True
        if stats is not None:
            stats.output_bytes = self._output_bytes()
        earlier, self._earlier_rejects, self._rejects_placed = self._earlier_rejects, None, False
        if earlier is not None:
            os.unlink(earlier)
        if not self.rejects_written and self.rejects_path and os.path.isfile(self.rejects_path):
            # An earlier run's rejects, beside records that now have none: they would pass
            # for this run's (a run with rejects replaces the file, as it replaces the output).
            os.unlink(self.rejects_path)

    def sent_bytes(self) -> int | None:
        """The bytes a run stopped before its end got out in place (stdout, a device, a pipe):
        those of the records that reached it whole where the writer knows them, the lines
        handed to it where it does not; None where they were compressed or made Parquet."""
        if isinstance(self._out, JsonlWriter) and self._out.exact:
            return self._out.bytes
        return self._output_bytes()

    def _output_bytes(self) -> int | None:
        """The bytes of the finished output as written: the file's size, or the JSON lines
        sent to stdout, a device or a pipe; None where those were compressed or made Parquet
        on their way out, which no one counted."""
        if not self._in_place:
            return os.path.getsize(self.path)
        if isinstance(self._out, ParquetRecordWriter) or (
                self.path != "-" and compression_of(self.path) is not None):
            return None
        return self._lines_bytes

    def _place_rejects(self) -> None:
        """This run's rejects file renamed into place, an earlier run's there set aside first
        (under its aside name, which a folder walk passes over, and which a later run to this
        output settles if this one is killed before it does: _settle_set_aside)."""
        if self._replaces_rejects and self.rejects_written:
            rejects = cast(str, self.rejects_path)
            if os.path.isfile(rejects):
                aside = aside_name(rejects)
                os.replace(rejects, aside)
                self._earlier_rejects = aside        # (only once it is there to put back)
            self._rejects_placed = True
        try:
            self._rejects.close(keep=True)
        except OSError as exc:
            raise self._naming_rejects(exc)

    def abort(self) -> None:
        """Remove the unfinished output and, unless the records were written in place, the
        rejects written so far: the output and rejects file an earlier run left at these
        paths stay as they were, the one beside the other (what_is_left says so)."""
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
                self._rejects.close(keep=self._in_place)
            except OSError:             # closing them failed too: JsonlWriter.close removed them
                pass
            self._put_back_earlier_rejects()

    def _put_back_earlier_rejects(self) -> None:
        """After finish failed past the rejects: this run's rejects out of their place, the
        earlier run's (if any) back in it."""
        if self._rejects_placed:
            try:
                os.unlink(cast(str, self.rejects_path))
            except FileNotFoundError:           # (renaming them in failed)
                pass
        if self._earlier_rejects is not None:
            try:
                os.replace(self._earlier_rejects, cast(str, self.rejects_path))
            except FileNotFoundError:           # (a later run's settling took it already)
                pass
        self._rejects_placed, self._earlier_rejects = False, None

    def what_is_left(self) -> str:
        """After abort, for the run's message: what it did not write, and what an earlier run
        left at its paths ("out.jsonl not written, nor its 3 rejects; out.jsonl and its
        rejects file out.jsonl.rejects.jsonl are an earlier run's, as they were"); after a
        finish, that the output is complete."""
        name = "standard output" if self.path == "-" else self.path
        if self.complete:
            return (f"{name} is complete ({counted(self.records, 'record')}"
                    f"{self._rejects_in('its')})")
        if self._in_place:
            return f"{self._sent_in_place(name)}{self._rejects_in('their')}"
        said = f"{self.path} not written"
        if self.rejects_written and self._replaces_rejects:
            said += f", nor its {counted(self.rejects_written, 'reject')}"
        earlier = os.path.isfile(self.path)
        earlier_rejects = self.rejects_path is not None and os.path.isfile(self.rejects_path)
        if earlier and earlier_rejects:
            said += (f"; {self.path} and its rejects file {self.rejects_path} are an earlier "
                     "run's, as they were")
        elif earlier:
            said += f"; {self.path} is an earlier run's, as it was"
        elif earlier_rejects:
            said += f"; {self.rejects_path} is an earlier run's, as it was"
        return said

    def _sent_in_place(self, name: str) -> str:
        """What a run stopped before its end sent to stdout, a device or a pipe (`name`): the
        records that got out whole, where its writer knows them (JSONL written without a
        buffer), else the records handed to its writer, whose buffer or compressor a failed
        write (a full disk, /dev/full) may have kept the last of them in."""
        if not self.records:
            return f"nothing was written to {name}"
        if getattr(self._out, "exact", False):
            return f"{counted(self.records, 'record')} reached {name} whole"
        # (a failed write says nothing of how much of the buffer before it got out)
        return (f"{counted(self.records, 'record')} {noun(self.records, 'was', 'were')} handed "
                f"to {name}; if writing failed, some or all of them did not reach it")

    def _rejects_in(self, whose: str) -> str:
        """Where the rejects are, for what_is_left ("; their 3 rejects are in r.jsonl"); nothing
        without any."""
        count = self.rejects_written
        if not count or not self.rejects_path:
            return ""
        return f"; {whose} {counted(count, 'reject')} {noun(count, 'is', 'are')} in " \
               f"{self.rejects_path}"


def _settle_set_aside(path: str, rejects: str) -> None:
    """What a run to `path` killed as it finished (between setting the earlier rejects file
    aside and removing it: _place_rejects, finish) left at `rejects`: the earlier file put back
    where that run's records never reached their place (their temporary file is still there,
    so the output is the earlier run's, and these are its rejects), else removed (the records
    and the rejects in place are that run's). A run still finishing keeps its own."""
    folder, name = os.path.split(rejects)
    try:
        entries = os.listdir(folder or ".")
    except OSError:
        return
    for entry in entries:
        found = set_aside(entry)
        if found is None or found[0] != name or process_alive(found[1]):
            continue
        # (the records' temporary name, as __init__ and JsonlWriter give it)
        records = temporary_name(path, pid=found[1])
        try:
            if os.path.exists(records):
                os.replace(os.path.join(folder, entry), rejects)
            else:
                os.unlink(os.path.join(folder, entry))
        except OSError:
            pass
