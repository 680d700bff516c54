"""Article extraction benchmark: cleaner and plain trafilatura on the Scrapinghub pages, scored and timed in one run.

Usage: .venv/bin/python bench/html_benchmark.py [--data ../shared/bench/scrapinghub] [--repeat 3]

The metric is the benchmark's own (../shared/bench/README.md): both texts split into word tokens,
multisets of 4-token shingles; per page precision = shared / predicted, recall = shared / true (an
empty prediction has precision 1, recall 0; a text under 4 tokens is one shingle of its tokens);
precision and recall averaged over pages, F1 from the two averages; accuracy is the share of pages
whose token sequences match exactly. Both tools read the same page bytes without a url, on one
core; speed is pages per second of this process's CPU time (so that other load on the machine
does not skew the ratio), fastest of the alternating passes; reading the files and the warm-up
pages are not timed.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "bench" / "scrapinghub"
TOKEN = re.compile(r"\w+")
N = 4


def shingles(text: str | None) -> Counter:
    tokens = TOKEN.findall(text or "")
    if not tokens:
        return Counter()
    if len(tokens) < N:
        return Counter([" ".join(tokens)])
    return Counter(" ".join(tokens[i:i + N]) for i in range(len(tokens) - N + 1))


def page_scores(true: str, pred: str) -> tuple[float, float, bool]:
    """(precision, recall, exact token match) of one page."""
    exact = TOKEN.findall(true or "") == TOKEN.findall(pred or "")
    ts, ps = shingles(true), shingles(pred)
    if not ps:
        return 1.0, 0.0, exact
    shared = sum((ts & ps).values())
    return shared / sum(ps.values()), (shared / sum(ts.values()) if ts else 0.0), exact


def summary(truth: dict[str, str], preds: dict[str, str], keys: list[str]) -> dict[str, float]:
    scores = [page_scores(truth[k], preds.get(k, "")) for k in keys]
    p = statistics.fmean(s[0] for s in scores)
    r = statistics.fmean(s[1] for s in scores)
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
            "accuracy": statistics.fmean(1.0 if s[2] else 0.0 for s in scores)}


def load(data: Path) -> tuple[dict[str, str], dict[str, bytes]]:
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    keys = sorted(truth)
    pages = {k: gzip.decompress((data / "html" / f"{k}.html.gz").read_bytes()) for k in keys}
    return {k: truth[k]["articleBody"] for k in keys}, pages


def trafilatura_tool() -> Callable[[bytes], str]:
    import logging

    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)

    def run(page: bytes) -> str:
        return trafilatura.extract(page, include_comments=False) or ""
    return run


def cleaner_tool() -> Callable[[bytes], str]:
    from cleaner import Cleaner
    from cleaner.html_load import PageError

    cleaner = Cleaner()

    def run(page: bytes) -> str:
        try:
            return cleaner.clean_html(page)["text"]
        except PageError:
            return ""
    return run


def timed(tool: Callable[[bytes], str], pages: dict[str, bytes], keys: list[str]):
    out = {}
    start = time.process_time()
    for k in keys:
        out[k] = tool(pages[k])
    return out, time.process_time() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="benchmark folder")
    parser.add_argument("--repeat", type=int, default=3,
                        help="timed passes per tool, alternating; the fastest counts (default 3)")
    parser.add_argument("--warmup", type=int, default=5, help="untimed pages per tool first")
    parser.add_argument("--per-page", type=Path, metavar="JSON",
                        help="write each page's precision and recall for both tools here")
    args = parser.parse_args(argv)
    if not (args.data / "ground-truth.json").exists():
        print(f"no benchmark at {args.data}", file=sys.stderr)
        return 2
    truth, pages = load(args.data)
    keys = sorted(truth)
    tools = {"cleaner": cleaner_tool(), "trafilatura": trafilatura_tool()}
    for tool in tools.values():
        for k in keys[:args.warmup]:
            tool(pages[k])
    preds: dict[str, dict[str, str]] = {}
    seconds: dict[str, list[float]] = {name: [] for name in tools}
    for _ in range(max(1, args.repeat)):
        for name, tool in tools.items():
            preds[name], elapsed = timed(tool, pages, keys)
            seconds[name].append(elapsed)
    # Two halves by key, to see whether a gain holds on pages it was not tuned on.
    halves = {"all": keys, "even": keys[0::2], "odd": keys[1::2]}
    print(f"{len(keys)} pages, {args.repeat} timed pass(es) per tool (CPU time), fastest counts\n")
    print(f"{'tool':<12} {'pages':<5} {'precision':>9} {'recall':>7} {'F1':>6} {'accuracy':>8} "
          f"{'pages/s':>8}")
    speed = {}
    for name in tools:
        speed[name] = len(keys) / min(seconds[name])
        for half, subset in halves.items():
            s = summary(truth, preds[name], subset)
            rate = f"{speed[name]:8.1f}" if half == "all" else ""
            print(f"{name:<12} {half:<5} {s['precision']:9.4f} {s['recall']:7.4f} {s['f1']:6.4f} "
                  f"{s['accuracy']:8.3f} {rate}")
    print(f"\ncleaner speed / trafilatura speed: {speed['cleaner'] / speed['trafilatura']:.2f}")
    if args.per_page:
        rows = {k: {name: dict(zip(("precision", "recall", "exact"),
                                   page_scores(truth[k], preds[name][k]))) for name in tools}
                for k in keys}
        args.per_page.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
