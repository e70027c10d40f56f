"""Mark the boilerplate lines of a scraped article as dropped, each with a short reason.

Nothing is ever deleted: every line of the input is returned with its exact character
offsets, so citations (file:line) and sentence offsets keep pointing into the original
text. Cleaning is rule based and explainable: every rule lives in `rules.py` (tables of
compiled patterns and word lists, each with a comment saying why it exists), and
`clean_text` here is the single driver that applies them in a fixed order:

1. line verdicts (`lines.py`): each line on its own (menus, bylines, dates, prices,
   newsletter and consent text, related-link headings, image credits, disclaimers,
   share bars ...);
2. context rules: decisions that need neighbours: the reader comments, found by their
   structure (`comments.py`, over the record lines of `records.py`); boxes and blocks
   (`boxes.py`: runs of short menu lines, teaser lists under "Mehr zum Thema", author
   boxes, image captions above a credit, pull quotes); and the page as a whole
   (`context.py`: "Von" + name on the next line, wrapped notices, junk at the end);
3. repeated lines: a line equal to an earlier kept line (case and whitespace ignored).

German and English rules always both apply (sites mix languages: "Share" buttons on
German pages, "Lesen Sie auch" on translated content). Everything is linear in the size
of the text: long lines are only scanned by cheap substring tests before any regex runs,
and every look-around window is bounded.
"""

from __future__ import annotations

import re

from ..results import Cleaned, Line
from . import boxes, comments, context
from .lines import classify_line
from .rules import BULLET, HAS_ALNUM, LABEL_WORDS

__all__ = ["Cleaned", "Line", "clean_text"]


# --------------------------------------------------------------------------- driver
def clean_text(text: str) -> Cleaned:
    """Mark each line kept or dropped (with a reason). Never raises; linear time."""
    spans = _split_lines(text)
    doc = context.Doc(text, spans)

    # 1. line verdicts; short lines repeat a lot in dumps of many pages (menus, share
    # bars, comment-form labels), so their verdicts are memoised
    memo: dict[str, str] = {}
    for i in range(len(doc)):
        if doc.blank[i]:
            continue
        line = doc.text[i]
        if doc.words[i] <= LABEL_WORDS:
            reason = memo.get(line)
            if reason is None:
                reason = memo[line] = classify_line(line, doc.words[i])
            doc.reasons[i] = reason
        else:
            doc.reasons[i] = classify_line(line, doc.words[i])

    # 2. context rules (order matters: the comment section overrides everything after it)
    context.bylines_split_over_lines(doc)
    context.wrapped_paragraphs(doc)
    context.sentences_over_lines(doc)
    comments.comment_section(doc)
    comments.shared_with_words(doc)
    boxes.related_blocks(doc)
    boxes.ranked_lists(doc)
    boxes.author_bio(doc)
    boxes.contact_blocks(doc)
    boxes.ad_copy(doc)
    boxes.menu_runs(doc)
    boxes.site_header(doc)
    boxes.captions(doc)
    boxes.credit_names(doc)
    boxes.byline_names(doc)
    boxes.pull_quotes(doc)
    boxes.capitals(doc)
    boxes.boxed_lines(doc)
    boxes.category_label(doc)

    # 3. repeated lines, then what is left over at the end of the page
    context.repeated_lines(doc)
    context.trailing(doc)

    lines = tuple(
        Line(
            number=i + 1,
            start=start,
            end=end,
            kept=not doc.reasons[i],
            reason=doc.reasons[i],
            blank=doc.blank[i],
        )
        for i, (start, end) in enumerate(spans)
    )
    title = None
    first = doc.first_kept()
    if first >= 0 and _looks_like_title(doc.text[first], doc.words[first]):
        title = doc.text[first]
    return Cleaned(lines=lines, title=title)


_LINE_END = re.compile(r"\r\n|\r|\n")


def _split_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line's content; "\\r\\n", "\\r" and "\\n" all end a line.

    Like str.splitlines for these three terminators: a final terminator does not open
    an extra empty line, and an empty text has no lines.
    """
    spans: list[tuple[int, int]] = []
    position = 0
    for match in _LINE_END.finditer(text):
        spans.append((position, match.start()))
        position = match.end()
    if position < len(text):
        spans.append((position, len(text)))
    return spans


def _looks_like_title(line: str, words: int) -> bool:
    return (
        0 < words <= 30
        and len(line) <= 250
        and not line.endswith((".", ",", ";"))
        and not BULLET.match(line)
        and bool(HAS_ALNUM.search(line))
    )
