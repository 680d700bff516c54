"""JSONL (.gz/.zst) to records: parsed line by line, or passed on unparsed in blocks of lines (RawBlock, FileBlock) to be parsed where they are cleaned."""

from __future__ import annotations

import codecs
import math
import os
import re
import zlib
from collections import deque
from dataclasses import replace
from pathlib import Path
from typing import Any, BinaryIO, Iterable, Iterator, NamedTuple

import orjson

from cleaner.decode import UTF8_ENCODINGS, DecodeError, decode_bytes, looks_binary
from cleaner.gzip_members import CorruptGzip, count_newlines, not_member_words
from cleaner.zstd_frames import CorruptZstd
from cleaner.inputs import GZIP_MAGIC, JSONL_SUFFIXES, MAX_REJECT_RAW, SET_ASIDE, ZSTD_MAGIC, \
    Item, ReadOptions, Reject, id_text, json_kind, opens_as_page, printable, raw_text, shown_id, \
    with_hint_fields, without_compression
from cleaner.normalize import repair_surrogates
from cleaner.repeated_keys import may_repeat, times_held
from cleaner.wording import counted

# Read buffer of plain input files.
READ_BUFFER = 1 << 16
# What one RawBlock of JSONL lines holds (parallel runs): about 200 articles.
BLOCK_BYTES = 1 << 19
# How many bytes of lines a gzip or zstd stream's records are held back for (read_jsonl): gzip
# and zstd check a member's data only at its end, so a record is given once the lines after it
# pass this bound, and a member found damaged within it has its records flagged. A member's
# lines further back were given unflagged (the reject says which).
HOLD_BYTES = 4 << 20
# The lines are held, and given, in chunks: a chunk closes at its line that brings it to
# HOLD_BYTES / HOLD_CHUNKS bytes (64 KB).
HOLD_CHUNKS = 64
# The flag of a record whose line came from a member (or frame) found damaged after it was read.
DAMAGED_INPUT = "damaged-input"


class RawRecord(NamedTuple):
    """A JSONL line not parsed yet; `parsed()` turns it into an Item or a Reject.

    A tuple pickles in a fraction of the time a dataclass Item takes, and the main process of a
    parallel run skips JSON decoding altogether.
    """

    source: str
    line: int
    raw: bytes
    options: ReadOptions
    # The damaged members the line was read from, in order, as damaged_member names them.
    damage: tuple[str, ...] = ()

    @property
    def size(self) -> int:
        return len(self.raw)

    @property
    def text(self) -> str:        # what a Reject keeps of a line that crashed a worker
        return raw_text(self.raw)

    def parsed(self) -> Item | Reject:
        record = parse_record(self.raw, self.source, self.line, self.options)
        # Readers make RawRecords of non-blank lines only, so a record is always there.
        if record is None:
            record = Reject(self.source, self.line, "blank line")
        return _with_damage(record, self.damage) if self.damage else record


class RawBlock(NamedTuple):
    """Whole JSONL lines, not split or parsed yet: `records()` gives one RawRecord per line that
    is not blank. `line` is the number of the first line, `last_line` that of the last."""

    source: str
    line: int
    raw: bytes
    options: ReadOptions
    last_line: int

    @property
    def size(self) -> int:
        return len(self.raw)

    def records(self) -> Iterator[RawRecord | Reject]:
        for number, raw in enumerate(self.raw.split(b"\n"), start=self.line):
            if not blank_line(raw):
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
    options: ReadOptions
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


# What a blank line can open with: nothing, an ASCII blank (bytes.strip's), a byte order mark's
# first byte.
_BLANK_OPENINGS = frozenset((b"", b" ", b"\t", b"\n", b"\r", b"\x0b", b"\x0c", b"\xef"))


def blank_line(raw: bytes) -> bool:
    r"""Whether a JSONL line holds no record: only blanks, or blanks and byte order marks (an
    empty file saved "UTF-8 with BOM", joined to others with `cat`).

    Every way of reading lines (one by one, in blocks, in a worker) asks this: one that took a
    line another passes over counted a document more, and a resumed run, which counts the
    documents done to skip them, skipped one document too many.

    >>> [blank_line(line) for line in (b" \r\n", b"\xef\xbb\xbf\n", b"\xef\xbb\xbf {}\n")]
    [True, True, False]
    """
    # A record's line opens with "{" or the like: ruled out without stripping a copy of it.
    if raw[:1] not in _BLANK_OPENINGS:
        return False
    stripped = raw.strip()
    return not stripped or (stripped.startswith(codecs.BOM_UTF8)
                            and not stripped.replace(codecs.BOM_UTF8, b"").strip())


def is_jsonl(name: str) -> bool:
    return name.lower().endswith(JSONL_SUFFIXES)


def open_compressed(path: str | Path) -> BinaryIO:
    """Open a file for binary reading, decompressing .gz and .zst on the fly."""
    name = str(path).lower()
    if name.endswith(".gz"):
        from cleaner.gzip_members import open_gzip

        # (what a damaged member held before the damage: the line it cut is dropped by readline)
        return open_gzip(path, count_lines=True)
    if name.endswith((".zst", ".zstd")):
        from cleaner.zstd_frames import open_zstd

        # Frames end to end (`cat a.zst b.zst`); a file cut off inside one ends in CorruptZstd.
        return open_zstd(path, READ_BUFFER, count_lines=True)
    # A 64 KB buffer reads lines three times faster than the default 8 KB.
    return open(path, "rb", buffering=READ_BUFFER)


def _read_line(stream: BinaryIO, options: ReadOptions) -> tuple[bytes, _Over | None]:
    """One line of at most --max-record-bytes; of a longer one, its first bytes (what its
    Reject keeps) and what _over_limit says of it, having read it to its end."""
    cap = options.max_record_bytes
    line = stream.readline(cap + 1)
    if len(line) <= cap or line.endswith(b"\n"):
        return line, None
    return line[:MAX_REJECT_RAW], _over_limit(line, stream, options)


class _Over(NamedTuple):
    """A line over the record limit, read to its end and let go: the bytes read of it, its line
    end included, and the id its head gives where that is sure (sure_leading_id), for its
    Reject."""

    size: int
    id: str | None


def _over_limit(head: bytes, stream: BinaryIO, options: ReadOptions) -> _Over:
    """A line over the record limit of which `head` was read: the rest is read to the line's
    end in pieces, each let go once scanned for what sure_leading_id asks of the bytes after
    the head (a key that may be "id", the line's last bytes)."""
    size, tail, keys = len(head), head[-_TAIL:], False
    while True:
        chunk = stream.readline(1 << 20)
        if not chunk:
            break
        size += len(chunk)
        # (with the bytes before the piece that a key split between two reads starts in)
        keys = keys or _holds_id_key(tail[-_KEY_SPLIT:] + chunk)
        tail = chunk[-_TAIL:] if len(chunk) >= _TAIL else (tail + chunk)[-_TAIL:]
        if chunk.endswith(b"\n"):
            break
    return _Over(size, sure_leading_id(head, options, tail, keys))


_BROKEN = object()
_INT64 = (-(1 << 63), (1 << 64) - 1)     # the integers orjson reads and writes as integers


class _Digits:
    """An integer literal past 64 bits, as read: an id keeps it as text, other fields take the
    float orjson would have read (_as_orjson_reads). (Not a str subclass: the compiled build
    cannot derive from builtins.)"""

    __slots__ = ("literal",)

    def __init__(self, literal: str):
        self.literal = literal


def _int_or_digits(literal: str) -> int | _Digits:
    """An integer literal as an int where orjson can write it back, else as its digits.

    >>> _int_or_digits("42"), _int_or_digits("123456789012345678901234567890").literal
    (42, '123456789012345678901234567890')
    """
    try:
        value = int(literal)
    except ValueError:                  # past Python's own limit (4,300 digits)
        return _Digits(literal)
    return value if _INT64[0] <= value <= _INT64[1] else _Digits(literal)


class _Fraction:
    """A number literal with a fraction or an exponent, as read: an id keeps it as written
    (`1e400`, which is no float, or `2.50`), other fields take its float (_as_orjson_reads)."""

    __slots__ = ("literal",)

    def __init__(self, literal: str):
        self.literal = literal


def _as_orjson_reads(value: Any) -> Any:
    """A value of a field other than the id with its integers past 64 bits as floats, as orjson
    reads them where it reads the line, or, past a float's range, as their digits: one field
    keeps one type whether or not something else on its line sent it through Python's json."""
    if isinstance(value, _Digits):
        number = float(value.literal) if len(value.literal) < 400 else float("inf")
        return number if math.isfinite(number) else value.literal
    if isinstance(value, _Fraction):
        return float(value.literal)
    if isinstance(value, dict):
        return {k: _as_orjson_reads(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_orjson_reads(v) for v in value]
    return value


def _python_json(line: str, text_field: str) -> Any:
    """A line orjson refused, as Python's json module reads it, or _BROKEN.

    Python's json writes NaN and Infinity, which are not JSON, so files made with it hold them
    (`{"score": NaN}`): such a record is read, and the numbers come out as null, as orjson
    writes them. Integers past 64 bits keep their digits, as text: orjson reads them as floats
    (an id of 30 digits would collide with its neighbours) or, past a float's range, not at all;
    an id with a fraction or an exponent keeps it as written (`1e400` is no float).
    A lone surrogate (half an emoji's UTF-16 pair, where a scraper cut a string) is read too:
    the text keeps it for the normalize stage, which repairs it and records the fix, and other
    fields get repair_surrogates' repair, so that one bad escape in a title does not cost the
    article. What orjson still could not write back refuses the line, with orjson's reason.
    """
    try:
        return _python_json_read(line, text_field)
    except RecursionError:
        # Nesting json.loads still read (about 500 to 990 levels) is too deep for the walks
        # below: as broken as deeper nesting, which json.loads itself refuses.
        return _BROKEN


def _python_json_read(line: str, text_field: str) -> Any:
    """_python_json's reading, which may overflow the stack on deep nesting."""
    import json

    try:
        # (strict=False: raw control characters in strings, with other near-JSON on the line)
        obj = json.loads(line, parse_int=_int_or_digits, parse_float=_Fraction, strict=False)
    except ValueError:
        return _BROKEN
    if isinstance(obj, dict):
        obj = {k: v.literal if k == "id" and isinstance(v, (_Digits, _Fraction))
               else _as_orjson_reads(v)
               for k, v in obj.items()}
    else:
        obj = _as_orjson_reads(obj)
    try:
        orjson.dumps(obj, option=orjson.OPT_NON_STR_KEYS)
        return obj
    except orjson.JSONEncodeError:
        pass
    if isinstance(obj, dict):
        text = obj.pop(text_field, None)
        obj = repair_surrogates(obj)
    else:
        text, obj = None, repair_surrogates(obj)
    try:
        orjson.dumps(obj, option=orjson.OPT_NON_STR_KEYS)
    except orjson.JSONEncodeError:
        return _BROKEN
    if text is not None:
        obj[text_field] = text
    return obj


def parse_record(raw: bytes, source: str, lineno: int, options: ReadOptions,
                 unit: str = "line") -> Item | Reject | None:
    """One JSONL line as an Item, a Reject with the reason, or None for a blank line. `unit`:
    what the reasons call it (json_file reads each item of an array so: "array item")."""
    if blank_line(raw):
        return None
    # The line's bytes without its line end: `size` of them. (orjson reads the line end as
    # JSON's whitespace: a copy without it, a quarter of a microsecond of a 2.4 KB line's
    # reading, is made only for a line it refuses.)
    size = len(raw)
    while raw[size - 1] in b"\r\n":   # (not blank: the loop ends before the first byte)
        size -= 1
    if raw.startswith(codecs.BOM_UTF8):
        # A file saved "UTF-8 with BOM" (Windows tools), at its first line or, in files
        # concatenated (`cat a.jsonl b.jsonl`), at the first line of each.
        raw = raw[len(codecs.BOM_UTF8):size]
        size = len(raw)
    # orjson reads the bytes and checks their UTF-8 itself: decoding them first, to hand it a
    # str it then encodes again, took half the time of reading a record. A line it refuses is
    # decoded here, for the reason: invalid UTF-8 (where), or JSON only Python's json reads.
    try:
        obj = orjson.loads(raw)
    except orjson.JSONDecodeError:
        raw = raw[:size]
        obj = _refused_line(raw, source, lineno, options, unit)
        if isinstance(obj, Reject):
            return obj
    else:
        if type(obj) is dict and type(obj.get("id")) is float:
            # An integer id past 64 bits, which orjson read as a float, losing digits, or an
            # id written with a fraction or exponent (1e5 is not 100000.0): read again, as text
            # as written.
            exact = _python_json(raw[:size].decode("utf-8"), options.text_field)
            if exact is not _BROKEN:
                obj["id"] = exact["id"]
    if not isinstance(obj, dict):
        return Reject(source, lineno, f"{'JSON line' if unit == 'line' else unit} is "
                                      f"{json_kind(obj)}, not an object",
                      _shown(raw[:size]))
    # A text given twice would lose one of them. (Only the text is looked for: each key's scan
    # of a 2.4 KB line costs about a microsecond, 1% of a run; a repeated id or title loses a
    # field's value, not article text.)
    key = options.text_field
    if may_repeat(raw, size, key) and (times := times_held(raw[:size], key)) > 1:
        return Reject(source, lineno, _repeated_reason(key, times, unit), _shown(raw[:size]),
                      id=id_text(obj.get("id")))
    # (a line with few brackets cannot nest deep: the walk is for the rare one with many)
    if raw.count(b"{", 0, size) + raw.count(b"[", 0, size) > MAX_NESTING:
        depth = nesting_depth(obj)
        if depth > MAX_NESTING:
            return Reject(source, lineno, f"cannot write the record as JSON: its {unit} nests "
                                          f"{depth} levels deep, more than the {MAX_NESTING} a "
                                          "record carries", _shown(raw[:size]))
    return object_record(obj, source, lineno, size, options, raw)


def _repeated_reason(key: str, times: int, unit: str) -> str:
    """Why a record that holds its text's key more than once is refused.

    >>> _repeated_reason("text", 2, "line")
    'JSON line holds the key "text" 2 times: a JSON reader keeps the last text only, and the other would be lost'
    """
    return (f"{'JSON line' if unit == 'line' else unit} holds the key \"{key}\" {times} times: "
            f"a JSON reader keeps the last text only, and the "
            f"{'other' if times == 2 else 'others'} would be lost")


# How deep a record's fields may nest: its record adds a level or two ("input" for a field
# the record's own names take), and JSON writers stop at 255 (orjson), pickle (a record sent
# to a worker or a Ray task) near 500. Refused as it is read, every executor refuses it alike;
# real records nest a few levels.
MAX_NESTING = 200


def nesting_depth(value: Any) -> int:
    """How many objects and arrays deep a parsed JSON value nests, walked without recursion
    (a record may nest a thousand levels).

    >>> nesting_depth({"a": [1, {"b": []}]}), nesting_depth("x"), nesting_depth([[[[]]]])
    (4, 0, 4)
    """
    if not isinstance(value, (dict, list)):
        return 0
    deepest = 0
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        children: Iterable[Any] = item.values() if isinstance(item, dict) else item
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in children
                     if isinstance(child, (dict, list)))
    return deepest


def _refused_line(raw: bytes, source: str, lineno: int, options: ReadOptions,
                  unit: str) -> Any:
    """A line (without its line end) orjson refuses: what is read of it, or the Reject that
    says why, invalid UTF-8 (where, and how to read it) or broken JSON (orjson's reason).

    Read: a line in the legacy charset --encoding names (_decoded_line); JSON only Python's
    json reads (_python_json); raw control characters inside strings (_escaped_controls)."""
    try:
        return orjson.loads(raw)        # (refused: for the reason, which names its positions)
    except orjson.JSONDecodeError as exc:
        reason = str(exc)
    encoding = None
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as bad:
        decoded = _decoded_line(raw, bad.start, options.encoding, unit, source)
        if isinstance(decoded, str):
            return Reject(source, lineno, decoded, raw_text(raw))
        line, encoding = decoded
        try:
            return _with_encoding(orjson.loads(line), encoding)
        except orjson.JSONDecodeError as exc:
            reason = str(exc)
    if reason.startswith("unexpected control character in string"):
        # A scraper's raw TAB or CR inside a string: read as if escaped, as orjson would read
        # it. (Only lines refused so: a valid line pays nothing.) Where no reading takes the
        # line, the reason is what the one that got furthest into it met (a truncated line's
        # end, not the TAB the first reading stopped at), where the line has it.
        furthest = -1
        for escaped in _escaped_controls(raw if encoding is None else line.encode()):
            try:
                return _with_encoding(orjson.loads(escaped), encoding)
            except orjson.JSONDecodeError as exc:
                at = _position_in(line, escaped.decode("utf-8"), exc.pos)
                if at > furthest:
                    furthest, reason = at, _said_at(exc.msg, line, at)
    # (strict=False: raw control characters with other near-JSON on the line, NaN say)
    obj = _python_json(line, options.text_field)
    if obj is _BROKEN:
        return Reject(source, lineno, f"broken JSON: {reason}{_cr_only(line, source)}",
                      line[:MAX_REJECT_RAW])
    return _with_encoding(obj, encoding)


# A JSON string, with whatever raw bytes it holds. (Outside strings a line holds no '"'.)
_JSON_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
# The control characters JSON writes escaped inside a string (bytes of UTF-8 that stand for
# themselves: no byte of a longer character is one), and their escapes.
_CONTROL_BYTES = bytes(range(0x20))
_CONTROL = re.compile(rb"[\x00-\x1f]")
_CONTROL_ESCAPES = {code: b"\\u%04x" % code for code in range(0x20)}
# A control character after a backslash, and one after no backslash that escapes it (after an
# even run of them, which are escaped backslashes): a backslash before a raw control character
# is an invalid escape, which escaping the character would turn into a valid one ("C:\<TAB>"
# into "C:\\t", a backslash and a "t"), so it is left for the line's reject.
_AFTER_BACKSLASH = re.compile(rb"\\[\x00-\x1f]")
_FREE_CONTROL = re.compile(rb"(?<!\\)((?:\\\\)*)([\x00-\x1f])")
# The same, in text: what a reject's position is counted in.
_CONTROL_CHAR = re.compile(r"[\x00-\x1f]")


def _escaped_controls(line: bytes) -> Iterator[bytes]:
    r"""A JSON line (UTF-8) with its raw control characters escaped, as JSON writes them inside
    a string: first all of them (a TAB and a CR by bytes.replace, each a microsecond on a 2.4
    KB line, where a regular expression's scan took 80), which is the line where they are all
    inside strings; then, where that was not it, only those inside strings (those between
    values are blanks). One after a backslash that escapes it stays as it is (_FREE_CONTROL).

    >>> list(_escaped_controls(b'{"a":\t"x\ty\r\x01"}'))
    [b'{"a":\\t"x\\ty\\r\\u0001"}', b'{"a":\t"x\\u0009y\\u000d\\u0001"}']
    >>> list(_escaped_controls(b'{"a": "x\ty\\\tz"}'))[0]
    b'{"a": "x\\u0009y\\\tz"}'
    """
    if _AFTER_BACKSLASH.search(line) is not None:
        every = _FREE_CONTROL.sub(_free_escape, line)
    else:
        every = line.replace(b"\t", b"\\t").replace(b"\r", b"\\r")
        if len(every.translate(None, _CONTROL_BYTES)) != len(every):
            every = _CONTROL.sub(_control_escape, every)
    yield every
    yield _JSON_STRING.sub(lambda found: _FREE_CONTROL.sub(_free_escape, found.group()), line)


def _control_escape(found: re.Match) -> bytes:
    """The JSON escape of the control character found."""
    return _CONTROL_ESCAPES[found.group()[0]]


def _free_escape(found: re.Match) -> bytes:
    """The backslashes _FREE_CONTROL found, then the JSON escape of its control character."""
    return found.group(1) + _CONTROL_ESCAPES[found.group(2)[0]]


def _position_in(line: str, escaped: str, pos: int) -> int:
    r"""Where in `line` position `pos` of `escaped` (the line with some of its control
    characters escaped: _escaped_controls) falls: a position inside an escape is its
    character's.

    >>> _position_in('"a\tb', '"a\\tb', 4), _position_in('"a\tb', '"a\\u0009b', 5)
    (3, 2)
    """
    shift = 0
    for found in _CONTROL_CHAR.finditer(line):
        at = found.start() + shift
        if at >= pos:
            break
        width = 1 if escaped[at] == found.group() else 6 if escaped.startswith("\\u", at) else 2
        if pos < at + width:
            return found.start()
        shift += width - 1
    return pos - shift


def _said_at(message: str, line: str, pos: int) -> str:
    """A JSON reading's reason at position `pos` of `line`, worded as orjson words it."""
    row = line.count("\n", 0, pos) + 1
    return f"{message}: line {row} column {pos - line.rfind(chr(10), 0, pos)} (char {pos})"


# What the reason of a line that is not UTF-8 opens with (_decoded_line).
_NOT_UTF8 = "invalid UTF-8 at byte "


def _decoded_line(raw: bytes, bad: int, encoding: str, unit: str,
                  source: str) -> tuple[str, str] | str:
    """A line of `source` that is not UTF-8 (its first bad byte at `bad`) decoded in the
    charset --encoding names, as a .txt file is (decode_bytes; `auto`: the charset guessed from
    the line, where the file's first line that is not UTF-8 did not settle one: _settles), with
    the codec; or the reason it is refused, which says why, and, where no charset was named,
    how to read it (the kind of reason, before its ':', stays "invalid UTF-8 at byte N of the
    line"). A line that is UTF-8 is read as UTF-8 whatever --encoding says: in a file in one
    charset, a line of another (joined in with `cat`) is read too; and so is refused one that
    is UTF-8 but for a bad sequence or two (_damaged_utf8), which another charset would read
    with its every other character garbled ("—" as "вЂ”")."""
    where = f"{_NOT_UTF8}{bad} of the {unit}"
    damaged = _damaged_utf8(raw)
    if damaged:
        return (f"{where}: the {unit} is UTF-8 but for {counted(damaged, 'bad sequence')} (a "
                f"character cut short or damaged), not text in another charset")
    if _is_utf8(encoding):
        convert = _converting(source, "iconv -f CHARSET -t UTF-8", "utf8")
        return (f"{where}: in a legacy charset? read it with --encoding auto (or the charset's "
                f"name: cp1252, latin-1), or convert it first: {convert}")
    try:
        return decode_bytes(raw, encoding)
    except DecodeError as exc:
        return f"{where}, and not {encoding} text either: {exc}"


# Bytes that are not UTF-8, as a line decoded with "surrogateescape" holds them. (Written as a
# regex escape, not a string's: the compiled build takes no surrogate in a string literal.)
_BAD_BYTES = re.compile(r"[\udc80-\udcff]+")


def _damaged_utf8(raw: bytes) -> int:
    r"""How many runs of bad bytes a line that is UTF-8 but for them holds, where they are few:
    no more than its good characters beyond ASCII, and it has one at least; else 0. A line in a
    legacy charset has no such character but by chance (windows-1252's "É”" is a valid pair),
    beside the many bytes of its other letters that are none.

    >>> _damaged_utf8("S\u00e3o Paulo \u2014 ".encode() + b"\xe2\x80"), _damaged_utf8(b"pas\xe4r")
    (1, 0)
    >>> _damaged_utf8("\u201eCAF\u00c9\u201d: d\u00e9j\u00e0 pr\u00eat".encode("cp1252"))
    0
    """
    text = raw.decode("utf-8", "surrogateescape")
    runs = _BAD_BYTES.findall(text)
    good = len(text) - len(text.encode("ascii", "ignore")) - sum(map(len, runs))
    return len(runs) if good >= max(len(runs), 1) else 0


def _is_auto(encoding: str) -> bool:
    """Whether --encoding asks for the charset to be guessed."""
    return encoding.lower() == "auto"


def _settles(raw: bytes) -> str | None:
    """The charset --encoding auto settles a JSONL file's lines in at `raw` (a line, its line
    end and all), where it is the file's first that is not UTF-8: the charset guessed from it
    (decode_bytes), where it reads as text in one that is not UTF-16's, and is not UTF-8 damaged
    (_damaged_utf8); else None, and the next such line settles it. Every later line is read in
    that charset, as where --encoding named it: one guess for the whole file, not one a line,
    which read lines of one windows-1252 file as cp1252, cp1250 and cp1257.

    Both readers settle a file in the main process (the lines before it read as `auto` reads
    them), so that any number of workers reads it alike."""
    if raw.isascii():
        return None
    line = raw.removeprefix(codecs.BOM_UTF8).rstrip(b"\r\n")
    try:
        line.decode("utf-8")
        return None
    except UnicodeDecodeError:
        pass
    if _damaged_utf8(line):
        return None
    try:
        codec = decode_bytes(line, "auto")[1]
    except DecodeError:
        return None
    return None if codec.lower().startswith("utf") else codec


def _settling_line(data: bytes) -> tuple[int, int, str] | None:
    """Where a block of whole lines settles the file's charset (_settles): the offset of the
    line that settles it, how many lines come before it, and the charset; None where none of
    its lines does."""
    try:
        data.decode("utf-8")
        return None
    except UnicodeDecodeError as exc:
        start = data.rfind(b"\n", 0, exc.start) + 1
    while start < len(data):
        end = data.find(b"\n", start)
        end = len(data) if end < 0 else end
        codec = _settles(data[start:end])
        if codec is not None:
            return start, data.count(b"\n", 0, start), codec
        start = end + 1
    return None


def _is_utf8(encoding: str) -> bool:
    """Whether --encoding names UTF-8 (under any of its names); an unknown codec is not."""
    try:
        return codecs.lookup(encoding).name == "utf-8"
    except LookupError:
        return False


def _with_encoding(obj: Any, encoding: str | None) -> Any:
    """What a line decoded from `encoding` (None: it was UTF-8) reads as: a record names the
    charset in its `encoding` field, as a .txt file's record does, where it has none of its
    own."""
    if encoding is not None and isinstance(obj, dict) and encoding not in UTF8_ENCODINGS:
        obj.setdefault("encoding", encoding)
    return obj


# How many characters of a field's name a reason shows.
FIELD_NAME_SHOWN = 40


def _fields_named(obj: dict, most: int = 8) -> str:
    """The details of a "no 'text' field" reason: the fields the record has, for --text-field.

    >>> _fields_named({"body": "x", "url": "u"}), _fields_named({})
    ('; its fields: body, url (--text-field names the one with the text)', '; it has no fields')
    >>> _fields_named({"id": "a", "page": "<!DOCTYPE html><html>...</html>"})
    "; its fields: id, page (--text-field names the one with the text; --html-field page reads the web page in 'page')"
    """
    if not obj:
        return "; it has no fields"
    # (a line garbled by damage may have a name of thousands of characters, line breaks and
    # a terminal's control bytes in it: shown as an id is)
    names = [shown_id(printable(str(name)), FIELD_NAME_SHOWN) for name in list(obj)[:most]]
    more = ", ..." if len(obj) > most else ""
    # (a field that holds a web page is read by --html-field, which the reason says then)
    pages = [name for name, value in zip(names, obj.values())
             if isinstance(value, str) and opens_as_page(value)]
    also = f"; --html-field {pages[0]} reads the web page in {pages[0]!r}" if pages else ""
    return (f"; its fields: {', '.join(names)}{more} (--text-field names the one with the "
            f"text{also})")


def _shown(raw: bytes) -> str:
    """What a Reject keeps of a line of valid UTF-8: its first MAX_REJECT_RAW characters (a
    character is at most 4 bytes, so no more bytes than that are decoded)."""
    return raw[:4 * MAX_REJECT_RAW].decode("utf-8", "ignore")[:MAX_REJECT_RAW]


def object_record(obj: dict, source: str, lineno: int, size: int, options: ReadOptions,
                  raw: bytes | None = None) -> Item | Reject:
    """One record (a JSON object) as an Item, or a Reject with the reason. `raw`: the record as
    it was read, kept with a Reject (else the object is written out as JSON); `size`: its bytes
    (`raw` may go on past them with its line end)."""
    given = options.text_field in obj
    text = obj.pop(options.text_field, None)
    displaced = with_hint_fields(obj, options.hint_fields) if options.hint_fields else None
    if isinstance(text, str) and text and not text.isspace() and not opens_as_page(text):
        # Nearly every record: a text to clean, nothing refused (the checks below, in order,
        # find nothing), without their closures' cost (0.3 microseconds a record).
        record_id(obj)
        item: Item | Reject = Item(source, lineno, text, obj, size, id_name=options.id_name)
    else:
        item = _other_record(obj, text, given, source, lineno, size, options, raw)
    if displaced and isinstance(item, Item):
        item.hints[SET_ASIDE] = displaced
    return item


def _other_record(obj: dict, text: Any, given: bool, source: str, lineno: int, size: int,
                  options: ReadOptions, raw: bytes | None) -> Item | Reject:
    """object_record's Item or Reject of a record without a text to clean (`text`: its text
    field's value, `given`: whether it had the field): a page, or a Reject with the reason."""

    def refused(reason: str) -> Reject:
        # An item without the text field is shown as it came, with no null put in its place.
        item = {**obj, options.text_field: text} if given else obj
        shown = (_shown(raw[:size]) if raw is not None
                 else orjson.dumps(item, option=orjson.OPT_NON_STR_KEYS).decode())
        # The record parsed: its id, as its record would have it, names the reject too, so
        # that `explain --id` finds it by it (a broken line, with no id, is found by its line).
        return Reject(source, lineno, reason, shown[:MAX_REJECT_RAW], id=id_text(obj.get("id")))

    def page(html: str) -> Item | Reject:
        if not html.strip():
            return refused("empty page")
        if len(html) > options.max_html_bytes:
            return refused(f"HTML page larger than {options.max_html_bytes} bytes; "
                           "raise --max-html-bytes to read it")
        record_id(obj)
        return Item(source, lineno, html, obj, size, kind="html", id_name=options.id_name)

    if text is None and isinstance(obj.get(options.html_field), str):
        return page(obj.pop(options.html_field))
    if not isinstance(text, str):
        if text is None and options.html_field in obj:
            # (a page field of no page: the reason says what it held, not the fields' names)
            html = obj[options.html_field]
            if not isinstance(html, str):
                said = f"field {options.text_field!r} is null" if given else \
                    f"no {options.text_field!r} field"
                return refused(f"{said}, and field {options.html_field!r} is "
                               f"{json_kind(html)}, not a page")
        if text is None and not given:
            return refused(f"no {options.text_field!r} field{_fields_named(obj)}")
        return refused(f"field {options.text_field!r} is {json_kind(text)}, not a string")
    if not text or text.isspace():      # (as `not text.strip()`, without copying the text)
        if has_page(obj.get(options.html_field)):
            # An empty or blank text (what a scraper writes where its extraction found
            # nothing) beside a page, as no text is: the page is read.
            return page(obj.pop(options.html_field))
        return refused("empty document")
    if opens_as_page(text):             # the raw page in the text field
        return page(text)
    record_id(obj)
    return Item(source, lineno, text, obj, size, id_name=options.id_name)


def has_page(html: Any) -> bool:
    """Whether a record's page field holds a page to read: text, not blank.

    >>> has_page("<p>x</p>"), has_page(" "), has_page(None)
    (True, False, False)
    """
    return isinstance(html, str) and bool(html) and not html.isspace()


def record_id(fields: dict) -> None:
    """Make a record's id text, as it is given to every record: a string stays as it is, any
    other value is its JSON (`true`, `{"a":1}`, not Python's `True`, `{'a': 1}`; a number with
    a fraction or exponent as the line wrote it: _python_json). An empty or blank string and
    null (which NaN and Infinity read as) are no id: the record is named by its file and line.

    >>> ids = [{"id": v} for v in ("a", True, 7, {"a": 1}, [1.5], "", " ", None, float("nan"))]
    >>> for fields in ids:
    ...     record_id(fields)
    >>> [fields["id"] for fields in ids]
    ['a', 'true', '7', '{"a":1}', '[1.5]', None, None, None, None]
    """
    value = fields.get("id")
    if value is not None:
        fields["id"] = id_text(value)


def stream_error(exc: Exception, source: str, lineno: int, held_from: int | None = None
                 ) -> tuple[Reject, bool]:
    """The Reject for an input stream that failed after `lineno` lines, and whether reading
    goes on (at the next member of a multi-member gzip, the next frame of a .zst). `held_from`:
    the first line whose record was held back (read_jsonl), to be flagged if it came from the
    damaged member (None: no record was)."""
    # (a .zst cut off inside a frame is a CorruptZstd that stops reading: said alike, without
    # the exception's name a user need not know)
    if isinstance(exc, (CorruptGzip, CorruptZstd)):
        return Reject(source, lineno + 1, f"truncated or corrupt input after line {lineno}: "
                                          f"{_said(exc)}"
                                          f"{_damaged_lines(exc, lineno, held_from)}"), \
            exc.resumed_at is not None
    if isinstance(exc, (EOFError, OSError, zlib.error, ValueError)):
        return Reject(source, lineno + 1, f"truncated or corrupt input after line {lineno}: "
                                          f"{type(exc).__name__}: {exc}"
                                          f"{_damaged_lines(exc, lineno, held_from)}"), False
    # zstandard raises its own ZstdError
    return Reject(source, lineno + 1, f"corrupt input after line {lineno}: "
                                      f"{type(exc).__name__}: {exc}"), False


def _said(exc: CorruptGzip | CorruptZstd) -> str:
    """A damaged member's (or zstd frame's) report, with what was not read of it where that is
    known: the lines of the rest of the member are not counted, and the reject takes the number
    of the line the damage cut into, for all of them.

    >>> _said(CorruptGzip("damaged; no further member follows", None, unread=90,
    ...                   going_on="no further member follows"))[:55]
    'damaged; the rest of the member, up to 90 bytes of its '
    >>> _said(CorruptGzip("damaged; no further member follows", None, unread=66,
    ...                   going_on="no further member follows", unread_whole=True,
    ...                   not_gzip=True))[9:]
    'the 66 bytes from there to the end of the file do not open as a gzip member and were not \
read; no further member follows'
    >>> _said(CorruptZstd("damaged; no further frame follows", unread=90,
    ...                   going_on="no further frame follows"))[:54]
    'damaged; the rest of the frame, up to 90 bytes of its '
    """
    unread = exc.unread
    if unread is None:
        return str(exc)
    if isinstance(exc, CorruptGzip) and exc.not_gzip:
        # (junk after the last member, say: no member, no lines, to speak of)
        to = "the end of the file" if exc.resumed_at is None else "the next member"
        return exc.said_with(f"the {counted(unread, 'byte')} from there to {to} "
                             f"{not_member_words(unread)}")
    part = "member" if isinstance(exc, CorruptGzip) else "frame"
    if exc.unread_whole:
        return exc.said_with(f"none of the {part}, up to {unread} bytes of input, was read (the "
                             f"damage was met in its first read): the lines in it are not "
                             f"counted")
    return exc.said_with(f"the rest of the {part}, up to {unread} bytes of its input, was not "
                         f"read: the lines in it are not counted")


def _damaged_lines(exc: Exception, lineno: int, held_from: int | None = None) -> str:
    """The lines a damaged gzip member or zstd frame gave, which were read as any others, for
    the reject that reports it after line `lineno`: checked, or dropped, by their numbers; and
    where the member was longer than the lines held back (`held_from` on), which of their
    records are flagged (all are, where it was not: the reject does not say it).

    >>> _damaged_lines(CorruptGzip("...", 700, lines=43), 143)
    '; lines 101 to 143 came from the damaged member'
    >>> _damaged_lines(CorruptZstd("...", lines=0), 143), _damaged_lines(EOFError(), 143)
    ('', '')
    """
    lines = getattr(exc, "lines", None)
    if not lines:
        return ""
    part = "member" if isinstance(exc, CorruptGzip) else "frame"
    first = lineno - lines + 1
    flagged = _flagged_words(first, held_from, lineno) \
        if held_from is not None and flags_lines(exc) else ""
    return f"; {_lines_words(first, lineno)} came from the damaged {part}{flagged}"


def _lines_words(first: int, last: int) -> str:
    """Lines `first` to `last`, in words.

    >>> _lines_words(4, 9), _lines_words(6, 6)
    ('lines 4 to 9', 'line 6')
    """
    return f"line {last}" if first == last else f"lines {first} to {last}"


# Byte order marks of the encodings a JSONL file is refused in, by iconv's names for them.
_WIDE_BOMS = ((codecs.BOM_UTF32_LE, "UTF-32"), (codecs.BOM_UTF32_BE, "UTF-32"),
              (codecs.BOM_UTF16_LE, "UTF-16"), (codecs.BOM_UTF16_BE, "UTF-16"))


def wide_encoding(head: bytes) -> str | None:
    r"""The encoding a JSONL file is in, by its first bytes, when it is UTF-16 (PowerShell's
    `>` and Out-File write it) or UTF-32, as iconv names it; None for any other.

    Its byte order mark says so, or, with none, a NUL every other byte of the first line: JSON
    in UTF-8 holds no NUL, and a line of UTF-16 one in every character of English or Indonesian.

    >>> [wide_encoding(h) for h in (b'\xff\xfe{\x00', '{"id"\n'.encode("utf-16-le"),
    ...                             '{"id"'.encode("utf-16-be"), b'{"id": 1}\n')]
    ['UTF-16', 'UTF-16LE', 'UTF-16BE', None]
    """
    for bom, name in _WIDE_BOMS:
        if head.startswith(bom):
            return name
    line = head[:64].split(b"\n", 1)[0]
    if len(line) < 4:
        return None
    even, odd = line[0::2].count(0), line[1::2].count(0)
    if not even and odd * 2 >= len(line) // 2:
        return "UTF-16LE"
    if not odd and even * 2 >= len(line) // 2:
        return "UTF-16BE"
    return None


def not_utf8(source: str, encoding: str) -> Reject:
    """The one Reject of a JSONL file (or standard input) in UTF-16 or UTF-32, with the
    command that converts it: read as UTF-8, each of its lines was a reject that did not say
    why."""
    command = _converting(source, f"iconv -f {encoding} -t UTF-8", "utf8")
    how = " (as Windows PowerShell writes it)" if "16" in encoding else ""
    return Reject(source, None, f"the file is {encoding} text{how}, not UTF-8: convert it "
                                f"first: {command}")


def _converting(source: str, step: str, tag: str, piped: bool = False) -> str:
    """The command that writes the JSONL file (or standard input) `source` through the
    filter `step` into a file named with `tag` beside it (`dump.utf8.jsonl`), unpacked: the
    file is given to the filter as its argument, or on its standard input where `piped`.

    >>> _converting("in/a b.jsonl.gz", "tr x y", "lf")
    "zcat 'in/a b.jsonl.gz' | tr x y > 'in/a b.lf.jsonl'"
    """
    import shlex

    name = without_compression(os.path.basename(source))
    stem, suffix = os.path.splitext(name)
    converted = shlex.quote(os.path.join(os.path.dirname(source), f"{stem}.{tag}{suffix}"))
    lower = source.lower()
    if source == "<stdin>":
        return f"... | {step} | cleaner clean - ..."
    if lower.endswith(".gz"):
        return f"zcat {shlex.quote(source)} | {step} > {converted}"
    if lower.endswith((".zst", ".zstd")):
        return f"zstdcat {shlex.quote(source)} | {step} > {converted}"
    return f"{step} {'< ' if piped else ''}{shlex.quote(source)} > {converted}"


# What a JSONL file of binary data is refused as: once for the file, as a .txt is (decode.py).
NOT_JSON_LINES = "binary data (NUL or control bytes), not JSON lines"
# The first bytes of a JSONL file that say whether it is binary data: both readers (line by line,
# in blocks) judge the file by these same bytes (refused_opening).
OPENING_BYTES = 1 << 16
# How much of a refused file its reject keeps: enough to see what it is (a magic number).
REFUSED_RAW = 64


def refused_opening(head: bytes, source: str) -> Reject | None:
    r"""The one Reject of a JSONL file by its first bytes (OPENING_BYTES of them, or all of a
    shorter file), or None to read it line by line: UTF-16 or UTF-32 text (not_utf8), gzip or
    zstd data under a plain name, or binary data, a library or an image under a .jsonl name,
    whose every "line" was a reject of its own, four times the file.

    Binary data opens with a line that is not blank and looks binary (NUL or control bytes, as
    a .txt is judged: looks_binary), and has no line among its first bytes that opens as a
    record does ('{"' or "{}"). So a damaged first line of JSON lines (NULs a crash left, a
    first record with raw control bytes) costs that line alone: a reject of its own, and the
    records after it are read.

    >>> refused_opening(b'\x7fELF\x02\x01\x01\x00\x00\n\x00{"id"\n', "lib.jsonl").reason
    'binary data (NUL or control bytes), not JSON lines'
    >>> refused_opening(b'\x00' * 20 + b'{"id": 1}\n{"id": 2}\n', "a.jsonl") is None
    True
    >>> refused_opening(b'\x1f\x8b\x08\x00', "dump/a.jsonl").reason
    'gzip-compressed data, not JSON lines: name it a.jsonl.gz'
    """
    head = head[:OPENING_BYTES]
    # (first: a gzip header's NULs can pass for UTF-16's)
    compressed = _compression(head)
    if compressed is not None:
        kind, suffix = compressed
        return Reject(source, None, f"{kind}-compressed data, not JSON lines: name it "
                                    f"{os.path.basename(source)}{suffix}",
                      raw_text(head[:REFUSED_RAW]))
    encoding = wide_encoding(head)
    if encoding is not None:
        return not_utf8(source, encoding)
    if _binary_opening(head):
        return Reject(source, None, NOT_JSON_LINES, raw_text(head[:REFUSED_RAW]))
    return None


def _compression(head: bytes) -> tuple[str, str] | None:
    """("gzip", ".gz") or ("zstd", ".zst") for bytes that open with that format's magic number,
    as standard input is known to be compressed; None for others."""
    if head.startswith(GZIP_MAGIC):
        return "gzip", ".gz"
    if head.startswith(ZSTD_MAGIC):
        return "zstd", ".zst"
    return None


def _binary_opening(head: bytes) -> bool:
    """Whether the first line that is not blank looks binary, and no line opens as a record."""
    lines = head.split(b"\n")
    first = next((line for line in lines if not blank_line(line)), b"")
    if first.strip().removeprefix(codecs.BOM_UTF8)[:1] in (b"{", b"[") or not looks_binary(first):
        return False           # (a record, whatever control bytes a scraper left in it)
    return not any(opens_record(line) for line in lines)


def opens_record(line: bytes) -> bool:
    r"""Whether a line opens as a JSON object with a key, or an empty one, after blanks and a
    byte order mark ("{Advertorial}" does not).

    >>> [opens_record(line) for line in (b' {"id"', b"\xef\xbb\xbf{}", b"{Advertorial}", b"\x00{}")]
    [True, True, False, False]
    """
    body = line.removeprefix(codecs.BOM_UTF8).lstrip()
    return body[:1] == b"{" and body[1:].lstrip()[:1] in (b'"', b"}")


def _opening_lines(stream: BinaryIO, options: ReadOptions
                   ) -> tuple[list[tuple[bytes, _Over | None]], Exception | None]:
    """The first lines of a stream read line by line, as many as refused_opening needs to judge
    it as the block reader does: up to OPENING_BYTES, or to a line that settles it (a record's
    opening, whole within them); with the error that stopped the reading, if one did."""
    lines: list[tuple[bytes, _Over | None]] = []
    size = 0
    while size < OPENING_BYTES:
        try:
            raw, too_long = _read_line(stream, options)
        except Exception as exc:
            return lines, exc
        if not raw:
            break
        lines.append((raw, too_long))
        size += len(raw)
        if too_long is not None or (size <= OPENING_BYTES and opens_record(raw)):
            break
    return lines, None


def _too_long(source: str, lineno: int, raw: bytes, options: ReadOptions,
              over: _Over | None) -> Reject:
    """The Reject of a line over the record limit (`raw`: its first bytes), named by its id
    where its head gives it surely (_Over), so that `explain --id` finds it."""
    return Reject(source, lineno, f"record longer than {options.max_record_bytes} bytes; "
                                  f"raise --max-record-bytes to read it{_cr_only(raw, source)}",
                  raw_text(raw, cut=True), id=over.id if over is not None else None,
                  read_bytes=over.size if over is not None else None)


# A JSON line opening with its id field as its first key, the id a plain JSON string (no control
# characters, only JSON's escapes) or integer, ended where JSON ends a value. (JSON's own
# whitespace only: a byte order mark, or a form feed, is read by the reader's repairs, if at all.)
_LEADING_ID = re.compile(rb'[ \t\r\n]*\{[ \t\r\n]*"id"[ \t\r\n]*:[ \t\r\n]*'
                         rb'("(?:[^"\\\x00-\x1f]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*"'
                         rb'|-?(?:0|[1-9][0-9]*))[ \t\r\n]*[,}]')
# What the key "id" holds however JSON writes it: `"id"`, or an escape of i or d (`"\u0069d"`,
# `"i\u0064"`: \u0060 to \u006f are the grave accent and the letters a to o, which no JSON
# writer escapes, so no text is taken for it).
_ID_KEYS = (b'"id"', b'\\u006')
# The bytes before a piece of a line read in pieces that a key begun in them may lie in (one
# byte less than the longest of _ID_KEYS); and the last bytes of a line its end is judged by.
_KEY_SPLIT = max(map(len, _ID_KEYS)) - 1
_TAIL = 4096


def _holds_id_key(data: bytes, start: int = 0) -> bool:
    """Whether `data`, from `start` on, holds what may be a key "id" (_ID_KEYS)."""
    return any(data.find(key, start) >= 0 for key in _ID_KEYS)


def sure_leading_id(raw: bytes, options: Any, tail: bytes | None = None,
                    keys_after: bool = False) -> str | None:
    r"""The id of a JSON line too long to parse (again), read from its head where it is sure to
    be the id the reader gives the record, else None: no id rather than a wrong one. `raw`: the
    line, or its first bytes where the rest was read in pieces and let go (_over_limit): then
    `tail` is its last bytes, and `keys_after` whether the bytes after `raw` hold a key that
    may be "id".

    Sure where the reader takes the id from the field "id" (no --field id=..., no text or page
    field of that name), that field is the line's first key (_LEADING_ID), a plain string (JSON
    escapes only, valid UTF-8, no lone surrogate, not blank) or an integer (read as the reader
    reads it: `-0` is 0, digits past 64 bits kept as written), no key further on can be "id"
    again (JSON keeps the last of two: any `"id"` further on, a nested one or a value too, is
    taken as unsure), and the line ends as an object does. Each check is a scan of bytes, with
    no copy of the line.

    >>> from cleaner.inputs import ReadOptions
    >>> [sure_leading_id(line, ReadOptions()) for line in (b'{"id": -0, "text": "..."}',
    ...                                                  b'{"id": "a", "id": "b"}')]
    ['0', None]
    """
    if any(hint == "id" for hint, _ in options.hint_fields) or "id" in (
            options.text_field, options.html_field):
        return None
    found = _LEADING_ID.match(raw, 0, 4096)
    end = raw if tail is None else tail
    if found is None or not end[-_TAIL:].rstrip().endswith(b"}"):
        return None
    if keys_after or _holds_id_key(raw, found.end(1)):
        return None
    value = found.group(1)
    if not value.startswith(b'"'):
        return str(int(value))          # (at most 4,096 digits: within Python's limit)
    try:
        return id_text(orjson.loads(value))
    except orjson.JSONDecodeError:
        # Bytes that are not UTF-8, or a lone surrogate's escape ("\ud83d"): no JSON text, and
        # what the reader would make of it is no sure id.
        return None


def _cr_only(line: bytes | str, source: str) -> str:
    r"""What a reject of a line of `source` that holds records ended by a carriage return alone
    (CR, the line end of classic Mac OS and of some exporters) adds to its reason: the command
    that makes them lines. Asked of rejected lines only.

    >>> _cr_only(b'{"id": 1}\r{"id": 2}\r', "d.jsonl")[-48:]
    "lines first: tr '\\r' '\\n' < d.jsonl > d.lf.jsonl"
    >>> _cr_only('{"id": 1, "text": "a\rb"}', "d.jsonl")
    ''
    """
    if not (("\r{" in line) if isinstance(line, str) else (b"\r{" in line)):
        return ""
    command = _converting(source, _CR_TO_LF, "lf", piped=True)
    return (f"; its records end in carriage returns (CR) alone, not line feeds: make them lines "
            f"first: {command}")


# The filter that makes CR line ends lines (as the shell is given it).
_CR_TO_LF = "tr '\\r' '\\n'"


def read_jsonl(stream: BinaryIO, source: str, options: ReadOptions, blocks: bool = False,
               ranges: bool = False, checked_late: bool = False, lines_before: int = 0
               ) -> Iterator[Item | RawRecord | RawBlock | FileBlock | Reject]:
    """Records of a JSONL stream; a corrupt or truncated stream ends with a Reject naming the line.

    With `options.defer_parse`, lines stay unparsed: as RawBlocks when `blocks` (a stream that
    cannot fail halfway through a read, such as a plain file), as FileBlocks when `ranges` too
    (`source` is that file), else one RawRecord a line. `checked_late`: the stream is gzip or
    zstd, which find a member damaged only at its end: records are held back (HOLD_BYTES) to be
    flagged if it is. `lines_before`: the lines the stream's rejects took before it was read
    (_read_unpacked's), counted on from.
    """
    if options.defer_parse and blocks and options.max_record_bytes >= BLOCK_BYTES:
        yield from read_jsonl_blocks(stream, source, options, ranges=ranges)
        return
    yield from _line_records(stream, source, options, lines_before, checked_late)


def _line_records(stream: BinaryIO, source: str, options: ReadOptions, lineno: int,
                  hold: bool) -> Iterator[Item | RawRecord | Reject]:
    """read_jsonl's records read a line at a time, numbered on from `lineno`; with `hold`, the
    lines are held back until the lines read after them pass HOLD_BYTES, or to a damage report
    (_released). Memory stays flat: a member longer than the bound has its first lines given
    before its end is checked, unflagged."""
    # The file judged by its first lines, as read_jsonl_blocks judges it by its first block.
    ahead, failed = _opening_lines(stream, options)
    if (refused := refused_opening(b"".join(raw for raw, _ in ahead), source)) is not None:
        yield refused
        return
    pending = deque(ahead)
    # The lines held, up to line `lineno`, as read (bytes, blank ones too, so that their
    # numbers follow from `lineno`), or a line's Reject. Lines, not records: 4 MB of parsed
    # records kept alive took 0.45 s of CPU to read 100 MB of .jsonl.gz, against 0.38 before
    # holding anything and 0.40 holding lines (caches, the garbage collector). In chunks
    # (HOLD_CHUNKS), not one by one: the hold's own CPU, on 100 MB of JSONL read from memory,
    # fell from 0.020 s to 0.010 (lines unparsed) and from 0.021 to 0.017 (parsed).
    held: deque[tuple[list[_Held], int]] = deque()    # chunks, and their bytes
    size = count = 0            # the bytes, and the lines, of the chunks held
    chunk: list[_Held] = []     # the lines read since the last chunk
    chunk_bytes = 0
    chunk_limit = HOLD_BYTES // HOLD_CHUNKS
    record: Item | RawRecord | Reject | None
    # The damaged member (damaged_member) reading just went on after: the next line read may
    # be one it cut (_cut_line).
    cut_by = ""
    # Whether --encoding auto has yet to settle the file's charset (_settles).
    settling = _is_auto(options.encoding)
    while True:
        try:
            if pending:
                raw, too_long = pending.popleft()
            elif failed is not None:      # the error that ended the opening's lines
                error, failed = failed, None
                raise error
            else:
                raw, too_long = _read_line(stream, options)
        except Exception as exc:
            reject, go_on = stream_error(exc, source, lineno,
                                         lineno - count - len(chunk) + 1 if hold else None)
            yield from _released([*(lines for lines, _ in held), chunk], lineno, source,
                                 options, exc)
            held.clear()
            size = count = chunk_bytes = 0
            chunk = []
            yield reject
            # The reject takes the number of the line the damage cut into, which stands for the
            # rest of the member: no later line shares it.
            lineno += 1
            if go_on:
                # (bytes that are not zstd, met before a line was read, leave the line cut)
                cut_by = damaged_member(exc) if _cuts_lines(exc) else cut_by
                continue
            return
        if not raw:
            yield from _released([*(lines for lines, _ in held), chunk], lineno, source,
                                 options)
            return
        lineno += 1
        if settling and too_long is None and (codec := _settles(raw)) is not None:
            options, settling = replace(options, encoding=codec), False
        cut = None
        if cut_by:
            cut = _cut_line(raw, too_long, cut_by, source, lineno, options)
            cut_by = ""
            if cut is not None and not hold:
                if (record := _line_record(cut, source, lineno, options)) is not None:
                    yield record
                continue
        if hold:
            if cut is not None:
                chunk.append(cut)
                chunk_bytes += len(raw)
            elif too_long is not None:
                # (held as its Reject, which keeps the line's first bytes: they count, or runs
                # of such lines were held to the end of the input)
                line: bytes | Reject = _too_long(source, lineno, raw, options, too_long)
                chunk.append(line)
                chunk_bytes += _held_bytes(line)
            else:
                chunk.append(raw)
                chunk_bytes += len(raw)
            if chunk_bytes < chunk_limit:
                continue
            held.append((chunk, chunk_bytes))
            size += chunk_bytes
            count += len(chunk)
            chunk, chunk_bytes = [], 0
            # The oldest chunk goes once the lines read after it pass the bound, so that a record
            # given unflagged had more than HOLD_BYTES of lines after it (a line larger than the
            # bound too): what is held stays within the bound and two chunks (this one and the
            # oldest).
            while size - held[0][1] > HOLD_BYTES:
                lines, cost = held.popleft()
                taken = len(lines)          # (_released empties the chunk as it goes)
                yield from _released([lines], lineno - count + taken, source, options)
                size -= cost
                count -= taken
        elif too_long is not None:
            yield _too_long(source, lineno, raw, options, too_long)
        elif options.defer_parse:
            if not blank_line(raw):
                yield RawRecord(source, lineno, raw.rstrip(b"\r\n"), options)
        elif (record := parse_record(raw, source, lineno, options)) is not None:
            yield record


def _cuts_lines(exc: Exception) -> bool:
    """Whether `exc` reports a damaged gzip member or zstd frame, reading going on after it, that
    may have cut a line: its start in what the damage lost, its end in the next member. (Not
    bytes that are not zstd between frames: no frame is damaged there.)"""
    return isinstance(exc, (CorruptGzip, CorruptZstd)) and bool(exc.going_on) and \
        exc.resumed_at is not None


def _cut_line(raw: bytes, too_long: _Over | None, member: str, source: str, lineno: int,
              options: ReadOptions) -> _Cut | None:
    """Line `lineno`, the first read after a damaged `member` (damaged_member), where the damage
    cut it: where it does not open as a record, its start was in what the damage lost and its
    end is in the next member, so its record is said as the member's other lines are
    (_with_damage), not as broken JSON of the input's own. None where it opens as a record or
    is blank: the member ended at a line's end, and the line is whole. (A cut that falls just
    before a nested object's key, '{"a": {"b": 1}}' cut to '{"b": 1}}', is not told apart.)"""
    if blank_line(raw) or opens_record(raw):
        return None
    return _Cut(raw if too_long is None else _too_long(source, lineno, raw, options, too_long),
                (member,))


class _Cut(NamedTuple):
    """A line a damaged member cut (_cut_line), not parsed yet: its bytes, or its Reject where it
    is too long; and the damaged members it was read from, in order (damaged_member's names)."""

    line: bytes | Reject
    damage: tuple[str, ...]


# A line held back: its bytes, the Reject of a line too long (made as it was read), or a line a
# damaged member cut. Its record is made once, when it is given, with every damage it met.
_Held = bytes | Reject | _Cut


def _held_bytes(line: bytes | Reject) -> int:
    """What a held line counts for against HOLD_BYTES: its bytes, or those its Reject keeps."""
    return len(line) if isinstance(line, bytes) else len(line.raw or "")


def _line_record(line: _Held, source: str, lineno: int, options: ReadOptions,
                 damage: tuple[str, ...] = ()) -> Item | RawRecord | Reject | None:
    """A line's record as read_jsonl gives it: parsed, or a RawRecord with
    `options.defer_parse`; a Reject made when it was read as it is; None for a blank line. Read
    from the damaged members a cut line names and then `damage`, it says so (_with_damage)."""
    if isinstance(line, _Cut):
        damage = (*line.damage, *damage)
        line = line.line
    if isinstance(line, Reject):
        record: Item | Reject | None = line
    elif options.defer_parse:
        return None if blank_line(line) else RawRecord(source, lineno, line.rstrip(b"\r\n"),
                                                          options, damage)
    else:
        record = parse_record(line, source, lineno, options)
    return _with_damage(record, damage) if record is not None and damage else record


def _released(chunks: list[list[_Held]], last: int, source: str, options: ReadOptions,
              error: Exception | None = None) -> Iterator[Item | RawRecord | Reject]:
    """The records of every held line, in `chunks` (the last is line `last`), at a stream's
    `error` (None: at its end): those of the lines of a member found damaged flagged
    (_with_damage). The chunks are emptied as their records are made."""
    first = last - (getattr(error, "lines", None) or 0) + 1   # the damaged member's first line
    note = damaged_member(error) if error is not None and flags_lines(error) else ""
    number = last - sum(map(len, chunks))
    for lines in chunks:
        # Each line is let go once its record is made, before the record is given: a giant
        # line's bytes were held on beside its record's (a copy without the line end) while the
        # record went to a worker, 9 MB more in the main process of a run.
        lines.reverse()
        while lines:
            line = lines.pop()
            number += 1
            record = _line_record(line, source, number, options,
                                  (note,) if note and number >= first else ())
            line = b""
            if record is not None:
                yield record
                record = None       # (nor is a given record kept while the next is made)


def flags_lines(error: Exception) -> bool:
    """Whether the records of the lines a stream's `error` names are flagged: a member (or
    frame) found damaged, not one cut short by the file's end, whose lines are sound."""
    return bool(getattr(error, "lines", None)) and not getattr(error, "cut", False)


def _flagged_words(first: int, held_from: int, last: int) -> str:
    """What a damaged member's reject says of the records of its lines `first` to `last`, of
    which those from line `held_from` on were held back and flagged: nothing where all were.

    >>> _flagged_words(11, 4, 19)
    ''
    >>> _flagged_words(11, 15, 19)[:58]
    ' (the records of lines 15 to 19 are flagged damaged-input;'
    """
    if held_from <= first:
        return ""
    before = (f"given before the damage was found, more than {HOLD_BYTES:,} bytes of lines "
              f"before it")
    if held_from > last:
        return f" (none of their records is flagged {DAMAGED_INPUT}: {before})"
    if held_from == last:
        return (f" (the record of line {last} is flagged {DAMAGED_INPUT}; those before were "
                f"{before})")
    return (f" (the records of lines {held_from} to {last} are flagged {DAMAGED_INPUT}; those "
            f"before were {before})")


def damaged_member(error: Exception) -> str:
    """The damaged member (or zstd frame) a report names, as a record of its lines says it: the
    report's first words, "a corrupt gzip member starting at byte N".

    >>> damaged_member(CorruptGzip("corrupt gzip member starting at byte 9 (x); reading ...", 20))
    'a corrupt gzip member starting at byte 9'
    """
    # (bytes that are no gzip member, between two members, are named as what they are)
    if isinstance(error, CorruptGzip):
        return error.named()
    return "a " + str(error).split(";", 1)[0].split(" (", 1)[0]


def _with_damage(record: Item | Reject, damage: tuple[str, ...]) -> Item | Reject:
    """A record whose line was read from the damaged members `damage` (damaged_member's names,
    in order), found damaged after it: an Item flagged damaged-input, a Reject whose reason says
    so first (so the summary counts such rejects apart from those of the input itself). A line
    read from one damaged member and then another (one cut it, the next was found damaged too)
    says so once, naming both (_then): "line read from corrupt gzip members starting at bytes
    N and M: ..."."""
    named = _then(damage)
    if isinstance(record, Reject):
        reason = record.reason
        if reason.startswith(_NOT_UTF8):
            # (the damage garbled its bytes: how to read a line in a legacy charset is no help)
            reason = reason.split(": ", 1)[0]
        record.reason = f"line read from {named}: {reason}"
        return record
    flag = {"flag": DAMAGED_INPUT, "reason": f"its line was read from {named} before the damage "
                                             f"was found: its text may be garbled"}
    record.hints = {**record.hints, "page_flags": [*record.hints.get("page_flags", ()), flag]}
    return record


def _then(damage: tuple[str, ...]) -> str:
    """The damaged members a line was read from, in order (damaged_member's names): those of one
    kind in a row in one phrase (the summary counts a reject by its first 80 characters); else
    in turn, from the first of another kind on.

    >>> member = "a corrupt gzip member starting at byte "
    >>> _then((member + "9",)), _then((member + "9", member + "90"))
    ('a corrupt gzip member starting at byte 9', 'corrupt gzip members starting at bytes 9 and 90')
    >>> frame = "a corrupt zstd frame starting at byte "
    >>> _then((frame + "9", frame + "90", frame + "99"))
    'corrupt zstd frames starting at bytes 9, 90 and 99'
    >>> junk = "a gzip stream cut by 4 bytes at byte 9 that are no gzip member"
    >>> _then((junk, member + "90"))[48:]
    'no gzip member, then a corrupt gzip member starting at byte 90'
    """
    said = damage[0]
    # The kind and the offsets of the members said in one phrase so far (None: said in turn).
    run: tuple[str, list[str]] | None = None
    if (named := _damaged_named(said)) is not None:
        run = (named[0], [named[1]])
    for member in damage[1:]:
        if member == said:
            continue
        named = _damaged_named(member)
        if run is None or named is None or named[0] != run[0]:
            said, run = f"{said}, then {member}", None
            continue
        kind, offsets = run[0], [*run[1], named[1]]
        said = f"corrupt {kind}s starting at bytes {', '.join(offsets[:-1])} and {offsets[-1]}"
        run = (kind, offsets)
    return said


def _damaged_named(member: str) -> tuple[str, str] | None:
    """The kind ("gzip member", "zstd frame") and the offset of a damaged `member`, as
    damaged_member names it; None for other words (bytes that are no gzip member).

    >>> _damaged_named("a corrupt zstd frame starting at byte 99")
    ('zstd frame', '99')
    """
    for kind in ("gzip member", "zstd frame"):
        opening = f"a corrupt {kind} starting at byte "
        if member.startswith(opening) and member[len(opening):].isdigit():
            return kind, member[len(opening):]
    return None


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

    # Whether --encoding auto has yet to settle the file's charset (_settles).
    settling = _is_auto(options.encoding)

    def block(first: int, at: int, data: bytes | memoryview, last: int):
        if ranges:
            return FileBlock(source, first, at, len(data), options, last)
        return RawBlock(source, first, bytes(data), options, last)

    def settled(first: int, at: int, data: bytes | memoryview, last: int):
        # The block, cut at the line that settles the file's charset where it holds it: the
        # lines before it keep `auto`, it and every later line take the charset.
        nonlocal options, settling
        found = _settling_line(bytes(data)) if settling else None
        if found is not None:
            cut, before, codec = found
            if before:
                yield block(first, at, data[:cut - 1], first + before - 1)
            options, settling = replace(options, encoding=codec), False
            first, at, data = first + before, at + cut, data[cut:]
        yield block(first, at, data, last)

    while True:
        try:
            chunk = stream.read(block_size)
        except Exception as exc:
            yield stream_error(exc, source, lineno)[0]
            return
        if not chunk:
            if pending:
                yield from settled(lineno + 1, offset - pending, b"".join(pieces), lineno + 1)
            return
        at = offset                    # where chunk[0] lies in the stream
        if not at and (refused := refused_opening(chunk, source)) is not None:
            yield refused
            return
        offset += len(chunk)
        end = chunk.rfind(b"\n") + 1
        if end == 0:                                # no line ends in this chunk
            pieces.append(chunk)
            pending += len(chunk)
            if pending > cap:
                lineno += 1
                over = _over_limit(b"".join(pieces), stream, options)
                yield _too_long(source, lineno, _head(pieces, cap + 1), options, over)
                offset += over.size - pending
                pieces, pending = [], 0
            continue
        start = lead = 0                 # lead: bytes of a line begun in earlier reads
        if pending:
            first = chunk.find(b"\n")
            if pending + first > cap:               # the line begun before is too long
                lineno += 1
                line = b"".join([*pieces, chunk[:first]])
                yield _too_long(source, lineno, line[:min(cap + 1, MAX_REJECT_RAW)], options,
                                _Over(len(line), sure_leading_id(line, options)))
                start = first + 1
            else:
                lead = pending
        if end > start:
            lines = count_newlines(chunk, start, end)     # the lead holds none
            if settling:
                data = memoryview(chunk)[start:end - 1]
                yield from settled(lineno + 1, at + start - lead,
                                   b"".join([*pieces, data]) if lead else data, lineno + lines)
            elif ranges:
                yield FileBlock(source, lineno + 1, at + start - lead, end - 1 - start + lead,
                                options, lineno + lines)
            else:
                data = memoryview(chunk)[start:end - 1]
                yield RawBlock(source, lineno + 1, b"".join([*pieces, data]) if lead
                               else bytes(data), options, lineno + lines)
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
