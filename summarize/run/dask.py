"""The Dask executor: the same tasks, on the workers of a ``dask.distributed`` cluster.

``pip install "summarize[dask]"``. Outputs are byte-identical to the local
executor's, because both run the same task functions (summarize.run.pipeline)
and the same digest plan (summarize.run.digest_plan); this module only
decides where tasks run:

* The client lists the inputs (summarize.sources.list_inputs) and sends
  partitions of paths; workers read, clean, segment, select and translate.
  Stdin is read on the client and sent as bytes. Every input's problems come
  back as data and are reported in input order, exactly like a local run.
* Each worker process keeps one Workspace: one translator per decoding
  setup, so models load once per worker, with the worker's own cache and
  installed models. Models are checked on the workers, per language found
  there.
* Tasks are retried when a worker dies. An expected failure on a worker
  (a broken model folder) comes back as a RemoteError with its exit code;
  an input that fails for good is reported as that input's error.

dask and distributed are imported only inside functions, never at import time.
"""

from __future__ import annotations

import math
import os
import threading
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from ..errors import RemoteError, SummarizeError, UsageError
from ..sources import InputItem
from .jobs import Job, Layout, Outcome, PartReport
from .pipeline import ProgressFn, Workspace, articles_task, failure

# Per-article commands: at most this many documents per task. Smaller tasks
# stream results sooner and balance better; bigger ones batch translation.
MAX_PARTITION = 32
# Tasks per worker thread the inputs are cut into.
TASKS_PER_THREAD = 4
# The digest's partitions per worker thread, and shuffle buckets per thread:
# fewer, bigger partitions mean fewer rounds of small shuffle tasks.
DIGEST_PARTS_PER_THREAD = 2
DIGEST_BUCKETS_PER_THREAD = 1
RETRIES = 2
# Dask config key of the environment variable the nanny sets for its workers.
NANNY_MALLOC_TRIM = "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_"


# --- worker side --------------------------------------------------------------------


class OnWorker:
    """Stands for the Workspace of whichever worker process runs the task.

    Sent with tasks instead of a Workspace (which holds loaded models and
    open connections, and cannot travel); it has the same interface.
    """

    _process: Workspace | None = None
    _lock = threading.Lock()

    def _here(self) -> Workspace:
        with OnWorker._lock:
            if OnWorker._process is None:
                OnWorker._process = Workspace()
            return OnWorker._process

    def translator(self, job: Job) -> Any:
        return self._here().translator(job)

    def drain_notes(self) -> list[str]:
        return self._here().drain_notes()


class _Failed:
    """An expected failure on a worker, sent back as data: retrying cannot help."""

    def __init__(self, message: str, exit_code: int) -> None:
        self.message = message
        self.exit_code = exit_code


def _guarded(fn: Callable, *args: Any) -> Any:
    try:
        return fn(*args)
    except SummarizeError as exc:
        return _Failed(str(exc), exc.exit_code)


def _checked(value: Any) -> Any:
    if isinstance(value, _Failed):
        raise RemoteError(value.message, value.exit_code)
    return value


def worker_ready() -> dict[str, Any]:
    """Run on every worker before a job: proves summarize imports there."""
    from .._version import __version__

    return {
        "version": __version__,
        "pid": os.getpid(),
        "malloc_trim": os.environ.get("MALLOC_TRIM_THRESHOLD_"),
    }


# --- client side ------------------------------------------------------------------------


class DaskExecutor:
    """Run summarize's tasks on a Dask cluster: an existing one, or a local one it starts."""

    name = "dask"
    isolate = True  # one input failing on a worker must not lose the others

    def __init__(
        self,
        scheduler: str | None = None,
        workers: int | None = None,
        *,
        partition_size: int | None = None,
        buckets: int | None = None,
        warn: Callable[[str], None] | None = None,
        info: Callable[[str], None] | None = None,
    ) -> None:
        self.scheduler = scheduler
        self.workers = workers
        self.partition_size = partition_size  # documents per task (default: from the cluster)
        self.buckets = buckets  # digest shuffle buckets (default: one per worker thread)
        self.warn = warn or (lambda message: None)
        self.info = info or (lambda message: None)
        self.workspace = OnWorker()
        self.client: Any = None
        self.cluster: Any = None
        self.decoded = 0
        self._noted: set[str] = set()

    @classmethod
    def from_options(
        cls,
        *,
        scheduler: str | None = None,
        workers: int | None = None,
        warn: Callable[[str], None] | None = None,
        info: Callable[[str], None] | None = None,
        translation_progress: ProgressFn | None = None,
        jobs: int | None = None,
    ) -> DaskExecutor:
        """The executor the CLI options describe; translation happens on the workers, so
        there is no translation progress to show here."""
        if jobs is not None:
            raise UsageError("--jobs is for --executor local (a Dask cluster has --workers)")
        if scheduler is not None and workers is not None:
            raise UsageError(
                "give either --scheduler (an existing cluster) or --workers (a local one), not both"
            )
        return cls(scheduler, workers, warn=warn, info=info)

    # -- connection

    def __enter__(self) -> DaskExecutor:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def start(self) -> None:
        try:
            import dask
            import distributed
        except ImportError:
            raise SummarizeError(
                '--executor dask needs Dask; install it with `pip install "summarize[dask]"`'
            ) from None
        address = self.scheduler
        if address is None and self.workers is None:
            address = dask.config.get("scheduler-address", None)
        try:
            if address:
                self.client = distributed.Client(address, timeout="30s", set_as_default=False)
            else:
                import logging

                # The nanny's default MALLOC_TRIM_THRESHOLD_ turns off glibc's
                # adaptive mmap threshold: CTranslate2 then decodes 2x slower.
                with dask.config.set({NANNY_MALLOC_TRIM: None}):
                    self.cluster = distributed.LocalCluster(
                        n_workers=self.workers,
                        threads_per_worker=1,
                        processes=True,
                        dashboard_address=None,
                        silence_logs=logging.ERROR,
                    )
                self.client = distributed.Client(self.cluster, set_as_default=False)
        except (OSError, TimeoutError) as exc:
            self.close()
            where = f"the Dask scheduler at {address}" if address else "a local Dask cluster"
            raise SummarizeError(f"cannot connect to {where}: {exc}") from None
        try:
            versions = self.client.run(worker_ready)
        except Exception as exc:
            self.close()
            raise SummarizeError(
                f"the Dask workers cannot run summarize ({type(exc).__name__}: {exc}); "
                "install summarize, and the translation models, on every worker"
            ) from None
        from .._version import __version__

        if not versions:
            self.warn("the Dask cluster has no workers yet; the run waits for some")
        other = sorted({v["version"] for v in versions.values()} - {__version__})
        if other:
            self.warn(
                f"Dask workers run summarize {', '.join(other)}, this is {__version__}; "
                "outputs may differ"
            )
        if any(v.get("malloc_trim") for v in versions.values()):
            self.info(
                "the Dask workers run with MALLOC_TRIM_THRESHOLD_ set (the nanny's default), "
                "which slows translation about 2x; set "
                f"{NANNY_MALLOC_TRIM} to null in the workers' Dask configuration"
            )

    def close(self) -> None:
        if self.client is not None:
            self.client.close()
            self.client = None
        if self.cluster is not None:
            self.cluster.close()
            self.cluster = None

    def threads(self) -> int:
        return max(1, sum(self.client.nthreads().values()))

    # -- what plans need

    def submit(self, fn: Callable, *args: Any) -> Any:
        return self.client.submit(_guarded, fn, *args, pure=False, retries=RETRIES)

    def fetch(self, handle: Any) -> Any:
        return _checked(handle.result())

    def note(self, notes: Sequence[str]) -> None:
        for note in notes:
            if note not in self._noted:
                self._noted.add(note)
                self.warn(note)

    def reports(
        self, handles: list, parts: list[list], progress: ProgressFn | None
    ) -> Iterator[tuple[int, PartReport, bool]]:
        """Each partition's report as it completes (and whether the partition was lost).

        A partition that failed for good (retries exhausted, its worker kept
        dying) reports each of its inputs as failed: nothing is dropped silently.
        """
        from distributed import as_completed

        position = {f.key: p for p, f in enumerate(handles)}
        total = sum(len(part) for part in parts)
        done = 0
        for future in as_completed(handles, loop=self.client.loop):
            p = position[future.key]
            lost = False
            try:
                report = self.fetch(future)
            except RemoteError:
                for other in handles:
                    other.cancel()
                raise
            except Exception as exc:
                lost = True
                report = PartReport(
                    [Outcome(i, item.path, item.root, problems=[]) for i, item in parts[p]]
                )
                for outcome in report.outcomes:
                    outcome.fail(failure(exc))
            self.note(report.notes)
            self.decoded += report.decoded
            done += len(parts[p])
            if progress is not None:
                progress(done, total)
            yield p, report, lost

    def digest_layout(self, items: int) -> Layout:
        threads = self.threads()
        size = self.partition_size or max(1, math.ceil(items / (DIGEST_PARTS_PER_THREAD * threads)))
        parts = math.ceil(items / size) if items else 0
        buckets = self.buckets or max(1, min(parts, DIGEST_BUCKETS_PER_THREAD * threads))
        return Layout(partition_size=size, buckets=buckets)

    # -- the per-article commands

    def articles(
        self,
        items: Sequence[InputItem],
        job: Job,
        progress: ProgressFn | None = None,
        stream: bool = False,
    ) -> Iterator[Outcome]:
        """Every input's outcome, in input order, as soon as its turn comes."""
        if not items:
            return
        size = self.partition_size or min(
            MAX_PARTITION, max(1, math.ceil(len(items) / (TASKS_PER_THREAD * self.threads())))
        )
        indexed = list(enumerate(items))
        parts = [indexed[i : i + size] for i in range(0, len(indexed), size)]
        futures = [
            self.submit(articles_task, part, job, self.workspace, self.isolate) for part in parts
        ]
        ready: dict[int, PartReport] = {}
        following = 0
        for p, report, _lost in self.reports(futures, parts, progress):
            futures[p].release()
            ready[p] = report
            while following in ready:
                yield from ready.pop(following).outcomes
                following += 1
