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

from .errors import UsageError

COMMANDS = ("summary", "digest", "translate")

# Config key -> the command's parameter name.
KEYS = {
    "inputs": "paths",
    "out_dir": "out_dir",
    "out-dir": "out_dir",
    "output": "output",
    "to": "to",
    "from": "source",
    "facts": "facts",
    "method": "method",
    "sentences": "sentences",
    "ratio": "ratio",
    "glob": "glob",
    "format": "fmt",
    "encoding": "encoding",
    "cache": "cache",
    "beam": "beam",
    "keep_boilerplate": "keep_boilerplate",
}
# Parameters each command has, so a shared key lands only where it fits.
PARAMETERS = {
    "summary": {"paths", "out_dir", "output", "to", "source", "method", "sentences", "ratio",
                "glob", "fmt", "encoding", "cache", "beam"},
    "digest": {"paths", "output", "to", "source", "facts", "glob", "fmt", "encoding", "cache",
               "beam"},
    "translate": {"paths", "out_dir", "output", "to", "source", "glob", "fmt", "encoding",
                  "cache", "beam", "keep_boilerplate"},
}
LISTS = {"paths", "glob"}


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


def default_map(folder: Path | None = None) -> dict[str, dict[str, Any]]:
    """Click's default_map: per command, parameter name -> default value."""
    settings, source = load_settings(folder)
    result: dict[str, dict[str, Any]] = {command: {} for command in COMMANDS}
    shared = {k: v for k, v in settings.items() if not isinstance(v, dict)}
    for command in COMMANDS:
        specific = settings.get(command, {})
        for key, value in [*shared.items(), *specific.items()]:
            name = KEYS.get(key)
            if name is None:
                raise UsageError(
                    f"{source}: unknown setting {key!r}; known: {', '.join(sorted(set(KEYS)))}"
                )
            if name not in PARAMETERS[command]:
                continue
            if name in LISTS and isinstance(value, str):
                value = [value]
            result[command][name] = value
    return result
