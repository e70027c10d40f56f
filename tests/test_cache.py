"""The SQLite translation cache."""

from __future__ import annotations

import os
import sqlite3

from hypothesis import given, settings
from hypothesis import strategies as st

from summarize.translation.cache import TranslationCache, cache_key


def test_round_trip(tmp_path):
    cache = TranslationCache(tmp_path / "c.sqlite3")
    cache.put_many([("k1", "eins"), ("k2", "zwei")])
    assert cache.get_many(["k1", "k2", "k3"]) == {"k1": "eins", "k2": "zwei"}
    assert cache.info()["entries"] == 2
    assert cache.clear() == 2
    assert cache.get_many(["k1"]) == {}


def test_persists_across_instances(tmp_path):
    TranslationCache(tmp_path / "c.sqlite3").put_many([("k", "v")])
    assert TranslationCache(tmp_path / "c.sqlite3").get_many(["k"]) == {"k": "v"}


def test_many_keys_are_chunked(tmp_path):
    cache = TranslationCache(tmp_path / "c.sqlite3")
    items = [(f"k{i}", f"v{i}") for i in range(2500)]
    cache.put_many(items)
    assert cache.get_many([k for k, _ in items]) == dict(items)


def test_key_depends_on_everything():
    base = cache_key("fp", "de", "en", "beam=4", "Satz.")
    assert base != cache_key("fp2", "de", "en", "beam=4", "Satz.")
    assert base != cache_key("fp", "de", "fr", "beam=4", "Satz.")
    assert base != cache_key("fp", "de", "en", "beam=1", "Satz.")
    assert base != cache_key("fp", "de", "en", "beam=4", "Satz!")
    assert base == cache_key("fp", "de", "en", "beam=4", "Satz.")


def test_corrupt_database_is_moved_aside(tmp_path):
    path = tmp_path / "c.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    warnings = []
    cache = TranslationCache(path, warn=warnings.append)
    cache.put_many([("k", "v")])
    assert cache.get_many(["k"]) == {"k": "v"}
    assert len(warnings) == 1 and "corrupt" in warnings[0]
    assert any(p.name.startswith("c.sqlite3.corrupt-") for p in tmp_path.iterdir())


def test_unwritable_location_runs_without_cache(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    warnings = []
    cache = TranslationCache(blocker / "sub" / "c.sqlite3", warn=warnings.append)
    cache.put_many([("k", "v")])
    assert cache.get_many(["k"]) == {}
    assert len(warnings) == 1 and "without a cache" in warnings[0]


def test_no_cache_keeps_nothing():
    cache = TranslationCache(None)
    cache.put_many([("k", "v")])
    assert cache.get_many(["k"]) == {}


def test_wal_mode(tmp_path):
    path = tmp_path / "c.sqlite3"
    TranslationCache(path).put_many([("k", "v")])
    mode = sqlite3.connect(path).execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"
    assert os.path.exists(path)


@settings(max_examples=50, deadline=None)
@given(st.dictionaries(st.text(min_size=1, max_size=20), st.text(max_size=50), max_size=20))
def test_round_trip_property(tmp_path_factory, items):
    cache = TranslationCache(tmp_path_factory.mktemp("c") / "c.sqlite3")
    cache.put_many(items.items())
    assert cache.get_many(list(items)) == items


def _open_together(path: str, index: int, start) -> list[str]:
    notes: list[str] = []
    cache = TranslationCache(path, warn=notes.append)
    start.wait()
    cache.put_many([(f"k{index}-{j}", "v") for j in range(20)])
    return notes


def test_processes_opening_a_new_cache_together_all_use_it(tmp_path):
    """Setting a fresh database to WAL needs it alone, and SQLite says "locked" at
    once instead of waiting: each process must wait its turn, not drop the cache
    (this made the Dask workers' shared cache lose entries)."""
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    with context.Manager() as manager, context.Pool(4) as pool:
        for trial in range(12):
            path = str(tmp_path / f"fresh-{trial}.sqlite3")
            start = manager.Barrier(4)
            notes = pool.starmap(_open_together, [(path, i, start) for i in range(4)])
            assert notes == [[], [], [], []]
            assert TranslationCache(path).info()["entries"] == 80
