"""Inputs to records: .txt and .html files and folders, JSONL (.gz/.zst), WARC, stdin; bad input becomes a Reject, never a crash."""

from __future__ import annotations

import codecs
import fnmatch
import io
import os
import stat
import sys
import zlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, Iterable, Iterator, NamedTuple

import orjson

from cleaner.decode import DecodeError, decode_bytes
from cleaner.gzip_members import CorruptGzip
from cleaner.json_file import is_json, iter_json_array, iter_json_file
from cleaner.warc_reader import is_warc, iter_warc

JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".jsonl.zst", ".ndjson", ".ndjson.gz", ".ndjson.zst",
                  ".json.gz", ".jsonl.zstd")
TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
# An HTML page larger than this is refused (trafilatura's own ceiling; articles are far smaller).
MAX_HTML_BYTES = 20_000_000
# A record larger than this is refused rather than read into memory whole.
MAX_RECORD_BYTES = 64 << 20
# Read buffer of plain input files.
READ_BUFFER = 1 << 16
# What one RawBlock of JSONL lines holds (parallel runs): about 200 articles.
BLOCK_BYTES = 1 << 19
# How much of a refused record is kept in the rejects file.
MAX_REJECT_RAW = 1 << 20


@dataclass
class Item:
    """One input document: where it came from, its text and the input fields that ride along."""

    source: str
    line: int | None
    text: str
    fields: dict[str, Any]
    size: int
    kind: str = "text"            # "html": text is a web page, cleaned by Cleaner.clean_html
    # HTML only, for clean_html and not carried into the record: fallback_date (a WARC record's
    # crawl date), page_flags (notes on a wrong declared charset).
    hints: dict[str, Any] = field(default_factory=dict)

    def where(self) -> str:
        return f"{self.source}:{self.line}" if self.line else self.source


@dataclass
class Reject:
    """Input that could not become a document, with the reason; written to the rejects file."""

    source: str
    line: int | None
    reason: str
    raw: str | None = None

    def where(self) -> str:
        return f"{self.source}:{self.line}" if self.line else self.source

    def as_dict(self) -> dict[str, Any]:
        return {"source": self.source, "line": self.line, "reason": self.reason, "raw": self.raw}


@dataclass
class ReadOptions:
    """How inputs are read."""

    text_field: str = "text"
    encoding: str = "utf-8"
    max_record_bytes: int = MAX_RECORD_BYTES
    glob: tuple[str, ...] = ("*.txt", "*.jsonl", "*.jsonl.gz", "*.jsonl.zst", "*.parquet",
                             "*.html", "*.htm", "*.warc", "*.warc.gz")
    html_field: str = "html"       # JSONL field with a web page, used when there is no text field
    max_html_bytes: int = MAX_HTML_BYTES
    # JSONL lines are passed on unparsed, in blocks of whole lines (RawBlock), to be split and
    # parsed where they are cleaned, and .txt and .html files by name (TextFile), to be read
    # there: with worker processes, the main process then only moves large byte strings or
    # names, with no work per line or page.
    defer_parse: bool = False
    # What this run writes (absolute paths of files, and of a shard folder with all it holds):
    # never read as input, though an input folder holds it. An output written beside its dump
    # would otherwise be read back, and cleaned again, by the next run over that folder.
    exclude: frozenset[str] = frozenset()


class RawRecord(NamedTuple):
    """A JSONL line not parsed yet; `parsed()` turns it into an Item or a Reject.

    A tuple pickles in a fraction of the time a dataclass Item takes, and the main process of a
    parallel run skips JSON decoding altogether.
    """

    source: str
    line: int
    raw: bytes
    options: "ReadOptions"

    @property
    def size(self) -> int:
        return len(self.raw)

    @property
    def text(self) -> str:        # what a Reject keeps of a line that crashed a worker
        return _raw_text(self.raw)

    def parsed(self) -> "Item | Reject":
        record = parse_record(self.raw, self.source, self.line, self.options)
        # Readers make RawRecords of non-blank lines only, so a record is always there.
        return record if record is not None else Reject(self.source, self.line, "blank line")


class RawBlock(NamedTuple):
    """Whole JSONL lines, not split or parsed yet: `records()` gives one RawRecord per line that
    is not blank. `line` is the number of the first line, `last_line` that of the last."""

    source: str
    line: int
    raw: bytes
    options: "ReadOptions"
    last_line: int

    @property
    def size(self) -> int:
        return len(self.raw)

    def records(self) -> Iterator[RawRecord | Reject]:
        for number, raw in enumerate(self.raw.split(b"\n"), start=self.line):
            if raw.strip():
                yield RawRecord(self.source, number, raw.rstrip(b"\r"), self.options)


class FileBlock(NamedTuple):
    """A RawBlock named by where its bytes lie in a plain file, read by whoever splits it.

    The main process of a parallel run reads a file to find whole lines, and sends a worker the
    byte range (a few dozen bytes), not the bytes, which then do not go through a pipe (out of
    the main process, into the worker) on top of being read: on 100 MB with 2 workers, 100 MB
    less through pipes and 170 MB of peak memory for all processes, not 220. Lines `line` to
    `last_line` are `length` bytes at `offset` of the file `source`.
    """

    source: str
    line: int
    offset: int
    length: int
    options: "ReadOptions"
    last_line: int

    @property
    def size(self) -> int:
        return self.length

    def records(self) -> Iterator[RawRecord | Reject]:
        try:
            with open(self.source, "rb") as f:
                f.seek(self.offset)
                raw = f.read(self.length)
        except OSError as exc:
            raw, reason = b"", f"cannot read it again: {exc.strerror or exc}"
        else:
            reason = "the file changed while the run read it"
        if len(raw) != self.length:
            # Every line of the range is accounted for, blank or not: nothing goes unsaid.
            for number in range(self.line, self.last_line + 1):
                yield Reject(self.source, number, reason)
            return
        yield from RawBlock(self.source, self.line, raw, self.options, self.last_line).records()


class TextFile(NamedTuple):
    """A .txt file (one article) or .html file (one page) named, not read yet: `parsed()` reads
    and decodes it where it is cleaned.

    Opening, reading and decoding a small file took the main process of a parallel run about 36
    microseconds, and then its text went through a pipe: on 20,000 articles with 2 workers, that
    process took 1.3-2.3 s of CPU, 0.8-1.0 s now that the workers read the files. On 2 cores
    the run takes as long (the work moves, both cores were busy); with more cores, the main
    process can feed more workers. `size` is the file's size when it was listed.
    """

    source: str
    record_id: str
    options: "ReadOptions"
    size: int
    html: bool = False

    @property
    def line(self) -> None:       # a file is one document: no line number, as its Item has
        return None

    @property
    def text(self) -> str:        # what a Reject keeps of a file that crashed a worker
        try:
            with open(self.source, "rb") as f:
                return _raw_text(f.read(MAX_REJECT_RAW))
        except OSError:
            return ""

    def parsed(self) -> "Item | Reject":
        path = Path(self.source)
        if self.html:
            return read_html_file(path, self.record_id, self.options)
        return read_text_file(path, self.record_id, self.options)


def expand(items: Iterable) -> list:
    """Items with every block of records not read yet (RawBlock, FileBlock: RawRecords;
    parquet_io.ParquetBlock: Items) replaced by its records."""
    out: list = []
    for item in items:
        records = getattr(item, "records", None)
        if records is not None:
            out.extend(records())
        else:
            out.append(item)
    return out


@dataclass
class ReadLog:
    """What reading saw besides documents: files skipped in folders, bytes read."""

    # Files in folders that no --glob takes, and hidden ones: counted, not kept, so that a
    # folder of millions of images beside the articles costs no memory.
    skipped: int = 0
    bytes_read: int = 0
    # Records inside a file that are not documents (WARC requests, images, redirects), by reason.
    skipped_records: Counter = field(default_factory=Counter)


def _raw_text(data: bytes) -> str:
    return data[:MAX_REJECT_RAW].decode("utf-8", errors="backslashreplace")


def is_jsonl(name: str) -> bool:
    return name.lower().endswith(JSONL_SUFFIXES)


def open_compressed(path: str | Path) -> BinaryIO:
    """Open a file for binary reading, decompressing .gz and .zst on the fly."""
    name = str(path).lower()
    if name.endswith(".gz"):
        from cleaner.gzip_members import open_gzip

        return open_gzip(path)
    if name.endswith((".zst", ".zstd")):
        import zstandard

        raw = open(path, "rb")
        # A .zst may be several frames end to end (`cat a.zst b.zst`); some zstandard versions
        # stop at the first frame unless told otherwise.
        reader = zstandard.ZstdDecompressor().stream_reader(raw, read_across_frames=True,
                                                            closefd=True)
        return io.BufferedReader(reader)
    # A 64 KB buffer reads lines three times faster than the default 8 KB.
    return open(path, "rb", buffering=READ_BUFFER)


def _read_line(stream: BinaryIO, cap: int) -> tuple[bytes, bool]:
    """One line of at most `cap` bytes; a longer line is skipped to its end and flagged."""
    line = stream.readline(cap + 1)
    if len(line) <= cap or line.endswith(b"\n"):
        return line, False
    _skip_line(stream)
    return line[:MAX_REJECT_RAW], True


_BROKEN = object()


def _python_json(line: str) -> Any:
    """A line orjson refused, as Python's json module reads it, or _BROKEN.

    Python's json writes NaN and Infinity, which are not JSON, so files made with it hold them
    (`{"score": NaN}`): such a record is read, and the numbers come out as null, as orjson
    writes them. What orjson could not write back (a lone surrogate, which Python's json reads)
    still refuses the line, with orjson's reason.
    """
    import json

    try:
        obj = json.loads(line)
        orjson.dumps(obj, option=orjson.OPT_NON_STR_KEYS)
    except (ValueError, TypeError, RecursionError, orjson.JSONEncodeError):
        return _BROKEN
    return obj


def parse_record(raw: bytes, source: str, lineno: int, options: ReadOptions) -> Item | Reject | None:
    """One JSONL line as an Item, a Reject with the reason, or None for a blank line."""
    if not raw.strip():
        return None
    raw = raw.rstrip(b"\r\n")
    if lineno == 1 and raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8):]        # a file saved "UTF-8 with BOM" (Windows tools)
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return Reject(source, lineno, f"invalid UTF-8 at byte {exc.start} of the line", _raw_text(raw))
    try:
        obj = orjson.loads(line)
    except orjson.JSONDecodeError as exc:
        obj = _python_json(line)
        if obj is _BROKEN:
            return Reject(source, lineno, f"broken JSON: {exc}", line[:MAX_REJECT_RAW])
    if not isinstance(obj, dict):
        return Reject(source, lineno, f"JSON line is a {type(obj).__name__}, not an object",
                      line[:MAX_REJECT_RAW])
    return object_record(obj, source, lineno, len(raw), options, line)


def object_record(obj: dict, source: str, lineno: int, size: int, options: ReadOptions,
                  raw: str | None = None) -> Item | Reject:
    """One record (a JSON object) as an Item, or a Reject with the reason. `raw`: the record as
    it was read, kept with a Reject (else the object is written out as JSON); `size`: its bytes."""
    text = obj.pop(options.text_field, None)

    def refused(reason: str) -> Reject:
        shown = raw if raw is not None else orjson.dumps(
            {**obj, options.text_field: text}, option=orjson.OPT_NON_STR_KEYS).decode()
        return Reject(source, lineno, reason, shown[:MAX_REJECT_RAW])

    if text is None and isinstance(obj.get(options.html_field), str):
        html = obj.pop(options.html_field)
        if not html.strip():
            return refused("empty page")
        if len(html) > options.max_html_bytes:
            return refused(f"HTML page larger than {options.max_html_bytes} bytes; "
                           "raise --max-html-bytes to read it")
        return Item(source, lineno, html, obj, size, kind="html")
    if text is None:
        return refused(f"no {options.text_field!r} field")
    if not isinstance(text, str):
        return refused(f"field {options.text_field!r} is a {type(text).__name__}, not a string")
    if not text.strip():
        return refused("empty document")
    return Item(source, lineno, text, obj, size)


def _stream_error(exc: Exception, source: str, lineno: int) -> tuple[Reject, bool]:
    """The Reject for an input stream that failed after `lineno` lines, and whether reading
    goes on (at the next member of a multi-member gzip)."""
    if isinstance(exc, CorruptGzip):
        return Reject(source, lineno + 1, f"truncated or corrupt input after line {lineno}: "
                                          f"{exc}"), exc.resumed_at is not None
    if isinstance(exc, (EOFError, OSError, zlib.error, ValueError)):
        return Reject(source, lineno + 1, f"truncated or corrupt input after line {lineno}: "
                                          f"{type(exc).__name__}: {exc}"), False
    # zstandard raises its own ZstdError
    return Reject(source, lineno + 1, f"corrupt input after line {lineno}: "
                                      f"{type(exc).__name__}: {exc}"), False


def _too_long(source: str, lineno: int, raw: bytes, options: ReadOptions) -> Reject:
    return Reject(source, lineno, f"record longer than {options.max_record_bytes} bytes; "
                                  "raise --max-record-bytes to read it", _raw_text(raw))


def read_jsonl(stream: BinaryIO, source: str, options: ReadOptions, blocks: bool = False,
               ranges: bool = False) -> Iterator[Item | RawRecord | RawBlock | FileBlock | Reject]:
    """Records of a JSONL stream; a corrupt or truncated stream ends with a Reject naming the line.

    With `options.defer_parse`, lines stay unparsed: as RawBlocks when `blocks` (a stream that
    cannot fail halfway through a read, such as a plain file), as FileBlocks when `ranges` too
    (`source` is that file), else one RawRecord a line.
    """
    if options.defer_parse and blocks and options.max_record_bytes >= BLOCK_BYTES:
        yield from read_jsonl_blocks(stream, source, options, ranges=ranges)
        return
    lineno = 0
    while True:
        try:
            raw, too_long = _read_line(stream, options.max_record_bytes)
        except Exception as exc:
            reject, go_on = _stream_error(exc, source, lineno)
            yield reject
            if go_on:
                continue
            return
        if not raw:
            return
        lineno += 1
        if too_long:
            yield _too_long(source, lineno, raw, options)
        elif options.defer_parse:
            if raw.strip():
                yield RawRecord(source, lineno, raw.rstrip(b"\r\n"), options)
        elif (record := parse_record(raw, source, lineno, options)) is not None:
            yield record


def read_jsonl_blocks(stream: BinaryIO, source: str, options: ReadOptions,
                      block_size: int = BLOCK_BYTES,
                      ranges: bool = False) -> Iterator[RawBlock | FileBlock | Reject]:
    """A JSONL stream as RawBlocks of whole lines, about `block_size` bytes each, with no work
    per line; as FileBlocks, their place in the file `source`, when `ranges`.

    The records are those of read_jsonl: a line longer than the record limit is a Reject (a read
    is no longer than the limit, so only a line begun in an earlier read can pass it). A read
    that fails loses the block it was reading, so this is for streams that do not fail halfway,
    such as plain files; compressed ones are read line by line.
    """
    cap = options.max_record_bytes
    block_size = min(block_size, cap)  # a line inside one read is then never over the limit
    lineno = 0
    pieces: list[bytes] = []           # the start of a line not ended yet
    pending = 0                        # its length
    offset = 0                         # where in the stream the next read starts

    def block(first: int, at: int, data: bytes | memoryview, last: int):
        if ranges:
            return FileBlock(source, first, at, len(data), options, last)
        return RawBlock(source, first, bytes(data), options, last)

    while True:
        try:
            chunk = stream.read(block_size)
        except Exception as exc:
            yield _stream_error(exc, source, lineno)[0]
            return
        if not chunk:
            if pending:
                yield block(lineno + 1, offset - pending, b"".join(pieces), lineno + 1)
            return
        at = offset                    # where chunk[0] lies in the stream
        offset += len(chunk)
        end = chunk.rfind(b"\n") + 1
        if end == 0:                                # no line ends in this chunk
            pieces.append(chunk)
            pending += len(chunk)
            if pending > cap:
                lineno += 1
                yield _too_long(source, lineno, _head(pieces, cap + 1), options)
                offset += _skip_line(stream)
                pieces, pending = [], 0
            continue
        start = 0
        if pending:
            first = chunk.find(b"\n")
            if pending + first > cap:               # the line begun before is too long
                lineno += 1
                yield _too_long(source, lineno, _head(pieces + [chunk[:first]], cap + 1), options)
                start = first + 1
            else:
                chunk = b"".join(pieces) + chunk
                end += pending
                at -= pending
        if end > start:
            lines = chunk.count(b"\n", start, end)
            yield block(lineno + 1, at + start, memoryview(chunk)[start:end - 1], lineno + lines)
            lineno += lines
        rest = chunk[end:]
        pieces, pending = ([rest], len(rest)) if rest else ([], 0)


def _head(pieces: list[bytes], limit: int) -> bytes:
    """What the Reject of a line held in pieces keeps: as much as read_jsonl reads of it (the
    limit plus one byte), at most MAX_REJECT_RAW bytes."""
    limit = min(limit, MAX_REJECT_RAW)
    head, size = [], 0
    for piece in pieces:
        if size >= limit:
            break
        head.append(piece)
        size += len(piece)
    return b"".join(head)[:limit]


def _skip_line(stream: BinaryIO) -> int:
    """Read on to the end of the current line; the bytes read."""
    skipped = 0
    while True:
        chunk = stream.readline(1 << 20)
        skipped += len(chunk)
        if not chunk or chunk.endswith(b"\n"):
            return skipped


def _read_capped(path: Path, limit: int, too_big) -> bytes | Reject:
    """A file's bytes, or a Reject when it is larger than `limit` (`too_big(size)` says so) or
    cannot be read."""
    try:
        # The size from the open file, not the path: one lookup of the name, not two (a folder
        # of small articles spends as long finding and opening files as reading them).
        with open(path, "rb") as f:
            size = os.fstat(f.fileno()).st_size
            if size > limit:
                return Reject(str(path), None, too_big(size))
            return f.read()
    except OSError as exc:
        return Reject(str(path), None, f"cannot read: {exc.strerror or exc}")


def read_text_file(path: Path, record_id: str, options: ReadOptions) -> Item | Reject:
    """A whole .txt file as one document."""
    limit = options.max_record_bytes
    data = _read_capped(path, limit, lambda size: f"file of {size} bytes is larger than "
                                                  f"{limit}; raise --max-record-bytes")
    return data if isinstance(data, Reject) else text_item(data, str(path), record_id, options)


def text_item(data: bytes, source: str, record_id: str, options: ReadOptions) -> Item | Reject:
    try:
        text, encoding = decode_bytes(data, options.encoding)
    except DecodeError as exc:
        return Reject(source, None, str(exc))
    if not text.strip():
        return Reject(source, None, "empty document")
    fields: dict[str, Any] = {"id": record_id}
    if encoding not in ("utf-8", "utf-8-sig", "ascii"):
        fields["encoding"] = encoding
    return Item(source, None, text, fields, len(data))


def is_html(name: str) -> bool:
    return name.lower().endswith(HTML_SUFFIXES)


def read_html_file(path: Path, record_id: str, options: ReadOptions) -> Item | Reject:
    """A whole .html file as one web page."""
    limit = options.max_html_bytes
    data = _read_capped(path, limit, lambda size: f"HTML page larger than {limit} bytes: "
                                                  f"{size} bytes; raise --max-html-bytes to read it")
    return data if isinstance(data, Reject) else html_item(data, str(path), record_id)


def html_item(data: bytes, source: str, record_id: str, http_charset: str | None = None,
              line: int | None = None) -> Item | Reject:
    """Web page bytes as an HTML item: charset from the HTTP header, <meta charset>, detection."""
    from cleaner.html_charset import decode_html

    try:
        text, encoding, notes = decode_html(data, http_charset)
    except DecodeError as exc:
        return Reject(source, line, str(exc), _raw_text(data[:4096]))
    if not text.strip():
        return Reject(source, line, "empty page")
    fields: dict[str, Any] = {"id": record_id}
    if encoding not in ("utf-8", "utf-8-sig", "ascii"):
        fields["encoding"] = encoding
    hints = {"page_flags": [{"flag": "charset", "reason": note} for note in notes]} if notes else {}
    return Item(source, line, text, fields, len(data), kind="html", hints=hints)


def folder_files(folder: Path, options: ReadOptions, log: ReadLog) -> Iterator[tuple[str, str]]:
    """(path, record id) of the files under a folder that reading takes, in a stable order; the
    id is the path below the folder without its suffix ("2022/01/a.txt": "2022/01/a"). Hidden
    files and names no --glob takes are counted as skipped.

    Strings, not Path objects: a folder of small articles spent as long in pathlib (a Path per
    file, matching each glob, the relative id) as in reading the files.
    """
    wanted = _name_filter(options.glob)
    exclude = options.exclude
    top = str(folder)
    for root, dirs, files in os.walk(top):
        below = os.path.relpath(root, top)
        here = os.path.normpath(os.path.join(os.path.abspath(top), below)) if exclude else ""
        dirs[:] = sorted(d for d in dirs if not d.startswith(".")
                         and not (exclude and os.path.join(here, d) in exclude))
        for name in sorted(files):
            path = os.path.join(root, name)
            if exclude and _written_here(os.path.join(here, name), exclude):
                continue
            if name.startswith(".") or not wanted(name, path):
                log.skipped += 1
                continue
            yield path, (stem_of(name) if below == "." else os.path.join(below, stem_of(name)))


def files_of(name: str, options: ReadOptions) -> Iterator[str]:
    """The files one input names, in the order reading takes them: a folder's (folder_files),
    else the input itself."""
    path = Path(name)
    if path.is_dir():
        for file, _ in folder_files(path, options, ReadLog()):
            yield file
    else:
        yield name


def _written_here(path: str, outputs: frozenset[str]) -> bool:
    """Whether a file is one of this run's outputs, or one being written under a temporary
    name: the output's name and ".tmp" or ".tmp-PID"."""
    if path in outputs:
        return True
    name, tmp, tail = path.rpartition(".tmp")
    return bool(tmp) and (tail == "" or tail[:1] == "-" and tail[1:].isdigit()) and name in outputs


def _name_filter(globs: tuple[str, ...]):
    """Whether a file (its name, its path) matches one of the globs, as Path.match says: a glob
    without a separator is matched against the name alone, with the platform's case rules."""
    if any("/" in glob or os.sep in glob for glob in globs):
        return lambda name, path: any(Path(path).match(glob) for glob in globs)
    return lambda name, path: any(fnmatch.fnmatch(name, glob) for glob in globs)


def stem_of(name: str) -> str:
    """A file name without its last suffix, as Path.stem gives it.

    >>> stem_of("a.b.txt"), stem_of(".txt"), stem_of("x."), stem_of("README")
    ('a.b', '.txt', 'x.', 'README')
    """
    dot = name.rfind(".")
    return name[:dot] if 0 < dot < len(name) - 1 else name


def iter_inputs(inputs: Iterable[str], options: ReadOptions | None = None,
                log: ReadLog | None = None) -> Iterator[Item | Reject]:
    """Items and Rejects from every input, in order: files, folders (recursive), '-' for stdin."""
    options = options or ReadOptions()
    log = log if log is not None else ReadLog()
    for name in inputs:
        if name == "-":
            yield from _read_stdin(options, log)
            continue
        path = Path(name)
        if path.is_dir():
            for file, record_id in folder_files(path, options, log):
                yield from _read_file(Path(file), record_id, options, log)
        elif path.exists():
            yield from _read_file(path, path.stem, options, log)
        else:
            yield Reject(name, None, "no such file or folder")


def _read_file(path: Path, record_id: str, options: ReadOptions, log: ReadLog):
    size: int | None = None            # unknown: reading the file then says why, as a Reject
    try:
        size = path.stat().st_size
        log.bytes_read += size
    except OSError:
        pass
    if path.name.lower().endswith((".parquet", ".pq")):
        from cleaner.parquet_io import read_parquet

        yield from read_parquet(path, options)
        return
    if is_warc(path.name):
        yield from iter_warc(path, options, log.skipped_records)
        return
    if is_json(path.name):
        yield from iter_json_file(path, options)
        return
    if is_jsonl(path.name):
        try:
            stream = open_compressed(path)
        except OSError as exc:
            yield Reject(str(path), None, f"cannot read: {exc.strerror or exc}")
            return
        with stream:
            plain = not path.name.lower().endswith((".gz", ".zst", ".zstd"))
            # Byte ranges only of a regular file: a named pipe cannot be read again.
            ranges = plain and stat.S_ISREG(os.fstat(stream.fileno()).st_mode)
            yield from read_jsonl(stream, str(path), options, blocks=plain, ranges=ranges)
        return
    # One document per file: an .html page, else a text article.
    html = is_html(path.name)
    if options.defer_parse and size is not None:
        yield TextFile(str(path), record_id, options, size, html)
    elif html:
        yield read_html_file(path, record_id, options)
    else:
        yield read_text_file(path, record_id, options)


def _read_stdin(options: ReadOptions, log: ReadLog):
    """Standard input: JSONL when its first character is '{', a JSON array of records when it
    is '[', one web page when it opens with HTML markup, else one text document."""
    stream = sys.stdin.buffer
    peek = stream.peek(64) if hasattr(stream, "peek") else b""
    first = peek.removeprefix(codecs.BOM_UTF8).lstrip()[:1]
    if first == b"{":
        yield from read_jsonl(stream, "<stdin>", options, blocks=True)
        return
    if first == b"[":                   # a JSON array of records, read item by item
        if peek.startswith(codecs.BOM_UTF8):
            stream.read(len(codecs.BOM_UTF8))
        yield from iter_json_array(stream, "<stdin>", options)
        return
    data = stream.read(options.max_record_bytes + 1)
    log.bytes_read += len(data)
    if len(data) > options.max_record_bytes:
        yield Reject("<stdin>", None, f"input larger than {options.max_record_bytes} bytes")
        return
    if data.lstrip()[:1] == b"<" and data.lstrip()[:64].lower().startswith(
            (b"<!doctype html", b"<html", b"<head", b"<body", b"<!--")):
        yield html_item(data, "<stdin>", "stdin")
        return
    yield text_item(data, "<stdin>", "stdin", options)
