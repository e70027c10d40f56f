"""The Dask executor: same bytes as the local executor, on a real two-worker cluster.

One LocalCluster (two worker processes, one thread each) serves the whole
module. Its workers get their own hermetic environment, with the copy model
installed in their packages folder; each test points the client at the same
folder, so both executors translate with the same model. The CLI connects to
the cluster with --scheduler, as it would to a remote one.
"""

from __future__ import annotations

import json
import logging
import os
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SAMPLES

pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def worker_env(tmp_path_factory, copy_packages):
    """Environment of the cluster's workers: their own home, models and cache."""
    from summarize.translation import install

    home = tmp_path_factory.mktemp("dask-home")
    env = {
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "ARGOS_PACKAGES_DIR": str(home / "argos-packages"),
        "SUMMARIZE_CACHE": str(home / "cache" / "worker.sqlite3"),
    }
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("ARGOS_PACKAGES_DIR", env["ARGOS_PACKAGES_DIR"])
        install.install_package_file(copy_packages[("de", "en")])
    return env


# What a nanny writes into the environment of the process it runs in.
NANNY_VARIABLES = (
    "MALLOC_TRIM_THRESHOLD_",
    "OMP_NUM_THREADS",
    "MKL_NUM_THREADS",
    "OPENBLAS_NUM_THREADS",
    "PYTHONHASHSEED",
)


@pytest.fixture(scope="module")
def cluster(worker_env):
    import dask
    from distributed import LocalCluster

    from summarize.run.dask import NANNY_MALLOC_TRIM

    before = {k: os.environ.get(k) for k in NANNY_VARIABLES}
    with (
        dask.config.set({NANNY_MALLOC_TRIM: None}),
        LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
            env=worker_env,
        ) as cluster,
    ):
        cluster.nanny_variables = before
        yield cluster


@pytest.fixture(autouse=True)
def nanny_leaves_no_trace(request):
    """Nannies started here set variables in this process; later tests must not see them."""
    yield
    if "cluster" not in request.fixturenames:
        return
    before = request.getfixturevalue("cluster").nanny_variables
    for key, value in before.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


@pytest.fixture
def client(cluster):
    from distributed import Client

    with Client(cluster.scheduler_address, set_as_default=False) as client:
        client.wait_for_workers(2, timeout=60)
        yield client


@pytest.fixture(autouse=True)
def same_models(hermetic, monkeypatch, worker_env):
    """The local run uses the models the workers have."""
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", worker_env["ARGOS_PACKAGES_DIR"])


@pytest.fixture
def both(cli, cluster):
    """Run a command with each executor; return (local, dask) results."""

    def run(*args, input=None):
        local = cli(*args, input=input)
        dask = cli(
            *args, "--executor", "dask", "--scheduler", cluster.scheduler_address, input=input
        )
        return local, dask

    return run


def assert_same(local, dask):
    assert dask.exit_code == local.exit_code, dask.stderr
    assert dask.stdout == local.stdout
    assert dask.stderr == local.stderr


# --- a generated corpus --------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """40 articles recombined from the samples' sentences, some sharing facts."""
    from summarize import load_articles

    articles, _ = load_articles([str(SAMPLES)])
    pool = [
        " ".join(s.text.split()) for a in articles for s in a.sentences if len(s.text.split()) >= 6
    ]
    folder = tmp_path_factory.mktemp("corpus")
    for i in range(40):
        rng = random.Random(i)
        chosen = rng.sample(pool, 14)
        chosen = [re.sub(r"\d+", lambda m, r=rng: str(r.randrange(10, 99)), s) for s in chosen]
        paragraphs = [" ".join(chosen[k : k + 3]) for k in range(1, len(chosen), 3)]
        text = chosen[0].rstrip(".") + "\n\n" + "\n\n".join(paragraphs) + "\n"
        sub = folder / f"part-{i % 3}"
        sub.mkdir(exist_ok=True)
        (sub / f"doc-{i:03d}.txt").write_text(text, encoding="utf-8")
    return folder


# --- byte-identical outputs -------------------------------------------------------------

COMMANDS = [
    ("summary", "--to", "de", "--format", "json"),
    ("summary", "--to", "en", "--format", "md", "-n", "3"),
    ("translate", "--to", "en", "--format", "json"),
    ("digest", "--to", "de", "--format", "json"),
    ("digest", "--to", "en", "--format", "md", "-k", "20"),
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: "-".join(c[:3]) + "-" + c[4])
@pytest.mark.parametrize("where", ["samples", "corpus"])
def test_dask_output_is_byte_identical(both, corpus, command, where):
    folder = SAMPLES if where == "samples" else corpus
    local, dask = both(command[0], folder, *command[1:])
    assert local.exit_code == 0, local.stderr
    assert local.stdout
    assert_same(local, dask)


def test_workers_decode_with_their_own_cache(cli, cluster, tmp_path):
    """Translations are decoded on the workers, into the cache the run names."""
    from summarize.translation.cache import TranslationCache

    local = cli("translate", SAMPLES, "--format", "json", "--cache", tmp_path / "local.sqlite3")
    dask = cli(
        "translate",
        SAMPLES,
        "--format",
        "json",
        "--cache",
        tmp_path / "dask.sqlite3",
        "-v",
        "--executor",
        "dask",
        "--scheduler",
        cluster.scheduler_address,
    )
    assert dask.exit_code == 0, dask.stderr
    assert dask.stdout == local.stdout
    decoded = int(re.search(r"decoded (\d+) sentence", dask.stderr).group(1))
    assert decoded > 0
    assert TranslationCache(tmp_path / "dask.sqlite3").info()["entries"] == decoded
    again = cli(
        "translate",
        SAMPLES,
        "--format",
        "json",
        "--cache",
        tmp_path / "dask.sqlite3",
        "-v",
        "--executor",
        "dask",
        "--scheduler",
        cluster.scheduler_address,
    )
    assert again.stdout == local.stdout
    assert "decoded 0 sentence" in again.stderr


def test_streaming_jsonl_and_out_dir_match(both, cli, cluster, corpus, tmp_path):
    local, dask = both("summary", corpus, "--to", "de", "--format", "jsonl")
    assert_same(local, dask)
    mine, theirs = tmp_path / "local", tmp_path / "dask"
    local = cli("translate", corpus, "--to", "en", "--out-dir", mine)
    dask = cli(
        "translate",
        corpus,
        "--to",
        "en",
        "--out-dir",
        theirs,
        "--executor",
        "dask",
        "--scheduler",
        cluster.scheduler_address,
    )
    assert local.exit_code == dask.exit_code == 0, dask.stderr

    def files(root: Path) -> dict:
        return {p.relative_to(root): p.read_bytes() for p in root.rglob("*") if p.is_file()}

    assert files(mine) == files(theirs)
    assert len(files(mine)) == 40


FRENCH = (
    "Le gouvernement français a présenté mercredi un nouveau projet de loi sur l'énergie.\n\n"
    "Selon le ministre, les prix de l'électricité devraient baisser l'année prochaine. "
    "Les syndicats ont critiqué la réforme et appellent à une grève nationale jeudi. "
    "Le texte sera examiné par l'Assemblée nationale au début du mois de décembre.\n"
)


@pytest.fixture
def messy(tmp_path):
    """Good articles, and every kind of input the run must report."""
    folder = tmp_path / "in"
    folder.mkdir()
    for sample in sorted(SAMPLES.glob("*.txt"))[:3]:
        (folder / sample.name).write_bytes(sample.read_bytes())
    (folder / "empty.txt").write_text("  \n")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02binary")
    (folder / "french.txt").write_text(FRENCH, encoding="utf-8")
    (folder / "latin1.txt").write_bytes(
        "Die Bundesregierung hat am Mittwoch ein neues Gesetz über Gebühren beschlossen. "
        "Die Änderung gilt ab März für alle Bürger.\n".encode()
        + b"\xff\xfe broken\n"
    )
    (tmp_path / "nothing").mkdir()
    return folder, tmp_path / "nothing", tmp_path / "missing.txt"


@pytest.mark.parametrize("command", ["summary", "digest", "translate"])
def test_bad_inputs_and_missing_models_are_reported_like_local(both, messy, command):
    folder, empty_folder, missing = messy
    local, dask = both(command, folder, empty_folder, missing, "--to", "en", "--format", "json")
    assert local.exit_code == 4
    assert "no translation model for fr->en" in local.stderr
    assert "binary" in local.stderr and "empty, skipped" in local.stderr
    assert_same(local, dask)


def test_stdin_is_read_by_the_client(both):
    text = (SAMPLES / "002_4217d0613af48abc.txt").read_text(encoding="utf-8")
    local, dask = both("summary", "-", SAMPLES, "--to", "de", "--format", "json", input=text)
    assert local.exit_code == 0, local.stderr
    assert '"path": "-"' in local.stdout
    assert_same(local, dask)


# --- failures ------------------------------------------------------------------------------


def _patch_prepare(client, action: str, marker: str = "") -> None:
    """Make `prepare` misbehave on the workers for paths containing 'boom'."""

    def patch() -> None:
        import os

        import summarize.run.pipeline as pipeline

        original = getattr(pipeline, "_unpatched_prepare", pipeline.prepare)
        pipeline._unpatched_prepare = original

        def prepare(document, language="auto"):
            if "boom" in document.path:
                if action == "raise":
                    raise RuntimeError("boom on purpose")
                if action == "die" and not os.path.exists(marker):
                    open(marker, "w").close()
                    os._exit(1)
            return original(document, language)

        pipeline.prepare = prepare

    client.run(patch)


def _unpatch_prepare(client) -> None:
    def unpatch() -> None:
        import summarize.run.pipeline as pipeline

        if hasattr(pipeline, "_unpatched_prepare"):
            pipeline.prepare = pipeline._unpatched_prepare

    client.run(unpatch)


@pytest.fixture
def boom(tmp_path):
    folder = tmp_path / "faulty"
    folder.mkdir()
    samples = sorted(SAMPLES.glob("*.txt"))
    for sample in samples:
        (folder / sample.name).write_bytes(sample.read_bytes())
    (folder / "003_boom.txt").write_bytes(samples[2].read_bytes())
    return folder


@pytest.mark.parametrize("command", ["summary", "digest"])
def test_a_document_failing_on_a_worker_is_reported_and_the_rest_goes_on(
    cli, cluster, client, boom, command
):
    expected = cli(
        command,
        *sorted(p for p in boom.iterdir() if "boom" not in p.name),
        "--to",
        "de",
        "--format",
        "json",
    )
    _patch_prepare(client, "raise")
    try:
        dask = cli(
            command,
            boom,
            "--to",
            "de",
            "--format",
            "json",
            "--executor",
            "dask",
            "--scheduler",
            cluster.scheduler_address,
        )
    finally:
        _unpatch_prepare(client)
    assert dask.exit_code == 4
    path = boom / "003_boom.txt"
    assert dask.stderr == (
        f"summarize: error: {path}: failed on a worker: RuntimeError: boom on purpose\n"
    )
    if command == "summary":
        assert dask.stdout == expected.stdout
    else:
        assert json.loads(dask.stdout)["documents"] == json.loads(expected.stdout)["documents"]


@pytest.mark.parametrize("command", ["summary", "digest"])
def test_a_lost_worker_is_replaced_and_its_partition_retried(
    cli, cluster, client, boom, tmp_path, command
):
    local = cli(command, boom, "--to", "de", "--format", "json")
    _patch_prepare(client, "die", str(tmp_path / "died-once"))
    try:
        dask = cli(
            command,
            boom,
            "--to",
            "de",
            "--format",
            "json",
            "--executor",
            "dask",
            "--scheduler",
            cluster.scheduler_address,
        )
    finally:
        client.wait_for_workers(2, timeout=60)
        _unpatch_prepare(client)
    assert (tmp_path / "died-once").exists()  # a worker did die
    assert dask.exit_code == 0, dask.stderr
    assert dask.stdout == local.stdout


# --- options and imports ------------------------------------------------------------


def test_scheduler_and_workers_need_the_dask_executor(cli):
    result = cli("summary", SAMPLES, "--to", "de", "--scheduler", "tcp://127.0.0.1:1")
    assert result.exit_code == 2
    assert "--scheduler and --workers need --executor dask" in result.stderr
    result = cli(
        "digest",
        SAMPLES,
        "--executor",
        "dask",
        "--scheduler",
        "tcp://127.0.0.1:1",
        "--workers",
        "2",
    )
    assert result.exit_code == 2
    assert "not both" in result.stderr


def test_without_dask_installed_the_dask_executor_says_how_to_get_it():
    code = (
        "import sys; sys.modules['dask'] = None; sys.modules['distributed'] = None\n"
        "from summarize.cli import main\n"
        f"sys.argv = ['summarize', 'summary', {str(SAMPLES)!r}, '--to', 'de', '--executor', 'dask']\n"
        "main()\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 2
    assert 'pip install "summarize[dask]"' in proc.stderr
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize("command", ["summary", "digest"])
def test_local_runs_do_not_import_dask(command, tmp_path):
    code = (
        "import sys\n"
        "from summarize.cli import main\n"
        f"sys.argv = ['summarize', {command!r}, {str(SAMPLES)!r}, '--to', 'de', '-f', 'json']\n"
        "try:\n"
        "    main()\n"
        "except SystemExit as exc:\n"
        "    assert not exc.code, exc.code\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed'))\n"
        "assert not loaded, loaded\n"
        "assert 'summarize.run.dask' not in sys.modules\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)


def test_help_does_not_import_dask():
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "summarize", "--help"],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0
    imported = {line.split("|")[-1].strip() for line in proc.stderr.splitlines() if "|" in line}
    assert not {m for m in imported if m.split(".")[0] in ("dask", "distributed")}
    assert "summarize.run.dask" not in imported


def test_executor_options_are_documented(cli):
    for command in ("summary", "translate", "digest"):
        text = cli(command, "--help").stdout
        assert "--executor" in text and "--scheduler" in text and "--workers" in text


def test_digest_partitions_agree_with_one_process(client):
    """The staged digest equals select_facts when the shuffle has many buckets."""
    from summarize import digest_articles, digest_files, load_articles
    from summarize.render import digest_json
    from summarize.run.dask import DaskExecutor

    class Same:
        def check(self, source, target):
            pass

        def translate(self, texts, source, target):
            return list(texts)

    articles, _ = load_articles([str(SAMPLES)], source_language="de")
    local = digest_articles(articles, target="de", translator=Same(), facts=1000)
    executor = DaskExecutor(partition_size=1, buckets=3)
    executor.client = client
    staged = digest_files(
        [str(SAMPLES)], to="de", source_language="de", facts=1000, executor=executor
    )
    facts = staged.facts

    assert digest_json(staged) == digest_json(local)
    assert len(facts) > 50


def test_overflowing_blocking_buckets_give_the_same_digest(
    cli, cluster, client, corpus, monkeypatch
):
    """With tiny buckets most of them overflow: pairs are then found in several buckets."""
    monkeypatch.setattr("summarize.select.grouping.BLOCK_LIMIT", 3)

    def set_limit(limit: int) -> None:
        import summarize.select.grouping as grouping

        grouping.BLOCK_LIMIT = limit

    client.run(set_limit, 3)
    try:
        local = cli("digest", corpus, "--to", "de", "--format", "json", "-k", "30")
        dask = cli(
            "digest",
            corpus,
            "--to",
            "de",
            "--format",
            "json",
            "-k",
            "30",
            "--executor",
            "dask",
            "--scheduler",
            cluster.scheduler_address,
        )
    finally:
        client.run(set_limit, 64)
    assert local.exit_code == 0, local.stderr
    assert_same(local, dask)
