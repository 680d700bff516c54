"""`cleaner fixtures`: add a raw input as a fixture, check fixtures, update expected records with a diff."""

from __future__ import annotations

import argparse
import json
import re
import shlex
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

from cleaner.cli_common import add_rule_options, field_name, load_cleaner
from cleaner.explain import GREEN, RED, RESET, explain
from cleaner.fixture_workflow import (EMPTY_ID, Added, FixtureError, KeptCleaners, add_fixture,
                                      case_label, compare_fixtures, kept_options,
                                      made_with_given, meta_rules, rewrite, shared_case_names,
                                      shown_meta, text_change, unmatched_cases)
from cleaner.fixtures import (DEFAULT_ROOT, RuleOptions, input_fields_path, rule_options_path,
                              rule_options_text, write_rule_options)
from cleaner.identify import url_host
from cleaner.inputs import Item
from cleaner.normalize import normalize
from cleaner.rulefile import RESERVED_PREFIXES
from cleaner.wording import counted, noun

# Where fixtures are, unless --root says: a suggested command names any other folder.

# A host name as --site may give it: labels of letters, digits and hyphens (none at a label's
# ends) joined by single dots, with a root dot and a port or not. (url_host would take ".x.com",
# "x..com" and "-" as hosts, and their folders hold no site's fixtures.)
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_HOST_WITH_PORT = re.compile(rf"{_LABEL}(?:\.{_LABEL})+\.?(?::[0-9]{{1,5}})?")
# A folder of no site's fixtures ("misc"): one label, in lower case as the sites' folders are.
_PLAIN_FOLDER = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")
# The longest host name DNS allows.
_MAX_HOST = 253


def register(sub) -> None:
    parser = sub.add_parser(
        "fixtures", help="add fixtures, check them, update expected records",
        description="Regression fixtures live in fixtures/<site>/<case>.txt (or .html) with the "
                    "expected record in <case>.json and, optionally, the input fields (url, "
                    "date) in <case>.input.json and the rule options the record was made with "
                    "(--rules, --no-builtin-rules, --lang) in <case>.rules, which check, update "
                    "and `cleaner explain` of the case use when given no rule options.")
    actions = parser.add_subparsers(dest="fixtures_command", metavar="ACTION")

    add = actions.add_parser(
        "add", help="copy a raw input in as a fixture, its current record as the expected one",
        description="Copy FILE (.txt, .html, or one record of a .jsonl dump) into "
                    "fixtures/<site>/ and write the record the cleaner makes now beside it as the "
                    "expected one. It is shown with every removal marked: review it, fix rules "
                    "until it is right, then `cleaner fixtures update` and commit both files.",
        epilog="exit status: 0 the fixture written; 2 anything that keeps it from being written "
               "(bad usage, a FILE or record that cannot be read or cleaned, a case already "
               "there).")
    add.add_argument("file", metavar="FILE")
    add.add_argument("--site", required=True, metavar="HOST",
                     help="the site folder, named by its host (kompas.com, also when given "
                          "as www.Kompas.com), or a folder of no site's named in lower case "
                          "(misc); an input without a url that its text does not make this "
                          "site's is given one on it")
    add.add_argument("--new-site", action="store_true",
                     help="HOST is a new site, spelt as meant: without it, a HOST spelt like "
                          "the host of a site a pack knows (tribunews.com for tribunnews.com) "
                          "is refused as a likely typo")
    # (appended, to refuse a second one: argparse would keep the last, dropping the first)
    add.add_argument("--id", dest="record_id", metavar="ID", action="append",
                     help="the record to take from a .jsonl file: its id (one without an id "
                          "is FILE:LINE, as `clean` names it: dump.jsonl:9), or else its line "
                          "number; one per command, each record a case of its own")
    add.add_argument("--name", metavar="CASE",
                     help="case name (default: the record's id; one without an id, the file's "
                          "stem and its line, dump-9; a file of one record or a .txt, its stem)")
    add.add_argument("--url", metavar="URL", help="the page's url (finds the site pack)")
    add.add_argument("--date", metavar="DATE", help="the document's date (picks dated rules)")
    add.add_argument("--force", action="store_true", help="replace an existing fixture")
    # (--fixtures too: the name `rules check` gives the same folder)
    add.add_argument("--root", "--fixtures", dest="root", default=DEFAULT_ROOT, metavar="DIR",
                     help=f"fixtures folder (default: {DEFAULT_ROOT})")
    add.add_argument("--text-field", type=field_name, default="text", metavar="NAME",
                     help="JSONL field holding the text (default: text)")
    add.add_argument("--html-field", type=field_name, default="html", metavar="NAME",
                     help="JSONL field holding a web page, used when there is no text field "
                          "(default: html); the fixture is then the .html page")
    add.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                     help="mark removals in color (default: auto, when stdout is a terminal)")
    add_rule_options(add)
    add.set_defaults(run=run_add)

    for name, helptext in (("check", "show how fixtures differ from their expected records"),
                           ("update", "rewrite expected records after a deliberate change, "
                                      "showing the diff")):
        cmd = actions.add_parser(name, help=helptext, description=helptext[0].upper()
                                 + helptext[1:] + ".",
                                 epilog="check exits 1 when a fixture differs; update exits 0 "
                                        "after writing, 1 when it refused a case whose new "
                                        "record loses lines of article text (--accept-loss "
                                        "takes them), 2 when, given no CASE and no --all, it "
                                        "would rewrite more than one and rewrote none. Given no rule options (--rules, "
                                        "--no-builtin-rules, --lang), each fixture is cleaned "
                                        "with those kept in its <case>.rules (fixtures add "
                                        "--rules); given some, every fixture is cleaned with "
                                        "them, and update keeps them beside each record that "
                                        "is their work (rewritten, kept with options "
                                        "already, or not made again without them), naming "
                                        "each <case>.rules it writes.")
        cmd.add_argument("cases", nargs="*", metavar="CASE",
                         help="only these fixtures, each CASE named whole, not by a part: "
                              "a case's name (its file name without the suffix), its path "
                              "under the fixtures folder, or a folder of cases such as a "
                              "site's (kompas.com), every case in it (default: all)")
        cmd.add_argument("--root", "--fixtures", dest="root", default=DEFAULT_ROOT,
                         metavar="DIR", help=f"fixtures folder (default: {DEFAULT_ROOT})")
        if name == "check":
            cmd.add_argument("--update", action="store_true",
                             help="rewrite the expected records that differ (same as update)")
        cmd.add_argument("--all", action="store_true",
                         help="with no CASE, rewrite every expected record that differs: "
                              "without it, an update that would rewrite more than one rewrites "
                              "none and says what changes in each, so that an unintended "
                              "change is not accepted with an intended one")
        cmd.add_argument("--accept-loss", action="store_true",
                         help="rewrite too the expected records whose new text loses lines "
                              "of the expected text: without it, such a case is refused, "
                              "naming the lines and the rules that now remove them, and left "
                              "as it is (exit 1)")
        cmd.add_argument("--json", action="store_true",
                         help="write one JSON document on stdout instead of the diffs: per "
                              "case its status, what changes (lost lines with their rules), "
                              "the rules it was cleaned with and its diff; the summary stays "
                              "on stderr")
        cmd.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                         help="show the diff in color (default: auto, when stdout is a "
                              "terminal)")
        add_rule_options(cmd)
        cmd.set_defaults(run=run_compare, update=name == "update")
    parser.set_defaults(run=lambda args: parser.print_help() or 2)


def run_add(args: argparse.Namespace) -> int:
    ids = args.record_id or []
    if len(ids) > 1:
        # (each record is a case of its own, shown for review: one add each)
        print(f"cleaner: error: one --id per `fixtures add`, not {len(ids)} "
              f"({', '.join(map(repr, ids))}): add each record with a command of its own; "
              "nothing was added", file=sys.stderr)
        return 2
    args.record_id = ids[0] if ids else None
    if args.record_id == "":
        # (a .txt or .html case takes no id at all; an empty one names nothing anywhere)
        print(f"cleaner: error: {EMPTY_ID}", file=sys.stderr)
        return 2
    site = site_folder(args.site)
    if site is None:
        print(f"cleaner: error: {site_refusal(args.site)}", file=sys.stderr)
        return 2
    if site != args.site:
        print(f"note: --site {args.site} is the site {site} (a host is named in lower case, "
              "without www. and port, as documents' hosts are)", file=sys.stderr)
    cleaner = load_cleaner(args)
    if cleaner is None:
        return 2
    try:
        added = add_fixture(cleaner, args.root, site, args.file, name=args.name,
                            record_id=args.record_id, fields={"url": args.url, "date": args.date},
                            force=args.force, text_field=args.text_field,
                            html_field=args.html_field, new_site=args.new_site,
                            options=given_options(args))
    except (FixtureError, OSError, ValueError) as exc:
        print(f"cleaner: error: {exc}", file=sys.stderr)
        return 2
    color = args.color == "always" or (args.color == "auto" and sys.stdout.isatty())
    if added.raw.suffix == ".txt":
        print(explain(normalize(added.text)[0], added.record, color=color))
    else:
        print(page_view(cleaner, added.raw, color))
    print()
    print(f"added {added.raw}\n  and {added.expected} (its record as the cleaner makes it now)")
    stored = input_fields_path(added.raw)
    if stored.exists():
        # (a file to commit with the others: the input's fields the case is cleaned with)
        print(f"  and {stored} (the input fields it is cleaned with: url, date, ...)")
    if added.repaired:
        print(f"note: the record's text holds half a surrogate pair, which UTF-8 cannot hold: "
              f"{added.raw} has it repaired (U+FFFD), as a run's fix_surrogates repairs it, so "
              "the expected record does not name that fix", file=sys.stderr)
    if added.converted_from:
        # UTF-16 and UTF-32 are known by their NULs or mark; a code page is the charset guess's
        guessed = "" if added.converted_from.startswith("utf-") else (
            " (guessed from its bytes, as --encoding auto guesses: check its accented letters "
            "above)")
        print(f"note: {args.file} is not UTF-8: it was read as {added.converted_from}{guessed} "
              f"and {added.raw} stores it in UTF-8, as fixture inputs are", file=sys.stderr)
    report_site(added, site)
    if rule_options_path(added.raw).exists():
        print(f"note: the record was made with {given_options(args).typed()}, kept in "
              f"{rule_options_path(added.raw)}: `cleaner fixtures check` and `update`, and "
              "`cleaner explain` of its input, given no rule options clean this case with "
              "them", file=sys.stderr)
    label = shlex.quote(case_label(added.raw, args.root))
    print("review it: fix rules until the record is right, then `cleaner fixtures update "
          f"{label}{shaping_options(args)}` and commit the files", file=sys.stderr)
    return 0


def page_view(cleaner, raw: Path, color: bool) -> str:
    """A page case's record as `cleaner explain` shows it: its metadata and flags, then its
    article as the rules read it, every removal marked (the page's left-out prose where it sat).
    Its text alone hid the removals and flags a review is for (a no-language flag)."""
    from cleaner.batches import clean_item_document
    from cleaner.explain import page_places
    from cleaner.fixtures import input_fields
    from cleaner.readers import iter_inputs

    [item] = iter_inputs([str(raw)])
    if not isinstance(item, Item):          # (added, so read: a page refused says why there)
        return ""
    item = replace(item, fields={**item.fields, **input_fields(raw)})
    doc = clean_item_document(cleaner, item)
    record = doc.to_record()
    places = page_places(item.text, record, doc.text, (item.hints or {}).get("charset"))
    return explain(doc.text, record, color=color, places=places)


def site_folder(site: str) -> str | None:
    """The folder a --site names: a host name as documents' hosts are named (url_host: lower
    case, no www., port or root dot), so that www.kompas.com and Kompas.COM are kompas.com's;
    a folder of no site's given as one lower-case name ("misc"); None for anything else.

    >>> site_folder("www.Kompas.COM"), site_folder("kompas.com:8080"), site_folder("misc")
    ('kompas.com', 'kompas.com', 'misc')
    >>> [site_folder(s) for s in ("../etc", "www.", " ", ".kompas.com", "kompas..com", "-")]
    [None, None, None, None, None, None]
    >>> site_folder("kompas.com:"), site_folder("KOMPAS"), site_folder("kompas-.com")
    (None, None, None)
    """
    site = site.strip()
    if _PLAIN_FOLDER.fullmatch(site):
        return None if site == "www" else site      # "www" alone: a prefix of no host
    if not _HOST_WITH_PORT.fullmatch(site):
        return None
    host = url_host(site)
    return host if host and "." in host and len(host) <= _MAX_HOST else None  # not "www.x."


def site_refusal(site: str) -> str:
    """Why a --site names no folder (site_folder gave none), and what it takes."""
    if site.strip().lower().rstrip(".") in ("", "www"):
        return f"--site {site!r} names no host: give the site's host, like kompas.com"
    return (f"--site must be a host name like kompas.com (names of letters, digits and hyphens "
            f"joined by single dots), or a folder of no site's named in lower case like misc, "
            f"not {site!r}")


def given_options(args: argparse.Namespace) -> RuleOptions:
    """The rule options a command was given, as a fixture keeps them."""
    return RuleOptions(tuple(args.rules), args.no_builtin_rules, args.lang)


def shaping_options(args: argparse.Namespace) -> str:
    """The options that made the records, as typed after a command: an update run without them
    would rewrite the records with other rules (a user's pack left out, the cruft it removes
    then expected), or look in the default fixtures folder."""
    words = [word for path in args.rules for word in ("--rules", path)]
    if args.no_builtin_rules:
        words.append("--no-builtin-rules")
    if args.lang:
        words += ["--lang", args.lang]
    if args.root != DEFAULT_ROOT:
        words += ["--root", args.root]
    return "".join(f" {shlex.quote(word)}" for word in words)


def report_site(added: Added, site: str) -> None:
    """Say how the record was made --site's, or warn that it is another site's."""
    seen = added.record["meta"].get("site")
    if added.site_url:
        print(f"note: the input has no url, and its text alone does not make it {site}'s: "
              f"it was given {added.site_url} (stored in {added.raw.stem}.input.json); --url "
              "gives the page's own", file=sys.stderr)
    if seen != added.site:
        # A url of its own on another host (the input's data, kept), or --site names no host.
        url = added.record["meta"].get("url")
        hint = f"its url is {url}, check it" if url else "give --url on the site's host"
        print(f"warning: the record is not {site}'s, so not cleaned with its rules: meta.site "
              f"is {seen}; {hint}", file=sys.stderr)


def run_compare(args: argparse.Namespace) -> int:
    if args.all and not args.update:
        # (a check rewrites nothing: --all alone was passed over without a word)
        return early_exit(args, "--all rewrites every expected record that differs: give it "
                                "to `cleaner fixtures update`, or with --update")
    root = Path(args.root)
    if not root.is_dir():
        # (where it was looked for, and the option that names another: run from another
        # folder, the relative default names none)
        return early_exit(args, f"no fixtures folder {root} (looked for at {root.absolute()}; "
                                "--root names the folder)")
    missing = unmatched_cases(root, args.cases)
    if missing:
        # nothing checked or rewritten: a misspelt case is not left out quietly
        return early_exit(args, *(
            f"no fixture {case!r} in {root}: a CASE is a case's name, its path in the fixtures "
            "folder or a folder of cases, named whole"
            + (f"; close names: {', '.join(nearest)}" if nearest else "")
            for case, nearest in missing.items()))
    shared = shared_case_names(root, args.cases) if args.update else {}
    if shared:
        return early_exit(args, *(
            f"{case!r} names {len(paths)} cases ({', '.join(paths)}): an update is given the "
            "one it means by its path" for case, paths in shared.items()))
    cleaner, said = loaded_cleaner(args)
    if cleaner is None:
        return early_exit(args, *said, said=True)
    given = given_options(args)
    # Given rule options clean every fixture; given none, each is cleaned with those kept
    # beside it (`fixtures add --rules`), so that a plain check reproduces its record.
    kept = KeptCleaners(cleaner) if given == RuleOptions() else None
    comparisons = compare_fixtures(cleaner, root, args.cases, kept)
    if not comparisons:
        return early_exit(args, "no fixtures matched")
    changed = [c for c in comparisons if c.changed]
    broken = [c for c in comparisons if c.error]
    say_load_errors(broken, root)
    if kept is None:
        note_other_options(changed, given)
    # (a fixture cleaned with the options kept beside it lacks no pack `cleaner` lacks)
    plain = [c for c in changed if kept is None or not rule_options_path(c.raw).exists()]
    unloaded = sorted({rule for c in plain for rule in unloaded_rules(c.before, cleaner)})
    if unloaded:
        # Made with a pack this run lacks (a fixture added with --rules, checked without):
        # updating would write its cruft into the expected records.
        print(f"note: the expected records name rules of packs this run has not loaded "
              f"({', '.join(unloaded[:5])}{' ...' if len(unloaded) > 5 else ''}): give the "
              "--rules they were made with", file=sys.stderr)
    labels = case_labels(comparisons, root)
    say_gone_ids(comparisons, labels, args.update)
    color = args.color == "always" or (args.color == "auto" and sys.stdout.isatty())
    if not args.json:       # (with --json, stdout is its one document: each diff is in it)
        for comp in changed:
            sys.stdout.write(painted_diff(comp.diff(root), color))
    differing = [c for c in changed if not c.error]
    report = Report(args, root, comparisons, labels, given)
    if args.update and not args.cases and not args.all and len(differing) > 1:
        # An update of every case at once would take an unintended change (a rule that drops
        # an article's line elsewhere) in with the intended one, unseen: each is asked for.
        return report.finish(
            f"cleaner: error: an update without CASE would rewrite "
            f"{len(differing)} expected records: nothing was rewritten. What changes in each:"
            + changes_listed(differing, labels) + f"\nreview each diff {_where(args)}, then "
            f"`cleaner fixtures update CASE...{shaping_options(args)}` for the cases meant "
            f"(`cleaner fixtures update --all{shaping_options(args)}` for every one)", 2)
    checked = rule_sets_used(comparisons, given, labels)
    if args.update:
        # An update that would take article lines out of an expected text is the regression
        # fixtures are kept to catch (a loosened rule eating a sentence): it asks to be told.
        refused = [] if args.accept_loss else [c for c in differing if c.lost()]
        say_refused(refused, labels, args)
        taken = [c for c in comparisons if c not in refused]
        written = rewrite([c for c in changed if c not in refused])
        say_records_made(written, root)
        unkept = keep_options(made_with_given(taken, given, cleaner), given) \
            if kept is None else 0
        report.written, report.refused = written, refused
        return report.finish(
            f"{counted(len(comparisons), 'fixture')}, "
            f"{counted(len(written), 'expected record')} rewritten{checked}"
            + (f"; review the diff {_where(args)} and commit it" if written else "")
            + (f"; {len(refused)} refused: {noun(len(refused), 'it', 'they')} would lose "
               "article text (above)" if refused else "")
            + (f"; {len(broken)} could not be cleaned (above)" if broken else ""),
            1 if broken or unkept or refused else 0)
    differ = len(differing)
    return report.finish(
        f"{counted(len(comparisons), 'fixture')}, {differ} "
        f"{noun(differ, 'differs', 'differ')} from "
        f"{noun(differ, 'its expected record', 'their expected records')}{checked}"
        + (f", {len(broken)} could not be cleaned (above)" if broken else "")
        + (":" + changes_listed(differing, labels) if differ else "")
        + (f"\n{update_hint(args, differing, labels)}" if differ else ""),
        1 if changed else 0)


def early_exit(args: argparse.Namespace, *errors: str, said: bool = False) -> int:
    """End a check or an update before any case is compared: each error on stderr (unless
    `said` already) and, with --json, a document saying it; exit code 2."""
    if not said:
        for error in errors:
            print(f"cleaner: error: {error}", file=sys.stderr)
    if args.json:
        document = {"command": "update" if args.update else "check", "root": args.root,
                    "exit": 2, "error": "\n".join(errors)}
        sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    return 2


def loaded_cleaner(args: argparse.Namespace) -> tuple[object, list[str]]:
    """load_cleaner's cleaner, and, with --json, what it said on stderr (why none loaded), for
    the document to say too."""
    if not args.json:
        return load_cleaner(args), []
    import contextlib
    import io

    said = io.StringIO()
    with contextlib.redirect_stderr(said):
        cleaner = load_cleaner(args)
    sys.stderr.write(said.getvalue())
    return cleaner, [line.removeprefix("cleaner: error: ")
                     for line in said.getvalue().splitlines() if line.strip()]


def say_refused(refused: list, labels: dict, args: argparse.Namespace) -> None:
    """Name each case an update leaves alone because its new record loses article text: the
    lines lost, the rule that now removes each, and the update that takes the loss in."""
    for comp in refused:
        lost = comp.lost()
        lines = "".join(_refused_line(line) for line in lost)
        taken = (f"{counted(len(lost), 'line')} of article text out of" if
                 not any(line.cut for line in lost) else
                 f"article text out of {counted(len(lost), 'line')} of")
        print(f"cleaner: error: {labels[comp.raw]}: the update would take {taken} its "
              f"expected record, which was not rewritten:{lines}\nfix the rule that removes "
              f"{noun(len(lost), 'it', 'them')}; if the loss is meant, `cleaner fixtures update "
              f"{shlex.quote(labels[comp.raw])}{shaping_options(args)} --accept-loss` "
              "rewrites it", file=sys.stderr)


def _refused_line(line) -> str:
    """A lost line as a refused update names it: `line 7, now removed by a/b: TEXT`, or for
    words cut from it `line 9, now cut by a/b: 'WORDS' (of: TEXT)`."""
    where = f"\n  line {line.line if line.line is not None else '?'}"
    if line.cut is None:
        return where + (f", now removed by {line.rule}" if line.rule else "") + f": {line.text}"
    return (where + (f", now cut by {line.rule}" if line.rule else ", cut")
            + f": {line.cut!r} (of: {line.text})")


def say_gone_ids(comparisons: list, labels: dict, update: bool) -> None:
    """Warn, once per id, of a rule id expected records name that no loaded rule has as its id
    or alias (a rule renamed without `aliases`), naming the cases."""
    by_id: dict[str, list] = {}
    for comp in comparisons:
        for rule in comp.gone:
            by_id.setdefault(rule, []).append(labels[comp.raw])
    for rule, cases in by_id.items():
        print(f"warning: rule id {rule} is no longer loaded: renamed? add aliases = "
              f"[{json.dumps(rule, ensure_ascii=False)}] to the rule that replaces it (named by "
              f"{', '.join(cases[:5])}{' ...' if len(cases) > 5 else ''})"
              + ("; an update drops it from the records it rewrites" if update else ""),
              file=sys.stderr)


def rule_sets_used(comparisons: list, given: RuleOptions, labels: dict) -> str:
    """Which rules the cases were cleaned with, when not all with the same: `; 129 cases
    cleaned with the shipped rules, 1 with its own .rules (--rules rules)`; given rule options,
    which clean every case, the cases whose .rules they are used over. "" when every case was
    cleaned with the same."""
    if given != RuleOptions():
        over = [c for c in comparisons if _kept_other(c, given)]
        if not over:
            return ""
        names = ", ".join(labels[c.raw] for c in over[:3]) + (" ..." if len(over) > 3 else "")
        return (f"; every case cleaned with the rules given ({given.typed()}), over the options "
                f"{counted(len(over), 'case')} {noun(len(over), 'keeps', 'keep')} in .rules "
                f"({names})")
    groups = Counter(c.options.typed() if c.options else "" for c in comparisons if not c.error)
    if len(groups) < 2:
        return ""
    shown = [f"{count} with the shipped rules" if not typed else
             f"{count} with {noun(count, 'its', 'their')} own .rules ({typed})"
             for typed, count in sorted(groups.items(), key=lambda group: group[0] != "")]
    return "; " + _cases_cleaned(shown)


def _cases_cleaned(shown: list[str]) -> str:
    """`129 cases cleaned with the shipped rules, 1 with its own .rules (...)`."""
    count, rest = shown[0].split(" ", 1)
    return (f"{count} {noun(int(count), 'case', 'cases')} cleaned {rest}"
            + "".join(f", {part}" for part in shown[1:]))


def _kept_other(comp, given: RuleOptions) -> bool:
    """Whether a fixture keeps rule options (.rules) other than those given."""
    try:
        kept = kept_options(comp.raw)
    except FixtureError:
        return False
    return kept is not None and kept.resolved() != given.resolved()


class Report:
    """The end of a check or an update: its summary on stderr and, with --json, one JSON
    document on stdout (report_document)."""

    def __init__(self, args: argparse.Namespace, root: Path, comparisons: list, labels: dict,
                 given: RuleOptions):
        self.args, self.root, self.comparisons, self.labels = args, root, comparisons, labels
        self.given = given
        self.written: list = []
        self.refused: list = []

    def finish(self, summary: str, code: int) -> int:
        """Say the summary, write the JSON document when asked; the exit code."""
        print(summary, file=sys.stderr)
        if self.args.json:
            document = report_document(self, summary, code)
            sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
        return code


def report_document(report: Report, summary: str, code: int) -> dict:
    """`fixtures check --json`: the run's counts, its summary's lines, the rules each case was
    cleaned with, and per case its status, what changes (lost lines with their rules) and its
    diff."""
    comparisons = report.comparisons
    written, refused = set(map(id, report.written)), set(map(id, report.refused))
    given = report.given.typed() if report.given != RuleOptions() else None
    cases = [_case_document(c, report, given, id(c) in written, id(c) in refused)
             for c in comparisons]
    sets = Counter(json.dumps(case["options"]) for case in cases
                   if case["status"] not in ("error", "input-missing"))
    typed = {json.dumps(case["options"]): case["rules"] for case in cases}
    return {
        "command": "update" if report.args.update else "check",
        "root": str(report.root),
        "exit": code,
        "fixtures": len(comparisons),
        "differ": sum(case["status"] not in ("same", "error", "input-missing")
                      for case in cases),
        "could_not_clean": sum(case["status"] == "error" for case in cases),
        "input_missing": sum(case["status"] == "input-missing" for case in cases),
        "rewritten": len(written),
        "refused": len(refused),
        "rule_sets": [{"rules": typed[key], "options": json.loads(key), "cases": count}
                      for key, count in sets.items()],
        "summary": summary.splitlines(),
        "cases": cases,
    }


def _case_document(comp, report: Report, given: str | None, written: bool,
                   refused: bool) -> dict:
    """One case of report_document."""
    status = ("input-missing" if comp.missing_input else "error" if comp.error else "no-expected-record" if comp.problem and not comp.before
              else "expected-not-json" if comp.problem else "differs" if comp.changed
              else "same")
    records = comp.records() if status == "differs" else None
    before, after = records or ({}, {})
    change = text_change(before, after)
    options = report.given if given else comp.options or RuleOptions()
    return {
        "case": report.labels[comp.raw],
        "input": comp.raw.relative_to(report.root).as_posix(),
        "status": status,
        "rules": given or (comp.options.typed() if comp.options else "shipped"),
        "options": {"rules": list(options.rules), "builtin_rules": not options.no_builtin_rules,
                    "lang": options.lang},
        "summary": (change_summary(comp) if status not in ("same", "error", "input-missing")
                    else None),
        "error": comp.error or None,
        "lost": [{"line": line.line, "rule": line.rule, "text": line.text}
                 | ({"cut": line.cut} if line.cut is not None else {}) for line in comp.lost()],
        "lines_changed": len(change.changed),
        "lines_gained": len(change.gained),
        "now_fires": sorted(_fired(after) - _fired(before)),
        "no_longer_fires": sorted(_fired(before) - _fired(after)),
        # (the values, and the rules whose removals filled them)
        "meta": [{"field": field, "was": _meta_value(before, field),
                  "now": _meta_value(after, field), "was_by": was, "now_by": now}
                 for field, was, now in meta_rules(before, after)],
        "gone_rule_ids": list(comp.gone),
        "rewritten": written,
        "refused": refused,
        "diff": comp.diff(report.root) if comp.changed else None,
    }


def update_hint(args: argparse.Namespace, differing: list, labels: dict) -> str:
    """The update that takes a check's differences in: the case, when one differs; the cases
    named, when the check was given some; else one by one, or --all spelt out. An expected
    record that is missing or no JSON is named with what is wrong with it (problem_hint)."""
    options = shaping_options(args)
    records = [c for c in differing if not c.problem]
    hints = [problem_hint(c, labels, options) for c in differing if c.problem]
    if records:
        hints.append(_records_hint(args, records, labels, options))
    return "\n".join(hints)


def _records_hint(args: argparse.Namespace, records: list, labels: dict, options: str) -> str:
    """update_hint for records that differ: a case losing article text needs --accept-loss."""
    losing = [labels[c.raw] for c in records if c.lost()]
    where = _where(args)
    if args.cases or len(records) == 1:
        cases = _cases(args) if args.cases else f" {shlex.quote(labels[records[0].raw])}"
        update = f"`cleaner fixtures update{cases}{options}`"
        if losing and len(losing) == len(records):
            # (that update alone is refused: not suggested as if it rewrote them)
            return (f"{', '.join(losing)} {noun(len(losing), 'loses', 'lose')} article text, "
                    f"which {update} refuses unless also given --accept-loss: fix the rule that "
                    f"removes the text, or, once the diff {where} is what you meant, add "
                    "--accept-loss")
        loss = (f" ({', '.join(losing)} {noun(len(losing), 'loses', 'lose')} article text: "
                f"the update refuses {noun(len(losing), 'it', 'them')} unless also given "
                "--accept-loss)" if losing else "")
        return (f"once the diff {where} is what you meant, {update} rewrites "
                f"{noun(len(records), 'it', 'them')}{loss}")
    loss = (f" ({', '.join(losing)} {noun(len(losing), 'loses', 'lose')} article text: the "
            f"update refuses {noun(len(losing), 'it', 'them')} unless also given --accept-loss; "
            "if the loss is not meant, fix the rule that removes the text instead)"
            if losing else "")
    return (f"review each diff {where}: `cleaner fixtures update CASE..." + options + "` "
            "rewrites the cases named, once their diffs are what you meant (`cleaner fixtures "
            f"update --all{options}` rewrites every one){loss}")


def _where(args: argparse.Namespace) -> str:
    """Where a check's diffs are: above, on stdout; with --json, in the document's cases."""
    return "in the JSON document's cases" if args.json else "above"


def problem_hint(comp, labels: dict, options: str) -> str:
    """What to do with an expected record that is missing or no JSON: say what is wrong with
    the file, mend it by hand or have update write the record the cleaner makes now."""
    update = f"`cleaner fixtures update {shlex.quote(labels[comp.raw])}{options}`"
    if not comp.before:
        return f"{update} writes {comp.expected.name} as the cleaner makes it now; review it"
    wrong = comp.problem.split(": ", 1)[-1]       # (after "expected record is not JSON")
    return (f"{comp.expected.name} is not JSON ({wrong}): mend it by hand, or {update} "
            "replaces it with the record the cleaner makes now, losing what it held; review it")


def _meta_value(record: dict, field: str) -> Any:
    """A record's metadata field, None where its record has no meta object."""
    meta = record.get("meta")
    return meta.get(field) if isinstance(meta, dict) else None


def case_labels(comparisons: list, root: Path) -> dict:
    """How to name each fixture as a CASE (case_label)."""
    from cleaner.fixtures import fixture_inputs

    stems = Counter(raw.stem for raw in fixture_inputs(root))
    return {c.raw: case_label(c.raw, root, stems) for c in comparisons}


def changes_listed(comparisons: list, labels: dict) -> str:
    """One line per differing fixture, each naming what changes in it (change_summary)."""
    return "".join(f"\n  {labels[c.raw]}: {change_summary(c)}" for c in comparisons)


def _removed_by(record: dict, lines: list[str]) -> list[str]:
    """The rules of the record's removals whose text is one of `lines` whole: what removed a
    line that the text now gains (the lost lines name the rule that now removes each)."""
    wanted = {line.strip() for line in lines}
    removed = record.get("removed")
    return list(dict.fromkeys(
        removal["rule"] for removal in (removed if isinstance(removed, list) else ())
        if isinstance(removal, dict) and isinstance(removal.get("rule"), str)
        and isinstance(removal.get("text"), str) and removal["text"].strip() in wanted))


# How many lost lines a summary names one by one (the diff above shows every one).
LOST_NAMED = 5


def change_summary(comp) -> str:
    """What changes in a fixture's record, in a few words: lines of its text lost (each with
    its line and the rule whose removal now covers it), changed (a span cut from them) or
    gained, rules that now fire or no longer do, metadata fields with the rules that filled
    them, rule ids no loaded rule has, and other parts that change."""
    if comp.problem:
        return comp.problem.split(" (", 1)[0]
    records = comp.records()
    if records is None:
        return "the record changes"
    before, after = records
    parts = []
    change = text_change(before, after)
    named = comp.lost()
    for count, how, lines in ((len(change.lost), "lost", [n for n in named if n.cut is None]),
                              (len(change.cut), "cut", [n for n in named if n.cut is not None])):
        if count:
            parts.append(f"{counted(count, 'line')} of text {how} ("
                         + "; ".join(line.shown() for line in lines[:LOST_NAMED])
                         + ("; ..." if len(lines) > LOST_NAMED else "") + ")")
    if change.changed:
        parts.append(f"{counted(len(change.changed), 'line')} of text changed")
    if change.gained:
        was = _removed_by(before, change.gained)
        parts.append(f"{counted(len(change.gained), 'line')} of text gained"
                     + (f" (removed before by {', '.join(was)})" if was else ""))
    rules_before, rules_after = _fired(before), _fired(after)
    if rules_after - rules_before:
        parts.append(f"now fires {', '.join(sorted(rules_after - rules_before))}")
    if rules_before - rules_after:
        parts.append(f"no longer fires {', '.join(sorted(rules_before - rules_after))}")
    fields = meta_rules(before, after)
    if fields:
        parts.append(f"meta {', '.join(shown_meta(*field) for field in fields)}")
    if comp.gone:
        parts.append(f"{noun(len(comp.gone), 'rule id', 'rule ids')} {', '.join(comp.gone)} "
                     "no longer loaded")
    # Removals of a rule that fires before and after, changed in place (an action, a span):
    # named, where nothing said above names the rule (it was "removed changed", and nothing
    # where a field changed too).
    said = "; ".join(parts)
    changed = [rule for rule in _changed_removals(before, after) if not _names(said, rule)]
    if changed:
        parts.append(f"removals by {', '.join(changed)} changed")
    others = [k for k in dict.fromkeys([*before, *after])
              if k not in ("text", "meta") and before.get(k) != after.get(k)]
    if others and not (others == ["removed"] and parts):
        parts.append(f"{', '.join(others)} changed")
    return "; ".join(parts) or "the record changes"


def _names(said: str, rule: str) -> bool:
    """Whether `said` names `rule` as a whole id (a/x is not named by a/xy).

    >>> _names("now fires a/xy", "a/x"), _names("meta source (a/x)", "a/x")
    (False, True)
    """
    return re.search(rf"(?<![\w./-]){re.escape(rule)}(?![\w./-])", said) is not None


def _changed_removals(before: dict, after: dict) -> list[str]:
    """The rules whose removals differ between two records, of those in both.

    >>> one = {"removed": [{"rule": "a/x", "action": "drop-line"}, {"rule": "a/y"}]}
    >>> _changed_removals(one, {"removed": [{"rule": "a/x", "action": "drop-span"}]})
    ['a/x']
    """
    def by_rule(record: dict) -> dict[str, list]:
        removals: dict[str, list] = {}
        removed = record.get("removed")
        for removal in removed if isinstance(removed, list) else ():
            if isinstance(removal, dict) and isinstance(removal.get("rule"), str):
                removals.setdefault(removal["rule"], []).append(removal)
        return removals

    was, now = by_rule(before), by_rule(after)
    return sorted(rule for rule in was.keys() & now.keys() if was[rule] != now[rule])


def _fired(record: dict) -> set:
    """The rule ids a record's removals name."""
    removed = record.get("removed")
    return {r["rule"] for r in removed if isinstance(r, dict) and isinstance(r.get("rule"), str)} \
        if isinstance(removed, list) else set()


def say_load_errors(broken: list, root: Path) -> None:
    """Say once each error of rule files that fixtures keep (<case>.rules) and that do not load,
    naming the fixtures that keep them: their diffs say nothing more."""
    shared: dict[str, list] = {}
    for comp in broken:
        if comp.shared:
            shared.setdefault(comp.shared, []).append(comp)
    labels = case_labels([c for group in shared.values() for c in group], root)
    for key, group in shared.items():
        typed, reason = key.split("\0", 1)
        names = ", ".join(labels[c.raw] for c in group)
        print(f"cleaner: error: the rules {counted(len(group), 'fixture')} ({names}) "
              f"{noun(len(group), 'keeps', 'keep')} ({typed}, in "
              f"{noun(len(group), 'its', 'their')} .rules) do not load: {reason}; fix the rule "
              "file, then check again", file=sys.stderr)


def say_records_made(written: list, root: Path) -> None:
    """Name the expected records an update wrote where there was none, or none in JSON."""
    for comp in written:
        if comp.problem:
            name = comp.expected.relative_to(root)
            print(f"note: {name} was not JSON ({comp.problem.split(': ', 1)[-1]}): replaced "
                  "by the record the cleaner makes now; review it" if comp.before else
                  f"note: {name} had no expected record: written as the cleaner makes it "
                  "now; review it", file=sys.stderr)


def keep_options(comparisons: list, given: RuleOptions) -> int:
    """Keep the rule options an update was given beside the fixtures whose records are their
    work (made_with_given), naming each <case>.rules written, changed or deleted. How many
    could not be kept, after saying why."""
    failed = 0
    for comp in comparisons:
        path = rule_options_path(comp.raw)
        try:
            before = path.read_text(encoding="utf-8") if path.exists() else None
        except (OSError, ValueError):   # a folder of that name, not UTF-8: replaced, or fails
            before = ""
        # (--no-builtin-rules alone too: a record made without the shipped packs would change
        # with them, so a check must leave them out, as fixtures add keeps it)
        after = rule_options_text(comp.raw, given)
        if before == after:
            continue
        try:
            write_rule_options(comp.raw, given)
        except OSError as exc:          # a folder where the file goes, a read-only folder
            print(f"cleaner: error: cannot keep the rule options of {comp.raw}: {exc}",
                  file=sys.stderr)
            failed += 1
            continue
        print(f"deleted {path}: {given.typed()} names no rule file or language to keep"
              if after is None else f"wrote {path}: {given.typed()}" if before is None
              else f"changed {path}: now {given.typed()}", file=sys.stderr)
    return failed


def note_other_options(changed: list, given: RuleOptions) -> None:
    """Name the fixtures that differ and keep other rule options than the run was given: a
    check given none uses theirs."""
    for comp in changed:
        try:
            kept = kept_options(comp.raw)
        except FixtureError:
            continue                    # said as the fixture's failure, if it is one
        if kept is not None and kept.resolved() != given.resolved():
            print(f"note: {comp.raw} was made with {kept.typed()} (kept in "
                  f"{rule_options_path(comp.raw).name}); `cleaner fixtures check` given no rule "
                  "options uses them", file=sys.stderr)


def painted_diff(diff: str, color: bool) -> str:
    """A unified diff with its removed lines in red and added ones in green, when `color`.

    >>> painted_diff("--- a\\n+++ b\\n-old\\n+new\\n same\\n", True).splitlines()[2:]
    ['\\x1b[31m-old\\x1b[0m', '\\x1b[32m+new\\x1b[0m', ' same']
    """
    if not color:
        return diff
    # (split at line feeds alone: a record's text may hold other line separators)
    lines = diff.split("\n")
    for i, line in enumerate(lines):
        if line.startswith(("---", "+++")):         # the files' names, not a change
            continue
        paint = RED if line.startswith("-") else GREEN if line.startswith("+") else ""
        if paint:
            lines[i] = f"{paint}{line}{RESET}"
    return "\n".join(lines)


def unloaded_rules(expected: str, cleaner) -> list[str]:
    """The rule ids an expected record's removals name whose pack the cleaner has not loaded:
    by the id's prefix, a pack's rules' ('dailyplanet/zonk-byline') or its id
    ('kabarislamia.com/html-strip:...'). None for a record that is no JSON."""
    try:
        removed = json.loads(expected).get("removed") or []
    except (ValueError, AttributeError):
        return []
    known = {prefix.rstrip("/") for prefix in RESERVED_PREFIXES}     # the engine's own ids
    for pack in (*cleaner.packs, *cleaner.learned.values()):
        known.add(pack.id)
        known.update(rule.id.split("/", 1)[0] for rule in pack.rules)
    return [r["rule"] for r in removed if isinstance(r, dict) and isinstance(r.get("rule"), str)
            and r["rule"].split("/", 1)[0] not in known]


def _cases(args: argparse.Namespace) -> str:
    """The cases a check was limited to, as typed: its update rewrites those alone."""
    return "".join(f" {shlex.quote(case)}" for case in args.cases)
