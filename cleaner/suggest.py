"""Mine a dump for boilerplate: lines and shapes recurring across a site's documents, ranked, as candidate rules.

Each document is cleaned first with the loaded packs, so every occurrence knows whether existing
rules already remove it (a line they cut a part from is mined for what they leave of it); then
every line is given its shapes (see `cleaner.shapes`) and counted once per document. A shape seen in enough of a site's documents becomes a candidate: a rule dict
in the rule-file format, checked by the loader and by its own examples before it is shown. A label
or template whose varying part never varies is one line repeated, left to its exact-line rule.

The Miner and the candidates are here; what it reads lines with is beside it: the groups it
counts (suggest_groups), what the loaded rules removed (suggest_removals), stamps
(suggest_stamps), prose (suggest_prose), datelines in capitals (suggest_datelines), bylines
(suggest_bylines) and desks' codes (suggest_codes).
"""

from __future__ import annotations

import math
import re
import tomllib
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any, Callable, Iterable
from urllib.parse import urlsplit

import re2

from cleaner import shapes
from cleaner.document import Document
from cleaner.examples import example_failures, run_rule
from cleaner.lexicon import Lexicon, fold_words, lexicon, shipped_lexicon
from cleaner.matcher import HEAD_LINES, TAIL_LINES
from cleaner.metadata import domain_name
from cleaner.rule_toml import rule_toml
from cleaner.rulefile import Pack, RuleFileError, _load_rule, compile_pattern, load_packs
from cleaner.sitekey import host_key, site_key, site_stem, squashed, subdomain_of
from cleaner.suggest_bylines import (BYLINE_PLACE, CHAIN, SEP_FLAG, TAIL_MARK, NameWords,
                                     authors_pattern, byline_with_outlet, byline_with_tail,
                                     chained_fields, is_person, joiners, name_words,
                                     names_people, word_and_name)
from cleaner.suggest_codes import code_alternatives, code_line_codes, code_line_rule
from cleaner.suggest_datelines import (CAPS_LEAD_KEY, acronym_keep, acronyms, caps_lead,
                                       caps_lead_display, caps_lead_pattern, caps_places,
                                       real_acronym_line, reduplicated)
from cleaner.suggest_groups import (BYLINE_NEWSROOM, BYLINE_OUTLET, BYLINE_WORD, DOMAIN,
                                    FIXED_SHARE, NAME_SHARE, Group, Occurrence, example_text,
                                    made_for)
from cleaner.suggest_prose import PROSE_UNLESS, reads_as_prose, sentence_note
from cleaner.suggest_removals import covered_by, dateline_line, removed_spans, rest_of, taken_whole
from cleaner.suggest_stamps import STAMP_DATE_PATTERN, bare_stamp, reads_as_date, stamp_date_pattern
from cleaner.wording import counted

# Kinds in the order they win a tie in document count: general shapes before exact lines.
KIND_ORDER = {"code": 0, "code-line": 1, "lead": 2, "byline": 3, "label": 4, "stamp": 5,
              "template": 6, "exact": 7}
# Documents per site whose lines are kept to look for near misses (keep examples).
SAMPLE_DOCS = 400
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
        first, *others = CHAIN.split(rest)
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
        return len(names) <= shapes.MAX_NAMES and all(map(is_person, names))

    def _name_list(self) -> re.Pattern:
        """What joins two names of a byline's list (_joined_names)."""
        return re.compile(self._joined_names())

    def _joined_names(self) -> str:
        """What joins two names of a byline's list, as a pattern: a comma, "&", a conjunction
        of the packs."""
        return joiners(frozenset(self._conjunctions))

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
        removed = removed_spans(doc)
        numbered = [(n, t) for n, t in enumerate(doc.text.split("\n"), start=1) if t.strip()]
        count = len(numbered)
        # The rest of each line the loaded rules cut from ("KUALA LUMPUR: " cut from the lead
        # leaves the lead; "" for a line they cut nothing from or took whole, mined as it was, to
        # show what they remove). A whole-line shape is mined in that rest: in the line as it
        # was, the lead would read as a label's title, and a rule dropping the line would drop
        # the lead paragraph with the dateline the loaded rule takes.
        rests = [rest_of(t, removed.get(n)) for n, t in numbered]
        mined = [rest or t for rest, (_, t) in zip(rests, numbered)]
        labels = [shapes.label_shape(t) for t in mined]
        # (the lines too long to be shaped that give a list under a label: a line-up)
        lists = [shapes.list_field(t) if label is None else None
                 for label, t in zip(labels, mined)]
        if len(state.sample) < SAMPLE_DOCS:
            # (near misses as the lines reach a new rule: after the loaded rules' cuts)
            state.sample.append([shapes.collapse(t) for t in mined])
        stamps = [label is not None and reads_as_date(label.rest, words.months)
                  for label in labels]
        # A dateline opens the article: in the first line, or below a title or byline the
        # header stage took, within the head lines, as the rules' own datelines are looked for.
        lead_seen = False
        # Past a dateline the rule stage applies no "head" rule: a line below one, the loaded
        # rules' or the dateline suggested here, is no head line. Nor is a line below the first
        # prose: that is the lead paragraph, which a dateline rule written later may open (one
        # suggest did not see), and a head rule for the line would then stop firing.
        dateline = dateline_line(doc, dict(numbered))
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
                covered = None if in_rest else covered_by(spans, start, end)
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
            if label is not None and label.rest[:1].islower() and reads_as_prose(label.rest):
                # (an article's sentence opening on the label's words, going on in lower case:
                # kept from its group, and made a keep example of the label's rule, which is
                # told to leave it. A title after the label opens in capitals, and so does a
                # site's own note: "Disclosure: Artikel ini adalah advertorial ...")
                state.prose_labels.setdefault(shapes.label_key(label), []).append(line)
                label = None
            prose_seen = prose_seen or (label is None and reads_as_prose(line))
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
                     and not taken_whole(rests[i], removed.get(numbered[i][0])))
                    or ((field := lists[i]) is not None and self._byline_field(field) is None)
                    for i in (pos - 1, pos + 1) if 0 <= i < count)
            if label is None and (bare := bare_stamp(line, words.months)) is not None:
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
                if lead is not None and not reduplicated(text, lead.end):
                    note("lead", shapes.lead_key(lead), 0, lead.end, lead.sep)
                    state.lead_sources[lead.source] += 1
                    lead_seen = True
                elif lead is None and (caps := caps_lead(text)) is not None:
                    note("lead", CAPS_LEAD_KEY, 0, caps[0], caps[1])
                    lead_seen = True
            if in_head or tail:
                byline = word_and_name(line)
                if byline is not None:
                    note_line("byline", ("byline", byline.casefold()), byline, BYLINE_WORD)
                elif (portal := byline_with_outlet(line)) is not None:
                    # "Por <names>, <Outlet> — <Place>": one group per word and outlet.
                    group = note_line("byline", ("byline", portal.word.casefold(),
                                                 portal.outlet.casefold()), portal.word,
                                      BYLINE_OUTLET)
                    group.flags[SEP_FLAG + portal.sep] += 1
                elif (desk := byline_with_tail(line)) is not None:
                    # "Por <names>, da Redação": one group per word and tail.
                    note_line("byline", ("byline", desk.word.casefold(), TAIL_MARK,
                                         desk.tail.casefold()), desk.word, BYLINE_NEWSROOM)

    def _name_words(self, group: Group) -> NameWords:
        """The lower-case words a byline group's names hold, told apart (name_words) with the
        packs' particles and conjunctions."""
        names = []
        for o in group.occurrences[:200]:
            line = shapes.collapse(o.text)
            if group.form == BYLINE_NEWSROOM:
                desk = byline_with_tail(line)
                names.append(desk.names if desk else line.partition(" ")[2])
                continue
            portal = byline_with_outlet(line) if group.form == BYLINE_OUTLET else None
            names.append(portal.names if portal else line.partition(" ")[2])
        return name_words(names, self._particles, self._conjunctions)

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
        if DOMAIN.search(source.lower()) or fold_words(source) in self._outlets:
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
            # whose names hold no word it leaves to the user (name_words); a capitals
            # dateline's for those whose place is no acronym (acronyms).
            pattern = compile_pattern(rule["pattern"], True)
            examples = (o for o in occ if pattern.search(shapes.collapse(o.text)))
        elif group.kind == "code-line":
            codes = code_line_codes(group)
            examples = (o for o in made_for(occ) if shapes.collapse(o.text) in codes)
        else:
            examples = iter(occ)
        distinct: list[str] = []
        for o in examples:
            example = example_text(group.kind, o)
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
        prose_note = sentence_note(group, rule, docs / state.mined if state.mined else 0.0)
        notes = [n for n in (name_note, prose_note) if n is not None]
        n = len(took)
        by = Counter(o.covered_by for o in took if o.covered_by)
        cand = Candidate(site=site, kind=group.kind, shape=_display(group), docs=docs,
                         site_docs=state.mined, lines=n, examples=distinct, rule=rule,
                         covered_by=by.most_common(3), covered=sum(by.values()) / n if n else 0,
                         regex=checked.regex, key=group.key,
                         occurrence_lines=[o.text for o in took[:200]], pack_words=pack_words,
                         notes=notes, loses_names=name_note is not None,
                         sentences=prose_note is not None)
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
        if self._byline_field(group.key[1]) is None and names_people(group):
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
                            chained=chained_fields(field, chains),
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
            dates = stamp_date_pattern(shapes.collapse(o.text)[len(label):].strip()
                                        for o in occ[:200])
            return {"id": f"{stem}/{_slug(label, 3)}-stamp", "action": "meta", "where": where,
                    "case_sensitive": True,
                    "pattern": f"^(?i:{shapes.escape(label)})\\s+(?P<date>{dates})$"}
        if group.kind == "code":
            name = "trailing-code" if key[1] == "(" else "trailing-code-square"
            return {"id": f"{stem}/{name}", "action": "drop-span", "where": where,
                    "case_sensitive": True,
                    "pattern": shapes.code_pattern(key[1], code_alternatives(group.parts))}
        if group.kind == "code-line":
            return code_line_rule(stem, where, group)
        if group.kind == "lead" and key == CAPS_LEAD_KEY:
            # One word in capitals before the dash is as often an acronym as a place ("FEMA —
            # The agency said"): only those the dump opened its datelines with, and writes in
            # capitals inside no sentence, are places; two words or more are always one.
            written = acronyms(self.sites[site].sample)
            places = sorted(p for p in caps_places(occ) if " " not in p and p not in written)
            rule = {"id": f"{stem}/dateline", "action": "meta", "where": _lead_where(occ),
                    "case_sensitive": True, "pattern": caps_lead_pattern(group.parts, places)}
            keep = (real_acronym_line(self.sites[site].sample, places)
                    or acronym_keep(occ, places, written))
            if keep is not None:
                rule["keep"] = [keep]
            return rule
        if group.kind == "byline":
            if _one_text((o.text for o in occ), len(occ)):
                return None
            word = Counter(group.parts).most_common(1)[0][0]
            authors = authors_pattern(self._name_words(group))
            head = f"^(?i:{shapes.escape(word)})\\s+(?P<author>{authors})"
            if group.form == BYLINE_WORD:
                return {"id": f"{stem}/byline", "action": "meta", "where": where,
                        "case_sensitive": True, "pattern": f"{head}$"}
            if group.form == BYLINE_NEWSROOM:
                # "Por <names>, da Redação": the tail names the newsroom, no author; it is
                # written out as the lines spell it, the names before it captured.
                tails = Counter(desk.tail for o in occ[:200]
                                if (desk := byline_with_tail(shapes.collapse(o.text))))
                tail = tails.most_common(1)[0][0] if tails else key[3]
                return {"id": f"{stem}/byline-newsroom", "action": "meta", "where": where,
                        "case_sensitive": True,
                        "pattern": f"{head}\\s*,\\s*(?i:{shapes.escape(tail)})$"}
            # "Por <names>, <Outlet> — <Place>": the outlet is the source, the place the location.
            outlets = Counter(portal.outlet for o in occ[:200]
                              if (portal := byline_with_outlet(shapes.collapse(o.text))))
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
        # (the keep examples the rule was made with stay first: acronym_keep's)
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
        return caps_lead_display(group.parts)
    return shapes.lead_display(group.key, group.parts)


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
