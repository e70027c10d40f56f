"""Deterministic synthetic German news corpora for the scale benchmarks.

Each document is built from the samples' kept sentences (as segmented by
``summarize.load_articles``), shuffled and recombined into an
article of 1,000-1,100 words: a title, a byline-free lead, blank-line
paragraphs of 2-6 sentences and a subheading every few paragraphs. To keep
documents from being identical, numbers are replaced by other numbers of the
same width and about one sentence in four gets two neighbouring words swapped.

Document ``i`` depends only on the seed and ``i`` (``random.Random(f"{SEED}:{i}")``),
so corpus-1000 is the first 1,000 documents of corpus-5000. Corpora are
written to ``benchmarks/_build/corpus-N/`` and reused while this file and the
samples are unchanged.

Usage::

    python benchmarks/corpus.py N [N ...]   # build and print path, documents, words
"""

from __future__ import annotations

import hashlib
import os
import random
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
BUILD_DIR = HERE / "_build"
SAMPLES = HERE.parent / "samples"
SEED = 20240501
MIN_WORDS, MAX_WORDS = 1_000, 1_100

_NUMBER = re.compile(r"\d+")


@dataclass(frozen=True)
class Corpus:
    path: Path
    documents: int
    words: int
    bytes: int


def _pools() -> tuple[list[str], list[str]]:
    """(headings, body sentences) from the samples, whitespace-normalised."""
    sys.path.insert(0, str(HERE.parent))
    from summarize import load_articles

    articles, _ = load_articles([str(SAMPLES)])
    headings: list[str] = []
    body: list[str] = []
    for article in articles:
        for s in article.sentences:
            text = " ".join(s.text.split())
            is_heading = getattr(s, "heading", len(text.split()) < 12)
            if is_heading:
                headings.append(text)
            elif len(text.split()) >= 4:
                body.append(text)
    if not headings:
        headings = [b for b in body if len(b.split()) < 12] or body[:10]
    return headings, body


def _vary(sentence: str, rng: random.Random) -> str:
    sentence = _NUMBER.sub(
        lambda m: str(
            rng.randrange(
                10 ** (len(m.group()) - 1) if len(m.group()) > 1 else 0, 10 ** len(m.group())
            )
        ),
        sentence,
    )
    words = sentence.split(" ")
    if len(words) > 4 and rng.random() < 0.25:
        i = rng.randrange(1, len(words) - 2)  # keep the first and the last word in place
        words[i], words[i + 1] = words[i + 1], words[i]
    return " ".join(words)


def make_document(i: int, headings: list[str], body: list[str]) -> str:
    rng = random.Random(f"{SEED}:{i}")
    target = rng.randint(MIN_WORDS, MAX_WORDS)
    title = _vary(rng.choice(headings), rng).rstrip(".")
    parts = [title, ""]
    words = len(title.split())
    order = body[:]
    rng.shuffle(order)
    position = 0
    paragraph_count = 0
    while words < target:
        if paragraph_count and paragraph_count % rng.randint(3, 5) == 0:
            heading = _vary(rng.choice(headings), rng).rstrip(".")
            parts += [heading, ""]
            words += len(heading.split())
        sentences = []
        for _ in range(rng.randint(2, 6)):
            if position == len(order):
                rng.shuffle(order)
                position = 0
            sentences.append(_vary(order[position], rng))
            position += 1
        paragraph = " ".join(sentences)
        parts += [paragraph, ""]
        words += len(paragraph.split())
        paragraph_count += 1
    return "\n".join(parts)


def _key(n: int) -> str:
    h = hashlib.sha256(Path(__file__).read_bytes())
    for path in sorted(SAMPLES.glob("*.txt")):
        h.update(path.name.encode() + b"\0" + path.read_bytes())
    h.update(str(n).encode())
    return h.hexdigest()[:16]


def build(n: int, build_dir: Path = BUILD_DIR) -> Corpus:
    """Return corpus-N, generating it if missing or stale."""
    final = build_dir / f"corpus-{n}"
    stamp = final / ".key"
    key = _key(n)
    if not (stamp.is_file() and stamp.read_text().split()[0] == key):
        headings, body = _pools()
        build_dir.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".tmp-corpus-{n}-", dir=build_dir))
        try:
            words = size = 0
            for i in range(n):
                text = make_document(i, headings, body)
                data = text.encode("utf-8")
                (tmp / f"doc-{i:05d}.txt").write_bytes(data)
                words += len(text.split())
                size += len(data)
            (tmp / ".key").write_text(f"{key} {n} {words} {size}\n")
            os.chmod(tmp, 0o755)
            shutil.rmtree(final, ignore_errors=True)
            os.rename(tmp, final)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    _key_, docs, words, size = stamp.read_text().split()
    return Corpus(final, int(docs), int(words), int(size))


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("sizes", nargs="+", type=int, metavar="N", help="documents per corpus")
    args = parser.parse_args(argv)
    for n in args.sizes:
        c = build(n)
        print(f"{c.path}: {c.documents:,} documents, {c.words:,} words, {c.bytes / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
