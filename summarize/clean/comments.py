"""Finding reader comments, by their markers and by their structure.

Reader comments are prose, like the article, so no rule about one line can tell them
apart. What gives them away is what stands between them: a comment section is a run of
short records, and between the texts of two records stands a cluster of record lines
(summarize.clean.records: names over times, votes and buttons, reply headers,
profiles). Such clusters recur every few lines; an article has at most one of them
(its byline and date) and then long prose.

Three finders run, and every line they find is dropped:

- structure: each run of record clusters at comment-sized distances. The text with by
  far the most running text is the article, and no run takes it in, so a box of
  comments between the lead and the text goes and the text stays. The cluster that
  opens the article (its byline and date, or the header of the forum post it was pasted
  into) is told apart by the long text after it, and a writer's own thread (the article
  cut into posts) by its author. A run that reaches the last cluster runs to the end of
  the page (the last record, then the footers);
- markers: "Leave a reply", "3 Gedanken zu ...", "Kommentare lesen", numbered replies,
  "X sagt:" twice start the section once running text stands above them; counters
  ("23 Kommentare", "417 Postings") only below the article, when replies follow before
  the next paragraphs of text, and not when shown again further down. From a marker to
  the end of the page every line goes;
- a reader's words over the article they share: a post's first lines written as one
  speaks (I and you, exclamations, trailing dots, no capital), then the article's
  plain report in the same post (summarize.clean.comments.shared_with_words).

Every window is bounded, so the work is linear in the number of lines.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterator

from . import records
from .context import Doc, indent
from .rules import (
    COMMENT_COUNTER,
    COMMENT_START,
    COMMENTS,
    ENDS_SENTENCE,
    FORUM_REPLY,
    MENTION,
    NUMBERED_ITEM,
    REPLY_CONTROL,
    SAYS,
    SHORT_WORDS,
    SIGNOFF,
)

# --------------------------------------------------------------------------- evidence
# Kinds of reply-like evidence on one line, as bits.
_MENTION_EVIDENCE, _REPLY_EVIDENCE, _SAYS_EVIDENCE, _SIGNOFF_EVIDENCE = 1, 2, 4, 8
_ANY_EVIDENCE = _MENTION_EVIDENCE | _REPLY_EVIDENCE | _SAYS_EVIDENCE | _SIGNOFF_EVIDENCE


def _evidence(doc: Doc, i: int) -> int:
    """Bitmask of reply-like evidence on line i (mentions, reply buttons, sign-offs ...).

    Cached per line: several look-ahead windows may cover the same line.
    """
    cached = doc.evidence_cache[i]
    if cached is None:
        cached = doc.evidence_cache[i] = _line_evidence(doc, i)
    return cached


def _line_evidence(doc: Doc, i: int) -> int:
    line = doc.text[i]
    low = line[:200].lower()  # every evidence pattern is anchored at the start
    evidence = 0
    if "@" in line and MENTION.pattern.search(line):
        evidence |= _MENTION_EVIDENCE
    if doc.words[i] <= 12:
        if REPLY_CONTROL.pattern.match(low) or records.record_kinds(doc, i) & records.CONTROLS:
            evidence |= _REPLY_EVIDENCE
        if SAYS.pattern.match(low):
            evidence |= _SAYS_EVIDENCE
        if SIGNOFF.pattern.match(low):
            evidence |= _SIGNOFF_EVIDENCE
    elif SIGNOFF.pattern.match(low):
        evidence |= _SIGNOFF_EVIDENCE  # "Hallo Helmut, ..." opening a long reply
    return evidence


# --------------------------------------------------------------------------- markers
def _numbered_replies(doc: Doc, i: int) -> tuple[bool, int]:
    """Does the numbered list starting at line i (item "1.") look like a reply thread?

    Returns (is_thread, index after the list). An article's own list ("1. Erstens ...")
    has no @mentions, sign-offs, reply buttons or nested restarts, so it is not taken.
    """
    base = indent(doc.raw[i])
    kinds = mentions = 0
    nested = False
    j = i
    end = min(len(doc), i + 1000)  # bounded window: keeps the scan linear
    while j < end:
        if not doc.blank[j]:
            raw = doc.raw[j]
            depth = indent(raw)
            item = NUMBERED_ITEM.match(raw)
            if j > i and (depth < base or (depth == base and not item)):
                break  # the list has ended
            if item and depth > base:
                nested = True  # "1. @Andrea" under "3. ...": a reply to a reply
            evidence = _evidence(doc, j)
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


# A counter line has at most this many words ("Kommentare (12)", "417 Postings").
_COUNTER_WORDS = 6
# A counter ("23 Kommentare") opens the comments only if replies show before this many
# lines of running text: a counter in the page header is followed by the article.
_TEXT_BEFORE_EVIDENCE = 2


def _counter_opens_comments(doc: Doc, i: int, last_prose: int) -> bool:
    """A counter ("23 Kommentare") starts the comments if replies follow it at once,
    or if nothing of substance follows it."""
    seen = prose = 0
    for j in range(i + 1, min(len(doc), i + 80)):
        if doc.blank[j]:
            continue
        seen += 1
        if _evidence(doc, j) & _ANY_EVIDENCE or records.record_kinds(doc, j) & records.RECORD_KINDS:
            return True
        if records.is_name_over_time(doc, j, doc.next_nonblank(j, limit=2)):
            return True
        item = NUMBERED_ITEM.match(doc.raw[j])
        if seen <= 5 and item and item.group(2) == "1":
            return True
        if doc.prose[j] and doc.kept(j):
            prose += 1
            if prose > _TEXT_BEFORE_EVIDENCE:
                return False
    # nothing of substance follows: dropping to the end loses no article text
    return prose == 0 and last_prose < i


def _shown_again(doc: Doc, i: int, last_shown: dict[str, int]) -> bool:
    """The same counter stands again further down ("417 Postings" at the top and above
    the forum): the first is a link in the page header, the last opens the comments."""
    return last_shown.get(doc.text[i].casefold(), i) > i


def _last_shown(doc: Doc) -> dict[str, int]:
    """Short line (case folded) -> the last line it stands on."""
    return {
        doc.text[i].casefold(): i
        for i in range(len(doc))
        if not doc.blank[i] and doc.words[i] <= _COUNTER_WORDS
    }


def _marker_starts(doc: Doc) -> Iterator[tuple[int, bool]]:
    """Where the markers say the comments may start, first to last, and whether the
    marker is a strong one (a counter is not).

    Only markers after the first paragraph of prose count: the same words near the top
    are comment counters in the page header, which are dropped on their own.
    """
    first, last = doc.first_prose(), doc.last_prose()
    last_shown: dict[str, int] | None = None
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
        counter = (
            short
            and not strong
            and doc.words[i] <= _COUNTER_WORDS
            and bool(COMMENT_COUNTER.pattern.match(low))
        )
        if first < 0 or i <= first:
            if strong or counter:
                doc.reasons[i] = COMMENT_COUNTER.reason
            i += 1
            continue
        if strong or (short and FORUM_REPLY.pattern.match(low)):
            yield i, True
        elif counter:
            if last_shown is None:
                last_shown = _last_shown(doc)
            if _counter_opens_comments(doc, i, last) and not _shown_again(doc, i, last_shown):
                yield i, False
            else:
                doc.reasons[i] = COMMENT_COUNTER.reason
        item = NUMBERED_ITEM.match(doc.raw[i])
        if item and item.group(2) == "1":
            is_thread, after = _numbered_replies(doc, i)
            if is_thread:
                yield i, True
            i = max(after, i + 1)
            continue
        if doc.words[i] <= 12:
            evidence = _evidence(doc, i)
            if evidence & _SAYS_EVIDENCE:
                says.append(i)
            elif says:
                says_evidence |= evidence
            # "Name says:" twice, with a reply button, mention or sign-off: a thread (a
            # live blog's "Scholz schrieb:" lines come without those)
            if len(says) >= 2 and says_evidence:
                yield says[0], True
                says.clear()
        elif says and "@" in line and MENTION.pattern.search(line):
            says_evidence |= _MENTION_EVIDENCE
        i += 1


# --------------------------------------------------------------------------- runs
# A text between boundaries this long (of running text), and this many times as long as
# any other, can only be the article.
_ARTICLE_CHARS = 500
_ARTICLE_LEAD = 1.5
# A thread's article is above it or in its first post (perhaps continued in the opening
# poster's next one); a long text after this many posts with text is a comment.
_COMMENTS_ABOVE = 3
_POST_WORDS = 3  # a kept line of this many words is a post's text, not its header
# The text after a byline is an article, not a record, when it has two lines or more and
# is this many times as long as the typical record's text (and at least this long).
_ARTICLE_TO_RECORD = 2.5
_SHORTEST_ARTICLE = 250
# The text of one record (between two boundaries) is at most this long; a longer text
# is an article, or a break in the section.
_RECORD_TEXT_CHARS = 2400
# A record's typical text is the median of this many after the first.
_TYPICAL_RECORDS = 8
_RECORD_TEXT_LINES = 30


def _record_regions(
    doc: Doc, boundaries: list[records.Boundary], texts: list[tuple[int, int]], article: int | None
) -> Iterator[tuple[int, int]]:
    """The (first, past-last) lines of each run of records.

    ``article`` is the index of the text segment holding the article (-1: above the
    first boundary; None: unknown). A run never takes it in: the article ends a run
    and the next one starts after it (a box of comments between lead and text is a run
    of its own). A run that reaches the last boundary runs to the end of the page (the
    last record's text, then footers); another one ends at its last boundary, where a
    text longer than a record's begins.
    """
    # reach[k]: the last boundary a run starting at k gets to through record-sized texts
    reach = list(range(len(boundaries)))
    for k in range(len(texts) - 1, -1, -1):
        if _record_sized(texts[k]) and k != article:
            reach[k] = reach[k + 1]
    first_prose = doc.first_prose()
    if first_prose < 0:
        return  # no running text at all: nothing tells comments from an article
    s = 0
    while s < len(boundaries) - 1:
        end = reach[s]
        start = _run_start(doc, boundaries, texts, s, end, first_prose)
        if start >= 0:
            stop = len(doc) if end == len(boundaries) - 1 else boundaries[end].end + 1
            yield _section_start(doc, boundaries[start]), stop
        s = end + 1


def _run_start(
    doc: Doc,
    boundaries: list[records.Boundary],
    texts: list[tuple[int, int]],
    s: int,
    end: int,
    first_prose: int,
) -> int:
    """The boundary where the comments of the run s..end start (-1: it is no comments)."""
    writer = next((a for k in range(s - 1, -1, -1) if (a := _author(doc, boundaries[k]))), None)
    if writer is None:
        # a run that opens with one writer's posts is that writer's thread: the article
        opener = _author(doc, boundaries[s])
        following = next(
            (a for k in range(s + 1, end + 1) if (a := _author(doc, boundaries[k]))), None
        )
        if opener is not None and opener == following:
            writer = opener
    while s < end:
        opening = boundaries[s]
        author = _author(doc, opening)
        if opening.start < first_prose and not opening.kinds & records.MARKER:
            s += 1  # the header of the page, or of the post an article is pasted into
        elif writer is not None and writer in (author, _author(doc, boundaries[s + 1])):
            s += 1  # the same writer goes on: one post (or thread) in several parts
        elif _opens_an_article(texts[s], texts[s + 1 : min(end, s + 1 + _TYPICAL_RECORDS)]):
            s += 1  # a byline over a short article
        else:
            break
        writer = author or writer
    if end - s < 1:
        return -1
    if end - s == 1 and not boundaries[s].kinds & (
        records.MARKER | records.CONTROLS | records.REPLY
    ):
        return -1  # one name and date, then one text: a byline
    return s


def _author(doc: Doc, boundary: records.Boundary) -> str | None:
    """Who wrote the record a boundary heads: its @handle, or the name over its time."""
    for i in range(boundary.start, boundary.end + 1):
        if doc.blank[i]:
            continue
        line = doc.text[i]
        if line.startswith("@"):
            return line.split()[0].casefold()
        if records.is_name_over_time(doc, i, doc.next_nonblank(i, limit=2)):
            return line.casefold()
    return None


def _article_segment(doc: Doc, boundaries: list[records.Boundary]) -> int | None:
    """Which text between boundaries holds the most running text: the article.

    -1 is the text above the first boundary, k the text after boundary k. Comments
    are many short texts between boundaries; the article is one long text. None when
    no text is long enough to tell an article from a comment.
    """
    edges = [-1] + [b for boundary in boundaries for b in (boundary.start, boundary.end)]
    edges.append(len(doc))
    best, best_chars, second_chars = -1, -1, -1
    prose_above = 0  # running text above the first boundary
    posts = []  # whether each segment holds a kept sentence (a post's text)
    for k in range(len(boundaries) + 1):
        first, last = edges[2 * k] + 1, edges[2 * k + 1]
        chars = sum(len(doc.text[j]) for j in range(first, last) if doc.prose[j] and doc.kept(j))
        prose_above = chars if k == 0 else prose_above
        posts.append(any(doc.kept(j) and doc.words[j] >= _POST_WORDS for j in range(first, last)))
        if chars > best_chars:
            best, best_chars, second_chars = k - 1, chars, best_chars
        elif chars > second_chars:
            second_chars = chars
    if best_chars < _ARTICLE_CHARS or best_chars < _ARTICLE_LEAD * second_chars:
        return None  # an article cut into posts, or no text stands out
    if prose_above < _SHORTEST_ARTICLE and sum(posts[: best + 1]) >= _COMMENTS_ABOVE:
        # Pages put the article above their comments, or in a forum's first post; a
        # long text after several posts with no running text above them is a long
        # comment under an article the page no longer shows (a stub, a deleted post).
        return None
    return best


def _record_sized(text: tuple[int, int]) -> bool:
    chars, lines = text
    return chars <= _RECORD_TEXT_CHARS and lines <= _RECORD_TEXT_LINES


def _opens_an_article(first: tuple[int, int], rest: list[tuple[int, int]]) -> bool:
    """The text after the opening boundary is far longer than the records' texts after
    it: the boundary is a byline over a short article, not the first record.

    A single paragraph is taken for a record: a long first comment is likelier than an
    article of one paragraph under a byline.
    """
    chars, lines = first
    if lines < 2:
        return False
    typical = statistics.median(c for c, _ in rest) if rest else 0
    return chars > max(_ARTICLE_TO_RECORD * typical, _SHORTEST_ARTICLE)


def _section_start(doc: Doc, opening: records.Boundary) -> int:
    """The first line of the comment section: the opening boundary, or a heading or
    counter right above it ("Diskussion (9 Beiträge)", "Ihre Meinung")."""
    start = opening.start
    above = doc.prev_nonblank(start, limit=3)
    if above >= 0 and doc.words[above] <= 6 and records.record_kinds(doc, above) & records.MARKER:
        start = above
    return start


# --------------------------------------------------------------------------- the section
def comment_section(doc: Doc) -> None:
    """Drop the reader comments: every run of records, and from a marker to the end."""
    boundaries = records.boundaries(doc)
    texts = [records.text_between(doc, a, b) for a, b in zip(boundaries, boundaries[1:])]
    article = _article_segment(doc, boundaries)
    regions = list(_record_regions(doc, boundaries, texts, article))
    # a counter counts below the article's text, when the article is known; a strong
    # marker (and any marker otherwise) below the first running text
    first_prose = doc.first_prose()
    below = first_prose
    if article is not None and article >= 0:
        below = max(below, boundaries[article].end)
    marker = next(
        (m for m, strong in _marker_starts(doc) if m > (first_prose if strong else below)),
        -1,
    )
    if marker >= 0:
        regions.append((marker, len(doc)))
    for first, stop in regions:
        for j in range(first, stop):
            if not doc.blank[j]:
                doc.reasons[j] = COMMENTS


# --------------------------------------------------------------------------- a post's own words
# Signs of speech, not report, outside quotation marks: the first and second person, an
# exclamation or question, trailing dots, a line that opens in lower case.
_SPOKEN_WORDS = re.compile(
    r"\b(?:ich|mir|mich|du|dir|dich|euch|wir|uns|(?:unser|mein|dein|eur)(?:e[mnrs]?)?|hab|hast"
    r"|bist|i|me|my|you|your|we|our)\b",
    re.IGNORECASE,
)
_SPOKEN_ENDS = re.compile(r"[!?]\W*$")
_TRAILING_DOTS = re.compile(r"(?:\.{3,}|…)\W*$")
# Sentence ends, the mark kept with the sentence before ("3. Stelle" is no end).
_SENTENCES = re.compile(r"(?<=[.!?…])(?<![0-9]\.)[\"'“”«»’)\]]*\s+")
_QUOTED = re.compile(r"„[^“”\n]*[“”]|“[^”\n]*”|»[^«\n]*«|«[^»\n]*»|\"[^\"\n]*\"")
# The reader's words show at least this many of the four signs (each of their lines
# one or more): one alone is a quoted question, a headline's exclamation, a "we".
_SPOKEN_SIGNS = 2
# The report after the reader's words: at least this many characters of running text.
_SHARED_REPORT_CHARS = 250


def spoken_signs(line: str, continued: bool = False) -> int:
    """Which signs of speech the line shows, as bits; 0 when it reads as a report, or
    when no more than half of its sentences show one (a report asks a question too).

    ``continued``: the line goes on a sentence from the line above (hard-wrapped text),
    so its lower-case start is no sign.
    """
    bare = _QUOTED.sub(" ", line)
    found = speaking = 0
    sentences = [part for part in _SENTENCES.split(bare) if part.strip()]
    for k, sentence in enumerate(sentences):
        signs = (
            _SPOKEN_WORDS.search(sentence) is not None,
            _SPOKEN_ENDS.search(sentence) is not None,
            _TRAILING_DOTS.search(sentence) is not None,
            k == 0 and not continued and sentence.lstrip()[:1].islower(),
        )
        bits = sum(1 << b for b, sign in enumerate(signs) if sign)
        found |= bits
        speaking += bits != 0
    return found if 2 * speaking > len(sentences) else 0


def shared_with_words(doc: Doc) -> None:
    """Drop a reader's words over the article they share, in the first post that holds
    the article: the post's first kept lines read as speech, and a plain report of
    running text follows ("Unglaublich! Und dann wieder
    nichts...." / "Wien – Die Landesregierung hat am Montag ..."), in the same post or in
    the poster's next ones.

    Only the first text after a post header, above the article's first running text, is
    looked at: speech inside an article (an interview, a column) is not preceded by a
    post header, or follows the article's own report.
    """
    first_prose = doc.first_prose()
    if first_prose < 0:
        return
    header = next((b for b in reversed(records.boundaries(doc)) if b.end < first_prose), None)
    if header is None:
        return
    words: list[int] = []
    signs = 0
    report = 0
    previous = ""
    for j in range(header.end + 1, len(doc)):
        if doc.reasons[j] == COMMENTS:
            break  # the comment section: nothing of the article follows
        if doc.blank[j] or not doc.kept(j):
            continue
        line = doc.text[j]
        line_signs = 0 if report else spoken_signs(line, _goes_on(previous))
        previous = line
        if line_signs:
            words.append(j)
            signs |= line_signs
        elif doc.prose[j]:
            report += len(line)
            if report >= _SHARED_REPORT_CHARS:
                break
        elif not words:
            return  # a headline or teaser first: the post opens with the article
    if bin(signs).count("1") >= _SPOKEN_SIGNS and report >= _SHARED_REPORT_CHARS:
        for j in words:
            doc.reasons[j] = COMMENTS


def _goes_on(line: str) -> bool:
    """The line stops mid-sentence (the next line continues it)."""
    return bool(line) and not ENDS_SENTENCE.search(line)
