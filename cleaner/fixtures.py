"""Regression fixtures: a raw input beside its expected record (<case>.json), compared and rewritten on request.

An optional <case>.input.json holds the input fields the raw text came with (url, date, title...):
the url finds the site pack as it would in a dump, the date picks the dated rules. An optional
<case>.rules (JSON) holds the rule options the expected record was made with (rule files, each
relative to the case's folder or whole, as given; --no-builtin-rules, alone or not; --lang), so
that a check or an explain without them cleans it alike.
"""

from __future__ import annotations

import difflib
import json
import os
import shlex
from dataclasses import dataclass
from pathlib import Path
from typing import Any

INPUT_SUFFIXES = (".txt", ".html", ".htm")


def fixture_inputs(root: str | Path) -> list[Path]:
    """Every raw input under a fixtures folder, in a stable order."""
    root = Path(root)
    return sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in INPUT_SUFFIXES)


def case_names(path: Path, root: str | Path) -> set[str]:
    """What a CASE given to `fixtures check` or `update` names a fixture by (its input or its
    expected record): its case name, its path under the fixtures folder with or without the
    suffix, and each folder it sits in, by its path there or its name (its site's folder).

    >>> sorted(case_names(Path("fx/id/kompas.com/a.txt"), "fx"))  # doctest: +NORMALIZE_WHITESPACE
    ['.', 'a', 'id', 'id/kompas.com', 'id/kompas.com/a', 'id/kompas.com/a.json', 'id/kompas.com/a.txt',
     'kompas.com']
    """
    relative = path.relative_to(root)
    within = relative.with_suffix("")
    # (".": the fixtures folder itself, typed as a path to it, holds every case)
    names = {path.stem, within.as_posix(), relative.as_posix(),
             expected_path(relative).as_posix(), "."}
    for folder in within.parents:
        if folder.parts:
            names.update((folder.as_posix(), folder.name))
    return names


def case_name_typed(case: str, root: str | Path) -> str:
    """A CASE as typed, as case_names writes it: a path to a fixture or a folder of them
    (tab-completed: fixtures/kompas.com/a.txt) as its path under the fixtures folder."""
    path = Path(case)
    if path.exists():
        try:
            return path.resolve().relative_to(Path(root).resolve()).as_posix()
        except ValueError:          # a path outside the fixtures folder: matched as typed
            pass
    return case.rstrip("/")


def expected_path(raw: Path) -> Path:
    return raw.with_suffix(".json")


def fixture_id(raw: Path) -> str:
    return raw.stem


def input_fields_path(raw: Path) -> Path:
    return raw.with_name(f"{raw.stem}.input.json")


def rule_options_path(raw: Path) -> Path:
    """Where the rule options of a fixture input are kept: <case>.rules beside it."""
    # (not .json, which names expected records, nor .toml, which a rules folder would load)
    return raw.with_name(f"{raw.stem}.rules")


class RuleOptionsError(ValueError):
    """A <case>.rules that cannot be read: says which and why."""


@dataclass(frozen=True)
class RuleOptions:
    """The rule options a fixture's expected record was made with, as `cleaner fixtures add`
    was given them: rule files and folders, --no-builtin-rules, --lang."""

    rules: tuple[str, ...] = ()
    no_builtin_rules: bool = False
    lang: str | None = None

    @property
    def recorded(self) -> bool:
        """Whether they are kept beside the fixture: any was given. A case made with
        --no-builtin-rules alone keeps it: cleaned with the shipped packs, its record would
        change with them."""
        return bool(self.rules or self.lang or self.no_builtin_rules)

    def resolved(self) -> RuleOptions:
        """The same options with every rule path made whole, to compare them (`new/` is `new`)."""
        return RuleOptions(tuple(os.path.abspath(rule) for rule in self.rules),
                           self.no_builtin_rules, self.lang)

    def seen_from(self, folder: str | Path) -> RuleOptions:
        """The same options with each relative rule path, kept relative to `folder`, as seen
        from here (a whole path stays as it is).

        >>> RuleOptions(("../../pack", "/abs/x.toml")).seen_from("fx/site").rules
        ('pack', '/abs/x.toml')
        """
        return RuleOptions(tuple(os.path.normpath(os.path.join(folder, rule))
                                 for rule in self.rules), self.no_builtin_rules, self.lang)

    def typed(self) -> str:
        """The options as typed after a command.

        >>> RuleOptions(("new/", "my site.toml"), True, "ms").typed()
        "--rules new/ --rules 'my site.toml' --no-builtin-rules --lang ms"
        """
        words = [word for path in self.rules for word in ("--rules", path)]
        if self.no_builtin_rules:
            words.append("--no-builtin-rules")
        if self.lang:
            words += ["--lang", self.lang]
        return " ".join(shlex.quote(word) for word in words)


def write_rule_options(raw: Path, options: RuleOptions) -> None:
    """Keep the rule options beside a fixture input (rule_options_text); none kept: no file."""
    path = rule_options_path(raw)
    text = rule_options_text(raw, options)
    if text is None:
        path.unlink(missing_ok=True)
    else:
        path.write_text(text, encoding="utf-8")


def rule_options_text(raw: Path, options: RuleOptions) -> str | None:
    """The <case>.rules that keeps these options beside a fixture input, None when none are
    kept. A rule path given relative is kept relative to the case's folder, so that the
    fixtures and their rules move together; one given whole stays whole, so that the project
    can move away from rules that stay put (a shared folder)."""
    if not options.recorded:
        return None
    folder = os.path.abspath(raw.parent)
    kept: dict[str, Any] = {"rules": [_kept_path(rule, folder) for rule in options.rules]}
    if options.no_builtin_rules:
        kept["no_builtin_rules"] = True
    if options.lang:
        kept["lang"] = options.lang
    # (ASCII: a path the file system gave with undecodable bytes has lone surrogates)
    return json.dumps(kept, indent=2) + "\n"


def _kept_path(rule: str, folder: str) -> str:
    """A rule path as <case>.rules keeps it: a whole one whole, a relative one relative to the
    case's `folder` (whole where no relative path reaches it)."""
    if os.path.isabs(rule):
        return Path(os.path.normpath(rule)).as_posix()
    try:
        return Path(os.path.relpath(os.path.abspath(rule), folder)).as_posix()
    except ValueError:              # another drive (Windows): only the whole path reaches it
        return Path(os.path.abspath(rule)).as_posix()


def read_rule_options(raw: Path) -> RuleOptions | None:
    """The rule options kept beside a fixture input, its rule paths as seen from here; None
    when none are kept. Raises RuleOptionsError as stored_rule_options."""
    stored = stored_rule_options(raw)
    return None if stored is None else stored.seen_from(raw.parent)


def stored_rule_options(raw: Path) -> RuleOptions | None:
    """The rule options kept beside a fixture input as its <case>.rules holds them (relative
    rule paths from its folder); None when none are kept. Raises RuleOptionsError naming the
    file when it is not what write_rule_options writes."""
    path = rule_options_path(raw)
    if not path.exists():
        return None
    try:
        kept = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, OSError) as exc:       # not UTF-8 or not JSON; a folder of that name
        raise RuleOptionsError(f"{path}: cannot read the rule options: {exc}") from None
    if not isinstance(kept, dict):
        raise RuleOptionsError(f"{path}: the rule options are not a JSON object")
    unknown = sorted(set(kept) - {"rules", "no_builtin_rules", "lang"})
    rules, no_builtin, lang = kept.get("rules", []), kept.get("no_builtin_rules", False), \
        kept.get("lang")
    if unknown:
        problem = f"unknown keys {', '.join(map(repr, unknown))}"
    elif not isinstance(rules, list) or not all(isinstance(r, str) and r for r in rules):
        problem = "'rules' is not a list of paths"
    elif not isinstance(no_builtin, bool):
        problem = "'no_builtin_rules' is not true or false"
    elif lang is not None and (not isinstance(lang, str) or not lang.strip()):
        problem = "'lang' is not a language code"
    elif not rules and not lang and not no_builtin:
        problem = "no rule files, no language and the built-in rules kept: delete it"
    else:
        # (a code read as --lang reads one: ' id ' is id)
        return RuleOptions(tuple(rules), no_builtin, lang.strip() if lang else None)
    raise RuleOptionsError(f"{path}: {problem}")


def input_fields(raw: Path) -> dict[str, Any]:
    """The input fields stored beside a fixture input (none when there is no <case>.input.json)."""
    path = input_fields_path(raw)
    if not path.exists():
        return {}
    fields = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(fields.get("url", ""), str):
        fields["url"] = None            # as a run reads a record whose url is not text
    return {k: v for k, v in fields.items() if k not in ("id", "text")}


def clean_fixture(cleaner, raw: Path) -> dict[str, Any]:
    """The record the cleaner makes now for a fixture input."""
    data = raw.read_bytes()
    fields = input_fields(raw)
    if raw.suffix in (".html", ".htm"):
        return cleaner.clean_html(data, id=fixture_id(raw), **fields)
    return cleaner.clean(data.decode("utf-8"), id=fixture_id(raw), **fields)


def dump_record(record: dict[str, Any]) -> str:
    """A record as stable, reviewable JSON: indented, keys in record order, UTF-8 kept."""
    return json.dumps(record, ensure_ascii=False, indent=2) + "\n"


# The record's text as dump_record writes it: one line, a whole article long.
TEXT_LINE = '  "text": '
TEXT_SHOWN_BELOW = TEXT_LINE + "(its diff by lines follows)\n"


def record_diff(expected: str, actual: str, name: str) -> str:
    """A unified diff of two records as dump_record writes them; a text that changed is diffed
    by its lines (paragraphs), each changed one shown with the one around it, not as one JSON
    line of thousands of characters."""
    before, after = expected.splitlines(True), actual.splitlines(True)
    text_before, text_after = _text(expected), _text(actual)
    if text_before is None or text_after is None or text_before == text_after:
        return _diff(before, after, name)
    rest = _diff([TEXT_SHOWN_BELOW if line.startswith(TEXT_LINE) else line for line in before],
                 [TEXT_SHOWN_BELOW if line.startswith(TEXT_LINE) else line for line in after],
                 name)
    return rest + _diff([line + "\n" for line in text_before.split("\n")],
                        [line + "\n" for line in text_after.split("\n")], f"{name} text",
                        context=2)


def _diff(before: list[str], after: list[str], name: str, context: int = 3) -> str:
    return "".join(difflib.unified_diff(before, after, f"{name} (expected)", f"{name} (now)",
                                        n=context))


def _text(record: str) -> str | None:
    """A record's text, when the record is JSON with a text on one line of its own."""
    try:
        text = json.loads(record).get("text")
    except (ValueError, AttributeError):
        return None
    lines = [line for line in record.splitlines() if line.startswith(TEXT_LINE)]
    return text if isinstance(text, str) and len(lines) == 1 else None
