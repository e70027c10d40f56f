"""Translation throughput: our translate stage vs Argos Translate's own pipeline.

Same model (the benchmark model, installed with
summarize.translation.install.install_package_file into a temporary
ARGOS_PACKAGES_DIR), same sentences (every kept sentence of the five samples),
same beam (4), same decoding length N for every sentence.
Each contender runs in its own subprocess, so its imports and peak RSS are
its own:

* argos-default: ``argostranslate.translate`` with its settings as shipped
  (inter_threads 1, intra_threads 0 = CTranslate2's default, batch 32 tokens);
* argos-tuned: the same with ARGOS_INTER_THREADS=2 ARGOS_INTRA_THREADS=1
  ARGOS_BATCH_SIZE=1024 (all three are read by argostranslate/settings.py);
* ours: ``translate_articles(..., translator=make_translator(use_cache=False))``.

Contenders run interleaved (argos-default, argos-tuned, ours, then again), and
the ratios are medians of the per-round ratios, so a machine whose speed
drifts affects both sides of each ratio alike.

``--model copy`` uses the copy model of tests/copymodel.py instead, which
stops at ``</s>`` like a real model: no decoding length is forced on anyone.
``--ablation`` times our translator with each decoding change undone in turn
(interleaved with the full version), to measure what each one costs.

Usage::

    python benchmarks/bench_translate.py [--json] [--quick] [--length N] [--beam B]
        [--model bench|copy] [--repeats R] [--ablation]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from common import (  # noqa: E402
    SAMPLES,
    Section,
    child_env,
    emit,
    log,
    run_measured,
)

DEFAULT_LENGTH = 32
BEAM = 4
TUNED_ENV = {"ARGOS_INTER_THREADS": "2", "ARGOS_INTRA_THREADS": "1", "ARGOS_BATCH_SIZE": "1024"}
# The env vars that would change Argos' behaviour; cleared for "defaults".
ARGOS_SETTINGS = (
    "ARGOS_INTER_THREADS",
    "ARGOS_INTRA_THREADS",
    "ARGOS_BATCH_SIZE",
    "ARGOS_BEAM_SIZE",
    "ARGOS_COMPUTE_TYPE",
    "ARGOS_DEVICE_TYPE",
    "ARGOS_CHUNK_TYPE",
    "ARGOS_MODEL_PROVIDER",
    "ARGOS_DEBUG",
    "ARGOS_DEV_MODE",
)


# ---------------------------------------------------------------- the input


def make_plan(sample_paths: list[str]) -> dict:
    """Every kept sentence of the samples, and the same text as Argos paragraphs.

    A paragraph is a run of kept sentences with no line break between them
    (as ``summarize.run.pipeline._paragraph_starts`` defines it), joined with single
    spaces; an article is its paragraphs joined with "\\n", which is how
    Argos splits paragraphs. Argos then splits each paragraph into sentences
    with our splitter, so it sees exactly our sentences, but gets to batch
    the sentences of a paragraph together, as it would for a real article.
    """
    from summarize import load_articles

    articles, _ = load_articles(sample_paths)
    plan = {"articles": []}
    for article in articles:
        text = article.document.text
        paragraphs: list[list[str]] = []
        previous_end = None
        for s in article.sentences:
            flat = " ".join(s.text.split())
            if previous_end is None or "\n" in text[previous_end : s.start]:
                paragraphs.append([flat])
            else:
                paragraphs[-1].append(flat)
            previous_end = s.end
        plan["articles"].append(
            {
                "path": article.path,
                "language": article.language,
                "sentences": [" ".join(s.text.split()) for s in article.sentences],
                "paragraphs": [" ".join(p) for p in paragraphs],
            }
        )
    return plan


# ---------------------------------------------------------------- workers (subprocesses)


def _cpu() -> float:
    """User + system CPU seconds of this process, all threads."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def worker_argos(plan: dict, length: int) -> dict:
    t0 = time.perf_counter()
    import argostranslate.translate as at  # heavy: ctranslate2, minisbd, onnxruntime
    from argostranslate import sbd, settings

    t_import = time.perf_counter() - t0

    # 1. Offline sentence splitting: Argos' default splitter (MiniSBD) downloads
    #    an ONNX model on first use. Replace its split_sentences with ours.
    from summarize.segment import sentence_spans

    seen: list[str] = []

    def split_sentences(self, text: str) -> list[str]:
        out = [text[s:e] for s, e, _h in sentence_spans(text, language=self.pkg.from_code)]
        seen.extend(out)
        return out

    sbd.MiniSBDSentencizer.split_sentences = split_sentences

    # 2. Same decoding length as ours: Argos passes no max_decoding_length
    #    (CTranslate2's default is 256), so inject N into every call (N = 0:
    #    a model that stops at </s>, nothing injected).
    import ctranslate2

    calls = {"translate_batch": 0, "examples": 0}

    class FixedLengthTranslator:
        def __init__(self, *args, **kwargs):
            self._t = ctranslate2.Translator(*args, **kwargs)

        def translate_batch(self, source, *args, **kwargs):
            if length:
                kwargs["max_decoding_length"] = length
            calls["translate_batch"] += 1
            calls["examples"] += len(source)
            return self._t.translate_batch(source, *args, **kwargs)

        def __getattr__(self, name):
            return getattr(self._t, name)

    class Shim:
        Translator = FixedLengthTranslator

        def __getattr__(self, name):
            return getattr(ctranslate2, name)

    at.ctranslate2 = Shim()

    t1 = time.perf_counter()
    languages = at.get_installed_languages()
    source = next(lang for lang in languages if lang.code == "de")
    target = next(lang for lang in languages if lang.code == "en")
    translation = source.get_translation(target)
    t_setup = time.perf_counter() - t1

    c2, t2 = _cpu(), time.perf_counter()
    outputs = [translation.translate("\n".join(a["paragraphs"])) for a in plan["articles"]]
    t_translate = time.perf_counter() - t2
    cpu_translate = _cpu() - c2

    expected = [s for a in plan["articles"] for s in a["sentences"]]
    return {
        "import_s": t_import,
        "setup_s": t_setup,
        "translate_s": t_translate,
        "translate_cpu_s": cpu_translate,
        "sentences_split": len(seen),
        "same_sentences": seen == expected,
        "translate_batch_calls": calls["translate_batch"],
        "examples_decoded": calls["examples"],
        "output_chars": sum(len(o) for o in outputs),
        "settings": {
            "inter_threads": settings.inter_threads,
            "intra_threads": settings.intra_threads,
            "batch_size": settings.batch_size,
            "beam_size": settings.beam_size,
            "compute_type": settings.compute_type,
            "chunk_type": settings.chunk_type.name,
        },
        "modules": sorted(
            m for m in ("torch", "stanza", "spacy", "onnxruntime", "minisbd") if m in sys.modules
        ),
    }


# What --ablation undoes, one at a time (BENCH_UNDO in the worker's environment).
ABLATIONS = {
    "full": "all decoding changes",
    "no-replace-unknowns": "replace_unknowns=False",
    "length-penalty-1": "length_penalty=1.0 (CTranslate2's default)",
    "all-at-once": "every batch submitted before any is read (as before)",
    "int8": "--compute-type int8 (forced, as before)",
}


def _undo(module, undo: str) -> None:
    """Undo one decoding change in our translator (benchmark only)."""
    if undo == "all-at-once":
        module.IN_FLIGHT_PER_THREAD = 10**9
    elif undo == "length-penalty-1":
        module._length_penalty = lambda model: 1.0
    elif undo == "no-replace-unknowns":
        submit = module._LoadedModel._submit

        def without(self, sources, options, retry=False):
            real = self.translator

            class Proxy:
                def translate_batch(self, *args, **kwargs):
                    kwargs["replace_unknowns"] = False
                    return real.translate_batch(*args, **kwargs)

            self.translator = Proxy()
            try:
                return submit(self, sources, options, retry)
            finally:
                self.translator = real

        module._LoadedModel._submit = without


def worker_ours(sample_paths: list[str], length: int, beam: int = BEAM) -> dict:
    t0 = time.perf_counter()
    from common import translation_module

    import summarize as pipeline

    module = translation_module()
    t_import = time.perf_counter() - t0

    # Same decoding length as Argos: every path decodes exactly N tokens.
    if length:
        module._max_length = lambda source_tokens: length
    undo = os.environ.get("BENCH_UNDO", "full")
    _undo(module, undo)
    retries = {"n": 0, "calls": 0}
    original_submit = module._LoadedModel._submit

    def counting_submit(self, sources, options, retry=False):
        if retry:
            retries["n"] += len(sources)
            retries["calls"] += 1
        return original_submit(self, sources, options, retry)

    module._LoadedModel._submit = counting_submit

    t1 = time.perf_counter()
    articles, _ = pipeline.load_articles(sample_paths)
    t_load = time.perf_counter() - t1

    compute_type = "int8" if undo == "int8" else "default"
    translator = pipeline.make_translator(
        use_cache=False, beam_size=beam, compute_type=compute_type
    )
    c2, t2 = _cpu(), time.perf_counter()
    results = pipeline.translate_articles(articles, target="en", translator=translator)
    t_translate = time.perf_counter() - t2
    cpu_translate = _cpu() - c2
    sentences = sum(len(r.sentences) for r in results)
    return {
        "import_s": t_import,
        "setup_s": t_load,
        "translate_s": t_translate,
        "translate_cpu_s": cpu_translate,
        "sentences": sentences,
        "decoded": translator.decoded,
        "retries": retries["n"],
        "retry_calls": retries["calls"],
        "undo": undo,
        "module": module.__name__,
        "output_chars": sum(len(s.text) for r in results for s in r.sentences),
    }


def worker_main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--worker", choices=["argos", "ours"], required=True)
    parser.add_argument("--plan", type=Path, required=True)
    parser.add_argument("--length", type=int, required=True)
    parser.add_argument("--beam", type=int, default=BEAM)
    args = parser.parse_args(argv)
    plan = json.loads(args.plan.read_text(encoding="utf-8"))
    if args.worker == "argos":
        result = worker_argos(plan, args.length)
    else:
        result = worker_ours(plan["paths"], args.length, args.beam)
    print("RESULT " + json.dumps(result))
    return 0


# ---------------------------------------------------------------- driver


def source_tokens(tokenizer: Path, sentences: list[str]) -> int:
    import sentencepiece as spm

    sp = spm.SentencePieceProcessor(model_file=str(tokenizer))
    return sum(len(t) for t in sp.encode(sentences, out_type=str))


def _parse(measured, what: str) -> dict:
    measured.check(what)
    for line in reversed(measured.stdout.splitlines()):
        if line.startswith("RESULT "):
            return json.loads(line[len("RESULT ") :])
    raise RuntimeError(f"{what}: no result line in output:\n{measured.stdout[-2000:]}")


def _median_ratio(results: dict[str, list[dict]], a: str, b: str, field: str) -> tuple:
    """Median, min and max over rounds of a[field] / b[field] (paired by round)."""
    ratios = [x[field] / y[field] for x, y in zip(results[a], results[b])]
    return statistics.median(ratios), min(ratios), max(ratios)


def _best(runs: list[dict]) -> dict:
    return min(runs, key=lambda r: r["translate_s"])


def run(
    quick: bool = False,
    length: int = DEFAULT_LENGTH,
    repeats: int | None = None,
    beam: int = BEAM,
    model_name: str = "bench",
    ablation: bool = False,
) -> Section:
    import benchmodel

    if model_name == "copy":
        model = benchmodel.copy_model(log=log)
        length = 0  # the copy model stops at </s>: no length is forced
        describe = "the copy model of tests/copymodel.py (1 layer, stops at </s>), int8"
    else:
        model = benchmodel.ensure_built(log=log)
        describe = benchmodel.describe_short(model)
    title = f"Translation throughput ({model_name} model, beam {beam})"
    section = Section("translate", title + (", ablation" if ablation else ""))
    paths = [str(SAMPLES)]
    plan = make_plan(paths)
    if quick:  # two articles are enough for a ratio
        plan["articles"] = plan["articles"][:2]
        paths = [a["path"] for a in plan["articles"]]
    plan["paths"] = paths
    sentences = [s for a in plan["articles"] for s in a["sentences"]]
    tokens = source_tokens(model.artifacts / "sentencepiece.model", sentences)
    repeats = repeats or 1
    section.note(
        f"{repeats} round(s); in each, every contender once in turn (one subprocess each); "
        "ratios are medians of the per-round ratios, absolute figures from each one's best run."
    )

    with (
        benchmodel.installed(model) as (root, installed),
        tempfile.TemporaryDirectory(prefix="summarize-bench-argos-home-") as home,
    ):
        plan_file = Path(home) / "plan.json"
        plan_file.write_text(json.dumps(plan), encoding="utf-8")
        # Argos creates its data/config/cache folders on import: keep them out of ~.
        base = child_env(
            ARGOS_PACKAGES_DIR=str(root),
            XDG_DATA_HOME=str(Path(home) / "data"),
            XDG_CONFIG_HOME=str(Path(home) / "config"),
            XDG_CACHE_HOME=str(Path(home) / "cache"),
            PYTHONPATH=os.pathsep.join([str(HERE)] + [os.environ.get("PYTHONPATH", "")]).rstrip(
                os.pathsep
            ),
            **{k: None for k in ARGOS_SETTINGS},
        )
        argos_beam = {} if beam == BEAM else {"ARGOS_BEAM_SIZE": str(beam)}
        if ablation:
            contenders = [(f"ours-{u}", "ours", {**base, "BENCH_UNDO": u}) for u in ABLATIONS]
        else:
            contenders = [
                ("argos-default", "argos", {**base, **argos_beam}),
                ("argos-tuned", "argos", {**base, **TUNED_ENV, **argos_beam}),
                ("ours", "ours", base),
            ]
        results: dict[str, list[dict]] = {name: [] for name, _k, _e in contenders}
        for round_ in range(repeats):
            for name, kind, env in contenders:
                log(
                    f"translate: {name} round {round_ + 1}/{repeats} "
                    f"({len(sentences)} sentences, N={length or 'to </s>'}, beam {beam}) ..."
                )
                m = run_measured(
                    [
                        sys.executable,
                        str(Path(__file__)),
                        "--worker",
                        kind,
                        "--plan",
                        str(plan_file),
                        "--length",
                        str(length),
                        "--beam",
                        str(beam),
                    ],
                    env=env,
                    cwd=home,
                )
                r = _parse(m, f"translate worker {name}")
                r["wall_s"] = m.wall
                r["maxrss_mb"] = m.maxrss_mb
                results[name].append(r)

    n = len(sentences)
    section.add(
        "sentences",
        "sentences (kept, all samples)" if not quick else "sentences (kept, first 2 samples)",
        n,
    )
    section.add("source_tokens", "source tokens (SentencePiece)", tokens)
    section.add("decode_length", "tokens decoded per sentence (N; 0: to </s>)", length)
    section.add("beam", "beam size", beam)
    if ablation:
        return _ablation_report(section, results, n)
    rows = []
    for name in ("argos-default", "argos-tuned", "ours"):
        r = _best(results[name])
        sps = n / r["translate_s"]
        tps = tokens / r["translate_s"]
        key = name.replace("-", "_")
        section.add(f"{key}_sentences_per_s", f"{name}: sentences/s", round(sps, 2), "sent/s")
        section.add(f"{key}_tokens_per_s", f"{name}: source tokens/s", round(tps, 1), "tok/s")
        section.add(
            f"{key}_translate_s", f"{name}: translate wall", round(r["translate_s"], 2), "s"
        )
        cores = r["translate_cpu_s"] / r["translate_s"]
        section.add(
            f"{key}_translate_cpu_s",
            f"{name}: translate CPU time (all threads)",
            round(r["translate_cpu_s"], 2),
            "s",
        )
        section.add(
            f"{key}_cpu_per_sentence_ms",
            f"{name}: CPU per sentence",
            round(1000 * r["translate_cpu_s"] / n, 1),
            "ms",
        )
        section.add(
            f"{key}_cores_busy", f"{name}: cores busy while translating", round(cores, 2), "cores"
        )
        section.add(
            f"{key}_process_s", f"{name}: process wall (incl. imports)", round(r["wall_s"], 2), "s"
        )
        section.add(f"{key}_import_s", f"{name}: import time", round(r["import_s"], 2), "s")
        section.add(f"{key}_maxrss_mb", f"{name}: peak RSS", round(r["maxrss_mb"], 1), "MiB")
        rows.append(
            [
                name,
                round(sps, 2),
                round(tps, 1),
                round(r["translate_s"], 2),
                round(r["translate_cpu_s"], 1),
                round(cores, 2),
                round(r["wall_s"], 2),
                round(r["maxrss_mb"], 1),
            ]
        )
    r_def, lo_def, hi_def = _median_ratio(results, "argos-default", "ours", "translate_s")
    r_tun, lo_tun, hi_tun = _median_ratio(results, "argos-tuned", "ours", "translate_s")
    bench_targets = model_name == "bench" and beam == BEAM
    section.add(
        "ratio_vs_default",
        f"speed-up ours / argos-default (wall; per-round range {lo_def:.2f}-{hi_def:.2f})",
        round(r_def, 2),
        "x",
        target=">= 15x" if bench_targets else None,
        met=r_def >= 15 if bench_targets else None,
    )
    section.add(
        "ratio_vs_tuned",
        f"speed-up ours / argos-tuned (wall; per-round range {lo_tun:.2f}-{hi_tun:.2f})",
        round(r_tun, 2),
        "x",
        target=">= 4x" if bench_targets else "> 1x",
        met=r_tun >= 4 if bench_targets else r_tun > 1,
    )
    cpu_ratio_def = _median_ratio(results, "argos-default", "ours", "translate_cpu_s")[0]
    cpu_ratio_tun = _median_ratio(results, "argos-tuned", "ours", "translate_cpu_s")[0]
    section.add(
        "cpu_ratio_vs_default", "CPU-time ratio argos-default / ours", round(cpu_ratio_def, 2), "x"
    )
    section.add(
        "cpu_ratio_vs_tuned", "CPU-time ratio argos-tuned / ours", round(cpu_ratio_tun, 2), "x"
    )
    section.table(
        "summary",
        [
            "contender",
            "sent/s",
            "tok/s",
            "translate s",
            "cpu s",
            "cores",
            "process s",
            "peak RSS MiB",
        ],
        rows,
    )

    a = _best(results["argos-default"])
    ours = _best(results["ours"])
    section.note(
        f"model: {describe}"
        + (
            f"; every hypothesis is exactly N={length} tokens (output bias against </s>)."
            if length
            else "."
        )
    )
    section.note(
        f"ours: {ours['module']}"
        + (
            f"._max_length monkeypatched to return N={length} in the worker (it normally "
            "returns max(256, 2*len+10)); "
            if length
            else " as shipped; "
        )
        + f"make_translator(use_cache=False); {ours['decoded']} unique sentences decoded, "
        f"{ours['retries']} degenerate-output retries in {ours['retry_calls']} batch(es)."
    )
    section.note(
        "argos: sbd.MiniSBDSentencizer.split_sentences monkeypatched to "
        "summarize.segment.sentence_spans (MiniSBD would download an ONNX model)"
        + (
            "; ctranslate2.Translator wrapped to pass max_decoding_length=N (Argos passes none: "
            "CTranslate2 default 256)"
            if length
            else ""
        )
        + ". No other change: importing argostranslate.translate works "
        f"offline (imports {', '.join(a['modules']) or 'none of torch/stanza'}; no torch)."
    )
    section.note(
        "argos input: per article one translate() call on its kept paragraphs joined by "
        "'\\n' (a paragraph = kept sentences with no line break between them); "
        f"Argos split them into exactly our sentences: {a['same_sentences']} "
        f"({a['sentences_split']} sentences; {a['translate_batch_calls']} translate_batch calls "
        f"by default, {_best(results['argos-tuned'])['translate_batch_calls']} tuned)."
    )
    section.note(
        "argos settings read: default "
        + json.dumps(a["settings"])
        + "; tuned "
        + json.dumps(_best(results["argos-tuned"])["settings"])
    )
    return section


def _ablation_report(section: Section, results: dict[str, list[dict]], n: int) -> Section:
    rows = []
    for undo, what in ABLATIONS.items():
        name = f"ours-{undo}"
        wall, wall_lo, wall_hi = _median_ratio(results, name, "ours-full", "translate_s")
        cpu, cpu_lo, cpu_hi = _median_ratio(results, name, "ours-full", "translate_cpu_s")
        best = _best(results[name])
        rows.append(
            [
                undo,
                what,
                round(best["translate_s"], 2),
                round(best["translate_cpu_s"], 2),
                f"{wall:.3f} ({wall_lo:.2f}-{wall_hi:.2f})",
                f"{cpu:.3f} ({cpu_lo:.2f}-{cpu_hi:.2f})",
            ]
        )
        key = undo.replace("-", "_")
        section.add(f"{key}_wall_ratio", f"{undo}: wall / full (median)", round(wall, 3), "x")
        section.add(f"{key}_cpu_ratio", f"{undo}: CPU / full (median)", round(cpu, 3), "x")
    section.table(
        "ablation (ratio > 1: undoing the change is slower, i.e. the change makes us faster)",
        ["undone", "what", "best wall s", "best cpu s", "wall / full", "cpu / full"],
        rows,
    )
    return section


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if "--worker" in argv:
        return worker_main(argv)
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--quick", action="store_true", help="two articles instead of five")
    parser.add_argument(
        "--length",
        type=int,
        default=DEFAULT_LENGTH,
        help="tokens decoded per sentence (default 32)",
    )
    parser.add_argument("--repeats", type=int, default=1, help="interleaved rounds")
    parser.add_argument("--beam", type=int, default=BEAM)
    parser.add_argument("--model", choices=["bench", "copy"], default="bench")
    parser.add_argument(
        "--ablation", action="store_true", help="time each decoding change undone in turn"
    )
    args = parser.parse_args(argv)
    section = run(args.quick, args.length, args.repeats, args.beam, args.model, args.ablation)
    emit([section], args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
