"""Run a rule's own examples: 'remove' lines it must fire on, 'keep' lines it must leave, exact 'cases'."""

from __future__ import annotations

from typing import Callable, NamedTuple, Union

import re2

from cleaner.apply_rules import RuleStage
from cleaner.document import Document, Line
from cleaner.identity_cache import IdentityCache
from cleaner.matcher import matcher_for
from cleaner.metadata import MetaSink
from cleaner.normalize import MARKUP_FIXES, normalize
from cleaner.rulefile import Pack, Rule, re2_options

# What each text fix does (cleaner.normalize.FIXES), to say why an example changed.
FIX_WORDS = {
    "fix_surrogates": "a broken surrogate pair is repaired",
    "fix_mojibake": "mojibake is repaired",
    "unify_newlines": "line and paragraph separators become newlines",
    "plain_spaces": "tabs, no-break and other odd spaces become plain spaces",
    "drop_controls": "control characters, zero-width spaces and soft hyphens go",
    "drop_bidi_marks": "left-to-right and right-to-left marks go",
    "nfc": "accents written as two characters become one (Unicode NFC)",
    "tidy_lines": "runs of spaces become one and lines are stripped",
}


def as_read(text: str) -> tuple[str, list[str]]:
    """An example as a document's text reaches the rules, after the text fixes (normalize), and
    the names of the fixes that changed it.

    Markup is left as written: a web page's extracted article keeps the "<b>" and "&amp;" the
    page shows, so an example holding them can be what a rule sees.

    >>> as_read("Sponsor\\u00a0 XYZ ")
    ('Sponsor XYZ', ['plain_spaces', 'tidy_lines'])
    """
    return normalize(text, skip=MARKUP_FIXES)


class Reading(NamedTuple):
    """How `cleaner clean` reads a text, for a rule's examples: the packs its Cleaner gives a
    document of that text (`packs_for`: the Cleaner's PackIndex.packs_for, with the url of the
    rule's site) and the Cleaner's meta sink, built from every loaded pack. The meta a case
    fills (a place's 'de', a source's spelling) is then the meta clean fills."""

    packs_for: Callable[[str], tuple[Pack, ...]]
    sink: MetaSink


# The packs an example runs with: given as a tuple (the document's packs, the sink's too), or as
# a Cleaner reads the example (Reading).
Context = Union[tuple[Pack, ...], Reading]

# A meta sink by the packs tuple it is built from: one per context, not one per example.
_SINKS: IdentityCache[tuple[Pack, ...], MetaSink] = IdentityCache()


def run_rule(rule: Rule, text: str, packs: Context = ()) -> Document:
    """One rule alone on a text as given (one line, or lines split at newlines), with no guard.

    The rule's matcher is the process's (matcher_for: its RE2 set compiled once, not once per
    example), and a sink is built once per packs tuple."""
    if isinstance(packs, Reading):
        sink, packs = packs.sink, packs.packs_for(text)
    else:
        sink = _SINKS.get(packs, MetaSink)
    doc = Document(id="example", text=text, packs=packs)
    doc.lines = [Line(t, n) for n, t in enumerate(text.split("\n"), start=1) if t]
    stage = RuleStage(matcher_for((rule,)), sink, guard_share=float("inf"))
    return stage(doc)


def _fires(rule: Rule, text: str, packs: Context) -> bool:
    return bool(run_rule(rule, text, packs).removed)


def _as_documents(read: str, fixes: list[str]) -> str:
    """What the text fixes made of an example, for a failure that is theirs."""
    what = "; ".join(FIX_WORDS.get(name, name) for name in fixes)
    return f"the example as documents reach the rules (after the text fixes: {what}) is {read!r}"


def example_failures(rule: Rule, packs: Context = ()) -> list[str]:
    """What is wrong with a rule's examples; empty when they all hold.

    Examples are run as documents reach the rules (as_read): a rule that matches only the text
    as written (a no-break space, a tab, two spaces, an accent as two characters) would pass
    its examples and never fire on a document. A failure that the fixes cause says so."""
    failures = _scan_failures(rule) if rule.scan else []
    if rule.unless and not _unless_shown(rule):
        failures.append("its unless spares none of its keep examples: give one that its "
                        "pattern matches and unless spares, to show what unless is for")
    for text in rule.remove:
        read, fixes = as_read(text)
        if not _fires(rule, read, packs):
            why = ""
            if fixes and _fires(rule, text, packs):
                why = (f": {_as_documents(read, fixes)}, which the rule does not match: write "
                       f"the pattern and the example as the fixed text reads")
            failures.append(f"does not fire on remove example {text!r}{why}")
    for text in rule.keep:
        read, fixes = as_read(text)
        doc = run_rule(rule, read, packs)
        if doc.removed:
            why = ""
            if fixes and not _fires(rule, text, packs):
                why = f" ({_as_documents(read, fixes)})"
            failures.append(f"fires on keep example {text!r}: removes {doc.removed[0].text!r}"
                            f"{why}")
    for case in rule.cases:
        failures.extend(_case_failures(rule, case, packs))
    return failures


def _unless_shown(rule: Rule) -> bool:
    """Whether a keep example of the rule is a line its pattern matches and its unless spares."""
    lines = (line for text in rule.keep for line in as_read(text)[0].split("\n") if line)
    return any(rule.regex.search(line) and rule.unless_regex.search(line) for line in lines)


def _scan_failures(rule: Rule) -> list[str]:
    """The lines of a rule's examples and cases that its pattern matches and its `scan` misses:
    a scan that misses a line leaves the rule unsearched there, in silence."""
    scan = re2.compile(("" if rule.case_sensitive else "(?i)") + "(?m)" + rule.scan,
                       re2_options())
    texts = [as_read(text)[0] for text in (*rule.remove, *rule.keep,
                                           *(case["input"] for case in rule.cases))]
    return [f"its scan misses {line!r}, which its pattern matches: a scan must match "
            f"wherever the pattern does" for text in texts for line in text.split("\n")
            if line and rule.regex.search(line) and not scan.search(line)]


def _case_failures(rule: Rule, case: dict, packs: Context) -> list[str]:
    """What is wrong with one case: the rule alone on its input as documents reach the rules
    must leave its output (read alike) and fill its meta."""
    read, fixes = as_read(case["input"])
    doc = run_rule(rule, read, packs)
    failures = []
    if "output" in case and _paragraphs(doc.body()) != _paragraphs(as_read(case["output"])[0]):
        # Said first when the rule did not fire at all: the output alone makes a newline's
        # difference look like the problem.
        unfired = "" if doc.removed else "the rule did not fire on the input; "
        if not doc.removed and fixes and _fires(rule, case["input"], packs):
            unfired = (f"the rule did not fire on the input: {_as_documents(read, fixes)}, "
                       f"which the rule does not match; ")
        failures.append(f"case {case['input']!r}: {unfired}output {doc.body()!r}, "
                        f"expected {case['output']!r}")
    for name, value in case.get("meta", {}).items():
        if doc.meta.get(name) != value:
            failures.append(f"case {case['input']!r}: meta {name} = {doc.meta.get(name)!r}, "
                            f"expected {value!r}")
    return failures


def _paragraphs(text: str) -> str:
    """A text with one newline between paragraphs, as a case's output may be written."""
    return text.replace("\n\n", "\n")
