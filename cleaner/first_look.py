"""One RE2 pass over a document's text for the questions two stages would each scan it for."""

from __future__ import annotations

from typing import NamedTuple

import re2

from cleaner.normalize import FIX_HINT, not_nfc
from cleaner.paragraphs import GLUE_HINT
from cleaner.re2_spans import set_match


class Look(NamedTuple):
    """What a first look at a document found: each answer may be a yes where the stage then
    finds nothing to do, never a no where it would."""

    fixable: bool           # a Unicode fix may change the text (normalize.needs_fixes)
    glued: bool             # some line may hold sentences glued without a space


def _look_set():
    # An RE2 set reads the text once and names every pattern that matches, where two searches
    # read it twice: the glue hint then costs the paragraph stage nothing on most documents.
    looks = re2.Set.SearchSet()
    looks.Add(FIX_HINT)
    looks.Add(GLUE_HINT)
    looks.Compile()
    return looks


_MATCH = set_match(_look_set())


def first_look(text: str) -> Look:
    """Look at a text once for what normalize and the paragraph stage need to know.

    >>> first_look("Isi berita.\\nBaris dua."), first_look("Rusia.Rusia meminta\\u00a0x")
    (Look(fixable=False, glued=False), Look(fixable=True, glued=True))
    """
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:          # surrogates: normalize repairs them first
        return Look(True, True)
    found = _MATCH(data) or ()
    return Look(0 in found or not_nfc(text), 1 in found)
