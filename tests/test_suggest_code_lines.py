"""`cleaner suggest` on a site whose articles end with an editor's code alone on a line,
without brackets (`DN-1003/mk`): one rule for every desk's codes of one shape, which `rules check`
accepts and which removes them, and no rule taking other short lines with a slash (currency
pairs, domains, pairs of words) or the lines the loaded rules already remove."""

from __future__ import annotations

import json

from cleaner import shapes
from cleaner.batches import document_args
from cleaner.cli import main
from cleaner.pipeline import Cleaner
from cleaner.readers import iter_inputs
from cleaner.rulefile import load_packs

from pattern_windows import record_windows

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


def test_a_hostile_line_is_refused_without_a_long_scan(monkeypatch):
    # Deterministic, not timed: the code and label patterns are asked about a line no longer
    # than the shapes' limits, however long the hostile line is.
    code_asked = record_windows(monkeypatch, shapes, "_BARE_CODE")
    label_asked = record_windows(monkeypatch, shapes, "_LABEL")
    line = "A-1/" * 200_000 + "b"
    assert shapes.code_line(line) is None
    assert shapes.label_shape("DN-" + "1/" * 100_000 + "mk") is None
    assert all(n <= shapes.CODE_MAX_CHARS for n in code_asked), max(code_asked)
    assert all(n <= shapes.MAX_SHAPED_CHARS for n in label_asked), max(label_asked)


# --------------------------------------------------------------------- what a code line is not

REAL_CODES = ["DN-1003/mk", "RED-2/ab", "AB - 12 / xy", "ant/mk", "ugo / djm", "kid / kid",
              "bur-jm/rox", "T.A067/mk", "DN/mk", "jm/sst"]
NOT_CODES = ["USD/IDR", "EUR/USD", "SGD/IDR", "kompas.com/read", "bit.ly/x", "bit.ly/ab",
             "Dok/Humas", "Ya/Tidak", "ya/tidak", "UU-11/2020", "dan/atau", "and/or", "he/she",
             "news/tech", "Foto/Antara", "10.000/kg", "1003/mk", "T.A067/R010", "S/N 1234"]


def test_a_code_line_ends_with_lower_case_initials_and_pairs_of_words_are_none():
    assert [shapes.code_line(line) for line in REAL_CODES] == [
        shapes.collapse(line) for line in REAL_CODES]
    assert {line: shapes.code_line(line) for line in NOT_CODES} == dict.fromkeys(NOT_CODES)


def test_damaged_code_lines_are_none():
    for line in ("DN-1003/mk/", "/mk", "DN-/mk", "DN-1003//mk", "DN-1003/m", "DN-1003/mkabc",
                 "ＤＮ-1003/mk", "DN-1003/mk\x00", "DN\t-\t1003\n/mk x", "é/mk",
                 "DN-" + "1-" * 12 + "1/mk", "DN.ab/mk"):
        assert shapes.code_line(line) is None, repr(line)


def test_a_code_s_group_is_its_shape_spaces_aside():
    assert shapes.code_line_key("DN-1003/mk") == shapes.code_line_key("RED - 2 / ab")
    assert shapes.code_line_key("DN-1003/mk") != shapes.code_line_key("ant/mk")


# ---------------------------------------------------------------- suggest on a site's real lines

def _market_articles(n: int = 50) -> list[dict]:
    """A market site: half the articles list exchange rates under currency pairs alone on their
    lines, a third close with a desk's code."""
    rows = []
    for i in range(n):
        paras = [f"Nilai tukar rupiah ditutup melemah pada perdagangan Senin ({i % 28 + 1}/3) "
                 "seiring penguatan dolar AS di pasar global.",
                 f"Menurut analis, pelemahan rupiah nomor {i} dipicu oleh data inflasi yang lebih "
                 "tinggi dari perkiraan pasar."]
        if i % 2 == 0:
            paras += ["Kurs hari ini:", "USD/IDR", f"15.{600 + i}", "EUR/USD", f"1,0{i % 9}",
                      "SGD/IDR", f"11.{500 + i}"]
        paras.append(f"Analis memperkirakan rupiah masih akan bergerak fluktuatif, kata {i}.")
        if i % 3 == 0:
            paras.append(f"RED-{100 + i}/ab")
        rows.append({"id": f"b{i}", "url": f"https://www.{HOST}/pasar/{i}",
                     "text": "\n\n".join(paras)})
    return rows


def _code_rules(out) -> list:
    return [r for r in load_packs([out], builtin=False)[0].rules if "/code-line" in r.id]


def test_currency_pairs_get_no_code_rule_and_the_desk_s_codes_do(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    dump = _write(tmp_path, _market_articles())
    out = tmp_path / "new"
    assert main(["suggest", str(dump), "--site", HOST, "--write-packs", str(out)]) == 0
    written = {r["id"]: r for r in _suggested_rules(out)}
    code_rules = _code_rules(out)
    assert len(code_rules) == 1
    assert all(line.startswith("RED-") for line in written[code_rules[0].id]["remove"])
    for pair in ("USD/IDR", "EUR/USD", "SGD/IDR"):
        assert not code_rules[0].regex.search(pair), pair
    assert code_rules[0].regex.search("RED-133/ab")
    # Each pair is a repeated line of its own, as it was before code lines were mined.
    assert {"^USD/IDR$", "^EUR/USD$", "^SGD/IDR$"} <= {r["pattern"] for r in written.values()}


def _mixed_articles(n: int = 36) -> list[dict]:
    """Articles closing with a desk's code ("DN-1003/mk") or with ANTARA's bare initials
    ("ant/rz"), and now and then 'dan/atau' alone on a line."""
    rows = []
    for i in range(n):
        paras = [f"Pemerintah daerah membahas anggaran nomor {i} dalam rapat di kantor gubernur.",
                 f"Menurut pejabat setempat, persoalan nomor {i} akan ditangani tahun ini."]
        if i % 6 == 0:
            paras.append("dan/atau")
        paras.append(_code(i) if i % 2 else f"ant/{INITIALS[i % len(INITIALS)]}")
        rows.append({"id": f"c{i}", "url": f"https://www.{HOST}/berita/{i}",
                     "text": "\n\n".join(paras)})
    return rows


def test_one_code_rule_never_mixes_shapes_and_its_examples_are_its_own(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    dump = _write(tmp_path, _mixed_articles())
    out = tmp_path / "new"
    assert main(["suggest", str(dump), "--site", HOST, "--write-packs", str(out)]) == 0
    written = {r["id"]: r for r in _suggested_rules(out)}
    code_rules = {r.id: r for r in _code_rules(out)}
    assert len(code_rules) == 2
    shapes_seen = set()
    for rule_id, rule in code_rules.items():
        examples = written[rule_id]["remove"]
        keys = {shapes.code_line_key(line) for line in examples}
        assert len(keys) == 1, examples            # one shape per rule, shown by its examples
        shapes_seen |= keys
        others = [_code(1), "ant/mk"]
        assert sum(bool(rule.regex.search(line)) for line in others) == 1
        assert not rule.regex.search("dan/atau")
    assert shapes_seen == {shapes.code_line_key(_code(1)), shapes.code_line_key("ant/mk")}


def test_code_lines_the_loaded_rules_remove_shape_no_rule(tmp_path, monkeypatch, capsys):
    """Codes a loaded rule already drops neither widen the rule made for the others nor show
    as its examples; a shape all of whose lines are dropped is shown as already removed."""
    monkeypatch.chdir(tmp_path)
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "desk.toml").write_text(
        '[pack]\nid = "desk"\nkind = "common"\nname = "desk"\n\n'
        '[[rule]]\nid = "desk/long-codes"\naction = "drop-line"\ncase_sensitive = true\n'
        "pattern = '^(?:ABCD-\\d{5}/xyz|ant/[a-z]{2})$'\n"
        'remove = ["ABCD-12345/xyz", "ant/mk"]\n', encoding="utf-8")
    rows = []
    for i in range(30):
        code = f"DN-{i % 9 + 1}/mk" if i % 2 else f"ABCD-{10000 + i}/xyz"
        text = f"Rapat nomor {i} membahas anggaran daerah tahun ini.\n\n{code}\n\nant/rz"
        rows.append({"id": f"d{i}", "url": f"https://www.{HOST}/berita/{i}", "text": text})
    dump = _write(tmp_path, rows)
    out = tmp_path / "new"
    assert main(["suggest", str(dump), "--site", HOST, "--rules", str(rules),
                 "--write-packs", str(out)]) == 0
    shown = capsys.readouterr().out
    written = [r for r in _suggested_rules(out) if "/code-line" in r["id"]]
    assert len(written) == 1, shown
    assert all(line.startswith("DN-") for line in written[0]["remove"])
    rule = _code_rules(out)[0]
    assert rule.regex.search("DN-7/mk") and not rule.regex.search("ABCD-12345/xyz")
    assert "already removed: '<code a/a>'" in shown
