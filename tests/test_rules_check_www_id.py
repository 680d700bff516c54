"""`rules check` warns about a site pack named `www.<host>.toml`: its id is the file's name, and
its site's records are named by it (meta.site), 'www.' and all."""

from __future__ import annotations

from test_rules_check_stopwords import schema_findings

PACK = '''[pack]
domains = ["contoh.example"]
{id}
[[rule]]
id = "contoh/promo"
action = "drop-line"
pattern = '^Baca juga:.*$'
remove = ["Baca juga: berita lain"]
'''


def _schema(tmp_path, capsys, name: str, pack_id: str = ""):
    return schema_findings(tmp_path, capsys, f"sites/{name}", PACK.format(id=pack_id))


def test_a_site_pack_file_named_with_www_is_warned_about_with_the_name_to_give_it(tmp_path,
                                                                                    capsys):
    code, path, found = _schema(tmp_path, capsys, "www.contoh.example.toml")
    assert code == 0                                    # a warning, not an error
    [warning] = found
    assert warning["level"] == "warning" and warning["where"] == str(path)
    assert warning["message"].startswith("site pack id 'www.contoh.example' starts with 'www.'")
    assert "name the file contoh.example.toml, or set id = 'contoh.example'" in warning["message"]


def test_a_site_pack_named_without_www_or_given_an_id_is_not(tmp_path, capsys):
    _, path, found = _schema(tmp_path, capsys, "contoh.example.toml")
    assert found == []
    path.unlink()
    assert _schema(tmp_path, capsys, "www.contoh.example.toml", 'id = "contoh.example"')[2] == []
