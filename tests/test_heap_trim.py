"""After a giant batch a worker hands its freed heap back to the system (glibc keeps it otherwise)."""

from __future__ import annotations

import sys

import pytest

from cleaner.heap_trim import TRIM_AFTER_BYTES, give_back_heap

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc_trim")


def _resident_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * 4096 / 1e6


@linux_only
def test_only_a_giant_batch_is_followed_by_a_trim():
    assert give_back_heap(TRIM_AFTER_BYTES) is True
    assert give_back_heap(2 << 20) is False         # a batch of articles (batches.BATCH_BYTES)


@linux_only
def test_a_trim_gives_back_what_a_fragmented_heap_kept():
    # 4 KB blocks (glibc's heap, not Python's small-object arenas), every 16th kept: the freed
    # ones are holes the heap cannot shrink past, as a giant record's lines leave it.
    blocks = [bytes(4096) + bytes([i % 256]) for i in range(40_000)]
    kept = blocks[::16]
    del blocks
    before = _resident_mb()
    assert give_back_heap(TRIM_AFTER_BYTES)
    after = _resident_mb()
    assert before - after > 50, (before, after)
    assert len(kept) == 2500
