"""A worker that never finishes its document: the first Ctrl-C or SIGTERM stops feeding the pool
and says what is complete, a second stops the run at once (the workers killed), its output
complete or absent and the resume command said. Two signals are always enough."""

from __future__ import annotations

import gzip
import json
import signal
import subprocess
import sys
import threading
import time

import pytest

from cleaner.cli import main
from conftest import ROOT
from scale_helpers import real_docs, shard_records, write_jsonl

# Run in a subprocess with 2 workers (forked: they clean with the patched function). A chunk of
# documents holding "TESTHANG" never finishes; one holding "TESTSLOW" waits for the file argv[1].
_HANGING = """
import sys, time
from pathlib import Path
from cleaner import batches
from cleaner.cli import main

go, real = Path(sys.argv[1]), batches.clean_items

def clean_items(cleaner, items, texts=None):
    if any("TESTHANG" in item.text for item in items):
        print("test: a worker hangs", file=sys.stderr, flush=True)
        while True:
            time.sleep(60)
    if any("TESTSLOW" in item.text for item in items):
        print("test: a worker waits", file=sys.stderr, flush=True)
        while not go.exists():
            time.sleep(0.01)
    return real(cleaner, items, texts)

batches.clean_items = clean_items
sys.argv[1:] = sys.argv[2:]
sys.exit(main(sys.argv[1:]))
"""


def _dump(path, marks: dict[int, str]):
    """600 articles as .jsonl.gz, read a line at a time: batches of 128 documents. `marks`
    puts a word at the end of the texts of those indexes."""
    rows = real_docs(600)
    for index, word in marks.items():
        rows[index]["text"] += f"\n\n{word}"
    plain = write_jsonl(path.with_suffix(""), rows)
    path.write_bytes(gzip.compress(plain.read_bytes()))
    plain.unlink()
    return path


class _Run:
    """The run in a subprocess, its stderr read line by line as it comes."""

    def __init__(self, tmp_path, dump, signum, *options):
        self.out, self.stats, self.go = tmp_path / "out", tmp_path / "s.json", tmp_path / "go"
        self.args = ["clean", str(dump), "-o", str(self.out), "--workers", "2",
                     "--stats", str(self.stats), *options]
        self.signum = signum
        self.proc = subprocess.Popen([sys.executable, "-c", _HANGING, str(self.go), *self.args],
                                     cwd=ROOT, stderr=subprocess.PIPE, text=True)
        self.lines: list[str] = []
        self._new = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.proc.stderr:
            with self._new:
                self.lines.append(line)
                self._new.notify_all()
        with self._new:
            self.lines.append("")            # the end of stderr
            self._new.notify_all()

    def said(self) -> str:
        return "".join(self.lines)

    def wait_for(self, *texts: str, timeout: float = 60) -> None:
        with self._new:
            found = self._new.wait_for(lambda: all(t in self.said() for t in texts)
                                       or "" in self.lines, timeout)
        assert found and all(t in self.said() for t in texts), self.said()

    def signal(self) -> None:
        self.proc.send_signal(self.signum)

    def end(self, timeout: float) -> int:
        """The exit status, once the run has ended: within `timeout` seconds, or it fails."""
        return self.proc.wait(timeout=timeout)

    def kill(self) -> None:
        """A run that did not stop must not outlive the test (its workers die with it)."""
        self.proc.kill()
        self.proc.wait()


def _shards_written(out, count: int, timeout: float = 60) -> None:
    """Wait until the run's manifest lists `count` shards."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if len(json.loads((out / "_manifest.json").read_text())["shards"]) >= count:
                return
        except (FileNotFoundError, json.JSONDecodeError, KeyError):
            pass
        time.sleep(0.005)
    pytest.fail("no shards appeared in time")


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_a_second_signal_stops_a_run_whose_worker_hangs_and_keeps_what_is_written(
        tmp_path, signum):
    # Before: the second signal said the run was interrupted and then waited for the hung
    # worker as the pool shut down; a third ended that wait, and the interpreter's exit waited
    # on: SIGKILL alone ended the run.
    dump = _dump(tmp_path / "in.jsonl.gz", {300: "TESTHANG"})
    run = _Run(tmp_path, dump, signum, "--shard-size", "64")
    try:
        run.wait_for("test: a worker hangs")
        # The batches before the hung one (documents 0-255) are written: 4 full shards. The run
        # then waits for the batch that never comes.
        _shards_written(run.out, 4)
        run.signal()
        again = "Ctrl-C again" if signum == signal.SIGINT else "the signal again"
        run.wait_for("stopping after the current batch; so far 4 shards (256 records, 256 input "
                     f"documents) are complete ({again} to stop at once)")
        run.signal()
        status = run.end(timeout=30)
    finally:
        run.kill()
    said = run.said()
    assert status == 128 + signum, said
    assert "interrupted; 4 shards (256 records, 256 input documents) are complete" in said
    assert f"continue with: cleaner {' '.join(run.args)} --resume" in said
    assert sorted(p.name for p in run.out.iterdir()) == [
        "_manifest.json", *(f"part-0000{i}.jsonl" for i in range(4))]
    figures = json.loads(run.stats.read_text())
    assert figures["written"] == 256 and figures["interrupted"]["signal"] == signal.Signals(
        signum).name
    # The resume (without the hanging worker) completes the run as one run would have.
    reference = tmp_path / "reference"
    assert main(["clean", str(dump), "-o", str(reference), "--shard-size", "64", "-q",
                 "--workers", "1"]) == 0
    assert main([*run.args, "--resume", "-q"]) == 0
    assert shard_records(run.out) == shard_records(reference)
    assert json.loads(run.stats.read_text())["written"] == 600


def test_a_first_signal_stops_the_run_when_the_hung_worker_holds_a_later_batch(tmp_path):
    # One worker hangs on the second batch while the run waits for the first, which the other
    # worker finishes: the stop that follows must not wait for the hung one (it did, for ever:
    # the pool was shut down waiting for its batches in flight).
    dump = _dump(tmp_path / "in.jsonl.gz", {5: "TESTSLOW", 130: "TESTHANG"})
    run = _Run(tmp_path, dump, signal.SIGINT, "--shard-size", "1000")
    try:
        run.wait_for("test: a worker hangs", "test: a worker waits")
        run.signal()
        run.wait_for("stopping after the current batch; so far 0 shards (0 records, 0 input "
                     "documents) are complete (Ctrl-C again to stop at once)")
        run.go.touch()                  # the first batch is cleaned: the run stops after it
        status = run.end(timeout=30)
    finally:
        run.kill()
    said = run.said()
    assert status == 130, said
    assert "interrupted; 1 shard (128 records, 128 input documents) is complete" in said
    assert said.count("stopping after the current batch") == 1
    assert json.loads(run.stats.read_text())["interrupted"]["inputs_done"] == 128
