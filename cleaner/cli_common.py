"""Options and helpers shared by the subcommands: rule loading and read options."""

from __future__ import annotations

import argparse
import codecs

from cleaner.input_guard import missing_input
from cleaner.inputs import (COMPRESSED_SUFFIXES, MAX_HTML_BYTES, MAX_RECORD_BYTES,
                            PARQUET_SUFFIXES, TEXT_KINDS, WARC_SUFFIXES, ReadOptions, hint_pair)
from cleaner.pipeline import Cleaner, cleaner_language, given_site_host
from cleaner.pack_replacements import pack_warnings
from cleaner.progress import say
from cleaner.rulefile import RuleFileError
from cleaner.timeout import DEFAULT_PAGE_TIMEOUT

# The default --glob in words, from the tables the globs are made of.
_DEFAULT_KINDS = (", ".join(f"*{kind}" for kind in TEXT_KINDS)
                  + f", each also {', '.join(COMPRESSED_SUFFIXES)}, "
                  + ", ".join(f"*{suffix}" for suffix in (*PARQUET_SUFFIXES, *WARC_SUFFIXES)))


def at_least(low: float, kind: type = int):
    """An argparse type: a number of `kind` no smaller than `low`; anything else is a usage
    error naming the option (exit 2), not a run that quietly does something else."""
    def parse(text: str):
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
        if value != value or value in (float("inf"), float("-inf")):   # nan, inf: no deadline
            raise argparse.ArgumentTypeError(f"must be a finite number, not {text}")
        if value < low:
            raise argparse.ArgumentTypeError(f"must be at least {low:g}, not {text}")
        return value
    return parse


def field_name(text: str) -> str:
    """An argparse type: a field's name, not empty (`--text-field ''` read no record's text and
    rejected every one, exit 0)."""
    if not text.strip():
        raise argparse.ArgumentTypeError("a field's name, not empty")
    return text


def share(text: str) -> float:
    """An argparse type: a share of documents, above 0 and at most 1."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0 < value <= 1:
        raise argparse.ArgumentTypeError(f"must be above 0 and at most 1, not {text}")
    return value


def encoding(text: str) -> str:
    """An argparse type: "auto" or a codec Python knows; an unknown one is a usage error, not a
    run that rejects every text file."""
    if text != "auto":
        try:
            info = codecs.lookup(text)
            # zlib, hex, base64 and rot13 are codecs of bytes to bytes, not of text;
            # "undefined" refuses every byte.
            if not getattr(info, "_is_text_encoding", True) or info.name == "undefined":
                raise LookupError(text)
        except LookupError:
            raise argparse.ArgumentTypeError(f"unknown encoding {text!r} (auto, utf-8, "
                                             "cp1252, latin-1, ...)") from None
    return text


def hint_field(text: str) -> tuple[str, str]:
    """An argparse type: HINT=NAME, HINT one of the hints a record's fields give."""
    try:
        return hint_pair(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def add_rule_options(parser: argparse.ArgumentParser,
                     lang_help: str = "language pack to use for every document (default: "
                                      "detected)") -> None:
    group = parser.add_argument_group("rules")
    group.add_argument("--rules", action="append", default=[], metavar="PATH",
                       help="extra rule file or folder (repeatable); a pack with the id of a "
                            "shipped one replaces it")
    group.add_argument("--no-builtin-rules", action="store_true",
                       help="use only the rule files given with --rules")
    group.add_argument("--lang", metavar="CODE", type=lang_code, help=lang_help)


def lang_code(text: str) -> str:
    """--lang's value: a code, not empty (an empty one counted as given and named no
    language: `fixtures update --lang ''` rewrote records without their kept options)."""
    if not text.strip():
        raise argparse.ArgumentTypeError("--lang needs a language code, like id or en")
    return text.strip()


def add_read_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("input")
    group.add_argument("--text-field", type=field_name, default="text", metavar="NAME",
                       help="JSONL field or Parquet column holding the text (default: "
                            "text); a text that opens as a web page (<html, <!doctype html) is "
                            "read as a page")
    group.add_argument("--field", type=hint_field, action="append", default=[],
                       metavar="HINT=NAME", dest="hint_fields",
                       help="read a hint (id, url, title, date, lang or site) from the record "
                            "field NAME, e.g. --field date=date_publish (repeatable; NAME is kept "
                            "in the record too; a clean run that found no record with a field "
                            "NAME ends with a warning)")
    group.add_argument("--encoding", type=encoding, default="utf-8", metavar="NAME",
                       help="encoding of .txt input and JSON lines that are not UTF-8 (text "
                            "that is UTF-8 is read as UTF-8): utf-8 (strict, default), auto "
                            "(detect), or a codec name")
    group.add_argument("--glob", action="append", metavar="PATTERN",
                       help=f"file names to read in folders (repeatable; default: every kind a "
                            f"file named is read as but .json: {_DEFAULT_KINDS})")
    group.add_argument("--max-record-bytes", type=at_least(1), default=MAX_RECORD_BYTES,
                       metavar="N",
                       help=f"refuse records larger than this (default: {MAX_RECORD_BYTES}, "
                            f"{MAX_RECORD_BYTES >> 20} MB); cleaning one takes up to 20 times "
                            "its size in memory")
    group.add_argument("--hidden", action="store_true",
                       help="read hidden files and folders (a name starting with a dot) in "
                            "input folders too; without it they are passed over, each hidden "
                            "folder named (not walked)")
    group.add_argument("--html-field", type=field_name, default="html", metavar="NAME",
                       help="JSONL field or Parquet column holding a web page, used when a "
                            "record has no text, or an empty or blank one (default: html)")
    group.add_argument("--max-html-bytes", type=at_least(1), default=MAX_HTML_BYTES, metavar="N",
                       help=f"refuse HTML pages larger than this (default: {MAX_HTML_BYTES})")
    group.add_argument("--page-timeout", type=at_least(0, float), default=DEFAULT_PAGE_TIMEOUT,
                       metavar="SEC",
                       help="seconds one HTML page may take to extract before it is rejected; "
                            f"0 for no limit (default: {DEFAULT_PAGE_TIMEOUT:g})")


def read_options(args: argparse.Namespace) -> ReadOptions:
    options = ReadOptions(text_field=args.text_field, encoding=args.encoding,
                          max_record_bytes=args.max_record_bytes,
                          html_field=getattr(args, "html_field", "html"),
                          max_html_bytes=getattr(args, "max_html_bytes", MAX_HTML_BYTES),
                          hint_fields=tuple(getattr(args, "hint_fields", ())),
                          hidden=getattr(args, "hidden", False))
    if args.glob:
        options.glob = tuple(args.glob)
    return options


def add_site_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--site", metavar="HOST",
                        help="the site every document comes from (kompas.com), whose site pack "
                             "cleans it: a hint, written into no record; a record's url naming "
                             "a host, then its own `site` field naming a site pack, win (a dump "
                             "kept in folders by site: one run a folder)")


def site_read_options(args: argparse.Namespace, cleaner) -> ReadOptions | None:
    """The read options, and the cleaner given --site (Cleaner.given_site: a hint, as a
    record's url is, never a field of its record); None, after saying why, where --site names
    no loaded site pack (it would change nothing, unsaid)."""
    options = read_options(args)
    if args.site is not None:
        try:
            cleaner.given_site = given_site_host(cleaner, args.site)
        except ValueError as exc:
            say(f"cleaner: error: --site {exc}")
            return None
    return options


def hint_field_clash(args: argparse.Namespace) -> bool:
    """Whether a --field HINT=NAME names the text field or the page's field, after saying so (a
    usage error): a record's text and page are taken out of it before its hints are copied, so
    such a hint is never given (--field title=text)."""
    taken = {getattr(args, "text_field", None): "--text-field",
             getattr(args, "html_field", None): "--html-field"}
    for hint, name in getattr(args, "hint_fields", ()):
        if name is not None and name in taken:
            say(f"cleaner: error: --field {hint}={name}: {name!r} is the document itself "
                f"({taken[name]} {name}), not a field a hint can be read from")
            return True
    return False


def no_such_lang(lang: str | None, langs) -> bool:
    """Whether --lang names a language pack not loaded, after saying so: an unknown pack would
    be passed over in silence (every document's language detected instead)."""
    if not lang or lang in langs:
        return False
    say(f"cleaner: error: no language pack {lang!r} (the packs loaded: "
        f"{', '.join(sorted(langs)) or 'none'})")
    return True


def no_such_input(inputs: list[str]) -> bool:
    """Whether an input does not exist, after saying so, as `cleaner clean` refuses it (exit 2):
    a typo, a shell pattern that matched nothing."""
    missing = missing_input(inputs)
    if missing is not None:
        say(f"cleaner: error: {missing}")
    return missing is not None


def stats_refused(stats: str | None, output: str) -> bool:
    """Whether `--stats -` cannot write to standard output, after saying why (a usage error):
    `-o -` sends the records there."""
    if stats == "-" and output == "-":
        say("cleaner: error: --stats - and -o - both name standard output; give --stats a file")
        return True
    return False


def load_cleaner(args: argparse.Namespace) -> Cleaner | None:
    """The Cleaner for these options, or None after printing why a rule file is unusable."""
    try:
        cleaner = Cleaner(rules=args.rules, builtin=not args.no_builtin_rules)
    except RuleFileError as exc:
        say(f"cleaner: error: rule file {exc}")
        return None
    try:
        # Read as Cleaner(lang=...) reads it, as a record's lang field is: --lang EN is en.
        cleaner.lang = cleaner_language(args.lang, cleaner.index.langs)
    except ValueError:
        no_such_lang(args.lang, cleaner.index.langs)        # (says why)
        return None
    if args.rules and not getattr(args, "quiet", False):
        # By design, and easy to do by mistake (a lang/en.toml of one's own drops English
        # detection): said once, before any work.
        for path, warning in pack_warnings(cleaner.packs, not args.no_builtin_rules):
            say(f"cleaner: warning: rule file {path}: {warning}")
    cleaner.page_timeout = getattr(args, "page_timeout", DEFAULT_PAGE_TIMEOUT)
    cleaner.max_html_bytes = getattr(args, "max_html_bytes", MAX_HTML_BYTES)
    return cleaner
