"""Rule packs as data: load TOML rule files, check them, and fail loudly naming file, rule and reason."""

from __future__ import annotations

import difflib
import os
import re
import tomllib
from functools import lru_cache
from dataclasses import dataclass, field, fields, replace
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any, Collection, Iterable

import re2

from cleaner.ascii_form import ascii_form, compile_ascii, hidden_error
from cleaner.chrome_classes import CHROME_GROUPS
from cleaner.document import META_FIELDS
from cleaner.pack_cache import PackCache, cache_dir, entry_key
from cleaner.pattern_forms import collecting
from cleaner.pattern_tokens import tokens
from cleaner.plain_form import is_plain, plain_form
from cleaner.re2_spans import Spans
from cleaner.relaxed_form import relaxed_form
from cleaner.scan_form import scan_form
from cleaner.validity import date_span

ACTIONS = ("drop-line", "drop-tail", "drop-span", "meta")
# Where a rule may fire (cleaner.matcher.applies): any line, the head, the tail, either edge,
# the last line with text alone (a prompt closing the article that a paragraph higher up quotes),
# or the first alone (a dateline opening the article: a place in capitals before a dash in a
# paragraph below it is the paragraph's, "EUA – China: ...").
WHERE = ("any", "head", "tail", "edges", "last", "first")
KINDS = ("common", "lang", "site")
# Named groups a "meta" rule may capture; "cut" marks the part to remove when it is not the
# whole match (RE2 has no look-around, so context is matched but left in place).
META_GROUPS = frozenset({"date", "author", "editor", "source", "location", "title", "category",
                         "outlet"})
# "town": the words after a place word in a dateline's place ('KAMPUNG DIGI'), which the packs'
# verb and club words may refuse (metadata.names_no_town); it fills no field itself.
SPECIAL_GROUPS = frozenset({"cut", "town"})
SET_FIELDS = frozenset({"source", "location", "category", "lang"})
# How a numeric date ("04/03/2026") is read: a site pack's `date_order` for its documents, a
# rule's for the date it captures; without one, day first (as Indonesia, Britain and Brazil
# write it).
DATE_ORDERS = ("day-first", "month-first")

# The keys a [[rule]], the [pack] and a rule's case may have. docs/authoring.md's "Rule-file
# reference" lists each of them, and ACTIONS, WHERE, KINDS, SET_FIELDS and the named groups:
# tests/test_rulefile_reference.py holds it to them.
_RULE_KEYS = {"id", "description", "action", "pattern", "where", "case_sensitive", "set",
              "remove", "keep", "cases", "aliases", "valid_from", "valid_until", "then",
              "then_max", "scan", "unless", "date_order"}
_PACK_KEYS = {"id", "kind", "name", "description", "lang", "near", "country_domains", "domains",
              "signatures",
              "aliases", "stopwords", "min_stopword_share", "sentence_case_titles", "months",
              "abbreviations",
              "byline_labels", "conjunctions",
              "sections", "fact_labels", "info_box_labels", "date_words", "date_joiners",
              "byline_words",
              "name_particles", "place_particles", "compass_words", "honorifics", "weekdays",
              "role_words", "agencies", "outlets", "credentials", "not_places", "not_names",
              "verb_prefixes", "verb_suffixes", "passive_prefixes", "verb_towns", "club_words",
              "not_name_words", "number_words",
              "vowels", "passive_stem_syllables", "passive_stems", "not_sections", "error_phrases",
              "consent_phrases", "comment_phrases", "related_labels", "chrome_classes", "timezone",
              "html_strip",
              "valid_from", "valid_until", "date_order"}
_CASE_KEYS = frozenset({"input", "output", "meta"})
# A named piece of pattern a file's rules share: its name in the file's [patterns] table, and
# its call in a rule's pattern, `(?&name)`, PCRE's subroutine call, which RE2 refuses, so it can
# mean nothing else there. The loader writes `(?:piece)` in its place (_expand).
_PIECE_NAME = re.compile(r"[a-z][a-z0-9_]*")
_PIECE_CALL = re.compile(r"\(\?&(\w*)(\)?)")
# The keys of a rule whose patterns may call pieces.
_PIECE_KEYS = ("pattern", "unless", "then", "scan")
# RE2's reasons for refusing look-around ("invalid perl operator: (?<=") and back-references
# ("invalid escape sequence: \1"), which it leaves out on purpose.
_BACKTRACKING = re.compile(r"perl operator|escape sequence: \\\d")
# A rule's valid_from / valid_until written as text: a year, a month or a day.
_ISO_BOUND = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
# A letter or a digit: what a phrase of a [pack] list must hold.
_WORDY = re.compile(r"[^\W_]")
# What a pack id may be: it names files (a site's learned pack, suggested packs).
_PACK_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
# The rule ids the cleaner records its own removals under, by prefix: a rule of a file named
# so would be counted, reported and explained as one of them.
RESERVED_PREFIXES = {
    "header/": "the title, bylines and category the head moves into meta",
    "html/": "what a web page's extraction leaves out",
    "learned/": "the lines --learn-boilerplate learns",
    "markup/": "what strip_tags takes from a text field with the tags (comments, scripts)",
    "structure/": "a body's repeated copy (a text given twice)",
}


def engine_rule_id(rule: str) -> bool:
    """Whether a removal's rule id is one the cleaner gives its own removals (RESERVED_PREFIXES;
    a site's html_strip selectors, `kompas.com/html-strip:div.ad`), not a rule's.

    >>> engine_rule_id("header/title"), engine_rule_id("kompas/byline")
    (True, False)
    """
    prefix, _, rest = rule.partition("/")
    return f"{prefix}/" in RESERVED_PREFIXES or rest.startswith("html-strip")


def unknown_rule_ids(ids: Iterable[object], packs: Iterable[Any]) -> list[str]:
    """The rule ids among `ids` (a record's removals' `rule`s) that no rule of `packs` has as its
    id or an alias while a rule of theirs has the id's prefix: a rule renamed without `aliases`.
    Not the ids the cleaner gives (engine_rule_id), nor a pack's that is not loaded (another
    pack's, not a rename). Each once, in order; `fixtures check` and `rules check` both ask."""
    known: set[str] = set()
    prefixes: set[str] = set()
    for pack in packs:
        for rule in pack.rules:
            known.add(rule.id)
            known.update(rule.aliases)
            prefixes.add(rule.id.split("/", 1)[0])
    return list(dict.fromkeys(
        rule for rule in ids if isinstance(rule, str) and rule not in known and "/" in rule
        and rule.split("/", 1)[0] in prefixes and not engine_rule_id(rule)))


class RuleFileError(ValueError):
    """A rule file that cannot be used: names the file, the rule, the line the rule's id stands
    on (where the file names it once) and the reason."""

    def __init__(self, path: str | Path, reason: str, rule: str | None = None):
        self.path, self.rule, self.reason = str(path), rule, reason
        lines = id_lines(self.path, rule) if rule else []
        self.line: int | None = lines[0] if len(lines) == 1 else None
        where = f"{path}" + (f", rule {rule!r}" if rule else "") + \
            (f" (line {self.line})" if self.line else "")
        super().__init__(f"{where}: {reason}")

    def __reduce__(self):
        # Pickled by what made it: a worker's error then reaches the process that started the
        # worker (multiprocessing, Dataset.map(num_proc=N)), where the default, __init__ given
        # the message alone, failed to unpickle it and left the pool waiting for ever.
        return (type(self), (self.path, self.reason, self.rule))


def _table_line(path: str | Path, index: int) -> str:
    """" (line N)": where the file's `index`-th [[rule]] table opens; "" where it cannot be
    told."""
    tables = _lines_matching(path, r"^[ \t]*\[\[[ \t]*rule[ \t]*\]\]")
    return f" (line {tables[index]})" if index < len(tables) else ""


def id_lines(path: str | Path, rule: str) -> list[int]:
    """The lines of a rule file that give a rule this id (`id = "kompas/related"`); none where
    the file cannot be read as text."""
    return _lines_matching(path, r"^[ \t]*id[ \t]*=[ \t]*([\"'])" + re.escape(rule) + r"\1")


def _lines_matching(path: str | Path, pattern: str) -> list[int]:
    """The numbers of a file's lines that `pattern` matches at their start; none where the
    file cannot be read as text."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return []
    return [text.count("\n", 0, m.start()) + 1
            for m in re.finditer(pattern, text, re.MULTILINE)]


def re2_options() -> re2.Options:
    """RE2 options shared by every compiled rule: no match crosses a line, no log noise."""
    opts = re2.Options()
    opts.never_nl = True
    opts.log_errors = False
    opts.max_mem = 64 << 20
    return opts


@lru_cache(maxsize=None)
def compile_pattern(pattern: str, case_sensitive: bool = False) -> Any:   # re2 has no types
    """Compile one rule pattern on RE2, the linear-time engine, so no pattern can hang a run.

    Cached for the process: Unicode classes such as \\pL make a compile take milliseconds."""
    return re2.compile(case_flagged(pattern, case_sensitive), re2_options())


def case_flagged(pattern: str, case_sensitive: bool) -> str:
    """The pattern as compiled: wrapped in (?i:...) unless it is case-sensitive."""
    return pattern if case_sensitive else f"(?i:{pattern})"


# The characters a text holds, for the form of a rule searched in it (Rule.spans_for).
ASCII, PLAIN, ANY = "ascii", "plain", "any"


def alphabet_of(text: str, data: bytes) -> str:
    """ASCII, PLAIN (beyond ASCII only plain_form.ALPHABET) or ANY, for a text and its UTF-8."""
    if len(data) == len(text):
        return ASCII
    return PLAIN if is_plain(text) else ANY


@lru_cache(maxsize=None)
def compile_spans(pattern: str, case_sensitive: bool = False, alphabet: str = ANY,
                  relaxed: bool = False) -> Spans:
    """The pattern compiled for the rule stage, whose searches give plain byte spans.

    `alphabet`: the characters of the texts it will search (alphabet_of). ASCII: the pattern's
    ASCII form (cleaner.ascii_form), which matches there where the pattern does and compiles
    and warms up 5 to 100 times faster; most lines a rule is searched on are ASCII, so most
    rules never need their UTF-8 form. PLAIN: its Unicode classes narrowed to the characters
    such a text may hold (cleaner.plain_form), the same matches again.
    `relaxed`: large bounded repeats unbounded (cleaner.relaxed_form), for texts no longer than
    the limit relaxed_form gives, where it matches as the pattern does.
    """
    if relaxed:
        pattern = relaxed_form(pattern)[0]
    if alphabet == ASCII:
        regex = compile_ascii(case_flagged(pattern, case_sensitive), re2_options())
        if regex is not None:
            return Spans(regex)
    elif alphabet == PLAIN and (narrowed := plain_form(pattern, case_sensitive)) is not None:
        return Spans(compile_pattern(narrowed, case_sensitive))
    return Spans(compile_pattern(pattern, case_sensitive))


def pack_forms(pack: Pack) -> dict[tuple, Any]:
    """Every rewrite of the pack's patterns a run may ask for (cleaner.pattern_forms), worked
    out now to be kept with the pack: the scan forms of the rules' set and of the site's
    signatures, each rule's relaxed form, and the ASCII and narrowed forms compile_spans makes
    of each pattern, relaxed pattern, `then` and `unless`."""
    with collecting() as forms:
        if pack.signature_pattern:
            scan_form(pack.signature_pattern)
            _compiled_forms(pack.signature_pattern, True)
        for rule in pack.rules:
            scan_form(rule.scan_source)
            relaxed = relaxed_form(rule.pattern)[0]
            for pattern in dict.fromkeys((rule.pattern, relaxed, rule.then, rule.unless)):
                if pattern:
                    _compiled_forms(pattern, rule.case_sensitive)
    return forms


def _compiled_forms(pattern: str, case_sensitive: bool) -> None:
    """The rewrites compile_spans asks for to compile a pattern for ASCII and for plain text."""
    ascii_form(case_flagged(pattern, case_sensitive))
    plain_form(pattern, case_sensitive)


class LineSearch:
    """A rule's `unless` or `then` pattern, searched in a line's text with the cheapest compiled
    form that gives the pattern's answer on it (compile_spans: ASCII, narrowed, or full).

    Compiled whole for every line, such a pattern with Unicode classes took a worker 1.2 to 1.4
    MB of memory each (the full UTF-8 form of \\pL and \\p{Lu} repeats and its automaton; two
    `unless` patterns of the English pack met on the benchmark's first 10 MB), where the line
    asked about was ASCII or plain nearly always.
    """

    __slots__ = ("pattern", "case_sensitive")

    def __init__(self, pattern: str, case_sensitive: bool):
        self.pattern = pattern
        self.case_sensitive = case_sensitive

    def search(self, text: str) -> list | None:
        """The match's spans in the text's UTF-8 (Spans.search), or None where it has none."""
        data = text.encode("utf-8", "surrogatepass")
        form = compile_spans(self.pattern, self.case_sensitive, alphabet_of(text, data))
        return form.search(data)


@lru_cache(maxsize=None)
def line_search(pattern: str, case_sensitive: bool = False) -> LineSearch:
    """The LineSearch of a pattern, one per pattern and case for the process (as compiled forms
    are: there are as many as the rules' `unless` and `then` patterns)."""
    return LineSearch(pattern, case_sensitive)


@lru_cache(maxsize=None)
def check_pattern(pattern: str):
    """Parse a rule pattern as RE2 does and return it compiled for checking; raises re2.error.

    RE2 parses the same syntax whatever the encoding and case, but compiled as case-sensitive
    Latin-1 a Unicode class like \\pL spans 256 characters, not 1.1 million: checking every
    shipped rule takes 0.04 s instead of 0.6 s. Rules are compiled for matching (compile_pattern)
    only when first used, so a run starts fast and a worker compiles only the rules of the sites
    it sees.

    A pattern is checked in its ASCII form (cleaner.ascii_form), where each Unicode class
    is a short list and an inline (?i) does not make RE2 fold 1.1 million code points (tens of
    milliseconds for a site signature such as "(?mi)^...\\p{Lu}[\\pL ]{1,30}"); an unknown
    class is still refused, and so are the errors that form hides (ascii_form.hidden_error).
    A character given by its code, "\\x{2019}", is accepted, as RE2 accepts it in UTF-8.
    """
    opts = re2_options()
    opts.encoding = re2.Options.Encoding.LATIN1
    error = hidden_error(pattern)
    if error is not None:
        raise re2.error(error)
    source = ascii_form(pattern)
    try:
        if source is not None:
            return re2.compile(source.encode(), opts)
        return re2.compile(pattern.encode("utf-8"), opts)
    except re2.error as exc:
        raise as_written(pattern, exc) from None


def as_written(pattern: str, exc: re2.error) -> re2.error:
    """RE2's refusal of a pattern checked in another form (its ASCII form, or its UTF-8 bytes
    read as Latin-1), told again of the pattern as written: parsed as UTF-8, RE2 quotes the
    file's own text ('Anúncio'), not the form's bytes ('An\\x80ncio'). Only a refused
    pattern pays the second parse; where the UTF-8 parse accepts it, the first reason stands."""
    opts = re2_options()
    try:
        re2.compile(pattern.encode("utf-8", "surrogatepass"), opts)
    except re2.error as written:
        return written
    return exc


@dataclass(frozen=True)
class Rule:
    """One rule: what to match, what to do with it, and the examples that prove it."""

    id: str
    action: str
    pattern: str
    description: str = ""
    where: str = "any"
    case_sensitive: bool = False
    set: tuple[tuple[str, str], ...] = ()
    remove: tuple[str, ...] = ()
    keep: tuple[str, ...] = ()
    cases: tuple[dict, ...] = ()
    aliases: tuple[str, ...] = ()
    pack: str = ""
    path: str = ""
    # First and last day (inclusive) of the documents the rule applies to; None: no bound.
    valid_from: date | None = None
    valid_until: date | None = None
    # drop-line only: following lines that match `then` go too, at most `then_max` of them
    # (a "Baca juga:" label alone on its line, then the related titles one a line).
    then: str = ""
    then_max: int = 3
    # A looser pattern than `pattern` for the set that finds the lines to search (matcher's scan
    # form is made of it); "" when the pattern itself serves. It must match wherever `pattern`
    # does: examples.example_failures holds it to the rule's examples.
    scan: str = ""
    # A pattern for the lines the rule does not fire on though its pattern matches them: the
    # exceptions RE2 cannot write into a pattern without look-ahead ('ac/dc' and 'tcp/ip' are
    # no desk codes); "" for none.
    unless: str = ""
    # How the date the rule captures reads when numeric (DATE_ORDERS); "": as its document's
    # dates do (its site pack's date_order, else day first). MetaSink.rule_months says which wins.
    date_order: str = ""

    @property
    def scan_source(self) -> str:
        """What the rules' set scans lines for: the rule's `scan` pattern, else its pattern."""
        return self.scan or self.pattern

    @property
    def regex(self) -> Any:
        """The pattern compiled for matching, on first use (shared by equal patterns)."""
        return compile_pattern(self.pattern, self.case_sensitive)

    @property
    def spans(self) -> Spans:
        """The pattern compiled for the rule stage: searches give byte spans, groups by name."""
        return compile_spans(self.pattern, self.case_sensitive)

    @property
    def ascii_spans(self) -> Spans:
        """`spans` for ASCII text only: the same answers there, far cheaper to compile."""
        return compile_spans(self.pattern, self.case_sensitive, ASCII)

    def spans_for(self, data: bytes, alphabet: str) -> Spans:
        """The cheapest compiled form that gives `spans`' answers on this text (UTF-8 bytes;
        `alphabet`: its characters, alphabet_of)."""
        relaxed = len(data) <= relaxed_form(self.pattern)[1]
        return compile_spans(self.pattern, self.case_sensitive, alphabet, relaxed)

    @property
    def then_regex(self) -> Any:      # (Any: callers test for None apart from the search)
        """The `then` pattern's LineSearch, for a line's text (None without one)."""
        return line_search(self.then, self.case_sensitive) if self.then else None

    @property
    def unless_regex(self) -> Any:
        """The `unless` pattern's LineSearch, for a line's text (None without one)."""
        return line_search(self.unless, self.case_sensitive) if self.unless else None

    def __reduce__(self) -> tuple:
        return _from_fields(self)


@dataclass(frozen=True)
class Pack:
    """A rule file: its scope (common, one language, one site) and its rules."""

    id: str
    kind: str
    path: str
    name: str = ""
    description: str = ""
    lang: str | None = None
    near: str | None = None
    # The country-code top-level domains ("my") of the countries that write a language pack's
    # language, lower case: a tie of stopwords at such a host goes to it (PackIndex.language).
    country_domains: frozenset[str] = frozenset()
    domains: tuple[str, ...] = ()
    signatures: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    stopwords: frozenset[str] = frozenset()
    # The share of a text's words its stopwords must be for detection to name this language
    # (identify.PackIndex.language): identify.MIN_STOPWORD_SHARE unless the pack sets its own.
    min_stopword_share: float | None = None
    # Whether the language writes its headlines in sentence case ('El precio del alquiler sube un
    # 11,4% en febrero'), so that a long first line with few capitals may still be the title
    # (header.looks_like_title): a pack's key, false unless set.
    sentence_case_titles: bool = False
    months: tuple[tuple[str, int], ...] = ()
    abbreviations: frozenset[str] = frozenset()
    byline_labels: tuple[tuple[str, tuple[str, ...]], ...] = ()
    conjunctions: tuple[str, ...] = ()
    sections: frozenset[str] = frozenset()
    fact_labels: frozenset[str] = frozenset()
    # The labels of a book's or a film's info box ('Judul', 'Penerbit', 'ISBN'), lower case: a
    # byline label among them names the book's author, not the article's.
    info_box_labels: frozenset[str] = frozenset()
    date_words: frozenset[str] = frozenset()
    # Words written between a day and its month and between a month and its year ('12 de marzo
    # de 2024'), lower case: the date reader drops them there and nowhere else.
    date_joiners: frozenset[str] = frozenset()
    byline_words: frozenset[str] = frozenset()
    name_particles: frozenset[str] = frozenset()
    place_particles: frozenset[str] = frozenset()
    compass_words: frozenset[str] = frozenset()
    honorifics: frozenset[str] = frozenset()
    weekdays: frozenset[str] = frozenset()
    role_words: frozenset[str] = frozenset()
    agencies: frozenset[str] = frozenset()
    # The agencies as the pack spells them ('Bernama', 'ANTARA'): how a source that is one is
    # written, whatever case the text wrote it in.
    agency_names: tuple[str, ...] = ()
    # News outlets a byline names after its persons ('The Washington Post'), lower case.
    outlets: frozenset[str] = frozenset()
    credentials: frozenset[str] = frozenset()
    not_places: frozenset[str] = frozenset()
    # What an editor's label may stand before that is no one's name ('Editor: Me', 'Editor:
    # Thanks.'), lower case.
    not_names: frozenset[str] = frozenset()
    # What makes the words after a place word ('SUNGAI DICEMARI', 'KUALA LUMPUR CITY') no town
    # (a rule's `town` group): the affixes of a verb, the towns that look like one all the same,
    # a club's words; lower case.
    verb_prefixes: frozenset[str] = frozenset()
    verb_suffixes: frozenset[str] = frozenset()
    passive_prefixes: frozenset[str] = frozenset()
    verb_towns: frozenset[str] = frozenset()
    club_words: frozenset[str] = frozenset()
    not_name_words: frozenset[str] = frozenset()
    # The numbers from two up written as words ('seven', 'cinco', 'tujuh'): a headline counting
    # a list's items with one (header._kicker_or_subject).
    number_words: frozenset[str] = frozenset()
    # The script's vowels (lower case) and the syllables a passive verb's stem has at least
    # without a suffix ('DILANDA'; 0: no such rule), by which the words after a place word are
    # read: the letters of the pack's language, not the code's.
    vowels: frozenset[str] = frozenset()
    passive_stem_syllables: int = 0
    # Stems shorter than that count that a passive prefix makes a verb of all the same ('bom' of
    # 'DIBOM', bombed), lower case.
    passive_stems: frozenset[str] = frozenset()
    # What a page's section field holds that names no section ("All", "Home Page"), lower case.
    not_sections: frozenset[str] = frozenset()
    # What an error page's or a consent wall's title or first line says ("page not found",
    # "we use cookies"), lower case.
    error_phrases: frozenset[str] = frozenset()
    consent_phrases: frozenset[str] = frozenset()
    # What a comment section's notice says ("comments are moderated"), lower case.
    comment_phrases: frozenset[str] = frozenset()
    # What labels a related article's link inside a paragraph ("Baca juga", "Read more"), lower
    # case: a web page's "<label>: <a>title</a>" is put on a line of its own (html_extract).
    related_labels: frozenset[str] = frozenset()
    # The words a web page's class or id tokens name chrome with in the pack's language, by
    # chrome group (chrome_classes.CHROME_GROUPS): ('related', ('berita-terkait', ...)), lower
    # case.
    chrome_classes: tuple[tuple[str, tuple[str, ...]], ...] = ()
    timezone: str | None = None
    # A site pack: how its documents' numeric dates read (DATE_ORDERS); "": day first.
    date_order: str = ""
    html_strip: tuple[str, ...] = ()
    valid_from: date | None = None
    valid_until: date | None = None
    rules: tuple[Rule, ...] = ()
    # The names of the file's [patterns] pieces that no rule of it calls (piece_warnings).
    unused_pieces: tuple[str, ...] = ()
    # Its patterns' rewritten forms (pack_forms; {} until load_pack works them out), which a
    # Cleaner remembers (pattern_forms): a pack from the pack cache brings them along.
    forms: dict[tuple, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def signature_pattern(self) -> str | None:
        """The signatures as one pattern (None without any): text that names the site."""
        return "|".join(f"(?:{s})" for s in self.signatures) if self.signatures else None

    def __reduce__(self) -> tuple:
        return _from_fields(self)


def _from_fields(obj: Any) -> tuple:
    """What pickles a Rule or Pack: made again from its fields, as a compiled build's frozen
    dataclass cannot take them back one by one, which is how pickle would give them."""
    return (type(obj), tuple(getattr(obj, f.name) for f in fields(obj)))


def _strings(value: Any, path: Path, what: str, rule: str | None = None) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RuleFileError(path, f"{what} must be a string or a list of strings", rule)
    return tuple(value)


def _bounds(raw: dict, path: Path, rule: str | None = None) -> tuple[date | None, date | None]:
    """valid_from / valid_until as first and last days; a TOML date, a year (2017 or "2017"),
    "2017-06" or "2017-06-30"."""
    bounds: list[date | None] = []
    for key, end in (("valid_from", 0), ("valid_until", 1)):
        value = raw.get(key)
        if value is None:
            bounds.append(None)
            continue
        if type(value) is int:              # valid_until = 2019, unquoted: that year
            value = str(value)
        # Strict, unlike a document's date: "20170630" would read as the year 2017 and
        # "2017-06-30T99 garbage" as that day, a rule's span silently not the one meant.
        text_ok = not isinstance(value, str) or _ISO_BOUND.fullmatch(value.strip())
        span = date_span(value) if text_ok else None
        if span is None:
            raise RuleFileError(path, f"{key} must be an ISO date (2017, 2017-06 or 2017-06-30), "
                                      f"not {value!r}", rule)
        bounds.append(span[end])
    if bounds[0] and bounds[1] and bounds[0] > bounds[1]:
        raise RuleFileError(path, f"valid_from {bounds[0]} is after valid_until {bounds[1]}", rule)
    return bounds[0], bounds[1]


def _within(rule: Rule, first: date | None, last: date | None, path: Path) -> Rule:
    """A rule bounded also by its pack's validity: the later start and the earlier end."""
    if first is None and last is None:
        return rule
    start = max(d for d in (first, rule.valid_from) if d) if first or rule.valid_from else None
    end = min(d for d in (last, rule.valid_until) if d) if last or rule.valid_until else None
    if start and end and start > end:
        raise RuleFileError(path, f"valid dates do not overlap the pack's ({start} > {end})", rule.id)
    return replace(rule, valid_from=start, valid_until=end)


def _load_rule(raw: Any, index: int, pack_id: str, path: Path, compiled: bool = True,
               pieces: dict[str, str] | None = None, used: set[str] | None = None) -> Rule:
    """One [[rule]] table, checked, its calls of the file's `pieces` ([patterns]) written out
    first; the names of the pieces it calls are added to `used`."""
    if not isinstance(raw, dict):
        raise RuleFileError(path, f"[[rule]] #{index + 1} is not a table")
    rule_id = raw.get("id")
    if not isinstance(rule_id, str) or not rule_id.strip():
        raise RuleFileError(path, f"[[rule]] #{index + 1}{_table_line(path, index)} has no id")
    unknown = set(raw) - _RULE_KEYS
    if unknown:
        # (a misspelt key is often not the rule's only mistake: the rest is checked too, so
        # that fixing the spelling is not the only way to learn of the next)
        said = f"unknown keys {sorted(unknown)}" + _meant(unknown, _RULE_KEYS)
        try:
            _load_rule({key: value for key, value in raw.items() if key not in unknown}, index,
                       pack_id, path, compiled, pieces, used)
        except RuleFileError as exc:
            said += f"; and {exc.reason}"
        raise RuleFileError(path, said, rule_id)
    raw = _with_pieces(raw, pieces or {}, path, rule_id, used if used is not None else set())
    aliases = _strings(raw.get("aliases"), path, "aliases", rule_id)
    _not_reserved(rule_id, aliases, path)
    action = raw.get("action")
    if action is None:
        raise RuleFileError(path, f"no action: give one of {', '.join(ACTIONS)}", rule_id)
    if action not in ACTIONS:
        raise RuleFileError(path, f"action must be one of {', '.join(ACTIONS)}, not {action!r}",
                            rule_id)
    where = raw.get("where", "any")
    if where not in WHERE:
        raise RuleFileError(path, f"where must be one of {', '.join(WHERE)}, not {where!r}", rule_id)
    pattern = raw.get("pattern")
    if not isinstance(pattern, str) or not pattern:
        raise RuleFileError(path, "pattern must be a non-empty string", rule_id)
    if any(token == "\\C" for token, _ in tokens(pattern)):
        # RE2 takes \C as any one byte: a match could end inside a character's UTF-8 bytes,
        # which no text offset can name.
        raise RuleFileError(path, "\\C (any single byte) can split a character; use . instead",
                            rule_id)
    case_sensitive = raw.get("case_sensitive", False)
    if not isinstance(case_sensitive, bool):
        raise RuleFileError(path, "case_sensitive must be true or false", rule_id)
    try:
        regex = check_pattern(pattern)
    except re2.error as exc:
        raise RuleFileError(path, f"pattern rejected by the linear-time engine (RE2): "
                                  f"{_refusal(exc, _pattern_advice(_re2_reason(exc)))}",
                            rule_id)
    if compiled:
        try:
            compile_pattern(pattern, case_sensitive)
        except re2.error as exc:
            raise RuleFileError(path, "pattern cannot be compiled for matching: "
                                + _compile_refusal(exc, "split it into several rules"), rule_id)
    # A field may be captured in several alternatives: location, location2, ...
    groups = {name.decode().rstrip("0123456789") for name in regex.groupindex}
    unknown_groups = groups - META_GROUPS - SPECIAL_GROUPS
    if unknown_groups:
        raise RuleFileError(path, f"unknown named groups {sorted(unknown_groups)}; allowed: "
                                  f"{sorted(META_GROUPS | SPECIAL_GROUPS)}", rule_id)
    sets = _sets(raw.get("set", {}), path, rule_id)
    if action != "meta" and (groups - SPECIAL_GROUPS or sets):
        raise RuleFileError(path, f"only a meta rule may capture or set metadata ({action})",
                            rule_id)
    if action == "meta" and not (groups - SPECIAL_GROUPS or sets):
        raise RuleFileError(path, "a meta rule must capture a named group or set a value", rule_id)
    if "cut" in groups and action in ("drop-line", "drop-tail"):
        # The whole line goes all the same (and the lines after it): a user writing a cut
        # group means only it to go.
        raise RuleFileError(path, f"a cut group marks the part a drop-span or meta rule removes; "
                                  f"a {action} rule removes the whole line: make it drop-span, "
                                  "or take the group out", rule_id)
    if "town" in groups and "location" not in groups:
        # The town's words are checked only as part of a captured place: alone they fill nothing.
        raise RuleFileError(path, "a town group is read only inside a captured location: capture "
                                  "(?P<location>...) around it", rule_id)
    both = sorted(groups & set(sets))
    if both:
        # The capture would fill the field first and the constant be dropped in silence, or,
        # where the group did not take part in the match, the constant be used: which one a
        # record gets is not what the rule says.
        raise RuleFileError(path, f"{' and '.join(both)} {'is' if len(both) == 1 else 'are'} "
                                  f"both set (set = {{{both[0]} = ...}}) and captured "
                                  f"((?P<{both[0]}>...)): which one fills the record is "
                                  f"ambiguous; keep one (for a constant where the group does "
                                  f"not match, write two rules)", rule_id)
    remove = _strings(raw.get("remove"), path, "remove", rule_id)
    keep = _strings(raw.get("keep"), path, "keep", rule_id)
    cases = raw.get("cases", [])
    if not isinstance(cases, list) or not all(isinstance(c, dict) and "input" in c for c in cases):
        raise RuleFileError(path, "cases must be a list of tables with an input", rule_id)
    for case in cases:
        # A misspelt key ("ouput") would leave the case checking nothing of what it says.
        if set(case) - _CASE_KEYS:
            raise RuleFileError(path, f"a case takes input, output and meta, not "
                                      f"{sorted(set(case) - _CASE_KEYS)}", rule_id)
        if not isinstance(case.get("meta", {}), dict) or set(case.get("meta", {})) - set(META_FIELDS):
            raise RuleFileError(path, f"a case's meta is a table of record fields "
                                      f"({', '.join(sorted(META_FIELDS))})", rule_id)
    if not remove and not cases:
        raise RuleFileError(path, "a rule needs at least one 'remove' example or a case", rule_id)
    if regex.fullmatch(b"") is not None:
        raise RuleFileError(path, "pattern matches empty text", rule_id)
    valid_from, valid_until = _bounds(raw, path, rule_id)
    date_order = _date_order(raw.get("date_order"), path, rule_id)
    if date_order and "date" not in groups:
        raise RuleFileError(path, "date_order says how the date a rule captures reads, and this "
                                  "rule captures no date ((?P<date>...)): leave it out", rule_id)
    then, then_max = _then(raw, action, path, rule_id)
    scan = _scan(raw, path, rule_id)
    unless = _unless(raw, path, rule_id)
    if compiled:
        # (as the pattern: one that parses may still pass RE2's memory budget once compiled)
        _compiles(then, "then", case_sensitive, path, rule_id)
        _compiles(unless, "unless", case_sensitive, path, rule_id)
    return Rule(id=rule_id, action=action, pattern=pattern,
                description=str(raw.get("description", "")), where=where,
                case_sensitive=case_sensitive, set=tuple(sorted(sets.items())),
                remove=remove, keep=keep, cases=tuple(cases),
                aliases=aliases,
                pack=pack_id, path=str(path), valid_from=valid_from, valid_until=valid_until,
                then=then, then_max=then_max, scan=scan, unless=unless, date_order=date_order)


def _pieces(data: dict, path: Path) -> dict[str, str]:
    """A file's [patterns] table, checked: piece name -> RE2 pattern. A piece is parsed alone
    (a broken one is refused by its name, not in each rule calling it) and calls no piece: one
    level keeps a rule's written-out pattern plain to read, and no order of pieces to mind."""
    table = data.get("patterns", {})
    if not isinstance(table, dict):
        raise RuleFileError(path, "[patterns] must be a table of name = 'pattern'")
    for name, piece in table.items():
        if not _PIECE_NAME.fullmatch(name):
            raise RuleFileError(path, f"[patterns]: piece name {name!r} must be lower-case "
                                      f"letters, digits and '_', starting with a letter "
                                      f"([a-z][a-z0-9_]*), like speech_after")
        if not isinstance(piece, str) or not piece:
            raise RuleFileError(path, f"[patterns]: piece {name!r} must be a non-empty pattern "
                                      f"string, not {piece!r}")
        if _calls(piece):
            raise RuleFileError(path, f"[patterns]: piece {name!r} calls a piece ((?&...)): a "
                                      f"piece may not use another; write that part out")
        try:
            check_pattern(piece)
        except re2.error as exc:
            raise RuleFileError(path, f"[patterns]: piece {name!r} rejected by RE2 on its own: "
                                      f"{_re2_reason(exc)}")
    return dict(table)


def _calls(pattern: str) -> list[tuple[int, int, str, bool]]:
    """Where a pattern calls a piece, `(?&name)`, outside classes and escapes ('[(?&]' and
    '\\(?&' are characters): (start, end, the name written, whether a ')' closes it)."""
    if "(?&" not in pattern:
        return []
    found = []
    offset = 0
    for token, inside in tokens(pattern):
        if token == "(?" and not inside:
            call = _PIECE_CALL.match(pattern, offset)
            if call is not None:
                found.append((offset, call.end(), call.group(1), bool(call.group(2))))
        offset += len(token)
    return found


def _with_pieces(raw: dict, pieces: dict[str, str], path: Path, rule_id: str,
                 used: set[str]) -> dict:
    """A rule's table with the piece calls of its patterns written out (_expand)."""
    expanded = {key: _expand(raw[key], key, pieces, path, rule_id, used)
                for key in _PIECE_KEYS if isinstance(raw.get(key), str)}
    return {**raw, **expanded}


def _expand(pattern: str, key: str, pieces: dict[str, str], path: Path, rule_id: str,
            used: set[str]) -> str:
    """A pattern with each `(?&name)` replaced by `(?:piece)`: the rule then reads, checks,
    compiles and explains as if written out, the group keeping a repeat after the call on the
    whole piece. A call of a piece the file does not define, and a call that names none, are
    refused; the names called are added to `used`."""
    calls = _calls(pattern)
    if not calls:
        return pattern
    out, pos = [], 0
    for start, end, name, closed in calls:
        if not name:
            raise RuleFileError(path, f"{key}: '(?&' names no piece: call one of this file's "
                                      f"[patterns] as (?&name)", rule_id)
        if not closed or not _PIECE_NAME.fullmatch(name):
            raise RuleFileError(path, f"{key}: {pattern[start:end]!r} is no piece call: write "
                                      f"(?&name), a name of [a-z][a-z0-9_]* from this file's "
                                      f"[patterns]", rule_id)
        if name not in pieces:
            have = (f"its [patterns] define {', '.join(sorted(pieces))}" if pieces
                    else "it has no [patterns]")
            raise RuleFileError(path, f"{key} calls piece {name!r}, which this file does not "
                                      f"define ({have}; a pack calls only its own pieces)",
                                rule_id)
        used.add(name)
        out.append(pattern[pos:start])
        out.append(f"(?:{pieces[name]})")
        pos = end
    out.append(pattern[pos:])
    return "".join(out)


def piece_warnings(packs: Iterable[Pack]) -> list[tuple[str, str]]:
    """A [patterns] piece no rule of its file calls, as (its file, the warning): left over from
    a rule since removed, or a call misspelt into another piece's name."""
    return [(pack.path, f"[patterns]: piece {name!r} is called by no rule of this file "
                        f"((?&{name})); remove it or call it")
            for pack in packs for name in pack.unused_pieces]


def _scan(raw: dict, path: Path, rule_id: str) -> str:
    """A rule's `scan` pattern, checked ("" without one)."""
    scan = raw.get("scan", "")
    if not isinstance(scan, str):
        raise RuleFileError(path, "scan must be a pattern, as pattern is", rule_id)
    if scan:
        try:
            check_pattern(scan)
        except re2.error as exc:
            raise RuleFileError(path, f"scan rejected by the linear-time engine (RE2): "
                                      f"{_re2_reason(exc)}", rule_id)
    return scan


def _not_reserved(rule_id: str, aliases: tuple[str, ...], path: Path) -> None:
    """Refuse an id or alias under a prefix the cleaner's own removals use (RESERVED_PREFIXES):
    a record could not tell the rule's removals from the cleaner's."""
    for name in (rule_id, *aliases):
        prefix = next((p for p in RESERVED_PREFIXES if name.startswith(p)), None)
        if prefix is not None:
            what = "id" if name == rule_id else "alias"
            kept = "; ".join(f"{p}: {why}" for p, why in RESERVED_PREFIXES.items())
            raise RuleFileError(path, f"{what} {name!r} starts with {prefix}, a prefix the "
                                      f"cleaner keeps for its own removals ({kept}), which a "
                                      f"record could not tell from this rule's: name the rule "
                                      f"<site stem>/<what>, like "
                                      f"{_stem_of(path)}/{name.rsplit('/', 1)[-1] or 'x'}",
                                rule_id)


def _stem_of(path: Path) -> str:
    """A rule file's name as the first part of its rule ids (kompas.com.toml: kompas)."""
    return path.stem.split(".")[0] or "mine"


def _sets(sets: Any, path: Path, rule_id: str) -> dict[str, str]:
    """A rule's `set` table: the fields it names first, as a field that cannot be set is the
    likelier mistake than a value that is not text (authors = ["X"] is both)."""
    if not isinstance(sets, dict):
        raise RuleFileError(path, "set must be a table of field = \"value\"", rule_id)
    unknown = sorted(set(sets) - SET_FIELDS)
    if unknown:
        # authors, editors, title, date: fields a meta rule fills only from the text it matches
        captured = [name for name in unknown if name.removesuffix("s") in META_GROUPS - SET_FIELDS]
        hint = (f"; {captured[0]} can only be captured, by a named group "
                f"(?P<{captured[0].removesuffix('s')}>...) in the pattern" if captured else "")
        raise RuleFileError(path, f"set may fill only {sorted(SET_FIELDS)}, not {unknown}{hint}",
                            rule_id)
    wrong = sorted(name for name, value in sets.items() if not isinstance(value, str))
    if wrong:
        raise RuleFileError(path, f"set values must be strings: {', '.join(wrong)}", rule_id)
    return sets


def _compiles(pattern: str, key: str, case_sensitive: bool, path: Path, rule_id: str) -> None:
    """Refuse a rule's `then` or `unless` pattern that RE2 cannot compile for matching."""
    if not pattern:
        return
    try:
        compile_pattern(pattern, case_sensitive)
    except re2.error as exc:
        raise RuleFileError(path, f"{key} pattern cannot be compiled for matching: "
                            + _compile_refusal(exc, "make it smaller"), rule_id)


def _unless(raw: dict, path: Path, rule_id: str) -> str:
    """A rule's `unless` pattern, checked ("" without one)."""
    unless = raw.get("unless", "")
    if not isinstance(unless, str):
        raise RuleFileError(path, "unless must be a pattern, as pattern is", rule_id)
    if not unless:
        return ""
    regex = _checked(unless, "unless", "describe the lines to spare instead", path, rule_id)
    if regex.search(b"") is not None:
        # It would spare every line: the rule would never fire.
        raise RuleFileError(path, "unless pattern matches empty text, so it spares every line "
                                  "and the rule never fires; make it match only the lines the "
                                  "rule must leave", rule_id)
    return unless


def _then(raw: dict, action: str, path: Path, rule_id: str) -> tuple[str, int]:
    """A drop-line rule's `then` pattern and `then_max`, checked ("" and 3 without them)."""
    then, then_max = raw.get("then", ""), raw.get("then_max", 3)
    if not then:
        if "then_max" in raw:
            # Without a pattern it bounds nothing: the author likely meant a `then` as well.
            raise RuleFileError(path, "then_max bounds the lines a then pattern takes; this rule "
                                      "has no then", rule_id)
        return "", 3
    if action != "drop-line" or not isinstance(then, str):
        raise RuleFileError(path, "then is a pattern, and only for drop-line rules", rule_id)
    # (true is an int to Python, and would pass as 1)
    if type(then_max) is not int or not 1 <= then_max <= 20:
        raise RuleFileError(path, "then_max must be a whole number from 1 to 20", rule_id)
    regex = _checked(then, "then", "describe the lines to take instead", path, rule_id)
    if regex.search(b"") is not None:
        # It would take any line: the article's next paragraphs after every label.
        raise RuleFileError(path, "then pattern matches empty text, so it would take every "
                                  "line after the one dropped, up to then_max of them: the "
                                  "article's next paragraphs; make it match only the lines "
                                  "that go with the dropped one (the titles under a 'Baca "
                                  "juga:' label)", rule_id)
    return then, then_max


def _checked(pattern: str, key: str, advice: str, path: Path, rule_id: str) -> Any:
    """A rule's `then` or `unless` pattern parsed by RE2 (check_pattern), or refused with RE2's
    reason and `advice` (_refusal)."""
    try:
        return check_pattern(pattern)
    except re2.error as exc:
        raise RuleFileError(path, f"{key} pattern rejected by RE2: {_refusal(exc, advice)}",
                            rule_id)


def _pattern_advice(reason: str) -> str:
    """What a rule's pattern does instead of what RE2 refused in it: the exceptions a negative
    look-around held go in `unless`; the context a positive one held, in a cut group.

    >>> _pattern_advice("invalid perl operator: (?!")
    'give the lines it must not take as an unless pattern (a line matching it is kept)'
    >>> _pattern_advice("invalid perl operator: (?<=")
    'use a (?P<cut>...) group to keep context'
    """
    if "(?!" in reason or "(?<!" in reason:
        return "give the lines it must not take as an unless pattern (a line matching it is kept)"
    return "use a (?P<cut>...) group to keep context"


def _refusal(exc: re2.error, advice: str) -> str:
    """RE2's reason for refusing a pattern, with a hint only where it asked for what RE2 leaves
    out on purpose (look-around, back-references)."""
    reason = _re2_reason(exc)
    if not _BACKTRACKING.search(reason):
        return reason
    return (f"{reason}; look-around and back-references can backtrack and are not allowed, "
            f"{advice}")


# A host name as documents' urls give it (identify.url_host): lower case, no "www.", no scheme,
# port or path.
_DOMAIN = re.compile(r"(?!www\.)[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+")


def _domains(value: Any, path: Path) -> tuple[str, ...]:
    """A pack's domains, lower-cased; one written with www., a scheme or a path is refused, as
    it would never match a document's host."""
    domains = tuple(d.strip().lower() for d in _strings(value, path, "domains"))
    for domain in domains:
        if not _DOMAIN.fullmatch(domain):
            raise RuleFileError(path, f"domains: {domain!r} is not a bare host name: "
                                      f"{domain_advice(domain)}")
    return domains


# What a domain may carry that a document's host never has (identify.url_host drops www. and
# the port; a scheme and a path are no part of a host), each with what to do about it.
_DOMAIN_EXTRAS = (
    (re.compile(r"^[a-z][a-z0-9+.-]*://"), "drop the scheme {!r}"),
    (re.compile(r"[/?#].*$"), "drop the path {!r}"),
    (re.compile(r":[0-9]*$"), "drop the port {!r}"),
    (re.compile(r"^www\."), "drop {!r}: documents' hosts are read without it"),
)


def _meant(unknown: set[str], known: Collection[str]) -> str:
    """The known keys misspelt keys stand for, where one is close ("patern": "pattern"), for
    the error that names them; nothing where none is.

    >>> _meant({"patern", "zzz"}, ["pattern", "action"])
    " (did you mean 'pattern' for 'patern'?)"
    >>> _meant({"zzz"}, ["pattern"])
    ''
    """
    close = [(key, found[0]) for key in sorted(unknown)
             if (found := difflib.get_close_matches(key, known, n=1, cutoff=0.75))]
    if not close:
        return ""
    return " (did you mean " + ", ".join(f"{right!r} for {wrong!r}" for wrong, right in close) \
        + "?)"


def domain_advice(domain: str) -> str:
    """What to do about a domain that is not a bare host name, for the mistake it holds: a
    scheme, a path, a port, www. (each dropped in turn, and the host left named), else the
    characters a host name is made of.

    >>> domain_advice("noticias-exemplo.com.br:8080")
    "drop the port ':8080'; write 'noticias-exemplo.com.br'"
    >>> print(domain_advice("https://www.kompas.com/news"))  # doctest: +NORMALIZE_WHITESPACE
    drop the scheme 'https://', drop the path '/news', drop 'www.': documents' hosts are read
    without it; write 'kompas.com'
    >>> domain_advice("kompas")
    'a host name is words of letters, digits and hyphens joined by dots, like kompas.com'
    """
    said, host = [], domain
    for extra, advice in _DOMAIN_EXTRAS:
        found = extra.search(host)
        if found is not None:
            said.append(advice.format(found.group()))
            host = host[:found.start()] + host[found.end():]
    if said and _DOMAIN.fullmatch(host):
        return f"{', '.join(said)}; write {host!r}"
    return ", ".join([*said, "a host name is words of letters, digits and hyphens joined by "
                             "dots, like kompas.com"])


def _compile_refusal(exc: re2.error, advice: str) -> str:
    """RE2's reason for not compiling a pattern, with `advice` on its size where size is the
    reason (a pattern past RE2's memory budget); another (`\\p{Letrá}`, no such class) is
    said as it is.

    >>> _compile_refusal(re2.error(b"pattern too large - compile failed"), "make it smaller")
    'pattern too large - compile failed (RE2 allows 64 MB a pattern; make it smaller)'
    >>> _compile_refusal(re2.error(b"invalid character class range: Letra"), "make it smaller")
    'invalid character class range: Letra'
    """
    reason = _re2_reason(exc)
    return f"{reason} (RE2 allows 64 MB a pattern; {advice})" if "too large" in reason \
        else reason


def _re2_reason(exc: re2.error) -> str:
    """RE2's reason for refusing a pattern, as text (it comes as bytes)."""
    reason = exc.args[0] if exc.args else exc
    return reason.decode(errors="replace") if isinstance(reason, bytes) else str(reason)


def load_pack(path: str | Path, kind: str | None = None, compiled: bool = True,
              content: bytes | None = None) -> Pack:
    """Read and check one rule file; the pack kind comes from [pack] or the folder it sits in.

    Patterns are parsed either way; `compiled` also compiles them for matching now (cached for
    the run), which a pattern too large for RE2's memory budget fails. The shipped packs skip
    that (the test suite compiles every one of them), so a run only compiles the rules it uses.
    `content`: the file's bytes, when the caller has read them already. A file with broken
    rules raises the first one's error, which counts the others.
    """
    pack, errors = read_pack(path, kind, compiled, content)
    if errors:
        raise _first_of(errors)
    assert pack is not None
    return replace(pack, forms=pack_forms(pack))


def read_pack(path: str | Path, kind: str | None = None, compiled: bool = True,
              content: bytes | None = None) -> tuple[Pack | None, list[RuleFileError]]:
    """A rule file's pack holding the rules that load, and an error for each rule that does
    not; (None, [the error]) when the file or its [pack] table cannot be used.

    What `rules check` reads: one broken rule does not hide the next one's error, nor keep the
    file's other rules from their checks. Arguments as load_pack's.
    """
    path = Path(path)
    head_error: RuleFileError | None = None
    try:
        data = _read_toml(path, content)
        try:
            pack: Pack | None = _pack_head(data, path, kind)
        except RuleFileError as exc:
            # (the rules are still checked, so that fixing the [pack] table is not the only
            # way to learn of a broken rule: rules check lists every error of the file)
            head_error, pack = exc, None
        pieces = _pieces(data, path)
        raw_rules = data.get("rule", [])
        if not isinstance(raw_rules, list):
            raise RuleFileError(path, "rules are written as [[rule]] tables")
    except RuleFileError as exc:
        return None, [error for error in (head_error, exc) if error is not None]
    rules: list[Rule] = []
    errors: list[RuleFileError] = [head_error] if head_error is not None else []
    used: set[str] = set()
    pack_id = pack.id if pack is not None else _stand_in_id(data, path)
    for index, raw in enumerate(raw_rules):
        try:
            rule = _load_rule(raw, index, pack_id, path, compiled, pieces, used)
            if pack is not None:
                rules.append(_within(rule, pack.valid_from, pack.valid_until, path))
        except RuleFileError as exc:
            errors.append(exc)
    if pack is None:
        return None, errors
    unused = tuple(name for name in pieces if name not in used)
    return replace(pack, rules=tuple(rules), unused_pieces=unused), errors


def _stand_in_id(data: dict, path: Path) -> str:
    """The id a file's rules are checked under where its [pack] table cannot be used: the id
    it gives, where that is a name, else the file's stem."""
    head = data.get("pack")
    given = head.get("id") if isinstance(head, dict) else None
    return given if isinstance(given, str) and _PACK_ID.fullmatch(given) else path.stem


def _first_of(errors: list[RuleFileError]) -> RuleFileError:
    """The first of a file's errors, naming the other broken rules: a run stops at the first,
    and fixing it should not be the only way to learn of the next."""
    first, others = errors[0], errors[1:]
    if not others:
        return first
    names = ", ".join(e.rule or "a rule with no id" for e in others)
    more = f"{len(others)} more broken rule{'s' if len(others) > 1 else ''}"
    return RuleFileError(first.path, f"{first.reason} (and {more} in this file: {names}; "
                                     f"cleaner rules check lists them)", first.rule)


def _read_toml(path: Path, content: bytes | None) -> dict:
    """A rule file's TOML as a table: from `content`, else read from `path`."""
    try:
        raw = path.read_bytes() if content is None else content
        # Universal newlines, as reading the file as text would give; a byte order mark (as
        # Windows editors save UTF-8) is not part of the TOML.
        text = raw.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
        data = tomllib.loads(text)
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleFileError(path, f"cannot read: {exc}")
    except tomllib.TOMLDecodeError as exc:
        # (a pattern written in double quotes reads its backslashes as escapes: \s is none)
        hint = "; write patterns in single quotes ('^Baca\\s+juga'), where a backslash is " \
            "itself" if str(exc).startswith("Unescaped '\\'") else ""
        raise RuleFileError(path, f"not valid TOML: {exc}{hint}")
    unknown = set(data) - {"pack", "patterns", "rule"}
    if unknown:
        raise RuleFileError(path, f"unknown top-level keys {sorted(unknown)}")
    return data


def _pack_head(data: dict, path: Path, kind: str | None) -> Pack:
    """The pack a file's [pack] table describes, checked, with no rules yet."""
    head = data.get("pack", {})
    if not isinstance(head, dict):
        raise RuleFileError(path, "[pack] must be a table")
    unknown = set(head) - _PACK_KEYS
    if unknown:
        raise RuleFileError(path, f"unknown [pack] keys {sorted(unknown)}"
                                  + _meant(unknown, _PACK_KEYS))
    # A pack that names domains or signatures is a site's wherever its file sits: taken for a
    # common pack, its rules would fire on every site.
    kind = (head.get("kind") or kind
            or ("site" if head.get("domains") or head.get("signatures") else _kind_from_path(path)))
    if kind not in KINDS:
        raise RuleFileError(path, f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
    pack_id = head.get("id") or path.stem
    if not isinstance(pack_id, str) or not _PACK_ID.fullmatch(pack_id):
        # A pack id names files (suggest --write-packs, --learn-save): "../x" would write
        # outside the folder asked for, and a number breaks every command that prints it.
        raise RuleFileError(path, f"pack id must be a name of letters, digits, '.', '_' and "
                                  f"'-' (like kompas.com), not {pack_id!r}")
    valid_from, valid_until = _bounds(head, path)
    signatures = _strings(head.get("signatures"), path, "signatures")
    for signature in signatures:
        try:
            check_pattern(signature)
        except re2.error as exc:
            raise RuleFileError(path, f"signature {signature!r} rejected by RE2: "
                                      f"{_re2_reason(exc)}")
    months = head.get("months", {})
    if not isinstance(months, dict) or not all(isinstance(v, int) and 1 <= v <= 12 and k.strip()
                                               for k, v in months.items()):
        raise RuleFileError(path, "months must map month names to 1..12")
    labels = head.get("byline_labels", {})
    if not isinstance(labels, dict):
        raise RuleFileError(path, "byline_labels must be a table of field = [labels]")
    return Pack(
        id=pack_id, kind=kind, path=str(path), name=str(head.get("name", pack_id)),
        description=str(head.get("description", "")), lang=head.get("lang"),
        near=_near(head.get("near"), pack_id, kind, path),
        country_domains=_country_domains(head.get("country_domains"), kind, path),
        domains=_domains(head.get("domains"), path),
        signatures=signatures, aliases=_strings(head.get("aliases"), path, "aliases"),
        stopwords=_words(head, "stopwords", path),
        min_stopword_share=_share(head.get("min_stopword_share"), kind, path),
        sentence_case_titles=_flag(head.get("sentence_case_titles", False), path,
                                   "sentence_case_titles"),
        months=tuple((k.lower(), v) for k, v in months.items()),
        abbreviations=frozenset(_listed(head.get("abbreviations"), path, "abbreviations")),
        byline_labels=tuple((k, _listed(v, path, f"byline_labels.{k}"))
                            for k, v in labels.items()),
        conjunctions=_listed(head.get("conjunctions"), path, "conjunctions"),
        sections=_words(head, "sections", path),
        fact_labels=_words(head, "fact_labels", path),
        info_box_labels=_words(head, "info_box_labels", path),
        date_words=_words(head, "date_words", path),
        date_joiners=_words(head, "date_joiners", path),
        byline_words=_words(head, "byline_words", path),
        name_particles=_words(head, "name_particles", path),
        place_particles=_words(head, "place_particles", path),
        compass_words=_words(head, "compass_words", path),
        honorifics=_words(head, "honorifics", path),
        weekdays=_words(head, "weekdays", path),
        role_words=_words(head, "role_words", path),
        agencies=_words(head, "agencies", path),
        agency_names=_listed(head.get("agencies"), path, "agencies"),
        outlets=_words(head, "outlets", path),
        credentials=_words(head, "credentials", path),
        not_places=_words(head, "not_places", path),
        not_names=_words(head, "not_names", path),
        verb_prefixes=_words(head, "verb_prefixes", path),
        verb_suffixes=_words(head, "verb_suffixes", path),
        passive_prefixes=_words(head, "passive_prefixes", path),
        verb_towns=_words(head, "verb_towns", path),
        club_words=_words(head, "club_words", path),
        not_name_words=_words(head, "not_name_words", path),
        number_words=_words(head, "number_words", path),
        vowels=_letters(head.get("vowels"), path, "vowels"),
        passive_stem_syllables=_count(head.get("passive_stem_syllables"), path,
                                      "passive_stem_syllables"),
        passive_stems=_words(head, "passive_stems", path),
        not_sections=_words(head, "not_sections", path),
        error_phrases=_phrases(head, "error_phrases", path),
        consent_phrases=_phrases(head, "consent_phrases", path),
        comment_phrases=_phrases(head, "comment_phrases", path),
        related_labels=_phrases(head, "related_labels", path),
        chrome_classes=_chrome_classes(head.get("chrome_classes"), path),
        timezone=_timezone(head.get("timezone"), path),
        date_order=_pack_date_order(head.get("date_order"), kind, path),
        html_strip=_checked_selectors(_strings(head.get("html_strip"), path, "html_strip"), path),
        valid_from=valid_from, valid_until=valid_until,
    )


def _share(value: Any, kind: str, path: Path) -> float | None:
    """A language pack's `min_stopword_share`: a number above 0 and below 1 (0.06), or None."""
    if value is None:
        return None
    if kind != "lang":
        raise RuleFileError(path, f"min_stopword_share is a language pack's key (kind = \"lang\"), "
                                  f"not a {kind} pack's")
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value < 1:
        raise RuleFileError(path, f"min_stopword_share must be a share between 0 and 1, like "
                                  f"0.06, not {value!r}")
    return float(value)


def _words(head: dict, key: str, path: Path) -> frozenset[str]:
    """A [pack] word list, in lower case: what the stages compare lower-cased text with."""
    return frozenset(word.lower() for word in _listed(head.get(key), path, key))


def _letters(value: Any, path: Path, what: str) -> frozenset[str]:
    """A [pack] string of letters ("aeiou"), as a set of lower-case letters."""
    if value is None:
        return frozenset()
    if not isinstance(value, str) or not value.strip() or not value.isalpha():
        raise RuleFileError(path, f"{what} must be a string of letters like 'aeiou', "
                                  f"not {value!r}")
    return frozenset(value.lower())


def _flag(value: Any, path: Path, what: str) -> bool:
    """A pack's true-or-false key (`sentence_case_titles`): a TOML boolean, nothing else."""
    if not isinstance(value, bool):
        raise RuleFileError(path, f"{what} must be true or false, not {value!r}")
    return value


def _count(value: Any, path: Path, what: str) -> int:
    """A [pack] count: a whole number from 0 to 9 (0, or none given: the rule it counts for is
    off)."""
    if value is None:
        return 0
    # bool is an int to Python; `true` is no count.
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 9:
        raise RuleFileError(path, f"{what} must be a whole number from 0 to 9, not {value!r}")
    return value


def _phrases(head: dict, key: str, path: Path) -> frozenset[str]:
    """A [pack] list of phrases, in lower case, each holding a letter or a digit: one of
    punctuation alone has no words to compare with a title's."""
    phrases = _words(head, key, path)
    wordless = sorted(p for p in phrases if not _WORDY.search(p))
    if wordless:
        raise RuleFileError(path, f"{key} holds a phrase with no letter or digit: {wordless!r}")
    return phrases


# A class word of `chrome_classes`: letters and digits, its parts joined by '-' or '_'.
_CLASS_WORD = re.compile(r"[^\W_]+(?:[-_][^\W_]+)*")


def _chrome_classes(value: Any, path: Path) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """A pack's `[pack.chrome_classes]`: a table of chrome group = [class words], each group
    one html_chrome strips by class, each word one class token's ("berita-terkait")."""
    if value is None:
        return ()
    if not isinstance(value, dict):
        raise RuleFileError(path, "chrome_classes must be a table of group = [class words]")
    unknown = sorted(set(value) - set(CHROME_GROUPS))
    if unknown:
        raise RuleFileError(path, f"chrome_classes names no chrome group {unknown!r}: the "
                                  f"groups are {', '.join(CHROME_GROUPS)}")
    groups = []
    for group in CHROME_GROUPS:
        words = tuple(word.lower() for word in _listed(value.get(group), path,
                                                       f"chrome_classes.{group}"))
        bad = [word for word in words if not _CLASS_WORD.fullmatch(word)]
        if bad:
            raise RuleFileError(path, f"chrome_classes.{group} holds what no class token is "
                                      f"(letters and digits joined by '-' or '_'): {bad!r}")
        if words:
            groups.append((group, words))
    return tuple(groups)


def _listed(value: Any, path: Path, what: str) -> tuple[str, ...]:
    """A [pack] list of words or labels, none of them blank: an empty label joined into a
    pattern matches everywhere (every text then opened with a byline label)."""
    words = _strings(value, path, what)
    if any(not word.strip() for word in words):
        raise RuleFileError(path, f"{what} holds an empty word: {list(words)!r}")
    return words


def _near(value: Any, pack_id: str, kind: str, path: Path) -> str | None:
    """The language pack a language pack is close to (ms.toml: "id"), as far as one file can
    tell: a pack id, not its own; whether it names a loaded pack is near_problems' to say."""
    if value is None:
        return None
    if kind != "lang":
        # Only the language pick reads it: on a site or common pack it would change nothing.
        raise RuleFileError(path, f"near is a language pack's key (kind = \"lang\"), not a "
                                  f"{kind} pack's")
    if not isinstance(value, str) or not _PACK_ID.fullmatch(value):
        raise RuleFileError(path, f"near must be the id of another language pack, like 'id', "
                                  f"not {value!r}")
    if value == pack_id:
        raise RuleFileError(path, f"near names the pack itself ({value!r}): it must name the "
                                  f"language pack this one is close to")
    return value


# A country-code top-level domain as url_host gives it: two ASCII letters ("my", "id"); "com",
# "net" and "org" name no country, and a name with a dot ("com.my") is no top-level domain.
_COUNTRY_DOMAIN = re.compile(r"[a-z]{2}")


def _country_domains(value: Any, kind: str, path: Path) -> frozenset[str]:
    """A language pack's country-code domains (ms.toml: ["my", "bn", "sg"]), lower-cased; one
    that is not two letters is refused, as no host's last label would ever be it."""
    if value is None:
        return frozenset()
    if kind != "lang":
        # Only the language pick reads them: on a site or common pack they would change nothing.
        raise RuleFileError(path, f"country_domains is a language pack's key (kind = \"lang\"), "
                                  f"not a {kind} pack's")
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RuleFileError(path, f"country_domains must be a list of country-code domains "
                                  f"like [\"my\", \"bn\"], not {value!r}")
    domains = frozenset(v.lower() for v in value)
    bad = sorted(d for d in domains if not _COUNTRY_DOMAIN.fullmatch(d))
    if bad:
        raise RuleFileError(path, f"country_domains: {bad!r} is no country-code top-level "
                                  f"domain: write its two letters without a dot, like \"my\" for "
                                  f".com.my hosts")
    return domains


def _date_order(value: Any, path: Path, rule: str | None = None) -> str:
    """A `date_order`, checked: one of DATE_ORDERS; "" where none is given."""
    if value is None:
        return ""
    if value not in DATE_ORDERS:
        raise RuleFileError(path, f"date_order must be {' or '.join(map(repr, DATE_ORDERS))} "
                                  f"(how a numeric date like 04/03/2026 reads), not {value!r}",
                            rule)
    return str(value)


def _pack_date_order(value: Any, kind: str, path: Path) -> str:
    """A [pack]'s `date_order`, checked: a site pack's only, as a language's sites write
    numeric dates either way (English's US and British ones), and a common pack's documents
    are every site's."""
    order = _date_order(value, path)
    if order and kind != "site":
        raise RuleFileError(path, f"date_order in a {kind} pack: it is a site pack's key (how "
                                  f"its site writes numeric dates); for a form of date a rule "
                                  f"reads, give the rule its own date_order")
    return order


def _timezone(value: Any, path: Path) -> str | None:
    """A pack's time zone: an IANA name the tz database knows ("Asia/Jakarta"). Where the
    system has no tz database, any name passes: dates then keep their own offsets."""
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise RuleFileError(path, f"timezone must be a time zone name like 'Asia/Jakarta', "
                                  f"not {value!r}")
    import zoneinfo

    try:
        zoneinfo.ZoneInfo(value)
    # Not found, or no zone's name: a folder of the database ("Asia"), a path, a name too long
    # for the file system.
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
        if zoneinfo.available_timezones():      # a database to look in, and it has no such zone
            raise RuleFileError(path, f"timezone {value!r} is no time zone the tz database "
                                      f"knows (like 'Asia/Jakarta')") from None
    return value


def _checked_selectors(selectors: tuple[str, ...], path: Path) -> tuple[str, ...]:
    """html_strip selectors that parse; a bad one stops the load like a bad pattern.

    Parsed by cssselect, which turns them into the XPath lxml runs: a plain-text run then need
    not import lxml (about 45 ms at every start).
    """
    if not selectors:
        return selectors
    from cssselect import HTMLTranslator, SelectorError

    translator = HTMLTranslator()
    for selector in selectors:
        try:
            translator.css_to_xpath(selector)
        except SelectorError as exc:
            raise RuleFileError(path, f"bad html_strip selector {selector!r}: {exc}")
    return selectors


def _kind_from_path(path: Path) -> str:
    parent = path.parent.name
    if parent == "sites":
        return "site"
    if parent == "lang":
        return "lang"
    return "common"


def rule_files(root: Path | Any) -> list:
    """The .toml files under a rules folder: top level, lang/ and sites/, in a stable order."""
    found = []
    for sub in ("", "lang", "sites"):
        folder = root / sub if sub else root
        if not folder.is_dir():
            continue
        found.extend(sorted((p for p in folder.iterdir() if p.name.lower().endswith(".toml")),
                            key=lambda p: p.name))
    return found


def unread_folders(root: Path) -> list[Path]:
    """The folders under a rules folder that hold rule files rule_files does not read: another
    subfolder (extra/), or one below lang/ or sites/. Hidden folders and those starting with
    "_" (__pycache__) are not looked in."""
    read = {root, root / "lang", root / "sites"}
    found = []
    for folder, subs, files in os.walk(root):
        subs[:] = sorted(sub for sub in subs if not sub.startswith((".", "_")))
        if Path(folder) not in read and any(f.lower().endswith(".toml") for f in files):
            found.append(Path(folder))
    return found


def _unread_reason(folder: Path, root: Path) -> str:
    """Why rule files in an unread folder are an error, and what to do."""
    names = sorted(f.name for f in folder.iterdir() if f.name.lower().endswith(".toml"))
    shown = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
    return (f"holds rule files that are not read ({shown}): of the rules folder {root}, only "
            f"the top level, lang/ and sites/ are read; move them into one of those, or give "
            f"this folder as rules of its own (--rules {folder})")


def builtin_rules_dir():
    """The rules folder shipped inside the installed package."""
    return resources.files("cleaner.rules")


def shipped_rule_files(builtin: bool = True) -> list[Path]:
    """The shipped rule files, in load order; none when the shipped packs are not asked for
    (`builtin` false). What a pack's `path` is compared with to tell a shipped pack."""
    return [Path(str(p)) for p in rule_files(builtin_rules_dir())] if builtin else []


def rule_paths(extra: Iterable[str | Path] = (), builtin: bool = True
               ) -> tuple[list, list[tuple[Path, str]]]:
    """The rule files to load: the shipped ones, then the extra files and folders given; and the
    extra paths that give none, with why (no such path, a folder of no rule files), and the
    folders under a folder given whose rule files would not be read (unread_folders): a run
    would go on without rules their author meant to load."""
    paths: list = list(shipped_rule_files(builtin))
    missing: list[tuple[Path, str]] = []
    unread: list[tuple[Path, Path]] = []
    if isinstance(extra, (str, Path)):      # one path, not the characters of one
        extra = [extra]
    for item in extra:
        if not str(item):                   # "" is no rule file, not the current folder
            missing.append((Path(item), "no such rule file or folder"))
            continue
        item = Path(item)
        if item.is_dir():
            found = rule_files(item)
            below = unread_folders(item)
            if not found and not below:     # else a run would go on without the rules asked for
                missing.append((item, "holds no rule files (*.toml at its top level, in lang/ "
                                      "or in sites/)"))
            paths.extend(found)
            unread.extend((folder, item) for folder in below)
        elif item.is_file():
            paths.append(item)
        else:
            missing.append((item, "no such rule file or folder"))
    given = {Path(str(path)).resolve() for path in paths}
    for folder, root in unread:
        # Also given as a folder or files of their own (--rules x --rules x/extra): read.
        if not all(f.resolve() in given for f in folder.iterdir()
                   if f.name.lower().endswith(".toml")):
            missing.append((folder, _unread_reason(folder, root)))
    return paths, missing


def load_packs(extra: Iterable[str | Path] = (), builtin: bool = True) -> list[Pack]:
    """Load the shipped packs and any extra rule files or folders; ids must be unique.

    Raises the first problem: a path that gives no rule file, a file that does not load (its
    first broken rule, counting the others), a pack id two of the user's packs have
    (combine_packs), a rule id or alias used twice, a site problem (site_problems). A language
    pack near no loaded one loads (near_problems: `rules check` warns).
    """
    paths, missing = rule_paths(extra, builtin)
    if missing:
        raise RuleFileError(*missing[0])
    shipped = {str(path) for path in shipped_rule_files(builtin)}
    cache = PackCache(cache_dir())
    loaded = [_load_cached(cache, Path(str(path)), compiled=str(path) not in shipped)
              for path in paths]
    cache.save()
    # The patterns compiled to check files not in the cache are not used again: kept, they held
    # 14 MB of a first run's heap, which each forked worker started as a copy of.
    check_pattern.cache_clear()
    packs, errors = combine_packs(loaded, shipped)
    errors.extend(_rule_id_clashes(packs))
    errors.extend(site_problems(packs))
    if errors:
        raise errors[0]
    return packs


def combine_packs(loaded: Iterable[Pack], shipped: Collection[str]
                  ) -> tuple[list[Pack], list[RuleFileError]]:
    """The packs a run uses, from the packs loaded in load order, and an error for each pack
    left out. `shipped`: the paths of the shipped files (shipped_rule_files).

    A pack with the kind and id of a shipped pack takes its place (at the end): that is how a
    site's rules are overridden without editing the package. A pack with the kind and id of an
    earlier pack of the user's is an error, and left out: one would drop the other's rules in
    silence. load_packs raises the first error; `rules check` reports them all.
    """
    by_key: dict[tuple[str, str], Pack] = {}
    errors: list[RuleFileError] = []
    for pack in loaded:
        key = (pack.kind, pack.id)
        earlier = by_key.get(key)
        if earlier is not None and earlier.path not in shipped:
            errors.append(RuleFileError(pack.path, f"pack id {pack.id!r} is already used by "
                                                   f"{earlier.path}"))
            continue
        by_key.pop(key, None)           # so that the pack taking a shipped one's place goes last
        by_key[key] = pack
    return list(by_key.values()), errors


def id_clashes(packs: list[Pack]) -> list[tuple[Pack, Rule, str, Pack, Rule]]:
    """Each rule id or alias that an earlier pack, or an earlier rule of the pack, uses already:
    (pack, rule, the name, the pack and rule that used it first). Loading refuses them;
    `rules check` lists them under "ids"."""
    seen: dict[str, tuple[Pack, Rule]] = {}
    clashes = []
    for pack in packs:
        for rule in pack.rules:
            for name in (rule.id, *rule.aliases):
                if name in seen:
                    clashes.append((pack, rule, name, *seen[name]))
                else:
                    seen[name] = (pack, rule)
    return clashes


def _rule_id_clashes(packs: list[Pack]) -> list[RuleFileError]:
    """id_clashes as loading errors."""
    return [RuleFileError(pack.path, f"rule {'id' if name == rule.id else 'alias'} {name!r} is "
                                     f"already used in {first.path}"
                                     f"{clash_lines(pack, rule, first, first_rule)}", rule.id)
            for pack, rule, name, first, first_rule in id_clashes(packs)]


def clash_lines(pack: Pack, rule: Rule, first: Pack, first_rule: Rule) -> str:
    """Where two rules that clash give their ids: " (lines 12 and 30)" in one file, " (line
    30 here, line 12 there)" in two; "" where a line cannot be told (an alias, a file not
    read)."""
    here = id_lines(pack.path, rule.id)
    if pack.path == first.path:
        return f" (lines {here[0]} and {here[1]})" if len(here) == 2 else ""
    there = id_lines(first.path, first_rule.id)
    if len(here) == 1 and len(there) == 1:
        return f" (line {here[0]} here, line {there[0]} there)"
    return ""


def site_problems(packs: list[Pack]) -> list[RuleFileError]:
    """What would make a site pack fire where it should not, or not at all: a domain two site
    packs claim (the later would take the earlier's documents in silence), and a language none
    of the language packs loaded serves (the site's documents would get no language rules;
    with no language pack at all, none was asked for)."""
    langs = {pack.id for pack in packs if pack.kind == "lang"}
    claimed: dict[str, Pack] = {}
    problems = []
    for pack in packs:
        if pack.kind != "site":
            continue
        if pack.lang is not None and langs and pack.lang not in langs:
            problems.append(RuleFileError(pack.path, f"lang {pack.lang!r} names no language "
                                                     f"pack (there are: "
                                                     f"{', '.join(sorted(langs)) or 'none'})"))
        for domain in pack.domains:
            if domain in claimed:
                problems.append(RuleFileError(pack.path, f"domain {domain!r} is already "
                                                         f"claimed by {claimed[domain].path}"
                                              + _replace_instead(claimed[domain])))
            else:
                claimed[domain] = pack
    return problems


def _replace_instead(first: Pack) -> str:
    """How a user's pack takes over a shipped site (the one that claimed a domain first), where
    that is the first pack: a pack with its id takes its place whole. Nothing for another."""
    if Path(first.path) not in set(shipped_rule_files()):
        return ""
    return (f"; to change the shipped site's rules, name the file {first.id}.toml (or set "
            f"id = {first.id!r} in its [pack]): it then takes the shipped pack's place whole, "
            f"so copy in the shipped rules to keep")


def near_problems(packs: list[Pack]) -> list[tuple[str, str]]:
    """A language pack whose `near` names no loaded language pack, as (its file, the warning):
    a misspelt id, or the pack it is near left out (Malay alone, for a Malay dump). The pick
    then meets no pack to give a tie to, which is harmless alone and wrong where the id is
    misspelt: a warning, no error."""
    langs = {pack.id for pack in packs if pack.kind == "lang"}
    return [(pack.path, f"near {pack.near!r} names no language pack (there are: "
                        f"{', '.join(sorted(langs))})")
            for pack in packs if pack.kind == "lang" and pack.near is not None
            and pack.near not in langs]


def _load_cached(cache: PackCache, path: Path, compiled: bool) -> Pack:
    """load_pack, or the pack a run before loaded from the same bytes with the same code."""
    try:
        content = path.read_bytes()
    except OSError:
        return load_pack(path, compiled=compiled)      # says why it cannot be read
    # The key and the pack come from the same read: a file edited meanwhile cannot leave a
    # pack in the cache under the key of other bytes.
    key = entry_key(path, content, compiled)
    pack = cache.get(key)
    if pack is None:
        pack = load_pack(path, compiled=compiled, content=content)
        cache.put(key, pack)
    return pack
