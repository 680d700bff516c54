"""The command line's messages: a count of one says its noun in the singular ("read 1
document", "wrote 1 pack file"), an amount of text in a unit that fits it, a refused resume
names the value given and the run's own, and a fixture whose kept rule file is gone names the
path looked at, whole."""

from __future__ import annotations

import json
import shutil

import pytest

from cleaner.cli import main
from cleaner.executors import _where
from cleaner.inputs import Item
from cleaner.report import bar_chart, scope_note
from cleaner.stats import RunStats
from cleaner.wording import characters, counted, noun

PROMO = "Dukung jurnalisme warga dengan berlangganan KabarNusa Premium hari ini juga"
PACK = """[pack]
name = "Kabar"
lang = "id"
domains = ["kabar.example"]

[[rule]]
id = "kabar/promo"
description = "promo line"
action = "drop-line"
pattern = '^Promo: .*$'
remove = ["Promo: beli sekarang"]
keep = ["Ini promo biasa."]
"""


def _dump(tmp_path, count, name="dump.jsonl", promo=False):
    rows = []
    for i in range(count):
        paras = [f"Warga kota {i} berkumpul di alun-alun pada pagi hari untuk acara tahunan."]
        paras += [PROMO] if promo else []
        paras += [f"Paragraf {k} berita {i} menceritakan jalannya acara." for k in range(6)]
        rows.append({"id": f"d{i}", "url": f"https://www.kabar.example/berita/{i}",
                     "text": "\n\n".join(paras)})
    path = tmp_path / name
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


# -- the helpers --------------------------------------------------------------------------------

@pytest.mark.parametrize("number, said", [(0, "0 files"), (1, "1 file"), (2, "2 files")])
def test_a_count_says_its_noun_in_the_singular_for_one_only(number, said):
    assert counted(number, "file") == said


def test_an_irregular_plural_is_given_whole():
    assert counted(3, "match", "matches") == "3 matches"
    assert noun(1, "has", "have") == "has" and noun(4, "has", "have") == "have"


@pytest.mark.parametrize("number, said", [
    (0, "0 characters"), (1, "1 character"), (999, "999 characters"),
    (1000, "1.0 K characters"), (12_345, "12.3 K characters"),
    (999_949, "999.9 K characters"), (999_950, "1.00 M characters"),
    (1_000_000, "1.00 M characters"), (2_500_000_000, "2500.00 M characters")])
def test_an_amount_of_text_is_said_in_the_unit_that_fits_it(number, said):
    assert characters(number) == said


# -- resume ---------------------------------------------------------------------------------

def _interrupted(folder):
    """Mark the finished run in `folder` as interrupted, as a kill after a checkpoint leaves it."""
    manifest_path = folder / "_manifest.json"
    manifest = json.loads(manifest_path.read_text())
    manifest["complete"] = False
    manifest_path.write_text(json.dumps(manifest))


def test_a_resume_given_another_shard_size_names_both_and_the_way_on(tmp_path, capsys):
    dump, out = _dump(tmp_path, 12), tmp_path / "out"
    assert main(["clean", str(dump), "-o", str(out), "--shard-size", "5", "-q"]) == 0
    _interrupted(out)
    capsys.readouterr()
    assert main(["clean", str(dump), "-o", str(out), "--shard-size", "4", "--resume"]) == 2
    err = capsys.readouterr().err
    assert ("cannot resume: --shard-size 4 differs from the interrupted run's 5; resume with "
            "--shard-size 5 (or leave it out), or start again in an empty folder") in err
    assert "there)" not in err
    # Given as the manifest says, the run goes on.
    assert main(["clean", str(dump), "-o", str(out), "--shard-size", "5", "--resume", "-q"]) == 0


def test_a_resume_given_another_format_and_size_names_both_pairs(tmp_path, capsys):
    dump, out = _dump(tmp_path, 6), tmp_path / "out"
    assert main(["clean", str(dump), "-o", str(out), "--shard-size", "5", "-q"]) == 0
    capsys.readouterr()
    assert main(["clean", str(dump), "-o", str(out), "--shard-size", "4", "--format",
                 "parquet", "--resume"]) == 2
    assert ("--format parquet and --shard-size 4 differ from the finished run's jsonl and 5; "
            "resume with --format jsonl --shard-size 5 (or leave them out)"
            in capsys.readouterr().err)


@pytest.mark.parametrize("key, value", [("shard_size", None), ("shard_size", "5000"),
                                        ("shard_size", 0), ("shard_size", True),
                                        ("output_format", None)])
def test_a_hand_edited_layout_in_the_manifest_is_damage_not_a_value_to_resume_with(
        tmp_path, capsys, key, value):
    dump, out = _dump(tmp_path, 6), tmp_path / "out"
    assert main(["clean", str(dump), "-o", str(out), "--shard-size", "5", "-q"]) == 0
    manifest_path = out / "_manifest.json"
    manifest = json.loads(manifest_path.read_text())
    if value is None:
        del manifest[key]
    else:
        manifest[key] = value
    manifest_path.write_text(json.dumps(manifest))
    capsys.readouterr()
    assert main(["clean", str(dump), "-o", str(out), "--resume"]) == 2
    err = capsys.readouterr().err
    assert f"_manifest.json is damaged: {key!r} is {value!r}" in err
    assert "resume with" not in err and "Traceback" not in err


# -- counts of one ------------------------------------------------------------------------------

def test_a_folder_holding_a_finished_run_of_one_record_says_1_record(tmp_path, capsys):
    dump, out = _dump(tmp_path, 1), tmp_path / "out"
    assert main(["clean", str(dump), "-o", str(out), "--shard-size", "5", "-q"]) == 0
    assert main(["clean", str(dump), "-o", str(out), "--shard-size", "5", "-q"]) == 2
    assert "already holds a finished run (1 record);" in capsys.readouterr().err


def test_a_batch_of_one_file_without_lines_is_1_document():
    assert _where([Item("a.txt", None, "x", {}, 1)]) == "1 document from a.txt"
    assert _where([Item("a.txt", None, "x", {}, 1), Item("b.txt", None, "y", {}, 1)]) == \
        "2 documents from a.txt"


def test_a_run_of_one_document_reads_1_document(tmp_path, capsys):
    dump = _dump(tmp_path, 1)
    assert main(["clean", str(dump), "-o", str(tmp_path / "out.jsonl"), "--workers", "1"]) == 0
    err = capsys.readouterr().err
    assert "read 1 document, wrote 1," in err and ", 1 worker" in err


def test_the_summary_of_a_resume_after_one_document_says_it_in_the_singular():
    stats = RunStats()
    stats.read, stats.resumed_from, stats.skipped_files = 2, 1, 1
    summary = stats.summary()
    assert "read 2 documents" in summary
    assert "skipped 1 file not matching the input patterns" in summary
    assert "(resumed after 1 input document)" in summary


def test_suggest_writing_one_pack_says_1_pack_file(tmp_path, capsys):
    dump, out = _dump(tmp_path, 8, promo=True), tmp_path / "packs"
    assert main(["suggest", str(dump), "--packs", "common", "--write-packs", str(out)]) == 0
    captured = capsys.readouterr()
    assert len(list(out.glob("*.toml"))) == 1
    assert f"wrote 1 pack file to {out}" in captured.err
    assert "# cleaner suggest: 8 documents, 1 site;" in captured.out


def test_rules_check_of_one_small_pack_counts_in_the_singular_and_in_characters(tmp_path,
                                                                                 capsys):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "kabar.toml").write_text(PACK, encoding="utf-8")
    fixtures = tmp_path / "fixtures" / "kabar.example"
    fixtures.mkdir(parents=True)
    (fixtures / "a.txt").write_text("Judul berita\n\nIsi berita yang panjang di sini.\n"
                                    "Promo: beli sekarang\n", encoding="utf-8")
    (fixtures / "a.input.json").write_text('{"url": "https://kabar.example/a"}')
    assert main(["rules", "check", "--no-builtin-rules", "--rules", str(rules), "--fixtures",
                 str(tmp_path / "fixtures")]) == 0
    captured = capsys.readouterr()
    assert "1 pack, 1 rule loaded" in captured.out
    assert "1 fixture document; 1 of 1 rule fires on at least one" in captured.out
    assert "1 pattern runs on RE2" in captured.out
    assert " M characters" not in captured.out
    assert "each rule alone on 68 characters of fixture text" in captured.out
    assert "ms for 1 rule\n" in captured.out
    assert "1 pack, 1 rule, 0 failing examples, 0 errors, 0 warnings" in captured.err


def test_rules_list_keeps_its_columns_with_one_rule(tmp_path, capsys):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "kabar.toml").write_text(PACK, encoding="utf-8")
    assert main(["rules", "list", "--no-builtin-rules", "--rules", str(rules)]) == 0
    [line] = [line for line in capsys.readouterr().out.splitlines() if "kabar.toml" in line]
    assert "  1 rule   " in line and "1 rules" not in line


def test_explain_of_one_removal_says_1_removal(tmp_path, capsys):
    page = tmp_path / "a.txt"
    page.write_text("Isi berita yang panjang di sini tentang kota.\nBaca Juga: Berita lain\n",
                    encoding="utf-8")
    assert main(["explain", str(page), "--color", "never"]) == 0
    out = capsys.readouterr().out
    assert "   1 removal, " in out and "1 removals" not in out


def test_the_report_says_a_rule_of_one_removal_in_the_singular():
    chart = bar_chart({"a/one": {"hits": 1, "documents": 1, "words": 1},
                       "a/many": {"hits": 12345, "documents": 2, "words": 0}})
    assert "<title>a/one: 1 removal in 1 document, 1 word</title>" in chart
    assert "<title>a/many: 12,345 removals in 2 documents, 0 words</title>" in chart
    note = scope_note({"resumed_after": 1, "documents": 1, "written": 1, "rejected": 0})
    assert "the 1 input document after the first 1 (1 record, 0 rejects)" in note
    assert "The 1 input document before the resume is not in it" in note


# -- fixtures -----------------------------------------------------------------------------------

def test_a_kept_rule_file_that_is_gone_is_named_by_the_path_looked_at(tmp_path, monkeypatch,
                                                                     capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "mypack.toml").write_text(PACK, encoding="utf-8")
    page = tmp_path / "page.txt"
    page.write_text("Judul\n\nIsi berita yang panjang di sini tentang kota.\n"
                    "Promo: beli sekarang\n", encoding="utf-8")
    assert main(["fixtures", "add", "page.txt", "--site", "kabar.example", "--rules",
                 "mypack.toml"]) == 0
    shutil.move(tmp_path / "mypack.toml", tmp_path / "moved.toml")
    capsys.readouterr()
    assert main(["fixtures", "check"]) == 1
    captured = capsys.readouterr()
    [first] = captured.out.splitlines()[:1]
    # Not "rule file mypack.toml": where it was looked for, whole.
    assert f"rule file {tmp_path / 'mypack.toml'}: no such rule file or folder" in first
    assert "1 fixture, 0 differ from their expected records, 1 could not be cleaned" in (
        captured.err)


def test_a_fixture_that_differs_alone_is_said_in_the_singular(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    page = tmp_path / "page.txt"
    page.write_text("Judul\n\nIsi berita yang panjang di sini tentang kota.\n", encoding="utf-8")
    # A host no pack comes near: a user's pack for kabarbaru.example in rules/sites/ made
    # kabar.example a "did you mean" refusal.
    assert main(["fixtures", "add", "page.txt", "--site", "kabar.invalid"]) == 0
    expected = tmp_path / "fixtures" / "kabar.invalid" / "page.json"
    record = json.loads(expected.read_text(encoding="utf-8"))
    record["text"] += " (changed)"
    expected.write_text(json.dumps(record), encoding="utf-8")
    capsys.readouterr()
    assert main(["fixtures", "check"]) == 1
    assert "1 fixture, 1 differs from its expected record" in capsys.readouterr().err


def test_skipped_records_named_by_their_kind_are_said_in_the_plural_past_one():
    stats = RunStats()
    stats.skipped_records = {"WARC request record": 6, "WARC warcinfo record": 1,
                             "not HTML (image/png)": 1234}
    assert ("skipped: 6 WARC request records; 1 WARC warcinfo record; 1,234 not HTML "
            "(image/png)") in stats.summary()
