"""A .json file: an array of records read one at a time, one record, or JSON lines."""

from __future__ import annotations

import codecs
import re
from pathlib import Path
from typing import BinaryIO, Iterator

from cleaner.inputs import Item, ReadOptions, Reject
from cleaner.jsonl_reader import FileBlock, RawBlock, RawRecord, object_record, open_compressed, \
    parse_record, read_jsonl

# Bytes read to tell an array from an object.
SNIFF_BYTES = 4096


def is_json(name: str) -> bool:
    return name.lower().endswith(".json")


def opens_array(path: str) -> bool:
    """Whether a compressed .json holds an array, not JSON lines, as its first bytes (read
    apart) say. A file that cannot be read that far is left to the JSON lines reader, which
    says why, and reads on past a damaged gzip member."""
    try:
        with open_compressed(path) as stream:
            # peek: one read of the compressed stream, not a read until SNIFF_BYTES that the
            # damage of a small cut-off file would end in an error.
            head = stream.peek(SNIFF_BYTES)            # type: ignore[attr-defined]
    except Exception:
        return False
    return head.removeprefix(codecs.BOM_UTF8).lstrip()[:1] == b"["


def past_bom(stream: BinaryIO) -> BinaryIO:
    """The stream (open_compressed's), past its byte order mark if it opens with one."""
    head = stream.peek(len(codecs.BOM_UTF8))            # type: ignore[attr-defined]
    if head[:len(codecs.BOM_UTF8)] == codecs.BOM_UTF8:
        stream.read(len(codecs.BOM_UTF8))
    return stream


def iter_json_file(path: Path, options: ReadOptions
                   ) -> Iterator[Item | RawRecord | RawBlock | FileBlock | Reject]:
    """The records of a .json file. An array is read item by item, so memory does not grow with
    the file; an item's position (1, 2, ...) stands for its line. A file that opens with "{"
    is one record if it parses whole, else JSON lines under a .json name."""
    source = str(path)
    try:
        stream = open(path, "rb")
    except OSError as exc:
        yield Reject.unreadable(source, exc)
        return
    with stream:
        head = stream.read(SNIFF_BYTES)
        start = len(codecs.BOM_UTF8) if head.startswith(codecs.BOM_UTF8) else 0
        first = head[start:].lstrip()[:1]
        stream.seek(start)
        if first == b"[":
            yield from iter_json_array(stream, source, options)
        elif first == b"{":
            whole = _one_object(stream, options)
            if whole is not None:
                yield object_record(whole, source, 1, stream.tell(), options)
            else:
                stream.seek(0)
                yield from read_jsonl(stream, source, options)
        else:
            yield Reject(source, None, "not JSON records: a .json file holds an array of "
                                       "objects, one object, or objects one a line")


def _one_object(stream: BinaryIO, options: ReadOptions) -> dict | None:
    """The file as one JSON object, if it is one no larger than the record limit; else None."""
    import orjson

    data = stream.read(options.max_record_bytes + 1)
    if len(data) > options.max_record_bytes:
        return None
    try:
        obj = orjson.loads(data)
    except orjson.JSONDecodeError:
        return None
    return obj if isinstance(obj, dict) else None


# Where a JSON string ends, from just after its opening quote: its characters and escapes,
# taken possessively (a string of 200 MB is one match, never a backtrack).
_STRING_REST = re.compile(rb'(?:[^"\\]++|\\.)*+', re.S)
# What shapes an array outside strings: a quote opening one, brackets, braces, a comma.
_SHAPE = re.compile(rb'["\[\]{},]')
READ_BYTES = 1 << 20


def iter_json_array(stream: BinaryIO, source: str, options: ReadOptions
                    ) -> Iterator[Item | Reject]:
    """Each item of a top-level array, as it is read; an item's position (1, 2, ...) stands for
    its line.

    The array is split into its items here (strings, brackets and commas found by regular
    expressions, at C speed) and each item is parsed on its own, as a JSONL line is: an item
    that is not JSON (NaN reads, as in JSONL; a stray byte does not) is one reject, and the
    items after it are read. (A streaming parser lost every item after the first it refused,
    and spent memory in the square of a nesting's depth: 2.2 GB for a 60 KB file.) An item
    longer than the record limit is refused without being kept whole.
    """
    split = _ArraySplit(source, options)
    read = getattr(stream, "read1", stream.read)
    while not split.stopped:
        try:
            chunk = read(READ_BYTES)
        except Exception as exc:      # a compressed stream's damage
            reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
            yield Reject(source, split.index + 1, f"broken JSON array after item "
                                                  f"{split.index}: {reason}")
            return
        if not chunk:
            yield from split.end()
            return
        yield from split.feed(chunk)


class _ArraySplit:
    """The items of a JSON array fed to it in pieces, each parsed as soon as it ends."""

    def __init__(self, source: str, options: ReadOptions):
        self.source, self.options = source, options
        self.buf, self.pos = b"", 0
        self.depth = 0                # brackets and braces open (the array's own is 1)
        self.in_string = False
        self.item_start: int | None = None   # where the item being read starts (None: not kept)
        self.too_long = False         # the item being read passed the record limit
        self.index = 0                # items ended so far
        self.opened = self.done = False      # the array's "[" and "]" read
        self.stopped = False          # nothing more is read: the end, or a refusal

    def feed(self, chunk: bytes) -> Iterator[Item | Reject]:
        keep = self.item_start if self.item_start is not None else self.pos
        self.buf, self.pos = self.buf[keep:] + chunk, self.pos - keep
        if self.item_start is not None:
            self.item_start = 0
        if self.done:                 # after the "]": blanks only
            if self.buf[self.pos:].strip():
                yield self._refuse("data after the end of the array, not read")
            self.buf, self.pos, self.item_start = b"", 0, None
            return
        yield from self._scan()
        if self.item_start is not None and len(self.buf) - self.item_start > \
                self.options.max_record_bytes:
            self.item_start, self.too_long = None, True     # refused when it ends

    def _scan(self) -> Iterator[Item | Reject]:
        buf = self.buf
        while True:
            if self.in_string:
                rest = _STRING_REST.match(buf, self.pos)     # (it matches the empty string)
                end = rest.end() if rest is not None else self.pos
                if buf[end:end + 1] != b'"':
                    self.pos = end            # (the string goes on in the next piece)
                    return
                self.in_string, self.pos = False, end + 1
                continue
            found = _SHAPE.search(buf, self.pos)
            if found is None:
                self.pos = len(buf)
                return
            mark, self.pos = found.group(), found.end()
            if mark == b'"':
                self.in_string = True
            elif not self.opened:
                if mark != b"[" or buf[:found.start()].strip():
                    yield self._refuse("broken JSON array: it does not open with '['")
                    return
                self.opened, self.depth, self.item_start = True, 1, self.pos
            elif mark in (b"[", b"{"):
                self.depth += 1
            elif self.depth == 1 and mark in (b",", b"]"):
                segment = buf[self.item_start:found.start()] if self.item_start is not None \
                    else b""
                if mark == b"," or segment.strip() or self.too_long or self.index:
                    self.index += 1
                    yield _array_item(segment, self.source, self.index, self.options,
                                      self.too_long)
                self.item_start, self.too_long = self.pos, False
                if mark == b"]":
                    self.depth, self.done = 0, True
                    if buf[self.pos:].strip():
                        yield self._refuse("data after the end of the array, not read")
                    self.item_start, self.pos = None, len(buf)
                    return
            elif mark in (b"]", b"}"):
                self.depth -= 1

    def end(self) -> Iterator[Item | Reject]:
        """The file has ended: a Reject if the array has not."""
        if not self.done and not self.stopped:
            segment = self.buf[self.item_start:] if self.item_start is not None else b""
            if self.depth == 1 and not self.in_string and segment.strip():
                # The file ends after an item, before its "," or "]": the item is whole.
                self.index += 1
                yield _array_item(segment, self.source, self.index, self.options, False)
            where = "the file ends inside the array" if self.opened else "no array"
            yield self._refuse(f"broken JSON array after item {self.index}: {where}")
        self.stopped = True

    def _refuse(self, reason: str) -> Reject:
        self.stopped = True
        return Reject(self.source, self.index + 1, reason)


def _array_item(segment: bytes, source: str, index: int, options: ReadOptions,
                too_long: bool) -> Item | Reject:
    """One array item, parsed as a JSONL line is, with the reasons in an array's words."""
    if too_long or len(segment) > options.max_record_bytes:
        return Reject(source, index, f"array item longer than {options.max_record_bytes} "
                                     "bytes; raise --max-record-bytes to read it")
    if not segment.strip():
        return Reject(source, index, "an empty array item (two commas, or one before the ']')")
    record = parse_record(segment.strip(), source, index, options, unit="array item")
    if record is None:                # (blank: not after the strip above)
        return Reject(source, index, "an empty array item")
    if isinstance(record, Item):
        record.size = len(segment) + 1
    return record
