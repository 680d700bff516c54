"""What a run report needs, gathered in bounded memory: counts per rule and site, sampled removals, flags, rejects.

A sharded run saves the collector's state with each checkpoint, beside its statistics
(`state`, ShardedOutput.report_collector), and a resumed run goes on from it (`restore`):
counts, samples with the text around them, and the random draws that pick the samples, so that
the report of a killed and resumed run is the report of the run without the kill. Where the last
checkpoint saved none (a leg ran without --report, or an older manifest), or saved what a
checkpoint does not write, the resumed run's report covers the part after the resume only, and
`scope` says so.
"""

from __future__ import annotations

import base64
import binascii
import random
import struct
from collections import Counter, defaultdict
from typing import Any

import orjson

from cleaner.inputs import reject_place
from cleaner.stats import MAX_SITES, note_reason, reason_example, restored_varied, site_key

SAMPLES_PER_RULE = 5
MAX_FLAGGED = 100
MAX_REJECTS = 100


def _words(text: str) -> int:
    return len(text.split())


def _rng_as_json(rng: random.Random) -> list[Any]:
    """The state of `rng` as JSON data, its 625 words in base64: 3.3 KB of the checkpoint,
    where the indented manifest spends 11 KB on them as a list of numbers."""
    version, words, gauss_next = rng.getstate()
    packed = struct.pack(f"<{len(words)}I", *words)
    return [version, base64.b64encode(packed).decode("ascii"), gauss_next]


def _rng_from_json(saved: list[Any]) -> tuple[Any, ...]:
    """The state _rng_as_json saved, as random.Random.setstate takes it."""
    version, text, gauss_next = saved
    packed = base64.b64decode(text)
    return version, struct.unpack(f"<{len(packed) // 4}I", packed), gauss_next


def _checked_state(state: Any, numbers: tuple[str, ...],
                   counters: tuple[str, ...]) -> dict[str, Any]:
    """A saved collector state's values as a collector holds them, each of its own type; raises
    KeyError, TypeError or ValueError where one is not."""
    if not isinstance(state, dict):
        raise TypeError("not an object")
    out: dict[str, Any] = {}
    for name in numbers:
        value = state[name]
        if type(value) is not int or value < 0:
            raise ValueError(f"{name} is {value!r}, not a count")
        out[name] = value
    for name in (*counters, "rule_action", "samples", "sites"):
        if not isinstance(state[name], dict):
            raise TypeError(f"{name} is not an object")
    for name in counters:
        out[name] = Counter(_counts(state[name], name))
    out["rule_action"] = {str(k): str(v) for k, v in state["rule_action"].items()}
    out["samples"] = defaultdict(list, {rule: _objects(bucket, f"samples of {rule}", _SAMPLE_TEXTS)
                                        for rule, bucket in state["samples"].items()})
    out["sites"] = defaultdict(Counter, {site: Counter(_counts(counts, f"site {site}"))
                                         for site, counts in state["sites"].items()})
    out["flagged_docs"] = _objects(state["flagged_docs"], "flagged_docs", ("doc", "site"))
    if not all(isinstance(doc.get("flags"), list) and all(isinstance(f, dict) for f in doc["flags"])
               for doc in out["flagged_docs"]):
        raise TypeError("a flagged document's flags are not a list of objects")
    out["rejects"] = _objects(state["rejects"], "rejects", ("where", "reason"))
    # (a manifest of an earlier version kept no examples: the kinds are shown as counted)
    examples = state.get("reject_examples", {})
    if not isinstance(examples, dict) or not all(isinstance(v, str) for v in examples.values()):
        raise TypeError("reject_examples is not an object of texts")
    out["reject_examples"] = {kind: reason_example(text) for kind, text in examples.items()}
    varied = state.get("reject_varied")
    if varied is not None and not (isinstance(varied, list)
                                   and all(isinstance(kind, str) for kind in varied)):
        raise TypeError("reject_varied is not a list of texts")
    out["reject_varied"] = restored_varied(varied, out["reject_examples"])
    return out


def _counts(value: Any, name: str) -> dict[str, int]:
    """A saved counter: names to counts."""
    if not isinstance(value, dict) or not all(type(n) is int for n in value.values()):
        raise TypeError(f"{name} is not an object of counts")
    return value


# The texts a sample's row of the report shows.
_SAMPLE_TEXTS = ("doc", "site", "action", "before", "text", "after")


def _objects(value: Any, name: str, texts: tuple[str, ...]) -> list[dict]:
    """A saved list of objects (samples, flagged documents, rejects), each with the texts the
    report shows of it."""
    if not isinstance(value, list) or not all(
            isinstance(v, dict) and all(isinstance(v.get(t), str) for t in texts) for v in value):
        raise TypeError(f"{name} is not a list of objects with {', '.join(texts)}")
    return list(value)


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
        # Input documents of the run before the first this collector counts: 0 when it covers
        # the whole run, else the resume point of a run whose checkpoint kept no report figures.
        self.begins_after = 0
        self.documents = 0
        self.rejected = 0
        self.flagged = 0
        self.words_kept = 0
        self.words_removed = 0
        # Of those, the words meta rules moved into the record's fields (bylines, datelines,
        # titles): taken from the text, kept as metadata.
        self.words_to_meta = 0
        self.rule_hits: Counter = Counter()
        self.rule_words: Counter = Counter()
        self.rule_docs: Counter = Counter()
        self.rule_action: dict[str, str] = {}
        self.samples: dict[str, list[dict]] = defaultdict(list)
        self.sites: dict[str, Counter] = defaultdict(Counter)
        self.flagged_docs: list[dict] = []
        self.reject_reasons: Counter = Counter()
        # The first reason of each kind, as written (its numbers too): what the report shows.
        self.reject_examples: dict[str, str] = {}
        # The kinds whose reasons differ from their example (note_reason): "(and others like it)".
        self.reject_varied: set[str] = set()
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
            if removal.get("action") == "meta":
                self.words_to_meta += words
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
        stats = self.sites[self._site_key(site)]
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

    def _site_key(self, site: str) -> str:
        """The site's row, as --stats counts sites (stats.site_key): the report's state is
        saved with every checkpoint, one row a site."""
        return site_key(site, self.sites, MAX_SITES)

    def add_reject(self, reject: dict[str, Any]) -> None:
        self.rejected += 1
        reason = str(reject.get("reason", ""))
        note_reason(reason, self.reject_reasons, self.reject_examples, self.reject_varied)
        if len(self.rejects) < self.max_rejects:
            self.rejects.append({"where": reject_place(reject), "reason": reason})

    # -- saved with a checkpoint --------------------------------------------------------------

    _NUMBERS = ("begins_after", "documents", "rejected", "flagged", "words_kept", "words_removed")
    _COUNTERS = ("rule_hits", "rule_words", "rule_docs", "reject_reasons")

    def state(self) -> dict[str, Any]:
        """Everything counted and sampled so far, and the random state, as JSON data: what a
        checkpoint saves (a copy: the collector goes on changing)."""
        out: dict[str, Any] = {name: getattr(self, name) for name in self._NUMBERS}
        out.update({name: dict(getattr(self, name)) for name in self._COUNTERS})
        out["rule_action"] = dict(self.rule_action)
        out["samples"] = {rule: list(bucket) for rule, bucket in self.samples.items()}
        out["sites"] = {site: dict(counts) for site, counts in self.sites.items()}
        out["flagged_docs"], out["rejects"] = list(self.flagged_docs), list(self.rejects)
        out["reject_examples"] = dict(self.reject_examples)
        out["reject_varied"] = sorted(self.reject_varied)
        out["rng"] = _rng_as_json(self.rng)
        out["words_to_meta"] = self.words_to_meta
        return out

    def restore(self, state: dict[str, Any]) -> None:
        """Go on from a saved state, as if the run had not stopped there; ValueError (and this
        collector untouched) where the state is not one state() gives: a manifest is a file a
        person or a damaged disk may have changed."""
        try:
            checked = _checked_state(state, self._NUMBERS, self._COUNTERS)
            # (not in _NUMBERS: a checkpoint of an earlier version kept none, and goes on
            # from 0)
            to_meta = state.get("words_to_meta", 0)
            if type(to_meta) is not int or to_meta < 0:
                raise ValueError(f"words_to_meta is {to_meta!r}, not a count")
            checked["words_to_meta"] = to_meta
            rng = _rng_from_json(state["rng"])
            random.Random().setstate(rng)
        except (KeyError, TypeError, ValueError, struct.error, binascii.Error) as exc:
            raise ValueError(f"the saved report figures are damaged ({type(exc).__name__}: "
                             f"{exc})") from None
        for name, value in checked.items():
            setattr(self, name, value)
        self.rng.setstate(rng)

    # -- the report's data ------------------------------------------------------------------

    def data(self, run: dict[str, Any] | None = None, skipped_records: dict[str, int] | None = None,
             skipped_files: int = 0,
             duplicate_files: dict[str, int] | None = None,
             skipped_file_kinds: dict[str, int] | None = None) -> dict[str, Any]:
        """Everything the HTML report shows, as plain data (also what --report tests read);
        `scope` names the part of the run it covers where that is not the whole run. What
        reading passed over is the run's (RunStats.skipped_records, .skipped_files and their
        endings, as the summary says them): records that are no article (a WARC's images,
        redirects), files no input pattern takes."""
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
            "run": dict(run or {}),
            "totals": {"documents": self.documents + self.rejected, "written": self.documents,
                       "rejected": self.rejected, "flagged": self.flagged,
                       "removals": sum(self.rule_hits.values()), "words": total,
                       "words_removed": self.words_removed, "words_to_meta": self.words_to_meta,
                       "share": self.words_removed / total if total else 0.0},
            "rules": rules, "sites": sites,
            "flagged": self.flagged_docs, "rejects": self.rejects,
            "reject_reasons": dict(self.reject_reasons.most_common()),
            "reject_examples": {kind: self.reject_examples[kind] for kind in self.reject_reasons
                                if kind in self.reject_examples},
            "reject_varied": sorted(kind for kind in self.reject_varied
                                    if kind in self.reject_reasons),
            "skipped_records": dict(skipped_records or {}), "skipped_files": skipped_files,
            "skipped_file_kinds": dict(skipped_file_kinds or {}),
            "duplicate_files": dict(duplicate_files or {}),
            "scope": self._scope(),
        }

    def _scope(self) -> dict[str, Any] | None:
        """None for a report of the whole run; else the input documents it covers, those after
        the resume of a run whose checkpoint kept no report figures (report.scope_note)."""
        if not self.begins_after:
            return None
        return {"resumed_after": self.begins_after, "documents": self.documents + self.rejected,
                "written": self.documents, "rejected": self.rejected}
