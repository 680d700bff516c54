"""One document per file: a .txt article or an .html page (plain, .gz or .zst), read and decoded, or named (TextFile) to be read where it is cleaned."""

from __future__ import annotations

import os
import zlib
from typing import Any, Callable, NamedTuple

from cleaner.decode import UTF8_ENCODINGS, DecodeError, decode_bytes
from cleaner.inputs import (COMPRESSED_SUFFIXES, GZIP_MAGIC, HTML_SUFFIXES, MAX_REJECT_RAW,
                            ZSTD_MAGIC, Item, ReadOptions, Reject, opens_as_page, raw_text,
                            without_compression)
from cleaner.jsonl_reader import open_compressed


class TextFile(NamedTuple):
    """A .txt file (one article) or .html file (one page) named, not read yet: `parsed()` reads
    and decodes it where it is cleaned.

    Opening, reading and decoding a small file took the main process of a parallel run about 36
    microseconds, and then its text went through a pipe: on 20,000 articles with 2 workers, that
    process took 1.3-2.3 s of CPU, 0.8-1.0 s now that the workers read the files. On 2 cores
    the run takes as long (the work moves, both cores were busy); with more cores, the main
    process can feed more workers. `size` is the file's size when it was listed; `work`, once
    the file is batched (`weighed`), the bytes its worker will read: a compressed file's once
    decompressed (0: not weighed yet).
    """

    source: str
    record_id: str
    options: ReadOptions
    size: int
    html: bool = False
    work: int = 0

    def weighed(self) -> "TextFile":
        """This file with the bytes its worker will read (`work`), found once, in the main
        process, where it is batched: what batches, the bytes in flight and a worker's heap
        trim count (batches.item_bytes). A plain file weighs its size, as it is (no copy: a
        folder of 20,000 articles took 0.05 s more to batch with one)."""
        if not self.source.lower().endswith(COMPRESSED_SUFFIXES):
            return self
        limit = self.options.max_html_bytes if self.html else self.options.max_record_bytes
        return self._replace(work=decompressed_size(self.source, self.size, limit))

    @property
    def line(self) -> None:       # a file is one document: no line number, as its Item has
        return None

    @property
    def text(self) -> str:        # what a Reject keeps of a file that crashed a worker
        try:
            with open_compressed(self.source) as stream:
                return raw_text(stream.read(MAX_REJECT_RAW))
        except Exception:          # a damaged file keeps nothing
            return ""

    def parsed(self) -> Item | Reject:
        if self.html:
            return read_html_file(self.source, self.record_id, self.options)
        return read_text_file(self.source, self.record_id, self.options)


# The most a zstd frame header takes (magic 4, descriptor 1, window 1, dictionary 4, content
# size 8), and the least a gzip file takes (header 10, an empty deflate block 2, trailer 8).
ZSTD_HEADER_BYTES = 18
GZIP_LEAST_BYTES = 20


def decompressed_size(path: str, size: int, limit: int) -> int:
    """The bytes a worker will read of a file listed at `size` bytes: for a .gz file, its size
    once decompressed as its gzip trailer says (ISIZE, the last 4 bytes), for a .zst file as its
    first frame's header says, if it does. Never less than `size` (the trailer is the last
    member's, the header the first frame's, and the size mod 4 GB: a lower bound), nor more than
    `limit` and one byte (the worker reads no more, and refuses the file). A plain file, or one
    that cannot tell (too short, gone, unreadable), weighs `size`. Never raises.

    One small read a file, at its end (gzip) or start (zstd); the magic number is not checked,
    as a second read cost the main process as much again (20,000 .txt.gz files: opening and
    closing them 0.09 s of CPU, with the trailer read 0.13-0.15 s, with the magic and fstat too
    0.19-0.21 s). A file that is not gzip, or is cut off, says some size within the bounds and
    is refused by its worker as before.
    """
    name = path.lower()
    gz = name.endswith(".gz")
    if not gz and not name.endswith((".zst", ".zstd")) or gz and size < GZIP_LEAST_BYTES:
        return size
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return size
    try:
        if gz:
            trailer = os.pread(fd, 4, size - 4)
            told = int.from_bytes(trailer, "little") if len(trailer) == 4 else 0
        else:
            told = _zstd_content_size(os.pread(fd, ZSTD_HEADER_BYTES, 0))
    except OSError:         # (a folder named .gz, a read error: the worker says why)
        told = 0
    finally:
        os.close(fd)
    return min(max(told, size), limit + 1)


def _zstd_content_size(head: bytes) -> int:
    """The content size a zstd frame header says, from the file's first bytes; 0 where it says
    none (a streamed frame), or the bytes are not a frame header."""
    import zstandard

    try:
        return max(zstandard.frame_content_size(head), 0)     # (-1: not said)
    except Exception:        # (zstandard.ZstdError: not a frame, or a header cut short)
        return 0


def _read_capped(path: str, limit: int, too_big: Callable[[str], str]) -> bytes | Reject:
    """A file's bytes (decompressed, for a .gz or .zst file), or a Reject when it cannot be read
    or holds more than `limit` bytes (`too_big` says so, given how much: "N bytes")."""
    if path.lower().endswith(COMPRESSED_SUFFIXES):
        return _read_decompressed(path, limit, too_big)
    return _read_plain(path, limit, too_big)


def _read_plain(path: str, limit: int, too_big: Callable[[str], str]) -> bytes | Reject:
    """A file's bytes as they are (_read_capped)."""
    # A descriptor, not a file object: a folder of small articles spends as long finding and
    # opening files as reading them, and open()'s FileIO and buffer took 4 of the 10
    # microseconds a 2 KB article took to read. The size comes from the open file, not the
    # path: one lookup of the name, not two.
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError as exc:
        return Reject.unreadable(path, exc)
    try:
        size = os.fstat(fd).st_size
        if size > limit:
            return Reject(path, None, too_big(f"{size} bytes"))
        return _read_to_end(fd, size + 1)
    except OSError as exc:
        return Reject.unreadable(path, exc)
    finally:
        os.close(fd)


def _opens_compressed(path: str) -> bool:
    """Whether a file named .gz or .zst opens as that compression says (its magic number), or
    cannot be looked at (the read that follows says why) or is empty (refused as empty)."""
    magic = GZIP_MAGIC if path.lower().endswith(".gz") else ZSTD_MAGIC
    try:
        with open(path, "rb") as stream:
            head = stream.read(len(magic))
    except OSError:
        return True
    return not head or head == magic


def _read_decompressed(path: str, limit: int, too_big: Callable[[str], str]) -> bytes | Reject:
    """A compressed file's content, read whole: one damaged or cut-off part and the document is
    refused, since what comes before the damage cannot be told from good data."""
    import zstandard

    try:
        with open_compressed(path) as stream:
            data = stream.read(limit + 1)      # a small file may inflate to any size
    # A damaged or cut-off gzip member (CorruptGzip) or zstd frame (CorruptZstd) is a ValueError.
    except (ValueError, EOFError, zlib.error, zstandard.ZstdError) as exc:
        if not _opens_compressed(path):
            # Misnamed, not damaged (a server's page saved as page.html.gz): read as it is, as
            # a JSON lines file so named is.
            return _read_plain(path, limit, too_big)
        return Reject(path, None, f"cannot decompress: {exc}")
    except OSError as exc:
        return Reject.unreadable(path, exc)
    if len(data) > limit:
        return Reject(path, None, too_big(f"over {limit} bytes once decompressed"))
    return data


def _read_to_end(fd: int, first: int) -> bytes:
    """What is left to read of an open file, asking for `first` bytes at once (a regular
    file's size and one: its end is then found by the next read, which gives nothing)."""
    chunks = []
    want = first
    while chunk := os.read(fd, want):
        chunks.append(chunk)
        want = 1 << 20
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def read_text_file(path: str, record_id: str, options: ReadOptions) -> Item | Reject:
    """A whole .txt file as one document."""
    limit = options.max_record_bytes
    data = _read_capped(path, limit, lambda size: f"file of {size} is larger than {limit}; "
                                                  "raise --max-record-bytes")
    return data if isinstance(data, Reject) else text_item(data, path, record_id, options)


def text_item(data: bytes, source: str, record_id: str, options: ReadOptions) -> Item | Reject:
    """One article's bytes as a text item, or as a page if they open as one (opens_as_page)."""
    if opens_as_page(data):
        return html_item(data, source, record_id)
    try:
        text, encoding = decode_bytes(data, options.encoding)
    except DecodeError as exc:
        return Reject(source, None, str(exc))
    if not text.strip():
        return Reject(source, None, "empty document")
    fields: dict[str, Any] = {"id": record_id}
    if encoding not in UTF8_ENCODINGS:
        fields["encoding"] = encoding
    return Item(source, None, text, fields, len(data))


def is_html(name: str) -> bool:
    """Whether a file's name says it is a web page (compressed or not)."""
    return without_compression(name).lower().endswith(HTML_SUFFIXES)


def unread_compressed(name: str) -> bool:
    """Whether a name is of a compressed file that is not one document: a .txt article or a web
    page (compressed JSONL and WARC are read before this is asked)."""
    bare = without_compression(name)
    return bare != name and not bare.lower().endswith((".txt", *HTML_SUFFIXES))


def read_html_file(path: str, record_id: str, options: ReadOptions) -> Item | Reject:
    """A whole .html file as one web page."""
    limit = options.max_html_bytes
    data = _read_capped(path, limit, lambda size: f"HTML page larger than {limit} bytes: "
                                                  f"{size}; raise --max-html-bytes to read it")
    return data if isinstance(data, Reject) else html_item(data, path, record_id)


def html_item(data: bytes, source: str, record_id: str, http_charset: str | None = None,
              line: int | None = None) -> Item | Reject:
    """Web page bytes as an HTML item: charset from the HTTP header, <meta charset>, detection."""
    from cleaner.html_charset import charset_flag, decode_html

    try:
        text, encoding, notes = decode_html(data, http_charset)
    except DecodeError as exc:
        # A whole file's (or stream's) raw is null, as a binary or undecodable .txt file's is
        # (docs/usage.md): its bytes are not a record's input to show.
        return Reject(source, line, str(exc), None if line is None else raw_text(data[:4096]))
    if not text.strip():
        return Reject(source, line, "empty page")
    fields: dict[str, Any] = {"id": record_id}
    if encoding not in UTF8_ENCODINGS:
        fields["encoding"] = encoding
    hints = {"page_flags": [charset_flag(note) for note in notes]} if notes else {}
    return Item(source, line, text, fields, len(data), kind="html", hints=hints)
