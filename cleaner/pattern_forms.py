"""Rule patterns' rewritten forms, worked out with their pack and kept in the pack cache: a new worker looks them up."""

from __future__ import annotations

from contextlib import contextmanager
from functools import wraps
from typing import Any, Callable, Iterator, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

# (rewrite's module and name, its arguments) -> its result, for the packs of the process's Cleaners
# (remember). A rewrite parses its pattern token by token in Python: a fresh worker spent 0.2 to
# 0.3 s of CPU on the shipped rules' forms in its first 10 MB of the benchmark, in every run.
_KNOWN: dict[tuple, Any] = {}
# While a pack's forms are collected (collecting): every rewrite asked for, by the same key. (A
# rewrite is a pure function: one gathered into another pack's forms, while two threads load
# packs at once, is still right there; its own pack works it out again where it is asked for.)
_COLLECTING: list[dict[tuple, Any]] = []
_UNKNOWN = object()


def known_form(rewrite: F) -> F:
    """`rewrite`, a pure function of its positional arguments, answered from the forms that
    packs brought where they hold the answer (a miss only costs the rewrite)."""
    name = f"{rewrite.__module__}.{rewrite.__qualname__}"

    @wraps(rewrite)
    def form(*args: Any) -> Any:
        key = (name, *args)
        found = _KNOWN.get(key, _UNKNOWN)
        if found is _UNKNOWN:
            found = rewrite(*args)
        if _COLLECTING:
            _COLLECTING[-1][key] = found
        return found

    return form  # type: ignore[return-value]


@contextmanager
def collecting() -> Iterator[dict[tuple, Any]]:
    """A dict that gathers, by key, every rewrite asked for inside the block: a pack's forms."""
    forms: dict[tuple, Any] = {}
    _COLLECTING.append(forms)
    try:
        yield forms
    finally:
        _COLLECTING.pop()


def remember(forms: dict[tuple, Any]) -> None:
    """Answer these rewrites from now on without working them out (a pack's `forms`)."""
    _KNOWN.update(forms)
