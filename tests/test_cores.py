"""The default number of workers: the CPUs a process may run on, within its container's CPU quota."""

from __future__ import annotations

import os

import pytest

from cleaner.cores import cpu_quota, usable_cores
from scale_helpers import fake_factory


def _tree(root, files: dict[str, str], membership: str):
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    self_cgroup = root / "self_cgroup"
    self_cgroup.write_text(membership)
    return root, self_cgroup


@pytest.mark.parametrize("files, membership, quota", [
    ({"cpu.max": "200000 100000"}, "0::/\n", 2.0),                          # v2, in a namespace
    ({"app/cpu.max": "150000 100000"}, "0::/app\n", 1.5),
    ({"app/cpu.max": "max 100000"}, "0::/app\n", None),                     # v2, no limit
    ({"a/cpu.max": "400000 100000", "a/b/cpu.max": "max 100000"}, "0::/a/b\n", 4.0),
    ({"a/cpu.max": "100000 100000", "a/b/cpu.max": "300000 100000"}, "0::/a/b\n", 1.0),
    ({"cpu/cpu.cfs_quota_us": "250000", "cpu/cpu.cfs_period_us": "100000"},
     "4:cpu,cpuacct:/\n1:name=systemd:/\n", 2.5),                           # v1
    ({"cpu,cpuacct/cpu.cfs_quota_us": "-1", "cpu,cpuacct/cpu.cfs_period_us": "100000"},
     "4:cpuacct,cpu:/\n", None),                                           # v1, no limit
    ({"cpu/cpu.cfs_quota_us": "50000", "cpu/cpu.cfs_period_us": "100000"},
     "4:cpu:/docker/abc\n", 0.5),                     # the container's own cgroup at the mount
    ({"cpu.max": "garbage"}, "0::/\n", None),
    ({}, "0::/\n", None),
])
def test_the_cpu_quota_is_read_from_cgroup_v1_and_v2(tmp_path, files, membership, quota):
    root, self_cgroup = _tree(tmp_path, files, membership)
    assert cpu_quota(root, self_cgroup) == quota


def test_no_cgroup_file_means_no_quota(tmp_path):
    assert cpu_quota(tmp_path, tmp_path / "missing") is None


def test_workers_default_to_the_cpus_within_the_quota(tmp_path, monkeypatch):
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: set(range(64)), raising=False)
    root, self_cgroup = _tree(tmp_path, {"cpu.max": "150000 100000"}, "0::/\n")
    assert usable_cores(root, self_cgroup) == 2               # 1.5 CPUs: 2 workers, rounded up
    (root / "cpu.max").write_text("max 100000")
    assert usable_cores(root, self_cgroup) == 64
    (root / "cpu.max").write_text("10000 100000")
    assert usable_cores(root, self_cgroup) == 1
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    (root / "cpu.max").write_text("800000 100000")
    assert usable_cores(root, self_cgroup) == 2               # the affinity is lower


def test_the_default_executor_uses_usable_cores(monkeypatch):
    from cleaner import executors

    monkeypatch.setattr(executors, "usable_cores", lambda: 3)
    pool = executors.make_executor("local", fake_factory)
    try:
        assert isinstance(pool, executors.PoolExecutor) and pool.workers == 3
    finally:
        pool.close()
