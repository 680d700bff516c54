"""`cleaner rules check --rules mine/` on a folder of the user's own fixtures: the user's findings
first, the shipped rules that fire on none of those fixtures summed up in one line, not warnings."""

from __future__ import annotations

import json

import pytest

from cleaner import rules_check
from cleaner.cli import main
from conftest import ROOT

PACK = """[pack]
id = "kabar"
kind = "common"

[[rule]]
id = "kabar/promo"
action = "drop-line"
pattern = '^Salam hangat dari redaksi Kabar Contoh$'
remove = ["Salam hangat dari redaksi Kabar Contoh"]
"""
SILENT = """
[[rule]]
id = "kabar/footer"
action = "drop-line"
pattern = '^Kabar Contoh, terbit sejak 1999$'
remove = ["Kabar Contoh, terbit sejak 1999"]
"""
SUMMARY = "rules of the shipped packs fire on none of these fixtures"


@pytest.fixture
def user(tmp_path, monkeypatch):
    """A user's folder: their pack in mine/, one case of their site in ./fixtures."""
    (tmp_path / "mine").mkdir()
    case = tmp_path / "fixtures" / "kabar.example"
    case.mkdir(parents=True)
    (case / "one.txt").write_text("Isi berita yang cukup panjang untuk diuji di sini, dengan "
                                  "kalimat kedua.\n\nSalam hangat dari redaksi Kabar Contoh\n",
                                  encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _write(folder, body):
    (folder / "mine" / "kabar.example.toml").write_text(body, encoding="utf-8")


def _check(capsys, *extra):
    code = main(["rules", "check", "--rules", "mine", "--no-shadowing", "--slowest", "0",
                 *extra])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _fixture_lines(out):
    """The lines of the fixtures check: its verdict and what it lists."""
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("fixtures "))
    end = next(i for i in range(start + 1, len(lines)) if not lines[i].startswith("  "))
    return lines[start:end]


def test_the_users_warning_comes_first_and_the_shipped_rules_are_one_line(user, capsys):
    _write(user, PACK + SILENT)
    code, out, err = _check(capsys)
    assert code == 0
    verdict, first, *rest = _fixture_lines(out)
    assert verdict.startswith("fixtures   1 fixture document; ") and verdict.endswith("; 1 warning")
    assert first.startswith("  warning: ") and "kabar/footer: fires on no fixture" in first
    [summary] = [line for line in rest if SUMMARY in line]
    assert summary.startswith("  info: ") and "(--all-warnings lists them)" in summary
    # None of the shipped rules is listed one by one, as a warning or otherwise.
    assert not [line for line in rest if str(ROOT / "rules") in line]
    assert err.strip().endswith("0 errors, 1 warning")


def test_the_count_in_the_summary_is_the_shipped_rules_that_do_not_fire(user, capsys):
    _write(user, PACK)
    code, out, _ = _check(capsys, "--json")
    data = json.loads(out)
    shipped = [f for f in data["findings"] if f["check"] == "fixtures"]
    assert shipped and all(f["level"] == "info" for f in shipped)
    assert all(f["message"] == rules_check.SHIPPED_UNFIRED for f in shipped)
    assert data["warnings"] == 0
    code, text, _ = _check(capsys)
    assert f"info: {len(shipped)} {SUMMARY}" in text


def test_strict_fails_on_the_users_rules_alone(user, capsys):
    _write(user, PACK)
    assert _check(capsys, "--strict")[0] == 0       # their rule fires: nothing of theirs to fix
    _write(user, PACK + SILENT)
    assert _check(capsys, "--strict")[0] == 1       # one of theirs fires on none


def test_all_warnings_lists_each_shipped_rule(user, capsys):
    _write(user, PACK + SILENT)
    _, out, _ = _check(capsys, "--all-warnings")
    lines = _fixture_lines(out)
    listed = [line for line in lines if rules_check.SHIPPED_UNFIRED in line]
    assert len(listed) > 20 and all(line.startswith("  info: ") for line in listed)
    assert not [line for line in lines if SUMMARY in line]
    assert "kabar/footer: fires on no fixture" in lines[1]


def test_on_the_projects_own_fixtures_shipped_rules_still_warn(user, capsys, monkeypatch):
    _write(user, PACK + SILENT)
    monkeypatch.setattr(rules_check, "project_fixtures", lambda: (user / "fixtures").resolve())
    code, out, err = _check(capsys)
    verdict, first, second, *rest = _fixture_lines(out)
    assert "kabar/footer: fires on no fixture" in first         # the user's first all the same
    assert second.startswith(f"  warning: {ROOT / 'rules'}") and "fires on no fixture" in second
    assert not [line for line in rest if SUMMARY in line]
    assert _check(capsys, "--strict")[0] == 1


def test_the_project_fixtures_are_the_checkouts_however_named(tmp_path, monkeypatch):
    assert rules_check.project_fixtures() == (ROOT / "fixtures").resolve()
    monkeypatch.chdir(ROOT)
    assert rules_check.is_project_fixtures("fixtures")
    assert rules_check.is_project_fixtures("./rules/../fixtures/")
    (tmp_path / "link").symlink_to(ROOT / "fixtures")
    assert rules_check.is_project_fixtures(tmp_path / "link")
    assert not rules_check.is_project_fixtures(tmp_path)
    assert not rules_check.is_project_fixtures(tmp_path / "no such folder")


def test_an_installed_package_has_no_project_fixtures(tmp_path, monkeypatch):
    # Installed, the shipped rules sit in site-packages/cleaner/rules: no fixtures beside them,
    # so every folder is the user's (a fixtures.py module there is no folder).
    package = tmp_path / "site-packages" / "cleaner"
    (package / "rules").mkdir(parents=True)
    (package / "fixtures.py").write_text("")
    monkeypatch.setattr(rules_check, "builtin_rules_dir", lambda: package / "rules")
    assert rules_check.project_fixtures() is None
    assert not rules_check.is_project_fixtures(ROOT / "fixtures")


def test_a_users_pack_that_replaces_a_shipped_one_is_the_users(user, capsys):
    # A pack of the user's with a shipped pack's id takes its place: its rules are theirs, and
    # one that fires on none of their fixtures is a warning.
    _write(user, PACK.replace('id = "kabar"\nkind = "common"', 'id = "common"\nkind = "common"')
           .replace("kabar/", "common/") + SILENT.replace("kabar/", "common/"))
    code, out, _ = _check(capsys, "--json")
    data = json.loads(out)
    [warning] = [f for f in data["findings"] if f["check"] == "fixtures"
                 and f["level"] == "warning"]
    assert warning["where"] == "mine/kabar.example.toml: common/footer"


def test_the_project_fixtures_are_found_through_a_linked_rules_folder(tmp_path, monkeypatch):
    # An editable install whose cleaner/rules is a link to the checkout's rules/: the fixtures
    # beside the rules are the project's, not a user's folder named alike.
    package = tmp_path / "site-packages" / "cleaner"
    package.mkdir(parents=True)
    (package / "rules").symlink_to(ROOT / "rules")
    monkeypatch.setattr(rules_check, "builtin_rules_dir", lambda: package / "rules")
    assert rules_check.project_fixtures() == (ROOT / "fixtures").resolve()
    assert rules_check.is_project_fixtures(ROOT / "fixtures")
    (tmp_path / "linked").symlink_to(ROOT / "fixtures")
    assert rules_check.is_project_fixtures(tmp_path / "linked")
