"""--executor ray on one machine: a local Ray instance holds the CPUs the run asks for, and a folder of many small files is read by as many tasks at once as there are workers, in batches that run across files."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from cleaner.cli import main
from cleaner.inputs import ReadLog, ReadOptions
from cleaner.run_config import CleanerFactory
from scale_helpers import read_jsonl, real_docs

ray = pytest.importorskip("ray", reason="ray is not installed (pip install -e '.[ray]')")

READ_TASK = "ray::MapBatches(_read_files)"


def test_a_local_ray_instance_holds_the_cores_the_run_has_by_default(monkeypatch):
    # Left to itself, Ray counted every CPU of the host, not those cleaner.cores finds (a
    # container's quota), and started a cleaning actor on each.
    if ray.is_initialized():
        pytest.skip("a Ray instance is running already")
    if (os.cpu_count() or 1) < 2:
        pytest.skip("needs 2 CPUs, to tell 1 core from the host's count")
    from cleaner import cores
    from cleaner.ray_executor import RayExecutor

    monkeypatch.setattr(cores, "usable_cores", lambda: 1)
    executor = RayExecutor(CleanerFactory())
    try:
        assert ray.cluster_resources()["CPU"] == 1 and executor.workers == 1
    finally:
        executor.close()


@pytest.fixture(scope="module")
def articles(tmp_path_factory) -> Path:
    """A folder of one-article .txt files."""
    folder = tmp_path_factory.mktemp("articles")
    for i, doc in enumerate(real_docs(400)):
        (folder / f"{i:04d}.txt").write_text(doc["text"], encoding="utf-8")
    return folder


def _titles() -> list[str]:
    """The command lines of this machine's processes (Ray names a busy worker by its task)."""
    titles = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                titles.append(f.read().replace(b"\0", b" ").decode(errors="replace"))
        except OSError:
            continue
    return titles


class _MostReadTasks(threading.Thread):
    """Samples, while a run goes, how many Ray workers run a read task at once."""

    def __init__(self):
        super().__init__(daemon=True)
        self.most, self.done = 0, threading.Event()

    def run(self) -> None:
        while not self.done.wait(0.02):
            self.most = max(self.most, sum(t.startswith(READ_TASK) for t in _titles()))


@pytest.mark.skipif(not Path("/proc/self/cmdline").exists(), reason="reads /proc")
def test_a_folder_of_small_files_is_read_by_no_more_tasks_at_once_than_workers(
        local_ray, articles, tmp_path):
    # Read tasks take no CPU, so nothing bounded them: Ray started a worker process for each
    # file's task, dozens on 2 cores, each importing the package.
    sampler = _MostReadTasks()
    sampler.start()
    try:
        assert main(["clean", str(articles), "-o", str(tmp_path / "ray.jsonl"), "-q",
                     "--executor", "ray", "--workers", "2"]) == 0
    finally:
        sampler.done.set()
        sampler.join()
    assert 1 <= sampler.most <= 2
    assert main(["clean", str(articles), "-o", str(tmp_path / "local.jsonl"), "-q",
                 "--workers", "1"]) == 0
    assert read_jsonl(tmp_path / "ray.jsonl") == read_jsonl(tmp_path / "local.jsonl")


def test_a_folder_of_small_files_goes_to_the_cleaners_in_batches_not_one_by_one(
        local_ray, articles):
    # One batch (an actor call, a block in Ray's object store) a one-article file before.
    from cleaner.ray_executor import RayExecutor

    executor = RayExecutor(CleanerFactory(), workers=2)
    sizes = [len(result.outcomes) for result in
             executor.map_inputs([str(articles)], ReadOptions(), 0, ReadLog())]
    executor.close()
    assert sum(sizes) == 400
    assert sum(sizes) / len(sizes) >= 10            # documents an actor call, on average
