"""`rules check` warns of rules that gut a fixture: stopped by the guard, a record mostly removed, a
text left empty; each warning names the rule, its file, the fixture and the figures."""

from __future__ import annotations

import json

from cleaner.cli import main

HEAD = '[pack]\nid = "t"\nkind = "common"\n'
ARTICLE = ("Isi berita yang pertama cukup panjang untuk diuji di sini.",
           "Paragraf kedua juga berisi kalimat berita yang panjang.",
           "Paragraf ketiga menutup berita ini dengan kalimat panjang.")


def _rule(rule_id, pattern, example, extra=""):
    return (f'\n[[rule]]\nid = "{rule_id}"\naction = "drop-line"\npattern = \'{pattern}\'\n'
            f'remove = ["{example}"]\n{extra}')


def _check(tmp_path, capsys, rules, *paragraphs):
    """`rules check --json` of one pack over one fixture of these paragraphs."""
    pack = tmp_path / "rules" / "t.toml"
    pack.parent.mkdir()
    pack.write_text(HEAD + rules, encoding="utf-8")
    fixture = tmp_path / "fixtures" / "kabar.example" / "one.txt"
    fixture.parent.mkdir(parents=True)
    fixture.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    code = main(["rules", "check", "--no-builtin-rules", "--rules", str(pack), "--fixtures",
                 str(tmp_path / "fixtures"), "--json", "--no-shadowing"])
    data = json.loads(capsys.readouterr().out)
    return code, pack, [f for f in data["findings"] if f["check"] == "gutting"]


def test_a_then_pattern_taking_every_following_line_trips_the_guard(tmp_path, capsys):
    rules = _rule("t/related", "^Baca juga:$", "Baca juga:", "then = '^.+$'\nthen_max = 20\n")
    code, pack, [warning] = _check(tmp_path, capsys, rules, ARTICLE[0], "Baca juga:",
                                   *ARTICLE[1:], *ARTICLE)
    assert code == 0 and warning["level"] == "warning"
    assert warning["where"] == f"{pack}: t/related"
    assert "on fixture kabar.example/one.txt the guard stopped it: it would remove" in \
        warning["message"]
    assert "characters (over 50%)" in warning["message"]


def test_a_drop_tail_on_a_label_mid_article_trips_the_guard(tmp_path, capsys):
    rules = _rule("t/tail", "^Penulis:", "Penulis: Ani").replace("drop-line", "drop-tail")
    _, pack, [warning] = _check(tmp_path, capsys, rules, ARTICLE[0], "Penulis: Ani menulis ini.",
                                *ARTICLE[1:], *ARTICLE)
    assert warning["where"] == f"{pack}: t/tail"
    assert "the guard stopped it" in warning["message"]


def test_two_rules_that_together_leave_a_text_empty_are_named_with_their_figures(
        tmp_path, capsys):
    ads, promos = ["Iklan satu dua tiga", "Iklan empat lima"], ["Promo satu dua tiga",
                                                                "Promo empat lima"]
    rules = _rule("t/ads", "^Iklan .*$", ads[0]) + _rule("t/promo", "^Promo .*$", promos[0])
    _, pack, [warning] = _check(tmp_path, capsys, rules, ads[0], promos[0], ads[1], promos[1])
    message = warning["message"]
    assert warning["where"] in (f"{pack}: t/ads", f"{pack}: t/promo")
    assert "on fixture kabar.example/one.txt the text comes out empty" in message
    size = len(ads[0]) + len(ads[1])
    assert f"t/ads {size}" in message and f"t/promo {size}" in message


def test_rules_that_together_remove_most_of_a_text_are_named(tmp_path, capsys):
    lines = [f"{word} {'x' * 40}" for word in ("Iklan", "Promo", "Sponsor")]
    rules = "".join(_rule(f"t/{word.lower()}", f"^{word} .*$", line)
                    for word, line in zip(("Iklan", "Promo", "Sponsor"), lines))
    _, _, [warning] = _check(tmp_path, capsys, rules, *lines, "Isi singkat.")
    assert "on fixture kabar.example/one.txt the rules removed" in warning["message"]
    assert "each within its share" in warning["message"]
    assert all(f"t/{w} {len(line)}" in warning["message"]
               for w, line in zip(("iklan", "promo", "sponsor"), lines))


def test_rules_that_leave_the_article_are_not_warned_of(tmp_path, capsys):
    rules = _rule("t/related", "^Baca juga:.*$", "Baca juga: Judul")
    assert _check(tmp_path, capsys, rules, *ARTICLE, "Baca juga: Judul")[2] == []
