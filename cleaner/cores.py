"""How many cores this process may use: its CPU affinity, capped by a container's CPU quota."""

from __future__ import annotations

import math
import os
from pathlib import Path

CGROUP_ROOT = Path("/sys/fs/cgroup")


def usable_cores(root: Path = CGROUP_ROOT, self_cgroup: Path = Path("/proc/self/cgroup")) -> int:
    """The cores a run should use by default.

    The CPUs the process may be scheduled on, but no more than its cgroup's CPU quota, rounded
    up: a container limited to 2 CPUs on a 64-core host sees 64 CPUs, and 64 workers there
    would each get a thirty-second of a core and hold their own memory.
    """
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:             # not on Linux
        cores = os.cpu_count() or 1
    quota = cpu_quota(root, self_cgroup)
    return max(1, min(cores, math.ceil(quota))) if quota else cores


def cpu_quota(root: Path = CGROUP_ROOT, self_cgroup: Path = Path("/proc/self/cgroup")
              ) -> float | None:
    """CPUs' worth of time the process's cgroup may take (the lowest quota on its way up to
    the root), or None where there is none or it cannot be read.

    cgroup v2 says it in cpu.max ("200000 100000": 2 CPUs; "max 100000": no limit), v1 in
    cpu.cfs_quota_us and cpu.cfs_period_us (a quota of -1: no limit).
    """
    try:
        lines = self_cgroup.read_text().splitlines()
    except OSError:
        return None
    quotas = []
    for line in lines:
        _, controllers, path = (line.split(":", 2) + ["", ""])[:3]
        if controllers == "":                                                       # v2
            for folder in _up_to(root, path):
                quotas.append(_v2_quota(folder / "cpu.max"))
        elif "cpu" in controllers.split(","):                                     # v1
            base = next((root / name for name in ("cpu", "cpu,cpuacct", "cpuacct,cpu")
                         if (root / name).is_dir()), None)
            if base is not None:
                for folder in _up_to(base, path):
                    quotas.append(_v1_quota(folder))
    found = [quota for quota in quotas if quota is not None]
    return min(found) if found else None


def _up_to(root: Path, path: str) -> list[Path]:
    """`root/path` and each folder above it, up to `root`."""
    parts = [part for part in path.strip("/").split("/") if part and part != ".."]
    return [root.joinpath(*parts[:depth]) for depth in range(len(parts), -1, -1)]


def _read(path: Path) -> str | None:
    try:
        return path.read_text().strip()
    except (OSError, UnicodeDecodeError):
        return None


def _v2_quota(cpu_max: Path) -> float | None:
    text = _read(cpu_max)
    if not text:
        return None
    quota, _, period = text.partition(" ")
    try:
        return int(quota) / int(period or "100000") if quota != "max" else None
    except (ValueError, ZeroDivisionError):
        return None


def _v1_quota(folder: Path) -> float | None:
    quota, period = _read(folder / "cpu.cfs_quota_us"), _read(folder / "cpu.cfs_period_us")
    try:
        return int(quota) / int(period) if quota and period and int(quota) > 0 else None
    except (ValueError, ZeroDivisionError):
        return None


def capped_workers(asked: int, cores: int) -> tuple[int, str | None]:
    """The local worker processes to start for `--workers asked` where `cores` are usable, and
    the note that says so when there are fewer (None when the ask fits).

    More processes than cores would not clean faster: each would hold its own memory and
    rules, and take turns on the cores with the others. But a pool asked for stays a pool,
    of two at least: its workers are what keeps a document that crashes or hangs one from
    ending the run (1 would clean in this process).

    >>> capped_workers(64, 2)
    (2, '--workers 64 is more than the 2 usable cores; using 2')
    >>> capped_workers(2, 2), capped_workers(1, 1)
    ((2, None), (1, None))
    >>> capped_workers(2, 1)[1]
    '--workers 2 is more than the 1 usable core: its 2 workers take turns on it (a pool keeps two)'
    >>> capped_workers(3, 1)[1]
    '--workers 3 is more than the 1 usable core; using 2 (a pool keeps two)'
    """
    cores = max(1, cores)
    if asked <= cores:
        return asked, None
    using = min(asked, max(cores, 2))
    said = f"--workers {asked} is more than the {cores} usable core{'' if cores == 1 else 's'}"
    if using == asked:
        return using, f"{said}: its {using} workers take turns on it (a pool keeps two)"
    return using, f"{said}; using {using}" + (" (a pool keeps two)" if using > cores else "")
