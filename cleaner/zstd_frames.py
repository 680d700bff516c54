"""Read a .zst file, and say so when it ends inside a frame, where zstd's stream reader just stops,
or holds what is not zstd after its frames, where the reader fails and loses what it had.

zstandard's stream reader gives what the whole blocks of a cut-off file hold, then ends as if the
file were whole: a .jsonl.zst cut in half gave no record and no error. Bytes that are not a frame
after whole frames (junk, zero padding) made it raise, and the text of the read that met them was
lost: 500 records and "garbage!!" gave no record at all. So before reading, the file's frame and
block headers are walked (a few bytes a block, no decompressing): the reader is given the file up
to where its frames stop, and at the end CorruptZstd says what is wrong past there.
"""

from __future__ import annotations

import io
import os
import shutil
import stat
import tempfile
from collections import deque
from typing import Any, BinaryIO, Iterator, NamedTuple

import zstandard

try:
    # (XXH64, the hash a frame's checksum is the low four bytes of: _checksum_only. Installed
    # with the datasets package; without it a frame that fails its checksum is taken as
    # damaged anywhere)
    import xxhash
except ImportError:            # pragma: no cover - depends on what is installed
    xxhash = None  # type: ignore[assignment]

from cleaner.gzip_members import KEPT, READ_WHOLE, count_newlines, said_before

_FRAME_MAGIC = 0xFD2FB528
_SKIPPABLE = range(0x184D2A50, 0x184D2A60)      # skippable frames: magic, 4-byte size, data
_DICT_ID_BYTES = (0, 1, 2, 4)
# What a stream read once is copied to its temporary file by (read_zstd).
COPY_CHUNK = 1 << 20
_RLE_BLOCK, _RESERVED_BLOCK = 1, 3
# The most a block and its header take: zstd's reader takes in more input only once it has used
# what it read, and what it gives out of a block may wait for a later read (a read's output is
# bounded), so what a read decodes begins at most this far before the input it takes in.
_BLOCK_MOST = zstandard.BLOCKSIZE_MAX + 3
# The input zstd's reader takes in at a time: where the read that meets damage began to take it
# in bounds what of the frame was not read (_handed_out_to), so in far less than zstd's 128 KB,
# in which a frame under it was all one piece, said unread whole while its lines were given.
# (60 frames damaged at random: the bytes said unread summed to 1.07 times what was not read
# in 8 KB pieces, 1.86 in 32 KB. Reading 80 MB of JSONL from 20 MB of .zst through open_zstd
# took no longer: 0.48 s against 0.49 s in 128 KB pieces, the least of 4, alternated.)
_READ_SIZE = 1 << 13
# What is read from the file at a time, for zstd's reader to take _READ_SIZE at a time (_Prefix):
# taken straight from the file, 8 KB reads cost twice the system time of 128 KB ones. (100 MB of
# JSONL from 40 MB of .zst through open_zstd, CPU by /usr/bin/time, 6 runs of each alternated
# on a loaded machine, load 6: zstd taking 128 KB straight from the file, user 0.55-0.64 s,
# system 0.05-0.09 s; 8 KB straight from the file, 0.53-0.67 s and 0.12-0.14 s; 8 KB out of
# 128 KB reads, 0.51-0.69 s and 0.04-0.10 s: no cost over 128 KB.)
_RAW_READ = 1 << 17


class CorruptZstd(ValueError):
    """A .zst file that ends inside a frame, holds bytes that are not a frame, or a frame zstd
    refuses; `resumed_at` is where reading goes on (None: it stops); `lines`: the line ends in
    what was handed out of a refused frame (None: not known). As a damaged gzip member's
    CorruptGzip says them, for a reader to say what of a refused frame was not read: `unread`,
    how many bytes of its input, from the read that met the damage to the frame's end, were not
    read (None: not known); `going_on`, the message's last words, where reading goes on;
    `unread_whole`, none of the frame was read, the damage met in its first read."""

    def __init__(self, message: str, resumed_at: int | None = None, lines: int | None = None,
                 unread: int | None = None, going_on: str = "", unread_whole: bool = False):
        super().__init__(message)
        self.resumed_at = resumed_at
        self.lines = lines
        self.unread = unread
        self.going_on = going_on
        self.unread_whole = unread_whole

    def said_with(self, words: str) -> str:
        """The message with a reader's `words` on the refused frame said before where reading
        goes on (CorruptGzip.said_with).

        >>> CorruptZstd("frame at byte 5 is damaged; no further frame follows",
        ...             going_on="no further frame follows").said_with("a word")
        'frame at byte 5 is damaged; a word; no further frame follows'
        """
        return said_before(str(self), self.going_on, words)


def unfinished_frame(stream: BinaryIO, size: int) -> str | None:
    """Where a .zst file's frames stop short of its end (`size` bytes), said in words; None when
    every frame is whole. Reads the frame and block headers only.

    >>> whole = zstandard.ZstdCompressor().compress(b"berita " * 50000)
    >>> unfinished_frame(io.BytesIO(whole), len(whole)) is None
    True
    >>> unfinished_frame(io.BytesIO(whole[:-20]), len(whole) - 20)
    'zstd frame starting at byte 0 is cut off (the file ends inside it)'
    >>> unfinished_frame(io.BytesIO(whole + b"junk"), len(whole) + 4)[:36]
    'data after the last zstd frame, at b'
    """
    return frames_end(stream, size)[1]


def frames_end(stream: BinaryIO, size: int) -> tuple[int, str | None]:
    """How much of a .zst file (`size` bytes) to decompress, and what is wrong with it (None:
    nothing). A file cut off inside a frame is read to its end (zstd gives the frame's whole
    blocks); one with bytes that are not zstd is read up to them. Zero bytes after the last
    frame are padding, as gzip_members takes them: not an error.
    """
    end, problem, _ = frame_spans(stream, size)
    return end, problem


def frame_spans(stream: BinaryIO, size: int) -> tuple[int, str | None, list[Span]]:
    """frames_end, and the spans to read in turn (skippable frames left out): frames, frames
    whose headers are damaged (read, and reported whatever zstd makes of them) and bytes that
    are not zstd between frames (reported). After damage the walk goes on at the next frame's
    magic number: a damaged header cost every frame after it."""
    spans: list[Span] = []
    end, problem = _walk(stream, size, spans)
    return end, problem, spans


class Span(NamedTuple):
    """A stretch of a .zst file: `kind` is "frame", "damaged" (a frame whose headers the walk
    could not follow) or "junk" (not zstd)."""

    start: int
    end: int
    kind: str


def _walk(stream: BinaryIO, size: int, spans: list[Span]) -> tuple[int, str | None]:
    """Walk the file's frame and block headers, adding its spans; frames_end's answer."""
    pos = 0
    while pos < size:
        start = pos
        cut = f"zstd frame starting at byte {start} is cut off (the file ends inside it)"
        stream.seek(pos)
        head = stream.read(5)
        magic = int.from_bytes(head[:4], "little")
        if len(head) < 4 and _could_begin_a_frame(head):
            return size, cut
        if magic in _SKIPPABLE:
            length = stream.read(3)
            if len(head) < 5 or len(length) < 3:
                return size, cut
            pos = start + 8 + int.from_bytes(head[4:] + length, "little")
            if pos > size:
                after = _next_frame(stream, start + 4, size)
                if after is None:
                    return size, cut
                spans.append(Span(start, after, "junk"))       # (a damaged size)
                pos = after
            continue
        if magic != _FRAME_MAGIC:
            if _cut_short(stream, spans, start):
                pos = spans[-1].end
                continue
            if _zeros_to_the_end(stream, start, size):
                return start, None
            after = _next_frame(stream, start + 1, size)
            if after is None:
                return start, (f"data after the last zstd frame, at byte {start}, is not zstd"
                               if start else "no zstd frame at byte 0: not a zstd file")
            spans.append(Span(start, after, "junk"))
            pos = after
            continue
        if len(head) < 5:
            return size, cut
        end, bad_block = _frame_end(stream, start, head[4], size)
        if end is not None and bad_block is None:
            spans.append(Span(start, end, "frame"))
            pos = end
            continue
        after = _next_frame(stream, start + 4, size)
        if after is not None:
            spans.append(Span(start, after, "damaged"))
            pos = after
            continue
        if bad_block is not None:
            # (read to the file's end, as a frame with a reserved block type before another
            # frame is read to it: zstd refuses the block, and the frame is reported as any it
            # refuses, with its lines. Read only to the bad block, it ended there as a cut one
            # does, and the walk's own report named neither the frame nor its lines.)
            spans.append(Span(start, size, "damaged"))
            return size, None
        # (the frame's span as far as it goes: a cut-off one is read to the end of the file)
        spans.append(Span(start, size, "frame"))
        return size, cut
    return size, None


def _cut_short(stream: BinaryIO, spans: list[Span], pos: int) -> bool:
    """Whether the frame whose blocks the walk followed to `pos`, where no frame starts, holds
    the magic number of one after its own (or one that runs on past `pos`): it was cut short
    there, and the walk read the block headers it lacks from the next frame's bytes, which they
    led past (the frames after it were lost as junk). Its span is then made a damaged one
    ending at that magic number, for the walk to go on there. (Only where the walk meets what
    is not zstd: a whole frame's data may hold the magic number's bytes by chance.)"""
    if not spans or spans[-1].kind != "frame" or spans[-1].end != pos:
        return False
    start = spans[-1].start
    after = _next_frame(stream, start + 4, pos)
    if after is None or after >= pos:
        return False
    spans[-1] = Span(start, after, "damaged")
    return True


def _frame_end(stream: BinaryIO, start: int, descriptor: int, size: int
               ) -> tuple[int | None, int | None]:
    """Where the frame at `start` ends, by its block headers (None: past the file's end), and
    where a reserved block type is found in it (None: nowhere)."""
    for at, kind, end, last in _blocks(stream, _first_block(start, descriptor)):
        if kind == _RESERVED_BLOCK:
            return None, at
        if end > size:
            return None, None
        if last:
            end += 4 if (descriptor >> 2) & 1 else 0         # the content checksum
            return (end, None) if end <= size else (None, None)
    return None, None


def _first_block(start: int, descriptor: int) -> int:
    """Where the first block header of the frame at `start` is, by its descriptor byte."""
    single_segment = (descriptor >> 5) & 1
    content_size_bytes = (single_segment, 2, 4, 8)[descriptor >> 6]
    return start + 5 + (0 if single_segment else 1) + _DICT_ID_BYTES[descriptor & 3] + \
        content_size_bytes


def _blocks(stream: BinaryIO, pos: int) -> Iterator[tuple[int, int, int, bool]]:
    """The blocks of a frame, from its first block header at `pos`, as their headers tell: where
    each starts, its kind, where it ends and whether it is the last. Stops after the last, at
    a reserved kind, or where no header can be read."""
    while True:
        stream.seek(pos)
        block = stream.read(3)
        if len(block) < 3:
            return
        header = int.from_bytes(block, "little")
        last, kind, block_size = bool(header & 1), (header >> 1) & 3, header >> 3
        if block_size > zstandard.BLOCKSIZE_MAX:
            # (no block holds more: a header read from what is not one, such as the next
            # frame's bytes after a frame cut short, is damage, as a reserved kind is)
            kind = _RESERVED_BLOCK
        end = pos + 3 + (1 if kind == _RLE_BLOCK else block_size)
        yield pos, kind, end, last
        if last or kind == _RESERVED_BLOCK:
            return
        pos = end


def _block_at(stream: BinaryIO, start: int, pos: int) -> int:
    """Where the block of the frame at `start` begins that holds the byte before `pos` (`pos`
    where the walk of its blocks ends before it; `start` where its header cannot be read)."""
    stream.seek(start)
    head = stream.read(5)
    if len(head) < 5:
        return start
    for at, _, end, _ in _blocks(stream, _first_block(start, head[4])):
        # (a block that ends where `pos` is: zstd may have taken in its last bytes as a read
        # filled up, and handed out the rest of its data in the next read only)
        if end >= pos:
            return max(start, min(at, pos))
    return pos


def _next_frame(stream: BinaryIO, pos: int, size: int) -> int | None:
    """Where the next frame's magic number is at or after `pos`, if anywhere."""
    magic = _FRAME_MAGIC.to_bytes(4, "little")
    tail = b""
    while pos < size:
        stream.seek(pos)
        chunk = stream.read(1 << 20)
        if not chunk:
            return None
        window = tail + chunk
        found = window.find(magic)
        if found >= 0:
            return pos - len(tail) + found
        tail = window[-3:]
        pos += len(chunk)
    return None


def _decoded_after(stream: BinaryIO, span: Span, skip: int
                   ) -> tuple[bytes, int | None, bytes | None]:
    """What the frame of `span` decodes to past its first `skip` bytes, up to the block zstd
    refuses, where that block starts (None: every block decoded, and only the checksum after
    them, if any, was refused), and the checksum of all it decoded (XXH64's low four bytes, as
    a frame holds it; None: not known). Fed to zstd a block at a time, by the block headers, so
    that no block's data is lost with the next one's error; a header that is no block's (past
    the largest block, a reserved type) is fed alone, to fail. Holds a block's data at a time
    besides what it gives: what a read that failed dropped, and the blocks zstd held back."""
    stream.seek(span.start)
    head = stream.read(5)
    if len(head) < 5:
        return b"", span.start, None
    hasher = xxhash.xxh64() if xxhash is not None else None
    decoder = zstandard.ZstdDecompressor().decompressobj()
    out = bytearray()
    made = 0
    fed = span.start
    pos = _first_block(span.start, head[4])
    while fed < span.end:
        stream.seek(pos)
        block = stream.read(3)
        header = int.from_bytes(block, "little")
        last, kind, size = bool(header & 1), (header >> 1) & 3, header >> 3
        sound = len(block) == 3 and kind != _RESERVED_BLOCK and size <= zstandard.BLOCKSIZE_MAX
        end = min(span.end, pos + 3 + (1 if kind == _RLE_BLOCK else size) if sound
                  else pos + len(block))
        stream.seek(fed)
        try:
            got = decoder.decompress(stream.read(end - fed))
        except zstandard.ZstdError:
            return bytes(out), pos, None
        if hasher is not None:
            hasher.update(got)
        if made + len(got) > skip:
            out += got[max(0, skip - made):]
        made += len(got)
        fed = pos = end
        if not sound:
            return bytes(out), pos, None
        if end == span.end or last:
            return bytes(out), None, None if hasher is None else \
                hasher.intdigest().to_bytes(8, "little")[:4]
    return bytes(out), None, None


def _checksum_only(made: bytes | None, said: bytes | None) -> bool:
    """Whether a frame whose every block decoded, its checksum refused, holds sound data: the
    checksum said (`said`, its last four bytes) agrees with that of what it decoded (`made`)
    in two of its four bytes or more, a byte or two of it damaged. Damaged data that decodes
    gives a checksum unlike the one said (two bytes alike: one chance in 10,000). False where
    either is not known."""
    if made is None or said is None or len(said) != 4:
        return False
    return sum(a == b for a, b in zip(made, said)) >= 2


def _could_begin_a_frame(head: bytes) -> bool:
    """Whether fewer than 4 bytes at the end of a file are the start of a frame's magic number
    (a frame cut off there), not junk."""
    magics = [_FRAME_MAGIC.to_bytes(4, "little")] + [m.to_bytes(4, "little") for m in _SKIPPABLE]
    return any(magic.startswith(head) for magic in magics)


def _zeros_to_the_end(stream: BinaryIO, start: int, size: int) -> bool:
    """Whether the file holds nothing but zero bytes from `start` to its end (`size`)."""
    stream.seek(start)
    while start < size:
        chunk = stream.read(min(size - start, 1 << 16))
        if not chunk or chunk.strip(b"\x00"):
            return False
        start += len(chunk)
    return True


class _Prefix:
    """The first `size` bytes of a binary stream, for zstd's reader: what follows is not zstd.
    `last_read`: how far into them the last read began (zstd's reader reads more only once it
    has taken in all it read: the input it is taking in starts there). The stream is read
    _RAW_READ bytes at a time, and handed out in the smaller reads zstd asks for."""

    def __init__(self, raw: BinaryIO, size: int):
        self.raw = raw
        self.left = size              # bytes of the prefix not yet read from the stream
        self.given = 0
        self.last_read = 0
        self._held = memoryview(b"")  # bytes read from the stream, not handed out yet

    def read(self, size: int = -1) -> bytes:
        if not self._held and self.left:
            self._held = memoryview(self.raw.read(min(self.left, _RAW_READ)))
            self.left -= len(self._held)
        size = len(self._held) if size is None or size < 0 else size
        data = bytes(self._held[:size])
        self._held = self._held[size:]
        self.last_read = self.given
        self.given += len(data)
        return data


class _CheckedZstd(io.RawIOBase):
    """The decompressed content of a .zst file's frames; at its end, CorruptZstd if the file is
    cut off or holds more than zstd (a regular file of `size` bytes only: a pipe or standard
    input, of no size, cannot be read again).

    A regular file is read frame by frame, each frame where the walk found it: a frame zstd
    refuses (a damaged block, a wrong checksum) is reported, with where reading goes on, and
    the frames after it are read, as gzip_members goes on at the next member. The read that met
    the damage gives nothing (a wrong checksum says the frame may be garbled anywhere); the line
    ends of each frame are counted as it is read (`count_lines`), for the report to say how many
    lines it gave before. (Reading the frame again for them, a block at a time, took twice the
    time of the whole read where one frame is the whole file.)"""

    def __init__(self, raw: BinaryIO, count_lines: bool = False, size: int | None = None):
        self._raw = raw
        self._count_lines = count_lines
        self._problem: str | None = None
        self._spans: deque[Span] | None = None      # spans not started yet (a pipe: None)
        self._span = Span(0, 0, "frame")            # the span being read
        self._span_out = 0                          # the bytes handed out of it
        self._span_lines = 0                        # the line ends in them (count_lines)
        self._report: CorruptZstd | None = None     # a refused frame's, to raise
        # What a refused frame held past what was handed out, up to its damage, handed out
        # before its report (_recover); and the last byte handed out of the span.
        self._recovered = memoryview(b"")
        self._last_out = b""
        self._reader: Any = None                    # zstd's reader of the span
        self._input: _Prefix | None = None          # what it reads (a pipe's: None)
        if size is not None:
            with open(raw.fileno(), "rb", closefd=False) as headers:
                _, self._problem, spans = frame_spans(headers, size)
            self._spans = deque(spans)
            self._start_next()
        else:
            self._reader = self._stream_reader(raw)

    @staticmethod
    def _stream_reader(source: Any):
        # (zstd's reader asks only for read())
        return zstandard.ZstdDecompressor().stream_reader(source, read_size=_READ_SIZE,
                                                          read_across_frames=True, closefd=False)

    def _start_next(self) -> None:
        """Close the span's reader and start the next span's: a frame's reader, or None for
        bytes that are not zstd (reported when they are reached) and after the last span."""
        if self._reader is not None:
            self._reader.close()
            self._reader = None
        self._input = None
        self._span_out = self._span_lines = 0
        self._last_out = b""
        if not self._spans:
            self._span = Span(0, 0, "end")
            return
        self._span = self._spans.popleft()
        if self._span.kind != "junk":
            self._raw.seek(self._span.start)
            self._input = _Prefix(self._raw, self._span.end - self._span.start)
            self._reader = self._stream_reader(self._input)

    def _going_on(self, what: str, lines: int | None = None, unread: int | None = None,
                  unread_whole: bool = False) -> CorruptZstd:
        """CorruptZstd for damage in the span just read, reading going on at the next one."""
        self._start_next()
        if self._span.kind == "end":
            going_on = "no further frame follows"
            resumed_at = None
        else:
            going_on = f"reading goes on at the next frame (byte {self._span.start})"
            resumed_at = self._span.start
        return CorruptZstd(f"{what}; {going_on}", resumed_at, lines, unread=unread,
                           going_on=going_on, unread_whole=unread_whole)

    def _refused(self, what: str, read_from: int | None) -> None:
        """Make the report of a frame zstd refused. What the read that met the damage decoded is
        not handed out: a frame that fails its checksum may have decoded garbage, which would
        pass as records. Its lines handed out before are named, for a frame of a regular file,
        whether the walk followed its block headers or not (read then up to the next frame);
        not for a pipe's (its one reader reads across frames). `read_from`: where in the file
        the input that read began to take in starts (None: not known); what the read decoded
        may have begun up to a block before it (_BLOCK_MOST), in what zstd held back of an
        earlier read: from there to the frame's end, nothing was read."""
        if self._span_out:
            what += f"; {KEPT}"
        start = self._span.start
        unread = None if read_from is None else self._span.end - (
            self._handed_out_to(read_from) if self._span_out else start)
        self._report = self._going_on(what, self._lines_read(), unread,
                                      unread_whole=not self._span_out)

    def _recover(self, what: str, read_from: int | None) -> None:
        """Make the report of a frame zstd refused, for a reader of lines (count_lines) of a
        regular file: what the frame held past what was handed out, up to the block that
        failed, is decoded again from the frame's start, a block at a time (_decoded_after), to
        be handed out before the report, cut at its last line end, whatever the size of the
        reads (zstd drops what the read that fails decoded): the blocks wholly before the one
        that failed. (No reach back, as gzip's SURE_REACH: zstd checks that each compressed
        block's streams end where the block does, so damage in one fails there or decodes on to
        the checksum; a raw block whose size is damaged is the exception, read on into the next
        block's bytes.) All its data, its last line ended, where only its checksum is damaged
        (_checksum_only); where its data is, the frame is refused as _refused says."""
        span = self._span
        fd = self._raw.fileno()
        offset = os.lseek(fd, 0, os.SEEK_CUR)
        try:
            with open(fd, "rb", closefd=False) as frame:
                data, failed, made = _decoded_after(frame, span, self._span_out)
                said = None
                if failed is None:
                    frame.seek(span.end - 4)
                    said = frame.read(4)
        finally:
            os.lseek(fd, offset, os.SEEK_SET)
        if failed is None and not _checksum_only(made, said):
            self._refused(what, read_from)
            return
        if failed is None:
            last = data[-1:] if data else self._last_out
            if last and last != b"\n":
                data += b"\n"
        else:
            data = data[:data.rfind(b"\n") + 1]
        self._recovered = memoryview(data)
        self._span_out += len(data)
        self._span_lines += count_newlines(data, 0, len(data))
        if failed is None:
            self._report = self._going_on(f"{what}; {READ_WHOLE}", self._lines_read())
            return
        if self._span_out:
            what += f"; {KEPT}"
        # (none of it handed out: all of it unread, its header too)
        self._report = self._going_on(what, self._lines_read(),
                                      span.end - (failed if self._span_out else span.start),
                                      unread_whole=not self._span_out)

    def _handed_out_to(self, read_from: int) -> int:
        """Where in the frame being read the input starts whose data the read from `read_from`
        (where the input it began to take in starts) may have decoded without handing it out:
        the start of the block that input cut into, or that ended where it starts (zstd takes
        in more input only once it has used all it had, decodes a block only once it has the
        whole of it, and the next only once it has handed out the last; so the data of the
        blocks before was handed out); up to a block before `read_from` (_BLOCK_MOST) where the
        walk could not follow the frame's blocks. Those are the bytes of the frame that were
        not read; before, a block before `read_from` was counted in wherever it started, and
        the whole frame where that went back past its start."""
        span = self._span
        if span.kind != "frame":
            return max(span.start, read_from - _BLOCK_MOST)
        # (on a handle of its own, as the walk of __init__: the file is read once. Its
        # descriptor's offset is put back, or the file's buffer read the wrong bytes after)
        fd = self._raw.fileno()
        offset = os.lseek(fd, 0, os.SEEK_CUR)
        try:
            with open(fd, "rb", closefd=False) as headers:
                return _block_at(headers, span.start, read_from)
        finally:
            os.lseek(fd, offset, os.SEEK_SET)

    def _lines_read(self) -> int | None:
        """The line ends handed out of the span being read (None: not counted, or a pipe's)."""
        return self._span_lines if self._count_lines and self._spans is not None else None

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while True:
            if self._recovered:
                n = min(len(buffer), len(self._recovered))
                buffer[:n] = self._recovered[:n]
                self._recovered = self._recovered[n:]
                return n
            if self._report is not None:
                report, self._report = self._report, None
                raise report
            span = self._span
            if span.kind == "junk":
                self._start_next()
                raise CorruptZstd(f"bytes {span.start} to {span.end} are not zstd; reading goes "
                                  f"on at the next frame (byte {span.end})", span.end)
            if self._reader is None:
                break
            # (where the input this read decodes starts: the read may take more after it)
            read_from = None if self._input is None else span.start + self._input.last_read
            try:
                data = self._reader.read(len(buffer))
            except zstandard.ZstdError as exc:
                what = f"corrupt zstd frame starting at byte {span.start} ({exc})"
                if self._count_lines and self._spans is not None:
                    self._recover(what, read_from)
                else:
                    self._refused(what, read_from)
                continue
            if data:
                buffer[:len(data)] = data
                self._span_out += len(data)
                self._last_out = data[-1:]
                if self._count_lines:
                    self._span_lines += count_newlines(data, 0, len(data))
                return len(data)
            if self._spans is None:         # a pipe: its one reader is done
                break
            if span.kind == "damaged":
                # (zstd may end a frame whose headers lie without a word)
                # (said as a corrupt frame is, for the lines it gave to name it: "line read
                # from a damaged zstd frame starting at byte N")
                what = (f"damaged zstd frame starting at byte {span.start} (its headers run "
                        "past the next frame: it is cut short, or they are damaged)")
                raise self._going_on(f"{what}; {KEPT}" if self._span_out else what,
                                     self._lines_read())
            self._start_next()
        if self._problem is not None:
            problem, self._problem = self._problem, None
            raise CorruptZstd(problem)
        return 0

    def close(self) -> None:
        if not self.closed:
            if self._reader is not None:
                self._reader.close()
            self._raw.close()
        super().close()


def open_zstd(path: str | os.PathLike, buffer_size: int = io.DEFAULT_BUFFER_SIZE,
              count_lines: bool = False) -> io.BufferedReader:
    """A .zst file opened for reading its decompressed content (frames end to end);
    `count_lines`: a refused frame's report says how many lines it gave (CorruptZstd.lines).
    A named pipe is read as standard input is (read_zstd)."""
    raw = open(path, "rb")
    try:
        info = os.fstat(raw.fileno())
        if not stat.S_ISREG(info.st_mode):
            with raw:
                return read_zstd(raw, buffer_size, count_lines)
        return io.BufferedReader(_CheckedZstd(raw, count_lines, info.st_size),
                                 buffer_size=buffer_size)
    except BaseException:
        raw.close()
        raise


def read_zstd(raw: BinaryIO, buffer_size: int = io.DEFAULT_BUFFER_SIZE,
              count_lines: bool = True) -> io.BufferedReader:
    """The decompressed content of zstd frames on a stream read once (standard input, a pipe),
    walked as a file's frames are: the stream is first copied to an unnamed temporary file
    (its compressed size, in the system's temporary folder). Read straight from the pipe, a
    frame cut off at its end went unsaid and damage lost the good frames around it: a frame's
    end is known only from the walk of the frame headers, which a pipe cannot be read again
    for. `raw` is read to its end and left open; closing the reader removes the copy."""
    copy = tempfile.TemporaryFile()
    try:
        shutil.copyfileobj(raw, copy, COPY_CHUNK)
        size = copy.tell()
        copy.seek(0)
        return io.BufferedReader(_CheckedZstd(copy, count_lines, size), buffer_size=buffer_size)
    except BaseException:
        copy.close()
        raise
