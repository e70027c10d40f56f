"""Renderers: turn results into text, Markdown, JSON or JSON Lines.

``FORMATS`` is the one registry of output formats: the CLI's ``--format``
choices, the extensions of per-file outputs and the configuration all read
it. Each renderer returns a string (or yields lines), so the same bytes go to
a file, a pipe or a terminal, and the same inputs always give the same bytes.
Renderers read only summarize.results: no stage, translator or cache. Only
the ``rich_*`` functions know about rich, and they build ``Text`` objects so
article text is never parsed as markup.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from .results import (
    GENERATED_MARKER,
    Article,
    ArticleResult,
    DigestResult,
    DigestSource,
    Fact,
    GroupView,
    OutputSentence,
    Sentence,
)

SUMMARY_KEY = "summary"  # the JSON key of a summary's sentences
TRANSLATION_KEY = "sentences"  # ... and of a translation's


def cite(sentence: Sentence) -> dict[str, Any]:
    """The CITE object: enough to find the exact source text again."""
    return {
        "path": sentence.path,
        "line": sentence.line,
        "start": sentence.start,
        "end": sentence.end,
        "source_text": sentence.text,
    }


def location(sentence: Sentence) -> str:
    return f"{printable(sentence.path)}:{sentence.line}"


# Article text and file names may hold control characters: ESC starts a
# terminal escape sequence (clear the screen, set the window title), a newline
# in a file name would forge an output line. Text and Markdown show each one as
# a visible symbol instead: C0 controls and DEL as their Unicode control
# pictures (ESC as U+241B, newline as U+240A), C1 controls as U+FFFD. Tabs are
# harmless and stay.
_VISIBLE = {
    **{code: 0x2400 + code for code in range(0x20) if code != 0x09},
    0x7F: 0x2421,
    **{code: 0xFFFD for code in range(0x80, 0xA0)},
}


def printable(text: str) -> str:
    """``text`` with no character a terminal would act on."""
    return text.translate(_VISIBLE)


def score(value: float | None) -> float | None:
    # Fixed precision keeps output byte-stable across platforms and BLAS builds.
    return None if value is None else round(value, 6)


# json escapes C0 controls itself; DEL and the C1 controls (0x9B is an 8-bit
# CSI) it would write raw. They can occur only inside strings, so writing them
# as \u escapes keeps the JSON valid and every value, and its offsets, exact.
_JSON_CONTROLS = {code: f"\\u{code:04x}" for code in range(0x7F, 0xA0)}


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2).translate(_JSON_CONTROLS) + "\n"


def dumps_line(data: Any) -> str:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.translate(_JSON_CONTROLS) + "\n"


# --- per-article results (summary and translate) ---------------------------


def _sentence_json(item: OutputSentence, with_score: bool) -> dict[str, Any]:
    data: dict[str, Any] = {"text": item.text}
    if with_score:
        data["score"] = score(item.score)
    data["cite"] = cite(item.source)
    return data


def articles_json(results: Sequence[ArticleResult], key: str) -> str:
    """``key`` is "summary" for summaries and "sentences" for translations."""
    with_score = key == "summary"
    documents = [
        {
            "path": r.path,
            "language": r.language,
            "target": r.target,
            "title": r.title,
            "kept_sentences": r.kept,
            "total_sentences": r.total,
            key: [_sentence_json(s, with_score) for s in r.sentences],
        }
        for r in results
    ]
    return dumps({"documents": documents})


def articles_jsonl(results: Sequence[ArticleResult], key: str) -> Iterator[str]:
    """One object per output sentence, each carrying its document's path."""
    with_score = key == "summary"
    for r in results:
        for index, s in enumerate(r.sentences):
            data: dict[str, Any] = {
                "path": r.path,
                "language": r.language,
                "target": r.target,
                "index": index,
            }
            data.update(_sentence_json(s, with_score))
            yield dumps_line(data)


def _direction(r: ArticleResult) -> str:
    return r.language if r.language == r.target else f"{r.language} → {r.target}"


def _stamp_line(stamp: str | None) -> list[str]:
    return [f"_Generated {stamp}._", ""] if stamp else []


def _md_head(title: str | None, stamp: str | None) -> list[str]:
    # The marker keeps summarize from reading its own output back as an article.
    head = [GENERATED_MARKER]
    if title is not None:
        head.extend([title, ""])
    return head + _stamp_line(stamp)


def summary_markdown(results: Sequence[ArticleResult], stamp: str | None = None) -> str:
    out = _md_head("# Summary", stamp)
    for r in results:
        out.extend(_md_article_head("##", r, f"{len(r.sentences)} of {r.kept} kept sentences"))
        if not r.sentences:
            out.append("_No sentences to summarize._")
        for s in r.sentences:
            out.append(f"- {_md_inline(s.text)} {_md_cite(s.source)}")
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def translation_markdown(results: Sequence[ArticleResult], stamp: str | None = None) -> str:
    out = _md_head(None, stamp)
    for r in results:
        out.extend(_md_article_head("#", r))
        out.extend(_paragraphs(r, lambda s: f"{_md_inline(s.text)} {_md_cite(s.source)}"))
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def _md_article_head(level: str, r: ArticleResult, *about: str) -> list[str]:
    """The heading (the title, else the path) and a line saying where it came from."""
    facts = " · ".join([_direction(r), *about])
    if r.title:
        return [f"{level} {_md_inline(r.title)}", "", f"{_md_code(r.path)} · {facts}", ""]
    return [f"{level} {_md_code(r.path)}", "", facts, ""]


def summary_text(results: Sequence[ArticleResult]) -> str:
    out = []
    for r in results:
        head = f"{printable(r.path)} ({_direction(r)}, {len(r.sentences)} of {r.kept} sentences)"
        out.append(head)
        if not r.sentences:
            out.append("  (no sentences to summarize)")
        for s in r.sentences:
            out.append(f"  - {_one_line(s.text)} [{location(s.source)}]")
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n" if out else ""


def translation_text(results: Sequence[ArticleResult]) -> str:
    """The translated article, paragraphs kept, without citations (it is the text)."""
    out = []
    for r in results:
        if len(results) > 1:
            out.append(f"==> {printable(r.path)} <==")
        out.extend(_paragraphs(r, lambda s: _one_line(s.text)))
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n" if out else ""


def _paragraphs(r: ArticleResult, show: Callable[[OutputSentence], str]) -> list[str]:
    lines: list[str] = []
    current: list[str] = []
    for i, s in enumerate(r.sentences):
        if i in r.paragraph_starts and current:
            lines.extend([" ".join(current), ""])
            current = []
        current.append(show(s))
    if current:
        lines.append(" ".join(current))
    return lines


def _one_line(text: str) -> str:
    return printable(" ".join(text.split()))


# Characters that could start Markdown structure: each is escaped with a
# backslash, except an underscore inside a word, which CommonMark never reads
# as emphasis (so file names like 003_7eca.txt stay readable).
_MD_SPECIAL = re.compile(r"[\\`*\[\]<>#|]|(?<![^\W_])_|_(?![^\W_])")


def _md_escape(text: str) -> str:
    return _MD_SPECIAL.sub(lambda m: "\\" + m.group(), text)


def _md_inline(text: str) -> str:
    # Article text must not turn into Markdown structure: escape what would.
    return _md_escape(_one_line(text))


def _md_cite(sentence: Sentence) -> str:
    return f"[{_md_escape(location(sentence))}]"


def _md_code(text: str, in_table: bool = False) -> str:
    """``text`` as a code span that no backtick in it can close early."""
    text = printable(text)
    if in_table:  # GFM splits cells at every unescaped |, even inside code
        text = text.replace("|", "\\|")
    fence = "`" * (max((len(run) for run in re.findall("`+", text)), default=0) + 1)
    # CommonMark strips one space from both ends of a padded span.
    pad = " " if text[:1] in ("`", " ") or text[-1:] in ("`", " ") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def rich_summary(results: Sequence[ArticleResult]) -> list[Any]:
    """rich renderables for a terminal; text goes in as Text, never as markup."""
    from rich.text import Text

    blocks: list[Any] = []
    for r in results:
        about = f"{_direction(r)} · {len(r.sentences)} of {r.kept} sentences"
        head = Text()
        if r.title:
            head.append(_one_line(r.title), style="bold")
            head.append(f"\n{printable(r.path)} · {about}", style="dim")
        else:  # the path is the heading: once is enough
            head.append(printable(r.path), style="bold")
            head.append(f"\n{about}", style="dim")
        blocks.append(head)
        rows = []
        for s in r.sentences:
            line = Text(_one_line(s.text))
            line.append(f"  {location(s.source)}", style="cyan")
            rows.append((Text("  • "), line))
        if rows:
            blocks.append(_hanging(rows, 4))
        blocks.append(Text(""))
    return blocks


def _hanging(rows: list[tuple[Any, Any]], indent: int) -> Any:
    """Rows of (marker, text) whose text wraps under itself, not under the marker."""
    from rich.table import Table

    grid = Table.grid()
    grid.add_column(width=indent, no_wrap=True)
    grid.add_column(overflow="fold")  # a long path folds; it is never cut short
    for marker, text in rows:
        grid.add_row(marker, text)
    return grid


# --- digest ----------------------------------------------------------------------


def _cites_inline(fact: Fact) -> str:
    return ", ".join(location(s) for s in fact.sentences)


def _sources_label(fact: Fact) -> str:
    return f"{fact.support} source{'' if fact.support == 1 else 's'}:"


def digest_json(result: DigestResult) -> str:
    return dumps(
        {
            "target": result.target,
            "facts": [
                {
                    "text": f.text,
                    "support": f.support,
                    "language": f.language,
                    "score": score(f.score),
                    "cites": [cite(s) for s in f.sentences],
                }
                for f in result.facts
            ],
            "documents": [_source_json(s) for s in result.sources],
        }
    )


def _source_json(source: DigestSource) -> dict[str, Any]:
    return {
        "path": source.path,
        "title": source.title,
        "language": source.language,
        "kept_sentences": source.kept,
        "total_sentences": source.total,
    }


def digest_jsonl(result: DigestResult) -> Iterator[str]:
    for rank, f in enumerate(result.facts, 1):
        yield dumps_line(
            {
                "rank": rank,
                "text": f.text,
                "support": f.support,
                "language": f.language,
                "target": result.target,
                "score": score(f.score),
                "cites": [cite(s) for s in f.sentences],
            }
        )


def digest_markdown(result: DigestResult, stamp: str | None = None) -> str:
    out = _md_head("# Key facts", stamp)
    if not result.facts:
        out.extend(["_No facts found._", ""])
    for rank, f in enumerate(result.facts, 1):
        out.append(f"{rank}. {_md_inline(f.text)}  ")
        cites = ", ".join(_md_escape(location(s)) for s in f.sentences)
        out.append(f"   {_sources_label(f)} [{cites}]")
    out.extend(
        [
            "",
            "## Sources",
            "",
            "| file | title | language | kept / total sentences |",
            "|---|---|---|---|",
        ]
    )
    for s in result.sources:
        out.append(
            f"| {_md_code(s.path, in_table=True)} | {_md_inline(s.title or '')} "
            f"| {s.language} | {s.kept} / {s.total} |"
        )
    return "\n".join(out) + "\n"


def digest_text(result: DigestResult) -> str:
    out = []
    for rank, f in enumerate(result.facts, 1):
        out.append(f"{rank:>2}. {_one_line(f.text)}")
        out.append(f"    {_sources_label(f)} {_cites_inline(f)}")
    return "\n".join(out) + "\n" if out else ""


def rich_digest(result: DigestResult) -> list[Any]:
    from rich.text import Text

    digits = max(2, len(str(len(result.facts))))
    rows = []
    for rank, f in enumerate(result.facts, 1):
        rows.append((Text(f"{rank:>{digits}}. ", style="bold"), Text(_one_line(f.text))))
        cites = Text(f"{_sources_label(f)} ", style="dim")
        cites.append(_cites_inline(f), style="cyan")
        rows.append((Text(""), cites))
    return [_hanging(rows, digits + 2)] if rows else []


# --- inspect ---------------------------------------------------------------------


def lines_text(article: Article) -> str:
    """Every line of an article with its verdict: kept, or dropped and why."""
    text = article.document.text
    lines = article.cleaned.lines
    width = len(str(len(lines)))
    out = [
        f"{printable(article.path)} ({article.language}): {article.cleaned.kept_lines} lines kept, "
        f"{article.cleaned.dropped_lines} dropped"
    ]
    for line in lines:
        if line.blank:
            verdict = ""
        elif line.kept:
            verdict = "keep"
        else:
            verdict = f"drop: {line.reason}"
        shown = printable(text[line.start : line.end])
        out.append(f"{line.number:>{width}} {verdict:<32} | {shown}")
    return "\n".join(out) + "\n"


def lines_json(article: Article) -> str:
    text = article.document.text
    lines = [
        {
            "line": line.number,
            "kept": line.kept,
            "reason": line.reason,
            "text": text[line.start : line.end],
        }
        for line in article.cleaned.lines
    ]
    return dumps({"path": article.path, "language": article.language, "lines": lines})


def groups_text(groups: Sequence[GroupView]) -> str:
    """The digest's groups of several sentences, each member with why it joined."""
    out = []
    for number, group in enumerate(groups, 1):
        if len(group.members) < 2:
            continue
        rep, *others = group.members
        out.append(f"fact {number}: {group.support} files, score {group.score:.3f}")
        out.append(f"  * {location(rep.sentence)}  {_one_line(rep.sentence.text)}")
        for other in others:
            terms = ", ".join(other.shared_terms)
            out.append(f"  - {location(other.sentence)}  sim {other.similarity:.2f} via {terms}")
            out.append(f"      {_one_line(other.sentence.text)}")
        out.append("")
    singles = sum(1 for g in groups if len(g.members) < 2)
    out.append(
        f"{len(groups)} facts after removing redundant ones; "
        f"{singles} stand on one sentence (not shown)"
    )
    return "\n".join(out) + "\n"


def groups_json(groups: Sequence[GroupView]) -> str:
    return dumps(
        {
            "groups": [
                {
                    "support": g.support,
                    "score": round(g.score, 6),
                    "members": [
                        {
                            "similarity": round(m.similarity, 6),
                            "shared_terms": list(m.shared_terms),
                            "cite": cite(m.sentence),
                        }
                        for m in g.members
                    ],
                }
                for g in groups
            ]
        }
    )


# --- the registry ------------------------------------------------------------------

ArticlesRenderer = Callable[[Sequence[ArticleResult], "str | None"], str]


@dataclass(frozen=True)
class Format:
    """One output format: how it renders each kind of result, and its file extension."""

    extension: str
    summary: ArticlesRenderer
    translation: ArticlesRenderer
    digest: Callable[[DigestResult, str | None], str]
    # Writes one line per sentence, so a summary can be printed article by article.
    streams: bool = False
    # ``inspect`` can show line verdicts and groups in this format.
    inspects: bool = False


# Only Markdown shows the generation time (--timestamp); the other formats
# ignore the stamp, so machine-read outputs never change between runs.
FORMATS: dict[str, Format] = {
    "text": Format(
        "txt",
        lambda results, stamp: summary_text(results),
        lambda results, stamp: translation_text(results),
        lambda result, stamp: digest_text(result),
        inspects=True,
    ),
    "md": Format("md", summary_markdown, translation_markdown, digest_markdown),
    "json": Format(
        "json",
        lambda results, stamp: articles_json(results, SUMMARY_KEY),
        lambda results, stamp: articles_json(results, TRANSLATION_KEY),
        lambda result, stamp: digest_json(result),
        inspects=True,
    ),
    "jsonl": Format(
        "jsonl",
        lambda results, stamp: "".join(articles_jsonl(results, SUMMARY_KEY)),
        lambda results, stamp: "".join(articles_jsonl(results, TRANSLATION_KEY)),
        lambda result, stamp: "".join(digest_jsonl(result)),
        streams=True,
    ),
}
DEFAULT_FORMAT = "text"
