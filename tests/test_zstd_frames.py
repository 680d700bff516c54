"""A .zst file cut off inside a frame is reported, where zstd's stream reader ends silently."""

from __future__ import annotations

import io
import json

import zstandard

from cleaner.inputs import Item, Reject
from cleaner.readers import iter_inputs
from cleaner.zstd_frames import unfinished_frame


def _frames() -> bytes:
    """Two frames (one with a checksum, one without its size), a skippable frame between."""
    first = zstandard.ZstdCompressor(write_checksum=True).compress(b"berita satu " * 3000)
    skippable = (0x184D2A5A).to_bytes(4, "little") + (5).to_bytes(4, "little") + b"12345"
    second = zstandard.ZstdCompressor(write_content_size=False).compress(b"dua " * 40000)
    return first + skippable + second


def test_whole_frames_pass_and_every_cut_is_found():
    data = _frames()
    assert unfinished_frame(io.BytesIO(data), len(data)) is None
    for end in range(1, len(data)):
        if end in _frame_ends(data):
            continue
        assert unfinished_frame(io.BytesIO(data[:end]), end) is not None, end
    garbage = data + b"not zstd"
    assert unfinished_frame(io.BytesIO(garbage), len(garbage)) == f"no zstd frame at byte {len(data)}"


def _frame_ends(data: bytes) -> set[int]:
    """The cut points that leave whole frames only."""
    first = len(zstandard.ZstdCompressor(write_checksum=True).compress(b"berita satu " * 3000))
    return {first, first + 13}


def test_a_cut_off_jsonl_zst_ends_with_a_reject_after_its_whole_records(tmp_path):
    rows = [{"id": str(i), "text": f"Isi berita nomor {i}, tentang banjir {i * 7919}."}
            for i in range(20000)]
    data = b"".join(json.dumps(row).encode() + b"\n" for row in rows)
    whole = zstandard.ZstdCompressor().compress(data)
    path = tmp_path / "cut.jsonl.zst"
    path.write_bytes(whole[:len(whole) * 3 // 4])
    *items, last = iter_inputs([str(path)])
    assert all(isinstance(item, Item) for item in items) and len(items) > 1000
    assert [item.text for item in items] == [row["text"] for row in rows[:len(items)]]
    assert isinstance(last, Reject) and "is cut off (the file ends inside it)" in last.reason
    article = tmp_path / "cut.txt.zst"
    article.write_bytes(zstandard.ZstdCompressor().compress(data)[:1000])
    [refused] = iter_inputs([str(article)])
    assert isinstance(refused, Reject) and refused.reason.startswith("cannot decompress")
