"""The text around a removal, as a run report shows it: before and after, on its line or the next."""

from __future__ import annotations

from typing import Any

CONTEXT_CHARS = 90


def removal_context(lines: list[str], line: int, col: int, text: str) -> tuple[str, str]:
    """The text before and after a removal: on its line, else the neighbouring lines (marked ¶).

    >>> removal_context(["Kata dia. (ant)"], 1, 10, "(ant)")
    ('Kata dia. ', '')
    >>> removal_context(["Isi berita.", "Baca juga: X", "Lanjutan."], 2, 0, "Baca juga: X")
    ('Isi berita. ¶ ', ' ¶ Lanjutan.')
    """
    if not 1 <= line <= len(lines):
        return "", ""
    src = lines[line - 1]
    before = src[max(0, col - CONTEXT_CHARS):col]
    after = src[col + len(text):col + len(text) + CONTEXT_CHARS]
    if not before.strip():
        prev = next((t for t in reversed(lines[:line - 1]) if t.strip()), "")
        before = (prev[-CONTEXT_CHARS:] + " ¶ ") if prev else ""
    if not after.strip():
        nxt = next((t for t in lines[line:] if t.strip()), "")
        after = (" ¶ " + nxt[:CONTEXT_CHARS]) if nxt else ""
    return before, after


def removal_contexts(record: dict[str, Any], text: str | None) -> list[tuple[str, str]]:
    """removal_context for each of a record's removals, in `text` (the text its rules read: the
    normalized input, a page's extracted article); ("", "") for each without it.

    >>> removal_contexts({"removed": [{"line": 2, "col": 0, "text": "Baca juga: X"}]},
    ...                  "Isi.\\nBaca juga: X\\nLanjutan.")
    [('Isi. ¶ ', ' ¶ Lanjutan.')]
    """
    removed = record.get("removed", ())
    if text is None:
        return [("", "")] * len(removed)
    lines = text.split("\n")
    return [removal_context(lines, r.get("line", 0), r.get("col", 0), r["text"])
            for r in removed]
