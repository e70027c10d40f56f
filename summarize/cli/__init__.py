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
    DEFAULT_INSPECT_FORMAT_CHOICE,
    DEFAULT_METHOD_CHOICE,
    BeamOpt,
    CacheOpt,
    CheckOpt,
    ComputeTypeOpt,
    EncodingOpt,
    ExecutorOpt,
    FailOnChangeOpt,
    FormatOpt,
    FromOpt,
    GlobOpt,
    InspectFormat,
    JobsOpt,
    Method,
    NoCacheOpt,
    OutDirOpt,
    OutputOpt,
    PathsArg,
    PlainCommand,
    QuietOpt,
    SchedulerOpt,
    Shared,
    TimestampOpt,
    ToOpt,
    VerboseOpt,
    WorkersOpt,
    check_ratio,
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


def _print_version(value: bool) -> None:
    if value:
        from .. import __version__

        typer.echo(f"summarize {__version__}")
        raise typer.Exit()


@app.callback()
def _configure(
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option(
            "--version", is_eager=True, callback=_print_version, help="Print the version and exit."
        ),
    ] = False,
) -> None:
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
        jobs=shared.jobs,
        warn=reporter.warn,
        info=reporter.info,
        translation_progress=reporter.progress("translating"),
    )


def _stamp(shared: Shared) -> str | None:
    if not shared.timestamp:
        return None
    import datetime

    return datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC")


def _articles_command(
    kind: str, paths: Sequence[str] | None, shared: Shared, **options: Any
) -> None:
    """summary and translate: one result per article, to stdout, one file, or one file each."""
    from .. import summarize_files, translate_files
    from ..outputs import output_path
    from ..render import FORMATS
    from ..results import RunResult
    from . import writing

    reporter = Reporter(shared.quiet, shared.verbose)
    stamp = _stamp(shared)
    code = 0
    result = RunResult()
    try:
        with handle_errors():
            shared = writing.settle_destination(shared)
            writing.check_batch_options(shared, paths or [])
            renderer = FORMATS[shared.fmt.value]
            render = renderer.summary if kind == "summary" else renderer.translation
            streaming = renderer.streams and shared.output is None and shared.out_dir is None
            own = writing.own_outputs(paths or [], shared)
            plan = writing.plan_outputs(paths or [], shared, own)

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
                    exclude=own,
                    **shared.decoding(),
                    **options,
                )
            reporter.info(f"read {result.read} article(s)")
            if shared.out_dir is not None:
                for article in result.articles:
                    target = output_path(
                        shared.out_dir,
                        article.path,
                        article.root,
                        kind,
                        shared.to,
                        renderer.extension,
                    )
                    plan.add(target, render([article], stamp))
                code = writing.finish_outputs(plan, shared, reporter, result.problems)
            elif shared.output is not None:
                plan.add(shared.output, render(result.articles, stamp))
                code = writing.finish_outputs(plan, shared, reporter, result.problems)
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
        from .reporting import hide_progress

        blocks = render.rich_digest(results) if kind == "digest" else render.rich_summary(results)
        hide_progress()  # the bars are transient: gone before the first title
        console = Console(highlight=False)
        for block in blocks:
            console.print(block)
        return
    emit(rendered())


# --- commands ---------------------------------------------------------------------------------


@app.command(cls=PlainCommand)
def summary(
    paths: PathsArg = None,
    sentences: Annotated[
        int | None,
        typer.Option(
            "--sentences", "-n", min=1, metavar="N", help="Sentences per article. [default: 5]"
        ),
    ] = None,
    ratio: Annotated[
        float | None,
        typer.Option(
            "--ratio",
            metavar="R",
            callback=check_ratio,
            help="Fraction of each article's sentences instead of -n: more than 0, at most 1 "
            "(0.25: a quarter).",
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
    compute_type: ComputeTypeOpt = "default",
    quiet: QuietOpt = False,
    verbose: VerboseOpt = False,
    executor: ExecutorOpt = DEFAULT_EXECUTOR_CHOICE,
    scheduler: SchedulerOpt = None,
    workers: WorkersOpt = None,
    jobs: JobsOpt = None,
) -> None:
    """Summarize each article: its top sentences, translated, each citing path:line."""
    _one_blas_thread()
    shared = Shared.pick(locals())
    _articles_command(
        "summary", paths, shared, method=method.value, sentences=sentences, ratio=ratio
    )


@app.command(cls=PlainCommand)
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
    compute_type: ComputeTypeOpt = "default",
    quiet: QuietOpt = False,
    verbose: VerboseOpt = False,
    executor: ExecutorOpt = DEFAULT_EXECUTOR_CHOICE,
    scheduler: SchedulerOpt = None,
    workers: WorkersOpt = None,
    jobs: JobsOpt = None,
) -> None:
    """Translate each article's text, keeping its paragraphs."""
    shared = Shared.pick(locals())
    _articles_command("translation", paths, shared, keep_boilerplate=keep_boilerplate)


@app.command(cls=PlainCommand)
def digest(
    paths: PathsArg = None,
    facts: Annotated[
        int, typer.Option("--facts", "-k", min=1, metavar="K", help="How many key facts.")
    ] = 12,
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
    compute_type: ComputeTypeOpt = "default",
    quiet: QuietOpt = False,
    verbose: VerboseOpt = False,
    executor: ExecutorOpt = DEFAULT_EXECUTOR_CHOICE,
    scheduler: SchedulerOpt = None,
    workers: WorkersOpt = None,
    jobs: JobsOpt = None,
) -> None:
    """One merged list of key facts across all articles, each citing every source that states it."""
    from .. import digest_files
    from ..render import FORMATS
    from . import writing

    shared = Shared.pick(locals())
    reporter = Reporter(shared.quiet, shared.verbose)
    code = 0
    result = DigestResult()
    try:
        with handle_errors():
            shared = writing.settle_destination(shared)
            writing.check_batch_options(shared, paths or [])
            renderer = FORMATS[shared.fmt.value]
            own = writing.own_outputs(paths or [], shared)
            plan = writing.plan_outputs(paths or [], shared, own)
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
                    exclude=own,
                    **shared.decoding(),
                )
            reporter.info(f"read {result.read} article(s)")
            content = renderer.digest(result, _stamp(shared))
            if shared.output is not None:
                plan.add(shared.output, content)
                code = writing.finish_outputs(plan, shared, reporter, result.problems)
            else:
                _show(result, shared, lambda: content, "digest")
    finally:
        reporter.close()
    reporter.finish(result.problems, code)


@app.command(cls=PlainCommand)
def inspect(
    path: Annotated[
        str,
        typer.Argument(
            metavar="FILE", help="One article file, or - for stdin.", show_default=False
        ),
    ],
    source: FromOpt = "auto",
    encoding: EncodingOpt = None,
    fmt: Annotated[
        InspectFormat,
        typer.Option("--format", "-f", help="Output format.", case_sensitive=False),
    ] = DEFAULT_INSPECT_FORMAT_CHOICE,
    groups: Annotated[
        bool,
        typer.Option(
            "--groups",
            help="Instead, show how the digest groups sentences across all PATHS, and why.",
        ),
    ] = False,
    more: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="MORE", help="More files or folders (with --groups).", show_default=False
        ),
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
            if glob:
                raise UsageError("--glob picks files from folders: it needs --groups")
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
