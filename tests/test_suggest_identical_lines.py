"""`cleaner suggest` on a line that is the same in every document it closes: a footer that reads
like a label and a title ("Harian Pagi — Terbit setiap hari") or like a template is an exact-line
rule, which removes that line and no other; a label whose title varies across the documents stays
a label rule."""

from __future__ import annotations

import json
import tomllib

import pytest

from cleaner.cli import main
from cleaner.pipeline import Cleaner
from cleaner.rulefile import compile_pattern, load_packs

SITE = "harianpagi.example"
FOOTER = "Harian Pagi — Terbit setiap hari"
TITLES = ["Harga Cabai Naik Lagi", "Banjir Rendam Tiga Desa", "Timnas Menang Tipis",
          "Jalan Tol Baru Dibuka", "Pasar Malam Kembali Ramai"]


def _dump(tmp_path, last_line, n=30):
    """A site's articles, each closing with last_line(i) as its own paragraph."""
    rows = []
    for i in range(n):
        paras = [f"Paragraf {k} berita nomor {i} menceritakan jalannya acara warga kota dengan "
                 f"rinci dan panjang." for k in range(6)]
        paras.append(last_line(i))
        rows.append({"id": f"d{i}", "url": f"https://www.{SITE}/berita/{i}",
                     "text": "\n\n".join(paras)})
    path = tmp_path / "dump.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                    encoding="utf-8")
    return path


def _suggest(tmp_path, dump, *extra):
    """The rules suggest writes for the site, and the pack folder."""
    out = tmp_path / "packs"
    assert main(["suggest", str(dump), "--site", SITE, "--packs", "common",
                 "--write-packs", str(out), *extra]) == 0
    text = (out / f"{SITE}.toml").read_text(encoding="utf-8")
    return tomllib.loads(text).get("rule", []), out


def _removes(rule, line):
    """Whether a suggested rule's pattern matches a line, as the rule engine reads it."""
    pattern = compile_pattern(rule["pattern"], rule.get("case_sensitive", False))
    return pattern.search(line) is not None


def test_a_footer_identical_in_every_document_is_an_exact_line_rule(tmp_path):
    rules, folder = _suggest(tmp_path, _dump(tmp_path, lambda i: FOOTER))
    [rule] = [r for r in rules if _removes(r, FOOTER)]
    assert rule["description"].startswith("repeated line 'Harian Pagi — Terbit setiap hari'")
    assert rule["remove"] == [FOOTER]
    # Only that line: another line opening "Harian Pagi —" is the article's.
    assert not _removes(rule, "Harian Pagi — Edisi khusus menyambut hari kemerdekaan")
    assert not any(r["description"].startswith("label line") for r in rules)
    assert main(["rules", "check", "--rules", str(folder), "--no-fixtures"]) == 0
    body = "Isi berita yang panjang tentang warga kota yang berkumpul di alun-alun pagi ini."
    cleaner = Cleaner(packs=load_packs([folder]))
    record = cleaner.clean(f"{body}\n\n{FOOTER}", url=f"https://{SITE}/x")
    assert record["text"] == body
    edition = "Harian Pagi — Edisi khusus menyambut hari kemerdekaan"
    assert edition in cleaner.clean(f"{body}\n\n{edition}", url=f"https://{SITE}/x")["text"]


def test_a_footer_differing_only_in_case_and_spaces_is_still_one_line(tmp_path):
    rules, _ = _suggest(tmp_path, _dump(
        tmp_path, lambda i: FOOTER if i % 10 else "HARIAN PAGI —  Terbit setiap hari"))
    assert not any(r["description"].startswith("label line") for r in rules)
    assert any(r["description"].startswith("repeated line") and _removes(r, FOOTER)
               for r in rules)


def test_a_footer_shaped_like_a_template_is_an_exact_line_rule(tmp_path):
    # "Terbit sejak <num> di <name>": nothing in it varies across the documents.
    line = "Terbit sejak 1998 di Kota Bandung"
    rules, _ = _suggest(tmp_path, _dump(tmp_path, lambda i: line))
    [rule] = [r for r in rules if _removes(r, line)]
    assert rule["description"].startswith("repeated line")
    assert not _removes(rule, "Terbit sejak 2001 di Kota Medan")


@pytest.mark.parametrize("line, shape", [
    ("Baca juga: {}", "baca juga : <title>"),
    ("SIMAK JUGA - {}", "simak juga : <title>"),
    ("Harian Pagi — {}", "harian pagi : <title>"),
])
def test_a_label_whose_title_varies_stays_a_label_rule(tmp_path, line, shape):
    rules, _ = _suggest(tmp_path, _dump(tmp_path, lambda i: line.format(TITLES[i % 5])))
    [rule] = [r for r in rules if r["description"].startswith(f"label line {shape!r}")]
    assert rule["action"] == "drop-line"
    assert _removes(rule, line.format("Judul yang belum pernah terbit"))


def test_a_byline_identical_in_every_document_still_captures_the_editor(tmp_path):
    # One editor signs every article: the rule still fills the field, not only drops the line.
    rules, folder = _suggest(tmp_path, _dump(tmp_path, lambda i: "Editor: Rudi Hartono"))
    [rule] = [r for r in rules if _removes(r, "Editor: Rudi Hartono")]
    assert rule["action"] == "meta" and "(?P<editor>" in rule["pattern"]
    record = Cleaner(packs=load_packs([folder])).clean(
        "Isi berita yang panjang tentang warga kota yang berkumpul di alun-alun pagi ini."
        "\n\nEditor: Rudi Hartono", url=f"https://{SITE}/x")
    assert record["meta"]["editors"] == ["Rudi Hartono"]


@pytest.mark.parametrize("lines", [
    ["Harian Pagi —", "Harian Pagi — ", "Harian Pagi —\u00a0\u00a0"],
    ["Baca juga:", "Baca juga :", "BACA JUGA:"],
    ["[Harian Pagi — Terbit setiap hari]", "(Harian Pagi — Terbit setiap hari", FOOTER],
    ["Harian Pagi — " + "x" * 400, "Harian Pagi — \u200b", "Harian Pagi —\ttab"],
])
def test_damaged_footers_neither_raise_nor_give_a_rule_that_fails_its_check(tmp_path, lines):
    dump = _dump(tmp_path, lambda i: lines[i % len(lines)])
    out = tmp_path / "packs"
    assert main(["suggest", str(dump), "--packs", "common", "--write-packs", str(out)]) == 0
    if (out / f"{SITE}.toml").exists():
        assert main(["rules", "check", "--rules", str(out), "--no-fixtures"]) == 0
