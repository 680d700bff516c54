"""`rules check` warns about a language pack without stopwords: language detection counts a
language's stopwords in a text, so it would never choose the pack."""

from __future__ import annotations

import json

from cleaner.cli import main
from cleaner.rulefile import load_packs
from cleaner.rules_check import check_stopwords

PACK = '''[pack]
id = "jv"
kind = "lang"
name = "Javanese"
{stopwords}
[[rule]]
id = "jv/promo"
action = "drop-line"
pattern = '^Waca uga:.*$'
remove = ["Waca uga: kabar liyane"]
'''


def schema_findings(tmp_path, capsys, relative: str, text: str):
    """`rules check` of a rules folder holding one file (`relative` in it): its exit status,
    the file's path and the schema check's findings."""
    path = tmp_path / "mine" / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    code = main(["rules", "check", "--rules", str(tmp_path / "mine"), "--no-fixtures",
                 "--no-shadowing", "--json"])
    data = json.loads(capsys.readouterr().out)
    return code, path, [f for f in data["findings"] if f["check"] == "schema"]


def _schema(tmp_path, capsys, stopwords):
    return schema_findings(tmp_path, capsys, "lang/jv.toml", PACK.format(stopwords=stopwords))


def test_a_language_pack_without_stopwords_is_warned_about_with_what_to_add(tmp_path, capsys):
    code, path, found = _schema(tmp_path, capsys, "")
    assert code == 0                                    # a warning, not an error
    [warning] = found
    assert warning["level"] == "warning" and warning["where"] == str(path)
    assert "language pack 'jv' has no stopwords" in warning["message"]
    assert "never chooses it" in warning["message"]
    assert "add stopwords = [...] to its [pack]" in warning["message"]


def test_a_language_pack_with_stopwords_is_not(tmp_path, capsys):
    _, _, found = _schema(tmp_path, capsys, 'stopwords = ["lan", "ing", "sing", "iki"]')
    assert found == []


def test_the_shipped_language_packs_have_stopwords():
    assert check_stopwords(load_packs()) == []
