"""A gzip member or zstd frame cut short (its end missing) and followed by an intact one: the
intact one's lines are read as records, not lost as the cut one's garbage or as junk."""

from __future__ import annotations

import gzip
import io
import json
import random
import zlib

import pytest
import zstandard

from cleaner import gzip_members
from cleaner.gzip_members import GzipMembers
from cleaner.inputs import Item, Reject
from cleaner.readers import iter_inputs

_rng = random.Random(32)
_WORDS = ["".join(_rng.choice("abcdefghijklmnoprstuwy") for _ in range(_rng.randrange(2, 9)))
          for _ in range(3000)]


def _lines(part: int, count: int) -> list[bytes]:
    """`count` JSON lines of part `part`, of random words (so they compress to little less than
    half: a cut member's garbage runs over many reads)."""
    rng = random.Random(part)
    return [json.dumps({"id": f"p{part}-{i}",
                        "text": " ".join(rng.choice(_WORDS) for _ in range(rng.randrange(30, 90)))
                        }).encode() + b"\n" for i in range(count)]


_PARTS = [_lines(part, 1200) for part in range(3)]


def _gzip_members() -> list[bytes]:
    return [gzip.compress(b"".join(part), mtime=0) for part in _PARTS]


def _zstd_frames() -> list[bytes]:
    compress = zstandard.ZstdCompressor(write_checksum=True).compress
    return [compress(b"".join(part)) for part in _PARTS]


def _ids(part: int) -> list[str]:
    return [f"p{part}-{i}" for i in range(len(_PARTS[part]))]


def _cut_points(first: bytes, trailer: int) -> dict[str, int]:
    """Where the first member (frame) is cut: inside its header, at points of its compressed
    data, inside its trailer (gzip's CRC and length; zstd's checksum)."""
    size = len(first)
    points = {"header": 5, "trailer": size - trailer // 2}
    points.update({f"data {tenth}/10": size * tenth // 10 for tenth in (1, 3, 5, 7, 9)})
    # (just before the end of a read of the gzip reader: the garbage the next member's bytes
    # inflate to as the cut one's data fails in a later read, past the next member's start)
    points.update({f"data before read {n}": (1 << 16) * n - back
                   for n, back in ((1, 30), (2, 100)) if (1 << 16) * n < size})
    return points


def _read(tmp_path, name: str, data: bytes) -> tuple[list[Item], list[Reject]]:
    path = tmp_path / name
    path.write_bytes(data)
    out = list(iter_inputs([str(path)]))
    return [x for x in out if isinstance(x, Item)], [x for x in out if isinstance(x, Reject)]


def _check(items: list[Item], rejects: list[Reject], first: int, what: str,
           resumed_at: int) -> None:
    """The lines of the members (frames) after the cut one are all records, once each, and a
    reject names the cut one and where reading went on."""
    ids = [item.fields["id"] for item in items]
    assert len(ids) == len(set(ids))
    assert [i for i in ids if not i.startswith("p0-")] == _ids(1) + _ids(2)
    said = " | ".join(reject.reason for reject in rejects)
    assert f"{what} starting at byte {first}" in said, said
    assert f"reading goes on at the next {what.split()[-1]} (byte {resumed_at})" in said, said


@pytest.mark.parametrize("where", list(_cut_points(b"x" * 200000, 8)))
def test_a_gzip_member_cut_short_loses_none_of_the_member_after_it(tmp_path, where):
    members = _gzip_members()
    at = _cut_points(members[0], 8)[where]
    data = members[0][:at] + members[1] + members[2]
    items, rejects = _read(tmp_path, "cut.jsonl.gz", data)
    _check(items, rejects, 0, "gzip member", at)


@pytest.mark.parametrize("where", list(_cut_points(b"x" * 200000, 4)))
def test_a_zstd_frame_cut_short_loses_none_of_the_frame_after_it(tmp_path, where):
    frames = _zstd_frames()
    at = _cut_points(frames[0], 4)[where]
    data = frames[0][:at] + frames[1] + frames[2]
    items, rejects = _read(tmp_path, "cut.jsonl.zst", data)
    _check(items, rejects, 0, "zstd frame", at)


@pytest.mark.parametrize("fmt", ["gz", "zst"])
def test_a_middle_member_cut_short_keeps_the_members_around_it(tmp_path, fmt):
    """The reviewer's case: the cut one between intact ones (its start named, not byte 0)."""
    parts = _gzip_members() if fmt == "gz" else _zstd_frames()
    at = len(parts[1]) * 2 // 5
    data = parts[0] + parts[1][:at] + parts[2] + parts[0]
    items, rejects = _read(tmp_path, f"mid.jsonl.{fmt}", data)
    ids = [item.fields["id"] for item in items]
    assert ids[:1200] == _ids(0)
    assert [i for i in ids[1200:] if not i.startswith("p1-")] == _ids(2) + _ids(0)
    what = "gzip member" if fmt == "gz" else "zstd frame"
    said = " | ".join(reject.reason for reject in rejects)
    assert f"{what} starting at byte {len(parts[0])}" in said, said
    assert " is damaged: " not in said           # (the lines it gave name it as a damaged one)


# Below: the input a member takes in is kept only in a sliding window (_CUT_WINDOW), made small
# here so that a cut "far past it" needs no member of tens of megabytes.
_WINDOW = 64 << 10


def _member_with_chance_opening(lines: list[bytes]) -> tuple[bytes, int]:
    """A gzip member of `lines` whose compressed bytes hold a member header's three magic bytes
    by chance near its start (in a stored block: bytes of its data, not a member), and where
    they are: a long member of real data holds them now and then."""
    chance = b"x" * 500 + b"\x1f\x8b\x08 is no member" + b"y" * 500
    stored = zlib.compressobj(0, zlib.DEFLATED, -15)
    head = stored.compress(chance) + stored.flush(zlib.Z_SYNC_FLUSH)
    packed = zlib.compressobj(6, zlib.DEFLATED, -15)
    body = b"".join(lines)
    deflate = head + packed.compress(body) + packed.flush()
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"
    data = chance + body
    member = header + deflate + (zlib.crc32(data).to_bytes(4, "little") +
                                 (len(data) & 0xFFFFFFFF).to_bytes(4, "little"))
    assert gzip.decompress(member) == data
    return member, member.find(b"\x1f\x8b\x08", 1)


_LONG = _lines(0, 6000)


def test_a_member_cut_far_past_a_chance_opening_loses_none_of_the_member_after_it(
        tmp_path, monkeypatch):
    """Bytes like a header's in the cut member's own data long before the cut (8 MB into a
    100 MB member, in the reviewer's case) do not stop the member after the cut being found."""
    monkeypatch.setattr(gzip_members, "_CUT_WINDOW", _WINDOW, raising=False)
    monkeypatch.setattr(gzip_members, "_KEEP_BYTES", _WINDOW)   # (what 0848fc1 kept, made small)
    first, chance = _member_with_chance_opening(_LONG)
    # (just before a read's end: the inflater fails in a later read, past the cut)
    at = (1 << 16) * 11 - 100
    assert chance < _WINDOW and chance + 8 * _WINDOW < at < len(first)
    members = _gzip_members()
    items, rejects = _read(tmp_path, "far.jsonl.gz", first[:at] + members[1] + members[2])
    _check(items, rejects, 0, "gzip member", at)


def _most_kept(data: bytes) -> int:
    """The most input the reader held at once, for a cut member, while reading `data` whole."""
    reader = GzipMembers(io.BytesIO(data))
    buffer, most = bytearray(1 << 16), 0
    while reader.readinto(buffer):
        most = max(most, sum(len(piece) for _, piece in reader._kept))
    return most


def test_an_undamaged_member_keeps_only_a_window_of_its_input(monkeypatch):
    """A member that is not cut keeps no more than the window's worth of its input after a
    chance opening (not all of it from there on: 16 MB held for nothing, in 0848fc1), and
    none where no opening lies in the window."""
    monkeypatch.setattr(gzip_members, "_CUT_WINDOW", _WINDOW, raising=False)
    first, _ = _member_with_chance_opening(_LONG)
    assert len(first) > 8 * _WINDOW
    assert 0 < _most_kept(first) <= _WINDOW + gzip_members.CHUNK + 2
    assert _most_kept(_gzip_members()[0]) == 0


@pytest.mark.parametrize("count, tenth", [(40, 2), (100, 1), (40, 5)])
def test_a_member_cut_short_before_a_small_last_one_loses_none_of_it(tmp_path, count, tenth):
    """The inflater may take the whole last member (of `count` lines) in as the cut one's data
    and meet the file's end with no error (it does for the first two here; the last fails
    before): the last member is still found, not the cut one said truncated."""
    members = _gzip_members()
    at = len(members[0]) * tenth // 10
    last = gzip.compress(b"".join(_PARTS[1][:count]), mtime=0)
    items, rejects = _read(tmp_path, "small.jsonl.gz", members[0][:at] + last)
    ids = [item.fields["id"] for item in items]
    assert [i for i in ids if not i.startswith("p0-")] == _ids(1)[:count]
    said = " | ".join(reject.reason for reject in rejects)
    assert f"reading goes on at the next member (byte {at})" in said, said


@pytest.mark.parametrize("back", [1, 2])
def test_a_member_opening_across_two_reads_is_found(tmp_path, back):
    """The next member's magic bytes begin in one read of the cut member and end in the next."""
    members = _gzip_members()
    at = (1 << 16) * 2 - back
    items, rejects = _read(tmp_path, "edge.jsonl.gz", members[0][:at] + members[1] + members[2])
    _check(items, rejects, 0, "gzip member", at)


def test_an_opening_across_two_reads_is_kept_from_its_start():
    """Magic bytes begun in one read the member took in and ended in the next (which inflates
    without error, failing a later one): the input kept starts with them, for _cut_at to try."""
    reader = GzipMembers(io.BytesIO(b""))
    reader._note_openings(b"ab\x1f\x8b", 100, 4)
    reader._note_openings(b"\x08rest", 104, 5)
    assert reader._openings == [102]
    assert reader._kept[0][0] <= 102 and reader._kept_size == 109 - reader._kept[0][0]
