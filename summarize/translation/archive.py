"""Checking and unpacking ``.argosmodel`` archives without trusting them.

``argostranslate.package.install_from_path`` extracts any zip straight into
the packages folder: ``../`` entries, symlinks and zip bombs go through. Here
every name, type and size is checked from the central directory before
anything is written, and the sizes are counted again as bytes are written.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .models import MAX_METADATA_BYTES, TOKENIZER_NAMES, InvalidPackage, parse_metadata

if TYPE_CHECKING:
    import zipfile

# --- Limits (module constants, read at call time so tests can lower them) ---
# Largest official Argos packages unpack to ~400 MB; 2 GiB leaves headroom.
MAX_UNPACKED_BYTES = 2 * 1024**3
# Model weights barely compress (int8/float ~1.1-2x, vocabularies ~4x); a big
# entry that claims to expand more than this is a zip bomb.
MAX_COMPRESSION_RATIO = 100
RATIO_CHECK_MIN_BYTES = 1024**2  # tiny entries may legitimately compress well
MAX_ENTRIES = 10_000
CHUNK = 1024**2


def human_size(n: int) -> str:
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
class Plan:
    """What an archive will unpack to, as checked before writing anything."""

    top: str
    entries: list[tuple[zipfile.ZipInfo, tuple[str, ...], bool]]  # info, parts, is_dir
    source: str
    target: str


def inspect_archive(zf: zipfile.ZipFile) -> Plan:
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
            raise InvalidPackage(f"unpacks to more than {human_size(limit)}")
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
    return Plan(top=top, entries=entries, source=source, target=target)


def extract_archive(zf: zipfile.ZipFile, plan: Plan, staging: Path) -> None:
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
                while chunk := src.read(CHUNK):
                    written += len(chunk)
                    written_total += len(chunk)
                    if written_total > limit:
                        raise InvalidPackage(f"unpacks to more than {human_size(limit)}")
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


def check_tree(folder: Path) -> None:
    """Defence in depth: the unpacked tree holds only regular files and folders."""
    for dirpath, dirnames, filenames in os.walk(folder):
        for name in dirnames + filenames:
            mode = os.lstat(os.path.join(dirpath, name)).st_mode
            if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
                raise InvalidPackage(f"unpacked {name!r} is not a regular file or folder")
