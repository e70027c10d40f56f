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
    context_settings={"help_option_names": ["-h", "--help"]},
)
models_app = typer.Typer(help="List, install and remove offline translation models (Argos packages).",
                         no_args_is_help=True)
cache_app = typer.Typer(help="Inspect or clear the translation cache.", no_args_is_help=True)
app.add_typer(models_app, name="models")
app.add_typer(cache_app, name="cache")


class Format(str, Enum):
    text = "text"
    md = "md"
    json = "json"
    jsonl = "jsonl"


class Method(str, Enum):
    lexrank = "lexrank"
    lsa = "lsa"
    textrank = "textrank"
    luhn = "luhn"
    kl = "kl"
    sumbasic = "sumbasic"


# --- shared options ------------------------------------------------------------

PathsArg = Annotated[
    list[str],
    typer.Argument(
        help="Files, folders (searched recursively) or - for stdin.", show_default=False
    ),
]
ToOpt = Annotated[
    str, typer.Option("--to", "-t", help="Output language (ISO code). Same as the source: no translation.")
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
    typer.Option("--glob", help="File pattern for folders; repeat for several. [default: *.txt, *.md]"),
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


def _emit(content: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(content)
        sys.stdout.flush()
        return
    from .outputs import write_atomic

    write_atomic(output, content)


def _finish(result: Any, reporter: Reporter) -> None:
    for warning in result.warnings:
        reporter.warn(warning)
    for error in result.errors:
        reporter.error(str(error))
    if result.errors:
        raise typer.Exit(EXIT_INPUT)


def _translator(cache: Path | None, no_cache: bool, beam: int, reporter: Reporter) -> Any:
    from .pipeline import make_translator

    return make_translator(cache, use_cache=not no_cache, beam_size=beam, warn=reporter.warn)


def _load(paths: Sequence[str], source: str, globs: list[str] | None, encoding: str | None):
    from .pipeline import load_articles

    if not paths:
        raise UsageError("give at least one file, folder or - for stdin")
    return load_articles(paths, source_language=source, globs=globs, encoding=encoding)


def _stdout_is_terminal() -> bool:
    return sys.stdout.isatty() and not os.environ.get("PRE_COMMIT")


# --- commands ------------------------------------------------------------------


@app.command()
def summary(
    paths: PathsArg,
    sentences: Annotated[
        int | None,
        typer.Option("--sentences", "-n", min=1, help="Sentences per article. [default: 5]"),
    ] = None,
    ratio: Annotated[
        float | None,
        typer.Option("--ratio", min=0.0, max=1.0, help="Fraction of each article's sentences instead of -n."),
    ] = None,
    method: Annotated[
        Method, typer.Option("--method", "-m", help="sumy summarizer that ranks sentences.")
    ] = Method.lexrank,
    to: ToOpt = "en",
    source: FromOpt = "auto",
    fmt: FormatOpt = Format.text,
    output: OutputOpt = None,
    glob: GlobOpt = None,
    encoding: EncodingOpt = None,
    cache: CacheOpt = None,
    no_cache: NoCacheOpt = False,
    beam: BeamOpt = 4,
    quiet: QuietOpt = False,
) -> None:
    """Summarize each article: its top sentences, translated, each citing path:line."""
    from .pipeline import summarize_articles

    reporter = Reporter(quiet)
    with handle_errors():
        if sentences is not None and ratio is not None:
            raise UsageError("give either --sentences or --ratio, not both")
        articles, result = _load(paths, source, glob, encoding)
        translator = _translator(cache, no_cache, beam, reporter)
        result.articles = summarize_articles(
            articles,
            target=to,
            translator=translator,
            method=method.value,
            sentences=sentences,
            ratio=ratio,
        )
        _render_articles(result.articles, fmt, output, "summary")
    _finish(result, reporter)


@app.command()
def translate(
    paths: PathsArg,
    to: ToOpt = "en",
    source: FromOpt = "auto",
    keep_boilerplate: Annotated[
        bool,
        typer.Option("--keep-boilerplate", help="Also translate what cleaning dropped (menus, comments...)."),
    ] = False,
    fmt: FormatOpt = Format.text,
    output: OutputOpt = None,
    glob: GlobOpt = None,
    encoding: EncodingOpt = None,
    cache: CacheOpt = None,
    no_cache: NoCacheOpt = False,
    beam: BeamOpt = 4,
    quiet: QuietOpt = False,
) -> None:
    """Translate each article's text, keeping its paragraphs."""
    from .pipeline import translate_articles

    reporter = Reporter(quiet)
    with handle_errors():
        articles, result = _load(paths, source, glob, encoding)
        translator = _translator(cache, no_cache, beam, reporter)
        result.articles = translate_articles(
            articles, target=to, translator=translator, keep_boilerplate=keep_boilerplate
        )
        _render_articles(result.articles, fmt, output, "sentences")
    _finish(result, reporter)


@app.command()
def digest(
    paths: PathsArg,
    facts: Annotated[int, typer.Option("--facts", "-k", min=1, help="How many key facts.")] = 12,
    to: ToOpt = "en",
    source: FromOpt = "auto",
    fmt: FormatOpt = Format.text,
    output: OutputOpt = None,
    glob: GlobOpt = None,
    encoding: EncodingOpt = None,
    cache: CacheOpt = None,
    no_cache: NoCacheOpt = False,
    beam: BeamOpt = 4,
    quiet: QuietOpt = False,
) -> None:
    """One merged list of key facts across all articles, each citing every source that states it."""
    from . import render
    from .pipeline import digest_articles

    reporter = Reporter(quiet)
    with handle_errors():
        articles, loaded = _load(paths, source, glob, encoding)
        translator = _translator(cache, no_cache, beam, reporter)
        result = digest_articles(articles, target=to, translator=translator, facts=facts)
        if fmt is Format.json:
            _emit(render.digest_json(result), output)
        elif fmt is Format.jsonl:
            _emit("".join(render.digest_jsonl(result)), output)
        elif fmt is Format.md:
            _emit(render.digest_markdown(result), output)
        elif output is None and _stdout_is_terminal():
            from rich.console import Console

            console = Console(highlight=False)
            for block in render.rich_digest(result):
                console.print(block)
        else:
            _emit(render.digest_text(result), output)
    _finish(loaded, reporter)


def _render_articles(results: list[Any], fmt: Format, output: Path | None, key: str) -> None:
    from . import render

    summary_kind = key == "summary"
    if fmt is Format.json:
        _emit(render.articles_json(results, key), output)
    elif fmt is Format.jsonl:
        _emit("".join(render.articles_jsonl(results, key)), output)
    elif fmt is Format.md:
        content = render.summary_markdown(results) if summary_kind else render.translation_markdown(results)
        _emit(content, output)
    elif output is None and summary_kind and _stdout_is_terminal():
        from rich.console import Console

        console = Console(highlight=False)
        for block in render.rich_summary(results):
            console.print(block)
    else:
        content = render.summary_text(results) if summary_kind else render.translation_text(results)
        _emit(content, output)


@app.command()
def inspect(
    path: Annotated[str, typer.Argument(help="One article file, or - for stdin.", show_default=False)],
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
        list[str] | None, typer.Argument(help="More files or folders (with --groups).", show_default=False)
    ] = None,
    glob: GlobOpt = None,
) -> None:
    """Show each line of an article as kept or dropped and why, or (--groups) the digest's groups."""
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
                _emit(dumps({"path": article.path, "language": article.language, "lines": lines}), None)
                continue
            width = len(str(len(article.cleaned.lines)))
            out = [f"{article.path} ({article.language}): {article.cleaned.kept_lines} lines kept, "
                   f"{article.cleaned.dropped_lines} dropped"]
            for line in article.cleaned.lines:
                if line.blank:
                    verdict = ""
                elif line.kept:
                    verdict = "keep"
                else:
                    verdict = f"drop: {line.reason}"
                out.append(f"{line.number:>{width}} {verdict:<32} | {text[line.start:line.end]}")
            _emit("\n".join(out) + "\n", None)
    _finish(result, reporter)


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
    _finish(result, reporter)


# --- models --------------------------------------------------------------------


@models_app.command("list")
def models_list(
    fmt: Annotated[Format, typer.Option("--format", "-f", help="text or json.")] = Format.text,
) -> None:
    """List installed translation models."""
    from . import models
    from .render import dumps

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
    from . import models

    with handle_errors():
        if len(what) == 1:
            model = models.install_package_file(what[0])
        elif len(what) == 2:
            model = models.install_from_index(what[0], what[1], progress=_download_progress())
        else:
            raise UsageError("give FROM TO (e.g. `de en`) or one PATH.argosmodel")
        typer.echo(f"installed {model.source}->{model.target} {model.version} in {model.path}", err=True)


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
    from . import models

    with handle_errors():
        model = models.remove_model(source, target)
        typer.echo(f"removed {model.source}->{model.target} from {model.path}", err=True)


# --- cache ---------------------------------------------------------------------


@cache_app.command("info")
def cache_info(cache: CacheOpt = None) -> None:
    """Show the cache's path, entries and size."""
    from .cache import TranslationCache, default_cache_path

    with handle_errors():
        store = TranslationCache(cache or default_cache_path(), warn=Reporter().warn)
        info = store.info()
        typer.echo(f"path: {info['path']}\nentries: {info['entries']}\nsize: {_size(int(info['bytes']))}")


@cache_app.command("clear")
def cache_clear(cache: CacheOpt = None) -> None:
    """Delete every cached translation."""
    from .cache import TranslationCache, default_cache_path

    with handle_errors():
        store = TranslationCache(cache or default_cache_path(), warn=Reporter().warn)
        removed = store.clear()
        typer.echo(f"removed {removed} cached translations from {store.path}", err=True)


def main() -> None:
    """Console entry point: adds clean handling of pipes and Ctrl-C around the app."""
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("summarize: interrupted\n")
        sys.exit(errors.EXIT_INTERRUPTED)
    except BrokenPipeError:
        # `summarize ... | head -1`: the reader left; exit quietly.
        _silence_stdout()
        sys.exit(0)


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except OSError:
        pass
