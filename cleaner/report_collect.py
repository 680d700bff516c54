"""What a run report needs, gathered in bounded memory: counts per rule and site, sampled removals, flags, rejects.

A resumed run's process sees only the documents after its resume; the report covers the whole run
all the same: the records and rejects of the legs before it are read back from the shard folder
(the shards the manifest lists up to the resume point, the rejects file up to its length then),
in input order, as if the run had not stopped. Only the text around their removals is gone (it
comes from the input, which the output does not keep). Where they cannot be read back, the
report says plainly that it covers this leg only, and which documents that is.
"""

from __future__ import annotations

import os
import random
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any, Iterator

import orjson

from cleaner.shards import MANIFEST, iter_shard_records
from cleaner.stats import reason_kind
from cleaner.writers import is_special_file

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
        self.seed = seed
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

    # -- the legs of a resumed run -----------------------------------------------------------

    def _fresh(self) -> "ReportCollector":
        """An empty collector with this one's limits and seed."""
        return ReportCollector(self.k, self.max_flagged, self.max_rejects, self.seed)

    def _read_back(self, folder: Path, manifest: dict[str, Any], skip: int,
                   rejects: int) -> None:
        """Count the records of the shards that end by input document `skip`, and the first
        `rejects` rejects of the run's rejects file: what the legs before a resume wrote."""
        for record in iter_shard_records(folder, until=skip):
            self.add_record(record)
        for reject in _first_rejects(folder / manifest["rejects_path"], rejects):
            self.add_reject(reject)
        for bucket in self.samples.values():
            for sample in bucket:
                # (their context came from an input text the output does not keep)
                sample["earlier_leg"] = True

    def _then(self, later: "ReportCollector") -> "ReportCollector":
        """This collector's figures followed by `later`'s, as one collector that had seen both
        (a resumed run's legs, in input order); removals are sampled from both at random."""
        for rule in later.rule_hits:
            self.samples[rule] = self._sample_of_both(
                self.samples.get(rule, []), self.rule_hits[rule],
                later.samples.get(rule, []), later.rule_hits[rule])
            self.rule_action.setdefault(rule, later.rule_action.get(rule, ""))
        for name in ("documents", "rejected", "flagged", "words_kept", "words_removed"):
            setattr(self, name, getattr(self, name) + getattr(later, name))
        for name in ("rule_hits", "rule_words", "rule_docs", "reject_reasons"):
            getattr(self, name).update(getattr(later, name))
        for site, counts in later.sites.items():
            self.sites[site].update(counts)
        self.flagged_docs = (self.flagged_docs + later.flagged_docs)[:self.max_flagged]
        self.rejects = (self.rejects + later.rejects)[:self.max_rejects]
        return self

    def _sample_of_both(self, first: list[dict], n_first: int, second: list[dict],
                        n_second: int) -> list[dict]:
        """Up to k removals drawn at random from two runs of `n_first` and `n_second`, given
        a uniform sample of each: every removal of both is as likely to be drawn."""
        first, second = list(first), list(second)
        out: list[dict] = []
        while len(out) < self.k and n_first + n_second:
            # Each draw comes from one part in proportion to what is left of it undrawn.
            if self.rng.randrange(n_first + n_second) < n_first:
                out.append(first.pop(self.rng.randrange(len(first))))
                n_first -= 1
            else:
                out.append(second.pop(self.rng.randrange(len(second))))
                n_second -= 1
        return out

    def whole_run(self, output: str | None) -> tuple["ReportCollector", dict[str, Any] | None]:
        """The collector of the whole run and what the report says of its scope: this one,
        with no word, unless the run was resumed (then the legs before it are read back from
        the shard folder `output`, or the scope says the report covers this leg only)."""
        manifest = _finished_manifest(output) if output else None
        stats = (manifest or {}).get("stats") or {}
        skip = stats.get("resumed_from") or 0
        if output is None or manifest is None or not skip:
            return self, None
        scope = {"resumed_after": skip, "documents": self.documents + self.rejected,
                 "written": self.documents, "rejected": self.rejected,
                 "seconds": stats.get("seconds")}
        earlier = self._fresh()
        try:
            earlier._read_back(Path(output), manifest, skip, manifest["rejects"] - self.rejected)
        except (OSError, ValueError, KeyError, TypeError) as exc:
            return self, dict(scope, whole_run=False, why=f"they could not be read back: {exc}")
        if earlier.documents + earlier.rejected != skip:
            return self, dict(scope, whole_run=False,
                              why=f"the shards and rejects before the resume hold "
                                  f"{earlier.documents + earlier.rejected:,} of them")
        whole = earlier._then(self)
        sampled = sum(s.get("earlier_leg", False) for bucket in whole.samples.values()
                      for s in bucket)
        return whole, dict(scope, whole_run=True, samples_without_context=sampled)

    # -- the report's data ------------------------------------------------------------------

    def data(self, run: dict[str, Any] | None = None) -> dict[str, Any]:
        """Everything the HTML report shows, as plain data (also what --report tests read).
        With the run's `output` named in `run`, a resumed run's report covers the whole run
        (whole_run), and `scope` says so."""
        run = dict(run or {})
        whole, scope = self.whole_run(run.get("output"))
        if scope is not None:
            run["seconds since the resume"] = run.pop("seconds", None)
            if scope["whole_run"] and scope["seconds"] is not None:
                # The run's seconds, every leg's, as its --stats gives them.
                run["seconds"] = scope["seconds"]
        return dict(whole._data(run), scope=scope)

    def _data(self, run: dict[str, Any]) -> dict[str, Any]:
        """The report's data from this collector's figures."""
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
            "run": run,
            "totals": {"documents": self.documents + self.rejected, "written": self.documents,
                       "rejected": self.rejected, "flagged": self.flagged,
                       "removals": sum(self.rule_hits.values()), "words": total,
                       "words_removed": self.words_removed,
                       "share": self.words_removed / total if total else 0.0},
            "rules": rules, "sites": sites,
            "flagged": self.flagged_docs, "rejects": self.rejects,
            "reject_reasons": dict(self.reject_reasons.most_common()),
        }


def _finished_manifest(output: str) -> dict[str, Any] | None:
    """The manifest of the shard folder `output`, if it is one and its run is complete."""
    if output == "-" or not os.path.isdir(output):
        return None
    try:
        manifest = orjson.loads((Path(output) / MANIFEST).read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return None
    return manifest if isinstance(manifest, dict) and manifest.get("complete") else None


def _first_rejects(path: Path, count: int) -> Iterator[dict[str, Any]]:
    """The first `count` rejects of a rejects file; ValueError where they cannot be read back
    (written to a device or pipe in place, or fewer than that)."""
    if count <= 0:
        return
    if is_special_file(path):
        raise ValueError(f"the rejects went to {path}, which keeps nothing")
    read = 0
    with open(path, "rb") as f:
        for line in f:
            yield orjson.loads(line)
            read += 1
            if read == count:
                return
    raise ValueError(f"{path} holds {read} rejects, not {count}")
