"""Rule authors' mistakes get messages that fit them: a refused pattern quoted as written, a
domain's port or scheme named, a language pack the language pick cannot name, a rule that takes
text a fixture's expected record keeps, an id renamed without aliases, and the shipped packs a
copied rules folder still loads."""

from __future__ import annotations

import shutil

import pytest

from cleaner.cli import main
from cleaner.fixtures import dump_record
from cleaner.pipeline import Cleaner
from cleaner.rulefile import RuleFileError, builtin_rules_dir, read_pack, shipped_rule_files
from cleaner.rules_check import (check_all, check_language_packs, load_all, shipped_beside)

SITE = '''[pack]
id = "berita-uji.example"
domains = [{domains}]

[[rule]]
id = "berita-uji/ad"
action = "drop-line"
pattern = {pattern}
remove = ["Publicidade"]
'''


def _site(tmp_path, pattern="'^Publicidade$'", domains='"berita-uji.example"', extra=""):
    path = tmp_path / "mine" / "sites" / "berita-uji.example.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(SITE.format(pattern=pattern, domains=domains) + extra, encoding="utf-8")
    return path


def _reason(path) -> str:
    with pytest.raises(RuleFileError) as caught:
        pack, errors = read_pack(path)
        if errors:
            raise errors[0]
    return caught.value.reason


# -- 1. a refused pattern, quoted as the file writes it -----------------------------------------

def test_a_refused_pattern_is_quoted_as_written_not_as_its_checked_form(tmp_path):
    reason = _reason(_site(tmp_path, "'^(?:Publicidade|Anúncio$'"))
    assert "missing ): ^(?:Publicidade|Anúncio$" in reason
    assert "\\x80" not in reason and "�" not in reason


def test_an_unless_and_a_scan_refused_are_quoted_as_written_too(tmp_path):
    unless = _reason(_site(tmp_path, extra="unless = '(?:Anúncio'\n"))
    assert "missing ): (?:Anúncio" in unless
    scan = _reason(_site(tmp_path, extra="scan = '(?:Anúncio'\n"))
    assert "missing ): (?:Anúncio" in scan and "b'" not in scan


# -- 3. a domain's mistake named ----------------------------------------------------------------

@pytest.mark.parametrize("domain, said", [
    ("noticias-exemplo.com.br:8080", "drop the port ':8080'; write 'noticias-exemplo.com.br'"),
    ("https://noticias-exemplo.com.br", "drop the scheme 'https://'; write "
                                        "'noticias-exemplo.com.br'"),
    ("noticias-exemplo.com.br/politica", "drop the path '/politica'; write "
                                         "'noticias-exemplo.com.br'"),
    ("www.noticias-exemplo.com.br", "drop 'www.'"),
])
def test_a_domain_is_told_what_to_drop(tmp_path, domain, said):
    reason = _reason(_site(tmp_path, domains=f'"{domain}"'))
    assert said in reason
    if "www" not in domain:
        assert "www" not in reason            # not the advice meant for www.


# -- 2. language packs the language pick cannot name --------------------------------------------

LANG = '''[pack]
id = "{id}"
kind = "lang"
stopwords = {stopwords}

[[rule]]
id = "ptbr/ad"
action = "drop-line"
pattern = '^Publicidade$'
remove = ["Publicidade"]
'''
FEW = '["não", "também", "são", "pela", "pelo"]'
MANY = str([f"w{i}" for i in range(25)]).replace("'", '"')


def _lang(tmp_path, pack_id, stopwords):
    path = tmp_path / "mine" / "lang" / f"{pack_id}.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(LANG.format(id=pack_id, stopwords=stopwords), encoding="utf-8")
    pack, errors = read_pack(path)
    assert not errors
    return path, pack


def test_a_language_pack_whose_id_is_no_plain_code_is_warned_about(tmp_path):
    path, pack = _lang(tmp_path, "pt-BR", MANY)
    [warning] = check_language_packs([pack])
    assert warning.level == "warning" and warning.where == str(path)
    assert "'pt-BR' is read as 'pt'" in warning.message and 'id = "pt"' in warning.message


def test_a_language_pack_with_too_few_stopwords_is_warned_about(tmp_path):
    path, pack = _lang(tmp_path, "pt", FEW)
    [warning] = check_language_packs([pack])
    assert warning.where == str(path)
    assert "lists only 5 stopwords" in warning.message and "8%" in warning.message


def test_a_plain_code_with_stopwords_enough_is_not(tmp_path):
    _, pack = _lang(tmp_path, "pt", MANY)
    assert check_language_packs([pack]) == []


def test_the_shipped_language_packs_pass():
    packs, _ = load_all()
    assert check_language_packs(packs) == []


def test_rules_check_shows_both_warnings_for_the_reproducer(tmp_path, capsys):
    _lang(tmp_path, "pt-BR", FEW)
    code = main(["rules", "check", "--rules", str(tmp_path / "mine"), "--no-fixtures",
                 "--no-shadowing"])
    out = capsys.readouterr().out
    assert code == 0
    assert "language   2 warnings" in out and "pt-BR.toml" in out


# -- 4, 5. the fixtures' expected records --------------------------------------------------------

ARTICLE = ("Judul berita uji coba\n\nWarga berkumpul di alun-alun sejak pagi untuk acara itu.\n\n"
           "Ikuti kabar terbaru di Instagram resmi kota.\n\nAcara selesai menjelang sore hari.\n")
EATER = '''
[[rule]]
id = "berita-uji/instagram"
action = "drop-line"
pattern = '\\bdi\\s+instagram\\b'
remove = ["Ikuti kami di Instagram @contoh"]
'''


def _fixture(tmp_path, rule_id="berita-uji/ad"):
    """A fixtures folder with one case, its expected record made with the site pack alone (its
    one removal's rule named `rule_id`)."""
    rules = _site(tmp_path, extra="").parent.parent
    folder = tmp_path / "fixtures" / "berita-uji.example"
    folder.mkdir(parents=True)
    raw = folder / "a.txt"
    raw.write_text(ARTICLE.replace("Judul", "Publicidade\n\nJudul"), encoding="utf-8")
    (folder / "a.input.json").write_text('{"url": "https://berita-uji.example/a"}',
                                         encoding="utf-8")
    record = Cleaner(rules=[rules], builtin=False).clean(
        raw.read_text(encoding="utf-8"), id="a", url="https://berita-uji.example/a")
    [ad] = [r for r in record["removed"] if r["rule"] == "berita-uji/ad"]
    ad["rule"] = rule_id
    (folder / "a.json").write_text(dump_record(record), encoding="utf-8")
    return rules, tmp_path / "fixtures"


def _check(rules, fixtures):
    return check_all([rules], builtin=False, fixtures=fixtures, shadowing=False,
                     cleaner_factory=lambda packs: Cleaner(packs=packs))


def test_a_rule_taking_a_line_an_expected_record_keeps_is_named_with_fixture_and_line(tmp_path):
    rules, fixtures = _fixture(tmp_path)
    path = _site(tmp_path, extra=EATER)
    result = _check(rules, fixtures)
    [finding] = [f for f in result.findings if f.check == "records"]
    assert finding.level == "warning"
    assert finding.where == f"{path}: berita-uji/instagram"
    assert "'Ikuti kabar terbaru di Instagram resmi kota.'" in finding.message
    assert f"{fixtures / 'berita-uji.example' / 'a.txt'}:7" in finding.message
    assert result.expected_records == 1


SPAN = '''
[[rule]]
id = "berita-uji/instagram-span"
action = "drop-span"
pattern = '\\S(?P<cut>\\s+di\\s+Instagram\\s+resmi\\s+kota\\.)$'
remove = ["Ikuti kabar terbaru di Instagram resmi kota."]
'''
LINE_EATER = '''
[[rule]]
id = "berita-uji/ikuti-line"
action = "drop-line"
pattern = '^Ikuti\\s+kabar'
remove = ["Ikuti kabar terbaru di Instagram resmi kota."]
'''


def test_a_rule_taking_whole_a_line_the_expected_record_cut_in_part_is_named(tmp_path, capsys):
    """The expected record keeps "Ikuti kabar terbaru" (a span rule cut the rest); a new
    drop-line takes the whole line, its removal longer than the line kept: "no rule takes text
    they keep", where `fixtures check` called the line lost. The hint names the fixtures folder
    and --accept-loss, which the update it names needs."""
    rules = _site(tmp_path, extra=SPAN).parent.parent
    folder = tmp_path / "fx" / "berita-uji.example"
    folder.mkdir(parents=True)
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "a.input.json").write_text('{"url": "https://berita-uji.example/a"}',
                                         encoding="utf-8")
    record = Cleaner(rules=[rules], builtin=False).clean(
        ARTICLE, id="a", url="https://berita-uji.example/a")
    assert "Ikuti kabar terbaru\n" in record["text"]
    (folder / "a.json").write_text(dump_record(record), encoding="utf-8")
    _site(tmp_path, extra=SPAN.replace('id = "berita-uji/instagram-span"',
                                       'id = "berita-uji/instagram-span"\npriority = 5')
          + LINE_EATER)
    main(["rules", "check", "--rules", str(rules), "--no-builtin-rules", "--fixtures",
          str(tmp_path / "fx"), "--no-shadowing"])
    out = capsys.readouterr().out
    [warning] = [line for line in out.splitlines() if "berita-uji/ikuti-line: removes" in line]
    assert "kota.' (holding the line 'Ikuti kabar terbaru') at " in warning
    assert (f"`cleaner fixtures update a --root {tmp_path / 'fx'} --accept-loss` writes it"
            in warning)
    assert f"`cleaner fixtures check --root {tmp_path / 'fx'}` shows the whole diff" in warning


def test_no_records_finding_while_the_fixtures_hold(tmp_path):
    rules, fixtures = _fixture(tmp_path)
    result = _check(rules, fixtures)
    assert [f for f in result.findings if f.check in ("records", "ids")] == []


def test_the_records_verdict_says_what_is_compared(tmp_path, capsys):
    rules, fixtures = _fixture(tmp_path)
    main(["rules", "check", "--rules", str(rules), "--no-builtin-rules", "--fixtures",
          str(fixtures), "--no-shadowing"])
    out = capsys.readouterr().out
    assert ("records    1 expected record: no rule takes text they keep (`cleaner fixtures "
            "check` compares them whole)") in out


def test_an_id_the_expected_records_name_that_no_rule_has_is_a_rename_warning(tmp_path):
    rules, fixtures = _fixture(tmp_path, rule_id="berita-uji/advert")
    result = _check(rules, fixtures)
    [finding] = [f for f in result.findings if f.check == "ids"]
    assert finding.level == "warning"
    assert ("fixture " + str(fixtures / "berita-uji.example" / "a.json") + "'s expected record "
            "names rule id 'berita-uji/advert', which no loaded rule has: renamed? add aliases"
            ) in finding.message


def test_a_rule_that_does_not_load_is_its_schema_error_not_a_rename_warning(tmp_path):
    """A typo in its pattern also warned that the fixtures named an id no loaded rule has:
    "renamed? add aliases", where nothing was renamed."""
    rules, fixtures = _fixture(tmp_path)
    _site(tmp_path, pattern="'^(Publicidade$'")
    result = _check(rules, fixtures)
    assert [f for f in result.findings if f.check == "ids"] == []
    [error] = [f for f in result.findings if f.check == "schema" and f.level == "error"]
    assert error.rule == "berita-uji/ad" and "missing )" in error.message


def test_an_alias_answers_the_rename_warning(tmp_path):
    rules, fixtures = _fixture(tmp_path, rule_id="berita-uji/advert")
    _site(tmp_path, extra='aliases = ["berita-uji/advert"]\n')
    result = _check(rules, fixtures)
    assert [f for f in result.findings if f.check == "ids"] == []


# -- 6. the shipped packs a copied rules folder still loads -------------------------------------

def test_a_pack_deleted_from_a_copied_rules_folder_is_said_to_come_from_the_shipped(tmp_path):
    copy = tmp_path / "rules"
    shutil.copytree(str(builtin_rules_dir()), copy,
                    ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    (copy / "sites" / "kapanlagi.com.toml").unlink()
    packs, _ = load_all([copy])
    shipped = {str(path) for path in shipped_rule_files()}
    [info] = shipped_beside(packs, shipped)
    assert info.level == "info" and info.check == "schema"
    assert info.message.startswith("1 pack comes from the shipped rules")
    assert "sites/kapanlagi.com.toml" in info.message


def test_a_pack_of_ones_own_beside_the_shipped_ones_is_no_news(tmp_path):
    path = _site(tmp_path)
    packs, _ = load_all([path.parent.parent])
    assert shipped_beside(packs, {str(p) for p in shipped_rule_files()}) == []


# -- review s36 (fix2Fixtures): a malformed expected record is passed over, not a crash ---------

@pytest.mark.parametrize("field", ["text", "rule"])
def test_a_removal_whose_text_or_rule_is_no_string_is_passed_over(tmp_path, field):
    import json
    rules, fixtures = _fixture(tmp_path)
    path = fixtures / "berita-uji.example" / "a.json"
    record = json.loads(path.read_text(encoding="utf-8"))
    record["removed"][0][field] = [record["removed"][0][field]]
    path.write_text(json.dumps(record), encoding="utf-8")
    _site(tmp_path, extra=EATER)
    result = _check(rules, fixtures)
    [finding] = [f for f in result.findings if f.check == "records"]
    assert "'Ikuti kabar terbaru di Instagram resmi kota.'" in finding.message


def test_a_rule_cutting_a_word_or_two_of_a_kept_line_is_no_records_finding(tmp_path):
    # as `fixtures update` takes a cut of one or two words (a code, a credit) as a changed line
    rules, fixtures = _fixture(tmp_path)
    _site(tmp_path, extra=EATER.replace('"berita-uji/instagram"', '"berita-uji/resmi"').replace(
        "drop-line", "drop-span").replace("'\\bdi\\s+instagram\\b'", "'\\s+resmi\\b'"))
    result = _check(rules, fixtures)
    assert [f for f in result.findings if f.check == "records"] == []


def test_a_language_pack_id_warning_says_what_the_docs_say_and_what_detection_does(tmp_path):
    _, pack = _lang(tmp_path, "pt-BR", MANY)
    [warning] = check_language_packs([pack])
    assert warning.message.startswith(
        "language pack id 'pt-BR' is not the plain code a declared language is read as")
    assert "detection by its stopwords alone names texts 'pt-BR'" in warning.message


def test_an_unknown_property_class_is_no_pattern_size_problem(tmp_path):
    path = _site(tmp_path, pattern="'\\p{Letr\u00e1}'")
    reason = _reason(path)
    assert "\\p{Letr\u00e1}" in reason and "64 MB" not in reason and "split it" not in reason
