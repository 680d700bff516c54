"""Mine a dump for boilerplate: lines and shapes recurring across a site's documents, ranked, as candidate rules.

Each document is cleaned first with the loaded packs, so every occurrence knows whether existing
rules already remove it (a line they cut a part from is mined for what they leave of it); then
every line is given its shapes (see `cleaner.shapes`) and counted once per document. A shape seen in enough of a site's documents becomes a candidate: a rule dict
in the rule-file format, checked by the loader and by its own examples before it is shown. A label
or template whose varying part never varies is one line repeated, left to its exact-line rule.
"""

from __future__ import annotations

import math
import re
import tomllib
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from functools import cache, partial
from pathlib import Path
from typing import Any, Callable, Iterable
from urllib.parse import urlsplit

import re2

from cleaner import shapes
# The meta fields whose capture makes a cut a dateline, as the rule stage tells one.
from cleaner.apply_rules import DATELINE_FIELDS
from cleaner.dates import normalize_date
from cleaner.document import Document
from cleaner.examples import example_failures, run_rule
from cleaner.lexicon import Lexicon, fold_words, lexicon, shipped_lexicon
from cleaner.matcher import HEAD_LINES, TAIL_LINES
from cleaner.metadata import domain_name
from cleaner.rule_toml import rule_toml
from cleaner.rulefile import Pack, RuleFileError, _load_rule, compile_pattern, load_packs
from cleaner.sitekey import host_key, site_key, site_stem, squashed, subdomain_of
from cleaner.wording import counted

# Kinds in the order they win a tie in document count: general shapes before exact lines.
KIND_ORDER = {"code": 0, "code-line": 1, "lead": 2, "byline": 3, "label": 4, "stamp": 5,
              "template": 6, "exact": 7}
# Documents per site whose lines are kept to look for near misses (keep examples).
SAMPLE_DOCS = 400
# The share of a byline label's lines whose text is a name for the label to be a meta rule: a
# note now and then after the label ("[Redaktur: Artikel ini diperbarui.]") is left in place.
NAME_SHARE = 0.9
# A label whose title, or a template whose names and numbers, are one text in this share of its
# lines is no shape but one line repeated ("Harian Pagi — Terbit setiap hari" closing every
# article): a rule for its shape would remove any line opening alike, the exact line's rule only
# that line. Its varying parts are what tells a shape, whatever its words.
FIXED_SHARE = 0.9
# A domain or a url in a label's text: "Penulis: Kompas.com" names a site, no person.
_DOMAIN = re.compile(r"\w\.[a-z]{2,}\b|://")
NO_SITE = "(no site)"
# The header stage's removal of a first line it reads as the title (header._take).
HEADER_TITLE = "header/title"


@dataclass
class SuggestOptions:
    """Thresholds for what counts as recurring, and how much to show."""

    min_docs: int = 3              # a candidate touches at least this many documents
    min_share: float = 0.02        # ... and at least this share of its site's documents
    top: int = 10                  # candidates shown per site
    max_docs_per_site: int = 5000  # documents mined per site; later ones are only counted
    covered_share: float = 0.8     # a shape this much removed by loaded rules is "covered"
    list_share: float = 0.5        # a label this often beside other labels is a field list
    subsumed_share: float = 0.9    # a shape this much matched by a better candidate is dropped
    examples: int = 3              # real examples shown and used as remove examples
    site: str | None = None        # mine only this site


@dataclass
class Occurrence:
    doc: int
    line: int            # 1-based line of the normalized document
    text: str            # the whole line
    start: int           # the span of the line the shape covers
    end: int
    head: bool
    tail: bool
    covered_by: str | None
    # Nearer the document's start than its end: in a short document, where a line is among
    # both the first and the last lines, whether it reads as a head line or a tail one.
    early: bool = False
    # The document's first line with text, where a "first" rule fires (a dateline opening it).
    first: bool = False


# A group's tallies: a defaultdict(int) is made in C, a Counter in Python, and every distinct
# line of every mined document makes a group (a tenth of suggest's time went to Counters).
_tally: Callable[[], defaultdict[str, int]] = partial(defaultdict, int)


@dataclass
class Group:
    kind: str
    key: tuple
    docs: set = field(default_factory=set)
    occurrences: list = field(default_factory=list)
    # Separators, codes and sources seen; for label lines, how many were bracketed, bare, or
    # in a list of other labels.
    parts: defaultdict[str, int] = field(default_factory=_tally)
    flags: defaultdict[str, int] = field(default_factory=_tally)
    # A byline group's form: "Por <names>" (BYLINE_WORD), "Por <names>, <Outlet> — <Place>"
    # (BYLINE_OUTLET), "Por <names>, da Redação" (BYLINE_NEWSROOM); "" for any other kind.
    form: str = ""


BYLINE_WORD, BYLINE_OUTLET, BYLINE_NEWSROOM = "word", "outlet", "newsroom"


@dataclass
class SiteState:
    docs: int = 0
    mined: int = 0
    # Documents left out as repeats of one met before (its url, tracking parameters aside, or
    # its text): a page fetched three times made its own sentences a line in 3 documents,
    # suggested as a rule. `seen` holds the keys of the mined documents (repeat_keys).
    repeats: int = 0
    seen: set = field(default_factory=set)
    groups: dict = field(default_factory=dict)
    sample: list = field(default_factory=list)
    field_lists: list = field(default_factory=list)
    langs: Counter = field(default_factory=Counter)    # language -> mined documents
    # A label's lines whose text after it reads as a sentence going on in lower case ("Foto:
    # la imagen se difundió ... visitas."), by the label's key: the article's, not the label's.
    prose_labels: dict = field(default_factory=dict)
    # The sources the mined documents' meta named, as written ("KABARNUSANTARA.CO.ID" from a
    # dateline a loaded rule read): the site's own name among them (own_names).
    sources: Counter = field(default_factory=Counter)
    # The sources of the datelines mined here that no loaded rule read, as written, one count
    # a document: a new site's own dateline ("KABARBARU.EXAMPLE, MALANG: ") is one the loaded
    # rules leave, and it names the site as well as one they read (own_names).
    lead_sources: Counter = field(default_factory=Counter)

    def own_sources(self) -> Counter:
        """The sources the documents' datelines gave, read by the loaded rules or mined."""
        return self.sources + self.lead_sources

    def lang(self) -> str | None:
        """The language more than half of the mined documents are in, for the pack written
        (--write-packs); None where they do not agree on one."""
        found = self.langs.most_common(1)
        if not found or found[0][0] is None or 2 * found[0][1] <= self.mined:
            return None
        return found[0][0]


@dataclass
class Candidate:
    """One suggestion: what recurs, where, how often, and the rule that would remove it."""

    site: str
    kind: str
    shape: str
    docs: int
    site_docs: int
    lines: int
    examples: list[str]
    rule: dict[str, Any]
    covered_by: list[tuple[str, int]] = field(default_factory=list)
    covered: float = 0.0
    regex: Any = field(default=None, repr=False)
    key: tuple = field(default=(), repr=False)          # the group's key
    occurrence_lines: list[str] = field(default_factory=list, repr=False)
    # Words the site's [pack] must list for the rule to read its lines as the documents do
    # ({"conjunctions": ["e"]}: a word joining two authors that no loaded pack lists).
    pack_words: dict[str, list[str]] = field(default_factory=dict)
    # What the user is to know before pasting the rule (a label to list in the pack's
    # byline_labels; names a drop-line rule would lose; lines reading as sentences), one
    # comment line each.
    notes: list[str] = field(default_factory=list)
    # Whether the rule's lines name people (a note says so), and whether they read as the
    # article's sentences (a note says so too).
    loses_names: bool = False
    sentences: bool = False

    @property
    def share(self) -> float:
        return self.docs / self.site_docs if self.site_docs else 0.0

    @property
    def drops_names(self) -> bool:
        """Whether the rule drops lines naming people (a note says so): a meta rule keeping
        the names is preferred, and --write-packs writes it commented out."""
        return self.rule["action"] == "drop-line" and self.loses_names

    @property
    def written_off(self) -> bool:
        """Whether --write-packs writes the rule commented out: a template dropping names, or
        one whose lines read as sentences, or a sentence repeated in few of the site's
        documents (the article's, as often as a site's own)."""
        return (self.kind in ("template", "exact") and self.rule["action"] == "drop-line"
                and (self.loses_names or self.sentences))

    def as_dict(self) -> dict[str, Any]:
        return {"site": self.site, "kind": self.kind, "shape": self.shape, "docs": self.docs,
                "site_docs": self.site_docs, "share": round(self.share, 4), "lines": self.lines,
                "covered": round(self.covered, 4), "covered_by": self.covered_by,
                "examples": self.examples, "rule": self.rule, "pack": self.pack_words,
                "notes": self.notes}


# A source the documents' datelines give names the site itself where this many documents or
# more give it: one document may cite another outlet of the same name.
OWN_NAME_DOCS = 2


def own_names(site: str, sources: Counter) -> list[str]:
    """The spellings of a site's own name among the sources its documents named, most
    documents first: its host or its domain's name, written any way ("KABARNUSANTARA.CO.ID" and
    "KabarNusantara" of kabarnusantara.co.id).

    >>> own_names("kabarnusantara.co.id", Counter({"KABARNUSANTARA.CO.ID": 9, "Reuters": 4,
    ...                                            "KabarNusantara": 2, "KABARNUSA": 3}))
    ['KABARNUSANTARA.CO.ID', 'KabarNusantara']
    """
    return [name for name, count in sorted(sources.items(), key=lambda kv: (-kv[1], kv[0]))
            if count >= OWN_NAME_DOCS and names_site(name, site)]


def names_site(name: str, site: str) -> bool:
    """Whether a name spells a site's host, its domain's name or its stem, written any way:
    spaces, hyphens, dots and case aside ("PIKIRAN RAKYAT" of pikiran-rakyat.com, "Semenanjung
    Post" of semenanjungpost.my, "GAZETA" of gazeta.example, whose longest label is "example").

    >>> names_site("PIKIRAN RAKYAT", "pikiran-rakyat.com"), names_site("Kabar.id", "kabar.id")
    (True, True)
    >>> names_site("SHAH ALAM", "semenanjungpost.my"), names_site("Semenanjung", "post.my")
    (False, False)
    """
    if site == NO_SITE or not squashed(name):
        return False
    return squashed(name) in {squashed(site), squashed(domain_name(site)),
                              squashed(site_stem(site))}


def site_first(lead: shapes.Lead, site: str) -> shapes.Lead:
    """A dateline read as place before source ("Jakarta, CNN Indonesia -") whose place is the
    site's own name and whose source has a place's shape: the site's name first, then the place
    ("Semenanjung Post, SHAH ALAM - " of semenanjungpost.my), as a domain before a place is read.

    >>> lead = shapes.lead_shape("Semenanjung Post, SHAH ALAM - Majlis Bandaraya menerima aduan.")
    >>> site_first(lead, "semenanjungpost.my")
    Lead(end=30, place='SHAH ALAM', join='>,', source='Semenanjung Post', sep='-')
    >>> site_first(lead, "other.example") == lead
    True
    """
    if (lead.join != "," or lead.place is None or not names_site(lead.place, site)
            or names_site(lead.source, site) or not shapes.is_place(lead.source)):
        return lead
    return replace(lead, place=lead.source, join=">,", source=lead.place)


def own_name_head(names: list[str]) -> dict[str, Any]:
    r"""What a new site pack's [pack] says of the site's own names (own_names): the first not
    all in capitals as its name (the source its datelines give), all of them as aliases, and
    the ones written as a domain, opening a line before a dateline's comma or dash, as its
    signature, which names the site of a document with no url.

    >>> head = own_name_head(["KABARNUSANTARA.CO.ID", "KabarNusantara.co.id", "KabarNusantara"])
    >>> head["name"], len(head["aliases"])
    ('KabarNusantara.co.id', 3)
    >>> print(*head["signatures"])
    (?mi)^(?:kabarnusantara\.co\.id)\s*[,–—-]
    """
    if not names:
        return {}
    head: dict[str, Any] = {"name": next((n for n in names if not n.isupper()), names[0]),
                            "aliases": names}
    domains = sorted({name.lower() for name in names if "." in name.strip(".")})
    if domains:
        head["signatures"] = ["(?mi)^(?:" + "|".join(map(re.escape, domains)) + r")\s*[,–—-]"]
    return head


# Query parameters that say where a reader came from, not which page it is.
_TRACKING = re.compile(r"utm_\w*|fbclid|gclid|ocid|mc_cid|mc_eid", re.IGNORECASE)


def repeat_keys(text: str, url: str | None) -> set[tuple[str, Any]]:
    """What tells a document met again: its text, and its url without a fragment and tracking
    parameters (scheme and host in any case).

    >>> a = repeat_keys("Isi.", "https://Rima.com/a?utm_source=x#top")
    >>> a & repeat_keys("Isi lain.", "https://rima.com/a") != set()
    True
    >>> repeat_keys("Isi.", "https://rima.com/a?id=2") & repeat_keys("Lain.", "https://rima.com/a?id=3")
    set()
    """
    keys: set[tuple[str, Any]] = {("text", hash(text))}
    if url:
        parts = urlsplit(url.strip())
        query = "&".join(pair for pair in parts.query.split("&")
                         if pair and not _TRACKING.fullmatch(pair.partition("=")[0]))
        keys.add(("url", (parts.scheme.lower(), parts.netloc.lower(), parts.path, query)))
    return keys


def _removed_spans(doc: Document) -> dict[int, list[tuple[int, int, str]]]:
    spans: dict[int, list[tuple[int, int, str]]] = defaultdict(list)
    for r in doc.removed:
        spans[r.line].append((r.col, r.col + len(r.text), r.rule))
    return spans


def _rest_of(text: str, spans: list[tuple[int, int, str]] | None) -> str:
    """What the loaded rules leave of a line they cut from (collapsed); "" where they cut
    nothing from it (`spans`: the removals on it, as _removed_spans gives them) or took all of
    it.

    >>> _rest_of("KUALA LUMPUR: Ringgit dibuka tinggi.", [(0, 14, "ms/dateline-colon")])
    'Ringgit dibuka tinggi.'
    >>> _rest_of("Tag: Banjir", [(0, 11, "chrome/tag-list")]), _rest_of("Tag: Banjir", None)
    ('', '')
    """
    if not spans:
        return ""
    pieces, at = [], 0
    for start, end, _ in sorted(spans):
        pieces.append(text[at:start])
        at = max(at, end)
    pieces.append(text[at:])
    return shapes.collapse("".join(pieces))


def _taken_whole(rest: str, spans) -> bool:
    """Whether the loaded rules took all of a line: they cut from it and left nothing."""
    return bool(spans) and not rest


# A stamp's date is a date and a time, with a weekday, a month, a zone or "am" in letters: at
# most this many words of letters ("Khamis, 12 Mac 2026 | 10:30 MYT"), no more than this many
# characters. A sentence holding a date ("Mesyuarat diadakan pada 12 Mac 2026 ...") is none.
STAMP_DATE_WORDS = 4
STAMP_DATE_CHARS = 60
_LETTER_WORD = re.compile(r"[^\W\d_]+")
_DIGIT = re.compile(r"\d")
# The date a stamp rule captures after its label: any short text with a digit, which the rule
# stage reads as a date with the packs' month names (a form it does not read is flagged).
STAMP_DATE_PATTERN = r"[^\n]{0,40}?\d[^\n]{0,40}"


def _reads_as_date(text: str, months) -> bool:
    """Whether a label's text is a date, as a stamp writes one: short, few words of letters,
    read as a date with the packs' month names (`months`).

    >>> _reads_as_date("Mac 13, 2026 @ 9:45am", {"mac": 3})
    True
    >>> _reads_as_date("Mesyuarat diadakan pada 12 Mac 2026 di dewan", {"mac": 3})
    False
    >>> _reads_as_date("Banjir, Kelantan", {}), _reads_as_date("Bab 12", {})
    (False, False)
    """
    if len(text) > STAMP_DATE_CHARS or not _DIGIT.search(text):
        return False
    if len(_LETTER_WORD.findall(text)) > STAMP_DATE_WORDS:
        return False
    return normalize_date(text, months) is not None


# A stamp written with no colon: one to four words of letters, then the date ("Publicado em
# 10/03/2025 às 8h15"), an update after a bar allowed ("... | Atualizado em ...").
_BARE_STAMP = re.compile(r"(?P<label>[^\W\d_]+(?: [^\W\d_]+){0,3}) (?P<date>\d.*)")
# How a stamp's date may end: an update or a note after a bar.
_STAMP_BAR = re.compile(r"\s+\|\s+")


# A label of one word this short is a function word opening prose ("Em 2010 a inflação ...",
# "Pada 2015 harga ...", "En 2023 la ..."), not a stamp's ("Updated", "Publicado em").
STAMP_LONE_LABEL_CHARS = 5
# A date normalized to at least a day ("2025-03-10"): a year alone, or a month, opens prose.
STAMP_DAY_CHARS = len("2025-03-10")
# A sentence's end after the date ("Dibuka pada 10/03/2025 oleh Gubernur."): a stamp ends with
# the date or a zone; a word of one or two letters before the dot is an abbreviation ("a.m.").
_STAMP_SENTENCE_END = re.compile(r"[^\W\d_]{3,}[.!?]$")


def _bare_stamp(line: str, months) -> str | None:
    """The label of a stamp written with no colon before its date (a collapsed line), its
    first word capitalised, no lone short word (a function word opening prose), and the text
    after it a date (_reads_as_date, up to a bar) of a day at least, no sentence; None for any
    other line. The date the rule captures is at most 80 characters long.

    >>> _bare_stamp("Publicado em 10/03/2025 às 8h15", {})
    'Publicado em'
    >>> _bare_stamp("Publicado em 12/03/2025 às 14h30 | Atualizado em 12/03/2025 às 16h30", {})
    'Publicado em'
    >>> _bare_stamp("Em 2025 a inflação caiu para 4,5% segundo o IBGE", {}) is None
    True
    >>> [_bare_stamp(t, {}) for t in ("Em 10/03/2025 às 8h15", "Sejak 2010 jumlah naik",
    ...  "Dibuka pada 10/03/2025 oleh Gubernur.")]
    [None, None, None]
    """
    if len(line) > 120 or not line[:1].isupper():
        return None
    m = _BARE_STAMP.fullmatch(line)
    if m is None or len(m.group("date")) > 80:
        return None
    label = m.group("label")
    if " " not in label and len(label) < STAMP_LONE_LABEL_CHARS:
        return None
    first = _STAMP_BAR.split(m.group("date"), 1)[0]
    if _STAMP_SENTENCE_END.search(first) or not _reads_as_date(first, months):
        return None
    day = normalize_date(first, months)
    return label if day is not None and len(day) >= STAMP_DAY_CHARS else None


# The pieces of a stamp's date as its rule's pattern writes them: digits, letters, spaces, any
# other character as written.
_DATE_PIECE = re.compile(r"(?P<digits>\d+)|(?P<letters>[^\W\d_]+)|(?P<space>\s+)|(?P<other>.)")
# At most this many date shapes in one stamp rule: the commonest (the rule is counted by the
# lines it takes).
STAMP_SHAPES = 8


def _date_shape(text: str) -> str:
    """A stamp's date as a pattern of its shape: each run of digits any digits, of letters any
    letters (a month, a weekday, a zone), spaces any spaces, the rest as written. A rule made
    of the shapes seen takes those stamps, not prose opening with the label and a digit.

    >>> print(_date_shape("10/03/2025 às 8h15"))
    \\d{1,4}/\\d{1,4}/\\d{1,4}\\s+\\pL+\\s+\\d{1,4}\\pL+\\d{1,4}
    """
    out = []
    for m in _DATE_PIECE.finditer(text):
        if m.group("digits"):
            out.append(r"\d{1,4}")
        elif m.group("letters"):
            out.append(r"\pL+")
        elif m.group("space"):
            out.append(r"\s+")
        else:
            out.append(shapes.escape(m.group("other")))
    return "".join(out)


def _stamp_date_pattern(dates: Iterable[str]) -> str:
    """The date part of a stamp rule: the shapes of the dates seen (_date_shape), the
    commonest first, at most STAMP_SHAPES of them."""
    seen = Counter(_date_shape(d) for d in dates)
    return "|".join(shape for shape, _ in seen.most_common(STAMP_SHAPES))


def _dateline_line(doc: Document, lines: dict[int, str]) -> int | None:
    """The line of the document's dateline as the rule stage tells it (apply_rules): a meta rule
    that captured a place or a source cut it from a line and left the rest of the line."""
    return next((r.line for r in doc.removed
                 if DATELINE_FIELDS.intersection(r.fields)
                 and lines.get(r.line, "")[r.col + len(r.text):].strip()), None)


def _covered_by(spans, start: int, end: int) -> str | None:
    """The rule that removed most of a span, if removals cover at least 80% of it."""
    if not spans or end <= start:
        return None
    covered, best, best_len = 0, None, 0
    for s, e, rule in spans:
        overlap = max(0, min(e, end) - max(s, start))
        covered += overlap
        if overlap > best_len:
            best, best_len = rule, overlap
    return best if covered >= 0.8 * (end - start) else None


# How many other sites a mining for one site counts the documents of.
OTHER_SITES = 1000


class Miner:
    """Counts the shapes of cleaned documents' lines per site."""

    def __init__(self, options: SuggestOptions | None = None,
                 claims: Callable[[str], Any] | None = None,
                 language: Callable[[Document], str | None] | None = None):
        self.options = options or SuggestOptions()
        self.sites: dict[str, SiteState] = defaultdict(SiteState)
        # The documents of the sites options.site leaves out, by site (OTHER_SITES of them at
        # most): what a site given but met nowhere is told against.
        self.other_sites: Counter[str] = Counter()
        self._docs = 0
        self._claims = claims        # url host -> the loaded pack claiming it (sitekey.site_key)
        # A document's language, as the site pack written for it names it (default: as it
        # was cleaned).
        self._language = language or _cleaned_language
        # Byline labels (lower case) -> the field their name fills, as the packs list them: the
        # shipped packs' (what a label says does not depend on which packs count as existing
        # rules) and those of the packs documents were cleaned with.
        self._labels: dict[str, str] = {}
        # The words a byline's names are read with, the packs' alike (lower case): the name
        # particles ("de", "bin"), the conjunctions joining two names ("and", "dan"), and the
        # outlets and agencies a dateline in capitals names ("REUTERS -" is no place).
        self._particles: set[str] = set()
        self._conjunctions: set[str] = set()
        self._outlets: set[str] = set()
        # Lexicons already read, by identity (kept, so that no other takes a freed one's id).
        self._lexicons: dict[int, Lexicon] = {}
        self._learn_words(shipped_lexicon())

    def _learn_words(self, words: Lexicon) -> None:
        """Add a lexicon's byline labels, name particles, conjunctions, outlets and agencies,
        once per lexicon (documents of a site share one)."""
        if id(words) in self._lexicons:
            return
        self._lexicons[id(words)] = words
        for label in words.author_labels:
            self._labels.setdefault(label, "author")
        for label in words.editor_labels:
            self._labels.setdefault(label, "editor")
        self._particles.update(p.lower() for p in words.name_particles)
        self._conjunctions.update(c.lower() for c in words.conjunctions)
        self._outlets.update(words.outlets | words.agencies | words.agency_acronyms)

    def _byline_field(self, label: str) -> str | None:
        """The capture a byline label's name fills ("Redaktur" -> editor, "Penulis" -> author),
        None for any other label ("Pelatih")."""
        return self._labels.get(label.lower())

    def _byline_rest(self, rest: str) -> tuple[tuple[str, str, str], ...] | None:
        """What a byline label's text holds: () for a name alone ("Rudi Hartono"); for a name
        and more labelled bylines after bars ("Dimas Prasetyo | Editor: Rina Kartika"), each
        one's (label, separator, field); None for anything else (a note, a title, a site)."""
        first, *others = _CHAIN.split(rest)
        if not self._persons(first):
            return None
        chained = []
        for other in others:
            shape = shapes.label_shape(other)
            if shape is None or shape.bracketed:
                return None
            field = self._byline_field(shape.label)
            if field is None or not self._persons(shape.rest):
                return None
            chained.append((shape.label, shape.sep, field))
        return tuple(chained)

    def _names_an_author(self, label: str) -> bool:
        """Whether a label is an author's byline word and names after it ("By JANE DOE")."""
        word, _, names = label.partition(" ")
        return self._byline_field(word) == "author" and self._persons(names.strip())

    def _persons(self, text: str) -> bool:
        """Whether a text names one to four people, two or more joined by commas, "&" or a
        conjunction of the packs ("Rizky Ramadhan, Siti Aminah")."""
        names = self._name_list().split(text)
        return len(names) <= shapes.MAX_NAMES and all(map(_is_person, names))

    def _name_list(self) -> re.Pattern:
        """What joins two names of a byline's list (_joined_names)."""
        return re.compile(self._joined_names())

    def _joined_names(self) -> str:
        """What joins two names of a byline's list, as a pattern: a comma, "&", a conjunction
        of the packs."""
        return _joiners(frozenset(self._conjunctions))

    def _names_someone(self, line: str) -> bool:
        """Whether a line is a byline label and a name ("[Redaktur: Rudi Hartono]"), maybe
        more labelled bylines after it ("Penulis: X | Editor: Y")."""
        shape = shapes.label_shape(line)
        return shape is not None and self._byline_rest(shape.rest) is not None

    def add(self, doc: Document) -> None:
        """Count one document that has been through `Cleaner.clean_document`."""
        site = site_key(doc.packs, doc.url, self._claims) or NO_SITE
        if (self.options.site and site == host_key(doc.url)
                and subdomain_of(site, self.options.site)):
            site = self.options.site    # no pack claims the host: the site's pack written will
        if self.options.site and site != self.options.site:
            if site in self.other_sites or len(self.other_sites) < OTHER_SITES:
                self.other_sites[site] += 1
            return
        state = self.sites[site]
        if state.mined < self.options.max_docs_per_site:
            keys = repeat_keys(doc.text, doc.url)
            if not state.seen.isdisjoint(keys):
                state.repeats += 1
                return
            state.seen.update(keys)
        state.docs += 1
        if state.mined >= self.options.max_docs_per_site:
            return
        state.mined += 1
        state.langs[self._language(doc)] += 1
        if doc.meta.get("source"):
            state.sources[doc.meta["source"]] += 1
        index = self._docs
        self._docs += 1
        words = lexicon(doc.packs)
        self._learn_words(words)
        removed = _removed_spans(doc)
        numbered = [(n, t) for n, t in enumerate(doc.text.split("\n"), start=1) if t.strip()]
        count = len(numbered)
        # The rest of each line the loaded rules cut from ("KUALA LUMPUR: " cut from the lead
        # leaves the lead; "" for a line they cut nothing from or took whole, mined as it was, to
        # show what they remove). A whole-line shape is mined in that rest: in the line as it
        # was, the lead would read as a label's title, and a rule dropping the line would drop
        # the lead paragraph with the dateline the loaded rule takes.
        rests = [_rest_of(t, removed.get(n)) for n, t in numbered]
        mined = [rest or t for rest, (_, t) in zip(rests, numbered)]
        labels = [shapes.label_shape(t) for t in mined]
        # (the lines too long to be shaped that give a list under a label: a line-up)
        lists = [shapes.list_field(t) if label is None else None
                 for label, t in zip(labels, mined)]
        if len(state.sample) < SAMPLE_DOCS:
            # (near misses as the lines reach a new rule: after the loaded rules' cuts)
            state.sample.append([shapes.collapse(t) for t in mined])
        stamps = [label is not None and _reads_as_date(label.rest, words.months)
                  for label in labels]
        # A dateline opens the article: in the first line, or below a title or byline the
        # header stage took, within the head lines, as the rules' own datelines are looked for.
        lead_seen = False
        # Past a dateline the rule stage applies no "head" rule: a line below one, the loaded
        # rules' or the dateline suggested here, is no head line. Nor is a line below the first
        # prose: that is the lead paragraph, which a dateline rule written later may open (one
        # suggest did not see), and a head rule for the line would then stop firing.
        dateline = _dateline_line(doc, dict(numbered))
        prose_seen = False
        for pos, (number, text) in enumerate(numbered):
            past_dateline = lead_seen or (dateline is not None and number > dateline)
            in_head = pos < HEAD_LINES and not past_dateline
            head, tail = in_head and not prose_seen, pos >= count - TAIL_LINES
            spans = removed.get(number)
            # A line the loaded rules cut from: its whole-line shapes are the rest's, of which
            # they removed nothing (a span's shape, a code or a dateline, is the line's).
            rest = rests[pos]
            whole = mined[pos]

            def note(kind, key, start, end, part=None, in_rest=False, form=""):
                group = state.groups.get(key)
                if group is None:
                    group = state.groups[key] = Group(kind, key, form=form)
                group.docs.add(index)
                if part is not None:
                    group.parts[part] += 1
                covered = None if in_rest else _covered_by(spans, start, end)
                if kind == "byline" and covered == HEADER_TITLE:
                    # A byline the header stage takes for the title loses its names: a byline
                    # rule (the rules run first) takes it into meta, it is no covered line.
                    covered = None
                group.occurrences.append(Occurrence(
                    index, number, rest if in_rest else text, start, end, head, tail,
                    covered, 2 * pos < count - 1, pos == 0))
                return group

            def note_line(kind, key, part=None, form=""):
                """A whole-line shape: of the rest where the loaded rules cut from the line."""
                if rest:
                    return note(kind, key, 0, len(rest), part, in_rest=True, form=form)
                return note(kind, key, 0, len(text), part, form=form)

            line = shapes.collapse(whole)
            if not line:
                continue
            label = labels[pos]
            if label is not None and label.rest[:1].islower() and _reads_as_prose(label.rest):
                # (an article's sentence opening on the label's words, going on in lower case:
                # kept from its group, and made a keep example of the label's rule, which is
                # told to leave it. A title after the label opens in capitals, and so does a
                # site's own note: "Disclosure: Artikel ini adalah advertorial ...")
                state.prose_labels.setdefault(shapes.label_key(label), []).append(line)
                label = None
            prose_seen = prose_seen or (label is None and _reads_as_prose(line))
            note_line("exact", ("exact", line))
            if label is not None:
                key = shapes.label_key(label)
                group = note_line("label", key, label.sep)
                group.flags["bracketed"] += label.bracketed
                group.flags["bare"] += not label.rest
                group.flags["date"] += stamps[pos]
                # "Pelatih: X" beside "Wasit: Y": a field list, which is content. A byline
                # ("Editor: Y") beside a share bar or another byline is none, nor is a stamp
                # ("Diterbitkan: <date>") or a line the loaded rules take whole ("Tag: ...").
                # A line-up beside "Pelatih: X" makes a field list too.
                group.flags["list"] += any(
                    ((n := labels[i]) is not None and shapes.label_key(n) != key
                     and self._byline_field(n.label) is None and not stamps[i]
                     and not _taken_whole(rests[i], removed.get(numbered[i][0])))
                    or ((field := lists[i]) is not None and self._byline_field(field) is None)
                    for i in (pos - 1, pos + 1) if 0 <= i < count)
            if label is None and (bare := _bare_stamp(line, words.months)) is not None:
                # "Publicado em 10/03/2025 às 8h15": a stamp's label with no colon.
                note_line("stamp", ("stamp", bare.casefold()), bare)
            template = shapes.template_shape(line)
            if template is not None:
                note_line("template", ("template", template))
            code = shapes.trailing_code(text)
            if code is not None:
                note("code", ("code", code.bracket), code.start, len(text.rstrip()), code.code)
            bare = shapes.code_line(whole)
            if bare is not None:
                # Every desk's codes of one shape are one group ("DN-1003/mk", "RED-2/ab"); bare
                # initials ("ant/mk") are another.
                note_line("code-line", shapes.code_line_key(bare), bare)
            elif (staff := shapes.staff_code_line(whole)) is not None:
                # ANTARA's staff numbers ("R021/H015", "T.R021/A011"), bare or bracketed.
                note_line("code-line", shapes.STAFF_KEY, staff)
            if in_head and not lead_seen:
                lead = self._lead(text, site)
                # A place in capitals alone before the dash ("CAMPINAS – ") is the location,
                # as a capitals dateline's: read as one, or as none.
                if lead is not None and self._place_in_capitals(lead, site):
                    lead = None
                if lead is not None and not _reduplicated(text, lead.end):
                    note("lead", shapes.lead_key(lead), 0, lead.end, lead.sep)
                    state.lead_sources[lead.source] += 1
                    lead_seen = True
                elif lead is None and (caps := _caps_lead(text)) is not None:
                    note("lead", CAPS_LEAD_KEY, 0, caps[0], caps[1])
                    lead_seen = True
            if in_head or tail:
                byline = _word_and_name(line)
                if byline is not None:
                    note_line("byline", ("byline", byline.casefold()), byline, BYLINE_WORD)
                elif (portal := _byline_with_outlet(line)) is not None:
                    # "Por <names>, <Outlet> — <Place>": one group per word and outlet.
                    group = note_line("byline", ("byline", portal.word.casefold(),
                                                 portal.outlet.casefold()), portal.word,
                                      BYLINE_OUTLET)
                    group.flags[SEP_FLAG + portal.sep] += 1
                elif (desk := _byline_with_tail(line)) is not None:
                    # "Por <names>, da Redação": one group per word and tail.
                    note_line("byline", ("byline", desk.word.casefold(), TAIL_MARK,
                                         desk.tail.casefold()), desk.word, BYLINE_NEWSROOM)

    def _name_words(self, group: Group) -> NameWords:
        """The lower-case words a byline group's names hold, told apart (_name_words) with the
        packs' particles and conjunctions."""
        names = []
        for o in group.occurrences[:200]:
            line = shapes.collapse(o.text)
            if group.form == BYLINE_NEWSROOM:
                desk = _byline_with_tail(line)
                names.append(desk.names if desk else line.partition(" ")[2])
                continue
            portal = _byline_with_outlet(line) if group.form == BYLINE_OUTLET else None
            names.append(portal.names if portal else line.partition(" ")[2])
        return _name_words(names, self._particles, self._conjunctions)

    @staticmethod
    def _lead(text: str, site: str) -> shapes.Lead | None:
        """The dateline opening a line of a site's document (shapes.lead_shape), the site's own
        name read as its source wherever it stands (site_first)."""
        lead = shapes.lead_shape(text)
        return None if lead is None else site_first(lead, site)

    def _place_in_capitals(self, lead: shapes.Lead, site: str) -> bool:
        """Whether a dateline's only part, before its dash, is a place in capitals (not an
        outlet): all capitals, no domain, not an outlet or agency of the packs, not the site's
        own name ("GAZETA DO VALE" of gazetadovale.com.br). Its words are the place's.

        >>> miner = Miner()
        >>> lead = lambda text: shapes.lead_shape(text + " – A prefeitura abriu hoje as inscrições.")
        >>> miner._place_in_capitals(lead("SOROCABA"), "x.example")
        True
        >>> [miner._place_in_capitals(lead(t), "gazeta.example") for t in ("Sorocaba",
        ...  "TRIBUNNEWS.COM", "REUTERS", "GAZETA")]
        [False, False, False, False]
        >>> miner._place_in_capitals(lead("PIKIRAN RAKYAT"), "pikiran-rakyat.com")  # a hyphen
        False
        """
        source = lead.source
        if lead.place is not None or source != source.upper() or source == source.lower():
            return False
        if _DOMAIN.search(source.lower()) or fold_words(source) in self._outlets:
            return False
        return not names_site(source, site)

    # ------------------------------------------------------------------------------ candidates

    def candidates(self, site: str, known_ids: Iterable[str] = ()) -> tuple[list[Candidate],
                                                                           list[Candidate]]:
        """The new candidates of a site, best first (at most `top`), and the shapes that loaded
        rules already remove. Label lines that mostly sit in field lists ("Pelatih: X" beside
        "Wasit: Y") are content and left out; `field_lists` names them."""
        state = self.sites[site]
        opts = self.options
        needed = self.needed(site)
        groups = [g for g in state.groups.values() if len(g.docs) >= needed]
        # A code line's rule leaves lines of its shape out (a desk's "and/or" beside "ant/mk",
        # a shape seen once), and so does a byline's (names holding a word it leaves to the
        # user): it is counted, and ranked, by the documents it takes.
        taken = {g.key: self._taken(site, g) for g in groups
                 if g.kind in ("code-line", "byline", "stamp")}
        docs = {g.key: len({o.doc for o in taken[g.key]}) if g.key in taken else len(g.docs)
                for g in groups}
        groups = [g for g in groups if docs[g.key] >= needed]
        groups.sort(key=lambda g: (-docs[g.key], KIND_ORDER[g.kind], str(g.key)))
        # A label the loaded rules remove ("Tag: ..." by chrome/tag-list) is shown as removed,
        # not as content left out.
        state.field_lists = [g for g in groups if g.kind == "label" and
                             g.flags["list"] >= opts.list_share * len(g.occurrences)
                             and self._byline_field(g.key[1]) is None
                             and _covered_share(g) < opts.covered_share]
        groups = [g for g in groups if g not in state.field_lists]
        used_ids = set(known_ids)
        fresh: list[Candidate] = []
        covered: list[Candidate] = []
        for group in groups:
            if len(fresh) >= opts.top and len(covered) >= opts.top:
                break
            cand = self._candidate(site, state, group, used_ids, taken.get(group.key))
            if cand is None:
                continue
            target = covered if cand.covered >= opts.covered_share else fresh
            if len(target) >= opts.top or self._subsumed(cand, fresh + covered):
                continue
            target.append(cand)
            if target is fresh:
                used_ids.add(cand.rule["id"])
        fresh = self._without_name_drops(fresh)
        for cand in fresh:
            self._add_keep_examples(cand, state)
        return fresh, covered

    def _without_name_drops(self, fresh: list[Candidate]) -> list[Candidate]:
        """The candidates less those dropping names (a template "por <name> , da <name>")
        whose lines the meta candidates take (one per newsroom's tail): the meta rules keep
        the names, and pasted beside them the template would only drop what they leave."""
        metas = [c for c in fresh if c.rule["action"] == "meta"]
        return [c for c in fresh if not (c.drops_names and metas and self._subsumed_by(
            c, metas))]

    def _subsumed_by(self, cand: Candidate, others: list[Candidate]) -> bool:
        """Whether the `others` together match most of a candidate's lines (subsumed_share)."""
        lines = cand.occurrence_lines
        matched = sum(1 for line in lines if any(o.regex.search(line) for o in others))
        return bool(lines) and matched >= self.options.subsumed_share * len(lines)

    def needed(self, site: str) -> int:
        """How many of a site's documents a candidate touches at least (--min-docs, or the
        --min-share of those mined where that is more)."""
        opts = self.options
        return max(opts.min_docs, math.ceil(opts.min_share * self.sites[site].mined))

    def rare_lines(self, site: str, least: int = 1) -> int:
        """How many distinct lines the loaded rules leave were seen in too few of a site's
        documents to make a candidate (needed), and in `least` at least: what a run with too
        few documents finds (those seen in one alone are mostly the articles' own)."""
        needed = self.needed(site)
        return sum(1 for g in self.sites[site].groups.values()
                   if g.kind == "exact" and least <= len(g.docs) < needed
                   and not all(o.covered_by for o in g.occurrences))

    def _subsumed(self, cand: Candidate, kept: list[Candidate]) -> bool:
        """Whether one kept candidate matches most of a candidate's lines (subsumed_share). A
        rule dropping names subsumes no meta rule: the meta rule, which keeps them, wins
        (_without_name_drops)."""
        lines = cand.occurrence_lines
        for other in kept:
            if other.drops_names and cand.rule["action"] == "meta":
                continue
            matched = sum(1 for line in lines if other.regex.search(line))
            if matched >= self.options.subsumed_share * len(lines):
                return True
        return False

    def _taken(self, site: str, group: Group) -> list[Occurrence]:
        """The lines of a group its rule takes: those its pattern matches where it looks."""
        rule = self._rule(site, group)
        if rule is None:
            return []
        try:
            regex = compile_pattern(rule["pattern"], rule.get("case_sensitive", False))
        except re2.error:       # (no rule then: _check refuses it as well)
            return []
        where = rule["where"]
        return [o for o in group.occurrences
                if _looks_at(where, o) and regex.search(o.text)]

    def _candidate(self, site: str, state: SiteState, group: Group, used_ids: set[str],
                   taken: list[Occurrence] | None = None) -> Candidate | None:
        """The candidate for a group, counted by the lines its rule takes (`taken`; None: every
        line of the group); None where no rule is made or it fails its examples."""
        occ = group.occurrences
        rule = self._rule(site, group)
        if rule is None:
            return None
        rule["id"] = _unique(rule["id"], used_ids)
        # (a label's meta rule fills a byline's names, or a stamp's date)
        stamp = group.kind in ("label", "stamp") and "(?P<date>" in rule["pattern"]
        byline = group.kind in ("label", "byline") and rule["action"] == "meta" and not stamp
        # Only lines naming someone are a byline rule's: a note after the label stays. Read
        # lazily: a few examples are wanted of a label thousands of documents end with.
        # A code line's rule is made for the lines the loaded rules leave (of its desks, for
        # initials): its examples too.
        if byline and group.kind == "label":
            examples: Iterable[Occurrence] = (o for o in occ if self._names_someone(o.text))
        elif stamp or group.kind == "byline" or group.key == CAPS_LEAD_KEY:
            # A stamp's rule is made for the lines whose text is a date; a byline's for those
            # whose names hold no word it leaves to the user (_name_words); a capitals
            # dateline's for those whose place is no acronym (_acronyms).
            made_for = compile_pattern(rule["pattern"], True)
            examples = (o for o in occ if made_for.search(shapes.collapse(o.text)))
        elif group.kind == "code-line":
            codes = _code_line_codes(group)
            examples = (o for o in _made_for(occ) if shapes.collapse(o.text) in codes)
        else:
            examples = iter(occ)
        distinct: list[str] = []
        for o in examples:
            example = _example_text(group.kind, o)
            if example not in distinct:
                distinct.append(example)
            if len(distinct) >= self.options.examples:
                break
        rule["remove"] = distinct
        checked = _check(rule)
        if checked is None:
            return None
        pack_words: dict[str, list[str]] = {}
        if group.kind == "byline":
            # A joining word no pack lists: the rule alone reads two names as one, so no case
            # is made of a line holding it, and the site's pack is to list it.
            unlisted = sorted(set(self._name_words(group).joiners) - self._conjunctions)
            pack_words = {"conjunctions": unlisted} if unlisted else {}
            checked = _with_case(rule, checked, frozenset(unlisted))
        elif byline:
            checked = _with_case(rule, checked)
        name_note = self._name_note(site, group, rule)
        took = occ if taken is None else taken
        docs = len(group.docs) if taken is None else len({o.doc for o in taken})
        sentence_note = _sentence_note(group, rule, docs / state.mined if state.mined else 0.0)
        notes = [n for n in (name_note, sentence_note) if n is not None]
        n = len(took)
        by = Counter(o.covered_by for o in took if o.covered_by)
        cand = Candidate(site=site, kind=group.kind, shape=_display(group), docs=docs,
                         site_docs=state.mined, lines=n, examples=distinct, rule=rule,
                         covered_by=by.most_common(3), covered=sum(by.values()) / n if n else 0,
                         regex=checked.regex, key=group.key,
                         occurrence_lines=[o.text for o in took[:200]], pack_words=pack_words,
                         notes=notes, loses_names=name_note is not None,
                         sentences=sentence_note is not None)
        rule["description"] = (f"{_KIND_WORDS[group.kind]} {cand.shape!r} in {cand.docs} of "
                               f"{counted(cand.site_docs, 'document')} ({cand.share:.0%}) "
                               "[suggested]")
        # (said in the rule too: a pasted rule keeps its description, not the comments)
        if cand.drops_names:
            rule["description"] = rule["description"].replace(
                " [suggested]", ", dropping the names it holds [suggested]")
        if cand.sentences:
            rule["description"] = rule["description"].replace(
                " [suggested]", ", lines reading as sentences [suggested]")
        return cand

    def _name_note(self, site: str, group: Group, rule: dict[str, Any]) -> str | None:
        """What to tell the user about a candidate's drop-line rule that would lose names
        (_label_name_note, _template_name_note); None where it loses none."""
        if rule["action"] != "drop-line":
            return None
        if group.kind == "label":
            return self._label_name_note(group)
        if group.kind == "template":
            return self._template_name_note(site, group)
        return None

    def _label_name_note(self, group: Group) -> str | None:
        """A label no pack lists followed by people's names: to add to the pack's
        byline_labels."""
        if self._byline_field(group.key[1]) is None and _names_people(group):
            # A label no pack lists as a byline's ("Edição: X" under every article): a pack
            # listing it makes the rule a meta one, which keeps the names.
            spelt = Counter(shape.label for o in group.occurrences[:200]
                            if (shape := shapes.label_shape(o.text))).most_common(1)
            label = spelt[0][0] if spelt else group.key[1]
            return (f"the label's lines name people: dropping them loses the names; if "
                    f"{label!r} is a byline label, add it to the pack's [pack.byline_labels] "
                    f"(editors = [\"{label}\"], or authors) and run suggest again with the pack "
                    f"(--rules): the rule is then a meta rule capturing them")
        return None

    def _template_name_note(self, site: str, group: Group) -> str | None:
        """A template whose slots are names at a byline's place (a byline word's or label's
        line, or one opening as a byline the site writes)."""
        if "<name>" in group.key[1] and self._opens_byline(site, group.key[1][0]):
            return ("this line names people at a byline's place: dropping it loses the names; "
                    "write a meta rule capturing them (author) instead")
        return None

    def _opens_as_byline(self, shape: tuple[str, ...]) -> bool:
        """Whether a template reads as a byline: an author's byline word or label opens it
        ("Laporan reporter kabarcontoh <name>") or follows a label's colon. One inside a
        sentence ("Dibuka pada <num>/<num>/<num> oleh <name>.") makes no byline."""
        starts = [0] + [i + 1 for i, part in enumerate(shape) if part == ":"]
        return any(i < len(shape) and self._byline_field(shape[i]) == "author"
                   for i in starts)

    def _opens_byline(self, site: str, word: str) -> bool:
        """Whether a word opens bylines: a byline word or label of the packs, or the word of a
        byline shape the site's documents write ("por")."""
        if self._byline_field(word) is not None:
            return True
        return any(g.kind == "byline" and g.key[1] == word
                   for g in self.sites[site].groups.values())

    def _rule(self, site: str, group: Group) -> dict[str, Any] | None:
        stem = site_stem(site) if site != NO_SITE else "site"
        occ = group.occurrences
        where = _where(occ)
        key = group.key
        if group.kind == "exact":
            return {"id": f"{stem}/{_slug(key[1], 5)}", "action": "drop-line", "where": where,
                    "pattern": f"^{shapes.escape(key[1])}$"}
        if group.kind == "label":
            label = key[1]
            shaped = [shape for o in occ[:200] if (shape := shapes.label_shape(o.text))]
            original = Counter(shape.label for shape in shaped).most_common(1)
            label_text = original[0][0] if original else label
            field = self._byline_field(label)
            rests = {s.rest: self._byline_rest(s.rest) for s in shaped} if field else {}
            chains = [chain for s in shaped if (chain := rests.get(s.rest)) is not None]
            named = [s for s in shaped if rests.get(s.rest) is not None]
            # (a list of names somewhere: "Penulis: X, Y" captures them all, as the packs'
            # byline rules do, and the rule stage splits them)
            joined = self._joined_names() if any(
                self._name_list().search(s.rest) for s in named) else None
            if field and named and len(named) >= NAME_SHARE * len(shaped):
                # "Editor: X", "[Redaktur: X]" name the editor: taken into meta, not only dropped;
                # "Penulis: X | Editor: Y" the author and the editor.
                return {"id": f"{stem}/{_slug(label, 4)}", "action": "meta", "where": where,
                        "case_sensitive": True,
                        "pattern": shapes.byline_label_pattern(
                            label_text, set(group.parts), field,
                            bracketed=any(s.bracketed for s in named),
                            bare=not all(s.bracketed for s in named),
                            chained=_chained_fields(field, chains),
                            joined=joined)}
            if _one_text((shape.rest for o in occ if (shape := shapes.label_shape(o.text))),
                         len(occ)):
                return None
            if group.flags["date"] >= NAME_SHARE * len(occ):
                if self._names_an_author(label_text):
                    # "By JANE DOE | Staff Writer | March 3, 2024": a stamp's rule would drop
                    # the name it does not capture, and one rule per author would be offered.
                    return None
                # "Diterbitkan: Mac 13, 2026 @ 9:45am": a stamp, whose date fills meta.date.
                pattern = shapes.byline_label_pattern(
                    label_text, set(group.parts), "date", bracketed=group.flags["bracketed"] > 0,
                    bare=group.flags["bracketed"] < len(occ))
                return {"id": f"{stem}/{_slug(label, 3)}-stamp", "action": "meta",
                        "where": where, "case_sensitive": True,
                        "pattern": pattern.replace(f"(?P<date>{shapes.NAME_PATTERN})",
                                                   f"(?P<date>{STAMP_DATE_PATTERN})")}
            rule: dict[str, Any] = {
                "id": f"{stem}/{_slug(label, 4)}", "action": "drop-line", "where": where,
                "pattern": shapes.label_pattern(label_text, set(group.parts),
                                                group.flags["bracketed"] > 0,
                                                group.flags["bare"] > 0)}
            prose = self.sites[site].prose_labels.get(key)
            if prose:
                # The site writes sentences opening on the label too: the rule leaves them.
                rule["unless"] = PROSE_UNLESS
                rule["keep"] = [min(prose, key=len)]
            return rule
        if group.kind == "template":
            shape = key[1]
            pattern = shapes.template_pattern(shape)
            words = [p for p in shape if p[0].isalnum()]
            rule = {"id": f"{stem}/{_slug(' '.join(words), 4)}", "action": "drop-line",
                    "where": where, "case_sensitive": True, "pattern": pattern}
            if shape.count("<name>") == 1 and self._opens_as_byline(shape):
                rule["action"] = "meta"
                rule["pattern"] = pattern.replace(shapes.NAME_PATTERN,
                                                  f"(?P<author>{shapes.NAME_PATTERN})")
            elif _one_text((o.text for o in occ), len(occ)):
                return None
            return rule
        if group.kind == "stamp":
            if _one_text((o.text for o in occ), len(occ)):
                return None
            label = Counter(group.parts).most_common(1)[0][0]
            # (the dates as the lines write them: a rule taking any digit after the label would
            # take "Pada Senin (10/3), polisi ..." beside "Pada 10/03/2025 08:00 WIB")
            dates = _stamp_date_pattern(shapes.collapse(o.text)[len(label):].strip()
                                        for o in occ[:200])
            return {"id": f"{stem}/{_slug(label, 3)}-stamp", "action": "meta", "where": where,
                    "case_sensitive": True,
                    "pattern": f"^(?i:{shapes.escape(label)})\\s+(?P<date>{dates})$"}
        if group.kind == "code":
            name = "trailing-code" if key[1] == "(" else "trailing-code-square"
            return {"id": f"{stem}/{name}", "action": "drop-span", "where": where,
                    "case_sensitive": True,
                    "pattern": shapes.code_pattern(key[1], _code_alternatives(group.parts))}
        if group.kind == "code-line":
            return _code_line_rule(stem, where, group)
        if group.kind == "lead" and key == CAPS_LEAD_KEY:
            # One word in capitals before the dash is as often an acronym as a place ("FEMA —
            # The agency said"): only those the dump opened its datelines with, and writes in
            # capitals inside no sentence, are places; two words or more are always one.
            acronyms = _acronyms(self.sites[site].sample)
            places = sorted(p for p in _caps_places(occ) if " " not in p and p not in acronyms)
            rule = {"id": f"{stem}/dateline", "action": "meta", "where": _lead_where(occ),
                    "case_sensitive": True, "pattern": _caps_lead_pattern(group.parts, places)}
            keep = (_real_acronym_line(self.sites[site].sample, places)
                    or _acronym_keep(occ, places, acronyms))
            if keep is not None:
                rule["keep"] = [keep]
            return rule
        if group.kind == "byline":
            if _one_text((o.text for o in occ), len(occ)):
                return None
            word = Counter(group.parts).most_common(1)[0][0]
            authors = _authors_pattern(self._name_words(group))
            head = f"^(?i:{shapes.escape(word)})\\s+(?P<author>{authors})"
            if group.form == BYLINE_WORD:
                return {"id": f"{stem}/byline", "action": "meta", "where": where,
                        "case_sensitive": True, "pattern": f"{head}$"}
            if group.form == BYLINE_NEWSROOM:
                # "Por <names>, da Redação": the tail names the newsroom, no author; it is
                # written out as the lines spell it, the names before it captured.
                tails = Counter(desk.tail for o in occ[:200]
                                if (desk := _byline_with_tail(shapes.collapse(o.text))))
                tail = tails.most_common(1)[0][0] if tails else key[3]
                return {"id": f"{stem}/byline-newsroom", "action": "meta", "where": where,
                        "case_sensitive": True,
                        "pattern": f"{head}\\s*,\\s*(?i:{shapes.escape(tail)})$"}
            # "Por <names>, <Outlet> — <Place>": the outlet is the source, the place the location.
            outlets = Counter(portal.outlet for o in occ[:200]
                              if (portal := _byline_with_outlet(shapes.collapse(o.text))))
            outlet = outlets.most_common(1)[0][0] if outlets else key[2]
            seps = sorted((f.removeprefix(SEP_FLAG) for f in group.flags
                           if f.startswith(SEP_FLAG)), key=lambda sep: (-len(sep), sep))
            return {"id": f"{stem}/byline-outlet", "action": "meta", "where": where,
                    "case_sensitive": True,
                    "pattern": (f"{head}\\s*,\\s*(?P<source>(?i:{shapes.escape(outlet)}))\\s*"
                                f"(?:{'|'.join(shapes.escape(sep) for sep in seps)})\\s*"
                                f"(?P<location>{BYLINE_PLACE})$")}
        if group.kind == "lead":
            _, join, _source = key
            sources = Counter(lead.source for o in occ[:200]
                              if (lead := self._lead(o.text, site)))
            source = sources.most_common(1)[0][0] if sources else _source
            return {"id": f"{stem}/dateline", "action": "meta", "where": _lead_where(occ),
                    "case_sensitive": True,
                    "pattern": shapes.lead_pattern(join, source, set(group.parts))}
        return None

    def _add_keep_examples(self, cand: Candidate, state: SiteState, wanted: int = 2) -> None:
        """Near misses from the same site: lines sharing the candidate's anchor that it leaves,
        those of the closer anchor first (_anchors)."""
        found: list[str] = []
        examples = set(cand.examples)
        # (the keep examples the rule was made with stay first: _acronym_keep's)
        made: list[str] = list(cand.rule.get("keep", []))
        for anchor in _anchors(cand):
            tier: list[str] = []
            for lines in state.sample:
                for line in lines:
                    if len(line) > 200 or line in examples or line in found or line in tier:
                        continue
                    if anchor(line) and not cand.regex.search(line):
                        tier.append(line)
                        break
                if len(found) + len(tier) >= wanted * 3:
                    break
            found += sorted(tier, key=len)
            if len(found) >= wanted * 3:
                break
        keep: list[str] = list(made)
        for line in found:
            if line in keep:
                continue
            rule = dict(cand.rule, keep=keep + [line])
            if _check(rule) is not None:
                keep.append(line)
            if len(keep) >= wanted + len(made):
                break
        if keep:
            cand.rule["keep"] = keep


_KIND_WORDS = {"exact": "repeated line", "label": "label line", "stamp": "stamp",
               "template": "line shaped",
               "code": "code ending a paragraph", "code-line": "code alone on a line",
               "lead": "dateline", "byline": "byline"}

# A line reads as prose (the lead paragraph, not a header's line) with this many words and a
# sentence's end; or, in a script written without spaces, this many characters.
PROSE_WORDS = 8
PROSE_CHARS = 60
_SENTENCE_END = re.compile(r"[.!?\u3002\uff01\uff1f\u2026][\"'\u201d\u2019\u00bb)\]]*$")
# A label rule's `unless` where the site writes sentences opening on the label: a line of
# PROSE_WORDS words or more ending as a sentence ends (_reads_as_prose, as a rule writes it).
PROSE_UNLESS = (r"^(?:\S+\s+){%d,}\S*[.!?\x{3002}\x{ff01}\x{ff1f}\x{2026}]"
                r"[\"\x27\x{201d}\x{2019}\x{bb})\]]*$" % (PROSE_WORDS - 1))


def _reads_as_prose(line: str) -> bool:
    """Whether a line (collapsed, no label) reads as a paragraph of the article: long enough
    and ending as a sentence ends. Bylines, stamps, titles and link lines end otherwise.

    >>> _reads_as_prose("El Consejo aprobó este martes una ampliación del bono de alquiler.")
    True
    >>> _reads_as_prose("Lee también: Los precios del alquiler suben un 11 % en las ciudades")
    False
    >>> _reads_as_prose("Publicado: 12/03/2024 10:15 h"), _reads_as_prose("Terima kasih.")
    (False, False)
    """
    if not _SENTENCE_END.search(line):
        return False
    return line.count(" ") + 1 >= PROSE_WORDS or (" " not in line and len(line) >= PROSE_CHARS)


# An opening dateline in capitals: a place, a date ("12 mar"; a day alone before an agency, as
# Europa Press writes it: "MADRID, 3 (EUROPA PRESS) - "), an agency in brackets ("(EFE)"), then
# a dash, a dot before it allowed ("MADRID, 12 mar (EFE).- ", "BARCELONA.- "). A place's words
# are letters, joined inside by an apostrophe, a dot or a hyphen ("L'HOSPITALET").
_CAPS_WORD = r"[^\W\d_]+(?:['\u2019.-][^\W\d_]+)*"
_CAPS_LEAD = re.compile(
    rf"(?P<place>{_CAPS_WORD}(?:[ \t]+{_CAPS_WORD}){{0,4}}?)"
    r"(?P<date>,[ \t]*\d{1,2}(?:[ \t]+[^\W\d_]{2,12}\.?(?:[ \t]+\d{4})?|(?=[ \t]*\()))?"
    r"(?P<agency>[ \t]*\([^()\n]{2,30}\))?"
    r"[ \t]*(?P<sep>\.?(?:--|-|\u2013|\u2014))[ \t]+")
# What the text after a dateline may open with besides a capital or a digit: an opening quote,
# bracket or Spanish's inverted mark.
_TEXT_OPENERS = "\"'\u00ab\u201c\u2018\u00bf\u00a1("
CAPS_LEAD_KEY = ("lead", "CAPS", "")
# A place of two words or more in capitals ("HARBOR CITY"): one word alone may be an acronym, and
# is a place only where listed (_caps_lead_pattern).
CAPS_PLACES_PATTERN = r"\p{Lu}[\p{Lu}\x27’.-]*\p{Lu}(?:[ \t]+\p{Lu}[\p{Lu}\x27’.-]*){1,4}"
# How many letters an acronym has, in capitals inside a sentence ("said FEMA", "the NASA budget").
ACRONYM_LETTERS = (2, 8)
_CAPS_DATE_PATTERN = r",[ \t]*\d{1,2}(?:[ \t]+\pL{2,12}\.?(?:[ \t]+\d{4})?)?"
_CAPS_AGENCY_PATTERN = r"[ \t]*\((?P<source>[^()\n]{2,30})\)"


# A template's lines read as sentences with a sentence's end and this many lower-case words in
# a row after the first word (a clause: "harga cabai naik", "jumlah pengunjung naik"), or
# PROSE_WORDS words.
SENTENCE_RUN = 3
_LOWER_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*[.!?]?$")


def _lower_run(shape: tuple[str, ...]) -> int:
    """The most lower-case words in a row in a template after its first word (a slot, a number
    or a mark ends a run).

    >>> _lower_run(("pada", "<num>", "harga", "cabai", "naik", "<num>", "persen."))
    3
    >>> _lower_run(("sumber", "berita", "<name>"))
    1
    """
    best = run = 0
    for part in shape[1:]:
        run = run + 1 if _LOWER_WORD.match(part) and part.islower() else 0
        best = max(best, run)
    return best


def _reads_as_sentence(line: str) -> bool:
    """Whether a line reads as a sentence as a template's lines are judged to (_reads_as_sentences):
    a sentence's end, and a clause's run of lower-case words or as many words as prose has.

    >>> _reads_as_sentence("Menurutnya, siasatan lanjut akan bermula minggu depan.")
    True
    >>> _reads_as_sentence("Simak juga: Harga Cabai Naik."), _reads_as_sentence("Babak kedua")
    (False, False)
    """
    return bool(_SENTENCE_END.search(line)) and (
        _lower_run(tuple(line.split())) >= SENTENCE_RUN or line.count(" ") + 1 >= PROSE_WORDS)


def _reads_as_sentences(group: Group) -> bool:
    """Whether most of a template's lines (NAME_SHARE) read as sentences: a sentence's end and
    a clause's run of lower-case words (SENTENCE_RUN), or as many words as prose has."""
    lines = [shapes.collapse(o.text) for o in group.occurrences[:200]]
    run = _lower_run(group.key[1]) >= SENTENCE_RUN
    sentences = sum(1 for line in lines if _SENTENCE_END.search(line)
                    and (run or line.count(" ") + 1 >= PROSE_WORDS))
    return bool(lines) and sentences >= NAME_SHARE * len(lines)


# A sentence repeated word for word in fewer than this share of a site's documents is read as
# the articles' own text as much as the site's: a disclaimer or a police appeal reporters paste
# into a few stories, a standing line under every weather report. A line the site closes most
# of its articles with (a promo, "Simak berita X lainnya di Google News.") is its own.
SENTENCE_SITE_SHARE = 0.25


def _sentence_note(group: Group, rule: dict[str, Any], share: float) -> str | None:
    """What to tell the user about a drop-line rule whose lines read as sentences: a recurring
    sentence whose numbers vary (a template) is as often the article's own as the site's, and
    so is one sentence repeated word for word (an exact line, reading as prose) in few of the
    site's documents (`share` of them, under SENTENCE_SITE_SHARE)."""
    if rule["action"] != "drop-line":
        return None
    if group.kind == "template" and _reads_as_sentences(group):
        return ("its lines read as sentences (a sentence's end, a run of lower-case words): a "
                "recurring sentence whose numbers vary may be the articles' own text; paste "
                "the rule only if every line it takes is the site's")
    if group.kind == "exact" and share < SENTENCE_SITE_SHARE and _reads_as_sentence(group.key[1]):
        return (f"its line is a sentence, repeated word for word in {share:.0%} of the site's "
                "documents: as often the articles' own text (a disclaimer or an appeal "
                "reporters paste, a standing line of a kind of story) as the site's; paste the "
                "rule only if the line is the site's")
    return None


def _caps_lead(line: str) -> tuple[int, str] | None:
    """An opening dateline whose place is in capitals, as wires write it, the lead_shape
    forms aside: where the text after it starts, and its variant ("da|.-": a date, an agency,
    the separator). None for any other line.

    >>> _caps_lead("MADRID, 12 mar (EFE).- El Consejo de Ministros aprobó este martes la medida.")
    (23, 'da|.-')
    >>> _caps_lead("BARCELONA.- La Generalitat anunció este miércoles que la fase termina.")
    (12, '|.-')
    >>> _caps_lead("MADRID, 3 (EUROPA PRESS) - El Gobierno aprobó este martes el decreto.")
    (27, 'da|-')
    >>> _caps_lead("MADRID es la ciudad con más turistas.- dijo el alcalde en la rueda.") is None
    True
    """
    if len(line) < 40:
        return None
    m = _CAPS_LEAD.match(line[:200])      # a dateline is short; a hostile line is not read
    if m is None:
        return None
    place, rest = m.group("place"), line[m.end():]
    first = place.split()[0]
    if (place != place.upper() or sum(ch.isalpha() for ch in first) < 2
            or not (rest[:1].isupper() or rest[:1].isdigit() or rest[:1] in _TEXT_OPENERS)
            or len(rest.split()) < 4 or _reduplicated(line, m.end())):
        return None
    variant = ("d" if m.group("date") else "") + ("a" if m.group("agency") else "")
    return m.end(), f"{variant}|{m.group('sep')}"


def _caps_lead_pattern(variants: dict[str, int], places: Iterable[str] = ()) -> str:
    """The meta pattern of a capitals dateline, from the variants seen (_caps_lead): a date and
    an agency where some openings had one (optional where not all did), the separators seen.
    The text after it must open as text does: its first character stays (the `cut` group). Its
    place is two words or more in capitals, or one of `places`, the places of one word the
    dump showed as datelines: one word alone may be an acronym ("FEMA — The agency said").

    >>> "(?P<location>MILLBROOK|" in _caps_lead_pattern({"|—": 3}, ["MILLBROOK"])
    True
    """
    dates, agencies = _with_part(variants, "d"), _with_part(variants, "a")
    total = sum(variants.values())

    def part(pattern: str, count: int) -> str:
        return "" if not count else f"(?:{pattern})" + ("" if count == total else "?")

    seps = sorted(_separators(variants), key=lambda s: (-len(s), s))
    listed = "".join(f"{shapes.escape(place)}|" for place in places)
    return (rf"^(?P<cut>(?P<location>{listed}{CAPS_PLACES_PATTERN})"
            rf"{part(_CAPS_DATE_PATTERN, dates)}"
            rf"{part(_CAPS_AGENCY_PATTERN, agencies)}[ \t]*"
            rf"(?:{'|'.join(shapes.escape(s) for s in seps)})[ \t]+)"
            r"[\p{Lu}\d\x22\x27«“‘¿¡(]")


def _caps_places(occ: list[Occurrence]) -> set[str]:
    """The places of the capitals datelines seen (_caps_lead), as written, spaces collapsed."""
    places = set()
    for o in occ:
        m = _CAPS_LEAD.match(o.text[:200])
        if m is not None:
            places.add(" ".join(m.group("place").split()))
    return places


def _acronyms(sample: list[list[str]]) -> set[str]:
    """The words a site's documents (`sample`: their lines) write in capitals inside a sentence,
    after another word, in a line that is not all capitals: acronyms ("said FEMA on Monday",
    "the NASA budget"), which a place's name is not ("in Millbrook").

    >>> sorted(_acronyms([["The agency, FEMA, said on Monday.", "FLOODS HIT MILLBROOK"]]))
    ['FEMA']
    """
    found: set[str] = set()
    low, high = ACRONYM_LETTERS
    for lines in sample:
        for line in lines:
            if line.upper() == line:
                continue
            words = line.split()
            # The run of capitals opening a line is a dateline's place ("PORTO ALEGRE – ..."):
            # "ALEGRE" is half a place, no acronym.
            opening = next((i for i, w in enumerate(words) if not w.isupper()), len(words))
            for word in words[max(1, opening):]:
                word = word.strip(_ACRONYM_STRIP)
                if low <= len(word) <= high and word.isalpha() and word.isupper():
                    found.add(word)
    return found


# What may stand around an acronym in a sentence: punctuation and brackets.
_ACRONYM_STRIP = ".,;:!?()[]\"'“”‘’«»"


def _real_acronym_line(sample: list[list[str]], places: list[str]) -> str | None:
    """A line of the site's documents (`sample`) opening with one word in capitals before a
    dash that is no place seen ("EUA – China: a disputa ..."), whole: a real keep example for
    a capitals dateline's rule, preferred to one made of an acronym (_acronym_keep)."""
    for lines in sample:
        for line in lines:
            m = _CAPS_LEAD.match(line[:200])
            if m is None or _caps_lead(line) is None:
                continue
            place = m.group("place")
            if (" " not in place and place not in places and len(place) >= ACRONYM_LETTERS[0]
                    and len(line) <= 200):
                return line
    return None


def _acronym_keep(occ: list[Occurrence], places: list[str], acronyms: set[str]) -> str | None:
    """A keep example for a capitals dateline's rule: one of its lines with an acronym alone for
    its place, which the rule leaves ("FEMA — The city council voted ..."). The acronym is one
    the site's documents write (_acronyms) and no place seen, never one made up (the initials
    "OPA" of "O prefeito anunciou" are no word of the dump); None where no line gives one."""
    for o in occ:
        m = _CAPS_LEAD.match(o.text[:200])
        if m is None:
            continue
        place = " ".join(m.group("place").split())
        if " " not in place and place not in places:
            continue
        rest = o.text[m.start("place") + len(m.group("place")):]
        spare = sorted(acronyms - set(places))
        if not spare:
            return None
        acronym = spare[0]
        if len(acronym) < ACRONYM_LETTERS[0] or acronym in places:
            continue
        line = _example_text("lead", Occurrence(o.doc, o.line, acronym + rest, 0,
                                                len(acronym) + m.end() - m.start("place")
                                                - len(m.group("place")), o.head, o.tail, None))
        return line
    return None


def _caps_lead_display(variants: dict[str, int]) -> str:
    """A capitals dateline's shape as shown, from the variants seen (_caps_lead): the date and
    the agency where some openings had one, in brackets where not all did.

    >>> _caps_lead_display({"da|.-": 8, "|.-": 2})
    '<PLACE>[, <day> <month>][ (<agency>)] .-'
    """
    total = sum(variants.values())

    def part(text: str, flag: str) -> str:
        count = _with_part(variants, flag)
        return "" if not count else text if count == total else f"[{text}]"

    seps = " | ".join(sorted(_separators(variants)))
    return f"<PLACE>{part(', <day> <month>', 'd')}{part(' (<agency>)', 'a')} {seps}"


def _with_part(variants: dict[str, int], flag: str) -> int:
    """How many of the capitals datelines seen (_caps_lead's variants, counted) had a part:
    `flag` "d" a date, "a" an agency."""
    return sum(n for v, n in variants.items() if flag in v.partition("|")[0])


def _separators(variants: dict[str, int]) -> set[str]:
    """The separators the capitals datelines seen (_caps_lead's variants) ended with."""
    return {v.partition("|")[2] for v in variants}


# A byline's name: two to six capitalised words, short lower-case particles between them
# ("Ana de la Fuente").
BYLINE_NAME = (r"\p{Lu}[\pL\pN.\x27’-]*(?:\s+(?:\p{Ll}{1,3}\s+){0,2}\p{Lu}[\pL\pN.\x27’-]*)"
               r"{1,5}")


@cache
def _byline_name():
    """BYLINE_NAME compiled on RE2, case-sensitive, once a process."""
    return compile_pattern(BYLINE_NAME, case_sensitive=True)


def _word_and_name(line: str) -> str | None:
    """The word of a byline made of one word and a name ("Por Juan Pérez Gómez": "Por"), in
    any language: the word is what recurs, the name varies. None for any other line.

    >>> _word_and_name("Oleh Juan Pérez Gómez"), _word_and_name("Por la mañana, antes de todo.")
    ('Oleh', None)
    >>> _word_and_name("Por Navidad"), _word_and_name("Por Kompas.com Jakarta")
    (None, None)
    """
    if len(line) > 80:
        return None
    word, _, name = line.partition(" ")
    if not (word.isalpha() and len(word) <= 15) or _DOMAIN.search(name):
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


def _byline_with_outlet(line: str) -> OutletByline | None:
    """A portal's byline (a collapsed line): one word, names, the outlet (capitalised words or
    a domain) and, after a spaced dash, the place. None for any other line.

    >>> _byline_with_outlet("Por Maria da Silva, Portal Agora — São Paulo")
    OutletByline(word='Por', names='Maria da Silva', outlet='Portal Agora', sep='—', place='São Paulo')
    >>> _byline_with_outlet("Por la tarde, ayer - lo que dijo"), _byline_with_outlet("Por Ana Lima")
    (None, None)
    """
    if len(line) > 160:
        return None
    m = _OUTLET_BYLINE.fullmatch(line)
    if m is None or _DOMAIN.search(m.group("names")):
        return None
    outlet, place = m.group("outlet"), m.group("place")
    if not (shapes.is_name(outlet) or _DOMAIN.search(outlet.lower())):
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


def _byline_with_tail(line: str) -> TailByline | None:
    """A byline whose names end at a comma before a short tail naming the newsroom, not a
    person: up to two lower-case words of at most three letters, then one to three capitalised
    words (a collapsed line). None for any other line.

    >>> _byline_with_tail("Por Ana Paula Ribeiro, da Redação")
    TailByline(word='Por', names='Ana Paula Ribeiro', tail='da Redação')
    >>> _byline_with_tail("Por Juan Pérez, de la Redacción").tail
    'de la Redacción'
    >>> _byline_with_tail("Por la tarde, en casa"), _byline_with_tail("Por Ana Lima, Rio e SP")
    (None, None)
    """
    if len(line) > 140:
        return None
    m = _TAIL_BYLINE.fullmatch(line)
    if m is None or _DOMAIN.search(m.group("names")) or _DOMAIN.search(m.group("tail").lower()):
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


def _name_words(names: Iterable[str], particles: set[str], conjunctions: set[str]) -> NameWords:
    """The particles and joining words of a byline's `names` (one text per line). The packs'
    `particles` are particles and their `conjunctions` join names; of any other lower-case
    word, the lines tell: one standing between two full names (two capitalised words or more
    on each side) in every line it is in joins them, one that never does (of at most three
    letters) is a particle, and one that does in some lines only is neither: a line holding
    it is left to the user, rather than two authors made one or one author cut in two.

    >>> _name_words(["Ana Lima e Rui Souza", "Ana da Costa e Rui Souza", "Rui dos Reis"],
    ...             {"da"}, set())
    NameWords(particles=('dos', 'da'), joiners=('e',))
    >>> _name_words(["Ana Lima e Rui Souza", "Ana e Rui"], set(), set()).joiners
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


def _authors_pattern(words: NameWords) -> str:
    """A byline's names as a pattern: a name of two to six capitalised words, the particles
    between them (two at most in a row); then, joined by the joining words, more names (of one
    word or more: "Juan Pérez y María").

    >>> _authors_pattern(NameWords((), ()))
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


def _one_text(texts: Iterable[str], total: int) -> bool:
    """Whether the varying parts of a shape's `total` lines (a label's titles, a template's
    lines) are one text in most of them (FIXED_SHARE), case and spaces aside.

    >>> _one_text(["Terbit setiap hari"] * 9 + ["TERBIT  setiap hari"], 10)
    True
    >>> _one_text((f"Berita nomor {n}" for n in range(10)), 10), _one_text([], 0)
    (False, False)
    """
    allowed = (1 - FIXED_SHARE) * total      # lines that may differ from the commonest text
    counts: Counter = Counter()
    seen = most = 0
    for text in texts:
        key = shapes.collapse(text).casefold()
        counts[key] += 1
        seen += 1
        most = max(most, counts[key])
        # Every text is missing from at least seen - most lines already: a title that varies
        # is told after a tenth of its lines, not all of them.
        if seen - most > allowed:
            return False
    return seen > 0 and most >= FIXED_SHARE * seen


def _covered_share(group: Group) -> float:
    """The share of a group's lines the loaded rules remove."""
    occ = group.occurrences
    return sum(1 for o in occ if o.covered_by) / len(occ) if occ else 0.0


def _made_for(occ: list[Occurrence]) -> list[Occurrence]:
    """The occurrences a rule is made for: those the loaded rules leave, or all where they
    remove every one (the candidate is then shown as already removed)."""
    left = [o for o in occ if not o.covered_by]
    return left or occ


def _code_alternatives(found: dict[str, int], floors: bool = False) -> list[str]:
    """A pattern's alternatives for codes and how often each was seen: one per code shape, the
    commonest first, a shape seen once left out once nine codes in ten are matched. With
    `floors`, runs are no shorter than the shortest seen, as no longer than the longest."""
    codes = Counter(found)
    total = sum(codes.values())
    by_shape: Counter = Counter()
    for code, n in codes.items():
        by_shape[shapes.code_shape(code)] += n
    limits = shapes.run_limits(codes)
    lows = shapes.run_floors(codes) if floors else None
    alternatives, seen = [], 0
    for shape, n in by_shape.most_common(12):
        if n < 2 and seen >= 0.9 * total:
            break
        alternative = shapes.code_alternative(shape, limits, lows)
        # "ard / ard" and "ard/ard" are two shapes and one alternative.
        if alternative not in alternatives:
            alternatives.append(alternative)
        seen += n
    return alternatives


def _code_line_codes(group: Group) -> Counter:
    """The code lines (collapsed) a code-line rule is made for, and how often each was seen:
    those the loaded rules leave (_made_for); of codes of initials alone, only the desks whose
    initials vary (_varying_desks)."""
    made_for = _made_for(group.occurrences)
    codes = Counter(shapes.collapse(o.text) for o in made_for)
    if not shapes.initials_only(group.key[1]):
        return codes
    # Lines the loaded rules remove all of are only shown as removed: every desk is theirs.
    desks = _varying_desks(codes, keep_fixed=all(o.covered_by for o in made_for))
    return Counter({code: n for code, n in codes.items() if shapes.split_desk(code)[0] in desks})


def _varying_desks(codes: Counter, keep_fixed: bool = False) -> dict[str, Counter]:
    """The desks of codes of initials alone and each one's initials with how often they were
    seen: a desk whose code is one text in most of its lines (FIXED_SHARE) is left out unless
    `keep_fixed`. Letters alone do not tell "ant/mk" from "and/or", "tcp/ip" or "km/jam": a
    desk's editors vary, a pair of words or a unit is one line repeated, its exact line's.

    >>> sorted(_varying_desks(Counter({"ant/mk": 3, "ant/rz": 2, "km/jam": 9})))
    ['ant']
    """
    desks: dict[str, Counter] = defaultdict(Counter)
    for code, n in codes.items():
        desk, initials = shapes.split_desk(code)
        desks[desk][initials] += n
    return {desk: seen for desk, seen in desks.items()
            if keep_fixed or seen.most_common(1)[0][1] < FIXED_SHARE * sum(seen.values())}


def _code_line_rule(stem: str, where: str, group: Group) -> dict[str, Any] | None:
    """The drop-line rule for a code-line group; None where no code is left to make it for."""
    codes = _code_line_codes(group)
    if not codes:
        return None
    rule = {"id": f"{stem}/code-line", "action": "drop-line", "where": where,
            "case_sensitive": True}
    if group.key == shapes.STAFF_KEY:
        inner: Counter[str] = Counter()
        for code, n in codes.items():
            inner[shapes.unbracketed(code) or code] += n
        bracketed = any(code.startswith("(") for code in codes)
        return dict(rule, id=f"{stem}/staff-code-line", pattern=shapes.staff_code_line_pattern(
            _code_alternatives(inner, floors=True), bracketed))
    if shapes.initials_only(group.key[1]):
        return dict(rule, pattern=shapes.code_line_pattern(_desk_alternatives(codes)))
    return dict(rule, pattern=shapes.code_line_pattern(_code_alternatives(codes)))


def _desk_alternatives(codes: Counter) -> list[str]:
    """A pattern's alternatives for codes of initials alone: one per desk, the commonest first
    (at most twelve, a desk seen once left out once nine codes in ten are matched), its letters
    as written and the initials after it as classes."""
    desks = _varying_desks(codes, keep_fixed=True)
    total = sum(codes.values())
    alternatives, seen = [], 0
    for desk, initials in sorted(desks.items(), key=lambda d: (-d[1].total(), d[0]))[:12]:
        n = initials.total()
        if n < 2 and seen >= 0.9 * total:
            break
        initials_alternatives = _code_alternatives(initials, floors=True)
        alternatives.append(shapes.desk_alternative(desk, initials_alternatives))
        seen += n
    return alternatives


def _cleaned_language(doc: Document) -> str | None:
    """The language a document was cleaned as."""
    return doc.meta.get("lang")


def _display(group: Group) -> str:
    if group.kind == "exact":
        text = group.key[1]
        return text if len(text) <= 80 else text[:77] + "..."
    if group.kind == "label":
        return shapes.label_display(group.key)
    if group.kind == "template":
        return shapes.template_display(group.key[1])
    if group.kind == "stamp":
        return f"{group.key[1]} <date>"
    if group.kind == "code":
        return "( <code> )" if group.key[1] == "(" else "[ <code> ]"
    if group.kind == "code-line":
        return f"<code {group.key[1]}>"
    if group.kind == "byline":
        if group.form == BYLINE_NEWSROOM:
            return f"{group.key[1]} <name>, {group.key[3]}"
        if group.form == BYLINE_OUTLET:
            return f"{group.key[1]} <name>, {group.key[2]} - <place>"
        return f"{group.key[1]} <name>"
    if group.key == CAPS_LEAD_KEY:
        return _caps_lead_display(group.parts)
    return shapes.lead_display(group.key, group.parts)


# How many words a person's name after a label has, as told from a title in capitals: "Cláudia
# Rocha", not "Harga Cabai Naik Lagi".
PERSON_WORDS = (2, 3)


def _names_people(group: Group) -> bool:
    """Whether a label's lines name a person after it in nine lines of ten ("Edição: Cláudia
    Rocha"): two or three capitalised words, no domain (a title in capitals is longer)."""
    shaped = [shape for o in group.occurrences[:200] if (shape := shapes.label_shape(o.text))]
    low, high = PERSON_WORDS
    named = [s for s in shaped if low <= len(s.rest.split()) <= high and _is_person(s.rest)]
    return bool(shaped) and len(named) >= NAME_SHARE * len(shaped)


def _is_person(text: str) -> bool:
    """Whether a byline label's text is a name, as a meta rule captures one: capitalised words,
    no sentence, no domain or url.

    >>> _is_person("Rudi Hartono"), _is_person("Kompas.com"), _is_person("berita ini diperbarui.")
    (True, False, False)
    """
    return shapes.is_name(text) and not _DOMAIN.search(text)


# Bars between labelled bylines on one line ("Penulis: X | Editor: Y"), as the rule's pattern
# has them (shapes.CHAIN_BAR); a slash only with spaces around it ("Reporter: X / Editor: Y"),
# as "A/B" inside a name or title is no separator.
_CHAIN = re.compile(r"\s*[|•·]\s*|\s+/\s+")


@cache
def _joiners(conjunctions: frozenset[str]) -> str:
    """A comma, "&" or one of the conjunctions between two names, as a pattern (made once per
    set of conjunctions: asked for on every line of a byline label)."""
    words = "|".join(sorted(map(re.escape, conjunctions), key=len, reverse=True))
    return r"\s*[,&]\s*" + (rf"|\s+(?i:{words})\s+" if words else "")


def _chained_fields(field: str, chains: Iterable[tuple[tuple[str, str, str], ...]]
                    ) -> tuple[tuple[str, frozenset[str], str], ...]:
    """The labelled bylines that follow a byline label's name on its lines (`chains`: each
    line's, _byline_rest), in the order first seen, each label once with every separator it
    was written with and the capture it fills, numbered where a field comes twice (author2:
    the rule stage joins the two names).

    >>> [(label, sorted(seps), field) for label, seps, field in _chained_fields(
    ...     "author", [(), (("Editor", ":", "editor"),), (("editor", "-", "editor"),)])]
    [('Editor', ['-', ':'], 'editor')]
    >>> [field for _, _, field in _chained_fields("author", [(("Reporter", ":", "author"),)])]
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


@cache
def _shipped_languages() -> tuple[Pack, ...]:
    """The shipped language packs: `rules check` reads a site pack's cases with them."""
    return tuple(p for p in load_packs() if p.kind == "lang")


def _with_case(rule: dict[str, Any], checked, unlisted: frozenset[str] = frozenset()):
    """A byline rule given a case saying the names it fills (`{editors = ["X"]}`), from the
    first example whose names read alike alone and with the shipped language packs, as
    `rules check` reads them (a role word, an agency: "Tim Redaksi" fills no editor), and
    that holds none of the `unlisted` words (joining two names, which the site's pack is to
    list: the rule alone reads them as one); the rule as it was where no example does."""
    for example in rule["remove"]:
        if unlisted.intersection(example.split()):
            continue
        alone = run_rule(checked, example).meta
        read = run_rule(checked, example, _shipped_languages()).meta
        fields = {k: v for k, v in read.items() if k in ("authors", "editors") and v}
        if fields and all(alone.get(k) == v for k, v in fields.items()):
            with_case = dict(rule, cases=[{"input": example, "output": "", "meta": fields}])
            loaded = _check(with_case)
            if loaded is not None:
                rule["cases"] = with_case["cases"]
                return loaded
    return checked


# The word touching a hyphen from the left, and the word opening the text after it. Only a
# single hyphen joins a reduplicated word: "Jakarta, CNN Indonesia -- Indonesia ..." is a dateline.
_WORD_BEFORE_DASH = re.compile(r"([^\W\d_]+)\s*-\s*$")
_FIRST_WORD = re.compile(r"[^\W\d_]+")


def _reduplicated(line: str, end: int) -> bool:
    """Whether the hyphen a dateline shape ends at (`end`) joins a word to itself, as a tokenised
    text writes a reduplicated word with a spaced hyphen: no dateline, an ordinary word.

    >>> _reduplicated("Baru - baru ini, rapper asal California merilis album.", 7)
    True
    >>> _reduplicated("Jakarta - Pemerintah kota membuka taman baru hari ini.", 10)
    False
    """
    # A dateline shape's prefix is short; the window keeps a hostile line's scan short too.
    before = _WORD_BEFORE_DASH.search(line, max(0, end - 80), end)
    after = _FIRST_WORD.match(line, end)
    return before is not None and after is not None and _repeats(before.group(1), after.group(0))


def _repeats(left: str, right: str) -> bool:
    """Whether two words are one word said twice, case ignored, an affix on either side allowed:
    the end of `left` opens `right`, and that shared part is most of the longer word.

    >>> _repeats("Kupu", "kupu"), _repeats("Sehari", "hari"), _repeats("Sebaik", "baiknya")
    (True, True, True)
    >>> _repeats("com", "Compact"), _repeats("Bandung", "Pemerintah")
    (False, False)
    """
    left, right = left.casefold(), right.casefold()
    if left == right:
        return True
    longest = max(len(left), len(right))
    for size in range(min(len(left), len(right)), 2, -1):
        if 2 * size < longest:
            break
        if left.endswith(right[:size]):
            return True
    return False


def _where(occ: list[Occurrence]) -> str:
    """The lines a rule may fire on, covering every place its lines were seen: `head` where
    each is among the first lines, `tail` where each is among the last, `edges` where some are
    the one and some the other, else `any`. A line of a short document, among both the first
    and the last lines, counts as a head line where it is nearer the start, else as a tail
    line: in a document of normal length a byline opening it is in the head only, and a rule
    kept to the tail would leave it, while its count said it removes it.

    >>> def line(head, tail, early=False):
    ...     return Occurrence(0, 1, "x", 0, 1, head, tail, None, early)
    >>> _where([line(False, True)] * 9), _where([line(False, True)] * 9 + [line(False, False)])
    ('tail', 'any')
    >>> _where([line(True, False), line(True, True)]), _where([line(True, True)]), _where([])
    ('edges', 'tail', 'any')
    >>> _where([line(True, False), line(True, True, early=True)])
    'head'
    >>> _where([line(True, False), line(False, True)])
    'edges'
    """
    sides = {_side(o) for o in occ}
    if not sides or None in sides:
        return "any"
    return "edges" if len(sides) > 1 else "head" if "head" in sides else "tail"


def _lead_where(occ: list[Occurrence]) -> str:
    """Where a dateline's rule fires: `first` where each of its lines opened its document (the
    first line with text), so that a place in capitals before a dash in a paragraph below the
    lead ("EUA – China: a disputa ...") is left; `head` where some sat lower (under a title).

    >>> def line(first):
    ...     return Occurrence(0, 1, "x", 0, 1, True, False, None, True, first)
    >>> _lead_where([line(True)] * 3), _lead_where([line(True), line(False)])
    ('first', 'head')
    """
    return "first" if occ and all(o.first for o in occ) else "head"


def _looks_at(where: str, o: Occurrence) -> bool:
    """Whether a rule of this `where` may fire on the line (as matcher.applies tells it)."""
    if where == "first":
        return o.first
    if where == "any":
        return True
    if where == "edges":
        return o.head or o.tail
    return o.head if where == "head" else o.tail


def _side(o: Occurrence) -> str | None:
    """Where a line was seen: "head", "tail", or None (neither among the first lines nor the
    last)."""
    if o.head and o.tail:
        return "head" if o.early else "tail"
    return "head" if o.head else "tail" if o.tail else None


def _example_text(kind: str, o: Occurrence) -> str:
    """A real line to show and to use as a remove example; long lines cut to what matters."""
    text = shapes.collapse(o.text)
    if kind == "code" and len(text) > 90:
        cut = text.rfind(" ", 0, len(text) - 70)
        return text[cut + 1:] if cut > 0 else text
    if kind == "lead" and len(text) > 90:
        cut = text.find(" ", o.end + 30)
        return text[:cut] if cut > 0 else text
    return text


def _anchors(cand: Candidate) -> list[Callable[[str], bool]]:
    """What near misses share with the candidate, the closest first: for a code line, its
    shape ("and/or", "km/jam" beside "ant/mk"), then a slash in a short line."""
    anchor = _anchor(cand)
    if cand.sentences and cand.kind == "template":
        # Sentences opening alike that the rule leaves: "Pada Senin (10/3), polisi ..." beside
        # "Pada 2015 harga cabai naik 3 persen.".
        opening = cand.key[1][0] + " "
        alike = (lambda line: line.casefold().startswith(opening))
        return [anchor, alike] if anchor else [alike]
    if cand.kind != "code-line" or not cand.key:
        return [anchor] if anchor else []
    shape = cand.key[1]
    same = (lambda line: "/" in line and len(line) <= shapes.CODE_MAX_CHARS
            and shapes.code_line_key(line)[1] == shape)
    return [same, anchor] if anchor else [same]


def _anchor(cand: Candidate):
    """What a near miss shares with the candidate: its first words, or a closing bracket."""
    if cand.kind == "code":
        close = ")" if "(" in cand.shape else "]"
        return lambda line: line.endswith(close)
    if cand.kind == "code-line":
        # Short lines with a slash: dates, scores, other codes the pattern must leave.
        return lambda line: "/" in line and len(line) <= 2 * shapes.CODE_MAX_CHARS
    if cand.kind == "byline":
        # Lines opening with the byline's word: "Por la mañana, ..." beside "Por Juan Pérez".
        opening = cand.key[1] + " "
        return lambda line: line.casefold().startswith(opening)
    if cand.kind == "stamp":
        # Lines opening with the stamp's label: "Publicado em breve o edital".
        opening = cand.key[1] + " "
        return lambda line: line.casefold().startswith(opening)
    if cand.key == CAPS_LEAD_KEY:
        # Lines opening with a word in capitals: "MADRID es la ciudad ...".
        return lambda line: _opens_in_capitals(line)
    words = re.findall(r"[^\W\d_]{3,}", cand.shape if cand.kind != "exact" else cand.examples[0])
    words = [w.lower() for w in words if w.lower() not in ("name", "title", "place", "num", "code")]
    if not words:
        return None
    # (an exact line's two first words: "Por outro lado, ..." shares "por" with every byline)
    probe = words[:2] if cand.kind in ("label", "template", "exact") else words[:1]
    # Whole words: "tim yang" is not in "Tim-tim yang bertanding".
    shared = re.compile(r"(?<![\w'\u2019-])" + r"\s+".join(map(re.escape, probe))
                        + r"(?![\w'\u2019-])")
    return lambda line: shared.search(line.lower()) is not None


def _opens_in_capitals(line: str) -> bool:
    """Whether a line's first word is two or more letters, all capitals ("MADRID es ...")."""
    first = line.split(" ", 1)[0]
    return len(first) >= 2 and first.isalpha() and first.isupper()


# Letters NFKD leaves whole, as their ASCII spelling: "Straße" is "strasse", not "strae".
_ASCII_LETTERS = str.maketrans({"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ð": "d",
                                "þ": "th", "ł": "l", "ı": "i", "ħ": "h", "ŧ": "t"})


def _slug(text: str, words: int) -> str:
    """'Baca juga' -> 'baca-juga'; at most a few words, lower-case letters and digits. A letter
    with an accent is the letter ("también" -> "tambien"); a letter of a script with no ASCII
    form (Cyrillic, Greek, CJK) is kept as it is: a rule id is any UTF-8 text, and "line" for
    every such rule would say nothing.

    >>> _slug("DailySocial.id adalah portal berita startup", 3)
    'dailysocial-id-adalah'
    >>> _slug("Suscríbete a nuestro boletín", 4), _slug("Читайте также", 2)
    ('suscribete-a-nuestro-boletin', 'читайте-также')
    """
    parts = re.findall(r"[^\W_]+", "".join(map(_ascii_letter, text.lower().translate(
        _ASCII_LETTERS))))
    return "-".join(parts[:words]) or "line"


def _ascii_letter(ch: str) -> str:
    """A character's ASCII form where it is an ASCII letter with marks ("é" -> "e"), else the
    character: a Cyrillic "й" stays whole, its breve is part of the letter.

    >>> _ascii_letter("é"), _ascii_letter("й"), _ascii_letter("ﬁ")
    ('e', 'й', 'fi')
    """
    if ch.isascii():
        return ch
    plain = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
    return plain if plain.isascii() else ch


def _unique(rule_id: str, used: set[str]) -> str:
    if rule_id not in used:
        return rule_id
    n = 2
    while f"{rule_id}-{n}" in used:
        n += 1
    return f"{rule_id}-{n}"


def _check(rule: dict[str, Any]):
    """The loaded Rule if the rule dict passes the rule-file loader and its own examples."""
    try:
        raw = tomllib.loads(rule_toml(rule))["rule"][0]
        loaded = _load_rule(raw, 0, "suggest", Path("(suggest)"))
    except (RuleFileError, tomllib.TOMLDecodeError):
        return None
    if example_failures(loaded):
        return None
    return loaded


def fires(rule_obj, text: str) -> bool:
    """Whether a loaded rule removes anything from one line."""
    return bool(run_rule(rule_obj, text).removed)
