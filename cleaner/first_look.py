"""One RE2 pass over a document's text for the questions two stages would each scan it for."""

from __future__ import annotations

from typing import NamedTuple

from cleaner.normalize import FIX_HINTS, NFC_HINT, fixes_hinted, hint_set
from cleaner.paragraphs import GLUE_HINT
from cleaner.re2_spans import set_match


class Look(NamedTuple):
    """What a first look at a document found: each answer may be a yes where the stage then
    finds nothing to do, never a no where it would."""

    fixes: frozenset[str]   # the Unicode fixes that may change the text (fixes_hinted)
    glued: bool             # some line may hold sentences glued without a space


def _look_set():
    # An RE2 set reads the text once and names every pattern that matches, where separate
    # searches would read it once each: the glue hint then costs the paragraph stage nothing
    # on most documents, and the NFC hint spares most texts unicodedata's check. The fixes'
    # hints come first, as normalize.fixes_hinted numbers them.
    looks = hint_set()
    looks.Add(GLUE_HINT)
    looks.Add(NFC_HINT)
    looks.Compile()
    return looks


_MATCH = set_match(_look_set())
_GLUE = len(FIX_HINTS)
_NFC = _GLUE + 1


def first_look(text: str) -> Look:
    """Look at a text once for what normalize and the paragraph stage need to know.

    >>> first_look("Isi berita.\\nBaris dua."), first_look("Rusia.Rusia meminta\\u00a0x")
    (Look(fixes=frozenset(), glued=False), Look(fixes=frozenset({'plain_spaces'}), glued=True))
    """
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:          # surrogates: every fix may apply once they are repaired
        return Look(fixes_hinted(text), True)
    found = _MATCH(data) or ()
    return Look(fixes_hinted(text, found, _NFC in found), _GLUE in found)
