"""Pipes, batch outputs, --check, configuration and pre-commit hooks."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, SAMPLES, SUMMARIZE, run


def test_out_dir_mirrors_the_input_tree(cli, samples, tmp_path):
    (samples / "sub").mkdir()
    shutil.copy(samples / "002_4217d0613af48abc.txt", samples / "sub" / "inner.txt")
    out = tmp_path / "out"
    result = cli("summary", samples, "--to", "de", "--format", "md", "--out-dir", out)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    written = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    assert written == [
        "000_92c960c7d59f26ef.summary.de.md",
        "001_344a44f0177a6d3e.summary.de.md",
        "002_4217d0613af48abc.summary.de.md",
        "003_7eca0d19c0b20104.summary.de.md",
        "004_e5fd99b93ca3998c.summary.de.md",
        "sub/inner.summary.de.md",
    ]


def test_out_dir_dot_writes_next_to_named_files_and_they_are_not_reread(cli, samples, monkeypatch):
    monkeypatch.chdir(samples.parent)
    result = cli(
        "summary",
        "samples/002_4217d0613af48abc.txt",
        "--to",
        "de",
        "--format",
        "md",
        "--out-dir",
        ".",
    )
    assert result.exit_code == 0, result.stderr
    assert (samples / "002_4217d0613af48abc.summary.de.md").exists()
    again = cli("summary", "samples", "--to", "de", "--format", "json")
    assert len(json.loads(again.stdout)["documents"]) == 5


def test_translate_out_dir_names(cli, samples, tmp_path):
    result = cli(
        "translate", samples / "002_4217d0613af48abc.txt", "--to", "de", "--out-dir", tmp_path / "t"
    )
    assert result.exit_code == 0, result.stderr
    assert [p.name for p in (tmp_path / "t").rglob("*.txt")] == ["002_4217d0613af48abc.de.txt"]


def test_check_exits_1_on_stale_and_0_when_current(cli, samples, tmp_path):
    out = tmp_path / "out"
    args = ("summary", samples, "--to", "de", "--format", "md", "--out-dir", out)
    stale = cli(*args, "--check")
    assert stale.exit_code == 1
    assert not out.exists()  # --check writes nothing
    assert stale.stderr.count("out of date") == 5
    assert cli(*args).exit_code == 0
    assert cli(*args, "--check").exit_code == 0
    target = out / "003_7eca0d19c0b20104.summary.de.md"
    target.write_text("edited by hand\n")
    again = cli(*args, "--check")
    assert again.exit_code == 1
    assert str(target) in again.stderr and again.stderr.count("out of date") == 1


def test_fail_on_change_and_unchanged_files_keep_their_mtime(cli, samples, tmp_path):
    output = tmp_path / "digest.md"
    args = ("digest", samples, "--to", "de", "--format", "md", "-o", output, "--fail-on-change")
    first = cli(*args)
    assert first.exit_code == 1 and f"wrote {output}" in first.stderr
    mtime = output.stat().st_mtime_ns
    second = cli(*args)
    assert second.exit_code == 0 and second.stderr == ""
    assert output.stat().st_mtime_ns == mtime


def test_never_writes_over_an_input(cli, samples):
    target = samples / "002_4217d0613af48abc.txt"
    before = target.read_bytes()
    result = cli("digest", samples, "--to", "de", "-o", target)
    assert result.exit_code == 2
    assert "refusing to write over an input" in result.stderr
    assert target.read_bytes() == before


def test_timestamp_only_when_asked(cli, samples):
    plain = cli("digest", samples, "--to", "de", "--format", "md").stdout
    stamped = cli("digest", samples, "--to", "de", "--format", "md", "--timestamp").stdout
    assert "Generated" not in plain and "_Generated " in stamped


def test_config_from_pyproject_and_flags_win(cli, samples, monkeypatch):
    monkeypatch.chdir(samples.parent)
    Path("pyproject.toml").write_text(
        '[tool.summarize]\ninputs = ["samples"]\nto = "de"\nformat = "json"\n'
        "[tool.summarize.digest]\nfacts = 3\n",
        encoding="utf-8",
    )
    result = cli("digest")
    assert result.exit_code == 0, result.stderr
    assert len(json.loads(result.stdout)["facts"]) == 3
    overridden = cli("digest", "--facts", "2", "--format", "jsonl")
    assert len(overridden.stdout.splitlines()) == 2


def test_config_from_summarize_toml_and_unknown_keys(cli, samples, monkeypatch):
    monkeypatch.chdir(samples.parent)
    Path(".summarize.toml").write_text('inputs = "samples"\nto = "de"\nmethod = "luhn"\n')
    result = cli("summary", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert len(json.loads(result.stdout)["documents"]) == 5
    Path(".summarize.toml").write_text('colour = "blue"\n')
    bad = cli("summary", "samples")
    assert bad.exit_code == 2 and "unknown setting 'colour'" in bad.stderr


def test_stdin_pipe_into_jq():
    if shutil.which("jq") is None:
        pytest.skip("jq is not installed")
    text = (SAMPLES / "002_4217d0613af48abc.txt").read_bytes()
    summarize = subprocess.run(
        [*SUMMARIZE, "summary", "-", "--to", "de", "--format", "jsonl"],
        input=text,
        capture_output=True,
    )
    assert summarize.returncode == 0, summarize.stderr
    jq = subprocess.run(["jq", "-c", "."], input=summarize.stdout, capture_output=True)
    assert jq.returncode == 0
    lines = jq.stdout.decode().splitlines()
    assert len(lines) == 5 and all(json.loads(line)["path"] == "-" for line in lines)


def test_pre_commit_env_is_quiet(samples, tmp_path):
    (tmp_path / "empty.txt").write_text("")
    loud = run(["summary", tmp_path / "empty.txt", samples, "--to", "de"])
    quiet = run(["summary", tmp_path / "empty.txt", samples, "--to", "de"], env={"PRE_COMMIT": "1"})
    assert "empty, skipped" in loud.stderr and quiet.stderr == ""
    assert loud.stdout == quiet.stdout


def test_broken_pipe_on_a_long_stream_is_quiet(tmp_path):
    text = (SAMPLES / "000_92c960c7d59f26ef.txt").read_text(encoding="utf-8")
    for i in range(60):
        (tmp_path / f"a{i:03}.txt").write_text(text, encoding="utf-8")
    proc = subprocess.run(
        f"{sys.executable} -m summarize translate {tmp_path} --to de --format jsonl | head -1",
        shell=True,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0
    assert len(proc.stdout.splitlines()) == 1
    assert proc.stderr == ""


def _git(cwd, *args):
    subprocess.run(
        ["git", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
        env={
            **os.environ,
            "GIT_AUTHOR_NAME": "t",
            "GIT_AUTHOR_EMAIL": "t@t",
            "GIT_COMMITTER_NAME": "t",
            "GIT_COMMITTER_EMAIL": "t@t",
        },
    )


def test_pre_commit_hooks_for_real(tmp_path):
    """Run pre-commit itself on a repository of articles, with our hook definitions.

    The hooks come from this repository's .pre-commit-hooks.yaml; only their
    language becomes `system` so pre-commit uses the summarize installed here
    instead of building a fresh environment from the network.
    """
    if shutil.which("pre-commit") is None and not shutil.which("git"):
        pytest.skip("pre-commit or git missing")
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    wanted = [h for h in hooks if h["id"] in {"summarize-summary", "summarize-digest"}]
    for hook in wanted:
        hook["language"] = "system"
        hook["entry"] = hook["entry"].replace("summarize ", f"{sys.executable} -m summarize ", 1)
        hook["args"] = ["--to", "de"]
    repo = tmp_path / "articles-repo"
    shutil.copytree(SAMPLES, repo / "articles")
    (repo / ".pre-commit-config.yaml").write_text(
        yaml.safe_dump({"repos": [{"repo": "local", "hooks": wanted}]})
    )
    (repo / ".summarize.toml").write_text('inputs = ["articles"]\n[digest]\noutput = "DIGEST.md"\n')
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")}
    pre_commit = [sys.executable, "-m", "pre_commit", "run", "--all-files"]
    first = subprocess.run(pre_commit, cwd=repo, capture_output=True, text=True, env=env)
    assert first.returncode == 1, first.stdout + first.stderr
    assert "# Key facts" in (repo / "DIGEST.md").read_text()
    assert (repo / "articles" / "003_7eca0d19c0b20104.summary.de.md").exists()
    _git(repo, "add", "-A")
    second = subprocess.run(pre_commit, cwd=repo, capture_output=True, text=True, env=env)
    assert second.returncode == 0, second.stdout + second.stderr
    # Nothing changed since the outputs were staged, and nothing new appeared.
    changed = subprocess.run(
        ["git", "diff", "--name-only"], cwd=repo, capture_output=True, text=True
    )
    new = subprocess.run(
        ["git", "ls-files", "--others", "--exclude-standard"],
        cwd=repo,
        capture_output=True,
        text=True,
    )
    assert changed.stdout == "" and new.stdout == ""


def test_never_writes_over_an_input_that_could_not_be_used(cli, samples, tmp_path):
    # An unreadable input produces no result, but it is still the user's file.
    broken = tmp_path / "broken.txt"
    broken.write_bytes(b"\x00\x01binary")
    for command in ("summary", "digest"):
        result = cli(
            command, samples / "002_4217d0613af48abc.txt", broken, "--to", "de", "-o", broken
        )
        assert result.exit_code == 2, result.stderr
        assert "refusing to write over an input" in result.stderr
        assert broken.read_bytes() == b"\x00\x01binary"
