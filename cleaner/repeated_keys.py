"""A key a JSON record holds more than once: every JSON reader keeps one value and drops the rest.

A record written `{"text": "first", "text": "second"}` parses to its last text, and the first
would be lost without a word. The key is looked for by its quoted bytes first, a scan of the
line; only a line that holds them twice is parsed again, every key kept, to tell a repeat at the
top from one in a nested object or a value that reads "text".
"""

from __future__ import annotations

import json
from collections import Counter
from functools import lru_cache
from typing import Any


@lru_cache(maxsize=16)
def quoted(key: str) -> bytes:
    """The key as a JSON line spells it (a key written with escapes is not looked for).

    >>> quoted("text"), quoted("judul é")
    (b'"text"', b'"judul \\xc3\\xa9"')
    """
    return json.dumps(key, ensure_ascii=False).encode("utf-8")


def may_repeat(raw: bytes, size: int, key: str) -> bool:
    r"""Whether `key` occurs quoted more than once in the first `size` bytes of `raw`.

    >>> line = b'{"id": 1, "text": "a", "text": "b"}'
    >>> may_repeat(line, len(line), "text"), may_repeat(line, 20, "text")
    (True, False)
    >>> line = b'{"id": 1, "text": "a \\"text\\" b", "context": "c"}'
    >>> may_repeat(line, len(line), "text")
    False
    """
    return raw.count(quoted(key), 0, size) > 1


def times_held(line: bytes | str, key: str) -> int:
    """How many times the line's top-level object holds `key` (0 for a line that is not JSON).

    >>> times_held('{"text": "a", "meta": {"text": "b"}, "id": "x", "text": "c"}', "text")
    2
    >>> times_held('{"type": "text", "text": "a"}', "text"), times_held('[1, 2]', "text")
    (1, 0)
    """
    objects: list[list[tuple[str, Any]]] = []

    def kept(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        objects.append(pairs)
        return dict(pairs)

    try:
        top = json.loads(line, object_pairs_hook=kept, strict=False)
    except (ValueError, RecursionError):
        return 0
    if not isinstance(top, dict):
        return 0
    # The outermost object is completed last: its pairs are the last the hook was given.
    return Counter(name for name, _ in objects[-1])[key]
