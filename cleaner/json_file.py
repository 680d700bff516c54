"""A .json file: an array of records read one at a time, one record, or JSON lines."""

from __future__ import annotations

import codecs
import re
from pathlib import Path
from typing import Any, BinaryIO, Iterator

from cleaner.inputs import Item, ReadOptions, Reject
from cleaner.jsonl_reader import FileBlock, RawBlock, RawRecord, object_record, open_compressed, \
    parse_record, read_jsonl

# Bytes read to tell an array from an object, or JSON from text (blanks may come first).
SNIFF_BYTES = 4096


def is_json(name: str) -> bool:
    return name.lower().endswith(".json")


def json_opening(head: bytes) -> bytes | None:
    """b"{" when the first bytes (after a byte order mark and blanks) open JSON lines, an
    object with a key; b"[" when they open an array of objects; else None: an article that
    opens with "[FOTO] Jakarta -" or "{Advertorial}" is text, not broken JSON.

    >>> json_opening(b' {"text": 1}'), json_opening(b'[ {"a"'), json_opening(b"[FOTO] Jakarta")
    (b'{', b'[', None)
    >>> json_opening(b"{Advertorial} Isi"), json_opening(b"[]"), json_opening(b"[ ")
    (None, b'[', b'[')
    """
    body = head.removeprefix(codecs.BOM_UTF8).lstrip()
    after = body[1:].lstrip()[:1]
    if body[:1] == b"{" and after in (b'"', b"}"):
        return b"{"
    # (nothing after the bracket yet: an array cut after its opening, or longer blanks)
    if body[:1] == b"[" and after in (b"{", b"]", b""):
        return b"["
    return None


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
        # Damage in the first gzip member or zstd frame: what it gives before the damage says
        # (read as JSON lines, an array's lines were a reject each).
        head = _head_before_damage(path)
    return head.removeprefix(codecs.BOM_UTF8).lstrip()[:1] == b"["


def _head_before_damage(path: str, piece: int = 256) -> bytes:
    """The first bytes a .gz or .zst file decompresses to before its damage, fed a piece of
    its first 64 KB at a time (a decompressor's error loses the output of its call)."""
    import zlib

    import zstandard

    try:
        with open(path, "rb") as raw:
            data = raw.read(1 << 16)
    except OSError:
        return b""
    inflater: Any = (zlib.decompressobj(16 + zlib.MAX_WBITS) if str(path).lower().endswith(".gz")
                     else zstandard.ZstdDecompressor().decompressobj())
    out = b""
    for start in range(0, len(data), piece):
        try:
            out += inflater.decompress(data[start:start + piece])
        except Exception:
            break
        if len(out) >= SNIFF_BYTES:
            break
    return out


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
# Where one object item ends and the next begins: "}", a comma, "{". After a broken item (a
# stray quote or brace throws the count of strings and brackets off), the split goes on at the
# first such place past the broken item's start.
_BOUNDARY = re.compile(rb'\}\s*,\s*(?=\{)')
# ... or a comma, then an object that opens with its first key: where an item missing its
# closing brace ends.
_KEYED_START = re.compile(rb',\s*(?=\{\s*")')
_NEXT_ITEM = re.compile(rb'\s*\{')
READ_BYTES = 1 << 20
# An item still open after this many bytes is looked at for a stray quote (_resync).
DESYNC_BYTES = 4 << 20


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
        # Reads of up to READ_BYTES gathered: a pipe gives 64 KB a read, and each piece fed
        # alone copied the open item's bytes again (a 50 MB item: 13 s against 3 from a file).
        pieces: list[bytes] = []
        size, error = 0, None
        while size < READ_BYTES:
            try:
                piece = read(READ_BYTES - size)
            except Exception as exc:      # a compressed stream's damage
                error = exc
                break
            if not piece:
                break
            pieces.append(piece)
            size += len(piece)
        if pieces:
            yield from split.feed(b"".join(pieces))
        if error is not None:
            reason = (str(error).strip().splitlines() or [type(error).__name__])[0]
            yield Reject(source, split.index + 1, f"broken JSON array after item "
                                                  f"{split.index}: {reason}")
            if getattr(error, "resumed_at", None) is None:
                return
            split.lose_item()         # the next gzip member or zstd frame: read on from there
        elif size < READ_BYTES:       # the end of the data
            yield from split.end()
            return


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
        self.lost = False             # data was lost: skip to the next item's start

    def lose_item(self) -> None:
        """Data of the array was lost (a damaged gzip member): the item being read is dropped
        and the split goes on at the next place where an item begins."""
        self.lost, self.in_string, self.item_start = True, False, None

    def feed(self, chunk: bytes) -> Iterator[Item | Reject]:
        """The items the next piece of the array ends."""
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
        if self.item_start is not None and len(self.buf) - self.item_start > DESYNC_BYTES:
            yield from self._resync()
        if self.item_start is not None and len(self.buf) - self.item_start > \
                self.options.max_record_bytes:
            self.item_start, self.too_long = None, True     # refused when it ends

    def _scan(self) -> Iterator[Item | Reject]:
        """Read the buffer on from `pos`: strings passed over, brackets counted, and an item
        given at each comma or "]" of the array's own level."""
        buf = self.buf
        while True:
            if self.lost:
                found_next = _BOUNDARY.search(buf, self.pos)
                if found_next is None:
                    self.pos = max(self.pos, len(buf) - 64)   # (a boundary across reads)
                    return
                # (the array's "[" may have been in what was lost: the file said it opens so)
                self.lost, self.pos, self.depth = False, found_next.end(), 1
                self.item_start, self.opened = self.pos, True
                continue
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
                # (a byte order mark and blanks may come first)
                if mark != b"[" or buf[:found.start()].removeprefix(codecs.BOM_UTF8).strip():
                    yield self._refuse("broken JSON array: it does not open with '['")
                    return
                self.opened, self.depth, self.item_start = True, 1, self.pos
            elif mark in (b"[", b"{"):
                self.depth += 1
            elif self.depth == 1 and (mark == b"}" or mark == b"]"
                                      and buf[self.pos:self.pos + 64].lstrip()[:1] == b","):
                # A brace that would close the array, or its "]" with more after it: a stray
                # one inside an item. That item is broken; the split goes on after it.
                yield from self._broken_item(found.start())
            elif self.depth == 1 and mark in (b",", b"]"):
                start = self.item_start if self.item_start is not None else found.start()
                segment = buf[start:found.start()]
                if mark == b"," or segment.strip() or self.too_long or self.index:
                    item = _array_item(segment, self.source, self.index + 1, self.options,
                                       self.too_long)
                    if _broken(item) and (not _NEXT_ITEM.match(buf, self.pos)
                                          or _KEYED_START.search(buf, start + 1, found.start())):
                        # (no object follows the comma, or another begins inside the item:
                        # the count of strings or brackets was thrown off)
                        yield from self._broken_item(found.start())
                        continue
                    self.index += 1
                    yield item
                self.item_start, self.too_long = self.pos, False
                if mark == b"]":
                    self.depth, self.done = 0, True
                    if buf[self.pos:].strip():
                        yield self._refuse("data after the end of the array, not read")
                    self.item_start, self.pos = None, len(buf)
                    return
            elif mark in (b"]", b"}"):
                self.depth -= 1

    def _broken_item(self, at: int) -> Iterator[Item | Reject]:
        """The item being read is broken where the split reached `at`: it runs to the first
        place past its start where one object ends and the next begins, and the split goes on
        there. Where there is none in what was read, it ends at `at`."""
        start = self.item_start if self.item_start is not None else at
        strict = _BOUNDARY.search(self.buf, start + 1)
        keyed = _KEYED_START.search(self.buf, start + 1)
        ends = ([(strict.start() + 1, strict.end())] if strict is not None else []) + \
            ([(keyed.start(), keyed.end())] if keyed is not None else [])
        end, resume = min(ends, key=lambda pair: pair[1]) if ends else (at, at + 1)
        self.index += 1
        yield _array_item(self.buf[start:end], self.source, self.index, self.options,
                          self.too_long)
        self.pos, self.depth, self.in_string = resume, 1, False
        self.item_start, self.too_long = resume, False

    def _resync(self) -> Iterator[Item | Reject]:
        """An item that does not end (by the count of strings and brackets) while an object's
        end and the next one's start follow its start: a stray quote threw the count off. The
        item is broken up to there, and the split goes on after it, as often as that holds."""
        while not self.done and not self.stopped and self.item_start is not None and \
                _BOUNDARY.search(self.buf, self.item_start + 1) is not None:
            yield from self._broken_item(len(self.buf))
            yield from self._scan()

    def end(self) -> Iterator[Item | Reject]:
        """The file has ended: a Reject if the array has not."""
        yield from self._resync()
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


def _broken(item: Item | Reject) -> bool:
    """Whether an item was refused as not JSON (its bounds may be wrong, not only its text)."""
    return isinstance(item, Reject) and item.reason.startswith("broken JSON")


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
