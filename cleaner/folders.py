"""The files an input folder holds that a run reads, in a stable order, with their record ids."""

from __future__ import annotations

import fnmatch
import os
from pathlib import Path
from typing import Iterator

from cleaner.inputs import ReadLog, ReadOptions, without_compression


def folder_files(folder: Path, options: ReadOptions, log: ReadLog) -> Iterator[tuple[str, str]]:
    """(path, record id) of the files under a folder that reading takes, in a stable order; the
    id is the path below the folder without its suffix ("2022/01/a.txt": "2022/01/a"). Hidden
    files and names no --glob takes are counted as skipped.

    Strings, not Path objects: a folder of small articles spent as long in pathlib (a Path per
    file, matching each glob, the relative id) as in reading the files.
    """
    wanted = _name_filter(options.glob)
    exclude = options.exclude
    top = str(folder)
    for root, dirs, files in os.walk(top):
        below = os.path.relpath(root, top)
        here = os.path.normpath(os.path.join(os.path.abspath(top), below)) if exclude else ""
        dirs[:] = sorted(d for d in dirs if not d.startswith(".")
                         and not (exclude and os.path.join(here, d) in exclude))
        for name in sorted(files):
            path = os.path.join(root, name)
            if exclude and _written_here(os.path.join(here, name), exclude):
                continue
            if name.startswith(".") or not wanted(name, path):
                log.skipped += 1
                continue
            yield path, (stem_of(name) if below == "." else os.path.join(below, stem_of(name)))


def files_of(name: str, options: ReadOptions) -> Iterator[str]:
    """The files one input names, in the order reading takes them: a folder's (folder_files),
    else the input itself."""
    path = Path(name)
    if path.is_dir():
        for file, _ in folder_files(path, options, ReadLog()):
            yield file
    else:
        yield name


def _written_here(path: str, outputs: frozenset[str]) -> bool:
    """Whether a file is one of this run's outputs, or one being written under a temporary
    name: the output's name and ".tmp" or ".tmp-PID"."""
    if path in outputs:
        return True
    name, tmp, tail = path.rpartition(".tmp")
    return bool(tmp) and (tail == "" or tail[:1] == "-" and tail[1:].isdigit()) and name in outputs


def _name_filter(globs: tuple[str, ...]):
    """Whether a file (its name, its path) matches one of the globs, as Path.match says: a glob
    without a separator is matched against the name alone, with the platform's case rules."""
    if any("/" in glob or os.sep in glob for glob in globs):
        return lambda name, path: any(Path(path).match(glob) for glob in globs)
    return lambda name, path: any(fnmatch.fnmatch(name, glob) for glob in globs)


def stem_of(name: str) -> str:
    """A file name without its last suffix, as Path.stem gives it, and without a compression
    suffix before that.

    >>> stem_of("a.b.txt"), stem_of(".txt"), stem_of("x."), stem_of("README")
    ('a.b', '.txt', 'x.', 'README')
    >>> stem_of("page.html.gz"), stem_of("a.zst")
    ('page', 'a')
    """
    name = without_compression(name)
    dot = name.rfind(".")
    return name[:dot] if 0 < dot < len(name) - 1 else name
