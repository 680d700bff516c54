"""`cleaner clean`: read inputs, clean each document, write records, rejects and a summary."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import orjson

from cleaner.cli_common import (add_read_options, add_rule_options, document_args, load_cleaner,
                                read_options)
from cleaner.readers import Reject, ReadLog, iter_inputs
from cleaner.stats import RunStats
from cleaner.writers import JsonlWriter, LazyWriter

# Rejects printed one by one before the rest are only counted (all are in the rejects file).
MAX_REJECT_MESSAGES = 50


def register(sub) -> None:
    parser = sub.add_parser(
        "clean", help="clean documents into records",
        description="Clean raw news documents into one JSON record each (id, text, meta, removed, "
                    "flags), in input order. Bad input goes to a rejects file with the reason; "
                    "the run goes on.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="exit status: 0 done (rejects, if any, are listed), 1 output failed, "
               "2 bad usage or rule file, 3 done with rejects under --strict, 130 interrupted")
    parser.add_argument("inputs", nargs="+", metavar="INPUT",
                        help=".txt file, folder (recursive), .jsonl[.gz|.zst] file, or - for stdin")
    parser.add_argument("-o", "--output", required=True, metavar="OUT",
                        help="output JSONL (.gz/.zst compress), or - for stdout")
    parser.add_argument("--rejects", metavar="PATH",
                        help="where refused input goes, with reasons (default: OUT.rejects.jsonl; "
                             "none when OUT is -)")
    parser.add_argument("--stats", metavar="PATH", help="write run statistics as JSON")
    parser.add_argument("--strict", action="store_true", help="exit 3 if anything was rejected")
    parser.add_argument("-q", "--quiet", action="store_true",
                        help="no progress bar, no summary, no per-reject messages")
    add_read_options(parser)
    add_rule_options(parser)
    parser.set_defaults(run=run)


def _progress(args, total_bytes: int):
    if args.quiet or not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    return tqdm(total=total_bytes or None, unit="B", unit_scale=True, unit_divisor=1024,
                desc="cleaning", file=sys.stderr, dynamic_ncols=True)


def _input_size(inputs) -> int:
    total = 0
    for name in inputs:
        path = Path(name)
        if path.is_file():
            total += path.stat().st_size
        elif path.is_dir():
            total += sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    return total


def run(args: argparse.Namespace) -> int:
    cleaner = load_cleaner(args)
    if cleaner is None:
        return 2
    rejects_path = args.rejects or (None if args.output == "-" else f"{args.output}.rejects.jsonl")
    try:
        out = JsonlWriter(args.output)
    except OSError as exc:
        print(f"cleaner: error: cannot write {args.output}: {exc}", file=sys.stderr)
        return 1
    rejects = LazyWriter(rejects_path)
    stats, log = RunStats(), ReadLog()
    bar = _progress(args, _input_size(args.inputs))
    completed = False
    try:
        for item in iter_inputs(args.inputs, read_options(args), log):
            stats.read += 1
            if not isinstance(item, Reject):
                try:
                    record = cleaner.clean(item.text, **document_args(item))
                except Exception as exc:  # a bug must not end a run of millions: reject, go on
                    item = Reject(item.source, item.line, f"internal error: {type(exc).__name__}: "
                                                          f"{exc}", item.text[:1 << 20])
                else:
                    out.write(record)
                    stats.add_record(record, item.size)
                    if bar:
                        bar.update(item.size)
                    continue
            stats.add_reject(item.reason)
            rejects.write(item.as_dict())
            if not args.quiet and stats.rejected <= MAX_REJECT_MESSAGES:
                print(f"cleaner: rejected {item.where()}: {item.reason}", file=sys.stderr)
        completed = True
    except BrokenPipeError:
        sys.stderr.close()
        return 1
    except OSError as exc:
        print(f"cleaner: error: writing output failed: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"cleaner: interrupted after {stats.written} records; {args.output} not written",
              file=sys.stderr)
        return 130
    finally:
        if bar:
            bar.close()
        out.close(keep=completed)
        rejects.close(keep=True)
    stats.skipped_files = len(log.skipped)
    if args.stats:
        Path(args.stats).write_bytes(orjson.dumps(stats.as_dict(), option=orjson.OPT_INDENT_2))
    if not args.quiet:
        if stats.rejected > MAX_REJECT_MESSAGES:
            print(f"cleaner: ... {stats.rejected - MAX_REJECT_MESSAGES} more rejects",
                  file=sys.stderr)
        print(stats.summary(), file=sys.stderr)
        if stats.rejected and rejects_path:
            print(f"rejects written to {rejects_path}", file=sys.stderr)
    return 3 if args.strict and stats.rejected else 0
