"""A pool of worker processes for the per-document stages, so a local run uses every core.

Reading, cleaning, segmenting, detecting the language and choosing each
document's sentences depend on nothing but the document: ``ProcessMap`` maps
such a function over the inputs in worker processes and yields the results
in input order, so outputs are the same bytes as in one process. What the
workers send back is data; they never write to stdout (it is pointed at
the null device), warnings travel home inside the results and are reported
by this process in input order, and Ctrl-C stops them without a traceback
(they ignore it; this process ends them).

Small inputs stay in this process: starting workers costs more than it saves.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import sys
from collections.abc import Callable, Generator, Sequence
from functools import partial
from typing import Any

# Below this many inputs per worker a pool is not worth starting.
MIN_ITEMS_PER_JOB = 16
# Inputs a worker takes at a time: enough to keep it busy, few enough that
# results come back (and stream out) soon.
MAX_CHUNK = 8


def available_cores() -> int:
    """The processors this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def _context() -> Any:
    # fork starts a worker in milliseconds with the modules already imported;
    # where it does not exist, spawn (slower to start, same results).
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def _quiet_worker() -> None:
    """A worker: Ctrl-C is for the parent, and stdout is not ours to write."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - lives as long as the worker


class ProcessMap:
    """``map(fn, items, *args)`` in input order, in ``jobs`` worker processes when
    there are at least ``min_items`` items; in this process otherwise."""

    def __init__(self, jobs: int, min_items: int | None = None) -> None:
        self.jobs = max(1, jobs)
        self.min_items = MIN_ITEMS_PER_JOB * self.jobs if min_items is None else min_items

    def parallel(self, count: int) -> bool:
        return self.jobs > 1 and count >= max(self.min_items, 2)

    def __call__(self, fn: Callable, items: Sequence, *args: Any) -> Generator[Any, None, None]:
        if not self.parallel(len(items)):
            return (fn(item, *args) for item in items)
        return self._pooled(fn, items, args)

    def _pooled(self, fn: Callable, items: Sequence, args: tuple) -> Generator[Any, None, None]:
        # Nothing buffered may be copied into the workers and written twice.
        sys.stdout.flush()
        sys.stderr.flush()
        chunk = max(1, min(MAX_CHUNK, len(items) // (4 * self.jobs)))
        pool = _context().Pool(min(self.jobs, len(items)), initializer=_quiet_worker)
        try:
            yield from pool.imap(partial(_call, fn, args), items, chunksize=chunk)
            pool.close()
        finally:
            # Stopped early (an error, Ctrl-C, a reader that left): end the workers now.
            pool.terminate()
            pool.join()


def _call(fn: Callable, args: tuple, item: Any) -> Any:
    return fn(item, *args)


# The tasks run_forked hands to its workers: set before the fork, so each
# worker finds its task (and everything the task reads) already in memory.
_FORKED: list[tuple[Callable, tuple]] = []


def fork_available() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def run_forked(tasks: Sequence[tuple[Callable, tuple]]) -> list[Any]:
    """``fn(*args)`` of each task, each in its own forked process, in order.

    The arguments are not sent: forked workers see this process's memory as it
    was (copy on write), so large inputs, like the digest's vectors, cost
    nothing to hand over; only the results travel back.
    """
    global _FORKED
    sys.stdout.flush()
    sys.stderr.flush()
    _FORKED = list(tasks)
    # What exists now is only read in the workers: the collector need not
    # visit it there (which would copy every page it touches).
    gc.freeze()
    pool = multiprocessing.get_context("fork").Pool(len(tasks), initializer=_quiet_worker)
    gc.unfreeze()
    try:
        results = pool.map(_run_forked, range(len(tasks)), chunksize=1)
        pool.close()
        return results
    finally:
        _FORKED = []
        pool.terminate()
        pool.join()


def _run_forked(k: int) -> Any:
    fn, args = _FORKED[k]
    return fn(*args)
