"""`cleaner suggest` on a language no pack covers (Brazilian Portuguese news): bylines whose
names hold particles (`de`, `da`, `dos`) still teach the joining word `e`; a byline with a
newsroom tail (`Por X, da Redação`) is a meta rule capturing the author; a stamp written with no
colon (`Publicado em <date>`) is a date meta rule; a label no pack lists followed by names
(`Edição: X`) keeps the names in meta; every example shown is a real line (or a line's start)
of the dump."""

from __future__ import annotations

import tomllib
from pathlib import Path

from cleaner.cli import main
from suggest_helpers import suggested, write_dump
from cleaner.examples import run_rule
from cleaner.rulefile import _load_rule
from cleaner.rule_toml import rule_toml

HOST = "noticias-exemplo.com.br"
LEADS = ["O prefeito anunciou nesta terça-feira um novo pacote de obras para a região central.",
         "A polícia prendeu dois suspeitos de furtar cabos de energia em um bairro da zona norte.",
         "O hospital municipal abriu vinte novos leitos para atender crianças com doenças.",
         "A câmara aprovou em primeira votação o projeto que amplia o horário do comércio.",
         "O festival de música reuniu milhares de pessoas no parque durante todo o fim de semana.",
         "A secretaria de educação divulgou o calendário de matrículas para o próximo ano letivo."]
# The bylines of the user's report (corpus-bylines-nored.jsonl): names with particles inside.
BYLINES = ["Por Beatriz Carvalho e Juliana de Souza Lima", "Por Marcos Vinícius Costa",
           "Por Juliana de Souza Lima e Lucas Ferreira da Silva", "Por Carlos Eduardo Nogueira",
           "Por Ana Paula Ribeiro e Gabriela Pinheiro", "Por Patrícia Mendes",
           "Por Carlos Eduardo Nogueira e Renato Barros", "Por Gabriela Pinheiro",
           "Por Lucas Ferreira da Silva e Ana Paula Ribeiro", "Por Juliana de Souza Lima",
           "Por Thiago Moreira e Beatriz Carvalho", "Por Renato Barros",
           "Por Renato Barros e Patrícia Mendes", "Por Patrícia Mendes",
           "Por Lucas Ferreira da Silva e Beatriz Carvalho"]
NAMES = ["Ana Paula Ribeiro", "Marcos Vinícius Costa", "Thiago Moreira", "Patrícia Mendes",
         "Fernanda Lopes", "Juliana Lima"]


def _url(i: int) -> str:
    return f"https://www.{HOST}/noticia-{i}/2025/"


def _suggest(tmp_path: Path, docs: list[list[str]], capsys, *extra: str) -> list[dict]:
    return suggested(write_dump(tmp_path, docs, _url), capsys, *extra)


def _loaded(rule: dict):
    raw = tomllib.loads(rule_toml(rule))["rule"][0]
    return _load_rule(raw, 0, "test", Path("(test)"))


def _lines(docs: list[list[str]]) -> list[str]:
    return [line for doc in docs for line in doc]


def test_joining_word_learnt_when_names_hold_particles(tmp_path, capsys):
    docs = [[f"Título da matéria número {i}", byline, LEADS[i % 6]]
            for i, byline in enumerate(BYLINES)]
    cands = _suggest(tmp_path, docs, capsys)
    [byline] = [c for c in cands if c["kind"] == "byline"]
    assert byline["pack"] == {"conjunctions": ["e"]}
    rule = _loaded(byline["rule"])
    for line in BYLINES:
        assert run_rule(rule, line).removed, line
    assert not [k for k in byline["rule"].get("keep", []) if k in BYLINES]
    # No candidate drops a byline's line with its names.
    for cand in cands:
        if cand["rule"]["action"] == "drop-line":
            assert not any(_loaded(cand["rule"]).regex.search(b) for b in BYLINES), cand["shape"]


def test_newsroom_tail_is_a_meta_byline(tmp_path, capsys):
    docs = [[f"Título da matéria número {i}", f"Por {name}, da Redação", LEADS[i]]
            for i, name in enumerate(NAMES)]
    cands = _suggest(tmp_path, docs, capsys)
    [byline] = [c for c in cands if c["kind"] == "byline"]
    assert byline["rule"]["action"] == "meta"
    doc = run_rule(_loaded(byline["rule"]), "Por Ana Paula Ribeiro, da Redação")
    assert doc.body() == "" and doc.meta.get("authors") == ["Ana Paula Ribeiro"]
    for cand in cands:
        if cand["rule"]["action"] == "drop-line":
            assert not _loaded(cand["rule"]).regex.search("Por Thiago Moreira, da Redação")


def test_template_of_names_at_a_byline_says_it_drops_names(tmp_path, capsys):
    # "Por Ana Lima para a Redação": a byline word, names as slots, no byline shape (no comma
    # before the tail): its drop-line rule says that it drops names.
    docs = [[f"Título da matéria número {i}", f"Por {name} para a Redação", LEADS[i]]
            for i, name in enumerate(NAMES)]
    cands = _suggest(tmp_path, docs, capsys)
    [template] = [c for c in cands if c["kind"] == "template"]
    assert template["rule"]["action"] == "drop-line"
    assert "dropping the names" in template["rule"]["description"]
    assert any("names people" in note for note in template["notes"])


def test_stamp_without_colon_is_a_date_rule(tmp_path, capsys):
    stamps = [f"Publicado em {10 + i}/03/2025 às {8 + i}h{15 + 5 * i}" for i in range(6)]
    docs = [[f"Título da matéria número {i}", stamp, LEADS[i]] for i, stamp in enumerate(stamps)]
    cands = _suggest(tmp_path, docs, capsys)
    [stamp] = [c for c in cands if "date" in c["rule"]["pattern"]]
    assert stamp["rule"]["action"] == "meta"
    doc = run_rule(_loaded(stamp["rule"]), stamps[0])
    assert doc.body() == "" and doc.meta.get("date", "").startswith("2025-03-10")


def test_stamp_with_update_after_a_bar(tmp_path, capsys):
    stamps = [f"Publicado em {10 + i}/03/2025 às {8 + i}h15 | Atualizado em {10 + i}/03/2025 às "
              f"{10 + i}h45" for i in range(6)]
    docs = [[f"Título da matéria número {i}", stamp, LEADS[i]] for i, stamp in enumerate(stamps)]
    cands = _suggest(tmp_path, docs, capsys)
    [stamp] = [c for c in cands if "date" in c["rule"]["pattern"]]
    doc = run_rule(_loaded(stamp["rule"]), stamps[0])
    assert doc.body() == "" and doc.meta.get("date", "").startswith("2025-03-10")


def test_label_no_pack_lists_says_it_drops_names(tmp_path, capsys):
    # (test_suggest_label_brackets: a label no pack lists stays a drop-line rule until a pack
    # lists it; the candidate says so, and which list to add it to)
    docs = [[f"Título da matéria número {i}", LEADS[i], "Segundo a prefeitura, tudo segue.",
             f"Edição: {name}"] for i, name in enumerate(NAMES)]
    cands = _suggest(tmp_path, docs, capsys)
    [label] = [c for c in cands if c["shape"].lower().startswith("edição")]
    assert label["rule"]["action"] == "drop-line"
    assert "dropping the names" in label["rule"]["description"]
    assert any('byline_labels] (editors = ["Edição"]' in note for note in label["notes"])


def test_a_listed_label_no_shipped_pack_has_keeps_names(tmp_path, capsys):
    docs = [[f"Título da matéria número {i}", LEADS[i], "Segundo a prefeitura, tudo segue.",
             f"Edição: {name}"] for i, name in enumerate(NAMES)]
    words = tmp_path / "words.toml"
    words.write_text('[pack]\nid = "words"\nkind = "common"\n'
                     '[pack.byline_labels]\neditors = ["Edição"]\n', encoding="utf-8")
    cands = _suggest(tmp_path, docs, capsys, "--rules", str(words))
    [label] = [c for c in cands if c["shape"].lower().startswith("edição")]
    assert label["rule"]["action"] == "meta" and not label["notes"]
    doc = run_rule(_loaded(label["rule"]), "Edição: Cláudia Rocha")
    assert doc.body() == "" and doc.meta.get("editors") == ["Cláudia Rocha"]


def test_examples_are_real_lines(tmp_path, capsys):
    openings = ["CURITIBA", "MANAUS", "SALVADOR", "RECIFE", "FORTALEZA", "BELÉM", "PORTO ALEGRE",
                "BELO HORIZONTE"]
    docs = [[f"Título da matéria número {i}", f"{place} – {LEADS[i % 6]}",
             "O caso segue em análise pelas autoridades."] for i, place in enumerate(openings)]
    lines = _lines(docs)
    cands = _suggest(tmp_path, docs, capsys)
    assert cands
    for cand in cands:
        shown = cand["examples"] + cand["rule"].get("remove", []) + cand["rule"].get("keep", [])
        for example in shown:
            assert any(line.startswith(example) for line in lines), (cand["shape"], example)


# -- review fixes (fix2Suggest): no proposal removes article sentences or drops names when pasted

def _taking(cands: list[dict], line: str) -> list[dict]:
    """The candidates whose rule removes something of a line."""
    return [c for c in cands if run_rule(_loaded(c["rule"]), line).removed]


def _dating(cands: list[dict], line: str) -> list[dict]:
    """The candidates whose rule takes a line as a date (a stamp's). (A sentence recurring
    with its numbers varying is a template of its own: not what these tests are about.)"""
    return [c for c in _taking(cands, line) if "(?P<date>" in c["rule"]["pattern"]]


def test_sentence_opening_with_a_year_is_no_stamp(tmp_path, capsys):
    # "Em 2010 a inflação caiu ...": a function word and a year open prose, no stamp.
    prose = [f"Em {2010 + i} a inflação caiu para {i + 2},5%." for i in range(12)]
    prose += [f"Em 2024, o Brasil exportou {i + 3} milhões de toneladas de soja." for i in range(6)]
    docs = [[f"Manchete número {i} sobre a economia", line, LEADS[i % 6]]
            for i, line in enumerate(prose)]
    cands = _suggest(tmp_path, docs, capsys, "--top", "20")
    for line in prose:
        assert not _dating(cands, line), line


def test_stamp_rule_takes_only_the_date_shapes_seen(tmp_path, capsys):
    # "Pada 2015 harga ...", "Sejak 2010 ..." are prose; "Dibuka pada 10/03/2025 oleh Gubernur."
    # is a sentence; "Pada Senin (10/3), polisi ..." in other documents is prose a loose date
    # pattern after "Pada" would take.
    lines = [f"Pada {2015 + i} harga cabai naik {i + 3} persen." for i in range(6)]
    lines += [f"Sejak {2010 + i} jumlah pengunjung naik." for i in range(6)]
    others = [f"Pada Senin (1{i}/3), polisi menangkap {i + 2} tersangka di Bekasi."
              for i in range(6)]
    docs = [[f"Judul berita nomor {i} tentang kota", line, LEADS[i % 6]]
            for i, line in enumerate(lines + others)]
    cands = _suggest(tmp_path, docs, capsys, "--top", "20")
    for line in lines + others:
        assert not _dating(cands, line), line


def test_stamp_beside_prose_opening_alike(tmp_path, capsys):
    # Real stamps and prose opening with the stamp's words: the rule takes the stamps only, and
    # the prose is a keep example.
    stamps = [f"Publicado em {10 + i}/03/2025 às {8 + i}h{15 + 5 * i}" for i in range(8)]
    prose = [f"Publicado em {2015 + i} o relatório mostrou {i + 2} milhões de casos no país."
             for i in range(4)]
    docs = [[f"Título da matéria número {i}", stamp, LEADS[i % 6]] for i, stamp in enumerate(stamps)]
    docs += [[f"Outro título {i}", line, LEADS[i % 6]] for i, line in enumerate(prose)]
    cands = _suggest(tmp_path, docs, capsys)
    [stamp] = [c for c in cands if c["kind"] == "stamp"]
    rule = _loaded(stamp["rule"])
    assert all(run_rule(rule, s).removed for s in stamps)
    assert not any(run_rule(rule, p).removed for p in prose)
    assert stamp["docs"] == 8


def test_particle_after_one_name_word_stays_a_particle(tmp_path, capsys):
    # "Ana Maria dos Santos de Oliveira": "dos" before one capitalised word and a particle is
    # inside the name, no word joining two authors.
    bylines = ["Por Ana Maria dos Santos de Oliveira", "Por Bruno Alves",
               "Por Carla Nunes e Diego Costa", "Por João Pedro dos Reis de Almeida",
               "Por Elisa Barros", "Por Ana Maria dos Santos de Oliveira",
               "Por Fábio Souza e Gisele Gomes", "Por Hugo Pinto",
               "Por João Pedro dos Reis de Almeida", "Por Lara Rocha",
               "Por Mário Mendes e Íris Pereira", "Por Ana Maria dos Santos de Oliveira"]
    docs = [[f"Manchete número {i} sobre a cidade", b, LEADS[i % 6]] for i, b in enumerate(bylines)]
    cands = _suggest(tmp_path, docs, capsys)
    [byline] = [c for c in cands if c["kind"] == "byline"]
    assert byline["pack"] == {"conjunctions": ["e"]}
    rule = _loaded(byline["rule"])
    meta = run_rule(rule, "Por Ana Maria dos Santos de Oliveira").meta
    assert meta.get("authors") == ["Ana Maria dos Santos de Oliveira"]


def test_newsroom_meta_wins_over_a_template_of_names(tmp_path, capsys):
    # Three newsroom tails: each is a meta rule keeping the names; no drop-line template of
    # "por <name> , da <name>" takes their lines.
    tails = ["da Redação"] * 5 + ["do Estadão"] * 4 + ["da Agência Brasil"] * 4
    names = NAMES + ["Bruno Alves", "Carla Nunes", "Diego Costa", "Elisa Barros", "Hugo Pinto",
                     "Lara Rocha", "Mário Mendes"]
    bylines = [f"Por {names[i]}, {tail}" for i, tail in enumerate(tails)]
    docs = [[f"Manchete número {i} sobre a cidade", b, LEADS[i % 6]] for i, b in enumerate(bylines)]
    cands = _suggest(tmp_path, docs, capsys)
    for line in bylines:
        taking = _taking(cands, line)
        assert taking and all(c["rule"]["action"] == "meta" for c in taking), line


def test_newsroom_tail_of_two_lower_case_words(tmp_path, capsys):
    bylines = [f"Por {name}, de la Redacción" for name in NAMES * 2]
    docs = [[f"Título de la noticia número {i}", b, LEADS[i % 6]] for i, b in enumerate(bylines)]
    cands = _suggest(tmp_path, docs, capsys)
    [byline] = [c for c in cands if c["kind"] == "byline"]
    assert byline["rule"]["action"] == "meta"
    assert run_rule(_loaded(byline["rule"]), bylines[0]).meta.get("authors") == [NAMES[0]]
    for line in bylines:
        assert all(c["rule"]["action"] == "meta" for c in _taking(cands, line)), line


def test_write_packs_leaves_a_name_dropping_rule_commented_out(tmp_path, capsys):
    from cleaner.rulefile import load_pack

    docs = [[f"Título da matéria número {i}", f"Por {name} para a Redação", LEADS[i]]
            for i, name in enumerate(NAMES)]
    out = tmp_path / "packs"
    dump = write_dump(tmp_path, docs, _url)
    assert main(["suggest", str(dump), "--write-packs", str(out)]) == 0
    [path] = out.glob("*.toml")
    text = path.read_text(encoding="utf-8")
    assert "names people" in text
    pack = load_pack(path)
    for rule in pack.rules:
        assert not rule.regex.search("Por Ana Paula Ribeiro para a Redação"), rule.id
