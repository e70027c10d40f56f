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


# --- interrupted runs and corrupt pages ---------------------------------------------------------


def test_ctrl_c_keeps_the_batches_that_finished(install_copy, tmp_path, monkeypatch):
    """Finished batches are committed as they complete, so an interrupted run keeps
    them and the next run decodes only the rest (issue 13, item 7).

    Ctrl-C is raised where a real one lands: in a call into CTranslate2, here
    the 12th batch submitted (submitting every batch before reading any, as
    before, kept nothing: CTranslate2 blocks submissions while its queue is full,
    so all the decoding happened before the first batch was stored)."""
    import ctranslate2
    import pytest

    from summarize.translation.translator import BATCH_SIZE, ArgosTranslator

    calls = []
    interrupt = True

    class Interrupted(ctranslate2.Translator):
        def translate_batch(self, *args, **kwargs):
            calls.append(len(args[0]))
            if len(calls) == 12 and interrupt:
                raise KeyboardInterrupt
            return super().translate_batch(*args, **kwargs)

    install_copy()
    monkeypatch.setattr(ctranslate2, "Translator", Interrupted)
    texts = [f"Der {n}. Satz dieser Reihe ist kurz." for n in range(20 * BATCH_SIZE)]
    path = tmp_path / "c.sqlite3"
    with pytest.raises(KeyboardInterrupt):
        ArgosTranslator(TranslationCache(path)).translate(texts, "de", "en")
    kept = sqlite3.connect(path).execute("SELECT COUNT(*) FROM translations").fetchone()[0]
    assert 0 < kept < len(texts)
    assert kept % BATCH_SIZE == 0
    interrupt = False
    again = ArgosTranslator(TranslationCache(path))
    assert again.translate(texts, "de", "en") == texts
    assert again.decoded == len(texts) - kept


def _corrupt_pages(path) -> None:
    """A valid header, schema and first pages; garbage in the last pages, which
    opening the cache does not read."""
    cache = TranslationCache(path)
    cache.put_many([(f"k{i}", "v" * 200) for i in range(400)])
    cache.close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    assert len(data) > 4 * page
    data[-3 * page :] = b"\xa5" * (3 * page)
    path.write_bytes(bytes(data))


def test_corrupt_pages_behind_a_valid_header_are_rebuilt(tmp_path):
    path = tmp_path / "c.sqlite3"
    _corrupt_pages(path)
    warnings = []
    cache = TranslationCache(path, warn=warnings.append)
    assert cache.get_many([f"k{i}" for i in range(400)]) == {}
    cache.put_many([("k", "v")])
    assert cache.get_many(["k"]) == {"k": "v"}
    assert cache.info()["entries"] == 1
    assert len(warnings) == 1 and "corrupt" in warnings[0]
    assert any(p.name.startswith("c.sqlite3.corrupt-") for p in tmp_path.iterdir())


def test_cache_info_and_clear_never_crash_on_corrupt_pages(cli, tmp_path):
    for command in ("info", "clear"):
        path = tmp_path / f"{command}.sqlite3"
        _corrupt_pages(path)
        result = cli("cache", command, "--cache", path)
        assert result.exit_code == 0, result.stderr
        assert "Traceback" not in result.stderr
        assert "corrupt" in result.stderr
        assert result.stderr.count("\n") <= 2
