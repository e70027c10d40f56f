"""Render manual pages to plain-text files: a corpus of real, code-heavy documents.

German manual pages are the hard case for language detection (C declarations,
option tables, product names, untranslated English paragraphs) and a large
real corpus for the scale figures. Each page is rendered with ``man -l`` at
80 columns and ``col -bx`` (no overstrike, no tabs), one ``.txt`` file per
page, named after the page's path below the folder it was found in
(``man5/login.defs.5.gz`` -> ``man5/login.defs.5.txt``). Pages that fail to
render (``.so`` links to missing files, broken macros) are skipped and
counted; ``--limit N`` takes every k-th page of a large set, so the sample is
spread and fixed.

Usage::

    python benchmarks/mancorpus.py OUT_DIR /usr/share/man/de [more pages or folders ...]
    python benchmarks/mancorpus.py OUT_DIR /usr/share/man/man2 --limit 200
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

_SUFFIXES = (".gz", ".bz2", ".xz", ".zst")


def find_pages(paths: list[Path]) -> Iterator[tuple[Path, Path]]:
    """(page file, output name) for every regular page file under ``paths``, sorted."""
    for root in paths:
        if root.is_file():
            yield root, Path(root.name)
            continue
        for page in sorted(p for p in root.rglob("*") if p.is_file() and not p.is_symlink()):
            yield page, page.relative_to(root)


def render(page: Path) -> str | None:
    """The page as plain text, or None when ``man`` cannot render it."""
    env = dict(os.environ, MANWIDTH="80", LC_ALL="C.UTF-8", MAN_KEEP_FORMATTING="")
    env.pop("MANPAGER", None)
    env.pop("PAGER", None)
    man = subprocess.run(
        ["man", "-l", str(page)], env=env, capture_output=True, check=False, timeout=60
    )
    if man.returncode != 0 or not man.stdout.strip():
        return None
    col = subprocess.run(["col", "-bx"], input=man.stdout, capture_output=True, check=True)
    return col.stdout.decode("utf-8", errors="replace")


def output_name(relative: Path) -> Path:
    name = relative.name
    for suffix in _SUFFIXES:
        name = name.removesuffix(suffix)
    return relative.with_name(name + ".txt")


def build(out_dir: Path, paths: list[Path], limit: int | None = None) -> tuple[int, int]:
    """Render the pages into ``out_dir``; return (written, skipped)."""
    pages = list(find_pages(paths))
    if limit and len(pages) > limit:
        step = len(pages) / limit
        pages = [pages[int(i * step)] for i in range(limit)]
    written = skipped = 0
    for page, relative in pages:
        text = render(page)
        if text is None:
            skipped += 1
            continue
        target = out_dir / output_name(relative)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        written += 1
    return written, skipped


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("out_dir", type=Path, help="folder to write the .txt files into")
    parser.add_argument("paths", nargs="+", type=Path, help="manual page files or folders")
    parser.add_argument("--limit", type=int, default=None, help="at most N pages, evenly spread")
    args = parser.parse_args(argv)
    written, skipped = build(args.out_dir, args.paths, args.limit)
    print(f"{args.out_dir}: {written} pages written, {skipped} skipped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
