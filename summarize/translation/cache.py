"""The translation cache: SQLite in WAL mode, shared safely between processes.

A cache is disposable. A corrupt database is moved aside and rebuilt, and a
location we cannot write falls back to no cache; both with a warning, never
an error. Corruption is found when opening (a bad header or schema) or by
any later statement that meets a bad page, and ``info`` runs SQLite's
``quick_check`` over every page. Reads and writes are batched: one query per few hundred keys, one
transaction per batch of new translations.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

CACHE_ENV = "SUMMARIZE_CACHE"
# How long to wait for other processes holding the database (opening a
# connection; every statement waits as long through busy_timeout).
_BUSY_SECONDS = 60.0
# SQLite's default limit on host parameters is 999 in older builds.
_CHUNK = 500
_SCHEMA = """
CREATE TABLE IF NOT EXISTS translations (
    key TEXT PRIMARY KEY,
    text TEXT NOT NULL
) WITHOUT ROWID
"""


def default_cache_path() -> Path:
    env = os.environ.get(CACHE_ENV)
    if env:
        return Path(env)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("summarize")) / "translations.sqlite3"


def cache_key(fingerprint: str, source: str, target: str, options: str, text: str) -> str:
    """Everything that changes a translation goes into its key."""
    payload = "\x1f".join((fingerprint, source, target, options, text))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


class TranslationCache:
    """A key -> translated-text store. ``path=None`` is a cache that keeps nothing."""

    def __init__(self, path: Path | str | None, warn: Callable[[str], None] | None = None):
        self.path = Path(path) if path is not None else None
        self._warn = warn or (lambda message: None)
        self._conn: sqlite3.Connection | None = None
        self._opened = False

    # Opening is lazy: a run that translates nothing never touches the disk.
    def _connection(self) -> sqlite3.Connection | None:
        if self._opened:
            return self._conn
        self._opened = True
        if self.path is None:
            return None
        try:
            self._conn = self._open_when_free(self.path)
        except sqlite3.DatabaseError as exc:
            if _is_corrupt(exc):
                self._conn = self._rebuild(self.path, exc)
            else:
                self._fallback(exc)
        except OSError as exc:
            self._fallback(exc)
        return self._conn

    @classmethod
    def _open_when_free(cls, path: Path) -> sqlite3.Connection:
        """Open, waiting while other processes hold the database.

        Switching a new database to WAL needs it to itself, and SQLite reports
        "database is locked" at once instead of waiting, so processes that
        open a fresh cache together (pre-commit hooks, cluster workers) would
        otherwise give up the cache.
        """
        deadline = time.monotonic() + _BUSY_SECONDS
        delay = 0.01
        while True:
            try:
                return cls._open(path)
            except sqlite3.OperationalError as exc:
                if not _is_busy(exc) or time.monotonic() >= deadline:
                    raise
            time.sleep(delay)
            delay = min(delay * 2, 0.5)

    @staticmethod
    def _open(path: Path) -> sqlite3.Connection:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(path), timeout=_BUSY_SECONDS, isolation_level=None)
        conn.execute(f"PRAGMA busy_timeout = {int(_BUSY_SECONDS * 1000)}")
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()
        if mode is None:
            raise sqlite3.DatabaseError("cannot set WAL journal mode")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute(_SCHEMA)
        conn.execute("SELECT 1 FROM translations LIMIT 1").fetchall()
        return conn

    def _rebuild(self, path: Path, exc: Exception) -> sqlite3.Connection | None:
        if self._conn is not None:
            with contextlib.suppress(sqlite3.Error):
                self._conn.close()
            self._conn = None
        aside = path.with_name(f"{path.name}.corrupt-{int(time.time())}-{os.getpid()}")
        try:
            os.replace(path, aside)
            for suffix in ("-wal", "-shm"):
                side = Path(str(path) + suffix)
                if side.exists():
                    os.replace(side, Path(str(aside) + suffix))
            self._warn(f"cache {path} was corrupt ({exc}); moved it to {aside} and started anew")
            return self._open(path)
        except (OSError, sqlite3.Error) as again:
            self._fallback(again)
            return None

    def _fallback(self, exc: Exception) -> None:
        self._warn(f"cache {self.path} is not usable ({exc}); running without a cache")
        self._conn = None

    def _guarded(self, operation: Callable[[sqlite3.Connection], T], empty: T) -> T:
        """Run ``operation``; a corrupt page met on the way moves the database
        aside and the operation runs again on the new one; any other error
        leaves the run without a cache. Never raises sqlite3 errors."""
        for _attempt in range(2):
            conn = self._connection()
            if conn is None:
                return empty
            try:
                return operation(conn)
            except sqlite3.DatabaseError as exc:
                with contextlib.suppress(sqlite3.Error):
                    if conn.in_transaction:
                        conn.execute("ROLLBACK")
                if not _is_corrupt(exc) or self.path is None:
                    self._fallback(exc)
                    return empty
                self._conn = self._rebuild(self.path, exc)
        return empty

    def get_many(self, keys: Sequence[str]) -> dict[str, str]:
        if not keys:
            return {}
        unique = list(dict.fromkeys(keys))

        def read(conn: sqlite3.Connection) -> dict[str, str]:
            found: dict[str, str] = {}
            for i in range(0, len(unique), _CHUNK):
                chunk = unique[i : i + _CHUNK]
                marks = ",".join("?" * len(chunk))
                rows = conn.execute(
                    f"SELECT key, text FROM translations WHERE key IN ({marks})", chunk
                )
                found.update(rows)
            return found

        return self._guarded(read, {})

    def put_many(self, items: Iterable[tuple[str, str]]) -> None:
        """Write one batch in its own committed transaction (an interrupted run keeps it)."""
        rows = list(items)
        if not rows:
            return

        def write(conn: sqlite3.Connection) -> None:
            conn.execute("BEGIN IMMEDIATE")
            conn.executemany("INSERT OR REPLACE INTO translations (key, text) VALUES (?, ?)", rows)
            conn.execute("COMMIT")

        self._guarded(write, None)

    def info(self) -> dict[str, Any]:
        """Path, entries and bytes on disk, after checking every page."""

        def count(conn: sqlite3.Connection) -> int:
            problems = [row[0] for row in conn.execute("PRAGMA quick_check(1)")]
            if problems != ["ok"]:
                raise sqlite3.DatabaseError(f"database disk image is malformed: {problems[0]}")
            return int(conn.execute("SELECT COUNT(*) FROM translations").fetchone()[0])

        entries = self._guarded(count, 0)
        size = 0
        if self.path is not None:
            for suffix in ("", "-wal", "-shm"):
                side = Path(str(self.path) + suffix)
                if side.exists():
                    size += side.stat().st_size
        return {"path": str(self.path) if self.path else None, "entries": entries, "bytes": size}

    def clear(self) -> int:
        """Delete every entry; return how many there were."""

        def delete(conn: sqlite3.Connection) -> int:
            count = conn.execute("SELECT COUNT(*) FROM translations").fetchone()[0]
            conn.execute("DELETE FROM translations")
            conn.execute("VACUUM")
            return int(count)

        return self._guarded(delete, 0)

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None


def _is_busy(exc: sqlite3.OperationalError) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


def _is_corrupt(exc: sqlite3.DatabaseError) -> bool:
    text = str(exc).lower()
    return "malformed" in text or "not a database" in text or "file is encrypted" in text
