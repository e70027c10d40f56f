"""The options the commands share, their help, and the choices built from the registries.

Choices come from the registries themselves (output formats from
summarize.render.FORMATS, methods from summarize.select.summary.SUMMARIZERS,
executors from summarize.run.EXECUTORS), so adding one touches one dict.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeAlias

import typer

from ..render import DEFAULT_FORMAT, FORMATS
from ..run import DEFAULT_EXECUTOR, EXECUTORS
from ..select.summary import DEFAULT_METHOD, SUMMARIZERS


def _choice(name: str, names: Any) -> Any:
    # A str Enum, so Typer shows and checks the choices, and values compare as text.
    return Enum(name, [(n, n) for n in names], type=str)


if TYPE_CHECKING:  # to a type checker, a choice is an Enum of some text
    Format: TypeAlias = Enum
    Method: TypeAlias = Enum
    ExecutorName: TypeAlias = Enum
else:
    Format = _choice("Format", FORMATS)
    Method = _choice("Method", SUMMARIZERS)
    ExecutorName = _choice("ExecutorName", EXECUTORS)

DEFAULT_FORMAT_CHOICE = Format(DEFAULT_FORMAT)
DEFAULT_METHOD_CHOICE = Method(DEFAULT_METHOD)
DEFAULT_EXECUTOR_CHOICE = ExecutorName(DEFAULT_EXECUTOR)

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
ComputeTypeOpt = Annotated[
    str,
    typer.Option(
        "--compute-type",
        metavar="TYPE",
        help="CTranslate2 compute type: default (the model's own, as Argos), auto "
        "(the fastest this machine supports), int8, int8_float32, float32, ...",
    ),
]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="Print no warnings or progress.")]
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


@dataclass(frozen=True)
class Shared:
    """The options summary, translate and digest share, gathered from a command's parameters."""

    to: str
    source: str
    fmt: Any  # a Format choice
    output: Path | None
    check: bool
    fail_on_change: bool
    timestamp: bool
    glob: list[str] | None
    encoding: str | None
    cache: Path | None
    no_cache: bool
    beam: int
    quiet: bool
    verbose: bool
    executor: Any  # an ExecutorName choice
    scheduler: str | None
    workers: int | None
    out_dir: Path | None = None  # summary and translate only
    compute_type: str = "default"

    @classmethod
    def pick(cls, parameters: dict[str, Any]) -> Shared:
        """The shared options out of a command's parameters (its ``locals()``)."""
        return cls(**{f.name: parameters[f.name] for f in fields(cls) if f.name in parameters})

    def decoding(self) -> dict[str, Any]:
        """How translations are decoded and cached, as the library functions take it."""
        return {
            "cache": str(self.cache) if self.cache else None,
            "use_cache": not self.no_cache,
            "beam": self.beam,
            "compute_type": self.compute_type,
        }
