"""A stream of bytes as a pipe gives them, for tests of what is read from standard input."""

from __future__ import annotations

import io


class Pipe(io.RawIOBase):
    """Bytes that can be read once, as from a pipe: no seek, no size."""

    def __init__(self, data: bytes):
        self.data = io.BytesIO(data)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        return self.data.readinto(buffer)
