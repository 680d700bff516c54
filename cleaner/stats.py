"""Run statistics: documents read, written, rejected, flagged; removals and words per rule and per site; time per stage."""

from __future__ import annotations

import re
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, Callable, Collection

from cleaner.wording import counted, noun


# Sites counted one by one; documents of any further site are counted together as OTHER_SITES.
# A site without a pack is its url host, and a crawl holds hosts by the hundred thousand: each
# costs memory, and a line in every checkpoint of a sharded run. News corpora name far fewer.
MAX_SITES = 50_000
OTHER_SITES = "(other sites)"


def site_key(site: str, counted: Collection[str], limit: int | None = MAX_SITES) -> str:
    """The site's own key while fewer than `limit` sites have one (`counted`), else
    OTHER_SITES: sites are taken in input order, so every run of the same input names the same
    ones, and a crawl's hosts by the hundred thousand do not each cost a row (None: no limit)."""
    if limit is None or site in counted or len(counted) < limit:
        return site
    return OTHER_SITES


# The clock of stage_seconds: CPU seconds of the thread that does a stage's work. Wall time
# (perf_counter, before) counted the time the machine gave other processes: beside two busy
# loops a run's "clean" was 8.1 s against 3.5 s of CPU for all its processes. The thread's, not
# the process's: a Ray worker's own threads, the pool's feeder thread and a .gz output's
# compressing threads run beside the stage and are not its work. A call costs 1-2 microseconds
# (a system call, where perf_counter's is not), a few per batch or chunk of 16 documents.
STAGE_CLOCK = time.thread_time


def skipped_said(count: int, reason: str) -> str:
    """A count of records skipped for one reason, as the summary says it: a reason naming the
    record ("WARC request record") in the plural after a count other than one.

    >>> skipped_said(6, "WARC request record"), skipped_said(1, "WARC request record")
    ('6 WARC request records', '1 WARC request record')
    >>> skipped_said(3, "not HTML (image/png)")
    '3 not HTML (image/png)'
    """
    if count != 1 and reason.endswith(" record"):
        reason += "s"
    return f"{count:,} {reason}"


def kinds_said(kinds: dict[str, int], before: str = " (", after: str = ")") -> str:
    """Skipped files by their names' endings, most first, as the summary says them after
    their count; nothing for none (stats of an earlier version kept none).

    >>> kinds_said({".md": 1, "other": 2, ".jpg": 1200, ".csv": 1})
    ' (1,200 .jpg, 1 .csv, 1 .md, 2 other)'
    """
    if not kinds:
        return ""
    ordered = sorted(kinds.items(), key=lambda kv: (kv[0] == "other", -kv[1], kv[0]))
    return before + ", ".join(f"{n:,} {kind}" for kind, n in ordered) + after


@dataclass
class RunStats:
    """Counts gathered while a run goes; `summary()` is what the CLI prints at the end."""

    read: int = 0
    written: int = 0
    rejected: int = 0
    flagged: int = 0
    skipped_files: int = 0
    skipped_file_kinds: dict = field(default_factory=dict)  # name ending -> count (ReadLog's)
    skipped_records: dict = field(default_factory=dict)   # reason -> count (non-HTML WARC records)
    # Second names (links) of files read once, by reason: files, not records.
    skipped_duplicates: dict = field(default_factory=dict)
    # Input bytes of every document read, rejected ones included (the input rate's), and of
    # those written as records.
    bytes_in: int = 0
    bytes_written: int = 0
    # Bytes of the output as written (the output sets them as it finishes or checkpoints):
    # the file or shards on disk, compressed or Parquet as they are; the JSON lines sent to
    # stdout, a device or a pipe; None where not known (Parquet or compression into a pipe).
    output_bytes: int | None = 0
    # Who cleaned this process's part of the run: the worker processes (1: this process) and
    # the executor (local, ray); None when no run was cleaned here and no checkpoint said.
    workers: int | None = None
    executor: str | None = None
    rule_hits: Counter = field(default_factory=Counter)
    rule_chars: Counter = field(default_factory=Counter)
    rule_words: Counter = field(default_factory=Counter)
    site_docs: Counter = field(default_factory=Counter)
    site_hits: Counter = field(default_factory=Counter)
    site_words: Counter = field(default_factory=Counter)
    reject_reasons: Counter = field(default_factory=Counter)
    # The records carrying each flag (truncated-page, guessed-charset, ...): `flagged` counts a
    # record once however many it carries.
    flag_counts: Counter = field(default_factory=Counter)
    # The first reason of each kind as written, numbers and all: what the summary shows of it.
    reject_examples: dict = field(default_factory=dict)
    # The kinds whose reasons differ from their example (note_reason): "(and others like it)".
    reject_varied: set = field(default_factory=set)
    stage_seconds: defaultdict[str, float] = field(default_factory=lambda: defaultdict(float))
    # Sites counted one by one at most (None: no limit, as for a worker's tally of one batch).
    max_sites: int | None = field(default_factory=lambda: MAX_SITES)
    # Figures carried over from the part of a resumed run done before it stopped.
    resumed_from: int = 0
    seconds_before: float = 0.0    # the run's seconds up to its last checkpoint before a resume
    # When this process's part of the run began (None: it does none, as when a finished run's
    # figures are read back from its manifest).
    started: float | None = field(default_factory=time.perf_counter)
    ended: float | None = None     # set by stop(): the figures written after give the same time
    # Documents read and bytes restored from a checkpoint that kept no seconds (an earlier
    # version's): the run's seconds do not cover them, so its rates leave them out.
    _untimed: tuple = (0, 0)

    def add_record(self, record: dict[str, Any], size: int) -> None:
        """Count one record: its site, whether it is flagged, and per removal the rule, the
        characters and the words it took."""
        self.written += 1
        self.bytes_in += size
        self.bytes_written += size
        flags = record.get("flags")
        if flags:
            self.flagged += 1
            self.flag_counts.update({flag.get("flag") for flag in flags
                                     if isinstance(flag, dict) and flag.get("flag")})
        site = self._site_key(record["meta"].get("site") or "(unknown)")
        self.site_docs[site] += 1
        removed = record["removed"]
        if not removed:                 # no site_hits entry for a site without hits
            return
        hits, chars, words = self.rule_hits, self.rule_chars, self.rule_words
        total = 0
        for removal in removed:
            rule, text = removal["rule"], removal["text"]
            count = len(text.split())
            hits[rule] += 1
            chars[rule] += len(text)
            words[rule] += count
            total += count
        self.site_hits[site] += len(removed)
        self.site_words[site] += total

    def _site_key(self, site: str) -> str:
        return site_key(site, self.site_docs, self.max_sites)

    def merge(self, tally: "RunStats") -> None:
        """Add the records another RunStats counted: a worker's tally of one batch."""
        self.written += tally.written
        self.bytes_in += tally.bytes_in
        self.bytes_written += tally.bytes_written
        self.flagged += tally.flagged
        self.flag_counts.update(tally.flag_counts)
        for name in ("rule_hits", "rule_chars", "rule_words"):
            getattr(self, name).update(getattr(tally, name))
        for site, documents in tally.site_docs.items():      # in the batch's input order
            key = self._site_key(site)
            self.site_docs[key] += documents
            if site in tally.site_hits:            # (as add_record: no entry for no hits)
                self.site_hits[key] += tally.site_hits[site]
                self.site_words[key] += tally.site_words[site]

    def add_reject(self, reason: str, size: int = 0) -> None:
        """Count one rejected document; `size`: the input bytes it was read from."""
        self.rejected += 1
        self.bytes_in += size
        note_reason(reason, self.reject_reasons, self.reject_examples, self.reject_varied)

    def add_times(self, seconds: dict[str, float]) -> None:
        for stage, value in seconds.items():
            self.stage_seconds[stage] += value

    def elapsed(self) -> float:
        """Seconds of this process's part of the run."""
        if self.started is None:
            return 0.0
        return (time.perf_counter() if self.ended is None else self.ended) - self.started

    def stop(self) -> None:
        """The run's work is done: its last checkpoint and its --stats file then name the same
        seconds (a resume that finds the run finished writes the checkpoint's)."""
        self.ended = time.perf_counter()

    def run_seconds(self) -> float:
        """Seconds of the whole run: this process's part and those before a resume."""
        return self.seconds_before + self.elapsed()

    def as_dict(self) -> dict[str, Any]:
        return {
            "documents_read": self.read, "written": self.written, "rejected": self.rejected,
            "flagged": self.flagged, "flags": dict(sorted(self.flag_counts.items())),
            "skipped_files": self.skipped_files,
            "skipped_file_kinds": self.skipped_file_kinds,
            "skipped_records": self.skipped_records,
            # A count, as skipped_files is (scripts add them up); the reasons beside it.
            "skipped_duplicate_files": sum(self.skipped_duplicates.values()),
            "skipped_duplicate_reasons": self.skipped_duplicates,
            "bytes": self.bytes_in, "bytes_written": self.bytes_written,
            "output_bytes": self.output_bytes,
            "seconds": round(self.run_seconds(), 3),
            "workers": self.workers, "executor": self.executor,
            "rules": {rule: {"hits": self.rule_hits[rule], "chars": self.rule_chars[rule],
                             "words": self.rule_words[rule]}
                      for rule in sorted(self.rule_hits)},
            "sites": {site: {"documents": n, "hits": self.site_hits[site],
                             "words_removed": self.site_words[site]}
                      for site, n in sorted(self.site_docs.items())},
            "reject_reasons": dict(self.reject_reasons),
            # CPU seconds (STAGE_CLOCK) summed over workers; "read" and "write" are the main
            # process's.
            "stage_seconds": {k: round(v, 3) for k, v in sorted(self.stage_seconds.items())},
            "resumed_after_inputs": self.resumed_from,
        }

    # The counters that survive a kill: saved with each checkpoint of a sharded run. (A resumed
    # run reads its input from the start again, so it counts skipped files and records anew;
    # they are saved for the --stats of a finished run, which reads nothing.)
    _STATE = ("read", "written", "rejected", "flagged", "bytes_in", "bytes_written",
              "output_bytes", "skipped_files", "resumed_from")
    _COUNTERS = ("rule_hits", "rule_chars", "rule_words", "site_docs", "site_hits", "site_words",
                 "reject_reasons", "stage_seconds", "flag_counts")

    def state(self) -> dict[str, Any]:
        """The figures so far, as a checkpoint saves them."""
        out: dict[str, Any] = {name: getattr(self, name) for name in self._STATE}
        out.update({name: dict(getattr(self, name)) for name in self._COUNTERS})
        out["skipped_records"] = dict(self.skipped_records)
        out["skipped_file_kinds"] = dict(self.skipped_file_kinds)
        out["skipped_duplicates"] = dict(self.skipped_duplicates)
        out["reject_examples"] = dict(self.reject_examples)
        out["reject_varied"] = sorted(self.reject_varied)
        out["workers"], out["executor"] = self.workers, self.executor
        out["seconds"] = round(self.run_seconds(), 3)
        return out

    def restore(self, state: dict[str, Any]) -> None:
        """Continue from a saved state (a resumed run reports the whole run)."""
        for name in self._STATE:
            setattr(self, name, state.get(name, 0))
        if "bytes_written" not in state:
            # (a checkpoint of an earlier version counted the bytes of records only)
            self.bytes_written = self.bytes_in
        for name in self._COUNTERS:
            setattr(self, name, Counter(state.get(name, {})))
        self.stage_seconds = defaultdict(float, self.stage_seconds)
        self.skipped_records = dict(state.get("skipped_records", {}))
        self.skipped_file_kinds = dict(state.get("skipped_file_kinds", {}))
        self.skipped_duplicates = dict(state.get("skipped_duplicates", {}))
        examples = state.get("reject_examples", {})     # (none in an older manifest)
        self.reject_examples = ({str(k): reason_example(str(v)) for k, v in examples.items()}
                                if isinstance(examples, dict) else {})
        self.reject_varied = restored_varied(state.get("reject_varied"), self.reject_examples)
        # (a manifest from an earlier version kept no seconds, a hand edit may keep a word:
        # the run's count from here)
        seconds = _seconds(state.get("seconds"))
        self.seconds_before = seconds or 0.0
        self._untimed = (0, 0) if seconds is not None else (self.read, self.bytes_in)
        # The last leg's, for the stats of a finished run a resume finds (a leg that cleans
        # sets its own); none in an older or damaged manifest.
        workers, executor = state.get("workers"), state.get("executor")
        self.workers = workers if type(workers) is int else None
        self.executor = executor if isinstance(executor, str) else None

    def summary(self, top: int = 25) -> str:
        lines = [
            f"read {counted(self.read, 'document')}, wrote {self.written}, rejected "
            f"{self.rejected}, flagged {self.flagged}"
            + (" (" + ", ".join(f"{n} {flag}" for flag, n in self.flag_counts.most_common())
               + ")" if self.flag_counts else "")
            + (f", skipped {counted(self.skipped_files, 'file')} not matching the input patterns"
               + kinds_said(self.skipped_file_kinds) if self.skipped_files else "")
            # (a WARC's records passed over, and hidden files and folders not read: "skipped: 1
            # not HTML; 1 dump/.git: a hidden folder, not read (--hidden reads it)")
            + (", skipped: " + "; ".join(skipped_said(n, r)
                                         for r, n in self.skipped_records.items())
               if self.skipped_records else "")
            + (", skipped duplicate files: " + "; ".join(
                f"{n} {r}" for r, n in self.skipped_duplicates.items())
               if self.skipped_duplicates else ""),
            self._timing() + self._workers_said()
            + (f" (resumed after {counted(self.resumed_from, 'input document')})"
               if self.resumed_from else ""),
        ]
        stages = {k: v for k, v in self.stage_seconds.items() if k.startswith("clean.")}
        if stages:
            lines.append("cpu seconds per stage: " + ", ".join(
                f"{k[6:]} {v:.1f}" for k, v in sorted(stages.items(), key=lambda kv: -kv[1])))
        if self.reject_reasons:
            lines.append(f"rejects by reason ({self.rejected} in all):")
            for kind, n in self.reject_reasons.most_common(top):
                lines.append(f"  {n:8d}  "
                             f"{reason_line(kind, n, self.reject_examples, self.reject_varied)}")
            if len(self.reject_reasons) > top:
                more = len(self.reject_reasons) - top
                lines.append(f"  ... {more} more {noun(more, 'reason')} (--stats for all)")
        if self.rule_hits:
            lines.append(f"removals per rule ({sum(self.rule_hits.values())} in all):")
            for rule, hits in self.rule_hits.most_common(top):
                lines.append(f"  {hits:8d}  {rule}")
            if len(self.rule_hits) > top:
                more = len(self.rule_hits) - top
                lines.append(f"  ... {more} more {noun(more, 'rule')} (--stats for all)")
        return "\n".join(lines)

    def _timing(self) -> str:
        """The summary's seconds and rates, the figures of --stats.

        The seconds are --stats' `seconds` ("3.18 s in all (0.98 s since the resume)" after a
        resume), the rates its documents read and bytes over them, rejected documents included.
        Where the legs before a resume kept no seconds (an earlier version's checkpoint), both
        are of the part since the resume.
        """
        seconds, untimed = self.run_seconds(), self._untimed != (0, 0)
        docs, mb = self.read - self._untimed[0], (self.bytes_in - self._untimed[1]) / 1e6
        rates = (f"{docs / seconds if seconds else 0:.0f} docs/s, "
                 f"{mb / seconds if seconds else 0:.1f} MB/s")
        if untimed:
            return (f"{seconds:.2f} s since the resume (the legs before kept no time), {rates} "
                    "since the resume")
        if self.seconds_before or self.resumed_from:
            return (f"{seconds:.2f} s in all ({self.elapsed():.2f} s since the resume), {rates} "
                    "over the whole run")
        return f"{seconds:.2f} s, {rates}"

    def _workers_said(self) -> str:
        """The workers of the timing line (", 2 workers", ", 3 workers (Ray)"); nothing when
        no run was cleaned here."""
        if self.workers is None:
            return ""
        return (f", {counted(self.workers, 'worker')}"
                + (" (Ray)" if self.executor == "ray" else ""))


def _seconds(value: Any) -> float | None:
    """A checkpoint's seconds, or None where it kept none, or something else (a hand edit).

    >>> _seconds(3), _seconds(2.5), _seconds("soon"), _seconds(-1.0), _seconds(True)
    (3.0, 2.5, None, None, None)
    """
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value) if 0 <= value < float("inf") else None


# Where a reject reason's details begin, and the numbers in it (not those inside a word or a
# name such as UTF-8).
_DETAILS = re.compile(r"[:;(]")
_NUMBER = re.compile(r"(?<![\w-])\d+(?![\w-])")


# The characters of a reject reason kept as the example of its kind (a reason may quote input).
MAX_EXAMPLE = 600   # a damaged gzip member's reason (where, why, which lines it gave) runs to ~350


def reason_example(reason: str) -> str:
    """A reject reason as the example of its kind: as written, cut to MAX_EXAMPLE characters."""
    return reason if len(reason) <= MAX_EXAMPLE else reason[:MAX_EXAMPLE - 1] + "\u2026"


def note_reason(reason: str, counts: Counter, examples: dict[str, str], varied: set[str]) -> None:
    """Count a reject reason under its kind (reason_kind), keep the kind's first reason as its
    example, and note in `varied` a kind one of whose reasons reads otherwise than its example
    (as shown: cut to MAX_EXAMPLE): only then does the summary say "(and others like it)"; 2,000
    rejects "record longer than 2000 bytes; ..." are all the same words."""
    kind = reason_kind(reason)
    counts[kind] += 1
    example = examples.get(kind)
    if example is None:
        examples[kind] = reason_example(reason)
    elif kind not in varied and reason_example(reason) != example:
        varied.add(kind)


def restored_varied(saved: Any, examples: dict[str, str]) -> set[str]:
    """The kinds whose reasons differ (note_reason), as a checkpoint saved them: a list of kinds.
    A manifest of an earlier version kept none: then a kind whose example has details (reads
    otherwise than the kind) is taken to have others that differ, as was said before."""
    if isinstance(saved, list):
        return {str(kind) for kind in saved}
    return {kind for kind, example in examples.items() if example != kind}


def reason_parts(kind: str, count: int, examples: dict[str, str],
                 number: Callable[[int], str] = str,
                 varied: Collection[str] | None = None) -> tuple[str, str]:
    """A kind of reject reason as the summary and the report say it, in two parts: its first
    reason as written, and "(and others like it)" where more are of its kind and some read
    otherwise (`varied`, the kinds note_reason found so; "" where there is one, or all are the
    same words); the kind itself, numbers as N, and nothing more where no example was kept
    (counted before a resume from an older manifest). The count is not said again: the line's
    count column says it ("2  ... (and 1 like it)" said it twice). `varied` None (not kept, as
    in a report's data of an earlier version): a kind whose example has details is taken to
    vary. (`number`: how the caller writes counts, kept for its callers.)

    >>> examples = {"line N is long": "line 12 is long", "too long; N": "too long; 9"}
    >>> reason_parts("line N is long", 1235, examples, "{:,}".format, varied={"line N is long"})
    ('line 12 is long', '(and others like it)')
    >>> reason_parts("too long; N", 4, examples, varied=set())
    ('too long; 9', '')
    >>> reason_parts("empty document", 4, {"empty document": "empty document"})
    ('empty document', '')
    >>> reason_parts("line N is long", 3, {}), reason_parts("empty document", 1, {})
    (('line N is long', ''), ('empty document', ''))
    """
    example = examples.get(kind)
    if example is None:
        return kind, ""
    differ = example != kind if varied is None else kind in varied
    return example, ("(and others like it)" if count > 1 and differ else "")


def reason_line(kind: str, count: int, examples: dict[str, str],
                varied: Collection[str] | None = None) -> str:
    """A kind of reject reason as the summary says it (reason_parts): "line 12 is longer than
    8388608 bytes (and others like it)".

    >>> reason_line("line N is long", 3, {"line N is long": "line 12 is long"}, {"line N is long"})
    'line 12 is long (and others like it)'
    """
    reason, more = reason_parts(kind, count, examples, varied=varied)
    return f"{reason} {more}" if more else reason


def reason_kind(reason: str) -> str:
    """A reject reason without its details, for counting reasons of one kind together: the words
    before the first ':', ';' or '(', numbers as N.

    >>> reason_kind("invalid UTF-8 at byte 21 of the line"), reason_kind("broken JSON: x at 3")
    ('invalid UTF-8 at byte N of the line', 'broken JSON')
    >>> reason_kind("file of 2048 bytes is larger than 1024; raise --max-record-bytes")
    'file of N bytes is larger than N'
    """
    return _NUMBER.sub("N", _DETAILS.split(reason, 1)[0].strip())[:80]
