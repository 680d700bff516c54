"""The names outputs are written under until they are complete, and the output such a name is for."""

from __future__ import annotations

import os

# PATH.tmp-PID: the writing process's id tells a killed run's leftover from a live run's file.
# (A bare PATH.tmp, as earlier versions wrote a Parquet file, is still known as one.)
_TMP = ".tmp"
# PATH.tmp-PID.aside: a file an earlier run left at PATH, set aside by process PID while it puts
# its own there (single_output's rejects file, until the records beside it are in place).
_ASIDE = ".aside"


def temporary_name(path: str, pid: int | None = None) -> str:
    """Where this process (or process `pid`) writes `path` until it is complete: PATH.tmp-PID."""
    return f"{path}{_TMP}-{pid or os.getpid()}"


def aside_name(path: str) -> str:
    """Where this process keeps the file an earlier run left at `path` while it puts its own
    there: PATH.tmp-PID.aside, a temporary name of `path` (written_for)."""
    return f"{temporary_name(path)}{_ASIDE}"


def set_aside(name: str) -> tuple[str, int] | None:
    """The file an aside name (aside_name) is for, with the process that set it aside; None for
    any other name.

    >>> set_aside("r.jsonl.tmp-4711.aside"), set_aside("r.jsonl.tmp-4711")
    (('r.jsonl', 4711), None)
    """
    found = written_for(name) if name.endswith(_ASIDE) else None
    return (found[0], found[1]) if found is not None and found[1] is not None else None


def written_for(path: str) -> tuple[str, int | None] | None:
    """The output a temporary name is written for, with the writing process's id (None for a
    bare PATH.tmp); None for a name that is no temporary one. An aside name (aside_name) is one.

    >>> written_for("out.jsonl.tmp-4711"), written_for("out.jsonl.tmp"), written_for("a.tmp-x")
    (('out.jsonl', 4711), ('out.jsonl', None), None)
    >>> written_for("b.txt.tmp-\u00b2"), written_for("r.jsonl.tmp-4711.aside")
    (None, ('r.jsonl', 4711))
    """
    name, tmp, tail = path.rpartition(_TMP)
    if not tmp or not name:
        return None
    if tail == "":
        return name, None
    pid = tail[1:].removesuffix(_ASIDE)
    # (ASCII digits: str.isdigit also takes "²", which int() refuses, and a folder walk asks
    # about every file name)
    if tail[:1] == "-" and pid.isascii() and pid.isdigit():
        return name, int(pid)
    return None
