"""`cleaner rules check` computes what `cleaner clean` computes (a case's meta read with the
packs and meta sink of the cleaner clean builds), says why a rule whose pattern matches fixture
lines never fires there, and `explain` / `rules list` name a rule's file and description."""

from __future__ import annotations

import json

from cleaner.cli import main
from cleaner.pipeline import Cleaner
from cleaner.rules_check import check_all

# The acceptance test's pack (/tmp/s32/accE/probe/caseB): a Spanish site's dateline, whose
# location reads 'Santiago de Compostela' with the common pack's name_particles.
DATELINE_PACK = """[pack]
id = "loc.es"
domains = ["loc.es"]

[[rule]]
id = "loc/dateline"
action = "meta"
where = "head"
case_sensitive = true
pattern = '^(?P<cut>(?P<location>\\p{Lu}{2,}(?:[ \\t]+\\p{Lu}{2,}){0,3})\\.-[ \\t]*)\\p{Lu}'
remove = ["SANTIAGO DE COMPOSTELA.- Los presidentes firmaron."]
cases = [{input = "SANTIAGO DE COMPOSTELA.- Los presidentes firmaron.", output = "Los presidentes firmaron.", meta = {location = "Santiago de Compostela"}}]
"""
CASE_INPUT = "SANTIAGO DE COMPOSTELA.- Los presidentes firmaron."


def _site_pack(tmp_path, body=DATELINE_PACK, name="loc.es"):
    folder = tmp_path / "rules"
    folder.mkdir(exist_ok=True)
    (folder / f"{name}.toml").write_text(body, encoding="utf-8")
    return folder


def test_a_case_reads_its_meta_as_clean_does(tmp_path):
    folder = _site_pack(tmp_path)
    result = check_all([folder], fixtures=None, shadowing=False)
    assert [f.message for f in result.findings if f.check == "examples"] == []
    # ... and the case's expectation is what clean gives for its input at the site's url.
    record = Cleaner(rules=[folder]).clean(CASE_INPUT + "\n\nSegundo párrafo.",
                                           url="https://loc.es/a")
    assert record["meta"]["location"] == "Santiago de Compostela"


def test_a_case_that_clean_contradicts_fails(tmp_path):
    # The expectation the acceptance tester had to write to pass the old check fails now.
    folder = _site_pack(tmp_path, DATELINE_PACK.replace('location = "Santiago de Compostela"',
                                                        'location = "Santiago De Compostela"'))
    result = check_all([folder], fixtures=None, shadowing=False)
    [failure] = [f.message for f in result.findings if f.check == "examples"]
    assert "'Santiago de Compostela', expected 'Santiago De Compostela'" in failure


def test_the_check_reads_cases_with_the_cleaner_it_is_given(tmp_path):
    """One way of building the cleaner: the factory `rules check` is given builds the Cleaner
    its cases and its fixtures run with (here: one whose --lang is Indonesian)."""
    folder = _site_pack(tmp_path)
    built = []

    def factory(packs):
        built.append(Cleaner(packs=packs, lang="id"))
        return built[-1]

    check_all([folder], fixtures=None, cleaner_factory=factory, shadowing=False)
    assert len(built) == 1


# -- a rule whose pattern matches fixture lines where its `where` keeps it from firing ----------

HEAD_PACK = """[pack]
id = "diario.example"
kind = "site"
domains = ["diario.example"]

[[rule]]
id = "diario/dateline"
action = "meta"
case_sensitive = true
pattern = '^(?P<cut>(?P<location>\\p{Lu}{2,})\\.-[ \\t]*)\\p{Lu}'
remove = ["MADRID.- El Consejo aprobó la ley."]

[[rule]]
id = "diario/lee-tambien"
action = "drop-line"
where = "head"
pattern = '^Lee también:\\s*\\S.*$'
remove = ["Lee también: Otra noticia del día"]

[[rule]]
id = "diario/etiquetas"
action = "drop-line"
where = "head"
pattern = '^Etiquetas:\\s*\\S.*$'
remove = ["Etiquetas: Vivienda, Alquiler"]
"""
ARTICLE = ("MADRID.- El Consejo de Ministros aprobó este martes la ley de vivienda.\n\n"
           "Lee también: Los precios del alquiler suben\n\n"
           + "".join(f"Párrafo {n} del texto de la noticia, con frases largas.\n\n"
                     for n in range(1, 9))
           + "Etiquetas: Vivienda, Alquiler\n")


def _head_check(tmp_path, capsys):
    _site_pack(tmp_path, HEAD_PACK, "diario.example")
    cases = tmp_path / "fixtures" / "diario.example"
    cases.mkdir(parents=True)
    (cases / "one.jsonl").write_text(json.dumps({"id": "d1", "url": "https://diario.example/a",
                                                 "text": ARTICLE}) + "\n", encoding="utf-8")
    assert main(["rules", "check", "--rules", str(tmp_path / "rules"), "--fixtures",
                 str(tmp_path / "fixtures"), "--json", "--no-shadowing"]) == 0
    data = json.loads(capsys.readouterr().out)
    return {f["where"].rpartition(": ")[2]: f["message"] for f in data["findings"]
            if f["check"] == "fixtures" and f["level"] == "warning"}


def test_a_head_rule_below_a_dateline_is_told_why_it_never_fires(tmp_path, capsys):
    said = _head_check(tmp_path, capsys)
    message = said["diario/lee-tambien"]
    assert "add a fixture" not in message
    assert message.startswith("matches 1 fixture line (")
    assert "one.jsonl:1, line 3" in message and "but never fires there" in message
    assert 'where = "head"' in message and "after a dateline" in message


def test_a_head_rule_below_the_head_is_told_why_it_never_fires(tmp_path, capsys):
    message = _head_check(tmp_path, capsys)["diario/etiquetas"]
    assert "add a fixture" not in message and "but never fires there" in message
    assert 'where = "head"' in message and "below the head" in message


# -- explain and rules list name a rule's file and description -----------------------------------

def test_explain_names_each_rules_file_and_description(tmp_path, capsys):
    folder = _site_pack(tmp_path)
    dump = tmp_path / "b.jsonl"
    dump.write_text(json.dumps({"id": "b1", "url": "https://loc.es/a",
                                "text": CASE_INPUT + "\n\nSegundo párrafo."}) + "\n",
                    encoding="utf-8")
    (folder / "loc.es.toml").write_text(DATELINE_PACK.replace(
        'action = "meta"', 'description = "the wire dateline"\naction = "meta"'),
        encoding="utf-8")
    assert main(["explain", str(dump), "--rules", str(folder)]) == 0
    out = capsys.readouterr().out
    legend = out[out.index("rules:"):]
    assert "loc/dateline" in legend and "loc.es.toml" in legend
    assert "the wire dateline" in legend


def test_rules_list_takes_a_pattern(tmp_path, capsys):
    folder = _site_pack(tmp_path)
    assert main(["rules", "list", "--rules", str(folder), "loc/*"]) == 0
    out = capsys.readouterr().out
    assert "loc/dateline" in out and "common/" not in out
    assert main(["rules", "list", "--rules", str(folder), "dateline"]) == 0
    out = capsys.readouterr().out
    assert "loc/dateline" in out and "common/dateline-agency" in out
    assert "common/copyright-line" not in out
