"""Reading gzip members: ISA-L and zlib give the same bytes and stop, report and resume at the same places."""

from __future__ import annotations

import gzip
import io
import zlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import gzip_members
from cleaner.gzip_members import CorruptGzip, GzipMembers

isal_zlib = pytest.importorskip("isal.isal_zlib")

MEMBERS = [b"".join(b'{"id": "%d-%d", "text": "Isi berita %d."}\n' % (m, i, i * m)
                    for i in range(400 * (m + 1)))
           for m in range(3)]
DUMP = b"".join(gzip.compress(member, mtime=0) for member in MEMBERS)


def _read(data: bytes) -> list:
    """What reading gives: runs of bytes, and for each damage the offset reading resumes at."""
    stream = io.BufferedReader(GzipMembers(io.BytesIO(data)), buffer_size=1 << 12)
    out: list = []
    chunk = b""
    while True:
        try:
            piece = stream.read(1 << 12)
        except CorruptGzip as exc:
            out += [chunk, ("damage", exc.resumed_at, str(exc).split(" (")[0])]
            chunk = b""
            if exc.resumed_at is None:
                return out
            continue
        if not piece:
            return out + [chunk]
        chunk += piece


def test_whole_members_read_back_whatever_inflates_them(monkeypatch):
    monkeypatch.setattr(gzip_members, "inflate", zlib)
    assert _read(DUMP) == [b"".join(MEMBERS)]
    monkeypatch.setattr(gzip_members, "inflate", isal_zlib)
    assert _read(DUMP) == [b"".join(MEMBERS)]


@settings(max_examples=60, deadline=None)
@given(st.integers(0, len(DUMP) - 1), st.binary(min_size=1, max_size=40),
       st.integers(0, len(DUMP)))
def test_isal_and_zlib_agree_on_a_damaged_dump(at, garbage, cut):
    damaged = (DUMP[:at] + garbage + DUMP[at + len(garbage):])[:max(cut, at + 1)]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(gzip_members, "inflate", zlib)
        by_zlib = _read(damaged)
        patch.setattr(gzip_members, "inflate", isal_zlib)
        by_isal = _read(damaged)
    assert by_isal == by_zlib
