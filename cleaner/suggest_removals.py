"""What the loaded rules removed from a mined document's lines: the spans, what they leave, the dateline they read."""

from __future__ import annotations

from collections import defaultdict

from cleaner import shapes
# The meta fields whose capture makes a cut a dateline, as the rule stage tells one.
from cleaner.apply_rules import DATELINE_FIELDS
from cleaner.document import Document


def removed_spans(doc: Document) -> dict[int, list[tuple[int, int, str]]]:
    spans: dict[int, list[tuple[int, int, str]]] = defaultdict(list)
    for r in doc.removed:
        spans[r.line].append((r.col, r.col + len(r.text), r.rule))
    return spans


def rest_of(text: str, spans: list[tuple[int, int, str]] | None) -> str:
    """What the loaded rules leave of a line they cut from (collapsed); "" where they cut
    nothing from it (`spans`: the removals on it, as removed_spans gives them) or took all of
    it.

    >>> rest_of("KUALA LUMPUR: Ringgit dibuka tinggi.", [(0, 14, "ms/dateline-colon")])
    'Ringgit dibuka tinggi.'
    >>> rest_of("Tag: Banjir", [(0, 11, "chrome/tag-list")]), rest_of("Tag: Banjir", None)
    ('', '')
    """
    if not spans:
        return ""
    pieces, at = [], 0
    for start, end, _ in sorted(spans):
        pieces.append(text[at:start])
        at = max(at, end)
    pieces.append(text[at:])
    return shapes.collapse("".join(pieces))


def taken_whole(rest: str, spans) -> bool:
    """Whether the loaded rules took all of a line: they cut from it and left nothing."""
    return bool(spans) and not rest


def dateline_line(doc: Document, lines: dict[int, str]) -> int | None:
    """The line of the document's dateline as the rule stage tells it (apply_rules): a meta rule
    that captured a place or a source cut it from a line and left the rest of the line."""
    return next((r.line for r in doc.removed
                 if DATELINE_FIELDS.intersection(r.fields)
                 and lines.get(r.line, "")[r.col + len(r.text):].strip()), None)


def covered_by(spans, start: int, end: int) -> str | None:
    """The rule that removed most of a span, if removals cover at least 80% of it."""
    if not spans or end <= start:
        return None
    covered, best, best_len = 0, None, 0
    for s, e, rule in spans:
        overlap = max(0, min(e, end) - max(s, start))
        covered += overlap
        if overlap > best_len:
            best, best_len = rule, overlap
    return best if covered >= 0.8 * (end - start) else None
