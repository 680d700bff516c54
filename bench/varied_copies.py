"""Copies of articles with their words swapped, so that a benchmark built from a few thousand articles holds no line twice.

RE2 builds its automata's states as texts need them and keeps them: a benchmark that repeats
its articles word for word measures every line after the first copy with those states already
built, which no real dump allows (on the dev articles, 71 us a document on a second pass against
120 to 150 on articles not seen before). A copy here keeps each line's shape (capitals,
punctuation, digits, length of words) and every word a rule or a pack's word list names, so
that the same rules fire, and swaps about half of the other words for other words of the same
case and length from the articles (an editor's code such as "(asa)" stays three letters).
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from typing import Iterable

from cleaner.rulefile import Pack

WORD = re.compile(r"[^\W\d_]{3,}")
SHARE = 0.5


def _case(word: str) -> str | None:
    if word.isupper():
        return "upper"
    if word.islower():
        return "lower"
    if word[0].isupper() and word[1:].islower():
        return "title"
    return None


@dataclass(frozen=True)
class Vocabulary:
    """The words a copy may swap in, by case and length, and the words it must keep (lower case)."""

    by_shape: dict[tuple[str, int], list[str]]
    kept: frozenset[str]

    @classmethod
    def build(cls, texts: Iterable[str], packs: Iterable[Pack]) -> "Vocabulary":
        kept: set[str] = set()
        for pack in packs:
            named = [pattern for rule in pack.rules for pattern in (rule.pattern, rule.then)]
            named += [m for m, _ in pack.months] + [label for label, _ in pack.byline_labels]
            named += [*pack.abbreviations, *pack.conjunctions, *pack.stopwords, *pack.sections,
                      *pack.signatures, pack.name, *pack.aliases, *pack.domains]
            kept.update(word.lower() for text in named for word in WORD.findall(text))
        by_shape: dict[tuple[str, int], set[str]] = {}
        for text in texts:
            for word in WORD.findall(text):
                case = _case(word)
                if case and word.lower() not in kept:
                    by_shape.setdefault((case, len(word)), set()).add(word)
        return cls({shape: sorted(words) for shape, words in by_shape.items()}, frozenset(kept))


def vary(text: str, vocabulary: Vocabulary, rng: random.Random, share: float = SHARE) -> str:
    """The text with about `share` of its swappable words replaced by words of the same case
    and length.

    >>> words = Vocabulary({("upper", 7): ["CIANJUR"], ("lower", 5): ["sawah"],
    ...                     ("title", 5): ["Pasar"]}, frozenset({"baca", "juga"}))
    >>> vary("JAKARTA - Harga beras naik. Baca juga: Harga", words, random.Random(0), 1.0)
    'CIANJUR - Pasar sawah naik. Baca juga: Pasar'
    """
    def swap(match: re.Match) -> str:
        word = match.group()
        case = _case(word)
        if case is None or word.lower() in vocabulary.kept or rng.random() >= share:
            return word
        return rng.choice(vocabulary.by_shape.get((case, len(word))) or [word])

    return WORD.sub(swap, text)
