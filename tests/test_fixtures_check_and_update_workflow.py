"""The fixtures workflow as a user keeping regression fixtures meets it (an acceptance run): an
update without CASE that would accept several changes, a pytest of one's own folder, the diff of a
metadata change, a kept rule file that does not load, a renamed rule, two --id, a missing or
broken expected record."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleaner.cli import main
from cleaner.fixtures import clean_fixture, dump_record, expected_path, fixture_problem, record_diff
from cleaner.pipeline import Cleaner

PACK = """[pack]
name = "Berita Contoh"
lang = "id"
domains = ["berita-contoh.example"]

[[rule]]
id = "contoh/dateline-title"
action = "meta"
where = "head"
pattern = '^BeritaContoh\\s*-\\s*(?P<title>[^.]+)$'
set = { source = "Berita Contoh" }
remove = ["BeritaContoh - Banjir Rendam Desa"]

[[rule]]
id = "contoh/code-tail"
action = "drop-span"
where = "tail"
pattern = '\\S\\s+(?P<cut>\\[\\s*[a-z]{2,5}\\s*\\])\\s*$'
remove = ["kata dia. [abc]"]
"""
A1 = ("BeritaContoh - Banjir Rendam Desa Sukamaju\n\n"
      "Hujan deras sejak Senin malam membuat sungai di Desa Sukamaju meluap dan merendam "
      "ratusan rumah warga.\n\n"
      "Kepala desa mengatakan warga telah mengungsi ke balai desa dan sekolah terdekat, "
      "demikian Reuters.\n\n"
      "Bantuan makanan dan selimut mulai datang pada Selasa pagi. [abc]\n")
A2 = ("BeritaContoh - Harga Cabai Naik Lagi\n\n"
      "Harga cabai rawit di pasar tradisional naik dua kali lipat dalam sepekan terakhir.\n\n"
      "Pedagang menyebut pasokan dari petani berkurang karena cuaca buruk. (xyz)\n")
# An unintended regression (it drops an article line of a1) ...
REUTERS = """
[[rule]]
id = "contoh/reuters-credit"
action = "drop-line"
where = "tail"
pattern = 'demikian Reuters\\.?$'
remove = ["demikian Reuters."]
"""
# ... and the intended change: the code rule takes round brackets too, '(xyz)' of a2.
OLD_CUT, NEW_CUT = "(?P<cut>\\[\\s*[a-z]{2,5}\\s*\\])", "(?P<cut>[\\[(]\\s*[a-z]{2,5}\\s*[\\])])"
SITE = "berita-contoh.example"


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A user's folder: rules/ with a site pack, fixtures/ with a1 and a2 added with it."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "rules" / "sites").mkdir(parents=True)
    _pack().write_text(PACK, encoding="utf-8")
    for name, text in (("a1", A1), ("a2", A2)):
        Path(f"{name}.txt").write_text(text, encoding="utf-8")
        assert main(["fixtures", "add", f"{name}.txt", "--site", SITE, "--new-site", "--rules",
                     "rules/", "--no-builtin-rules", "--color", "never"]) == 0
    return tmp_path


def _pack() -> Path:
    return Path("rules/sites/berita-contoh.example.toml")


def _edit(old: str, new: str) -> None:
    text = _pack().read_text(encoding="utf-8")
    assert old in text
    _pack().write_text(text.replace(old, new), encoding="utf-8")


def _expected(name: str) -> Path:
    return Path("fixtures") / SITE / f"{name}.json"


def _run(capsys, *args) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["fixtures", *args, "--color", "never"])
    out, err = capsys.readouterr()
    return code, out, err


def _regression_and_intended_change() -> None:
    _pack().write_text(_pack().read_text(encoding="utf-8") + REUTERS, encoding="utf-8")
    _edit(OLD_CUT, NEW_CUT)


# 1. An update without CASE does not accept every change at once unasked.

def test_check_names_each_differing_case_with_what_changes(project, capsys):
    _regression_and_intended_change()
    code, _, err = _run(capsys, "check")
    assert code == 1
    summary = err[err.index("2 fixtures"):]
    assert "a1: " in summary and "a2: " in summary
    assert "1 line of text lost" in summary and "now fires contoh/reuters-credit" in summary
    assert "1 line of text changed" in summary or "now fires contoh/code-tail" in summary
    # the hint: one case at a time, and --all spelt out for every one
    assert "`cleaner fixtures update CASE...`" in summary and "--all" in summary
    assert "`cleaner fixtures update`" not in summary


def test_an_update_without_case_that_would_rewrite_several_rewrites_none(project, capsys):
    before = {name: _expected(name).read_text(encoding="utf-8") for name in ("a1", "a2")}
    _regression_and_intended_change()
    code, _, err = _run(capsys, "update")
    assert code == 2
    assert {name: _expected(name).read_text(encoding="utf-8") for name in ("a1", "a2")} == before
    assert "nothing was rewritten" in err
    assert "a1: " in err and "1 line of text lost" in err and "contoh/reuters-credit" in err
    assert "`cleaner fixtures update a1`" in err or "update CASE" in err
    # the same for check --update
    code, _, err = _run(capsys, "check", "--update")
    assert code == 2 and "nothing was rewritten" in err
    assert _expected("a1").read_text(encoding="utf-8") == before["a1"]


def test_the_safe_way_rewrites_the_case_named_and_all_rewrites_every_one(project, capsys):
    before_a1 = _expected("a1").read_text(encoding="utf-8")
    _regression_and_intended_change()
    code, _, err = _run(capsys, "update", "a2")
    assert code == 0 and "1 expected record rewritten" in err
    assert _expected("a1").read_text(encoding="utf-8") == before_a1
    assert "(xyz)" not in json.loads(_expected("a2").read_text(encoding="utf-8"))["text"]
    code, _, err = _run(capsys, "update", "--all", "--accept-loss")
    assert code == 0 and "Kepala desa" not in json.loads(
        _expected("a1").read_text(encoding="utf-8"))["text"]


def test_one_differing_case_is_named_in_the_hint_and_updated_without_case(project, capsys):
    _edit(OLD_CUT, NEW_CUT)
    code, _, err = _run(capsys, "check")
    assert code == 1 and "`cleaner fixtures update a2`" in err
    code, _, err = _run(capsys, "update")
    assert code == 0 and "1 expected record rewritten" in err


# 2. The function a user's pytest calls cleans a case with its kept rule options.

def test_clean_fixture_honours_the_cases_rules_file(project):
    raw = Path("fixtures") / SITE / "a1.txt"
    cleaner = Cleaner()             # what the project's tests/test_fixtures.py passes
    assert dump_record(clean_fixture(cleaner, raw)) == expected_path(raw).read_text(
        encoding="utf-8")
    assert fixture_problem(cleaner, raw) is None
    _regression_and_intended_change()
    assert dump_record(clean_fixture(Cleaner(), raw)) != expected_path(raw).read_text(
        encoding="utf-8")
    problem = fixture_problem(Cleaner(), raw)
    assert problem is not None and "-Kepala desa" in problem
    # as given, when asked: the cleaner's own rules alone
    plain = clean_fixture(Cleaner(rules=["rules/"], builtin=False), raw, kept_rules=False)
    assert "Kepala desa" not in plain["text"]


# 3. A metadata-only change: no whole text as context, and the changed removal's rule named.

def test_a_metadata_change_shows_no_text_line_and_names_the_removals_rule(project, capsys):
    _edit("(?P<title>[^.]+)", "(?P<category>[^.]+)")
    code, out, _ = _run(capsys, "check", "a1")
    assert code == 1
    assert max(map(len, out.splitlines())) < 200
    assert '"text": ' not in out or "unchanged" in out
    fields_hunk = [h for h in out.split("@@ -") if '+        "category"' in h][0]
    assert "contoh/dateline-title" in fields_hunk


def test_record_diff_collapses_an_unchanged_text_even_beside_a_change():
    record = {"id": "a", "text": "x" * 3000, "meta": {"title": "T"}, "removed": [], "flags": []}
    before = dump_record(record)
    after = dump_record({**record, "meta": {"title": "U"}})
    diff = record_diff(before, after, "a.json")
    assert '-    "title": "T"' in diff and "x" * 100 not in diff


# 4. A kept rule file that does not load: said once, no advice to delete .rules.

def test_a_broken_kept_rule_file_is_reported_once_without_advice_to_delete(project, capsys):
    _edit('remove = ["BeritaContoh - Banjir Rendam Desa"]', 'remove = ["BeritaContoh - Ba"')
    code, out, err = _run(capsys, "check")
    assert code == 1
    assert (out + err).count("not valid TOML") == 1
    assert "delete" not in out + err
    assert "a1" in err and "a2" in err


def test_kept_rules_that_are_gone_still_advise_giving_them_or_deleting(project, capsys):
    _pack().rename("elsewhere.toml")
    Path("rules/sites").rmdir()
    Path("rules").rmdir()
    code, out, err = _run(capsys, "check")
    assert code == 1 and "delete" in out + err


# 5. A renamed rule keeping its old id in aliases: fixtures naming the old id still count.

def test_fixtures_naming_an_alias_still_hold(project, capsys):
    _edit('id = "contoh/code-tail"', 'id = "contoh/editor-code-tail"\naliases = ["contoh/code-tail"]')
    code, _, err = _run(capsys, "check")
    assert code == 0, err
    raw = Path("fixtures") / SITE / "a1.txt"
    assert fixture_problem(Cleaner(), raw) is None


def test_an_alias_with_another_change_shows_only_the_other_change(project, capsys):
    _edit('id = "contoh/code-tail"', 'id = "contoh/editor-code-tail"\naliases = ["contoh/code-tail"]')
    _edit("(?P<title>[^.]+)", "(?P<category>[^.]+)")
    code, out, _ = _run(capsys, "check", "a1")
    assert code == 1 and '-      "rule": "contoh/code-tail"' not in out


# 6. Two --id: refused, nothing added.

def test_two_ids_to_fixtures_add_are_refused(tmp_path, capsys):
    dump = tmp_path / "dump.jsonl"
    dump.write_text("".join(json.dumps({"id": k, "url": f"https://{SITE}/{k}", "text": t}) + "\n"
                            for k, t in (("k1", "Harga beras naik lagi di pasar induk."),
                                         ("k2", "Warga membersihkan saluran air."))),
                    encoding="utf-8")
    code = main(["fixtures", "add", str(dump), "--id", "k1", "--id", "k2", "--site", SITE,
                 "--new-site", "--root", str(tmp_path / "fx"), "--color", "never"])
    err = capsys.readouterr().err
    assert code == 2 and "k1" in err and "k2" in err
    assert not (tmp_path / "fx").exists()


# 7. An expected record missing or not JSON is named as such.

def test_a_missing_or_broken_expected_record_is_named(project, capsys):
    _expected("a2").unlink()
    broken = _expected("a1").read_text(encoding="utf-8").replace('"flags": [],', '"flags": [],,')
    _expected("a1").write_text(broken, encoding="utf-8")
    code, out, err = _run(capsys, "check")
    assert code == 1
    assert "a2.json: no expected record" in out + err and "cleaner fixtures add" in out + err
    assert "a1.json: expected record is not JSON" in out + err and "line 3" in out + err
    assert "--- berita-contoh.example/a2.json" not in out     # not a whole record as added lines
    code, out, err = _run(capsys, "update", "a1", "a2")
    assert code == 0
    assert "a2.json had no expected record" in err and "a1.json was not JSON" in err
    json.loads(_expected("a1").read_text(encoding="utf-8"))


def test_check_names_a_rule_whose_removals_changed_beside_a_changed_field(project, capsys):
    # (acceptance run s48: a changed span of one rule beside a changed field was summed up as
    # the field alone, and a changed span alone as "removed changed", naming no rule)
    _edit('set = { source = "Berita Contoh" }', 'set = { source = "Berita Contoh Baru" }')
    # (the code's closing bracket now kept: a span of the rule's changes, and a line with it)
    _edit("\\s*\\])\\s*$", "\\s*)\\]\\s*$")
    code, _, err = _run(capsys, "check")
    assert code == 1
    summary = err[err.index("2 fixtures"):]
    [a1] = [line for line in summary.splitlines() if line.strip().startswith("a1: ")]
    assert "meta source (contoh/dateline-title)" in a1
    assert "removals by contoh/code-tail changed" in a1


def test_each_command_takes_the_fixtures_folder_by_the_other_ones_name_too(project, capsys):
    # `rules check --fixtures DIR` and `fixtures check --root DIR` name one folder: a user of
    # one (acceptance run s48) gave the other its name, and argparse refused it.
    Path("fixtures").rename("mine")
    code, _, err = _run(capsys, "check", "--fixtures", "mine")
    assert code == 0, err
    capsys.readouterr()
    assert main(["rules", "check", "--rules", "rules/", "--no-builtin-rules", "--root", "mine",
                 "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["expected_records"] == 2
