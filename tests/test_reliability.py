"""Bad input, concurrency, interruption, no network, fuzzing (issue 7)."""

from __future__ import annotations

import json
import os
import resource
import signal
import socket
import sqlite3
import subprocess
import time

import pytest
from conftest import SAMPLES, SUMMARIZE
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summarize import prepare
from summarize.sources import Document

ARTICLE = (SAMPLES / "002_4217d0613af48abc.txt").read_text(encoding="utf-8")


def article_sentences():
    return [line for line in ARTICLE.splitlines() if len(line) > 60]


def test_a_folder_of_10000_small_files(cli, tmp_path):
    lines = article_sentences()
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(10_000):
        (folder / f"{i:05}.txt").write_text(
            f"Meldung {i}\n\n{lines[i % len(lines)]}\n", encoding="utf-8"
        )
    result = cli("digest", folder, "--to", "de", "--facts", "3", "--format", "json")
    assert result.exit_code == 0, result.stderr[:500]
    data = json.loads(result.stdout)
    assert len(data["documents"]) == 10_000
    assert data["facts"][0]["support"] > 100


def test_a_50_mb_file_runs_in_bounded_memory(tmp_path):
    body = ARTICLE + "\n\n"
    path = tmp_path / "big.txt"
    with open(path, "w", encoding="utf-8") as handle:
        written = 0
        while written < 50_000_000:
            handle.write(body)
            written += len(body.encode("utf-8"))
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    proc = subprocess.run(
        [*SUMMARIZE, "summary", str(path), "--to", "de", "-n", "3", "--format", "json"],
        capture_output=True,
        text=True,
    )
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    assert proc.returncode == 0, proc.stderr
    assert len(json.loads(proc.stdout)["documents"][0]["summary"]) == 3
    # The text itself is 50 MB; a bound of 30x still proves no blow-up
    # (LexRank alone would need terabytes for 700,000 sentences).
    assert max(peak_kib, before) < 1_500_000


def test_a_10000_character_sentence_without_punctuation(cli, tmp_path):
    words = ("wort " * 2_000).strip()
    path = tmp_path / "long.txt"
    path.write_text(ARTICLE + "\n\n" + words + "\n", encoding="utf-8")
    result = cli("translate", path, "--to", "de", "--format", "json")
    assert result.exit_code == 0
    sentences = json.loads(result.stdout)["documents"][0]["sentences"]
    text = path.read_text(encoding="utf-8")
    for item in sentences:
        cite = item["cite"]
        assert text[cite["start"] : cite["end"]] == cite["source_text"]
        assert len(cite["source_text"]) <= 1_000
    assert sum(len(i["cite"]["source_text"]) for i in sentences if "wort" in i["text"]) >= 9_000


def test_text_in_a_language_without_a_model(cli, install_copy, tmp_path):
    install_copy()
    (tmp_path / "ja.txt").write_text(
        "これは日本語の記事です。ロシアと北朝鮮は条約に署名しました。両国は相互援助を約束しました。\n",
        encoding="utf-8",
    )
    (tmp_path / "de.txt").write_text(ARTICLE, encoding="utf-8")
    result = cli("summary", tmp_path, "--format", "json")
    assert result.exit_code == 3
    assert "no translation model for ja->en" in result.stderr
    assert str(tmp_path / "ja.txt") in result.stderr
    assert [d["path"] for d in json.loads(result.stdout)["documents"]] == [str(tmp_path / "de.txt")]
    same = cli("summary", tmp_path / "ja.txt", "--to", "ja", "--format", "json")
    assert same.exit_code == 0
    assert json.loads(same.stdout)["documents"][0]["language"] == "ja"


def test_mixed_bad_inputs_name_every_file_and_keep_the_good_results(cli, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "bin.txt").write_bytes(bytes(range(256)))
    (tmp_path / "mixed.txt").write_bytes(ARTICLE.encode() + "Straße".encode("latin-1"))
    (tmp_path / "ctrl.txt").write_text("\x01\x02\x1b[31m rot \x07 " + ARTICLE, encoding="utf-8")
    loop = tmp_path / "loop"
    loop.mkdir()
    os.symlink(loop, loop / "self")
    result = cli("summary", tmp_path, tmp_path / "nope.txt", "--to", "de", "--format", "json")
    assert result.exit_code == 4
    assert "Traceback" not in result.stderr
    docs = {d["path"]: d for d in json.loads(result.stdout)["documents"]}
    assert set(docs) == {str(good), str(tmp_path / "mixed.txt"), str(tmp_path / "ctrl.txt")}
    assert len(docs[str(good)]["summary"]) == 5
    for line in result.stderr.splitlines():
        assert str(tmp_path) in line


# --- cache under concurrency -------------------------------------------------------


@pytest.mark.parametrize("round_", range(5))
def test_eight_processes_share_one_cache(install_copy, tmp_path, round_):
    install_copy()
    cache = tmp_path / "shared.sqlite3"
    inputs = sorted(SAMPLES.glob("*.txt"))
    procs = []
    for i in range(8):
        # Overlapping inputs: every process writes some sentences others write too.
        chosen = [str(inputs[(i + k) % len(inputs)]) for k in range(3)]
        procs.append(
            subprocess.Popen(
                [*SUMMARIZE, "translate", *chosen, "--format", "json", "--cache", str(cache)],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                env=os.environ.copy(),
            )
        )
    outputs = [p.communicate() for p in procs]
    for proc, (_out, err) in zip(procs, outputs):
        assert proc.returncode == 0, err
        assert err == ""
    by_path: dict[str, list] = {}
    for out, _ in outputs:
        for doc in json.loads(out)["documents"]:
            by_path.setdefault(doc["path"], []).append(doc)
    for docs in by_path.values():
        assert all(d == docs[0] for d in docs)  # identical whoever translated it
    sentences = {
        s["cite"]["source_text"] for docs in by_path.values() for s in docs[0]["sentences"]
    }
    entries = sqlite3.connect(cache).execute("SELECT COUNT(*) FROM translations").fetchone()[0]
    assert entries == len({" ".join(s.split()) for s in sentences})


# --- interruption --------------------------------------------------------------------


def test_ctrl_c_exits_130_leaves_no_partial_output_and_keeps_the_cache(install_copy, tmp_path):
    install_copy()
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    lines = [
        line
        for f in sorted(SAMPLES.glob("*.txt"))
        for line in f.read_text(encoding="utf-8").splitlines()
        if len(line) > 80
    ]
    for i in range(150):
        body = "\n\n".join(f"{line} ({i}-{k})" for k, line in enumerate(lines))
        (corpus / f"a{i:03}.txt").write_text(body, encoding="utf-8")
    cache = tmp_path / "c.sqlite3"
    out = tmp_path / "out.json"
    proc = subprocess.Popen(
        [
            *SUMMARIZE,
            "translate",
            str(corpus),
            "--format",
            "json",
            "-o",
            str(out),
            "--cache",
            str(cache),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    entries = 0
    for _ in range(600):  # wait until some batches are committed, then interrupt
        time.sleep(0.1)
        if proc.poll() is not None:
            break
        try:
            entries = (
                sqlite3.connect(cache).execute("SELECT COUNT(*) FROM translations").fetchone()[0]
            )
        except sqlite3.Error:
            continue
        if entries > 0:
            break
    assert proc.poll() is None, "translation finished before it could be interrupted"
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130
    assert err.strip() == "summarize: error: interrupted"
    assert not out.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out.json")]
    kept = sqlite3.connect(cache).execute("SELECT COUNT(*) FROM translations").fetchone()[0]
    assert kept >= entries > 0


# --- no network ------------------------------------------------------------------------


@pytest.fixture
def no_network(monkeypatch):
    opened = []

    def refuse(*args, **kwargs):
        opened.append(args)
        raise AssertionError(f"a socket was opened: {args}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return opened


@pytest.mark.parametrize(
    "args",
    [
        ("translate", str(SAMPLES), "--format", "json"),
        ("summary", str(SAMPLES), "--format", "json"),
        ("digest", str(SAMPLES), "--format", "json"),
        ("summary", str(SAMPLES), "--to", "de"),
        ("inspect", str(SAMPLES / "003_7eca0d19c0b20104.txt")),
    ],
)
def test_no_socket_is_opened(cli, install_copy, no_network, args):
    install_copy()
    result = cli(*args)
    assert result.exit_code == 0, result.stderr
    assert no_network == []


# --- fuzzing the whole front half ------------------------------------------------------

texts = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400) | st.lists(
    st.sampled_from(
        [
            "Satz.",
            "z. B.",
            "1.000",
            "„Zitat“",
            "\n",
            "\r\n",
            "\n\n",
            "  • ",
            "13. September",
            "Kommentare",
            "11 Kommentare",
            "Von",
            "x" * 300,
            "?",
        ]
    ),
    max_size=60,
).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_prepare_never_fails_and_spans_hold(text):
    article = prepare(Document("f.txt", text), "auto")
    previous_end = -1
    for sentence in article.sentences:
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text and sentence.text == sentence.text.strip()
        assert sentence.start >= previous_end
        previous_end = sentence.end
