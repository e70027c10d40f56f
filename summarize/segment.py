"""Rule-based sentence segmentation for German and English text with exact spans.

Every sentence is reported as character offsets into the original document text, so
later stages can cite it verbatim (``text[start:end] == sentence.text``). The
segmenter uses no downloaded data: a few compiled regular expressions find the
candidate boundaries (terminal punctuation, line breaks) and short Python rules
decide each candidate. The work is linear in the input, so hostile input (huge
lines, no punctuation, control characters) stays fast and never raises.

Overview of the pipeline for one region of text:

1. Lines. The region is split into lines (``str.splitlines``). Blank lines and
   lines holding only a bullet glyph separate *blocks*. A leading list marker
   ("•", "- ", "1.", "2)", "a)") is cut off the line; the sentence starts after it.
2. Units. Inside a block, each line break is either a hard boundary or is joined
   (see ``_line_break_is_boundary`` for the rules: headings, list items, colons,
   hard-wrapped text). Joined lines form a *unit*.
3. Sentences. Inside a unit, every run of terminal punctuation (. ! ? …) is a
   candidate; ``_ends_sentence`` decides it (abbreviations, ordinals and dates,
   initials, quotes, glued text such as "Folgen?Der").
4. Bounding. A sentence longer than ``MAX_SENTENCE_CHARS`` (a run without
   punctuation) is cut into chunks at whitespace so downstream stages stay bounded.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable

from .results import Sentence

__all__ = ["MAX_SENTENCE_CHARS", "Sentence", "sentence_spans", "split_sentences"]

#: Longest span returned; longer runs without punctuation are chunked at whitespace.
MAX_SENTENCE_CHARS = 1000


# ---------------------------------------------------------------------------
# Character classes
# ---------------------------------------------------------------------------

_TERMINAL = frozenset(".!?…‽⁇⁈⁉")
_QUESTION = frozenset("!?‽⁇⁈⁉")
# Closing quotes/brackets that belong to the sentence they follow. In German
# “ and ‘ close a quotation („…“, ‚…‘); in English they open one, so the English
# set leaves them out and they are never swallowed into the previous sentence.
_CLOSERS_DE = "\"'”“’‘»«›‹)]}"
_CLOSERS_EN = "\"'”’»«›‹)]}"
_CLOSERS_ANY = "\"'”“’‘»«›‹)]}"
# Characters that may open a sentence-initial quotation or parenthesis.
_OPENERS = "„“\"'‚‘»«›‹([{¿¡"
# A sentence does not start with these: seeing one after a full stop means the
# full stop was not the end of a sentence.
_NOT_START = frozenset(",;:.)]}%‰°-–—‐‑/|&+=…·")
# A line ending in one of these continues on the next line (after closers are
# stripped): comma, semicolon, hyphen or dash (word split), a separator such as
# "|" or "/", an opening bracket/quote.
_CONTINUE = frozenset(",;-–—‐‑/&+=|([{„‚")
# Line separators as understood by str.splitlines (used to detect a line break in
# the whitespace after a full stop).
_LINE_BREAK = re.compile(r"[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
# Line ends counted for line numbers: \r\n, lone \r and \n each count once.
_NEWLINE = re.compile(r"\r\n?|\n")

_PUNCT_RUN = "[.!?…‽⁇⁈⁉]+"


def _candidate_re(closers: str) -> re.Pattern[str]:
    # group 1: the punctuation run; group 2: closing quotes/brackets; then either
    # whitespace, or (glued text) directly a letter, which _ends_sentence checks.
    # The look-behind/look-ahead pin the run to its full length: without them a
    # long run of dots would be retried from every position and at every length
    # (quadratic time).
    closer_chars = re.escape(closers)
    return re.compile(
        rf"(?<![.!?…‽⁇⁈⁉])({_PUNCT_RUN})(?![.!?…‽⁇⁈⁉])([{closer_chars}]*)(?![{closer_chars}])"
        r"(?:\s+|(?=[^\W\d_]))"
    )


_CANDIDATE_RE_BY_LANGUAGE = {"de": _candidate_re(_CLOSERS_DE), "en": _candidate_re(_CLOSERS_EN)}

# List markers at the start of a line. Glyph bullets need no following space;
# ASCII bullets and enumerators need horizontal whitespace and content after them
# (so "-5 Grad", "2.5 Mio." or a lone "-" stay text).
_MARKER = re.compile(
    r"(?:[•◦‣⁃▪▫■□●○◆◇►▸▹➤➢➔→✓✔❖·]"
    r"|(?:[-*–—+]|\d{1,3}[.)]|\(\d{1,3}\)|\(?[A-Za-z]\)|\(?[ivx]{1,4}\))(?=[^\S\r\n]+\S))"
    r"[^\S\r\n]*"
)
_WORD = re.compile(r"[^\W\d_]+")
_NUMBER_LIKE = re.compile(r"\d+(?:[.,:/]\d+)+")
_DAY_MONTH = re.compile(r"\d{1,2}\.\d{1,2}")  # "14.11." is an ordinal date, like "14."
_DOTTED_ABBREV = re.compile(r"(?:[^\W\d_]{1,2}\.)+[^\W\d_]{1,2}")  # z.B, u.a, e.g, U.S.A
# For chunking: the longest prefix ending in a non-space that is followed by space.
_CHUNK_END = re.compile(r".*\S(?=\s)", re.DOTALL)
_NON_SPACE = re.compile(r"\S")

# ---------------------------------------------------------------------------
# Word lists (German and English are merged: German news quotes English names)
# ---------------------------------------------------------------------------


def _words(words: str) -> frozenset[str]:
    return frozenset(words.split())


_MONTHS = _words(
    """januar jänner februar feber märz april mai juni juli august september oktober
    november dezember january february march may june july october december
    jan feb mär mrz apr jun jul aug sep sept okt nov dez oct dec"""
)

# Abbreviations that (practically) never end a sentence: never split after them.
# Matched case-insensitively.
_NON_FINAL_ABBREVS = _words(
    """abb abg abt adj allg amtl anh anl anm beil betr bez bhf bsp bspw bzgl bzw ca
    dgl dipl dr dres dt ebd ehem eigtl einschl engl entspr evtl evang exkl fa frl frz
    geb gebr gegr gest ggf ggfs ggü hbf hl hr hrn hrsg inkl insb jur kath lt max mind
    mio mrd med näml orig phil pkt prof rer resp röm sog spez st std str stv tel tsd
    univ urspr verh vgl vorm vors wg zit zt zzgl zzt mr mrs ms messrs mme mlle dept
    approx cf viz vs"""
)
# Case-sensitive: these spellings are abbreviations, the lowercase forms are words.
_NON_FINAL_ABBREVS_CASED = _words(
    """Gen Sen Rep Gov Col Lt Maj Capt Sgt Cpl Adm Cmdr Brig Rev Hon Pres Det Insp Supt
    Mt Ft Ave Blvd Ing Mag Min Fr Hrn Jun Abs Bd"""
)
# Abbreviations that can end a sentence but usually do not: no split inside a
# line, but a line break after them is a boundary (given a plausible start).
_RARELY_FINAL_ABBREVS = _words("chr jh jhd jhdt jr sr inc ltd corp co bros plc al")
# Abbreviations that typically end an enumeration and often the sentence: split
# before a plausible sentence start.
_LIST_END_ABBREVS = _words("usw etc usf ff u.ä o.ä u.v.m u.s.w u.ä.m o.ä.m")
# Abbreviations before a number ("Nr. 5", "Art. 3", "Jan. 2024"): no split before a
# digit; otherwise they are treated as ordinary words ("eine Art. Die ...").
_NUMBER_PREFIX_ABBREVS = _words(
    "nr nrn bde vol vols kap ziff tab pp jan feb mrz apr jul aug sep sept okt oct nov dez dec"
)
_NUMBER_PREFIX_ABBREVS_CASED = _words("No Nos Art Fig Figs Mar Nr")

# Capitalised words that typically open a sentence (articles, pronouns,
# conjunctions, prepositions, sentence adverbs). After "<1-3 digits>." they show
# that the number was a cardinal ending the sentence ("stieg auf 12. Die ..."),
# not an ordinal in front of a noun ("im 20. Jahrhundert", "1. FC Köln").
_STARTERS_DE = _words(
    """Der Die Das Den Dem Des Ein Eine Einen Einem Einer Eines Er Sie Es Wir Ihr Ich
    Man Dies Diese Dieser Dieses Diesen Damit Dabei Dadurch Dafür Dagegen Daher Danach
    Dann Darauf Darüber Dass Doch Aber Auch Und Oder Denn Sondern So Somit Zudem
    Außerdem Allerdings Jedoch Trotzdem Dennoch Deshalb Deswegen Also Nun Noch Nur
    Schon Bereits Jetzt Heute Hier Dort Da Im In Am An Auf Aus Bei Mit Nach Von Vor Zu
    Zum Zur Seit Bis Für Gegen Ohne Um Unter Über Wie Was Wer Wo Wann Warum Weshalb
    Wenn Als Ob Obwohl Weil Während Laut Trotz Kein Keine Nicht Mehr Viele Alle Jeder
    Jede Jedes Beide Insgesamt Damals Später Zuvor Zuletzt Erst Inzwischen
    Mittlerweile Demnach Zwar Vielleicht Sein Seine Ihre Unser Unsere Mein Meine
    Sowohl Weder Entweder Gleichzeitig Ebenso Neben Hinzu Anschließend Schließlich
    Dazu Davon Dadurch Deren Dessen Welche Welcher Welches"""
)
_STARTERS_EN = _words(
    """The A An It He She They We I You This That These Those There Here His Her Its
    Their Our My But And Or So Yet In On At By For From With Without After Before
    Since During While When Where What Who Why How If As Although Though However
    Meanwhile Also Still Then Now Today Yesterday Some Many Most All Both Each Every
    Not Only Even Just Such Despite Under Over Among Between Through Into
    According"""
)
_SENTENCE_STARTERS = _STARTERS_DE | _STARTERS_EN

# Per language, for line breaks (see _line_break_is_boundary): without the
# starters that are also capitalised inside a sentence (formal address "Sie",
# English "I"), and without the other language's words, so that "gegenüber\nThe
# Kyiv Independent" in German text stays one sentence.
_LINE_STARTERS = {
    "de": _STARTERS_DE - _words("Sie Ihr Ihre"),
    "en": _STARTERS_EN - _words("I"),
}

# Kinds of token in front of a full stop (see _classify and _ends_sentence).
(
    _KIND_WORD,  # an ordinary word (or anything unrecognised)
    _KIND_ORDINAL,  # 1-3 digits or a day and month ("3.", "14.11."): maybe an ordinal
    _KIND_NUMBER,  # a longer number: a year or an amount ("2024.", "1.000.")
    _KIND_INITIAL,  # a single letter: "Robert F. Kennedy", "z. B."
    _KIND_NON_FINAL_ABBREV,  # in _NON_FINAL_ABBREVS, or a lowercase "z.B"
    _KIND_RARELY_FINAL_ABBREV,  # in _RARELY_FINAL_ABBREVS, or an uppercase "U.S.A"
    _KIND_LIST_END_ABBREV,  # in _LIST_END_ABBREVS ("usw.", "etc.")
    _KIND_NUMBER_PREFIX_ABBREV,  # in _NUMBER_PREFIX_ABBREVS, or a street ("Hauptstr.")
) = range(8)


def _classify(word: str) -> int:
    """Kind of the token before a full stop (openers and closers already stripped)."""
    if not word:
        return _KIND_WORD
    if word.isdecimal():
        # Up to three digits may be an ordinal ("3. Oktober", "20. Jahrhundert");
        # longer numbers are years or amounts, which do not take an ordinal dot.
        return _KIND_ORDINAL if len(word) <= 3 else _KIND_NUMBER
    if word[0].isdecimal() and _NUMBER_LIKE.fullmatch(word):
        return _KIND_ORDINAL if _DAY_MONTH.fullmatch(word) else _KIND_NUMBER
    if len(word) == 1:
        # "Robert F. Kennedy", "J. R. R. Tolkien", second half of "z. B.", "d. h.".
        return _KIND_INITIAL if word.isalpha() else _KIND_WORD
    kind = _abbreviation_kind(word)
    if kind is not None:
        return kind
    if word.endswith("str") and word[0].isupper():
        return _KIND_NUMBER_PREFIX_ABBREV  # street: "Hauptstr. 5"
    if "." in word:
        if _DOTTED_ABBREV.fullmatch(word):
            # z.B, d.h, e.g, i.e are connectives; U.S.A, Ph.D may end a sentence.
            return _KIND_NON_FINAL_ABBREV if word[0].islower() else _KIND_RARELY_FINAL_ABBREV
        # "Dipl.-Ing", "Ev.-Luth": judge the last part.
        kind = _abbreviation_kind(word.rsplit(".", 1)[1].lstrip("-"))
        if kind is not None:
            return kind
    return _KIND_WORD


def _abbreviation_kind(word: str) -> int | None:
    """Kind of `word` if it is a listed abbreviation, else None."""
    lowered = word.lower()
    if lowered in _LIST_END_ABBREVS:
        return _KIND_LIST_END_ABBREV
    if lowered in _NUMBER_PREFIX_ABBREVS or word in _NUMBER_PREFIX_ABBREVS_CASED:
        return _KIND_NUMBER_PREFIX_ABBREV
    if lowered in _NON_FINAL_ABBREVS or word in _NON_FINAL_ABBREVS_CASED:
        return _KIND_NON_FINAL_ABBREV
    if lowered in _RARELY_FINAL_ABBREVS:
        return _KIND_RARELY_FINAL_ABBREV
    return None


def _plausible_start(char: str) -> bool:
    """Whether a sentence may start with `char` (anything but lowercase/continuation)."""
    return not char.islower() and char not in _NOT_START


def _token_before(text: str, pos: int, unit_start: int) -> tuple[str, bool]:
    """The non-space token of `text` ending at `pos` (looking back at most 64
    characters, and not before `unit_start`) and whether the look-back limit may
    have cut it (then it is a long token such as a URL)."""
    window_start = pos - 64 if pos - 64 > unit_start else unit_start
    window = text[window_start:pos]
    if not window or window[-1].isspace():
        return "", False
    parts = window.rsplit(None, 1)
    return parts[-1], len(parts) == 1 and window_start > unit_start


def _ends_sentence(
    text: str,
    punct_start: int,
    punct: str,
    closers_end: int,
    next_start: int,
    unit_start: int,
    unit_end: int,
) -> bool:
    """Decide a candidate boundary inside the unit text[unit_start:unit_end]: the
    punctuation run `punct` starts at `punct_start`, the closing quotes/brackets
    after it end at `closers_end`, and the next sentence would start at
    `next_start` (< unit_end; it equals `closers_end` when no space follows).

    Summary of the rules (details at each branch):
    - no space after it: split only before an uppercase+lowercase pair, after ?/!
      or after a lowercase word of >= 3 letters, never inside URLs/e-mail addresses;
    - ?/!: split before a plausible sentence start, or at a line break;
    - ellipsis: never before lowercase, not when detached (" … ") or bracketed;
    - full stop after an ordinary word: like ?/!;
    - after a number of 1-3 digits (or "14.11"): it is an ordinal/date unless a
      capitalised function word or an opening quote follows; after a longer number
      (a year, "1.000", "14.11.2024"): split before a plausible start;
    - after an initial ("F.", "z. B."), a title or connective abbreviation ("Dr.",
      "bzw.", "Mio.", "z.B."): never; after "usw.", "etc.": like a word; after
      "Inc.", "Jr.", "U.S.A.": only at a line break; after "Nr.", "Art.", "Jan."
      never before a digit.
    """
    next_char = text[next_start]
    token, truncated = _token_before(text, punct_start, unit_start)
    question = not _QUESTION.isdisjoint(punct)
    ellipsis = not question and ("…" in punct or len(punct) > 1)

    if closers_end == next_start:
        # Glued text without a space ("Folgen?Der", "unberührt.“Russlands"). Only an
        # uppercase letter followed by a lowercase one counts as a sentence start,
        # which keeps "U.S.A.", decimals and most domains ("zeit.de") together.
        if (
            not next_char.isupper()
            or next_start + 1 >= unit_end
            or not text[next_start + 1].islower()
        ):
            return False
        if truncated or any(char in token for char in "/@:") or token.lower().startswith("www"):
            return False  # URL, e-mail address or path
        next_token = text[next_start : min(unit_end, next_start + 64)].split(None, 1)[0]
        if "@" in next_token or "/" in next_token:
            return False
        if question:
            return True
        # A full stop glued to a capital only ends a sentence after a lowercase
        # word of at least three letters ("unberührt.Russlands"), never after
        # names or domains ("Freepik.Com", "Node.Js" stay whole).
        word = token.lstrip(_OPENERS).rstrip(_CLOSERS_ANY)
        return (
            len(word) >= 3
            and word.isalpha()
            and word.islower()
            and _abbreviation_kind(word) is None
        )

    # A line break after the punctuation: the sentence ends there even before
    # lowercase ("?\nevtl. hilft", as in forum posts), unless a closing quote is
    # followed by lowercase text (a hard-wrapped „…?“\nfragte er).
    at_line_break = _LINE_BREAK.search(text, closers_end, next_start) is not None and not (
        next_char.islower() and closers_end > punct_start + len(punct)
    )
    if question:
        # Inside a line "?"/"!" ends a sentence only before a plausible start.
        return at_line_break or _plausible_start(next_char)
    if ellipsis:
        if next_char.islower():
            return False  # "Er wartete … und wartete."
        if at_line_break:
            return True
        # A detached or bracketed ellipsis (" … ", "[…]") marks an omission.
        if not token or token[-1] in "([":
            return False
        return _plausible_start(next_char)

    word = token.lstrip(_OPENERS).rstrip(_CLOSERS_ANY)
    kind = _classify(word)
    if kind == _KIND_WORD:
        # An ordinary word: at a line end the full stop is final; inside a line it
        # needs a plausible sentence start after it.
        return at_line_break or _plausible_start(next_char)
    if next_char.islower():
        return False
    if kind in (_KIND_NUMBER, _KIND_LIST_END_ABBREV) or (
        kind == _KIND_RARELY_FINAL_ABBREV and at_line_break
    ):
        return _plausible_start(next_char)
    if kind == _KIND_NUMBER_PREFIX_ABBREV:
        return not next_char.isdecimal() and (at_line_break or _plausible_start(next_char))
    if kind == _KIND_ORDINAL:
        # "<1-3 digits>." is an ordinal or day of month unless what follows is
        # clearly a new sentence: an opening quote, or a capitalised function word
        # ("stieg auf 12. Die Regierung ..."). Month names, nouns and names after
        # it ("13. September", "20. Jahrhundert", "1. FC Köln") keep it together.
        if next_char.isupper():
            next_word = _WORD.match(text, next_start, min(unit_end, next_start + 40))
            return next_word is not None and next_word.group() in _SENTENCE_STARTERS
        return next_char in _OPENERS and next_char not in "([{"
    return False  # initials, titles, connective abbreviations


# ---------------------------------------------------------------------------
# Lines and blocks
# ---------------------------------------------------------------------------

# Hard-wrapping heuristics (see _line_break_is_boundary).
_WRAP_MIN = 40  # a line shorter than this is never taken as a wrapped line
_WRAP_MAX = 100  # wrapped text (mail, forum, plain text) stays below this width
_WRAP_FILL = 0.6  # in a wrapped block, a line this full (of the width) is wrapped

# A line of a block: content start (after any list marker), content end, the first
# character of its list marker ("" if none), its width (indentation + content).
_Line = tuple[int, int, str, int]


def _last_char(text: str, start: int, end: int) -> str:
    """Last character of text[start:end] that is not a closing quote/bracket (or
    text[start] when there is none)."""
    pos = end - 1
    while pos > start and text[pos] in _CLOSERS_ANY:
        pos -= 1
    return text[pos]


def _ends_with_lowercase_word(text: str, start: int, end: int) -> bool:
    """Whether the last word of text[start:end] (closers ignored, looking back at
    most 64 characters) starts with a lowercase letter."""
    tail = text[max(start, end - 64) : end].rstrip(_CLOSERS_ANY)
    if not tail:
        return False
    return tail.rsplit(None, 1)[-1][:1].islower()


def _block_wrap_width(text: str, block: list[_Line]) -> int:
    """The wrap width of a block that looks hard-wrapped, else 0.

    A block looks hard-wrapped when it has at least three lines, none wider than
    _WRAP_MAX, its widest line is at least _WRAP_MIN wide and at least half of the
    lines before the last are nearly full (>= _WRAP_FILL of the width) and end
    mid-sentence (no terminal punctuation, no colon)."""
    if len(block) < 3:
        return 0
    widest = max(line[3] for line in block)
    if widest > _WRAP_MAX or widest < _WRAP_MIN:
        return 0
    full_lines = 0
    for start, end, _marker, width in block[:-1]:
        if width >= _WRAP_FILL * widest:
            last = _last_char(text, start, end)
            if last not in _TERMINAL and last != ":":
                full_lines += 1
    return widest if 2 * full_lines >= len(block) - 1 else 0


def _line_break_is_boundary(
    text: str, line: _Line, next_line: _Line, wrap_width: int, starters: frozenset[str]
) -> bool:
    """Whether the line break between `line` and `next_line` of a block ends a sentence.

    Rules, in order:
    - `next_line` starts with a list marker: boundary (each item is its own
      sentence), except "– " or "— " before a lowercase word after a 40-100 column
      non-list line that ends mid-sentence: a hard-wrapped parenthesis ("hol ich
      mir\n– sofern benötigt – in ...").
    - `line` ends with terminal punctuation (closers ignored): not decided here; the
      lines are joined and the punctuation rules decide, knowing that a line break
      follows (so "?\\nevtl." splits but "Robert F.\\nKennedy" does not).
    - `line` ends with ':': boundary (list or quotation intro).
    - `line` ends with , ; - – | ( „ and the like: join (the sentence continues).
    - `next_line` starts with a lowercase letter: join (nothing starts a sentence
      lowercase).
    - `next_line` starts with a capitalised function word ("Der", "Es", "In",
      "The"): boundary. Such words are lowercase inside a sentence, so `line` ended
      one (or is a heading), whatever follows below.
    - `line` is nearly full in a block that looks hard-wrapped: join.
    - `line` is 40-100 columns wide, `next_line` is at most 100, and `line` ends
      with a lowercase word: join. Headings and titles end in nouns or names far
      more often, and one-paragraph-per-line text has long `next_line`s, while
      e-mail/forum text wrapped at ~60-80 columns breaks anywhere, often after
      "von", "die", "und".
    - otherwise `line` is a heading-like fragment: boundary.
    """
    start, end, marker, width = line
    next_start, next_end, next_marker, next_width = next_line
    last = _last_char(text, start, end)
    if next_marker:
        return not (
            next_marker in "–—"
            and text[next_start].islower()
            and not marker
            and _WRAP_MIN <= width <= _WRAP_MAX
            and last not in _TERMINAL
            and last != ":"
        )
    if last in _TERMINAL:
        return False
    if last == ":":
        return True
    if last in _CONTINUE:
        return False
    if text[next_start].islower():
        return False
    first_word = _WORD.match(text, next_start, min(next_end, next_start + 40))
    if first_word is not None and first_word.group() in starters:
        return True
    if wrap_width and width >= _WRAP_FILL * wrap_width:
        return False
    if _WRAP_MIN <= width <= _WRAP_MAX and next_width <= _WRAP_MAX:
        return not _ends_with_lowercase_word(text, start, end)
    return True


def _blocks(text: str) -> list[list[_Line]]:
    """Non-blank lines of `text` grouped into blocks separated by blank lines."""
    blocks: list[list[_Line]] = []
    block: list[_Line] = []
    line_pos = 0  # offset of the current line in text
    for raw_line in text.splitlines(True):
        content = raw_line.rstrip()
        if content:
            indent = len(content) - len(content.lstrip())
            start = line_pos + indent
            end = line_pos + len(content)
            marker = ""
            marker_match = _MARKER.match(text, start, end)
            if marker_match is not None and not _is_date(
                text, marker_match.group(), marker_match.end(), end
            ):
                start = marker_match.end()
                marker = marker_match.group()[0]
            if start < end:
                block.append((start, end, marker, len(content)))
            elif block:  # a line with only a bullet glyph separates like a blank line
                blocks.append(block)
                block = []
        elif block:
            blocks.append(block)
            block = []
        line_pos += len(raw_line)
    if block:
        blocks.append(block)
    return blocks


def _is_date(text: str, marker: str, after_marker: int, line_end: int) -> bool:
    """Whether the enumerator `marker` ("13. "), followed by text[after_marker:line_end],
    is really a day of month ("13. September 2024")."""
    if not marker.rstrip().endswith(".") or not marker[0].isdecimal():
        return False
    word = _WORD.match(text, after_marker, min(line_end, after_marker + 40))
    return word is not None and word.group().lower() in _MONTHS


# ---------------------------------------------------------------------------
# Sentences
# ---------------------------------------------------------------------------

# A sentence span: (start, end, heading) as offsets into the document text.
_Span = tuple[int, int, bool]


def _append_sentence(text: str, start: int, end: int, offset: int, out: list[_Span]) -> None:
    """Append text[start:end] (stripped, non-empty) to `out` with its heading flag,
    chunking long runs. `offset` is the position of `text` in the document."""
    if end - start <= MAX_SENTENCE_CHARS:
        out.append((offset + start, offset + end, _last_char(text, start, end) not in _TERMINAL))
        return
    # A run longer than MAX_SENTENCE_CHARS: cut at the last whitespace that fits,
    # or hard-cut when there is none. Chunks are marked as running text.
    while end - start > MAX_SENTENCE_CHARS:
        chunk = _CHUNK_END.match(text, start, start + MAX_SENTENCE_CHARS + 1)
        cut = chunk.end() if chunk is not None else start + MAX_SENTENCE_CHARS
        out.append((offset + start, offset + cut, False))
        next_chunk = _NON_SPACE.search(text, cut, end)
        if next_chunk is None:  # cannot happen: text[end-1] is not space
            return
        start = next_chunk.start()
    out.append((offset + start, offset + end, False))


def _split_unit(
    text: str,
    unit_start: int,
    unit_end: int,
    candidate_re: re.Pattern[str],
    offset: int,
    out: list[_Span],
) -> None:
    """Append the sentences of the unit text[unit_start:unit_end] to `out`, deciding
    each candidate boundary found by `candidate_re` with _ends_sentence. `offset` is
    the position of `text` in the document."""
    sentence_start = unit_start
    for candidate in candidate_re.finditer(text, unit_start, unit_end):
        next_start = candidate.end()
        if next_start >= unit_end:
            break
        closers_end = candidate.end(2)
        if _ends_sentence(
            text,
            candidate.start(),
            candidate.group(1),
            closers_end,
            next_start,
            unit_start,
            unit_end,
        ):
            _append_sentence(text, sentence_start, closers_end, offset, out)
            sentence_start = next_start
    _append_sentence(text, sentence_start, unit_end, offset, out)


def sentence_spans(
    text: str, start: int = 0, end: int | None = None, language: str = "de"
) -> list[tuple[int, int, bool]]:
    """Sentences of text[start:end] as (start, end, heading) offsets into `text`,
    stripped of surrounding whitespace and of leading list markers.

    `language` is "de" or "en" (anything else is treated as "de"). It changes
    whether “ and ‘ close a quotation (German) or open one (English), and which
    capitalised function words at the start of a line prove that the line before
    it ended a sentence ("Der", "Es" in German; "The", "It" in English).
    """
    text_len = len(text)
    start = min(max(start, 0), text_len)
    end = text_len if end is None else min(max(end, start), text_len)
    if start >= end:
        return []
    region = text[start:end]  # the helpers work on this copy; `start` maps back
    if language not in _CANDIDATE_RE_BY_LANGUAGE:
        language = "de"
    candidate_re = _CANDIDATE_RE_BY_LANGUAGE[language]
    starters = _LINE_STARTERS[language]
    spans: list[_Span] = []
    for block in _blocks(region):
        wrap_width = _block_wrap_width(region, block)
        unit_start = block[0][0]
        for line, next_line in zip(block, block[1:], strict=False):
            if _line_break_is_boundary(region, line, next_line, wrap_width, starters):
                _split_unit(region, unit_start, line[1], candidate_re, start, spans)
                unit_start = next_line[0]
        _split_unit(region, unit_start, block[-1][1], candidate_re, start, spans)
    return spans


def split_sentences(
    path: str,
    text: str,
    regions: Iterable[tuple[int, int]] | None = None,
    language: str = "de",
) -> list[Sentence]:
    """Sentences of each region (start, end) of text, in document order; None means
    the whole text. Sentences never cross region boundaries. Regions are sorted by
    start; overlapping regions are the caller's responsibility.

    Line numbers count "\\n", "\\r\\n" and a lone "\\r" as one line break each.
    """
    line_starts = [newline.end() for newline in _NEWLINE.finditer(text)] if text else []
    ordered: Iterable[tuple[int, int]] = [(0, len(text))] if regions is None else sorted(regions)
    sentences: list[Sentence] = []
    for region_start, region_end in ordered:
        for start, end, heading in sentence_spans(text, region_start, region_end, language):
            line = bisect_right(line_starts, start) + 1
            sentences.append(
                Sentence(path, len(sentences), text[start:end], start, end, line, heading)
            )
    return sentences
