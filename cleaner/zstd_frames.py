"""Read a .zst file, and say so when it ends inside a frame, where zstd's stream reader just stops.

zstandard's stream reader gives what the whole blocks of a cut-off file hold, then ends as if the
file were whole: a .jsonl.zst cut in half gave no record and no error. At the end of the stream,
the file's frame and block headers are walked (a few bytes a block, no decompressing) to find
whether the last frame is whole; if it is not, CorruptZstd says where it starts.
"""

from __future__ import annotations

import io
import os
import stat
from typing import BinaryIO

import zstandard

_FRAME_MAGIC = 0xFD2FB528
_SKIPPABLE = range(0x184D2A50, 0x184D2A60)      # skippable frames: magic, 4-byte size, data
_DICT_ID_BYTES = (0, 1, 2, 4)
_RLE_BLOCK, _RESERVED_BLOCK = 1, 3


class CorruptZstd(ValueError):
    """A .zst file that ends inside a frame, or holds bytes that are not a frame."""


def unfinished_frame(stream: BinaryIO, size: int) -> str | None:
    """Where a .zst file's frames stop short of its end (`size` bytes), said in words; None when
    every frame is whole. Reads the frame and block headers only.

    >>> whole = zstandard.ZstdCompressor().compress(b"berita " * 50000)
    >>> unfinished_frame(io.BytesIO(whole), len(whole)) is None
    True
    >>> unfinished_frame(io.BytesIO(whole[:-20]), len(whole) - 20)
    'zstd frame starting at byte 0 is cut off (the file ends inside it)'
    """
    pos = 0
    while pos < size:
        start = pos
        cut = f"zstd frame starting at byte {start} is cut off (the file ends inside it)"
        stream.seek(pos)
        head = stream.read(5)
        if len(head) < 4:
            return cut
        magic = int.from_bytes(head[:4], "little")
        if magic in _SKIPPABLE:
            length = stream.read(3)
            if len(head) < 5 or len(length) < 3:
                return cut
            pos = start + 8 + int.from_bytes(head[4:] + length, "little")
            if pos > size:
                return cut
            continue
        if magic != _FRAME_MAGIC:
            return f"no zstd frame at byte {start}"
        if len(head) < 5:
            return cut
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
                return cut
            header = int.from_bytes(block, "little")
            last, kind, block_size = bool(header & 1), (header >> 1) & 3, header >> 3
            if kind == _RESERVED_BLOCK:
                return f"corrupt zstd block at byte {pos}"
            pos += 3 + (1 if kind == _RLE_BLOCK else block_size)
            if pos > size:
                return cut
        pos += 4 if (descriptor >> 2) & 1 else 0         # the content checksum
        if pos > size:
            return cut
    return None


class _CheckedZstd(io.RawIOBase):
    """The decompressed content of a .zst file; at its end, CorruptZstd if the file is cut off
    (a regular file only: a pipe cannot be read again)."""

    def __init__(self, path: str | os.PathLike):
        self._raw = open(path, "rb")
        self._check = stat.S_ISREG(os.fstat(self._raw.fileno()).st_mode)
        self._reader = zstandard.ZstdDecompressor().stream_reader(
            self._raw, read_across_frames=True, closefd=False)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        data = self._reader.read(len(buffer))
        if not data and self._check:
            self._check = False
            size = os.fstat(self._raw.fileno()).st_size
            with open(self._raw.fileno(), "rb", closefd=False) as headers:
                problem = unfinished_frame(headers, size)
            if problem is not None:
                raise CorruptZstd(problem)
        buffer[:len(data)] = data
        return len(data)

    def close(self) -> None:
        if not self.closed:
            self._reader.close()
            self._raw.close()
        super().close()


def open_zstd(path: str | os.PathLike, buffer_size: int = io.DEFAULT_BUFFER_SIZE
              ) -> io.BufferedReader:
    """A .zst file opened for reading its decompressed content (frames end to end)."""
    return io.BufferedReader(_CheckedZstd(path), buffer_size=buffer_size)
