"""Shared fixtures: hermetic directories, a fake translator, the real copy model."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

from summarize.errors import MissingModelError

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SAMPLE_FILES = sorted(SAMPLES.glob("*.txt"))


# The CLI as users start it: a separate process, this checkout's package.
SUMMARIZE = [sys.executable, "-m", "summarize"]


def run(args, timeout=600, **kwargs):
    """``summarize ARGS`` in a subprocess; ``env`` adds to this process's environment."""
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", **(kwargs.pop("env", None) or {})}
    return subprocess.run(
        [*SUMMARIZE, *map(str, args)],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        **kwargs,
    )


@pytest.fixture(autouse=True)
def hermetic(tmp_path_factory, monkeypatch):
    """Point the cache, the Argos package dir and every user dir at tmp paths."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(home / "argos-packages"))
    monkeypatch.setenv("SUMMARIZE_CACHE", str(home / "cache" / "translations.sqlite3"))
    monkeypatch.delenv("PRE_COMMIT", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    return home


class FakeTranslator:
    """Stands in for ArgosTranslator in tests of other stages: same interface.

    It "translates" by upper-casing and prefixing the target language, so a
    test can see which sentences went through it.
    """

    def __init__(self, pairs: Sequence[tuple[str, str]] = (("de", "en"),)) -> None:
        self.pairs = set(pairs)
        self.calls: list[tuple[str, str, list[str]]] = []

    def check(self, source: str, target: str) -> None:
        if source != target and (source, target) not in self.pairs:
            raise MissingModelError(source, target)

    def translate(self, texts, source, target):
        self.check(source, target)
        self.calls.append((source, target, list(texts)))
        return [f"[{target}] {t}" for t in texts]


@pytest.fixture
def fake_translator():
    return FakeTranslator()


@pytest.fixture
def samples(tmp_path):
    """A copy of the samples folder, so tests may write next to it."""
    target = tmp_path / "samples"
    shutil.copytree(SAMPLES, target)
    return target


def pytest_addoption(parser):
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="Rewrite the golden files in tests/golden/ from the current output.",
    )


@pytest.fixture
def golden(request):
    """Compare text with tests/golden/NAME; `pytest --update-golden` rewrites them."""
    update = request.config.getoption("--update-golden")
    folder = Path(__file__).parent / "golden"

    def check(name: str, text: str) -> None:
        path = folder / name
        if update:
            folder.mkdir(exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="")
            return
        assert path.exists(), f"missing golden file {path}; run pytest --update-golden"
        with open(path, encoding="utf-8", newline="") as handle:
            assert text == handle.read()

    return check


@pytest.fixture(scope="session")
def copy_packages(tmp_path_factory):
    """Real copy-model .argosmodel files (de->en, en->fr), built once per session."""
    import copymodel

    out = tmp_path_factory.mktemp("argosmodels")
    return {
        ("de", "en"): copymodel.build_copy_package(out, "de", "en"),
        ("en", "fr"): copymodel.build_copy_package(out, "en", "fr"),
    }


@pytest.fixture
def cli():
    """Run the CLI in-process; stdout and stderr are kept apart."""
    from typer.testing import CliRunner

    from summarize.cli import app

    runner = CliRunner()

    def run(*args, input=None):
        return runner.invoke(app, [str(a) for a in args], input=input, catch_exceptions=False)

    return run


@pytest.fixture
def install_copy(cli, copy_packages):
    """Install copy models through the project's own `summarize models install FILE`."""

    def install(source="de", target="en"):
        result = cli("models", "install", copy_packages[(source, target)])
        assert result.exit_code == 0, result.stderr
        return result

    return install
