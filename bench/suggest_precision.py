"""Precision of `cleaner suggest` on a dump: top candidates labelled by hand, and word-checked on labelled articles.

    python bench/suggest_precision.py ../shared/data/indosum-dev.jsonl [--packs common] [--top 10]

Two measures:

1. By candidate: each candidate is looked up in LABELS below, written by reading the candidate and
   its examples (True: cruft a site pack should remove; False: article text). A candidate not in
   LABELS is reported as unlabelled and left out of the share.
2. By word: every candidate's rule is run on the hand-labelled articles of its site
   (fixtures/indosum/labelled.jsonl, word-level cruft labels made independently of suggest), and
   the words it removes are counted as cruft or article text.
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cleaner.batches import document_args  # noqa: E402
from cleaner.cli_suggest import select_packs  # noqa: E402
from cleaner.pipeline import Cleaner  # noqa: E402
from cleaner.quality import load_labelled, rule_words  # noqa: E402
from cleaner.inputs import ReadOptions, Reject  # noqa: E402
from cleaner.readers import iter_inputs  # noqa: E402
from cleaner.rule_toml import rule_toml  # noqa: E402
from cleaner.rulefile import _load_rule, load_packs, Pack  # noqa: E402
from cleaner.suggest import Miner, SuggestOptions  # noqa: E402

# (site, shape) -> is it cruft? Labelled by reading each candidate with its examples in the dev
# dump (IndoSum dev split), run with --packs common and with --packs none.
LABELS = {
    ("cnnindonesia.com", "<place>, cnn indonesia -"): True,        # dateline
    ("cnnindonesia.com", "( <code> )"): True,                      # editor codes (stu), (ard / ard)
    ("kumparan.com", "baca juga : <title>"): True,                 # related links
    ("kumparan.com", "baca : <title>"): True,
    ("antaranews.com", "<place> (antara news) -"): True,
    ("antaranews.com", "( <code> )"): True,                        # (Uu. C003), (T.A067/R010)
    ("dailysocial.id", "DailySocial.id adalah portal berita startup dan inovasi teknologi. "
                       "Kamu bisa ..."): True,                       # the site's promo paragraph
    ("dailysocial.id", "sumber : <title>"): True,                  # source credit
    ("dailysocial.id", "sumber berita <name>"): True,
    ("dailysocial.id", "disclosure : <title>"): True,
    ("dailysocial.id", "–"): True,                                 # a lone separator
    ("merdeka.com", "merdeka.com -"): True,
    ("merdeka.com", "[ <code> ]"): True,
    ("merdeka.com", "( <code> )"): True,
    ("goal.com", "simak juga : <title>"): True,
    ("goal.com", "Babak kedua"): False,                            # match-report subheadings
    ("goal.com", "Babak pertama"): False,
    ("goal.com", "pelatih : <title>"): False,                      # line-ups: article content
    ("goal.com", "Berikut susunan pemain kedua tim:"): False,
    ("goal.com", "Susunan Pemain"): False,
    ("goal.com", "susunan pemain : <title>"): False,
    ("goal.com", "( <code> )"): True,                              # (gk - 48)
    ("rimanews.com", "rimanews -"): True,
    ("juara.net", "<place>, juara.net -"): True,
    ("juara.net", "juara.net -"): True,
    ("juara.net", "baca juga : <title>"): True,
    ("juara.net", "pelatih : <title>"): False,
    ("juara.net", "baca : <title>"): True,
    ("juara.net", "penulis : <title>"): True,                      # byline
    ("juara.bolasport.com", "juara.net, <place> -"): True,
    ("juara.bolasport.com", "juara.net -"): True,
    ("juara.bolasport.com", "baca juga : <title>"): True,
    ("juara.bolasport.com", "* <name> yang ditulis terakhir bertindak sebagai tuan rumah."): False,
    ("juara.bolasport.com", "* Tim yang ditulis terakhir bertindak sebagai tuan rumah."): False,
}


def mine(dump: str, packs_spec: str, top: int):
    packs = select_packs(load_packs(), packs_spec)
    cleaner = Cleaner(packs=packs)
    miner = Miner(SuggestOptions(top=top))
    for item in iter_inputs([dump], ReadOptions()):
        if not isinstance(item, Reject):
            miner.add(cleaner.clean_document(cleaner.make_document(item.text,
                                                                   **document_args(item))))
    out, used = {}, set()
    for site in sorted(miner.sites, key=lambda s: -miner.sites[s].docs):
        fresh, _ = miner.candidates(site, used)
        used |= {c.rule["id"] for c in fresh}
        out[site] = fresh
    return packs, out


def word_check(packs, results, labelled_path: Path) -> dict[str, Counter]:
    """Words each candidate's rule removes from the labelled articles of its site."""
    articles = load_labelled(labelled_path)
    counts: dict[str, Counter] = {}
    for site, cands in results.items():
        if not cands:
            continue
        rules = tuple(_load_rule(tomllib.loads(rule_toml(c.rule))["rule"][0], 0, "suggested",
                                 "(bench)") for c in cands)
        pack = Pack(id=f"suggested-{site}", kind="site", path="(bench)", domains=(site,),
                    rules=rules)
        cleaner = Cleaner(packs=[*packs, pack])
        for article in articles:
            if article.get("site") != site and not str(article.get("url", "")).count(site):
                continue
            record = cleaner.clean(article["text"], url=article.get("url"), id=article.get("id"))
            for rule, c in rule_words(article, record).items():
                if rule.startswith(tuple(r.id for r in rules)) and rule in {r.id for r in rules}:
                    counts.setdefault(rule, Counter()).update(c)
    return counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("dump")
    parser.add_argument("--packs", default="common")
    parser.add_argument("--top", type=int, default=10)
    parser.add_argument("--labelled", default=str(ROOT / "fixtures/indosum/labelled.jsonl"))
    args = parser.parse_args()
    packs, results = mine(args.dump, args.packs, args.top)
    words = word_check(packs, results, Path(args.labelled))
    good = bad = unlabelled = 0
    docs_good = docs_all = 0
    print(f"{'site':22s} {'#':>2} {'docs':>5} {'label':6s} {'cruft w':>8} {'text w':>7}  shape")
    for site, cands in results.items():
        for rank, c in enumerate(cands, start=1):
            label = LABELS.get((site, c.shape))
            w = words.get(c.rule["id"], Counter())
            mark = {True: "cruft", False: "TEXT", None: "?"}[label]
            print(f"{site:22s} {rank:>2} {c.docs:>5} {mark:6s} {w['cruft']:>8} {w['article']:>7}"
                  f"  {c.shape[:70]}")
            if label is None:
                unlabelled += 1
                continue
            good += label
            bad += not label
            docs_all += c.docs
            docs_good += c.docs if label else 0
    total_cruft = sum(c["cruft"] for c in words.values())
    total_text = sum(c["article"] for c in words.values())
    print()
    print(f"by candidate: {good} of {good + bad} labelled candidates are cruft "
          f"({good / max(1, good + bad):.0%}); {unlabelled} unlabelled")
    print(f"by documents touched: {docs_good / max(1, docs_all):.0%}")
    print(f"by word on the labelled sample: {total_cruft} cruft words, {total_text} article words "
          f"removed ({total_cruft / max(1, total_cruft + total_text):.1%} cruft)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
