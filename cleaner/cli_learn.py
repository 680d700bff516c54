"""`cleaner clean --learn-boilerplate`: the options, the first pass, and the learned rules for review."""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from cleaner.batches import document_args
from cleaner.cli_common import at_least, read_options, share
from cleaner.identify import site_host
from cleaner.inputs import ReadOptions, Reject
from cleaner.progress import say
from cleaner.learn import MIN_DOCS, MIN_SHARE, LearnOptions, learn, learned_packs, learned_rule
from cleaner.readers import iter_inputs
from cleaner.rule_toml import pack_toml, rule_toml
from cleaner.wording import counted, noun
from cleaner.writers import is_special_file


def add_learn_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group(
        "learned boilerplate (opt-in; reads the input twice, so not from stdin)")
    group.add_argument("--learn-boilerplate", action="store_true",
                       help="first pass: learn per site the lines that repeat across a large "
                            "share of its documents; second pass: remove them as rules "
                            "learned/<site>/<n>")
    group.add_argument("--learn-min-share", type=share, metavar="F",
                       help=f"a line is learned if it is in at least this share of its site's "
                            f"documents (default: {MIN_SHARE})")
    group.add_argument("--learn-min-docs", type=at_least(1), metavar="N",
                       help=f"... and in at least N documents (default: {MIN_DOCS})")
    group.add_argument("--learn-save", metavar="DIR",
                       help="write the learned rules, one file per site, for review "
                            "(DIR/<site>.learned.toml)")


def _documents(args: argparse.Namespace, passed: Counter, cleaner,
               options: ReadOptions | None = None):
    """The input's (text, url, site pack its hints choose) to learn from, read as the run reads
    them (`options`: its --hidden; the cleaner's given_site: its --site); `passed` counts the
    web pages left out and the documents whose site neither a url's host nor a hint names, for
    the run to say why it learned nothing."""
    for item in iter_inputs(args.inputs, options or read_options(args)):
        if isinstance(item, Reject):
            continue          # rejects are reported by the second pass
        if getattr(item, "kind", "text") == "html":
            passed["pages"] += 1    # a page's chrome is dropped by extraction, not learned
            continue
        fields = document_args(item)
        url = fields.get("url")
        site = cleaner.hinted_site(url, fields.get("site"))
        if site_host(url) is None and site is None:
            passed["no url"] += 1
        yield item.text, url, site


def learn_for_run(args: argparse.Namespace, cleaner,
                  read: ReadOptions | None = None) -> int | None:
    """Run the first pass if asked and give the cleaner its learned packs; an exit status on
    error. `read`: the run's read options (its --hidden), read_options(args) if not given."""
    if not getattr(args, "learn_boilerplate", False):
        # Options of the first pass without it would do nothing, in silence.
        given = [option for option, value in (("--learn-save", args.learn_save),
                                              ("--learn-min-share", args.learn_min_share),
                                              ("--learn-min-docs", args.learn_min_docs))
                 if value is not None]
        if given:
            say(f"cleaner: error: {' and '.join(given)} tune{'s' if len(given) == 1 else ''} "
                "what --learn-boilerplate learns; give it too")
            return 2
        return None
    piped = [name for name in args.inputs if name == "-" or is_special_file(name)]
    if piped:
        # (`<(zcat dump.jsonl.gz)` is drained by the first pass, and the run cleaned nothing)
        say(f"cleaner: error: --learn-boilerplate reads the input twice, and "
            f"{'stdin' if piped[0] == '-' else 'the pipe ' + piped[0]} can be read only "
            "once; save it to a file first")
        return 2
    if args.learn_save and Path(args.learn_save).exists() and not Path(args.learn_save).is_dir():
        say(f"cleaner: error: --learn-save {args.learn_save} is a file; it names a folder")
        return 2
    options = LearnOptions(
        min_share=MIN_SHARE if args.learn_min_share is None else args.learn_min_share,
        min_docs=MIN_DOCS if args.learn_min_docs is None else args.learn_min_docs)
    if not 0 < options.min_share <= 1 or options.min_docs < 1:
        say("cleaner: error: --learn-min-share must be in (0, 1] and --learn-min-docs at least 1")
        return 2
    if not args.quiet:
        say("cleaner: learning boilerplate (first pass over the input)")
    passed: Counter = Counter()
    learned = learn(cleaner, _documents(args, passed, cleaner, read), options)
    cleaner.learned = learned_packs(learned)
    if not args.quiet:
        lines = sum(len(v) for v in learned.values())
        say(f"cleaner: learned {counted(lines, 'boilerplate line')} for "
            f"{counted(len(learned), 'site')} "
            f"(share >= {options.min_share:g}, documents >= {options.min_docs})")
        if not learned and (passed["pages"] or passed["no url"]):
            # Said, where learning nothing from a folder of one site's pages or files was silent.
            pages, no_url = passed["pages"], passed["no url"]
            reasons = ([f"{counted(pages, 'web page')} {noun(pages, 'is', 'are')} left out "
                        "(their chrome is what extraction drops)"] if pages else []) + \
                ([f"{counted(no_url, 'document')} {noun(no_url, 'has', 'have')} no url, so "
                  f"{noun(no_url, 'its', 'their')} site is known only where a site pack's "
                  "signature names it"] if no_url else [])
            say(f"cleaner: {'; '.join(reasons)}")
        for site, found in sorted(learned.items()):
            for n, line in enumerate(found[:5], start=1):
                text = line.text if len(line.text) <= 90 else line.text[:87] + "..."
                say(f"  learned/{site}/{n}  {line.docs}/{line.site_docs}  {text}"
                    + (f"  (already removed by {', '.join(line.taken_by)})"
                       if line.taken_by else ""))
            if len(found) > 5:
                say(f"  ... {len(found) - 5} more for {site}")
    if args.learn_save:
        save_learned(Path(args.learn_save), learned)
    return None


def save_learned(folder: Path, learned) -> list[Path]:
    """The learned rules as TOML, one file per site, to paste into that site's pack."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for site, lines in sorted(learned.items()):
        rules = []
        for n, line in enumerate(lines, start=1):
            rule = learned_rule(site, n, line)
            text = rule_toml({"id": rule.id, "description": rule.description,
                              "action": rule.action, "case_sensitive": True,
                              "pattern": rule.pattern, "remove": list(rule.remove)})
            if line.taken_by:
                # Pasted into the site's pack, it would take the line before the rule that
                # removes it now, and what that rule fills (an editor's name) would be lost.
                text = (f"# already removed by {', '.join(line.taken_by)}: leave it out\n"
                        + "\n".join(f"# {row}" if row else "#" for row in text.split("\n")))
            rules.append(text)
        path = folder / f"{site}.learned.toml"
        # (a site pack of its own, so that a file loaded as it is, its ids renamed, fires on the
        # site's documents alone: without its [pack] it was a common pack, read on every site)
        path.write_text(f"# Lines learned by `cleaner clean --learn-boilerplate` for {site}.\n"
                        f"# Review them, then paste the ones that are cruft into the site's pack "
                        f"(rules/sites/{site}.toml),\n# giving each a stable id of the site's own "
                        f"(a learned/ id is refused in a rule file).\n"
                        f"# Rules commented out hold lines the loaded rules already remove: in "
                        f"the site's pack,\n# one would take its line first, and what those "
                        f"rules fill (an editor's name) would be lost.\n\n"
                        + pack_toml({"id": f"{site}.learned", "kind": "site",
                                     "domains": [site]})
                        + "\n\n" + "\n\n".join(rules) + "\n", encoding="utf-8")
        written.append(path)
    return written
