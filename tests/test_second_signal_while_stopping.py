"""A second signal that lands as the run begins to stop on the first (before it holds the
signals) stops it as a second signal does anywhere else: what is written kept whole, the resume
said, and the signal's exit status."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import ROOT
from scale_helpers import real_docs, write_jsonl

# Run in a subprocess: the first signal once the first batch is written, the second at the
# start of the stop, before the run holds the signals.
_TWICE = """
import os, signal, sys
from cleaner import run
from cleaner.cli import main

signum = getattr(signal, sys.argv[1])
write, hold = run._Job._write, run._StopOnSignal.hold

def write_then_signal(self, result):
    size = write(self, result)
    os.kill(os.getpid(), signum)
    return size

def signal_then_hold(self):
    run._StopOnSignal.hold = hold
    os.kill(os.getpid(), signum)
    hold(self)

run._Job._write, run._StopOnSignal.hold = write_then_signal, signal_then_hold
sys.exit(main(sys.argv[2:]))
"""


@pytest.mark.parametrize("signame, status", [("SIGTERM", 143), ("SIGINT", 130)])
def test_a_second_signal_before_the_stop_holds_the_signals_keeps_the_shards_and_says_resume(
        tmp_path, signame, status):
    dump = write_jsonl(tmp_path / "in.jsonl", real_docs(300))
    out, stats = tmp_path / "out", tmp_path / "s.json"
    run = subprocess.run([sys.executable, "-c", _TWICE, signame, "clean", str(dump), "-o",
                          str(out), "--shard-size", "20", "--stats", str(stats), "--workers",
                          "1"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    # Before: the second signal's KeyboardInterrupt left the run from the stop's own handler,
    # uncaught there: "cleaner: interrupted", 130 whatever the signal, no resume, no --stats.
    assert run.returncode == status, run.stderr
    assert "cleaner: interrupted\n" not in run.stderr
    manifest = json.loads((out / "_manifest.json").read_text(encoding="utf-8"))
    done = manifest["inputs_done"]
    assert 0 < done < 300
    assert f"interrupted; {len(manifest['shards'])} shards ({done} records, {done} input " \
           "documents) are complete" in run.stderr
    assert "--resume" in run.stderr
    assert json.loads(stats.read_text(encoding="utf-8"))["interrupted"]["signal"] == signame
