"""Context rules: decisions that need a line's neighbours or the page's structure.

They run after the line verdicts, on a `Doc` holding per-line features and the reasons
found so far, and each one may drop more lines: the reader-comment section, "Von" + name
on the next line, teaser lists under "Mehr zum Thema", author bios, runs of short menu
lines, image captions above a credit, lines boxed in by junk, a category label above the
headline, repeated lines and junk at the end of the page. Every look-around window is
bounded, so each rule is linear in the number of lines.
"""

from __future__ import annotations

import re

from .rules import (
    AD_COPY,
    AD_COPY_LINES,
    AD_COPY_WORDS,
    ADVERTISING,
    AUTHOR_BIO_HEADING,
    BOX_REASONS,
    BULLET,
    BY_ALONE,
    BYLINE,
    CAP,
    CAPITALS,
    CAPITALS_MAX_WORDS,
    CAPITALS_WORDS,
    CAPTION,
    CATEGORY,
    CONTACT_BLOCK_LINES,
    CONTACT_BLOCK_WORDS,
    CONTACT_HEADING,
    DATE,
    DISCLAIMER,
    ENDS_LIKE_SENTENCE,
    IMAGE,
    MENU,
    MENU_ROW_ITEM_WORDS,
    NAME_ONLY,
    NEWSLETTER,
    PULL_QUOTE,
    RELATED,
    RELATED_HEADING,
    REPEATED,
    SENTENCE_END,
    SENTENCE_TAIL,
    SOCIAL,
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
_WRAPPED_TEXT = 0.5  # share of a text's lines in wrapped blocks that makes it wrapped
_WRAP_SLACK = 1.1  # a short paragraph's line may reach past the widest line seen elsewhere


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
            wrapped = [
                block for block in blocks if block in wrapped or self._wrapped_at(*block, width)
            ]
        self.wrapped = wrapped

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
        return full >= _WRAP_SHARE * (end - start)

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
    """A hard-wrapped paragraph is judged whole, as the sentence it is.

    "Der Volltext dieses auf Agenturmeldungen" / "basierenden Artikels steht aus
    rechtlichen" / "Gründen nicht mehr zur Verfügung.": no line alone says it is a
    notice; the paragraph does.
    """
    from .lines import classify_line  # the line rules, applied to the joined lines

    for start, stop in doc.wrapped:
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

    "heute im Newsletter: Vier Tore von Ferriero, außerdem Programm "Ebay" / "Plus"
    soll Ende September starten ... Eine gute" / "Lektüre wünscht Walter Nowak.": the
    first line gives the sentence away; the wrapped lines that continue it (no blank
    line between, the line before ends mid-sentence) are the same sentence.
    """
    for start, stop in doc.wrapped:
        for i in range(start, stop - 1):
            if doc.reasons[i] != NEWSLETTER or _ENDS_SENTENCE.search(doc.text[i]):
                continue
            j = i + 1
            while j < stop and doc.kept(j):
                doc.reasons[j] = NEWSLETTER
                if _ENDS_SENTENCE.search(doc.text[j]):
                    break
                j += 1


_ENDS_SENTENCE = re.compile(r"[.!?…][\"'“”„«»’)\]]*$")


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
        heading_indent = _indent(doc.raw[i])
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
            if _indent(doc.raw[j]) > heading_indent and doc.words[j] <= _INDENTED_TEASER_WORDS:
                pass  # set in under the heading: an item of its list, whatever it reads like
            elif doc.words[j] > 20 or (doc.prose[j] and doc.words[j] > 14):
                break
            elif blanks > 0 and taken > 0 and SENTENCE_TAIL.search(doc.text[j]):
                break  # after a gap, a sentence is the article again, not a headline
            elif (below := doc.next_nonblank(j, limit=3)) >= 0 and (
                doc.prose[below] and doc.kept(below) and (blanks > 0 or taken == 0)
            ):
                break  # a heading of the article, followed by its paragraph
            doc.reasons[j] = RELATED
            taken += 1
            blanks = 0
            j += 1


_INDENTED_TEASER_WORDS = 40


def _indent(raw: str) -> int:
    return len(raw) - len(raw.lstrip(" \t"))


def author_bio(doc: Doc) -> None:
    """ "Über den Autor" / "About the author" and the short paragraph under it."""
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
    our coverage in your inbox." / "Your email address"). The headline, the first kept
    line, is left alone: pages print it between a breadcrumb and a pager."""
    headline = doc.first_kept()
    for i in range(1, len(doc) - 1):
        if not doc.kept(i) or doc.words[i] > 25 or doc.blank[i - 1] or doc.blank[i + 1]:
            continue
        if i == headline and doc.words[i] > MENU_ROW_ITEM_WORDS:
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


def ad_copy(doc: Doc) -> None:
    """The copy under an ad label ("Anzeige" / "Über 20.000 geprüfte Gebrauchtwagen warten
    auf Sie."): everything up to an end label ("-- ANZEIGE ENDE --"), or the short lines
    right under the label when they sell (talk to the reader, name a price, urge)."""
    count = len(doc)
    for i in range(count):
        if doc.reasons[i] != ADVERTISING or doc.words[i] > 4 or _is_end_label(doc.text[i]):
            continue
        end = next(
            (
                j
                for j in range(i + 1, min(count, i + 15))
                if doc.reasons[j] == ADVERTISING and _is_end_label(doc.text[j])
            ),
            -1,
        )
        if end >= 0:
            for j in range(i + 1, end):
                if doc.kept(j):
                    doc.reasons[j] = ADVERTISING
            continue
        copy: list[int] = []
        j = doc.next_nonblank(i, limit=2)
        while 0 <= j < count and not doc.blank[j] and len(copy) < AD_COPY_LINES:
            if not doc.kept(j) or doc.words[j] > AD_COPY_WORDS:
                break
            copy.append(j)
            j += 1
        if copy and any(AD_COPY.search(doc.text[k]) for k in copy):
            for k in copy:
                doc.reasons[k] = ADVERTISING


def _is_end_label(line: str) -> bool:
    low = line.lower()
    return "ende" in low or "end " in low


def byline_names(doc: Doc) -> None:
    """A name alone next to a date line or byline is the author ("Anna Egger" /
    "17. November 2015, 06:00 Uhr")."""
    for i in range(len(doc)):
        if not doc.kept(i) or not 2 <= doc.words[i] <= 4 or len(doc.text[i]) > 40:
            continue
        if not NAME_ONLY.pattern.match(doc.text[i]):
            continue
        neighbours = (doc.prev_nonblank(i, limit=1), doc.next_nonblank(i, limit=1))
        if any(j >= 0 and doc.reasons[j] in (DATE, BYLINE) for j in neighbours):
            doc.reasons[i] = BYLINE


def credit_names(doc: Doc) -> None:
    """The name under a credit label standing alone ("foto:" / "barbara gindl")."""
    for i in range(len(doc)):
        if doc.reasons[i] != IMAGE or not doc.text[i].endswith((":", "©")):
            continue
        below = doc.next_nonblank(i, limit=1)
        if below >= 0 and doc.kept(below) and doc.words[below] <= 5 and not doc.prose[below]:
            doc.reasons[below] = IMAGE


def contact_blocks(doc: Doc) -> None:
    """ "Rückfragehinweis:" and the lines of names, offices and numbers under it."""
    for i in range(len(doc)):
        if doc.words[i] > 5 or not CONTACT_HEADING.pattern.match(doc.text[i].lower()):
            continue
        doc.reasons[i] = CONTACT_HEADING.reason
        j = doc.next_nonblank(i, limit=2)
        taken = 0
        while 0 <= j < len(doc) and not doc.blank[j] and taken < CONTACT_BLOCK_LINES:
            if doc.kept(j) and (doc.words[j] > CONTACT_BLOCK_WORDS or doc.prose[j]):
                break
            if doc.kept(j):
                doc.reasons[j] = CONTACT_HEADING.reason
            taken += 1
            j += 1


def pull_quotes(doc: Doc) -> None:
    """A quotation set apart that repeats a sentence of the article is a pull quote (a
    quoted headline, the first kept line, is left alone). It may be wrapped over a few
    lines of a column, and the article's sentence over others: the comparison ignores
    line breaks and the hyphens that split words at them."""
    first = doc.first_kept()
    checks = 0
    flat = ""
    for i in range(first + 1, len(doc)):
        line = doc.text[i]
        if not doc.kept(i) or line[0] not in _OPENING_QUOTES:
            continue
        last = _quotation_end(doc, i)
        if last < 0 or not 5 <= sum(doc.words[i : last + 1]) <= 60:
            continue
        checks += 1
        if checks > _PULL_QUOTE_CHECKS:
            return  # each check reads the page: a bound keeps the rule linear
        quoted = " ".join(doc.text[i : last + 1]).strip(_QUOTE_MARKS + " ").rstrip(".!?…,;:")
        inner = _flatten(quoted)
        if len(inner) < 20:
            continue
        flat = flat or _flatten(doc.source)
        found = flat.find(inner)
        if found >= 0 and flat.find(inner, found + len(inner)) >= 0:
            for j in range(i, last + 1):  # found twice: the quote and the article's sentence
                doc.reasons[j] = PULL_QUOTE


def _quotation_end(doc: Doc, i: int) -> int:
    """The line where the quotation opened on line i closes, within its paragraph (-1:
    it does not close there, so it is the start of a paragraph, not set apart)."""
    for j in range(i, min(len(doc), i + _PULL_QUOTE_LINES)):
        if doc.blank[j] or not doc.kept(j):
            return -1
        if doc.text[j].rstrip(" .!?…,;:")[-1:] in _QUOTE_MARKS and (j > i or len(doc.text[j]) > 1):
            return j
    return -1


def _flatten(text: str) -> str:
    """Lower case, whitespace collapsed, and words split by a hyphen at a line break
    joined (a pull quote may start with a capital the sentence has not)."""
    return _BROKEN_WORD.sub("", " ".join(text.lower().split()))


_BROKEN_WORD = re.compile(r"(?<=[a-zäöüß])- (?=[a-zäöüß])")
_PULL_QUOTE_LINES = 8
_PULL_QUOTE_CHECKS = 30
_OPENING_QUOTES = "„\"»«“‚'"
_QUOTE_MARKS = "„“”\"»«‚‘’'"


def capitals(doc: Doc) -> None:
    """All-capitals lines of several words: headings of boxes and notices, not the
    article (the headline, the first kept line, is left alone)."""
    first = doc.first_kept()
    for i in range(len(doc)):
        if (
            i != first
            and doc.kept(i)
            and CAPITALS_WORDS <= doc.words[i] <= CAPITALS_MAX_WORDS
            and doc.text[i].isupper()
        ):
            doc.reasons[i] = CAPITALS


def site_header(doc: Doc) -> None:
    """Lines above the site's menu are the site's name and slogan, when a headline
    follows the menu ("Querbeet – Notizen aus Wien" / "Startseite" / "Archiv" / title)."""
    first_prose = doc.first_prose()
    menu = next((i for i in range(len(doc)) if doc.reasons[i] == MENU), -1)
    if menu < 0 or (first_prose >= 0 and menu > first_prose):
        return
    end = first_prose if first_prose >= 0 else len(doc)
    if not any(doc.kept(j) and not doc.prose[j] for j in range(menu + 1, end)):
        return  # no headline under the menu: what is above it may be the headline
    for i in range(menu):
        if doc.kept(i) and not doc.prose[i] and doc.words[i] <= _SITE_HEADER_WORDS:
            doc.reasons[i] = MENU


_SITE_HEADER_WORDS = 12


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
    for i in range(last + 1, len(doc)):
        if doc.blank[i]:
            continue
        if doc.reasons[i]:
            junk_started = True
        elif junk_started and not _short_paragraph(doc, i):
            doc.reasons[i] = TRAILING


def _short_paragraph(doc: Doc, i: int) -> bool:
    """A sentence of a few words standing alone between blank lines."""
    return (
        doc.words[i] >= _SHORT_PARAGRAPH_WORDS
        and SENTENCE_TAIL.search(doc.text[i]) is not None
        and (i == 0 or doc.blank[i - 1])
        and (i + 1 == len(doc) or doc.blank[i + 1])
    )


_SHORT_PARAGRAPH_WORDS = 5
