"""`cleaner clean`: read inputs, clean each document, write records, rejects and a summary."""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import sys

from cleaner.cli_common import (add_read_options, add_rule_options, add_site_option, at_least,
                                load_cleaner, site_read_options, stats_refused)
from cleaner.cli_learn import add_learn_options, learn_for_run
from cleaner.heap_trim import give_back_freed, map_large_blocks
from cleaner.progress import say, settle_stderr
from cleaner.run import execute
from cleaner.run_config import CleanerFactory, RunConfig, folders_to_make
from cleaner.shards import DEFAULT_SHARD_SIZE, FORMATS


def register(sub) -> None:
    parser = sub.add_parser(
        "clean", help="clean documents into records",
        description="Clean raw news documents into one JSON record each (id, text, meta, removed, "
                    "flags, fixes), in input order. Bad input goes to a rejects file with the "
                    "reason; the run goes on.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="exit status: 0 done (rejects, if any, are listed), 1 output failed, "
               "2 bad usage or rule file, 3 done with rejects under --strict, 130 interrupted "
               "by Ctrl-C, 143 stopped by SIGTERM (a sharded run says how to --resume; "
               "--stats then holds what was done, marked \"interrupted\"; a second signal "
               "stops at once)")
    parser.add_argument("inputs", nargs="+", metavar="INPUT",
                        help=".txt, .jsonl (.ndjson), .html (.htm, .xhtml), each also .gz or "
                             ".zst; .json (an array of records), .parquet, .warc[.gz] or "
                             ".warc.wet[.gz] file, a folder of them (recursive; .json only with "
                             "--glob), or - for stdin (JSONL, a JSON array, one page or one text)")
    parser.add_argument("-o", "--output", required=True, metavar="OUT",
                        help="output file: JSONL (.gz/.zst compress) or .parquet, - for stdout; "
                             "or a folder of shards (see --shard-size)")
    parser.add_argument("--rejects", metavar="PATH",
                        help="where refused input goes, with reasons (default: OUT.rejects.jsonl, "
                             "OUT/_rejects.jsonl for shards; none when OUT is -)")
    parser.add_argument("--stats", metavar="PATH",
                        help="write run statistics as JSON (- for stdout, unless -o - takes it)")
    parser.add_argument("--report", metavar="PATH",
                        help="write one self-contained HTML page of the run: hits per rule, "
                             "per-site summary, sampled removals in context, flagged documents, "
                             "rejects")
    parser.add_argument("--strict", action="store_true", help="exit 3 if anything was rejected")
    parser.add_argument("-q", "--quiet", action="store_true",
                        help="no progress bar, no summary, no per-reject messages")
    add_read_options(parser)
    add_site_option(parser)
    add_rule_options(parser)
    add_scale_options(parser)
    add_learn_options(parser)
    parser.set_defaults(run=run)


def add_scale_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("scale (parallel, sharded, resumable runs; see docs/scale.md)")
    group.add_argument("--workers", type=at_least(1), metavar="N",
                       help="worker processes (default: one per usable core, as many as a "
                            "container's CPU quota allows, but none for an input under 4 MB whose "
                            "size is known before reading: it is cleaned in this process; not so "
                            "for compressed files, Parquet, WARC or standard input, whose size "
                            "says too little of the work: they start workers however small). A "
                            "given N holds for any input size, capped at the usable cores (but two "
                            "at least: a pool's workers keep a crashing document from ending the "
                            "run) with a note; 1 cleans in this process; with --executor ray, Ray "
                            "workers (up to the cluster's CPUs)")
    group.add_argument("--shard-size", type=at_least(1), metavar="N",
                       help="records per shard: OUT is a folder of numbered shards, each complete "
                            f"or absent (default when OUT is a folder: {DEFAULT_SHARD_SIZE})")
    group.add_argument("--format", choices=FORMATS, dest="fmt",
                       help="shard format (default: jsonl); single files take it from OUT's name "
                            "(.jsonl, .jsonl.gz, .jsonl.zst, .parquet)")
    group.add_argument("--compression-level", type=int, metavar="N",
                       help="level of .gz (1-9, default 6), .zst (1-22, default 3) and Parquet "
                            "(zstd, 1-22, default 1) output; lower is faster and larger. gzip "
                            "at 6 costs about half as much CPU as cleaning, zstd at 3 a fifth")
    group.add_argument("--resume", action="store_true",
                       help="continue an interrupted sharded run in OUT where it stopped")
    group.add_argument("--executor", choices=("local", "ray"), default="local",
                       help="local processes (default) or a Ray cluster through Ray Data")
    group.add_argument("--address", metavar="ADDR",
                       help="Ray cluster address (default: $RAY_ADDRESS, else a local Ray); "
                            "CLEANER_RAY_TIMEOUT=SECONDS sets how long to wait for it (30)")


def run(args: argparse.Namespace) -> int:
    settle_stderr()
    map_large_blocks()          # (inherited by the workers the run forks)
    if args.address and args.executor != "ray":
        say("cleaner: error: --address names a Ray cluster: give --executor ray too")
        return 2
    if stats_refused(args.stats, args.output):
        return 2
    if args.report == "-":      # (a file named `-` was written)
        say("cleaner: error: --report writes an HTML page to a file, not to standard output: "
            "give it a path")
        return 2
    cleaner = load_cleaner(args)
    if cleaner is None:
        return 2
    give_back_freed()           # (before the workers are forked as copies of this process)
    if args.no_builtin_rules and not args.rules and not args.learn_boilerplate and \
            not args.quiet:
        # (a run that removes nothing but what normalizing does: said, not left to be found)
        say("cleaner: note: --no-builtin-rules without --rules: no rule runs; texts are only "
            "normalized, split into paragraphs and given their header lines' metadata")
    options = site_read_options(args, cleaner)
    if options is None:
        return 2
    status = learn_for_run(args, cleaner, options)
    if status is not None:
        return status
    factory = CleanerFactory(cleaner, rules=[rule_path(r, args.executor) for r in args.rules],
                             builtin=not args.no_builtin_rules, lang=args.lang,
                             learned=cleaner.learned or None)
    config = RunConfig(
        inputs=args.inputs, output=args.output, factory=factory, read_options=options,
        fmt=args.fmt, shard_size=args.shard_size, resume=args.resume, rejects=args.rejects,
        stats_path=args.stats, strict=args.strict, quiet=args.quiet,
        executor=args.executor, workers=args.workers, address=args.address, report=args.report,
        compression_level=args.compression_level,
        command=" ".join([program()] + [shlex.quote(a) for a in sys.argv[1:]])
        if sys.argv[1:2] == ["clean"] else f"{program()} clean ... (the same options)")
    missing = folders_to_make(config)
    try:
        return execute(config)
    finally:
        if not config.quiet:
            say_folders_made(missing)


def rule_path(path, executor: str) -> str:
    """A --rules path as the workers that build the Cleaner open it: for Ray, absolute (a Ray
    worker runs in the folder its node's `ray start` ran in, not the command's: "../rules"
    was not found there)."""
    return os.path.abspath(path) if executor == "ray" else str(path)


def program(argv0: str | None = None) -> str:
    """The command that runs the cleaner, as the user ran it, for the resume command a stopped
    run prints: `python -m cleaner` run as a module (`python -m cleaner.cli` too), the script's
    path where it is not the `cleaner` found on PATH (a venv's not activated), else `cleaner`
    (also where the program is not known: `python -c`, the API)."""
    argv0 = sys.argv[0] if argv0 is None else argv0
    path = os.path.realpath(argv0) if argv0 and argv0 != "-c" else ""
    if os.path.dirname(path) == os.path.dirname(os.path.realpath(__file__)):
        return f"{_python()} -m cleaner"
    if os.path.basename(argv0) == "cleaner" and os.path.isfile(argv0):
        found = shutil.which("cleaner")
        if found is None or os.path.realpath(found) != path:
            return shlex.quote(argv0)
    return "cleaner"


def _python() -> str:
    """The Python running the cleaner, as a command: `python` (or `python3`) where that name on
    PATH is this interpreter, else its path."""
    here = os.path.realpath(sys.executable)
    for name in ("python", "python3"):
        found = shutil.which(name)
        if found is not None and os.path.realpath(found) == here:
            return name
    return shlex.quote(sys.executable)


def say_folders_made(missing: list[tuple[str, list[str]]]) -> None:
    """Name each folder of `missing` (run_config.folders_to_make) that is there now: made by the
    run, which is said once it is known, whether the run finished, failed or was refused later
    on (a refused run may have made the folder of --stats already)."""
    for folder, options in missing:
        if os.path.isdir(folder):
            say(f"cleaner: note: made folder {folder.rstrip(os.sep)}{os.sep} for "
                f"{' and '.join(options)}")
