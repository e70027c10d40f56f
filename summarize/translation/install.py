"""Installing translation packages: ``.argosmodel`` files and CTranslate2 model folders.

Every install takes the same steps, and refuses with one line (PackageError)
at the first that fails:

1. build the package in a locked staging folder beside the packages folder
   (``staging``): unpack a checked archive (``archive``), or copy a
   CTranslate2 model folder with its SentencePiece model(s) and write the
   ``metadata.json`` that makes it an Argos package;
2. read it back as a package: every ``metadata.json`` field checked for type
   and size (``models.read_model``);
3. prove it translates: the project's own translator loads it and translates
   a sentence in a child process with a time limit (``probe``);
4. swap it in: the new package is renamed into place before the packages it
   replaces for the same pair are moved out.

We do not use ``argostranslate.package.install_from_path``: it extracts any
zip unchecked straight into the packages folder, then imports
``argostranslate.translate`` (torch, stanza, downloads).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

from summarize.errors import ModelError, PackageError

from . import archive, probe
from .models import (
    LANGUAGE_NAMES,
    TARGET_TOKENIZER_NAME,
    InstalledModel,
    InvalidPackage,
    is_language_code,
    norm_code,
    packages_dir,
    read_model,
    scan_packages,
)
from .staging import Staging, clean_stale, swap_in

__all__ = [
    "clean_leftovers",
    "install_from_index",
    "install_model_dir",
    "install_package_file",
    "install_path",
]

# The parts of a CTranslate2 model folder that a package needs (nothing else
# is copied: a Hugging Face snapshot also holds gigabytes of PyTorch weights).
_CT2_FILES = re.compile(
    r"model\.bin|config\.json|vmap\.txt|(shared|source|target)_vocabulary\.(json|txt)"
)
# SentencePiece models: (source, target) as OPUS-MT and its conversions ship
# them, or one shared model.
_PAIRED_TOKENIZERS = (
    ("source.spm", "target.spm"),
    ("src.spm", "tgt.spm"),
    ("source.model", "target.model"),
    ("src.spm.model", "tgt.spm.model"),
    ("source.spm.model", "target.spm.model"),
)
_SHARED_TOKENIZERS = ("sentencepiece.model", "spm.model", "shared.spm", "joint.spm")
# Copying an unpacked Argos package folder: at most this many files.
MAX_FOLDER_FILES = archive.MAX_ENTRIES


# ---------------------------------------------------------------- the common steps


def _finish(staging: Staging, label: str, expect: tuple[str, str] | None) -> InstalledModel:
    """Check the package staged in ``staging.path / "package"``, prove it, swap it in."""
    holder = staging.path / "package"
    (top,) = [p.name for p in holder.iterdir()]
    try:
        archive.check_tree(holder / top)
        new = read_model(holder / top)
        if expect is not None and (new.source, new.target) != expect:
            raise InvalidPackage(
                f"package is {new.source}->{new.target}, expected {expect[0]}->{expect[1]}"
            )
        target_spm = new.path / TARGET_TOKENIZER_NAME
        extra = [target_spm] if target_spm.exists() else []
        probe.probe(holder, new.source, new.target, extra)
    except InvalidPackage as err:
        raise PackageError(label, str(err)) from None
    except OSError as err:
        raise ModelError(f"{label}: cannot read the staged package: {err}") from None

    root = staging.root
    # Every package for the pair goes, broken ones too (they would shadow nothing,
    # but `models list` would keep showing them).
    scan = scan_packages()
    pair = (new.source, new.target)
    olds = [m.path for m in scan.installed if (m.source, m.target) == pair]
    olds += [b.path for b in scan.broken if b.pair == pair]
    try:
        dest = swap_in(holder / top, top, olds, root, staging.path)
    except OSError as err:
        raise ModelError(f"{label}: cannot install into {root}: {err}") from None
    try:
        return read_model(dest)
    except (InvalidPackage, OSError) as err:  # pragma: no cover - only if changed under our feet
        raise ModelError(f"{label}: installed into {dest}, but cannot read it: {err}") from None


@contextlib.contextmanager
def staged(kind: str) -> Iterator[Staging]:
    """A staging folder next to the packages folder (created for it if need be)."""
    root = packages_dir()
    created = not root.exists()
    try:
        root.mkdir(parents=True, exist_ok=True)
        clean_stale(root)
        staging = Staging(root, kind).__enter__()
    except OSError as err:
        raise ModelError(f"cannot write to the packages folder {root}: {err}") from None
    try:
        yield staging
    finally:
        staging.__exit__(None, None, None)
        if created:  # made for this install: drop it again if still empty
            with contextlib.suppress(OSError):
                root.rmdir()


# ---------------------------------------------------------------- .argosmodel files


def install_archive(
    path: Path, label: str, expect: tuple[str, str] | None, staging: Staging | None = None
) -> InstalledModel:
    """Install the archive at ``path``; ``label`` names it in errors.

    The archive is checked in full before anything is written; with
    ``staging`` it is unpacked there (a download's own staging folder).
    """
    import zipfile

    if not path.is_file():
        raise PackageError(label, "no such file" if not path.exists() else "not a regular file")
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, EOFError, ValueError, NotImplementedError):
        raise PackageError(label, "not a zip file (truncated or corrupt)") from None
    except OSError as err:
        raise ModelError(f"{label}: cannot read: {err.strerror or err}") from None
    with zf:
        try:
            plan = archive.inspect_archive(zf)
        except InvalidPackage as err:
            raise PackageError(label, str(err)) from None
        if expect is not None and (plan.source, plan.target) != expect:
            raise PackageError(
                label, f"package is {plan.source}->{plan.target}, expected {expect[0]}->{expect[1]}"
            )
        with contextlib.ExitStack() as stack:
            if staging is None:
                staging = stack.enter_context(staged("install"))
            try:
                archive.extract_archive(zf, plan, staging.path / "package")
            except InvalidPackage as err:
                raise PackageError(label, str(err)) from None
            except OSError as err:
                raise ModelError(f"{label}: cannot unpack into {staging.path}: {err}") from None
            return _finish(staging, label, expect)


def install_package_file(path: Path | str, expect: tuple[str, str] | None = None) -> InstalledModel:
    """Install an ``.argosmodel`` file, replacing any package for the same pair.

    Refusals raise PackageError with the reason and leave the packages folder
    untouched; ``expect`` = (source, target) refuses a package for another pair.
    """
    return install_archive(Path(path), str(path), expect)


# ---------------------------------------------------------------- model folders


def _regular(path: Path, label: str) -> int:
    """Size of ``path`` (symlinks followed: Hugging Face snapshots are links into a cache)."""
    try:
        info = path.stat()
    except OSError as err:
        raise PackageError(label, f"cannot read {path.name}: {err.strerror or err}") from None
    if not stat.S_ISREG(info.st_mode):
        raise PackageError(label, f"{path.name} is not a regular file")
    return info.st_size


def _copy_files(files: dict[str, Path], dest: Path, label: str) -> None:
    """Copy ``{relative name: source}`` into ``dest``, within the unpacked-size limit."""
    total = sum(_regular(source, label) for source in files.values())
    if total > archive.MAX_UNPACKED_BYTES:
        raise PackageError(label, f"larger than {archive.human_size(archive.MAX_UNPACKED_BYTES)}")
    for name, source in sorted(files.items()):
        target = dest / name
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            shutil.copyfile(source, target)
        except OSError as err:
            raise ModelError(f"{label}: cannot copy {source}: {err.strerror or err}") from None


def _tokenizers(folder: Path, label: str) -> tuple[Path, Path | None]:
    """The (source, target-or-None) SentencePiece models of a CTranslate2 folder."""
    for source, target in _PAIRED_TOKENIZERS:
        if (folder / source).exists() and (folder / target).exists():
            return folder / source, folder / target
    for name in _SHARED_TOKENIZERS:
        if (folder / name).exists():
            return folder / name, None
    raise PackageError(
        label,
        "no SentencePiece model: expected source.spm and target.spm (OPUS-MT), "
        "or one shared sentencepiece.model, next to model.bin",
    )


def _slug(name: str) -> str:
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip("-.")
    return slug[:60] or "model"


def _ct2_package(folder: Path, source: str, target: str, dest: Path, label: str) -> None:
    """Lay out a CTranslate2 model folder as an Argos package in ``dest``."""
    names = {p.name for p in folder.iterdir()}
    if "model.bin" not in names:
        raise PackageError(label, "not a CTranslate2 model folder (no model.bin)")
    vocabularies = {n for n in names if n.endswith(("_vocabulary.json", "_vocabulary.txt"))}
    if not any(n.startswith("shared_") for n in vocabularies) and not (
        any(n.startswith("source_") for n in vocabularies)
        and any(n.startswith("target_") for n in vocabularies)
    ):
        raise PackageError(
            label, "no vocabulary (shared_vocabulary.json, or source_ and target_vocabulary.json)"
        )
    source_spm, target_spm = _tokenizers(folder, label)
    files = {f"model/{n}": folder / n for n in names if _CT2_FILES.fullmatch(n)}
    files["sentencepiece.model"] = source_spm
    if target_spm is not None:
        files[TARGET_TOKENIZER_NAME] = target_spm
    _copy_files(files, dest, label)
    title = folder.resolve().name[:100]
    metadata = {
        "package_version": "1.0",
        "argos_version": "1.9.0",
        "from_code": source,
        "from_name": LANGUAGE_NAMES.get(source, source),
        "to_code": target,
        "to_name": LANGUAGE_NAMES.get(target, target),
        "type": "translate",
        "package_name": f"{title} (CTranslate2 model installed by summarize)",
        "target_prefix": "",
    }
    (dest / "metadata.json").write_text(json.dumps(metadata, indent=2, ensure_ascii=False) + "\n")


def _argos_folder(folder: Path, dest: Path, label: str) -> None:
    """Copy an unpacked Argos package folder (regular files and folders only)."""
    files: dict[str, Path] = {}
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames.sort()
        for name in filenames:
            path = Path(dirpath) / name
            files[str(path.relative_to(folder))] = path
            if len(files) > MAX_FOLDER_FILES:
                raise PackageError(label, f"more than {MAX_FOLDER_FILES} files")
    _copy_files(files, dest, label)


def install_model_dir(
    path: Path | str, source: str | None = None, target: str | None = None
) -> InstalledModel:
    """Install a model folder: a CTranslate2 model with its SentencePiece model(s)
    (``source`` and ``target`` required), or an unpacked Argos package.

    The result is a plain Argos package (``metadata.json``, ``model/``,
    ``sentencepiece.model`` = the source model, a separate target model kept
    as ``target_sentencepiece.model``), checked and proven like an archive.
    """
    folder = Path(path)
    label = str(path)
    if not folder.is_dir():
        raise PackageError(label, "no such folder" if not folder.exists() else "not a folder")
    argos = (folder / "metadata.json").is_file() and (folder / "model").is_dir()
    codes = None
    if source is not None or target is not None:
        if source is None or target is None:
            raise PackageError(label, "give both --from and --to")
        codes = (norm_code(source), norm_code(target))
        for code in codes:
            if not is_language_code(code):
                raise PackageError(label, f"{code!r} is not a 2-3 letter language code")
    elif not argos:
        raise PackageError(
            label, "a CTranslate2 model folder needs its languages: add --from LANG --to LANG"
        )
    with staged("install") as staging:
        top = folder.resolve().name if argos else None
        if argos:
            dest = staging.path / "package" / _slug(str(top))
            _argos_folder(folder, dest, label)
        else:
            assert codes is not None
            name = f"translate-{codes[0]}_{codes[1]}-{_slug(folder.resolve().name)}"
            dest = staging.path / "package" / name
            _ct2_package(folder, codes[0], codes[1], dest, label)
        return _finish(staging, label, codes)


def install_path(
    path: Path | str, source: str | None = None, target: str | None = None
) -> InstalledModel:
    """Install a ``.argosmodel`` file or a model folder (see install_model_dir)."""
    if Path(path).is_dir():
        return install_model_dir(path, source, target)
    expect = (norm_code(source), norm_code(target)) if source and target else None
    if (source is None) != (target is None):
        raise PackageError(str(path), "give both --from and --to")
    return install_package_file(path, expect)


def install_from_index(
    source: str, target: str, progress: Callable[[int, int], None] | None = None
) -> InstalledModel:
    """Download and install the source->target package of the Argos index (see ``download``)."""
    from .download import install_from_index as download_and_install

    return download_and_install(source, target, progress)


def clean_leftovers() -> int:
    """Remove what killed installs and removals left behind; return how many."""
    return clean_stale(packages_dir())
