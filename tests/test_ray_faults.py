"""--executor ray's faults: a wrong address, a signal while connecting, no Ray, reject hints,
--stats' read stage, relative --rules (issue #6, item 4)."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cleaner.cli import main
from scale_helpers import read_jsonl, real_docs, write_jsonl

ROOT = Path(__file__).resolve().parent.parent


def _closed_port() -> int:
    """A local port nothing listens at (bound, then let go)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _cleaner(args: list[str], cwd: Path, timeout: float, **env: str) -> subprocess.Popen:
    """`python -m cleaner clean ARGS` started in `cwd`, its stderr piped."""
    return subprocess.Popen([sys.executable, "-m", "cleaner", "clean", *args], cwd=cwd,
                            env={**os.environ, "PYTHONPATH": str(ROOT), **env},
                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)


# A hang guard, not a speed check (Ray alone retries a refused address for minutes; the suite
# times no test).
@pytest.mark.timeout(240)
def test_a_refused_address_fails_at_once_naming_it(tmp_path, capsys):
    # In this process, Ray imported first: the time is the run's, not a slow import's.
    pytest.importorskip("ray", reason="ray is not installed (pip install -e '.[ray]')")
    dump = write_jsonl(tmp_path / "in.jsonl", real_docs(3))
    address = f"127.0.0.1:{_closed_port()}"
    assert main(["clean", str(dump), "-o", str(tmp_path / "out.jsonl"), "--executor", "ray",
                 "--address", address]) == 1
    said = capsys.readouterr().err
    # (Ray alone: 20 tries of 41 s, 822 s, its last error naming another address)
    # (refused at once: no wait to speak of)
    assert f"no Ray cluster answers at {address} (connection refused): check" in said, said
    assert "ray start --head --port" in said and "RAY_AUTH_MODE=token" in said, said
    assert "Traceback" not in said, said
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl"]


# A hang guard, not a speed check (the run's wait is bounded by CLEANER_RAY_TIMEOUT, as its
# message says; the suite times no test).
@pytest.mark.timeout(240)
def test_an_address_that_never_answers_gives_up_in_the_time_set(tmp_path):
    # A port that takes the connection and says nothing (not a Ray cluster): Ray's own wait,
    # bounded by CLEANER_RAY_TIMEOUT.
    pytest.importorskip("ray", reason="ray is not installed (pip install -e '.[ray]')")
    write_jsonl(tmp_path / "in.jsonl", real_docs(3))
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        address = f"127.0.0.1:{silent.getsockname()[1]}"
        with _cleaner(["in.jsonl", "-o", "out.jsonl", "--executor", "ray", "--address", address,
                       "-q"], tmp_path, 90, CLEANER_RAY_TIMEOUT="3") as run:
            _, said = run.communicate(timeout=90)
    assert run.returncode == 1, said
    assert f"no Ray cluster answers at {address} (Ray: " in said, said
    assert "waited up to 3 s" in said, said
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl"]


def _hanging_port(stack: list[socket.socket]) -> int:
    """A local port whose connections hang (its backlog full: the SYN goes unanswered)."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(0)
    stack.append(server)
    port = server.getsockname()[1]
    for _ in range(8):      # fill the backlog (connections not accepted)
        client = socket.socket()
        client.setblocking(False)
        client.connect_ex(("127.0.0.1", port))
        stack.append(client)
    return port


# A hang guard, not a speed check (a run deaf to the signal would wait for Ray; the suite
# times no test).
@pytest.mark.timeout(240)
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_while_connecting_stops_the_run_and_leaves_no_temporary_file(tmp_path, signum):
    pytest.importorskip("ray", reason="ray is not installed (pip install -e '.[ray]')")
    write_jsonl(tmp_path / "in.jsonl", real_docs(3))
    held: list[socket.socket] = []
    try:
        address = f"127.0.0.1:{_hanging_port(held)}"
        with _cleaner(["in.jsonl", "-o", "out.jsonl", "--executor", "ray", "--address",
                       address], tmp_path, 90, CLEANER_RAY_TIMEOUT="120") as run:
            deadline = time.monotonic() + 60
            # (its output file opened: the run is past its checks, and reaching Ray)
            while not list(tmp_path.glob("out.jsonl.tmp-*")) and run.poll() is None:
                assert time.monotonic() < deadline, "no temporary output in 60 s"
                time.sleep(0.05)
            time.sleep(2)       # (Ray imported, the address being tried)
            run.send_signal(signum)
            _, said = run.communicate(timeout=60)
    finally:
        for sock in held:
            sock.close()
    assert run.returncode == 128 + signum, said
    assert f"{signal.Signals(signum).name} while connecting to the Ray cluster at {address}" \
        in said, said
    assert "Traceback" not in said, said
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl"]


def test_no_ray_says_which_extra_installs_it(tmp_path, monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "ray", None)       # import ray fails
    dump = write_jsonl(tmp_path / "in.jsonl", real_docs(2))
    assert main(["clean", str(dump), "-o", str(tmp_path / "out.jsonl"),
                 "--executor", "ray"]) == 1
    said = capsys.readouterr().err
    assert "--executor ray needs Ray Data" in said
    # (from the checkout: PyPI's "cleaner" is another project, without this extra)
    assert "pip install -e '.[ray]' in this project's checkout" in said
    assert "'cleaner[ray]'" not in said
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl"]


def test_a_timeout_that_is_no_number_is_refused(tmp_path, monkeypatch, capsys):
    pytest.importorskip("ray", reason="ray is not installed (pip install -e '.[ray]')")
    monkeypatch.setenv("CLEANER_RAY_TIMEOUT", "soon")
    dump = write_jsonl(tmp_path / "in.jsonl", real_docs(2))
    assert main(["clean", str(dump), "-o", str(tmp_path / "out.jsonl"), "--executor", "ray",
                 "--address", f"127.0.0.1:{_closed_port()}"]) == 1
    assert "CLEANER_RAY_TIMEOUT='soon': give the seconds" in capsys.readouterr().err


def test_reject_hints_name_files_as_given(tmp_path, monkeypatch):
    from cleaner.inputs import ReadLog, ReadOptions
    from cleaner.jsonl_reader import _converting
    from cleaner.ray_executor import _as_given, _file_list

    hint = ("invalid UTF-8 at byte 3: convert it first: iconv -f CHARSET -t UTF-8 "
            "/abs/in/a.jsonl > /abs/in/a.utf8.jsonl")
    assert _as_given(hint, "/abs/in/a.jsonl", "in/a.jsonl") == hint.replace("/abs/in/", "in/")
    assert _as_given(hint, "/abs/in/a.jsonl", "a.jsonl") == hint.replace("/abs/in/", "")
    quoted = "zcat '/abs/my in/a b.jsonl.gz' | iconv > '/abs/my in/a b.utf8.jsonl'"
    assert _as_given(quoted, "/abs/my in/a b.jsonl.gz", "a b.jsonl.gz") == \
        "zcat 'a b.jsonl.gz' | iconv > 'a b.utf8.jsonl'"
    assert _as_given("cut at line 3", "/abs/in/a.jsonl", "a.jsonl") == "cut at line 3"
    # Each hint as the local run's reader writes it for the name as given: a quote in the
    # name (shlex.quote's '"'"'), a space, a folder above, piped input, a .gz.
    for name in ("in/it's.jsonl", "sp ace/d e.jsonl", "../w/in3/x.jsonl.gz", "in/$x.jsonl",
                 "in/it's b.jsonl.zst"):
        path = "/abs/run/" + name
        for step, piped in (("iconv -f CHARSET -t UTF-8", False), ("tr -d '\\r'", True)):
            assert _as_given(_converting(path, step, "utf8", piped), path, name) == \
                _converting(name, step, "utf8", piped), name
    # A folder whose name begins as the file's folder does is another folder: left alone.
    assert _as_given("cat /abs/in2/a.jsonl /abs/in/a.jsonl", "/abs/in/a.jsonl", "in/a.jsonl") \
        == "cat /abs/in2/a.jsonl in/a.jsonl"

    # The file list: a link by its own name (not its target's: the hint named a file of the
    # target's folder), a ./ name as the local run names it.
    monkeypatch.chdir(tmp_path)
    for folder in ("in", "real"):
        (tmp_path / folder).mkdir()
    for name in ("in/b.jsonl", "real/target.jsonl"):
        write_jsonl(tmp_path / name, real_docs(1))
    os.symlink("real/target.jsonl", tmp_path / "link.jsonl")
    rows = _file_list(["./in/b.jsonl", "link.jsonl"], ReadOptions(), ReadLog())
    assert [row["name"] for row in rows] == ["in/b.jsonl", "link.jsonl"]
    assert [row["path"] for row in rows] == [os.path.join(os.getcwd(), "in/b.jsonl"),
                                             os.path.join(os.getcwd(), "link.jsonl")]


def test_a_ray_run_is_a_local_run_byte_for_byte_in_rejects_read_stage_and_rules(
        local_ray, tmp_path, monkeypatch):
    # Invalid UTF-8: the reject's iconv hint names the file as given, not by the absolute path
    # a Ray worker opens. --stats has the "read" stage. A relative --rules folder is found by
    # the Ray workers, which run in another folder (on a cluster: where `ray start` ran).
    folder = tmp_path / "run"
    (folder / "in").mkdir(parents=True)
    write_jsonl(folder / "in" / "a.jsonl", real_docs(40))
    # (files named as the local run names them: ./ dropped, a link by its own name, a quote)
    (folder / "real").mkdir()
    for name in ("in/a.jsonl", "in/b.jsonl", "real/t.jsonl", "in/it's.jsonl"):
        if name != "in/a.jsonl":
            write_jsonl(folder / name, real_docs(2))
        with open(folder / name, "ab") as out:
            out.write(b'{"id": "bad", "text": "bad \xff\xfe bytes here"}\n')
    os.symlink("real/t.jsonl", folder / "link.jsonl")
    (folder / "rules").mkdir()
    (folder / "rules" / "mine.toml").write_text(
        '[pack]\nname = "mine"\nlang = "id"\n\n[[rule]]\nid = "mine/x"\n'
        'description = "a test line"\naction = "drop-line"\npattern = \'^Baca juga:\'\n'
        'remove = ["Baca juga: berita lain"]\nkeep = ["Baca ini juga"]\n')
    monkeypatch.chdir(folder)
    for executor in ("local", "ray"):
        assert main(["clean", "in/a.jsonl", "./in/b.jsonl", "link.jsonl", "in/it's.jsonl",
                     "-o", f"{executor}.jsonl", "-q", "--workers", "1",
                     "--rules", "rules", "--executor", executor,
                     "--stats", f"{executor}.stats.json"]) == 0
    local = (folder / "local.jsonl.rejects.jsonl").read_bytes()
    assert (folder / "ray.jsonl.rejects.jsonl").read_bytes() == local
    assert b"iconv -f CHARSET -t UTF-8 in/a.jsonl > in/a.utf8.jsonl" in local
    assert b"iconv -f CHARSET -t UTF-8 link.jsonl > link.utf8.jsonl" in local
    assert read_jsonl(folder / "ray.jsonl") == read_jsonl(folder / "local.jsonl")
    stats = {name: json.loads((folder / f"{name}.stats.json").read_text())
             for name in ("local", "ray")}
    assert stats["ray"]["stage_seconds"]["read"] > 0
    assert set(stats["ray"]["stage_seconds"]) == set(stats["local"]["stage_seconds"])
