"""Compile the rules that apply to a document into one RE2 pattern per line window."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

import re2

from cleaner.rulefile import Rule, re2_options

# Lines counted from the start (head) and the end (tail) of a document, among non-empty lines,
# where "head", "tail" and "edges" rules may fire: datelines, bylines, footers, codes.
HEAD_LINES = 6
TAIL_LINES = 6

_NAMED_GROUP = re.compile(r"\(\?P<(\w+)>")


def _applies(rule: Rule, in_head: bool, in_tail: bool) -> bool:
    if rule.where == "any":
        return True
    if rule.where == "head":
        return in_head
    if rule.where == "tail":
        return in_tail
    return in_head or in_tail        # edges


@dataclass(frozen=True)
class Hit:
    """One rule match in a line: the rule, the span to remove and the values captured."""

    rule: Rule
    start: int
    end: int
    values: dict


class Matcher:
    """All rules of a pack combination as one alternation per (head, tail) window.

    RE2 matches the alternation in one linear pass whatever the number of rules, so a run's
    cost does not grow with the rule count; alternatives are tried leftmost-first, so at a
    given position the first rule in priority order wins.
    """

    def __init__(self, rules: tuple[Rule, ...]):
        self.rules = rules
        self._compiled: dict[tuple[bool, bool], tuple] = {}

    def _build(self, in_head: bool, in_tail: bool):
        key = (in_head, in_tail)
        if key not in self._compiled:
            chosen = [r for r in self.rules if _applies(r, in_head, in_tail)]
            parts = []
            for index, rule in enumerate(chosen):
                body = _NAMED_GROUP.sub(lambda m, i=index: f"(?P<g{i}_{m.group(1)}>", rule.pattern)
                body = body if rule.case_sensitive else f"(?i:{body})"
                parts.append(f"(?P<r{index}>{body})")
            # (?m): ^ and $ are line edges when the whole text is scanned for candidates.
            regex = re2.compile("(?m)" + "|".join(parts), re2_options()) if parts else None
            self._compiled[key] = (regex, chosen)
        return self._compiled[key]

    @cached_property
    def anywhere(self):
        """The pattern for lines in neither window, and the rules behind it."""
        return self._build(False, False)

    def search(self, text: str, in_head: bool, in_tail: bool) -> Hit | None:
        """The first rule match in one line, or None."""
        regex, chosen = self._build(in_head, in_tail)
        if regex is None:
            return None
        m = regex.search(text)
        if m is None:
            return None
        return self._hit(m, chosen)

    def candidate_starts(self, text: str):
        """Offsets in a whole text where some "any" rule matches: the lines worth a closer look."""
        regex, _ = self.anywhere
        if regex is None:
            return
        for m in regex.finditer(text):
            yield m.start()

    @staticmethod
    def _hit(m, chosen) -> Hit:
        groups = m.groupdict()
        # The outer group r<i> names the rule; its inner groups are g<i>_<field>.
        index = next(int(name[1:]) for name, value in groups.items()
                     if value is not None and name[0] == "r")
        rule = chosen[index]
        prefix = f"g{index}_"
        values = {}
        start, end = m.span()
        for name, value in groups.items():
            if value is None or not name.startswith(prefix):
                continue
            field = name[len(prefix):].rstrip("0123456789")
            if field == "cut":
                start, end = m.span(m.re.groupindex[name])
            else:
                values[field] = value
        return Hit(rule, start, end, values)
