"""Writing output files: atomically, and only when the content changes."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


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
