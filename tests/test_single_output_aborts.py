"""A run to one file that fails or is stopped leaves the output and rejects file an earlier run
wrote there as they were, the one beside the other, and says what is where."""

from __future__ import annotations

import errno
import json
import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cleaner import writers
from cleaner.cli import main
from cleaner.single_output import SingleOutput
from conftest import ROOT
from scale_helpers import real_docs, write_jsonl


def _earlier_run(tmp_path: Path) -> tuple[Path, Path, bytes, bytes]:
    """out.jsonl and its rejects file as a first run leaves them (20 records, 2 rejects)."""
    first = tmp_path / "run1.jsonl"
    write_jsonl(first, real_docs(20), bad_lines={3: b'{"id":"A-broken"', 9: b"[1]"})
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(first), "-o", str(out), "-q", "--workers", "1"]) == 0
    rejects = tmp_path / "out.jsonl.rejects.jsonl"
    return out, rejects, out.read_bytes(), rejects.read_bytes()


def _second_input(tmp_path: Path, count: int = 1000) -> Path:
    """An input whose first line is refused: the run has a reject before it fails."""
    return write_jsonl(tmp_path / "run2.jsonl", real_docs(count), bad_lines={0: b"not json"})


def _no_temporaries(tmp_path: Path) -> list[str]:
    return [p.name for p in tmp_path.iterdir() if ".tmp" in p.name]


def test_a_rerun_that_cannot_write_its_output_keeps_the_earlier_rejects_beside_its_records(
        tmp_path):
    # The audit's case: a file size limit (ulimit -f) stops the second run's output; its
    # rejects file, renamed into place by abort, then stood beside the first run's records.
    out, rejects, records, their_rejects = _earlier_run(tmp_path)
    second = _second_input(tmp_path)

    def limit_file_size():
        resource.setrlimit(resource.RLIMIT_FSIZE, (1_000_000, 1_000_000))

    run = subprocess.run([sys.executable, "-m", "cleaner.cli", "clean", str(second), "-o",
                          str(out), "--workers", "1", "-q"], cwd=ROOT, capture_output=True,
                         text=True, timeout=120, preexec_fn=limit_file_size)
    assert run.returncode == 1, run.stderr
    assert "writing output failed: File too large" in run.stderr
    assert out.read_bytes() == records and rejects.read_bytes() == their_rejects
    assert (f"{out} not written, nor its 1 reject; {out} and its rejects file {rejects} are an "
            "earlier run's, as they were") in run.stderr
    assert not _no_temporaries(tmp_path)


class _FullOnClose:
    """A stream whose last bytes, flushed when it closes, find the disk full."""

    def __init__(self, stream):
        self.stream = stream

    def close(self):
        self.stream.close()
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def __getattr__(self, name):
        return getattr(self.stream, name)


def test_a_rerun_whose_records_fail_after_its_rejects_are_in_place_puts_the_earlier_back(
        tmp_path, monkeypatch, capsys):
    # finish renames the rejects in first, then the records: a disk full on the records' last
    # bytes left the second run's rejects beside the first run's records.
    out, rejects, records, their_rejects = _earlier_run(tmp_path)
    second = _second_input(tmp_path, 30)
    real_open = writers._open_for_writing
    monkeypatch.setattr(writers, "_open_for_writing", lambda tmp, final, level=None: (
        _FullOnClose(real_open(tmp, final, level)) if final == str(out)
        else real_open(tmp, final, level)))
    assert main(["clean", str(second), "-o", str(out), "--workers", "1", "-q"]) == 1
    assert "the output disk is full" in capsys.readouterr().err
    assert out.read_bytes() == records and rejects.read_bytes() == their_rejects
    assert not _no_temporaries(tmp_path)


def test_a_rerun_whose_records_fail_leaves_no_rejects_where_the_earlier_run_had_none(
        tmp_path, monkeypatch):
    first = write_jsonl(tmp_path / "run1.jsonl", real_docs(10))
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(first), "-o", str(out), "-q", "--workers", "1"]) == 0
    records = out.read_bytes()
    real_open = writers._open_for_writing
    monkeypatch.setattr(writers, "_open_for_writing", lambda tmp, final, level=None: (
        _FullOnClose(real_open(tmp, final, level)) if final == str(out)
        else real_open(tmp, final, level)))
    assert main(["clean", str(_second_input(tmp_path, 30)), "-o", str(out), "--workers", "1",
                 "-q"]) == 1
    assert out.read_bytes() == records
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl", "run1.jsonl",
                                                          "run2.jsonl"]


def test_an_aborted_output_keeps_the_earlier_rejects_and_drops_its_own(tmp_path):
    rejects = tmp_path / "out.jsonl.rejects.jsonl"
    rejects.write_text('{"source": "earlier"}\n')
    output = SingleOutput(str(tmp_path / "out.jsonl"), str(rejects))
    output.write_reject({"source": "this run", "line": 1, "reason": "broken", "raw": "x"})
    output.abort()
    assert rejects.read_text() == '{"source": "earlier"}\n'
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl.rejects.jsonl"]
    assert output.what_is_left() == (f"{tmp_path / 'out.jsonl'} not written, nor its 1 reject; "
                                     f"{rejects} is an earlier run's, as it was")


def test_records_written_in_place_keep_their_rejects_when_the_run_stops(tmp_path, capsysbinary):
    rejects = tmp_path / "rejects.jsonl"
    output = SingleOutput("-", str(rejects))
    output.write_reject({"source": "in.jsonl", "line": 1, "reason": "broken", "raw": "x"})
    output.abort()
    assert json.loads(rejects.read_text())["source"] == "in.jsonl"
    assert output.what_is_left() == f"nothing was written to standard output; their 1 " \
                                    f"reject is in {rejects}"


def test_sigterm_on_a_rerun_says_the_earlier_output_and_rejects_are_left_as_they_were(tmp_path):
    out, rejects, records, their_rejects = _earlier_run(tmp_path)
    second = write_jsonl(tmp_path / "run2.jsonl", real_docs(20_000), bad_lines={0: b"[1]"})
    proc = subprocess.Popen([sys.executable, "-m", "cleaner.cli", "clean", str(second), "-o",
                             str(out), "--workers", "1"], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    # (the rejects' temporary file: the first line was refused and written)
    while not list(tmp_path.glob("out.jsonl.rejects.jsonl.tmp-*")) \
            and time.monotonic() < deadline:
        time.sleep(0.02)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 143, err
    assert out.read_bytes() == records and rejects.read_bytes() == their_rejects
    assert f"{out} and its rejects file {rejects} are an earlier run's, as they were" in err
    assert not _no_temporaries(tmp_path)


class _Killed(BaseException):
    """Where a hard kill ended the run's process: nothing after it runs, no abort."""


def _killed_run(tmp_path: Path, monkeypatch, name: str, where: str) -> tuple[Path, Path]:
    """A re-run to `name` whose process is killed as it finishes, at `where`: as the records
    are renamed into place ("records"), or as the earlier rejects it set aside are removed
    ("set-aside-removed"). Its process id is one no process has any more."""
    out, rejects = tmp_path / name, tmp_path / f"{name}.rejects.jsonl"
    out.write_bytes(b"earlier records\n")
    rejects.write_text('{"source": "earlier"}\n')
    gone = int(subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                              capture_output=True, text=True, check=True).stdout)
    with monkeypatch.context() as patch:
        patch.setattr(os, "getpid", lambda: gone)
        output = SingleOutput(str(out), str(rejects))
        output.write_reject({"source": "this run", "line": 1, "reason": "broken", "raw": "x"})
        if where == "records":
            patch.setattr(output._out, "close", lambda *args, **kwargs: _raise(_Killed()))
        else:
            real_unlink = os.unlink
            patch.setattr(os, "unlink", lambda path: _raise(_Killed()) if str(path).startswith(
                f"{rejects}.tmp") else real_unlink(path))
        with pytest.raises(_Killed):
            output.finish(1)
    return out, rejects


def _raise(exc: BaseException):
    raise exc


@pytest.mark.parametrize("name", ["out.jsonl", "out.parquet"])
def test_a_run_killed_before_its_records_are_in_place_has_the_earlier_rejects_put_back(
        tmp_path, monkeypatch, name):
    # The earlier rejects were set aside as ...rejects.jsonl.tmp, which nothing removed or put
    # back: the earlier records stood beside the killed run's rejects, and the file stayed.
    out, rejects = _killed_run(tmp_path, monkeypatch, name, "records")
    assert json.loads(rejects.read_text())["source"] == "this run"
    later = SingleOutput(str(out), str(rejects))
    assert out.read_bytes() == b"earlier records\n"
    assert rejects.read_text() == '{"source": "earlier"}\n'
    later.abort()
    assert not _no_temporaries(tmp_path)


def test_a_run_killed_once_its_records_are_in_place_leaves_no_set_aside_rejects(
        tmp_path, monkeypatch):
    out, rejects = _killed_run(tmp_path, monkeypatch, "out.jsonl", "set-aside-removed")
    assert [p.name for p in tmp_path.iterdir() if ".tmp" in p.name]     # (the kill's leftover)
    later = SingleOutput(str(out), str(rejects))
    assert out.read_bytes() == b"" and json.loads(rejects.read_text())["source"] == "this run"
    later.abort()
    assert not _no_temporaries(tmp_path)


def test_a_set_aside_rejects_file_is_a_temporary_file_of_the_rejects_file():
    from cleaner.temporary_names import aside_name, written_for

    assert written_for(aside_name("out.jsonl.rejects.jsonl")) == ("out.jsonl.rejects.jsonl",
                                                                  os.getpid())


def test_an_abort_after_the_earlier_rejects_could_not_be_set_aside_says_so_without_a_traceback(
        tmp_path, monkeypatch):
    # The rename aside fails (another user's file in a sticky /tmp): abort has nothing to put
    # back, and must not raise FileNotFoundError from inside the run's error handling.
    out, rejects = tmp_path / "out.jsonl", tmp_path / "out.jsonl.rejects.jsonl"
    out.write_bytes(b"earlier records\n")
    rejects.write_text('{"source": "earlier"}\n')
    output = SingleOutput(str(out), str(rejects))
    output.write_reject({"source": "this run", "line": 1, "reason": "broken", "raw": "x"})
    real_replace = os.replace
    monkeypatch.setattr(os, "replace", lambda a, b: _raise(PermissionError(errno.EPERM, "no"))
                        if str(a) == str(rejects) else real_replace(a, b))
    with pytest.raises(OSError):
        output.finish(1)
    output.abort()
    assert rejects.read_text() == '{"source": "earlier"}\n'
    assert out.read_bytes() == b"earlier records\n"


def test_a_close_cut_short_before_its_rename_leaves_abort_to_remove_the_temporary(
        tmp_path, monkeypatch):
    writer = writers.JsonlWriter(str(tmp_path / "out.jsonl.zst"))
    writer.write_lines([b'{"id": "a"}\n'])
    with monkeypatch.context() as patch:
        patch.setattr(os, "replace", lambda a, b: _raise(_Killed()))
        with pytest.raises(_Killed):
            writer.close(keep=True)
    assert _no_temporaries(tmp_path)                # the stream closed, not yet renamed
    writer.close(keep=False)
    assert not _no_temporaries(tmp_path) and not (tmp_path / "out.jsonl.zst").exists()


def test_two_runs_to_one_parquet_file_write_apart_and_leave_one_whole_file(tmp_path, monkeypatch):
    """Both wrote out.parquet.tmp, the one run's rows into the other's file: a run ended 0 with
    a file pyarrow could not read. Each now writes its own PATH.tmp-PID, as a JSONL run does."""
    import pyarrow.parquet as pq

    from cleaner import temporary_names

    out = tmp_path / "out.parquet"
    this, parent = os.getpid(), os.getppid()
    first = SingleOutput(str(out), None)
    # (the second run as another live process: this one's parent)
    monkeypatch.setattr(temporary_names.os, "getpid", lambda: parent)
    second = SingleOutput(str(out), None)
    for n, run in enumerate((first, second)):
        run.write_record(json.dumps({"id": f"run{n}", "text": "x"}).encode() + b"\n", 1)
    assert sorted(p.name for p in tmp_path.iterdir()) == \
        sorted([f"out.parquet.tmp-{this}", f"out.parquet.tmp-{parent}"])
    first.finish(1)
    second.finish(1)
    assert pq.read_table(out).column("id").to_pylist() == ["run1"]
    assert [p.name for p in tmp_path.iterdir()] == ["out.parquet"]


def test_a_killed_runs_parquet_temporary_is_removed_by_the_next_run(tmp_path):
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    leftover = tmp_path / f"out.parquet.tmp-{dead.pid}"
    leftover.write_bytes(b"PAR1 half a file")
    SingleOutput(str(tmp_path / "out.parquet"), None).abort()
    assert not leftover.exists()
