"""Sources: turn the paths a user gives into decoded documents.

Inputs are files, folders (searched recursively) and ``-`` for stdin. Every
problem with one input becomes an :class:`InputError` in the result instead of
an exception, so the other inputs are still processed.
"""

from __future__ import annotations

import fnmatch
import os
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import BinaryIO

from .errors import InputError

DEFAULT_GLOBS = ("*.txt", "*.md")
STDIN = "-"

# A UTF-16 file has NUL bytes but is text; its BOM tells it apart from binary.
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_UTF8_BOM = b"\xef\xbb\xbf"
# A multi-byte UTF-8 sequence. Finding some in a file that is not valid UTF-8
# means the file mixes encodings, and UTF-8 with replacement keeps most of it.
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]+")


@dataclass(frozen=True)
class Document:
    """One decoded input.

    ``text`` is exactly what the file decodes to (newlines untouched), so
    every offset computed later points into it. A leading BOM is kept as a
    space of the same length, so offsets still match a reader that keeps it.
    """

    path: str
    text: str
    encoding: str = "utf-8"
    language: str | None = None


@dataclass
class ReadResult:
    documents: list[Document] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def read_documents(
    inputs: Sequence[str],
    globs: Sequence[str] | None = None,
    encoding: str | None = None,
    stdin: BinaryIO | None = None,
) -> ReadResult:
    """Read every input; problems are collected, never raised."""
    result = ReadResult()
    patterns = tuple(globs) if globs else DEFAULT_GLOBS
    seen: set[str] = set()
    for given in inputs:
        if given == STDIN:
            stream = stdin if stdin is not None else sys.stdin.buffer
            _add(result, STDIN, lambda s=stream: s.read(), encoding, seen)
            continue
        if os.path.isdir(given):
            files = list(_walk(given, patterns, result))
            if not files:
                result.errors.append(
                    InputError(
                        given,
                        f"no files matching {', '.join(patterns)} in this folder "
                        "(use --glob to choose others)",
                    )
                )
            for path in files:
                _add(result, path, _file_reader(path), encoding, seen)
            continue
        if not os.path.lexists(given):
            result.errors.append(InputError(given, "no such file or folder"))
            continue
        _add(result, given, _file_reader(given), encoding, seen)
    return result


def _file_reader(path: str):
    def read() -> bytes:
        with open(path, "rb") as handle:
            return handle.read()

    return read


def _add(result: ReadResult, path: str, read, encoding: str | None, seen: set[str]) -> None:
    key = path if path == STDIN else os.path.realpath(path)
    if key in seen:  # the same file reached twice (e.g. a file and its folder)
        return
    seen.add(key)
    try:
        data = read()
    except IsADirectoryError:
        result.errors.append(InputError(path, "is a folder, not a file"))
        return
    except PermissionError:
        result.errors.append(InputError(path, "permission denied; check the file's permissions"))
        return
    except OSError as exc:
        result.errors.append(InputError(path, f"cannot read: {exc.strerror or exc}"))
        return
    try:
        text, used = decode(data, encoding)
    except InputError as exc:
        result.errors.append(InputError(path, exc.reason))
        return
    if not text.strip():
        result.warnings.append(f"{path}: empty, skipped")
        return
    if used.endswith("+replace"):
        result.warnings.append(
            f"{path}: not valid UTF-8 throughout; undecodable bytes were replaced "
            "(set --encoding if the file uses one other encoding)"
        )
    result.documents.append(Document(path=path, text=text, encoding=used))


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """Decode bytes to text, returning the text and the encoding used.

    Raises InputError (with an empty path) for binary data or a wrong
    ``--encoding``.
    """
    if encoding:
        try:
            text = data.decode(encoding)
        except LookupError:
            raise InputError("", f"unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as exc:
            raise InputError(
                "", f"cannot be decoded as {encoding} (byte {exc.start}); try another --encoding"
            ) from None
        return _neutralise_bom(text), encoding
    if data.startswith(_UTF16_BOMS):
        try:
            return _neutralise_bom(data.decode("utf-16")), "utf-16"
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:
        raise InputError("", "looks like a binary file (contains NUL bytes); skipped")
    if data.startswith(_UTF8_BOM):
        # Decode without stripping so offsets match `open(..., encoding="utf-8")`.
        data_text = data.decode("utf-8", errors="replace")
        return _neutralise_bom(data_text), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if _UTF8_MULTIBYTE.search(data):
        return data.decode("utf-8", errors="replace"), "utf-8+replace"
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        # cp1252 leaves five bytes undefined; Latin-1 maps every byte.
        return data.decode("latin-1"), "latin-1"


def _neutralise_bom(text: str) -> str:
    # U+FEFF is not whitespace to str.strip(); a space of the same length keeps
    # offsets intact and keeps the BOM out of the first sentence.
    if text.startswith("\ufeff"):
        return " " + text[1:]
    return text


def _walk(folder: str, patterns: Sequence[str], result: ReadResult) -> Iterator[str]:
    """Files under ``folder`` matching any pattern, in a stable order.

    Hidden folders (``.git``) are skipped. Symlinked folders are not followed,
    which also rules out symlink loops.
    """

    def on_error(exc: OSError) -> None:
        result.errors.append(
            InputError(exc.filename or folder, f"cannot list folder: {exc.strerror or exc}")
        )

    found: list[str] = []
    for root, dirs, files in os.walk(folder, onerror=on_error):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            if _matches(name, patterns):
                found.append(os.path.join(root, name))
    yield from sorted(found, key=_sort_key)


def _matches(name: str, patterns: Iterable[str]) -> bool:
    return any(fnmatch.fnmatchcase(name, pattern) for pattern in patterns)


def _sort_key(path: str) -> tuple[str, ...]:
    return tuple(path.split(os.sep))
