"""Find candidate story clusters in news-dev, for a person to check (clusters.json).

The digest is judged on clusters of articles about the *same story* (one event or
development, reported several times), not on articles that merely share a topic.
news-dev has no dates, so candidates come from text alone:

* TF-IDF cosine over stemmed content words of teaser + body (stop words removed);
* shared rare capitalised words: not at a sentence start and in at most RARE_DF
  articles. They are mostly names ("Warmbier", "Kogalniceanu"; German capitalises
  every noun, so some are rare nouns) - two articles sharing several of them are
  likely about the same people and the same event.

Pairs are ranked by cosine + NAME_BONUS per shared rare word; `python clusters.py DATA
candidates` prints the top pairs with both teasers and openings, to be read. That is how
clusters.json was made: the candidate pairs (and keyword searches for the big stories of
2015-16: refugee route, elections, Brexit ...) were read, a pair or group was kept only
when its articles report the same event or development (not merely the same topic or the
same person), and groups were extended by hand where a third article fitted.
The curated result is clusters.json (article ids only: the text may not be copied
into the repository): `python clusters.py DATA show` prints it for checking, and
`python clusters.py DATA check` validates it (ids exist, no article twice, sizes).
"""

from __future__ import annotations

import argparse
import math
import re
import sys
from collections import Counter
from pathlib import Path

import numpy as np
import snowballstemmer

sys.path.insert(0, str(Path(__file__).resolve().parent))
import newsdev  # noqa: E402

RARE_DF = 6
NAME_BONUS = 0.04
MIN_SCORE = 0.2

_WORD = re.compile(r"\w+")
_NAME = re.compile(r"(?<=[a-zäöüß,;:)] )[A-ZÄÖÜ][\w-]{3,}")


def _stop_words() -> frozenset[str]:
    from sumy.utils import get_stop_words

    return frozenset(get_stop_words("german"))


def vectors(articles: list[newsdev.Article]) -> np.ndarray:
    """L2-normalised TF-IDF rows (log tf) over stemmed content words."""
    stem = snowballstemmer.stemmer("german").stemWord
    stops = _stop_words()
    bags = []
    for a in articles:
        words = [
            w
            for w in _WORD.findall((a.teaser + " " + a.body).lower())
            if w not in stops and not w.isdigit() and len(w) > 2
        ]
        bags.append(Counter(stem(w) for w in words))
    df = Counter(t for bag in bags for t in bag)
    vocab = {t: i for i, t in enumerate(t for t, n in df.items() if n >= 2)}
    m = np.zeros((len(articles), len(vocab)))
    for r, bag in enumerate(bags):
        for t, n in bag.items():
            if t in vocab:
                m[r, vocab[t]] = (1 + math.log(n)) * math.log(len(articles) / df[t])
    norms = np.linalg.norm(m, axis=1, keepdims=True)
    return m / np.where(norms == 0, 1, norms)


def rare_names(articles: list[newsdev.Article]) -> list[set[str]]:
    names = [set(_NAME.findall(a.teaser + " " + a.body)) for a in articles]
    df = Counter(n for s in names for n in s)
    return [{n for n in s if df[n] <= RARE_DF} for s in names]


def candidate_pairs(articles: list[newsdev.Article], limit: int) -> list[tuple]:
    """The best `limit` pairs as (score, cosine, i, j, shared rare names), best first."""
    v = vectors(articles)
    sims = v @ v.T
    names = rare_names(articles)
    pairs = []
    for i in range(len(articles)):
        for j in range(i + 1, len(articles)):
            shared = names[i] & names[j]
            score = sims[i, j] + NAME_BONUS * len(shared)
            if score >= MIN_SCORE:
                pairs.append((score, sims[i, j], i, j, sorted(shared)))
    return sorted(pairs, reverse=True)[:limit]


def _print_article(a: newsdev.Article, width: int) -> None:
    print(f"  {a.id} [{a.category}] {a.teaser}")
    print(f"      {a.body[:width]}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", type=Path, help="the news-dev folder")
    ap.add_argument("mode", choices=("candidates", "show", "check"))
    ap.add_argument("--width", type=int, default=300, help="characters of each body to print")
    ap.add_argument("--limit", type=int, default=400, help="candidate pairs to print")
    args = ap.parse_args(argv)
    articles = [a for a in newsdev.load_articles(args.data) if not a.stub]
    by_id = {a.id: a for a in articles}
    if args.mode == "candidates":
        for score, cos, i, j, shared in candidate_pairs(articles, args.limit):
            print(f"{score:.2f} cos={cos:.2f} shared: {', '.join(shared[:8])}")
            _print_article(articles[i], args.width)
            _print_article(articles[j], args.width)
        return 0
    clusters = newsdev.load_clusters()
    if args.mode == "show":
        for c in clusters:
            print(f"{c['id']} [{c['split']}] {c['story']}")
            for a in c["articles"]:
                _print_article(by_id[a], args.width)
        return 0
    seen: Counter[str] = Counter(a for c in clusters for a in c["articles"])
    problems = [f"unknown id {a}" for a in seen if a not in by_id]
    problems += [f"{a} in {n} clusters" for a, n in seen.items() if n > 1]
    problems += [
        f"{c['id']}: size {len(c['articles'])}"
        for c in clusters
        if not 2 <= len(c["articles"]) <= 6
    ]
    splits = Counter(c["split"] for c in clusters)
    print(
        f"{len(clusters)} clusters ({dict(splits)}), {len(seen)} articles, "
        f"sizes {dict(sorted(Counter(len(c['articles']) for c in clusters).items()))}"
    )
    for p in problems:
        print("problem:", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
