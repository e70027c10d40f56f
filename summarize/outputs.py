"""Writing output files: atomically, only when the content changes, never over an input.

An output path is one of three things (:func:`destination`): ``-`` or the
file our stdout already is (``/dev/stdout``), written as stdout; a FIFO,
character device or socket (``/dev/null``, ``>(cat)``), streamed into
without ever being replaced; or a regular file, replaced atomically. A
symbolic link to a regular file is refused rather than replaced by a file.
Every failure to write is an :class:`OutputError` (one line, exit 5) that
leaves whatever was at the path unchanged.
"""

from __future__ import annotations

import errno
import os
import re
import signal
import stat
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from .errors import OutputError, UsageError
from .results import GENERATED_MARKER
from .sources import STDIN, input_files

STDOUT = "-"

# What a destination is (see destination()).
TO_STDOUT = "stdout"
TO_STREAM = "stream"
TO_FILE = "file"


def destination(path: str | Path) -> str:
    """How ``path`` is written: TO_STDOUT, TO_STREAM or TO_FILE; refuses the rest.

    Never opens or reads the path, so it cannot hang on a FIFO.
    """
    if str(path) == STDOUT:
        return TO_STDOUT
    try:
        info = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            raise UsageError(
                f"{path}: a symbolic link to a missing file; give a file name, not a link"
            ) from None
        return TO_FILE
    except OSError as exc:
        raise OutputError(f"{path}: cannot be written: {_reason(exc)}") from None
    if _is_our_stdout(info):
        return TO_STDOUT
    mode = info.st_mode
    if stat.S_ISDIR(mode):
        raise UsageError(f"{path}: is a folder; give a file name (or --out-dir for one per input)")
    if stat.S_ISFIFO(mode) or stat.S_ISCHR(mode) or stat.S_ISSOCK(mode):
        return TO_STREAM
    if not stat.S_ISREG(mode):
        raise UsageError(f"{path}: not a regular file, FIFO or character device; refusing")
    if os.path.islink(path):
        raise UsageError(
            f"{path}: a symbolic link; refusing to replace it, give the file it points to "
            f"({os.path.realpath(path)})"
        )
    return TO_FILE


def _is_our_stdout(info: os.stat_result) -> bool:
    try:
        ours = os.fstat(sys.stdout.fileno())
    except (AttributeError, OSError, ValueError):  # replaced or closed stdout
        return False
    return (ours.st_dev, ours.st_ino) == (info.st_dev, info.st_ino)


def write_atomic(path: str | Path, content: str) -> bool:
    """Write ``content`` to ``path`` via a temporary file and a rename.

    Returns False, and leaves the file (and its mtime) alone, when it already
    holds exactly this content, so pre-commit sees no change. Raises
    OutputError, leaving the path as it was, when it cannot be written.
    """
    target = Path(path)
    data = content.encode("utf-8")
    if _holds(target, data):
        return False
    try:
        _make_folders(target.parent)
    except (FileExistsError, NotADirectoryError):
        raise OutputError(
            f"{path}: cannot be written: a file is in the way of the folder {target.parent}; "
            "choose another output"
        ) from None
    except OSError as exc:
        raise OutputError(f"{path}: cannot be written: {_reason(exc)}") from None
    temp = None
    try:
        with _file_size_errors():
            fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            if target.exists():
                os.chmod(temp, target.stat().st_mode & 0o777)
            else:
                umask = os.umask(0)
                os.umask(umask)
                os.chmod(temp, 0o666 & ~umask)
            os.replace(temp, target)
    except BaseException as exc:
        # Interrupted or failed: never leave a partial file behind.
        if temp is not None:
            try:
                os.unlink(temp)
            except OSError:
                pass
        if isinstance(exc, OSError):
            raise OutputError(
                f"{path}: cannot be written: {_reason(exc)}; the file is unchanged"
            ) from None
        raise
    return True


def _make_folders(folder: Path) -> None:
    """``mkdir -p`` without recursion (Path.mkdir(parents=True) recurses once per level)."""
    missing = []
    while not folder.is_dir():
        missing.append(folder)
        if folder.parent == folder:
            break
        folder = folder.parent
    for path in reversed(missing):
        try:
            path.mkdir()
        except FileExistsError:
            if not path.is_dir():
                raise


def _holds(target: Path, data: bytes) -> bool:
    """True when ``target`` is a regular file holding exactly ``data`` (never reads a FIFO)."""
    try:
        info = target.stat()
        if not stat.S_ISREG(info.st_mode) or info.st_size != len(data):
            return False
        return target.read_bytes() == data
    except OSError:
        return False


def write_stream(path: str | Path, content: str) -> None:
    """Write into a FIFO or a character device, as a shell's ``>`` would, never replacing it.

    Opened without blocking, so a FIFO nobody reads is refused at once
    instead of hanging the run.
    """
    flags = os.O_WRONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if exc.errno == errno.ENXIO:
            raise OutputError(
                f"{path}: nothing is reading from it; start the reader first, or give a file"
            ) from None
        raise OutputError(f"{path}: cannot be written: {_reason(exc)}") from None
    try:
        if stat.S_ISREG(os.fstat(fd).st_mode):  # replaced by a file since it was looked at
            raise OutputError(f"{path}: changed into a regular file while running; run again")
        os.set_blocking(fd, True)
        view = memoryview(content.encode("utf-8"))
        with _file_size_errors():
            while view:
                view = view[os.write(fd, view) :]
    except BrokenPipeError:
        raise  # the reader has gone: the CLI stops quietly, as for stdout
    except OSError as exc:
        raise OutputError(f"{path}: cannot be written: {_reason(exc)}") from None
    finally:
        os.close(fd)


@contextmanager
def _file_size_errors() -> Iterator[None]:
    """Past `ulimit -f`, get an EFBIG error instead of being killed by SIGXFSZ."""
    sigxfsz = getattr(signal, "SIGXFSZ", None)
    try:
        previous = signal.signal(sigxfsz, signal.SIG_IGN) if sigxfsz else None
    except ValueError:  # not the main thread: signals stay as they are
        previous = None
    try:
        yield
    finally:
        if previous is not None:
            signal.signal(sigxfsz, previous)  # type: ignore[arg-type]


_REASONS = {
    errno.EACCES: "permission denied; choose a folder you can write to",
    errno.EPERM: "permission denied; choose a folder you can write to",
    errno.EROFS: "the file system is read-only; choose another folder",
    errno.ENOSPC: "no space left on the device; free some space and run again",
    errno.EDQUOT: "disk quota exceeded; free some space and run again",
    errno.EFBIG: "too large for the file size limit (ulimit -f); raise the limit",
    errno.ENOTDIR: "a file is in the way of its folder; choose another output",
    errno.EISDIR: "is a folder; give a file name",
}


def _reason(exc: OSError) -> str:
    return _REASONS.get(exc.errno or 0, exc.strerror or str(exc))


def output_path(
    out_dir: Path, document_path: str, root: str | None, kind: str, target: str, extension: str
) -> Path:
    """Where one input's output goes under ``out_dir``, mirroring the input tree.

    Files found in a folder argument keep their place below that folder
    (``summary articles --out-dir s`` writes ``s/NAME.summary.en.md``, and
    ``--out-dir articles`` writes beside them); files named directly keep
    their relative path (so ``--out-dir .`` writes next to them), or just
    their name when the path is absolute or leaves the current folder.
    ``kind`` is "summary" (NAME.summary.en.md) or "translation" (NAME.en.txt).
    """
    source = Path(document_path)
    if root is not None:
        relative = source.relative_to(root) if _is_below(source, Path(root)) else Path(source.name)
    elif not source.is_absolute() and ".." not in source.parts:
        relative = source
    else:
        relative = Path(source.name)
    suffix = f".{target}.{extension}"
    if kind == "summary":
        suffix = f".summary{suffix}"
    return out_dir / relative.parent / (relative.stem + suffix)


def _is_below(path: Path, folder: Path) -> bool:
    try:
        path.relative_to(folder)
    except ValueError:
        return False
    return True


def found_inputs(
    paths: Sequence[str], globs: Sequence[str] | None = None, exclude: Sequence[str] = ()
) -> list[str]:
    """Every file the user named or a folder search finds, read or not: never to be written."""
    return [*(p for p in paths if p != STDIN), *input_files(paths, globs, exclude)]


def written_by_us(path: str | Path, inputs: Callable[[], Iterable[str]]) -> bool:
    """True when ``path`` holds what summarize writes (or nothing yet), not an article.

    Markdown outputs carry GENERATED_MARKER and JSON outputs start with an
    object; text outputs cite ``PATH:LINE`` of the other inputs, which an
    article does not. A folder search skips such an ``-o`` file, so
    ``digest d -o d/digest.txt`` can run again; any other file found among
    the inputs stays an input, and is never written over. ``inputs`` lists
    the input files, called only when the text has to be searched.
    """
    try:
        info = os.stat(path)
    except OSError:
        return True  # nothing there yet: nothing to protect
    if not stat.S_ISREG(info.st_mode):
        return False
    try:
        with open(path, "rb") as handle:
            head = handle.read(65536).decode("utf-8", errors="replace")
    except OSError:
        return False
    start = head.lstrip()
    if start.startswith(GENERATED_MARKER) or _JSON_OBJECT.match(start):
        return True
    own = os.path.realpath(path)
    return any(f"{name}:" in head for name in inputs() if os.path.realpath(name) != own)


_JSON_OBJECT = re.compile(r'\{\s*"[a-z_]+"\s*:')


class OutputPlan:
    """Files to write; ``stale`` compares instead of writing (for CI).

    ``protected`` holds every file found among the inputs, usable or not: no
    output is ever written over one. Writing is atomic and skips files whose
    content is unchanged, so a pre-commit hook can tell "up to date" from
    "regenerated".
    """

    def __init__(self, protected: Iterable[str] = ()) -> None:
        self.files: dict[Path, str] = {}
        self.kinds: dict[Path, str] = {}
        self._protected = {os.path.realpath(p) for p in protected}

    def admit(self, path: Path) -> str:
        """What ``path`` is as a destination (see destination()); refuses an input file."""
        kind = destination(path)
        if kind == TO_FILE and os.path.realpath(path) in self._protected:
            raise UsageError(f"{path}: refusing to write over an input file; choose another output")
        return kind

    def add(self, path: Path, content: str) -> None:
        kind = self.admit(path)
        if path in self.files and self.files[path] != content:
            raise UsageError(f"{path}: two inputs would write the same output file")
        self.files[path] = content
        self.kinds[path] = kind

    def stale(self) -> list[Path]:
        """Outputs that are missing or would change."""
        out = []
        for path, content in sorted(self.files.items()):
            if self.kinds[path] != TO_FILE:
                raise UsageError(f"{path}: --check compares files; give a regular file")
            if not _holds(path, content.encode("utf-8")):
                out.append(path)
        return out

    def write(self, to_stdout: Callable[[str], None]) -> tuple[list[Path], list[OutputError]]:
        """Write every file; return those created or changed, and those that failed.

        One output that cannot be written does not stop the others.
        """
        changed: list[Path] = []
        failed: list[OutputError] = []
        for path, content in sorted(self.files.items()):
            kind = self.kinds[path]
            try:
                if kind == TO_STDOUT:
                    to_stdout(content)
                elif kind == TO_STREAM:
                    write_stream(path, content)
                elif write_atomic(path, content):
                    changed.append(path)
            except OutputError as exc:
                failed.append(exc)
        return changed, failed
