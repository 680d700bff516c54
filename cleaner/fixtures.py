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
import re
import shlex
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

INPUT_SUFFIXES = (".txt", ".html", ".htm")


def fixture_inputs(root: str | Path) -> list[Path]:
    """Every raw input under a fixtures folder, in a stable order."""
    root = Path(root)
    return sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in INPUT_SUFFIXES)


# Where fixtures are kept when no folder is named (`--root`, `rules check --fixtures`).
DEFAULT_ROOT = "fixtures"


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


class InputFieldsError(ValueError):
    """A fixture's <case>.input.json is no JSON object: the message names the file."""


def input_fields(raw: Path) -> dict[str, Any]:
    """The input fields stored beside a fixture input (none when there is no <case>.input.json)."""
    path = input_fields_path(raw)
    if not path.exists():
        return {}
    try:
        fields = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as exc:           # (broken JSON, or bytes that are not UTF-8)
        raise InputFieldsError(f"{path}, the case's input fields, is not JSON: {exc}") from None
    if not isinstance(fields, dict):
        raise InputFieldsError(f"{path}, the case's input fields, is not a JSON object")
    if not isinstance(fields.get("url", ""), str):
        fields["url"] = None            # as a run reads a record whose url is not text
    return {k: v for k, v in fields.items() if k not in ("id", "text")}


class KeptRulesError(ValueError):
    """The rule options a case keeps (<case>.rules) make no cleaner: a rule file that does not
    load, or is gone (`missing`: a path they name is not there). `reason` is the same for every
    case keeping these options, to be said once."""

    def __init__(self, raw: Path, options: RuleOptions, reason: str, missing: bool):
        self.raw, self.options, self.reason, self.missing = raw, options, reason, missing
        super().__init__(f"made with {options.typed()} (kept in {rule_options_path(raw)}): "
                         f"{reason}")

    def __reduce__(self):
        # (pickled by what made it, as RuleFileError is: a pool's worker may raise it)
        return (type(self), (self.raw, self.options, self.reason, self.missing))


# The cleaners made for the rule options cases keep, for each cleaner given (clean_fixture):
# made once per set of options, a case's pytest cleaning hundreds of cases with one cleaner.
# Keyed by the given cleaner's id(), not a weak reference to it: a compiled Cleaner (mypyc)
# takes none. Each entry holds its cleaner, so that its id is not another's while the entry
# lasts; the few given last are kept (KEPT_FOR), so a cleaner made anew after a rules edit
# gets cleaners of its own and the ones let go are freed.
KEPT_FOR = 4
_KEPT: OrderedDict[int, tuple[Any, dict[RuleOptions, Any]]] = OrderedDict()


def _made_for(cleaner) -> dict[RuleOptions, Any]:
    """The cleaners made for cases' rule options with `cleaner` given, by options (_KEPT)."""
    key = id(cleaner)
    entry = _KEPT.get(key)
    if entry is None:
        entry = _KEPT[key] = (cleaner, {})
        while len(_KEPT) > KEPT_FOR:
            _KEPT.popitem(last=False)
    _KEPT.move_to_end(key)
    return entry[1]


def case_cleaner(cleaner, raw: Path):
    """The cleaner a fixture is checked with, as `cleaner fixtures check` given no rule options
    checks it: one for the options its <case>.rules keeps (made like `cleaner`, once per set of
    options), else `cleaner`. Raises RuleOptionsError for a <case>.rules that cannot be read,
    KeptRulesError for options that make no cleaner."""
    stored = stored_rule_options(raw)
    if stored is None:
        return cleaner
    from cleaner.fixture_workflow import cleaner_like     # (it imports this module)

    options = stored.seen_from(raw.parent)
    made = _made_for(cleaner)
    if options not in made:
        made[options] = cleaner_like(cleaner, options)
    if isinstance(made[options], str):
        missing = any(not os.path.exists(rule) for rule in options.rules)
        raise KeptRulesError(raw, stored, made[options], missing)
    return made[options]


def clean_fixture(cleaner, raw: Path, *, kept_rules: bool = True) -> dict[str, Any]:
    """The record the cleaner makes now for a fixture input, cleaned as `cleaner fixtures check`
    given no rule options cleans it: with the rule options its <case>.rules keeps, if any
    (case_cleaner); `kept_rules=False`: with `cleaner` alone, whatever the case keeps."""
    if kept_rules:
        cleaner = case_cleaner(cleaner, raw)
    data = raw.read_bytes()
    fields = input_fields(raw)
    if raw.suffix in (".html", ".htm"):
        return cleaner.clean_html(data, id=fixture_id(raw), **fields)
    return cleaner.clean(data.decode("utf-8"), id=fixture_id(raw), **fields)


def expected_problem(raw: Path, expected: str | None) -> str | None:
    """Why a fixture's expected record (its text, None when there is no file) is no record to
    compare with: missing, or not JSON (where); None when it is JSON."""
    if expected is None:
        return (f"no expected record (`cleaner fixtures add` writes one with the input; "
                f"`cleaner fixtures update {raw.stem}` writes the record the cleaner makes now)")
    try:
        json.loads(expected)
    except ValueError as exc:
        return f"expected record is not JSON: {exc}"
    return None


def rule_aliases(cleaner) -> dict[str, str]:
    """Each earlier id (`aliases`) of a loaded rule -> the rule's id now."""
    packs = (*cleaner.packs, *getattr(cleaner, "learned", {}).values())
    return {alias: rule.id for pack in packs for rule in pack.rules for alias in rule.aliases}


def with_rule_ids(expected: str, aliases: dict[str, str]) -> str:
    """An expected record with each removal naming a rule by an earlier id (an alias) naming it
    by its id now, rewritten as dump_record writes it; the record as it is when none does (or
    it is no JSON): a fixture naming an alias still counts."""
    if not aliases:
        return expected
    try:
        record = json.loads(expected)
        removed = record.get("removed")
    except (ValueError, AttributeError):
        return expected
    if not isinstance(removed, list):
        return expected
    renamed = False
    for removal in removed:
        if isinstance(removal, dict) and removal.get("rule") in aliases:
            removal["rule"] = aliases[removal["rule"]]
            renamed = True
    return dump_record(record) if renamed else expected


def fixture_problem(cleaner, raw: Path) -> str | None:
    """What is wrong with a fixture, as `cleaner fixtures check` given no rule options says it:
    None when the cleaner (with the case's kept rule options) makes its expected record (a
    removal naming a rule's alias counts as naming the rule), else the diff (after a line for
    each rule id it names that no loaded rule has: renamed without an alias), or why there is
    no record to compare (missing, not JSON) or none can be made. For a pytest of one's own folder:

        problem = fixture_problem(cleaner, raw)
        assert problem is None, problem
    """
    expected_file = expected_path(raw)
    expected = expected_file.read_text(encoding="utf-8") if expected_file.exists() else None
    try:
        fixture_cleaner = case_cleaner(cleaner, raw)
        actual = dump_record(clean_fixture(fixture_cleaner, raw, kept_rules=False))
    except (RuleOptionsError, KeptRulesError) as exc:
        return f"{raw}: {exc}"
    problem = expected_problem(raw, expected)
    if problem is not None:
        return f"{expected_file.name}: {problem}"
    assert expected is not None
    expected = with_rule_ids(expected, rule_aliases(fixture_cleaner))
    if expected == actual:
        return None
    from cleaner.fixture_workflow import gone_rule_ids     # (it imports this module)

    # (a rule renamed without `aliases`: the diff alone shows one id going, another coming)
    gone = "".join(f"rule id {rule} is no longer loaded: renamed? add aliases = "
                   f"[{json.dumps(rule, ensure_ascii=False)}] to the rule that replaces it\n"
                   for rule in gone_rule_ids(expected, fixture_cleaner))
    return gone + record_diff(expected, actual, expected_file.name)


def dump_record(record: dict[str, Any]) -> str:
    """A record as stable, reviewable JSON: indented, keys in record order, UTF-8 kept."""
    return json.dumps(record, ensure_ascii=False, indent=2) + "\n"


# The record's text as dump_record writes it: one line, a whole article long.
TEXT_LINE = '  "text": '
TEXT_SHOWN_BELOW = TEXT_LINE + "(its diff by lines follows)\n"


def record_diff(expected: str, actual: str, name: str) -> str:
    """A unified diff of two records as dump_record writes them; a text that changed is diffed
    by its lines (paragraphs), each changed one shown with the one around it, not as one JSON
    line of thousands of characters; one that did not is never shown (TEXT_UNCHANGED). A hunk
    that changes a removal without showing its rule names it in its @@ line."""
    before, after = expected.splitlines(True), actual.splitlines(True)
    text_before, text_after = _text(expected), _text(actual)
    if text_before is None or text_after is None:
        return _diff(before, after, name, removals=True)
    shown = TEXT_UNCHANGED if text_before == text_after else TEXT_SHOWN_BELOW
    rest = _diff([shown if line.startswith(TEXT_LINE) else line for line in before],
                 [shown if line.startswith(TEXT_LINE) else line for line in after],
                 name, removals=True)
    if text_before == text_after:
        return rest
    lines_before, lines_after = text_before.split("\n"), text_after.split("\n")
    return rest + _diff(_spacing_shown(lines_before, lines_after),
                        _spacing_shown(lines_after, lines_before), f"{name} text", context=2)


# Spaces and tabs at a line's end, which a diff of lines that differ only there would not show.
_TRAILING_SPACE = re.compile(r"[ \t]+$")


def _spacing_shown(lines: list[str], others: list[str]) -> list[str]:
    """A text's lines for its diff against `others`, each with its line feed, and the spaces and
    tabs at the end of one shown (· and →) where it differs from a line of `others` only in its
    spacing: a space a hand edit left, which the diff would show as a line changed for nothing.

    >>> _spacing_shown(["Satu.", "di pagi hari \\t"], ["Satu.", "di pagi hari"])
    ['Satu.\\n', 'di pagi hari·→\\n']
    """
    other = set(others)
    spaced = {tuple(line.split()) for line in other - set(lines)}
    return [(_TRAILING_SPACE.sub(lambda m: m.group().replace(" ", "·").replace("\t", "→"), line)
             if line not in other and tuple(line.split()) in spaced else line) + "\n"
            for line in lines]


# What stands for a text that did not change, beside a change of the rest of its record.
TEXT_UNCHANGED = TEXT_LINE + "(unchanged)\n"


def _diff(before: list[str], after: list[str], name: str, context: int = 3,
          removals: bool = False) -> str:
    """A unified diff; `removals`: of records, each hunk's @@ line naming the rule of each
    removal it changes without showing its "rule" line."""
    lines = list(difflib.unified_diff(before, after, f"{name} (expected)", f"{name} (now)",
                                      n=context))
    if removals:
        _name_removals(lines, _removal_rules(before), _removal_rules(after))
    return "".join(lines)


_HUNK = re.compile(r"^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@")
# A line of a record that only opens or closes a removal or a list ("    {", "    },", "      ]"):
# difflib may show a neighbour's in a hunk that adds or deletes a removal, which is no change of it.
_BRACKETS = re.compile(r"^[-+ ]\s*[\[\]{}],?\s*$")
_RULE_LINE = re.compile(r'^      "rule": ("(?:[^"\\]|\\.)*"),?$')


def _name_removals(lines: list[str], rules_before: list[Owner],
                   rules_after: list[Owner]) -> None:
    """Add to each hunk's @@ line the rules of the removals it changes whose own "rule" line it
    does not show (a changed capture's field, a moved column), in place: another removal's
    line naming the same rule in the hunk does not name this one's."""
    header: int | None = None
    changed: list[tuple[str, int, str]] = []    # (side, removal's first line, rule) of changes
    shown: set[tuple[str, int]] = set()         # the removals whose rule line the hunk shows
    old = new = 0
    for i, line in enumerate([*lines, "@@ end"]):
        if line.startswith("@@"):
            if header is not None:
                missing = list(dict.fromkeys(rule for side, first, rule in changed
                                             if (side, first) not in shown))
                if missing:
                    lines[header] = (lines[header].rstrip("\n") + " in the removal"
                                     + ("s" if len(missing) > 1 else "") + " by "
                                     + ", ".join(missing) + "\n")
            match = _HUNK.match(line)
            if match is None:
                break
            header, changed, shown = i, [], set()
            old, new = int(match.group(1)) - 1, int(match.group(2)) - 1
            old, new = max(old, 0), max(new, 0)
            continue
        if header is None:
            continue            # the files' names
        owners: list[tuple[str, Owner]] = []
        if line.startswith("-"):
            owners, old = [("-", _at(rules_before, old))], old + 1
        elif line.startswith("+"):
            owners, new = [("+", _at(rules_after, new))], new + 1
        else:                   # (a line of both)
            owners = [("-", _at(rules_before, old)), ("+", _at(rules_after, new))]
            old, new = old + 1, new + 1
        rule_line = _RULE_LINE.match(line[1:].rstrip("\n")) is not None
        for side, owner in owners:
            if owner is None:
                continue
            if rule_line:
                shown.add((side, owner[1]))
            if line[:1] in "-+" and not _BRACKETS.match(line):
                changed.append((side, owner[1], owner[0]))


# The removal a line of a record belongs to: its rule and the index of its first line.
Owner = tuple[str, int] | None


def _at(rules: list[Owner], index: int) -> Owner:
    return rules[index] if 0 <= index < len(rules) else None


def _removal_rules(lines: list[str]) -> list[Owner]:
    """For each line of a record as dump_record writes it, the removal (an entry of "removed")
    it is a line of: its rule and its first line's index; None for the others."""
    owners: list[Owner] = [None] * len(lines)
    inside, start, rule = False, -1, None
    for i, line in enumerate(lines):
        if line == '  "removed": [\n':
            inside = True
        elif inside and line.startswith("  ]"):
            inside = False
        elif inside and line == "    {\n":
            start, rule = i, None
        elif inside and start >= 0 and line.startswith("    }"):
            for j in range(start, i + 1):
                owners[j] = (rule, start) if rule is not None else None
            start = -1
        elif inside and start >= 0 and (match := _RULE_LINE.match(line.rstrip("\n"))):
            try:
                rule = json.loads(match.group(1))
            except ValueError:
                rule = None
    return owners


def _text(record: str) -> str | None:
    """A record's text, when the record is JSON with a text on one line of its own."""
    try:
        text = json.loads(record).get("text")
    except (ValueError, AttributeError):
        return None
    lines = [line for line in record.splitlines() if line.startswith(TEXT_LINE)]
    return text if isinstance(text, str) and len(lines) == 1 else None
