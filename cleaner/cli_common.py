"""Options and helpers shared by the subcommands: rule loading, read options, record building."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from cleaner.pipeline import Cleaner
from cleaner.readers import MAX_RECORD_BYTES, Item, ReadOptions
from cleaner.rulefile import RuleFileError


def add_rule_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("rules")
    group.add_argument("--rules", action="append", default=[], metavar="PATH",
                       help="extra rule file or folder (repeatable); a pack with the id of a "
                            "shipped one replaces it")
    group.add_argument("--no-builtin-rules", action="store_true",
                       help="use only the rule files given with --rules")
    group.add_argument("--lang", metavar="CODE",
                       help="language pack to use for every document (default: detected)")


def add_read_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("input")
    group.add_argument("--text-field", default="text", metavar="NAME",
                       help="JSONL field holding the text (default: text)")
    group.add_argument("--encoding", default="utf-8", metavar="NAME",
                       help="encoding of .txt input: utf-8 (strict, default), auto (detect), "
                            "or a codec name")
    group.add_argument("--glob", action="append", metavar="PATTERN",
                       help="file names to read in folders (repeatable; default: *.txt *.jsonl "
                            "*.jsonl.gz *.jsonl.zst)")
    group.add_argument("--max-record-bytes", type=int, default=MAX_RECORD_BYTES, metavar="N",
                       help=f"refuse records larger than this (default: {MAX_RECORD_BYTES})")


def read_options(args: argparse.Namespace) -> ReadOptions:
    options = ReadOptions(text_field=args.text_field, encoding=args.encoding,
                          max_record_bytes=args.max_record_bytes)
    if args.glob:
        options.glob = tuple(args.glob)
    return options


def load_cleaner(args: argparse.Namespace) -> Cleaner | None:
    """The Cleaner for these options, or None after printing why a rule file is unusable."""
    try:
        return Cleaner(rules=args.rules, builtin=not args.no_builtin_rules, lang=args.lang)
    except RuleFileError as exc:
        print(f"cleaner: error: rule file {exc}", file=sys.stderr)
        return None


def document_args(item: Item) -> dict[str, Any]:
    """Keyword arguments for Cleaner.make_document from an input item; a missing id is made."""
    fields = dict(item.fields)
    if fields.get("id") is None:
        fields["id"] = f"{Path(item.source).name}:{item.line}" if item.line else Path(item.source).stem
    fields["url"] = fields.get("url") if isinstance(fields.get("url"), str) else None
    return fields
