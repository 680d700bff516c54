"""A run stopped by Ctrl-C or SIGTERM writes its --stats file: the figures of what it keeps,
marked as interrupted with the command that goes on; the resumed run's covers the whole run."""

from __future__ import annotations

import gzip
import json
import signal
import subprocess
import sys

import pytest

from cleaner.cli import main
from conftest import ROOT
from scale_helpers import real_docs, shard_records, write_jsonl

# Run in a subprocess: the run signals itself (argv: signal, how many times, after which call)
# once the step named has run that many times: a shard checkpointed, or a batch written.
_STOPPED_AT = """
import os, signal, sys
from cleaner import run, shards
from cleaner.cli import main

step, signum = sys.argv[1], getattr(signal, sys.argv[2])
times, after, blocked = int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
owner, name = {"checkpoint": (shards.ShardedOutput, "checkpoint"),
               "batch": (run._Job, "_write")}[step]
real = getattr(owner, name)
calls = []

def signalled(*args, **kwargs):
    done = real(*args, **kwargs)
    calls.append(1)
    if len(calls) == after:
        if blocked != "-":          # the --stats path made a folder: it cannot be written now
            os.mkdir(blocked)
        for _ in range(times):
            os.kill(os.getpid(), signum)
    return done

setattr(owner, name, signalled)
sys.argv[1:] = sys.argv[6:]         # (the command the resume hint repeats)
sys.exit(main(sys.argv[1:]))
"""

# Lines each run rejects, before the rows of these indexes: broken JSON, not an object, no text,
# nothing visible once normalized (rejected where it is cleaned, not where it is read).
_BAD = {7: b'{"id": "broken", "text": ', 60: b"[1, 2, 3]", 140: b'{"id": "e", "text": ""}',
        201: '{"id": "z", "text": "\u200b\u200b"}'.encode()}


@pytest.fixture(scope="module")
def dumps(tmp_path_factory):
    """The same 300 articles and 4 bad lines as plain JSONL (read in the main process) and as
    .jsonl.gz (its lines parsed where they are cleaned, batches of 128)."""
    folder = tmp_path_factory.mktemp("interrupted")
    plain = write_jsonl(folder / "in.jsonl", real_docs(300), bad_lines=_BAD)
    packed = folder / "in.jsonl.gz"
    packed.write_bytes(gzip.compress(plain.read_bytes()))
    return {"jsonl": plain, "gz": packed}


@pytest.fixture(scope="module")
def reference(dumps, tmp_path_factory):
    """The uninterrupted run's records and --stats figures (without its timings)."""
    folder = tmp_path_factory.mktemp("reference")
    stats = folder / "s.json"
    assert main(["clean", str(dumps["jsonl"]), "-o", str(folder / "out"), "--shard-size", "50",
                 "-q", "--workers", "1", "--stats", str(stats)]) == 0
    return shard_records(folder / "out"), _counts(stats)


def _counts(path) -> dict:
    figures = json.loads(path.read_text())
    return {k: v for k, v in figures.items()
            if k not in ("seconds", "stage_seconds", "resumed_after_inputs", "workers")}


def _stopped(step: str, signame: str, times: int, after: int, args: list[str],
             blocked: str = "-") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", _STOPPED_AT, step, signame, str(times),
                           str(after), blocked, "clean", *args],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)


def _manifest(out) -> dict:
    return json.loads((out / "_manifest.json").read_text())


@pytest.mark.parametrize("signame, source, workers", [("SIGINT", "jsonl", "1"),
                                                      ("SIGTERM", "gz", "2")])
def test_a_stopped_sharded_run_writes_the_stats_of_what_it_kept_and_the_resume_the_whole_runs(
        dumps, reference, tmp_path, signame, source, workers):
    out, stats = tmp_path / "out", tmp_path / "s.json"
    args = [str(dumps[source]), "-o", str(out), "--shard-size", "50", "--workers", workers,
            "--stats", str(stats)]
    run = _stopped("checkpoint", signame, 1, 2, args)
    assert run.returncode == 128 + getattr(signal, signame), run.stderr
    assert "stopping after the current batch; so far 2 shards (100 records, " in run.stderr
    figures, manifest = json.loads(stats.read_text()), _manifest(out)
    assert not manifest["complete"]
    # Stopped after the batch being written: its 128 input documents, rejects among them.
    assert figures["documents_read"] == manifest["inputs_done"] == 128
    assert figures["written"] == manifest["records"] == 128 - figures["rejected"]
    assert figures["rejected"] == manifest["rejects"] == 2
    assert figures["bytes"] == manifest["stats"]["bytes_in"] > figures["bytes_written"] > 100_000
    assert figures["rules"] and figures["sites"] and figures["seconds"] > 0
    assert figures["interrupted"] == {
        "signal": signame, "inputs_done": 128, "resume": f"cleaner clean {' '.join(args)} --resume",
        "output": f"3 shards ({figures['written']} records, 128 input documents) are complete",
        "seconds": figures["interrupted"]["seconds"]}
    assert figures["interrupted"]["seconds"] >= figures["seconds"] > 0
    # The resume's --stats: the whole run's, no longer marked.
    assert main(["clean", *args, "--resume", "-q"]) == 0
    assert _counts(stats) == reference[1] and "interrupted" not in _counts(stats)
    assert shard_records(out) == reference[0]


def test_a_run_stopped_at_once_in_a_batch_counts_what_its_last_checkpoint_keeps(
        dumps, reference, tmp_path):
    # The second signal comes as the second shard is renamed, in the middle of the first
    # batch: the records written after it are dropped with the unfinished shard, and counted
    # by the resume, which cleans them again.
    out, stats = tmp_path / "out", tmp_path / "s.json"
    args = [str(dumps["jsonl"]), "-o", str(out), "--shard-size", "50", "--workers", "1",
            "--stats", str(stats)]
    run = _stopped("checkpoint", "SIGTERM", 2, 2, args)
    assert run.returncode == 143, run.stderr
    figures, manifest = json.loads(stats.read_text()), _manifest(out)
    assert figures["written"] == manifest["records"] == 100
    assert figures["documents_read"] == manifest["inputs_done"] == figures["interrupted"][
        "inputs_done"] == 102                   # (two of them rejected)
    assert figures["bytes"] == manifest["stats"]["bytes_in"]
    assert figures["interrupted"]["signal"] == "SIGTERM"
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]
    assert main(["clean", *args, "--resume", "-q"]) == 0
    assert _counts(stats) == reference[1]
    assert shard_records(out) == reference[0]


def test_a_stopped_run_into_one_file_writes_the_stats_of_what_it_kept(dumps, tmp_path):
    out, stats = tmp_path / "out.jsonl", tmp_path / "s.json"
    run = _stopped("batch", "SIGINT", 1, 1, [str(dumps["jsonl"]), "-o", str(out), "--workers",
                                             "1", "--stats", str(stats)])
    assert run.returncode == 130, run.stderr
    assert not out.exists()
    figures = json.loads(stats.read_text())
    # The file is not written: it keeps nothing, and a new run starts from the start.
    assert figures["documents_read"] == figures["written"] == figures["rejected"] == 0
    assert figures["bytes"] == figures["bytes_written"] == 0 and not figures["rules"]
    assert figures["interrupted"]["inputs_done"] == 0
    assert figures["interrupted"]["resume"] is None      # one file is not resumable
    assert figures["interrupted"]["output"].startswith(f"{out} not written")


def test_a_stats_file_that_cannot_be_written_at_the_stop_is_said_and_the_stop_stays_a_stop(
        dumps, tmp_path):
    out, stats = tmp_path / "out", tmp_path / "s.json"
    run = _stopped("checkpoint", "SIGINT", 1, 1, [str(dumps["jsonl"]), "-o", str(out),
                                                  "--shard-size", "50", "--workers", "1",
                                                  "--stats", str(stats)], blocked=str(stats))
    assert run.returncode == 130, run.stderr
    assert f"error: cannot write {stats}: Is a directory" in run.stderr
    assert "continue with: " in run.stderr and stats.is_dir()


def test_a_run_whose_output_cannot_be_opened_writes_its_stats_with_why(tmp_path, monkeypatch):
    import errno

    from cleaner import run

    def full(config):
        raise OSError(errno.ENOSPC, "No space left on device", config.output)

    monkeypatch.setattr(run, "open_output", full)
    dump = write_jsonl(tmp_path / "in.jsonl", real_docs(3))
    stats = tmp_path / "stats.json"
    assert main(["clean", str(dump), "-o", str(tmp_path / "out"), "--shard-size", "10",
                 "--stats", str(stats), "-q"]) == 1
    # (was: no --stats file at all, where a run that failed later wrote one)
    figures = json.loads(stats.read_text(encoding="utf-8"))
    assert figures["written"] == 0 and figures["interrupted"]["output"] == "nothing was written"
    assert figures["interrupted"]["error"].startswith(f"cannot write {tmp_path / 'out'}: the "
                                                      "output disk is full")
