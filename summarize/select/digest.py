"""The key-facts digest, part one: candidates, what each says, and how important it is.

1. Candidates are each article's kept, full sentences (no headings, fragments or
   questions); cleaning already removed comments, menus and newsletters.
2. Each candidate becomes a sparse vector of content terms: stop words go, words are
   stemmed, German compounds also count as their known parts ("Partnerschaftsabkommen"
   also counts as "abkommen"), numbers count 1.5x, and every term is weighted by its
   inverse document frequency. Terms most articles share (the corpus' topic) and terms
   that run through most sentences of their own article (its protagonists: "Merkel" in
   every sentence of a Merkel story) weigh less: they say what a text is about, not
   which fact a sentence states.
3. Besides its vector, a candidate keeps what it says happened (summarize.select.
   evidence reads it; summarize.select.grouping compares it): event words, numbers
   with what they count, times, names.
4. Its quality is its centrality (similarity to the corpus centroid) times the shape
   factor of summarize.select.evidence: an article's lead, reports (attributed, past,
   numbers, dates) over analysis, commentary and speculation.
5. A candidate also knows its echo: the share of its words its own article uses in
   other candidates. An imprint or a standards notice has none (see grouping).

Every step is a function of a slice of the candidates plus a few corpus-wide totals
(the vocabulary, term counts, an exactly summed centroid), so one plan
(summarize.run.digest_plan) runs it over partitions: the whole input as one partition
in this process, or many on a cluster, with the same results either way.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from ..results import Sentence
from ..words import text_key, tokenize
from . import evidence
from .evidence import content_terms
from .summary import prefilter, worth_ranking

DEFAULT_FACTS = 12
# Per article, at most this many sentences compete to be facts (a linear
# pre-ranking picks them), so one huge input cannot swamp time or memory.
MAX_CANDIDATES = 200
# How much a term found in every article is damped (weight / (1 + this)).
TOPIC_DAMPING = 2.0
# How much a term found in every sentence of its own article is damped: an
# article's protagonist ("Merkel", "Putin") is in most of its sentences and says
# which story a sentence belongs to, not which fact it states.
PROTAGONIST_DAMPING = 3.0
# Below this length a word part is too short to be a meaningful compound part.
_MIN_PART = 5
_DIGIT = re.compile(r"\d")
# Where a sentence's clauses meet: punctuation, dashes and coordinating words.
# Two sentences that share one clause's fact are similar even when the rest
# of each sentence says other things.
_CLAUSE_BREAK = re.compile(
    r"[,;:]\s+|\s+[–—-]\s+|\s+(?:und|oder|aber|sondern|and|or|but)\s+", re.IGNORECASE
)
_MIN_CLAUSE_WORDS = 4


@dataclass
class Vectors:
    """What comparing two sentences needs of each (see grouping.related)."""

    vector: dict[str, float] = field(default_factory=dict)  # term -> idf weight, unit length
    clauses: list[dict[str, float]] = field(default_factory=list)  # per clause, if several
    # Terms that are part of a longer term of the same sentence (the "macht" of
    # "Machtverhältnis"): sharing them as well as the whole proves nothing more.
    parts: frozenset[str] = frozenset()
    events: frozenset[str] = frozenset()  # what happened: lower-case content words
    numbers: dict[str, frozenset[str]] = field(default_factory=dict)  # number -> its words
    anchors: frozenset[str] = frozenset()  # "day=sonntag", "year=2024", "prozent=38.64"
    # Who and what it names: its capitalised words (in German every noun, in
    # English the names).
    names: frozenset[str] = frozenset()
    # The anchors by kind ("day" -> {"sonntag"}), read once for every comparison.
    kinds: dict[str, frozenset[str]] = field(default_factory=dict)


@dataclass(kw_only=True)
class Candidate(Vectors):
    """A sentence that may state a key fact, with what grouping and ranking know of it."""

    sentence: Sentence
    language: str = ""
    position: float = 0.0  # 0 for an article's first sentence, 1 for its last
    rank: int = 0  # its place among its article's candidates (0: the first)
    echo: float = 0.0  # the share of its words its article uses in other candidates
    terms: dict[str, float] = field(default_factory=dict)  # term -> weight (before idf)
    quality: float = 0.0
    # Read from its own words when it is found (see article_candidates), so the
    # per-document stages, which may run in other processes, do this work.
    shape: float = 1.0  # evidence.shape_factor
    key: bytes = b""  # a 128-bit hash of its text key: identical sentences share it


# --- candidates ---------------------------------------------------------------


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
        candidate = Candidate(
            sentence=sentence,
            language=article.language,
            position=i / last,
            rank=len(out),
        )
        read = evidence.read(sentence.text, article.language)
        candidate.events, candidate.numbers, candidate.anchors, candidate.names = read
        candidate.kinds = anchor_kinds(candidate.anchors)
        candidate.shape = evidence.shape_factor(candidate)
        candidate.key = hashlib.blake2b(key.encode("utf-8"), digest_size=16).digest()
        out.append(candidate)
    return out


def anchor_kinds(anchors: Iterable[str]) -> dict[str, frozenset[str]]:
    """Anchors by kind: {"day": {"sonntag"}, "year": {"2024"}}."""
    kinds: dict[str, set[str]] = {}
    for anchor in anchors:
        kind, _, value = anchor.partition("=")
        kinds.setdefault(kind, set()).add(value)
    return {kind: frozenset(values) for kind, values in kinds.items()}


def _is_question(text: str) -> bool:
    # A question states no fact ("Ein neuer Kalter Krieg?").
    return text.rstrip("“”\"»«'’ )").endswith("?")


# --- vectors ------------------------------------------------------------------
#
# Vectorizing is split into steps that each need only a slice of the candidates
# (every candidate of an article in the same slice) plus a few corpus-wide totals:
#
#   clause_terms -> vocabulary_of      (union: the words compounds split into)
#   weigh        -> TermStats          (sums: document frequency, file spread)
#   idf_weights  -> apply_idf -> centroid_sums (exact sums: the corpus centroid)
#   set_quality


def clause_terms(candidates: Sequence[Candidate]) -> list[list[list[str]]]:
    """Each candidate's content terms, clause by clause."""
    return [
        [content_terms(clause, c.language) for clause in _clauses(c.sentence.text)]
        for c in candidates
    ]


def vocabulary_of(raw: Iterable[list[list[str]]]) -> set[str]:
    """The words long enough to be a compound's part."""
    return {t for clauses in raw for terms in clauses for t in terms if len(t) >= _MIN_PART}


def weigh(
    candidates: Sequence[Candidate], raw: Sequence[list[list[str]]], vocabulary: set[str]
) -> list[list[dict[str, float]]]:
    """Set each candidate's term weights and echo; return its clause weights (if several
    clauses).

    A term in most sentences of its article (its protagonist) weighs less.
    """
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
    counts, sizes = _article_counts(candidates)
    for candidate, weighted in zip(candidates, clause_weights):
        path = candidate.sentence.path
        found, size = counts[path], sizes[path]
        terms = candidate.terms
        # The echo: the share of its words that its article's other sentences use.
        candidate.echo = sum(1 for t in terms if found[t] >= 2) / len(terms) if terms else 0.0
        for weights in (terms, *weighted):
            for term in weights:
                weights[term] /= 1.0 + PROTAGONIST_DAMPING * (found[term] / size) ** 2
    return clause_weights


def _article_counts(
    candidates: Sequence[Candidate],
) -> tuple[dict[str, Counter[str]], Counter[str]]:
    """Per article, how many of its candidates each term appears in; and how many it has."""
    counts: dict[str, Counter[str]] = {}
    sizes: Counter[str] = Counter()
    for candidate in candidates:
        path = candidate.sentence.path
        counts.setdefault(path, Counter()).update(candidate.terms.keys())
        sizes[path] += 1
    return counts, sizes


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
        # A term inside another term of the sentence: a second occurrence in the
        # joined terms (the separator keeps matches within terms).
        joined = "\x00".join(candidate.terms)
        candidate.parts = frozenset(t for t in candidate.terms if joined.count(t) > 1)


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
        value = max(sum(v * centroid[t] for t, v in candidate.vector.items()) / norm, 0.0)
        candidate.quality = value * candidate.shape


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
