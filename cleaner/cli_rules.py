"""`cleaner rules`: list the loaded packs and rules, and check rule files, their examples, fixtures and costs."""

from __future__ import annotations

import argparse
import sys
from fnmatch import fnmatchcase
from pathlib import Path
from typing import TYPE_CHECKING

import orjson

from cleaner.cli_common import add_rule_options, at_least, no_such_lang
from cleaner.fixtures import DEFAULT_ROOT
from cleaner.pack_replacements import pack_warnings
from cleaner.pipeline import cleaner_language
from cleaner.rulefile import RuleFileError, load_packs
from cleaner.wording import characters, counted, noun

if TYPE_CHECKING:       # rules_check is imported by `cleaner rules check` itself, not at start
    from cleaner.rules_check import CheckResult

CHECKS = ("schema", "language", "ids", "examples", "fixtures", "gutting", "records", "shadowing",
          "engine")
# The checks that run the rules over the fixtures.
FIXTURE_CHECKS = ("fixtures", "gutting", "records")


def register(sub) -> None:
    parser = sub.add_parser("rules", help="list or check rule packs",
                            description="List the rule packs and rules, or check them.")
    rules_sub = parser.add_subparsers(dest="rules_command", metavar="ACTION")
    listing = rules_sub.add_parser(
        "list", help="list packs and rules",
        description="List the loaded packs and their rules: kind, id, rule count, file and "
                    "domains; each rule's id, action, description and dates.")
    listing.add_argument("pattern", nargs="?", metavar="PATTERN",
                         help="only the rules whose id or alias matches PATTERN, in any case, a "
                              "glob (kompas/*) or else a part of the id (dateline), and their "
                              "packs")
    listing.epilog = ("exit status: 0 listed, 1 no rule id or alias matches PATTERN, 2 bad usage "
                      "or a broken rule file")
    add_rule_options(listing, lang_help="only the packs a document in this language gets: the "
                                        "common ones, this language's, and the sites' of no "
                                        "other language")
    listing.set_defaults(run=run_list)
    check = rules_sub.add_parser(
        "check", help="check rule files: schema, language packs, ids, examples, fixtures, "
                      "gutting, expected records, shadowing, cost",
        description="Check every rule file: schema (with the reason a pattern is refused, "
                    "the shipped packs a pack of the same id replaces, packs that share an id "
                    "with a pack of another kind, and language packs without stopwords), "
                    "language packs the language pick cannot name (an id that is no plain "
                    "language code, too few stopwords), "
                    "duplicate or reused ids and aliases, rule ids that start with another "
                    "pack's name, rule ids the fixtures' expected records name that no loaded "
                    "rule has (a rename without aliases), every rule's own examples (as "
                    "documents reach the rules, after the text fixes), whether each "
                    "rule fires on at least one fixture, rules that gut a fixture (stopped by "
                    "the guard, most or all of its text removed), removals that take text a "
                    "fixture's expected record keeps (`cleaner fixtures check` compares the "
                    "records whole), rules shadowed by earlier "
                    "ones (and each remove example of a rule of your packs that a rule of "
                    "another loaded pack removes first, so that the rule never sees it), and "
                    "the time each rule costs on the fixtures.",
        epilog="exit status: 0 no errors (warnings are listed), 1 errors (or warnings under "
               "--strict), 2 bad usage (a --fixtures folder that does not exist)")
    add_rule_options(check, lang_help="clean the fixtures in this language, as `cleaner clean "
                                      "--lang` would (default: each document's detected one)")
    # (--root too: the name the fixtures commands give the same folder)
    check.add_argument("--fixtures", "--root", dest="fixtures", metavar="DIR",
                       default=DEFAULT_ROOT,
                       help="fixtures folder: .txt/.html inputs and .jsonl records "
                            "(default: ./fixtures when it exists)")
    check.add_argument("--no-fixtures", action="store_true",
                       help="skip the checks that run on fixtures (firing, gutting, expected "
                            "records, timing)")
    check.add_argument("--no-shadowing", action="store_true", help="skip the shadowing check")
    check.add_argument("--strict", action="store_true", help="warnings fail the check too")
    check.add_argument("--slowest", type=at_least(0), default=10, metavar="N",
                       help="show the N slowest rules (default: 10; 0 for none)")
    check.add_argument("--all-warnings", action="store_true",
                       help="list every warning (default: at most 20 per check), and each "
                            "shipped rule that fires on none of fixtures not the project's own "
                            "(default: their count)")
    check.add_argument("--json", action="store_true", help="print the findings as JSON")
    check.set_defaults(run=run_check)
    parser.set_defaults(run=lambda args: parser.print_help() or 2)


def _load(args):
    """The packs the options load, or None after saying why they cannot be used (a broken rule
    file, a --lang no loaded pack has); args.lang read as `cleaner clean` reads it (EN is en)."""
    try:
        packs = load_packs(args.rules, builtin=not args.no_builtin_rules)
    except RuleFileError as exc:
        print(f"cleaner: error: rule file {exc}", file=sys.stderr)
        return None
    return None if _unknown_lang(args, packs) else packs


def _unknown_lang(args: argparse.Namespace, packs) -> bool:
    """Whether --lang names no language pack among `packs`, after saying so; else args.lang is
    the pack's id it names (pipeline.cleaner_language: "EN", "en-GB", "eng" are en)."""
    langs = {pack.id for pack in packs if pack.kind == "lang"}
    try:
        args.lang = cleaner_language(args.lang or None, langs)
    except ValueError:
        return no_such_lang(args.lang, langs)       # (says why)
    return False


def run_list(args: argparse.Namespace) -> int:
    packs = _load(args)
    if packs is None:
        return 2
    if args.lang:
        packs = [pack for pack in packs if not (pack.kind == "lang" and pack.id != args.lang)
                 and not (pack.kind == "site" and pack.lang not in (None, args.lang))]
    warnings: dict[str, list[str]] = {}
    for path, warning in pack_warnings(packs, not args.no_builtin_rules):
        warnings.setdefault(path, []).append(warning)
    shown = 0
    for pack in packs:
        rules = [rule for rule in pack.rules if _listed((rule.id, *rule.aliases), args.pattern)]
        # A site's html_strip selectors are removals of its own, named <pack>/html-strip:<selector>.
        strips = [f"{pack.id}/html-strip:{selector}" for selector in pack.html_strip]
        strips = [name for name in strips if _listed((name,), args.pattern)]
        if args.pattern and not rules and not strips:
            continue
        shown += len(rules) + len(strips)
        extra = f" domains={','.join(pack.domains)}" if pack.domains else ""
        count = len(pack.rules)
        # Filtered, a pack says how many of its rules are shown: "1 of 12 rules".
        tally = (f"{len(rules):3d} of {counted(count, 'rule'):9s}" if args.pattern
                 else f"{count:3d} {noun(count, 'rule'):5s}")
        if pack.html_strip:
            tally += f" and {len(strips)}" + (f" of {len(pack.html_strip)}" if args.pattern else "") \
                + f" html_strip {noun(len(pack.html_strip), 'selector')}"
        print(f"{pack.kind:6s} {pack.id:24s} {tally}  {pack.path}{extra}")
        for warning in warnings.get(pack.path, ()):
            print(f"         warning: {warning}")
        for rule in rules:
            dates = ""
            if rule.valid_from or rule.valid_until:
                dates = f" [{rule.valid_from or '...'} .. {rule.valid_until or '...'}]"
            print(f"         {rule.id:40s} {rule.action:9s} {rule.description}{dates}")
        for name in strips:
            print(f"         {name:40s} {'html-strip':9s} html_strip selector: what it names is "
                  "stripped from a page before extraction")
    shown += _list_engine_rules(args.pattern)
    if args.pattern and not shown:
        print(f"cleaner: no rule id or alias matches {args.pattern!r}", file=sys.stderr)
        return 1
    return 0


def _list_engine_rules(pattern: str | None) -> int:
    """Print the removal ids of the cleaner's own that PATTERN lists (all without one), as a
    pack's rules are; how many. They are what most of a web page's removals are named."""
    from cleaner.engine_rules import ENGINE_RULES

    listed = [rule for rule in ENGINE_RULES if _listed((rule.id,), pattern)]
    if not listed:
        return 0
    count = len(ENGINE_RULES)
    tally = f"{len(listed):3d} of {count} ids   " if pattern else f"{count:3d} ids  "
    print(f"{'engine':6s} {'(the cleaner itself)':24s} {tally}  cleaner/engine_rules.py")
    for rule in listed:
        print(f"         {rule.id:40s} {rule.action:9s} {rule.description}")
    return len(listed)


def _listed(names: tuple[str, ...], pattern: str | None) -> bool:
    """Whether `rules list PATTERN` lists a rule by its names (its id and aliases): one matches
    PATTERN as a glob (one with *, ? or [), else holds it, in any case (ids are lower case,
    "Kompas/*" is meant as "kompas/*"); every rule without one."""
    if not pattern:
        return True
    pattern = pattern.casefold()
    names = tuple(name.casefold() for name in names)
    if any(char in pattern for char in "*?["):
        return any(fnmatchcase(name, pattern) for name in names)
    return any(pattern in name for name in names)


def _cleaner_factory(lang):
    def build(packs):
        from cleaner.pipeline import Cleaner

        return Cleaner(packs=packs, lang=lang)
    return build


def run_check(args: argparse.Namespace) -> int:
    from cleaner.rules_check import as_dict, check_all

    if args.lang:
        try:
            packs = load_packs(args.rules, builtin=not args.no_builtin_rules)
        except RuleFileError:
            packs = []                  # a broken file: the check itself reports it
        if packs and _unknown_lang(args, packs):
            return 2
    fixtures = None if args.no_fixtures else args.fixtures
    if fixtures is not None and not Path(fixtures).is_dir():
        if args.fixtures != DEFAULT_ROOT:
            print(f"cleaner: error: no fixtures folder {fixtures}", file=sys.stderr)
            return 2
        fixtures = None
    result = check_all(args.rules, builtin=not args.no_builtin_rules, fixtures=fixtures,
                       cleaner_factory=_cleaner_factory(args.lang),
                       shadowing=not args.no_shadowing,
                       kept_options=not (args.rules or args.no_builtin_rules or args.lang))
    if args.json:
        sys.stdout.buffer.write(orjson.dumps(as_dict(result), option=orjson.OPT_INDENT_2) + b"\n")
    else:
        print(format_result(result, fixtures, args.slowest, args.all_warnings,
                            "--no-fixtures" if args.no_fixtures else "no fixtures folder"))
    errors, warnings = result.count("error"), result.count("warning")
    failing = sum(1 for f in result.findings if f.check == "examples")
    rules = sum(len(p.rules) for p in result.packs)
    print(f"{counted(len(result.packs), 'pack')}, {counted(rules, 'rule')}, "
          f"{counted(failing, 'failing example')}, {counted(errors, 'error')}, "
          f"{counted(warnings, 'warning')}", file=sys.stderr)
    return 1 if errors or (args.strict and warnings) else 0


def _shipped_unfired(found, all_warnings: bool) -> list[str]:
    """The one line that sums up the shipped rules that fire on none of fixtures not the
    project's own (listed one by one under --all-warnings): no warnings, and no news about the
    rules the user checks."""
    from cleaner.rules_check import SHIPPED_UNFIRED

    count = sum(1 for f in found if f.message == SHIPPED_UNFIRED)
    if not count or all_warnings:
        return []
    return [f"  info: {counted(count, 'rule')} of the shipped packs {noun(count, 'fires', 'fire')} "
            "on none of these fixtures: not "
            f"warnings, as the shipped rules are held to the project's own fixtures "
            f"(--all-warnings lists them)"]


def format_result(result: CheckResult, fixtures, slowest: int = 10,
                  all_warnings: bool = False, no_fixtures_why: str = "no fixtures folder") -> str:
    """The findings grouped by check, each check with a one-line verdict."""
    from cleaner.rules_check import SHIPPED_UNFIRED

    out = []
    rules = sum(len(p.rules) for p in result.packs)
    for check in CHECKS:
        found = [f for f in result.findings if f.check == check]
        problems = [f for f in found if f.level != "info"]
        if check in FIXTURE_CHECKS and fixtures is None:
            out.append(f"{check:10s} skipped ({no_fixtures_why})")
            continue
        if check == "schema":
            verdict = f"{counted(len(result.packs), 'pack')}, {counted(rules, 'rule')} loaded"
        elif check == "records":
            # (what it compares, said plainly: `fixtures check` compares records whole)
            verdict = (f"{counted(result.expected_records, 'expected record')}: "
                       f"{'no' if not problems else 'a'} rule takes text they keep "
                       f"(`cleaner fixtures check` compares them whole)")
            if result.over_kept:
                # (as `cleaner fixtures check` given rule options: they clean every case)
                verdict += (f"; every case cleaned with the rules given, over the options "
                            f"{counted(result.over_kept, 'case')} "
                            f"{noun(result.over_kept, 'keeps', 'keep')} in .rules")
        elif check == "fixtures":
            firing = rules - len(found)
            verdict = (f"{counted(result.fixture_docs, 'fixture document')}; {firing} of "
                       f"{counted(rules, 'rule')} {noun(firing, 'fires', 'fire')} on at least one")
        else:
            verdict = "" if problems else "ok"
        errors = sum(1 for f in problems if f.level == "error")
        warnings = len(problems) - errors
        counts = ", ".join(x for x in (counted(errors, "error") if errors else "",
                                       counted(warnings, "warning") if warnings else "") if x)
        out.append(f"{check:10s} {'; '.join(x for x in (verdict, counts) if x)}")
        shown = 0
        for f in found:
            if f.level == "warning" and not all_warnings and shown >= 20:
                continue
            if f.message == SHIPPED_UNFIRED and not all_warnings:
                continue
            shown += f.level == "warning"
            out.append(f"  {f.level}: {f.where}: {f.message}")
        hidden = warnings - min(warnings, 20) if not all_warnings else 0
        if hidden:
            out.append(f"  ... {hidden} more {noun(hidden, 'warning')} (--all-warnings)")
        out.extend(_shipped_unfired(found, all_warnings))
    if result.timings and slowest:
        total = sum(result.timings.values())
        kb = max(result.fixture_chars / 1000, 1e-9)
        timed = len(result.timings)
        out.append(f"{'timing':10s} each rule alone on {characters(result.fixture_chars)} of "
                   f"fixture text: {total * 1e3:.1f} ms for {'all ' if timed > 1 else ''}"
                   f"{counted(timed, 'rule')}")
        for rule_id, seconds in sorted(result.timings.items(), key=lambda kv: -kv[1])[:slowest]:
            out.append(f"  {seconds * 1e3:8.2f} ms  {seconds * 1e6 / kb:7.2f} us/KB  {rule_id}")
    return "\n".join(out)
