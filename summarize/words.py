"""Words: the tokenizer, stop words and stemmer shared by ranking, grouping and detection.

Stop words come from the lists sumy bundles (read as package data, without
importing sumy's utilities, which pull in requests). Stems come from the
``snowballstemmer`` package, which uses PyStemmer's C code when installed
(a dependency) and imports in milliseconds, unlike NLTK's copy of the same
algorithm (0.4 s). Stems are memoised per word, so a large corpus stems each
distinct word once.
"""

from __future__ import annotations

import pkgutil
import re
from collections.abc import Callable, Sequence
from functools import cache, lru_cache

# Letters and digits, with inner hyphens and apostrophes ("Kim Jong-un", "don't").
WORD = re.compile(r"\w+(?:[-'’]\w+)*")

# ISO 639-1 code -> the name sumy and snowballstemmer use.
LANGUAGE_NAMES = {
    "de": "german",
    "en": "english",
    "fr": "french",
    "es": "spanish",
    "it": "italian",
    "pt": "portuguese",
    "nl": "dutch",
    "sv": "swedish",
    "cs": "czech",
    "pl": "polish",
    "el": "greek",
    "uk": "ukrainian",
    "ru": "russian",
    "ar": "arabic",
}


# sumy's lists leave out auxiliaries, modals and vague adverbs that carry no
# fact ("könnte", "haben", "seit", "bereits"); grouping sentences by shared
# words needs them gone.
_EXTRA_STOP_WORDS = {
    "de": """
        könnte könnten kann können konnte konnten könne muss müssen musste mussten
        soll sollen sollte sollten will wollen wollte wollten darf dürfen dürfte dürften
        mag mögen möchte möchten wird werden wurde wurden worden würde würden ist sind war
        waren gewesen sei seien wäre wären hat haben hatte hatten habe hätte hätten
        gibt gab geben gegeben macht machen machte gemacht geht gehen ging steht stehen
        stand bereits schon noch immer weiter weitere weiteren weiterhin seit sowie sowohl
        beide beiden beider beides jedoch allerdings zudem außerdem darüber hinaus etwa
        eher sehr mehr weniger viel viele vielen nun nur auch dabei damit dadurch dafür
        dagegen daher deshalb denn dass wobei während zwischen laut rund etwa ganz
        insbesondere besonders möglicherweise möglich mögliche möglichen wohl offenbar
        dies diese dieser dieses diesem diesen jene jener jenes
        derzeit aktuell heute gestern morgen jahr jahre jahren neue neuen neuer neues
        seinem seinen seiner ihrem ihren ihrer unserem unseren unserer gegen ohne
        einige einiger einigen einiges einigem mehrere mehreren mehrerer etliche etlichen
        manche manchen mancher sämtliche sämtlichen
        """,
    # sumy ships no Dutch list; these let detection tell Dutch from German.
    "nl": """
        de het een en van in is op dat die voor met zijn niet aan er maar om ook als bij
        door naar dan zo nog wel uit ze hij zij wordt werd worden heeft hebben was waren
        over tot onder deze dit wat wie waar
        """,
    "en": """
        could would should might must may can will shall has have had having is are was
        were been being does did done do says said say also already still even just only
        more most less very much many both either however moreover furthermore thus
        therefore meanwhile between among including whether while new year years
        """,
}


def tokenize(text: str) -> list[str]:
    return WORD.findall(text)


def text_key(text: str) -> str:
    """What makes two sentences copies of each other: their words, case folded."""
    return " ".join(tokenize(text.lower()))


# Characters whose lower case depends on more than the character itself: "İ"
# lowers to two characters ("i" and a combining dot, which is no word
# character) and "Σ" to "ς" or "σ" depending on its neighbours. Every other
# character lowers to one character of the same kind: a word character or
# not, never a hyphen or apostrophe (tests check this for all of Unicode). So
# where neither occurs, the words of the lower-cased text are the lower-cased
# words, and tokenizing the lower-cased text gives both at once.
_CONTEXT_LOWER = ("İ", "Σ")


@lru_cache(maxsize=8192)
def lower_words(text: str) -> tuple[str, ...]:
    """``tokenize(text)``, each word lower-cased; memoised, because choosing an
    article's candidates and ranking them ask for the same sentences' words."""
    if _CONTEXT_LOWER[0] in text or _CONTEXT_LOWER[1] in text:
        return tuple([word.lower() for word in WORD.findall(text)])
    return tuple(WORD.findall(text.lower()))


def key_from_words(text: str, lowered: Sequence[str]) -> str:
    """``text_key(text)``, given ``lowered = lower_words(text)`` (see _CONTEXT_LOWER)."""
    if _CONTEXT_LOWER[0] in text or _CONTEXT_LOWER[1] in text:
        return text_key(text)
    return " ".join(lowered)


@cache
def stop_words(language: str) -> frozenset[str]:
    """Lower-case stop words for an ISO code; empty when sumy has no list."""
    name = LANGUAGE_NAMES.get(language, language)
    try:
        data = pkgutil.get_data("sumy", f"data/stopwords/{name}.txt") or b""
    except OSError:
        data = b""
    lines = data.decode("utf-8").splitlines()
    extra = _EXTRA_STOP_WORDS.get(language, "").split()
    return frozenset(w.strip().lower() for w in [*lines, *extra] if w.strip())


@cache
def stemmer(language: str) -> Callable[[str], str]:
    """A memoised lower-casing stemmer; identity (lower-case) for unknown languages."""
    import snowballstemmer

    name = LANGUAGE_NAMES.get(language, language)
    try:
        algorithm = snowballstemmer.stemmer(name)
    except KeyError:
        return str.lower

    @lru_cache(maxsize=200_000)
    def stem(word: str) -> str:
        return str(algorithm.stemWord(word.lower()))

    return stem


# The most words a language's term table keeps before it starts afresh.
TERM_TABLE_SIZE = 200_000


@cache
def _term_table(language: str) -> dict[str, str | None]:
    return {}


def content_terms(lowered: Sequence[str], language: str) -> list[str]:
    """The stems of the words in ``lowered`` (lower-case) that are not stop words, in order.

    What ``stemmer(language)(w) for w in lowered if w not in stop_words(language)``
    gives, with one dictionary look-up per word once a word has been seen.
    """
    table = _term_table(language)
    try:
        return [term for term in map(table.__getitem__, lowered) if term is not None]
    except KeyError:  # a word seen for the first time
        if len(table) > TERM_TABLE_SIZE:
            table.clear()
        stops = stop_words(language)
        stem = stemmer(language)
        for word in lowered:
            if word not in table:
                table[word] = None if word in stops else stem(word)
        return [term for term in map(table.__getitem__, lowered) if term is not None]
