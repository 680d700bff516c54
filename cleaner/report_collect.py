"""What a run report needs, gathered in bounded memory: counts per rule and site, sampled removals, flags, rejects."""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from typing import Any

import orjson

from cleaner.stats import reason_kind

SAMPLES_PER_RULE = 5
MAX_FLAGGED = 100
MAX_REJECTS = 100


def _words(text: str) -> int:
    return len(text.split())


class ReportCollector:
    """Counts and samples from every record and reject of a run.

    Removals are sampled per rule by reservoir sampling, so memory stays bounded whatever the
    run's size; context comes with each outcome from where the record was made.
    """

    def __init__(self, samples_per_rule: int = SAMPLES_PER_RULE, max_flagged: int = MAX_FLAGGED,
                 max_rejects: int = MAX_REJECTS, seed: int = 0):
        self.k = samples_per_rule
        self.max_flagged = max_flagged
        self.max_rejects = max_rejects
        self.rng = random.Random(seed)
        self.documents = 0
        self.rejected = 0
        self.flagged = 0
        self.words_kept = 0
        self.words_removed = 0
        self.rule_hits: Counter = Counter()
        self.rule_words: Counter = Counter()
        self.rule_docs: Counter = Counter()
        self.rule_action: dict[str, str] = {}
        self.samples: dict[str, list[dict]] = defaultdict(list)
        self.sites: dict[str, Counter] = defaultdict(Counter)
        self.flagged_docs: list[dict] = []
        self.reject_reasons: Counter = Counter()
        self.rejects: list[dict] = []

    def add_outcome(self, outcome: tuple) -> None:
        """One executor outcome: ("record", json_line, size[, contexts]) or ("reject", dict);
        the contexts are the text around each removal, taken where the record was made."""
        if outcome[0] == "record":
            self.add_record(orjson.loads(outcome[1]),
                            contexts=outcome[3] if len(outcome) > 3 else None)
        else:
            self.add_reject(outcome[1])

    # -- records and rejects ----------------------------------------------------------------

    def add_record(self, record: dict[str, Any],
                   contexts: list[tuple[str, str]] | None = None) -> None:
        """Count a record and sample its removals; their context comes from `contexts` (one
        (before, after) a removal, removal_contexts), else is empty."""
        self.documents += 1
        site = record.get("meta", {}).get("site") or "(unknown)"
        kept = _words(record.get("text", ""))
        removed_words = 0
        fired: set[str] = set()
        for index, removal in enumerate(record.get("removed", ())):
            rule = removal["rule"]
            words = _words(removal["text"])
            removed_words += words
            self.rule_hits[rule] += 1
            self.rule_words[rule] += words
            self.rule_action.setdefault(rule, removal.get("action", ""))
            fired.add(rule)
            n = self.rule_hits[rule]
            bucket = self.samples[rule]
            slot = len(bucket) if len(bucket) < self.k else self.rng.randrange(n)
            if slot < self.k:
                before, after = contexts[index] if contexts is not None else ("", "")
                sample = {"doc": str(record.get("id", "")), "site": site,
                          "line": removal.get("line"), "action": removal.get("action", ""),
                          "text": removal["text"][:400], "before": before, "after": after}
                if slot < len(bucket):
                    bucket[slot] = sample
                else:
                    bucket.append(sample)
        for rule in fired:
            self.rule_docs[rule] += 1
        self.words_kept += kept
        self.words_removed += removed_words
        stats = self.sites[site]
        stats["documents"] += 1
        stats["words_kept"] += kept
        stats["words_removed"] += removed_words
        stats["removals"] += len(record.get("removed", ()))
        if record.get("flags"):
            self.flagged += 1
            stats["flagged"] += 1
            if len(self.flagged_docs) < self.max_flagged:
                self.flagged_docs.append({"doc": str(record.get("id", "")), "site": site,
                                          "flags": record["flags"]})

    def add_reject(self, reject: dict[str, Any]) -> None:
        self.rejected += 1
        reason = str(reject.get("reason", ""))
        self.reject_reasons[reason_kind(reason)] += 1
        if len(self.rejects) < self.max_rejects:
            where = reject.get("source", "")
            if reject.get("line"):
                where = f"{where}:{reject['line']}"
            self.rejects.append({"where": where, "reason": reason})

    # -- the report's data ------------------------------------------------------------------

    def data(self, run: dict[str, Any] | None = None) -> dict[str, Any]:
        """Everything the HTML report shows, as plain data (also what --report tests read)."""
        total = self.words_kept + self.words_removed
        sites = {}
        for site, c in sorted(self.sites.items(), key=lambda kv: (-kv[1]["documents"], kv[0])):
            words = c["words_kept"] + c["words_removed"]
            sites[site] = {"documents": c["documents"], "words": words,
                           "words_removed": c["words_removed"],
                           "share": c["words_removed"] / words if words else 0.0,
                           "removals": c["removals"], "flagged": c["flagged"]}
        rules = {rule: {"hits": hits, "documents": self.rule_docs[rule],
                        "words": self.rule_words[rule], "action": self.rule_action.get(rule, ""),
                        "samples": self.samples.get(rule, [])}
                 for rule, hits in sorted(self.rule_hits.items(), key=lambda kv: (-kv[1], kv[0]))}
        return {
            "run": run or {},
            "totals": {"documents": self.documents + self.rejected, "written": self.documents,
                       "rejected": self.rejected, "flagged": self.flagged,
                       "removals": sum(self.rule_hits.values()), "words": total,
                       "words_removed": self.words_removed,
                       "share": self.words_removed / total if total else 0.0},
            "rules": rules, "sites": sites,
            "flagged": self.flagged_docs, "rejects": self.rejects,
            "reject_reasons": dict(self.reject_reasons.most_common()),
        }
