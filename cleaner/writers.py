"""Records out: JSONL to a file (.gz/.zst by name, written under a temporary name then renamed) or stdout."""

from __future__ import annotations

import errno
import os
import select
import stat
import sys
from pathlib import Path
from typing import Any, BinaryIO, Protocol

from cleaner.parallel_gzip import ParallelGzipWriter
from cleaner.parquet_io import is_parquet
from cleaner.record_json import record_json
from cleaner.temporary_names import temporary_name, written_for


class ByteSink(Protocol):
    """Where record lines go: a file, a compressor in front of one, or stdout."""

    def write(self, data: bytes, /) -> int: ...

    def flush(self) -> object: ...

    def close(self) -> None: ...


def write_all(stream: ByteSink, data: bytes) -> None:
    """Write every byte of `data`, or raise. A write may take only part of it and say so in what
    it returns, raising nothing: stdout redirected to a file on a full disk took 946,428 bytes of
    a 2.6 MB batch, and the rest of the run's records were lost without a word. The next write
    of the rest raises the disk's error."""
    _taken, error = write_some(stream, data)
    if error is not None:
        raise error


def write_some(stream: ByteSink, data: bytes) -> tuple[int, OSError | None]:
    """Write `data` until all of it is taken or a write fails: the bytes the stream took, and
    the error that stopped it (None when it took them all). An unbuffered stream has then
    passed exactly those bytes on, which tells the records that got out whole."""
    taken = 0
    while taken < len(data):
        try:
            # (a copy of the rest: short writes are rare)
            written = stream.write(data[taken:] if taken else data)
        except OSError as exc:
            return taken, exc
        if written is None:
            # (an unbuffered stream that would block: stdout left non-blocking by whatever
            # started the run; taken when it can take more)
            select.select([], [stream.fileno()], [])  # type: ignore[attr-defined]
            continue
        if not written:
            return taken, OSError(errno.ENOSPC,
                                  "the output took no more bytes (No space left on device)")
        taken += written
    return taken, None


# The most bytes of lines JsonlWriter.write_lines joins into one write.
JOIN_BYTES = 1 << 20


class JsonlWriter:
    """Writes one JSON object a line; a file appears under its name only once complete."""

    def __init__(self, path: str | Path, level: int | None = None):
        self.path = str(path)
        self._tmp: str | None = None
        self._closed = False
        self.count = 0
        self.bytes = 0          # of the `count` records' lines
        # Whether `count` is exactly the records whose every byte got out, a failed write
        # included: an uncompressed stream written in place without a buffer of its own (the
        # records in a buffer or a compressor when a write fails may or may not get out).
        self.exact = False
        if self.path == "-":
            self._stream: ByteSink = _unbuffered_stdout() or sys.stdout.buffer
            self.exact = self._stream is not sys.stdout.buffer
            return
        if is_special_file(self.path):
            # Written to as it is, as stdout is: a file renamed over a device or a named pipe
            # would replace /dev/null, and the pipe's reader would get nothing.
            self.exact = compression_of(self.path) is None
            self._stream = (open(self.path, "wb", buffering=0) if self.exact
                            else _open_for_writing(self.path, self.path, level))
            return
        target = Path(self.path)
        if target.parent and not target.parent.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
        remove_stale_temporaries(self.path)
        self._tmp = temporary_name(self.path)
        self._stream = _open_for_writing(self._tmp, self.path, level)

    def write(self, record: dict[str, Any]) -> None:
        self.write_line(record_json(record) + b"\n")

    def write_line(self, line: bytes) -> None:
        """Write one already serialized record, newline included."""
        self._write_group([line], line)

    def write_lines(self, lines: list[bytes]) -> None:
        """Write serialized records, newlines included, joined in writes of up to JOIN_BYTES (a
        longer line alone): a whole batch joined was a copy of it, and of a batch holding a
        9 MB record, 11 MB more in the main process at a run's peak (memray)."""
        group: list[bytes] = []
        size = 0
        for line in lines:
            if size and size + len(line) > JOIN_BYTES:
                self._write_group(group, b"".join(group))
                group, size = [], 0
            group.append(line)
            size += len(line)
        if group:       # (one line: itself, not a copy)
            self._write_group(group, group[0] if len(group) == 1 else b"".join(group))

    def _write_group(self, lines: list[bytes], data: bytes) -> None:
        """Write `lines`, joined as `data`, and count them; when a write fails, count those of
        them it got out whole first (a device, pipe or stdout written without a buffer)."""
        taken, error = write_some(self._stream, data)
        if error is None:
            self.count += len(lines)
            self.bytes += len(data)
            return
        for line in lines:
            if taken < len(line):
                break
            taken -= len(line)
            self.count += 1
            self.bytes += len(line)
        raise error

    def close(self, keep: bool = True) -> None:
        """Finish the file: rename it into place, or remove it when the run failed or finishing
        it fails (a full disk on its last bytes); stdout is flushed, a device or pipe closed.
        Closing again does nothing."""
        if self._closed:
            return
        if self.path == "-":
            self._closed = True
            self._stream.flush()
            return
        # Closed once it is renamed or removed: a close cut short (a signal in it) leaves the
        # next close, abort's, to remove the temporary file.
        try:
            self._stream.close()
        except OSError:
            # The file goes: what reached the disk is not the whole of it.
            if self._tmp is not None:
                _remove(self._tmp)
            self._closed = True
            if keep:
                raise
            return
        if self._tmp is None:           # a device or pipe, written in place
            self._closed = True
            return
        if keep:
            os.replace(self._tmp, self.path)
        else:
            _remove(self._tmp)
        self._closed = True


def _remove(path: str) -> None:
    """Remove a temporary file, if it is still there."""
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass


def is_special_file(path: str | Path, pipes: bool = True) -> bool:
    """Whether `path` is an existing device, or named pipe (unless `pipes` is False): written in
    place, never replaced."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return False
    return stat.S_ISCHR(mode) or stat.S_ISBLK(mode) or (pipes and stat.S_ISFIFO(mode))


# Compressed outputs by kind: (lowest level, highest level, default level).
LEVELS = {"gz": (1, 9, 6), "zst": (1, 22, 3), "parquet": (1, 22, 1)}


def compression_of(name: str) -> str | None:
    """The kind of compressed output a file or shard format name asks for: gz, zst, parquet."""
    name = name.lower()
    if name.endswith(".gz"):
        return "gz"
    if name.endswith((".zst", ".zstd")):
        return "zst"
    if is_parquet(name):
        return "parquet"
    return None


def _unbuffered_stdout() -> BinaryIO | None:
    """Standard output without a buffer, for records: what it took when a write fails is then
    known (stdout's own buffer may hold records that never get out). None where stdout is no
    file descriptor (a test's captured stdout)."""
    try:
        descriptor = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):       # (io.UnsupportedOperation is both)
        return None
    sys.stdout.flush()
    return open(descriptor, "wb", buffering=0, closefd=False)


def _open_for_writing(tmp: str, final: str, level: int | None = None) -> ByteSink:
    kind = compression_of(final)
    if kind == "gz":
        return ParallelGzipWriter(open(tmp, "wb"), level or LEVELS["gz"][2])
    if kind == "zst":
        import zstandard

        # One frame, compressed by zstd's own threads: one core would cap a run at ~130 MB/s
        # of output, and a file of several frames trips readers that stop at the first.
        compressor = zstandard.ZstdCompressor(
            compression_params=zstd_parameters(level or LEVELS["zst"][2]))
        return compressor.stream_writer(open(tmp, "wb"), closefd=True)
    return open(tmp, "wb", buffering=1 << 20)


# The input of one job of zstd's threads (zstd_parameters).
ZSTD_JOB_LOG = 20
# The first of zstd's strategies (greedy, from level 5) whose jobs are left at zstd's own size.
_ZSTD_SLOW = 3


def zstd_parameters(level: int) -> Any:
    """zstd's parameters for a .zst output at `level`: its own for the level, on every core; at
    the fast levels (1-4, the default 3 among them), in jobs of 1 MB (ZSTD_JOB_LOG) that each
    look back 1 MB, or the whole window where it is smaller.

    zstd's default job is four windows (8 MB at level 3), and its threads keep (threads + 3)
    jobs of input and as many of output: the main process of a 2-worker run writing .jsonl.zst
    held 84 MB in them at its peak (memray), more on more cores; in 1 MB jobs, 11 MB. A job
    looks back only as far as its prefix (zstd's: an eighth of the window, 256 KB at level 3),
    so 1 MB jobs with that lost what repeats farther back: the acceptance dump's .zst (65 MB of
    articles, some repeated) grew from 14.3 MB to 18.8. With a 1 MB prefix it is 13.3 MB, and
    50 MB of varied articles 0.3% larger than zstd's own (19.84 MB against 19.77), for the same
    CPU. Slower strategies index a prefix as dearly as they compress (level 7: 47% more CPU,
    level 9: 50% and a file 13-19% larger): their jobs stay zstd's own.

    >>> [zstd_parameters(3).job_size, zstd_parameters(3).overlap_log, zstd_parameters(5).job_size]
    [1048576, 8, 0]
    """
    import zstandard

    params = zstandard.ZstdCompressionParameters.from_level(level)
    if params.strategy >= _ZSTD_SLOW:
        return zstandard.ZstdCompressionParameters.from_level(level, threads=-1)
    # A prefix of window >> (9 - overlap_log) bytes: 1 MB, or the whole window if smaller.
    overlap_log = min(9, 9 - (params.window_log - ZSTD_JOB_LOG))
    return zstandard.ZstdCompressionParameters.from_level(
        level, threads=-1, job_size=1 << ZSTD_JOB_LOG, overlap_log=overlap_log)


def remove_stale_temporaries(path: str) -> None:
    """Remove what runs killed while writing `path` left beside it: its PATH.tmp-PID files whose
    process is gone. (A run still writing the same path keeps its own.)"""
    folder, name = os.path.split(path)
    try:
        entries = os.listdir(folder or ".")
    except OSError:
        return
    for entry in entries:
        found = written_for(entry)
        if found is not None and found[0] == name and found[1] is not None \
                and not process_alive(found[1]):
            try:
                os.remove(os.path.join(folder, entry))
            except OSError:
                pass


def process_alive(pid: int) -> bool:
    """Whether a process with this id exists (one of another user's included)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, ValueError):
        pass                    # another user's process, or no PID at all: left alone
    return True


class LazyWriter:
    """A JsonlWriter opened on the first write, so a run without rejects leaves no rejects file."""

    def __init__(self, path: str | Path | None):
        self.path = path
        self._writer: JsonlWriter | None = None
        self.failed = False

    def check(self) -> None:
        """OSError now where the file could not be written later: its folder is made, and its
        temporary name created there and removed (a run with rejects found that out only at
        its first reject, and lost all it had cleaned). A device or pipe is not tried."""
        if self.path is None or is_special_file(str(self.path)):
            return
        Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        tmp = temporary_name(str(self.path))
        open(tmp, "xb").close()
        os.unlink(tmp)

    def write(self, record: dict[str, Any]) -> None:
        if self.path is None:
            return
        try:
            if self._writer is None:
                self._writer = JsonlWriter(self.path)
            self._writer.write(record)
        except OSError:
            self.failed = True          # some rejects are lost: the file is never kept
            raise

    def close(self, keep: bool = True) -> None:
        """Rename the file into place (unless a write to it failed), or remove it."""
        if self._writer is not None:
            self._writer.close(keep and not self.failed)
