"""Executors: where the pipeline runs. ``local`` is this process; ``dask`` is a Dask cluster.

The local executor is summarize.pipeline itself and needs nothing more. The
Dask executor (``pip install "summarize[dask]"``) runs the same stages on the
workers of a ``dask.distributed`` cluster and gives byte-identical outputs:

* The client only lists the inputs (summarize.sources.list_inputs) and sends
  partitions of paths; workers read, clean, segment, select and translate.
  Stdin is read on the client and sent as bytes. Every input's problems come
  back as data and are reported in input order, exactly like a local run.
* Each worker process builds one translator per (cache, beam, packages
  folder) and keeps it for every later partition: models load once, and the
  worker uses its own local SQLite cache and its own installed models.
* Models are checked on the workers, per language found there; an article in
  a language without a model is reported and the others go on, as locally.
* The digest runs as partition stages with corpus-wide reductions between
  them, computed on the workers (vocabulary, term counts, an exactly summed
  centroid, blocking-key counts) and all-to-all shuffles: candidates by a
  hash of their text (identical sentences), representatives back to their
  partitions, representatives with their vectors by blocking key (each
  bucket compares the pairs find_neighbours would, each pair once), and
  similar pairs back to both ends, where each star group is assembled and
  ranked. The client receives the per-document reports and, page by page,
  only the best-ranked groups it needs to pick the top facts, then the
  sentences of the chosen ones.

dask and distributed are imported only inside functions, never at import time.
"""

from __future__ import annotations

import hashlib
import heapq
import itertools
import math
import operator
import threading
import zlib
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, NamedTuple

from .errors import EXIT_INPUT, EXIT_USAGE, InputError, MissingModelError, SummarizeError

# A candidate's id in the digest: (document index << _SHIFT) + its rank in the
# document, so ids sort like the local candidate list.
_SHIFT = 20
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


class RemoteError(SummarizeError):
    """An expected failure raised on a worker (a broken model folder, bad options...)."""

    def __init__(self, message: str, exit_code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.exit_code = exit_code


# --- what travels between the client and the workers -----------------------------


@dataclass(frozen=True)
class Job:
    """Everything a worker needs besides the inputs."""

    kind: str  # "summary", "translation" or "digest"
    target: str = "en"
    source_language: str = "auto"
    encoding: str | None = None
    cache: str | None = None  # None: the worker's default (SUMMARIZE_CACHE or user cache dir)
    use_cache: bool = True
    beam: int = 4
    options: tuple[tuple[str, Any], ...] = ()  # for iter_summaries / iter_translations


@dataclass
class Outcome:
    """What became of one input on a worker."""

    index: int
    path: str
    root: str | None = None
    errors: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    warnings: list[str] = field(default_factory=list)
    language: str | None = None  # set when the document was read
    missing: tuple[str, str] | None = None  # the pair without a model
    result: Any = None  # pipeline.ArticleResult (summary, translate)
    source: Any = None  # digest.DigestSource (digest)


@dataclass
class PartReport:
    outcomes: list[Outcome]
    notes: list[str] = field(default_factory=list)  # warnings from the worker's cache
    decoded: int = 0
    fatal: tuple[str, int] | None = None  # (message, exit code): stops the run


def _failure(exc: BaseException) -> str:
    first = (str(exc).strip().splitlines() or [""])[0]
    return f"failed on a worker: {type(exc).__name__}: {first}"


# --- worker side: the per-process translator --------------------------------------

_TRANSLATORS: dict[tuple, Any] = {}
_KEEP_TRANSLATORS = 4
_NOTES: list[str] = []
_LOCK = threading.Lock()


def worker_translator(job: Job) -> Any:
    """This process's translator for the job's cache, beam and packages folder.

    Built once and reused by every later task in the process, so each model
    loads once per worker. One per thread: SQLite connections stay in theirs.
    """
    from .pipeline import make_translator
    from .translation.models import packages_dir

    key = (job.cache, job.use_cache, job.beam, str(packages_dir()), threading.get_ident())
    with _LOCK:
        translator = _TRANSLATORS.get(key)
        if translator is None:
            translator = make_translator(
                job.cache, use_cache=job.use_cache, beam_size=job.beam, warn=_NOTES.append
            )
            _TRANSLATORS[key] = translator
            while len(_TRANSLATORS) > _KEEP_TRANSLATORS:
                _TRANSLATORS.pop(next(iter(_TRANSLATORS)))
        return translator


def _drain_notes() -> list[str]:
    with _LOCK:
        notes = list(_NOTES)
        _NOTES.clear()
    return notes


def worker_ready() -> dict[str, Any]:
    """Run on every worker before a job: proves summarize imports there."""
    import os

    from . import __version__

    return {
        "version": __version__,
        "pid": os.getpid(),
        "malloc_trim": os.environ.get("MALLOC_TRIM_THRESHOLD_"),
    }


# --- worker side: tasks -------------------------------------------------------------


def _read_and_prepare(items: Sequence[tuple[int, Any]], job: Job) -> tuple[list[Outcome], list]:
    from .pipeline import prepare
    from .sources import read_input

    outcomes: list[Outcome] = []
    prepared: list[tuple[Outcome, Any]] = []
    for index, item in items:
        outcome = Outcome(index, item.path, item.root)
        outcomes.append(outcome)
        try:
            read = read_input(item, job.encoding)
            outcome.errors = [(e.path, e.reason) for e in read.errors]
            outcome.warnings = list(read.warnings)
            for document in read.documents:
                article = prepare(document, job.source_language)
                outcome.language = article.language
                prepared.append((outcome, article))
        except Exception as exc:  # a bug on one input must not lose the others
            outcome.errors.append((item.path, _failure(exc)))
            outcome.language = None
    return outcomes, prepared


def _usable(prepared: list, job: Job) -> list:
    """The prepared articles a model exists for; the others are marked missing."""
    from .pipeline import usable_articles

    if all(article.language == job.target for _, article in prepared):
        return prepared  # nothing to translate: no translator needed
    _ok, errors = usable_articles(
        [article for _, article in prepared], job.target, worker_translator(job)
    )
    missing = {error.source: (error.source, error.target) for error in errors}
    usable = []
    for outcome, article in prepared:
        if article.language in missing:
            outcome.missing = missing[article.language]
        else:
            usable.append((outcome, article))
    return usable


def articles_task(items: Sequence[tuple[int, Any]], job: Job) -> PartReport:
    """Read, clean, segment, select and translate one partition of inputs."""
    try:
        outcomes, prepared = _read_and_prepare(items, job)
        usable = _usable(prepared, job)
        decoded = _produce(usable, job) if usable else 0
    except SummarizeError as exc:
        return PartReport([], _drain_notes(), fatal=(str(exc), exc.exit_code))
    return PartReport(outcomes, _drain_notes(), decoded)


def _produce(usable: list, job: Job) -> int:
    from .pipeline import iter_summaries, iter_translations

    produce = iter_summaries if job.kind == "summary" else iter_translations
    options = dict(job.options)
    translator = worker_translator(job)
    before = translator.decoded
    try:
        results = list(
            produce([a for _, a in usable], target=job.target, translator=translator, **options)
        )
        for (outcome, _), result in zip(usable, results):
            outcome.result = result
    except SummarizeError:
        raise
    except Exception:
        # Find the input that fails: one at a time, the others still count.
        for outcome, article in usable:
            try:
                (outcome.result,) = produce(
                    [article], target=job.target, translator=translator, **options
                )
            except SummarizeError:
                raise
            except Exception as exc:
                outcome.errors.append((outcome.path, _failure(exc)))
    return translator.decoded - before


def translate_task(
    texts: list[str], source: str, target: str, job: Job
) -> tuple[list[str], int, list[str]]:
    translator = worker_translator(job)
    before = translator.decoded
    out = translator.translate(texts, source, target)
    return out, translator.decoded - before, _drain_notes()


# --- worker side: the digest stages ------------------------------------------------------
#
# A _Part is one partition of documents' candidates; each stage returns a new
# one (tasks never change their inputs, so a retried task sees what the first
# attempt saw). Global reductions in between are tree sums on the workers.


@dataclass
class _Part:
    ids: list[int]
    candidates: list[Any]  # digest.Candidate
    raw: list | None = None
    clause_weights: list | None = None
    # Every candidate's sentence, kept at home: only the chosen facts' travel.
    sentences: dict[int, Any] = field(default_factory=dict)
    copies: dict[int, list[tuple[int, Spot]]] = field(default_factory=dict)  # rep -> its copies
    keys: dict[int, list[str]] = field(default_factory=dict)  # representative -> blocking keys
    groups: list | None = None  # (rank key, Group, centre Candidate), in rank order


class Spot(NamedTuple):
    """Where a sentence is: all grouping needs of it (a Sentence has the same fields)."""

    path: str
    start: int


def _bucket_of(text: str, buckets: int) -> int:
    # A stable hash: Python's str hash differs between processes.
    return zlib.crc32(text.encode("utf-8")) % buckets


def _part_of(gid: int, size: int) -> int:
    return (gid >> _SHIFT) // size


def digest_read_task(items: Sequence[tuple[int, Any]], job: Job) -> tuple[PartReport, _Part, set]:
    """Read and prepare documents; their candidates and content terms."""
    from .digest import DigestSource, article_candidates, clause_terms, vocabulary_of

    try:
        outcomes, prepared = _read_and_prepare(items, job)
        usable = _usable(prepared, job)
    except SummarizeError as exc:
        return PartReport([], _drain_notes(), fatal=(str(exc), exc.exit_code)), empty_part(), set()
    ids: list[int] = []
    candidates: list[Any] = []
    for outcome, article in usable:
        try:
            found = article_candidates(article)
        except Exception as exc:
            outcome.errors.append((outcome.path, _failure(exc)))
            continue
        outcome.source = DigestSource(
            article.path,
            article.title,
            article.language,
            len(article.sentences),
            article.total_sentences,
        )
        ids.extend((outcome.index << _SHIFT) + k for k in range(len(found)))
        candidates.extend(found)
    raw = clause_terms(candidates)
    sentences = {gid: c.sentence for gid, c in zip(ids, candidates)}
    part = _Part(ids, candidates, raw=raw, sentences=sentences)
    return PartReport(outcomes, _drain_notes()), part, vocabulary_of(raw)


def empty_part() -> _Part:
    return _Part([], [], raw=[])


def union_task(*sets: set) -> set:
    out: set = set()
    for s in sets:
        out |= s
    return out


def digest_weigh_task(part: _Part, vocabulary: set) -> tuple[_Part, Any]:
    from .digest import term_stats, weigh

    candidates = [replace(c) for c in part.candidates]
    weights = weigh(candidates, part.raw or [], vocabulary)
    new = _Part(part.ids, candidates, clause_weights=weights, sentences=part.sentences)
    return new, term_stats(candidates)


def sum_task(*values: Any) -> Any:
    total = values[0]
    for value in values[1:]:
        total = total + value
    return total


def idf_task(stats: Any) -> dict[str, float]:
    from .digest import idf_weights

    return idf_weights(stats)


def digest_vectors_task(part: _Part, idf: dict[str, float]) -> tuple[_Part, dict[str, int]]:
    from .digest import apply_idf, centroid_sums

    candidates = [replace(c) for c in part.candidates]
    apply_idf(candidates, part.clause_weights or [], idf)
    return _Part(part.ids, candidates, sentences=part.sentences), centroid_sums(candidates)


def add_sums_task(*sums: dict[str, int]) -> dict[str, int]:
    from .digest import add_sums

    total: dict[str, int] = {}
    for s in sums:
        total = add_sums(total, s)
    return total


def centroid_task(sums: dict[str, int]) -> tuple[dict[str, float], float]:
    from .digest import centroid_of

    return centroid_of(sums)


def digest_quality_task(
    part: _Part, centroid: tuple[dict[str, float], float], buckets: int
) -> tuple[_Part, list[list]]:
    """Quality, then each candidate's text key sent to its dedupe bucket."""
    from .digest import set_quality
    from .words import text_key

    candidates = [replace(c, terms={}) for c in part.candidates]
    set_quality(candidates, *centroid)
    out: list[list] = [[] for _ in range(buckets)]
    for gid, c in zip(part.ids, candidates):
        # Copies are found by a 128-bit hash of the text key: 16 bytes travel
        # instead of the sentence.
        key = hashlib.blake2b(text_key(c.sentence.text).encode("utf-8"), digest_size=16).digest()
        spot = Spot(c.sentence.path, c.sentence.start)
        out[zlib.crc32(key) % buckets].append((key, gid, c.quality, spot))
    return _Part(part.ids, candidates, sentences=part.sentences), out


def digest_dedupe_task(pieces: list[list], parts: int, size: int) -> list[list]:
    """Identical sentences: pick each text's representative; send it to its partition."""
    from .digest import pick_copies

    records = sorted(itertools.chain.from_iterable(pieces), key=operator.itemgetter(1))
    spots = {gid: spot for _, gid, _, spot in records}
    out: list[list] = [[] for _ in range(parts)]
    for rep, same in pick_copies(records).items():
        out[_part_of(rep, size)].append((rep, [(gid, spots[gid]) for gid in same]))
    return out


def digest_unique_task(part: _Part, pieces: list[list]) -> tuple[_Part, Counter]:
    """Keep the representatives; count their terms (the blocking document frequency)."""
    copies = {rep: same for piece in pieces for rep, same in piece}
    ids, candidates = [], []
    df: Counter[str] = Counter()
    for gid, c in zip(part.ids, part.candidates):
        if gid in copies:
            ids.append(gid)
            candidates.append(c)
            df.update(c.vector.keys())
    return _Part(ids, candidates, sentences=part.sentences, copies=copies), df


def digest_keys_task(part: _Part, df: Counter) -> tuple[_Part, Counter]:
    """Each representative's blocking keys; how many representatives each key has."""
    from .digest import blocking_keys

    keys = {gid: blocking_keys(c.vector, df) for gid, c in zip(part.ids, part.candidates)}
    sizes: Counter[str] = Counter()
    for found in keys.values():
        sizes.update(found)
    return replace(part, keys=keys), sizes


def digest_firsts_task(part: _Part, sizes: Counter) -> dict[str, list[int]]:
    """For each overflowing bucket, its first BLOCK_LIMIT members from this partition."""
    from .digest import BLOCK_LIMIT

    firsts: dict[str, list[int]] = {}
    for gid in part.ids:  # in id order
        for key in part.keys[gid]:
            if sizes[key] > BLOCK_LIMIT:
                members = firsts.setdefault(key, [])
                if len(members) < BLOCK_LIMIT:
                    members.append(gid)
    return firsts


def merge_firsts_task(*parts: dict[str, list[int]]) -> dict[str, list[int]]:
    from .digest import BLOCK_LIMIT

    merged: dict[str, list[int]] = {}
    for firsts in parts:
        for key, members in firsts.items():
            merged[key] = sorted(merged.get(key, []) + members)[:BLOCK_LIMIT]
    return merged


def thresholds_task(firsts: dict[str, list[int]]) -> dict[str, int]:
    """Overflowing bucket -> the id of its last compared member (BLOCK_LIMIT-th)."""
    return {key: members[-1] for key, members in firsts.items()}


def digest_block_task(part: _Part, buckets: int) -> list[list]:
    """Send each representative, with its vectors, to the buckets of its blocking keys."""
    out: list[list] = [[] for _ in range(buckets)]
    for gid, c in zip(part.ids, part.candidates):
        keys = part.keys[gid]
        record = (gid, frozenset(keys), c.vector, c.clauses, c.parts, part.copies[gid])
        for key in keys:
            out[_bucket_of(key, buckets)].append((key, record))
    return out


def digest_pairs_task(
    pieces: list[list], thresholds: dict[str, int], parts: int, size: int
) -> list[tuple[list, dict]]:
    """Compare the pairs each blocking bucket calls for; send edges to both ends.

    A pair (j, i) is called for by every bucket both are in where j is among
    the first BLOCK_LIMIT members: where the bucket does not overflow, or
    where j is at most the bucket's threshold. Only the first such bucket
    compares it, so each pair is compared once, as in find_neighbours.
    Each partition gets its edges, and the copies of every other end once.
    """
    from .digest import GROUP_THRESHOLD, Candidate, bucket_pairs, related

    members: dict[str, list[int]] = {}
    records: dict[int, tuple] = {}
    vectors: dict[int, Any] = {}
    for piece in pieces:
        for key, record in piece:
            gid = record[0]
            members.setdefault(key, []).append(gid)
            if gid not in records:
                records[gid] = record
                _, _, vector, clauses, parts_, _ = record
                # related() reads only the vectors and parts: no sentence needed.
                vectors[gid] = Candidate(
                    None,  # type: ignore[arg-type]
                    "",
                    0.0,
                    vector=vector,
                    clauses=clauses,
                    parts=parts_,
                )
    edges: list[list] = [[] for _ in range(parts)]
    copies: list[dict] = [{} for _ in range(parts)]
    unbounded = 1 << 62
    for key in sorted(members):
        for j, i in bucket_pairs(sorted(members[key])):
            shared = records[i][1] & records[j][1]
            if len(shared) > 1 and key != min(
                k for k in shared if j <= thresholds.get(k, unbounded)
            ):
                continue  # compared in an earlier bucket
            sim = related(vectors[i], vectors[j])  # (later, earlier), as in find_neighbours
            if sim >= GROUP_THRESHOLD:
                home_i, home_j = _part_of(i, size), _part_of(j, size)
                edges[home_i].append((i, j, sim))
                edges[home_j].append((j, i, sim))
                copies[home_i].setdefault(j, records[j][5])
                copies[home_j].setdefault(i, records[i][5])
    return list(zip(edges, copies))


def digest_groups_task(part: _Part, pieces: list[tuple[list, dict]]) -> _Part:
    """Each representative's star group, in rank order."""
    from .digest import rank_key, star_group

    near: dict[int, dict[int, float]] = {}
    copies: dict[int, list[tuple[int, Spot]]] = dict(part.copies)
    for edges, others in pieces:
        for i, j, sim in edges:
            near.setdefault(i, {})[j] = sim
        copies.update(others)
    copy_ids = {gid: [k for k, _ in same] for gid, same in copies.items()}
    spots = {k: spot for same in copies.values() for k, spot in same}
    groups = []
    for gid, c in zip(part.ids, part.candidates):
        group = star_group(
            gid,
            c.quality,
            copy_ids[gid],
            sorted(near.get(gid, {}).items()),
            copy_ids.__getitem__,
            spots.__getitem__,
        )
        groups.append((rank_key(group, c), group, c))
    groups.sort(key=operator.itemgetter(0))
    return _Part(part.ids, [], sentences=part.sentences, groups=groups)


def page_task(part: _Part, start: int, count: int) -> list:
    return (part.groups or [])[start : start + count]


def sentences_task(part: _Part, ids: list[int]) -> list:
    return [part.sentences[gid] for gid in ids]


# --- client side -----------------------------------------------------------------------


class Collected:
    """Per-input outcomes, merged in input order into errors and warnings."""

    def __init__(self) -> None:
        self.errors: list[SummarizeError] = []
        self.warnings: list[str] = []
        self.read = 0
        self.decoded = 0
        self._missing: dict[str, tuple[tuple[str, str], list[str]]] = {}

    def add(self, outcome: Outcome) -> None:
        self.errors.extend(InputError(path, reason) for path, reason in outcome.errors)
        self.warnings.extend(outcome.warnings)
        if outcome.language is not None:
            self.read += 1
        if outcome.missing is not None:
            pair, paths = self._missing.setdefault(outcome.language or "", (outcome.missing, []))
            paths.append(outcome.path)

    def finish(self, result: Any) -> None:
        """Fill ``result.errors`` and ``result.warnings`` as the local run would."""
        result.errors.extend(self.errors)
        result.warnings.extend(self.warnings)
        for _language, (pair, paths) in sorted(self._missing.items()):
            result.errors.append(MissingModelError(pair[0], pair[1], paths))


class DaskExecutor:
    """Run summarize's stages on a Dask cluster: an existing one, or a local one it starts."""

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
        self.client: Any = None
        self.cluster: Any = None
        self.decoded = 0
        self._noted: set[str] = set()

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
        from . import __version__

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

    def _submit(self, fn: Callable, *args: Any) -> Any:
        return self.client.submit(fn, *args, pure=False, retries=RETRIES)

    def _note(self, notes: Sequence[str]) -> None:
        for note in notes:
            if note not in self._noted:
                self._noted.add(note)
                self.warn(note)

    def _partitions(self, items: Sequence, size: int) -> list[list[tuple[int, Any]]]:
        indexed = list(enumerate(items))
        return [indexed[i : i + size] for i in range(0, len(indexed), size)]

    def _reports(
        self, futures: list, parts: list[list], progress: Callable[[int, int], None] | None
    ) -> Iterator[tuple[int, PartReport, bool]]:
        """Each partition's report as it completes (and whether the partition was lost).

        A partition that failed for good (retries exhausted, its worker kept
        dying) reports each of its inputs as failed: nothing is dropped silently.
        """
        from distributed import as_completed

        position = {f.key: p for p, f in enumerate(futures)}
        total = sum(len(part) for part in parts)
        done = 0
        for future in as_completed(futures, loop=self.client.loop):
            p = position[future.key]
            lost = False
            try:
                report = future.result()
            except Exception as exc:
                lost = True
                report = PartReport(
                    [
                        Outcome(i, item.path, item.root, errors=[(item.path, _failure(exc))])
                        for i, item in parts[p]
                    ]
                )
            if report.fatal is not None:
                for other in futures:
                    other.cancel()
                raise RemoteError(*report.fatal)
            self._note(report.notes)
            self.decoded += report.decoded
            done += len(parts[p])
            if progress is not None:
                progress(done, total)
            yield p, report, lost

    # -- summary and translate

    def articles(
        self,
        items: Sequence[Any],
        job: Job,
        collected: Collected,
        progress: Callable[[int, int], None] | None = None,
    ) -> Iterator[Outcome]:
        """Every input's outcome, in input order, as soon as its turn comes."""
        if not items:
            return
        size = self.partition_size or min(
            MAX_PARTITION, max(1, math.ceil(len(items) / (TASKS_PER_THREAD * self.threads())))
        )
        parts = self._partitions(items, size)
        futures = [self._submit(articles_task, part, job) for part in parts]
        ready: dict[int, PartReport] = {}
        following = 0
        for p, report, _lost in self._reports(futures, parts, progress):
            futures[p].release()
            ready[p] = report
            while following in ready:
                for outcome in ready.pop(following).outcomes:
                    collected.add(outcome)
                    yield outcome
                following += 1

    # -- digest

    def digest(
        self,
        items: Sequence[Any],
        job: Job,
        facts: int,
        collected: Collected,
        progress: Callable[[int, int], None] | None = None,
    ) -> tuple[list[Any], list[Any]]:
        """(facts, sources) of the digest; per-input problems go to ``collected``."""
        from .digest import Candidate, choose_groups
        from .pipeline import digest_facts

        threads = self.threads()
        size = self.partition_size or max(
            1, math.ceil(len(items) / (DIGEST_PARTS_PER_THREAD * threads))
        )
        parts = self._partitions(items, size)
        if not parts:
            return [], []
        width = self.buckets or max(1, min(len(parts), DIGEST_BUCKETS_PER_THREAD * threads))
        submit = self._submit

        # 1. Read, prepare, candidates. Wait for all: a partition lost for
        #    good is reported input by input and the digest goes on without it.
        read = [submit(digest_read_task, part, job) for part in parts]
        reports = [submit(operator.getitem, f, 0) for f in read]
        states = [submit(operator.getitem, f, 1) for f in read]
        vocabularies = [submit(operator.getitem, f, 2) for f in read]
        outcomes: dict[int, list[Outcome]] = {}
        for p, report, lost in self._reports(reports, parts, progress):
            outcomes[p] = report.outcomes
            if lost:
                states[p] = submit(empty_part)
                vocabularies[p] = submit(union_task)
        sources = []
        for p in range(len(parts)):
            for outcome in outcomes[p]:
                collected.add(outcome)
                if outcome.source is not None:
                    sources.append(outcome.source)
        del read, reports

        # 2. Weights (with the corpus vocabulary), idf, vectors, centroid, quality.
        vocabulary = self._tree(vocabularies, union_task)
        weighed = [submit(digest_weigh_task, s, vocabulary) for s in states]
        states = [submit(operator.getitem, f, 0) for f in weighed]
        idf = submit(
            idf_task, self._tree([submit(operator.getitem, f, 1) for f in weighed], sum_task)
        )
        vectors = [submit(digest_vectors_task, s, idf) for s in states]
        states = [submit(operator.getitem, f, 0) for f in vectors]
        centroid = submit(
            centroid_task,
            self._tree([submit(operator.getitem, f, 1) for f in vectors], add_sums_task),
        )
        quality = [submit(digest_quality_task, s, centroid, width) for s in states]
        states = [submit(operator.getitem, f, 0) for f in quality]
        del weighed, vectors

        # 3. Identical sentences: shuffle by text; representatives go home.
        dedupe = self._shuffle(
            [submit(operator.getitem, f, 1) for f in quality],
            width,
            digest_dedupe_task,
            len(parts),
            size,
        )
        unique = [
            submit(digest_unique_task, s, pieces)
            for s, pieces in zip(states, self._pieces(dedupe, len(parts)))
        ]
        states = [submit(operator.getitem, f, 0) for f in unique]
        df = self._tree([submit(operator.getitem, f, 1) for f in unique], sum_task)
        del quality, dedupe

        # 4. Blocking: each representative's keys; the overflowing buckets'
        #    thresholds (a small reduction); a shuffle by key, where each
        #    bucket compares its pairs; edges go home to both ends.
        keyed = [submit(digest_keys_task, s, df) for s in states]
        states = [submit(operator.getitem, f, 0) for f in keyed]
        sizes = self._tree([submit(operator.getitem, f, 1) for f in keyed], sum_task)
        thresholds = submit(
            thresholds_task,
            self._tree([submit(digest_firsts_task, s, sizes) for s in states], merge_firsts_task),
        )
        blocked = [submit(digest_block_task, s, width) for s in states]
        edges = self._shuffle(blocked, width, digest_pairs_task, thresholds, len(parts), size)
        grouped = [
            submit(digest_groups_task, s, pieces)
            for s, pieces in zip(states, self._pieces(edges, len(parts)))
        ]
        del unique, keyed, blocked, edges, states

        # 5. Rank: merge the partitions' ranked groups, fetching pages as needed;
        #    then fetch the chosen facts' sentences from their partitions.
        centres: dict[int, Any] = {}
        page = max(4 * facts, 64)

        def ranked() -> Iterator[Any]:
            streams = [self._pages(f, page) for f in grouped]
            for _key, group, centre in heapq.merge(*streams, key=operator.itemgetter(0)):
                centres[group.representative] = centre
                yield group

        chosen = choose_groups(ranked(), centres, facts)
        wanted = sorted({gid for g in chosen for gid in g.members})
        by_part: dict[int, list[int]] = {}
        for gid in wanted:
            by_part.setdefault(_part_of(gid, size), []).append(gid)
        fetched = {p: self._submit(sentences_task, grouped[p], ids) for p, ids in by_part.items()}
        candidates: dict[int, Any] = {}
        for p, future in fetched.items():
            for gid, sentence in zip(by_part[p], future.result()):
                candidates[gid] = centres.get(gid) or Candidate(sentence, "", 0.0)
        translator = _RemoteTranslator(self, job)
        return digest_facts(chosen, candidates, job.target, translator), sources

    def _tree(self, futures: list, combine: Callable, fan: int = 8) -> Any:
        """Reduce futures pairwise-ish on the workers, to one future."""
        if not futures:
            return self._submit(combine)
        while len(futures) > 1:
            futures = [
                self._submit(combine, *futures[i : i + fan]) for i in range(0, len(futures), fan)
            ]
        return futures[0]

    def _shuffle(self, outputs: list, buckets: int, reduce: Callable, *args: Any) -> list:
        """A tasks shuffle: reducer r gets bucket r of every output."""
        return [self._submit(reduce, pieces, *args) for pieces in self._pieces(outputs, buckets)]

    def _pieces(self, outputs: list, buckets: int) -> list[list]:
        """pieces[r] = [bucket r of each output], each a small task next to its output."""
        return [
            [self.client.submit(operator.getitem, out, r, pure=False) for out in outputs]
            for r in range(buckets)
        ]

    def _pages(self, state: Any, page: int) -> Iterator[Any]:
        """A partition's ranked groups, a page at a time; the first page is asked at once."""
        future = self._submit(page_task, state, 0, page)
        start = 0
        while True:
            batch = future.result()
            start += page
            if len(batch) == page:
                future = self._submit(page_task, state, start, page)
            yield from batch
            if len(batch) < page:
                return


class _RemoteTranslator:
    """Translates on a worker (the client needs no models); the Translator interface."""

    def __init__(self, executor: DaskExecutor, job: Job) -> None:
        self.executor = executor
        self.job = job

    def check(self, source: str, target: str) -> None:
        """Models were checked on the workers already."""

    def translate(self, texts: Sequence[str], source: str, target: str) -> list[str]:
        future = self.executor._submit(translate_task, list(texts), source, target, self.job)
        try:
            out, decoded, notes = future.result()
        except SummarizeError:
            raise
        except Exception as exc:
            raise RemoteError(f"translating the digest {_failure(exc)}", EXIT_INPUT) from None
        self.executor.decoded += decoded
        self.executor._note(notes)
        return out
