"""Reader comments found by their structure, and the furniture rules around an article.

Small pages written for these tests, one per pattern: what stands between readers'
posts (names over times, votes, reply buttons, profiles, handles), with and without a
heading, and the article parts that look alike but must stay (a byline over a short
article, a live blog's times, a video's length, an article pasted into a forum post or
cut into the posts of a thread).
"""

from __future__ import annotations

from summarize.clean import Cleaned, clean_text

ARTICLE = (
    "Die Landesregierung hat am Montag ein neues Budget für den Ausbau der Bahnstrecken "
    "vorgelegt, das bis 2030 rund zwei Milliarden Euro vorsieht.\n\n"
    "Der Verkehrsminister sprach von einem historischen Schritt, die Opposition "
    "kritisierte die Finanzierung als unsicher und forderte einen Plan für die Regionen.\n\n"
    "Die ersten Arbeiten sollen bereits im Frühjahr beginnen, wie das Ministerium mitteilte. "
    "Zuerst wird die Strecke zwischen Linz und Wels zweigleisig ausgebaut, danach folgen "
    "die Verbindungen in den Süden.\n\n"
    "Die Bahngewerkschaft begrüßte das Paket, warnte aber vor zu wenig Personal für den "
    "Betrieb der neuen Strecken.\n"
)


PARAGRAPHS = [paragraph.strip() for paragraph in ARTICLE.split("\n\n")]


def lines_of(cleaned: Cleaned, text: str) -> list[tuple[str, str]]:
    """(line text, reason or "keep") for every non-blank line."""
    return [
        (text[line.start : line.end].strip(), line.reason or "keep")
        for line in cleaned.lines
        if not line.blank
    ]


def kept(text: str) -> list[str]:
    cleaned = clean_text(text)
    return [line for line, verdict in lines_of(cleaned, text) if verdict == "keep"]


def article_lines() -> list[str]:
    return [line for line in ARTICLE.splitlines() if line]


def test_user_date_text_records_without_a_heading_are_comments():
    page = (
        "Bahnausbau: Zwei Milliarden bis 2030\n\n"
        + ARTICLE
        + "\nHaferl\n21.01.2016, 08:59\nDas wird wieder nichts, wie immer bei solchen Plänen.\n"
        "3 ▲ 0 ▼\n\n"
        "lukas_holzer\n11.04.2016, 16:30\nEndlich tut sich etwas für die Pendler im Osten.\n"
        "4 ▲ 0 ▼\n\n"
        "Sabine O.\n24.06.2015, 18:24\nUnd wer zahlt das am Ende? Wir natürlich.\n"
        "0 ▲ 2 ▼\n"
    )
    assert kept(page) == ["Bahnausbau: Zwei Milliarden bis 2030", *article_lines()]


def test_a_counter_shown_at_the_top_and_above_the_forum_opens_only_the_forum():
    page = (
        "Bahnausbau: Zwei Milliarden bis 2030\n"
        "Die Regierung legt ein Budget vor, die Opposition ist skeptisch.\n"
        "Anna Berger, 19. Jänner 2016, 13:48\n"
        "417 Postings\n\n"
        + ARTICLE
        + "\n417 Postings\nForum: Diskutieren Sie mit\nPostings 1 bis 2 von 417\nNeueste zuerst\n\n"
        "Haferl\n21.01.2016, 08:59\nDas wird wieder nichts.\nantworten permalink melden\n\n"
        "Pfiff58\n21.01.2016, 09:12\nAbwarten, die Pläne klingen gut.\nantworten permalink melden\n"
    )
    assert kept(page) == [
        "Bahnausbau: Zwei Milliarden bis 2030",
        "Die Regierung legt ein Budget vor, die Opposition ist skeptisch.",
        *article_lines(),
    ]


def test_numbered_posts_with_name_and_time_after_the_text_are_comments():
    page = (
        "Bahnausbau: Zwei Milliarden bis 2030\n\n" + ARTICLE + "\nDiskussion (3 Beiträge)\n\n"
        "1. Das wird wieder nichts…\nDas wird wieder nichts, wie immer.\nIgel12 heute, 18:49 Uhr\n\n"
        "2. Endlich tut sich etwas…\nEndlich tut sich etwas für Pendler.\n"
        "stiller Querdenker 14.04.2016 10:11 Uhr\n\n"
        "3. Wer zahlt das?…\nWer zahlt das am Ende?\nGustl heute, 12:11 Uhr\n"
    )
    assert kept(page) == ["Bahnausbau: Zwei Milliarden bis 2030", *article_lines()]


def test_a_top_comment_box_between_lead_and_text_goes_and_the_article_stays():
    page = (
        "Bahnausbau: Zwei Milliarden bis 2030\n"
        "Die Regierung legt ein Budget vor, die Opposition ist skeptisch.\n\n"
        "Von Anna Berger\n06.11.2015 19:46\n\n"
        "TOP-KOMMENTAR\naloysius_haas · vor 2 Tagen\n"
        "Ja liebe Redaktion, so etwas gehört auf die Startseite.\n👍 4\n\n"
        + ARTICLE
        + "\nKommentare (2)\n"
        "Colette R. · vor 1 Tag\nSchade, dass man hier nur einmal abstimmen darf.\n👍 3\n"
        "Gustl · vor 3 Std.\nIn der Steiermark wartet man seit Jahren darauf.\n👍 1\n"
    )
    assert kept(page) == [
        "Bahnausbau: Zwei Milliarden bis 2030",
        "Die Regierung legt ein Budget vor, die Opposition ist skeptisch.",
        *article_lines(),
    ]


def test_an_article_pasted_into_a_forum_post_stays_and_the_replies_go():
    page = (
        "Foren-Übersicht ‹ Aktuelles ‹ Verkehr\n"
        "Bahnausbau: Zwei Milliarden bis 2030\n"
        "Ergebnis 1 bis 3 von 3\n"
        "01.06.2016, 06:06   #1\nGustl\nRegistriert seit: 10/2008\nBeiträge: 2.738\n"
        + ARTICLE
        + "Quelle: https://www.example.at/12345\n"
        "Zitieren  Antworten\n01.06.2016, 08:00   #2\nFabian L.\nRegistriert seit: 09/2012\n"
        "Bringt aber Klicks, mehr nicht.\n"
        "Zitieren  Antworten\n01.06.2016, 11:03   #3\nNachtfalke\nRegistriert seit: 05/2014\n"
        "Die Opposition hat recht, die Finanzierung ist ein Luftschloss.\n"
        "Zitieren  Antworten\n"
    )
    assert kept(page) == ["Bahnausbau: Zwei Milliarden bis 2030", *article_lines()]


def test_a_thread_by_one_writer_is_the_article_and_the_replies_are_comments():
    post = "david\n@david@mstdn.social\n12 Std.\n"
    parts = [
        f"{post}{number}/{len(PARAGRAPHS)}\n{paragraph}\n{number} ↩ 29 ↻ 31 ★\n"
        for number, paragraph in enumerate(PARAGRAPHS, 1)
    ]
    page = (
        "Ein Artikel, den ihr lesen solltet: Die Bahn wird ausgebaut, endlich.\n"
        + "".join(parts)
        + "müder Wiener\n@mueder_wiener@social.example\n9 Std.\nAntwort an @david\n"
        "Warum werden die Pläne nicht veröffentlicht?\n3 ↩ 0 ↻ 0 ★\n"
        "blauer Mitleser\n@blauer@social.example\n11 Std.\n"
        "@david Das glaube ich erst, wenn der erste Zug fährt.\n1 ↩ 0 ↻ 0 ★\n"
    )
    remaining = kept(page)
    assert all(line in remaining for line in article_lines())
    assert not any("Warum werden" in line or "Das glaube ich" in line for line in remaining)


def test_a_byline_over_a_short_article_is_not_the_first_comment():
    page = (
        "Bahnausbau: Zwei Milliarden bis 2030\n\n"
        "Anna Berger\n15. Oktober 2015, 19:13\n\n"
        + ARTICLE
        + "\nHerbert H.\n11.03.2016, 19:12\nDer Titel passt nicht ganz zum Text.\n"
        "1 ▲ 0 ▼\nantworten permalink melden\n\n"
        "schnitzel1969\n29.09.2015, 19:07\nDas hätte auf die erste Seite gehört, finde ich "
        "jedenfalls.\n5 ▲ 0 ▼\nantworten permalink melden\n"
    )
    assert kept(page) == ["Bahnausbau: Zwei Milliarden bis 2030", *article_lines()]


def test_a_video_length_between_paragraphs_is_no_comment_time():
    page = "Bahnausbau: Zwei Milliarden bis 2030\n\n" + "\n\nVIDEO\n▶ 04:18\n\n".join(PARAGRAPHS)
    remaining = kept(page)
    assert all(line in remaining for line in article_lines())


def test_reader_letters_signed_name_says_are_comments_but_a_live_blog_is_not():
    letters = (
        "Bahnausbau: Zwei Milliarden bis 2030\n\n"
        + ARTICLE
        + "\nRainer Z. schreibt:\nDas wird wieder nichts, wie immer bei solchen Plänen.\n\n"
        "Anna K. schreibt:\nEndlich tut sich etwas für die Pendler im Osten.\n\n"
        "Waldi schreibt:\nUnd wer zahlt das am Ende? Wir natürlich.\n"
    )
    assert kept(letters) == ["Bahnausbau: Zwei Milliarden bis 2030", *article_lines()]


def test_furniture_around_the_article():
    page = (
        "Querbeet – Notizen aus Wien\n"
        "Startseite\nArchiv\nKontakt\n\n"
        "Bahnausbau: Zwei Milliarden bis 2030\n"
        "Anna Berger, 6. März 2016, 20:26\n"
        "Inland › Verkehr\n"
        "Anzeige\nÜber 20.000 geprüfte Gebrauchtwagen mit Garantie warten auf Sie.\n\n"
        + PARAGRAPHS[0]
        + "\n\nDie Strecke im Vorjahr. Photo by Jon Tyson on Unsplash\n"
        + "\n\n„Der Verkehrsminister sprach von einem historischen Schritt“\n\n"
        + "\n\n".join(PARAGRAPHS[1:])
        + "\n"
        + "\nRückfragehinweis:\nVerkehrsministerium\nMaria Muster\n\n"
        "*** ORIGINALTEXT-SERVICE UNTER AUSSCHLIESSLICHER VERANTWORTUNG DES AUSSENDERS ***\n"
        "News  Magazine  Tests  Download  Foren  Jobs  Abo\n"
    )
    verdicts = dict(lines_of(clean_text(page), page))
    assert verdicts["Querbeet – Notizen aus Wien"] == "menu fragment"
    assert verdicts["Anna Berger, 6. März 2016, 20:26"] == "byline"
    assert verdicts["Inland › Verkehr"] == "menu fragment"
    assert (
        verdicts["Über 20.000 geprüfte Gebrauchtwagen mit Garantie warten auf Sie."]
        == "advertising"
    )
    assert verdicts["„Der Verkehrsminister sprach von einem historischen Schritt“"] == "pull quote"
    assert verdicts["Die Strecke im Vorjahr. Photo by Jon Tyson on Unsplash"] == (
        "image or copyright notice"
    )
    assert verdicts["Maria Muster"] == "contact or price"
    assert (
        verdicts[
            "*** ORIGINALTEXT-SERVICE UNTER AUSSCHLIESSLICHER VERANTWORTUNG DES AUSSENDERS ***"
        ]
        == "heading in capitals"
    )
    assert verdicts["News  Magazine  Tests  Download  Foren  Jobs  Abo"] == "menu fragment"
    assert verdicts["Bahnausbau: Zwei Milliarden bis 2030"] == "keep"
    assert all(verdicts[line] == "keep" for line in article_lines())


def test_notices_that_stand_for_missing_text_go():
    page = (
        "Bahnausbau: Zwei Milliarden bis 2030\n\n"
        "Der Volltext dieses auf Agenturmeldungen basierenden Artikels steht aus rechtlichen "
        "Gründen nicht mehr zur Verfügung.\n"
    )
    assert kept(page) == ["Bahnausbau: Zwei Milliarden bis 2030"]


def test_counters_handles_addresses_and_aggregator_cards_go():
    page = (
        "derstandard.at · vor 2 Std. Bahnausbau: Zwei Milliarden bis 2030 für die Strecken.\n"
        "anna_berger\n@anna_berger@chaos.social\n"
        "300 geteilte Beiträge · 199 Favoriten\n"
        "1 ↩ 28 ↻ 0 ★\n"
        "🧵 1/6\n"
        "derstandard.at\n\n" + ARTICLE
    )
    verdicts = dict(lines_of(clean_text(page), page))
    assert verdicts["@anna_berger@chaos.social"] == "bare link"
    assert verdicts["derstandard.at"] == "bare link"
    assert verdicts["300 geteilte Beiträge · 199 Favoriten"] == "social sharing"
    assert verdicts["1 ↩ 28 ↻ 0 ★"] == "decoration"
    assert verdicts["🧵 1/6"] == "decoration"
    assert verdicts[page.splitlines()[0]] == "related links"
    assert all(verdicts[line] == "keep" for line in article_lines())


def test_a_hard_wrapped_notice_or_newsletter_sentence_goes_whole():
    """Mail and e-paper text breaks sentences over lines; no line alone gives them away."""
    page = (
        "Guten Morgen, heute im Newsletter: Neue Züge für die Westbahn,\n"
        "außerdem fährt der Nachtzug nach Rom ab Herbst wieder, vorerst\n"
        "dreimal pro Woche. Eine gute Lektüre wünscht Ihnen das Team.\n\n"
        + ARTICLE
        + "\nDer Volltext dieses auf Agenturmeldungen\n"
        "basierenden Artikels steht aus rechtlichen\n"
        "Gründen nicht mehr zur Verfügung.\n\n"
        "Medieninhaber, Herausgeber und Verleger:\n"
        "Neue Tagespost Zeitungs GmbH, Hauptplatz 3,\n"
        "8010 Graz. Nachdruck und Verbreitung nur\n"
        "mit Genehmigung.\n"
    )
    assert kept(page) == article_lines()


def test_the_words_of_an_imprint_inside_a_news_sentence_stay():
    page = (
        ARTICLE + "\nDie Rechte der Pendler wurden gestärkt, der Nachdruck liegt auf dem Ausbau.\n"
    )
    assert (
        kept(page)[-1]
        == "Die Rechte der Pendler wurden gestärkt, der Nachdruck liegt auf dem Ausbau."
    )


def test_a_long_comment_deep_in_a_thread_is_not_taken_for_the_article():
    """A page whose article is gone (a stub): its longest post is still a comment."""
    posts = [
        ("Haferl", "Das wird wieder nichts, wie immer bei solchen Plänen aus Wien."),
        ("Pfiff58", "Abwarten, die Pläne klingen gut, aber das Geld fehlt noch."),
        ("Gustl", "Und wer zahlt das am Ende? Die Pendler natürlich, wie immer."),
        ("Nachtfalke", "Die Opposition hat recht, die Finanzierung ist ein Luftschloss."),
    ]
    page = "Bahnausbau: Zwei Milliarden bis 2030\nAntworten\nErgebnis 1 bis 5 von 5\n"
    for number, (name, text) in enumerate(posts, 1):
        page += f"0{number}.06.2016, 08:00\n#{number}\n{name}\nBenutzer\n"
        page += f"Registriert seit: 10/2008\nBeiträge: 1.{number}38\n{text}\n"
        page += f"Gefällt {number} Personen\nZitieren  Antworten\n"
    long_post = "\n".join(paragraph.lower() for paragraph in PARAGRAPHS)
    page += (
        "09.06.2016, 08:00\n#5\nSabine M.\nBenutzer\nRegistriert seit: 06/2004\n"
        f"Beiträge: 6.373\n{long_post}\nZitieren  Antworten\n"
    )
    assert kept(page) == ["Bahnausbau: Zwei Milliarden bis 2030"]


def test_a_mail_greeting_and_a_two_line_notice_wrapped_like_the_mail_go():
    """In a mail wrapped at one width, paragraphs too short to tell by themselves (a
    greeting over three lines, a notice over two) are judged whole as well."""
    wrapped_article = (
        "Die Landesregierung hat am Montag ein neues Budget für den Ausbau der\n"
        "Bahnstrecken vorgelegt, das bis 2030 rund zwei Milliarden Euro vorsieht.\n"
        "Der Verkehrsminister sprach von einem historischen Schritt für das Land.\n\n"
        "Die ersten Arbeiten sollen bereits im Frühjahr beginnen, wie das\n"
        "Ministerium mitteilte. Zuerst wird die Strecke zwischen Linz und Wels\n"
        "zweigleisig ausgebaut, danach folgen die Verbindungen in den Süden.\n\n"
    )
    page = (
        "Guten Morgen,\n"
        "heute im Newsletter: Neue Züge für die Westbahn, außerdem Programm\n"
        "Bahn Plus soll im Herbst starten. Eine gute Lektüre wünscht Ihnen\n"
        "Walter Nowak.\n\n"
        + wrapped_article
        + "Der Volltext dieses auf Agenturmeldungen basierenden Artikels steht aus\n"
        "rechtlichen Gründen nicht mehr zur Verfügung.\n"
    )
    assert kept(page) == [line for line in wrapped_article.splitlines() if line]


def test_a_readers_words_over_the_article_they_share_go():
    page = (
        "mastodon\nErkunden\nAnmelden\n"
        "laura_schwarz\n@laura_schwarz@det.social\n"
        "So ein Plan kam schon einmal. Unglaublich! Und dann wieder nichts....\n"
        + ARTICLE
        + "1 ↩ 3 ↻ 15 ★\n"
    )
    assert kept(page) == article_lines()


def test_speech_inside_an_article_stays():
    """Quoted speech, a question among reported sentences, "wir" in a quotation: the
    article's own lines read as a report, so nothing over them is a reader's words."""
    lead = (
        "„Wir haben lange genug gewartet!“, sagte der Minister am Montag in Linz. "
        "Wer das bezahlt? Das Land und der Bund, je zur Hälfte.\n"
    )
    page = "Anna Berger\n15. Oktober 2015, 19:13\n\n" + lead + "\n" + ARTICLE
    assert kept(page)[:2] == [lead.strip(), PARAGRAPHS[0]]


def test_a_pull_quote_wrapped_in_a_column_goes_when_the_article_says_it():
    column = (
        "Die Landesregierung hat am Montag ein neues Bud-\n"
        "get für den Ausbau der Bahnstrecken vorgelegt.\n"
        "Die Gewerkschaft begrüßte das Paket und warnte\n"
        "vor zu wenig Personal für den Betrieb der Stre-\n"
        "cken im Süden des Landes.\n"
    )
    quote = ["»Zu wenig Personal für den Betrieb", "der Strecken im Süden«"]
    page = "Bahnausbau: Zwei Milliarden bis 2030\n\n" + column + "\n" + "\n".join(quote) + "\n"
    verdicts = dict(lines_of(clean_text(page), page))
    assert [verdicts[line] for line in quote] == ["pull quote", "pull quote"]
    assert all(verdicts[line] == "keep" for line in column.splitlines())


def test_teasers_set_in_under_a_related_heading_go_whatever_they_read_like():
    items = [
        "  Nach dem 2:4 im Hinspiel kam der Titelverteidiger auch im Rückspiel nicht über …",
        "  Neue Ministerin rechnet nicht mit einer raschen Einigung",
    ]
    page = (
        PARAGRAPHS[0]
        + "\n\nMehr zum Thema:\n"
        + "\n".join(items)
        + "\n\n"
        + "\n\n".join(PARAGRAPHS[1:])
        + "\n"
    )
    verdicts = dict(lines_of(clean_text(page), page))
    assert [verdicts[item.strip()] for item in items] == ["related links", "related links"]
    assert all(verdicts[line] == "keep" for line in article_lines())


def test_furniture_of_text_browsers_portals_and_regional_sites():
    """Generic furniture in the shapes other sites print it: link numbers of a text
    browser, one-step breadcrumbs, credits after a bar, trial offers, a correspondent's
    byline under the teaser, an author box, a broadcaster's note, a player's label,
    reading controls, inline post headers, teaser cards and a most-read list."""
    page = (
        "   [14]Inland > [15]Verkehr\n"
        "Lokales > Bezirk Tulln\n"
        "Bahnausbau: Zwei Milliarden bis 2030\n"
        "Die Regierung legt ein Budget vor, die Opposition ist skeptisch und fordert einen Plan.\n"
        "Nina Bauer in Wien\n"
        "   Von [16]Florian Oberhauser\n"
        "Audio: Beitrag von Martin Kogler, 1:51 Min | mehr\n"
        "Darstellung: Normal\n"
        "1.4k\n"
        "derstandard.at/2000031234\n\n"
        + PARAGRAPHS[0]
        + "\n\nDie Strecke im Vorjahr. | APA/dpa\n\n"
        + "\n\n".join(PARAGRAPHS[1:])
        + "\n\nTP+ – Jetzt weiterlesen\n"
        "Zugang zu allen TP+ Artikeln: Die ersten 30 Tage kostenlos, danach 2,95 € pro Woche. "
        "Jederzeit kündbar.\n"
        "Jetzt 30 Tage kostenfrei testen\n\n"
        "Über dieses Thema berichtete das Morgenjournal am 26. Mai 2016 um 20:00 Uhr.\n\n"
        "Der Volltext dieses auf Agenturmeldungen basierenden Artikels steht aus\n"
        "rechtlichen Gründen nicht mehr zur Verfügung.\n\n"
        "Martina Prantner\nRedakteurin in der Politik.\nFolgen\n\n"
        "   [19]Facebook [20]Twitter [21]Mail [22]Pocket\n\n"
        "Das könnte Sie auch interessieren\n"
        "Im Stadtpark sind bisher zwölf junge Schwäne geschlüpft\n"
        "Im neuen Einkaufszentrum dürfen Angestellte ab 1. März auch sonntags arbeiten\n"
        "Im neuen Einkaufszentrum dürfen Angestellte ab 1. März auch sonntags arbeiten – eine "
        "Premiere in der Region.\n"
        "Im Hafen dürfen Frachter ab 1. Juli auch nachts und an Feiertagen …\n"
        "In der Stichwahl um das Bürgermeisteramt ist die Kandidatin der Opposition doch …\n"
        "In der Stichwahl um das Bürgermeisteramt ist die Kandidatin der Opposition doch knapp unterlegen.\n\n"
        "1 Der Bürgermeister will dort für eine neue Brücke werben\n"
        "2 Forscher vermuten, dass die Zugvögel heuer früher …\n"
        "3 Ministerium bestätigt Pläne für neue Leitsysteme\n\n"
        "Ihre Meinung\n\n"
        "Wir freuen uns über Ihre Meinung. Bitte beachten Sie unsere Netiquette.\n\n"
        "Waldi13 schrieb am 30.01.2016 um 23:15: Wieder nur Ankündigungen, sonst nichts.\n\n"
        "Gustl32 schrieb am 14.10.2015 um 22:58: Im Grunde eine gute Idee.\n"
    )
    assert kept(page) == [
        "Bahnausbau: Zwei Milliarden bis 2030",
        "Die Regierung legt ein Budget vor, die Opposition ist skeptisch und fordert einen Plan.",
        *article_lines(),
    ]


def test_a_short_last_paragraph_wrapped_after_an_ad_stays():
    column = [
        "Die Landesregierung hat am Montag ein Budget für den",
        "Ausbau der Bahnstrecken vorgelegt, das bis 2030 rund",
        "zwei Milliarden Euro vorsieht, wie sie mitteilte.",
    ]
    last = ["Im November war der Minister noch gegen den Ausbau", "gewesen, wie er sagte."]
    page = "\n".join(column) + "\n\nANZEIGE\n\n" + "\n".join(last) + "\n"
    assert kept(page) == column + last
