"""What the extractor left out of a page: its text runs missing from the extracted text, in page order."""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort

from lxml import etree
from lxml.html import HtmlElement

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


def page_runs(tree: HtmlElement) -> list[str]:
    """The visible text of a page's body as runs between block edges, whitespace collapsed.

    >>> from lxml import html
    >>> page_runs(html.fromstring("<html><body><div>Menu <b>Home</b><p>Isi  berita.</p>"
    ...                           "ekor</div><script>x()</script></body></html>"))
    ['Menu Home', 'Isi berita.', 'ekor']
    """
    body = tree.find("body")
    return text_runs(tree if body is None else body)


def text_runs(root: HtmlElement, inline_edge: str = "") -> list[str]:
    """An element's visible text as runs between block edges, whitespace collapsed;
    `inline_edge` is put at the edges of inline elements too (" | " parts a byline's names
    from the desk after them)."""
    runs: list[str] = []
    pieces: list[str] = []

    def close() -> None:
        if pieces and (run := " ".join("".join(pieces).split())):
            runs.append(run)
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
    """The runs, or pieces of them, that the extracted text does not hold, in page order.

    Each place in the extracted text accounts for one run only, so a paragraph repeated on the
    page and kept once is left out once. Long runs are placed first, longest first, so that a
    pull quote repeating a sentence of a kept paragraph is the one left out; each short run is
    looked for only between the places of the long runs around it in the page.

    >>> left_out(["Home", "News", "A long paragraph of the article, with all its words.",
    ...           "Share", "A long paragraph of the article, with all its words."],
    ...          "A long paragraph of the article, with all its words.\\nNews")
    ['Home', 'News', 'Share', 'A long paragraph of the article, with all its words.']
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
    lost: list[str] = []
    low = 0
    for index, run in enumerate(runs):
        if index in found:
            low = found[index][1]
        elif len(run) >= ANCHOR_CHARS:
            lost.extend(_lost_pieces(text, pairs, run, taken))
        else:
            after = bisect_right(anchors, index)
            high = found[anchors[after]][0] if after < len(anchors) else len(text)
            if _find(text, run, taken, low, max(high, low)) is None:
                lost.append(run)
    return lost


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
                 taken: list[tuple[int, int]]) -> list[str]:
    """A long run not found whole: the runs of its words that the text does not hold, where the
    kept pieces are at least PIECE_WORDS words long (an extractor that cut a link or an inline
    ad out of a paragraph kept the rest). A piece whose every place is taken already (a
    paragraph repeated on the page) is lost."""
    words = run.split()
    lost: list[str] = []
    gap: list[str] = []
    i = 0
    while i < len(words):
        j = _held_until(text, pairs, words, i)
        if j - i >= PIECE_WORDS and _find(text, " ".join(words[i:j]), taken, 0, len(text)):
            if gap:
                lost.append(" ".join(gap))
                gap = []
        else:
            gap.extend(words[i:max(j, i + 1)])
        i = max(j, i + 1)
    if gap:
        lost.append(" ".join(gap))
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
