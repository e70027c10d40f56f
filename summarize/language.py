"""Language detection that needs no download.

News text is full of function words, so counting them against sumy's bundled
stop-word lists settles most documents in microseconds. Only when that is
unsure do we ask py3langid, which ships its model but takes most of a second
to load it. Its answer counts only when it is confident and names a language
Argos has models for; otherwise the document keeps the default language,
since a wrong guess on a short fragment ("nn", "la") would only produce a
confusing missing-model error.
"""

from __future__ import annotations

import re
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
# How much text to look at: enough for a verdict, bounded for 50 MB inputs.
_SAMPLE = 5000
_MIN_HITS = 8
_MIN_MARGIN = 1.5
# py3langid's normalised probability below which we keep the default.
_MIN_CONFIDENCE = 0.9


@lru_cache(maxsize=1)
def _profiles() -> dict[str, frozenset[str]]:
    profiles = {}
    for code in _PROFILE_LANGUAGES:
        # Short, very common words discriminate best; long ones add noise.
        profiles[code] = frozenset(w for w in stop_words(code) if len(w) <= 6)
    return profiles


def detect_language(text: str, default: str = "de") -> str:
    """ISO 639-1 code of the text's language, ``default`` when unsure."""
    sample = text[:_SAMPLE].lower()
    tokens = _WORD.findall(sample)
    if not tokens:
        return default
    scores = sorted(
        ((sum(1 for t in tokens if t in words), code) for code, words in _profiles().items()),
        reverse=True,
    )
    (best, code), (second, _) = scores[0], scores[1]
    # Short texts have fewer function words; demand a share, not a count.
    needed = min(_MIN_HITS, max(2, len(tokens) // 8))
    if best >= needed and best >= _MIN_MARGIN * max(second, 1):
        return code
    return _langid(sample) or default


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
