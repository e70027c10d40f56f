"""`summarize models ...` and `summarize cache ...`: the translation models and their cache."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from ..errors import UsageError
from .options import DEFAULT_FORMAT_CHOICE as TEXT
from .options import CacheOpt, Format, PlainCommand
from .reporting import Reporter, emit, handle_errors

models_app = typer.Typer(
    help="List, install and remove offline translation models (Argos packages).",
    no_args_is_help=True,
)
cache_app = typer.Typer(help="Inspect or clear the translation cache.", no_args_is_help=True)


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<|#])")


def _printable(text: str) -> str:
    """Control characters (a newline or escape sequence in a folder name) shown, not obeyed."""
    return _CONTROL.sub(lambda m: repr(m.group())[1:-1], text)


def _md(text: str) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", _printable(text))


@models_app.command("list", cls=PlainCommand)
def models_list(
    fmt: Annotated[Format, typer.Option("--format", "-f", help="text, md, json or jsonl.")] = TEXT,
) -> None:
    """List installed translation models, and package folders that are broken."""
    import json

    from ..render import dumps
    from ..translation import install, models

    with handle_errors():
        install.clean_leftovers()
        scan = models.scan_packages()
        rows: list[dict[str, Any]] = [
            {
                "from": m.source,
                "to": m.target,
                "version": m.version,
                "size": m.size,
                "path": str(m.path),
                "broken": None,
            }
            for m in scan.installed
        ]
        rows += [
            {
                "from": b.pair[0] if b.pair else None,
                "to": b.pair[1] if b.pair else None,
                "version": None,
                "size": None,
                "path": str(b.path),
                "broken": b.reason,
            }
            for b in scan.broken
        ]
        for b in scan.broken:
            Reporter().warn(
                f"{_printable(str(b.path))}: broken package ({_printable(b.reason)}); "
                "delete the folder or reinstall the model"
            )
        if fmt.value == "json":
            emit(dumps(rows))
            return
        if fmt.value == "jsonl":
            emit("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows))
            return
        if not scan.installed:
            typer.echo(
                f"no models installed in {_printable(str(models.packages_dir()))}; "
                "install one with `summarize models install de en` or "
                "`summarize models install PATH.argosmodel`",
                err=True,
            )
        if not rows:
            return
        cells = [
            (
                f"{row['from'] or '?'}->{row['to'] or '?'}",
                row["version"] if row["broken"] is None else "broken",
                size_label(row["size"]) if row["size"] is not None else "-",
                row["path"] if row["broken"] is None else f"{row['path']} ({row['broken']})",
            )
            for row in rows
        ]
        if fmt.value == "md":
            lines = ["| pair | version | size | path |", "|---|---|---|---|"]
            lines += ["| " + " | ".join(_md(c) for c in row) + " |" for row in cells]
            emit("\n".join(lines) + "\n")
            return
        emit("".join("\t".join(_printable(c) for c in row) + "\n" for row in cells))


def size_label(size: int) -> str:
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} B"


@models_app.command("install", cls=PlainCommand)
def models_install(
    what: Annotated[
        list[str],
        typer.Argument(
            help="FROM TO (e.g. de en) to download from the Argos index; "
            "a .argosmodel file to install offline; or a folder: a CTranslate2 "
            "model with its SentencePiece model(s) (give --from and --to), or an "
            "unpacked Argos package.",
            show_default=False,
        ),
    ],
    source: Annotated[
        str | None,
        typer.Option(
            "--from",
            help="Source language of a model folder (checked against a file's package).",
            show_default=False,
        ),
    ] = None,
    target: Annotated[
        str | None,
        typer.Option(
            "--to",
            help="Target language of a model folder (checked against a file's package).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Install a model: `de en` from the Argos index, or a file or folder (offline)."""
    from ..translation import install
    from ..translation.models import is_language_code, norm_code

    with handle_errors():
        for option, code in (("--from", source), ("--to", target)):
            if code is not None and not is_language_code(norm_code(code)):
                raise UsageError(f"{option} {code!r} is not a 2-3 letter language code")
        if len(what) == 1:
            folder = Path(what[0])
            bare = folder.is_dir() and not (folder / "metadata.json").is_file()
            if bare and (source is None or target is None):
                raise UsageError(
                    f"{what[0]} is a folder: give its languages, e.g. "
                    f"`summarize models install {what[0]} --from de --to en`"
                )
            model = install.install_path(what[0], source, target)
        elif len(what) == 2:
            if source is not None or target is not None:
                raise UsageError(
                    "--from and --to are for a file or folder; `models install "
                    f"{what[0]} {what[1]}` names the languages already"
                )
            model = install.install_from_index(what[0], what[1], progress=_download_progress())
        else:
            raise UsageError("give FROM TO (e.g. `de en`), one PATH.argosmodel or one model folder")
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
            from rich.console import Console

            # The bar belongs on stderr with the other talk; stdout stays data.
            bar = Progress(console=Console(stderr=True), transient=True)
            bar.start()
            state["bar"] = bar
            state["task"] = bar.add_task("downloading", total=total or None)
        state["bar"].update(state["task"], completed=done)
        if total and done >= total:
            state["bar"].stop()

    return update


@models_app.command("remove", cls=PlainCommand)
def models_remove(
    source: Annotated[str, typer.Argument(help="Source language code.", show_default=False)],
    target: Annotated[str, typer.Argument(help="Target language code.", show_default=False)],
) -> None:
    """Remove an installed model."""
    from ..translation import models

    with handle_errors():
        for path in models.remove_model(source, target):
            typer.echo(
                f"removed {models.norm_code(source)}->{models.norm_code(target)}: "
                f"{_printable(str(path))}",
                err=True,
            )


def _cache(path: Path | None) -> Any:
    from ..translation.cache import TranslationCache, default_cache_path

    return TranslationCache(path or default_cache_path(), warn=Reporter().warn)


@cache_app.command("info", cls=PlainCommand)
def cache_info(cache: CacheOpt = None) -> None:
    """Show the cache's path, entries and size."""
    with handle_errors():
        info = _cache(cache).info()
        typer.echo(
            f"path: {info['path']}\nentries: {info['entries']}\nsize: {size_label(info['bytes'])}"
        )


@cache_app.command("clear", cls=PlainCommand)
def cache_clear(cache: CacheOpt = None) -> None:
    """Delete every cached translation."""
    with handle_errors():
        store = _cache(cache)
        removed = store.clear()
        typer.echo(f"removed {removed} cached translations from {store.path}", err=True)
