"""A time limit for one file's reading or rules, so that input no limit
foresaw (markdown-it takes minutes on a million "[" in one paragraph) costs
that file, not the run.

It uses SIGALRM, so it works in the main thread of a POSIX process and is a
no-op elsewhere (Windows, worker threads). Code in C (lxml, pdfium) is
interrupted only when it returns to Python."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from plainlint.errors import InputError


class TimeLimit(InputError):
    """A file took longer than the time limit; it becomes that file's error."""


@contextmanager
def deadline(seconds: float, what: str) -> Iterator[None]:
    """Raise TimeLimit in the block after `seconds` (0: no limit)."""
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if seconds <= 0 or not usable:
        yield
        return

    def expire(signum, frame):
        raise TimeLimit(f"{what} took longer than {seconds:g} s (time-limit); skipped")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
