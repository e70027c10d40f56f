"""Variants of the copy model in the package layouts real Argos packages use.

Each variant is a real ``.argosmodel`` built from the copy model of
tests/copymodel.py, changed in the one way a family of real packages differs:

* ``unknown``: SentencePiece trained with argos-train's settings (no byte
  fallback, character coverage 0.9995), so rare characters become ``<unk>``.
* ``targetonly``: separate source and target vocabularies, where some target
  pieces are not in the package's SentencePiece model (OPUS-MT ports ship
  only the source model): "▁nicht" comes out as "▁not", "▁Jahr" as
  "▁New▁Year".
* ``bpe``: a ``bpe.model`` package (Moses tokenization and subword-nmt codes,
  learned here on the sample articles), the layout of OPUS-MT ports built
  from ``*.bpe`` codes.
* ``prefix``: a multilingual-style package with ``target_prefix`` "__en__";
  the decoder copies source token t - 1 at step t.
* ``float32``: the copy model with float32 weights.

Artifacts are cached in tests/_build/ like the copy model's, keyed by a hash
of both recipes, so a test session builds each variant once.
"""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import zipfile
from collections import Counter
from pathlib import Path

import copymodel
from copymodel import (
    _ZIP_DATE,
    BUILD_DIR,
    VOCAB_SIZE,
    build_artifacts,
    build_ctranslate2_model,
    metadata,
    sample_sentences,
)
from copymodel import cache_key as copy_cache_key

VARIANTS = ("unknown", "targetonly", "bpe", "prefix", "float32")
TARGET_ONLY = {"▁nicht": "▁not", "▁Präsident": "▁President", "▁Jahr": "▁New▁Year"}
PREFIX = "__en__"
BPE_MERGES = 1500
_SPECIALS = ["<unk>", "<s>", "</s>"]


def _key() -> str:
    h = hashlib.sha256(Path(__file__).read_bytes())
    h.update(copy_cache_key().encode())
    return h.hexdigest()[:16]


# ---------------------------------------------------------------- tokenizers


def train_argos_train_tokenizer(lines: list[str]) -> bytes:
    """SentencePiece with argos-train's settings: no byte fallback, coverage 0.9995."""
    import sentencepiece as spm

    out = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines),
        model_writer=out,
        vocab_size=VOCAB_SIZE,
        model_type="bpe",
        byte_fallback=False,
        character_coverage=0.9995,
        normalization_rule_name="identity",
        num_threads=1,
        shuffle_input_sentence=False,
        input_sentence_size=0,
        minloglevel=2,
    )
    return out.getvalue()


def _moses_words(lines: list[str], lang: str = "de") -> list[str]:
    from sacremoses.normalize import MosesPunctNormalizer
    from sacremoses.tokenize import MosesTokenizer

    tokenizer, normalizer = MosesTokenizer(lang), MosesPunctNormalizer(lang)
    words: list[str] = []
    for line in lines:
        words.extend(tokenizer.tokenize(normalizer.normalize(line)))
    return words


def learn_bpe(words: list[str], merges: int = BPE_MERGES) -> str:
    """subword-nmt codes (format 0.2) learned greedily; ties broken by the pair itself."""
    vocab = Counter(tuple(word[:-1]) + (word[-1] + "</w>",) for word in words if word)
    codes = ["#version: 0.2"]
    for _ in range(merges):
        pairs: Counter[tuple[str, str]] = Counter()
        for symbols, freq in vocab.items():
            for pair in zip(symbols, symbols[1:]):
                pairs[pair] += freq
        if not pairs:
            break
        best = min(pairs, key=lambda p: (-pairs[p], p))
        if pairs[best] < 2:
            break
        codes.append(" ".join(best))
        merged: Counter[tuple[str, ...]] = Counter()
        for symbols, freq in vocab.items():
            out: list[str] = []
            i = 0
            while i < len(symbols):
                if i + 1 < len(symbols) and (symbols[i], symbols[i + 1]) == best:
                    out.append(symbols[i] + symbols[i + 1])
                    i += 2
                else:
                    out.append(symbols[i])
                    i += 1
            merged[tuple(out)] += freq
        vocab = merged
    return "\n".join(codes) + "\n"


def bpe_vocabulary(codes: str, words: list[str]) -> list[str]:
    """Every subword the codes produce on the samples, plus all single characters."""
    from argostranslate.apply_bpe import BPE

    bpe = BPE(io.StringIO(codes))
    seen = dict.fromkeys(bpe.segment_tokens(words))
    for char in sorted({c for w in words for c in w}):
        seen.setdefault(char, None)
        seen.setdefault(char + "@@", None)
    return _SPECIALS + [t for t in seen if t not in _SPECIALS]


# ---------------------------------------------------------------- building


def _build(name: str, out: Path) -> None:
    base = build_artifacts()
    pieces_of = _pieces(base / "sentencepiece.model")
    if name == "unknown":
        sp_bytes = train_argos_train_tokenizer(sample_sentences())
        (out / "sentencepiece.model").write_bytes(sp_bytes)
        build_ctranslate2_model(_pieces(out / "sentencepiece.model"), out / "model")
    elif name == "bpe":
        words = _moses_words(sample_sentences())
        codes = learn_bpe(words)
        (out / "bpe.model").write_text(codes, encoding="utf-8")
        build_ctranslate2_model(bpe_vocabulary(codes, words), out / "model")
    else:
        shutil.copyfile(base / "sentencepiece.model", out / "sentencepiece.model")
        if name == "targetonly":
            known = set(pieces_of)
            assert all(p in known and t not in known for p, t in TARGET_ONLY.items())
            target = [TARGET_ONLY.get(p, p) for p in pieces_of]
            build_ctranslate2_model(pieces_of, out / "model", target_pieces=target)
        elif name == "prefix":
            build_ctranslate2_model(
                pieces_of, out / "model", target_pieces=[*pieces_of, PREFIX], prefix_tokens=1
            )
        elif name == "float32":
            build_ctranslate2_model(pieces_of, out / "model", quantization=None)
        else:
            raise ValueError(f"unknown variant {name!r}")


def _pieces(model: Path) -> list[str]:
    import sentencepiece as spm

    sp = spm.SentencePieceProcessor(model_file=str(model))
    return [sp.id_to_piece(i) for i in range(sp.get_piece_size())]


def variant_artifacts(name: str, build_dir: Path = BUILD_DIR) -> Path:
    """The folder with the variant's tokenizer and ``model/``, built once and cached."""
    return copymodel.cached_build(
        build_dir, f"variant-{name}", _key(), lambda tmp: _build(name, tmp)
    )


def build_variant_package(name: str, dest_dir: Path, from_code="de", to_code="en") -> Path:
    """Build ``dest_dir/translate-<from>_<to>-<name>.argosmodel`` and return its path."""
    artifacts = variant_artifacts(name)
    top = f"translate-{from_code}_{to_code}-{name}"
    meta = metadata(from_code, to_code)
    meta["package_name"] = f"Copy model {from_code}->{to_code}, {name} variant (tests only)"
    if name == "prefix":
        meta["target_prefix"] = PREFIX
    files = [("metadata.json", (json.dumps(meta, indent=2) + "\n").encode())]
    for path in sorted(artifacts.rglob("*")):
        if path.is_file():
            files.append((path.relative_to(artifacts).as_posix(), path.read_bytes()))
    out = Path(dest_dir) / f"{top}.argosmodel"
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name_in_zip, data in files:
            info = zipfile.ZipInfo(f"{top}/{name_in_zip}", date_time=_ZIP_DATE)
            info.external_attr = 0o100644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data)
    return out
