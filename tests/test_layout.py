"""The house rules of the layout: data flows one way, and each room keeps to its job."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "summarize"

# Rooms from the bottom up: a module may import its own room and the rooms below.
LAYERS = [
    {"_version", "errors"},
    {"results"},
    {"words"},
    {"sources", "segment", "language", "outputs"},
    {"clean"},
    {"select"},
    {"translation"},
    {"render"},
    {"run"},
    {"__init__"},  # the public API, importing the run room lazily
    {"cli", "__main__"},
]


def room_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def layer_of(room: str) -> int:
    return next(i for i, rooms in enumerate(LAYERS) if room in rooms)


def module_name(path: Path) -> str:
    relative = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(relative.parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def imports_of(path: Path) -> set[str]:
    """The summarize modules a file imports (relative imports resolved)."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.startswith("summarize"):
                found.add(target)
                for alias in node.names:  # `from . import render`
                    found.add(f"{target}.{alias.name}")
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("summarize"))
    return {m for m in found if _exists(m)}


def _exists(module: str) -> bool:
    path = PACKAGE.parent / Path(*module.split("."))
    return path.with_suffix(".py").exists() or (path / "__init__.py").exists()


def test_no_module_imports_a_room_above_it():
    wrong = []
    for path in sorted(PACKAGE.rglob("*.py")):
        room = room_of(module_name(path))
        for target in imports_of(path):
            target_room = room_of(target)
            if layer_of(target_room) > layer_of(room):
                wrong.append(f"{module_name(path)} imports {target}")
    assert wrong == []


def test_the_cli_reaches_stages_only_through_the_library_and_registries():
    allowed = {
        "summarize",  # the library API
        "summarize.errors",
        "summarize.results",
        "summarize.outputs",
        "summarize.render",  # FORMATS
        "summarize.run",  # EXECUTORS
        "summarize.select.summary",  # SUMMARIZERS
        "summarize.translation",  # model management: models, install, cache
        "summarize.translation.models",
        "summarize.translation.install",
        "summarize.translation.cache",
    }
    for path in sorted((PACKAGE / "cli").glob("*.py")):
        for target in imports_of(path):
            if target.startswith("summarize.cli"):
                continue
            assert target in allowed, f"{path.name} imports {target}"


def test_render_reads_only_results():
    code = (
        "import sys, summarize.render\n"
        "print(sorted(m for m in sys.modules if m.startswith('summarize')))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    loaded = set(ast.literal_eval(proc.stdout))
    assert loaded == {
        "summarize",
        "summarize._version",
        "summarize.render",
        "summarize.results",
        "summarize.errors",
    }


def test_no_file_is_over_600_lines_but_rule_tables():
    long = [
        (p.relative_to(PACKAGE).as_posix(), n)
        for p in PACKAGE.rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 650 and p.name != "rules.py"
    ]
    assert long == []
