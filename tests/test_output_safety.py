"""Outputs that are never lost, never clobbered, never read back (issue 13: 2, 3, 6, 8, 11, 12).

Each test reproduces one case of the issue. Several run the CLI in a
subprocess with a timeout, because the failure they guard against is a hang
(a FIFO) or a signal (SIGXFSZ), which an in-process runner cannot survive.
"""

from __future__ import annotations

import errno
import json
import os
import re
import resource
import shutil
import stat
import subprocess
import sys
import threading
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLES, SUMMARIZE, run

from summarize.results import GENERATED_MARKER

ARTICLE = (SAMPLES / "002_4217d0613af48abc.txt").read_text(encoding="utf-8")
JAPANESE = (
    "これは日本語の記事です。ロシアと北朝鮮は条約に署名しました。両国は相互援助を約束しました。\n"
)
GOOD = "a good digest, written by an earlier run\n"


def one_error_line(stderr: str) -> str:
    assert "Traceback" not in stderr
    lines = [line for line in stderr.splitlines() if line.startswith("summarize: error:")]
    assert len(lines) == 1, stderr
    return lines[0]


def articles(folder: Path, *names: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / name).write_text(ARTICLE, encoding="utf-8")
    return folder


# --- 2: a failed run never replaces a good output ----------------------------------------


@pytest.mark.parametrize("command", ["digest", "summary"])
def test_a_run_without_a_model_leaves_the_o_file_alone(cli, samples, tmp_path, command):
    output = tmp_path / "DIGEST.md"
    output.write_text(GOOD)
    result = cli(command, samples, "--format", "md", "-o", output)  # de->en: no model installed
    assert result.exit_code == 3
    assert output.read_text() == GOOD
    assert f"{output}: left unchanged" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_run_with_an_unreadable_input_leaves_the_o_file_alone(cli, tmp_path):
    folder = articles(tmp_path / "in", "a.txt")
    (folder / "b.txt").write_bytes(b"\x00\x01binary")
    output = tmp_path / "digest.txt"
    output.write_text(GOOD)
    result = cli("digest", folder, "--to", "de", "-o", output)
    assert result.exit_code == 4
    assert output.read_text() == GOOD
    assert f"{output}: left unchanged" in result.stderr


def test_out_dir_writes_the_good_inputs_and_keeps_the_failed_ones_outputs(
    cli, install_copy, tmp_path
):
    install_copy()  # de->en only: the Japanese article has no model
    folder = articles(tmp_path / "in", "de.txt")
    (folder / "ja.txt").write_text(JAPANESE, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "ja.en.txt").write_text(GOOD)
    result = cli("translate", folder, "--out-dir", out)
    assert result.exit_code == 3
    assert (out / "de.en.txt").read_text(encoding="utf-8").startswith("Der russische Präsident")
    assert (out / "ja.en.txt").read_text() == GOOD
    assert f"{out}: the outputs of the inputs above were left unchanged" in result.stderr


def test_a_skipped_binary_input_is_never_written_over(cli, tmp_path):
    folder = articles(tmp_path / "d", "a.txt")
    binary = folder / "b.txt"
    binary.write_bytes(b"\x00\x01binary")
    result = cli("digest", folder, "--to", "de", "-o", binary)
    assert result.exit_code == 2
    assert "refusing to write over an input" in one_error_line(result.stderr)
    assert binary.read_bytes() == b"\x00\x01binary"


def test_an_input_without_a_model_is_never_written_over(cli, tmp_path):
    folder = articles(tmp_path / "d", "a.txt")
    japanese = folder / "c.txt"
    japanese.write_text(JAPANESE, encoding="utf-8")
    result = cli("summary", folder, "--to", "de", "-o", japanese)
    assert result.exit_code == 2
    assert "refusing to write over an input" in one_error_line(result.stderr)
    assert japanese.read_text(encoding="utf-8") == JAPANESE


# --- 3: -o onto stdout, devices, FIFOs and links -------------------------------------------


def test_o_dash_is_stdout(cli, samples, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    expected = cli("digest", samples, "--to", "de", "--format", "json").stdout
    result = cli("digest", samples, "--to", "de", "--format", "json", "-o", "-")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == expected and json.loads(result.stdout)["facts"]
    assert not (tmp_path / "-").exists()
    assert cli("digest", samples, "--to", "de", "-o", "-", "--check").exit_code == 2


def test_o_dev_null_streams_into_the_device(samples):
    before = os.stat("/dev/null")
    result = run(["digest", samples, "--to", "de", "-o", "/dev/null"])
    assert result.returncode == 0, result.stderr
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and after.st_rdev == before.st_rdev


def test_o_onto_a_character_device_never_replaces_it(samples, tmp_path):
    device = tmp_path / "null"
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # a /dev/null of our own
    except PermissionError:
        pytest.skip("cannot create a device node here")
    result = run(["digest", samples, "--to", "de", "-o", device])
    assert result.returncode == 0, result.stderr
    assert stat.S_ISCHR(os.lstat(device).st_mode)


def test_o_dev_full_is_one_line_and_exit_5(samples):
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full")
    result = run(["digest", samples, "--to", "de", "-o", "/dev/full"])
    assert result.returncode == 5
    assert "no space left" in one_error_line(result.stderr)


def test_o_into_a_fifo_with_a_reader_streams(samples, tmp_path):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    received = []

    def read() -> None:
        with open(fifo, "rb") as handle:
            received.append(handle.read())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    result = run(["digest", samples, "--to", "de", "--format", "json", "-o", fifo], timeout=60)
    reader.join(10)
    assert result.returncode == 0, result.stderr
    assert json.loads(received[0])["facts"]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_o_into_a_process_substitution_streams(samples, tmp_path):
    if shutil.which("bash") is None:
        pytest.skip("no bash")
    received = tmp_path / "received.json"
    command = (
        f"{sys.executable} -m summarize digest {samples} --to de --format json "
        f"-o >(cat > {received}); wait"
    )
    result = subprocess.run(["bash", "-c", command], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert json.loads(received.read_text(encoding="utf-8"))["facts"]


def test_o_into_a_fifo_nobody_reads_is_refused_at_once(samples, tmp_path):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    result = run(["digest", samples, "--to", "de", "-o", fifo], timeout=60)
    assert result.returncode == 5
    assert "nothing is reading from it" in one_error_line(result.stderr)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_o_dev_stdout_into_a_pipe_is_stdout(samples):
    expected = run(["digest", samples, "--to", "de", "--format", "json"]).stdout
    result = run(["digest", samples, "--to", "de", "--format", "json", "-o", "/dev/stdout"], 60)
    assert result.returncode == 0, result.stderr
    assert result.stdout == expected


def test_o_dev_stdout_appended_to_a_file_appends(samples, tmp_path):
    target = tmp_path / "log.txt"
    target.write_text("earlier line\n")
    link_before = os.readlink("/dev/stdout")
    with open(target, "a") as handle:
        result = subprocess.run(
            [*SUMMARIZE, "digest", samples, "--to", "de", "-k", "1", "-o", "/dev/stdout"],
            stdout=handle,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
    assert result.returncode == 0, result.stderr
    assert os.readlink("/dev/stdout") == link_before
    text = target.read_text(encoding="utf-8")
    assert text.startswith("earlier line\n") and " 1. " in text


def test_o_onto_a_symlink_is_refused_and_both_are_kept(cli, samples, tmp_path):
    real = tmp_path / "real.md"
    real.write_text(GOOD)
    link = tmp_path / "link.md"
    link.symlink_to(real)
    result = cli("digest", samples, "--to", "de", "-o", link)
    assert result.exit_code == 2
    assert "symbolic link" in one_error_line(result.stderr)
    assert link.is_symlink() and real.read_text() == GOOD


# --- 6: outputs are never read back as inputs ----------------------------------------------


def test_translate_into_an_out_dir_inside_the_input_twice(cli, tmp_path):
    folder = articles(tmp_path / "self", "a.txt", "b.txt")
    for _ in range(2):
        result = cli("translate", folder, "--to", "de", "--out-dir", folder / "out")
        assert result.exit_code == 0, result.stderr
    written = sorted(str(p.relative_to(folder)) for p in (folder / "out").rglob("*"))
    assert written == ["out/a.de.txt", "out/b.de.txt"]


@pytest.mark.parametrize("fmt", ["text", "md", "json"])
def test_digest_into_its_input_folder_twice_and_checked(cli, tmp_path, fmt):
    folder = articles(tmp_path / "d", "a.txt", "b.txt")
    output = folder / "digest.txt"
    args = ("digest", folder, "--to", "de", "--format", fmt, "-o", output)
    first = cli(*args)
    assert first.exit_code == 0, first.stderr
    content = output.read_bytes()
    second = cli(*args)
    assert second.exit_code == 0, second.stderr
    assert output.read_bytes() == content
    checked = cli(*args, "--check")
    assert checked.exit_code == 0, checked.stderr


# --- 8: outputs that cannot be written: one line, exit 5 -----------------------------------


def test_o_into_a_read_only_folder(cli, samples, tmp_path, monkeypatch):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    if os.geteuid() == 0:  # root writes anywhere: refuse as the kernel would for a user
        import tempfile

        def refuse(*args, **kwargs):
            raise PermissionError(errno.EACCES, "Permission denied", str(folder))

        monkeypatch.setattr(tempfile, "mkstemp", refuse)
    result = cli("digest", samples, "--to", "de", "-o", folder / "digest.md")
    assert result.exit_code == 5
    assert "permission denied" in one_error_line(result.stderr)
    assert not (folder / "digest.md").exists()


def test_a_full_disk_keeps_the_old_file(cli, samples, tmp_path, monkeypatch):
    output = tmp_path / "digest.md"
    output.write_text(GOOD)

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    result = cli("digest", samples, "--to", "de", "-o", output)
    assert result.exit_code == 5
    assert "no space left" in one_error_line(result.stderr)
    assert output.read_text() == GOOD
    assert sorted(p.name for p in tmp_path.iterdir()) == ["digest.md", "samples"]  # no .tmp


def test_a_file_size_limit(samples, tmp_path):
    output = tmp_path / "digest.md"
    output.write_text(GOOD)

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (2_000, 2_000))

    result = run(
        ["digest", samples, "--to", "de", "--no-cache", "-o", output], preexec_fn=limit, timeout=60
    )
    assert result.returncode == 5, result.stderr
    assert "ulimit -f" in one_error_line(result.stderr)
    assert output.read_text() == GOOD
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_o_whose_parent_is_a_file(cli, samples, tmp_path):
    blocker = tmp_path / "file.txt"
    blocker.write_text("a file, not a folder\n")
    for output in (blocker / "digest.md", blocker / "sub" / "digest.md"):
        result = cli("digest", samples, "--to", "de", "-o", output)
        assert result.exit_code == 5
        assert "a file is in the way" in one_error_line(result.stderr)
    assert blocker.read_text() == "a file, not a folder\n"


def test_the_readme_lists_exit_code_5():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert re.search(r"^\| 5 \| an output file could not be written", readme, re.MULTILINE)


# --- 11: formats that are not text are named ------------------------------------------------


def _docx(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")


@pytest.mark.parametrize(
    "name, content, named",
    [
        ("page.html", "<!DOCTYPE html><html><body><p>" + ARTICLE + "</p></body></html>", "HTML"),
        ("page.htm", "<html><body>" + ARTICLE + "</body></html>", "HTML"),
        ("letter.docx", None, "Word document"),
        ("paper.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\x00", "PDF document"),
        ("notes.odt", b"PK\x03\x04\x00\x00mimetypeapplication/vnd.oasis.opendocument.text", "Open"),
        ("book.epub", b"PK\x03\x04\x00\x00mimetypeapplication/epub+zip", "EPUB"),
        ("saved-page.txt", "<!doctype html>\n<html lang=de><p>" + ARTICLE, "HTML"),
    ],
)
def test_unsupported_formats_are_named_and_the_rest_is_processed(
    cli, tmp_path, name, content, named
):
    path = tmp_path / name
    if content is None:
        _docx(path)
    elif isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    good = articles(tmp_path / "in", "a.txt") / "a.txt"
    result = cli("summary", path, good, "--to", "de", "--format", "json")
    assert result.exit_code == 4
    line = one_error_line(result.stderr)
    assert f"{path}: " in line and named in line and "not supported" in line
    assert "convert it to plain text" in line and "NUL bytes" not in line
    assert [d["path"] for d in json.loads(result.stdout)["documents"]] == [str(good)]


# --- 12: the format follows the output file; the README tells the truth ---------------------


def test_config_output_md_without_format_writes_markdown(cli, samples, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    shutil.copytree(samples, "articles")
    Path(".summarize.toml").write_text(
        'inputs = ["articles"]\nto = "de"\n[digest]\noutput = "DIGEST.md"\n'
    )
    result = cli("digest")
    assert result.exit_code == 0, result.stderr
    assert Path("DIGEST.md").read_text(encoding="utf-8").startswith(GENERATED_MARKER)
    # A format on the command line that DIGEST.md cannot hold goes to stdout.
    written = Path("DIGEST.md").read_bytes()
    as_json = cli("digest", "--format", "json")
    assert as_json.exit_code == 0, as_json.stderr
    assert json.loads(as_json.stdout)["facts"]
    assert Path("DIGEST.md").read_bytes() == written
    # The matching format still writes the configured file (the pre-commit hook's way).
    assert cli("digest", "--format", "md", "--check").exit_code == 0


@pytest.mark.parametrize("suffix, check", [(".json", json.loads), (".txt", str.strip)])
def test_o_extension_sets_the_format(cli, samples, tmp_path, suffix, check):
    output = tmp_path / f"digest{suffix}"
    result = cli("digest", samples, "--to", "de", "-o", output)
    assert result.exit_code == 0, result.stderr
    text = output.read_text(encoding="utf-8")
    assert check(text) and not text.startswith(GENERATED_MARKER)
    forced = cli("digest", samples, "--to", "de", "--format", "md", "-o", output)
    assert forced.exit_code == 0 and output.read_text().startswith(GENERATED_MARKER)


def test_readme_out_dir_example_says_what_the_command_writes(cli, tmp_path, monkeypatch):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = re.search(
        r"^summarize translate articles/ --out-dir (\S+) +# (\S+?),? ", readme, re.M
    )
    assert example is not None
    out_dir, claimed = example.groups()
    monkeypatch.chdir(tmp_path)
    articles(tmp_path / "articles", "NAME.txt")
    result = cli("translate", "articles/", "--out-dir", out_dir, "--to", "en", "--from", "en")
    assert result.exit_code == 0, result.stderr
    assert Path(claimed).is_file()


def test_readme_pre_commit_rev_is_not_an_invented_tag():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    revs = re.findall(r"^\s+rev: (\S+)", readme, re.M)
    assert revs, "the README shows a pre-commit configuration"
    tags = subprocess.run(["git", "tag"], cwd=ROOT, capture_output=True, text=True).stdout.split()
    for rev in revs:
        assert rev in tags or not re.fullmatch(r"v?\d+(\.\d+)*", rev), rev
