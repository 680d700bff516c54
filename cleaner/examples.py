"""Run a rule's own examples: 'remove' lines it must fire on, 'keep' lines it must leave, exact 'cases'."""

from __future__ import annotations

from cleaner.apply_rules import RuleStage
from cleaner.document import Document, Line
from cleaner.matcher import Matcher
from cleaner.metadata import MetaSink
from cleaner.rulefile import Pack, Rule


def run_rule(rule: Rule, text: str, packs: tuple[Pack, ...] = ()) -> Document:
    """One rule alone on a text (one line, or lines split at newlines), with no guard."""
    doc = Document(id="example", text=text, packs=packs)
    doc.lines = [Line(t, n) for n, t in enumerate(text.split("\n"), start=1) if t]
    stage = RuleStage(Matcher((rule,)), MetaSink(packs), guard_share=float("inf"))
    return stage(doc)


def example_failures(rule: Rule, packs: tuple[Pack, ...] = ()) -> list[str]:
    """What is wrong with a rule's examples; empty when they all hold."""
    failures = []
    for text in rule.remove:
        if not run_rule(rule, text, packs).removed:
            failures.append(f"does not fire on remove example {text!r}")
    for text in rule.keep:
        doc = run_rule(rule, text, packs)
        if doc.removed:
            failures.append(f"fires on keep example {text!r}: removes {doc.removed[0].text!r}")
    for case in rule.cases:
        doc = run_rule(rule, case["input"], packs)
        if "output" in case and doc.body().replace("\n\n", "\n") != case["output"].replace("\n\n", "\n"):
            # Said first when the rule did not fire at all: the output alone makes a newline's
            # difference look like the problem.
            unfired = "" if doc.removed else "the rule did not fire on the input; "
            failures.append(f"case {case['input']!r}: {unfired}output {doc.body()!r}, "
                            f"expected {case['output']!r}")
        for name, expected in case.get("meta", {}).items():
            if doc.meta.get(name) != expected:
                failures.append(f"case {case['input']!r}: meta {name} = {doc.meta.get(name)!r}, "
                                f"expected {expected!r}")
    return failures
