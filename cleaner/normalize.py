"""Text repair: mojibake (ftfy, only where it can occur), markup left in text, odd spaces, controls, newlines."""

from __future__ import annotations

import re
import unicodedata
from typing import Any, Collection

import orjson
import re2

from cleaner.re2_spans import set_match
from cleaner.text_markup import REFERENCE_HINT, TAG_HINT, strip_tags, unescape_references

# A UTF-8 lead byte read as Latin-1/cp1252 followed by a continuation byte read the same way:
# the fingerprint of mojibake. Text without it cannot hold the mojibake ftfy repairs, so ftfy
# (about 2 MB/s) runs only on the few documents that match.
_MOJIBAKE_HINT = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
    "\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)


def _split_marks() -> dict[str, str]:
    """Each last byte of a general punctuation mark's UTF-8 (E2 80 xx: ’ “ ” – …) as Windows-1252
    reads it (the five bytes it leaves undefined as Latin-1 reads them), and the mark it ends."""
    marks: dict[str, str] = {}
    for byte in range(0x80, 0xC0):
        if byte == 0xA0:
            continue        # a no-break space: "â€ " may be "†" whose 0xA0 became a space
        try:
            read = bytes([byte]).decode("cp1252")
        except UnicodeDecodeError:
            read = chr(byte)
        marks[read] = bytes([0xE2, 0x80, byte]).decode("utf-8")
    return marks


# A punctuation mark's mojibake with a space put before its last byte, as a tokenizer splits off
# a symbol ("â€ ™", record 1504098860 of the IndoSum dev split). ftfy reads "â€ " as "†" whose
# no-break space became a space and leaves the last byte as it was ("†™"); but read so, that byte
# ends nothing, and "â€" is no word's letters in any text: only the mark, without the space,
# reads as text. The hint gates it: text without mojibake is not searched for it.
_SPLIT_MARKS = _split_marks()
_SPLIT_MARK = re.compile("\u00e2\u20ac ([" + re.escape("".join(_SPLIT_MARKS)) + "])")
# A closing double quote's mojibake without its last byte: 0x9D, which Windows-1252 leaves
# undefined, is dropped by many a converter ("tired,â€ said"), and "â€" is left against the word
# it closes, before a space or a line's end. ftfy read it as "†" whose no-break space became a
# space ("tired,†said"): but a dagger is rare in news, the quote common, and the space after it
# is the text's own. The byte is put back (U+009D, which sloppy-windows-1252 writes as 0x9D) for
# the line's repair to read. One with a space before it closes no word ("kata dia, â€ kata"):
# left to ftfy.
_LOST_QUOTE = re.compile(r"(?<=\S)" "\u00e2\u20ac" r"(?= |$)", re.MULTILINE)

# ftfy is imported where it is used, by the few documents that need it: importing it (and its
# width tables) costs about 70 ms at every start of a process.
def _ftfy():
    import ftfy
    import ftfy.bad_codecs  # noqa: F401  (registers "sloppy-windows-1252")
    import ftfy.badness  # noqa: F401

    return ftfy


_NEWLINES = re.compile("\r\n|[\r\u2028\u2029\u0085\u000b\u000c]")
_NEWLINE_HINT = re.compile("[\u2028\u2029\u0085\u000b\u000c]")
# Every space-like character but the plain space and newline: NBSP, thin/figure/ideographic
# spaces, tabs. Zero-width characters are not spaces: they go with the control characters.
# The information separators (\x1c-\x1f: file, group, record, unit) part fields as a tab does:
# dropped with the other controls, they glued the words they stood between ("Delhi\x1fMetro").
_ODD_SPACES = re.compile("[\t\u001c-\u001f\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
# C0/C1 controls except \n, plus zero-width space, word joiner, BOM and soft hyphen. ZWJ/ZWNJ
# stay: they carry meaning in Persian, Indic scripts and emoji.
_CONTROLS = re.compile("[\u0000-\u0009\u000e-\u001f\u007f-\u009f\u200b\u2060\ufeff\u00ad]")
_SPACE_RUNS = re.compile(" {2,}")
# Marks and embeddings that order text written right to left (LRM, RLM, LRE...PDF, LRI...PDI).
_BIDI = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# Letters written right to left: Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan... and their
# presentation forms, and the scripts of the same planes beyond the BMP.
_RIGHT_TO_LEFT = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe"
                            "\U00010800-\U00010fff\U0001e800-\U0001efff]")


def fix_mojibake(text: str) -> str:
    r"""Repair mojibake in the lines that show its fingerprint; curly quotes are kept.

    Only the encoding is repaired (ftfy's fix_encoding, not its other fixes such as HTML
    entities: those are left as they would be in a line without mojibake). ftfy fixes a text
    line by line anyway; the other lines are not read.

    >>> fix_mojibake("kata Lavrov. \u00e2\u20ac\u0153Kami &amp; B\nA &amp; B")
    'kata Lavrov. \u201cKami &amp; B\nA &amp; B'
    >>> fix_mojibake("plain ascii")
    'plain ascii'
    """
    if text.isascii() or not _MOJIBAKE_HINT.search(text):
        return text
    # Line by line, each line's marks put back before its repair: the text is not copied whole
    # first (a giant text was held three times over, then four). Neither mark spans a line.
    marked = "\u00e2\u20ac" in text
    return "\n".join([_fixed_line(line, marked) for line in text.split("\n")])


def _fixed_line(line: str, marked: bool) -> str:
    """A line's mojibake repaired, its split and lost marks put back first (`marked`: whether
    the text holds any); a long line piece by piece, each searched for the fingerprint once."""
    if marked and "\u00e2\u20ac" in line:
        if "\u00e2\u20ac " in line:
            line = _SPLIT_MARK.sub(_join_mark, line)
        line = _LOST_QUOTE.sub("\u00e2\u20ac\u009d", line)
    return "".join([_fix_line(piece) if _MOJIBAKE_HINT.search(piece) else piece
                    for piece in _pieces(line)])


def _join_mark(split: re.Match[str]) -> str:
    """The punctuation mark whose mojibake a space split ("â€ ™" is "’")."""
    return _SPLIT_MARKS[split.group(1)]


# A line longer than this is repaired in pieces, cut after a space: ftfy's time on one string
# grows faster than its length (13 MB of mixed mojibake took 17 s whole, far less in pieces).
MAX_PIECE = 1 << 16


def _pieces(line: str) -> list[str]:
    """The line in pieces of at most about MAX_PIECE characters, each ending after a space."""
    if len(line) <= MAX_PIECE:
        return [line]
    pieces, start = [], 0
    while len(line) - start > MAX_PIECE:
        cut = line.rfind(" ", start, start + MAX_PIECE) + 1
        if cut <= start:                       # no space: cut anywhere
            cut = start + MAX_PIECE
        pieces.append(line[start:cut])
        start = cut
    pieces.append(line[start:])
    return pieces


def _fix_line(line: str) -> str:
    """One line's mojibake undone, as ftfy.fix_encoding undoes it, in far less time.

    ftfy first asks whether the line looks like mojibake at all (is_bad; "CAFÉ” itu" does not),
    then tries single-byte encodings in turn for one whose bytes are UTF-8. Most mojibake lines
    are UTF-8 read whole as Windows-1252, and that step is taken here directly (a few
    microseconds, where ftfy spends 2 to 7 ms on a paragraph). Lines that mix mojibake with other
    text, and decoded lines that still look like mojibake (encoded twice), go to ftfy itself.
    """
    ftfy = _ftfy()
    if not ftfy.badness.is_bad(line):
        return line
    try:
        fixed = line.encode("sloppy-windows-1252").decode("utf-8")
    except UnicodeError:
        return ftfy.fix_encoding(line)
    # ftfy goes on while the result still looks like mojibake (encoded twice): so does this.
    return ftfy.fix_encoding(fixed) if ftfy.badness.is_bad(fixed) else fixed


def fix_surrogates(text: str) -> str:
    r"""Surrogate code points (a UTF-16 pair decoded as two characters, or half of one) become the
    character they encode, or U+FFFD: they are not text and cannot be written as UTF-8.

    >>> fix_surrogates("a\ud83d\ude00b\ud800")
    'a😀b\ufffd'
    """
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        import ftfy.fixes

        return ftfy.fixes.fix_surrogates(text)


def repair_surrogates(value: Any) -> Any:
    r"""A field's value with fix_surrogates applied to every string in it, keys too: what a
    caller hands the cleaner beside the text (a title, a url, fields carried into the record) must
    be writable as UTF-8, and the text's own repair is a recorded fix, made by normalize.

    >>> repair_surrogates({"title": "a\ud83d", "tags": ["\ud83d\ude00"], "n": 1})
    {'title': 'a\ufffd', 'tags': ['😀'], 'n': 1}
    """
    try:
        # orjson refuses a surrogate, and asks 0.2 microseconds of a document's fields where
        # walking them takes 1.7: only what it refuses is walked.
        orjson.dumps(value, option=orjson.OPT_NON_STR_KEYS)
        return value
    except orjson.JSONEncodeError as exc:
        if "ecursion" in str(exc):
            # Nested deeper than JSON output goes (255 levels): no walk, which would overflow
            # Python's stack past 500; the record's own dump refuses it, as a reject that says so.
            return value
        return _repaired(value)


def _repaired(value: Any) -> Any:
    """repair_surrogates' walk: each string of a value through fix_surrogates."""
    if isinstance(value, str):
        return fix_surrogates(value)
    if isinstance(value, dict):
        return {fix_surrogates(k) if isinstance(k, str) else k: _repaired(v)
                for k, v in value.items()}
    if isinstance(value, list):
        return [_repaired(v) for v in value]
    if isinstance(value, tuple):
        return tuple(_repaired(v) for v in value)
    return value


def unify_newlines(text: str) -> str:
    r"""CRLF, CR and Unicode line/paragraph separators become \n.

    >>> unify_newlines("a\r\nb\rc\u2029d")
    'a\nb\nc\nd'
    """
    if "\r" not in text and not _NEWLINE_HINT.search(text):
        return text
    return _NEWLINES.sub("\n", text)


def plain_spaces(text: str) -> str:
    r"""NBSP, tabs, the information separators and other odd spaces become a plain space.

    >>> plain_spaces("Baca juga:\u00a0Rusia"), plain_spaces("Delhi\x1fMetro")
    ('Baca juga: Rusia', 'Delhi Metro')
    """
    return _ODD_SPACES.sub(" ", text)


def drop_controls(text: str) -> str:
    r"""Control characters, zero-width spaces and BOMs go.

    >>> drop_controls("a\u0000b\u200bc\u0007")
    'abc'
    """
    return _CONTROLS.sub("", text)


def drop_bidi_marks(text: str) -> str:
    r"""Bidirectional marks go from a text with no right-to-left letters: there they order
    nothing and only hide in words and at line ends (a left-to-right mark pasted from a web
    page). In Arabic or Hebrew text they stay, as they order it.

    >>> drop_bidi_marks("60 persen dari PDB. \u200e"), drop_bidi_marks("unggah \u202cakun")
    ('60 persen dari PDB. ', 'unggah akun')
    >>> drop_bidi_marks("kata \u05e9\u05dc\u05d5\u05dd\u200e ok") == "kata \u05e9\u05dc\u05d5\u05dd\u200e ok"
    True
    """
    if _RIGHT_TO_LEFT.search(text):
        return text
    return _BIDI.sub("", text)


def tidy_lines(text: str) -> str:
    r"""Each line stripped, runs of spaces made one.

    >>> tidy_lines("  a   b \n\n c")
    'a b\n\nc'
    """
    # Most texts have nothing to tidy: plain substring tests are far cheaper than the subs.
    if "  " not in text and " \n" not in text and "\n " not in text \
            and text[:1] != " " and text[-1:] != " ":
        return text
    # Each line stripped by str.strip: a MULTILINE " +$" tried (and failed) at every space,
    # three times as long on an article, and on a 32 MB one-line text 0.43 s against 0.15. Its
    # runs made one line by line (none spans a line): the text is not copied whole first.
    return "\n".join([(_SPACE_RUNS.sub(" ", line) if "  " in line else line).strip(" ")
                      for line in text.split("\n")])


# (name, function) in the order they run; the names appear in a record's "fixes".
FIXES = (
    ("fix_surrogates", fix_surrogates),
    ("fix_mojibake", fix_mojibake),
    ("strip_tags", strip_tags),
    ("unescape_references", unescape_references),
    ("unify_newlines", unify_newlines),
    ("plain_spaces", plain_spaces),
    ("drop_controls", drop_controls),
    ("drop_bidi_marks", drop_bidi_marks),
    ("nfc", lambda t: t if t.isascii() else unicodedata.normalize("NFC", t)),
    ("tidy_lines", tidy_lines),
)


# Per fix, an RE2 pattern over the UTF-8 text that matches wherever the fix could change the
# text: most documents match none of them, and one RE2 set pass (a few microseconds) then stands
# in for the fixes' own passes (about 12 microseconds each on a 2 KB document). Fixes are
# hinted one by one because accented letters alone (é, ü) put 4% of the benchmark's documents
# under the one hint all fixes used to share, where each of them then read the text for nothing.
# fix_surrogates is hinted by the text not encoding at all; nfc by unicodedata (not_nfc).
FIX_HINTS = {
    "fix_mojibake": _MOJIBAKE_HINT.pattern,
    "strip_tags": TAG_HINT,
    "unescape_references": REFERENCE_HINT,
    "unify_newlines": "[\r\u2028\u2029\u0085\u000b\u000c]",
    "plain_spaces": _ODD_SPACES.pattern,
    "drop_controls": _CONTROLS.pattern,
    "drop_bidi_marks": _BIDI.pattern,
    "tidy_lines": "(?m)  |^ | $",
}
_HINT_NAMES = tuple(FIX_HINTS)
_EVERY_FIX = frozenset(name for name, _ in FIXES)
_NO_FIX: frozenset[str] = frozenset()


def hint_set() -> re2.Set:
    """An uncompiled RE2 set of FIX_HINTS, pattern i naming FIX_HINTS' i-th fix: first_look
    adds its own patterns after them."""
    hints = re2.Set.SearchSet()
    for pattern in FIX_HINTS.values():
        hints.Add(pattern)
    return hints


def _match_hints():
    hints = hint_set()
    hints.Compile()
    return set_match(hints)


_MATCH_HINTS = _match_hints()


def fixes_hinted(text: str, found: Collection[int] | None = None,
                 maybe_not_nfc: bool = True) -> frozenset[str]:
    r"""The fixes that may change the text: never one left out that would.

    `found`: the indexes of the FIX_HINTS patterns an RE2 set found in the text's UTF-8, when
    the caller has matched them already (cleaner.first_look). `maybe_not_nfc`: False where the
    caller found no NFC_HINT in the text, which is then in normal form C.

    >>> sorted(fixes_hinted("Isi berita.\nBaris dua.")), sorted(fixes_hinted("Isi\u00a0berita  baru"))
    ([], ['plain_spaces', 'tidy_lines'])
    """
    if found is None:
        try:
            found = _MATCH_HINTS(text.encode("utf-8")) or ()
        except UnicodeEncodeError:          # surrogates: every fix may have work after the repair
            return _EVERY_FIX
    nfc = maybe_not_nfc and not_nfc(text)
    if not found and not nfc:         # most documents: nothing to look up
        return _NO_FIX
    names = {_HINT_NAMES[index] for index in found if index < len(_HINT_NAMES)}
    if nfc:
        names.add("nfc")
    return frozenset(names)


def not_nfc(text: str) -> bool:
    """Whether the text is not in Unicode normal form C (ASCII always is)."""
    return not text.isascii() and not unicodedata.is_normalized("NFC", text)


# The blocks whose characters nearly every Latin-script text is written in (Latin letters with
# accents, Greek, the general punctuation: curly quotes, dashes, "…", currency signs, ™).
_NFC_BLOCKS = ((0x0000, 0x02FF), (0x0370, 0x03FF), (0x2000, 0x206F), (0x20A0, 0x20CF),
               (0x2100, 0x214F))


def _nfc_hint() -> str:
    """An RE2 class of every character but those of _NFC_BLOCKS that a text in normal form C
    can hold anywhere: a character that combines with none before it (combining class 0, no
    composition takes it second: tests/test_normalize_nfc_hint.py checks), and normalizes to
    itself. A text without a match is in normal form C."""
    runs: list[list[int]] = []
    for first, last in _NFC_BLOCKS:
        for code in range(first, last + 1):
            char = chr(code)
            if unicodedata.combining(char) or unicodedata.normalize("NFC", char) != char:
                continue
            if runs and runs[-1][1] == code - 1:
                runs[-1][1] = code
            else:
                runs.append([code, code])
    return "[^" + "".join(f"\\x{{{a:04x}}}-\\x{{{b:04x}}}" for a, b in runs) + "]"


# Where NFC may change a text (first_look matches it with the other hints): unicodedata's own
# check reads a 2 KB text that is not ASCII in about 3.7 microseconds, and 28% of the
# benchmark's texts are not (curly quotes, é), where only 0.2% hold a character of this class.
NFC_HINT = _nfc_hint()


# The fixes for markup left in a text field: a page's extracted article has none left, and a
# "<b>" or "&amp;" in it is what the page shows (normalize's `skip`).
MARKUP_FIXES = frozenset({"strip_tags", "unescape_references"})


def normalize(text: str, hinted: Collection[str] | None = None,
              skip: Collection[str] = ()) -> tuple[str, list[str]]:
    """Run every fix but those in `skip`; return the text and the names of the fixes that
    changed it.

    `hinted`: fixes_hinted(text), when the caller knows it already (cleaner.first_look). Fixes
    not hinted are skipped until one fix changes the text; every fix after that runs, since the
    hints were taken from the text before it.
    """
    if hinted is None:
        hinted = fixes_hinted(text)
    if skip:
        hinted = frozenset(hinted).difference(skip)
    if not hinted:
        return text, []
    applied: list[str] = []
    for name, fix in FIXES:
        if name in skip:
            continue
        if applied or name in hinted:
            fixed = fix(text)
            if fixed != text:
                applied.append(name)
                text = fixed
    return text, applied
