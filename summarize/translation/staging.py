"""Staging folders for installs and removals, and swapping a package into place.

A package is built (unpacked, copied, downloaded) in a staging folder on the
packages folder's filesystem, checked there, and renamed into place. Staging
folders live *beside* the packages folder (``.summarize-staging/`` in its
parent), not in it: ``argostranslate.package.get_installed_packages()``
raises on any folder in the packages folder without a ``metadata.json``,
hidden or not, so a leftover there would break Argos itself. Only when the
parent is on another filesystem or not writable do they go inside, hidden.

Each staging folder ``NAME`` has a lock file ``NAME.lock`` next to it, created
and locked (``flock``) before the folder and released after it is deleted.
A staging folder whose lock nobody holds belongs to a process that was
killed: the next install, removal or listing deletes it. No ages, no guesses
about how long an install may take.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
from pathlib import Path
from types import TracebackType

from .models import STAGING_PREFIX

try:  # POSIX; without it stale folders are never judged stale (kept, not lost)
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

AREA_NAME = ".summarize-staging"
_LOCK_SUFFIX = ".lock"


def staging_areas(root: Path) -> list[Path]:
    """Every folder that may hold staging folders for ``root`` (for cleaning up)."""
    return [root.parent / AREA_NAME, root]


def _area_for(root: Path) -> Path:
    """Where new staging folders for ``root`` (which exists) go."""
    area = root.parent / AREA_NAME
    try:
        parent = root.parent.stat()
        if root.parent != root and parent.st_dev == root.stat().st_dev:
            area.mkdir(exist_ok=True)
            return area
    except OSError:
        pass
    return root  # other filesystem or unwritable parent: hidden inside


def _lock(path: Path, create: bool) -> int | None:
    """Open and exclusively lock ``path``; None when another process holds it."""
    flags = os.O_RDWR | (os.O_CREAT | os.O_EXCL if create else 0)
    fd = os.open(path, flags, 0o600)
    if fcntl is None:  # pragma: no cover
        if create:
            return fd
        os.close(fd)
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        if create:  # a brand-new file cannot be locked by anyone else
            raise
        return None
    return fd


class Staging:
    """A locked, private staging folder for one install or removal (a context manager)."""

    def __init__(self, root: Path, kind: str) -> None:
        self.root = root
        self.kind = kind
        self.path = Path()
        self._lock_path = Path()
        self._fd: int | None = None

    def __enter__(self) -> Staging:
        for _attempt in range(5):
            area = _area_for(self.root)
            name = f"{STAGING_PREFIX}{self.kind}-{secrets.token_hex(6)}"
            self._lock_path = area / (name + _LOCK_SUFFIX)
            try:
                self._fd = _lock(self._lock_path, create=True)
                self.path = area / name
                self.path.mkdir()
                return self
            except FileNotFoundError:  # another process removed the empty area just now
                self._release()
                continue
        raise FileNotFoundError(f"cannot create a staging folder beside {self.root}")

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._release()

    def _release(self) -> None:
        # Folder first, then the lock: a folder without a held lock is stale.
        if self.path != Path():
            shutil.rmtree(self.path, ignore_errors=True)
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.unlink(self._lock_path)
            os.close(self._fd)
            self._fd = None
        _drop_empty_area(self.root)


def _drop_empty_area(root: Path) -> None:
    with contextlib.suppress(OSError):
        (root.parent / AREA_NAME).rmdir()


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        with contextlib.suppress(OSError):
            path.unlink()


def clean_stale(root: Path) -> int:
    """Delete staging leftovers of killed processes; return how many were removed.

    A staging folder (or an older version's download file) is removed when no
    process holds its lock; one whose lock is held belongs to a running
    install and is left alone.
    """
    if fcntl is None:  # pragma: no cover
        return 0
    removed = 0
    for area in staging_areas(root):
        try:
            entries = sorted(area.iterdir())
        except OSError:
            continue
        for entry in entries:
            if not entry.name.startswith(STAGING_PREFIX) or entry.name.endswith(_LOCK_SUFFIX):
                continue
            lock_path = entry.with_name(entry.name + _LOCK_SUFFIX)
            try:
                fd = _lock(lock_path, create=False)
            except FileNotFoundError:
                fd = -1  # no lock file at all: its owner is gone (locks come first)
            except OSError:
                continue
            if fd is None:
                continue  # held: an install is running
            try:
                _remove(entry)
                removed += 1
                if fd >= 0:
                    with contextlib.suppress(OSError):
                        os.unlink(lock_path)
            finally:
                if fd >= 0:
                    os.close(fd)
        # Lock files whose folder is gone and whose owner died in between.
        for entry in entries:
            if entry.name.startswith(STAGING_PREFIX) and entry.name.endswith(_LOCK_SUFFIX):
                folder = entry.with_name(entry.name[: -len(_LOCK_SUFFIX)])
                if folder.exists():
                    continue
                try:
                    fd = _lock(entry, create=False)
                except OSError:
                    continue
                if fd is not None:
                    with contextlib.suppress(OSError):
                        os.unlink(entry)
                    os.close(fd)
    _drop_empty_area(root)
    return removed


def free_name(root: Path, name: str) -> Path:
    n = 2
    while (root / f"{name}-{n}").exists() or (root / f"{name}-{n}").is_symlink():
        n += 1
    return root / f"{name}-{n}"


def swap_in(staged: Path, name: str, olds: list[Path], root: Path, trash: Path) -> Path:
    """Move the staged package into ``root`` as ``name``, then move ``olds`` into ``trash``.

    The new package is in place before any old one leaves, so the pair always
    has a model, even if the process is killed in between (then, for a moment,
    both are installed and the newer version is used). If an old package
    cannot be moved away, everything is put back as it was and OSError raised.
    Returns the new package folder.
    """
    dest = root / name
    first = free_name(root, name) if dest.exists() or dest.is_symlink() else dest
    os.rename(staged, first)
    moved: list[tuple[Path, Path]] = []
    try:
        for i, old in enumerate(olds):
            aside = trash / f"replaced-{i}"
            os.rename(old, aside)
            moved.append((aside, old))
    except BaseException:
        for aside, old in reversed(moved):
            with contextlib.suppress(OSError):
                os.rename(aside, old)
        with contextlib.suppress(OSError):
            os.rename(first, staged)
        raise
    if first != dest and not (dest.exists() or dest.is_symlink()):
        # The old package held the name; take it over (one atomic rename).
        with contextlib.suppress(OSError):
            os.rename(first, dest)
            return dest
    return first
