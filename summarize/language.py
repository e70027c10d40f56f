"""Language detection that needs no download.

News text is full of function words, so counting them against sumy's bundled
stop-word lists settles most documents in microseconds. Only when that is
unsure do we ask py3langid, which ships its model but takes most of a second
to load it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .words import stop_words

# Languages we can tell apart by function words: the ones Argos covers that
# sumy ships stop words for.
_PROFILE_LANGUAGES = ("de", "en", "fr", "es", "it", "pt")
_WORD = re.compile(r"[^\W\d_]+")
# How much text to look at: enough for a verdict, bounded for 50 MB inputs.
_SAMPLE = 5000
_MIN_HITS = 8
_MIN_MARGIN = 1.5


@lru_cache(maxsize=1)
def _profiles() -> dict[str, frozenset[str]]:
    profiles = {}
    for code in _PROFILE_LANGUAGES:
        # Short, very common words discriminate best; long ones add noise.
        profiles[code] = frozenset(w for w in stop_words(code) if len(w) <= 6)
    return profiles


def detect_language(text: str, default: str = "de") -> str:
    """ISO 639-1 code of the text's language, ``default`` when there is no text."""
    sample = text[:_SAMPLE].lower()
    tokens = _WORD.findall(sample)
    if not tokens:
        return default
    scores = sorted(
        ((sum(1 for t in tokens if t in words), code) for code, words in _profiles().items()),
        reverse=True,
    )
    (best, code), (second, _) = scores[0], scores[1]
    if best >= _MIN_HITS and best >= _MIN_MARGIN * max(second, 1):
        return code
    return _langid(sample) or default


def _langid(text: str) -> str | None:
    try:
        import py3langid
    except ImportError:  # pragma: no cover - it is a dependency
        return None
    code, _score = py3langid.classify(text)
    return str(code)
