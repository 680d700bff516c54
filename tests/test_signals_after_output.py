"""A SIGTERM or Ctrl-C that comes once every input is cleaned waits for the run to finish: its
output, --stats, summary and exit status are those of a run no signal reached."""

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


def test_a_second_signal_as_the_output_is_renamed_is_held_too_and_said_once(dump, tmp_path):
    # Before, it stopped the run "at once" after the rename: 143, and "out.jsonl not written".
    script = _SIGNALLED_AT.replace("os.kill(os.getpid(), signum)",
                                   "os.kill(os.getpid(), signum); os.kill(os.getpid(), signum)")
    run = subprocess.run([sys.executable, "-c", script, "renamed", "SIGTERM", "clean", str(dump),
                          "-o", str(tmp_path / "out.jsonl"), "--workers", "1"],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stderr.count("every input is cleaned") == 1
    assert "not written" not in run.stderr


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
