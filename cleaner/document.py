"""The Document a pipeline stage takes and returns, and the record it becomes."""

from __future__ import annotations

import datetime
import decimal
import re
import unicodedata
from typing import Any
from urllib.parse import urlsplit

META_FIELDS = ("title", "date", "authors", "editors", "source", "location",
               "site", "url", "category", "lang")
LIST_FIELDS = frozenset({"authors", "editors"})
# Keys the cleaner owns in a record; input fields with these names are kept under "input",
# an input field named "input" too (else the clashing fields' object would take its place).
RESERVED_KEYS = frozenset({"id", "text", "meta", "removed", "flags", "fixes", "input"})


_SCALAR_META = dict.fromkeys(META_FIELDS)
# The types JSON writes as they are: a carried field of these (nearly every one) is not looked at.
# (A float is, where it is finite: json_fields tests that; NaN and infinity are no JSON.)
_JSON_PLAIN = frozenset({str, int, bool, type(None)})


def json_value(value: Any, keep_floats: bool = False) -> Any:
    """An input field's value as the command writes it, made by this one function for the
    command's Parquet reader (parquet_io), the Python API's hints and carried fields and
    Dataset.map's hints: a missing value (NaN, pandas' NA and NaT) and a float JSON has no
    number for (infinity) null, a numpy value Python's, a time (numpy's datetime64 too) ISO 8601
    text as pandas writes it, a duration seconds, bytes text (undecodable ones escaped), a
    decimal its text, a table's keys text; anything else JSON cannot write (a set, an object)
    its text. Else a record of a pandas row failed json.dumps, or wrote NaN, which is no JSON,
    and the API gave b'abc' for an id the command gives as abc.

    `keep_floats`: a float given alone (not in a list) is kept as it is, NaN and infinity too,
    as the JSONL reader keeps them: what a hint of them means is the hint's to say (a title
    "inf", no date), and the writer makes them null.

    >>> json_value(float("nan")), json_value(b"a\\xff"), json_value(datetime.date(2020, 1, 2))
    (None, 'a\\\\xff', '2020-01-02')
    """
    kind = type(value)
    if kind in _JSON_PLAIN:
        return value
    if kind is float:
        # (NaN and infinities: not 0)
        return value if keep_floats or value - value == 0 else None
    if kind.__module__.partition(".")[0] in ("numpy", "pandas"):
        if kind.__name__ in ("NAType", "NaTType"):
            return None
        if kind.__name__ in ("datetime64", "timedelta64"):
            return _numpy_time(value)
        if kind.__name__ == "ndarray" and value.dtype.kind in ("M", "m"):
            return [json_value(v) for v in value]       # (tolist: nanoseconds as numbers)
        if hasattr(value, "tolist") and not isinstance(value, datetime.date):
            return json_value(value.tolist(), keep_floats)  # a numpy number, an array: Python's
    if isinstance(value, dict):
        return {str(k): json_value(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_value(v) for v in value]
    if isinstance(value, bool):
        return bool(value)
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return json_value(float(value), keep_floats)
    if isinstance(value, str):
        return str(value)
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="backslashreplace")
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, (datetime.date, datetime.time)):     # datetimes and Timestamps too
        return value.isoformat()
    if isinstance(value, datetime.timedelta):
        return value.total_seconds()
    return str(value)


def url_value(value: Any) -> Any:
    """An input url as a reader hands it to the Cleaner: its json_value where that is the url's
    own text (a string; UTF-8 bytes, decoded) or a value that is no text (a number, a list, a
    table), which the Cleaner flags unreadable-url; else the value as it was read (a time, a
    decimal, bytes that are not UTF-8). Their json_value is text that is no url (a time's ISO
    text, escaped bytes), which the Cleaner would take for one, where the Python API, given the
    same value, flags it (pipeline._url_hint) and reads no site or date from it.

    >>> url_value(b"https://a.id/x"), url_value(b"a\\xff"), url_value(datetime.date(2020, 1, 2))
    ('https://a.id/x', b'a\\xff', datetime.date(2020, 1, 2))
    >>> url_value(12), url_value(["https://a.id/x"]), url_value(float("nan"))
    (12, ['https://a.id/x'], nan)
    """
    plain = json_value(value, keep_floats=True)
    if type(plain) is not str or isinstance(value, str):
        return plain
    if isinstance(value, bytes):
        try:
            return value.decode("utf-8")
        except UnicodeDecodeError:
            return value
    return value


# A url with its scheme and a plain host: nearly every input's, taken without urlsplit's parse.
# (no (?i): an upper-case scheme, rare, takes the longer way)
_WEB_URL = re.compile(r"(?:https?|ftp)://[A-Za-z0-9][A-Za-z0-9.\-]*(?:[:/?#]|\Z)")
# A scheme ("javascript:", "mailto:"); not a dotted host's name before its port ("kompas.com:80").
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+\-]*):")
WEB_SCHEMES = frozenset({"http", "https", "ftp"})
_SPACE = re.compile(r"\s")
# A host opening a url given without its scheme, or after a web scheme's one slash: a dotted
# name or localhost, with a port or not, then its path or nothing ("kompas.com/read/a b",
# "localhost:8080/x"); what follows the host is the url's whatever it holds (IndoSum's urls
# keep spaces in their paths).
_HOST_FIRST = re.compile(r"(?i)/*(?:[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?\.)+[a-z0-9\-]*[a-z0-9]\.?"
                         r"(?::\d*)?(?:[/?#]|\Z)|/*localhost(?::\d*)?(?:[/?#]|\Z)")


def is_url_text(url: str) -> bool:
    """Whether an input url's text (stripped, not empty) is taken for a url, which meta.url
    holds and a site and a date are read from: an http(s) or ftp url with a host (one slash
    after its scheme too), one opening with a host ("kompas.com/read/a b", "localhost:8080/x",
    "//kompas.com/a"), a path "/2017/01/a1", or a dump's placeholder for none ("N/A", "-",
    "null": site_host reads no site from it). Not a url of another scheme ("javascript:alert(1)",
    "mailto:"), one with a scheme and no host ("http://", "http://[::1"), nor words ("not a url
    at all"): the Cleaner flags it unreadable-url and takes no url from it.

    >>> [is_url_text(u) for u in ("https://a.id/x", "kompas.com/a b", "N/A", "HTTP://A.ID")]
    [True, True, True, True]
    >>> [is_url_text(u) for u in ("localhost:8080/x", "https:/a.id/x", "http://a.id/a b")]
    [True, True, True]
    >>> [is_url_text(u) for u in ("javascript:alert(1)", "http://", "no url", "https:///a")]
    [False, False, False, False]
    """
    if _WEB_URL.match(url) or _HOST_FIRST.match(url):       # (nearly every document's)
        return True
    scheme = _SCHEME.match(url)
    if scheme is None:
        # (a path or a placeholder keeps no space: words do)
        return _has_host(url) if url.startswith("//") else not _SPACE.search(url)
    if scheme.group(1).lower() not in WEB_SCHEMES:
        return False
    # ("https:/kompas.com/a": one slash, a host all the same, kept as it was before)
    return _has_host(url) or _HOST_FIRST.match(url, scheme.end()) is not None


def _has_host(url: str) -> bool:
    """Whether a url with a scheme, or "//" opening it, names a host (no spaces in it); not one
    urlsplit refuses."""
    try:
        host = urlsplit(url).hostname
    except ValueError:                  # "http://[::1": an unclosed IPv6 literal
        return False
    return host is not None and host != "" and not _SPACE.search(host)


def _numpy_time(value: Any) -> Any:
    """A numpy datetime64 as the ISO 8601 text a pandas Timestamp of it writes (the command's
    Parquet reader gets Timestamps from Arrow), to the nanosecond where it has one; a
    timedelta64 as seconds; NaT None. (Their tolist() gives nanoseconds as a bare number.)"""
    import numpy        # (loaded: the value is numpy's)

    if numpy.isnat(value):
        return None
    try:
        if type(value).__name__ == "timedelta64":
            return float(value / numpy.timedelta64(1, "s"))
        if numpy.datetime_data(value.dtype)[0] in ("ns", "ps", "fs", "as"):
            micro = value.astype("datetime64[us]")
            if micro != value:
                return str(numpy.datetime_as_string(value, unit="ns"))
            value = micro
        moment = value.item()
        if isinstance(moment, datetime.date):
            return moment.isoformat()
        return str(numpy.datetime_as_string(value))     # (a year past 9999)
    except (TypeError, ValueError, OverflowError):      # (months and years: no seconds)
        return str(value)


def json_fields(fields: dict[str, Any]) -> dict[str, Any]:
    """Carried input fields as JSON values (json_value); the same dict where they are already
    (nearly every document's: a test of each value's type, and of a float's being finite)."""
    for value in fields.values():
        kind = type(value)
        if kind not in _JSON_PLAIN and (kind is not float or value - value != 0):
            return {key: json_value(value) for key, value in fields.items()}
    return fields


NOTHING_VISIBLE = "empty document: nothing visible once normalized"


def nothing_visible(record: dict[str, Any]) -> bool:
    """Whether a record had nothing visible to clean (zero-width characters, a byte order mark,
    controls): as empty as a blank document, it is refused as one, not written with no text."""
    return not record["text"] and not record["removed"]


def empty_meta() -> dict[str, Any]:
    """A meta dict with every field present: None for scalars, [] for lists."""
    meta = _SCALAR_META.copy()          # every document makes one: a copy, not a comprehension
    for name in LIST_FIELDS:
        meta[name] = []
    return meta


def name_key(name: str) -> str:
    """A name as compared with another: case and accents aside.

    >>> name_key("José Núñez") == name_key("JOSE NUNEZ")
    True
    >>> name_key("Jane Doe") == name_key("Jan Doe")
    False
    """
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


# What a removal made before the text had lines (line 0: a page's stripped element, a text
# field's script) keeps of a long text.
MAX_REMOVED_CHARS = 500


def cut_short(text: str) -> str:
    """A removed text cut at MAX_REMOVED_CHARS, marked so.

    >>> cut_short("x" * 600)[-5:], cut_short("pendek")
    ('xxx …', 'pendek')
    """
    return text if len(text) <= MAX_REMOVED_CHARS else text[:MAX_REMOVED_CHARS] + " …"


class Removal:
    """One piece of text taken out of a document, with the rule that took it.

    A plain class, not a dataclass, as Line is: a document makes several, and the __init__ a
    dataclass makes is interpreted even in the compiled build, where this one is native
    (measured from Python, compiled: 121 ns a Removal against 224, 693 a Document against 1145).
    """

    __slots__ = ("rule", "text", "line", "col", "action", "fields")

    def __init__(self, rule: str, text: str, line: int, col: int = 0,
                 action: str = "drop-line", fields: tuple[str, ...] = ()):
        self.rule = rule
        self.text = text
        self.line = line      # 1-based line of the normalized input where the removed text starts
        self.col = col        # 0-based character offset of the removed text in that line
        self.action = action
        self.fields = fields  # the meta fields a "meta" removal fed

    def _values(self) -> tuple:
        return (self.rule, self.text, self.line, self.col, self.action, self.fields)

    def __eq__(self, other: object) -> bool:
        if type(other) is not Removal:
            return NotImplemented
        return self._values() == other._values()

    def __repr__(self) -> str:
        return (f"Removal(rule={self.rule!r}, text={self.text!r}, line={self.line!r}, "
                f"col={self.col!r}, action={self.action!r}, fields={self.fields!r})")

    def __reduce__(self) -> tuple:
        # Pickled by its constructor: compiled, a class whose __init__ takes arguments has no
        # other way back from a pickle.
        return (Removal, self._values())

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"rule": self.rule, "text": self.text, "line": self.line,
                               "col": self.col, "action": self.action}
        if self.fields:
            out["fields"] = list(self.fields)
        return out


class Line:
    """A line of the document being cleaned: its current text and where it came from.

    A plain class, not a dataclass: every document makes one per line, and this constructor
    takes half the time of a dataclass's with a default list.
    """

    __slots__ = ("text", "number", "cuts")

    def __init__(self, text: str, number: int):
        self.text = text
        self.number = number             # 1-based line number in the normalized input
        # (original column, length) of each span already cut from this line, for exact positions
        self.cuts: tuple[tuple[int, int], ...] = ()

    def __repr__(self) -> str:
        return f"Line({self.text!r}, {self.number}, cuts={self.cuts})"

    def original_col(self, pos: int) -> int:
        """A position in the current text as a column of the original line, past earlier cuts."""
        col = pos
        for start, length in self.cuts:
            if start <= col:
                col += length
        return col

    def joins(self) -> set[int]:
        """Where earlier cuts joined the current text, as positions in it."""
        points, gone = set(), 0
        for col, length in self.cuts:
            points.add(col - gone)
            gone += length
        return points

    def pieces(self, start: int = 0, end: int | None = None) -> list[tuple[str, int]]:
        """text[start:end] as the runs of the original line it is made of, (text, original
        column) each: split where an earlier cut joined it, so that each removal made of it
        names text that stood together in the input.

        >>> line = Line("Tesla Baru Meluncur", 1)
        >>> line.cuts = ((11, 14),)              # "(Foto: Tesla) " was cut
        >>> line.pieces()
        [('Tesla Baru ', 0), ('Meluncur', 25)]
        """
        end = len(self.text) if end is None else end
        if not self.cuts:               # most lines: one run, where the text stands
            return [(self.text[start:end], start)]
        inner = sorted(p for p in self.joins() if start < p < end)
        bounds = [start, *inner, end]
        return [(self.text[a:b], self.original_col(a)) for a, b in zip(bounds, bounds[1:])]


class Document:
    """A document moving through the pipeline.

    A plain class, not a dataclass, for the reason Removal is one: one is made per document.
    """

    __slots__ = ("id", "text", "url", "fields", "hints", "lines", "meta", "removed", "flags",
                 "fixes", "packs")

    def __init__(self, id: str, text: str, url: str | None = None,
                 fields: dict[str, Any] | None = None, hints: dict[str, Any] | None = None,
                 lines: list[Line] | None = None, meta: dict[str, Any] | None = None,
                 removed: list[Removal] | None = None, flags: list[dict[str, Any]] | None = None,
                 fixes: list[str] | None = None, packs: tuple = ()):
        self.id = id
        self.text = text                        # normalized input text (after decode)
        self.url = url
        # (None: a fresh dict or list of the document's own, as a dataclass's default_factory)
        self.fields: dict[str, Any] = {} if fields is None else fields   # input fields carried
        self.hints: dict[str, Any] = {} if hints is None else hints      # title/date given
        self.lines: list[Line] = [] if lines is None else lines
        self.meta: dict[str, Any] = empty_meta() if meta is None else meta
        self.removed: list[Removal] = [] if removed is None else removed
        self.flags: list[dict[str, Any]] = [] if flags is None else flags
        self.fixes: list[str] = [] if fixes is None else fixes
        self.packs = packs                      # the rule packs that apply, most specific first

    def _values(self) -> tuple:
        return (self.id, self.text, self.url, self.fields, self.hints, self.lines, self.meta,
                self.removed, self.flags, self.fixes, self.packs)

    def __eq__(self, other: object) -> bool:
        if type(other) is not Document:
            return NotImplemented
        return self._values() == other._values()

    def __repr__(self) -> str:
        return (f"Document(id={self.id!r}, text={self.text!r}, url={self.url!r}, "
                f"fields={self.fields!r}, hints={self.hints!r}, lines={self.lines!r}, "
                f"meta={self.meta!r}, removed={self.removed!r}, flags={self.flags!r}, "
                f"fixes={self.fixes!r}, packs={self.packs!r})")

    def __reduce__(self) -> tuple:
        return (Document, self._values())     # (as Removal's)

    def set_meta(self, name: str, value: Any) -> bool:
        """Fill a meta field; scalars keep their first value, lists gather distinct values."""
        if value is None or value == "" or value == []:
            return False
        if name in LIST_FIELDS:
            values = value if isinstance(value, list) else [value]
            added = False
            kept = self.meta[name]
            for v in values:
                if not v or v in kept:
                    continue
                # One person spelt twice ('By JANE DOE' over '(Reporting by Jane Doe)', 'José
                # Núñez' and 'Jose Nunez') is one name: the first kept, unless it was capitals.
                same = [i for i, k in enumerate(kept) if isinstance(k, str) and isinstance(v, str)
                        and name_key(k) == name_key(v)]
                if same:
                    if kept[same[0]].isupper() and not v.isupper():
                        kept[same[0]] = v
                    continue
                kept.append(v)
                added = True
            return added
        if self.meta.get(name) is None:
            self.meta[name] = value
            return True
        return False

    def take_line(self, line: Line, rule: str, action: str,
                  fields: tuple[str, ...] = ()) -> None:
        """Remove what is left of a line, recorded as the runs of the original line it is made
        of (Line.pieces)."""
        for piece, col in line.pieces():
            self.removed.append(Removal(rule, piece, line.number, col, action, fields))
        line.text = ""

    def body(self) -> str:
        """The current text: non-empty lines as paragraphs separated by one blank line."""
        # (a list, not a generator: join makes one of it anyway, 0.4 microseconds a document)
        return "\n\n".join([ln.text for ln in self.lines if ln.text])

    def to_record(self) -> dict[str, Any]:
        """The output record: id, text, meta, removed, flags, fixes, then carried input fields."""
        record: dict[str, Any] = {
            "id": self.id,
            "text": self.body(),
            "meta": self.meta,
            "removed": [r.as_dict() for r in self.removed],
            "flags": self.flags,
            "fixes": self.fixes,
        }
        # As JSON values whichever way the fields came (a pandas row's Timestamp, NaN).
        fields = json_fields(self.fields)
        if RESERVED_KEYS.isdisjoint(fields):     # (nearly every record: one C call)
            record.update(fields)
            return record
        clashing = {k: v for k, v in fields.items() if k in RESERVED_KEYS}
        for key, value in fields.items():
            if key not in RESERVED_KEYS:
                record[key] = value
        if clashing:
            record["input"] = clashing
        return record
