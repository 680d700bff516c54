"""The names outputs are written under until they are complete, and the output such a name is for."""

from __future__ import annotations

import os

# PATH.tmp-PID: the writing process's id tells a killed run's leftover from a live run's file.
# A bare PATH.tmp is an output written by one process at a time (single_output).
_TMP = ".tmp"


def temporary_name(path: str, with_pid: bool = True) -> str:
    """Where this process writes `path` until it is complete: PATH.tmp-PID, or PATH.tmp for an
    output one process at a time writes (`with_pid` False)."""
    return f"{path}{_TMP}-{os.getpid()}" if with_pid else f"{path}{_TMP}"


def written_for(path: str) -> tuple[str, int | None] | None:
    """The output a temporary name is written for, with the writing process's id (None for a
    bare PATH.tmp); None for a name that is no temporary one.

    >>> written_for("out.jsonl.tmp-4711"), written_for("out.jsonl.tmp"), written_for("a.tmp-x")
    (('out.jsonl', 4711), ('out.jsonl', None), None)
    >>> written_for("b.txt.tmp-\u00b2")
    """
    name, tmp, tail = path.rpartition(_TMP)
    if not tmp or not name:
        return None
    if tail == "":
        return name, None
    pid = tail[1:]
    # (ASCII digits: str.isdigit also takes "²", which int() refuses, and a folder walk asks
    # about every file name)
    if tail[:1] == "-" and pid.isascii() and pid.isdigit():
        return name, int(pid)
    return None
