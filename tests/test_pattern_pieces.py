"""A pack's named pattern pieces: `[patterns]` name = "RE2 pattern", written into a rule's
pattern, unless, then or scan as `(?&name)`, which the loader replaces by `(?:piece)` before
anything else reads the pattern."""

from __future__ import annotations

import pytest

from conftest import ROOT

from cleaner import Cleaner
from cleaner.pack_cache import PackCache, entry_key
from cleaner.rulefile import RuleFileError, load_pack, load_packs, piece_warnings, read_pack

_RULE = ('[[rule]]\nid = "mine/promo"\naction = "drop-line"\n'
         "pattern = '{pattern}'\nremove = [\"BELI SEKARANG\"]\n")


def _pack(tmp_path, text: str, name: str = "mine.toml"):
    """A rule file of `text` in tmp_path, loaded."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load_pack(path)


def _error(tmp_path, text: str) -> RuleFileError:
    """The RuleFileError loading a rule file of `text` raises."""
    path = tmp_path / "mine.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RuleFileError) as caught:
        load_pack(path)
    return caught.value


def test_a_piece_is_written_into_pattern_unless_then_and_scan_as_a_group(tmp_path):
    pack = _pack(tmp_path, (
        "[patterns]\nbuy = 'beli|pesan'\nnow = 'sekarang|segera'\n"
        "[[rule]]\nid = \"mine/promo\"\naction = \"drop-line\"\n"
        "pattern = '^(?&buy)\\s+(?&now)$'\nscan = '(?&buy)'\n"
        "unless = ',\\s*(?&now)'\nthen = '^(?&buy)\\s+\\S+$'\n"
        "remove = [\"BELI SEKARANG\"]\nkeep = [\"Beli sekarang, segera\"]\n"))
    [rule] = pack.rules
    assert rule.pattern == "^(?:beli|pesan)\\s+(?:sekarang|segera)$"
    assert rule.scan == "(?:beli|pesan)"
    assert rule.unless == ",\\s*(?:sekarang|segera)"
    assert rule.then == "^(?:beli|pesan)\\s+\\S+$"


def test_a_piece_takes_a_repeat_after_it_as_one_group(tmp_path):
    # (?:...) around the piece: 'a|b' repeated is (?:a|b)+, not a|b+
    [rule] = _pack(tmp_path, "[patterns]\nab = 'a|b'\n"
                             + _RULE.format(pattern="^x(?&ab)+$")).rules
    assert rule.pattern == "^x(?:a|b)+$"
    assert rule.regex.search("xabba") and not rule.regex.search("xa|bbb")


def test_a_piece_call_inside_a_class_or_escaped_is_left_as_written(tmp_path):
    [rule] = _pack(tmp_path, "[patterns]\nab = 'a|b'\n"
                             + _RULE.format(pattern="^BELI SEKARANG[(?&ab)]?$|\\(?&x\\)")).rules
    assert rule.pattern == "^BELI SEKARANG[(?&ab)]?$|\\(?&x\\)"


def test_the_id_packs_three_speech_rules_share_the_one_expanded_unless():
    path = ROOT / "rules" / "lang" / "id.toml"
    pack = load_pack(path)
    rules = {rule.id: rule for rule in pack.rules}
    unlesses = {rules[i].unless for i in ("id/read-more-link", "id/cookie-notice")}
    assert len(unlesses) == 1
    [unless] = unlesses
    assert unless.startswith("(?:[,]") and "(?&" not in unless
    # id/social-promo adds the steps a fact-check tells ('Ikuti langkah berikut agar ...') to the
    # same expansion (session 51)
    assert rules["id/social-promo"].unless.startswith(unless + "|")
    assert "(?&speech_after)" in path.read_text(encoding="utf-8")
    assert not piece_warnings([pack])


def test_a_rule_with_a_piece_cleans_as_the_rule_written_out_does(tmp_path):
    body = ('id = "mine/promo"\naction = "drop-line"\npattern = \'{p}\'\nunless = \'{u}\'\n'
            'remove = ["Ikuti kami di Instagram"]\n'
            'keep = ["Ikuti kami di Instagram, kata Hendro."]\n')
    speech = ",\\s*(?-i:kata|ujar)\\b"
    written = tmp_path / "written"
    pieced = tmp_path / "pieced"
    written.mkdir()
    pieced.mkdir()
    (written / "mine.toml").write_text(
        "[[rule]]\n" + body.format(p="^ikuti\\s+kami\\b.*$", u=speech), encoding="utf-8")
    (pieced / "mine.toml").write_text(
        f"[patterns]\nfollow = 'ikuti\\s+kami\\b'\nspeech = '{speech}'\n[[rule]]\n"
        + body.format(p="^(?&follow).*$", u="(?&speech)"), encoding="utf-8")
    text = ("Harga cabai naik lagi di pasar induk pagi ini.\n\nIkuti kami di Instagram\n\n"
            "Ikuti kami di Instagram, kata Hendro.\n\nPedagang mengeluhkan sepinya pembeli.")
    one = Cleaner(rules=[written / "mine.toml"], builtin=False).clean(text)
    other = Cleaner(rules=[pieced / "mine.toml"], builtin=False).clean(text)
    assert [r["rule"] for r in one["removed"]].count("mine/promo") == 1
    assert one == other


def test_editing_a_piece_reloads_the_rules_that_use_it_past_the_pack_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("CLEANER_CACHE_DIR", str(tmp_path / "cache"))
    path = tmp_path / "mine.toml"
    text = "[patterns]\nbuy = 'beli'\n" + _RULE.format(pattern="^(?&buy) sekarang$")
    path.write_text(text, encoding="utf-8")
    [pack] = load_packs([path], builtin=False)
    assert pack.rules[0].pattern == "^(?:beli) sekarang$"
    # cached under the file's bytes
    cached = PackCache(tmp_path / "cache").get(entry_key(path, path.read_bytes(), True))
    assert cached is not None and cached.rules[0].pattern == "^(?:beli) sekarang$"
    path.write_text(text.replace("'beli'", "'beli|pesan'"), encoding="utf-8")
    [pack] = load_packs([path], builtin=False)
    assert pack.rules[0].pattern == "^(?:beli|pesan) sekarang$"
    assert pack.rules[0].regex.search("PESAN SEKARANG")


def test_an_unknown_piece_is_refused_naming_file_rule_and_piece(tmp_path):
    error = _error(tmp_path, "[patterns]\nbuy = 'beli'\n"
                             + _RULE.format(pattern="^(?&buy) (?&now)$"))
    assert error.path.endswith("mine.toml") and error.rule == "mine/promo"
    assert "'now'" in error.reason and "buy" in error.reason


def test_a_site_pack_cannot_use_the_language_packs_pieces(tmp_path):
    site = ('[pack]\nid = "x.example"\nkind = "site"\ndomains = ["x.example"]\n'
            + _RULE.format(pattern="^BELI SEKARANG(?&speech_after)?$").replace("mine/", "x/"))
    error = _error(tmp_path, site)
    assert error.rule == "x/promo" and "'speech_after'" in error.reason
    assert "no [patterns]" in error.reason


def test_a_piece_that_is_not_a_string_is_refused_naming_it(tmp_path):
    error = _error(tmp_path, "[patterns]\nbuy = ['beli']\n" + _RULE.format(pattern="^x$"))
    assert "'buy'" in error.reason and "string" in error.reason


def test_an_empty_piece_is_refused_naming_it(tmp_path):
    error = _error(tmp_path, "[patterns]\nbuy = ''\n" + _RULE.format(pattern="^x$"))
    assert "'buy'" in error.reason


def test_a_piece_that_does_not_compile_alone_is_refused_naming_it(tmp_path):
    error = _error(tmp_path, "[patterns]\nbuy = '(beli'\n" + _RULE.format(pattern="^x$"))
    assert "'buy'" in error.reason and "RE2" in error.reason


def test_a_bad_piece_name_is_refused(tmp_path):
    for name in ("Buy", "1buy", '"buy-now"'):
        error = _error(tmp_path, f"[patterns]\n{name} = 'beli'\n" + _RULE.format(pattern="^x$"))
        assert "[a-z][a-z0-9_]*" in error.reason, name


def test_patterns_that_are_not_a_table_are_refused(tmp_path):
    error = _error(tmp_path, "patterns = 'beli'\n" + _RULE.format(pattern="^x$"))
    assert "[patterns]" in error.reason


def test_a_call_with_no_name_or_a_bad_one_is_refused(tmp_path):
    for call in ("(?&)", "(?&Buy)", "(?&buy"):
        error = _error(tmp_path, "[patterns]\nbuy = 'beli'\n"
                                 + _RULE.format(pattern=f"^x{call}$"))
        assert error.rule == "mine/promo" and "(?&" in error.reason, call


def test_a_call_in_unless_to_an_unknown_piece_names_the_key(tmp_path):
    rule = _RULE.format(pattern="^BELI SEKARANG$") + "unless = '(?&spare)'\n"
    error = _error(tmp_path, "[patterns]\nbuy = 'beli'\n" + rule)
    assert error.rule == "mine/promo" and "unless" in error.reason and "'spare'" in error.reason


def test_a_piece_may_not_call_a_piece(tmp_path):
    error = _error(tmp_path, "[patterns]\nbuy = 'beli'\nbuy_now = '(?&buy) sekarang'\n"
                             + _RULE.format(pattern="^(?&buy_now)$"))
    assert "'buy_now'" in error.reason and "(?&" in error.reason and error.rule is None


def test_a_piece_error_in_rules_check_reading_is_the_files(tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text("[patterns]\nbuy = '(beli'\n" + _RULE.format(pattern="^x$"), encoding="utf-8")
    pack, errors = read_pack(path)
    assert pack is None and len(errors) == 1 and "'buy'" in errors[0].reason


def test_a_piece_no_rule_uses_is_a_warning(tmp_path):
    pack = _pack(tmp_path, "[patterns]\nbuy = 'beli'\nnow = 'sekarang'\n"
                           + _RULE.format(pattern="^(?&buy) SEKARANG$"))
    [(where, warning)] = piece_warnings([pack])
    assert where == pack.path and "'now'" in warning


def test_rules_check_warns_of_a_piece_no_rule_uses(tmp_path):
    from cleaner.rules_check import load_all

    path = tmp_path / "mine.toml"
    path.write_text("[patterns]\nbuy = 'beli'\nnow = 'sekarang'\n"
                    + _RULE.format(pattern="^(?&buy) SEKARANG$"), encoding="utf-8")
    _, findings = load_all([path], builtin=False)
    assert [(f.level, f.where) for f in findings if "'now'" in f.message] == [("warning",
                                                                              str(path))]
