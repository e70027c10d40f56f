"""Argos Translate packages: where they are, which are installed, which to use.

Packages live where Argos Translate keeps them (``ARGOS_PACKAGES_DIR``, else
``argostranslate.settings.package_data_dir``), one folder per package with
``metadata.json``, a CTranslate2 model in ``model/`` and a SentencePiece (or
BPE) tokenizer. Folders installed here are plain Argos packages, and packages
installed by Argos are found here.

We do not use ``argostranslate.package`` to list them: its
``get_installed_packages`` raises on the first folder without a valid
``metadata.json``. Installing (and downloading) is in ``install``.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from summarize.errors import MissingModelError, ModelError

__all__ = [
    "InstalledModel",
    "find_model",
    "installed_models",
    "packages_dir",
    "remove_model",
    "translation_route",
]

# A module constant, read at call time so tests can lower it; install applies
# it to the metadata.json inside archives too.
MAX_METADATA_BYTES = 1024**2

# Temporary names inside the packages folder start with this, and we skip
# dot-folders when listing. (argostranslate's own listing would choke on them,
# as on any folder without metadata.json, but they only exist during an
# install; leftovers of a killed process are deleted by the next install.)
STAGING_PREFIX = ".summarize-"
_LANGUAGE_CODE = re.compile(r"[a-z]{2,3}")
TOKENIZER_NAMES = ("sentencepiece.model", "bpe.model")


@dataclass(frozen=True)
class InstalledModel:
    """One installed translation package."""

    source: str
    target: str
    version: str
    path: Path  # package folder
    model_dir: Path  # CTranslate2 model: path / "model"
    tokenizer: Path  # path / "sentencepiece.model" (or "bpe.model": Argos BPE, not SentencePiece)
    target_prefix: str  # prepend to every target (multilingual models); usually ""
    fingerprint: str  # changes whenever the model or its metadata changes
    size: int  # bytes on disk

    @property
    def pair(self) -> str:
        return f"{self.source}->{self.target}"


class InvalidPackage(Exception):
    """A package folder or archive is not a usable translation package."""


# ---------------------------------------------------------------- locations


def packages_dir() -> Path:
    """The folder holding installed packages (may not exist yet).

    ``ARGOS_PACKAGES_DIR`` is read on every call, not at import time like
    ``argostranslate.settings`` does, so tests and callers can switch folders.
    Without it, argostranslate's own resolution applies (settings.json, XDG
    data dir, snap); importing its settings module creates its folders.
    """
    env = os.environ.get("ARGOS_PACKAGES_DIR")
    if env:
        return Path(env).expanduser()
    from argostranslate import settings

    return Path(settings.package_data_dir)


# ---------------------------------------------------------------- reading


def _check_metadata(meta: Any) -> tuple[str, str, str, str]:
    """Validate parsed metadata.json; return (source, target, version, target_prefix)."""
    if not isinstance(meta, dict):
        raise InvalidPackage("metadata.json is not a JSON object")
    kind = meta.get("type", "translate")
    if kind != "translate":
        raise InvalidPackage(f"metadata.json: type is {kind!r}, not 'translate'")
    codes = []
    for key in ("from_code", "to_code"):
        code = meta.get(key)
        if not isinstance(code, str) or not _LANGUAGE_CODE.fullmatch(code.lower()):
            raise InvalidPackage(
                f"metadata.json: {key} must be a 2-3 letter language code, got {code!r}"
            )
        codes.append(code.lower())
    version = meta.get("package_version", "")
    if isinstance(version, bool) or not isinstance(version, (str, int, float)):
        raise InvalidPackage(f"metadata.json: package_version must be a string, got {version!r}")
    prefix = meta.get("target_prefix") or ""
    if not isinstance(prefix, str):
        raise InvalidPackage(f"metadata.json: target_prefix must be a string, got {prefix!r}")
    return codes[0], codes[1], str(version), prefix


def parse_metadata(data: bytes) -> tuple[str, str, str, str]:
    try:
        meta = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as err:
        raise InvalidPackage(f"metadata.json is not valid JSON ({err})") from None
    return _check_metadata(meta)


def _fingerprint(folder: Path, model_dir: Path, tokenizer: Path) -> str:
    """Short hash that changes with the model, without reading 100 MB of weights.

    Covers metadata.json and config.json in full, the name and size of every
    file in model/, the first and last 64 KiB of model.bin (its header names
    every variable and shape) and the tokenizer (< 1 MB). No timestamps or
    paths, so the same package gives the same fingerprint wherever installed.
    """
    h = hashlib.sha256(b"summarize-model-v1\0")
    h.update((folder / "metadata.json").read_bytes())
    h.update(b"\0")
    for entry in sorted(model_dir.iterdir()):
        if entry.is_file():
            h.update(f"{entry.name}\0{entry.stat().st_size}\0".encode())
    config = model_dir / "config.json"
    if config.is_file():
        h.update(config.read_bytes())
    with open(model_dir / "model.bin", "rb") as f:
        h.update(f.read(65536))
        size = f.seek(0, os.SEEK_END)
        f.seek(max(0, size - 65536))
        h.update(f.read(65536))
    h.update(tokenizer.name.encode() + b"\0" + tokenizer.read_bytes())
    return h.hexdigest()[:16]


def _disk_size(folder: Path) -> int:
    total = 0
    for dirpath, _dirs, files in os.walk(folder):
        for name in files:
            with contextlib.suppress(OSError):
                total += os.lstat(os.path.join(dirpath, name)).st_size
    return total


def read_model(folder: Path) -> InstalledModel:
    """Load and check one package folder; raise InvalidPackage if unusable."""
    meta_path = folder / "metadata.json"
    if not meta_path.is_file():
        raise InvalidPackage("missing metadata.json")
    if meta_path.stat().st_size > MAX_METADATA_BYTES:
        raise InvalidPackage("metadata.json is unreasonably large")
    source, target, version, prefix = parse_metadata(meta_path.read_bytes())
    model_dir = folder / "model"
    if not model_dir.is_dir():
        raise InvalidPackage("missing model/ folder")
    if not (model_dir / "model.bin").is_file():
        raise InvalidPackage("missing model/model.bin")
    tokenizer = next((folder / n for n in TOKENIZER_NAMES if (folder / n).is_file()), None)
    if tokenizer is None:
        raise InvalidPackage("missing tokenizer (sentencepiece.model or bpe.model)")
    return InstalledModel(
        source=source,
        target=target,
        version=version,
        path=folder,
        model_dir=model_dir,
        tokenizer=tokenizer,
        target_prefix=prefix,
        fingerprint=_fingerprint(folder, model_dir, tokenizer),
        size=_disk_size(folder),
    )


def version_key(version: str) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"\d+", version))


def installed_models() -> list[InstalledModel]:
    """All usable translation packages, sorted by (source, target).

    Folders that are not translation packages (broken downloads, Argos
    sentence-boundary packages, our own hidden staging folders) are skipped.
    """
    root = packages_dir()
    try:
        children = sorted(root.iterdir())
    except (FileNotFoundError, NotADirectoryError):
        return []
    except OSError as err:
        raise ModelError(f"cannot read the packages folder {root}: {err.strerror}") from None
    found = []
    for child in children:
        if child.name.startswith("."):
            continue
        try:
            if child.is_dir():
                found.append(read_model(child))
        except (InvalidPackage, OSError):
            continue
    found.sort(key=lambda m: (m.source, m.target, m.path.name))
    return found


def norm_code(code: str) -> str:
    return code.strip().lower()


def find_model(source: str, target: str) -> InstalledModel | None:
    """The installed package for source->target (the newest if several)."""
    source, target = norm_code(source), norm_code(target)
    matches = [m for m in installed_models() if (m.source, m.target) == (source, target)]
    if not matches:
        return None
    return max(matches, key=lambda m: (version_key(m.version), m.path.name))


def translation_route(source: str, target: str) -> list[InstalledModel]:
    """Models to apply in order: [] (same language), [direct] or [source->en, en->target].

    Raises MissingModelError when neither a direct model nor both pivot
    models through English are installed.
    """
    source, target = norm_code(source), norm_code(target)
    if source == target:
        return []
    direct = find_model(source, target)
    if direct is not None:
        return [direct]
    if "en" not in (source, target):
        first, second = find_model(source, "en"), find_model("en", target)
        if first is not None and second is not None:
            return [first, second]
    raise MissingModelError(source, target)


# ---------------------------------------------------------------- remove


def remove_model(source: str, target: str) -> InstalledModel:
    """Uninstall the source->target package(s); return the one that was in use."""
    import shutil
    import tempfile

    source, target = norm_code(source), norm_code(target)
    matches = [m for m in installed_models() if (m.source, m.target) == (source, target)]
    current = find_model(source, target)
    if current is None or not matches:
        raise ModelError(f"no {source}->{target} model is installed")
    root = packages_dir()
    for model in matches:
        # Rename first (atomic), then delete: an interrupted delete leaves a
        # hidden folder, not a half-deleted package that looks installed.
        try:
            trash = Path(tempfile.mkdtemp(prefix=f"{STAGING_PREFIX}remove-", dir=root))
        except OSError as err:
            raise ModelError(f"cannot remove {model.path}: {err}") from None
        try:
            os.rename(model.path, trash / "package")
        except OSError as err:
            raise ModelError(f"cannot remove {model.path}: {err}") from None
        finally:
            shutil.rmtree(trash, ignore_errors=True)
    return current
