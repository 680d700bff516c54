"""Compile the rules that apply to a document into an RE2 set and scanners, and find their matches."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate
from typing import Any

import re2

from cleaner.ascii_form import PROPERTY, ascii_members
from cleaner.pattern_tokens import BOUNDED, tokens
from cleaner.re2_spans import Spans
from cleaner.rulefile import Rule, re2_options

# Lines counted from the start (head) and the end (tail) of a document, among non-empty lines,
# where "head", "tail" and "edges" rules may fire: datelines, bylines, footers, codes.
HEAD_LINES = 6
TAIL_LINES = 6
# Memory budget of one RE2 set (program and DFA cache; the cache grows only as states are met):
# the ~55 language and common rules fit in 2 MB; 64 MB leaves room for large packs.
SCAN_MAX_MEM = 64 << 20
_PLUS_ONE = (1).__add__
# Every character above ASCII, as class members: what scan forms add to a widened Unicode class.
_NON_ASCII = "\\x{80}-\\x{10ffff}"


def _applies(rule: Rule, in_head: bool, in_tail: bool) -> bool:
    if rule.where == "any":
        return True
    if rule.where == "head":
        return in_head
    if rule.where == "tail":
        return in_tail
    return in_head or in_tail        # edges


def scan_form(pattern: str) -> str:
    r"""The pattern as a prefilter: groups non-capturing, bounded repeats unbounded, and Unicode
    classes widened to their ASCII members plus every non-ASCII character.

    The scan only has to name the rules and lines that may match; the exact pattern decides on
    each named line. Filling capture groups needs RE2's NFA, which costs time in proportion to
    the pattern, and bounded repeats (`.{0,200}`) multiply the DFA's states until its cache keeps
    refilling: loosened, a set of the ~55 language and common rules scans 5x faster (379 MB/s
    against 71) and names the same rules. A class like \pL is hundreds of UTF-8 byte ranges,
    each costing RE2 compile time and DFA states; "an ASCII letter or any non-ASCII character"
    is a handful. Inside a negated class a Unicode class narrows instead, to its ASCII members,
    so that the negation still widens. A looser pattern matches a superset, so nothing is
    missed.

    >>> scan_form(r"^(?P<a>x)(y|[(]z)\(w\).{0,200}[{]\d{4}\s{1,3}$")
    '^(?:x)(?:y|[(]z)\\(w\\).*[{]\\d{4}\\s+$'
    >>> scan_form(r"\p{Lu}[^\pL]")
    '[\\x41-\\x5a\\x{80}-\\x{10ffff}][^\\x41-\\x5a\\x61-\\x7a]'
    """
    out, negated = [], False
    for token, in_class in tokens(pattern):
        if in_class and token[0] == "[":
            negated = token.startswith("[^")
        if PROPERTY.fullmatch(token):
            members = ascii_members(token)
            if in_class and negated:
                out.append(members or token)
            else:
                wide = members + _NON_ASCII
                out.append(wide if in_class else f"[{wide}]")
        elif in_class or token[0] == "\\":
            out.append(token)
        elif token == "(" or token.startswith("(?P<"):
            out.append("(?:")
        elif bounded := BOUNDED.fullmatch(token):
            low = int(bounded.group(1))
            out.append("*" if low == 0 else "+" if low == 1 else f"{{{low},}}")
        else:
            out.append(token)
    return "".join(out)


def _flagged(rule: Rule, pattern: str) -> str:
    return pattern if rule.case_sensitive else f"(?i:{pattern})"


def _scan_options() -> re2.Options:
    """Options for scanners and sets: the DFA budget that many alternatives need (RE2 falls back
    to its slower NFA when the cache fills; memory is taken only as states are visited)."""
    opts = re2_options()
    opts.max_mem = SCAN_MAX_MEM
    opts.longest_match = False
    return opts


def matcher_for(rules: tuple[Rule, ...], site: str | None = None) -> "Matcher | MatcherChain":
    """The matcher of a rule sequence: the site pack's rules, then all the others.

    Compiling is slow (Unicode classes), so each part is compiled once per process and shared by
    every Cleaner; the language and common rules form one part that every site of the language
    shares, so a new site costs only its own rules, and a document needs two set passes, not one
    per pack.
    """
    groups = [[r for r in rules if r.pack == site], [r for r in rules if r.pack != site]]
    parts = []
    for group in groups:
        if not group:
            continue
        key = tuple((r.id, r.pattern, r.where, r.case_sensitive) for r in group)
        matcher = _MATCHERS.get(key)
        if matcher is None:
            matcher = _MATCHERS[key] = Matcher(tuple(group))
        parts.append(matcher)
    if len(parts) == 1:
        return parts[0]
    return MatcherChain(tuple(parts))


class MatcherChain:
    """Several Matchers in priority order, matched as one: the leftmost hit wins, ties go first."""

    def __init__(self, parts: tuple["Matcher", ...]):
        self.parts = parts
        self.rules = tuple(rule for part in parts for rule in part.rules)

    def candidates(self, lines: list[str]) -> dict[int, list[Rule]]:
        found: dict[int, list[Rule]] = {}
        scan = Scan(lines)
        for part in self.parts:
            for index, rules in part.scan(scan).items():
                found.setdefault(index, []).extend(rules)
        return found

    def search(self, text: str, in_head: bool, in_tail: bool) -> "Hit | None":
        best = None
        data = text.encode()
        for part in self.parts:
            hit = part.search(text, in_head, in_tail, data)
            if hit is not None and (best is None or hit.at < best.at):
                best = hit
        return best


class Scan:
    """A document's lines as one UTF-8 text, which is what RE2 reads, and where each line starts.

    RE2 works on bytes: handing it bytes spares the Python binding an encode and a pass that
    turns every byte offset back into a character offset, which costs more than the match.
    """

    __slots__ = ("data", "starts", "count")

    def __init__(self, lines: list[str]):
        text = "\n".join(lines)
        self.data = data = text.encode("utf-8", "surrogatepass")
        self.count = len(lines)
        # Each start is the one before plus that line's length in bytes and its newline.
        pieces = lines if len(data) == len(text) else data.split(b"\n")
        self.starts = list(accumulate(map(_PLUS_ONE, map(len, pieces)), initial=0))
        self.starts.pop()

    def ranges(self, where: str) -> list[tuple[int, int]]:
        """The byte ranges a rule of this `where` may match in: a dateline is looked for in the
        first lines only, not in the whole document."""
        size, count = len(self.data), self.count
        head = (0, self.starts[HEAD_LINES] - 1) if count > HEAD_LINES else (0, size)
        tail = (self.starts[count - TAIL_LINES], size) if count > TAIL_LINES else (0, size)
        if where == "head":
            return [head]
        if where == "tail":
            return [tail]
        if where == "edges" and head[1] < tail[0]:
            return [head, tail]
        return [(0, size)]


_MATCHERS: dict[tuple, "Matcher"] = {}


class RuleSets:
    """The rules as capture-free RE2 sets, with (?m) so that ^ and $ are line edges.

    Matched against a whole text a set says which rules match on some line; against one line,
    which match that line (no match crosses a line: never_nl). A set only answers "which rules
    match", which RE2 does in one forward DFA pass; finding where a match starts in a whole text
    (finditer over one big alternation) needs a reverse DFA too, whose cache the many alternatives
    overflow, and RE2 then falls back to its NFA: about 4 MB/s against 300 MB/s for a set.

    Usually one set holds every rule; rules that together pass RE2's memory budget are split
    in halves until each part compiles, so a large pack costs a second pass, never its rules.
    """

    def __init__(self, rules: list[Rule]):
        self.parts: list[tuple[int, Any]] = []      # (index of the part's first rule, set)
        if rules:
            self._build(rules, 0)

    def _build(self, rules: list[Rule], first: int) -> None:
        scanner = re2.Set.SearchSet(_scan_options())
        for rule in rules:
            scanner.Add("(?m)" + _flagged(rule, scan_form(rule.pattern)))
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

    def match(self, data: bytes) -> list[int]:
        """Indexes of the rules that match somewhere in `data`, in rule order."""
        if len(self.parts) == 1:
            return sorted(self.parts[0][1].Match(data) or ())
        found: list[int] = []
        for first, scanner in self.parts:
            found.extend(first + i for i in scanner.Match(data) or ())
        return sorted(found)


@dataclass(frozen=True, slots=True)
class Hit:
    """One rule match in a line: the rule, the span to remove and the values captured."""

    rule: Rule
    start: int
    end: int
    values: dict
    at: int = 0          # where the whole match starts (before any "cut" group): its priority


class Matcher:
    """All rules of a pack combination, matched in time that does not grow with their number.

    One RE2 set pass over a whole document names the rules that match somewhere; only those look
    for their lines, and only those lines are searched with captures. After a cut, the rest of a
    line is given to the set again. At one position
    the first rule in priority order wins; otherwise the leftmost match does.
    """

    def __init__(self, rules: tuple[Rule, ...]):
        self.rules = rules
        self._sets = RuleSets(list(rules))
        self._finders: dict[str, Spans] = {}

    def candidates(self, lines: list[str]) -> dict[int, list[Rule]]:
        """Line index -> the rules that match that line and may fire there, in priority order.

        One set pass over the whole document names the rules that match somewhere (usually
        none); only those run, each a small capture-free pattern whose DFA finds its match starts.
        """
        return self.scan(Scan(lines))

    def scan(self, scan: Scan) -> dict[int, list[Rule]]:
        """`candidates` of lines already joined into a Scan."""
        found: dict[int, list[Rule]] = {}
        count, starts = scan.count, scan.starts
        data = scan.data
        for index in self._sets.match(data):
            rule = self.rules[index]
            search = self._finder(rule).search
            for pos, endpos in scan.ranges(rule.where):
                while pos <= endpos:
                    spans = search(data, pos, endpos)
                    if spans is None:
                        break
                    line = bisect_right(starts, spans[0][0]) - 1
                    if _applies(rule, line < HEAD_LINES, line >= count - TAIL_LINES):
                        found.setdefault(line, []).append(rule)
                    # One hit names the line: go on from the next line.
                    pos = starts[line + 1] if line + 1 < count else endpos + 1
        return found

    def _finder(self, rule: Rule) -> Spans:
        """A rule's capture-free, multi-line pattern, compiled when first needed."""
        finder = self._finders.get(rule.id)
        if finder is None:
            finder = self._finders[rule.id] = Spans(re2.compile(
                "(?m)" + _flagged(rule, scan_form(rule.pattern)), re2_options()))
        return finder

    def search(self, text: str, in_head: bool, in_tail: bool,
               data: bytes | None = None) -> Hit | None:
        """The first rule match in one line (`data`: the line in UTF-8, if at hand), or None.

        The document's set names the rules matching the line; those that may not fire where the
        line sits (head, tail) are dropped. One set serves every window, so only one is compiled.
        """
        data = text.encode() if data is None else data
        indices = self._sets.match(data)
        if not indices:
            return None
        rules = [self.rules[i] for i in indices]
        rules = [rule for rule in rules if _applies(rule, in_head, in_tail)]
        return search_rules(text, rules, data) if rules else None


def search_rules(text: str, rules: list[Rule], data: bytes | None = None) -> Hit | None:
    """The first match of the given rules (in priority order) in one line: leftmost, then first.

    Searched as UTF-8 (`data`, if at hand), or with the rules' ASCII forms when the line is
    ASCII; the hit's offsets are characters of `text`.
    """
    data = text.encode() if data is None else data
    ascii_only = len(data) == len(text)
    best = best_rule = best_form = None
    for rule in rules:
        form = rule.ascii_spans if ascii_only else rule.spans
        spans = form.search(data)
        if spans is not None and (best is None or spans[0][0] < best[0][0]):
            best, best_rule, best_form = spans, rule, form
            if spans[0][0] == 0:        # nothing starts further left; ties go to the first
                break
    if best is None:
        return None
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
