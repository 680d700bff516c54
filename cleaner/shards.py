"""Sharded, atomic, resumable output: numbered shards in a folder, each complete or absent.

    OUT/part-00000.jsonl.zst    a finished shard (written as .part-00000.jsonl.zst.tmp, then renamed)
    OUT/_rejects.jsonl          refused input, with reasons
    OUT/_manifest.json          the checkpoint: finished shards and how much input they cover

The manifest is written when the run starts, so that a run killed before its first shard is
finished resumes in its own format and shard size, with its inputs and rules checked. After each
shard is renamed into place the manifest is rewritten (temporary name, then rename):
it records how many input documents the finished shards and the rejects file cover, the length of
the rejects file at that point, the run statistics so far and, with --report, the state of the
report's collector (`report_collector`). `--resume` reads it, removes what came after it (a shard renamed
but not yet recorded, temporary files, rejects past the recorded length), skips exactly that
many input documents and goes on numbering shards from there: no record is written twice and
none is missing.
"""

from __future__ import annotations

import errno
import os
import re
import time
from pathlib import Path
from typing import Any, BinaryIO

import orjson

from cleaner import folder_lock
from cleaner.output_sniff import SHARD_REJECTS
from cleaner.parquet_io import encode_records
from cleaner.wording import counted, noun
from cleaner.writers import _open_for_writing, is_special_file

MANIFEST = "_manifest.json"
FORMAT_VERSION = "cleaner-shards/1"
FORMATS = ("jsonl", "jsonl.gz", "jsonl.zst", "parquet")
DEFAULT_SHARD_SIZE = 100_000
SHARD_DIGITS = 5


class OutputError(Exception):
    """The output folder cannot be used as asked (a finished or foreign run, options changed)."""


def describe_os_error(exc: OSError) -> str:
    if exc.errno == errno.ENOSPC:
        return "the output disk is full (No space left on device)"
    if exc.errno == errno.EDQUOT:
        return "the disk quota is exceeded"
    return exc.strerror or str(exc)


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _atomic_write(path: Path, data: bytes) -> None:
    """Write `path` whole or not at all: under a temporary name, then renamed (the folder is
    the caller's to sync: _fsync_dir). Where that fails (a full disk), the temporary file is
    removed: it held the disk's last bytes, and was left behind beside the file as it was."""
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        with open(tmp, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _holds(path: Path, data: bytes) -> bool:
    """Whether the file at `path` holds `data` (False where it cannot be read)."""
    try:
        return path.read_bytes() == data
    except OSError:
        return False


class _JsonlShard:
    def __init__(self, tmp: Path, fmt: str, level: int | None = None):
        self.tmp = tmp
        self._stream = _open_for_writing(str(tmp), f"x.{fmt}", level)
        self.count = 0

    def write_line(self, line: bytes, row=None) -> None:
        self._stream.write(line)
        self.count += 1

    def write_lines(self, lines: list[bytes], rows=None) -> None:
        self._stream.write(b"".join(lines))
        self.count += len(lines)

    def close(self) -> None:
        self._stream.flush()
        self._stream.close()
        with open(self.tmp, "rb+") as f:
            os.fsync(f.fileno())


class _ParquetShard:
    def __init__(self, tmp: Path, fmt: str, level: int | None = None):
        from cleaner.parquet_io import ParquetRecordWriter

        self.tmp = tmp
        self._writer = ParquetRecordWriter(str(tmp), level=level)

    @property
    def count(self) -> int:
        return self._writer.count

    def write_line(self, line: bytes, row=None) -> None:
        self._writer.write_line(line, row)

    def write_lines(self, lines: list[bytes], rows=None) -> None:
        for index, line in enumerate(lines):
            self._writer.write_line(line, None if rows is None else (rows, index))

    def close(self) -> None:
        self._writer.close()
        with open(self.tmp, "rb+") as f:
            os.fsync(f.fileno())


# What a resume that changed a part of the run key is told, by the part (the inputs named: said
# by _inputs_changed, which names one).
_CHANGED = {"input_files": "a file of the inputs was added, removed or changed (its size or time) "
                           "since the interrupted run",
            "glob": "the --glob patterns differ", "text_field": "the --text-field differs",
            "hint_fields": "the --field mappings differ",
            "id_prefixes": "the inputs as spelled differ (records without an id are named under "
                           "them: give them as the interrupted run did)",
            "reading": "the reading options differ (--encoding, --html-field, "
                       "--max-record-bytes, --max-html-bytes)",
            "cleaning": "the rules or cleaning options differ (a rule file, --rules, "
                        "--no-builtin-rules, --lang, --learn-boilerplate or --page-timeout "
                        "changed)",
            "site": "the --site differs",
            "hidden": "--hidden is given in one run and not the other"}


def _inputs_changed(before: list[str], now: list[str]) -> str:
    """Which of the inputs named differs from the interrupted run's, said with one of them.

    >>> _inputs_changed(["a.jsonl", "b.jsonl"], ["a.jsonl"])
    'the inputs named differ: the interrupted run also read b.jsonl, which this run does not name'
    >>> _inputs_changed(["a.jsonl"], ["a.jsonl", "c.jsonl", "e.jsonl"])
    "the inputs named differ: c.jsonl (and 1 more) was not one of the interrupted run's"
    >>> _inputs_changed(["a.jsonl", "b.jsonl"], ["b.jsonl", "a.jsonl"])
    "the inputs named differ in their order from the interrupted run's"
    """
    gone = [name for name in before if name not in now]
    new = [name for name in now if name not in before]
    if gone:
        more = f" (and {len(gone) - 1} more)" if len(gone) > 1 else ""
        return (f"the inputs named differ: the interrupted run also read {gone[0]}{more}, "
                "which this run does not name")
    if new:
        more = f" (and {len(new) - 1} more)" if len(new) > 1 else ""
        return f"the inputs named differ: {new[0]}{more} was not one of the interrupted run's"
    return "the inputs named differ in their order from the interrupted run's"


# How many changed input files a refused resume names before it counts the rest.
_FILES_NAMED = 3


def _a_few(said: list[str]) -> str:
    """The first few of the things said, then how many more: ": a (x), b (y) and 2 more"; ""
    for none.

    >>> _a_few(["a", "b", "c", "d", "e"]), _a_few(["a"]), _a_few([])
    (': a, b, c and 2 more', ': a', '')
    """
    if not said:
        return ""
    more = len(said) - _FILES_NAMED
    return ": " + ", ".join(said[:_FILES_NAMED]) + (f" and {more} more" if more > 0 else "")


# The run key's parts a manifest written before them lacks, as such a run had them.
_MISSING_AS: dict[str, Any] = {"site": None, "hidden": False}


def _differs(key: str, before: Any, now: Any) -> bool:
    """Whether one part of the run key differs from the interrupted run's. The input files by
    their digest alone: a manifest of an earlier version kept nothing else, and the files one by
    one only say which changed."""
    if key == "cleaning_parts":
        return False            # (what "cleaning" differs in: said with it, cleaning_changes)
    if key == "input_files":
        # (imported here: input_fingerprint lists folders, and cleaner.folders imports this)
        from cleaner.input_fingerprint import fingerprint_digest

        kept = fingerprint_digest(before)
        return kept is None or kept != fingerprint_digest(now)
    return bool(before != now)


def _change_said(key: str, before: Any, now: Any) -> str:
    """What differs in one part of the run key, for a refused resume: for the input files, which
    changed and how, where the manifest kept them one by one."""
    if key == "inputs" and isinstance(before, list) and isinstance(now, list):
        return _inputs_changed([str(name) for name in before], [str(name) for name in now])
    if key == "input_files" and isinstance(now, dict):
        from cleaner.input_fingerprint import changes_said

        return _CHANGED[key] + _a_few(changes_said(before, now))
    return _CHANGED.get(key, f"{key} differs")


def _given(lang: str | None) -> str | None:
    """A --lang as digest_parts keeps it, as a refused resume says it."""
    return "not given" if lang == "None" else lang


# The options a Cleaner setting is given by, as a refused resume names them.
_SETTING_OPTIONS = {"page_timeout": "--page-timeout", "max_html_bytes": "--max-html-bytes"}


def cleaning_changes(before: Any, now: dict[str, str]) -> list[str]:
    """What differs in how documents are cleaned, part by part (CleanerFactory.digest_parts):
    nothing where the interrupted run's manifest kept no parts (an earlier version's).

    >>> for said in cleaning_changes(
    ...         {"pack a.com": "1", "pack b.com": "2", "setting page_timeout": "30"},
    ...         {"pack a.com": "9", "pack c.com": "3", "setting page_timeout": "5"}):
    ...     print(said)
    the rule pack a.com changed
    the rule pack b.com is no longer loaded
    the rule pack c.com was not loaded then
    --page-timeout is 5, was 30
    """
    if not isinstance(before, dict):
        return []
    said = []
    for part in sorted(before.keys() | now.keys(), key=lambda p: (not p.startswith("pack "), p)):
        was, is_now = before.get(part), now.get(part)
        if was == is_now:
            continue
        kind, _, name = part.partition(" ")
        if kind == "pack":
            said.append(f"the rule pack {name} " + ("changed" if was and is_now else
                                                    "is no longer loaded" if was else
                                                    "was not loaded then"))
        elif kind == "setting":
            said.append(f"{_SETTING_OPTIONS.get(name, name)} is {is_now}, was {was}")
        elif part == "lang":
            said.append(f"--lang is {_given(is_now)}, was {_given(was)}")
        else:
            said.append("the boilerplate learned differs (--learn-boilerplate)")
    return said


# The options that set a shard folder's layout, by their manifest keys.
_LAYOUT_OPTIONS = {"output_format": "--format", "shard_size": "--shard-size"}


def _layout_refusal(existing: dict[str, Any], given: dict[str, Any]) -> str | None:
    """Why a resume given another shard format or size than the run in the folder is refused,
    naming both values and the options to resume with; None when they agree.

    >>> print(_layout_refusal({"output_format": "jsonl", "shard_size": 5000},
    ...                       {"output_format": "jsonl", "shard_size": 4000}))
    cannot resume: --shard-size 4000 differs from the interrupted run's 5000; resume with \
--shard-size 5000 (or leave it out), or start again in an empty folder
    """
    changed = [key for key in _LAYOUT_OPTIONS if existing.get(key) != given[key]]
    if not changed:
        return None
    typed = " and ".join(f"{_LAYOUT_OPTIONS[key]} {given[key]}" for key in changed)
    theirs = " and ".join(str(existing.get(key)) for key in changed)
    again = " ".join(f"{_LAYOUT_OPTIONS[key]} {existing.get(key)}" for key in changed)
    # (a finished run refuses too: a resume given its own layout says it is complete)
    run = "finished" if existing.get("complete") else "interrupted"
    count = len(changed)
    return (f"cannot resume: {typed} {noun(count, 'differs', 'differ')} from the {run} run's "
            f"{theirs}; resume with {again} (or leave {noun(count, 'it', 'them')} out), or start "
            "again in an empty folder")


_SHARD = re.compile(rf"part-\d{{{SHARD_DIGITS},}}\.(?:{'|'.join(map(re.escape, FORMATS))})")
# A shard or manifest being written (_atomic_write, _open_shard): "._manifest.json.tmp".
_TEMPORARY = re.compile(rf"\.(?:{_SHARD.pattern}|{re.escape(MANIFEST)})\.tmp")


def written_layout(folder: str | Path) -> tuple[str | None, int | None]:
    """The shard format and size of the run a folder's manifest records, each None where it
    has none (no run there, or a manifest that ShardedOutput then reports as damaged)."""
    try:
        manifest = orjson.loads((Path(folder) / MANIFEST).read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return None, None
    if not isinstance(manifest, dict):
        return None, None
    fmt, size = manifest.get("output_format"), manifest.get("shard_size")
    return (fmt if isinstance(fmt, str) else None,
            size if isinstance(size, int) and not isinstance(size, bool) else None)


def is_shard_name(name: str) -> bool:
    """Whether a file name is one a shard is given: part-00000.jsonl, part-00001.parquet..."""
    return _SHARD.fullmatch(name) is not None


def _records_nothing(manifest: Any) -> bool:
    """Whether a manifest is of a run that stopped before anything of it was kept (no shard
    finished, no input document done): starting over in its folder loses nothing."""
    return (isinstance(manifest, dict) and manifest.get("format") == FORMAT_VERSION
            and not manifest.get("complete") and manifest.get("shards") == []
            and manifest.get("inputs_done") == 0)


def _manifest_damage(manifest: dict[str, Any]) -> str | None:
    """What in a manifest has the wrong type (a hand edit), if anything: a resume would trip
    on it halfway, after removing files."""
    for key in ("inputs_done", "records", "rejects", "rejects_bytes"):
        value = manifest.get(key)
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            return f"{key!r} is {value!r}, not a count"
    # (a refused resume names them as the values to resume with)
    size = manifest.get("shard_size")
    if not isinstance(size, int) or isinstance(size, bool) or size < 1:
        return f"'shard_size' is {size!r}, not a number of records"
    fmt = manifest.get("output_format")
    if fmt not in FORMATS:
        return f"'output_format' is {fmt!r}, not one of {', '.join(FORMATS)}"
    # (a manifest from an earlier version may lack "run" and "stats")
    for key, kind, said in (("shards", list, "a list"), ("run", dict, "an object"),
                            ("stats", (dict, type(None)), "an object or null"),
                            ("report", (dict, type(None)), "an object or null")):
        value = manifest.get(key, {} if key == "run" else None)
        if not isinstance(value, kind):
            return f"{key!r} is {value!r}, not {said}"
    for shard in manifest["shards"]:
        if not isinstance(shard, dict) or not isinstance(shard.get("name"), str):
            return f"the shard {shard!r} has no name"
    return None


class ShardedOutput:
    """Writes records to numbered shards of `shard_size` records and keeps the manifest.

    `run_key` names what must not change between a run and its resumption (inputs, format, shard
    size): a resume with different values is refused rather than mixing two runs.
    """

    def __init__(self, folder: str | Path, fmt: str = "jsonl", shard_size: int = DEFAULT_SHARD_SIZE,
                 rejects_path: str | Path | None = None, run_key: dict[str, Any] | None = None,
                 resume: bool = False, level: int | None = None):
        if fmt not in FORMATS:
            raise OutputError(f"unknown output format {fmt!r}; one of {', '.join(FORMATS)}")
        if shard_size < 1:
            raise OutputError("--shard-size must be at least 1")
        self.folder = Path(folder)
        self.fmt = fmt
        self.level = level                  # compression level of the shards (None: default)
        # Parquet rows are made where records are cleaned (BatchResult.encoded).
        self.encode = encode_records if fmt == "parquet" else None
        self.shard_size = shard_size
        self.rejects_path = Path(rejects_path) if rejects_path else self.folder / SHARD_REJECTS
        # Rejects to a device or named pipe (--rejects /dev/null) are written in place: never
        # removed, cut back or measured, as they cannot be read back on --resume anyway.
        self._rejects_in_place = is_special_file(self.rejects_path)
        # The rejects file as the manifest names it: by its name inside the shard folder (which
        # may be moved between a kill and the resume), else by its absolute path.
        self._rejects_named = (self.rejects_path.name
                               if os.path.abspath(self.rejects_path.parent)
                               == os.path.abspath(self.folder)
                               else os.path.abspath(self.rejects_path))
        self.run_key = run_key or {}
        self.folder.mkdir(parents=True, exist_ok=True)
        try:
            # (before the folder is read: a second run, or a resume while the run is alive,
            # mixed its shards with the first's and both ended as if whole)
            self._held = folder_lock.hold(self.folder)
        except folder_lock.FolderInUse:
            raise OutputError(f"{self.folder} is being written by another cleaner run that is "
                              f"still going; wait for it to end (or stop it and add --resume "
                              f"to go on with it), or choose another folder") from None
        self.manifest_path = self.folder / MANIFEST
        # --resume on a folder no run has written to starts a new run (a retry loop may pass
        # --resume from the first try on); the run says so, as a mistyped folder looks the same.
        self.nothing_to_resume = resume and not self.manifest_path.exists()
        self.resumed = resume and not self.nothing_to_resume    # an existing run is continued
        try:
            self.manifest = self._start(resume)
        except BaseException:
            folder_lock.release(self._held)
            raise
        self.skip = self.manifest["inputs_done"]
        self._shard: _ParquetShard | _JsonlShard | None = None
        self._shard_tmp: Path | None = None
        # A finished run's folder is left as it is (a resume of it only says so): no rejects
        # file is opened for it, which made an empty one where the run had none.
        self._rejects: BinaryIO | None = None if self.complete else open(self.rejects_path, "ab")
        self.rejects_written = self.manifest["rejects"]
        # The run's report collector (--report; None without it): each checkpoint saves its
        # state beside the statistics, for a resume to go on from (saved_report).
        self.report_collector: Any = None

    # -- starting and resuming --

    def _start(self, resume: bool) -> dict[str, Any]:
        existing = None
        if self.manifest_path.exists():
            try:
                existing = orjson.loads(self.manifest_path.read_bytes())
            except orjson.JSONDecodeError as exc:
                raise OutputError(f"{self.manifest_path} is unreadable ({exc}); move the folder "
                                  "aside and start again") from exc
        if not resume:
            # (a run that failed or was killed before it kept anything may be run again as it
            # was, as before the manifest was written at the start)
            if existing is None:
                self._refuse_unknown_shards()
            elif (not _records_nothing(existing)
                  or any(map(is_shard_name, os.listdir(self.folder)))):
                if existing.get("complete"):
                    raise OutputError(f"{self.folder} already holds a finished run "
                                      f"({counted(existing.get('records', 0), 'record')}); "
                                      "choose an empty folder for a new one")
                raise OutputError(f"{self.folder} already holds a run; add --resume to continue "
                                  "it, or choose an empty folder")
            manifest = {"format": FORMAT_VERSION, "complete": False, "run": self.run_key,
                        "output_format": self.fmt, "shard_size": self.shard_size,
                        "inputs_done": 0, "records": 0, "rejects": 0, "rejects_bytes": 0,
                        "rejects_path": self._rejects_named, "shards": [], "stats": None}
            if self.rejects_path.exists() and not self._rejects_in_place:
                self.rejects_path.unlink()
            self._clean_leftovers([])
            # Written now, not at the first checkpoint: a run killed before its first shard is
            # finished (with the default shard size, the whole first stretch of a big run) is
            # then resumed in its own format and shard size, not taken for no run at all.
            self._save(manifest)
            return manifest
        if existing is None:
            self._refuse_unknown_shards()
            return self._start(False)
        if not isinstance(existing, dict):
            raise OutputError(f"{self.manifest_path} is damaged: it is not a JSON object; "
                              "cannot resume (move the folder aside and start again)")
        if existing.get("format") != FORMAT_VERSION:
            raise OutputError(f"{self.manifest_path} is not a cleaner manifest")
        damage = _manifest_damage(existing)
        if damage:
            raise OutputError(f"{self.manifest_path} is damaged: {damage}; cannot resume (move "
                              "the folder aside and start again)")
        refusal = _layout_refusal(existing, {"output_format": self.fmt,
                                             "shard_size": self.shard_size})
        if refusal:
            # (shards of two sizes or formats in one folder; left out, they are the run's own)
            raise OutputError(refusal)
        changed = []
        before = existing.get("run", {})
        # (a manifest from a version that kept fewer of these is compared on what it kept)
        # (one that left --site and --hidden out had neither: compared as such, so that a
        # resume adding them is refused, not read with them halfway)
        kept = {**_MISSING_AS, **before}      # (a copy: `before` is the manifest's own)
        changed += [key for key, value in self.run_key.items()
                    if key in kept and _differs(key, kept[key], value)]
        if changed:
            if "inputs" in changed:
                # (other inputs have other files and spellings: said once, by the inputs)
                changed = [key for key in changed if key not in ("input_files", "id_prefixes")]
            said = [_change_said(key, kept[key], self.run_key[key]) for key in changed]
            if "cleaning" in changed:
                parts = cleaning_changes(kept.get("cleaning_parts"),
                                         self.run_key.get("cleaning_parts", {}))
                if parts:
                    said[changed.index("cleaning")] = ("the rules or cleaning options differ: "
                                                       + ", ".join(parts))
            if existing.get("complete"):
                # (nothing is left to resume: what differs is this run's from the finished one)
                raise OutputError(f"cannot resume: {'; '.join(said)} (see "
                                  f"{self.manifest_path}); the folder holds a finished run "
                                  f"({counted(existing.get('records', 0), 'record')}) made "
                                  "otherwise: to make this one, start again in an empty folder")
            why = ("its records would be cleaned otherwise than those written"
                   if set(changed) <= {"cleaning", "site"} else
                   "resuming would skip the wrong documents")
            raise OutputError(f"cannot resume: {'; '.join(said)} (see {self.manifest_path}); "
                              f"{why}, so start again in an empty folder")
        if "input_files" in before and "input_files" in self.run_key:
            # The same files, now kept one by one (a manifest of an earlier version kept their
            # digest alone): a later refused resume names the file that changed.
            before["input_files"] = self.run_key["input_files"]
        before_rejects = existing.get("rejects_path", self._rejects_named)
        if before_rejects != self._rejects_named:
            # Cut back to the checkpoint, another file would lose its own bytes, and the run's
            # rejects would be split between two files.
            # (a name alone is inside the folder: as --rejects it would name one in the
            # current folder, and the default needs no option)
            inside = not os.path.isabs(before_rejects)
            written = self.folder / before_rejects if inside else before_rejects
            advice = ("leave --rejects out" if inside and before_rejects == SHARD_REJECTS
                      else f"resume with --rejects {written}")
            raise OutputError(f"cannot resume: the interrupted run wrote its rejects to "
                              f"{written}, not {self.rejects_path}; {advice}")
        for shard in existing["shards"]:
            # A shard gone or cut since would leave a hole the resumed run cannot see.
            path = self.folder / shard["name"]
            size = path.stat().st_size if path.is_file() else None
            if size != shard.get("bytes", size):
                raise OutputError(f"cannot resume: {path} is "
                                  + ("missing" if size is None else
                                     f"{size} bytes, not the {shard['bytes']} the manifest records")
                                  + "; its records would be lost, so start again in an empty "
                                    "folder")
        self._clean_leftovers([s["name"] for s in existing["shards"]])
        if self._rejects_in_place:
            return existing
        size = self.rejects_path.stat().st_size if self.rejects_path.exists() else 0
        if size < existing["rejects_bytes"]:
            # (the rejects written so far would be lost: the resume writes only its own)
            found = ("is missing" if not self.rejects_path.exists() else
                     f"holds {size} bytes")
            raise OutputError(f"cannot resume: {self.rejects_path} {found}, where the manifest "
                              f"records {existing['rejects_bytes']} bytes of "
                              f"{counted(existing.get('rejects', 0), 'reject')}; put it back "
                              "to resume, or start again in an empty folder")
        if size > existing["rejects_bytes"]:
            os.truncate(self.rejects_path, existing["rejects_bytes"])
        return existing

    def _refuse_unknown_shards(self) -> None:
        """OutputError for a folder of shards with no manifest (another tool's, or one whose
        manifest was lost): no run to continue, and a new one would write over them."""
        shards = sorted(filter(is_shard_name, os.listdir(self.folder)))
        if shards:
            raise OutputError(f"{self.folder} holds {counted(len(shards), 'shard file')} "
                              f"({shards[0]}{', ...' if len(shards) > 1 else ''}) but no "
                              f"{MANIFEST}, so no run this cleaner can resume; move them aside, "
                              "or choose an empty folder")

    def _clean_leftovers(self, keep: list[str]) -> None:
        """Remove temporary files and shards of this run's format the manifest does not record
        (one a kill left between its rename and the checkpoint): files named as this class
        names them, no other (a user's part-notes.txt stays, and so does a shard of another
        format, which no run of this folder wrote: it refuses a change of format)."""
        keep_set = set(keep)
        for path in self.folder.iterdir():
            name = path.name
            ours = is_shard_name(name) and name.partition(".")[2] == self.fmt
            if ((_TEMPORARY.fullmatch(name) or (ours and name not in keep_set))
                    and path.is_file()):
                path.unlink()

    @property
    def complete(self) -> bool:
        return bool(self.manifest.get("complete"))

    @property
    def shard_count(self) -> int:
        return len(self.manifest["shards"])

    @property
    def records(self) -> int:
        return self.manifest["records"] + (self._shard.count if self._shard else 0)

    def saved_stats(self) -> dict[str, Any] | None:
        return self.manifest.get("stats")

    def saved_report(self) -> dict[str, Any] | None:
        """The report collector's state at the last checkpoint; None where that leg of the run
        had no --report."""
        return self.manifest.get("report")

    # -- writing --

    def _shard_name(self, number: int) -> str:
        return f"part-{number:0{SHARD_DIGITS}d}.{self.fmt}"

    def _open_shard(self) -> "_ParquetShard | _JsonlShard":
        name = self._shard_name(self.shard_count)
        self._shard_tmp = self.folder / f".{name}.tmp"
        self._shard = (_ParquetShard if self.fmt == "parquet" else _JsonlShard)(
            self._shard_tmp, self.fmt, self.level)
        return self._shard

    def write_record(self, line: bytes, inputs_done: int, stats=None, row=None) -> None:
        """Write one record line (and its encoded row, for Parquet); `inputs_done` counts the
        input documents up to this one."""
        shard = self._shard or self._open_shard()
        shard.write_line(line, row)
        if shard.count >= self.shard_size:
            self.checkpoint(inputs_done, stats)

    def room(self) -> int:
        """Records the open shard takes before it is full (a new shard: shard_size)."""
        return self.shard_size - (self._shard.count if self._shard is not None else 0)

    def write_records(self, lines: list[bytes], rows=None) -> None:
        """A batch's record lines at once, when they fit before the shard is full (room()):
        no checkpoint falls among them."""
        if lines:       # (a batch of rejects alone opens no shard: none would be renamed)
            (self._shard or self._open_shard()).write_lines(lines, rows)

    def write_reject(self, reject: dict[str, Any]) -> None:
        try:
            self._rejects_file().write(orjson.dumps(reject) + b"\n")
        except OSError as exc:
            raise self._naming_rejects(exc)
        self.rejects_written += 1

    def _rejects_file(self) -> BinaryIO:
        """The rejects file, open to append (opened here if the output opened none: that of a
        finished run)."""
        if self._rejects is None:
            self._rejects = open(self.rejects_path, "ab")
        return self._rejects

    def _naming_rejects(self, exc: OSError) -> OSError:
        """The error, with the rejects file as its file: the run's message says which file
        could not be written."""
        exc.filename = str(self.rejects_path)
        return exc

    def checkpoint(self, inputs_done: int, stats=None, complete: bool = False) -> None:
        """Finish the open shard (if any) and record everything up to `inputs_done` as done.

        The new manifest is built apart from `self.manifest`: where it cannot be written (a
        full disk), `self.manifest` stays the one on disk (_save), which the run's messages and
        --stats then report (they said the shard just renamed was kept, and the resume removed
        it), and that shard, which no manifest records, is removed at once.
        """
        manifest = dict(self.manifest, shards=list(self.manifest["shards"]))
        renamed = None
        # The rejects first: where they cannot be flushed, no shard is renamed into place that
        # the manifest then does not record.
        try:
            rejects = self._rejects_file()
            rejects.flush()
            if not self._rejects_in_place:
                os.fsync(rejects.fileno())
        except OSError as exc:
            raise self._naming_rejects(exc)
        if complete and self.fmt == "parquet" and not manifest["shards"] and self._shard is None:
            # A folder with no Parquet shard reads as a table of no columns, which a job
            # joining many runs' folders could not take with the others: a run that wrote no
            # record ends with one shard of none, in the schema every shard has.
            self._open_shard()
        if self._shard is not None and (self._shard.count or complete and not manifest["shards"]
                                        and self.fmt == "parquet"):
            name = self._shard_name(self.shard_count)
            self._shard.close()
            final = self.folder / name
            os.replace(self._shard.tmp, final)
            renamed = final
            _fsync_dir(self.folder)
            manifest["shards"].append({"name": name, "records": self._shard.count,
                                       "inputs_end": inputs_done,
                                       "bytes": final.stat().st_size})
            manifest["records"] += self._shard.count
            self._shard, self._shard_tmp = None, None
        if not self._rejects_in_place:
            manifest["rejects_bytes"] = self._rejects_file().tell()
        manifest["rejects"] = self.rejects_written
        manifest["inputs_done"] = inputs_done
        manifest["complete"] = complete
        if stats is not None:
            # (the shards as they are on disk, compressed or Parquet: the output's bytes)
            stats.output_bytes = sum(shard.get("bytes", 0) for shard in manifest["shards"])
            manifest["stats"] = stats.state()
        if self.report_collector is not None:
            manifest["report"] = self.report_collector.state()
        else:
            # Figures of the legs before this one, left in place, would pass for the whole
            # run's at a later resume with --report.
            manifest.pop("report", None)
        try:
            self._save(manifest)
        except BaseException:
            # The manifest on disk is the one before, and self.manifest with it (_save), where
            # the write failed (a full disk) or a second signal cut it short.
            if renamed is not None and self.manifest is not manifest:
                # (not recorded: a resume would remove it; it holds disk space meanwhile)
                try:
                    renamed.unlink()
                except OSError:
                    pass
            raise

    def _save(self, manifest: dict[str, Any]) -> None:
        """Write the manifest whole or not at all (temporary name, then rename) and make it
        this output's (self.manifest). It is so from before the rename: a signal's message,
        which may come as soon as the rename returns, then names what the disk's manifest
        lists; where the write fails (a full disk: _atomic_write renames nothing), the manifest
        before is put back, and the run's messages and --stats say what the disk holds."""
        manifest["updated"] = time.strftime("%Y-%m-%dT%H:%M:%S%z")
        data = orjson.dumps(manifest, option=orjson.OPT_INDENT_2)
        before = getattr(self, "manifest", None)        # (none yet: the run's first)
        self.manifest = manifest
        try:
            _atomic_write(self.manifest_path, data)
        except BaseException:
            # (a full disk, or a second signal in the middle: the exception may come after the
            # rename too, which the file then says)
            if before is not None and not _holds(self.manifest_path, data):
                self.manifest = before
            raise
        _fsync_dir(self.folder)

    def finish(self, inputs_done: int, stats=None) -> None:
        self.checkpoint(inputs_done, stats, complete=True)
        self._close_rejects()
        folder_lock.release(self._held)

    def abort(self) -> None:
        """Drop the unfinished shard; the manifest still names the last finished one."""
        if self._shard is not None:
            try:
                self._shard.close()
            except Exception:
                pass
            self._shard = None
        if self._shard_tmp is not None:
            try:
                self._shard_tmp.unlink()
            except FileNotFoundError:
                pass
            self._shard_tmp = None
        self._close_rejects()
        folder_lock.release(self._held)

    def _close_rejects(self) -> None:
        if self._rejects is not None and not self._rejects.closed:
            try:
                self._rejects.close()
            except OSError:
                pass
        if self._rejects_in_place:
            return
        if self.rejects_path.exists() and self.rejects_path.stat().st_size == 0:
            self.rejects_path.unlink()


def iter_shard_records(folder: str | Path):
    """Every record of a sharded output, in order (for tests, tools and checks)."""
    folder = Path(folder)
    manifest = orjson.loads((folder / MANIFEST).read_bytes())
    for shard in manifest["shards"]:
        path = folder / shard["name"]
        if shard["name"].endswith(".parquet"):
            from cleaner.parquet_io import read_records

            yield from read_records(path)
            continue
        from cleaner.jsonl_reader import open_compressed

        with open_compressed(path) as f:
            for line in f:
                yield orjson.loads(line)
