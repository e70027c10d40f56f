"""Render news-dev articles as scraped-page text dumps, with a gold label per line.

What a scraper hands to `summarize` is rarely clean article text: it is a copy-paste of
a web page, a `lynx -dump`, or a text extractor's output, with menus, bylines, captions,
share bars, teasers of other articles, newsletter and consent boxes, and reader comments
around (and inside) the article. Comments are the hard part: they are real prose, like
the article. This module builds such dumps from real parts only: the article (teaser +
body), teasers of *other* news-dev articles for related-article boxes, and real reader
posts from comments.jsonl; only the site furniture (menus, buttons, consent text ...) is
written here.

Each layout family imitates one kind of site. A family's template text (menus, newsletter
blurb, consent banner, footer) is identical on all its pages, so cross-page template
detection can be measured; everything else (which boxes appear, where, comment count and
shape, dates, captions, related teasers) is drawn from a seeded RNG per page, so two pages
of one family differ and the same seed gives the same files and labels.

Labels: the headline, the teaser (lead) and the article paragraphs are "body"; every other
non-blank line is "junk" with a finer kind (nav, byline, caption, related, comment, ...);
blank lines are "blank" and are not scored. `--no-teaser` leaves out the teaser and the
headline (which is made from the teaser) so summaries can be scored against the teaser.

Families are split into dev (tune on these) and holdout (unseen layouts); articles and
comment threads are split by a stable hash of their ids (newsdev.py), so `--split holdout`
uses unseen layouts, articles and threads.

    python pages.py DATA OUT [--split dev|holdout] [--per-family N] [--seed S] [--no-teaser]
    python pages.py DATA --show FAMILY [--split ...]    # print a page with its labels
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import re
import sys
import textwrap
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import newsdev  # noqa: E402

BODY_KINDS = frozenset({"title", "teaser", "body"})
JUNK_KINDS = (
    "nav",
    "byline",
    "date",
    "meta",
    "caption",
    "share",
    "related",
    "ad",
    "newsletter",
    "consent",
    "paywall",
    "pullquote",
    "widget",
    "notice",
    "comment",
    "comment_title",
    "comment_meta",
    "footer",
)


def label_of(kind: str) -> str:
    if kind == "blank":
        return "blank"
    return "body" if kind in BODY_KINDS else "junk"


# --------------------------------------------------------------------------- page builder
class Page:
    """Lines with a kind each. `gap()` adds one blank line (never two, never at the top)."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.kinds: list[str] = []

    def add(self, kind: str, *texts: str) -> None:
        if kind not in BODY_KINDS and kind not in JUNK_KINDS:
            raise ValueError(f"unknown line kind {kind!r}")
        for text in texts:
            if not text.strip():
                continue  # nothing to show; blank lines come from gap() or "\n\n"
            for line in text.split("\n"):
                if line.strip():
                    self.lines.append(line.rstrip())
                    self.kinds.append(kind)
                else:
                    self.gap()

    def gap(self) -> None:
        if self.lines and self.kinds[-1] != "blank":
            self.lines.append("")
            self.kinds.append("blank")

    def wrapped(self, kind: str, text: str, width: int, indent: str = "") -> None:
        """One paragraph hard-wrapped at `width` columns: several lines of one kind."""
        for line in textwrap.wrap(
            text, width, initial_indent=indent, subsequent_indent=indent, break_on_hyphens=False
        ):
            self.add(kind, line)

    def text(self) -> str:
        while self.kinds and self.kinds[-1] == "blank":
            self.lines.pop()
            self.kinds.pop()
        return "\n".join(self.lines) + "\n"


# --------------------------------------------------------------------------- names, dates
_FIRST = """Anna Maria Eva Julia Katharina Lisa Sabine Petra Andrea Claudia Barbara Martina
    Susanne Karin Birgit Gabriele Irene Christine Nina Sarah Laura Lena Sophie Teresa Ulrike
    Renate Monika Michael Thomas Andreas Peter Wolfgang Christian Stefan Markus Martin Josef
    Johann Franz Karl Georg Klaus Manfred Gerald Herbert Robert Walter Alexander Florian
    Philipp Lukas David Daniel Sebastian Matthias Bernhard Harald Günther Werner Reinhold
    Heinz Rudolf Hans Jörg Christoph Johannes Gerhard Helmut Erich Norbert Kurt Anton
    Richard Felix Paul Simon Tobias Jakob Oliver Mario Marco Jan Tim Ernst Otto Fritz Franziska
    Johanna Irmgard Angela Barack Hillary Donald Wladimir Sergej Recep Alexis Jean François
    Emmanuel Marine Nicolas Matteo Angelino Mariano Pablo David Boris George Jeremy Theresa
    Jimmy Otto Novak Roger Rafael Andy Serena Dominic Marcel Lionel Cristiano Zlatan Usain
    Leonardo Steven Woody Jan Olli Yanis Mark Tim Jeff Bill Elon Marissa Sheryl Satya Sundar
    Ban Zeid Kim Xi Shinzo Narendra Hassan Benjamin Mahmoud Abdel Bashar Viktor Robert Beata
    Jarosław Andrzej Petro Arsenij Michail Alexander Norbert Heinz-Christian Hans-Peter""".split()
FIRST_NAMES = frozenset(_FIRST)
_AUTHOR_FIRST = """Anna Maria Eva Julia Katharina Lisa Sabine Petra Andrea Claudia Barbara
    Martina Susanne Karin Birgit Irene Christine Nina Sarah Laura Michael Thomas Andreas
    Peter Wolfgang Christian Stefan Markus Martin Josef Klaus Gerald Herbert Robert Walter
    Alexander Florian Philipp Lukas David Sebastian Matthias Bernhard Harald Rainer Oliver
    Colette Renate Gudrun Conrad Fabian Irene Marie-Theres Gianluca Birgit Aloysius""".split()
_LAST = """Gruber Huber Bauer Wagner Müller Pichler Steiner Moser Mayer Hofer Leitner Berger
    Fuchs Eder Fischer Schmid Winkler Weber Schwarz Maier Schneider Reiter Mayr Schmidt
    Wimmer Egger Brunner Lang Baumgartner Auer Binder Lechner Wolf Wallner Aigner Ebner
    Koller Lehner Haas Schuster Holzer Stadler Sterkl Brandstetter Kainz Zöchling Mittelstaedt
    Koch Kaltenbrunner Rauscher Sulzbacher Prantner Niederwieser Oberhauser Kogler Seidl
    Ortner Hödl Plank Strasser Novak Horvath Kovač Petrović Yilmaz Nowak Kraus Neumann""".split()
_NICK_A = """kritischer alter stiller neuer wahrer freier roter grüner schwarzer blauer müder
    wacher ehrlicher spontaner besorgter zynischer realistischer""".split()
_NICK_B = """Beobachter Bürger Leser Wähler Wiener Grazer Linzer Steirer Tiroler Zeitgenosse
    Skeptiker Optimist Pendler Mitleser Realist Querdenker Nachbar Pensionist Student""".split()
_NICK_WORDS = """Hugo Fuzzi Mondkalb Pinguin Schnitzel Grantler Gustl Strizzi Waldi Zwutschkerl
    Papageno Hausmeister Hofrat Maulwurf Nachtfalke Eisbär Kasperl Lurch Igel Rabe
    Oachkatzl Radler Sumsi Brösel Keks Gurkerl Semmel Haferl Pfiff Topfen""".split()
_PHOTOGRAPHERS = """Hans Punz|Helmut Fohringer|Georg Hochmuth|Roland Schlager|Herbert Neubauer|
    Barbara Gindl|Robert Jäger|Christian Bruna|Matthias Cremer|Heribert Corn|Regine Hendrich|
    Michael Kappeler|Kay Nietfeld|Leonhard Foeger|Heinz-Peter Bader|Yves Herman""".split("|")
_AGENCIES = ("APA", "Reuters", "AP", "AFP", "dpa", "EPA", "APA/AFP", "APA/dpa", "picturedesk.com")
_CITIES = ("Wien", "Graz", "Linz", "Salzburg", "Innsbruck", "Klagenfurt", "Berlin", "Brüssel")
_DISTRICTS = (
    "Baden",
    "Mödling",
    "Tulln",
    "Wels-Land",
    "Leibnitz",
    "Villach",
    "Kufstein",
    "Neusiedl am See",
    "Bruck an der Leitha",
    "Gmunden",
)
_DE_MONTHS = (
    "Jänner",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
)
_DE_MONTHS_SHORT = (
    "Jän",
    "Feb",
    "Mär",
    "Apr",
    "Mai",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Okt",
    "Nov",
    "Dez",
)
_DE_DAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")
_EN_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_EN_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def _stable(text: str) -> int:
    return int.from_bytes(hashlib.sha256(text.encode()).digest()[:8], "big")


def nick(user: str) -> str:
    """A forum nickname for a numeric user id: the same id always gets the same name."""
    r = random.Random(_stable("nick" + user))
    style = r.randrange(6)
    if style == 0:
        return r.choice(_NICK_A) + " " + r.choice(_NICK_B)
    if style == 1:
        return r.choice(_NICK_WORDS) + str(r.randrange(1, 99))
    if style == 2:
        return r.choice(_AUTHOR_FIRST).lower() + "_" + r.choice(_LAST).lower()
    if style == 3:
        return r.choice(_AUTHOR_FIRST) + " " + r.choice(_LAST)[0] + "."
    if style == 4:
        return "der" + r.choice(_NICK_B) if r.random() < 0.5 else r.choice(_NICK_WORDS)
    return r.choice(_NICK_WORDS).lower() + r.choice(("", "_", ".")) + str(r.randrange(1950, 2001))


def de_date(d: dt.datetime, style: str) -> str:
    """German date formats seen on news sites."""
    if style == "long":  # 12. März 2016, 14:03
        return f"{d.day}. {_DE_MONTHS[d.month - 1]} {d.year}, {d:%H:%M}"
    if style == "long_uhr":  # 12. März 2016, 14:03 Uhr
        return f"{d.day}. {_DE_MONTHS[d.month - 1]} {d.year}, {d:%H:%M} Uhr"
    if style == "day":  # Samstag, 12.03.2016 14:03 Uhr
        return f"{_DE_DAYS[d.weekday()]}, {d:%d.%m.%Y %H:%M} Uhr"
    if style == "dots":  # 12.03.2016, 14:03
        return f"{d:%d.%m.%Y, %H:%M}"
    if style == "dots_uhr":  # 12.03.2016 14:03 Uhr
        return f"{d:%d.%m.%Y %H:%M} Uhr"
    if style == "phpbb":  # Sa 12. Mär 2016, 14:03
        return (
            f"{_DE_DAYS[d.weekday()][:2]} {d.day}. {_DE_MONTHS_SHORT[d.month - 1]} "
            f"{d.year}, {d:%H:%M}"
        )
    if style == "wp":  # 12. März 2016 um 14:03 Uhr
        return f"{d.day}. {_DE_MONTHS[d.month - 1]} {d.year} um {d:%H:%M} Uhr"
    if style == "date":  # 12. März 2016
        return f"{d.day}. {_DE_MONTHS[d.month - 1]} {d.year}"
    if style == "en":  # Sat 12 Mar 2016 14.03 GMT
        return f"{_EN_DAYS[d.weekday()]} {d.day} {_EN_MONTHS[d.month - 1]} {d.year} {d:%H.%M} GMT"
    if style == "en_short":  # 12 Mar 2016 14:03
        return f"{d.day} {_EN_MONTHS[d.month - 1]} {d.year} {d:%H:%M}"
    raise ValueError(style)


def ago(rng: random.Random, lang: str = "de") -> str:
    n, unit = rng.choice(
        ((rng.randint(2, 59), "m"), (rng.randint(1, 23), "h"), (rng.randint(1, 6), "d"))
    )
    if lang == "en":  # Reddit style: "4h", "56m", "3d"
        return f"{n}{unit}"
    word = {"m": "Minuten", "h": "Stunden" if n > 1 else "Stunde", "d": "Tagen" if n > 1 else "Tag"}
    return f"vor {n} {word[unit]}"


# --------------------------------------------------------------------------- content
@dataclass
class Comment:
    user: str
    created: dt.datetime
    headline: str
    body: list[str]  # paragraphs (lines of the post; "" separates paragraphs)
    up: int
    down: int
    depth: int
    parent: str  # nickname of the post replied to, "" for top-level posts


@dataclass
class Pools:
    """What a page of one split may borrow: other articles' teasers and comment threads."""

    articles: list[newsdev.Article]
    threads: list[newsdev.Thread]


def load_pools(data: Path, split: str) -> Pools:
    articles = [
        a
        for a in newsdev.load_articles(data)
        if not a.stub and a.teaser and newsdev.article_split(a.id) == split
    ]
    threads = [
        t for t in newsdev.load_threads(data) if t.posts and newsdev.thread_split(t.id) == split
    ]
    return Pools(articles, threads)


_NAME = re.compile(
    r"\b([A-ZÄÖÜ][\w-]+) "
    r"((?:[A-Z]\. )?[A-ZÄÖÜ][a-zäöüßéáčćš]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?)"
)


def person_in(paragraph: str) -> str | None:
    """The first 'Firstname Lastname' in a paragraph (first name from a known list)."""
    for m in _NAME.finditer(paragraph):
        if m.group(1) in FIRST_NAMES and m.group(2).split()[-1] not in FIRST_NAMES:
            return f"{m.group(1)} {m.group(2)}"
    return None


def short_title(article: newsdev.Article) -> str:
    """A headline for a related-article teaser box."""
    head = newsdev.headline(article)
    if head:
        return head
    first = newsdev.split_sentences(article.teaser or article.body)[0]
    words = first.split()
    return first.rstrip(".") if len(words) <= 14 else " ".join(words[:12]).rstrip(",;:") + " …"


def blurb(article: newsdev.Article) -> str:
    """The teaser text under a related-article headline ("" when it would repeat it)."""
    return "" if article.teaser.rstrip(".") == short_title(article) else article.teaser


@dataclass
class Ctx:
    """Everything one page is made of; `rng` is this page's own random stream."""

    article: newsdev.Article
    pools: Pools
    rng: random.Random
    no_teaser: bool
    date: dt.datetime = field(init=False)
    paras: list[str] = field(init=False)
    title: str = field(init=False)
    teaser: str = field(init=False)

    def __post_init__(self) -> None:
        r = self.rng
        self.date = dt.datetime(2015, 6, 1, 6, 0) + dt.timedelta(
            days=r.randrange(395), minutes=r.randrange(16 * 60)
        )
        self.paras = [self.article.body] if self.article.stub else newsdev.paragraphs(self.article)
        head, teaser = newsdev.headline(self.article), self.article.teaser
        if self.no_teaser:
            head = teaser = ""
        elif not head and teaser and len(teaser.split()) <= 14 and r.random() < 0.6:
            head, teaser = teaser.rstrip("."), ""  # a short lead shown as the headline only
        self.title, self.teaser = head, teaser

    # ---- the article
    @property
    def body_kind(self) -> str:
        """Kind of the article's text lines: a stub's legal notice is not article text."""
        return "notice" if self.article.stub else "body"

    def author(self) -> str:
        r = random.Random(_stable("author" + self.article.id))
        return f"{r.choice(_AUTHOR_FIRST)} {r.choice(_LAST)}"

    def dateline_city(self) -> str:
        m = re.match(r"^([A-ZÄÖÜ][\w. ]{1,25}?)(?:/[\w. ]+)? – ", self.article.body)
        return m.group(1) if m else self.rng.choice(_CITIES)

    def subject(self) -> str:
        """This article's name in page furniture ("Re: ...", "Betreff: ...").

        Never taken from the teaser when it is left out (--no-teaser), so nothing of the
        reference summary leaks into the page.
        """
        if self.title:
            return self.title
        if self.teaser:
            return short_title(self.article)
        words = newsdev.split_sentences(self.article.body)[0].split()
        return " ".join(words[:8]).rstrip(",.;:") + " …"

    def words(self) -> int:
        return sum(len(p.split()) for p in self.paras)

    def reading_minutes(self) -> int:
        return max(1, round(self.words() / 200))

    # ---- furniture built from real text
    def related(self, n: int) -> list[newsdev.Article]:
        """Other articles, mostly from the same section (as related-article boxes are)."""
        pool = [a for a in self.pools.articles if a.id != self.article.id]
        same = [a for a in pool if a.category == self.article.category]
        picked: list[newsdev.Article] = []
        while len(picked) < min(n, len(pool)):
            a = self.rng.choice(same if same and self.rng.random() < 0.7 else pool)
            if a not in picked:
                picked.append(a)
        return picked

    def caption(self, paragraph: str | None = None) -> str:
        """An image caption: about the person the next paragraph starts with, if any."""
        r = self.rng
        who = person_in(paragraph) if paragraph else None
        city = self.dateline_city()
        if who:
            return r.choice(
                (
                    f"{who} am {r.choice(_DE_DAYS)} in {city}.",
                    f"{who} bei einer Pressekonferenz.",
                    f"{who} (Archivbild).",
                    f"{who} bei einem Auftritt im {r.choice(_DE_MONTHS)}.",
                    f"Im Mittelpunkt: {who}.",
                    f"{who}",
                )
            )
        return r.choice(
            (
                "Symbolbild.",
                f"Blick auf {city}.",
                "Einsatzkräfte vor Ort.",
                f"Die Lage in {city} am {r.choice(_DE_DAYS)}.",
                "Das Archivbild zeigt die Szene im Vorjahr.",
                "Nicht alle sind mit der Entscheidung zufrieden.",
                "Archivbild",
            )
        )

    def credit(self, style: str = "Foto") -> str:
        r = self.rng
        agency = r.choice(_AGENCIES)
        who = r.choice(_PHOTOGRAPHERS)
        return r.choice(
            (
                f"{style}: {agency}/{who}",
                f"{style}: {agency}",
                f"{style}: {who}",
                f"© {agency}/{who}",
                f"{style}: {agency}/{who}",
            )
        )

    def pull_quote(self) -> str:
        candidates = [
            s
            for p in self.paras[2:]
            for s in newsdev.split_sentences(p)
            if 8 <= len(s.split()) <= 22
        ]
        s = self.rng.choice(candidates) if candidates else self.paras[-1]
        left, right = self.rng.choice((("„", "“"), ('"', '"'), ("»", "«")))
        return left + s.rstrip(".") + right

    def comments(self, low: int, high: int, max_depth: int = 3) -> list[Comment]:
        """Real posts from a few threads of this split, with reply depth from the thread."""
        r = self.rng
        want = r.randint(low, high)
        out: list[Comment] = []
        for thread in r.sample(self.pools.threads, min(60, len(self.pools.threads))):
            if len(out) >= want:
                break
            depth_of: dict[str, int] = {}
            nick_of: dict[str, str] = {}
            for p in thread.posts:
                d = depth_of[p.parent] + 1 if p.parent in depth_of else 0
                depth_of[p.post] = min(d, max_depth)
                nick_of[p.post] = nick(p.user)
                body = [ln.strip() for ln in p.body.replace("\r", "").split("\n")]
                created = dt.datetime.fromisoformat(p.created[:19])
                out.append(
                    Comment(
                        p.user,
                        created,
                        p.headline,
                        body,
                        p.up,
                        p.down,
                        depth_of[p.post],
                        nick_of.get(p.parent or "", ""),
                    )
                )
                if len(out) >= want:
                    break
        return out

    def count(self, shown: int) -> int:
        """A plausible total of postings for a page that shows `shown` of them."""
        return shown + self.rng.choice((0, 0, self.rng.randint(1, 40), self.rng.randint(40, 900)))


def post_paragraphs(c: Comment, joined: bool = False) -> list[str]:
    """A post's text as paragraphs; `joined` flattens it to one line (some sites do)."""
    paras, cur = [], []
    for line in c.body:
        if line:
            cur.append(line)
        elif cur:
            paras.append(" ".join(cur) if joined else "\n".join(cur))
            cur = []
    if cur:
        paras.append(" ".join(cur) if joined else "\n".join(cur))
    return [" ".join(paras)] if joined else paras


def head_block(p: Page, ctx: Ctx, gap: bool = True) -> None:
    """Headline and teaser (both body when present)."""
    if ctx.title:
        p.add("title", ctx.title)
        if gap:
            p.gap()
    if ctx.teaser:
        p.add("teaser", ctx.teaser)
        if gap:
            p.gap()


def body_block(
    p: Page,
    ctx: Ctx,
    inline: dict[int, Callable[[], None]] | None = None,
    gap: bool = True,
    wrap: int = 0,
    indent: str = "",
) -> None:
    """The article paragraphs; inline[i]() renders furniture before paragraph i."""
    for i, para in enumerate(ctx.paras):
        if inline and i in inline:
            inline[i]()
            if gap:
                p.gap()
        if wrap:
            p.wrapped(ctx.body_kind, para, wrap, indent)
        else:
            p.add(ctx.body_kind, indent + para)
        if gap:
            p.gap()


def slots(ctx: Ctx, k: int) -> list[int]:
    """k distinct paragraph positions (not the first) for inline furniture."""
    positions = list(range(1, len(ctx.paras)))
    return sorted(ctx.rng.sample(positions, min(k, len(positions))))


# --------------------------------------------------------------------------- shared copy
# Ad creatives rotate per page (ads are not site template); they read like prose on purpose.
AD_COPY = (
    "Jetzt Strom- und Gastarife vergleichen und bis zu 400 Euro im Jahr sparen.",
    "Die neue Frühjahrskollektion ist da – entdecken Sie die Angebote der Saison.",
    "Traumurlaub am Meer: Sieben Nächte inklusive Flug schon ab 499 Euro pro Person.",
    "Kredit ohne Umwege: Sofortzusage in wenigen Minuten, auch für Selbstständige.",
    "Testen Sie moderne Hörgeräte kostenlos in einem Fachgeschäft in Ihrer Nähe.",
    "Über 20.000 geprüfte Gebrauchtwagen mit Garantie warten auf Sie.",
    "Wohnen im Grünen: Neue Eigentumswohnungen mit Terrasse, provisionsfrei.",
    "Sichern Sie sich jetzt Ihr Ticket für das Konzert des Jahres.",
)
CATEGORY_SUB = {
    "Inland": ("Parteien", "Regierung", "Bundesländer", "Asyl"),
    "International": ("Europa", "Nahost", "Amerika", "Asien"),
    "Wirtschaft": ("Unternehmen", "Finanzmärkte", "Arbeit", "Handel"),
    "Web": ("Netzpolitik", "Smartphones", "Games", "Netzpanorama"),
    "Sport": ("Fußball", "Tennis", "Wintersport", "Mehr Sport"),
    "Panorama": ("Chronik", "Wien", "Weltchronik", "Flucht"),
    "Etat": ("Medienpolitik", "TV", "Zeitungen"),
    "Kultur": ("Film", "Musik", "Bühne", "Literatur"),
    "Wissenschaft": ("Welt", "Natur", "Weltraum", "Zeitgeschichte"),
}


def sub_of(ctx: Ctx) -> str:
    return ctx.rng.choice(CATEGORY_SUB.get(ctx.article.category, ("Aktuell",)))


def vote_line(c: Comment, style: str) -> str:
    return style.format(up=c.up, down=c.down, sum=c.up - c.down)


# --------------------------------------------------------------------------- dev families
PORTAL_NAV = (
    "derstandpunkt.at",
    "International Inland Wirtschaft Web Sport Panorama Etat Kultur Wissenschaft "
    "Gesundheit Bildung Reisen Lifestyle Familie Meinung",
    "Suche   Login   Abo",
)
PORTAL_CONSENT = (
    "Wir verwenden Cookies und ähnliche Technologien, um Inhalte und Werbung zu "
    "personalisieren, Funktionen für soziale Medien anzubieten und die Zugriffe auf unsere "
    "Website zu analysieren. Mit Ihrer Zustimmung akzeptieren Sie die Verarbeitung Ihrer "
    "Daten durch uns und unsere Partner.",
    "Einverstanden",
    "Einstellungen",
)
PORTAL_FOOTER = (
    "Impressum & Offenlegung   Datenschutz   AGB   Kontakt   Hilfe   Werbung",
    "© derstandpunkt.at 2016 – Alle Rechte vorbehalten. Nutzung ausschließlich "
    "für den privaten Eigenbedarf.",
)
PORTAL_RULES = (
    "Die Kommentare von Usern und Userinnen geben nicht notwendigerweise die "
    "Meinung der Redaktion wieder. Die Redaktion behält sich vor, Kommentare, "
    "welche straf- oder zivilrechtliche Normen verletzen, zu entfernen."
)


def fam_portal_forum(ctx: Ctx) -> Page:
    """Big Austrian news portal with a forum under the article (derStandard-like)."""
    r, p = ctx.rng, Page()
    consent_top = r.random() < 0.4
    if consent_top:
        p.add("consent", *PORTAL_CONSENT)
        p.gap()
    p.add("nav", *PORTAL_NAV)
    p.gap()
    p.add("nav", f"{ctx.article.category} › {sub_of(ctx)}")
    p.gap()
    head_block(p, ctx)
    comments = ctx.comments(4, 14)
    total = ctx.count(len(comments))
    if r.random() < 0.5:
        p.add("byline", f"{ctx.author()}")
        p.add("date", de_date(ctx.date, "long"))
    else:
        p.add("byline", f"{ctx.author()}, {de_date(ctx.date, 'long')}")
    if r.random() < 0.6:
        p.add("comment_meta", f"{total} Postings")
    p.gap()
    inline: dict[int, Callable[[], None]] = {}
    spots = slots(ctx, 2)
    if spots:
        i = spots[0]

        def picture(i: int = i) -> None:
            p.add("caption", ctx.caption(ctx.paras[i]))
            p.add("caption", ctx.credit("foto").lower())

        inline[i] = picture
    if len(spots) > 1 and r.random() < 0.5:
        related = ctx.related(r.randint(2, 3))
        inline[spots[1]] = lambda: p.add(
            "related", "Mehr zum Thema", *[short_title(a) for a in related]
        )
    body_block(p, ctx, inline)
    if r.random() < 0.5:  # source and date note at the end of the text
        p.add(
            "meta",
            f"({r.choice(('APA', 'red', 'APA, red', 'Reuters, dpa'))}, "
            f"{ctx.date.day}.{ctx.date.month}.{ctx.date.year})",
        )
        p.gap()
    p.add("share", r.choice(("Facebook Twitter E-Mail Drucken", "Teilen  Twittern  Mailen")))
    p.gap()
    p.add("comment_meta", f"{total} Postings" if r.random() < 0.7 else "Forum")
    p.add("comment_meta", r.choice(("Neueste zuerst", "Älteste zuerst", "Meistbewertete zuerst")))
    if r.random() < 0.5:
        p.add("comment_meta", f"Posting 1 bis {len(comments)} von {total}")
    p.gap()
    for c in comments:
        p.add("comment_meta", nick(c.user))
        if c.parent and r.random() < 0.7:
            p.add("comment_meta", f"Antwort auf Posting von {c.parent}")
        p.add("comment_meta", de_date(c.created, "dots"))
        if c.headline:
            p.add("comment_title", c.headline)
        for para in post_paragraphs(c, joined=r.random() < 0.3):
            p.add("comment", para)
        p.add("comment_meta", vote_line(c, "{up} ▲ {down} ▼"))
        p.add("comment_meta", "antworten permalink melden")
        p.gap()
    if total > len(comments):
        p.add("comment_meta", r.choice(("Mehr Postings laden", f"{total} Postings")))
    p.add("comment_meta", PORTAL_RULES)
    p.gap()
    p.add("footer", *PORTAL_FOOTER)
    if not consent_top:
        p.gap()
        p.add("consent", *PORTAL_CONSENT)
    return p


MAG_NAV = (
    "Menü",
    "NACHRICHTENSPIEGEL",
    "Politik  Meinung  Wirtschaft  Panorama  Sport  Kultur  Netzwelt  Wissenschaft  mehr",
    "Abo   Anmelden",
)
MAG_NEWSLETTER = (
    "Die Lage am Morgen",
    "Was heute wichtig ist – und was Sie wissen müssen: unser Nachrichtenüberblick, "
    "jeden Morgen um sechs Uhr in Ihrem Postfach.",
    "Jetzt kostenlos anmelden",
)
MAG_FOOTER = (
    "Impressum",
    "Datenschutz",
    "Nutzungsbedingungen",
    "Kontakt",
    "Hilfe",
    "Alle Rechte vorbehalten",
)
MAG_CONSENT = (
    "Wir und unsere Partner speichern und verarbeiten personenbezogene Daten wie "
    "Ihre IP-Adresse und Informationen aus Ihrem Endgerät. Sie können Ihre "
    "Einwilligung jederzeit in den Datenschutzeinstellungen widerrufen.",
    "Akzeptieren und weiter",
)


def fam_magazine(ctx: Ctx) -> Page:
    """News magazine (Spiegel-like): kicker, inline 'Lesen Sie auch', numbered forum posts."""
    r, p = ctx.rng, Page()
    p.add("nav", *MAG_NAV)
    p.gap()
    p.add("nav", f"Startseite › {ctx.article.category} › {sub_of(ctx)}")
    p.gap()
    if ctx.title and r.random() < 0.7:
        p.add("meta", sub_of(ctx))  # kicker above the headline
    head_block(p, ctx, gap=r.random() < 0.5)
    p.add(
        "byline",
        r.choice(
            (
                f"Von {ctx.author()}",
                f"Von {ctx.author()}, {ctx.dateline_city()}",
                f"Ein Kommentar von {ctx.author()}",
            )
        ),
    )
    p.add("date", de_date(ctx.date, "day"))
    p.add("share", r.choice(("Teilen", "Feedback")), "Merken")
    p.gap()
    inline: dict[int, Callable[[], None]] = {}
    spots = slots(ctx, 3)
    if spots:
        rel = ctx.related(1)[0]
        inline[spots[0]] = lambda: p.add("related", f"Lesen Sie auch: {short_title(rel)}")
    if len(spots) > 1:
        ad = r.choice(AD_COPY)
        inline[spots[1]] = lambda: p.add("ad", "Anzeige", ad)
    if len(spots) > 2 and r.random() < 0.6:
        i = spots[2]
        inline[i] = lambda: p.add("caption", ctx.caption(ctx.paras[i]) + " " + ctx.credit("Foto"))
    body_block(p, ctx, inline)
    p.add("share", "Artikel teilen", "Facebook", "Twitter", "E-Mail")
    p.gap()
    if r.random() < 0.5:
        p.add("newsletter", *MAG_NEWSLETTER)
        p.gap()
    comments = ctx.comments(3, 10)
    total = ctx.count(len(comments))
    style = r.randrange(3)
    if style == 0:
        p.add("comment_meta", f"Diskussion ({total} Beiträge)")
    elif style == 1:
        p.add(
            "comment_meta", r.choice(("Forum: Diskutieren Sie mit", "Forum\nDiskutieren Sie mit"))
        )
    p.add("comment_meta", r.choice(("Alle Kommentare öffnen", "Neueste zuerst")))
    for n, c in enumerate(comments, 1):
        first = c.headline or " ".join(" ".join(c.body).split()[:6]) + "…"
        p.add("comment_title", f"{n}. {first}")
        for para in post_paragraphs(c, joined=True):
            p.add("comment", para)
        when = (
            de_date(c.created, "dots_uhr") if r.random() < 0.6 else f"heute, {c.created:%H:%M} Uhr"
        )
        p.add("comment_meta", f"{nick(c.user)} {when}")
        p.gap()
    if total > len(comments):
        p.add("comment_meta", f"Seite 1 von {total // len(comments) + 1}", "Weiter")
    p.add("nav", "Zur Startseite")
    p.gap()
    p.add("footer", *MAG_FOOTER)
    p.add("consent", *MAG_CONSENT)
    return p


TECH_FOOTER = (
    "Zur Startseite",
    "Impressum · Datenschutz · Kontakt · Mediadaten · Abo",
    "Copyright © 2016 techticker Verlag GmbH",
)
TECH_NEWSLETTER = (
    "techticker-Newsletter: Die wichtigsten News des Tages direkt in Ihr "
    "Postfach. Melden Sie sich jetzt an."
)


def fam_techticker(ctx: Ctx) -> Page:
    """IT news site (heise-like): author initials at the end, forum as a list of headlines."""
    r, p = ctx.rng, Page()
    p.add("nav", "techticker", "News  Magazine  Tests  Download  Foren  Jobs  Abo")
    p.add("nav", f"techticker › News › {ctx.date.year} › KW {ctx.date.isocalendar()[1]}")
    if r.random() < 0.5:
        p.add("ad", "Anzeige")
    p.gap()
    head_block(p, ctx)
    p.add("date", de_date(ctx.date, "dots_uhr"))
    author = ctx.author()
    p.add("byline", author)
    if r.random() < 0.7:
        p.add("meta", f"Lesezeit: {ctx.reading_minutes()} Min.")
    p.gap()
    inline: dict[int, Callable[[], None]] = {}
    spots = slots(ctx, 1)
    if spots and r.random() < 0.6:
        rel = ctx.related(2)
        inline[spots[0]] = lambda: p.add(
            "related", "Mehr zum Thema:", *[f"  {short_title(a)}" for a in rel]
        )
    body_block(p, ctx, inline)
    initials = (author.split()[0][0] + author.split()[1][:2]).lower()
    p.add("byline", f"({initials})")
    p.gap()
    if r.random() < 0.5:
        p.add("newsletter", TECH_NEWSLETTER)
        p.gap()
    comments = ctx.comments(4, 15)
    total = ctx.count(len(comments))
    p.add("comment_meta", f"Kommentare lesen ({total} Beiträge)")
    if r.random() < 0.5:
        p.add("comment_meta", "Thema | Autor | Datum")
    for c in comments:
        subject = c.headline or textwrap.shorten(
            " ".join(x for x in c.body if x), 60, placeholder=" …"
        )
        indent = "  " * c.depth if r.random() < 0.8 else ""
        if r.random() < 0.5:
            p.add("comment_title", f"{indent}{subject}")
            p.add("comment_meta", f"{indent}{nick(c.user)} · {de_date(c.created, 'dots')}")
        else:
            p.add(
                "comment_title",
                f"{indent}{subject} | {nick(c.user)} | {de_date(c.created, 'dots')}",
            )
    p.add("comment_meta", "Alle Beiträge anzeigen")
    p.gap()
    p.add("footer", *TECH_FOOTER)
    return p


WP_HEAD = (
    "Querbeet – Notizen aus Wien",
    "Gedanken zu Politik, Wirtschaft und dem ganzen Rest",
    "Startseite",
    "Über mich",
    "Archiv",
    "Kontakt",
    "Suche nach:",
)
WP_FORM = (
    "Schreibe einen Kommentar Antworten abbrechen",
    "Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert",
    "Kommentar",
    "Name *",
    "E-Mail *",
    "Website",
    "Meinen Namen, meine E-Mail-Adresse und meine Website in diesem Browser speichern, "
    "bis ich wieder kommentiere.",
    "Kommentar abschicken",
)
WP_FOOTER = ("Stolz präsentiert von WordPress", "Theme: Twenty Sixteen")


def fam_wordpress(ctx: Ctx) -> Page:
    """A WordPress blog reposting the article, with WordPress comments and sidebar."""
    r, p = ctx.rng, Page()
    p.add("nav", *WP_HEAD)
    p.gap()
    if ctx.title:
        p.add("title", ctx.title)
    elif ctx.teaser:
        p.add("title", ctx.teaser)
    p.add(
        "date",
        r.choice(
            (
                f"Veröffentlicht am {de_date(ctx.date, 'date')} von {ctx.author()}",
                f"{de_date(ctx.date, 'date')} · {ctx.author()} · {r.randint(1, 40)} Kommentare",
            )
        ),
    )
    p.gap()
    if ctx.title and ctx.teaser:
        p.add("teaser", ctx.teaser)
        p.gap()
    inline: dict[int, Callable[[], None]] = {}
    spots = slots(ctx, 1)
    if spots and r.random() < 0.5:
        i = spots[0]
        inline[i] = lambda: p.add("caption", ctx.caption(ctx.paras[i]))
    body_block(p, ctx, inline)
    p.add("share", "Teilen mit:", "Twitter", "Facebook", "WhatsApp", "E-Mail")
    p.add("share", "Gefällt mir:", "Gefällt mir Wird geladen …")
    p.gap()
    rel = ctx.related(3)
    p.add("related", "Ähnliche Beiträge")
    for a in rel:
        p.add("related", short_title(a))
        p.add("related", f"In „{a.category}“")
    p.gap()
    p.add(
        "meta",
        f"Veröffentlicht unter {ctx.article.category} | Verschlagwortet mit "
        f"{sub_of(ctx)}, {ctx.dateline_city()}",
    )
    p.gap()
    comments = ctx.comments(2, 9)
    title = ctx.subject()
    p.add("comment_meta", f"{len(comments)} Gedanken zu „{title}“")
    p.gap()
    indent_replies = r.random() < 0.5
    for c in comments:
        pad = "    " * c.depth if indent_replies else ""
        p.add("comment_meta", f"{pad}{nick(c.user)} sagt:")
        p.add("comment_meta", f"{pad}{de_date(c.created, 'wp')}")
        for para in post_paragraphs(c):
            p.add("comment", "\n".join(pad + ln for ln in para.split("\n")))
        p.add("comment_meta", f"{pad}Antworten")
        p.gap()
    p.add("comment_meta", *WP_FORM)
    p.gap()
    p.add("related", "Neueste Beiträge", *[short_title(a) for a in ctx.related(4)])
    p.gap()
    p.add("footer", *WP_FOOTER)
    return p


DQ_NAV = ("STADTMAGAZIN", "Aktuell | Stadtleben | Kultur | Essen & Trinken | Termine", "Suche")
# The comment widget speaks English (as Disqus did on many German sites).
DQ_BAR = ("Privacy Policy", "Login", "Recommend", "Tweet", "Share", "Sort by Best")
DQ_FOOTER = (
    "Subscribe",
    "Add Disqus to your site",
    "Do Not Sell My Data",
    "Stadtmagazin · Impressum · Mediadaten · AGB",
)
DQ_CONSENT = (
    "Diese Website nutzt Cookies. Wenn Sie weitersurfen, stimmen Sie der Verwendung "
    "von Cookies zu. Mehr erfahren",
    "OK",
)


def fam_disqus(ctx: Ctx) -> Page:
    """Small online magazine with a Disqus thread (votes, 'Antworten • Teilen ›', replies)."""
    r, p = ctx.rng, Page()
    p.add("nav", *DQ_NAV)
    p.gap()
    head_block(p, ctx)
    p.add("byline", f"{de_date(ctx.date, 'date')} | {ctx.author()}")
    p.gap()
    inline: dict[int, Callable[[], None]] = {}
    spots = slots(ctx, 2)
    if spots:
        i = spots[0]
        inline[i] = lambda: p.add("caption", ctx.caption(ctx.paras[i]), ctx.credit("Bild"))
    if len(spots) > 1 and r.random() < 0.5:
        quote = ctx.pull_quote()
        inline[spots[1]] = lambda: p.add("pullquote", quote)
    body_block(p, ctx, inline)
    p.add("share", r.choice(("Teilen: Facebook | Twitter | WhatsApp", "Artikel teilen")))
    p.gap()
    comments = ctx.comments(3, 12)
    total = ctx.count(len(comments))
    if r.random() < 0.8:
        p.add("comment_meta", f"{total} Comments")
    p.add("comment_meta", "Stadtmagazin", *DQ_BAR)
    p.add("comment_meta", "Join the discussion…")
    p.gap()
    indent_replies = r.random() < 0.5
    for c in comments:
        pad = "  " * c.depth if indent_replies else ""
        who = nick(c.user)
        if c.parent and r.random() < 0.6:
            p.add("comment_meta", f"{pad}{who} → {c.parent}")
        else:
            p.add("comment_meta", f"{pad}{who}")
        p.add("comment_meta", f"{pad}• {ago(r, 'en')} ago")
        for para in post_paragraphs(c):
            p.add("comment", "\n".join(pad + ln for ln in para.split("\n")))
        p.add("comment_meta", f"{pad}{vote_line(c, '{up} △ ▽')} • Reply • Share ›")
        p.gap()
    if total > len(comments):
        p.add("comment_meta", "Load more comments")
        p.gap()
    if r.random() < 0.7:
        p.add("related", "ALSO ON STADTMAGAZIN")
        for a in ctx.related(2):
            p.add("related", short_title(a))
            p.add("related", f"{r.randint(1, 80)} comments • {ago(r, 'en')} ago")
            p.add("related", blurb(a))
        p.gap()
    p.add("footer", *DQ_FOOTER)
    p.add("consent", *DQ_CONSENT)
    return p


BB_HEAD = (
    "Politikforum.at – Diskussionsforum für Politik und Gesellschaft",
    "Schnellzugriff",
    "FAQ",
    "Registrieren",
    "Anmelden",
)
BB_FOOTER = (
    "Wer ist online?",
    "Powered by phpBB® Forum Software © phpBB Limited",
    "Alle Zeiten sind UTC+01:00",
    "Datenschutz | Nutzungsbedingungen",
)
BB_SIGNATURES = (
    "Wer nichts weiß, muss alles glauben.",
    "Lieber stehend sterben als kniend leben.",
    "Man muss nicht alles glauben, was man denkt.",
    "Mfg",
    "lg aus Graz",
    "Die Wahrheit ist dem Menschen zumutbar.",
)


def fam_phpbb(ctx: Ctx) -> Page:
    """phpBB forum thread: the article is pasted into the first post, replies follow."""
    r, p = ctx.rng, Page()
    p.add("nav", *BB_HEAD)
    p.add("nav", f"Foren-Übersicht ‹ Aktuelles ‹ {ctx.article.category}")
    p.gap()
    subject = ctx.subject()
    kind = "title" if ctx.title else "comment_meta"
    p.add(kind, subject)
    comments = ctx.comments(3, 12)
    p.add(
        "comment_meta",
        "Antwort erstellen",
        "Suche…",
        f"{len(comments) + 1} Beiträge • Seite 1 von 1",
    )
    p.gap()
    starter = nick(str(_stable(ctx.article.id) % 30000))

    def profile(who: str) -> None:
        pr = random.Random(_stable("profile" + who))
        p.add("comment_meta", who)
        p.add("comment_meta", f"Beiträge: {pr.randint(3, 9000)}")
        joined = dt.datetime(2008, 1, 1, 9) + dt.timedelta(
            days=pr.randrange(2800), minutes=pr.randrange(720)
        )
        p.add("comment_meta", f"Registriert: {de_date(joined, 'phpbb')}")
        if pr.random() < 0.5:
            p.add("comment_meta", f"Wohnort: {pr.choice(_CITIES)}")

    p.add("comment_meta", f"Beitrag von {starter} » {de_date(ctx.date, 'phpbb')}")
    if ctx.teaser:
        p.add("teaser", ctx.teaser)
        p.gap()
    body_block(p, ctx, gap=r.random() < 0.7)
    p.add("meta", f"Quelle: https://www.derstandpunkt.at/{_stable(ctx.article.id) % 10**10}")
    p.gap()
    opinion = ctx.comments(1, 1)[0]
    for para in post_paragraphs(opinion):
        p.add("comment", para)
    p.add("comment_meta", "_________________", r.choice(BB_SIGNATURES))
    profile(starter)
    p.add("comment_meta", "Nach oben")
    p.gap()
    bodies = {}
    for c in comments:
        who = nick(c.user)
        p.add("comment_meta", f"Re: {subject}")
        p.add("comment_meta", f"Beitrag von {who} » {de_date(c.created, 'phpbb')}")
        if c.parent and c.parent in bodies and r.random() < 0.8:
            p.add("comment_meta", f"{c.parent} hat geschrieben:")
            p.add("comment", bodies[c.parent])
        for para in post_paragraphs(c):
            p.add("comment", para)
        bodies[who] = " ".join(post_paragraphs(c, joined=True))
        if r.random() < 0.3:
            p.add("comment_meta", "_________________", r.choice(BB_SIGNATURES))
        profile(who)
        p.add("comment_meta", "Nach oben")
        p.gap()
    p.add("comment_meta", "Antwort erstellen", f"{len(comments) + 1} Beiträge • Seite 1 von 1")
    p.add("footer", f"Zurück zu „{ctx.article.category}“", "Gehe zu")
    p.add("footer", *BB_FOOTER[:1])
    p.add(
        "footer",
        f"Mitglieder in diesem Forum: {r.randint(0, 4)} Mitglieder und {r.randint(1, 30)} Gäste",
    )
    p.add("footer", *BB_FOOTER[1:])
    return p


OTS_NAV = (
    "PRESSEPORTAL · Originaltext-Service",
    "Alle Meldungen | Themen | Kunden | Suche",
    "Login",
)
OTS_DISCLAIMER = (
    "*** ORIGINALTEXT-SERVICE UNTER AUSSCHLIESSLICHER INHALTLICHER VERANTWORTUNG DES AUSSENDERS ***"
)
OTS_ORGS = (
    "Arbeiterkammer Wien",
    "Österreichischer Gewerkschaftsbund",
    "Wirtschaftskammer Österreich",
    "Verein für Konsumenteninformation",
    "Bundesministerium für Inneres",
    "Caritas Österreich",
    "Greenpeace CEE",
)


def fam_press_release(ctx: Ctx) -> Page:
    """Press-release portal (APA-OTS-like): dateline prefix, contact block, no comments."""
    r, p = ctx.rng, Page()
    p.add("nav", *OTS_NAV)
    p.gap()
    number = f"OTS{r.randint(1, 300):04d}"
    p.add("date", f"{number}, {de_date(ctx.date, 'long')}")
    p.gap()
    if ctx.title:
        p.add("title", ctx.title)
    if ctx.teaser:
        p.add("teaser", ("Utl.: " if r.random() < 0.6 else "") + ctx.teaser)
    p.gap()
    city = ctx.dateline_city()
    for i, para in enumerate(ctx.paras):
        text = para
        if i == 0 and not re.match(r"^[\w./ ]{1,30} – ", para):
            text = f"{city} (OTS) - {para}"
        p.add(ctx.body_kind, text)
        p.gap()
    org = r.choice(OTS_ORGS)
    p.add(
        "footer",
        "Rückfragehinweis:",
        f"   {org}",
        f"   {ctx.author()}",
        f"   Telefon: +43 1 {r.randint(200, 999)} {r.randint(10, 99)} {r.randint(10, 99)}",
        f"   E-Mail: presse@{org.split()[0].lower()}.at",
    )
    p.gap()
    p.add("footer", OTS_DISCLAIMER)
    p.add("meta", f"{number}    {ctx.date:%Y-%m-%d/%H:%M}")
    if r.random() < 0.5:
        p.add(
            "meta",
            f"Digitale Pressemappe: https://www.presseportal.at/pressemappe/"
            f"{r.randint(1000, 99999)}",
        )
    p.gap()
    p.add("related", f"Weitere Meldungen aus {ctx.article.category}")
    for a in ctx.related(r.randint(3, 5)):
        p.add(
            "related",
            f"{de_date(ctx.date - dt.timedelta(days=r.randint(0, 9)), 'dots')[:10]} | "
            f"{short_title(a)}",
        )
    p.gap()
    p.add("meta", f"Schlagworte: {ctx.article.category}, {sub_of(ctx)}, {city}")
    return p


NL_FOOTER = (
    "Sie erhalten diesen Newsletter, weil Sie sich auf tagblatt.at dafür angemeldet "
    "haben. Wenn Sie ihn nicht mehr erhalten möchten, können Sie sich hier abmelden: "
    "https://www.tagblatt.at/newsletter/abmelden",
    "Tagblatt Medien GmbH, Hauptstraße 12, 1010 Wien. Impressum: https://www.tagblatt.at/impressum",
)


def fam_mail_newsletter(ctx: Ctx) -> Page:
    """Plain-text e-mail newsletter from an archive, hard-wrapped at 72 columns."""
    r, p = ctx.rng, Page()
    w = 72
    head = ctx.subject()
    p.add(
        "meta",
        f"Betreff: Tagblatt am Morgen – {head}",
        "Von: Tagblatt Redaktion <newsletter@tagblatt.at>",
        f"Datum: {de_date(ctx.date, 'day')}",
    )
    p.gap()
    p.wrapped(
        "newsletter",
        "Wenn dieser Newsletter nicht richtig angezeigt wird, öffnen Sie "
        "die Webversion: https://www.tagblatt.at/newsletter/web",
        w,
    )
    p.gap()
    p.add(
        "newsletter",
        r.choice(
            ("Guten Morgen,", "Liebe Leserinnen und Leser,", "Guten Morgen aus der Redaktion,")
        ),
    )
    rel = ctx.related(4)
    p.wrapped(
        "newsletter",
        f"heute im Newsletter: {short_title(rel[0])}, außerdem "
        f"{short_title(rel[1])}. Eine gute Lektüre wünscht {ctx.author()}.",
        w,
    )
    p.gap()
    p.add("nav", "=" * 40, "DAS THEMA DES TAGES", "=" * 40)
    p.gap()
    if ctx.title:
        p.wrapped("title", ctx.title, w)
        p.gap()
    if ctx.teaser:
        p.wrapped("teaser", ctx.teaser, w)
        p.gap()
    ad_at = slots(ctx, 1)
    for i, para in enumerate(ctx.paras):
        if i in ad_at:
            p.add("ad", "-- ANZEIGE --")
            p.wrapped("ad", r.choice(AD_COPY), w)
            p.add("ad", "-- ANZEIGE ENDE --")
            p.gap()
        p.wrapped(ctx.body_kind, para, w)
        p.gap()
    p.add("related", "Weiterlesen: https://www.tagblatt.at/" + str(_stable(ctx.article.id) % 10**7))
    p.gap()
    p.add("nav", "=" * 40, "WEITERE MELDUNGEN", "=" * 40)
    p.gap()
    for a in rel[2:]:
        p.wrapped("related", short_title(a).upper(), w)
        p.wrapped("related", blurb(a), w)
        p.add("related", "https://www.tagblatt.at/" + str(_stable(a.id) % 10**7))
        p.gap()
    if r.random() < 0.6:
        p.add("nav", "=" * 40, "LESERBRIEFE", "=" * 40)
        p.gap()
        for c in ctx.comments(1, 3):
            p.add("comment_meta", f"{nick(c.user)} schreibt:")
            for para in post_paragraphs(c, joined=True):
                p.wrapped("comment", para, w)
            p.gap()
    p.add("footer", "-" * 40)
    for text in NL_FOOTER:
        p.wrapped("footer", text, w)
    return p


COPY_NAV = (
    "Zum Inhalt springen",
    "Suche öffnen",
    "Morgenpost",
    "Anmelden",
    "Abo",
    "Menü",
    "Politik",
    "Wirtschaft",
    "Panorama",
    "Sport",
    "Kultur",
    "Wissen",
    "Digital",
    "Reise",
    "Mehr",
)
COPY_PAYWALL = (
    "Morgenpost Plus",
    "Lesen Sie alle Plus-Artikel für 0,99 € im ersten Monat.",
    "Jetzt testen",
)
COPY_FOOTER = (
    "Kontakt",
    "Impressum",
    "Datenschutz",
    "Privatsphäre",
    "AGB",
    "Barrierefreiheit",
    "© Morgenpost Medien 2016",
)


def fam_browser_copy(ctx: Ctx) -> Page:
    """Select-all copy from a browser: every element on its own line, no blank lines."""
    r, p = ctx.rng, Page()
    for item in COPY_NAV:
        p.add("nav", item)
    p.add("nav", ctx.article.category, sub_of(ctx))
    if ctx.title:
        p.add("title", ctx.title)
    p.add("share", "Artikel anhören", "Merken", "Teilen")
    p.add("meta", f"{ctx.reading_minutes()} Min.")
    if ctx.teaser:
        p.add("teaser", ctx.teaser)
    comments = ctx.comments(3, 10)
    total = ctx.count(len(comments))
    p.add("byline", ctx.author())
    p.add("date", de_date(ctx.date, r.choice(("dots", "long_uhr"))))
    if r.random() < 0.6:
        p.add("comment_meta", f"Kommentare ({total})")
    spots = slots(ctx, 2)
    for i, para in enumerate(ctx.paras):
        if spots and i == spots[0]:
            p.add("caption", ctx.caption(para))
            p.add("caption", r.choice(("Bild: Reuters", "Bild: dpa", ctx.credit("Bild"))))
        if len(spots) > 1 and i == spots[1] and r.random() < 0.5:
            p.add("paywall", *COPY_PAYWALL)
        p.add(ctx.body_kind, para)
    p.add("share", "Teilen", "Facebook", "Twitter", "WhatsApp", "E-Mail")
    p.add("meta", "Mehr zum Thema", sub_of(ctx), ctx.dateline_city())
    heading = r.randrange(3)
    if heading == 0:
        p.add("comment_meta", f"Kommentare ({total})")
    elif heading == 1:
        p.add("comment_meta", "Leserkommentare", f"{total} Kommentare")
    # heading == 2: the comments follow without any heading
    for c in comments:
        p.add("comment_meta", nick(c.user))
        p.add("comment_meta", ago(r) if r.random() < 0.5 else de_date(c.created, "dots"))
        for para in post_paragraphs(c, joined=r.random() < 0.5):
            p.add("comment", para)
        p.add("comment_meta", f"Gefällt mir ({c.up})" if c.up else "Gefällt mir", "Antworten")
    if r.random() < 0.5:
        p.add("comment_meta", f"Kommentare ({total})")
    p.add("related", "Das könnte Sie auch interessieren")
    for a in ctx.related(r.randint(3, 5)):
        p.add("related", short_title(a))
    p.add("footer", *COPY_FOOTER)
    return p


# --------------------------------------------------------------------------- more dev families
# Helpers used by the families below (bylines of many shapes, short relative times, English
# dates, Fediverse handles, hyphenated narrow columns).
_FEMALE_FIRST = frozenset(
    """Anna Maria Eva Julia Katharina Lisa Sabine Petra Andrea Claudia
    Barbara Martina Susanne Karin Birgit Irene Christine Nina Sarah Laura Colette Renate
    Gudrun Marie-Theres""".split()
)
_EN_MONTHS_LONG = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
CORRECTION = (
    "Korrektur: In einer früheren Version dieses Artikels war eine Angabe nicht "
    "korrekt. Wir haben den Fehler korrigiert."
)


def co_author(ctx: Ctx) -> str:
    """A second author for 'Von X und Y' bylines (stable per article, never the first)."""
    r = random.Random(_stable("coauthor" + ctx.article.id))
    first = ctx.author()
    while True:
        name = f"{r.choice(_AUTHOR_FIRST)} {r.choice(_LAST)}"
        if name != first:
            return name


def female(name: str) -> bool:
    return name.split()[0] in _FEMALE_FIRST


def byline_de(ctx: Ctx, shapes: str) -> str:
    """A German byline in one of the given shapes (space-separated keys)."""
    r = ctx.rng
    a, b, city = ctx.author(), co_author(ctx), ctx.dateline_city()
    agency = r.choice(("dpa", "APA", "AFP", "Reuters", "red"))
    corr = "Korrespondentin" if female(a) else "Korrespondent"
    options = {
        "von": f"Von {a}",
        "von2": f"Von {a} und {b}",
        "corr": f"{a}, {corr} in {city}",
        "text_fotos": f"Text: {a} | Fotos: {b}",
        "guest": f"Ein Gastbeitrag von {a}",
        "agency": f"{a} / {agency}",
        "plain": a,
        "aus": f"{a} aus {city}",
        "von_city": f"Von {a}, {city}",
    }
    return options[r.choice(shapes.split())]


def ago_de(rng: random.Random, short: bool = False) -> str:
    """'vor 5 Min.', 'vor 2 Std.', 'vor 3 Tagen'; short: '5 Min.', '2 Std.', '3 T.'."""
    n, unit = rng.choice(
        ((rng.randint(2, 59), "Min."), (rng.randint(1, 23), "Std."), (rng.randint(1, 6), "T."))
    )
    if short:
        return f"{n} {unit}"
    if unit == "T.":
        unit = "Tagen" if n > 1 else "Tag"
    return f"vor {n} {unit}"


def age_text(minutes: int, short: bool = False) -> str:
    """An age in minutes as 'vor 5 Min.' / 'vor 2 Std.' / 'vor 3 Tagen' (short: '3 T.')."""
    if minutes < 60:
        n, unit = max(1, minutes), "Min."
    elif minutes < 24 * 60:
        n, unit = minutes // 60, "Std."
    else:
        n, unit = minutes // (24 * 60), "T."
    if short:
        return f"{n} {unit}"
    if unit == "T.":
        unit = "Tagen" if n > 1 else "Tag"
    return f"vor {n} {unit}"


def ages(rng: random.Random, n: int, oldest: int, newest_first: bool = True) -> list[int]:
    """n comment ages in minutes (below `oldest`), in the order the list shows them."""
    return sorted((rng.randint(1, oldest) for _ in range(n)), reverse=not newest_first)


def en_date(d: dt.datetime, style: str) -> str:
    if style == "long":  # March 12, 2016 2:03 PM GMT+1
        hour = d.hour % 12 or 12
        return (
            f"{_EN_MONTHS_LONG[d.month - 1]} {d.day}, {d.year} {hour}:{d:%M} "
            f"{'AM' if d.hour < 12 else 'PM'} GMT+1"
        )
    if style == "day":  # March 12, 2016
        return f"{_EN_MONTHS_LONG[d.month - 1]} {d.day}, {d.year}"
    if style == "short":  # Mar 12, 2016
        return f"{_EN_MONTHS[d.month - 1]} {d.day}, {d.year}"
    raise ValueError(style)


def person_name(seed: str) -> str:
    """A real-looking 'Firstname Lastname' for a user id (reader letters sign with names)."""
    r = random.Random(_stable("person" + seed))
    return f"{r.choice(_AUTHOR_FIRST)} {r.choice(_LAST)}"


_VOWELS = frozenset("aeiouäöüy")


# Consonant groups never split (longest first); most are also syllable onsets in compounds.
_UNITS = (
    "schl",
    "schm",
    "schn",
    "schr",
    "schw",
    "spr",
    "str",
    "sch",
    "ch",
    "ck",
    "ph",
    "th",
    "qu",
    "st",
    "sp",
    "pl",
    "pr",
    "tr",
    "bl",
    "br",
    "kl",
    "kr",
    "gl",
    "gr",
    "fl",
    "fr",
    "dr",
)


def _hyphen_point(word: str, room: int) -> int:
    """Where a long word may be split at a line end (0: nowhere), the head fitting `room`.

    The German rule without a dictionary: before a single consonant between vowels
    (Re-gie-rung), and in a consonant cluster only the last consonant goes to the next
    line (welt-weit, Dienst-leis-ter); 'sch', 'ck', 'st', 'tr', ... count as one, which
    gets most compounds right (Helium-plasma, Kon-trolle); some still come out wrong, as
    with any automatic hyphenation.
    """
    core = word.rstrip('.,;:!?"“”«»)')
    if len(core) < 7 or not core.isalpha():
        return 0
    low, best = core.lower(), 0
    for i in range(3, len(core) - 2):
        if i + 1 > room or low[i] in _VOWELS or not any(v in _VOWELS for v in low[:i]):
            continue
        if any(
            low[j : j + len(u)] == u and j < i < j + len(u)
            for u in _UNITS
            for j in range(i - len(u) + 1, i)
        ):
            continue  # would cut 'sch', 'ch', 'ck' ...
        unit = next((u for u in _UNITS if low.startswith(u, i)), low[i])
        if i + len(unit) < len(low) and low[i + len(unit)] in _VOWELS:
            best = i
    return best


def hyphen_wrap(text: str, width: int) -> list[str]:
    """Narrow newspaper columns as a PDF extractor gives them: words split with '-'."""
    lines, cur = [], ""
    words = text.split()
    while words:
        word = words.pop(0)
        cand = f"{cur} {word}" if cur else word
        if len(cand) <= width:
            cur = cand
            continue
        room = width - len(cur) - (1 if cur else 0)  # for the word's head and its '-'
        at = _hyphen_point(word, room)
        if at:
            lines.append((f"{cur} " if cur else "") + word[:at] + "-")
            cur = ""
            words.insert(0, word[at:])
            continue
        dash = word.find("-", 1)
        if 0 < dash < len(word) - 1 and dash + 1 <= room:
            lines.append((f"{cur} " if cur else "") + word[: dash + 1])
            cur = ""
            words.insert(0, word[dash + 1 :])
            continue
        if cur:
            lines.append(cur)
            cur = word
        else:
            lines.append(word)
    if cur:
        lines.append(cur)
    return lines


def top_comment(comments: list[Comment]) -> Comment:
    return max(comments, key=lambda c: (c.up, -len(" ".join(c.body))))


TAB_NAV = (
    "BLITZ.at",
    "News  Österreich  Welt  Sport  Promi  Video  Wetter  Auto  Digital  Gewinnspiele",
    "Login   BLITZ+ Abo   Suche",
)
TAB_CONSENT = (
    "Wir brauchen Ihre Zustimmung! Um Ihnen die besten Inhalte zu zeigen, nutzen "
    "wir und unsere 143 Partner Cookies und verarbeiten Ihre Daten zu Werbe- und "
    "Analysezwecken.",
    "Alle akzeptieren",
    "Ablehnen",
    "Einstellungen",
)
TAB_KICKERS = (
    "DRAMA!",
    "UNFASSBAR",
    "EXKLUSIV",
    "SKANDAL!",
    "Jetzt spricht er",
    "AUFREGUNG",
    "BLITZ-REPORT",
    "NACH ECLAT",
    "ALARM!",
    "Erste Details",
    "WIRBEL",
    "Schock",
)
TAB_NEWSLETTER = (
    "BLITZ-NEWSLETTER",
    "Die wichtigsten Nachrichten des Tages – jeden Abend gratis in Ihr Postfach.",
    "E-Mail-Adresse eingeben",
    "Jetzt anmelden",
)
TAB_RULES = (
    "Kommentare, die gegen unsere Netiquette verstoßen, werden ohne Vorwarnung "
    "gelöscht. Bitte bleiben Sie sachlich."
)
TAB_FOOTER = (
    "BLITZ.at",
    "Impressum · Datenschutz · Cookie-Einstellungen · AGB · Netiquette · Werben auf BLITZ.at",
    "© BLITZ Zeitungsverlag 2016",
)


def fam_tabloid(ctx: Ctx) -> Page:
    """Boulevard site (Krone/Bild-like): shouting kicker, many inline boxes, 'Like' comments."""
    r, p = ctx.rng, Page()
    consent_top = r.random() < 0.5
    if consent_top:
        p.add("consent", *TAB_CONSENT)
        p.gap()
    p.add("nav", *TAB_NAV)
    p.add("nav", f"News › {ctx.article.category}")
    p.gap()
    if r.random() < 0.8:
        kicker = r.choice(TAB_KICKERS)
        p.add("meta", kicker.upper() if r.random() < 0.5 else kicker)
    head_block(p, ctx, gap=False)
    p.gap()
    comments = ctx.comments(3, 12, max_depth=1)
    total = ctx.count(len(comments))
    age = dict(zip(map(id, comments), ages(r, len(comments), r.choice((300, 3000, 9000)))))
    p.add("byline", byline_de(ctx, "von von2 corr agency plain von_city"))
    stamp = f"{ctx.date:%d.%m.%Y %H:%M}"
    if r.random() < 0.4:
        later = ctx.date + dt.timedelta(minutes=r.randint(20, 600))
        stamp += f" | Aktualisiert: {later:%d.%m.%Y %H:%M}"
    p.add("date", stamp)
    if r.random() < 0.4:
        p.add("comment_meta", f"{total} Kommentare")
    p.add("share", r.choice(("Teilen  Facebook  WhatsApp  X  E-Mail", "Artikel teilen")))
    p.gap()
    if comments and r.random() < 0.3:  # a top comment between the lead and the text
        c = top_comment(comments)
        p.add("comment_meta", "TOP-KOMMENTAR", f"{nick(c.user)} · {age_text(age[id(c)])}")
        p.add("comment", *post_paragraphs(c, joined=True))
        p.add("comment_meta", f"👍 {c.up}")
        p.gap()
    if r.random() < 0.7:
        p.add("caption", ctx.caption(ctx.paras[0]) + f" (Bild: {r.choice(_AGENCIES)})")
        p.gap()
    inline: dict[int, Callable[[], None]] = {}
    spots = slots(ctx, 5)
    boxes = ["read", "video", "gallery", "ad", "newsletter"]
    r.shuffle(boxes)
    rel = ctx.related(3)
    for i, box in zip(spots, boxes):
        if box == "read":
            a = rel[0]
            inline[i] = lambda a=a: p.add("related", "Lesen Sie auch:", short_title(a))
        elif box == "video":
            a, length = rel[1], f"{r.randint(0, 4):02d}:{r.randint(0, 59):02d}"
            inline[i] = lambda a=a, length=length: (
                p.add("related", "VIDEO", short_title(a)),
                p.add("widget", f"▶ {length}"),
            )
        elif box == "gallery" and r.random() < 0.7:
            n, i_ = r.randint(5, 30), i
            inline[i] = lambda n=n, i_=i_: p.add(
                "caption",
                f"Bilderstrecke ({n} Bilder)",
                ctx.caption(ctx.paras[i_]),
                "Alle Bilder ansehen",
            )
        elif box == "ad":
            ad = r.choice(AD_COPY)
            inline[i] = lambda ad=ad: p.add("ad", "Anzeige", ad, "Mehr erfahren")
        elif box == "newsletter" and r.random() < 0.5:
            inline[i] = lambda: p.add("newsletter", *TAB_NEWSLETTER)
    body_block(p, ctx, inline)
    if r.random() < 0.5:
        p.add("meta", r.choice(("(red)", "(APA/red)", "red, BLITZ.at", "(kurz/red)")))
        p.gap()
    if r.random() < 0.15:
        p.add("meta", CORRECTION)
        p.gap()
    p.add("share", "Teilen", "Facebook", "WhatsApp", "E-Mail")
    p.gap()
    p.add(
        "comment_meta",
        "Kommentar schreiben",
        f"Kommentare ({total})",
        r.choice(("Neueste | Älteste | Beliebteste", "Sortieren nach: Neueste")),
    )
    p.add("comment_meta", TAB_RULES)
    p.gap()
    votes = r.random() < 0.5
    for c in comments:
        pad = "    " if c.depth and r.random() < 0.8 else ""
        when = age_text(age[id(c)])
        if r.random() < 0.5:
            p.add("comment_meta", f"{pad}{nick(c.user)}", f"{pad}{when}")
        else:
            p.add("comment_meta", f"{pad}{nick(c.user)} · {when}")
        for para in post_paragraphs(c, joined=r.random() < 0.6):
            p.add("comment", "\n".join(pad + ln for ln in para.split("\n")))
        p.add(
            "comment_meta",
            pad
            + (
                f"👍 {c.up}  👎 {c.down}  Antworten  Melden"
                if votes
                else f"Like ({c.up})  Antworten"
            ),
        )
        p.gap()
    if total > len(comments):
        p.add("comment_meta", "Weitere Kommentare laden")
        p.gap()
    p.add("related", f"Mehr aus {ctx.article.category}")
    for a in ctx.related(r.randint(3, 5)):
        p.add("related", short_title(a))
        if r.random() < 0.5:
            p.add("related", ago_de(r))
    p.gap()
    p.add("footer", *TAB_FOOTER)
    if not consent_top:
        p.gap()
        p.add("consent", *TAB_CONSENT)
    return p


WIRE_NAV = (
    "WIRELINE",
    "World  Business  Markets  Sustainability  Legal  Breakingviews  "
    "Technology  Investigations  More",
    "My News   Register",
)
WIRE_CONSENT = (
    "We use cookies and similar technologies to give you the best experience, to "
    "personalise content and ads and to analyse our traffic. By clicking “Accept "
    "All”, you consent to our use of cookies. You can change your choice at any "
    "time in Cookie Settings.",
    "Accept All",
    "Reject All",
    "Cookie Settings",
)
WIRE_SIGNUP = (
    "Get the day's top stories in your inbox with the Wireline Daily Briefing "
    "newsletter. Sign up here."
)
WIRE_STANDARDS = "Our Standards: The Wireline Trust Principles."
WIRE_FOOTER = (
    "Latest",
    "Home",
    "Authors",
    "Topic Sitemap",
    "Archive",
    "Article Sitemap",
    "About Wireline",
    "Careers",
    "Advertise with Us",
    "Contact Us",
    "Terms of Use  Privacy  Accessibility  Corrections",
    "All quotes delayed a minimum of 15 minutes. See here for a complete list of "
    "exchanges and delays.",
    "© 2016 Wireline. All rights reserved",
)
_EN_SECTION = {
    "Inland": "Europe",
    "International": "World",
    "Wirtschaft": "Business",
    "Web": "Technology",
    "Sport": "Sports",
    "Panorama": "World",
    "Etat": "Media & Telecom",
    "Kultur": "Lifestyle",
    "Wissenschaft": "Science",
}
_WIRE_PHOTOGRAPHERS = (
    "Leonhard Foeger",
    "Heinz-Peter Bader",
    "Yves Herman",
    "Kai Pfaffenbach",
    "Fabrizio Bensch",
    "Dado Ruvic",
    "Lisi Niesner",
    "Francois Lenoir",
)


def fam_wire_service(ctx: Ctx) -> Page:
    """English-UI wire service page (Reuters-like): 'By X', 'Reporting by', no comments."""
    r, p = ctx.rng, Page()
    consent_top = r.random() < 0.5
    if consent_top:
        p.add("consent", *WIRE_CONSENT)
        p.gap()
    p.add("nav", *WIRE_NAV)
    p.gap()
    section = _EN_SECTION.get(ctx.article.category, "World")
    p.add("nav", section)
    if ctx.title:
        p.add("title", ctx.title)
    if ctx.teaser:
        if r.random() < 0.4:
            p.add("meta", "Summary")
            p.add("teaser", *[f"• {s}" for s in newsdev.split_sentences(ctx.teaser)])
        else:
            p.add("teaser", ctx.teaser)
    p.gap()
    a, b = ctx.author(), co_author(ctx)
    p.add("byline", r.choice((f"By {a}", f"By {a} and {b}", "By Wireline Staff")))
    stamp = en_date(ctx.date, "long")
    updated = r.choice(
        (
            "",
            f"Updated {r.randint(1, 23)} hours ago",
            f"Updated {en_date(ctx.date + dt.timedelta(days=1), 'day')}",
        )
    )
    if updated and r.random() < 0.5:
        p.add("date", stamp, updated)
    else:
        p.add("date", f"{stamp} {updated}".strip())
    p.add("meta", f"{ctx.reading_minutes() + 1} minute read")
    p.gap()
    spots = slots(ctx, 4)
    if r.random() < 0.7:
        n = r.randint(2, 5)
        p.add(
            "caption",
            f"[1/{n}] {ctx.caption(ctx.paras[0])} WIRELINE/{r.choice(_WIRE_PHOTOGRAPHERS)}",
        )
        p.add("share", "Purchase Licensing Rights, opens new tab")
        p.gap()
    inline: dict[int, Callable[[], None]] = {}
    for k, i in enumerate(spots):
        if k in (0, 2):
            inline[i] = lambda: p.add("ad", "Advertisement · Scroll to continue")
        elif k == 1 and r.random() < 0.6:
            inline[i] = lambda: p.add("newsletter", WIRE_SIGNUP)
        elif k == 3 and r.random() < 0.5:
            rel1 = ctx.related(1)[0]
            inline[i] = lambda rel1=rel1: p.add("related", f"Read more: {short_title(rel1)}")
    city = ctx.dateline_city()
    for i, para in enumerate(ctx.paras):
        if i in inline:
            inline[i]()
            p.gap()
        text = para
        if i == 0 and r.random() < 0.7 and not re.match(r"^[\w./ ]{1,30} – ", para):
            text = f"{city} (Wireline) - {para}"
        p.add(ctx.body_kind, text)
        p.gap()
    c1, c2 = (random.Random(_stable(k + ctx.article.id)) for k in ("rep1", "rep2"))
    editors = f"{c1.choice(_AUTHOR_FIRST)} {c1.choice(_LAST)}"
    extra = f"{c2.choice(_AUTHOR_FIRST)} {c2.choice(_LAST)}"
    credit = f"Reporting by {a}"
    if r.random() < 0.5:
        credit += f"; Additional reporting by {extra} in {r.choice(_CITIES)}"
    p.add("byline", f"{credit}; Editing by {editors}")
    p.gap()
    p.add("meta", WIRE_STANDARDS)
    p.add("share", "Acquire Licensing Rights, opens new tab")
    p.gap()
    if r.random() < 0.5:
        p.add("byline", a, f"Covers {section.lower()} news from {city}.")
        p.gap()
    p.add("related", "Read Next")
    for rel in ctx.related(r.randint(3, 4)):
        p.add("related", _EN_SECTION.get(rel.category, "World"), short_title(rel))
        p.add(
            "related",
            r.choice(
                (
                    f"{r.randint(1, 23)} hours ago",
                    en_date(ctx.date - dt.timedelta(days=r.randint(0, 5)), "day"),
                )
            ),
        )
    p.gap()
    if r.random() < 0.5:
        p.add("ad", "Sponsored Content", r.choice(AD_COPY), "Sponsored by Partner")
        p.gap()
    p.add("footer", *WIRE_FOOTER)
    if not consent_top:
        p.gap()
        p.add("consent", *WIRE_CONSENT)
    return p


FED_NAV = ("mastodon", "Erkunden", "Live-Feeds", "Über", "Anmelden", "Konto erstellen")
FED_PROMPT = (
    "Mastodon ist die beste Möglichkeit, mit dem Geschehen Schritt zu halten.",
    "Folge allen im Fediverse und sieh dir ihre Beiträge chronologisch an. Keine "
    "Algorithmen, keine Werbung, kein Clickbait.",
    "Konto erstellen",
    "Anmelden",
)
FED_FOOTER = (
    "wien.rocks: Über · Status · Profilverzeichnis · Datenschutzerklärung",
    "Mastodon: Über · App herunterladen · Tastenkürzel · Quellcode anzeigen · v4.2.1",
)
_INSTANCES = (
    "mastodon.social",
    "chaos.social",
    "mastodon.at",
    "troet.cafe",
    "wien.rocks",
    "social.tchncs.de",
    "norden.social",
    "graz.social",
    "det.social",
    "mstdn.social",
)
_UMLAUT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def handle(name: str) -> tuple[str, str]:
    """Fediverse handle for a display name: ('@user', '@user@instance')."""
    user = re.sub(r"[^a-z0-9_]+", "_", name.lower().translate(_UMLAUT)).strip("_")
    inst = _INSTANCES[_stable("instance" + name) % len(_INSTANCES)]
    return f"@{user}", f"@{user}@{inst}"


def fam_fediverse(ctx: Ctx) -> Page:
    """Copy of a Mastodon thread: the article posted as a thread (1/n), replies below."""
    r, p = ctx.rng, Page()  # dense: a select-all copy of the web client, no blank lines
    p.add("nav", *FED_NAV)
    p.add("nav", "Zurück")
    op = nick(str(_stable("op" + ctx.article.id) % 30000))
    op_short, op_full = handle(op)
    counts = "↩ {re}  ↻ {bo}  ★ {fa}" if r.random() < 0.5 else "{re} ↩ {bo} ↻ {fa} ★"
    intro = ctx.comments(1, 1)[0] if r.random() < 0.6 else None
    chunks, i = [], 0
    while i < len(ctx.paras):
        n = r.choice((1, 1, 2))
        chunks.append(ctx.paras[i : i + n])
        i += n
    numbered = r.random() < 0.7
    hours = r.randint(3, 23)  # the thread was posted at once; replies came later
    card = bool(ctx.title or ctx.teaser)
    first_text = not card or r.random() < 0.5
    rest = chunks[1:] if first_text else chunks
    posts = len(rest) + 1
    # The first post: the poster's own words (a real post), maybe the first paragraph,
    # the link preview card (headline and lead), then the detailed date and counts.
    p.add("comment_meta", op, op_full)
    if intro:
        p.add("comment", *post_paragraphs(intro, joined=True))
    if numbered:
        p.add("meta", f"🧵 1/{posts}")
    if first_text:
        p.add(ctx.body_kind, *chunks[0])
    if card:
        p.add("meta", "derstandpunkt.at")
        if ctx.title:
            p.add("title", ctx.title)
        if ctx.teaser:
            p.add("teaser", ctx.teaser)
    p.add("comment_meta", f"{de_date(ctx.date, 'long')} · 🌐 · Web")
    p.add("comment_meta", f"{r.randint(2, 300)} geteilte Beiträge · {r.randint(5, 900)} Favoriten")
    for k, chunk in enumerate(rest, 2):  # the rest of the article as the poster's replies
        p.add("comment_meta", op, op_full, f"{hours} Std.")
        p.add(ctx.body_kind, *chunk)
        if numbered:
            p.add("meta", f"{k}/{posts}")
        p.add(
            "comment_meta",
            counts.format(re=r.randint(0, 9), bo=r.randint(0, 40), fa=r.randint(0, 90)),
        )
    comments = ctx.comments(3, 12)
    reply_ages = ages(r, len(comments), hours * 60 - 1, newest_first=False)
    for c, age in zip(comments, reply_ages):
        who = nick(c.user)
        short, full = handle(who)
        if r.random() < 0.1:
            p.add("comment_meta", f"{nick(str(r.randrange(30000)))} hat geteilt")
        p.add("comment_meta", who, full, age_text(age, short=True))
        target = handle(c.parent)[0] if c.parent else op_short
        if r.random() < 0.4:
            p.add("comment_meta", f"Antwort an {target}")
        if r.random() < 0.12:
            p.add(
                "comment_meta",
                f"Inhaltswarnung: {r.choice(('Politik', 'Meinung', 'Rant'))}",
                "Mehr anzeigen",
            )
        paras = post_paragraphs(c, joined=r.random() < 0.5)
        if r.random() < 0.7:
            paras[0] = f"{target} {paras[0]}"
        p.add("comment", *paras)
        p.add("comment_meta", counts.format(re=r.randint(0, 3), bo=max(0, c.up // 4), fa=c.up))
    if r.random() < 0.5:
        p.add("comment_meta", "Mehr laden")
    p.add("widget", *FED_PROMPT)
    p.add("footer", *FED_FOOTER)
    return p


MED_NAV = ("Open in app", "Sign up", "Sign in", "Medium", "Write", "Search")
MED_PUBS = (
    "Politik & Gesellschaft",
    "Wiener Notizen",
    "Zeitgeschehen",
    "Datenwelt",
    "Die Sonntagsrunde",
)
MED_FOOTER = (
    "Help",
    "Status",
    "About",
    "Careers",
    "Press",
    "Blog",
    "Privacy",
    "Terms",
    "Text to speech",
    "Teams",
)
_UNSPLASH = (
    "Photo by Markus Spiske on Unsplash",
    "Photo by Christian Lue on Unsplash",
    "Photo by Jon Tyson on Unsplash",
    "Photo by Claudio Schwarz on Unsplash",
)


def fam_medium(ctx: Ctx) -> Page:
    """Medium-like blog post: 'Follow', 'min read', claps, 'Responses (N)', recommendations."""
    r, p = ctx.rng, Page()
    p.add("nav", *MED_NAV)
    p.gap()
    if r.random() < 0.3:
        p.add("paywall", "Member-only story")
    head_block(p, ctx)
    author = ctx.author()
    pub = r.choice(MED_PUBS) if r.random() < 0.6 else ""
    comments = ctx.comments(2, 9)
    claps = r.randint(3, 2400)
    p.add("byline", author)
    p.add("share", "·", "Follow")
    if pub:
        p.add("meta", f"Published in {pub}")
    p.add("meta", f"{ctx.reading_minutes() + 1} min read", "·")
    p.add("date", en_date(ctx.date, "short"))
    p.add("share", "--")
    p.add("share", f"{claps / 1000:.1f}K" if claps >= 1000 else str(claps))
    p.add("comment_meta", str(len(comments)))
    p.add("share", "Listen", "Share")
    p.gap()
    inline: dict[int, Callable[[], None]] = {}
    spots = slots(ctx, 3)
    if spots and r.random() < 0.7:
        photo = r.choice(_UNSPLASH)
        if r.random() < 0.6:
            photo = f"{ctx.caption(ctx.paras[spots[0]])} {photo}"
        inline[spots[0]] = lambda: (p.add("caption", photo), p.gap())
    if len(spots) > 1 and r.random() < 0.5:
        quote = ctx.pull_quote()
        inline[spots[1]] = lambda: (p.add("pullquote", quote), p.gap())
    if len(spots) > 2 and r.random() < 0.5:  # the label sits right on the paragraph
        inline[spots[2]] = lambda: p.add("meta", "Top highlight")
    for i, para in enumerate(ctx.paras):
        if i in inline:
            inline[i]()
        p.add(ctx.body_kind, para)
        p.gap()
    p.add("meta", ctx.article.category, sub_of(ctx), ctx.dateline_city())
    p.gap()
    p.add("share", "--", f"{claps / 1000:.1f}K" if claps >= 1000 else str(claps))
    p.add("comment_meta", str(len(comments)))
    p.gap()
    followers = random.Random(_stable("followers" + author)).randint(12, 9000)
    p.add("byline", f"Written by {author}", f"{followers} Followers")
    if pub:
        p.add("byline", f"Writer for {pub}")
    p.add(
        "byline",
        random.Random(_stable("bio" + author)).choice(
            (
                "Journalist in Wien. Schreibt über Politik, Medien und alles dazwischen.",
                "Redakteurin und Datenjournalistin. Meinungen sind meine eigenen."
                if female(author)
                else "Redakteur und Datenjournalist. Meinungen sind meine eigenen.",
                "Reporter. Podcaster. Zu viele Tabs offen.",
            )
        ),
    )
    p.add("share", "Follow")
    p.gap()
    p.add("comment_meta", f"Responses ({len(comments)})", "What are your thoughts?", "Respond")
    p.gap()
    for c in comments:
        p.add("comment_meta", nick(c.user), en_date(c.created, "short"))
        p.add("comment", *post_paragraphs(c))
        p.add("comment_meta", str(c.up) if c.up else "--")
        replies = r.choice((0, 0, 1, r.randint(2, 6)))
        p.add("comment_meta", {0: "Reply", 1: "1 reply"}.get(replies, f"{replies} replies"))
        p.gap()
    p.add("comment_meta", "See all responses")
    p.gap()
    p.add("related", f"More from {author}" + (f" and {pub}" if pub else ""))
    for a in ctx.related(r.randint(2, 4)):
        p.add("related", short_title(a), blurb(a))
        p.add(
            "related",
            f"{r.randint(2, 9)} min read · "
            f"{en_date(ctx.date - dt.timedelta(days=r.randint(2, 90)), 'short')}",
        )
    p.add("related", f"See all from {author}")
    p.gap()
    p.add("related", "Recommended from Medium")
    for a in ctx.related(r.randint(2, 4)):
        p.add("related", f"{r.choice(_AUTHOR_FIRST)} {r.choice(_LAST)}", short_title(a))
        p.add(
            "related",
            f"{r.randint(2, 12)} min read · "
            f"{en_date(ctx.date - dt.timedelta(days=r.randint(2, 300)), 'short')}",
        )
    p.add("related", "See more recommendations")
    p.gap()
    p.add("footer", *MED_FOOTER)
    return p


AGG_NAV = (
    "Nachrichtenkompass",
    "Nach Themen, Orten und Quellen suchen",
    "Schlagzeilen",
    "Für mich",
    "Folge ich",
    "Österreich",
    "Welt",
    "Lokal",
    "Wirtschaft",
    "Wissenschaft & Technik",
    "Unterhaltung",
    "Sport",
    "Gesundheit",
)
AGG_OUTLETS = (
    "Kurier",
    "Die Presse",
    "Kleine Zeitung",
    "ORF.at",
    "Salzburger Nachrichten",
    "profil",
    "Tiroler Tageszeitung",
    "Süddeutsche Zeitung",
    "ZEIT ONLINE",
    "tagesschau.de",
    "n-tv.de",
    "Wiener Zeitung",
    "OÖNachrichten",
    "heute.at",
)
AGG_FOOTER = (
    "Datenschutzerklärung",
    "Nutzungsbedingungen",
    "Über Nachrichtenkompass",
    "Hilfe",
    "Feedback senden",
)


def fam_aggregator(ctx: Ctx) -> Page:
    """News aggregator: article excerpt or full republication, then other outlets' headlines."""
    r, p = ctx.rng, Page()  # dense: every element on its own line, no blank lines
    p.add("nav", *AGG_NAV)
    p.add("nav", r.choice(("Österreich", "Schlagzeilen", "Welt")))
    full = r.random() < 0.4
    age = ago_de(r)
    if r.random() < 0.5:
        p.add("meta", f"derstandpunkt.at · {age}")
    else:
        p.add("meta", "derstandpunkt.at")
        p.add(
            "byline",
            f"Story von {ctx.author()} • {age}"
            + (f" • {ctx.reading_minutes()} Min. Lesezeit" if full else ""),
        )
    if ctx.title:
        p.add("title", ctx.title)
    if ctx.teaser:
        p.add("teaser", ctx.teaser)
    paras = ctx.paras if full else ctx.paras[: r.randint(1, 3)]
    ad_at = slots(ctx, 1) if full and r.random() < 0.6 else []
    for i, para in enumerate(paras):
        if i in ad_at:
            p.add("ad", "Gesponsert", r.choice(AD_COPY))
        if not full and i == len(paras) - 1 and r.random() < 0.4:
            words = para.split()
            if len(words) > 14:
                para = " ".join(words[: r.randint(len(words) // 2, len(words) - 4)]) + " …"
        p.add(ctx.body_kind, para)
    if full:
        p.add("meta", "© derstandpunkt.at")
        p.add("share", "Gefällt mir", "Weiterempfehlen", "Kommentare anzeigen")
    else:
        p.add("related", "Weiterlesen auf derstandpunkt.at")
    p.add("nav", "Vollständige Berichterstattung")
    p.add("related", r.choice(("Weitere Berichte zu diesem Thema", "Mehr zum Thema")))
    one_line = r.random() < 0.5
    for a in ctx.related(r.randint(3, 6)):
        outlet = r.choice(AGG_OUTLETS)
        if one_line:
            p.add("related", f"{short_title(a)} – {outlet} · {ago_de(r)}")
        else:
            p.add("related", outlet, short_title(a), ago_de(r))
    if r.random() < 0.6:
        p.add("related", "Top-Meldungen")
        for a in ctx.related(r.randint(2, 4)):
            p.add("related", short_title(a), f"{r.choice(AGG_OUTLETS)} · {ago_de(r)}")
    if r.random() < 0.4:
        p.add(
            "widget",
            f"{r.choice(_CITIES)}  {r.randint(-5, 31)} °C",
            r.choice(("Bewölkt", "Sonnig", "Regen", "Heiter")),
        )
    p.add("footer", *AGG_FOOTER)
    return p


VB_HEAD = (
    "Österreich-Forum",
    "Benutzername",
    "Kennwort",
    "Angemeldet bleiben?",
    "Anmelden",
    "Registrieren",
    "Hilfe",
    "Benutzerliste",
    "Kalender",
    "Heutige Beiträge",
    "Suchen",
)
VB_RANKS = (
    "Neuer Benutzer",
    "Benutzer",
    "Erfahrener Benutzer",
    "Forenlegende",
    "Stammgast",
    "Moderator",
)
VB_SIGS = (
    "Wer kämpft, kann verlieren. Wer nicht kämpft, hat schon verloren.",
    "Mfg aus Linz",
    "Nichts ist so beständig wie der Wandel.",
    "Meine Meinung, nicht die meines Arbeitgebers.",
    "Alles wird gut.",
)
VB_RIGHTS = (
    "Berechtigungen",
    "Neue Themen erstellen: Nein",
    "Themen beantworten: Nein",
    "Anhänge hochladen: Nein",
    "Beiträge bearbeiten: Nein",
    "BB-Code ist an.",
    "Smileys sind an.",
    "HTML-Code ist aus.",
)
VB_FOOTER = (
    "Alle Zeitangaben in WEZ +1.",
    "Kontakt · Österreich-Forum · Archiv · Datenschutz · Nach oben",
    "Powered by vBulletin® Version 4.2.5 "
    "Copyright ©2016 vBulletin Solutions, Inc. Alle Rechte vorbehalten.",
)


def fam_vbulletin(ctx: Ctx) -> Page:
    """vBulletin-like forum thread: '#1' posts, 'Zitat von X:', likes, '--' signatures."""
    r, p = ctx.rng, Page()
    dense = r.random() < 0.4

    def gap() -> None:
        if not dense:
            p.gap()

    p.add("nav", *VB_HEAD)
    gap()
    p.add("nav", f"Österreich-Forum › Politik & Zeitgeschehen › {ctx.article.category}")
    subject = ctx.subject()  # the article's headline, unless it is left out (--no-teaser)
    p.add("title" if ctx.title or ctx.teaser else "comment_meta", subject)
    comments = ctx.comments(3, 12)
    n_posts = len(comments) + 1
    p.add(
        "comment_meta",
        "Antworten",
        "Themen-Optionen",
        "Thema durchsuchen",
        f"Ergebnis 1 bis {n_posts} von {n_posts}",
    )
    gap()
    same_line = r.random() < 0.5

    def post_head(num: int, who: str, when: dt.datetime) -> None:
        stamp = f"{when:%d.%m.%Y, %H:%M}"
        if same_line:
            p.add("comment_meta", f"{stamp}   #{num}")
        else:
            p.add("comment_meta", stamp, f"#{num}")
        pr = random.Random(_stable("vbprofile" + who))
        p.add("comment_meta", who, pr.choice(VB_RANKS))
        since = dt.date(2004, 1, 1) + dt.timedelta(days=pr.randrange(4200))
        p.add("comment_meta", f"Registriert seit: {since:%m/%Y}")
        if pr.random() < 0.5:
            p.add("comment_meta", f"Ort: {pr.choice(_CITIES + _DISTRICTS)}")
        p.add("comment_meta", f"Beiträge: {pr.randint(3, 9000):,}".replace(",", "."))

    def post_foot(who: str, likes: int) -> None:
        if random.Random(_stable("vbsig" + who)).random() < 0.4:
            p.add("comment_meta", "--", random.Random(_stable("vbsig2" + who)).choice(VB_SIGS))
        if likes > 1:
            p.add("comment_meta", f"Gefällt {likes} Personen")
        elif likes == 1:
            p.add("comment_meta", f"{nick(str(r.randrange(30000)))} gefällt dies.")
        p.add("comment_meta", "Zitieren  Antworten")
        gap()

    starter = nick(str(_stable(ctx.article.id) % 30000))
    post_head(1, starter, ctx.date)
    opinion = ctx.comments(1, 1)[0]
    quoted = r.random() < 0.5
    source = f"Quelle: https://www.derstandpunkt.at/{_stable(ctx.article.id) % 10**10}"
    if r.random() < 0.3:
        p.add("comment", *post_paragraphs(opinion))
        opinion = None
    if r.random() < 0.3:
        p.add("meta", source)
        source = ""
    if quoted:
        p.add("comment_meta", "Zitat:")
    if ctx.teaser:
        p.add("teaser", ctx.teaser)
    for para in ctx.paras:
        p.add(ctx.body_kind, para)
        if r.random() < 0.5:
            gap()
    if source:
        p.add("meta", source)
    if opinion:
        p.add("comment", *post_paragraphs(opinion))
    post_foot(starter, r.randint(0, 9))
    bodies: dict[str, str] = {}
    quote_article = r.random() < 0.2
    sentences = [s for para in ctx.paras for s in newsdev.split_sentences(para)]
    when = ctx.date
    for num, c in enumerate(comments, 2):
        who = nick(c.user)
        when += dt.timedelta(minutes=r.randint(2, 300))  # a thread reads in time order
        post_head(num, who, when)
        if c.parent and c.parent in bodies and r.random() < 0.7:
            p.add(
                "comment_meta",
                r.choice((f"Zitat von {c.parent}:", f"Zitat von {c.parent} Beitrag anzeigen")),
            )
            p.add("comment", bodies[c.parent])
        elif quote_article and sentences:
            quote_article = False  # one reply quotes a sentence of the pasted article
            p.add("comment_meta", f"Zitat von {starter}:")
            p.add("comment", r.choice(sentences))
        p.add("comment", *post_paragraphs(c))
        bodies[who] = " ".join(post_paragraphs(c, joined=True))
        post_foot(who, c.up // 3)
    p.add("nav", "« Vorheriges Thema | Nächstes Thema »")
    gap()
    p.add("related", "Ähnliche Themen")
    for a in ctx.related(r.randint(2, 4)):
        p.add(
            "related",
            short_title(a),
            f"Von {nick(str(r.randrange(30000)))} im Forum {a.category} · Antworten: "
            f"{r.randint(0, 80)} · Letzter Beitrag: "
            f"{ctx.date - dt.timedelta(days=r.randint(1, 60)):%d.%m.%Y, %H:%M}",
        )
    gap()
    p.add("footer", *VB_RIGHTS)
    gap()
    p.add("footer", *VB_FOOTER)
    return p


def para_out(p: Page, kind: str, text: str, wrap: int) -> None:
    """One paragraph, hard-wrapped when `wrap` is set."""
    if wrap:
        p.wrapped(kind, text, wrap)
    else:
        p.add(kind, text)


def fam_reader_view(ctx: Ctx) -> Page:
    """Reader-mode / w3m extraction: no menu, leftovers, bio, tags, bare threaded comments."""
    r, p = ctx.rng, Page()
    wrap = r.choice((0, 0, 78, 80))
    reader = r.random() < 0.5  # browser reader view: domain, title, byline, "4–5 Minuten"
    if reader:
        p.add("meta", "derstandpunkt.at")
    if ctx.title:
        para_out(p, "title", ctx.title, wrap)
    if r.random() < 0.8:
        by = byline_de(ctx, "von von2 corr text_fotos guest agency plain")
        if r.random() < 0.4:
            p.add("byline", f"{by} | {de_date(ctx.date, 'date')}")
        else:
            p.add("byline", by)
    if reader:
        m = ctx.reading_minutes()
        p.add("meta", f"{m}–{m + 1} Minuten")
    p.gap()
    if ctx.teaser:
        para_out(p, "teaser", ctx.teaser, wrap)
        p.gap()
    inline: dict[int, Callable[[], None]] = {}
    spots = slots(ctx, 3)
    leftovers = ["caption", "ad", "related", "pullquote"]
    r.shuffle(leftovers)
    for i, kind in zip(spots, leftovers):
        if r.random() < 0.4:
            continue
        if kind == "caption":
            inline[i] = lambda i=i: p.add("caption", ctx.caption(ctx.paras[i]), ctx.credit("Foto"))
        elif kind == "ad":
            inline[i] = lambda: p.add("ad", "Anzeige")
        elif kind == "related":
            a = ctx.related(1)[0]
            inline[i] = lambda a=a: p.add("related", f"Lesen Sie auch: {short_title(a)}")
        else:
            quote = ctx.pull_quote()
            inline[i] = lambda quote=quote: p.add("pullquote", quote)
    body_block(p, ctx, inline, wrap=wrap)
    if r.random() < 0.2:
        later = ctx.date + dt.timedelta(hours=r.randint(1, 30))
        p.add("date", f"Aktualisiert am {de_date(later, 'long_uhr')}")
        p.gap()
    if r.random() < 0.15:
        p.add("meta", CORRECTION)
        p.gap()
    if r.random() < 0.5:
        a = ctx.author()
        role = "Redakteurin" if female(a) else "Redakteur"
        bio = f"Über den Autor: {a} ist {role} im Ressort {ctx.article.category}."
        para_out(p, "byline", bio, wrap)
        p.gap()
    if r.random() < 0.6:
        p.add("meta", f"Schlagwörter: {ctx.article.category}, {sub_of(ctx)}, {ctx.dateline_city()}")
        p.gap()
    if r.random() < 0.7:
        p.add("related", "Ähnliche Artikel")
        for a in ctx.related(r.randint(3, 5)):
            p.add("related", ("* " if wrap else "") + short_title(a))
        p.gap()
    if r.random() < 0.75:
        heading = r.choice(("Leserbriefe", "Kommentare", "Diskussion", ""))
        if heading:
            p.add("comment_meta", heading)
            p.gap()
        step = r.choice(("  ", "    ", "> "))
        says = r.choice(("{}:", "{} schrieb:"))
        for c in ctx.comments(2, 10):
            pad = step * c.depth
            p.add("comment_meta", pad + says.format(nick(c.user)))
            for para in post_paragraphs(c, joined=wrap > 0):
                if wrap:
                    p.wrapped("comment", para, wrap, pad)
                else:
                    p.add("comment", "\n".join(pad + ln for ln in para.split("\n")))
            p.gap()
    return p


EP_NAME = "NEUE TAGESPOST"
EP_FOOTER = (
    "Medieninhaber, Herausgeber und Verleger: Neue Tagespost Zeitungs GmbH, "
    "Hauptplatz 3, 8010 Graz. Nachdruck und Verbreitung nur mit Genehmigung.",
)
_RESSORT = {
    "Inland": "POLITIK",
    "International": "AUSLAND",
    "Wirtschaft": "WIRTSCHAFT",
    "Web": "DIGITAL",
    "Sport": "SPORT",
    "Panorama": "CHRONIK",
    "Etat": "MEDIEN",
    "Kultur": "KULTUR",
    "Wissenschaft": "WISSEN",
}


def fam_epaper(ctx: Ctx) -> Page:
    """pdftotext of a newspaper e-paper: narrow hyphenated columns, running heads, jumps."""
    r, p = ctx.rng, Page()
    width = r.randint(38, 62)
    blank_paras = r.random() < 0.4
    ressort = _RESSORT.get(ctx.article.category, "CHRONIK")
    page_no = r.randint(2, 30)
    day = f"{_DE_DAYS[ctx.date.weekday()]}, {de_date(ctx.date, 'date')}"

    def running_head(n: int) -> None:
        if n % 2 == 0:
            p.add("meta", f"{n}  {ressort}  {day}")
        else:
            p.add("meta", f"{day}  {ressort}  {n}")

    def col(kind: str, text: str) -> None:
        p.add(kind, *hyphen_wrap(text, width))

    running_head(page_no)
    p.gap()
    p.add("meta", ressort.capitalize() if r.random() < 0.5 else ressort)
    if ctx.title:
        col("title", ctx.title)
    if ctx.teaser:
        col("teaser", ctx.teaser)
    p.add("byline", byline_de(ctx, "von von2 corr text_fotos agency"))
    p.gap()
    spots = slots(ctx, 3)
    jump = spots[0] if spots and len(ctx.paras) > 4 and r.random() < 0.5 else -1
    caption_at = spots[1] if len(spots) > 1 and r.random() < 0.7 else -1
    ad_at = spots[2] if len(spots) > 2 and r.random() < 0.4 else -1
    if r.random() < 0.3:
        p.add("caption", *hyphen_wrap(ctx.caption(ctx.paras[0]), width))
        p.add("caption", ctx.credit("Foto"))
        p.gap()
    for i, para in enumerate(ctx.paras):
        if i == jump:
            p.add("meta", f"► Fortsetzung auf Seite {page_no + 1}")
            p.gap()
            if r.random() < 0.5:
                p.add(
                    "meta",
                    f"NT_{page_no:02d}_{ressort.capitalize()}_{ctx.date:%d%m%y}.indd"
                    f"   {page_no}   {ctx.date:%d.%m.%y}   18:{r.randint(10, 59)}",
                )
                p.gap()
            running_head(page_no + 1)
            p.gap()
            p.add("meta", f"Fortsetzung von Seite {page_no}")
        if i == caption_at:
            p.add("caption", *hyphen_wrap(ctx.caption(para), width))
            p.add("caption", ctx.credit("Foto"))
            p.gap()
        if i == ad_at:
            p.add("ad", "ANZEIGE")
            p.add("ad", *hyphen_wrap(r.choice(AD_COPY), width))
            p.gap()
        col(ctx.body_kind, para)
        if blank_paras:
            p.gap()
    p.gap()
    if r.random() < 0.3:
        p.add("pullquote", *hyphen_wrap(ctx.pull_quote(), width))
        p.gap()
    if r.random() < 0.5:
        p.add("comment_meta", "LESERBRIEFE")
        p.gap()
        for c in ctx.comments(1, 4, max_depth=0):
            if c.headline:
                p.add("comment_title", *hyphen_wrap(c.headline, width))
            for para in post_paragraphs(c, joined=True):
                p.add("comment", *hyphen_wrap(para, width))
            home = random.Random(_stable("city" + c.user)).choice(_CITIES + _DISTRICTS)
            p.add("comment_meta", f"{person_name(c.user)}, {home}")
            p.gap()
    if r.random() < 0.5:
        p.add("related", "MEHR ZUM THEMA")
        for a in ctx.related(r.randint(1, 2)):
            p.add("related", *hyphen_wrap(f"{short_title(a)} Seite {r.randint(2, 40)}", width))
        p.gap()
    p.add("footer", *[ln for t in EP_FOOTER for ln in hyphen_wrap(t, width)])
    return p


# --------------------------------------------------------------------------- holdout families
LYNX_TOP = (
    "   #[1]Zeitgeist Online – Nachrichten [2]RSS",
    "",
    "   [3]Zum Inhalt springen",
    "",
    "   [4]ZEITGEIST ONLINE",
    "",
)
LYNX_NAV = (
    "Politik",
    "Gesellschaft",
    "Wirtschaft",
    "Kultur",
    "Wissen",
    "Digital",
    "Campus",
    "Sport",
    "Mehr",
)
LYNX_FOOTER = (
    "   [{n}]Impressum [{n1}]Hilfe & Kontakt [{n2}]Datenschutz [{n3}]AGB",
    "   © Zeitgeist Online GmbH",
)


def fam_lynx_dump(ctx: Ctx) -> Page:
    """`lynx -dump` of a weekly paper's site: [n] link markers, 3-space indent, 77 columns."""
    r, p = ctx.rng, Page()
    w = 77
    link = iter(range(5, 400))
    for line in LYNX_TOP:
        p.add("nav", line) if line else p.gap()
    for item in LYNX_NAV:
        p.add("nav", f"     * [{next(link)}]{item}")
    p.gap()
    p.add("nav", f"   [{next(link)}]{ctx.article.category} > [{next(link)}]{sub_of(ctx)}")
    p.gap()
    if ctx.title:
        p.wrapped("title", ctx.title, w, "   ")
        p.gap()
    if ctx.teaser:
        p.wrapped("teaser", ctx.teaser, w, "   ")
        p.gap()
    comments = ctx.comments(3, 9)
    total = ctx.count(len(comments))
    p.add("byline", f"   Von [{next(link)}]{ctx.author()}")
    p.add("date", f"   {de_date(ctx.date, 'long_uhr')}    [{next(link)}]{total} Kommentare")
    p.gap()
    spots = slots(ctx, 2)
    for i, para in enumerate(ctx.paras):
        if spots and i == spots[0]:
            p.add("caption", f"   [{next(link)}][IMG]")
            p.wrapped("caption", ctx.caption(para) + " © " + r.choice(_AGENCIES), w, "   ")
            p.gap()
        if len(spots) > 1 and i == spots[1] and r.random() < 0.6:
            p.wrapped(
                "related",
                f"[{next(link)}]Lesen Sie auch: {short_title(ctx.related(1)[0])}",
                w,
                "   ",
            )
            p.gap()
        p.wrapped(ctx.body_kind, para, w, "   ")
        p.gap()
    if r.random() < 0.5:
        p.add("nav", f"   Seite 1 [{next(link)}]2 [{next(link)}]Nächste Seite")
        p.gap()
    p.add(
        "share",
        f"   [{next(link)}]Facebook [{next(link)}]Twitter [{next(link)}]Mail [{next(link)}]Pocket",
    )
    p.gap()
    if r.random() < 0.6:
        p.add("comment_meta", f"   {total} Kommentare", f"   [{next(link)}]Kommentieren")
        p.gap()
    numbered = r.random() < 0.5
    for n, c in enumerate(comments, 1):
        pad = "   " + "   " * c.depth
        who = f"[{next(link)}]{nick(c.user)}"
        head = f"#{n}  {who}" if numbered else f"{n}. {who}"
        p.add("comment_meta", pad + head)
        p.add("comment_meta", f"{pad}   {de_date(c.created, 'long')}")
        if c.parent and r.random() < 0.6:
            p.add("comment_meta", f"{pad}   Antwort auf {c.parent}")
        for para in post_paragraphs(c, joined=True):
            p.wrapped("comment", para, w, pad + "   ")
        p.add("comment_meta", f"{pad}   [{next(link)}]Antworten [{next(link)}]Melden")
        p.gap()
    p.add(
        "footer",
        *[f.format(n=next(link), n1=next(link), n2=next(link), n3=next(link)) for f in LYNX_FOOTER],
    )
    p.gap()
    p.add("footer", "References")
    p.gap()
    for n in range(1, min(next(link), 60)):
        p.add("footer", f"  {n:>3}. https://www.zeitgeist-online.de/{r.randrange(10**6)}")
    return p


TV_NAV = (
    "nachrichten.tv",
    "Startseite",
    "Inland",
    "Ausland",
    "Wirtschaft",
    "Wissen",
    "Faktenfinder",
    "Wetter",
    "Sendungen",
    "Suche",
)
TV_RULES = (
    "Hinweis: Die Moderation behält sich vor, Kommentare, die gegen die "
    "Netiquette verstoßen, nicht freizuschalten. Kommentare können nur in einem "
    "begrenzten Zeitraum abgegeben werden."
)
TV_FOOTER = (
    "Impressum | Datenschutz | Barrierefreiheit | Kontakt | Leichte Sprache",
    "nachrichten.tv ist ein Angebot des Rundfunks.",
)


def fam_broadcaster(ctx: Ctx) -> Page:
    """Public broadcaster's news page: 'Stand:', audio player, moderated comments."""
    r, p = ctx.rng, Page()
    p.add("nav", *TV_NAV)
    p.gap()
    p.add("nav", f"Startseite > {ctx.article.category} > {sub_of(ctx)}")
    p.add("date", f"Stand: {de_date(ctx.date, 'dots_uhr')}")
    p.gap()
    head_block(p, ctx)
    if r.random() < 0.6:
        p.add(
            "meta",
            f"Audio: Beitrag von {ctx.author()}, {r.randint(1, 4)}:{r.randint(10, 59)} Min | mehr",
            "Darstellung: Normal",
        )
        p.gap()
    spots = slots(ctx, 2)
    inline: dict[int, Callable[[], None]] = {}
    if spots:
        i = spots[0]
        inline[i] = lambda: p.add(
            "caption", ctx.caption(ctx.paras[i]) + " | " + r.choice(_AGENCIES)
        )
    if len(spots) > 1:
        rel = ctx.related(1)[0]
        when = ctx.date - dt.timedelta(days=r.randint(1, 20))
        inline[spots[1]] = lambda: p.add("related", short_title(rel), f"{when:%d.%m.%Y}")
    body_block(p, ctx, inline)
    show = r.choice(("das Morgenjournal", "die Sendung Heute", "der Hörfunk"))
    p.add(
        "meta",
        f"Über dieses Thema berichtete {show} "
        f"am {de_date(ctx.date, 'date')} um {r.choice(('7:00', '12:00', '20:00'))} Uhr.",
    )
    p.gap()
    p.add("related", "Mehr zu diesem Thema:")
    for a in ctx.related(r.randint(2, 4)):
        p.add(
            "related",
            f"{short_title(a)}, {ctx.date - dt.timedelta(days=r.randint(1, 30)):%d.%m.%Y}",
        )
    p.gap()
    comments = ctx.comments(2, 10)
    if r.random() < 0.8:
        p.add("comment_meta", f"{len(comments)} Kommentare" if r.random() < 0.5 else "Kommentare")
    p.add("comment_meta", TV_RULES)
    p.gap()
    for c in comments:
        p.add("comment_meta", f"{nick(c.user)} am {de_date(c.created, 'dots')} Uhr")
        if c.headline:
            p.add("comment_title", c.headline)
        for para in post_paragraphs(c):
            p.add("comment", para)
        if r.random() < 0.15:
            p.add("comment_meta", "Moderation: Bitte bleiben Sie beim Thema des Artikels.")
        p.gap()
    if r.random() < 0.5:
        p.add("comment_meta", "Die Kommentarfunktion wurde geschlossen.")
    p.gap()
    p.add("footer", *TV_FOOTER)
    return p


RD_TOP = (
    "Skip to main content",
    "reddit",
    "r/Austria",
    "Search r/Austria",
    "Log In",
    "Sign Up",
    "User account menu",
)
RD_SIDEBAR = (
    "About Community",
    "Österreichs Subreddit: Nachrichten, Diskussionen und alles über Österreich.",
    "Created Jan 25, 2008",
    "Members",
    "Online",
    "Moderators",
    "Message the mods",
    "Back to Top",
)


def fam_reddit(ctx: Ctx) -> Page:
    """Reddit-like thread (English UI): the article as the post text, threaded comments."""
    r, p = ctx.rng, Page()
    p.add("nav", *RD_TOP)
    p.gap()
    points = r.randint(20, 3000)
    p.add(
        "comment_meta",
        f"{points if points < 1000 else f'{points / 1000:.1f}k'}",
        f"Posted by u/{nick(str(_stable(ctx.article.id) % 30000)).replace(' ', '_')} "
        f"{ago(r, 'en')} ago",
    )
    p.add("meta", ctx.article.category)
    if ctx.title:
        p.add("title", ctx.title)
    p.add("meta", f"derstandpunkt.at/{_stable(ctx.article.id) % 10**10}")
    p.gap()
    if ctx.teaser:
        p.add("teaser", ctx.teaser)
        p.gap()
    body_block(p, ctx)
    comments = ctx.comments(4, 14, max_depth=5)
    p.add(
        "comment_meta",
        f"{ctx.count(len(comments))} comments",
        "Share",
        "Save",
        "Hide",
        "Report",
        f"{r.randint(70, 99)}% Upvoted",
    )
    p.add("comment_meta", "Log in or sign up to leave a comment", "Log In", "Sign Up")
    p.add("comment_meta", "Sort by: best")
    p.gap()
    levels = r.random() < 0.5
    said: dict[str, str] = {}
    for c in comments:
        pad = "" if levels else "  " * c.depth
        if levels:
            p.add("comment_meta", f"level {c.depth + 1}")
        p.add("comment_meta", f"{pad}{nick(c.user).replace(' ', '_')}")
        p.add("comment_meta", f"{pad}· {ago(r, 'en')}")
        if c.parent in said and r.random() < 0.5:  # markdown quote of the parent post
            p.add("comment", f"{pad}> {newsdev.split_sentences(said[c.parent])[0]}")
        said[nick(c.user)] = post_paragraphs(c, joined=True)[0]
        for para in post_paragraphs(c):
            p.add("comment", "\n".join(pad + ln for ln in para.split("\n")))
        p.add("comment_meta", f"{pad}{c.up - c.down}", f"{pad}Reply", f"{pad}Share")
        if r.random() < 0.1:
            p.add("comment_meta", f"{pad}Continue this thread →")
        p.gap()
    if r.random() < 0.5:
        p.add("comment_meta", f"{r.randint(2, 40)} more replies")
        p.gap()
    p.add("widget", *RD_SIDEBAR)
    return p


GU_TOP = (
    "Skip to main content",
    "Skip to navigation",
    "Support us",
    "Sign in",
    "News  Opinion  Sport  Culture  Lifestyle",
    "World  Europe  US  Americas  Asia  Australia  Middle East  Africa",
)
GU_FOOTER = (
    "About us",
    "Contact us",
    "Complaints & corrections",
    "Privacy policy",
    "Cookie policy",
    "Terms & conditions",
    "© 2016 Courier News and Media Limited or its affiliated companies. All rights reserved.",
)
GU_CONSENT = (
    "Your privacy: We use cookies to improve your experience on our site and to show "
    "you personalised advertising.",
    "Yes, I'm happy",
    "Manage my cookies",
)


def fam_guardian(ctx: Ctx) -> Page:
    """English-language quality paper's template around the (German) article."""
    r, p = ctx.rng, Page()
    p.add("nav", *GU_TOP)
    p.gap()
    p.add("nav", f"World › {r.choice(('Europe', 'Austria', 'Germany'))}")
    head_block(p, ctx, gap=False)
    p.gap()
    p.add("byline", f"{ctx.author()} in {ctx.dateline_city()}")
    p.add("date", de_date(ctx.date, "en"))
    if r.random() < 0.5:
        later = ctx.date + dt.timedelta(hours=r.randint(1, 30))
        p.add("date", f"Last modified on {de_date(later, 'en')}")
    comments = ctx.comments(3, 12)
    total = ctx.count(len(comments))
    p.add("share", "Share on Facebook", "Share on Twitter", "Share via Email")
    if r.random() < 0.6:
        p.add("comment_meta", f"{total}")  # comment count next to the share buttons
    p.gap()
    p.add(
        "caption",
        ctx.caption(ctx.paras[0])
        + " Photograph: "
        + r.choice(_PHOTOGRAPHERS)
        + "/"
        + r.choice(_AGENCIES),
    )
    p.gap()
    spots = slots(ctx, 1)
    inline: dict[int, Callable[[], None]] = {}
    if spots:
        rel = ctx.related(1)[0]
        inline[spots[0]] = lambda: p.add("related", f"Related: {short_title(rel)}")
    body_block(p, ctx, inline)
    p.add(
        "meta",
        "Topics",
        r.choice(("Europe", "Austria")),
        ctx.article.category,
        "Reuse this content",
    )
    p.gap()
    p.add("related", "Most viewed")
    for n, a in enumerate(ctx.related(r.randint(4, 6)), 1):
        p.add("related", f"{n} {short_title(a)}")
    p.gap()
    p.add("comment_meta", f"Comments ({total})")
    p.add(
        "comment_meta",
        r.choice(
            (
                "This discussion is now closed for comments but you can "
                "still sign in or create your account to manage your "
                "profile.",
                "Sign in or create your account to join the discussion.",
            )
        ),
    )
    p.add("comment_meta", "Order by oldest", "Threads collapsed")
    p.gap()
    for c in comments:
        p.add("comment_meta", nick(c.user).replace(" ", ""), de_date(c.created, "en_short"))
        if c.parent and r.random() < 0.5:
            p.add("comment_meta", f"@{c.parent.replace(' ', '')}")
        for para in post_paragraphs(c):
            p.add("comment", para)
        p.add(
            "comment_meta", f"Recommend {c.up}" if c.up else "Recommend", "Reply | Share | Report"
        )
        p.gap()
    if total > len(comments):
        p.add("comment_meta", f"Show {min(25, total - len(comments))} more replies")
        p.add("comment_meta", "Loading comments… Trouble loading?")
        p.gap()
    p.add("footer", *GU_FOOTER)
    p.add("consent", *GU_CONSENT)
    return p


FZ_NAV = (
    "Frankfurter Tagespost",
    "Politik",
    "Wirtschaft",
    "Finanzen",
    "Feuilleton",
    "Sport",
    "Gesellschaft",
    "Stil",
    "Rhein-Main",
    "Technik",
    "Wissen",
    "Reise",
    "TP+",
)
FZ_PAYWALL = (
    "TP+ – Jetzt weiterlesen",
    "Zugang zu allen TP+ Artikeln: Die ersten 30 Tage kostenlos, danach 2,95 € pro "
    "Woche. Jederzeit kündbar.",
    "Jetzt 30 Tage kostenfrei testen",
    "Sie sind bereits Abonnent? Hier anmelden",
)
FZ_FOOTER = (
    "Aktuelle Nachrichten aus Politik, Wirtschaft, Sport und Kultur",
    "Impressum  Datenschutz  Nutzungsbasierte Online-Werbung  Hilfe  AGB",
    "© Frankfurter Tagespost GmbH 2016 Alle Rechte vorbehalten.",
)


def fam_paywall_daily(ctx: Ctx) -> Page:
    """German quality daily (FAZ-like): paywall box, author box, 'Lesermeinungen'."""
    r, p = ctx.rng, Page()
    p.add("nav", *FZ_NAV)
    p.gap()
    p.add("nav", f"{ctx.article.category} > {sub_of(ctx)}")
    p.add("share", "Artikel anhören", "Merken", "Drucken", "Teilen")
    p.add("meta", f"{ctx.reading_minutes()} Min.")
    p.gap()
    head_block(p, ctx)
    author = ctx.author()
    p.add("byline", f"Von {author}, {ctx.dateline_city()}")
    p.add("date", f"Aktualisiert am {ctx.date:%d.%m.%Y-%H:%M}")
    p.gap()
    spots = slots(ctx, 2)
    inline: dict[int, Callable[[], None]] = {}
    if spots:
        inline[spots[0]] = lambda: p.add("paywall", *FZ_PAYWALL)
    if len(spots) > 1 and r.random() < 0.7:
        i = spots[1]
        inline[i] = lambda: p.add(
            "caption", ctx.caption(ctx.paras[i]), "Bild: " + r.choice(_AGENCIES)
        )
    body_block(p, ctx, inline)
    p.add("meta", "Quelle: TP.NET")
    p.add(
        "byline",
        author,
        r.choice(
            (
                "Politischer Korrespondent in Wien.",
                "Redakteur in der Politik.",
                "Korrespondentin für Österreich und Ungarn.",
            )
        ),
        "Folgen",
    )
    p.gap()
    comments = ctx.comments(2, 9)
    p.add("comment_meta", f"Lesermeinungen ({ctx.count(len(comments))})")
    p.gap()
    for c in comments:
        who = nick(c.user)
        p.add(
            "comment_meta",
            f"{who} ({who.replace(' ', '').lower()[:12]}) - {c.created:%d.%m.%Y - %H:%M}",
        )
        if c.headline:
            p.add("comment_title", c.headline)
        for para in post_paragraphs(c):
            p.add("comment", para)
        p.add("comment_meta", f"Antworten ({r.randint(0, 9)})", f"Empfehlen ({c.up})", "Melden")
        p.gap()
    p.add("comment_meta", "Alle Lesermeinungen anzeigen")
    p.gap()
    p.add("related", "Weitere Themen")
    for a in ctx.related(3):
        p.add("related", short_title(a), blurb(a))
    p.gap()
    p.add("footer", *FZ_FOOTER)
    return p


RG_TOP = (
    "Wetter: {city} {temp}°C",
    "E-Paper",
    "Abo",
    "Anmelden",
    "Bezirksblatt",
    "Lokales  Politik  Wirtschaft  Sport  Leben  Kultur  Immobilien  Jobs",
)
RG_RULES = (
    "Wir freuen uns über Ihre Meinung. Bitte beachten Sie unsere Netiquette: "
    "Beleidigende und rechtswidrige Beiträge werden gelöscht."
)
RG_NEWSLETTER = (
    "Nichts mehr verpassen: Die wichtigsten Nachrichten aus Ihrer Region jeden Freitag per E-Mail.",
    "Ihre E-Mail-Adresse",
    "Anmelden",
)
RG_FOOTER = (
    "Bezirksblatt Regionalmedien GmbH",
    "Impressum | Datenschutz | Kontakt | Anzeigen aufgeben | Abo-Service",
)


def fam_regional(ctx: Ctx) -> Page:
    """Regional paper: weather widget, pull quote, inline ad, 'Ihre Meinung' one-liners."""
    r, p = ctx.rng, Page()
    top = [t.format(city=r.choice(_DISTRICTS), temp=r.randint(-5, 32)) for t in RG_TOP]
    p.add("widget", top[0])
    p.add("nav", *top[1:])
    p.gap()
    p.add("nav", f"Lokales > Bezirk {r.choice(_DISTRICTS)}")
    p.gap()
    head_block(p, ctx)
    p.add(
        "byline",
        r.choice(
            (
                f"Ein Artikel von {ctx.author()} | {ctx.date:%d.%m.%Y} | {ctx.date:%H:%M}",
                f"{ctx.author()}, {ctx.date:%d.%m.%Y}",
            )
        ),
    )
    if r.random() < 0.5:
        p.add("caption", r.choice(("Foto: privat", "Foto: Gemeinde", ctx.credit("Foto"))))
    p.gap()
    spots = slots(ctx, 3)
    inline: dict[int, Callable[[], None]] = {}
    if spots:
        quote = ctx.pull_quote()
        inline[spots[0]] = lambda: p.add("pullquote", quote)
    if len(spots) > 1:
        ad = r.choice(AD_COPY)
        inline[spots[1]] = lambda: p.add("ad", "Werbung", ad)
    if len(spots) > 2 and r.random() < 0.6:
        i = spots[2]
        inline[i] = lambda: p.add(
            "caption", ctx.caption(ctx.paras[i]) + " Foto: " + r.choice(_PHOTOGRAPHERS)
        )
    body_block(p, ctx, inline)
    if r.random() < 0.5:
        p.add("newsletter", *RG_NEWSLETTER)
        p.gap()
    p.add("related", "Das könnte Sie auch interessieren")
    for a in ctx.related(r.randint(2, 4)):
        p.add("related", short_title(a))
        if r.random() < 0.5:
            p.add("related", blurb(a))
    p.gap()
    comments = ctx.comments(2, 8)
    heading = r.randrange(3)
    if heading == 0:
        p.add("comment_meta", "Ihre Meinung")
    elif heading == 1:
        p.add("comment_meta", f"Kommentare ({len(comments)})")
    if r.random() < 0.5:
        p.add("comment_meta", RG_RULES)
    p.gap()
    one_line = r.random() < 0.5
    for c in comments:
        head = f"{nick(c.user)} schrieb am {c.created:%d.%m.%Y} um {c.created:%H:%M}:"
        text = post_paragraphs(c, joined=True)[0]
        if one_line:
            p.add("comment", f"{head} {text}")
        else:
            p.add("comment_meta", head)
            p.add("comment", text)
        p.gap()
    p.add("footer", *RG_FOOTER)
    return p


# --------------------------------------------------------------------------- registry
@dataclass(frozen=True)
class Family:
    name: str
    split: str
    render: Callable[[Ctx], Page]
    about: str


FAMILIES = {
    f.name: f
    for f in (
        Family(
            "portal_forum",
            "dev",
            fam_portal_forum,
            "Austrian news portal + forum (derStandard-like)",
        ),
        Family(
            "magazine", "dev", fam_magazine, "news magazine, numbered forum posts (Spiegel-like)"
        ),
        Family(
            "techticker", "dev", fam_techticker, "IT news, forum as a headline list (heise-like)"
        ),
        Family("wordpress", "dev", fam_wordpress, "WordPress blog repost, WP comments and form"),
        Family("disqus", "dev", fam_disqus, "city magazine with an English-UI Disqus thread"),
        Family("phpbb", "dev", fam_phpbb, "phpBB forum thread, article pasted in the first post"),
        Family(
            "press_release",
            "dev",
            fam_press_release,
            "press-release portal (OTS-like), no comments",
        ),
        Family(
            "mail_newsletter",
            "dev",
            fam_mail_newsletter,
            "plain-text e-mail newsletter, wrapped at 72",
        ),
        Family("browser_copy", "dev", fam_browser_copy, "select-all browser copy, no blank lines"),
        Family(
            "tabloid",
            "dev",
            fam_tabloid,
            "boulevard site (Krone/Bild-like), inline boxes, 'Like' comments",
        ),
        Family(
            "wire_service",
            "dev",
            fam_wire_service,
            "English-UI wire service (Reuters-like), no comments",
        ),
        Family(
            "fediverse",
            "dev",
            fam_fediverse,
            "Mastodon thread copy: article as a 1/n thread, replies",
        ),
        Family("medium", "dev", fam_medium, "Medium-like blog post, English UI, 'Responses (N)'"),
        Family(
            "aggregator",
            "dev",
            fam_aggregator,
            "news aggregator: excerpt or republication, other outlets' headlines",
        ),
        Family(
            "vbulletin",
            "dev",
            fam_vbulletin,
            "vBulletin-like thread: '#1' posts, 'Zitat von X:', likes",
        ),
        Family(
            "reader_view",
            "dev",
            fam_reader_view,
            "reader-mode / w3m extraction, bare threaded comments",
        ),
        Family("epaper", "dev", fam_epaper, "pdftotext of an e-paper: hyphenated narrow columns"),
        Family(
            "lynx_dump",
            "holdout",
            fam_lynx_dump,
            "lynx -dump of a weekly (Zeit-like), wrapped at 77",
        ),
        Family(
            "broadcaster",
            "holdout",
            fam_broadcaster,
            "public broadcaster news page (Tagesschau-like)",
        ),
        Family(
            "reddit", "holdout", fam_reddit, "Reddit-like thread, English UI, threaded comments"
        ),
        Family(
            "guardian", "holdout", fam_guardian, "English quality paper template (Guardian-like)"
        ),
        Family(
            "paywall_daily",
            "holdout",
            fam_paywall_daily,
            "German daily with a paywall box (FAZ-like)",
        ),
        Family("regional", "holdout", fam_regional, "regional paper, 'schrieb am' comments"),
    )
}


def families(split: str) -> list[Family]:
    return [f for f in FAMILIES.values() if split in ("both", f.split)]


def render(
    family: str,
    article: newsdev.Article,
    pools: Pools,
    seed: int,
    key: str = "",
    no_teaser: bool = False,
) -> Page:
    """One page; the same (family, article, seed, key) always gives the same page."""
    rng = random.Random(_stable(f"{seed}|{family}|{article.id}|{key}"))
    return FAMILIES[family].render(Ctx(article, pools, rng, no_teaser))


@dataclass
class Built:
    file: str
    family: str
    article: str
    labels: list[str]
    kinds: list[str]


def write_page(out: Path, name: str, family: str, article: newsdev.Article, page: Page) -> Built:
    text = page.text()
    (out / name).write_text(text, encoding="utf-8")
    kinds = page.kinds[: len(text.splitlines())]
    return Built(name, family, article.id, [label_of(k) for k in kinds], kinds)


def write_labels(out: Path, built: list[Built]) -> None:
    with open(out / "labels.jsonl", "w", encoding="utf-8") as f:
        for b in built:
            f.write(
                json.dumps(
                    {
                        "file": b.file,
                        "family": b.family,
                        "article": b.article,
                        "labels": b.labels,
                        "kinds": b.kinds,
                    },
                    ensure_ascii=False,
                )
                + "\n"
            )


def build_pages(
    data: Path, out: Path, split: str, per_family: int, seed: int, no_teaser: bool = False
) -> list[Built]:
    """per_family pages per layout family of the split, plus one page per stub article.

    Articles are drawn without repetition (as far as the split has enough) from the split's
    non-stub articles; stub articles (the legal-notice bodies) get one page each in a
    random family, so their repeated notice can be measured as template text.
    """
    out.mkdir(parents=True, exist_ok=True)
    built = []
    for s in ("dev", "holdout") if split == "both" else (split,):
        pools = load_pools(data, s)
        rng = random.Random(f"pages|{seed}|{s}")
        articles = [a for a in newsdev.load_articles(data) if newsdev.article_split(a.id) == s]
        normal = [a for a in articles if not a.stub]
        rng.shuffle(normal)
        fams = families(s)
        jobs = [
            (f.name, normal[(n * len(fams) + k) % len(normal)])
            for n in range(per_family)
            for k, f in enumerate(fams)
        ]
        jobs += [(rng.choice(fams).name, a) for a in articles if a.stub]
        for fam, article in jobs:
            name = f"page-{len(built) + 1:04d}.txt"
            page = render(fam, article, pools, seed, no_teaser=no_teaser)
            built.append(write_page(out, name, fam, article, page))
    write_labels(out, built)
    return built


def show(page: Page) -> str:
    """The page with each line's label and kind in front, for reading."""
    return "\n".join(
        f"{label_of(k)[0].upper()} {k:<13}|{line}"
        for k, line in zip(page.kinds, page.text().splitlines())
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", type=Path, help="the news-dev folder")
    ap.add_argument("out", type=Path, nargs="?", help="folder for the pages and labels.jsonl")
    ap.add_argument("--split", choices=("dev", "holdout", "both"), default="dev")
    ap.add_argument("--per-family", type=int, default=20)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--no-teaser", action="store_true", help="leave out teaser and headline")
    ap.add_argument("--show", metavar="FAMILY", help="print one page of FAMILY with labels")
    ap.add_argument("--article", help="with --show: this article id")
    args = ap.parse_args(argv)
    if args.show:
        split = FAMILIES[args.show].split
        pools = load_pools(args.data, split)
        article = (
            next(a for a in newsdev.load_articles(args.data) if a.id == args.article)
            if args.article
            else pools.articles[args.seed % len(pools.articles)]
        )
        print(show(render(args.show, article, pools, args.seed, no_teaser=args.no_teaser)))
        return 0
    if not args.out:
        ap.error("OUT is required (or use --show)")
    built = build_pages(args.data, args.out, args.split, args.per_family, args.seed, args.no_teaser)
    print(f"{len(built)} pages in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
