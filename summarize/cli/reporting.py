"""Talking to the user on stderr: warnings, errors, progress bars, exit codes.

stdout carries only data. Everything here writes to stderr, as plain
one-line messages; a traceback means a bug. Progress bars never touch
stdout: they are drawn on stderr, and come off the screen (they are
transient) before data is printed to the same terminal.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import typer

from ..errors import EXIT_INTERRUPTED, Problem, SummarizeError, exit_code_of


class Reporter:
    """Warnings, errors and (with -v) what was done, on stderr, never on stdout."""

    def __init__(self, quiet: bool = False, verbose: bool = False) -> None:
        # pre-commit shows a hook's output only when it fails: stay quiet there.
        self.quiet = quiet or bool(os.environ.get("PRE_COMMIT"))
        self.verbose = verbose and not self.quiet
        self.show_progress = not self.quiet and sys.stderr.isatty()
        self._bars: dict[str, Any] = {}  # label -> rich task id
        self._counts: dict[str, tuple[int, int]] = {}  # label -> (done, total)
        self._progress: Any = None

    def warn(self, message: str) -> None:
        if not self.quiet:
            typer.echo(f"summarize: warning: {message}", err=True)

    def error(self, message: str) -> None:
        typer.echo(f"summarize: error: {message}", err=True)

    def info(self, message: str) -> None:
        if self.verbose:
            typer.echo(f"summarize: {message}", err=True)

    def progress(self, label: str) -> Any:
        """A callback(done, total) drawing a bar on stderr, or None off a terminal."""
        if not self.show_progress:
            return None

        def update(done: int, total: int) -> None:
            self._counts[label] = (done, total)
            if self._progress is None:
                self._show_bars()
            elif label not in self._bars:
                self._bars[label] = self._progress.add_task(label, total=total)
            self._progress.update(self._bars[label], completed=done, total=total)

        return update

    def _show_bars(self) -> None:
        from rich.console import Console
        from rich.progress import Progress

        # rich's live display replaces sys.stdout by default, which would send
        # the data to the terminal when stdout is a pipe or a file: stdout is
        # never redirected. sys.stderr is (to this same terminal), so warnings
        # printed meanwhile appear above the bar instead of tearing it.
        hide_progress()  # one live display at a time on the terminal
        self._progress = Progress(
            console=Console(stderr=True),
            transient=True,
            redirect_stdout=False,
            redirect_stderr=True,
        )
        self._progress.start()
        for label, (done, total) in self._counts.items():
            self._bars[label] = self._progress.add_task(label, total=total, completed=done)
        _ON_SCREEN.append(self)

    def hide(self) -> None:
        """Take the bars off the screen (they are transient); the next update redraws them."""
        if self._progress is not None:
            self._progress.stop()
            self._progress = None
            self._bars = {}
        if self in _ON_SCREEN:
            _ON_SCREEN.remove(self)

    def close(self) -> None:
        self.hide()
        self._counts = {}

    def finish(self, problems: list[Problem], code: int = 0) -> None:
        """Report every problem (warnings first) and exit with the code they call for."""
        for problem in problems:
            if not problem.is_error:
                self.warn(problem.message)
        for problem in problems:
            if problem.is_error:
                self.error(problem.message)
        code = exit_code_of(problems) or code
        if code:
            raise typer.Exit(code)


# The reporter whose progress bars are on the terminal now, if any.
_ON_SCREEN: list[Reporter] = []


def hide_progress() -> None:
    """Take any progress bar off the terminal before data is printed there."""
    for reporter in list(_ON_SCREEN):
        reporter.hide()


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
        raise typer.Exit(EXIT_INTERRUPTED) from None
    except BrokenPipeError:
        # `summarize ... | head -1`: the reader has gone; stop quietly.
        silence_stdout()
        raise typer.Exit(0) from None


def emit(content: str) -> None:
    """Write data to stdout, now.

    When stdout is the terminal the bars are drawn on, they come off the
    screen first (the next update redraws them below the data); otherwise
    data and bars go to different places and never meet.
    """
    if content and sys.stdout.isatty():
        hide_progress()
    sys.stdout.write(content)
    sys.stdout.flush()


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty() and not os.environ.get("PRE_COMMIT")


def silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except OSError:
        pass
