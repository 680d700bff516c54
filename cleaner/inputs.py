"""What reading yields: input documents (Item), refused input (Reject), how inputs are read (ReadOptions) and what a read saw (ReadLog)."""

from __future__ import annotations

import math
import os
import re
import stat
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Iterable

import orjson

from cleaner.decode import utf16_pattern
from cleaner.document import json_value

# An HTML page larger than this is refused (trafilatura's own ceiling; articles are far smaller).
MAX_HTML_BYTES = 20_000_000
# A record larger than this is refused rather than read into memory whole. Cleaning a record
# takes about 15 to 20 times its size at the peak (copies of its text, 2 or 4 bytes a character
# in Python once one character is past Latin-1 or the BMP): at 8 MB, a run of such records
# with 2 workers peaks near 300 MB for all its processes (docs/scale.md). News articles are
# a few KB; a larger limit is for texts such as books, with the memory they then need.
MAX_RECORD_BYTES = 8 << 20
# How much of a refused record is kept in the rejects file.
MAX_REJECT_RAW = 1 << 20
# The flag a reader gives a page it holds only the start of (a file that ends inside it, a
# crawler's WARC-Truncated): a reject of the page then says why (html_extract.with_cut_short).
CUT_SHORT = "truncated-page"


# What a reject's position counts, as its key in the rejects file and its words on stderr.
LINE, RECORD = "line", "record"


def unit_of(position: object) -> str:
    """What a position counts: what it says it counts (a WARC reader's number of a record,
    warc_reader.RecordNumber: "record"), else lines. (An Item's number that says so gives it to
    a Reject made of the Item, wherever that is made.)

    >>> from cleaner.warc_reader import RecordNumber
    >>> unit_of(RecordNumber(3)), unit_of(3), unit_of(None)
    ('record', 'line', 'line')
    """
    # (the subclass lives in a module mypyc does not compile, which cannot build one; and the
    # number is taken as an object, not an int: compiled code keeps an int as a bare machine
    # integer, which loses its class)
    return getattr(position, "unit", LINE)


def _place(source: str, position: int | None, unit: str) -> str:
    """A file and a position in it, in words: `a.jsonl:3`, `crawl.warc.gz record 3`."""
    if not position:
        return source
    return f"{source} record {position}" if unit == RECORD else f"{source}:{position}"


def reject_place(reject: dict[str, Any]) -> str:
    """Where a reject of the rejects file (Reject.as_dict) is, as Reject.where says it.

    >>> reject_place({"source": "a.jsonl", "line": 3}), reject_place({"source": "w", "record": 2})
    ('a.jsonl:3', 'w record 2')
    >>> reject_place({"source": "p", "line": 2, "id": "b"}), reject_place({"source": "x"})
    ('p:2 (id b)', 'x')
    """
    unit = RECORD if reject.get(RECORD) is not None else LINE
    place = _place(reject.get("source", ""), reject.get(unit), unit)
    return place if reject.get("id") is None else f"{place} (id {shown_id(str(reject['id']))})"


# How many characters of an id a message line shows (shown_id): ids are short names; one of
# megabytes is a dump's mistake, not a name to print whole on stderr.
ID_SHOWN_CHARS = 200


def shown_id(text: str, limit: int = ID_SHOWN_CHARS) -> str:
    r"""An id (a record's, or one asked for) as a message line shows it: each character that is
    not printable (str.isprintable: a newline, the ESC of a terminal's control sequence, a mark
    that reorders the line, half a surrogate pair) as its escape, so that an id cannot end the
    line, forge another or drive the terminal; cut at `limit` characters, escapes counted,
    saying how long it was. (The rejects file keeps the id whole: JSON escapes it there.)

    >>> shown_id("a2"), shown_id("n1\ncleaner: x\x1b[2K"), shown_id("k" * 9, limit=4)
    ('a2', 'n1\\ncleaner: x\\x1b[2K', 'kkkk... (9 characters)')
    """
    if len(text) <= limit and text.isprintable():
        return text                     # (an id as ids are: no copy, no work per character)
    out: list[str] = []
    size = taken = 0
    for char in text[:limit]:
        piece = char if char.isprintable() else _escape(char)
        if size + len(piece) > limit:
            break
        out.append(piece)
        size += len(piece)
        taken += 1
    shown = "".join(out)
    return shown if taken == len(text) else f"{shown}... ({len(text)} characters)"


def _escape(char: str) -> str:
    r"""A character as Python writes it escaped.

    >>> [_escape(c) for c in "\n\x1b\u2028\U000e0001"]
    ['\\n', '\\x1b', '\\u2028', '\\U000e0001']
    """
    return repr(char)[1:-1]          # (only for characters str.isprintable refuses: no quote)


def reject_position(reject: dict[str, Any]) -> int | None:
    """The line or record number of a reject of the rejects file; None for a reject of a whole
    file."""
    return reject.get(LINE) or reject.get(RECORD) or None


@dataclass(init=False)
class Item:
    """One input document: where it came from, its text and the input fields that ride along.

    A dataclass (dataclasses.replace takes it) with its own __init__: the one a dataclass makes
    is interpreted even in the compiled build, and a reader makes one Item per record.
    """

    source: str
    line: int | None
    text: str
    fields: dict[str, Any]
    size: int
    kind: str = "text"            # "html": text is a web page, cleaned by Cleaner.clean_html
    # The reader's notes, not carried into the record as fields: fallback_date (a date for a
    # page that gives none, which the Python API may pass: HTML only, for clean_html), page_flags (notes on a wrong declared charset, a
    # record the file ends inside: they go into the record's flags, a text item's too).
    hints: dict[str, Any] = field(default_factory=dict)
    # What the item's record is named by, with its line, if it has no id (ReadOptions.id_name);
    # None: its file's name.
    id_name: str | None = None

    def __init__(self, source: str, line: int | None, text: str, fields: dict[str, Any],
                 size: int, kind: str = "text", hints: dict[str, Any] | None = None,
                 id_name: str | None = None):
        self.source = source
        self.line = line
        self.text = text
        self.fields = fields
        self.size = size
        self.kind = kind
        self.hints = {} if hints is None else hints     # (a fresh dict each, as default_factory)
        self.id_name = id_name

    def __reduce__(self) -> tuple:
        # Pickled by its constructor (batches go to worker processes): compiled, a class whose
        # __init__ takes arguments has no other way back from a pickle.
        return (Item, (self.source, self.line, self.text, self.fields, self.size, self.kind,
                       self.hints, self.id_name))

    def where(self) -> str:
        """The file and the item's line, or its record (a WARC's): `crawl.warc.gz record 3`."""
        return _place(self.source, self.line, unit_of(self.line))


@dataclass
class Reject:
    """Input that could not become a document, with the reason; written to the rejects file."""

    source: str
    line: int | None
    reason: str
    raw: str | None = None
    # The record's id, where its raw input does not show it (a Parquet row: raw is at most its
    # text), so that a user can find the record by it.
    id: str | None = None
    # What `line` counts, and the rejects file's key for it: "record" for a WARC's (its number
    # says so: unit_of), also where the reject has no number (a whole file's).
    unit: str = LINE
    # The input bytes it stands for where `raw` keeps only their head (a line over the record
    # limit: 200 MB read, 1 MB kept), so that the run counts what it read: the rejects file's
    # "bytes". None where raw is the whole of it. (Not `size`: a batch weighs its items by their
    # size, and a reject weighs nothing there.)
    read_bytes: int | None = None

    def __post_init__(self) -> None:
        # (not narrowed to an int first: compiled, that loses the number's class: unit_of)
        counts = unit_of(self.line)
        if counts != LINE:
            self.unit = counts

    @classmethod
    def unreadable(cls, source: str, exc: OSError) -> "Reject":
        """A file the system would not open or read, with the system's reason."""
        return cls(source, None, f"cannot read: {exc.strerror or exc}")

    def where(self) -> str:
        """The file and line (or record: a WARC's), and the id where the reject has one:
        `rows.parquet:2 (id b)`, `crawl.warc.gz record 3`."""
        place = _place(self.source, self.line, self.unit)
        return place if self.id is None else f"{place} (id {shown_id(self.id)})"

    def as_dict(self) -> dict[str, Any]:
        """The reject as the rejects file holds it: its position under `line`, or under
        `record` for a WARC's (a plain int, as JSON writes it)."""
        out = {"source": printable(self.source),
               self.unit: None if self.line is None else int(self.line),
               "reason": printable(self.reason),
               "raw": printable(self.raw) if self.raw is not None else None}
        if self.id is not None:
            out["id"] = printable(self.id)
        if self.read_bytes is not None:
            out["bytes"] = self.read_bytes
        return out


# How a web page opens, after blanks and a byte order mark: text that opens so is a page,
# whatever file or field it came in (a scraper's "text" holding the raw HTML, a page saved as .txt).
_PAGE_TEXT = re.compile(r"^\ufeff?\s*(?:<!doctype\s+html|<html|<head|<body|<!--)", re.IGNORECASE)
_PAGE_BYTES = re.compile(rb"^(?:\xef\xbb\xbf)?\s*(?:<!doctype\s+html|<html|<head|<body|<!--)",
                         re.IGNORECASE)


def opens_as_page(text: str | bytes) -> bool:
    r"""Whether a text (or its UTF-8) opens as a web page does.

    >>> [opens_as_page(t) for t in ("  <!DOCTYPE html><html>", b"\xef\xbb\xbf<html lang=id>",
    ...                             "<b>Judul</b> isi", "Isi berita <html>")]
    [True, True, False, False]
    >>> opens_as_page(" <!doctype html>".encode("utf-16-be"))
    True
    """
    # Most texts are ruled out by their first character, before any slice or search: every
    # record's text is asked.
    if isinstance(text, bytes):
        first = text[:1]
        return ((first == b"<" or first == b"\xef" or first.isspace())
                and _PAGE_BYTES.match(text[:512]) is not None) or _opens_as_utf16_page(text)
    first_char = text[:1]
    return ((first_char == "<" or first_char == "\ufeff" or first_char.isspace())
            and _PAGE_TEXT.match(text[:512]) is not None)


def _opens_as_utf16_page(data: bytes) -> bool:
    r"""Whether bytes are a web page in UTF-16 without a byte order mark: UTF-16's NUL pattern
    (decode.utf16_pattern), and the text it reads as opens as a page does. (With a mark, the
    text is decoded first and then seen as a page.)

    >>> _opens_as_utf16_page("<html><p>Berita</p>".encode("utf-16-le"))
    True
    >>> [_opens_as_utf16_page(d) for d in ("Berita <html>".encode("utf-16-le"), b"<\0\0\0" * 9)]
    [False, False]
    """
    # The markup's first character, or a blank before it, is ASCII: a NUL in its two bytes.
    if b"\x00" not in data[:2]:
        return False
    head = data[:1024]
    codec = utf16_pattern(head)
    return codec is not None and _PAGE_TEXT.match(head.decode(codec, "replace")) is not None


# The fields of a record a document takes as hints (Cleaner.make_document), by these names.
# (`lang`, the language the input declares, also stays in the record as given: the text's
# words may overrule it; `site`, a site's host, chooses its pack where the url names no host, and
# stays in the record as well: Cleaner._site_hint.)
HINTS = ("id", "url", "title", "date", "lang", "site")
# What a reader knows of a web page besides its fields (Item.hints of an HTML item): the HTTP
# charset, a fallback date (a WARC record's crawl date), its notes on the page (page_flags).
PAGE_NOTES = ("charset", "fallback_date", "page_flags")


def hint_pair(text: str) -> tuple[str, str]:
    """A HINT=NAME mapping (--field, Dataset.map's fields=) as its pair; ValueError where HINT
    is none of the hints a record's fields give, or NAME is empty.

    >>> hint_pair("date=published_at")
    ('date', 'published_at')
    """
    hint, _, name = text.partition("=")
    if hint not in HINTS or not name:
        raise ValueError(f"not HINT=NAME with HINT one of {', '.join(HINTS)}: {text!r}")
    return hint, name


def with_hint_fields(fields: dict[str, Any],
                     hint_fields: tuple[tuple[str, str], ...]) -> dict[str, Any]:
    """Copy each mapped field (ReadOptions.hint_fields) to its hint's name, where the record has
    it: the field stays as well, and a field already named as the hint gives way. Returns the
    values that gave way (their record keeps them under `input`: set_aside), where they differ.

    >>> record = {"date_publish": "2019-11-19", "headline": "Judul", "date": "x"}
    >>> with_hint_fields(record, (("date", "date_publish"), ("title", "headline")))
    {'date': 'x'}
    >>> record
    {'date_publish': '2019-11-19', 'headline': 'Judul', 'date': '2019-11-19', 'title': 'Judul'}
    """
    displaced: dict[str, Any] = {}
    for hint, name in hint_fields:
        if name in fields:
            if hint in fields and hint != name and fields[hint] != fields[name]:
                displaced.setdefault(hint, fields[hint])
            fields[hint] = fields[name]
    return displaced


# The Item hint holding the fields a --field mapping displaced (with_hint_fields).
SET_ASIDE = "set_aside"


def set_aside(record: dict[str, Any], displaced: dict[str, Any] | None) -> dict[str, Any]:
    """A record with the input fields a --field HINT=NAME mapping displaced (the record's own
    HINT field, where NAME gave the hint) under `input`, as fields named like a key the record
    owns are kept: `--field date=date_publish` lost the crawl's own `date`.

    >>> set_aside({"id": "a", "text": "x"}, {"date": "2020-01-01"})
    {'id': 'a', 'text': 'x', 'input': {'date': '2020-01-01'}}
    """
    if displaced:
        kept = record.setdefault("input", {})
        for name, value in displaced.items():
            kept.setdefault(name, json_value(value))
    return record


def json_kind(value: Any) -> str:
    """What a value is, in JSON's words, for a reject's reason ("JSON line is an array").

    >>> [json_kind(v) for v in ({}, [1], "a", 7, 2.5, True, None)]
    ['an object', 'an array', 'a string', 'a number', 'a number', 'a boolean', 'null']
    """
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    kinds = {dict: "an object", list: "an array", tuple: "an array", str: "a string"}
    return next((name for kind, name in kinds.items() if isinstance(value, kind)),
                f"a {type(value).__name__}")


def printable(text: str) -> str:
    r"""Text as UTF-8 (and so JSON) can hold it.

    A file name of bytes that are not UTF-8 reaches Python with each such byte as a lone
    surrogate (os.fsdecode), which no UTF-8 writer takes: a record or reject naming that file
    would end the run. Such bytes become \xNN escapes; any other lone surrogate, \uNNNN.

    >>> printable("bad\udcff.txt"), printable("x\ud800"), printable("kata")
    ('bad\\xff.txt', 'x\\ud800', 'kata')
    """
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        pass
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:
        return text.encode("utf-8", "backslashreplace").decode("utf-8")


# Compressed files, each read as what the name before the suffix says ("a.jsonl.gz": JSONL,
# "page.html.gz": one web page, "article.txt.zst": one article).
COMPRESSED_SUFFIXES = (".gz", ".zst", ".zstd")
# The first bytes of a gzip member and of a zstd frame: a stream that opens with them is unpacked.
GZIP_MAGIC, ZSTD_MAGIC = b"\x1f\x8b", b"\x28\xb5\x2f\xfd"


# Compressions and archives not read, each with the command that unpacks it to standard output,
# which the reader takes (`bzcat dump.jsonl.bz2 | cleaner clean - ...`).
OTHER_COMPRESSIONS = {".bz2": "bzcat", ".xz": "xzcat", ".lzma": "xzcat", ".lz4": "lz4cat",
                      ".br": "brotli -dc", ".zip": "unzip -p", ".7z": "7z x -so"}


def other_compression(name: str) -> str | None:
    """The suffix of a compression or archive that is not read or written, if a name has one.

    >>> other_compression("dump.jsonl.BZ2"), other_compression("dump.jsonl.gz")
    ('.bz2', None)
    """
    lower = name.lower()
    return next((suffix for suffix in OTHER_COMPRESSIONS if lower.endswith(suffix)), None)


def other_compression_reason(suffix: str) -> str:
    """Why a file of a compression or archive not read (other_compression) is refused, with
    the command that unpacks it to standard input.

    >>> other_compression_reason(".xz")
    'a .xz file is not read; unpack it to standard input: xzcat FILE | cleaner clean - ...'
    """
    return (f"a {suffix} file is not read; unpack it to standard input: "
            f"{OTHER_COMPRESSIONS[suffix]} FILE | cleaner clean - ...")


def without_compression(name: str) -> str:
    """A file name without its compression suffix, if it has one.

    >>> without_compression("page.html.GZ"), without_compression("a.zst")
    ('page.html', 'a')
    >>> without_compression(".gz"), without_compression("a.txt")
    ('.gz', 'a.txt')
    """
    lower = name.lower()
    for suffix in COMPRESSED_SUFFIXES:
        if lower.endswith(suffix) and len(name) > len(suffix):
            return name[:-len(suffix)]
    return name
# The suffixes each reader takes, here once for the readers and the folder walk alike.
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_KINDS = (".jsonl", ".ndjson")
# (a .json file is an array or JSON lines: compressed, it is read as JSON lines or an array)
JSONL_SUFFIXES = (*(kind + compressed for kind in JSONL_KINDS
                    for compressed in ("", *COMPRESSED_SUFFIXES)),
                  *(".json" + compressed for compressed in COMPRESSED_SUFFIXES))
PARQUET_SUFFIXES = (".parquet", ".pq")
WARC_SUFFIXES = (".warc", ".warc.gz", ".warc.wet", ".warc.wet.gz")   # (WET: Common Crawl's text)
# Documents and JSON lines, each also compressed.
TEXT_KINDS = (".txt", *JSONL_KINDS, *HTML_SUFFIXES)
# What a folder is searched for by default: every kind a file named on the command line is read
# as, but a .json file (plain or compressed), which in a folder is as likely a site's settings or
# metadata as an array of records.
DEFAULT_GLOBS = (*(f"*{kind}{compressed}" for kind in TEXT_KINDS
                   for compressed in ("", *COMPRESSED_SUFFIXES)),
                 *(f"*{suffix}" for suffix in (*PARQUET_SUFFIXES, *WARC_SUFFIXES)))


@dataclass
class ReadOptions:
    """How inputs are read."""

    text_field: str = "text"
    encoding: str = "utf-8"
    max_record_bytes: int = MAX_RECORD_BYTES
    glob: tuple[str, ...] = DEFAULT_GLOBS
    html_field: str = "html"       # JSONL field with a web page, used when there is no text field
    # (hint, field) pairs: the record field a hint (id, url, title, date) is read from, where a
    # dump names it otherwise ("date_publish"); the field itself is carried on as it came.
    hint_fields: tuple[tuple[str, str], ...] = ()
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
    # What the records of the file being read are named by where they have no id, with their
    # line ("2019/part.jsonl:3"): a file in a subfolder of an input folder is named by its path
    # there, as files named alike in other subfolders would give the same ids. None: the
    # file's own name.
    id_name: str | None = None
    # Hidden files and folders (a name starting with a dot) are read too (--hidden); else they
    # are passed over, and counted (folders.folder_entries).
    hidden: bool = False


@dataclass
class ReadLog:
    """What reading saw besides documents: files skipped in folders, bytes read."""

    # Files in folders that no --glob takes, and hidden ones: counted, not kept, so that a
    # folder of millions of images beside the articles costs no memory.
    skipped: int = 0
    # Those files by their names' endings (".jpg": 1200), for the summary to say what they were:
    # at most SKIPPED_KINDS endings, the rest counted as "other".
    skipped_kinds: Counter = field(default_factory=Counter)
    bytes_read: int = 0
    # Records inside a file that are not documents (WARC requests, images, redirects), by reason.
    skipped_records: Counter = field(default_factory=Counter)
    # The files folder walks took, by (device, inode), with why a second name of one is passed
    # over: the walks of every input folder of a run share them, so that a file reached again
    # (a hard or symbolic link, in another folder, or named as an input) is read once.
    files_read: dict[tuple[int, int], str] = field(default_factory=dict)
    # Those second names, by that reason: files, not records, counted apart (duplicate files).
    duplicate_files: Counter = field(default_factory=Counter)
    # Where each record a WARC ended inside (kept, flagged) was read, by its record's id: the
    # run names it so when it is written ("kept dump/crawl.warc record 11 ..."). At most one a
    # file.
    cut_places: dict[str, str] = field(default_factory=dict)
    # Why each record a WARC passed over was skipped, by (file, record number), for `explain
    # --id` to say; None (the default, a run's): not kept, as a crawl holds millions of them.
    skip_places: dict[tuple[str, int], str] | None = None

    def skip_file(self, name: str) -> None:
        """Count a file no input pattern takes, by its name's ending."""
        self.skipped += 1
        kind = name_ending(name)
        if kind not in self.skipped_kinds and len(self.skipped_kinds) >= SKIPPED_KINDS:
            kind = "other"
        self.skipped_kinds[kind] += 1

    def take_named_files(self, inputs: list[str]) -> None:
        """Count the files named as inputs as read: a link to one in an input folder is then
        not read again, before or after the file itself. (Named files are read where they are
        named, not by a walk; two names of one file among them are refused: input_guard.)"""
        for name in inputs:
            if name == "-":
                continue
            try:
                found = os.stat(name)
            except OSError:             # reading it says why
                continue
            if stat.S_ISREG(found.st_mode):
                self.files_read.setdefault((found.st_dev, found.st_ino), NAMED_ELSEWHERE)


# How many endings of skipped files are told apart: a folder of many kinds ("a.1", "a.2", ...)
# costs no more.
SKIPPED_KINDS = 12


def name_ending(name: str) -> str:
    """A file name's last suffix in lower case, with the one before it where that is a
    compression suffix; "no suffix" for a name without one.

    >>> name_ending("IMG_01.JPG"), name_ending("a.csv.gz"), name_ending("README")
    ('.jpg', '.csv.gz', 'no suffix')
    >>> name_ending("x.gz"), name_ending(".bashrc"), name_ending("a.")
    ('.gz', 'no suffix', 'no suffix')
    """
    bare = without_compression(name)
    compression = name[len(bare):].lower()
    dot = bare.rfind(".")
    if dot <= 0 or dot == len(bare) - 1:
        return compression or "no suffix"
    return bare[dot:].lower() + compression


# Why a folder's second name of a file named as an input is skipped (ReadLog.take_named_files).
NAMED_ELSEWHERE = "another name (a link) of a file named as an input, read under that name"


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


def raw_text(data: bytes, cut: bool = False) -> str:
    """Input bytes as a Reject keeps them: at most MAX_REJECT_RAW, undecodable bytes escaped.
    Bytes cut, here or by the reader (`cut`: the opening of a longer input, a line over the size
    limit), end on a whole character: the first bytes of one that a cut split were shown
    escaped ("\\xc3"), as if the input held a stray byte there."""
    if len(data) > MAX_REJECT_RAW:
        data, cut = data[:MAX_REJECT_RAW], True
    if cut:
        data = whole_characters(data)
    return data.decode("utf-8", errors="backslashreplace")


def whole_characters(data: bytes) -> bytes:
    """`data` without the first bytes of a UTF-8 character its end splits (one to three).

    >>> whole_characters("aé".encode()[:-1]), whole_characters("a€".encode()[:-1])
    (b'a', b'a')
    >>> whole_characters("aé".encode()), whole_characters(b"a\\x80")
    (b'a\\xc3\\xa9', b'a\\x80')
    """
    for back in range(1, min(3, len(data)) + 1):
        byte = data[-back]
        if byte < 0x80:                     # ASCII: no character is split
            return data
        if byte >= 0xC0:                    # the first byte of a character of `need` bytes
            need = 2 if byte < 0xE0 else 3 if byte < 0xF0 else 4
            return data[:-back] if need > back else data
    return data


def id_text(value: Any) -> str | None:
    """A record's id as text, as it is given to every record: a string as it is, any other
    value its JSON (`true`, `{"a":1}`, not Python's `True`, `{'a': 1}`); an empty or blank
    string, null and a number JSON cannot write (NaN, Infinity) are no id (None).

    >>> [id_text(v) for v in ("a", True, 7, {"a": 1}, [1.5], "", " ", None, float("nan"))]
    ['a', 'true', '7', '{"a":1}', '[1.5]', None, None, None, None]
    """
    if type(value) is str:
        return value if value.strip() else None
    if value is None or isinstance(value, float) and not math.isfinite(value):
        return None
    try:
        return orjson.dumps(value, option=orjson.OPT_NON_STR_KEYS).decode()
    except orjson.JSONEncodeError:          # (nesting too deep to write: no id to name it by)
        return None
