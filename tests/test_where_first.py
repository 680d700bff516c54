"""What only `where = "first"` does: blank lines before the first line are skipped, a short
text's first line is in its tail too, a line a first rule takes whole widens the head, the matcher
names the first line with text, a page's first line is its headline, rules check finds a fixture
line below the first, and `cleaner suggest` writes `first` for a dateline that opened every
document it was seen in. What it shares with `where = "last"` is in test_where_edge_lines.py."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from cleaner import Cleaner
from cleaner.cli import main
from cleaner.matcher import first_line, matcher_for
from cleaner.rulefile import load_packs
from edge_rules import CLOSER, FIRST, OPENER, P1, P2, P3, drop_toml, rule_toml, rules_of

TAIL = rule_toml("t/signoff-tail", "tail", CLOSER, "The story ends here. #signoff")
TAGGED, KEPT = FIRST.tagged, FIRST.kept


@pytest.fixture()
def cleaner(tmp_path):
    path = FIRST.pack(tmp_path)
    path.write_text(path.read_text(encoding="utf-8") + TAIL, encoding="utf-8")
    return Cleaner(rules=[path], builtin=False)


def _doc(*lines: str) -> str:
    return "\n\n".join(lines)


def test_first_line_skips_blank_lines():
    assert first_line(["", "  ", "\t", "Lead.", "More."]) == 3
    assert first_line(["Lead."]) == 0
    assert first_line(["", " "]) == -1 and first_line([]) == -1


def test_a_line_both_first_and_in_the_tail_takes_both_rules(cleaner):
    # A short text's first line is in its tail: a tail rule and a first rule both reach it.
    record = cleaner.clean(_doc(TAGGED + " #signoff", P1))
    assert record["text"] == _doc(KEPT, P1)
    assert sorted(rules_of(record)) == ["t/kicker-first", "t/signoff-tail"]


def test_a_line_a_first_rule_takes_whole_brings_one_more_line_into_the_head(tmp_path):
    # As a head rule's: the banner is the header's, and the head's six lines start below it.
    banner = drop_toml("t/banner", FIRST.banner).replace('action =', 'where = "first"\naction =')
    opener = rule_toml("t/opener-head", "head", OPENER, "#kicker The story begins.")
    path = tmp_path / "mine.toml"
    path.write_text('[pack]\nid = "t"\nkind = "common"\n' + banner + opener, encoding="utf-8")
    cleaner = Cleaner(rules=[path], builtin=False)
    text = _doc(FIRST.banner, P1, P2, P3, P1, P2, "#kicker " + P3, P1, P2)
    record = cleaner.clean(text)
    assert rules_of(record) == ["t/banner", "t/opener-head"]


def test_the_matcher_names_a_first_rule_on_the_first_line_with_text_only(tmp_path):
    [pack] = load_packs([FIRST.pack(tmp_path)], builtin=False)
    [rule] = [rule for rule in pack.rules if rule.id == FIRST.rule_id]
    matcher = matcher_for([rule])
    found = matcher.candidates(["", "  ", TAGGED, TAGGED, P1, TAGGED, P2])
    assert list(found) == [2]
    assert matcher.candidates([TAGGED]) == {0: [rule]}
    assert matcher.search(TAGGED, True, True, True, True).rule.id == "t/kicker-first"
    assert matcher.search(TAGGED, True, True, True, False) is None


def _page(*paras: str) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paras)
    return (f"<html><head><title>Budget plan draws critics</title></head><body><article>"
            f"<div>{body}</div></article></body></html>").encode()


def test_a_page_s_headline_is_its_first_line(cleaner):
    # The extracted text opens with the page's headline, which the header stage takes after the
    # rules: a first rule meets the headline, not the paragraph under it.
    record = cleaner.clean_html(_page(TAGGED, P1, P2, P3))
    assert record["meta"]["title"] == "Budget plan draws critics"
    assert TAGGED in record["text"].split("\n")
    assert "t/kicker-first" not in rules_of(record)
    record = cleaner.clean_html(_page(P1, TAGGED, P2, P3))
    assert TAGGED in record["text"].split("\n")
    assert "t/kicker-first" not in rules_of(record)


def test_rules_check_finds_a_first_rule_s_line_below_the_first_in_a_fixture(tmp_path, capsys):
    pack = FIRST.pack(tmp_path)
    folder = tmp_path / "fixtures" / "kabar.example"
    folder.mkdir(parents=True)
    (folder / "one.txt").write_text(_doc(P1, TAGGED, P2) + "\n", encoding="utf-8")
    main(["rules", "check", "--no-builtin-rules", "--rules", str(pack),
          "--fixtures", str(tmp_path / "fixtures"), "--json"])
    data = json.loads(capsys.readouterr().out)
    said = [f["message"] for f in data["findings"] if "t/kicker-first" in f["where"]]
    assert any("below the first line" in message for message in said), said


# -- suggest -------------------------------------------------------------------------------------

HOST = "gazetadovale.com.br"
BODY = "A prefeitura abriu hoje as inscrições para o programa de habitação popular da cidade."
PLACES = ["CAMPINAS", "SOROCABA", "JUNDIAÍ", "SÃO CARLOS", "LIMEIRA", "PIRACICABA", "BAURU",
          "FRANCA", "MARÍLIA", "ARARAQUARA", "AMERICANA", "INDAIATUBA"]
MORE = ["Segundo a secretaria, os interessados devem apresentar documentos até o fim do mês.",
        "O programa prevê a construção de trezentas casas nos próximos dois anos."]


def _dump(tmp_path, title_first: int = 0) -> Path:
    """A site of a language with no pack, each article opening with a place in capitals before a
    dash; the first `title_first` of them with a title line above the dateline."""
    rows = []
    for n, place in enumerate(PLACES):
        lines = [f"{place} – {BODY}", *MORE, f"Parágrafo {n} sobre a cidade e seus moradores."]
        if n < title_first:
            lines.insert(0, f"Notícia número {n} da região")
        rows.append({"id": f"d{n}", "url": f"https://{HOST}/n/{n}",
                     "title": f"Notícia número {n} da região", "text": "\n\n".join(lines)})
    path = tmp_path / "dump.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                    encoding="utf-8")
    return path


def _suggested(tmp_path, dump: Path) -> tuple[Path, dict]:
    out = tmp_path / "packs"
    shutil.rmtree(out, ignore_errors=True)
    assert main(["suggest", str(dump), "--packs", "none", "--write-packs", str(out)]) == 0
    [pack] = load_packs([out], builtin=False)
    return out, {rule.id: rule for rule in pack.rules}


BODY_ROWS = [
    {"id": "x1", "url": f"https://{HOST}/n/100", "title": "Acordo comercial",
     "text": "CAMPINAS – A prefeitura comentou o acordo.\n\nEUA – O governo americano anunciou "
             "tarifas novas nesta terça-feira, segundo a agência.\n\nO impacto na região ainda "
             "é incerto."},
    {"id": "x2", "url": f"https://{HOST}/n/101", "title": "Acordo comercial",
     "text": "A prefeitura comentou o acordo nesta segunda.\n\nEUA – China: a disputa comercial "
             "voltou a crescer, e exportadores da região temem perdas.\n\nO impacto na região "
             "ainda é incerto."},
    {"id": "x3", "url": f"https://{HOST}/n/102", "title": "Aviso",
     "text": "ATENÇÃO – O prazo para a inscrição termina amanhã às 18h, avisa a prefeitura."
             "\n\nOs documentos devem ser entregues na sede."},
]


def _clean_body(packs: Path, *more: Path) -> dict[str, dict]:
    cleaner = Cleaner(packs=load_packs([packs, *more], builtin=True))
    return {row["id"]: cleaner.clean(row["text"], id=row["id"], url=row["url"],
                                     title=row["title"]) for row in BODY_ROWS}


def test_suggest_writes_first_for_a_capitals_dateline_opening_every_document(tmp_path):
    _, rules = _suggested(tmp_path, _dump(tmp_path))
    assert rules["gazetadovale/dateline"].where == "first"


def test_suggest_keeps_head_for_a_dateline_seen_under_a_title_line(tmp_path):
    _, rules = _suggested(tmp_path, _dump(tmp_path, title_first=4))
    assert rules["gazetadovale/dateline"].where == "head"


def test_the_suggested_first_dateline_keeps_a_capitals_word_before_a_dash_below_the_lead(
        tmp_path):
    packs, _ = _suggested(tmp_path, _dump(tmp_path))
    records = _clean_body(packs)
    assert records["x1"]["meta"]["location"] == "Campinas"
    assert records["x1"]["text"].startswith("A prefeitura comentou o acordo.")
    assert "EUA – O governo americano" in records["x1"]["text"]
    assert "EUA – China: a disputa comercial" in records["x2"]["text"]
    assert records["x2"]["meta"]["location"] is None


def test_a_notice_label_the_packs_list_as_no_place_stays_on_the_first_line(tmp_path):
    # On the first line, "ATENÇÃO – " has a capitals dateline's shape: only words tell it from a
    # place. A pack listing the label among its not_places keeps it, as for any meta rule.
    packs, _ = _suggested(tmp_path, _dump(tmp_path))
    words = tmp_path / "words.toml"
    words.write_text('[pack]\nid = "pt-words"\nkind = "common"\nnot_places = ["atenção"]\n',
                     encoding="utf-8")
    record = _clean_body(packs, words)["x3"]
    assert record["text"].startswith("ATENÇÃO – O prazo")
    assert record["meta"]["location"] is None


def test_a_notice_label_on_the_first_line_stays_with_the_shipped_packs(tmp_path):
    packs, _ = _suggested(tmp_path, _dump(tmp_path))
    record = _clean_body(packs)["x3"]
    assert record["text"].startswith("ATENÇÃO – O prazo")
