"""`cleaner rules check`: schema with reasons, ids, examples, firing on fixtures, shadowing, engine, timing."""

from __future__ import annotations

import json

import pytest

from cleaner.cli import main

HEAD = '[pack]\nid = "{id}"\nkind = "common"\n'
RELATED = """
[[rule]]
id = "t/related"
action = "drop-line"
pattern = '^Baca juga\\s*:.*$'
remove = ["Baca juga: Judul lain"]
keep = ["Baca juga buku itu."]
"""
SHADOWED = """
[[rule]]
id = "t/related-colon"
description = "narrower than t/related, which comes first"
action = "drop-line"
pattern = '^Baca juga: \\S.*$'
remove = ["Baca juga: Judul ketiga"]
"""
PROMO = """
[[rule]]
id = "t/promo"
action = "drop-line"
pattern = '^Ikuti kami di aplikasi$'
remove = ["Ikuti kami di aplikasi"]
"""


def _rules(tmp_path, name, body, pack_id=None):
    path = tmp_path / "rules" / f"{name}.toml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(HEAD.format(id=pack_id or name) + body, encoding="utf-8")
    return path


def _fixtures(tmp_path):
    folder = tmp_path / "fixtures" / "kabar.example"
    folder.mkdir(parents=True)
    (folder / "one.txt").write_text("Isi berita yang cukup panjang untuk diuji di sini.\n\n"
                                    "Baca juga: Judul lain\n", encoding="utf-8")
    return tmp_path / "fixtures"


def _check(tmp_path, capsys, *extra):
    code = main(["rules", "check", "--no-builtin-rules", "--rules", str(tmp_path / "rules"),
                 "--fixtures", str(_fixtures(tmp_path)), "--json", *extra])
    captured = capsys.readouterr()
    return code, json.loads(captured.out), captured.err


def _findings(data, check):
    return [f for f in data["findings"] if f["check"] == check]


def test_clean_packs_pass_with_warnings_only(tmp_path, capsys):
    _rules(tmp_path, "a", RELATED + SHADOWED + PROMO)
    code, data, err = _check(tmp_path, capsys)
    assert code == 0 and data["errors"] == 0
    assert "0 failing examples" in err
    [shadow] = _findings(data, "shadowing")
    assert shadow["where"].endswith("t/related-colon") and "t/related" in shadow["message"]
    silent = {f["where"].split(": ")[-1] for f in _findings(data, "fixtures")}
    assert silent == {"t/related-colon", "t/promo"}           # t/related fires on the fixture
    assert set(data["timings_us"]) == {"t/related", "t/related-colon", "t/promo"}
    assert data["fixture_documents"] == 1


def test_strict_makes_warnings_fail(tmp_path, capsys):
    _rules(tmp_path, "a", RELATED + PROMO)
    assert _check(tmp_path, capsys, "--strict")[0] == 1


def test_duplicate_ids_and_reused_aliases_are_errors(tmp_path, capsys):
    _rules(tmp_path, "a", RELATED)
    _rules(tmp_path, "b", RELATED.replace('id = "t/related"', 'id = "t/other"\naliases = ["t/related"]')
           + PROMO + PROMO.replace("Ikuti kami", "Unduh aplikasi kami").replace("Ikuti", "Unduh"))
    code, data, _ = _check(tmp_path, capsys)
    assert code == 1
    messages = [f["message"] for f in _findings(data, "ids")]
    assert any("alias 't/related' is already used by t/related" in m for m in messages)
    assert any("id 't/promo' is already used by t/promo" in m for m in messages)


def test_a_pattern_that_can_backtrack_is_rejected_with_the_reason(tmp_path, capsys):
    _rules(tmp_path, "a", RELATED)
    _rules(tmp_path, "b", "[[rule]]\nid = \"t/look\"\naction = \"drop-line\"\n"
                          "pattern = '^(?=Baca)(\\w+)\\1$'\nremove = [\"BacaBaca\"]\n")
    code, data, _ = _check(tmp_path, capsys)
    assert code == 1
    [schema] = _findings(data, "schema")
    assert schema["where"].endswith("b.toml: t/look")
    assert "rejected by the linear-time engine (RE2)" in schema["message"]
    assert "look-around and back-references can backtrack" in schema["message"]
    # The broken file does not hide the others: the good pack is still checked (the broken
    # file's pack is loaded without its broken rule).
    assert data["packs"] == 2 and data["rules"] == 1 and "t/related" in data["timings_us"]


def test_failing_examples_are_errors(tmp_path, capsys):
    _rules(tmp_path, "a", RELATED.replace('keep = ["Baca juga buku itu."]',
                                          'keep = ["Baca juga: ini dihapus"]'))
    code, data, _ = _check(tmp_path, capsys)
    assert code == 1
    [failure] = _findings(data, "examples")
    assert "fires on keep example 'Baca juga: ini dihapus'" in failure["message"]


def test_text_output_groups_findings_by_check(tmp_path, capsys):
    _rules(tmp_path, "a", RELATED + SHADOWED)
    code = main(["rules", "check", "--no-builtin-rules", "--rules", str(tmp_path / "rules"),
                 "--fixtures", str(_fixtures(tmp_path))])
    out = capsys.readouterr().out
    assert code == 0
    for heading in ("schema ", "ids ", "examples ", "fixtures ", "shadowing ", "engine ",
                    "timing "):
        assert any(line.startswith(heading) for line in out.splitlines()), heading
    assert "1 fixture document; 1 of 2 rules fires on at least one" in out
    assert "2 patterns run on RE2 (linear time, no backtracking)" in out


def test_missing_fixtures_folder_is_a_usage_error(tmp_path, capsys):
    _rules(tmp_path, "a", RELATED)
    assert main(["rules", "check", "--no-builtin-rules", "--rules", str(tmp_path / "rules"),
                 "--fixtures", str(tmp_path / "nope")]) == 2


def test_fixtures_skipped_say_why(tmp_path, capsys, monkeypatch):
    _rules(tmp_path, "a", RELATED)
    (tmp_path / "fixtures").mkdir()
    monkeypatch.chdir(tmp_path)
    args = ["rules", "check", "--no-builtin-rules", "--rules", str(tmp_path / "rules")]
    main([*args, "--no-fixtures"])
    assert "fixtures   skipped (--no-fixtures)" in capsys.readouterr().out
    (tmp_path / "fixtures").rmdir()
    main(args)
    assert "fixtures   skipped (no fixtures folder)" in capsys.readouterr().out


def test_a_failing_case_whose_rule_did_not_fire_says_so(tmp_path, capsys):
    cases = ('cases = [{input = "Isi berita.\\nBaca juga Judul lain", output = "Isi berita."},\n'
             '         {input = "Baca juga: Judul\\nIsi", output = "Isi\\n"}]\n')
    _rules(tmp_path, "a", RELATED.replace('keep = ["Baca juga buku itu."]\n', cases))
    code, data, _ = _check(tmp_path, capsys)
    assert code == 1
    unfired, fired = (f["message"] for f in _findings(data, "examples"))
    assert unfired.startswith("case 'Isi berita.\\nBaca juga Judul lain': the rule did not fire "
                              "on the input; output ")
    # A case the rule fires on is told by its output alone.
    assert fired.startswith("case 'Baca juga: Judul\\nIsi': output ")
    assert "did not fire" not in fired


def test_a_domain_two_site_packs_claim_is_an_error_as_in_a_run(tmp_path, capsys):
    site = '[pack]\nid = "{id}"\ndomains = ["kabar.example"]\n'
    for name, body in (("a", RELATED), ("b", PROMO)):
        path = tmp_path / "rules" / f"{name}.toml"
        path.parent.mkdir(exist_ok=True)
        path.write_text(site.format(id=name) + body, encoding="utf-8")
    code, data, _ = _check(tmp_path, capsys)
    assert code == 1
    [error] = [f for f in _findings(data, "schema") if f["level"] == "error"]
    assert error["where"] == str(tmp_path / "rules" / "b.toml")
    assert "domain 'kabar.example' is already claimed by" in error["message"]
    assert "shipped" not in error["message"]            # (two packs of the user's)


def test_timing_leaves_out_the_first_pass_that_builds_the_automaton(monkeypatch):
    # (RE2 builds its states on the first lines it meets: 40 ms against 0.02 once warm)
    import cleaner.rules_check as rules_check

    now = [0.0]

    class Regex:
        calls = 0

        def search(self, line):
            Regex.calls += 1
            now[0] += 1.0 if Regex.calls <= 3 else 0.001      # the first pass over 3 lines

    class Rule:
        id, regex = "t/slow-start", Regex()

    class Pack:
        rules = (Rule(),)

    monkeypatch.setattr(rules_check.time, "perf_counter", lambda: now[0])
    timings = rules_check.time_rules([Pack()], ["a\nb\nc"], repeat=2)
    assert timings["t/slow-start"] == pytest.approx(0.003)
    assert Regex.calls == 9


def test_json_findings_about_one_rule_name_it_in_their_rule_field(tmp_path, capsys):
    # "rule" was null for an example's or an id's finding, the rule named in "where" alone.
    _rules(tmp_path, "a", RELATED.replace('keep = ["Baca juga buku itu."]',
                                          'keep = ["Baca juga: buku itu."]') + SHADOWED)
    code, data, _ = _check(tmp_path, capsys)
    assert code == 1
    [example] = _findings(data, "examples")
    assert example["rule"] == "t/related"
    [shadow] = _findings(data, "shadowing")
    assert shadow["rule"] == "t/related-colon"
    assert all(f["rule"] is None for f in _findings(data, "engine"))
