"""A pattern's large bounded repeats made unbounded: the same matches on any text too short to reach their bounds, far cheaper for RE2."""

from __future__ import annotations

import re
from functools import lru_cache

from cleaner.pattern_forms import known_form
from cleaner.pattern_tokens import BOUNDED, tokens

# Repeats with at least this upper bound are relaxed. RE2's DFA tracks every count a bounded
# repeat may be at, so each new text builds new states: "[^()]{8,200}" took 0.5 to 1 ms on each
# new 80-byte line (7 us once its states existed), "[^()]{8,}" 8 to 70 us. Small bounds cost
# little and would make the form rarely usable (it serves texts no longer than the smallest).
LARGE_BOUND = 20
# Escapes that stand for one character; others (\b, \A, \z, \Q, back-references) do not.
_ONE_CHAR_ESCAPE = re.compile(r"\\(?:[dDwWsSpP].*|x.*|[^A-Za-z0-9])", re.DOTALL)
_NOT_AN_ATOM = frozenset("()|^$*+?{}")


def _one_character(token: str, in_class: bool) -> bool:
    """Whether a token ends an atom that always matches exactly one character."""
    if in_class:
        return token == "]"            # the end of a character class
    if token.startswith("\\"):
        return bool(_ONE_CHAR_ESCAPE.fullmatch(token))
    return len(token) == 1 and token not in _NOT_AN_ATOM


@known_form
@lru_cache(maxsize=1024)
def relaxed_form(pattern: str) -> tuple[str, int]:
    r"""(the pattern with its large one-character repeats unbounded, the longest text in bytes
    it may stand in for), or (pattern, 0) when nothing is relaxed.

    Each relaxed repeat matches one character an iteration, so on a text of at most `limit`
    characters (a byte count bounds it) it can never reach its upper bound: the relaxed pattern
    tries the same matches in the same order, and gives the same match and groups.

    >>> relaxed_form(r"\((?P<t>[^()]{8,200})\)|\S\s+x.{4,120}$")
    ('\\((?P<t>[^()]{8,})\\)|\\S\\s+x.{4,}$', 120)
    >>> relaxed_form(r"[a-z]{1,6}(?:ab){2,50}")
    ('[a-z]{1,6}(?:ab){2,50}', 0)
    """
    if "\\Q" in pattern:                # \Q...\E: literal text, braces included
        return pattern, 0
    out: list[str] = []
    limit = 0
    previous: tuple[str, bool] = ("", False)
    for token, in_class in tokens(pattern):
        # (a repeat opens with "{": most tokens are one character, asked no regex)
        bounded = BOUNDED.fullmatch(token) if token[0] == "{" and not in_class else None
        if bounded and int(bounded.group(2)) >= LARGE_BOUND and _one_character(*previous):
            upper = int(bounded.group(2))
            limit = upper if limit == 0 else min(limit, upper)
            out.append(f"{{{bounded.group(1)},}}")
        else:
            out.append(token)
        previous = (token, in_class)
    return ("".join(out), limit) if limit else (pattern, 0)
