"""Sources: turn the paths a user gives into decoded documents.

Inputs are files, folders (searched recursively) and ``-`` for stdin. Every
problem with one input becomes an :class:`InputError` in the result instead of
an exception, so the other inputs are still processed.
"""

from __future__ import annotations

import fnmatch
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import BinaryIO

from .errors import InputError
from .results import GENERATED_MARKER, Document

DEFAULT_GLOBS = ("*.txt", "*.md")
STDIN = "-"

# The most read from one file. News articles are kilobytes; a file past this
# is a mistake (a log, a dump, a link to /dev/zero) and would exhaust memory.
MAX_INPUT_BYTES = 256 * 1024 * 1024

# Document formats that are not text: named, with what to do, instead of being
# refused as binary (or, for HTML, summarised with its tags). By extension,
# and by content for files whose name hides what they are.
_CONVERT = "convert it to plain text first (e.g. `pandoc FILE -t plain -o FILE.txt`)"
UNSUPPORTED_FORMATS = {
    ".html": "HTML",
    ".htm": "HTML",
    ".xhtml": "HTML",
    ".docx": "a Word document (.docx)",
    ".doc": "a Word document (.doc)",
    ".odt": "an OpenDocument text (.odt)",
    ".pdf": "a PDF document",
    ".epub": "an EPUB e-book",
    ".rtf": "an RTF document",
}
_HTML_START = re.compile(rb"\s*(?:<!doctype\s+html|<html[\s>])", re.IGNORECASE)

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
    exclude: Sequence[str] = (),
) -> list[InputItem]:
    """Every input to read, in order, without reading files; stdin is read here.

    Listing problems (a missing path, a folder without matching files, a
    folder that cannot be listed) become items with an ``error``, in the
    order they are met, so reading the items in order reports exactly what
    :func:`read_documents` reports. ``exclude`` holds the run's own outputs:
    an ``-o`` file, which a folder search skips, and an ``--out-dir`` folder,
    below which it skips every file named like an output, so a second run
    does not read the first run's outputs as articles.
    """
    items: list[InputItem] = []
    for item in _listed(inputs, globs, exclude):
        if item.path != STDIN or item.error is not None:
            items.append(item)
            continue
        stream = stdin if stdin is not None else sys.stdin.buffer
        try:
            items.append(InputItem(STDIN, data=stream.read()))
        except OSError as exc:
            items.append(InputItem(STDIN, error=_read_problem(exc)))
    return items


def input_files(
    inputs: Sequence[str], globs: Sequence[str] | None = None, exclude: Sequence[str] = ()
) -> list[str]:
    """Every file found among the inputs, usable or not; stdin is not read.

    These are the user's files: no output may be written over any of them,
    whether the run could read them or skipped them.
    """
    return [item.path for item in _listed(inputs, globs, exclude) if item.path != STDIN]


def _listed(
    inputs: Sequence[str], globs: Sequence[str] | None, exclude: Sequence[str]
) -> Iterator[InputItem]:
    patterns = tuple(globs) if globs else DEFAULT_GLOBS
    excluded = {os.path.realpath(path) for path in exclude}
    seen: set[str] = set()

    def new(path: str) -> bool:
        key = path if path == STDIN else os.path.realpath(path)
        if key in seen:  # the same file reached twice (e.g. a file and its folder)
            return False
        seen.add(key)
        return True

    for given in inputs:
        if given == STDIN:
            if new(STDIN):
                yield InputItem(STDIN)
            continue
        if os.path.isdir(given):
            listing = ReadResult()
            files = list(_walk(given, patterns, listing, excluded))
            yield from (InputItem(e.path, error=e.reason) for e in listing.errors)
            if not files:
                yield InputItem(
                    given,
                    error=f"no files matching {', '.join(patterns)} in this folder "
                    "(use --glob to choose others)",
                )
            yield from (InputItem(path, root=given) for path in files if new(path))
            continue
        if not os.path.lexists(given):
            yield InputItem(given, error="no such file or folder")
            continue
        if new(given):
            yield InputItem(given)


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
        unsupported = UNSUPPORTED_FORMATS.get(os.path.splitext(item.path)[1].lower())
        if unsupported is not None:
            result.errors.append(InputError(item.path, _unsupported(unsupported)))
            return result
        try:
            data = _read_regular_file(item.path)
        except _NotRegular as exc:
            result.warnings.append(f"{item.path}: {exc}; skipped")
            return result
        except _TooLarge as exc:
            result.errors.append(InputError(item.path, str(exc)))
            return result
        except OSError as exc:
            result.errors.append(InputError(item.path, _read_problem(exc)))
            return result
    _decoded(result, item.path, data, encoding, item.root)
    return result


class _NotRegular(Exception):
    """A FIFO, a device or a socket: reading it could hang or never end."""


class _TooLarge(Exception):
    pass


def _read_regular_file(path: str) -> bytes:
    """The bytes of a regular file, at most MAX_INPUT_BYTES.

    Opened without blocking and checked on the open descriptor, so a FIFO (or
    a link to one, or to /dev/zero) is refused without waiting for a writer,
    even if it replaced a regular file after the inputs were listed.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(path)
        if not stat.S_ISREG(info.st_mode):
            raise _NotRegular(f"not a regular file ({_kind(info.st_mode)})")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        # The size says it at once; the capped read catches a file still growing.
        data = b"" if info.st_size > MAX_INPUT_BYTES else handle.read(MAX_INPUT_BYTES + 1)
    if info.st_size > MAX_INPUT_BYTES or len(data) > MAX_INPUT_BYTES:
        raise _TooLarge(
            f"larger than {MAX_INPUT_BYTES // (1024 * 1024)} MiB, too large for an article; "
            "split it into several files"
        )
    return data


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a file"


def _unsupported(what: str) -> str:
    return f"{what} is not supported, only plain text and Markdown; {_CONVERT}"


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
    kind = sniff_format(data)
    if kind is not None:
        raise InputError("", _unsupported(kind))
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


def sniff_format(data: bytes) -> str | None:
    """The name of a document format that is not text, recognised by its first bytes."""
    head = data[:1024].removeprefix(_UTF8_BOM)
    if head.startswith(b"%PDF-"):
        return "a PDF document"
    if head.startswith(b"PK\x03\x04"):
        if b"application/epub+zip" in head:
            return "an EPUB e-book"
        if b"application/vnd.oasis.opendocument" in head:
            return "an OpenDocument file"
        if b"word/" in data[:65536] or b"[Content_Types].xml" in head:
            return "a Word document (.docx)"
        return "a zip archive"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "a Word document (.doc)"
    if head.startswith(b"{\\rtf"):
        return "an RTF document"
    if _HTML_START.match(head):
        return "HTML"
    return None


def _neutralise_bom(text: str) -> str:
    # U+FEFF is not whitespace to str.strip(); a space of the same length keeps
    # offsets intact and keeps the BOM out of the first sentence.
    if text.startswith("\ufeff"):
        return " " + text[1:]
    return text


def _walk(
    folder: str, patterns: Sequence[str], result: ReadResult, excluded: set[str] | None = None
) -> Iterator[str]:
    """Files under ``folder`` matching any pattern, in a stable order.

    Hidden folders (``.git``) are skipped. ``excluded`` holds the real paths
    of the run's own outputs: such a file is skipped, and so is every file
    named like an output (NAME.en.txt) below such a folder. Symlinked folders are
    not followed, which also rules out symlink loops. The walk keeps its own
    stack, so a folder a thousand levels deep is no problem for Python's
    recursion limit.
    """
    excluded = excluded or set()
    found: list[str] = []
    # (folder, its real path when outputs are excluded, whether it is an output folder)
    top = os.path.realpath(folder) if excluded else ""
    stack = [(folder, top, top in excluded)]
    while stack:
        current, real, output_folder = stack.pop()
        try:
            with os.scandir(current) as listing:
                entries = list(listing)
        except OSError as exc:
            result.errors.append(
                InputError(exc.filename or current, f"cannot list folder: {exc.strerror or exc}")
            )
            continue
        names = {entry.name for entry in entries}
        folders = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = os.path.join(current, entry.name)
            real_path = ""
            if excluded:
                real_path = (
                    os.path.realpath(path) if entry.is_symlink() else os.path.join(real, entry.name)
                )
            try:
                is_folder = entry.is_dir()
            except OSError:
                is_folder = False
            if is_folder:
                if not entry.is_symlink():  # never followed: no loops
                    folders.append((path, real_path, output_folder or real_path in excluded))
            elif _wanted(entry.name, names, patterns, output_folder) and real_path not in excluded:
                found.append(path)
        stack.extend(sorted(folders, reverse=True))
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


def _wanted(name: str, siblings: set[str], patterns: Sequence[str], output_folder: bool) -> bool:
    if not _matches(name, patterns) or is_generated(name, siblings):
        return False
    return not (output_folder and is_output_name(name))


def is_output_name(name: str) -> bool:
    """True for a name summarize gives its outputs (NAME.en.txt, NAME.summary.de.md)."""
    return _GENERATED.match(name) is not None


def _matches(name: str, patterns: Iterable[str]) -> bool:
    return any(fnmatch.fnmatchcase(name, pattern) for pattern in patterns)


def _sort_key(path: str) -> tuple[str, ...]:
    return tuple(path.split(os.sep))
