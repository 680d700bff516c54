"""A .json file: an array of records read one at a time (ijson), one record, or JSON lines."""

from __future__ import annotations

import codecs
from pathlib import Path
from typing import BinaryIO, Iterator

from cleaner.inputs import Item, ReadOptions, Reject, json_kind
from cleaner.jsonl_reader import FileBlock, RawBlock, RawRecord, object_record, open_compressed, \
    read_jsonl

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


class _Counted:
    """A binary stream that counts the bytes read through it (a pipe cannot say where it is)."""

    def __init__(self, stream: BinaryIO):
        # read1 gives what one read of the file (or of a compressed stream) gave: what comes
        # before a damaged part reaches the parser before the error does, where a read of a
        # whole block would lose it with the error.
        self._read = getattr(stream, "read1", stream.read)
        self.count = 0

    def read(self, size: int = -1) -> bytes:
        data = self._read(size)
        self.count += len(data)
        return data


def iter_json_array(stream: BinaryIO, source: str, options: ReadOptions
                    ) -> Iterator[Item | Reject]:
    """Each item of a top-level array, as it is parsed; a broken array ends with a Reject
    naming the last good item (the items before it are kept).

    ijson's C parser reads; where it gives up (an integer past 64 bits: "integer overflow"), a
    stream that can be read again (a file, not a pipe) is read again from the start by ijson's
    Python parser, which takes any JSON, and the items already given are passed over. Only an
    array that parser also refuses is broken.
    """
    import ijson

    seekable = stream.seekable()
    start = stream.tell() if seekable else 0
    parsers = (ijson, ijson.get_backend("python")) if seekable else (ijson,)
    position = 0                       # items given so far
    done = 0                           # bytes accounted for in their sizes
    error: Exception | None = None
    for parser in parsers:
        if seekable:
            stream.seek(start)
        counted = _Counted(stream)
        try:
            for index, obj in enumerate(parser.items(counted, "item", use_float=True), start=1):
                if index <= position:
                    continue
                position = index
                # The bytes the parser has read since the last item (it reads ahead in blocks):
                # they add up to the input's size, which progress and statistics count.
                size, done = max(0, counted.count - done), max(done, counted.count)
                if not isinstance(obj, dict):
                    yield Reject(source, index, f"array item is {json_kind(obj)}, not an object",
                                 repr(obj)[:4096])
                    continue
                yield object_record(obj, source, index, size, options)
            return
        except Exception as exc:    # bad JSON, or a compressed stream's damage: the run goes on
            error = exc
    reason = (str(error).strip().splitlines() or [type(error).__name__])[0]
    yield Reject(source, position + 1, f"broken JSON array after item {position}: {reason}")
