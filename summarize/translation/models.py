"""Argos Translate packages: where they are, which are installed, which to use.

Packages live where Argos Translate keeps them (``ARGOS_PACKAGES_DIR``, else
``argostranslate.settings.package_data_dir``), one folder per package with
``metadata.json``, a CTranslate2 model in ``model/`` and a SentencePiece (or
BPE) tokenizer. Folders installed here are plain Argos packages, and packages
installed by Argos are found here.

We do not use ``argostranslate.package`` to list them: its
``get_installed_packages`` raises on the first folder without a valid
``metadata.json``. Here a folder that cannot be read is reported as broken
(``scan_packages``) and skipped, never a crash. Installing is in
``install``, downloading in ``download``.
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
    "BrokenPackage",
    "InstalledModel",
    "scan_packages",
    "find_model",
    "installed_models",
    "packages_dir",
    "remove_model",
    "translation_route",
]

# A module constant, read at call time so tests can lower it; install applies
# it to the metadata.json inside archives too.
MAX_METADATA_BYTES = 1024**2

# Staging folders (see ``staging``) are named with this prefix; dot-folders
# are never taken for packages.
STAGING_PREFIX = ".summarize-"
_LANGUAGE_CODE = re.compile(r"[a-z]{2,3}")
TOKENIZER_NAMES = ("sentencepiece.model", "bpe.model")
# A package made from a model with separate source and target SentencePiece
# models (OPUS-MT) keeps the target one under this name; Argos decodes with
# sentencepiece.model (the source one).
TARGET_TOKENIZER_NAME = "target_sentencepiece.model"
LANGUAGE_NAMES = {
    "ar": "Arabic",
    "cs": "Czech",
    "da": "Danish",
    "de": "German",
    "en": "English",
    "es": "Spanish",
    "fi": "Finnish",
    "fr": "French",
    "it": "Italian",
    "ja": "Japanese",
    "nl": "Dutch",
    "pl": "Polish",
    "pt": "Portuguese",
    "ru": "Russian",
    "sv": "Swedish",
    "tr": "Turkish",
    "uk": "Ukrainian",
    "zh": "Chinese",
}


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


@dataclass(frozen=True)
class BrokenPackage:
    """A folder in the packages folder that is not a usable translation package."""

    path: Path
    reason: str
    pair: tuple[str, str] | None  # the pair its metadata.json names, if readable


@dataclass(frozen=True)
class PackageScan:
    installed: list[InstalledModel]
    broken: list[BrokenPackage]


def is_language_code(code: str) -> bool:
    return bool(_LANGUAGE_CODE.fullmatch(code))


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


# What Argos (and we) read from metadata.json, with the type and the longest
# text each field may hold. Other fields are kept as they are: the file's size
# and nesting limits bound them.
_TEXT_FIELDS = {
    "package_version": 32,
    "argos_version": 32,
    "from_name": 100,
    "to_name": 100,
    "package_name": 200,
    "type": 32,
    "target_prefix": 100,
    "code": 100,
    "description": 10_000,
}
_LIST_FIELDS = (
    "links",
    "languages",
    "dependencies",
    "source_languages",
    "target_languages",
    "from_codes",
    "to_codes",
)
MAX_LIST_ITEMS = 1000
MAX_METADATA_DEPTH = 32  # Argos' own files are 2 deep
_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.S)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _nesting_depth(text: str) -> int:
    """How deeply arrays and objects nest, without recursing (json.loads would)."""
    brackets = _NOT_BRACKET.sub("", _JSON_STRING.sub("", text))
    depth = deepest = 0
    for char in brackets:
        if char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


def _short_text(meta: dict[str, Any], key: str, limit: int) -> str:
    value = meta.get(key, "")
    if key == "package_version" and isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)  # some hand-made packages write 1.0, not "1.0"
    if value is None and key == "target_prefix":
        value = ""
    if not isinstance(value, str):
        raise InvalidPackage(f"metadata.json: {key} must be a string, got {type(value).__name__}")
    if len(value) > limit:
        raise InvalidPackage(f"metadata.json: {key} is longer than {limit} characters")
    if key != "description" and _CONTROL.search(value):
        raise InvalidPackage(f"metadata.json: {key} contains control characters")
    return value


def _check_metadata(meta: Any) -> tuple[str, str, str, str]:
    """Validate parsed metadata.json; return (source, target, version, target_prefix).

    Every field Argos reads is checked for its type and size, so that neither
    we nor argostranslate choke on the package later.
    """
    if not isinstance(meta, dict):
        raise InvalidPackage("metadata.json is not a JSON object")
    texts = {key: _short_text(meta, key, limit) for key, limit in _TEXT_FIELDS.items()}
    kind = texts["type"] or "translate"
    if kind != "translate":
        raise InvalidPackage(f"metadata.json: type is {kind!r}, not 'translate'")
    codes = []
    for key in ("from_code", "to_code"):
        code = meta.get(key)
        if not isinstance(code, str) or not _LANGUAGE_CODE.fullmatch(code.lower()):
            shown = repr(code) if isinstance(code, str) and len(code) <= 20 else type(code).__name__
            raise InvalidPackage(
                f"metadata.json: {key} must be a 2-3 letter language code, got {shown}"
            )
        codes.append(code.lower())
    for key in _LIST_FIELDS:
        value = meta.get(key, [])
        if not isinstance(value, list):
            raise InvalidPackage(f"metadata.json: {key} must be a list, got {type(value).__name__}")
        if len(value) > MAX_LIST_ITEMS:
            raise InvalidPackage(f"metadata.json: {key} has more than {MAX_LIST_ITEMS} items")
    return codes[0], codes[1], texts["package_version"], texts["target_prefix"]


def _load_metadata(data: bytes) -> Any:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise InvalidPackage(f"metadata.json is not valid UTF-8 ({err.reason})") from None
    if _nesting_depth(text) > MAX_METADATA_DEPTH:
        raise InvalidPackage(f"metadata.json nests deeper than {MAX_METADATA_DEPTH} levels")
    try:
        return json.loads(text)
    except (ValueError, RecursionError) as err:
        reason = str(err).splitlines()[0][:200] if str(err) else type(err).__name__
        raise InvalidPackage(f"metadata.json is not valid JSON ({reason})") from None


def parse_metadata(data: bytes) -> tuple[str, str, str, str]:
    return _check_metadata(_load_metadata(data))


def _pair_hint(data: bytes) -> tuple[str, str] | None:
    """The language pair a broken package's metadata names, if it can be read at all."""
    try:
        meta = _load_metadata(data)
    except InvalidPackage:
        return None
    if not isinstance(meta, dict):
        return None
    codes = [meta.get("from_code"), meta.get("to_code")]
    if all(isinstance(c, str) and _LANGUAGE_CODE.fullmatch(c.lower()) for c in codes):
        return str(codes[0]).lower(), str(codes[1]).lower()
    return None


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
    target_tokenizer = folder / TARGET_TOKENIZER_NAME
    if target_tokenizer.is_file():  # only packages that have one hash it: others keep their keys
        h.update(b"\0target\0" + target_tokenizer.read_bytes())
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
    source, target, version, prefix = parse_metadata(_read_limited(meta_path))
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


def _read_limited(path: Path) -> bytes:
    with open(path, "rb") as handle:
        data = handle.read(MAX_METADATA_BYTES + 1)
    if len(data) > MAX_METADATA_BYTES:
        raise InvalidPackage("metadata.json is unreasonably large")
    return data


def version_key(version: str) -> tuple[int, ...]:
    # Bounded: int() of a 5,000-digit string raises (and would be slow).
    return tuple(int(n[:18]) for n in re.findall(r"\d+", version)[:16])


def scan_packages() -> PackageScan:
    """Every translation package in the packages folder, usable or broken.

    Hidden folders (our staging folders) and packages of another type (Argos
    sentence-boundary packages) are neither; everything else that cannot be
    read as a translation package is broken, with the reason. Never raises
    for a bad package: one broken folder must not stop a run.
    """
    root = packages_dir()
    try:
        children = sorted(root.iterdir())
    except (FileNotFoundError, NotADirectoryError):
        return PackageScan([], [])
    except OSError as err:
        raise ModelError(f"cannot read the packages folder {root}: {err.strerror}") from None
    found: list[InstalledModel] = []
    broken: list[BrokenPackage] = []
    for child in children:
        if child.name.startswith("."):
            continue
        try:
            if not child.is_dir():
                continue
            found.append(read_model(child))
        except InvalidPackage as err:
            if "not 'translate'" in str(err):
                continue  # another kind of Argos package, not ours to judge
            broken.append(BrokenPackage(child, str(err), _pair_of(child)))
        except OSError as err:
            broken.append(BrokenPackage(child, f"cannot read: {err.strerror or err}", None))
    found.sort(key=lambda m: (m.source, m.target, m.path.name))
    return PackageScan(found, broken)


def _pair_of(folder: Path) -> tuple[str, str] | None:
    try:
        return _pair_hint(_read_limited(folder / "metadata.json"))
    except (InvalidPackage, OSError):
        return None


def installed_models() -> list[InstalledModel]:
    """All usable translation packages, sorted by (source, target)."""
    return scan_packages().installed


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


def remove_model(source: str, target: str) -> list[Path]:
    """Uninstall every source->target package, broken ones too; return their folders."""
    from .staging import Staging, clean_stale

    source, target = norm_code(source), norm_code(target)
    scan = scan_packages()
    paths = [m.path for m in scan.installed if (m.source, m.target) == (source, target)]
    paths += [b.path for b in scan.broken if b.pair == (source, target)]
    if not paths:
        raise ModelError(f"no {source}->{target} model is installed")
    root = packages_dir()
    clean_stale(root)
    for path in paths:
        # Rename first (atomic), then delete: an interrupted delete leaves a
        # staging folder (deleted by the next run), not a half-deleted package.
        try:
            with Staging(root, "remove") as trash:
                os.rename(path, trash.path / "package")
        except OSError as err:
            raise ModelError(f"cannot remove {path}: {err.strerror or err}") from None
    return paths
