"""Check rule packs: schema, ids, examples, fixtures (firing, gutting), shadowing, engine, cost.

Each check is a function returning `Finding`s; `check_all` runs them in order. Errors make
`cleaner rules check` fail; warnings are shown and fail only under --strict.
"""

from __future__ import annotations

import shlex
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Collection, Iterable, NamedTuple

import orjson
import re2

from cleaner.apply_rules import DATELINE_FIELDS, RuleStage
from cleaner.document import Document, Line
from cleaner.examples import Reading, as_read, example_failures, run_rule
from cleaner.declared_language import language_code
from cleaner.fixture_workflow import case_label, text_change
from cleaner.fixtures import (DEFAULT_ROOT, KeptRulesError, RuleOptionsError, case_cleaner,
                              clean_fixture, expected_path, fixture_inputs, rule_aliases,
                              stored_rule_options)
from cleaner.identify import MIN_STOPWORD_SHARE
from cleaner.matcher import (HEAD_LINES, HEAD_REACH, TAIL_LINES, TAIL_REACH, Matcher, applies,
                             first_line, last_line, matcher_for)
from cleaner.lexicon import lexicon
from cleaner.metadata import MetaSink, rule_months
from cleaner.normalize import normalize
from cleaner.pack_cache import PackCache, cache_dir, entry_key
from cleaner.pack_replacements import pack_warnings, shipped_replacements
from cleaner.rulefile import (Pack, Rule, RuleFileError, alphabet_of, builtin_rules_dir,
                              clash_lines, combine_packs, id_clashes, read_pack, near_problems,
                              piece_warnings, rule_paths, shipped_rule_files, site_problems,
                              unknown_rule_ids)
from cleaner.sitekey import site_stem, squashed
from cleaner.wording import counted, noun


@dataclass(frozen=True)
class Finding:
    level: str          # "error", "warning" or "info"
    check: str          # schema, ids, examples, fixtures, gutting, shadowing, engine, timing
    where: str          # a file, or a file and a rule id
    message: str
    rule: str | None = None     # the rule id a schema error is about (the rule did not load)

    def __post_init__(self) -> None:
        # A finding about one loaded rule is placed "FILE: RULE-ID": it names the rule too, as
        # a schema error's does (--json gave null there, the rule in `where` alone).
        if self.rule is None and ": " in self.where:
            named = self.where.rsplit(": ", 1)[1]
            if "/" in named and not any(ch.isspace() for ch in named):
                object.__setattr__(self, "rule", named)     # (frozen)


@dataclass
class CheckResult:
    packs: list[Pack] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)     # rule id -> seconds
    fixture_docs: int = 0
    fixture_chars: int = 0
    expected_records: int = 0       # the fixtures' expected records the records check read
    # Of those, the ones that keep rule options (<case>.rules) the records check did not use:
    # it was given rule options, which clean every case, as `cleaner fixtures check` does.
    over_kept: int = 0

    def count(self, level: str) -> int:
        return sum(1 for f in self.findings if f.level == level)


# -- schema and ids ----------------------------------------------------------------------------

def load_all(extra: Iterable[str | Path] = (), builtin: bool = True) -> tuple[list[Pack],
                                                                           list[Finding]]:
    """Every rule file loaded on its own, so that one broken file does not hide the others, nor
    one broken rule the other rules of its file (each is an error, the rest are checked).

    The packs are combined as `load_packs` combines them (combine_packs): a user's pack with the
    kind and id of a shipped one replaces it (a warning says what of the shipped pack is lost),
    and two of the user's packs with one id are an error; so are a domain claimed twice and a
    site language no pack serves. A language pack `near` no loaded one, and a user's pack with
    the id of a pack of another kind (it loads beside it, not in its place), are warnings.
    """
    paths, missing = rule_paths(extra, builtin)
    findings = [Finding("error", "schema", str(item), reason) for item, reason in missing]
    loaded: list[Pack] = []
    cache = PackCache(cache_dir())
    for path in paths:
        pack, errors = _read_cached(cache, Path(str(path)))
        findings.extend(_schema_error(exc) for exc in errors)
        if pack is not None:
            loaded.append(pack)
    cache.save()
    shipped = {str(path) for path in shipped_rule_files(builtin)}
    packs, errors = combine_packs(loaded, shipped)
    findings.extend(_schema_error(exc) for exc in errors)
    findings.extend(_schema_error(exc) for exc in site_problems(packs))
    findings.extend(Finding("warning", "schema", path, warning)
                    for path, warning in near_problems(packs))
    findings.extend(Finding("warning", "schema", path, warning)
                    for path, warning in piece_warnings(packs))
    findings.extend(Finding("warning", "schema", path, warning)
                    for path, warning in pack_warnings(packs, builtin))
    findings.extend(check_www_ids(packs))
    return packs, findings


def _read_cached(cache: PackCache, path: Path) -> tuple[Pack | None, list[RuleFileError]]:
    """read_pack with every pattern compiled for matching, or the pack a run before read from
    the same bytes with the same code and RE2 without an error (load_packs keeps them so: one
    loaded from a user's file, compiled, is the same entry). Compiling every shipped rule's
    patterns again on each check cost 7 to 10 s of a check over a user's pack; a file that
    changed, or the code that reads it, is read and compiled again."""
    try:
        content = path.read_bytes()
    except OSError:
        return read_pack(path)          # says why it cannot be read
    key = entry_key(path, content, True)
    pack = cache.get(key)
    if pack is not None:
        return pack, []
    pack, errors = read_pack(path, content=content)
    if pack is not None and not errors:
        cache.put(key, pack)
    return pack, errors


def check_www_ids(packs: list[Pack]) -> list[Finding]:
    """A site pack whose id (its file's name, unless its [pack] sets one) opens with 'www.':
    its site's records are named by it (meta.site), 'www.' and all, where its domains may not
    be written with it (and are refused with it)."""
    return [Finding("warning", "schema", pack.path,
                    f"site pack id {pack.id!r} starts with 'www.', and its site's records are "
                    f"named by it (meta.site {pack.id!r}): name the file "
                    f"{pack.id[4:]}.toml, or set id = {pack.id[4:]!r} in its [pack]")
            for pack in packs if pack.kind == "site" and pack.id.lower().startswith("www.")]


def check_stopwords(packs: list[Pack]) -> list[Finding]:
    """A language pack without stopwords: detection counts a language's stopwords in a text,
    so it never picks this one (only --lang or a site pack's `lang` can)."""
    return [Finding("warning", "schema", pack.path,
                    f"language pack {pack.id!r} has no stopwords, so language detection never "
                    f"chooses it (only --lang {pack.id} or a site pack's lang = \"{pack.id}\" "
                    f"do): add stopwords = [...] to its [pack], 20 to 40 of the language's "
                    f"commonest words, as the shipped lang/en.toml has")
            for pack in packs if pack.kind == "lang" and not pack.stopwords]


# Fewer stopwords than this, and a language pack's share (MIN_STOPWORD_SHARE, 8%) is out of reach
# of most texts: on the shipped packs' fixtures the 5 commonest of a pack's stopwords make 8% of
# an Indonesian text's words (half the texts fall short), the 10 commonest 11% (9 in 10 reach 8%),
# English's 5 commonest 14%; a list not of the very commonest words does far worse.
MIN_STOPWORDS = 10


def check_language_packs(packs: list[Pack], told: Collection[str] = ()) -> list[Finding]:
    """Language packs the language pick cannot name as they are: an id that is not the code a
    declared language is read as (`pt-BR` is read `pt`), and a stopword list too short to reach
    the share of a text's words the pick needs (a list without any: check_stopwords). `told`:
    the files of packs already warned of for the stopwords of a shipped pack they replace and
    leave out (pack_replacements), whose short list is that warning's news."""
    findings = []
    for pack in packs:
        if pack.kind != "lang":
            continue
        message = lang_id_problem(pack.id)
        if message is not None:
            findings.append(Finding("warning", "language", pack.path, message))
        if 0 < len(pack.stopwords) < MIN_STOPWORDS and pack.path not in told:
            findings.append(Finding("warning", "language", pack.path,
                                    few_stopwords_message(pack)))
    return findings


def lang_id_problem(pack_id: str) -> str | None:
    """What is wrong with a language pack's id as a language code, None when it is one: a
    record's `lang` field or a page's <html lang> is read as a plain ISO 639 code
    (declared_language.language_code), so only a pack of that id serves it.

    >>> lang_id_problem("pt"), lang_id_problem("en") is None
    (None, True)
    >>> print(lang_id_problem("pt-BR"))  # doctest: +ELLIPSIS
    language pack id 'pt-BR' is not the plain code a declared language is read as: ... 'pt', ...
    """
    code = language_code(pack_id)
    if code == pack_id:
        return None
    # (detection by the pack's stopwords names a text by the pack's id, whatever it is: only
    # what a record or a page declares is read as a plain code)
    if code is None:
        return (f"language pack id {pack_id!r} is not the plain code a declared language is "
                f"read as: it is no ISO 639 language code, so no record's lang field or page's "
                f"<html lang> names it (detection by its stopwords alone does); name the pack by "
                f"its language's two-letter code (three where it has none), as the shipped packs "
                f"are named: en, id, ms")
    return (f"language pack id {pack_id!r} is not the plain code a declared language is read "
            f"as: a record's lang field or a page's <html lang> saying {pack_id!r} is read as "
            f"{code!r}, which this pack does not serve (detection by its stopwords alone names "
            f"texts {pack_id!r}); name it by the plain code, id = \"{code}\" (lang/{code}.toml), "
            f"and a site pack's lang = \"{code}\"")


def few_stopwords_message(pack: Pack) -> str:
    """What a warning on a language pack with too few stopwords (MIN_STOPWORDS) says."""
    share = pack.min_stopword_share or MIN_STOPWORD_SHARE
    count = len(pack.stopwords)
    return (f"language pack {pack.id!r} lists only {counted(count, 'stopword')}: the language "
            f"pick names a text {pack.id!r} when {share * 100:g}% of its words are among them, "
            f"which {noun(count, 'it', 'they')} reach only as the language's very commonest "
            f"words (on the shipped packs' fixtures the 5 commonest of a pack's stopwords make "
            f"8% of an Indonesian text's words, the 10 commonest 11%); else documents in the "
            f"language are flagged no-language: list {MIN_STOPWORDS * 2} to 40 of the "
            f"language's commonest words (articles, prepositions, conjunctions, pronouns), as "
            f"the shipped lang/en.toml has")


def _schema_error(exc: RuleFileError) -> Finding:
    """A loader's error as a finding, where its file and rule, and the line the rule's id
    stands on."""
    return Finding("error", "schema", exc.path + (f": {exc.rule}" if exc.rule else ""),
                   (f"line {exc.line}: " if exc.line else "") + exc.reason, exc.rule)


def check_ids(packs: list[Pack]) -> list[Finding]:
    """Rule ids and aliases are unique across packs; an id is never reused as another's alias."""
    return [Finding("error", "ids", f"{pack.path}: {rule.id}",
                    f"{'id' if name == rule.id else 'alias'} {name!r} is already used by "
                    f"{first_rule.id} ({first.path}){clash_lines(pack, rule, first, first_rule)}")
            for pack, rule, name, first, first_rule in id_clashes(packs)]


def _names(pack: Pack) -> set[str]:
    """What a rule id may start with to name this pack: its id and its file's name, each also
    shortened as a site's rule ids shorten it (kompas.com: kompas)."""
    names = {pack.id, Path(pack.path).stem}
    return names | {site_stem(name) for name in names}


def check_id_prefixes(packs: list[Pack]) -> list[Finding]:
    """A rule whose id starts with another loaded pack's name and not its own pack's
    (`kompas/x` in the beritabaru.example pack): ids are `<site stem>/<what>`, and the rule
    would be read, looked for and reported as the other site's. So is one whose id has no
    prefix, or one naming no pack (a typo of the stem, `situsbru/x`), which records and
    fixtures would then keep. A warning, not an error: a pasted rule may keep the id it came
    with."""
    names = [(pack, _names(pack)) for pack in packs]
    findings = []
    for pack, own in names:
        for rule in pack.rules:
            prefix, slash, rest = rule.id.partition("/")
            if prefix in own:
                continue
            others = [other for other, theirs in names if other is not pack and prefix in theirs]
            if not slash or not others and not any(squashed(name).startswith(squashed(prefix))
                                                   for name in own):
                # (a prefix shortening the pack's name, or spelling it with a hyphen, is its
                # own: cnbc/ in cnbcindonesia.com, berita-baru/ in beritabaru.example)
                said = "id has no prefix" if not slash else \
                    f"id's prefix {prefix!r} names no loaded pack, this one ({pack.id}) neither"
                findings.append(Finding(
                    "warning", "ids", f"{pack.path}: {rule.id}",
                    f"the {said}: rule ids are <site stem>/<what>, like "
                    f"{site_stem(pack.id)}/{rest if slash else rule.id}, and are kept for good "
                    "in records and fixtures"))
            elif others:
                named = ", ".join(f"{other.id} ({other.path})" for other in others)
                findings.append(Finding(
                    "warning", "ids", f"{pack.path}: {rule.id}",
                    f"the id's prefix {prefix!r} names another pack, {named}, not this one "
                    f"({pack.id}): rule ids are <site stem>/<what>, like "
                    f"{site_stem(pack.id)}/{rest} (keep the old id in aliases if it was used)"))
    return findings


# -- examples ----------------------------------------------------------------------------------

def check_examples(packs: list[Pack], cleaner=None) -> list[Finding]:
    """Each rule's own examples, read as `cleaner clean` reads them with `cleaner` (the Cleaner
    the check builds, as clean builds it; one of `packs` without it): a case's meta is what clean
    fills from its input (example_reading)."""
    if cleaner is None:
        from cleaner.pipeline import Cleaner

        cleaner = Cleaner(packs=packs)
    findings = []
    for pack in packs:
        reading = example_reading(cleaner, pack)
        for rule in pack.rules:
            for failure in example_failures(rule, reading) + date_failures(rule, reading):
                findings.append(Finding("error", "examples", f"{pack.path}: {rule.id}",
                                        failure))
    return findings


def date_failures(rule: Rule, reading: Reading) -> list[str]:
    """The remove examples and cases of a rule capturing a date whose date reads as none, in
    the order the rule's date is read in as clean reads it (its `date_order`, its site pack's,
    else day first: rule_months): a month-first rule's '19/11/2019' is kept as written and
    flagged, not a date."""
    if not any(name.rstrip("0123456789") == "date" for name in rule.regex.groupindex):
        return []
    failures = []
    for what, text in [("remove example", t) for t in rule.remove] + \
                      [("case", case["input"]) for case in rule.cases]:
        doc = run_rule(rule, as_read(text)[0], reading)
        for flag in doc.flags:
            if flag["flag"] != "unreadable-date":
                continue
            months = rule_months(lexicon(doc.packs).months, rule, doc.packs)
            order = "month first" if months.month_first else "day first"
            site = next((pack for pack in doc.packs if pack.kind == "site"), None)
            sited = site is not None and bool(site.date_order)
            said = ("the rule's date_order"
                    if rule.date_order and (not sited or rule.pack == getattr(site, "id", ""))
                    else "its site pack's date_order" if sited else "no date_order says otherwise")
            failures.append(f"its {what} {text!r}: the date it captures reads as no date with "
                            f"numbers {order} ({said}): {flag['reason']}; give an example "
                            f"that order reads, or the date_order its form is written in")
    return failures


def example_reading(cleaner, pack: Pack) -> Reading:
    """How clean reads an example of one of a pack's rules: as a document of the pack's site (a
    site pack's), or with the pack's language (a language pack's; --lang wins, as in clean), the
    other packs chosen by the cleaner's PackIndex as for any document (the language its words
    show, the common packs), and the cleaner's meta sink. A case's meta was read before with
    the rule's pack, every site pack and every language pack but no common pack: without the
    common pack's name_particles, 'SANTIAGO DE COMPOSTELA' read 'Santiago De Compostela' where
    clean reads 'Santiago de Compostela'."""
    site = pack if pack.kind == "site" else None
    lang = cleaner.lang or (pack.id if pack.kind == "lang" else None)
    index = cleaner.index
    # A common rule's example in no language its words show (a date line, a one-line byline)
    # stands for a line of a document in any language: read with every language's words (its
    # months, its role words) between the site's and the common packs, as a document in one
    # of them has its own.
    anywhere = tuple(index.langs.values()) if pack.kind == "common" else ()
    # One tuple per combination (by the identity of the one the index hands out), as the
    # lexicon of a combination is built once per tuple.
    widened: dict[int, tuple[Pack, ...]] = {}

    def packs_for(text: str) -> tuple[Pack, ...]:
        chosen = index.packs_for(text, None, lang, site)
        if not anywhere or any(p.kind == "lang" for p in chosen):
            return chosen
        if id(chosen) not in widened:           # the index keeps `chosen` alive
            commons = tuple(p for p in chosen if p.kind == "common")
            widened[id(chosen)] = (*(p for p in chosen if p.kind != "common"), *anywhere,
                                   *commons)
        return widened[id(chosen)]

    return Reading(packs_for, cleaner.sink)


# -- fixtures: does every rule fire, and what does each cost ------------------------------------

class FixtureDoc(NamedTuple):
    """One fixture document: a .txt/.html input (`raw`), or a record of a .jsonl file."""

    name: str               # its file under the fixtures folder; a record's with its line
    text: str
    url: str | None
    raw: Path | None


def fixture_documents(root: str | Path) -> list[FixtureDoc]:
    """Every fixture: .txt/.html inputs and records of .jsonl files."""
    root = Path(root)
    docs = [FixtureDoc(str(raw.relative_to(root)), "", None, raw) for raw in fixture_inputs(root)]
    for path in sorted(root.rglob("*.jsonl")):
        for number, line in enumerate(path.read_bytes().splitlines(), start=1):
            if not line.strip():
                continue
            try:
                record = orjson.loads(line)
            except orjson.JSONDecodeError:
                continue
            if isinstance(record, dict) and isinstance(record.get("text"), str):
                url = record.get("url") if isinstance(record.get("url"), str) else None
                docs.append(FixtureDoc(f"{path.relative_to(root)}:{number}", record["text"], url,
                                       None))
    return docs


def clean_fixtures(cleaner, documents: list[FixtureDoc]) -> tuple[list[tuple[str, dict]],
                                                                  dict[str, str]]:
    """Each fixture's name and record as the cleaner makes it, and the normalized texts of those
    given as text (.txt and .jsonl, not pages) by name: what the timing runs over and what
    check_fires looks for a rule's lines in."""
    records: list[tuple[str, dict]] = []
    texts: dict[str, str] = {}
    for doc in documents:
        if doc.raw is not None:
            record = clean_fixture(cleaner, doc.raw, kept_rules=False)
            if doc.raw.suffix == ".txt":
                texts[doc.name] = normalize(doc.raw.read_text(encoding="utf-8"))[0]
        else:
            record = cleaner.clean(doc.text, url=doc.url)
            texts[doc.name] = normalize(doc.text)[0]
        records.append((doc.name, record))
    return records, texts


def fired_rules(records: list[tuple[str, dict]]) -> set[str]:
    """The rule ids that removed something from the fixtures."""
    return {removal["rule"] for _, record in records for removal in record["removed"]}


# What a shipped rule that fires on none of a folder's fixtures is told, where the folder is not
# the project's own (an info, not a warning: `cleaner rules check` sums these up in one line).
SHIPPED_UNFIRED = ("fires on none of these fixtures: a shipped rule, held to the project's own "
                   "fixtures, not to these")


def project_fixtures() -> Path | None:
    """The project's own fixtures folder, which the shipped rules are held to: beside the shipped
    rules folder in a source checkout; None where there is none (an installed package). Found
    beside the folder the rules are in, through links: an editable install's cleaner/rules may
    be a link to the checkout's rules/."""
    folder = Path(str(builtin_rules_dir())).resolve().parent / "fixtures"
    return folder.resolve() if folder.is_dir() else None


def is_project_fixtures(fixtures: str | Path) -> bool:
    """Whether `fixtures` is the project's own fixtures folder, however it is written."""
    project = project_fixtures()
    return project is not None and Path(fixtures).resolve() == project


def check_fires(packs: list[Pack], fired: set[str], held_elsewhere: Collection[str] = (),
                records: Iterable[tuple[str, dict]] = (), texts: dict[str, str] | None = None,
                folder: str | Path = "fixtures") -> list[Finding]:
    """A warning for each rule that fires on no fixture; for the rules of the packs whose path is
    in `held_elsewhere` (the shipped packs, on fixtures not the project's), an info: a user's
    folder of their own site's cases is no evidence for or against the shipped rules.

    Where the rule's pattern matches lines of the fixtures (`texts`, by name, their `records`
    as the cleaner made them; `folder`: where they are, to name them), the warning names those
    lines and what keeps the rule from firing there (unfired_why): a fixture is not what is
    missing."""
    findings = []
    for pack in packs:
        for rule in pack.rules:
            if rule.id not in fired and not any(a in fired for a in rule.aliases):
                where = f"{pack.path}: {rule.id}"
                if pack.path in held_elsewhere:
                    findings.append(Finding("info", "fixtures", where, SHIPPED_UNFIRED))
                    continue
                lines = matched_lines(rule, records, texts or {}, folder)
                findings.append(Finding("warning", "fixtures", where,
                                        unfired_why(rule, pack, lines) if lines else
                                        "fires on no fixture: add a fixture that shows what it "
                                        "removes (cleaner fixtures add)"))
    return findings


class MatchedLine(NamedTuple):
    """A fixture line a rule's pattern matches, where the rule stage reads it."""

    place: str              # the fixture and line, as a person finds it
    position: int           # its index among the document's lines with text
    head_end: int           # where its head ends (HEAD_LINES, widened by lines taken whole)
    tail_start: int         # where its tail starts (the last TAIL_LINES lines)
    last: int               # the last line's index, where a "last" rule fires
    dateline: int | None    # the line of the dateline the rules took above it, if any
    taker: str | None       # another rule that removed text of the line where it matches
    record: dict
    first: int = 0          # the first line's index, where a "first" rule fires
    number: int = 0         # its line number in the text


def matched_lines(rule: Rule, records: Iterable[tuple[str, dict]], texts: dict[str, str],
                  folder: str | Path) -> list[MatchedLine]:
    """The lines of the fixtures given as text that a rule's pattern matches (and its unless
    does not spare), each placed as the rule stage places it."""
    found = []
    for name, record in records:
        text = texts.get(name)
        if text is None:
            continue
        lines = [(number, line) for number, line in enumerate(text.split("\n"), start=1) if line]
        by_line: dict[int, list[dict]] = {}
        for removal in record["removed"]:
            by_line.setdefault(removal["line"], []).append(removal)
        datelines = [removal["line"] for removal in record["removed"]
                     if DATELINE_FIELDS.intersection(removal.get("fields") or ())]
        head_end = _head_end(lines, by_line)
        tail_start = _tail_start(lines, by_line)
        last = last_line([line for _, line in lines])
        first = first_line([line for _, line in lines])
        for index, (number, line) in enumerate(lines):
            if not rule.regex.search(line) or (rule.unless and rule.unless_regex.search(line)):
                continue
            shown = (f"{Path(folder) / name}, line {number}" if ".jsonl:" in name
                     else f"{Path(folder) / name}:{number}")
            above = [at for at in datelines if at < number]
            takers = [removal["rule"] for removal in by_line.get(number, ())]
            found.append(MatchedLine(shown, index, head_end, tail_start, last,
                                     above[0] if above else None,
                                     takers[0] if takers else None, record, first, number))
    return found


def _head_end(lines: list[tuple[int, str]], by_line: dict[int, list[dict]]) -> int:
    """Where a document's head ends as the rule stage widens it: each line of the head the rules
    took whole brings one more line in, up to HEAD_REACH."""
    head_end = HEAD_LINES
    for index, (number, line) in enumerate(lines):
        if index >= head_end:
            break
        if _taken_whole(number, line, by_line) and head_end < HEAD_REACH:
            head_end += 1
    return head_end


def _taken_whole(number: int, line: str, by_line: dict[int, list[dict]]) -> bool:
    """Whether a record's removals on line `number` took all of its text."""
    taken = "".join(removal["text"] for removal in by_line.get(number, ())).strip()
    return bool(taken) and taken == line.strip()


def _tail_start(lines: list[tuple[int, str]], by_line: dict[int, list[dict]]) -> int:
    """Where a document's tail starts as the rule stage widens it: it holds the last TAIL_LINES
    lines the rules did not take whole, up to TAIL_REACH lines from the end.

    >>> lines = [(n, f"line {n}") for n in range(1, 15)]
    >>> taken = {n: [{"text": f"line {n}"}] for n in range(11, 15)}
    >>> _tail_start(lines, {}), _tail_start(lines, taken)
    (8, 4)
    """
    reach = max(0, len(lines) - TAIL_REACH)
    start = len(lines) - TAIL_LINES
    kept = 0
    for index in range(len(lines) - 1, reach - 1, -1):
        kept += not _taken_whole(*lines[index], by_line)
        if kept == TAIL_LINES:
            return min(start, index)
    return min(start, reach)


def unfired_why(rule: Rule, pack: Pack, lines: list[MatchedLine]) -> str:
    """What the warning on a rule that fires on no fixture says where its pattern matches
    fixture lines: the lines, and for each kind of them what keeps the rule from firing."""
    why: dict[str, list[str]] = {}
    for line in lines:
        why.setdefault(_line_why(rule, pack, line), []).append(line.place)
    places = _places([line.place for line in lines])
    said = [reason if len(why) == 1 else f"{reason} ({_places(at)})"
            for reason, at in why.items()]
    return (f"matches {counted(len(lines), 'fixture line')} ({places}) but never fires there: "
            + "; ".join(said))


def _places(places: list[str], shown: int = 3) -> str:
    """The first few of a list of fixture lines, and how many more."""
    more = f", and {len(places) - shown} more" if len(places) > shown else ""
    return ", ".join(places[:shown]) + more


def unfired_here(rule: Rule, pack: Pack, text: str, record: dict,
                 what: str = "document") -> list[tuple[int, str]]:
    """The lines of a cleaned text (its record made from it) that a rule's pattern matches and
    the rule took nothing of, each with what kept it from firing there (`what` the text is
    called): `cleaner explain` tells why a rule did not take a line."""
    names = {rule.id, *rule.aliases}
    took = {removal["line"] for removal in record["removed"] if removal["rule"] in names}
    return [(line.number, _line_why(rule, pack, line, what))
            for line in matched_lines(rule, [("text", record)], {"text": text}, "")
            if line.number not in took]


def _line_why(rule: Rule, pack: Pack, line: MatchedLine, what: str = "fixture") -> str:
    """What keeps a rule from firing on one line its pattern matches (of a fixture: `what`)."""
    where = f'where = "{rule.where}"'
    in_head, in_tail = line.position < line.head_end, line.position >= line.tail_start
    if rule.where == "head" and not in_head:
        return (f"{where} and it sits below the head (the first {HEAD_LINES} lines with text, "
                f"one more for each the rules take whole): leave where out")
    if rule.where == "head" and line.dateline is not None:
        return (f"{where} and it sits after a dateline, past which no head rule fires: leave "
                f'where out, or make it "edges"')
    if rule.where == "tail" and not in_tail:
        return (f"{where} and it sits above the tail (the last {TAIL_LINES} lines with text, "
                f"one more for each the rules take whole): leave where out")
    if rule.where == "edges" and not (in_head or in_tail):
        return f"{where} and it sits between the head and the tail: leave where out"
    if rule.where == "last" and line.position != line.last:
        return (f"{where} and it sits above the last line with text: leave where out, or make "
                f'it "tail" (the last {TAIL_LINES} lines)')
    if rule.where == "first" and line.position != line.first:
        return (f"{where} and it sits below the first line with text: leave where out, or make "
                f'it "head" (the first {HEAD_LINES} lines)')
    meta = line.record.get("meta") or {}
    if pack.kind == "site" and meta.get("site") not in (pack.id, pack.name, *pack.domains):
        return f"the {what} is not the site's (its site: {meta.get('site')})"
    if pack.kind == "lang" and meta.get("lang") != pack.id:
        return f"the {what} is not in its language (its language: {meta.get('lang')})"
    if line.taker is not None:
        return f"another rule, {line.taker}, takes text of the line first"
    return f"the packs' words refuse what it captures there, or its dates exclude the {what}"


# -- records: the fixtures' expected records against the records made now -----------------------

class ExpectedCase(NamedTuple):
    """A fixture input with an expected record, as the records check reads it."""

    raw: Path
    name: str               # its path under the fixtures folder
    expected: dict          # its expected record
    cleaner: Any            # the cleaner it is checked with (its <case>.rules kept options)
    over_kept: bool = False     # it keeps rule options that the rules given were used over


def expected_cases(root: str | Path, cleaner, kept: bool = True) -> list[ExpectedCase]:
    """Each fixture input whose expected record is a JSON record, with the cleaner `cleaner
    fixtures check` checks it with: given no rule options (`kept`), the one its <case>.rules
    keeps (fixtures.case_cleaner), else `cleaner`, made with the options given, as for every
    case. A case without a record, or whose record or kept rule options cannot be read, is left
    to `cleaner fixtures check`, which says why."""
    root = Path(root)
    cases = []
    for raw in fixture_inputs(root):
        try:
            expected = orjson.loads(expected_path(raw).read_bytes())
            fixture_cleaner = case_cleaner(cleaner, raw) if kept else cleaner
            over_kept = not kept and stored_rule_options(raw) is not None
        except (OSError, orjson.JSONDecodeError, RuleOptionsError, KeptRulesError):
            continue
        if isinstance(expected, dict) and isinstance(expected.get("text"), str) \
                and isinstance(expected.get("removed", []), list):
            cases.append(ExpectedCase(raw, str(raw.relative_to(root)), expected, fixture_cleaner,
                                      over_kept))
    return cases


def check_expected_records(packs: list[Pack], cases: list[ExpectedCase],
                           records: dict[str, dict], folder: str | Path,
                           cleaner=None) -> list[Finding]:
    """A warning for each removal of a loaded rule, in the record a fixture input makes now,
    that takes text of a line its expected record keeps as text and that the expected record
    does not remove itself: the rule would cost that fixture article text. `records`: the
    records clean_fixtures made, by name, with `cleaner` (a case checked with another, the one
    its kept rule options make, is cleaned again with it). Only what a rule takes is compared:
    `cleaner fixtures check` compares the records whole."""
    where = {name: f"{pack.path}: {rule.id}"
             for pack in packs for rule in pack.rules for name in (rule.id, *rule.aliases)}
    findings = []
    for case in cases:
        if case.name not in records:
            continue
        record = (records[case.name] if case.cleaner is cleaner
                  else clean_fixture(case.cleaner, case.raw, kept_rules=False))
        # Article text lost as `cleaner fixtures update` judges it: a line lost whole, or a
        # span of words cut from it (a code or a credit of a word or two is no loss).
        lost = [line.strip() for line in text_change(case.expected, record).losing]
        if not lost:
            continue
        aliases = rule_aliases(case.cleaner)
        # (a malformed removal, its rule or text no string, names nothing: passed over)
        before = Counter((aliases.get(r["rule"], r["rule"]), r["text"])
                         for r in case.expected.get("removed", ()) if isinstance(r, dict)
                         and isinstance(r.get("rule"), str) and isinstance(r.get("text"), str))
        for removal in record["removed"]:
            key = (removal["rule"], removal["text"])
            if before[key]:
                before[key] -= 1            # removed before too
                continue
            taken = removal["text"].strip()
            # (a line it takes in part, or whole with more: a drop-line over a line whose
            # promo the expected record cut)
            lines = [line for line in lost if taken and (taken in line or line in taken)]
            if removal["rule"] not in where or not lines:
                continue
            place = f"{Path(folder) / case.name}:{removal['line']}"
            if taken == lines[0]:
                shown = ""
            elif taken in lines[0]:
                shown = f" of the line {_short(lines[0])!r}"
            else:                           # (the line whole, and more)
                shown = f" (holding the line {_short(lines[0])!r})"
            root = "" if Path(folder) == Path(DEFAULT_ROOT) else \
                f" --root {shlex.quote(str(folder))}"
            case_named = shlex.quote(case_label(case.raw, folder))
            findings.append(Finding(
                "warning", "records", where[removal["rule"]],
                f"removes {_short(taken)!r}{shown} at {place}, which the fixture's expected "
                f"record keeps as text: `cleaner fixtures check{root}` shows the whole diff; if "
                f"the removal is meant, `cleaner fixtures update {case_named}{root} "
                f"--accept-loss`{' with the rule options given here' if case.over_kept else ''} "
                "writes it"))
    return findings


def _short(text: str, most: int = 80) -> str:
    """A text cut to `most` characters for a message, "..." where it was cut."""
    return text if len(text) <= most else text[:most - 3] + "..."


def check_fixture_ids(packs: list[Pack], cases: list[ExpectedCase],
                      folder: str | Path, broken: Collection[str] = ()) -> list[Finding]:
    """A warning for each rule id the fixtures' expected records name that no loaded rule has as
    its id or an alias, where a pack that id's prefix names is loaded (a rule renamed without
    aliases: `cleaner fixtures check` then calls every such removal a change). The ids the
    cleaner gives its own removals (rulefile.engine_rule_id) are not rules', and
    the ids of a pack not loaded are another pack's, not a rename; nor is a rule's that did not
    load (`broken`: its schema error says why)."""
    named: dict[str, list[str]] = {}
    for case in cases:
        loaded = (*case.cleaner.packs, *getattr(case.cleaner, "learned", {}).values())
        removed = case.expected.get("removed", ())
        for rule in unknown_rule_ids((r.get("rule") for r in removed if isinstance(r, dict)),
                                     loaded):
            named.setdefault(rule, []).append(str(Path(folder) / expected_path(
                Path(case.name))))
    paths = {rule.id.split("/", 1)[0]: pack.path for pack in packs for rule in pack.rules}
    findings = []
    for rule, fixtures in named.items():
        if rule in broken:
            continue
        first = sorted(set(fixtures))
        more = f" (and {counted(len(first) - 1, 'more fixture')})" if len(first) > 1 else ""
        findings.append(Finding(
            "warning", "ids", paths.get(rule.split("/", 1)[0], str(folder)),
            f"fixture {first[0]}'s expected record{more} names rule id {rule!r}, which no "
            f"loaded rule has: renamed? add aliases = [\"{rule}\"] to the rule that took its "
            f"place, and fixtures that name the old id still count"))
    return findings


# -- the shipped packs beside a user's rules folder --------------------------------------------

def shipped_beside(packs: list[Pack], shipped: Collection[str]) -> list[Finding]:
    """Where the user's packs replace shipped ones (a copy of the shipped rules folder, given with
    --rules), an info naming the shipped packs still loaded, that no file of theirs replaces: a
    pack deleted from the copy is not gone, its shipped version loads in its place."""
    users = [pack for pack in packs if pack.path not in shipped]
    from_shipped = [pack for pack in packs if pack.path in shipped]
    loaded = {pack.path for pack in packs}
    replaced = [path for path in shipped if path not in loaded]
    if not users or not replaced or not from_shipped:
        return []
    folder = Path(str(builtin_rules_dir()))
    names = [_within(pack.path, folder) for pack in from_shipped]
    more = f", and {len(names) - 10} more" if len(names) > 10 else ""
    return [Finding("info", "schema", str(folder),
                    f"{counted(len(names), 'pack')} {noun(len(names), 'comes', 'come')} from the "
                    f"shipped rules here, as no file of yours replaces "
                    f"{noun(len(names), 'it', 'them')}"
                    f" (yours replace {len(replaced)} of the shipped packs): "
                    f"{', '.join(names[:10])}{more}; a pack deleted from a copy of the rules "
                    f"folder still loads from the shipped rules (--no-builtin-rules leaves "
                    f"them out)")]


def _within(path: str, folder: Path) -> str:
    """A path as seen from a folder it is in (sites/kapanlagi.com.toml), else as it is."""
    try:
        return Path(path).relative_to(folder).as_posix()
    except ValueError:
        return path


def in_packs(finding: Finding, paths: Collection[str]) -> bool:
    """Whether a finding is on one of the packs at `paths` (on the pack or on one of its rules)."""
    path, _, _ = finding.where.partition(": ")
    return finding.where in paths or path in paths


def check_gutting(packs: list[Pack], records: list[tuple[str, dict]]) -> list[Finding]:
    """Rules that gut a fixture: a rule the guard stopped, a record the rules removed mostly
    (flagged "mostly-removed") or whose text they left empty. Each is a warning on a rule (the
    one that removed the most), naming the fixture and the characters each rule removed."""
    where = {name: f"{pack.path}: {rule.id}"
             for pack in packs for rule in pack.rules for name in (rule.id, *rule.aliases)}
    findings = []
    for name, record in records:
        findings.extend(_guarded(name, record, where))
        findings.extend(_gutted(name, record, where))
    return findings


def _guarded(name: str, record: dict, where: dict[str, str]) -> list[Finding]:
    """A warning for each rule the guard stopped on one fixture."""
    return [Finding("warning", "gutting", where[flag["rule"]],
                    f"on fixture {name} the guard stopped it: it {flag.get('reason', '')}")
            for flag in record.get("flags", ())
            if flag.get("flag") == "guard" and flag.get("rule") in where]


def _gutted(name: str, record: dict, where: dict[str, str]) -> list[Finding]:
    """A warning when the rules left one fixture's text empty or removed most of it."""
    removed: Counter[str] = Counter()
    for removal in record["removed"]:
        if removal["rule"] in where:        # not what a web page's extraction left out
            removed[removal["rule"]] += len(removal["text"])
    if not removed:
        return []
    mostly = [f for f in record.get("flags", ()) if f.get("flag") == "mostly-removed"]
    if record["text"].strip():
        if not mostly:
            return []
        what = mostly[0].get("reason", "the rules removed most of it")
    else:
        what = ("the text comes out empty: the rules removed "
                f"{counted(sum(removed.values()), 'character')}")
    figures = ", ".join(f"{rule} {count}" for rule, count in removed.most_common())
    top = removed.most_common(1)[0][0]
    return [Finding("warning", "gutting", where[top],
                    f"on fixture {name} {what}; by rule: {figures}")]


def time_rules(packs: list[Pack], texts: list[str], repeat: int = 1) -> dict[str, float]:
    """Seconds each rule's pattern takes alone over every line of the fixtures (best of `repeat`),
    after one pass untimed: RE2 builds its automaton's states as lines first need them, which
    the first pass pays for (40 ms against 0.02 for one rule, measured) and a run over millions
    of documents does not, so a first pass timed named rules slow for their warm-up alone."""
    lines = [line for text in texts for line in text.split("\n") if line]
    timings: dict[str, float] = {}
    clock = time.perf_counter
    for pack in packs:
        for rule in pack.rules:
            search = rule.regex.search
            for line in lines:
                search(line)
            best = float("inf")
            for _ in range(repeat):
                t0 = clock()
                for line in lines:
                    search(line)
                best = min(best, clock() - t0)
            timings[rule.id] = best
    return timings


# -- shadowing ---------------------------------------------------------------------------------

def _spans(doc: Document) -> set[int]:
    covered: set[int] = set()
    for r in doc.removed:
        covered.update(range(r.col, r.col + len(r.text)))
    return covered


def _run_rules(rules: tuple[Rule, ...], text: str) -> Document:
    doc = Document(id="shadow", text=text)
    doc.lines = [Line(text, 1)]
    return RuleStage(Matcher(rules), MetaSink(()), guard_share=float("inf"))(doc)


def shadowed_by(rule: Rule, earlier: tuple[Rule, ...]) -> list[str] | None:
    """The earlier rules that already remove everything each of a rule's remove examples would
    lose to it; None if some example is still the rule's own."""
    if not rule.remove or not earlier:
        return None
    by: set[str] = set()
    for example in rule.remove:
        mine = _spans(run_rule(rule, example))
        if not mine:
            return None
        # (searched as the rule stage searches, in the form the example's characters allow:
        # the same answers as the full pattern, without compiling every earlier rule's)
        data = example.encode()
        alphabet = alphabet_of(example, data)
        candidates = tuple(e for e in earlier
                           if e.spans_for(data, alphabet).search(data) is not None)
        if not candidates:
            return None
        before = _run_rules(candidates, example)
        if not mine <= _spans(before):
            return None
        by.update(r.rule for r in before.removed)
    return sorted(by)


def check_shadowing(packs: list[Pack]) -> list[Finding]:
    """A rule is shadowed when rules before it in priority order remove all its examples first:
    earlier rules of its own pack, and for a common rule the rules of each language pack."""
    findings = []
    langs = [p for p in packs if p.kind == "lang"]
    for pack in packs:
        for index, rule in enumerate(pack.rules):
            by = shadowed_by(rule, pack.rules[:index])
            if by:
                findings.append(Finding("warning", "shadowing", f"{pack.path}: {rule.id}",
                                        f"every remove example is already removed by "
                                        f"{', '.join(by)} (earlier in the same pack)"))
                continue
            if pack.kind == "common":
                for lang in langs:
                    by = shadowed_by(rule, lang.rules)
                    if by:
                        findings.append(Finding(
                            "warning", "shadowing", f"{pack.path}: {rule.id}",
                            f"for {lang.id} documents every remove example is already removed by "
                            f"{', '.join(by)} (pack {lang.id} comes first)"))
    return findings


# -- shadowing of a user's rules by the other loaded packs -------------------------------------

# Where a rule's remove examples are placed when every loaded rule runs on them (in the head,
# in the tail, the last line, the first line): a head rule's among a document's first lines but
# not the first, a tail rule's among its last but not the last, a last rule's on the last, a
# first rule's on the first. A one-line example is all four, and a head rule of another pack
# would seem to take the text of a tail rule it never meets.
_PLACES = {"head": (True, False, False, False), "tail": (False, True, False, False),
           "last": (False, True, True, False), "first": (True, False, False, True)}


def _taken(doc: Document) -> dict[tuple[int, int], str]:
    """Each character a document lost, as (line, column), and the rule that removed it."""
    return {(r.line, col): r.rule
            for r in doc.removed for col in range(r.col, r.col + len(r.text))}


def _shown_path(path: str) -> str:
    """A pack's path as a person reads it: a shipped pack's from the project (rules/common.toml)."""
    try:
        return str(Path(path).relative_to(Path(str(builtin_rules_dir())).parent))
    except ValueError:
        return path


def meeting_combinations(pack: Pack, packs: list[Pack]
                         ) -> list[tuple[str | None, tuple[Pack, ...]]]:
    """The pack combinations a pack's rules run in, most specific first, as the cleaner's
    PackIndex.packs_for chooses them, each with its language: a site pack's with its language's
    (with each language's when it names none or one not loaded), a language pack's with the
    common packs, a common pack's with each language's."""
    langs = [p for p in packs if p.kind == "lang"]
    commons = tuple(p for p in packs if p.kind == "common")
    if pack.kind == "lang":
        return [(pack.id, (pack, *commons))]
    first = (pack,) if pack.kind == "site" else ()
    chosen = [p for p in langs if p.id == pack.lang] if pack.kind == "site" else []
    return ([(lang.id, (*first, lang, *commons)) for lang in chosen or langs]
            or [(None, (*first, *commons))])


class PackCombination:
    """One pack combination's rule stages (one per place a rule fires) and its rules' packs."""

    def __init__(self, packs: tuple[Pack, ...], sink: MetaSink):
        self.packs = packs
        self.rules = tuple(rule for pack in packs for rule in pack.rules)
        self.site = next((p.id for p in packs if p.kind == "site"), None)
        self.sink = sink
        self._stages: dict[tuple[bool, bool, bool, bool], RuleStage] = {}

    def run(self, text: str, where: str) -> Document:
        """Every rule of the combination that may fire where a rule of `where` does, on a text as
        the cleaner's rule stage runs them (site first, then leftmost), with no guard."""
        place = _PLACES.get(where, (True, True, True, True))
        stage = self._stages.get(place)
        if stage is None:
            placed = tuple(rule for rule in self.rules if applies(rule, *place))
            # One RE2 set of the combination's rules serves every place (matcher_for caches it).
            matcher = matcher_for(placed, self.site, self.rules)
            stage = self._stages[place] = RuleStage(matcher, self.sink, guard_share=float("inf"))
        doc = Document(id="shadow", text=text, packs=self.packs)
        doc.lines = [Line(t, n) for n, t in enumerate(text.split("\n"), start=1) if t]
        return stage(doc)


def _takers(rule: Rule, mine: set[str], text: str, combination: PackCombination
            ) -> tuple[dict[tuple[int, int], str], dict[tuple[int, int], str]]:
    """What the rule alone removes from one example, and of that what other packs' rules take
    when every rule runs: empty where the rule fires then, and without the rules of its own pack
    (`mine`: their ids), which check_shadowing holds it to."""
    own = _taken(run_rule(rule, text, combination.packs))
    if not own:
        return own, {}              # the examples check says the rule leaves it
    full = combination.run(text, rule.where)
    if any(removal.rule == rule.id for removal in full.removed):
        return own, {}
    after = _taken(full)
    return own, {at: after[at] for at in own if at in after and after[at] not in mine}


class Shadowed(NamedTuple):
    """A remove example of a rule that rules of other packs take first."""

    example: str
    part: str               # what the rule alone removes from it
    whole: bool             # whether they take all of that part, or some
    takers: set[str]        # their ids
    langs: list[str | None]     # the languages of the combinations where they take it


def shadowed_examples(rule: Rule, mine: set[str],
                      combinations: list[tuple[str | None, PackCombination]]) -> list[Shadowed]:
    """A rule's remove examples that other packs' rules take first, in any of `combinations`."""
    found = []
    for example in rule.remove:
        read = as_read(example)[0]
        takers: set[str] = set()
        whole, part, where = True, "", []
        for lang, combination in combinations:
            own, taken = _takers(rule, mine, read, combination)
            if taken:
                takers.update(taken.values())
                whole = whole and len(taken) == len(own)
                part = _part(read, own)
                where.append(lang)
        if takers:
            found.append(Shadowed(example, part, whole, takers, where))
    return found


def _part(text: str, spans: dict[tuple[int, int], str]) -> str:
    """The text at the given (line, column)s: runs joined with " ... ", edges' spaces dropped."""
    lines = text.split("\n")
    runs: list[str] = []
    last = None
    for line, col in sorted(spans):
        char = lines[line - 1][col] if line <= len(lines) and col < len(lines[line - 1]) else ""
        if last == (line, col - 1) and runs:
            runs[-1] += char
        else:
            runs.append(char)
        last = (line, col)
    return " ... ".join(run.strip() for run in runs if run.strip())


def check_shadowed_by_loaded(packs: list[Pack], users: Collection[str]) -> list[Finding]:
    """A warning for each remove example of a rule of the user's packs (their paths: `users`)
    that a rule of another loaded pack removes first, wholly or in the part the rule would
    remove, when every rule runs on it as the cleaner runs them: at one place the site pack's
    rules go first, then the language pack's, then the common packs'; otherwise the leftmost
    match wins. The rule never sees that text."""
    sink = MetaSink(packs)
    where = {rule.id: pack.path for pack in packs for rule in pack.rules}
    built: dict[tuple[str, ...], PackCombination] = {}
    findings: list[Finding] = []
    for pack in packs:
        if pack.path not in users or not pack.rules:
            continue
        combinations = []
        for lang, chosen in meeting_combinations(pack, packs):
            key = tuple(f"{p.kind}:{p.id}" for p in chosen)
            if key not in built:
                built[key] = PackCombination(chosen, sink)
            combinations.append((lang, built[key]))
        mine = {rule.id for rule in pack.rules}
        for rule in pack.rules:
            if not rule.remove:
                continue
            try:
                shadowed = shadowed_examples(rule, mine, combinations)
            except re2.error:
                continue                # too large a set: the schema check says why
            findings.extend(Finding("warning", "shadowing", f"{pack.path}: {rule.id}",
                                    _shadowed_message(found, where, len(combinations)))
                            for found in shadowed)
    return findings


def _shadowed_message(found: Shadowed, where: dict[str, str], combinations: int) -> str:
    """What a warning of check_shadowed_by_loaded says: the rules and their packs' files, and
    the languages where they take it if not in every one the rule's pack meets."""
    named = ", ".join(f"{taker} ({_shown_path(where[taker])})" if taker in where else taker
                      for taker in sorted(found.takers))
    of = "" if found.part == found.example.strip() else f" (of {found.example!r})"
    first = "removed first by" if found.whole else "removed first, in part, by"
    never = "this rule never sees it" if found.whole else "this rule never sees it whole"
    langs = ""
    if len(found.langs) < combinations:
        langs = f" in {', '.join(lang or 'other' for lang in found.langs)} documents"
    return f"its remove example {found.part!r}{of} is {first} {named}{langs}: {never}"


# -- engine ------------------------------------------------------------------------------------

def check_engine(packs: list[Pack]) -> list[Finding]:
    """Every loaded pattern was compiled by RE2, which matches in linear time: none can backtrack.
    Patterns that could not be (look-around, back-references, too large) were rejected by the
    loader with the reason, under "schema"."""
    count = sum(len(p.rules) for p in packs)
    return [Finding("info", "engine", "all packs",
                    f"{counted(count, 'pattern')} {noun(count, 'runs', 'run')} on RE2 (linear "
                    "time, no backtracking); patterns RE2 "
                    f"refuses are schema errors with the reason")]


# -- all ---------------------------------------------------------------------------------------

def check_all(extra: Iterable[str | Path] = (), builtin: bool = True,
              fixtures: str | Path | None = None, cleaner_factory=None,
              shadowing: bool = True, kept_options: bool = True) -> CheckResult:
    """Run every check; fixtures checks need a fixtures folder and a way to build a Cleaner.
    `kept_options`: the command was given no rule options (--rules, --no-builtin-rules,
    --lang), so a fixture that keeps some (<case>.rules) is checked with them, as `cleaner
    fixtures check` checks it; given some, every fixture is checked with the packs given.

    On fixtures that are not the project's own (a user's folder of their site's cases), a
    shipped rule that fires on none of them is an info, not a warning (check_fires); and each
    check lists its findings on the user's packs before those on the shipped packs."""
    result = CheckResult()
    extra = list(extra)
    shipped = {str(path) for path in shipped_rule_files(builtin)}
    packs, findings = load_all(extra, builtin)
    result.packs = packs
    result.findings.extend(findings)
    if extra:
        result.findings.extend(shipped_beside(packs, shipped))
    result.findings.extend(check_stopwords(packs))
    told = {taken.user for taken in shipped_replacements(packs, builtin) if taken.stopwords_lost}
    result.findings.extend(check_language_packs(packs, told))
    result.findings.extend(check_ids(packs))
    result.findings.extend(check_id_prefixes(packs))
    # One cleaner, built as `cleaner clean` builds it, reads the examples and the fixtures.
    cleaner = cleaner_factory(packs) if cleaner_factory is not None else None
    result.findings.extend(check_examples(packs, cleaner))
    if shadowing:
        within = check_shadowing(packs)
        users = {pack.path for pack in packs if pack.path not in shipped}
        # A rule already said to be shadowed (by its own pack, or a common rule of yours by a
        # language pack) is not told again, example by example.
        said = {finding.where for finding in within}
        result.findings.extend(within)
        result.findings.extend(finding for finding in check_shadowed_by_loaded(packs, users)
                               if finding.where not in said)
    result.findings.extend(check_engine(packs))
    if fixtures is not None and cleaner is not None and Path(fixtures).is_dir():
        documents = fixture_documents(fixtures)
        records, texts = clean_fixtures(cleaner, documents)
        result.fixture_docs = len(documents)
        result.fixture_chars = sum(len(t) for t in texts.values())
        elsewhere = set() if is_project_fixtures(fixtures) else shipped
        result.findings.extend(check_fires(packs, fired_rules(records), elsewhere, records,
                                           texts, fixtures))
        result.findings.extend(check_gutting(packs, records))
        cases = expected_cases(fixtures, cleaner, kept_options)
        result.expected_records = len(cases)
        result.over_kept = sum(case.over_kept for case in cases)
        result.findings.extend(check_expected_records(packs, cases, dict(records), fixtures,
                                                      cleaner))
        broken = {finding.rule for finding in findings if finding.rule is not None}
        result.findings.extend(check_fixture_ids(packs, cases, fixtures, broken))
        result.timings = time_rules(packs, list(texts.values()))
    # The user's own packs' findings first in each check (a stable sort: each check's order is
    # kept), where they are not lost below those of the shipped packs.
    result.findings.sort(key=lambda finding: in_packs(finding, shipped))
    return result


def as_dict(result: CheckResult) -> dict[str, Any]:
    return {"packs": len(result.packs), "rules": sum(len(p.rules) for p in result.packs),
            "errors": result.count("error"), "warnings": result.count("warning"),
            "findings": [f.__dict__ for f in result.findings],
            "fixture_documents": result.fixture_docs,
            "expected_records": result.expected_records,
            "timings_us": {k: round(v * 1e6, 1) for k, v in sorted(result.timings.items(),
                                                                    key=lambda kv: -kv[1])}}
