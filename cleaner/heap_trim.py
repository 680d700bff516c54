"""Hand the heap memory a giant record freed back to the system, where the C library keeps it."""

from __future__ import annotations

import ctypes
import os
import sys
from typing import Any, Callable

from cleaner.batches import BATCH_BYTES

# A batch holding this many input bytes or more has left a worker's heap large: a batch of news
# articles ends once it reaches BATCH_BYTES (2 MB; a web page's bytes count HTML_WEIGHT times),
# so it passes twice that only when its last record alone is that large; a record near
# --max-record-bytes (8 MB) does.
TRIM_AFTER_BYTES = 2 * BATCH_BYTES
# A block of this many bytes or more is mapped on its own (map_large_blocks): a news article's
# blocks are far smaller, a giant record's copies of its text far larger.
MMAP_THRESHOLD = 1 << 20
M_MMAP_THRESHOLD = -3            # mallopt's parameter for it (glibc's malloc.h)


def _libc_function(name: str) -> Any:
    """A function of glibc's malloc (a ctypes function), or None on a system without it (macOS,
    musl, Windows)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        # The process's own symbols (the C library among them): ctypes.util.find_library would
        # run ldconfig in every process at import.
        return getattr(ctypes.CDLL(None), name)
    except (OSError, AttributeError):
        return None


def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's malloc_trim, or None on a system without it."""
    trim = _libc_function("malloc_trim")
    if trim is not None:
        trim.argtypes = [ctypes.c_size_t]
    return trim


_TRIM = _malloc_trim()


def give_back_heap(input_bytes: int) -> bool:
    """After a batch of `input_bytes`, give the freed heap back to the system if the batch was
    giant; whether it did.

    Cleaning an 8 MB record leaves a worker at about 160 MB of resident memory, freed but kept
    by glibc in its heap (the text's many lines and pieces are small blocks, not mapped ones);
    trimmed, about 80. An idle worker holding that while the other cleans the next giant record
    is what the memory target is measured against (bench/throughput.py giant-2). A pool's
    workers and Ray's cleaning actors call it after each batch.
    """
    if _TRIM is None or input_bytes < TRIM_AFTER_BYTES:
        return False
    _TRIM(0)
    return True


def give_back_freed() -> bool:
    """Hand all the heap memory freed so far back to the system; whether it could.

    Called by the command once its rules are loaded, before it forks workers: a first run after
    the rules or the code changed checks every rule's pattern (the pack cache's build), and the
    freed heap of that check would otherwise stay resident in the main process and in every
    worker forked from it.
    """
    if _TRIM is None:
        return False
    _TRIM(0)
    return True


def map_large_blocks() -> bool:
    """Have glibc map each block of MMAP_THRESHOLD bytes or more on its own, handed back to the
    system when it is freed; whether it did. For the command's processes only (the CLI and its
    workers), not a program that imports the package; MALLOC_MMAP_THRESHOLD_ in the
    environment wins.

    glibc maps blocks of 128 KB or more at first, but raises that bar to the size of each mapped
    block freed, up to 32 MB: after a giant record's first copy of its text is freed, the next
    copies come from the heap, which grows past them and cannot shrink below a block still in
    use above them. Measured on bench/throughput.py's four giant records: one worker's peak
    251 MB of resident memory against 223 set so; `giant-2` (2 workers) 382-391 MB against
    323-330; news articles took the same CPU time (three runs each).
    """
    if "MALLOC_MMAP_THRESHOLD_" in os.environ:
        return False
    mallopt = _libc_function("mallopt")
    if mallopt is None:
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    return bool(mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD))
