"""`rules check --rules NEW` checks what NEW's rules take from every fixture's expected record, a
case kept with other rules (`fixtures add --rules OLD`, its <case>.rules) too, as `fixtures check
--rules NEW` does: checked with OLD, a rule of NEW that takes a line of it went unsaid."""

from __future__ import annotations

import json
import shutil

from cleaner.cli import main

SITE = '''[pack]
id = "berita-uji.example"
domains = ["berita-uji.example"]

[[rule]]
id = "berita-uji/ad"
action = "drop-line"
pattern = '^Publicidade$'
remove = ["Publicidade"]
'''
# Widened: it also takes an article line of the fixture.
EATER = '''
[[rule]]
id = "berita-uji/instagram"
action = "drop-line"
pattern = '\\bdi\\s+instagram\\b'
remove = ["Ikuti kami di Instagram @contoh"]
'''
ARTICLE = ("Judul berita uji coba\n\nPublicidade\n\nWarga berkumpul di alun-alun sejak pagi untuk "
           "acara itu.\n\nIkuti kabar terbaru di Instagram resmi kota.\n\nAcara selesai "
           "menjelang sore hari.\n")


def _kept_case(tmp_path, monkeypatch):
    """A fixture added with `--rules old` (without the shipped rules, one of which takes the
    line too), and `new`: old's rules and one that eats a line."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "old" / "sites").mkdir(parents=True)
    (tmp_path / "old" / "sites" / "berita-uji.example.toml").write_text(SITE, encoding="utf-8")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    assert main(["fixtures", "add", "a.txt", "--site", "berita-uji.example", "--rules", "old",
                 "--no-builtin-rules", "--color", "never"]) == 0
    [kept] = (tmp_path / "fixtures").rglob("*.rules")
    assert json.loads(kept.read_text())["rules"]
    shutil.copytree(tmp_path / "old", tmp_path / "new")
    with open(tmp_path / "new" / "sites" / "berita-uji.example.toml", "a") as pack:
        pack.write(EATER)


def test_rules_given_are_checked_against_a_case_kept_with_other_rules(tmp_path, monkeypatch,
                                                                      capsys):
    _kept_case(tmp_path, monkeypatch)
    capsys.readouterr()
    main(["rules", "check", "--rules", "new", "--no-builtin-rules", "--no-shadowing"])
    out = capsys.readouterr().out
    [warning] = [line for line in out.splitlines() if "berita-uji/instagram: removes" in line]
    assert "new/sites/berita-uji.example.toml" in warning
    assert "'Ikuti kabar terbaru di Instagram resmi kota.'" in warning and "a.txt:" in warning
    assert ("`cleaner fixtures update a --accept-loss` with the rule options given here writes it"
            in warning)
    assert ("every case cleaned with the rules given, over the options 1 case keeps in .rules"
            in out)


def test_given_no_rule_options_a_kept_case_is_checked_with_the_rules_it_keeps(
        tmp_path, monkeypatch, capsys):
    """Its .rules then say how `fixtures check` cleans it: with old's rules, which hold."""
    _kept_case(tmp_path, monkeypatch)
    capsys.readouterr()
    main(["rules", "check", "--no-shadowing"])
    out = capsys.readouterr().out
    assert "records    1 expected record: no rule takes text they keep" in out
    assert "over the options" not in out and "berita-uji/instagram" not in out
