"""Score a cleaner run against hand-labelled articles, word by word.

A labelled article is the raw text plus its cruft: a list of spans, each given by a 1-based
``line`` of ``text.split("\\n")``, ``start``/``end`` character offsets in that line, the exact
``text`` and a ``kind`` ("related", "code", "dateline", ...). Every other word is article text.

Scoring is word-level and looks only at the cleaner's output text, so it does not depend on how
the cleaner got there: the article words are aligned with the words of the output; an article
word that finds its place was kept, output words left over that are cruft words are cruft the
cleaner missed. Which rule removed a word is read from the record's ``removed`` list (line, col,
text).

Words are runs of letters and digits (``[^\\W_]+``); punctuation and spacing do not count, so
``( ptr )`` is one word and ``(T/RE1/P1)`` three.
"""

from __future__ import annotations

import difflib
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

_WORD = re.compile(r"[^\W_]+")


@dataclass
class Word:
    """One word of a raw article: where it sits and whether the labels call it cruft."""

    text: str
    line: int          # 1-based line of the raw text
    start: int         # character offsets in that line
    end: int
    cruft: bool
    kind: str | None = None


@dataclass
class ArticleScore:
    """Word counts for one article: how much cruft went, how much article text stayed."""

    id: str
    site: str
    cruft_words: int = 0
    cruft_removed: int = 0
    article_words: int = 0
    article_kept: int = 0
    missed: list[str] = field(default_factory=list)   # cruft words left in the output
    lost: list[str] = field(default_factory=list)     # article words taken out

    @property
    def perfect(self) -> bool:
        """No cruft left and no article text lost."""
        return self.cruft_removed == self.cruft_words and self.article_kept == self.article_words


@dataclass
class Totals:
    """Summed word counts over a group of articles (a site, or all)."""

    articles: int = 0
    perfect: int = 0
    cruft_words: int = 0
    cruft_removed: int = 0
    article_words: int = 0
    article_kept: int = 0

    def add(self, score: ArticleScore) -> None:
        self.articles += 1
        self.perfect += score.perfect
        self.cruft_words += score.cruft_words
        self.cruft_removed += score.cruft_removed
        self.article_words += score.article_words
        self.article_kept += score.article_kept

    @property
    def cruft_removed_share(self) -> float:
        """Share of cruft words removed; 1.0 when there was no cruft."""
        return self.cruft_removed / self.cruft_words if self.cruft_words else 1.0

    @property
    def article_kept_share(self) -> float:
        """Share of article words kept; 1.0 when there was no article text."""
        return self.article_kept / self.article_words if self.article_words else 1.0

    @property
    def perfect_share(self) -> float:
        return self.perfect / self.articles if self.articles else 1.0


def words(text: str) -> list[str]:
    """The words of a text, in order.

    >>> words("Jakarta, CNN Indonesia -- Militer (T/RE1/P1)")
    ['Jakarta', 'CNN', 'Indonesia', 'Militer', 'T', 'RE1', 'P1']
    """
    return _WORD.findall(text)


def labelled_words(text: str, cruft: Iterable[dict]) -> list[Word]:
    """The words of a raw article, each marked cruft or not by the labelled spans.

    A word belongs to a span when it starts inside it.

    >>> [(w.text, w.cruft) for w in labelled_words("Kata dia. (ant)", [{"line": 1, "start": 10, "end": 15}])]
    [('Kata', False), ('dia', False), ('ant', True)]
    """
    spans: dict[int, list[tuple[int, int, str | None]]] = defaultdict(list)
    for c in cruft:
        spans[int(c["line"])].append((int(c["start"]), int(c["end"]), c.get("kind")))
    out = []
    for number, line in enumerate(text.split("\n"), start=1):
        for m in _WORD.finditer(line):
            kind = next((k for s, e, k in spans.get(number, ()) if s <= m.start() < e), None)
            hit = any(s <= m.start() < e for s, e, _ in spans.get(number, ()))
            out.append(Word(m.group(), number, m.start(), m.end(), hit, kind if hit else None))
    return out


def kept_mask(expected: list[str], output: list[str]) -> list[bool]:
    """For each expected word, whether the output has it in its place (aligned in order).

    >>> kept_mask(["a", "b", "c", "b"], ["a", "c", "b"])
    [True, False, True, True]
    """
    mask = [False] * len(expected)
    matcher = difflib.SequenceMatcher(None, expected, output, autojunk=False)
    for block in matcher.get_matching_blocks():
        for i in range(block.a, block.a + block.size):
            mask[i] = True
    return mask


def score_article(article: dict, record: dict) -> ArticleScore:
    """Compare one cleaned record with the labels of the article it came from.

    The article words (the raw text minus its cruft) are aligned with the output words: an
    article word that finds its place was kept. Output words left over that are cruft words
    are cruft the cleaner missed. Counting this way does not depend on which of two equal words
    (a related-article title repeating a phrase of the article) the alignment picks.

    >>> art = {"id": "x", "site": "s", "text": "Isi berita. (ant)",
    ...        "cruft": [{"line": 1, "start": 12, "end": 17, "text": "(ant)"}]}
    >>> s = score_article(art, {"text": "Isi berita."})
    >>> (s.cruft_removed, s.cruft_words, s.article_kept, s.article_words, s.perfect)
    (1, 1, 2, 2, True)
    """
    raw = labelled_words(article["text"], article.get("cruft", ()))
    expected = [w.text for w in raw if not w.cruft]
    cruft = Counter(w.text for w in raw if w.cruft)
    output = words(record.get("text") or "")
    score = ArticleScore(id=str(article.get("id", "")), site=str(article.get("site", "")),
                         cruft_words=sum(cruft.values()), article_words=len(expected))
    matched_output = [False] * len(output)
    matcher = difflib.SequenceMatcher(None, expected, output, autojunk=False)
    kept = [False] * len(expected)
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            kept[block.a + k] = True
            matched_output[block.b + k] = True
    score.article_kept = sum(kept)
    score.lost = [w for w, k in zip(expected, kept) if not k]
    left = Counter(w for w, m in zip(output, matched_output) if not m) & cruft
    score.missed = sorted(left.elements())
    score.cruft_removed = score.cruft_words - sum(left.values())
    return score


def _removal_span(lines: list[str], removal: dict) -> tuple[int, int, int] | None:
    """(line, start, end) of a removal in the raw text, or None when it cannot be placed."""
    number = int(removal.get("line") or 0)
    if not 1 <= number <= len(lines):
        return None
    line, text, col = lines[number - 1], removal.get("text") or "", int(removal.get("col") or 0)
    if line[col:col + len(text)] == text:
        return number, col, col + len(text)
    found = line.find(text, col) if text else -1
    if found < 0:
        found = line.find(text)
    if found >= 0:
        return number, found, found + len(text)
    # Text cut in several places before the final removal: from col to the end of the line.
    return number, col, len(line)


def rule_words(article: dict, record: dict) -> dict[str, Counter]:
    """Per rule: removals, cruft words and article words its removals covered in this article.

    >>> art = {"text": "Isi. (ant)", "cruft": [{"line": 1, "start": 5, "end": 10}]}
    >>> rec = {"removed": [{"rule": "r", "text": "(ant)", "line": 1, "col": 5}]}
    >>> dict(rule_words(art, rec)["r"])
    {'removals': 1, 'cruft': 1}
    """
    lines = article["text"].split("\n")
    by_line: dict[int, list[Word]] = defaultdict(list)
    for word in labelled_words(article["text"], article.get("cruft", ())):
        by_line[word.line].append(word)
    out: dict[str, Counter] = defaultdict(Counter)
    for removal in record.get("removed", ()):
        rule = removal.get("rule", "?")
        out[rule]["removals"] += 1
        span = _removal_span(lines, removal)
        if span is None:
            continue
        number, start, end = span
        for word in by_line.get(number, ()):
            if start <= word.start < end:
                out[rule]["cruft" if word.cruft else "article"] += 1
    return out


def load_labelled(path: str | Path) -> list[dict]:
    """The labelled articles of a JSONL file, one object a line."""
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


@dataclass
class Report:
    """Everything the quality report prints: totals per site and overall, and rule hits."""

    scores: list[ArticleScore]
    sites: dict[str, Totals]
    overall: Totals
    rules: dict[str, Counter]


def evaluate(articles: list[dict], cleaner: Any) -> Report:
    """Clean every labelled article with ``cleaner`` and score it against its labels."""
    scores: list = []
    rules: defaultdict[str, Counter] = defaultdict(Counter)
    sites: dict[str, Totals] = defaultdict(Totals)
    overall = Totals()
    for article in articles:
        record = cleaner.clean(article["text"], url=article.get("url"), id=article.get("id"),
                               source=article.get("source"))
        score = score_article(article, record)
        scores.append(score)
        sites[score.site].add(score)
        overall.add(score)
        for rule, counts in rule_words(article, record).items():
            rules[rule].update(counts)
    return Report(scores, dict(sorted(sites.items())), overall, dict(rules))


def iter_report_lines(report: Report) -> Iterator[str]:
    """The report as text lines: a table per site and overall, then hits per rule."""
    head = f"{'site':<18}{'articles':>9}{'cruft words':>13}{'removed':>9}{'article words':>15}" \
           f"{'kept':>9}{'perfect':>9}"
    yield head
    yield "-" * len(head)
    for name, t in [*report.sites.items(), ("OVERALL", report.overall)]:
        yield (f"{name:<18}{t.articles:>9}{t.cruft_words:>13}{t.cruft_removed_share:>9.2%}"
               f"{t.article_words:>15}{t.article_kept_share:>9.3%}{t.perfect_share:>9.1%}")
    yield ""
    yield f"{'rule':<42}{'removals':>9}{'cruft words':>13}{'article words':>15}"
    for rule, c in sorted(report.rules.items(), key=lambda kv: (-kv[1]["removals"], kv[0])):
        yield f"{rule:<42}{c['removals']:>9}{c['cruft']:>13}{c['article']:>15}"
