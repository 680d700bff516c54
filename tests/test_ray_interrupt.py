"""Ctrl-C on a sharded Ray run ends with the run's own words (the resume command), not with Ray
Data's noise of an iterator closed after Ray is shut down; and stdin given to a sharded run is
told what to do instead, as a pipe is."""

from __future__ import annotations

import signal
import subprocess
import sys
import time

import pytest

from cleaner.cli import main
from conftest import ROOT
from scale_helpers import real_docs, write_jsonl


def test_sharded_output_from_stdin_says_what_to_do_instead(tmp_path, monkeypatch, capsys):
    # `cat dump | cleaner clean - -o DIR --shard-size N`: the same advice as for `<(...)`.
    dump = write_jsonl(tmp_path / "in.jsonl", real_docs(3))
    monkeypatch.setattr(sys, "stdin", open(dump, encoding="utf-8"))
    assert main(["clean", "-", "-o", str(tmp_path / "out"), "--shard-size", "2"]) != 0
    said = capsys.readouterr().err
    assert "sharded output needs files as input, not stdin" in said
    assert "read the file itself" in said and "write one file (-o out.jsonl)" in said
    assert not (tmp_path / "out").exists()


def _last_line(text: str) -> str:
    """The last non-empty line of `text`."""
    return [line for line in text.splitlines() if line.strip()][-1]


def test_ctrl_c_on_a_ray_run_ends_with_the_resume_command_not_a_traceback(tmp_path):
    pytest.importorskip("ray", reason="ray is not installed (pip install -e '.[ray]')")
    # Enough documents that the run is still cleaning when its first shard appears (batches
    # of 128 on one worker), few enough to stay quick.
    dump = write_jsonl(tmp_path / "in.jsonl", real_docs(2500))
    out = tmp_path / "out"
    args = ["clean", str(dump), "-o", str(out), "--shard-size", "50", "--executor", "ray",
            "--workers", "1"]
    with subprocess.Popen([sys.executable, "-m", "cleaner", *args], cwd=ROOT,
                          stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True) as run:
        deadline = time.monotonic() + 120
        while not (out / "part-00000.jsonl").exists() and run.poll() is None:
            assert time.monotonic() < deadline, "no shard written in 120 s"
            time.sleep(0.05)
        run.send_signal(signal.SIGINT)
        _, said = run.communicate(timeout=120)
    assert run.returncode == 130, said
    assert "Traceback" not in said and "WARNING" not in said, said
    # (the hint repeats the command as run: here `python -m cleaner clean ...`)
    last = _last_line(said)
    assert last.startswith("cleaner: continue with: "), said
    assert last.endswith(f" clean {' '.join(args[1:])} --resume"), said


def test_the_bars_first_drawn_update_shows_the_docs_rate(monkeypatch):
    # The bar is drawn by tqdm's update (at most every 0.5 s); the docs/s set after it showed
    # from the next drawing only: the first update of a run had none.
    import io

    from cleaner.progress import Progress

    shown = io.StringIO()
    monkeypatch.setattr(sys, "stderr", shown)
    progress = Progress(True, lambda: 1_000_000)
    time.sleep(0.6)                     # (past tqdm's mininterval: this update is drawn)
    progress.update(100_000, 120)
    frames = shown.getvalue().split("\r")
    progress.close()
    assert "100k/1.00M" in frames[-1] and "docs/s" in frames[-1], frames
