"""Record lines: what stands between two readers' posts, and where such lines cluster.

A comment section is a run of records; between the texts of two records there is a
cluster of short lines that are not prose (summarize.clean.comments reads the runs):

- a time alone ("21.01.2016, 08:59", "vor 9 Minuten") or a name with its time
  ("Igel12 heute, 18:49 Uhr"), a name right over a time ("Haferl" / "08:59");
- votes and buttons ("3 ▲ 0 ▼", "antworten permalink melden", "Gefällt mir (4)");
- reply headers ("Antwort auf Posting von X", "Re: ...", "@X", "Zitat von X:"),
  numbering ("#3"), the poster's profile ("Registriert seit: 10/2008");
- forum headings and counters ("417 Postings", "Neueste zuerst").

Each line's kind is computed once and cached on the Doc; cheap substring tests come
before any regex, since most lines are none of these.
"""

from __future__ import annotations

from dataclasses import dataclass

from .context import Doc
from .rules import (
    CLOCK_TIME,
    COMMENT_COUNTER,
    COMMENT_START,
    DATE,
    FORUM_UI,
    RECORD_CONTROLS,
    RECORD_NUMBER,
    RECORD_PROFILE,
    RECORD_REPLY,
    RECORD_TIME,
    SAYS,
    SENTENCE_END,
)

# Kinds of record lines, as bits: what a line between two readers' texts can be.
TIME = 1  # a date or time alone: "21.01.2016, 08:59", "vor 9 Minuten", "• 4h ago"
STAMP = 2  # a name (or subject) with a date: "Igel12 heute, 18:49 Uhr"
CONTROLS = 4  # votes and buttons: "3 ▲ 0 ▼", "antworten permalink melden", "Gefällt mir (4)"
REPLY = 8  # "Antwort auf Posting von X", "Re: ...", "X sagt:", "@X ...", "level 2"
NUMBER = 16  # "#3", "3.", "3. Subject of the post…"
MARKER = 32  # "417 Postings", "Neueste zuerst", "Kommentare (12)", "Join the discussion"
NAME = 64  # a short name right above a time: "Haferl" / "21.01.2016, 08:59"
PROFILE = 128  # the poster's profile: "Registriert seit: 10/2008", "Beiträge: 2.738"
# Kinds that mark a record boundary on their own; a time or a number needs company.
STRONG_KINDS = STAMP | CONTROLS | REPLY | MARKER | PROFILE
# Kinds only a record has (a marker heads a section, it is not a record).
RECORD_KINDS = STAMP | CONTROLS | REPLY | PROFILE
WEAK_KINDS = TIME | NUMBER | NAME

# Record lines are short; longer lines are text.
_RECORD_WORDS = 14
_RECORD_CHARS = 160
# A name over a time: at most this many words and characters, no sentence ending.
_NAME_WORDS = 4
_NAME_CHARS = 40


def record_kinds(doc: Doc, i: int) -> int:
    """What kind of record line line i is (0: text, or not a record line)."""
    cached = doc.record_cache[i]
    if cached is not None:
        return cached
    kinds = 0
    line = doc.text[i]
    if line and doc.words[i] <= _RECORD_WORDS and len(line) <= _RECORD_CHARS:
        low = line.lower()
        # cheap substring tests first: most lines are none of these
        if doc.reasons[i] == DATE:
            kinds |= TIME
        elif _has_any(low, _TIME_HINTS) and RECORD_TIME.search(low):
            kinds |= _stamp_kind(low)
        if RECORD_CONTROLS.pattern.match(low):
            kinds |= CONTROLS
        if RECORD_REPLY.pattern.match(low) or (
            _has_any(low, _SAYS_HINTS) and SAYS.pattern.match(low) and not _under_a_time(doc, i)
        ):
            kinds |= REPLY
        if RECORD_NUMBER.pattern.match(line):
            kinds |= NUMBER
        if ":" in low and RECORD_PROFILE.pattern.match(low):
            kinds |= PROFILE
        if _has_any(low, _MARKER_HINTS) and (
            COMMENT_START.pattern.match(low)
            or COMMENT_COUNTER.pattern.match(low)
            or FORUM_UI.pattern.match(low)
        ):
            kinds |= MARKER
    doc.record_cache[i] = kinds
    return kinds


def _has_any(low: str, hints: tuple[str, ...]) -> bool:
    for hint in hints:  # noqa: SIM110 (a hot path: a loop skips any()'s generator)
        if hint in low:
            return True
    return False


# What a line must contain for the regexes of a kind to be worth trying.
_TIME_HINTS = (
    "0",
    "1",
    "2",
    "3",
    "4",
    "5",
    "6",
    "7",
    "8",
    "9",
    "heute",
    "gestern",
    "today",
    "yesterday",
)
_SAYS_HINTS = (
    "sagt",
    "says",
    "schrieb",
    "schreib",
    "geschrieben",
    "wrote",
    "writes",
    "komment",
    "comment",
    "meint",
    "antwortet",
    "replied",
)
_MARKER_HINTS = (
    "komment",
    "comment",
    "posting",
    "forum",
    "diskus",
    "discus",
    "meinung",
    "beitr",
    "antwort",
    "repl",
    "respons",
    "reaktion",
    "leser",
    "sort",
    "zuerst",
    "first",
    "gedanke",
    "thought",
    "join",
    "community",
    "laden",
    "load",
    "show",
    "have your",
    "reader",
    "view",
    "read",
    "see ",
    "ihre",
    "deine",
    "schreib",
    "hinterlass",
    "verfass",
    "leave",
    "post",
    "add",
    "write",
    "submit",
    "start",
    "closed",
    "geschlossen",
    "deaktiviert",
    "funktion",
)


def _under_a_time(doc: Doc, i: int) -> bool:
    """Line i stands right under a date or time line: a live blog's "09:15 Uhr" /
    "Scholz schrieb:" quotes a politician; readers' "X sagt:" stands over the time."""
    above = doc.prev_nonblank(i, limit=1)
    return above >= 0 and doc.reasons[above] == DATE


def _stamp_kind(low: str) -> int:
    """A short line with a date or time in it and little else: a name or a subject with
    its time ("Igel12 heute, 18:49 Uhr", "subject … | user | 16.12.2015, 13:18") is a
    stamp; a date or a relative time alone ("• 26m ago") a time; a clock time alone
    ("▶ 04:18") is the length of a video, and a sentence ("Am 14.3. wurde gewählt.")
    is text."""
    if low.startswith("(") and low.endswith(")"):
        return 0  # "(APA, 16.8.2015)": the credit line closing an article
    if low.count("|") >= 2 or low.count("·") >= 1:
        return STAMP
    rest = RECORD_TIME.sub(" ", low)
    words = [w for w in rest.replace("|", " ").split() if any(c.isalnum() for c in w)]
    if not words:
        return TIME if _dated(low) else 0
    if len(words) > 5:
        return 0
    sentence = SENTENCE_END.search(rest.rstrip(" ,:;-–·|") + " ")
    if sentence and not low.rstrip().endswith(("uhr", "ago", "am", "pm")):
        return 0
    return STAMP


def _dated(low: str) -> bool:
    """Something besides clock times is a date or an age ("vor 2 Std.", "15.01.2016")."""
    return bool(RECORD_TIME.search(CLOCK_TIME.sub(" ", low)))


def is_name_over_time(doc: Doc, i: int, below: int) -> bool:
    """Line i is a user name ("Haferl", or "Harald O. sagt:") and the next non-blank line
    below is a time."""
    if below < 0 or below - i > 2 or not record_kinds(doc, below) & (TIME | STAMP):
        return False
    if record_kinds(doc, i):
        return False  # a button or a date over a date is no name
    line = doc.text[i]
    if doc.words[i] <= _NAME_WORDS + 2 and SAYS.pattern.match(line.lower()):
        return True
    return (
        doc.words[i] <= _NAME_WORDS
        and len(line) <= _NAME_CHARS
        and not (line.endswith(("!", "?", ":", ",", ";")) or line.endswith(".") and len(line) > 12)
        and not doc.prose[i]
    )


@dataclass
class Boundary:
    """A cluster of record lines between two texts."""

    start: int  # first line of the cluster
    end: int  # last line of the cluster
    kinds: int  # every kind of record line in it

    @property
    def counts(self) -> bool:
        """Enough to separate two records: a strong kind, or two weak ones together."""
        return bool(self.kinds & STRONG_KINDS) or bin(self.kinds & WEAK_KINDS).count("1") >= 2


def boundaries(doc: Doc) -> list[Boundary]:
    """Every cluster of record lines, in order.

    A cluster may hold blank lines and short lines already dropped by the line rules (a
    share bar, a comment form label) between its record lines.
    """
    found: list[Boundary] = []
    current: Boundary | None = None
    last_record = -1
    for i in range(len(doc)):
        if doc.blank[i]:
            continue
        kinds = record_kinds(doc, i)
        if not kinds:
            below = doc.next_nonblank(i, limit=2)
            if is_name_over_time(doc, i, below):
                kinds = NAME
        if kinds:
            if current is not None and _only_glue_between(doc, last_record, i):
                current.end = i
                current.kinds |= kinds
            else:
                current = Boundary(i, i, kinds)
                found.append(current)
            last_record = i
    return [b for b in found if b.counts]


def _only_glue_between(doc: Doc, after: int, before: int) -> bool:
    """Nothing but blank lines and short dropped lines between two record lines."""
    for j in range(after + 1, before):
        if doc.blank[j]:
            continue
        if doc.kept(j) or doc.words[j] > _RECORD_WORDS:
            return False
    return True


def text_between(doc: Doc, first: Boundary, second: Boundary) -> tuple[int, int]:
    """Characters and lines of kept text between two boundaries: one record's text."""
    chars = lines = 0
    for j in range(first.end + 1, second.start):
        if doc.kept(j):
            chars += len(doc.text[j])
            lines += 1
    return chars, lines
