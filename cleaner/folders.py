"""The files an input folder holds that a run reads, in a stable order, with their record ids."""

from __future__ import annotations

import fnmatch
import os
import stat
from collections import Counter
from pathlib import Path
from typing import Iterable, Iterator

from cleaner.inputs import (ReadLog, ReadOptions, Reject, other_compression,
                            other_compression_reason, without_compression)
from cleaner.output_sniff import RECORDS, REJECTS, REPORT, earlier_rejects, written_kind
from cleaner.shards import MANIFEST
from cleaner.temporary_names import written_for


def folder_files(folder: Path, options: ReadOptions, log: ReadLog) -> Iterator[tuple[str, str]]:
    """(path, record id) of the regular files under a folder that reading takes, in a stable
    order (folder_entries). A folder that cannot be listed and a file that is not a regular
    one are not read: each is counted in `log.skipped_records` with its path and reason, for
    callers that take no Rejects from a folder walk, so that the summary names it."""
    for entry in folder_entries(folder, options, log):
        if isinstance(entry, Reject):
            log.skipped_records[f"{entry.source}: {entry.reason}"] += 1
        else:
            yield entry


def folder_entries(folder: Path, options: ReadOptions, log: ReadLog
                   ) -> Iterator[tuple[str, str] | Reject]:
    """(path, record id) of the files under a folder that reading takes, in a stable order; the
    id is the path below the folder without its suffix ("2022/01/a.txt": "2022/01/a"; with it
    where two files would share one id: "a.txt" and "a.html"). Names no --glob takes are counted
    as skipped; hidden files a glob takes in `log.skipped_records` (HIDDEN_FILES), and each hidden
    folder, not walked, named there once where --hidden would read more (_say_hidden_folders):
    ReadOptions.hidden reads them. Links to folders
    are followed, a folder reached twice (a link to it, a loop of links) walked once, under its
    first name in walk order (its real name, where that is listed beside the link), the other
    named in `log.skipped_records`. A folder that cannot be listed, and a file reading would take
    that is not a regular one (a named pipe, a socket, a device), are Rejects in their place: a
    pipe would hang the run, and either would otherwise go unsaid.
    What an earlier run wrote there (a shard folder, a file of cleaned records, a rejects file
    by its name: output_sniff.earlier_rejects) is passed over and counted in
    `log.skipped_records`, unless the folder named is itself a shard folder (its rejects are
    passed over still).

    Strings, not Path objects: a folder of small articles spent as long in pathlib (a Path per
    file, matching each glob, the relative id) as in reading the files.
    """
    wanted = _name_filter(options.glob)
    exclude = options.exclude
    text_field = options.text_field
    top = str(folder)
    names = _FileNames(log)
    folders = _Folders(top)
    hidden = options.hidden
    hidden_folders: list[os.DirEntry] = []     # passed over: _say_hidden_folders names them
    sniff = True           # pass over files of records a cleaner run wrote (output_sniff)
    stack = ["."]          # folders below `top`, walked depth first in name order, as os.walk
    while stack:
        below = stack.pop()
        root = top if below == "." else os.path.join(top, below)
        listing = _listing(root)
        if isinstance(listing, OSError):
            yield Reject(_as_source(root), None,
                         f"cannot read folder: {listing.strerror or listing}")
            continue
        dirs, files = listing
        if below != "." and MANIFEST in files:
            # A shard folder an earlier run wrote into the dump's folder: its records would be
            # cleaned again beside the inputs they came from. Named as an input, it is read.
            log.skipped_records[f"{_as_source(root)}: a folder of shards a cleaner run wrote "
                                f"(it holds {MANIFEST}); name it as an input to read it"] += 1
            continue
        if below == "." and MANIFEST in files:
            sniff = False          # a shard folder named as an input: its records are read
        names.enter(root)
        # Real paths, as own_outputs gives them: an input folder reached through a link must
        # still leave this run's outputs out.
        here = os.path.realpath(os.path.join(top, below)) if exclude else ""
        walked = []
        for entry in sorted(dirs, key=_name):
            path = os.path.join(root, entry.name)
            if exclude and (os.path.realpath(path) if entry.is_symlink()
                            else os.path.join(here, entry.name)) in exclude:
                continue
            if entry.name.startswith(".") and not hidden:
                hidden_folders.append(entry)        # (said at the end of the walk, if at all)
                continue
            walked.append(entry)
        for entry in folders.new(walked, root, names.device, log):
            stack.append(os.path.normpath(os.path.join(below, entry.name)))
        taken = []
        for name, entry in sorted(files.items()):
            path = os.path.join(root, name)
            if exclude and _written_here(os.path.join(here, name), exclude):
                continue
            refused = None
            if not wanted(name, path):
                refused = _unread_dump(name, path, wanted)      # "a.jsonl.bz2": a reject
                if refused is None:
                    log.skip_file(name)
                    continue
            if name.startswith(".") and not hidden:
                # (a glob takes it: "skipped as not matching the input patterns" was untrue)
                log.skipped_records[HIDDEN_FILES] += 1
                continue
            taken.append((name, entry, path, refused))
        shared = _shared_stems(name for name, _, _, refused in taken if refused is None)
        for name, entry, path, refused in taken:
            if refused is not None:
                yield Reject(_as_source(path), None, refused)
                continue
            kind = _not_regular(entry)
            if kind:
                yield Reject(_as_source(path), None, f"not a regular file ({kind}): in a "
                                                     "folder only regular files are read")
                continue
            if names.seen_before(entry):
                continue
            written = written_kind(path)
            passed = REJECTS if earlier_rejects(name, written, text_field) else \
                written if sniff and written in (RECORDS, REPORT) else None
            if passed is not None:
                # Left in the dump's folder by an earlier run (-o dump/clean.jsonl): its records
                # would be cleaned again beside the documents they came from, its rejects (not
                # documents) rejected again, doubling on every rerun. A shard folder named as
                # an input has its records read, not its rejects. A rejects file is told by its
                # name too: a scraper's dump may open with a record of a reject's shape.
                log.skipped_records[f"{_as_source(path)}: {_WRITTEN[passed]}; name it as an "
                                    f"input to read it"] += 1
                continue
            stem = name if stem_of(name) in shared else stem_of(name)
            yield path, (stem if below == "." else os.path.join(below, stem))
    _say_hidden_folders(hidden_folders, folders, exclude, text_field, log)


# What a file an earlier run wrote holds, as a folder walk that passes it over says.
_WRITTEN = {RECORDS: "records a cleaner run wrote (they carry meta, removed, flags and fixes)",
            REJECTS: "rejects a cleaner run wrote (they carry source, reason and raw)",
            REPORT: "a cleaner run's --report page"}


# What a hidden file a glob takes is counted under (in `ReadLog.skipped_records`).
# (said after its count: "2 hidden (...)")
HIDDEN_FILES = "hidden (a file's name starting with a dot), not read: --hidden reads them"


def _name(entry: os.DirEntry) -> str:
    """An entry's name, to sort a listing by."""
    return entry.name


def hidden_folder_reason(path: str) -> str:
    """What a hidden folder passed over is counted under in `ReadLog.skipped_records` (once: a
    stable --stats key, its files not counted, as counting them walked .git's thousands)."""
    return f"{_as_source(path)}: a hidden folder, not read (--hidden reads it)"


def _say_hidden_folders(entries: list[os.DirEntry], folders: "_Folders", exclude: frozenset[str],
                        text_field: str, log: ReadLog) -> None:
    """Name in `log.skipped_records` each hidden folder the walk passed over where --hidden
    would read something more: not one the walk read under another name (`arsip -> .arsip`, a
    hidden link to a folder read: `.self -> .`), nor one holding only what a cleaner run wrote
    (a shard folder, `.out/clean.jsonl`). Never walked: one listing at most, of a few entries."""
    for entry in entries:
        try:
            if entry.is_symlink():
                found = entry.stat()
                key = (found.st_dev, found.st_ino)
            else:
                key = (entry.stat(follow_symlinks=False).st_dev, entry.inode())
        except OSError:             # a broken link: nothing --hidden would read
            continue
        if key in folders.taken or _holds_only_outputs(entry.path, exclude, text_field):
            continue
        log.skipped_records[hidden_folder_reason(entry.path)] += 1


# A hidden folder holding more entries than this is not looked into further (_holds_only_outputs).
PEEK_ENTRIES = 8


def _holds_only_outputs(folder: str, exclude: frozenset[str], text_field: str) -> bool:
    """Whether a hidden folder holds nothing --hidden would read, as far as a glance tells: no
    entry at all, a cleaner's shard folder (its manifest), or at most PEEK_ENTRIES files each of
    them written by a cleaner run (this run's outputs, an earlier run's records or rejects)."""
    try:
        with os.scandir(folder) as listing:
            entries = [entry for _, entry in zip(range(PEEK_ENTRIES + 1), listing)]
    except OSError:
        return False                # (--hidden would say why it cannot be read)
    if any(entry.name == MANIFEST for entry in entries):
        return True
    if len(entries) > PEEK_ENTRIES:
        return False
    for entry in entries:
        try:
            if not entry.is_file():
                return False
        except OSError:
            return False
        if exclude and _written_here(os.path.realpath(entry.path), exclude):
            continue
        written = written_kind(entry.path)
        if written != RECORDS and not earlier_rejects(entry.name, written, text_field):
            return False
    return True


class _Folders:
    """The folders a walk has taken, by device and inode, so that a folder reached again (a
    link to it, a loop of links: `up -> ..`) is walked once: the walk ends, and its files are
    not read twice. Among a folder's subfolders, the real ones are taken before the links, so
    that a link beside the folder it names gives way to it."""

    def __init__(self, top: str):
        self.taken: dict[tuple[int, int], str] = {}
        try:
            found = os.stat(top)
            self.taken[(found.st_dev, found.st_ino)] = _as_source(top)
        except OSError:
            pass

    def new(self, entries: list[os.DirEntry], root: str, device: int,
            log: ReadLog) -> list[os.DirEntry]:
        """The subfolders of `root` (`device`: its device) not taken before, in reverse name
        order, as a stack takes them; each other one is counted in `log.skipped_records`."""
        keys: dict[str, tuple[int, int]] = {}
        for entry in sorted(entries, key=lambda entry: entry.is_symlink()):
            try:
                if entry.is_symlink():
                    found = entry.stat()
                    key = (found.st_dev, found.st_ino)
                else:
                    key = (device, entry.inode())
            except OSError:         # (listing it then says why)
                continue
            path = _as_source(entry.path)
            first = self.taken.setdefault(key, path)
            if first != path:
                kind = "a link to a folder" if entry.is_symlink() else "a folder"
                log.skipped_records[f"{path}: {kind} read under another name ({first})"] += 1
            else:
                keys[entry.name] = key
        kept = [entry for entry in entries if entry.name in keys]
        kept.reverse()
        return kept


def _unread_dump(name: str, path: str, wanted) -> str | None:
    """Why a file no glob takes is refused, where it is a dump in a compression not read
    ("a.jsonl.bz2", "b.jsonl.xz": the globs take its name without that suffix): the command
    that unpacks it to standard input, as the file named on its own is told (readers). None for
    any other file, counted as skipped ("photos.zip", "notes.md.bz2")."""
    suffix = other_compression(name)
    if suffix is None or not wanted(name[:-len(suffix)], path[:-len(suffix)]):
        return None
    return other_compression_reason(suffix)


class _FileNames:
    """The files a walk has read, by device and inode, so that a file reached by a second name
    (a symbolic or hard link) is not read again: its documents would be written twice, as for
    inputs named twice, which are refused. The first name in walk order is the one read; over
    the input folders of a run, in the order they are named (their walks share its ReadLog). A
    link that cannot be followed is left to reading, which says why."""

    SKIPPED = "another name (a link) of a file already read"

    def __init__(self, log: ReadLog):
        self.log = log
        self.device = 0
        self.read = log.files_read

    def enter(self, folder: str) -> None:
        """The folder whose entries come next (its device: an entry's inode comes with the
        listing, its device would cost a system call a file)."""
        try:
            self.device = os.stat(folder).st_dev
        except OSError:
            self.device = 0

    def seen_before(self, entry: os.DirEntry) -> bool:
        """Whether the entry names a file already read (counted as skipped)."""
        try:
            if entry.is_symlink():
                target = entry.stat()
                key = (target.st_dev, target.st_ino)
            else:
                key = (self.device, entry.inode())
        except OSError:
            return False
        if key in self.read:
            self.log.duplicate_files[self.read[key]] += 1
            return True
        self.read[key] = self.SKIPPED
        return False


def _as_source(path: str) -> str:
    """A path as a source is named: as pathlib writes it, "a.txt", not "./a.txt" (as readers
    names the files of a folder)."""
    return path[2:] if path.startswith("./") and len(path) > 2 else path


def _listing(folder: str) -> tuple[list[os.DirEntry], dict[str, os.DirEntry]] | OSError:
    """A folder's subfolders (links to folders too: followed, as `find -L` does; _Folders
    keeps a loop from walking on) and its other entries by name; or the error listing it
    raised."""
    try:
        with os.scandir(folder) as entries:
            found = list(entries)
    except OSError as exc:
        return exc
    dirs, files = [], {}
    for entry in found:
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if not is_dir:
            files[entry.name] = entry
        else:
            dirs.append(entry)
    return dirs, files


def _not_regular(entry: os.DirEntry) -> str | None:
    """What a file that is not a regular one is ("a named pipe"); None for a regular file, and
    for one whose type cannot be found (reading it then says why)."""
    try:
        if entry.is_file():         # (from the listing: no system call unless it is a link)
            return None
        mode = entry.stat().st_mode
    except OSError:
        return None
    for test, kind in ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISSOCK, "a socket"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device")):
        if test(mode):
            return kind
    return None


def files_of(name: str, options: ReadOptions, log: ReadLog | None = None) -> Iterator[str]:
    """The files one input names, in the order reading takes them: a folder's (folder_files),
    else the input itself. `log`: the run's files read so far, shared over its inputs, so that a
    file an earlier input holds under another name (a link) is not listed again (None: this
    input's files alone)."""
    path = Path(name)
    if path.is_dir():
        for file, _ in folder_files(path, options, log if log is not None else ReadLog()):
            yield file
    else:
        yield name


def _written_here(path: str, outputs: frozenset[str]) -> bool:
    """Whether a file is one of this run's outputs, or one being written under a temporary
    name: the output's name and ".tmp" or ".tmp-PID"."""
    if path in outputs:
        return True
    found = written_for(path)
    return found is not None and found[0] in outputs


def _name_filter(globs: tuple[str, ...]):
    """Whether a file (its name, its path) matches one of the globs, as Path.match says: a glob
    without a separator is matched against the name alone, with the platform's case rules, but
    for the suffix, in any case (suffix_lowered)."""
    # A file named on the command line is read by its suffix in any case ("D.JSONL"): in a
    # folder, a glob must not skip what naming the file would read.
    globs = tuple(suffix_lowered(glob) for glob in globs)
    by_path = any("/" in glob or os.sep in glob for glob in globs)

    def wanted(name: str, path: str) -> bool:
        if by_path:
            lowered = Path(suffix_lowered(path))
            return any(lowered.match(glob) for glob in globs)
        lowered_name = suffix_lowered(name)
        return any(fnmatch.fnmatch(lowered_name, glob) for glob in globs)
    return wanted


def suffix_lowered(path: str) -> str:
    """A path (a name, a glob) with the suffix stem_of takes off its name in lower case.

    >>> suffix_lowered("D.JSONL"), suffix_lowered("x.JSONL.GZ"), suffix_lowered("a.txt.ZST")
    ('D.jsonl', 'x.jsonl.gz', 'a.txt.zst')
    >>> suffix_lowered("Dump.V2/Berita.HTML"), suffix_lowered("README"), suffix_lowered("*.TXT")
    ('Dump.V2/Berita.html', 'README', '*.txt')
    """
    name = os.path.basename(path)
    cut = len(path) - len(name) + len(stem_of(name))
    return path[:cut] + path[cut:].lower()


def _shared_stems(names: Iterable[str]) -> set[str]:
    """The stems that more than one of a folder's files would take as its id ("story.html" and
    "story.html.gz", "a.txt" and "a.html"): those files' ids are their whole names, as the stem
    would give two documents one id. A whole name is an id too, so a stem that is another
    file's whole name ("a.txt" beside "a.txt.html") is shared."""
    names = list(names)
    whole = set(names)
    seen: set[str] = set()
    shared: set[str] = set()
    for name in names:
        stem = stem_of(name)
        (shared if stem in seen or stem in whole else seen).add(stem)
    return shared


def stem_of(name: str) -> str:
    """A file name without its last suffix, as Path.stem gives it, and without a compression
    suffix before that.

    >>> stem_of("a.b.txt"), stem_of(".txt"), stem_of("x."), stem_of("README")
    ('a.b', '.txt', 'x.', 'README')
    >>> stem_of("page.html.gz"), stem_of("a.zst"), stem_of("CC-1.warc.wet.gz")
    ('page', 'a', 'CC-1')
    """
    name = without_compression(name)
    # A WET file's suffix is two (".warc.wet"): one would leave ".warc" in the stem, in the
    # case its name has, and a glob's suffix in lower case would miss "X.WARC.WET".
    if name[-9:].lower() == ".warc.wet" and len(name) > 9:
        return name[:-9]
    dot = name.rfind(".")
    return name[:dot] if 0 < dot < len(name) - 1 else name


def id_prefixes(inputs: list[str]) -> dict[str, str]:
    """Per input, what the ids of its records without one begin with (with a "/"), so that two
    inputs never name records alike: with several inputs, a folder's files by the folder as
    given ("dumpA/part.jsonl:3", where two export folders each hold a part.jsonl); a file named
    on the command line by its name alone, unless another named file has that name too
    ("b/part.jsonl:3"). A single input keeps the names it always had.

    >>> id_prefixes(["a/part.jsonl", "b/part.jsonl", "c.jsonl"])
    {'a/part.jsonl': 'a', 'b/part.jsonl': 'b'}
    """
    paths = {name: Path(name) for name in inputs if name != "-"}
    folders = {name for name, path in paths.items() if path.is_dir()}
    named = Counter(path.name for name, path in paths.items() if name not in folders)
    prefixes = {}
    for name, path in paths.items():
        if name in folders:
            prefix = str(path) if len(inputs) > 1 else ""
        else:
            prefix = str(path.parent) if named[path.name] > 1 else ""
        if prefix not in ("", "."):
            prefixes[name] = prefix
    return prefixes


def prefixed(prefix: str | None, record_id: str) -> str:
    """A record id under an input's prefix (id_prefixes)."""
    return f"{prefix}/{record_id}" if prefix else record_id

