"""The key-facts digest: group sentences that state the same fact across articles.

1. Candidates are each article's kept, full sentences (no headings, no
   fragments); cleaning already removed comments, menus and newsletters.
2. Each candidate becomes a sparse vector of content terms: stop words go,
   words are stemmed, German compounds also count as their known parts
   ("Partnerschaftsabkommen" also counts as "abkommen"), numbers count 1.5x,
   and every term is weighted by its inverse document frequency, so shared
   names, numbers and rare words decide similarity.
3. Two sentences state the same fact when their cosine similarity reaches
   GROUP_THRESHOLD and they share MIN_SHARED_TERMS content terms. A sentence
   is compared only with sentences that share one of its rarest terms (a
   blocking index with bounded lists), never with all others.
4. Every sentence is the centre of a candidate fact whose group is itself
   plus the sentences that state the same fact (star clustering: no chains,
   and a sentence stating two facts can support both). Facts are ranked by
   how many distinct files support them, then by quality: centrality
   (similarity to the corpus centroid), lead position, self-containedness,
   length and agreement with its group. The top K are taken with redundant
   ones skipped, each shown by its centre sentence.

Every step is a function of a slice of the candidates plus a few corpus-wide
totals (the vocabulary, term counts, an exactly summed centroid), and the
blocking comparisons are defined bucket by bucket (compare_bucket), so one
plan (summarize.run.digest_plan) runs these steps over partitions: the whole
input as one partition in this process, or many on a Dask cluster with
shuffles by text and by blocking key, with the same facts either way.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..results import Sentence
from ..words import stemmer, stop_words, text_key, tokenize
from .summary import prefilter, worth_ranking

DEFAULT_FACTS = 12
# Per article, at most this many sentences compete to be facts (a linear
# pre-ranking picks them), so one huge input cannot swamp time or memory.
MAX_CANDIDATES = 200
# Cosine similarity (IDF-weighted content terms, or of two clauses) at which
# two sentences count as stating the same fact. Tuned by reading the pairs
# `summarize inspect --groups` prints for the samples: reports of the signing
# (0.31) and paraphrases of the assistance clause ("verpflichtet zu
# gegenseitigem Beistand im Falle einer Aggression" / "verpflichtet zur
# gegenseitigen Unterstützung im Falle einer Aggression", 0.20) merge;
# sentences sharing only stock phrases or the topic's frequent names mostly
# score 0.13-0.18 and stay apart. Sentences sharing only rare names and a
# title ("Außenminister Sergej Lawrow") can still merge: lexical grouping
# cannot tell who-did-what apart.
GROUP_THRESHOLD = 0.18
# How much a term found in every article is damped (weight / (1 + this)).
TOPIC_DAMPING = 2.0
# Two sentences must also share this many content terms: one rare shared
# word can make a short pair similar without them stating the same thing.
# Short sentences state a fact in fewer words, but letting two shared words
# suffice for them merged pairs of stock phrases ("weitreichende Konsequenzen")
# far more often than it found real matches.
MIN_SHARED_TERMS = 3
# Two chosen facts whose sentences are this similar say the same thing; the
# better supported one stays.
REDUNDANCY_THRESHOLD = GROUP_THRESHOLD
# A match between single clauses counts a little less than between sentences.
CLAUSE_WEIGHT = 0.8
# Blocking: each sentence is indexed under its few rarest terms, and each
# index list is capped, so the work per sentence is bounded on any corpus.
BLOCK_TERMS = 6
BLOCK_LIMIT = 64
# Below this length a word part is too short to be a meaningful compound part.
_MIN_PART = 5
# Sentences opening with these lean on the sentence before: poor stand-alone facts.
_ANAPHORA = frozenset(
    "dies diese dieser dieses das er sie es damit dabei dadurch deshalb daher dazu "
    "this these that those it he she they such there".split()
)
_DIGIT = re.compile(r"\d")
# Words that mark a sentence as speculation or commentary rather than a
# reported fact, German and English.
_HEDGES = frozenset(
    "könnte könnten dürfte dürften würde würden möglicherweise wahrscheinlich vermutlich "
    "scheint scheinen offenbar potenziell eventuell vielleicht "
    "could might may would likely possibly perhaps probably seems seem appears".split()
)
# Where a sentence's clauses meet: punctuation, dashes and coordinating words.
# Two sentences that share one clause's fact are similar even when the rest
# of each sentence says other things.
_CLAUSE_BREAK = re.compile(
    r"[,;:]\s+|\s+[–—-]\s+|\s+(?:und|oder|aber|sondern|and|or|but)\s+", re.IGNORECASE
)
_MIN_CLAUSE_WORDS = 4


@dataclass
class Vectors:
    """What comparing two sentences needs of each (see related)."""

    vector: dict[str, float] = field(default_factory=dict)  # term -> idf weight, unit length
    clauses: list[dict[str, float]] = field(default_factory=list)  # per clause, if several
    # Terms that are part of a longer term of the same sentence (the "macht" of
    # "Machtverhältnis"): sharing them as well as the whole proves nothing more.
    parts: frozenset[str] = frozenset()


@dataclass(kw_only=True)
class Candidate(Vectors):
    """A sentence that may state a key fact, with what grouping and ranking know of it."""

    sentence: Sentence
    language: str = ""
    position: float = 0.0  # 0 for an article's first sentence, 1 for its last
    terms: dict[str, float] = field(default_factory=dict)  # term -> weight (before idf)
    quality: float = 0.0


@dataclass
class Group:
    members: list[int]  # candidate indices, in the order they joined
    representative: int = -1
    support: int = 0
    score: float = 0.0


# --- candidates and vectors ---------------------------------------------------


def fact_candidates(articles: Sequence) -> list[Candidate]:
    """Full kept sentences of every article; each text once per article."""
    return [c for article in articles for c in article_candidates(article)]


def article_candidates(article) -> list[Candidate]:
    """One article's candidates; depends on nothing but the article."""
    out: list[Candidate] = []
    pool = [s for s in article.sentences if worth_ranking(s) and not _is_question(s.text)]
    if len(pool) > MAX_CANDIDATES:
        pool = prefilter(pool, article.language, MAX_CANDIDATES)
    seen: set[str] = set()
    last = max(len(pool) - 1, 1)
    for i, sentence in enumerate(pool):
        key = text_key(sentence.text)
        if key in seen:  # a headline or teaser repeated inside one article
            continue
        seen.add(key)
        out.append(Candidate(sentence=sentence, language=article.language, position=i / last))
    return out


def _content_terms(text: str, language: str) -> list[str]:
    stem = stemmer(language)
    stops = stop_words(language)
    terms = []
    for token in tokenize(text):
        lower = token.lower()
        if lower in stops or (len(lower) < 2 and not lower.isdigit()):
            continue
        terms.append(stem(lower))
    return terms


# Vectorizing is split into steps that each need only a slice of the
# candidates plus a few corpus-wide totals, so the same code runs in one
# process (vectorize, below) or over partitions on a cluster
# (summarize.executors), with identical results:
#
#   clause_terms -> vocabulary_of      (union: the words compounds split into)
#   weigh        -> TermStats          (sums: document frequency, file spread)
#   idf_weights  -> apply_idf -> centroid_sums (exact sums: the corpus centroid)
#   set_quality


def clause_terms(candidates: Sequence[Candidate]) -> list[list[list[str]]]:
    """Each candidate's content terms, clause by clause."""
    return [
        [_content_terms(clause, c.language) for clause in _clauses(c.sentence.text)]
        for c in candidates
    ]


def vocabulary_of(raw: Iterable[list[list[str]]]) -> set[str]:
    """The words long enough to be a compound's part."""
    return {t for clauses in raw for terms in clauses for t in terms if len(t) >= _MIN_PART}


def weigh(
    candidates: Sequence[Candidate], raw: Sequence[list[list[str]]], vocabulary: set[str]
) -> list[list[dict[str, float]]]:
    """Set each candidate's term weights; return its clause weights (if several clauses)."""
    parts_cache: dict[str, tuple[str, ...]] = {}
    clause_weights: list[list[dict[str, float]]] = []
    for candidate, clauses in zip(candidates, raw):
        weighted = [_weigh(terms, vocabulary, parts_cache) for terms in clauses]
        merged: dict[str, float] = {}
        for weights in weighted:
            for term, weight in weights.items():
                merged[term] = max(merged.get(term, 0.0), weight)
        candidate.terms = merged
        clause_weights.append(weighted if len(weighted) > 1 else [])
    return clause_weights


@dataclass
class TermStats:
    """Counts over some candidates; the counts of disjoint sets of files add up."""

    df: Counter[str] = field(default_factory=Counter)  # term -> candidates having it
    files: Counter[str] = field(default_factory=Counter)  # term -> files having it
    candidates: int = 0
    file_count: int = 0

    def __add__(self, other: TermStats) -> TermStats:
        df = Counter(self.df)
        df.update(other.df)
        files = Counter(self.files)
        files.update(other.files)
        return TermStats(
            df, files, self.candidates + other.candidates, self.file_count + other.file_count
        )


def term_stats(candidates: Sequence[Candidate]) -> TermStats:
    """Counts for weighed candidates; every file's candidates must be among them."""
    stats = TermStats(candidates=len(candidates))
    per_file: dict[str, set[str]] = {}
    for candidate in candidates:
        stats.df.update(candidate.terms.keys())
        per_file.setdefault(candidate.sentence.path, set()).update(candidate.terms)
    for terms in per_file.values():
        stats.files.update(terms)
    stats.file_count = len(per_file)
    return stats


def idf_weights(stats: TermStats) -> dict[str, float]:
    """Inverse document frequency, damped for the terms most files share.

    Terms most articles share are the corpus' topic (Russland, Nordkorea in
    a set of articles about their pact): they say what the articles are
    about, not which fact a sentence states, so they weigh less. On a broad
    corpus no term is in most articles and nothing changes.
    """
    file_count = stats.file_count
    total = stats.candidates
    idf = {}
    for term, count in stats.df.items():
        spread = stats.files[term] / file_count if file_count >= 3 else 0.0
        damping = 1.0 + TOPIC_DAMPING * spread * spread
        idf[term] = math.log((total + 1) / (count + 0.5)) / damping
    return idf


def apply_idf(
    candidates: Sequence[Candidate],
    clause_weights: Sequence[list[dict[str, float]]],
    idf: Mapping[str, float],
) -> None:
    """Set each candidate's unit vectors (sentence and clauses) and compound parts."""
    for candidate, weighted in zip(candidates, clause_weights):
        candidate.vector = _unit(candidate.terms, idf)
        candidate.clauses = [_unit(weights, idf) for weights in weighted]
        candidate.parts = frozenset(
            t for t in candidate.terms if any(t != u and t in u for u in candidate.terms)
        )


# The centroid is a sum over every candidate. Summed as exact fixed-point
# integers (every float is an integer multiple of 2**-1074) it is the same
# whatever the order and however the candidates are split: one process and
# a cluster agree to the last bit.
_FIXED = 1074


def centroid_sums(candidates: Iterable[Candidate]) -> dict[str, int]:
    """Exact sums of the candidates' vectors, as fixed-point integers."""
    sums: dict[str, int] = {}
    for candidate in candidates:
        for term, value in candidate.vector.items():
            numerator, denominator = value.as_integer_ratio()
            fixed = numerator << (_FIXED + 1 - denominator.bit_length())
            sums[term] = sums.get(term, 0) + fixed
    return sums


def add_sums(a: dict[str, int], b: dict[str, int]) -> dict[str, int]:
    out = dict(a)
    for term, value in b.items():
        out[term] = out.get(term, 0) + value
    return out


def centroid_of(sums: Mapping[str, int]) -> tuple[dict[str, float], float]:
    """The centroid (correctly rounded) and its norm."""
    centroid = {term: value / (1 << _FIXED) for term, value in sums.items()}
    norm = math.sqrt(math.fsum(v * v for v in centroid.values())) or 1.0
    return centroid, norm


def set_quality(
    candidates: Iterable[Candidate], centroid: Mapping[str, float], norm: float
) -> None:
    """Quality: centrality (similarity to the corpus centroid) times the shape factor."""
    for candidate in candidates:
        centrality = sum(v * centroid[t] for t, v in candidate.vector.items()) / norm
        candidate.quality = centrality * _shape_factor(candidate)


def vectorize(candidates: list[Candidate]) -> None:
    """Fill each candidate's IDF-weighted unit vectors (sentence, clauses) and quality."""
    raw = clause_terms(candidates)
    clause_weights = weigh(candidates, raw, vocabulary_of(raw))
    apply_idf(candidates, clause_weights, idf_weights(term_stats(candidates)))
    centroid, norm = centroid_of(centroid_sums(candidates))
    set_quality(candidates, centroid, norm)


def _clauses(text: str) -> list[str]:
    """Clauses of a sentence, each with enough words to state something."""
    clauses: list[str] = []
    for piece in _CLAUSE_BREAK.split(text):
        if (
            clauses
            and len(tokenize(piece)) < _MIN_CLAUSE_WORDS
            or clauses
            and len(tokenize(clauses[-1])) < _MIN_CLAUSE_WORDS
        ):
            clauses[-1] += " " + piece
        else:
            clauses.append(piece)
    return clauses or [text]


def _weigh(
    terms: list[str], vocabulary: set[str], parts_cache: dict[str, tuple[str, ...]]
) -> dict[str, float]:
    weights: dict[str, float] = {}
    for term in terms:
        weight = 1.5 if _DIGIT.search(term) else 1.0
        weights[term] = max(weights.get(term, 0.0), weight)
        parts = parts_cache.get(term)
        if parts is None:
            parts = _compound_parts(term, vocabulary)
            parts_cache[term] = parts
        for part in parts:
            # A part is weaker evidence than the whole word.
            weights[part] = max(weights.get(part, 0.0), 0.7)
    return weights


def _unit(weights: dict[str, float], idf: Mapping[str, float]) -> dict[str, float]:
    vector = {t: w * idf[t] for t, w in weights.items()}
    norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
    return {t: v / norm for t, v in vector.items()}


def _compound_parts(term: str, vocabulary: set[str]) -> tuple[str, ...]:
    """Known words a compound starts or ends with: the head carries the meaning."""
    if len(term) < 2 * _MIN_PART + 1:
        return ()
    parts = []
    for cut in range(_MIN_PART, len(term) - _MIN_PART + 1):
        tail = term[cut:]
        if tail in vocabulary:
            parts.append(tail)  # the longest known tail: the compound's head
            break
    for cut in range(len(term) - _MIN_PART, _MIN_PART - 1, -1):
        head = term[:cut]
        if head in vocabulary:
            parts.append(head)
            break
    return tuple(p for p in parts if p != term)


def _shape_factor(candidate: Candidate) -> float:
    """Prefer early, self-contained sentences of a readable length."""
    words = tokenize(candidate.sentence.text)
    factor = 1.0 + 0.3 * (1.0 - candidate.position)
    if words and words[0].lower() in _ANAPHORA:
        factor *= 0.75
    if len(words) > 45:
        factor *= 0.8
    lowered = {w.lower() for w in words}
    if lowered & _HEDGES:
        factor *= 0.7  # speculation ("könnte", "might") is not a key fact
    if any(_DIGIT.search(w) for w in words):
        factor *= 1.15  # dates, counts and amounts make a statement checkable
    return factor


def _is_question(text: str) -> bool:
    # A question states no fact ("Ein neuer Kalter Krieg?").
    return text.rstrip("“”\"»«'’ )").endswith("?")


def _shared_count(
    a: dict[str, float], b: dict[str, float], parts: frozenset[str] = frozenset()
) -> int:
    """Shared words; the parts of a compound both share add no further evidence."""
    shared = a.keys() & b.keys()
    return len(shared) - len(shared & parts) if parts else len(shared)


def related(a: Vectors, b: Vectors) -> float:
    """How strongly two sentences state the same fact (0 when they do not)."""
    needed = MIN_SHARED_TERMS
    if len(a.vector.keys() & b.vector.keys()) < needed:
        return 0.0  # cheap exit for the common case
    parts = a.parts & b.parts
    if _shared_count(a.vector, b.vector, parts) < needed:
        return 0.0
    best = similarity(a.vector, b.vector)
    if a.clauses or b.clauses:
        for x in a.clauses or [a.vector]:
            for y in b.clauses or [b.vector]:
                if _shared_count(x, y, parts) >= needed:
                    best = max(best, CLAUSE_WEIGHT * similarity(x, y))
    return best


def similarity(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b[t] for t, v in a.items() if t in b)


# --- grouping ----------------------------------------------------------------
#
# Sentences are compared only within blocks: each is indexed under its few
# rarest terms (blocking keys), and compared with the first BLOCK_LIMIT
# sentences of each of its buckets, so the work per sentence is bounded on any
# corpus. Everything is defined per bucket, so the buckets can be spread over
# a cluster and still compare exactly the same pairs, each pair once.


def blocking_keys(vector: Mapping[str, float], df: Mapping[str, int]) -> list[str]:
    """The terms a sentence is indexed under: its BLOCK_TERMS rarest shared ones."""
    return sorted((t for t in vector if df[t] >= 2), key=lambda t: (df[t], t))[:BLOCK_TERMS]


def bucket_pairs(members: Sequence) -> Iterator[tuple]:
    """The pairs (j, i), j < i, that one blocking bucket calls for comparing.

    ``members`` are the ids of every sentence indexed under the key, sorted.
    A sentence is compared with the first BLOCK_LIMIT sentences of the bucket
    that come before it.
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


def compare_bucket(
    key: str, members: Sequence[int], blocked: Mapping[int, Blocked], thresholds: Mapping[str, int]
) -> Iterator[tuple[int, int, float]]:
    """The pairs (i, j, similarity), i later than j, that state the same fact in one bucket.

    A pair (j, i) is called for by every bucket both are in where j is among
    the first BLOCK_LIMIT members: where the bucket does not overflow, or
    where j is at most the bucket's threshold. Only the first such bucket (in
    key order) compares it, so each pair is compared once however the buckets
    are spread.
    """
    unbounded = 1 << 62
    for j, i in bucket_pairs(sorted(members)):
        shared = blocked[i].keys & blocked[j].keys
        if len(shared) > 1 and key != min(k for k in shared if j <= thresholds.get(k, unbounded)):
            continue  # compared in an earlier bucket
        # Always related(later, earlier): similarity sums in a fixed order.
        sim = related(blocked[i].vectors, blocked[j].vectors)
        if sim >= GROUP_THRESHOLD:
            yield i, j, sim


def pick_copies(keyed: Iterable[tuple[Any, Any, float, Any]]) -> dict:
    """Identical sentences, compared once: representative id -> every copy's id.

    ``keyed`` holds (text key, id, quality, spot) in id order, where a spot
    has the sentence's ``path`` and ``start``. The best copy (highest
    quality, then earliest position) stands for all of them.
    """
    copies: dict[str, list[tuple[object, float, Any]]] = {}
    for key, i, quality, spot in keyed:
        copies.setdefault(key, []).append((i, quality, spot))
    chosen = {}
    for same in copies.values():
        best = min(same, key=lambda c: (-c[1], c[2].path, c[2].start))
        chosen[best[0]] = [c[0] for c in same]
    return chosen


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
    members = [rep, *sorted(others, key=lambda j: _position_of(spot_of(j)))]
    support = len({spot_of(j).path for j in members})
    sims = [1.0] * (len(copies) - 1) + [sim for _, sim in near]
    agreement = sum(sims) / len(sims) if sims else 0.0
    return Group(
        members=members, representative=rep, support=support, score=quality * (1.0 + agreement)
    )


def _position_of(spot: Any) -> tuple[str, int]:
    return (spot.path, spot.start)


# --- ranking -------------------------------------------------------------------


def rank_key(group: Group, centre: Candidate) -> tuple[int, float, str, int]:
    """Most-supported first, then best score, then position."""
    s = centre.sentence
    return (-group.support, -round(group.score, 9), s.path, s.start)


def choose_groups(ordered: Iterable[Group], candidates: Any, count: int | None) -> list[Group]:
    """The first ``count`` of groups in rank order, skipping redundant ones.

    ``ordered`` may be lazy: it is read only as far as needed, and the
    representative of each group it yields must be in ``candidates`` by then.
    """
    chosen: list[Group] = []
    for group in ordered:
        if count is not None and len(chosen) >= count:
            break
        centre = candidates[group.representative]
        if any(
            related(centre, candidates[c.representative]) >= REDUNDANCY_THRESHOLD for c in chosen
        ):
            continue
        chosen.append(group)
    return chosen


def shared_terms(a: Vectors, b: Vectors, limit: int = 8) -> list[str]:
    """The terms that made two sentences similar, strongest first."""
    common = [(a.vector[t] * b.vector[t], t) for t in a.vector if t in b.vector]
    return [t for _, t in sorted(common, reverse=True)[:limit]]
