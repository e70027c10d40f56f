"""Downloading packages listed in the Argos package index (the only network use).

We fetch the index ourselves: ``argostranslate.package.get_available_packages``
recurses forever when the index cannot be downloaded (``update_package_index``
swallows the error, the local index file never appears, it calls itself
again). Every read has a per-read timeout, a stall limit (a server that
trickles a byte every few seconds never trips a per-read timeout) and an
overall deadline. The package is downloaded into a locked staging folder and
installed from there like any ``.argosmodel`` file.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from typing import IO, Any

from summarize.errors import ModelError

from .archive import MAX_UNPACKED_BYTES, human_size
from .install import install_archive, staged
from .models import InstalledModel, norm_code, version_key

__all__ = ["install_from_index", "package_index_url"]

# --- Limits (module constants, read at call time so tests can lower them) ---
MAX_INDEX_BYTES = 16 * 1024**2
NETWORK_TIMEOUT = 15.0  # seconds: connecting, and each single read
# Less than STALL_BYTES in STALL_SECONDS is a stalled download.
STALL_SECONDS = 60.0
STALL_BYTES = 64 * 1024
INDEX_DEADLINE = 120.0  # seconds for the whole index
DOWNLOAD_DEADLINE = 3 * 3600.0  # seconds for a whole package (400 MB at ~40 kB/s)

# Package index: None = ARGOS_PACKAGE_INDEX, else argostranslate's default.
INDEX_URL: str | None = None
USER_AGENT = "summarize (Argos Translate package installer)"
OFFLINE_HINT = "install offline with `summarize models install PATH.argosmodel`"
_CHUNK = 1024**2


def package_index_url() -> str:
    """URL of the Argos package index (index.json)."""
    if INDEX_URL:
        return INDEX_URL
    base = os.environ.get("ARGOS_PACKAGE_INDEX")
    if base:
        return base if base.endswith(".json") else base.rstrip("/") + "/index.json"
    from argostranslate import settings

    return str(settings.remote_package_index)


class _TooSlow(Exception):
    pass


class _TooLarge(Exception):
    pass


def _network_reason(err: BaseException) -> str:
    import urllib.error

    if isinstance(err, urllib.error.HTTPError):
        return f"HTTP {err.code} {err.reason}"
    if isinstance(err, urllib.error.URLError):
        reason = err.reason
        return getattr(reason, "strerror", None) or str(reason)
    if isinstance(err, TimeoutError):
        return f"no data for {NETWORK_TIMEOUT:g} s"
    return getattr(err, "strerror", None) or str(err) or type(err).__name__


def _copy_body(
    response: Any,
    out: IO[bytes],
    limit: int,
    deadline: float,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Copy the response body into ``out``; return the byte count.

    ``read1`` returns what one socket read gives, so a trickling server
    cannot keep a single call busy; the stall and deadline checks run
    after every read. Raises _TooSlow or _TooLarge.
    """
    start = time.monotonic()
    window_start, window_bytes = start, 0
    length = response.headers.get("Content-Length", "")
    total = int(length) if length.isdigit() else 0
    if total > limit:
        raise _TooLarge
    done = 0
    if progress is not None:
        progress(0, total)
    while chunk := response.read1(_CHUNK):
        done += len(chunk)
        if done > limit:
            raise _TooLarge
        out.write(chunk)
        if progress is not None:
            progress(done, total)
        now = time.monotonic()
        if now - start > deadline:
            raise _TooSlow(f"not finished after {deadline:g} s")
        window_bytes += len(chunk)
        if now - window_start >= STALL_SECONDS:
            if window_bytes < STALL_BYTES:
                raise _TooSlow(
                    f"stalled: {window_bytes} bytes in the last {now - window_start:.0f} s"
                )
            window_start, window_bytes = now, 0
    if total and done < total:
        raise OSError(f"connection closed after {done} of {total} bytes")
    return done


def _fetch_index(url: str) -> list[Any]:
    import http.client
    import io
    import urllib.request

    body = io.BytesIO()
    try:
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
        with urllib.request.urlopen(request, timeout=NETWORK_TIMEOUT) as response:
            _copy_body(response, body, MAX_INDEX_BYTES, INDEX_DEADLINE)
    except _TooLarge:
        raise ModelError(f"the Argos package index at {url} is too large; {OFFLINE_HINT}") from None
    except (_TooSlow, OSError, ValueError, http.client.HTTPException) as err:
        reason = str(err) if isinstance(err, _TooSlow) else _network_reason(err)
        raise ModelError(
            f"cannot reach the Argos package index ({url}: {reason}); {OFFLINE_HINT}"
        ) from None
    try:
        index = json.loads(body.getvalue().decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        index = None
    if not isinstance(index, list):
        raise ModelError(f"the Argos package index at {url} is not valid; {OFFLINE_HINT}")
    return index


def _http_links(entry: dict[str, Any]) -> list[str]:
    links = entry.get("links")
    if not isinstance(links, list):
        return []
    return [
        link
        for link in links
        if isinstance(link, str) and link.lower().startswith(("http://", "https://"))
    ]


def _index_pairs(index: list[Any]) -> dict[tuple[str, str], list[dict[str, Any]]]:
    pairs: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for entry in index:
        if not isinstance(entry, dict) or entry.get("type", "translate") != "translate":
            continue
        source, target = entry.get("from_code"), entry.get("to_code")
        links = entry.get("links")
        if isinstance(source, str) and isinstance(target, str) and isinstance(links, list):
            pairs.setdefault((source.lower(), target.lower()), []).append(entry)
    return pairs


def _download(url: str, dest: Any, progress: Callable[[int, int], None] | None) -> None:
    import http.client
    import urllib.request

    try:
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
        with (
            urllib.request.urlopen(request, timeout=NETWORK_TIMEOUT) as response,
            open(dest, "wb") as out,
        ):
            _copy_body(response, out, MAX_UNPACKED_BYTES, DOWNLOAD_DEADLINE, progress)
    except _TooLarge:
        raise ModelError(
            f"cannot download {url}: larger than {human_size(MAX_UNPACKED_BYTES)}"
        ) from None
    except (_TooSlow, OSError, ValueError, http.client.HTTPException) as err:
        reason = str(err) if isinstance(err, _TooSlow) else _network_reason(err)
        raise ModelError(f"cannot download {url} ({reason}); {OFFLINE_HINT}") from None


def install_from_index(
    source: str,
    target: str,
    progress: Callable[[int, int], None] | None = None,
) -> InstalledModel:
    """Download the source->target package listed in the Argos index and install it.

    ``progress(done, total)`` is called as bytes arrive; ``total`` is 0 when
    the server does not say. The http(s) links of the package are tried in
    order; other links (``ipfs://`` in older index entries) are skipped, and
    when every link fails the error of the first http(s) one is reported.
    """
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
    entry = max(candidates, key=lambda e: version_key(str(e.get("package_version", ""))[:64]))
    links = _http_links(entry)
    if not links:
        raise ModelError(
            f"the Argos package index lists no http(s) link for {source}->{target}; {OFFLINE_HINT}"
        )
    with staged("download") as staging:
        file = staging.path / "download.argosmodel"
        first_error: ModelError | None = None
        for link in links:
            try:
                _download(link, file, progress)
            except ModelError as err:
                first_error = first_error or err
                continue
            return install_archive(file, link, (source, target), staging)
        assert first_error is not None
        raise first_error
