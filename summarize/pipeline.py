"""The pipeline, as library functions: sources -> clean -> segment -> select -> translate.

Everything the CLI does is reachable from here, returning plain dataclasses
that the renderers turn into text, Markdown or JSON. Nothing here knows about
the terminal.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .clean import Cleaned, clean_text
from .errors import MissingModelError, SummarizeError, UsageError
from .language import detect_language
from .segment import Sentence, split_sentences
from .sources import Document, read_documents
from .summary import DEFAULT_METHOD, select_sentences
from .translation.cache import TranslationCache, default_cache_path
from .translation.translator import ArgosTranslator, DecodeOptions, Translator

AUTO = "auto"


@dataclass(frozen=True)
class Article:
    """A document after cleaning and segmentation."""

    document: Document
    cleaned: Cleaned
    language: str
    sentences: tuple[Sentence, ...]  # the kept sentences, in document order
    total_sentences: int  # kept plus those in dropped lines

    @property
    def path(self) -> str:
        return self.document.path

    @property
    def title(self) -> str | None:
        return self.cleaned.title


@dataclass(frozen=True)
class OutputSentence:
    """A sentence as shown: its text in the output language and where it came from."""

    text: str
    source: Sentence
    score: float | None = None


@dataclass(frozen=True)
class ArticleResult:
    """One article's summary or translation."""

    path: str
    language: str
    target: str
    title: str | None
    sentences: tuple[OutputSentence, ...]
    kept: int
    total: int
    # For translations: the blank-line paragraph each sentence starts, so the
    # output keeps the article's structure.
    paragraph_starts: frozenset[int] = frozenset()


@dataclass
class RunResult:
    """What a command produced, plus every input that could not be used."""

    articles: list[ArticleResult] = field(default_factory=list)
    errors: list[SummarizeError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def prepare(document: Document, language: str = AUTO) -> Article:
    """Clean, detect the language and segment one document."""
    cleaned = clean_text(document.text)
    regions = cleaned.kept_regions()
    if language == AUTO:
        kept_text = "\n".join(document.text[s:e] for s, e in regions) or document.text
        language = detect_language(kept_text)
    sentences = split_sentences(document.path, document.text, regions, language)
    dropped = split_sentences(document.path, document.text, _dropped_regions(cleaned), language)
    return Article(
        document=document,
        cleaned=cleaned,
        language=language,
        sentences=tuple(sentences),
        total_sentences=len(sentences) + len(dropped),
    )


def _dropped_regions(cleaned: Cleaned) -> list[tuple[int, int]]:
    regions: list[tuple[int, int]] = []
    start = end = -1
    for line in cleaned.lines:
        if line.kept or line.blank:
            if start >= 0:
                regions.append((start, end))
                start = -1
            continue
        if start < 0:
            start = line.start
        end = line.end
    if start >= 0:
        regions.append((start, end))
    return regions


def load_articles(
    paths: Sequence[str],
    *,
    source_language: str = AUTO,
    globs: Sequence[str] | None = None,
    encoding: str | None = None,
    stdin=None,
) -> tuple[list[Article], RunResult]:
    read = read_documents(paths, globs=globs, encoding=encoding, stdin=stdin)
    result = RunResult(errors=list(read.errors), warnings=list(read.warnings))
    articles = [prepare(doc, source_language) for doc in read.documents]
    return articles, result


def make_translator(
    cache_path: str | Path | None = None,
    *,
    use_cache: bool = True,
    beam_size: int = 4,
    warn=None,
    progress=None,
) -> ArgosTranslator:
    path = None
    if use_cache:
        path = Path(cache_path) if cache_path else default_cache_path()
    return ArgosTranslator(
        TranslationCache(path, warn=warn), DecodeOptions(beam_size=beam_size), progress=progress
    )


def translate_sentences(
    jobs: Sequence[tuple[str, Sentence]], target: str, translator: Translator
) -> list[str]:
    """Translate (language, sentence) pairs, batching all sentences of one language."""
    out = [s.text for _, s in jobs]
    by_language: dict[str, list[int]] = {}
    for i, (language, _sentence) in enumerate(jobs):
        if language != target:
            by_language.setdefault(language, []).append(i)
    for language in sorted(by_language):
        indices = by_language[language]
        texts = translator.translate([_flat(jobs[i][1].text) for i in indices], language, target)
        for i, text in zip(indices, texts):
            out[i] = text
    return out


def _flat(text: str) -> str:
    # A sentence wrapped over lines is one sentence to the model.
    return " ".join(text.split())


def check_models(articles: Sequence[Article], target: str, translator: Translator) -> None:
    """Fail before any work if a needed model is missing."""
    _usable, missing = usable_articles(articles, target, translator)
    if missing:
        raise missing[0]


def usable_articles(
    articles: Sequence[Article], target: str, translator: Translator
) -> tuple[list[Article], list[MissingModelError]]:
    """Split articles into those we can translate and one error per missing pair.

    An article in a language without a model must not stop the others.
    """
    missing: dict[str, MissingModelError] = {}
    for language in sorted({a.language for a in articles}):
        if language == target:
            continue
        try:
            translator.check(language, target)
        except MissingModelError as exc:
            missing[language] = exc
    if not missing:
        return list(articles), []
    errors = [
        MissingModelError(
            exc.source, exc.target, [a.path for a in articles if a.language == language]
        )
        for language, exc in sorted(missing.items())
    ]
    return [a for a in articles if a.language not in missing], errors


def drop_untranslatable(
    articles: Sequence[Article],
    result: RunResult | DigestResult,
    target: str,
    translator: Translator,
) -> list[Article]:
    """The articles a model exists for; the others become errors in ``result``."""
    usable, missing = usable_articles(articles, target, translator)
    result.errors.extend(missing)
    return usable


def iter_summaries(
    articles: Sequence[Article],
    *,
    target: str = "en",
    translator: Translator | None = None,
    method: str = DEFAULT_METHOD,
    sentences: int | None = None,
    ratio: float | None = None,
    chunk: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Iterator[ArticleResult]:
    """Summaries, yielded as they are ready, ``chunk`` articles per translation batch.

    Bigger chunks batch more sentences per decoding call (faster overall);
    a chunk of 1 streams the first result soonest.
    """

    def pick(article: Article) -> list[tuple[Sentence, float | None]]:
        chosen = select_sentences(
            article.sentences, article.language, method=method, count=sentences, ratio=ratio
        )
        return [(s.sentence, s.score) for s in chosen]

    return _translated(articles, pick, target, translator, chunk, progress, paragraphs=False)


def summarize_articles(articles: Sequence[Article], **options) -> list[ArticleResult]:
    """Select each article's top sentences and translate only those."""
    return list(iter_summaries(articles, **options))


def iter_translations(
    articles: Sequence[Article],
    *,
    target: str = "en",
    translator: Translator | None = None,
    keep_boilerplate: bool = False,
    chunk: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Iterator[ArticleResult]:
    """Every kept sentence (or every sentence) of each article, translated."""

    def pick(article: Article) -> list[tuple[Sentence, float | None]]:
        if keep_boilerplate:
            doc = article.document
            every = split_sentences(doc.path, doc.text, None, article.language)
            return [(s, None) for s in every]
        return [(s, None) for s in article.sentences]

    return _translated(articles, pick, target, translator, chunk, progress, paragraphs=True)


def translate_articles(articles: Sequence[Article], **options) -> list[ArticleResult]:
    """Translate every kept sentence (or every sentence) of each article."""
    return list(iter_translations(articles, **options))


def _translated(
    articles: Sequence[Article],
    pick: Callable[[Article], list[tuple[Sentence, float | None]]],
    target: str,
    translator: Translator | None,
    chunk: int | None,
    progress: Callable[[int, int], None] | None,
    paragraphs: bool,
) -> Iterator[ArticleResult]:
    """Pick sentences per article, translate them a chunk at a time, yield results in order."""
    translator = translator or make_translator()
    check_models(articles, target, translator)
    done = 0
    for group in _chunks(articles, chunk):
        picked = [pick(article) for article in group]
        jobs = [(a.language, s) for a, chosen in zip(group, picked) for s, _ in chosen]
        texts = iter(translate_sentences(jobs, target, translator))
        for article, chosen in zip(group, picked):
            out = tuple(OutputSentence(next(texts), s, score) for s, score in chosen)
            starts = (
                _paragraph_starts(article.document.text, [s for s, _ in chosen])
                if paragraphs
                else frozenset()
            )
            done += 1
            if progress is not None:
                progress(done, len(articles))
            yield _result(article, target, out, starts)


def _chunks(items: Sequence[Article], size: int | None) -> Iterator[Sequence[Article]]:
    size = size or max(len(items), 1)
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _paragraph_starts(text: str, sentences: Sequence[Sentence]) -> frozenset[int]:
    """Indices of sentences that begin a new paragraph or stand on their own line."""
    starts = set()
    previous_end = None
    for i, sentence in enumerate(sentences):
        if previous_end is None or "\n" in text[previous_end : sentence.start]:
            starts.add(i)
        previous_end = sentence.end
    return frozenset(starts)


def _result(
    article: Article,
    target: str,
    sentences: tuple[OutputSentence, ...],
    paragraph_starts: frozenset[int] = frozenset(),
) -> ArticleResult:
    return ArticleResult(
        path=article.path,
        language=article.language,
        target=target,
        title=article.title,
        sentences=sentences,
        kept=len(article.sentences),
        total=article.total_sentences,
        paragraph_starts=paragraph_starts,
    )


def summarize_files(
    paths: Sequence[str],
    *,
    to: str = "en",
    source_language: str = AUTO,
    method: str = DEFAULT_METHOD,
    sentences: int | None = None,
    ratio: float | None = None,
    globs: Sequence[str] | None = None,
    encoding: str | None = None,
    translator: Translator | None = None,
) -> RunResult:
    """Summarize files and folders; the API behind ``summarize summary``."""
    articles, result = load_articles(
        paths, source_language=source_language, globs=globs, encoding=encoding
    )
    translator = translator or make_translator()
    articles = drop_untranslatable(articles, result, to, translator)
    result.articles = summarize_articles(
        articles, target=to, translator=translator, method=method, sentences=sentences, ratio=ratio
    )
    return result


def translate_files(
    paths: Sequence[str],
    *,
    to: str = "en",
    source_language: str = AUTO,
    keep_boilerplate: bool = False,
    globs: Sequence[str] | None = None,
    encoding: str | None = None,
    translator: Translator | None = None,
) -> RunResult:
    """Translate files and folders; the API behind ``summarize translate``."""
    articles, result = load_articles(
        paths, source_language=source_language, globs=globs, encoding=encoding
    )
    translator = translator or make_translator()
    articles = drop_untranslatable(articles, result, to, translator)
    result.articles = translate_articles(
        articles, target=to, translator=translator, keep_boilerplate=keep_boilerplate
    )
    return result


@dataclass
class DigestResult:
    """The merged key facts of a set of articles."""

    facts: list = field(default_factory=list)  # list[digest.Fact]
    sources: list = field(default_factory=list)  # list[digest.DigestSource]
    target: str = "en"
    errors: list[SummarizeError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def digest_articles(
    articles: Sequence[Article],
    *,
    target: str = "en",
    translator: Translator | None = None,
    facts: int = 12,
) -> DigestResult:
    """Group, rank and translate the key facts; only representatives are translated."""
    from .digest import DigestSource, select_facts

    if facts < 1:
        raise UsageError("--facts must be at least 1")
    translator = translator or make_translator()
    check_models(articles, target, translator)
    groups, candidates = select_facts(articles, facts)
    result = DigestResult(target=target)
    result.facts = digest_facts(groups, candidates, target, translator)
    result.sources = [
        DigestSource(a.path, a.title, a.language, len(a.sentences), a.total_sentences)
        for a in articles
    ]
    return result


def digest_facts(groups: Sequence, candidates, target: str, translator: Translator) -> list:
    """The chosen groups as facts, their representatives translated in one batch.

    ``candidates`` maps each member id of ``groups`` to its digest.Candidate.
    """
    from .digest import Fact

    jobs = [
        (candidates[g.representative].language, candidates[g.representative].sentence)
        for g in groups
    ]
    texts = translate_sentences(jobs, target, translator)
    out = []
    for group, text in zip(groups, texts):
        rep = candidates[group.representative]
        out.append(
            Fact(
                text=text,
                support=group.support,
                sentences=tuple(candidates[i].sentence for i in group.members),
                language=rep.language,
                score=group.score,
            )
        )
    return out


def digest_files(
    paths: Sequence[str],
    *,
    to: str = "en",
    source_language: str = AUTO,
    facts: int = 12,
    globs: Sequence[str] | None = None,
    encoding: str | None = None,
    translator: Translator | None = None,
) -> DigestResult:
    """Digest files and folders; the API behind ``summarize digest``."""
    articles, loaded = load_articles(
        paths, source_language=source_language, globs=globs, encoding=encoding
    )
    translator = translator or make_translator()
    articles = drop_untranslatable(articles, loaded, to, translator)
    result = digest_articles(articles, target=to, translator=translator, facts=facts)
    result.errors, result.warnings = loaded.errors, loaded.warnings
    return result
