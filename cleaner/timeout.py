"""A time limit per page: a call that runs past its deadline is interrupted with PageTimeout."""

from __future__ import annotations

import signal
import threading
import time
from contextlib import contextmanager
from typing import Iterator

# Seconds one HTML page may take to extract before it is given up (cleaner clean --page-timeout).
DEFAULT_PAGE_TIMEOUT = 5.0


class PageTimeout(BaseException):
    """Raised inside a call that ran past its deadline.

    A BaseException, like KeyboardInterrupt, so that the broad `except Exception` blocks inside
    extraction libraries cannot swallow it and carry on with the page.
    """


def can_interrupt() -> bool:
    """True where a deadline can be enforced: the main thread of a process with SIGALRM."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def deadline(seconds: float | None) -> Iterator[bool]:
    """Run the body with a wall-clock limit; yields whether the limit is enforced.

    The limit uses SIGALRM, so it holds in the main thread of each worker process (the CLI, a
    process pool, a Ray worker) and interrupts Python code between bytecodes; in other threads
    the body runs unlimited. An outer deadline is restored, minus the time spent, on exit.

    >>> with deadline(1.0):
    ...     sum(range(10))
    45
    """
    if not seconds or seconds <= 0 or not can_interrupt():
        yield False
        return

    def _expired(signum, frame):
        raise PageTimeout(f"page took longer than {seconds:g} s")

    started = time.monotonic()
    previous_handler = signal.signal(signal.SIGALRM, _expired)
    previous_delay, _ = signal.setitimer(signal.ITIMER_REAL, seconds)
    if previous_delay and previous_delay < seconds:      # an outer deadline comes first
        signal.setitimer(signal.ITIMER_REAL, previous_delay)
    try:
        yield True
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous_handler)
        if previous_delay:
            left = previous_delay - (time.monotonic() - started)
            signal.setitimer(signal.ITIMER_REAL, max(left, 0.001))
