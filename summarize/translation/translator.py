"""Translation: Argos packages decoded directly with CTranslate2, in batches.

Argos' own pipeline (``argostranslate.translate``) imports stanza and torch,
splits sentences with a downloaded model, and calls ``translate_batch`` once
per paragraph. We already have sentences, so we tokenize them with the
package's SentencePiece model and decode every sentence that misses the cache
in a few large batches sorted by length, which keeps padding low and both
cores busy.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol

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
# A run of the same 1-4 token pattern repeated this often is a decoding loop.
_REPEATS = 4

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

    def key(self) -> str:
        # Only what changes the output belongs in the cache key.
        return f"beam={self.beam_size};maxtok={MAX_SOURCE_TOKENS}"


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
        translation_route(source, target)

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
            loaded = _LoadedModel(model)
            self._loaded[str(model.path)] = loaded
        return loaded


class _LoadedModel:
    def __init__(self, model: InstalledModel) -> None:
        import ctranslate2
        import sentencepiece

        self.model = model
        cores = os.cpu_count() or 1
        compute_type = (
            "int8" if "int8" in ctranslate2.get_supported_compute_types("cpu") else "default"
        )
        # One thread per translation and as many translations in parallel as
        # cores: measured best on 2 cores (inter 2, intra 1).
        self.translator = ctranslate2.Translator(
            str(model.model_dir),
            device="cpu",
            compute_type=compute_type,
            inter_threads=cores,
            intra_threads=1,
        )
        self.sp = sentencepiece.SentencePieceProcessor(model_file=str(model.tokenizer))

    def translate(
        self,
        items: list[tuple[str, str]],
        options: DecodeOptions,
        progress: ProgressFn | None,
    ) -> Iterator[list[tuple[str, str]]]:
        """Yield lists of (key, translation) as batches finish."""
        # Each item becomes one or more pieces of at most MAX_SOURCE_TOKENS.
        pieces: list[tuple[int, list[str]]] = []
        for index, (_key, text) in enumerate(items):
            for piece in self._split(text):
                pieces.append((index, piece))
        order = sorted(range(len(pieces)), key=lambda i: (len(pieces[i][1]), i))
        batches = [order[i : i + BATCH_SIZE] for i in range(0, len(order), BATCH_SIZE)]
        prefix = self.model.target_prefix
        pending = []
        for batch in batches:
            tokens = [pieces[i][1] for i in batch]
            longest = max(len(t) for t in tokens)
            pending.append(
                (
                    batch,
                    self.translator.translate_batch(
                        tokens,
                        beam_size=options.beam_size,
                        max_decoding_length=_max_length(longest),
                        target_prefix=[[prefix]] * len(tokens) if prefix else None,
                        asynchronous=True,
                    ),
                )
            )
        outputs: list[str] = [""] * len(pieces)
        pieces_of: dict[int, list[int]] = {}
        for position, (index, _piece) in enumerate(pieces):
            pieces_of.setdefault(index, []).append(position)
        left = {index: len(positions) for index, positions in pieces_of.items()}
        finished = 0
        for batch, futures in pending:
            ready: list[tuple[str, str]] = []
            for i, future in zip(batch, futures):
                hypothesis = _strip_prefix(future.result().hypotheses[0], prefix)
                if _looks_degenerate(hypothesis, pieces[i][1]):
                    hypothesis = self._retry(pieces[i][1], options, prefix)
                outputs[i] = self.sp.decode(hypothesis).strip()
                index = pieces[i][0]
                left[index] -= 1
                if left[index] == 0:
                    joined = " ".join(o for o in (outputs[j] for j in pieces_of[index]) if o)
                    ready.append((items[index][0], joined))
            finished += len(ready)
            if ready:
                yield ready
            if progress is not None:
                progress(finished, len(items))

    def _retry(self, tokens: list[str], options: DecodeOptions, prefix: str) -> list[str]:
        result = self.translator.translate_batch(
            [tokens],
            beam_size=options.beam_size,
            max_decoding_length=_max_length(len(tokens)),
            no_repeat_ngram_size=4,
            repetition_penalty=1.2,
            target_prefix=[[prefix]] if prefix else None,
        )[0].hypotheses[0]
        return _strip_prefix(result, prefix)

    def _split(self, text: str) -> list[list[str]]:
        tokens = self.sp.encode(text, out_type=str)
        if len(tokens) <= MAX_SOURCE_TOKENS:
            return [tokens]
        return [self.sp.encode(part, out_type=str) for part in split_long(text, self._count)]

    def _count(self, text: str) -> int:
        return len(self.sp.encode(text))


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
    # Room for targets longer than the source (German compounds split up in
    # English), but bounded so a degenerate loop stops early.
    return int(source_tokens * 2) + 10


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
