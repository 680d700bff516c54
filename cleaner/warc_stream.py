"""A WARC file or stream as one seekable stream of its uncompressed bytes, and the record headers in it."""

from __future__ import annotations

import io
import re
import zlib
from bisect import bisect_left
from pathlib import Path
from typing import Any, BinaryIO, Callable, cast

from cleaner.gzip_members import CHUNK, MAGIC, CorruptGzip, GzipMembers, open_gzip

# How far past a corrupt record to look for the next record header before giving up.
RESYNC_WINDOW = 64 << 20
RECORD_START = b"WARC/1."


class ReadOnce(OSError):
    """A stream read once (standard input, a pipe) asked to go back further than it keeps."""


class Stream:
    """A binary stream that turns a read error into end of data and keeps the error.

    warcio takes an exception from the stream beneath it as the end of the archive, so a
    truncated or damaged gzip would end a file without a word; this keeps the error for a Reject.
    `gz`: its bytes are a gzip file's, decompressed (their offsets are not the file's).
    """

    def __init__(self, inner: "io.BufferedIOBase | Members", gz: bool = False,
                 path: Path | None = None):
        self.inner = inner
        self.gz = gz
        # The gzip file's own path (None: plain, or a stream read once): where the reader looks
        # at the compressed bytes a damaged member's search passed over (lost_members).
        self.path = path
        self.error: BaseException | None = None
        # The first offset a stream read once could not go back to (ReadOnce): the records
        # a search from there would have found may be lost, which the reader says.
        self.unreachable: int | None = None

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
        try:
            return self.inner.seek(offset, whence)
        except ReadOnce:
            self.unreachable = offset if self.unreachable is None else self.unreachable
            raise

    def tell(self) -> int:
        return self.inner.tell()

    def passed(self, offset: int) -> None:
        """Reading goes on from `offset` (Members.passed)."""
        passed = getattr(self.inner, "passed", None)
        if passed is not None:
            passed(offset)

    def close(self) -> None:
        self.inner.close()

    def __enter__(self) -> "Stream":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class Members:
    """A .warc.gz read member by member (gzip_members): a damaged member raises CorruptGzip
    once, and reading goes on at the next member, where a WARC writes the next record. With
    gzip.open, one damaged member ended the file.

    The last KEEP_BYTES read are kept, so that the seek back to a rejected record's start
    (to look for the next record header) is no reread of the file from its start: with one
    record in ten rejected, that made a run's time grow with the square of the file's size.
    Further back, the file is read again from the start (`reopen` gives it anew), as gzip.open
    does it, the damage found and passed over the same way; a stream read once cannot be, and
    its `reopen` raises ReadOnce."""

    KEEP_BYTES = 8 << 20

    def __init__(self, reopen: Callable[[], Any]):
        self.reopen = reopen
        self._file: Any = None        # a stream with read1: gzip members, or a plain stream
        self._open()

    def _open(self) -> None:
        file = self.reopen()          # (first: a stream that cannot be read again stays as it is)
        if self._file is not None:
            self._file.close()
        self._file = file
        self._read = 0                # uncompressed bytes read from the file
        self._pos = 0                 # where the reader is: _read, or back in _kept
        self._kept = bytearray()      # the last bytes read, from _kept_at to _read
        self._kept_at = 0
        # The damage the data ends in (a damaged member no member follows; not a member the
        # file ends inside, whose end reads as the file's), raised by every read that reaches
        # that end, as the file's end is met by every read that reaches it: once said, a reader
        # that went back (Stream.seek forgets the error) and read to the end again met a plain
        # end of data, and a search for the next record that read into the damage ended the
        # file without a word.
        self._ended_by: CorruptGzip | None = None
        # The damaged members reading went on past, by where in the data they were met: until
        # the reader has gone on from one (passed), a read back in the kept bytes meets it again
        # there, as the first read did (a search for the next record that read past one, then
        # went back, read on over it as if the data were whole, and the records up to it were
        # lost without a word).
        self._damage: dict[int, CorruptGzip] = {}
        self._damage_at: list[int] = []       # their offsets, in order
        self._raised_at: int | None = None    # the damage just raised again where the reader is
        self._passed = -1                     # the damage up to here is behind the reader

    def read1(self, size: int = -1) -> bytes:
        # (the damage's offsets come in order, as the data is read)
        ahead = bisect_left(self._damage_at, max(self._pos, self._passed + 1))
        damage = self._damage_at[ahead] if ahead < len(self._damage_at) else None
        if damage == self._pos and self._raised_at != damage:
            self._raised_at = damage
            raise self._damage[damage]
        if self._pos < self._read:    # back in what was kept
            start = self._pos - self._kept_at
            end = len(self._kept) if size is None or size < 0 else start + size
            if damage is not None and damage > self._pos:
                end = min(end, damage - self._kept_at)
            data = bytes(self._kept[start:end])
            self._pos += len(data)
            return data
        if self._ended_by is not None:
            raise self._ended_by
        return self._more(size)

    def _more(self, size: int) -> bytes:
        """The next bytes of the file, kept (KEEP_BYTES)."""
        try:
            data = self._file.read1(size)
        except CorruptGzip as exc:
            exc.data_at = self._read
            if exc.resumed_at is None and not exc.cut:
                self._ended_by = exc
            elif exc.resumed_at is not None:
                # (a member the file ends inside ends the data: a read back to it meets the end)
                if self._read not in self._damage:
                    self._damage_at.append(self._read)
                self._damage[self._read] = exc
                self._raised_at = self._read
            raise
        self._read += len(data)
        self._pos = self._read
        self._kept += data
        if len(self._kept) > 2 * self.KEEP_BYTES:
            cut = len(self._kept) - self.KEEP_BYTES
            del self._kept[:cut]
            self._kept_at += cut
        return data

    read = read1                      # (Stream asks for read1, and reads it in steps)

    def seek(self, offset: int, whence: int = 0) -> int:
        if whence != 0:
            raise ValueError("only seeks from the start")
        # (a seek to the damage itself is to where reading went on after it: the next member's
        # data starts there, at the same offset)
        self._raised_at = offset if offset in self._damage else None
        if self._kept_at <= offset <= self._read:
            self._pos = offset
            return offset
        if offset < self._kept_at:
            self._open()
        self._pos = self._read
        while self._pos < offset:
            try:
                data = self.read1(min(offset - self._pos, 1 << 16))
            except CorruptGzip:
                if self._ended_by is not None:
                    break                 # (the next read says it)
                continue              # (reported when it was first read)
            if not data:
                break
        return self._pos

    def passed(self, offset: int) -> None:
        """The reader goes on from `offset`: the damage up to it has been met where it lies
        (and said), and a read back over it no longer raises it."""
        self._passed = max(self._passed, offset)

    def tell(self) -> int:
        return self._pos

    def close(self) -> None:
        if self._file is not None:
            self._file.close()


def open_stream(path: Path) -> Stream:
    """The uncompressed WARC stream: gzip members are read one after another. A gzip file is
    known by its first bytes, not its name: a WARC gzipped whole and named .warc was read as
    gzip by warcio, which lost every record after the first. A file named .gz whose first
    bytes are neither gzip's nor a record's, with no WARC header line near them, is gzip whose
    first member's header is damaged or cut: read as plain, the whole file was one reject."""
    file = open(path, "rb")
    head = file.read(_LOOK)
    if not head.startswith(MAGIC) and not (path.name.lower().endswith(".gz") and
                                           not RECORD_START.startswith(head.lstrip()[:7]) and
                                           _HEADER_LINE.search(head) is None):
        file.seek(0)
        return Stream(file)
    file.close()
    return Stream(Members(lambda: open_gzip(path, whole_on_trailer=True)), gz=True, path=path)


# How much of a file named .gz open_stream looks at, and a WARC header line, which deflate data
# does not hold as it is (a plain WARC whose first line is damaged still has its next ones).
_LOOK = 1 << 16
_HEADER_LINE = re.compile(rb"\nWARC-(?:Type|Record-ID|Date|Target-URI):",
                          re.IGNORECASE)


def read_once(stream: BinaryIO) -> Stream:
    """The uncompressed WARC stream of a stream that cannot be read again (standard input, a
    pipe; gzip if its first bytes say so). What a file's reader does by going back further than
    Members keeps, only a damaged record asks for; there, the stream raises ReadOnce."""
    gz = cast(io.BufferedReader, stream).peek(len(MAGIC))[:len(MAGIC)] == MAGIC
    opened: list[bool] = []

    def reopen() -> Any:
        if opened:
            raise ReadOnce("a stream is read once")
        opened.append(True)
        kept = Unclosed(stream)
        return io.BufferedReader(GzipMembers(cast(BinaryIO, kept)), buffer_size=CHUNK) if gz \
            else kept

    return Stream(Members(reopen), gz=gz)


class Unclosed:
    """A stream the reader did not open (standard input): read, and left open (a gzip or zstd
    reader over it closes what it reads)."""

    def __init__(self, inner: BinaryIO):
        self.inner = inner

    def read(self, size: int = -1) -> bytes:
        return self.inner.read(size)

    def read1(self, size: int = -1) -> bytes:
        return getattr(self.inner, "read1", self.inner.read)(size)

    def close(self) -> None:
        pass


def opens_as_warc(head: bytes) -> bool:
    r"""Whether the first bytes of an input are a WARC's: a record header line, or a gzip stream
    that opens with one.

    >>> import gzip
    >>> opens_as_warc(b"WARC/1.0\r\n"), opens_as_warc(gzip.compress(b"WARC/1.1\r\n" * 99)[:60])
    (True, True)
    >>> opens_as_warc(gzip.compress(b'{"text": 1}')), opens_as_warc(MAGIC + b"garbage")
    (False, False)
    """
    if head.startswith(RECORD_START):
        return True
    if not head.startswith(MAGIC):
        return False
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, len(RECORD_START)) \
            == RECORD_START
    except zlib.error:
        return False


def header_block(stream: Stream, offset: int) -> bytes:
    """The header lines of the record at `offset` (its first 64 KB at most)."""
    try:
        stream.seek(offset)
        head = stream.read(1 << 16)
    except (EOFError, OSError, zlib.error):
        return b""
    return head.split(b"\r\n\r\n", 1)[0]


def next_record(stream: Stream, offset: int, window_size: int = RESYNC_WINDOW) -> int | None:
    """The offset of the next 'WARC/1.x' header line at or after `offset`, within
    `window_size` bytes, if any. Read a step at a time, so that a header near `offset` costs
    no read of the whole window."""
    try:
        stream.seek(offset)
    except (EOFError, OSError, zlib.error):
        return None
    done, before = 0, b""                 # bytes read; the last bytes of the previous step
    while done < window_size:
        try:
            step = stream.read(min(SEARCH_STEP, window_size - done))
        except (EOFError, OSError, zlib.error):
            return None
        if not step:
            return None
        data, start = before + step, offset + done - len(before)
        at = 0
        while (found := data.find(RECORD_START, at)) >= 0:
            where = start + found
            if where == offset and offset > 0 or where > offset and data[found - 1:found] == b"\n":
                return where
            at = found + 1
        done += len(step)
        before = data[-len(RECORD_START):]   # (a header across two steps, and its line break)
    return None


# What next_record reads at a time.
SEARCH_STEP = 1 << 20


# A WARC header field line (not an HTTP header's: those are no WARC-), and a blank line.
_FIELD_LINE = re.compile(rb"\nWARC-[A-Za-z-]+:[ \t]")
_BLANK_LINE = re.compile(rb"\r?\n\r?\n")
# What a record's first line is (RECORD_START and its version's last digit), and how many bytes
# a damaged one may differ in (flipped, dropped or added): more, and a page's text is taken.
_HEADER_LINES = (b"WARC/1.0", b"WARC/1.1")
_HEADER_LINE_DAMAGE = 2


def damaged_headers(data: bytes, start: int = 0) -> list[int]:
    r"""Where, in `data` from `start` on (bytes a reader passes over, past the header block of
    the record it could not read), the header blocks of records start whose first line is
    damaged, so that no search for a record header line finds them: a short line that is
    "WARC/1.0" but for a few bytes, then at least two WARC header field lines with no blank
    line between. (WARC fields after a blank line but no such line are taken for the rest of a
    header block a damaged byte cut with a blank line, or a page's quote, not a record.)

    >>> block = b"WARC-Type: request\r\nWARC-Date: 2026\r\nContent-Length: 2\r\n\r\nab\r\n\r\n"
    >>> data = b"x\r\n\r\nWARC/1\xc10\r\n" + block + block + b"\r\x92ARC/1.0\r\n" + block
    >>> [data[at:at + 8] for at in damaged_headers(data)]
    [b'WARC/1\xc10', b'\r\x92ARC/1.']
    >>> damaged_headers(b"<p>WARC/1.0\nWARC-Type: a quoted field</p>\r\n\r\n\nWARC-Date: 1\r\n")
    []
    """
    found: list[int] = []
    first, last = 0, -1               # the run's first field line, and its last's end (-1: none)
    fields = 0
    for match in _FIELD_LINE.finditer(data, max(0, start - 1)):
        if last >= 0 and _BLANK_LINE.search(data, last, match.start()) is None:
            fields += 1
        else:
            first, fields = match.start() + 1, 1
        last = match.end()
        opening = _first_line(data, first, start) if fields == 2 else None
        if opening is not None:
            found.append(opening)
    return found


def _first_line(data: bytes, field: int, start: int) -> int | None:
    """Where the record whose first WARC field line is at `field` starts: at the line before it,
    where that whole line (from a line start, or `start`, which is one) is a record header line,
    damaged (header_line_like); else None."""
    before = max(data.rfind(b"\n", start, field - 1) + 1, start)
    return before if header_line_like(data[before:field].rstrip(b"\r\n")) else None


def header_line_like(line: bytes) -> bool:
    r"""Whether a whole line (its line break left off) is a record's first line, "WARC/1.0" or
    "WARC/1.1", or one of them with at most two bytes flipped, dropped or added: a page's line
    that only holds one ("<pre>WARC/1.0") is not.

    >>> [header_line_like(line) for line in (b"WARC/1.0", b"W\x92RC/1\xc10", b"WARC/1.0 x")]
    [True, True, True]
    >>> [header_line_like(line) for line in (b"<pre>WARC/1.0", b"WA", b"W\0\0\0/1.0")]
    [False, False, False]
    """
    if not header_line_sized(line):
        return False
    return min(_edits(line, known) for known in _HEADER_LINES) <= _HEADER_LINE_DAMAGE


def header_line_sized(line: bytes) -> bool:
    """Whether a whole line (its line break left off) is as long as a record's first line, but
    for the bytes a damage may drop or add (WARC fields after it open a record's header block,
    whatever its bytes became; a page's quote of a header has more on its first line)."""
    return abs(len(line) - len(_HEADER_LINES[0])) <= _HEADER_LINE_DAMAGE


def _edits(one: bytes, other: bytes) -> int:
    """The fewest bytes flipped, dropped or added that make `one` `other` (Levenshtein; both
    lines are short)."""
    row = list(range(len(other) + 1))
    for i, a in enumerate(one, 1):
        diagonal, row[0] = row[0], i
        for j, b in enumerate(other, 1):
            diagonal, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, diagonal + (a != b))
    return row[-1]


# The bytes a damaged member's search passed over that are looked at for members in them.
_MEMBERS_LOOK = 64 << 20
# A gzip member header with one of its three magic bytes damaged (a whole one is found by
# GzipMembers; one passed over anyway is looked at too).
_NEAR_MAGIC = re.compile(rb"(?=\x1f\x8b|.\x8b\x08|\x1f.\x08)", re.DOTALL)


def lost_members(path: Path | None, damaged: int | None, resumed: int | None,
                 known: int | None = None) -> list[tuple[int, bytes]]:
    r"""Where, in a .warc.gz (`path`), gzip members lie that the search for the next member after
    the damaged one at `damaged` passed over (to `resumed`, where reading went on; None: the
    file's end) as one of their magic bytes is damaged too: each with the first bytes it
    inflates to, which open with a record's first line (bytes in deflate data that only look
    like a header do not). `known`: a member already said (CorruptGzip.lost), left out.

    >>> import gzip, tempfile
    >>> one, two = gzip.compress(b"WARC/1.0\r\nWARC-Type: a\r\n"), gzip.compress(b"WARC/1.0\r\nb")
    >>> with tempfile.NamedTemporaryFile(suffix=".warc.gz") as f:
    ...     _ = f.write(one + b"\x1e" + two[1:] + one)
    ...     _ = f.flush()
    ...     lost_members(Path(f.name), 0, len(one) + len(two)) == [(len(one), b"WARC/1.0\r\nb")]
    True
    """
    if path is None or damaged is None:
        return []
    wanted = _MEMBERS_LOOK if resumed is None else min(resumed - damaged - 1, _MEMBERS_LOOK)
    try:
        with open(path, "rb") as file:
            file.seek(damaged + 1)
            data = file.read(max(0, wanted))
    except OSError:
        return []
    found = []
    for match in _NEAR_MAGIC.finditer(data):
        at = damaged + 1 + match.start()
        head = _member_opening(data, match.start()) if at != known else None
        if head is not None:
            found.append((at, head))
    return found


# The OS bytes of gzip headers (RFC 1952: 0 to 13, and 255 for unknown).
_OS_BYTES = frozenset([*range(14), 255])


def _member_opening(data: bytes, at: int) -> bytes | None:
    """The first bytes the gzip member whose header is at `at` in `data` inflates to (its header
    read as its flags say, its magic bytes aside), where they open with a record's first line;
    else None."""
    flags, end = data[at + 3:at + 4], at + 10
    if len(data) < end or flags[0] & 0xE0:
        return None                   # (reserved flags set: no member header)
    if flags[0] & 4:                  # FEXTRA: its length, then that many bytes
        end += 2 + int.from_bytes(data[end:end + 2], "little")
    for flag in (8, 16):              # FNAME, FCOMMENT: each ends with a zero byte
        if flags[0] & flag:
            end = data.find(b"\0", end) + 1
            if end == 0:
                return None
    end += 2 if flags[0] & 2 else 0   # FHCRC
    inflater, head = zlib.decompressobj(-zlib.MAX_WBITS), b""
    # (a few bytes of input at a time: where the member's deflate data is damaged early on,
    # what came before the damage still shows its record's first line)
    for step in range(end, min(end + CHUNK, len(data)), 16):
        try:
            head += inflater.decompress(data[step:step + 16], 256 - len(head))
        except zlib.error:
            break
        if len(head) >= 256 or inflater.eof:
            break
    if head.startswith(RECORD_START):
        return head
    # (deflate data damaged before it gave a byte: a header whose every other field is as a
    # WARC writer's, no flags, a usual XFL and OS, is one too, as bytes by chance seldom are)
    plain = flags[0] == 0 and data[at + 8] in (0, 2, 4) and data[at + 9] in _OS_BYTES
    return head if not head and plain else None


def starts_record(stream: Stream, offset: int) -> bool:
    """Whether a record header line starts at `offset`."""
    try:
        stream.seek(offset)
        return stream.read(len(RECORD_START)) == RECORD_START
    except (EOFError, OSError, zlib.error):
        return False
