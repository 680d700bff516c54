"""After a giant batch a worker hands its freed heap back to the system (glibc keeps it otherwise)."""

from __future__ import annotations

import sys

import pytest

from cleaner.heap_trim import TRIM_AFTER_BYTES, give_back_freed, give_back_heap

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc_trim")


def _resident_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * 4096 / 1e6


@linux_only
def test_only_a_giant_batch_is_followed_by_a_trim():
    assert give_back_heap(TRIM_AFTER_BYTES) is True
    assert give_back_heap(2 << 20) is False         # a batch of articles (batches.BATCH_BYTES)


def _fragmented_heap() -> list[bytes]:
    """4 KB blocks (glibc's heap, not Python's small-object arenas), every 16th kept: the freed
    ones are holes the heap cannot shrink past, as a giant record's lines leave it."""
    blocks = [bytes(4096) + bytes([i % 256]) for i in range(40_000)]
    return blocks[::16]


@linux_only
def test_a_trim_gives_back_what_a_fragmented_heap_kept():
    kept = _fragmented_heap()
    before = _resident_mb()
    assert give_back_heap(TRIM_AFTER_BYTES)
    after = _resident_mb()
    assert before - after > 50, (before, after)
    assert len(kept) == 2500


@linux_only
def test_giving_back_what_was_freed_shrinks_a_fragmented_heap_whatever_the_batch():
    kept = _fragmented_heap()
    before = _resident_mb()
    assert give_back_freed()
    assert before - _resident_mb() > 50
    assert len(kept) == 2500


def test_a_run_gives_back_the_freed_heap_once_its_rules_are_loaded(tmp_path, monkeypatch):
    from cleaner import cli_clean
    from cleaner.cli import main

    calls = []
    monkeypatch.setattr(cli_clean, "give_back_freed", lambda: calls.append("trim") or True)
    real = cli_clean.load_cleaner
    monkeypatch.setattr(cli_clean, "load_cleaner",
                        lambda args: calls.append("load") or real(args))
    (tmp_path / "in.jsonl").write_text('{"text": "Satu dua tiga."}\n')
    assert main(["clean", str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "out.jsonl"),
                 "-q", "--workers", "1"]) == 0
    assert calls == ["load", "trim"]
