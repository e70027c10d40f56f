"""The options the commands share, their help, and the choices built from the registries.

Choices come from the registries themselves (output formats from
summarize.render.FORMATS, methods from summarize.select.summary.SUMMARIZERS,
executors from summarize.run.EXECUTORS), so adding one touches one dict.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeAlias

import typer
import typer.core

from ..render import DEFAULT_FORMAT, FORMATS
from ..run import DEFAULT_EXECUTOR, EXECUTORS
from ..select.summary import DEFAULT_METHOD, SUMMARIZERS


def _choice(name: str, names: Any) -> Any:
    # A str Enum, so Typer shows and checks the choices, and values compare as text.
    return Enum(name, [(n, n) for n in names], type=str)


if TYPE_CHECKING:  # to a type checker, a choice is an Enum of some text
    Format: TypeAlias = Enum
    InspectFormat: TypeAlias = Enum
    Method: TypeAlias = Enum
    ExecutorName: TypeAlias = Enum
else:
    Format = _choice("Format", FORMATS)
    InspectFormat = _choice("InspectFormat", [n for n, f in FORMATS.items() if f.inspects])
    Method = _choice("Method", SUMMARIZERS)
    ExecutorName = _choice("ExecutorName", EXECUTORS)

DEFAULT_FORMAT_CHOICE = Format(DEFAULT_FORMAT)
DEFAULT_INSPECT_FORMAT_CHOICE = InspectFormat(DEFAULT_FORMAT)
DEFAULT_METHOD_CHOICE = Method(DEFAULT_METHOD)
DEFAULT_EXECUTOR_CHOICE = ExecutorName(DEFAULT_EXECUTOR)


class OptionError(typer.BadParameter):
    """A bad option value, said in one line like every other error (click's take four)."""

    def show(self, file: Any = None) -> None:
        typer.echo(f"summarize: error: {self.message}", err=True)


# Every ISO 639-1 code, and the codes Argos uses beyond them ("zt": Chinese in
# traditional script, "pb": Brazilian Portuguese): what --to and --from take,
# so that `--to english` or `-to de` (read as `-t o`) is refused up front.
LANGUAGE_CODES = frozenset(
    """
    aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu
    cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi
    ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks
    ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl
    nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl
    sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve
    vi vo wa wo xh yi yo za zh zu zt pb
    """.split()
)


def _known_language(code: str) -> bool:
    if code in LANGUAGE_CODES:
        return True
    # A model installed by hand may use a code of its own.
    from ..errors import ModelError
    from ..translation.models import installed_models

    try:
        return any(code in (model.source, model.target) for model in installed_models())
    except (ModelError, OSError):
        return False


def _language_check(option: str, allow_auto: bool = False) -> Callable[[str], str]:
    """A callback that lower-cases a language code and refuses what is not one."""

    def check(value: str) -> str:
        code = value.strip().lower()
        if (allow_auto and code == "auto") or _known_language(code):
            return code
        hint = ""
        if option == "--to" and len(code) == 1:
            hint = f" (`-t{code}...` with one dash reads as `-t {code}`: write --to LANG)"
        raise OptionError(
            f"{option}: {value!r} is not a language code; "
            f"give an ISO 639-1 code such as en, de or fr{hint}"
        )

    return check


def check_ratio(value: float | None) -> float | None:
    """--ratio: a share of the sentences, so more than 0 and at most 1."""
    if value is not None and not 0 < value <= 1:
        raise OptionError(f"--ratio: {value} is not greater than 0 and at most 1 (0.25: a quarter)")
    return value


class PlainCommand(typer.core.TyperCommand):
    """A command whose help names its arguments by their metavar, as click does.

    typer writes a Python type after each argument (``PATHS <list[str]>``) and
    braces around required ones in the usage line (``{path}``).
    """

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if param.param_type_name == "argument":
                name = param.metavar or (param.name or "").upper()
                name = name if param.required else f"[{name}]"
                pieces.append(f"{name}..." if param.nargs != 1 else name)
        return pieces

    def format_options(self, ctx: Any, formatter: Any) -> None:
        params = self.get_params(ctx)
        arguments = [
            (param.metavar or (param.name or "").upper(), getattr(param, "help", None) or "")
            for param in params
            if param.param_type_name == "argument"
        ]
        options = [
            record
            for param in params
            if param.param_type_name == "option" and (record := param.get_help_record(ctx))
        ]
        if arguments:
            with formatter.section("Arguments"):
                formatter.write_dl(arguments)
        if options:
            with formatter.section("Options"):
                formatter.write_dl(options)


# Metavars name what a value is (LANG, FILE): typer would print Python types.
PathsArg = Annotated[
    list[str] | None,
    typer.Argument(
        metavar="PATHS",
        help="Files, folders (searched recursively) or - for stdin. "
        "[default: `inputs` from the configuration]",
        show_default=False,
    ),
]
ToOpt = Annotated[
    str,
    typer.Option(
        "--to",
        "-t",
        metavar="LANG",
        callback=_language_check("--to"),
        help="Output language: an ISO 639-1 code (en, de, fr...). Same as the source: "
        "no translation.",
    ),
]
FromOpt = Annotated[
    str,
    typer.Option(
        "--from",
        metavar="LANG",
        callback=_language_check("--from", allow_auto=True),
        help="Source language (ISO 639-1 code), or 'auto' to detect it per document.",
    ),
]
FormatOpt = Annotated[
    Format, typer.Option("--format", "-f", help="Output format.", case_sensitive=False)
]
OutputOpt = Annotated[
    Path | None,
    typer.Option(
        "--output", "-o", metavar="FILE", help="Write to this file (atomically) instead of stdout."
    ),
]
OutDirOpt = Annotated[
    Path | None,
    typer.Option(
        "--out-dir",
        "-d",
        metavar="DIR",
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
        "--glob",
        metavar="PATTERN",
        help="File pattern for folders; repeat for several. [default: *.txt, *.md]",
    ),
]
EncodingOpt = Annotated[
    str | None,
    typer.Option(
        "--encoding",
        metavar="NAME",
        help="Decode inputs with this encoding instead of detecting it.",
    ),
]
CacheOpt = Annotated[
    Path | None,
    typer.Option(
        "--cache",
        metavar="FILE",
        envvar="SUMMARIZE_CACHE",
        help="Translation cache file. [default: the user cache dir]",
    ),
]
NoCacheOpt = Annotated[bool, typer.Option("--no-cache", help="Neither read nor write the cache.")]
BeamOpt = Annotated[
    int, typer.Option("--beam", min=1, max=16, metavar="N", help="Beam size for decoding.")
]
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
JobsOpt = Annotated[
    int | None,
    typer.Option(
        "--jobs",
        min=1,
        metavar="N",
        help="Processes for reading, cleaning and selecting (local executor). "
        "[default: one per core; one for small inputs]",
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
    jobs: int | None = None  # local executor processes (None: one per core)
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
