"""Reading gzip members: zlib-ng gives zlib's bytes, and stops, reports and resumes where zlib does, on any damage; a damaged member gives what it held before the damage."""

from __future__ import annotations

import gzip
import io
import random
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
    stream = io.BufferedReader(GzipMembers(io.BytesIO(data), count_lines=True), buffer_size=1 << 12)
    out: list = []
    chunk = b""
    while True:
        try:
            # (read1: one read of the members; a read(n) that meets damage after a first read
            # loses what that first read gave)
            piece = stream.read1(1 << 12)
        except CorruptGzip as exc:
            out += [chunk, ("damage", exc.resumed_at, str(exc), exc.lines)]
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


def _member_with_its_checksum_flipped(index: int) -> bytes:
    members = [bytearray(gzip.compress(member, mtime=0)) for member in MEMBERS]
    members[index][-8] ^= 1                 # a bit of the CRC: the data is whole
    return b"".join(map(bytes, members))


@pytest.mark.parametrize("module", [zlib, zlib_ng], ids=["zlib", "zlib-ng"])
@pytest.mark.parametrize("chunk", [1 << 10, 1 << 16])
def test_a_member_whose_checksum_alone_is_damaged_gives_all_its_data(module, chunk,
                                                                     monkeypatch):
    """gzip checks the CRC after the member's data: a CRC that agrees with its data's in most
    of its bytes is itself damaged, the data sound, and all of it is handed out (the reader
    flags it), however the reads fell; the report says so."""
    monkeypatch.setattr(gzip_members, "CHUNK", chunk)
    with pytest.MonkeyPatch.context() as patch:
        read = _by(module, _member_with_its_checksum_flipped(1), patch)
    second_end = len(gzip.compress(MEMBERS[0], mtime=0)) + len(gzip.compress(MEMBERS[1], mtime=0))
    assert read[0] == MEMBERS[0] + MEMBERS[1]
    assert read[1][0:2] == ("damage", second_end) and "incorrect data check" in read[1][2]
    assert "its data decoded to its end and was all read" in read[1][2]
    assert read[1][3] == 800                    # every line of it was handed out
    assert read[2] == MEMBERS[2]


@pytest.mark.parametrize("chunk", [1 << 10, 1 << 12, 1 << 16])
def test_a_member_whose_data_fails_its_checksum_gives_what_came_well_before_its_end(
        chunk, monkeypatch):
    """A changed byte that inflates on to the member's end fails the CRC there, unlike the one
    said: the damage may be anywhere, and what its input up to SURE_REACH bytes before its end
    inflated to is handed out, cut at a line end, however the reads fell (here nothing of the
    member, of less than SURE_REACH bytes)."""
    monkeypatch.setattr(gzip_members, "CHUNK", chunk)
    members = [bytearray(gzip.compress(member, mtime=0)) for member in MEMBERS]
    middle = len(members[1]) // 2
    for at in range(middle, len(members[1])):
        damaged = bytearray(members[1])
        damaged[at] ^= 0x01
        try:
            zlib.decompress(bytes(damaged), 31)
        except zlib.error as exc:
            if "incorrect data check" in str(exc):
                break
    read = _read(bytes(members[0]) + bytes(damaged) + bytes(members[2]))
    assert len(members[1]) < gzip_members.SURE_REACH
    assert read[0] == MEMBERS[0]
    assert read[1][0] == "damage" and "incorrect data check" in read[1][2]
    assert "all read" not in read[1][2] and read[1][3] == 0
    assert read[2] == MEMBERS[2]


def test_damage_inside_a_member_hands_out_no_garbled_line():
    """A flipped byte 5 KB into a member: each line handed out is one of the member's own, and
    the report counts them."""
    lines = [b'{"id": "%d", "text": "Isi berita nomor %d tentang %s."}\n'
             % (i, i * 7919, b"banjir" * (i % 13)) for i in range(6000)]
    packed = bytearray(gzip.compress(b"".join(lines), mtime=0))
    packed[5000] ^= 0xFF
    read = _read(bytes(packed))
    given = read[0].splitlines(True)
    assert given == lines[:len(given)]
    assert read[1][0] == "damage" and read[1][3] in (0, None, len(given))


def test_a_jsonl_reject_names_the_lines_of_a_member_whose_checksum_alone_is_damaged(
        tmp_path):
    from cleaner.inputs import Item, Reject
    from cleaner.readers import iter_inputs

    path = tmp_path / "dump.jsonl.gz"
    path.write_bytes(_member_with_its_checksum_flipped(1))
    items = list(iter_inputs([str(path)]))
    [reject] = [item for item in items if isinstance(item, Reject)]
    # (its CRC alone damaged: every line of it is read, flagged, and named in the reject)
    assert [item.fields["id"] for item in items if isinstance(item, Item)] == \
        [f"{m}-{i}" for m in (0, 1, 2) for i in range(400 * (m + 1))]
    assert reject.line == 1201 and "incorrect data check" in reject.reason
    assert "lines 401 to 1200 came from the damaged member" in reject.reason
    assert "not counted" not in reject.reason
    flagged = [item.fields["id"] for item in items if isinstance(item, Item) and any(
        flag["flag"] == "damaged-input" for flag in item.hints.get("page_flags", ()))]
    assert flagged == [f"1-{i}" for i in range(800)]


class _CountedFile(io.BytesIO):
    """A file that counts the bytes read from it; `seekable`: whether it can be read again."""

    def __init__(self, data: bytes, seekable: bool):
        super().__init__(data)
        self.can_seek = seekable
        self.bytes_read = 0

    def seekable(self) -> bool:
        return self.can_seek

    def read(self, size: int | None = -1) -> bytes:
        data = super().read(size)
        self.bytes_read += len(data)
        return data


@pytest.mark.parametrize("seekable", [True, False], ids=["file", "pipe"])
def test_a_damaged_member_is_read_once_and_its_lines_are_counted_as_it_is_read(seekable):
    """Its lines were counted by reading the member again from its start: where one member is
    the whole file, twice the time of the whole read (100 MB of JSONL: 0.79 s against 0.39);
    from a pipe, which cannot be read again, they went uncounted."""
    words = random.Random(5)
    lines = b"".join(b'{"id": "%d", "text": "Berita %048x"}\n' % (i, words.getrandbits(192))
                     for i in range(3000))
    packed = bytearray(gzip.compress(lines, mtime=0))
    assert len(packed) > 1 << 16              # (the lines of its first read are handed out)
    packed[-8] ^= 1                            # a bit of the CRC
    raw = _CountedFile(bytes(packed), seekable)
    stream = io.BufferedReader(GzipMembers(raw, count_lines=True), buffer_size=1 << 12)
    handed = b""
    with pytest.raises(CorruptGzip) as report:
        while piece := stream.read1(1 << 12):
            handed += piece
    assert raw.bytes_read == len(packed)
    assert report.value.lines == handed.count(b"\n") > 0 and lines.startswith(handed)
