"""Inputs to records: files and folders of .txt, .html, JSON, JSONL (.gz/.zst), Parquet and WARC, and stdin; bad input becomes a Reject, never a crash."""

from __future__ import annotations

import codecs
import io
import os
import posixpath
import stat
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO, Callable, Iterable, Iterator, TypeVar, cast

from cleaner.document_files import TextFile, is_html, read_html_file, read_text_file, \
    text_item, unread_compressed
from cleaner.folders import folder_entries, id_prefixes, prefixed, stem_of
from cleaner.gzip_members import CHUNK, GzipMembers, holds_member
from cleaner.inputs import (COMPRESSED_SUFFIXES, GZIP_MAGIC, ZSTD_MAGIC, Item, ReadLog,
                            ReadOptions, Reject, other_compression, other_compression_reason,
                            printable)
from cleaner.json_file import SNIFF_BYTES, is_json, iter_json_array, iter_json_file, json_opening, \
    opens_array
from cleaner.jsonl_reader import READ_BUFFER, FileBlock, RawBlock, RawRecord, is_jsonl, not_utf8, \
    open_compressed, read_jsonl, stream_error, wide_encoding
from cleaner.parquet_io import is_parquet, read_parquet
from cleaner.warc_reader import SkipPlaces, ends_inside, is_warc, iter_warc, iter_warc_stream
from cleaner.warc_stream import Unclosed, opens_as_warc
from cleaner.writers import is_special_file
from cleaner.zstd_frames import read_zstd

# The first bytes of a Parquet file: its rows are found from its footer, at the end of the file,
# which a stream read once cannot go back from.
PARQUET_MAGIC = b"PAR1"
# What a reader of an opened file gives (_opened).
_Read = TypeVar("_Read")
# What the JSON lines reader gives: records, or blocks of lines a worker parses.
Lines = Item | RawRecord | RawBlock | FileBlock | Reject


def iter_inputs(inputs: Iterable[str], options: ReadOptions | None = None,
                log: ReadLog | None = None) -> Iterator[Item | Reject]:
    """Items and Rejects from every input, in order: files, folders (recursive), '-' for stdin."""
    options = options or ReadOptions()
    log = log if log is not None else ReadLog()
    inputs = list(inputs)
    prefixes = id_prefixes(inputs)
    for name in inputs:
        if name == "-":
            yield from _read_stdin(options, log)
            continue
        path = Path(name)
        if path.is_dir():
            for entry in folder_entries(path, options, log):
                if isinstance(entry, Reject):   # a folder it cannot list, a named pipe
                    yield entry
                    continue
                file, record_id = entry
                # The path as pathlib writes it, as sources always were: "a.txt", not "./a.txt".
                yield from read_file(file[2:] if file.startswith("./") else file,
                                     prefixed(prefixes.get(name), record_id), options, log)
        elif path.exists():
            yield from read_file(str(path), prefixed(prefixes.get(name), stem_of(path.name)),
                                 options, log)
        else:
            yield Reject(name, None, "no such file or folder")


def read_file(path: str, record_id: str, options: ReadOptions, log: ReadLog):
    """The items of one input file, read by what its name says it is (`record_id`: the id of a
    one-document file's record).

    The path is a string, not a Path: in a folder of small articles, making a Path a file and
    asking it for its name five times cost a fifth of the reading.
    """
    size: int | None = None            # unknown: reading the file then says why, as a Reject
    mode = 0
    try:
        status = os.stat(path)
        size, mode = status.st_size, status.st_mode
        log.bytes_read += size
    except OSError:
        pass
    record_id = printable(record_id)      # a name of bytes that are not UTF-8: escaped
    folder = posixpath.dirname(record_id)
    if folder:                            # in a subfolder of an input folder (Item.id_name)
        options = replace(options, id_name=f"{folder}/{printable(os.path.basename(path))}")
    name = os.path.basename(path).lower()
    if is_parquet(name):
        yield from read_parquet(Path(path), options)
        return
    if is_jsonl(name) or is_warc(name):
        if stat.S_ISFIFO(mode) or stat.S_ISCHR(mode):
            # A pipe under a dump's name gives its bytes once: read by its first bytes, as
            # standard input is. Its name's reader opened it twice (a .gz's first bytes looked
            # at, then read), and the second open waited for a writer gone: the run hung.
            yield from _opened(path, _open_plain, lambda stream: _read_stream(
                stream, path, record_id, options, log))
            return
        if size == 0 and stat.S_ISREG(mode) and name.endswith(COMPRESSED_SUFFIXES):
            # A download or copy that failed: any start of a gzip member or zstd frame is a
            # reject (the file ends inside it), and no bytes at all were no input, unsaid.
            yield Reject(path, None, "empty file: a compressed file of no bytes holds no data "
                                     "(a download or copy that failed?)")
            return
    if is_warc(name):
        yield from _warc_noted(lambda skipped, places: iter_warc(Path(path), options, skipped,
                                                                 places), log)
        return
    if is_json(name):
        yield from iter_json_file(Path(path), options)
        return
    if is_jsonl(name):
        if name.endswith(".gz"):
            head = _opening(path)
            # (zero padding opening a .gz is passed over, as after its last member)
            if head and not head.startswith(GZIP_MAGIC) and head.strip(b"\x00"):
                yield from _not_gzip(path, head, record_id, options, log)
                return
        yield from _opened(path, open_compressed,
                           lambda stream: _read_lines_file(stream, path, name, options))
        return
    other = other_compression(name)
    if other is not None:           # bzip2, xz, a zip archive: read from a pipe instead
        yield Reject(path, None, other_compression_reason(other))
        return
    html = is_html(name)
    named = html or name.endswith(".txt")         # an article by its name
    special = not named and is_special_file(path)
    head = None if named or special else _opening(path)
    if head is not None and head.startswith(PARQUET_MAGIC):
        # Parquet by its first bytes, under a name that does not say so (Spark's "part-0"): a
        # file can be read from its footer, as standard input cannot.
        yield from read_parquet(Path(path), options)
        return
    if head is not None and opens_as_warc(head):
        # A WARC by its first bytes, under a name that does not say so ("crawl.data", a
        # "part-0.gz" of a .warc.gz): read as one, not as an article of its headers and markup.
        yield from _warc_noted(lambda skipped, places: iter_warc(Path(path), options, skipped,
                                                                 places), log)
        return
    if unread_compressed(name):     # "dump.csv.zst", "backup.gz": not an article to clean
        yield Reject(path, None, "a compressed file of a kind not read: compressed inputs are "
                                 "JSON lines (.jsonl, .ndjson, .json.gz), .txt, .html, .htm "
                                 "and .warc.gz")
        return
    if not named:
        # No name to go by: a pipe named as an input (`<(zcat dump.jsonl.gz)` is /dev/fd/63),
        # read as standard input is, by its first bytes; a file of a name no reader takes
        # ("dump.data", "part-0", "x.json.bak"), JSON lines or a JSON array if it opens as one
        # (not 3 MB of JSON as one article), else a text article.
        opening = None if head is None else json_opening(head)
        if special:
            yield from _opened(path, _open_plain, lambda stream: _read_stream(
                stream, path, record_id, options, log))
            return
        if opening == b"[":
            yield from _opened(path, _open_plain,
                               lambda stream: iter_json_array(stream, path, options))
            return
        if opening is not None:
            yield from _opened(path, _open_plain, lambda stream: read_jsonl(
                stream, path, options, blocks=True, ranges=True))
            return
    # One document per file: an .html page, else a text article.
    if options.defer_parse and size is not None:
        yield TextFile(path, record_id, options, size, html)
    elif html:
        yield read_html_file(path, record_id, options)
    else:
        yield read_text_file(path, record_id, options)


def _opened(path: str, opener: Callable[[str], BinaryIO],
            read: Callable[[BinaryIO], Iterator[_Read]]) -> Iterator[_Read | Reject]:
    """What `read` gives of the file `opener` opens, closed after; the file's reject, with the
    reason, where it does not open."""
    try:
        stream = opener(path)
    except OSError as exc:
        yield Reject.unreadable(path, exc)
        return
    with stream:
        yield from read(stream)


def _open_plain(path: str) -> BinaryIO:
    """A file opened for reading bytes as they are."""
    return open(path, "rb")


def _open_buffered(path: str) -> BinaryIO:
    """A file opened for reading bytes as they are, in the JSON lines reader's large reads."""
    return open(path, "rb", buffering=READ_BUFFER)


def _read_lines_file(stream: BinaryIO, path: str, name: str,
                     options: ReadOptions) -> Iterator[Lines]:
    """The records of a JSON lines file (`name`, lower case), compressed or not: a compressed
    .json is JSON lines, or an array read item by item."""
    if name.endswith((".json.gz", ".json.zst")) and opens_array(path):
        yield from iter_json_array(stream, path, options)
        return
    plain = not name.endswith(COMPRESSED_SUFFIXES)
    # Byte ranges only of a regular file: a named pipe cannot be read again.
    ranges = plain and stat.S_ISREG(os.fstat(stream.fileno()).st_mode)
    yield from read_jsonl(stream, path, options, blocks=plain, ranges=ranges,
                          checked_late=not plain)


def _warc_noted(read: Callable[[Counter, SkipPlaces | None], Iterator[Item | Reject]],
                log: ReadLog) -> Iterator[Item | Reject]:
    """A WARC's items and rejects (`read`, given the run's counter of skipped records and the
    log's ReadLog.skip_places, where the reader notes each record it skips, with why: kept for
    `explain`, None in a run), noting in `log` where a record the file ends inside was read
    (ReadLog.cut_places)."""
    for item in read(log.skipped_records, log.skip_places):
        if isinstance(item, Item) and item.hints and ends_inside(item):
            from cleaner.batches import document_args

            log.cut_places[str(document_args(item)["id"])] = item.where()
        yield item


def _not_gzip(path: str, head: bytes, record_id: str, options: ReadOptions, log: ReadLog):
    """A file named .gz whose first bytes (`head`) are not gzip's. Read by what it holds, as
    standard input is (_read_stream), where it opens as JSON, zstd or a WARC: misnamed, not
    damaged. Else, where no gzip member opens anywhere in it, one reject of the file, "not gzip
    data" (it was "truncated or corrupt input after line 0: corrupt gzip member ...", as line
    1); else it is a gzip file whose start is damaged, read on at the member (gzip_members).
    JSON lines with a gzip member after them (`cat a.jsonl b.jsonl.gz > x.jsonl.gz`) are the
    latter: read as plain lines, the member's bytes would be rejected line by line, unsaid."""
    other_format = head.startswith(ZSTD_MAGIC) or opens_as_warc(head)
    member = not other_format and holds_member(path)
    if not member and (other_format or json_opening(head) is not None):
        yield from _opened(path, _open_buffered, lambda stream: _read_stream(
            stream, path, record_id, options, log))
        return
    if not member:
        yield Reject(path, None, "not gzip data: no gzip member opens anywhere in the file")
        return
    yield from _opened(path, open_compressed,
                       lambda stream: read_jsonl(stream, path, options, checked_late=True))


def _opening(path: str) -> bytes | None:
    """A file's first bytes; None for a file it cannot read (read as text, it is refused there
    with the reason)."""
    try:
        with open(path, "rb") as stream:
            return stream.read(SNIFF_BYTES)
    except OSError:
        return None


def _read_stdin(options: ReadOptions, log: ReadLog):
    """Standard input, read by its first bytes (_read_stream)."""
    yield from _read_stream(sys.stdin.buffer, "<stdin>", "stdin", options, log)


def _read_stream(stream, source: str, record_id: str, options: ReadOptions, log: ReadLog,
                 unpacked: bool = False, lines_before: int = 0):
    """A stream read once, with no name to go by: a WARC when it opens with a record's header
    line (gzip or not), JSONL when its first character is '{', a JSON array of records when it
    is '[', one web page when it opens with HTML markup, else one text document; gzip or zstd
    by their magic bytes, what they hold read by its own first bytes (`unpacked`: it is that;
    `lines_before`: the lines its rejects took before, which its JSON lines are numbered on
    from)."""
    peek = stream.peek(SNIFF_BYTES) if hasattr(stream, "peek") else b""
    if opens_as_warc(peek):
        yield from _warc_noted(lambda skipped, places: iter_warc_stream(
            stream, source, options, skipped, places), log)
        return
    if not unpacked and peek.startswith((GZIP_MAGIC, ZSTD_MAGIC)):
        # `cat dump.jsonl.gz | cleaner clean -`: it was refused as binary data.
        yield from _read_unpacked(stream, peek, source, record_id, options, log)
        return
    if peek.startswith(PARQUET_MAGIC):
        # `cleaner clean - < rows.parquet`: refused as "binary data", which hid that the file
        # itself is read. A reject of the stream, as other input it cannot read is (UTF-16
        # JSON lines, binary data): the run goes on with its other inputs.
        yield Reject(source, None, parquet_on_a_stream(source))
        return
    wide = wide_encoding(peek)
    if wide is not None and peek.decode(wide.lower(), "ignore").lstrip("\ufeff \t\r\n")[:1] \
            in ("{", "["):
        # JSON lines in UTF-16 (PowerShell's `>`): one reject saying how to convert it, not
        # an article of its raw lines. (A UTF-16 text article is read as one: text_item.)
        yield not_utf8(source, wide)
        return
    first = json_opening(peek)
    if first == b"{":
        yield from read_jsonl(stream, source, options, blocks=not unpacked,
                              checked_late=unpacked, lines_before=lines_before)
        return
    if first == b"[":                   # a JSON array of records, read item by item
        if peek.startswith(codecs.BOM_UTF8):
            stream.read(len(codecs.BOM_UTF8))
        yield from iter_json_array(stream, source, options)
        return
    try:
        data = stream.read(options.max_record_bytes + 1)
    except Exception as exc:      # an unpacked stream's damage: the article is refused whole
        yield Reject(source, None, f"cannot decompress: {exc}")
        return
    log.bytes_read += len(data)
    if len(data) > options.max_record_bytes:
        yield Reject(source, None, f"input larger than {options.max_record_bytes} bytes")
        return
    yield text_item(data, source, record_id, options)     # a page if it opens as one


def parquet_on_a_stream(source: str) -> str:
    """Why Parquet read from standard input or a pipe (`source`) is refused.

    >>> parquet_on_a_stream("<stdin>")
    'Parquet on standard input is not read; pass it as a file'
    """
    where = "on standard input" if source == "<stdin>" else "from a pipe"
    return f"Parquet {where} is not read; pass it as a file"


def _read_unpacked(stream, peek: bytes, source: str, record_id: str, options: ReadOptions,
                   log: ReadLog):
    """A gzip or zstd stream (`peek`: its first bytes), read by what its content opens with,
    as a stream is (_read_stream). JSON lines in it are read as from a .jsonl.gz or .jsonl.zst
    file: on past a damaged member or frame, whose lines the reject names, and a cut at the
    end said. (A zstd stream is copied to a temporary file first: read_zstd.)"""
    raw = cast(BinaryIO, Unclosed(stream))      # (left open: it is not the reader's)
    content: io.BufferedReader
    if peek.startswith(GZIP_MAGIC):
        content = io.BufferedReader(GzipMembers(raw, count_lines=True), buffer_size=CHUNK)
    else:
        try:
            content = read_zstd(raw, READ_BUFFER)
        except OSError as exc:          # the temporary copy: a full disk, no temporary folder
            yield Reject(source, None, f"cannot copy the zstd stream to a temporary file to "
                                       f"read it: {exc.strerror or exc} (set TMPDIR to a folder "
                                       f"with room, or give the .zst file itself)")
            return
    with content:
        rejected = 0                     # each takes a line: the lines after are numbered on
        while True:
            try:
                content.peek(1)
                break
            except Exception as exc:     # damage at the start: reported as JSON lines report it
                reject, go_on = stream_error(exc, source, rejected)
                rejected += 1
                yield reject
                if not go_on:
                    return
        yield from _read_stream(content, source, record_id, options, log, unpacked=True,
                                lines_before=rejected)
