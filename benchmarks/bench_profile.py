"""Profile the CLI with cProfile: the 1,000-document digest and the warm digest.

Each profiled run is a subprocess that runs ``summarize.cli.main`` under
cProfile (the standard library; pyinstrument is not a dependency). A run
longer than the budget is stopped and the profile of what ran so far is
kept (the report says so).

Usage::

    python benchmarks/bench_profile.py [--json] [--quick] [--budget SECONDS]
"""

from __future__ import annotations

import argparse
import os
import pstats
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from common import (  # noqa: E402
    REPO_ROOT,
    SAMPLES,
    Section,
    child_env,
    emit,
    log,
    run_measured,
)

TOP = 15
BUDGET_SECONDS = 90.0
# Frames that only dispatch (entry point, typer/click, runpy) hide the hot spots.
_DISPATCH = (
    "typer/",
    "click/",
    "runpy",
    "bench_profile.py",
    "<frozen importlib",
    "<built-in method builtins.exec>",
    "<built-in method builtins.__import__>",
)


class _Budget(BaseException):
    """Raised in the profiled process when the time budget is used up."""


def worker(out: Path, budget: float, argv: list[str]) -> int:
    import cProfile
    import signal

    def stop(_signum, _frame):
        raise _Budget()

    signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, budget)
    sys.argv = ["summarize", *argv]
    profiler = cProfile.Profile()
    stopped = False
    profiler.enable()
    try:
        from summarize.cli import main

        main()
    except _Budget:
        stopped = True
    except SystemExit:
        pass
    finally:
        profiler.disable()
        signal.setitimer(signal.ITIMER_REAL, 0)
    profiler.dump_stats(str(out))
    print(f"STOPPED {int(stopped)}", file=sys.stderr)
    return 0


def _where(filename: str, line: int, name: str) -> str:
    if filename == "~":
        return name
    path = filename
    for prefix, short in ((str(REPO_ROOT) + os.sep, ""), ("site-packages" + os.sep, "")):
        i = path.find(prefix)
        if i >= 0:
            path = short + path[i + len(prefix) :]
    if path.startswith("/"):
        path = "…/" + "/".join(Path(path).parts[-2:])
    return f"{path}:{line}({name})"


def top_functions(stats_file: Path, n: int = TOP) -> tuple[float, float, list[list], list[list]]:
    stats = pstats.Stats(str(stats_file))
    # total_tt (sum of own times) can undercount what the outermost frame saw.
    total = max([stats.total_tt] + [v[3] for v in stats.stats.values()])  # type: ignore[attr-defined]
    entries = []
    imports = 0.0
    for (filename, line, name), (_cc, nc, tt, ct, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        where = _where(filename, line, name)
        entries.append((where, nc, tt, ct))
        if name == "_find_and_load":
            imports = max(imports, ct)
    cumulative = [
        e for e in entries if not any(d in e[0] for d in _DISPATCH) and e[0] not in ("<module>",)
    ]
    cumulative.sort(key=lambda e: -e[3])
    selfs = sorted(entries, key=lambda e: -e[2])
    rows_cum = [
        [round(ct, 2), f"{100 * ct / total:.0f}%", nc, where]
        for where, nc, tt, ct in cumulative[:n]
    ]
    rows_self = [
        [round(tt, 2), f"{100 * tt / total:.0f}%", nc, where] for where, nc, tt, ct in selfs[:10]
    ]
    return total, imports, rows_cum, rows_self


def profile_run(
    section: Section,
    key: str,
    title: str,
    argv: list[str],
    env: dict[str, str],
    cwd: Path,
    budget: float,
) -> None:
    out = cwd / f"{key}.prof"
    log(f"profile: {title} (budget {budget:.0f} s) ...")
    m = run_measured(
        [sys.executable, str(Path(__file__)), "--worker", str(out), str(budget), "--", *argv],
        env=env,
        cwd=cwd,
        timeout=budget + 120,
        capture_stdout=False,
    )
    m.check(f"profile {title}")
    stopped = "STOPPED 1" in m.stderr
    total, imports, cumulative, selfs = top_functions(out)
    section.add(
        f"{key}_profiled_s",
        f"{title}: profiled time" + (" (stopped at budget)" if stopped else ""),
        round(total, 2),
        "s",
    )
    section.add(
        f"{key}_imports_s",
        f"{title}: of which imports (after cli import)",
        f"{imports:.2f} ({100 * imports / max(total, 1e-9):.0f}%)",
        "s",
    )
    section.table(
        f"{title}: top {TOP} by cumulative time (dispatch frames hidden)",
        ["cum s", "share", "calls", "function"],
        cumulative,
    )
    section.table(f"{title}: top 10 by own time", ["own s", "share", "calls", "function"], selfs)
    if stopped:
        section.note(f"{title}: stopped after {budget:.0f} s; the profile covers that part only.")


def run(quick: bool = False, budget: float = BUDGET_SECONDS) -> Section:
    import benchmodel
    import corpus

    section = Section("profile", "Profiles (cProfile)")
    neutral = Path(tempfile.mkdtemp(prefix="summarize-bench-profile-"))
    try:
        env = child_env(
            PYTHONDONTWRITEBYTECODE=None,
            PYTHONPATH=os.pathsep.join(filter(None, [str(HERE), os.environ.get("PYTHONPATH")])),
        )
        n = 100 if quick else 1000
        c = corpus.build(n)
        profile_run(
            section,
            f"digest_{n}",
            f"digest --to de, {n:,} docs",
            ["digest", str(c.path), "--to", "de"],
            env,
            neutral,
            budget,
        )

        model = benchmodel.ensure_built(log=log)
        with benchmodel.installed(model) as (root, _m):
            denv = {
                **env,
                "ARGOS_PACKAGES_DIR": str(root),
                "SUMMARIZE_CACHE": str(neutral / "cache.sqlite3"),
            }
            shared = benchmodel.BUILD_DIR / "warm-cache.sqlite3"  # left by bench_startup
            if shared.is_file():
                shutil.copyfile(shared, neutral / "cache.sqlite3")
            log("profile: filling the cache for the warm digest (fast if bench_startup ran) ...")
            run_measured([*_cli(), "digest", str(SAMPLES)], env=denv, cwd=neutral).check(
                "cold digest"
            )
            profile_run(
                section,
                "digest_warm",
                "warm digest samples/ --to en",
                ["digest", str(SAMPLES)],
                denv,
                neutral,
                budget,
            )
    finally:
        shutil.rmtree(neutral, ignore_errors=True)
    section.note(
        "cProfile adds overhead (pure-Python code runs ~1.5-3x slower under it); "
        "use the shares, not the absolute times."
    )
    return section


def _cli() -> list[str]:
    from common import summarize_command

    return summarize_command()


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--worker"]:
        out, budget = Path(argv[1]), float(argv[2])
        rest = argv[3:]
        if rest[:1] == ["--"]:
            rest = rest[1:]
        return worker(out, budget, rest)
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--quick", action="store_true", help="100 documents instead of 1,000")
    parser.add_argument(
        "--budget",
        type=float,
        default=BUDGET_SECONDS,
        help="stop a profiled run after this many seconds",
    )
    args = parser.parse_args(argv)
    emit([run(args.quick, args.budget)], args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
