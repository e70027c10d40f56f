"""The stage functions, sources -> clean -> segment -> select -> translate, as tasks.

Each task takes a partition of listed inputs (or of the digest's state) and
returns plain data, so an executor can run it in this process or on the
workers of a cluster: summarize.run.local and summarize.run.dask run exactly
these functions. What tasks in one process share (one translator per
decoding setup, with its loaded models and cache) is a Workspace.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Generator, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, TypeVar

from ..clean import Cleaned, clean_text
from ..errors import MissingModelError, Problem, SummarizeError
from ..language import detect_document_language
from ..results import Article, ArticleResult, Document, OutputSentence, Sentence
from ..segment import split_sentences
from ..select.summary import DEFAULT_METHOD, select_sentences
from ..sources import InputItem, read_input
from ..translation.translator import Translator
from .jobs import AUTO, SUMMARY, Job, Outcome, PartReport

ProgressFn = Callable[[int, int], None]


class HasLanguage(Protocol):
    @property
    def language(self) -> str: ...


T = TypeVar("T", bound=HasLanguage)


# --- clean and segment ---------------------------------------------------------------


def prepare(document: Document, language: str = AUTO) -> Article:
    """Clean, detect the language and segment one document."""
    cleaned = clean_text(document.text)
    regions = cleaned.kept_regions()
    if language == AUTO:
        language = detect_document_language(document.text, regions)
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


# --- the translator a process shares --------------------------------------------------------


def make_translator(
    cache_path: str | Path | None = None,
    *,
    use_cache: bool = True,
    beam_size: int = 4,
    compute_type: str = "default",
    warn: Callable[[str], None] | None = None,
    progress: ProgressFn | None = None,
) -> Translator:
    """An Argos translator with its cache (the default cache unless told otherwise)."""
    from ..translation.cache import TranslationCache, default_cache_path
    from ..translation.translator import ArgosTranslator, DecodeOptions

    path = None
    if use_cache:
        path = Path(cache_path) if cache_path else default_cache_path()
    return ArgosTranslator(
        TranslationCache(path, warn=warn),
        DecodeOptions(beam_size=beam_size, compute_type=compute_type),
        progress=progress,
    )


class Workspace:
    """What the tasks running in one process share.

    One translator per decoding setup (cache, beam, packages folder), built on
    first use and kept, so each model loads once per process; one per thread,
    because SQLite connections stay in theirs. Warnings from the cache are
    kept as notes until the task's report takes them. A library caller may
    give its own translator, which then serves every job.
    """

    KEEP_TRANSLATORS = 4

    def __init__(
        self, translator: Translator | None = None, progress: ProgressFn | None = None
    ) -> None:
        self.given = translator
        self.progress = progress  # the translator's progress bar, in this process only
        self.notes: list[str] = []
        self._translators: dict[tuple, Translator] = {}
        self._lock = threading.Lock()

    def translator(self, job: Job) -> Translator:
        if self.given is not None:
            return self.given
        from ..translation.models import packages_dir

        key = (
            job.cache,
            job.use_cache,
            job.beam,
            job.compute_type,
            str(packages_dir()),
            threading.get_ident(),
        )
        with self._lock:
            translator = self._translators.get(key)
            if translator is None:
                translator = make_translator(
                    job.cache,
                    use_cache=job.use_cache,
                    beam_size=job.beam,
                    compute_type=job.compute_type,
                    warn=self.notes.append,
                    progress=self.progress,
                )
                self._translators[key] = translator
                while len(self._translators) > self.KEEP_TRANSLATORS:
                    self._translators.pop(next(iter(self._translators)))
            return translator

    def drain_notes(self) -> list[str]:
        with self._lock:
            notes = list(self.notes)
            self.notes.clear()
        return notes


# --- reading a partition ----------------------------------------------------------------------


def failure(exc: BaseException) -> str:
    """How an unexpected exception on one input is reported when failures are isolated."""
    first = (str(exc).strip().splitlines() or [""])[0]
    return f"failed on a worker: {type(exc).__name__}: {first}"


Mapper = Callable[
    ..., Generator[Any, None, None]
]  # map(fn, items, *args) in order, maybe in other processes


def serial_map(fn: Callable, items: Sequence, *args: Any) -> Generator[Any, None, None]:
    """The mapper of one process: each item in turn."""
    return (fn(item, *args) for item in items)


def read_one(
    entry: tuple[int, InputItem], job: Job, isolate: bool
) -> tuple[Outcome, list[Article]]:
    """Read and prepare one listed input; its problems go into its outcome."""
    index, item = entry
    outcome = Outcome(index, item.path, item.root)
    articles: list[Article] = []
    try:
        read = read_input(item, job.encoding)
        outcome.problems = [Problem.of(e) for e in read.errors]
        outcome.problems += [Problem(w) for w in read.warnings]
        for document in read.documents:
            article = prepare(document, job.source_language)
            outcome.language = article.language
            articles.append(article)
    except Exception as exc:
        if not isolate:
            raise
        outcome.fail(failure(exc))  # a bug on one input must not lose the others
        outcome.language = None
    return outcome, articles


def read_and_prepare(
    items: Sequence[tuple[int, InputItem]], job: Job, isolate: bool
) -> tuple[list[Outcome], list[tuple[Outcome, Article]]]:
    """Read and prepare each listed input; its problems go into its outcome."""
    outcomes: list[Outcome] = []
    prepared: list[tuple[Outcome, Article]] = []
    for outcome, articles in serial_map(read_one, items, job, isolate):
        outcomes.append(outcome)
        prepared.extend((outcome, article) for article in articles)
    return outcomes, prepared


def keep_translatable(
    prepared: list[tuple[Outcome, T]], job: Job, workspace: Workspace
) -> list[tuple[Outcome, T]]:
    """The prepared articles a model exists for; the others are marked missing.

    An article in a language without a model must not stop the others.
    """
    languages = sorted({a.language for _, a in prepared} - {job.target})
    if not languages:
        return prepared  # nothing to translate: no translator needed
    translator = workspace.translator(job)
    missing: dict[str, tuple[str, str]] = {}
    for language in languages:
        try:
            translator.check(language, job.target)
        except MissingModelError as exc:
            missing[language] = (exc.source, exc.target)
    usable = []
    for outcome, article in prepared:
        if article.language in missing:
            outcome.missing = missing[article.language]
        else:
            usable.append((outcome, article))
    return usable


# --- summary and translate -------------------------------------------------------------------


def articles_task(
    items: Sequence[tuple[int, InputItem]],
    job: Job,
    workspace: Workspace,
    isolate: bool = False,
    progress: Callable[[], None] | None = None,
) -> PartReport:
    """Read, clean, segment, select and translate one partition of inputs.

    ``isolate``: an unexpected exception on one input becomes that input's
    error instead of stopping the run (a cluster keeps going). ``progress``
    is called once per finished article.
    """
    picked = list(serial_map(pick_item, items, job, isolate))
    return finish_part(picked, job, workspace, isolate, progress)


@dataclass(frozen=True)
class Picked:
    """One article after its per-document stages: all that translating and
    rendering it needs (no text, no lines), small enough to send between processes."""

    path: str
    language: str
    title: str | None
    kept: int
    total: int
    root: str | None
    chosen: list[tuple[Sentence, float | None]]
    paragraph_starts: frozenset[int]


def pick_item(
    entry: tuple[int, InputItem], job: Job, isolate: bool
) -> tuple[Outcome, list[Picked]]:
    """Read, clean, segment and select one input: the per-document stages,
    which need no translator and can run in any process."""
    outcome, articles = read_one(entry, job, isolate)
    try:
        return outcome, [pick(article, job) for article in articles]
    except Exception as exc:
        if not isolate:
            raise
        outcome.fail(failure(exc))
        return outcome, []


def finish_part(
    picked: Sequence[tuple[Outcome, list[Picked]]],
    job: Job,
    workspace: Workspace,
    isolate: bool = False,
    progress: Callable[[], None] | None = None,
) -> PartReport:
    """Translate picked articles (those a model exists for) into their outcomes' results."""
    prepared = [(outcome, article) for outcome, found in picked for article in found]
    usable = keep_translatable(prepared, job, workspace)
    decoded = _produce(usable, job, workspace, isolate, progress) if usable else 0
    return PartReport([outcome for outcome, _ in picked], workspace.drain_notes(), decoded)


def _produce(
    usable: list[tuple[Outcome, Picked]],
    job: Job,
    workspace: Workspace,
    isolate: bool,
    progress: Callable[[], None] | None,
) -> int:
    translator = workspace.translator(job)
    before = int(getattr(translator, "decoded", 0))
    picked = [p for _, p in usable]
    try:
        for (outcome, _), result in zip(usable, finish(picked, job, translator, progress)):
            outcome.result = result
    except SummarizeError:
        raise
    except Exception:
        if not isolate:
            raise
        # Find the input that fails: one at a time, the others still count.
        for outcome, one in usable:
            try:
                (outcome.result,) = finish([one], job, translator)
            except SummarizeError:
                raise
            except Exception as exc:
                outcome.fail(failure(exc))
    return int(getattr(translator, "decoded", 0)) - before


def produce(
    articles: Sequence[Article],
    job: Job,
    translator: Translator,
    progress: Callable[[], None] | None = None,
) -> Iterator[ArticleResult]:
    """Each article's summary (or translation), in order, all translated in one batch."""
    return finish([pick(article, job) for article in articles], job, translator, progress)


def pick(article: Article, job: Job) -> Picked:
    """One article's sentences to show (its summary, or all it keeps), untranslated."""
    chosen = _summary_pick(article, job) if job.kind == SUMMARY else _translation_pick(article, job)
    starts = (
        frozenset()
        if job.kind == SUMMARY
        else _paragraph_starts(article.document.text, [s for s, _ in chosen])
    )
    return Picked(
        path=article.path,
        language=article.language,
        title=article.title,
        kept=len(article.sentences),
        total=article.total_sentences,
        root=article.document.root,
        chosen=chosen,
        paragraph_starts=starts,
    )


def finish(
    picked: Sequence[Picked],
    job: Job,
    translator: Translator,
    progress: Callable[[], None] | None = None,
) -> Iterator[ArticleResult]:
    """Each picked article's result, in order, all translated in one batch."""
    jobs = [(p.language, s) for p in picked for s, _ in p.chosen]
    texts = iter(translate_sentences(jobs, job.target, translator))
    for one in picked:
        out = tuple(OutputSentence(next(texts), s, score) for s, score in one.chosen)
        if progress is not None:
            progress()
        yield ArticleResult(
            path=one.path,
            language=one.language,
            target=job.target,
            title=one.title,
            sentences=out,
            kept=one.kept,
            total=one.total,
            paragraph_starts=one.paragraph_starts,
            root=one.root,
        )


Chosen = list[tuple[Sentence, float | None]]


def _summary_pick(article: Article, job: Job) -> Chosen:
    chosen = select_sentences(
        article.sentences,
        article.language,
        method=job.method or DEFAULT_METHOD,
        count=job.sentences,
        ratio=job.ratio,
    )
    return [(s.sentence, s.score) for s in chosen]


def _translation_pick(article: Article, job: Job) -> Chosen:
    if job.keep_boilerplate:
        doc = article.document
        every = split_sentences(doc.path, doc.text, None, article.language)
        return [(s, None) for s in every]
    return [(s, None) for s in article.sentences]


def _paragraph_starts(text: str, sentences: Sequence[Sentence]) -> frozenset[int]:
    """Indices of sentences that begin a new paragraph or stand on their own line."""
    starts = set()
    previous_end = None
    for i, sentence in enumerate(sentences):
        if previous_end is None or "\n" in text[previous_end : sentence.start]:
            starts.add(i)
        previous_end = sentence.end
    return frozenset(starts)


# --- translating sentences ------------------------------------------------------------------


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


def translate_task(
    jobs: list[tuple[str, Sentence]], job: Job, workspace: Workspace
) -> tuple[list[str], int, list[str]]:
    """Translate sentences where the models are: (texts, decoded, notes)."""
    translator = workspace.translator(job)
    before = int(getattr(translator, "decoded", 0))
    texts = translate_sentences(jobs, job.target, translator)
    return texts, int(getattr(translator, "decoded", 0)) - before, workspace.drain_notes()


def ready(value: Any) -> Any:
    """A task that returns its argument: starts a plan from data already at hand."""
    return value
