"""The `cleaner` command: subcommands registered from one module each."""

from __future__ import annotations

import argparse
import gc
import os
import sys

from cleaner import __version__
from cleaner import cli_clean, cli_explain, cli_fixtures, cli_rules, cli_suggest
from cleaner.cli_common import hint_field_clash
from cleaner.compiled import build_name
from cleaner.ray_connect import exit_if_stopped

COMMANDS = (cli_clean, cli_explain, cli_rules, cli_suggest, cli_fixtures)

EPILOG = """examples:
  cleaner clean dump/ -o clean.jsonl            clean every input file under dump/ (--glob)
  cleaner clean articles.jsonl.gz -o - | head   JSONL in, records to stdout
  cleaner explain article.txt                   show what was removed and why
  cleaner rules check                           check every rule file and its examples
  cleaner suggest dump.jsonl --packs common     mine a dump for boilerplate, print candidate rules
  cleaner fixtures add page.txt --site kompas.com   add a fixture with its record, for review
"""


class CommandParser(argparse.ArgumentParser):
    """A command's parser: an argument it does not take is its error, said with its own usage
    and the option spelt like it, not with the top-level usage argparse gives by default."""

    def parse_known_args(self, args=None, namespace=None):
        parsed, extras = super().parse_known_args(args, namespace)
        if extras:
            self.error(f"unrecognized arguments: {' '.join(extras)}"
                       + _did_you_mean(extras, self._option_string_actions))
        return parsed, extras


def _did_you_mean(extras: list[str], options) -> str:
    """A hint naming the option an unknown one is spelt like ("--workrs": --workers), if any.

    >>> _did_you_mean(["--workrs=2"], {"--workers": None, "-o": None})
    ' (did you mean --workers?)'
    >>> _did_you_mean(["2", "--zzz"], {"--workers": None})
    ''
    """
    import difflib

    known = [name for name in options if name.startswith("--")]
    for extra in extras:
        if extra.startswith("--"):
            close = difflib.get_close_matches(extra.split("=", 1)[0], known, n=1)
            if close:
                return f" (did you mean {close[0]}?)"
    return ""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cleaner",
        description="Turn raw news dumps into clean, structured records, recording every removal.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version",
                        version=f"cleaner {__version__}, {build_name()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=CommandParser)
    for module in COMMANDS:
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    # Arrow's allocator (mimalloc, in pyarrow) keeps memory it has freed for a while and
    # commits whole arenas at once: 2-worker runs over 100 MB held 456 MB in all reading
    # Parquet and 479 MB writing it, against 303 and 399 MB told to give memory back at once,
    # for the same time. (The system allocator helped reading but made writing worse.) Read
    # when pyarrow is first imported; a choice made in the environment wins.
    for option, value in (("MIMALLOC_PURGE_DELAY", "0"), ("MIMALLOC_ARENA_EAGER_COMMIT", "0")):
        os.environ.setdefault(option, value)
    # Cleaning a document allocates many small objects and keeps few, so Python's default (a
    # collection every 700 net allocations) collected 511 times over 100 MB of news, for 0.09 s
    # of 4.4, finding little; every 10,000, 7 times for 0.008 s. Workers inherit the setting.
    gc.set_threshold(10_000, 10, 10)
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help(sys.stderr)
        return 2
    if hint_field_clash(args):
        return 2
    try:
        status = args.run(args)
        sys.stdout.flush()          # a closed stdout raises here, not at the interpreter's exit
        if argv is None:            # (the command itself, not a program calling main)
            exit_if_stopped(status)
        return status
    except KeyboardInterrupt:
        from cleaner.progress import say

        say("cleaner: interrupted")         # (a stderr whose reader is gone: still 130)
        return 130
    except BrokenPipeError:
        return _stdout_closed()


def _stdout_closed() -> int:
    """The reader of stdout went away (`| head`): exit quietly, as Python's docs advise, with
    stdout pointed at /dev/null so the interpreter's last flush does not raise again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):   # no file descriptor behind stdout (a test's capture)
        pass
    return 1


if __name__ == "__main__":
    sys.exit(main())
