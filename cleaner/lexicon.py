"""What a document's packs say about its language, read once per set of packs.

Months, weekdays, abbreviations, conjunctions, byline and fact labels, sections, date words, name
and place particles, compass words, stopwords, role words, agencies, outlets, credentials, the
words that name no place, the words after an editor's label that name no one, what makes a place
word's town none (a verb's affixes, clubs), the words a page's section field holds that name no
section, the phrases of error pages and consent walls, the labels of related links, its time
zone."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field as dataclass_field
from functools import lru_cache
from typing import Iterable, Sequence

from cleaner.chrome_classes import ChromeClasses, chrome_classes
from cleaner.dates import MonthNames
from cleaner.identity_cache import IdentityCache
from cleaner.rulefile import Pack


@dataclass(frozen=True)
class Lexicon:
    """The word lists of a pack combination, merged in priority order (the first pack wins)."""

    # The month names, with the date joiners and the order numeric dates read in (dates.py).
    months: MonthNames
    abbreviations: frozenset[str]
    conjunctions: tuple[str, ...]
    labels: dict[str, str]            # byline label (lower case) -> the meta list it fills
    sections: frozenset[str]
    fact_labels: frozenset[str] = frozenset()      # all the word lists below: lower case
    info_box_labels: frozenset[str] = frozenset()
    date_words: frozenset[str] = frozenset()       # the weekdays among them
    byline_words: frozenset[str] = frozenset()
    name_particles: frozenset[str] = frozenset()
    # A place's lower-case words inside it (meta.location): the name particles and the place
    # particles ("au" of Port-au-Prince, "upon"), which a byline's names do not hold; an
    # elided one with its apostrophe as ' ("d'"), whichever a pack wrote.
    place_particles: frozenset[str] = frozenset()
    # The words that name a place beside the one after them ("west" of "West Des Moines"): a
    # particle right after one opens that place's name and keeps its capital.
    compass_words: frozenset[str] = frozenset()
    # The words that tie a compass word to the place after it ("of" of "West of England"): the
    # packs' stopwords but their name particles, a foreign article in a place's name ("el" of
    # "South El Monte", "de" of "West De Pere"), which Spanish lists among its stopwords too.
    place_links: frozenset[str] = frozenset()
    honorifics: frozenset[str] = frozenset()
    stopwords: frozenset[str] = frozenset()
    weekdays: frozenset[str] = frozenset()
    role_words: frozenset[str] = frozenset()
    agencies: frozenset[str] = frozenset()
    # The agencies written as acronyms (lower case): one word of at most four letters, all
    # capitals ("AP", "UPI", "ANSA"). Such a word is often a person's name in other case (Upi,
    # Efe, Ansa), so it is the agency only in capitals; an agency spelled with small letters
    # ("Reuters", "dpa") names no one in any case, nor does one in capitals as its own style,
    # not as letters ("ANTARA": "Sumber: Antara").
    agency_acronyms: frozenset[str] = frozenset()
    # The news outlets a byline may name after its persons, as fold_words writes them: each as
    # listed, and one listed with "The" also without it where two words or more are left
    # ("washington post"; not "hill" of "The Hill", a surname too).
    outlets: frozenset[str] = frozenset()
    credentials: frozenset[str] = frozenset()
    # A byline's labels, by the list their names fill: the byline_words and the byline_labels
    # of authors open an author's name, the byline_labels of editors an editor's.
    author_labels: frozenset[str] = frozenset()
    editor_labels: frozenset[str] = frozenset()
    # The labels of the lines a pack's rules remove, as their examples open ('Foto: ...', 'Baca
    # juga: ...', 'Sumber: ...'; line_label): a caption's, a link's or a source's, not a
    # speaker's, as the author labels are not.
    credit_labels: frozenset[str] = frozenset()
    # Words that open a line in capitals as a dateline's place does but name none (labels,
    # institutions), folded as fold_words folds a captured place; and the most words of one.
    not_places: frozenset[str] = frozenset()
    not_place_words: int = 0
    # Words an editor's label may stand before that name no one (a pronoun, a thanks: 'Editor:
    # Me', 'Editor: Thanks.'), folded as fold_words folds a name.
    not_names: frozenset[str] = frozenset()
    # What makes the words after a place word no town (metadata.names_no_town): the prefixes and
    # suffixes of a verb, the prefixes that make one alone (longest first), the towns that read as
    # verbs all the same and a club's words.
    verb_prefixes: tuple[str, ...] = ()
    verb_suffixes: tuple[str, ...] = ()
    passive_prefixes: tuple[str, ...] = ()
    verb_towns: frozenset[str] = frozenset()
    club_words: frozenset[str] = frozenset()
    # Words no person's name holds: a place's ('Kuala', 'Barat', 'Nord'), a kicker's or a
    # rubric's ('League', 'Piala', 'Copa'): a line holding one under a headline is no writer's
    # name (header._kicker_or_subject).
    not_name_words: frozenset[str] = frozenset()
    # The numbers from two up written as words ('seven', 'cinco'): a headline counting a list's
    # items with one, or with digits, says the capitalised lines below are the items
    # (header._kicker_or_subject).
    number_words: frozenset[str] = frozenset()
    # The packs' vowels, and the syllables a passive verb's stem has at least without its
    # suffix (the first pack's that gives a count; 0: no such rule): reads_as_passive.
    vowels: frozenset[str] = frozenset()
    passive_stem_syllables: int = 0
    # The stems of fewer syllables that a passive prefix makes a verb of all the same ('bom').
    passive_stems: frozenset[str] = frozenset()
    # What a page's section field holds that names no section ("All", "Home Page", "post"),
    # folded as fold_words folds a section.
    not_sections: frozenset[str] = frozenset()
    # The phrases of error pages and consent walls: each as its words (phrase_words) -> as the
    # pack writes it, longest first.
    error_phrases: dict[tuple[str, ...], str] = dataclass_field(default_factory=dict)
    consent_phrases: dict[tuple[str, ...], str] = dataclass_field(default_factory=dict)
    # What a comment section's notice says, as error_phrases are kept.
    comment_phrases: dict[tuple[str, ...], str] = dataclass_field(default_factory=dict)
    # The labels of a related article's link inside a paragraph ("baca juga", "read more"): in
    # lower case, runs of spaces as one, longest first; the lists of all the packs add up.
    related_labels: tuple[str, ...] = ()
    # What reads a class token as page chrome (html_chrome) with the packs' class words, the
    # lists of all the packs added up; built once (a page asks for each of its classes).
    chrome: ChromeClasses = dataclass_field(default_factory=lambda: chrome_classes(()),
                                            compare=False, repr=False)
    timezone: str | None = None                    # the first pack's that names one
    # Whether some pack (the language's, a site's) says its headlines are in sentence case.
    sentence_case_titles: bool = False
    # metadata.names_no_place's answers by captured place, as documents ask: datelines repeat
    # their places (Jakarta opens 569 of the dev set's 1,329 articles), and folding one anew
    # cost a dateline more than the rest of the check.
    place_answers: dict[str, bool] = dataclass_field(default_factory=dict, compare=False,
                                                     repr=False)
    # metadata.names_no_town's answers by captured town, kept as place_answers are.
    town_answers: dict[str, bool] = dataclass_field(default_factory=dict, compare=False,
                                                    repr=False)


_LEXICONS: dict[tuple, Lexicon] = {}
# Pack sequences already asked for, by identity: every stage of every document asks, and the
# Cleaner hands out one tuple per pack combination; a few hundred are kept.
_IDENTITIES_KEPT = 256
_BY_IDENTITY: IdentityCache[Sequence[Pack], Lexicon] = IdentityCache(_IDENTITIES_KEPT)


def lexicon(packs: Sequence[Pack]) -> Lexicon:
    """The Lexicon of a pack combination, built once per combination and process.

    Every document of a site has the same packs: merging their lists anew for each document
    cost more than some stages.
    """
    return _BY_IDENTITY.get(packs, _lexicon_of)


def _lexicon_of(packs: Sequence[Pack]) -> Lexicon:
    key = tuple((p.kind, p.id, p.path) for p in packs)
    found = _LEXICONS.get(key)
    if found is None:
        found = _LEXICONS[key] = _build(packs)
    return found


@lru_cache(maxsize=1)
def _shipped_packs() -> tuple[Pack, ...]:
    """The shipped packs, loaded on first use (most runs never ask)."""
    from cleaner.rulefile import load_packs

    return tuple(load_packs())


def _chrome_classes(packs: Sequence[Pack]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The packs' chrome class words by group, each group's words the union of theirs."""
    groups: dict[str, set[str]] = {}
    for pack in packs:
        for group, words in pack.chrome_classes:
            groups.setdefault(group, set()).update(words)
    return tuple((group, tuple(sorted(words))) for group, words in sorted(groups.items()))


def shipped_lexicon() -> Lexicon:
    """The words of every shipped pack: what a caller that names no packs reads with (a byline
    read outside a run, a page's date without a zone given)."""
    return lexicon(_shipped_packs())


def shipped_zone(lang: str) -> str | None:
    """The time zone the shipped pack of a language names (None without one): the zone of a
    site pack's language where a run loaded no language pack."""
    return next((pack.timezone for pack in _shipped_packs()
                 if pack.kind == "lang" and pack.id == lang), None)


def fold_words(text: str) -> str:
    """Text as listed words are compared with it: compatibility forms as their letters (full-width
    capitals), lower case, commas and runs of spaces as one space.

    >>> fold_words(" ＫＰＫ,  Jawa   Timur ")
    'kpk jawa timur'
    """
    return " ".join(unicodedata.normalize("NFKC", text).lower().replace(",", " ").split())


def straight_apostrophes(text: str) -> str:
    """The text with a typographic apostrophe (’) written straight ('), as packs' words are
    compared: "d’" is "d'"."""
    return text.replace("’", "'")


# A line's label is short: the first words of a line, before a colon.
_LABEL_CHARS = 40


def line_label(text: str) -> tuple[str, str] | None:
    """A line's label (lower case, without an opening bracket) and what follows its colon, if it
    opens with one: a few words of letters and spaces before a colon.

    >>> line_label("(Baca  Juga: warga kembali)"), line_label("1990: a year"), line_label("x")
    (('baca juga', ' warga kembali)'), None, None)
    """
    colon = text.find(":", 0, _LABEL_CHARS)
    if colon < 0:
        return None
    label = " ".join(text[:colon].lstrip("( ").split())
    if not label or not label.replace(" ", "").isalpha():
        return None
    return label.lower(), text[colon + 1:]


def _credit_labels(packs: Sequence[Pack]) -> frozenset[str]:
    """The labels that open the lines the packs' rules give as removed (Lexicon.credit_labels)."""
    return frozenset(found[0] for pack in packs for rule in pack.rules for example in rule.remove
                     for line in example.split("\n") if (found := line_label(line)) is not None)


_WORD = re.compile(r"\w+")


def phrase_words(text: str) -> tuple[str, ...]:
    """A phrase or a line as the words its phrases are compared by: compatibility forms as their
    letters, lower case, punctuation and apostrophes left out.

    >>> phrase_words("Page Can’t Be Found!")
    ('page', 'can', 't', 'be', 'found')
    """
    return tuple(_WORD.findall(unicodedata.normalize("NFKC", text).lower()))


def _phrase_list(phrases: Iterable[str]) -> dict[tuple[str, ...], str]:
    """Phrases by their words, longest first; of phrases with the same words, the first pack's.

    >>> _phrase_list(["not found", "page can't be found", "Not  Found!"])
    {('page', 'can', 't', 'be', 'found'): "page can't be found", ('not', 'found'): 'not found'}
    """
    found: dict[tuple[str, ...], str] = {}
    for phrase in phrases:
        found.setdefault(phrase_words(phrase), phrase)
    found.pop((), None)
    return dict(sorted(found.items(), key=lambda item: (-len(item[0]), item[0])))


def outlet_forms(outlets: Iterable[str]) -> frozenset[str]:
    """The outlets as a byline's outlet is compared with them (fold_words): each as listed, and
    without its "The" where two words or more are left.

    >>> sorted(outlet_forms(["The Washington Post", "The Hill", "Jakarta  Globe", " "]))
    ['jakarta globe', 'the hill', 'the washington post', 'washington post']
    """
    forms = set()
    for outlet in outlets:
        folded = fold_words(outlet)
        forms.add(folded)
        rest = folded[4:] if folded.startswith("the ") else ""
        if " " in rest:
            forms.add(rest)
    return frozenset(forms - {""})


def _affixes(affixes: Iterable[str]) -> tuple[str, ...]:
    """Affixes as a word is compared with them (fold_words, without the hyphen a pack may write:
    `di-`, `-kan`), each once, longest first.

    >>> _affixes(["di-", "-KAN", "meng", "me", "di"])
    ('meng', 'kan', 'di', 'me')
    """
    found = {fold_words(affix).strip("-") for affix in affixes} - {""}
    return tuple(sorted(found, key=lambda affix: (-len(affix), affix)))


def _months(packs: Sequence[Pack]) -> MonthNames:
    """The packs' month names (a later pack's number for a name wins, as it always has), with
    their joiners and the order of the site pack's `date_order` (day first without one): the
    joiners and the order travel with the months, and every reader of a date is given them."""
    names: dict[str, int] = {}
    for pack in packs:
        names.update(pack.months)
    site = next((pack.date_order for pack in packs if pack.kind == "site"), "")
    return MonthNames(names, (w for pack in packs for w in pack.date_joiners),
                      month_first=site == "month-first")


# One object for each distinct set of sections: url_section's table of them is cached by the set
# (an lru_cache), and a cache compares a key with its stored one element by element unless the
# two are one object. The pack combinations of a language share their sections, so each
# document whose combination was not the first met paid for comparing a hundred words (about
# 2,300 instructions, a third of url_section's time). Never emptied, as _LEXICONS is not: it
# holds one set for each distinct set of sections the pack combinations make, a few a language.
_SECTIONS: dict[frozenset[str], frozenset[str]] = {}


def _shared_sections(sections: frozenset[str]) -> frozenset[str]:
    """The one object kept for sections equal to `sections` (_SECTIONS)."""
    return _SECTIONS.setdefault(sections, sections)


def _build(packs: Sequence[Pack]) -> Lexicon:
    labels: dict[str, str] = {}
    for pack in packs:
        for field, names in pack.byline_labels:
            for label in names:
                labels.setdefault(label.lower(), field)
    byline_words = frozenset(w for pack in packs for w in pack.byline_words)
    weekdays = frozenset(w for pack in packs for w in pack.weekdays)
    name_particles = frozenset(w for pack in packs for w in pack.name_particles)
    stopwords = frozenset(w for pack in packs for w in pack.stopwords)
    not_places = frozenset(fold_words(w) for pack in packs for w in pack.not_places) - {""}
    return Lexicon(
        months=_months(packs),
        abbreviations=frozenset(a.lower() for pack in packs for a in pack.abbreviations),
        conjunctions=tuple(c for pack in packs for c in pack.conjunctions),
        labels=labels,
        sections=_shared_sections(frozenset(s for pack in packs for s in pack.sections)),
        fact_labels=frozenset(w for pack in packs for w in pack.fact_labels),
        info_box_labels=frozenset(w for pack in packs for w in pack.info_box_labels),
        date_words=frozenset(w for pack in packs for w in pack.date_words) | weekdays,
        byline_words=byline_words,
        name_particles=name_particles,
        place_particles=name_particles | frozenset(straight_apostrophes(w) for pack in packs
                                                   for w in pack.place_particles),
        compass_words=frozenset(w for pack in packs for w in pack.compass_words),
        place_links=stopwords - name_particles,
        honorifics=frozenset(w for pack in packs for w in pack.honorifics),
        stopwords=stopwords,
        weekdays=weekdays,
        role_words=frozenset(w for pack in packs for w in pack.role_words),
        agencies=frozenset(w for pack in packs for w in pack.agencies),
        agency_acronyms=frozenset(name.lower() for pack in packs for name in pack.agency_names
                                  if name.isalpha() and name.isupper() and len(name) <= 4),
        outlets=outlet_forms(w for pack in packs for w in pack.outlets),
        credentials=frozenset(w for pack in packs for w in pack.credentials),
        author_labels=byline_words | {label for label, field in labels.items()
                                      if field == "authors"},
        editor_labels=frozenset(label for label, field in labels.items() if field == "editors"),
        credit_labels=_credit_labels(packs),
        not_places=not_places,
        not_place_words=max((w.count(" ") + 1 for w in not_places), default=0),
        not_names=frozenset(fold_words(w) for pack in packs for w in pack.not_names) - {""},
        verb_prefixes=_affixes(w for pack in packs for w in pack.verb_prefixes),
        verb_suffixes=_affixes(w for pack in packs for w in pack.verb_suffixes),
        passive_prefixes=_affixes(w for pack in packs for w in pack.passive_prefixes),
        verb_towns=frozenset(fold_words(w) for pack in packs for w in pack.verb_towns) - {""},
        club_words=frozenset(fold_words(w) for pack in packs for w in pack.club_words) - {""},
        not_name_words=frozenset(fold_words(w) for pack in packs for w in pack.not_name_words) - {""},
        number_words=frozenset(fold_words(w) for pack in packs for w in pack.number_words) - {""},
        vowels=frozenset(v for pack in packs for v in pack.vowels),
        passive_stem_syllables=next((pack.passive_stem_syllables for pack in packs
                                     if pack.passive_stem_syllables), 0),
        passive_stems=frozenset(fold_words(w) for pack in packs
                                for w in pack.passive_stems) - {""},
        not_sections=frozenset(fold_words(w) for pack in packs
                               for w in pack.not_sections) - {""},
        error_phrases=_phrase_list(p for pack in packs for p in pack.error_phrases),
        consent_phrases=_phrase_list(p for pack in packs for p in pack.consent_phrases),
        comment_phrases=_phrase_list(p for pack in packs for p in pack.comment_phrases),
        related_labels=tuple(sorted({" ".join(label.split()) for pack in packs
                                     for label in pack.related_labels} - {""},
                                    key=lambda label: (-len(label), label))),
        chrome=chrome_classes(_chrome_classes(packs)),
        timezone=next((pack.timezone for pack in packs if pack.timezone), None),
        sentence_case_titles=any(pack.sentence_case_titles for pack in packs),
    )
