"""A broken package never replaces a working one, and a broken folder never crashes anything.

Each case builds a variant of the real copy package (tests/copymodel.py) that
unpacks fine but cannot be used, installs it over the working copy model
through `summarize models install`, and checks the refusal is one line with
exit code 3 and that the working model still translates afterwards.
"""

from __future__ import annotations

import json
import os
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from summarize.translation import models, probe
from summarize.translation.translator import ArgosTranslator

Entries = list[tuple[str, bytes]]
SENTENCE = "Der Stadtrat tagt am Montag im Rathaus."


def entries_of(package: Path) -> Entries:
    with zipfile.ZipFile(package) as zf:
        return [(i.filename, zf.read(i)) for i in zf.infolist()]


def write_zip(path: Path, entries: Entries) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        for name, data in entries:
            zf.writestr(zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0)), data)
    return path


def replaced(suffix: str, make: Callable[[bytes], bytes]) -> Callable[[Entries], Entries]:
    return lambda entries: [(n, make(d) if n.endswith(suffix) else d) for n, d in entries]


def metadata_text(make: Callable[[dict[str, object]], str]) -> Callable[[Entries], Entries]:
    def change(entries: Entries) -> Entries:
        out = []
        for name, data in entries:
            if name.endswith("/metadata.json"):
                data = make(json.loads(data)).encode()
            out.append((name, data))
        return out

    return change


def deep_nesting(meta: dict[str, object]) -> str:
    text = json.dumps(meta)
    return text[:-1] + ', "x": ' + "[" * 200_000 + "]" * 200_000 + "}"


def huge_version(meta: dict[str, object]) -> str:
    return json.dumps({**meta, "package_version": "1" * 5000})


BROKEN: dict[str, tuple[Callable[[Entries], Entries], str]] = {
    "random model.bin": (
        replaced("/model/model.bin", lambda d: os.urandom(len(d))),
        "the model cannot translate",
    ),
    "empty model.bin": (replaced("/model/model.bin", lambda d: b""), "the model cannot translate"),
    "truncated model.bin": (
        replaced("/model/model.bin", lambda d: d[: len(d) // 2]),
        "the model cannot translate",
    ),
    "corrupt config.json": (
        replaced("/model/config.json", lambda d: b'{"add_source_eos": tr'),
        "the model cannot translate",
    ),
    "corrupt tokenizer": (
        replaced("/sentencepiece.model", lambda d: os.urandom(len(d))),
        "the model cannot translate",
    ),
    "truncated tokenizer": (
        replaced("/sentencepiece.model", lambda d: d[: len(d) // 3]),
        "the model cannot translate",
    ),
    "5,000-digit version": (
        metadata_text(huge_version),
        "package_version is longer than 32 characters",
    ),
    "metadata nested 200,000 deep": (
        metadata_text(deep_nesting),
        "metadata.json nests deeper than 32 levels",
    ),
    "from_name not a string": (
        metadata_text(lambda m: json.dumps({**m, "from_name": 7})),
        "from_name must be a string",
    ),
    "links not a list": (
        metadata_text(lambda m: json.dumps({**m, "links": "http://x"})),
        "links must be a list",
    ),
}


def translate_copy(text: str = SENTENCE) -> str:
    return ArgosTranslator().translate([text], "de", "en")[0]


@pytest.mark.parametrize("case", list(BROKEN))
def test_broken_package_refused_over_working_one(
    case: str, cli, install_copy, copy_packages, tmp_path: Path
) -> None:
    install_copy()
    (working,) = models.installed_models()
    build, reason = BROKEN[case]
    bad = write_zip(tmp_path / "bad.argosmodel", build(entries_of(copy_packages[("de", "en")])))

    result = cli("models", "install", bad)

    assert result.exit_code == 3
    assert result.stderr.startswith(f"summarize: error: {bad}: refused: ")
    assert reason in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert models.installed_models() == [working]
    assert translate_copy() == SENTENCE
    # Nothing left behind, beside or inside the packages folder.
    root = models.packages_dir()
    assert sorted(p.name for p in root.iterdir()) == [working.path.name]
    assert not (root.parent / ".summarize-staging").exists()


def test_probe_time_limit(install_copy, copy_packages, monkeypatch: pytest.MonkeyPatch) -> None:
    from summarize.errors import PackageError
    from summarize.translation import install

    install_copy()
    monkeypatch.setattr(probe, "PROBE_TIMEOUT", 0.001)
    with pytest.raises(PackageError, match="did not translate a test sentence within 0.001 s"):
        install.install_package_file(copy_packages[("de", "en")])
    assert translate_copy() == SENTENCE


def test_probe_uses_the_projects_translator(
    install_copy, copy_packages, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The child process imports this checkout's summarize (not a `summarize`
    # folder in the working directory) and runs its ArgosTranslator.
    decoy = tmp_path / "cwd" / "summarize"
    decoy.mkdir(parents=True)
    (decoy / "__init__.py").write_text("raise SystemExit('decoy imported')\n")
    monkeypatch.chdir(decoy.parent)
    install_copy()
    text = probe.PROBE_SENTENCES["de"]
    assert probe.probe(models.packages_dir(), "de", "en", []) == text


# ---------------------------------------------------------------- broken folders already installed


def _broken_folders(root: Path, working: Path) -> dict[str, Path]:
    """Folders a user or another tool may leave in the packages folder."""
    meta = json.loads((working / "metadata.json").read_text())
    made = {}
    for name, text in {
        "deep": deep_nesting(meta),
        "huge-version": huge_version(meta),
        "not-json": "{oops",
    }.items():
        folder = root / name
        folder.mkdir()
        (folder / "metadata.json").write_text(text)
        made[name] = folder
    (root / "no-metadata").mkdir()
    made["no-metadata"] = root / "no-metadata"
    return made


def test_broken_folders_are_listed_and_never_crash(cli, install_copy, samples) -> None:
    install_copy()
    (working,) = models.installed_models()
    root = models.packages_dir()
    broken = _broken_folders(root, working.path)

    listed = cli("models", "list")
    assert listed.exit_code == 0
    lines = listed.stdout.splitlines()
    assert lines[0].startswith("de->en\t1.0\t")
    assert sorted(line.split("\t")[0] for line in lines[1:]) == ["?->?", "?->?", "?->?", "de->en"]
    assert all(line.split("\t")[1] == "broken" for line in lines[1:])
    assert f"{broken['deep']} (metadata.json nests deeper than 32 levels)" in listed.stdout
    assert "package_version is longer than 32 characters" in listed.stdout
    assert "missing metadata.json" in listed.stdout
    assert listed.stderr.count("broken package") == 4 and "Traceback" not in listed.stderr

    as_json = json.loads(cli("models", "list", "-f", "json").stdout)
    assert [row["broken"] is None for row in as_json] == [True, False, False, False, False]

    # A run still translates with the working model.
    article = samples / "002_4217d0613af48abc.txt"
    run = cli("translate", article, "--to", "en", "--format", "json")
    assert run.exit_code == 0, run.stderr

    # `remove de en` removes the working model and the broken one that names de->en.
    removed = cli("models", "remove", "de", "en")
    assert removed.exit_code == 0, removed.stderr
    assert not working.path.exists() and not broken["huge-version"].exists()
    assert broken["deep"].exists()  # its pair cannot be read: the user deletes it


def test_reinstall_replaces_a_broken_package_of_the_pair(cli, install_copy) -> None:
    install_copy()
    (working,) = models.installed_models()
    broken = _broken_folders(models.packages_dir(), working.path)["huge-version"]
    install_copy()
    assert not broken.exists()
    assert translate_copy() == SENTENCE


@pytest.mark.parametrize("damaged", ["model/model.bin", "sentencepiece.model"])
def test_a_package_damaged_after_install_is_one_line_not_a_traceback(
    damaged: str, cli, install_copy, samples
) -> None:
    # Our installer proves a package; one damaged later (by hand, by another
    # tool, by a bad disk) still reads as a package and fails only when loaded.
    install_copy()
    (working,) = models.installed_models()
    target = working.path / damaged
    target.write_bytes(os.urandom(max(64, target.stat().st_size // 4)))

    run = cli("translate", samples / "002_4217d0613af48abc.txt", "--to", "en", "--no-cache")

    assert run.exit_code == 3
    assert run.stdout == ""
    assert run.stderr.count("\n") == 1 and "Traceback" not in run.stderr
    assert f"the de->en model in {working.path} cannot be loaded" in run.stderr
    assert "reinstall it: summarize models install de en" in run.stderr
