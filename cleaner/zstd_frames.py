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
import stat
from collections import deque
from typing import Any, BinaryIO

import zstandard

_FRAME_MAGIC = 0xFD2FB528
_SKIPPABLE = range(0x184D2A50, 0x184D2A60)      # skippable frames: magic, 4-byte size, data
_DICT_ID_BYTES = (0, 1, 2, 4)
_RLE_BLOCK, _RESERVED_BLOCK = 1, 3


class CorruptZstd(ValueError):
    """A .zst file that ends inside a frame, holds bytes that are not a frame, or a frame zstd
    refuses; `resumed_at` is where reading goes on (None: it stops)."""

    def __init__(self, message: str, resumed_at: int | None = None):
        super().__init__(message)
        self.resumed_at = resumed_at


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


def frame_spans(stream: BinaryIO, size: int) -> tuple[int, str | None, list[tuple[int, int]]]:
    """frames_end, and the (start, end) of each frame to decompress (skippable ones left out)."""
    spans: list[tuple[int, int]] = []
    end, problem = _walk(stream, size, spans)
    return end, problem, spans


def _walk(stream: BinaryIO, size: int, spans: list[tuple[int, int]]) -> tuple[int, str | None]:
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
                return size, cut
            continue
        if magic != _FRAME_MAGIC:
            if _zeros_to_the_end(stream, start, size):
                return start, None
            return start, (f"data after the last zstd frame, at byte {start}, is not zstd"
                           if start else "no zstd frame at byte 0: not a zstd file")
        if len(head) < 5:
            return size, cut
        # (the frame's span as far as it goes: a cut-off one is read to the end of the file)
        spans.append((start, size))
        descriptor = head[4]
        single_segment = (descriptor >> 5) & 1
        content_size_bytes = (single_segment, 2, 4, 8)[descriptor >> 6]
        pos += 5 + (0 if single_segment else 1) + _DICT_ID_BYTES[descriptor & 3] + \
            content_size_bytes
        last = False
        while not last:
            stream.seek(pos)
            block = stream.read(3)
            if len(block) < 3:
                return size, cut
            header = int.from_bytes(block, "little")
            last, kind, block_size = bool(header & 1), (header >> 1) & 3, header >> 3
            if kind == _RESERVED_BLOCK:
                # (read to the bad block: the frame then ends there as a cut one does)
                spans[-1] = (start, pos)
                return pos, f"corrupt zstd block at byte {pos}"
            pos += 3 + (1 if kind == _RLE_BLOCK else block_size)
            if pos > size:
                return size, cut
        pos += 4 if (descriptor >> 2) & 1 else 0         # the content checksum
        if pos > size:
            return size, cut
        spans[-1] = (start, pos)
    return size, None


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
    """The first `size` bytes of a binary stream, for zstd's reader: what follows is not zstd."""

    def __init__(self, raw: BinaryIO, size: int):
        self.raw = raw
        self.left = size

    def read(self, size: int = -1) -> bytes:
        size = self.left if size is None or size < 0 else min(size, self.left)
        data = self.raw.read(size) if size else b""
        self.left -= len(data)
        return data


class _CheckedZstd(io.RawIOBase):
    """The decompressed content of a .zst file's frames; at its end, CorruptZstd if the file is
    cut off or holds more than zstd (a regular file only: a pipe cannot be read again).

    A regular file is read frame by frame, each frame where the walk found it: a frame zstd
    refuses (a damaged block, a wrong checksum) is reported, with where reading goes on, and
    the frames after it are read, as gzip_members goes on at the next member."""

    def __init__(self, path: str | os.PathLike):
        self._raw = open(path, "rb")
        self._problem: str | None = None
        self._spans: deque[tuple[int, int]] | None = None     # frames not started yet
        self._span_start = 0
        info = os.fstat(self._raw.fileno())
        if stat.S_ISREG(info.st_mode):
            try:
                with open(self._raw.fileno(), "rb", closefd=False) as headers:
                    _, self._problem, spans = frame_spans(headers, info.st_size)
                self._spans = deque(spans)
            except BaseException:
                self._raw.close()
                raise
            self._reader = self._next_frame()
        else:
            self._reader = self._stream_reader(self._raw)

    @staticmethod
    def _stream_reader(source: Any):
        # (zstd's reader asks only for read())
        return zstandard.ZstdDecompressor().stream_reader(source, read_across_frames=True,
                                                          closefd=False)

    def _next_frame(self):
        """A reader of the next frame the walk found, or None after the last."""
        if not self._spans:
            return None
        start, end = self._spans.popleft()
        self._span_start = start
        self._raw.seek(start)
        return self._stream_reader(_Prefix(self._raw, end - start))

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while self._reader is not None:
            try:
                data = self._reader.read(len(buffer))
            except zstandard.ZstdError as exc:
                damaged = self._span_start
                self._reader.close()
                self._reader = self._next_frame()
                if self._reader is None:
                    raise CorruptZstd(f"corrupt zstd frame starting at byte {damaged} ({exc}); "
                                      "no further frame follows") from None
                raise CorruptZstd(f"corrupt zstd frame starting at byte {damaged} ({exc}); the "
                                  "lines read from it before the damage was found may be "
                                  "damaged too; reading goes on at the next frame (byte "
                                  f"{self._span_start})", self._span_start) from None
            if data:
                buffer[:len(data)] = data
                return len(data)
            if self._spans is None:         # a pipe: its one reader is done
                break
            self._reader.close()
            self._reader = self._next_frame()
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


def open_zstd(path: str | os.PathLike, buffer_size: int = io.DEFAULT_BUFFER_SIZE
              ) -> io.BufferedReader:
    """A .zst file opened for reading its decompressed content (frames end to end)."""
    return io.BufferedReader(_CheckedZstd(path), buffer_size=buffer_size)
