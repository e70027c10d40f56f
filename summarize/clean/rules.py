"""Every rule of the cleaner, as data: reasons, rule tables, word lists and limits.

Each rule is a `Rule`: the reason a matching line is dropped for, a compiled pattern, and
optionally keys (substrings a line must contain for the rule to apply). A rule applied on
its own has a name below; rules tried together as one set are a tuple of Rules (a table,
indexed by trigger in `RuleIndex` because it is searched in lines of any length). Long
lists of alternative labels are one Rule whose pattern joins them (`_whole`): one regex
is far cheaper than one per label. Nothing here decides anything: the line verdicts
(`lines.py`) and the context rules (`comments.py`, `boxes.py`, `context.py`) say how, on
which lines and in which order the rules are applied.

Patterns are matched against the lowercased line unless their comment says otherwise
(names in bylines are matched case-sensitively). German and English rules always both
apply: sites mix languages ("Share" buttons on German pages, "Lesen Sie auch" on
translated content).
"""

from __future__ import annotations

import re
from dataclasses import dataclass


# --------------------------------------------------------------------------- rule shape
@dataclass(frozen=True, slots=True)
class Rule:
    """A line the pattern matches is dropped for `reason`.

    `keys`: the rule only applies to a line containing one of these substrings. Most
    patterns cannot match without one of them anyway, so the substring test just spares
    the regex on ordinary lines. In an indexed table (`RuleIndex`) the keys also feed the
    trigger index: there the line must also have a word (within its first 400 characters)
    whose first five characters are those of the key's first word (a shorter key word
    must be the whole word).
    """

    reason: str
    pattern: re.Pattern[str]
    keys: tuple[str, ...] = ()


# --------------------------------------------------------------------------- reasons
# Short lowercase reasons shown to the user (`summarize inspect`) next to each dropped line.
MENU = "menu fragment"
CATEGORY = "category label"
CONTACT = "contact or price"
BYLINE = "byline"
READING_TIME = "reading time"
DATE = "date line"
REPEATED = "repeated line"
NEWSLETTER = "newsletter or consent"
RELATED = "related links"
IMAGE = "image or copyright notice"
CAPTION = "image caption"
DISCLAIMER = "disclaimer"
COMMENTS = "comment section"
COMMENT_LINK = "comment link"
SOCIAL = "social sharing"
ADVERTISING = "advertising"
BARE_LINK = "bare link"
DECORATION = "decoration"
AUTHOR_BIO = "author bio"
CAPITALS = "heading in capitals"
MAIL_HEADER = "mail header"
PULL_QUOTE = "pull quote"
TRAILING = "trailing boilerplate"

# Reasons of boxes whose lines come in blocks: a line inside such a block shares its fate.
BOX_REASONS = frozenset({NEWSLETTER, RELATED, SOCIAL, CONTACT, MENU, ADVERTISING, DISCLAIMER})


# --------------------------------------------------------------------------- limits
# Lines longer than this are analysed on their first CAP characters only: every rule
# keys on wording near the start, and it bounds the cost of one pathological line.
CAP = 3000
# Label-like rules (menus, share bars, headings of teaser boxes, bylines, dates) only look
# at lines of at most LABEL_WORDS words; credits and "Lesen Sie auch: ..." lines may be up
# to NOTICE_WORDS long; comment-section markers ("3 thoughts on “<title>”") SHORT_WORDS.
LABEL_WORDS = 12
NOTICE_WORDS = 30
SHORT_WORDS = 40


# --------------------------------------------------------------------------- pattern helpers
def _rx(pattern: str) -> re.Pattern[str]:
    """Compile with every literal space meaning "any whitespace run".

    Scraped text has double spaces, tabs and no-break spaces between words, so phrase
    tables are written with plain spaces and matched with \\s+; " ?" means optional
    whitespace. (Patterns below never put a space inside a character class.)
    """
    return re.compile(pattern.replace(" ?", r"\s*").replace(" ", r"\s+"))


# Icons, bullets and arrows that scrapers leave in front of a label ("▶ Teilen", "• Home").
_LEAD = r"^[^\w@#€$£¥(\[\"„“«]*"
# Decoration after a label: "Teilen:", "Mehr zum Thema »", "Kommentare (12)", "Share 14".
_TAIL = r"[^\w]*(?:\d+[^\w]*)?$"


def _wordset(words: str) -> frozenset[str]:
    """A set of words written as one whitespace-separated string (tables stay compact)."""
    return frozenset(words.split())


def _whole(*alternatives: str) -> re.Pattern[str]:
    """A line that is nothing but one of these labels (plus icons and a counter)."""
    return _rx(_LEAD + "(?:" + "|".join(alternatives) + ")" + _TAIL)


# --------------------------------------------------------------------------- line features
# Facts about a line that several rules use; not rules themselves.
# A sentence terminator followed by a space or the end: marks running prose.
SENTENCE_END = re.compile(r"[.!?…][\"'“”„«»’)\]]*(?:\s|$)")
# Sentence-like ending of a short line (a label or heading has none of these).
ENDS_LIKE_SENTENCE = re.compile(r"[.!?…:;,][\"'“”„«»’)\]]*$")
# A line that ends a sentence (a line that does not goes on in the next one).
ENDS_SENTENCE = re.compile(r"[.!?…][\"'“”„«»’)\]]*$")
# A teaser or subject line cut short.
ELLIPSIS = ("…", "...")
HAS_ALNUM = re.compile(r"[^\W_]")
DIGIT = re.compile(r"\d")
LETTER_RUN = re.compile(r"[^\W\d_]+")
BULLET = re.compile(r"^\s*(?:[•·▪◦‣∙●○■□➤►▶→*+–-]|\d{1,3}[.)])\s")


# --------------------------------------------------------------------------- trigger index
# Indexed tables are matched against the lowercased line. Long lines are mostly article
# prose, and a regex search over them costs far more than a set lookup, so each line's
# words are reduced once to 5-character prefixes ("triggers"), and a rule's pattern is
# only searched when a trigger names one of its keys and the key occurs in the line.
TRIGGER_LENGTH = 5
# Characters that can stand right before a word: they become spaces before splitting, so
# "e-mail-adresse" gives "e", "mail", "adresse" and "„abschicken“" gives "abschicken“".
_GLUE = ("-", "/", "(", "„", '"', "“", "«", "»", "'", "‚", "*")


def trigger_words(low: str) -> list[str]:
    """The words of a lowercased text as the trigger index cuts them (keys and lines alike)."""
    for glue in _GLUE:
        if glue in low:
            low = low.replace(glue, " ")
    return low.split()


class RuleIndex:
    """A table of keyed rules, indexed by the trigger of each key's first word."""

    def __init__(self, rules: tuple[Rule, ...]) -> None:
        by_trigger: dict[str, list[Rule]] = {}
        for rule in rules:
            for key in rule.keys:
                trigger = trigger_words(key)[0][:TRIGGER_LENGTH]  # the same cut as for lines
                bucket = by_trigger.setdefault(trigger, [])
                if not bucket or bucket[-1] is not rule:  # two keys, one trigger: once
                    bucket.append(rule)
        self.by_trigger: dict[str, tuple[Rule, ...]] = {
            trigger: tuple(bucket) for trigger, bucket in by_trigger.items()
        }
        self.triggers = frozenset(by_trigger)


# --------------------------------------------------------------------------- rule tables
# --- bare links: a URL alone on a line is a link target, not text to summarise.
URL_LINE = Rule(
    BARE_LINK,
    re.compile(
        r"^(?:[\w -]{1,20}:\s*)?<?(?:https?://|www\.)\S+>?$"  # with a label: "Webversion: https://..."
        # a link shown without its scheme: "derstandard.at/2000031234", "example.com/a/b"
        r"|^(?:[a-z\d-]+\.)+(?:at|de|ch|com|net|org|eu|info|io|uk|news)/\S*$"
    ),
)

# --- a news aggregator's card: source and age, then the story's teaser
# ("derstandard.at · vor 2 Std. Lemmy Kilmister war ...", "bbc.co.uk - 3 hours ago ...").
AGGREGATOR_CARD = Rule(
    RELATED,
    re.compile(
        r"^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,12}\s*[·|•–-]\s*"
        r"(?:vor\s+\d+\s*(?:sek|min|std|stunden?|tage?n?|wochen?)|\d+\s*(?:min|h|hrs?|hours?|days?)\s+ago)\b"
    ),
)

# --- a web address or a social handle alone: "derstandard.at", "@name@server.social".
HANDLE_LINE = Rule(
    BARE_LINK,
    re.compile(r"^(?:@[\w.-]+(?:@[\w.-]+)?|[\w-]+(?:\.[\w-]+)*\.[a-z]{2,12}/?)$"),
)

# --- a row of counts: "300 geteilte Beiträge · 199 Favoriten", "12 Antworten | 40 Likes".
_COUNT = r"(?:\d[\d.,]*\s*[km]?\s+[^\s·|•]+(?:\s+[^\s·|•\d]+)?|[^\s·|•\d]+\s+\d[\d.,]*)"
COUNTS_LINE = Rule(SOCIAL, re.compile(rf"^{_COUNT}(?:\s*[·|•]\s*{_COUNT})+$"))
# A number alone on its line: a vote or view count ("1.4k", "212"), never a sentence.
NUMBER_ALONE = Rule(DECORATION, re.compile(r"^[+-]?\d[\d.,]*\s?[km]?$"))

# --- disclaimers: legal and editorial small print. Written as specific phrases because
# these are often long paragraphs that would otherwise look like article prose.
DISCLAIMER_RULES = RuleIndex(
    (
        # the rules of a comment section: "Bitte beachten Sie unsere Netiquette", "Wir
        # freuen uns über Ihre Meinung", "Please read our community guidelines"
        Rule(
            COMMENTS,
            keys=("netiquette", "forenregeln", "community", "freuen uns", "kommentarregeln"),
            pattern=_rx(
                r"\b(?:unsere|die|der|unserer) (?:netiquette|forenregeln|kommentarregeln|"
                r"community-?(?:richtlinien|regeln))\b|wir freuen uns (?:über|auf) (?:ihre|deine|eure)"
                r" (?:meinung|kommentare?|beiträge|diskussionsbeiträge)|\bour community "
                r"(?:guidelines|standards|rules)\b"
            ),
        ),
        # a broadcaster's note under a web text: "Über dieses Thema berichtete das
        # Morgenjournal am 26. Mai 2016 um 20:00 Uhr."
        Rule(
            DISCLAIMER,
            keys=("berichtet",),
            pattern=_rx(r"^(?:über )?(?:dieses|das) thema (?:berichtete|berichteten|hat)\b"),
        ),
        # sample 000: user-submitted article, AI cover image, copyright complaints
        Rule(
            DISCLAIMER,
            keys=("urheberrecht",),
            pattern=_rx(r"gegen (?:das |die )?urheberrechte? versto(?:ß|ss)"),
        ),
        Rule(
            DISCLAIMER,
            keys=("benutzer", "nutzer", "leser"),
            pattern=_rx(
                r"(?:artikel|beitrag|text) wurde von unse?re[mn] (?:benutzer|nutzer|leser)"
            ),
        ),
        Rule(DISCLAIMER, keys=("einreichung",), pattern=_rx(r"richtlinien für die einreichung")),
        # market data and correction notes
        Rule(
            DISCLAIMER,
            keys=("quotes", "kurse"),
            pattern=_rx(r"quotes (?:are )?delayed|kurse (?:sind |werden )?(?:zeit)?verzögert"),
        ),
        Rule(
            DISCLAIMER,
            keys=("früheren", "earlier"),
            pattern=_rx(
                r"in einer früheren version dieses (?:artikels|beitrags|textes)|an earlier version of "
                r"this (?:article|story|post)"
            ),
        ),
        # a publisher's imprint: "Medieninhaber, Herausgeber und Verleger: ...", "Nachdruck
        # und Verbreitung nur mit Genehmigung"
        Rule(
            DISCLAIMER,
            keys=("medieninhaber", "nachdruck"),
            pattern=_rx(
                r"medieninhaber\b.{0,40}(?:herausgeber|verleger|redaktion)"
                r"|nachdruck (?:und|oder|sowie) (?:verbreitung|vervielfältigung|weitergabe)"
            ),
        ),
        # a stub where the text was: "Der Volltext dieses ... Artikels steht aus rechtlichen
        # Gründen nicht mehr zur Verfügung", "This content is no longer available"
        Rule(
            DISCLAIMER,
            keys=("verfügung", "verfügbar", "abrufbar", "no longer"),
            pattern=_rx(
                r"(?:volltext|artikel|inhalt|beitrag|text|video|bild)\w*\b[^.!?]{0,80}\b(?:steht|ist|"
                r"sind|stehen)\b[^.!?]{0,60}\bnicht mehr (?:zur verfügung|verfügbar|abrufbar|online)"
                r"|(?:article|content|story|page|video) (?:is|are) no longer available"
            ),
        ),
        Rule(
            DISCLAIMER,
            keys=("submitted by",),
            pattern=_rx(r"submitted by (?:a|one of our|our) (?:user|reader|contributor)s?"),
        ),
        Rule(
            DISCLAIMER,
            keys=("if you believe",),
            pattern=_rx(
                r"if you believe (?:that )?this (?:article|post|content) (?:infringes|violates)"
            ),
        ),
        Rule(DISCLAIMER, keys=("computererzeugt",), pattern=_rx(r"computererzeugte kunst")),
        Rule(
            DISCLAIMER,
            keys=("illustrativ",),
            pattern=_rx(r"(?:nur )?zu illustrativen zwecken|for illustrative purposes only"),
        ),
        Rule(
            DISCLAIMER,
            keys=("haftungsausschluss", "disclaimer"),
            pattern=_rx(r"haftungsausschluss|^disclaimer\b"),
        ),
        # finance sites: the standard "not investment advice" clause
        Rule(
            DISCLAIMER,
            keys=("beratung",),
            pattern=_rx(
                r"keine (?:anlage|finanz|rechts|steuer)beratung|stellt keine (?:anlage|finanz|rechts|"
                r"steuer)?beratung dar"
            ),
        ),
        Rule(
            DISCLAIMER,
            keys=("advice",),
            pattern=_rx(
                r"(?:does not|do not|is not intended to) constitute (?:financial|investment|legal|tax) "
                r"advice|\bnot (?:financial|investment) advice\b"
            ),
        ),
        Rule(
            DISCLAIMER,
            keys=("expressed",),
            pattern=_rx(
                r"views (?:and opinions )?expressed (?:in this (?:article|post|piece)|here(?:in)?) are"
            ),
        ),
        Rule(
            DISCLAIMER,
            keys=("geäußert",),
            pattern=_rx(
                r"geäußerten? meinung(?:en)? (?:ist|sind|gibt|geben|entspricht|entsprechen)"
                r"[^.]{0,60}(?:autor|verfasser)"
            ),
        ),
        # affiliate links and AI-generated text
        Rule(
            DISCLAIMER,
            keys=("affiliate",),
            pattern=_rx(
                r"(?:enthält|contains|may contain) (?:sogenannte )?affiliate[- ]?links|"
                r"affiliate[- ]?links? (?:gekennzeichnet|markiert|marked)"
            ),
        ),
        Rule(
            DISCLAIMER,
            keys=("provision",),
            pattern=_rx(
                r"(?:erhalten|bekommen) wir (?:ggf\. |gegebenenfalls |eventuell )?eine provision"
            ),
        ),
        Rule(
            DISCLAIMER,
            keys=("commission",),
            pattern=_rx(r"we (?:may )?(?:earn|receive) (?:a )?(?:small )?commission"),
        ),
        Rule(
            DISCLAIMER,
            keys=("transparenzhinweis", "offenlegung", "disclosure"),
            pattern=_rx(r"^(?:transparenzhinweis|offenlegung|disclosure)\b"),
        ),
        Rule(
            DISCLAIMER,
            keys=("künstliche", "maschinell", "automatisch", "ki"),
            pattern=_rx(
                r"(?:dieser|der) (?:artikel|beitrag|text) (?:wurde|ist) [^.]{0,60}"
                r"(?:künstliche[rn]? intelligenz|\bki\b|maschinell|automatisch)[^.]{0,40}"
                r"(?:erstellt|übersetzt|generiert|verfasst)"
            ),
        ),
        Rule(
            DISCLAIMER,
            keys=("artificial", "ai", "machine"),
            pattern=_rx(
                r"this (?:article|post|content|story) (?:was|has been) [^.]{0,40}"
                r"(?:generated|written|translated|created) (?:with|by|using) [^.]{0,30}"
                r"(?:\bai\b|artificial intelligence|machine)"
            ),
        ),
    )
)

# --- newsletter, subscription, paywall, e-mail forms and cookie/consent text, in lines
# of any length (consent text comes in long paragraphs).
NEWSLETTER_RULES = RuleIndex(
    (
        # imperative sign-up wording around the word newsletter
        Rule(
            NEWSLETTER,
            keys=("newsletter",),
            pattern=_rx(
                r"(?:abonnieren sie|abonniere|jetzt (?:kostenlos |gratis )?(?:abonnieren|anmelden|"
                r"registrieren|bestellen)|melden sie sich|meld(?:e)? dich|tragen sie sich|trag dich|"
                r"bestellen sie|sign up|subscribe|get (?:our|the)|join)\b[^.!?]{0,90}newsletter|"
                r"newsletter[^.!?]{0,60}(?:abonnieren|bestellen|anmelden|sign up|subscribe)|"
                r"newsletter promotion|^sign up to [^.!?]{1,40}$"
            ),
        ),
        Rule(
            NEWSLETTER,
            keys=("abopflichtig", "type your email", "sign up to", "subscribe"),
            pattern=_rx(
                r"abopflichtige[rn]? inhalt|type your email|^sign up to [^.!?]{1,40}$|"
                r"subscribe (?:for free|to receive|to get)"
            ),
        ),
        # paywall and subscription prompts
        Rule(
            NEWSLETTER,
            keys=("abonn", "registriert", "konto", "already"),
            pattern=_rx(
                r"(?:schon|bereits) (?:abonnent|abonniert|registriert)|sie haben bereits ein "
                r"(?:abo|konto)|already (?:a subscriber|subscribed|have an account|a member)"
            ),
        ),
        Rule(
            NEWSLETTER,
            keys=("abonn", "registrierte", "subscribers", "members"),
            pattern=_rx(
                r"(?:nur|exklusiv) für (?:abonnenten|abonnentinnen|abonnent\*innen|abonnent:innen|"
                r"registrierte)|for subscribers only|(?:this|the) (?:article|content|story) is "
                r"(?:for|only available to|exclusive to|reserved for) (?:subscribers|members)"
            ),
        ),
        Rule(
            NEWSLETTER,
            keys=("weiterlesen", "subscribe", "reading"),
            pattern=_rx(
                r"(?:jetzt |hier )?weiterlesen mit|mit [\w+]{1,12} ?\+ weiterlesen|"
                r"^[^.!?]{1,30} [–—:-] jetzt weiterlesen$|"
                r"subscribe to (?:read|continue)|"
                r"to (?:continue|keep) reading,? (?:please )?(?:subscribe|sign in|log in|register)"
            ),
        ),
        Rule(
            NEWSLETTER,
            keys=("abo", "abonn", "registr", "anmeld", "einlog"),
            pattern=_rx(
                r"um (?:diesen|den|den ganzen|den vollständigen) (?:artikel|beitrag|text) "
                r"(?:weiter |vollständig |ganz )?zu lesen[^.]{0,60}(?:\babo|abonn|registrier|anmeld|"
                r"einlog)"
            ),
        ),
        Rule(
            NEWSLETTER,
            keys=("mitglied", "abonnent", "member", "subscriber"),
            pattern=_rx(r"(?:werden sie|become a) (?:mitglied|abonnent|member|subscriber)"),
        ),
        Rule(
            NEWSLETTER,
            keys=("journalis", "favour", "contribution"),
            pattern=_rx(
                r"(?:unterstützen sie|support) (?:unseren |unabhängigen |our |independent )"
                r"(?:\w+ )?(?:journalismus|journalism)|a small favour to ask|make a contribution"
            ),
        ),
        # e-mail forms: "Ihre E-Mail-Adresse wird nicht veröffentlicht", "Enter your email"
        Rule(
            NEWSLETTER,
            keys=("mail", "email"),
            pattern=_rx(
                r"e-?mail-?adresse[^.!?]{0,60}(?:eingabe|eingeben|veröffentlicht|eintragen|angeben|"
                r"einwillig|widerruf|abschicken|bestätig)|(?:eingabe|eintragen|angabe) (?:ihrer|deiner) "
                r"e-?mail|your (?:e-?mail|email address)[^.!?]{0,40}(?:will not|won't|will never|is "
                r"never) be (?:published|shared)|enter your e-?mail|we(?:'ll| will) never share your"
            ),
        ),
        Rule(
            NEWSLETTER,
            keys=("inbox", "postfach", "posteingang"),
            pattern=_rx(
                r"(?:delivered |straight |direkt )?(?:to|in) your inbox|(?:direkt )?in (?:ihr|dein|"
                r"ihrem|deinem|ihren|deinen) (?:e-?mail-)?(?:postfach|posteingang)"
            ),
        ),
        # the newsletter talking about itself: "heute im Newsletter: ...", "Wenn dieser
        # Newsletter nicht richtig angezeigt wird", "Eine gute Lektüre wünscht ..."
        Rule(
            NEWSLETTER,
            keys=("newsletter", "lektüre"),
            pattern=_rx(
                r"(?:heute|diesmal|in diesem|im heutigen) (?:im )?newsletter\b|"
                r"(?:wenn|falls) (?:dieser|der|unser) newsletter nicht|newsletter (?:abbestellen|"
                r"abmelden|im browser|online lesen)|(?:eine |viel )?(?:gute|angenehme|spannende) "
                r"lektüre (?:wünscht|wünschen)"
            ),
        ),
        # letters and newsletters greeting the reader: "Guten Morgen aus der Redaktion,",
        # "Liebe Leserinnen und Leser,", and telling why they arrive
        Rule(
            NEWSLETTER,
            keys=("guten", "liebe", "sehr geehrte", "dear", "good morning", "hallo"),
            pattern=_rx(
                r"^(?:guten (?:morgen|tag|abend)|good (?:morning|evening)|hallo|liebe leserinnen und "
                r"leser|liebe leser(?:innen)?|liebe abonnent\w*|sehr geehrte[rn]? \w+|dear \w+)\b"
                r"[^.!?]{0,40},$"
            ),
        ),
        Rule(
            NEWSLETTER,
            keys=("erhalten", "receiv"),
            pattern=_rx(
                r"(?:sie erhalten|du erhältst|you (?:are )?receiv\w*) (?:diesen|diese|this) "
                r"(?:newsletter|e-?mail|nachricht)"
            ),
        ),
        # trial offers: "Jetzt 30 Tage kostenfrei testen", "Die ersten 30 Tage kostenlos,
        # danach 2,95 € pro Woche. Jederzeit kündbar.", "Zugang zu allen Plus-Artikeln"
        Rule(
            NEWSLETTER,
            keys=("testen", "kündbar", "zugang", "try", "cancel", "trial"),
            pattern=_rx(
                r"\b\d+ (?:tage|wochen|monate?) (?:lang )?(?:kostenlos|kostenfrei|gratis|"
                r"unverbindlich) (?:testen|lesen)|jederzeit kündbar|zugang zu allen [\w-]*(?:\+|plus|"
                r"premium|pur|abo)[\w-]* ?(?:artikeln|inhalten|texten)|(?:free|\d+[- ]day) trial\b|"
                r"cancel (?:at )?any ?time"
            ),
        ),
        # paywall offers: "Lesen Sie alle Plus-Artikel für 0,99 € im ersten Monat" (a price
        # per month alone is news about prices)
        Rule(
            NEWSLETTER,
            keys=("plus", "premium", "monat", "month"),
            pattern=_rx(
                r"(?:lesen sie|alle|unbegrenzt|unlimited)\b[^.!?]{0,60}(?:plus|premium|pur)-?"
                r"(?:artikel|inhalte|texte|abo)|\d+(?:[,.]\d{2})? ?(?:€|euro|eur)\b[^.!?]{0,20}"
                r"(?:im ersten monat|für den ersten monat|in den ersten \w+ monaten)|"
                r"(?:first|1st) month (?:for|at)|per month\b[^.!?]{0,30}cancel"
            ),
        ),
        Rule(
            NEWSLETTER,
            keys=("einwillig", "willige", "widerr", "jederzeit", "unsubscribe"),
            pattern=_rx(
                r"einwilligungserklärung|willige[^.!?]{0,120}\bein\b|einwilligung[^.!?]{0,80}widerr|"
                r"jederzeit (?:widerrufen|abbestellen|abmelden|kündigen)|unsubscribe (?:at any time|"
                r"anytime)|you can unsubscribe"
            ),
        ),
        # comment forms (normally inside comment sections, but forms appear without them)
        Rule(
            NEWSLETTER,
            keys=("felder", "fields"),
            pattern=_rx(
                r"(?:erforderliche |pflicht)felder sind (?:mit \* )?(?:markiert|gekennzeichnet)|"
                r"mit \* (?:markierte|gekennzeichnete) felder|required fields are marked"
            ),
        ),
        Rule(
            NEWSLETTER,
            keys=(
                "speichere",
                "save my",
                "benachrichtig",
                "notify",
                "akismet",
                "recaptcha",
                "protected by",
            ),
            pattern=_rx(
                r"speichere meinen namen|save my name,? e-?mail|benachrichtige mich (?:über|bei)|"
                r"notify me of (?:follow-up|new)|akismet|recaptcha|this site is protected by"
            ),
        ),
        Rule(
            NEWSLETTER,
            keys=("speicherung", "einverstanden", "agree", "consent"),
            pattern=_rx(
                r"stimmen sie der speicherung|ich bin damit einverstanden|i (?:agree|consent) to "
                r"(?:the|receive|receiving|my)"
            ),
        ),
        Rule(
            NEWSLETTER,
            keys=("by clicking", "by signing", "by subscribing", "by submitting", "by continuing"),
            pattern=_rx(
                r"by (?:clicking|signing up|subscribing|submitting|continuing)[^.!?]{0,100}"
                r"(?:agree|consent|accept)"
            ),
        ),
        Rule(
            NEWSLETTER,
            keys=("absenden", "anklicken", "klick"),
            pattern=_rx(
                r"mit (?:dem )?(?:absenden|anklicken|klick|klicken)[^.!?]{0,100}"
                r"(?:einverstanden|stimmen sie|willigen sie|akzeptieren sie|erklären sie)"
            ),
        ),
        # cookie banners
        Rule(
            NEWSLETTER,
            keys=("cookie",),
            pattern=_rx(
                r"(?:wir|we)(?: und unsere partner| and our partners)? (?:verwenden|nutzen|setzen|"
                r"use) cookies|diese (?:website|webseite|seite) (?:verwendet|nutzt) cookies|"
                r"this (?:website|site) uses cookies|cookie-?(?:einstellungen|richtlinie|hinweis|"
                r"banner|settings|policy|preferences)"
            ),
        ),
        Rule(
            NEWSLETTER,
            keys=("berechtigte", "legitimate"),
            pattern=_rx(r"berechtigte[sn]? interesse|legitimate interest"),
        ),
        # sign-up teasers: "Erhalten Sie kostenlose Tipps ...", "Get the latest ..."
        Rule(
            NEWSLETTER,
            keys=("erhalten sie",),
            pattern=_rx(
                r"^erhalten sie\b[^.!?]{0,140}\b(?:kostenlos\w*|gratis|tipps|exklusiv\w*|neueste\w*|"
                r"angebot\w*|rabatt\w*|gutschein\w*|vorteil\w*|news)"
            ),
        ),
        Rule(
            NEWSLETTER,
            keys=("get ", "receive "),
            pattern=_rx(
                r"^(?:get|receive) (?:the latest|the best|exclusive|our|free|"
                r"weekly|daily)\b"
            ),
        ),
        Rule(
            NEWSLETTER,
            keys=("stay ", "keep ", "bleiben sie", "verpassen", "never miss", "don't miss"),
            pattern=_rx(
                r"^(?:stay|keep) (?:up to date|informed|in the loop)|bleiben sie (?:auf dem laufenden|"
                r"informiert|up to date)|verpassen sie (?:keine|nichts)|nichts mehr verpassen|"
                r"never miss (?:a|an|the)|don't miss (?:out|a thing|an update)"
            ),
        ),
        Rule(
            NEWSLETTER,
            keys=("informiert werden", "sichern sie sich"),
            pattern=_rx(
                r"sie möchten regelmäßig[^?]{0,140}informiert werden|sichern sie sich (?:jetzt )?"
                r"(?:ihr|ihre|ihren|den|das|die)"
            ),
        ),
        Rule(
            NEWSLETTER,
            keys=("kostenlos", "gratis"),
            pattern=_rx(
                r"(?:kostenlose[sn]?|gratis) (?:e-?book|whitepaper|webinar|probeabo|testabo)"
            ),
        ),
    )
)
# Short lines only (at most LABEL_WORDS words): labels and buttons of the same boxes.
NEWSLETTER_LABEL_RULES = RuleIndex(
    (
        Rule(
            NEWSLETTER,
            keys=("newsletter",),
            pattern=_rx(
                r"^(?:unser|unseren|ihr|der|our|the|free|kostenlose[rn]?|gratis)? ?"
                r"[\w-]{0,30}newsletter[\w-]{0,20}$|^newsletter[- ]?(?:anmeldung|abo|bestellen|"
                r"abonnieren|sign[- ]?up)\b"
            ),
        ),
        Rule(
            NEWSLETTER,
            keys=(
                "abo",
                "subscri",
                "trial",
                "testen",
                "free",
                "sign up",
                "anmelden",
                "registrieren",
            ),
            pattern=_rx(
                r"^(?:jetzt |hier )?(?:abonnieren|abo abschließen|zum abo|abo wählen|"
                r"subscribe(?: now| today| here)?|start (?:your )?free trial|"
                r"(?:jetzt )?(?:gratis |kostenlos )?(?:testen|anmelden|registrieren)$|"
                r"try (?:it )?(?:for )?free|"
                r"sign up(?: now| today| here| for free)?$)"
            ),
        ),
        Rule(
            NEWSLETTER,
            keys=("mail", "email"),
            pattern=_rx(
                r"^(?:(?:ihre|deine|your) e-?mail(?:-?adresse| address)?|e-?mail(?:-?adresse|"
                r" address))\s*\*?:?$"
            ),
        ),
        Rule(
            NEWSLETTER,
            keys=(
                "akzeptier",
                "ablehn",
                "accept",
                "reject",
                "allow",
                "einstellungen",
                "manage",
                "zustimm",
                "agree",
            ),
            pattern=_rx(
                r"^(?:alle )?(?:akzeptieren|ablehnen)$|^(?:accept|reject|allow) (?:all|cookies)|"
                r"einstellungen (?:verwalten|anpassen)|manage (?:preferences|settings|cookies|consent)|"
                r"zustimmen und weiter|akzeptieren und (?:weiter|schließen)|agree and (?:close|continue)"
            ),
        ),
    )
)

# Words that name privacy/terms pages: only dropped when the line talks to the reader
# (consent text always does: "Sie", "Ihre", "you", "wir") or is a short link label, so a
# news sentence about Meta's privacy policy is kept.
LEGAL_PAGE_RULES = RuleIndex(
    (
        Rule(
            NEWSLETTER,
            keys=("datenschutz", "privacy", "nutzungsbeding", "terms of", "agb", "cookie"),
            pattern=_rx(
                r"datenschutzerklärung|datenschutzhinweise?|datenschutzbestimmungen|"
                r"datenschutzrichtlinie|privacy policy|privacy notice|privacy statement|"
                r"nutzungsbedingungen|terms of (?:use|service)|\bagb\b|\bcookies?\b"
            ),
        ),
    )
)
# A legal-page line talks to the reader (matched case-sensitively: "Sie", not "sie")...
ADDRESSES_READER = re.compile(
    r"\b(?:Sie|Ihr|Ihre|Ihren|Ihrer|Ihnen|Ihres|du|dein|deine|wir|Wir|unsere?[nmrs]?|"
    r"Unsere?[nmrs]?|you|You|your|Your|we|We|our|Our)\b"
)
# ...and quotes nobody: a quoted "Ihre Daten" is a news sentence about the policy.
QUOTES = re.compile(r"[\"„“”«»]")

# --- advertising labels and ad-slot leftovers.
AD_LABEL = Rule(
    ADVERTISING,
    _whole(
        r"anzeige(?: ende)?",
        r"ende der anzeige",
        r"werbung(?: ende)?",
        r"end of advertisement",
        r"advertisement",
        r"advertising",
        r"ad",
        r"ads",
        r"sponsored",
        r"advertisement ?[·•|-] ?scroll to continue",
        r"gesponsert",
        r"promoted",
        r"paid (?:content|post|partnership)",
        r"partner-?inhalt",
        r"partner content",
        r"sponsored (?:content|stories|links)",
        r"promoted (?:stories|links)",
        r"from our partners",
        r"around the web",
        r"(?:in kooperation mit|präsentiert von|"
        r"presented by|sponsored by|brought to you by) [^.!?]{1,40}",
        r"scroll to continue(?: with content)?",
        r"(?:story|article) continues below(?: advertisement)?",
        r"weiter nach der anzeige",
        r"(?:der )?artikel (?:wird )?(?:unter|nach) der anzeige "
        r"(?:fortgesetzt|weiter)",
        r"anzeige überspringen",
        r"skip (?:this )?ad",
    ),
)

# --- social sharing bars: a line made only of these items (one or several, separated).
_SOCIAL_ITEM = (
    r"(?:(?:diesen |den )?(?:artikel|beitrag|seite|link|video) |jetzt )?teilen"
    r"(?: (?:auf|via|per|bei) [\w-]+)?"
    r"|share(?: this(?: article| story| post| page)?| article| story| post| on [\w-]+"
    r"| via [\w-]+)?"
    r"|(?:auf|bei|via|per) [\w-]+ teilen|per e-?mail (?:teilen|versenden|senden)"
    r"|e-?mail|mail|facebook|twitter|x|whatsapp|linkedin|xing|pinterest|reddit|telegram"
    r"|threads|bluesky|mastodon|flipboard|pocket|tumblr|instagram|youtube|tiktok|messenger"
    r"|sms|tweet|twittern|teilen|link kopieren|link kopiert|copy link|link copied|kopieren"
    r"|drucken|print|pin it|merken|gemerkt|speichern|save|bookmark|feedback|mailen"
    r"|teilen mit|share with|share on"
    r"|\d+ (?:shares?|mal geteilt)|shares?|geteilt|like|like this|gefällt mir|restack"
    r"|loading\.*|wird geladen ?…?|artikel verschenken|geschenkter artikel|gift (?:this )?article"
    r"|reuse this content|artikelrechte erwerben|get the app|follow"
    r"|(?:news|thema|autor|autorin|uns) folgen"
)
SHARE_BAR = Rule(SOCIAL, _rx(_LEAD + r"(?:(?:" + _SOCIAL_ITEM + r")[\s|•·,/:()\d-]*){1,12}$"))
FOLLOW_US = Rule(
    SOCIAL,
    _rx(
        r"^(?:folgen sie uns|folge uns|follow us|like us|find us|abonnieren sie uns|"
        r"besuchen sie uns) (?:auf|on|bei|in)\b[^.!?]{0,80}$"
    ),
)

# --- related links: headings of teaser boxes and "Lesen Sie auch: ..." lines.
_RELATED_HEADINGS = (
    # German
    r"das könnte (?:ihnen|sie|dich|dir) (?:auch |ebenfalls )?(?:gefallen|interessieren)",
    r"(?:auch|ebenfalls|besonders) interessant",
    r"interessant für (?:sie|dich)",
    r"lesen sie (?:auch|mehr|weiter|hier|dazu)(?: zum thema)?",
    r"lies auch",
    r"lesetipps?",
    r"leseempfehlung(?:en)?",
    r"auch lesenswert",
    r"dazu passend",
    r"mehr zum thema\b[^.!?]{0,60}",
    r"mehr zu (?:diesem|dem) thema",
    r"mehr dazu",
    r"mehr (?:aus|von) (?:dem|der|unserem|unserer) [\w-]+",
    r"mehr lesen",
    r"mehr erfahren",
    r"(?:hier |jetzt )?weiterlesen",
    r"weiter lesen",
    r"zum (?:artikel|beitrag)",
    r"weitere (?:artikel|beiträge|nachrichten|meldungen|themen|news|geschichten|links|videos|"
    r"angebote|produkte|ratgeber|tests)(?: zum thema| aus [\w-]+)?",
    r"ähnliche (?:artikel|beiträge|themen|nachrichten|produkte|inhalte)",
    r"verwandte (?:artikel|beiträge|themen|inhalte)",
    r"empfohlene (?:artikel|beiträge)",
    r"(?:unsere |redaktionelle )?empfehlung(?:en)?(?: der redaktion| für sie)?",
    r"meist(?:gelesen|gesehen|kommentiert|geteilt)e?(?: artikel| beiträge)?(?: \d+ tage)?",
    r"meist (?:gelesen|gesehen|kommentiert|geteilt)(?: \d+ tage)?",
    r"am meisten gelesen",
    r"beliebte (?:artikel|beiträge|themen)",
    r"top[- ]?(?:artikel|themen|news|meldungen|"
    r"beiträge|videos)",
    r"(?:neueste|aktuelle|letzte|neue) (?:artikel|beiträge|nachrichten|"
    r"meldungen|news)",
    r"wissenswertes zum thema",
    r"(?:passend )?zum thema",
    r"vorherige[rs]? (?:artikel|beitrag)",
    r"nächste[rs]? (?:artikel|beitrag)",
    r"zurück zur übersicht",
    r"alle (?:artikel|beiträge|news|nachrichten|meldungen)"
    r"(?: zum thema| anzeigen)?",
    r"(?:zur |mehr )?(?:bildergalerie|fotostrecke|videos?)",
    r"schlagworte?",
    r"schlagwörter",
    r"themen",
    r"tags?",
    r"kategorien?",
    r"rubriken?",
    # English
    r"related(?: articles| posts| stories| content| topics| coverage| reading| links| news)?",
    r"you (?:may|might|could) also (?:like|enjoy|be interested in)",
    r"we recommend",
    r"recommended(?: for you| reading| articles| stories| videos)?",
    r"more (?:from|on|in|about|stories from) [^.!?]{1,40}",
    r"more (?:stories|news|articles|videos|like this)",
    r"read more(?: about [^.!?]{1,40})?",
    r"read (?:next|also)",
    r"also read",
    r"see also",
    r"further reading",
    r"most (?:read|popular|viewed|shared|commented)",
    r"trending(?: now| stories)?",
    r"popular(?: posts| articles| stories| now)?",
    r"recent (?:posts|articles|stories|comments)",
    r"latest (?:news|posts|articles|stories|videos)",
    r"top stories",
    r"(?:previous|next) (?:article|post|story)",
    r"(?:older|newer) posts",
    r"continue reading(?: [^.!?]{1,80})?",
    r"keep reading",
    r"(?:show|load|view|see) (?:more|all)",
    r"filed under\b[^.!?]{0,80}",
    r"posted in\b[^.!?]{0,80}",
    r"categories",
    r"topics",
    r"labels",
    r"editor'?s picks",
    r"in case you missed it",
    r"what to read next",
    r"tagged\b[^.!?]{0,80}",
    r"explore more on these topics",
    r"discover more from [^.!?]{1,40}",
    r"ready for more\?",
    r"dieses thema im programm\b[^!?]{0,80}",
    r"don't miss",
    r"vollständige berichterstattung",
    r"full coverage",
    r"weitere berichte(?: zu diesem thema)?",
    r"(?:weiterlesen|mehr lesen|zum artikel) (?:auf|bei) [\w.-]{2,40}",
    r"(?:read more|continue reading|read the full story) (?:at|on) [\w.-]{2,40}",
)
RELATED_HEADING = Rule(RELATED, _whole(*_RELATED_HEADINGS))
# "Lesen Sie auch: Putin droht ...", "Tags: Russland, Nordkorea", "READ MORE | ..."
# (up to NOTICE_WORDS words: the headline after the label makes the line long)
RELATED_PREFIX = Rule(
    RELATED,
    _rx(
        _LEAD
        + r"(?:lesen sie (?:auch|mehr|dazu)|lies auch|lesetipp|mehr zum thema|auch interessant|"
        r"das könnte sie auch interessieren|weiterlesen|read more|read also|also read|related|"
        r"see also|more on this|tags|schlagworte|schlagwörter|themen|kategorien?|categories|topics|"
        r"filed under|posted in|tagged|labels)\s*[:|»›→–-]\s*\S"
    ),
)

# --- image credits, captions with credits, copyright lines.
IMAGE_CREDIT = Rule(
    IMAGE,
    _rx(
        _LEAD + r"(?:fotos?|bild(?:er|quelle|nachweis|rechte)?|quelle bild|titel(?:bild|foto)|"
        r"beitragsbild|aufmacherbild|symbolbild|symbolfoto|grafik|illustration|abbildung|"
        r"images?|image (?:source|credit)|photos?|photograph|photo credit|pictures?|credits?|"
        r"header image|featured image|cover image|karte|map|video|image caption)"
        r"\s*(?:[:©|/,]|\(c\))\s*\S|^(?:bild|foto|grafik) (?:vergrößern|zoomen)$|^vergrößern$"
        r"|^(?:fotos?|bild|bilder|photos?|images?|credits?|grafik)\s*(?::|©|\(c\))$"
    ),
)
GALLERY_COUNTER = Rule(
    IMAGE, _rx(r"^(?:(?:bild|foto|image|photo|slide) )?\d{1,3} ?(?:/|von|of) ?\d{1,3}$")
)
COPYRIGHT = Rule(
    IMAGE,
    keys=("©", "(c)", "copyright", "rechte", "rights", "bild", "symbol"),
    pattern=_rx(
        r"(?:^|\s)(?:©|\(c\)|copyright\b)|alle rechte vorbehalten|all rights reserved|"
        r"\b(?:titelbild|beitragsbild|symbolbild|symbolfoto)\b"
    ),
)
# Caption text ending in a credit: "Scholz in Berlin. Foto: Michael Kappeler/dpa",
# "Die Szene im Vorjahr. Photo by Jon Tyson on Unsplash", "Bild von Anna M. auf Pixabay"
TRAILING_CREDIT = Rule(
    IMAGE,
    keys=(":", "©", "by ", "von "),
    pattern=_rx(
        r"(?:\b(?:foto|fotos|bild|photo|image|photograph|credit|bildquelle)\s*:|©)\s*"
        r"(?:[^.!?:]|\.(?=\w)){1,80}\)?$"  # a dot only inside a name: "picturedesk.com"
        r"|\b(?:foto|bild|photo|image|picture) (?:by|von) [^.!?:]{1,60}$"
        r"|\(quelle: [^()]{0,40}(?:imago|dpa|getty|afp|reuters|picture|/)[^()]{0,40}\)$"
    ),
)
# A caption closed by an agency and a photographer, as written: "Blick auf Lustenau.
# WIRELINE/Dado Ruvic", "(APA/AFP)"; a gallery's "[1/3]" in front.
AGENCY_CREDIT = Rule(
    IMAGE,
    keys=("/", "|"),
    pattern=re.compile(
        r"(?:\b(?:APA|AFP|AP|DPA|dpa|EPA|Reuters|REUTERS|Getty|Imago|IMAGO|Keystone|[A-Z]{4,})"
        r"/[A-ZÄÖÜ][\w.-]+(?: [A-ZÄÖÜ][\w.-]+){0,3}\)?|\((?:APA|AFP|AP|dpa|EPA|Reuters)"
        r"(?:/[\w.-]+){1,3}\))$"
        # "Einsatzkräfte vor Ort. | APA", "Archivbild | AFP", "| APA/dpa"
        r"|\s\|\s*(?:APA|AFP|AP|DPA|dpa|EPA|Reuters|REUTERS|Getty Images|Getty|Imago|IMAGO"
        r"|Keystone|KEYSTONE|ddp|picturedesk\.com)(?:/[\w.-]+){0,3}$"
    ),
)
GALLERY_CAPTION = Rule(IMAGE, re.compile(r"^\[\d{1,3}/\d{1,3}\]\s"))
# A player's label: "Audio: Beitrag von Anna Berger, 1:51 Min | mehr", "Video: 3:20 min"
MEDIA_LINE = Rule(
    IMAGE,
    keys=("audio", "video", "podcast"),
    pattern=_rx(r"^(?:audio|video|podcast)s?\s*:[^.!?]{0,80}\b\d{1,2}:\d\d\b"),
)
# Reading controls: "Darstellung: Normal", "Schriftgröße: A A A", "Text size"
TEXT_SIZE = Rule(
    MENU,
    _rx(
        r"^(?:darstellung|schriftgröße|schriftgrösse|textgröße|text size|font size)\s*:?\s*"
        r"(?:normal|groß|gross|klein|größer|kleiner|large|small|larger|smaller|[a+−\- ]{1,12})?$"
    ),
)
GALLERY_LINK = Rule(
    IMAGE,
    _rx(
        r"^(?:alle )?(?:bilder|fotos|photos) (?:ansehen|anzeigen|zeigen)|^(?:view|see) (?:all )?"
        r"(?:photos|images)|^(?:bilderstrecke|fotostrecke|galerie|gallery|slideshow)\b[^.!?]{0,30}$"
    ),
)
# A line naming only a photo agency or stock site: "IMAGO/Funke Foto Services", "Getty Images"
PHOTO_AGENCY = Rule(
    IMAGE,
    keys=("/",),
    pattern=_rx(
        r"getty ?images|imago|picture[- ]alliance|shutterstock|istock(?:photo)?|adobe ?stock|"
        r"unsplash|pixabay|pexels|freepik|\bdpa\b|\bafp\b|\bap photo\b|\bepa\b|keystone|"
        r"\breuters\b|\bddp\b"
    ),
)

# --- reading time: "4 Minuten Lesezeit", "5 min read", "Lesezeit: 3 Min."
READING_TIME_PHRASE = Rule(
    READING_TIME,
    keys=("min", "lese", "read", "listen", "hör", "vorles", "audio"),
    pattern=_rx(
        r"\b\d+(?: ?[-–] ?\d+)? ?(?:min(?:\.|uten?|s)?|minutes?)\b\.? ?(?:lesezeit|lesedauer|"
        r"zum lesen|lesen|read|reading(?: time)?)\b|(?:lesezeit|lesedauer|reading time|"
        r"read time|time to read)\b ?:? ?(?:ca\.? ?|etwa |~ ?)?\d+|artikel (?:anhören|vorlesen)|"
        r"artikel zum (?:an)?hören|listen to (?:this )?(?:article|story)|audio-?version"
    ),
)

# --- bylines: "Von Jane Park", "By Jane Doe, Reuters", "Autor: ...", "Von" + name below.
# Names are matched case-sensitively (capitalised words), the prefix case-insensitively,
# so "Von Berlin aus fuhr er weiter." or "By Monday, the team will ..." are not bylines
# (NAMED_BYLINE, NAME_ONLY and POST_META are matched against the line as written).
_UPPER = "A-ZÀ-ÖØ-Þ"
_NAME_WORD = rf"(?:[{_UPPER}][^\W\d_]*(?:[-'’][{_UPPER}]?[^\W\d_]+)*\.?)"
_PARTICLE = r"(?:von|van|vom|zu|de|der|den|du|da|di|del|della|la|le|al|el|bin|ibn|ten|ter|dos|y)"
_NAME = rf"{_NAME_WORD}(?:\s+(?:{_PARTICLE}\s+)?{_NAME_WORD}){{0,3}}"
_NAMES = rf"{_NAME}(?:\s*(?:,|&|\bund\b|\band\b|\bsowie\b)\s*{_NAME}){{0,3}}"
_BY_PREFIX = (
    r"(?i:(?:ein(?:e|en)? (?:kommentar|analyse|gastbeitrag|essay|kolumne|reportage|bericht|"
    r"interview|rezension) )?(?:von|by|text|autor(?:in)?|author|written by|geschrieben von|"
    r"reporting by|recherche|redaktion|verfasst von)\s*:?)"
).replace(" ", r"\s+")
# The group "tail" is what follows the names; it must pass the byline-tail check.
NAMED_BYLINE = Rule(
    BYLINE,
    re.compile(
        rf"^{_BY_PREFIX}\s+(?:{_NAMES})(?:\s*(?:[,|·•/]|\s[–—-])\s*(?P<tail>.{{0,80}}))?\s*$"
    ),
)
BY_ALONE = Rule(BYLINE, _rx(r"^(?:von|by|text|autor(?:in)?|author|written by)\s*:?$"))
# Agency or editor codes closing a report ("(jk)", "(dpa/AFP)") and source lines.
SOURCE_CODE = Rule(
    BYLINE,
    _rx(
        r"^\((?:[a-zäöü]{2,4}|dpa|afp|ap|rtr|reuters|kna|epd|sid|apa)(?:\s*[/,;]\s*[a-zäöü]{2,8})*\)$"
        r"|^(?:quellen?|sources?)\s*:\s*[^.!?]{1,60}$|^(?:verwendete )?quellen:?$|^sources:?$"
        r"|^(?:[•·*-] ?)?aus (?:der|dem|die) [^.!?]{1,30} \d{1,2}/\d{4}$"
        r"|^(?:mit material von|with (?:additional )?(?:reporting|material) (?:from|by)) [^.!?]{1,60}$"
        # wire-service credits: "Reporting by X; Editing by Y", "red, BLITZ.at", "APA/red"
        r"|^(?:additional )?(?:reporting|writing|editing|edited|compiled|produced) by\b.{0,160}$"
        r"|^(?:red|apa|dpa|afp|ap|sda|kna|ots)(?:\s*[/,]\s*[\w.-]{1,20}){0,3}$"
    ),
)
# A name with the writer's role: "Martin Lechner, Korrespondent in Wien".
ROLE_BYLINE = Rule(
    BYLINE,
    re.compile(
        rf"^{_NAMES},?\s+(?i:korrespondent(?:in)?|redakteur(?:in)?|reporter(?:in)?|"
        r"correspondent|editor|autor(?:in)?|chefredakteur(?:in)?|ressortleiter(?:in)?)\b.{0,40}$"
    ),
)
# A byline with a date and maybe a time: "Florian Rauscher, 6. März 2016, 20:26",
# "14. Februar 2016 | Josef Egger", "8. März 2016 · Katharina Oberhauser · 9 Kommentare".
# Checked in lines.py: besides the date, only capitalised words (names, places, agency
# codes) and these words, with a separator; a headline with a date has no separator.
DATED_BYLINE_SEPARATOR = re.compile(r",|\s[|·•/–—-]\s")
DATED_BYLINE_WORDS = _wordset(
    """von by am um uhr mit und and für for in aus kommentare kommentar comments comment
    beiträge beitrag postings posting antworten replies aktualisiert updated update
    veröffentlicht published erschienen stand zuletzt geändert last modified min lesezeit
    read minuten minutes"""
)
DATED_BYLINE_NAMES = 6
# A web address standing for a source: "derstandpunkt.at", "n-tv.de".
DOMAIN = re.compile(r"\b[\w-]+(?:\.[\w-]+)*\.(?:at|de|ch|com|net|org|eu|info|tv|co\.uk)\b")
# The author's name alone, on the line under "Von" / "By".
NAME_ONLY = Rule(BYLINE, re.compile(rf"^{_NAMES}$"))
# A correspondent's byline: "Nina Bauer in Wien", "Sarah Steiner in Washington" (two or
# three names, where they write from; boxes.byline_names applies it above the text).
NAME_IN_PLACE = Rule(
    BYLINE,
    re.compile(
        rf"^{_NAME_WORD}\s+{_NAME_WORD}(?:\s+{_NAME_WORD})?\s+(?:in|aus|from)\s+"
        rf"{_NAME_WORD}(?:\s+(?:(?:an|am|bei|im|ob|upon)(?:\s+der)?\s+)?{_NAME_WORD}){{0,3}}$"
    ),
)
# The follow button of an author box, under its role line.
FOLLOW_BUTTON = re.compile(r"^(?:\+\s*)?(?i:folgen|follow|autor(?:in)? folgen|follow author)$")
# The role line of an author box: "Redakteur in der Politik.", "Korrespondentin für
# Österreich und Ungarn.", "Reporter at the Guardian".
ROLE_LINE = Rule(
    AUTHOR_BIO,
    _rx(
        r"^(?:redakteur|korrespondent|reporter|autor|journalist|chefredakteur|ressortleiter|"
        r"kolumnist|moderator|volontär)(?:in)? (?:in|im|für|bei|der|des|aus)\b[^.!?]{1,60}\.?$"
        r"|^(?:editor|correspondent|reporter|writer|columnist|journalist) (?:at|for|of|in|on)"
        r"\b[^.!?]{1,60}\.?$"
    ),
)
# Blog and forum post headers: "Beitrag von hansi82 » Mo 14. Nov 2024, 08:50",
# "Posted by Jane on March 3, 2024", "Veröffentlicht am 14.11.2024 von Jane Park".
POST_META = Rule(
    BYLINE,
    re.compile(
        r"^(?i:(?:beitrag|post|posted|geschrieben|verfasst|veröffentlicht|published|written|"
        r"submitted|erstellt) (?:von|by) )\S.{0,60}?(?:»|\s(?i:am|on|at|um)\s).{0,60}\d.{0,30}$"
        r"|^(?i:posted by|gepostet von|submitted by) u/\S+"
        r"|^(?i:(?:posted|published|veröffentlicht|geschrieben|erstellt) (?:am|on) )"
        rf".{{0,40}}\d.{{0,40}}\s(?i:von|by)\s+{_NAMES}\s*$".replace(" ", r"\s+")
    ),
)
# First words of every byline and post-header pattern above (a cheap pre-check).
BYLINE_FIRST_WORDS = _wordset(
    """von by text autor autorin author written geschrieben reporting recherche redaktion
    verfasst ein eine einen beitrag post posted veröffentlicht published submitted
    erstellt"""
)
# A byline tail ending like a sentence ("... sagte er.") belongs to running text.
SENTENCE_TAIL = re.compile(r"[^\W\d_]{3,}[.!?]$")
# Lowercase words a byline tail may contain ("Korrespondentin in Seoul", "vor 3 Stunden").
BYLINE_TAIL_WORDS = _wordset(
    "in aus für bei und and for from at of the der die das am um uhr vor ago on mit with "
    "min read lesezeit minuten minutes updated aktualisiert stand dpa afp ap epa ddp"
)

# --- date lines: "14.11.2024", "08:50 Uhr", "Stand: 14.11.2024", "Updated 3 hours ago".
# Checked by tokens (a deterministic scan), not one big regex, so no backtracking.
DATE_TOKENS = re.compile(r"\d+|[^\W\d_]+|\S")
CALENDAR_WORDS = _wordset(
    """januar jan jänner jän feber februar feb märz mär maerz mar april apr mai juni jun juli
    jul august aug september sept sep oktober okt oct november nov dezember dez dec january
    february march
    may june july october december montag dienstag mittwoch donnerstag freitag samstag
    sonnabend sonntag mo di mi do fr sa so monday tuesday wednesday thursday friday saturday
    sunday mon tue tues wed thu thur thurs fri sat sun"""
)
RELATIVE_WORDS = _wordset(
    """sekunde sekunden minute minuten min stunde stunden std tag tagen tage woche wochen
    monat monaten jahr jahren second seconds minutes mins hour hours hr hrs h day days week
    weeks month months year years"""
)
TODAY_WORDS = _wordset("heute gestern vorgestern today yesterday")
DATE_FILLER = _wordset(
    """stand aktualisiert zuletzt veröffentlicht erschienen erstellt geändert datum updated
    last published posted first modified date am um vom vor seit ab uhr ago on at and und
    a m p pm mez mesz cet cest utc gmt bst est edt pst pdt et ct t z"""
)
DATE_PUNCT = frozenset(".,:/-–—|·•()[]+'’")

# --- contact details, prices and shop/CTA buttons.
PRICE = Rule(
    CONTACT,
    keys=("€", "$", "£", "¥", "eur", "usd", "chf", "gbp"),
    pattern=_rx(
        r"(?:[€$£¥]|\b(?:eur|usd|chf|gbp)\b) ?\d{1,3}(?:[.,' ]\d{3})*(?:[.,]\d{1,2}|,-)?"
        r"|\d{1,3}(?:[.,' ]\d{3})*(?:[.,]\d{1,2}|,-|,–)? ?(?:€|\$|£|\b(?:eur|euro|usd|chf|gbp)\b)"
    ),
)
# Words that may surround a price in a shop line ("ab 19,90 € inkl. MwSt.").
PRICE_WORDS = _wordset(
    """ab nur statt jetzt uvp preis price from only was now sale rabatt inkl incl inklusive
    mwst vat zzgl versand shipping pro per monat month stück stk je each und and oder or
    neu new ersparnis save sparen sie bis to"""
)
PHONE = Rule(
    CONTACT,
    _rx(
        r"^(?:(?:tel(?:efon)?|fon|phone|fax|hotline|mobil|handy|call(?: us)?|whatsapp|"
        r"ruf(?:en sie)?(?: uns)? an|servicenummer|kontakt)\.?\s*:?\s*)"
        r"\+?\(?\d[\d\s()/.-]{4,}\d$"
    ),
)
# An unlabelled phone number starts with "+", "0" or "(": "07930-2699", "+49 30 1234567".
# (A plain "150.000" is a number, and "14.11.2024" a date, not a phone.)
BARE_PHONE = Rule(CONTACT, re.compile(r"^(?:\+|0|\()[\d\s()/.-]{5,}\d$"))
EMAIL_LINE = Rule(
    CONTACT,
    keys=("@",),
    pattern=_rx(r"^(?:e-?mail|mail|kontakt|contact)?\s*:?\s*[\w.+-]+@[\w-]+(?:\.[\w-]+)+$"),
)
CONTACT_CTA = Rule(
    CONTACT,
    _whole(
        r"kostenlose (?:beratung|erstberatung|hotline)",
        r"kostenloses erstgespräch",
        r"gratis beratung",
        r"(?:jetzt )?(?:beratung|termin) vereinbaren",
        r"jetzt anrufen",
        r"rufen sie (?:uns )?(?:jetzt )?an",
        r"rückruf (?:anfordern|vereinbaren)",
        r"(?:unverbindliches )?angebot anfordern",
        r"free (?:consultation|quote|estimate)",
        r"get a (?:free )?quote",
        r"request a (?:quote|callback|demo)",
        r"call (?:us )?(?:now|today)",
        r"contact us(?: today)?",
        r"kontaktieren sie uns",
        r"book a (?:call|demo|consultation)",
        r"jetzt (?:kaufen|bestellen|shoppen)",
        r"(?:buy|shop|order) now",
        r"in den warenkorb",
        r"add to (?:cart|basket|bag)",
        r"zur kasse",
        r"checkout",
        r"auf lager",
        r"in stock",
        r"out of stock",
        r"sold out",
        r"ausverkauft",
        r"nicht (?:vorrätig|verfügbar|lieferbar)",
        r"sofort lieferbar",
        r"lieferzeit\b[^.!?]{0,30}",
        r"versandkostenfrei\b[^.!?]{0,30}",
        r"kostenloser versand\b[^.!?]{0,30}",
        r"free (?:shipping|delivery|returns)\b[^.!?]{0,30}",
        r"inkl\.? mwst\.?[^!?]{0,40}",
        r"zzgl\.? versand[^!?]{0,40}",
        r"incl\.? vat[^!?]{0,30}",
        r"(?:artikelnummer|art\.-nr\.|sku|ean)\s*:?[^!?]{0,30}",
        r"\d(?:[.,]\d)? (?:von|out of) 5 (?:sternen|stars)",
        r"\d+ (?:bewertungen|reviews?)",
        r"(?:\d+\.?\d* )?(?:kunden|customers) vertrauen uns",
        r"trusted by [^.!?]{1,40}",
    ),
)

# --- navigation: labels of site menus, a whole line of them ("Home | Politik | Login").
_NAV_ITEM = (
    r"menü|menu|hauptmenü|main menu|navigation|(?:menü|menu|navigation|suche|search) "
    r"(?:öffnen|schließen|open|close|toggle)|toggle navigation|suche|suchen|search|startseite"
    r"|home|homepage|anmelden|abmelden|login|log in|logout|log out|sign in|sign out"
    r"|registrieren|register|mein konto|my account|konto|account|profil|profile|warenkorb|cart"
    r"|basket|kontakt|contact|impressum|imprint|datenschutz|privacy|agb|terms|über uns|about"
    r"|about us|faq|hilfe|help|sitemap|jobs|karriere|careers|presse|press|mediadaten"
    r"|newsletter|abo|abos|e-paper|epaper|podcasts?|zurück|back|weiter|next|vorherige seite"
    r"|nächste seite|previous|next page|nach oben|back to top|to top|zum inhalt springen"
    r"|skip to (?:main )?content|skip navigation|direkt zum inhalt|zur navigation"
    r"|zur startseite|zurück zur startseite|back to home|schließen|close|mehr|more|alle|all"
    r"|übersicht|overview|ressorts|sections|rubriken|dark ?mode|einstellungen|settings"
    r"|sprache|language|deutsch|english|seite \d+ ?(?:von|/) ?\d+|page \d+ ?(?:of|/) ?\d+"
    r"|a-z|shop|store"
    r"|vorlesen|druckansicht|merkliste|zur merkliste(?: hinzufügen)?|start writing"
    r"|kommentare(?: lesen)?(?: \(?\d+ beiträge\)?)?"
    r"|suche nach|suchen nach|search for|antwort erstellen|neues thema|thema erstellen"
    r"|foren-?übersicht|forenübersicht|board index|schnellzugriff"
    r"|angemeldet bleiben\??|remember me|passwort vergessen\??|forgot (?:your )?password\??"
    r"|(?:ergebnis(?:se)?|beitrag|beiträge|postings?|kommentare?|results?|posts?|comments?)"
    r" \d+ (?:bis|-|–|to) \d+ (?:von|of) \d+|\d+ (?:beiträge|postings|posts|antworten|replies)"
    r"|benutzername|kennwort|passwort|username|password"
)
# Items may carry decoration ("Suche…", "Menü ▾").
MENU_LINE = Rule(
    MENU, _rx(_LEAD + r"(?:(?:" + _NAV_ITEM + r")[^\w\s]*(?:\s*[|•·/»›>,]\s*|\s+|$)){1,10}[^\w]*$")
)
# A link's label as a screen reader reads it: "Acquire Licensing Rights, opens new tab".
LINK_LABEL = Rule(
    MENU,
    _rx(
        r"(?:,|\()? ?(?:opens (?:in )?(?:a )?new (?:tab|window)|öffnet (?:sich )?in (?:einem )?neuen "
        r"(?:tab|fenster))\)?$"
    ),
)
# A headline listed with its source and age: "... – Kurier · vor 16 Std.".
LISTED_HEADLINE = Rule(
    RELATED,
    _rx(r"\s[–—-]\s[^–—.!?]{1,40}\s[·•|]\s(?:vor \d+ \w+\.?|\d+\s?(?:min|h|std|d)\.? ago)$"),
)
# A row of short items between separators ("News  Magazine  Tests  Download", "Aktuell |
# Stadtleben | Kultur | Essen & Trinken"), or a long row of capitalised words with no
# word that a sentence or a headline needs ("International Inland Wirtschaft Web Sport
# Panorama Etat Kultur"): a menu of the site's own sections. Checked in lines.py.
MENU_ROW_SEPARATOR = re.compile(r"\s{2,}|\s*[|•·]\s*")
MENU_ROW_ITEMS = 3  # separated items
MENU_ROW_ITEM_WORDS = 3
MENU_ROW_WORDS = 7  # capitalised words in a row separated by single spaces
# Breadcrumbs: "Startseite > Politik > Ausland", "Home › News › World"
BREADCRUMB = Rule(
    MENU,
    keys=(">", "›", "‹", "»", "/", "|", "→"),
    pattern=_rx(
        r"^(?:startseite|home|homepage|übersicht|news|nachrichten)\s*[>›»/|→]\s*\S"
        r"|^[^.!?>›»]{1,40}(?:\s*[>›»→]\s*[^.!?>›»]{1,40}){2,}$"
        r"|^[^.!?:,›‹»«]{1,40}(?:\s[›‹→]\s[^.!?:,›‹»«]{1,40})+$"
        # one ">" between two short capitalised sections: "Lokales > Bezirk Tulln"
        r"|^[a-zäöü][^.!?:,>\d]{1,30}\s>\s[^.!?:,>\d]{1,40}$"
    ),
)

# --- mail headers of a newsletter or a forwarded article: "Von: Redaktion <a@b.at>",
# "Betreff: ...".
MAIL_HEADER_LINE = Rule(
    MAIL_HEADER,
    _rx(
        r"^(?:von|from|an|to|cc|antwort an|reply-to)\s*:\s*[^@]{0,60}<?[\w.+-]+@[\w-]+(?:\.[\w-]+)+>?$"
        r"|^(?:betreff|subject|datum|date|gesendet|sent)\s*:\s*\S"
    ),
)

# --- reader comments.
# Strong markers only occur where comments begin (forms, "N thoughts on ..."), so they
# start the comment section on their own (once the article body has begun).
COMMENT_START = Rule(
    COMMENTS,
    _rx(
        _LEAD + r"(?:kommentare? (?:lesen|schreiben|anzeigen|ansehen|verfassen)\b[^.!?]{0,60}"
        r"|(?:schreibe|schreiben sie|hinterlasse|hinterlassen sie|verfasse|verfassen sie|"
        r"schreib) (?:einen|eine|deinen|ihren) (?:kommentar|antwort)\b.{0,40}"
        r"|(?:kommentar|antwort) (?:schreiben|verfassen|hinterlassen|abgeben|abschicken)\b.{0,30}"
        r"|leserkommentare?\b.{0,30}|leserdiskussion\b.{0,30}|diskutieren sie mit\b.{0,60}"
        r"|(?:zur|zu den) (?:diskussion|kommentaren)\b.{0,30}|alle kommentare\b.{0,30}"
        r"|(?:\d+|ein|eine|zwei|drei|vier|fünf) (?:gedanken?|antworten?|kommentare?|reaktionen|"
        r"meinungen) (?:zu|auf|zum|zur)\b.{0,200}"
        r"|kommentare sind (?:geschlossen|deaktiviert)|die kommentarfunktion\b.{0,80}"
        r"|kommentarfunktion\b.{0,60}|ihre meinung (?:ist gefragt|zum thema)\b.{0,30}"
        r"|(?:ihre|deine|eure) meinung|leserstimmen|leserbriefe|leserreaktionen|your views"
        r"|leave a (?:reply|comment|response)\b.{0,40}|(?:post|add|write|submit) a comment\b.{0,20}"
        r"|(?:join|start) the (?:discussion|conversation)\b.{0,30}|reader comments\b.{0,20}"
        r"|(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten) (?:thoughts?|responses?|"
        r"replies|comments?) (?:on|to)\b.{0,200}"
        r"|(?:view|show|load|read|see) (?:all )?(?:\d+ )?comments\b.{0,20}|have your say\b.{0,20}"
        r"|comments are closed\b.{0,20}|discussion about this (?:post|article))$"
    ),
)
# Weak markers ("Kommentare", "23 comments") are also comment counters in page headers
# and share bars, so they need reply-like evidence after them; one that does not start
# the comments is dropped alone, as a comment link.
COMMENT_COUNTER = Rule(
    COMMENT_LINK,
    _whole(
        r"(?:\d+ )?(?:kommentare|comments|antworten|replies|responses|reaktionen|beiträge|"
        r"postings|lesermeinungen|leserbriefe|meinungen)(?: \(\d+\))?",
        r"\d+ (?:kommentar|comment|antwort|reply|response|beitrag|posting|lesermeinung)",
        r"kommentieren",
        r"comment",
        r"(?:diskussion|discussion|forum) \(\d+(?: beiträge| postings)?\)",
    ),
)
# Forum replies: "Re: Putin und Kim", "AW: ...".
FORUM_REPLY = Rule(COMMENTS, _rx(r"^(?:re|aw|antw|wg)\s*(?:\^\d+|\[\d+\])?\s*:\s*\S"))
# Evidence that a stretch of text is replies, not article (MENTION is matched against
# the line as written).
MENTION = Rule(COMMENTS, re.compile(r"(?<![\w.@])@[^\W\d_][\w.-]{1,30}"))
REPLY_CONTROL = Rule(
    COMMENTS,
    _whole(
        r"antworten",
        r"antwort",
        r"reply",
        r"replies",
        r"melden",
        r"report",
        r"zitieren",
        r"quote",
        r"gefällt mir",
        r"like",
        r"likes",
        r"permalink",
        r"log in to reply",
        r"login to reply",
        r"zum antworten anmelden",
        r"auf (?:diesen )?kommentar antworten",
        r"reply to (?:this )?comment",
        r"\d+ (?:antworten|replies|likes?)",
        r"(?:up|down)vote",
        r"[↑↓▲▼]",
    ),
)
# A post with its header on the same line: "Waldi13 schrieb am 30.01.2016 um 23:15: Denn
# nicht nur ...", "jane wrote on 3/4/2016 at 10:12: ..." (a numeric date or a clock time:
# an article writes "schrieb am 3. Mai").
INLINE_POST = Rule(
    COMMENTS,
    keys=("schrieb", "sagt", "wrote", "says", "kommentierte", "commented", "meinte", "replied"),
    pattern=_rx(
        r"^\S.{0,60}? (?:sagte?|says|said|schrieb|schreibt|wrote|writes|kommentierte|commented|"
        r"meinte|antwortete|replied) (?:am|on) (?:\d{1,2}[./]\d{1,2}[./]\d{2,4}|[^:]{3,30}? "
        r"(?:um|at) \d{1,2}[:.]\d{2})[^:]{0,20}:\s*\S"
    ),
)
SAYS = Rule(
    COMMENTS,
    _rx(
        r"^\S.{0,60}? (?:sagt|says|schrieb|schreibt|hat geschrieben|wrote|writes|kommentierte|"
        r"commented|meint|meinte|antwortete|replied)\s*(?::|…)?(?: .{0,40}\d.{0,20})?$"
        r"|^\S.{0,60}? (?:am|on) (?:\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}|\d{1,2}\.? [^\W\d_]+\.? \d{4}|"
        r"[^\W\d_]+\.? \d{1,2},? \d{4})\s*,?\s*(?:(?:um|at) \d{1,2}[:.]\d{2}.{0,12})?$"
    ),
)
SIGNOFF = Rule(
    COMMENTS,
    _rx(
        r"^(?:viele|liebe|beste|freundliche|herzliche|schöne|sonnige|mit freundlichen) (?:grüße|"
        r"grüsse)\b.{0,40}$|^(?:mfg|lg|vg|gruß|gruss|grüße|grüsse|cheers|regards|best regards|"
        r"kind regards|best wishes|greetings|ciao|tschüss)\b.{0,30}$"
        r"|^(?:hallo|hi|hey|moin|servus|dear|liebe[rs]?|sehr geehrte[rs]?) [^\W\d_]+\s*[,!]"
    ),
)
# A numbered list item, as written: group 1 its indent, group 2 its number.
NUMBERED_ITEM = re.compile(r"^([ \t]*)(\d{1,3})[.)]\s+\S")

# --- the lines between two readers' posts (summarize.clean.comments): they find the
# comment section by its structure, and drop nothing on their own.
# A date or time inside a short line: "15.01.2016", "08:59", "12. März 2016", "March 3,
# 2016", "vor 9 Minuten", "5h ago", "heute". Matched against the lowercased line.
RECORD_TIME = re.compile(
    r"\b\d{1,2}\.\s?\d{1,2}\.\s?(?:\d{4}|\d{2})\b|\b\d{4}-\d{2}-\d{2}\b"
    r"|\b\d{1,2}:\d{2}\b|\b\d{1,2}\.\d{2}\s?uhr\b"
    r"|\b\d{1,2}\.?\s+(?:jan|jän|feb|mär|mar|apr|mai|may|jun|jul|aug|sep|okt|oct|nov|dez|dec)"
    r"[a-zä]*\.?,?\s+\d{2,4}\b"
    r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}\b"
    r"|\bvor\s+(?:\d+|einer|einem|wenigen)\s+(?:sek|min|std|stunde|tag|woche|monat|jahr)\w*"
    r"|\b\d+\s?(?:s|m|h|d|w|y|min|mins|hrs?|hours?|days?|weeks?|months?|years?)\s+ago\b"
    r"|\b(?:heute|gestern|today|yesterday)\b"
)
# A clock time alone: "08:59", "14.03 Uhr" (a video's length looks the same).
CLOCK_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}(?:\s?uhr)?\b")
# A line of votes, counts and buttons only, with at least one that only a post has (a
# reply or report button, a vote): "3 ▲ 0 ▼", "2 △ ▽ • Reply • Share ›", "antworten
# permalink melden", "Gefällt mir (4)", "Recommend 12". A share bar alone is the
# article's ("Teilen", "Merken").
_RECORD_SEPARATORS = r"[\s\d|•·/›»(),:.\[\]-]"
_RECORD_BUTTON = (
    r"antworten|antwort|reply|replies|melden|report|zitieren|quote|permalink|"
    r"(?:beitrag|kommentar|posting) melden|missbrauch melden|bearbeiten|edit|"
    r"(?:mehr|weitere|alle) antworten(?: anzeigen)?|(?:show|hide|view) (?:\d+ )?(?:more )?"
    r"repl(?:y|ies)|continue this thread|[▲▼△▽↑↓⬆⬇👍👎★☆↩↻🔁♡♥❤💬]|"
    r"(?:gefällt mir|likes?|dislikes?|recommend|empfehlen|zustimmung|ablehnung|hilfreich|"
    r"helpful|punkte|points|upvotes?|downvotes?)\s*[(:]?\s*\d+\)?"
)
_RECORD_OTHER_ITEM = (
    r"teilen|share|tweet|link|verlinken|merken|gefällt mir|like|dislike|empfehlen|recommend|"
    r"kommentieren|nach oben|mehr anzeigen|weniger anzeigen|löschen|delete|flag|vote"
)
RECORD_CONTROLS = Rule(
    COMMENTS,
    _rx(
        r"^"
        + _RECORD_SEPARATORS
        + r"*(?:(?:"
        + _RECORD_OTHER_ITEM
        + r")"
        + _RECORD_SEPARATORS
        + r"*){0,6}(?:"
        + _RECORD_BUTTON
        + r")(?:"
        + _RECORD_SEPARATORS
        + r"|"
        + _RECORD_BUTTON
        + r"|"
        + _RECORD_OTHER_ITEM
        + r"){0,60}$"
    ),
)
# Reply headers: "Antwort auf Posting von X", "Re: ...", "@X ...", "> quote", "level 2",
# "user → parent", "In reply to X". ("X sagt:" counts only over a time, like a name: a
# live blog quotes "Scholz schrieb:" under its times.)
RECORD_REPLY = Rule(
    COMMENTS,
    _rx(
        r"^(?:antwort auf|antwort an|als antwort auf|in reply to|reply to|replying to)\b"
        r"|^(?:re|aw|antw|wg)\s*(?:\^\d+|\[\d+\])?\s*:\s*\S"
        r"|^@[^\W\d_][\w.-]{1,30}|^>\s?\S|^level \d+$"
        r"|^(?:zitat|quote|zitieren)(?: von [^:]{1,40})?\s*:$|^(?:originally posted by|"
        r"ursprünglich geschrieben von) \S"
        r"|^[^\s.!?]{1,30} (?:→|->) [^\s.!?]{1,30}$"
    ),
)
# Numbered posts: "#3", "3.", "3. Subject of the post…", "1. [25]user".
RECORD_NUMBER = Rule(
    COMMENTS,
    re.compile(
        r"^\s*(?:#\d{1,4}\b.{0,60}|\d{1,3}\.\s*|\d{1,3}\.\s.{1,120}…|\d{1,3}\.\s\[\d+\]\S.{0,40})$"
    ),
)
# Forum headings and controls: "Forum", "Neueste zuerst", "Posting 1 bis 25 von 417",
# "Alle Kommentare öffnen", "Mehr Postings laden", "Sort by Best", "Ihre Meinung".
FORUM_UI = Rule(
    COMMENTS,
    _whole(
        r"forum",
        r"diskussion",
        r"discussion",
        r"kommentare",
        r"comments",
        r"ihre meinung",
        r"deine meinung",
        r"lesermeinungen?",
        r"leserkommentare",
        r"community",
        r"(?:neueste|älteste|beste|meistbewertete|meistdiskutierte|beliebteste) (?:zuerst|oben)",
        r"(?:newest|oldest|best|top|most liked|most recent) first",
        r"sort(?:ieren)?(?: by| nach)?:? (?:best|newest|oldest|top|neueste|älteste|beliebteste)",
        r"postings? \d+ (?:bis|-|–) \d+ von \d+",
        r"kommentare? \d+ (?:bis|-|–) \d+ von \d+",
        r"alle (?:kommentare|postings|beiträge|antworten) (?:öffnen|anzeigen|lesen|einblenden)",
        r"(?:mehr|weitere) (?:kommentare|postings|beiträge|antworten) (?:laden|anzeigen)",
        r"load more (?:comments|replies)",
        r"show \d+ more (?:comments|replies)",
        r"join the discussion…?",
        r"(?:\d+ )?(?:postings?|kommentare|comments) (?:zu|on) .{1,80}",
        r"(?:ergebnis|ergebnisse|beitrag|beiträge|posting|postings|kommentar|kommentare|results?|"
        r"posts?|comments?|antworten) \d+ (?:bis|-|–|to) \d+ (?:von|of) \d+",
        r"top-?kommentar(?:e)?",
        r"(?:leser)?kommentar der woche",
        r"top comments?",
        r"featured comments?",
        r"(?:meistgelesene|beliebteste|meistbewertete) kommentare",
    ),
)
# A poster's profile under the name: "Registriert seit: 10/2008", "Beiträge: 2.738".
RECORD_PROFILE = Rule(
    COMMENTS,
    _rx(
        r"^(?:registriert(?: seit)?|mitglied seit|dabei seit|beiträge|posts|ort|wohnort|location|"
        r"joined|alter|rang|reputation|karma|punkte|themen|danke|likes erhalten)\s*:\s*\S.{0,30}$"
    ),
)

# --- boxes the box rules read (summarize.clean.boxes).
# Ad copy under an ad label sells: it talks to the reader, names a price or urges.
AD_COPY = re.compile(
    r"\b(?:Sie|Ihr|Ihre|Ihren|Ihrer|Ihnen|du|dein|deine|you|your|You|Your)\b"
    r"|(?i:\d\s?(?:€|euro|eur)\b|[€$£]\s?\d|^(?:jetzt|testen|entdecken|sichern|bestellen|"
    r"sparen|vergleichen|buchen|kaufen|holen|gewinnen|now|get|buy|save|shop|try|discover)\b)"
)
AD_COPY_LINES = 3
AD_COPY_WORDS = 30
# A contact block closing a press release: "Rückfragehinweis:" and the names under it.
CONTACT_HEADING = Rule(
    CONTACT,
    _whole(
        r"rückfragehinweis",
        r"rückfragen(?: (?:&|und) kontakt)?",
        r"für rückfragen",
        r"pressekontakt",
        r"presseanfragen",
        r"medienkontakt",
        r"kontakt für (?:journalisten|medien)",
        r"media contact",
        r"press contact",
        r"press enquiries",
        r"for more information",
    ),
)
CONTACT_BLOCK_LINES = 10
CONTACT_BLOCK_WORDS = 12
# An all-capitals line of several words (every cased letter upper case): a section
# heading of a newsletter or a notice
# ("DAS THEMA DES TAGES", "*** ORIGINALTEXT-SERVICE ... ***"), never running text.
CAPITALS_WORDS = 4
CAPITALS_MAX_WORDS = 30

# --- author bios under the article.
AUTHOR_BIO_HEADING = Rule(
    AUTHOR_BIO,
    _whole(
        r"über (?:den autor|die autorin|die autoren|uns)",
        r"zum autor",
        r"zur autorin",
        r"about the (?:author|writer|authors)",
        r"autoreninfo",
        r"author bio",
        r"(?:der|die) autor(?:in)?",
    ),
)
