"""Every rule of the cleaner, as data: reasons, rule tables, word lists and limits.

Each rule is a `Rule`: the reason a matching line is dropped for, a compiled pattern, and
optionally keys (substrings a line must contain for the rule to apply). A rule applied on
its own has a name below; rules tried together as one set are a tuple of Rules (a table,
indexed by trigger in `RuleIndex` because it is searched in lines of any length). Long
lists of alternative labels are one Rule whose pattern joins them (`_whole`): one regex
is far cheaper than one per label. Nothing here decides anything: the line verdicts
(`lines.py`) and the context rules (`context.py`) say how, on which lines and in which
order the rules are applied.

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
_GLUE = ("-", "/", "(", "„", "\"", "“", "«", "»", "'", "‚", "*")


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
URL_LINE = Rule(BARE_LINK, re.compile(r"^<?(?:https?://|www\.)\S+>?$"))

# --- disclaimers: legal and editorial small print. Written as specific phrases because
# these are often long paragraphs that would otherwise look like article prose.
DISCLAIMER_RULES = RuleIndex((
    # sample 000: user-submitted article, AI cover image, copyright complaints
    Rule(DISCLAIMER, keys=("urheberrecht",), pattern=_rx(
        r"gegen (?:das |die )?urheberrechte? versto(?:ß|ss)")),
    Rule(DISCLAIMER, keys=("benutzer", "nutzer", "leser"), pattern=_rx(
        r"(?:artikel|beitrag|text) wurde von unse?re[mn] (?:benutzer|nutzer|leser)")),
    Rule(DISCLAIMER, keys=("einreichung",), pattern=_rx(r"richtlinien für die einreichung")),
    Rule(DISCLAIMER, keys=("submitted by",), pattern=_rx(
        r"submitted by (?:a|one of our|our) (?:user|reader|contributor)s?")),
    Rule(DISCLAIMER, keys=("if you believe",), pattern=_rx(
        r"if you believe (?:that )?this (?:article|post|content) (?:infringes|violates)")),
    Rule(DISCLAIMER, keys=("computererzeugt",), pattern=_rx(r"computererzeugte kunst")),
    Rule(DISCLAIMER, keys=("illustrativ",), pattern=_rx(
        r"(?:nur )?zu illustrativen zwecken|for illustrative purposes only")),
    Rule(DISCLAIMER, keys=("haftungsausschluss", "disclaimer"), pattern=_rx(
        r"haftungsausschluss|^disclaimer\b")),
    # finance sites: the standard "not investment advice" clause
    Rule(DISCLAIMER, keys=("beratung",), pattern=_rx(
        r"keine (?:anlage|finanz|rechts|steuer)beratung|stellt keine (?:anlage|finanz|rechts|"
        r"steuer)?beratung dar")),
    Rule(DISCLAIMER, keys=("advice",), pattern=_rx(
        r"(?:does not|do not|is not intended to) constitute (?:financial|investment|legal|tax) "
        r"advice|\bnot (?:financial|investment) advice\b")),
    Rule(DISCLAIMER, keys=("expressed",), pattern=_rx(
        r"views (?:and opinions )?expressed (?:in this (?:article|post|piece)|here(?:in)?) are")),
    Rule(DISCLAIMER, keys=("geäußert",), pattern=_rx(
        r"geäußerten? meinung(?:en)? (?:ist|sind|gibt|geben|entspricht|entsprechen)"
        r"[^.]{0,60}(?:autor|verfasser)")),
    # affiliate links and AI-generated text
    Rule(DISCLAIMER, keys=("affiliate",), pattern=_rx(
        r"(?:enthält|contains|may contain) (?:sogenannte )?affiliate[- ]?links|"
        r"affiliate[- ]?links? (?:gekennzeichnet|markiert|marked)")),
    Rule(DISCLAIMER, keys=("provision",), pattern=_rx(
        r"(?:erhalten|bekommen) wir (?:ggf\. |gegebenenfalls |eventuell )?eine provision")),
    Rule(DISCLAIMER, keys=("commission",), pattern=_rx(
        r"we (?:may )?(?:earn|receive) (?:a )?(?:small )?commission")),
    Rule(DISCLAIMER, keys=("transparenzhinweis", "offenlegung", "disclosure"), pattern=_rx(
        r"^(?:transparenzhinweis|offenlegung|disclosure)\b")),
    Rule(DISCLAIMER, keys=("künstliche", "maschinell", "automatisch", "ki"), pattern=_rx(
        r"(?:dieser|der) (?:artikel|beitrag|text) (?:wurde|ist) [^.]{0,60}"
        r"(?:künstliche[rn]? intelligenz|\bki\b|maschinell|automatisch)[^.]{0,40}"
        r"(?:erstellt|übersetzt|generiert|verfasst)")),
    Rule(DISCLAIMER, keys=("artificial", "ai", "machine"), pattern=_rx(
        r"this (?:article|post|content|story) (?:was|has been) [^.]{0,40}"
        r"(?:generated|written|translated|created) (?:with|by|using) [^.]{0,30}"
        r"(?:\bai\b|artificial intelligence|machine)")),
))

# --- newsletter, subscription, paywall, e-mail forms and cookie/consent text, in lines
# of any length (consent text comes in long paragraphs).
NEWSLETTER_RULES = RuleIndex((
    # imperative sign-up wording around the word newsletter
    Rule(NEWSLETTER, keys=("newsletter",), pattern=_rx(
        r"(?:abonnieren sie|abonniere|jetzt (?:kostenlos |gratis )?(?:abonnieren|anmelden|"
        r"registrieren|bestellen)|melden sie sich|meld(?:e)? dich|tragen sie sich|trag dich|"
        r"bestellen sie|sign up|subscribe|get (?:our|the)|join)\b[^.!?]{0,90}newsletter|"
        r"newsletter[^.!?]{0,60}(?:abonnieren|bestellen|anmelden|sign up|subscribe)|"
        r"newsletter promotion|^sign up to [^.!?]{1,40}$")),
    Rule(NEWSLETTER, keys=("abopflichtig", "type your email", "sign up to", "subscribe"),
         pattern=_rx(
        r"abopflichtige[rn]? inhalt|type your email|^sign up to [^.!?]{1,40}$|"
        r"subscribe (?:for free|to receive|to get)")),
    # paywall and subscription prompts
    Rule(NEWSLETTER, keys=("abonn", "registriert", "konto", "already"), pattern=_rx(
        r"(?:schon|bereits) (?:abonnent|abonniert|registriert)|sie haben bereits ein "
        r"(?:abo|konto)|already (?:a subscriber|subscribed|have an account|a member)")),
    Rule(NEWSLETTER, keys=("abonn", "registrierte", "subscribers", "members"), pattern=_rx(
        r"(?:nur|exklusiv) für (?:abonnenten|abonnentinnen|abonnent\*innen|abonnent:innen|"
        r"registrierte)|for subscribers only|(?:this|the) (?:article|content|story) is "
        r"(?:for|only available to|exclusive to|reserved for) (?:subscribers|members)")),
    Rule(NEWSLETTER, keys=("weiterlesen", "subscribe", "reading"), pattern=_rx(
        r"(?:jetzt |hier )?weiterlesen mit|mit [\w+]{1,12} ?\+ weiterlesen|"
        r"subscribe to (?:read|continue)|"
        r"to (?:continue|keep) reading,? (?:please )?(?:subscribe|sign in|log in|register)")),
    Rule(NEWSLETTER, keys=("abo", "abonn", "registr", "anmeld", "einlog"), pattern=_rx(
        r"um (?:diesen|den|den ganzen|den vollständigen) (?:artikel|beitrag|text) "
        r"(?:weiter |vollständig |ganz )?zu lesen[^.]{0,60}(?:\babo|abonn|registrier|anmeld|"
        r"einlog)")),
    Rule(NEWSLETTER, keys=("mitglied", "abonnent", "member", "subscriber"), pattern=_rx(
        r"(?:werden sie|become a) (?:mitglied|abonnent|member|subscriber)")),
    Rule(NEWSLETTER, keys=("journalis", "favour", "contribution"), pattern=_rx(
        r"(?:unterstützen sie|support) (?:unseren |unabhängigen |our |independent )"
        r"(?:\w+ )?(?:journalismus|journalism)|a small favour to ask|make a contribution")),
    # e-mail forms: "Ihre E-Mail-Adresse wird nicht veröffentlicht", "Enter your email"
    Rule(NEWSLETTER, keys=("mail", "email"), pattern=_rx(
        r"e-?mail-?adresse[^.!?]{0,60}(?:eingabe|eingeben|veröffentlicht|eintragen|angeben|"
        r"einwillig|widerruf|abschicken|bestätig)|(?:eingabe|eintragen|angabe) (?:ihrer|deiner) "
        r"e-?mail|your (?:e-?mail|email address)[^.!?]{0,40}(?:will not|won't|will never|is "
        r"never) be (?:published|shared)|enter your e-?mail|we(?:'ll| will) never share your")),
    Rule(NEWSLETTER, keys=("inbox", "postfach", "posteingang"), pattern=_rx(
        r"(?:delivered |straight |direkt )?(?:to|in) your inbox|(?:direkt )?in (?:ihr|dein) "
        r"(?:e-?mail-)?(?:postfach|posteingang)")),
    Rule(NEWSLETTER, keys=("einwillig", "willige", "widerr", "jederzeit", "unsubscribe"),
         pattern=_rx(
        r"einwilligungserklärung|willige[^.!?]{0,120}\bein\b|einwilligung[^.!?]{0,80}widerr|"
        r"jederzeit (?:widerrufen|abbestellen|abmelden|kündigen)|unsubscribe (?:at any time|"
        r"anytime)|you can unsubscribe")),
    # comment forms (normally inside comment sections, but forms appear without them)
    Rule(NEWSLETTER, keys=("felder", "fields"), pattern=_rx(
        r"(?:erforderliche |pflicht)felder sind (?:mit \* )?(?:markiert|gekennzeichnet)|"
        r"mit \* (?:markierte|gekennzeichnete) felder|required fields are marked")),
    Rule(NEWSLETTER, keys=("speichere", "save my", "benachrichtig", "notify", "akismet",
                           "recaptcha", "protected by"), pattern=_rx(
        r"speichere meinen namen|save my name,? e-?mail|benachrichtige mich (?:über|bei)|"
        r"notify me of (?:follow-up|new)|akismet|recaptcha|this site is protected by")),
    Rule(NEWSLETTER, keys=("speicherung", "einverstanden", "agree", "consent"), pattern=_rx(
        r"stimmen sie der speicherung|ich bin damit einverstanden|i (?:agree|consent) to "
        r"(?:the|receive|receiving|my)")),
    Rule(NEWSLETTER, keys=("by clicking", "by signing", "by subscribing", "by submitting",
                           "by continuing"), pattern=_rx(
        r"by (?:clicking|signing up|subscribing|submitting|continuing)[^.!?]{0,100}"
        r"(?:agree|consent|accept)")),
    Rule(NEWSLETTER, keys=("absenden", "anklicken", "klick"), pattern=_rx(
        r"mit (?:dem )?(?:absenden|anklicken|klick|klicken)[^.!?]{0,100}"
        r"(?:einverstanden|stimmen sie|willigen sie|akzeptieren sie|erklären sie)")),
    # cookie banners
    Rule(NEWSLETTER, keys=("cookie",), pattern=_rx(
        r"(?:wir|we)(?: und unsere partner| and our partners)? (?:verwenden|nutzen|setzen|"
        r"use) cookies|diese (?:website|webseite|seite) (?:verwendet|nutzt) cookies|"
        r"this (?:website|site) uses cookies|cookie-?(?:einstellungen|richtlinie|hinweis|"
        r"banner|settings|policy|preferences)")),
    Rule(NEWSLETTER, keys=("berechtigte", "legitimate"), pattern=_rx(
        r"berechtigte[sn]? interesse|legitimate interest")),
    # sign-up teasers: "Erhalten Sie kostenlose Tipps ...", "Get the latest ..."
    Rule(NEWSLETTER, keys=("erhalten sie",), pattern=_rx(
        r"^erhalten sie\b[^.!?]{0,140}\b(?:kostenlos\w*|gratis|tipps|exklusiv\w*|neueste\w*|"
        r"angebot\w*|rabatt\w*|gutschein\w*|vorteil\w*|news)")),
    Rule(NEWSLETTER, keys=("get ", "receive "), pattern=_rx(
        r"^(?:get|receive) (?:the latest|the best|exclusive|our|free|"
        r"weekly|daily)\b")),
    Rule(NEWSLETTER, keys=("stay ", "keep ", "bleiben sie", "verpassen", "never miss",
                           "don't miss"), pattern=_rx(
        r"^(?:stay|keep) (?:up to date|informed|in the loop)|bleiben sie (?:auf dem laufenden|"
        r"informiert|up to date)|verpassen sie (?:keine|nichts)|nichts mehr verpassen|"
        r"never miss (?:a|an|the)|don't miss (?:out|a thing|an update)")),
    Rule(NEWSLETTER, keys=("informiert werden", "sichern sie sich"), pattern=_rx(
        r"sie möchten regelmäßig[^?]{0,140}informiert werden|sichern sie sich (?:jetzt )?"
        r"(?:ihr|ihre|ihren|den|das|die)")),
    Rule(NEWSLETTER, keys=("kostenlos", "gratis"), pattern=_rx(
        r"(?:kostenlose[sn]?|gratis) (?:e-?book|whitepaper|webinar|probeabo|testabo)")),
))
# Short lines only (at most LABEL_WORDS words): labels and buttons of the same boxes.
NEWSLETTER_LABEL_RULES = RuleIndex((
    Rule(NEWSLETTER, keys=("newsletter",), pattern=_rx(
        r"^(?:unser|unseren|ihr|der|our|the|free|kostenlose[rn]?|gratis)? ?"
        r"[\w-]{0,30}newsletter[\w-]{0,20}$|^newsletter[- ]?(?:anmeldung|abo|bestellen|"
        r"abonnieren|sign[- ]?up)\b")),
    Rule(NEWSLETTER, keys=("abo", "subscri", "trial", "testen", "free", "sign up"), pattern=_rx(
        r"^(?:jetzt |hier )?(?:abonnieren|abo abschließen|zum abo|abo wählen|"
        r"subscribe(?: now| today| here)?|start (?:your )?free trial|"
        r"(?:jetzt )?(?:gratis|kostenlos) testen|try (?:it )?(?:for )?free|"
        r"sign up(?: now| today| here| for free)?$)")),
    Rule(NEWSLETTER, keys=("mail", "email"), pattern=_rx(
        r"^(?:(?:ihre|deine|your) e-?mail(?:-?adresse| address)?|e-?mail(?:-?adresse|"
        r" address))\s*\*?:?$")),
    Rule(NEWSLETTER, keys=("akzeptier", "ablehn", "accept", "reject", "allow", "einstellungen",
                           "manage", "zustimm", "agree"), pattern=_rx(
        r"^(?:alle )?(?:akzeptieren|ablehnen)$|^(?:accept|reject|allow) (?:all|cookies)|"
        r"einstellungen (?:verwalten|anpassen)|manage (?:preferences|settings|cookies|consent)|"
        r"zustimmen und weiter|akzeptieren und (?:weiter|schließen)|agree and (?:close|continue)")),
))

# Words that name privacy/terms pages: only dropped when the line talks to the reader
# (consent text always does: "Sie", "Ihre", "you", "wir") or is a short link label, so a
# news sentence about Meta's privacy policy is kept.
LEGAL_PAGE_RULES = RuleIndex((
    Rule(NEWSLETTER, keys=("datenschutz", "privacy", "nutzungsbeding", "terms of", "agb",
                           "cookie"), pattern=_rx(
        r"datenschutzerklärung|datenschutzhinweise?|datenschutzbestimmungen|"
        r"datenschutzrichtlinie|privacy policy|privacy notice|privacy statement|"
        r"nutzungsbedingungen|terms of (?:use|service)|\bagb\b|\bcookies?\b")),
))
# A legal-page line talks to the reader (matched case-sensitively: "Sie", not "sie")...
ADDRESSES_READER = re.compile(
    r"\b(?:Sie|Ihr|Ihre|Ihren|Ihrer|Ihnen|Ihres|du|dein|deine|wir|Wir|unsere?[nmrs]?|"
    r"Unsere?[nmrs]?|you|You|your|Your|we|We|our|Our)\b"
)
# ...and quotes nobody: a quoted "Ihre Daten" is a news sentence about the policy.
QUOTES = re.compile(r"[\"„“”«»]")

# --- advertising labels and ad-slot leftovers.
AD_LABEL = Rule(ADVERTISING, _whole(
    r"anzeige", r"werbung", r"advertisement", r"advertising", r"ad", r"ads", r"sponsored",
    r"gesponsert", r"promoted", r"paid (?:content|post|partnership)", r"partner-?inhalt",
    r"partner content", r"sponsored (?:content|stories|links)", r"promoted (?:stories|links)",
    r"from our partners", r"around the web", r"(?:in kooperation mit|präsentiert von|"
    r"presented by|sponsored by|brought to you by) [^.!?]{1,40}",
    r"scroll to continue(?: with content)?",
    r"(?:story|article) continues below(?: advertisement)?",
    r"weiter nach der anzeige", r"(?:der )?artikel (?:wird )?(?:unter|nach) der anzeige "
    r"(?:fortgesetzt|weiter)", r"anzeige überspringen", r"skip (?:this )?ad",
))

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
    r"|drucken|print|pin it|merken|gemerkt|speichern|save|bookmark|feedback"
    r"|\d+ (?:shares?|mal geteilt)|shares?|geteilt|like|like this|gefällt mir|restack"
    r"|loading\.*|wird geladen ?…?|artikel verschenken|geschenkter artikel|gift (?:this )?article"
    r"|reuse this content|artikelrechte erwerben|get the app|follow"
    r"|(?:news|thema|autor|autorin|uns) folgen"
)
SHARE_BAR = Rule(SOCIAL, _rx(
    _LEAD + r"(?:(?:" + _SOCIAL_ITEM + r")[\s|•·,/:()\d-]*){1,12}$"
))
FOLLOW_US = Rule(SOCIAL, _rx(
    r"^(?:folgen sie uns|folge uns|follow us|like us|find us|abonnieren sie uns|"
    r"besuchen sie uns) (?:auf|on|bei|in)\b[^.!?]{0,80}$"
))

# --- related links: headings of teaser boxes and "Lesen Sie auch: ..." lines.
_RELATED_HEADINGS = (
    # German
    r"das könnte (?:ihnen|sie|dich|dir) (?:auch |ebenfalls )?(?:gefallen|interessieren)",
    r"(?:auch|ebenfalls|besonders) interessant", r"interessant für (?:sie|dich)",
    r"lesen sie (?:auch|mehr|weiter|hier|dazu)(?: zum thema)?", r"lies auch",
    r"lesetipps?", r"leseempfehlung(?:en)?", r"auch lesenswert", r"dazu passend",
    r"mehr zum thema\b[^.!?]{0,60}", r"mehr zu (?:diesem|dem) thema", r"mehr dazu",
    r"mehr (?:aus|von) (?:dem|der|unserem|unserer) [\w-]+", r"mehr lesen", r"mehr erfahren",
    r"(?:hier |jetzt )?weiterlesen", r"weiter lesen", r"zum (?:artikel|beitrag)",
    r"weitere (?:artikel|beiträge|nachrichten|meldungen|themen|news|geschichten|links|videos|"
    r"angebote|produkte|ratgeber|tests)(?: zum thema| aus [\w-]+)?",
    r"ähnliche (?:artikel|beiträge|themen|nachrichten|produkte|inhalte)",
    r"verwandte (?:artikel|beiträge|themen|inhalte)", r"empfohlene (?:artikel|beiträge)",
    r"(?:unsere |redaktionelle )?empfehlung(?:en)?(?: der redaktion| für sie)?",
    r"meist(?:gelesen|gesehen|kommentiert|geteilt)e?(?: artikel| beiträge)?(?: \d+ tage)?",
    r"meist (?:gelesen|gesehen|kommentiert|geteilt)(?: \d+ tage)?", r"am meisten gelesen",
    r"beliebte (?:artikel|beiträge|themen)", r"top[- ]?(?:artikel|themen|news|meldungen|"
    r"beiträge|videos)", r"(?:neueste|aktuelle|letzte|neue) (?:artikel|beiträge|nachrichten|"
    r"meldungen|news)", r"wissenswertes zum thema", r"(?:passend )?zum thema",
    r"vorherige[rs]? (?:artikel|beitrag)", r"nächste[rs]? (?:artikel|beitrag)",
    r"zurück zur übersicht", r"alle (?:artikel|beiträge|news|nachrichten|meldungen)"
    r"(?: zum thema| anzeigen)?", r"(?:zur |mehr )?(?:bildergalerie|fotostrecke|videos?)",
    r"schlagworte?", r"schlagwörter", r"themen", r"tags?", r"kategorien?", r"rubriken?",
    # English
    r"related(?: articles| posts| stories| content| topics| coverage| reading| links| news)?",
    r"you (?:may|might|could) also (?:like|enjoy|be interested in)", r"we recommend",
    r"recommended(?: for you| reading| articles| stories| videos)?",
    r"more (?:from|on|in|about|stories from) [^.!?]{1,40}",
    r"more (?:stories|news|articles|videos|like this)", r"read more(?: about [^.!?]{1,40})?",
    r"read (?:next|also)", r"also read", r"see also", r"further reading",
    r"most (?:read|popular|viewed|shared|commented)", r"trending(?: now| stories)?",
    r"popular(?: posts| articles| stories| now)?", r"recent (?:posts|articles|stories|comments)",
    r"latest (?:news|posts|articles|stories|videos)", r"top stories",
    r"(?:previous|next) (?:article|post|story)", r"(?:older|newer) posts",
    r"continue reading(?: [^.!?]{1,80})?", r"keep reading", r"(?:show|load|view|see) (?:more|all)",
    r"filed under\b[^.!?]{0,80}", r"posted in\b[^.!?]{0,80}", r"categories", r"topics",
    r"labels", r"editor'?s picks", r"in case you missed it", r"what to read next",
    r"tagged\b[^.!?]{0,80}", r"explore more on these topics", r"discover more from [^.!?]{1,40}",
    r"ready for more\?", r"dieses thema im programm\b[^!?]{0,80}",
    r"don't miss",
)
RELATED_HEADING = Rule(RELATED, _whole(*_RELATED_HEADINGS))
# "Lesen Sie auch: Putin droht ...", "Tags: Russland, Nordkorea", "READ MORE | ..."
# (up to NOTICE_WORDS words: the headline after the label makes the line long)
RELATED_PREFIX = Rule(RELATED, _rx(
    _LEAD + r"(?:lesen sie (?:auch|mehr|dazu)|lies auch|lesetipp|mehr zum thema|auch interessant|"
    r"das könnte sie auch interessieren|weiterlesen|read more|read also|also read|related|"
    r"see also|more on this|tags|schlagworte|schlagwörter|themen|kategorien?|categories|topics|"
    r"filed under|posted in|tagged|labels)\s*[:|»›→–-]\s*\S"
))

# --- image credits, captions with credits, copyright lines.
IMAGE_CREDIT = Rule(IMAGE, _rx(
    _LEAD + r"(?:fotos?|bild(?:er|quelle|nachweis|rechte)?|quelle bild|titel(?:bild|foto)|"
    r"beitragsbild|aufmacherbild|symbolbild|symbolfoto|grafik|illustration|abbildung|"
    r"images?|image (?:source|credit)|photos?|photograph|photo credit|pictures?|credits?|"
    r"header image|featured image|cover image|karte|map|video|image caption)"
    r"\s*(?:[:©|/,]|\(c\))\s*\S|^(?:bild|foto|grafik) (?:vergrößern|zoomen)$|^vergrößern$"
))
GALLERY_COUNTER = Rule(IMAGE, _rx(
    r"^(?:(?:bild|foto|image|photo|slide) )?\d{1,3} ?(?:/|von|of) ?\d{1,3}$"
))
COPYRIGHT = Rule(IMAGE, keys=("©", "(c)", "copyright", "rechte", "rights", "bild", "symbol"),
                 pattern=_rx(
    r"(?:^|\s)(?:©|\(c\)|copyright\b)|alle rechte vorbehalten|all rights reserved|"
    r"\b(?:titelbild|beitragsbild|symbolbild|symbolfoto)\b"
))
# Caption text ending in a credit: "Scholz in Berlin. Foto: Michael Kappeler/dpa"
TRAILING_CREDIT = Rule(IMAGE, keys=(":", "©"), pattern=_rx(
    r"(?:\b(?:foto|fotos|bild|photo|image|photograph|credit|bildquelle)\s*:|©)\s*[^.!?:]{1,80}\)?$"
    r"|\(quelle: [^()]{0,40}(?:imago|dpa|getty|afp|reuters|picture|/)[^()]{0,40}\)$"
))
# A line naming only a photo agency or stock site: "IMAGO/Funke Foto Services", "Getty Images"
PHOTO_AGENCY = Rule(IMAGE, keys=("/",), pattern=_rx(
    r"getty ?images|imago|picture[- ]alliance|shutterstock|istock(?:photo)?|adobe ?stock|"
    r"unsplash|pixabay|pexels|freepik|\bdpa\b|\bafp\b|\bap photo\b|\bepa\b|keystone|"
    r"\breuters\b|\bddp\b"
))

# --- reading time: "4 Minuten Lesezeit", "5 min read", "Lesezeit: 3 Min."
READING_TIME_PHRASE = Rule(
    READING_TIME, keys=("min", "lese", "read", "listen", "hör", "vorles", "audio"), pattern=_rx(
    r"\b\d+(?: ?[-–] ?\d+)? ?(?:min(?:\.|uten?|s)?|minutes?)\b\.? ?(?:lesezeit|lesedauer|"
    r"zum lesen|lesen|read|reading(?: time)?)\b|(?:lesezeit|lesedauer|reading time|"
    r"read time|time to read)\b ?:? ?(?:ca\.? ?|etwa |~ ?)?\d+|artikel (?:anhören|vorlesen)|"
    r"artikel zum (?:an)?hören|listen to (?:this )?(?:article|story)|audio-?version"
))

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
NAMED_BYLINE = Rule(BYLINE, re.compile(
    rf"^{_BY_PREFIX}\s+(?:{_NAMES})(?:\s*(?:[,|·•/]|\s[–—-])\s*(?P<tail>.{{0,80}}))?\s*$"
))
BY_ALONE = Rule(BYLINE, _rx(r"^(?:von|by|text|autor(?:in)?|author|written by)\s*:?$"))
# Agency or editor codes closing a report ("(jk)", "(dpa/AFP)") and source lines.
SOURCE_CODE = Rule(BYLINE, _rx(
    r"^\((?:[a-zäöü]{2,4}|dpa|afp|ap|rtr|reuters|kna|epd|sid|apa)(?:\s*[/,;]\s*[a-zäöü]{2,8})*\)$"
    r"|^(?:quellen?|sources?)\s*:\s*[^.!?]{1,60}$|^(?:verwendete )?quellen:?$|^sources:?$"
    r"|^(?:[•·*-] ?)?aus (?:der|dem|die) [^.!?]{1,30} \d{1,2}/\d{4}$"
    r"|^(?:mit material von|with (?:additional )?(?:reporting|material) (?:from|by)) [^.!?]{1,60}$"
))
# The author's name alone, on the line under "Von" / "By".
NAME_ONLY = Rule(BYLINE, re.compile(rf"^{_NAMES}$"))
# Blog and forum post headers: "Beitrag von hansi82 » Mo 14. Nov 2024, 08:50",
# "Posted by Jane on March 3, 2024", "Veröffentlicht am 14.11.2024 von Jane Park".
POST_META = Rule(BYLINE, re.compile(
    r"^(?i:(?:beitrag|post|posted|geschrieben|verfasst|veröffentlicht|published|written|"
    r"submitted|erstellt) (?:von|by) )\S.{0,60}?(?:»|\s(?i:am|on|at|um)\s).{0,60}\d.{0,30}$"
    r"|^(?i:(?:posted|published|veröffentlicht|geschrieben|erstellt) (?:am|on) )"
    rf".{{0,40}}\d.{{0,40}}\s(?i:von|by)\s+{_NAMES}\s*$".replace(" ", r"\s+")
))
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
    """januar jan februar feb märz mär maerz mar april apr mai juni jun juli jul august aug
    september sept sep oktober okt oct november nov dezember dez dec january february march
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
PRICE = Rule(CONTACT, keys=("€", "$", "£", "¥", "eur", "usd", "chf", "gbp"), pattern=_rx(
    r"(?:[€$£¥]|\b(?:eur|usd|chf|gbp)\b) ?\d{1,3}(?:[.,' ]\d{3})*(?:[.,]\d{1,2}|,-)?"
    r"|\d{1,3}(?:[.,' ]\d{3})*(?:[.,]\d{1,2}|,-|,–)? ?(?:€|\$|£|\b(?:eur|euro|usd|chf|gbp)\b)"
))
# Words that may surround a price in a shop line ("ab 19,90 € inkl. MwSt.").
PRICE_WORDS = _wordset(
    """ab nur statt jetzt uvp preis price from only was now sale rabatt inkl incl inklusive
    mwst vat zzgl versand shipping pro per monat month stück stk je each und and oder or
    neu new ersparnis save sparen sie bis to"""
)
PHONE = Rule(CONTACT, _rx(
    r"^(?:(?:tel(?:efon)?|fon|phone|fax|hotline|mobil|handy|call(?: us)?|whatsapp|"
    r"ruf(?:en sie)?(?: uns)? an|servicenummer|kontakt)\.?\s*:?\s*)"
    r"\+?\(?\d[\d\s()/.-]{4,}\d$"
))
# An unlabelled phone number starts with "+", "0" or "(": "07930-2699", "+49 30 1234567".
# (A plain "150.000" is a number, and "14.11.2024" a date, not a phone.)
BARE_PHONE = Rule(CONTACT, re.compile(r"^(?:\+|0|\()[\d\s()/.-]{5,}\d$"))
EMAIL_LINE = Rule(CONTACT, keys=("@",), pattern=_rx(
    r"^(?:e-?mail|mail|kontakt|contact)?\s*:?\s*[\w.+-]+@[\w-]+(?:\.[\w-]+)+$"
))
CONTACT_CTA = Rule(CONTACT, _whole(
    r"kostenlose (?:beratung|erstberatung|hotline)", r"kostenloses erstgespräch",
    r"gratis beratung", r"(?:jetzt )?(?:beratung|termin) vereinbaren", r"jetzt anrufen",
    r"rufen sie (?:uns )?(?:jetzt )?an", r"rückruf (?:anfordern|vereinbaren)",
    r"(?:unverbindliches )?angebot anfordern", r"free (?:consultation|quote|estimate)",
    r"get a (?:free )?quote", r"request a (?:quote|callback|demo)", r"call (?:us )?(?:now|today)",
    r"contact us(?: today)?", r"kontaktieren sie uns", r"book a (?:call|demo|consultation)",
    r"jetzt (?:kaufen|bestellen|shoppen)", r"(?:buy|shop|order) now", r"in den warenkorb",
    r"add to (?:cart|basket|bag)", r"zur kasse", r"checkout", r"auf lager", r"in stock",
    r"out of stock", r"sold out", r"ausverkauft", r"nicht (?:vorrätig|verfügbar|lieferbar)",
    r"sofort lieferbar", r"lieferzeit\b[^.!?]{0,30}", r"versandkostenfrei\b[^.!?]{0,30}",
    r"kostenloser versand\b[^.!?]{0,30}", r"free (?:shipping|delivery|returns)\b[^.!?]{0,30}",
    r"inkl\.? mwst\.?[^!?]{0,40}", r"zzgl\.? versand[^!?]{0,40}", r"incl\.? vat[^!?]{0,30}",
    r"(?:artikelnummer|art\.-nr\.|sku|ean)\s*:?[^!?]{0,30}",
    r"\d(?:[.,]\d)? (?:von|out of) 5 (?:sternen|stars)", r"\d+ (?:bewertungen|reviews?)",
    r"(?:\d+\.?\d* )?(?:kunden|customers) vertrauen uns", r"trusted by [^.!?]{1,40}",
))

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
)
MENU_LINE = Rule(MENU, _rx(
    _LEAD + r"(?:(?:" + _NAV_ITEM + r")(?:\s*[|•·/»›>,]\s*|\s+|$)){1,10}[^\w]*$"
))
# Breadcrumbs: "Startseite > Politik > Ausland", "Home › News › World"
BREADCRUMB = Rule(MENU, keys=(">", "›", "»", "/", "|", "→"), pattern=_rx(
    r"^(?:startseite|home|homepage|übersicht|news|nachrichten)\s*[>›»/|→]\s*\S"
    r"|^[^.!?>›»]{1,40}(?:\s*[>›»→]\s*[^.!?>›»]{1,40}){2,}$"
))

# --- reader comments.
# Strong markers only occur where comments begin (forms, "N thoughts on ..."), so they
# start the comment section on their own (once the article body has begun).
COMMENT_START = Rule(COMMENTS, _rx(
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
    r"|leave a (?:reply|comment|response)\b.{0,40}|(?:post|add|write|submit) a comment\b.{0,20}"
    r"|(?:join|start) the (?:discussion|conversation)\b.{0,30}|reader comments\b.{0,20}"
    r"|(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten) (?:thoughts?|responses?|"
    r"replies|comments?) (?:on|to)\b.{0,200}"
    r"|(?:view|show|load|read|see) (?:all )?(?:\d+ )?comments\b.{0,20}|have your say\b.{0,20}"
    r"|comments are closed\b.{0,20}|discussion about this (?:post|article))$"
))
# Weak markers ("Kommentare", "23 comments") are also comment counters in page headers
# and share bars, so they need reply-like evidence after them; one that does not start
# the comments is dropped alone, as a comment link.
COMMENT_COUNTER = Rule(COMMENT_LINK, _whole(
    r"(?:\d+ )?(?:kommentare|comments|antworten|replies|responses|reaktionen|beiträge)"
    r"(?: \(\d+\))?",
    r"\d+ (?:kommentar|comment|antwort|reply|response|beitrag)",
    r"kommentieren", r"comment", r"diskussion \(\d+\)", r"discussion \(\d+\)",
))
# Forum replies: "Re: Putin und Kim", "AW: ...", and a second post header after the first
# post ("Beitrag von mauzi » Mi 19. Jun 2024, 09:12", phpBB style).
FORUM_REPLY = Rule(COMMENTS, _rx(r"^(?:re|aw|antw|wg)\s*(?:\^\d+|\[\d+\])?\s*:\s*\S"))
FORUM_POST_HEADER = Rule(COMMENTS, _rx(r"^(?:beitrag|post|antwort|reply) (?:von|by) \S.{0,60}?»"))
# Evidence that a stretch of text is replies, not article (MENTION is matched against
# the line as written).
MENTION = Rule(COMMENTS, re.compile(r"(?<![\w.@])@[^\W\d_][\w.-]{1,30}"))
REPLY_CONTROL = Rule(COMMENTS, _whole(
    r"antworten", r"antwort", r"reply", r"replies", r"melden", r"report", r"zitieren", r"quote",
    r"gefällt mir", r"like", r"likes", r"permalink", r"log in to reply", r"login to reply",
    r"zum antworten anmelden", r"auf (?:diesen )?kommentar antworten",
    r"reply to (?:this )?comment",
    r"\d+ (?:antworten|replies|likes?)", r"(?:up|down)vote", r"[↑↓▲▼]",
))
SAYS = Rule(COMMENTS, _rx(
    r"^\S.{0,60}? (?:sagt|says|schrieb|wrote|kommentierte|commented|meint|meinte|antwortete|"
    r"replied)\s*(?::|…)?(?: .{0,40}\d.{0,20})?$"
    r"|^\S.{0,60}? (?:am|on) (?:\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}|\d{1,2}\.? [^\W\d_]+\.? \d{4}|"
    r"[^\W\d_]+\.? \d{1,2},? \d{4})\s*,?\s*(?:(?:um|at) \d{1,2}[:.]\d{2}.{0,12})?$"
))
SIGNOFF = Rule(COMMENTS, _rx(
    r"^(?:viele|liebe|beste|freundliche|herzliche|schöne|sonnige|mit freundlichen) (?:grüße|"
    r"grüsse)\b.{0,40}$|^(?:mfg|lg|vg|gruß|gruss|grüße|grüsse|cheers|regards|best regards|"
    r"kind regards|best wishes|greetings|ciao|tschüss)\b.{0,30}$"
    r"|^(?:hallo|hi|hey|moin|servus|dear|liebe[rs]?|sehr geehrte[rs]?) [^\W\d_]+\s*[,!]"
))
# A numbered list item, as written: group 1 its indent, group 2 its number.
NUMBERED_ITEM = re.compile(r"^([ \t]*)(\d{1,3})[.)]\s+\S")

# --- author bios under the article.
AUTHOR_BIO_HEADING = Rule(AUTHOR_BIO, _whole(
    r"über (?:den autor|die autorin|die autoren|uns)", r"zum autor", r"zur autorin",
    r"about the (?:author|writer|authors)", r"autoreninfo", r"author bio",
    r"(?:der|die) autor(?:in)?",
))
