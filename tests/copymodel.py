"""Build a tiny but real Argos Translate package whose model copies its input.

The official Argos models cannot be downloaded in CI (no internet), and a
real model would be 100 MB anyway. Instead this module hand-wires the weights
of a 1-layer CTranslate2 Transformer so that ``translate(x) == x``: tests can
then run the whole pipeline (package install, SentencePiece, CTranslate2,
beam search, detokenisation) and assert on the output exactly.

How the copy works (all weights are set by hand, nothing is trained except
the SentencePiece tokenizer):

* ``d_model`` is split into a *token* subspace and a *position* subspace.
  Every vector is written as ``[u, -u]`` inside each subspace, so its mean is
  0 and its norm is the same for every token and position: LayerNorm then
  only multiplies by a constant and does not mix the two subspaces.
* Source embeddings put a +-1 code of the token (a distinct random bit
  pattern per vocabulary id) in the token subspace; the position encodings
  (shared by encoder and decoder) put ``cos/sin(theta_k * pos)`` for a few
  frequencies in the position subspace. Target embeddings are zero.
* All self-attention and feed-forward weights are zero, so those sublayers
  add nothing to the residual stream.
* The decoder's cross-attention query (from decoder position ``t``) and the
  keys (from source position ``s``) read only the position subspace, so the
  score is ``beta * sum_k cos(theta_k * (t - s))``: largest, by a wide margin,
  for ``s == t``. The values read only the token subspace, so step ``t``
  copies the code of source token ``t`` into the residual stream.
* The output projection is the code table, so the logit of the copied token
  beats every other token by ``MIN_LOGIT_MARGIN`` or more.
* ``add_source_eos`` makes CTranslate2 append ``</s>`` to the source; it is
  copied like any token, which ends decoding after the last source token.

Usage as a script::

    python tests/copymodel.py OUT.argosmodel [--from de --to en] [--verify]

The SentencePiece and CTranslate2 models are cached in ``tests/_build/``
(git-ignored), keyed by a hash of everything that determines them, so a test
session builds them once; later calls only zip them (milliseconds).
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import shutil
import sys
import tempfile
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path

import numpy as np

REPO_ROOT = Path(__file__).resolve().parent.parent
SAMPLES_DIR = REPO_ROOT / "samples"
BUILD_DIR = Path(__file__).resolve().parent / "_build"

# Tokenizer. BPE because unigram training caps the vocabulary at ~1900 on the
# ~35 KB of sample text; BPE with byte fallback reaches 4000 and never
# produces <unk>.
VOCAB_SIZE = 4000
# Characters guaranteed to be single pieces even if no sample contains them
# (German letters and typography, common loan-word accents); anything else
# still round-trips through the 256 byte-fallback pieces.
EXTRA_CHARACTERS = "ÄÖÜäöüß ẞ „“ ‚‘ ”’ «» ‹› – — … € § ° ² ³ µ · é è ê à â ç ñ ó ô ú û ï ë í á"

# Model geometry.
CODE_BITS = 32  # +-1 code per token; token subspace has 2 * CODE_BITS dims
NUM_FREQUENCIES = 16  # cos+sin per frequency; position subspace has 4 * this
MAX_POSITIONS = 2048  # CTranslate2 truncates sources at 1024 tokens by default
MIN_ATTENTION_GAP = 50.0  # attention logit margin of the right source position
MIN_LOGIT_MARGIN = 30.0  # output logit margin of the copied token
SEED = 20240913

LANGUAGE_NAMES = {
    "de": "German",
    "en": "English",
    "fr": "French",
    "es": "Spanish",
    "it": "Italian",
    "nl": "Dutch",
    "pl": "Polish",
    "pt": "Portuguese",
    "ru": "Russian",
}


# ---------------------------------------------------------------- tokenizer


def sample_files() -> list[Path]:
    files = sorted(SAMPLES_DIR.glob("*.txt"))
    if not files:
        raise FileNotFoundError(f"no sample articles in {SAMPLES_DIR}")
    return files


def sample_sentences() -> list[str]:
    """Non-empty lines of all sample articles (paragraphs, titles, bylines).

    These are what the verification translates; a paragraph is a long
    "sentence" (100-300 pieces), which exercises the position encodings.
    """
    lines: list[str] = []
    for path in sample_files():
        lines.extend(
            line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
        )
    return lines


def train_tokenizer(lines: Iterable[str]) -> bytes:
    """Train the SentencePiece model and return its serialized bytes."""
    import sentencepiece as spm

    out = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter([*lines, EXTRA_CHARACTERS]),
        model_writer=out,
        vocab_size=VOCAB_SIZE,
        model_type="bpe",
        byte_fallback=True,
        # "identity": no NFKC, so e.g. "²" or "…" are not rewritten and the
        # copy is exact (whitespace runs are still folded to one space).
        normalization_rule_name="identity",
        character_coverage=1.0,
        # Determinism: one thread, no sampling/shuffling of the input.
        num_threads=1,
        shuffle_input_sentence=False,
        input_sentence_size=0,
        minloglevel=2,
    )
    return out.getvalue()


# ---------------------------------------------------------------- model


def _token_codes(vocab_size: int) -> tuple[np.ndarray, int]:
    """Distinct +-1 codes, one row per token, and their minimum Hamming distance."""
    rng = np.random.default_rng(SEED)
    while True:
        bits = rng.integers(0, 2, size=(vocab_size, CODE_BITS), dtype=np.int8)
        codes = (2 * bits - 1).astype(np.float32)
        dots = codes @ codes.T  # = CODE_BITS - 2 * hamming
        np.fill_diagonal(dots, -CODE_BITS)
        min_distance = int(round((CODE_BITS - dots.max()) / 2))
        if min_distance >= 1:
            return codes, min_distance


def _frequencies() -> np.ndarray:
    # Periods from 3 positions to twice the longest sequence: the short ones
    # separate neighbours, the long ones rule out aliasing far away.
    periods = np.geomspace(3.0, 2.0 * MAX_POSITIONS, NUM_FREQUENCIES)
    return 2.0 * np.pi / periods


def _position_gap(theta: np.ndarray) -> float:
    """min over d != 0 of sum_k (1 - cos(theta_k d)): the score margin."""
    d = np.arange(1, MAX_POSITIONS, dtype=np.float64)
    sums = np.cos(np.outer(d, theta)).sum(axis=1)
    return float(len(theta) - sums.max())


def build_ctranslate2_model(
    pieces: list[str],
    out_dir: Path,
    *,
    target_pieces: list[str] | None = None,
    quantization: str | None = "int8",
    prefix_tokens: int = 0,
) -> None:
    """Write the hand-wired copy Transformer to ``out_dir`` (int8 weights).

    The keywords build the variants of tests/copyvariants.py: ``target_pieces``
    a separate target vocabulary (source id i is copied to target id i; extra
    target pieces are never produced), ``quantization=None`` float32 weights,
    ``prefix_tokens`` a decoder whose step t copies source token
    t - prefix_tokens, for packages with a ``target_prefix``.
    """
    from ctranslate2.specs import transformer_spec

    vocab = len(pieces)
    target_vocab = len(target_pieces) if target_pieces is not None else vocab
    ct, k = CODE_BITS, NUM_FREQUENCIES
    d_tok, d_pos = 2 * ct, 4 * k
    d_model = d_tok + d_pos
    tok = slice(0, d_tok)
    pos = slice(d_tok, d_model)

    codes, min_distance = _token_codes(vocab)
    theta = _frequencies()
    gap = _position_gap(theta)

    # Token subspace [c, -c] (norm^2 = 2 ct), position subspace [p, -p] with
    # p = (cos, sin) per frequency (norm^2 = 2 k). Means are 0 by symmetry.
    token_vectors = np.concatenate([codes, -codes], axis=1)
    steps = np.arange(MAX_POSITIONS, dtype=np.float64)[:, None] * theta[None, :]
    p = np.concatenate([np.cos(steps), np.sin(steps)], axis=1)
    positions = np.zeros((MAX_POSITIONS, d_model), dtype=np.float32)
    positions[:, pos] = np.concatenate([p, -p], axis=1)

    src_embeddings = np.zeros((vocab, d_model), dtype=np.float32)
    src_embeddings[:, tok] = token_vectors

    # Constant LayerNorm gains (gamma = 1, beta = 0): LN(x) = x * rms^-1.
    enc_out_scale = np.sqrt(d_model / (2 * ct + 2 * k))  # memory = x * this
    dec_in_scale = np.sqrt(d_model / (2 * k))  # decoder input is position only

    # Cross-attention scores: q.k / sqrt(d_model) with q = beta * 2 p_t * dec_in_scale
    # and k = 2 p_s * enc_out_scale (the 2 from the [p, -p] duplicate), so
    # score = beta * 4 * dec_in_scale * enc_out_scale * sum cos / sqrt(d_model).
    unit_score = 4.0 * dec_in_scale * enc_out_scale / np.sqrt(d_model)
    beta = MIN_ATTENTION_GAP / (gap * unit_score)
    eye = np.eye(d_model, dtype=np.float32)
    w_query = np.zeros_like(eye)
    w_query[pos, pos] = beta * eye[pos, pos]
    w_key = np.zeros_like(eye)
    w_key[pos, pos] = eye[pos, pos]
    w_value = np.zeros_like(eye)
    w_value[tok, tok] = eye[tok, tok]
    # Undo the encoder LayerNorm scale: the copied code is +-1 again.
    w_out = np.zeros_like(eye)
    w_out[tok, tok] = eye[tok, tok] / enc_out_scale

    # Final decoder state: [c, -c, p, -p] (norm^2 = 2 ct + 2 k) -> LN scale.
    final_scale = np.sqrt(d_model / (2 * ct + 2 * k))
    # logit_i = lam * final_scale * 2 * (c_i . c_s); the runner-up differs in
    # >= min_distance bits, i.e. a margin of lam * final_scale * 4 * min_distance.
    lam = MIN_LOGIT_MARGIN / (final_scale * 4.0 * min_distance)
    projection = np.zeros((target_vocab, d_model), dtype=np.float32)
    projection[:vocab, tok] = lam * token_vectors

    spec = transformer_spec.TransformerSpec.from_config(
        num_layers=(1, 1), num_heads=1, pre_norm=True
    )

    def layer_norm(ln) -> None:
        ln.gamma = np.ones(d_model, dtype=np.float32)
        ln.beta = np.zeros(d_model, dtype=np.float32)

    def zero_feed_forward(ffn) -> None:
        layer_norm(ffn.layer_norm)
        ffn.linear_0.weight = np.zeros((8, d_model), dtype=np.float32)
        ffn.linear_1.weight = np.zeros((d_model, 8), dtype=np.float32)

    def zero_self_attention(att) -> None:
        layer_norm(att.layer_norm)
        att.linear[0].weight = np.zeros((3 * d_model, d_model), dtype=np.float32)
        att.linear[1].weight = np.zeros((d_model, d_model), dtype=np.float32)

    enc = spec.encoder
    enc.scale_embeddings = False
    enc.embeddings[0].weight = src_embeddings
    enc.position_encodings.encodings = positions
    layer_norm(enc.layer_norm)
    zero_self_attention(enc.layer[0].self_attention)
    zero_feed_forward(enc.layer[0].ffn)

    dec = spec.decoder
    dec.scale_embeddings = False
    dec.embeddings.weight = np.zeros((target_vocab, d_model), dtype=np.float32)
    # Shifted by the prefix: step t attends to source position t - prefix_tokens.
    dec.position_encodings.encodings = np.roll(positions, prefix_tokens, axis=0)
    layer_norm(dec.layer_norm)
    dec.projection.weight = projection
    layer = dec.layer[0]
    zero_self_attention(layer.self_attention)
    zero_feed_forward(layer.ffn)
    cross = layer.attention
    layer_norm(cross.layer_norm)
    cross.linear[0].weight = w_query
    cross.linear[1].weight = np.concatenate([w_key, w_value])  # fused K, V
    cross.linear[2].weight = w_out

    spec.config.add_source_eos = True
    spec.config.layer_norm_epsilon = 1e-6
    spec.register_source_vocabulary(pieces)
    spec.register_target_vocabulary(target_pieces if target_pieces is not None else pieces)
    spec.validate()
    # int8 like the official Argos models; the +-1 / constant rows of every
    # matrix quantize exactly, so the model behaves the same in all compute types.
    spec.optimize(quantization=quantization)
    out_dir.mkdir(parents=True)
    spec.save(str(out_dir))


# ---------------------------------------------------------------- caching


def cache_key() -> str:
    """Hash of everything that determines the built models."""
    import ctranslate2
    import sentencepiece

    h = hashlib.sha256()
    h.update(Path(__file__).read_bytes())  # the recipe itself
    h.update(f"ct2={ctranslate2.__version__};spm={sentencepiece.__version__}".encode())
    for path in sample_files():
        h.update(path.name.encode() + b"\0" + path.read_bytes())
    return h.hexdigest()[:16]


def build_artifacts(build_dir: Path = BUILD_DIR) -> Path:
    """Return a folder holding ``sentencepiece.model`` and ``model/``, building it if needed."""

    def build(tmp: Path) -> None:
        import sentencepiece as spm

        sp_bytes = train_tokenizer(sample_sentences())
        (tmp / "sentencepiece.model").write_bytes(sp_bytes)
        sp = spm.SentencePieceProcessor(model_proto=sp_bytes)
        pieces = [sp.id_to_piece(i) for i in range(sp.get_piece_size())]
        build_ctranslate2_model(pieces, tmp / "model")

    return cached_build(build_dir, "copy", cache_key(), build)


def cached_build(build_dir: Path, stem: str, key: str, build: Callable[[Path], None]) -> Path:
    """``build_dir/STEM-KEY``, made by ``build(folder)`` unless it is there already.

    Built in a temporary sibling folder and renamed into place, so concurrent
    test processes never see a half-written cache entry; entries of older
    recipes are dropped so the folder does not grow.
    """
    final = build_dir / f"{stem}-{key}"
    if (final / "model" / "model.bin").is_file():
        return final
    build_dir.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".tmp-{stem}-", dir=build_dir))
    os.chmod(tmp, 0o755)  # mkdtemp makes it private; the cache is not secret
    try:
        build(tmp)
        try:
            os.rename(tmp, final)
        except OSError:
            if not (final / "model" / "model.bin").is_file():
                raise
            # Another process finished first; its result is identical.
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    for old in build_dir.glob(f"{stem}-*"):
        if old != final:
            shutil.rmtree(old, ignore_errors=True)
    return final


# ---------------------------------------------------------------- package

# Fixed timestamp: the same inputs give a byte-identical .argosmodel.
_ZIP_DATE = (2024, 1, 1, 0, 0, 0)


def package_name(from_code: str, to_code: str) -> str:
    return f"translate-{from_code}_{to_code}-copy"


def metadata(from_code: str, to_code: str) -> dict[str, object]:
    return {
        "package_version": "1.0",
        "argos_version": "1.9.0",
        "from_code": from_code,
        "from_name": LANGUAGE_NAMES.get(from_code, from_code),
        "to_code": to_code,
        "to_name": LANGUAGE_NAMES.get(to_code, to_code),
        "type": "translate",
        "target_prefix": "",
        "package_name": f"Copy model {from_code}->{to_code} (tests only)",
    }


def write_package(artifacts: Path, out_path: Path, from_code: str, to_code: str) -> Path:
    """Zip the cached artifacts into an .argosmodel at ``out_path``."""
    top = package_name(from_code, to_code)
    files: list[tuple[str, bytes]] = [
        ("metadata.json", (json.dumps(metadata(from_code, to_code), indent=2) + "\n").encode()),
        (
            "README.md",
            b"Test-only package: a hand-wired CTranslate2 model that copies its input.\n",
        ),
        ("sentencepiece.model", (artifacts / "sentencepiece.model").read_bytes()),
    ]
    for path in sorted((artifacts / "model").iterdir()):
        files.append((f"model/{path.name}", path.read_bytes()))

    out_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = out_path.with_name(f".{out_path.name}.tmp{os.getpid()}")
    try:
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            for folder in (f"{top}/", f"{top}/model/"):
                info = zipfile.ZipInfo(folder, date_time=_ZIP_DATE)
                info.external_attr = (0o40755 << 16) | 0x10
                zf.writestr(info, b"")
            for name, data in files:
                info = zipfile.ZipInfo(f"{top}/{name}", date_time=_ZIP_DATE)
                info.external_attr = 0o100644 << 16
                info.compress_type = zipfile.ZIP_DEFLATED
                zf.writestr(info, data)
        os.replace(tmp, out_path)
    finally:
        tmp.unlink(missing_ok=True)
    return out_path


def build_copy_package(dest_dir: Path, from_code: str = "de", to_code: str = "en") -> Path:
    """Build ``dest_dir/translate-<from>_<to>-copy.argosmodel`` and return its path."""
    artifacts = build_artifacts()
    out = Path(dest_dir) / f"{package_name(from_code, to_code)}.argosmodel"
    return write_package(artifacts, out, from_code, to_code)


def build_model_folder(dest_dir: Path, layout: str = "shared") -> Path:
    """The copy model as a bare CTranslate2 folder with its SentencePiece model(s).

    What a user brings to ``summarize models install DIR --from de --to en``:
    ``layout="shared"`` has one ``sentencepiece.model``; ``layout="separate"``
    has ``source.spm`` and ``target.spm`` as OPUS-MT models ship them (here the
    same model twice: the copy model has one vocabulary). Returns ``dest_dir``.
    """
    artifacts = build_artifacts()
    dest_dir = Path(dest_dir)
    dest_dir.mkdir(parents=True, exist_ok=True)
    for path in sorted((artifacts / "model").iterdir()):
        shutil.copyfile(path, dest_dir / path.name)
    tokenizer = artifacts / "sentencepiece.model"
    if layout == "shared":
        shutil.copyfile(tokenizer, dest_dir / "sentencepiece.model")
    elif layout == "separate":
        shutil.copyfile(tokenizer, dest_dir / "source.spm")
        shutil.copyfile(tokenizer, dest_dir / "target.spm")
    else:
        raise ValueError(f"unknown layout {layout!r}")
    return dest_dir


# ---------------------------------------------------------------- verification


def copy_translate(
    model_dir: Path,
    tokenizer: Path,
    sentences: list[str],
    compute_type: str = "default",
    beam_size: int = 4,
) -> list[str]:
    """Translate like Argos does (pieces in, pieces out) and detokenize."""
    import ctranslate2
    import sentencepiece as spm

    sp = spm.SentencePieceProcessor(model_file=str(tokenizer))
    translator = ctranslate2.Translator(str(model_dir), device="cpu", compute_type=compute_type)
    batch = sp.encode(sentences, out_type=str)
    results = translator.translate_batch(
        batch,
        beam_size=beam_size,
        max_decoding_length=max(len(src) for src in batch) + 10,
    )
    return [sp.decode(r.hypotheses[0]) for r in results]


def verify(artifacts: Path, compute_types: Iterable[str] = ("int8", "float32")) -> int:
    """Check that every sample line is copied exactly; return the number checked."""
    import sentencepiece as spm

    sentences = sample_sentences()
    sp = spm.SentencePieceProcessor(model_file=str(artifacts / "sentencepiece.model"))
    # Folding of whitespace runs is the only change SentencePiece may make.
    expected = [sp.decode(sp.encode(s)) for s in sentences]
    for compute_type in compute_types:
        got = copy_translate(
            artifacts / "model", artifacts / "sentencepiece.model", sentences, compute_type
        )
        bad = [(e, g) for e, g in zip(expected, got, strict=True) if e != g]
        if bad:
            e, g = bad[0]
            raise AssertionError(
                f"{len(bad)} of {len(sentences)} lines not copied ({compute_type}):\n"
                f"  expected {e!r}\n  got      {g!r}"
            )
    return len(sentences)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="output .argosmodel path")
    parser.add_argument("--from", dest="from_code", default="de")
    parser.add_argument("--to", dest="to_code", default="en")
    parser.add_argument("--verify", action="store_true", help="check the copy on all samples")
    args = parser.parse_args(argv)

    artifacts = build_artifacts()
    if args.verify:
        n = verify(artifacts)
        print(f"verified: {n} sample lines copied exactly", file=sys.stderr)
    out = write_package(artifacts, args.out, args.from_code, args.to_code)
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
