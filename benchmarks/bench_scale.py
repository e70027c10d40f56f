"""Scale: ``summary --to de`` and ``digest --to de`` over generated corpora.

No translation (target == source language). Each run is a subprocess of the
installed CLI; we report its wall time and peak RSS, and the growth ratio per
doubling between consecutive sizes: (t2/t1) ** (log 2 / log(n2/n1)), i.e. 2.0
for linear growth, 4.0 for quadratic.

Targets (issue 4): >= 1,000 documents and >= 1 M words through
``digest --to de`` in under a minute, peak memory under 1 GB, and doubling
the corpus (1,000 -> 2,000 documents) costs at most 2.3x the time.

Runs are stopped at a time limit (``--max-run-seconds``, default 180 s; the
2,000-document digest gets at least 2.35x the 1,000-document time, so a stopped
run still proves a doubling ratio above 2.3) or a memory limit (4 GiB); a size
whose projected time exceeds the limit is skipped. Stopped or skipped runs
are reported as such.

Usage::

    python benchmarks/bench_scale.py [--json] [--quick] [--sizes 100,1000,2000,5000]
"""

from __future__ import annotations

import argparse
import math
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from common import Section, child_env, emit, log, run_measured, summarize_command  # noqa: E402

FULL_SIZES = (100, 1000, 2000, 5000)
QUICK_SIZES = (100, 200)
MAX_RUN_SECONDS = 180.0
RSS_LIMIT_MB = 4096.0
COMMANDS = ("summary", "digest")


def per_doubling(n1: int, t1: float, n2: int, t2: float) -> float:
    return (t2 / t1) ** (math.log(2) / math.log(n2 / n1))


def run(
    quick: bool = False,
    sizes: tuple[int, ...] | None = None,
    max_run_seconds: float = MAX_RUN_SECONDS,
) -> Section:
    import corpus

    sizes = tuple(sorted(sizes or (QUICK_SIZES if quick else FULL_SIZES)))
    section = Section("scale", "Scale: summary/digest --to de over generated corpora")
    cli = summarize_command()
    corpora = {}
    for n in sizes:
        log(f"scale: corpus-{n} ...")
        corpora[n] = corpus.build(n)
    for n in sizes:
        c = corpora[n]
        section.add(f"corpus_{n}_words", f"corpus-{n}: words", c.words, "words")
    if 1000 in corpora:
        c = corpora[1000]
        section.add(
            "corpus_1000_meets_size",
            "corpus-1000 has >= 1,000 docs and >= 1 M words",
            "yes" if c.documents >= 1000 and c.words >= 1_000_000 else "no",
            target="yes",
            met=c.documents >= 1000 and c.words >= 1_000_000,
        )

    neutral = Path(tempfile.mkdtemp(prefix="summarize-bench-cwd-"))
    results: dict[str, dict[int, dict]] = {cmd: {} for cmd in COMMANDS}
    try:
        env = child_env(PYTHONDONTWRITEBYTECODE=None)
        for command in COMMANDS:
            done: list[tuple[int, float]] = []
            for n in sizes:
                limit = max_run_seconds
                if command == "digest" and n == 2000 and 1000 in results[command]:
                    first = results[command][1000]
                    if not first.get("killed"):
                        limit = max(limit, 2.35 * first["wall"])
                projected = None
                if len(done) >= 2:
                    (n1, t1), (n2, t2) = done[-2], done[-1]
                    exponent = math.log(t2 / t1) / math.log(n2 / n1)
                    projected = t2 * (n / n2) ** exponent
                elif len(done) == 1:
                    projected = done[-1][1] * n / done[-1][0]  # at least linear
                stopped_before = any(r.get("killed") for r in results[command].values())
                if stopped_before or (projected is not None and projected > 1.5 * limit):
                    why = (
                        "a smaller corpus was already stopped"
                        if stopped_before
                        else f"projected {projected:.0f} s > limit {limit:.0f} s"
                    )
                    results[command][n] = {"skipped": why}
                    log(f"scale: {command} corpus-{n} skipped ({why})")
                    continue
                log(f"scale: {command} --to de corpus-{n} (limit {limit:.0f} s) ...")
                m = run_measured(
                    cli + [command, str(corpora[n].path), "--to", "de"],
                    env=env,
                    cwd=neutral,
                    timeout=limit,
                    rss_limit_mb=RSS_LIMIT_MB,
                    capture_stdout=False,
                )
                if m.killed is None:
                    m.check(f"{command} corpus-{n}")
                    done.append((n, m.wall))
                results[command][n] = {
                    "wall": m.wall,
                    "rss": m.maxrss_mb,
                    "cpu": m.cpu,
                    "killed": m.killed,
                }
    finally:
        shutil.rmtree(neutral, ignore_errors=True)

    rows = []
    for command in COMMANDS:
        previous = None
        for n in sizes:
            r = results[command][n]
            if "skipped" in r:
                rows.append([command, n, "skipped", "", "", "", r["skipped"]])
                section.add(
                    f"{command}_{n}_s", f"{command} --to de, {n:,} docs: wall", "skipped", ""
                )
                continue
            over = ">" if r["killed"] else ""
            growth = ""
            if previous is not None and not previous[2]:
                g = per_doubling(previous[0], previous[1], n, r["wall"])
                growth = f"{over}{g:.2f}"
            rows.append(
                [
                    command,
                    n,
                    f"{over}{r['wall']:.2f}",
                    round(r["cpu"], 1),
                    round(r["rss"], 1),
                    growth,
                    r["killed"] or "",
                ]
            )
            label = f"{command} --to de, {n:,} docs"
            wall = f">{r['wall']:.0f}" if r["killed"] else round(r["wall"], 2)
            if command == "digest" and n == 1000:
                section.add(
                    f"{command}_{n}_s",
                    f"{label}: wall",
                    wall,
                    "s",
                    target="< 60 s",
                    met=not r["killed"] and r["wall"] < 60,
                )
                section.add(
                    f"{command}_{n}_rss_mb",
                    f"{label}: peak RSS",
                    round(r["rss"], 1),
                    "MiB",
                    target="< 1 GB (953.7 MiB)",
                    met=not r["killed"] and r["rss"] * 1024**2 < 1e9,
                )
            else:
                section.add(f"{command}_{n}_s", f"{label}: wall", wall, "s")
                section.add(
                    f"{command}_{n}_rss_mb", f"{label}: peak RSS", round(r["rss"], 1), "MiB"
                )
            if command == "digest" and n == 2000 and previous is not None and previous[0] == 1000:
                if previous[2]:
                    section.add(
                        "digest_doubling_1000_2000",
                        "digest time ratio 1,000 -> 2,000 docs",
                        "n/a (1,000-doc run was stopped)",
                        "",
                    )
                else:
                    ratio = r["wall"] / previous[1]
                    section.add(
                        "digest_doubling_1000_2000",
                        "digest time ratio 1,000 -> 2,000 docs",
                        f">{ratio:.2f}" if over else round(ratio, 2),
                        "x",
                        target="<= 2.3x",
                        met=not r["killed"] and ratio <= 2.3,
                    )
                    if not over:
                        cpu_ratio = r["cpu"] / results[command][1000]["cpu"]
                        section.add(
                            "digest_doubling_cpu_1000_2000",
                            "digest CPU-time ratio 1,000 -> 2,000 docs (less noisy)",
                            round(cpu_ratio, 2),
                            "x",
                        )
            previous = (n, r["wall"], bool(r["killed"]))
    section.table(
        "runs",
        ["command", "docs", "wall s", "cpu s", "peak RSS MiB", "x per doubling", "stopped"],
        rows,
    )
    section.note(
        "x per doubling = (t2/t1)^(log 2/log(n2/n1)) against the previous size; 2.0 is "
        "linear, 4.0 quadratic. '>' = lower bound (run stopped at the limit)."
    )
    section.note(
        f"corpora: benchmarks/_build/corpus-N (see corpus.py); CLI {' '.join(cli)}, "
        "stdout discarded, run from an empty folder."
    )
    return section


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--quick", action="store_true", help=f"sizes {QUICK_SIZES}")
    parser.add_argument("--sizes", help="comma-separated document counts")
    parser.add_argument("--max-run-seconds", type=float, default=MAX_RUN_SECONDS)
    args = parser.parse_args(argv)
    sizes = tuple(int(s) for s in args.sizes.split(",")) if args.sizes else None
    emit([run(args.quick, sizes, args.max_run_seconds)], args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
