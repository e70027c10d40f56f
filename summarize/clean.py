"""Mark the boilerplate lines of a scraped article as dropped, each with a short reason.

Nothing is ever deleted: every line of the input is returned with its exact character
offsets, so citations (file:line) and sentence offsets keep pointing into the original
text. Cleaning is rule based and explainable: each rule family below is a table of
compiled patterns (with a comment saying why it exists) and one small function, and
`clean_text` is the single driver that runs them in a fixed order.

The driver works in three passes:

1. line rules: each line on its own (menus, bylines, dates, prices, newsletter and
   consent text, related-link headings, image credits, disclaimers, share bars ...);
2. context rules: decisions that need neighbours (the reader-comment section, "Von" +
   name on the next line, runs of short menu lines, teaser lists under "Mehr zum Thema",
   image captions above a credit, junk at the end of the page);
3. repeated lines: a line equal to an earlier kept line (case and whitespace ignored).

German and English rules always both apply (sites mix languages: "Share" buttons on
German pages, "Lesen Sie auch" on translated content). Everything is linear in the size
of the text: long lines are only scanned by cheap substring tests before any regex runs,
and every look-around window is bounded.
"""

from __future__ import annotations

import operator
import re
from dataclasses import dataclass

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


# --------------------------------------------------------------------------- data model
@dataclass(frozen=True, slots=True)
class Line:
    number: int  # 1-based line number
    start: int  # offset of the first character of the line in the text
    end: int  # offset just past the line's content, excluding "\n" / "\r\n" / "\r"
    kept: bool  # blank lines are always kept (there is nothing to drop)
    reason: str  # "" when kept or blank; otherwise a short lowercase reason
    blank: bool  # whitespace only


@dataclass(frozen=True)
class Cleaned:
    lines: tuple[Line, ...]
    title: str | None  # the first kept non-blank line if it looks like a title, else None

    def kept_regions(self) -> list[tuple[int, int]]:
        """Maximal runs of consecutive kept non-blank lines, as (start, end) offsets.

        end is the end of the run's last line content. Blank or dropped lines separate
        regions, so a region never spans a paragraph break or a removed line.
        """
        regions: list[tuple[int, int]] = []
        start = end = -1
        for line in self.lines:
            if line.kept and not line.blank:
                if start < 0:
                    start = line.start
                end = line.end
            elif start >= 0:
                regions.append((start, end))
                start = -1
        if start >= 0:
            regions.append((start, end))
        return regions

    @property
    def kept_lines(self) -> int:
        """Number of kept non-blank lines."""
        return sum(1 for line in self.lines if line.kept and not line.blank)

    @property
    def dropped_lines(self) -> int:
        """Number of dropped lines (dropped lines are never blank)."""
        return sum(1 for line in self.lines if not line.kept)


# --------------------------------------------------------------------------- helpers
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


# Lines longer than this are analysed on their first _CAP characters only: every rule
# keys on wording near the start, and it bounds the cost of one pathological line.
_CAP = 3000
# Label-like rules (menus, share bars, headings of teaser boxes, bylines, dates) only look
# at lines of at most _LABEL_WORDS words; credits and "Lesen Sie auch: ..." lines may be up
# to _NOTICE_WORDS long; comment-section markers ("3 thoughts on “<title>”") _SHORT_WORDS.
_LABEL_WORDS = 12
_NOTICE_WORDS = 30
_SHORT_WORDS = 40

_EOL = re.compile(r"\r\n|\r|\n")
# A sentence terminator followed by a space or the end: marks running prose.
_SENTENCE_END = re.compile(r"[.!?…][\"'“”„«»’)\]]*(?:\s|$)")
# Sentence-like ending of a short line (a label or heading has none of these).
_ENDS_LIKE_SENTENCE = re.compile(r"[.!?…:;,][\"'“”„«»’)\]]*$")
_HAS_ALNUM = re.compile(r"[^\W_]")
_DIGIT = re.compile(r"\d")
_BULLET = re.compile(r"^\s*(?:[•·▪◦‣∙●○■□➤►▶→*+–-]|\d{1,3}[.)])\s")


# --------------------------------------------------------------------------- rule tables
# --- bare links: a URL alone on a line is a link target, not text to summarise.
_BARE_LINK = re.compile(r"^<?(?:https?://|www\.)\S+>?$")

# --- keyed rules: (keys, pattern), matched against the lowercased line. A pattern can
# only match a line containing one of its keys, each key starting at a word start. Long
# lines are mostly article prose, and a regex search over them costs far more than a set
# lookup, so each line's words are reduced once to 5-character prefixes ("triggers"), and
# a pattern is only searched when a trigger names one of its keys and the key occurs.
_KeyedRule = tuple[tuple[str, ...], re.Pattern[str]]
_TRIGGER_LEN = 5
_PREFIX = operator.itemgetter(slice(0, _TRIGGER_LEN))
# Characters that can stand right before a word: they become spaces before splitting, so
# "e-mail-adresse" gives "e", "mail", "adresse" and "„abschicken“" gives "abschicken“".
_GLUE = ("-", "/", "(", "„", "\"", "“", "«", "»", "'", "‚", "*")


def _words_for_triggers(low: str) -> list[str]:
    for glue in _GLUE:
        if glue in low:
            low = low.replace(glue, " ")
    return low.split()


def _triggers(low: str) -> frozenset[str]:
    """The 5-character prefixes of the words of a lowercased line.

    Only the first 400 characters count: boilerplate paragraphs give themselves away in
    their first sentence, and this keeps the cost per prose line small. (Splitting after a
    few replaces is twice as fast as a regex word scan.)
    """
    return frozenset(map(_PREFIX, _words_for_triggers(low[:400])))


class _RuleSet:
    """Keyed rules with an index from trigger prefix to the rules it may wake up."""

    def __init__(self, rules: tuple[_KeyedRule, ...]) -> None:
        self.rules = rules
        index: dict[str, list[int]] = {}
        for n, (keys, _) in enumerate(rules):
            for key in keys:
                first = _words_for_triggers(key)[0]  # the same cut as for lines
                index.setdefault(first[:_TRIGGER_LEN], []).append(n)
        self.index = index
        self.triggers = frozenset(index)

    def hit(self, low: str, triggers: frozenset[str]) -> bool:
        common = self.triggers & triggers
        if not common:
            return False
        for trigger in common:
            for n in self.index[trigger]:
                keys, pattern = self.rules[n]
                for key in keys:
                    if key in low:
                        if pattern.search(low):
                            return True
                        break
        return False


# --- disclaimers: legal and editorial small print. Written as specific phrases because
# these are often long paragraphs that would otherwise look like article prose.
_DISCLAIMER_RULES: tuple[_KeyedRule, ...] = (
    # sample 000: user-submitted article, AI cover image, copyright complaints
    (("urheberrecht",), _rx(r"gegen (?:das |die )?urheberrechte? versto(?:ß|ss)")),
    (("benutzer", "nutzer", "leser"), _rx(
        r"(?:artikel|beitrag|text) wurde von unse?re[mn] (?:benutzer|nutzer|leser)")),
    (("einreichung",), _rx(r"richtlinien für die einreichung")),
    (("submitted by",), _rx(r"submitted by (?:a|one of our|our) (?:user|reader|contributor)s?")),
    (("if you believe",), _rx(
        r"if you believe (?:that )?this (?:article|post|content) (?:infringes|violates)")),
    (("computererzeugt",), _rx(r"computererzeugte kunst")),
    (("illustrativ",), _rx(r"(?:nur )?zu illustrativen zwecken|for illustrative purposes only")),
    (("haftungsausschluss", "disclaimer"), _rx(r"haftungsausschluss|^disclaimer\b")),
    # finance sites: the standard "not investment advice" clause
    (("beratung",), _rx(
        r"keine (?:anlage|finanz|rechts|steuer)beratung|stellt keine (?:anlage|finanz|rechts|"
        r"steuer)?beratung dar")),
    (("advice",), _rx(
        r"(?:does not|do not|is not intended to) constitute (?:financial|investment|legal|tax) "
        r"advice|\bnot (?:financial|investment) advice\b")),
    (("expressed",), _rx(
        r"views (?:and opinions )?expressed (?:in this (?:article|post|piece)|here(?:in)?) are")),
    (("geäußert",), _rx(
        r"geäußerten? meinung(?:en)? (?:ist|sind|gibt|geben|entspricht|entsprechen)"
        r"[^.]{0,60}(?:autor|verfasser)")),
    # affiliate links and AI-generated text
    (("affiliate",), _rx(
        r"(?:enthält|contains|may contain) (?:sogenannte )?affiliate[- ]?links|"
        r"affiliate[- ]?links? (?:gekennzeichnet|markiert|marked)")),
    (("provision",), _rx(
        r"(?:erhalten|bekommen) wir (?:ggf\. |gegebenenfalls |eventuell )?eine provision")),
    (("commission",), _rx(r"we (?:may )?(?:earn|receive) (?:a )?(?:small )?commission")),
    (("transparenzhinweis", "offenlegung", "disclosure"), _rx(
        r"^(?:transparenzhinweis|offenlegung|disclosure)\b")),
    (("künstliche", "maschinell", "automatisch", "ki"), _rx(
        r"(?:dieser|der) (?:artikel|beitrag|text) (?:wurde|ist) [^.]{0,60}"
        r"(?:künstliche[rn]? intelligenz|\bki\b|maschinell|automatisch)[^.]{0,40}"
        r"(?:erstellt|übersetzt|generiert|verfasst)")),
    (("artificial", "ai", "machine"), _rx(
        r"this (?:article|post|content|story) (?:was|has been) [^.]{0,40}"
        r"(?:generated|written|translated|created) (?:with|by|using) [^.]{0,30}"
        r"(?:\bai\b|artificial intelligence|machine)")),
)

# --- newsletter, subscription, paywall, e-mail forms and cookie/consent text, in lines
# of any length (consent text comes in long paragraphs).
_NEWSLETTER_RULES: tuple[_KeyedRule, ...] = (
    # imperative sign-up wording around the word newsletter
    (("newsletter",), _rx(
        r"(?:abonnieren sie|abonniere|jetzt (?:kostenlos |gratis )?(?:abonnieren|anmelden|"
        r"registrieren|bestellen)|melden sie sich|meld(?:e)? dich|tragen sie sich|trag dich|"
        r"bestellen sie|sign up|subscribe|get (?:our|the)|join)\b[^.!?]{0,90}newsletter|"
        r"newsletter[^.!?]{0,60}(?:abonnieren|bestellen|anmelden|sign up|subscribe)|"
        r"newsletter promotion|^sign up to [^.!?]{1,40}$")),
    (("abopflichtig", "type your email", "sign up to", "subscribe"), _rx(
        r"abopflichtige[rn]? inhalt|type your email|^sign up to [^.!?]{1,40}$|"
        r"subscribe (?:for free|to receive|to get)")),
    # paywall and subscription prompts
    (("abonn", "registriert", "konto", "already"), _rx(
        r"(?:schon|bereits) (?:abonnent|abonniert|registriert)|sie haben bereits ein "
        r"(?:abo|konto)|already (?:a subscriber|subscribed|have an account|a member)")),
    (("abonn", "registrierte", "subscribers", "members"), _rx(
        r"(?:nur|exklusiv) für (?:abonnenten|abonnentinnen|abonnent\*innen|abonnent:innen|"
        r"registrierte)|for subscribers only|(?:this|the) (?:article|content|story) is "
        r"(?:for|only available to|exclusive to|reserved for) (?:subscribers|members)")),
    (("weiterlesen", "subscribe", "reading"), _rx(
        r"(?:jetzt |hier )?weiterlesen mit|mit [\w+]{1,12} ?\+ weiterlesen|"
        r"subscribe to (?:read|continue)|"
        r"to (?:continue|keep) reading,? (?:please )?(?:subscribe|sign in|log in|register)")),
    (("abo", "abonn", "registr", "anmeld", "einlog"), _rx(
        r"um (?:diesen|den|den ganzen|den vollständigen) (?:artikel|beitrag|text) "
        r"(?:weiter |vollständig |ganz )?zu lesen[^.]{0,60}(?:\babo|abonn|registrier|anmeld|"
        r"einlog)")),
    (("mitglied", "abonnent", "member", "subscriber"), _rx(
        r"(?:werden sie|become a) (?:mitglied|abonnent|member|subscriber)")),
    (("journalis", "favour", "contribution"), _rx(
        r"(?:unterstützen sie|support) (?:unseren |unabhängigen |our |independent )"
        r"(?:\w+ )?(?:journalismus|journalism)|a small favour to ask|make a contribution")),
    # e-mail forms: "Ihre E-Mail-Adresse wird nicht veröffentlicht", "Enter your email"
    (("mail", "email"), _rx(
        r"e-?mail-?adresse[^.!?]{0,60}(?:eingabe|eingeben|veröffentlicht|eintragen|angeben|"
        r"einwillig|widerruf|abschicken|bestätig)|(?:eingabe|eintragen|angabe) (?:ihrer|deiner) "
        r"e-?mail|your (?:e-?mail|email address)[^.!?]{0,40}(?:will not|won't|will never|is "
        r"never) be (?:published|shared)|enter your e-?mail|we(?:'ll| will) never share your")),
    (("inbox", "postfach", "posteingang"), _rx(
        r"(?:delivered |straight |direkt )?(?:to|in) your inbox|(?:direkt )?in (?:ihr|dein) "
        r"(?:e-?mail-)?(?:postfach|posteingang)")),
    (("einwillig", "willige", "widerr", "jederzeit", "unsubscribe"), _rx(
        r"einwilligungserklärung|willige[^.!?]{0,120}\bein\b|einwilligung[^.!?]{0,80}widerr|"
        r"jederzeit (?:widerrufen|abbestellen|abmelden|kündigen)|unsubscribe (?:at any time|"
        r"anytime)|you can unsubscribe")),
    # comment forms (normally inside comment sections, but forms appear without them)
    (("felder", "fields"), _rx(
        r"(?:erforderliche |pflicht)felder sind (?:mit \* )?(?:markiert|gekennzeichnet)|"
        r"mit \* (?:markierte|gekennzeichnete) felder|required fields are marked")),
    (("speichere", "save my", "benachrichtig", "notify", "akismet", "recaptcha", "protected by"),
     _rx(r"speichere meinen namen|save my name,? e-?mail|benachrichtige mich (?:über|bei)|"
         r"notify me of (?:follow-up|new)|akismet|recaptcha|this site is protected by")),
    (("speicherung", "einverstanden", "agree", "consent"), _rx(
        r"stimmen sie der speicherung|ich bin damit einverstanden|i (?:agree|consent) to "
        r"(?:the|receive|receiving|my)")),
    (("by clicking", "by signing", "by subscribing", "by submitting", "by continuing"), _rx(
        r"by (?:clicking|signing up|subscribing|submitting|continuing)[^.!?]{0,100}"
        r"(?:agree|consent|accept)")),
    (("absenden", "anklicken", "klick"), _rx(
        r"mit (?:dem )?(?:absenden|anklicken|klick|klicken)[^.!?]{0,100}"
        r"(?:einverstanden|stimmen sie|willigen sie|akzeptieren sie|erklären sie)")),
    # cookie banners
    (("cookie",), _rx(
        r"(?:wir|we)(?: und unsere partner| and our partners)? (?:verwenden|nutzen|setzen|"
        r"use) cookies|diese (?:website|webseite|seite) (?:verwendet|nutzt) cookies|"
        r"this (?:website|site) uses cookies|cookie-?(?:einstellungen|richtlinie|hinweis|"
        r"banner|settings|policy|preferences)")),
    (("berechtigte", "legitimate"), _rx(r"berechtigte[sn]? interesse|legitimate interest")),
    # sign-up teasers: "Erhalten Sie kostenlose Tipps ...", "Get the latest ..."
    (("erhalten sie",), _rx(
        r"^erhalten sie\b[^.!?]{0,140}\b(?:kostenlos\w*|gratis|tipps|exklusiv\w*|neueste\w*|"
        r"angebot\w*|rabatt\w*|gutschein\w*|vorteil\w*|news)")),
    (("get ", "receive "), _rx(r"^(?:get|receive) (?:the latest|the best|exclusive|our|free|"
                               r"weekly|daily)\b")),
    (("stay ", "keep ", "bleiben sie", "verpassen", "never miss", "don't miss"), _rx(
        r"^(?:stay|keep) (?:up to date|informed|in the loop)|bleiben sie (?:auf dem laufenden|"
        r"informiert|up to date)|verpassen sie (?:keine|nichts)|nichts mehr verpassen|"
        r"never miss (?:a|an|the)|don't miss (?:out|a thing|an update)")),
    (("informiert werden", "sichern sie sich"), _rx(
        r"sie möchten regelmäßig[^?]{0,140}informiert werden|sichern sie sich (?:jetzt )?"
        r"(?:ihr|ihre|ihren|den|das|die)")),
    (("kostenlos", "gratis"), _rx(
        r"(?:kostenlose[sn]?|gratis) (?:e-?book|whitepaper|webinar|probeabo|testabo)")),
)
# Short lines only: labels and buttons of the same boxes.
_NEWSLETTER_LABEL_RULES: tuple[_KeyedRule, ...] = (
    (("newsletter",), _rx(
        r"^(?:unser|unseren|ihr|der|our|the|free|kostenlose[rn]?|gratis)? ?"
        r"[\w-]{0,30}newsletter[\w-]{0,20}$|^newsletter[- ]?(?:anmeldung|abo|bestellen|"
        r"abonnieren|sign[- ]?up)\b")),
    (("abo", "subscri", "trial", "testen", "free", "sign up"), _rx(
        r"^(?:jetzt |hier )?(?:abonnieren|abo abschließen|zum abo|abo wählen|"
        r"subscribe(?: now| today| here)?|start (?:your )?free trial|"
        r"(?:jetzt )?(?:gratis|kostenlos) testen|try (?:it )?(?:for )?free|"
        r"sign up(?: now| today| here| for free)?$)")),
    (("mail", "email"), _rx(
        r"^(?:(?:ihre|deine|your) e-?mail(?:-?adresse| address)?|e-?mail(?:-?adresse|"
        r" address))\s*\*?:?$")),
    (("akzeptier", "ablehn", "accept", "reject", "allow", "einstellungen", "manage", "zustimm",
      "agree"), _rx(
        r"^(?:alle )?(?:akzeptieren|ablehnen)$|^(?:accept|reject|allow) (?:all|cookies)|"
        r"einstellungen (?:verwalten|anpassen)|manage (?:preferences|settings|cookies|consent)|"
        r"zustimmen und weiter|akzeptieren und (?:weiter|schließen)|agree and (?:close|continue)")),
)
_DISCLAIMERS = _RuleSet(_DISCLAIMER_RULES)
_NEWSLETTERS = _RuleSet(_NEWSLETTER_RULES)
_NEWSLETTER_LABELS = _RuleSet(_NEWSLETTER_LABEL_RULES)

# Words that name privacy/terms pages: only dropped when the line talks to the reader
# (consent text always does: "Sie", "Ihre", "you", "wir") or is a short link label, so a
# news sentence about Meta's privacy policy is kept.
_LEGAL_PAGES = _RuleSet(((
    ("datenschutz", "privacy", "nutzungsbeding", "terms of", "agb", "cookie"),
    _rx(r"datenschutzerklärung|datenschutzhinweise?|datenschutzbestimmungen|"
        r"datenschutzrichtlinie|privacy policy|privacy notice|privacy statement|"
        r"nutzungsbedingungen|terms of (?:use|service)|\bagb\b|\bcookies?\b"),
),))
_ADDRESSES_READER = re.compile(
    r"\b(?:Sie|Ihr|Ihre|Ihren|Ihrer|Ihnen|Ihres|du|dein|deine|wir|Wir|unsere?[nmrs]?|"
    r"Unsere?[nmrs]?|you|You|your|Your|we|We|our|Our)\b"
)
_QUOTES = re.compile(r"[\"„“”«»]")

# --- advertising labels and ad-slot leftovers.
_ADVERTISING = _whole(
    r"anzeige", r"werbung", r"advertisement", r"advertising", r"ad", r"ads", r"sponsored",
    r"gesponsert", r"promoted", r"paid (?:content|post|partnership)", r"partner-?inhalt",
    r"partner content", r"sponsored (?:content|stories|links)", r"promoted (?:stories|links)",
    r"from our partners", r"around the web", r"(?:in kooperation mit|präsentiert von|"
    r"presented by|sponsored by|brought to you by) [^.!?]{1,40}",
    r"scroll to continue(?: with content)?",
    r"(?:story|article) continues below(?: advertisement)?",
    r"weiter nach der anzeige", r"(?:der )?artikel (?:wird )?(?:unter|nach) der anzeige "
    r"(?:fortgesetzt|weiter)", r"anzeige überspringen", r"skip (?:this )?ad",
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
    r"|drucken|print|pin it|merken|gemerkt|speichern|save|bookmark|feedback"
    r"|\d+ (?:shares?|mal geteilt)|shares?|geteilt|like|like this|gefällt mir|restack"
    r"|loading\.*|wird geladen ?…?|artikel verschenken|geschenkter artikel|gift (?:this )?article"
    r"|reuse this content|artikelrechte erwerben|get the app|follow"
    r"|(?:news|thema|autor|autorin|uns) folgen"
)
_SOCIAL = _rx(
    _LEAD + r"(?:(?:" + _SOCIAL_ITEM + r")[\s|•·,/:()\d-]*){1,12}$"
)
_FOLLOW_US = _rx(
    r"^(?:folgen sie uns|folge uns|follow us|like us|find us|abonnieren sie uns|"
    r"besuchen sie uns) (?:auf|on|bei|in)\b[^.!?]{0,80}$"
)

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
_RELATED_HEADING = _whole(*_RELATED_HEADINGS)
# "Lesen Sie auch: Putin droht ...", "Tags: Russland, Nordkorea", "READ MORE | ..."
_RELATED_PREFIX = _rx(
    _LEAD + r"(?:lesen sie (?:auch|mehr|dazu)|lies auch|lesetipp|mehr zum thema|auch interessant|"
    r"das könnte sie auch interessieren|weiterlesen|read more|read also|also read|related|"
    r"see also|more on this|tags|schlagworte|schlagwörter|themen|kategorien?|categories|topics|"
    r"filed under|posted in|tagged|labels)\s*[:|»›→–-]\s*\S"
)

# --- image credits, captions with credits, copyright lines.
_IMAGE_CREDIT = _rx(
    _LEAD + r"(?:fotos?|bild(?:er|quelle|nachweis|rechte)?|quelle bild|titel(?:bild|foto)|"
    r"beitragsbild|aufmacherbild|symbolbild|symbolfoto|grafik|illustration|abbildung|"
    r"images?|image (?:source|credit)|photos?|photograph|photo credit|pictures?|credits?|"
    r"header image|featured image|cover image|karte|map|video|image caption)"
    r"\s*(?:[:©|/,]|\(c\))\s*\S|^(?:bild|foto|grafik) (?:vergrößern|zoomen)$|^vergrößern$"
)
# Caption text ending in a credit: "Scholz in Berlin. Foto: Michael Kappeler/dpa"
_TRAILING_CREDIT = _rx(
    r"(?:\b(?:foto|fotos|bild|photo|image|photograph|credit|bildquelle)\s*:|©)\s*[^.!?:]{1,80}\)?$"
    r"|\(quelle: [^()]{0,40}(?:imago|dpa|getty|afp|reuters|picture|/)[^()]{0,40}\)$"
)
_COPYRIGHT_KEYS = ("©", "(c)", "copyright", "rechte", "rights", "bild", "symbol")
_COPYRIGHT = _rx(
    r"(?:^|\s)(?:©|\(c\)|copyright\b)|alle rechte vorbehalten|all rights reserved|"
    r"\b(?:titelbild|beitragsbild|symbolbild|symbolfoto)\b"
)
# A line naming only a photo agency or stock site: "IMAGO/Funke Foto Services", "Getty Images"
_PHOTO_AGENCY = _rx(
    r"getty ?images|imago|picture[- ]alliance|shutterstock|istock(?:photo)?|adobe ?stock|"
    r"unsplash|pixabay|pexels|freepik|\bdpa\b|\bafp\b|\bap photo\b|\bepa\b|keystone|"
    r"\breuters\b|\bddp\b"
)
_GALLERY_COUNTER = _rx(r"^(?:(?:bild|foto|image|photo|slide) )?\d{1,3} ?(?:/|von|of) ?\d{1,3}$")

# --- reading time: "4 Minuten Lesezeit", "5 min read", "Lesezeit: 3 Min."
_READING_TIME_KEYS = ("min", "lese", "read", "listen", "hör", "vorles", "audio")
_READING_TIME = _rx(
    r"\b\d+(?: ?[-–] ?\d+)? ?(?:min(?:\.|uten?|s)?|minutes?)\b\.? ?(?:lesezeit|lesedauer|"
    r"zum lesen|lesen|read|reading(?: time)?)\b|(?:lesezeit|lesedauer|reading time|"
    r"read time|time to read)\b ?:? ?(?:ca\.? ?|etwa |~ ?)?\d+|artikel (?:anhören|vorlesen)|"
    r"artikel zum (?:an)?hören|listen to (?:this )?(?:article|story)|audio-?version"
)

# --- bylines: "Von Jane Park", "By Jane Doe, Reuters", "Autor: ...", "Von" + name below.
# Names are matched case-sensitively (capitalised words), the prefix case-insensitively,
# so "Von Berlin aus fuhr er weiter." or "By Monday, the team will ..." are not bylines.
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
_BYLINE = re.compile(
    rf"^{_BY_PREFIX}\s+(?:{_NAMES})(?:\s*(?:[,|·•/]|\s[–—-])\s*(?P<tail>.{{0,80}}))?\s*$"
)
_BY_ALONE = _rx(r"^(?:von|by|text|autor(?:in)?|author|written by)\s*:?$")
# Agency or editor codes closing a report ("(jk)", "(dpa/AFP)") and source lines.
_SOURCE_CODE = _rx(
    r"^\((?:[a-zäöü]{2,4}|dpa|afp|ap|rtr|reuters|kna|epd|sid|apa)(?:\s*[/,;]\s*[a-zäöü]{2,8})*\)$"
    r"|^(?:quellen?|sources?)\s*:\s*[^.!?]{1,60}$|^(?:verwendete )?quellen:?$|^sources:?$"
    r"|^(?:[•·*-] ?)?aus (?:der|dem|die) [^.!?]{1,30} \d{1,2}/\d{4}$"
    r"|^(?:mit material von|with (?:additional )?(?:reporting|material) (?:from|by)) [^.!?]{1,60}$"
)
_NAME_ONLY = re.compile(rf"^{_NAMES}$")
# Blog and forum post headers: "Beitrag von hansi82 » Mo 14. Nov 2024, 08:50",
# "Posted by Jane on March 3, 2024", "Veröffentlicht am 14.11.2024 von Jane Park".
_POST_META = re.compile(
    r"^(?i:(?:beitrag|post|posted|geschrieben|verfasst|veröffentlicht|published|written|"
    r"submitted|erstellt) (?:von|by) )\S.{0,60}?(?:»|\s(?i:am|on|at|um)\s).{0,60}\d.{0,30}$"
    r"|^(?i:(?:posted|published|veröffentlicht|geschrieben|erstellt) (?:am|on) )"
    rf".{{0,40}}\d.{{0,40}}\s(?i:von|by)\s+{_NAMES}\s*$".replace(" ", r"\s+")
)
# First words of every byline and post-header pattern above (a cheap pre-check).
_BYLINE_FIRST_WORDS = _wordset(
    """von by text autor autorin author written geschrieben reporting recherche redaktion
    verfasst ein eine einen beitrag post posted veröffentlicht published submitted
    erstellt"""
)
# Lowercase words a byline tail may contain ("Korrespondentin in Seoul", "vor 3 Stunden").
_BYLINE_TAIL_WORDS = _wordset(
    "in aus für bei und and for from at of the der die das am um uhr vor ago on mit with "
    "min read lesezeit minuten minutes updated aktualisiert stand dpa afp ap epa ddp"
)

# --- date lines: "14.11.2024", "08:50 Uhr", "Stand: 14.11.2024", "Updated 3 hours ago".
# Checked by tokens (a deterministic scan), not one big regex, so no backtracking.
_DATE_TOKENS = re.compile(r"\d+|[^\W\d_]+|\S")
_CALENDAR_WORDS = _wordset(
    """januar jan februar feb märz mär maerz mar april apr mai juni jun juli jul august aug
    september sept sep oktober okt oct november nov dezember dez dec january february march
    may june july october december montag dienstag mittwoch donnerstag freitag samstag
    sonnabend sonntag mo di mi do fr sa so monday tuesday wednesday thursday friday saturday
    sunday mon tue tues wed thu thur thurs fri sat sun"""
)
_RELATIVE_WORDS = _wordset(
    """sekunde sekunden minute minuten min stunde stunden std tag tagen tage woche wochen
    monat monaten jahr jahren second seconds minutes mins hour hours hr hrs h day days week
    weeks month months year years"""
)
_TODAY_WORDS = _wordset("heute gestern vorgestern today yesterday")
_DATE_FILLER = _wordset(
    """stand aktualisiert zuletzt veröffentlicht erschienen erstellt geändert datum updated
    last published posted first modified date am um vom vor seit ab uhr ago on at and und
    a m p pm mez mesz cet cest utc gmt bst est edt pst pdt et ct t z"""
)
_DATE_PUNCT = frozenset(".,:/-–—|·•()[]+'’")

# --- contact details, prices and shop/CTA buttons.
_PRICE = _rx(
    r"(?:[€$£¥]|\b(?:eur|usd|chf|gbp)\b) ?\d{1,3}(?:[.,' ]\d{3})*(?:[.,]\d{1,2}|,-)?"
    r"|\d{1,3}(?:[.,' ]\d{3})*(?:[.,]\d{1,2}|,-|,–)? ?(?:€|\$|£|\b(?:eur|euro|usd|chf|gbp)\b)"
)
_PRICE_KEYS = ("€", "$", "£", "¥", "eur", "usd", "chf", "gbp")
# Words that may surround a price in a shop line ("ab 19,90 € inkl. MwSt.").
_PRICE_WORDS = _wordset(
    """ab nur statt jetzt uvp preis price from only was now sale rabatt inkl incl inklusive
    mwst vat zzgl versand shipping pro per monat month stück stk je each und and oder or
    neu new ersparnis save sparen sie bis to"""
)
_PHONE = _rx(
    r"^(?:(?:tel(?:efon)?|fon|phone|fax|hotline|mobil|handy|call(?: us)?|whatsapp|"
    r"ruf(?:en sie)?(?: uns)? an|servicenummer|kontakt)\.?\s*:?\s*)"
    r"\+?\(?\d[\d\s()/.-]{4,}\d$"
)
# An unlabelled phone number starts with "+", "0" or "(": "07930-2699", "+49 30 1234567".
# (A plain "150.000" is a number, and "14.11.2024" a date, not a phone.)
_BARE_PHONE = re.compile(r"^(?:\+|0|\()[\d\s()/.-]{5,}\d$")
_EMAIL_LINE = _rx(r"^(?:e-?mail|mail|kontakt|contact)?\s*:?\s*[\w.+-]+@[\w-]+(?:\.[\w-]+)+$")
_CONTACT_CTA = _whole(
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
)
_NAV = _rx(_LEAD + r"(?:(?:" + _NAV_ITEM + r")(?:\s*[|•·/»›>,]\s*|\s+|$)){1,10}[^\w]*$")
# Breadcrumbs: "Startseite > Politik > Ausland", "Home › News › World"
_BREADCRUMB_SEPARATORS = (">", "›", "»", "/", "|", "→")
_BREADCRUMB = _rx(
    r"^(?:startseite|home|homepage|übersicht|news|nachrichten)\s*[>›»/|→]\s*\S"
    r"|^[^.!?>›»]{1,40}(?:\s*[>›»→]\s*[^.!?>›»]{1,40}){2,}$"
)

# --- reader comments.
# Strong markers only occur where comments begin (forms, "N thoughts on ..."), so they
# start the comment section on their own (once the article body has begun).
_COMMENT_STRONG = _rx(
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
)
# Weak markers ("Kommentare", "23 comments") are also comment counters in page headers
# and share bars, so they need reply-like evidence after them.
_COMMENT_WEAK = _whole(
    r"(?:\d+ )?(?:kommentare|comments|antworten|replies|responses|reaktionen|beiträge)"
    r"(?: \(\d+\))?",
    r"\d+ (?:kommentar|comment|antwort|reply|response|beitrag)",
    r"kommentieren", r"comment", r"diskussion \(\d+\)", r"discussion \(\d+\)",
)
# Forum replies: "Re: Putin und Kim", "AW: ...", and a second post header after the first
# post ("Beitrag von mauzi » Mi 19. Jun 2024, 09:12", phpBB style).
_FORUM_REPLY = _rx(r"^(?:re|aw|antw|wg)\s*(?:\^\d+|\[\d+\])?\s*:\s*\S")
_FORUM_POST_HEADER = _rx(r"^(?:beitrag|post|antwort|reply) (?:von|by) \S.{0,60}?»")
# Evidence that a stretch of text is replies, not article.
_MENTION = re.compile(r"(?<![\w.@])@[^\W\d_][\w.-]{1,30}")
_REPLY_CONTROL = _whole(
    r"antworten", r"antwort", r"reply", r"replies", r"melden", r"report", r"zitieren", r"quote",
    r"gefällt mir", r"like", r"likes", r"permalink", r"log in to reply", r"login to reply",
    r"zum antworten anmelden", r"auf (?:diesen )?kommentar antworten",
    r"reply to (?:this )?comment",
    r"\d+ (?:antworten|replies|likes?)", r"(?:up|down)vote", r"[↑↓▲▼]",
)
_SAYS = _rx(
    r"^\S.{0,60}? (?:sagt|says|schrieb|wrote|kommentierte|commented|meint|meinte|antwortete|"
    r"replied)\s*(?::|…)?(?: .{0,40}\d.{0,20})?$"
    r"|^\S.{0,60}? (?:am|on) (?:\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}|\d{1,2}\.? [^\W\d_]+\.? \d{4}|"
    r"[^\W\d_]+\.? \d{1,2},? \d{4})\s*,?\s*(?:(?:um|at) \d{1,2}[:.]\d{2}.{0,12})?$"
)
_SIGNOFF = _rx(
    r"^(?:viele|liebe|beste|freundliche|herzliche|schöne|sonnige|mit freundlichen) (?:grüße|"
    r"grüsse)\b.{0,40}$|^(?:mfg|lg|vg|gruß|gruss|grüße|grüsse|cheers|regards|best regards|"
    r"kind regards|best wishes|greetings|ciao|tschüss)\b.{0,30}$"
    r"|^(?:hallo|hi|hey|moin|servus|dear|liebe[rs]?|sehr geehrte[rs]?) [^\W\d_]+\s*[,!]"
)
_ITEM = re.compile(r"^([ \t]*)(\d{1,3})[.)]\s+\S")
_MENTION_EV, _REPLY_EV, _SAYS_EV, _SIGNOFF_EV = 1, 2, 4, 8

# --- author bios under the article.
_AUTHOR_BIO = _whole(
    r"über (?:den autor|die autorin|die autoren|uns)", r"zum autor", r"zur autorin",
    r"about the (?:author|writer|authors)", r"autoreninfo", r"author bio",
    r"(?:der|die) autor(?:in)?",
)


# --------------------------------------------------------------------------- line rules
def _disclaimer(low: str, triggers: frozenset[str]) -> str:
    return DISCLAIMER if _DISCLAIMERS.hit(low, triggers) else ""


def _newsletter(s: str, low: str, triggers: frozenset[str], words: int) -> str:
    if _NEWSLETTERS.hit(low, triggers):
        return NEWSLETTER
    if words <= _LABEL_WORDS and _NEWSLETTER_LABELS.hit(low, triggers):
        return NEWSLETTER
    if _LEGAL_PAGES.hit(low, triggers) and (
        words <= 6 or (_ADDRESSES_READER.search(s) and not _QUOTES.search(s))
    ):
        return NEWSLETTER
    return ""


def _advertising(low: str) -> str:
    return ADVERTISING if _ADVERTISING.match(low) else ""


def _social(low: str) -> str:
    return SOCIAL if _SOCIAL.match(low) or _FOLLOW_US.match(low) else ""


def _related(low: str) -> str:
    return RELATED if _RELATED_HEADING.match(low) or _RELATED_PREFIX.match(low) else ""


def _image(s: str, low: str, words: int) -> str:
    if _IMAGE_CREDIT.match(low) or (_DIGIT.search(low) and _GALLERY_COUNTER.match(low)):
        return IMAGE
    if words > 25:
        return ""
    # the substring tests only spare the regex searches on ordinary lines
    if any(k in low for k in _COPYRIGHT_KEYS) and _COPYRIGHT.search(low):
        return IMAGE
    if (":" in s or "©" in s) and _TRAILING_CREDIT.search(low):
        return IMAGE
    if "/" in s and words <= 6 and not _ENDS_LIKE_SENTENCE.search(s) and _PHOTO_AGENCY.search(low):
        return IMAGE  # "Michael Kappeler/dpa", "IMAGO/Funke Foto Services"
    return ""


def _reading_time(s: str, low: str) -> str:
    if len(s) > 100 or not any(k in low for k in _READING_TIME_KEYS):
        return ""
    return READING_TIME if _READING_TIME.search(low) else ""


def _byline_tail_ok(tail: str | None) -> bool:
    """A byline may end in an agency, place or date, but not in a running sentence."""
    if not tail:
        return True
    if len(tail.split()) > 8 or re.search(r"[^\W\d_]{3,}[.!?]$", tail):
        return False
    lower = [w for w in re.findall(r"[^\W\d_]+", tail) if w[0].islower()]
    return sum(1 for w in lower if w not in _BYLINE_TAIL_WORDS) == 0


def _byline(s: str, low: str) -> str:
    if len(s) <= 70 and _SOURCE_CODE.match(low):
        return BYLINE
    if len(s) > 140 or low.split(None, 1)[0].rstrip(":") not in _BYLINE_FIRST_WORDS:
        return ""
    m = _BYLINE.match(s)
    if m and _byline_tail_ok(m.group("tail")):
        return BYLINE
    if _BY_ALONE.match(low) or _POST_META.match(s):
        return BYLINE
    return ""


def _is_date_line(low: str) -> bool:
    if len(low) > 80:
        return False
    tokens = _DATE_TOKENS.findall(low)
    evidence = digits = relative = False
    for i, tok in enumerate(tokens):
        if tok.isdigit():
            digits = True
            if len(tok) == 4 and tok[:2] in ("19", "20"):
                evidence = True  # a year
        elif tok[0].isalpha():
            if tok in _CALENDAR_WORDS:
                evidence = True
            elif tok in _RELATIVE_WORDS:
                relative = True
            elif tok in _TODAY_WORDS:
                evidence = True
            elif tok == "uhr" or tok == "pm":
                evidence = evidence or digits
            elif tok not in _DATE_FILLER:
                return False
        elif tok in _DATE_PUNCT:
            # "08:50" or "14.11." : separators between numbers
            between_numbers = (
                0 < i < len(tokens) - 1 and tokens[i - 1].isdigit() and tokens[i + 1].isdigit()
            )
            if between_numbers and (tok == ":" or (tok == "." and i >= 3 and tokens[i - 2] == ".")):
                evidence = True
        else:
            return False
    return evidence or (digits and relative)


def _date(low: str) -> str:
    if _DIGIT.search(low) is None and not any(w in low for w in _TODAY_WORDS):
        return ""  # every date line has a digit or says "heute" / "today"
    return DATE if _is_date_line(low) else ""


def _contact(s: str, low: str, words: int) -> str:
    if words <= 8 and _DIGIT.search(low) and (_PHONE.match(low) or _BARE_PHONE.match(low)):
        return CONTACT
    if words <= 3 and "@" in low and _EMAIL_LINE.match(low):
        return CONTACT
    if _CONTACT_CTA.match(low):
        return CONTACT
    if words <= 10 and any(k in low for k in _PRICE_KEYS) and _PRICE.search(low):
        rest = _PRICE.sub(" ", low)
        others = [w for w in re.findall(r"[^\W\d_]+", rest) if w not in _PRICE_WORDS]
        if len(others) <= 2:
            return CONTACT  # "29,99 €", "ab 19,90 € inkl. MwSt.", "Gold 2.650 $"
    return ""


def _navigation(low: str) -> str:
    if _NAV.match(low):
        return MENU
    if any(c in low for c in _BREADCRUMB_SEPARATORS) and _BREADCRUMB.match(low):
        return MENU
    return ""


def _bare_link(low: str) -> str:
    return BARE_LINK if _BARE_LINK.match(low) else ""


def _classify_line(s: str, words: int) -> str:
    """The line-local verdict for one stripped, non-blank line ("" = keep for now)."""
    if not _HAS_ALNUM.search(s):
        return DECORATION  # "* * *", "|", "—", emoji rows
    low = s.lower()
    triggers = _triggers(low)
    reason = (
        _bare_link(low)
        or _disclaimer(low, triggers)
        or _newsletter(s, low, triggers, words)
    )
    if reason or words > _NOTICE_WORDS:
        return reason
    if words > _LABEL_WORDS:
        # too long for a label, but "Lesen Sie auch: <headline>" or a caption with credit
        return RELATED if _RELATED_PREFIX.match(low) else _image(s, low, words)
    return (
        _advertising(low)
        or _social(low)
        or _related(low)
        or _image(s, low, words)
        or _reading_time(s, low)
        or _byline(s, low)
        or _date(low)
        or _contact(s, low, words)
        or _navigation(low)
    )


# --------------------------------------------------------------------------- context rules
def _word_count(s: str) -> int:
    n = len(s[:600].split())
    if len(s) > 600:
        n += s.count(" ", 600)  # an estimate: exact counts of long lines never matter
    return n


class _Doc:
    """Per-line features shared by the context rules (parallel lists, for speed)."""

    def __init__(self, text: str, spans: list[tuple[int, int]]) -> None:
        self.source = text
        self.spans = spans
        # list comprehensions, not appends: this runs once per line of a possibly huge text
        self.raw: list[str] = [text[a : min(b, a + _CAP)] for a, b in spans]
        self.text: list[str] = [raw.strip() for raw in self.raw]
        self.blank: list[bool] = [not s for s in self.text]
        self.words: list[int] = [_word_count(s) if s else 0 for s in self.text]
        self.prose: list[bool] = [
            n >= 30 or (n >= 10 and _SENTENCE_END.search(s) is not None)
            for s, n in zip(self.text, self.words, strict=True)
        ]
        self.reasons: list[str] = [""] * len(spans)
        self._evidence: list[int | None] = [None] * len(spans)

    def __len__(self) -> int:
        return len(self.spans)

    def kept(self, i: int) -> bool:
        return not self.blank[i] and not self.reasons[i]

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
        s = self.text[i]
        return (
            self.kept(i)
            and self.words[i] <= max_words
            and len(s) <= 30
            and not _ENDS_LIKE_SENTENCE.search(s)
        )


def _bylines_split_over_lines(doc: _Doc) -> None:
    """"Von" (or "By") alone on a line, with the author's name on the next line."""
    for i in range(len(doc)):
        if doc.reasons[i] != BYLINE or not _BY_ALONE.match(doc.text[i].lower()):
            continue
        j = doc.next_nonblank(i, limit=2)
        if j >= 0 and doc.kept(j) and doc.words[j] <= 6 and _NAME_ONLY.match(doc.text[j]):
            doc.reasons[j] = BYLINE


def _evidence(doc: _Doc, i: int) -> int:
    """Bitmask of reply-like evidence on line i (mentions, reply buttons, sign-offs ...).

    Cached per line: several look-ahead windows may cover the same line.
    """
    cached = doc._evidence[i]
    if cached is not None:
        return cached
    ev = doc._evidence[i] = _line_evidence(doc, i)
    return ev


def _line_evidence(doc: _Doc, i: int) -> int:
    s = doc.text[i]
    low = s[:200].lower()  # every evidence pattern is anchored at the start
    ev = 0
    if "@" in s and _MENTION.search(s):
        ev |= _MENTION_EV
    if doc.words[i] <= 12:
        if _REPLY_CONTROL.match(low):
            ev |= _REPLY_EV
        if _SAYS.match(low):
            ev |= _SAYS_EV
        if _SIGNOFF.match(low):
            ev |= _SIGNOFF_EV
    elif _SIGNOFF.match(low):
        ev |= _SIGNOFF_EV  # "Hallo Helmut, ..." opening a long reply
    return ev


def _numbered_replies(doc: _Doc, i: int) -> tuple[bool, int]:
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
            item = _ITEM.match(raw)
            if j > i and (indent < base or (indent == base and not item)):
                break  # the list has ended
            if item and indent > base:
                nested = True  # "1. @Andrea" under "3. ...": a reply to a reply
            ev = _evidence(doc, j)
            kinds |= ev
            mentions += bool(ev & _MENTION_EV)
        j += 1
    # a quoted @handle in an outline is not enough: two mentions, two kinds of evidence,
    # or replies nested under items with a sign-off, a reply button or "X sagt:"
    is_thread = (
        mentions >= 2
        or bin(kinds).count("1") >= 2
        or (nested and bool(kinds & (_REPLY_EV | _SAYS_EV | _SIGNOFF_EV)))
    )
    return is_thread, j


def _indent(raw: str) -> int:
    return len(raw.expandtabs(4)) - len(raw.expandtabs(4).lstrip())


def _timestamped_name(doc: _Doc, j: int) -> bool:
    """Line j is a date line right under a short line: "Max Müller" / "14.11.2024 08:50"."""
    return (
        doc.reasons[j] == DATE
        and j > 0
        and not doc.blank[j - 1]
        and doc.words[j - 1] <= 4
        and doc.reasons[j - 1] != DATE
    )


def _weak_marker_confirmed(doc: _Doc, i: int, last_prose: int) -> bool:
    """A weak marker ("23 Kommentare") starts comments if replies follow it, or nothing does."""
    seen = 0
    prose_after = False
    for j in range(i + 1, min(len(doc), i + 80)):
        if doc.blank[j]:
            continue
        seen += 1
        if _evidence(doc, j) & (_MENTION_EV | _REPLY_EV | _SAYS_EV | _SIGNOFF_EV):
            return True
        if _timestamped_name(doc, j):
            return True
        m = _ITEM.match(doc.raw[j])
        if seen <= 5 and m and m.group(2) == "1":
            return True
        prose_after = prose_after or (doc.prose[j] and doc.kept(j))
    # nothing of substance follows: dropping to the end loses no article text
    return not prose_after and last_prose < i


def _comment_section(doc: _Doc) -> None:
    """Find where reader comments begin and drop everything from there to the end.

    Only markers after the first paragraph of prose count: the same words near the top
    are comment counters in the page header, which are dropped on their own.
    """
    first, last = doc.first_prose(), doc.last_prose()
    start = -1
    says: list[int] = []
    says_ev = 0
    i = 0
    n = len(doc)
    while i < n:
        if doc.blank[i]:
            i += 1
            continue
        s = doc.text[i]
        short = doc.words[i] <= _SHORT_WORDS
        low = s.lower() if short else ""
        strong = short and bool(_COMMENT_STRONG.match(low))
        weak = short and not strong and doc.words[i] <= 6 and bool(_COMMENT_WEAK.match(low))
        if first < 0 or i <= first:
            if strong or weak:
                doc.reasons[i] = COMMENT_LINK
            i += 1
            continue
        if strong or (short and (_FORUM_REPLY.match(low) or _FORUM_POST_HEADER.match(low))):
            start = i
            break
        if weak:
            if _weak_marker_confirmed(doc, i, last):
                start = i
                break
            doc.reasons[i] = COMMENT_LINK
        item = _ITEM.match(doc.raw[i])
        if item and item.group(2) == "1":
            is_thread, after = _numbered_replies(doc, i)
            if is_thread:
                start = i
                break
            i = max(after, i + 1)
            continue
        if doc.words[i] <= 12:
            ev = _evidence(doc, i)
            if ev & _SAYS_EV:
                says.append(i)
            elif says:
                says_ev |= ev
            # "Name says:" twice, with a reply button, mention or sign-off: a thread (a
            # live blog's "Scholz schrieb:" lines come without those)
            if len(says) >= 2 and says_ev:
                start = says[0]
                break
        elif says and "@" in s and _MENTION.search(s):
            says_ev |= _MENTION_EV
        i += 1
    if start < 0:
        return
    for j in range(start, n):
        if not doc.blank[j]:
            doc.reasons[j] = COMMENTS


def _related_blocks(doc: _Doc) -> None:
    """Drop the teaser headlines listed under a "Mehr zum Thema" / "Related" heading.

    The block ends at the first real paragraph, after two blank lines, or after 15
    teasers. A short line standing alone right above a paragraph is that paragraph's
    heading, so it stays.
    """
    n = len(doc)
    for i in range(n):
        if doc.reasons[i] != RELATED or not _RELATED_HEADING.match(doc.text[i].lower()):
            continue
        j, blanks, taken = i + 1, 0, 0
        while j < min(n, i + 60) and taken < 15:  # bounded: keeps the pass linear
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
            nxt = doc.next_nonblank(j, limit=3)
            if nxt >= 0 and doc.prose[nxt] and doc.kept(nxt) and (blanks > 0 or taken == 0):
                break  # a heading of the article, followed by its paragraph
            doc.reasons[j] = RELATED
            taken += 1
            blanks = 0
            j += 1


def _author_bio(doc: _Doc) -> None:
    """"Über den Autor" / "About the author" and the short paragraph under it."""
    for i in range(len(doc)):
        if not doc.kept(i) or doc.words[i] > 5 or not _AUTHOR_BIO.match(doc.text[i].lower()):
            continue
        doc.reasons[i] = AUTHOR_BIO
        j = doc.next_nonblank(i, limit=2)
        while 0 <= j < len(doc) and not doc.blank[j] and doc.kept(j) and doc.words[j] <= 80:
            doc.reasons[j] = AUTHOR_BIO
            j += 1


def _menu_runs(doc: _Doc) -> None:
    """Runs of very short lines without blank lines between them are menus or teasers.

    Article headings stand alone between paragraphs; lists introduced by a sentence
    ending in ":" are article content. Before the first and after the last paragraph a
    run of three is enough; inside the body a run must contain two lines already known
    as junk (a share bar, a date) or be long and made of one-or-two-word items.
    """
    first, last = doc.first_prose(), doc.last_prose()
    n = len(doc)
    i = 0
    while i < n:
        if doc.blank[i] or not (doc.short_label(i) or doc.reasons[i]):
            i += 1
            continue
        j = i
        while j < n and not doc.blank[j] and (doc.short_label(j) or doc.reasons[j]):
            j += 1
        _judge_run(doc, i, j, first, last)
        i = j
    _spaced_head_menu(doc, first)


def _judge_run(doc: _Doc, i: int, j: int, first: int, last: int) -> None:
    labels = [k for k in range(i, j) if doc.kept(k)]
    junk = (j - i) - len(labels)
    if j - i < 3 or not labels:
        return
    before = doc.prev_nonblank(i, limit=3)
    if before >= 0 and doc.kept(before) and doc.text[before].endswith(":"):
        return  # "... in verschiedenen Bereichen an:" followed by its bullet list
    # without any prose the whole text counts as body: nothing tells menus from content
    in_edge = first >= 0 and (i < first or j - 1 > last)
    bullets = any(_BULLET.match(doc.raw[k]) for k in labels)
    if in_edge:
        drop = True
    else:
        tiny = all(doc.words[k] <= 2 for k in labels)
        drop = junk >= 2 or (j - i >= 6 and tiny and not bullets)
    if drop:
        for k in labels:
            doc.reasons[k] = MENU


def _spaced_head_menu(doc: _Doc, first: int) -> None:
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


def _drop_spaced(doc: _Doc, run: list[int]) -> None:
    if len(run) >= 4:
        for k in run:
            if doc.kept(k):
                doc.reasons[k] = MENU


def _captions(doc: _Doc) -> None:
    """A short line directly above an image credit is that image's caption.

    The first kept line of the page is never taken: that is the headline, which some
    sites print straight above the lead image's credit.
    """
    first_kept = next((i for i in range(len(doc)) if doc.kept(i)), -1)
    for i in range(1, len(doc)):
        k = i - 1
        if doc.reasons[i] != IMAGE or doc.blank[k] or k <= first_kept:
            continue
        if doc.kept(k) and doc.words[k] <= 20 and not doc.prose[k]:
            doc.reasons[k] = CAPTION


def _category_label(doc: _Doc) -> None:
    """A one-or-two-word line above the headline is a category ("Allgemein", "Politik")."""
    first = doc.first_prose()
    f = next((i for i in range(len(doc)) if doc.kept(i)), -1)
    if f < 0 or (first >= 0 and f >= first):
        return
    s = doc.text[f]
    if doc.words[f] > 2 or len(s) > 25 or any(c.isdigit() for c in s):
        return
    if _ENDS_LIKE_SENTENCE.search(s):
        return
    g = doc.next_nonblank(f, limit=3)
    if g >= 0 and doc.kept(g) and not doc.prose[g] and doc.words[g] >= 3:
        doc.reasons[f] = CATEGORY


# Reasons of boxes whose lines come in blocks: a line inside such a block shares its fate.
_BOX_REASONS = frozenset({NEWSLETTER, RELATED, SOCIAL, CONTACT, MENU, ADVERTISING, DISCLAIMER})


def _boxed_lines(doc: _Doc) -> None:
    """A kept line wedged, without blank lines, between two lines dropped for the same
    box-like reason belongs to that box ("Subscribe to our newsletter" / "Get the best of
    our coverage in your inbox." / "Your email address")."""
    for i in range(1, len(doc) - 1):
        if not doc.kept(i) or doc.words[i] > 25 or doc.blank[i - 1] or doc.blank[i + 1]:
            continue
        above, below = doc.reasons[i - 1], doc.reasons[i + 1]
        if above == below and above in _BOX_REASONS:
            doc.reasons[i] = above


def _repeated_lines(doc: _Doc) -> None:
    """Drop a kept line equal to an earlier kept line (case and whitespace ignored)."""
    seen: set[str] = set()
    for i in range(len(doc)):
        if not doc.kept(i):
            continue
        start, end = doc.spans[i]
        line = doc.text[i] if end - start <= _CAP else doc.source[start:end]  # not capped
        key = " ".join(line.split()).casefold()
        if key in seen:
            doc.reasons[i] = REPEATED
        else:
            seen.add(key)


def _trailing(doc: _Doc) -> None:
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


# --------------------------------------------------------------------------- driver
def _split_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line's content; "\\r\\n", "\\r" and "\\n" all end a line.

    Like str.splitlines for these three terminators: a final terminator does not open
    an extra empty line, and an empty text has no lines.
    """
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _EOL.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        spans.append((pos, len(text)))
    return spans


def _looks_like_title(s: str, words: int) -> bool:
    return (
        0 < words <= 30
        and len(s) <= 250
        and not s.endswith((".", ",", ";"))
        and not _BULLET.match(s)
        and bool(_HAS_ALNUM.search(s))
    )


def clean_text(text: str, language: str = "de") -> Cleaned:
    """Mark each line kept or dropped (with a reason). Never raises; linear time.

    `language` is accepted for symmetry with the rest of the pipeline; German and
    English rules always both apply, because scraped pages mix the two.
    """
    del language  # every rule table is bilingual
    spans = _split_lines(text)
    doc = _Doc(text, spans)

    # 1. line rules; short lines repeat a lot in dumps of many pages (menus, share bars,
    # comment-form labels), so their verdicts are memoised
    memo: dict[str, str] = {}
    for i in range(len(doc)):
        if doc.blank[i]:
            continue
        s = doc.text[i]
        if doc.words[i] <= _LABEL_WORDS:
            reason = memo.get(s)
            if reason is None:
                reason = memo[s] = _classify_line(s, doc.words[i])
            doc.reasons[i] = reason
        else:
            doc.reasons[i] = _classify_line(s, doc.words[i])

    # 2. context rules (order matters: the comment section overrides everything after it)
    _bylines_split_over_lines(doc)
    _comment_section(doc)
    _related_blocks(doc)
    _author_bio(doc)
    _menu_runs(doc)
    _captions(doc)
    _boxed_lines(doc)
    _category_label(doc)

    # 3. repeated lines, then what is left over at the end of the page
    _repeated_lines(doc)
    _trailing(doc)

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
    first = next((i for i in range(len(doc)) if doc.kept(i)), -1)
    if first >= 0 and _looks_like_title(doc.text[first], doc.words[first]):
        title = doc.text[first]
    return Cleaned(lines=lines, title=title)
