"""When two sentences state the same fact, which sentences are templates, and which facts lead.

Each case is a pattern seen on real news (see issue 12), written small.
"""

from __future__ import annotations

import pytest

from summarize import prepare
from summarize.run.commands import select_facts
from summarize.select.digest import fact_candidates, vectorize
from summarize.select.evidence import number_value
from summarize.select.grouping import GROUP_THRESHOLD, related
from summarize.sources import Document

FILLER = {
    "x.txt": "Der Zoo von Berlin meldet die Geburt von zwei kleinen Pandabären im Gehege.\n",
    "y.txt": "Die Preise für Heizöl sind im Oktober nach Angaben der Händler deutlich gestiegen.\n",
    "z.txt": "Ein Sturm hat in der Nacht zahlreiche Bäume in Hamburg entwurzelt.\n",
}


def pair(first: str, second: str):
    """The two sentences as candidates of one corpus (with filler, so idf means something)."""
    texts = {"a.txt": first + "\n", "b.txt": second + "\n", **FILLER}
    articles = [prepare(Document(path, text), "de") for path, text in texts.items()]
    candidates = fact_candidates(articles)
    vectorize(candidates)
    by_path = {c.sentence.path: c for c in candidates}
    return by_path["a.txt"], by_path["b.txt"]


def test_the_same_event_in_other_words_is_one_fact():
    a, b = pair(
        "Russland und Nordkorea haben am Mittwoch in Pjöngjang einen Beistandspakt unterzeichnet.",
        "In Pjöngjang unterzeichneten Russland und Nordkorea am Mittwoch einen Beistandspakt.",
    )
    assert related(a, b) >= GROUP_THRESHOLD


def test_a_verb_and_its_noun_state_the_same_event():
    a, b = pair(
        "Der russische Präsident Wladimir Putin und Kim haben mit der Unterzeichnung eines "
        "Abkommens über Beistand eine neue Ära eingeläutet.",
        "Bei seinem Besuch in Pjöngjang unterzeichnete der russische Präsident Wladimir Putin "
        "mit Kim ein Abkommen über Beistand.",
    )
    assert related(a, b) >= GROUP_THRESHOLD


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # The same people, different events.
        (
            "Der russische Außenminister Lawrow hat die westliche Unterstützung für die Ukraine scharf kritisiert.",
            "Der russische Außenminister Lawrow besuchte Pjöngjang und traf dort Machthaber Kim.",
        ),
        # The same number on different days.
        (
            "Am Sonntag kamen 1.850 Flüchtlinge über die Grenze nach Spielfeld in der Steiermark.",
            "Am Donnerstag kamen 1.850 Flüchtlinge über die Grenze nach Spielfeld in der Steiermark.",
        ),
        # The same party, different results.
        (
            "Die SPÖ kommt in Linz auf 31,27 Prozent der Stimmen, die ÖVP auf 12,45 Prozent.",
            "Die SPÖ kommt in Linz auf 32,08 Prozent der Stimmen, die ÖVP auf 11,90 Prozent.",
        ),
        # The same year, different signings.
        (
            "Russland und Nordkorea haben 2024 in Pjöngjang einen Beistandspakt unterzeichnet.",
            "Russland und Nordkorea haben 2023 in Wladiwostok einen Beistandspakt unterzeichnet.",
        ),
        # Only the attribution in common.
        (
            "Bei einem Anschlag in Ankara wurden zwölf Soldaten verletzt, meldete die Nachrichtenagentur Anadolu.",
            "Die Zentralbank senkte den Leitzins überraschend deutlich, meldete die Nachrichtenagentur Anadolu.",
        ),
        # A part of a whole is another fact than the whole.
        (
            "Das Drama Nordlicht von Anna Weber geht mit elf Nominierungen als großer Favorit in die Verleihung der Filmpreise.",
            "Der große Favorit Nordlicht von Anna Weber nutzte bei der Verleihung der Filmpreise nur drei seiner elf Nominierungen.",
        ),
        # Only a phrase of time in common ("seit einiger Zeit läuft").
        (
            "Der Wursthersteller hat nicht nur wegen eines Großkunden Sorgen: Seit einiger Zeit läuft eine Umstrukturierung.",
            "In der EU läuft schon seit einiger Zeit eine Debatte über strengere Regeln für Banken.",
        ),
        # A small score is no evidence: different matches.
        (
            "Rapid gewann am Samstag das Heimspiel gegen Sturm Graz vor vollem Haus mit 3:0.",
            "Salzburg gewann am Samstag das Auswärtsspiel gegen den LASK überlegen mit 3:0.",
        ),
    ],
)
def test_a_shared_name_or_number_alone_is_not_the_same_fact(first, second):
    a, b = pair(first, second)
    assert related(a, b) == 0.0


def test_the_same_part_of_a_whole_is_the_same_fact():
    a, b = pair(
        "Kandidatin Maria Berger landete mit 14,37 Prozent auf Platz vier von sechs.",
        "Platz vier von sechs und nur 14,37 Prozent für Kandidatin Maria Berger bei der Wahl.",
    )
    assert related(a, b) >= GROUP_THRESHOLD


@pytest.mark.parametrize(
    ("token", "value"),
    [("2.100", "2100"), ("2,100", "2100"), ("11,12", "11.12"), ("6.9", "6.9"), ("1:0", "1:0")],
)
def test_numbers_are_compared_by_value(token, value):
    assert number_value(token) == value


def test_a_sites_template_sentence_is_never_a_fact():
    """The same notice on pages about different stories, which none of them echoes."""
    notice = "Unsere Standards: Die Grundsätze der Redaktion für Vertrauen und Transparenz."
    stories = [
        "Der Gemeinderat von Graz beschloss am Montag den Bau einer neuen Straßenbahnlinie.\n\n"
        "Die Straßenbahnlinie soll ab 2027 die Innenstadt mit dem Süden verbinden.\n\n",
        "Die Wiener Philharmoniker gaben am Sonntag ein Konzert im Stadtpark.\n\n"
        "Das Konzert im Stadtpark besuchten nach Angaben der Veranstalter 30.000 Menschen.\n\n",
        "Ein Lawinenabgang hat am Dienstag in Tirol zwei Skitourengeher verschüttet.\n\n"
        "Die Skitourengeher konnten von der Bergrettung lebend geborgen werden.\n\n",
    ]
    articles = [
        prepare(Document(f"{n}.txt", story + notice + "\n"), "de")
        for n, story in enumerate(stories)
    ]
    groups, candidates = select_facts(articles, None)
    shown = [candidates[g.representative].sentence.text for g in groups]
    assert shown and not any("Standards" in text for text in shown)


def test_agency_copy_that_several_outlets_run_is_a_fact():
    """The same sentence in articles about the same story is news, stated by each."""
    wire = "Der Kapitän Schettino ist am Freitag in Rom zu 16 Jahren Haft verurteilt worden."
    bodies = [
        "Das Urteil gegen den Kapitän der Costa Concordia bestätigte das Berufungsgericht in Rom.",
        "Schettino muss die Haft nach dem Urteil des Gerichts in Rom nun antreten.",
        "Die Anwälte des Kapitäns Schettino kündigten nach dem Urteil eine Beschwerde an.",
    ]
    articles = [
        prepare(Document(f"{n}.txt", f"{wire}\n\n{body}\n"), "de") for n, body in enumerate(bodies)
    ]
    groups, candidates = select_facts(articles, 3)
    top = groups[0]
    assert candidates[top.representative].sentence.text == wire
    assert top.support == 3


def test_a_reported_fact_outranks_commentary_on_it():
    text = (
        "Die Lage in der Region erfährt eine bedeutende Verschiebung mit erheblichen Implikationen.\n\n"
        "Das Parlament in Pjöngjang hat den Vertrag am Dienstag ratifiziert.\n\n"
        "Diese Entwicklung könnte weitreichende Folgen für die Sicherheit der Region haben.\n"
    )
    articles = [prepare(Document("a.txt", text), "de")]
    groups, candidates = select_facts(articles, 1)
    assert "ratifiziert" in candidates[groups[0].representative].sentence.text
