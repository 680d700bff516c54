"""A typo in a command's option is that command's error: its own usage, and the option it is
spelt like, not the top-level usage."""

from __future__ import annotations

import pytest

from cleaner.cli import main


def _usage_error(capsys, *argv: str) -> str:
    with pytest.raises(SystemExit) as exit_info:
        main(list(argv))
    assert exit_info.value.code == 2
    return capsys.readouterr().err


def test_a_misspelt_option_of_clean_comes_with_clean_s_usage_and_a_hint(tmp_path, capsys):
    err = _usage_error(capsys, "clean", str(tmp_path / "dump.jsonl"), "-o",
                       str(tmp_path / "x"), "--workrs", "2")
    assert err.startswith("usage: cleaner clean ")
    assert "usage: cleaner [-h]" not in err
    assert ("cleaner clean: error: unrecognized arguments: --workrs 2 (did you mean --workers?)"
            in err)
    assert not (tmp_path / "x").exists()


def test_a_misspelt_option_of_a_fixtures_action_comes_with_that_action_s_usage(capsys):
    err = _usage_error(capsys, "fixtures", "check", "--roott", "x")
    assert err.startswith("usage: cleaner fixtures check ")
    assert "fixtures check: error: unrecognized arguments: --roott (did you mean --root?)" in err


def test_an_option_given_with_its_value_is_matched_by_its_name(capsys):
    err = _usage_error(capsys, "suggest", "dump.jsonl", "--min-dcos=3", "--tpo=4")
    assert err.startswith("usage: cleaner suggest ")
    assert "(did you mean --min-docs?)" in err


@pytest.mark.parametrize("extra", ["--", "---", "--\u00fcber", "-", "stray", "--x" * 400])
def test_odd_arguments_a_command_does_not_take_are_its_usage_error(capsys, extra):
    # (rules check takes no positional argument; rules list takes one, its PATTERN, below)
    err = _usage_error(capsys, "rules", "check", "--no-builtin-rules", "--no-fixtures", extra)
    assert err.startswith("usage: cleaner rules check ")
    assert "Traceback" not in err


@pytest.mark.parametrize("extra", ["---", "--\u00fcber", "-", "stray"])
def test_an_argument_after_the_rules_list_pattern_is_its_usage_error(capsys, extra):
    err = _usage_error(capsys, "rules", "list", "--no-builtin-rules", "dateline", extra)
    assert err.startswith("usage: cleaner rules list ")
