"""Defaults from `[tool.summarize]` in pyproject.toml or from `.summarize.toml`.

Both are looked up in the current folder (where pre-commit and CI run).
`.summarize.toml` holds the same keys at its top level. Keys under a table
named after a command (`[tool.summarize.digest]`) apply to that command only.
Command-line flags always win: these only change the defaults.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from ..errors import UsageError

# The configuration key of the input paths (the commands' PATHS argument).
INPUTS_KEY = "inputs"


def _read_toml(path: Path) -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on 3.10 only
        import tomli as tomllib
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise UsageError(f"{path}: cannot read the configuration: {exc}") from None


def load_settings(folder: Path | None = None) -> tuple[dict[str, Any], Path | None]:
    """The raw settings table and the file it came from (.summarize.toml first)."""
    folder = folder or Path.cwd()
    own = folder / ".summarize.toml"
    if own.is_file():
        return _read_toml(own), own
    pyproject = folder / "pyproject.toml"
    if pyproject.is_file():
        table = _read_toml(pyproject).get("tool", {}).get("summarize")
        if isinstance(table, dict):
            return table, pyproject
    return {}, None


def default_map(
    commands: dict[str, dict[str, str]], folder: Path | None = None
) -> dict[str, dict[str, Any]]:
    """Click's default_map: per command, parameter name -> default value.

    ``commands`` maps each configurable command to its settings: config key
    -> parameter name, as read off the command's own options (so a setting
    exists exactly when the command has the option). A shared key applies to
    every command that has it; a key no command has is an error.
    """
    settings, source = load_settings(folder)
    result: dict[str, dict[str, Any]] = {command: {} for command in commands}
    known = sorted({key for keys in commands.values() for key in keys})
    shared = {k: v for k, v in settings.items() if not isinstance(v, dict)}
    for command, keys in commands.items():
        specific = settings.get(command, {})
        for key, value in [*shared.items(), *specific.items()]:
            if key not in known:
                raise UsageError(f"{source}: unknown setting {key!r}; known: {', '.join(known)}")
            name = keys.get(key)
            if name is None:
                continue
            if isinstance(value, str) and key in _LIST_KEYS:
                value = [value]
            result[command][name] = value
    return result


# Settings that take several values; a single string is one of them.
_LIST_KEYS = {INPUTS_KEY, "glob"}
