"""Broken rule files fail loudly with file, rule and reason; the loader enforces ids and examples."""

from __future__ import annotations

import pytest

from cleaner.cli import main
from cleaner.rulefile import RuleFileError, load_pack, load_packs

GOOD = '''[[rule]]
id = "t/promo"
description = "a promo"
action = "drop-line"
pattern = '^promo$'
remove = ["promo"]
'''


def write(tmp_path, text, name="t.toml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("change,reason", [
    (("drop-line", "drop-everything"), "action must be one of"),
    (('action = "drop-line"\n', ""), "no action: give one of drop-line, drop-tail, drop-span, meta"),
    (("'^promo$'", "'(?<=x)promo'"), "rejected by the linear-time engine"),
    (("'^promo$'", "'(a)\\1'"), "rejected by the linear-time engine"),
    (("'^promo$'", "'(?P<price>promo)'"), "unknown named groups"),
    (('remove = ["promo"]', ""), "at least one 'remove' example"),
    (("'^promo$'", "'x*'"), "matches empty text"),
    (('id = "t/promo"', 'id = "t/promo"\nspeed = 3'), "unknown keys"),
    (("'^promo$'", "'^pr\\Cmo$'"), "\\C (any single byte) can split a character"),
    (("[[rule]]", '[pack]\nid = 5\n\n[[rule]]'), "pack id must be a name"),
    (("[[rule]]", '[pack]\nid = "../../x"\n\n[[rule]]'), "pack id must be a name"),
    (('remove = ["promo"]', 'remove = ["promo"]\nthen = \'^x$\'\nthen_max = true'),
     "then_max must be a whole number"),
    (('remove = ["promo"]', 'remove = ["promo"]\nthen = \'.*\''), "then pattern matches empty"),
    (('remove = ["promo"]', 'remove = ["promo"]\nthen_max = 5'),
     "then_max bounds the lines a then pattern takes; this rule has no then"),
    (('remove = ["promo"]', 'cases = [{input = "promo", ouput = ""}]'),
     "a case takes input, output and meta, not ['ouput']"),
    (('remove = ["promo"]', 'cases = [{input = "promo", meta = {author = "X"}}]'),
     "a case's meta is a table of record fields"),
    (("[[rule]]", '[pack]\ndomains = ["www.kabar.com"]\n\n[[rule]]'), "not a bare host name"),
    (("[[rule]]", '[pack]\ndomains = ["https://kabar.com/"]\n\n[[rule]]'),
     "not a bare host name"),
    # (a cut group in a drop-line rule was accepted, and the whole line removed)
    (("'^promo$'", "'^(?P<cut>promo)$'"), "a cut group marks the part a drop-span or meta rule "
                                          "removes; a drop-line rule removes the whole line"),
])
def test_broken_rule_is_named_with_its_reason(tmp_path, change, reason):
    path = write(tmp_path, GOOD.replace(*change))
    with pytest.raises(RuleFileError) as info:
        load_pack(path)
    assert str(path) in str(info.value) and reason in str(info.value)
    if "id" in GOOD:
        assert info.value.rule in (None, "t/promo")


def test_invalid_toml_names_the_file(tmp_path):
    path = write(tmp_path, "[[rule]\nid=")
    with pytest.raises(RuleFileError, match="not valid TOML"):
        load_pack(path)


def test_reused_rule_id_is_refused(tmp_path):
    write(tmp_path, GOOD, "a.toml")
    write(tmp_path, GOOD.replace("a promo", "another"), "b.toml")
    with pytest.raises(RuleFileError, match="already used"):
        load_packs([tmp_path], builtin=False)


def test_a_rule_id_used_twice_in_one_file_is_refused_with_both_lines(tmp_path):
    # `clean` said only "is already used in FILE", where `rules check` gave the lines.
    rule = GOOD[GOOD.index("[[rule]]"):]
    path = write(tmp_path, GOOD + "\n" + rule.replace("a promo", "another"), "a.toml")
    lines = [n for n, line in enumerate(path.read_text().splitlines(), 1) if line.startswith("id")]
    with pytest.raises(RuleFileError) as info:
        load_packs([tmp_path], builtin=False)
    assert f"is already used in {path} (lines {lines[-2]} and {lines[-1]})" in str(info.value)


def test_user_pack_with_a_shipped_id_replaces_it(tmp_path):
    sites = tmp_path / "sites"
    sites.mkdir()
    write(sites, '[pack]\nid = "channel9.id"\ndomains = ["channel9.id"]\n' + GOOD, "channel9.id.toml")
    packs = load_packs([tmp_path])
    [channel9] = [p for p in packs if p.id == "channel9.id"]
    assert [r.id for r in channel9.rules] == ["t/promo"]


def test_rules_check_reports_a_failing_example(tmp_path, capsys):
    path = write(tmp_path, GOOD + 'keep = ["promo"]\n')
    assert main(["rules", "check", "--no-builtin-rules", "--rules", str(path)]) == 1
    assert "t/promo: fires on keep example 'promo'" in capsys.readouterr().out


def test_rules_check_passes_on_shipped_rules(capsys):
    assert main(["rules", "check"]) == 0
    assert "0 failing examples" in capsys.readouterr().err


def test_every_shipped_pattern_compiles_for_matching():
    # Shipped packs are only parsed at load (a run compiles the rules it uses): this is the check.
    from cleaner.rulefile import compile_pattern, load_packs

    for pack in load_packs():
        for rule in pack.rules:
            compile_pattern(rule.pattern, rule.case_sensitive)
            if rule.then:
                compile_pattern(rule.then, rule.case_sensitive)


def test_user_pattern_too_large_to_match_is_refused_at_load(tmp_path):
    from cleaner.rulefile import RuleFileError, load_packs

    path = tmp_path / "big.toml"
    path.write_text('[pack]\nkind = "common"\nid = "big"\n[[rule]]\nid = "big/x"\n'
                    'action = "drop-line"\npattern = "^' + "\\\\s".join(["\\\\pL{1,1000}"] * 4) + '$"\n'
                    'remove = ["a b"]\n', encoding="utf-8")
    with pytest.raises(RuleFileError, match="big/x.*cannot be compiled for matching"):
        load_packs([path])


@pytest.mark.parametrize("pattern,reason", [
    ("'^promo[\u00fc-\u00e9]$'", "invalid character class range: \u00fc-\u00e9"),
    ("'^promo\\x{110000}$'", "invalid escape sequence"),
])
def test_errors_only_utf8_shows_are_refused_at_load_without_compiling(tmp_path, pattern, reason):
    """Shipped packs are checked at load, not compiled: the check must see what only RE2's UTF-8
    parse would (a backwards range between characters above ASCII, a code past U+10FFFF)."""
    path = write(tmp_path, GOOD.replace("'^promo$'", pattern))
    with pytest.raises(RuleFileError) as info:
        load_pack(path, compiled=False)
    assert reason in str(info.value)


def test_a_character_given_by_its_code_loads_and_matches(tmp_path):
    text = GOOD.replace("'^promo$'", "'^promo[\\x{2018}\\x{2019}]$'").replace(
        'remove = ["promo"]', 'remove = ["promo\u2019"]')
    for compiled in (False, True):
        [rule] = load_pack(write(tmp_path, text), compiled=compiled).rules
        assert rule.spans.search("promo\u2019".encode()) is not None


def test_a_rule_file_saved_with_a_byte_order_mark_loads(tmp_path):
    path = tmp_path / "t.toml"
    path.write_bytes(b"\xef\xbb\xbf" + GOOD.encode("utf-8"))
    assert [rule.id for rule in load_pack(path).rules] == ["t/promo"]


@pytest.mark.parametrize("change,said,hinted", [
    (("'^promo$'", "'^pro{1,2000}mo$'"), "invalid repetition size: {1,2000}", False),
    (("'^promo$'", "'(?<=x)promo'"), "invalid perl operator: (?<=", True),
    (('remove = ["promo"]', 'remove = ["promo"]\nthen = \'(?<=x)\''),
     "then pattern rejected by RE2: invalid perl operator: (?<=", True),
    (('remove = ["promo"]', 'remove = ["promo"]\nthen = \'^x(?=y)\''),
     "then pattern rejected by RE2: invalid perl operator: (?=", True),
    (('remove = ["promo"]', 'remove = ["promo"]\nthen = \'^x{1,2000}\''),
     "then pattern rejected by RE2: invalid repetition size", False),
])
def test_re2_reasons_are_text_with_the_look_around_hint_only_where_it_applies(
        tmp_path, change, said, hinted):
    with pytest.raises(RuleFileError) as info:
        load_pack(write(tmp_path, GOOD.replace(*change)))
    message = str(info.value)
    assert said in message and "b'" not in message
    assert ("look-around and back-references" in message) == hinted


def test_a_pack_naming_domains_is_a_site_pack_wherever_its_file_sits(tmp_path):
    from cleaner import Cleaner

    path = write(tmp_path, '[pack]\nid = "kabar.example"\ndomains = ["kabar.example"]\n\n'
                           + GOOD.replace("promo", "PROMO"), name="kabar.toml")
    assert load_pack(path).kind == "site"
    cleaner = Cleaner(rules=[path])
    text = "Isi berita pertama yang panjang.\n\nPROMO"
    assert cleaner.clean(text, url="https://kabar.example/1")["removed"][-1]["rule"] == "t/PROMO"
    assert "PROMO" in cleaner.clean(text, url="https://lain.example/1")["text"]


def test_a_rules_folder_with_no_rule_files_is_refused_not_passed_over(tmp_path):
    folder = tmp_path / "mine"
    (folder / "other").mkdir(parents=True)
    with pytest.raises(RuleFileError, match="holds no rule files"):
        load_packs([folder])
    write(folder, GOOD, name="T.TOML")      # an upper-case suffix is a rule file too
    assert "t/promo" in {r.id for p in load_packs([folder], builtin=False) for r in p.rules}


@pytest.mark.parametrize("below", ["extra", "sites/asia", "lang/old"])
def test_rule_files_in_a_folder_the_loader_does_not_read_are_refused_naming_it(tmp_path, below):
    folder = tmp_path / "mine"
    (folder / below).mkdir(parents=True)
    write(folder, GOOD)
    write(folder / below, GOOD.replace("t/promo", "t/other"), name="x.toml")
    with pytest.raises(RuleFileError) as info:
        load_packs([folder], builtin=False)
    assert info.value.path == str(folder / below)
    assert info.value.reason.startswith("holds rule files that are not read (x.toml): of the "
                                        f"rules folder {folder}, only the top level, lang/ and "
                                        "sites/ are read")
    # Given as rules of their own, they are read.
    packs = load_packs([folder, folder / below], builtin=False)
    assert {r.id for p in packs for r in p.rules} == {"t/promo", "t/other"}


def test_hidden_folders_of_a_rules_folder_are_not_looked_in(tmp_path):
    (tmp_path / ".git").mkdir()
    write(tmp_path / ".git", GOOD, name="config.toml")
    write(tmp_path, GOOD)
    assert [p.id for p in load_packs([tmp_path], builtin=False)] == ["t"]


@pytest.mark.parametrize("change", [
    ('id = "t/promo"', 'id = "header/title"'),
    ('id = "t/promo"', 'id = "html/not-extracted"'),
    ('id = "t/promo"', 'id = "learned/kabar.com/1"'),
    ('id = "t/promo"', 'id = "markup/hidden"'),
    ('id = "t/promo"', 'id = "t/promo"\naliases = ["header/byline"]'),
])
def test_rule_ids_the_cleaner_records_its_own_removals_under_are_refused(tmp_path, change):
    path = write(tmp_path, GOOD.replace(*change))
    with pytest.raises(RuleFileError) as info:
        load_packs([path])
    name = change[1].split('"')[-2]
    message = str(info.value)
    assert f"{name!r} starts with {name.split('/')[0]}/, a prefix the cleaner keeps" in message
    assert "header/: the title" in message and "learned/: the lines" in message
    # (the suggested id keeps the last part alone: 'like t/1', not 't/kabar.com/1')
    assert message.endswith(f"like t/{name.rsplit('/', 1)[-1]}")


def test_a_rule_named_as_the_head_title_is_refused_not_run_beside_it(tmp_path, capsys):
    # Loaded, its removals and the title's both came out as header/title.
    path = write(tmp_path, GOOD.replace('id = "t/promo"', 'id = "header/title"'))
    article = write(tmp_path, "Judul Berita Hari Ini Yang Panjang\n\npromo\n\nPresiden "
                              "mengatakan bahwa rencana itu dibahas pekan depan.\n", "a.txt")
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(article), "--rules", str(path), "-o", str(out)]) == 2
    assert "a prefix the cleaner keeps for its own removals" in capsys.readouterr().err
    assert not out.exists()


def test_a_then_pattern_matching_empty_text_is_refused_in_a_whole_sentence(tmp_path):
    path = write(tmp_path, GOOD.replace('remove = ["promo"]', 'remove = ["promo"]\nthen = \'x?\''))
    with pytest.raises(RuleFileError) as info:
        load_pack(path)
    assert info.value.reason.startswith("then pattern matches empty text, so it would take every "
                                        "line after the one dropped")
    assert info.value.reason.endswith("label)")


def _site(tmp_path, folder, body, rule_id):
    path = tmp_path / folder / "sites" / "kabar.com.toml"
    path.parent.mkdir(parents=True)
    path.write_text(body + GOOD.replace("t/promo", rule_id), encoding="utf-8")
    return path


def test_two_of_the_users_packs_with_one_id_are_refused_not_one_dropped(tmp_path):
    one = _site(tmp_path, "a", '[pack]\ndomains = ["kabar.com"]\n', "kabar/one")
    two = _site(tmp_path, "b", '[pack]\ndomains = ["kabar.com"]\n', "kabar/two")
    with pytest.raises(RuleFileError, match="pack id 'kabar.com' is already used by .*a/sites"):
        load_packs([one, two])


def test_a_domain_two_site_packs_claim_is_refused(tmp_path):
    # cnnindonesia.com is the shipped cnnindonesia pack's: this pack would take its documents.
    mine = _site(tmp_path, "a", '[pack]\ndomains = ["kabar.com", "cnnindonesia.com"]\n',
                 "kabar/one")
    with pytest.raises(RuleFileError, match="domain 'cnnindonesia.com' is already claimed by"
                       ) as refused:
        load_packs([mine])
    # (the shipped site's: how to take it over is said)
    assert refused.value.reason.endswith(
        "; to change the shipped site's rules, name the file cnnindonesia.com.toml (or set id = "
        "'cnnindonesia.com' in its [pack]): it then takes the shipped pack's place whole, so "
        "copy in the shipped rules to keep")


@pytest.mark.parametrize("lang", ['"in"', "5"])
def test_a_site_language_no_language_pack_serves_is_refused(tmp_path, lang):
    mine = _site(tmp_path, "a", f'[pack]\ndomains = ["kabar.com"]\nlang = {lang}\n', "kabar/one")
    with pytest.raises(RuleFileError,
                       match="names no language pack .there are: en, es, fr, id, ms"):
        load_packs([mine])
    # With no language pack loaded at all, no language rules were asked for.
    assert load_packs([mine], builtin=False)[0].lang in ("in", 5)


def test_a_year_written_as_a_number_bounds_a_rule_as_the_same_year_quoted(tmp_path):
    import datetime

    text = GOOD.replace('remove = ["promo"]', 'remove = ["promo"]\nvalid_from = 2017\nvalid_until = 2019')
    rule, = load_pack(write(tmp_path, text)).rules
    assert (rule.valid_from, rule.valid_until) == (datetime.date(2017, 1, 1),
                                                  datetime.date(2019, 12, 31))


META = GOOD.replace('action = "drop-line"', 'action = "meta"')


@pytest.mark.parametrize("value,reason", [
    # authors is both a field no rule may set and a list: the field is what is wrong
    ('{ authors = ["X"] }', "not ['authors']; authors can only be captured, by a named group "
                           "(?P<author>...) in the pattern"),
    ('{ site = "x" }', "not ['site']"),
    ('{ source = 5 }', "set values must be strings: source"),
    ('["source"]', "set must be a table"),
])
def test_set_says_which_field_it_cannot_fill_before_the_value_type(tmp_path, value, reason):
    from cleaner.rulefile import SET_FIELDS

    path = write(tmp_path, META.replace('remove = ["promo"]', f'remove = ["promo"]\nset = {value}'))
    with pytest.raises(RuleFileError) as info:
        load_pack(path)
    assert reason in info.value.reason and info.value.rule == "t/promo"
    if "not [" in reason:
        assert f"set may fill only {sorted(SET_FIELDS)}" in info.value.reason


@pytest.mark.parametrize("pattern, advice", [
    # A negative look-ahead holds exceptions, which a cut group cannot: `unless` does.
    ("'^promo(?!\\.com)'", "give the lines it must not take as an unless pattern"),
    ("'(?<!no )promo'", "give the lines it must not take as an unless pattern"),
    ("'(?<=x)promo'", "use a (?P<cut>...) group to keep context"),
    ("'^promo(?=\\.com)'", "use a (?P<cut>...) group to keep context"),
])
def test_a_refused_look_around_is_told_what_a_rule_holds_instead(tmp_path, pattern, advice):
    with pytest.raises(RuleFileError) as info:
        load_pack(write(tmp_path, GOOD.replace("'^promo$'", pattern)))
    assert str(info.value).endswith(advice + (" (a line matching it is kept)"
                                              if "unless" in advice else ""))


def test_a_pattern_in_double_quotes_is_told_to_go_in_single_quotes(tmp_path):
    with pytest.raises(RuleFileError) as info:
        load_pack(write(tmp_path, GOOD.replace("'^promo$'", '"^promo\\s+baru$"')))
    assert "not valid TOML: Unescaped '\\' in a string" in str(info.value)
    assert str(info.value).endswith("write patterns in single quotes ('^Baca\\s+juga'), where a "
                                    "backslash is itself")
