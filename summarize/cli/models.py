"""`summarize models ...` and `summarize cache ...`: the translation models and their cache."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from ..errors import UsageError
from .options import DEFAULT_FORMAT_CHOICE as TEXT
from .options import CacheOpt, Format
from .reporting import Reporter, emit, handle_errors

models_app = typer.Typer(
    help="List, install and remove offline translation models (Argos packages).",
    no_args_is_help=True,
)
cache_app = typer.Typer(help="Inspect or clear the translation cache.", no_args_is_help=True)


@models_app.command("list")
def models_list(
    fmt: Annotated[Format, typer.Option("--format", "-f", help="text or json.")] = TEXT,
) -> None:
    """List installed translation models."""
    from ..render import dumps
    from ..translation import models

    with handle_errors():
        installed = models.installed_models()
        if fmt.value == "json":
            emit(
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
                )
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
            typer.echo(f"{m.source}->{m.target}\t{m.version}\t{size_label(m.size)}\t{m.path}")


def size_label(size: int) -> str:
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
    from ..translation import install

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
    from ..translation import models

    with handle_errors():
        model = models.remove_model(source, target)
        typer.echo(f"removed {model.source}->{model.target} from {model.path}", err=True)


def _cache(path: Path | None) -> Any:
    from ..translation.cache import TranslationCache, default_cache_path

    return TranslationCache(path or default_cache_path(), warn=Reporter().warn)


@cache_app.command("info")
def cache_info(cache: CacheOpt = None) -> None:
    """Show the cache's path, entries and size."""
    with handle_errors():
        info = _cache(cache).info()
        typer.echo(
            f"path: {info['path']}\nentries: {info['entries']}\nsize: {size_label(info['bytes'])}"
        )


@cache_app.command("clear")
def cache_clear(cache: CacheOpt = None) -> None:
    """Delete every cached translation."""
    with handle_errors():
        store = _cache(cache)
        removed = store.clear()
        typer.echo(f"removed {removed} cached translations from {store.path}", err=True)
