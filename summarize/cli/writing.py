"""Where a command's output goes, and writing it there without ever losing a good file.

The rules, in the order a run meets them:

* ``-o -`` is stdout. Without ``--format`` on the command line, the format
  follows the extension of ``-o`` / ``output`` (``.md`` Markdown, ``.json``,
  ``.jsonl``, ``.txt`` text). A ``--format`` on the command line that the
  configured ``output`` file cannot hold (``digest --format json`` with
  ``output = "DIGEST.md"``) sends the data to stdout instead: the configured
  file is left for the runs that produce its format. With ``--check`` or
  ``--fail-on-change`` (a hook) the configured file is still the target.
* The destination is checked before any work (an input, a folder, a link, a
  FIFO nobody reads are refused at once), and the run's own outputs are kept
  out of the folders it reads.
* After the run: a single ``-o`` file holds every input, so a run with errors
  (exit 3 or 4) leaves it as it was, and says so; with ``--out-dir`` the
  inputs that failed have no output, so their files stay as they were while
  the others are written. A file that cannot be written is one line and exit 5.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Sequence
from typing import Any

import typer

from ..errors import EXIT_STALE, Problem, UsageError, exit_code_of
from ..outputs import STDIN, STDOUT, TO_FILE, OutputPlan, found_inputs, written_by_us
from .options import Format, Shared
from .reporting import Reporter, emit

# The format an output file's extension asks for.
EXTENSION_FORMATS = {
    ".md": "md",
    ".markdown": "md",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".txt": "text",
}


def settle_destination(shared: Shared) -> Shared:
    """The options with ``-o -`` as stdout and the format the output file calls for."""
    output = shared.output
    if shared.out_dir is not None and str(shared.out_dir) == STDOUT:
        raise UsageError("--out-dir needs a folder; use --output - for stdout")
    if output is None:
        return shared
    if str(output) == STDOUT:
        if shared.check or shared.fail_on_change:
            raise UsageError("--check and --fail-on-change need an output file, not stdout")
        return dataclasses.replace(shared, output=None)
    implied = EXTENSION_FORMATS.get(output.suffix.lower())
    if implied is None or implied == shared.fmt.value:
        return shared
    if _given_on_command_line("fmt"):
        if _given_on_command_line("output") or shared.check or shared.fail_on_change:
            return shared  # a file was asked for, in this format: the user knows best
        # `summarize digest --format json` with output = "DIGEST.md" configured.
        return dataclasses.replace(shared, output=None)
    return dataclasses.replace(shared, fmt=Format(implied))


def _given_on_command_line(name: str) -> bool:
    """Whether the user typed this option (not a default, nor a configuration value)."""
    context = _current_context()
    if context is None:
        return False
    source = context.get_parameter_source(name)
    return source is not None and source.name in ("COMMANDLINE", "ENVIRONMENT")


def _current_context() -> Any:
    # Typer 0.22+ runs on its own copy of Click, whose context stack is not
    # click's; older Typer uses click itself.
    try:
        from typer._click.globals import get_current_context
    except ImportError:
        from click import get_current_context  # type: ignore[no-redef]
    return get_current_context(silent=True)


def check_batch_options(shared: Shared, paths: Sequence[str]) -> None:
    if shared.out_dir is not None and STDIN in paths:
        raise UsageError("--out-dir needs files, not stdin; use --output")
    if shared.output is not None and shared.out_dir is not None:
        raise UsageError("give either --output or --out-dir, not both")
    if (shared.check or shared.fail_on_change) and shared.output is None and shared.out_dir is None:
        raise UsageError(
            "--check and --fail-on-change need --output or --out-dir "
            "(or `output` / `out_dir` in [tool.summarize])"
        )
    if shared.check and shared.fail_on_change:
        raise UsageError("give either --check or --fail-on-change, not both")


def own_outputs(paths: Sequence[str], shared: Shared) -> list[str]:
    """The run's outputs that a folder search must not read back as articles.

    The ``-o`` file when it holds a previous output (not an article), and the
    ``--out-dir`` folder when it lies inside an input folder (``translate
    self --out-dir self/out``): below it, files named like outputs. An
    out-dir that holds the inputs (``--out-dir .``) is not left out: outputs
    written beside their articles are recognised by their names and marker.
    """
    own = []
    if shared.output is not None and written_by_us(
        shared.output, lambda: found_inputs(paths, shared.glob)
    ):
        own.append(str(shared.output))
    if shared.out_dir is not None:
        out_dir = os.path.realpath(shared.out_dir)
        holds_an_input = any(
            _inside(os.path.realpath(path), out_dir) for path in paths if path != STDIN
        )
        if not holds_an_input:
            own.append(str(shared.out_dir))
    return own


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def plan_outputs(paths: Sequence[str], shared: Shared, exclude: Sequence[str]) -> OutputPlan:
    """An empty plan that protects every input file; refuses a bad ``-o`` before any work."""
    if shared.output is None and shared.out_dir is None:
        return OutputPlan()
    plan = OutputPlan(found_inputs(paths, shared.glob, exclude))
    if shared.output is not None:
        kind = plan.admit(shared.output)
        if shared.check and kind != TO_FILE:
            raise UsageError(f"{shared.output}: --check compares files; give a regular file")
    if shared.out_dir is not None and shared.out_dir.exists() and not shared.out_dir.is_dir():
        raise UsageError(f"{shared.out_dir}: not a folder; give a folder for --out-dir")
    return plan


def finish_outputs(
    plan: OutputPlan, shared: Shared, reporter: Reporter, problems: list[Problem]
) -> int:
    """Write (or check) the planned files; return the exit code they call for.

    Appends to ``problems`` what the user must hear: files left unchanged
    because inputs failed, and files that could not be written.
    """
    failed_code = exit_code_of(problems)
    output = shared.output
    if failed_code and output is not None and plan.kinds.get(output) == TO_FILE:
        # One file holds every input: without all of them it would be a worse file.
        # (A stream gets what there is, as stdout does.)
        state = "left unchanged" if output.exists() else "not written"
        problems.append(
            Problem(
                f"{output}: {state}, because of the errors above; fix them and run again",
                failed_code,
            )
        )
        return 0
    if failed_code and shared.out_dir is not None:
        problems.append(
            Problem(
                f"{shared.out_dir}: the outputs of the inputs above were left unchanged",
                failed_code,
            )
        )
    if shared.check:
        stale = plan.stale()
        for path in stale:
            _say(f"out of date: {path}")
        if stale:
            _say(
                f"{len(stale)} output file(s) need regenerating; "
                "run the same command without --check"
            )
        return EXIT_STALE if stale else 0
    changed, failed = plan.write(emit)
    problems.extend(Problem.of(error) for error in failed)
    for path in changed:
        if shared.fail_on_change:
            _say(f"wrote {path}")
        else:
            reporter.info(f"wrote {path}")
    return EXIT_STALE if (shared.fail_on_change and changed) else 0


def _say(message: str) -> None:
    # Printed even with -q: these lines are what --check and --fail-on-change are for.
    typer.echo(f"summarize: {message}", err=True)
