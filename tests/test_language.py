"""Language detection: the language of a document's prose, not of its code, tables or quotes.

Every text here is invented. Each one-document case is also checked through
``prepare`` (cleaning first, then detection on the kept paragraphs), since
that is what a run does.
"""

from __future__ import annotations

import json

import pytest

from summarize import language
from summarize.language import detect_document_language, detect_language
from summarize.run.pipeline import prepare
from summarize.sources import Document

# --- invented documents -------------------------------------------------------------

_MAGIC = [
    ("ACORN", "0xadf5", "the disc format of an old desktop computer"),
    ("BEEFS", "0x42465331", "the file system of a research operating system"),
    ("BTREEFS", "0x9123683e", "a copy-on-write file system with snapshots"),
    ("CRAMPED", "0x28cd3d45", "a compressed read-only file system for small devices"),
    ("DEBUGGING", "0x64626720", "the file system that exports kernel debugging data"),
    ("EXTENT2", "0xef53", "the second version of the extended file system"),
    ("FLASHFS", "0x19800202", "a log-structured file system for raw flash chips"),
    ("HUGEPAGES", "0x958458f6", "the file system that hands out huge pages of memory"),
    ("ISO9", "0x9660", "the file system of a data CD or of an image of one"),
    ("JOURNAL2", "0x3153464a", "a journaling file system from a large vendor"),
    ("MINIX3", "0x4d5a", "the file system of a small teaching operating system"),
    ("NETFS", "0x6969", "a network file system that is mounted from a server"),
    ("PIPES", "0x50495045", "the file system behind anonymous pipes in the kernel"),
    ("PROCESS", "0x9fa0", "the file system that shows the state of each process"),
    ("RAMDISK", "0x858458f6", "a file system that keeps all of its files in memory"),
    ("SOCKETS", "0x534f434b", "the file system behind sockets that are in use"),
    ("TMPSTORE", "0x01021994", "a temporary file system in memory and in swap"),
    ("XFILES", "0x58465342", "a journaling file system for very large volumes"),
]


def _man_page() -> str:
    """A German manual page of a C function whose first 5,000 characters are mostly C."""
    magic = "\n".join(
        f"           {name + '_MAGIC':<20}{number:<12}/* {comment} */"
        for name, number, comment in _MAGIC
    )
    return (
        "DATEISTAT(2)          Linux-Programmierhandbuch          DATEISTAT(2)\n\n"
        "NAME\n"
        "       dateistat, fdateistat - Statistik eines Dateisystems ermitteln\n\n"
        "ÜBERSICHT\n"
        "       #include <sys/statfs.h>\n\n"
        "       int statfs(const char *path, struct statfs *buf);\n"
        "       int fstatfs(int fd, struct statfs *buf);\n\n"
        "BESCHREIBUNG\n"
        "       struct statfs {\n"
        "           __fsword_t f_type;    /* Type of the file system (see below) */\n"
        "           __fsword_t f_bsize;   /* The optimal size of a transfer block */\n"
        "           fsblkcnt_t f_blocks;  /* Total number of the data blocks in the file system */\n"
        "           fsblkcnt_t f_bfree;   /* Number of the free blocks in the file system */\n"
        "           fsblkcnt_t f_bavail;  /* Free blocks that are available to an unprivileged user */\n"
        "           fsfilcnt_t f_files;   /* Total number of the inodes in the file system */\n"
        "           fsfilcnt_t f_ffree;   /* Number of the free inodes in the file system */\n"
        "           fsid_t     f_fsid;    /* The identifier of the file system */\n"
        "           __fsword_t f_namelen; /* The maximum length of the file names */\n"
        "           __fsword_t f_frsize;  /* The size of a fragment (since Linux 2.6) */\n"
        "           __fsword_t f_flags;   /* The mount flags of the file system */\n"
        "           __fsword_t f_spare[4]; /* Padding bytes that are reserved for the future */\n"
        "       };\n\n"
        "       /* The magic numbers of the file systems that are known to the kernel: */\n"
        f"{magic}\n\n"
        "       Die Funktion dateistat() liefert Angaben über ein eingehängtes\n"
        "       Dateisystem. Dabei ist path der Pfad einer beliebigen Datei in diesem\n"
        "       Dateisystem, und buf zeigt auf die Struktur, in die das Ergebnis\n"
        "       geschrieben wird.\n\n"
        "       Felder, die in einem Dateisystem nicht definiert sind, werden auf null\n"
        "       gesetzt. Die Funktion fdateistat() liefert dieselben Angaben für eine\n"
        "       Datei, die bereits über den Deskriptor fd geöffnet ist.\n\n"
        "RÜCKGABEWERT\n"
        "       Bei Erfolg wird null zurückgegeben. Bei einem Fehler wird -1\n"
        "       zurückgegeben und errno gesetzt, um den Fehler anzuzeigen.\n\n"
        "FEHLER\n"
        "       EACCES Für eine Komponente des Pfades fehlt die Berechtigung zum Suchen.\n\n"
        "       ENOENT Die Datei, auf die path verweist, existiert nicht.\n\n"
        "SIEHE AUCH\n"
        "       stat(2), statvfs(3)\n"
    )


PRODUCT_LIST = """\
SCANKIT-USB(5)          Dateiformate          SCANKIT-USB(5)

NAME
       scankit-usb - Treiber für Flachbettscanner der Firma Lichtblick

UNTERSTÜTZTE GERÄTE
       Lightbox 1200 Pro with Film Adapter          USB 2.0    1200 dpi
       Lightbox 2400 Pro with Film Adapter          USB 2.0    2400 dpi
       DocuFeed One for the Home Office             USB 1.1     600 dpi
       DocuFeed Two for the Small Office            USB 2.0     600 dpi
       PhotoDesk 48 and the Slide Holder            USB 2.0    4800 dpi
       PhotoDesk 96 and the Slide Holder            USB 3.0    9600 dpi
       ScanMaster Go with Battery Pack              USB 1.1     300 dpi
       ScanMaster Go Plus with Battery Pack         USB 2.0     600 dpi
       SlimLine A4 for the Road                     USB 2.0     600 dpi
       SlimLine A3 for the Desk                     USB 3.0    1200 dpi

OPTIONEN
       --mode Color|Gray|Lineart
           legt fest, ob in Farbe, in Graustufen oder in Schwarzweiß
           gescannt wird.

       --lamp-off-time 0..60
           schaltet die Lampe nach so vielen Minuten ohne Scan ab.

       Alle Geräte der Liste wurden mit dieser Version des Treibers getestet.
"""

GERMAN_QUOTING_ENGLISH = """\
Ministerin beeindruckt Konferenz mit Rede auf Englisch

Die Ministerin hat am Dienstag in London vor dem Verband der Hafenbetreiber gesprochen. Sie hielt die Rede auf Englisch und wurde danach lange beklatscht.

"We have spent the last ten years arguing about whether the ports of the North Sea should compete or cooperate, and I think that the answer has been in front of us all along. When a ship is waiting outside one of our harbours, it is not waiting for a German or a Dutch or a British crane, it is waiting for the first crane that is free. If we share the schedules of our terminals with each other, we can cut those waiting times in half, and we can do it before the end of this year."

"That is not a dream of the future. It is a spreadsheet that our engineers have already built, and all that it needs is that the people in this room agree to fill it in."

Im Saal kam der Vorschlag gut an. Mehrere Betreiber kündigten an, sich an dem Versuch zu beteiligen.

Ob die Zusammenarbeit auch die Kosten senkt, ist noch offen. Die Ministerin will im Frühjahr eine erste Bilanz ziehen.
"""

ENGLISH_QUOTING_GERMAN = """\
Mayor's speech in Hamburg wins over a sceptical crowd

The mayor spoke on Tuesday at the opening of the new ferry terminal, and she chose to start in German before she turned to the foreign guests.

"Wir haben lange auf diesen Tag gewartet, und ich bin froh, dass die Fähren jetzt endlich wieder von hier ablegen können. Ohne die Geduld der Anwohner wäre das nicht möglich gewesen."

The terminal was closed for three years while the old pier was rebuilt. It will handle up to forty departures a day when the summer timetable starts.

Local business owners said they expect more visitors, but some residents are worried about the traffic on the narrow streets near the harbour.
"""

GERMAN_README_WITH_CODE = """\
# Zeitplaner

Dieses Werkzeug liest die Fahrpläne der Fähren und schreibt sie in eine Tabelle. Es braucht keine Verbindung zum Netz.

```python
# Read the timetable of every ferry and write it to the table.
# This is the only place where the file is opened, so the path is checked here.
for ferry in read_all(path):
    if ferry.is_late and ferry.has_passengers:
        print("the ferry is late", ferry.name)
```

Die Tabelle wird bei jedem Lauf neu geschrieben.
"""


def _prepared_language(text: str) -> str:
    return prepare(Document("doc.txt", text)).language


# --- what a document is -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (_man_page(), "de"),
        (PRODUCT_LIST, "de"),
        (GERMAN_QUOTING_ENGLISH, "de"),
        (GERMAN_README_WITH_CODE, "de"),
        (ENGLISH_QUOTING_GERMAN, "en"),
    ],
    ids=[
        "man-page",
        "product-list",
        "german-quoting-english",
        "readme-code",
        "english-quoting-german",
    ],
)
def test_the_prose_decides_the_language(text, expected):
    assert detect_language(text) == expected
    assert _prepared_language(text) == expected


def test_the_man_page_really_opens_with_mostly_english_words():
    # What made the old rule (function words of the first 5,000 characters)
    # call such a page English: without leaving out code lines it still would.
    sample = _man_page()[:5000]
    scores = dict(
        (code, hits) for hits, code in language._scores(language._WORD.findall(sample.lower()))
    )
    assert scores["en"] > 1.5 * scores["de"]


def test_a_long_quote_is_one_vote():
    # The quote has more words than the German paragraphs around it.
    quote = [p for p in GERMAN_QUOTING_ENGLISH.split("\n\n") if p.startswith('"')]
    german = [p for p in GERMAN_QUOTING_ENGLISH.split("\n\n") if p and not p.startswith('"')]
    assert sum(len(p.split()) for p in quote) > sum(len(p.split()) for p in german)
    assert detect_language("\n\n".join(quote)) == "en"


def test_furniture_in_another_language_does_not_take_a_short_article_away():
    # An English site around a German article whose body is gone: a German
    # headline and the site's English credit and standards lines. Two English
    # votes against one German is no clear evidence; three against one is.
    headline = "Die Stadt hat sich nach langer Debatte für den neuen Radweg entschieden"
    credit = "Reporting by Jane Roe; Additional reporting by John Doe in Vienna; Editing by Max Mustermann"
    standards = "Our Standards: The Example Trust Principles."
    more = "Read the rest of the story on our app and sign up for the newsletter."
    stub = "\n\n".join([headline, credit, standards])
    assert detect_language(stub) == "de"
    assert _prepared_language(stub) == "de"
    assert detect_language("\n\n".join([headline, credit, standards, more])) == "en"
    assert detect_language("\n\n".join([credit, standards])) == "en"


def test_only_code_or_nothing_keeps_the_default():
    code = "int main(void) {\n    return the_answer(a, b);\n}\n"
    assert detect_language(code) == "de"
    assert detect_language(code, default="fr") == "fr"
    assert detect_language("") == "de"
    assert detect_language("   \n\n  ") == "de"


def test_short_texts():
    assert detect_language("The cat is on the mat and it is asleep.") == "en"
    assert detect_language("Die Katze liegt auf der Matte und schläft.") == "de"
    assert detect_language("Le chat est sur le tapis et il dort.") == "fr"


def test_regions_limit_what_is_read():
    text = ENGLISH_QUOTING_GERMAN
    start = text.index('"Wir')
    end = text.index('"', start + 1) + 1
    assert detect_document_language(text, [(start, end)]) == "de"
    assert detect_document_language(text, []) == "en"  # nothing kept: the whole text


# --- the language model is loaded only when function words cannot decide -----------


def test_german_and_english_documents_do_not_load_the_language_model():
    language._identifier.cache_clear()
    for text in (_man_page(), PRODUCT_LIST, GERMAN_QUOTING_ENGLISH, ENGLISH_QUOTING_GERMAN):
        detect_language(text)
    assert language._identifier.cache_info().currsize == 0


def test_a_language_without_a_profile_goes_to_py3langid_despite_an_english_quote():
    russian = (
        "Городской совет в пятницу утвердил план строительства нового моста через реку. "
        "Работы начнутся весной и продлятся около двух лет, сообщили в администрации."
    )
    english = '"This bridge is the most important project of the decade for the city."'
    text = f"{russian}\n\n{english}\n\n{russian.replace('пятницу', 'среду')}\n"
    assert detect_language(text) == "ru"
    assert language._identifier.cache_info().currsize == 1


# --- determinism --------------------------------------------------------------------


def test_same_document_same_language_in_any_order():
    texts = [_man_page(), PRODUCT_LIST, GERMAN_QUOTING_ENGLISH, ENGLISH_QUOTING_GERMAN]
    forward = [detect_language(t) for t in texts]
    backward = [detect_language(t) for t in reversed(texts)][::-1]
    assert forward == backward == ["de", "de", "de", "en"]


# --- a run over German text dominated by code and tables ----------------------------


def test_digest_to_german_of_code_heavy_german_pages_needs_no_model(cli, tmp_path):
    (tmp_path / "dateistat.2.txt").write_text(_man_page(), encoding="utf-8")
    (tmp_path / "scankit-usb.5.txt").write_text(PRODUCT_LIST, encoding="utf-8")
    result = cli("digest", tmp_path, "--to", "de", "--format", "json")
    assert result.exit_code == 0, result.stderr
    documents = json.loads(result.stdout)["documents"]
    assert [(d["path"].rsplit("/", 1)[-1], d["language"]) for d in documents] == [
        ("dateistat.2.txt", "de"),
        ("scankit-usb.5.txt", "de"),
    ]


def test_paths_and_stray_letters_are_not_english_function_words():
    # sumy's English list holds "etc", "y" and every other letter; a Spanish
    # sentence full of paths used to score higher for English than for Spanish.
    text = (
        "El programa modifica los archivos temporales /etc/shells.tmp y /etc/shells.tmp2 "
        "para quitar las consolas de la lista, y copia el resultado a /etc/shells.\n"
    )
    assert detect_language(text) == "es"


def test_a_latin_script_language_without_a_profile_is_not_forced_into_one():
    swedish = (
        "Kommunen har beslutat att bygga en ny bro över ån vid hamnen. Arbetet börjar "
        "i vår och beräknas ta ungefär två år, enligt förvaltningen."
    )
    assert detect_language(f"{swedish}\n\n{swedish.replace('hamnen', 'torget')}\n") == "sv"
