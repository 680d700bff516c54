"""Quality report on the labelled IndoSum sample: cruft removed, article text kept, per site.

    .venv/bin/python bench/quality.py [--sample fixtures/indosum/labelled.jsonl] [--details]

Prints, per site and overall, the share of labelled cruft words removed, the share of article
words kept, the share of articles with no cruft left and no article text lost, and for every rule
how many removals it made and how many cruft and article words they covered. With --details it
also lists each imperfect article with the words it missed or lost.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cleaner import Cleaner  # noqa: E402
from cleaner.quality import evaluate, iter_report_lines, load_labelled  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", default=str(ROOT / "fixtures/indosum/labelled.jsonl"))
    parser.add_argument("--details", action="store_true",
                        help="list the imperfect articles with their missed and lost words")
    args = parser.parse_args(argv)
    report = evaluate(load_labelled(args.sample), Cleaner())
    for line in iter_report_lines(report):
        print(line)
    if args.details:
        print()
        for s in report.scores:
            if not s.perfect:
                print(f"{s.site:<18} {s.id}")
                if s.missed:
                    print(f"    cruft left ({len(s.missed)}): {' '.join(s.missed)[:300]}")
                if s.lost:
                    print(f"    article lost ({len(s.lost)}): {' '.join(s.lost)[:300]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
