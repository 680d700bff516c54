"""Inputs a run may read: never its own outputs, and no file twice."""

from __future__ import annotations

import errno
import os
from dataclasses import replace

from cleaner.run_config import RunConfig, is_sharded, own_outputs
from cleaner.shards import OutputError


def _overlapping_inputs(inputs: list[str]) -> str | None:
    """Why some input would be read twice (named twice, by a link or a hard link too, or inside
    a folder also named), if so."""
    seen: dict[str, str] = {}
    files: dict[tuple[int, int], str] = {}      # by device and inode: what a hard link shares
    for name in inputs:
        if name == "-":
            continue
        path = os.path.realpath(name)
        for other, other_name in seen.items():
            if path == other:
                return f"{name} is named twice (as {other_name})"
            if path.startswith(other + os.sep) or other.startswith(path + os.sep):
                inner, outer = ((name, other_name) if path.startswith(other + os.sep)
                                else (other_name, name))
                return f"{inner} is inside {outer}"
        seen[path] = name
        key = _file_key(name)
        if key in files:
            return f"{name} is named twice (as {files[key]}: two names of one file)"
        if key is not None:
            files[key] = name
    return None


def _file_key(name: str) -> tuple[int, int] | None:
    """The device and inode of the file or folder a path names; None where it names none."""
    try:
        found = os.stat(name)
    except OSError:
        return None
    return found.st_dev, found.st_ino


def _same_file(one: str, other: str) -> bool:
    """Whether two existing paths are one file (a hard link too); False where either is not."""
    try:
        return os.path.samefile(one, other)
    except OSError:
        return False


def missing_input(inputs: list[str]) -> str | None:
    """Why a command refuses its inputs before any work (exit 2) where one does not exist (a
    typo, a shell pattern that matched nothing, a symbolic link to nothing or in a loop),
    naming the first; None when all are there."""
    for name in inputs:
        if name != "-" and (why := _not_there(name)) is not None:
            return why
    return None


def _not_there(name: str) -> str | None:
    """Why a path names no file or folder to read, if so."""
    try:
        os.stat(name)
    except FileNotFoundError:
        if os.path.islink(name):
            return (f"{name} is a symbolic link to {os.readlink(name)}, "
                    "which does not exist")
        return f"no such file or folder: {name}"
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return f"{name} is a symbolic link in a loop: it leads back to itself"
        # (a folder above it that cannot be searched: the reader says so, as of any file)
        return None
    return None


def guard_inputs(config: RunConfig) -> tuple[RunConfig, list[str]]:
    """The config with its own outputs kept out of the inputs, and a note for each output an
    input folder holds; OutputError when an input does not exist, when an input is itself an
    output (the run would overwrite what it reads) or lies inside the shard folder, or when
    inputs overlap (their files would be read, and written, twice)."""
    missing = missing_input(config.inputs)
    if missing is not None:
        raise OutputError(missing)
    if config.inputs.count("-") > 1:
        raise OutputError("- (standard input) is named twice; it can be read once")
    overlap = _overlapping_inputs(config.inputs)
    if overlap:
        raise OutputError(f"{overlap}: its documents would be cleaned and written twice; name "
                          "each file or folder once")
    outputs = own_outputs(config)
    shards = os.path.realpath(config.output) if is_sharded(config) else None
    notes = []
    for name in config.inputs:
        if name == "-":
            continue
        # Real paths, and the files themselves: an input reached through a link, or a hard link
        # of an output, would be overwritten as surely as the output's own name.
        path = os.path.realpath(name)
        if path in outputs or shards and (path + os.sep).startswith(shards + os.sep) \
                or any(_same_file(name, output) for output in outputs):
            raise OutputError(f"{name} is an input and also what this run writes; "
                              "write the output elsewhere")
        for output in outputs:
            if os.path.isdir(path) and output.startswith(path + os.sep) \
                    and os.path.exists(output):
                notes.append(f"not reading {os.path.relpath(output)}: it is this run's output")
    return replace(config, read_options=replace(config.read_options, exclude=outputs)), notes
