"""`cleaner rules`: list the loaded packs and rules, and check rule files and their examples."""

from __future__ import annotations

import argparse
import sys

from cleaner.cli_common import add_rule_options
from cleaner.examples import example_failures
from cleaner.rulefile import RuleFileError, load_packs


def register(sub) -> None:
    parser = sub.add_parser("rules", help="list or check rule packs",
                            description="List the rule packs and rules, or check them.")
    rules_sub = parser.add_subparsers(dest="rules_command", metavar="ACTION")
    listing = rules_sub.add_parser("list", help="list packs and rules")
    add_rule_options(listing)
    listing.set_defaults(run=run_list)
    check = rules_sub.add_parser("check", help="check rule files: schema, ids, examples")
    add_rule_options(check)
    check.set_defaults(run=run_check)
    parser.set_defaults(run=lambda args: parser.print_help() or 2)


def _load(args):
    try:
        return load_packs(args.rules, builtin=not args.no_builtin_rules)
    except RuleFileError as exc:
        print(f"cleaner: error: rule file {exc}", file=sys.stderr)
        return None


def run_list(args: argparse.Namespace) -> int:
    packs = _load(args)
    if packs is None:
        return 2
    for pack in packs:
        extra = f" domains={','.join(pack.domains)}" if pack.domains else ""
        print(f"{pack.kind:6s} {pack.id:24s} {len(pack.rules):3d} rules  {pack.path}{extra}")
        for rule in pack.rules:
            print(f"         {rule.id:40s} {rule.action:9s} {rule.description}")
    return 0


def run_check(args: argparse.Namespace) -> int:
    packs = _load(args)
    if packs is None:
        return 2
    sites = tuple(p for p in packs if p.kind == "site")
    langs = tuple(p for p in packs if p.kind == "lang")
    failed = 0
    total = 0
    for pack in packs:
        context = (pack, *sites, *langs)
        for rule in pack.rules:
            total += 1
            for failure in example_failures(rule, context):
                failed += 1
                print(f"{pack.path}: {rule.id}: {failure}")
    print(f"{len(packs)} packs, {total} rules, {failed} failing examples", file=sys.stderr)
    return 1 if failed else 0
