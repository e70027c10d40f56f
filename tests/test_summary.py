"""Per-article selection: the news ranker, and sumy fed by our own tokenizer (no NLTK data)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarize.errors import UsageError
from summarize.segment import Sentence
from summarize.select.news import rank_news
from summarize.select.summary import (
    DEFAULT_METHOD,
    SUMMARIZERS,
    candidates,
    select_sentences,
    sentence_count,
)


def make(texts: list[str], heading: set[int] = frozenset()) -> list[Sentence]:
    out, offset = [], 0
    for i, text in enumerate(texts):
        out.append(Sentence("doc.txt", i, text, offset, offset + len(text), i + 1, i in heading))
        offset += len(text) + 1
    return out


ARTICLE = [
    "Russland und Nordkorea unterzeichnen einen Vertrag über strategische Partnerschaft.",
    "Der Vertrag verpflichtet Russland und Nordkorea zu gegenseitigem Beistand.",
    "Das Wetter in Berlin war am Mittwoch sonnig und warm.",
    "Nordkorea liefert Russland Munition für den Krieg, Russland liefert Technologie.",
    "Ein Sprecher des Zoos lobte die neuen Pinguine im Gehege.",
    "Der Vertrag über die Partnerschaft ersetzt den alten Vertrag von 1961.",
]


def test_candidates_skip_headings_fragments_and_repeats():
    sentences = make(
        ["Eine Überschrift ohne Punkt", "Kurz.", ARTICLE[0], ARTICLE[0], ARTICLE[1]], heading={0}
    )
    assert [s.text for s in candidates(sentences)] == [ARTICLE[0], ARTICLE[1]]


# A news text whose third sentence is a newsletter greeting kept by the cleaner.
CLIMATE = [
    "Der Nationalrat in Wien beschließt ein Klimagesetz mit strengen Zielen für 2030.",
    "Das Klimagesetz verpflichtet Verkehr und Industrie zu weniger Emissionen.",
    "Eine gute Lektüre wünscht Ihnen heute die Redaktion.",
    "Für den Verkehr setzt das Gesetz strenge Ziele bei den Emissionen.",
    "Die Emissionen im Verkehr sollen bis 2030 um ein Drittel sinken.",
    "Die Industrie kritisiert die Ziele für den Verkehr als zu streng.",
    "Umweltgruppen begrüßen die Ziele für Verkehr und Emissionen.",
    "Der Bundesrat stimmt im Juni über das Klimagesetz ab.",
]


def picks(texts: list[str], method: str = "news", count: int = 3, language: str = "de"):
    return [c.sentence.index for c in select_sentences(make(texts), language, method, count=count)]


def test_news_is_the_default_method():
    assert DEFAULT_METHOD == "news"
    assert SUMMARIZERS["news"].rank is rank_news
    chosen = select_sentences(make(ARTICLE), "de", count=3)
    assert chosen == select_sentences(make(ARTICLE), "de", "news", count=3)
    assert chosen != select_sentences(make(ARTICLE), "de", "lexrank", count=3)


def test_news_keeps_the_lead_when_it_is_on_topic():
    # Without the greeting the first three sentences all belong to the story, and
    # the lead prior keeps them, although LexRank would rather take sentence 4 for
    # the second one: later sentences restate it.
    story = CLIMATE[:2] + CLIMATE[3:]
    assert picks(story) == [0, 1, 2]
    assert picks(story, "lexrank") != [0, 1, 2]


def test_news_drops_a_lead_sentence_that_nothing_after_it_takes_up():
    # The greeting shares no word with the story: its forward centrality and its
    # similarity to the lead are 0, and sentence 3, which the sentences after it
    # restate ("Verkehr", "Ziele", "Emissionen"), takes its place.
    scores = rank_news(make(CLIMATE), "de")
    assert scores[3] > scores[2]
    assert picks(CLIMATE) == [0, 1, 3]


def test_news_scores_a_cut_copy_zero():
    # A teaser cut with an ellipsis (here behind a mail subject prefix) says nothing
    # the full sentence does not; the full sentence stands in its place.
    for cut in (
        "Der Nationalrat in Wien beschließt ein Klimagesetz mit …",
        "Betreff: Morgenpost – Der Nationalrat in Wien beschließt ein Klimagesetz …",
    ):
        texts = [cut, *CLIMATE[:2], *CLIMATE[3:]]
        scores = rank_news(make(texts), "de")
        assert scores[0] == 0.0
        assert all(score > 0 for score in scores[1:])
        assert picks(texts) == [1, 2, 3]


def test_news_keeps_an_ellipsis_that_copies_nothing():
    texts = ["Und dann kam alles ganz anders als gedacht …", *CLIMATE[:2], *CLIMATE[3:]]
    assert rank_news(make(texts), "de")[0] > 0
    assert picks(texts) == [0, 1, 2]


def test_news_ranks_a_long_article_whole(monkeypatch):
    # The news ranker is linear, so a long article is not cut down to the
    # sentences nearest its centroid first, which could drop the lead.
    monkeypatch.setattr("summarize.select.summary.MAX_RANKED", 10)
    filler = [f"Im Archiv liegt die Akte {i} über den Bau der Brücke." for i in range(40)]
    texts = [CLIMATE[0], *filler]
    assert picks(texts)[0] == 0
    assert 0 not in picks(texts, "lexrank")


def test_news_english_article():
    article = [
        "Russia and North Korea signed a treaty in Pyongyang on Wednesday.",
        "The treaty commits Russia and North Korea to mutual assistance.",
        "Get our morning newsletter with the best stories of the day.",
        "The treaty between Russia and North Korea replaces the 1961 treaty.",
        "Russia and North Korea have grown closer since the war in Ukraine began.",
        "Analysts say the treaty gives North Korea access to Russian technology.",
        "North Korea supplies Russia with munitions for the war.",
    ]
    assert picks(article, language="en") == [0, 1, 3]


SAMPLES = Path(__file__).resolve().parent.parent / "samples"
EVERY_METHOD = """
import json, sys
from pathlib import Path
from summarize.results import Document
from summarize.run.pipeline import prepare
from summarize.select.summary import SUMMARIZERS, select_sentences

out = {}
for path in sorted(Path(sys.argv[1]).glob("*.txt")):
    article = prepare(Document(str(path), path.read_text(encoding="utf-8")), "de")
    for method in sorted(SUMMARIZERS):
        chosen = select_sentences(article.sentences, "de", method, count=3)
        out[f"{path.name} {method}"] = [(c.sentence.index, repr(c.score)) for c in chosen]
print(json.dumps(out))
"""


def test_every_method_is_the_same_whatever_the_hash_seed():
    # sumy's LSA used to number its words in a frozenset's order: its picks
    # changed with PYTHONHASHSEED. Every method must give the same sentences and
    # scores, to the last bit, in every process.
    runs = []
    for seed in ("0", "1", "2", "12345"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        proc = subprocess.run(
            [sys.executable, "-c", EVERY_METHOD, str(SAMPLES)],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        runs.append(json.loads(proc.stdout))
    assert len(runs[0]) == len(list(SAMPLES.glob("*.txt"))) * len(SUMMARIZERS)
    for run in runs[1:]:
        assert run == runs[0]


def test_lexrank_picks_the_central_sentences_in_document_order():
    chosen = select_sentences(make(ARTICLE), "de", "lexrank", count=3)
    texts = [c.sentence.text for c in chosen]
    assert texts == [ARTICLE[0], ARTICLE[1], ARTICLE[5]]
    assert [c.sentence.index for c in chosen] == sorted(c.sentence.index for c in chosen)
    assert all(c.score > 0 for c in chosen)


@pytest.mark.parametrize("method", sorted(SUMMARIZERS))
def test_every_method_runs_without_nltk_data(method):
    chosen = select_sentences(make(ARTICLE), "de", method, count=2)
    assert len(chosen) == 2
    assert {c.sentence.text for c in chosen} <= set(ARTICLE)


def test_off_topic_sentences_are_not_chosen_by_lexrank():
    chosen = select_sentences(make(ARTICLE), "de", "lexrank", count=3)
    texts = {c.sentence.text for c in chosen}
    assert ARTICLE[2] not in texts and ARTICLE[4] not in texts


def test_ratio_and_count():
    assert sentence_count(10, None, 0.25) == 3
    assert sentence_count(10, 2, None) == 2
    assert sentence_count(10, None, None) == 5
    with pytest.raises(UsageError):
        sentence_count(10, None, 1.5)


def test_unknown_method():
    with pytest.raises(UsageError, match="lexrank"):
        select_sentences(make(ARTICLE), "de", "bogus", count=2)


def test_english_article():
    article = [
        "The treaty commits Russia and North Korea to mutual assistance.",
        "Russia and North Korea signed the treaty in Pyongyang on Wednesday.",
        "The weather was pleasant for the time of year in Lisbon.",
        "The treaty between Russia and North Korea replaces the 1961 treaty.",
    ]
    chosen = select_sentences(make(article), "en", "lexrank", count=2)
    assert article[2] not in {c.sentence.text for c in chosen}


words = st.sampled_from(
    [
        "Russland",
        "Nordkorea",
        "Vertrag",
        "Partnerschaft",
        "Munition",
        "Krieg",
        "Ukraine",
        "Putin",
        "Kim",
        "und",
        "der",
        "die",
        "das",
        "mit",
        "von",
        "im",
        "zu",
        "liefert",
        "unterzeichnet",
        "verpflichtet",
        "stärkt",
    ]
)
sentence_text = st.lists(words, min_size=5, max_size=12).map(lambda w: " ".join(w) + ".")


@settings(max_examples=60, deadline=None)
@given(
    st.lists(sentence_text, min_size=1, max_size=15),
    st.integers(1, 6),
    st.sampled_from(sorted(SUMMARIZERS)),
)
def test_summary_is_an_ordered_subset(texts, count, method):
    sentences = make(texts)
    chosen = select_sentences(sentences, "de", method, count=count)
    indices = [c.sentence.index for c in chosen]
    assert indices == sorted(set(indices))
    assert len(chosen) <= count
    assert all(c.sentence in sentences for c in chosen)


def test_long_articles_are_prefiltered_to_a_bounded_pool(monkeypatch):
    monkeypatch.setattr("summarize.select.summary.MAX_RANKED", 10)
    texts = [f"{ARTICLE[i % len(ARTICLE)][:-1]} im Jahr {1900 + i}." for i in range(60)]
    chosen = select_sentences(make(texts), "de", "lexrank", count=3)
    assert len(chosen) == 3
    indices = [c.sentence.index for c in chosen]
    assert indices == sorted(indices)


def test_prefilter_keeps_central_sentences_in_order():
    from summarize.select.summary import prefilter

    sentences = make(ARTICLE)
    kept = prefilter(sentences, "de", 3)
    assert [s.index for s in kept] == sorted(s.index for s in kept)
    assert ARTICLE[2] not in {s.text for s in kept}  # the weather is off-topic
    assert prefilter(sentences, "de", 10) == sentences


# --- the faster paths give sumy's (and our earlier code's) numbers, to the bit --------


def test_lower_casing_keeps_every_character_but_two_of_its_kind():
    # lower_words and key_from_words tokenize the lower-cased text once; that is
    # only right if lower-casing maps each character to one character of the same
    # kind (word character or not, never a hyphen or apostrophe), context free.
    # "İ" (two characters) and "Σ" (final sigma) are the exceptions they handle.
    import re

    from summarize.words import _CONTEXT_LOWER

    word = re.compile(r"\w")
    odd = []
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        lower = char.lower()
        if lower == char:
            continue
        same_kind = bool(word.match(char)) == bool(word.match(lower))
        if len(lower) != 1 or not same_kind or lower in "-'’" or char in "-'’":
            odd.append(char)
    assert odd == ["İ"]
    assert set(_CONTEXT_LOWER) == {"İ", "Σ"}


@pytest.mark.parametrize(
    "text",
    [
        "Der Vertrag über Nordkorea's „Partnerschaft“ – Kim Jong-un, 1961.",
        "İstanbul und İzmir: İSTANBUL",
        "ΟΔΟΣ.Β und ΑΣ'Β, Α.Σ; ΣΟΦΟΣ",
        "ǅemal ﬁndet Ⅻ Straße STRASSE",
    ],
)
def test_lower_words_and_key_match_the_plain_definitions(text):
    from summarize.words import key_from_words, lower_words, text_key, tokenize

    assert list(lower_words(text)) == [w.lower() for w in tokenize(text)]
    assert key_from_words(text, lower_words(text)) == text_key(text)


def test_content_terms_are_the_stems_of_the_non_stop_words():
    from summarize.words import content_terms, lower_words, stemmer, stop_words

    for language in ("de", "en", "xx"):
        for text in [*ARTICLE, *CLIMATE, "Die die DIE Verträge, Vertrags, verträglich."]:
            lowered = lower_words(text)
            stem, stops = stemmer(language), stop_words(language)
            expected = [stem(w) for w in lowered if w not in stops]
            assert content_terms(lowered, language) == expected


def _reference_news_scores(texts: list[str], language: str) -> list[float]:
    """rank_news as first written: plain loops, one word at a time."""
    import math

    from summarize.select.news import DECAY, LEAD, PRIOR
    from summarize.words import stemmer, stop_words, tokenize

    stem, stops = stemmer(language), stop_words(language)
    bags = []
    for text in texts:
        bag: dict[str, int] = {}
        for word in tokenize(text):
            if word.lower() not in stops:
                term = stem(word.lower())
                bag[term] = bag.get(term, 0) + 1
        bags.append(bag)
    frequency: dict[str, int] = {}
    for bag in bags:
        for term in bag:
            frequency[term] = frequency.get(term, 0) + 1
    vectors = []
    for bag in bags:
        vector = {t: tf * math.log(len(bags) / frequency[t]) for t, tf in bag.items()}
        norm = math.sqrt(sum(w * w for w in vector.values()))
        vectors.append({t: w / norm for t, w in vector.items() if w} if norm else {})

    def dot(small, large):
        return sum(w * large.get(t, 0.0) for t, w in small.items())

    following, after = [0.0] * len(vectors), {}
    for i in range(len(vectors) - 1, -1, -1):
        following[i] = dot(vectors[i], after)
        for term, weight in vectors[i].items():
            after[term] = after.get(term, 0.0) + weight
    top = max(following)
    scores = []
    for i, vector in enumerate(vectors):
        score = PRIOR * math.exp(-i / DECAY)
        if top > 0:
            score += following[i] / top
        if i > 0:
            score += LEAD * dot(vector, vectors[0])
        scores.append(score)
    return scores


@pytest.mark.parametrize("texts", [ARTICLE, CLIMATE, [*ARTICLE, *CLIMATE, *ARTICLE[:2]]])
def test_news_scores_are_the_plain_loops_scores_to_the_bit(texts):
    assert rank_news(make(texts), "de") == _reference_news_scores(texts, "de")


def _sumy_parts(language: str = "de"):
    from sumy.models.dom import ObjectDocumentModel, Paragraph
    from sumy.models.dom import Sentence as SumySentence

    from summarize.select.summary import WordTokenizer

    sentences = [SumySentence(t, WordTokenizer(language)) for t in [*ARTICLE, *CLIMATE]]
    return sentences, ObjectDocumentModel((Paragraph(sentences),))


def _summarizer(module: str, name: str, *fixes: type):
    import importlib

    from summarize.words import stemmer, stop_words

    base = getattr(importlib.import_module(module), name)
    summarizer = (type(name, (*fixes, base), {}) if fixes else base)(stemmer("de"))
    summarizer.stop_words = stop_words("de")
    return summarizer


def test_lexrank_idf_in_one_pass_is_sumys():
    from sumy.summarizers.lex_rank import LexRankSummarizer

    from summarize.select.summary import _LexRankGraph

    sentences, _document = _sumy_parts()
    sumy = _summarizer("sumy.summarizers.lex_rank", "LexRankSummarizer")
    words = [sumy._to_words_set(s) for s in sentences] + [[], ["vertrag", "vertrag"]]
    ours = _LexRankGraph._compute_idf(words)
    theirs = LexRankSummarizer._compute_idf(words)
    assert list(ours.items()) == list(theirs.items())  # same values, same order


def test_textrank_matrix_is_sumys():
    import numpy

    from summarize.select.summary import _TextRankEdges

    _sentences, document = _sumy_parts()
    module, name = "sumy.summarizers.text_rank", "TextRankSummarizer"
    ours = _summarizer(module, name, _TextRankEdges)._create_matrix(document)
    theirs = _summarizer(module, name)._create_matrix(document)
    assert ours.tobytes() == theirs.tobytes()
    assert numpy.count_nonzero(ours != ours[0, 0]) > 0  # not a constant matrix


def test_lsa_term_frequencies_are_sumys():
    from summarize.select.summary import _SortedDictionary

    _sentences, document = _sumy_parts()
    module, name = "sumy.summarizers.lsa", "LsaSummarizer"
    ours, theirs = _summarizer(module, name, _SortedDictionary), _summarizer(module, name)
    dictionary = ours._create_dictionary(document)
    counts = ours._create_matrix(document, dictionary)
    counts[:, 3] = 0.0  # a sentence with no counted word keeps its zeros
    expected = theirs._compute_term_frequency(counts.copy())
    assert ours._compute_term_frequency(counts.copy()).tobytes() == expected.tobytes()


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ({}, "1"),
        ({"OPENBLAS_NUM_THREADS": "3"}, "3"),
        ({"OMP_NUM_THREADS": "4"}, None),  # the user's thread count reaches OpenBLAS
    ],
)
def test_the_cli_asks_for_one_blas_thread_unless_the_user_chose(monkeypatch, given, expected):
    from summarize.cli import _BLAS_THREAD_VARIABLES, _one_blas_thread

    for name in _BLAS_THREAD_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    for name, value in given.items():
        monkeypatch.setenv(name, value)
    _one_blas_thread()
    assert os.environ.get("OPENBLAS_NUM_THREADS") == expected


def test_prefilter_keeps_what_the_plain_loops_kept():
    import math

    from summarize.select.summary import prefilter
    from summarize.words import stemmer, stop_words, tokenize

    texts = [f"{t[:-1]} im Jahr {1900 + 7 * i % 50}." for i, t in enumerate(ARTICLE * 4 + CLIMATE)]
    pool = make(texts)
    stem, stops = stemmer("de"), stop_words("de")
    bags = [{stem(w.lower()) for w in tokenize(t) if w.lower() not in stops} for t in texts]
    frequency: dict[str, int] = {}
    for bag in bags:
        for term in bag:
            frequency[term] = frequency.get(term, 0) + 1
    scores = [sum(frequency[t] for t in bag) / math.sqrt(len(bag)) for bag in bags]
    best = sorted(sorted(range(len(pool)), key=lambda i: (-scores[i], i))[:9])
    assert prefilter(pool, "de", 9) == [pool[i] for i in best]
