"""RE2 searches that return plain byte spans, called on the binding itself in the rule stage's hot path."""

from __future__ import annotations

from typing import Callable

import re2

# google-re2's Python layer wraps every search in a generator and a match object and rebuilds
# the group-name table on each groupdict(): about 10 microseconds per rule hit, more than the
# match itself. Its binding returns the spans in one call. The public API stays the fallback,
# so a google-re2 without that binding is slower, never wrong (tests/test_re2_spans.py holds
# both paths to the same answers).
try:
    _UNANCHORED = re2._re2.RE2.Anchor.UNANCHORED
except AttributeError:          # pragma: no cover - depends on the installed google-re2
    _UNANCHORED = None

NO_MATCH = (-1, -1)


class Spans:
    """A compiled pattern whose search gives the span of the match and of every group, in bytes.

    >>> Spans(re2.compile(b"(?P<n>\\\\d+) kg")).search(b"berat 12 kg")
    [(6, 11), (6, 8)]
    >>> Spans(re2.compile(b"x")).search(b"abc") is None
    True
    """

    __slots__ = ("regex", "names", "_match")

    def __init__(self, regex, raw: bool = True):
        self.regex = regex
        # (name, group index) in the order groupdict() gives them: the order values are taken in.
        self.names = tuple(_text(name) for name in regex.groupindex.items())
        binding = getattr(regex, "_regexp", None)
        self._match = binding.Match if raw and binding is not None and _UNANCHORED is not None \
            else None

    def search(self, data: bytes, pos: int = 0, endpos: int | None = None) -> list | None:
        """Spans [(start, end) of the match, then of group 1, 2, ...] of the leftmost match in
        data[pos:endpos], or None; a group that took no part is (-1, -1)."""
        if endpos is None:
            endpos = len(data)
        if self._match is not None:
            spans = self._match(_UNANCHORED, data, pos, endpos)
            return None if spans[0] == NO_MATCH else spans
        m = self.regex.search(data, pos, endpos)
        if m is None:
            return None
        return [m.span(i) for i in range(self.regex.groups + 1)]


def _text(item: tuple) -> tuple[str, int]:
    name, index = item
    return (name.decode() if isinstance(name, bytes) else name), index


def set_match(scanner) -> Callable[[bytes], "list[int] | None"]:
    """A compiled re2.Set's Match, on the binding itself where there is one: the Python wrapper
    costs a third of a short line's match, and the rule stage asks a set about every line.
    Either gives the indexes of the patterns found (no order), or an empty list or None."""
    binding = getattr(scanner, "_set", None)
    return binding.Match if binding is not None else scanner.Match
