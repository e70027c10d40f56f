"""Tests of the rule-based sentence splitter (summarize.segment).

Exact-output tests pin each rule on tiny texts; the sample articles check the
rules on real input; hypothesis checks the span invariants on arbitrary text.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summarize.segment import MAX_SENTENCE_CHARS, Sentence, sentence_spans, split_sentences

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SAMPLE_FILES = sorted(SAMPLES.glob("*.txt"))


def texts(text: str, language: str = "de") -> list[str]:
    return [text[s:e] for s, e, _ in sentence_spans(text, language=language)]


def flags(text: str) -> list[tuple[str, bool]]:
    return [(text[s:e], h) for s, e, h in sentence_spans(text)]


def check_invariants(text: str, sentences: list[Sentence]) -> None:
    """Spans are exact, non-empty, stripped, ordered, non-overlapping, bounded."""
    previous_end = 0
    for i, sentence in enumerate(sentences):
        assert sentence.index == i
        assert 0 <= sentence.start < sentence.end <= len(text)
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text and sentence.text == sentence.text.strip()
        assert sentence.start >= previous_end
        assert len(sentence.text) <= MAX_SENTENCE_CHARS
        assert isinstance(sentence.heading, bool)
        if "\r" not in text:
            assert sentence.line == text.count("\n", 0, sentence.start) + 1
        previous_end = sentence.end


def check_no_text_lost(text: str, spans: list[tuple[int, int, bool]]) -> None:
    """Characters outside every sentence are whitespace or a list marker at the
    start of a line (at most a few characters, e.g. "•", "12.", "(iv)")."""
    covered = bytearray(len(text))
    for s, e, _ in spans:
        covered[s:e] = b"\x01" * (e - s)
    for line in _lines_with_offsets(text):
        start, body = line
        lost = [i for i, ch in enumerate(body) if not ch.isspace() and not covered[start + i]]
        if not lost:
            continue
        # Lost characters must form the line's leading marker.
        first = len(body) - len(body.lstrip())
        assert lost[0] == first, (body, lost)
        assert lost[-1] - first < 6, (body, lost)
        assert all(not covered[start + i] for i in range(first, lost[-1] + 1))


def _lines_with_offsets(text: str) -> list[tuple[int, str]]:
    out = []
    pos = 0
    for raw in text.splitlines(True):
        out.append((pos, raw))
        pos += len(raw)
    return out


# ---------------------------------------------------------------------------
# Terminal punctuation
# ---------------------------------------------------------------------------


def test_basic_terminal_punctuation() -> None:
    assert texts("Das ist gut. Und das auch! Wirklich? Ja?! Na gut... Ende…") == [
        "Das ist gut.",
        "Und das auch!",
        "Wirklich?",
        "Ja?!",
        "Na gut...",
        "Ende…",
    ]


def test_no_split_before_lowercase() -> None:
    assert texts("Er kam um 5 Uhr. und ging wieder. Dann schlief er.") == [
        "Er kam um 5 Uhr. und ging wieder.",
        "Dann schlief er.",
    ]


def test_split_before_digit_quote_and_bracket() -> None:
    assert texts("Das war 2023. 2024 wird besser. „Gut“, sagt er. (Siehe oben.) Ende.") == [
        "Das war 2023.",
        "2024 wird besser.",
        "„Gut“, sagt er.",
        "(Siehe oben.)",
        "Ende.",
    ]


def test_glued_question_mark_splits() -> None:
    assert texts("Was wären die Folgen?Der russische Präsident schweigt.") == [
        "Was wären die Folgen?",
        "Der russische Präsident schweigt.",
    ]


def test_glued_full_stop_after_lowercase_word_splits_after_quote() -> None:
    text = "Sie bleibt unberührt.“Russlands Präsident schweigt."
    assert texts(text) == ["Sie bleibt unberührt.“", "Russlands Präsident schweigt."]


@pytest.mark.parametrize(
    "text",
    [
        "Siehe zeit.de und Freepik.com für mehr.",
        "Schreiben Sie an max.Mustermann@example.com für mehr.",
        "Die U.S.A. sind groß.",
        "Der Wert stieg um 2.5 Prozent auf 1.000 Einheiten.",
        "Das Video https://youtu.be/kjMeH30_YT8?si=Abc und https://x.de/a?Query=1 hier.",
        "Er nutzt Node.Js und iOS.App auf dem Mac.",
        "Er sagte: Ab.Cd ist ein Name.",
    ],
)
def test_glued_text_that_is_not_a_boundary(text: str) -> None:
    assert texts(text) == [text]


# ---------------------------------------------------------------------------
# Numbers, dates, ordinals
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Am 13. September 2024 fand ein Treffen statt.",
        "Er kam am 3. Oktober und am 1. Jan. 2025 wieder.",
        "Am 14.11.2024 um 08:50 Uhr begann es.",
        "Der 1. FC Köln spielte im 20. Jahrhundert in der 2. Liga.",
        "Es ist die 3. größte Stadt.",
        "Das Treffen am 14.11. Berlin war kurz.",
        "Zum 75. Jahrestag kamen 1.000 Gäste.",
    ],
)
def test_ordinals_and_dates_do_not_split(text: str) -> None:
    assert texts(text) == [text]


def test_number_then_sentence_starter_splits() -> None:
    assert texts("Die Zahl stieg auf 12. Die Regierung reagierte.") == [
        "Die Zahl stieg auf 12.",
        "Die Regierung reagierte.",
    ]
    assert texts("Das war im Jahr 2024. Danach kam 2025. Ende.") == [
        "Das war im Jahr 2024.",
        "Danach kam 2025.",
        "Ende.",
    ]
    assert texts("Er zählte bis 3. „Los!“, rief er.") == ["Er zählte bis 3.", "„Los!“, rief er."]


# ---------------------------------------------------------------------------
# Abbreviations and initials
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Das gilt z. B. für Obst und z.B. für Gemüse.",
        "Es kamen u. a. Ärzte, u.a. Lehrer, d. h. viele Menschen.",
        "Er traf Prof. Dr. Müller und Dr. Meier.",
        "Die Kosten bzw. Ausgaben lagen bei ca. 5 Mio. Euro bzw. 2 Mrd. Dollar.",
        "Sie wohnt in der Hauptstr. 5 in St. Gallen.",
        "Siehe Nr. 5 und Art. 3 GG sowie vgl. Abs. 2.",
        "Das Gebäude stammt aus dem 19. Jh. und ist alt.",
        "Robert F. Kennedy Jr. traf J. R. R. Tolkien.",
        "Mr. Smith and Mrs. Jones met Gen. Miller, e.g. in Washington.",
        "Apple Inc. und Müller & Co. KG sind Firmen.",
        "Die Dipl.-Ing. Schmidt sprach.",
        "Es gibt ggf. bzw. evtl. inkl. sog. Zusatzkosten.",
    ],
)
def test_abbreviations_do_not_split(text: str) -> None:
    assert texts(text) == [text]


def test_enumeration_enders_split() -> None:
    assert texts("Äpfel, Birnen usw. Dann kam der Winter.") == [
        "Äpfel, Birnen usw.",
        "Dann kam der Winter.",
    ]
    assert texts("apples, pears etc. The end.", language="en") == [
        "apples, pears etc.",
        "The end.",
    ]


def test_word_that_looks_like_a_number_abbreviation() -> None:
    # "Art." before a digit is an abbreviation, before a capital a word.
    assert texts("Das ist eine neue Art. Die Forscher staunen.") == [
        "Das ist eine neue Art.",
        "Die Forscher staunen.",
    ]


# ---------------------------------------------------------------------------
# Quotes and ellipses
# ---------------------------------------------------------------------------


def test_sentence_ending_inside_quote_ends_after_closing_quote() -> None:
    assert texts("Er sagte: „Das ist gut.“ Dann ging er.") == [
        "Er sagte: „Das ist gut.“",
        "Dann ging er.",
    ]
    assert texts("Sie rief »Halt!« Niemand hörte.") == ["Sie rief »Halt!«", "Niemand hörte."]
    assert texts('He said "Stop." Nobody listened.', language="en") == [
        'He said "Stop."',
        "Nobody listened.",
    ]
    assert texts("He said “Hello.” Then he left.", language="en") == [
        "He said “Hello.”",
        "Then he left.",
    ]


def test_quote_with_lowercase_continuation_is_not_split() -> None:
    for text in (
        "„Das ist gut“, sagte er.",
        "„Ist das gut?“, fragte er.",
        "„Kommst du?“ fragte er leise.",
        "„Nein!“, rief sie und ging.",
    ):
        assert texts(text) == [text]


def test_consecutive_quotes_split() -> None:
    assert texts("„Ja.“ „Nein.“ „Doch!“") == ["„Ja.“", "„Nein.“", "„Doch!“"]


def test_ellipsis() -> None:
    assert texts("Er wartete … und wartete... und ging. Dann kam er… Der Zug fuhr.") == [
        "Er wartete … und wartete... und ging.",
        "Dann kam er…",
        "Der Zug fuhr.",
    ]
    # A detached or bracketed ellipsis marks an omission, not an end.
    assert texts("Er sagte [...] Die Regierung handelt.") == [
        "Er sagte [...] Die Regierung handelt."
    ]


# ---------------------------------------------------------------------------
# Line breaks
# ---------------------------------------------------------------------------


def test_blank_line_is_a_boundary() -> None:
    assert flags("Absatz eins ohne Punkt\n\nabsatz zwei\n \t \nDrei.") == [
        ("Absatz eins ohne Punkt", True),
        ("absatz zwei", True),
        ("Drei.", False),
    ]


def test_line_ending_in_terminal_punctuation_is_a_boundary() -> None:
    assert texts("Woher kommt das?\nevtl. hilft Nachdenken.\nEr kam.\nsie auch.") == [
        "Woher kommt das?",
        "evtl. hilft Nachdenken.",
        "Er kam.",
        "sie auch.",
    ]


def test_line_ending_in_abbreviation_or_ordinal_joins() -> None:
    assert texts("Er traf Robert F.\nKennedy am 3.\nOktober in Berlin.") == [
        "Er traf Robert F.\nKennedy am 3.\nOktober in Berlin."
    ]


def test_heading_lines() -> None:
    text = (
        "Russlands neue Beziehung zu Nordkorea verändert die Welt\n"
        "Als die Welt erfuhr, was geschah, läuteten die Alarmglocken.\n"
        "Von\nJane Park\n4 Minuten Lesezeit"
    )
    assert flags(text) == [
        ("Russlands neue Beziehung zu Nordkorea verändert die Welt", True),
        ("Als die Welt erfuhr, was geschah, läuteten die Alarmglocken.", False),
        ("Von", True),
        ("Jane Park", True),
        ("4 Minuten Lesezeit", True),
    ]


def test_heading_ending_lowercase_before_sentence_starter() -> None:
    text = "Wie Nordkorea von Russlands Krieg profitiert\nDer Krieg ist für Pjöngjang ein Geschäft."
    assert texts(text) == [
        "Wie Nordkorea von Russlands Krieg profitiert",
        "Der Krieg ist für Pjöngjang ein Geschäft.",
    ]


def test_colon_at_line_end_is_a_boundary() -> None:
    assert flags("Beide Länder wollen mehr Zusammenarbeit:\nIn der Wirtschaft.") == [
        ("Beide Länder wollen mehr Zusammenarbeit:", True),
        ("In der Wirtschaft.", False),
    ]


def test_continuation_characters_join_lines() -> None:
    assert texts("Erstens,\nZweitens und Nord-\nKorea sowie (\nUSA) und „\nChina“.") == [
        "Erstens,\nZweitens und Nord-\nKorea sowie (\nUSA) und „\nChina“."
    ]


def test_hard_wrapped_lines_are_joined() -> None:
    text = (
        "  2. Putin hat aber auch gezeigt, dass es sich nicht dauerhaft von\n"
        "    China unter Druck setzen wird.\n"
        "\n"
        "    So werden die Erpressungsversuche Chinas, billige Energie von\n"
        "    Russland zu fordern, abgeschwächt."
    )
    assert texts(text) == [
        "Putin hat aber auch gezeigt, dass es sich nicht dauerhaft von\n"
        "    China unter Druck setzen wird.",
        "So werden die Erpressungsversuche Chinas, billige Energie von\n"
        "    Russland zu fordern, abgeschwächt.",
    ]


def test_hard_wrapped_block_joins_after_nouns() -> None:
    text = (
        "Hallo zusammen, ich habe gestern lange mit meinem Nachbarn Klaus\n"
        "ueber die neue Regierung gesprochen und wir waren uns einig, dass\n"
        "die billige Energie aus dem Osten wohl bald Geschichte sein wird und\n"
        "Russland seine Kunden verliert. Das wird teuer.\n"
        "Viele Gruesse\n"
        "Peter"
    )
    got = texts(text)
    assert got[0].startswith("Hallo zusammen") and got[0].endswith("Kunden verliert.")
    assert got[1:] == ["Das wird teuer.", "Viele Gruesse", "Peter"]


def test_hard_wrapped_dash_and_quote_continue_the_sentence() -> None:
    text = (
        "Ich zumindest bin deswegen hier, Meinungen zur Geopolitik hol ich mir\n"
        "– sofern benötigt – in einer anderen Bubble. Schau dir „Der Deal, der\n"
        "alles verändert?“\nauf YouTube an."
    )
    assert texts(text) == [
        "Ich zumindest bin deswegen hier, Meinungen zur Geopolitik hol ich mir\n"
        "– sofern benötigt – in einer anderen Bubble.",
        "Schau dir „Der Deal, der\nalles verändert?“\nauf YouTube an.",
    ]
    # After a short line or a list item the dash is a list marker.
    assert texts(
        "Wir fordern\n– mehr Geld\n– weniger Arbeit und viel mehr Urlaub für uns\n– Ruhe"
    ) == [
        "Wir fordern",
        "mehr Geld",
        "weniger Arbeit und viel mehr Urlaub für uns",
        "Ruhe",
    ]


def test_sentence_starter_words_depend_on_language() -> None:
    text = "Das sagte die Expertin Natalia Matiaszczyk am Montag gegenüber\nThe Kyiv Independent."
    assert texts(text) == [text]
    text = "How North Korea profits from the war in Ukraine and beyond\nThe war is a business."
    assert texts(text, language="en") == [
        "How North Korea profits from the war in Ukraine and beyond",
        "The war is a business.",
    ]


def test_vertical_bar_at_line_end_continues() -> None:
    text = "Russland und Vietnam beschließen engere Zusammenarbeit |\nZEIT ONLINE"
    assert texts(text) == [text]


def test_short_lines_are_separate() -> None:
    assert texts("Kostenlose Beratung\n07930-2699\n150.000\nKunden\n14.11.2024\n08:50 Uhr") == [
        "Kostenlose Beratung",
        "07930-2699",
        "150.000",
        "Kunden",
        "14.11.2024",
        "08:50 Uhr",
    ]


def test_crlf_and_cr_line_endings() -> None:
    text = "Eins.\r\nZwei ohne Punkt\r\n\r\nDrei.\rVier."
    assert texts(text) == ["Eins.", "Zwei ohne Punkt", "Drei.", "Vier."]
    sentences = split_sentences("doc", text)
    assert [s.line for s in sentences] == [1, 2, 4, 5]


# ---------------------------------------------------------------------------
# List markers and the heading flag
# ---------------------------------------------------------------------------


def test_list_markers_are_stripped_and_start_sentences() -> None:
    text = (
        "Beide Länder wollen:\n"
        "  • Kernenergie und Austausch\n"
        "  • Handel.\n"
        "- Militär\n"
        "* Kultur\n"
        "1. Erster Punkt\n"
        "2) Zweiter Punkt\n"
        "(3) Dritter Punkt\n"
        "a) Punkt a\n"
        "–  Gedankenstrich"
    )
    assert flags(text) == [
        ("Beide Länder wollen:", True),
        ("Kernenergie und Austausch", True),
        ("Handel.", False),
        ("Militär", True),
        ("Kultur", True),
        ("Erster Punkt", True),
        ("Zweiter Punkt", True),
        ("Dritter Punkt", True),
        ("Punkt a", True),
        ("Gedankenstrich", True),
    ]


def test_bullet_after_sentence_line_starts_new_sentence() -> None:
    assert texts("Es gilt Folgendes\n• erstens\n• zweitens") == [
        "Es gilt Folgendes",
        "erstens",
        "zweitens",
    ]


def test_wrapped_bullet_continues_on_lowercase_line() -> None:
    assert texts("- Ein Punkt, der lang ist und\n  umgebrochen wurde.\n- Zweiter.") == [
        "Ein Punkt, der lang ist und\n  umgebrochen wurde.",
        "Zweiter.",
    ]


def test_not_list_markers() -> None:
    # A day of month at the line start, a negative number, a lone dash.
    assert texts("13. September 2024 war ein Freitag.\n-5 Grad.\n-") == [
        "13. September 2024 war ein Freitag.",
        "-5 Grad.",
        "-",
    ]


def test_bullet_only_line_is_dropped() -> None:
    assert texts("Text eins.\n•\nText zwei.") == ["Text eins.", "Text zwei."]


def test_heading_flag_ignores_closing_quotes() -> None:
    assert flags('China "not amused"\n„Gut.“\n(Ende)') == [
        ('China "not amused"', True),
        ("„Gut.“", False),
        ("(Ende)", True),
    ]


# ---------------------------------------------------------------------------
# Long runs, odd input
# ---------------------------------------------------------------------------


def test_long_run_without_punctuation_is_chunked_at_whitespace() -> None:
    text = "wort " * 2000 + "Ende."
    spans = sentence_spans(text)
    assert len(spans) == 11
    assert all(e - s <= MAX_SENTENCE_CHARS for s, e, _ in spans)
    assert all(text[s:e] == " ".join(["wort"] * 200) for s, e, _ in spans[:-1])
    assert text[spans[-1][0] : spans[-1][1]] == "Ende."
    assert not any(h for _, _, h in spans)
    check_no_text_lost(text, spans)


def test_long_run_without_whitespace_is_hard_cut() -> None:
    text = "x" * 10_000
    spans = sentence_spans(text)
    assert [(s, e) for s, e, _ in spans] == [(i, i + 1000) for i in range(0, 10_000, 1000)]


@pytest.mark.parametrize(
    "text",
    ["." * 20_000, "a." * 10_000, "A. " * 10_000, "„" * 10_000 + ".", ".“" * 10_000, "\n" * 20_000],
)
def test_pathological_input_returns(text: str) -> None:
    spans = sentence_spans(text)
    check_invariants(text, split_sentences("p", text))
    assert all(e - s <= MAX_SENTENCE_CHARS for s, e, _ in spans)


def test_empty_and_whitespace() -> None:
    assert sentence_spans("") == []
    assert sentence_spans(" \n\t\r\n ") == []
    assert split_sentences("p", "") == []


def test_control_characters_and_unicode() -> None:
    text = "Null\x00Byte. Zweiter\x1cSatz!\u2028Dritter\x85Satz? 🙂 Ende"
    check_invariants(text, split_sentences("p", text))
    assert texts(text)[0] == "Null\x00Byte."


# ---------------------------------------------------------------------------
# Offsets, line numbers, regions
# ---------------------------------------------------------------------------


def test_exact_offsets_and_lines() -> None:
    text = "Titel\n\nErster Satz. Zweiter Satz!\n  • Punkt eins\n"
    sentences = split_sentences("a.txt", text)
    assert [(s.text, s.start, s.end, s.line, s.heading) for s in sentences] == [
        ("Titel", 0, 5, 1, True),
        ("Erster Satz.", 7, 19, 3, False),
        ("Zweiter Satz!", 20, 33, 3, False),
        ("Punkt eins", 38, 48, 4, True),
    ]
    assert all(s.path == "a.txt" for s in sentences)
    assert [s.index for s in sentences] == [0, 1, 2, 3]


def test_sentence_spans_of_a_slice_use_document_offsets() -> None:
    text = "Vorher. Mitte eins. Mitte zwei. Nachher."
    start = text.index("Mitte")
    end = text.index(" Nachher")
    assert sentence_spans(text, start, end) == [(8, 19, False), (20, 31, False)]


def test_regions_are_hard_boundaries() -> None:
    text = "Erster Teil ohne Ende und weiter. Zweiter Satz.\nDritter Satz."
    cut = text.index("und")
    sentences = split_sentences("d", text, [(cut, len(text)), (0, cut)])
    assert [s.text for s in sentences] == [
        "Erster Teil ohne Ende",
        "und weiter.",
        "Zweiter Satz.",
        "Dritter Satz.",
    ]
    assert [s.line for s in sentences] == [1, 1, 1, 2]
    assert [s.index for s in sentences] == [0, 1, 2, 3]


def test_whole_text_when_regions_is_none() -> None:
    text = "Eins.\n\nZwei."
    assert split_sentences("d", text) == split_sentences("d", text, [(0, len(text))])


# ---------------------------------------------------------------------------
# Sample articles
# ---------------------------------------------------------------------------


def _sample(name: str) -> str:
    return (SAMPLES / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.name)
def test_samples_invariants(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    sentences = split_sentences(str(path), text)
    assert sentences
    check_invariants(text, sentences)
    check_no_text_lost(text, sentence_spans(text))


def test_sample_date_sentence_is_one_sentence() -> None:
    text = _sample("000_92c960c7d59f26ef.txt")
    found = [s for s in texts(text) if s.startswith("Am 13. September 2024 fand in Pjöngjang")]
    assert len(found) == 1
    assert found[0].endswith("besiegelten.")


def test_sample_thousands_separator_not_split() -> None:
    text = _sample("001_344a44f0177a6d3e.txt")
    found = [s for s in texts(text) if "mehr als 1.000 Container" in s]
    assert len(found) == 1
    assert found[0].startswith("Der Pressesprecher") and found[0].endswith("zu unterstützen.")


def test_sample_headings_and_paragraph_sentences() -> None:
    text = _sample("002_4217d0613af48abc.txt")
    result = flags(text)
    assert ("Stärkung der Beziehungen inmitten westlicher Spannungen", True) in result
    assert (
        "Kim Jong Un betonte: „Dieses Abkommen ist unser bisher stärkster Vertrag, der unsere "
        "Beziehungen auf die Ebene eines Bündnisses stellt.“",
        False,
    ) in result
    # Glued onto the next sentence, the question mark of the last line of sample 001
    # still ends the sentence.
    last = _sample("001_344a44f0177a6d3e.txt").rstrip().rsplit("\n", 1)[1]
    assert last.endswith("Folgen?")
    assert texts(last + "Der russische Präsident schweigt.") == [
        last,
        "Der russische Präsident schweigt.",
    ]


def test_sample_comments() -> None:
    text = _sample("003_7eca0d19c0b20104.txt")
    got = texts(text)
    assert (
        "Putin hat aber auch gezeigt, dass es sich nicht dauerhaft von\n"
        "    China unter Druck setzen wird."
    ) in got
    assert "Die U.S.A. sind der Retter der Wereld." in got
    assert (
        "evtl. hilft auch selber Nachdenken um Zusammenhänge mit den Finanzmärkten "
        "erkennen zu können."
    ) in got
    assert "@Andrea" in got and "Viele Grüße aus Andalusien" in got and "Helmut" in got
    url = "https://www.zeit.de/politik/8ausland/2024-06/"
    assert url + "russland-vietnam-zusammenarbeit-wladimir-putin-usa" in got
    assert "Foto: shijil619 - Freepik.com" in got


def test_sample_bullets_and_final_quote() -> None:
    text = _sample("004_e5fd99b93ca3998c.txt")
    result = flags(text)
    for item in ("Kernenergie und technologischer Austausch", "Militärische Kooperation"):
        assert (item, True) in result
    assert result[-1][0].endswith("im Falle des Widerrufs unberührt.“")
    assert result[-1][1] is False


# ---------------------------------------------------------------------------
# Properties
# ---------------------------------------------------------------------------

_ANY_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300)
_STRUCTURAL = st.text(alphabet=st.sampled_from(list('aAä .!?…\n\r\t„“"»«()[]•-1:,’')), max_size=200)

_TOKENS = [
    "Der", "russische", "Präsident", "Putin", "sagte", "unberührt", "Kim", "Jong-un", "und",
    "die", "Folgen", "iPhone", "USA", ".", ".", ".", "!", "?", "?!", "…", "...", ",", ";", ":",
    "z. B.", "z.B.", "Dr.", "Prof.", "usw.", "etc.", "U.S.A.", "Nr.", "ca.", "Mio.", "F.",
    "13.", "3.", "2024", "2024.", "1.000", "14.11.2024", "2.5", "September", "Oktober",
    "„", "“", "»", "«", '"', "(", ")", "•", "- ", "1. ", "a) ", "zeit.de", "max@example.com",
    "https://x.de/a?B=c", "Die", "Es",
]  # fmt: skip
_SEPARATORS = [" ", " ", " ", "", "\n", "\n\n", "  \n", "\n    ", "\t"]
_GERMAN_LIKE = st.lists(
    st.tuples(st.sampled_from(_TOKENS), st.sampled_from(_SEPARATORS)), max_size=80
).map(lambda parts: "".join(token + sep for token, sep in parts))

_SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_SETTINGS
@given(st.one_of(_ANY_TEXT, _STRUCTURAL, _GERMAN_LIKE))
def test_property_invariants(text: str) -> None:
    sentences = split_sentences("p", text)
    check_invariants(text, sentences)
    assert [(s.start, s.end, s.heading) for s in sentences] == sentence_spans(text)
    check_no_text_lost(text, sentence_spans(text))


@_SETTINGS
@given(_GERMAN_LIKE, st.sampled_from(["de", "en"]))
def test_property_invariants_german_like(text: str, language: str) -> None:
    check_invariants(text, split_sentences("p", text, language=language))


@_SETTINGS
@given(st.one_of(_GERMAN_LIKE, _STRUCTURAL), st.lists(st.integers(0, 1000), max_size=6))
def test_property_regions_are_respected(text: str, cuts: list[int]) -> None:
    points = sorted({0, len(text), *(c % (len(text) + 1) for c in cuts)})
    # Every other gap between cut points is a region; the rest is left out.
    regions = [
        (a, b) for i, (a, b) in enumerate(zip(points, points[1:], strict=False)) if i % 2 == 0
    ]
    sentences = split_sentences("p", text, regions)
    check_invariants(text, sentences)
    for sentence in sentences:
        assert any(a <= sentence.start and sentence.end <= b for a, b in regions)
