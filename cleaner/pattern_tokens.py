"""Split an RE2 pattern into the tokens that pattern rewrites act on: escapes, class edges, groups, repeats."""

from __future__ import annotations

import re
from functools import lru_cache

# One escape: \p{Lu}, \x{2019} and \xe9 whole, else the backslash and one character.
_ESCAPE = re.compile(r"\\(?:[pP](?:\{[^}]*\}|.)|x\{[0-9A-Fa-f]+\}|x[0-9A-Fa-f]{2}|.)", re.DOTALL)
_NAMED_GROUP = re.compile(r"\(\?P<[^>]*>")
BOUNDED = re.compile(r"\{(\d+),(\d+)\}")
# A repeat with a lower bound and none above ("{3,}"): also one token.
OPEN_BOUNDED = re.compile(r"\{(\d+),\}")


@lru_cache(maxsize=32)
def tokens(pattern: str) -> tuple[tuple[str, bool], ...]:
    r"""(token, inside a character class) for each token, in order; joined, they are the pattern.

    The last 32 patterns' tokens are kept: loading a rule reads them for its ASCII form and the
    load-time check, and the Cleaner right after for the scan form. 512 kept held about 120,000
    tuples (8 MB of a worker's memory on the benchmark, 94.0 MB against 85.5-86.0 at 25 MB)
    for 0.05 s of CPU saved a process.

    Tokens are an escape, a class opening ("[", "[^", "[]" or "[^]": a ']' right after it is a
    member), a group opening ("(", "(?" or a whole "(?P<name>"), a bounded repeat ("{0,3}"), or
    one character; a repeat with only a lower bound ("{3,}") is one token too.

    >>> list(tokens(r"(?P<a>[^]\pL])\x{2019}{0,3}(?:b)"))  # doctest: +NORMALIZE_WHITESPACE
    [('(?P<a>', False), ('[^]', True), ('\\pL', True), (']', True), (')', False),
     ('\\x{2019}', False), ('{0,3}', False), ('(?', False), (':', False), ('b', False),
     (')', False)]
    """
    out = []
    i, n, in_class = 0, len(pattern), False
    while i < n:
        ch = pattern[i]
        token, inside = ch, in_class
        if ch == "\\":
            escape = _ESCAPE.match(pattern, i)
            token = escape.group() if escape else ch
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            j = i + 1 + (pattern.startswith("^", i + 1))
            j += pattern.startswith("]", j)
            token, inside, in_class = pattern[i:j], True, True
        elif ch == "(":
            named = _NAMED_GROUP.match(pattern, i)
            token = named.group() if named else "(?" if pattern.startswith("(?", i) else "("
        elif ch == "{":
            bounded = BOUNDED.match(pattern, i) or OPEN_BOUNDED.match(pattern, i)
            token = bounded.group() if bounded else ch
        out.append((token, inside))
        i += len(token)
    return tuple(out)
