"""Bylines as `cleaner suggest` mines them: their shapes, the words of their names, the people a label names.

A byline's name words are read from the lines themselves beside the packs' particles and
conjunctions: a lower-case word between two full names joins them, one inside a name is a
particle, and one that does both is left to the user.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cache
from typing import Iterable

from cleaner import shapes
from cleaner.rulefile import compile_pattern
from cleaner.suggest_groups import DOMAIN, NAME_SHARE, Group

# A byline's name: two to six capitalised words, short lower-case particles between them
# ("Ana de la Fuente").
BYLINE_NAME = (r"\p{Lu}[\pL\pN.\x27’-]*(?:\s+(?:\p{Ll}{1,3}\s+){0,2}\p{Lu}[\pL\pN.\x27’-]*)"
               r"{1,5}")


@cache
def _byline_name():
    """BYLINE_NAME compiled on RE2, case-sensitive, once a process."""
    return compile_pattern(BYLINE_NAME, case_sensitive=True)


def word_and_name(line: str) -> str | None:
    """The word of a byline made of one word and a name ("Por Juan Pérez Gómez": "Por"), in
    any language: the word is what recurs, the name varies. None for any other line.

    >>> word_and_name("Oleh Juan Pérez Gómez"), word_and_name("Por la mañana, antes de todo.")
    ('Oleh', None)
    >>> word_and_name("Por Navidad"), word_and_name("Por Kompas.com Jakarta")
    (None, None)
    """
    if len(line) > 80:
        return None
    word, _, name = line.partition(" ")
    if not (word.isalpha() and len(word) <= 15) or DOMAIN.search(name):
        return None
    return word if _byline_name().fullmatch(name) is not None else None


# A portal's byline: a word, the names, a comma, the outlet, a spaced dash or bar and the place
# ("Por Maria da Silva, Portal Agora — São Paulo"); a line is collapsed before it is matched.
_OUTLET_BYLINE = re.compile(r"(?P<word>[^\W\d_]{1,15}) (?P<names>[^,]{3,80}?) ?, ?"
                            r"(?P<outlet>[^,]{2,40}?) (?P<sep>--|-|–|—|\|) (?P<place>[^,]{2,40})")
# The group flag counting each separator a portal's byline was seen with ("sep:—").
SEP_FLAG = "sep:"
# A byline's place: capitalised words, short lower-case particles between them ("Rio de Janeiro").
BYLINE_PLACE = (r"\p{Lu}[\pL\x27’.-]*(?:\s+(?:\p{Ll}{1,3}\s+){0,2}\p{Lu}[\pL\x27’.-]*){0,4}")


@dataclass(frozen=True)
class OutletByline:
    word: str
    names: str
    outlet: str
    sep: str
    place: str


@cache
def _byline_place():
    """BYLINE_PLACE compiled on RE2, case-sensitive, once a process."""
    return compile_pattern(BYLINE_PLACE, case_sensitive=True)


def byline_with_outlet(line: str) -> OutletByline | None:
    """A portal's byline (a collapsed line): one word, names, the outlet (capitalised words or
    a domain) and, after a spaced dash, the place. None for any other line.

    >>> byline_with_outlet("Por Maria da Silva, Portal Agora — São Paulo")
    OutletByline(word='Por', names='Maria da Silva', outlet='Portal Agora', sep='—', place='São Paulo')
    >>> byline_with_outlet("Por la tarde, ayer - lo que dijo"), byline_with_outlet("Por Ana Lima")
    (None, None)
    """
    if len(line) > 160:
        return None
    m = _OUTLET_BYLINE.fullmatch(line)
    if m is None or DOMAIN.search(m.group("names")):
        return None
    outlet, place = m.group("outlet"), m.group("place")
    if not (shapes.is_name(outlet) or DOMAIN.search(outlet.lower())):
        return None
    if _byline_name().fullmatch(m.group("names")) is None or not _byline_place().fullmatch(place):
        return None
    return OutletByline(m.group("word"), m.group("names"), outlet, m.group("sep"), place)


# A byline's names, a comma and a short tail naming the newsroom or desk, no person ("Por Ana
# Lima, da Redação"; "Por Rui Souza, do Estadão"): a line is collapsed before it is matched.
_TAIL_BYLINE = re.compile(r"(?P<word>[^\W\d_]{1,15}) (?P<names>[^,]{3,80}?) ?, ?"
                          r"(?P<tail>(?:[^\W\d_]{1,3} ){0,2}[^\W\d_][^,]{1,37})")
# The key part telling a byline with a newsroom's tail from one with an outlet and a place.
TAIL_MARK = ",tail"
# At most this many capitalised words in a byline's tail: more is a sentence's or a list's.
TAIL_WORDS = 3


@dataclass(frozen=True)
class TailByline:
    word: str
    names: str
    tail: str


def byline_with_tail(line: str) -> TailByline | None:
    """A byline whose names end at a comma before a short tail naming the newsroom, not a
    person: up to two lower-case words of at most three letters, then one to three capitalised
    words (a collapsed line). None for any other line.

    >>> byline_with_tail("Por Ana Paula Ribeiro, da Redação")
    TailByline(word='Por', names='Ana Paula Ribeiro', tail='da Redação')
    >>> byline_with_tail("Por Juan Pérez, de la Redacción").tail
    'de la Redacción'
    >>> byline_with_tail("Por la tarde, en casa"), byline_with_tail("Por Ana Lima, Rio e SP")
    (None, None)
    """
    if len(line) > 140:
        return None
    m = _TAIL_BYLINE.fullmatch(line)
    if m is None or DOMAIN.search(m.group("names")) or DOMAIN.search(m.group("tail").lower()):
        return None
    words = m.group("tail").split()
    # (a lead-in of one or two short lower-case words: "da", "de la")
    while words and words[0].islower() and len(words[0]) <= 3:
        words = words[1:]
    if not words or len(words) > TAIL_WORDS or not shapes.is_name(" ".join(words)):
        return None
    if _byline_name().fullmatch(m.group("names")) is None:
        return None
    return TailByline(m.group("word"), m.group("names"), m.group("tail"))


@dataclass(frozen=True)
class NameWords:
    """The lower-case words of a byline's names, for its pattern: the particles inside a name
    and the words joining two names, each longest first."""

    particles: tuple[str, ...]
    joiners: tuple[str, ...]


# A particle the documents alone give (no pack lists it) is short, as the packs' are.
PARTICLE_CHARS = 3


def name_words(names: Iterable[str], particles: set[str], conjunctions: set[str]) -> NameWords:
    """The particles and joining words of a byline's `names` (one text per line). The packs'
    `particles` are particles and their `conjunctions` join names; of any other lower-case
    word, the lines tell: one standing between two full names (two capitalised words or more
    on each side) in every line it is in joins them, one that never does (of at most three
    letters) is a particle, and one that does in some lines only is neither: a line holding
    it is left to the user, rather than two authors made one or one author cut in two.

    >>> name_words(["Ana Lima e Rui Souza", "Ana da Costa e Rui Souza", "Rui dos Reis"],
    ...             {"da"}, set())
    NameWords(particles=('dos', 'da'), joiners=('e',))
    >>> name_words(["Ana Lima e Rui Souza", "Ana e Rui"], set(), set()).joiners
    ()
    """
    texts = [text.split() for text in names]
    seen = _joins(texts, particles, conjunctions, particles)
    # A word joining two names only where a particle after it is passed over ("Ana Maria dos
    # Santos de Oliveira": one capitalised word, then "de") stays inside the name: a word
    # joins where some line shows it joining with no particle passed over.
    mined = {word for word, joins in seen.items()
             if not any(plain for _, plain in joins) and len(word) <= PARTICLE_CHARS}
    if mined:
        # Read again with the particles the lines gave: "Ana Lima e Rui dos Reis" (a name
        # holding "dos" after the joining word) joins two full names.
        seen = _joins(texts, particles, conjunctions, particles | mined)
    joiners = {word for word, joins in seen.items() if word not in mined
               and all(joined for joined, _ in joins) and any(plain for _, plain in joins)}
    return NameWords(_longest_first(particles | mined), _longest_first(joiners))


def _joins(texts: list[list[str]], particles: set[str], conjunctions: set[str],
           inside: set[str]) -> dict[str, list[tuple[bool, bool]]]:
    """For each lower-case word of the names (`texts`: their words) that is none of the
    `particles`: in each line holding it, whether it joins two full names, the `inside` words
    read as a name's own (_between_full_names), and whether it does with none passed over."""
    seen: dict[str, list[tuple[bool, bool]]] = defaultdict(list)
    for tokens in texts:
        for at, token in enumerate(tokens):
            if token[:1].islower() and token not in particles:
                listed = token in conjunctions
                seen[token].append((listed or _between_full_names(tokens, at, inside),
                                    listed or _between_full_names(tokens, at)))
    return seen


def _longest_first(words: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(words, key=lambda w: (-len(w), w)))


def _between_full_names(tokens: list[str], at: int, particles: Iterable[str] = ()) -> bool:
    """Whether the word at `at` stands between two full names: two capitalised words or more
    since the line's start (or the word's last time in it), and two or more right after it.
    A particle inside the name after it (one of `particles`, between capitalised words) is
    passed over: "Juliana de Souza Lima" is one name.

    >>> tokens = "Ana Beatriz de Oliveira e Carlos Souza".split()
    >>> _between_full_names(tokens, 4), _between_full_names(tokens, 2)
    (True, False)
    >>> _between_full_names("Beatriz Carvalho e Juliana de Souza Lima".split(), 2, {"de"})
    True
    >>> _between_full_names("Ana Lima e Rui dos Reis".split(), 2, {"da"})
    False
    """
    start = max((i + 1 for i in range(at) if tokens[i] == tokens[at]), default=0)
    before = sum(1 for token in tokens[start:at] if token[:1].isupper())
    after = 0
    rest = tokens[at + 1:]
    for i, token in enumerate(rest):
        if token[:1].isupper():
            after += 1
            continue
        # (a particle between two capitalised words of the name: "Juliana de Souza")
        inside = after > 0 and i + 1 < len(rest) and rest[i + 1][:1].isupper()
        if not (inside and token != tokens[at] and token in particles):
            break
    return before >= 2 and after >= 2


_NAME_WORD = r"\p{Lu}[\pL\pN.\x27’-]*"


def authors_pattern(words: NameWords) -> str:
    """A byline's names as a pattern: a name of two to six capitalised words, the particles
    between them (two at most in a row); then, joined by the joining words, more names (of one
    word or more: "Juan Pérez y María").

    >>> authors_pattern(NameWords((), ()))
    '\\\\p{Lu}[\\\\pL\\\\pN.\\\\x27’-]*(?:\\\\s+\\\\p{Lu}[\\\\pL\\\\pN.\\\\x27’-]*){1,5}'
    """
    particle = ""
    if words.particles:
        particle = f"(?:(?:{'|'.join(map(shapes.escape, words.particles))})\\s+){{0,2}}"
    step = f"\\s+{particle}{_NAME_WORD}"
    first = f"{_NAME_WORD}(?:{step}){{1,5}}"
    if not words.joiners:
        return first
    more = f"{_NAME_WORD}(?:{step}){{0,5}}"
    return f"{first}(?:\\s+(?:{'|'.join(map(shapes.escape, words.joiners))})\\s+{more}){{0,3}}"


# How many words a person's name after a label has, as told from a title in capitals: "Cláudia
# Rocha", not "Harga Cabai Naik Lagi".
PERSON_WORDS = (2, 3)


def names_people(group: Group) -> bool:
    """Whether a label's lines name a person after it in nine lines of ten ("Edição: Cláudia
    Rocha"): two or three capitalised words, no domain (a title in capitals is longer)."""
    shaped = [shape for o in group.occurrences[:200] if (shape := shapes.label_shape(o.text))]
    low, high = PERSON_WORDS
    named = [s for s in shaped if low <= len(s.rest.split()) <= high and is_person(s.rest)]
    return bool(shaped) and len(named) >= NAME_SHARE * len(shaped)


def is_person(text: str) -> bool:
    """Whether a byline label's text is a name, as a meta rule captures one: capitalised words,
    no sentence, no domain or url.

    >>> is_person("Rudi Hartono"), is_person("Kompas.com"), is_person("berita ini diperbarui.")
    (True, False, False)
    """
    return shapes.is_name(text) and not DOMAIN.search(text)


# Bars between labelled bylines on one line ("Penulis: X | Editor: Y"), as the rule's pattern
# has them (shapes.CHAIN_BAR); a slash only with spaces around it ("Reporter: X / Editor: Y"),
# as "A/B" inside a name or title is no separator.
CHAIN = re.compile(r"\s*[|•·]\s*|\s+/\s+")


@cache
def joiners(conjunctions: frozenset[str]) -> str:
    """A comma, "&" or one of the conjunctions between two names, as a pattern (made once per
    set of conjunctions: asked for on every line of a byline label)."""
    words = "|".join(sorted(map(re.escape, conjunctions), key=len, reverse=True))
    return r"\s*[,&]\s*" + (rf"|\s+(?i:{words})\s+" if words else "")


def chained_fields(field: str, chains: Iterable[tuple[tuple[str, str, str], ...]]
                    ) -> tuple[tuple[str, frozenset[str], str], ...]:
    """The labelled bylines that follow a byline label's name on its lines (`chains`: each
    line's, _byline_rest), in the order first seen, each label once with every separator it
    was written with and the capture it fills, numbered where a field comes twice (author2:
    the rule stage joins the two names).

    >>> [(label, sorted(seps), field) for label, seps, field in chained_fields(
    ...     "author", [(), (("Editor", ":", "editor"),), (("editor", "-", "editor"),)])]
    [('Editor', ['-', ':'], 'editor')]
    >>> [field for _, _, field in chained_fields("author", [(("Reporter", ":", "author"),)])]
    ['author2']
    """
    labels: dict[str, tuple[str, set[str], str]] = {}
    for chain in chains:
        for label, sep, other in chain:
            labels.setdefault(label.lower(), (label, set(), other))[1].add(sep)
    used = Counter([field])
    named = []
    for label, seps, other in labels.values():
        used[other] += 1
        named.append((label, frozenset(seps),
                      other if used[other] == 1 else f"{other}{used[other]}"))
    return tuple(named)
