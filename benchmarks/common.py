"""Shared helpers: measured subprocesses, the report format, paths and the environment."""

from __future__ import annotations

import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parent
BUILD_DIR = HERE / "_build"
SAMPLES = REPO_ROOT / "samples"

if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))


def translation_module():
    """The module holding ArgosTranslator (``summarize.translation.translator``)."""
    import importlib

    return importlib.import_module("summarize.translation.translator")


# ---------------------------------------------------------------- processes


@dataclass
class Measured:
    """One child process: wall time, peak RSS of that child alone, exit code, output."""

    wall: float  # seconds
    maxrss_mb: float  # MiB (ru_maxrss of this child, from wait4)
    cpu: float  # seconds of user + system CPU time of this child
    returncode: int
    stdout: str
    stderr: str
    killed: str | None = None  # "time limit" or "memory limit" when we stopped it

    def check(self, what: str) -> Measured:
        if self.killed:
            raise RuntimeError(f"{what} was stopped: {self.killed}")
        if self.returncode != 0:
            tail = "\n".join(self.stderr.strip().splitlines()[-15:])
            raise RuntimeError(f"{what} failed with exit code {self.returncode}:\n{tail}")
        return self


def _status_mb(pid: int | str, field: str) -> float:
    """A memory field of /proc/PID/status (VmRSS, VmHWM) in MiB; 0 when unavailable."""
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) / 1024.0
    except (OSError, ValueError):
        pass
    return 0.0


def run_measured(
    cmd: list[str],
    *,
    env: dict[str, str] | None = None,
    cwd: Path | str | None = None,
    stdin: str | None = None,
    timeout: float | None = None,
    rss_limit_mb: float | None = None,
    capture_stdout: bool = True,
) -> Measured:
    """Run ``cmd``; measure wall time and the peak RSS of exactly this child.

    Peak RSS: Linux seeds a child's ``ru_maxrss`` with the parent's high-water
    mark at fork/exec time, so ``wait4`` alone would report at least this
    process's own peak. When ``ru_maxrss`` is above our own peak it is the
    child's; otherwise we use the child's VmHWM, polled from /proc every 5 ms
    while it runs (its high-water mark only grows, so the last reading is
    right unless the peak came in the last few ms).

    With ``timeout`` (seconds) or ``rss_limit_mb`` the child is killed when it
    goes over, and ``killed`` says which limit it hit.
    """
    own_peak = _status_mb("self", "VmHWM")
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen(
            cmd,
            env=env,
            cwd=cwd,
            stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
            stdout=out if capture_stdout else subprocess.DEVNULL,
            stderr=err,
        )
        if stdin is not None:
            assert proc.stdin is not None
            proc.stdin.write(stdin.encode())
            proc.stdin.close()
        killed = None
        polled_peak = 0.0
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            polled_peak = max(polled_peak, _status_mb(proc.pid, "VmHWM"))
            if timeout is not None and time.perf_counter() - started > timeout:
                killed = f"time limit ({timeout:g} s)"
            elif rss_limit_mb is not None and _status_mb(proc.pid, "VmRSS") > rss_limit_mb:
                killed = f"memory limit ({rss_limit_mb:.0f} MiB)"
            if killed:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.005)
        wall = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        maxrss = usage.ru_maxrss / 1024.0  # Linux: KiB
        if maxrss <= own_peak + 1.0 and polled_peak > 0:
            maxrss = polled_peak
        out.seek(0)
        err.seek(0)
        return Measured(
            wall=wall,
            maxrss_mb=maxrss,
            cpu=usage.ru_utime + usage.ru_stime,
            returncode=proc.returncode,
            stdout=out.read().decode("utf-8", "replace"),
            stderr=err.read().decode("utf-8", "replace"),
            killed=killed,
        )


def summarize_command() -> list[str]:
    """The installed CLI: ``summarize`` next to this Python, on PATH, or ``python -m summarize``."""
    beside = Path(sys.executable).parent / "summarize"
    if beside.is_file():
        return [str(beside)]
    found = shutil.which("summarize")
    if found:
        return [found]
    return [sys.executable, "-m", "summarize"]


def child_env(**overrides: str | None) -> dict[str, str]:
    """os.environ plus overrides (None removes a variable)."""
    env = dict(os.environ)
    for key, value in overrides.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env


def median(values: list[float]) -> float:
    return statistics.median(values)


# ---------------------------------------------------------------- report


@dataclass
class Figure:
    key: str
    label: str
    value: Any
    unit: str = ""
    target: str | None = None  # e.g. "<= 0.25 s"
    met: bool | None = None

    def as_dict(self) -> dict[str, Any]:
        out = {"key": self.key, "label": self.label, "value": self.value, "unit": self.unit}
        if self.target is not None:
            out["target"] = self.target
            out["met"] = self.met
        return out


@dataclass
class Section:
    name: str
    title: str
    figures: list[Figure] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    tables: list[tuple[str, list[str], list[list[Any]]]] = field(default_factory=list)
    skipped: str | None = None

    def add(
        self,
        key: str,
        label: str,
        value: Any,
        unit: str = "",
        *,
        target: str | None = None,
        met: bool | None = None,
    ) -> Figure:
        fig = Figure(key, label, value, unit, target, met)
        self.figures.append(fig)
        return fig

    def note(self, text: str) -> None:
        self.notes.append(text)

    def table(self, title: str, header: list[str], rows: list[list[Any]]) -> None:
        self.tables.append((title, header, rows))

    def as_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "skipped": self.skipped,
            "figures": {f.key: f.as_dict() for f in self.figures},
            "notes": self.notes,
            "tables": [{"title": t, "header": h, "rows": r} for t, h, r in self.tables],
        }

    def text(self) -> str:
        lines = [f"== {self.title} =="]
        if self.skipped:
            lines.append(f"  SKIPPED: {self.skipped}")
        width = max((len(f.label) for f in self.figures), default=0)
        for f in self.figures:
            value = _fmt(f.value)
            line = f"  {f.label.ljust(width)}  {value} {f.unit}".rstrip()
            if f.target is not None:
                verdict = "met" if f.met else "MISSED"
                line += f"   [target {f.target}: {verdict}]"
            lines.append(line)
        for title, header, rows in self.tables:
            lines.append(f"  {title}:")
            cells = [header] + [[_fmt(c) for c in row] for row in rows]
            widths = [max(len(str(r[i])) for r in cells) for i in range(len(header))]
            for row in cells:
                cells_text = (str(c).rjust(w) for c, w in zip(row, widths, strict=False))
                lines.append("    " + "  ".join(cells_text))
        for n in self.notes:
            first, *rest = n.splitlines() or [""]
            lines.append(f"  note: {first}")
            lines.extend(f"        {r}" for r in rest)
        return "\n".join(lines)


def _fmt(value: Any) -> str:
    if isinstance(value, float):
        if value == 0:
            return "0"
        if abs(value) >= 100:
            return f"{value:,.0f}"
        if abs(value) >= 10:
            return f"{value:.1f}"
        if abs(value) >= 0.01:
            return f"{value:.3f}".rstrip("0").rstrip(".") if abs(value) < 1 else f"{value:.2f}"
        return f"{value:.2g}"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return str(value)


def machine_header() -> dict[str, Any]:
    date = subprocess.run(["date", "-u"], capture_output=True, text=True).stdout.strip()
    nproc = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip()
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        mem_kb = next(
            int(line.split()[1])
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        )
        mem = f"{mem_kb / 1024**2:.1f} GiB"
    except (OSError, StopIteration, ValueError):
        mem = "unknown"
    try:
        load = Path("/proc/loadavg").read_text().split()[:3]
    except OSError:
        load = []
    import ctranslate2
    import numpy

    try:
        commit = subprocess.run(
            ["git", "-C", str(REPO_ROOT), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(REPO_ROOT), "status", "--porcelain", "--", "summarize"],
            capture_output=True,
            text=True,
        ).stdout.strip()
        if commit and dirty:
            commit += " (summarize/ has uncommitted changes)"
    except OSError:
        commit = "unknown"
    return {
        "date": date,
        "nproc": nproc,
        "cpu": cpu,
        "memory": mem,
        "loadavg_at_start": " ".join(load),
        "python": platform.python_version(),
        "ctranslate2": ctranslate2.__version__,
        "numpy": numpy.__version__,
        "commit": commit,
    }


def header_text(h: dict[str, Any]) -> str:
    return (
        f"summarize benchmarks  {h['date']}\n"
        f"machine: {h['nproc']} cores, {h['cpu']}, {h['memory']} RAM, "
        f"load average at start {h['loadavg_at_start']}\n"
        f"python {h['python']}, ctranslate2 {h['ctranslate2']}, numpy {h['numpy']}, "
        f"commit {h['commit']}"
    )


def emit(sections: list[Section], as_json: bool, header: dict[str, Any] | None = None) -> None:
    header = header or machine_header()
    if as_json:
        print(
            json.dumps(
                {"header": header, "sections": {s.name: s.as_dict() for s in sections}},
                indent=2,
                ensure_ascii=False,
            )
        )
    else:
        print(header_text(header))
        for s in sections:
            print()
            print(s.text())


class Contention:
    """CPU time other processes used while we measured (from /proc/stat minus our own)."""

    def __init__(self) -> None:
        self.busy0, self.own0, self.t0 = self._busy(), self._own(), time.perf_counter()

    @staticmethod
    def _busy() -> float:
        try:
            fields = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
            user, nice, system, _idle, _iowait, irq, softirq, steal = map(int, fields[:8])
            return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")
        except (OSError, ValueError, IndexError):
            return float("nan")

    @staticmethod
    def _own() -> float:
        import resource

        total = 0.0
        for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
            usage = resource.getrusage(who)
            total += usage.ru_utime + usage.ru_stime
        return total

    def summary(self) -> str:
        wall = time.perf_counter() - self.t0
        other = max(0.0, (self._busy() - self.busy0) - (self._own() - self.own0))
        cores = os.cpu_count() or 1
        return (
            f"other processes used {other:.0f} CPU-s during it "
            f"({100 * other / max(wall * cores, 1e-9):.0f}% of the machine's {cores} cores)"
        )


def log(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)
