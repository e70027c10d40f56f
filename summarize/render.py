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
    return f"{sentence.path}:{sentence.line}"


def score(value: float | None) -> float | None:
    # Fixed precision keeps output byte-stable across platforms and BLAS builds.
    return None if value is None else round(value, 6)


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def dumps_line(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


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
        out.append(f"## {_md_inline(r.title or r.path)}")
        out.append("")
        out.append(f"`{r.path}` · {_direction(r)} · {len(r.sentences)} of {r.kept} kept sentences")
        out.append("")
        if not r.sentences:
            out.append("_No sentences to summarize._")
        for s in r.sentences:
            out.append(f"- {_md_inline(s.text)} [{location(s.source)}]")
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def translation_markdown(results: Sequence[ArticleResult], stamp: str | None = None) -> str:
    out = _md_head(None, stamp)
    for r in results:
        out.append(f"# {_md_inline(r.title or r.path)}")
        out.append("")
        out.append(f"`{r.path}` · {_direction(r)}")
        out.append("")
        out.extend(_paragraphs(r, lambda s: f"{_md_inline(s.text)} [{location(s.source)}]"))
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def summary_text(results: Sequence[ArticleResult]) -> str:
    out = []
    for r in results:
        out.append(f"{r.path} ({_direction(r)}, {len(r.sentences)} of {r.kept} sentences)")
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
            out.append(f"==> {r.path} <==")
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
    return " ".join(text.split())


def _md_inline(text: str) -> str:
    # Article text must not turn into Markdown structure: escape what would.
    text = _one_line(text)
    for char in ("\\", "`", "*", "_", "[", "]", "<", ">", "#", "|"):
        text = text.replace(char, "\\" + char)
    return text


def rich_summary(results: Sequence[ArticleResult]) -> list[Any]:
    """rich renderables for a terminal; text goes in as Text, never as markup."""
    from rich.text import Text

    blocks: list[Any] = []
    for r in results:
        head = Text()
        head.append(r.title or r.path, style="bold")
        head.append(
            f"\n{r.path} · {_direction(r)} · {len(r.sentences)} of {r.kept} sentences", style="dim"
        )
        blocks.append(head)
        for s in r.sentences:
            line = Text("  • ")
            line.append(_one_line(s.text))
            line.append(f"  {location(s.source)}", style="cyan")
            blocks.append(line)
        blocks.append(Text(""))
    return blocks


# --- digest ----------------------------------------------------------------------


def _cites_inline(fact: Fact) -> str:
    return ", ".join(location(s) for s in fact.sentences)


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
        sources = "source" if f.support == 1 else "sources"
        out.append(f"{rank}. {_md_inline(f.text)}  ")
        out.append(f"   {f.support} {sources}: [{_cites_inline(f)}]")
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
            f"| `{s.path}` | {_md_inline(s.title or '')} | {s.language} | {s.kept} / {s.total} |"
        )
    return "\n".join(out) + "\n"


def digest_text(result: DigestResult) -> str:
    out = []
    for rank, f in enumerate(result.facts, 1):
        out.append(f"{rank:>2}. {_one_line(f.text)}")
        out.append(f"    [{f.support}] {_cites_inline(f)}")
    return "\n".join(out) + "\n" if out else ""


def rich_digest(result: DigestResult) -> list[Any]:
    from rich.text import Text

    blocks: list[Any] = []
    for rank, f in enumerate(result.facts, 1):
        line = Text(f"{rank:>2}. ", style="bold")
        line.append(_one_line(f.text))
        blocks.append(line)
        cites = Text(f"    {f.support} source{'s' if f.support != 1 else ''}: ", style="dim")
        cites.append(_cites_inline(f), style="cyan")
        blocks.append(cites)
    return blocks


# --- inspect ---------------------------------------------------------------------


def lines_text(article: Article) -> str:
    """Every line of an article with its verdict: kept, or dropped and why."""
    text = article.document.text
    lines = article.cleaned.lines
    width = len(str(len(lines)))
    out = [
        f"{article.path} ({article.language}): {article.cleaned.kept_lines} lines kept, "
        f"{article.cleaned.dropped_lines} dropped"
    ]
    for line in lines:
        if line.blank:
            verdict = ""
        elif line.kept:
            verdict = "keep"
        else:
            verdict = f"drop: {line.reason}"
        out.append(f"{line.number:>{width}} {verdict:<32} | {text[line.start : line.end]}")
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
