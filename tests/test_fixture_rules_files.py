"""A fixture made with rule files of one's own (`fixtures add --rules`) keeps them beside it
(<case>.rules, a path given relative kept relative to its folder, one given whole kept whole):
`fixtures check` and `update` given no rule options clean it with them; given some, they use
those, and an update keeps them instead beside the records that are their work, naming each
kept file it writes. A kept file that is broken, or names rules that are gone, fails that
fixture alone, saying which file, the paths as it holds them, and what to do."""

from __future__ import annotations

import json
import shutil

import pytest

from cleaner.cli import main
# (the page and the site pack of the fixtures' command tests)
from test_fixtures_cli import PROMO_RULE as PACK, TEXT

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
    assert ("page.json: cannot clean the fixture: made with --rules ../../pack (kept in "
            "fixtures/kabar.example/page.rules)" in out)
    assert "no such rule file or folder" in out and "--rules" in out and "delete page.rules" in out
    # Never rewritten by a plain update; an update given the rules where they are now keeps those.
    assert main(["fixtures", "update"]) == 1
    assert "Promo" not in _expected(project)["text"]
    assert main(["fixtures", "update", "--rules", "packs"]) == 0
    assert _kept(project) == {"rules": ["../../packs"]}
    assert main(["fixtures", "check"]) == 0


def test_an_update_given_rules_keeps_them_for_a_plain_check(project, capsys):
    assert _add() == 0                                  # made with the shipped packs alone
    assert main(["fixtures", "update", "--rules", "pack", "--accept-loss"]) == 0
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
    assert main(["fixtures", "update", "--rules", "pack", "--accept-loss"]) == 1
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


def test_an_absolute_rules_path_is_kept_absolute_so_the_project_can_move_without_it(
        project, tmp_path, monkeypatch, capsys):
    shared = tmp_path / "shared" / "rules"
    shared.parent.mkdir()
    (project / "pack").rename(shared)                   # outside the project
    assert _add("--rules", str(shared) + "/") == 0
    assert _kept(project) == {"rules": [shared.as_posix()]}
    # The project copied elsewhere, deeper: the shared rules are where they were.
    moved = tmp_path / "deep" / "er" / "proj"
    shutil.copytree(project, moved)
    monkeypatch.chdir(moved)
    capsys.readouterr()
    assert main(["fixtures", "check"]) == 0
    assert "0 differ" in capsys.readouterr().err


def test_a_relative_rules_path_out_of_the_project_stays_relative(project, tmp_path,
                                                                    monkeypatch, capsys):
    (project / "pack").rename(tmp_path / "shared")
    assert _add("--rules", "../shared") == 0
    assert _kept(project) == {"rules": ["../../../shared"]}
    # Moved together with the rules beside it, the project still finds them.
    whole = tmp_path / "elsewhere"
    whole.mkdir()
    for name in ("proj", "shared"):
        shutil.move(str(tmp_path / name), str(whole / name))
    monkeypatch.chdir(whole / "proj")
    capsys.readouterr()
    assert main(["fixtures", "check"]) == 0


def test_an_absolute_path_with_dot_dots_is_kept_whole_and_plain(project):
    assert _add("--rules", f"{project}/pack/../pack/") == 0
    assert _kept(project) == {"rules": [(project / "pack").as_posix()]}


def test_an_update_given_rules_keeps_them_only_beside_the_records_they_made(project, capsys):
    assert _add("--name", "plain") == 0
    (project / "other.txt").write_text(TEXT.replace("Warga kota", "Para warga"),
                                       encoding="utf-8")
    assert main(["fixtures", "add", "other.txt", "--site", "kabar.example", "--color", "never",
                 "--rules", "pack"]) == 0
    # The plain case's record changes under the pack: rewritten, it keeps the pack; its
    # neighbour "page" was made without and is unchanged by it: it keeps nothing.
    (project / "page.txt").write_text(TEXT.replace("Promo aplikasi kami gratis", "Selesai"),
                                      encoding="utf-8")
    assert _add("--name", "page") == 0
    capsys.readouterr()
    assert main(["fixtures", "update", "--rules", "pack", "--accept-loss"]) == 0
    err = capsys.readouterr().err
    folder = project / "fixtures" / "kabar.example"
    assert _kept(project, "plain") == {"rules": ["../../pack"]}
    assert _kept(project, "page") is None
    assert _kept(project, "other") == {"rules": ["../../pack"]}
    assert f"wrote {folder.relative_to(project) / 'plain.rules'}" in err
    assert "page.rules" not in err and "other.rules" not in err     # the same: not named
    # Its pack shipped at last (here: left out), the unrelated case still passes a plain check.
    shutil.rmtree(project / "pack")
    (folder / "plain.rules").unlink()
    (folder / "other.rules").unlink()
    assert main(["fixtures", "check", "page"]) == 0


def test_an_update_given_moved_rules_says_which_kept_files_it_changed(project, capsys):
    assert _add("--rules", "pack/") == 0
    (project / "pack").rename(project / "packs")
    capsys.readouterr()
    assert main(["fixtures", "update", "--rules", "packs"]) == 0
    err = capsys.readouterr().err
    assert "changed fixtures/kabar.example/page.rules: now --rules packs" in err
    assert _kept(project) == {"rules": ["../../packs"]}


def test_an_update_keeps_the_rules_beside_a_record_made_with_them_before_kept_files(
        project, capsys):
    # A case added with --rules before fixtures kept their options: its record is the pack's
    # work, unchanged by an update given it, and no plain check reproduces it without a file.
    assert _add("--rules", "pack/") == 0
    (project / "fixtures" / "kabar.example" / "page.rules").unlink()
    assert main(["fixtures", "check"]) == 1
    capsys.readouterr()
    assert main(["fixtures", "update", "--rules", "pack"]) == 0
    assert "0 expected records rewritten" in capsys.readouterr().err
    assert _kept(project) == {"rules": ["../../pack"]}
    assert main(["fixtures", "check"]) == 0


def test_an_update_given_no_builtin_rules_alone_keeps_it_in_place_of_the_kept_file(project,
                                                                                   capsys):
    assert _add("--rules", "pack/") == 0
    capsys.readouterr()
    assert main(["fixtures", "update", "--no-builtin-rules"]) == 0
    assert _kept(project) == {"rules": [], "no_builtin_rules": True}
    assert ("changed fixtures/kabar.example/page.rules: now --no-builtin-rules"
            in capsys.readouterr().err)
    assert main(["fixtures", "check"]) == 0          # the records it rewrote, reproduced


def test_rules_gone_name_the_path_as_kept_and_the_kept_file(project, tmp_path, monkeypatch,
                                                            capsys):
    assert _add("--rules", "pack/") == 0
    moved = tmp_path / "elsewhere"
    shutil.copytree(project / "fixtures", moved / "fixtures")     # the fixtures alone
    monkeypatch.chdir(tmp_path)
    capsys.readouterr()
    assert main(["fixtures", "check", "--root", "elsewhere/fixtures"]) == 1
    out = capsys.readouterr().out
    assert ("made with --rules ../../pack (kept in elsewhere/fixtures/kabar.example/page.rules)"
            in out)
    assert f"rule file {tmp_path / 'elsewhere' / 'pack'}: no such rule file or folder" in out


def test_an_absolute_path_gone_is_named_whole(project, tmp_path, capsys):
    assert _add("--rules", str(project / "pack")) == 0
    shutil.rmtree(project / "pack")
    capsys.readouterr()
    assert main(["fixtures", "check"]) == 1
    assert f"made with --rules {project / 'pack'} (kept in" in capsys.readouterr().out


@pytest.mark.parametrize("content", [b"not json", b"\xff\xfe\x00\x01", b'{"rules": 5}'])
def test_an_update_given_rules_replaces_a_broken_kept_file_naming_it(project, capsys, content):
    assert _add("--rules", "pack/") == 0
    (project / "fixtures" / "kabar.example" / "page.rules").write_bytes(content)
    capsys.readouterr()
    assert main(["fixtures", "update", "--rules", "pack"]) == 0
    assert "changed fixtures/kabar.example/page.rules: now --rules pack" in capsys.readouterr().err
    assert _kept(project) == {"rules": ["../../pack"]}
    assert main(["fixtures", "check"]) == 0


def test_a_fixture_added_with_no_builtin_rules_alone_keeps_it_and_passes_a_plain_check(
        project, capsys):
    assert _add("--no-builtin-rules") == 0
    assert _kept(project) == {"rules": [], "no_builtin_rules": True}
    assert "made with --no-builtin-rules, kept in" in capsys.readouterr().err
    # The shipped packs would make another record (its language found, for one).
    assert _expected(project)["meta"]["lang"] is None
    assert main(["fixtures", "check"]) == 0
    assert "1 fixture, 0 differ" in capsys.readouterr().err


def test_a_change_in_the_shipped_rules_leaves_a_no_builtin_rules_case_alone(project,
                                                                           monkeypatch, capsys):
    from cleaner import rulefile

    assert _add("--no-builtin-rules", "--name", "bare") == 0
    assert _add("--name", "plain") == 0
    assert main(["fixtures", "check"]) == 0
    # The shipped rules gain a pack for the site, which drops its promo line.
    shipped = rulefile.shipped_rule_files

    def with_the_pack(builtin: bool = True):
        return [*shipped(builtin), project / "pack" / "kabar.example.toml"] if builtin else []

    monkeypatch.setattr(rulefile, "shipped_rule_files", with_the_pack)
    capsys.readouterr()
    assert main(["fixtures", "check", "plain"]) == 1        # the change is seen by the plain case
    assert main(["fixtures", "check", "bare"]) == 0         # and not by the one made without
    assert "Promo" in _expected(project, "bare")["text"]


def test_an_update_given_the_kept_no_builtin_rules_leaves_the_kept_file(project, capsys):
    assert _add("--no-builtin-rules") == 0
    capsys.readouterr()
    assert main(["fixtures", "update", "--no-builtin-rules"]) == 0
    assert "page.rules" not in capsys.readouterr().err
    assert _kept(project) == {"rules": [], "no_builtin_rules": True}
    assert main(["fixtures", "check"]) == 0


def test_a_kept_file_of_no_builtin_rules_alone_reads_back_and_false_alone_is_refused(tmp_path):
    from cleaner.fixtures import RuleOptions, RuleOptionsError, read_rule_options, \
        rule_options_path

    raw = tmp_path / "fx" / "site" / "case.txt"
    raw.parent.mkdir(parents=True)
    rule_options_path(raw).write_text('{"no_builtin_rules": true}')
    assert read_rule_options(raw) == RuleOptions((), True, None)
    rule_options_path(raw).write_text('{"rules": [], "no_builtin_rules": false}')
    with pytest.raises(RuleOptionsError, match=r"case\.rules: no rule files, no language"):
        read_rule_options(raw)


@pytest.mark.parametrize("lang, read", [(" id ", "id"), ("  ", None), ("", None)])
def test_a_kept_language_is_read_as_the_lang_option_reads_one(tmp_path, lang, read):
    # (the option strips a code and refuses a blank one: a file kept by hand, the same)
    from cleaner.fixtures import RuleOptions, RuleOptionsError, read_rule_options, \
        rule_options_path

    raw = tmp_path / "fx" / "site" / "case.txt"
    raw.parent.mkdir(parents=True)
    rule_options_path(raw).write_text(f'{{"rules": [], "lang": "{lang}"}}')
    if read is None:
        with pytest.raises(RuleOptionsError, match="'lang' is not a language code"):
            read_rule_options(raw)
    else:
        assert read_rule_options(raw) == RuleOptions((), False, read)


@pytest.mark.parametrize("content", [b'{"no_builtin_rules": true, "builtin": false}',
                                     b'{"no_builtin_rules": 1}', b'{"no_builtin_rules": false}'])
def test_a_broken_kept_no_builtin_rules_fails_that_fixture_naming_it(project, capsys, content):
    assert _add("--no-builtin-rules") == 0
    (project / "fixtures" / "kabar.example" / "page.rules").write_bytes(content)
    capsys.readouterr()
    assert main(["fixtures", "check"]) == 1
    captured = capsys.readouterr()
    assert ("page.json: cannot clean the fixture: fixtures/kabar.example/page.rules: "
            in captured.out)
    assert "Traceback" not in captured.err
