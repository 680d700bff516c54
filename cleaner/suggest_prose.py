"""Whether mined lines read as the article's prose or sentences rather than a site's boilerplate, and what a rule says of them."""

from __future__ import annotations

import re
from typing import Any

from cleaner import shapes
from cleaner.suggest_groups import NAME_SHARE, Group

# A line reads as prose (the lead paragraph, not a header's line) with this many words and a
# sentence's end; or, in a script written without spaces, this many characters.
PROSE_WORDS = 8
PROSE_CHARS = 60
_SENTENCE_END = re.compile(r"[.!?\u3002\uff01\uff1f\u2026][\"'\u201d\u2019\u00bb)\]]*$")
# A label rule's `unless` where the site writes sentences opening on the label: a line of
# PROSE_WORDS words or more ending as a sentence ends (reads_as_prose, as a rule writes it).
PROSE_UNLESS = (r"^(?:\S+\s+){%d,}\S*[.!?\x{3002}\x{ff01}\x{ff1f}\x{2026}]"
                r"[\"\x27\x{201d}\x{2019}\x{bb})\]]*$" % (PROSE_WORDS - 1))


def reads_as_prose(line: str) -> bool:
    """Whether a line (collapsed, no label) reads as a paragraph of the article: long enough
    and ending as a sentence ends. Bylines, stamps, titles and link lines end otherwise.

    >>> reads_as_prose("El Consejo aprobó este martes una ampliación del bono de alquiler.")
    True
    >>> reads_as_prose("Lee también: Los precios del alquiler suben un 11 % en las ciudades")
    False
    >>> reads_as_prose("Publicado: 12/03/2024 10:15 h"), reads_as_prose("Terima kasih.")
    (False, False)
    """
    if not _SENTENCE_END.search(line):
        return False
    return line.count(" ") + 1 >= PROSE_WORDS or (" " not in line and len(line) >= PROSE_CHARS)


# A template's lines read as sentences with a sentence's end and this many lower-case words in
# a row after the first word (a clause: "harga cabai naik", "jumlah pengunjung naik"), or
# PROSE_WORDS words.
SENTENCE_RUN = 3
_LOWER_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*[.!?]?$")


def _lower_run(shape: tuple[str, ...]) -> int:
    """The most lower-case words in a row in a template after its first word (a slot, a number
    or a mark ends a run).

    >>> _lower_run(("pada", "<num>", "harga", "cabai", "naik", "<num>", "persen."))
    3
    >>> _lower_run(("sumber", "berita", "<name>"))
    1
    """
    best = run = 0
    for part in shape[1:]:
        run = run + 1 if _LOWER_WORD.match(part) and part.islower() else 0
        best = max(best, run)
    return best


def _reads_as_sentence(line: str) -> bool:
    """Whether a line reads as a sentence as a template's lines are judged to (_reads_as_sentences):
    a sentence's end, and a clause's run of lower-case words or as many words as prose has.

    >>> _reads_as_sentence("Menurutnya, siasatan lanjut akan bermula minggu depan.")
    True
    >>> _reads_as_sentence("Simak juga: Harga Cabai Naik."), _reads_as_sentence("Babak kedua")
    (False, False)
    """
    return bool(_SENTENCE_END.search(line)) and (
        _lower_run(tuple(line.split())) >= SENTENCE_RUN or line.count(" ") + 1 >= PROSE_WORDS)


def _reads_as_sentences(group: Group) -> bool:
    """Whether most of a template's lines (NAME_SHARE) read as sentences: a sentence's end and
    a clause's run of lower-case words (SENTENCE_RUN), or as many words as prose has."""
    lines = [shapes.collapse(o.text) for o in group.occurrences[:200]]
    run = _lower_run(group.key[1]) >= SENTENCE_RUN
    sentences = sum(1 for line in lines if _SENTENCE_END.search(line)
                    and (run or line.count(" ") + 1 >= PROSE_WORDS))
    return bool(lines) and sentences >= NAME_SHARE * len(lines)


# A sentence repeated word for word in fewer than this share of a site's documents is read as
# the articles' own text as much as the site's: a disclaimer or a police appeal reporters paste
# into a few stories, a standing line under every weather report. A line the site closes most
# of its articles with (a promo, "Simak berita X lainnya di Google News.") is its own.
SENTENCE_SITE_SHARE = 0.25


def sentence_note(group: Group, rule: dict[str, Any], share: float) -> str | None:
    """What to tell the user about a drop-line rule whose lines read as sentences: a recurring
    sentence whose numbers vary (a template) is as often the article's own as the site's, and
    so is one sentence repeated word for word (an exact line, reading as prose) in few of the
    site's documents (`share` of them, under SENTENCE_SITE_SHARE)."""
    if rule["action"] != "drop-line":
        return None
    if group.kind == "template" and _reads_as_sentences(group):
        return ("its lines read as sentences (a sentence's end, a run of lower-case words): a "
                "recurring sentence whose numbers vary may be the articles' own text; paste "
                "the rule only if every line it takes is the site's")
    if group.kind == "exact" and share < SENTENCE_SITE_SHARE and _reads_as_sentence(group.key[1]):
        return (f"its line is a sentence, repeated word for word in {share:.0%} of the site's "
                "documents: as often the articles' own text (a disclaimer or an appeal "
                "reporters paste, a standing line of a kind of story) as the site's; paste the "
                "rule only if the line is the site's")
    return None
