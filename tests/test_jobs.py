"""--jobs: the per-document stages in worker processes give the same bytes as one process."""

from __future__ import annotations

import os
import shutil

import pytest
from conftest import SAMPLES

from summarize.run import digest_plan, local, pipeline, processes

# Where the recording stages write the id of the process they ran in (set per test,
# inherited by forked workers).
PIDS_FILE = ""


def _record() -> None:
    with open(PIDS_FILE, "a", encoding="utf-8") as handle:
        handle.write(f"{os.getpid()}\n")


_pick_item = pipeline.pick_item
_read_candidates = digest_plan.read_candidates


def recording_pick_item(entry, job, isolate):
    _record()
    return _pick_item(entry, job, isolate)


def recording_read_candidates(entry, job, isolate):
    _record()
    return _read_candidates(entry, job, isolate)


@pytest.fixture
def folder(tmp_path):
    """The samples, twice over, a Latin-1 file and two empty ones (warnings) among them."""
    target = tmp_path / "in"
    for copy in ("a", "b"):
        shutil.copytree(SAMPLES, target / copy)
    (target / "a" / "latin1.txt").write_bytes(
        "Die Stadtverwaltung von Köln hat am Montag neue Regeln für Parkplätze beschlossen.\n".encode(
            "latin-1"
        )
    )
    (target / "a" / "empty.txt").write_bytes(b"")
    (target / "b" / "empty.txt").write_bytes(b"")
    return target


@pytest.fixture
def recorded(tmp_path, monkeypatch):
    """Every per-document stage run records its process; a pool starts for two inputs."""
    global PIDS_FILE
    PIDS_FILE = str(tmp_path / "pids")
    monkeypatch.setattr(processes, "MIN_ITEMS_PER_JOB", 1)
    monkeypatch.setattr(local, "pick_item", recording_pick_item)
    monkeypatch.setattr(digest_plan, "read_candidates", recording_read_candidates)

    def pids() -> set[int]:
        with open(PIDS_FILE, encoding="utf-8") as handle:
            found = {int(line) for line in handle}
        os.remove(PIDS_FILE)
        return found

    return pids


def _both(cli, recorded, *args):
    one = cli(*args, "--jobs", "1")
    assert recorded() == {os.getpid()}
    two = cli(*args, "--jobs", "2")
    workers = recorded()
    assert os.getpid() not in workers and len(workers) >= 1
    assert one.exit_code == two.exit_code == 0, two.stderr
    return one, two


@pytest.mark.parametrize("fmt", ["json", "md"])
def test_summary_is_the_same_in_two_processes(cli, recorded, folder, fmt):
    one, two = _both(cli, recorded, "summary", folder, "--to", "de", "--format", fmt)
    assert one.stdout and one.stdout == two.stdout
    assert one.stderr.index("a/empty.txt") < one.stderr.index("b/empty.txt")
    assert one.stderr == two.stderr


@pytest.mark.parametrize("fmt", ["json", "text", "jsonl"])
def test_digest_is_the_same_in_two_processes(cli, recorded, folder, fmt):
    one, two = _both(cli, recorded, "digest", folder, "--to", "de", "--format", fmt)
    assert one.stdout and one.stdout == two.stdout
    assert "empty" in one.stderr and one.stderr == two.stderr


def test_translate_is_the_same_in_two_processes(cli, recorded, folder, install_copy):
    install_copy()
    one, two = _both(cli, recorded, "translate", folder, "--format", "jsonl", "--no-cache")
    assert one.stdout.count("\n") > 100 and one.stdout == two.stdout
    assert one.stderr == two.stderr


def test_small_inputs_stay_in_this_process():
    pool = processes.ProcessMap(2)
    assert not pool.parallel(2 * processes.MIN_ITEMS_PER_JOB - 1)
    assert pool.parallel(2 * processes.MIN_ITEMS_PER_JOB)
    assert not processes.ProcessMap(1).parallel(10_000)


def test_jobs_is_for_the_local_executor(cli, folder):
    result = cli("digest", folder, "--to", "de", "--executor", "dask", "--jobs", "2")
    assert result.exit_code == 2
    assert "--jobs" in result.stderr
