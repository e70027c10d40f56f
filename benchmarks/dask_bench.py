"""Dask executor benchmark: throughput with 1 vs 2 workers, and the Dask path's overhead.

For each command (default: ``summary`` and ``digest``, both ``--to de`` so no
model is needed; add ``translate`` to decode with the test copy model) the
same CLI invocation runs in-process three ways on the generated corpus
(benchmarks/corpus.py):

* ``local``: the default executor;
* ``dask-1`` / ``dask-2``: ``--executor dask --scheduler ADDRESS`` against a
  LocalCluster of 1 or 2 worker processes (1 thread each), started once and
  warmed up first (worker start-up is reported separately).

Every Dask output is checked to be byte-identical to the local one.

Overhead of the Dask path, from the 1-worker cluster (same CPU budget as the
local run): *fixed* is the time of a 1-document run minus the local one
(connecting, scheduling, the digest's rounds); *per document* is the extra
time per additional document, ((dask1(N) - dask1(1)) - (local(N) - local(1))) / (N - 1).

Usage::

    python benchmarks/dask_bench.py [--docs 200] [--commands summary,digest,translate]
                                    [--repeat 3] [--json]

Numbers are the best of ``--repeat`` runs.

``translate`` runs with ``--no-cache``: the local run decodes each distinct
sentence of the corpus once, a Dask run each distinct sentence of a
partition once. The generated corpus repeats the samples' sentences a lot,
so Dask decodes more of them; the report shows how many each run decoded.
Worker processes share the machine's cores, so on a machine with as many
cores as workers (or fewer, or busy with other work) 2 workers cannot beat 1.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import platform
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO_ROOT / "tests"))

COMMANDS = {
    "summary": ["summary", "--to", "de", "--format", "json"],
    "digest": ["digest", "--to", "de", "--format", "json"],
    "translate": ["translate", "--to", "en", "--format", "json", "--no-cache", "-v"],
}


DECODED: dict[tuple[str, ...], int] = {}  # sentences decoded by the last run of each command


def _invoke(runner, app, args: list[str]) -> tuple[float, str]:
    start = time.perf_counter()
    result = runner.invoke(app, args, catch_exceptions=False)
    wall = time.perf_counter() - start
    if result.exit_code != 0:
        raise RuntimeError(
            f"summarize {' '.join(args)} exited {result.exit_code}:\n{result.stderr[-2000:]}"
        )
    found = re.search(r"decoded (\d+) sentence", result.stderr)
    if found:
        DECODED[tuple(args)] = int(found.group(1))
    return wall, result.stdout


def _best(runner, app, args: list[str], repeat: int) -> tuple[float, str]:
    times, out = [], ""
    for _ in range(repeat):
        wall, out = _invoke(runner, app, args)
        times.append(wall)
    return min(times), out


def _one_doc_folder(corpus: Path, scratch: Path) -> Path:
    folder = scratch / "one"
    folder.mkdir(exist_ok=True)
    first = sorted(corpus.glob("*.txt"))[0]
    shutil.copyfile(first, folder / first.name)
    return folder


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("--docs", type=int, default=200, help="documents in the corpus")
    parser.add_argument(
        "--commands", default="summary,digest", help="comma-separated: summary, digest, translate"
    )
    parser.add_argument("--repeat", type=int, default=1, help="runs per measurement (best kept)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    args = parser.parse_args(argv)
    commands = [c.strip() for c in args.commands.split(",") if c.strip()]
    for c in commands:
        if c not in COMMANDS:
            parser.error(f"unknown command {c!r}; choose from {', '.join(COMMANDS)}")

    import corpus as corpus_module

    built = corpus_module.build(args.docs)
    scratch = Path(tempfile.mkdtemp(prefix="dask-bench-"))
    # Hermetic: models, cache and user dirs in the scratch folder; the
    # clusters' workers inherit this environment.
    os.environ.update(
        {
            "HOME": str(scratch / "home"),
            "XDG_CACHE_HOME": str(scratch / "home" / "cache"),
            "XDG_DATA_HOME": str(scratch / "home" / "data"),
            "ARGOS_PACKAGES_DIR": str(scratch / "argos-packages"),
            "SUMMARIZE_CACHE": str(scratch / "cache.sqlite3"),
        }
    )
    try:
        if "translate" in commands:
            import copymodel

            from summarize.translation import install

            package = copymodel.build_copy_package(scratch, "de", "en")
            install.install_package_file(package)
        report = _run(built, commands, args.repeat, scratch)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)

    if args.json:
        print(json.dumps(report, indent=2))
    else:
        _print(report)
    return 0


def _run(built, commands: list[str], repeat: int, scratch: Path) -> dict:
    import dask
    from distributed import LocalCluster
    from typer.testing import CliRunner

    from summarize.cli import app
    from summarize.run.dask import NANNY_MALLOC_TRIM

    runner = CliRunner()
    one = _one_doc_folder(built.path, scratch)
    report: dict = {
        "corpus": {"path": str(built.path), "documents": built.documents, "words": built.words},
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
        "clusters": {},
        "commands": {},
    }
    local: dict[str, dict] = {}
    for command in commands:
        base = COMMANDS[command]
        _invoke(runner, app, [base[0], str(one), *base[1:]])  # warm-up: imports
        full = [base[0], str(built.path), *base[1:]]
        wall, out = _best(runner, app, full, repeat)
        wall1, _ = _best(runner, app, [base[0], str(one), *base[1:]], repeat)
        local[command] = {
            "wall": wall,
            "wall_1doc": wall1,
            "stdout": out,
            "decoded": DECODED.get(tuple(full)),
        }

    results: dict[str, dict] = {
        c: {"local": _rate(local[c]["wall"], built.documents, local[c]["decoded"])}
        for c in commands
    }
    for workers in (1, 2):
        start = time.perf_counter()
        # As `--workers N` does: without the nanny's MALLOC_TRIM_THRESHOLD_.
        with dask.config.set({NANNY_MALLOC_TRIM: None}):
            cluster = LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                silence_logs=logging.ERROR,
            )
        started = time.perf_counter() - start
        report["clusters"][f"dask-{workers}"] = {"workers": workers, "startup_s": round(started, 2)}
        try:
            address = ["--executor", "dask", "--scheduler", cluster.scheduler_address]
            for command in commands:
                base = COMMANDS[command]
                # Warm-up: workers import summarize, sumy and friends once.
                _invoke(runner, app, [base[0], str(one), *base[1:], *address])
                full = [base[0], str(built.path), *base[1:], *address]
                wall, out = _best(runner, app, full, repeat)
                if out != local[command]["stdout"]:
                    raise RuntimeError(f"{command}: dask-{workers} output differs from local")
                entry = _rate(wall, built.documents, DECODED.get(tuple(full)))
                entry["identical_to_local"] = True
                if workers == 1:
                    wall1, _ = _best(runner, app, [base[0], str(one), *base[1:], *address], repeat)
                    n = built.documents
                    fixed = wall1 - local[command]["wall_1doc"]
                    base_local = local[command]["wall"] - local[command]["wall_1doc"]
                    per_doc = ((wall - wall1) - base_local) / max(n - 1, 1)
                    entry["overhead"] = {
                        "fixed_s": round(fixed, 3),
                        "per_document_ms": round(per_doc * 1000, 2),
                    }
                results[command][f"dask-{workers}"] = entry
        finally:
            cluster.close()
    for command in commands:
        one_w = results[command]["dask-1"]["docs_per_s"]
        two_w = results[command]["dask-2"]["docs_per_s"]
        results[command]["speedup_2_vs_1_workers"] = round(two_w / one_w, 2) if one_w else None
    report["commands"] = results
    return report


def _rate(wall: float, docs: int, decoded: int | None = None) -> dict:
    rate = {"wall_s": round(wall, 3), "docs_per_s": round(docs / wall, 1) if wall else None}
    if decoded is not None:
        rate["sentences_decoded"] = decoded
    return rate


def _print(report: dict) -> None:
    c = report["corpus"]
    print(f"corpus: {c['documents']} documents, {c['words']:,} words ({c['path']})")
    print(f"machine: {report['machine']['cpus']} CPUs, Python {report['machine']['python']}")
    for name, info in report["clusters"].items():
        print(
            f"{name}: LocalCluster of {info['workers']} worker process(es), 1 thread each, "
            f"started in {info['startup_s']} s (not counted below)"
        )
    print()
    print(f"{'command':<10} {'executor':<8} {'wall s':>8} {'docs/s':>8}")
    for command, rows in report["commands"].items():
        for executor in ("local", "dask-1", "dask-2"):
            row = rows[executor]
            decoded = row.get("sentences_decoded")
            extra = f"  ({decoded} sentences decoded)" if decoded is not None else ""
            print(
                f"{command:<10} {executor:<8} {row['wall_s']:>8.2f} {row['docs_per_s']:>8.1f}"
                + extra
            )
        print(f"{command:<10} 2 vs 1 workers: x{rows['speedup_2_vs_1_workers']}")
        over = rows["dask-1"]["overhead"]
        print(
            f"{command:<10} dask overhead (1 worker vs local): fixed {over['fixed_s']:.2f} s, "
            f"{over['per_document_ms']:.1f} ms per document"
        )
        print()
    print("every Dask output was byte-identical to the local one")


if __name__ == "__main__":
    sys.exit(main())
