"""Installing Argos Translate packages: ``.argosmodel`` files and the package index.

We do not use ``argostranslate.package`` for the work itself:

* ``install_from_path`` extracts any zip straight into the packages folder
  (no validation: ``../`` entries, symlinks and zip bombs go through) and then
  imports ``argostranslate.translate``, which pulls in torch/stanza and may
  download sentence-boundary models;
* ``get_available_packages`` recurses forever when the index cannot be
  downloaded (``update_package_index`` swallows the error, the local index
  file never appears, it calls itself again).

Every refusal of a package file raises ``PackageError`` before anything is
written to the packages folder; installs are staged in a hidden folder inside
the packages folder (same filesystem) and renamed into place, so a crash or a
bad package never leaves a half-installed model behind.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from summarize.errors import ModelError, PackageError

from .models import (
    MAX_METADATA_BYTES,
    STAGING_PREFIX,
    TOKENIZER_NAMES,
    InstalledModel,
    InvalidPackage,
    installed_models,
    norm_code,
    packages_dir,
    parse_metadata,
    read_model,
    version_key,
)

if TYPE_CHECKING:
    import zipfile

__all__ = [
    "install_from_index",
    "install_package_file",
]

# --- Limits (module constants, read at call time so tests can lower them) ---
# Largest official Argos packages unpack to ~400 MB; 2 GiB leaves headroom.
MAX_UNPACKED_BYTES = 2 * 1024**3
# Model weights barely compress (int8/float ~1.1-2x, vocabularies ~4x); a big
# entry that claims to expand more than this is a zip bomb.
MAX_COMPRESSION_RATIO = 100
RATIO_CHECK_MIN_BYTES = 1024**2  # tiny entries may legitimately compress well
MAX_ENTRIES = 10_000
MAX_INDEX_BYTES = 16 * 1024**2

# Package index: None = ARGOS_PACKAGE_INDEX, else argostranslate's default.
INDEX_URL: str | None = None
NETWORK_TIMEOUT = 15.0  # seconds, per connection attempt / read
USER_AGENT = "summarize (Argos Translate package installer)"

OFFLINE_HINT = "install offline with `summarize models install PATH.argosmodel`"

_STALE_AFTER = 24 * 3600  # seconds; no install takes a day
_CHUNK = 1024**2


# ---------------------------------------------------------------- locations


def package_index_url() -> str:
    """URL of the Argos package index (index.json)."""
    if INDEX_URL:
        return INDEX_URL
    base = os.environ.get("ARGOS_PACKAGE_INDEX")
    if base:
        return base if base.endswith(".json") else base.rstrip("/") + "/index.json"
    from argostranslate import settings

    return str(settings.remote_package_index)


# ---------------------------------------------------------------- archive checks


def _human(n: int) -> str:
    for unit, size in (("GiB", 1024**3), ("MiB", 1024**2), ("KiB", 1024)):
        if n >= size:
            value = n / size
            return f"{value:.0f} {unit}" if value == int(value) else f"{value:.1f} {unit}"
    return f"{n} bytes"


def _entry_parts(name: str) -> list[str]:
    """Split a zip entry name into safe path components or raise InvalidPackage."""
    if any(ord(c) < 32 or ord(c) == 127 for c in name):
        raise InvalidPackage(f"entry {name!r} has control characters in its name")
    if "\\" in name:
        raise InvalidPackage(f"entry {name!r} contains a backslash")
    if name.startswith("/") or re.match(r"[A-Za-z]:", name):
        raise InvalidPackage(f"entry {name!r} is an absolute path")
    parts = name[:-1].split("/") if name.endswith("/") else name.split("/")
    if ".." in parts:
        raise InvalidPackage(f"entry {name!r} escapes the package folder")
    if any(part in ("", ".") for part in parts):
        raise InvalidPackage(f"entry {name!r} has an empty or '.' path component")
    return parts


@dataclass
class _Plan:
    """What an archive will unpack to, as checked before writing anything."""

    top: str
    entries: list[tuple[zipfile.ZipInfo, tuple[str, ...], bool]]  # info, parts, is_dir
    source: str
    target: str


def _inspect(zf: zipfile.ZipFile) -> _Plan:
    """Check names, types, sizes and required files from the central directory."""
    import zipfile
    import zlib

    infos = zf.infolist()
    if not infos:
        raise InvalidPackage("empty zip file")
    if len(infos) > MAX_ENTRIES:
        raise InvalidPackage(f"more than {MAX_ENTRIES} entries")
    limit = MAX_UNPACKED_BYTES
    entries: list[tuple[zipfile.ZipInfo, tuple[str, ...], bool]] = []
    files: dict[tuple[str, ...], zipfile.ZipInfo] = {}
    folders: set[tuple[str, ...]] = set()
    seen: set[str] = set()
    total = 0
    for info in infos:
        name = info.filename
        parts = tuple(_entry_parts(name))
        mode = info.external_attr >> 16  # Unix st_mode, when the zip was made on Unix
        kind = stat.S_IFMT(mode)
        if kind == stat.S_IFLNK:
            raise InvalidPackage(f"symlink entry {name!r}")
        if kind not in (0, stat.S_IFREG, stat.S_IFDIR):
            raise InvalidPackage(f"special file entry {name!r} (device, FIFO or socket)")
        if info.flag_bits & 0x1:
            raise InvalidPackage(f"encrypted entry {name!r}")
        # Case-insensitive: "A" and "a" would overwrite each other on macOS/Windows.
        key = "/".join(parts).casefold()
        if key in seen:
            raise InvalidPackage(f"duplicate entry {name!r}")
        seen.add(key)
        is_dir = info.is_dir() or kind == stat.S_IFDIR
        entries.append((info, parts, is_dir))
        folders.update(parts[:i] for i in range(1, len(parts)))
        if is_dir:
            folders.add(parts)
            continue
        files[parts] = info
        total += info.file_size
        if total > limit:
            raise InvalidPackage(f"unpacks to more than {_human(limit)}")
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size >= RATIO_CHECK_MIN_BYTES and ratio > MAX_COMPRESSION_RATIO:
            raise InvalidPackage(f"entry {name!r} expands {ratio:.0f}x (zip bomb?)")
    for parts in files:
        if parts in folders:
            raise InvalidPackage(f"entry {'/'.join(parts)!r} is both a file and a folder")

    tops = {parts[0] for _info, parts, _is_dir in entries}
    if len(tops) > 1:
        raise InvalidPackage("more than one top-level folder (flat zip?)")
    top = tops.pop()
    if (top,) in files:
        raise InvalidPackage(f"no top-level folder, only the file {top!r} (flat zip?)")
    if top.startswith("."):
        raise InvalidPackage(f"top-level folder {top!r} is hidden")

    meta = files.get((top, "metadata.json"))
    if meta is None:
        raise InvalidPackage("missing metadata.json")
    if not any(parts[:2] == (top, "model") for parts in folders | set(files)):
        raise InvalidPackage("missing model/ folder")
    if (top, "model", "model.bin") not in files:
        raise InvalidPackage("missing model/model.bin")
    if not any((top, name) in files for name in TOKENIZER_NAMES):
        raise InvalidPackage("missing tokenizer (sentencepiece.model or bpe.model)")
    if meta.file_size > MAX_METADATA_BYTES:
        raise InvalidPackage("metadata.json is unreasonably large")
    try:
        data = zf.read(meta)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError) as err:
        raise InvalidPackage(f"entry {meta.filename!r} is corrupt ({err})") from None
    source, target, _version, _prefix = parse_metadata(data)
    return _Plan(top=top, entries=entries, source=source, target=target)


def _extract(zf: zipfile.ZipFile, plan: _Plan, staging: Path) -> None:
    """Unpack into ``staging``, enforcing the size limit on bytes actually written.

    Header sizes are not trusted: each entry is counted as it is written and
    must match its declared size; CRCs are checked by zipfile at the end of
    each entry. Entries are written with exclusive create and default
    permissions (zip mode bits such as setuid are ignored).
    """
    import zipfile
    import zlib

    limit = MAX_UNPACKED_BYTES
    written_total = 0
    for info, parts, is_dir in plan.entries:
        dest = staging.joinpath(*parts)
        if is_dir:
            dest.mkdir(parents=True, exist_ok=True)
            continue
        dest.parent.mkdir(parents=True, exist_ok=True)
        written = 0
        try:
            with zf.open(info) as src, open(dest, "xb") as out:
                while chunk := src.read(_CHUNK):
                    written += len(chunk)
                    written_total += len(chunk)
                    if written_total > limit:
                        raise InvalidPackage(f"unpacks to more than {_human(limit)}")
                    if written > info.file_size:
                        raise InvalidPackage(
                            f"entry {info.filename!r} is larger than its header says"
                        )
                    out.write(chunk)
        except (zipfile.BadZipFile, zlib.error, EOFError) as err:
            raise InvalidPackage(f"entry {info.filename!r} is corrupt ({err})") from None
        except NotImplementedError as err:
            raise InvalidPackage(f"entry {info.filename!r}: {err}") from None
        if written != info.file_size:
            raise InvalidPackage(f"entry {info.filename!r} is shorter than its header says")


def _check_tree(folder: Path) -> None:
    """Defence in depth: the unpacked tree holds only regular files and folders."""
    for dirpath, dirnames, filenames in os.walk(folder):
        for name in dirnames + filenames:
            mode = os.lstat(os.path.join(dirpath, name)).st_mode
            if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
                raise InvalidPackage(f"unpacked {name!r} is not a regular file or folder")


# ---------------------------------------------------------------- install


def _remove_stale_staging(root: Path) -> None:
    """Delete staging leftovers of installs that were killed (SIGKILL, power loss)."""
    import shutil
    import time

    cutoff = time.time() - _STALE_AFTER
    with contextlib.suppress(OSError):
        for entry in root.iterdir():
            if entry.name.startswith(STAGING_PREFIX) and entry.lstat().st_mtime < cutoff:
                if entry.is_dir() and not entry.is_symlink():
                    shutil.rmtree(entry, ignore_errors=True)
                else:
                    entry.unlink(missing_ok=True)


def _free_name(root: Path, name: str) -> Path:
    n = 2
    while (root / f"{name}-{n}").exists() or (root / f"{name}-{n}").is_symlink():
        n += 1
    return root / f"{name}-{n}"


def _install(path: Path, label: str, expect: tuple[str, str] | None = None) -> InstalledModel:
    """Validate the archive at ``path``, then install it; ``label`` names it in errors."""
    import shutil
    import tempfile
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
            plan = _inspect(zf)
        except InvalidPackage as err:
            raise PackageError(label, str(err)) from None
        if expect is not None and (plan.source, plan.target) != expect:
            raise PackageError(
                label, f"package is {plan.source}->{plan.target}, expected {expect[0]}->{expect[1]}"
            )

        root = packages_dir()
        created = not root.exists()
        try:
            root.mkdir(parents=True, exist_ok=True)
            _remove_stale_staging(root)
            staging = Path(tempfile.mkdtemp(prefix=f"{STAGING_PREFIX}install-", dir=root))
        except OSError as err:
            raise ModelError(f"cannot write to the packages folder {root}: {err}") from None
        try:
            try:
                _extract(zf, plan, staging)
                _check_tree(staging)
                new = read_model(staging / plan.top)
            except InvalidPackage as err:
                raise PackageError(label, str(err)) from None
            except OSError as err:
                raise ModelError(f"{label}: cannot unpack into {root}: {err}") from None
            dest = _swap_in(staging, plan.top, new, root, label)
        finally:
            # Removes the staging copy on failure, or the replaced old package.
            shutil.rmtree(staging, ignore_errors=True)
            if created:  # made for this install: drop it again if still empty
                with contextlib.suppress(OSError):
                    root.rmdir()

    try:
        return read_model(dest)
    except (InvalidPackage, OSError) as err:  # pragma: no cover - only if changed under our feet
        raise ModelError(f"{label}: installed into {dest}, but cannot read it: {err}") from None


def _swap_in(staging: Path, top: str, new: InstalledModel, root: Path, label: str) -> Path:
    """Move the staged package into ``root``, replacing packages for the same pair.

    Old packages are first renamed into ``staging`` (deleted with it later),
    and renamed back if anything fails or is interrupted before the new one
    is in place. Returns the new package folder.
    """
    olds = [m for m in installed_models() if (m.source, m.target) == (new.source, new.target)]
    dest = root / top
    if (dest.exists() or dest.is_symlink()) and dest not in {m.path for m in olds}:
        dest = _free_name(root, top)  # a different package owns the name: keep it
    moved: list[tuple[Path, Path]] = []
    done = False
    try:
        for i, old in enumerate(olds):
            aside = staging / f"replaced-{i}"
            os.rename(old.path, aside)
            moved.append((aside, old.path))
        os.rename(staging / top, dest)
        done = True
        return dest
    except OSError as err:
        raise ModelError(f"{label}: cannot install into {root}: {err}") from None
    finally:
        if not done:
            for aside, original in reversed(moved):
                with contextlib.suppress(OSError):
                    os.rename(aside, original)


def install_package_file(path: Path | str) -> InstalledModel:
    """Install an ``.argosmodel`` file, replacing any package for the same pair.

    The archive is fully checked before anything is written; refusals raise
    PackageError with the reason, and leave the packages folder untouched.
    """
    return _install(Path(path), str(path))


# ---------------------------------------------------------------- download


def _network_reason(err: BaseException) -> str:
    import urllib.error

    if isinstance(err, urllib.error.HTTPError):
        return f"HTTP {err.code} {err.reason}"
    if isinstance(err, urllib.error.URLError):
        reason = err.reason
        return getattr(reason, "strerror", None) or str(reason)
    return getattr(err, "strerror", None) or str(err) or type(err).__name__


def _fetch_index(url: str) -> list[Any]:
    import http.client
    import urllib.request

    try:
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
        with urllib.request.urlopen(request, timeout=NETWORK_TIMEOUT) as response:
            data = response.read(MAX_INDEX_BYTES + 1)
    except (OSError, ValueError, http.client.HTTPException) as err:
        raise ModelError(
            f"cannot reach the Argos package index ({url}: {_network_reason(err)}); {OFFLINE_HINT}"
        ) from None
    if len(data) > MAX_INDEX_BYTES:
        raise ModelError(f"the Argos package index at {url} is too large; {OFFLINE_HINT}")
    try:
        index = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        index = None
    if not isinstance(index, list):
        raise ModelError(f"the Argos package index at {url} is not valid; {OFFLINE_HINT}")
    return index


def _index_pairs(index: list[Any]) -> dict[tuple[str, str], list[dict[str, Any]]]:
    pairs: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for entry in index:
        if not isinstance(entry, dict) or entry.get("type", "translate") != "translate":
            continue
        source, target = entry.get("from_code"), entry.get("to_code")
        links = entry.get("links")
        if not (isinstance(source, str) and isinstance(target, str) and isinstance(links, list)):
            continue
        if any(isinstance(link, str) for link in links):
            pairs.setdefault((source.lower(), target.lower()), []).append(entry)
    return pairs


def _download(url: str, dest: Path, progress: Callable[[int, int], None] | None) -> None:
    import http.client
    import urllib.request

    if not url.lower().startswith(("http://", "https://")):
        raise ModelError(f"refusing to download {url!r}: not an http(s) link")
    try:
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
        with (
            urllib.request.urlopen(request, timeout=NETWORK_TIMEOUT) as response,
            open(dest, "wb") as out,
        ):
            length = response.headers.get("Content-Length", "")
            total = int(length) if length.isdigit() else 0
            if total > MAX_UNPACKED_BYTES:
                raise ModelError(f"cannot download {url}: larger than {_human(MAX_UNPACKED_BYTES)}")
            done = 0
            if progress is not None:
                progress(0, total)
            while chunk := response.read(_CHUNK):
                done += len(chunk)
                if done > MAX_UNPACKED_BYTES:
                    raise ModelError(
                        f"cannot download {url}: larger than {_human(MAX_UNPACKED_BYTES)}"
                    )
                out.write(chunk)
                if progress is not None:
                    progress(done, total)
            if total and done < total:
                raise ModelError(f"cannot download {url}: connection closed after {done} bytes")
    except (OSError, ValueError, http.client.HTTPException) as err:
        raise ModelError(
            f"cannot download {url} ({_network_reason(err)}); {OFFLINE_HINT}"
        ) from None


def install_from_index(
    source: str,
    target: str,
    progress: Callable[[int, int], None] | None = None,
) -> InstalledModel:
    """Download the source->target package listed in the Argos index and install it.

    ``progress(done, total)`` is called as bytes arrive; ``total`` is 0 when
    the server does not say. The index is fetched directly (with a timeout)
    rather than through argostranslate, whose index code loops forever when
    offline. Each link of the package is tried in order.
    """
    import tempfile

    source, target = norm_code(source), norm_code(target)
    url = package_index_url()
    pairs = _index_pairs(_fetch_index(url))
    candidates = pairs.get((source, target))
    if not candidates:
        hint = ""
        if (source, "en") in pairs and ("en", target) in pairs:
            hint = f"; install `{source} en` and `en {target}` to translate through English"
        else:
            targets = sorted(t for s, t in pairs if s == source)
            if targets:
                hint = f"; from {source} it offers: {', '.join(targets)}"
        raise ModelError(f"the Argos package index has no {source}->{target} model{hint}")
    entry = max(candidates, key=lambda e: version_key(str(e.get("package_version", ""))))
    links = [link for link in entry["links"] if isinstance(link, str)]

    root = packages_dir()
    created = not root.exists()
    try:
        root.mkdir(parents=True, exist_ok=True)
        # Same filesystem as the install; hidden so it is never taken for a package.
        fd, name = tempfile.mkstemp(
            prefix=f"{STAGING_PREFIX}download-", suffix=".argosmodel", dir=root
        )
    except OSError as err:
        raise ModelError(f"cannot write to the packages folder {root}: {err}") from None
    os.close(fd)
    tmp = Path(name)
    try:
        error: ModelError | None = None
        for link in links:
            try:
                _download(link, tmp, progress)
            except ModelError as err:
                error = err
                continue
            return _install(tmp, link, expect=(source, target))
        assert error is not None
        raise error
    finally:
        tmp.unlink(missing_ok=True)
        if created:  # made for this download: drop it again if still empty
            with contextlib.suppress(OSError):
                root.rmdir()
