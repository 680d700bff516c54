"""Reaching Ray (cleaner.ray_connect), after review: a wait longer than Ray's own limit, a run
without an address beside a `ray start` cluster, an address without a port, ray:// addresses,
a stop said once and given as the exit status (issue #6, item 4)."""

from __future__ import annotations

import glob
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cleaner.cli import main
from scale_helpers import real_docs, write_jsonl

ROOT = Path(__file__).resolve().parent.parent
NEEDS_RAY = "ray is not installed (pip install -e '.[ray]')"


def _closed_port() -> int:
    """A local port nothing listens at (bound, then let go)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _cleaner(args: list[str], cwd: Path, **env: str) -> subprocess.Popen:
    """`python -m cleaner clean ARGS` started in `cwd`, its stderr piped."""
    return subprocess.Popen([sys.executable, "-m", "cleaner", "clean", *args], cwd=cwd,
                            env={**os.environ, "PYTHONPATH": str(ROOT), **env},
                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)


def test_a_wait_longer_than_rays_own_limit_ends_in_the_runs_message(tmp_path):
    # Ray's GCS client ends the process for good ("The program will terminate", exit 1, the
    # temporary output left) once the cluster has not answered for its reconnect limit: 60 s,
    # set lower here (3 s) to stand for it, under a wait of 6 s. The run raises that limit
    # above its wait, and its own message ends it.
    pytest.importorskip("ray", reason=NEEDS_RAY)
    write_jsonl(tmp_path / "in.jsonl", real_docs(3))
    with socket.socket() as silent:         # takes connections, says nothing: not Ray
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        address = f"127.0.0.1:{silent.getsockname()[1]}"
        with _cleaner(["in.jsonl", "-o", "out.jsonl", "--executor", "ray", "--address", address,
                       "-q"], tmp_path, CLEANER_RAY_TIMEOUT="6",
                      RAY_gcs_rpc_server_reconnect_timeout_s="3") as run:
            _, said = run.communicate(timeout=120)
    assert "The program will terminate" not in said, said
    assert run.returncode == 1, said
    assert f"no Ray cluster answers at {address} (Ray: " in said, said
    assert "waited up to 6 s" in said, said
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl"]


def test_rays_reconnect_limit_is_raised_above_a_long_wait(monkeypatch):
    from cleaner.ray_connect import _ray_connect_settings

    monkeypatch.delenv("RAY_gcs_rpc_server_reconnect_timeout_s", raising=False)
    assert int(_ray_connect_settings(90)["RAY_gcs_rpc_server_reconnect_timeout_s"]) >= 120
    # (the default wait keeps Ray's own 60 s)
    assert _ray_connect_settings(30)["RAY_gcs_rpc_server_reconnect_timeout_s"] == "60"


class _FakeRay:
    """What connect() asks of the ray module, its ray.init arguments kept."""

    def __init__(self):
        self.started: dict = {}

    def is_initialized(self) -> bool:
        return False

    def init(self, **kwargs) -> None:
        self.started = kwargs

    def cluster_resources(self) -> dict:
        return {"CPU": 2.0}

    def shutdown(self) -> None:
        pass


@pytest.mark.parametrize("address", [None, "local"])
def test_without_an_address_a_local_instance_is_started_not_a_running_cluster_joined(
        monkeypatch, address):
    # Left to find one, ray.init() joins a cluster `ray start` runs on the machine, and then
    # refuses num_cpus ("When connecting to an existing cluster, num_cpus and num_gpus must not
    # be provided"). (A fake ray: a second head would be started on the machine otherwise.)
    from cleaner import ray_connect

    fake = _FakeRay()
    monkeypatch.setattr(ray_connect, "_import_ray", lambda: fake)
    monkeypatch.delenv("RAY_ADDRESS", raising=False)
    connection = ray_connect.connect(address, 2)
    assert fake.started["address"] == "local" and fake.started["num_cpus"] == 2
    assert connection.own and connection.cpus == 2


def test_an_address_without_a_port_says_what_to_check(tmp_path, capsys):
    pytest.importorskip("ray", reason=NEEDS_RAY)
    dump = write_jsonl(tmp_path / "in.jsonl", real_docs(2))
    assert main(["clean", str(dump), "-o", str(tmp_path / "out.jsonl"), "--executor", "ray",
                 "--address", "127.0.0.1"]) == 1
    said = capsys.readouterr().err
    assert "no Ray cluster answers at 127.0.0.1 (the address names no port" in said, said
    assert "GCS port, 6379" in said and "Invalid address format" not in said, said
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl"]


def test_a_ray_client_address_is_told_the_client_port(tmp_path, capsys):
    pytest.importorskip("ray", reason=NEEDS_RAY)
    dump = write_jsonl(tmp_path / "in.jsonl", real_docs(2))
    address = f"ray://127.0.0.1:{_closed_port()}"
    assert main(["clean", str(dump), "-o", str(tmp_path / "out.jsonl"), "--executor", "ray",
                 "--address", address]) == 1
    said = capsys.readouterr().err
    assert f"no Ray cluster answers at {address} (connection refused" in said, said
    assert "Ray Client port, 10001" in said and "GCS port" not in said, said


def test_a_stop_while_reaching_ray_is_the_runs_exit_status_for_any_caller(tmp_path, monkeypatch,
                                                                         capsys):
    # run.execute gives 128 + the signal: the command and a Python caller of execute alike.
    from cleaner import run as run_module
    from cleaner.ray_connect import ConnectStopped

    def stopped(*args, **kwargs):
        raise ConnectStopped(signal.SIGTERM, "connecting to the Ray cluster at h:1")

    monkeypatch.setattr(run_module, "make_executor", stopped)
    dump = write_jsonl(tmp_path / "in.jsonl", real_docs(2))
    assert main(["clean", str(dump), "-o", str(tmp_path / "out.jsonl"), "--executor", "ray",
                 "--address", "h:1"]) == 143
    said = capsys.readouterr().err
    assert said.count("SIGTERM while connecting to the Ray cluster at h:1") == 1, said
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl"]


def test_ctrl_c_while_a_local_instance_starts_is_said_once(tmp_path):
    # Ray's start-up caught the stop raised in it and logged it (one line more, the same words).
    pytest.importorskip("ray", reason=NEEDS_RAY)
    write_jsonl(tmp_path / "in.jsonl", real_docs(3))
    with _cleaner(["in.jsonl", "-o", "out.jsonl", "--executor", "ray", "--workers", "1"],
                  tmp_path) as run:
        deadline = time.monotonic() + 60
        while not glob.glob(str(tmp_path / "out.jsonl.tmp-*")) and run.poll() is None:
            assert time.monotonic() < deadline, "no temporary output in 60 s"
            time.sleep(0.02)
        time.sleep(2.5)     # (Ray imported, its processes starting)
        run.send_signal(signal.SIGINT)
        _, said = run.communicate(timeout=120)
    if "while starting a local Ray instance" not in said:
        pytest.skip("the signal came after Ray had started (a slow machine)")
    assert run.returncode == 130, said
    assert said.count("SIGINT while starting a local Ray instance") == 1, said
    assert "Traceback" not in said, said
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl"]


def test_the_command_leaves_at_once_after_stopping_a_ray_start_half_way():
    # The threads of a Ray start stopped half-way crashed the interpreter's exit now and then
    # (SIGSEGV after the run's message, exit -11): the command leaves without that exit.
    code = ("import sys, cleaner.ray_connect as r\n"
            "sys.stdout.write('said'); r.exit_if_stopped(3)\n"
            "r._note_stopped(); sys.stdout.write(' once'); r.exit_if_stopped(130)\n"
            "sys.stdout.write(' never')\n")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert (run.returncode, run.stdout) == (130, "said once"), run.stderr


def test_main_called_by_a_program_returns_even_after_a_stopped_ray_start(monkeypatch, tmp_path):
    # (were it to leave, this test's own process would end here)
    import cleaner.ray_connect as ray_connect
    from cleaner.cli import main

    monkeypatch.setattr(ray_connect, "_stopped_half_way", True)
    write_jsonl(tmp_path / "in.jsonl", real_docs(1))
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(tmp_path / "in.jsonl"), "-o", str(out), "-q", "--workers", "1"]) == 0
    assert out.read_text(encoding="utf-8").count("\n") == 1


def test_a_stop_while_ray_starts_says_no_record_was_written_and_the_command_runs_again(
        tmp_path, monkeypatch, capsys):
    # A shard folder keeps the manifest it wrote at the start: "nothing was written" beside it
    # was not so. It records no record, and the same command runs over it.
    from cleaner import run as run_module
    from cleaner.ray_connect import ConnectStopped

    def stopped(*args, **kwargs):
        raise ConnectStopped(signal.SIGINT, "starting a local Ray instance")

    dump = write_jsonl(tmp_path / "in.jsonl", real_docs(3))
    command = ["clean", str(dump), "-o", str(tmp_path / "out"), "--shard-size", "2", "-q"]
    with monkeypatch.context() as patch:
        patch.setattr(run_module, "make_executor", stopped)
        assert main([*command, "--executor", "ray"]) == 130
    said = capsys.readouterr().err
    assert "SIGINT while starting a local Ray instance: stopped; no record was written" in said
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["_manifest.json"]
    assert main(command) == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "_manifest.json", "part-00000.jsonl", "part-00001.jsonl"]
