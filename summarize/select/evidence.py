"""What one sentence says, read from its own words: what happened, and how it is told.

- What happened (summarize.select.grouping compares this across sentences): its
  event words (content words in lower case - verbs, adjectives, participles - and
  German nouns of action, but not reporting verbs like "sagte", the language's most
  common words or words of judgement), its numbers with the words they count
  ("2.100 Flüchtlinge"), its time anchors (weekdays, months, years, dates) and
  what its numbers count ("prozent=38.64"), and the names and nouns it mentions.
- How it is told (the shape factor of a fact's quality): an article's lead over
  its later sentences; a report (an attribution, a past event, a number, a date)
  over analysis; self-contained over leaning on the sentence before; commentary
  ("bedeutende Verschiebung") and speculation ("könnte") count less.

Every list here is of the language, German and English, not of any corpus: five
articles make a poor measure of how common or how telling a word is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import NamedTuple, Protocol

from ..results import Sentence
from ..words import stemmer, stop_words, tokenize


class Evidence(NamedTuple):
    events: frozenset[str]
    numbers: dict[str, frozenset[str]]  # a number's value -> the words around it
    anchors: frozenset[str]  # "day=sonntag", "year=2024", "prozent=38.64"
    names: frozenset[str]


class Shaped(Protocol):
    """What the shape factor reads of a candidate."""

    sentence: Sentence
    language: str
    rank: int  # its place among its article's candidates
    position: float  # 0 for the article's first candidate, 1 for its last
    numbers: dict[str, frozenset[str]]
    anchors: frozenset[str]


# Sentences opening with these lean on the sentence before: poor stand-alone facts.
_ANAPHORA = frozenset(
    "dies diese dieser dieses das er sie es damit dabei dadurch deshalb daher dazu "
    "gegen this these that those it he she they such there".split()
)
# Words that mark a sentence as speculation or commentary rather than a
# reported fact, German and English.
_HEDGES = frozenset(
    "könnte könnten dürfte dürften würde würden möglicherweise wahrscheinlich vermutlich "
    "scheint scheinen offenbar potenziell eventuell vielleicht womöglich angeblich "
    "could might may would likely possibly perhaps probably seems seem appears".split()
)
# Words that do not say what happened: who said it ("sagte", "meldete", "according"),
# and the general language's most frequent verbs, adjectives and prepositions
# ("kommt", "große", "zweiten", "gegen"). Two reports that share only these
# ("meldete die Nachrichtenagentur", "im zweiten Spiel") state different facts.
# A list of the language, not of any corpus: five articles make a poor measure
# of how common a word is.
_REPORTING = frozenset(
    """sagt sagte sagten gesagt sagen erklärt erklärte erklärten erklären berichtet
    berichtete berichteten berichten meldet meldete meldeten melden teilte teilten mitgeteilt
    betont betonte betonten hieß heißt zufolge laut sprach spricht schrieb schreibt
    fügte verwies verweist bestätigte bestätigt erläuterte kündigte angekündigt
    said says told reported reports announced according added stated wrote claimed""".split()
)
_NOT_EVENTS = _REPORTING | frozenset(
    """mit hinzu an hatte hat
    habe haben wurde wurden worden sei seien war waren
    kommt kommen kam kamen gekommen geht gehen ging gingen gegangen gibt geben gab gaben
    gegeben steht stehen stand standen gestanden macht machen machte machten gemacht
    lässt lassen ließ gelassen bleibt bleiben blieb geblieben liegt liegen lag gelegen
    sieht sehen sah gesehen findet finden fand gefunden zeigt zeigen zeigte gezeigt
    hält halten hielt gehalten bringt bringen brachte gebracht nimmt nehmen nahm genommen
    gilt gelten galt folgt folgen folgte stellt stellen stellte gestellt setzt setzen
    setzte gesetzt trifft treffen traf getroffen führt führen führte geführt
    beginnt begann begonnen gehört gehören heißen tun tut getan wissen weiß wusste
    glaubt glauben meint meinen meinte denkt denken möchte möchten will wollen wollte
    soll sollen sollte sollten muss müssen musste kann können konnte konnten darf
    groß große großen großer großes größte größten klein kleine kleinen neu neue neuen
    neuer neues alt alte alten gut gute guten besser beste besten schlecht lang lange
    langen hoch hohe hohen weit weiter weitere weiteren viel viele vielen wenig wenige
    ganz ganze ganzen eigen eigene eigenen ander andere anderen anderer bisher bereits
    erst erste ersten erster zweite zweiten zweiter dritte dritten letzte letzten
    letzter nächste nächsten gegen ohne seit trotz während wegen zwischen unter über
    statt innerhalb außerhalb rund etwa knapp fast kaum mehr weniger neben allerdings
    jedoch zudem außerdem bislang derzeit heute gestern morgen jetzt nun wieder
    darauf darüber dafür dagegen damit davon dazu daran darin hin hinaus hingegen
    deutet deuten deutete international internationale internationalen national
    nationale nationalen wichtig wichtige wichtigen entscheidend entscheidende
    entscheidenden bedeutend bedeutende bedeutenden verschieden verschiedene
    verschiedenen möglich mögliche möglichen
    regierung zeitung meinung richtung beziehung beziehungen bedeutung entwicklung
    wohnung stellung ordnung leitung bildung forschung vertretung verwaltung
    zusammenarbeit unterstützung hoffnung erfahrung
    immer schon noch nur auch sehr gerade zuletzt zunächst damals dabei sowie
    keine kein keinen keiner keines obwohl weil wenn dass ob als wie
    come comes came go goes went gone give gives gave given make makes made take takes
    took taken get gets got see sees saw seen find found show shows showed shown
    keep kept hold held bring brought put set stand stood leave left begin began
    big bigger biggest large larger largest small new old good better best great
    long high higher many much more most less least first second third last next
    other another own against without since despite during between under over
    about around nearly almost already still now today yesterday again also just
    however although because while""".split()
)
# A number and the words within this many tokens of it: what it counts.
_NUMBER_REACH = 3
# Numbers whole ("2.100", "11,12", "1:0"), then words.
_TOKEN = re.compile(r"\d+(?:[.,:]\d+)*|\w+(?:[-'’]\w+)*")
# The same, with an ordinal's period kept: "23." before more words is "the 23rd".
_READ_TOKEN = re.compile(r"\d+(?:[.,:]\d+)*(?:\.(?=\s+\w))?|\w+(?:[-'’]\w+)*")
_WEEKDAYS = (
    "montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)
_DAYS_BY_PREFIX: dict[str, tuple[str, ...]] = {}
for _day in _WEEKDAYS:
    _DAYS_BY_PREFIX[_day[:3]] = (*_DAYS_BY_PREFIX.get(_day[:3], ()), _day)
_MONTHS = frozenset(
    "januar jänner februar feber märz april mai juni juli august september oktober "
    "november dezember january february march june july october december".split()
)
_YEAR = re.compile(r"^(?:19|20)\d\d$")
# "drei seiner elf", "sechs von zehn", "two of the three": a part of a whole. The
# anchor PART=whole says the sentence states a part, not the whole.
PART = "part"
_PART_OF = frozenset("von seiner seinen ihrer ihren der den aus of".split())
# Numbers written as words are numbers ("elf Nominierungen" is "11 Nominierungen").
_NUMBER_WORDS = {
    word: str(value)
    for value, words in enumerate(
        [
            "",
            "",
            "zwei two",
            "drei three",
            "vier four",
            "fünf five",
            "sechs six",
            "sieben seven",
            "acht eight",
            "neun nine",
            "zehn ten",
            "elf eleven",
            "zwölf twelve",
        ]
    )
    for word in words.split()
} | {"zwanzig": "20", "twenty": "20", "hundert": "100", "hundred": "100", "tausend": "1000"}


# --- what happened ----------------------------------------------------------


def read(text: str, language: str) -> Evidence:
    """What a sentence says happened: event words, numbers with their words, times, names.

    Anchors are "kind=value" strings that two reports of one fact cannot
    differ in: the weekday, month, year or date, and what a number counts
    ("prozent=38.64"). See grouping.related.
    """
    stem = stemmer(language)
    stops = stop_words(language)
    not_events = _stems(language, _NOT_EVENT_WORDS)
    found = _READ_TOKEN.findall(text)
    lowered = [token.lower() for token in found]
    events: set[str] = set()
    anchors: set[str] = set()
    numbers: dict[str, frozenset[str]] = {}
    names: set[str] = set()
    for i, token in enumerate(found):
        low = lowered[i]
        head = token[0]
        if head.islower() and low not in _NUMBER_WORDS:
            # Most words: lower case. Stop words and short words say nothing.
            if i == 0 or len(low) < 3 or low in stops:
                continue
            stemmed = stem(low)
            if stemmed not in not_events and not _describes(low, language):
                events.add(_event_root(stemmed, language))
            continue
        if low in _NUMBER_WORDS:
            token = low = _NUMBER_WORDS[low]
        if token[0].isdigit():
            after = lowered[i + 1] if i + 1 < len(found) else ""
            if after in _PART_OF and i + 2 < len(found):
                whole = _NUMBER_WORDS.get(lowered[i + 2], lowered[i + 2])
                if whole[:1].isdigit():  # "drei seiner elf Nominierungen": a part of 11
                    anchors.add(f"{PART}={number_value(whole)}")
            if token.endswith("."):  # an ordinal: "88. Oscar-Verleihung", "am 23. Juni"
                if after in _MONTHS:
                    anchors.add(f"date={token}{after}")
            elif _YEAR.match(token):
                anchors.add(f"year={token}")
            elif _counts_something(token):
                value = number_value(token)
                near = range(max(0, i - _NUMBER_REACH), min(len(found), i + _NUMBER_REACH + 1))
                words = {
                    stem(lowered[k])
                    for k in near
                    if not found[k][0].isdigit()
                    # Nouns count even when listed as stop words ("16 Jahren").
                    and (lowered[k] not in stops or found[k][0].isupper())
                }
                numbers[value] = numbers.get(value, frozenset()) | words
                if after and not after[0].isdigit() and after not in stops:
                    anchors.add(f"{stem(after)}={value}")
            continue
        if not head.isupper() or low in stops:
            continue
        # Weekdays and months are written with a capital in German and English.
        day = next((d for d in _DAYS_BY_PREFIX.get(low[:3], ()) if low.startswith(d)), None)
        if day is not None:
            anchors.add(f"day={day}")
        elif low in _MONTHS:
            anchors.add(f"month={low}")
        else:
            stemmed = stem(low)
            names.add(stemmed)
            # German nouns of action are events too ("Unterzeichnung"); a hyphened
            # one names a thing ("Oscar-Verleihung").
            noun_of_action = language == "de" and low.endswith("ung") and "-" not in low
            if noun_of_action and stemmed not in not_events:
                events.add(_event_root(stemmed, language))
    return Evidence(frozenset(events), numbers, frozenset(anchors), frozenset(names))


def _event_root(stem: str, language: str) -> str:
    """One root for the verb and its noun: "unterzeichnet", "Unterzeichnung" -> "unterzeichn";
    "verurteilt", "Verurteilung" -> "verurteil"."""
    if language == "de" and len(stem) > 5 and stem.endswith("t"):
        return stem[:-1]
    return stem


def _describes(word: str, language: str) -> bool:
    """German adjectives in -isch say what kind or whose ("russisch", "militärisch",
    "politisch"): who is involved, not what happened."""
    return language == "de" and _ISCH.search(word) is not None


_ISCH = re.compile(r"isch(?:e|er|es|en|em)?$")


def _counts_something(token: str) -> bool:
    """Not a small count or score ("3", "1:0") that many different facts share."""
    return any(len(piece) > 1 for piece in re.split(r"[.,:]", token))


def number_value(token: str) -> str:
    """One spelling per value: "2.100" and "2,100" are 2100; "6,9" and "6.9" are 6.9."""
    pieces = re.split(r"([.,])", token)
    out = pieces[0]
    for sep, digits in zip(pieces[1::2], pieces[2::2]):
        out += digits if len(digits) == 3 and sep != ":" else "." + digits
    return out


@cache
def _stems(language: str, words: frozenset[str]) -> frozenset[str]:
    stem = stemmer(language)
    return frozenset(stem(w) for w in words)


def content_terms(text: str, language: str) -> list[str]:
    stem = stemmer(language)
    stops = stop_words(language)
    terms = []
    for token in _TOKEN.findall(text):
        if token[0].isdigit():
            terms.append(number_value(token))
            continue
        lower = token.lower()
        if lower in stops or len(lower) < 2:
            continue
        terms.append(stem(lower))
    return terms


# --- how it is told ----------------------------------------------------------
# A news article states its main facts first; the lead sentences of each article
# are what a reader needs (and what its editors' teaser restates).
_LEAD_BONUS = (1.5, 1.2)  # the article's first and second candidate
_POSITION_WEIGHT = 0.3
_COUNTS = 1.15  # a number that counts something makes a statement checkable
_DATED = 1.15  # so does a date, a weekday or a year
_SPECULATION = 0.6  # "könnte", "might": not a reported fact
_COMMENTARY = 0.75  # per commentary word, down to _MOST_COMMENTARY
_MOST_COMMENTARY = 0.5
_DEPENDENT = 0.7  # "Dies ...", "Er ...": leans on the sentence before
# Words of commentary and analysis rather than report, German and English: a
# sentence that calls something significant, sees it as a sign or a risk, or
# says what it reflects or marks, judges the news instead of stating it.
_COMMENTARY_WORDS = frozenset(
    """bedeutend bedeutende bedeutenden bedeutender bemerkenswert bemerkenswerte historisch
    historische historischen entscheidend entscheidende entscheidenden wichtig wichtige
    wichtigen erheblich erhebliche erheblichen zunehmend zunehmende wachsend wachsende
    wachsenden potenziell potenzielle potenziellen angesehen gesehen symbolisiert
    symbolisierte symbolisch spiegelt widerspiegelt unterstreicht
    unterstrich verdeutlicht verdeutlichte zeichen signal risiko risiken bedrohung
    besorgnis befürchtungen bedenken klar offensichtlich zweifellos sicht perspektive
    implikationen tragweite dimension ära wendepunkt meilenstein dringlichkeit dynamik
    landschaft verschiebung konsequenzen folgen auswirkungen vorteile nachteile
    interessen einfluss ambiguität vertiefung vertiefte vertieft vertiefen ausweitung
    stärkung verstärkt verstärkte verstärkten
    significant significantly remarkable historic crucial important increasingly growing
    potential seen regarded symbolize symbolizes symbolized reflects
    underscores underscored highlights highlighted sign signals risk risks threat
    concern concerns clearly obviously undoubtedly perspective implications era
    milestone urgency dynamics landscape shift consequences advantages interests
    influence deepening strengthening""".split()
)

# A judgement ("symbolisiert", "bedeutend") is not an event either. One set, built
# once: _stems is cached by its arguments, and hashing a new union per sentence cost
# a third of read().
_NOT_EVENT_WORDS = _NOT_EVENTS | _COMMENTARY_WORDS


def shape_factor(candidate: Shaped) -> float:
    """Prefer an article's lead, and self-contained, checkable statements of a readable
    length over commentary and speculation."""
    words = tokenize(candidate.sentence.text)
    lowered = {w.lower() for w in words}
    factor = 1.0 + _POSITION_WEIGHT * (1.0 - candidate.position)
    if candidate.rank < len(_LEAD_BONUS):
        factor *= _LEAD_BONUS[candidate.rank]
    if _leans_back(words, candidate.language):
        factor *= _DEPENDENT
    if _reports(candidate, words, lowered):
        factor *= _REPORTED
    if _hedged(lowered, candidate.language):
        factor *= _SPECULATION
    commentary = _commentary(lowered, candidate.language)
    if commentary:
        factor *= max(_COMMENTARY**commentary, _MOST_COMMENTARY)
    if candidate.numbers:
        factor *= _COUNTS
    if _dated(candidate):
        factor *= _DATED
    return factor


_TIME_KINDS = frozenset({"day", "month", "year", "date"})
# A report says who said it, or what happened when: an attribution ("sagte",
# "according to"), a past tense ("hat ... unterzeichnet", "wurde ratifiziert",
# "unterzeichnete", "signed"), a number or a time. Analysis has none of these
# ("Für Russland bietet die Ausrichtung einen Weg ...").
_REPORTED = 1.25
_AUXILIARIES = frozenset(
    "hat haben hatte hatten wurde wurden worden ist sind war waren has have had was were".split()
)
_PARTICIPLE = re.compile(r"^ge\w{3,}(?:t|en)$")
# "ist ... geworden", "ist ... gewesen": what something is, not what happened.
_COPULAS = frozenset("geworden gewesen geblieben become been".split())
_ACTIVE_AUXILIARIES = frozenset("hat haben hatte hatten wurde wurden worden".split())
# Weak verbs' past tense ("unterzeichnete", "lieferten"); English "-ed".
_PAST = {"de": re.compile(r"^\w{4,}[^aeiouäöü]te[nt]?$"), "en": re.compile(r"^\w{3,}ed$")}
# Adjectives that look like a German past tense: ordinals and superlatives.
_NOT_PAST = re.compile(r"(?:ersten?|letzten?|meisten?|besten?|neuesten?|\w+sten?)$")


def _reports(candidate: Shaped, words: Sequence[str], lowered: set[str]) -> bool:
    if lowered & _REPORTING or candidate.numbers:
        return True
    if _dated(candidate):
        return True
    judged = _stems(candidate.language, _COMMENTARY_WORDS)
    stem = stemmer(candidate.language)
    for word in lowered:
        if stem(word) in judged:
            continue
        if word in _COPULAS:
            continue
        if word.startswith("ge") and _PARTICIPLE.match(word) and lowered & _AUXILIARIES:
            return True  # "hat ... gewählt", "ist ... geflohen"
        if word.endswith("iert") and lowered & _ACTIVE_AUXILIARIES:
            return True  # "hat ... ratifiziert", "wurde ... informiert" (not "ist konfrontiert")
    past = _PAST.get(candidate.language)
    if past is None:
        return False
    german = candidate.language == "de"
    for index, word in enumerate(words):
        low = word.lower()
        if not past.match(low) or _NOT_PAST.match(low) or stem(low) in judged:
            continue
        # A German participle used as an adjective stands before its noun
        # ("benötigte Munition", "vertiefte strategische Partnerschaft"); a verb
        # does not ("unterzeichnete der Präsident").
        if german and _before_noun(words, index):
            continue
        return True
    return False


def _before_noun(words: Sequence[str], index: int) -> bool:
    for following in words[index + 1 : index + 4]:
        if following[:1].isupper():
            return True
        if not _ADJECTIVE_ENDING.search(following):
            return False
    return False


_ADJECTIVE_ENDING = re.compile(r"(?:e|en|er|es|em)$")


def _commentary(lowered: set[str], language: str) -> int:
    """How many words of judgement the sentence uses (none is shorter than 3 letters)."""
    stem = stemmer(language)
    judged = _stems(language, _COMMENTARY_WORDS)
    return len({stem(w) for w in lowered if len(w) >= 3} & judged)


def _dated(candidate: Shaped) -> bool:
    return any(anchor.partition("=")[0] in _TIME_KINDS for anchor in candidate.anchors)


def _hedged(lowered: set[str], language: str) -> bool:
    """Speculation: "könnte", "möglicherweise", "mögliche Waffentransfers", "might"."""
    if lowered & _HEDGES:
        return True
    return language == "de" and any(w.startswith("möglich") for w in lowered)


def _leans_back(words: Sequence[str], language: str) -> bool:
    """Opens with a pronoun that needs the sentence before ("Er sagte", "Dies zeigt").

    In German a capitalised second word makes the first an article or a
    demonstrative of a named thing ("Das Gipfeltreffen", "Diese Warnung").
    """
    if not words or words[0].lower() not in _ANAPHORA:
        return False
    return not (language == "de" and len(words) > 1 and words[1][:1].isupper())
