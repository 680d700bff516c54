"""A fingerprint of a run's inputs: every file it reads, in order, with its size and modification time."""

from __future__ import annotations

import hashlib
import os
from typing import Iterable

from cleaner.folders import files_of
from cleaner.inputs import ReadOptions


def input_fingerprint(inputs: Iterable[str], options: ReadOptions) -> str:
    """A digest that changes when a file the inputs name is added, removed, resized or touched.

    A resumed run skips as many input documents as the interrupted one had done: were a file
    added before that point, or one grown or cut, the skip would land elsewhere and records
    would be lost or written twice. The manifest keeps this digest, and --resume compares it.

    >>> input_fingerprint(["/no/such/input"], ReadOptions()) == input_fingerprint(
    ...     ["/no/such/input"], ReadOptions())
    True
    """
    digest = hashlib.sha256()
    for name in inputs:
        if name == "-":
            digest.update(b"-\n")
            continue
        for file in files_of(name, options):
            # Below the input as named, so that the same input spelled from another folder
            # (the run key compares the inputs themselves) gives the same digest.
            below = os.path.relpath(file, name) if file != name else "."
            try:
                info = os.stat(file)
                line = f"{below}\t{info.st_size}\t{info.st_mtime_ns}\n"
            except OSError:
                line = f"{below}\tmissing\n"
            digest.update(line.encode("utf-8", "surrogateescape"))
    return digest.hexdigest()
