"""A body a scraper gave twice: its second copy found over the paragraphs and removed."""

from __future__ import annotations

from cleaner.document import Document

REPEATED_RULE = "structure/repeated-body"

# What a repeated block must hold to be a body and not a refrain, a quote said twice or a short
# list: this many paragraphs, two of them different at least, and this many characters. Three
# paragraphs is the shortest news body (a lead, a quote, a close); 300 characters is about two
# sentences, more than a caption pair or a chorus's lines.
MIN_PARAGRAPHS = 3
MIN_CHARS = 300

# The lines that may stand once before the copies (a title, a dateline or byline line) and
# once after them (a footer, an editor's or a source's line): a scraper that joins a page's
# body twice keeps the page's own head and foot around the join. Two each: more than that is
# text of its own, and the copies stay.
MAX_HEAD = 2
MAX_TAIL = 2

# The opening paragraphs repeated at the end count only as prose: at least PROSE_CHARS of the
# block, and more than half of it, in paragraphs of PROSE_LINE_CHARS or more that end as a
# sentence ends. A recap of results, a chorus or a stanza at the end is short lines, or long
# ones without a sentence's stop, and is text the reader wants (60 characters is about eight
# Indonesian words, a short sentence; a score line with its scorers runs longer but has no stop).
PROSE_LINE_CHARS = 60
PROSE_CHARS = 300
SENTENCE_STOPS = (".", "!", "?")
# What may close a sentence after its stop: quotes and a bracket ("…,” ujarnya.” or "(… lagi.)").
CLOSERS = "\"'\u201d\u2019)"


def repeated_copy(paragraphs: list[str]) -> tuple[int, int] | None:
    """Where the paragraphs repeat the body's opening block, as (start, stop) indexes of the
    repeat, else None. Two shapes: the whole body two or more times in a row (each copy after
    the first is the repeat, a last copy cut short too where it ends the text), up to MAX_HEAD
    lines before the copies and MAX_TAIL after them that come once in the text and stay; and
    the opening paragraphs repeated at the end, where they are prose (_is_prose). Paragraphs
    compare whole and exact: a copy that differs in any of its paragraphs is not a repeat.
    Linear in the number of paragraphs (the prefix function of their ids, once per head).

    >>> body = ["Paragraf pertama berita.", "Paragraf kedua.", "Paragraf ketiga."]
    >>> repeated_copy([p * 10 for p in body] * 2)
    (3, 6)
    >>> repeated_copy(["Judul berita"] + [p * 10 for p in body] * 2 + ["Editor: Budi"])
    (4, 7)
    >>> repeated_copy(["Reff: la la la"] * 8) is None
    True
    """
    count = len(paragraphs)
    # Most bodies: too short for a repeat, or their third paragraph comes once. Every shape
    # repeats it: a copy starts at index MAX_HEAD at the latest and holds MIN_PARAGRAPHS, which
    # is more than MAX_HEAD (the opening block repeated at the end, too).
    if count < 2 * MIN_PARAGRAPHS or paragraphs.count(paragraphs[MAX_HEAD]) < 2:
        return None
    numbers: dict[str, int] = {}
    ids = [numbers.setdefault(text, len(numbers)) for text in paragraphs]
    once = _once(ids, len(numbers))
    opening_border = 0
    for head in range(MAX_HEAD + 1):
        if not all(once[i] for i in ids[:head]):
            break
        borders = _prefix_function(ids[head:])
        if head == 0:
            opening_border = borders[-1]
        found = _copies_after(paragraphs, ids, borders, head, once)
        if found is not None:
            return found
    return _opening_at_end(paragraphs, ids, opening_border)


def _copies_after(paragraphs: list[str], ids: list[int], borders: list[int], head: int,
                  once: list[bool]) -> tuple[int, int] | None:
    """The repeat of a body given in full two or more times after `head` lines, followed by
    up to MAX_TAIL lines that come once (a last copy cut short only with none), else None.
    `borders` is the prefix function of ids[head:]."""
    count = len(ids)
    for tail in range(MAX_TAIL + 1):
        length = count - head - tail
        if length < 2 * MIN_PARAGRAPHS:
            return None
        if tail and not once[ids[count - tail]]:
            return None
        period = length - borders[length - 1]
        # Two copies at least; before a tail line, whole copies only.
        if 2 * period > length or (tail and length % period):
            continue
        if _is_body(paragraphs[head:head + period], ids[head:head + period]):
            return head + period, count - tail
    return None


def _opening_at_end(paragraphs: list[str], ids: list[int],
                    border: int) -> tuple[int, int] | None:
    """The opening `border` paragraphs again at the end, where they are a body and prose, as
    the repeat's (start, stop), else None (none where border is 0)."""
    count = len(ids)
    if 2 * border >= count:
        return None           # periodic: _copies_after has judged it
    block = paragraphs[:border]
    if not (_is_body(block, ids[:border]) and _is_prose(block)):
        return None
    return count - border, count


def _once(ids: list[int], distinct: int) -> list[bool]:
    """For each paragraph id, whether it comes once in `ids`."""
    seen = [0] * distinct
    for number in ids:
        seen[number] += 1
    return [times == 1 for times in seen]


def _prefix_function(ids: list[int]) -> list[int]:
    """For each prefix of `ids`, the length of its longest proper prefix that is also its
    suffix (KMP's prefix function)."""
    prefix = [0] * len(ids)
    length = 0
    for index in range(1, len(ids)):
        current = ids[index]
        while length and ids[length] != current:
            length = prefix[length - 1]
        if ids[length] == current:
            length += 1
        prefix[index] = length
    return prefix


def _is_body(paragraphs: list[str], ids: list[int]) -> bool:
    """Whether a repeated block is long and varied enough to be a body (MIN_PARAGRAPHS,
    MIN_CHARS), not a refrain or a quote."""
    return (len(paragraphs) >= MIN_PARAGRAPHS and len(set(ids)) >= 2
            and sum(map(len, paragraphs)) >= MIN_CHARS)


def _is_prose(paragraphs: list[str]) -> bool:
    """Whether a block is mostly sentences: PROSE_CHARS or more, and over half its characters,
    in paragraphs of PROSE_LINE_CHARS or more that end with a sentence's stop."""
    prose = sum(len(text) for text in paragraphs
                if len(text) >= PROSE_LINE_CHARS
                and text.rstrip(CLOSERS).endswith(SENTENCE_STOPS))
    return prose >= PROSE_CHARS and 2 * prose > sum(map(len, paragraphs))


def repeated_body_stage(doc: Document) -> Document:
    """Remove a body's repeated copy (repeated_copy), each of its lines recorded under
    REPEATED_RULE as a rule's dropped line is.

    It runs on the lines as normalize left them, before the rules: a rule bound to the text's
    first line or its end (a dateline, an editor's code, a site's closing promo) would cut one
    copy and not the other, and the copies would no longer compare equal."""
    lines = doc.lines
    if len(lines) < 2 * MIN_PARAGRAPHS:
        return doc
    # Most documents: the third line comes once, as repeated_copy's first check finds (one
    # search of the text after that line, where a list of the lines' texts cost more). The
    # search starts at no later than that line's end: the lengths of it and of lines before it.
    first, second, third = lines[0].text, lines[1].text, lines[MAX_HEAD].text
    if doc.text.find(third, len(first) + len(second) + len(third)) < 0:
        return doc
    found = repeated_copy([line.text for line in lines])
    if found is None:
        return doc
    start, stop = found
    for line in lines[start:stop]:
        doc.take_line(line, REPEATED_RULE, "drop-line")
    doc.lines = lines[:start] + lines[stop:]
    return doc
