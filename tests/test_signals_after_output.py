"""A SIGTERM or Ctrl-C that comes once every input is cleaned waits for the run to finish: its
output, --stats, summary and exit status are those of a run no signal reached. A second one
stops the run at once, saying what is complete."""

from __future__ import annotations

import json
import signal
import subprocess
import sys

import pytest

from conftest import ROOT
from scale_helpers import real_docs, write_jsonl

# Run in a subprocess: the run sends itself the signal at the step named, once every input is
# cleaned (each step is wrapped to signal once its own work is done).
_SIGNALLED_AT = """
import os, signal, sys
from cleaner import executors, run, single_output, shards
from cleaner.cli import main

step, signum = sys.argv[1], getattr(signal, sys.argv[2])
owner, name = {"renamed": (single_output.SingleOutput, "finish"),
               "shard-renamed": (shards.ShardedOutput, "finish"),
               "pool-shut-down": (executors.PoolExecutor, "close"),
               "skipped-counted": (run._Job, "_count_skipped"),
               "stats-written": (run, "_write_stats")}[step]
real = getattr(owner, name)

def signalled(*args, **kwargs):
    real(*args, **kwargs)
    os.kill(os.getpid(), signum)

setattr(owner, name, signalled)
sys.exit(main(sys.argv[3:]))
"""


@pytest.fixture(scope="module")
def dump(tmp_path_factory):
    return write_jsonl(tmp_path_factory.mktemp("signals") / "in.jsonl", real_docs(300))


@pytest.mark.parametrize("step, signame", [("renamed", "SIGTERM"), ("renamed", "SIGINT"),
                                           ("pool-shut-down", "SIGTERM"),
                                           ("shard-renamed", "SIGTERM"),
                                           ("skipped-counted", "SIGTERM"),
                                           ("stats-written", "SIGTERM")])
def test_a_signal_once_every_input_is_cleaned_waits_for_the_output_summary_and_stats(
        dump, tmp_path, step, signame):
    out, stats = tmp_path / "out.jsonl", tmp_path / "s.json"
    shards = ["--shard-size", "100"] if step == "shard-renamed" else []
    if shards:
        out = tmp_path / "out"
    run = subprocess.run([sys.executable, "-c", _SIGNALLED_AT, step, signame, "clean", str(dump),
                          "-o", str(out), "--stats", str(stats), "--workers", "2", *shards],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert "every input is cleaned; finishing the output and the run" in run.stderr
    assert "read 300 documents, wrote 300" in run.stderr
    assert json.loads(stats.read_text())["written"] == 300
    assert out.exists()


def test_a_second_signal_as_the_output_is_renamed_stops_the_run_saying_the_output_is_complete(
        dump, tmp_path):
    # Held too, a finish that hung could be ended by SIGKILL alone. Stopped, it said
    # "out.jsonl not written" of an output in place.
    out, stats = tmp_path / "out.jsonl", tmp_path / "s.json"
    script = _SIGNALLED_AT.replace("os.kill(os.getpid(), signum)",
                                   "os.kill(os.getpid(), signum); os.kill(os.getpid(), signum)")
    run = subprocess.run([sys.executable, "-c", script, "renamed", "SIGTERM", "clean", str(dump),
                          "-o", str(out), "--workers", "1", "--stats", str(stats)],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert run.returncode == 143, run.stderr
    assert run.stderr.count("every input is cleaned") == 1
    assert "(the signal again to stop at once)" in run.stderr
    assert (f"cleaner: interrupted as the run finished; {out} is complete (300 records); {stats} "
            "may be missing or cut short") in run.stderr
    assert "not written" not in run.stderr and "read 300 documents" not in run.stderr
    assert len(out.read_text().splitlines()) == 300
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]


def test_a_second_signal_stops_a_finish_that_hangs(dump, tmp_path):
    # The first signal is held; the finish then hangs (a stuck file system, a huge report):
    # Ctrl-C again stops it at once, with the exit status a stop gives.
    script = _SIGNALLED_AT.replace("os.kill(os.getpid(), signum)",
                                   "os.kill(os.getpid(), signum); import time; time.sleep(600)")
    proc = subprocess.Popen([sys.executable, "-c", script, "stats-written", "SIGINT", "clean",
                             str(dump), "-o", str(tmp_path / "out.jsonl"), "--workers", "1",
                             "--stats", str(tmp_path / "s.json")],
                            cwd=ROOT, stderr=subprocess.PIPE, text=True)
    try:
        said = ""
        while "every input is cleaned" not in said:
            line = proc.stderr.readline()
            assert line, said
            said += line
        assert "(Ctrl-C again to stop at once)" in said
        proc.send_signal(signal.SIGINT)
        _, rest = proc.communicate(timeout=60)
    finally:
        proc.kill()                 # (a run that held this signal too would sleep on)
    assert proc.returncode == 130, said + rest
    assert "interrupted as the run finished; " in rest and "is complete (300 records)" in rest


def test_a_second_signal_once_every_shard_is_written_says_the_resume_writes_the_stats(
        dump, tmp_path):
    out, stats = tmp_path / "out", tmp_path / "s.json"
    script = _SIGNALLED_AT.replace("os.kill(os.getpid(), signum)",
                                   "os.kill(os.getpid(), signum); os.kill(os.getpid(), signum)")
    command = ["clean", str(dump), "-o", str(out), "--workers", "1", "--shard-size", "100",
               "--stats", str(stats)]
    run = subprocess.run([sys.executable, "-c", script, "shard-renamed", "SIGTERM", *command],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert run.returncode == 143, run.stderr
    assert "interrupted as the run finished; its 3 shards (300 records) are complete; " in \
        run.stderr and f"--resume writes {stats}" in run.stderr
    assert not stats.exists()
    resumed = subprocess.run([sys.executable, "-m", "cleaner", *command, "--resume"], cwd=ROOT,
                             capture_output=True, text=True, timeout=120)
    assert resumed.returncode == 0, resumed.stderr
    assert json.loads(stats.read_text())["written"] == 300


def test_quiet_runs_hold_the_signal_without_a_word(dump, tmp_path):
    run = subprocess.run([sys.executable, "-c", _SIGNALLED_AT, "stats-written", "SIGTERM", "clean",
                          str(dump), "-o", str(tmp_path / "out.jsonl"), "-q", "--workers", "1",
                          "--stats", str(tmp_path / "s.json")],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert (run.returncode, run.stderr) == (0, "")
    assert (tmp_path / "s.json").exists()


def test_after_the_run_the_signals_act_as_before_it(dump, tmp_path):
    from cleaner.cli import main

    before = signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGINT)
    assert main(["clean", str(dump), "-o", str(tmp_path / "out.jsonl"), "-q",
                 "--workers", "1"]) == 0
    assert (signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGINT)) == before
