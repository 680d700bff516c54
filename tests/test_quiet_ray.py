"""A quiet run on Ray (-q) says only what the user must see, errors kept; Ray's settings are the run's alone."""

from __future__ import annotations

import logging
import os
import re
import subprocess
import sys

import pytest

from cleaner.ray_executor import RAY_LOGGERS
from conftest import ROOT
from scale_helpers import real_docs, write_jsonl

# The one line Ray's C++ core logs on the driver's stderr as Ray Data starts its actors, about
# the arguments Ray Data itself passes them (ray-project/ray#57733): Ray's, not the run's, and
# said so in docs/scale.md.
RAY_ACTOR_NOTE = re.compile(r"\[[^\]]*\] core_worker\.cc:\d+: Actor with class name: .* has "
                            r"constructor arguments in the object store.*\n")


@pytest.fixture
def dump(tmp_path):
    folder = tmp_path / "dump"
    folder.mkdir()
    docs = real_docs(4)
    write_jsonl(folder / "a.jsonl", docs[:2], bad_lines={1: b"{broken"})
    write_jsonl(folder / "b.jsonl", docs[2:])
    return folder


def test_a_quiet_ray_run_says_only_the_problem_the_user_must_see(dump):
    pytest.importorskip("ray", reason="ray is not installed (pip install -e '.[ray]')")
    # Its own local Ray instance, as a user's run starts one: Ray's banner and Ray Data's bars
    # were on stderr.
    env = {key: value for key, value in os.environ.items() if key != "RAY_ADDRESS"}
    done = subprocess.run([sys.executable, "-m", "cleaner", "clean", str(dump), "-o", "-", "-q",
                           "--executor", "ray", "--workers", "1"],
                          cwd=ROOT, env=env, capture_output=True, timeout=300)
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    assert len(done.stdout.splitlines()) == 4
    # The broken line, kept nowhere with -o -, is said all the same.
    said = RAY_ACTOR_NOTE.sub("", done.stderr.decode())
    assert said == "cleaner: 1 document rejected and not kept; give --rejects PATH to keep it\n"


def test_a_ray_run_sets_rays_loggers_and_data_context_back_as_they_were(request, dump,
                                                                          tmp_path):
    pytest.importorskip("ray", reason="ray is not installed (pip install -e '.[ray]')")
    request.getfixturevalue("local_ray")
    import ray.data

    from cleaner.cli import main

    context = ray.data.DataContext.get_current()
    before = (context.enable_progress_bars, context.print_on_execution_start,
              context.execution_options.preserve_order)
    context.enable_progress_bars = context.print_on_execution_start = True
    context.execution_options.preserve_order = False
    levels = {name: logging.getLogger(name).level for name in RAY_LOGGERS}
    for name in RAY_LOGGERS:
        logging.getLogger(name).setLevel(logging.DEBUG)
    try:
        assert main(["clean", str(dump), "-o", str(tmp_path / "out.jsonl"), "-q",
                     "--executor", "ray", "--workers", "1"]) == 0
        assert (context.enable_progress_bars, context.print_on_execution_start,
                context.execution_options.preserve_order) == (True, True, False)
        assert {logging.getLogger(name).level for name in RAY_LOGGERS} == {logging.DEBUG}
    finally:
        (context.enable_progress_bars, context.print_on_execution_start,
         context.execution_options.preserve_order) = before
        for name, level in levels.items():
            logging.getLogger(name).setLevel(level)
