"""A body a scraper gave twice: its second copy found over the paragraphs and removed."""

from __future__ import annotations

from cleaner.document import Document

REPEATED_RULE = "structure/repeated-body"

# What a repeated block must hold to be a body and not a refrain, a quote said twice or a short
# list: this many paragraphs, two of them different at least, and this many characters.
MIN_PARAGRAPHS = 3
MIN_CHARS = 300


def repeated_copy(paragraphs: list[str]) -> tuple[int, int] | None:
    """Where the paragraphs repeat the body's opening block, as (start, stop) indexes of the
    repeat, else None. Two shapes: the whole body two or more times in a row (each copy after
    the first is the repeat, a last partial copy too), and the opening paragraphs repeated at
    the end. Paragraphs compare whole and exact: a copy that differs in any of its paragraphs
    is not a repeat. Linear in the number of paragraphs (the prefix function of their ids).

    >>> body = ["Paragraf pertama berita.", "Paragraf kedua.", "Paragraf ketiga."]
    >>> repeated_copy([p * 10 for p in body] * 2)
    (3, 6)
    >>> repeated_copy(["Reff: la la la"] * 8) is None
    True
    """
    count = len(paragraphs)
    # Most bodies: too short for a repeat, or their first paragraph comes once.
    if count < 2 * MIN_PARAGRAPHS or paragraphs.count(paragraphs[0]) < 2:
        return None
    numbers: dict[str, int] = {}
    ids = [numbers.setdefault(text, len(numbers)) for text in paragraphs]
    border = _longest_border(ids)
    period = count - border
    if period <= border:
        # Periodic: the first `period` paragraphs, then copies of them, the last maybe cut short.
        block, start = period, period
    else:
        # The opening `border` paragraphs again at the end (none where border is 0).
        block, start = border, count - border
    if not _is_body(paragraphs[:block], ids[:block]):
        return None
    return start, count


def _longest_border(ids: list[int]) -> int:
    """The length of the longest proper prefix of `ids` that is also its suffix (KMP)."""
    prefix = [0] * len(ids)
    length = 0
    for index in range(1, len(ids)):
        current = ids[index]
        while length and ids[length] != current:
            length = prefix[length - 1]
        if ids[length] == current:
            length += 1
        prefix[index] = length
    return prefix[-1]


def _is_body(paragraphs: list[str], ids: list[int]) -> bool:
    """Whether a repeated block is long and varied enough to be a body (MIN_PARAGRAPHS,
    MIN_CHARS), not a refrain or a quote."""
    return (len(paragraphs) >= MIN_PARAGRAPHS and len(set(ids)) >= 2
            and sum(map(len, paragraphs)) >= MIN_CHARS)


def repeated_body_stage(doc: Document) -> Document:
    """Remove a body's repeated copy (repeated_copy), each of its lines recorded under
    REPEATED_RULE as a rule's dropped line is.

    It runs on the lines as normalize left them, before the rules: a rule bound to the text's
    first line or its end (a dateline, an editor's code, a site's closing promo) would cut one
    copy and not the other, and the copies would no longer compare equal."""
    lines = doc.lines
    # Most documents: too few lines for a repeat, or their first line comes once (one search
    # of the text, where a list of the lines' texts cost more).
    if len(lines) < 2 * MIN_PARAGRAPHS or doc.text.find(lines[0].text, len(lines[0].text)) < 0:
        return doc
    found = repeated_copy([line.text for line in lines])
    if found is None:
        return doc
    start, stop = found
    for line in lines[start:stop]:
        doc.take_line(line, REPEATED_RULE, "drop-line")
    doc.lines = lines[:start] + lines[stop:]
    return doc
