"""Microseconds per document of each cleaning stage, in this process, once the rules are warm.

    .venv/bin/python bench/stages.py [--dev PATH] [--passes 8] [--limit N] [--unseen]

bench/throughput.py measures whole runs, start-up, compiling and the first documents' slow
matching included. This measures what each further document costs: one pass over the documents
compiles the rules and fills RE2's caches, then every pass is timed and the fastest counts for
each stage (a shared machine only ever adds time). Also times what surrounds cleaning in a worker:
parsing the JSON line, building the record, serializing it.

--unseen measures documents the process has not seen instead, as in a real dump: a first pass
over every fourth document compiles the rules, then the other documents are timed once each, in
three parts (RE2 builds its automata's states as new text needs them, so the cost falls as a
process sees more text). CPU time, not wall time: a shared machine's other tenants add less.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import orjson

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cleaner.pipeline import Cleaner  # noqa: E402
from cleaner.stats import RunStats  # noqa: E402

DEFAULT_DEV = Path("/work/shared/data/indosum-dev.jsonl")
FALLBACK_DEV = ROOT / "fixtures" / "indosum" / "labelled.jsonl"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", type=Path,
                        default=DEFAULT_DEV if DEFAULT_DEV.exists() else FALLBACK_DEV)
    parser.add_argument("--passes", type=int, default=8)
    parser.add_argument("--limit", type=int, default=0, help="documents to use (0: all)")
    parser.add_argument("--unseen", action="store_true",
                        help="time documents this process has not seen, once each")
    args = parser.parse_args()
    lines = [line for line in args.dev.read_bytes().splitlines() if line.strip()]
    if args.limit:
        lines = lines[:args.limit]
    docs = [orjson.loads(line) for line in lines]
    size = sum(len(line) for line in lines)
    cleaner = Cleaner()
    if args.unseen:
        return unseen(cleaner, docs)
    for doc in docs:                                    # compile, warm the caches
        cleaner.clean(doc["text"], url=doc.get("url"))
    best: dict[str, float] = {}
    tally = RunStats(max_sites=None)
    for _ in range(args.passes):
        cleaner.timings.clear()
        parse = record = dump = 0.0
        start = time.perf_counter()
        for line in lines:
            t0 = time.perf_counter()
            fields = orjson.loads(line)
            text = fields.pop("text")
            t1 = time.perf_counter()
            doc = cleaner.clean_document(cleaner.make_document(text, **fields))
            t2 = time.perf_counter()
            out = doc.to_record()
            tally.add_record(out, len(line))
            t3 = time.perf_counter()
            orjson.dumps(out)
            t4 = time.perf_counter()
            parse, record, dump = parse + t1 - t0, record + t3 - t2, dump + t4 - t3
        total = time.perf_counter() - start
        figures = dict(cleaner.timings, parse=parse, record=record, serialize=dump, total=total)
        for name, seconds in figures.items():
            best[name] = min(best.get(name, float("inf")), seconds)
    count = len(lines)
    print(f"{count} documents, {size / 1e6:.1f} MB, {size / count:.0f} bytes each; fastest of "
          f"{args.passes} passes after a warm-up pass")
    for name in ("parse", "normalize", "identify", "rules", "header", "structure", "record",
                 "serialize", "total"):
        if name in best:
            print(f"  {name:<10} {best[name] / count * 1e6:7.1f} us/doc")
    print(f"  = {size / best['total'] / 1e6:.1f} MB/s in this process, without start-up, reading "
          "or writing")
    return 0


def unseen(cleaner: Cleaner, docs: list[dict]) -> int:
    """Warm up on every fourth document, then time each other document once, in three parts."""
    for doc in docs[::4]:
        cleaner.clean(doc["text"], url=doc.get("url"))
    rest = [doc for index, doc in enumerate(docs) if index % 4]
    parts = [rest[i * len(rest) // 3:(i + 1) * len(rest) // 3] for i in range(3)]
    print(f"{len(rest)} documents not seen before, in three parts, after a first pass over "
          f"{len(docs[::4])} others; microseconds a document: the total in CPU time, the "
          "stages in wall time (Cleaner.timings)")
    print(f"  {'part':<6} {'total':>7}  " + "  ".join(f"{name:>9}" for name in STAGES))
    for number, part in enumerate(parts, start=1):
        cleaner.timings.clear()
        start = time.process_time()
        for doc in part:
            cleaner.clean(doc["text"], url=doc.get("url"))
        total = time.process_time() - start
        cells = "  ".join(f"{cleaner.timings[name] / len(part) * 1e6:9.1f}" for name in STAGES)
        print(f"  {number:<6} {total / len(part) * 1e6:7.1f}  {cells}")
    return 0


# The Cleaner's own stages, as Cleaner.timings names them.
STAGES = ("normalize", "identify", "rules", "header", "structure")


if __name__ == "__main__":
    sys.exit(main())
