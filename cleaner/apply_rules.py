"""The rules stage: run a pack combination over a document's lines, record every removal, guard it."""

from __future__ import annotations

from bisect import insort

from cleaner.document import Document, Line, Removal
from cleaner.matcher import (HEAD_LINES, HEAD_REACH, TAIL_LINES, TAIL_REACH, Hit, Matcher,
                             applies, first_line, last_line, search_rules)
from cleaner.metadata import MetaSink
from cleaner.rulefile import Rule

# A single removal, or all removals of one rule, may take at most this share of a document's
# characters; past it the removal is not applied, the rule stops for the rest of the document
# (its earlier removals stand) and the record is flagged instead.
GUARD_SHARE = 0.5
# Past this share of a document's characters, removed by all rules together (each within its
# own share), the record is flagged: no one rule went too far, but little of the text is left.
# The cleaned news of the benchmark loses at most 30%; a one-sentence item (a video page, a
# photo) amid its site's links and promo can lose more, and keeps its removals.
MOSTLY_REMOVED_SHARE = 0.8
# Where a header's rules fire (Rule.where): a line one of them takes whole widens the head. A
# "first" rule's line is the header's first.
_HEADS = ("head", "edges", "first")
# Rules applied to one line before moving on: enough for a date header, a dateline and a code.
MAX_HITS_PER_LINE = 8


def _cut(line: Line, start: int, end: int) -> tuple[list[tuple[str, int]],
                                                 list[tuple[str, int]]]:
    """Remove text[start:end] from a line with the space it leaves; return what went, as pieces
    of the original line with their original columns: the spaces an earlier cut left at the
    line's end, then the span's own pieces.

    The space taken with it never reaches across an earlier cut, so that each piece is one run of
    the original line; a span that does (a rule matched across a join) goes as one piece per
    run. A span closing the line after an earlier cut leaves the spaces before that cut at the
    line's end: they go as a piece of their own.
    """
    text = line.text
    joins = line.joins() if line.cuts else set()
    if start == 0:
        while end < len(text) and text[end] == " " and end not in joins:
            end += 1
    if end == len(text):
        while start > 0 and text[start - 1] == " " and start not in joins:
            start -= 1
    elif start > 0 and text[start - 1] == " " and text[end] == " " and end not in joins:
        end += 1
    first = start                          # where the text taken begins, spaces included
    if end == len(text) and start in joins:
        while first > 0 and text[first - 1] == " " and (first == start or first not in joins):
            first -= 1
    spaces = line.pieces(first, start) if first < start else []
    pieces = line.pieces(start, end)
    gone = (*line.cuts, *((col, len(piece)) for piece, col in spaces + pieces))
    line.cuts = tuple(sorted(gone))
    line.text = text[:first] + text[end:]
    return spaces, pieces


# What a dateline fills: a rule that fills one of them has opened the article (`body`), and
# cleaner.suggest gives no head rule to the lines after one.
DATELINE_FIELDS = frozenset({"location", "source"})


def _spared(hit: Hit, text: str) -> bool:
    """Whether the line a hit is on is one its rule's `unless` spares (the rule has one)."""
    return hit.rule.unless_regex.search(text) is not None


def _may_fire(hit: Hit, fired: set[str]) -> bool:
    """Whether a hit may apply on a line where the rules in `fired` already did.

    After a cut the rest of the line is searched again, so a dump header and a dateline can both
    go ("date 2022-02 IslamTimes - ..."). But a metadata rule fires once a line, and one dateline
    (a rule that fills location or source) ends the header: in "JAKARTA - KPK - Komisi ..." the
    second "KPK - " is article text, not another dateline.
    """
    rule = hit.rule
    if rule.action == "meta":
        fills = set(hit.values) | {name for name, _ in rule.set}
        if rule.id in fired or (fills & DATELINE_FIELDS and "place" in fired):
            return False
        fired.add(rule.id)
        if fills & DATELINE_FIELDS:
            fired.add("place")
    return True


# A sentence that introduces the line under it ('The hearing is set for:') has this many words
# at least: a stamp's label alone on its line ('Published:', 'Diterbitkan pada:') has fewer.
INTRODUCING_WORDS = 4


def _date_in_text(lines: list[Line], index: int, rule: Rule | None = None) -> bool:
    """Whether the date `rule` captures on line `index` is the text's own: the line before it
    (of those with text) is a sentence ending in a colon, which introduces it ('The hearing is
    set for:' / 'Monday, March 11, 2024'), not a stamp's label; or, for a rule of the head, a
    paragraph of prose comes before it.

    >>> lines = [Line("The hearing is set for:", 1), Line("Monday, March 11, 2024", 2)]
    >>> _date_in_text(lines, 1), _date_in_text([Line("Published:", 1)] + lines[1:], 1)
    (True, False)
    """
    for above in range(index - 1, -1, -1):
        text = lines[above].text.rstrip()
        if text:
            if text.endswith(":") and len(text.split()) >= INTRODUCING_WORDS:
                return True
            break
    # A head rule's date under a paragraph of the article that no rule touched is a heading of
    # the text's ('Selasa, 12 Januari 2020' opening a chronology's part), not its stamp.
    if rule is not None and rule.where == "head":
        return any(not line.cuts and _reads_as_paragraph(line.text) for line in lines[:index])
    return False


def _reads_as_paragraph(text: str) -> bool:
    """Whether a line is a paragraph of prose: twelve words or more, ending a sentence (a
    closing quote or bracket may follow its stop). (No regex: a pattern of repeated words and
    spaces backtracked over every long line.)

    >>> _reads_as_paragraph("Officials said on Monday that the policy would take effect next "
    ...                     "month across the state."), _reads_as_paragraph("Selasa, 12 Januari")
    (True, False)
    """
    end = text.rstrip()
    if end[-1:] in ('"', "\u201d", "\u2019", ")"):
        end = end[:-1]
    return end[-1:] in (".", "!", "?") and len(end.split(None, 11)) == 12


# A document's lines as the rules' scan read them (RuleStage.scan): the list read (doc.lines
# then), their texts, and Matcher.scan of the texts. (A plain tuple: made and read as a
# NamedTuple, it cost about 3,000 instructions a document, callgrind.)
LineScan = tuple[list[Line], list[str], list]


class RuleStage:
    """Applies one Matcher to documents; first match in priority order wins at each position."""

    def __init__(self, matcher: Matcher, sink: MetaSink, guard_share: float = GUARD_SHARE):
        self.matcher = matcher
        self.sink = sink
        self.guard_share = guard_share
        # The rules of a page's header (head and edges rules: a stamp, a byline): a line one of
        # them took does not count against the head (__call__), where a related link taken
        # between paragraphs does, as the paragraphs around it are the article's.
        self._header_ids = frozenset(rule.id for rule in matcher.rules if rule.where in _HEADS)

    def scan(self, doc: Document) -> LineScan:
        """The matcher's scan of the document's lines, with the texts it read, for `__call__`
        to take later."""
        texts = [ln.text for ln in doc.lines]
        return doc.lines, texts, self.matcher.scan(texts)

    def __call__(self, doc: Document, scan: LineScan | None = None) -> Document:
        """Apply the rules to the document's lines. `scan`: their scan (RuleStage.scan), if it
        was made already; one of other lines (the list replaced or shortened since) is made
        again."""
        lines = doc.lines
        if not lines:
            return doc
        read, texts, scanned = self.scan(doc) if scan is None else scan
        if read is not lines or len(texts) != len(lines):
            # (a scan's rules put on other lines would cut the wrong ones, or past the end; two
            # cheap checks, as a line's text changed in place would not be seen: between the
            # scan and the rules, Cleaner._clean_chunk runs nothing)
            read, texts, scanned = self.scan(doc)
        removals = len(doc.removed)
        size = sum(map(len, texts))
        used: dict[str, int] = {}           # characters removed, by rule
        # "body": a dateline has opened the article, so the lines after it are no header.
        budget = {"limit": self.guard_share * size, "used": used, "stopped": set(),
                  "body": False}
        count = len(lines)
        # The last line with text, where "last" rules fire, and the first, where "first" rules
        # do: fixed here, as the rules start.
        last, first = last_line(texts), first_line(texts)
        # Only lines where the scan found a match are looked at, first with the rules it found.
        # (The scan is made before, not left to `candidates`: widening the head reads it
        # again, for the rules it found on a line brought into the head.)
        candidates = self.matcher.candidates(texts, scanned, last=last, first=first)
        order = sorted(candidates)
        # The head is the first HEAD_LINES lines but those a header rule took whole: a page's
        # header (title, stamp, byline, the photo's button, caption and credit) puts the lead
        # seventh. Each line a header rule takes in the head brings one more line into it.
        head_end = HEAD_LINES
        at = 0
        while at < len(order):
            index = order[at]
            at += 1
            found = candidates[index]
            if budget["body"]:
                # Past the dateline, a header's line is the article's own ("Sabtu, 5 November
                # 2016" heading a chronology). Rules for the edges go on: a labelled byline
                # ("Penulis: X") may follow the lead paragraph.
                found = [rule for rule in found if rule.where != "head"]
                if not found:
                    continue
            line = lines[index]
            if not line.text:
                continue
            in_head = index < head_end
            if self._line(doc, index, (in_head, index >= count - TAIL_LINES, index == last,
                                       index == first), budget, found):
                break            # a drop-tail took the rest
            if in_head and not line.text and head_end < HEAD_REACH \
                    and doc.removed[-1].rule in self._header_ids:
                head_end = self._widen_head(head_end, scanned, candidates, order, at, last,
                                            first)
        # (after a drop-tail too: the lines above what it took end the article)
        self._widen_tail(doc, scanned, budget, head_end, last, first)
        if len(doc.removed) != removals or "" in texts:
            # (each line a rule changes adds a removal: with none added to lines that all had
            # text, the list stays as it is, not copied, as on most documents' lines)
            doc.lines = [ln for ln in lines if ln.text]
        removed = sum(used.values())
        if removed > MOSTLY_REMOVED_SHARE * size and self.guard_share < 1:
            doc.flags.append({"flag": "mostly-removed",
                              "reason": f"the rules removed {removed} of {size} characters "
                                        f"({removed / size:.0%}), each within its share"})
        return doc

    def _line(self, doc: Document, index: int, place: tuple[bool, bool, bool, bool], budget,
              found: list) -> bool:
        """Apply the rules to one line (`found`: the rules the scan named on it, that may fire
        where it sits, `place`: in the head, in the tail, the last line, the first line);
        whether a drop-tail took the rest of the document."""
        line = doc.lines[index]
        fired: set[str] = set()
        # The rules whose hit on this line the packs refused (MetaSink.refuses); made when one is.
        refused: list[Rule] | None = None
        for attempt in range(MAX_HITS_PER_LINE):
            if not line.text:
                return False
            # The scan named the rules matching the whole line; after a cut, the rest of the line
            # is a new text ("^" now sits where the cut ended) and all rules are asked again.
            hit = (search_rules(line.text, found) if attempt == 0
                   else self.matcher.search(line.text, *place))
            # (_refuses written out: this runs on every hit, and most rules have no unless)
            if refused or (hit is not None and (
                    (hit.rule.unless and _spared(hit, line.text)) or self.sink.refuses(doc, hit)
                    or ("date" in hit.values and _date_in_text(doc.lines, index, hit.rule)))):
                refused = refused or []
                hit = self._placed(doc, hit, line.text, found if attempt == 0 else None,
                                   place, refused, index)
            if hit is None or hit.end <= hit.start or not _may_fire(hit, fired):
                return False
            action = hit.rule.action
            if action == "drop-tail":
                tail = doc.lines[index:]
                if not self._allowed(doc, hit, sum(len(t.text) for t in tail), budget,
                                     line.number):
                    return False
                for t in tail:
                    if t.text:
                        doc.take_line(t, hit.rule.id, action)
                return True
            if action == "drop-line":
                if not self._allowed(doc, hit, len(line.text), budget, line.number):
                    return False
                doc.take_line(line, hit.rule.id, action)
                if hit.rule.then_regex is not None:
                    self._then(doc, index, hit, budget)
                return False
            # drop-span and meta remove the matched span (or its "cut" group) and look again.
            if not self._allowed(doc, hit, hit.end - hit.start, budget, line.number):
                return False
            fields = self.sink.apply(doc, hit) if action == "meta" else None
            spaces, pieces = _cut(line, hit.start, hit.end)
            for space, col in spaces:           # left at the line's end by an earlier cut
                doc.removed.append(Removal(hit.rule.id, space, line.number, col, action))
            if fields and DATELINE_FIELDS.intersection(fields) and line.text.strip():
                # A dateline: a place or publisher cut from the start of the lead paragraph,
                # which the rest of the line is (a reporter line leaves nothing).
                budget["body"] = True
            for piece, col in pieces:
                doc.removed.append(Removal(hit.rule.id, piece, line.number, col, action,
                                           tuple(fields or ())))
        return False

    def _widen_head(self, head_end: int, scanned: list, candidates: dict[int, list[Rule]],
                    order: list[int], at: int, last: int, first: int) -> int:
        """Bring the line at `head_end` into the head, a header rule having taken one above: the
        rules the scan named on it that fire in the head join its candidates (`order`, from
        `at` on, is what is left to look at; `last`, `first`: the last and the first line's
        indexes). Returns the head's new end."""
        if head_end < len(scanned) and scanned[head_end]:
            named = self.matcher.named(scanned[head_end], True,
                                       head_end >= len(scanned) - TAIL_LINES, head_end == last,
                                       head_end == first)
            if named:
                if head_end not in candidates:
                    insort(order, head_end, lo=at)
                candidates[head_end] = named
        return head_end + 1

    def _widen_tail(self, doc: Document, scanned: list, budget, head_end: int, last: int,
                    first: int) -> None:
        """Bring lines above the tail into it as the rules took lines of it whole, so that it
        holds TAIL_LINES lines with text again, up to TAIL_REACH lines from the end: under a
        tags line, a comment form's six lines went and left the tags above the tail. The rules
        of the tail and the edges the scan named on each line brought in are tried there."""
        lines = doc.lines
        count = len(lines)
        start, reach = count - TAIL_LINES, max(0, count - TAIL_REACH)
        while start > reach:
            kept, widened = 0, count
            while widened > reach and kept < TAIL_LINES:
                widened -= 1
                kept += bool(lines[widened].text)
            if widened >= start:
                return
            for index in range(widened, start):
                if not scanned[index] or not lines[index].text:
                    continue
                in_head = index < head_end
                named = [rule for rule in self.matcher.named(scanned[index], in_head, True,
                                                             index == last, index == first)
                         if rule.where == "tail" or (rule.where == "edges" and not in_head)]
                if named and self._line(doc, index, (in_head, True, index == last,
                                                     index == first), budget, named):
                    return              # a drop-tail took the rest
            start = widened

    def _refuses(self, doc: Document, hit: Hit, text: str, index: int) -> bool:
        """Whether a hit on a line (`text`, the document's line `index`) fires not at all: the
        line is one its rule's `unless` spares, the packs' words say the hit is none
        (MetaSink.refuses), or it captures a date the text's own sentences give
        (_date_in_text)."""
        return (bool(hit.rule.unless and _spared(hit, text)) or self.sink.refuses(doc, hit)
                or ("date" in hit.values and _date_in_text(doc.lines, index, hit.rule)))

    def _placed(self, doc: Document, hit: Hit | None, text: str, found: list[Rule] | None,
                place: tuple[bool, bool, bool, bool], refused: list[Rule],
                index: int) -> Hit | None:
        """The hit, or the first one after it but for the rules refused on the line (a line
        their `unless` spares, or a hit the packs' words refuse): a dateline
        whose place the packs list as none (a label, an institution: "KPK - " opening the lead)
        or whose town after a place word reads as a verb or a club by their words ("SUNGAI
        DICEMARI SISA TOKSIK: " opens a headline) is not one, nor a byline whose outlet they do
        not list (MetaSink.refuses), and the line is searched again as if that rule had not
        matched, so that the rest of it is cleaned as it would be without the rule. `found`:
        the rules the scan named for the text, or None after a cut; `place`: where the line
        sits (in the head, in the tail, the last line, the first line)."""
        while hit is not None:
            if not any(hit.rule is gone for gone in refused):
                if not self._refuses(doc, hit, text, index):
                    return hit
                refused.append(hit.rule)
            if found is None:
                # The text alone, as the one line of a document: every rule that matches it,
                # which the line's place then narrows.
                found = [rule for rule in self.matcher.candidates([text]).get(0, ())
                         if applies(rule, *place)]
            rest = [rule for rule in found if not any(rule is gone for gone in refused)]
            hit = search_rules(text, rest) if rest else None
        return None

    def _then(self, doc: Document, index: int, hit: Hit, budget) -> None:
        """Drop the lines after a dropped line while they match the rule's `then` pattern, up
        to a line that opens a section a drop-tail rule takes (_opens_tail): a comment form's
        heading ('Tinggalkan Balasan') under a bare 'Related' heading has a headline's shape,
        but is the form's, and its rule takes it and the form after it."""
        taken = 0
        count = len(doc.lines)
        for at, line in enumerate(doc.lines[index + 1:], index + 1):
            if not line.text:
                continue
            if taken >= hit.rule.then_max or hit.rule.then_regex.search(line.text) is None \
                    or self._opens_tail(doc, at, count, hit.rule):
                return
            if not self._allowed(doc, hit, len(line.text), budget, line.number):
                return
            doc.take_line(line, hit.rule.id, "drop-line")
            taken += 1

    def _opens_tail(self, doc: Document, index: int, count: int, rule: Rule) -> bool:
        """Whether a drop-tail rule other than `rule` fires on the document's line `index`
        (of `count`), where it sits (in the head, the tail)."""
        text = doc.lines[index].text
        data = text.encode("utf-8", "surrogatepass")
        found = self.matcher.scan([text])[0]
        if not found:
            return False
        tails = [other for other in self.matcher.named(found, index < HEAD_LINES,
                                                       index >= count - TAIL_LINES, False)
                 if other.action == "drop-tail" and other is not rule]
        other = search_rules(text, tails, data) if tails else None
        return other is not None and not self._refuses(doc, other, text, index)

    def _allowed(self, doc: Document, hit: Hit, size: int, budget, number: int) -> bool:
        """Whether the rule may remove `size` more characters (at line `number`): its removals
        of the document stay within the guard's share. Past it the rule stops for the rest of
        the document; its removals on earlier lines stand, and the flag says from which line on
        it was not applied, and how many stand."""
        rule_id = hit.rule.id
        if rule_id in budget["stopped"]:
            return False
        used = budget["used"].get(rule_id, 0) + size
        if used > budget["limit"] and budget["limit"] >= 0:
            # Stopped for the rest of the document, so that the flag's "from line N on" holds
            # (a later, shorter removal could otherwise still fit the share).
            budget["stopped"].add(rule_id)
            kept = sum(1 for removal in doc.removed if removal.rule == rule_id)
            doc.flags.append({
                "flag": "guard", "rule": rule_id,
                "reason": f"would remove {used} of {int(budget['limit'] / self.guard_share)} "
                          f"characters (over {self.guard_share:.0%}); not applied from line "
                          f"{number} on" + (f" ({kept} earlier removals kept)" if kept else "")})
            return False
        budget["used"][hit.rule.id] = used
        return True
