"""A gzip member or zstd frame cut short (its end missing) and followed by an intact one: the
intact one's lines are read as records, not lost as the cut one's garbage or as junk."""

from __future__ import annotations

import gzip
import json
import random

import pytest
import zstandard

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
