"""`rules check` warns about a rule whose id starts with another loaded pack's name and not its
own (`kompas/x` in the beritabaru.example pack), has no prefix, or one naming no pack: ids are
`<site stem>/<what>`. A warning, not an error: a pasted rule may keep the id it came with."""

from __future__ import annotations

import json

from cleaner.cli import main
from cleaner.rulefile import load_packs
from cleaner.rules_check import check_id_prefixes

PACK = '''[pack]
domains = ["beritabaru.example"]

[[rule]]
id = "{rule_id}"
action = "drop-line"
pattern = '^Ikuti kami di aplikasi$'
remove = ["Ikuti kami di aplikasi"]
'''


# Another site's pack, and a common one (the shipped packs are left out: their examples are
# not what these tests are about).
KOMPAS = PACK.replace("beritabaru.example", "kompas.com").format(rule_id="kompas/promo")
COMMON = PACK.replace('domains = ["beritabaru.example"]', 'kind = "common"').format(
    rule_id="common/promo")


def _check(tmp_path, capsys, *files):
    folder = tmp_path / "mine"
    folder.mkdir(exist_ok=True)
    for name, text in (("kompas.com.toml", KOMPAS), ("common.toml", COMMON), *files):
        (folder / name).write_text(text, encoding="utf-8")
    code = main(["rules", "check", "--no-builtin-rules", "--rules", str(folder), "--no-fixtures",
                 "--no-shadowing", "--json"])
    data = json.loads(capsys.readouterr().out)
    return code, [f for f in data["findings"] if f["check"] == "ids"]


def test_a_rule_id_with_another_sites_prefix_is_warned_about_naming_that_pack(tmp_path, capsys):
    code, found = _check(tmp_path, capsys,
                         ("beritabaru.example.toml", PACK.format(rule_id="kompas/x")))
    assert code == 0                                    # a warning, not an error
    [warning] = found
    assert warning["level"] == "warning"
    assert warning["where"].endswith("beritabaru.example.toml: kompas/x")
    assert "'kompas' names another pack, kompas.com" in warning["message"]
    assert "beritabaru/x" in warning["message"]        # the id it should have


def test_a_rule_id_with_its_own_sites_prefix_is_not(tmp_path, capsys):
    for rule_id in ("beritabaru/x", "berita-baru/x", "beritabaru.example/x", "berita/x"):
        _, found = _check(tmp_path, capsys,
                          ("beritabaru.example.toml", PACK.format(rule_id=rule_id)))
        assert found == [], rule_id


def test_a_rule_id_with_no_prefix_or_one_naming_no_pack_is_warned_about(tmp_path, capsys):
    # Both loaded without a word, and records and fixtures keep an id for good: a typo of the
    # stem (beritabru) stayed in them.
    for rule_id, said in (("x", "the id has no prefix"),
                          ("beritabru/x", "the id's prefix 'beritabru' names no loaded pack, "
                                          "this one (beritabaru.example) neither")):
        code, found = _check(tmp_path, capsys,
                             ("beritabaru.example.toml", PACK.format(rule_id=rule_id)))
        assert code == 0 and [f["level"] for f in found] == ["warning"], rule_id
        assert found[0]["message"].startswith(f"{said}: rule ids are <site stem>/<what>, like "
                                              "beritabaru/x"), found[0]["message"]


def test_a_language_or_common_packs_name_counts_as_another_packs_too(tmp_path, capsys):
    _, found = _check(tmp_path, capsys,
                      ("beritabaru.example.toml", PACK.format(rule_id="common/x")))
    assert [f["level"] for f in found] == ["warning"]
    assert "names another pack, common" in found[0]["message"]


def test_a_learned_file_for_a_site_does_not_make_the_sites_own_rules_warned_about(
        tmp_path, capsys):
    # (its rules renamed as the file asks: a learned/ id is the cleaner's own, and refused)
    learned = PACK.split("[[rule]]")[1].replace("{rule_id}", "kompas/learned-1")
    _, found = _check(tmp_path, capsys, ("kompas.com.learned.toml", "[[rule]]" + learned))
    assert found == []          # kompas/... rules are the kompas.com pack's own


def test_the_shipped_packs_give_no_warning():
    assert check_id_prefixes(load_packs()) == []
