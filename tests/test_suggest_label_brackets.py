"""`cleaner suggest` on byline labels in brackets: `[Redaktur: X]`, `(Editor: X)`, `(Penulis: X)`
closing every document become a `meta` rule that captures the editor or the author, whose pack
passes `rules check` and fills the field when cleaning; a label whose text is no name (a
sentence, a url) is no meta rule."""

from __future__ import annotations

import json
import tomllib

import pytest

from cleaner.batches import document_args
from cleaner.cli import main
from cleaner.pipeline import Cleaner
from cleaner.readers import iter_inputs
from cleaner.rulefile import load_packs

NAMES = ["Rudi Hartono", "Budi Santoso", "Ani Wijaya", "Dewi Lestari", "Agus Salim"]
SITE = "beritaku.example"


def _dump(tmp_path, last_line, n=20, host=SITE):
    """A site's articles, each closing with last_line(i) as its own paragraph."""
    rows = []
    for i in range(n):
        paras = [f"Paragraf {k} berita nomor {i} menceritakan jalannya acara warga kota dengan "
                 f"rinci dan panjang." for k in range(6)]
        paras.append(last_line(i))
        rows.append({"id": f"d{i}", "url": f"https://www.{host}/berita/{i}",
                     "text": "\n\n".join(paras)})
    path = tmp_path / "dump.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _suggest(tmp_path, dump, *extra):
    """The rules suggest writes for the site, by the label's shape, and the pack folder."""
    out = tmp_path / "packs"
    assert main(["suggest", str(dump), "--site", SITE, "--write-packs", str(out), *extra]) == 0
    rules = tomllib.loads((out / f"{SITE}.toml").read_text(encoding="utf-8"))["rule"]
    return {r["description"].split("'")[1]: r for r in rules}, out


def _cleaned(dump, folder):
    cleaner = Cleaner(packs=load_packs([folder]))
    return [cleaner.clean(item.text, **document_args(item)) for item in iter_inputs([str(dump)])]


@pytest.mark.parametrize("line, field", [
    ("[Redaktur: {}]", "editors"),
    ("(Editor: {})", "editors"),
    ("(Penulis: {})", "authors"),
    ("[ Penyunting : {} ]", "editors"),
])
def test_a_bracketed_byline_label_is_a_meta_rule_that_passes_rules_check(tmp_path, line, field):
    dump = _dump(tmp_path, lambda i: line.format(NAMES[i % len(NAMES)]))
    rules, folder = _suggest(tmp_path, dump, "--packs", "common")
    label = line.strip("[( ").split(":")[0].strip().lower()
    rule = rules[f"{label} : <title>"]
    assert rule["action"] == "meta"
    assert f"(?P<{field[:-1]}>" in rule["pattern"]
    # Its own case says what it fills, and `rules check` holds the pack to it.
    assert rule["cases"][0]["meta"] == {field: [NAMES[0]]}
    assert main(["rules", "check", "--rules", str(folder), "--no-fixtures"]) == 0
    records = _cleaned(dump, folder)
    assert [r["meta"].get(field) for r in records[:5]] == [[name] for name in NAMES]
    assert not any(name in r["text"] for r in records for name in NAMES)


def test_the_redaktur_repro_dump_gets_a_meta_rule_for_the_editor(tmp_path):
    # The user's report: every document closes with '[Redaktur: <name>]'; the shipped packs
    # already remove the other cruft.
    dump = _dump(tmp_path, lambda i: f"[Redaktur: {NAMES[i % len(NAMES)]}]", n=40)
    rules, folder = _suggest(tmp_path, dump, "--top", "3")
    rule = rules["redaktur : <title>"]
    assert rule["action"] == "meta" and rule["where"] == "tail"
    assert main(["rules", "check", "--rules", str(folder), "--no-fixtures"]) == 0
    records = _cleaned(dump, folder)
    assert all(r["meta"].get("editors") == [NAMES[i % len(NAMES)]]
               for i, r in enumerate(records))


def test_bracketed_and_bare_lines_of_one_label_are_one_meta_rule(tmp_path):
    dump = _dump(tmp_path, lambda i: (f"[Editor: {NAMES[i % 5]}]" if i % 2 else
                                      f"Editor: {NAMES[i % 5]}"))
    rules, folder = _suggest(tmp_path, dump, "--packs", "common")
    assert rules["editor : <title>"]["action"] == "meta"
    assert main(["rules", "check", "--rules", str(folder), "--no-fixtures"]) == 0
    records = _cleaned(dump, folder)
    assert all(r["meta"].get("editors") == [NAMES[i % 5]] for i, r in enumerate(records))


@pytest.mark.parametrize("line", [
    "[Redaktur: berita ini diperbarui pada pukul {} WIB.]",
    "(Editor: https://www.beritaku.example/redaksi/{})",
    "[Penulis: Kompas.com/{}]",
])
def test_a_label_whose_text_is_no_name_is_no_meta_rule(tmp_path, line):
    dump = _dump(tmp_path, lambda i: line.format(i))
    rules, _ = _suggest(tmp_path, dump, "--packs", "common")
    assert all(r["action"] != "meta" or "(?P<author>" not in r["pattern"]
               and "(?P<editor>" not in r["pattern"] for r in rules.values())


def test_a_few_sentences_among_the_names_stay_and_the_names_go_to_meta(tmp_path):
    # One document in twenty writes a note after the label: the rule takes the names and
    # leaves the note, which it neither drops nor reads as an editor.
    note = "[Redaktur: Artikel ini telah diperbarui.]"
    dump = _dump(tmp_path, lambda i: note if i == 7 else f"[Redaktur: {NAMES[i % 5]}]")
    rules, folder = _suggest(tmp_path, dump, "--packs", "common")
    rule = rules["redaktur : <title>"]
    assert rule["action"] == "meta" and note not in rule["remove"]
    records = _cleaned(dump, folder)
    assert note in records[7]["text"] and not records[7]["meta"].get("editors")
    assert note in rule["keep"]
    assert records[8]["meta"]["editors"] == [NAMES[3]]


def test_a_hostile_label_line_neither_raises_nor_becomes_meta(tmp_path):
    # Unbalanced brackets, control-like spaces, a very long rest: mined without error.
    lines = ["[Redaktur: ]", "(Editor: [[[", "[Penulis: " + "A" * 400 + "]",
             "(Redaktur:\u00a0Budi)", "[Editor: Budi)"]
    dump = _dump(tmp_path, lambda i: lines[i % len(lines)])
    out = tmp_path / "packs"
    assert main(["suggest", str(dump), "--packs", "common", "--write-packs", str(out)]) == 0
    if (out / f"{SITE}.toml").exists():
        assert main(["rules", "check", "--rules", str(out), "--no-fixtures"]) == 0


def test_the_labels_are_the_packs_words_a_users_pack_adds_one(tmp_path):
    # 'Penyelaras' is in no shipped pack: a plain label line, until a pack lists it.
    dump = _dump(tmp_path, lambda i: f"(Penyelaras: {NAMES[i % 5]})")
    rules, _ = _suggest(tmp_path, dump, "--packs", "common")
    assert rules["penyelaras : <title>"]["action"] == "drop-line"
    words = tmp_path / "words.toml"
    words.write_text('[pack]\nid = "words"\nkind = "common"\n'
                     '[pack.byline_labels]\neditors = ["Penyelaras"]\n', encoding="utf-8")
    again = tmp_path / "again"
    again.mkdir()
    rules, _ = _suggest(again, dump, "--packs", "common", "--rules", str(words))
    assert "(?P<editor>" in rules["penyelaras : <title>"]["pattern"]
