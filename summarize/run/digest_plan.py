"""The digest as a plan of partition tasks, written once for every executor.

The inputs are cut into partitions; each stage maps a task over them, with
corpus-wide reductions in between (the vocabulary, term counts, an exactly
summed centroid, blocking-key counts) and two all-to-all shuffles: candidates
by a hash of their text (identical sentences are compared once), then
representatives with their vectors by blocking key (each bucket compares the
pairs summarize.select.grouping.compare_blocked calls for, each pair once), and
similar pairs back to both ends, where each star group is assembled and
ranked. The best-ranked groups are then read page by page, only as far as
the top facts need, and only their sentences are fetched and translated.

An executor supplies ``submit`` (run a task, maybe later, maybe elsewhere)
and ``fetch``: the local executor runs the plan in this process on one
partition and one bucket; the Dask executor runs it on a cluster with many.
Both give the same facts, byte for byte, because the tasks are the same.

Tasks never change their inputs (a retried task sees what the first attempt
saw), and every task's result is plain picklable data.
"""

from __future__ import annotations

import heapq
import itertools
import operator
import zlib
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, NamedTuple, Protocol

from ..results import Article, DigestSource, Fact, Sentence
from ..select import digest as facts
from ..select import grouping
from ..sources import InputItem
from .jobs import Job, Layout, Outcome, PartReport
from .pipeline import (
    Mapper,
    Workspace,
    failure,
    keep_translatable,
    read_one,
    serial_map,
    translate_task,
)

# A candidate's id: (document index << _SHIFT) + its rank in the document, so
# ids sort like the candidates of the documents in input order.
_SHIFT = 20


class Executor(Protocol):
    """What the plan needs of an executor."""

    workspace: Any  # handed to tasks that translate (a Workspace, or a proxy for one)
    isolate: bool  # an unexpected failure on one input is reported, not raised
    decoded: int

    def submit(self, fn: Callable, *args: Any) -> Any: ...
    def fetch(self, handle: Any) -> Any: ...
    def reports(
        self, handles: list, parts: list[list], progress: Callable[[int, int], None] | None
    ) -> Iterator[tuple[int, PartReport, bool]]: ...
    def note(self, notes: Sequence[str]) -> None: ...


# --- a partition's state ------------------------------------------------------------


class Spot(NamedTuple):
    """Where a sentence is: all grouping needs of it (a Sentence has the same fields)."""

    path: str
    start: int


@dataclass
class Part:
    """One partition of documents' candidates, as it goes through the stages."""

    ids: list[int]
    candidates: list[facts.Candidate]
    raw: list | None = None  # content terms, clause by clause
    clause_weights: list | None = None
    # Every candidate's sentence, kept at home: only the chosen facts' travel.
    sentences: dict[int, Sentence] = field(default_factory=dict)
    copies: dict[int, list[tuple[int, Spot]]] = field(default_factory=dict)  # rep -> its copies
    keys: dict[int, list[str]] = field(default_factory=dict)  # representative -> blocking keys
    groups: list | None = None  # (rank key, Group, centre Candidate), in rank order


def empty_part() -> Part:
    return Part([], [], raw=[])


def _bucket_of(text: str, buckets: int) -> int:
    # A stable hash: Python's str hash differs between processes.
    return zlib.crc32(text.encode("utf-8")) % buckets


def _part_of(gid: int, size: int) -> int:
    return (gid >> _SHIFT) // size


# --- the stages ------------------------------------------------------------------------------


def read_task(
    items: Sequence[tuple[int, InputItem]],
    job: Job,
    workspace: Workspace,
    isolate: bool,
    mapper: Mapper | None = None,
) -> tuple[PartReport, Part]:
    """Read and prepare documents: the report, and their candidates and content terms.

    Documents stream through reading, cleaning, segmenting and choosing
    candidates one at a time (with ``mapper``, in other processes): only
    their candidates are kept.
    """
    read = list((mapper or serial_map)(read_candidates, items, job, isolate))
    prepared = [(outcome, found) for outcome, docs in read for found in docs]
    usable = keep_translatable(prepared, job, workspace)
    part = candidates_part(usable, isolate)
    return PartReport([outcome for outcome, _ in read], workspace.drain_notes()), part


@dataclass
class DocumentCandidates:
    """One document's candidates and their content terms (or why it failed)."""

    language: str
    source: DigestSource
    candidates: list[facts.Candidate]
    raw: list
    error: str | None = None


def read_candidates(
    entry: tuple[int, InputItem], job: Job, isolate: bool
) -> tuple[Outcome, list[DocumentCandidates]]:
    """The per-document stages of the digest for one input: read, clean, segment,
    choose candidates; any process can run them."""
    outcome, articles = read_one(entry, job, isolate)
    return outcome, [document_candidates(article, isolate) for article in articles]


def document_candidates(article: Article, isolate: bool = False) -> DocumentCandidates:
    source = DigestSource(
        article.path,
        article.title,
        article.language,
        len(article.sentences),
        article.total_sentences,
    )
    try:
        found = facts.article_candidates(article)
    except Exception as exc:
        if not isolate:
            raise
        return DocumentCandidates(article.language, source, [], [], failure(exc))
    return DocumentCandidates(article.language, source, found, facts.clause_terms(found))


def candidates_part(
    usable: Sequence[tuple[Outcome, DocumentCandidates]], isolate: bool = False
) -> Part:
    ids: list[int] = []
    candidates: list[facts.Candidate] = []
    raw: list = []
    for outcome, found in usable:
        if found.error is not None:
            outcome.fail(found.error)
            continue
        outcome.source = found.source
        ids.extend((outcome.index << _SHIFT) + k for k in range(len(found.candidates)))
        candidates.extend(found.candidates)
        raw.extend(found.raw)
    sentences = {gid: c.sentence for gid, c in zip(ids, candidates)}
    return Part(ids, candidates, raw=raw, sentences=sentences)


def _copy(candidate: facts.Candidate, **changes: Any) -> facts.Candidate:
    """A shallow copy (tasks never change their inputs), five times cheaper than
    dataclasses.replace, which runs __init__ again: this runs once per sentence."""
    copied = object.__new__(type(candidate))
    copied.__dict__.update(candidate.__dict__, **changes)
    return copied


def vocabulary_task(part: Part) -> set[str]:
    return facts.vocabulary_of(part.raw or [])


def union_task(*sets: set) -> set:
    out: set = set()
    for s in sets:
        out |= s
    return out


def weigh_task(part: Part, vocabulary: set) -> tuple[Part, facts.TermStats]:
    candidates = [_copy(c) for c in part.candidates]
    weights = facts.weigh(candidates, part.raw or [], vocabulary)
    new = Part(part.ids, candidates, clause_weights=weights, sentences=part.sentences)
    return new, facts.term_stats(candidates)


def sum_task(*values: Any) -> Any:
    total = values[0]
    for value in values[1:]:
        total = total + value
    return total


def vectors_task(part: Part, idf: dict[str, float]) -> tuple[Part, dict[str, int]]:
    candidates = [_copy(c) for c in part.candidates]
    facts.apply_idf(candidates, part.clause_weights or [], idf)
    for c in candidates:
        c.terms = {}  # in the vectors now: the weights need not stay
    return Part(part.ids, candidates, sentences=part.sentences), facts.centroid_sums(candidates)


def add_sums_task(*sums: dict[str, int]) -> dict[str, int]:
    total: dict[str, int] = {}
    for s in sums:
        total = facts.add_sums(total, s)
    return total


def quality_task(
    part: Part, centroid: tuple[dict[str, float], float], buckets: int
) -> tuple[Part, list[list]]:
    """Quality, then each candidate's text key sent to its dedupe bucket."""
    candidates = [_copy(c) for c in part.candidates]
    facts.set_quality(candidates, *centroid)
    out: list[list] = [[] for _ in range(buckets)]
    for gid, c in zip(part.ids, candidates):
        # Copies are found by a 128-bit hash of the text key: 16 bytes travel
        # instead of the sentence.
        key = c.key
        spot = Spot(c.sentence.path, c.sentence.start)
        out[zlib.crc32(key) % buckets].append((key, gid, c.quality, spot, c.echo))
    return Part(part.ids, candidates, sentences=part.sentences), out


def dedupe_task(pieces: list[list], parts: int, size: int) -> list[list]:
    """Identical sentences: pick each text's representative; send it to its partition.

    A text that is a site's template (see grouping.pick_copies) is dropped here.
    """
    records = sorted(itertools.chain.from_iterable(pieces), key=operator.itemgetter(1))
    spots = {record[1]: record[3] for record in records}
    out: list[list] = [[] for _ in range(parts)]
    for rep, same in grouping.pick_copies(records).items():
        out[_part_of(rep, size)].append((rep, [(gid, spots[gid]) for gid in same]))
    return out


def unique_task(part: Part, pieces: list[list]) -> tuple[Part, Counter]:
    """Keep the representatives; count their terms (the blocking document frequency)."""
    copies = {rep: same for piece in pieces for rep, same in piece}
    ids, candidates = [], []
    df: Counter[str] = Counter()
    for gid, c in zip(part.ids, part.candidates):
        if gid in copies:
            ids.append(gid)
            candidates.append(c)
            df.update(c.vector.keys())
    return Part(ids, candidates, sentences=part.sentences, copies=copies), df


def keys_task(part: Part, df: Counter) -> tuple[Part, Counter]:
    """Each representative's blocking keys; how many representatives each key has."""
    keys = {gid: grouping.blocking_keys(c.vector, df) for gid, c in zip(part.ids, part.candidates)}
    sizes: Counter[str] = Counter()
    for found in keys.values():
        sizes.update(found)
    return replace(part, keys=keys), sizes


def firsts_task(part: Part, sizes: Counter) -> dict[str, list[int]]:
    return grouping.first_members(((gid, part.keys[gid]) for gid in part.ids), sizes)


def block_task(part: Part, buckets: int) -> list[list]:
    """Send each representative, with its vectors, to the buckets of its blocking keys."""
    out: list[list] = [[] for _ in range(buckets)]
    for gid, c in zip(part.ids, part.candidates):
        keys = part.keys[gid]
        vectors = facts.Vectors(
            c.vector, c.clauses, c.parts, c.events, c.numbers, c.anchors, c.names, c.kinds
        )
        record = (grouping.Blocked(gid, frozenset(keys), vectors), part.copies[gid])
        for key in keys:
            out[_bucket_of(key, buckets)].append((key, record))
    return out


def pairs_task(
    pieces: list[list], thresholds: dict[str, int], parts: int, size: int, buckets: int = 1
) -> list[tuple[list, dict]]:
    """Compare the pairs this task's blocking buckets call for; send edges to both ends.

    Each partition gets its edges, and the copies of every other end once.
    """
    members: dict[str, list[int]] = {}
    blocked: dict[int, grouping.Blocked] = {}
    copies_of: dict[int, list] = {}
    for piece in pieces:
        for key, (record, same) in piece:
            members.setdefault(key, []).append(record.gid)
            blocked.setdefault(record.gid, record)
            copies_of.setdefault(record.gid, same)
    owns = None
    if buckets > 1 and members:
        mine = _bucket_of(next(iter(members)), buckets)
        owns = lambda key: _bucket_of(key, buckets) == mine  # noqa: E731
    edges: list[list] = [[] for _ in range(parts)]
    copies: list[dict] = [{} for _ in range(parts)]
    for i, j, sim in grouping.compare_blocked(members, blocked, thresholds, owns):
        home_i, home_j = _part_of(i, size), _part_of(j, size)
        edges[home_i].append((i, j, sim))
        edges[home_j].append((j, i, sim))
        copies[home_i].setdefault(j, copies_of[j])
        copies[home_j].setdefault(i, copies_of[i])
    return list(zip(edges, copies))


def groups_task(part: Part, pieces: list[tuple[list, dict]]) -> Part:
    """Each representative's star group, in rank order."""
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
        group = grouping.star_group(
            gid,
            c.quality,
            copy_ids[gid],
            sorted(near.get(gid, {}).items()),
            copy_ids.__getitem__,
            spots.__getitem__,
        )
        groups.append((grouping.rank_key(group, c), group, c))
    groups.sort(key=operator.itemgetter(0))
    return Part(part.ids, [], sentences=part.sentences, groups=groups)


def page_task(part: Part, start: int, count: int) -> list:
    return (part.groups or [])[start : start + count]


def sentences_task(part: Part, ids: list[int]) -> list[Sentence]:
    return [part.sentences[gid] for gid in ids]


# --- the plan ---------------------------------------------------------------------------------


def group_and_rank(
    executor: Executor, parts: list, layout: Layout, count: int | None, every: bool = False
) -> tuple[list[grouping.Group], dict[int, facts.Candidate]]:
    """The chosen groups, and the candidates they name (with ``every``: all candidates).

    ``parts`` are handles of Part states (after reading); the list is emptied.
    ``count`` None
    chooses every group that is not redundant.
    """
    submit = executor.submit
    width, size = layout.buckets, layout.partition_size
    # 1. Weights (with the corpus vocabulary), idf, vectors, centroid, quality.
    vocabulary = _tree(executor, [submit(vocabulary_task, p) for p in parts], union_task)
    weighed = [submit(weigh_task, p, vocabulary) for p in parts]
    # The read states (their content terms) are needed by nothing else: let them
    # go, here and in the caller, once weighed.
    n_parts = len(parts)
    parts.clear()
    states = [submit(operator.getitem, f, 0) for f in weighed]
    stats = _tree(executor, [submit(operator.getitem, f, 1) for f in weighed], sum_task)
    idf = submit(facts.idf_weights, stats)
    vectors = [submit(vectors_task, s, idf) for s in states]
    states = [submit(operator.getitem, f, 0) for f in vectors]
    sums = _tree(executor, [submit(operator.getitem, f, 1) for f in vectors], add_sums_task)
    centroid = submit(facts.centroid_of, sums)
    quality = [submit(quality_task, s, centroid, width) for s in states]
    states = [submit(operator.getitem, f, 0) for f in quality]
    scored = states if every else []
    del weighed, vectors

    # 2. Identical sentences: shuffle by text; a site's templates go;
    #    representatives go home.
    dedupe = _shuffle(
        executor,
        [submit(operator.getitem, f, 1) for f in quality],
        width,
        dedupe_task,
        n_parts,
        size,
    )
    unique = [
        submit(unique_task, s, pieces)
        for s, pieces in zip(states, _pieces(executor, dedupe, n_parts))
    ]
    states = [submit(operator.getitem, f, 0) for f in unique]
    df = _tree(executor, [submit(operator.getitem, f, 1) for f in unique], sum_task)
    del quality, dedupe

    # 3. Blocking: each representative's keys; the overflowing buckets'
    #    thresholds (a small reduction); a shuffle by key, where each bucket
    #    compares its pairs; edges go home to both ends.
    keyed = [submit(keys_task, s, df) for s in states]
    states = [submit(operator.getitem, f, 0) for f in keyed]
    sizes = _tree(executor, [submit(operator.getitem, f, 1) for f in keyed], sum_task)
    firsts = _tree(
        executor, [submit(firsts_task, s, sizes) for s in states], grouping.merge_first_members
    )
    thresholds = submit(grouping.bucket_thresholds, firsts)
    blocked = [submit(block_task, s, width) for s in states]
    edges = _shuffle(executor, blocked, width, pairs_task, thresholds, n_parts, size, width)
    together = getattr(executor, "run_together", None)
    if together is not None:
        together(edges)  # the buckets side by side, where the executor can
    grouped = [
        submit(groups_task, s, pieces)
        for s, pieces in zip(states, _pieces(executor, edges, n_parts))
    ]
    del unique, keyed, blocked, edges, states

    # 4. Rank: merge the partitions' ranked groups, reading pages as needed;
    #    then fetch the chosen facts' sentences from their partitions.
    centres: dict[int, facts.Candidate] = {}
    # a page holds as many ranked groups as the ranking reads per fact asked (its pool)
    page = max(grouping.POOL_PER_FACT * (count or 0), grouping.MIN_POOL)

    def ranked() -> Iterator[grouping.Group]:
        streams = [_pages(executor, g, page) for g in grouped]
        for _key, group, centre in heapq.merge(*streams, key=operator.itemgetter(0)):
            centres[group.representative] = centre
            yield group

    chosen = grouping.choose_groups(ranked(), centres, count)
    wanted = sorted({gid for g in chosen for gid in g.members})
    by_part: dict[int, list[int]] = {}
    for gid in wanted:
        by_part.setdefault(_part_of(gid, size), []).append(gid)
    fetched = {p: submit(sentences_task, grouped[p], ids) for p, ids in by_part.items()}
    candidates: dict[int, facts.Candidate] = {}
    for p, handle in fetched.items():
        for gid, sentence in zip(by_part[p], executor.fetch(handle)):
            candidates[gid] = centres.get(gid) or facts.Candidate(sentence=sentence)
    for handle in scored:
        part = executor.fetch(handle)
        candidates.update(zip(part.ids, part.candidates))
    return chosen, candidates


def digest(
    executor: Executor,
    items: Sequence[InputItem],
    job: Job,
    layout: Layout,
    on_outcome: Callable[[Outcome], None],
    progress: Callable[[int, int], None] | None = None,
) -> tuple[list[Fact], list[DigestSource]]:
    """(facts, sources) of the digest; every input's outcome goes to ``on_outcome``."""
    indexed = list(enumerate(items))
    size = layout.partition_size
    parts = [indexed[i : i + size] for i in range(0, len(indexed), size)]
    if not parts:
        return [], []
    submit = executor.submit

    # Read, prepare, candidates. Wait for all: a partition lost for good is
    # reported input by input and the digest goes on without it.
    mapper = getattr(executor, "mapper", None)  # the local executor's process pool
    read = [
        submit(read_task, part, job, executor.workspace, executor.isolate, mapper) for part in parts
    ]
    reports = [submit(operator.getitem, r, 0) for r in read]
    states = [submit(operator.getitem, r, 1) for r in read]
    outcomes: dict[int, list[Outcome]] = {}
    for p, report, lost in executor.reports(reports, parts, progress):
        outcomes[p] = report.outcomes
        if lost:
            states[p] = submit(empty_part)
    sources = []
    for p in range(len(parts)):
        for outcome in outcomes[p]:
            on_outcome(outcome)
            if outcome.source is not None:
                sources.append(outcome.source)
    del read, reports

    chosen, candidates = group_and_rank(executor, states, layout, job.facts)
    return translate_facts(executor, chosen, candidates, job), sources


def translate_facts(
    executor: Executor,
    chosen: list[grouping.Group],
    candidates: dict[int, facts.Candidate],
    job: Job,
) -> list[Fact]:
    """The chosen groups as facts, their representatives translated in one batch."""
    jobs = []
    for group in chosen:
        rep = candidates[group.representative]
        jobs.append((rep.language, rep.sentence))
    texts, decoded, notes = executor.fetch(
        executor.submit(translate_task, jobs, job, executor.workspace)
    )
    executor.decoded += decoded
    executor.note(notes)
    out = []
    for group, text in zip(chosen, texts):
        rep = candidates[group.representative]
        out.append(
            Fact(
                text=text,
                support=group.support,
                sentences=tuple(candidates[i].sentence for i in group.members),
                language=rep.language,
                score=group.score,
            )
        )
    return out


# --- plumbing ----------------------------------------------------------------------------------


def _tree(executor: Executor, handles: list, combine: Callable, fan: int = 8) -> Any:
    """Reduce handles in a tree of tasks, to one handle."""
    if not handles:
        return executor.submit(combine)
    while len(handles) > 1:
        handles = [
            executor.submit(combine, *handles[i : i + fan]) for i in range(0, len(handles), fan)
        ]
    return handles[0]


def _shuffle(executor: Executor, outputs: list, buckets: int, reduce: Callable, *args: Any) -> list:
    """An all-to-all shuffle: reducer r gets bucket r of every output."""
    pieces = _pieces(executor, outputs, buckets)
    return [executor.submit(reduce, bucket, *args) for bucket in pieces]


def _pieces(executor: Executor, outputs: list, buckets: int) -> list[list]:
    """pieces[r] = [bucket r of each output], each a small task next to its output."""
    return [[executor.submit(operator.getitem, out, r) for out in outputs] for r in range(buckets)]


def _pages(executor: Executor, state: Any, page: int) -> Iterator[Any]:
    """A partition's ranked groups, a page at a time; the first page is asked at once."""
    handle = executor.submit(page_task, state, 0, page)
    start = 0
    while True:
        batch = executor.fetch(handle)
        start += page
        if len(batch) == page:
            handle = executor.submit(page_task, state, start, page)
        yield from batch
        if len(batch) < page:
            return
