"""The CLI at a real terminal: stderr (and sometimes stdout) a pseudo-terminal.

Progress bars appear only when stderr is a terminal, so only these tests see
what a user sees: data that must still reach a pipe or a file while bars are
drawn, bars that leave the screen before the data, article text that must not
drive the terminal. Each command runs as a subprocess on a pty sized 80x24.
Bars are deterministic: a run over two or more files always draws the
"articles" bar, and a run that decodes (``--no-cache`` with the copy model)
always draws the "translating" bar; nothing here depends on timing.
"""

from __future__ import annotations

import fcntl
import os
import re
import struct
import subprocess
import sys
import termios
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import SAMPLE_FILES, SAMPLES

WIDTH, HEIGHT = 80, 24
# Variables that would change how rich sees the terminal.
_TERMINAL_OVERRIDES = (
    "COLUMNS",
    "LINES",
    "NO_COLOR",
    "FORCE_COLOR",
    "TTY_COMPATIBLE",
    "TTY_INTERACTIVE",
    "PRE_COMMIT",
)
BAR = "━"  # the glyph rich draws progress bars with


@dataclass
class Run:
    code: int
    stdout: bytes  # what reached the pipe or the file ("" when stdout is the terminal)
    terminal: bytes  # every byte the terminal received

    @property
    def screen(self) -> list[str]:
        return Screen(WIDTH).feed(self.terminal.decode("utf-8", "replace"))


def run_at_terminal(args, cwd: Path, stdout: str = "pipe") -> Run:
    """Run ``summarize ARGS`` with stderr on a pty; stdout a pipe, a file or the pty too."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", HEIGHT, WIDTH, 0, 0))
    env = {k: v for k, v in os.environ.items() if k not in _TERMINAL_OVERRIDES}
    env["TERM"] = "xterm-256color"
    out_file = cwd / "stdout.bin"
    if stdout == "pipe":
        target = subprocess.PIPE
    elif stdout == "file":
        target = open(out_file, "wb")  # noqa: SIM115 - closed below
    else:
        target = slave
    received = bytearray()

    def drain() -> None:  # the pty buffer is small: read while the command runs
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: every writer has closed the terminal
                return
            if not chunk:
                return
            received.extend(chunk)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    try:
        proc = subprocess.Popen(
            [sys.executable, "-m", "summarize", *map(str, args)],
            stdin=subprocess.DEVNULL,
            stdout=target,
            stderr=slave,
            cwd=cwd,
            env=env,
        )
    finally:
        os.close(slave)
        if stdout == "file":
            target.close()  # type: ignore[union-attr]
    data = proc.stdout.read() if proc.stdout else b""
    code = proc.wait(timeout=600)
    reader.join(timeout=60)
    os.close(master)
    if stdout == "file":
        data = out_file.read_bytes()
    return Run(code, data, bytes(received))


class Screen:
    """Just enough of a VT100 to know what stays on screen: text, CR, LF, wrap,
    cursor up/down/column, erase in line. Colours are dropped; anything that
    would clear the screen or set the title is recorded in ``alien``."""

    def __init__(self, width: int) -> None:
        self.width = width
        self.lines: list[list[str]] = [[]]
        self.row = self.col = 0
        self.pending_wrap = False
        self.alien: list[str] = []

    def feed(self, text: str) -> list[str]:
        pattern = re.compile(
            r"\x1b\[([?0-9;]*)([A-Za-z])|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|.", re.S
        )
        for match in pattern.finditer(text):
            token = match.group()
            if match.group(2):
                self._csi(match.group(1), match.group(2))
            elif token.startswith("\x1b]"):
                self.alien.append(token)
            elif token == "\r":
                self.col, self.pending_wrap = 0, False
            elif token == "\n":
                self._down()
            elif token in "\x07\x0e\x0f":
                continue
            elif token == "\x1b" or ord(token) < 0x20:
                self.alien.append(token)
            else:
                self._put(token)
        return ["".join(line).rstrip() for line in self.lines]

    def _down(self) -> None:
        self.row += 1
        self.pending_wrap = False
        while len(self.lines) <= self.row:
            self.lines.append([])

    def _put(self, char: str) -> None:
        if self.pending_wrap:
            self.col = 0
            self._down()
        line = self.lines[self.row]
        line.extend(" " * (self.col + 1 - len(line)))
        line[self.col] = char
        if self.col == self.width - 1:
            self.pending_wrap = True
        else:
            self.col += 1

    def _csi(self, params: str, final: str) -> None:
        if params.startswith("?") and final in "hl":
            return  # cursor shown or hidden
        n = int(params.split(";")[0] or 1) if params[:1] != "?" else 1
        line = self.lines[self.row]
        self.pending_wrap = False
        if final == "m":
            return
        if final == "A":
            self.row = max(0, self.row - n)
        elif final == "B":
            for _ in range(n):
                self._down()
        elif final == "G":
            self.col = n - 1
        elif final == "K":
            mode = int(params or 0)
            if mode == 2:
                line.clear()
            elif mode == 0:
                del line[self.col :]
            else:
                line[: self.col + 1] = [" "] * min(len(line), self.col + 1)
        else:
            self.alien.append(f"\x1b[{params}{final}")


@pytest.fixture
def copy_model(install_copy):
    install_copy("de", "en")


def in_process(cli, args) -> bytes:
    """The bytes the same command writes when no terminal is involved."""
    result = cli(*args)
    assert result.exit_code == 0, result.stderr
    return result.stdout_bytes


# --- item 1: stdout reaches the pipe or the file while bars are drawn -------------------------


CASES = {
    # summary of several files: the "articles" bar, output written at the end
    "summary-json": (["summary", SAMPLES, "--to", "de", "--format", "json"], ["articles"]),
    "summary-text": (["summary", SAMPLES, "--to", "de"], ["articles"]),
    # jsonl streams each article while the bar is on screen
    "summary-jsonl": (["summary", SAMPLES, "--to", "de", "--format", "jsonl"], ["articles"]),
    # translating: both bars
    "translate-folder": (
        ["translate", SAMPLES, "--to", "en", "--format", "json", "--no-cache"],
        ["articles", "translating"],
    ),
    "digest-translating": (
        ["digest", SAMPLES, "--to", "en", "--format", "md", "--no-cache"],
        ["articles", "translating"],
    ),
}


@pytest.mark.parametrize("stdout", ["pipe", "file"])
@pytest.mark.parametrize("case", sorted(CASES))
def test_data_reaches_stdout_while_progress_is_shown(case, stdout, tmp_path, cli, copy_model):
    args, bars = CASES[case]
    run = run_at_terminal(args, tmp_path, stdout=stdout)
    assert run.code == 0, run.terminal.decode(errors="replace")
    terminal = run.terminal.decode("utf-8", "replace")
    for label in bars:  # the bars really were drawn on the terminal
        assert f"{label} " in terminal and BAR in terminal, label
    assert run.stdout == in_process(cli, args)
    assert b"\x1b" not in run.stdout
    # ... and none of the data went to the terminal instead
    assert SAMPLE_FILES[0].name not in terminal
    assert "Traceback" not in terminal
    # transient bars: nothing left on the screen but blank lines
    assert not any(line.strip() for line in run.screen)


def test_warnings_go_to_the_terminal_and_data_to_the_pipe(tmp_path, cli):
    folder = tmp_path / "in"
    folder.mkdir()
    for sample in SAMPLE_FILES[:2]:
        (folder / sample.name).write_bytes(sample.read_bytes())
    (folder / "empty.txt").write_bytes(b"")
    args = ["summary", folder, "--to", "de", "--format", "jsonl"]
    run = run_at_terminal(args, tmp_path)
    assert run.code == 0
    assert run.stdout == in_process(cli, args)
    # one line, wrapped at the terminal's width; the bar has gone
    assert "".join(run.screen) == f"summarize: warning: {folder / 'empty.txt'}: empty, skipped"


# --- item 10: the terminal itself ------------------------------------------------------------


def test_summary_at_a_terminal_leaves_no_bar_behind(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for sample in SAMPLE_FILES[:2]:
        (folder / sample.name).write_bytes(sample.read_bytes())
    run = run_at_terminal(["summary", folder, "--to", "de"], tmp_path, stdout="terminal")
    assert run.code == 0
    assert "articles " in run.terminal.decode()  # a bar was drawn ...
    screen = run.screen
    assert not any(BAR in line or "articles" in line for line in screen)  # ... and is gone
    title = SAMPLE_FILES[0].read_text(encoding="utf-8").splitlines()[0].strip()
    assert screen[0] == title[:WIDTH].rstrip() or title.startswith(screen[0])
    assert screen[1].startswith(title[len(screen[0]) :].strip()[:10]) or screen[1].startswith(
        str(folder)
    )
    # every line fits, and a wrapped bullet continues under its text
    assert all(len(line) <= WIDTH for line in screen)
    bullets = [i for i, line in enumerate(screen) if line.startswith("  • ")]
    assert len(bullets) == 10
    for i in bullets:
        j = i + 1
        while j < len(screen) and screen[j] and not screen[j].startswith("  • "):
            assert screen[j].startswith("    ") and screen[j][4] != " ", screen[j]
            j += 1


HOSTILE_ARTICLE = (
    "Regierung beschließt Haushalt\x1b[2J\n"
    "\n"
    "Die Regierung hat am Montag \x1b[2J\x1b[H den neuen Haushalt für das kommende Jahr "
    "beschlossen.\x1b]0;pwned\x07 Der Finanzminister sprach von einem schwierigen Kompromiss "
    "zwischen den Ländern.\n"
    "Die Opposition kritisierte die geplanten Kürzungen bei der Bildung\x9b2J und kündigte "
    "Widerstand im Parlament an.\n"
)


@pytest.mark.parametrize("command", ["summary", "translate", "digest", "inspect"])
def test_escape_sequences_in_articles_never_reach_the_terminal(command, tmp_path):
    article = tmp_path / "evil\x1b]0;name\x07.txt"
    article.write_text(HOSTILE_ARTICLE, encoding="utf-8")
    extra = [] if command == "inspect" else ["--to", "de"]
    for stdout in ("terminal", "pipe"):
        run = run_at_terminal([command, article, *extra], tmp_path, stdout=stdout)
        assert run.code == 0, run.terminal
        assert "Haushalt" in (run.stdout + run.terminal).decode("utf-8")
        for data in (run.stdout, run.terminal):
            text = data.decode("utf-8")
            assert "\x1b[2J" not in text and "\x1b]" not in text and "\x9b" not in text
            assert "\x07" not in text and "\x1b[H" not in text
        screen = Screen(WIDTH)
        screen.feed(run.terminal.decode("utf-8"))
        assert screen.alien == []
