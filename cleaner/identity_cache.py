"""A small cache keyed by an object's identity, for values derived from tuples that are handed out again and again."""

from __future__ import annotations

from typing import Callable, Generic, TypeVar

Key = TypeVar("Key")
Value = TypeVar("Value")


class IdentityCache(Generic[Key, Value]):
    """Values by the identity of the object they were derived from.

    Hashing a tuple of packs, or building a key from it, costs more than some stages; its
    identity costs nothing. Each entry holds its object, so that the identity cannot be reused
    by another object while the entry lives; past `kept` entries the cache starts again, so that
    objects made anew for each document (learned-pack combinations) cannot make it grow.

    >>> cache: IdentityCache[tuple, int] = IdentityCache(kept=2)
    >>> packs = ("site", "lang")
    >>> cache.get(packs, len), cache.get(packs, lambda p: 0)
    (2, 2)
    """

    def __init__(self, kept: int = 256):
        self.kept = kept
        self._entries: dict[int, tuple[Key, Value]] = {}

    def get(self, obj: Key, build: Callable[[Key], Value]) -> Value:
        entry = self._entries.get(id(obj))
        if entry is not None and entry[0] is obj:
            return entry[1]
        value = build(obj)
        if len(self._entries) >= self.kept:
            self._entries.clear()
        self._entries[id(obj)] = (obj, value)
        return value

    def __len__(self) -> int:
        return len(self._entries)
