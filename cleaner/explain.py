"""Show a person what the cleaner did to a document: every removal marked with its rule, and the metadata."""

from __future__ import annotations

import textwrap
from collections import defaultdict
from pathlib import Path
from typing import Any, Iterable, Mapping

from cleaner.inputs import shown_id
from cleaner.rulefile import builtin_rules_dir
from cleaner.wording import counted

RED, GREEN, DIM, BOLD, RESET = "\033[31m", "\033[32m", "\033[2m", "\033[1m", "\033[0m"
# The columns the legend's lines are wrapped to where no terminal says its width, and the
# fewest they are wrapped to whatever a terminal says (it may say 0).
WIDTH = 100
MIN_WIDTH = 40
# How much of a removal made before a page's text had lines is shown (its spaces made one).
SHOWN_CHARS = 160


def _paint(text: str, *codes: str, color: bool) -> str:
    return f"{''.join(codes)}{text}{RESET}" if color else text


def rule_sources(packs: Iterable[Any]) -> dict[str, tuple[str, str]]:
    """Each loaded rule's id (and alias) -> its pack's file and its description."""
    shipped = Path(str(builtin_rules_dir()))
    return {name: (_pack_file(pack.path, shipped), rule.description) for pack in packs
            for rule in pack.rules for name in (rule.id, *rule.aliases)}


def _pack_file(path: str, shipped: Path) -> str:
    """A pack's file as a reader looks for it: a shipped one as `rules/...` (where the package
    was installed is no help, and differs between installs), a user's as given.

    >>> _pack_file("/opt/x/cleaner/rules/lang/es.toml", Path("/opt/x/cleaner/rules"))
    'rules/lang/es.toml'
    >>> _pack_file("my/site.toml", Path("/opt/x/cleaner/rules"))
    'my/site.toml'
    """
    try:
        return (Path("rules") / Path(path).relative_to(shipped)).as_posix()
    except ValueError:
        return path


def explain(normalized: str, record: dict[str, Any], color: bool = False,
            rules: Mapping[str, tuple[str, str]] | None = None, width: int = WIDTH) -> str:
    """The normalized input line by line, removals as [-text-]<rule>, then meta and flags; with
    `rules` (rule_sources), a legend of the rules that removed something: file, description,
    wrapped to `width` columns."""
    by_line: dict[int, list[dict]] = defaultdict(list)
    for removal in record["removed"]:
        by_line[removal["line"]].append(removal)
    out = [_paint(f"== {shown_id(str(record['id']))}", BOLD, color=color)]
    meta = {k: v for k, v in record["meta"].items() if v not in (None, [], "")}
    for key, value in meta.items():
        shown = ", ".join(value) if isinstance(value, list) else value
        out.append(f"   {key:9s} {_paint(str(shown), GREEN, color=color)}")
    for flag in record.get("flags", []):
        out.append(_paint(f"   FLAG {flag.get('flag')}: {flag.get('rule', '')} {flag.get('reason', '')}",
                          RED, BOLD, color=color))
    if record.get("fixes"):
        out.append(f"   fixes     {', '.join(record['fixes'])}")
    out.append("")
    before = by_line.pop(0, [])
    if before:
        # Removals before the text had lines: a web page's markup stripped and what the
        # extractor left out (html/not-extracted), a text field's comments and scripts
        # (markup/hidden). Long ones are cut here, counted in the total below.
        out.append(f"   before the text had lines ({len(before)} removed):")
        for removal in before:
            text = " ".join(removal["text"].split())
            if len(text) > SHOWN_CHARS:
                text = f"{text[:SHOWN_CHARS]}... (+{counted(len(text) - SHOWN_CHARS, 'character')})"
            out.append("      " + _paint(f"[-{text}-]", RED, color=color)
                       + _paint(f"<{removal['rule']}>", DIM, color=color))
        out.append("")
    for number, line in enumerate(normalized.split("\n"), start=1):
        if not line:
            continue
        pieces, pos = [], 0
        for removal in sorted(by_line.get(number, []), key=lambda r: r["col"]):
            col = removal["col"]
            pieces.append(line[pos:col])
            label = removal["rule"] + (f" -> {','.join(removal['fields'])}" if removal.get("fields") else "")
            pieces.append(_paint(f"[-{removal['text']}-]", RED, color=color)
                          + _paint(f"<{label}>", DIM, color=color))
            pos = col + len(removal["text"])
        pieces.append(line[pos:])
        out.append(f"{number:4d}  " + "".join(pieces))
    removed_chars = sum(len(r["text"]) for r in record["removed"])
    out.append("")
    out.extend(_legend(record, rules or {}, width))
    out.append(f"   {counted(len(record['removed']), 'removal')}, "
               f"{counted(removed_chars, 'character')}; "
               f"{counted(len(record['text']), 'character')} of text kept")
    return "\n".join(out)


def _legend(record: dict[str, Any], rules: Mapping[str, tuple[str, str]],
            width: int = WIDTH) -> list[str]:
    """The rules that removed something, in the order they first did: each with its pack's file
    and its description (a rule no loaded pack has, a page's extraction, is left out). A
    description's spaces and line breaks are made one space, and a long one is wrapped to
    `width` (at least MIN_WIDTH: a terminal may say 0) with its lines under the file's column
    (at most half the width in)."""
    width = max(width, MIN_WIDTH)
    named = [name for name in dict.fromkeys(r["rule"] for r in record["removed"]) if name in rules]
    if not named:
        return []
    names = max(map(len, named))
    indent = " " * min(6 + names + 2, width // 2)
    lines = ["   rules:"]
    for name in named:
        path, description = rules[name]
        text = f"{name:{names}s}  {path}" + (f": {' '.join(description.split())}"
                                             if description.strip() else "")
        # (a long id or path is not broken: it is copied from here)
        lines.extend(textwrap.wrap(text, width, initial_indent="      ",
                                   subsequent_indent=indent, break_long_words=False,
                                   break_on_hyphens=False))
    return lines
