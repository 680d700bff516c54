"""A shard folder is written by one run at a time: a second run, or a resume while the first is
alive, is refused before it touches the folder, and the hold ends with the run's own process,
not with the workers it forked."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest

from cleaner import folder_lock
from cleaner.cli import main
from cleaner.shards import OutputError, ShardedOutput
from conftest import ROOT
from scale_helpers import real_docs, write_jsonl

# A process holding FOLDER, as a run does, that says so and waits; with "fork", it forks a
# worker that outlives it and exits. The worker says its own pid: the fork's hooks have run in
# it by then (its parent saying it could race them on a loaded machine).
_HOLDER = """
import os, sys, time
from cleaner import folder_lock
folder_lock.hold(sys.argv[1])
if sys.argv[2] == "fork":
    if os.fork() == 0:
        print(os.getpid(), flush=True)
        time.sleep(60)
        os._exit(0)
    os._exit(0)
print("held", flush=True)
time.sleep(60)
"""


def _holder(folder, mode: str = "hold") -> subprocess.Popen:
    process = subprocess.Popen([sys.executable, "-c", _HOLDER, str(folder), mode],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=ROOT,
                               env={**os.environ, "PYTHONPATH": str(ROOT)})
    return process


def test_a_run_into_a_folder_another_run_is_writing_is_refused_and_leaves_it_as_it_was(
        tmp_path, capsys):
    dump = write_jsonl(tmp_path / "dump.jsonl", real_docs(30))
    out = tmp_path / "out"
    assert main(["clean", str(dump), "-o", str(out), "--shard-size", "10", "-q",
                 "--workers", "1"]) == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    holder = _holder(out)
    try:
        assert holder.stdout.readline().strip() == "held"
        for extra in ([], ["--resume"]):
            capsys.readouterr()
            assert main(["clean", str(dump), "-o", str(out), "--shard-size", "10", "-q",
                         "--workers", "1", *extra]) == 2
            assert capsys.readouterr().err == (
                f"cleaner: error: {out} is being written by another cleaner run that is still "
                f"going; wait for it to end (or stop it and add --resume to go on with it), or "
                f"choose another folder\n")
        assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    finally:
        holder.kill()
        holder.wait()
    # (the holder gone, the folder is free again)
    assert main(["clean", str(dump), "-o", str(out), "--shard-size", "10", "-q",
                 "--workers", "1", "--resume"]) == 0


def test_the_hold_ends_with_the_run_not_with_a_worker_it_forked(tmp_path):
    holder = _holder(tmp_path, "fork")
    worker = int(holder.stdout.readline())
    holder.wait()
    try:
        assert os.path.exists(f"/proc/{worker}")            # (the worker outlives the run)
        key = folder_lock.hold(tmp_path)
        assert key is not None
        folder_lock.release(key)
    finally:
        os.kill(worker, signal.SIGKILL)


def test_one_process_may_make_the_output_again_and_a_refused_start_keeps_the_others_hold(
        tmp_path):
    out = tmp_path / "out"
    first = ShardedOutput(out, shard_size=5)
    first.write_record(b'{"id":"a"}\n', 1)
    first.checkpoint(1)
    with pytest.raises(OutputError, match="already holds a run"):
        ShardedOutput(out, shard_size=5)
    again = ShardedOutput(out, shard_size=5, resume=True)
    again.abort()
    holder = _holder(out)
    assert holder.stdout.readline() == ""           # (refused: `first` still holds it)
    assert holder.wait() != 0
    first.abort()
    holder = _holder(out)
    try:
        assert holder.stdout.readline().strip() == "held"
    finally:
        holder.kill()
        holder.wait()
