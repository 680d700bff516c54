"""`cleaner clean` end to end: inputs of every kind, records in order, bad input rejected with file and line."""

from __future__ import annotations

import gzip
import io
import json
import shutil
import subprocess
import sys

import pytest
import zstandard

from cleaner.cli import main
from conftest import ROOT

SEED = next((ROOT / "fixtures" / "channel9.id").glob("*.txt"))

# The seed articles (fixtures/<site>/NNN_<hash>.txt), not the other text fixtures.
SEEDS = sorted(p for p in (ROOT / "fixtures").glob("*/*.txt") if p.name[:3].isdigit())


def read_jsonl(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture
def dump(tmp_path):
    """A folder of the seeds plus a binary .txt, a non-input file and an invalid UTF-8 file."""
    folder = tmp_path / "dump"
    folder.mkdir()
    for raw in SEEDS:
        shutil.copy(raw, folder / raw.name)
    (folder / "zz_binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR" * 20)
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF")
    (folder / "zz_latin1.txt").write_bytes("Berita caf\xe9 hari ini.".encode("latin-1"))
    (folder / "zz_empty.txt").write_text("  \n\n ", encoding="utf-8")
    return folder


def test_folder_run_writes_records_in_order_and_rejects_bad_files(dump, tmp_path, capsys):
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(dump), "-o", str(out)]) == 0
    records = read_jsonl(out)
    assert [r["id"] for r in records] == sorted(p.stem for p in SEEDS)
    rejects = read_jsonl(tmp_path / "out.jsonl.rejects.jsonl")
    reasons = {r["source"].rsplit("/", 1)[-1]: r["reason"] for r in rejects}
    assert set(reasons) == {"zz_binary.txt", "zz_latin1.txt", "zz_empty.txt"}
    assert "binary" in reasons["zz_binary.txt"]
    assert "invalid UTF-8 at byte 10" in reasons["zz_latin1.txt"]
    assert reasons["zz_empty.txt"] == "empty document"
    err = capsys.readouterr().err
    assert "rejected " + str(dump / "zz_binary.txt") in err
    assert "read 8 documents, wrote 5, rejected 3" in err
    assert "skipped 1 file not matching" in err
    assert "id/related-link" in err


def test_encoding_auto_reads_legacy_text(dump, tmp_path):
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(dump / "zz_latin1.txt"), "-o", str(out), "--encoding", "auto", "-q"]) == 0
    [record] = read_jsonl(out)
    assert "café" in record["text"] and record["encoding"] != "utf-8"


def test_jsonl_bad_lines_are_rejected_by_line_and_the_rest_kept(tmp_path, capsys):
    good = {"id": "a1", "url": "https://www.channel9.id/x", "text": SEED.read_text(encoding="utf-8"),
            "crawl": {"batch": 7}, "lang_score": 0.93}
    lines = [json.dumps(good).encode(), b'{"id": "broken", "text": "unterminated',
             b"[1, 2, 3]", b"42", b'{"id": "e", "text": ""}', b'{"id": "n", "body": "x"}',
             b'{"id": "u", "text": "caf\xe9"}', b"", json.dumps({"id": "z", "text": "Isi berita."}).encode()]
    src = tmp_path / "in.jsonl"
    src.write_bytes(b"\n".join(lines) + b"\n")
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(src), "-o", str(out), "--rejects", str(tmp_path / "rej.jsonl")]) == 0
    records = read_jsonl(out)
    assert [r["id"] for r in records] == ["a1", "z"]
    assert records[0]["crawl"] == {"batch": 7} and records[0]["lang_score"] == 0.93
    assert records[0]["meta"]["url"] == good["url"] and records[0]["meta"]["site"] == "channel9.id"
    rejects = read_jsonl(tmp_path / "rej.jsonl")
    assert [(r["line"], r["reason"].split(":")[0].split(";")[0]) for r in rejects] == [
        (2, "broken JSON"), (3, "JSON line is an array, not an object"),
        (4, "JSON line is a number, not an object"), (5, "empty document"), (6, "no 'text' field"),
        (7, "invalid UTF-8 at byte 24 of the line")]
    assert rejects[0]["raw"] == '{"id": "broken", "text": "unterminated'
    assert f"rejected {src}:2: broken JSON" in capsys.readouterr().err


def test_rejects_of_one_kind_are_counted_together_whatever_their_details(tmp_path, capsys):
    lines = [b'{"id": "%d", "text": "%s\xe9"}' % (i, b"x" * i) for i in range(12)]
    lines += [b'{"id": "b", "text": ', b'{"id": "c" "text": "x"}', b'{"text": "a"} 7']
    src = tmp_path / "in.jsonl"
    src.write_bytes(b"\n".join(lines) + b"\n")
    stats = tmp_path / "stats.json"
    assert main(["clean", str(src), "-o", str(tmp_path / "out.jsonl"), "--stats", str(stats)]) == 0
    assert json.loads(stats.read_text())["reject_reasons"] == {
        "invalid UTF-8 at byte N of the line": 12, "broken JSON": 3}
    # Counted together, each kind shown by its first reason as written (it printed numbers as N).
    said = capsys.readouterr().err
    assert "rejects by reason (15 in all):\n" in said
    assert (f"      12  invalid UTF-8 at byte 21 of the line: in a legacy charset? read it with "
            f"--encoding auto (or the charset's name: cp1252, latin-1), or convert it first: "
            f"iconv -f CHARSET -t UTF-8 {src} > {tmp_path / 'in.utf8.jsonl'} (and others like "
            f"it)\n") in said


def test_truncated_gzip_keeps_earlier_records_and_names_the_point(tmp_path):
    body = b"".join(json.dumps({"id": str(i), "text": f"Berita nomor {i} hari ini."}).encode() + b"\n"
                    for i in range(2000))
    whole = gzip.compress(body)
    src = tmp_path / "in.jsonl.gz"
    src.write_bytes(whole[: len(whole) // 2])
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(src), "-o", str(out), "-q"]) == 0
    records = read_jsonl(out)
    assert 0 < len(records) < 2000
    assert [r["id"] for r in records] == [str(i) for i in range(len(records))]
    [reject] = read_jsonl(tmp_path / "out.jsonl.rejects.jsonl")
    assert reject["line"] == len(records) + 1 and "truncated or corrupt" in reject["reason"]


def test_zstd_input_and_gzip_output(tmp_path):
    src = tmp_path / "in.jsonl.zst"
    src.write_bytes(zstandard.ZstdCompressor().compress(
        json.dumps({"id": "z1", "text": "Judul Berita\n\nIsi berita panjang. (T/RE1/P1)"}).encode() + b"\n"))
    out = tmp_path / "out.jsonl.gz"
    assert main(["clean", str(src), "-o", str(out), "-q"]) == 0
    [record] = [json.loads(x) for x in gzip.decompress(out.read_bytes()).splitlines()]
    assert record["text"] == "Isi berita panjang." and record["meta"]["title"] == "Judul Berita"


def test_zstd_input_of_several_frames_is_read_to_the_end(tmp_path):
    compressor = zstandard.ZstdCompressor()
    src = tmp_path / "in.jsonl.zst"
    src.write_bytes(b"".join(compressor.compress(b"".join(
        json.dumps({"id": f"{frame}-{i}", "text": f"Berita {i} dari bagian {frame}."}).encode()
        + b"\n" for i in range(400))) for frame in range(3)))
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(src), "-o", str(out), "-q"]) == 0
    assert [r["id"] for r in read_jsonl(out)] == [f"{f}-{i}" for f in range(3) for i in range(400)]


def test_giant_line_is_rejected_and_the_next_record_read(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_bytes(json.dumps({"id": "big", "text": "x " * 600_000}).encode() + b"\n"
                    + json.dumps({"id": "small", "text": "Isi berita."}).encode() + b"\n")
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(src), "-o", str(out), "-q", "--max-record-bytes", "100000"]) == 0
    assert [r["id"] for r in read_jsonl(out)] == ["small"]
    [reject] = read_jsonl(tmp_path / "out.jsonl.rejects.jsonl")
    assert reject["line"] == 1 and "longer than 100000 bytes" in reject["reason"]


def test_stdin_text_to_stdout(monkeypatch, capsysbinary):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(io.BytesIO(SEED.read_bytes()))))
    assert main(["clean", "-", "-o", "-", "-q"]) == 0
    [record] = [json.loads(x) for x in capsysbinary.readouterr().out.splitlines()]
    assert record["id"] == "stdin" and record["meta"]["site"] == "channel9.id"


def test_stdin_jsonl(monkeypatch, capsysbinary):
    data = b'{"id": "s1", "text": "Isi berita pertama."}\n{"id": "s2", "text": "Isi kedua."}\n'
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(io.BytesIO(data))))
    assert main(["clean", "-", "-o", "-", "-q"]) == 0
    assert [json.loads(x)["id"] for x in capsysbinary.readouterr().out.splitlines()] == ["s1", "s2"]


def test_a_missing_input_stops_the_run_before_it_starts(tmp_path, capsys):
    # A typo, or a shell pattern that matched nothing: known before any work, so a usage error
    # (exit 2) that a script sees, not a reject beside a run that exits 0.
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(tmp_path / "nope.txt"), str(SEED), "-o", str(out), "-q"]) == 2
    assert f"no such file or folder: {tmp_path / 'nope.txt'}" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_a_symbolic_link_to_nothing_or_in_a_loop_is_refused_as_a_missing_input(tmp_path, capsys):
    # Both passed the check for missing inputs and became a reject "no such file or folder"
    # in a run that exited 0 (the loop was said to be missing).
    (tmp_path / "dangling.jsonl").symlink_to("gone.jsonl")
    (tmp_path / "a.jsonl").symlink_to("b.jsonl")
    (tmp_path / "b.jsonl").symlink_to("a.jsonl")
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(tmp_path / "dangling.jsonl"), str(SEED), "-o", str(out)]) == 2
    assert (f"error: {tmp_path / 'dangling.jsonl'} is a symbolic link to gone.jsonl, which does "
            "not exist") in capsys.readouterr().err
    assert main(["clean", str(SEED), str(tmp_path / "a.jsonl"), "-o", str(out)]) == 2
    assert f"error: {tmp_path / 'a.jsonl'} is a symbolic link in a loop" in \
        capsys.readouterr().err
    assert not out.exists()


def test_stdin_named_twice_and_shard_options_for_stdout_are_refused(tmp_path, capsys):
    out = tmp_path / "out.jsonl"
    assert main(["clean", "-", "-", "-o", str(out), "-q"]) == 2
    assert "named twice" in capsys.readouterr().err
    for option in (["--format", "parquet"], ["--shard-size", "10"]):
        assert main(["clean", str(SEED), "-o", "-", "-q", *option]) == 2
        assert "-o - writes JSON lines to stdout" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_strict_exit_code_and_stats_file(dump, tmp_path):
    out, stats = tmp_path / "out.jsonl", tmp_path / "stats.json"
    assert main(["clean", str(dump), "-o", str(out), "-q", "--strict", "--stats", str(stats)]) == 3
    figures = json.loads(stats.read_text())
    assert (figures["written"], figures["rejected"]) == (5, 3)
    assert figures["rules"]["id/related-link"]["hits"] == 4


def test_broken_rule_file_stops_the_run_before_it_starts(tmp_path, capsys):
    bad = tmp_path / "bad.toml"
    bad.write_text('[[rule]]\nid = "x/lookbehind"\naction = "drop-line"\npattern = \'(?<=a)b\'\n'
                   'remove = ["ab"]\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(SEED), "-o", str(out), "--rules", str(bad)]) == 2
    err = capsys.readouterr().err
    assert str(bad) in err and "x/lookbehind" in err and "RE2" in err
    assert not out.exists()


def test_python_dash_m_cleaner_runs_the_command(tmp_path):
    source = tmp_path / "a.txt"
    source.write_text("Judul Berita Hari Ini\n\nIsi berita ini panjang sekali. (ant)\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "cleaner", "clean", str(source), "-o", "-", "-q"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["text"] == "Isi berita ini panjang sekali."
    usage = subprocess.run([sys.executable, "-m", "cleaner"], capture_output=True, text=True,
                           timeout=120)
    assert usage.returncode == 2 and "usage: cleaner" in usage.stderr


def test_an_input_that_is_also_the_output_is_refused_and_kept(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "a", "text": "Isi berita."}) + "\n")
    before = src.read_bytes()
    assert main(["clean", str(src), "-o", str(src), "-q"]) == 2
    assert src.read_bytes() == before
    assert "is an input and also what this run writes" in capsys.readouterr().err
    shards = tmp_path / "shards"
    assert main(["clean", str(src), "-o", str(shards), "--shard-size", "10", "-q"]) == 0
    assert main(["clean", str(shards), "-o", str(shards), "--resume", "-q"]) == 2


def test_a_run_over_a_folder_does_not_read_back_its_own_output(tmp_path, capsys):
    folder = tmp_path / "dump"
    folder.mkdir()
    (folder / "a.jsonl").write_text(
        json.dumps({"id": "a", "text": "Isi berita."}) + "\n" + "[1]\n")
    out = folder / "clean.jsonl"
    for workers in ("1", "2"):
        assert main(["clean", str(folder), "-o", str(out), "--workers", workers]) == 0
        assert [r["id"] for r in read_jsonl(out)] == ["a"]
        assert len(read_jsonl(folder / "clean.jsonl.rejects.jsonl")) == 1
    err = capsys.readouterr().err
    assert "not reading" in err and "clean.jsonl: it is this run's output" in err
    assert "skipped" not in err


@pytest.mark.parametrize("how", ["file", "2 workers", "gzip", "stdin"])
def test_a_jsonl_saved_with_a_byte_order_mark_loses_no_record(tmp_path, monkeypatch,
                                                              capsysbinary, how):
    data = (b"\xef\xbb\xbf" + json.dumps({"id": "a", "text": "Isi berita."}).encode() + b"\n"
            + json.dumps({"id": "b", "text": "Isi kedua."}).encode() + b"\n")
    src = tmp_path / ("in.jsonl.gz" if how == "gzip" else "in.jsonl")
    src.write_bytes(gzip.compress(data) if how == "gzip" else data)
    args = ["clean", str(src), "-o", "-", "-q", "--workers", "2" if how == "2 workers" else "1"]
    if how == "stdin":
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(io.BytesIO(data))))
        args[1] = "-"
    assert main(args) == 0
    assert [json.loads(x)["id"] for x in capsysbinary.readouterr().out.splitlines()] == ["a", "b"]


def test_nan_and_infinity_as_pythons_json_writes_them_keep_the_record(tmp_path, capsys):
    rows = [{"id": "a", "text": "Isi berita.", "score": float("nan")},
            {"id": "b", "text": "Isi kedua.", "scores": [float("inf"), -float("inf"), 1.5]}]
    lines = [json.dumps(row) for row in rows] + ['{"id": "c", "text": "Isi.", }',
                                                 '{"id": "d", "text": "Isi \\ud800."}']
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(lines) + "\n")
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(src), "-o", str(out), "-q"]) == 0
    records = read_jsonl(out)
    # d's lone surrogate is read too (tests/test_input_fields.py), repaired by normalize.
    assert [(r["id"], r.get("score"), r.get("scores")) for r in records] == [
        ("a", None, None), ("b", None, [None, None, 1.5]), ("d", None, None)]
    assert "score" in records[0]
    rejects = read_jsonl(tmp_path / "out.jsonl.rejects.jsonl")
    assert [(r["line"], r["reason"].split(":")[0].split(";")[0]) for r in rejects] == [(3, "broken JSON")]


def test_stats_and_report_go_to_new_folders_and_a_failed_write_is_said_not_raised(
        dump, tmp_path, capsys, monkeypatch):
    import errno
    import os

    from cleaner import run

    out, stats = tmp_path / "out.jsonl", tmp_path / "new" / "deep" / "stats.json"
    report = tmp_path / "pages" / "report.html"
    assert main(["clean", str(dump), "-o", str(out), "-q", "--stats", str(stats),
                 "--report", str(report)]) == 0
    assert json.loads(stats.read_text())["written"] > 0 and report.stat().st_size > 0
    folder = tmp_path / "a-folder"
    folder.mkdir()
    # A path that cannot be written is refused before the run; one that fails at the end (a
    # full disk) is said, the output complete.
    assert main(["clean", str(dump), "-o", str(out), "-q", "--stats", str(folder)]) == 2
    capsys.readouterr()

    def disk_full(path, stats):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), path)

    monkeypatch.setattr(run, "_write_stats", disk_full)
    assert main(["clean", str(dump), "-o", str(out), "-q", "--stats", str(stats)]) == 1
    err = capsys.readouterr().err
    assert "the output is complete, but writing" in err and "Traceback" not in err
    assert len(read_jsonl(out)) > 0


@pytest.mark.parametrize("command, option, value, said", [
    ("clean", "--workers", "0", "must be at least 1"),
    ("clean", "--shard-size", "0", "must be at least 1"),
    ("clean", "--max-record-bytes", "0", "must be at least 1"),
    ("clean", "--max-html-bytes", "-1", "must be at least 1"),
    ("clean", "--page-timeout", "-2", "must be at least 0"),
    ("clean", "--page-timeout", "nan", "must be a finite number"),
    ("clean", "--page-timeout", "inf", "must be a finite number"),
    ("clean", "--learn-min-share", "2", "must be above 0 and at most 1"),
    ("clean", "--learn-min-docs", "0", "must be at least 1"),
    ("clean", "--workers", "two", "not a number"),
    ("suggest", "--min-share", "0", "must be above 0 and at most 1"),
    ("explain", "-n", "-1", "must be at least 0"),
])
def test_a_number_out_of_range_is_a_usage_error_naming_the_option(tmp_path, capsys, command,
                                                                   option, value, said):
    src = tmp_path / "a.txt"
    src.write_text("Isi berita.")
    args = [command, str(src)] + (["-o", str(tmp_path / "o.jsonl")] if command == "clean" else [])
    with pytest.raises(SystemExit) as stop:
        main(args + [option, value])
    assert stop.value.code == 2
    assert f"argument {option}" in (err := capsys.readouterr().err) and said in err
    assert not (tmp_path / "o.jsonl").exists()


@pytest.mark.parametrize("inputs, said", [
    (["dump", "dump/sub"], "dump/sub is inside dump"),
    (["dump/sub/a.jsonl", "dump"], "dump/sub/a.jsonl is inside dump"),
    (["dump/sub/a.jsonl", "./dump/sub/../sub/a.jsonl"], "is named twice (as dump/sub/a.jsonl)"),
])
def test_inputs_that_overlap_are_refused_not_cleaned_twice(tmp_path, monkeypatch, capsys,
                                                           inputs, said):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "dump" / "sub").mkdir(parents=True)
    (tmp_path / "dump" / "sub" / "a.jsonl").write_text(
        json.dumps({"id": "a", "text": "Isi berita."}) + "\n")
    assert main(["clean", *inputs, "-o", "out.jsonl", "-q"]) == 2
    assert said in capsys.readouterr().err and not (tmp_path / "out.jsonl").exists()
    assert main(["clean", "dump/sub", "-o", "out.jsonl", "-q"]) == 0


def test_a_run_that_finds_no_documents_says_so_and_why(tmp_path, capsys):
    (tmp_path / "notes.md").write_text("# catatan")
    assert main(["clean", str(tmp_path), "-o", str(tmp_path / "out.jsonl")]) == 0
    err = capsys.readouterr().err
    assert "warning: no input documents found; 1 file matched none of the input patterns" in err
    assert main(["clean", str(tmp_path), "-o", str(tmp_path / "out.jsonl"), "--glob", "*.md"]) == 0
    assert "no input documents found" not in capsys.readouterr().err


def test_a_run_without_rejects_leaves_no_earlier_rejects_beside_its_records(tmp_path):
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    rejects = tmp_path / "out.jsonl.rejects.jsonl"
    src.write_text('{"id": "a", "text": "Isi berita."}\n{broken\n')
    assert main(["clean", str(src), "-o", str(out), "-q"]) == 0 and rejects.exists()
    src.write_text('{"id": "a", "text": "Isi berita."}\n')
    assert main(["clean", str(src), "-o", str(out), "-q"]) == 0
    assert not rejects.exists() and len(read_jsonl(out)) == 1


def test_an_unknown_encoding_or_language_pack_is_a_usage_error(tmp_path, capsys):
    out = tmp_path / "out.jsonl"
    with pytest.raises(SystemExit) as stop:
        main(["clean", str(SEED), "-o", str(out), "--encoding", "bogus"])
    assert stop.value.code == 2 and "unknown encoding 'bogus'" in capsys.readouterr().err
    assert main(["clean", str(SEED), "-o", str(out), "--lang", "xx"]) == 2
    assert "no language pack 'xx'" in capsys.readouterr().err
    for command in (["rules", "list"], ["rules", "check", "--no-fixtures"]):
        assert main([*command, "--lang", "xx"]) == 2
        assert "no language pack 'xx'" in capsys.readouterr().err
    # --address without the Ray executor would be passed over in silence.
    assert main(["clean", str(SEED), "-o", str(out), "--address", "127.0.0.1:1"]) == 2
    assert "give --executor ray too" in capsys.readouterr().err
    assert not out.exists()
    assert main(["clean", str(SEED), "-o", str(out), "-q", "--lang", "id",
                 "--encoding", "cp1252"]) == 0


@pytest.mark.parametrize("command", [["clean", str(SEED), "-o", "out.jsonl"], ["fixtures", "update"],
                                     ["fixtures", "check"], ["rules", "list"]])
@pytest.mark.parametrize("value", ["", "  "])
def test_an_empty_lang_is_a_usage_error(tmp_path, monkeypatch, capsys, command, value):
    # (counted as given, it named no language: `fixtures update --lang ''` rewrote every record
    # without the rule options its case keeps, and deleted them)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as stop:
        main([*command, "--lang", value])
    assert stop.value.code == 2 and "--lang needs a language code" in capsys.readouterr().err
    assert not (tmp_path / "out.jsonl").exists()


def test_a_quiet_run_to_stdout_says_how_many_rejects_it_kept_nowhere(tmp_path, capsysbinary):
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a", "text": "Isi berita."}\n{broken\n[1]\n')
    assert main(["clean", str(src), "-o", "-", "-q"]) == 0
    err = capsysbinary.readouterr().err.decode()
    assert err == "cleaner: 2 documents rejected and not kept; give --rejects PATH to keep them\n"
    assert main(["clean", str(src), "-o", "-", "-q", "--rejects", str(tmp_path / "r.jsonl")]) == 0
    assert capsysbinary.readouterr().err == b""


def test_no_builtin_rules_without_rules_says_no_rule_runs(tmp_path, capsys):
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(SEED), "-o", str(out), "--no-builtin-rules"]) == 0
    assert "--no-builtin-rules without --rules: no rule runs" in capsys.readouterr().err
    pack = tmp_path / "mine.toml"
    pack.write_text('[[rule]]\nid = "mine/promo"\naction = "drop-line"\npattern = \'^promo$\'\n'
                    'remove = ["promo"]\n', encoding="utf-8")
    for quiet_or_rules in (["-q"], ["--rules", str(pack)]):
        assert main(["clean", str(SEED), "-o", str(out), "--no-builtin-rules",
                     *quiet_or_rules]) == 0
        assert "no rule runs" not in capsys.readouterr().err
