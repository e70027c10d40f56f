"""Translation: Argos packages decoded directly with CTranslate2, in batches.

Argos' own pipeline (``argostranslate.translate``) imports stanza and torch,
splits sentences with a downloaded model, and calls ``translate_batch`` once
per paragraph. We already have sentences, so we tokenize them with the
package's tokenizer and decode every sentence that misses the cache in a few
large batches sorted by length, which keeps padding low and both cores busy.

Decoding uses the settings the models were tuned with in Argos'
``apply_packaged_translation`` (beam 4, ``length_penalty=0.2``,
``replace_unknowns=True``, CTranslate2's ``auto`` compute type) and its
detokenization, with three deliberate differences: real underscores are kept
(Argos turns every "_" into a space), the target prefix is stripped as a
token (Argos compares it with text it has already rewritten), and the
decoding limit grows with the source instead of cutting at 256 tokens.
"""

from __future__ import annotations

import json
import os
import re
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol

from ..errors import ModelError, UsageError
from .cache import TranslationCache, cache_key
from .models import InstalledModel, translation_route

# Sentences longer than this many subword tokens are split at clause
# boundaries (then at spaces) and the pieces rejoined; small Argos models
# degrade on very long inputs and CTranslate2 would otherwise truncate.
MAX_SOURCE_TOKENS = 200
# Sentences per translate_batch call; calls run concurrently on inter_threads.
# Measured on 2 cores with an Argos-sized model (benchmarks/): 16 balances the
# two decoders best (6.2 s for the samples; 32: 6.6 s, 64: 8.3 s).
BATCH_SIZE = 16
# Batches queued per decoding thread: enough that no decoder waits for work,
# few enough that finished batches reach the cache as they complete.
IN_FLIGHT_PER_THREAD = 4
# A run of the same 1-4 token pattern repeated this often is a decoding loop.
_REPEATS = 4
# Argos' length penalty (apply_packaged_translation); a package may set its own
# as "length_penalty" in metadata.json.
LENGTH_PENALTY = 0.2
# CTranslate2's default max_decoding_length, which Argos relies on: never less.
MIN_DECODING_LENGTH = 256

ProgressFn = Callable[[int, int], None]


class Translator(Protocol):
    """What the pipeline needs from a translator; fakes in tests provide the same."""

    def check(self, source: str, target: str) -> None:
        """Raise MissingModelError early when the pair cannot be translated."""

    def translate(self, texts: Sequence[str], source: str, target: str) -> list[str]:
        """Translate each text; same length and order as ``texts``."""


@dataclass(frozen=True)
class DecodeOptions:
    beam_size: int = 4
    # CTranslate2 compute type. "default" keeps the model's own weights type
    # (int8 for every Argos package), which is what Argos gets: its setting
    # "auto" means "pass none". CTranslate2's "auto" would quantize a float32
    # model to int8 on most CPUs; users can ask for it with --compute-type.
    compute_type: str = "default"

    def key(self) -> str:
        # Only what changes the output belongs in the cache key (the length
        # penalty of a package is in its metadata, hence in its fingerprint).
        return (
            f"beam={self.beam_size};maxtok={MAX_SOURCE_TOKENS};ct={self.compute_type};"
            f"lp={LENGTH_PENALTY};unk=replace;maxlen={MIN_DECODING_LENGTH}+2n;detok=2"
        )


class ArgosTranslator:
    """Translate through installed Argos packages, pivoting through English."""

    def __init__(
        self,
        cache: TranslationCache | None = None,
        options: DecodeOptions | None = None,
        progress: ProgressFn | None = None,
    ) -> None:
        self.cache = cache or TranslationCache(None)
        self.options = options or DecodeOptions()
        self.progress = progress
        self._loaded: dict[str, _LoadedModel] = {}
        self.decoded = 0  # sentences decoded by the model (cache misses), for reporting

    def check(self, source: str, target: str) -> None:
        if translation_route(source, target):
            check_compute_type(self.options.compute_type)

    def translate(self, texts: Sequence[str], source: str, target: str) -> list[str]:
        out = list(texts)
        for model in translation_route(source, target):
            out = self._hop(model, out)
        return out

    def _hop(self, model: InstalledModel, texts: list[str]) -> list[str]:
        options = self.options.key()
        keys = [cache_key(model.fingerprint, model.source, model.target, options, t) for t in texts]
        known = self.cache.get_many(keys)
        missing: dict[str, str] = {}
        for key, text in zip(keys, texts):
            if key not in known and text.strip():
                missing.setdefault(key, text)
        if missing:
            loaded = self._load(model)
            for done in loaded.translate(list(missing.items()), self.options, self.progress):
                self.cache.put_many(done)
                known.update(done)
                self.decoded += len(done)
        return [known.get(key, text) for key, text in zip(keys, texts)]

    def _load(self, model: InstalledModel) -> _LoadedModel:
        loaded = self._loaded.get(str(model.path))
        if loaded is None:
            loaded = _LoadedModel(model, self.options.compute_type)
            self._loaded[str(model.path)] = loaded
        return loaded


class _SentencePieceTokens:
    """A package's SentencePiece model, detokenizing the way Argos does where Argos is right."""

    def __init__(self, model: InstalledModel) -> None:
        import sentencepiece

        self.sp = sentencepiece.SentencePieceProcessor(model_file=str(model.tokenizer))

    def encode(self, text: str) -> list[str]:
        return list(self.sp.encode(text, out_type=str))

    def count(self, text: str) -> int:
        return len(self.sp.encode(text))

    def decode(self, tokens: list[str]) -> str:
        # Pieces the SentencePiece model does not know (target-only pieces of
        # OPUS-MT ports, unknowns replaced by a source piece) come back
        # verbatim with their "▁"; Argos maps "▁" to spaces after decoding,
        # and so do we. Argos also maps "_" to spaces, which breaks file
        # names and identifiers: we keep real underscores.
        return str(self.sp.decode_pieces(tokens)).replace("\u2581", " ").strip()


class _BPETokens:
    """A ``bpe.model`` package: Moses tokenization and subword-nmt codes, through
    argostranslate's own tokenizer (``argostranslate.tokenizer`` pulls neither
    stanza nor torch, unlike ``argostranslate.translate``)."""

    def __init__(self, model: InstalledModel) -> None:
        from argostranslate.tokenizer import BPETokenizer

        self.bpe = BPETokenizer(model.tokenizer, model.source, model.target)

    def encode(self, text: str) -> list[str]:
        return list(self.bpe.encode(text))

    def count(self, text: str) -> int:
        return len(self.encode(text))

    def decode(self, tokens: list[str]) -> str:
        return str(self.bpe.decode(tokens)).strip()


def _length_penalty(model: InstalledModel) -> float:
    """The package's own "length_penalty" from metadata.json, else Argos' 0.2."""
    try:
        meta = json.loads((model.path / "metadata.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return LENGTH_PENALTY
    value = meta.get("length_penalty") if isinstance(meta, dict) else None
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 0 <= value <= 10:
        return float(value)
    return LENGTH_PENALTY


def check_compute_type(compute_type: str) -> None:
    """Refuse, in one line, a compute type CTranslate2 cannot use on this CPU."""
    if compute_type in ("default", "auto"):
        return  # always usable; and a warm run (all cached) never imports ctranslate2
    import ctranslate2

    supported = {"default", "auto", *ctranslate2.get_supported_compute_types("cpu")}
    if compute_type not in supported:
        raise UsageError(
            f"--compute-type {compute_type} is not supported on this machine; "
            f"use one of: {', '.join(sorted(supported))}"
        )


class _LoadedModel:
    def __init__(self, model: InstalledModel, compute_type: str = "default") -> None:
        import ctranslate2

        check_compute_type(compute_type)
        self.model = model
        cores = self.threads = os.cpu_count() or 1
        # One thread per translation and as many translations in parallel as
        # cores: measured best on 2 cores (inter 2, intra 1).
        self.tokens: _SentencePieceTokens | _BPETokens
        try:
            self.translator = ctranslate2.Translator(
                str(model.model_dir),
                device="cpu",
                compute_type=compute_type,
                inter_threads=cores,
                intra_threads=1,
            )
            if model.tokenizer.name == "bpe.model":
                self.tokens = _BPETokens(model)
            else:
                self.tokens = _SentencePieceTokens(model)
        except (RuntimeError, OSError, ValueError) as err:
            # A package put in the folder by hand or by another tool is not
            # proven by our installer; a corrupt one is a model error, not a crash.
            first = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
            raise ModelError(
                f"the {model.pair} model in {model.path} cannot be loaded ({first}); "
                f"reinstall it: summarize models install {model.source} {model.target}"
            ) from None
        self.length_penalty = _length_penalty(model)

    def _submit(self, sources: list[list[str]], options: DecodeOptions, retry: bool = False):
        prefix = self.model.target_prefix
        extra = {"no_repeat_ngram_size": 4, "repetition_penalty": 1.2} if retry else {}
        return self.translator.translate_batch(
            sources,
            beam_size=options.beam_size,
            length_penalty=self.length_penalty,
            replace_unknowns=True,
            max_decoding_length=_max_length(max(len(t) for t in sources)),
            target_prefix=[[prefix]] * len(sources) if prefix else None,
            asynchronous=True,
            **extra,
        )

    def translate(
        self,
        items: list[tuple[str, str]],
        options: DecodeOptions,
        progress: ProgressFn | None,
    ) -> Iterator[list[tuple[str, str]]]:
        """Yield lists of (key, translation) as batches finish.

        Outputs that end in a loop are decoded again with repetition
        penalties, collected into batches of their own, so the items they
        belong to are yielded last.
        """
        # Each item becomes one or more pieces of at most MAX_SOURCE_TOKENS.
        pieces: list[tuple[int, list[str]]] = []
        for index, (_key, text) in enumerate(items):
            for piece in self._split(text):
                pieces.append((index, piece))
        order = sorted(range(len(pieces)), key=lambda i: (len(pieces[i][1]), i))
        waiting = deque(order[i : i + BATCH_SIZE] for i in range(0, len(order), BATCH_SIZE))
        outputs: list[str] = [""] * len(pieces)
        pieces_of: dict[int, list[int]] = {}
        for position, (index, _piece) in enumerate(pieces):
            pieces_of.setdefault(index, []).append(position)
        left = {index: len(positions) for index, positions in pieces_of.items()}
        # (piece indices, futures, is a retry). Only a few batches are queued
        # at a time: CTranslate2 blocks a submission while its queue is full,
        # so submitting everything first would finish all the decoding before
        # the first batch is yielded (and cached), and Ctrl-C would keep none.
        in_flight: deque[tuple[list[int], list, bool]] = deque()
        window = IN_FLIGHT_PER_THREAD * self.threads
        retries: list[int] = []

        def submit(batch: list[int], retry: bool) -> None:
            sources = [pieces[i][1] for i in batch]
            in_flight.append((batch, self._submit(sources, options, retry), retry))

        def fill() -> None:
            while len(in_flight) < window:
                firsts_left = bool(waiting) or any(not r for _b, _f, r in in_flight)
                if len(retries) >= BATCH_SIZE or (retries and not firsts_left):
                    submit(retries[:BATCH_SIZE], True)
                    del retries[:BATCH_SIZE]
                elif waiting:
                    submit(waiting.popleft(), False)
                else:
                    return

        finished = 0
        fill()
        while in_flight:
            batch, futures, retry = in_flight.popleft()
            ready: list[tuple[str, str]] = []
            for i, future in zip(batch, futures):
                hypothesis = _strip_prefix(future.result().hypotheses[0], self.model.target_prefix)
                if not retry and _looks_degenerate(hypothesis, pieces[i][1]):
                    retries.append(i)  # decoded again, in a batch of retries
                    continue
                outputs[i] = self.tokens.decode(hypothesis)
                index = pieces[i][0]
                left[index] -= 1
                if left[index] == 0:
                    joined = " ".join(o for o in (outputs[j] for j in pieces_of[index]) if o)
                    ready.append((items[index][0], joined))
            fill()  # keep the decoders busy while the caller stores this batch
            finished += len(ready)
            if ready:
                yield ready
            if progress is not None:
                progress(finished, len(items))

    def _split(self, text: str) -> list[list[str]]:
        tokens = self.tokens.encode(text)
        if len(tokens) <= MAX_SOURCE_TOKENS:
            return [tokens]
        return [self.tokens.encode(part) for part in split_long(text, self.tokens.count)]


_CLAUSE = re.compile(r"(?<=[,;:–—)])\s+")


def split_long(text: str, count: Callable[[str], int], limit: int = MAX_SOURCE_TOKENS) -> list[str]:
    """Split text into pieces of at most ``limit`` tokens, preferring clause boundaries.

    Falls back to spaces, then to a hard cut, so nothing is ever truncated.
    """
    if count(text) <= limit:
        return [text]
    for splitter in (_CLAUSE, re.compile(r"\s+")):
        parts = [p for p in splitter.split(text) if p]
        if len(parts) > 1:
            return _pack(parts, count, limit)
    half = len(text) // 2
    return split_long(text[:half], count, limit) + split_long(text[half:], count, limit)


def _pack(parts: list[str], count: Callable[[str], int], limit: int) -> list[str]:
    pieces: list[str] = []
    current = ""
    for part in parts:
        candidate = f"{current} {part}" if current else part
        if count(candidate) <= limit:
            current = candidate
            continue
        if current:
            pieces.append(current)
        if count(part) > limit:
            pieces.extend(split_long(part, count, limit))
            current = ""
        else:
            current = part
    if current:
        pieces.append(current)
    return pieces


def _max_length(source_tokens: int) -> int:
    # Never below CTranslate2's default that Argos decodes with, so a short
    # source whose translation is much longer is never cut; twice the source
    # (plus room) for long ones. Loops that run this long are caught by
    # _looks_degenerate and decoded again.
    return max(MIN_DECODING_LENGTH, 2 * source_tokens + 10)


def _looks_degenerate(output: list[str], source: list[str]) -> bool:
    """True when the output ends in a loop the source does not have."""
    if len(output) < 2 * _REPEATS:
        return False
    for size in range(1, 5):
        tail = output[-size:]
        repeats = 1
        position = len(output) - 2 * size
        while position >= 0 and output[position : position + size] == tail:
            repeats += 1
            position -= size
        if repeats >= _REPEATS and len(output) > len(source) + size:
            return True
    return False


def _strip_prefix(tokens: list[str], prefix: str) -> list[str]:
    if prefix and tokens and tokens[0] == prefix:
        return tokens[1:]
    return tokens
