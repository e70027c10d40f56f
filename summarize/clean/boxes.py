"""Context rules for boxes and blocks: what a line is, told by the lines around it.

Teaser lists under "Mehr zum Thema" (and teaser cards, most-read lists), author bios
and boxes, runs of short menu lines, image captions above a credit, lines boxed in by
junk, a category label above the headline, ad copy under an ad label, names next to a
byline or an author's role, credits, contact blocks, pull quotes, capitals headings
and the site's header above its menu. Each runs on a `Doc` (summarize.clean.context)
after the line verdicts, and every look-around window is bounded, so each rule is
linear in the number of lines.
"""

from __future__ import annotations

import re

from .context import Doc, indent
from .rules import (
    AD_COPY,
    AD_COPY_LINES,
    AD_COPY_WORDS,
    ADVERTISING,
    AUTHOR_BIO,
    AUTHOR_BIO_HEADING,
    BOX_REASONS,
    BULLET,
    BYLINE,
    CAPITALS,
    CAPITALS_MAX_WORDS,
    CAPITALS_WORDS,
    CAPTION,
    CATEGORY,
    CONTACT_BLOCK_LINES,
    CONTACT_BLOCK_WORDS,
    CONTACT_HEADING,
    DATE,
    ELLIPSIS,
    ENDS_LIKE_SENTENCE,
    FOLLOW_BUTTON,
    IMAGE,
    MENU,
    MENU_ROW_ITEM_WORDS,
    NAME_IN_PLACE,
    NAME_ONLY,
    PULL_QUOTE,
    RELATED,
    RELATED_HEADING,
    SENTENCE_TAIL,
    SOCIAL,
)


def related_blocks(doc: Doc) -> None:
    """Drop the teaser headlines listed under a "Mehr zum Thema" / "Related" heading.

    The block ends at the first real paragraph, after two blank lines, or after 15
    teasers. A short line standing alone right above a paragraph is that paragraph's
    heading, so it stays; but not above a cut teaser ("…") or a card's headline. Lines
    set in under the heading, and teaser cards (a headline, then the headline with its
    teaser), are items whatever they read like.
    """
    count = len(doc)
    for i in range(count):
        if doc.reasons[i] != RELATED or not RELATED_HEADING.pattern.match(doc.text[i].lower()):
            continue
        j, blanks, taken = i + 1, 0, 0
        heading_indent = indent(doc.raw[i])
        previous = ""
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
            below = doc.next_nonblank(j, limit=3)
            if doc.words[j] <= _CARD_WORDS and (
                (indent(doc.raw[j]) > heading_indent)  # set in under the heading
                or _card_repeats(previous, doc.text[j])  # a card: headline, then with teaser
                or (below >= 0 and _card_repeats(doc.text[j], doc.text[below]))
            ):
                pass  # an item of the list, whatever it reads like
            elif doc.words[j] > 20 or (doc.prose[j] and doc.words[j] > 14):
                break
            elif blanks > 0 and taken > 0 and SENTENCE_TAIL.search(doc.text[j]):
                break  # after a gap, a sentence is the article again, not a headline
            elif (
                below >= 0
                and doc.prose[below]
                and doc.kept(below)
                and (blanks > 0 or taken == 0)
                and not doc.text[j].endswith(ELLIPSIS)
                and not doc.text[below].endswith(ELLIPSIS)  # a cut teaser is no paragraph
                and not _card_head(doc, below)  # nor the headline of a teaser card
            ):
                break  # a heading of the article, followed by its paragraph
            doc.reasons[j] = RELATED
            previous = doc.text[j]
            taken += 1
            blanks = 0
            j += 1


def ranked_lists(doc: Doc) -> None:
    """A list of headlines numbered 1, 2, 3 ... without full stops ("1 Der Bürgermeister
    will dort für eine Brücke werben" / "2 Forscher vermuten, dass …"): a most-read box. An
    article's own lists number "1." or "1)", or end their items in full stops."""
    i, count = 0, len(doc)
    while i < count:
        j, number = i, 1
        while j < count and doc.kept(j) and _ranked_item(doc.text[j], number):
            j, number = j + 1, number + 1
        if number - 1 >= _RANKED_ITEMS:
            for k in range(i, j):
                doc.reasons[k] = RELATED
        i = max(j, i + 1)


def _ranked_item(line: str, number: int) -> bool:
    head = f"{number} "
    return (
        line.startswith(head)
        and line[len(head) : len(head) + 1].isupper()
        and not line.endswith((".", "!", "?", ":"))
    )


_RANKED_ITEMS = 3


def _card_head(doc: Doc, i: int) -> bool:
    """Line i is a teaser card's headline: the next line repeats it with its teaser."""
    below = doc.next_nonblank(i, limit=1)
    return below >= 0 and _card_repeats(doc.text[i], doc.text[below])


def _card_repeats(first: str, second: str) -> bool:
    """The second line starts with the first (cut with an ellipsis or not): a teaser card
    that shows a headline and then the headline with its teaser."""
    head = first.rstrip("…. ")
    return len(head) >= _CARD_HEAD_CHARS and len(second) > len(head) and second.startswith(head)


_CARD_WORDS = 60
_CARD_HEAD_CHARS = 15


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
    "17. November 2015, 06:00 Uhr"), and next to an author box's role line ("Anna
    Egger" / "Redakteurin im Inland." / "Folgen"); a name with where it writes from,
    above the text and under the headline, is a correspondent's byline ("Nina Bauer in
    Wien")."""
    headline = doc.first_kept()
    prose_above = 0
    for i in range(len(doc)):
        if doc.kept(i) and doc.prose[i]:
            prose_above += 1
        if not doc.kept(i) or not 2 <= doc.words[i] <= 8 or len(doc.text[i]) > 60:
            continue
        # under the headline, and above the text or under its teaser
        header = headline < i and prose_above <= 1
        if header and NAME_IN_PLACE.pattern.match(doc.text[i]):
            doc.reasons[i] = BYLINE
            continue
        if doc.words[i] > 4 or len(doc.text[i]) > 40 or not NAME_ONLY.pattern.match(doc.text[i]):
            continue
        above, below = doc.prev_nonblank(i, limit=1), doc.next_nonblank(i, limit=1)
        if any(j >= 0 and doc.reasons[j] in (DATE, BYLINE) for j in (above, below)):
            doc.reasons[i] = BYLINE
        elif below >= 0 and doc.reasons[below] == AUTHOR_BIO:
            doc.reasons[i] = AUTHOR_BIO
            follow = doc.next_nonblank(below, limit=1)
            if follow >= 0 and doc.kept(follow) and FOLLOW_BUTTON.match(doc.text[follow]):
                doc.reasons[follow] = AUTHOR_BIO


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
        closing = doc.text[j].rstrip(" .!?…,;:")[-1:]
        if closing in _QUOTE_MARKS and (j > i or len(doc.text[j]) > 1):  # not a lone mark
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
