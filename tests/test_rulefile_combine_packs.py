"""One place says which rule files are shipped (shipped_rule_files) and one combines the packs
loaded (combine_packs): a pack with a shipped pack's kind and id replaces it, two of the user's
packs with one id are an error. load_packs raises the first error, `rules check` lists them all.
What a replacement costs is in cleaner.pack_replacements, still importable from rulefile."""

from __future__ import annotations

import json

import pytest

from cleaner.cli import main
from cleaner.rulefile import (Pack, RuleFileError, builtin_rules_dir, combine_packs, load_packs,
                              rule_files, rule_paths, shipped_rule_files)

MINE = '''[pack]
id = "{pack_id}"
kind = "common"

[[rule]]
id = "{rule_id}"
action = "drop-line"
pattern = '^Subscribe now$'
remove = ["Subscribe now"]
'''


def _pack(pack_id, path, kind="site"):
    return Pack(id=pack_id, kind=kind, path=path)


def test_shipped_rule_files_are_the_builtin_folders_files_and_what_a_run_loads_first():
    shipped = shipped_rule_files()
    assert [str(p) for p in shipped] == [str(p) for p in rule_files(builtin_rules_dir())]
    assert shipped_rule_files(builtin=False) == []
    assert [str(p) for p in rule_paths()[0]] == [str(p) for p in shipped]
    assert [p.path for p in load_packs()] == [str(p) for p in shipped]


def test_a_user_pack_takes_a_shipped_packs_place_at_the_end():
    a, b = _pack("a.com", "/shipped/a.com.toml"), _pack("b.com", "/shipped/b.com.toml")
    mine = _pack("a.com", "/mine/a.com.toml")
    lang = _pack("a.com", "/mine/lang/a.com.toml", kind="lang")    # another kind: no clash
    packs, errors = combine_packs([a, b, mine, lang], {a.path, b.path})
    assert packs == [b, mine, lang] and errors == []


def test_every_pack_id_two_user_packs_share_is_an_error_and_the_later_pack_left_out():
    first, second, third = (_pack("x.com", f"/mine/{n}/x.com.toml") for n in "abc")
    other, other_again = _pack("y.com", "/mine/a/y.com.toml"), _pack("y.com", "/mine/b/y.com.toml")
    packs, errors = combine_packs([first, other, second, other_again, third], set())
    assert packs == [first, other]
    assert [(e.path, e.reason) for e in errors] == [
        (second.path, f"pack id 'x.com' is already used by {first.path}"),
        (other_again.path, f"pack id 'y.com' is already used by {other.path}"),
        (third.path, f"pack id 'x.com' is already used by {first.path}")]


def _two_clashes(tmp_path):
    """Three folders: a/ and b/ both hold packs p and q, c/ holds r."""
    for folder in "abc":
        for pack_id in "pq" if folder != "c" else "r":
            path = tmp_path / folder / f"{pack_id}.toml"
            path.parent.mkdir(exist_ok=True)
            path.write_text(MINE.format(pack_id=pack_id, rule_id=f"{folder}{pack_id}/promo"),
                            encoding="utf-8")
    return [str(tmp_path / folder) for folder in "abc"]


def test_load_packs_raises_the_first_clash_and_rules_check_lists_every_one(tmp_path, capsys):
    folders = _two_clashes(tmp_path)
    with pytest.raises(RuleFileError) as caught:
        load_packs(folders, builtin=False)
    assert caught.value.path == str(tmp_path / "b" / "p.toml")
    assert f"already used by {tmp_path / 'a' / 'p.toml'}" in caught.value.reason
    args = ["rules", "check", "--no-builtin-rules", "--no-fixtures", "--no-shadowing", "--json"]
    for folder in folders:
        args += ["--rules", folder]
    assert main(args) == 1
    data = json.loads(capsys.readouterr().out)
    clashes = sorted(f["where"] for f in data["findings"]
                     if f["level"] == "error" and "is already used by" in f["message"])
    assert clashes == [str(tmp_path / "b" / "p.toml"), str(tmp_path / "b" / "q.toml")]
    assert data["packs"] == 3                       # a/p, a/q and c/r: the clashing ones left out
