"""Split paragraphs that a dump glued together ("diabaikan.”AS, sekutu") without breaking abbreviations, numbers or domains."""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate
from typing import Iterable

import re2

from cleaner.re2_spans import Spans

# The name a record's `fixes` lists when a line of it was split here: the split adds no
# character and removes none, so `removed` cannot say it, and the text's lines are not the input's.
SPLIT_FIX = "split_glued"
# Sentence end, then optional quotes, then a capital, with no space between: a glued boundary.
# A run of stops is taken whole, from its first one: tried from each of its stops, with
# backtracking, a run of 40,000 dots took 49 s.
_GLUE = re.compile("(?<![.!?])([.!?]++)([\"\u201d\u2019]?)([\"\u201c\u2018]?)(?=[^\\W\\d_])")
# The cheap test for a document's lines: RE2 over UTF-8 (about 5 microseconds for 2 KB, against
# 35 for Python's re). It may say yes where nothing splits, never no where something does: before
# the stop, a class holding every character str.islower() takes (lower-case and modifier
# letters, ª º, small Roman numerals and circled letters), a closing bracket or quote, or three
# capitals (an acronym), as split_glued asks; after it and
# any quotes, a character str.isupper() takes among the letters _GLUE looks ahead for
# (upper-case letters, Roman numerals). It asked only for a letter or digit after the stop until
# 28% of the benchmark's documents went through split_glued for "detik.com" and the like; 0.2% do.
# A digit before the stop asks for more after it: a capital and two such lower-case characters,
# as _number_ends_sentence does ("2017.Pertandingan", not "U-15.A").
_LOWER = "\\p{Ll}\\p{Lm}\\p{Nl}\\p{Mn}\u00aa\u00ba\u24d0-\u24e9"
_STOP_CAPITAL = "[.!?]+[\"\u201d\u2019\u201c\u2018]*[\\p{Lu}\\p{Nl}]"
GLUE_HINT = ("(?:[" + _LOWER + ")\\]\"'\u201d\u2019]|\\p{Lu}{3})" + _STOP_CAPITAL
             + "|\\p{Nd}" + _STOP_CAPITAL + "[" + _LOWER + "]{2}")
_GLUE_HINT = Spans(re2.compile(GLUE_HINT))
_PLUS_ONE = (1).__add__
# Lines above which _joined encodes a text line by line (a giant record's), not joined.
_MANY_LINES = 2048
# What follows a dot in a domain name written with capitals ("Kompas.Com", "Detik.Net").
_TLD = re.compile(r"(?i)(com|net|org|id|co|go|ac|or|tv|info|news|web|biz)\b")


def _splittable(text: str, start: int, after: int,
                abbreviations: frozenset[str]) -> bool:
    """Whether the stop at `start` (the capital after it at `after`) ends a sentence."""
    token = text[text.rfind(" ", 0, start) + 1:start]
    # (the token ends before the stop: "www" of "www.DearAbby.com" is a host's first label)
    if "://" in token or token.lower().split(".", 1)[0] == "www" or "@" in token:
        return False
    closed = token.rstrip(")]\"'”’")
    letters = closed.lstrip("\"'“‘([")
    if closed != token:
        # A bracket or quote closed before the stop: "(Jepang).Bertindak", "(5/12/2017).Pada",
        # "“enable”.Pengguna". No abbreviation or number ends that way.
        return bool(letters) and letters[-1].isalnum()
    if len(letters) >= 3 and all(c.isupper() and c.isalpha() for c in letters[-3:]):
        # An acronym before a capitalised word: "Menlu ASEAN.Melanjutkan". A word in capitals
        # after it is a domain or another acronym ("DETIK.COM", "U.S.A").
        return letters.isalpha() and text[after + 1:after + 2].islower()
    if letters[-1:].isdecimal():
        return (_number_ends_sentence(text, start, after, letters)
                and not _abbreviated_range(text, start, abbreviations))
    # Else the word before must end in two lower-case letters: "U.S", "No.1", "A.Rahman" stay
    # whole.
    if len(letters) < 2 or not (letters[-1].islower() and letters[-2].isalpha()):
        return False
    if "/" in letters:
        # A code parted by slashes, a court case's number ("1234 K/Pid.Sus/2023",
        # "45/Pdt.G/2023/PN.Jkt.Sel"): its stops part its pieces, no sentences.
        return False
    return letters.rsplit(".", 1)[-1].lower() not in abbreviations


_TRAILING_DIGITS = re.compile(r"\d+\Z")


def _number_ends_sentence(text: str, start: int, after: int, token: str) -> bool:
    """Whether the number at the end of `token`, before the stop at `start`, ends a sentence.

    It does before a capitalised word (a capital, then two lower-case letters) when it is a year
    or count of three or more digits ("2017.Pertandingan", "811.Angka") or the number of a code
    or score joined by a hyphen ("U - 15.Wasit", "U-15.Wasit", "2-1.Gol"). One or two bare
    digits are a list's numbers or a day ("1.Persiapan", "17.Agustus"), and a lone capital or a
    word in capitals after the stop a code or acronym ("U-15.A", "2017.AS"): those stay whole.
    Decimals ("3.5", "Rp 2.5") and "No.1" never come here: a digit follows their stop.
    """
    if not (text[after + 1:after + 2].islower() and text[after + 2:after + 3].islower()):
        return False
    if "/" in token and any(c.isalpha() for c in token):
        return False                    # a url's path ("kompas.com/read/2017.Html")
    digits = _TRAILING_DIGITS.search(token)
    first = start - (len(digits.group()) if digits else 0)
    if start - first >= 3:
        return True
    # Read in place, not from a slice of the line (see split_glued).
    return text[first - 1:first] in ("-", "\u2013") or text[first - 3:first] in (" - ", " \u2013 ")


# A number range that an abbreviation opens, ending at the stop: "Kav. 52-53", "No. 5 - 7",
# "No.12-14". Its word is the group; the stop comes right after the match.
_ABBREVIATED_RANGE = re.compile(r"([^\W\d_]+)\.[ \t]*\d+[ \t]*[-\u2013][ \t]*\d+\Z")
# How far before the stop the range and its abbreviation are looked for: a window, as the line
# may be megabytes long (see split_glued).
_RANGE_REACH = 64


def _abbreviated_range(text: str, start: int, abbreviations: frozenset[str]) -> bool:
    """Whether the number before the stop at `start` ends a range opened by an abbreviation
    ("Jl. Gatot Subroto Kav. 52-53.Jakarta"): an address's, not a score's or a code's, so no
    sentence ends there, whatever word follows.

    >>> _abbreviated_range("Kav. 52-53.Jakarta", 10, frozenset({"kav"}))
    True
    >>> _abbreviated_range("menang 2-1.Gol", 10, frozenset({"kav"}))
    False
    """
    begin = max(0, start - _RANGE_REACH)
    found = _ABBREVIATED_RANGE.search(text, begin, start)
    if found is None:
        return False
    # The abbreviation is a whole word: not the tail of a longer one the window cut into, nor
    # of one glued to a letter or digit before it.
    word_start = found.start(1)
    if (word_start == begin and begin > 0) or text[word_start - 1:word_start].isalnum():
        return False
    return found.group(1).lower() in abbreviations


def _joined(lines: list[str]) -> tuple[bytes, list[int]]:
    """The lines as one UTF-8 text, which is what RE2 reads, and the byte where each starts.

    RE2 works on bytes: handing it bytes spares the Python binding an encode and a pass that
    turns every byte offset back into a character offset, which costs more than the match.
    """
    pieces: list[str] | list[bytes]
    if len(lines) > _MANY_LINES:
        # Joined first, a giant record's text is one more copy, and one wide character (an
        # emoji) makes all of it 4 bytes a character: 33 MB for an 8 MB record, where its
        # lines, one by one, are mostly 1 byte a character. (Few lines: one join is faster.)
        pieces = [line.encode("utf-8", "surrogatepass") for line in lines]
        data = b"\n".join(pieces)
    else:
        text = "\n".join(lines)
        data = text.encode("utf-8", "surrogatepass")
        pieces = lines if len(data) == len(text) else data.split(b"\n")
    # Each start is the one before plus that line's length in bytes and its newline.
    starts = list(accumulate(map(_PLUS_ONE, map(len, pieces)), initial=0))
    starts.pop()
    return data, starts


def glued_lines(lines: list[str]) -> list[int]:
    """Indexes of the lines that may hold glued sentences (a sentence end directly followed by
    a letter), found in one RE2 pass over all lines: only those go through split_glued.

    >>> glued_lines(["Satu baris.", "perbatasan Rusia.Rusia meminta", "Tiga."])
    [1]
    """
    data, starts = _joined(lines)
    count = len(lines)
    found: list[int] = []
    pos = 0
    while (spans := _GLUE_HINT.search(data, pos)) is not None:
        index = bisect_right(starts, spans[0][0]) - 1
        found.append(index)
        if index + 1 == count:
            break
        pos = starts[index + 1]         # one hint names the line: go on from the next
    return found


def may_be_glued(text: str) -> bool:
    """Whether one line may hold glued sentences (the hint glued_lines looks for).

    >>> may_be_glued("perbatasan Rusia.Rusia meminta"), may_be_glued("Satu. Dua.")
    (True, False)
    """
    return _GLUE_HINT.search(text.encode("utf-8", "surrogatepass")) is not None


def split_glued(text: str, abbreviations: Iterable[str] = ()) -> list[str]:
    """The paragraphs a line holds when sentences were glued without a space.

    >>> split_glued("perbatasan Rusia.Rusia meminta")
    ['perbatasan Rusia.', 'Rusia meminta']
    >>> split_glued("akhirnya diabaikan.\u201dAS, sekutu")
    ['akhirnya diabaikan.\u201d', 'AS, sekutu']
    >>> split_glued('sebagai "bukan pemula."Amerika ke Rusia."Kami tidak," kata')
    ['sebagai "bukan pemula."', 'Amerika ke Rusia.', '"Kami tidak," kata']
    >>> split_glued("Channel9.id, Intisari-Online.com, Rp1,5, No.1, U.S. Army, Kompas.Com")
    ['Channel9.id, Intisari-Online.com, Rp1,5, No.1, U.S. Army, Kompas.Com']
    >>> split_glued("Perkara 1234 K/Pid.Sus/2023 dan 45/Pdt.G/2023/PN.Jkt.Sel diputus.")
    ['Perkara 1234 K/Pid.Sus/2023 dan 45/Pdt.G/2023/PN.Jkt.Sel diputus.']
    """
    if not isinstance(abbreviations, frozenset):
        abbreviations = frozenset(a.lower() for a in abbreviations)
    pieces, last = [], 0
    for m in _GLUE.finditer(text):
        if not _splittable(text, m.start(), m.end(), abbreviations):
            continue
        # Read in place: a slice of the rest of the line at each stop copied a 32 MB line
        # a million times (two minutes, where a 16 MB one took four seconds).
        if not text[m.end():m.end() + 1].isupper() or _TLD.match(text, m.end()):
            continue
        close, open_ = m.group(2), m.group(3)
        if close == '"' and not open_:
            # A straight quote closes when an odd number of them came before it, else it opens.
            if text.count('"', last, m.start(2)) % 2 == 0:
                cut = m.start(2)
            else:
                cut = m.end(2)
        else:
            cut = m.end(2)
        pieces.append(text[last:cut].strip())
        last = cut
    pieces.append(text[last:].strip())
    return [p for p in pieces if p]
