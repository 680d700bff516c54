"""A fixture made with rule files of one's own (`fixtures add --rules`) keeps them beside it
(<case>.rules, paths relative to its folder): `fixtures check` and `update` given no rule options
clean it with them; given some, they use those, and an update keeps them instead. A kept file
that is broken, or names rules that are gone, fails that fixture alone, saying which file and
what to do."""

from __future__ import annotations

import json
import shutil

import pytest

from cleaner.cli import main

TEXT = ("Judul Berita Contoh Hari Ini\n\n"
        "Warga kota berkumpul di alun-alun pada pagi hari untuk merayakan ulang tahun kota.\n\n"
        "Promo aplikasi kami gratis\n")
PACK = """[pack]
id = "kabar.example"
kind = "site"
domains = ["kabar.example"]

[[rule]]
id = "kabar/promo"
action = "drop-line"
pattern = '^Promo aplikasi kami gratis$'
remove = ["Promo aplikasi kami gratis"]
"""
URL = "https://kabar.example/a"


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A project folder, the working one: a page, and a pack of one's own in pack/."""
    root = tmp_path / "proj"
    (root / "pack").mkdir(parents=True)
    (root / "pack" / "kabar.example.toml").write_text(PACK, encoding="utf-8")
    (root / "page.txt").write_text(TEXT, encoding="utf-8")
    monkeypatch.chdir(root)
    return root


def _add(*args) -> int:
    return main(["fixtures", "add", "page.txt", "--site", "kabar.example", "--url", URL,
                 "--color", "never", *args])


def _expected(root, name="page") -> dict:
    return json.loads((root / "fixtures" / "kabar.example" / f"{name}.json").read_text())


def _kept(root, name="page"):
    path = root / "fixtures" / "kabar.example" / f"{name}.rules"
    return json.loads(path.read_text()) if path.exists() else None


def test_a_fixture_added_with_rules_passes_a_plain_check(project, capsys):
    assert _add("--rules", "pack/") == 0
    assert "Promo" not in _expected(project)["text"]
    assert "page.rules" in capsys.readouterr().err          # add says where they are kept
    assert main(["fixtures", "check"]) == 0
    assert "0 differ" in capsys.readouterr().err


def test_the_rules_are_kept_relative_to_the_case_so_they_move_together(project, tmp_path,
                                                                        monkeypatch, capsys):
    assert _add("--rules", "pack/", "--no-builtin-rules") == 0
    assert _kept(project) == {"rules": ["../../pack"], "no_builtin_rules": True}
    moved = tmp_path / "elsewhere" / "proj"
    shutil.move(str(project), str(moved))
    monkeypatch.chdir(tmp_path)                 # checked from another folder, by its path
    capsys.readouterr()
    assert main(["fixtures", "check", "--root", str(moved / "fixtures")]) == 0
    assert "0 differ" in capsys.readouterr().err


def test_a_plain_update_keeps_the_packs_removals(project, capsys):
    assert _add("--rules", "pack/") == 0
    before = (project / "fixtures" / "kabar.example" / "page.json").read_text()
    assert main(["fixtures", "update"]) == 0
    assert (project / "fixtures" / "kabar.example" / "page.json").read_text() == before
    assert "0 expected records rewritten" in capsys.readouterr().err


def test_a_fixture_made_without_rule_files_keeps_none(project):
    assert _add() == 0
    assert _kept(project) is None
    assert _add("--rules", "pack/", "--force") == 0
    assert _kept(project) == {"rules": ["../../pack"]}
    # Added again without them (--force), its record is made without them: none kept.
    assert _add("--force") == 0
    assert _kept(project) is None
    assert "Promo" in _expected(project)["text"]


def test_rules_that_are_gone_fail_the_fixture_naming_the_file_and_the_way_out(project, capsys):
    assert _add("--rules", "pack/") == 0
    (project / "pack").rename(project / "packs")
    capsys.readouterr()
    assert main(["fixtures", "check"]) == 1
    out = capsys.readouterr().out
    assert "page.json: cannot clean the fixture: made with --rules pack (kept in page.rules)" in out
    assert "no such rule file or folder" in out and "--rules" in out and "delete page.rules" in out
    # Never rewritten by a plain update; an update given the rules where they are now keeps those.
    assert main(["fixtures", "update"]) == 1
    assert "Promo" not in _expected(project)["text"]
    assert main(["fixtures", "update", "--rules", "packs"]) == 0
    assert _kept(project) == {"rules": ["../../packs"]}
    assert main(["fixtures", "check"]) == 0


def test_an_update_given_rules_keeps_them_for_a_plain_check(project, capsys):
    assert _add() == 0                                  # made with the shipped packs alone
    assert main(["fixtures", "update", "--rules", "pack"]) == 0
    assert "Promo" not in _expected(project)["text"]
    assert _kept(project) == {"rules": ["../../pack"]}
    assert main(["fixtures", "check"]) == 0


def test_a_check_given_other_rules_than_kept_says_a_plain_one_uses_the_kept(project, capsys):
    assert _add("--rules", "pack/") == 0
    capsys.readouterr()
    # Given rule options are used for every fixture, as before.
    assert main(["fixtures", "check", "--no-builtin-rules"]) == 1
    err = capsys.readouterr().err
    assert "was made with --rules pack (kept in page.rules)" in err
    assert "given no rule options uses them" in err
    assert main(["fixtures", "check", "--rules", "./pack"]) == 0
    assert "was made with" not in capsys.readouterr().err    # the same rules, spelt otherwise


def test_fixtures_with_different_kept_rules_are_each_cleaned_with_their_own(project, capsys):
    assert _add("--rules", "pack/", "--name", "with-pack") == 0
    assert _add("--name", "without") == 0
    assert "Promo" in _expected(project, "without")["text"]
    assert main(["fixtures", "check"]) == 0
    assert "2 fixtures, 0 differ" in capsys.readouterr().err


@pytest.mark.parametrize("content", [
    b"not json", b"[]", b'{"rules": 5}', b'{"rules": ["pack"], "extra": 1}', b'{"rules": []}',
    b'{"rules": [""]}', b'{"lang": 7}', b'{"rules": ["pack"], "no_builtin_rules": "yes"}',
    b"\xff\xfe\x00\x01", b'{"lang": "xx"}'])
def test_a_broken_kept_file_fails_that_fixture_alone_naming_it(project, capsys, content):
    assert _add("--name", "good") == 0
    assert _add("--rules", "pack/", "--name", "bad") == 0
    (project / "fixtures" / "kabar.example" / "bad.rules").write_bytes(content)
    capsys.readouterr()
    assert main(["fixtures", "check"]) == 1
    captured = capsys.readouterr()
    assert "bad.json: cannot clean the fixture:" in captured.out and "bad.rules" in captured.out
    assert "good.json" not in captured.out and "Traceback" not in captured.err
    assert "2 fixtures, 0 differ" in captured.err and "1 could not be cleaned" in captured.err
    assert main(["fixtures", "update"]) == 1                # nothing rewritten, nothing deleted
    assert (project / "fixtures" / "kabar.example" / "bad.rules").read_bytes() == content


def test_a_folder_where_the_kept_file_goes_fails_that_fixture(project, capsys):
    assert _add("--rules", "pack/") == 0
    kept = project / "fixtures" / "kabar.example" / "page.rules"
    kept.unlink()
    kept.mkdir()
    capsys.readouterr()
    assert main(["fixtures", "check"]) == 1
    assert "page.rules: cannot read the rule options" in capsys.readouterr().out


def test_an_update_that_cannot_keep_its_rule_options_says_so_and_fails(project, capsys):
    assert _add() == 0
    (project / "fixtures" / "kabar.example" / "page.rules").mkdir()
    capsys.readouterr()
    assert main(["fixtures", "update", "--rules", "pack"]) == 1
    err = capsys.readouterr().err
    assert "cannot keep the rule options of" in err and "page.txt" in err


def test_a_failed_add_leaves_no_kept_rules_behind(project, capsys):
    (project / "menu.html").write_text("<html><body><nav>Beranda</nav></body></html>",
                                       encoding="utf-8")
    assert main(["fixtures", "add", "menu.html", "--site", "kabar.example", "--url", URL,
                 "--rules", "pack/"]) == 2
    assert not (project / "fixtures").exists()


def test_the_kept_options_read_back_as_given(tmp_path):
    from cleaner.fixtures import RuleOptions, read_rule_options, rule_options_path

    raw = tmp_path / "fx" / "site" / "case.txt"
    raw.parent.mkdir(parents=True)
    rule_options_path(raw).write_text('{"rules": ["../../pack", "/abs/x.toml"], "lang": "ms"}')
    assert read_rule_options(raw) == RuleOptions(
        (str(tmp_path / "pack"), "/abs/x.toml"), False, "ms")
    assert read_rule_options(tmp_path / "fx" / "site" / "other.txt") is None
