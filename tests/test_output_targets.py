"""Where a run writes: devices and named pipes written in place, outputs that name the same file
refused, and a closed stdout ending any command quietly."""

from __future__ import annotations

import io
import json
import os
import signal
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from cleaner.cli import main
from scale_helpers import real_docs, shard_records, write_jsonl


def _dump(path: Path, count: int = 20) -> Path:
    """`count` articles as JSONL, then one broken line (one reject)."""
    lines = [json.dumps({"id": f"r{i}", "text": f"Isi berita nomor {i} hari ini."})
             for i in range(count)]
    path.write_text("\n".join(lines) + "\n{broken\n")
    return path


class PipeReader:
    """A named pipe at `path`, read whole on a thread, as `cat PIPE` would."""

    def __init__(self, path: Path):
        os.mkfifo(path)
        self.path, self.data = path, b""
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()

    def _read(self) -> None:
        with open(self.path, "rb") as pipe:
            self.data = pipe.read()

    def result(self) -> bytes:
        """What came through the pipe, once its writer closed it (b"" if nothing ever did)."""
        self._thread.join(timeout=30)
        return self.data


def _is_fifo(path: Path) -> bool:
    return stat.S_ISFIFO(os.stat(path).st_mode)


@pytest.mark.parametrize("name", ["pipe.jsonl", "pipe.jsonl.gz", "pipe.parquet"])
def test_a_named_pipe_as_output_gets_the_records_and_stays_a_pipe(tmp_path, name):
    src = _dump(tmp_path / "in.jsonl")
    reader = PipeReader(tmp_path / name)
    assert main(["clean", str(src), "-o", str(reader.path), "--workers", "1", "-q"]) == 0
    data = reader.result()
    if name.endswith(".parquet"):
        ids = pq.read_table(io.BytesIO(data)).column("id").to_pylist()
    else:
        import gzip

        text = gzip.decompress(data) if name.endswith(".gz") else data
        ids = [json.loads(line)["id"] for line in text.splitlines()]
    assert ids == [f"r{i}" for i in range(20)]
    assert _is_fifo(reader.path)
    # Nothing is put beside a pipe: no default rejects file, no temporary file.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", name]


def test_rejects_to_a_named_pipe_go_through_it_in_one_file_and_in_shards(tmp_path):
    src = _dump(tmp_path / "in.jsonl")
    for out in (["-o", str(tmp_path / "out.jsonl")],
                ["-o", str(tmp_path / "shards"), "--shard-size", "5"]):
        reader = PipeReader(tmp_path / "rejects")
        assert main(["clean", str(src), *out, "--rejects", str(reader.path), "--workers", "1",
                     "-q"]) == 0
        [reject] = [json.loads(line) for line in reader.result().splitlines()]
        assert reject["line"] == 21 and reject["reason"].startswith("broken JSON")
        assert _is_fifo(reader.path)
        reader.path.unlink()
    assert len(shard_records(tmp_path / "shards")) == 20


def test_dev_null_as_output_stays_a_device_and_gets_no_rejects_file(tmp_path):
    src = _dump(tmp_path / "in.jsonl")
    assert main(["clean", str(src), "-o", os.devnull, "--workers", "1", "-q"]) == 0
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)
    assert not os.path.exists(f"{os.devnull}.rejects.jsonl")
    assert not [name for name in os.listdir(os.path.dirname(os.devnull))
                if name.startswith(os.path.basename(os.devnull) + ".")]


def test_dev_null_may_take_the_rejects_stats_and_report_at_once(tmp_path):
    src = _dump(tmp_path / "in.jsonl")
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(src), "-o", str(out), "--rejects", os.devnull, "--stats",
                 os.devnull, "--report", os.devnull, "--workers", "1", "-q"]) == 0
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)
    assert len(out.read_text().splitlines()) == 20
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "out.jsonl"]


def test_shards_with_rejects_to_dev_null_leave_it_a_device(tmp_path):
    src = _dump(tmp_path / "in.jsonl")
    args = ["clean", str(src), "-o", str(tmp_path / "out"), "--shard-size", "5",
            "--rejects", os.devnull, "--workers", "1", "-q"]
    assert main(args) == 0
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)
    manifest = json.loads((tmp_path / "out" / "_manifest.json").read_text())
    manifest["complete"] = False                    # as if it had been interrupted
    (tmp_path / "out" / "_manifest.json").write_text(json.dumps(manifest))
    assert main(args + ["--resume"]) == 0
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


@pytest.mark.parametrize("options, first, second", [
    (["--rejects", "out.jsonl"], "-o", "--rejects"),
    (["--stats", "out.jsonl"], "-o", "--stats"),
    (["--report", "sub/../out.jsonl"], "-o", "--report"),
    (["--rejects", "r.jsonl", "--stats", "r.jsonl"], "--rejects", "--stats"),
    (["--rejects", "r.jsonl", "--report", "r.jsonl"], "--rejects", "--report"),
    (["--stats", "s.json", "--report", "s.json"], "--stats", "--report"),
    (["--stats", "out.jsonl.rejects.jsonl"], "the default --rejects", "--stats"),
])
def test_outputs_naming_the_same_file_are_refused_before_anything_is_written(
        tmp_path, monkeypatch, capsys, options, first, second):
    src = _dump(tmp_path / "in.jsonl")
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path)
    assert main(["clean", str(src), "-o", "out.jsonl", *options, "--workers", "1"]) == 2
    err = capsys.readouterr().err
    assert f"error: {first} and {second} both name" in err and "Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "sub"]


def test_a_symlink_to_the_output_counts_as_the_same_file(tmp_path, capsys):
    src = _dump(tmp_path / "in.jsonl")
    out = tmp_path / "out.jsonl"
    (tmp_path / "link.jsonl").symlink_to(out)
    assert main(["clean", str(src), "-o", str(out), "--stats", str(tmp_path / "link.jsonl"),
                 "-q"]) == 2
    assert "-o and --stats both name" in capsys.readouterr().err
    assert not out.exists()


def test_the_default_rejects_in_a_shard_folder_may_not_be_the_stats(tmp_path, capsys):
    src = _dump(tmp_path / "in.jsonl")
    out = tmp_path / "out"
    assert main(["clean", str(src), "-o", str(out), "--shard-size", "5",
                 "--stats", str(out / "_rejects.jsonl"), "-q"]) == 2
    assert "the default --rejects and --stats both name" in capsys.readouterr().err
    assert not out.exists()


@pytest.mark.parametrize("command", [["explain", "{src}", "-n", "0"],
                                     ["clean", "{src}", "-o", "-", "--workers", "1"]])
def test_a_closed_stdout_ends_a_command_quietly(tmp_path, command):
    src = _dump(tmp_path / "in.jsonl")
    args = [part.format(src=src) for part in command]
    proc = subprocess.Popen([sys.executable, "-m", "cleaner", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    proc.stdout.close()             # the reader went away before the first line (`| head -0`)
    _, err = proc.communicate(timeout=120)
    assert b"Traceback" not in err and b"BrokenPipeError" not in err, err.decode()
    assert proc.returncode == 1


def test_a_run_whose_stdout_reader_goes_away_says_so_and_writes_its_stats(tmp_path):
    """`cleaner clean ... -o - --stats s.json | head -1` ended with status 1, no word and no
    stats file."""
    src = write_jsonl(tmp_path / "in.jsonl", real_docs(400))
    stats = tmp_path / "s.json"
    proc = subprocess.Popen([sys.executable, "-m", "cleaner", "clean", str(src), "-o", "-",
                             "--workers", "1", "--stats", str(stats)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout.readline().startswith(b"{")
    proc.stdout.close()
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 1
    assert err.decode().endswith("cleaner: stopped: the output's reader went away (a closed "
                                 "pipe)\n"), err.decode()
    interrupted = json.loads(stats.read_text())["interrupted"]
    assert interrupted["error"] == "the output's reader went away (a closed pipe)"
    assert interrupted["output"].endswith(" went out whole before the write it closed on")


def test_a_run_removes_the_temporary_files_killed_runs_left_and_keeps_a_live_ones(tmp_path):
    # kill -9 leaves OUT.tmp-PID beside the output (33 MB in an audit); later runs to the same
    # output never removed it. A process that has exited gives a PID nothing runs under.
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True).stdout.strip()
    out = tmp_path / "out.jsonl"
    dead = [tmp_path / f"out.jsonl.tmp-{gone}", tmp_path / f"out.jsonl.rejects.jsonl.tmp-{gone}"]
    live = tmp_path / f"out.jsonl.tmp-{os.getppid()}"     # a run still writing: kept
    for path in (*dead, live):
        path.write_text("half a record")
    assert main(["clean", str(_dump(tmp_path / "in.jsonl")), "-o", str(out), "-q"]) == 0
    assert len(out.read_text().splitlines()) == 20
    assert [p.exists() for p in dead] == [False, False] and live.exists()


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_stopped_run_to_a_pipe_counts_what_it_gave(tmp_path, workers):
    """Stopped by its reader going away, then by Ctrl-C: each document read is written or
    rejected in its --stats, and output_bytes is the bytes of the records that got out (it said
    1,113 read beside 118 written, and 0 bytes)."""
    src = write_jsonl(tmp_path / "in.jsonl", real_docs(3000))
    assert main(["clean", str(src), "-o", str(tmp_path / "all.jsonl"), "-q",
                 "--workers", "1"]) == 0
    whole = (tmp_path / "all.jsonl").read_bytes().splitlines(keepends=True)
    for stop in ("close", "sigint"):
        stats = tmp_path / f"{stop}.json"
        proc = subprocess.Popen([sys.executable, "-m", "cleaner", "clean", str(src), "-o", "-",
                                 "--workers", workers, "--stats", str(stats), "-q"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        got = proc.stdout.readline()
        if stop == "close":
            proc.stdout.close()
            proc.communicate(timeout=120)
        else:
            proc.send_signal(signal.SIGINT)
            got += proc.stdout.read()       # (through the buffer readline filled)
            proc.communicate(timeout=120)
        figures = json.loads(stats.read_text())
        assert figures["interrupted"] is not None, stop
        assert figures["documents_read"] == figures["written"] + figures["rejected"], figures
        assert figures["interrupted"]["inputs_done"] == figures["documents_read"]
        written = figures["written"]
        assert figures["output_bytes"] == sum(map(len, whole[:written])), stop
        if stop == "sigint":
            assert got == b"".join(whole[:written])
