"""Rule files already loaded and checked, kept on disk by their bytes: a start skips parsing them."""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

# Where the cache lives: $CLEANER_CACHE_DIR, else $XDG_CACHE_HOME/cleaner, else ~/.cache/cleaner.
# CLEANER_CACHE_DIR=off (or empty) turns it off.
ENV = "CLEANER_CACHE_DIR"
# One file per entry (FOLDER/<key>.pickle), read only when its pack is asked for. The cache was one
# file read whole at every start: grown to 17 MB by the entries of earlier versions of the code
# (every edit, every upgrade), it took every process of a run 25 MB more (a 2-worker run on a few
# articles held 194 MB in all, 119 with the entries of one version).
FOLDER = "packs"
# The cache's earlier form, removed where a save finds it.
OLD_FILE = "packs.pickle"
# Entries kept: the files of the last few rule configurations, not every version ever loaded.
MAX_ENTRIES = 256
_FORMAT = 2


def cache_dir() -> Path | None:
    """The cache folder, or None when caching is turned off."""
    value = os.environ.get(ENV)
    if value is not None:
        return None if value.strip().lower() in ("", "0", "off", "no") else Path(value)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "cleaner"


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """What a cached pack depends on besides its file: this package's code (any edit counts),
    the RE2 build that checked its patterns, and the Python version."""
    import re2

    digest = hashlib.sha256(sys.version.encode())
    package = Path(__file__).resolve().parent
    for path in sorted(package.glob("*.py")) + [Path(re2.__file__).resolve()]:
        stat = path.stat()
        digest.update(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns};".encode())
    extension = getattr(sys.modules.get("re2._re2"), "__file__", None)
    if extension:
        stat = Path(extension).stat()
        digest.update(f"{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()


def entry_key(path: Path, data: bytes, compiled: bool) -> str:
    """A rule file's key: its path, its bytes, how it was checked and the code that checked it."""
    digest = hashlib.sha256(code_fingerprint().encode())
    digest.update(f"{path}\0{compiled}\0".encode())
    digest.update(data)
    return digest.hexdigest()


class PackCache:
    """Loaded packs by entry_key, a file each: read as they are asked for; save writes the new
    ones (each atomically) and keeps the MAX_ENTRIES most recently used.

    Any problem with a cache file (missing, corrupt, unwritable) only means loading as if there
    were no cache: the rule files stay the truth.
    """

    def __init__(self, folder: Path | None):
        self.folder = folder / FOLDER if folder is not None else None
        self._used: list[str] = []              # keys read from their files
        self._new: dict[str, Any] = {}

    def _path(self, key: str) -> Path:
        assert self.folder is not None
        return self.folder / f"{key}.pickle"

    def get(self, key: str):
        if self.folder is None:
            return None
        try:
            with open(self._path(key), "rb") as f:
                saved = pickle.load(f)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError,
                IndexError, TypeError, ValueError):
            return None
        if not isinstance(saved, dict) or saved.get("format") != _FORMAT or \
                saved.get("key") != key:
            return None
        self._used.append(key)
        return saved.get("pack")

    def put(self, key: str, pack) -> None:
        self._new[key] = pack

    def save(self) -> None:
        """Write the entries that came in new, mark those read as used now (their files' time),
        and remove the least recently used past MAX_ENTRIES."""
        if self.folder is None or not self._new:
            return
        import tempfile         # only when writing: most starts only read
        import time

        # Every entry of this load marked as used at one time, told in nanoseconds: a file's
        # own time is the kernel's coarse clock, the same for saves a few milliseconds apart.
        now = time.time_ns()
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            for key, pack in self._new.items():
                fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".pack-", suffix=".tmp")
                try:
                    with os.fdopen(fd, "wb") as f:
                        pickle.dump({"format": _FORMAT, "key": key, "pack": pack}, f,
                                    protocol=pickle.HIGHEST_PROTOCOL)
                    os.replace(tmp, self._path(key))
                except BaseException:
                    os.unlink(tmp)
                    raise
        except OSError:
            return                  # a read-only or full disk: the next start parses again
        for key in [*self._new, *self._used]:
            try:
                os.utime(self._path(key), ns=(now, now))
            except OSError:         # (removed meanwhile by another run's save)
                pass
        self._new = {}
        self._prune()

    def _prune(self) -> None:
        """Remove the entries past the MAX_ENTRIES most recently used, and the earlier form."""
        assert self.folder is not None
        try:
            (self.folder.parent / OLD_FILE).unlink(missing_ok=True)
            entries = []
            for path in self.folder.glob("*.pickle"):
                try:
                    entries.append((path.stat().st_mtime_ns, path))
                except OSError:             # (removed meanwhile by another run's save)
                    pass
            entries.sort(reverse=True)
            for _, path in entries[MAX_ENTRIES:]:
                path.unlink(missing_ok=True)
        except OSError:
            pass
