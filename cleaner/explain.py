"""Show a person what the cleaner did to a document: every removal marked with its rule, and the metadata."""

from __future__ import annotations

import re
import textwrap
from bisect import bisect_left, bisect_right
from collections import defaultdict
from functools import lru_cache
from heapq import merge
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Mapping, NamedTuple, Sequence

from cleaner.document import MAX_REMOVED_CHARS, cut_short
from cleaner.inputs import shown_id
from cleaner.rulefile import builtin_rules_dir
from cleaner.wording import counted

RED, GREEN, DIM, BOLD, RESET = "\033[31m", "\033[32m", "\033[2m", "\033[1m", "\033[0m"
# The columns the legend's lines are wrapped to where no terminal says its width, and the
# fewest they are wrapped to whatever a terminal says (it may say 0).
WIDTH = 100
MIN_WIDTH = 40
# How much of a removal made before a page's text had lines is shown (its spaces made one).
SHOWN_CHARS = 160
# What cut_short puts after the part of a long removal a record keeps (" …").
CUT_MARK = cut_short("x" * (MAX_REMOVED_CHARS + 1))[MAX_REMOVED_CHARS:]
# So many of the extractor's other leavings are listed as they are; more are summed up (how many,
# and the first EXAMPLES of them, each cut at EXAMPLE_CHARS) unless every removal is asked for.
LISTED_NOISE = 5
EXAMPLES = 6
EXAMPLE_CHARS = 40


def _paint(text: str, *codes: str, color: bool) -> str:
    return f"{''.join(codes)}{text}{RESET}" if color else text


def rule_sources(packs: Iterable[Any]) -> dict[str, tuple[str, str]]:
    """Each loaded rule's id (and alias) -> its pack's file and its description."""
    shipped = Path(str(builtin_rules_dir()))
    return {name: (_pack_file(pack.path, shipped), rule.description) for pack in packs
            for rule in pack.rules for name in (rule.id, *rule.aliases)}


def _pack_file(path: str, shipped: Path) -> str:
    """A pack's file as a reader looks for it: a shipped one as `rules/...` (where the package
    was installed is no help, and differs between installs), a user's as given.

    >>> _pack_file("/opt/x/cleaner/rules/lang/es.toml", Path("/opt/x/cleaner/rules"))
    'rules/lang/es.toml'
    >>> _pack_file("my/site.toml", Path("/opt/x/cleaner/rules"))
    'my/site.toml'
    """
    try:
        return (Path("rules") / Path(path).relative_to(shipped)).as_posix()
    except ValueError:
        return path


def explain(normalized: str, record: dict[str, Any], color: bool = False,
            rules: Mapping[str, tuple[str, str]] | None = None, width: int = WIDTH,
            every: bool = False, places: Mapping[int, str] | None = None,
            unfired: Sequence[tuple[int, str, str]] = ()) -> str:
    """The normalized input line by line, removals as [-text-]<rule>, then meta and flags; with
    `rules` (rule_sources), a legend of the rules that removed something: file, description,
    wrapped to `width` columns. What a page's extractor left out that reads as prose is shown
    first, in full, with where it sat (`places`: its index among the record's removals at
    line 0 -> where, as places_left_out says it); the rest of the extractor's leavings are
    summed up unless `every` removal is asked for. `unfired`: (line, rule, why) for lines a
    rule's pattern matches that it did not take, listed after the legend."""
    by_line: dict[int, list[dict]] = defaultdict(list)
    for removal in record["removed"]:
        by_line[removal["line"]].append(removal)
    out = [_paint(f"== {shown_id(str(record['id']))}", BOLD, color=color)]
    meta = {k: v for k, v in record["meta"].items() if v not in (None, [], "")}
    for key, value in meta.items():
        shown = ", ".join(value) if isinstance(value, list) else value
        out.append(f"   {key:9s} {_paint(str(shown), GREEN, color=color)}")
    for flag in record.get("flags", []):
        out.append(_paint(f"   FLAG {flag.get('flag')}: {flag.get('rule', '')} {flag.get('reason', '')}",
                          RED, BOLD, color=color))
    if record.get("fixes"):
        out.append(f"   fixes     {', '.join(record['fixes'])}")
    out.append("")
    out.extend(_before_the_text(by_line.pop(0, []), color, every, places or {}, width))
    for number, line in enumerate(normalized.split("\n"), start=1):
        if not line:
            continue
        pieces, pos = [], 0
        for removal in sorted(by_line.get(number, []), key=lambda r: r["col"]):
            col = removal["col"]
            pieces.append(line[pos:col])
            label = removal["rule"] + (f" -> {','.join(removal['fields'])}" if removal.get("fields") else "")
            pieces.append(_paint(f"[-{removal['text']}-]", RED, color=color)
                          + _paint(f"<{label}>", DIM, color=color))
            pos = col + len(removal["text"])
        pieces.append(line[pos:])
        out.append(f"{number:4d}  " + "".join(pieces))
    removed_chars = sum(len(r["text"]) for r in record["removed"])
    out.append("")
    out.extend(_legend(record, rules or {}, width))
    out.extend(_unfired_lines(unfired, width))
    out.append(f"   {counted(len(record['removed']), 'removal')}, "
               f"{counted(removed_chars, 'character')}; "
               f"{counted(len(record['text']), 'character')} of text kept")
    return "\n".join(out)


def explain_document(normalized: str, record: dict[str, Any], packs: Iterable[Any],
                     page: bytes | str | None = None) -> str:
    """What `cleaner explain` shows of a cleaned document (its normalized text and its record),
    without colour, its legend naming the `packs`' rules, as Cleaner.explain gives it; with the
    `page` it was extracted from, where on it the prose its extractor left out sat."""
    places = page_places(page, record, normalized) if page is not None else {}
    return explain(normalized, record, rules=rule_sources(packs), places=places)


def page_places(page: bytes | str, record: Mapping[str, Any], normalized: str,
                charset: str | None = None) -> dict[int, str]:
    """Where the prose a page's extractor left out sat among its text's lines (places_left_out),
    found from the page's text runs, as the record does not say it; none where nothing left out
    reads as prose, or the page cannot be read again (it was read once: this is only a help to
    the eye)."""
    if not any(map(reads_as_prose, record["removed"])):
        return {}
    from cleaner.html_left_out import as_text_gets_it, page_runs      # lxml: only for a page
    from cleaner.html_load import load_page

    try:
        tree, _, _ = load_page(page, charset)
        return places_left_out(as_text_gets_it(page_runs(tree)), record, normalized)
    except Exception:           # explain shows the record all the same
        return {}


class _Extractor(NamedTuple):
    """What explain needs of the HTML extractor: its rule id, what reads as prose among its
    leavings, and how long a page's run must be to place one."""

    rule: str
    reads_as_sentence: Callable[[str], bool]
    anchor_chars: int


@lru_cache(maxsize=1)
def _extractor() -> _Extractor:
    """The extractor's words, imported when first needed: html_extract brings lxml, which the
    CLI would otherwise load for every command (3.4 MB in each worker of a run)."""
    # A leaving reads as prose when it holds a sentence, as html_extract tells stripped text
    # that does: a lost paragraph of the article does; menus, labels, links, headlines do not.
    from cleaner.html_extract import EXTRACTOR_RULE, reads_as_sentence
    from cleaner.html_left_out import ANCHOR_CHARS
    return _Extractor(EXTRACTOR_RULE, reads_as_sentence, ANCHOR_CHARS)


def _before_the_text(before: list[dict], color: bool, every: bool,
                     places: Mapping[int, str], width: int) -> list[str]:
    """The lines showing the removals made before the text had lines: what the extractor left
    out that reads as prose, in full, with where it sat; then the others, each cut at
    SHOWN_CHARS, the extractor's (menus, labels, links) summed up where there are more than
    LISTED_NOISE of them. Given `every`, the second list holds every removal, in order."""
    if not before:
        return []
    out: list[str] = []
    prose = [(index, r) for index, r in enumerate(before) if reads_as_prose(r)]
    if prose:
        # A lost paragraph of the article is what a reader looks for here: first, whole (as
        # far as the record keeps it), and where it sat among the numbered lines below.
        out.append(f"   left out by the extractor, reading as prose ({len(prose)}):")
        for index, removal in prose:
            where = places.get(index, "place unknown")
            out.append(f"      {where}: " + _paint(f"[-{' '.join(removal['text'].split())}-]",
                                                   RED, color=color)
                       + _paint(f"<{removal['rule']}>", DIM, color=color)
                       + (" (cut here: the record keeps its first "
                          f"{MAX_REMOVED_CHARS} characters)" if was_cut(removal["text"]) else ""))
        out.append("")
    rule = _extractor().rule
    noise = [r for r in before if r["rule"] == rule and not reads_as_prose(r)]
    summed = not every and len(noise) > LISTED_NOISE
    # Removals before the text had lines: a web page's markup stripped and what the extractor
    # left out (html/not-extracted), a text field's comments and scripts (markup/hidden). Long
    # ones are cut here, counted in the total below.
    listed = [r for r in before if every or not (
        reads_as_prose(r) or (summed and r["rule"] == rule))]   # else above, or summed
    if not listed and not summed:
        return out
    out.append(f"   before the text had lines ({len(before)} removed):")
    for removal in listed:
        text = " ".join(removal["text"].split())
        if len(text) > SHOWN_CHARS:
            text = f"{text[:SHOWN_CHARS]}... (+{counted(len(text) - SHOWN_CHARS, 'character')}"
            cut = was_cut(removal["text"])
            text += f", the record keeps its first {MAX_REMOVED_CHARS})" if cut else ")"
        out.append("      " + _paint(f"[-{text}-]", RED, color=color)
                   + _paint(f"<{removal['rule']}>", DIM, color=color))
    if summed:
        examples = ", ".join(repr(_cut(" ".join(r["text"].split()), EXAMPLE_CHARS))
                             for r in noise[:EXAMPLES])
        out.extend(textwrap.wrap(
            f"{counted(len(noise), 'other run')} the extractor left out ({rule}), "
            f"none reading as prose: {examples}, ... (--all lists them)", max(width, MIN_WIDTH),
            initial_indent="      ", subsequent_indent="        ", break_long_words=False,
            break_on_hyphens=False))
    out.append("")
    return out


def reads_as_prose(removal: Mapping[str, Any]) -> bool:
    """Whether a removal is the extractor's and reads as prose (_extractor): a lost paragraph, not a
    menu's word.

    >>> lead = "Harga beras turun lagi pekan ini di pasar Jakarta, kata dia."
    >>> reads_as_prose({"rule": "html/not-extracted", "text": lead})
    True
    >>> reads_as_prose({"rule": "html/not-extracted",
    ...                 "text": "Henry Cavill Says He's Still Superman, Despite Reports"})
    False
    >>> reads_as_prose({"rule": "html/chrome-sidebar", "text": lead})
    False
    """
    extractor = _extractor()
    return removal["rule"] == extractor.rule and extractor.reads_as_sentence(removal["text"])


def was_cut(text: str) -> bool:
    """Whether a removal's text is one the record cut at MAX_REMOVED_CHARS (cut_short).

    >>> was_cut(cut_short("x" * 600)), was_cut("x" * 500), was_cut("Dan seterusnya …")
    (True, False, False)
    """
    return len(text) == MAX_REMOVED_CHARS + len(CUT_MARK) and text.endswith(CUT_MARK)


def places_left_out(runs: list[str], record: Mapping[str, Any], normalized: str) -> dict[int, str]:
    """Where each of the extractor's leavings that reads as prose sat among the numbered lines
    of `normalized`, by its index among the record's removals at line 0: "before line 3",
    "between lines 1 and 3", "within line 5" (the rest of its paragraph kept there), "after
    line 46". `runs` are the page's text runs (html_left_out.page_runs); the record says no
    place, so each piece is found in a run (in page order), and that run placed between the
    nearest runs of html_left_out.ANCHOR_CHARS or more before and after it that a line holds (or that hold a
    line of as many: a paragraph kept in part). A piece no run holds, or a page no line of which
    is found, gets no place.

    >>> head = "A headline long enough to be placed by it"
    >>> lost = "The lost lead paragraph, which opens the story well."
    >>> kept = "The first kept paragraph of the article, in full."
    >>> record = {"removed": [{"rule": "html/not-extracted", "line": 0, "text": text}
    ...                       for text in ("Menu", lost)]}
    >>> places_left_out(["Menu", head, lost, kept], record, head + "\\n\\n" + kept)
    {1: 'between lines 1 and 3'}
    """
    lines = [" ".join(line.split()) for line in normalized.split("\n")]
    last = max((number for number, line in enumerate(lines, start=1) if line), default=0)
    in_runs = _Holders(runs)
    # The text keeps the page's order: a run found out of it (a related link repeating the
    # headline, near the page's end) is another copy, and places nothing.
    held = dict(_in_order(_anchors(in_runs, lines, _extractor().anchor_chars)))
    order = sorted(held)
    places: dict[int, str] = {}
    start = 0                       # the pieces are in page order: none sat before the last
    before = [removal for removal in record["removed"] if removal["line"] == 0]
    for at, removal in enumerate(before):
        if not reads_as_prose(removal):
            continue
        text = removal["text"][:-len(CUT_MARK)] if was_cut(removal["text"]) else removal["text"]
        found = next(in_runs.holding(" ".join(text.split()), start), None)
        if found is None:
            continue
        start = found
        place = _place(held, found, order, last)
        if place:
            places[at] = place
    return places


def _anchors(in_runs: _Holders, lines: list[str], anchor_chars: int) -> list[tuple[int, int]]:
    """Each of the page's runs (`in_runs`) of `anchor_chars` or more that a line holds, or that
    holds a line of as many, with the first such line's number: (the run's index, the line's
    number), in page order."""
    in_lines = _Holders(lines)
    holding: dict[int, int] = {}    # a run's index -> the first long line it holds
    seen: set[str] = set()          # (a line seen before: what holds it holds an earlier one)
    for number, line in enumerate(lines, start=1):
        if len(line) >= anchor_chars and line not in seen:
            seen.add(line)
            for index in in_runs.holding(line):
                if len(in_runs.texts[index]) >= anchor_chars:
                    holding.setdefault(index, number)
    anchors: list[tuple[int, int]] = []
    for index, run in enumerate(in_runs.texts):
        if len(run) >= anchor_chars:
            held_in = next(in_lines.holding(run), None)     # (lines counted from 1)
            numbers = [n for n in (None if held_in is None else held_in + 1, holding.get(index))
                       if n is not None]
            if numbers:
                anchors.append((index, min(numbers)))
    return anchors


# A page's runs and lines are looked up by what they hold (_Holders): by the GRAM characters
# after each space in them, and (for scripts written without spaces) at every STEP-th character.
# The runs and lines looked for have ANCHOR_CHARS (40) characters or more, and lost prose over
# MIN_PROSE_CHARS (40): over GRAM + STEP - 1, so no text need be searched whole.
GRAM = 16
STEP = 16


class _Holders:
    """Some texts, indexed to say which hold a given text without searching each (searching
    each made placing a page's lost prose take time in the square of its size).

    A text holding the query holds, after each space of the query, its next GRAM characters
    where the text has them after a space: indexed; so only the texts indexed by the rarest of
    these are searched. A query with no space GRAM characters from its end holds, in any text
    holding it, one of its first STEP grams at an indexed STEP-th place (given GRAM + STEP - 1
    characters); a shorter one is searched for in every text.

    >>> holders = _Holders(["a b", "the lead paragraph of the story", "the lead paragraph"])
    >>> [list(holders.holding(query, start)) for query, start in
    ...  ((" lead paragraph of the", 0), ("b", 0), ("the lead paragraph", 2))]
    [[1], [0], [2]]
    """

    def __init__(self, texts: list[str]) -> None:
        self.texts = texts
        self.grams: dict[str, list[int]] = defaultdict(list)   # a gram -> the texts, in order
        for number, text in enumerate(texts):
            grams = set(_AFTER_SPACE.findall(text))
            grams.update(text[place:place + GRAM] for place in range(0, len(text) - GRAM + 1, STEP))
            for gram in grams:
                self.grams[gram].append(number)

    def holding(self, query: str, start: int = 0) -> Iterator[int]:
        """The indexes of the texts holding `query`, from `start` on, in order (lazily: the
        first is found without searching the rest)."""
        texts = self.texts
        return (number for number in self._candidates(query, start)
                if number >= start and query in texts[number])

    def _candidates(self, query: str, start: int) -> Iterable[int]:
        """The indexes of the texts that may hold `query`, in order (one may come twice)."""
        keys = _AFTER_SPACE.findall(query)
        if keys:
            numbers = min((self.grams.get(key, []) for key in keys), key=len)
            return numbers[bisect_left(numbers, start):]
        if len(query) >= GRAM + STEP - 1:
            return merge(*(self.grams.get(query[at:at + GRAM], []) for at in range(STEP)))
        return range(start, len(self.texts))


# The GRAM characters after each space that has so many after it.
_AFTER_SPACE = re.compile(" (?=(.{%d}))" % GRAM, re.DOTALL)


def _in_order(found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The most of `found` (run index, line number; by run index) whose line numbers never go
    down: a longest non-decreasing subsequence.

    >>> _in_order([(1, 1), (2, 3), (4, 5), (5, 1), (7, 6), (11, 1)])
    [(1, 1), (2, 3), (4, 5), (7, 6)]
    """
    tails: list[int] = []           # the least last line of a run of each length
    ends: list[int] = []            # where in `found` that run ends
    parent: list[int] = []
    for at, (_, line) in enumerate(found):
        length = bisect_right(tails, line)
        parent.append(ends[length - 1] if length else -1)
        if length == len(tails):
            tails.append(line)
            ends.append(at)
        else:
            tails[length], ends[length] = line, at
    kept: list[tuple[int, int]] = []
    at = ends[-1] if ends else -1
    while at >= 0:
        kept.append(found[at])
        at = parent[at]
    return kept[::-1]


def _place(held: Mapping[int, int], index: int, order: Sequence[int] | None = None,
           last: int = 0) -> str | None:
    """Where the run at `index` sat: between the lines holding the nearest runs before and after
    it that a line holds (`held`; `order`: its run indexes sorted, if known), or within the line
    holding it. After the last line that places one, where lines follow it (up to `last`, the
    text's last line), only that it sat somewhere after it: those lines are too short to say
    whether it sat before them or after ("after line 5" named a piece found past line 12).

    >>> _place({2: 1, 5: 3}, 4), _place({2: 1}, 1), _place({2: 1}, 3)
    ('between lines 1 and 3', 'before line 1', 'after line 1')
    >>> _place({4: 7}, 4), _place({}, 1), _place({2: 5}, 3, last=12)
    ('within line 7', None, 'somewhere after line 5')
    """
    if index in held:
        return f"within line {held[index]}"
    indexes = sorted(held) if order is None else order
    after = bisect_right(indexes, index)
    previous = held[indexes[after - 1]] if after else None
    following = held[indexes[after]] if after < len(indexes) else None
    if previous is None and following is None:
        return None
    if previous is None:
        return f"before line {following}"
    if following is None and previous < last:
        return f"somewhere after line {previous}"
    if following is None or following == previous:
        return f"after line {previous}"
    return f"between lines {previous} and {following}"


def _cut(text: str, chars: int) -> str:
    """A text cut at `chars` characters, marked so.

    >>> _cut("Beranda", 40), _cut("x" * 50, 4)
    ('Beranda', 'xxxx...')
    """
    return text if len(text) <= chars else text[:chars] + "..."


def _unfired_lines(unfired: Sequence[tuple[int, str, str]], width: int = WIDTH) -> list[str]:
    """The lines a rule's pattern matches that it did not take, each with why, wrapped to
    `width`."""
    if not unfired:
        return []
    lines = ["   matched, not taken:"]
    for number, rule, why in unfired:
        lines.extend(textwrap.wrap(f"line {number}: {rule}: {why}", max(width, MIN_WIDTH),
                                   initial_indent="      ", subsequent_indent="        ",
                                   break_long_words=False, break_on_hyphens=False))
    return lines


def _legend(record: dict[str, Any], rules: Mapping[str, tuple[str, str]],
            width: int = WIDTH) -> list[str]:
    """The rules that removed something, in the order they first did: each with its pack's file
    and its description (a rule no loaded pack has, a page's extraction, is left out). A
    description's spaces and line breaks are made one space, and a long one is wrapped to
    `width` (at least MIN_WIDTH: a terminal may say 0) with its lines under the file's column
    (at most half the width in)."""
    width = max(width, MIN_WIDTH)
    named = [name for name in dict.fromkeys(r["rule"] for r in record["removed"]) if name in rules]
    if not named:
        return []
    names = max(map(len, named))
    indent = " " * min(6 + names + 2, width // 2)
    lines = ["   rules:"]
    for name in named:
        path, description = rules[name]
        text = f"{name:{names}s}  {path}" + (f": {' '.join(description.split())}"
                                             if description.strip() else "")
        # (a long id or path is not broken: it is copied from here)
        lines.extend(textwrap.wrap(text, width, initial_indent="      ",
                                   subsequent_indent=indent, break_long_words=False,
                                   break_on_hyphens=False))
    return lines
