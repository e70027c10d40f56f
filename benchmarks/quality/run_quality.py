"""Measure what `summarize` keeps and selects on realistic scraped pages, beside baselines.

    python benchmarks/quality/run_quality.py ../shared/news-dev --split dev
    python benchmarks/quality/run_quality.py DATA --split holdout --json > holdout.json
    python benchmarks/quality/run_quality.py DATA --summarize "/other/venv/bin/summarize"

Everything is built from the news-dev data (never copied into the repository) into a
temporary folder, or into --out to keep the files for reading: page dumps with per-line
gold labels (pages.py), plain article texts, and the story clusters (clusters.json). The
tool is only run through its command line (--summarize, default `summarize`), always with
`--from de --to de` (German in, German out: no translation model needed) from an empty
working folder, so no configuration file changes its defaults.

Sections (each also in --json):

* cleaning - line-level precision/recall/F1 of the lines `summarize inspect` keeps against
  the gold body lines (headline, teaser, paragraphs), over all page dumps; per layout
  family; the share of each junk kind that survives; beside the baseline "keep lines of
  >= 10 words that end like a sentence".
* junk in summaries - `summary -n 3` on the page dumps: sentences citing a non-body line.
* summary ROUGE - ROUGE-1/2 F1 against the editor's teaser, on plain articles and on page
  dumps rendered without the teaser: the tool (default method and each -m method), lead-3
  and random-3 (of the sentences the tool keeps as candidates: `summary -n 1000` lists
  them in document order; `translate` would also list headings and fragments), and plain
  sumy LexRank on the raw text (no cleaning).
* digest - per story cluster (pages without teasers), ROUGE of the facts against the
  cluster's teasers beside the first kept sentence of each article; then all clusters of
  the split (and the stub "Volltext ... nicht mehr verfügbar" pages) in one folder with
  -k 2 x clusters: multi-source facts whose sources span several stories (cross-story
  merges) and facts citing junk lines (template text ranked as a fact).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import re
import shlex
import subprocess
import sys
import tempfile
import threading
import time
import warnings
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import metrics  # noqa: E402
import newsdev  # noqa: E402
import pages  # noqa: E402

DEFAULT_METHOD = "news"  # what `summarize summary` uses without -m
OTHER_METHODS = ("lexrank", "lsa", "textrank", "luhn", "kl", "sumbasic")
SECTIONS = ("cleaning", "junk", "rouge", "digest")
BASELINE_MIN_WORDS = 10
_SENTENCE_END = re.compile(r"[.!?…][\"'“”„«»’)\]]*$")


# --------------------------------------------------------------------------- the tool
class Tool:
    """The summarize CLI, run as a subprocess from an empty folder."""

    def __init__(self, command: str, workdir: Path) -> None:
        self.argv = shlex.split(command)
        self.cwd = workdir / "cwd"
        self.cwd.mkdir(parents=True, exist_ok=True)
        self.env = dict(os.environ, SUMMARIZE_CACHE=str(workdir / "cache.sqlite"))
        self.seconds = 0.0  # wall time of all tool processes, summed
        self._lock = threading.Lock()

    def run(self, *args: str) -> dict:
        start = time.perf_counter()
        proc = subprocess.run(
            [*self.argv, *args], cwd=self.cwd, env=self.env, capture_output=True, text=True
        )
        with self._lock:
            self.seconds += time.perf_counter() - start
        if proc.returncode != 0:
            raise RuntimeError(
                f"{' '.join(self.argv + list(args))} exited {proc.returncode}: "
                f"{proc.stderr.strip()[-2000:]}"
            )
        return json.loads(proc.stdout)

    def inspect(self, path: Path) -> list[bool]:
        lines = self.run("inspect", str(path), "--from", "de", "--format", "json")["lines"]
        return [line["kept"] for line in sorted(lines, key=lambda x: x["line"])]

    def summary(
        self, folder: Path, n: int, method: str | None = None, parts: tuple[str, ...] = ()
    ) -> dict[str, list[dict]]:
        """{file path relative to folder: [sentence, ...]} (sentences in document order).

        With `parts`, only those subfolders of `folder` are summarized (one process for
        all of them: start-up time is a large part of a run).
        """
        paths = [str(folder / p) for p in parts] or [str(folder)]
        args = [
            "summary",
            *paths,
            "--from",
            "de",
            "--to",
            "de",
            "-n",
            str(n),
            "--format",
            "json",
            "-q",
        ]
        if method:
            args += ["-m", method]
        docs = self.run(*args)["documents"]
        return {_rel(d["path"], folder): d.get("summary") or [] for d in docs}

    def digest(self, folder: Path, k: int) -> list[dict]:
        return self.run(
            "digest",
            str(folder),
            "--from",
            "de",
            "--to",
            "de",
            "-k",
            str(k),
            "--format",
            "json",
            "-q",
        )["facts"]


def _rel(path: str, folder: Path) -> str:
    """A cited path as given to the tool (absolute), relative to `folder`."""
    try:
        return Path(path).resolve().relative_to(folder.resolve()).as_posix()
    except ValueError:
        return Path(path).name


# --------------------------------------------------------------------------- gold labels
@dataclass
class Gold:
    """A built page: its text, per-line labels and kinds, where it came from."""

    path: Path
    family: str
    article: str
    labels: list[str]
    kinds: list[str]
    text: str

    def lines_of(self, start: int, end: int) -> list[int]:
        """0-based line indices touched by the character span [start, end)."""
        first = self.text.count("\n", 0, start)
        last = self.text.count("\n", 0, max(start, end - 1))
        return list(range(first, last + 1))

    def junk_kinds(self, cite: dict) -> list[str]:
        """Kinds of the non-body, non-blank lines a citation touches ([] if all body)."""
        idx = self.lines_of(cite["start"], cite["end"])
        if (
            cite.get("source_text")
            and self.text[cite["start"] : cite["end"]] != cite["source_text"]
        ):
            idx = [cite["line"] - 1]  # offsets not in characters: trust the line number
        return [self.kinds[i] for i in idx if i < len(self.kinds) and self.labels[i] == "junk"]


def load_gold(folder: Path) -> dict[str, Gold]:
    gold = {}
    for line in (folder / "labels.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        path = folder / row["file"]
        gold[row["file"]] = Gold(
            path,
            row["family"],
            row["article"],
            row["labels"],
            row["kinds"],
            path.read_text(encoding="utf-8"),
        )
    return gold


def baseline_keeps(line: str) -> bool:
    """The naive cleaner: a line of >= 10 words ending in . ! ? or a closing quote."""
    s = line.strip()
    return len(s.split()) >= BASELINE_MIN_WORDS and bool(_SENTENCE_END.search(s))


# --------------------------------------------------------------------------- builders
def write_articles(folder: Path, articles: list[newsdev.Article]) -> None:
    """Plain articles: body paragraphs separated by blank lines, no teaser, no headline."""
    folder.mkdir(parents=True, exist_ok=True)
    for a in articles:
        (folder / f"{a.id}.txt").write_text(
            "\n\n".join(newsdev.paragraphs(a)) + "\n", encoding="utf-8"
        )


def write_pages(
    folder: Path,
    articles: list[newsdev.Article],
    pools: pages.Pools,
    split: str,
    seed: int,
    key: str,
    no_teaser: bool,
) -> dict[str, Gold]:
    """Each article as a page dump in a layout family of the split, drawn by a seeded RNG."""
    folder.mkdir(parents=True, exist_ok=True)
    fams = [f.name for f in pages.families(split)]
    rng = random.Random(f"{seed}|{key}|{split}")
    built = []
    for a in articles:
        fam = rng.choice(fams)
        page = pages.render(fam, a, pools, seed, key=key, no_teaser=no_teaser)
        built.append(pages.write_page(folder, f"{a.id}.txt", fam, a, page))
    pages.write_labels(folder, built)
    return load_gold(folder)


def rouge_articles(data: Path, split: str, limit: int, seed: int) -> list[newsdev.Article]:
    """Up to `limit` articles of the split with a teaser, in a seeded order."""
    pool = [
        a
        for a in newsdev.load_articles(data)
        if not a.stub and a.teaser and newsdev.article_split(a.id) == split
    ]
    random.Random(f"rouge|{seed}|{split}").shuffle(pool)
    return sorted(pool[:limit], key=lambda a: a.id)


# --------------------------------------------------------------------------- sections
def measure_cleaning(tool: Tool, gold: dict[str, Gold], workers: int) -> dict:
    with ThreadPoolExecutor(workers) as pool:
        verdicts = dict(zip(gold, pool.map(tool.inspect, (g.path for g in gold.values()))))
    total, base = metrics.PRF(), metrics.PRF()
    fam_tool: dict[str, metrics.PRF] = defaultdict(metrics.PRF)
    fam_base: dict[str, metrics.PRF] = defaultdict(metrics.PRF)
    kind_n: Counter[str] = Counter()
    kind_tool: Counter[str] = Counter()
    kind_base: Counter[str] = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    mismatched = []
    for name, g in gold.items():
        kept = verdicts[name]
        lines = g.text.splitlines()
        if len(kept) != len(lines):
            mismatched.append(name)
        for i, (label, kind) in enumerate(zip(g.labels, g.kinds)):
            if label == "blank":
                continue
            k = kept[i] if i < len(kept) else True
            b = baseline_keeps(lines[i])
            gold_body = label == "body"
            total.add(k, gold_body)
            base.add(b, gold_body)
            fam_tool[g.family].add(k, gold_body)
            fam_base[g.family].add(b, gold_body)
            kind_n[kind] += 1
            kind_tool[kind] += k
            kind_base[kind] += b
            if k and not gold_body and len(examples[kind]) < 5 and len(lines[i].split()) > 3:
                examples[kind].append(f"{name}:{i + 1} ({g.family}) {lines[i].strip()[:160]}")
    return {
        "pages": len(gold),
        "tool": total.as_dict(),
        "baseline": base.as_dict(),
        "families": {
            f: {"tool": fam_tool[f].as_dict(), "baseline": fam_base[f].as_dict()}
            for f in sorted(fam_tool)
        },
        "kinds": {
            k: {
                "lines": kind_n[k],
                "tool_kept": round(100 * kind_tool[k] / kind_n[k], 1),
                "baseline_kept": round(100 * kind_base[k] / kind_n[k], 1),
            }
            for k in sorted(kind_n, key=lambda k: -kind_n[k])
        },
        "kept_junk_examples": dict(examples),
        "line_count_mismatch": mismatched,
    }


def measure_summary_junk(tool: Tool, folder: Path, gold: dict[str, Gold]) -> dict:
    out = tool.summary(folder, 3)
    sentences = junk = 0
    pages_with = 0
    by_kind: Counter[str] = Counter()
    examples = []
    for name, sents in out.items():
        g = gold.get(name)
        if g is None:
            continue
        any_junk = False
        for s in sents:
            sentences += 1
            kinds = g.junk_kinds(s["cite"])
            if kinds:
                junk += 1
                any_junk = True
                by_kind[kinds[0]] += 1
                if len(examples) < 12:
                    examples.append(
                        f"{name}:{s['cite']['line']} ({g.family}, {kinds[0]}) {s['text'][:160]}"
                    )
        pages_with += any_junk
    return {
        "sentences": sentences,
        "junk_sentences": junk,
        "pages": len(out),
        "pages_with_junk": pages_with,
        "by_kind": dict(by_kind.most_common()),
        "examples": examples,
    }


def split_blocks(text: str) -> list[str]:
    """Sentences of a raw text: blocks of consecutive non-blank lines, split like pages.py."""
    blocks = re.split(r"\n\s*\n", text)
    return [s for b in blocks for s in newsdev.split_sentences(" ".join(b.split()))]


class _Words:
    """The tokenizer object sumy's Sentence wants (no NLTK data needed)."""

    _WORD = re.compile(r"\w+")

    def to_words(self, text: str) -> list[str]:
        return self._WORD.findall(text)

    def to_sentences(self, text: str) -> list[str]:
        return newsdev.split_sentences(text)


def sumy_lexrank(text: str, n: int = 3) -> list[str]:
    """Plain sumy: LexRankSummarizer with sumy's German stemmer and stop words."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer

    sentences = [Sentence(s, _Words()) for s in split_blocks(text)]
    if not sentences:
        return []
    summarizer = LexRankSummarizer(Stemmer("german"))
    summarizer.stop_words = metrics.german_stop_words()
    with warnings.catch_warnings():  # numpy warns on degenerate graphs (all-distinct lines)
        warnings.simplefilter("ignore", RuntimeWarning)
        return [str(s) for s in summarizer(ObjectDocumentModel([Paragraph(sentences)]), n)]


def measure_rouge(
    tool: Tool,
    root: Path,
    parts: tuple[str, ...],
    refs: dict[str, str],
    methods: list[str],
    seed: int,
    workers: int,
) -> dict[str, dict]:
    """ROUGE of the tool's and the baselines' 3 sentences per file against its teaser.

    `parts` are subfolders of root holding the same files (plain articles, page dumps);
    each tool configuration is one process over all of them (`workers` at a time).
    Returns {part: {row: rouge}}.
    """

    def texts(n: int, method: str | None) -> dict[str, list[str]]:
        out = tool.summary(root, n, method, parts=parts)
        return {f: [s["text"] for s in sents] for f, sents in out.items()}

    configs = [(f"tool default ({DEFAULT_METHOD})", 3, None)]
    configs += [(f"tool -m {m}", 3, m) for m in methods] + [("kept", 1000, None)]
    with ThreadPoolExecutor(workers) as pool:
        runs = dict(zip((c[0] for c in configs), pool.map(lambda c: texts(c[1], c[2]), configs)))
    kept = runs.pop("kept")
    runs["lead-3 (tool-kept)"] = {f: s[:3] for f, s in kept.items()}
    runs["random-3 (tool-kept)"] = {
        f: [
            s[i] for i in sorted(random.Random(f"{seed}|{f}").sample(range(len(s)), min(3, len(s))))
        ]
        for f, s in kept.items()
    }
    runs["sumy LexRank (raw text)"] = {
        f"{p}/{f}": sumy_lexrank((root / p / f).read_text(encoding="utf-8"))
        for p in parts
        for f in refs
    }
    return {
        p: {
            row: metrics.mean_rouge(
                (" ".join(cands.get(f"{p}/{f}", [])), ref) for f, ref in refs.items()
            ).as_dict()
            for row, cands in runs.items()
        }
        for p in parts
    }


def measure_digest(
    tool: Tool,
    root: Path,
    clusters: list[dict],
    data: Path,
    split: str,
    pools: pages.Pools,
    seed: int,
    show_facts: int,
    workers: int,
) -> dict:
    articles = {a.id: a for a in newsdev.load_articles(data)}
    cluster_root = root / "clusters"

    def one(c: dict) -> tuple[dict, str, str, int, int]:
        folder = cluster_root / c["id"]
        golds = write_pages(
            folder,
            [articles[a] for a in c["articles"]],
            pools,
            split,
            seed,
            "cluster",
            no_teaser=True,
        )
        facts = tool.digest(folder, len(c["articles"]))
        teasers = " ".join(articles[a].teaser for a in c["articles"] if articles[a].teaser)
        junk = sum(
            1
            for f in facts
            if any(golds[_rel(x["path"], folder)].junk_kinds(x) for x in f["cites"])
        )
        return c, " ".join(f["text"] for f in facts), teasers, len(facts), junk

    with ThreadPoolExecutor(workers) as pool:
        per = list(pool.map(one, clusters))
    firsts = tool.summary(cluster_root, 1000)
    first_of = {}
    for f, sents in firsts.items():
        first_of.setdefault(f.split("/")[0], []).append(sents[0]["text"] if sents else "")
    tool_rouge = metrics.mean_rouge((facts, ref) for _, facts, ref, _, _ in per)
    base_rouge = metrics.mean_rouge(
        (" ".join(first_of.get(c["id"], [])), ref) for c, _, ref, _, _ in per
    )
    result = {
        "clusters": len(per),
        "articles": sum(len(c["articles"]) for c in clusters),
        "tool": tool_rouge.as_dict(),
        "first_sentences": base_rouge.as_dict(),
        "facts": sum(n for *_, n, _ in per),
        "facts_citing_junk": sum(j for *_, j in per),
    }
    result["mixed"] = measure_mixed(
        tool, root / "mixed", clusters, articles, data, split, pools, seed, show_facts
    )
    return result


def measure_mixed(
    tool: Tool,
    folder: Path,
    clusters: list[dict],
    articles: dict,
    data: Path,
    split: str,
    pools: pages.Pools,
    seed: int,
    show_facts: int,
) -> dict:
    """All clusters (with teasers) and the split's stub pages in one folder, -k 2 x clusters."""
    story = {a: c["id"] for c in clusters for a in c["articles"]}
    stubs = [a for a in articles.values() if a.stub and newsdev.article_split(a.id) == split]
    story.update({a.id: "stub:" + a.id for a in stubs})
    chosen = [articles[a] for c in clusters for a in c["articles"]] + stubs
    gold = write_pages(folder, chosen, pools, split, seed, "mixed", no_teaser=False)
    k = 2 * len(clusters)
    facts = tool.digest(folder, k)
    multi = [f for f in facts if f.get("support", len(f["cites"])) >= 2]
    cross, junk_facts = [], []
    junk_kinds: Counter[str] = Counter()
    for f in facts:
        files = [_rel(x["path"], folder) for x in f["cites"]]
        stories = {story.get(gold[x].article, "?") for x in files if x in gold}
        kinds = [
            kd
            for x, name in zip(f["cites"], files)
            if name in gold
            for kd in gold[name].junk_kinds(x)
        ]
        if f in multi and len(stories) >= 2:
            cross.append(f)
        if kinds:
            junk_facts.append(f)
            junk_kinds[kinds[0]] += 1
    body_cross = [f for f in cross if f not in junk_facts]
    # Shown first: merges of article sentences across stories (the digest's own
    # grouping errors), then template-text merges, then the other multi-source facts.
    order = (
        body_cross + [f for f in cross if f in junk_facts] + [f for f in multi if f not in cross]
    )
    shown = []
    for f in order[:show_facts]:
        tag = "cross-story" if f in cross else "one story"
        lines = [f"[support {f.get('support')}, {tag}] {f['text']}"]
        for x in f["cites"]:
            name = _rel(x["path"], folder)
            g = gold.get(name)
            where = (
                (f"{story.get(g.article, '?')} {g.family} {','.join(g.junk_kinds(x)) or 'body'}")
                if g
                else "?"
            )
            lines.append(f"    {name}:{x['line']} ({where}) {x['source_text'][:200]!r}")
        shown.append("\n".join(lines))
    return {
        "pages": len(gold),
        "stub_pages": len(stubs),
        "k": k,
        "facts": len(facts),
        "multi_source": len(multi),
        "cross_story": len(cross),
        "cross_story_body_only": len(body_cross),
        "facts_citing_junk": len(junk_facts),
        "junk_kinds": dict(junk_kinds.most_common()),
        "shown": shown,
    }


# --------------------------------------------------------------------------- driver
def run_split(args: argparse.Namespace, split: str, root: Path) -> dict:
    tool = Tool(args.summarize, root)
    started = time.perf_counter()
    pools = pages.load_pools(args.data, split)
    figures: dict = {"split": split}

    def section(name: str, fn) -> None:
        t = time.perf_counter()
        try:
            figures[name] = fn()
        except Exception as e:  # one failing section must not hide the others
            figures[name] = {"error": str(e)}
        figures[name]["seconds"] = round(time.perf_counter() - t, 1)
        if not args.json:
            print(f"  [{split}] {name}: {figures[name]['seconds']} s", file=sys.stderr)

    wanted = set(args.only or SECTIONS)
    if wanted & {"cleaning", "junk"}:
        page_dir = root / "pages"
        pages.build_pages(args.data, page_dir, split, args.per_family, args.seed)
        gold = load_gold(page_dir)
        if "cleaning" in wanted:
            section("cleaning", lambda: measure_cleaning(tool, gold, args.workers))
        if "junk" in wanted:
            section("summary_junk", lambda: measure_summary_junk(tool, page_dir, gold))

    if "rouge" in wanted:
        chosen = rouge_articles(args.data, split, args.rouge_articles, args.seed)
        refs = {f"{a.id}.txt": a.teaser for a in chosen}
        write_articles(root / "plain", chosen)
        write_pages(root / "pages_no_teaser", chosen, pools, split, args.seed, "rouge", True)
        section(
            "rouge",
            lambda: measure_rouge(
                tool,
                root,
                ("plain", "pages_no_teaser"),
                refs,
                args.methods,
                args.seed,
                args.workers,
            ),
        )
        figures["rouge_articles"] = len(chosen)

    if "digest" in wanted:
        clusters = [c for c in newsdev.load_clusters() if c["split"] == split]
        section(
            "digest",
            lambda: measure_digest(
                tool,
                root,
                clusters,
                args.data,
                split,
                pools,
                args.seed,
                args.show_facts,
                args.workers,
            ),
        )
    figures["seconds"] = round(time.perf_counter() - started, 1)
    figures["tool_seconds"] = round(tool.seconds, 1)
    return figures


def _pct(a: int, b: int) -> str:
    return f"{a}/{b} ({100 * a / b:.1f}%)" if b else f"{a}/0"


def report(f: dict) -> str:
    """The compact text report of one split."""
    out = [
        f"== {f['split']} split ==  (built and measured in {f['seconds']} s, "
        f"{f['tool_seconds']} s in summarize processes, summed)"
    ]
    c = f.get("cleaning")  # a section left out by --only is absent
    if c and "error" in c:
        out.append(f"cleaning: FAILED {c['error']}")
    elif c:
        out.append(
            f"\nCleaning: {c['pages']} page dumps, non-blank lines, kept vs gold body "
            f"(P / R / F1, %)"
        )
        for who in ("tool", "baseline"):
            d = c[who]
            label = "summarize inspect" if who == "tool" else 'baseline >=10 words + . ! ? "'
            out.append(f"  {label:<34}{d['precision']:6.1f} {d['recall']:6.1f} {d['f1']:6.1f}")
        out.append("  per layout family (tool P / R / F1 | baseline F1):")
        for fam, d in c["families"].items():
            t, b = d["tool"], d["baseline"]
            out.append(
                f"    {fam:<18}{t['precision']:6.1f} {t['recall']:6.1f} {t['f1']:6.1f}"
                f"  | {b['f1']:5.1f}"
            )
        out.append("  kept rate per line kind (tool | baseline, % of lines):")
        for kind, d in c["kinds"].items():
            out.append(
                f"    {kind:<14}{d['lines']:6d} lines  {d['tool_kept']:5.1f} | "
                f"{d['baseline_kept']:5.1f}"
            )
        if c["line_count_mismatch"]:
            out.append(
                f"  WARNING: inspect line count differs on {len(c['line_count_mismatch'])} pages"
            )
    s = f.get("summary_junk")
    if s and "error" in s:
        out.append(f"summary junk: FAILED {s['error']}")
    elif s:
        kinds = ", ".join(f"{k} {n}" for k, n in s["by_kind"].items()) or "-"
        out.append(
            f"\nJunk in summaries (summary -n 3 on the page dumps): "
            f"{_pct(s['junk_sentences'], s['sentences'])} sentences cite a junk line; "
            f"{_pct(s['pages_with_junk'], s['pages'])} pages have any. By kind: {kinds}"
        )
    r = f.get("rouge")
    if r:
        out.append(
            f"\nSummary ROUGE vs teaser ({f.get('rouge_articles')} articles; F1 x100: "
            f"R1 R2 | without stop words R1 R2)"
        )
        out.append(f"  {'':<26}{'plain articles':>28}   {'page dumps, no teaser':>28}")
    if r and "error" in r:
        out.append(f"  FAILED {r['error']}")
    elif r:
        plain, dumps = f["rouge"]["plain"], f["rouge"]["pages_no_teaser"]
        for row in plain:
            cells = []
            for d in (plain[row], dumps.get(row, {})):
                cells.append(
                    f"{d.get('rouge1', 0):6.2f} {d.get('rouge2', 0):6.2f} | "
                    f"{d.get('rouge1_nostop', 0):5.2f} {d.get('rouge2_nostop', 0):5.2f}"
                )
            out.append(f"  {row:<26}{cells[0]:>28}   {cells[1]:>28}")
    d = f.get("digest")
    if d and "error" in d:
        out.append(f"digest: FAILED {d['error']}")
    elif d:
        t, b = d["tool"], d["first_sentences"]
        out.append(
            f"\nDigest per story cluster ({d['clusters']} clusters, {d['articles']} "
            f"articles, pages without teasers, -k = articles), ROUGE vs the teasers:"
        )
        out.append(f"  digest facts                  R1 {t['rouge1']:6.2f}  R2 {t['rouge2']:6.2f}")
        out.append(f"  first kept sentence of each   R1 {b['rouge1']:6.2f}  R2 {b['rouge2']:6.2f}")
        out.append(f"  facts citing a junk line: {_pct(d['facts_citing_junk'], d['facts'])}")
        m = d["mixed"]
        kinds = ", ".join(f"{k} {n}" for k, n in m["junk_kinds"].items()) or "-"
        out.append(
            f"\nMixed digest ({m['pages']} pages: all clusters + {m['stub_pages']} stub "
            f"pages, -k {m['k']}): {m['facts']} facts, {m['multi_source']} multi-source"
        )
        out.append(
            f"  cross-story merges: {_pct(m['cross_story'], m['multi_source'])} of the "
            f"multi-source facts cite >= 2 stories "
            f"({m['cross_story_body_only']} of them cite article lines only)"
        )
        out.append(
            f"  facts citing a junk line: {_pct(m['facts_citing_junk'], m['facts'])} "
            f"(first junk kind: {kinds})"
        )
        for text in m["shown"]:
            out.append("  " + text.replace("\n", "\n  "))
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", type=Path, help="the news-dev folder")
    ap.add_argument("--split", choices=("dev", "holdout", "both"), default="dev")
    ap.add_argument(
        "--summarize",
        default="summarize",
        metavar="CMD",
        help="command that runs the tool (default: summarize)",
    )
    ap.add_argument("--out", type=Path, help="keep the built files here (default: a temp dir)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument(
        "--show-facts",
        type=int,
        default=0,
        metavar="N",
        help="print N multi-source facts of the mixed digest with their sources",
    )
    ap.add_argument("--per-family", type=int, default=16, help="page dumps per layout family")
    ap.add_argument(
        "--rouge-articles",
        type=int,
        default=200,
        help="articles (with a teaser) for the summary ROUGE, per split",
    )
    ap.add_argument(
        "--methods",
        nargs="*",
        default=list(OTHER_METHODS),
        help="-m methods to score besides the default",
    )
    ap.add_argument(
        "--only",
        nargs="*",
        choices=SECTIONS,
        metavar="SECTION",
        help=f"measure only these sections ({', '.join(SECTIONS)}; default: all)",
    )
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--workers", type=int, default=2, help="tool processes run in parallel")
    args = ap.parse_args(argv)
    splits = ("dev", "holdout") if args.split == "both" else (args.split,)
    with tempfile.TemporaryDirectory(prefix="quality-") as tmp:
        base = args.out or Path(tmp)
        results = [run_split(args, s, base / s) for s in splits]
    meta = {
        "date": dt.date.today().isoformat(),
        "command": args.summarize,
        "seed": args.seed,
        "per_family": args.per_family,
    }
    if args.json:
        print(json.dumps({"meta": meta, "splits": results}, ensure_ascii=False, indent=1))
    else:
        print(f"summarize quality benchmark, {meta['date']}, command: {args.summarize}")
        for r in results:
            print()
            print(report(r))
    return 0


if __name__ == "__main__":
    sys.exit(main())
