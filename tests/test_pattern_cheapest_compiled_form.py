"""A rule's `unless` and `then` patterns are searched with the cheapest compiled form a line allows.

Compiled whole, such a pattern with Unicode classes held 1.2 to 1.4 MB of a worker's memory each
(two of the English pack's `unless` patterns on the benchmark's first 10 MB), for lines that were
ASCII nearly always. The bound tested: an ASCII or plain line compiles no full UTF-8 form.
"""

from __future__ import annotations

from cleaner import rulefile
from cleaner.rulefile import Rule, compile_pattern, line_search

# Unicode classes and a bounded repeat of them: the full form is large; \x{2019} is plain.
UNLESS = r"^(?:[\[(]\s*(?:\p{Lu}\p{Ll}?\d{0,2}){1,3}\s*[\])])\s*mem33\s+\pL+[’']?"
THEN = r"^\p{Lu}[\pL ]{2,40}\s+then33$"


def _rule() -> Rule:
    return Rule(id="test/mem33", action="drop-line", pattern=r"^mem33$", unless=UNLESS,
                then=THEN)


def test_ascii_and_plain_lines_compile_no_full_form(monkeypatch):
    compiled: list[str] = []

    def recorded(pattern: str, case_sensitive: bool = False):
        compiled.append(pattern)
        return compile_pattern(pattern, case_sensitive)

    monkeypatch.setattr(rulefile, "compile_pattern", recorded)
    rule = _rule()
    assert rule.unless_regex.search("(AB12) mem33 word")
    assert rule.unless_regex.search("(Éa) mem33 café’") is not None      # plain: Latin-1, ’
    assert rule.unless_regex.search("(AB) other words") is None
    assert rule.then_regex.search("Related titles then33")
    assert UNLESS not in compiled and THEN not in compiled
    # A line beyond plain (Cyrillic) still takes the full form, which alone answers there.
    assert rule.unless_regex.search("(Ж) mem33 слово")
    assert UNLESS in compiled


def test_answers_are_the_full_patterns_on_every_alphabet():
    rule = _rule()
    lines = ["(AB12) mem33 word", "(ab) mem33 word", "[Ωμ] mem33 λόγος", "(Ω) mem33 λόγος",
             "(Éa) mem33 café’", "(X) mem33 😀", "mem33", "", "Ünïcode Title then33",
             "Σύνταξη then33", "(Ж) mem33 слово", "Жук then33", "lower then33", "Title then33 tail"]
    for pattern, search in ((UNLESS, rule.unless_regex.search), (THEN, rule.then_regex.search)):
        full = compile_pattern(pattern)
        for line in lines:
            assert (search(line) is not None) == (full.search(line) is not None), (pattern, line)


def test_one_search_object_per_pattern_and_none_without_one():
    assert line_search(UNLESS) is line_search(UNLESS)
    assert line_search(UNLESS, True) is not line_search(UNLESS)
    bare = Rule(id="test/mem33-bare", action="drop-line", pattern=r"^x$")
    assert bare.unless_regex is None and bare.then_regex is None
