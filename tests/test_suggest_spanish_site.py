"""`cleaner suggest` on a site in a language no shipped pack serves (acceptance test E, an
invented Spanish site): a related-link line below the lead paragraph gets no head rule (D1), rule
ids keep accented letters as their ASCII form (D7), an all-capitals dateline with a date and an
agency (D2) and a byline of one word and a name (D3) are proposed as meta rules."""

from __future__ import annotations

import json

from cleaner.batches import document_args
from cleaner.cli import main
from cleaner.pipeline import Cleaner
from cleaner.readers import iter_inputs
from cleaner.rulefile import load_packs
from cleaner.suggest import Miner, SuggestOptions, _slug

HOST = "diario.example"
CITIES = ["MADRID", "BARCELONA", "VALENCIA", "SEVILLA", "BILBAO", "SANTIAGO DE COMPOSTELA",
          "ZARAGOZA", "MÁLAGA", "MURCIA", "PALMA"]
AUTHORS = ["Juan Pérez Gómez", "Lucía Martín Sanz", "Pedro Ruiz", "Ana Belén López",
           "Marta Vidal Roca", "Jorge Núñez", "Elena Castro Gil", "Iván Soto"]
RELATED = "Lee también: "


def _opening(i: int) -> str:
    """The dateline opening the lead paragraph: a wire one with a date and the agency in most
    documents, the bare place and `.-` in some."""
    city = CITIES[i % len(CITIES)]
    return f"{city}.- " if i % 4 == 1 else f"{city}, {10 + i} mar (EFE).- "


def _articles(n: int = 10, word: str = "Por", related_first: bool = False) -> list[dict]:
    """A site's articles: a byline (`word` and a name) in 8 of 10, a desk line in the others,
    a stamp, the dateline's paragraph, a related link below it (inside the first six lines),
    prose, and a tags line at the end. `related_first`: the link opens the article instead."""
    rows = []
    for i in range(n):
        byline = f"{word} {AUTHORS[i % len(AUTHORS)]}" if i % 5 != 1 else "Redacción"
        lead = (f"{_opening(i)}El consejo municipal aprobó este martes la medida número {i}, "
                "que llegará a miles de hogares durante los próximos tres años.")
        link = f"{RELATED}Los precios del alquiler suben en la ciudad número {i}"
        paras = [byline, f"Publicado: {10 + i}/03/2024 10:15 h"]
        # (the link opening the article: not beside the stamp, or the two read as a field list)
        paras = [link] + paras + [lead] if related_first else paras + [lead, link]
        paras += [f"La ministra explicó que la medida {i} se financiará con fondos propios, "
                  f"según dijo en la rueda de prensa número {k} de este martes."
                  for k in range(8)]
        paras += [f"Por la mañana del día {i}, antes de la reunión, varios colectivos se "
                  "concentraron ante el ministerio.",
                  f"El gobierno sostiene que el coste total superará los {i + 3}00 millones.",
                  f"Etiquetas: Vivienda, Alquiler, Ciudad {i}"]
        rows.append({"id": f"es-{i}", "url": f"https://www.{HOST}/noticia/{i}",
                     "title": f"La medida número {i} llega a la ciudad", "text": "\n\n".join(paras)})
    return rows


def _write(tmp_path, rows, name="dump.jsonl"):
    path = tmp_path / name
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                    encoding="utf-8")
    return path


def _mine(path, packs=()):
    cleaner = Cleaner(packs=list(packs))
    miner = Miner(SuggestOptions())
    for item in iter_inputs([str(path)]):
        miner.add(cleaner.clean_document(cleaner.make_document(item.text, **document_args(item))))
    return miner


def _clean(path, *rules):
    cleaner = Cleaner(packs=load_packs(list(rules), builtin=False))
    return [cleaner.clean(item.text, **document_args(item)) for item in iter_inputs([str(path)])]


# The dateline rule the tester wrote by hand (a shape the suggested one need not share).
USER_DATELINE = """[pack]
id = "mine"
kind = "common"

[[rule]]
id = "mine/dateline"
action = "meta"
where = "head"
case_sensitive = true
pattern = '^(?P<cut>(?P<location>\\p{Lu}{2,}(?:[ \\t]+\\p{Lu}{2,}){0,3})(?:,[ \\t]*\\d{1,2}[ \\t]+\\pL{3,4}\\.?)?(?:[ \\t]*\\((?P<source>[^()]{2,30})\\))?\\.-[ \\t]*)[\\p{Lu}\\d]'
remove = ["MADRID, 12 mar (EFE).- El Consejo de Ministros aprobó este martes una ampliación."]
"""


# ------------------------------------------------------------------------------------- D1: where


def test_a_line_below_the_first_prose_gets_no_head_rule(tmp_path):
    # Below the lead paragraph, within the first six lines: a head rule would stop firing once
    # any dateline rule cuts that paragraph's opening.
    fresh, _ = _mine(_write(tmp_path, _articles())).candidates(HOST)
    [related] = [c for c in fresh if c.examples[0].startswith(RELATED)]
    assert related.rule.get("where", "any") != "head"


def test_a_line_above_the_first_prose_in_every_document_keeps_its_head_rule(tmp_path):
    fresh, _ = _mine(_write(tmp_path, _articles(related_first=True))).candidates(HOST)
    [related] = [c for c in fresh if c.examples[0].startswith(RELATED)]
    assert related.rule["where"] == "head"


def test_the_suggested_pack_and_a_dateline_rule_remove_every_related_link(tmp_path):
    dump = _write(tmp_path, _articles())
    out = tmp_path / "packs"
    assert main(["suggest", str(dump), "--packs", "none", "--no-builtin-rules",
                 "--write-packs", str(out)]) == 0
    mine = tmp_path / "mine.toml"
    mine.write_text(USER_DATELINE, encoding="utf-8")
    for rules in ((out,), (mine, out)):
        records = _clean(dump, *rules)
        assert all(r["meta"].get("location") for r in records), rules
        assert not any(RELATED in r["text"] for r in records), rules


# ------------------------------------------------------------------------------------- D7: ids


def test_rule_ids_keep_accented_letters_as_their_ascii_form():
    assert _slug("Lee también: Los precios", 2) == "lee-tambien"
    assert _slug("Suscríbete a nuestro boletín", 5) == "suscribete-a-nuestro-boletin"
    assert _slug("Tu dirección de correo electrónico no será", 5) == "tu-direccion-de-correo-electronico"
    assert _slug("Síguenos en WhatsApp y recibe", 5) == "siguenos-en-whatsapp-y-recibe"
    # Letters NFKD leaves whole are given their usual ASCII spelling.
    assert _slug("Straße Øresund Łódź", 3) == "strasse-oresund-lodz"


def test_rule_ids_keep_letters_of_scripts_with_no_ascii_form():
    # Ids are UTF-8 strings: a Cyrillic or Greek label stays as written (its accents too), not
    # "line" for every one.
    assert _slug("Читайте также: новости", 2) == "читайте-также"
    assert _slug("Διαβάστε επίσης", 2) == "διαβάστε-επίσης"
    assert _slug("«»!!", 3) == "line"


def test_suggested_ids_name_the_words_of_the_line(tmp_path):
    fresh, _ = _mine(_write(tmp_path, _articles())).candidates(HOST)
    ids = {c.rule["id"] for c in fresh}
    assert "diario/lee-tambien" in ids, ids


# --------------------------------------------------------------------------------- D2: dateline


def test_an_all_capitals_place_with_date_and_agency_is_a_dateline_rule(tmp_path):
    dump = _write(tmp_path, _articles())
    fresh, _ = _mine(dump).candidates(HOST)
    [lead] = [c for c in fresh if c.kind == "lead"]
    assert lead.rule["id"] == "diario/dateline" and lead.rule["action"] == "meta"
    assert lead.docs == 10
    out = tmp_path / "packs"
    assert main(["suggest", str(dump), "--packs", "none", "--no-builtin-rules",
                 "--write-packs", str(out)]) == 0
    records = _clean(dump, out)
    for i, record in enumerate(records):
        [lead_line] = [line for line in record["text"].split("\n") if "consejo municipal" in line]
        assert lead_line.startswith("El consejo municipal"), lead_line
        assert record["meta"]["location"].upper() == CITIES[i % len(CITIES)]
        assert record["meta"].get("source") == (None if i % 4 == 1 else "EFE")


def test_a_day_alone_before_the_agency_is_a_dateline_rule_too(tmp_path, monkeypatch):
    """Europa Press's "MADRID, 3 (EUROPA PRESS) - " (a day and no month) gave no candidate."""
    import test_suggest_spanish_site

    monkeypatch.setattr(test_suggest_spanish_site, "_opening", lambda i: (
        f"{CITIES[i % len(CITIES)]}, {1 + i} (EUROPA PRESS) - "))
    dump = _write(tmp_path, _articles())
    out = tmp_path / "packs"
    assert main(["suggest", str(dump), "--packs", "none", "--no-builtin-rules",
                 "--write-packs", str(out)]) == 0
    for i, record in enumerate(_clean(dump, out)):
        [lead_line] = [line for line in record["text"].split("\n") if "consejo municipal" in line]
        assert lead_line.startswith("El consejo municipal"), lead_line
        assert record["meta"]["location"].upper() == CITIES[i % len(CITIES)]
        assert record["meta"]["source"] == "EUROPA PRESS"


def test_the_dateline_rule_leaves_capitals_opening_a_sentence(tmp_path):
    fresh, _ = _mine(_write(tmp_path, _articles())).candidates(HOST)
    [lead] = [c for c in fresh if c.kind == "lead"]
    for line in ("MADRID es la ciudad con más turistas, dijo el alcalde ayer.",
                 "La ONU.- sin noticias", "EFE - la agencia informó de la reunión de hoy."):
        assert not lead.regex.search(line), line


# ----------------------------------------------------------------------------------- D3: byline


def test_a_word_and_a_name_opening_most_documents_is_a_byline_rule(tmp_path):
    for word in ("Por", "Oleh"):
        dump = _write(tmp_path, _articles(word=word), name=f"{word}.jsonl")
        fresh, _ = _mine(dump).candidates(HOST)
        [byline] = [c for c in fresh if c.rule["action"] == "meta" and c.kind == "byline"]
        assert byline.docs == 8
        assert byline.rule["cases"][0]["meta"] == {"authors": [byline.rule["remove"][0][len(word) + 1:]]}
        assert not byline.regex.search("Por la mañana, antes de la reunión, varios colectivos.")
        assert not byline.regex.search(f"{word} Navidad")
        out = tmp_path / f"packs-{word}"
        assert main(["suggest", str(dump), "--packs", "none", "--no-builtin-rules",
                 "--write-packs", str(out)]) == 0
        records = _clean(dump, out)
        assert [r["meta"].get("authors") for r in records] == [
            [AUTHORS[i % len(AUTHORS)]] if i % 5 != 1 else [] for i in range(10)]


def test_hostile_openings_do_not_raise(tmp_path):
    rows = [{"id": f"h{i}", "url": f"https://{HOST}/h/{i}",
             "text": ("A" * 5000 + ".- " + "x " * 3000 + "\n\nPor " + "Ab " * 400
                      + "\n\n" + "MADRID, " * 300 + "(EFE).- Hola hola hola hola.")}
            for i in range(4)]
    _mine(_write(tmp_path, rows)).candidates(HOST)
