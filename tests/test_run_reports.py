"""Run reports that must be true (found by an acceptance run): stage_seconds are CPU seconds, not
time waited; a manifest the disk had no room for is neither reported as written nor left behind
as a temporary file; a stopped run's --stats holds the figures of what it keeps, and a sharded
run stopped by a full disk writes one too."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
import time

import pytest

from cleaner import batches, pipeline, run, shards, writers
from cleaner.batches import process_batch
from cleaner.cli import main
from cleaner.inputs import Item
from cleaner.shards import _JsonlShard
from cleaner.stats import RunStats
from conftest import ROOT
from scale_helpers import real_docs, shard_records, write_jsonl

# Seconds each timed step sleeps: time that passes with no CPU spent, which stage_seconds (CPU
# seconds) must not count. The bound leaves room for a loaded machine's CPU noise.
NAP = 0.15
BOUND = 0.1

# Rejected lines among the articles: broken JSON, not an object.
_BAD = {7: b'{"id": "broken", "text": ', 60: b"[1, 2, 3]"}


@pytest.fixture(scope="module")
def dump(tmp_path_factory):
    folder = tmp_path_factory.mktemp("reports33")
    return write_jsonl(folder / "in.jsonl", real_docs(200), bad_lines=_BAD)


@pytest.fixture(scope="module")
def reference(dump, tmp_path_factory):
    """The uninterrupted sharded run's records."""
    out = tmp_path_factory.mktemp("reference") / "out"
    assert main(["clean", str(dump), "-o", str(out), "--shard-size", "40", "-q",
                 "--workers", "1"]) == 0
    return shard_records(out)


def _napping(real):
    def napping(*args, **kwargs):
        time.sleep(NAP)
        return real(*args, **kwargs)
    return napping


# -- 1. stage_seconds are CPU seconds ------------------------------------------------------------

def test_the_cleaning_stages_count_cpu_seconds_not_time_waited(cleaner, monkeypatch):
    monkeypatch.setattr(pipeline, "header_stage", _napping(pipeline.header_stage))
    before = cleaner.timings["header"]
    cleaner.clean_documents([cleaner.make_document(doc["text"], doc["url"])
                             for doc in real_docs(3)])
    assert cleaner.timings["header"] - before < BOUND


def test_reading_counts_cpu_seconds_not_time_waited():
    stats = RunStats()

    def slow_input():
        for item in range(3):
            time.sleep(NAP)
            yield item

    assert list(run._timed(slow_input(), stats)) == [0, 1, 2]
    assert stats.stage_seconds["read"] < BOUND


def test_writing_counts_cpu_seconds_not_time_waited(dump, tmp_path, monkeypatch):
    monkeypatch.setattr(run._Job, "_write", _napping(run._Job._write))
    stats = tmp_path / "s.json"
    assert main(["clean", str(dump), "-o", str(tmp_path / "out.jsonl"), "-q", "--workers", "1",
                 "--stats", str(stats)]) == 0
    seconds = json.loads(stats.read_text())["stage_seconds"]
    assert seconds["write"] < BOUND and seconds["read"] < BOUND


def test_a_workers_clean_and_serialize_count_cpu_seconds_not_time_waited(cleaner, monkeypatch):
    items = [Item("in.jsonl", line, doc["text"], {"id": doc["id"], "url": doc["url"]},
                  len(doc["text"])) for line, doc in enumerate(real_docs(3), start=1)]
    process_batch(cleaner, items)           # (rules made ready on first use: CPU of their own)
    monkeypatch.setattr(batches, "clean_items", _napping(batches.clean_items))
    result = process_batch(cleaner, items)
    assert [outcome[0] for outcome in result.outcomes] == ["record"] * 3
    assert result.seconds["clean"] < BOUND


# -- 2. a manifest the disk had no room for -----------------------------------------------------

class _FullFile:
    """A file whose writes find the disk full (the file itself is made, as on a full disk)."""

    def __init__(self, stream):
        self.stream = stream

    def write(self, data):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stream.close()

    def __getattr__(self, name):
        return getattr(self.stream, name)


def _manifest_fills_the_disk_at(monkeypatch, save: int) -> None:
    """The `save`-th write of the manifest (1: the run's start, 2: after the first shard, ...)
    finds the disk full; every other file is written as it is."""
    saves = {"n": 0}

    def opening(path, mode="r", *args, **kwargs):
        stream = open(path, mode, *args, **kwargs)
        if str(path).endswith(f".{shards.MANIFEST}.tmp"):
            saves["n"] += 1
            if saves["n"] == save:
                return _FullFile(stream)
        return stream

    monkeypatch.setattr(shards, "open", opening, raising=False)


def test_a_manifest_the_disk_had_no_room_for_is_not_reported_nor_left_behind(
        dump, reference, tmp_path, monkeypatch, capsys):
    out, stats = tmp_path / "out", tmp_path / "s.json"
    args = [str(dump), "-o", str(out), "--shard-size", "40", "--workers", "1",
            "--stats", str(stats)]
    _manifest_fills_the_disk_at(monkeypatch, 3)     # as the second shard is recorded
    assert main(["clean", *args]) == 1
    err = capsys.readouterr().err
    manifest = json.loads((out / shards.MANIFEST).read_text())
    assert [shard["name"] for shard in manifest["shards"]] == ["part-00000.jsonl"]
    assert "the output disk is full" in err
    assert "1 shard (40 records) is complete and kept" in err, err
    # Nothing on disk that the manifest does not record: no temporary manifest, no shard.
    assert sorted(p.name for p in out.iterdir()) == ["_manifest.json", "_rejects.jsonl",
                                                     "part-00000.jsonl"]
    # --stats (item 4): what the manifest keeps.
    figures = json.loads(stats.read_text())
    assert figures["written"] == manifest["records"] == 40
    assert figures["documents_read"] == manifest["inputs_done"]
    monkeypatch.undo()
    assert main(["clean", *args, "--resume", "-q"]) == 0
    assert shard_records(out) == reference


def test_a_first_manifest_the_disk_had_no_room_for_leaves_no_temporary_file(
        dump, tmp_path, monkeypatch, capsys):
    out = tmp_path / "out"
    _manifest_fills_the_disk_at(monkeypatch, 1)
    assert main(["clean", str(dump), "-o", str(out), "--shard-size", "40", "-q"]) == 1
    assert "the output disk is full" in capsys.readouterr().err
    assert not [p.name for p in out.iterdir() if p.name.endswith(".tmp")]


# -- 3. a stopped single-file run's --stats -----------------------------------------------------

# Run in a subprocess: the run signals itself once its first batch is written.
_STOPPED = """
import os, signal, sys
from cleaner import run
from cleaner.cli import main

real = run._Job._write

def signalled(*args, **kwargs):
    done = real(*args, **kwargs)
    os.kill(os.getpid(), signal.SIGINT)
    return done

run._Job._write = signalled
sys.exit(main(sys.argv[1:]))
"""


def _stopped(args: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", _STOPPED, "clean", *args], cwd=ROOT,
                          capture_output=True, timeout=120)


def test_a_stopped_run_into_one_file_counts_nothing_written(dump, tmp_path):
    out, stats = tmp_path / "out.jsonl", tmp_path / "s.json"
    proc = _stopped([str(dump), "-o", str(out), "--workers", "1", "--stats", str(stats)])
    assert proc.returncode == 130, proc.stderr
    assert not out.exists()
    figures = json.loads(stats.read_text())
    assert figures["interrupted"]["output"].startswith(f"{out} not written")
    # The file is not written: nothing of it is kept, and a new run starts from the start.
    assert (figures["written"], figures["bytes_written"], figures["output_bytes"],
            figures["flagged"], figures["rules"], figures["sites"]) == (0, 0, 0, 0, {}, {})
    assert (figures["documents_read"], figures["rejected"], figures["bytes"]) == (0, 0, 0)
    assert figures["interrupted"]["inputs_done"] == 0
    assert figures["interrupted"]["resume"] is None
    assert figures["interrupted"]["seconds"] > 0 and figures["workers"] == 1


def test_a_stopped_run_to_stdout_counts_the_records_it_sent(dump, tmp_path):
    stats = tmp_path / "s.json"
    proc = _stopped([str(dump), "-o", "-", "--workers", "1", "--stats", str(stats)])
    assert proc.returncode == 130, proc.stderr
    sent = proc.stdout.count(b"\n")
    figures = json.loads(stats.read_text())
    assert figures["written"] == sent > 0 and figures["rules"]
    assert figures["documents_read"] == figures["interrupted"]["inputs_done"] == sent + 2


# -- 4. a sharded run stopped by a full disk writes its --stats -----------------------------------

def test_a_sharded_run_stopped_by_a_full_disk_writes_the_stats_of_what_it_kept(
        dump, reference, tmp_path, monkeypatch, capsys):
    out, stats = tmp_path / "out", tmp_path / "s.json"
    args = [str(dump), "-o", str(out), "--shard-size", "40", "--workers", "1",
            "--stats", str(stats)]
    real_write = _JsonlShard.write_line
    written = {"n": 0}

    def filling_up(self, line, row=None):
        written["n"] += 1
        if written["n"] > 130:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_write(self, line, row)

    monkeypatch.setattr(_JsonlShard, "write_line", filling_up)
    assert main(["clean", *args]) == 1
    err = capsys.readouterr().err
    assert "3 shards (120 records) are complete" in err
    manifest = json.loads((out / shards.MANIFEST).read_text())
    figures = json.loads(stats.read_text())
    assert figures["written"] == manifest["records"] == 120
    assert figures["documents_read"] == manifest["inputs_done"] > 120
    assert figures["rejected"] == manifest["rejects"]
    assert figures["output_bytes"] == sum(shard["bytes"] for shard in manifest["shards"])
    stopped = figures["interrupted"]
    assert stopped["signal"] is None and "the output disk is full" in stopped["error"]
    assert stopped["inputs_done"] == manifest["inputs_done"]
    assert stopped["output"] == (f"3 shards (120 records, {manifest['inputs_done']} input "
                                 "documents) are complete")
    assert stopped["resume"].endswith(" --resume")
    monkeypatch.undo()
    assert main(["clean", *args, "--resume", "-q"]) == 0
    assert shard_records(out) == reference
    assert "interrupted" not in json.loads(stats.read_text())


def test_a_sharded_run_whose_workers_kept_dying_writes_the_stats_of_what_it_kept(
        dump, tmp_path, monkeypatch, capsys):
    real_make = run.make_executor

    def dying_after_a_batch(*args, **kwargs):
        executor = real_make(*args, **kwargs)
        real_map = executor.map

        def mapping(batches_in):
            for number, result in enumerate(real_map(batches_in)):
                if number == 1:
                    raise run.WorkerDied("the worker processes kept dying; giving up")
                yield result

        executor.map = mapping
        return executor

    monkeypatch.setattr(run, "make_executor", dying_after_a_batch)
    out, stats = tmp_path / "out", tmp_path / "s.json"
    assert main(["clean", str(dump), "-o", str(out), "--shard-size", "40", "--workers", "1",
                 "--stats", str(stats)]) == 1
    assert "giving up" in capsys.readouterr().err
    manifest = json.loads((out / shards.MANIFEST).read_text())
    figures = json.loads(stats.read_text())
    assert figures["written"] == manifest["records"] > 0
    assert figures["documents_read"] == manifest["inputs_done"] == 128
    assert figures["interrupted"]["signal"] is None
    assert figures["interrupted"]["error"] == "the worker processes kept dying; giving up"


# -- 5. a single-file run stopped by a full disk or dying workers writes its --stats -------------

def test_a_run_into_one_file_stopped_by_a_full_disk_writes_stats_of_nothing_kept(
        dump, tmp_path, monkeypatch, capsys):
    out, stats = tmp_path / "one.jsonl", tmp_path / "one.stats.json"
    args = ["clean", str(dump), "-o", str(out), "--workers", "1", "--stats", str(stats)]
    assert main([*args, "-q"]) == 0
    first = json.loads(stats.read_text())
    assert first["written"] > 0 and "interrupted" not in first
    kept = out.read_bytes()

    def full(self, *args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(writers.JsonlWriter, "write_lines", full)
    monkeypatch.setattr(writers.JsonlWriter, "write_line", full)
    assert main(args) == 1
    assert "the output disk is full" in capsys.readouterr().err
    assert out.read_bytes() == kept             # the first run's file, as it was
    # The stats file is this run's, not the first run's: nothing written, and why.
    figures = json.loads(stats.read_text())
    assert (figures["written"], figures["bytes_written"], figures["output_bytes"],
            figures["documents_read"], figures["rejected"], figures["rules"]) == (0, 0, 0, 0, 0, {})
    stopped = figures["interrupted"]
    assert stopped["signal"] is None and "the output disk is full" in stopped["error"]
    assert stopped["output"].startswith(f"{out} not written")
    assert stopped["inputs_done"] == 0 and stopped["resume"] is None
    assert figures["seconds"] == stopped["seconds"] > 0
    assert figures["workers"] == 1 and figures["executor"] == "local"


def test_a_run_into_one_file_whose_workers_kept_dying_writes_stats_of_nothing_kept(
        dump, tmp_path, monkeypatch, capsys):
    real_make = run.make_executor

    def dying_after_a_batch(*args, **kwargs):
        executor = real_make(*args, **kwargs)
        real_map = executor.map

        def mapping(batches_in):
            for number, result in enumerate(real_map(batches_in)):
                if number == 1:
                    raise run.WorkerDied("the worker processes kept dying; giving up")
                yield result

        executor.map = mapping
        return executor

    monkeypatch.setattr(run, "make_executor", dying_after_a_batch)
    out, stats = tmp_path / "out.jsonl", tmp_path / "s.json"
    assert main(["clean", str(dump), "-o", str(out), "--workers", "1",
                 "--stats", str(stats)]) == 1
    assert "giving up" in capsys.readouterr().err
    assert not out.exists()
    figures = json.loads(stats.read_text())
    assert figures["written"] == figures["documents_read"] == 0
    assert figures["interrupted"]["signal"] is None
    assert figures["interrupted"]["error"] == "the worker processes kept dying; giving up"
    assert figures["interrupted"]["output"].startswith(f"{out} not written")
    assert figures["seconds"] == figures["interrupted"]["seconds"] > 0


def test_a_stopped_run_into_one_file_keeps_its_seconds(dump, tmp_path):
    out, stats = tmp_path / "out.jsonl", tmp_path / "s.json"
    proc = _stopped([str(dump), "-o", str(out), "--workers", "1", "--stats", str(stats)])
    assert proc.returncode == 130, proc.stderr
    figures = json.loads(stats.read_text())
    assert figures["seconds"] == figures["interrupted"]["seconds"] > 0
    assert figures["workers"] == 1 and figures["executor"] == "local"
