"""Downloads that stall or crawl, index links that are not http, and installs that are killed.

Servers run on 127.0.0.1 only. The limits are module constants, lowered here
so a server that trickles bytes forever fails the test run in well under a
second of limits, never by a test timing anything.
"""

from __future__ import annotations

import http.server
import json
import re
import subprocess
import sys
import textwrap
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path

import copymodel
import pytest

from summarize.errors import ModelError
from summarize.translation import download, models, staging
from summarize.translation.translator import ArgosTranslator

SENTENCE = "Die Brücke wird im Frühjahr saniert."


class Server:
    """A local HTTP server whose routes are set per test: path -> handler function."""

    def __init__(self) -> None:
        self.routes: dict[str, object] = {}
        self.stop = threading.Event()
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802 - http.server's naming
                route = outer.routes.get(self.path)
                if route is None:
                    self.send_error(404, "Not Found")
                    return
                try:
                    route(self)  # type: ignore[operator]
                except (BrokenPipeError, ConnectionResetError):
                    pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    def bytes_route(self, path: str, data: bytes, content_type: str = "application/octet-stream"):
        def send(handler: http.server.BaseHTTPRequestHandler) -> None:
            handler.send_response(200)
            handler.send_header("Content-Type", content_type)
            handler.send_header("Content-Length", str(len(data)))
            handler.end_headers()
            handler.wfile.write(data)

        self.routes[path] = send

    def trickle_route(self, path: str, chunk: int, every: float, claimed: int = 10**6) -> None:
        """Send ``chunk`` bytes every ``every`` seconds until the client goes away."""

        def send(handler: http.server.BaseHTTPRequestHandler) -> None:
            handler.send_response(200)
            handler.send_header("Content-Length", str(claimed))
            handler.end_headers()
            while not self.stop.wait(every):
                handler.wfile.write(b"x" * chunk)
                handler.wfile.flush()

        self.routes[path] = send

    def close(self) -> None:
        self.stop.set()
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture()
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[Server]:
    srv = Server()
    monkeypatch.setattr(download, "INDEX_URL", f"{srv.base}/index.json")
    try:
        yield srv
    finally:
        srv.close()


def publish(srv: Server, entries: list[dict[str, object]]) -> None:
    srv.bytes_route("/index.json", json.dumps(entries).encode(), "application/json")


def entry(links: list[str], source: str = "de", target: str = "en") -> dict[str, object]:
    return {**copymodel.metadata(source, target), "links": links}


# ---------------------------------------------------------------- stalls and deadlines


def test_trickling_download_stops_at_the_stall_limit(
    server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(download, "STALL_SECONDS", 0.3)
    monkeypatch.setattr(download, "STALL_BYTES", 1024)
    server.trickle_route("/slow.argosmodel", chunk=1, every=0.02)
    publish(server, [entry([f"{server.base}/slow.argosmodel"])])
    with pytest.raises(ModelError) as err:
        download.install_from_index("de", "en")
    message = str(err.value)
    assert message.startswith(f"cannot download {server.base}/slow.argosmodel (stalled: ")
    assert re.search(r"\(stalled: \d+ bytes in the last \d+ s\); install offline", message)
    assert "install offline" in message and "\n" not in message
    assert not models.packages_dir().exists()  # nothing left: no package, no staging


def test_crawling_download_stops_at_the_deadline(
    server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Never stalled (every read brings at least STALL_BYTES), but endless.
    monkeypatch.setattr(download, "STALL_SECONDS", 0.1)
    monkeypatch.setattr(download, "STALL_BYTES", 1)
    monkeypatch.setattr(download, "DOWNLOAD_DEADLINE", 0.5)
    server.trickle_route("/crawl.argosmodel", chunk=4096, every=0.01, claimed=10**9)
    publish(server, [entry([f"{server.base}/crawl.argosmodel"])])
    with pytest.raises(ModelError, match=r"crawl\.argosmodel \(not finished after 0\.5 s\)"):
        download.install_from_index("de", "en")


def test_trickling_index_stops_at_the_stall_limit(
    server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(download, "STALL_SECONDS", 0.3)
    monkeypatch.setattr(download, "STALL_BYTES", 1024)
    server.trickle_route("/index.json", chunk=1, every=0.02)
    with pytest.raises(ModelError, match=r"cannot reach the Argos package index \(.*stalled: "):
        download.install_from_index("de", "en")


def test_silent_server_times_out(server: Server, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(download, "NETWORK_TIMEOUT", 0.2)
    server.trickle_route("/silent.argosmodel", chunk=1, every=3600)
    publish(server, [entry([f"{server.base}/silent.argosmodel"])])
    with pytest.raises(ModelError, match=r"silent\.argosmodel \(no data for 0\.2 s\)"):
        download.install_from_index("de", "en")


# ---------------------------------------------------------------- links


def test_non_http_links_are_skipped_and_the_http_error_reported(server: Server) -> None:
    # The real shape of older Argos index entries: an ipfs:// link beside the http one.
    publish(server, [entry(["ipfs://QmSomething", f"{server.base}/gone.argosmodel"])])
    with pytest.raises(ModelError) as err:
        download.install_from_index("de", "en")
    assert f"cannot download {server.base}/gone.argosmodel (HTTP 404 Not Found)" in str(err.value)
    assert "ipfs" not in str(err.value)


def test_non_http_link_first_then_working_http_link(server: Server, copy_packages) -> None:
    server.bytes_route("/de_en.argosmodel", copy_packages[("de", "en")].read_bytes())
    publish(server, [entry(["ipfs://QmSomething", f"{server.base}/de_en.argosmodel"])])
    model = download.install_from_index("de", "en")
    assert (model.source, model.target) == ("de", "en")
    assert ArgosTranslator().translate([SENTENCE], "de", "en") == [SENTENCE]
    root = models.packages_dir()
    assert sorted(p.name for p in root.iterdir()) == [model.path.name]
    assert not (root.parent / staging.AREA_NAME).exists()


def test_only_non_http_links(server: Server) -> None:
    publish(server, [entry(["ipfs://QmSomething", "magnet:?xt=urn:btih:0"])])
    with pytest.raises(ModelError, match="lists no http\\(s\\) link for de->en"):
        download.install_from_index("de", "en")


# ---------------------------------------------------------------- killed installs


def _v2(copy_packages, tmp_path: Path) -> Path:
    """The copy package as version 2.0 in a folder of its own name."""
    out = tmp_path / "v2.argosmodel"
    with (
        zipfile.ZipFile(copy_packages[("de", "en")]) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as dst,
    ):
        for info in src.infolist():
            data = src.read(info)
            if info.filename.endswith("/metadata.json"):
                data = json.dumps({**json.loads(data), "package_version": "2.0"}).encode()
            name = "de_en-v2/" + info.filename.split("/", 1)[1]
            dst.writestr(zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0)), data)
    return out


# The child installs, and is killed (os._exit, no cleanup) at the given moment.
_KILLED_INSTALL = textwrap.dedent(
    """
    import os, sys
    from summarize.translation import archive, install, staging
    moment, package = sys.argv[1], sys.argv[2]
    if moment == "unpacking":
        real_extract = archive.extract_archive
        def extract(zf, plan, dest):
            real_extract(zf, plan, dest)
            os._exit(9)
        archive.extract_archive = extract
    else:  # right after the new package is renamed into place, before the old goes
        real_rename = os.rename
        def rename(src, dst):
            real_rename(src, dst)
            os._exit(9)
        staging.os.rename = rename
    install.install_package_file(package)
    """
)


@pytest.mark.parametrize("moment", ["unpacking", "between renames"])
def test_killed_install_leaves_a_model_and_argos_working(
    moment: str, install_copy, copy_packages, tmp_path: Path
) -> None:
    from argostranslate.package import get_installed_packages

    install_copy()
    (v1,) = models.installed_models()
    root = models.packages_dir()
    killed = subprocess.run(
        [sys.executable, "-c", _KILLED_INSTALL, moment, str(_v2(copy_packages, tmp_path))],
        capture_output=True,
        text=True,
    )
    assert killed.returncode == 9, killed.stderr

    # The pair has a model at every moment; after a kill between the renames
    # both versions are there and the newer one is used.
    versions = sorted(m.version for m in models.installed_models())
    assert versions == (["1.0"] if moment == "unpacking" else ["1.0", "2.0"])
    assert models.find_model("de", "en").version == versions[-1]
    assert ArgosTranslator().translate([SENTENCE], "de", "en") == [SENTENCE]
    # The leftover staging folder sits beside the packages folder: Argos' own
    # listing does not trip over it.
    area = root.parent / staging.AREA_NAME
    assert any(p.is_dir() for p in area.iterdir())
    listed = get_installed_packages([root])
    assert sorted(p.package_version for p in listed) == versions

    # Nobody holds its lock: the next run removes it.
    assert staging.clean_stale(root) == 1
    assert not area.exists()
    assert v1.path.exists()


def test_cli_install_from_index(cli, server: Server, copy_packages) -> None:
    publish(server, [entry(["ipfs://QmSomething", f"{server.base}/gone.argosmodel"])])
    failed = cli("models", "install", "de", "en")
    assert failed.exit_code == 3
    assert failed.stderr == (
        f"summarize: error: cannot download {server.base}/gone.argosmodel (HTTP 404 Not Found); "
        "install offline with `summarize models install PATH.argosmodel`\n"
    )
    server.bytes_route("/gone.argosmodel", copy_packages[("de", "en")].read_bytes())
    done = cli("models", "install", "de", "en")
    assert done.exit_code == 0, done.stderr
    assert ArgosTranslator().translate([SENTENCE], "de", "en") == [SENTENCE]


def test_download_bar_is_drawn_on_stderr_not_stdout(
    server: Server, copy_packages, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # At a terminal the bar is shown; it is talk, so it must not reach stdout.
    from test_pty import run_at_terminal

    data = copy_packages[("de", "en")].read_bytes()
    server.bytes_route("/copy.argosmodel", data)
    publish(server, [entry([f"{server.base}/copy.argosmodel"])])
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", f"{server.base}/index.json")
    run = run_at_terminal(["models", "install", "de", "en"], tmp_path)

    assert run.code == 0, run.terminal
    assert run.stdout == b""
    assert b"downloading" in run.terminal
    assert b"installed de->en" in run.terminal
