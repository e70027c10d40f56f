"""Plain sumy LexRank on one file: the baseline `summary ONEFILE --to de` is held against.

What "plain sumy" means here: sumy's own ``LexRankSummarizer`` with sumy's
own German ``Stemmer`` (NLTK's Snowball code, no NLTK data) and sumy's German
stop words (``sumy.utils.get_stop_words``), on sumy's ``ObjectDocumentModel``.
sumy's ``PlaintextParser`` and ``Tokenizer`` need NLTK's punkt data, which is
never downloaded here, so the file is split without them: paragraphs at blank
lines, sentences after ``.``, ``!`` or ``?`` followed by white space, words
with ``\\w+``. No cleaning, no language detection: everything on the page is a
sentence. Prints the top N sentences (default 5), one a line, like `summary`.

Usage::

    python benchmarks/sumy_lexrank.py FILE [-n N]

Time it against the CLI as whole processes, interleaved (A B A B ...), e.g.
with hyperfine or ``/usr/bin/time``::

    python -m summarize summary FILE --to de -q     # A
    python benchmarks/sumy_lexrank.py FILE          # B
"""

from __future__ import annotations

import re
import sys

SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
WORD = re.compile(r"\w+")


class PlainTokenizer:
    """The tokenizer object sumy's Sentence wants, without NLTK data."""

    language = "german"

    def to_words(self, text: str) -> list[str]:
        return WORD.findall(text)

    def to_sentences(self, text: str) -> list[str]:
        return [s for s in SENTENCE_END.split(text) if s.strip()]


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("file")
    parser.add_argument("-n", type=int, default=5)
    args = parser.parse_args(argv)

    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.utils import get_stop_words

    with open(args.file, encoding="utf-8") as handle:
        text = handle.read()
    tokenizer = PlainTokenizer()
    paragraphs = []
    for block in re.split(r"\n\s*\n", text):
        joined = " ".join(block.split())
        if joined:
            sentences = [Sentence(s, tokenizer) for s in tokenizer.to_sentences(joined)]
            paragraphs.append(Paragraph(sentences))
    summarizer = LexRankSummarizer(Stemmer("german"))
    summarizer.stop_words = get_stop_words("german")
    for sentence in summarizer(ObjectDocumentModel(paragraphs), args.n):
        print(sentence)
    return 0


if __name__ == "__main__":
    sys.exit(main())
