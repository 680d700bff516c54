"""`cleaner explain` tells, for the lines a rule's pattern matches and the rule did not take, what
kept it from them: "why did my rule not take this line?" was guesswork, and `rules check` said
so only for a rule that fires on no fixture at all."""

from __future__ import annotations

from cleaner.cli import main

SITE = "situsbaru.example"
PACK = f'''[pack]
id = "{SITE}"
domains = ["{SITE}"]

[[rule]]
id = "situsbaru/end-mention"
action = "drop-span"
where = "last"
pattern = '\\s*kepada SitusBaru\\.$'
remove = ["Begitu kata dia kepada SitusBaru."]
'''
TEXT = ("Harga beras di pasar induk naik dua kali dalam sepekan terakhir, kata para pedagang.\n\n"
        "“Kami belum tahu sampai kapan,” kata seorang pedagang kepada SitusBaru.\n\n"
        "Pemerintah berjanji menambah pasokan beras dari gudang Bulog pekan depan.\n\n"
        "Begitu kata kepala pasar kepada SitusBaru.\n")


def _explain(tmp_path, capsys, *extra: str) -> str:
    rules = tmp_path / "rules"
    rules.mkdir(exist_ok=True)
    (rules / f"{SITE}.toml").write_text(PACK, encoding="utf-8")
    source = tmp_path / "a.txt"
    source.write_text(TEXT, encoding="utf-8")
    capsys.readouterr()
    assert main(["explain", str(source), "--site", SITE, "--rules", str(rules), "--color",
                 "never", *extra]) == 0
    return capsys.readouterr().out


def test_a_users_rule_is_told_why_it_did_not_take_a_line_its_pattern_matches(tmp_path, capsys):
    out = _explain(tmp_path, capsys)
    assert "[- kepada SitusBaru.-]<situsbaru/end-mention>" in out      # the last line's
    assert "matched, not taken: line 3: situsbaru/end-mention: where = \"last\" and " \
           "it sits above the last line with text" in " ".join(out.split())
    assert out.count("situsbaru/end-mention:") == 1


def test_the_shipped_rules_are_told_only_when_every_detail_is_asked_for(tmp_path, capsys):
    source = tmp_path / "b.txt"
    source.write_text("Jakarta (ANTARA) - " + TEXT, encoding="utf-8")

    def explained(*extra: str) -> str:
        capsys.readouterr()
        assert main(["explain", str(source), "--site", "antaranews.com", "--color", "never",
                     *extra]) == 0
        return capsys.readouterr().out

    said = ("line 1: id/dateline-source-city: another rule, antaranews/dateline, takes text of "
            "the line first")
    assert "<antaranews/dateline" in explained() and "matched, not taken" not in explained()
    assert said in " ".join(explained("--all").split())       # (wrapped to the terminal)
