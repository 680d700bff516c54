"""What the extractor left out of a page: its text runs missing from the extracted text, in page order."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort

from lxml import etree
from lxml.html import HtmlElement

from cleaner.normalize import MARKUP_FIXES, normalize

# Elements whose edges end a run of text: the blocks an extractor keeps or drops whole.
BLOCK_TAGS = frozenset((
    "address", "article", "aside", "blockquote", "body", "button", "caption", "dd", "details",
    "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2",
    "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "label", "legend", "li", "main", "menu",
    "nav", "ol", "optgroup", "option", "p", "pre", "section", "select", "summary", "table",
    "tbody", "td", "tfoot", "th", "thead", "tr", "ul"))
# Elements whose text no reader sees.
HIDDEN_TAGS = frozenset(("script", "style", "noscript", "template", "head", "title", "textarea"))
# A run of this many characters or more is located anywhere in the extracted text; a shorter one
# ("Home", "Share", a date) only between the long runs around it, where the extractor would have
# put it: found elsewhere, its words are another sentence's.
ANCHOR_CHARS = 40
# Inside a run the extractor kept only in part, a kept piece must be this many words long: one
# or two common words are found anywhere.
PIECE_WORDS = 4
# The space characters HTML collapses when it renders a page (a no-break space is not one): a
# run "as written" keeps every other character, so that the repairs its text needs can be read.
_HTML_SPACES = re.compile("[ \t\n\r\f]+")
# The fixes made to a page's text before extraction (load_page: mojibake, lone surrogates) or not
# made to extracted text at all (markup: a "<b>" in a page's text is what the page shows).
PAGE_DONE_FIXES = MARKUP_FIXES | {"fix_surrogates", "fix_mojibake"}
# The fix a page's record names where the extractor dropped, from text it kept, characters a
# text dump of that text keeps (as_extracted: a zero-width joiner in an emoji, bidi marks in
# right-to-left text, private-use characters): the record's text then differs from the dump's.
EXTRACTOR_FIX = "extractor_controls"


def page_runs(tree: HtmlElement, written: list[str] | None = None) -> list[str]:
    """The visible text of a page's body as runs between block edges, whitespace collapsed;
    each run as written (only the spaces HTML collapses made one) is added to `written`.

    >>> from lxml import html
    >>> page_runs(html.fromstring("<html><body><div>Menu <b>Home</b><p>Isi  berita.</p>"
    ...                           "ekor</div><script>x()</script></body></html>"))
    ['Menu Home', 'Isi berita.', 'ekor']
    """
    body = tree.find("body")
    return text_runs(tree if body is None else body, written=written)


def text_runs(root: HtmlElement, inline_edge: str = "",
              written: list[str] | None = None) -> list[str]:
    """An element's visible text as runs between block edges, whitespace collapsed;
    `inline_edge` is put at the edges of inline elements too (" | " parts a byline's names
    from the desk after them). `written` gets each run as written: only the spaces HTML
    collapses (_HTML_SPACES) made one, no-break spaces and invisible characters kept."""
    runs: list[str] = []
    pieces: list[str] = []

    def close() -> None:
        if pieces:
            joined = "".join(pieces)
            run = " ".join(joined.split())
            if run:
                runs.append(run)
                if written is not None:
                    written.append(_HTML_SPACES.sub(" ", joined).strip(" "))
        pieces.clear()

    walker = etree.iterwalk(root, events=("start", "end", "comment", "pi"))
    for event, el in walker:
        tag = el.tag
        if event == "start":
            if tag in HIDDEN_TAGS:
                walker.skip_subtree()        # scripts, styles: no text a reader sees
                continue
            if tag in BLOCK_TAGS:
                close()
            elif tag == "br":                # a line break parts words as a space does
                pieces.append("\n")
            elif inline_edge:
                pieces.append(inline_edge)
            if el.text:
                pieces.append(el.text)
            continue
        if event == "end" and tag in BLOCK_TAGS:
            close()
        elif event == "end" and inline_edge:
            pieces.append(inline_edge)
        # The text after an element (or a comment) is its parent's.
        if el.tail and el is not root:
            pieces.append(el.tail)
    close()
    return runs


def left_out(runs: list[str], extracted: str) -> list[str]:
    """The runs, or pieces of them, that the extracted text does not hold, in page order
    (lost_pieces without their runs' indexes).

    >>> left_out(["Home", "News", "A long paragraph of the article, with all its words.",
    ...           "Share", "A long paragraph of the article, with all its words."],
    ...          "A long paragraph of the article, with all its words.\\nNews")
    ['Home', 'News', 'Share', 'A long paragraph of the article, with all its words.']
    """
    return [piece for _, piece in lost_pieces(runs, extracted)]


def lost_pieces(runs: list[str], extracted: str,
                shown: list[str] | None = None) -> list[tuple[int, str]]:
    """The runs, or pieces of them, that the extracted text does not hold, in page order, each
    with its run's index; given as `shown` gives each run (the record's form of it), where given.

    Each place in the extracted text accounts for one run only, so a paragraph repeated on the
    page and kept once is left out once. Long runs are placed first, longest first, so that a
    pull quote repeating a sentence of a kept paragraph is the one left out; each short run is
    looked for only between the places of the long runs around it in the page.

    >>> lost_pieces(["Home", "A paragraph kept here, IKLAN BELI with all of its words."],
    ...             "A paragraph kept here, with all of its words.")
    [(0, 'Home'), (1, 'IKLAN BELI')]
    """
    tokens = extracted.split()
    text = " " + " ".join(tokens) + " "
    pairs = set(zip(tokens, tokens[1:]))       # what the text holds two words long, at hand
    taken: list[tuple[int, int]] = []          # spans of the text accounted for
    found: dict[int, tuple[int, int]] = {}     # long run's index -> its place in the text
    longest_first = sorted((index for index, run in enumerate(runs) if len(run) >= ANCHOR_CHARS),
                           key=lambda index: -len(runs[index]))
    for index in longest_first:
        span = _find(text, runs[index], taken, 0, len(text))
        if span is not None:
            found[index] = span
    anchors = sorted(found)
    lost: list[tuple[int, str]] = []
    low = 0
    for index, run in enumerate(runs):
        if index in found:
            low = found[index][1]
        elif len(run) >= ANCHOR_CHARS:
            lost.extend((index, piece) for piece in _lost_pieces(
                text, pairs, run, taken, None if shown is None else shown[index]))
        else:
            after = bisect_right(anchors, index)
            high = found[anchors[after]][0] if after < len(anchors) else len(text)
            if _find(text, run, taken, low, max(high, low)) is None:
                lost.append((index, run if shown is None else shown[index]))
    return lost


def as_text_gets_it(lines: list[str]) -> list[str]:
    """Lines of a page's text, their spaces made one already (page_runs' runs, the extracted
    text's lines), as the record's text gets them, one for one: through normalize's fixes (but
    those not made to extracted text: PAGE_DONE_FIXES), spaces as one.

    >>> as_text_gets_it(["Head libr\u00adarian", "and more\u200b", "\u200eSkipper"])
    ['Head librarian', 'and more', 'Skipper']
    """
    # (No character is left in a line that normalize would make a line break, \u2028 or \x85:
    # str.split takes them as spaces. So the lines stay one for one.)
    fixed, applied = normalize("\n".join(lines), skip=PAGE_DONE_FIXES)
    if not applied:                 # most pages: nothing to repair, nothing to split again
        return lines
    out = [" ".join(line.split()) for line in fixed.split("\n")]
    return out if len(out) == len(lines) else lines


def as_extracted(line: str) -> str:
    """A line, its spaces made one already, as the extractor leaves its text, for comparing:
    without the characters it drops that normalize keeps (trafilatura's
    remove_control_characters: a zero-width joiner, bidi marks in right-to-left text), spaces
    as one. Those are not text left out."""
    if line.isprintable():          # (a quick scan in C: nearly every line)
        return line
    from trafilatura.utils import remove_control_characters  # (imported with the extractors)

    return " ".join(remove_control_characters(line).split())


def left_out_written(runs: list[str], written: list[str],
                     extracted: str) -> tuple[list[str], list[str], list[str]]:
    """What a page's runs (page_runs: `runs`, and `written`, the same as written) hold that the
    extracted text does not, both compared as the record's text gets them (as_text_gets_it,
    then as_extracted), in page order and as the record's text would show them; the fixes the
    runs the text kept needed, as a text dump of them lists them (normalize's names: the
    extractor made those repairs before normalize saw the text), and EXTRACTOR_FIX where the
    extractor dropped characters from them that the dump keeps; and the fixes the text stages
    will find in the extracted text only because of that drop (`tidy_lines`: the two spaces
    around a dropped character), which the dump does not need.

    >>> left_out_written(["Menu utama", "Crews from\u200b the fire station joined in."],
    ...                  ["Menu\u00a0utama", "Crews from\u200b the fire station joined in."],
    ...                  "Crews from the fire station joined in.")
    (['Menu utama'], ['drop_controls'], [])
    >>> left_out_written(["The icon \ue000 shows the share button of the news site."],
    ...                  ["The icon \ue000 shows the share button of the news site."],
    ...                  "The icon  shows the share button of the news site.")
    ([], ['extractor_controls'], ['tidy_lines'])
    """
    if len(written) != len(runs):   # (an Extraction made without them)
        written = runs
    shown = as_text_gets_it(runs)
    keys = [as_extracted(run) for run in shown]
    indexes = [index for index, key in enumerate(keys) if key]
    lines = as_text_gets_it([" ".join(line.split()) for line in extracted.split("\n")])
    text = "\n".join(as_extracted(line) for line in lines)
    lost = lost_pieces([keys[index] for index in indexes], text,
                       [shown[index] for index in indexes])
    whole = {indexes[at] for at, piece in lost if piece == shown[indexes[at]]}
    kept = "\n".join(written[index] for index in indexes if index not in whole)
    kept, fixes = normalize(kept, skip=PAGE_DONE_FIXES)
    caused: list[str] = []
    dropped = extractor_dropped(kept, "\n".join(lines))
    if dropped:
        fixes.append(EXTRACTOR_FIX)
        if "tidy_lines" not in fixes and "  " in _without(kept, dropped):
            caused.append("tidy_lines")
    return [piece for _, piece in lost], fixes, caused


def extractor_dropped(kept: str, extracted: str) -> frozenset[str]:
    r"""The characters of `kept` (text as the record's text gets it) that the extractor drops
    (as_extracted) and that `extracted` holds fewer of; none where it holds them all (another
    extractor's text may).

    >>> flag = "\U0001f3f3\ufe0f\u200d\U0001f308"
    >>> sorted(extractor_dropped(f"A {flag} flag\n\ue000", "A \U0001f3f3\ufe0f\U0001f308 flag"))
    ['\u200d', '\ue000']
    >>> extractor_dropped(f"A {flag}", f"A {flag}"), extractor_dropped("plain\ntext", "")
    (frozenset(), frozenset())
    """
    if kept.replace("\n", " ").isprintable():      # (a quick scan in C: nearly every page)
        return frozenset()
    # Each distinct character read once, and counted in C: a page holds few of them.
    return frozenset(char for char in set(kept)
                     if not char.isprintable() and not char.isspace()
                     and extracted.count(char) < kept.count(char))


def _without(text: str, chars: frozenset[str]) -> str:
    """The text without the given characters."""
    return text.translate({ord(char): None for char in chars})


def _find(text: str, run: str, taken: list[tuple[int, int]], low: int,
          high: int) -> tuple[int, int] | None:
    """The first place of the run in text[low:high], between word edges and not taken yet; the
    place is then taken."""
    needle = f" {run} "
    at = text.find(needle, max(low - 1, 0), high + 1)
    while at >= 0:
        span = (at + 1, at + len(needle) - 1)
        # The places taken never overlap, so only the last one starting before this one ends
        # can reach into it.
        before = bisect_left(taken, (span[1],))
        if before == 0 or taken[before - 1][1] <= span[0]:
            insort(taken, span)
            return span
        at = text.find(needle, at + 1, high + 1)
    return None


def _lost_pieces(text: str, pairs: set[tuple[str, str]], run: str,
                 taken: list[tuple[int, int]], shown: str | None = None) -> list[str]:
    """A long run not found whole: the runs of its words that the text does not hold, where the
    kept pieces are at least PIECE_WORDS words long (an extractor that cut a link or an inline
    ad out of a paragraph kept the rest). A piece whose every place is taken already (a
    paragraph repeated on the page) is lost. The pieces are given in the words of `shown` (the
    run as the record shows it) where it has as many words as the run."""
    words = run.split()
    out = shown.split() if shown is not None else words
    if len(out) != len(words):
        out = words
    lost: list[str] = []
    start = 0                       # where the words not held since the last kept piece begin
    i = 0
    while i < len(words):
        j = _held_until(text, pairs, words, i)
        if j - i >= PIECE_WORDS and _find(text, " ".join(words[i:j]), taken, 0, len(text)):
            if start < i:
                lost.append(" ".join(out[start:i]))
            start = j
        i = max(j, i + 1)
    if start == 0 and shown is not None:
        # Nothing of it kept: the run whole, as the record shows it, with the characters the
        # extractor drops and a text dump keeps (a joiner in an emoji) whatever its words.
        return [shown]
    if start < len(words):
        lost.append(" ".join(out[start:]))
    return lost


def _held_until(text: str, pairs: set[tuple[str, str]], words: list[str], i: int) -> int:
    """The largest j such that the text holds words[i:j] between word edges, at most i + 1 if
    it does not hold words[i:i + 2]; doubling, then halving, so that a long kept piece costs few
    searches. (A piece under PIECE_WORDS words is lost whatever its length.)"""
    def held(j: int) -> bool:
        return f" {' '.join(words[i:j])} " in text

    if i + 1 >= len(words) or (words[i], words[i + 1]) not in pairs:
        return i + 1
    good, step = i + 2, 1
    while good < len(words) and held(min(good + step, len(words))):
        good, step = min(good + step, len(words)), step * 2
    bad = min(good + step, len(words) + 1)
    while bad - good > 1:
        middle = (good + bad) // 2
        good, bad = (middle, bad) if held(middle) else (good, middle)
    return good
