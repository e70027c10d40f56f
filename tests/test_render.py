"""Renderers: golden files for Markdown and JSON, exact text output, no markup parsing."""

from __future__ import annotations

import json
import re

from markdown_it import MarkdownIt
from rich.console import Console

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
        "    2 sources: a.txt:3, dir/b.txt:1\n"
        " 2. Second sentence here.\n"
        "    1 source: a.txt:4\n"
    )


# --- terminal and Markdown hygiene ------------------------------------------------------

# Clear screen, a window title (OSC ... BEL), an 8-bit CSI and DEL: all of them
# act on a terminal if printed raw.
HOSTILE = "Kim \x1b[2J\x1b]0;pwned\x07 signs\x9b31m a\x7f treaty."
HOSTILE_PATH = "evil\x1b]0;title\x07\nfake line`.txt"
HOSTILE_SOURCE = Sentence(HOSTILE_PATH, 0, HOSTILE, 0, len(HOSTILE), 1, False)
HOSTILE_RESULT = ArticleResult(
    path=HOSTILE_PATH,
    language="de",
    target="en",
    title="Title \x1b[2J",
    sentences=(OutputSentence(HOSTILE, HOSTILE_SOURCE, 1.0),),
    kept=1,
    total=1,
    paragraph_starts=frozenset({0}),
)
HOSTILE_DIGEST = DigestResult(
    facts=[Fact(HOSTILE, 1, (HOSTILE_SOURCE,), "de", 1.0)],
    sources=[DigestSource(HOSTILE_PATH, "Title \x1b[2J", "de", 1, 1)],
    target="en",
)
CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # every control but tab and newline


def rich_text(blocks, width=80, terminal=False):
    console = Console(
        file=__import__("io").StringIO(), width=width, force_terminal=terminal, color_system=None
    )
    for block in blocks:
        console.print(block)
    return console.file.getvalue()


def test_text_output_shows_control_characters_as_symbols():
    assert render.summary_text([HOSTILE_RESULT]) == (
        "evil␛]0;title␇␊fake line`.txt (de → en, 1 of 1 sentences)\n"
        "  - Kim ␛[2J␛]0;pwned␇ signs\ufffd31m a␡ treaty. [evil␛]0;title␇␊fake line`.txt:1]\n"
    )
    for text in (
        render.summary_text([HOSTILE_RESULT]),
        render.translation_text([HOSTILE_RESULT, HOSTILE_RESULT]),
        render.digest_text(HOSTILE_DIGEST),
        render.summary_markdown([HOSTILE_RESULT]),
        render.translation_markdown([HOSTILE_RESULT]),
        render.digest_markdown(HOSTILE_DIGEST),
        rich_text(render.rich_summary([HOSTILE_RESULT]), terminal=True),
        rich_text(render.rich_digest(HOSTILE_DIGEST), terminal=True),
    ):
        assert "pwned" in text or "title" in text
        assert not CONTROLS.search(text.replace("\x1b[0m", "").replace("\x1b[1m", "")), text


def test_rich_output_at_a_terminal_carries_no_escape_from_the_article():
    # rich's own styling is the only escape sequence left: SGR codes (ESC [ ... m).
    out = rich_text(render.rich_summary([HOSTILE_RESULT]), terminal=True)
    out += rich_text(render.rich_digest(HOSTILE_DIGEST), terminal=True)
    assert "\x1b[2J" not in out and "\x1b]" not in out and "\x07" not in out
    assert re.sub("\x1b\\[[0-9;]*m", "", out).count("\x1b") == 0


def strings(data):
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        data = list(data.values())
    if isinstance(data, list):
        return [text for item in data for text in strings(item)]
    return []


def test_json_escapes_every_control_character_and_keeps_the_values():
    for text in (
        render.articles_json([HOSTILE_RESULT], "summary"),
        "".join(render.articles_jsonl([HOSTILE_RESULT], "summary")),
        render.digest_json(HOSTILE_DIGEST),
    ):
        assert not CONTROLS.search(text)
        objects = [json.loads(line) for line in text.splitlines()] if "\n{" in text else []
        for data in objects or [json.loads(text)]:
            assert HOSTILE in strings(data)
    data = json.loads(render.articles_json([HOSTILE_RESULT], "summary"))
    assert data["documents"][0]["summary"][0]["cite"]["source_text"] == HOSTILE
    assert data["documents"][0]["path"] == HOSTILE_PATH


def _inline_tokens(markdown):
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    return [child for t in tokens if t.type == "inline" for child in t.children]


def test_markdown_code_spans_hold_any_file_name():
    for path in ("a`b.txt", "`a.txt", "a.txt`", "a``b`.txt", " a.txt ", "a|b.txt"):
        (code,) = [t for t in _inline_tokens(render._md_code(path)) if t.type == "code_inline"]
        assert code.content == path
        row = f"| {render._md_code(path, in_table=True)} | x |"
        table = _inline_tokens(f"| f | t |\n|---|---|\n{row}\n")
        assert [t.content for t in table if t.type == "code_inline"] == [path]


def test_markdown_file_names_never_break_the_document():
    untitled = ArticleResult(
        path="x`y\n# not a heading.txt",
        language="de",
        target="en",
        title=None,
        sentences=RESULTS[1].sentences,
        kept=1,
        total=1,
        paragraph_starts=frozenset({0}),
    )
    md = render.summary_markdown([untitled])
    assert "\n# not a heading" not in md
    headings = [line for line in md.splitlines() if line.startswith("#")]
    assert headings == ["# Summary", "## ``x`y␊# not a heading.txt``"]
    code = [t.content for t in _inline_tokens(md) if t.type == "code_inline"]
    assert code == ["x`y␊# not a heading.txt"]
    digest = DigestResult(
        facts=[Fact("A fact.", 1, (S3,), "de", 1.0)],
        sources=[DigestSource("a|b`.txt", "T|itle", "de", 1, 1)],
        target="en",
    )
    table_row = render.digest_markdown(digest).splitlines()[-1]
    assert table_row == "| ``a\\|b`.txt`` | T\\|itle | de | 1 / 1 |"


def test_markdown_citations_are_escaped_but_stay_readable():
    star = Sentence("*bold*_x.txt", 0, "A.", 0, 2, 7, False)
    plain = Sentence("samples/003_7eca.txt", 0, "B.", 0, 2, 9, False)
    result = ArticleResult(
        path="p.txt",
        language="de",
        target="en",
        title="T",
        sentences=(OutputSentence("A.", star, 1.0), OutputSentence("B.", plain, 1.0)),
        kept=2,
        total=2,
        paragraph_starts=frozenset({0}),
    )
    md = render.summary_markdown([result])
    assert "- A. [\\*bold\\*\\_x.txt:7]" in md
    assert "- B. [samples/003_7eca.txt:9]" in md


def test_untitled_article_names_its_path_once():
    out = rich_text(render.rich_summary(RESULTS))
    assert out.count("dir/b.txt") == 2  # the heading and the citation, no second heading line
    assert "dir/b.txt\nde → en · 1 of 1 sentences\n" in out
    assert "Titel der Meldung\na.txt · de → en · 2 of 3 sentences\n" in out
    md = render.summary_markdown(RESULTS)
    assert md.count("dir/b.txt") == 2  # heading and citation
    assert render.translation_markdown(RESULTS).count("dir/b.txt") == 2


def test_wrapped_lines_indent_under_their_text():
    long_fact = Fact(
        " ".join(["Moscow and Pyongyang signed the treaty."] * 4), 2, (S1, S3), "de", 1
    )
    digest = DigestResult(facts=[long_fact], sources=[], target="en")
    summary = ArticleResult(
        path="a.txt",
        language="de",
        target="en",
        title="T",
        sentences=(OutputSentence(long_fact.text, S1, 1.0),),
        kept=1,
        total=1,
        paragraph_starts=frozenset({0}),
    )
    lines = rich_text(render.rich_summary([summary])).splitlines()
    assert lines[2].startswith("  • Moscow")
    assert len(lines) > 5 and all(line.startswith("    ") for line in lines[3:-1])
    assert all(len(line) <= 80 for line in lines)
    lines = rich_text(render.rich_digest(digest)).splitlines()
    assert lines[0].startswith(" 1. Moscow")
    assert len(lines) > 3 and all(line.startswith("    ") for line in lines[1:])
    assert lines[-1].strip() == "2 sources: a.txt:3, dir/b.txt:1"
