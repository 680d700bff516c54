"""From the acceptance run: folders a run makes are named, the stats say what was written and
by how many workers, and `suggest --write-packs` writes the site's language."""

from __future__ import annotations

import gzip
import json
import os
import re

import orjson

from cleaner.cli import main
from cleaner.rulefile import load_pack
from cleaner import run_config
from cleaner.run_config import CleanerFactory, RunConfig
from cleaner.shards import ShardedOutput
from cleaner.single_output import SingleOutput
from cleaner.stats import RunStats

ARTICLE = ("Jakarta - Pemerintah kota mengumumkan rencana pembangunan taman baru di pusat kota "
           "yang akan dibuka untuk warga pada akhir tahun ini. Warga menyambut rencana itu "
           "dengan gembira dan berharap taman tersebut bisa menjadi tempat bermain anak-anak.")


def _dump(tmp_path, n=3):
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps({"id": f"d{i}", "text": f"{ARTICLE} Nomor {i}."}) + "\n"
                            for i in range(n)), encoding="utf-8")
    return path


def _config(tmp_path, output, **options):
    return RunConfig(inputs=[str(tmp_path / "in.jsonl")], output=str(output),
                     factory=CleanerFactory(None), **options)


# -- 1. folders a run makes for its output paths are named once on stderr

def test_a_missing_folder_of_an_output_file_is_made_and_named_once(tmp_path, capsys,
                                                                   monkeypatch):
    dump = _dump(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert main(["clean", str(dump), "-o", "nope/deeper/out.jsonl"]) == 0
    err = capsys.readouterr().err
    assert (tmp_path / "nope" / "deeper" / "out.jsonl").is_file()
    made = [line for line in err.splitlines() if "made folder" in line]
    assert made == [f"cleaner: note: made folder nope{os.sep}deeper{os.sep} for -o"]


def test_missing_folders_of_stats_and_report_are_each_named(tmp_path, capsys):
    dump = _dump(tmp_path)
    stats, report = tmp_path / "s" / "stats.json", tmp_path / "r" / "x" / "report.html"
    assert main(["clean", str(dump), "-o", str(tmp_path / "out.jsonl"), "--stats", str(stats),
                 "--report", str(report)]) == 0
    err = capsys.readouterr().err
    assert f"made folder {stats.parent}{os.sep} for --stats" in err
    assert f"made folder {report.parent}{os.sep} for --report" in err
    assert "for -o" not in err                       # its folder was there


def test_folders_that_exist_and_a_run_under_quiet_say_nothing(tmp_path, capsys):
    dump = _dump(tmp_path)
    assert main(["clean", str(dump), "-o", str(tmp_path / "out.jsonl"),
                 "--stats", str(tmp_path / "stats.json")]) == 0
    assert "made folder" not in capsys.readouterr().err
    assert main(["clean", str(dump), "-o", str(tmp_path / "q" / "out.jsonl"), "-q"]) == 0
    assert "made folder" not in capsys.readouterr().err


def test_a_refused_run_names_no_folder_it_did_not_make(tmp_path, capsys):
    # The input is missing: the run does not start, and the output's folder is never made.
    assert main(["clean", str(tmp_path / "missing.jsonl"), "-o",
                 str(tmp_path / "new" / "out.jsonl")]) == 2
    assert "made folder" not in capsys.readouterr().err
    assert not (tmp_path / "new").exists()


def test_folders_to_make_names_the_shard_folders_parents_not_the_shard_folder(tmp_path):
    config = _config(tmp_path, tmp_path / "a" / "shards", shard_size=10,
                     rejects=str(tmp_path / "rej" / "r.jsonl"))
    assert run_config.folders_to_make(config) == [(str(tmp_path / "a"), ["-o"]),
                                       (str(tmp_path / "rej"), ["--rejects"])]
    # One folder needed twice is named once, with both options.
    config = _config(tmp_path, tmp_path / "b" / "out.jsonl",
                     stats_path=str(tmp_path / "b" / "stats.json"))
    assert run_config.folders_to_make(config) == [(str(tmp_path / "b"), ["-o", "--stats"])]
    # Standard output, a device, and paths whose folders exist make none.
    assert run_config.folders_to_make(_config(tmp_path, "-", stats_path="/dev/null")) == []
    assert run_config.folders_to_make(_config(tmp_path, tmp_path / "out.jsonl")) == []


# -- 2. workers and executor in the summary and the stats

def test_the_summary_and_stats_name_the_workers_and_executor():
    stats = RunStats()
    stats.workers, stats.executor = 2, "local"
    assert stats.summary().splitlines()[1].endswith("MB/s, 2 workers")
    figures = stats.as_dict()
    assert figures["workers"] == 2 and figures["executor"] == "local"
    stats.workers = 1
    assert stats.summary().splitlines()[1].endswith("MB/s, 1 worker")
    stats.workers, stats.executor = 3, "ray"
    assert stats.summary().splitlines()[1].endswith("MB/s, 3 workers (Ray)")


def test_stats_of_a_run_not_cleaned_here_name_no_workers():
    # (a resume that finds the run finished writes its --stats from the manifest)
    stats = RunStats(started=None)
    assert stats.as_dict()["workers"] is None and "worker" not in stats.summary()


# -- 3. output_bytes: the bytes of the output as written

def test_output_bytes_of_a_compressed_file_are_its_size_on_disk(tmp_path):
    dump = _dump(tmp_path, 20)
    out, stats = tmp_path / "out.jsonl.gz", tmp_path / "stats.json"
    assert main(["clean", str(dump), "-o", str(out), "-q", "--stats", str(stats)]) == 0
    figures = json.loads(stats.read_text())
    assert figures["output_bytes"] == out.stat().st_size
    # bytes_written stays what it was: the input bytes of the documents written.
    assert figures["bytes_written"] == figures["bytes"] == dump.stat().st_size - 20
    assert len(gzip.decompress(out.read_bytes())) > figures["output_bytes"]


def test_output_bytes_of_stdout_are_the_json_lines_sent(tmp_path, capsysbinary):
    dump = _dump(tmp_path)
    stats = tmp_path / "stats.json"
    assert main(["clean", str(dump), "-o", "-", "-q", "--stats", str(stats)]) == 0
    sent = capsysbinary.readouterr().out
    assert json.loads(stats.read_text())["output_bytes"] == len(sent) > 0


def test_output_bytes_of_shards_are_the_sizes_of_the_complete_shards(tmp_path):
    dump = _dump(tmp_path, 5)
    out, stats = tmp_path / "shards", tmp_path / "stats.json"
    assert main(["clean", str(dump), "-o", str(out), "--shard-size", "2", "-q",
                 "--stats", str(stats)]) == 0
    sizes = sum(p.stat().st_size for p in out.glob("part-*"))
    assert json.loads(stats.read_text())["output_bytes"] == sizes
    manifest = orjson.loads((out / "_manifest.json").read_bytes())
    assert manifest["stats"]["output_bytes"] == sizes


def test_output_bytes_of_a_single_output_count_what_a_batch_sent(tmp_path):
    single = SingleOutput("-", None)
    single.write_records([b'{"a":1}\n', b'{"b":22}\n'])
    stats = RunStats()
    single.finish(2, stats)
    assert stats.output_bytes == 17


def test_output_bytes_restored_from_a_manifest_of_an_earlier_version_are_counted_anew(tmp_path):
    stats = RunStats()
    stats.restore({"read": 3, "written": 3})      # no output_bytes: a manifest of before
    assert stats.output_bytes == 0
    out = ShardedOutput(tmp_path / "shards", shard_size=2)
    out.write_record(b'{"a":1}\n', 1, stats)
    out.finish(1, stats)
    assert stats.output_bytes == (tmp_path / "shards" / "part-00000.jsonl").stat().st_size


# -- 4. suggest --write-packs writes the site's language

PROMO = "Dukung jurnalisme warga dengan berlangganan KabarNusa Premium hari ini juga"


def _site_dump(tmp_path, texts):
    path = tmp_path / "site.jsonl"
    path.write_text("".join(json.dumps({"id": f"k{i}", "url": f"https://kabarnusa.example/{i}",
                                        "text": text}) + "\n"
                            for i, text in enumerate(texts)), encoding="utf-8")
    return path


def _indonesian(i):
    return "\n\n".join([f"Jakarta - Warga kota {i} berkumpul di alun-alun pada pagi hari untuk "
                        "acara tahunan yang sudah lama mereka tunggu dan ini adalah acara besar.",
                        PROMO,
                        f"Paragraf berita {i} menceritakan jalannya acara dengan rinci dan "
                        "mereka yang datang juga bisa melihat pertunjukan dari para seniman."])


def _english(i):
    return "\n\n".join([f"The people of town {i} gathered in the square in the morning for the "
                        "yearly fair that they have been waiting for and it was a big one.",
                        PROMO,
                        f"The story {i} tells how the fair went and what the people who came "
                        "there could see of the show that was given by the artists."])


def test_write_packs_gives_a_site_pack_the_language_of_its_documents(tmp_path):
    dump = _site_dump(tmp_path, [_indonesian(i) for i in range(12)])
    out = tmp_path / "packs"
    for packs in ("all", "common"):          # detected with every loaded pack, counted or not
        assert main(["suggest", str(dump), "--packs", packs, "--write-packs", str(out),
                     "--force"]) == 0
        pack = load_pack(out / "kabarnusa.example.toml")
        assert pack.lang == "id"
        assert main(["rules", "check", "--rules", str(out), "--no-fixtures"]) == 0


def test_write_packs_gives_no_language_where_the_documents_do_not_agree(tmp_path):
    texts = [_indonesian(i) for i in range(6)] + [_english(i) for i in range(6)]
    dump = _site_dump(tmp_path, texts)
    out = tmp_path / "packs"
    assert main(["suggest", str(dump), "--write-packs", str(out)]) == 0
    text = (out / "kabarnusa.example.toml").read_text(encoding="utf-8")
    assert load_pack(out / "kabarnusa.example.toml").lang is None
    assert not re.search(r"^lang\s*=", text, re.M)
    assert main(["rules", "check", "--rules", str(out), "--no-fixtures"]) == 0


def test_a_run_names_its_workers_in_the_summary_and_the_stats(tmp_path, capsys):
    dump = _dump(tmp_path, 6)
    stats = tmp_path / "stats.json"
    assert main(["clean", str(dump), "-o", str(tmp_path / "out.jsonl"), "--workers", "2",
                 "--stats", str(stats)]) == 0
    assert "MB/s, 2 workers" in capsys.readouterr().err
    figures = json.loads(stats.read_text())
    assert figures["workers"] == 2 and figures["executor"] == "local"
    assert main(["clean", str(dump), "-o", str(tmp_path / "out.jsonl"), "-q",
                 "--stats", str(stats)]) == 0      # a small input: cleaned in this process
    assert json.loads(stats.read_text())["workers"] == 1
