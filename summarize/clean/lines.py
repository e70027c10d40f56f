"""Line verdicts: the reason to drop one line judged on its own ("" = keep for now).

Each family of rules in `rules.py` has one small function here; `classify_line` tries
them in a fixed order and the first reason wins. Label-like rules only look at short
lines, and long lines (mostly article prose) only meet cheap substring and trigger tests
before any regex runs.
"""

from __future__ import annotations

import operator
import unicodedata

from ..words import stop_words
from .rules import (
    AD_LABEL,
    ADDRESSES_READER,
    AGENCY_CREDIT,
    AGGREGATOR_CARD,
    BARE_PHONE,
    BREADCRUMB,
    BY_ALONE,
    BYLINE,
    BYLINE_FIRST_WORDS,
    BYLINE_TAIL_WORDS,
    CALENDAR_WORDS,
    CONTACT_CTA,
    COPYRIGHT,
    COUNTS_LINE,
    DATE,
    DATE_FILLER,
    DATE_PUNCT,
    DATE_TOKENS,
    DATED_BYLINE_NAMES,
    DATED_BYLINE_SEPARATOR,
    DATED_BYLINE_WORDS,
    DECORATION,
    DIGIT,
    DISCLAIMER_RULES,
    DOMAIN,
    EMAIL_LINE,
    ENDS_LIKE_SENTENCE,
    FOLLOW_US,
    GALLERY_CAPTION,
    GALLERY_COUNTER,
    GALLERY_LINK,
    HANDLE_LINE,
    HAS_ALNUM,
    IMAGE_CREDIT,
    INLINE_POST,
    LABEL_WORDS,
    LEGAL_PAGE_RULES,
    LETTER_RUN,
    LINK_LABEL,
    LISTED_HEADLINE,
    MAIL_HEADER_LINE,
    MEDIA_LINE,
    MENU,
    MENU_LINE,
    MENU_ROW_ITEM_WORDS,
    MENU_ROW_ITEMS,
    MENU_ROW_SEPARATOR,
    MENU_ROW_WORDS,
    NAMED_BYLINE,
    NEWSLETTER_LABEL_RULES,
    NEWSLETTER_RULES,
    NOTICE_WORDS,
    NUMBER_ALONE,
    PHONE,
    PHOTO_AGENCY,
    POST_META,
    PRICE,
    PRICE_WORDS,
    QUOTES,
    READING_TIME_PHRASE,
    RECORD_TIME,
    RELATED_HEADING,
    RELATED_PREFIX,
    RELATIVE_WORDS,
    ROLE_BYLINE,
    ROLE_LINE,
    SENTENCE_TAIL,
    SHARE_BAR,
    SOURCE_CODE,
    TEXT_SIZE,
    TODAY_WORDS,
    TRAILING_CREDIT,
    TRIGGER_LENGTH,
    URL_LINE,
    Rule,
    RuleIndex,
    trigger_words,
)

_PREFIX = operator.itemgetter(slice(0, TRIGGER_LENGTH))
# Words a sentence or a headline has and a row of section names has not.
_FUNCTION_WORDS = stop_words("de") | stop_words("en")
# The first rules tried on a short line, in this order: ad, share, follow and teaser labels.
_WHOLE_LINE_LABELS = (
    AD_LABEL,
    SHARE_BAR,
    FOLLOW_US,
    RELATED_HEADING,
    RELATED_PREFIX,
    TEXT_SIZE,
    MEDIA_LINE,
)


def classify_line(line: str, words: int) -> str:
    """The verdict for one stripped, non-blank line of `words` words ("" = keep for now)."""
    if not HAS_ALNUM.search(line) or _counter_icons(line):
        return DECORATION  # "* * *", "|", "—", emoji rows, "1 ↩ 28 ↻ 0 ★"
    low = line.lower()
    triggers = _triggers(low)
    reason = (
        _matching(URL_LINE, low)
        or _matching(AGGREGATOR_CARD, low)
        or _indexed(DISCLAIMER_RULES, low, triggers)
        or _newsletter(line, low, triggers, words)
        or _matching(INLINE_POST, low)
    )
    if reason or words > NOTICE_WORDS:
        return reason
    reason = _found(LISTED_HEADLINE, low) or _found(LINK_LABEL, low)
    if reason:
        return reason
    if words > LABEL_WORDS:
        # too long for a label, but "Lesen Sie auch: <headline>", a caption with credit, or
        # a long row of section names
        return _matching(RELATED_PREFIX, low) or _image(line, low, words) or _menu_row(line, low)
    for rule in _WHOLE_LINE_LABELS:
        if rule.pattern.match(low):
            return rule.reason
    return (
        _image(line, low, words)
        or _reading_time(line, low)
        or _byline(line, low)
        or _date(low)
        or _dated_byline(line, low)
        or _contact(low, words)
        or _navigation(line, low)
        or _matching(MAIL_HEADER_LINE, low)
        or _matching(HANDLE_LINE, low)
        or _matching(COUNTS_LINE, low)
        or _matching(NUMBER_ALONE, low)
    )


def _counter_icons(line: str) -> bool:
    """Numbers and icons, no word: "1 ↩ 28 ↻ 0 ★", "🧵 1/6" (a price or a time has no icon)."""
    if len(line) > 60 or any(ch.isalpha() for ch in line):
        return False
    return any(unicodedata.category(ch) == "So" for ch in line)


# --------------------------------------------------------------------------- applying rules
def _matching(rule: Rule, text: str) -> str:
    """The rule's reason if its pattern matches at the start of the text, else ""."""
    if rule.keys and not _has_key(rule, text):
        return ""
    return rule.reason if rule.pattern.match(text) else ""


def _found(rule: Rule, low: str) -> str:
    """The rule's reason if its pattern occurs anywhere in the lowercased line, else ""."""
    if rule.keys and not _has_key(rule, low):
        return ""
    return rule.reason if rule.pattern.search(low) else ""


def _has_key(rule: Rule, low: str) -> bool:
    """The line contains one of the rule's keys (for most rules, a cheap test that spares
    the regex on ordinary lines)."""
    for key in rule.keys:  # noqa: SIM110 (a hot path: a loop skips any()'s generator)
        if key in low:
            return True
    return False


def _triggers(low: str) -> frozenset[str]:
    """The 5-character prefixes of the words of a lowercased line.

    Only the first 400 characters count: boilerplate paragraphs give themselves away in
    their first sentence, and this keeps the cost per prose line small. (Splitting after a
    few replaces is twice as fast as a regex word scan.)
    """
    return frozenset(map(_PREFIX, trigger_words(low[:400])))


def _indexed(index: RuleIndex, low: str, triggers: frozenset[str]) -> str:
    """The reason of a rule of the table found anywhere in the line, else "".

    Only the rules that one of the line's triggers names are tried, and of those only the
    ones with a key in the line get their pattern searched.
    """
    common = index.triggers & triggers
    if not common:
        return ""
    for trigger in common:
        for rule in index.by_trigger[trigger]:
            for key in rule.keys:
                if key in low:
                    if rule.pattern.search(low):
                        return rule.reason
                    break  # one key present is enough to try the pattern once
    return ""


# --------------------------------------------------------------------------- rule families
def _newsletter(line: str, low: str, triggers: frozenset[str], words: int) -> str:
    reason = _indexed(NEWSLETTER_RULES, low, triggers)
    if not reason and words <= LABEL_WORDS:
        reason = _indexed(NEWSLETTER_LABEL_RULES, low, triggers)
    if reason:
        return reason
    reason = _indexed(LEGAL_PAGE_RULES, low, triggers)
    # a short link label ("Datenschutz"), or a line that talks to the reader (consent text
    # does) without quoting anyone (news about a privacy policy does)
    if reason and (words <= 6 or (ADDRESSES_READER.search(line) and not QUOTES.search(line))):
        return reason
    return ""


def _image(line: str, low: str, words: int) -> str:
    reason = _matching(IMAGE_CREDIT, low) or _matching(GALLERY_LINK, low)
    if not reason and DIGIT.search(low):  # the digit test spares the counter regexes
        reason = _matching(GALLERY_COUNTER, low) or _matching(GALLERY_CAPTION, line)
    if reason or words > 25:
        return reason
    reason = (
        _found(COPYRIGHT, low)
        or _found(TRAILING_CREDIT, low)
        or _found(AGENCY_CREDIT, line)  # agencies and names as written
    )
    if reason:
        return reason
    if (
        _has_key(PHOTO_AGENCY, low)  # "Michael Kappeler/dpa", "IMAGO/Funke Foto Services"
        and words <= 6
        and not ENDS_LIKE_SENTENCE.search(line)
    ):
        return _found(PHOTO_AGENCY, low)
    return ""


def _reading_time(line: str, low: str) -> str:
    return "" if len(line) > 100 else _found(READING_TIME_PHRASE, low)


def _byline_tail_ok(tail: str | None) -> bool:
    """A byline may end in an agency, place or date, but not in a running sentence."""
    if not tail:
        return True
    if len(tail.split()) > 8 or SENTENCE_TAIL.search(tail):
        return False
    lowercase_words = [word for word in LETTER_RUN.findall(tail) if word[0].islower()]
    return sum(1 for word in lowercase_words if word not in BYLINE_TAIL_WORDS) == 0


def _byline(line: str, low: str) -> str:
    if len(line) <= 70 and _matching(SOURCE_CODE, low):
        return SOURCE_CODE.reason
    if len(line) <= 100 and _matching(ROLE_BYLINE, line):
        return ROLE_BYLINE.reason
    if len(line) <= 80 and _matching(ROLE_LINE, low):
        return ROLE_LINE.reason
    if len(line) > 140 or low.split(None, 1)[0].rstrip(":") not in BYLINE_FIRST_WORDS:
        return ""  # every byline pattern below starts with one of these words
    match = NAMED_BYLINE.pattern.match(line)  # names are capitalised: the line as written
    if match and _byline_tail_ok(match.group("tail")):
        return NAMED_BYLINE.reason
    return _matching(BY_ALONE, low) or _matching(POST_META, line)


def _is_date_line(low: str) -> bool:
    if len(low) > 80:
        return False
    tokens = DATE_TOKENS.findall(low)
    evidence = digits = relative = False
    for i, token in enumerate(tokens):
        if token.isdigit():
            digits = True
            if len(token) == 4 and token[:2] in ("19", "20"):
                evidence = True  # a year
        elif token[0].isalpha():
            if token in CALENDAR_WORDS:
                evidence = True
            elif token in RELATIVE_WORDS:
                relative = True
            elif token in TODAY_WORDS:
                evidence = True
            elif token == "uhr" or token == "pm":
                evidence = evidence or digits
            elif token not in DATE_FILLER:
                return False
        elif token in DATE_PUNCT:
            # "08:50" or "14.11." : separators between numbers
            between_numbers = (
                0 < i < len(tokens) - 1 and tokens[i - 1].isdigit() and tokens[i + 1].isdigit()
            )
            if between_numbers and (
                token == ":" or (token == "." and i >= 3 and tokens[i - 2] == ".")
            ):
                evidence = True
        else:
            return False
    return evidence or (digits and relative)


def _date(low: str) -> str:
    if DIGIT.search(low) is None and not any(word in low for word in TODAY_WORDS):
        return ""  # every date line has a digit or says "heute" / "today"
    return DATE if _is_date_line(low) else ""


def _contact(low: str, words: int) -> str:
    if words <= 8 and DIGIT.search(low):
        reason = _matching(PHONE, low) or _matching(BARE_PHONE, low)
        if reason:
            return reason
    reason = (_matching(EMAIL_LINE, low) if words <= 3 else "") or _matching(CONTACT_CTA, low)
    if reason:
        return reason
    if words <= 10 and _found(PRICE, low):
        rest = PRICE.pattern.sub(" ", low)
        others = [word for word in LETTER_RUN.findall(rest) if word not in PRICE_WORDS]
        if len(others) <= 2:
            return PRICE.reason  # "29,99 €", "ab 19,90 € inkl. MwSt.", "Gold 2.650 $"
    return ""


def _navigation(line: str, low: str) -> str:
    return _matching(MENU_LINE, low) or _matching(BREADCRUMB, low) or _menu_row(line, low)


def _menu_row(line: str, low: str) -> str:
    """A row of the site's own section names (see MENU_ROW_SEPARATOR in rules.py)."""
    if ENDS_LIKE_SENTENCE.search(line):
        return ""
    items = [item for item in MENU_ROW_SEPARATOR.split(line) if item]
    if len(items) >= MENU_ROW_ITEMS and all(
        len(item.split()) <= MENU_ROW_ITEM_WORDS and not ENDS_LIKE_SENTENCE.search(item)
        for item in items
    ):
        return MENU
    words = line.split()
    if (
        len(words) >= MENU_ROW_WORDS
        and all(
            word[0].isupper() and word.replace("-", "").replace("&", "").isalpha() for word in words
        )
        and not any(word in _FUNCTION_WORDS for word in low.split())
    ):
        return MENU
    return ""


def _dated_byline(line: str, low: str) -> str:
    """A byline with a date (see DATED_BYLINE_WORDS in rules.py)."""
    if not DIGIT.search(low) and not any(word in low for word in TODAY_WORDS):
        return ""
    if not RECORD_TIME.search(low) or not DATED_BYLINE_SEPARATOR.search(line):
        return ""
    if line.startswith("("):
        return ""  # "(Walter Müller, 9.4.2016)": the credit closing an article, part of it
    names = 0
    rest = DOMAIN.sub(" ", RECORD_TIME.sub(" ", line))
    if ENDS_LIKE_SENTENCE.search(rest.rstrip(" ,·|•–-")):
        return ""
    for word in LETTER_RUN.findall(rest):
        if word.lower() in DATED_BYLINE_WORDS:
            continue
        if not word[0].isupper():
            return ""
        names += 1
    return BYLINE if names <= DATED_BYLINE_NAMES else ""
