"""Read the news-dev data set and split it into dev and holdout parts.

The data (derStandard.at articles and reader comments, CC BY-NC-SA) must never be
copied into the repository, so every script takes its folder as an argument and
builds what it needs into a temporary or given folder.

Splits are a stable hash of the ids, so the same article or comment thread is
always on the same side, whatever else changes. Articles that belong to a story
cluster (clusters.json) take the cluster's split instead, so a holdout cluster
never shows up in dev pages.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
CLUSTERS_FILE = HERE / "clusters.json"

# Share of articles and threads (by hash) that go to the holdout side.
HOLDOUT_SHARE = 0.3
# Bodies that were replaced by this notice are not articles: they only serve as
# the "template text" a site repeats on many pages.
STUB = "Der Volltext dieses auf Agenturmeldungen basierenden Artikels steht aus rechtlichen"


@dataclass(frozen=True)
class Article:
    id: str
    category: str
    teaser: str  # "" when the data set has none
    body: str

    @property
    def stub(self) -> bool:
        return self.body.startswith(STUB)


@dataclass(frozen=True)
class Post:
    post: str
    parent: str | None
    user: str
    created: str  # "2015-06-01 08:58:32.363"
    headline: str
    body: str
    up: int
    down: int


@dataclass(frozen=True)
class Thread:
    id: str
    posts: tuple[Post, ...]


def hash_split(key: str) -> str:
    """'dev' or 'holdout' for an id, the same on every machine and run."""
    digest = hashlib.sha256(("news-dev:" + key).encode()).digest()
    return "holdout" if int.from_bytes(digest[:4], "big") / 2**32 < HOLDOUT_SHARE else "dev"


def load_clusters() -> list[dict]:
    """The curated story clusters: [{"id", "split", "articles": [...], "story"}]."""
    return json.loads(CLUSTERS_FILE.read_text(encoding="utf-8"))["clusters"]


@cache
def _cluster_split() -> dict[str, str]:
    if not CLUSTERS_FILE.exists():
        return {}
    return {a: c["split"] for c in load_clusters() for a in c["articles"]}


def article_split(article_id: str) -> str:
    return _cluster_split().get(article_id) or hash_split("a" + article_id)


def thread_split(thread_id: str) -> str:
    return hash_split("t" + thread_id)


def load_articles(data: Path) -> list[Article]:
    rows = []
    with open(Path(data) / "articles.jsonl", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            rows.append(
                Article(r["id"], r["category"], (r["teaser"] or "").strip(), r["body"].strip())
            )
    return rows


def load_threads(data: Path) -> list[Thread]:
    threads = []
    with open(Path(data) / "comments.jsonl", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            posts = tuple(
                Post(
                    p["post"],
                    p["parent"],
                    p["user"],
                    p["created"],
                    (p["headline"] or "").strip(),
                    (p["body"] or "").strip(),
                    int(p["up"] or 0),
                    int(p["down"] or 0),
                )
                for p in r["posts"]
            )
            threads.append(Thread(r["thread"], tuple(p for p in posts if p.body)))
    return threads


# --------------------------------------------------------------------------- sentences
# Abbreviations after which a period does not end a sentence (lowercased, no period).
_ABBREVIATIONS = frozenset(
    """
    z b bzw ca dr prof nr st str mio mrd abs art bzw etc evtl ggf inkl jh jhd usw vgl
    u a v o s d h o ä sog insb max min mag ing dipl mr mrs ms jr sr vs gen hl bspw zb
    jan feb mär apr jun jul aug sep sept okt nov dez tel fr hr hrn mind rd geb gest
    """.split()
)
# A candidate sentence end: terminator(s), optional closing quote/bracket, space, then
# something that can start a sentence (capital, digit, opening quote).
_BOUNDARY = re.compile(r"[.!?…]+[\"'“”«»)\]]*\s+(?=[\"„“«(]?[A-ZÄÖÜ0-9])")
_LAST_WORD = re.compile(r"(\S+)$")


def split_sentences(text: str) -> list[str]:
    """Split German prose into sentences; good enough to cut paragraphs and baselines.

    A period does not end a sentence after a known abbreviation, a single letter
    (initials: "George W. Bush") or a short number ("am 12. März", "der 3. Platz").
    """
    out, start = [], 0
    for m in _BOUNDARY.finditer(text):
        if text[m.start()] == ".":
            word = _LAST_WORD.search(text[start : m.start()])
            token = word.group(1).lower().rstrip(".") if word else ""
            token = token.split(".")[-1] if "." in token else token  # "u.a" -> "a"
            ordinal = token.isdigit() and len(token) <= 3  # not a year: "im Jahr 2015."
            if token in _ABBREVIATIONS or ordinal or len(token) == 1:
                continue
        out.append(text[start : m.end()].strip())
        start = m.end()
    rest = text[start:].strip()
    if rest:
        out.append(rest)
    return [s for s in out if s]


def paragraphs(article: Article) -> list[str]:
    """The body cut into paragraphs of 1-4 sentences, the same for every rendering."""
    rng = random.Random("para:" + article.id)
    sentences = split_sentences(article.body)
    paras, i = [], 0
    while i < len(sentences):
        n = rng.choice((1, 2, 2, 3, 3, 3, 4))
        paras.append(" ".join(sentences[i : i + n]))
        i += n
    return paras


def headline(article: Article) -> str:
    """A headline made from the teaser's first part, or "" when it has none.

    The data set has no headlines, but teasers often start with a headline-like
    clause ("Franzosen verteidigen 2:1-Führung – Kritik an ..."). A headline made this
    way repeats words of the reference summary, so it is left out with the teaser.
    """
    parts = article.teaser.split(" – ", 1)
    if len(parts) == 1:
        parts = split_sentences(article.teaser)
    if len(parts) < 2:
        return ""
    head = parts[0].strip().rstrip(".")
    if 3 <= len(head.split()) <= 12:
        return head
    return ""
