"""Writing output files: atomically, and only when the content changes."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import UsageError


def write_atomic(path: str | Path, content: str) -> bool:
    """Write ``content`` to ``path`` via a temporary file and a rename.

    Returns False, and leaves the file (and its mtime) alone, when it already
    holds exactly this content, so pre-commit sees no change.
    """
    target = Path(path)
    data = content.encode("utf-8")
    try:
        if target.read_bytes() == data:
            return False
    except OSError:
        pass
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if target.exists():
            os.chmod(temp, target.stat().st_mode & 0o777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temp, 0o666 & ~umask)
        os.replace(temp, target)
    except BaseException:
        # Interrupted or failed: never leave a partial file behind.
        try:
            os.unlink(temp)
        except OSError:
            pass
        raise
    return True


def output_path(
    out_dir: Path, document_path: str, root: str | None, kind: str, target: str, extension: str
) -> Path:
    """Where one input's output goes under ``out_dir``, mirroring the input tree.

    Files found in a folder argument keep their place below that folder;
    files named directly keep their relative path (so ``--out-dir .`` writes
    next to them), or just their name when the path is absolute or leaves
    the current folder. ``kind`` is "summary" (NAME.summary.en.md) or
    "translation" (NAME.en.txt).
    """
    source = Path(document_path)
    if root is not None:
        relative = source.relative_to(root) if _is_below(source, Path(root)) else Path(source.name)
    elif not source.is_absolute() and ".." not in source.parts:
        relative = source
    else:
        relative = Path(source.name)
    suffix = f".{target}.{extension}"
    if kind == "summary":
        suffix = f".summary{suffix}"
    return out_dir / relative.parent / (relative.stem + suffix)


def _is_below(path: Path, folder: Path) -> bool:
    try:
        path.relative_to(folder)
    except ValueError:
        return False
    return True


class OutputPlan:
    """Files to write; ``check`` compares instead of writing (for CI).

    Writing is atomic and skips files whose content is unchanged, so a
    pre-commit hook can tell "up to date" from "regenerated".
    """

    def __init__(self, inputs: set[str] | None = None) -> None:
        self.files: dict[Path, str] = {}
        self._inputs = {os.path.realpath(p) for p in (inputs or set())}

    def add(self, path: Path, content: str) -> None:
        if os.path.realpath(path) in self._inputs:
            raise UsageError(f"{path}: refusing to write over an input file; choose another output")
        if path in self.files and self.files[path] != content:
            raise UsageError(f"{path}: two inputs would write the same output file")
        self.files[path] = content

    def stale(self) -> list[Path]:
        """Outputs that are missing or would change."""
        out = []
        for path, content in sorted(self.files.items()):
            try:
                if path.read_bytes() == content.encode("utf-8"):
                    continue
            except OSError:
                pass
            out.append(path)
        return out

    def write(self) -> list[Path]:
        """Write every file; return those created or changed."""
        return [path for path, content in sorted(self.files.items()) if write_atomic(path, content)]
