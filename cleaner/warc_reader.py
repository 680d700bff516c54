"""WARC and WARC.gz to HTML items: response records with an HTML payload; others skipped and counted, corrupt ones rejected."""

from __future__ import annotations

import gzip
import io
import re
import zlib
from collections import Counter
from pathlib import Path
from typing import Iterator

from cleaner.decode import UTF8_ENCODINGS, DecodeError
from cleaner.html_charset import decode_html, header_charset
from cleaner.inputs import Item, ReadOptions, Reject

WARC_SUFFIXES = (".warc", ".warc.gz")
HTML_TYPES = ("text/html", "application/xhtml+xml")
# How far past a corrupt record to look for the next record header before giving up.
RESYNC_WINDOW = 64 << 20
_SNIFF = re.compile(rb"^\s*(?:<!doctype\s+html|<html|<head|<body|<!--)", re.IGNORECASE)
_RECORD_START = b"WARC/1."


def is_warc(name: str) -> bool:
    return name.lower().endswith(WARC_SUFFIXES)


class _Stream:
    """A binary stream that turns a read error into end of data and keeps the error.

    warcio takes an exception from the stream beneath it as the end of the archive, so a
    truncated or damaged gzip would end a file without a word; this keeps the error for a Reject.
    """

    def __init__(self, inner: io.BufferedIOBase):
        self.inner = inner
        self.error: BaseException | None = None

    def read(self, size: int = -1) -> bytes:
        """Up to `size` bytes (all with -1), in small steps so that the data before an error
        still arrives."""
        if self.error is not None:
            return b""
        read1 = getattr(self.inner, "read1", self.inner.read)
        parts: list[bytes] = []
        wanted = size if size is not None and size >= 0 else float("inf")
        got = 0
        while got < wanted:
            try:
                chunk = read1(int(min(wanted - got, 1 << 16)))
            except (EOFError, OSError, zlib.error, ValueError) as exc:
                self.error = exc
                break
            if not chunk:
                break
            parts.append(chunk)
            got += len(chunk)
        return b"".join(parts)

    def seek(self, offset: int, whence: int = 0) -> int:
        self.error = None
        return self.inner.seek(offset, whence)

    def tell(self) -> int:
        return self.inner.tell()

    def close(self) -> None:
        self.inner.close()

    def __enter__(self) -> "_Stream":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _open(path: Path) -> _Stream:
    """The uncompressed WARC stream: gzip members are read one after another."""
    if path.name.lower().endswith(".gz"):
        return _Stream(gzip.open(path, "rb"))
    return _Stream(open(path, "rb"))


def _payload_type(record) -> tuple[str | None, str | None]:
    """(media type, charset) of a response record's HTTP payload."""
    headers = record.http_headers
    content_type = headers.get_header("Content-Type") if headers is not None else None
    if not content_type:
        return None, None
    media = content_type.split(";", 1)[0].strip().lower()
    return media, header_charset(content_type)


def _status(record) -> int | None:
    headers = record.http_headers
    if headers is None:
        return None
    try:
        return int(headers.get_statuscode())
    except (TypeError, ValueError):
        return None


def iter_warc(path: Path, options: ReadOptions, skipped: Counter | None = None
              ) -> Iterator[Item | Reject]:
    """Items for the HTML responses of a WARC file, Rejects for records that cannot be read.

    A record that is not an HTTP response with an HTML payload (requests, metadata, images,
    redirects) is skipped and counted in `skipped` by reason. After a corrupt record the reader
    looks for the next record header and goes on; a damaged gzip stream ends the file with a
    Reject naming where.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    skipped = skipped if skipped is not None else Counter()
    source = str(path)
    try:
        stream = _open(path)
    except OSError as exc:
        yield Reject(source, None, f"cannot read: {exc.strerror or exc}")
        return
    number = 0
    start = 0
    last_good = 0
    with stream:
        while True:
            try:
                stream.seek(start)
                records = ArchiveIterator(stream, check_digests=False)
                for record in records:
                    number += 1
                    yield from _record_item(record, source, number, options, skipped)
                    # (asking for the offset reads the record to its end: only after using it)
                    last_good = start + records.get_record_offset()
            except ArchiveLoadFailed as exc:
                number += 1
                where = f"after the record at byte {last_good}" if number > 1 else "first record"
                yield Reject(source, number, f"corrupt WARC record: "
                                             f"{str(exc).splitlines()[0][:200]} ({where})")
                # Look for the next record header past both the last good record and the
                # place this attempt started, so that every retry moves forward.
                found = _next_record(stream, max(start, last_good) + 1)
                if found is None:
                    return
                start = found
                continue
            except (EOFError, OSError, zlib.error, ValueError) as exc:
                stream.error = stream.error or exc
            if stream.error is not None:
                yield Reject(source, number + 1, f"truncated or corrupt WARC: "
                                                 f"{type(stream.error).__name__}: {stream.error} "
                                                 f"(after record {number})")
            return


def _next_record(stream: _Stream, offset: int) -> int | None:
    """The offset of the next 'WARC/1.x' header line at or after `offset`, if any."""
    try:
        stream.seek(offset)
        window = stream.read(RESYNC_WINDOW)
    except (EOFError, OSError, zlib.error):
        return None
    at = 0
    while True:
        found = window.find(_RECORD_START, at)
        if found < 0:
            return None
        if found == 0 and offset > 0 or found > 0 and window[found - 1:found] == b"\n":
            return offset + found
        at = found + 1


def _record_item(record, source: str, number: int, options: ReadOptions,
                 skipped: Counter) -> Iterator[Item | Reject]:
    if record.rec_type != "response":
        skipped[f"WARC {record.rec_type} record"] += 1
        return
    url = record.rec_headers.get_header("WARC-Target-URI")
    status = _status(record)
    if status is not None and not 200 <= status < 300:
        skipped[f"HTTP status {status}"] += 1
        return
    media, charset = _payload_type(record)
    limit = options.max_html_bytes
    payload = record.content_stream().read(limit + 1)
    if getattr(record.raw_stream, "limit", 0):
        declared = record.rec_headers.get_header("Content-Length")
        yield Reject(source, number, f"truncated WARC record: Content-Length {declared} but the "
                                     f"file ends first ({url})")
        return
    if media not in HTML_TYPES and not (media is None and _SNIFF.match(payload[:512])):
        skipped[f"not HTML ({media or 'no content type'})"] += 1
        return
    if len(payload) > limit:
        yield Reject(source, number, f"HTML page larger than {limit} bytes: raise "
                                     f"--max-html-bytes to read it ({url})")
        return
    try:
        text, encoding, notes = decode_html(payload, charset)
    except DecodeError as exc:
        yield Reject(source, number, f"{exc}: {url}")
        return
    if not text.strip():
        yield Reject(source, number, f"empty page: {url}")
        return
    fields = {"url": url}
    record_id = record.rec_headers.get_header("WARC-Record-ID")
    if record_id:
        fields["warc_record_id"] = record_id
    warc_date = record.rec_headers.get_header("WARC-Date")
    if warc_date:
        fields["warc_date"] = warc_date
    if encoding not in UTF8_ENCODINGS:
        fields["encoding"] = encoding
    hints = {"fallback_date": warc_date, "page_flags": [{"flag": "charset", "reason": n}
                                                        for n in notes]}
    yield Item(source, number, text, fields, len(payload), kind="html", hints=hints)
