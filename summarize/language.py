"""Language detection that needs no download.

A document's language is the language of its prose. Code, tables, option
lists and product names carry few function words, and C comments or quoted
English carry English ones, so detection looks only at the kept paragraphs,
leaves out lines that look like code, and lets each paragraph that reads as
prose vote: one long English quote or code block in a German article is one
vote among many, not most of a 5,000-character sample.

A paragraph's language comes from counting its function words against sumy's
bundled stop-word lists, which settles news text in microseconds. Only when
no paragraph can be settled that way, or when most prose paragraphs use none
of those languages' function words (Russian, Polish, Chinese ...), do we ask
py3langid, which ships its model but takes most of a second and ~75 MiB to
load it. Its answer counts only when it is confident and names a language
Argos has models for; otherwise the document keeps the default language,
since a wrong guess on a short fragment ("nn", "la") would only produce a
confusing missing-model error.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from .words import stop_words

# Languages we can tell apart by function words: the ones Argos covers that
# sumy ships stop words for.
_PROFILE_LANGUAGES = ("de", "en", "fr", "es", "it", "pt", "nl")
# Languages Argos Translate publishes models for: py3langid chooses among
# these. py3langid calls Norwegian Bokmål "no", Argos "nb".
ARGOS_LANGUAGES = (
    "ar",
    "az",
    "bg",
    "bn",
    "ca",
    "cs",
    "da",
    "de",
    "el",
    "en",
    "eo",
    "es",
    "et",
    "fa",
    "fi",
    "fr",
    "ga",
    "he",
    "hi",
    "hu",
    "id",
    "it",
    "ja",
    "ko",
    "lt",
    "lv",
    "ms",
    "no",
    "nl",
    "pl",
    "pt",
    "ro",
    "ru",
    "sk",
    "sl",
    "sq",
    "sv",
    "th",
    "tl",
    "tr",
    "uk",
    "ur",
    "zh",
)
_TO_ARGOS = {"no": "nb"}
_WORD = re.compile(r"[^\W\d_]+")
# Lines that are code, not prose: preprocessor lines, comments, braces, shell
# prompts, statements and blocks ending in ";" "{" "}", declarations and calls
# ("f(int x, char *y)"), operators. C comments hold English words, so the
# whole line goes. Cheap substring tests first: this runs on every kept line.
_CODE_START = re.compile(r"#\s*[a-z]+\b|//|/\*|\*/|[{}]|[$%]\s")
_CODE_END = (";", "{", "}")
_CODE_OPERATORS = ("/*", "*/", "==", "!=", "<=", ">=", "->", "::", "&&", "||")
_CALL = re.compile(r"\w\([^()]*[,*][^()]*\)")
_FENCE = re.compile(r"^\s*(?:```|~~~)")
_SENTENCE_END = re.compile(r"[.!?。！？](?:\s|$)")
# Where a paragraph breaks into sentences (and clauses before a quote) for voting.
_SENTENCE_BREAK = re.compile(r"(?<=[.!?;:…。！？])\s+")
# How much kept text to look at: enough for a verdict, bounded for 50 MB inputs.
_MAX_CHARS = 100_000
# The whole-document rule (when no single paragraph settles it).
_MIN_HITS = 8
_MIN_MARGIN = 1.5
# Paragraph votes another language needs, as a multiple of the default
# language's votes, to take a document from the default language.
_CLEAR_MAJORITY = 2
# A sentence or paragraph is settled when its best language has at least this
# many function words, this share of its words, and the margin over the
# runner-up. Prose runs at 30-50% function words; tables, menus and product
# lists far lower, and other languages' chance matches mostly below 25%.
_PARAGRAPH_HITS = 2
_PARAGRAPH_SHARE = 0.2
# A prose-looking paragraph (sentences, this many words) that no profile
# settles and where no profiled language reaches the share above votes for
# "some other language" (Swedish, Polish, Russian ...): py3langid's case.
_OTHER_MIN_WORDS = 12
_OTHER_SHARE = _PARAGRAPH_SHARE
_OTHER = ""
# py3langid's normalised probability below which we keep the default.
_MIN_CONFIDENCE = 0.9
# Text handed to py3langid: bounded, it is slow on long inputs.
_LANGID_SAMPLE = 5000


# sumy's lists are made for ranking, not for telling languages apart: the
# English one holds every letter of the alphabet and "etc", "com", "inc", the
# Spanish and French ones lack "de", "y", "à", "un". Single letters and these
# fragments match code, paths and other languages' words, so they go; the
# commonest function words they lack (and the real one-letter words) come in.
_NOT_FUNCTION_WORDS = {
    "en": frozenset("co com edu eg ie inc ltd nd rd qv th viz sub sup que un et ex via".split()),
    "it": frozenset("co ecc ex ie inc sig th".split()),
}
_EXTRA_FUNCTION_WORDS = {
    "de": "",
    "en": "a i",
    "fr": "a à y de un une dans pour pas au aux avec ne se sont qui que il elle ce plus mais ou",
    "es": "a y o de que del se no al le les más pero como este esta",
    "it": "a e i o",
    "pt": "a e o é não ao mais como pelo pela",
    "nl": "niet voor maar naar geen worden kan",
}


@lru_cache(maxsize=1)
def _profiles() -> dict[str, frozenset[str]]:
    profiles = {}
    for code in _PROFILE_LANGUAGES:
        # Short, very common words discriminate best; long ones add noise.
        dropped = _NOT_FUNCTION_WORDS.get(code, frozenset())
        words = {w for w in stop_words(code) if 1 < len(w) <= 6 and w not in dropped}
        profiles[code] = frozenset(words | set(_EXTRA_FUNCTION_WORDS[code].split()))
    return profiles


def detect_language(text: str, default: str = "de") -> str:
    """ISO 639-1 code of the text's language, ``default`` when unsure.

    Paragraphs are the blank-line separated blocks of ``text``.
    """
    return detect_document_language(text, _blocks(text), default)


def detect_document_language(
    text: str, regions: Sequence[tuple[int, int]], default: str = "de"
) -> str:
    """ISO 639-1 code of the prose in ``text[start:end]`` for each region (a paragraph).

    ``default`` when unsure. With no regions (cleaning kept nothing) the whole
    text's paragraphs are used. Depends only on the text and the regions, so the
    same document gets the same language in any order, process or executor.
    """
    if not regions:
        regions = _blocks(text)
    votes: dict[str, int] = {}
    hits_by_language: dict[str, int] = {}
    pooled: list[str] = []  # prose words of every paragraph, for the fallback
    prose_text: list[str] = []  # prose paragraphs, for py3langid
    other_text: list[str] = []  # paragraphs that voted "other", for py3langid
    budget = _MAX_CHARS
    in_fence = False
    for start, end in regions:
        if budget <= 0:
            break
        end = min(end, start + budget)
        budget -= end - start
        prose, in_fence = _prose_lines(text[start:end], in_fence)
        if not prose:
            continue
        paragraph = " ".join(prose)
        tokens = _WORD.findall(paragraph.lower())
        if not tokens:
            continue
        pooled.extend(tokens)
        prose_text.append(paragraph)
        verdict = _paragraph_language(paragraph, tokens)
        if verdict is None:
            continue
        language, hits = verdict
        votes[language] = votes.get(language, 0) + 1
        hits_by_language[language] = hits_by_language.get(language, 0) + hits
        if language == _OTHER:
            other_text.append(paragraph)
    if votes:
        # Most paragraphs; then most function words; then the default; then by code.
        best = min(
            votes,
            key=lambda c: (-votes[c], -hits_by_language[c], c != default, c),
        )
        if best != default and votes[best] <= _CLEAR_MAJORITY * votes.get(default, 0):
            # Pages keep furniture in the site's language (credits, "Our
            # standards", a login line) around short articles; a document
            # leaves the default language only on clear evidence, since a
            # wrong switch means a missing-model error or untranslated text.
            return default
        if best != _OTHER:
            return best
        return _langid(_sample(other_text)) or default
    if not pooled:
        return default
    return _pooled_language(pooled) or _langid(_sample(prose_text)) or default


def _sample(paragraphs: list[str]) -> str:
    return " ".join(paragraphs)[:_LANGID_SAMPLE].lower()


def _blocks(text: str) -> list[tuple[int, int]]:
    """(start, end) of each run of non-blank lines."""
    regions: list[tuple[int, int]] = []
    start = end = -1
    position = 0
    for line in text.splitlines(keepends=True):
        if line.strip():
            if start < 0:
                start = position
            end = position + len(line)
        elif start >= 0:
            regions.append((start, end))
            start = -1
        position += len(line)
    if start >= 0:
        regions.append((start, end))
    return regions


def _prose_lines(block: str, in_fence: bool) -> tuple[list[str], bool]:
    """The lines of ``block`` that are not code, and whether a code fence is still open."""
    prose: list[str] = []
    for line in block.splitlines():
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence or _is_code(line):
            continue
        prose.append(line.strip())
    return prose, in_fence


def _is_code(line: str) -> bool:
    stripped = line.strip()
    if stripped.endswith(_CODE_END) or _CODE_START.match(stripped):
        return True
    if any(operator in stripped for operator in _CODE_OPERATORS):
        return True
    return "(" in stripped and _CALL.search(stripped) is not None


@lru_cache(maxsize=1)
def _word_languages() -> dict[str, tuple[int, ...]]:
    """Each function word -> the indexes in _PROFILE_LANGUAGES of the languages using it."""
    table: dict[str, list[int]] = {}
    for index, code in enumerate(_PROFILE_LANGUAGES):
        for word in _profiles()[code]:
            table.setdefault(word, []).append(index)
    return {word: tuple(indexes) for word, indexes in table.items()}


def _counts(tokens: list[str]) -> list[int]:
    """Function-word hits of each language in _PROFILE_LANGUAGES, in that order."""
    counts = [0] * len(_PROFILE_LANGUAGES)
    table = _word_languages()
    for token in tokens:
        for index in table.get(token, ()):
            counts[index] += 1
    return counts


def _ranked(counts: list[int]) -> list[tuple[int, str]]:
    """(hits, code) per profiled language, best first (ties by code)."""
    return sorted(zip(counts, _PROFILE_LANGUAGES, strict=True), key=lambda s: (-s[0], s[1]))


def _scores(tokens: list[str]) -> list[tuple[int, str]]:
    return _ranked(_counts(tokens))


def _settled(counts: list[int], words: int) -> tuple[str, int] | None:
    """(language, hits) when function words settle a sentence or paragraph of ``words`` words."""
    (best, code), (second, _) = _ranked(counts)[:2]
    if (
        best >= _PARAGRAPH_HITS
        and best >= _PARAGRAPH_SHARE * words
        and best >= _MIN_MARGIN * max(second, 1)
    ):
        return code, best
    return None


def _paragraph_language(paragraph: str, tokens: list[str]) -> tuple[str, int] | None:
    """(language, its hits) when the paragraph is prose that settles it, else None.

    Its sentences vote first, so a paragraph that quotes a sentence in another
    language (or a whole article flattened into one line) goes by most of its
    sentences; when no sentence settles it, the paragraph's words together.
    """
    votes: dict[str, int] = {}
    hits: dict[str, int] = {}
    total = [0] * len(_PROFILE_LANGUAGES)
    seen: set[str] = set()
    for sentence in _SENTENCE_BREAK.split(paragraph):
        words = _WORD.findall(sentence.lower())
        counts = _counts(words)
        total = [t + c for t, c in zip(total, counts, strict=True)]
        verdict = _settled(counts, len(words))
        key = " ".join(words)
        if verdict is not None and key not in seen:
            # An embedded post or quote that a page repeats votes once.
            seen.add(key)
            code, found = verdict
            votes[code] = votes.get(code, 0) + 1
            hits[code] = hits.get(code, 0) + found
    if votes:
        code = min(votes, key=lambda c: (-votes[c], -hits[c], c))
        return code, hits[code]
    verdict = _settled(total, len(tokens))
    if verdict is not None:
        return verdict
    if (
        max(total) < _OTHER_SHARE * len(tokens)
        and len(tokens) >= _OTHER_MIN_WORDS
        and _SENTENCE_END.search(paragraph)
    ):
        return _OTHER, 0
    return None


def _pooled_language(tokens: list[str]) -> str | None:
    """The language of all prose words together, when function words settle it."""
    scores = _scores(tokens)
    (best, code), (second, _) = scores[0], scores[1]
    # Short texts have fewer function words; demand a share, not a count.
    needed = min(_MIN_HITS, max(2, len(tokens) // 8))
    if best >= needed and best >= _MIN_MARGIN * max(second, 1):
        return code
    return None


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(ARGOS_LANGUAGES))
    return identifier


def _langid(text: str) -> str | None:
    try:
        code, confidence = _identifier().classify(text)
    except (OSError, ValueError):  # pragma: no cover - a broken model must not stop a run
        return None
    if confidence < _MIN_CONFIDENCE:
        return None
    return _TO_ARGOS.get(str(code), str(code))
