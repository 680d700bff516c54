"""Run statistics: documents read, written, rejected, flagged; removals and words per rule and per site."""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any


@dataclass
class RunStats:
    """Counts gathered while a run goes; `summary()` is what the CLI prints at the end."""

    read: int = 0
    written: int = 0
    rejected: int = 0
    flagged: int = 0
    skipped_files: int = 0
    bytes_in: int = 0
    rule_hits: Counter = field(default_factory=Counter)
    rule_chars: Counter = field(default_factory=Counter)
    site_docs: Counter = field(default_factory=Counter)
    reject_reasons: Counter = field(default_factory=Counter)
    started: float = field(default_factory=time.perf_counter)

    def add_record(self, record: dict[str, Any], size: int) -> None:
        self.written += 1
        self.bytes_in += size
        if record.get("flags"):
            self.flagged += 1
        self.site_docs[record["meta"].get("site") or "(unknown)"] += 1
        for removal in record["removed"]:
            self.rule_hits[removal["rule"]] += 1
            self.rule_chars[removal["rule"]] += len(removal["text"])

    def add_reject(self, reason: str) -> None:
        self.rejected += 1
        # Group reasons by their first words so the summary stays short.
        self.reject_reasons[reason.split(":")[0][:60]] += 1

    def elapsed(self) -> float:
        return time.perf_counter() - self.started

    def as_dict(self) -> dict[str, Any]:
        return {
            "documents_read": self.read, "written": self.written, "rejected": self.rejected,
            "flagged": self.flagged, "skipped_files": self.skipped_files,
            "bytes": self.bytes_in, "seconds": round(self.elapsed(), 3),
            "rules": {rule: {"hits": self.rule_hits[rule], "chars": self.rule_chars[rule]}
                      for rule in sorted(self.rule_hits)},
            "sites": dict(sorted(self.site_docs.items())),
            "reject_reasons": dict(self.reject_reasons),
        }

    def summary(self, top: int = 25) -> str:
        seconds = self.elapsed()
        mb = self.bytes_in / 1e6
        lines = [
            f"read {self.read} documents, wrote {self.written}, rejected {self.rejected}, "
            f"flagged {self.flagged}" + (f", skipped {self.skipped_files} files not matching the "
                                         f"input patterns" if self.skipped_files else ""),
            f"{seconds:.2f} s, {self.written / seconds if seconds else 0:.0f} docs/s, "
            f"{mb / seconds if seconds else 0:.1f} MB/s",
        ]
        if self.reject_reasons:
            lines.append("rejects: " + "; ".join(f"{n} {r}" for r, n in
                                                 self.reject_reasons.most_common()))
        if self.rule_hits:
            lines.append(f"removals per rule ({sum(self.rule_hits.values())} in all):")
            for rule, hits in self.rule_hits.most_common(top):
                lines.append(f"  {hits:8d}  {rule}")
            if len(self.rule_hits) > top:
                lines.append(f"  ... {len(self.rule_hits) - top} more rules (--stats for all)")
        return "\n".join(lines)
