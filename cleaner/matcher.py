"""Compile rules into one RE2 set, and find which rules match each line of a document, and where."""

from __future__ import annotations

from itertools import compress
from typing import Any, Callable, NamedTuple

import re2

from cleaner.re2_spans import Spans, set_match
from cleaner.rulefile import ASCII, Rule, alphabet_of, re2_options
from cleaner.scan_form import scan_form

# Lines counted from the start (head) and the end (tail) of a document, among non-empty lines,
# where "head", "tail" and "edges" rules may fire: datelines, bylines, footers, codes. A "last"
# rule fires on the last line with text alone (last_line), a "first" rule on the first
# (first_line).
HEAD_LINES = 6
TAIL_LINES = 6
# How far the head may reach: its HEAD_LINES lines and as many more as header rules took whole
# above them (RuleStage).
HEAD_REACH = 2 * HEAD_LINES
# How far the tail may reach: its TAIL_LINES lines with text, the rules having taken the others
# whole (a comment form under the tags line), up to this many lines from the end (RuleStage).
TAIL_REACH = 2 * TAIL_LINES
# Memory budget of one RE2 set (program and DFA cache; the cache grows only as states are met):
# the shipped rules plus the benchmark's 1,000 extra ones compile as one set within it.
SCAN_MAX_MEM = 64 << 20
# What makes a pattern's match on a line depend on the line standing alone: the text's edges
# (\A, \z) and ^ and $ at the text's edges only (the m flag turned off). A set holding such a
# pattern scans each line alone (Matcher.scan).
_TEXT_EDGES = re2.compile(r"\\[Az]|\(\?[a-zA-Z]*-[a-zA-Z]*m")


def applies(rule: Rule, in_head: bool, in_tail: bool, in_last: bool = False,
            in_first: bool = False) -> bool:
    """Whether the rule may fire on a line in the head, the tail, both or neither, and that is
    the document's last line with text (`in_last`), its first (`in_first`), or not."""
    where = rule.where
    if where == "any":
        return True
    if where == "head":
        return in_head
    if where == "tail":
        return in_tail
    if where == "last":
        return in_last
    if where == "first":
        return in_first
    return in_head or in_tail        # edges


def last_line(lines: list[str]) -> int:
    """The index of the last line with text (not blank), where a "last" rule fires; -1 for
    none. It is the text's as the rule stage starts: a line the rules empty later does not make
    the one above it last, so that where a rule fires does not hang on the order rules run in.

    >>> last_line(["Lead.", "Follow us on X.", " ", ""]), last_line(["", "\t"])
    (1, -1)
    """
    index = len(lines) - 1
    while index >= 0 and not lines[index].strip():
        index -= 1
    return index


def first_line(lines: list[str]) -> int:
    """The index of the first line with text (not blank), where a "first" rule fires; -1 for
    none. As last_line, it is the text's as the rule stage starts: a line the rules empty (a
    kicker dropped above it) does not make the one below it first.

    >>> first_line(["", " ", "CAMPINAS – A prefeitura abriu.", "Lead."]), first_line(["", "\t"])
    (2, -1)
    """
    for index, line in enumerate(lines):
        if line.strip():
            return index
    return -1


def _flagged(rule: Rule, pattern: str) -> str:
    return pattern if rule.case_sensitive else f"(?i:{pattern})"


def _scan_options() -> re2.Options:
    """Options for scanners and sets: the DFA budget that many alternatives need (RE2 falls back
    to its slower NFA when the cache fills; memory is taken only as states are visited)."""
    opts = re2_options()
    opts.max_mem = SCAN_MAX_MEM
    opts.longest_match = False
    return opts


def matcher_for(rules: tuple[Rule, ...], site: str | None = None,
                universe: tuple[Rule, ...] | None = None) -> "Matcher":
    """The matcher of a rule sequence: the site pack's rules first, then all the others.

    `universe` is every rule the caller may match for such documents (a Cleaner's packs for
    their language: Cleaner._universe_for): one RE2 set of them is compiled once per process and
    shared by every pack combination drawn from it, so a new site costs no compile, and each
    line is scanned once whatever the combination.
    """
    ordered = tuple([r for r in rules if r.pack == site] + [r for r in rules if r.pack != site])
    members = {id(rule) for rule in universe or ()}
    if universe is None or not all(id(rule) in members for rule in ordered):
        universe = ordered
    # What the set compiles from each rule: two Cleaners whose rules differ only in a `scan`
    # got one set between them, and the second's scan named the first's lines.
    key = tuple((r.id, r.scan_source, r.case_sensitive) for r in universe)
    sets = _SETS.get(key)
    if sets is None:
        sets = _SETS[key] = RuleSets(list(universe))
    return Matcher(ordered, sets, universe)


# Compiled sets by the rules they hold, shared by every Cleaner of the process.
_SETS: dict[tuple, "RuleSets"] = {}


class RuleSets:
    """The rules as capture-free RE2 sets, with (?m) so that ^ and $ are line edges.

    A set answers "which rules match this text" in one forward DFA pass. Asked about one line,
    it names rule and line in one call (about 1 microsecond a line); asked about several lines
    joined, only the rules, so Matcher.scan joins only lines that most often match none, and
    asks about them one by one when they do. Finding each named rule's lines with a search of
    its own over the whole document took 27 microseconds a document against 14 for line by
    line, on the benchmark's news articles (10.8 lines each). A finditer over one
    big alternation would need a reverse DFA too, whose cache the many alternatives overflow,
    and RE2 then falls back to its NFA: about 4 MB/s against 300 MB/s for a set.

    Usually one set holds every rule; rules that together pass RE2's memory budget are split
    in halves until each part compiles, so a large pack costs a second pass, never its rules.
    """

    def __init__(self, rules: list[Rule]):
        self.parts: list[tuple[int, Any]] = []      # (index of the part's first rule, set)
        if rules:
            self._build(rules, 0)
        # match(line in UTF-8) -> indexes of the rules found in it (in no order), or None/[].
        self.match: Callable[[bytes], list[int] | None] = (
            set_match(self.parts[0][1]) if len(self.parts) == 1 else self._match_parts)
        # Whether lines may be scanned joined: a rule matching a line then matches the lines
        # joined by newlines, as every pattern is scanned with (?m).
        self.joinable = not any(_TEXT_EDGES.search(rule.scan_source) for rule in rules)

    def _build(self, rules: list[Rule], first: int) -> None:
        scanner = re2.Set.SearchSet(_scan_options())
        for rule in rules:
            scanner.Add("(?m)" + _flagged(rule, scan_form(rule.scan_source)))
        try:
            scanner.Compile()
        except re2.error:
            if len(rules) == 1:
                raise re2.error(f"rule {rules[0].id!r} is too large for RE2's memory budget")
            half = len(rules) // 2
            self._build(rules[:half], first)
            self._build(rules[half:], first + half)
            return
        self.parts.append((first, scanner))

    def _match_parts(self, data: bytes) -> list[int]:
        found: list[int] = []
        for first, scanner in self.parts:
            found.extend(first + i for i in scanner.Match(data) or ())
        return found


class Hit(NamedTuple):
    """One rule match in a line: the rule, the span to remove and the values captured.

    A tuple, not a frozen dataclass: one is made for every rule hit, and a frozen dataclass
    takes more than twice as long to build.
    """

    rule: Rule
    start: int
    end: int
    values: dict
    at: int = 0          # where the whole match starts (before any "cut" group): its priority


class Matcher:
    """The rules of a pack combination, matched in time that does not grow with their number.

    Each line goes through the set of every rule (the universe); the rules it names that belong
    to this combination, and may fire where the line sits, are searched exactly, first rule in
    priority order first. After a cut, the rest of a line is given to the set again. At one
    position the first rule in priority order wins; otherwise the leftmost match does.
    """

    def __init__(self, rules: tuple[Rule, ...], sets: RuleSets | None = None,
                 universe: tuple[Rule, ...] | None = None):
        self.rules = rules
        if sets is None or universe is None:
            sets, universe = RuleSets(list(rules)), rules
        self._match = sets.match
        self._joinable = sets.joinable
        # The set's rule index -> this combination's (its priority), or None: another site's
        # rule, or one the document's date leaves out.
        priority = {id(rule): index for index, rule in enumerate(rules)}
        self._local = [priority.get(id(rule)) for rule in universe]

    def _mine(self, indices: list[int], in_head: bool, in_tail: bool,
              in_last: bool, in_first: bool = False) -> list[Rule]:
        """Of the rules the set found in a line (its indexes), the combination's that may fire
        where the line sits, in priority order."""
        local, rules = self._local, self.rules
        mine = sorted(i for i in map(local.__getitem__, indices) if i is not None)
        return [rules[i] for i in mine if applies(rules[i], in_head, in_tail, in_last, in_first)]

    def named(self, indices: list[int], in_head: bool, in_tail: bool,
              in_last: bool, in_first: bool = False) -> list[Rule]:
        """Of the rules the scan found in a line (its indexes), those of this combination that
        may fire where the line sits, in priority order."""
        return self._mine(indices, in_head, in_tail, in_last, in_first)

    def scan(self, lines: list[str]) -> list:
        """Per line, the set's rules found in it (their indexes; None or [] for none): the part
        of `candidates` that reads the text, which Cleaner.clean_documents runs over the lines of
        many documents in a row.

        The lines between the first and the last are asked about first joined, in one call: in
        83% of the benchmark's documents they match no rule (datelines open an article, codes
        and credits close it; only 13% match none on any line), and a set call costs about 0.4
        microseconds before it reads a byte. Only when they match are they asked one by one.
        Over the benchmark's first 20,000 documents the scan took 0.51-0.58 s of CPU, against
        0.65-0.69 s line by line.
        """
        match = self._match
        count = len(lines)
        if count >= 4 and self._joinable and \
                not match("\n".join(lines[1:-1]).encode("utf-8", "surrogatepass")):
            found: list = [None] * count
            found[0] = match(lines[0].encode("utf-8", "surrogatepass"))
            found[-1] = match(lines[-1].encode("utf-8", "surrogatepass"))
            return found
        return [match(line.encode("utf-8", "surrogatepass")) for line in lines]

    def candidates(self, lines: list[str], scanned: list | None = None, *,
                   last: int | None = None, first: int | None = None) -> dict[int, list[Rule]]:
        """Line index -> the rules that match that line and may fire there, in priority order.
        `scanned`: the lines' scan, if it was made already; `last`, `first`: the lines'
        last_line and first_line, if at hand (working them out again cost the rule stage 2,800
        of 693,000 instructions a document)."""
        found: dict[int, list[Rule]] = {}
        tail = len(lines) - TAIL_LINES
        if last is None:
            last = last_line(lines)
        if first is None:
            first = first_line(lines)
        if scanned is None:
            scanned = self.scan(lines)
        # Most lines match no rule (88% of the benchmark's): for them, the scan was all, and
        # compress passes them over without a step of Python's.
        for index in compress(range(len(scanned)), scanned):
            if named := self._mine(scanned[index], index < HEAD_LINES, index >= tail,
                                   index == last, index == first):
                found[index] = named
        return found

    def search(self, text: str, in_head: bool, in_tail: bool, in_last: bool,
               in_first: bool = False, data: bytes | None = None) -> Hit | None:
        """The first rule match in one line (`data`: the line in UTF-8, if at hand), or None."""
        data = text.encode() if data is None else data
        indices = self._match(data)
        rules = self._mine(indices, in_head, in_tail, in_last, in_first) if indices else None
        return search_rules(text, rules, data) if rules else None


def search_rules(text: str, rules: list[Rule], data: bytes | None = None) -> Hit | None:
    """The first match of the given rules (in priority order) in one line: leftmost, then first.

    Searched as UTF-8 (`data`, if at hand), with the form of each rule the line's characters
    allow (ASCII, or narrowed Unicode classes), and with large repeats unbounded when the line
    is too short to reach them (Rule.spans_for); the hit's offsets are characters of `text`.
    """
    data = text.encode() if data is None else data
    alphabet = alphabet_of(text, data)
    ascii_only = alphabet == ASCII
    found: tuple[list, Rule, Spans] | None = None       # (spans, rule, form) of the best match
    for rule in rules:
        form = rule.spans_for(data, alphabet)
        spans = form.search(data)
        if spans is not None and (found is None or spans[0][0] < found[0][0][0]):
            found = (spans, rule, form)
            if spans[0][0] == 0:        # nothing starts further left; ties go to the first
                break
    if found is None:
        return None
    best, best_rule, best_form = found
    at, (start, end) = best[0][0], best[0]
    values: dict[str, str] = {}
    for name, index in best_form.names:
        left, right = best[index]
        if left < 0:
            continue
        field = name.rstrip("0123456789")
        if field == "cut":
            start, end = left, right
            continue
        value = data[left:right].decode()
        if field in values and field in ("author", "editor"):
            values[field] += f", {value}"      # author and author2 both matched: two names
        else:
            values.setdefault(field, value)
    if not ascii_only:                  # byte offsets become character offsets
        start, end, at = (len(data[:i].decode()) for i in (start, end, at))
    return Hit(best_rule, start, end, values, at)
