"""Renderers: golden files for Markdown and JSON, exact text output, no markup parsing."""

from __future__ import annotations

import json

from summarize import render
from summarize.results import ArticleResult, DigestResult, DigestSource, Fact, OutputSentence
from summarize.segment import Sentence

TEXT_A = "Titel der Meldung\n\nPutin und Kim unterzeichnen [laut Polizei] einen *Vertrag*.\nZweiter Satz hier."
TEXT_B = "Kim Jong-un reist nach Moskau.\n"


def sentence(path, text, needle, index, line):
    start = text.index(needle)
    return Sentence(path, index, needle, start, start + len(needle), line, False)


S1 = sentence("a.txt", TEXT_A, "Putin und Kim unterzeichnen [laut Polizei] einen *Vertrag*.", 1, 3)
S2 = sentence("a.txt", TEXT_A, "Zweiter Satz hier.", 2, 4)
S3 = sentence("dir/b.txt", TEXT_B, "Kim Jong-un reist nach Moskau.", 0, 1)

RESULTS = [
    ArticleResult(
        path="a.txt",
        language="de",
        target="en",
        title="Titel der Meldung",
        sentences=(
            OutputSentence("Putin and Kim sign [according to police] a *treaty*.", S1, 0.123456789),
            OutputSentence("Second sentence here.", S2, 0.1),
        ),
        kept=3,
        total=5,
        paragraph_starts=frozenset({0, 1}),
    ),
    ArticleResult(
        path="dir/b.txt",
        language="de",
        target="en",
        title=None,
        sentences=(OutputSentence("Kim Jong-un travels to Moscow.", S3, 1.0),),
        kept=1,
        total=1,
        paragraph_starts=frozenset({0}),
    ),
]

DIGEST = DigestResult(
    facts=[
        Fact("Putin and Kim sign a treaty.", 2, (S1, S3), "de", 0.5),
        Fact("Second sentence here.", 1, (S2,), "de", 0.25),
    ],
    sources=[
        DigestSource("a.txt", "Titel der Meldung", "de", 3, 5),
        DigestSource("dir/b.txt", None, "de", 1, 1),
    ],
    target="en",
)


def test_summary_markdown(golden):
    golden("summary.md", render.summary_markdown(RESULTS))


def test_summary_json(golden):
    text = render.articles_json(RESULTS, "summary")
    golden("summary.json", text)
    data = json.loads(text)
    cite = data["documents"][0]["summary"][0]["cite"]
    assert TEXT_A[cite["start"] : cite["end"]] == cite["source_text"]
    assert data["documents"][0]["summary"][0]["score"] == 0.123457


def test_translation_json_has_no_scores(golden):
    text = render.articles_json(RESULTS, "sentences")
    golden("translation.json", text)
    assert "score" not in json.loads(text)["documents"][0]["sentences"][0]


def test_json_is_utf8_not_escaped():
    assert "ä" in render.dumps({"x": "ä"}) and "\\u" not in render.dumps({"x": "ä"})


def test_jsonl_one_object_per_sentence_with_path():
    lines = list(render.articles_jsonl(RESULTS, "summary"))
    assert len(lines) == 3
    objects = [json.loads(line) for line in lines]
    assert [o["path"] for o in objects] == ["a.txt", "a.txt", "dir/b.txt"]
    assert all(line.endswith("\n") and "\n" not in line[:-1] for line in lines)


def test_summary_text_exact():
    assert render.summary_text(RESULTS) == (
        "a.txt (de → en, 2 of 3 sentences)\n"
        "  - Putin and Kim sign [according to police] a *treaty*. [a.txt:3]\n"
        "  - Second sentence here. [a.txt:4]\n"
        "\n"
        "dir/b.txt (de → en, 1 of 1 sentences)\n"
        "  - Kim Jong-un travels to Moscow. [dir/b.txt:1]\n"
    )


def test_translation_text_keeps_paragraphs():
    assert render.translation_text(RESULTS[:1]) == (
        "Putin and Kim sign [according to police] a *treaty*.\n\nSecond sentence here.\n"
    )


def test_markdown_escapes_article_text():
    md = render.summary_markdown(RESULTS)
    assert "\\[according to police\\] a \\*treaty\\*." in md


def test_rich_output_never_parses_markup():
    from rich.console import Console

    console = Console(record=True, width=200, color_system=None)
    for block in render.rich_summary(RESULTS):
        console.print(block)
    assert "[according to police]" in console.export_text()


def test_digest_markdown(golden):
    golden("digest.md", render.digest_markdown(DIGEST))


def test_digest_json(golden):
    text = render.digest_json(DIGEST)
    golden("digest.json", text)
    data = json.loads(text)
    assert data["facts"][0]["support"] == 2
    assert [c["path"] for c in data["facts"][0]["cites"]] == ["a.txt", "dir/b.txt"]


def test_digest_text_exact():
    assert render.digest_text(DIGEST) == (
        " 1. Putin and Kim sign a treaty.\n"
        "    [2] a.txt:3, dir/b.txt:1\n"
        " 2. Second sentence here.\n"
        "    [1] a.txt:4\n"
    )
