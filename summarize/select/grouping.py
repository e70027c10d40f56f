"""The key-facts digest, part two: which sentences state the same fact, and which facts lead.

- Same fact: two sentences state the same fact when they say the same thing
  happened to the same people, not merely name the same people or numbers:
  - they share MIN_SHARED_TERMS content terms and their vectors are similar
    (cosine, or of two clauses, at least GROUP_THRESHOLD);
  - they share evidence of what happened: an event word (a verb, participle or
    noun of action: "unterzeichnet", "Unterzeichnung") or a number standing with
    the same words ("2.100 Flüchtlinge"); and a second piece (another event word
    or number, the same weekday or date) unless they share a long context;
  - nothing contradicts: not different weekdays, months, years or dates, not
    different values of what a number counts (38.64 against 39.59 percent), not
    a part against its whole ("drei seiner elf Nominierungen" against "elf
    Nominierungen"), and not different people (no name or noun in common).
- Identical sentences are compared once; the same sentence in several documents
  whose articles say nothing else about it (an imprint, a newsletter blurb, a
  site's notice on pages of different stories) is the site's template, not a
  fact, and is left out. Agency copy that several outlets run is about what
  the rest of each article is about, and stays.
- Blocking: each sentence is compared only with the sentences that share one of its
  rarest terms, in buckets of bounded size, so nothing is compared all against all.
  Everything is defined per bucket, so the buckets can be spread over a cluster and
  still compare exactly the same pairs, each pair once.
- Star groups: every sentence is the centre of a fact made of itself and the
  sentences that state the same fact (no chains: every member is like the centre).
- Ranking: a fact's score is its centre's quality, raised for each further source
  (up to a bound, so support alone never lifts a vague sentence over hard news) and
  for how well its sources agree. The top facts are chosen greedily for importance
  and novelty (maximal marginal relevance): a fact that states one already chosen
  is skipped, one on what is already shown (by word overlap) counts less, and each
  fact from an article already quoted counts a little less, so the digest covers
  the different stories and articles.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .digest import Candidate, Vectors
from .evidence import PART

# Cosine similarity (IDF-weighted content terms, or of two clauses) at which
# two sentences can state the same fact.
GROUP_THRESHOLD = 0.15
# Two sentences must share this many content terms, and this much evidence
# of what happened: event words, numbers with the same words, the same
# weekday or date (at least one an event word or number).
MIN_SHARED_TERMS = 3
MIN_EVIDENCE = 2
# ... or one piece of evidence in a long shared context ("Putin unterzeichnete
# ein Abkommen mit Kim" and "Putin und Kim haben mit der Unterzeichnung eines
# Abkommens ...").
MANY_SHARED_TERMS = 6
_TIMES = ("day=", "date=")
# Two chosen facts whose sentences are this similar say the same thing; the
# better one stays.
REDUNDANCY_THRESHOLD = GROUP_THRESHOLD
# A match between single clauses counts a little less than between sentences.
CLAUSE_WEIGHT = 0.8
# Blocking: each sentence is indexed under its few rarest terms, and each
# index list is capped, so the work per sentence is bounded on any corpus.
BLOCK_TERMS = 6
BLOCK_LIMIT = 64
# A fact stated by more sources scores higher, by this much per further source,
# for at most this many further sources.
SUPPORT_BONUS = 0.3
SUPPORT_CAP = 3
# Choosing: a fact whose article already gave a fact counts this much less per
# such fact; its likeness to the closest chosen fact costs this share of its score.
ARTICLE_DECAY = 0.7
NOVELTY_WEIGHT = 1.0
# How many facts, per fact asked for, compete in the choice.
POOL_PER_FACT = 4
MIN_POOL = 64
# The same sentence in several documents, with less than this share of its
# words found elsewhere in its articles, is a site's template.
TEMPLATE_ECHO = 0.2


@dataclass
class Group:
    members: list[int]  # candidate ids, the centre first
    representative: int = -1
    support: int = 0
    score: float = 0.0


# --- the same fact ---------------------------------------------------------------


def related(a: Vectors, b: Vectors) -> float:
    """How strongly two sentences state the same fact (0 when they do not)."""
    shared = a.vector.keys() & b.vector.keys()
    if len(shared) < MIN_SHARED_TERMS:
        return 0.0  # cheap exit for the common case
    parts = a.parts & b.parts
    count = len(shared) - len(shared & parts)
    if count < MIN_SHARED_TERMS:
        return 0.0
    what, evidence = _evidence(a, b, parts)
    if what < 1 or (evidence < MIN_EVIDENCE and count < MANY_SHARED_TERMS):
        return 0.0
    if a.names and b.names and not a.names & b.names:
        return 0.0  # the same happened to different people: "Rapid gewann" and "Salzburg gewann"
    if _contradict(a.kinds, b.kinds) or _part_and_whole(a, b) or _part_and_whole(b, a):
        return 0.0
    best = similarity(a.vector, b.vector)
    if a.clauses or b.clauses:
        for x in a.clauses or [a.vector]:
            for y in b.clauses or [b.vector]:
                common = x.keys() & y.keys()
                if len(common) - len(common & parts) >= MIN_SHARED_TERMS:
                    best = max(best, CLAUSE_WEIGHT * similarity(x, y))
    return best


def _evidence(a: Vectors, b: Vectors, parts: frozenset[str]) -> tuple[int, int]:
    """What both say happened: (event words and numbers that stand with the same
    words in both, those plus the times both give)."""
    events = len((a.events & b.events) - parts)
    numbers = 0
    if a.numbers and b.numbers:
        numbers = sum(1 for n in a.numbers.keys() & b.numbers.keys() if a.numbers[n] & b.numbers[n])
    times = 0
    if a.anchors and b.anchors:
        times = len({x for x in a.anchors & b.anchors if x.startswith(_TIMES)})
    return events + numbers, events + numbers + times


def _contradict(a: Mapping[str, frozenset[str]], b: Mapping[str, frozenset[str]]) -> bool:
    """Both give a kind of anchor (a weekday, a year, what a number counts) and
    no value of it is the same: Sunday against Thursday, 38.64 against 39.59 percent.

    ``a`` and ``b`` are the anchors by kind (Vectors.kinds)."""
    if not a or not b:
        return False
    return any(kind in a and not values & a[kind] for kind, values in b.items())


def _part_and_whole(a: Vectors, b: Vectors) -> bool:
    """One states a part of a whole that the other states alone: "won three of its
    twelve nominations" is another fact than "goes in with twelve nominations"."""
    wholes = a.kinds.get(PART)
    if not wholes:
        return False
    return any(whole in b.numbers and f"{PART}={whole}" not in b.anchors for whole in wholes)


def _shared_count(
    a: dict[str, float], b: dict[str, float], parts: frozenset[str] = frozenset()
) -> int:
    """Shared words; the parts of a compound both share add no further evidence."""
    shared = a.keys() & b.keys()
    return len(shared) - len(shared & parts) if parts else len(shared)


def similarity(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    # A list, not a generator: the same additions in the same order, faster.
    return sum([v * b[t] for t, v in a.items() if t in b])


def shared_terms(a: Vectors, b: Vectors, limit: int = 8) -> list[str]:
    """The terms that made two sentences similar, strongest first."""
    common = [(a.vector[t] * b.vector[t], t) for t in a.vector if t in b.vector]
    return [t for _, t in sorted(common, reverse=True)[:limit]]


# --- blocking -------------------------------------------------------------------


def blocking_keys(vector: Mapping[str, float], df: Mapping[str, int]) -> list[str]:
    """The terms a sentence is indexed under: its BLOCK_TERMS rarest shared ones."""
    return sorted((t for t in vector if df[t] >= 2), key=lambda t: (df[t], t))[:BLOCK_TERMS]


def bucket_pairs(members: Sequence) -> Iterator[tuple]:
    """The pairs (j, i), j < i, that one blocking bucket calls for comparing.

    ``members`` are the ids of every sentence indexed under the key, sorted.
    A sentence is compared with the first BLOCK_LIMIT sentences of the bucket
    that come before it. (compare_blocked finds the same pairs, all buckets at once.)
    """
    first = members[:BLOCK_LIMIT]
    for position, i in enumerate(members):
        for j in first[: min(position, BLOCK_LIMIT)]:
            yield j, i


def first_members(keyed: Iterable[tuple[int, Sequence[str]]], sizes: Mapping[str, int]) -> dict:
    """For each overflowing bucket, its first BLOCK_LIMIT members of ``keyed`` (id order)."""
    firsts: dict[str, list[int]] = {}
    for gid, keys in keyed:
        for key in keys:
            if sizes[key] > BLOCK_LIMIT:
                members = firsts.setdefault(key, [])
                if len(members) < BLOCK_LIMIT:
                    members.append(gid)
    return firsts


def merge_first_members(*firsts: dict[str, list[int]]) -> dict[str, list[int]]:
    merged: dict[str, list[int]] = {}
    for part in firsts:
        for key, members in part.items():
            merged[key] = sorted(merged.get(key, []) + members)[:BLOCK_LIMIT]
    return merged


def bucket_thresholds(firsts: Mapping[str, list[int]]) -> dict[str, int]:
    """Overflowing bucket -> the id of its last compared member (the BLOCK_LIMIT-th)."""
    return {key: members[-1] for key, members in firsts.items()}


@dataclass(frozen=True)
class Blocked:
    """A representative sentence as a blocking bucket sees it."""

    gid: int
    keys: frozenset[str]
    vectors: Vectors


# Pairs are generated in chunks of about this many, so the arrays stay small.
_PAIR_CHUNK = 1 << 21


def compare_blocked(
    members: Mapping[str, Sequence[int]],
    blocked: Mapping[int, Blocked],
    thresholds: Mapping[str, int],
    owns: Callable[[str], bool] | None = None,
) -> Iterator[tuple[int, int, float]]:
    """The pairs (i, j, similarity), i later than j, that state the same fact, over
    the blocking buckets ``members`` (key -> ids).

    A pair (j, i) is called for by every bucket both are in where j is among
    the first BLOCK_LIMIT members (bucket_pairs). The pairs are found on
    integer ids with numpy, every bucket at once, and each is compared once
    however many buckets call for it; a pair sharing fewer than
    MIN_SHARED_TERMS terms (on integer term ids) never reaches ``related``.
    When the buckets are spread over several tasks, ``owns(key)`` says
    whether a key's bucket is in this one: a pair is compared where the first
    key (in key order) that calls for it is, so each pair once on a cluster.
    Pairs come in (i, j) order of their ids.
    """
    ids = sorted(blocked)
    if len(ids) < 2:
        return
    dense = {gid: n for n, gid in enumerate(ids)}
    terms: dict[str, int] = {}
    # Each sentence's terms and compound parts as integer ids: the filter
    # before any comparison.
    vectors = [blocked[gid].vectors for gid in ids]
    term_ids = [frozenset([terms.setdefault(t, len(terms)) for t in v.vector]) for v in vectors]
    part_ids = [frozenset([terms[t] for t in v.parts if t in terms]) for v in vectors]
    for j, i in _called_pairs(members, dense):
        shared = term_ids[i] & term_ids[j]
        if len(shared) < MIN_SHARED_TERMS:
            continue
        if len(shared) - len(part_ids[i] & part_ids[j]) < MIN_SHARED_TERMS:
            continue
        gi, gj = ids[i], ids[j]
        if owns is not None and not owns(_first_calling_key(blocked[gi], blocked[gj], thresholds)):
            continue
        # Always related(later, earlier): similarity sums in a fixed order.
        sim = related(vectors[i], vectors[j])
        if sim >= GROUP_THRESHOLD:
            yield gi, gj, sim


def _first_calling_key(i: Blocked, j: Blocked, thresholds: Mapping[str, int]) -> str:
    unbounded = 1 << 62
    return min(k for k in i.keys & j.keys if j.gid <= thresholds.get(k, unbounded))


def _called_pairs(members: Mapping[str, Sequence[int]], dense: Mapping[int, int]) -> Iterator:
    """Every pair (j, i) of dense positions, j < i, some bucket calls for; each once,
    sorted by i then j."""
    import numpy as np

    lists = [sorted(dense[gid] for gid in found) for found in members.values() if len(found) > 1]
    if not lists:
        return
    sizes = np.fromiter((len(m) for m in lists), dtype=np.int64, count=len(lists))
    flat = np.fromiter(itertools.chain.from_iterable(lists), dtype=np.int64, count=int(sizes.sum()))
    offsets = np.repeat(np.cumsum(sizes) - sizes, sizes)  # where each member's bucket starts
    position = np.arange(len(flat), dtype=np.int64) - offsets
    calls = np.minimum(position, BLOCK_LIMIT)  # how many earlier members each is compared with
    # Cut the later ends into ranges of about _PAIR_CHUNK pairs: a pair is
    # always generated with its later end, so each range is deduplicated alone.
    per_later = np.bincount(flat, weights=calls, minlength=len(dense)).cumsum()
    bounds = [0]
    while bounds[-1] < len(dense):
        reached = per_later[bounds[-1] - 1] if bounds[-1] else 0.0
        nxt = int(np.searchsorted(per_later, reached + _PAIR_CHUNK, side="right"))
        bounds.append(min(max(nxt, bounds[-1] + 1), len(dense)))
    count = len(dense)
    for low, high in zip(bounds, bounds[1:]):
        chosen = np.nonzero((flat >= low) & (flat < high) & (calls > 0))[0]
        if not len(chosen):
            continue
        n = calls[chosen]
        later = np.repeat(chosen, n)
        within = np.arange(int(n.sum()), dtype=np.int64) - np.repeat(np.cumsum(n) - n, n)
        earlier = np.repeat(offsets[chosen], n) + within
        codes = np.unique(flat[later] * count + flat[earlier])
        del later, within, earlier
        for code in codes.tolist():
            i, j = divmod(code, count)
            yield j, i


# --- identical sentences ------------------------------------------------------------


def pick_copies(keyed: Iterable[tuple[Any, Any, float, Any, float]]) -> dict:
    """Identical sentences, compared once: representative id -> every copy's id.

    ``keyed`` holds (text key, id, quality, spot, echo) in id order, where a
    spot has the sentence's ``path`` and ``start`` and echo is the share of its
    words its own article repeats elsewhere. The best copy (highest quality,
    then earliest position) stands for all of them. A sentence in several
    documents that none of them echoes is a site's template (an imprint, a
    standards notice, an advertisement), not a fact, and is left out: agency
    copy run by several outlets is about what the rest of each article is about.
    """
    copies: dict[str, list[tuple[Any, float, Any, float]]] = {}
    for key, i, quality, spot, echo in keyed:
        copies.setdefault(key, []).append((i, quality, spot, echo))
    chosen = {}
    for same in copies.values():
        if _template(same):
            continue
        best = min(same, key=lambda c: (-c[1], c[2].path, c[2].start))
        chosen[best[0]] = [c[0] for c in same]
    return chosen


def _template(same: list[tuple[Any, float, Any, float]]) -> bool:
    if len({spot.path for _, _, spot, _ in same}) < 2:
        return False
    return sum(echo for *_, echo in same) / len(same) < TEMPLATE_ECHO


# --- facts ----------------------------------------------------------------------------


def star_group(
    rep: Any,
    quality: float,
    copies: Sequence,
    near: Sequence[tuple[Any, float]],
    copies_of: Callable[[Any], Sequence],
    spot_of: Callable[[Any], Any],
) -> Group:
    """The fact centred on ``rep``: its copies and every neighbour's copies.

    A sentence may support several facts (a long sentence often states two),
    and no group grows by chaining: every member is similar to the centre.
    ``near`` lists the neighbours in id order with their similarity.
    """
    others = [k for k in copies if k != rep]
    others += [k for j, _ in near for k in copies_of(j)]
    spots = [spot_of(j) for j in others]
    # By position (path, start), ties in their order: a decorated sort, no call per item.
    order = sorted(zip([(s.path, s.start) for s in spots], range(len(others))))
    members = [rep, *[others[n] for _, n in order]]
    support = len({s.path for s in spots} | {spot_of(rep).path})
    sims = [1.0] * (len(copies) - 1) + [sim for _, sim in near]
    agreement = sum(sims) / len(sims) if sims else 0.0
    score = quality * (1.0 + SUPPORT_BONUS * min(support - 1, SUPPORT_CAP)) * (1.0 + agreement / 2)
    return Group(members=members, representative=rep, support=support, score=score)


def rank_key(group: Group, centre: Candidate) -> tuple[float, str, int]:
    """Best score first, then position."""
    s = centre.sentence
    return (-round(group.score, 9), s.path, s.start)


def choose_groups(ordered: Iterable[Group], candidates: Any, count: int | None) -> list[Group]:
    """The facts to show, in order.

    ``ordered`` yields groups best first and may be lazy: only the first
    POOL_PER_FACT * count are read, and the representative of each group it
    yields must be in ``candidates`` by then. With ``count`` None every group
    that is not redundant is taken, in rank order.
    """
    if count is None:
        chosen: list[Group] = []
        for group in ordered:
            if not _redundant(group, chosen, candidates):
                chosen.append(group)
        return chosen
    pool = []
    for group in ordered:
        pool.append(group)
        if len(pool) >= max(POOL_PER_FACT * count, MIN_POOL):
            break
    return _most_relevant_novel(pool, candidates, count)


def _most_relevant_novel(pool: list[Group], candidates: Any, count: int) -> list[Group]:
    """Greedy maximal marginal relevance over the pool, in pool order on ties."""
    chosen: list[Group] = []
    per_article: dict[str, int] = {}
    left = list(pool)
    while left and len(chosen) < count:
        best, best_value = -1, -math.inf
        for n, group in enumerate(left):
            centre = candidates[group.representative]
            others = [candidates[c.representative] for c in chosen]
            if any(related(centre, other) >= REDUNDANCY_THRESHOLD for other in others):
                continue
            # Novelty by plain word overlap: a sentence on what is already shown
            # (the same pact, in other words) gives way to one on something else.
            closest = max(
                (similarity(centre.vector, other.vector) for other in others), default=0.0
            )
            repeats = per_article.get(centre.sentence.path, 0)
            value = group.score * ARTICLE_DECAY**repeats * max(0.0, 1.0 - NOVELTY_WEIGHT * closest)
            if value > best_value:
                best, best_value = n, value
        if best < 0:
            break
        group = left.pop(best)
        chosen.append(group)
        path = candidates[group.representative].sentence.path
        per_article[path] = per_article.get(path, 0) + 1
    return chosen


def _redundant(group: Group, chosen: list[Group], candidates: Any) -> bool:
    centre = candidates[group.representative]
    return any(
        related(centre, candidates[c.representative]) >= REDUNDANCY_THRESHOLD for c in chosen
    )
