"""Exception types, each carrying the exit code the CLI maps it to.

The message of every error is written for the user: it names what failed
(usually a file) and what to do about it. The CLI prints it as is.
"""

from __future__ import annotations

from collections.abc import Sequence

EXIT_OK = 0
EXIT_STALE = 1
EXIT_USAGE = 2
EXIT_MODEL = 3
EXIT_INPUT = 4
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
