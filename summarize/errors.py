"""Exception types, each carrying the exit code the CLI maps it to.

The message of every error is written for the user: it names what failed
(usually a file) and what to do about it. The CLI prints it as is.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

EXIT_OK = 0
EXIT_STALE = 1
EXIT_USAGE = 2
EXIT_MODEL = 3
EXIT_INPUT = 4
EXIT_OUTPUT = 5
EXIT_INTERRUPTED = 130


class SummarizeError(Exception):
    """Base class: an expected failure with a user-facing message."""

    exit_code = EXIT_USAGE


class UsageError(SummarizeError):
    exit_code = EXIT_USAGE


class InputError(SummarizeError):
    """One input could not be read; the others are still processed."""

    exit_code = EXIT_INPUT

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")


class OutputError(SummarizeError):
    """An output file could not be written; whatever was there is unchanged."""

    exit_code = EXIT_OUTPUT


class ModelError(SummarizeError):
    """A translation model is missing, broken or cannot be installed."""

    exit_code = EXIT_MODEL


class MissingModelError(ModelError):
    def __init__(self, source: str, target: str, paths: Sequence[str] = ()) -> None:
        self.source = source
        self.target = target
        self.paths = tuple(paths)
        needed = ""
        if self.paths:
            shown = ", ".join(self.paths[:3])
            more = f" and {len(self.paths) - 3} more" if len(self.paths) > 3 else ""
            needed = f" (needed by {shown}{more})"
        super().__init__(
            f"no translation model for {source}->{target}{needed}.\n"
            f"Install one with `summarize models install {source} {target}` "
            f"or, offline, `summarize models install PATH.argosmodel`."
        )


class PackageError(ModelError):
    """A .argosmodel file was refused; nothing was installed."""

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: refused: {reason}")


class RemoteError(SummarizeError):
    """An expected failure raised on a Dask worker, carried back with its exit code.

    Exceptions with their own constructor arguments do not survive pickling
    between processes, so a worker sends the message and the exit code instead.
    """

    def __init__(self, message: str, exit_code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.exit_code = exit_code


@dataclass(frozen=True)
class Problem:
    """A warning or an error about one input, as plain data.

    Problems are collected instead of raised, so one bad input never stops the
    others; they travel between processes and are reported in input order.
    """

    message: str  # one line for the user, naming the input
    exit_code: int = EXIT_OK  # EXIT_OK for a warning, else the exit code it calls for

    @property
    def is_error(self) -> bool:
        return self.exit_code != EXIT_OK

    def __str__(self) -> str:
        return self.message

    @classmethod
    def of(cls, error: SummarizeError) -> Problem:
        return cls(str(error), error.exit_code)


def exit_code_of(problems: Sequence[Problem]) -> int:
    """The exit code a run with these problems ends with (0 when there are only warnings).

    An unreadable input outranks a missing model: both leave work undone, but
    the first is the user's to fix in the input.
    """
    codes = {p.exit_code for p in problems if p.is_error}
    if not codes:
        return EXIT_OK
    return EXIT_INPUT if EXIT_INPUT in codes else max(codes)
