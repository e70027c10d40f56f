"""Footprint: disk size of a fresh venv with ``pip install .`` (no dev extras).

Creates a venv in a temporary folder, installs a copy of the project into it
(non-editable; the copy leaves out .git, build caches and benchmarks/_build,
so the checkout is not touched by the build), then reports ``du`` of the
venv, the biggest installed distributions, and whether torch is present.
Needs a package index (PyPI) or local wheels (PIP_FIND_LINKS); when pip
fails the section is skipped with the reason.

Usage::

    python benchmarks/bench_footprint.py [--json]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from common import REPO_ROOT, Section, emit, log  # noqa: E402

PIP_TIMEOUT = 900  # seconds
_IGNORE = shutil.ignore_patterns(
    ".git",
    "_build",
    ".venv",
    "venv",
    "build",
    "dist",
    "*.egg-info",
    "__pycache__",
    ".mypy_cache",
    ".pytest_cache",
    ".ruff_cache",
    ".hypothesis",
    "*.argosmodel",
)


def _du_bytes(path: Path) -> int:
    out = subprocess.run(["du", "-sk", str(path)], capture_output=True, text=True, check=True)
    return int(out.stdout.split()[0]) * 1024


def _python_for_venv() -> str:
    """A base interpreter (not this venv's python), like running ``python3 -m venv``."""
    version = f"{sys.version_info.major}.{sys.version_info.minor}"
    base = Path(sys.base_prefix) / "bin" / f"python{version}"
    if base.is_file():
        return str(base)
    return shutil.which("python3") or sys.executable


def run(quick: bool = False) -> Section:
    section = Section("footprint", "Footprint of a fresh `pip install .` venv")
    work = Path(tempfile.mkdtemp(prefix="summarize-bench-footprint-"))
    try:
        venv = work / "venv"
        python = _python_for_venv()
        subprocess.run([python, "-m", "venv", str(venv)], check=True, capture_output=True)
        source = work / "src"
        shutil.copytree(REPO_ROOT, source, ignore=_IGNORE, symlinks=True)
        pip = [str(venv / "bin" / "python"), "-m", "pip"]
        env = dict(os.environ)
        env.setdefault("PIP_DISABLE_PIP_VERSION_CHECK", "1")
        log("footprint: pip install . into a fresh venv (needs PyPI or PIP_FIND_LINKS) ...")
        started = time.perf_counter()
        try:
            proc = subprocess.run(
                pip + ["install", "--no-input", str(source)],
                env=env,
                capture_output=True,
                text=True,
                timeout=PIP_TIMEOUT,
            )
        except subprocess.TimeoutExpired:
            section.skipped = f"pip install did not finish in {PIP_TIMEOUT} s (no network?)"
            return section
        took = time.perf_counter() - started
        if proc.returncode != 0:
            tail = " | ".join(proc.stderr.strip().splitlines()[-3:])
            section.skipped = f"pip install failed (no network / no index?): {tail}"
            return section
        size = _du_bytes(venv)
        empty = work / "empty"
        subprocess.run([python, "-m", "venv", str(empty)], check=True, capture_output=True)
        baseline = _du_bytes(empty)
        site = next((venv / "lib").glob("python*/site-packages"))
        torch = (site / "torch").exists() or any(site.glob("torch-*.dist-info"))
        section.add("venv_mb", "venv size after pip install . (du -sk)", round(size / 1e6, 1), "MB")
        section.add(
            "venv_added_mb", "added over an empty venv", round((size - baseline) / 1e6, 1), "MB"
        )
        section.add(
            "torch_present", "torch installed", "yes" if torch else "no", target="no", met=not torch
        )
        section.add("pip_install_s", "pip install time", round(took, 1), "s")
        freeze = subprocess.run(pip + ["list", "--format=freeze"], capture_output=True, text=True)
        section.add(
            "distributions",
            "distributions installed",
            len([x for x in freeze.stdout.splitlines() if x.strip()]),
        )
        sizes = []
        for child in site.iterdir():
            if child.name.endswith((".dist-info", ".pth")) or child.name == "__pycache__":
                continue
            if child.is_dir() and not child.is_symlink():
                sizes.append((child.name, _du_bytes(child)))
            elif child.is_file():
                sizes.append((child.name, child.stat().st_size))
        sizes.sort(key=lambda kv: -kv[1])
        section.table(
            "largest entries in site-packages",
            ["entry", "MB"],
            [[name, round(b / 1e6, 1)] for name, b in sizes[:10]],
        )
        section.note(
            f"venv from {python} -m venv; pip install of a copy of the checkout "
            "(non-editable, no extras); PIP_FIND_LINKS="
            f"{os.environ.get('PIP_FIND_LINKS', '(unset)')}."
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return section


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    emit([run()], args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
