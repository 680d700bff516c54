"""A rule's examples are run as documents reach the rules, after the text fixes: a rule that
matches only the text as written (a no-break space, a tab) fails its own examples instead of
passing them and never firing on a document."""

from __future__ import annotations

import pytest

from cleaner import Cleaner
from cleaner.cli import main
from cleaner.examples import example_failures
from cleaner.rulefile import load_pack

# TOML basic strings: "\u00a0" is the character itself in the pattern and the example.
RULE = '''[pack]
id = "mine"
kind = "common"

[[rule]]
id = "mine/sponsor"
action = "drop-line"
pattern = "^Sponsor{gap}XYZ$"
{examples}
'''

# What the text fixes change in a line: each would leave the rule unfired on every document.
GAPS = {
    "no-break space": "\\u00a0",
    "two spaces": "  ",
    "tab": "\\t",
    "zero-width space": " \\u200b",
    "accent as two characters": " e\\u0301",
}


def _rule(tmp_path, gap, examples):
    path = tmp_path / "mine.toml"
    path.write_text(RULE.format(gap=gap, examples=examples), encoding="utf-8")
    [rule] = load_pack(path).rules
    return path, rule


@pytest.mark.parametrize("gap", GAPS.values(), ids=GAPS.keys())
def test_a_remove_example_the_text_fixes_change_fails_and_says_so(tmp_path, gap):
    path, rule = _rule(tmp_path, gap, f'remove = ["Sponsor{gap}XYZ"]')
    [failure] = example_failures(rule)
    assert failure.startswith("does not fire on remove example")
    assert "the example as documents reach the rules (after the text fixes:" in failure
    # ... and it is so: the rule fires on no document holding the line.
    text = f"Presiden mengatakan bahwa rencana itu dibahas.\n\nSponsor{gap}XYZ\n"
    text = text.encode().decode("unicode_escape")
    assert Cleaner(packs=[load_pack(path)]).clean(text)["removed"] == []


def test_the_message_names_what_the_fix_did(tmp_path):
    _, rule = _rule(tmp_path, "\\u00a0", 'remove = ["Sponsor\\u00a0XYZ"]')
    [failure] = example_failures(rule)
    assert "no-break and other odd spaces become plain spaces" in failure
    assert "is 'Sponsor XYZ'" in failure


def test_a_keep_example_is_read_as_documents_are(tmp_path):
    # Written with a no-break space the keep line looks safe; documents hold a plain space.
    _, rule = _rule(tmp_path, " ", 'remove = ["Sponsor XYZ"]\nkeep = ["Sponsor\\u00a0XYZ"]')
    [failure] = example_failures(rule)
    assert failure.startswith("fires on keep example 'Sponsor\\xa0XYZ': removes 'Sponsor XYZ'")
    assert "after the text fixes" in failure


def test_a_case_input_is_read_as_documents_are(tmp_path):
    _, rule = _rule(tmp_path, "\\u00a0",
                    'cases = [{input = "Isi berita.\\nSponsor\\u00a0XYZ", output = "Isi berita."}]')
    [failure] = example_failures(rule)
    assert "the rule did not fire on the input: the example as documents reach the rules" in failure


def test_a_case_output_is_read_as_the_input_is(tmp_path):
    # Both sides hold two spaces: the record would hold one, and so does the expected output.
    _, rule = _rule(tmp_path, " ", 'cases = [{input = "Isi  berita.\\nSponsor XYZ", '
                                   'output = "Isi  berita."}]')
    assert example_failures(rule) == []


def test_rules_check_fails_a_rule_that_fires_only_on_the_text_as_written(tmp_path, capsys):
    path, _ = _rule(tmp_path, "\\u00a0", 'remove = ["Sponsor\\u00a0XYZ"]')
    assert main(["rules", "check", "--no-builtin-rules", "--no-fixtures", "--rules",
                 str(path)]) == 1
    out = capsys.readouterr().out
    assert "mine/sponsor: does not fire on remove example" in out
    assert "as documents reach the rules" in out
