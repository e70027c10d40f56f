"""Per-article selection: rank an article's sentences and keep the best, in document order.

Every method is a ``rank(sentences, language) -> scores`` function in one
table, keyed by its CLI name: our news-aware ranker (summarize.select.news,
the default) and sumy's summarizers.

sumy normally parses text with NLTK's punkt data, which would have to be
downloaded. We build sumy's document model ourselves from our own sentences
and a regex word tokenizer, and use a Snowball stemmer (code, no data)
and sumy's bundled stop-word lists, so nothing is ever downloaded.
"""

from __future__ import annotations

import math
import warnings
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import UsageError
from ..results import Sentence
from ..words import content_terms, key_from_words, lower_words, stemmer, stop_words, tokenize
from .news import rank_news

Rank = Callable[[Sequence[Sentence], str], list[float]]


@dataclass(frozen=True)
class Summarizer:
    """A ranking method: ``rank(sentences, language)`` scores each sentence, higher is better."""

    rank: Rank
    # A quadratic ranker sees at most MAX_RANKED sentences: longer articles are
    # first cut down by `prefilter`. A linear one ranks the whole article.
    quadratic: bool = True


def sumy_method(module: str, name: str, *fixes: type) -> Summarizer:
    """A sumy summarizer class as a Summarizer; ``fixes`` are mixins put before it.

    Imported on first use: sumy's summarizers pull in numpy and nltk, which
    `summarize --help` never needs.
    """

    def rank(sentences: Sequence[Sentence], language: str) -> list[float]:
        return _rank_with_sumy(sentences, language, module, name, fixes)

    return Summarizer(rank)


DEFAULT_METHOD = "news"  # see SUMMARIZERS at the end of this module
DEFAULT_SENTENCES = 5

# Fragments shorter than this carry no fact worth summarising ("Analyse").
MIN_WORDS = 5
# sumy's rankers are quadratic in the number of sentences (LexRank builds an
# n x n matrix). Longer articles are first cut down to this many sentences by
# a linear-time pre-ranking, so a book-length input stays fast and bounded.
MAX_RANKED = 400
# sumy's ratings are rounded to this many decimals (see ScoringSummarizer).
ROUND_DIGITS = 12


@dataclass(frozen=True)
class Scored:
    """A selected sentence with the score its summarizer gave it."""

    sentence: Sentence
    score: float


class WordTokenizer:
    """The tokenizer object sumy expects: ``to_words`` on a sentence string."""

    def __init__(self, language: str = "de") -> None:
        self.language = language

    def to_words(self, text: str) -> tuple[str, ...]:
        return tuple(tokenize(text))

    def to_sentences(self, text: str) -> tuple[str, ...]:  # pragma: no cover - unused by us
        return (text,)


def worth_ranking(sentence: Sentence) -> bool:
    """A full sentence: not a heading, not a fragment ("Analyse")."""
    return not sentence.heading and len(lower_words(sentence.text)) >= MIN_WORDS


def first_copies(sentences: Iterable[Sentence]) -> Iterator[Sentence]:
    """Each text once: a headline repeated inside an article (title, then teaser)
    counts once, and its first occurrence stands for it."""
    seen: set[str] = set()
    for sentence in sentences:
        key = key_from_words(sentence.text, lower_words(sentence.text))
        if key not in seen:
            seen.add(key)
            yield sentence


def candidates(sentences: Sequence[Sentence]) -> list[Sentence]:
    """Sentences worth ranking, each text once."""
    return list(first_copies(s for s in sentences if worth_ranking(s)))


def sentence_count(total: int, sentences: int | None, ratio: float | None) -> int:
    if ratio is not None:
        if not 0 < ratio <= 1:
            raise UsageError("--ratio must be greater than 0 and at most 1")
        return max(1, math.ceil(total * ratio))
    count = DEFAULT_SENTENCES if sentences is None else sentences
    if count < 1:
        raise UsageError("--sentences must be at least 1")
    return count


def summarizer_for(method: str) -> Summarizer:
    if method not in SUMMARIZERS:
        raise UsageError(f"unknown method {method!r}; choose one of {', '.join(SUMMARIZERS)}")
    return SUMMARIZERS[method]


def select_sentences(
    sentences: Sequence[Sentence],
    language: str,
    method: str = DEFAULT_METHOD,
    count: int | None = None,
    ratio: float | None = None,
) -> list[Scored]:
    """The top sentences of one article, returned in document order."""
    summarizer = summarizer_for(method)
    pool = candidates(sentences)
    if not pool:
        return []
    wanted = sentence_count(len(pool), count, ratio)
    if len(pool) > MAX_RANKED and summarizer.quadratic:
        pool = prefilter(pool, language, max(MAX_RANKED, wanted))
    scores = summarizer.rank(pool, language)
    # Ties break by position so the output never depends on hash order.
    order = sorted(range(len(pool)), key=lambda i: (-scores[i], i))[:wanted]
    return [Scored(pool[i], scores[i]) for i in sorted(order)]


def prefilter(pool: Sequence[Sentence], language: str, limit: int) -> list[Sentence]:
    """The ``limit`` sentences closest to the article's centroid, in document order.

    Linear in the article's length: one pass to count stems, one to score.
    """
    if len(pool) <= limit:
        return list(pool)
    bags = [set(content_terms(lower_words(s.text), language)) for s in pool]
    frequency: dict[str, int] = {}
    for bag in bags:
        for term in bag:
            frequency[term] = frequency.get(term, 0) + 1
    scores = [sum(frequency[t] for t in bag) / math.sqrt(len(bag)) if bag else 0.0 for bag in bags]
    best = sorted(range(len(pool)), key=lambda i: (-scores[i], i))[:limit]
    return [pool[i] for i in sorted(best)]


# --- sumy's summarizers, fed by our tokenizer -------------------------------------------


def _rank_with_sumy(
    sentences: Sequence[Sentence],
    language: str,
    module: str,
    name: str,
    fixes: tuple[type, ...],
) -> list[float]:
    from sumy.models.dom import ObjectDocumentModel, Paragraph
    from sumy.models.dom import Sentence as SumySentence

    tokenizer = WordTokenizer(language)
    sumy_sentences = [SumySentence(s.text, tokenizer) for s in sentences]
    document = ObjectDocumentModel((Paragraph(sumy_sentences),))
    summarizer = _build_summarizer(module, name, fixes, language)
    with warnings.catch_warnings():
        # LSA warns when an article has fewer distinct words than sentences;
        # it still ranks, and stderr is for the user, not for sumy.
        warnings.simplefilter("ignore", UserWarning)
        return summarizer.scores_for(document, sumy_sentences)


def _build_summarizer(module: str, name: str, fixes: tuple[type, ...], language: str) -> Any:
    import importlib

    base = getattr(importlib.import_module(module), name)
    if fixes:
        base = type(name, (*fixes, base), {})

    class ScoringSummarizer(base):  # type: ignore[misc, valid-type]
        """Captures the rating sumy computes instead of only its top-N cut."""

        def scores_for(self, document: Any, ordered: list[Any]) -> list[float]:
            self._ratings: dict[int, float] = {}
            self(document, len(ordered))
            # Rounded, so ratings that are equal but for floating-point noise
            # tie exactly, and ties break by position.
            return [round(float(self._ratings.get(id(s), 0.0)), ROUND_DIGITS) for s in ordered]

        def _get_best_sentences(
            self, sentences: Any, count: Any, rating: Any, *args: Any, **kwargs: Any
        ) -> tuple[Any, ...]:
            rate: Callable[..., float]
            if callable(rating):
                rate = rating
            else:

                def rate(s: Any, *a: Any, **k: Any) -> float:
                    return float(rating[s])

            for s in sentences:
                self._ratings[id(s)] = rate(s, *args, **kwargs)
            return ()

    summarizer = ScoringSummarizer(stemmer(language))
    summarizer.stop_words = stop_words(language)
    return summarizer


class _LexRankGraph:
    """LexRank as Erkan and Radev define it, for sumy's LexRankSummarizer.

    sumy's version keeps each sentence's similarity to itself in the graph and
    has no damping, so an off-topic sentence that resembles nothing keeps as
    much weight as a central one, and it builds the similarity matrix in a
    Python double loop (16 s for 1,600 sentences). Here the matrix comes from
    one numpy product of the same TF-IDF vectors, self-loops are dropped, and
    the power method teleports with probability ``DAMPING``.
    """

    DAMPING = 0.15

    @staticmethod
    def _compute_idf(sentences: list[list[str]]) -> dict[str, float]:
        """sumy's idf, log(n / (1 + sentences holding the term)), counted in one pass:
        sumy scans every sentence again for each term (quadratic in the article)."""
        holding: dict[str, int] = {}
        for sentence in sentences:
            for term in dict.fromkeys(sentence):
                holding[term] = holding.get(term, 0) + 1
        count = len(sentences)
        return {term: math.log(count / (1 + n)) for term, n in holding.items()}

    def _create_matrix(
        self, sentences: Any, threshold: float, tf_metrics: Any, idf_metrics: Any
    ) -> Any:
        import numpy

        vocabulary: dict[str, int] = {}
        for words in sentences:
            for word in words:
                vocabulary.setdefault(word, len(vocabulary))
        vectors = numpy.zeros((len(sentences), max(len(vocabulary), 1)))
        for row, tf in enumerate(tf_metrics):
            for word, value in tf.items():
                vectors[row, vocabulary[word]] = value * idf_metrics[word]
        norms = numpy.linalg.norm(vectors, axis=1)
        norms[norms == 0] = 1.0
        unit = vectors / norms[:, None]
        adjacency = (unit @ unit.T > threshold).astype(float)
        numpy.fill_diagonal(adjacency, 0.0)
        degrees = adjacency.sum(axis=1)
        degrees[degrees == 0] = 1.0
        return adjacency / degrees[:, None]

    @classmethod
    def power_method(cls, matrix: Any, epsilon: float) -> Any:
        import numpy

        count = len(matrix)
        # A sentence linked to nothing hands its weight to everyone (teleport).
        dangling = matrix.sum(axis=1) == 0
        p_vector = numpy.full(count, 1.0 / count)
        for _ in range(1000):
            spread = matrix.T @ p_vector + p_vector[dangling].sum() / count
            next_p = cls.DAMPING / count + (1 - cls.DAMPING) * spread
            if numpy.abs(next_p - p_vector).sum() < epsilon:
                return next_p
            p_vector = next_p
        return p_vector


class _TextRankEdges:
    """sumy's TextRank graph with each edge's word overlap counted from a Counter.

    sumy counts ``words2.count(w) for w in words1`` (quadratic in the
    sentences' lengths) and asks ``numpy.isclose`` once per edge; the integer
    overlap and the float weights are the same here.
    """

    _ZERO_DIVISION_PREVENTION: float
    damping: float
    _to_words_set: Callable[[Any], list[str]]

    def _create_matrix(self, document: Any) -> Any:
        import numpy

        sentences_as_words = [self._to_words_set(sent) for sent in document.sentences]
        counts = [Counter(words) for words in sentences_as_words]
        logs = [math.log(len(words)) if words else 0.0 for words in sentences_as_words]
        sentences_count = len(sentences_as_words)
        weights = numpy.zeros((sentences_count, sentences_count))
        for i, words_i in enumerate(sentences_as_words):
            for j in range(i, sentences_count):
                count_j = counts[j]
                rank = sum([count_j[w] for w in words_i if w in count_j])
                if rank == 0:
                    continue
                norm = logs[i] + logs[j]
                # numpy.isclose(norm, 0.0): |norm| <= 1e-8, i.e. two one-word sentences.
                rating = float(rank) if abs(norm) <= 1e-08 else rank / norm
                weights[i, j] = rating
                weights[j, i] = rating
        weights /= weights.sum(axis=1)[:, numpy.newaxis] + self._ZERO_DIVISION_PREVENTION
        return (
            numpy.full((sentences_count, sentences_count), (1.0 - self.damping) / sentences_count)
            + self.damping * weights
        )


class _SortedDictionary:
    """sumy's LSA with its word rows in sorted order, so it ranks the same on every run.

    sumy numbers the rows of LSA's word x sentence matrix in the iteration
    order of a frozenset, which changes with PYTHONHASHSEED. The singular
    value decomposition then differs in its last bits, and sentences whose
    ratings are equal in exact arithmetic (LSA with every dimension kept rates
    a sentence by the length of its matrix column, which many share) swapped
    places from run to run.
    """

    normalize_word: Callable[[str], str]
    stem_word: Callable[[str], str]
    _stop_words: frozenset[str]

    def _create_dictionary(self, document: Any) -> dict[str, int]:
        words = map(self.normalize_word, document.words)
        stems = {self.stem_word(w) for w in words if w not in self._stop_words}
        return {w: i for i, w in enumerate(sorted(stems))}

    @staticmethod
    def _compute_term_frequency(matrix: Any, smooth: float = 0.4) -> Any:
        """sumy's smoothed max-tf normalisation, one numpy operation instead of a
        Python loop over every cell (words x sentences); the same float in each cell."""
        import numpy

        max_word_frequencies = numpy.max(matrix, axis=0)
        columns = max_word_frequencies != 0
        frequency = matrix[:, columns] / max_word_frequencies[columns]
        matrix[:, columns] = smooth + (1.0 - smooth) * frequency
        return matrix


# --- the registry -----------------------------------------------------------------------

# Every method by its CLI name; the --method choices are built from its keys.
SUMMARIZERS: dict[str, Summarizer] = {
    "news": Summarizer(rank_news, quadratic=False),
    "lexrank": sumy_method("sumy.summarizers.lex_rank", "LexRankSummarizer", _LexRankGraph),
    "lsa": sumy_method("sumy.summarizers.lsa", "LsaSummarizer", _SortedDictionary),
    "textrank": sumy_method("sumy.summarizers.text_rank", "TextRankSummarizer", _TextRankEdges),
    "luhn": sumy_method("sumy.summarizers.luhn", "LuhnSummarizer"),
    "kl": sumy_method("sumy.summarizers.kl", "KLSummarizer"),
    "sumbasic": sumy_method("sumy.summarizers.sum_basic", "SumBasicSummarizer"),
}
