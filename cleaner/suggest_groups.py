"""What `cleaner suggest` counts: a line shape's occurrences and their group, and the shares it reads them by.

A group is one shape (an exact line, a label, a template, a code, a dateline, a byline) and
every line of a site's documents it was seen in; an occurrence is one such line, where it sits
in its document and which loaded rule, if any, already removes it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import partial
from typing import Callable

from cleaner import shapes

# The share of a byline label's lines whose text is a name for the label to be a meta rule: a
# note now and then after the label ("[Redaktur: Artikel ini diperbarui.]") is left in place.
NAME_SHARE = 0.9
# A label whose title, or a template whose names and numbers, are one text in this share of its
# lines is no shape but one line repeated ("Harian Pagi — Terbit setiap hari" closing every
# article): a rule for its shape would remove any line opening alike, the exact line's rule only
# that line. Its varying parts are what tells a shape, whatever its words.
FIXED_SHARE = 0.9
# A domain or a url in a label's text: "Penulis: Kompas.com" names a site, no person.
DOMAIN = re.compile(r"\w\.[a-z]{2,}\b|://")


@dataclass
class Occurrence:
    doc: int
    line: int            # 1-based line of the normalized document
    text: str            # the whole line
    start: int           # the span of the line the shape covers
    end: int
    head: bool
    tail: bool
    covered_by: str | None
    # Nearer the document's start than its end: in a short document, where a line is among
    # both the first and the last lines, whether it reads as a head line or a tail one.
    early: bool = False
    # The document's first line with text, where a "first" rule fires (a dateline opening it).
    first: bool = False


# A group's tallies: a defaultdict(int) is made in C, a Counter in Python, and every distinct
# line of every mined document makes a group (a tenth of suggest's time went to Counters).
_tally: Callable[[], defaultdict[str, int]] = partial(defaultdict, int)


@dataclass
class Group:
    kind: str
    key: tuple
    docs: set = field(default_factory=set)
    occurrences: list = field(default_factory=list)
    # Separators, codes and sources seen; for label lines, how many were bracketed, bare, or
    # in a list of other labels.
    parts: defaultdict[str, int] = field(default_factory=_tally)
    flags: defaultdict[str, int] = field(default_factory=_tally)
    # A byline group's form: "Por <names>" (BYLINE_WORD), "Por <names>, <Outlet> — <Place>"
    # (BYLINE_OUTLET), "Por <names>, da Redação" (BYLINE_NEWSROOM); "" for any other kind.
    form: str = ""


BYLINE_WORD, BYLINE_OUTLET, BYLINE_NEWSROOM = "word", "outlet", "newsroom"


def made_for(occ: list[Occurrence]) -> list[Occurrence]:
    """The occurrences a rule is made for: those the loaded rules leave, or all where they
    remove every one (the candidate is then shown as already removed)."""
    left = [o for o in occ if not o.covered_by]
    return left or occ


def example_text(kind: str, o: Occurrence) -> str:
    """A real line to show and to use as a remove example; long lines cut to what matters."""
    text = shapes.collapse(o.text)
    if kind == "code" and len(text) > 90:
        cut = text.rfind(" ", 0, len(text) - 70)
        return text[cut + 1:] if cut > 0 else text
    if kind == "lead" and len(text) > 90:
        cut = text.find(" ", o.end + 30)
        return text[:cut] if cut > 0 else text
    return text
