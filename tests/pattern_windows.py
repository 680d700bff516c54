"""Record what text a compiled pattern is asked about, for tests that check a hostile input
is read in a bounded window (a deterministic check, where a clock would depend on the machine).

    asked = record_windows(monkeypatch, shapes, "_BARE_CODE")
    shapes.code_line("A-1/" * 200_000 + "b")
    assert all(n <= shapes.CODE_MAX_CHARS for n in asked)
"""

from __future__ import annotations

from typing import Any

import pytest


class _Recorder:
    """A compiled pattern's stand-in that notes each call's window (its end less its start)
    and passes the call on to the pattern."""

    def __init__(self, real: Any, asked: list[int]) -> None:
        self._real, self._asked = real, asked

    def _call(self, name: str, text: Any, pos: int = 0, endpos: int | None = None, *rest: Any,
              **kwargs: Any) -> Any:
        end = len(text) if endpos is None else min(endpos, len(text))
        self._asked.append(max(0, end - pos))
        call = getattr(self._real, name)
        return call(text, pos, *(() if endpos is None else (endpos,)), *rest, **kwargs)

    def match(self, *args: Any, **kwargs: Any) -> Any:
        return self._call("match", *args, **kwargs)

    def search(self, *args: Any, **kwargs: Any) -> Any:
        return self._call("search", *args, **kwargs)

    def fullmatch(self, *args: Any, **kwargs: Any) -> Any:
        return self._call("fullmatch", *args, **kwargs)

    def finditer(self, *args: Any, **kwargs: Any) -> Any:
        return self._call("finditer", *args, **kwargs)

    def findall(self, *args: Any, **kwargs: Any) -> Any:
        return self._call("findall", *args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)


def record_windows(monkeypatch: pytest.MonkeyPatch, module: Any, name: str) -> list[int]:
    """Put a recorder in place of `module.name` (a compiled pattern) for the test; the list of
    the windows, in characters, it is asked about."""
    asked: list[int] = []
    monkeypatch.setattr(module, name, _Recorder(getattr(module, name), asked))
    return asked
