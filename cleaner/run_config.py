"""What a cleaning run is asked to do (RunConfig), the Cleaner its workers build (CleanerFactory), and the output it writes to."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from cleaner.folders import id_prefixes
from cleaner.input_fingerprint import input_fingerprint
from cleaner.inputs import ReadOptions, other_compression, printable
from cleaner.progress import known_size
from cleaner.shards import DEFAULT_SHARD_SIZE, FORMATS, MANIFEST, OutputError, ShardedOutput, \
    is_shard_name, written_layout
from cleaner.single_output import SingleOutput
from cleaner.writers import LEVELS, compression_of, is_special_file


class CleanerFactory:
    """Builds the Cleaner in each worker; picklable (only the options travel, not the rules).

    In the process that made it (and in workers forked from it) the Cleaner already built is used.
    """

    # Settings made on a Cleaner after it is built (by the command's options) that travel too.
    # (given_site, --site, is the run key's "site" and no part of the digest: a manifest
    # written before it existed would differ in its digest, and the refusal would blame rules)
    SETTINGS = ("page_timeout", "max_html_bytes", "guard_share", "given_site")

    def __init__(self, prebuilt=None, **options: Any):
        self.options = options
        self._prebuilt = prebuilt
        self.settings = {name: getattr(prebuilt, name) for name in self.SETTINGS
                         if prebuilt is not None and hasattr(prebuilt, name)}

    def __call__(self):
        if self._prebuilt is None:
            from cleaner.pipeline import Cleaner

            cleaner = Cleaner(**self.options)
            for name, value in self.settings.items():
                setattr(cleaner, name, value)
            self._prebuilt = cleaner
        return self._prebuilt

    def __getstate__(self):
        return {"options": self.options, "settings": self.settings, "_prebuilt": None}

    def digest(self) -> str:
        """What decides how documents are cleaned, as one hash: every rule pack's content (not
        where its file lies), the settings, the language asked for and the boilerplate learned.
        A resumed run must clean as the run it continues did."""
        cleaner = self()
        what = {"packs": [_canonical(pack) for pack in cleaner.packs],
                "settings": {name: value for name, value in self.settings.items()
                             if name != "given_site"},
                "lang": self.options.get("lang"),
                # the lines learned, not only whether: other --learn-min-share, other rules
                "learned": [_canonical(cleaner.learned[site]) for site in sorted(cleaner.learned)]}
        return _hashed(what)

    def digest_parts(self) -> dict[str, str]:
        """What digest hashes, by the part a user changes: each rule pack (by its id), each
        setting (by its option, with its value), the language asked for and the boilerplate
        learned; for a refused resume to name what differs (shards.cleaning_changes)."""
        cleaner = self()
        parts = {f"pack {pack.id}": _hashed(_canonical(pack)) for pack in cleaner.packs}
        parts.update({f"setting {name}": str(value) for name, value in self.settings.items()
                      if name != "given_site"})
        parts["lang"] = str(self.options.get("lang"))
        parts["learned"] = _hashed([_canonical(cleaner.learned[site])
                                    for site in sorted(cleaner.learned)])
        return parts


def _hashed(value: Any) -> str:
    """A JSON-able value's short hash, the same in every process."""
    text = json.dumps(value, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _canonical(value: Any) -> Any:
    """A pack or rule as plain JSON values in a stable order, without its file's path (sets
    sorted: their order changes from one process to the next)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _canonical(getattr(value, f.name)) for f in dataclasses.fields(value)
                if f.name != "path"}
    if isinstance(value, (set, frozenset)):
        return sorted((_canonical(v) for v in value), key=repr)
    if isinstance(value, (list, tuple)):
        return [_canonical(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _canonical(v) for k, v in value.items()}
    return value


@dataclass
class RunConfig:
    inputs: list[str]
    output: str
    factory: CleanerFactory
    read_options: ReadOptions = field(default_factory=ReadOptions)
    fmt: str | None = None                # output format of shards (jsonl, jsonl.gz, ...)
    shard_size: int | None = None
    resume: bool = False
    rejects: str | None = None
    stats_path: str | None = None
    strict: bool = False
    quiet: bool = False
    executor: str = "local"
    workers: int | None = None
    address: str | None = None
    command: str = "cleaner clean"        # the command line, to say how to resume
    compression_level: int | None = None  # of .gz, .zst and Parquet output (None: the default)
    report: str | None = None             # --report: one HTML page of the run (cleaner.report)

    @cached_property
    def input_size(self) -> int | None:
        """Bytes of input if known up front (progress.known_size), counted once a run: the
        number of workers and the progress bar's ETA both ask, and a folder of millions of
        files is a long walk."""
        return known_size(self.inputs, self.read_options)


# What a sharded run given stdin or a pipe (`<(zcat ...)`) is told to do instead: it cannot be
# resumed, as a resume must read the same input again.
_READ_FILES_INSTEAD = ("a resumed run must read the same input again; read the file itself "
                       "(.jsonl.gz and .zst are read as they are), or write one file "
                       "(-o out.jsonl)")

# The suffixes an output file is written by (JSON lines, plain or compressed, or Parquet).
_OUTPUT_SUFFIXES = (".jsonl", ".ndjson", ".json", ".gz", ".zst", ".zstd", ".parquet", ".pq")


def is_sharded(config: RunConfig) -> bool:
    """Shards when asked for (--shard-size, --resume, --format) or when OUT is a folder."""
    out = config.output
    if out == "-":
        return False
    looks_like_file = out.lower().endswith(_OUTPUT_SUFFIXES)
    return (config.shard_size is not None or config.fmt is not None
            or out.endswith(("/", "\\")) or Path(out).is_dir()
            or (config.resume and not looks_like_file))


def _run_key(config: RunConfig) -> dict[str, Any]:
    """What a resumed run must share with the run it continues: the inputs as named, the files
    they hold as they were (input_fingerprint), what decides which files and fields are read
    and how, and how documents are cleaned (the rules and settings: CleanerFactory.digest)."""
    options = config.read_options
    prefixes = id_prefixes(config.inputs)
    return {"inputs": [printable(str(Path(i).resolve())) if i != "-" else i for i in config.inputs],
            "text_field": options.text_field, "glob": list(options.glob),
            "input_files": input_fingerprint(config.inputs, options),
            # Records without an id are named under their input as spelled (folders.id_prefixes):
            # a resume naming "dumpA" as "/data/dumpA" would name the rest of the run otherwise.
            "id_prefixes": [prefixes.get(name, "") for name in config.inputs],
            # (its own key: a manifest written before it existed is compared without it)
            "hint_fields": [list(pair) for pair in options.hint_fields],
            # (their own keys too: --site chooses a site's rules; --hidden reads other files)
            "site": config.factory.settings.get("given_site"), "hidden": options.hidden,
            "reading": {"encoding": options.encoding, "html_field": options.html_field,
                        "max_record_bytes": options.max_record_bytes,
                        "max_html_bytes": options.max_html_bytes},
            "cleaning": config.factory.digest(),
            # (the digest's parts: what a refused resume names; never compared themselves)
            "cleaning_parts": config.factory.digest_parts()}


def open_output(config: RunConfig):
    """The output the run writes to: shards (ShardedOutput) or one file (SingleOutput);
    OutputError when the options asked for do not fit together."""
    if config.executor == "ray" and "-" in config.inputs:
        raise OutputError("the ray executor reads files, not stdin")
    if config.output == "-" and (config.shard_size is not None or config.fmt is not None):
        raise OutputError("-o - writes JSON lines to stdout; --shard-size and --format are for "
                          "a folder of shards (-o FOLDER)")
    if is_sharded(config):
        _refuse_a_file_as_the_shard_folder(config)
        fmt, shard_size = config.fmt, config.shard_size
        if config.resume:
            # What is not given again is the interrupted run's own: a resume repeats the
            # command, and may leave out options whose defaults differ.
            written_fmt, written_size = written_layout(config.output)
            fmt, shard_size = fmt or written_fmt, shard_size or written_size
        fmt = fmt or "jsonl"
        suffix = next((f for f in FORMATS if config.output.lower().rstrip("/\\")
                       .endswith("." + f)), None)
        if suffix is not None and suffix != fmt and not config.resume:
            # "-o out.jsonl.zst --shard-size N" made a folder of that name full of plain .jsonl;
            # so did "-o out.parquet" where a folder of that name was made first (mkdir -p).
            raise OutputError(f"-o {config.output} names a .{suffix} file, but shards go to a "
                              f"folder of {fmt} files; give a folder name, and --format {suffix} "
                              "for shards of that kind")
        if config.rejects and config.rejects.lower().endswith((".gz", ".zst", ".zstd")):
            raise OutputError("with shards the rejects file is plain JSONL (it is cut back to "
                              "the last checkpoint on --resume); drop the .gz/.zst suffix")
        if fmt not in FORMATS:
            raise OutputError(f"unknown --format {fmt!r}; one of {', '.join(FORMATS)}")
        if "-" in config.inputs:
            raise OutputError("sharded output needs files as input, not stdin: "
                              f"{_READ_FILES_INSTEAD}")
        piped = [name for name in config.inputs if is_special_file(name)]
        if piped:
            # (`<(zcat dump.jsonl.gz)`: its name, /dev/fd/63, reads nothing the second time)
            raise OutputError(f"sharded output needs files as input, not a pipe ({piped[0]}): "
                              f"{_READ_FILES_INSTEAD}")
        return ShardedOutput(config.output, fmt, shard_size or DEFAULT_SHARD_SIZE,
                             config.rejects, _run_key(config), resume=config.resume,
                             level=_level(config, f"x.{fmt}"))
    if config.resume:
        raise OutputError(_no_resume_of_one_file(config))
    other = other_compression(config.output)
    if other is not None and not is_special_file(config.output):
        # It would be plain JSON lines under a name that says otherwise.
        raise OutputError(f"-o {config.output}: {other} output is not written; compressed "
                          "output is .jsonl.gz or .jsonl.zst (or Parquet)")
    return SingleOutput(config.output, config.rejects or default_rejects(config),
                        _level(config, config.output))


def output_name_notes(config: RunConfig) -> list[str]:
    """A note where one output file's name has a suffix no writer goes by ("out.parqet", a
    typo): it is written as JSON lines, which the name does not say."""
    out = config.output
    suffix = os.path.splitext(out)[1].lower()
    if out == "-" or is_sharded(config) or not suffix or suffix in _OUTPUT_SUFFIXES \
            or is_special_file(out) or other_compression(out):
        return []
    return [f"{out} is written as JSON lines: its suffix {suffix} names no output format "
            "(.jsonl, .jsonl.gz, .jsonl.zst, .parquet)"]


def _no_resume_of_one_file(config: RunConfig) -> str:
    """Why --resume is refused for a run that writes one file, and what to do instead."""
    out = config.output
    # One file is written under a temporary name and renamed when its run completes: a file
    # under the output's name is a finished run's, and a killed one left nothing to go on from.
    if out != "-" and os.path.isfile(out):
        return (f"cannot resume: {out} is one output file, not a folder of shards, and one "
                "file is written whole when its run completes, so there is nothing to "
                f"resume; run again without --resume to write {out} anew, or write shards "
                "(-o FOLDER --shard-size N) for a run that can be resumed")
    return ("--resume needs sharded output: -o FOLDER [--shard-size N] (one output file is "
            "written whole when its run completes; run again without --resume)")


def _refuse_a_file_as_the_shard_folder(config: RunConfig) -> None:
    """OutputError when the shard folder's name is taken by a file: making the folder would
    fail halfway, as an output error (exit 1), where the options are what is wrong."""
    out = config.output
    if not os.path.lexists(out) or os.path.isdir(out):
        return
    if config.resume:
        raise OutputError(_no_resume_of_one_file(config))
    raise OutputError(f"-o {out} is a file, but shards go to a folder; give a folder name "
                      "for the shards (or write one file: leave out --shard-size and --format)")


def default_rejects(config: RunConfig) -> str | None:
    """The rejects file of one output file when --rejects is not given: OUT.rejects.jsonl;
    none beside stdout, a device or a named pipe (/dev/null.rejects.jsonl is no place)."""
    if config.output == "-" or is_special_file(config.output):
        return None
    return f"{config.output}.rejects.jsonl"


def _level(config: RunConfig, name: str) -> int | None:
    """--compression-level, checked against the output it would apply to."""
    level = config.compression_level
    if level is None:
        return None
    kind = compression_of(name)
    if kind is None:
        raise OutputError("--compression-level needs compressed output: .jsonl.gz, .jsonl.zst "
                          "or Parquet")
    low, high, _ = LEVELS[kind]
    if not low <= level <= high:
        raise OutputError(f"--compression-level for {kind} output is {low} to {high}")
    return level


def check_distinct_outputs(config: RunConfig) -> None:
    """OutputError when two of -o, the rejects file, --stats and --report name the same file:
    one would overwrite the other, or take it from under its rename. Stdout and devices
    (/dev/null) take any number of writers."""
    rejects = config.rejects or (os.path.join(config.output, "_rejects.jsonl")
                                 if is_sharded(config) else default_rejects(config))
    named = [("-o", config.output),
             ("--rejects" if config.rejects else "the default --rejects", rejects),
             ("--stats", config.stats_path), ("--report", config.report)]
    seen: dict[str, str] = {}
    for option, path in named:
        if not path or path == "-" or is_special_file(path, pipes=False):
            continue
        above = file_above(path)
        # (a shard folder's files under an -o that is a file: said as shards where a file is,
        # by the checks of shard output, with what to do)
        if above is not None and not (is_sharded(config) and
                                      os.path.realpath(above) == os.path.realpath(config.output)):
            # Found now, as bad usage: opening it says "Not a directory", or "File exists"
            # where the folders are made, and a path is all that is wrong.
            raise OutputError(f"cannot write {path}: {what_blocks(above)}; give {option} a "
                              f"path that can be written")
        resolved = os.path.realpath(path)
        if resolved in seen:
            raise OutputError(f"{seen[resolved]} and {option} both name {path}; give each "
                              "its own file")
        seen[resolved] = option
        if option != "-o" and is_sharded(config) and \
                os.path.dirname(resolved) == os.path.realpath(config.output) and \
                (is_shard_name(os.path.basename(path)) or os.path.basename(path) == MANIFEST):
            # The shard folder's own files: a shard or the manifest would be overwritten.
            raise OutputError(f"{option} {path} names a file of the shard folder "
                              f"{config.output}; give it another name or place")


def file_above(path: str) -> str | None:
    """The file that `path` names as one of its folders (`in.jsonl` of `in.jsonl/out.jsonl`):
    the nearest of its parents that exists, when that is not a folder (a link that points
    nowhere too: what_blocks says which); else None.

    >>> file_above("/dev/null/out.jsonl"), file_above("/no/such/folder/out.jsonl")
    ('/dev/null', None)
    """
    parent = os.path.dirname(path)
    while parent and not os.path.lexists(parent):
        higher = os.path.dirname(parent)
        if higher == parent:
            return None
        parent = higher
    return None if not parent or os.path.isdir(parent) else parent


def what_blocks(above: str) -> str:
    """Why a path that file_above found cannot hold folders, as a message says it."""
    if os.path.islink(above) and not os.path.exists(above):
        return f"{above} is a link to {os.readlink(above)}, which does not exist"
    return f"{above} is a file, not a folder"


def folders_to_make(config: RunConfig) -> list[tuple[str, list[str]]]:
    """The folders not there yet that a run makes to write its paths (an output file's, the
    rejects file's, --stats's, --report's; a shard folder's parent, as the shard folder is the
    output itself), each with the options that need it, in the order named: the run names
    those it made, as a typo (--stats /nonexist/s.json) makes one at a place no one meant."""
    sharded = is_sharded(config)
    # (the default rejects file lies beside the output, or in the shard folder)
    named = [("-o", config.output), ("--rejects", config.rejects),
             ("--stats", config.stats_path), ("--report", config.report)]
    shard_folder = os.path.abspath(config.output) if sharded else None
    made: dict[str, list[str]] = {}
    for option, path in named:
        if not path or path == "-":
            continue
        folder = os.path.dirname(path.rstrip("/\\") if option == "-o" and sharded else path)
        if not folder or os.path.isdir(folder) or os.path.abspath(folder) == shard_folder:
            continue
        made.setdefault(folder, []).append(option)
    return list(made.items())


def own_outputs(config: RunConfig) -> frozenset[str]:
    """Real paths (links resolved) of what a run writes: its output (a file, or a shard folder),
    the rejects file, --stats and --report."""
    paths = [config.output, config.rejects, config.stats_path, config.report]
    if not is_sharded(config) and not config.rejects:
        paths.append(default_rejects(config))
    return frozenset(os.path.realpath(path) for path in paths if path and path != "-")
