"""Codes of desks and editors closing a paragraph or alone on a line ("ant/mk"), as a code rule's pattern alternatives."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from cleaner import shapes
from cleaner.suggest_groups import FIXED_SHARE, Group, made_for


def code_alternatives(found: dict[str, int], floors: bool = False) -> list[str]:
    """A pattern's alternatives for codes and how often each was seen: one per code shape, the
    commonest first, a shape seen once left out once nine codes in ten are matched. With
    `floors`, runs are no shorter than the shortest seen, as no longer than the longest."""
    codes = Counter(found)
    total = sum(codes.values())
    by_shape: Counter = Counter()
    for code, n in codes.items():
        by_shape[shapes.code_shape(code)] += n
    limits = shapes.run_limits(codes)
    lows = shapes.run_floors(codes) if floors else None
    alternatives, seen = [], 0
    for shape, n in by_shape.most_common(12):
        if n < 2 and seen >= 0.9 * total:
            break
        alternative = shapes.code_alternative(shape, limits, lows)
        # "ard / ard" and "ard/ard" are two shapes and one alternative.
        if alternative not in alternatives:
            alternatives.append(alternative)
        seen += n
    return alternatives


def code_line_codes(group: Group) -> Counter:
    """The code lines (collapsed) a code-line rule is made for, and how often each was seen:
    those the loaded rules leave (made_for); of codes of initials alone, only the desks whose
    initials vary (_varying_desks)."""
    left = made_for(group.occurrences)
    codes = Counter(shapes.collapse(o.text) for o in left)
    if not shapes.initials_only(group.key[1]):
        return codes
    # Lines the loaded rules remove all of are only shown as removed: every desk is theirs.
    desks = _varying_desks(codes, keep_fixed=all(o.covered_by for o in left))
    return Counter({code: n for code, n in codes.items() if shapes.split_desk(code)[0] in desks})


def _varying_desks(codes: Counter, keep_fixed: bool = False) -> dict[str, Counter]:
    """The desks of codes of initials alone and each one's initials with how often they were
    seen: a desk whose code is one text in most of its lines (FIXED_SHARE) is left out unless
    `keep_fixed`. Letters alone do not tell "ant/mk" from "and/or", "tcp/ip" or "km/jam": a
    desk's editors vary, a pair of words or a unit is one line repeated, its exact line's.

    >>> sorted(_varying_desks(Counter({"ant/mk": 3, "ant/rz": 2, "km/jam": 9})))
    ['ant']
    """
    desks: dict[str, Counter] = defaultdict(Counter)
    for code, n in codes.items():
        desk, initials = shapes.split_desk(code)
        desks[desk][initials] += n
    return {desk: seen for desk, seen in desks.items()
            if keep_fixed or seen.most_common(1)[0][1] < FIXED_SHARE * sum(seen.values())}


def code_line_rule(stem: str, where: str, group: Group) -> dict[str, Any] | None:
    """The drop-line rule for a code-line group; None where no code is left to make it for."""
    codes = code_line_codes(group)
    if not codes:
        return None
    rule = {"id": f"{stem}/code-line", "action": "drop-line", "where": where,
            "case_sensitive": True}
    if group.key == shapes.STAFF_KEY:
        inner: Counter[str] = Counter()
        for code, n in codes.items():
            inner[shapes.unbracketed(code) or code] += n
        bracketed = any(code.startswith("(") for code in codes)
        return dict(rule, id=f"{stem}/staff-code-line", pattern=shapes.staff_code_line_pattern(
            code_alternatives(inner, floors=True), bracketed))
    if shapes.initials_only(group.key[1]):
        return dict(rule, pattern=shapes.code_line_pattern(_desk_alternatives(codes)))
    return dict(rule, pattern=shapes.code_line_pattern(code_alternatives(codes)))


def _desk_alternatives(codes: Counter) -> list[str]:
    """A pattern's alternatives for codes of initials alone: one per desk, the commonest first
    (at most twelve, a desk seen once left out once nine codes in ten are matched), its letters
    as written and the initials after it as classes."""
    desks = _varying_desks(codes, keep_fixed=True)
    total = sum(codes.values())
    alternatives, seen = [], 0
    for desk, initials in sorted(desks.items(), key=lambda d: (-d[1].total(), d[0]))[:12]:
        n = initials.total()
        if n < 2 and seen >= 0.9 * total:
            break
        initials_alternatives = code_alternatives(initials, floors=True)
        alternatives.append(shapes.desk_alternative(desk, initials_alternatives))
        seen += n
    return alternatives
