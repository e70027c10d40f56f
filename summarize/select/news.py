"""The news-aware ranker: a lead prior, forward centrality and similarity to the lead.

News is written top-down: the first sentences say what happened, and what
follows elaborates on them. Lead-3 (the first three sentences) is therefore a
baseline that centrality methods such as LexRank rarely beat. This ranker
keeps the lead unless the text itself says a lead sentence is not part of
the story, in the spirit of PacSum (Zheng and Lapata, 2019: position-augmented
centrality, where a sentence counts by how much the sentences *after* it
take up its content). Each candidate sentence i of n gets

    score(i) = PRIOR * exp(-i / DECAY)          the lead prior
             + following(i) / max_k following(k)  forward centrality, 0..1
             + LEAD * cos(v_i, v_0)              similarity to the lead (i > 0)

where v_i is the sentence's TF-IDF vector over stemmed content words (stop
words dropped; tf = count in the sentence, idf = log(n / sentences holding
the stem), so a stem in every sentence weighs nothing), normalised to unit
length, and following(i) = sum over j > i of cos(v_i, v_j). That is PacSum's
directed centrality with no weight on the sentences before i and no edge
threshold: both were tried and did not help, and without them
following(i) = v_i . (v_{i+1} + ... + v_{n-1}) is one pass from the end with
a running sum, linear in the article's length instead of n x n.

A sentence that ends in an ellipsis and whose last words (but the one before
the ellipsis, which may be cut) recur in a longer candidate is a cut copy of
it (a teaser, a forum or mail subject line): it says nothing the full
sentence does not, and scores 0.

The weights were chosen by a grid on the benchmark's dev split (ROUGE-1 of
three sentences against the editors' teasers, plain articles and scraped page
dumps; benchmarks/quality), at the middle of a plateau rather than its best
cell: PRIOR 3.5-4.5 with DECAY 3-5 and LEAD 0.5-1.5 all score within noise
of each other. With PRIOR = 4 and DECAY = 4 the prior falls by about 0.9
from the first sentence to the second and by 0.5 from the third to the
fourth, so a later sentence displaces a lead sentence only when it is clearly
more central or closer to the lead: a caption or newsletter greeting kept as
the third sentence, which nothing below takes up, loses its place; kept
first or second, the prior mostly keeps it (dropping it is cleaning's job).
Rules against questions, quotes and anaphoric starts ("Er", "Dies") were
measured and left out: they did not help on dev; nor did denying the prior
to sentences that share no word with the rest (less junk on page dumps,
lower ROUGE on plain articles).

Pure Python over dicts: no numpy, so a single-file summary starts fast.
Deterministic: dicts keep insertion order, so every sum runs in the same
order whatever PYTHONHASHSEED is.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from itertools import chain, repeat
from operator import mul, truediv

from ..results import Sentence
from ..words import content_terms, key_from_words, lower_words

PRIOR = 4.0  # weight of the lead prior
DECAY = 4.0  # sentences over which the prior falls by a factor e
LEAD = 1.0  # weight of the cosine similarity to the first sentence

ELLIPSIS = ("…", "...")
CUT_WORDS = 4  # closing words of a cut sentence that must recur in the longer one


def rank_news(sentences: Sequence[Sentence], language: str) -> list[float]:
    """A score for each sentence (higher is better); see the module's docstring."""
    if not sentences:
        return []
    vectors = tfidf_vectors([s.text for s in sentences], language)
    following = forward_centrality(vectors)
    top = max(following)
    lead = vectors[0]
    scores = []
    for i, vector in enumerate(vectors):
        score = PRIOR * math.exp(-i / DECAY)
        if top > 0:
            score += following[i] / top
        if i > 0:
            score += LEAD * _dot(vector, lead)
        scores.append(score)
    for i in cut_copies(sentences):
        scores[i] = 0.0
    return scores


def tfidf_vectors(texts: Sequence[str], language: str) -> list[dict[str, float]]:
    """Unit-length TF-IDF vectors of stemmed content words, one per text."""
    # Counter keeps each text's stems in order of first appearance.
    bags = [Counter(content_terms(lower_words(text), language)) for text in texts]
    # In how many texts each stem appears, then its idf, once per stem.
    frequency = Counter(chain.from_iterable(bags))
    count = len(bags)
    idf = {t: math.log(count / f) for t, f in frequency.items()}
    vectors: list[dict[str, float]] = []
    for bag in bags:
        weights = list(map(mul, bag.values(), map(idf.__getitem__, bag)))
        norm = math.sqrt(sum(map(mul, weights, weights)))
        if not norm:
            vectors.append({})
        elif 0.0 in weights:  # a stem in every text weighs nothing: left out
            vectors.append({t: w / norm for t, w in zip(bag, weights) if w})
        else:
            vectors.append(dict(zip(bag, map(truediv, weights, repeat(norm)))))
    return vectors


def forward_centrality(vectors: Sequence[dict[str, float]]) -> list[float]:
    """For each vector, the sum of its cosines with every vector after it."""
    following = [0.0] * len(vectors)
    after: dict[str, float] = {}
    get = after.get
    for i in range(len(vectors) - 1, -1, -1):
        vector = vectors[i]
        following[i] = _dot(vector, after)
        for term, weight in vector.items():
            after[term] = get(term, 0.0) + weight
    return following


def cut_copies(sentences: Sequence[Sentence]) -> list[int]:
    """Indices of sentences cut short with an ellipsis whose closing words recur in a
    longer sentence: a teaser or subject line that copies the start of that sentence,
    perhaps behind a prefix of its own ("Betreff: Tagblatt - ...", "Re: ...")."""
    cut_short = [i for i, s in enumerate(sentences) if s.text.rstrip().endswith(ELLIPSIS)]
    if not cut_short:
        return []
    keys = [f" {key_from_words(s.text, lower_words(s.text))} " for s in sentences]
    cut = []
    for i in cut_short:
        # The word before the ellipsis may itself be cut ("Christ…"): leave it out.
        words = keys[i].split()[-CUT_WORDS - 1 : -1]
        closing = f" {' '.join(words)} "
        if words and any(len(k) > len(keys[i]) and closing in k for k in keys):
            cut.append(i)
    return cut


def _dot(small: dict[str, float], large: dict[str, float]) -> float:
    """The dot product, summed in ``small``'s order (the same float every run)."""
    return sum(map(mul, small.values(), map(large.get, small, repeat(0.0))))
