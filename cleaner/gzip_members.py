"""Read a gzip file member by member, so that one corrupt member costs that member, not the rest.

Dumps are often many gzip members end to end (one per crawl batch, `cat a.gz b.gz`). Python's
gzip module stops at the first damaged member; this reader reports it (CorruptGzip, with the byte
offset) and goes on at the next member header. Data a damaged member gave before the damage was
detected cannot be told apart from good data (gzip checks its CRC at the member's end), which the
report says.
"""

from __future__ import annotations

import io
import zlib
from typing import BinaryIO

try:
    # zlib-ng inflates the same bytes as zlib, with zlib's checks and messages, in about half
    # its time (100 MB of JSONL: 0.23 s of CPU against 0.43). (ISA-L was faster still, but
    # read past a damaged member header to the end of the file, losing the members after it.)
    from zlib_ng import zlib_ng as inflate
except ImportError:            # pragma: no cover - depends on the platform's wheels
    inflate = zlib  # type: ignore[misc]
# What a damaged member raises. (getattr: zlib-ng's type stubs declare its error an instance.)
INFLATE_ERRORS: tuple[type[Exception], ...] = (zlib.error, getattr(inflate, "error"))

CHUNK = 1 << 16
MAX_OUT = 4 << 20
MAGIC = b"\x1f\x8b\x08"


class CorruptGzip(ValueError):
    """A damaged or truncated member; `resumed_at` is where reading goes on (None: it stops)."""

    def __init__(self, message: str, resumed_at: int | None):
        super().__init__(message)
        self.resumed_at = resumed_at


class GzipMembers(io.RawIOBase):
    """A raw binary stream of the decompressed content of every readable member."""

    def __init__(self, raw: BinaryIO):
        self.raw = raw
        self._pos = 0                 # offset in the compressed file of the next raw byte read
        self._pending = b""           # compressed bytes read but not yet fed
        self._pending_at = 0
        self._out = memoryview(b"")   # decompressed bytes not handed out yet
        self._eof = False
        self._new_member(0)

    def _new_member(self, at: int) -> None:
        self._d = inflate.decompressobj(16 + zlib.MAX_WBITS)
        self._member_start = at
        self._fed = 0

    def readable(self) -> bool:
        return True

    def close(self) -> None:
        if not self.closed:
            self.raw.close()
        super().close()

    def readinto(self, buffer) -> int:
        while not self._out:
            if self._eof:
                return 0
            self._fill()
        n = min(len(buffer), len(self._out))
        # A view, not bytes: handing out the front of a bytes object copied the rest each time.
        buffer[:n] = self._out[:n]
        self._out = self._out[n:]
        return n

    def _next_data(self) -> tuple[bytes, int]:
        if self._pending:
            data, at = self._pending, self._pending_at
            self._pending = b""
            return data, at
        at = self._pos
        data = self.raw.read(CHUNK)
        self._pos += len(data)
        return data, at

    def _fill(self) -> None:
        data, at = self._next_data()
        if not data:
            self._eof = True
            if self._fed:
                raise CorruptGzip(f"gzip member starting at byte {self._member_start} is "
                                  "truncated (the file ends inside it)", None)
            return
        if not self._fed and not data.strip(b"\x00"):
            return                    # zero padding after the last member
        try:
            # Bounded output per call: a highly compressed member cannot blow memory up.
            self._out = memoryview(self._d.decompress(data, MAX_OUT))
        except INFLATE_ERRORS as exc:
            self._resync(data, at, f"corrupt gzip member starting at byte {self._member_start} "
                                   f"({exc})")
            return
        if self._d.eof:
            rest = self._d.unused_data
            self._new_member(at + len(data) - len(rest))
            self._pending, self._pending_at = rest, at + len(data) - len(rest)
            return
        tail = self._d.unconsumed_tail
        self._fed += len(data) - len(tail)
        if tail:
            self._pending, self._pending_at = tail, at + len(data) - len(tail)

    def _resync(self, data: bytes, at: int, message: str) -> None:
        """Find the next member header after the damaged member's start and go on there."""
        search_from = max(self._member_start + 1, at)
        tail = b""
        while True:
            window = tail + data
            window_at = at - len(tail)
            index = window.find(MAGIC, max(0, search_from - window_at))
            if index >= 0:
                start = window_at + index
                self._new_member(start)
                self._pending, self._pending_at = window[index:], start
                raise CorruptGzip(f"{message}; the lines read from it before the damage was "
                                  f"found may be damaged too; reading goes on at the next member "
                                  f"(byte {start})", start)
            tail = window[-(len(MAGIC) - 1):]
            data, at = self._next_data()
            if not data:
                self._eof = True
                raise CorruptGzip(f"{message}; no further member follows", None)


def open_gzip(path) -> io.BufferedReader:
    return io.BufferedReader(GzipMembers(open(path, "rb")), buffer_size=CHUNK)
