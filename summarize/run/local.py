"""The local executor: every task runs in this process, when its result is first needed.

Tasks are deferred rather than run at once, so a plan can be written the way
it runs on a cluster (submit now, fetch later) while this process still
streams: the per-article commands fetch one partition after another, and a
summary written as JSON Lines appears article by article.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any

from ..errors import UsageError
from ..sources import InputItem
from ..translation.translator import Translator
from .jobs import Job, Layout, Outcome, PartReport
from .pipeline import ProgressFn, Workspace, finish_part, pick_item
from .processes import ProcessMap, available_cores, fork_available, run_forked

# The per-article commands stream their results at most this many articles
# at a time when asked to stream (JSON Lines on stdout); otherwise every
# article's sentences are translated in one batch, the fastest.
STREAM_PARTITION = 1


class Deferred:
    """A task to run in this process on first fetch, once: the local stand-in for a future."""

    __slots__ = ("_fn", "_args", "_done", "_value")

    def __init__(self, fn: Callable, args: tuple) -> None:
        self._fn: Callable | None = fn
        self._args: tuple = args
        self._done = False
        self._value: Any = None

    @property
    def done(self) -> bool:
        return self._done

    @property
    def fn(self) -> Callable:
        assert self._fn is not None
        return self._fn

    @property
    def args(self) -> tuple:
        return self._args

    def set(self, value: Any) -> None:
        """The result, computed elsewhere."""
        self._value, self._done = value, True
        self._fn, self._args = None, ()

    def result(self) -> Any:
        if not self._done:
            assert self._fn is not None
            self._value = self._fn(*(_resolved(a) for a in self._args))
            self._done = True
            self._fn, self._args = None, ()  # let the inputs go
        return self._value


def _resolved(value: Any) -> Any:
    """An argument as a task sees it: deferred results inside lists and tuples run first."""
    if isinstance(value, Deferred):
        return value.result()
    if isinstance(value, list):
        return [_resolved(v) for v in value]
    if isinstance(value, tuple):
        return tuple(_resolved(v) for v in value)
    return value


class LocalExecutor:
    """Run the pipeline's tasks in this process: the whole input is one partition."""

    name = "local"
    isolate = False  # a bug on one input is a bug: let it show

    def __init__(
        self,
        *,
        translator: Translator | None = None,
        warn: Callable[[str], None] | None = None,
        info: Callable[[str], None] | None = None,
        translation_progress: ProgressFn | None = None,
        jobs: int | None = None,
    ) -> None:
        self.workspace = Workspace(translator, progress=translation_progress)
        # The per-document stages run in this many processes when there is
        # enough work (translation always stays here: one model load).
        self.mapper = ProcessMap(available_cores() if jobs is None else jobs)
        self.warn = warn or (lambda message: None)
        self.info = info or (lambda message: None)
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
    ) -> LocalExecutor:
        """The executor the CLI options describe (the cluster options are not for this one)."""
        if scheduler is not None or workers is not None:
            raise UsageError("--scheduler and --workers need --executor dask")
        return cls(warn=warn, info=info, translation_progress=translation_progress, jobs=jobs)

    def __enter__(self) -> LocalExecutor:
        return self

    def __exit__(self, *exc: object) -> None:
        pass

    # -- what plans need

    def submit(self, fn: Callable, *args: Any) -> Deferred:
        return Deferred(fn, args)

    def fetch(self, handle: Any) -> Any:
        return _resolved(handle)

    def note(self, notes: Sequence[str]) -> None:
        for note in notes:
            if note not in self._noted:
                self._noted.add(note)
                self.warn(note)

    def reports(
        self, handles: list, parts: list[list], progress: ProgressFn | None
    ) -> Iterator[tuple[int, PartReport, bool]]:
        """Each partition's report, in order (nothing here is ever lost)."""
        total = sum(len(part) for part in parts)
        done = 0
        for p, handle in enumerate(handles):
            report = self.fetch(handle)
            self.note(report.notes)
            self.decoded += report.decoded
            done += len(parts[p])
            if progress is not None:
                progress(done, total)
            yield p, report, False

    def digest_layout(self, items: int) -> Layout:
        # One partition; with several processes, a blocking bucket for each,
        # compared side by side (see run_together).
        buckets = self.mapper.jobs if self.mapper.parallel(items) and fork_available() else 1
        return Layout(partition_size=max(items, 1), buckets=buckets)

    def run_together(self, handles: list) -> None:
        """Run sibling tasks side by side, each in a forked process, when there are
        several: their inputs are resolved here first and are not copied."""
        pending = [h for h in handles if isinstance(h, Deferred) and not h.done]
        if len(pending) < 2:
            return
        tasks = [(h.fn, tuple(_resolved(a) for a in h.args)) for h in pending]
        for handle, value in zip(pending, run_forked(tasks)):
            handle.set(value)

    # -- the per-article commands

    def articles(
        self,
        items: Sequence[InputItem],
        job: Job,
        progress: ProgressFn | None = None,
        stream: bool = False,
    ) -> Iterator[Outcome]:
        """Every input's outcome, in input order; one partition at a time when streaming."""
        if not items:
            return
        size = STREAM_PARTITION if stream else len(items)
        indexed = list(enumerate(items))
        total = len(items)
        done = 0

        def advance() -> None:
            nonlocal done
            done += 1
            if progress is not None and total > 1:
                progress(done, total)

        # The per-document stages run ahead (in worker processes when there is
        # enough work); translation follows here, in input order.
        picked = self.mapper(pick_item, indexed, job, self.isolate)
        try:
            for start in range(0, len(indexed), size):
                part = [next(picked) for _ in indexed[start : start + size]]
                report = finish_part(part, job, self.workspace, self.isolate, advance)
                self.note(report.notes)
                self.decoded += report.decoded
                yield from report.outcomes
        finally:
            picked.close()  # stopped early: the workers end now
