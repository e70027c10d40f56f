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
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from .segment import Sentence
from .summary import MIN_WORDS, prefilter
from .words import stemmer, stop_words, tokenize

DEFAULT_FACTS = 12
# Per article, at most this many sentences compete to be facts (a linear
# pre-ranking picks them), so one huge input cannot swamp time or memory.
MAX_CANDIDATES = 200
# Cosine similarity (IDF-weighted content terms) at which two sentences count
# as stating the same fact. Tuned by reading the groups `summarize inspect
# --groups` prints: at 0.22 paraphrases across outlets ("verpflichtet zu
# gegenseitigem Beistand im Falle einer Aggression" / "verpflichtet zur
# gegenseitigen Unterstützung im Falle einer Aggression") merge, while
# sentences that merely share the topic's names (Russland, Nordkorea, Putin)
# stay apart, because those names are frequent and weigh little.
GROUP_THRESHOLD = 0.15
# How much a term found in every article is damped (weight / (1 + this)).
TOPIC_DAMPING = 2.0
# Two sentences must also share this many content terms: one rare shared
# word can make a short pair similar without them stating the same thing.
MIN_SHARED_TERMS = 3
SHORT_SENTENCE_TERMS = 0
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
class Candidate:
    sentence: Sentence
    language: str
    position: float  # 0 for an article's first sentence, 1 for its last
    terms: dict[str, float] = field(default_factory=dict)  # term -> weight (before idf)
    vector: dict[str, float] = field(default_factory=dict)  # term -> idf weight, unit length
    clauses: list[dict[str, float]] = field(default_factory=list)  # per clause, if several
    # Terms that are part of a longer term of the same sentence (the "macht" of
    # "Machtverhältnis"): sharing them as well as the whole proves nothing more.
    parts: frozenset[str] = frozenset()
    quality: float = 0.0


@dataclass
class Group:
    members: list[int]  # candidate indices, in the order they joined
    representative: int = -1
    support: int = 0
    score: float = 0.0


@dataclass(frozen=True)
class Fact:
    """One key fact: its representative sentence first, then every other source."""

    text: str  # in the output language
    support: int  # distinct files stating it
    sentences: tuple[Sentence, ...]
    language: str
    score: float


@dataclass(frozen=True)
class DigestSource:
    path: str
    title: str | None
    language: str
    kept: int
    total: int


# --- candidates and vectors ---------------------------------------------------


def fact_candidates(articles: Sequence) -> list[Candidate]:
    """Full kept sentences of every article; each text once per article."""
    out: list[Candidate] = []
    for article in articles:
        pool = [
            s
            for s in article.sentences
            if not s.heading and len(tokenize(s.text)) >= MIN_WORDS and not _is_question(s.text)
        ]
        if len(pool) > MAX_CANDIDATES:
            pool = prefilter(pool, article.language, MAX_CANDIDATES)
        seen: set[str] = set()
        last = max(len(pool) - 1, 1)
        for i, sentence in enumerate(pool):
            key = " ".join(tokenize(sentence.text.lower()))
            if key in seen:  # a headline or teaser repeated inside one article
                continue
            seen.add(key)
            out.append(Candidate(sentence, article.language, i / last))
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


def vectorize(candidates: list[Candidate]) -> None:
    """Fill each candidate's IDF-weighted unit vectors (sentence, clauses) and quality."""
    raw = [
        [_content_terms(clause, c.language) for clause in _clauses(c.sentence.text)]
        for c in candidates
    ]
    vocabulary = {t for clauses in raw for terms in clauses for t in terms if len(t) >= _MIN_PART}
    parts_cache: dict[str, tuple[str, ...]] = {}
    clause_weights: list[list[dict[str, float]]] = []
    df: Counter[str] = Counter()
    for candidate, clauses in zip(candidates, raw):
        weighted = [_weigh(terms, vocabulary, parts_cache) for terms in clauses]
        merged: dict[str, float] = {}
        for weights in weighted:
            for term, weight in weights.items():
                merged[term] = max(merged.get(term, 0.0), weight)
        candidate.terms = merged
        clause_weights.append(weighted if len(weighted) > 1 else [])
        df.update(merged.keys())
    idf = _idf(candidates, df)
    centroid: Counter[str] = Counter()
    for candidate, weighted in zip(candidates, clause_weights):
        candidate.vector = _unit(candidate.terms, idf)
        candidate.clauses = [_unit(weights, idf) for weights in weighted]
        candidate.parts = frozenset(
            t for t in candidate.terms if any(t != u and t in u for u in candidate.terms)
        )
        centroid.update(candidate.vector)
    centroid_norm = math.sqrt(sum(v * v for v in centroid.values())) or 1.0
    for candidate in candidates:
        centrality = sum(v * centroid[t] for t, v in candidate.vector.items()) / centroid_norm
        candidate.quality = centrality * _shape_factor(candidate)


def _clauses(text: str) -> list[str]:
    """Clauses of a sentence, each with enough words to state something."""
    clauses: list[str] = []
    for piece in _CLAUSE_BREAK.split(text):
        if clauses and len(tokenize(piece)) < _MIN_CLAUSE_WORDS:
            clauses[-1] += " " + piece
        elif clauses and len(tokenize(clauses[-1])) < _MIN_CLAUSE_WORDS:
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


def _idf(candidates: list[Candidate], df: Counter[str]) -> dict[str, float]:
    # Terms most articles share are the corpus' topic (Russland, Nordkorea in
    # a set of articles about their pact): they say what the articles are
    # about, not which fact a sentence states, so they weigh less. On a broad
    # corpus no term is in most articles and nothing changes.
    files: dict[str, set[str]] = {}
    for candidate in candidates:
        for term in candidate.terms:
            files.setdefault(term, set()).add(candidate.sentence.path)
    file_count = len({c.sentence.path for c in candidates})
    total = len(candidates)
    idf = {}
    for term, count in df.items():
        spread = len(files[term]) / file_count if file_count >= 3 else 0.0
        damping = 1.0 + TOPIC_DAMPING * spread * spread
        idf[term] = math.log((total + 1) / (count + 0.5)) / damping
    return idf


def _unit(weights: dict[str, float], idf: dict[str, float]) -> dict[str, float]:
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


def related(a: Candidate, b: Candidate) -> float:
    """How strongly two sentences state the same fact (0 when they do not)."""
    needed = _needed_shared(a.vector, b.vector)
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


def _needed_shared(a: dict[str, float], b: dict[str, float]) -> int:
    # Short sentences state a fact in fewer words, but letting two shared
    # words suffice for them merged pairs of stock phrases ("weitreichende
    # Konsequenzen") far more often than it found real matches: off by default.
    if min(len(a), len(b)) <= SHORT_SENTENCE_TERMS:
        return MIN_SHARED_TERMS - 1
    return MIN_SHARED_TERMS


def similarity(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b[t] for t, v in a.items() if t in b)


# --- grouping ----------------------------------------------------------------


def find_neighbours(
    candidates: list[Candidate], among: list[int]
) -> dict[int, list[tuple[int, float]]]:
    """For each candidate in ``among``, the others there that state the same fact.

    Pairs are only compared within blocks: each sentence is indexed under its
    few rarest terms and compared with the sentences already in those
    buckets, each bucket capped, so the work per sentence is bounded.
    """
    df: Counter[str] = Counter()
    for i in among:
        df.update(candidates[i].vector.keys())
    neighbours: dict[int, list[tuple[int, float]]] = {i: [] for i in among}
    index: dict[str, list[int]] = {}
    for i in among:
        candidate = candidates[i]
        vector = candidate.vector
        keys = sorted((t for t in vector if df[t] >= 2), key=lambda t: (df[t], t))[:BLOCK_TERMS]
        others: set[int] = set()
        for key in keys:
            others.update(index.get(key, ()))
        for j in sorted(others):
            sim = related(candidate, candidates[j])
            if sim >= GROUP_THRESHOLD:
                neighbours[i].append((j, sim))
                neighbours[j].append((i, sim))
        for key in keys:
            bucket = index.setdefault(key, [])
            if len(bucket) < BLOCK_LIMIT:
                bucket.append(i)
    return neighbours


def group_candidates(candidates: list[Candidate]) -> list[Group]:
    """One group per candidate: the candidate and every neighbour (star clustering).

    A sentence may support several facts (a long sentence often states two),
    and no group grows by chaining: every member is similar to the centre.
    """
    # Identical sentences (agency copy run by several outlets, a repeated
    # paragraph) are compared once; each stands for all its copies.
    copies: dict[str, list[int]] = {}
    for i, candidate in enumerate(candidates):
        copies.setdefault(_text_key(candidate.sentence.text), []).append(i)
    unique = []
    copies_of: dict[int, list[int]] = {}
    for same in copies.values():
        best = min(same, key=lambda i: (-candidates[i].quality, _position(candidates[i])))
        unique.append(best)
        copies_of[best] = same
    unique.sort()
    groups = []
    for i, near in find_neighbours(candidates, unique).items():
        others = [k for k in copies_of[i] if k != i]
        others += [k for j, _ in near for k in copies_of[j]]
        members = [i, *sorted(others, key=lambda j: _position(candidates[j]))]
        support = len({candidates[j].sentence.path for j in members})
        sims = [1.0] * (len(copies_of[i]) - 1) + [sim for _, sim in near]
        agreement = sum(sims) / len(sims) if sims else 0.0
        groups.append(
            Group(
                members=members,
                representative=i,
                support=support,
                score=candidates[i].quality * (1.0 + agreement),
            )
        )
    return groups


def _text_key(text: str) -> str:
    return " ".join(tokenize(text.lower()))


def _position(candidate: Candidate) -> tuple[str, int]:
    return (candidate.sentence.path, candidate.sentence.start)


# --- ranking -------------------------------------------------------------------


def rank_groups(groups: list[Group], candidates: list[Candidate], count: int | None) -> list[Group]:
    """Most-supported first, then best score; a fact too similar to a chosen one is skipped."""

    def key(g: Group) -> tuple[int, float, str, int]:
        s = candidates[g.representative].sentence
        return (-g.support, -round(g.score, 9), s.path, s.start)

    chosen: list[Group] = []
    for group in sorted(groups, key=key):
        if count is not None and len(chosen) >= count:
            break
        centre = candidates[group.representative]
        if any(
            related(centre, candidates[c.representative]) >= REDUNDANCY_THRESHOLD for c in chosen
        ):
            continue
        chosen.append(group)
    return chosen


def select_facts(
    articles: Sequence, count: int | None = DEFAULT_FACTS
) -> tuple[list[Group], list[Candidate]]:
    """The top ``count`` facts of a set of articles (all, if None), and their candidates."""
    candidates = fact_candidates(articles)
    if not candidates:
        return [], candidates
    vectorize(candidates)
    return rank_groups(group_candidates(candidates), candidates, count), candidates


def shared_terms(a: Candidate, b: Candidate, limit: int = 8) -> list[str]:
    """The terms that made two sentences similar, strongest first."""
    common = [(a.vector[t] * b.vector[t], t) for t in a.vector if t in b.vector]
    return [t for _, t in sorted(common, reverse=True)[:limit]]
