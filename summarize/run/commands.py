"""The library functions behind each command: list the inputs, run one job, collect.

``summarize summary`` is ``summarize_files``, ``translate`` is
``translate_files``, ``digest`` is ``digest_files`` and ``inspect`` is
``load_articles`` / ``explain_groups``: the CLI only parses its options,
calls one of these and renders what comes back. Each takes an executor (the
local one by default) and returns the result dataclasses of
summarize.results, with every input's problems in ``result.problems``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, BinaryIO

from ..errors import Problem, UsageError
from ..results import (
    Article,
    ArticleResult,
    DigestResult,
    DigestSource,
    GroupMember,
    GroupView,
    RunResult,
)
from ..select import digest as facts
from ..select import grouping
from ..select.summary import DEFAULT_METHOD
from ..sources import list_inputs, read_documents
from ..translation.translator import Translator
from . import digest_plan
from .jobs import AUTO, DIGEST, SUMMARY, TRANSLATION, Collected, Job, Layout, Outcome
from .local import LocalExecutor
from .pipeline import ProgressFn, make_translator, prepare, produce


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
    executor: Any = None,
    progress: ProgressFn | None = None,
    on_article: Callable[[ArticleResult], None] | None = None,
    stdin: BinaryIO | None = None,
    exclude: Sequence[str] = (),
    **decoding: Any,
) -> RunResult:
    """Summarize files and folders: each article's top sentences, translated.

    ``on_article`` receives each result as soon as it is ready, in input
    order (then ``result.articles`` stays empty: nothing is held). The
    keywords ``cache``, ``use_cache`` and ``beam`` set up translation.
    ``exclude`` names files and folders a folder search skips (the run's own
    outputs).
    """
    if sentences is not None and ratio is not None:
        raise UsageError("give either --sentences or --ratio, not both")
    job = Job(
        SUMMARY,
        to,
        source_language,
        encoding,
        method=method,
        sentences=sentences,
        ratio=ratio,
        **decoding,
    )
    return run_articles(
        paths, job, globs, translator, executor, progress, on_article, stdin, exclude
    )


def translate_files(
    paths: Sequence[str],
    *,
    to: str = "en",
    source_language: str = AUTO,
    keep_boilerplate: bool = False,
    globs: Sequence[str] | None = None,
    encoding: str | None = None,
    translator: Translator | None = None,
    executor: Any = None,
    progress: ProgressFn | None = None,
    on_article: Callable[[ArticleResult], None] | None = None,
    stdin: BinaryIO | None = None,
    exclude: Sequence[str] = (),
    **decoding: Any,
) -> RunResult:
    """Translate files and folders: every kept sentence, paragraphs kept."""
    job = Job(
        TRANSLATION, to, source_language, encoding, keep_boilerplate=keep_boilerplate, **decoding
    )
    return run_articles(
        paths, job, globs, translator, executor, progress, on_article, stdin, exclude
    )


def run_articles(
    paths: Sequence[str],
    job: Job,
    globs: Sequence[str] | None = None,
    translator: Translator | None = None,
    executor: Any = None,
    progress: ProgressFn | None = None,
    on_article: Callable[[ArticleResult], None] | None = None,
    stdin: BinaryIO | None = None,
    exclude: Sequence[str] = (),
) -> RunResult:
    """One per-article job over the inputs, on the executor (local by default)."""
    executor = _executor(executor, translator)
    items = list_inputs(_required(paths), globs, stdin, exclude)
    collected = Collected()
    result = RunResult()
    stream = on_article is not None
    for outcome in executor.articles(items, job, progress, stream=stream):
        collected.add(outcome)
        if outcome.result is None:
            continue
        article = outcome.result
        if stream:
            on_article(article)  # type: ignore[misc]
        else:
            result.articles.append(article)
    result.problems = collected.finish()
    result.read, result.decoded = collected.read, executor.decoded
    return result


def digest_files(
    paths: Sequence[str],
    *,
    to: str = "en",
    source_language: str = AUTO,
    facts: int = facts.DEFAULT_FACTS,
    globs: Sequence[str] | None = None,
    encoding: str | None = None,
    translator: Translator | None = None,
    executor: Any = None,
    progress: ProgressFn | None = None,
    stdin: BinaryIO | None = None,
    exclude: Sequence[str] = (),
    **decoding: Any,
) -> DigestResult:
    """The key facts across all articles, each citing every source that states it."""
    if facts < 1:
        raise UsageError("--facts must be at least 1")
    job = Job(DIGEST, to, source_language, encoding, facts=facts, **decoding)
    executor = _executor(executor, translator)
    items = list_inputs(_required(paths), globs, stdin, exclude)
    collected = Collected()
    layout = executor.digest_layout(len(items))
    found, sources = digest_plan.digest(executor, items, job, layout, collected.add, progress)
    result = DigestResult(facts=found, sources=sources, target=to, problems=collected.finish())
    result.read, result.decoded = collected.read, executor.decoded
    return result


def _executor(executor: Any, translator: Translator | None) -> Any:
    if executor is None:
        return LocalExecutor(translator=translator)
    if translator is not None:
        raise TypeError("give a translator or an executor, not both")
    return executor


def _required(paths: Sequence[str]) -> Sequence[str]:
    if not paths:
        raise UsageError(
            "give at least one file, folder or - for stdin (or `inputs` in [tool.summarize])"
        )
    return paths


# --- prepared articles, in this process -----------------------------------------------------


def load_articles(
    paths: Sequence[str],
    *,
    source_language: str = AUTO,
    globs: Sequence[str] | None = None,
    encoding: str | None = None,
    stdin: BinaryIO | None = None,
) -> tuple[list[Article], RunResult]:
    """Read, clean and segment inputs: the articles, and a result holding the problems."""
    read = read_documents(_required(paths), globs=globs, encoding=encoding, stdin=stdin)
    problems = [Problem.of(e) for e in read.errors] + [Problem(w) for w in read.warnings]
    articles = [prepare(doc, source_language) for doc in read.documents]
    return articles, RunResult(problems=problems, read=len(articles))


def summarize_articles(
    articles: Sequence[Article],
    *,
    target: str = "en",
    translator: Translator | None = None,
    method: str = DEFAULT_METHOD,
    sentences: int | None = None,
    ratio: float | None = None,
) -> list[ArticleResult]:
    """Select each article's top sentences and translate only those."""
    job = Job(SUMMARY, target, method=method, sentences=sentences, ratio=ratio)
    return list(produce(articles, job, translator or make_translator()))


def translate_articles(
    articles: Sequence[Article],
    *,
    target: str = "en",
    translator: Translator | None = None,
    keep_boilerplate: bool = False,
) -> list[ArticleResult]:
    """Translate every kept sentence (or every sentence) of each article."""
    job = Job(TRANSLATION, target, keep_boilerplate=keep_boilerplate)
    return list(produce(articles, job, translator or make_translator()))


def digest_articles(
    articles: Sequence[Article],
    *,
    target: str = "en",
    translator: Translator | None = None,
    facts: int = facts.DEFAULT_FACTS,
) -> DigestResult:
    """The key facts of articles already prepared; only representatives are translated."""
    if facts < 1:
        raise UsageError("--facts must be at least 1")
    chosen, candidates = select_facts(articles, facts)
    job = Job(DIGEST, target, facts=facts)
    executor = LocalExecutor(translator=translator or make_translator())
    found = digest_plan.translate_facts(executor, chosen, candidates, job)
    sources = [
        DigestSource(a.path, a.title, a.language, len(a.sentences), a.total_sentences)
        for a in articles
    ]
    return DigestResult(facts=found, sources=sources, target=target)


def select_facts(
    articles: Sequence[Article], count: int | None = facts.DEFAULT_FACTS
) -> tuple[list[grouping.Group], dict[int, facts.Candidate]]:
    """The top ``count`` facts of articles already prepared (all, if None), in this process.

    Runs the digest plan on one partition. Returns the chosen groups and every
    candidate, by id.
    """
    executor = LocalExecutor()
    usable = [
        (Outcome(i, a.path), digest_plan.document_candidates(a)) for i, a in enumerate(articles)
    ]
    part = executor.submit(digest_plan.candidates_part, usable)
    layout = Layout(partition_size=max(len(articles), 1), buckets=1)
    return digest_plan.group_and_rank(executor, [part], layout, count, every=True)


# --- how the digest grouped -------------------------------------------------------------------


def explain_groups(
    paths: Sequence[str],
    *,
    source_language: str = AUTO,
    globs: Sequence[str] | None = None,
    encoding: str | None = None,
) -> tuple[list[GroupView], RunResult]:
    """Every group the digest forms over the inputs, in rank order, redundant ones left out."""
    articles, result = load_articles(
        paths, source_language=source_language, globs=globs, encoding=encoding
    )
    chosen, candidates = select_facts(articles, None)
    views = []
    for group in chosen:
        rep = candidates[group.representative]
        members = []
        for i in group.members:
            other = candidates[i]
            members.append(
                GroupMember(
                    other.sentence,
                    grouping.related(rep, other),
                    tuple(grouping.shared_terms(rep, other)),
                )
            )
        views.append(GroupView(group.support, group.score, tuple(members)))
    return views, result
