"""`rules check` warns when a rule of the user's packs never sees its own remove examples: a rule
of another loaded pack (a shipped one) removes them first, wholly or in the part the rule would
remove, as the cleaner runs the rules (the site pack first at one place, else the leftmost)."""

from __future__ import annotations

import json

from cleaner.cli import main
from cleaner.rulefile import load_packs
from cleaner.rules_check import check_shadowed_by_loaded, meeting_combinations

SITE = '''[pack]
lang = "id"
kind = "site"
domains = ["kabarnusa.id"]
'''
# Shipped id/editor-code-end starts at the full stop before the code, left of this rule.
CODE_TAIL = '''
[[rule]]
id = "kabarnusa/code-tail"
description = "Editor code at the end of the last paragraph"
action = "drop-span"
where = "tail"
pattern = '\\s*\\(kn(?:/[a-z]{3})+\\)$'
remove = ["Simak liputan khususnya besok. (kn/bmt)"]
keep = ["Ia mengutip (kn/ads) di tengah kalimat dan lanjut."]
'''
# Shipped id/social-promo matches it too, at the same place: the site's pack goes first.
PROMO = ("Dapatkan update berita pilihan dan breaking news setiap hari dari KabarNusa.id. "
         "Yuk, gabung di Grup Telegram")
TELEGRAM = '''
[[rule]]
id = "kabarnusa/telegram-promo"
description = "Telegram group promo closing every article"
action = "drop-line"
pattern = '^Dapatkan update berita pilihan.*KabarNusa\\.id'
remove = ["''' + PROMO + '''"]
'''
# Shipped id/dateline-source-city takes "KABARNUSA.ID, BANDUNG - " from the first example
# (leftmost), half of what this rule removes; the second example is this rule's.
CITY_LEAD = '''
[[rule]]
id = "kabarnusa/city-lead"
description = "the city and the President opening a lead"
action = "drop-span"
pattern = 'BANDUNG - Presiden\\b'
remove = ["KABARNUSA.ID, BANDUNG - Presiden tiba di kota itu.", "Di BANDUNG - Presiden tiba."]
'''


def _pack(tmp_path, *rules, head=SITE, name="kabarnusa.id.toml"):
    folder = tmp_path / "mine"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(head + "".join(rules), encoding="utf-8")
    return folder


def _check(folder, capsys, *extra):
    code = main(["rules", "check", "--rules", str(folder), "--no-fixtures", "--json", *extra])
    data = json.loads(capsys.readouterr().out)
    return code, data


def _shadowing(data, rule_id):
    return [f for f in data["findings"]
            if f["check"] == "shadowing" and f["where"].endswith(f": {rule_id}")]


def test_a_rule_whose_example_a_common_rule_takes_first_is_warned_naming_it(tmp_path, capsys):
    folder = _pack(tmp_path, CODE_TAIL)
    code, data = _check(folder, capsys)
    assert code == 0                                # a warning, not an error
    [warning] = _shadowing(data, "kabarnusa/code-tail")
    assert warning["level"] == "warning"
    assert warning["where"] == f"{folder / 'kabarnusa.id.toml'}: kabarnusa/code-tail"
    assert warning["message"] == (
        "its remove example '(kn/bmt)' (of 'Simak liputan khususnya besok. (kn/bmt)') is removed "
        "first by id/editor-code-end (rules/lang/id.toml): this rule never sees it")


def test_the_text_output_no_longer_says_shadowing_ok(tmp_path, capsys):
    folder = _pack(tmp_path, CODE_TAIL)
    main(["rules", "check", "--rules", str(folder), "--no-fixtures"])
    out = capsys.readouterr().out
    assert "shadowing  1 warning" in out
    assert "kabarnusa/code-tail: its remove example '(kn/bmt)'" in out


def test_a_rule_that_fires_first_is_not_warned_though_a_shipped_rule_matches_too(
        tmp_path, capsys):
    code, data = _check(_pack(tmp_path, TELEGRAM), capsys)
    assert code == 0 and data["warnings"] == 0
    assert _shadowing(data, "kabarnusa/telegram-promo") == []


def test_a_partly_shadowed_rule_is_warned_for_the_example_and_the_part_taken(tmp_path, capsys):
    code, data = _check(_pack(tmp_path, CITY_LEAD), capsys)
    assert code == 0
    [warning] = _shadowing(data, "kabarnusa/city-lead")      # the second example is its own
    message = warning["message"]
    assert message.startswith("its remove example 'BANDUNG - Presiden' (of 'KABARNUSA.ID, "
                              "BANDUNG - Presiden tiba di kota itu.') is removed first, in part, "
                              "by id/dateline-source-city (rules/lang/id.toml)")
    assert "Di BANDUNG" not in message
    assert message.endswith("this rule never sees it whole")


def test_a_common_pack_of_yours_is_told_in_which_languages_documents(tmp_path, capsys):
    common = '[pack]\nid = "mine"\nkind = "common"\n'
    # The second example is the rule's own in every language: the check within packs (every
    # example taken by a language pack) is silent.
    rule = (TELEGRAM.replace("kabarnusa/telegram-promo", "mine/telegram-promo")
            .replace("'^Dapatkan update", "'^(?:Gabung sekarang|Dapatkan update")
            .replace("pilihan.*", "pilihan).*")
            .replace('Telegram"]', 'Telegram", "Gabung sekarang bersama KabarNusa.id"]'))
    code, data = _check(_pack(tmp_path, rule, head=common, name="mine.toml"), capsys)
    assert code == 0 and data["errors"] == 0
    [warning] = _shadowing(data, "mine/telegram-promo")
    assert warning["message"].startswith("its remove example 'Dapatkan update berita pilihan")
    assert "id/social-promo (rules/lang/id.toml) in id documents:" in warning["message"]


def test_a_rule_the_check_within_packs_warns_about_is_not_told_twice(tmp_path, capsys):
    common = '[pack]\nid = "mine"\nkind = "common"\n'
    rule = TELEGRAM.replace("kabarnusa/telegram-promo", "mine/telegram-promo")
    code, data = _check(_pack(tmp_path, rule, head=common, name="mine.toml"), capsys)
    [warning] = _shadowing(data, "mine/telegram-promo")
    assert "every remove example is already removed by id/social-promo" in warning["message"]


def test_a_broken_pack_of_yours_is_an_error_and_its_other_rules_are_still_checked(
        tmp_path, capsys):
    broken = '''
[[rule]]
id = "kabarnusa/look"
action = "drop-line"
pattern = '^Simak(?=\\s)'
remove = ["Simak Juga"]

[[rule]]
id = "kabarnusa/empty"
action = "drop-line"
pattern = 'a|'
remove = ["a"]

[[rule]]
id = "kabarnusa/unfired"
action = "drop-span"
pattern = 'Tidak ada di sini'
remove = ["", "   ", "\\n\\n", "Contoh yang lain sama sekali. (kn/bmt)"]
'''
    code, data = _check(_pack(tmp_path, broken, CODE_TAIL), capsys)
    assert code == 1
    errors = {f["where"].split(": ")[-1] for f in data["findings"] if f["level"] == "error"}
    assert errors >= {"kabarnusa/look", "kabarnusa/empty", "kabarnusa/unfired"}
    assert _shadowing(data, "kabarnusa/unfired") == []    # it removes nothing: examples say so
    assert len(_shadowing(data, "kabarnusa/code-tail")) == 1


def test_a_pack_file_that_does_not_parse_does_not_stop_the_check(tmp_path, capsys):
    folder = _pack(tmp_path, CODE_TAIL)
    (folder / "broken.toml").write_text('[pack\nid = "x"\n[[rule]]\nid = 3\n', encoding="utf-8")
    code, data = _check(folder, capsys)
    assert code == 1
    assert len(_shadowing(data, "kabarnusa/code-tail")) == 1


def test_the_project_s_own_check_gets_no_such_warnings(capsys):
    code, data = _check_shipped(capsys)
    assert code == 0
    assert [f for f in data["findings"] if "removed first" in f["message"]] == []


def _check_shipped(capsys):
    code = main(["rules", "check", "--no-fixtures", "--json"])
    return code, json.loads(capsys.readouterr().out)


def test_only_the_packs_given_are_held_to_it(tmp_path):
    packs = load_packs([_pack(tmp_path, CODE_TAIL)])
    assert check_shadowed_by_loaded(packs, set()) == []


def test_a_site_pack_meets_its_language_and_the_common_packs_after_it(tmp_path):
    packs = load_packs([_pack(tmp_path, CODE_TAIL)])
    [site] = [p for p in packs if p.id == "kabarnusa.id"]
    [(lang, chosen)] = meeting_combinations(site, packs)
    assert lang == "id"
    assert [p.kind for p in chosen] == ["site", "lang"] + ["common"] * (len(chosen) - 2)
