"""`cleaner suggest` on a site whose articles end with an editor's code alone on a line,
without brackets (`DN-1003/mk`): one rule for every desk's codes, which `rules check` accepts and
which removes them, and no rule taking other short lines with a slash."""

from __future__ import annotations

import json

from cleaner import shapes
from cleaner.batches import document_args
from cleaner.cli import main
from cleaner.pipeline import Cleaner
from cleaner.readers import iter_inputs
from cleaner.rulefile import load_packs

HOST = "harian.example"
DESKS = ["DN", "EK", "OL", "RED", "AB"]
INITIALS = ["mk", "ab", "rz", "dw", "fa"]
TOPICS = ["harga beras", "banjir rob", "pemilihan kepala desa", "jalan tol baru",
          "festival budaya", "pasar tradisional"]


def _code(i: int) -> str:
    return f"{DESKS[i % len(DESKS)]}-{1000 + 37 * i}/{INITIALS[(i * 3) % len(INITIALS)]}"


def _articles(n: int = 30, source_line: bool = True) -> list[dict]:
    """A site's articles, each closing with a desk's code line; above it, where asked, a
    'Sumber:' line (a label beside the code: what made the code a field list before)."""
    rows = []
    for i in range(n):
        topic = TOPICS[i % len(TOPICS)]
        paras = [f"Pemerintah daerah membahas {topic} dalam rapat yang digelar pada Senin "
                 f"({i % 28 + 1}/3) di kantor gubernur."]
        for k in range(4 + i % 5):
            paras.append(f"Menurut pejabat setempat, persoalan {topic} nomor {i}-{k} akan "
                         "ditangani dengan anggaran tambahan tahun ini, katanya kepada wartawan.")
        if i % 4 == 0:
            paras.append(f"Skor akhir pertandingan itu 2/{i % 3}")     # a near miss with a slash
        if source_line:
            paras.append(f"Sumber: Humas Pemprov {topic.title()}")
        paras.append(_code(i))
        rows.append({"id": f"a{i}", "url": f"https://www.{HOST}/berita/{i}",
                     "text": "\n\n".join(paras)})
    return rows


def _write(tmp_path, rows):
    path = tmp_path / "dump.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _clean(path, rules):
    cleaner = Cleaner(packs=load_packs([rules]))
    return [cleaner.clean(item.text, **document_args(item)) for item in iter_inputs([str(path)])]


def _suggested_rules(out) -> list[dict]:
    import tomllib

    return tomllib.loads((out / f"{HOST}.toml").read_text(encoding="utf-8"))["rule"]


def test_a_code_line_ending_the_articles_gets_a_rule_that_removes_it(tmp_path, monkeypatch,
                                                                       capsys):
    monkeypatch.chdir(tmp_path)         # rules check reads a fixtures/ folder where it runs
    dump = _write(tmp_path, _articles())
    out = tmp_path / "new"
    assert main(["suggest", str(dump), "--site", HOST, "--write-packs", str(out)]) == 0
    rules = [r for r in _suggested_rules(out) if r["id"].endswith("/code-line")]
    assert len(rules) == 1, capsys.readouterr().out
    assert rules[0]["action"] == "drop-line" and rules[0]["where"] == "tail"
    capsys.readouterr()
    assert main(["rules", "check", "--rules", str(out)]) == 0, capsys.readouterr().out
    records = _clean(dump, out)
    codes = {_code(i) for i in range(30)}
    for record in records:
        lines = set(record["text"].split("\n"))
        assert not lines & codes, record["id"]
        assert any(line.startswith("Menurut pejabat setempat") for line in lines)
    removed = {r["text"] for record in records for r in record["removed"]
               if r["rule"].endswith("/code-line")}
    assert removed == codes


def test_every_desk_s_codes_are_one_rule_even_the_desk_seen_in_few_articles(tmp_path,
                                                                            monkeypatch):
    monkeypatch.chdir(tmp_path)
    dump = _write(tmp_path, _articles(source_line=False))
    out = tmp_path / "new"
    assert main(["suggest", str(dump), "--site", HOST, "--packs", "none",
                 "--write-packs", str(out)]) == 0
    rules = _suggested_rules(out)
    # Read as a label "DN", a dash and a title, each desk got a rule of its own that took any
    # line opening with its letters and a dash.
    assert not any(r["pattern"].startswith("^DN") for r in rules)
    code_rules = [r for r in rules if r["id"].endswith("/code-line")]
    assert len(code_rules) == 1
    pattern = load_packs([out], builtin=False)[0].rules
    code_rule = next(r for r in pattern if r.id.endswith("/code-line"))
    for i in range(30):
        assert code_rule.regex.search(_code(i)), _code(i)


def test_the_suggested_rule_leaves_short_lines_with_a_slash_that_are_no_code(tmp_path,
                                                                             monkeypatch):
    monkeypatch.chdir(tmp_path)
    dump = _write(tmp_path, _articles())
    out = tmp_path / "new"
    assert main(["suggest", str(dump), "--site", HOST, "--write-packs", str(out)]) == 0
    code_rule = next(r for r in load_packs([out], builtin=False)[0].rules
                     if r.id.endswith("/code-line"))
    for line in ("Skor akhir pertandingan itu 2/1", "24/7", "DN - Pemerintah daerah membahas",
                 "Jakarta/Bandung", "(DN-1003/mk)", "DN-1003/mk dan seterusnya"):
        assert not code_rule.regex.search(line), line


def test_a_code_line_is_its_own_shape_and_no_label():
    assert shapes.code_line("DN-1003/mk") == "DN-1003/mk"
    assert shapes.code_line("  AB - 12 / xy ") == "AB - 12 / xy"
    assert shapes.label_shape("RED-2/ab") is None
    assert shapes.label_shape("Sumber: Humas Pemprov") is not None     # labels are still labels


def test_lines_that_only_look_like_codes_are_none():
    for line in ("Kupu-kupu", "COVID-19", "24/7", "2/1", "Jakarta/Bandung", "(ant/mk)",
                 "[DN-1003/mk]", "DN-1003/mk.", "DN-1003/ mk katanya", "", " ", "/", "A/",
                 "DN-123456789/mk", "a/b/c/d/e/f/g/h/i", "DN-1003/mk\u200b"):
        assert shapes.code_line(line) is None, repr(line)


def test_a_hostile_line_is_refused_without_a_long_scan():
    import time

    line = "A-1/" * 200_000 + "b"
    start = time.perf_counter()
    assert shapes.code_line(line) is None
    assert shapes.label_shape("DN-" + "1/" * 100_000 + "mk") is None
    assert time.perf_counter() - start < 0.5
