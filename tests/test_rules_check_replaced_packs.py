"""A user's pack with a shipped pack's id replaces it, by design: `rules check` and `rules list` say
so, naming both files and what of the shipped pack is not loaded."""

from __future__ import annotations

import json

from cleaner.cli import main
from cleaner.pack_replacements import shipped_replacements
from cleaner.rulefile import load_packs

MINE = '''[pack]
id = "en"
stopwords = ["the"]

[[rule]]
id = "mine/promo"
description = "a promo"
action = "drop-line"
pattern = '^Subscribe now$'
remove = ["Subscribe now"]
'''


def _english(tmp_path):
    """A rules folder whose lang/en.toml takes the shipped English pack's place."""
    path = tmp_path / "mine" / "lang" / "en.toml"
    path.parent.mkdir(parents=True)
    path.write_text(MINE, encoding="utf-8")
    return path


def _shipped_english():
    [pack] = [p for p in load_packs() if (p.kind, p.id) == ("lang", "en")]
    return pack


def test_rules_check_warns_which_shipped_pack_a_user_pack_replaces_and_what_is_lost(
        tmp_path, capsys):
    mine = _english(tmp_path)
    shipped = _shipped_english()
    code = main(["rules", "check", "--rules", str(tmp_path / "mine"), "--no-fixtures",
                 "--no-shadowing", "--json"])
    data = json.loads(capsys.readouterr().out)
    assert code == 0                                # by design: a warning, not an error
    [warning] = [f for f in data["findings"] if f["where"] == str(mine)]
    assert warning["level"] == "warning" and warning["check"] == "schema"
    message = warning["message"]
    assert shipped.path in message
    assert f"{len(shipped.rules)} of its {len(shipped.rules)} rules" in message
    lost = len(shipped.stopwords - {"the"})
    assert f"{lost} of its {len(shipped.stopwords)} stopwords are not loaded" in message


def test_a_language_pack_left_without_stopwords_is_said_to_detect_nothing(tmp_path):
    mine = _english(tmp_path)
    mine.write_text(MINE.replace('stopwords = ["the"]\n', ""), encoding="utf-8")
    [replaced] = shipped_replacements(load_packs([tmp_path / "mine"]))
    assert replaced.user == str(mine) and replaced.shipped == _shipped_english().path
    assert "no document is detected as 'en'" in replaced.message()


def test_rules_the_user_pack_keeps_are_not_counted_lost(tmp_path):
    mine = _english(tmp_path)
    shipped = _shipped_english()
    kept = shipped.rules[0].id
    mine.write_text(MINE.replace("mine/promo", kept), encoding="utf-8")
    [replaced] = shipped_replacements(load_packs([tmp_path / "mine"]))
    assert kept not in replaced.rules_lost
    assert len(replaced.rules_lost) == len(shipped.rules) - 1


def test_rules_list_shows_the_replacement_under_the_users_pack(tmp_path, capsys):
    mine = _english(tmp_path)
    assert main(["rules", "list", "--rules", str(tmp_path / "mine")]) == 0
    lines = capsys.readouterr().out.splitlines()
    [at] = [i for i, line in enumerate(lines) if line.rstrip().endswith(str(mine))]
    assert "warning: replaces the shipped lang pack 'en'" in lines[at + 1]


def test_no_replacement_without_the_shipped_packs_or_with_a_shipped_file_given_again(tmp_path):
    _english(tmp_path)
    assert shipped_replacements(load_packs([tmp_path / "mine"], builtin=False),
                                builtin=False) == []
    again = _shipped_english().path
    assert shipped_replacements(load_packs([again])) == []


def test_two_of_the_users_packs_with_one_id_are_an_error_in_rules_check_as_in_a_run(
        tmp_path, capsys):
    for folder in ("a", "b"):
        path = tmp_path / folder / "lang" / "en.toml"
        path.parent.mkdir(parents=True)
        path.write_text(MINE.replace("mine/promo", f"{folder}/promo"), encoding="utf-8")
    code = main(["rules", "check", "--rules", str(tmp_path / "a"), "--rules", str(tmp_path / "b"),
                 "--no-fixtures", "--no-shadowing", "--json"])
    data = json.loads(capsys.readouterr().out)
    assert code == 1
    assert any(f["level"] == "error" and "pack id 'en' is already used by" in f["message"]
               and f["where"] == str(tmp_path / "b" / "lang" / "en.toml")
               for f in data["findings"])


def test_clean_warns_once_before_it_starts_and_quiet_silences_it(tmp_path, capsys):
    mine = _english(tmp_path)
    article = tmp_path / "a.txt"
    article.write_text("The council met on Monday to discuss the new budget for the city.\n",
                       encoding="utf-8")
    assert main(["clean", str(article), "-o", str(tmp_path / "out.jsonl"),
                 "--rules", str(mine.parent.parent)]) == 0
    err = capsys.readouterr().err
    assert err.count("replaces the shipped lang pack 'en'") == 1 and str(mine) in err
    assert main(["clean", str(article), "-o", str(tmp_path / "out2.jsonl"), "-q",
                 "--rules", str(mine.parent.parent)]) == 0
    assert "replaces the shipped" not in capsys.readouterr().err
