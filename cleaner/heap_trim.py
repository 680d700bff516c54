"""Hand the heap memory a giant record freed back to the system, where the C library keeps it."""

from __future__ import annotations

import ctypes
import sys
from typing import Callable

from cleaner.batches import BATCH_BYTES

# A batch holding this many input bytes or more has left a worker's heap large: a batch of news
# articles ends once it reaches BATCH_BYTES (2 MB; a web page's bytes count HTML_WEIGHT times),
# so it passes twice that only when its last record alone is that large; a record near
# --max-record-bytes (8 MB) does.
TRIM_AFTER_BYTES = 2 * BATCH_BYTES


def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's malloc_trim, or None on a system without it (macOS, musl, Windows)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        # The process's own symbols (the C library among them): ctypes.util.find_library would
        # run ldconfig in every process at import.
        trim = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):
        return None
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
