"""Reading gzip members: zlib-ng gives zlib's bytes, and stops, reports and resumes where zlib does, on any damage."""

from __future__ import annotations

import gzip
import io
import zlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import gzip_members
from cleaner.gzip_members import CorruptGzip, GzipMembers

zlib_ng = pytest.importorskip("zlib_ng.zlib_ng")

MEMBERS = [b"".join(b'{"id": "%d-%d", "text": "Isi berita %d."}\n' % (m, i, i * m)
                    for i in range(400 * (m + 1)))
           for m in range(3)]
DUMP = b"".join(gzip.compress(member, mtime=0) for member in MEMBERS)


def _read(data: bytes) -> list:
    """What reading gives: runs of bytes, and each damage report with where reading resumes."""
    stream = io.BufferedReader(GzipMembers(io.BytesIO(data)), buffer_size=1 << 12)
    out: list = []
    chunk = b""
    while True:
        try:
            piece = stream.read(1 << 12)
        except CorruptGzip as exc:
            out += [chunk, ("damage", exc.resumed_at, str(exc))]
            chunk = b""
            if exc.resumed_at is None:
                return out
            continue
        if not piece:
            return out + [chunk]
        chunk += piece


def _by(module, data: bytes, patch: pytest.MonkeyPatch) -> list:
    patch.setattr(gzip_members, "inflate", module)
    patch.setattr(gzip_members, "INFLATE_ERRORS", (zlib.error, module.error))
    return _read(data)


def test_whole_members_read_back_whatever_inflates_them():
    with pytest.MonkeyPatch.context() as patch:
        assert _by(zlib, DUMP, patch) == _by(zlib_ng, DUMP, patch) == [b"".join(MEMBERS)]


@settings(max_examples=300, deadline=None)
@given(st.integers(0, len(DUMP) - 1), st.binary(min_size=1, max_size=40),
       st.one_of(st.none(), st.integers(1, 64), st.integers(1, len(DUMP))))
def test_zlib_ng_reads_a_damaged_dump_as_zlib_does(at, garbage, cut):
    """Damage anywhere (the headers included), and the file whole, cut just after the damage or
    cut anywhere after it: the same bytes, the same reports and the same resume points."""
    damaged = DUMP[:at] + garbage + DUMP[at + len(garbage):]
    if cut is not None:
        damaged = damaged[:at + cut]
    with pytest.MonkeyPatch.context() as patch:
        assert _by(zlib_ng, damaged, patch) == _by(zlib, damaged, patch)


def test_a_damaged_member_header_costs_that_member_only():
    """The header's flags byte damaged: zlib refuses the member at once and reading goes on at
    the next one (ISA-L, tried before zlib-ng, took the damage for flags and read to the end)."""
    damaged = DUMP[:3] + b"\xff" + DUMP[4:]
    with pytest.MonkeyPatch.context() as patch:
        read = _by(zlib_ng, damaged, patch)
    first_end = len(gzip.compress(MEMBERS[0], mtime=0))
    assert read[1][:2] == ("damage", first_end)
    assert read[2] == MEMBERS[1] + MEMBERS[2]
