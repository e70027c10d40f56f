"""The command line: parse the options, call one library function, render what it returns.

Every command runs a function of the library API (summarize.run.commands):
``summary`` runs summarize_files, ``translate`` translate_files, ``digest``
digest_files, ``inspect`` load_articles / explain_groups, on the executor the
user chose from summarize.run.EXECUTORS. The output then goes through one
path: a renderer from summarize.render.FORMATS, to stdout, a file or one file
per input. stdout carries only data; talk goes to stderr (cli.reporting).
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable, Sequence
from typing import Annotated, Any

import typer

from ..errors import UsageError
from ..results import ArticleResult, DigestResult
from .models import cache_app, models_app
from .options import (
    DEFAULT_EXECUTOR_CHOICE,
    DEFAULT_FORMAT_CHOICE,
    DEFAULT_METHOD_CHOICE,
    BeamOpt,
    CacheOpt,
    CheckOpt,
    EncodingOpt,
    ExecutorOpt,
    FailOnChangeOpt,
    Format,
    FormatOpt,
    FromOpt,
    GlobOpt,
    Method,
    NoCacheOpt,
    OutDirOpt,
    OutputOpt,
    PathsArg,
    QuietOpt,
    SchedulerOpt,
    Shared,
    TimestampOpt,
    ToOpt,
    VerboseOpt,
    WorkersOpt,
)
from .reporting import Reporter, emit, handle_errors, silence_stdout, stdout_is_terminal

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
app.add_typer(models_app, name="models")
app.add_typer(cache_app, name="cache")

# The commands whose defaults a configuration file may set.
CONFIGURABLE = ("summary", "digest", "translate")


@app.callback()
def _configure(ctx: typer.Context) -> None:
    """Load defaults from [tool.summarize] in pyproject.toml or from .summarize.toml."""
    from .config import INPUTS_KEY, default_map

    commands = {}
    for name in CONFIGURABLE:
        command = ctx.command.commands[name]  # type: ignore[attr-defined]
        keys = {}
        for param in command.params:
            if param.param_type_name == "argument":
                keys[INPUTS_KEY] = param.name
            for opt in param.opts:
                if opt.startswith("--"):
                    keys[opt[2:]] = keys[opt[2:].replace("-", "_")] = param.name
        commands[name] = keys
    try:
        defaults = default_map(commands)
    except UsageError as exc:
        Reporter().error(str(exc))
        raise typer.Exit(exc.exit_code) from None
    ctx.default_map = {**(ctx.default_map or {}), **defaults}


# --- running one command ----------------------------------------------------------------


def _open_executor(shared: Shared, reporter: Reporter) -> Any:
    from ..run import executor_class

    return executor_class(shared.executor.value).from_options(
        scheduler=shared.scheduler,
        workers=shared.workers,
        warn=reporter.warn,
        info=reporter.info,
        translation_progress=reporter.progress("translating"),
    )


def _stamp(shared: Shared) -> str | None:
    if not shared.timestamp:
        return None
    import datetime

    return datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC")


def _check_batch_options(shared: Shared) -> None:
    if shared.output is not None and shared.out_dir is not None:
        raise UsageError("give either --output or --out-dir, not both")
    if (shared.check or shared.fail_on_change) and shared.output is None and shared.out_dir is None:
        raise UsageError(
            "--check and --fail-on-change need --output or --out-dir "
            "(or `output` / `out_dir` in [tool.summarize])"
        )
    if shared.check and shared.fail_on_change:
        raise UsageError("give either --check or --fail-on-change, not both")


def _finish_outputs(plan: Any, shared: Shared, reporter: Reporter) -> int:
    """Write (or check) the planned files; return the exit code they call for."""
    from ..errors import EXIT_STALE

    if shared.check:
        stale = plan.stale()
        for path in stale:
            typer.echo(f"summarize: out of date: {path}", err=True)
        if stale:
            typer.echo(
                f"summarize: {len(stale)} output file(s) need regenerating; "
                "run the same command without --check",
                err=True,
            )
        return EXIT_STALE if stale else 0
    changed = plan.write()
    for path in changed:
        if shared.fail_on_change:
            typer.echo(f"summarize: wrote {path}", err=True)
        else:
            reporter.info(f"wrote {path}")
    return EXIT_STALE if (shared.fail_on_change and changed) else 0


def _articles_command(
    kind: str, paths: Sequence[str] | None, shared: Shared, **options: Any
) -> None:
    """summary and translate: one result per article, to stdout, one file, or one file each."""
    from .. import summarize_files, translate_files
    from ..outputs import OutputPlan, output_path
    from ..render import FORMATS
    from ..results import RunResult

    reporter = Reporter(shared.quiet, shared.verbose)
    renderer = FORMATS[shared.fmt.value]
    render = renderer.summary if kind == "summary" else renderer.translation
    stamp = _stamp(shared)
    code = 0
    result = RunResult()
    try:
        with handle_errors():
            _check_batch_options(shared)
            streaming = renderer.streams and shared.output is None and shared.out_dir is None

            def print_one(article: ArticleResult) -> None:
                emit(render([article], stamp))

            run = summarize_files if kind == "summary" else translate_files
            with _open_executor(shared, reporter) as executor:
                result = run(
                    paths or [],
                    to=shared.to,
                    source_language=shared.source,
                    globs=shared.glob,
                    encoding=shared.encoding,
                    executor=executor,
                    progress=reporter.progress("articles"),
                    on_article=print_one if streaming else None,
                    **shared.decoding(),
                    **options,
                )
            reporter.info(f"read {result.read} article(s)")
            if shared.out_dir is not None:
                plan = OutputPlan({*(paths or []), *(a.path for a in result.articles)})
                for article in result.articles:
                    if article.path == "-":
                        raise UsageError("--out-dir needs files, not stdin; use --output")
                    target = output_path(
                        shared.out_dir,
                        article.path,
                        article.root,
                        kind,
                        shared.to,
                        renderer.extension,
                    )
                    plan.add(target, render([article], stamp))
                code = _finish_outputs(plan, shared, reporter)
            elif shared.output is not None:
                plan = OutputPlan({*(paths or []), *(a.path for a in result.articles)})
                plan.add(shared.output, render(result.articles, stamp))
                code = _finish_outputs(plan, shared, reporter)
            elif not streaming:
                _show(result.articles, shared, lambda: render(result.articles, stamp), kind)
            reporter.info(
                f"decoded {result.decoded} sentence(s); the rest came "
                "from the cache or needed no translation"
            )
    finally:
        reporter.close()
    reporter.finish(result.problems, code)


def _show(results: Any, shared: Shared, rendered: Callable[[], str], kind: str) -> None:
    """Print to stdout: rich text at a terminal, the rendered bytes anywhere else."""
    if shared.fmt.value == "text" and kind != "translation" and stdout_is_terminal():
        from rich.console import Console

        from .. import render

        blocks = render.rich_digest(results) if kind == "digest" else render.rich_summary(results)
        console = Console(highlight=False)
        for block in blocks:
            console.print(block)
        return
    emit(rendered())


# --- commands ---------------------------------------------------------------------------------


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
        Method,
        typer.Option(
            "--method",
            "-m",
            help="How sentences are ranked: news (lead prior, centrality and similarity "
            "to the lead) or one of sumy's summarizers.",
        ),
    ] = DEFAULT_METHOD_CHOICE,
    to: ToOpt = "en",
    source: FromOpt = "auto",
    fmt: FormatOpt = DEFAULT_FORMAT_CHOICE,
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
    executor: ExecutorOpt = DEFAULT_EXECUTOR_CHOICE,
    scheduler: SchedulerOpt = None,
    workers: WorkersOpt = None,
) -> None:
    """Summarize each article: its top sentences, translated, each citing path:line."""
    _one_blas_thread()
    shared = Shared.pick(locals())
    _articles_command(
        "summary", paths, shared, method=method.value, sentences=sentences, ratio=ratio
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
    fmt: FormatOpt = DEFAULT_FORMAT_CHOICE,
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
    executor: ExecutorOpt = DEFAULT_EXECUTOR_CHOICE,
    scheduler: SchedulerOpt = None,
    workers: WorkersOpt = None,
) -> None:
    """Translate each article's text, keeping its paragraphs."""
    shared = Shared.pick(locals())
    _articles_command("translation", paths, shared, keep_boilerplate=keep_boilerplate)


@app.command()
def digest(
    paths: PathsArg = None,
    facts: Annotated[int, typer.Option("--facts", "-k", min=1, help="How many key facts.")] = 12,
    to: ToOpt = "en",
    source: FromOpt = "auto",
    fmt: FormatOpt = DEFAULT_FORMAT_CHOICE,
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
    executor: ExecutorOpt = DEFAULT_EXECUTOR_CHOICE,
    scheduler: SchedulerOpt = None,
    workers: WorkersOpt = None,
) -> None:
    """One merged list of key facts across all articles, each citing every source that states it."""
    from .. import digest_files
    from ..outputs import OutputPlan
    from ..render import FORMATS

    shared = Shared.pick(locals())
    reporter = Reporter(shared.quiet, shared.verbose)
    renderer = FORMATS[shared.fmt.value]
    code = 0
    result = DigestResult()
    try:
        with handle_errors():
            _check_batch_options(shared)
            with _open_executor(shared, reporter) as running:
                result = digest_files(
                    paths or [],
                    to=shared.to,
                    source_language=shared.source,
                    facts=facts,
                    globs=shared.glob,
                    encoding=shared.encoding,
                    executor=running,
                    progress=reporter.progress("articles"),
                    **shared.decoding(),
                )
            reporter.info(f"read {result.read} article(s)")
            content = renderer.digest(result, _stamp(shared))
            if shared.output is not None:
                plan = OutputPlan({*(paths or []), *(s.path for s in result.sources)})
                plan.add(shared.output, content)
                code = _finish_outputs(plan, shared, reporter)
            else:
                _show(result, shared, lambda: content, "digest")
    finally:
        reporter.close()
    reporter.finish(result.problems, code)


@app.command()
def inspect(
    path: Annotated[
        str, typer.Argument(help="One article file, or - for stdin.", show_default=False)
    ],
    source: FromOpt = "auto",
    encoding: EncodingOpt = None,
    fmt: Annotated[
        Format, typer.Option("--format", "-f", help="text or json.", case_sensitive=False)
    ] = DEFAULT_FORMAT_CHOICE,
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
    from .. import explain_groups, load_articles, render

    as_json = fmt.value == "json"
    problems = []
    with handle_errors():
        if groups:
            views, result = explain_groups(
                [path, *(more or [])], source_language=source, globs=glob, encoding=encoding
            )
            emit(render.groups_json(views) if as_json else render.groups_text(views))
        else:
            if more:
                raise UsageError("inspect takes one file; use --groups to look at several")
            articles, result = load_articles([path], source_language=source, encoding=encoding)
            for article in articles:
                emit(render.lines_json(article) if as_json else render.lines_text(article))
        problems = result.problems
    Reporter().finish(problems)


def main() -> None:
    """Console entry point."""
    _batch_garbage_collection()
    try:
        app()
    except BrokenPipeError:
        # A pipe closed while Python flushed stdout at exit.
        silence_stdout()
        sys.exit(0)


# The cyclic garbage collector runs every 700 new objects by default and, every
# hundred runs, rescans every live object. A digest keeps hundreds of thousands
# of small objects alive (sentences, term sets, vectors) and makes almost no
# cycles, so the default spent about a third of a 1,000-article digest on
# collections that found nothing. A batch run collects far less often.
_GC_THRESHOLDS = (50_000, 20, 50)


# Variables OpenBLAS (numpy's BLAS) reads for its thread count, in its order.
_BLAS_THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "GOTO_NUM_THREADS", "OMP_NUM_THREADS")


def _one_blas_thread() -> None:
    """For `summary`: numpy's products there are one article's sentences by its
    words, small. OpenBLAS starts a thread per core anyway and they spin after
    each product, for CPU time and no speed. Set before numpy is first imported
    (OpenBLAS reads it when it loads; the CLI imports no numpy before a command
    runs); a thread count the user set is left alone. Only `summary`: the other
    commands run as before."""
    if not any(os.environ.get(name) for name in _BLAS_THREAD_VARIABLES):
        os.environ["OPENBLAS_NUM_THREADS"] = "1"


def _batch_garbage_collection() -> None:
    gc.freeze()  # the interpreter and the imported modules: never garbage
    gc.set_threshold(*_GC_THRESHOLDS)
