"""List every removal the cleaner makes over a JSONL of articles, by rule, longest first.

    .venv/bin/python bench/review_removals.py [../shared/data/indosum-dev.jsonl] [--top 15] [--rule ID]

For the collateral-damage review: rules that remove long lines or many words are where article
text could be lost, so each rule's removals are printed longest first with the article id, the
line number and the removed text. A summary table gives, per rule, the number of removals, the
words removed and the longest removal.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cleaner import Cleaner  # noqa: E402
from cleaner.quality import words  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default=str(ROOT.parent / "shared/data/indosum-dev.jsonl"))
    parser.add_argument("--top", type=int, default=15, help="removals shown per rule (0: all)")
    parser.add_argument("--rule", action="append", help="only these rule ids (repeatable)")
    parser.add_argument("--width", type=int, default=220, help="characters shown per removal")
    args = parser.parse_args(argv)
    cleaner = Cleaner()
    by_rule: dict[str, list[tuple[int, str, int, str]]] = defaultdict(list)
    flagged = 0
    with open(args.path, encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            row = json.loads(line)
            record = cleaner.clean(row["text"], url=row.get("url"), id=row.get("id"),
                                   source=row.get("source"))
            flagged += bool(record.get("flags"))
            for r in record["removed"]:
                by_rule[r["rule"]].append((len(words(r["text"])), row.get("id", ""), r["line"], r["text"]))
    print(f"{'rule':<42}{'removals':>9}{'words':>8}{'longest':>9}")
    for rule, items in sorted(by_rule.items(), key=lambda kv: -sum(i[0] for i in kv[1])):
        print(f"{rule:<42}{len(items):>9}{sum(i[0] for i in items):>8}{max(i[0] for i in items):>9}")
    print(f"\nrecords flagged by the guard: {flagged}")
    for rule, items in sorted(by_rule.items()):
        if args.rule and rule not in args.rule:
            continue
        items.sort(key=lambda i: (-i[0], i[1]))
        shown = items if args.top == 0 else items[:args.top]
        print(f"\n== {rule} ({len(items)} removals; longest first)")
        for n, art, ln, text in shown:
            print(f"  {n:>4}w  {art[:40]:<40} L{ln:<3} {text[:args.width]!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
