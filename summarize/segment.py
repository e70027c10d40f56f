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
   candidate; ``_split_here`` decides it (abbreviations, ordinals and dates,
   initials, quotes, glued text such as "Folgen?Der").
4. Bounding. A sentence longer than ``MAX_SENTENCE_CHARS`` (a run without
   punctuation) is cut into chunks at whitespace so downstream stages stay bounded.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["MAX_SENTENCE_CHARS", "Sentence", "sentence_spans", "split_sentences"]

#: Longest span returned; longer runs without punctuation are chunked at whitespace.
MAX_SENTENCE_CHARS = 1000


@dataclass(frozen=True)
class Sentence:
    """One sentence (or heading/fragment) of a document, with its exact location."""

    path: str  # document path as given
    index: int  # 0-based order among this document's sentences
    text: str  # exactly document_text[start:end]
    start: int  # character offsets into the document text
    end: int
    line: int  # 1-based line number of `start`
    heading: bool  # no sentence-final punctuation: heading, title, bullet fragment


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

_PUNCT = "[.!?…‽⁇⁈⁉]+"


def _candidate_re(closers: str) -> re.Pattern[str]:
    # group 1: the punctuation run; group 2: closing quotes/brackets; then either
    # whitespace, or (glued text) directly a letter, which _split_here checks.
    # The look-behind/look-ahead pin the run to its full length: without them a
    # long run of dots would be retried from every position and at every length
    # (quadratic time).
    c = re.escape(closers)
    return re.compile(
        rf"(?<![.!?…‽⁇⁈⁉])({_PUNCT})(?![.!?…‽⁇⁈⁉])([{c}]*)(?![{c}])(?:\s+|(?=[^\W\d_]))"
    )


_CANDIDATE = {"de": _candidate_re(_CLOSERS_DE), "en": _candidate_re(_CLOSERS_EN)}

# List markers at the start of a line. Glyph bullets need no following space;
# ASCII bullets and enumerators need horizontal whitespace and content after them
# (so "-5 Grad", "2.5 Mio." or a lone "-" stay text).
_MARKER = re.compile(
    r"(?:[•◦‣⁃▪▫■□●○◆◇►▸▹➤➢➔→✓✔❖·]"
    r"|(?:[-*–—+]|\d{1,3}[.)]|\(\d{1,3}\)|\(?[A-Za-z]\)|\(?[ivx]{1,4}\))(?=[^\S\r\n]+\S))"
    r"[^\S\r\n]*"
)
_WORD = re.compile(r"[^\W\d_]+")
_NUMLIKE = re.compile(r"\d+(?:[.,:/]\d+)+")
_DAY_MONTH = re.compile(r"\d{1,2}\.\d{1,2}")  # "14.11." is an ordinal date, like "14."
_DOTTED = re.compile(r"(?:[^\W\d_]{1,2}\.)+[^\W\d_]{1,2}")  # z.B, u.a, e.g, U.S.A
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
_PREFIX_CI = _words(
    """abb abg abt adj allg amtl anh anl anm beil betr bez bhf bsp bspw bzgl bzw ca
    dgl dipl dr dres dt ebd ehem eigtl einschl engl entspr evtl evang exkl fa frl frz
    geb gebr gegr gest ggf ggfs ggü hbf hl hr hrn hrsg inkl insb jur kath lt max mind
    mio mrd med näml orig phil pkt prof rer resp röm sog spez st std str stv tel tsd
    univ urspr verh vgl vorm vors wg zit zt zzgl zzt mr mrs ms messrs mme mlle dept
    approx cf viz vs"""
)
# Case-sensitive: these spellings are abbreviations, the lowercase forms are words.
_PREFIX_CS = _words(
    """Gen Sen Rep Gov Col Lt Maj Capt Sgt Cpl Adm Cmdr Brig Rev Hon Pres Det Insp Supt
    Mt Ft Ave Blvd Ing Mag Min Fr Hrn Jun Abs Bd"""
)
# Abbreviations that can end a sentence but usually do not: no split inside a
# line, but a line break after them is a boundary (given a plausible start).
_OTHER_CI = _words("chr jh jhd jhdt jr sr inc ltd corp co bros plc al")
# Abbreviations that typically end an enumeration and often the sentence: split
# before a plausible sentence start.
_ENDERS = _words("usw etc usf ff u.ä o.ä u.v.m u.s.w u.ä.m o.ä.m")
# Abbreviations before a number ("Nr. 5", "Art. 3", "Jan. 2024"): no split before a
# digit; otherwise they are treated as ordinary words ("eine Art. Die ...").
_NUMPREFIX_CI = _words(
    "nr nrn bde vol vols kap ziff tab pp jan feb mrz apr jul aug sep sept okt oct nov dez dec"
)
_NUMPREFIX_CS = _words("No Nos Art Fig Figs Mar Nr")

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

# Kinds of token in front of a full stop (see _classify).
_WORDK, _ORDINAL, _NUMBER, _INITIAL, _PREFIX, _OTHER, _ENDER, _NUMPREFIX = range(8)


def _classify(word: str) -> int:
    """Kind of the token before a full stop (openers and closers already stripped)."""
    if not word:
        return _WORDK
    if word.isdecimal():
        # Up to three digits may be an ordinal ("3. Oktober", "20. Jahrhundert");
        # longer numbers are years or amounts, which do not take an ordinal dot.
        return _ORDINAL if len(word) <= 3 else _NUMBER
    if word[0].isdecimal() and _NUMLIKE.fullmatch(word):
        return _ORDINAL if _DAY_MONTH.fullmatch(word) else _NUMBER
    if len(word) == 1:
        # "Robert F. Kennedy", "J. R. R. Tolkien", second half of "z. B.", "d. h.".
        return _INITIAL if word.isalpha() else _WORDK
    kind = _abbreviation_kind(word)
    if kind is not None:
        return kind
    if word.endswith("str") and word[0].isupper():
        return _NUMPREFIX  # street: "Hauptstr. 5"
    if "." in word:
        if _DOTTED.fullmatch(word):
            # z.B, d.h, e.g, i.e are connectives; U.S.A, Ph.D may end a sentence.
            return _PREFIX if word[0].islower() else _OTHER
        # "Dipl.-Ing", "Ev.-Luth": judge the last part.
        kind = _abbreviation_kind(word.rsplit(".", 1)[1].lstrip("-"))
        if kind is not None:
            return kind
    return _WORDK


def _abbreviation_kind(word: str) -> int | None:
    low = word.lower()
    if low in _ENDERS:
        return _ENDER
    if low in _NUMPREFIX_CI or word in _NUMPREFIX_CS:
        return _NUMPREFIX
    if low in _PREFIX_CI or word in _PREFIX_CS:
        return _PREFIX
    if low in _OTHER_CI:
        return _OTHER
    return None


def _plausible_start(ch: str) -> bool:
    """Whether a sentence may start with `ch` (anything but lowercase/continuation)."""
    return not ch.islower() and ch not in _NOT_START


def _token_before(seg: str, pos: int, lo: int) -> tuple[str, bool]:
    """The non-space token ending at `pos` (bounded look-back) and whether it is
    possibly truncated by the bound (then it is a long token such as a URL)."""
    start = pos - 64 if pos - 64 > lo else lo
    tail = seg[start:pos]
    if not tail or tail[-1].isspace():
        return "", False
    parts = tail.rsplit(None, 1)
    return parts[-1], len(parts) == 1 and start > lo


def _split_here(seg: str, ps: int, punct: str, ce: int, ns: int, lo: int, hi: int) -> bool:
    """Decide a candidate: punctuation `punct` at seg[ps:...], closers ending at `ce`,
    next sentence would start at `ns` (< hi). `lo` is the start of the unit.

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
    n0 = seg[ns]
    token, truncated = _token_before(seg, ps, lo)
    question = not _QUESTION.isdisjoint(punct)
    ellipsis = not question and ("…" in punct or len(punct) > 1)

    if ce == ns:
        # Glued text without a space ("Folgen?Der", "unberührt.“Russlands"). Only an
        # uppercase letter followed by a lowercase one counts as a sentence start,
        # which keeps "U.S.A.", decimals and most domains ("zeit.de") together.
        if not n0.isupper() or ns + 1 >= hi or not seg[ns + 1].islower():
            return False
        if truncated or any(c in token for c in "/@:") or token.lower().startswith("www"):
            return False  # URL, e-mail address or path
        nxt = seg[ns : min(hi, ns + 64)].split(None, 1)[0]
        if "@" in nxt or "/" in nxt:
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
    newline = _LINE_BREAK.search(seg, ce, ns) is not None and not (
        n0.islower() and ce > ps + len(punct)
    )
    if question:
        # Inside a line "?"/"!" ends a sentence only before a plausible start.
        return newline or _plausible_start(n0)
    if ellipsis:
        if n0.islower():
            return False  # "Er wartete … und wartete."
        if newline:
            return True
        # A detached or bracketed ellipsis (" … ", "[…]") marks an omission.
        if not token or token[-1] in "([":
            return False
        return _plausible_start(n0)

    word = token.lstrip(_OPENERS).rstrip(_CLOSERS_ANY)
    kind = _classify(word)
    if kind == _WORDK:
        # An ordinary word: at a line end the full stop is final; inside a line it
        # needs a plausible sentence start after it.
        return newline or _plausible_start(n0)
    if n0.islower():
        return False
    if kind in (_NUMBER, _ENDER) or (kind == _OTHER and newline):
        return _plausible_start(n0)
    if kind == _NUMPREFIX:
        return not n0.isdecimal() and (newline or _plausible_start(n0))
    if kind == _ORDINAL:
        # "<1-3 digits>." is an ordinal or day of month unless what follows is
        # clearly a new sentence: an opening quote, or a capitalised function word
        # ("stieg auf 12. Die Regierung ..."). Month names, nouns and names after
        # it ("13. September", "20. Jahrhundert", "1. FC Köln") keep it together.
        if n0.isupper():
            m = _WORD.match(seg, ns, min(hi, ns + 40))
            return m is not None and m.group() in _SENTENCE_STARTERS
        return n0 in _OPENERS and n0 not in "([{"
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


def _last_char(seg: str, cs: int, ce: int) -> str:
    """Last character of seg[cs:ce] that is not a closing quote/bracket."""
    j = ce - 1
    while j > cs and seg[j] in _CLOSERS_ANY:
        j -= 1
    return seg[j]


def _ends_with_lowercase_word(seg: str, cs: int, ce: int) -> bool:
    tail = seg[max(cs, ce - 64) : ce].rstrip(_CLOSERS_ANY)
    if not tail:
        return False
    return tail.rsplit(None, 1)[-1][:1].islower()


def _block_wrap_width(seg: str, block: list[_Line]) -> int:
    """The wrap width of a block that looks hard-wrapped, else 0.

    A block looks hard-wrapped when it has at least three lines, none wider than
    _WRAP_MAX, its widest line is at least _WRAP_MIN wide and at least half of the
    lines before the last are nearly full (>= _WRAP_FILL of the width) and end
    mid-sentence (no terminal punctuation, no colon)."""
    if len(block) < 3:
        return 0
    width = max(line[3] for line in block)
    if width > _WRAP_MAX or width < _WRAP_MIN:
        return 0
    full = 0
    for cs, ce, _marker, w in block[:-1]:
        if w >= _WRAP_FILL * width:
            last = _last_char(seg, cs, ce)
            if last not in _TERMINAL and last != ":":
                full += 1
    return width if 2 * full >= len(block) - 1 else 0


def _line_break_is_boundary(
    seg: str, a: _Line, b: _Line, wrap_width: int, starters: frozenset[str]
) -> bool:
    """Whether the line break between lines `a` and `b` of a block ends a sentence.

    Rules, in order:
    - `b` starts with a list marker: boundary (each item is its own sentence),
      except "– " or "— " before a lowercase word after a 40-100 column non-list
      line that ends mid-sentence: a hard-wrapped parenthesis ("hol ich
      mir\n– sofern benötigt – in ...").
    - `a` ends with terminal punctuation (closers ignored): not decided here; the
      lines are joined and the punctuation rules decide, knowing that a line break
      follows (so "?\\nevtl." splits but "Robert F.\\nKennedy" does not).
    - `a` ends with ':': boundary (list or quotation intro).
    - `a` ends with , ; - – | ( „ and the like: join (the sentence continues).
    - `b` starts with a lowercase letter: join (nothing starts a sentence lowercase).
    - `b` starts with a capitalised function word ("Der", "Es", "In", "The"): boundary.
      Such words are lowercase inside a sentence, so `a` ended one (or is a heading),
      whatever follows below.
    - `a` is nearly full in a block that looks hard-wrapped: join.
    - `a` is 40-100 columns wide, `b` is at most 100, and `a` ends with a lowercase
      word: join. Headings and titles end in nouns or names far more often, and
      one-paragraph-per-line text has long `b` lines, while e-mail/forum text
      wrapped at ~60-80 columns breaks anywhere, often after "von", "die", "und".
    - otherwise `a` is a heading-like fragment: boundary.
    """
    last = _last_char(seg, a[0], a[1])
    if b[2]:
        return not (
            b[2] in "–—"
            and seg[b[0]].islower()
            and not a[2]
            and _WRAP_MIN <= a[3] <= _WRAP_MAX
            and last not in _TERMINAL
            and last != ":"
        )
    if last in _TERMINAL:
        return False
    if last == ":":
        return True
    if last in _CONTINUE:
        return False
    if seg[b[0]].islower():
        return False
    m = _WORD.match(seg, b[0], min(b[1], b[0] + 40))
    if m is not None and m.group() in starters:
        return True
    if wrap_width and a[3] >= _WRAP_FILL * wrap_width:
        return False
    if _WRAP_MIN <= a[3] <= _WRAP_MAX and b[3] <= _WRAP_MAX:
        return not _ends_with_lowercase_word(seg, a[0], a[1])
    return True


def _blocks(seg: str) -> list[list[_Line]]:
    """Non-blank lines of `seg` grouped into blocks separated by blank lines."""
    blocks: list[list[_Line]] = []
    block: list[_Line] = []
    pos = 0
    for raw in seg.splitlines(True):
        body = raw.rstrip()
        if body:
            lead = len(body) - len(body.lstrip())
            cs = pos + lead
            ce = pos + len(body)
            marker = ""
            m = _MARKER.match(seg, cs, ce)
            if m is not None and not _is_date(seg, m.group(), m.end(), ce):
                cs = m.end()
                marker = m.group()[0]
            if cs < ce:
                block.append((cs, ce, marker, len(body)))
            elif block:  # a line with only a bullet glyph separates like a blank line
                blocks.append(block)
                block = []
        elif block:
            blocks.append(block)
            block = []
        pos += len(raw)
    if block:
        blocks.append(block)
    return blocks


def _is_date(seg: str, marker: str, pos: int, end: int) -> bool:
    """Whether an enumerator "13. " is really a day of month ("13. September 2024")."""
    if not marker.rstrip().endswith(".") or not marker[0].isdecimal():
        return False
    m = _WORD.match(seg, pos, min(end, pos + 40))
    return m is not None and m.group().lower() in _MONTHS


# ---------------------------------------------------------------------------
# Sentences
# ---------------------------------------------------------------------------


def _append(seg: str, s: int, e: int, base: int, out: list[tuple[int, int, bool]]) -> None:
    """Append seg[s:e] (stripped, non-empty) with its heading flag, chunking long runs."""
    if e - s <= MAX_SENTENCE_CHARS:
        out.append((base + s, base + e, _last_char(seg, s, e) not in _TERMINAL))
        return
    # A run longer than MAX_SENTENCE_CHARS: cut at the last whitespace that fits,
    # or hard-cut when there is none. Chunks are marked as running text.
    while e - s > MAX_SENTENCE_CHARS:
        m = _CHUNK_END.match(seg, s, s + MAX_SENTENCE_CHARS + 1)
        cut = m.end() if m is not None else s + MAX_SENTENCE_CHARS
        out.append((base + s, base + cut, False))
        nxt = _NON_SPACE.search(seg, cut, e)
        if nxt is None:  # cannot happen: seg[e-1] is not space
            return
        s = nxt.start()
    out.append((base + s, base + e, False))


def _split_unit(
    seg: str,
    us: int,
    ue: int,
    cand: re.Pattern[str],
    base: int,
    out: list[tuple[int, int, bool]],
) -> None:
    cur = us
    for m in cand.finditer(seg, us, ue):
        ns = m.end()
        if ns >= ue:
            break
        ce = m.end(2)
        if _split_here(seg, m.start(), m.group(1), ce, ns, us, ue):
            _append(seg, cur, ce, base, out)
            cur = ns
    _append(seg, cur, ue, base, out)


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
    n = len(text)
    start = min(max(start, 0), n)
    end = n if end is None else min(max(end, start), n)
    if start >= end:
        return []
    seg = text[start:end]
    if language not in _CANDIDATE:
        language = "de"
    cand = _CANDIDATE[language]
    starters = _LINE_STARTERS[language]
    out: list[tuple[int, int, bool]] = []
    for block in _blocks(seg):
        wrap_width = _block_wrap_width(seg, block)
        us = block[0][0]
        for a, b in zip(block, block[1:], strict=False):
            if _line_break_is_boundary(seg, a, b, wrap_width, starters):
                _split_unit(seg, us, a[1], cand, start, out)
                us = b[0]
        _split_unit(seg, us, block[-1][1], cand, start, out)
    return out


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
    breaks = [m.end() for m in _NEWLINE.finditer(text)] if text else []
    spans: Iterable[tuple[int, int]] = [(0, len(text))] if regions is None else sorted(regions)
    out: list[Sentence] = []
    for rs, re_ in spans:
        for s, e, heading in sentence_spans(text, rs, re_, language):
            out.append(
                Sentence(path, len(out), text[s:e], s, e, bisect_right(breaks, s) + 1, heading)
            )
    return out
