"""Learned boilerplate: lines in a large share of a site's documents become drop-line rules of their own.

A first pass counts, per site, in how many documents each line occurs (once per document). A line
is learned when it occurs in at least `min_docs` documents and in at least `min_share` of its
site's documents: a share, not a count, so that a sentence two articles happen to quote is never
learned, however large the dump. Learned rules sit after every pack, so a rule that already
removes a line keeps its name on the removal; they are named `learned/<site>/<n>`.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from typing import Any, Iterable

from cleaner.normalize import normalize
from cleaner.rulefile import Pack, Rule
from cleaner.shapes import collapse, escape
from cleaner.sitekey import site_key
from cleaner.wording import counted

MIN_SHARE = 0.3
MIN_DOCS = 5
# Documents counted per site: enough to measure a share, bounded in memory.
MAX_DOCS_PER_SITE = 20000
# A document whose lines over both thresholds make up more than this share of its characters is
# a copy of an article, not an article with boilerplate; a line found mostly in such documents
# is not learned. Copies that differ by a line (a desk code, an "Update:" line) each counted,
# and every paragraph of the article was learned: its copies and the article itself emptied.
WHOLE_SHARE = 0.5
# The documents a line is found in that are kept to judge it so, at most (a sample: the first).
HOLDERS_KEPT = 64


@dataclass
class LearnOptions:
    min_share: float = MIN_SHARE
    min_docs: int = MIN_DOCS
    max_docs_per_site: int = MAX_DOCS_PER_SITE


@dataclass(frozen=True)
class LearnedLine:
    """One learned line: its text and how many of its site's documents hold it."""

    text: str
    docs: int
    site_docs: int
    # The loaded rules that already remove the line, where its site's documents get them (learn):
    # in the run they keep it (learned rules come after every pack), but a learned rule pasted
    # into the site's pack would take it first, and the metadata they fill would be lost.
    taken_by: tuple[str, ...] = ()

    @property
    def share(self) -> float:
        return self.docs / self.site_docs if self.site_docs else 0.0


@dataclass
class BoilerplateLearner:
    """Counts distinct lines per site over a first pass."""

    options: LearnOptions = field(default_factory=LearnOptions)
    docs: Counter = field(default_factory=Counter)
    lines: dict = field(default_factory=lambda: defaultdict(Counter))
    seen: dict = field(default_factory=lambda: defaultdict(set))    # site -> documents' hashes
    # site -> line -> the numbers of the first HOLDERS_KEPT documents holding it; and each
    # counted document's characters (its distinct lines')
    holders: dict = field(default_factory=lambda: defaultdict(lambda: defaultdict(list)))
    sizes: dict = field(default_factory=lambda: defaultdict(list))

    def add(self, site: str | None, lines: Iterable[str]) -> None:
        """Count one document's lines for its site (documents without a site are not counted).

        A document whose lines a document of its site had already is counted once: a dump
        crawled twice, or one article under several urls, would otherwise have every line of
        that article learned as boilerplate, and its copies emptied.
        """
        if not site or self.docs[site] >= self.options.max_docs_per_site:
            return
        distinct = frozenset(line for line in map(collapse, lines) if line)
        fingerprint = hash(distinct)
        if fingerprint in self.seen[site]:
            return
        self.seen[site].add(fingerprint)
        number = self.docs[site]
        self.docs[site] += 1
        self.sizes[site].append(sum(map(len, distinct)))
        counts, holders = self.lines[site], self.holders[site]
        for line in distinct:
            counts[line] += 1
            if counts[line] <= HOLDERS_KEPT:
                holders[line].append(number)

    def learned(self) -> dict[str, list[LearnedLine]]:
        """Per site, the lines over both thresholds, most frequent first, but those found
        mostly in documents such lines take whole (_copied)."""
        out: dict[str, list[LearnedLine]] = {}
        for site, total in self.docs.items():
            need = max(self.options.min_docs, self.options.min_share * total)
            over = {text: n for text, n in self.lines[site].items() if n >= need}
            copied = self._copied(site, over)
            found = [LearnedLine(text, n, total) for text, n in over.items()
                     if text not in copied]
            if found:
                found.sort(key=lambda x: (-x.docs, x.text))
                out[site] = found
        return out


    def _copied(self, site: str, over: dict[str, int]) -> set[str]:
        """The lines of `over` (a site's lines over both thresholds) found mostly (in more than
        half of their kept holders) in documents that such lines take whole (WHOLE_SHARE of
        their characters): the lines of an article crawled as copies that differ by a line."""
        holders, sizes = self.holders[site], self.sizes[site]
        covered: Counter = Counter()
        for text in over:
            for number in holders[text]:
                covered[number] += len(text)
        whole = {number for number, chars in covered.items()
                 if chars > WHOLE_SHARE * sizes[number]}
        return {text for text in over
                if 2 * sum(number in whole for number in holders[text]) > len(holders[text])}


def learned_rule(site: str, number: int, line: LearnedLine) -> Rule:
    """An exact-line drop-line rule for one learned line."""
    pattern = rf"^\s*{escape(line.text)}\s*$"
    return Rule(id=f"learned/{site}/{number}", action="drop-line", pattern=pattern,
                description=f"learned: in {line.docs} of "
                            f"{counted(line.site_docs, 'document')} of {site} "
                            f"({line.share:.0%})",
                case_sensitive=True, remove=(line.text,), pack=f"learned/{site}",
                path="(learned)")


def learned_packs(learned: dict[str, list[LearnedLine]]) -> dict[str, Pack]:
    """One in-memory pack of learned rules per site."""
    return {site: Pack(id=f"learned/{site}", kind="site", path="(learned)",
                       name=f"learned boilerplate of {site}",
                       rules=tuple(learned_rule(site, n, line)
                                   for n, line in enumerate(lines, start=1)))
            for site, lines in learned.items()}


def document_packs(cleaner, text: str, url: str | None,
                   site: Any = None) -> tuple[tuple[Pack, ...], str]:
    """A document's packs as the cleaner will choose them (`site`: the site pack its hints
    choose, Cleaner.hinted_site, where its url names no host), and its normalized text."""
    normalized, _ = normalize(text)
    return cleaner.index.packs_for(normalized, url, cleaner.lang, site), normalized


def learn(cleaner, documents: Iterable[tuple[str, str | None, Any]],
          options: LearnOptions | None = None) -> dict[str, list[LearnedLine]]:
    """The first pass: (text, url, site pack its hints choose or None) in, learned lines per
    site out, each with the loaded rules that already remove it (taken_by), run with the packs
    most of its site's documents got."""
    learner = BoilerplateLearner(options or LearnOptions())
    # Per site, how many of its documents got each combination of packs (packs_for hands every
    # document of a combination the same tuple: counted by its identity, as Packs hold dicts).
    chosen: dict[str, Counter] = defaultdict(Counter)
    combinations: dict[int, tuple[Pack, ...]] = {}
    for text, url, hinted in documents:
        packs, normalized = document_packs(cleaner, text, url, hinted)
        site = site_key(packs, url)
        if site:
            combinations[id(packs)] = packs
            chosen[site][id(packs)] += 1
        learner.add(site, normalized.split("\n"))
    found = learner.learned()
    for site, lines in found.items():
        packs = combinations[chosen[site].most_common(1)[0][0]]
        found[site] = [replace(line, taken_by=taken_by(cleaner, packs, line.text))
                       for line in lines]
    return found


def taken_by(cleaner, packs: tuple, text: str) -> tuple[str, ...]:
    """The loaded rules that remove a learned line, run as the rule stage runs them (site pack
    first, no guard, the line in every place) with `packs`, those most of its site's documents
    got."""
    from cleaner.rules_check import PackCombination  # (rules_check imports much of the cleaner)
    if not any(pack.rules for pack in packs):
        return ()
    done = PackCombination(packs, cleaner.sink).run(text, "any")
    return tuple(dict.fromkeys(removal.rule for removal in done.removed))
