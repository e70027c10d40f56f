"""Run every benchmark and print every figure.

    python benchmarks/run.py                 # everything (~10 min on 2 cores)
    python benchmarks/run.py --quick         # smaller inputs, no footprint (< 2 min once built)
    python benchmarks/run.py --only translate --only startup
    python benchmarks/run.py --json > figures.json

Sections: model, translate, startup, scale, profile, footprint. Needs only
the project installed with ``pip install -e ".[dev]"``; no network except
the footprint section (``pip install``), which is skipped with a clear line
when pip fails, and with ``--skip-footprint``/``--quick``.
"""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from common import Contention, Section, emit, header_text, log, machine_header  # noqa: E402

SECTIONS = ("model", "startup", "translate", "scale", "profile", "footprint")


def model_section(quick: bool) -> Section:
    import benchmodel

    section = Section("model", "Benchmark model")
    model = benchmodel.ensure_built(log=log)
    info = model.describe()
    section.add(
        "shape",
        "shape",
        f"{info['layers']} layers, d_model {info['d_model']}, "
        f"{info['heads']} heads, FFN {info['ffn']}",
    )
    section.add("vocab", "vocabulary (SentencePiece BPE)", info["vocab"], "pieces")
    section.add("learned", "of which learned on the samples", info["learned_pieces"], "pieces")
    section.add("dummy", "of which dummy control pieces (padding)", info["dummy_pieces"], "pieces")
    section.add("model_bin_mb", "model.bin (int8)", round(info["model_bin_bytes"] / 1e6, 1), "MB")
    section.add("package_mb", ".argosmodel", round(info["package_bytes"] / 1e6, 1), "MB")
    section.add(
        "build_s", "build time (0 = reused from benchmarks/_build)", info["built_seconds"], "s"
    )
    section.note(
        "random weights (seed fixed); output bias -1e4 on </s>, <s>, <unk> and the dummy "
        "pieces, so every hypothesis runs to max_decoding_length; see benchmodel.py."
    )
    return section


def _load(name: str):
    import importlib

    return importlib.import_module(f"bench_{name}")


def run_section(name: str, args: argparse.Namespace) -> Section:
    if name == "model":
        return model_section(args.quick)
    if name == "translate":
        return _load("translate").run(args.quick, args.length, args.repeats)
    if name == "startup":
        return _load("startup").run(args.quick)
    if name == "scale":
        sizes = tuple(int(s) for s in args.sizes.split(",")) if args.sizes else None
        return _load("scale").run(args.quick, sizes, args.max_run_seconds)
    if name == "profile":
        return _load("profile").run(args.quick, args.profile_budget)
    if name == "footprint":
        return _load("footprint").run(args.quick)
    raise ValueError(name)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run the summarize benchmarks.")
    parser.add_argument(
        "--quick",
        action="store_true",
        help="2 sample articles for translation, corpora of 100/200 docs, "
        "profile on 100 docs, no footprint",
    )
    parser.add_argument(
        "--only",
        action="append",
        default=[],
        metavar="NAME",
        help=f"run only these sections (repeat or comma-separate): {', '.join(SECTIONS)}",
    )
    parser.add_argument(
        "--skip", action="append", default=[], metavar="NAME", help="leave out these sections"
    )
    parser.add_argument(
        "--skip-footprint",
        action="store_true",
        help="do not create a venv / pip install (needs PyPI)",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON document")
    parser.add_argument(
        "--length",
        type=int,
        default=32,
        help="tokens decoded per sentence in the translation benchmark",
    )
    parser.add_argument(
        "--repeats",
        type=int,
        default=1,
        help="translation: best of R runs per contender (default 1)",
    )
    parser.add_argument(
        "--sizes", help="scale corpora, comma-separated (default 100,1000,2000,5000)"
    )
    parser.add_argument(
        "--max-run-seconds",
        type=float,
        default=180.0,
        help="stop a scale run after this long (default 180)",
    )
    parser.add_argument(
        "--profile-budget",
        type=float,
        default=90.0,
        help="stop a profiled run after this long (default 90)",
    )
    args = parser.parse_args(argv)

    only = [n for item in args.only for n in item.split(",") if n]
    skip = [n for item in args.skip for n in item.split(",") if n]
    for name in only + skip:
        if name not in SECTIONS:
            parser.error(f"unknown section {name!r}; choose from {', '.join(SECTIONS)}")
    names = [n for n in SECTIONS if (not only or n in only) and n not in skip]

    header = machine_header()
    if not args.json:
        print(header_text(header), flush=True)
    sections: list[Section] = []
    failed = 0
    started = time.perf_counter()
    for name in names:
        quick_skip = args.quick and "footprint" not in only
        if name == "footprint" and (args.skip_footprint or quick_skip):
            section = Section("footprint", "Footprint of a fresh `pip install .` venv")
            section.skipped = (
                "--skip-footprint"
                if args.skip_footprint
                else "--quick (run with --only footprint to measure it)"
            )
        else:
            loadavg = Path("/proc/loadavg")
            load = loadavg.read_text().split()[0] if loadavg.exists() else "?"
            t0 = time.perf_counter()
            contention = Contention()
            try:
                section = run_section(name, args)
            except Exception as exc:  # report and go on with the other sections
                failed += 1
                section = Section(name, name)
                section.skipped = f"FAILED: {type(exc).__name__}: {exc}"
                traceback.print_exc(file=sys.stderr)
            section.note(
                f"section took {time.perf_counter() - t0:.0f} s; 1-min load average at "
                f"its start {load}; {contention.summary()}"
            )
        sections.append(section)
        if not args.json:
            print()
            print(section.text(), flush=True)
    total = time.perf_counter() - started
    if args.json:
        header["total_seconds"] = round(total, 1)
        emit(sections, True, header)
    else:
        print(f"\ntotal: {total:.0f} s")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
