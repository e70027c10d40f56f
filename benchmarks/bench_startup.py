"""Start-up and warm runs of the installed CLI.

* ``summarize --help``: wall time of the whole process, median of >= 7 runs.
* ``python -X importtime -m summarize --help``: the slowest imports, and
  whether ctranslate2, torch (or other heavy modules) are imported.
* ``summarize summary FILE --to de`` against plain sumy LexRank on the same
  file (``sumy_lexrank.py``, see its docstring), as whole processes in turn
  (A B A B ...): the median of the per-pair ratios of wall and CPU time, and
  which heavy modules the single-file summary imports.
* ``summarize digest samples/`` (default ``--to en``) with the benchmark
  model installed: one cold run fills a fresh translation cache, then the
  median of >= 5 warm runs (everything served from the cache).

Usage::

    python benchmarks/bench_startup.py [--json] [--quick] [--file FILE]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from common import (  # noqa: E402
    SAMPLES,
    Section,
    child_env,
    emit,
    log,
    median,
    run_measured,
    summarize_command,
)

HELP_RUNS = 7
WARM_RUNS = 5
PAIRS = 9  # single-file summary against plain sumy, in turn
SINGLE_FILE = SAMPLES / "003_7eca0d19c0b20104.txt"
SUMY_LEXRANK = HERE / "sumy_lexrank.py"
# Modules a single-file `summary --to de` should not need.
NOT_FOR_ONE_FILE = ("nltk", "requests", "urllib3", "numpy", "pycountry", "sumy.summarizers")
HEAVY = (
    "ctranslate2",
    "torch",
    "sentencepiece",
    "numpy",
    "onnxruntime",
    "argostranslate",
    "sumy",
    "nltk",
    "stanza",
    "minisbd",
    "sqlite3",
)


def parse_importtime(stderr: str) -> list[tuple[str, int, int]]:
    """[(module, self_us, cumulative_us)] from ``-X importtime`` output."""
    rows = []
    for line in stderr.splitlines():
        if not line.startswith("import time:") or "imported package" in line:
            continue
        try:
            _, rest = line.split(":", 1)
            self_us, cumulative_us, name = rest.split("|", 2)
            rows.append((name.rstrip(), int(self_us), int(cumulative_us)))
        except ValueError:
            continue
    return rows


def base_env(**extra: str | None) -> dict[str, str]:
    # Let Python write bytecode like a normal user environment would: with
    # PYTHONDONTWRITEBYTECODE every run recompiles whatever has no .pyc.
    return child_env(PYTHONDONTWRITEBYTECODE=None, **extra)


def imported(rows: list[tuple[str, int, int]], name: str) -> bool:
    return any(m.strip() == name or m.strip().startswith(name + ".") for m, _, _ in rows)


def single_file_against_sumy(
    section: Section, cli: list[str], env: dict[str, str], cwd: Path, path: Path, pairs: int
) -> None:
    """`summary FILE --to de` against plain sumy LexRank on FILE, in turn."""
    ours = cli + ["summary", str(path), "--to", "de", "-q"]
    sumy = [sys.executable, str(SUMY_LEXRANK), str(path)]
    log(f"startup: summary {path.name} --to de against plain sumy LexRank x{pairs} ...")
    run_measured(ours, env=env, cwd=cwd).check("single-file summary")  # warm-up
    run_measured(sumy, env=env, cwd=cwd).check("plain sumy LexRank")
    a, b = [], []
    for _ in range(pairs):
        a.append(run_measured(ours, env=env, cwd=cwd).check("single-file summary"))
        b.append(run_measured(sumy, env=env, cwd=cwd).check("plain sumy LexRank"))
    wall_ratio = median([x.wall / y.wall for x, y in zip(a, b)])
    cpu_ratio = median([x.cpu / y.cpu for x, y in zip(a, b)])
    section.add(
        "one_file_summary_s",
        f"summary {path.name} --to de, median of {pairs}",
        round(median([x.wall for x in a]), 3),
        "s",
    )
    section.add(
        "one_file_sumy_s",
        f"plain sumy LexRank on {path.name}, median of {pairs}",
        round(median([y.wall for y in b]), 3),
        "s",
    )
    section.add(
        "one_file_wall_ratio",
        "single-file summary / plain sumy LexRank, wall (median of pair ratios)",
        round(wall_ratio, 2),
        "x",
        target="<= 1",
        met=wall_ratio <= 1,
    )
    section.add(
        "one_file_cpu_ratio",
        "single-file summary / plain sumy LexRank, CPU (median of pair ratios)",
        round(cpu_ratio, 2),
        "x",
    )
    it = run_measured(
        [sys.executable, "-X", "importtime", "-m", "summarize", *ours[len(cli) :]],
        env=env,
        cwd=cwd,
    ).check("single-file importtime")
    rows = parse_importtime(it.stderr)
    loaded = [name for name in NOT_FOR_ONE_FILE if imported(rows, name)]
    section.add(
        "one_file_heavy_imports",
        f"single-file summary imports any of {', '.join(NOT_FOR_ONE_FILE)}",
        ", ".join(loaded) if loaded else "none",
        target="none",
        met=not loaded,
    )
    section.add(
        "one_file_import_ms",
        "single-file summary: total import time (sum of self)",
        round(sum(s for _, s, _ in rows) / 1000, 1),
        "ms",
    )


def run(quick: bool = False, single_file: Path = SINGLE_FILE) -> Section:
    import benchmodel

    section = Section("startup", "Start-up and warm runs")
    cli = summarize_command()
    neutral = Path(tempfile.mkdtemp(prefix="summarize-bench-cwd-"))  # no pyproject/.summarize.toml
    try:
        env = base_env()
        # --help
        log(f"startup: {' '.join(cli)} --help x{HELP_RUNS} ...")
        run_measured(cli + ["--help"], env=env, cwd=neutral).check("summarize --help")  # warm-up
        times = [
            run_measured(cli + ["--help"], env=env, cwd=neutral).check("--help").wall
            for _ in range(HELP_RUNS)
        ]
        t_help = median(times)
        section.add(
            "help_median_s",
            f"summarize --help, median of {HELP_RUNS}",
            round(t_help, 3),
            "s",
            target="<= 0.25 s",
            met=t_help <= 0.25,
        )
        section.add("help_min_s", "summarize --help, fastest", round(min(times), 3), "s")
        section.add("help_max_s", "summarize --help, slowest", round(max(times), 3), "s")
        bare = [
            run_measured([sys.executable, "-c", "pass"], env=env, cwd=neutral).wall
            for _ in range(HELP_RUNS)
        ]
        section.add(
            "python_bare_s", "bare `python -c pass`, median (floor)", round(median(bare), 3), "s"
        )

        # -X importtime
        m = run_measured(
            [sys.executable, "-X", "importtime", "-m", "summarize", "--help"], env=env, cwd=neutral
        ).check("-X importtime")
        rows = parse_importtime(m.stderr)
        modules = {name.strip() for name, _, _ in rows}
        total_us = sum(s for _, s, _ in rows)
        section.add(
            "help_import_total_ms",
            "--help: total import time (sum of self)",
            round(total_us / 1000, 1),
            "ms",
        )
        section.add("help_modules", "--help: modules imported", len(modules))
        heavy = {h: any(m == h or m.startswith(h + ".") for m in modules) for h in HEAVY}
        section.add(
            "help_imports_ctranslate2",
            "--help imports ctranslate2",
            "yes" if heavy["ctranslate2"] else "no",
            target="no",
            met=not heavy["ctranslate2"],
        )
        section.add(
            "help_imports_torch",
            "--help imports torch",
            "yes" if heavy["torch"] else "no",
            target="no",
            met=not heavy["torch"],
        )
        section.note(
            "other heavy modules on --help: "
            + (
                ", ".join(h for h, v in heavy.items() if v and h not in ("ctranslate2", "torch"))
                or "none"
            )
            + f" (checked: {', '.join(HEAVY)})"
        )
        by_package: dict[str, int] = {}
        for name, self_us, _c in rows:
            root_name = name.strip().split(".")[0]
            by_package[root_name] = by_package.get(root_name, 0) + self_us
        section.table(
            "--help: import time by top-level package (sum of self times)",
            ["package", "ms", "share"],
            [
                [p, round(us / 1000, 1), f"{100 * us / max(total_us, 1):.0f}%"]
                for p, us in sorted(by_package.items(), key=lambda kv: -kv[1])[:10]
            ],
        )
        top = sorted(rows, key=lambda r: -r[2])[:12]
        section.table(
            "--help: slowest imports by cumulative time (python -X importtime)",
            ["module", "cumulative ms", "self ms"],
            [[name.strip(), round(c / 1000, 1), round(s / 1000, 1)] for name, s, c in top],
        )

        single_file_against_sumy(
            section, cli, env, neutral, single_file.resolve(), 5 if quick else PAIRS
        )

        # warm digest
        model = benchmodel.ensure_built(log=log)
        with benchmodel.installed(model) as (root, _installed):
            cache = neutral / "cache.sqlite3"
            denv = base_env(ARGOS_PACKAGES_DIR=str(root), SUMMARIZE_CACHE=str(cache))
            cmd = cli + ["digest", str(SAMPLES)]
            log("startup: cold digest (fills the cache) ...")
            cold = run_measured(cmd, env=denv, cwd=neutral).check("cold digest")
            section.add(
                "digest_cold_s",
                "digest samples/ --to en, cold (fills cache)",
                round(cold.wall, 2),
                "s",
            )
            # Lets bench_profile skip its own (slow) cold run.
            shutil.copyfile(cache, benchmodel.BUILD_DIR / "warm-cache.sqlite3")
            log(f"startup: warm digest x{WARM_RUNS} ...")
            warm = [
                run_measured(cmd, env=denv, cwd=neutral).check("warm digest")
                for _ in range(WARM_RUNS)
            ]
            t_warm = median([w.wall for w in warm])
            section.add(
                "digest_warm_median_s",
                f"digest samples/ warm, median of {WARM_RUNS}",
                round(t_warm, 3),
                "s",
                target="<= 0.5 s",
                met=t_warm <= 0.5,
            )
            section.add(
                "digest_warm_min_s",
                "digest samples/ warm, fastest",
                round(min(w.wall for w in warm), 3),
                "s",
            )
            section.add(
                "digest_warm_rss_mb",
                "digest samples/ warm, peak RSS",
                round(max(w.maxrss_mb for w in warm), 1),
                "MiB",
            )
            same = all(w.stdout == cold.stdout for w in warm)
            section.add(
                "digest_warm_same_output", "warm output identical to cold", "yes" if same else "no"
            )
            it = run_measured(
                [sys.executable, "-X", "importtime", "-m", "summarize", "digest", str(SAMPLES)],
                env=denv,
                cwd=neutral,
            ).check("warm importtime")
            warm_rows = parse_importtime(it.stderr)
            warm_modules = {n.strip() for n, _, _ in warm_rows}
            warm_total = sum(s for _, s, _ in warm_rows)
            section.add(
                "digest_warm_import_ms",
                "warm digest: total import time",
                round(warm_total / 1000, 1),
                "ms",
            )
            packages: dict[str, int] = {}
            for name, self_us, _c in warm_rows:
                root_name = name.strip().split(".")[0]
                packages[root_name] = packages.get(root_name, 0) + self_us
            section.table(
                "warm digest: import time by top-level package (sum of self times)",
                ["package", "ms", "share"],
                [
                    [p, round(us / 1000, 1), f"{100 * us / max(warm_total, 1):.0f}%"]
                    for p, us in sorted(packages.items(), key=lambda kv: -kv[1])[:10]
                ],
            )
            loads = [
                h
                for h in ("ctranslate2", "sentencepiece", "argostranslate", "torch")
                if any(m == h or m.startswith(h + ".") for m in warm_modules)
            ]
            section.add(
                "digest_warm_imports",
                "warm digest imports ctranslate2/sentencepiece",
                ", ".join(loads) if loads else "neither",
            )
            section.note(
                "cold run: the CLI is not monkeypatched, so it decodes 2*len+10 tokens per "
                "sentence (the model never emits </s>); it only fills the cache."
            )
        section.note(
            f"CLI: {' '.join(cli)}; run from an empty folder (no pyproject.toml or "
            ".summarize.toml to pick up); PYTHONDONTWRITEBYTECODE unset; one untimed "
            "warm-up run before the --help runs."
        )
    finally:
        shutil.rmtree(neutral, ignore_errors=True)
    return section


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--quick", action="store_true")
    parser.add_argument(
        "--file",
        type=Path,
        default=SINGLE_FILE,
        help="the file of the single-file summary and plain sumy LexRank runs",
    )
    args = parser.parse_args(argv)
    emit([run(args.quick, args.file)], args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
