"""The command line as users meet it: exit codes, stdout vs stderr, formats."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import SAMPLES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summarize.cli import app
from summarize.select.summary import SUMMARIZERS

COMMENT_003 = "Immer wieder schön zu lesen"


def spans_hold(cite: dict) -> bool:
    with open(cite["path"], encoding="utf-8", newline="") as handle:
        text = handle.read()
    return text[cite["start"] : cite["end"]] == cite["source_text"]


def line_holds(cite: dict) -> bool:
    with open(cite["path"], encoding="utf-8", newline="") as handle:
        text = handle.read()
    return text.count("\n", 0, cite["start"]) + 1 == cite["line"]


def test_summary_of_samples_cites_path_and_line(cli):
    result = cli("summary", SAMPLES, "--to", "de")
    assert result.exit_code == 0, result.stderr
    for sample in sorted(SAMPLES.glob("*.txt")):
        assert str(sample) in result.stdout
    bullets = [line for line in result.stdout.splitlines() if line.startswith("  - ")]
    assert len(bullets) == 25
    assert all(line.rstrip().endswith("]") and ".txt:" in line for line in bullets)


def test_summary_json_spans_and_no_boilerplate(cli):
    result = cli("summary", SAMPLES, "--to", "de", "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert len(data["documents"]) == 5
    banned = (
        COMMENT_003,
        "Kommentar",
        "Newsletter",
        "E-Mail",
        "Kostenlose Beratung",
        "Lesezeit",
        "Jane Park",
        "Freepik",
        "Urheberrechte",
    )
    for doc in data["documents"]:
        assert doc["summary"]
        for item in doc["summary"]:
            cite = item["cite"]
            assert spans_hold(cite) and line_holds(cite)
            assert not any(b in cite["source_text"] for b in banned), cite["source_text"]
    comment_start = (
        SAMPLES.joinpath("003_7eca0d19c0b20104.txt").read_text().index("Kommentare lesen")
    )
    doc003 = next(d for d in data["documents"] if d["path"].endswith("003_7eca0d19c0b20104.txt"))
    assert all(item["cite"]["end"] < comment_start for item in doc003["summary"])


@pytest.mark.parametrize("method", sorted(SUMMARIZERS))
def test_every_method_from_the_cli(cli, method):
    result = cli(
        "summary",
        SAMPLES / "003_7eca0d19c0b20104.txt",
        "--to",
        "de",
        "-m",
        method,
        "-n",
        "2",
        "--format",
        "json",
    )
    assert result.exit_code == 0, result.stderr
    (doc,) = json.loads(result.stdout)["documents"]
    assert len(doc["summary"]) == 2


def test_ratio(cli):
    result = cli(
        "summary",
        SAMPLES / "002_4217d0613af48abc.txt",
        "--to",
        "de",
        "--ratio",
        "0.5",
        "--format",
        "json",
    )
    (doc,) = json.loads(result.stdout)["documents"]
    assert len(doc["summary"]) >= 5


def test_sentences_and_ratio_together_is_a_usage_error(cli):
    result = cli("summary", SAMPLES, "--to", "de", "-n", "2", "--ratio", "0.5")
    assert result.exit_code == 2
    assert "either --sentences or --ratio" in result.stderr


def test_stdin(cli):
    text = (SAMPLES / "002_4217d0613af48abc.txt").read_text(encoding="utf-8")
    result = cli("summary", "-", "--to", "de", "--format", "jsonl", input=text)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 5
    assert all(json.loads(line)["path"] == "-" for line in lines)


def test_bad_inputs_are_reported_and_good_ones_processed(cli, tmp_path):
    (tmp_path / "good.txt").write_text(
        "Der Vertrag verpflichtet beide Länder zu gegenseitigem Beistand im Falle einer Aggression.\n"
        "Russland und Nordkorea haben den Vertrag im Juni in Pjöngjang unterzeichnet.\n",
        encoding="utf-8",
    )
    (tmp_path / "latin1.txt").write_bytes(
        "Die Straße nach Süden wurde am Montag für den Verkehr gesperrt.".encode("latin-1")
    )
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PNG")
    (tmp_path / "empty.txt").write_bytes(b"")
    empty_dir = tmp_path / "nothing"
    empty_dir.mkdir()
    result = cli(
        "summary",
        tmp_path / "good.txt",
        tmp_path / "latin1.txt",
        tmp_path / "binary.txt",
        tmp_path / "empty.txt",
        tmp_path / "missing.txt",
        empty_dir,
        "--to",
        "de",
        "--format",
        "json",
    )
    assert result.exit_code == 4
    paths = [d["path"] for d in json.loads(result.stdout)["documents"]]
    assert paths == [str(tmp_path / "good.txt"), str(tmp_path / "latin1.txt")]
    err = result.stderr.splitlines()
    assert f"summarize: warning: {tmp_path / 'empty.txt'}: empty, skipped" in err
    assert any(str(tmp_path / "binary.txt") in line and "binary" in line for line in err)
    assert any(str(tmp_path / "missing.txt") in line and "no such file" in line for line in err)
    assert any(str(empty_dir) in line and "--glob" in line for line in err)
    assert "Traceback" not in result.stderr


def test_only_empty_input_exits_0_with_warning(cli, tmp_path):
    (tmp_path / "empty.txt").write_text("")
    result = cli("summary", tmp_path / "empty.txt", "--to", "de")
    assert result.exit_code == 0
    assert "empty, skipped" in result.stderr


def test_inspect_shows_kept_and_dropped_lines(cli):
    result = cli("inspect", SAMPLES / "003_7eca0d19c0b20104.txt")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith(str(SAMPLES / "003_7eca0d19c0b20104.txt"))
    line10 = next(line for line in lines if line.lstrip().startswith("10 "))
    assert " keep " in line10
    line46 = next(line for line in lines if line.lstrip().startswith("46 "))
    assert "drop: comment section" in line46


def test_inspect_json(cli):
    result = cli("inspect", SAMPLES / "004_e5fd99b93ca3998c.txt", "--format", "json")
    data = json.loads(result.stdout)
    first = data["lines"][0]
    assert first == {
        "line": 1,
        "kept": False,
        "reason": first["reason"],
        "text": "Kostenlose Beratung",
    }
    assert first["reason"]


def test_inspect_groups(cli):
    result = cli("inspect", "--groups", SAMPLES)
    assert result.exit_code == 0
    assert "fact 1:" in result.stdout and " via " in result.stdout


def test_models_list_empty(cli):
    result = cli("models", "list")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "no models installed" in result.stderr


def test_models_list_after_install(cli, install_copy):
    install_copy()
    result = cli("models", "list", "--format", "json")
    (model,) = json.loads(result.stdout)
    assert (model["from"], model["to"]) == ("de", "en")


def test_models_remove_missing_pair_is_an_error(cli):
    result = cli("models", "remove", "de", "xx")
    assert result.exit_code == 3
    assert "Traceback" not in result.stderr


def test_models_install_refuses_a_broken_file(cli, tmp_path):
    bad = tmp_path / "bad.argosmodel"
    bad.write_bytes(b"not a zip at all")
    result = cli("models", "install", bad)
    assert result.exit_code == 3
    assert str(bad) in result.stderr and "refused" in result.stderr


def test_cache_info_and_clear(cli, tmp_path):
    result = cli("cache", "info", "--cache", tmp_path / "c.sqlite3")
    assert result.exit_code == 0
    assert "entries: 0" in result.stdout
    result = cli("cache", "clear", "--cache", tmp_path / "c.sqlite3")
    assert result.exit_code == 0


def test_output_file_is_written(cli, tmp_path):
    out = tmp_path / "out" / "summary.md"
    result = cli("summary", SAMPLES, "--to", "de", "--format", "md", "-o", out)
    assert result.exit_code == 0
    assert result.stdout == ""
    assert out.read_text(encoding="utf-8").startswith(
        "<!-- generated by summarize -->\n# Summary\n"
    )


def test_article_text_is_not_rich_markup(cli, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(
        "Die Polizei meldete [laut Polizei] am Montag einen Unfall auf der Autobahn bei Köln.\n",
        encoding="utf-8",
    )
    result = cli("summary", path, "--to", "de")
    assert "[laut Polizei]" in result.stdout


def _command_names(group, prefix=()):
    import typer.main

    command = typer.main.get_command(group)
    for name, sub in getattr(command, "commands", {}).items():
        yield (*prefix, name), sub
        if hasattr(sub, "commands"):
            for inner, inner_sub in sub.commands.items():
                yield (*prefix, name, inner), inner_sub


def test_every_command_and_option_is_documented():
    for name, command in _command_names(app):
        assert command.help, f"{' '.join(name)} has no help"
        for param in command.params:
            if param.param_type_name == "option":
                assert param.help, f"{' '.join(name)} {param.opts} has no help"


def test_help_runs(cli):
    result = cli("--help")
    assert result.exit_code == 0
    for command in ("summary", "digest", "translate", "inspect", "models", "cache"):
        assert command in result.stdout


def one_line_error(result, *words):
    assert result.exit_code == 2, result.stdout
    assert result.stdout == ""
    assert result.stderr.startswith("summarize: error: ") and result.stderr.count("\n") == 1
    assert all(word in result.stderr for word in words), result.stderr


def test_language_codes_are_checked(cli):
    result = cli("summary", SAMPLES, "--to", "english")
    one_line_error(result, "--to", "'english'", "ISO 639-1")
    assert "models install" not in result.stderr
    one_line_error(cli("digest", SAMPLES, "--from", "German"), "--from", "'German'")
    one_line_error(cli("inspect", SAMPLES / "002_4217d0613af48abc.txt", "--from", "xx"), "'xx'")


def test_one_dash_to_is_refused_not_read_as_a_file(cli):
    # `-to de` is `-t o` and an input file `de`: refused before any file is read.
    result = cli("summary", SAMPLES / "002_4217d0613af48abc.txt", "-to", "de")
    one_line_error(result, "'o'", "-t o", "--to")
    assert "de: no such file" not in result.stderr


def test_language_codes_are_case_folded(cli):
    sample = SAMPLES / "002_4217d0613af48abc.txt"
    result = cli("summary", sample, "--to", "DE", "--from", "De", "--format", "json")
    assert result.exit_code == 0, result.stderr
    (doc,) = json.loads(result.stdout)["documents"]
    assert (doc["language"], doc["target"]) == ("de", "de")
    result = cli("summary", sample, "--to", "DE")
    assert result.stdout.startswith(f"{sample} (de, 5 of ")


def test_version(cli):
    from summarize import __version__

    result = cli("--version")
    assert result.exit_code == 0
    assert result.stdout == f"summarize {__version__}\n"


@pytest.mark.parametrize("fmt", ["md", "jsonl"])
def test_inspect_refuses_formats_it_cannot_show(cli, fmt):
    result = cli("inspect", SAMPLES / "002_4217d0613af48abc.txt", "--format", fmt)
    assert result.exit_code == 2 and result.stdout == ""
    assert f"'{fmt}'" in result.stderr and "Traceback" not in result.stderr


def test_inspect_refuses_glob_without_groups(cli):
    result = cli("inspect", SAMPLES / "002_4217d0613af48abc.txt", "--glob", "*.md")
    one_line_error(result, "--glob", "--groups")


@pytest.mark.parametrize("command", [(), ("summary",), ("translate",), ("digest",), ("inspect",)])
def test_help_names_values_not_python_types(cli, command):
    result = cli(*command, "--help")
    assert result.exit_code == 0
    for type_name in ("<str>", "<list[", "<path>", "<int", "<float", "{", "}"):
        assert type_name not in result.stdout, type_name
    if command == ("inspect",):
        assert " inspect [OPTIONS] FILE [MORE]...\n" in result.stdout
        assert "<text|json>" in result.stdout  # only the formats inspect shows
    if command == ("summary",):
        assert " summary [OPTIONS] [PATHS]...\n" in result.stdout
        assert "-t, --to LANG" in result.stdout and "-o, --output FILE" in result.stdout


def test_ratio_help_says_what_it_accepts(cli):
    result = cli("summary", "--help")
    assert "0.0<=x" not in result.stdout
    assert "more than 0, at most 1" in " ".join(result.stdout.split())
    one_line_error(cli("summary", SAMPLES, "--to", "de", "--ratio", "0"), "--ratio", "0.0")
    one_line_error(cli("summary", SAMPLES, "--to", "de", "--ratio", "1.5"), "--ratio")
    sample = SAMPLES / "002_4217d0613af48abc.txt"
    result = cli("summary", sample, "--to", "de", "--ratio", "1", "--format", "json")
    assert result.exit_code == 0, result.stderr


def test_piped_output_has_no_ansi_and_python_m_works():
    proc = subprocess.run(
        [sys.executable, "-m", "summarize", "summary", str(SAMPLES), "--to", "de"],
        capture_output=True,
        text=True,
        env={
            "PATH": "/usr/bin:/bin",
            "HOME": "/nonexistent",
            "TERM": "xterm-256color",
            "FORCE_COLOR": "",
        },
    )
    assert proc.returncode == 0, proc.stderr
    assert "\x1b[" not in proc.stdout
    assert proc.stdout.count(".txt:") == 25


def test_broken_pipe_is_quiet():
    proc = subprocess.run(
        f"{sys.executable} -m summarize summary {SAMPLES} --to de | head -1",
        shell=True,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0
    assert "Traceback" not in proc.stderr and "BrokenPipe" not in proc.stderr


german_words = st.sampled_from(
    [
        "Der",
        "die",
        "das",
        "Vertrag",
        "Russland",
        "Nordkorea",
        "unterzeichnet",
        "am",
        "13.",
        "September",
        "2024",
        "z.",
        "B.",
        "Dr.",
        "Müller",
        "bzw.",
        "1.000",
        "Soldaten",
        "„Zitat“",
        "sagte",
        "er",
        ".",
        "!",
        "?",
        "\n",
        "\n\n",
        "•",
        "Kommentare",
    ]
)
german_text = st.lists(german_words, min_size=1, max_size=120).map(" ".join)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(german_text, min_size=1, max_size=3))
def test_json_citations_hold_on_generated_german_text(tmp_path, texts):
    from summarize import load_articles, render, summarize_articles

    folder = tmp_path / str(abs(hash(tuple(texts))))
    folder.mkdir(exist_ok=True)
    for i, text in enumerate(texts):
        (folder / f"{i}.txt").write_text(text, encoding="utf-8", newline="")
    articles, _ = load_articles([str(folder)], source_language="de")
    results = summarize_articles(articles, target="de", sentences=3)
    data = json.loads(render.articles_json(results, "summary"))
    for doc in data["documents"]:
        for item in doc["summary"]:
            assert spans_hold(item["cite"]) and line_holds(item["cite"])


def test_help_imports_no_heavy_modules():
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "summarize", "--help"],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0
    imported = {line.split("|")[-1].strip() for line in proc.stderr.splitlines() if "|" in line}
    for heavy in ("ctranslate2", "torch", "argostranslate.translate", "sumy", "numpy", "stanza"):
        assert heavy not in imported, heavy
