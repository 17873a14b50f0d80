"""Check files in several processes (`--jobs`), with output identical to one.

The files are cut into runs of consecutive files, each checked by a forked
worker with the parent's linter (its rules and settings are inherited, not
pickled; the model is loaded once per worker, on first need), and the
results come back in order. A worker that dies (killed for memory, a crash
in a C extension) costs only its own files: they are checked again one at
a time, each in a process of its own, and the one that kills its process
gets an error line.
"""

from __future__ import annotations

import math
import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING

from plainlint.results import FileResult, RunResult

if TYPE_CHECKING:
    from plainlint.engine import Linter, Target

#: Runs per worker: enough to even out files of different sizes, few enough
#: that each run still gives the parser long batches.
RUNS_PER_WORKER = 4
#: The linter a forked worker inherits (set in the parent just before forking).
_INHERITED: Linter | None = None


def cores() -> int:
    """The cores this process may use (the default for --jobs)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def run_in_workers(
    linter: Linter, items: Sequence[Target | FileResult], jobs: int, run_size: int, on_file: Callable[[], None]
) -> RunResult:
    """Check `items` in `jobs` forked workers; the same result as
    `linter.check_here(items)`."""
    global _INHERITED
    size = max(1, min(run_size, math.ceil(len(items) / (jobs * RUNS_PER_WORKER))))
    runs = [list(items[start : start + size]) for start in range(0, len(items), size)]
    _INHERITED = linter
    total = RunResult()
    try:
        with _executor(min(jobs, len(runs))) as pool:
            futures = [pool.submit(_check_run, run) for run in runs]
            for run, future in zip(runs, futures, strict=True):
                try:
                    part, written = future.result()
                except BrokenProcessPool:
                    part, written = _one_by_one(run)
                _merge(total, part)
                if linter.cache:
                    linter.cache.written += written  # so that the parent prunes
                for _ in part.files:
                    on_file()
    finally:
        _INHERITED = None
    return total


def _executor(workers: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))


def _check_run(items: list) -> tuple[RunResult, int]:
    """In a worker: check `items`; also say how many cache entries it wrote."""
    linter = _INHERITED
    before = linter.cache.written if linter.cache else 0
    result = linter.check_here(items)
    return result, (linter.cache.written if linter.cache else 0) - before


def _one_by_one(items: list) -> tuple[RunResult, int]:
    """Check each file of a run whose worker died in a process of its own."""
    total, written = RunResult(), 0
    for item in items:
        try:
            with _executor(1) as pool:
                part, wrote = pool.submit(_check_run, [item]).result()
        except BrokenProcessPool:
            name = item.path if isinstance(item, FileResult) else item.display
            part, wrote = RunResult([FileResult(name, error="the process checking this file stopped (out of memory?)")]), 0
        _merge(total, part)
        written += wrote
    return total, written


def _merge(total: RunResult, part: RunResult) -> None:
    total.files.extend(part.files)
    total.skipped_rules |= part.skipped_rules
    total.skip_reason = total.skip_reason or part.skip_reason
