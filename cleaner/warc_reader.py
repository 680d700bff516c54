"""WARC and WARC.gz to items: response and resource records with an HTML payload, conversion (WET) and resource records of plain text; others skipped and counted, corrupt ones rejected."""

from __future__ import annotations

import logging
import re
import zlib
from collections import Counter
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Any, BinaryIO, Generator, Iterator

from cleaner.decode import UTF8_ENCODINGS, DecodeError, decode_bytes, is_utf8, looks_binary
from cleaner.gzip_members import (KEPT, READ_WHOLE, SMALLEST_MEMBER, CorruptGzip,
                                   not_member_words)
from cleaner.html_charset import charset_flag, decode_html, header_charset
from cleaner.inputs import CUT_SHORT, MAX_REJECT_RAW, RECORD, WARC_SUFFIXES, Item, ReadOptions, \
    Reject, opens_as_page, raw_text, shown_id, whole_characters
from cleaner.warc_stream import RECORD_START, RESYNC_WINDOW, Members, Stream, damaged_headers, \
    header_block, header_line_sized, lost_members, next_record, open_stream, read_once, \
    starts_record
from cleaner.wording import counted

HTML_TYPES = ("text/html", "application/xhtml+xml")
# Records that hold a document as it is, with no HTTP header block: a resource (a page an
# archiver stored by itself) and a conversion (Common Crawl's WET: a page's text).
_DOCUMENT_TYPES = ("resource", "conversion")
_CUT = "truncated WARC record"
# What the reject of a record whose gzip member is damaged opens with.
_DAMAGED = "corrupt WARC record: its gzip member is damaged"
# A record's header line after the blank lines that end the record before it: in a page, where
# a Content-Length too large left the next record's start.
_INNER_HEADER = re.compile(rb"\r\n\r\nWARC/1\.[01]\r\nWARC-[A-Za-z-]+: ")
# The flag of a page whose record's Content-Length does not end where the record does.
OVERRAN = "warc-length"
# The blank lines that end a record and the next one's first line, as a page's text holds them.
_HEADER_TEXT = "\r\n\r\nWARC/1."
_LENGTH_LINE = re.compile(rb"\r\nContent-Length:[ \t]*(\d+)\r\n", re.IGNORECASE)
# Content codings warcio undoes only with an optional package, and the package: named in the
# reason a page in one is refused, since nothing else says what was missing.
_CODING_PACKAGES = {"br": "brotli"}
# Content codings by their old names, which a server may still send and a client must take as the
# coding itself (RFC 9110, 8.4.1): warcio knows only the current names.
_CODING_ALIASES = {"x-gzip": "gzip", "x-deflate": "deflate"}
# What that flag's reason opens with where the file (or its last gzip member) ends inside it.
_ENDS_INSIDE = "the file ends inside its WARC record"
# The records of text whose text is kept, flagged, as far as the file goes where it ends inside
# them, as a page is: a WET conversion record and a resource record of text/plain.
_KEPT_WHEN_CUT = ("conversion", "resource")
# A chunk's size line, as warcio reads one: the first line of a chunked body.
_CHUNK_SIZE = re.compile(rb"[ \t]*[0-9A-Fa-f]+[ \t]*(?:;[^\r\n]*)?\r\n")
# The size line of a chunked body's last chunk (size 0), which a trailer may follow (header
# fields sent after the body), and a trailer's field line.
_LAST_CHUNK = re.compile(rb"[ \t]*0+[ \t]*(?:;[^\r\n]*)?\r\n")
_TRAILER_FIELD = re.compile(rb"[!-9;-~]+:[^\r\n]*\r?\n")
# The schemes of a record's target that a web page is fetched by: a resource or conversion
# record of another (wget's metadata://gnu.org/software/wget/warc/wget.log, its arguments and
# manifest; a crawler's dns: lookups) holds no page to clean.
_WEB_SCHEMES = ("http", "https")
# The schemes of a WARC target that is never a page, whatever type its record says it holds.
_NO_PAGE_SCHEMES = ("metadata", "dns")
_SCHEME = re.compile(r"[ \t]*([A-Za-z][A-Za-z0-9+.-]{0,30}):")
# A response's Content-Range: the first and last byte it holds, of how many (* : not known).
_CONTENT_RANGE = re.compile(r"[ \t]*bytes[ \t]+(\d+)[ \t]*-[ \t]*(\d+)[ \t]*/[ \t]*(\d+|\*)",
                            re.IGNORECASE)
# What a record's blank lines are where a writer closes each record with one line break, not
# the two of the WARC format.
_ONE_BREAK = (b"\r\n", b"\n")


class _SpacedUri(logging.Filter):
    """Keeps warcio's warning that a WARC-Target-URI held spaces off stderr (also under -q):
    the record is read, with each space as %20, as the warning says."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("Replacing spaces in invalid WARC-Target-URI")


logging.getLogger("warcio.recordloader").addFilter(_SpacedUri())


def _records_to_end(data: bytes, at: int, cut_off: bool = False) -> bool:
    r"""Whether data[at:] is whole WARC records, one after another, to its end (the last one's
    closing blank lines may be left out: they follow in the file; with `cut_off`, data read
    only in part, a record after a first whole one may be cut anywhere): what a record that
    took the records after it (its length too large by exactly theirs) holds, and what a page
    that quotes a record's header does not.

    >>> one = b"WARC/1.0\r\nWARC-Type: request\r\nContent-Length: 2\r\n\r\nab\r\n\r\n"
    >>> _records_to_end(one * 2, 0), _records_to_end(one[:-3], 0), _records_to_end(one + b"x", 0)
    (True, True, False)
    >>> _records_to_end(one + one[:30], 0), _records_to_end(one + one[:30], 0, cut_off=True)
    (False, True)
    >>> _records_to_end(one[:30], 0, cut_off=True)
    False
    """
    whole = 0                               # records seen whole
    while at < len(data):
        if not data.startswith(RECORD_START[:len(data) - at] if cut_off else RECORD_START, at):
            return False
        end = data.find(b"\r\n\r\n", at)
        length = _LENGTH_LINE.search(data, at, end + 2) if end >= 0 else None
        if length is None:
            return cut_off and whole > 0 and end < 0
        at = end + 4 + int(length.group(1))
        if at >= len(data):
            return at <= len(data) or cut_off and whole > 0
        if b"\r\n\r\n".startswith(data[at:at + 4]) and at + 4 >= len(data):
            return True
        if data[at:at + 4] != b"\r\n\r\n":
            return False
        at += 4
        whole += 1
    return at == len(data)


class _BadRecord(Exception):
    """A record warcio reads but the WARC format refuses: it is rejected, and reading goes on
    at the next record header, as after one warcio cannot parse."""


class RecordNumber(int):
    """A WARC record's number, where an Item or Reject keeps its position (`line`): it counts
    records, not lines, and says so (inputs.unit_of), so that a reject of it says "record N",
    made here or of its Item where it is cleaned."""

    __slots__ = ()
    unit = RECORD


def _by_record(outcomes: Iterator[Item | Reject]) -> Iterator[Item | Reject]:
    """A WARC's outcomes, each numbered as a record (RecordNumber); a reject of the whole file
    too says its positions are records, with none."""
    for outcome in outcomes:
        if outcome.line is not None:
            outcome.line = RecordNumber(outcome.line)
        if isinstance(outcome, Reject):
            outcome.unit = RECORD
        yield outcome


def is_warc(name: str) -> bool:
    return name.lower().endswith(WARC_SUFFIXES)


def labelled_page(record) -> bool:
    """Whether a record is a response whose WARC Content-Type names a page: its block holds the
    page itself, where an HTTP response's is labelled application/http."""
    label = record.rec_headers.get_header("Content-Type") or ""
    return record.rec_type == "response" and \
        label.split(";", 1)[0].strip().lower() in HTML_TYPES


def _payload_type(record) -> tuple[str | None, str | None]:
    """(media type, charset) of a record's payload: a response's HTTP header gives it, a
    resource's or a conversion's WARC header (they hold the document itself), as does a
    response's labelled as a page (it holds no HTTP header block: warc_loader)."""
    headers = record.rec_headers if record.rec_type in _DOCUMENT_TYPES or \
        record.http_headers is None and labelled_page(record) else record.http_headers
    content_type = headers.get_header("Content-Type") if headers is not None else None
    if not content_type:
        return None, None
    media = content_type.split(";", 1)[0].strip().lower()
    return media, header_charset(content_type)


def _coding(record) -> str | None:
    """The Content-Encoding of a response's payload as its header gives it (stripped; None for
    none or "identity"), an old name given as the coding's own."""
    headers = record.http_headers
    coding = (headers.get_header("Content-Encoding") or "").strip() if headers else ""
    if coding.lower() in ("", "identity"):
        return None
    return _CODING_ALIASES.get(coding.lower(), coding)


def _decoder(record) -> str | None:
    """The name of warcio's decoder for a response's Content-Encoding, or None: no coding, or
    one warcio has no decoder for (its bytes pass on as they came)."""
    from warcio.bufferedreaders import BufferedReader

    coding = _coding(record)
    return coding.lower() if coding and \
        coding.lower() in BufferedReader.get_supported_decompressors() else None


def _undone_coding(record) -> str | None:
    """The Content-Encoding of a response's payload, where warcio has no decoder for it and
    passes the bytes on as they came; None where there is none, or it is undone."""
    return _coding(record) if _decoder(record) is None else None


def _coding_reason(coding: str) -> str:
    """Why a page still in a content coding (`coding`, as its header gives it) is refused.

    >>> _coding_reason("zstd")
    'Content-Encoding zstd cannot be decoded'
    >>> _coding_reason("gzip, BR")
    'Content-Encoding gzip, BR cannot be decoded (the optional brotli package would be needed)'
    """
    needed = sorted({_CODING_PACKAGES[name.strip()] for name in coding.lower().split(",")
                     if name.strip() in _CODING_PACKAGES})
    return f"Content-Encoding {coding} cannot be decoded" + (
        f" (the optional {' and '.join(needed)} package would be needed)" if needed else "")


def _not_http(record) -> str | None:
    """The opening of a response record's block where warcio read it as HTTP headers and it
    holds none (a page stored without them, yet not labelled as one: its lines were taken for
    headers); None for an HTTP response, and any other record."""
    headers = record.http_headers
    if record.rec_type != "response" or headers is None or \
            headers.protocol[:5].upper() == "HTTP/":
        return None
    return f"{headers.protocol} {headers.statusline}"[:40]


def _status(record) -> int | None:
    headers = record.http_headers
    if headers is None:
        return None
    try:
        return int(headers.get_statuscode())
    except (TypeError, ValueError):
        return None


def iter_warc(path: Path, options: ReadOptions, skipped: Counter | None = None,
              places: SkipPlaces | None = None) -> Iterator[Item | Reject]:
    """Items for the HTML responses of a WARC file, Rejects for records that cannot be read.

    A resource record holding a page is read as a response is (it has no HTTP headers), and a
    conversion record of plain text (Common Crawl's WET), or a resource record of text/plain,
    is a text item. A record that is none of these (requests, metadata, images, redirects) is
    skipped and counted in `skipped` by reason, and noted in `places` (where given: explain
    --id) under (the file, its number) with that reason. A record warcio
    cannot parse, whatever it raises, is rejected (in words, not the exception's class) and the
    reader goes on at the next record header; a damaged gzip member is rejected as its
    record's (before its header or inside it), naming where, and the reader goes on at the next
    member (where a .warc.gz starts each record) with the next record's number; a cut-off file
    ends with a Reject. A record whose Content-Length does not end where the record does (too
    small, or running into the records after it) gives its page flagged, cut where the next
    record's header starts, and the records after it are read from there.
    """
    source = str(path)
    try:
        stream = open_stream(path)
    except OSError as exc:
        yield from _by_record(iter([Reject.unreadable(source, exc)]))
        return
    with stream:
        yield from _by_record(_Walk(stream, source, options,
                                    _Skips(source, skipped, places)).items())


def iter_warc_stream(stream: BinaryIO, source: str, options: ReadOptions,
                     skipped: Counter | None = None, places: SkipPlaces | None = None
                     ) -> Iterator[Item | Reject]:
    """iter_warc for a WARC on a stream read once (standard input, a pipe), plain or gzip. It
    is read as a file is, but for where a damaged record would have the reader go back further
    than it keeps: then a Reject says which records may be lost, and to pass the file."""
    with read_once(stream) as warc:
        yield from _by_record(_Walk(warc, source, options,
                                    _Skips(source, skipped, places)).items())


# Why each record a WARC passed over was skipped, by (the file, the record's number): as
# ReadLog.skip_places keeps them.
SkipPlaces = dict[tuple[str, int], str]


class SkipPlacesById(SkipPlaces):
    """SkipPlaces that also keep, in `by_id`, where each record skipped was by its
    WARC-Record-ID (bare_record_id), for `explain --id` given one."""

    def __init__(self) -> None:
        super().__init__()
        self.by_id: dict[str, tuple[str, int]] = {}

    def named(self, wanted: str) -> tuple[tuple[str, int], str] | None:
        """The place of the record skipped whose WARC-Record-ID `wanted` is (with or without its
        angle brackets), and why it was skipped; None where no record skipped has it."""
        place = self.by_id.get(bare_record_id(wanted))
        return (place, self[place]) if place is not None and place in self else None


def bare_record_id(record_id: str) -> str:
    """A WARC-Record-ID as compared: without the angle brackets around it, which users leave
    out or keep, and in lower case (a URN's scheme and namespace, and a UUID's hex digits, are
    the same in any case: `explain --id URN:UUID:...` finds urn:uuid:...).

    >>> bare_record_id("<urn:uuid:1-2>"), bare_record_id(" URN:UUID:1-2 ")
    ('urn:uuid:1-2', 'urn:uuid:1-2')
    """
    bare = record_id.strip()
    return (bare[1:-1].strip() if bare.startswith("<") and bare.endswith(">") else bare).casefold()


class _Skips:
    """The records of one WARC (`source`) the reader passes over, each noted where it is
    skipped: counted by reason (into `counts`, the run's counter) and, where `places` is given
    (explain --id), kept with that reason under its number.

    A record skipped that then has an outcome after all (its gzip member damaged inside it, the
    file ending inside it: a reject of its number) is no longer noted as skipped, but stays
    counted, as runs always counted it."""

    def __init__(self, source: str, counts: Counter | None, places: SkipPlaces | None):
        self.source = source
        self.counts = counts if counts is not None else Counter()
        self.places = places

    def skip(self, number: int, reason: str, record: Any = None) -> None:
        """Note that the record numbered `number` (warcio's `record`, where read) is skipped, and
        why."""
        self.counts[reason] += 1
        if self.places is not None:
            self.places[(self.source, number)] = reason
            record_id = record.rec_headers.get_header("WARC-Record-ID") if record else None
            if record_id and isinstance(self.places, SkipPlacesById):
                self.places.by_id.setdefault(bare_record_id(record_id), (self.source, number))

    def given(self, outcome: Item | Reject) -> None:
        """Note that a record has an outcome (an item, a reject): it was not passed over."""
        if self.places is not None and outcome.line:
            self.places.pop((self.source, int(outcome.line)), None)


# What _Walk._failed gives when the stream itself failed: the pass's end says what follows.
_UNDECIDED = -1


class _Walk:
    """A WARC file's records, read with warcio pass after pass (iter_warc). A pass ends where a
    record's bytes or its length lie, and the next pass starts at the record header after that
    place; records keep the numbers they would have had."""

    def __init__(self, stream: Stream, source: str, options: ReadOptions, skipped: _Skips):
        self.stream, self.source, self.options, self.skipped = stream, source, options, skipped
        self.number = 0                   # the records counted so far: a record's `line`
        self.cut = False                  # the last record read ran past the end of the file
        self.cut_at = 0                   # where the last record read starts
        self.short: int | None = None     # where a record whose length ended short left off
        self.unsaid = False               # that record was skipped: no outcome says it was cut
        self.unclosed = False             # the file ends in the last record's closing blank lines
        self.one_break = False            # a record before the last closed with one line break
        # The pass's own (_pass starts them again):
        self.pass_start = 0               # where the pass began
        self.at = 0                       # where the record being read starts
        self.counted = False              # whether `number` counts that record yet
        self.overran: int | None = None   # where a record that ran into the next one ran into it
        # The last record's items, given once the next record's header has been read: only
        # then is it known whether its length ended where it said.
        self.held: list[Item | Reject] = []
        self.held_record: Any = None

    def items(self) -> Iterator[Item | Reject]:
        """Every record's items and rejects, in the file's order; last, for a stream read once,
        a Reject for where it could not be read back to."""
        for outcome in self._passes():
            self.skipped.given(outcome)
            yield outcome
        lost = self.stream.unreachable
        if lost is not None:
            yield Reject(self.source, None,
                         f"a WARC read from a pipe or standard input cannot be read again from "
                         f"{self._place(lost)} (it keeps its last {Members.KEEP_BYTES >> 20} "
                         f"MB), as a damaged record there asked: records after it may be lost; "
                         f"pass the WARC as a .warc or .warc.gz file to read them")

    def _passes(self) -> Iterator[Item | Reject]:
        """Every pass's items and rejects, in the file's order."""
        start: int | None = 0
        while start is not None:
            try:
                self.stream.seek(start)
            except (EOFError, OSError, zlib.error) as exc:
                self.stream.error = self.stream.error or exc
                return
            self.pass_start = start
            self.stream.passed(start)
            again = yield from self._pass(start)
            # No pass starts before the one before it, so that the walk ends whatever the file
            # holds (a restart that would go back is taken at the next header instead). One may
            # start where the one before did: past a damaged gzip member, whose bytes are not
            # counted, the next member's record starts at the same offset.
            start = again if again is None or again >= start else \
                next_record(self.stream, start + 1)

    def _pass(self, start: int) -> Generator[Item | Reject, None, int | None]:
        """The records from `start` on, until warcio fails, a length lies or the file ends;
        where the next pass starts (None: nowhere)."""
        from warcio.archiveiterator import ArchiveIterator

        from cleaner.warc_loader import PageAwareLoader

        records = ArchiveIterator(self.stream, check_digests=False)
        records.loader = PageAwareLoader(verify_http=False, arc2warc=False)
        # warcio writes its own warning to stderr when a record is not followed by a blank
        # line; the reader says it in the record's flags instead (and counts on err_count).
        records.INC_RECORD = ""
        self.at, self.counted, self.overran = start, False, None
        self.held, self.held_record = [], None
        try:
            for record in records:
                yield from self.held
                self.held = []
                if self._read(records, record):
                    break
        except Exception as exc:  # warcio raises whatever a bad record makes it raise
            # (when the data ended early, warcio choked on that: _ended says it)
            again = yield from self._failed(exc)
            if again is None and _damaged_member(self.stream.error):
                # The search for the next record met the damage, which no member follows: the
                # file's (the records past it in the member are lost, with their number, unless
                # the damage is its trailer's alone, and every byte of it was read).
                said = str(self.stream.error).replace(f"; {KEPT}", "")
                rest = ", read to its end from that member" if READ_WHOLE in said else \
                    ": the member's data past the damage, and any record in it, could not be read"
                yield Reject(self.source, None, f"truncated or corrupt WARC: {said} (after "
                                                f"record {self.number}{rest})")
            if again != _UNDECIDED:
                return again
        yield from self.held
        return (yield from self._ended(start))

    def _read(self, records, record) -> bool:
        """One record read: its items held and counted; whether its length lied (the pass then
        ends, as the search for the next header moves the stream under warcio)."""
        stream = self.stream
        self.number, self.counted = self.number + 1, True
        self.cut = False
        declared = record.rec_headers.get_header("Content-Length")
        if declared is None:
            # Without it warcio reads the record to the end of the file, and the records after
            # it went with it, without a word (a header line cut out, a blank line inside the
            # header block, the file cut there).
            raise _BadRecord("no Content-Length header")
        if not declared.strip().isdigit():
            raise _BadRecord(f"Content-Length {declared.strip()[:40]!r} is not a number")
        items, swallowed = _record_item(record, self.source, self.number, self.options,
                                        self.skipped, stream)
        for item in items:
            if isinstance(item, Item):
                # (in a subfolder of an input folder: named by its path there, as a JSONL's
                # records are; `crawl.warc.gz:3` came twice from two folders' crawl.warc.gz)
                item.id_name = self.options.id_name
        if _damaged_member(stream.error):
            items = [replace(item, reason=item.reason + _records_after(stream.error, self.at))
                     if isinstance(item, Reject) and item.reason.startswith(_DAMAGED) else item
                     for item in items]
        seen = any(map(_is_flagged, items))
        errors = records.err_count
        # (asking for the offset reads the record to its end, and the blank lines after it:
        # warcio counts an error where a record's length ends elsewhere)
        records.get_record_offset()
        closing = _closing(stream, sum(records.member_info), records.offset) \
            if records.err_count == errors and not stream.gz else None
        if records.next_line is not None:
            # (a writer that closes each record with one line break, not two: wget 1.x and
            # others; the last record's one line break is then no cut)
            self.one_break = self.one_break or closing in _ONE_BREAK
            self.unclosed = False
        else:
            self.unclosed = closing is not None and _short_closing(closing) and \
                not (self.one_break and closing in _ONE_BREAK)
        if any(map(_cut_by_length, items)) and _ends_in_headers(stream, self.at):
            # (its Content-Length is then what the file kept of that header line: "1" of 1254)
            items = [self._cut_in_headers("WARC")]
        unread: int = getattr(record.raw_stream, "limit", 0)
        if not items and unread > 0 and _damaged_member(stream.error):
            # A record with no page, its member damaged inside it: a reject of its own number
            # (the one after it said "after record N", and the records after it were numbered
            # one further)
            items = [Reject(self.source, self.number, f"{_damage_reason(stream.error)} (the "
                                                      f"record at {self._place(self.at)})")]
        elif not items and unread > 0 and stream.error is not None:
            # One the file ends inside (a gzip member cut): the same (it was taken for read
            # whole, a status line cut to "HTTP/1.1 20" for status 20)
            items = [_cut_off(self.source, self.number, record, stream,
                              f"the record at {self._place(self.at)}")]
        # (a record the file or a damaged member ended inside: it says so, and it is counted)
        self.cut = any(item.reason.startswith((_CUT, _DAMAGED)) if isinstance(item, Reject)
                       else ends_inside(item) for item in items)
        # A record skipped (no page) whose length runs past the end of the file: the records
        # it took are read from the first one's header on (if none follows, it is rejected).
        self.unsaid = not items and unread > 0 and stream.error is None
        if self.unsaid:
            self.cut, self.cut_at = True, self.at
        # (a length can also end, by chance, just before a blank line inside a record after
        # it, or after the records it took: _record_item finds their headers, and cuts a page
        # there)
        misaligned = not self.cut and (records.err_count > errors or swallowed)
        if misaligned:
            self.overran = _inner_record(stream, self.at, records.offset)
            if not seen:
                where = None if self.overran is None else self._place(self.overran)
                items = [_misaligned(item, record, where) for item in items]
            self.short = records.offset if self.overran is None else None
        else:
            self.short = None
        for item in items:
            if isinstance(item, Reject) and item.raw is None:
                item.raw = _record_headers(record)
        self.held, self.held_record = items, record
        self.cut_at, self.counted = self.at, False
        self.at = records.offset           # the next record's first line
        return misaligned

    def _failed(self, exc: Exception) -> Generator[Item | Reject, None, int | None]:
        """warcio could not read a record at `self.at`: where the next pass starts (None:
        nowhere; _UNDECIDED: the stream failed, and _ended says it)."""
        stream, at = self.stream, self.at
        if _damage_past_next_record(stream, at):
            # warcio's read ahead met the damage of a later record's member: this record's own
            # fault made it fail, and the damage is met again where reading reaches it
            # (it was said for this record, and the records between lost without a word).
            stream.error = None
        if at < 0 and stream.error is None:
            # warcio undid a gzip inside the data (a WARC gzipped whole, then gzipped again)
            # and lost count of where it is: nothing after can be placed, or looked for.
            yield from self.held
            self.held = []
            self.number += 0 if self.counted else 1
            yield Reject(self.source, self.number,
                         f"corrupt WARC record: {_why(exc, stream, 0)} (in a gzip inside the "
                         f"file, which holds the rest of it: unpack the file, e.g. with zcat, "
                         f"and clean what that gives)")
            return None
        # (only within this pass: a record read in an earlier one was judged there)
        back = _inner_record(stream, self.cut_at, at) if stream.error is None and \
            not self.counted and at > self.cut_at >= self.pass_start else None
        # (a page or a file may quote a record's first line: only a whole record counts)
        if back is not None and _whole_record_at(stream, back):
            # No record starts here, but one starts inside the record before: that one's
            # length ran on past a blank line of the next. Reading goes on at that header.
            if self.held_record is not None and not any(map(_is_flagged, self.held)):
                self.held = [_misaligned(item, self.held_record, self._place(back))
                             for item in self.held]
            yield from self.held
            self.held = []
            yield from self._passed_over(self.cut_at, back)
            return back
        if self.held_record is not None and not self.counted and at != self.short and \
                stream.error is None and _leftover(stream, at):
            # What follows the record before is body, not a record: that record's length ended
            # short, just before a line break (warcio took the line after it for a record's
            # first line).
            self.held = [_misaligned(item, self.held_record, None) for item in self.held]
            self.short = at
        yield from self.held
        self.held = []
        if stream.error is None and at == self.short and not starts_record(stream, at) and \
                _leftover(stream, at):
            # The rest of a record whose Content-Length ended short (its page is flagged): no
            # record of its own. Reading goes on at the next header, if one follows. (Where WARC
            # header fields follow, a record is there whose first line is damaged, and the blank
            # lines before it, which warcio took for a length that ended short: it is rejected
            # with its own number below; taken for the rest, it was lost without a word.)
            found = next_record(stream, at + 1)
            if found is not None:
                self.number -= 1 if self.counted else 0
                self.short = None
            return found
        if stream.error is not None:
            return _UNDECIDED
        cut = _cut_headers(stream, at)
        if cut == "WARC":
            # (warcio says what the cut left out: a WARC-Target-URI, a Content-Length)
            yield self._cut_in_headers(cut)
            return None
        self.number += 0 if self.counted else 1
        why = _why(exc, stream, at)
        # Go on at the next record header past this record's start, so that every retry moves
        # forward.
        found = next_record(stream, at + 1)
        ended_by = stream.error if found is None else None      # (the search met damage)
        yield Reject(self.source, self.number,
                     f"corrupt WARC record: {why} (the record at {self._place(at)}; "
                     + (f"reading goes on at byte {found})" if found is not None
                        else "no record follows it)"), _raw_block(header_block(stream, at)))
        yield from self._passed_over(at, found)
        # (kept for the pass to say: reading the record's header block again forgot it)
        stream.error = stream.error or ended_by
        return found

    def _passed_over(self, start: int, end: int | None) -> Iterator[Reject]:
        """The Rejects of the records whose header blocks lie in the bytes the reader passes
        over, from the end of the header block of the record at `start` to `end` (where it goes
        on; None: the end of the data), their first lines damaged, so that the search for the
        next record header line did not find them (damaged_headers): each counted, in the order
        met, so that the records after them keep their numbers. The stream's error is kept."""
        stream, error = self.stream, self.stream.error
        if end is not None and end <= start:
            return
        try:
            stream.seek(start)
            data = stream.read(RESYNC_WINDOW if end is None else min(end - start, RESYNC_WINDOW))
        except (EOFError, OSError, zlib.error):
            data = b""
        stream.error = error
        own = _HEADER_END.search(data)
        for offset in damaged_headers(data, own.end()) if own is not None else ():
            self.number += 1
            block = _HEADER_END.split(data[offset:offset + _LEFTOVER_LOOK], 1)[0]
            first = block.split(b"\n", 1)[0].rstrip(b"\r")
            url = _TARGET_URI.search(b"\n" + block + b"\n")
            said = ascii(first.decode("latin-1"))
            yield Reject(self.source, self.number,
                         f"corrupt WARC record: its first line ({said}) is no record header "
                         f"line (the record at {self._place(start + offset)}, passed over to "
                         + (f"{self._place(end)}, where reading goes on" if end is not None
                            else "the end of the data")
                         + (f"; its header names {url.group(1).decode('ascii')})" if url
                            else ")"), _raw_block(block))

    def _cut_in_headers(self, which: str) -> Reject:
        """The Reject of the record at `self.at`, whose `which` headers ("WARC", "HTTP") the
        data ends in."""
        self.number += 0 if self.counted else 1
        self.counted = True
        return Reject(self.source, self.number, f"{_CUT}: the file ends inside its {which} "
                                                f"headers (the record at {self._place(self.at)})",
                      _raw_block(_header_left_as_was(self.stream, self.at)))

    def _place(self, offset: int) -> str:
        """Where `offset` is, in words: in a gzip file, an offset into its decompressed bytes,
        not into the file (as gzip's errors and a CDX index give them)."""
        if offset < 0:                    # (no such place: warcio's count of a gzip it undid)
            return "an unknown byte"
        return f"byte {offset}" + (" of the decompressed stream" if self.stream.gz else "")

    def _ended(self, start: int) -> Generator[Item | Reject, None, int | None]:
        """The pass from `start` has ended without a record warcio could not read: where the
        next pass starts (None: nowhere), after a Reject for a stream that failed."""
        stream = self.stream
        if self.overran is not None:
            # A Content-Length that ran into the records after it: they are read from the
            # first one's header on, as if the length had been right.
            yield from self._passed_over(self.cut_at, self.overran)
            return self.overran
        if self.short is not None and self.short != start:
            # One that ended short: reading goes on where warcio would have gone on (and past
            # what is left of that record, in _failed, if that is no record).
            return self.short
        if self.cut and stream.error is None:
            # A Content-Length past the records after it: warcio read them as its payload, to
            # the end of the file. The reader goes on at the next record header in it.
            found = next_record(stream, self.cut_at + 1)
            if found is not None:
                self.cut = False
                yield from self._passed_over(self.cut_at, found)
                return found
            yield from self._passed_over(self.cut_at, None)
            if self.unsaid:
                # None follows: the file ends inside the skipped record (a status line cut to
                # "HTTP/1.1 20" reads as status 20), which a reject says, as for a page.
                declared = self.held_record.rec_headers.get_header("Content-Length")
                yield Reject(self.source, self.number,
                             f"{_CUT}: Content-Length {declared} but the file ends first (the "
                             f"record at {self._place(self.cut_at)})")
        if stream.error is None and not self.cut:
            cut = _cut_headers(stream, self.at)
            if cut is not None:
                # warcio takes a record whose headers the data ends in for the end of the file
                # (the end of its WARC headers, or its HTTP headers, never comes)
                yield self._cut_in_headers(cut)
                return None
        if self.unclosed and stream.error is None and not self.cut:
            # The record was read whole, and has its outcome as in the whole file (none, for a
            # record skipped): the file's end, in the blank lines after it, is said once, as
            # the end of a .warc.gz in the last bytes of that record's member is.
            yield Reject(self.source, None,
                         f"truncated WARC: the file ends inside the blank lines that close its "
                         f"last record (after record {self.number}, read to its end)")
        # A record already rejected as cut off has said where the data ends.
        if stream.error is not None and not self.cut:
            yield self._failed_member()
        lost = getattr(stream.error, "lost", None)
        if lost is not None:
            # The member after the damaged one lost its header with it: its record counts, so
            # that the records after it keep their numbers (a .warc.gz holds a record a member).
            self.number += 1
            yield Reject(self.source, self.number,
                         f"corrupt WARC record: its gzip member, at byte {lost} of the file, has "
                         f"a damaged header (as has the end of the member before it): the record "
                         f"is lost")
        yield from self._lost_members(lost)
        if getattr(stream.error, "resumed_at", None) is None:
            return None
        # A damaged gzip member, and another after it: the next record starts there (the
        # damaged member's record was counted, by its reject or when read).
        self.cut = False
        return stream.tell()

    def _lost_members(self, known: int | None) -> Iterator[Reject]:
        """The Rejects of the gzip members whose magic bytes are damaged that the search for the
        next member after a damaged one passed over (lost_members; `known`, one already said):
        each holds a record, counted, so that the records after it keep their numbers (they
        were one number short, and `explain` of one named the record after it)."""
        error = self.stream.error
        if not _damaged_member(error):
            return
        for offset, head in lost_members(self.stream.path, getattr(error, "start", None),
                                         getattr(error, "resumed_at", None), known):
            self.number += 1
            url = _block_url(_HEADER_END.split(head, 1)[0])
            yield Reject(self.source, self.number,
                         f"corrupt WARC record: its gzip member, at byte {offset} of the file, has "
                         f"a damaged header, and was passed over with the damaged member before "
                         f"it: the record is lost" + (f" (its header, possibly damaged, names "
                                                      f"{url})" if url else ""),
                         _raw_block(head))

    def _failed_member(self) -> Reject:
        """The Reject of a gzip member the stream failed in (cut or damaged) past the last record
        read: the record at `self.at`'s, counted once (warcio may have counted it before it
        failed); or, where the member is that last record's own, read to its end with nothing
        after it, the file's (that record has its outcome, and no record follows to number)."""
        error, stream = self.stream.error, self.stream
        said = f"truncated or corrupt WARC: {_error_words(error)}"
        begun = _record_begun(stream, self.at)
        # (what of the record the stream gave: its header block; the stream is left where it
        # was, its error and all, as the end of the pass goes on from there)
        block = _header_left_as_was(stream, self.at) if begun else b""
        if getattr(error, "given", 0) > 0 and not begun:
            return Reject(self.source, None, f"{said} (after record {self.number}, read to its "
                                             f"end from that member)")
        if isinstance(error, CorruptGzip) and _damaged_member(error) and not begun and \
                error.not_gzip and error.resumed_at is None and error.unread is not None and \
                error.unread < SMALLEST_MEMBER:
            # Bytes after the last member that do not open as one, too few to be one whose
            # header is damaged (a line break an editor added): no member, so no record, to
            # number. (More may be the last record's member, its magic bytes damaged.)
            return Reject(self.source, None, f"truncated or corrupt WARC: the "
                                             f"{counted(error.unread, 'byte')} after record "
                                             f"{self.number}'s gzip member, from byte "
                                             f"{error.start} to the end of the file, "
                                             f"{not_member_words(error.unread)}")
        self.number += 0 if self.counted else 1
        self.counted = True
        named = ""
        if _damaged_member(error):
            # Said as a member damaged inside its record is: whether the damage came before the
            # record's header or after it is the data's chance, and the record is lost either way.
            said = _damage_reason(error)
            # (a record begun was handed out up to the read that met the damage: its header is
            # in the stream, but how far before the damage is not known; else the damaged
            # member opens with it)
            url = _block_url(block) if begun else None
            named = _named_url((url, False) if url is not None else
                               None if begun else _member_url(error))
            # (a record none of whose bytes were handed out keeps what its member's start
            # inflated to before the damage: the header bytes a url is named from)
            block = block if begun else _member_head(error)
            named += ")" + _records_after(error, self.at)
        else:
            named += ")"
        return Reject(self.source, self.number,
                      f"{said} (the record at {self._place(self.at)}{named}", _raw_block(block))


def _damage_past_next_record(stream: Stream, at: int) -> bool:
    """Whether the stream's error is a gzip member's damage met further on in the data than the
    start of the next record after the one at `at`."""
    error = stream.error
    if not isinstance(error, CorruptGzip) or error.data_at is None:
        return False
    found = next_record(stream, at + 1)
    stream.error = error                # (the search's seek forgot it)
    return found is not None and found < error.data_at


def _records_after(error: BaseException | None, at: int) -> str:
    """What the reject of the record at `at` that a damaged gzip member (`error`) cut adds where
    the member began before it (a WARC gzipped as one member, `gzip crawl.warc`): any record
    after it in the member, which no reader can reach, is lost with it. Nothing for a record
    with a member of its own.

    >>> _records_after(CorruptGzip("x", None, given=900), 700)
    ''
    >>> damaged = CorruptGzip("x", None, given=900)
    >>> damaged.data_at = 1000
    >>> _records_after(damaged, 700)
    '; its member holds the records before it too, from byte 100 of the decompressed stream: any record after it in the member is lost with it'
    """
    if not isinstance(error, CorruptGzip) or error.data_at is None or \
            error.data_at - error.given >= at:
        return ""
    return (f"; its member holds the records before it too, from byte "
            f"{error.data_at - error.given} of the decompressed stream: any record after it in "
            f"the member is lost with it")


def _rest_holds_records(raw) -> bool:
    """Read a record's unread bytes to its end: whether from a record header on they are whole
    WARC records to the end (its length too large by exactly the records after it). Looked at
    up to _CHAIN_LOOK bytes from the header; a record holding more is taken as it says."""
    tail, kept = b"", bytearray()
    found = False
    while chunk := raw.read(1 << 16):
        if found:
            if len(kept) <= _CHAIN_LOOK:
                kept += chunk
            continue
        window = tail + chunk
        header = _INNER_HEADER.search(window)
        if header is None:
            tail = window[-64:]            # (a header across two reads)
            continue
        found, kept = True, bytearray(window[header.start():])
    return found and len(kept) <= _CHAIN_LOOK and _records_to_end(bytes(kept), 4)


# How much of a record, from a record header inside it, is looked at for whole records.
_CHAIN_LOOK = 1 << 20


def _inner_record(stream: Stream, start: int, end: int) -> int | None:
    """The offset of a record header inside the record at `start` that warcio read up to `end`
    (its Content-Length ran on into the records after it), or None."""
    found = next_record(stream, start + 1, min(end - start, RESYNC_WINDOW))
    return found if found is not None and found < end else None


def _whole_record_at(stream: Stream, offset: int) -> bool:
    """Whether a whole record starts at `offset`: a header block with its Content-Length, that
    many bytes, then the blank lines and another record's first line (or the end of the file)."""
    try:
        stream.seek(offset)
        head = stream.read(_LEFTOVER_LOOK)
        end = head.find(b"\r\n\r\n")
        length = _LENGTH_LINE.search(head, 0, end + 2) if end >= 0 else None
        if not head.startswith(RECORD_START) or length is None:
            return False
        stream.seek(offset + end + 4 + int(length.group(1)))
        after = stream.read(4 + len(RECORD_START))
    except (EOFError, OSError, zlib.error):
        return False
    return after[:4] == b"\r\n\r\n" and after[4:] in (RECORD_START, b"")


def _leftover(stream: Stream, offset: int) -> bool:
    """Whether the bytes at `offset`, where no record could be read, are the rest of a record
    before them (no record header line there, and, before the next one, no WARC header field
    in a header block that opens with a line the size of a record's first line, damaged as it
    may be: a page's quote of a header, after other bytes on its line, is body)."""
    end = next_record(stream, offset + 1, _LEFTOVER_LOOK)
    # (the header block a field at `offset` is in begins before it)
    before = min(offset, _BLOCK_BEFORE)
    try:
        stream.seek(offset - before)
        data = stream.read(before + ((end - offset) if end is not None else _LEFTOVER_LOOK))
    except (EOFError, OSError, zlib.error):
        return False
    # (the start of a record's first line, the file's end cutting the rest: a record's)
    if data[before:].startswith(RECORD_START[:len(data) - before]):
        return False
    return not any(_opens_with_first_line(data, field.start(), offset == before)
                   for field in _WARC_FIELD.finditer(data, before))


def _opens_with_first_line(data: bytes, at: int, whole: bool) -> bool:
    """Whether the header field line at `at` in `data` follows, over header field lines only, a
    line as long as a record's first line (header_line_sized: "GARBAGE0", a first line wholly
    damaged, is one; "<pre>WARC/1.0", a page's quote, is not). `whole`: `data` starts at the
    file's start (a line start; else the line there may have begun before)."""
    while at > 0:
        start = data.rfind(b"\n", 0, at - 1) + 1
        line = data[start:at].rstrip(b"\r\n")
        if start == 0 and not whole:
            return False
        if _ANY_FIELD.match(line) is None:
            return header_line_sized(line)
        at = start
    return False


# How far a leftover is looked at; the WARC header fields that mark a (damaged) record's header,
# and any header field line; how much before a leftover is read, for the header block a field
# at its start is in.
_LEFTOVER_LOOK = 1 << 16
_WARC_FIELD = re.compile(rb"(?:^|(?<=\n))WARC-(?:Type|Record-ID|Date|Target-URI):", re.IGNORECASE)
_ANY_FIELD = re.compile(rb"[A-Za-z0-9-]+:")
_BLOCK_BEFORE = 1 << 12


def _damaged_member(error: BaseException | None) -> bool:
    """Whether the stream failed on a damaged gzip member (not on the file's end inside one)."""
    return isinstance(error, CorruptGzip) and not error.cut


def _record_headers(record) -> str:
    """A record's WARC header block, and its HTTP headers where warcio read them, as a reject of
    it keeps its raw input (the page itself, maybe megabytes, is left out)."""
    http = record.http_headers
    text = record.rec_headers.to_str() + ("\r\n" + http.to_str() if http is not None else "")
    return text[:MAX_REJECT_RAW]


def _raw_block(block: bytes) -> str | None:
    """The header bytes read of a record warcio could not read whole, as its reject keeps them;
    None where none were read."""
    return raw_text(block) if block.strip() else None


def _member_url(error: BaseException | None) -> tuple[str, bool] | None:
    r"""The WARC-Target-URI of the record a damaged gzip member opens with, as its first bytes
    inflate before the damage (CorruptGzip.head), and whether the record's header block is
    known to come before the damage (CorruptGzip.sound); None where the head holds no whole
    header block or no url of a url's shape (_block_url).

    >>> head = b"WARC/1.0\r\nWARC-Target-URI: https://c.id/1\r\nContent-Length: 9\r\n\r\nIsi"
    >>> _member_url(CorruptGzip("x", None, head=head, sound=len(head)))
    ('https://c.id/1', True)
    >>> _member_url(CorruptGzip("x", None, head=head, sound=30))      # (the damage may lie in it)
    ('https://c.id/1', False)
    >>> _member_url(CorruptGzip("x", None)) is None
    True
    >>> _member_url(CorruptGzip("x", None, head=head[:45])) is None     # (no blank line yet)
    True
    """
    head = getattr(error, "head", b"")
    end = _HEADER_END.search(head)
    url = _block_url(head[:end.start()]) if end is not None else None
    if url is None or end is None:
        return None
    return url, end.end() <= getattr(error, "sound", 0)


def _member_head(error: BaseException | None) -> bytes:
    r"""What a damaged gzip member opening with a record inflated to before the damage
    (CorruptGzip.head), up to the end of the record's header block (its first blank line), as
    the reject keeps it for its raw input: the bytes _member_url reads the url from; all of
    them where no blank line came before the damage (b"": nothing came).

    >>> head = b"WARC/1.0\r\nWARC-Target-URI: https://c.id/1\r\n\r\nIsi berita"
    >>> _member_head(CorruptGzip("x", None, head=head))
    b'WARC/1.0\r\nWARC-Target-URI: https://c.id/1'
    >>> _member_head(CorruptGzip("x", None, head=head[:20])), _member_head(ValueError("x"))
    (b'WARC/1.0\r\nWARC-Targe', b'')
    """
    head = getattr(error, "head", b"")
    end = _HEADER_END.search(head)
    return head[:end.start()] if end is not None else head


def _block_url(block: bytes) -> str | None:
    r"""The WARC-Target-URI of a record's WARC header block (up to its closing blank line), where
    the block opens with a record's first line and the url is one word of printable ASCII with
    a scheme of letters, "://" and a host (damaged bytes seldom are); else None.

    >>> _block_url(b"WARC/1.1\nWARC-Target-URI: http://a.id/x\nContent-Length: 3")
    'http://a.id/x'
    >>> [_block_url(b"WARC/1.0\r\nWARC-Target-URI: " + url) for url in
    ...  (b"0https://a.id/", b"http-://a.id/", b"https:///x", b"https://a.id/\xe9", b"a b")]
    [None, None, None, None, None]
    """
    if not block.startswith(RECORD_START):
        return None
    # (the header's last line ends where the blank line starts)
    found = _TARGET_URI.search(block + b"\n")
    return found.group(1).decode("ascii") if found else None


def _named_url(url: tuple[str, bool] | None) -> str:
    """What a damaged member's reject adds to say its record's url: as read before the damage,
    or as possibly damaged where the damage may lie in the header."""
    if url is None:
        return ""
    return f"; its header, {'read before the damage' if url[1] else 'possibly damaged'}, " \
           f"names {url[0]}"


# A record's url header line, its url one word of printable ASCII: a scheme of letters, "://",
# and a host (no path, query or fragment character), then the rest.
_TARGET_URI = re.compile(rb"\nWARC-Target-URI:[ \t]*([A-Za-z]+://(?=[^/?#]*[A-Za-z0-9])[!-~]+)"
                         rb"[ \t]*\r?\n", re.IGNORECASE)


def _error_words(error: BaseException | None) -> str:
    """What the error a stream failed with says, as a reason gives it: its message (an
    OSError's without its errno), never its class name."""
    said = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
    return said.strip() or "the data could not be read on"


def _damage_reason(error: BaseException | None) -> str:
    """The reason of the reject of a record its damaged gzip member (`error`) cut: what it held
    before the damage is not kept in a WARC, so the report does not say it is."""
    return f"{_DAMAGED}: {str(error).replace(f'; {KEPT}', '')}"


def _is_flagged(item: Item | Reject) -> bool:
    """Whether a record's outcome is a page _record_item flagged for its length (a Reject has no
    page)."""
    return isinstance(item, Item) and any(flag["flag"] == OVERRAN
                                          for flag in item.hints.get("page_flags", ()))


def _length_flag(declared: str | None, what: str) -> dict[str, str]:
    """The flag of a page whose record's Content-Length (`declared`) lied, saying `what`."""
    return {"flag": OVERRAN, "reason": f"its WARC record's Content-Length ({declared}) {what}"}


def _misaligned(item: Item | Reject, record, overran: str | None) -> Item | Reject:
    """A page whose record's Content-Length does not end where a blank line and the next record
    begin, flagged (where `overran` says where it ran into the next record, "byte N", cut before
    that record's header, or the start of it that the page took)."""
    if not isinstance(item, Item):
        return item
    declared = record.rec_headers.get_header("Content-Length")
    if overran is not None:
        page = _before_inner_header(item.text)
        note = f"ran on into the record after it, at {overran}: " + (
            "the page was cut where that record starts" if len(page) < len(item.text) else
            "the page may hold some of its bytes")
        item.text = page
    else:
        note = "does not end at a record's end: the page may be cut short"
    item.hints.setdefault("page_flags", []).append(_length_flag(declared, note))
    return item


def _before_inner_header(text: str) -> str:
    r"""A page that ran on into the next record, without that record's header (its start, when
    only the start was taken).

    >>> _before_inner_header("</html>\r\n\r\nWARC/1.0\r\nWARC-Type: re")
    '</html>'
    >>> _before_inner_header("a\r\n\r\nWA"), _before_inner_header("a\r\nb")
    ('a', 'a\r\nb')
    """
    found = text.find(_HEADER_TEXT)
    if found >= 0:
        return text[:found]
    for size in range(min(len(_HEADER_TEXT), len(text)), 0, -1):
        if text.endswith(_HEADER_TEXT[:size]):
            return text[:-size]
    return text


def _cut_headers(stream: Stream, offset: int) -> str | None:
    """Which headers of a record at `offset` the data ends in: "WARC" (before the blank line
    that closes them), "HTTP" (a response's, after it); None where the data ends before the
    record (nothing there but blank lines) or after its headers."""
    try:
        stream.seek(offset)
        head = stream.read(_LEFTOVER_LOOK)
    except (EOFError, OSError, zlib.error):
        return None
    record = head.lstrip()
    # (a record's first line, or as much of it as there is: not junk after the last record)
    if len(head) == _LEFTOVER_LOOK or stream.error is not None or not record or \
            not record.startswith(RECORD_START[:len(record)]):
        return None
    ends = list(_HEADER_END.finditer(record))
    if not ends:
        return "WARC"
    http = len(ends) == 1 and _HTTP_RECORD.search(record) is not None
    return "HTTP" if http else None


# The blank line that closes a record's header block (warcio takes bare line feeds too), and the
# WARC-Type of a record whose HTTP headers come after it.
_HEADER_END = re.compile(rb"\r?\n\r?\n")
_HTTP_RECORD = re.compile(rb"\nWARC-Type:[ \t]*(?:response|request)\r?\n", re.IGNORECASE)


def _why(exc: Exception, stream: Stream, offset: int) -> str:
    """What was wrong with the record at `offset` that warcio could not parse, in a line."""
    from warcio.exceptions import ArchiveLoadFailed

    # (the first line that says something: warcio's message of a gzip holding several records
    # opens with a line break)
    said = next((line.strip()[:200] for line in str(exc).splitlines() if line.strip()), "")
    if isinstance(exc, (ArchiveLoadFailed, _BadRecord)):
        first = header_block(stream, offset).split(b"\n", 1)[0].rstrip(b"\r")[:200]
        # (warcio's says "first line: ['garbage', 'line', 'here']", a Python list of its words;
        # a file that is no WARC at all, a page gzipped under a .warc.gz name, it read as an ARC
        # record, which then had "no Content-Length header")
        if said.startswith("Unknown archive format") or isinstance(exc, _BadRecord) and \
                offset == 0 and b"WARC" not in first.upper():
            return f"its first line ({ascii(first.decode('latin-1'))}) is no WARC record " \
                   "header line"
        return said
    if isinstance(exc, AttributeError) and \
            b"\nwarc-target-uri:" not in header_block(stream, offset).lower():
        # warcio takes a response's WARC-Target-URI to be there, and fails on its absence
        return "no WARC-Target-URI header"
    # (in words: a class name says nothing to whoever reads the rejects; warcio's own message,
    # where it gives one, says what it choked on)
    return f"warcio could not parse it ({said})" if said else "warcio could not parse it"


class _Body:
    """A record's payload as warcio's decoders read it, noting the first line read and whether
    a read found nothing left: a chunked body's decoder stops without a word where the data
    ends inside a chunk. A chunked body's trailer (header fields after its last chunk, which
    warcio does not know) is passed over, as if the last chunk had none: else warcio took the
    body for one not chunked after all, its trailer for the page's, and the page for cut."""

    def __init__(self, raw):
        self.raw, self.first, self.dry = raw, None, False
        self.last = False                 # the line just read is the last chunk's size line

    def read(self, size: int | None = None) -> bytes:
        if self.last and size == 2:
            # (warcio reads the CRLF that ends a chunked body right after its last size line)
            self.last = False
            return self._end()
        self.last = False
        data = self.raw.read(size)
        self.dry = self.dry or not data and size != 0
        return data

    def readline(self, size: int | None = None) -> bytes:
        line = self.raw.readline(size)
        self.first = line if self.first is None else self.first
        self.dry = self.dry or not line and size != 0
        self.last = _LAST_CHUNK.fullmatch(line) is not None
        return line

    def _end(self) -> bytes:
        r"""The CRLF that ends a chunked body, read past its trailer's field lines if it has a
        trailer; what else is there where the bytes are no trailer (warcio then says the body is
        no chunked one), and b"" where the data ends first (the body is cut: said so).

        >>> import io
        >>> [_Body(io.BytesIO(data))._end()
        ...  for data in (b"\r\n", b"X-A: 1\r\nX-B: 2\r\n\r\n", b"X-A: 1\r\n", b"<p>x")]
        [b'\r\n', b'\r\n', b'', b'<p']
        """
        start = self.raw.read(2)
        if start == b"\r\n" or not start:
            self.dry = self.dry or not start
            return start
        line = start + self.raw.readline(_TRAILER_LINE)
        while _TRAILER_FIELD.fullmatch(line) is not None:
            line = self.raw.readline(_TRAILER_LINE)
            if line in (b"\r\n", b"\n"):
                return b"\r\n"
        self.dry = self.dry or not line
        return start if line else b""


# The longest trailer field line read (a longer one ends the trailer: the rest is no trailer).
_TRAILER_LINE = 1 << 13


class _Undoing:
    """What warcio's readers do to undo a Content-Encoding, and what came of it: `not_coded`
    where the body's first bytes did not decode (warcio then reads it as it is: a page
    labelled gzip that is not), `damage` the error that stopped the decoding later on (warcio
    wrote it to stderr and gave nothing more of the page, unsaid)."""

    not_coded = False
    damage: Exception | None = None

    def _decompress(self, data):
        decompressor = getattr(self, "decompressor", None)
        if decompressor is not None and data and getattr(self, "num_block_read", 0):
            try:
                return decompressor.decompress(data)
            except Exception as exc:    # zlib.error, brotli's own: the rest of it is lost
                self.damage = self.damage or exc
                return b""
        out = super()._decompress(data)     # type: ignore[misc]
        if decompressor is not None and getattr(self, "decompressor", None) is None:
            self.not_coded = True
        return out


@lru_cache(maxsize=1)
def _decoding_readers() -> tuple[type, type]:
    """warcio's two readers with what came of their decoding (_Undoing): a body, and a chunked
    body. Made once per process: classes made for every record cost a crawl of millions of
    records their making each time."""
    from warcio.bufferedreaders import BufferedReader, ChunkedDataException, ChunkedDataReader

    class Decoding(_Undoing, BufferedReader):
        pass

    class ChunkedDecoding(_Undoing, ChunkedDataReader):
        chunks = 0          # read whole before the framing broke, if it did (not_chunked)
        # It broke where the data ended (a cut), or after the last chunk's size line (a
        # trailer, or a cut there): _truncated_flag's to tell.
        at_last = False

        def _try_decode(self, length_header):
            try:
                super()._try_decode(length_header)
            except ChunkedDataException:
                self.at_last = length_header.split(b";")[0].strip() in (b"0", b"")
                raise
            self.chunks += 1

        @property
        def framing_broke(self) -> bool:
            """Whether a chunk size line did not read as one, where a chunk's data or size line
            was due: the rest of the body is then read as it came."""
            return self.not_chunked and not self.at_last

    return Decoding, ChunkedDecoding


def _content_stream(record) -> tuple[Any, _Body]:
    """The decoded payload stream of a record (chunks joined, a Content-Encoding undone), read
    through a _Body on the record's bytes: the stream warcio's content_stream makes, with a
    coding's old name (x-gzip) taken as the coding, and what came of the decoding (_Undoing)."""
    # (the record keeps its own raw stream, which the reader reads to its end later)
    body = _Body(record.raw_stream)
    if not record.http_headers:
        return body, body
    decoder = _decoder(record)
    decoding, chunked_decoding = _decoding_readers()
    if record.http_headers.get_header("Transfer-Encoding") == "chunked":
        return chunked_decoding(body, decomp_type=decoder), body
    return (decoding(body, decomp_type=decoder) if decoder else body), body


def _framing_flags(content) -> list[dict[str, str]]:
    """The flag of a chunked body whose framing broke (warcio then reads the rest as it came):
    from its start, a body labelled chunked that is not (read right as it is); further on, one
    whose later chunk size lines are in the page's text."""
    if not getattr(content, "framing_broke", False):
        return []
    if not content.chunks:
        why = "its body is labelled Transfer-Encoding chunked but is not chunked: read as it is"
    else:
        why = (f"its chunked body (Transfer-Encoding) breaks off after {content.chunks} "
               f"{'chunk' if content.chunks == 1 else 'chunks'}: the rest is read as it came, "
               "with any chunk size lines in it")
    return [{"flag": "transfer-encoding", "reason": why}]


def _coding_outcome(record, content, payload: bytes, url: str | None
                    ) -> tuple[str | None, list[dict[str, str]]]:
    """What undoing a page's Content-Encoding came to: a reject's reason where its body is coded
    data that does not decode (it was "binary data, not HTML"), a flag where the body is not
    in its coding but reads as a page (taken as it is); else (None, [])."""
    coding = _coding(record)
    if not getattr(content, "not_coded", False):
        return None, []
    if looks_binary(payload):
        return (f"its body, labelled Content-Encoding {coding}, does not decode (damaged "
                f"from its start): {url}"), []
    return None, [{"flag": "content-encoding",
                   "reason": f"its body is labelled Content-Encoding {coding} but is not in it: "
                             "read as it is"}]


def _truncated_flag(record, content, body: _Body) -> list[dict[str, str]]:
    """The flag of a page its record holds only the start of, read to its end from `content`
    (_content_stream): a crawler that says so (WARC-Truncated, as Common Crawl marks a payload
    over its size limit), a Content-Encoding or chunked body whose data ends before its own
    end does; else none."""
    from warcio.bufferedreaders import ChunkedDataReader

    said = record.rec_headers.get_header("WARC-Truncated")
    partial = _partial_content(record)
    if said is not None:
        why = f"its WARC record holds only the start of the page (WARC-Truncated: {said.strip()})"
    elif partial is not None:
        why = partial
    elif getattr(content, "damage", None) is not None:
        coding = record.http_headers.get_header("Content-Encoding")
        why = f"its body's {coding} data (Content-Encoding) is damaged: the page is cut where " \
              f"the damage starts ({content.damage})"
    elif getattr(getattr(content, "decompressor", None), "eof", True) is False:
        coding = record.http_headers.get_header("Content-Encoding")
        why = f"its body ends before the end of its {coding} data (Content-Encoding): the " \
              f"page is cut short"
    elif isinstance(content, ChunkedDataReader) and not getattr(content, "framing_broke", False) \
            and body.dry and \
            _CHUNK_SIZE.fullmatch(body.first or b"") is not None:
        why = "its chunked body (Transfer-Encoding) ends before its last chunk: the page is " \
              "cut short"
    else:
        return []
    return [{"flag": CUT_SHORT, "reason": why}]


def _partial_content(record) -> str | None:
    """Why a response of status 206 (Partial Content: the server sent the byte range a crawler
    asked for) holds only part of its page, where its Content-Range does not cover the whole
    page, or it gives none; None for any other response, or a range from the page's first byte
    to its last (kept as a page a crawler cut is: flagged, its text kept as far as it goes)."""
    if _status(record) != 206:
        return None
    said = record.http_headers.get_header("Content-Range")
    if said is None:
        return "its response is 206 Partial Content, with no Content-Range: the page may be " \
               "only a part"
    found = _CONTENT_RANGE.match(said)
    if found is not None and found.group(1) == "0" and found.group(3) != "*" and \
            int(found.group(2)) + 1 == int(found.group(3)):
        return None
    return f"its response is 206 Partial Content (Content-Range: {said.strip()[:80]}): the " \
           f"page is only a part"


def _no_web_page(record) -> str | None:
    """Why a resource or conversion record holds no page to clean: its target's scheme is one
    of no page whatever it holds (wget's metadata://gnu.org/software/wget/warc/wget.log, a dns:
    lookup), or another no web page's and the record is not HTML (a urn: note of plain text);
    None for one of a web page, one whose target has no scheme (read, as before), and a page of
    HTML under a file:// or urn: target (warcit stores saved pages so)."""
    url = record.rec_headers.get_header("WARC-Target-URI")
    found = _SCHEME.match(url) if url else None
    if found is None:
        return None
    scheme = found.group(1).lower()
    if scheme in _WEB_SCHEMES or scheme not in _NO_PAGE_SCHEMES and \
            _payload_type(record)[0] in HTML_TYPES:
        return None
    return f"WARC {record.rec_type} record of a {scheme}: URI, no web page"


def _identified_page(record, payload: bytes) -> bool:
    """Whether a record's payload is a page by the type its archiver identified from the bytes
    (WARC-Identified-Payload-Type, as Common Crawl sets it: a page served as
    application/octet-stream) and the bytes open as a page do."""
    identified = record.rec_headers.get_header("WARC-Identified-Payload-Type")
    return bool(identified) and identified.split(";", 1)[0].strip().lower() in HTML_TYPES and \
        opens_as_page(payload)


def _record_item(record, source: str, number: int, options: ReadOptions, skipped: _Skips,
                 stream: Stream) -> tuple[list[Item | Reject], bool]:
    """The record's page as an Item (a Reject where it cannot be one; nothing for a record
    skipped, noted in `skipped` under its number), and whether the record's length took whole
    records after it (then read from the first one's header on, by _Walk)."""
    if record.rec_type in _DOCUMENT_TYPES:
        why = _no_web_page(record)
        if why is not None:
            skipped.skip(number, why, record)
            return [], False
    if record.rec_type == "conversion" or record.rec_type == "resource" and \
            _payload_type(record)[0] == "text/plain":
        # (a resource of plain text is a document as a WET conversion is: a page's text an
        # archiver stored by itself)
        return _text_item(record, source, number, options, skipped, stream)
    if record.rec_type not in ("response", "resource"):
        skipped.skip(number, f"WARC {record.rec_type} record", record)
        return [], False
    url = record.rec_headers.get_header("WARC-Target-URI")
    opening = _not_http(record)
    if opening is not None:
        return [Reject(source, number, f"WARC response record with no HTTP response in it: "
                                       f"its block opens {opening!r}, not with an HTTP status "
                                       f"line (a page stored as it is is labelled text/html, "
                                       f"not application/http) ({url})",
                       raw=_record_headers(record))], False
    status = _status(record)
    if status is not None and not 200 <= status < 300:
        skipped.skip(number, f"HTTP status {status}", record)
        return [], False
    media, charset = _payload_type(record)
    limit = options.max_html_bytes
    content, body = _content_stream(record)
    payload = content.read(limit + 1)
    page = media in HTML_TYPES or (media is None and opens_as_page(payload)) or \
        _identified_page(record, payload)
    # (the rest of the record, read here: a chunked or gzip body's decoder stops at the body's
    # own end, and the bytes after it, up to the Content-Length, are not the page's. Whole
    # records there, or after a header in the page, count only for a page: an archived .warc,
    # a log quoting records, is what other records may rightly hold.)
    swallowed = page and len(payload) <= limit and _rest_holds_records(record.raw_stream)
    # (a page over the limit is read only in part, so its record is not finished either)
    ran_past = bool(getattr(record.raw_stream, "limit", 0)) and len(payload) <= limit
    declared = record.rec_headers.get_header("Content-Length")
    flags = []
    inner = _INNER_HEADER.search(payload)
    # (a page over the limit was read in part: the records in it may be cut at its end)
    if inner is not None and (ran_past or page and _records_to_end(
            payload, inner.start() + 4, cut_off=len(payload) > limit)):
        # The Content-Length ran on into the records after it: past the end of the file, or
        # by exactly those records (iter_warc reads them from the first one's header on). The
        # page ends there. (A page that only quotes a record's header is left whole.)
        payload = payload[:inner.start()]
        swallowed = True
        flags.append(_length_flag(declared, "ran on into the record after it: the page was cut "
                                            "where that record starts"))
    elif swallowed:
        # The same, where the page's own end came before them (a chunked or gzip body): the
        # page is whole.
        flags.append(_length_flag(declared, "ran on into the records after it"))
    elif ran_past and (not page or _damaged_member(stream.error)):
        return [_cut_off(source, number, record, stream, url)], False
    # (the data ends inside the page: no next record's header in it says where it should end)
    ended = ran_past and not flags and not swallowed
    if not page:
        skipped.skip(number, f"not HTML ({media or 'no content type'})", record)
        return [], swallowed
    if ended:
        # The file ends inside the page: it is cleaned as far as it goes and flagged, as a
        # page a crawler cut (WARC-Truncated) is; one outcome per record keeps the counts and
        # a resumed run's positions (before, the page was lost with a reject).
        flags.append({"flag": CUT_SHORT, "reason": f"{_ENDS_INSIDE} (Content-Length "
                                                   f"{declared}): the page is cut short"})
    outcome = _page(record, source, number, payload, charset, url, limit, flags, content, body)
    if ended and isinstance(outcome, Reject):
        return [_cut_off(source, number, record, stream, url)], False
    return [outcome], swallowed


def _page(record, source: str, number: int, payload: bytes, charset: str | None,
          url: str | None, limit: int, flags: list[dict[str, str]], content, body: _Body
          ) -> Item | Reject:
    """A response's or resource's page bytes as an HTML item (`flags`: the reader's notes on
    it), or the Reject that says why they are none."""
    coding = _undone_coding(record)
    if coding is not None and looks_binary(payload):
        # Still in a coding warcio has no decoder for: "binary data" would hide why, and a
        # larger --max-html-bytes would not help. (A page an archive kept decoded, header and
        # all, reads as text, and is read.)
        return Reject(source, number, f"{_coding_reason(coding)}: {url}")
    if len(payload) > limit:
        return Reject(source, number, f"HTML page larger than {limit} bytes: raise "
                                      f"--max-html-bytes to read it ({url})")
    undecoded, coded = _coding_outcome(record, content, payload, url)
    if undecoded is not None:
        return Reject(source, number, undecoded)
    try:
        text, encoding, notes = decode_html(payload, charset)
    except DecodeError as exc:
        return Reject(source, number, f"{exc}: {url}")
    if not text.strip():
        return Reject(source, number, f"empty page: {url}")
    fields = _record_fields(record, url)
    if encoding not in UTF8_ENCODINGS:
        fields["encoding"] = encoding
    # (no fallback date: the WARC-Date, carried as warc_date, is when the page was fetched; as
    # meta.date it passed for a publication time, where the same text from a WET file has none)
    hints = {"page_flags": [charset_flag(n) for n in notes] + flags + coded
             + _framing_flags(content) + _truncated_flag(record, content, body)}
    return Item(source, number, text, fields, len(payload), kind="html", hints=hints)


def kept_cut_short(line: bytes, places: dict[str, str] | None = None) -> str | None:
    """What a run says on stderr of a cleaned record (its JSON line) whose page or text (a WET
    conversion record's) the file ended inside, kept as far as it goes and flagged; None for any
    other record (a page a crawler cut, WARC-Truncated, is no file cut short). The flag's words
    are looked for first, so that other records cost no parse.

    The record is named as a reject is, by the file as given and its record (`places`: where
    each such record was read, by its id: ReadLog.cut_places), with its id: "kept
    dump/crawl.warc.gz record 11 (id crawl.warc.gz:11) ..."; by its id alone where reading
    did not say (a Ray run reads on the cluster)."""
    if _ENDS_INSIDE_BYTES not in line:
        return None
    import orjson

    record = orjson.loads(line)
    for flag in record.get("flags") or ():
        reason = flag.get("reason") if isinstance(flag, dict) else None
        if flag.get("flag") == CUT_SHORT and isinstance(reason, str) and \
                reason.startswith(_ENDS_INSIDE):
            record_id = str(record.get("id"))
            place = (places or {}).pop(record_id, None)
            named = record_id if place is None else f"{place} (id {shown_id(record_id)})"
            return f"kept {named} as far as the file goes, flagged {CUT_SHORT}: {reason}"
    return None


_ENDS_INSIDE_BYTES = _ENDS_INSIDE.encode()


def ends_inside(item: Item) -> bool:
    """Whether an item is a page or a text the file ends inside, kept as far as it goes (the
    reader's log names where: ReadLog.cut_places)."""
    return any(flag["reason"].startswith(_ENDS_INSIDE)
               for flag in (item.hints or {}).get("page_flags", ()))


def _record_begun(stream: Stream, offset: int) -> bool:
    """Whether the data a failed stream gave (up to where it is) holds the start of a record at
    `offset`, not nothing or bytes a damaged member made of its end; the stream is left as it
    was, its error and all."""
    error, end = stream.error, stream.tell()
    try:
        stream.seek(offset)
        head = stream.read(max(0, min(end - offset, _LEFTOVER_LOOK))).lstrip()
        stream.seek(end)
    except (EOFError, OSError, zlib.error):
        head = b""
    stream.error = error
    return bool(head) and RECORD_START.startswith(head[:len(RECORD_START)])


def _header_left_as_was(stream: Stream, offset: int) -> bytes:
    """The header block of the record at `offset` (header_block); the stream is left where it
    was, its error and all."""
    error, where = stream.error, stream.tell()
    block = header_block(stream, offset)
    try:
        stream.seek(where)
    except (EOFError, OSError, zlib.error):
        pass
    stream.error = error
    return block


def _closing(stream: Stream, end: int, after: int) -> bytes | None:
    """The bytes from a record's `end` to `after` (where the next record starts, or the data
    ends), where they are fewer than the four of the two blank lines (CRLF CRLF) a record closes
    with; None where they are not, or cannot be read. Only such short closings are read: a
    record closed as the format says costs no read. The stream is left where it was, its error
    and all."""
    if after - end >= 4:
        return None
    error, where = stream.error, stream.tell()
    try:
        stream.seek(end)
        blank: bytes | None = stream.read(after - end)
        stream.seek(where)
    except (EOFError, OSError, zlib.error):
        blank = None
    stream.error = error
    return blank


def _short_closing(blank: bytes) -> bool:
    r"""Whether a record's closing bytes (_closing) are less than the two blank lines a record
    closes with (CRLF CRLF, or bare line feeds as warcio takes them).

    >>> [_short_closing(b) for b in (b"", b"\r\n", b"\n\n", b"\r\n\n", b"\n\r\n")]
    [True, True, False, False, False]
    """
    return blank not in (b"\n\n", b"\r\n\n", b"\n\r\n")


def _cut_by_length(item: Item | Reject) -> bool:
    """Whether an outcome is a _cut_off Reject that names the record's Content-Length."""
    return isinstance(item, Reject) and item.reason.startswith(f"{_CUT}: Content-Length ")


def _ends_in_headers(stream: Stream, offset: int) -> bool:
    """Whether the data ends inside the WARC headers of the record at `offset` (the stream's
    error, what ended a gzip file, is kept: the reader says it)."""
    error = stream.error
    try:
        return _cut_headers(stream, offset) == "WARC"
    finally:
        stream.error = error


def _cut_off(source: str, number: int, record, stream: Stream, url: str | None) -> Reject:
    """The Reject of a record the data ended inside: the file's end, or a damaged gzip member."""
    error = stream.error
    if _damaged_member(error):
        return Reject(source, number, f"{_damage_reason(error)} ({url})")
    declared = record.rec_headers.get_header("Content-Length")
    return Reject(source, number, f"{_CUT}: Content-Length {declared} but the file ends first"
                  + (f" ({_error_words(error)})" if error is not None else "")
                  + f" ({url})")


def _text_item(record, source: str, number: int, options: ReadOptions, skipped: _Skips,
               stream: Stream) -> tuple[list[Item | Reject], bool]:
    """A conversion record's text (Common Crawl's WET), or a resource record's of text/plain,
    as a text item, read as a .txt article is (--encoding, --max-record-bytes); a conversion
    to another type is skipped and counted. Where the file ends inside the record, the text is
    kept as far as it goes and flagged, as a page is; and whether the record's length took
    records after it (the text then ends where the first one starts, as a page does)."""
    url = record.rec_headers.get_header("WARC-Target-URI")
    media, _ = _payload_type(record)
    if media not in (None, "text/plain"):
        skipped.skip(number, f"not text (conversion to {media})", record)
        return [], False
    limit = options.max_record_bytes
    data = record.raw_stream.read(limit + 1)
    if len(data) > limit:
        return [Reject(source, number, f"text larger than {limit} bytes: raise "
                                       f"--max-record-bytes to read it ({url})")], False
    if not getattr(record.raw_stream, "limit", 0):
        item = _text(record, source, number, data, options.encoding, url, [])
        return [item], False
    if _damaged_member(stream.error) or record.rec_type not in _KEPT_WHEN_CUT:
        # (what a damaged member gave in place of the rest is not the record's text: rejected,
        # as a page is)
        return [_cut_off(source, number, record, stream, url)], False
    declared = record.rec_headers.get_header("Content-Length")
    inner = _INNER_HEADER.search(data)
    if inner is not None:
        # The Content-Length ran on into the records after it and past the end of the file:
        # the text ends where the first one starts, and they are read from its header on.
        flag = _length_flag(declared, "ran on into the record after it: the text was cut "
                                      "where that record starts")
        return [_text(record, source, number, data[:inner.start()], options.encoding, url,
                      [flag])], True
    # The file ends inside the text: kept as far as it goes and flagged, as a page the file
    # ends inside is (before, the text was lost with a reject). With nothing left to keep, the
    # reject says where the file ended.
    flag = {"flag": CUT_SHORT, "reason": f"{_ENDS_INSIDE} (Content-Length {declared}): the "
                                         f"text is cut short"}
    item = _text(record, source, number, _whole_characters(data, options.encoding),
                 options.encoding, url, [flag])
    if isinstance(item, Reject):
        return [_cut_off(source, number, record, stream, url)], False
    return [item], False


def _text(record, source: str, number: int, data: bytes, encoding: str, url: str | None,
          flags: list[dict[str, str]]) -> Item | Reject:
    """A record's text bytes as a text item (`flags`: the reader's notes on it, which its
    record's flags get), or the Reject that says why they are none."""
    try:
        text, used = decode_bytes(data, encoding)
    except DecodeError as exc:
        return Reject(source, number, f"{exc}: {url}")
    if not text.strip():
        return Reject(source, number, f"empty document: {url}")
    fields = _record_fields(record, url)
    if used not in UTF8_ENCODINGS:
        fields["encoding"] = used
    return Item(source, number, text, fields, len(data),
                hints={"page_flags": flags} if flags else {})


def _whole_characters(data: bytes, encoding: str) -> bytes:
    r"""Text bytes a cut may have ended inside a UTF-8 character, without that character's
    first bytes where it did (they would make the whole text invalid UTF-8, or, read with
    --encoding auto, another charset's); as they are otherwise.

    >>> _whole_characters("café".encode()[:-1], "utf-8"), _whole_characters(b"ab\xc3", "latin-1")
    (b'caf', b'ab\xc3')
    >>> _whole_characters("日本".encode()[:-1], "auto")
    b'\xe6\x97\xa5'
    >>> _whole_characters("crème brûlé".encode("cp1252"), "auto")[-3:]
    b'\xfbl\xe9'
    """
    if encoding.lower() not in ("utf-8", "utf8", "auto"):
        return data
    whole = whole_characters(data)
    return whole if len(whole) < len(data) and is_utf8(whole) else data


def _record_fields(record, url: str | None) -> dict[str, Any]:
    """The fields a record's document carries from its WARC headers: its url, record id and
    crawl date."""
    fields: dict[str, Any] = {"url": url}
    record_id = record.rec_headers.get_header("WARC-Record-ID")
    if record_id:
        fields["warc_record_id"] = record_id
    warc_date = record.rec_headers.get_header("WARC-Date")
    if warc_date:
        fields["warc_date"] = warc_date
    return fields
