"""What `clean` says about one output file: a suffix no writer goes by, and a Ctrl-C that leaves none."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

from scale_helpers import real_docs, write_jsonl

from cleaner.cli import main

ROOT = Path(__file__).resolve().parent.parent


def test_an_output_suffix_no_writer_goes_by_is_said(tmp_path, capsys):
    dump = write_jsonl(tmp_path / "in.jsonl", real_docs(3))
    out = tmp_path / "out.parqet"                  # a typo of .parquet
    assert main(["clean", str(dump), "-o", str(out)]) == 0
    assert "is written as JSON lines: its suffix .parqet names no output format" in (
        capsys.readouterr().err)
    assert [json.loads(line)["id"] for line in out.read_text().splitlines()][:1]
    for good in ("out.jsonl", "out.jsonl.gz", "out.parquet", "out"):
        assert main(["clean", str(dump), "-o", str(tmp_path / good)]) == 0
        assert "names no output format" not in capsys.readouterr().err


def test_ctrl_c_on_a_one_file_run_says_how_to_write_a_run_that_resumes(tmp_path):
    dump = write_jsonl(tmp_path / "in.jsonl", real_docs(20_000))
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen([sys.executable, "-m", "cleaner.cli", "clean", str(dump), "-o",
                             str(out), "--workers", "1"], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    err = _interrupted(proc, tmp_path)
    assert "not written" in err.decode()
    assert "-o FOLDER --shard-size N" in err.decode()
    assert not out.exists()


def test_ctrl_c_on_a_run_from_stdin_gives_no_advice_its_input_cannot_take(tmp_path):
    # "writes shards: -o FOLDER --shard-size N" was said, and shards refuse stdin.
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen([sys.executable, "-m", "cleaner.cli", "clean", "-", "-o", str(out),
                             "--workers", "1"], cwd=ROOT, stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdin is not None
    proc.stdin.write(write_jsonl(tmp_path / "in.jsonl", real_docs(50)).read_bytes())
    proc.stdin.flush()                  # (left open: the run waits for more)
    err = _interrupted(proc, tmp_path)
    assert "not written" in err.decode() and "--shard-size" not in err.decode()


def _interrupted(proc: subprocess.Popen, folder: Path) -> bytes:
    """Ctrl-C to a one-file run once its temporary output is there; its stderr (exit 130)."""
    deadline = time.monotonic() + 60
    while not list(folder.glob("out.jsonl.tmp-*")) and time.monotonic() < deadline:
        time.sleep(0.02)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err.decode()
    return err
