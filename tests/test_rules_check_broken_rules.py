"""Every broken rule of a file is reported, each with its file and id, and the file's other rules
are still checked; a run, which stops at the first, names the others."""

from __future__ import annotations

import json

import pytest

from cleaner.cli import main
from cleaner.rulefile import RuleFileError, load_pack, read_pack

PACK = '''[pack]
id = "t"
kind = "common"

[[rule]]
id = "t/ad"
action = "drop-line"
pattern = '^(Iklan'
remove = ["Iklan"]

[[rule]]
id = "t/promo"
action = "drop-everything"
pattern = '^Promo$'
remove = ["Promo"]

[[rule]]
id = "t/related"
action = "drop-line"
pattern = '^Baca juga.*$'
remove = ["Baca juga: Judul"]
keep = ["Baca juga bukunya."]
'''


def _pack(tmp_path):
    path = tmp_path / "rules" / "t.toml"
    path.parent.mkdir()
    path.write_text(PACK, encoding="utf-8")
    return path


def test_rules_check_reports_every_broken_rule_of_a_file(tmp_path, capsys):
    path = _pack(tmp_path)
    code = main(["rules", "check", "--no-builtin-rules", "--rules", str(path), "--no-fixtures",
                 "--json"])
    data = json.loads(capsys.readouterr().out)
    assert code == 1
    schema = {f["where"]: f["message"] for f in data["findings"] if f["check"] == "schema"}
    assert set(schema) == {f"{path}: t/ad", f"{path}: t/promo"}
    assert "missing )" in schema[f"{path}: t/ad"]
    assert "action must be one of" in schema[f"{path}: t/promo"]
    # The line each rule's id stands on, for the user's editor.
    assert schema[f"{path}: t/ad"].startswith("line 6: ")
    assert schema[f"{path}: t/promo"].startswith("line 12: ")


def test_a_run_names_the_line_of_the_broken_rule(tmp_path, capsys):
    path = _pack(tmp_path)
    assert main(["clean", "-", "-o", str(tmp_path / "out.jsonl"), "--no-builtin-rules",
                 "--rules", str(path)]) == 2
    assert f"rule file {path}, rule 't/ad' (line 6): pattern rejected" in capsys.readouterr().err


def test_an_id_given_twice_names_both_lines(tmp_path, capsys):
    path = tmp_path / "rules" / "t.toml"
    path.parent.mkdir()
    path.write_text(PACK.replace('"t/promo"', '"t/related"').replace("drop-everything",
                                                                      "drop-line"),
                    encoding="utf-8")
    main(["rules", "check", "--no-builtin-rules", "--rules", str(path), "--no-fixtures", "--json"])
    [clash] = [f for f in json.loads(capsys.readouterr().out)["findings"] if f["check"] == "ids"]
    assert clash["message"].endswith("(lines 12 and 18)")


def test_a_rule_without_an_id_is_named_by_the_line_of_its_table(tmp_path):
    path = tmp_path / "t.toml"
    path.write_text(PACK.replace('id = "t/promo"\n', "").replace("'^(Iklan'", "'^Iklan'"),
                    encoding="utf-8")
    with pytest.raises(RuleFileError, match=r"\[\[rule\]\] #2 \(line 11\) has no id"):
        load_pack(path)


def test_the_other_rules_of_a_file_with_broken_ones_are_still_checked(tmp_path, capsys):
    path = _pack(tmp_path)
    main(["rules", "check", "--no-builtin-rules", "--rules", str(path), "--no-fixtures", "--json"])
    data = json.loads(capsys.readouterr().out)
    assert data["packs"] == 1 and data["rules"] == 1
    [failure] = [f for f in data["findings"] if f["check"] == "examples"]
    assert failure["where"] == f"{path}: t/related"
    assert "fires on keep example 'Baca juga bukunya.'" in failure["message"]


def test_read_pack_gives_the_rules_that_load_and_an_error_for_each_other(tmp_path):
    pack, errors = read_pack(_pack(tmp_path))
    assert [rule.id for rule in pack.rules] == ["t/related"]
    assert [error.rule for error in errors] == ["t/ad", "t/promo"]


def test_a_file_that_does_not_parse_gives_no_pack_and_its_error(tmp_path):
    path = tmp_path / "t.toml"
    path.write_text("[[rule]\n", encoding="utf-8")
    pack, [error] = read_pack(path)
    assert pack is None and "not valid TOML" in error.reason


def test_a_run_stops_at_the_first_broken_rule_and_names_the_others(tmp_path):
    with pytest.raises(RuleFileError) as info:
        load_pack(_pack(tmp_path))
    assert info.value.rule == "t/ad"
    assert "and 1 more broken rule in this file: t/promo" in str(info.value)


def test_a_broken_pack_table_does_not_hide_the_files_broken_rules(tmp_path, capsys):
    """A `www.` domain was the file's only error listed: its rules were never read, and their
    errors came one fix later."""
    path = tmp_path / "rules" / "sites" / "x.example.com.toml"
    path.parent.mkdir(parents=True)
    head = 'kind = "site"\ndomains = ["www.x.example.com"]'
    path.write_text(PACK.replace('kind = "common"', head), encoding="utf-8")
    code = main(["rules", "check", "--no-builtin-rules", "--rules", str(path), "--no-fixtures",
                 "--json"])
    data = json.loads(capsys.readouterr().out)
    assert code == 1
    schema = {f["where"]: f["message"] for f in data["findings"] if f["check"] == "schema"}
    assert set(schema) == {str(path), f"{path}: t/ad", f"{path}: t/promo"}
    assert "is not a bare host name" in schema[str(path)]
    assert "action must be one of" in schema[f"{path}: t/promo"]
    # (a run, as before, stops at the pack's error)
    pack, errors = read_pack(path)
    assert pack is None and len(errors) == 3


def test_a_rule_with_a_misspelt_key_says_its_other_mistake_too(tmp_path):
    path = tmp_path / "t.toml"
    path.write_text('[pack]\nid = "t"\nkind = "common"\n\n[[rule]]\nid = "t/ad"\n'
                    'action = "drop-line"\nwhere = "header"\npattern = "^Iklan$"\n'
                    'exmaples = ["Iklan"]\n', encoding="utf-8")
    _, [error] = read_pack(path)
    assert error.reason == ("unknown keys ['exmaples']; and where must be one of any, head, "
                            "tail, edges, last, first, not 'header'")


def test_a_misspelt_rule_key_is_said_with_the_key_it_stands_for(tmp_path):
    path = tmp_path / "t.toml"
    path.write_text('[pack]\nid = "t"\nkind = "common"\n\n[[rule]]\nid = "t/ad"\n'
                    'action = "drop-line"\npatern = "^Iklan$"\nremove = ["Iklan"]\n',
                    encoding="utf-8")
    _, [error] = read_pack(path)
    assert error.reason.startswith("unknown keys ['patern'] (did you mean 'pattern' for "
                                   "'patern'?); and ")


def test_a_misspelt_pack_key_is_said_with_the_key_it_stands_for(tmp_path):
    path = tmp_path / "t.toml"
    path.write_text('[pack]\nid = "t"\ndomain = ["contoh.example"]\n', encoding="utf-8")
    _, [error] = read_pack(path)
    assert error.reason == ("unknown [pack] keys ['domain'] (did you mean 'domains' for "
                            "'domain'?)")
