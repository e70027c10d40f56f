"""The page as the context rules see it, and the rules that read the whole page.

`Doc` holds per-line features (text without a text browser's link numbers, word
counts, running text, hard-wrapped paragraphs) and the reasons found so far. The rules
here read across lines or the whole page: "Von" + name on the next line, wrapped
notices and newsletter sentences judged whole, repeated lines, and junk after the last
paragraph. The box rules are in summarize.clean.boxes and the reader comments in
summarize.clean.comments. Every look-around window is bounded, so each rule is linear
in the number of lines.
"""

from __future__ import annotations

import re

from .rules import (
    BY_ALONE,
    BYLINE,
    CAP,
    DISCLAIMER,
    ENDS_LIKE_SENTENCE,
    ENDS_SENTENCE,
    NAME_ONLY,
    NEWSLETTER,
    REPEATED,
    SENTENCE_END,
    SENTENCE_TAIL,
    TRAILING,
)

# --------------------------------------------------------------------------- features
# Hard-wrapped text: a block of at least _WRAPPED_LINES lines, most of them (_WRAP_SHARE)
# at least _WRAP_FILL of the widest, which is at most _WRAP_WIDTH characters; its lines of
# at least _WRAPPED_WORDS words and _WRAPPED_CHARS characters are running text (a
# newspaper column is 30-40 characters wide).
_WRAPPED_LINES = 3
_WRAP_WIDTH = 100
_WRAP_FILL = 0.6
_WRAP_SHARE = 0.6
_WRAPPED_WORDS = 4
_WRAPPED_CHARS = 28
# Words a wrapped line can end in but a headline cannot: articles, prepositions, joins.
_GOES_ON_WORDS = frozenset(
    "der die das den dem des ein eine einen einem einer eines und oder aber mit von zu im "
    "in am an auf für bei nach aus über unter vor um als wie dass sich the a an and or of "
    "to in on for with at by from that".split()
)
_INNER_SENTENCE_END = re.compile(r"[^\W\d_]{2}[.!?] +[A-ZÄÖÜ]")
_BROKEN_LINES = 4  # a sentence broken over at most this many lines, outside wrapped text
_WRAPPED_TEXT = 0.5  # share of a text's lines in wrapped blocks that makes it wrapped
_WRAP_SLACK = 1.1  # a short paragraph's line may reach past the widest line seen elsewhere


_LINK_NUMBER = re.compile(r"\[\d{1,4}\](?=\S)")


def indent(raw: str) -> int:
    """How far a raw line is set in, tabs counted as four spaces."""
    expanded = raw.expandtabs(4)
    return len(expanded) - len(expanded.lstrip())


def _word_count(line: str) -> int:
    count = len(line[:600].split())
    if len(line) > 600:
        count += line.count(" ", 600)  # an estimate: exact counts of long lines never matter
    return count


class Doc:
    """Per-line features shared by the context rules (parallel lists, for speed)."""

    def __init__(self, text: str, spans: list[tuple[int, int]]) -> None:
        self.source = text
        self.spans = spans
        # list comprehensions, not appends: this runs once per line of a possibly huge text
        self.raw: list[str] = [text[start : min(end, start + CAP)] for start, end in spans]
        # Text browsers (lynx, w3m) number each link in the text: "Von [16]Anna Berger",
        # "[19]Facebook [20]Twitter". The rules read the line without the numbers.
        self.text: list[str] = [
            (_LINK_NUMBER.sub("", raw) if "]" in raw else raw).strip() for raw in self.raw
        ]
        self.blank: list[bool] = [not line for line in self.text]
        self.words: list[int] = [_word_count(line) if line else 0 for line in self.text]
        self.prose: list[bool] = [
            words >= 30 or (words >= 10 and SENTENCE_END.search(line) is not None)
            for line, words in zip(self.text, self.words, strict=True)
        ]
        self.wrapped: list[tuple[int, int]] = []  # hard-wrapped paragraphs (first, stop)
        self._mark_wrapped_prose()
        self.reasons: list[str] = [""] * len(spans)
        # Per-line memos of the comment finder (summarize.clean.comments).
        self.evidence_cache: list[int | None] = [None] * len(spans)
        self.record_cache: list[int | None] = [None] * len(spans)

    def __len__(self) -> int:
        return len(self.spans)

    def _mark_wrapped_prose(self) -> None:
        """Hard-wrapped text (mail, forum quotes, plain-text dumps) breaks sentences over
        lines of 8-15 words that rarely end in a full stop; a block of such lines that
        holds a sentence end is running text, line by line."""
        blocks = []
        start = 0
        count = len(self.spans)
        while start < count:
            if self.blank[start]:
                start += 1
                continue
            end = start
            while end < count and not self.blank[end]:
                end += 1
            blocks.append((start, end))
            start = end
        wrapped = [
            (start, end)
            for start, end in blocks
            if end - start >= _WRAPPED_LINES and self._hard_wrapped(start, end)
        ]
        for start, end in wrapped:
            long_lines = [
                i
                for i in range(start, end)
                if self.words[i] >= _WRAPPED_WORDS and len(self.text[i]) >= _WRAPPED_CHARS
            ]
            if any(SENTENCE_END.search(self.text[i]) for i in long_lines):
                for i in long_lines:
                    self.prose[i] = True
        wrapped_lines = sum(end - start for start, end in wrapped)
        if wrapped and wrapped_lines >= _WRAPPED_TEXT * (len(self.text) - sum(self.blank)):
            # A text wrapped at one width throughout (a mail): its short paragraphs (two
            # lines, or a salutation over a few) are wrapped too, though too short to tell
            # by themselves. They are judged whole below, but not taken for running text.
            width = max(len(self.text[i]) for start, end in wrapped for i in range(start, end))
            qualified = set(wrapped)
            wrapped = [
                block for block in blocks if block in qualified or self._wrapped_at(*block, width)
            ]
        self.wrapped = wrapped
        # Short blocks that break one sentence over lines (no line but the last ends
        # one): a notice or a teaser set in a narrow box, wrapped or not.
        wrapped_set = set(wrapped)
        self.broken: list[tuple[int, int]] = [
            (start, end)
            for start, end in blocks
            if (start, end) not in wrapped_set
            and 2 <= end - start <= _BROKEN_LINES
            and not any(SENTENCE_END.search(self.text[i]) for i in range(start, end - 1))
        ]

    def _wrapped_at(self, start: int, end: int, width: int) -> bool:
        """A block of two lines or more wrapped at the text's width: no line is wider,
        and every line but the last fills it (the first may be a short salutation when
        more follow)."""
        if end - start < 2:
            return False
        lengths = [len(self.text[i]) for i in range(start, end)]
        fill = _WRAP_FILL * width
        filled = lengths[1:-1] if end - start > 2 else lengths[:1]
        return max(lengths) <= _WRAP_SLACK * width and all(length >= fill for length in filled)

    def _hard_wrapped(self, start: int, end: int) -> bool:
        """Most lines of the block fill a fixed width of at most _WRAP_WIDTH characters."""
        width = max(len(self.text[i]) for i in range(start, end))
        if width > _WRAP_WIDTH:
            return False
        full = sum(1 for i in range(start, end) if len(self.text[i]) >= _WRAP_FILL * width)
        if full < _WRAP_SHARE * (end - start):
            return False
        # a sentence goes on over a line break somewhere: a line starts in lower case, or
        # the one above ends in a hyphen or a word that cannot end a phrase ("der",
        # "und"), or a sentence ends inside a line (a list of headlines has none of these)
        return any(
            self.text[i][:1].islower()
            or self.text[i - 1].endswith("-")
            or self.text[i - 1].rsplit(None, 1)[-1].lower() in _GOES_ON_WORDS
            for i in range(start + 1, end)
        ) or any(_INNER_SENTENCE_END.search(self.text[i]) for i in range(start, end))

    def kept(self, i: int) -> bool:
        return not self.blank[i] and not self.reasons[i]

    def first_kept(self) -> int:
        return next((i for i in range(len(self)) if self.kept(i)), -1)

    def next_nonblank(self, i: int, limit: int = 50) -> int:
        """Index of the next non-blank line after i (-1 if none within limit lines)."""
        for j in range(i + 1, min(len(self), i + 1 + limit)):
            if not self.blank[j]:
                return j
        return -1

    def prev_nonblank(self, i: int, limit: int = 50) -> int:
        for j in range(i - 1, max(-1, i - 1 - limit), -1):
            if not self.blank[j]:
                return j
        return -1

    def first_prose(self) -> int:
        return next((i for i in range(len(self)) if self.prose[i] and self.kept(i)), -1)

    def last_prose(self) -> int:
        return next((i for i in range(len(self) - 1, -1, -1) if self.prose[i] and self.kept(i)), -1)

    def short_label(self, i: int, max_words: int = 3) -> bool:
        """A kept line that reads like a menu item: 1-3 words, no sentence punctuation."""
        line = self.text[i]
        return (
            self.kept(i)
            and self.words[i] <= max_words
            and len(line) <= 30
            and not ENDS_LIKE_SENTENCE.search(line)
        )


# --------------------------------------------------------------------------- bylines
def bylines_split_over_lines(doc: Doc) -> None:
    """ "Von" (or "By") alone on a line, with the author's name on the next line."""
    for i in range(len(doc)):
        if doc.reasons[i] != BYLINE or not BY_ALONE.pattern.match(doc.text[i].lower()):
            continue
        j = doc.next_nonblank(i, limit=2)
        if j >= 0 and doc.kept(j) and doc.words[j] <= 6 and NAME_ONLY.pattern.match(doc.text[j]):
            doc.reasons[j] = NAME_ONLY.reason


def wrapped_paragraphs(doc: Doc) -> None:
    """A hard-wrapped paragraph, or a short block that breaks one sentence over
    lines, is judged whole, as the sentence it is.

    "Der Volltext dieses auf Agenturmeldungen" / "basierenden Artikels steht aus
    rechtlichen" / "Gründen nicht mehr zur Verfügung.": no line alone says it is a
    notice; the paragraph does.
    """
    from .lines import classify_line  # the line rules, applied to the joined lines

    for start, stop in doc.wrapped + doc.broken:
        if all(doc.reasons[i] for i in range(start, stop)):
            continue
        joined = " ".join(doc.text[start:stop])
        reason = classify_line(joined, sum(doc.words[start:stop]))
        if reason in _PARAGRAPH_REASONS:
            for i in range(start, stop):
                if not doc.reasons[i]:
                    doc.reasons[i] = reason


_PARAGRAPH_REASONS = frozenset({NEWSLETTER, DISCLAIMER})


def sentences_over_lines(doc: Doc) -> None:
    """A newsletter or consent sentence hard-wrapped over several lines goes whole.

    "heute im Newsletter: Neue Züge für die Westbahn, außerdem fährt der" / "Nachtzug
    nach Rom ab Herbst wieder ... Eine gute" / "Lektüre wünscht das Team.": the
    first line gives the sentence away; the wrapped lines that continue it (no blank
    line between, the line before ends mid-sentence) are the same sentence.
    """
    for start, stop in doc.wrapped:
        for i in range(start, stop - 1):
            if doc.reasons[i] != NEWSLETTER or ENDS_SENTENCE.search(doc.text[i]):
                continue
            j = i + 1
            while j < stop and doc.kept(j):
                doc.reasons[j] = NEWSLETTER
                if ENDS_SENTENCE.search(doc.text[j]):
                    break
                j += 1


# --------------------------------------------------------------------------- whole page
def repeated_lines(doc: Doc) -> None:
    """Drop a kept line equal to an earlier kept line (case and whitespace ignored)."""
    seen: set[str] = set()
    for i in range(len(doc)):
        if not doc.kept(i):
            continue
        start, end = doc.spans[i]
        line = doc.text[i] if end - start <= CAP else doc.source[start:end]  # not capped
        key = " ".join(line.split()).casefold()
        if key in seen:
            doc.reasons[i] = REPEATED
        else:
            seen.add(key)


def trailing(doc: Doc) -> None:
    """After the last paragraph, once junk has started, short leftovers are junk too.

    Pages end in stacks of boxes (related teasers, newsletter slogans, footer labels);
    a leftover line there that is not prose belongs to one of them, unless it is a
    sentence of its own: the article's last, short paragraph after a teaser box.
    """
    last = doc.last_prose()
    if last < 0:
        return
    junk_started = False
    wrapped = {i: block for block in doc.wrapped if block[0] > last for i in range(*block)}
    for i in range(last + 1, len(doc)):
        if doc.blank[i]:
            continue
        if doc.reasons[i]:
            junk_started = True
        elif junk_started and not _short_paragraph(doc, *wrapped.get(i, (i, i + 1))):
            doc.reasons[i] = TRAILING


def _short_paragraph(doc: Doc, first: int, stop: int) -> bool:
    """A sentence of a few words standing alone between blank lines (perhaps wrapped
    over the lines first..stop-1, all kept)."""
    return (
        sum(doc.words[first:stop]) >= _SHORT_PARAGRAPH_WORDS
        and SENTENCE_TAIL.search(doc.text[stop - 1]) is not None
        and all(doc.kept(j) for j in range(first, stop))
        and (first == 0 or doc.blank[first - 1])
        and (stop == len(doc) or doc.blank[stop])
    )


_SHORT_PARAGRAPH_WORDS = 5
