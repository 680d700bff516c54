"""The progress bar of a run: bytes, MB/s, documents/s and, where the input size is known, an ETA;
and the run's messages on stderr, which go above the bar."""

from __future__ import annotations

import os
import sys
import time
from typing import Any, Callable, ClassVar, TextIO

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


# The bar's width where the terminal says it has 0 columns (`script`, some consoles of CI and
# containers): tqdm, sizing the bar to the terminal, drew nothing there.
DEFAULT_WIDTH = 80
DEFAULT_ROWS = 24
# Narrower than this, tqdm's own layout (name, share, bar, bytes done of all, times, rates) is
# cut at the terminal's edge, and documents/s, its last part, went first: a narrow bar shows
# its name, the share, the bar and the two rates, then the time left (or taken, the size
# unknown): 48 columns with the bar at its least.
NARROW_COLUMNS = 80
NARROW_LAYOUT = "{desc}: {percentage:3.0f}%|{bar}| {rate_fmt}{postfix} <{remaining}"
NARROW_LAYOUT_NO_TOTAL = "{desc}: {n_fmt} {rate_fmt}{postfix} [{elapsed}]"


class _Stderr:
    """What messages need to know of stderr: the bar drawn on it, which a message clears
    first and draws again after (else the message is glued onto the bar's line), and the
    stream a write failed on, which is not tried again."""

    # (ClassVar: the one state of the process, which the compiled build keeps on the class)
    bar: ClassVar[Any] = None
    failed: ClassVar[TextIO | None] = None


def say(text: str) -> None:
    """Write `text` as a line of stderr, above the progress bar where one is drawn. A message
    that cannot be written (stderr's reader gone, as `2>&1 | head` leaves it, or stderr closed)
    ends the messages, and nothing else: the run goes on and finishes as it would have. One the
    stream cannot encode, or that meets a stderr full for a moment, is lost (or cut short)
    alone."""
    stream = sys.stderr
    if stream is None or stream is _Stderr.failed:
        return
    bar = _Stderr.bar
    try:
        if bar is not None:
            bar.clear(nolock=True)      # (nolock: a signal handler may say something)
        try:
            stream.write(text + "\n")
            stream.flush()
        except (UnicodeEncodeError, BlockingIOError):
            pass                        # (this message alone; the bar is drawn again)
        if bar is not None:
            bar.refresh(nolock=True)
    except (OSError, ValueError):       # (ValueError: a closed stream)
        stderr_failed(stream)


def stderr_failed(stream: TextIO) -> None:
    """Write nothing more to `stream`, which a write failed on; its file descriptor is pointed
    at /dev/null, so that no other write to it fails either: tqdm's, a library's, and the
    interpreter's last flush, which would make the exit status 120."""
    _Stderr.failed, _Stderr.bar = stream, None
    try:
        null = os.open(os.devnull, os.O_WRONLY)
    except OSError:
        return
    try:
        os.dup2(null, stream.fileno())
    except (OSError, ValueError):       # no file descriptor behind it (a test's capture)
        pass
    finally:
        os.close(null)


def settle_stderr() -> None:
    """Give a process started with stderr closed (`2>&-`, where Python's sys.stderr is None) a
    stderr that takes what is written and drops it; file descriptor 2 too where nothing holds
    it, so that no file the run opens gets it, for a library or a worker to write into."""
    if sys.stderr is not None:
        return
    try:
        os.fstat(2)
    except OSError:
        null = os.open(os.devnull, os.O_WRONLY)
        if null != 2:
            os.dup2(null, 2)
            os.close(null)
    sys.stderr = open(os.devnull, "w", encoding="utf-8")


def on_a_terminal() -> bool:
    """Whether stderr is a terminal, where the progress bar is drawn."""
    stream = sys.stderr
    try:
        return stream is not None and stream is not _Stderr.failed and stream.isatty()
    except (OSError, ValueError):
        return False


def _width(stream: TextIO) -> dict[str, Any]:
    """tqdm's options of the bar's width: following the terminal's, but DEFAULT_WIDTH on a
    terminal that says it has 0 columns, and DEFAULT_ROWS on one that says it has 0 rows."""
    try:
        fd = stream.fileno()
        size = os.get_terminal_size(fd) if os.isatty(fd) else None
        # tqdm takes a size of 0 as -1, and hides a bar on a row at or past a height of -1:
        # `stty cols 100` in a pty that had no size (script, CI) drew no bar at all.
        if size is not None and (size.columns == 0 or size.lines == 0):
            return {"ncols": size.columns or DEFAULT_WIDTH, "nrows": DEFAULT_ROWS}
    except (OSError, ValueError):
        pass
    return {"dynamic_ncols": True}


def _layout(stream: TextIO, total: int | None) -> dict[str, Any]:
    """tqdm's bar_format for a terminal narrower than NARROW_COLUMNS (none: tqdm's own)."""
    try:
        fd = stream.fileno()
        columns = os.get_terminal_size(fd).columns if os.isatty(fd) else 0
    except (OSError, ValueError):
        return {}
    if not 0 < columns < NARROW_COLUMNS:
        return {}
    return {"bar_format": NARROW_LAYOUT if total else NARROW_LAYOUT_NO_TOTAL}


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
        self.started = time.perf_counter()
        self.done = done
        try:
            self.bar = tqdm(total=total or None, unit="B", unit_scale=True, unit_divisor=1000,
                            desc="cleaning", file=sys.stderr, smoothing=0.1, mininterval=0.5,
                            initial=done, **_width(sys.stderr), **_layout(sys.stderr, total))
        except (OSError, ValueError):
            self._failed()
            return
        _Stderr.bar = self.bar

    def update(self, size: int, docs: int) -> None:
        """`size` more input bytes read; `docs` documents read so far by this process."""
        if self.bar is None:
            return
        # The rate first: tqdm draws the bar in update (at most every mininterval), and a rate
        # set after it showed from the next drawing only, not in the first.
        seconds = time.perf_counter() - self.started
        if seconds > 0:
            rate = self._documents_a_second(docs, self.bar.n + size - self.done, seconds)
            self.bar.set_postfix_str(f"{rate:,.0f} docs/s", refresh=False)
        try:
            self.bar.update(size)
        except (OSError, ValueError):
            self._failed()

    def _documents_a_second(self, docs: int, size: int, seconds: float) -> float:
        """Documents a second at tqdm's smoothed byte rate, which its MB/s and ETA show (the
        documents' average size turning bytes into documents), so that the bar's two rates move
        together; before tqdm has a rate, the average since the start."""
        rate = self.bar.format_dict.get("rate") if self.bar is not None else None
        if rate and size > 0:
            return rate * docs / size
        return docs / seconds

    def _failed(self) -> None:
        """The bar could not be drawn (stderr's reader gone): no bar, and no more messages."""
        self.bar = None
        stderr_failed(sys.stderr)

    def close(self, finished: bool = False) -> None:
        """Close the bar; `finished`: the run read all of its input, so a known size is all done.
        What the bar counts, each document's input bytes, can end short of it (the line ends and
        blank lines of JSON lines, what a reject does not keep of its input, input that is no
        document: a WARC's headers and requests) or pass it (a reject keeps a byte that is not
        UTF-8 as a four-character escape, `\\xe9`); past its total, tqdm shows no share and no
        ETA, as neither is known any longer."""
        if self.bar is None:
            return
        bar, self.bar = self.bar, None
        if _Stderr.bar is bar:
            _Stderr.bar = None
        if finished and bar.total:
            bar.n = bar.total
        try:
            bar.close()
        except (OSError, ValueError):
            stderr_failed(sys.stderr)
