"""The command line: parse arguments, call the library, render, map errors to exit codes.

stdout carries only data. Warnings, progress and errors go to stderr, as plain
one-line messages; a traceback means a bug.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from . import errors
from .errors import EXIT_INPUT, SummarizeError, UsageError

app = typer.Typer(
    help=(
        "Translate, summarize and digest foreign-language news articles offline. "
        "Every output sentence cites the file and line it came from."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
    # Plain help and plain one-line usage errors: faster to start, and
    # nothing but text on stderr.
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)
models_app = typer.Typer(
    help="List, install and remove offline translation models (Argos packages).",
    no_args_is_help=True,
)
cache_app = typer.Typer(help="Inspect or clear the translation cache.", no_args_is_help=True)
app.add_typer(models_app, name="models")


@app.callback()
def _configure(ctx: typer.Context) -> None:
    """Load defaults from [tool.summarize] in pyproject.toml or from .summarize.toml."""
    from .config import default_map

    try:
        defaults = default_map()
    except SummarizeError as exc:
        Reporter().error(str(exc))
        raise typer.Exit(exc.exit_code) from None
    ctx.default_map = {**(ctx.default_map or {}), **defaults}


app.add_typer(cache_app, name="cache")


class Format(str, Enum):
    text = "text"
    md = "md"
    json = "json"
    jsonl = "jsonl"


class ExecutorName(str, Enum):
    local = "local"
    dask = "dask"


class Method(str, Enum):
    lexrank = "lexrank"
    lsa = "lsa"
    textrank = "textrank"
    luhn = "luhn"
    kl = "kl"
    sumbasic = "sumbasic"


# --- shared options ------------------------------------------------------------

PathsArg = Annotated[
    list[str] | None,
    typer.Argument(
        help="Files, folders (searched recursively) or - for stdin. "
        "[default: `inputs` from the configuration]",
        show_default=False,
    ),
]
ToOpt = Annotated[
    str,
    typer.Option(
        "--to", "-t", help="Output language (ISO code). Same as the source: no translation."
    ),
]
FromOpt = Annotated[
    str,
    typer.Option("--from", help="Source language (ISO code), or 'auto' to detect it per document."),
]
FormatOpt = Annotated[
    Format, typer.Option("--format", "-f", help="Output format.", case_sensitive=False)
]
OutputOpt = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="Write to this file (atomically) instead of stdout."),
]
GlobOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--glob", help="File pattern for folders; repeat for several. [default: *.txt, *.md]"
    ),
]
EncodingOpt = Annotated[
    str | None,
    typer.Option("--encoding", help="Decode inputs with this encoding instead of detecting it."),
]
CacheOpt = Annotated[
    Path | None,
    typer.Option(
        "--cache",
        envvar="SUMMARIZE_CACHE",
        help="Translation cache file. [default: the user cache dir]",
    ),
]
NoCacheOpt = Annotated[bool, typer.Option("--no-cache", help="Neither read nor write the cache.")]
BeamOpt = Annotated[int, typer.Option("--beam", min=1, max=16, help="Beam size for decoding.")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="Print no warnings or progress.")]


class Reporter:
    """Talk to the user on stderr, never on stdout."""

    def __init__(self, quiet: bool = False) -> None:
        self.quiet = quiet

    def warn(self, message: str) -> None:
        if not self.quiet:
            typer.echo(f"summarize: warning: {message}", err=True)

    def error(self, message: str) -> None:
        typer.echo(f"summarize: error: {message}", err=True)


@contextmanager
def handle_errors() -> Iterator[None]:
    """Expected failures become one or two plain lines on stderr and an exit code."""
    try:
        yield
    except SummarizeError as exc:
        Reporter().error(str(exc))
        raise typer.Exit(exc.exit_code) from None
    except KeyboardInterrupt:
        # Outputs are written atomically and the cache commits each batch, so
        # an interrupted run leaves no partial file and the next run resumes.
        Reporter().error("interrupted")
        raise typer.Exit(errors.EXIT_INTERRUPTED) from None
    except BrokenPipeError:
        # `summarize ... | head -1`: the reader has gone; stop quietly.
        _silence_stdout()
        raise typer.Exit(0) from None


def _emit(content: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(content)
        sys.stdout.flush()
        return
    from .outputs import write_atomic

    write_atomic(output, content)


# --- batch options ---------------------------------------------------------------

OutDirOpt = Annotated[
    Path | None,
    typer.Option(
        "--out-dir",
        "-d",
        help="Write one file per input into this folder, mirroring the input tree "
        "(NAME.summary.<lang>.md, NAME.<lang>.txt). `--out-dir .` writes next to the inputs.",
    ),
]
CheckOpt = Annotated[
    bool,
    typer.Option(
        "--check",
        help="Write nothing; exit 1 and list the output files that are missing or out of date.",
    ),
]
FailOnChangeOpt = Annotated[
    bool,
    typer.Option(
        "--fail-on-change",
        help="Exit 1 when an output file was created or changed (for pre-commit hooks).",
    ),
]
TimestampOpt = Annotated[
    bool,
    typer.Option(
        "--timestamp", help="Add the generation time to Markdown output (not reproducible)."
    ),
]
VerboseOpt = Annotated[
    bool, typer.Option("--verbose", "-v", help="Report what was done on stderr.")
]
ExecutorOpt = Annotated[
    ExecutorName,
    typer.Option(
        "--executor",
        case_sensitive=False,
        help="Where the work runs: local (this process) or dask (a Dask cluster; "
        'needs `pip install "summarize[dask]"`).',
    ),
]
SchedulerOpt = Annotated[
    str | None,
    typer.Option(
        "--scheduler",
        metavar="ADDRESS",
        help="With --executor dask: address of a running Dask scheduler (tcp://HOST:8786). "
        "[default: the Dask config's scheduler-address, else a local cluster]",
        show_default=False,
    ),
]
WorkersOpt = Annotated[
    int | None,
    typer.Option(
        "--workers",
        min=1,
        metavar="N",
        help="With --executor dask and no --scheduler: worker processes of the local "
        "cluster. [default: one per core]",
        show_default=False,
    ),
]


class Run:
    """What one command invocation needs besides its inputs: talk, progress, outputs."""

    def __init__(self, quiet: bool, verbose: bool) -> None:
        quiet = quiet or bool(os.environ.get("PRE_COMMIT"))
        self.reporter = Reporter(quiet)
        self.verbose = verbose and not quiet
        self.show_progress = not quiet and sys.stderr.isatty()
        self._bars: dict[str, Any] = {}
        self._progress: Any = None

    def info(self, message: str) -> None:
        if self.verbose:
            typer.echo(f"summarize: {message}", err=True)

    def progress(self, label: str) -> Any:
        """A callback(done, total) drawing a bar on stderr, or None off a terminal."""
        if not self.show_progress:
            return None

        def update(done: int, total: int) -> None:
            if self._progress is None:
                from rich.console import Console
                from rich.progress import Progress

                self._progress = Progress(console=Console(stderr=True), transient=True)
                self._progress.start()
            if label not in self._bars:
                self._bars[label] = self._progress.add_task(label, total=total)
            self._progress.update(self._bars[label], completed=done, total=total)

        return update

    def close(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None


def _translator(cache: Path | None, no_cache: bool, beam: int, run: Run) -> Any:
    from .pipeline import make_translator

    return make_translator(
        cache,
        use_cache=not no_cache,
        beam_size=beam,
        warn=run.reporter.warn,
        progress=run.progress("translating"),
    )


def _require(paths: Sequence[str] | None) -> Sequence[str]:
    if not paths:
        raise UsageError(
            "give at least one file, folder or - for stdin (or `inputs` in [tool.summarize])"
        )
    return paths


def _load(paths: Sequence[str] | None, source: str, globs: list[str] | None, encoding: str | None):
    from .pipeline import load_articles

    return load_articles(_require(paths), source_language=source, globs=globs, encoding=encoding)


def _inputs(paths: Sequence[str] | None, globs: list[str] | None) -> list[Any]:
    """The inputs listed, not read: workers read them."""
    from .sources import list_inputs

    return list_inputs(_require(paths), globs)


@contextmanager
def _executor(
    executor: ExecutorName, scheduler: str | None, workers: int | None, run: Run
) -> Iterator[Any]:
    """None for the local executor, else a connected DaskExecutor (closed on exit)."""
    if executor is ExecutorName.local:
        if scheduler is not None or workers is not None:
            raise UsageError("--scheduler and --workers need --executor dask")
        yield None
        return
    if scheduler is not None and workers is not None:
        raise UsageError(
            "give either --scheduler (an existing cluster) or --workers (a local one), not both"
        )
    from .executors import DaskExecutor

    with DaskExecutor(scheduler, workers, warn=run.reporter.warn, info=run.info) as dask:
        yield dask


def _job(
    kind: str,
    to: str,
    source: str,
    encoding: str | None,
    cache: Path | None,
    no_cache: bool,
    beam: int,
    options: dict[str, Any] | None = None,
) -> Any:
    from .executors import Job

    return Job(
        kind=kind,
        target=to,
        source_language=source,
        encoding=encoding,
        cache=str(cache) if cache else None,
        use_cache=not no_cache,
        beam=beam,
        options=tuple(sorted((options or {}).items())),
    )


def _stdout_is_terminal() -> bool:
    return sys.stdout.isatty() and not os.environ.get("PRE_COMMIT")


def _check_batch_options(
    output: Path | None, out_dir: Path | None, check: bool, fail_on_change: bool
) -> None:
    if output is not None and out_dir is not None:
        raise UsageError("give either --output or --out-dir, not both")
    if (check or fail_on_change) and output is None and out_dir is None:
        raise UsageError(
            "--check and --fail-on-change need --output or --out-dir "
            "(or `output` / `out_dir` in [tool.summarize])"
        )
    if check and fail_on_change:
        raise UsageError("give either --check or --fail-on-change, not both")


def _finish_outputs(plan: Any, check: bool, fail_on_change: bool, run: Run) -> int:
    """Write (or check) the planned files; return the exit code they call for."""
    if check:
        stale = plan.stale()
        for path in stale:
            typer.echo(f"summarize: out of date: {path}", err=True)
        if stale:
            typer.echo(
                f"summarize: {len(stale)} output file(s) need regenerating; "
                "run the same command without --check",
                err=True,
            )
        return errors.EXIT_STALE if stale else 0
    changed = plan.write()
    for path in changed:
        if fail_on_change:
            typer.echo(f"summarize: wrote {path}", err=True)
        else:
            run.info(f"wrote {path}")
    return errors.EXIT_STALE if (fail_on_change and changed) else 0


def _exit(result: Any, run: Run, code: int = 0) -> None:
    for warning in result.warnings:
        run.reporter.warn(warning)
    for error in result.errors:
        run.reporter.error(str(error))
    if result.errors:
        # An unreadable input outranks a missing model: both leave work undone.
        codes = {error.exit_code for error in result.errors}
        raise typer.Exit(EXIT_INPUT if EXIT_INPUT in codes else max(codes))
    if code:
        raise typer.Exit(code)


# --- commands ------------------------------------------------------------------


@app.command()
def summary(
    paths: PathsArg = None,
    sentences: Annotated[
        int | None,
        typer.Option("--sentences", "-n", min=1, help="Sentences per article. [default: 5]"),
    ] = None,
    ratio: Annotated[
        float | None,
        typer.Option(
            "--ratio", min=0.0, max=1.0, help="Fraction of each article's sentences instead of -n."
        ),
    ] = None,
    method: Annotated[
        Method, typer.Option("--method", "-m", help="sumy summarizer that ranks sentences.")
    ] = Method.lexrank,
    to: ToOpt = "en",
    source: FromOpt = "auto",
    fmt: FormatOpt = Format.text,
    output: OutputOpt = None,
    out_dir: OutDirOpt = None,
    check: CheckOpt = False,
    fail_on_change: FailOnChangeOpt = False,
    timestamp: TimestampOpt = False,
    glob: GlobOpt = None,
    encoding: EncodingOpt = None,
    cache: CacheOpt = None,
    no_cache: NoCacheOpt = False,
    beam: BeamOpt = 4,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = False,
    executor: ExecutorOpt = ExecutorName.local,
    scheduler: SchedulerOpt = None,
    workers: WorkersOpt = None,
) -> None:
    """Summarize each article: its top sentences, translated, each citing path:line."""
    _per_article_command(
        "summary",
        paths,
        to,
        source,
        fmt,
        output,
        out_dir,
        check,
        fail_on_change,
        timestamp,
        glob,
        encoding,
        cache,
        no_cache,
        beam,
        quiet,
        verbose,
        options={"method": method.value, "sentences": sentences, "ratio": ratio},
        where=(executor, scheduler, workers),
    )


@app.command()
def translate(
    paths: PathsArg = None,
    to: ToOpt = "en",
    source: FromOpt = "auto",
    keep_boilerplate: Annotated[
        bool,
        typer.Option(
            "--keep-boilerplate", help="Also translate what cleaning dropped (menus, comments...)."
        ),
    ] = False,
    fmt: FormatOpt = Format.text,
    output: OutputOpt = None,
    out_dir: OutDirOpt = None,
    check: CheckOpt = False,
    fail_on_change: FailOnChangeOpt = False,
    timestamp: TimestampOpt = False,
    glob: GlobOpt = None,
    encoding: EncodingOpt = None,
    cache: CacheOpt = None,
    no_cache: NoCacheOpt = False,
    beam: BeamOpt = 4,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = False,
    executor: ExecutorOpt = ExecutorName.local,
    scheduler: SchedulerOpt = None,
    workers: WorkersOpt = None,
) -> None:
    """Translate each article's text, keeping its paragraphs."""
    _per_article_command(
        "translation",
        paths,
        to,
        source,
        fmt,
        output,
        out_dir,
        check,
        fail_on_change,
        timestamp,
        glob,
        encoding,
        cache,
        no_cache,
        beam,
        quiet,
        verbose,
        options={"keep_boilerplate": keep_boilerplate},
        where=(executor, scheduler, workers),
    )


def _per_article_command(
    kind: str,
    paths: list[str] | None,
    to: str,
    source: str,
    fmt: Format,
    output: Path | None,
    out_dir: Path | None,
    check: bool,
    fail_on_change: bool,
    timestamp: bool,
    glob: list[str] | None,
    encoding: str | None,
    cache: Path | None,
    no_cache: bool,
    beam: int,
    quiet: bool,
    verbose: bool,
    options: dict[str, Any],
    where: tuple[ExecutorName, str | None, int | None] = (ExecutorName.local, None, None),
) -> None:
    from . import render
    from .outputs import OutputPlan, output_path
    from .pipeline import RunResult, drop_untranslatable, iter_summaries, iter_translations

    run = Run(quiet, verbose)
    code = 0
    result = RunResult()
    try:
        with handle_errors():
            _check_batch_options(output, out_dir, check, fail_on_change)
            if kind == "summary" and None not in (options["sentences"], options["ratio"]):
                raise UsageError("give either --sentences or --ratio, not both")
            streaming = fmt is Format.jsonl and output is None and out_dir is None
            with _executor(*where, run) as dask:
                # (path, folder argument, ArticleResult) per usable article, in input order.
                produced: Iterator[tuple[str, str | None, Any]]
                if dask is None:
                    articles, result = _load(paths, source, glob, encoding)
                    run.info(f"read {len(articles)} article(s)")
                    translator = _translator(cache, no_cache, beam, run)
                    articles = drop_untranslatable(articles, result, to, translator)
                    produce = iter_summaries if kind == "summary" else iter_translations
                    results = produce(
                        articles,
                        target=to,
                        translator=translator,
                        chunk=1 if streaming else None,
                        progress=run.progress("articles") if len(articles) > 1 else None,
                        **options,
                    )
                    produced = (
                        (article.path, article.document.root, item)
                        for item, article in zip(results, articles)
                    )

                    def decoded() -> int:
                        return getattr(translator, "decoded", 0)

                    def finish() -> None:
                        pass
                else:
                    from .executors import Collected

                    collected = Collected()
                    outcomes = dask.articles(
                        _inputs(paths, glob),
                        _job(kind, to, source, encoding, cache, no_cache, beam, options),
                        collected,
                        progress=run.progress("articles"),
                    )
                    produced = (
                        (o.path, o.root, o.result) for o in outcomes if o.result is not None
                    )

                    def decoded() -> int:
                        return dask.decoded

                    def finish() -> None:
                        collected.finish(result)
                        run.info(f"read {collected.read} article(s)")

                key = "summary" if kind == "summary" else "sentences"
                stamp = _stamp() if timestamp else None
                if streaming:
                    for _path, _root, item in produced:
                        for line in render.articles_jsonl([item], key):
                            sys.stdout.write(line)
                        sys.stdout.flush()
                elif out_dir is not None:
                    done = list(produced)
                    plan = OutputPlan({*_require(paths), *(path for path, _root, _item in done)})
                    for path, root, item in done:
                        if path == "-":
                            raise UsageError("--out-dir needs files, not stdin; use --output")
                        target = output_path(out_dir, path, root, kind, to, fmt.value)
                        plan.add(target, _render_articles([item], fmt, key, stamp))
                    code = _finish_outputs(plan, check, fail_on_change, run)
                elif output is not None:
                    done = list(produced)
                    plan = OutputPlan({*_require(paths), *(path for path, _root, _item in done)})
                    plan.add(output, _render_articles([item for *_, item in done], fmt, key, stamp))
                    code = _finish_outputs(plan, check, fail_on_change, run)
                else:
                    _show_articles([item for *_, item in produced], fmt, key, stamp)
                finish()
                run.info(
                    f"decoded {decoded()} sentence(s); the rest came "
                    "from the cache or needed no translation"
                )
    finally:
        run.close()
    _exit(result, run, code)


def _stamp() -> str:
    import datetime

    return datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC")


def _render_articles(results: list[Any], fmt: Format, key: str, stamp: str | None) -> str:
    from . import render

    if fmt is Format.json:
        return render.articles_json(results, key)
    if fmt is Format.jsonl:
        return "".join(render.articles_jsonl(results, key))
    if fmt is Format.md:
        if key == "summary":
            return render.summary_markdown(results, stamp)
        return render.translation_markdown(results, stamp)
    return render.summary_text(results) if key == "summary" else render.translation_text(results)


def _show_articles(results: list[Any], fmt: Format, key: str, stamp: str | None) -> None:
    from . import render

    if fmt is Format.text and key == "summary" and _stdout_is_terminal():
        from rich.console import Console

        console = Console(highlight=False)
        for block in render.rich_summary(results):
            console.print(block)
        return
    _emit(_render_articles(results, fmt, key, stamp), None)


@app.command()
def digest(
    paths: PathsArg = None,
    facts: Annotated[int, typer.Option("--facts", "-k", min=1, help="How many key facts.")] = 12,
    to: ToOpt = "en",
    source: FromOpt = "auto",
    fmt: FormatOpt = Format.text,
    output: OutputOpt = None,
    check: CheckOpt = False,
    fail_on_change: FailOnChangeOpt = False,
    timestamp: TimestampOpt = False,
    glob: GlobOpt = None,
    encoding: EncodingOpt = None,
    cache: CacheOpt = None,
    no_cache: NoCacheOpt = False,
    beam: BeamOpt = 4,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = False,
    executor: ExecutorOpt = ExecutorName.local,
    scheduler: SchedulerOpt = None,
    workers: WorkersOpt = None,
) -> None:
    """One merged list of key facts across all articles, each citing every source that states it."""
    from . import render
    from .outputs import OutputPlan
    from .pipeline import DigestResult, digest_articles, drop_untranslatable

    run = Run(quiet, verbose)
    code = 0
    loaded: Any = DigestResult()
    try:
        with handle_errors():
            _check_batch_options(output, None, check, fail_on_change)
            with _executor(executor, scheduler, workers, run) as dask:
                if dask is None:
                    articles, loaded = _load(paths, source, glob, encoding)
                    run.info(f"read {len(articles)} article(s)")
                    translator = _translator(cache, no_cache, beam, run)
                    articles = drop_untranslatable(articles, loaded, to, translator)
                    result = digest_articles(
                        articles, target=to, translator=translator, facts=facts
                    )
                    result.errors, result.warnings = loaded.errors, loaded.warnings
                    used = {a.path for a in articles}
                else:
                    from .executors import Collected

                    collected = Collected()
                    job = _job("digest", to, source, encoding, cache, no_cache, beam)
                    found, sources = dask.digest(
                        _inputs(paths, glob),
                        job,
                        facts,
                        collected,
                        progress=run.progress("articles"),
                    )
                    result = loaded = DigestResult(facts=found, sources=sources, target=to)
                    collected.finish(result)
                    run.info(f"read {collected.read} article(s)")
                    used = {s.path for s in sources}
            stamp = _stamp() if timestamp else None
            if fmt is Format.json:
                content = render.digest_json(result)
            elif fmt is Format.jsonl:
                content = "".join(render.digest_jsonl(result))
            elif fmt is Format.md:
                content = render.digest_markdown(result, stamp)
            else:
                content = render.digest_text(result)
            if output is not None:
                plan = OutputPlan({*_require(paths), *used})
                plan.add(output, content)
                code = _finish_outputs(plan, check, fail_on_change, run)
            elif fmt is Format.text and _stdout_is_terminal():
                from rich.console import Console

                console = Console(highlight=False)
                for block in render.rich_digest(result):
                    console.print(block)
            else:
                _emit(content, None)
    finally:
        run.close()
    _exit(loaded, run, code)


@app.command()
def inspect(
    path: Annotated[
        str, typer.Argument(help="One article file, or - for stdin.", show_default=False)
    ],
    source: FromOpt = "auto",
    encoding: EncodingOpt = None,
    fmt: Annotated[
        Format, typer.Option("--format", "-f", help="text or json.", case_sensitive=False)
    ] = Format.text,
    groups: Annotated[
        bool,
        typer.Option(
            "--groups",
            help="Instead, show how the digest groups sentences across all PATHS, and why.",
        ),
    ] = False,
    more: Annotated[
        list[str] | None,
        typer.Argument(help="More files or folders (with --groups).", show_default=False),
    ] = None,
    glob: GlobOpt = None,
) -> None:
    """Show each line of an article as kept or dropped and why; --groups: the digest's groups."""
    from .pipeline import load_articles
    from .render import dumps

    reporter = Reporter()
    if groups:
        _inspect_groups([path, *(more or [])], source, encoding, glob, fmt, reporter)
        return
    with handle_errors():
        if more:
            raise UsageError("inspect takes one file; use --groups to look at several")
        articles, result = load_articles([path], source_language=source, encoding=encoding)
        for article in articles:
            text = article.document.text
            if fmt is Format.json:
                lines = [
                    {
                        "line": line.number,
                        "kept": line.kept,
                        "reason": line.reason,
                        "text": text[line.start : line.end],
                    }
                    for line in article.cleaned.lines
                ]
                _emit(
                    dumps({"path": article.path, "language": article.language, "lines": lines}),
                    None,
                )
                continue
            width = len(str(len(article.cleaned.lines)))
            out = [
                f"{article.path} ({article.language}): {article.cleaned.kept_lines} lines kept, "
                f"{article.cleaned.dropped_lines} dropped"
            ]
            for line in article.cleaned.lines:
                if line.blank:
                    verdict = ""
                elif line.kept:
                    verdict = "keep"
                else:
                    verdict = f"drop: {line.reason}"
                out.append(f"{line.number:>{width}} {verdict:<32} | {text[line.start : line.end]}")
            _emit("\n".join(out) + "\n", None)
    _exit(result, Run(False, False))


def _inspect_groups(
    paths: list[str],
    source: str,
    encoding: str | None,
    glob: list[str] | None,
    fmt: Format,
    reporter: Reporter,
) -> None:
    from .digest import related, select_facts, shared_terms
    from .render import cite, dumps, location

    with handle_errors():
        articles, result = _load(paths, source, glob, encoding)
        found, candidates = select_facts(articles, None)
        if fmt is Format.json:
            data = []
            for g in found:
                rep = candidates[g.representative]
                data.append(
                    {
                        "support": g.support,
                        "score": round(g.score, 6),
                        "members": [
                            {
                                "similarity": round(related(rep, candidates[i]), 6),
                                "shared_terms": shared_terms(rep, candidates[i]),
                                "cite": cite(candidates[i].sentence),
                            }
                            for i in g.members
                        ],
                    }
                )
            _emit(dumps({"groups": data}), None)
        else:
            out = []
            for number, g in enumerate(found, 1):
                if len(g.members) < 2:
                    continue
                rep = candidates[g.representative]
                out.append(f"fact {number}: {g.support} files, score {g.score:.3f}")
                out.append(f"  * {location(rep.sentence)}  {' '.join(rep.sentence.text.split())}")
                for i in g.members[1:]:
                    other = candidates[i]
                    sim = related(rep, other)
                    terms = ", ".join(shared_terms(rep, other))
                    out.append(f"  - {location(other.sentence)}  sim {sim:.2f} via {terms}")
                    out.append(f"      {' '.join(other.sentence.text.split())}")
                out.append("")
            singles = sum(1 for g in found if len(g.members) < 2)
            out.append(
                f"{len(found)} facts after removing redundant ones; "
                f"{singles} stand on one sentence (not shown)"
            )
            _emit("\n".join(out) + "\n", None)
    _exit(result, Run(False, False))


# --- models --------------------------------------------------------------------


@models_app.command("list")
def models_list(
    fmt: Annotated[Format, typer.Option("--format", "-f", help="text or json.")] = Format.text,
) -> None:
    """List installed translation models."""
    from .render import dumps
    from .translation import models

    with handle_errors():
        installed = models.installed_models()
        if fmt is Format.json:
            _emit(
                dumps(
                    [
                        {
                            "from": m.source,
                            "to": m.target,
                            "version": m.version,
                            "size": m.size,
                            "path": str(m.path),
                        }
                        for m in installed
                    ]
                ),
                None,
            )
            return
        if not installed:
            typer.echo(
                f"no models installed in {models.packages_dir()}; "
                "install one with `summarize models install de en` or "
                "`summarize models install PATH.argosmodel`",
                err=True,
            )
            return
        for m in installed:
            typer.echo(f"{m.source}->{m.target}\t{m.version}\t{_size(m.size)}\t{m.path}")


def _size(size: int) -> str:
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} B"


@models_app.command("install")
def models_install(
    what: Annotated[
        list[str],
        typer.Argument(
            help="Either FROM TO (e.g. de en) to download from the Argos index, "
            "or a .argosmodel file to install offline.",
            show_default=False,
        ),
    ],
) -> None:
    """Install a model: `de en` from the Argos index, or a .argosmodel file (offline)."""
    from .translation import install

    with handle_errors():
        if len(what) == 1:
            model = install.install_package_file(what[0])
        elif len(what) == 2:
            model = install.install_from_index(what[0], what[1], progress=_download_progress())
        else:
            raise UsageError("give FROM TO (e.g. `de en`) or one PATH.argosmodel")
        typer.echo(
            f"installed {model.source}->{model.target} {model.version} in {model.path}", err=True
        )


def _download_progress() -> Any:
    if not sys.stderr.isatty():
        return None
    state: dict[str, Any] = {}

    def update(done: int, total: int) -> None:
        from rich.progress import Progress

        if "bar" not in state:
            bar = Progress(transient=True)
            bar.start()
            state["bar"] = bar
            state["task"] = bar.add_task("downloading", total=total or None)
        state["bar"].update(state["task"], completed=done)
        if total and done >= total:
            state["bar"].stop()

    return update


@models_app.command("remove")
def models_remove(
    source: Annotated[str, typer.Argument(help="Source language code.", show_default=False)],
    target: Annotated[str, typer.Argument(help="Target language code.", show_default=False)],
) -> None:
    """Remove an installed model."""
    from .translation import models

    with handle_errors():
        model = models.remove_model(source, target)
        typer.echo(f"removed {model.source}->{model.target} from {model.path}", err=True)


# --- cache ---------------------------------------------------------------------


@cache_app.command("info")
def cache_info(cache: CacheOpt = None) -> None:
    """Show the cache's path, entries and size."""
    from .translation.cache import TranslationCache, default_cache_path

    with handle_errors():
        store = TranslationCache(cache or default_cache_path(), warn=Reporter().warn)
        info = store.info()
        typer.echo(
            f"path: {info['path']}\nentries: {info['entries']}\nsize: {_size(info['bytes'])}"
        )


@cache_app.command("clear")
def cache_clear(cache: CacheOpt = None) -> None:
    """Delete every cached translation."""
    from .translation.cache import TranslationCache, default_cache_path

    with handle_errors():
        store = TranslationCache(cache or default_cache_path(), warn=Reporter().warn)
        removed = store.clear()
        typer.echo(f"removed {removed} cached translations from {store.path}", err=True)


def main() -> None:
    """Console entry point."""
    try:
        app()
    except BrokenPipeError:
        # A pipe closed while Python flushed stdout at exit.
        _silence_stdout()
        sys.exit(0)


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except OSError:
        pass
