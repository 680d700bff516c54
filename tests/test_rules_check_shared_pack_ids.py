"""A user's pack with the id of a pack of another kind loads beside it, not in its place (packs
are combined by kind and id): `rules check` and `rules list` warn, naming both files and how to
take the other's place."""

from __future__ import annotations

import json

from cleaner.cli import main
from cleaner.pack_replacements import shared_pack_ids
from cleaner.rulefile import load_packs, shipped_rule_files

RULE = '''[[rule]]
id = "mine/sponsor"
action = "drop-line"
pattern = '^Sponsor XYZ$'
remove = ["Sponsor XYZ"]
'''


def _folder(tmp_path, name="id.toml", head=""):
    folder = tmp_path / "mine"
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(head + RULE, encoding="utf-8")
    return folder, path


def _schema_warnings(capsys, folder):
    code = main(["rules", "check", "--rules", str(folder), "--no-fixtures", "--no-shadowing",
                 "--json"])
    data = json.loads(capsys.readouterr().out)
    return code, [f for f in data["findings"]
                  if f["check"] == "schema" and f["level"] == "warning"]


def test_a_common_pack_with_a_language_packs_id_is_warned_about(tmp_path, capsys):
    # id.toml at the top of a rules folder: a common pack "id" beside the shipped "id" language
    # pack, firing on every language.
    folder, path = _folder(tmp_path)
    code, warnings = _schema_warnings(capsys, folder)
    assert code == 0                                    # a warning, not an error
    [warning] = warnings
    assert warning["where"] == str(path)
    assert warning["message"].startswith("pack id 'id' is also the id of the lang pack ")
    assert "lang/id.toml: this file loads as a common pack beside it, not in its place, and " \
           "its rules fire on every document" in warning["message"]
    assert 'write kind = "lang" in its [pack]' in warning["message"]


def test_rules_list_says_it_under_the_pack(tmp_path, capsys):
    folder, path = _folder(tmp_path)
    assert main(["rules", "list", "--rules", str(folder)]) == 0
    lines = capsys.readouterr().out.splitlines()
    at = next(n for n, line in enumerate(lines) if line.endswith(str(path)))
    assert lines[at + 1].strip().startswith("warning: pack id 'id' is also the id of the lang pack")


def test_clean_says_it_once_before_any_work(tmp_path, capsys):
    folder, path = _folder(tmp_path)
    text = tmp_path / "a.txt"
    text.write_text("Presiden berkata hal itu akan dibahas pekan depan.\n\nSponsor XYZ\n")
    assert main(["clean", str(text), "--rules", str(folder), "-o", str(tmp_path / "o.jsonl")]) == 0
    said = capsys.readouterr().err
    assert said.count(f"cleaner: warning: rule file {path}: pack id 'id' is also the id of") == 1


def test_a_pack_taking_the_place_of_one_of_its_own_kind_is_not_this_warning(tmp_path, capsys):
    folder, _ = _folder(tmp_path, head='[pack]\nkind = "lang"\nstopwords = ["yang", "dan"]\n')
    _, warnings = _schema_warnings(capsys, folder)
    assert [w for w in warnings if "is also the id of" in w["message"]] == []
    assert any("replaces the shipped lang pack 'id'" in w["message"] for w in warnings)


def test_two_of_the_users_packs_of_different_kinds_with_one_id_are_each_warned_about(tmp_path):
    _, common = _folder(tmp_path, "kabar.toml")
    folder, site = _folder(tmp_path, "sites/kabar.toml", '[pack]\ndomains = ["kabar.example"]\n')
    site.write_text(site.read_text().replace("mine/sponsor", "kabar/sponsor"), encoding="utf-8")
    packs = load_packs([folder], builtin=False)
    assert {(pack.path, tuple(o.path for o in others))
            for pack, others in shared_pack_ids(packs, builtin=False)} == {
        (str(common), (str(site),)), (str(site), (str(common),))}


def test_the_shipped_packs_share_no_id_across_kinds():
    # Taken as the user's own, so that none is passed over.
    assert shared_pack_ids(load_packs(), builtin=False) == []
    assert shipped_rule_files()                         # (there are shipped packs to compare)
