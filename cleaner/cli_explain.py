"""`cleaner explain`: print documents with each removal marked and labelled with its rule id."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from dataclasses import replace
from pathlib import Path

from cleaner.batches import clean_item_document, item_reject
from cleaner.cli_common import (add_read_options, add_rule_options, add_site_option, at_least,
                                load_cleaner, no_such_input, site_read_options)
from cleaner.cli_fixtures import given_options
from cleaner.document import NOTHING_VISIBLE, nothing_visible
from cleaner.explain import LISTED_NOISE, WIDTH, explain, page_places, rule_sources
from cleaner.fixture_workflow import FixtureError, KeptCleaners, RecordPicker, kept_options
from cleaner.fixtures import (INPUT_SUFFIXES, RuleOptions, expected_path, input_fields,
                              input_fields_path, rule_options_path)
from cleaner.inputs import Item, ReadLog, Reject, shown_id
from cleaner.readers import iter_inputs
from cleaner.run import MAX_REJECT_MESSAGES
from cleaner.stats import skipped_said
from cleaner.warc_reader import SkipPlacesById
from cleaner.wording import counted


def register(sub) -> None:
    parser = sub.add_parser(
        "explain", help="show what was removed from documents and why",
        description="Print each document line by line with every removal marked [-like this-] "
                    "and labelled with the rule that took it, and the metadata found.",
        epilog="A fixture case's input (fixtures/<site>/<case>.txt, or any input with its "
               "expected record <case>.json beside it) is shown as `cleaner fixtures check` "
               "cleans it: with the input fields in its <case>.input.json and, given no rule "
               "options, the rule options kept in its <case>.rules.\n\n"
               "exit status: 0 documents shown (with --id, a document for every ID); 1 none to "
               "show, or an ID whose record was rejected or skipped (a WARC's image, say: each "
               "said once on stderr, with why) or is not in the input; 2 bad usage or rule "
               "file. With --id, only the rejects of the records asked for are said.",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="as for `cleaner clean`")
    parser.add_argument("--id", dest="ids", action="append", metavar="ID",
                        help="only the document(s) with this id (one without an id is "
                             "FILE:LINE, as clean names it: dump.jsonl:9), or else on this line "
                             "number of a dump")
    parser.add_argument("-n", "--limit", type=at_least(0), default=20,
                        help="at most this many documents (default: 20; 0 for all)")
    parser.add_argument("--all", dest="every", action="store_true",
                        help="list every run of a page that the extractor left out "
                             "(html/not-extracted); by default those that read as prose are "
                             "shown first, in full, with where they sat, and more than "
                             f"{LISTED_NOISE} others (menus, labels, links) are counted, with a "
                             "few examples. Also tell, for the shipped packs' rules the document "
                             "got, the lines a rule's pattern matches that it did not take, and "
                             "why (always told for the rules of --rules files)")
    parser.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                        help="mark removals in color (default: auto, when stdout is a terminal)")
    add_read_options(parser)
    add_site_option(parser)
    add_rule_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        picker = RecordPicker(args.ids) if args.ids else None
    except FixtureError as exc:         # an empty --id
        print(f"cleaner: error: {exc}", file=sys.stderr)
        return 2
    if no_such_input(args.inputs):
        return 2
    cleaner = load_cleaner(args)
    if cleaner is None:
        return 2
    options = site_read_options(args, cleaner)
    if options is None:
        return 2
    color = args.color == "always" or (args.color == "auto" and sys.stdout.isatty())
    # The legend is wrapped to the terminal's width, or to WIDTH where the output is no terminal.
    width = shutil.get_terminal_size((WIDTH, 24)).columns if sys.stdout.isatty() else WIDTH
    given = given_options(args)
    # Given no rule options, a fixture case is shown with those kept beside it, as `cleaner
    # fixtures check` cleans it; given some, every document is shown with them.
    kept = KeptCleaners(cleaner) if given == RuleOptions() else None
    shown = 0
    log = ReadLog()
    if args.ids:
        log.skip_places = SkipPlacesById()  # a skipped WARC record asked for is said, with why
    answered: set[str] = set()          # the ids asked for that a record shown or said had
    shown_ids: set[str] = set()         # those of the records shown
    rejected = _RejectLines()
    items = iter_inputs(args.inputs, options, log)
    # --id as `fixtures add` takes it (RecordPicker: one order for both): a record's whole id,
    # rejected or not, or else a line number of the dump.
    for item in picker.pick(items) if picker else items:
        named = picker.naming(item) if picker else []
        if isinstance(item, Reject):
            # With --id, only the rejects of the records asked for: another row's reject said
            # before "no document with id ..." read as if it were the one asked for.
            if named or not picker:
                rejected.say(item.where(), item.reason)
                answered.update(named)
            continue
        answered.update(named)
        try:
            used = case_cleaner(item, cleaner, given, kept)
            doc = clean_item_document(used, with_stored_fields(item))
        except Exception as exc:  # a page with no article, a page over the time limit, a
            # broken <case>.input.json or <case>.rules, rules it keeps that are gone
            # (named as the rejects file names it: with its record's id, which --id may give)
            reject = item_reject(item, str(exc))
            rejected.say(reject.where(), reject.reason)
            continue
        record = doc.to_record()
        if nothing_visible(record):       # as `cleaner clean` refuses it, in its words
            reject = item_reject(item, NOTHING_VISIBLE)
            rejected.say(reject.where(), reject.reason)
            continue
        shown_ids.update(named)
        print(explain(doc.text, record, color=color, rules=rule_sources(used.packs),
                      width=width, every=args.every, places=_places(item, record, doc.text),
                      unfired=_unfired(doc, record, used.packs, args.every)))
        print()
        shown += 1
        if args.limit and shown >= args.limit:
            print(f"cleaner: shown the first {counted(shown, 'document')}; -n 0 shows all, "
                  "--id one", file=sys.stderr)
            break
    rejected.close()
    if args.ids:
        limited = bool(args.limit and shown >= args.limit)
        _say_unshown(args.ids, answered, log, limited)
        return 0 if shown and (limited or shown_ids >= set(args.ids)) else 1
    if not shown:
        # A WARC of images and redirects, a folder whose files no --glob takes: say what was
        # passed over, as a run's summary does, not nothing at all.
        passed = [skipped_said(count, reason) for reason, count in log.skipped_records.items()]
        passed += [f"{counted(count, 'duplicate file')}, {reason}"
                   for reason, count in log.duplicate_files.items()]
        if log.skipped:
            passed.append(f"{counted(log.skipped, 'file')} not matching the input patterns")
        print("cleaner: no document to explain in the input"
              + (f" (skipped: {'; '.join(passed)})" if passed else ""), file=sys.stderr)
        return 1
    return 0


def _unfired(doc, record: dict, packs, every: bool) -> list[tuple[int, str, str]]:
    """(line, rule, why) for each line of a document a rule's pattern matches and the rule did
    not take: "why did my rule not take this line?" (where = "last" above the last line, the
    document another site's, another rule first). The rules of the user's files, and with
    `every` those of the shipped packs the document got."""
    from cleaner.rules_check import unfired_here
    from cleaner.rulefile import shipped_rule_files

    shipped = {str(path) for path in shipped_rule_files(True)}
    got = {pack.id for pack in doc.packs}
    found = []
    for pack in packs:
        if str(pack.path) in shipped and not (every and pack.id in got):
            continue
        for rule in pack.rules:
            found += [(number, rule.id, why)
                      for number, why in unfired_here(rule, pack, doc.text, record)]
    return sorted(found)


def _places(item: Item, record: dict, normalized: str) -> dict[int, str]:
    """Where the prose a page's extractor left out sat among its text's lines (page_places);
    none for a text."""
    if getattr(item, "kind", "text") != "html":
        return {}
    return page_places(item.text, record, normalized, (item.hints or {}).get("charset"))


def _say_unshown(ids: list[str], answered: set[str], log: ReadLog, limited: bool) -> None:
    """Say each --id that no record shown or rejected had: a WARC record skipped (with why: not
    HTML, a warcinfo record), else not in the input (not said where -n stopped the reading:
    it may lie further on)."""
    unsaid = [wanted for wanted in dict.fromkeys(ids) if wanted not in answered]
    missing = []
    for wanted in unsaid:
        skips = _skipped_as(wanted, log.skip_places or {})
        for (source, number), reason in skips:
            # (a number alone is the record's number, said already: no id of its own)
            named = "" if wanted.isdigit() else f" (id {shown_id(wanted)})"
            print(f"cleaner: skipped {source} record {number}{named}: {reason}", file=sys.stderr)
        if not skips and not limited:
            missing.append(wanted)
    if missing:
        # (a url is what a user has of a page: an id is its record's, else FILE:NUMBER)
        hint = "; a record without an id of its own is named FILE:NUMBER (crawl.warc.gz:3), " \
            "and a WARC record also by its WARC-Record-ID" \
            if any("://" in wanted for wanted in missing) else ""
        print(f"cleaner: no document with id {', '.join(map(shown_id, missing))} in the input"
              + hint, file=sys.stderr)


def _skipped_as(wanted: str, places: dict[tuple[str, int], str]
                ) -> list[tuple[tuple[str, int], str]]:
    """The WARC records skipped that `wanted` names as FILE:RECORD (or by its number alone), or
    by its WARC-Record-ID, with why each was skipped."""
    named = places.named(wanted) if isinstance(places, SkipPlacesById) else None
    if named is not None:
        return [named]
    name, _, number = wanted.rpartition(":")
    if not number.isdigit():
        return []
    found = []
    for (source, at), reason in places.items():
        place = source.replace(os.sep, "/")
        if at == int(number) and (not name or place == name or place.endswith("/" + name)):
            found.append(((source, at), reason))
    return found


class _RejectLines:
    """The rejects' lines on stderr, the first MAX_REJECT_MESSAGES of them, then how many more,
    as `cleaner clean` says them: a binary file of 2,000 "lines" is not 2,000 lines of noise."""

    def __init__(self) -> None:
        self.count = 0

    def say(self, where: str, reason: str) -> None:
        self.count += 1
        if self.count <= MAX_REJECT_MESSAGES:
            print(f"cleaner: rejected {where}: {reason}", file=sys.stderr)

    def close(self) -> None:
        if self.count > MAX_REJECT_MESSAGES:
            print(f"cleaner: ... {self.count - MAX_REJECT_MESSAGES} more rejects",
                  file=sys.stderr)


def with_stored_fields(item: Item) -> Item:
    """A one-article file with the input fields stored beside it (a fixture's <case>.input.json):
    shown as `cleaner fixtures` cleans it, its url finding the site pack, its date the dated
    rules. `cleaner clean` reads the file alone: a dump's folder is not a fixtures folder, and
    a file that is no case (is_case) is shown as `cleaner clean` cleans it."""
    if item.line is not None or not is_case(Path(item.source)):
        return item
    stored = input_fields(Path(item.source))
    if not stored:
        return item
    print(f"cleaner: {item.where()}: with the input fields stored in "
          f"{input_fields_path(Path(item.source))}, as a fixture is cleaned", file=sys.stderr)
    return replace(item, fields={**item.fields, **stored})


def case_cleaner(item: Item, cleaner, given: RuleOptions, kept: KeptCleaners | None):
    """The cleaner to show a one-article file with, as `cleaner fixtures check` cleans it:
    given no rule options (`kept` then), the one for those kept beside it (a fixture's
    <case>.rules); given some, `cleaner`, made with them, noting a case that keeps others.
    Raises FixtureError on a <case>.rules that cannot be read or names rules that are gone.
    A file that is no case (is_case) is shown with `cleaner`, as `cleaner clean` cleans it."""
    if item.line is not None:
        return cleaner
    raw = Path(item.source)
    # (no fixture, or one made with the defaults): a .rules beside any other file is not ours
    if not is_case(raw) or not rule_options_path(raw).exists():
        return cleaner
    if kept is None:
        try:
            options = kept_options(raw)
        except FixtureError:
            return cleaner          # the given options make no use of it
        if options is not None and options.resolved() != given.resolved():
            print(f"cleaner: {item.where()}: its record was made with {options.typed()} (kept "
                  f"in {rule_options_path(raw)}); explain given no rule options uses them",
                  file=sys.stderr)
        return cleaner
    options = kept_options(raw)
    if options is None:
        return cleaner
    made = kept(raw)
    print(f"cleaner: {item.where()}: with the rule options kept in {rule_options_path(raw)} "
          f"({options.typed()}), as a fixture is cleaned", file=sys.stderr)
    return made


def is_case(raw: Path) -> bool:
    """Whether a file is a fixture case's input, as `cleaner fixtures check` takes one: an
    input it reads (.txt, .html, .htm) with its expected record (<case>.json) beside it."""
    return raw.suffix in INPUT_SUFFIXES and expected_path(raw).is_file()
