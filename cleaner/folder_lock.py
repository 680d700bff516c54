"""One run at a time in an output folder: an advisory lock (flock) on the folder itself."""

from __future__ import annotations

import fcntl
import os

# The folders this process holds, by (device, inode): the descriptor holding each lock, and how
# many of this process's outputs hold it.
_HELD: dict[tuple[int, int], list[int]] = {}


class FolderInUse(Exception):
    """Another process holds the folder: a run writing to it, or resuming it."""


def _drop_in_child() -> None:
    # A forked worker closes its copies of the descriptors (never unlocking: that would free
    # the folder for every process): the lock then ends with the run's own process, killed or
    # not, not with the last of its workers.
    for fd, _ in _HELD.values():
        try:
            os.close(fd)
        except OSError:
            pass
    _HELD.clear()


os.register_at_fork(after_in_child=_drop_in_child)


def hold(folder: str | os.PathLike[str]) -> tuple[int, int] | None:
    """Hold `folder` for this process until release or exit: the key to release it by (None
    where nothing is held); FolderInUse when another process holds it. A file system without
    locks (some network mounts) is used unguarded, as before."""
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    stat = os.fstat(fd)
    key = (stat.st_dev, stat.st_ino)
    if key in _HELD:
        # (this process holds it already: an output made again in one process, as a test or
        # an API caller may after a run it left unfinished, shares the hold)
        os.close(fd)
        _HELD[key][1] += 1
        return key
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        raise FolderInUse(os.fspath(folder)) from None
    except OSError:
        os.close(fd)
        return None
    _HELD[key] = [fd, 1]
    return key


def release(key: tuple[int, int] | None) -> None:
    """One of this process's holds on the folder `key` names (hold's) given up: the folder is
    free once none is left. Nothing for None, or a folder no longer held."""
    held = _HELD.get(key) if key is not None else None
    if held is None:
        return
    held[1] -= 1
    if held[1] == 0:
        del _HELD[key]      # type: ignore[arg-type]
        os.close(held[0])
