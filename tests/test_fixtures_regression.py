"""The fixture regression as a user keeping regression tests meets it (an acceptance run): an
update that would take article lines out of an expected text is refused unless told
(--accept-loss); a check names the rule sets its cases were cleaned with when they differ; the
summary names the rule behind each lost line and each changed metadata field; a diff's @@ line
names the removal its hunk changes; a rule id no loaded rule has is named with the alias that
keeps it; --json; a broken expected record is said to be broken."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleaner.cli import main
from cleaner.fixtures import dump_record, fixture_problem, record_diff
from cleaner.pipeline import Cleaner

SITE = "berita-contoh.example"
PACK = """[pack]
name = "Berita Contoh"
lang = "id"
domains = ["berita-contoh.example"]

[[rule]]
id = "contoh/dateline-title"
action = "meta"
where = "head"
pattern = '^BeritaContoh\\s*-\\s*(?P<title>[^.]+)$'
remove = ["BeritaContoh - Banjir Rendam Desa"]

[[rule]]
id = "contoh/byline"
action = "meta"
where = "edges"
pattern = '^Penulis:\\s*(?P<author>[^|]+?)\\s*\\|\\s*Editor:\\s*(?P<editor>.+)$'
remove = ["Penulis: Ani Lestari | Editor: Budi Santoso"]

[[rule]]
id = "contoh/read-next"
action = "drop-line"
pattern = '^Baca\\s+Selanjutnya\\s*:\\s*\\S.*$'
remove = ["Baca Selanjutnya: Harga Emas Naik"]

[[rule]]
id = "contoh/code-tail"
action = "drop-span"
where = "tail"
pattern = '\\S\\s+(?P<cut>\\[\\s*[a-z]{2,5}\\s*\\])\\s*$'
remove = ["kata dia. [abc]"]
"""
A1 = ("BeritaContoh - Banjir Rendam Desa Sukamaju\n\n"
      "Penulis: Ani Lestari | Editor: Budi Santoso\n\n"
      "Hujan deras sejak Senin malam membuat sungai di Desa Sukamaju meluap.\n\n"
      "Baca selengkapnya laporan itu di situs resmi BPBD, kata kepala desa.\n\n"
      "Baca Selanjutnya: Harga Cabai Naik\n\n"
      "Bantuan makanan dan selimut mulai datang pada Selasa pagi. (abc)\n")
# The line the loosened read-next rule eats: line 7 of the input.
EATEN = "Baca selengkapnya laporan itu di situs resmi BPBD, kata kepala desa."
LOOSE = ("'^Baca\\s+Selanjutnya\\s*:\\s*\\S.*$'", "'^Baca\\s+(?:Selanjutnya|selengkapnya)\\b.*$'")
# An intended change that cuts a span from a line, '(abc)', and loses no line.
ROUND = ("(?P<cut>\\[\\s*[a-z]{2,5}\\s*\\])", "(?P<cut>[\\[(]\\s*[a-z]{2,5}\\s*[\\])])")


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A user's folder: rules/ with a site pack, fixtures/ with a1 added with it."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "rules" / "sites").mkdir(parents=True)
    _pack().write_text(PACK, encoding="utf-8")
    Path("a1.txt").write_text(A1, encoding="utf-8")
    assert main(["fixtures", "add", "a1.txt", "--site", SITE, "--new-site", "--rules",
                 "rules/", "--no-builtin-rules", "--color", "never"]) == 0
    return tmp_path


def _pack() -> Path:
    return Path("rules/sites/berita-contoh.example.toml")


def _edit(old: str, new: str) -> None:
    text = _pack().read_text(encoding="utf-8")
    assert old in text, old
    _pack().write_text(text.replace(old, new, 1), encoding="utf-8")


def _expected(name: str = "a1") -> Path:
    return Path("fixtures") / SITE / f"{name}.json"


def _run(capsys, *args) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["fixtures", *args, "--color", "never"])
    out, err = capsys.readouterr()
    return code, out, err


# 1. An update that takes article lines out of an expected text asks to be told.

@pytest.mark.parametrize("command", [("update", "a1"), ("update", "--all"),
                                     ("check", "--update", "a1")])
def test_an_update_that_loses_an_article_line_is_refused_naming_line_and_rule(
        project, capsys, command):
    before = _expected().read_text(encoding="utf-8")
    _edit(*LOOSE)
    code, _, err = _run(capsys, *command)
    assert code == 1
    assert _expected().read_text(encoding="utf-8") == before
    assert "line 7, now removed by contoh/read-next: " + EATEN in err
    assert "--accept-loss" in err and "0 expected records rewritten" in err


def test_accept_loss_rewrites_the_case(project, capsys):
    _edit(*LOOSE)
    code, _, err = _run(capsys, "update", "a1", "--accept-loss")
    assert code == 0 and "1 expected record rewritten" in err
    assert EATEN not in json.loads(_expected().read_text(encoding="utf-8"))["text"]


def test_the_check_names_the_lost_line_and_its_rule_and_the_flag_its_update_needs(
        project, capsys):
    _edit(*LOOSE)
    code, _, err = _run(capsys, "check")
    assert code == 1
    assert "a1: 1 line of text lost (line 7, contoh/read-next)" in err
    assert "unless also given --accept-loss" in err


def test_a_span_cut_from_a_line_is_a_changed_line_and_updates_as_before(project, capsys):
    _edit(*ROUND)
    code, _, err = _run(capsys, "check")
    assert code == 1 and "a1: 1 line of text changed" in err and "lost" not in err
    code, _, err = _run(capsys, "update", "a1")
    assert code == 0 and "1 expected record rewritten" in err


def test_a_gain_of_text_updates_as_before(project, capsys):
    _edit(LOOSE[0], "'^Baca\\s+Selanjutnya\\s*:\\s*Harga\\s+Emas.*$'")
    code, _, err = _run(capsys, "check")
    # (named with the rule that removed it before, as a lost line is with the one removing it)
    assert code == 1 and "1 line of text gained (removed before by contoh/read-next)" in err
    code, _, err = _run(capsys, "update", "a1")
    assert code == 0 and "1 expected record rewritten" in err


def test_a_span_no_longer_cut_from_a_line_is_a_changed_line_not_a_loss(project, capsys):
    """A line the new record holds whole with text added (a rule that stops cutting a span,
    given a valid_from): it was "1 line of text lost" and "1 gained", and the update refused
    as taking article text, though no rule took any."""
    _edit(*ROUND)
    assert _run(capsys, "update", "a1")[0] == 0
    _edit(ROUND[1], ROUND[0])
    code, _, err = _run(capsys, "check")
    assert code == 1 and "a1: 1 line of text changed" in err and "lost" not in err
    code, _, err = _run(capsys, "update", "a1")
    assert code == 0 and "1 expected record rewritten" in err
    assert "(abc)" in json.loads(_expected().read_text(encoding="utf-8"))["text"]


def test_a_drop_tail_names_the_first_line_it_now_takes(project, capsys):
    _edit('action = "drop-line"', 'action = "drop-tail"')
    code, _, err = _run(capsys, "check")
    assert code == 1
    assert "1 line of text lost (line 11, contoh/read-next)" in err


# 2. A check names the rule sets its cases were cleaned with, when they differ.

def test_a_plain_check_says_which_cases_used_their_own_rules(project, capsys):
    Path("b.txt").write_text("Hujan deras membuat sungai meluap di Desa Sukamaju pagi ini.\n",
                             encoding="utf-8")
    assert main(["fixtures", "add", "b.txt", "--site", "misc", "--color", "never"]) == 0
    code, _, err = _run(capsys, "check")
    assert code == 0
    assert ("2 fixtures, 0 differ from their expected records; 1 case cleaned with the shipped "
            "rules, 1 with its own .rules (--rules rules --no-builtin-rules)") in err
    code, _, err = _run(capsys, "check", "--rules", "rules/")
    assert ("; every case cleaned with the rules given (--rules rules/), over the options 1 "
            "case keeps in .rules (a1)") in err


def test_cases_cleaned_alike_say_nothing_of_rule_sets(project, capsys):
    code, _, err = _run(capsys, "check")
    assert code == 0 and err.startswith("1 fixture, 0 differ") and "shipped" not in err


# 3. A metadata change names the rules that filled each field.

def test_a_metadata_change_names_the_rule_of_each_field(project, capsys):
    _edit("(?P<author>[^|]+?)", "(?P<TMP>[^|]+?)")
    _edit("(?P<editor>.+)", "(?P<author>.+)")
    _edit("(?P<TMP>", "(?P<editor>")
    code, _, err = _run(capsys, "check")
    assert code == 1
    assert "a1: meta authors (contoh/byline), editors (contoh/byline)" in err
    # --json gives the values too (it gave the rules alone, as `was` and `now`)
    code, out, _ = _run(capsys, "check", "--json")
    [authors, editors] = json.loads(out)["cases"][0]["meta"]
    assert authors == {"field": "authors", "was": ["Ani Lestari"], "now": ["Budi Santoso"],
                       "was_by": "contoh/byline", "now_by": "contoh/byline"}
    assert (editors["was"], editors["now"]) == (["Budi Santoso"], ["Ani Lestari"])


# 4. A diff's @@ line names the removal its hunk changes, not a neighbour.

def _record(removed: list) -> str:
    return dump_record({"id": "a", "text": "x", "meta": {}, "removed": removed})


def _removal(rule: str, text: str, line: int, fields: tuple = ("location",)) -> dict:
    return {"rule": rule, "text": text, "line": line, "col": 0, "action": "meta",
            "fields": list(fields)}


def test_a_hunk_adding_a_removal_is_not_headed_by_its_neighbour():
    # The removal added ends as the one before it does (`"location"`, `]`, `}`): difflib shows
    # that one's closing lines as the ones added, which belong to no change of it (_BRACKETS).
    video = {"rule": "id/video-heading", "text": "Video", "line": 20, "col": 0,
             "action": "drop-line"}
    dateline = _removal("site/dateline", "JAKARTA, KOMPAS.com -", 3)
    added = _removal("site/byline", "Oleh Ani", 13)
    diff = record_diff(_record([video, dateline]), _record([video, dateline, added]), "a.json")
    headers = [line for line in diff.splitlines() if line.startswith("@@")]
    assert headers and not any("site/dateline" in header for header in headers)
    assert '+      "rule": "site/byline",' in diff


def test_a_hunk_deleting_a_removal_is_not_headed_by_the_one_before():
    title = _removal("header/title", "Chuvas deixam 41 bairros", 1, ["title"])
    byline = _removal("pt/byline", "Por Beatriz Carvalho, da Redação", 3, ["authors"])
    stamp = _removal("pt/date-stamp", "Publicado em 09/09/2025", 4, ["date"])
    ad = {"rule": "pt/ad-marker", "text": "Publicidade", "line": 6, "col": 0,
          "action": "drop-line"}
    diff = record_diff(_record([title, byline, stamp, ad]), _record([title, stamp, ad]),
                       "a.json")
    assert "in the removal by header/title" not in diff and '-      "rule": "pt/byline"' in diff


def test_a_hunk_naming_a_rule_for_another_removal_still_names_the_one_it_changes():
    # The changed removal's "rule" line was out of view, and the added removal's by the same
    # rule, in view, counted for it: the @@ line named no rule.
    roundup = {"rule": "x/roundup", "text": "Related Roundup: Watch", "line": 7, "col": 0,
               "action": "drop-line"}
    guide = {"rule": "x/roundup", "text": "Buyer's Guide: Watch", "line": 9, "col": 0,
             "action": "meta"}
    taken = {**roundup, "action": "meta", "fields": ["category"]}
    diff = record_diff(_record([roundup]), _record([taken, guide]), "a.json")
    [header] = [line for line in diff.splitlines() if line.startswith("@@")]
    assert header.endswith(" in the removal by x/roundup"), diff
    assert '"rule": "x/roundup"' in diff      # (the added removal's, in view)


# 5. A rule renamed without an alias is named, with the alias that would keep it.

def test_a_renamed_rule_without_alias_is_named_by_check_and_update(project, capsys):
    _edit('id = "contoh/read-next"', 'id = "contoh/next-teaser"')
    hint = ('rule id contoh/read-next is no longer loaded: renamed? add aliases = '
            '["contoh/read-next"] to the rule that replaces it')
    code, _, err = _run(capsys, "check")
    assert code == 1 and hint in err
    assert "rule id contoh/read-next no longer loaded" in err
    code, _, err = _run(capsys, "update", "a1")
    assert hint in err and "drops it" in err
    # with the alias, nothing is said
    _edit('id = "contoh/next-teaser"', 'id = "contoh/next-teaser"\naliases = ["contoh/read-next"]')
    code, _, err = _run(capsys, "check")
    assert code == 0 and "no longer loaded" not in err


def test_fixture_problem_names_a_rule_renamed_without_alias(project):
    _edit('id = "contoh/read-next"', 'id = "contoh/next-teaser"')
    problem = fixture_problem(Cleaner(), Path("fixtures") / SITE / "a1.txt")
    assert problem is not None and problem.startswith(
        'rule id contoh/read-next is no longer loaded: renamed? add aliases = ["contoh/read-next"]')


# 6. --json: one document on stdout.

def test_check_json_is_one_document_per_case_with_lost_lines_and_rules(project, capsys):
    _edit(*LOOSE)
    code, out, err = _run(capsys, "check", "--json")
    assert code == 1
    report = json.loads(out)
    assert report["command"] == "check" and report["exit"] == 1
    assert report["fixtures"] == 1 and report["differ"] == 1
    assert report["summary"][0].startswith("1 fixture, 1 differs")
    assert report["rule_sets"] == [{"rules": "--rules rules --no-builtin-rules", "cases": 1,
                                    "options": {"rules": ["rules"], "builtin_rules": False,
                                                "lang": None}}]
    (case,) = report["cases"]
    assert case["case"] == "a1" and case["status"] == "differs"
    assert case["input"] == f"{SITE}/a1.txt"
    assert case["lost"] == [{"line": 7, "rule": "contoh/read-next", "text": EATEN}]
    assert case["summary"].startswith("1 line of text lost")
    assert case["diff"].startswith("---") and case["rewritten"] is False
    assert set(case) >= {"now_fires", "no_longer_fires", "meta", "gone_rule_ids", "error",
                         "rules", "refused", "lines_changed", "lines_gained"}


def test_update_json_says_what_was_refused(project, capsys):
    _edit(*LOOSE)
    code, out, _ = _run(capsys, "update", "a1", "--json")
    report = json.loads(out)
    assert code == 1 and report["refused"] == 1 and report["rewritten"] == 0
    assert report["cases"][0]["refused"] is True


def test_a_clean_check_json_says_same(project, capsys):
    code, out, _ = _run(capsys, "check", "--json")
    assert code == 0 and json.loads(out)["cases"][0]["status"] == "same"


# 7. A broken expected record is said to be broken, not reviewed as a diff.

def test_a_broken_expected_record_is_said_to_be_broken(project, capsys):
    text = _expected().read_text(encoding="utf-8")
    _expected().write_text(text.replace('"id": "a1",', '"id": "a1"', 1), encoding="utf-8")
    code, _, err = _run(capsys, "check")
    assert code == 1
    assert "a1.json is not JSON (Expecting ',' delimiter" in err
    assert "mend it by hand, or `cleaner fixtures update a1`" in err
    assert "once the diff above is what you meant" not in err


# 8. Review s36 (fix2Fixtures): a cut is judged by the article words it takes; a lost line is
# named by the removal that holds it; --json answers every exit; the rule whose value stuck.

# The tail rule loosened to take three article words with the code: 'pada Selasa pagi. (abc)'.
WORDY = ("(?P<cut>\\[\\s*[a-z]{2,5}\\s*\\])", "(?P<cut>pada\\s+Selasa\\s+pagi\\.\\s*\\(abc\\))")
# ... and to take one article word with it, a short cut: 'pagi. (abc)'.
SHORT = ("(?P<cut>\\[\\s*[a-z]{2,5}\\s*\\])", "(?P<cut>pagi\\.\\s*\\(abc\\))")


@pytest.mark.parametrize("command", [("update", "a1"), ("check", "--update", "a1")])
def test_an_update_that_cuts_three_article_words_from_a_line_is_refused_naming_rule_and_words(
        project, capsys, command):
    before = _expected().read_text(encoding="utf-8")
    _edit(*WORDY)
    code, _, err = _run(capsys, *command)
    assert code == 1 and _expected().read_text(encoding="utf-8") == before
    assert "line 11, now cut by contoh/code-tail: 'pada Selasa pagi. (abc)'" in err
    assert "--accept-loss" in err


def test_the_check_names_the_words_a_rule_cuts_and_its_rule(project, capsys):
    _edit(*WORDY)
    code, out, err = _run(capsys, "check")
    assert code == 1
    assert "a1: 1 line of text cut (line 11, contoh/code-tail cut 'pada Selasa pagi. (abc)')" in err
    assert "unless also given --accept-loss" in err
    code, out, _ = _run(capsys, "check", "--json")
    (case,) = json.loads(out)["cases"]
    assert case["lost"] == [{"line": 11, "rule": "contoh/code-tail", "cut": "pada Selasa pagi. (abc)",
                             "text": "Bantuan makanan dan selimut mulai datang pada Selasa pagi. (abc)"}]


def test_a_short_cut_of_a_word_and_a_code_is_a_changed_line(project, capsys):
    _edit(*SHORT)
    code, _, err = _run(capsys, "check")
    assert code == 1 and "a1: 1 line of text changed" in err and "lost" not in err
    code, _, err = _run(capsys, "update", "a1")
    assert code == 0 and "1 expected record rewritten" in err


def _append(rule: str, pattern: str, example: str) -> None:
    """Add a drop-span rule at the end of the site pack."""
    with _pack().open("a", encoding="utf-8") as pack:
        pack.write(f'\n[[rule]]\nid = "{rule}"\naction = "drop-span"\npattern = {pattern}\n'
                   f'remove = ["{example}"]\n')


def test_a_cut_in_the_middle_of_a_line_is_judged_by_its_words_as_one_at_its_end(project, capsys):
    # 'Senin' (one word) from the middle of line 5: a changed line, not a lost one
    _append("contoh/day", "'\\s+Senin\\b'", "sejak Senin malam")
    code, _, err = _run(capsys, "check")
    assert code == 1 and "a1: 1 line of text changed" in err and "lost" not in err


def test_a_lost_line_is_named_by_the_removal_holding_it_not_by_a_part_cut_elsewhere(
        project, capsys):
    # a new rule cuts ' di' from line 5; the loosened read-next drops line 7, which holds ' di'
    _edit(*LOOSE)
    _append("contoh/di", "'\\s+di\\b'", "sungai di Desa")
    code, _, err = _run(capsys, "update", "a1")
    assert code == 1
    assert "line 7, now removed by contoh/read-next: " + EATEN in err
    assert "contoh/di" not in err.split("which was not rewritten")[1].split("fix the rule")[0]


def test_json_answers_a_case_that_names_no_fixture(project, capsys):
    code, out, err = _run(capsys, "check", "--json", "nosuchcase")
    assert code == 2
    report = json.loads(out)
    assert report["exit"] == 2 and report["command"] == "check"
    assert "no fixture 'nosuchcase'" in report["error"]


def test_json_answers_a_missing_fixtures_folder(project, capsys):
    code, out, _ = _run(capsys, "update", "--json", "--root", "nofx", "a1")
    assert code == 2
    report = json.loads(out)
    assert report["exit"] == 2 and report["command"] == "update"
    assert "no fixtures folder nofx" in report["error"]


def test_a_missing_fixtures_folder_is_said_with_where_it_was_looked_for(project, capsys):
    code, _, err = _run(capsys, "check", "--root", "nofx")
    assert code == 2
    assert f"no fixtures folder nofx (looked for at {Path('nofx').absolute()}; --root names " \
           "the folder)" in err


def test_json_names_a_missing_input_apart_from_a_case_that_could_not_be_cleaned(project, capsys):
    (Path("fixtures") / SITE / "a1.txt").unlink()
    code, out, err = _run(capsys, "check", "--json")
    report = json.loads(out)
    assert code == 1 and report["could_not_clean"] == 0 and report["input_missing"] == 1
    assert report["cases"][0]["status"] == "input-missing"
    assert "review each diff above" not in "\n".join(report["summary"])


def test_json_gives_the_rule_options_as_data(project, capsys):
    code, out, _ = _run(capsys, "check", "--json")
    report = json.loads(out)
    assert report["rule_sets"][0]["options"] == {"rules": ["rules"], "builtin_rules": False,
                                                 "lang": None}
    assert report["cases"][0]["options"] == {"rules": ["rules"], "builtin_rules": False,
                                             "lang": None}


def test_a_field_two_removals_list_is_named_by_the_one_whose_value_the_record_has():
    from cleaner.fixture_workflow import meta_rules
    dateline = _removal("tirto/dateline", "Semarang, tirto.id - ", 3, ("location", "source"))
    label = _removal("id/byline-label", "Penulis: Antara", 14, ("source",))
    before = {"text": "x", "meta": {"source": "ANTARA"}, "removed": [dateline, label]}
    after = {"text": "x", "meta": {"source": "tirto.id"}, "removed": [dateline]}
    assert meta_rules(before, after) == [("source", "id/byline-label", "tirto/dateline")]


def test_a_field_no_removal_holds_the_value_of_names_every_removal_listing_it():
    from cleaner.fixture_workflow import meta_rules
    one = _removal("a/x", "Oleh", 3, ("authors",))
    two = _removal("b/y", "dan", 4, ("authors",))
    before = {"text": "x", "meta": {"authors": ["Ani"]}, "removed": [one, two]}
    after = {"text": "x", "meta": {"authors": []}, "removed": []}
    assert meta_rules(before, after) == [("authors", "a/x + b/y", None)]


def test_the_rename_check_of_fixtures_and_of_rules_check_share_one_list_of_engine_prefixes():
    from cleaner.fixture_workflow import gone_rule_ids
    from cleaner.rulefile import RESERVED_PREFIXES, engine_rule_id
    assert all(engine_rule_id(prefix + "anything") for prefix in RESERVED_PREFIXES)
    assert engine_rule_id("kompas.com/html-strip:div.ad") and not engine_rule_id("kompas/byline")

    class Loaded:          # a cleaner whose one pack has a rule under each reserved prefix
        packs = [type("P", (), {"rules": [type("R", (), {"id": p + "kept", "aliases": ()})()
                                          for p in RESERVED_PREFIXES]})()]
    record = dump_record({"text": "x", "removed": [{"rule": p + "other"}
                                                    for p in RESERVED_PREFIXES]})
    assert gone_rule_ids(record, Loaded()) == []


def test_the_hint_of_a_check_losing_text_does_not_offer_an_update_that_is_refused(project, capsys):
    _edit(*LOOSE)
    code, _, err = _run(capsys, "check")
    assert ("a1 loses article text, which `cleaner fixtures update a1` refuses unless also "
            "given --accept-loss: fix the rule that removes the text, or, once the diff above "
            "is what you meant, add --accept-loss") in err
    assert "rewrites it" not in err
    code, _, err = _run(capsys, "update", "a1", "--accept-loss")
    assert code == 0


def test_json_summary_says_where_the_diffs_are(project, capsys):
    _edit(*LOOSE)
    code, out, _ = _run(capsys, "check", "--json")
    summary = "\n".join(json.loads(out)["summary"])
    assert "diff above" not in summary and "diff in the JSON document's cases" in summary


@pytest.mark.parametrize("layout", ["no last newline", "indent 1", "CRLF"])
def test_an_expected_record_saved_again_in_another_layout_still_holds(project, capsys, layout):
    """An editor that drops the file's last newline or reindents it changes no value: the check
    failed on a diff of `-}` and `+}` ("the record changes")."""
    record = json.loads(_expected().read_text(encoding="utf-8"))
    text = dump_record(record)
    saved = {"no last newline": text[:-1], "indent 1": json.dumps(record, ensure_ascii=False,
                                                                  indent=1),
             "CRLF": text.replace("\n", "\r\n")}[layout]
    _expected().write_bytes(saved.encode("utf-8"))
    code, _, err = _run(capsys, "check")
    assert code == 0 and "0 differ" in err


def test_a_space_left_at_a_line_end_in_the_expected_text_is_a_changed_line_not_lost_text():
    from cleaner.fixture_workflow import lost_lines, text_change

    before = {"text": "Judul.\n\nMembuat Anda lebih bersemangat \n\nAkhir.", "removed": []}
    after = {"text": "Judul.\n\nMembuat Anda lebih bersemangat\n\nAkhir.", "removed": []}
    change = text_change(before, after)
    assert change.lost == [] and change.changed == ["Membuat Anda lebih bersemangat "]
    assert lost_lines(before, after) == []


def test_the_text_diff_shows_the_spaces_at_a_line_end():
    before = dump_record({"text": "Satu.\nDua \t", "meta": {}})
    after = dump_record({"text": "Satu.\nDua", "meta": {}})
    diff = record_diff(before, after, "a.json")
    assert "-Dua·→\n" in diff and "+Dua\n" in diff
