"""`cleaner explain` of a fixture case made with rule options of its own (<case>.rules) shows it
as `cleaner fixtures check` cleans it: given no rule options, with those kept beside it, saying
so; given some, with them, noting the kept ones. A kept file that is broken, or names rules that
are gone, rejects that case naming the file, never a traceback."""

from __future__ import annotations

import contextlib
import io
import json
import shutil

import pytest

import test_fixture_rules_files
from cleaner.cli import main
from test_fixture_rules_files import _add
from test_fixtures_cli import PROMO_RULE as PACK, TEXT

CASE = "fixtures/kabar.example/page.txt"
PROMO = "[-Promo aplikasi kami gratis-]<kabar/promo>"

# The project folder of the tests of `fixtures add --rules`: a page, and a pack of one's own in
# pack/ (a fixture pytest finds by its name in this module too).
project = test_fixture_rules_files.project


def _summary_of_expected(root) -> str:
    """The closing line explain writes, for the case's expected record."""
    record = json.loads((root / "fixtures" / "kabar.example" / "page.json").read_text())
    removed = record["removed"]
    chars = sum(len(r["text"]) for r in removed)
    return (f"{len(removed)} removal{'s' * (len(removed) != 1)}, {chars} characters; "
            f"{len(record['text'])} characters of text kept")


def _explain(*args) -> int:
    return main(["explain", CASE, "--color", "never", *args])


def test_explain_of_a_case_added_with_rules_uses_them_and_says_so(project, capsys):
    assert _add("--rules", "pack/") == 0
    capsys.readouterr()
    assert _explain() == 0
    captured = capsys.readouterr()
    assert PROMO in captured.out
    assert captured.out.rstrip().splitlines()[-1].strip() == _summary_of_expected(project)
    assert (f"{CASE}: with the rule options kept in fixtures/kabar.example/page.rules "
            "(--rules pack), as a fixture is cleaned") in captured.err


def test_explain_of_a_case_added_with_no_builtin_rules_leaves_the_shipped_packs_out(project,
                                                                                  capsys):
    assert _add("--no-builtin-rules") == 0
    capsys.readouterr()
    assert _explain() == 0
    captured = capsys.readouterr()
    assert "\n   lang " not in captured.out        # no language pack found it Indonesian
    assert captured.out.rstrip().splitlines()[-1].strip() == _summary_of_expected(project)
    assert "(--no-builtin-rules), as a fixture is cleaned" in captured.err


def test_explain_given_rule_options_uses_them_noting_the_kept_ones(project, capsys):
    assert _add("--rules", "pack/") == 0
    capsys.readouterr()
    assert _explain("--no-builtin-rules") == 0
    captured = capsys.readouterr()
    assert PROMO not in captured.out and "Promo aplikasi kami gratis" in captured.out
    assert (f"{CASE}: its record was made with --rules pack (kept in "
            "fixtures/kabar.example/page.rules); explain given no rule options uses them"
            in captured.err)
    assert _explain("--rules", "./pack") == 0               # the same rules, spelt otherwise
    captured = capsys.readouterr()
    assert PROMO in captured.out and "made with" not in captured.err


def test_explain_of_a_case_kept_without_options_is_as_before(project, capsys):
    assert _add() == 0
    capsys.readouterr()
    assert _explain() == 0
    captured = capsys.readouterr()
    assert PROMO not in captured.out and "rule options" not in captured.err


@pytest.mark.parametrize("content", [
    b"not json", b"\xff\xfe\x00\x01", b"[]", b'{"rules": ["pack"], "include": ["x"]}',
    b'{"rules": 5}', b'{"no_builtin_rules": "yes"}', b'{"lang": "xx"}',
    b'{"rules": ["no-such-pack"]}'])
def test_explain_rejects_a_case_whose_kept_file_is_broken_naming_it(project, capsys, content):
    assert _add("--rules", "pack/") == 0
    (project / "fixtures" / "kabar.example" / "page.rules").write_bytes(content)
    (project / "other.txt").write_text("Isi berita lain hari ini di kota.\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["explain", CASE, "other.txt", "--color", "never"]) == 0   # the rest is shown
    captured = capsys.readouterr()
    assert f"cleaner: rejected {CASE}: " in captured.err and "page.rules" in captured.err
    assert "== other" in captured.out and "== page" not in captured.out
    assert "Traceback" not in captured.err
    assert _explain() == 1                                  # alone: nothing to show
    assert "no document to explain" in capsys.readouterr().err


def test_explain_rejects_a_case_whose_kept_rules_are_gone_saying_what_to_do(project, capsys):
    assert _add("--rules", "pack/") == 0
    shutil.rmtree(project / "pack")
    capsys.readouterr()
    assert _explain() == 1
    err = capsys.readouterr().err
    assert (f"rejected {CASE}: made with --rules ../../pack (kept in "
            "fixtures/kabar.example/page.rules)") in err
    assert "no such rule file or folder" in err and "give its rules with --rules" in err
    # Given the rules where they are now, it is shown with them.
    (project / "packs").mkdir()
    (project / "packs" / "kabar.example.toml").write_text(PACK, encoding="utf-8")
    assert _explain("--rules", "packs") == 0
    assert PROMO in capsys.readouterr().out


def test_explain_rejects_a_case_whose_kept_file_is_a_folder(project, capsys):
    assert _add("--rules", "pack/") == 0
    kept = project / "fixtures" / "kabar.example" / "page.rules"
    kept.unlink()
    kept.mkdir()
    capsys.readouterr()
    assert _explain() == 1
    assert "page.rules: cannot read the rule options" in capsys.readouterr().err


def _explained(*args) -> tuple[int, str, str]:
    """Exit status, stdout and stderr of an explain of notes.txt."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(["explain", "notes.txt", "--color", "never", *args])
    return status, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("content", [
    b"drop promo lines", b'{"rules": ["/etc"]}', b'{"rules": ["pack"]}', b'{"lang": "en"}',
    b'{"no_builtin_rules": true}', b"\xff\xfe\x00\x01", None])
@pytest.mark.parametrize("given", [(), ("--no-builtin-rules",)])
def test_explain_of_a_plain_file_leaves_a_rules_file_beside_it_alone(project, content, given):
    # No expected record (notes.json) beside it: no fixture case, so notes.rules is some other
    # file of that name, as `cleaner clean` takes it, whatever it holds (a folder too).
    (project / "notes.txt").write_text(TEXT, encoding="utf-8")
    alone = _explained(*given)
    assert alone[0] == 0 and "Promo aplikasi kami gratis" in alone[1]
    if content is None:
        (project / "notes.rules").mkdir()
    else:
        (project / "notes.rules").write_bytes(content)
    assert _explained(*given) == alone


@pytest.mark.parametrize("content", [b"{broken", b'{"url": "https://kabar.example/x"}'])
def test_explain_of_a_plain_file_leaves_an_input_json_beside_it_alone(project, content):
    # The fields stored beside a case (<case>.input.json) are read for a case only.
    (project / "notes.txt").write_text(TEXT, encoding="utf-8")
    alone = _explained()
    (project / "notes.input.json").write_bytes(content)
    assert _explained() == alone


def test_explain_of_a_file_with_its_expected_record_beside_it_uses_its_rules_file(project,
                                                                                   capsys):
    # A case outside a fixtures folder is a case all the same: an input beside its record.
    assert _add("--rules", "pack/") == 0
    folder = project / "fixtures" / "kabar.example"
    for suffix in (".txt", ".json", ".rules", ".input.json"):
        (folder / f"page{suffix}").rename(project / f"notes{suffix}")
    (project / "notes.rules").write_text('{"rules": ["pack"]}', encoding="utf-8")
    capsys.readouterr()
    status, out, err = _explained()
    assert status == 0 and PROMO in out
    assert "with the rule options kept in notes.rules (--rules pack)" in err
    (project / "notes.rules").write_bytes(b"drop promo lines")
    status, out, err = _explained()
    assert status == 1 and "rejected notes.txt: notes.rules: cannot read the rule options" in err
