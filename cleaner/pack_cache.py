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
FILE = "packs.pickle"
# Entries kept: the files of the last few rule configurations, not every version ever loaded.
MAX_ENTRIES = 256
_FORMAT = 1


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
    """Loaded packs by entry_key; read once, written back (whole, atomically) if it changed.

    Any problem with the cache file (missing, corrupt, unwritable) only means loading as if
    there were no cache: the rule files stay the truth.
    """

    def __init__(self, folder: Path | None):
        self.path = folder / FILE if folder is not None else None
        self._entries: dict[str, Any] = self._read()
        self._used: dict[str, Any] = {}
        self._changed = False

    def _read(self) -> dict[str, Any]:
        if self.path is None:
            return {}
        try:
            with open(self.path, "rb") as f:
                saved = pickle.load(f)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError,
                IndexError, TypeError, ValueError):
            return {}
        if not isinstance(saved, dict) or saved.get("format") != _FORMAT:
            return {}
        entries = saved.get("entries")
        return entries if isinstance(entries, dict) else {}

    def get(self, key: str):
        pack = self._entries.get(key)
        if pack is not None:
            self._used[key] = pack
        return pack

    def put(self, key: str, pack) -> None:
        self._used[key] = pack
        self._changed = True

    def save(self) -> None:
        """Write the entries back if new ones came in: those used now, then the others most
        recently used before them (the file keeps them newest first), at most MAX_ENTRIES."""
        if self.path is None or not self._changed:
            return
        room = max(0, MAX_ENTRIES - len(self._used))
        others = [(k, v) for k, v in self._entries.items() if k not in self._used][:room]
        entries = dict(list(self._used.items()) + others)
        import tempfile         # only when writing: most starts only read

        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".packs-", suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as f:
                    pickle.dump({"format": _FORMAT, "entries": entries}, f,
                                protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(tmp, self.path)
            except BaseException:
                os.unlink(tmp)
                raise
        except OSError:
            return                  # a read-only or full disk: the next start parses again
        self._changed = False
