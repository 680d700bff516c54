"""A meta rule that both sets a field and captures it is refused when it loads: the capture
would fill the field and the constant be dropped in silence, or the constant be used where the
group did not match, so which one a record gets is not what the rule says."""

from __future__ import annotations

import json

import pytest

from cleaner.cli import main
from cleaner.rulefile import RuleFileError, load_pack

RULE = '''[[rule]]
id = "t/dateline"
action = "meta"
where = "head"
pattern = '{pattern}'
set = {{ {sets} }}
remove = ["JAKARTA, KABAR - Isi"]
'''


def _write(tmp_path, pattern, sets):
    path = tmp_path / "t.toml"
    path.write_text(RULE.format(pattern=pattern, sets=sets), encoding="utf-8")
    return path


@pytest.mark.parametrize("pattern,sets,field", [
    (r"^(?P<location>[A-Z]+), (?P<source>KABAR) - ", 'source = "Kabar"', "source"),
    (r"^(?:(?P<location>[A-Z]+), |(?P<location2>[a-z]+): )KABAR - ", 'location = "Jakarta"',
     "location"),
])
def test_a_field_both_set_and_captured_is_refused_saying_which_wins_is_ambiguous(
        tmp_path, pattern, sets, field):
    with pytest.raises(RuleFileError) as caught:
        load_pack(_write(tmp_path, pattern, sets))
    assert caught.value.rule == "t/dateline"
    assert f"{field} is both set" in caught.value.reason
    assert "ambiguous" in caught.value.reason


def test_setting_one_field_and_capturing_another_still_loads(tmp_path):
    pack = load_pack(_write(tmp_path, r"^(?P<location>[A-Z]+), KABAR - ", 'source = "Kabar"'))
    assert pack.rules[0].set == (("source", "Kabar"),)


def test_rules_check_lists_it_as_a_schema_error(tmp_path, capsys):
    path = _write(tmp_path, r"^(?P<source>KABAR) - ", 'source = "Kabar"')
    code = main(["rules", "check", "--no-builtin-rules", "--rules", str(path), "--no-fixtures",
                 "--no-shadowing", "--json"])
    data = json.loads(capsys.readouterr().out)
    assert code == 1
    assert any(f["level"] == "error" and f["check"] == "schema" and "ambiguous" in f["message"]
               for f in data["findings"])
