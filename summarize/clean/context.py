"""Context rules: decisions that need a line's neighbours or the page's structure.

They run after the line verdicts, on a `Doc` holding per-line features and the reasons
found so far, and each one may drop more lines: the reader-comment section, "Von" + name
on the next line, teaser lists under "Mehr zum Thema", author bios, runs of short menu
lines, image captions above a credit, lines boxed in by junk, a category label above the
headline, repeated lines and junk at the end of the page. Every look-around window is
bounded, so each rule is linear in the number of lines.
"""

from __future__ import annotations

from .rules import (
    AUTHOR_BIO_HEADING,
    BOX_REASONS,
    BULLET,
    BY_ALONE,
    BYLINE,
    CAP,
    CAPTION,
    CATEGORY,
    COMMENT_COUNTER,
    COMMENT_START,
    COMMENTS,
    DATE,
    ENDS_LIKE_SENTENCE,
    FORUM_POST_HEADER,
    FORUM_REPLY,
    IMAGE,
    MENTION,
    MENU,
    NAME_ONLY,
    NUMBERED_ITEM,
    RELATED,
    RELATED_HEADING,
    REPEATED,
    REPLY_CONTROL,
    SAYS,
    SENTENCE_END,
    SHORT_WORDS,
    SIGNOFF,
    SOCIAL,
    TRAILING,
)


# --------------------------------------------------------------------------- features
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
        self.text: list[str] = [raw.strip() for raw in self.raw]
        self.blank: list[bool] = [not line for line in self.text]
        self.words: list[int] = [_word_count(line) if line else 0 for line in self.text]
        self.prose: list[bool] = [
            words >= 30 or (words >= 10 and SENTENCE_END.search(line) is not None)
            for line, words in zip(self.text, self.words, strict=True)
        ]
        self.reasons: list[str] = [""] * len(spans)
        self._evidence: list[int | None] = [None] * len(spans)

    def __len__(self) -> int:
        return len(self.spans)

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

    def evidence(self, i: int) -> int:
        """Bitmask of reply-like evidence on line i (mentions, reply buttons, sign-offs ...).

        Cached per line: several look-ahead windows may cover the same line.
        """
        cached = self._evidence[i]
        if cached is None:
            cached = self._evidence[i] = _line_evidence(self, i)
        return cached


# --------------------------------------------------------------------------- bylines
def bylines_split_over_lines(doc: Doc) -> None:
    """"Von" (or "By") alone on a line, with the author's name on the next line."""
    for i in range(len(doc)):
        if doc.reasons[i] != BYLINE or not BY_ALONE.pattern.match(doc.text[i].lower()):
            continue
        j = doc.next_nonblank(i, limit=2)
        if (
            j >= 0
            and doc.kept(j)
            and doc.words[j] <= 6
            and NAME_ONLY.pattern.match(doc.text[j])
        ):
            doc.reasons[j] = NAME_ONLY.reason


# --------------------------------------------------------------------------- comments
# Kinds of reply-like evidence, as bits of Doc.evidence.
_MENTION_EVIDENCE, _REPLY_EVIDENCE, _SAYS_EVIDENCE, _SIGNOFF_EVIDENCE = 1, 2, 4, 8


def _line_evidence(doc: Doc, i: int) -> int:
    line = doc.text[i]
    low = line[:200].lower()  # every evidence pattern is anchored at the start
    evidence = 0
    if "@" in line and MENTION.pattern.search(line):
        evidence |= _MENTION_EVIDENCE
    if doc.words[i] <= 12:
        if REPLY_CONTROL.pattern.match(low):
            evidence |= _REPLY_EVIDENCE
        if SAYS.pattern.match(low):
            evidence |= _SAYS_EVIDENCE
        if SIGNOFF.pattern.match(low):
            evidence |= _SIGNOFF_EVIDENCE
    elif SIGNOFF.pattern.match(low):
        evidence |= _SIGNOFF_EVIDENCE  # "Hallo Helmut, ..." opening a long reply
    return evidence


def _numbered_replies(doc: Doc, i: int) -> tuple[bool, int]:
    """Does the numbered list starting at line i (item "1.") look like a reply thread?

    Returns (is_thread, index after the list). An article's own list ("1. Erstens ...")
    has no @mentions, sign-offs, reply buttons or nested restarts, so it is not taken.
    """
    base = _indent(doc.raw[i])
    kinds = mentions = 0
    nested = False
    j = i
    end = min(len(doc), i + 1000)  # bounded window: keeps the scan linear
    while j < end:
        if not doc.blank[j]:
            raw = doc.raw[j]
            indent = _indent(raw)
            item = NUMBERED_ITEM.match(raw)
            if j > i and (indent < base or (indent == base and not item)):
                break  # the list has ended
            if item and indent > base:
                nested = True  # "1. @Andrea" under "3. ...": a reply to a reply
            evidence = doc.evidence(j)
            kinds |= evidence
            mentions += bool(evidence & _MENTION_EVIDENCE)
        j += 1
    # a quoted @handle in an outline is not enough: two mentions, two kinds of evidence,
    # or replies nested under items with a sign-off, a reply button or "X sagt:"
    is_thread = (
        mentions >= 2
        or bin(kinds).count("1") >= 2
        or (nested and bool(kinds & (_REPLY_EVIDENCE | _SAYS_EVIDENCE | _SIGNOFF_EVIDENCE)))
    )
    return is_thread, j


def _indent(raw: str) -> int:
    return len(raw.expandtabs(4)) - len(raw.expandtabs(4).lstrip())


def _timestamped_name(doc: Doc, j: int) -> bool:
    """Line j is a date line right under a short line: "Max Müller" / "14.11.2024 08:50"."""
    return (
        doc.reasons[j] == DATE
        and j > 0
        and not doc.blank[j - 1]
        and doc.words[j - 1] <= 4
        and doc.reasons[j - 1] != DATE
    )


def _weak_marker_confirmed(doc: Doc, i: int, last_prose: int) -> bool:
    """A weak marker ("23 Kommentare") starts comments if replies follow it, or nothing does."""
    any_evidence = _MENTION_EVIDENCE | _REPLY_EVIDENCE | _SAYS_EVIDENCE | _SIGNOFF_EVIDENCE
    seen = 0
    prose_after = False
    for j in range(i + 1, min(len(doc), i + 80)):
        if doc.blank[j]:
            continue
        seen += 1
        if doc.evidence(j) & any_evidence:
            return True
        if _timestamped_name(doc, j):
            return True
        item = NUMBERED_ITEM.match(doc.raw[j])
        if seen <= 5 and item and item.group(2) == "1":
            return True
        prose_after = prose_after or (doc.prose[j] and doc.kept(j))
    # nothing of substance follows: dropping to the end loses no article text
    return not prose_after and last_prose < i


def comment_section(doc: Doc) -> None:
    """Find where reader comments begin and drop everything from there to the end.

    Only markers after the first paragraph of prose count: the same words near the top
    are comment counters in the page header, which are dropped on their own.
    """
    first, last = doc.first_prose(), doc.last_prose()
    start = -1
    says: list[int] = []
    says_evidence = 0
    i = 0
    count = len(doc)
    while i < count:
        if doc.blank[i]:
            i += 1
            continue
        line = doc.text[i]
        short = doc.words[i] <= SHORT_WORDS
        low = line.lower() if short else ""
        strong = short and bool(COMMENT_START.pattern.match(low))
        weak = (
            short
            and not strong
            and doc.words[i] <= 6
            and bool(COMMENT_COUNTER.pattern.match(low))
        )
        if first < 0 or i <= first:
            if strong or weak:
                doc.reasons[i] = COMMENT_COUNTER.reason
            i += 1
            continue
        if strong or (
            short and (FORUM_REPLY.pattern.match(low) or FORUM_POST_HEADER.pattern.match(low))
        ):
            start = i
            break
        if weak:
            if _weak_marker_confirmed(doc, i, last):
                start = i
                break
            doc.reasons[i] = COMMENT_COUNTER.reason
        item = NUMBERED_ITEM.match(doc.raw[i])
        if item and item.group(2) == "1":
            is_thread, after = _numbered_replies(doc, i)
            if is_thread:
                start = i
                break
            i = max(after, i + 1)
            continue
        if doc.words[i] <= 12:
            evidence = doc.evidence(i)
            if evidence & _SAYS_EVIDENCE:
                says.append(i)
            elif says:
                says_evidence |= evidence
            # "Name says:" twice, with a reply button, mention or sign-off: a thread (a
            # live blog's "Scholz schrieb:" lines come without those)
            if len(says) >= 2 and says_evidence:
                start = says[0]
                break
        elif says and "@" in line and MENTION.pattern.search(line):
            says_evidence |= _MENTION_EVIDENCE
        i += 1
    if start < 0:
        return
    for j in range(start, count):
        if not doc.blank[j]:
            doc.reasons[j] = COMMENTS


# --------------------------------------------------------------------------- boxes and blocks
def related_blocks(doc: Doc) -> None:
    """Drop the teaser headlines listed under a "Mehr zum Thema" / "Related" heading.

    The block ends at the first real paragraph, after two blank lines, or after 15
    teasers. A short line standing alone right above a paragraph is that paragraph's
    heading, so it stays.
    """
    count = len(doc)
    for i in range(count):
        if doc.reasons[i] != RELATED or not RELATED_HEADING.pattern.match(doc.text[i].lower()):
            continue
        j, blanks, taken = i + 1, 0, 0
        while j < min(count, i + 60) and taken < 15:  # bounded: keeps the pass linear
            if doc.blank[j]:
                blanks += 1
                if blanks >= 2:
                    break
                j += 1
                continue
            if not doc.kept(j):
                if doc.reasons[j] == RELATED:
                    break  # the next teaser box: it gets its own pass
                blanks = 0
                j += 1
                continue
            if doc.words[j] > 20 or (doc.prose[j] and doc.words[j] > 14):
                break
            below = doc.next_nonblank(j, limit=3)
            if below >= 0 and doc.prose[below] and doc.kept(below) and (blanks > 0 or taken == 0):
                break  # a heading of the article, followed by its paragraph
            doc.reasons[j] = RELATED
            taken += 1
            blanks = 0
            j += 1


def author_bio(doc: Doc) -> None:
    """"Über den Autor" / "About the author" and the short paragraph under it."""
    for i in range(len(doc)):
        if (
            not doc.kept(i)
            or doc.words[i] > 5
            or not AUTHOR_BIO_HEADING.pattern.match(doc.text[i].lower())
        ):
            continue
        doc.reasons[i] = AUTHOR_BIO_HEADING.reason
        j = doc.next_nonblank(i, limit=2)
        while 0 <= j < len(doc) and not doc.blank[j] and doc.kept(j) and doc.words[j] <= 80:
            doc.reasons[j] = AUTHOR_BIO_HEADING.reason
            j += 1


def menu_runs(doc: Doc) -> None:
    """Runs of very short lines without blank lines between them are menus or teasers.

    Article headings stand alone between paragraphs; lists introduced by a sentence
    ending in ":" are article content. Before the first and after the last paragraph a
    run of three is enough; inside the body a run must contain two lines already known
    as junk (a share bar, a date) or be long and made of one-or-two-word items.
    """
    first, last = doc.first_prose(), doc.last_prose()
    count = len(doc)
    i = 0
    while i < count:
        if doc.blank[i] or not (doc.short_label(i) or doc.reasons[i]):
            i += 1
            continue
        j = i
        while j < count and not doc.blank[j] and (doc.short_label(j) or doc.reasons[j]):
            j += 1
        _judge_run(doc, i, j, first, last)
        i = j
    _spaced_head_menu(doc, first)


def _judge_run(doc: Doc, i: int, j: int, first: int, last: int) -> None:
    """Lines i..j-1 form a run of short or already dropped lines: drop its labels as menu?"""
    labels = [k for k in range(i, j) if doc.kept(k)]
    junk = (j - i) - len(labels)
    if j - i < 3 or not labels:
        return
    before = doc.prev_nonblank(i, limit=3)
    if before >= 0 and doc.kept(before) and doc.text[before].endswith(":"):
        return  # "... in verschiedenen Bereichen an:" followed by its bullet list
    # without any prose the whole text counts as body: nothing tells menus from content
    in_edge = first >= 0 and (i < first or j - 1 > last)
    bullets = any(BULLET.match(doc.raw[k]) for k in labels)
    if in_edge:
        drop = True
    else:
        tiny = all(doc.words[k] <= 2 for k in labels)
        drop = junk >= 2 or (j - i >= 6 and tiny and not bullets)
    if drop:
        for k in labels:
            doc.reasons[k] = MENU


def _spaced_head_menu(doc: Doc, first: int) -> None:
    """Menus printed one item per paragraph at the top: 4+ one-or-two-word lines."""
    if first <= 0:
        return
    run: list[int] = []
    blanks = 0
    for i in range(first):
        if doc.blank[i]:
            blanks += 1
            if blanks > 1:
                _drop_spaced(doc, run)
                run = []
            continue
        blanks = 0
        if (doc.kept(i) and doc.short_label(i, max_words=2)) or doc.reasons[i] in (MENU, SOCIAL):
            run.append(i)
        else:
            _drop_spaced(doc, run)
            run = []
    _drop_spaced(doc, run)


def _drop_spaced(doc: Doc, run: list[int]) -> None:
    if len(run) >= 4:
        for k in run:
            if doc.kept(k):
                doc.reasons[k] = MENU


def captions(doc: Doc) -> None:
    """A short line directly above an image credit is that image's caption.

    The first kept line of the page is never taken: that is the headline, which some
    sites print straight above the lead image's credit.
    """
    first_kept = doc.first_kept()
    for i in range(1, len(doc)):
        above = i - 1
        if doc.reasons[i] != IMAGE or doc.blank[above] or above <= first_kept:
            continue
        if doc.kept(above) and doc.words[above] <= 20 and not doc.prose[above]:
            doc.reasons[above] = CAPTION


def boxed_lines(doc: Doc) -> None:
    """A kept line wedged, without blank lines, between two lines dropped for the same
    box-like reason belongs to that box ("Subscribe to our newsletter" / "Get the best of
    our coverage in your inbox." / "Your email address")."""
    for i in range(1, len(doc) - 1):
        if not doc.kept(i) or doc.words[i] > 25 or doc.blank[i - 1] or doc.blank[i + 1]:
            continue
        above, below = doc.reasons[i - 1], doc.reasons[i + 1]
        if above == below and above in BOX_REASONS:
            doc.reasons[i] = above


def category_label(doc: Doc) -> None:
    """A one-or-two-word line above the headline is a category ("Allgemein", "Politik")."""
    first_prose = doc.first_prose()
    label = doc.first_kept()
    if label < 0 or (first_prose >= 0 and label >= first_prose):
        return
    line = doc.text[label]
    if doc.words[label] > 2 or len(line) > 25 or any(c.isdigit() for c in line):
        return
    if ENDS_LIKE_SENTENCE.search(line):
        return
    headline = doc.next_nonblank(label, limit=3)
    if (
        headline >= 0
        and doc.kept(headline)
        and not doc.prose[headline]
        and doc.words[headline] >= 3
    ):
        doc.reasons[label] = CATEGORY


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
    a leftover line there that is not prose belongs to one of them.
    """
    last = doc.last_prose()
    if last < 0:
        return
    junk_started = False
    for i in range(last + 1, len(doc)):
        if doc.blank[i]:
            continue
        if doc.reasons[i]:
            junk_started = True
        elif junk_started:
            doc.reasons[i] = TRAILING
