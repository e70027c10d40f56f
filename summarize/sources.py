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
from .results import GENERATED_MARKER, Document

DEFAULT_GLOBS = ("*.txt", "*.md")
STDIN = "-"

# A UTF-16 file has NUL bytes but is text; its BOM tells it apart from binary.
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_UTF8_BOM = b"\xef\xbb\xbf"
# A multi-byte UTF-8 sequence. Finding some in a file that is not valid UTF-8
# means the file mixes encodings, and UTF-8 with replacement keeps most of it.
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]+")


@dataclass
class ReadResult:
    documents: list[Document] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class InputItem:
    """One input to read, as listed before reading anything.

    A file (``path`` and the folder argument it was found in, ``root``), stdin
    (``path`` is ``-`` and ``data`` holds the bytes already read), or a problem
    found while listing (``error`` is the reason). Plain data, so an item can be
    sent to another process that reads the file there.
    """

    path: str
    root: str | None = None
    data: bytes | None = None
    error: str | None = None


def list_inputs(
    inputs: Sequence[str],
    globs: Sequence[str] | None = None,
    stdin: BinaryIO | None = None,
) -> list[InputItem]:
    """Every input to read, in order, without reading files; stdin is read here.

    Listing problems (a missing path, a folder without matching files, a
    folder that cannot be listed) become items with an ``error``, in the
    order they are met, so reading the items in order reports exactly what
    :func:`read_documents` reports.
    """
    items: list[InputItem] = []
    patterns = tuple(globs) if globs else DEFAULT_GLOBS
    seen: set[str] = set()

    def add(path: str, root: str | None = None) -> None:
        key = path if path == STDIN else os.path.realpath(path)
        if key in seen:  # the same file reached twice (e.g. a file and its folder)
            return
        seen.add(key)
        if path != STDIN:
            items.append(InputItem(path, root))
            return
        stream = stdin if stdin is not None else sys.stdin.buffer
        try:
            items.append(InputItem(STDIN, data=stream.read()))
        except OSError as exc:
            items.append(InputItem(STDIN, error=_read_problem(exc)))

    for given in inputs:
        if given == STDIN:
            add(STDIN)
            continue
        if os.path.isdir(given):
            listing = ReadResult()
            files = list(_walk(given, patterns, listing))
            items.extend(InputItem(e.path, error=e.reason) for e in listing.errors)
            if not files:
                items.append(
                    InputItem(
                        given,
                        error=f"no files matching {', '.join(patterns)} in this folder "
                        "(use --glob to choose others)",
                    )
                )
            for path in files:
                add(path, root=given)
            continue
        if not os.path.lexists(given):
            items.append(InputItem(given, error="no such file or folder"))
            continue
        add(given)
    return items


def read_input(
    item: InputItem, encoding: str | None = None, into: ReadResult | None = None
) -> ReadResult:
    """Read and decode one listed input; problems are collected, never raised."""
    result = into if into is not None else ReadResult()
    if item.error is not None:
        result.errors.append(InputError(item.path, item.error))
        return result
    if item.data is not None:
        data = item.data
    else:
        try:
            with open(item.path, "rb") as handle:
                data = handle.read()
        except OSError as exc:
            result.errors.append(InputError(item.path, _read_problem(exc)))
            return result
    _decoded(result, item.path, data, encoding, item.root)
    return result


def read_documents(
    inputs: Sequence[str],
    globs: Sequence[str] | None = None,
    encoding: str | None = None,
    stdin: BinaryIO | None = None,
) -> ReadResult:
    """Read every input; problems are collected, never raised."""
    result = ReadResult()
    for item in list_inputs(inputs, globs, stdin):
        read_input(item, encoding, into=result)
    return result


def _read_problem(exc: OSError) -> str:
    if isinstance(exc, IsADirectoryError):
        return "is a folder, not a file"
    if isinstance(exc, PermissionError):
        return "permission denied; check the file's permissions"
    return f"cannot read: {exc.strerror or exc}"


def _decoded(
    result: ReadResult, path: str, data: bytes, encoding: str | None, root: str | None
) -> None:
    try:
        text, used = decode(data, encoding)
    except InputError as exc:
        result.errors.append(InputError(path, exc.reason))
        return
    if not text.strip():
        result.warnings.append(f"{path}: empty, skipped")
        return
    if text.lstrip(" ").startswith(GENERATED_MARKER):
        result.warnings.append(f"{path}: written by summarize, not an article; skipped")
        return
    if used.endswith("+replace"):
        result.warnings.append(
            f"{path}: not valid UTF-8 throughout; undecodable bytes were replaced "
            "(set --encoding if the file uses one other encoding)"
        )
    result.documents.append(Document(path=path, text=text, encoding=used, root=root))


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
        names = set(files)
        for name in sorted(files):
            if name.startswith(".") or is_generated(name, names):
                continue
            if _matches(name, patterns):
                found.append(os.path.join(root, name))
    yield from sorted(found, key=_sort_key)


# What summarize itself writes next to articles: NAME.summary.en.md,
# NAME.en.txt (a translation), digest.en.md. Reading them back as articles
# would feed the tool its own output on the next run.
_GENERATED = re.compile(
    r"^(?P<stem>.+?)\.(?:(?:summary|digest)\.)?(?P<lang>[a-z]{2,3})\.(?:md|txt|json|jsonl)$"
)


def is_generated(name: str, siblings: set[str]) -> bool:
    """True for a file summarize wrote for an article that sits beside it."""
    if ".summary." in name or name.startswith("digest.") or ".digest." in name:
        return _GENERATED.match(name) is not None
    match = _GENERATED.match(name)
    if match is None:
        return False
    stem = match.group("stem")
    return any(f"{stem}{ext}" in siblings for ext in (".txt", ".md"))


def _matches(name: str, patterns: Iterable[str]) -> bool:
    return any(fnmatch.fnmatchcase(name, pattern) for pattern in patterns)


def _sort_key(path: str) -> tuple[str, ...]:
    return tuple(path.split(os.sep))
