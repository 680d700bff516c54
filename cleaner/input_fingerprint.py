"""A fingerprint of a run's inputs: every file it reads, in order, with its size and modification
time; one digest of them all and, per input named, its own digest and its files one by one, so
that a refused resume can say which file changed and how (changes_said)."""

from __future__ import annotations

import hashlib
import os
from datetime import datetime, timezone
from typing import Any, Iterable

from cleaner.folders import files_of
from cleaner.inputs import ReadOptions, printable

# The most files the fingerprint lists one by one. The manifest keeping it is rewritten at every
# checkpoint: past this (a folder of a file per article), each input keeps its digest alone, and
# a refused resume names the input rather than the file in it.
FILES_LISTED = 10_000


def input_fingerprint(inputs: Iterable[str], options: ReadOptions) -> dict[str, Any]:
    """What the files the inputs name are now: a digest that changes when one is added, removed,
    resized or touched (`digest`) and, per input as named (`inputs`), its own digest and, up to
    FILES_LISTED in all, its files with their size and modification time.

    A resumed run skips as many input documents as the interrupted one had done: were a file
    added before that point, or one grown or cut, the skip would land elsewhere and records
    would be lost or written twice. The manifest keeps this, and --resume compares the digests
    (fingerprint_digest: an earlier version kept the digest alone, computed the same way).

    >>> input_fingerprint(["/no/such/input"], ReadOptions()) == input_fingerprint(
    ...     ["/no/such/input"], ReadOptions())
    True
    """
    digest = hashlib.sha256()
    kept: list[dict[str, Any]] = []
    listed = 0
    for name in inputs:
        own = hashlib.sha256()
        files: list[dict[str, Any]] = []
        for below, size, mtime_ns in _files_below(name, options):
            line = "-\n" if name == "-" else (f"{below}\tmissing\n" if size is None
                                              else f"{below}\t{size}\t{mtime_ns}\n")
            data = line.encode("utf-8", "surrogateescape")
            digest.update(data)
            own.update(data)
            listed += 1
            if listed <= FILES_LISTED:
                # (printable: the manifest is JSON, which holds no undecodable file name)
                files.append({"file": printable(below), "size": size, "mtime_ns": mtime_ns})
        kept.append({"input": printable(name), "digest": own.hexdigest(), "files": files})
    if listed > FILES_LISTED:
        for one in kept:
            del one["files"]
    return {"digest": digest.hexdigest(), "inputs": kept}


def _files_below(name: str, options: ReadOptions):
    """(path below the input as named, size, modification time in ns) of each file an input
    names, in reading order; size and time None for one that cannot be looked at. Below the
    input, so that the same input spelled from another folder (the run key compares the inputs
    themselves) gives the same fingerprint."""
    if name == "-":
        yield "-", None, None
        return
    for file in files_of(name, options):
        below = os.path.relpath(file, name) if file != name else "."
        try:
            info = os.stat(file)
        except OSError:
            yield below, None, None
            continue
        yield below, info.st_size, info.st_mtime_ns


def fingerprint_digest(kept: Any) -> str | None:
    """The digest of a fingerprint as a manifest keeps it: this version's (input_fingerprint)
    or an earlier one's (the digest alone); None for anything else (a hand edit).

    >>> fingerprint_digest("ab12"), fingerprint_digest({"digest": "ab12", "inputs": []})
    ('ab12', 'ab12')
    >>> fingerprint_digest(7) is None
    True
    """
    if isinstance(kept, str):
        return kept
    if isinstance(kept, dict) and isinstance(kept.get("digest"), str):
        return kept["digest"]
    return None


def changes_said(before: Any, now: dict[str, Any]) -> list[str]:
    """Each file that differs between the fingerprint a manifest keeps and the inputs' now, in
    reading order, named by its path as this run gives it and said with what changed; an input
    whose files were not listed is named whole. Empty where the manifest's does not say (an
    earlier version's digest alone, a hand edit), or the inputs named differ.

    >>> was = {"input": "d", "digest": "1", "files": [
    ...     {"file": "a.jsonl", "size": 10, "mtime_ns": 5},
    ...     {"file": "b.jsonl", "size": 10, "mtime_ns": 5}]}
    >>> now = {"input": "d", "digest": "2", "files": [
    ...     {"file": "a.jsonl", "size": 12, "mtime_ns": 6},
    ...     {"file": "c.jsonl", "size": 10, "mtime_ns": 5}]}
    >>> changes_said({"inputs": [was]}, {"inputs": [now]})
    ['d/a.jsonl (its size: 10 bytes, now 12)', 'd/c.jsonl (added)', 'd/b.jsonl (removed)']
    """
    kept = before.get("inputs") if isinstance(before, dict) else None
    if not isinstance(kept, list) or len(kept) != len(now["inputs"]):
        return []
    said: list[str] = []
    for was, one in zip(kept, now["inputs"]):
        if not isinstance(was, dict) or not isinstance(was.get("digest"), str):
            return []
        if was["digest"] == one["digest"]:
            continue
        if "files" not in was or "files" not in one:
            # (past FILES_LISTED files, on one side or the other: the input is named)
            said.append(f"{one['input']} (a file in it was added, removed or changed)"
                        if os.path.isdir(one["input"]) else f"{one['input']} (changed)")
            continue
        files = _files_by_name(was["files"])
        if files is None:
            return []
        said += _file_changes(one["input"], files, one["files"])
    return said


def _files_by_name(files: Any) -> dict[str, dict[str, Any]] | None:
    """A manifest's files of one input by their path below it; None where it lists none, or
    not as input_fingerprint does."""
    if not isinstance(files, list):
        return None
    by_name = {}
    for file in files:
        if not isinstance(file, dict) or not isinstance(file.get("file"), str):
            return None
        by_name[file["file"]] = file
    return by_name


def _file_changes(name: str, before: dict[str, dict[str, Any]],
                  now: list[dict[str, Any]]) -> list[str]:
    """What differs among one input's files: each changed or added one in reading order, then
    each removed one."""
    said = []
    for file in now:
        path = _path_of(name, file["file"])
        was = before.get(file["file"])
        if was is None:
            said.append(f"{path} (added)")
        elif was.get("size") != file["size"]:
            said.append(f"{path} (its size: {_bytes(was.get('size'))}, now "
                        f"{_bytes(file['size'], unit=False)})")
        elif was.get("mtime_ns") != file["mtime_ns"]:
            was_time, time_now = _times(was.get("mtime_ns"), file["mtime_ns"])
            said.append(f"{path} (its modification time: {was_time}, now {time_now})")
    present = {file["file"] for file in now}
    said += [f"{_path_of(name, below)} (removed)" for below in before if below not in present]
    return said


def _path_of(name: str, below: str) -> str:
    """A file by its path as the run gives it: the input itself, or a file under it."""
    return name if below == "." else os.path.join(name, below)


def _times(before: Any, now: Any) -> tuple[str, str]:
    """Two modification times (ns) as a refusal says them: ISO 8601 in UTC, to the second, or
    to the nanosecond where they read the same to the second (a file touched within it); a
    time the manifest does not hold as a number (a hand edit), or that no date holds, "unknown".

    >>> _times(1_700_000_000_123_456_789, 1_700_000_007_000_000_000)
    ('2023-11-14T22:13:20Z', '2023-11-14T22:13:27Z')
    >>> _times(1_700_000_000_100_000_000, 1_700_000_000_900_000_000)[1]
    '2023-11-14T22:13:20.900000000Z'
    """
    was, then = _utc(before), _utc(now)
    if was is not None and was == then:
        was, then = _utc(before, fraction=True), _utc(now, fraction=True)
    return was or "unknown", then or "unknown"


def _utc(ns: Any, fraction: bool = False) -> str | None:
    """A time in ns since the epoch as ISO 8601 in UTC ("2023-11-14T22:13:20Z", the year in four
    digits, 0001 to 9999), with its nanoseconds where `fraction`; None for no number (an int),
    or one no date holds."""
    if type(ns) is not int:
        return None
    whole, part = divmod(ns, 1_000_000_000)
    try:
        moment = datetime.fromtimestamp(whole, timezone.utc)
    except (OverflowError, OSError, ValueError):
        return None
    # (isoformat, not strftime's %Y: that writes year 1 as "1", which is no ISO 8601)
    stamp = moment.replace(tzinfo=None).isoformat(timespec="seconds")
    return f"{stamp}.{part:09d}Z" if fraction else f"{stamp}Z"


def _bytes(size: Any, unit: bool = True) -> str:
    """A size as said in a refusal: "10 bytes" (the second of a pair, "12"); a file that could
    not be looked at, "unreadable"."""
    if not isinstance(size, int):
        return "unreadable"
    return f"{size} bytes" if unit else str(size)
