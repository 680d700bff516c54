"""The header stage: a title line, its repeat, a section word and a "name / Penulis" byline become metadata."""

from __future__ import annotations

import re

from cleaner.document import Document, Line
from cleaner.lexicon import lexicon

TITLE_MAX_WORDS = 22
# Longer candidate titles must read like one: most words capitalised, as headlines are written.
TITLE_CASE_FROM_WORDS = 12
TITLE_CASE_SHARE = 0.5
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’]?\s+[\"“‘]?[A-Z]")
TITLE_MAX_CHARS = 250
# How many lines after the title may still be header lines (repeat, section, byline).
HEADER_SPAN = 5
_END_PUNCT = tuple(".,;:!?…")
_NAME = re.compile(r"^[^\W\d_][^\W\d_.'\-]*(?:[ .'\-]+[^\W\d_][^\W\d_.'\-]*){0,4}\.?$")
_SECTION = re.compile(r"^[^\W\d_][^\W\d_\-&]{1,24}$")


def _comparable(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def looks_like_title(line: str, following: str | None) -> bool:
    """A short line without end punctuation, followed by body text, opens with a title.

    >>> looks_like_title("AS dan Rusia akan Berunding Tentang Ukraina", "Moskow - Menteri ...")
    True
    >>> looks_like_title("Presiden Putin mengatakan hal itu.", "Dia ...")
    False
    >>> looks_like_title("Polres Metro Bekasi Kota menyiagakan 1.000 lebih personel untuk mengamankan "
    ...                  "ceramah umum di stadion besok malam", "Dia ...")
    False
    """
    if following is None or len(line) > TITLE_MAX_CHARS or len(line.split()) > TITLE_MAX_WORDS:
        return False
    if line.endswith(_END_PUNCT) or not (line[0].isupper() or line[0].isdigit() or line[0] in "\"'“‘"):
        return False
    if _SENTENCE_BREAK.search(line):
        return False
    words = line.split()
    if len(words) >= TITLE_CASE_FROM_WORDS:
        capitalised = sum(1 for w in words if w[:1].isupper() or w[:1].isdigit())
        return capitalised / len(words) >= TITLE_CASE_SHARE
    return True


def _first_body(lines: list[Line]) -> str | None:
    """The first line below a candidate title that reads as body text, skipping header lines."""
    for line in lines:
        if line.text.endswith(tuple(".!?\"”’")) or len(line.text.split()) > TITLE_MAX_WORDS:
            return line.text
    return None


def _take(doc: Document, line: Line, rule: str, field: str | None) -> None:
    doc.take_line(line, rule, "meta" if field else "drop-line", (field,) if field else ())


def header_stage(doc: Document) -> Document:
    """Move a leading title, its repeat, a section word and a name-then-label byline to meta."""
    lines = [ln for ln in doc.lines if ln.text]
    if len(lines) < 2:
        return doc
    words = lexicon(doc.packs)
    labels = words.labels
    hint = doc.hints.get("title")
    first = lines[0]
    title = None
    if hint and _comparable(first.text) == _comparable(hint):
        title = first.text
        _take(doc, first, "header/title", "title")
    elif doc.hints.get("page_title") and \
            _comparable(first.text) == _comparable(doc.hints["page_title"]):
        title = first.text                  # a web page's title line, under an input's title
        _take(doc, first, "header/title", None)
    elif (not hint and first.text.lower() not in labels
          and not any(start == 0 for start, _ in first.cuts)    # a dateline opened it: body
          and looks_like_title(first.text, _first_body(lines[1:1 + HEADER_SPAN + 1]))):
        title = first.text
        doc.set_meta("title", title)
        _take(doc, first, "header/title", "title")
    if title is None:
        return _byline_run(doc, lines, 0, labels)
    rest = lines[1:]
    index = 0
    while index < min(len(rest), HEADER_SPAN):
        line = rest[index]
        nxt = rest[index + 1] if index + 1 < len(rest) else None
        if _comparable(line.text) == _comparable(title):
            _take(doc, line, "header/duplicate-title", None)
        elif nxt is not None and nxt.text.lower() in labels and _NAME.match(line.text):
            field = labels[nxt.text.lower()]
            doc.set_meta(field, line.text)
            _take(doc, line, "header/byline", field)
            _take(doc, nxt, "header/byline", field)
            index += 1
        elif (doc.meta["category"] is None and nxt is not None
              and (_SECTION.match(line.text) or line.text.lower() in words.sections)):
            doc.set_meta("category", line.text)
            _take(doc, line, "header/category", "category")
        else:
            break
        index += 1
    doc.lines = [ln for ln in doc.lines if ln.text]
    return doc


def _byline_run(doc: Document, lines: list[Line], start: int, labels) -> Document:
    """Without a title, a document may still open with "NAME" then a label line."""
    if len(lines) > start + 2:
        line, nxt = lines[start], lines[start + 1]
        if nxt.text.lower() in labels and _NAME.match(line.text):
            field = labels[nxt.text.lower()]
            doc.set_meta(field, line.text)
            _take(doc, line, "header/byline", field)
            _take(doc, nxt, "header/byline", field)
    doc.lines = [ln for ln in doc.lines if ln.text]
    return doc
