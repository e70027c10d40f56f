"""Scale: ``digest --to de`` (and ``summary --to de``) over generated corpora.

No translation (target == source language). Each run is a subprocess of the
installed CLI; we report its wall time, its CPU time (user + system, worker
processes included), the peak RSS of the main process, and the peak of the
summed proportional set size (PSS) of the whole process tree (the main process
and its workers, shared pages counted once), polled every 200 ms. Growth per
doubling between consecutive sizes: (x2/x1) ** (log 2 / log(n2/n1)), i.e. 2.0
for linear growth, 4.0 for quadratic, for time, CPU and memory.

Targets (issue 15): the 10,000-document digest in under 2 minutes and under
1 GB on 2 cores; each doubling at most 2.1x the time and the memory.

Runs are stopped at a time limit (``--max-run-seconds``, default 300 s) or a
memory limit (4 GiB of tree PSS); a size whose projected time exceeds the
limit is skipped. Stopped or skipped runs are reported as such.

Usage::

    python benchmarks/corpus.py 1000 2500 5000 10000
    python benchmarks/bench_scale.py [--json] [--quick] [--sizes 1000,2500,5000,10000]
        [--commands digest,summary] [--jobs N]
"""

from __future__ import annotations

import argparse
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from common import Section, child_env, emit, log, summarize_command  # noqa: E402


class Run:
    """One measured run: wall and CPU seconds, peak RSS of the main process, peak
    summed PSS of its process tree (MiB)."""

    def __init__(
        self,
        wall: float,
        cpu: float,
        rss: float,
        tree: float,
        code: int,
        killed: str | None,
        err: str,
    ):
        self.wall, self.cpu, self.rss, self.tree = wall, cpu, rss, tree
        self.code, self.killed, self.err = code, killed, err


def _tree(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        found.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as handle:
                    todo.extend(int(c) for c in handle.read().split())
        except OSError:
            pass
    return found


def _pss_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    return 0.0


def _hwm_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/status") as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    return 0.0


def measure(cmd: list[str], env: dict, cwd: Path, timeout: float, limit_mb: float) -> Run:
    """Run ``cmd`` with stdout discarded; poll its process tree's memory."""
    started = time.perf_counter()
    err_file = tempfile.TemporaryFile()  # noqa: SIM115 - a pipe could fill up and stall the child
    proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=err_file)
    tree_peak = rss_peak = 0.0
    killed = None
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        rss_peak = max(rss_peak, _hwm_mb(proc.pid))
        tree = sum(_pss_mb(p) for p in _tree(proc.pid))
        tree_peak = max(tree_peak, tree)
        if time.perf_counter() - started > timeout:
            killed = f"time limit ({timeout:g} s)"
        elif tree > limit_mb:
            killed = f"memory limit ({limit_mb:.0f} MiB)"
        if killed:
            proc.kill()
            pid, status, usage = os.wait4(proc.pid, 0)
            break
        # Reading smaps_rollup takes the child's memory-map lock: not too often.
        time.sleep(0.2)
    wall = time.perf_counter() - started
    err_file.seek(0)
    err = err_file.read().decode(errors="replace")
    err_file.close()
    cpu = usage.ru_utime + usage.ru_stime  # includes the reaped worker processes
    return Run(wall, cpu, rss_peak, tree_peak, os.waitstatus_to_exitcode(status), killed, err)


FULL_SIZES = (1000, 2500, 5000, 10000)
QUICK_SIZES = (100, 200)
MAX_RUN_SECONDS = 300.0
RSS_LIMIT_MB = 4096.0


def per_doubling(n1: int, t1: float, n2: int, t2: float) -> float:
    return (t2 / t1) ** (math.log(2) / math.log(n2 / n1))


def run(
    quick: bool = False,
    sizes: tuple[int, ...] | None = None,
    max_run_seconds: float = MAX_RUN_SECONDS,
    commands: tuple[str, ...] = ("digest",),
    jobs: int | None = None,
) -> Section:
    import corpus

    sizes = tuple(sorted(sizes or (QUICK_SIZES if quick else FULL_SIZES)))
    section = Section("scale", "Scale: digest/summary --to de over generated corpora")
    cli = summarize_command()
    corpora = {}
    for n in sizes:
        log(f"scale: corpus-{n} ...")
        corpora[n] = corpus.build(n)
        section.add(f"corpus_{n}_words", f"corpus-{n}: words", corpora[n].words, "words")
    extra = ["--jobs", str(jobs)] if jobs else []
    neutral = Path(tempfile.mkdtemp(prefix="summarize-bench-cwd-"))
    rows = []
    try:
        env = child_env(PYTHONDONTWRITEBYTECODE=None)
        for command in commands:
            done: list[tuple[int, Run]] = []
            for n in sizes:
                if done and done[-1][1].killed:
                    rows.append(
                        [command, n, "skipped", "", "", "", "", "a smaller run was stopped"]
                    )
                    continue
                if done:
                    last_n, last = done[-1]
                    projected = last.wall * (n / last_n) ** 1.1
                    if projected > 1.5 * max_run_seconds:
                        rows.append(
                            [command, n, "skipped", "", "", "", "", f"projected {projected:.0f} s"]
                        )
                        continue
                log(f"scale: {command} --to de {' '.join(extra)} corpus-{n} ...")
                r = measure(
                    cli + [command, str(corpora[n].path), "--to", "de", *extra],
                    env,
                    neutral,
                    max_run_seconds,
                    RSS_LIMIT_MB,
                )
                if r.killed is None and r.code != 0:
                    raise SystemExit(f"{command} corpus-{n} failed ({r.code}): {r.err[-500:]}")
                growth = ["", "", ""]
                if done and not done[-1][1].killed and not r.killed:
                    p_n, p = done[-1]
                    growth = [
                        f"{per_doubling(p_n, p.wall, n, r.wall):.2f}",
                        f"{per_doubling(p_n, p.cpu, n, r.cpu):.2f}",
                        f"{per_doubling(p_n, p.tree, n, r.tree):.2f}",
                    ]
                over = ">" if r.killed else ""
                rows.append(
                    [
                        command,
                        n,
                        f"{over}{r.wall:.1f}",
                        f"{r.cpu:.1f}",
                        f"{r.rss:.0f}",
                        f"{r.tree:.0f}",
                        " / ".join(growth) if growth[0] else "",
                        r.killed or "",
                    ]
                )
                label = f"{command} --to de, {n:,} docs"
                big = command == "digest" and n == 10000
                section.add(
                    f"{command}_{n}_s",
                    f"{label}: wall",
                    f"{over}{r.wall:.1f}",
                    "s",
                    **({"target": "< 120 s", "met": not r.killed and r.wall < 120} if big else {}),
                )
                section.add(f"{command}_{n}_cpu_s", f"{label}: CPU", round(r.cpu, 1), "s")
                section.add(
                    f"{command}_{n}_rss_mb", f"{label}: peak RSS, main process", round(r.rss), "MiB"
                )
                section.add(
                    f"{command}_{n}_tree_mb",
                    f"{label}: peak PSS, all processes",
                    round(r.tree),
                    "MiB",
                    **(
                        {"target": "< 1 GB (953.7 MiB)", "met": not r.killed and r.tree < 953.7}
                        if big
                        else {}
                    ),
                )
                done.append((n, r))
    finally:
        shutil.rmtree(neutral, ignore_errors=True)
    section.table(
        "runs",
        [
            "command",
            "docs",
            "wall s",
            "cpu s",
            "peak RSS main MiB",
            "peak PSS tree MiB",
            "x per doubling (wall / cpu / memory)",
            "stopped",
        ],
        rows,
    )
    section.note(
        "x per doubling = (x2/x1)^(log 2/log(n2/n1)) against the previous size; 2.0 is "
        "linear. Memory growth is of the tree's PSS. '>' = lower bound (run stopped)."
    )
    section.note(
        f"corpora: benchmarks/_build/corpus-N (see corpus.py); CLI {' '.join(cli)} "
        f"{' '.join(extra)}, stdout discarded, run from an empty folder."
    )
    return section


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--quick", action="store_true", help=f"sizes {QUICK_SIZES}")
    parser.add_argument("--sizes", help="comma-separated document counts")
    parser.add_argument("--commands", default="digest", help="comma-separated: digest,summary")
    parser.add_argument("--jobs", type=int, help="passed to the CLI as --jobs")
    parser.add_argument("--max-run-seconds", type=float, default=MAX_RUN_SECONDS)
    args = parser.parse_args(argv)
    sizes = tuple(int(s) for s in args.sizes.split(",")) if args.sizes else None
    commands = tuple(args.commands.split(","))
    emit([run(args.quick, sizes, args.max_run_seconds, commands, args.jobs)], args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
