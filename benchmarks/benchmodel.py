"""A realistic-size benchmark model: an Argos-shaped de->en Transformer with random weights.

Shape of the official Argos de->en package (OpenNMT-py Transformer "base"):
6 encoder + 6 decoder layers, d_model 512, 8 heads, FFN 2048, pre-norm,
sinusoidal positions, biases on every linear layer, int8 weights. Built with
numpy + ctranslate2 (no torch); weights are random with a fixed seed.

Vocabulary: SentencePiece BPE trained on the five samples. 35 KB of text
supports at most ~9,300 BPE pieces, so we learn 3,000 real pieces (256 byte
fallback pieces included; ~1.5 pieces per word on the samples, about what a
32k vocabulary gives on German news) and pad the vocabulary to 32,000 with 29,000
control symbols ``<dummy00000>`` ... (never produced by the tokenizer). The
model's vocabulary, embeddings and output projection are therefore full
32k size, so the softmax/projection cost is that of a real model.

The output projection has a bias of -10,000 on ``</s>``, ``<s>``, ``<unk>``
and the dummy pieces: no hypothesis ever ends early, so every sentence
decodes exactly ``max_decoding_length`` tokens (of real pieces, so the
detokenised text looks like text), and the work per sentence is the same for
every contender that passes the same ``max_decoding_length``.

Random networks tend to emit the same token at every step, which would trip
our translator's degenerate-output retry and make it decode twice. Three
choices avoid that (0 retries on the samples): the output projection is not
tied to the target embeddings, FFN output rows are zero-mean (ReLU outputs
would otherwise add one constant vector everywhere), and sublayer outputs are
scaled by ``RESIDUAL_GAIN`` so the input token and position steer each step.

Usage::

    python benchmarks/benchmodel.py [--json]   # build (or reuse) and describe it

The built artifacts and the ``.argosmodel`` are cached in
``benchmarks/_build/`` keyed by a hash of this file, the samples and the
library versions.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import json
import os
import shutil
import sys
import tempfile
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parent
BUILD_DIR = HERE / "_build"

# Packaging helpers and the tokenizer recipe of the test copy model.
sys.path.insert(0, str(REPO_ROOT / "tests"))
import copymodel  # noqa: E402

VOCAB_SIZE = 32_000
REAL_PIECES = 3_000  # learned BPE pieces incl. 256 byte-fallback pieces
NUM_LAYERS = (6, 6)
D_MODEL = 512
NUM_HEADS = 8
FFN = 2048
SEED = 20250101
EOS_BIAS = -10_000.0
# Scale of what each sublayer adds to the residual stream (see build_ctranslate2_model).
RESIDUAL_GAIN = 0.25
PACKAGE_TOP = "translate-de_en-bench"
_ZIP_DATE = (2024, 1, 1, 0, 0, 0)


def train_tokenizer() -> bytes:
    """BPE on the samples (same options as tests/copymodel.py), padded to 32k pieces."""
    import sentencepiece as spm

    lines = copymodel.sample_sentences()
    dummies = [f"<dummy{i:05d}>" for i in range(VOCAB_SIZE - REAL_PIECES)]
    out = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter([*lines, copymodel.EXTRA_CHARACTERS]),
        model_writer=out,
        vocab_size=VOCAB_SIZE,
        control_symbols=dummies,
        model_type="bpe",
        byte_fallback=True,
        normalization_rule_name="identity",
        character_coverage=1.0,
        num_threads=1,
        shuffle_input_sentence=False,
        input_sentence_size=0,
        minloglevel=2,
    )
    return out.getvalue()


def build_ctranslate2_model(pieces: list[str], out_dir: Path) -> None:
    """Random-weight Argos-shaped Transformer, saved int8 to ``out_dir``."""
    import numpy as np
    from ctranslate2.specs import transformer_spec

    rng = np.random.default_rng(SEED)
    vocab, d, ffn = len(pieces), D_MODEL, FFN

    def normal(shape: tuple[int, ...], std: float) -> np.ndarray:
        return (rng.standard_normal(shape, dtype=np.float32) * np.float32(std)).astype(np.float32)

    def linear(lin, out_dim: int, in_dim: int, gain: float = 1.0) -> None:
        lin.weight = normal((out_dim, in_dim), gain * in_dim**-0.5)
        lin.bias = normal((out_dim,), 0.02 * gain)

    def layer_norm(ln) -> None:
        ln.gamma = np.ones(d, dtype=np.float32)
        ln.beta = np.zeros(d, dtype=np.float32)

    def feed_forward(f) -> None:
        layer_norm(f.layer_norm)
        linear(f.linear_0, ffn, d)
        linear(f.linear_1, d, ffn, RESIDUAL_GAIN)
        # ReLU outputs have a positive mean; zero-sum rows keep that mean from
        # adding the same vector at every position (which would make every
        # step emit the same token).
        f.linear_1.weight -= f.linear_1.weight.mean(axis=1, keepdims=True)

    def self_attention(att) -> None:
        layer_norm(att.layer_norm)
        linear(att.linear[0], 3 * d, d)  # fused Q, K, V
        linear(att.linear[1], d, d, RESIDUAL_GAIN)

    spec = transformer_spec.TransformerSpec.from_config(
        num_layers=NUM_LAYERS, num_heads=NUM_HEADS, pre_norm=True
    )
    enc, dec = spec.encoder, spec.decoder
    # Embeddings are multiplied by sqrt(d_model) (scale_embeddings defaults
    # to True), so std d^-0.5 gives unit-scale inputs like the sinusoids.
    enc.embeddings[0].weight = normal((vocab, d), d**-0.5)
    layer_norm(enc.layer_norm)
    for layer in enc.layer:
        self_attention(layer.self_attention)
        feed_forward(layer.ffn)

    dec.embeddings.weight = normal((vocab, d), d**-0.5)
    # Not tied to the target embeddings: with random weights a tied projection
    # mostly re-emits the previous token (the residual stream carries its
    # embedding), and looping outputs would trigger our degenerate-output retry.
    dec.projection.weight = normal((vocab, d), d**-0.5)
    bias = np.zeros(vocab, dtype=np.float32)
    for i, piece in enumerate(pieces):
        if piece in ("</s>", "<s>", "<unk>") or piece.startswith("<dummy"):
            bias[i] = EOS_BIAS
    dec.projection.bias = bias
    layer_norm(dec.layer_norm)
    for layer in dec.layer:
        self_attention(layer.self_attention)
        feed_forward(layer.ffn)
        cross = layer.attention
        layer_norm(cross.layer_norm)
        linear(cross.linear[0], d, d)  # Q
        linear(cross.linear[1], 2 * d, d)  # fused K, V
        linear(cross.linear[2], d, d, RESIDUAL_GAIN)

    spec.register_source_vocabulary(pieces)
    spec.register_target_vocabulary(pieces)
    spec.validate()
    spec.optimize(quantization="int8")
    out_dir.mkdir(parents=True)
    spec.save(str(out_dir))


def cache_key() -> str:
    import ctranslate2
    import numpy
    import sentencepiece

    h = hashlib.sha256()
    h.update(Path(__file__).read_bytes())
    h.update(Path(copymodel.__file__).read_bytes())
    h.update(
        f"ct2={ctranslate2.__version__};spm={sentencepiece.__version__};np={numpy.__version__}".encode()
    )
    for path in copymodel.sample_files():
        h.update(path.name.encode() + b"\0" + path.read_bytes())
    return h.hexdigest()[:16]


@dataclass
class BenchModel:
    artifacts: Path  # folder with sentencepiece.model and model/
    package: Path  # the .argosmodel
    built_seconds: float  # 0.0 when reused from the cache
    key: str

    def describe(self) -> dict[str, object]:
        import sentencepiece as spm

        sp = spm.SentencePieceProcessor(model_file=str(self.artifacts / "sentencepiece.model"))
        config = json.loads((self.artifacts / "model" / "config.json").read_text())
        return {
            "layers": f"{NUM_LAYERS[0]}+{NUM_LAYERS[1]}",
            "d_model": D_MODEL,
            "heads": NUM_HEADS,
            "ffn": FFN,
            "vocab": sp.get_piece_size(),
            "learned_pieces": REAL_PIECES,
            "dummy_pieces": VOCAB_SIZE - REAL_PIECES,
            "model_bin_bytes": (self.artifacts / "model" / "model.bin").stat().st_size,
            "package_bytes": self.package.stat().st_size,
            "quantization": "int8",
            "add_source_eos": config.get("add_source_eos"),
            "built_seconds": round(self.built_seconds, 1),
            "key": self.key,
        }


def build(build_dir: Path = BUILD_DIR, log=None) -> BenchModel:
    """Return the cached benchmark model and package, building them if needed."""
    key = cache_key()
    final = build_dir / f"model-{key}"
    package = build_dir / f"{PACKAGE_TOP}-{key}.argosmodel"
    started = time.perf_counter()
    built = False
    if not (final / "model" / "model.bin").is_file():
        if log:
            log("building the benchmark model (6+6 layers, d512, 32k vocab, int8) ...")
        build_dir.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=".tmp-model-", dir=build_dir))
        try:
            import sentencepiece as spm

            sp_bytes = train_tokenizer()
            (tmp / "sentencepiece.model").write_bytes(sp_bytes)
            sp = spm.SentencePieceProcessor(model_proto=sp_bytes)
            pieces = [sp.id_to_piece(i) for i in range(sp.get_piece_size())]
            build_ctranslate2_model(pieces, tmp / "model")
            os.chmod(tmp, 0o755)
            os.rename(tmp, final)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        built = True
        for old in build_dir.glob("model-*"):
            if old != final:
                shutil.rmtree(old, ignore_errors=True)
    if not package.is_file():
        write_package(final, package)
        built = True
        for old in build_dir.glob(f"{PACKAGE_TOP}-*.argosmodel"):
            if old != package:
                old.unlink(missing_ok=True)
    seconds = time.perf_counter() - started if built else 0.0
    return BenchModel(final, package, seconds, key)


def ensure_built(log=None) -> BenchModel:
    """Like build(), but builds in a subprocess, so this process never holds the
    ~0.5 GB of float32 weights (a child's ru_maxrss starts at its parent's peak)."""
    import subprocess

    key = cache_key()
    final = BUILD_DIR / f"model-{key}"
    package = BUILD_DIR / f"{PACKAGE_TOP}-{key}.argosmodel"
    if (final / "model" / "model.bin").is_file() and package.is_file():
        return build(log=log)
    if log:
        log("building the benchmark model (6+6 layers, d512, 32k vocab, int8) in a subprocess ...")
    started = time.perf_counter()
    subprocess.run([sys.executable, str(Path(__file__)), "--quiet"], check=True)
    model = build(log=log)
    model.built_seconds = time.perf_counter() - started
    return model


def write_package(artifacts: Path, out: Path) -> Path:
    """Zip the artifacts as a real Argos package (metadata.json, model/, sentencepiece.model)."""
    meta = copymodel.metadata("de", "en")
    meta["package_name"] = "Benchmark model de->en (random weights, Argos-shaped)"
    files: list[tuple[str, Path | bytes]] = [
        ("metadata.json", (json.dumps(meta, indent=2) + "\n").encode()),
        ("README.md", b"Benchmark-only package: Argos-shaped Transformer with random weights.\n"),
        ("sentencepiece.model", artifacts / "sentencepiece.model"),
    ]
    files += [(f"model/{p.name}", p) for p in sorted((artifacts / "model").iterdir())]
    tmp = out.with_name(f".{out.name}.tmp{os.getpid()}")
    try:
        with zipfile.ZipFile(tmp, "w") as zf:
            for folder in (f"{PACKAGE_TOP}/", f"{PACKAGE_TOP}/model/"):
                info = zipfile.ZipInfo(folder, date_time=_ZIP_DATE)
                info.external_attr = (0o40755 << 16) | 0x10
                zf.writestr(info, b"")
            for name, data in files:
                info = zipfile.ZipInfo(f"{PACKAGE_TOP}/{name}", date_time=_ZIP_DATE)
                info.external_attr = 0o100644 << 16
                # Random int8 weights do not compress: store the big file.
                big = name == "model/model.bin"
                info.compress_type = zipfile.ZIP_STORED if big else zipfile.ZIP_DEFLATED
                zf.writestr(info, data if isinstance(data, bytes) else data.read_bytes())
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)
    return out


def copy_model(log=None) -> BenchModel:
    """The copy model of tests/copymodel.py (stops at </s>), packaged like the bench model."""
    tests = Path(__file__).resolve().parent.parent / "tests"
    if str(tests) not in sys.path:
        sys.path.insert(0, str(tests))
    import copymodel

    t0 = time.perf_counter()
    artifacts = copymodel.build_artifacts()
    package = copymodel.build_copy_package(BUILD_DIR, "de", "en")
    if log is not None:
        log(f"copy model: {artifacts}")
    return BenchModel(artifacts, package, time.perf_counter() - t0, copymodel.cache_key())


def describe_short(model: BenchModel) -> str:
    info = model.describe()
    return (
        f"{info['layers']} layers, d_model {info['d_model']}, {info['heads']} heads, "
        f"FFN {info['ffn']}, vocab {info['vocab']:,} ({info['learned_pieces']:,} learned BPE "
        f"pieces + {info['dummy_pieces']:,} dummy control pieces), int8, "
        f"model.bin {info['model_bin_bytes'] / 1e6:.0f} MB"
    )


@contextlib.contextmanager
def installed(model: BenchModel):
    """Install the package into a temporary ARGOS_PACKAGES_DIR; yield (folder, InstalledModel).

    Sets ARGOS_PACKAGES_DIR in this process for the duration (children
    inherit it); restores the previous value and deletes the folder after.
    """
    from summarize.translation.install import install_package_file

    root = Path(tempfile.mkdtemp(prefix="summarize-bench-packages-"))
    old = os.environ.get("ARGOS_PACKAGES_DIR")
    os.environ["ARGOS_PACKAGES_DIR"] = str(root)
    try:
        yield root, install_package_file(model.package)
    finally:
        if old is None:
            os.environ.pop("ARGOS_PACKAGES_DIR", None)
        else:
            os.environ["ARGOS_PACKAGES_DIR"] = old
        shutil.rmtree(root, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--quiet", action="store_true", help="build only, print nothing")
    args = parser.parse_args(argv)
    model = build(log=None if args.quiet else lambda m: print(m, file=sys.stderr))
    if args.quiet:
        return 0
    info = model.describe()
    info["package"] = str(model.package)
    if args.json:
        print(json.dumps(info, indent=2))
    else:
        for k, v in info.items():
            print(f"{k}: {v}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
