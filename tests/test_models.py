"""Tests for summarize.translation.models and .install: package listing, routing,
safe install, removal.

Everything runs against temporary folders (packages dir, HOME, XDG dirs) and
a real but tiny "copy" Argos package built by tests/copymodel.py; the network
is never used (the index tests talk to 127.0.0.1 only).
"""

from __future__ import annotations

import errno
import functools
import http.server
import io
import json
import os
import stat
import subprocess
import sys
import threading
import time
import uuid
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import copymodel  # tests/ is on sys.path (pytest's default "prepend" import mode)
import pytest
from hypothesis import given
from hypothesis import strategies as st

from summarize.errors import MissingModelError, ModelError, PackageError
from summarize.translation import archive, download, install, models, staging

Entries = list[tuple[str, bytes]]

# A few lines of the samples: a title, a byline, an ordinary and a long paragraph.
SAMPLE_COUNT = 4


# ---------------------------------------------------------------- fixtures


@pytest.fixture(autouse=True)
def hermetic_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point every location argostranslate or we could touch into tmp_path.

    Returns the packages folder, which does not exist yet: installs create it.
    """
    home = tmp_path / "home"
    for var, sub in (
        ("HOME", ""),
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_CACHE_HOME", ".cache"),
        ("XDG_CONFIG_HOME", ".config"),
    ):
        (home / sub).mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv(var, str(home / sub))
    packages = tmp_path / "packages"
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(packages))
    # Never the real index, even if a test forgets to set one.
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", "http://127.0.0.1:9/")
    monkeypatch.setattr(download, "INDEX_URL", None)
    return packages


@pytest.fixture(scope="session")
def package_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The copy packages, built once per session (the models are cached in tests/_build)."""
    out = tmp_path_factory.mktemp("argosmodels")
    return {
        "de_en": copymodel.build_copy_package(out, "de", "en"),
        "en_fr": copymodel.build_copy_package(out, "en", "fr"),
    }


@pytest.fixture()
def de_en(package_files: dict[str, Path]) -> Path:
    return package_files["de_en"]


@pytest.fixture(scope="session")
def good_entries(package_files: dict[str, Path]) -> Entries:
    """(name, data) of every entry of the valid de->en package, to derive hostile variants."""
    with zipfile.ZipFile(package_files["de_en"]) as zf:
        return [(i.filename, zf.read(i)) for i in zf.infolist()]


@pytest.fixture(scope="session")
def sample_lines() -> list[str]:
    lines = copymodel.sample_sentences()
    longest = max(lines, key=len)
    return [*lines[:3], longest][:SAMPLE_COUNT]


# ---------------------------------------------------------------- helpers


def listing(folder: Path) -> list[str]:
    """Every path below folder (empty if it does not exist), for before/after checks."""
    if not folder.exists():
        return []
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def write_zip(path: Path, entries: list[tuple[str, bytes]], modes: dict[str, int] | None = None):
    """Write a zip with raw entry names (zipfile would not sanitize them on writing)."""
    modes = modes or {}
    # Fastest deflate level: these zips are rebuilt for every hostile case.
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            mode = modes.get(name, stat.S_IFDIR | 0o755 if name.endswith("/") else 0o100644)
            info.external_attr = mode << 16
            zf.writestr(info, data, compresslevel=1)
    return path


def with_metadata(entries: Entries, **changes: object) -> Entries:
    out = []
    for name, data in entries:
        if name.endswith("/metadata.json"):
            meta = json.loads(data)
            meta.update(changes)
            data = json.dumps(meta).encode()
        out.append((name, data))
    return out


def renamed_top(entries: Entries, top: str) -> Entries:
    return [(top + "/" + name.split("/", 1)[1], data) for name, data in entries]


def expected_copy(text: str, tokenizer: Path) -> str:
    """What a perfect copy gives: SentencePiece folds whitespace runs, nothing else."""
    import sentencepiece as spm

    sp = spm.SentencePieceProcessor(model_file=str(tokenizer))
    return sp.decode(sp.encode(text))


def assert_copies(model: models.InstalledModel, sentences: list[str]) -> None:
    got = copymodel.copy_translate(model.model_dir, model.tokenizer, sentences, "int8")
    assert got == [expected_copy(s, model.tokenizer) for s in sentences]


# ---------------------------------------------------------------- locations


def test_packages_dir_follows_env_at_call_time(
    hermetic_env: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert models.packages_dir() == hermetic_env
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "other"))
    assert models.packages_dir() == tmp_path / "other"
    # Listing does not create anything.
    assert models.installed_models() == []
    assert not (tmp_path / "other").exists()


def test_packages_dir_default_matches_argostranslate(tmp_path: Path) -> None:
    # In a subprocess: argostranslate.settings reads the environment once, at
    # import, and creates folders; keep that out of this test process.
    env = {k: v for k, v in os.environ.items() if k != "ARGOS_PACKAGES_DIR"}
    code = (
        "from summarize.translation import models; from argostranslate import settings;"
        "print(models.packages_dir()); print(settings.package_data_dir)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    ).stdout.split("\n")
    assert out[0] == out[1]
    assert out[0] == str(tmp_path / "home" / ".local/share" / "argos-translate" / "packages")


def test_index_url_from_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", "https://example.org/index/")
    assert download.package_index_url() == "https://example.org/index/index.json"
    monkeypatch.setattr(download, "INDEX_URL", "http://127.0.0.1:9/x.json")
    assert download.package_index_url() == "http://127.0.0.1:9/x.json"


# ---------------------------------------------------------------- install, list, route


def test_install_lists_and_finds(hermetic_env: Path, de_en: Path) -> None:
    model = install.install_package_file(de_en)

    assert (model.source, model.target, model.version) == ("de", "en", "1.0")
    assert model.path == hermetic_env / "translate-de_en-copy"
    assert model.model_dir == model.path / "model"
    assert model.tokenizer == model.path / "sentencepiece.model"
    assert model.target_prefix == ""
    assert len(model.fingerprint) == 16
    assert model.size == sum(p.stat().st_size for p in model.path.rglob("*") if p.is_file())
    assert model.pair == "de->en"

    assert models.installed_models() == [model]
    assert models.find_model("de", "en") == model
    assert models.find_model("DE", "en ") == model
    assert models.find_model("en", "de") is None
    # Only the package itself was written: no staging leftovers.
    assert [p.name for p in hermetic_env.iterdir()] == ["translate-de_en-copy"]


def test_installed_package_is_readable_by_argostranslate(hermetic_env: Path, de_en: Path) -> None:
    # Our installs must stay plain Argos packages. argostranslate.package is
    # safe to import (argostranslate.translate is not: torch, downloads).
    from argostranslate.package import Package

    model = install.install_package_file(de_en)
    package = Package(model.path)
    assert (package.from_code, package.to_code) == ("de", "en")
    assert "argostranslate.translate" not in sys.modules


def test_fingerprint_is_stable_and_distinguishes_models(
    package_files: dict[str, Path],
) -> None:
    first = install.install_package_file(package_files["de_en"]).fingerprint
    again = install.install_package_file(package_files["de_en"]).fingerprint
    other = install.install_package_file(package_files["en_fr"]).fingerprint
    assert first == again
    assert first != other


def test_translation_route(package_files: dict[str, Path]) -> None:
    de_en = install.install_package_file(package_files["de_en"])
    assert models.translation_route("de", "de") == []
    assert models.translation_route("de", "en") == [de_en]
    with pytest.raises(MissingModelError) as missing:
        models.translation_route("de", "fr")
    assert "summarize models install de fr" in str(missing.value)

    en_fr = install.install_package_file(package_files["en_fr"])
    assert models.translation_route("de", "fr") == [de_en, en_fr]
    assert models.translation_route("en", "fr") == [en_fr]
    assert models.installed_models() == [de_en, en_fr]
    # No pivot from or into English itself, and no reverse models.
    with pytest.raises(MissingModelError):
        models.translation_route("fr", "de")
    with pytest.raises(MissingModelError):
        models.translation_route("en", "de")


def test_installed_copy_model_really_copies(de_en: Path, sample_lines: list[str]) -> None:
    model = install.install_package_file(de_en)
    assert_copies(model, sample_lines)


def test_pivot_route_copies_through_both_models(
    package_files: dict[str, Path], sample_lines: list[str]
) -> None:
    install.install_package_file(package_files["de_en"])
    install.install_package_file(package_files["en_fr"])
    text = sample_lines[:2]
    for step in models.translation_route("de", "fr"):
        text = copymodel.copy_translate(step.model_dir, step.tokenizer, text, "int8")
    assert text == [expected_copy(s, step.tokenizer) for s in sample_lines[:2]]


def test_installed_models_skips_broken_folders(
    hermetic_env: Path, de_en: Path, good_entries: Entries
) -> None:
    model = install.install_package_file(de_en)
    junk = {
        "empty": {},
        "bad-json": {"metadata.json": b"{not json"},
        "no-model": {"metadata.json": json.dumps({"from_code": "de", "to_code": "fr"}).encode()},
        "sbd": {"metadata.json": json.dumps({"type": "sbd", "from_code": "de"}).encode()},
        "bad-code": {"metadata.json": json.dumps({"from_code": "deu1", "to_code": "fr"}).encode()},
    }
    for name, files in junk.items():
        (hermetic_env / name).mkdir()
        for file, data in files.items():
            (hermetic_env / name / file).write_bytes(data)
    (hermetic_env / "stray-file.argosmodel").write_bytes(b"x")
    # A complete package in a hidden (staging-like) folder is not installed.
    hidden = hermetic_env / ".summarize-install-dead"
    for name, data in renamed_top(with_metadata(good_entries, to_code="fr"), "pkg"):
        if not name.endswith("/"):
            (hidden / name).parent.mkdir(parents=True, exist_ok=True)
            (hidden / name).write_bytes(data)

    assert models.installed_models() == [model]
    assert models.find_model("de", "fr") is None


# ---------------------------------------------------------------- hostile packages

EVIL_ABSOLUTE = f"/tmp/summarize-test-evil-{uuid.uuid4().hex}"


def _bomb(entries: Entries, path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The limit leaves 1 MiB on top of the real package; 2 MiB of zeros exceed it.
    real_size = sum(len(data) for _name, data in entries)
    monkeypatch.setattr(archive, "MAX_UNPACKED_BYTES", real_size + 1024**2)
    top = entries[0][0]
    write_zip(path, [*entries, (f"{top}zeros.bin", bytes(2 * 1024**2))])


def _ratio_bomb(entries: Entries, path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Under the size limit, but 2 MiB of zeros from ~2 KiB: refused as a bomb.
    top = entries[0][0]
    write_zip(path, [*entries, (f"{top}zeros.bin", bytes(2 * 1024**2))])


def _lying_header(entries: Entries, path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An entry whose headers claim 1000 bytes but whose data inflates to 64 KiB."""
    top = entries[0][0]
    write_zip(path, [*entries, (f"{top}liar.bin", os.urandom(65536))])
    data = bytearray(path.read_bytes())
    name = f"{top}liar.bin".encode()
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as zf:
        local = zf.getinfo(name.decode()).header_offset
    # "Uncompressed size" is at offset 22 of the local header and offset 24
    # of the central directory record (found by its name at offset 46).
    data[local + 22 : local + 26] = (1000).to_bytes(4, "little")
    pos = data.find(b"PK\x01\x02")
    while data[pos + 46 : pos + 46 + len(name)] != name:
        pos = data.find(b"PK\x01\x02", pos + 4)
    data[pos + 24 : pos + 28] = (1000).to_bytes(4, "little")
    path.write_bytes(bytes(data))


def _variant(
    transform: Callable[[Entries], Entries], modes: dict[str, int] | None = None
) -> Callable[[Entries, Path, pytest.MonkeyPatch], None]:
    def build(entries: Entries, path: Path, _monkeypatch: pytest.MonkeyPatch) -> None:
        write_zip(path, transform(entries), modes)

    return build


def _top(entries: Entries) -> str:
    return entries[0][0]


def _raw(data: bytes) -> Callable[[Entries, Path, pytest.MonkeyPatch], None]:
    def build(_entries: Entries, path: Path, _monkeypatch: pytest.MonkeyPatch) -> None:
        path.write_bytes(data)

    return build


def _truncated(entries: Entries, path: Path, _monkeypatch: pytest.MonkeyPatch) -> None:
    write_zip(path, entries)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _encrypted(entries: Entries, path: Path, _monkeypatch: pytest.MonkeyPatch) -> None:
    write_zip(path, entries)
    data = bytearray(path.read_bytes())
    # Set the "encrypted" flag bit on every central directory record.
    pos = data.find(b"PK\x01\x02")
    while pos != -1:
        data[pos + 8] |= 0x01
        pos = data.find(b"PK\x01\x02", pos + 4)
    path.write_bytes(bytes(data))


HOSTILE: dict[str, tuple[Callable[[Entries, Path, pytest.MonkeyPatch], None], str]] = {
    "path traversal": (
        _variant(lambda e: [*e, (f"{_top(e)}../../evil", b"x")]),
        "escapes the package folder",
    ),
    "parent traversal at top": (
        _variant(lambda e: [*e, ("../evil", b"x")]),
        "entry '../evil' escapes the package folder",
    ),
    "absolute path": (
        _variant(lambda e: [*e, (EVIL_ABSOLUTE, b"x")]),
        "is an absolute path",
    ),
    "windows drive": (_variant(lambda e: [*e, ("C:/evil", b"x")]), "is an absolute path"),
    "backslash": (
        _variant(lambda e: [*e, (f"{_top(e)}..\\..\\evil", b"x")]),
        "contains a backslash",
    ),
    "symlink entry": (
        _variant(
            lambda e: [*e, (f"{_top(e)}link", b"/etc/passwd")],
            modes={"translate-de_en-copy/link": stat.S_IFLNK | 0o777},
        ),
        "symlink entry 'translate-de_en-copy/link'",
    ),
    "device file": (
        _variant(
            lambda e: [*e, (f"{_top(e)}dev", b"")],
            modes={"translate-de_en-copy/dev": stat.S_IFCHR | 0o666},
        ),
        "special file entry",
    ),
    "flat zip": (
        _variant(lambda e: [(n.split("/", 1)[1], d) for n, d in e if n.split("/", 1)[1]]),
        "more than one top-level folder (flat zip?)",
    ),
    "two top-level folders": (
        _variant(lambda e: [*e, ("other/file", b"x")]),
        "more than one top-level folder",
    ),
    "single top-level file": (_variant(lambda e: [("model.bin", b"x")]), "flat zip?"),
    "missing metadata.json": (
        _variant(lambda e: [(n, d) for n, d in e if not n.endswith("metadata.json")]),
        "missing metadata.json",
    ),
    "missing model folder": (
        _variant(lambda e: [(n, d) for n, d in e if "/model/" not in n]),
        "missing model/ folder",
    ),
    "missing model.bin": (
        _variant(lambda e: [(n, d) for n, d in e if not n.endswith("model.bin")]),
        "missing model/model.bin",
    ),
    "missing tokenizer": (
        _variant(lambda e: [(n, d) for n, d in e if not n.endswith("sentencepiece.model")]),
        "missing tokenizer",
    ),
    "metadata not json": (
        _variant(lambda e: [(n, b"{oops" if n.endswith("metadata.json") else d) for n, d in e]),
        "metadata.json is not valid JSON",
    ),
    "metadata bad code": (
        _variant(lambda e: with_metadata(e, from_code="../../x")),
        "from_code must be a 2-3 letter language code",
    ),
    "metadata wrong type": (
        _variant(lambda e: with_metadata(e, type="sbd")),
        "type is 'sbd', not 'translate'",
    ),
    "file and folder": (
        _variant(lambda e: [*e, (f"{_top(e)}model/model.bin/x", b"x")]),
        "is both a file and a folder",
    ),
    "duplicate entry": (
        _variant(lambda e: [*e, (f"{_top(e)}README.MD", b"x")]),
        "duplicate entry",
    ),
    "empty component": (
        _variant(lambda e: [*e, (f"{_top(e)}model//x", b"x")]),
        "empty or '.' path component",
    ),
    "hidden top folder": (_variant(lambda e: renamed_top(e, ".hidden")), "is hidden"),
    "truncated zip": (_truncated, "not a zip file (truncated or corrupt)"),
    "not a zip": (_raw(b"this is not a zip file\n" * 100), "not a zip file (truncated or corrupt)"),
    "empty file": (_raw(b""), "not a zip file (truncated or corrupt)"),
    "empty zip": (_raw(b"PK\x05\x06" + bytes(18)), "empty zip file"),
    "encrypted": (_encrypted, "encrypted entry"),
    "zip bomb": (_bomb, "unpacks to more than "),
    "ratio bomb": (_ratio_bomb, "(zip bomb?)"),
    "lying size header": (_lying_header, "liar.bin"),
}


@pytest.mark.parametrize("preinstalled", [False, True], ids=["fresh", "over-existing"])
@pytest.mark.parametrize("case", list(HOSTILE))
def test_hostile_package_refused(
    case: str,
    preinstalled: bool,
    hermetic_env: Path,
    tmp_path: Path,
    de_en: Path,
    good_entries: Entries,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    build, reason = HOSTILE[case]
    if preinstalled:
        old = install.install_package_file(de_en)
    hostile = tmp_path / "in" / "hostile.argosmodel"
    hostile.parent.mkdir()
    build(good_entries, hostile, monkeypatch)
    before, before_tmp = listing(hermetic_env), listing(tmp_path)

    with pytest.raises(PackageError) as refused:
        install.install_package_file(hostile)

    assert reason in refused.value.reason
    assert refused.value.path == str(hostile)
    assert str(refused.value).startswith(f"{hostile}: refused: ")
    assert listing(hermetic_env) == before
    assert listing(tmp_path) == before_tmp
    assert not Path(EVIL_ABSOLUTE).exists()
    assert not (tmp_path / "evil").exists() and not (tmp_path.parent / "evil").exists()
    if preinstalled:
        assert models.installed_models() == [old]


def test_refusal_creates_no_packages_dir(hermetic_env: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.argosmodel"
    bad.write_bytes(b"nope")
    with pytest.raises(PackageError):
        install.install_package_file(bad)
    assert not hermetic_env.exists()


def test_missing_file_refused(tmp_path: Path) -> None:
    with pytest.raises(PackageError, match="no such file"):
        install.install_package_file(tmp_path / "nothing.argosmodel")
    with pytest.raises(PackageError, match="not a regular file"):
        install.install_package_file(tmp_path)


def test_extraction_limit_counts_written_bytes(
    hermetic_env: Path, tmp_path: Path, good_entries: Entries, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The headers are within limits when inspected; the limit then drops to
    # below the package's real size, as if the headers had lied: the bytes
    # actually written must trip it, and the staging folder must go.
    package = write_zip(tmp_path / "p.argosmodel", good_entries)
    real_inspect = archive.inspect_archive

    def inspect_then_lower_limit(zf: zipfile.ZipFile) -> object:
        plan = real_inspect(zf)
        monkeypatch.setattr(archive, "MAX_UNPACKED_BYTES", 100_000)
        return plan

    monkeypatch.setattr(archive, "inspect_archive", inspect_then_lower_limit)
    with pytest.raises(PackageError, match="unpacks to more than 97.7 KiB"):
        install.install_package_file(package)
    assert listing(hermetic_env) == []


@given(st.text(alphabet="a./\\:\x00 C", max_size=12))
def test_entry_names_never_escape(name: str) -> None:
    # Any accepted name resolves inside the staging folder.
    try:
        parts = archive._entry_parts(name)
    except models.InvalidPackage:
        return
    base = Path("/staging")
    resolved = Path(os.path.normpath(base.joinpath(*parts)))
    assert resolved != base and base in resolved.parents


# ---------------------------------------------------------------- reinstall / failure recovery


def test_reinstall_replaces_same_pair(
    hermetic_env: Path, tmp_path: Path, de_en: Path, good_entries: Entries, sample_lines: list[str]
) -> None:
    old = install.install_package_file(de_en)
    v2 = write_zip(
        tmp_path / "v2.argosmodel",
        renamed_top(with_metadata(good_entries, package_version="2.0"), "de_en-v2"),
    )
    new = install.install_package_file(v2)

    assert new.version == "2.0"
    assert new.path == hermetic_env / "de_en-v2"
    assert not old.path.exists()
    assert models.installed_models() == [new]
    assert new.fingerprint != old.fingerprint
    assert sorted(os.listdir(hermetic_env)) == ["de_en-v2"]
    assert_copies(new, sample_lines[:1])


def test_same_folder_name_for_other_pair_keeps_both(
    hermetic_env: Path, tmp_path: Path, de_en: Path, good_entries: Entries
) -> None:
    de = install.install_package_file(de_en)
    # Same top-level folder name as the installed de->en, but de->fr.
    clash = write_zip(tmp_path / "fr.argosmodel", with_metadata(good_entries, to_code="fr"))
    fr = install.install_package_file(clash)
    assert fr.path == hermetic_env / "translate-de_en-copy-2"
    assert models.installed_models() == [de, fr]


def test_failed_reinstall_keeps_old_package(
    hermetic_env: Path,
    tmp_path: Path,
    de_en: Path,
    good_entries: Entries,
    monkeypatch: pytest.MonkeyPatch,
    sample_lines: list[str],
) -> None:
    old = install.install_package_file(de_en)
    before = listing(hermetic_env)
    # Fails while unpacking (after the checks passed): corrupt data.
    corrupt = tmp_path / "corrupt.argosmodel"
    _lying_header(good_entries, corrupt, monkeypatch)
    with pytest.raises(PackageError, match="corrupt"):
        install.install_package_file(corrupt)
    assert listing(hermetic_env) == before

    # Fails after the new package is in place, moving the old one out: both
    # moves are undone, the old package stays and still translates.
    real_rename = os.rename

    def failing_rename(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        if Path(src) == old.path:
            raise OSError(errno.EACCES, "Permission denied")
        real_rename(src, dst)

    monkeypatch.setattr(staging.os, "rename", failing_rename)
    with pytest.raises(ModelError, match="Permission denied"):
        install.install_package_file(de_en)
    monkeypatch.setattr(staging.os, "rename", real_rename)

    assert listing(hermetic_env) == before
    assert models.installed_models() == [old]
    assert_copies(old, sample_lines[:2])


def test_stale_staging_folders_are_cleaned_unless_locked(hermetic_env: Path, de_en: Path) -> None:
    import fcntl

    install.install_package_file(de_en)
    area = hermetic_env.parent / staging.AREA_NAME
    area.mkdir()
    # Killed before it could lock anything, killed while holding a lock (the
    # lock file stays, nobody holds it), and one still running (lock held).
    dead = area / ".summarize-install-dead"
    killed = area / ".summarize-install-killed"
    running = area / ".summarize-install-running"
    for folder in (dead, killed, running):
        (folder / "package" / "pkg").mkdir(parents=True)
    (area / ".summarize-install-killed.lock").write_bytes(b"")
    held = os.open(area / ".summarize-install-running.lock", os.O_RDWR | os.O_CREAT)
    fcntl.flock(held, fcntl.LOCK_EX)
    # An older version's leftover inside the packages folder itself.
    legacy = hermetic_env / ".summarize-install-legacy"
    (legacy / "pkg").mkdir(parents=True)
    try:
        install.install_package_file(de_en)
        assert sorted(p.name for p in area.iterdir()) == [
            ".summarize-install-running",
            ".summarize-install-running.lock",
        ]
        assert not legacy.exists()
    finally:
        os.close(held)
    # Released: the next run removes it, and the empty staging area with it.
    assert models.remove_model("de", "en")
    assert not area.exists()


# ---------------------------------------------------------------- remove


def test_remove_model(hermetic_env: Path, package_files: dict[str, Path]) -> None:
    de_en = install.install_package_file(package_files["de_en"])
    en_fr = install.install_package_file(package_files["en_fr"])

    assert models.remove_model("de", "en") == [de_en.path]
    assert not de_en.path.exists()
    assert models.installed_models() == [en_fr]
    assert sorted(os.listdir(hermetic_env)) == [en_fr.path.name]

    with pytest.raises(ModelError, match="no de->en model is installed"):
        models.remove_model("de", "en")
    with pytest.raises(ModelError):
        models.remove_model("xx", "yy")


def test_remove_from_missing_packages_dir(hermetic_env: Path) -> None:
    with pytest.raises(ModelError):
        models.remove_model("de", "en")
    assert not hermetic_env.exists()


# ---------------------------------------------------------------- index


def test_install_from_index_offline(hermetic_env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Port 9 (discard) on localhost: connection refused at once, no real network.
    monkeypatch.setattr(download, "INDEX_URL", "http://127.0.0.1:9/index.json")
    start = time.monotonic()
    with pytest.raises(ModelError) as err:
        download.install_from_index("de", "en")
    assert time.monotonic() - start < 5
    message = str(err.value)
    assert message.startswith("cannot reach the Argos package index (http://127.0.0.1:9/index.json")
    assert "install offline with `summarize models install PATH.argosmodel`" in message
    assert "\n" not in message
    assert not hermetic_env.exists()
    assert "argostranslate.translate" not in sys.modules


@pytest.fixture()
def index_server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[str, Path]]:
    """A local HTTP server for index.json and packages: (base URL, folder it serves)."""
    root = tmp_path / "www"
    root.mkdir()

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    monkeypatch.setattr(download, "INDEX_URL", f"{base}/index.json")
    try:
        yield base, root
    finally:
        server.shutdown()
        server.server_close()


def _publish(root: Path, entries: list[dict[str, object]]) -> None:
    (root / "index.json").write_text(json.dumps(entries))


def test_install_from_index(
    hermetic_env: Path,
    index_server: tuple[str, Path],
    package_files: dict[str, Path],
    sample_lines: list[str],
) -> None:
    base, root = index_server
    (root / "de_en.argosmodel").write_bytes(package_files["de_en"].read_bytes())
    meta = copymodel.metadata("de", "en")
    _publish(
        root,
        [
            {**meta, "links": [f"{base}/missing.argosmodel", f"{base}/de_en.argosmodel"]},
            {"type": "sbd", "from_code": "de", "links": []},
        ],
    )
    calls: list[tuple[int, int]] = []
    model = download.install_from_index("de", "en", progress=lambda d, t: calls.append((d, t)))

    size = package_files["de_en"].stat().st_size
    assert calls[-1] == (size, size)
    assert (model.source, model.target) == ("de", "en")
    assert models.installed_models() == [model]
    assert sorted(os.listdir(hermetic_env)) == [model.path.name]  # no download leftovers
    assert_copies(model, sample_lines[:1])


def test_install_from_index_errors(
    hermetic_env: Path, index_server: tuple[str, Path], package_files: dict[str, Path]
) -> None:
    base, root = index_server
    (root / "de_en.argosmodel").write_bytes(package_files["de_en"].read_bytes())
    _publish(
        root,
        [
            {**copymodel.metadata("de", "en"), "links": [f"{base}/de_en.argosmodel"]},
            {**copymodel.metadata("en", "fr"), "links": [f"{base}/gone.argosmodel"]},
            # The index claims de->es but serves the de->en package.
            {**copymodel.metadata("de", "es"), "links": [f"{base}/de_en.argosmodel"]},
        ],
    )
    with pytest.raises(ModelError, match="has no de->it model; from de it offers: en, es"):
        download.install_from_index("de", "it")
    with pytest.raises(ModelError, match="install `de en` and `en fr` to translate through"):
        download.install_from_index("de", "fr")
    with pytest.raises(ModelError, match="cannot download .*gone.argosmodel .*HTTP 404"):
        download.install_from_index("en", "fr")
    with pytest.raises(PackageError, match="package is de->en, expected de->es"):
        download.install_from_index("de", "es")
    assert not hermetic_env.exists()  # created for the downloads, removed again

    (root / "index.json").write_text("<html>not json</html>")
    with pytest.raises(ModelError, match="is not valid"):
        download.install_from_index("de", "en")
