"""The scores: ROUGE-1/2 against reference teasers, and precision/recall/F1 of kept lines.

ROUGE is our own small implementation so the numbers do not depend on a package version:
lower-case, tokens are `\\w+` runs, each token is reduced to its German Snowball stem
(`snowballstemmer.stemmer("german")`), stop words are kept by default (the usual setting
for ROUGE); `stop_words=` gives the variant without them. ROUGE-N F1 is the harmonic mean
of clipped n-gram precision and recall, reported x100. Scores are averaged per item
(macro), which is how summary benchmarks usually report them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import snowballstemmer

_TOKEN = re.compile(r"\w+")


@cache
def _stemmer():
    return snowballstemmer.stemmer("german")


@cache
def german_stop_words() -> frozenset[str]:
    """sumy's German stop-word list (the one the tool's summarizers use as well)."""
    from sumy.utils import get_stop_words

    return frozenset(get_stop_words("german"))


def tokens(text: str, stop_words: frozenset[str] = frozenset()) -> list[str]:
    words = [w for w in _TOKEN.findall(text.lower()) if w not in stop_words]
    return _stemmer().stemWords(words)


def _ngrams(toks: list[str], n: int) -> Counter[tuple[str, ...]]:
    return Counter(tuple(toks[i : i + n]) for i in range(len(toks) - n + 1))


def rouge_n(
    candidate: str, reference: str, n: int, stop_words: frozenset[str] = frozenset()
) -> float:
    """ROUGE-N F1 (0..100) of one candidate against one reference."""
    cand = _ngrams(tokens(candidate, stop_words), n)
    ref = _ngrams(tokens(reference, stop_words), n)
    overlap = sum((cand & ref).values())
    if not overlap:
        return 0.0
    precision = overlap / sum(cand.values())
    recall = overlap / sum(ref.values())
    return 100 * 2 * precision * recall / (precision + recall)


@dataclass
class Rouge:
    """Mean ROUGE-1/2 F1 over items, with and without stop words."""

    r1: float
    r2: float
    r1_content: float  # stop words removed
    r2_content: float
    items: int

    def as_dict(self) -> dict[str, float | int]:
        return {
            "rouge1": round(self.r1, 2),
            "rouge2": round(self.r2, 2),
            "rouge1_nostop": round(self.r1_content, 2),
            "rouge2_nostop": round(self.r2_content, 2),
            "items": self.items,
        }


def mean_rouge(pairs: Iterable[tuple[str, str]]) -> Rouge:
    """Average ROUGE over (candidate, reference) pairs; an empty candidate scores 0."""
    stops = german_stop_words()
    rows = [
        (rouge_n(c, r, 1), rouge_n(c, r, 2), rouge_n(c, r, 1, stops), rouge_n(c, r, 2, stops))
        for c, r in pairs
    ]
    if not rows:
        return Rouge(0.0, 0.0, 0.0, 0.0, 0)
    cols = list(zip(*rows))
    return Rouge(*(sum(col) / len(rows) for col in cols), items=len(rows))


@dataclass
class PRF:
    """Counts of a binary decision against gold: kept/not kept vs body/junk."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def add(self, predicted: bool, gold: bool) -> None:
        if predicted and gold:
            self.tp += 1
        elif predicted:
            self.fp += 1
        elif gold:
            self.fn += 1
        else:
            self.tn += 1

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(100 * self.precision, 2),
            "recall": round(100 * self.recall, 2),
            "f1": round(100 * self.f1, 2),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "tn": self.tn,
        }
