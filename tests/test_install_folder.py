"""Bring your own CTranslate2 model: `summarize models install DIR --from de --to en`.

The folders are the copy model (tests/copymodel.py) laid out as users get
them: one shared SentencePiece model, or source.spm and target.spm as
OPUS-MT ships them. Each install must give a plain Argos package that
argostranslate lists and our translator translates exactly.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import copymodel
import pytest

from summarize.translation import models
from summarize.translation.translator import ArgosTranslator

SENTENCE = "Im Hafen liegen drei Schiffe vor Anker."


def argos_listing() -> list[tuple[str, str, str]]:
    from argostranslate.package import get_installed_packages

    return sorted(
        (p.from_code, p.to_code, p.package_path.name)
        for p in get_installed_packages([models.packages_dir()])
    )


@pytest.mark.parametrize("layout", ["shared", "separate"])
def test_install_ctranslate2_folder(cli, tmp_path: Path, layout: str) -> None:
    folder = copymodel.build_model_folder(tmp_path / "my-model", layout)
    (folder / "README.txt").write_text("not copied\n")

    result = cli("models", "install", folder, "--from", "de", "--to", "en")

    assert result.exit_code == 0, result.stderr
    (model,) = models.installed_models()
    assert model.path.name == "translate-de_en-my-model"
    assert (model.source, model.target, model.version) == ("de", "en", "1.0")
    assert result.stderr == f"installed de->en 1.0 in {model.path}\n"
    files = sorted(str(p.relative_to(model.path)) for p in model.path.rglob("*") if p.is_file())
    expected = ["metadata.json", "model/config.json", "model/model.bin"]
    expected += ["model/shared_vocabulary.json", "sentencepiece.model"]
    if layout == "separate":
        expected.append(models.TARGET_TOKENIZER_NAME)
        target = (folder / "target.spm").read_bytes()
        assert (model.path / models.TARGET_TOKENIZER_NAME).read_bytes() == target
    assert files == sorted(expected)
    source_spm = folder / ("sentencepiece.model" if layout == "shared" else "source.spm")
    assert (model.path / "sentencepiece.model").read_bytes() == source_spm.read_bytes()
    meta = json.loads((model.path / "metadata.json").read_text())
    assert meta["from_name"] == "German" and meta["to_name"] == "English"
    assert meta["type"] == "translate"

    assert argos_listing() == [("de", "en", "translate-de_en-my-model")]
    assert ArgosTranslator().translate([SENTENCE], "de", "en") == [SENTENCE]


def test_folder_with_symlinked_files(cli, tmp_path: Path) -> None:
    # A Hugging Face snapshot: every file is a link into the blob cache.
    real = copymodel.build_model_folder(tmp_path / "blobs", "separate")
    snapshot = tmp_path / "snapshot"
    snapshot.mkdir()
    for path in real.iterdir():
        os.symlink(path, snapshot / path.name)
    result = cli("models", "install", snapshot, "--from", "de", "--to", "en")
    assert result.exit_code == 0, result.stderr
    (model,) = models.installed_models()
    assert not any(p.is_symlink() for p in model.path.rglob("*"))
    assert ArgosTranslator().translate([SENTENCE], "de", "en") == [SENTENCE]


def test_unpacked_argos_package_folder(cli, install_copy, tmp_path: Path) -> None:
    install_copy()
    (model,) = models.installed_models()
    import shutil

    copy = shutil.copytree(model.path, tmp_path / "unpacked")
    assert cli("models", "remove", "de", "en").exit_code == 0
    result = cli("models", "install", copy)
    assert result.exit_code == 0, result.stderr
    assert [m.fingerprint for m in models.installed_models()] == [model.fingerprint]


def test_broken_folder_refused_over_working_model(cli, install_copy, tmp_path: Path) -> None:
    install_copy()
    (working,) = models.installed_models()
    folder = copymodel.build_model_folder(tmp_path / "broken", "separate")
    data = (folder / "model.bin").read_bytes()
    (folder / "model.bin").write_bytes(data[: len(data) // 2])

    result = cli("models", "install", folder, "--from", "de", "--to", "en")

    assert result.exit_code == 3
    assert result.stderr.startswith(f"summarize: error: {folder}: refused: the model cannot ")
    assert result.stderr.count("\n") == 1
    assert models.installed_models() == [working]
    assert ArgosTranslator().translate([SENTENCE], "de", "en") == [SENTENCE]


@pytest.mark.parametrize(
    ("remove", "reason"),
    [
        (["sentencepiece.model"], "no SentencePiece model: expected source.spm and target.spm"),
        (["model.bin"], "not a CTranslate2 model folder (no model.bin)"),
        (["shared_vocabulary.json"], "no vocabulary (shared_vocabulary.json"),
    ],
)
def test_incomplete_folder_refused(cli, tmp_path: Path, remove: list[str], reason: str) -> None:
    folder = copymodel.build_model_folder(tmp_path / "incomplete", "shared")
    for name in remove:
        (folder / name).unlink()
    result = cli("models", "install", folder, "--from", "de", "--to", "en")
    assert result.exit_code == 3
    assert result.stderr.startswith(f"summarize: error: {folder}: refused: {reason}")
    assert result.stderr.count("\n") == 1
    assert not models.packages_dir().exists()


# ---------------------------------------------------------------- options


def test_folder_needs_languages(cli, tmp_path: Path) -> None:
    folder = copymodel.build_model_folder(tmp_path / "m", "shared")
    result = cli("models", "install", folder, "--from", "de")
    assert result.exit_code == 2
    assert "is a folder: give its languages" in result.stderr


def test_bad_language_code(cli, tmp_path: Path) -> None:
    folder = copymodel.build_model_folder(tmp_path / "m", "shared")
    result = cli("models", "install", folder, "--from", "german", "--to", "en")
    assert result.exit_code == 2
    assert "--from 'german' is not a 2-3 letter language code" in result.stderr


def test_from_to_check_a_package_file(cli, copy_packages) -> None:
    result = cli("models", "install", copy_packages[("de", "en")], "--from", "de", "--to", "fr")
    assert result.exit_code == 3
    assert "refused: package is de->en, expected de->fr" in result.stderr
    assert models.installed_models() == []
    ok = cli("models", "install", copy_packages[("de", "en")], "--from", "DE", "--to", "en")
    assert ok.exit_code == 0, ok.stderr


def test_from_to_refused_with_a_pair(cli) -> None:
    result = cli("models", "install", "de", "en", "--from", "de")
    assert result.exit_code == 2
    assert "--from and --to are for a file or folder" in result.stderr


def test_models_list_formats(cli, install_copy) -> None:
    install_copy()
    (model,) = models.installed_models()
    size = cli("models", "list").stdout.split("\t")[2]

    md = cli("models", "list", "-f", "md")
    assert md.exit_code == 0
    path = str(model.path).replace("_", "\\_")
    assert md.stdout == (
        f"| pair | version | size | path |\n|---|---|---|---|\n| de->en | 1.0 | {size} | {path} |\n"
    )
    jsonl = cli("models", "list", "-f", "jsonl")
    rows = [json.loads(line) for line in jsonl.stdout.splitlines()]
    assert rows == json.loads(cli("models", "list", "-f", "json").stdout)
    assert rows[0]["path"] == str(model.path) and rows[0]["broken"] is None
