"""Sources: files, folders, stdin, decoding and refusals."""

from __future__ import annotations

import io
import os

from summarize import sources
from summarize.errors import InputError
from summarize.sources import decode, list_inputs, read_documents


def test_utf8_file(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Grüße aus Köln.\r\nZweite Zeile.", encoding="utf-8", newline="")
    result = read_documents([str(path)])
    assert result.errors == []
    (doc,) = result.documents
    assert doc.path == str(path)
    assert doc.encoding == "utf-8"
    # Newlines are not translated: offsets index the file as stored.
    assert doc.text == "Grüße aus Köln.\r\nZweite Zeile."


def test_utf8_bom_keeps_offsets(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfHallo Welt.")
    (doc,) = read_documents([str(path)]).documents
    assert doc.encoding == "utf-8-sig"
    assert doc.text == " Hallo Welt."
    with open(path, encoding="utf-8", newline="") as handle:
        as_read = handle.read()
    assert len(as_read) == len(doc.text)
    assert as_read[1:] == doc.text[1:]


def test_latin1_detected(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Die Straße führt nach Süden.".encode("latin-1"))
    result = read_documents([str(path)])
    (doc,) = result.documents
    assert doc.text == "Die Straße führt nach Süden."
    assert doc.encoding in {"cp1252", "latin-1"}


def test_cp1252_quotes(tmp_path):
    path = tmp_path / "cp.txt"
    path.write_bytes("„Gut“, sagte er – und ging.".encode("cp1252"))
    (doc,) = read_documents([str(path)]).documents
    assert doc.text == "„Gut“, sagte er – und ging."


def test_explicit_encoding(tmp_path):
    path = tmp_path / "x.txt"
    path.write_bytes("Größe".encode("utf-16-le"))
    (doc,) = read_documents([str(path)], encoding="utf-16-le").documents
    assert doc.text == "Größe"


def test_wrong_explicit_encoding_is_an_input_error(tmp_path):
    path = tmp_path / "x.txt"
    path.write_bytes(b"\xff\xfe\xfa")
    result = read_documents([str(path)], encoding="ascii")
    assert result.documents == []
    (error,) = result.errors
    assert str(error).startswith(str(path))
    assert "ascii" in str(error)


def test_mixed_encoding_is_read_with_a_warning(tmp_path):
    path = tmp_path / "mixed.txt"
    path.write_bytes("Grüße ".encode() + "und Grüße".encode("latin-1"))
    result = read_documents([str(path)])
    (doc,) = result.documents
    assert doc.text.startswith("Grüße und Gr")
    assert any("not valid UTF-8" in w for w in result.warnings)


def test_binary_refused(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    result = read_documents([str(path)])
    assert result.documents == []
    (error,) = result.errors
    assert str(path) in str(error)
    assert "binary" in str(error)


def test_utf16_with_bom_is_text(tmp_path):
    path = tmp_path / "u16.txt"
    path.write_bytes("Hallo Welt.".encode("utf-16"))
    (doc,) = read_documents([str(path)]).documents
    assert doc.text.strip() == "Hallo Welt."


def test_empty_file_warns_and_skips(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"  \n\n")
    result = read_documents([str(path)])
    assert result.documents == [] and result.errors == []
    assert result.warnings == [f"{path}: empty, skipped"]


def test_missing_path(tmp_path):
    result = read_documents([str(tmp_path / "nope.txt")])
    (error,) = result.errors
    assert str(error) == f"{tmp_path / 'nope.txt'}: no such file or folder"
    assert error.exit_code == 4


def test_folder_recursive_default_globs_sorted(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.md").write_text("Zwei.")
    (tmp_path / "a.txt").write_text("Eins.")
    (tmp_path / "c.html").write_text("<p>Nein.</p>")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("Versteckt.")
    result = read_documents([str(tmp_path)])
    assert [d.path for d in result.documents] == [
        os.path.join(str(tmp_path), "a.txt"),
        os.path.join(str(tmp_path), "b", "z.md"),
    ]


def test_folder_with_custom_glob(tmp_path):
    (tmp_path / "a.txt").write_text("Eins.")
    (tmp_path / "c.text").write_text("Drei.")
    result = read_documents([str(tmp_path)], globs=["*.text"])
    assert [os.path.basename(d.path) for d in result.documents] == ["c.text"]


def test_folder_without_matches(tmp_path):
    (tmp_path / "c.html").write_text("Drei.")
    result = read_documents([str(tmp_path)])
    (error,) = result.errors
    assert str(tmp_path) in str(error) and "--glob" in str(error)


def test_path_as_given_for_folder_with_trailing_slash(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    os.mkdir("docs")
    with open("docs/a.txt", "w") as handle:
        handle.write("Eins.")
    (doc,) = read_documents(["docs/"]).documents
    assert doc.path == "docs/a.txt"


def test_stdin_only_when_dash_given():
    stream = io.BytesIO(b"Von stdin gelesen.")
    (doc,) = read_documents(["-"], stdin=stream).documents
    assert doc.path == "-" and doc.text == "Von stdin gelesen."


def test_symlink_loop_in_folder(tmp_path):
    (tmp_path / "a.txt").write_text("Eins.")
    os.symlink(tmp_path, tmp_path / "loop")
    result = read_documents([str(tmp_path)])
    assert [os.path.basename(d.path) for d in result.documents] == ["a.txt"]


def test_unreadable_file(tmp_path, monkeypatch):
    path = tmp_path / "secret.txt"
    path.write_text("Geheim.")
    path.chmod(0)
    if os.geteuid() == 0:  # root reads any file: make open() refuse as it would for a user
        real_open = os.open

        def refusing_open(file, *args, **kwargs):
            if str(file) == str(path):
                raise PermissionError(13, "Permission denied", str(file))
            return real_open(file, *args, **kwargs)

        monkeypatch.setattr(os, "open", refusing_open)
    result = read_documents([str(path)])
    (error,) = result.errors
    assert "permission denied" in str(error)


def test_good_inputs_survive_bad_ones(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Ein guter Satz.")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01")
    result = read_documents([str(bad), str(tmp_path / "missing"), str(good)])
    assert [d.path for d in result.documents] == [str(good)]
    assert len(result.errors) == 2


def test_decode_prefers_utf8():
    assert decode("ä".encode()) == ("ä", "utf-8")


def test_own_markdown_output_is_not_read_as_an_article(tmp_path):
    (tmp_path / "a.txt").write_text("Ein Artikel.")
    (tmp_path / "DIGEST.md").write_text("<!-- generated by summarize -->\n# Key facts\n")
    result = read_documents([str(tmp_path)])
    assert [os.path.basename(d.path) for d in result.documents] == ["a.txt"]
    assert result.warnings == [
        f"{tmp_path / 'DIGEST.md'}: written by summarize, not an article; skipped"
    ]


def test_generated_names_next_to_their_article_are_skipped(tmp_path):
    (tmp_path / "a.txt").write_text("Ein Artikel.")
    (tmp_path / "a.en.txt").write_text("An article.")
    (tmp_path / "a.summary.en.md").write_text("- An article.")
    (tmp_path / "bericht.de.md").write_text("Ein eigenständiger Bericht.")
    result = read_documents([str(tmp_path)])
    names = [os.path.basename(d.path) for d in result.documents]
    assert names == ["a.txt", "bericht.de.md"]


# --- inputs that could hang or exhaust memory (issue 13, item 5) -------------------------


def test_a_fifo_in_a_folder_is_skipped_with_a_warning(tmp_path):
    (tmp_path / "a.txt").write_text("Eins zwei drei.")
    os.mkfifo(tmp_path / "pipe.txt")  # nobody ever writes: reading it would wait forever
    result = read_documents([str(tmp_path)])
    assert [os.path.basename(d.path) for d in result.documents] == ["a.txt"]
    assert result.warnings == [f"{tmp_path / 'pipe.txt'}: not a regular file (a FIFO); skipped"]
    assert result.errors == []


def test_a_link_to_dev_zero_is_skipped_with_a_warning(tmp_path):
    os.symlink("/dev/zero", tmp_path / "zero.txt")
    result = read_documents([str(tmp_path), "/dev/null"])
    assert result.documents == [] and result.errors == []
    assert result.warnings == [
        f"{tmp_path / 'zero.txt'}: not a regular file (a device); skipped",
        "/dev/null: not a regular file (a device); skipped",
    ]


def test_a_fifo_inside_an_input_folder_does_not_hang_the_cli(tmp_path):
    import subprocess
    import sys

    (tmp_path / "a.txt").write_text("Der Vertrag wurde am Mittwoch unterzeichnet.\n")
    os.mkfifo(tmp_path / "b.txt")
    proc = subprocess.run(
        [sys.executable, "-m", "summarize", "summary", str(tmp_path), "--to", "de"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert "b.txt: not a regular file (a FIFO); skipped" in proc.stderr
    assert "Vertrag" in proc.stdout


def _remove_deep(top):
    """Remove a deep tree without recursion (shutil.rmtree, and pytest's cleanup, recurse)."""
    import subprocess

    subprocess.run(["rm", "-rf", "--", str(top)], check=True)


def test_a_folder_a_thousand_levels_deep(tmp_path, cli, request):
    request.addfinalizer(lambda: _remove_deep(tmp_path / "d"))
    folder = tmp_path
    for _ in range(1_000):  # os.makedirs itself recurses
        folder = folder / "d"
        folder.mkdir()
    (folder / "deep.txt").write_text("Ganz unten.")
    result = read_documents([str(tmp_path)])
    assert [d.text for d in result.documents] == ["Ganz unten."]
    assert result.errors == []
    (folder / "deeper.txt").write_text("Der Vertrag wurde unterzeichnet.")
    run = cli("translate", tmp_path, "--to", "de", "--out-dir", tmp_path / "d" / "out")
    assert run.exit_code == 0, run.stderr
    written = os.path.join(tmp_path, "d", "out", *["d"] * 1_000, "deeper.de.txt")
    assert os.path.isfile(written)  # the output tree mirrors the input tree


def test_what_is_read_from_one_file_is_capped(tmp_path, monkeypatch):
    monkeypatch.setattr(sources, "MAX_INPUT_BYTES", 1024 * 1024)
    (tmp_path / "small.txt").write_text("Klein.")
    (tmp_path / "huge.txt").write_bytes(b"Wort " * 300_000)  # 1.5 MB
    result = read_documents([str(tmp_path)])
    assert [os.path.basename(d.path) for d in result.documents] == ["small.txt"]
    (error,) = result.errors
    assert str(error) == (
        f"{tmp_path / 'huge.txt'}: larger than 1 MiB, too large for an article; "
        "split it into several files"
    )


def test_the_run_s_own_outputs_are_not_listed(tmp_path):
    (tmp_path / "a.txt").write_text("Eins.")
    (tmp_path / "digest.txt").write_text("eine frühere Ausgabe")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "a.en.txt").write_text("an earlier translation")
    (tmp_path / "out" / "kept.txt").write_text("Ein Artikel.")
    exclude = [str(tmp_path / "digest.txt"), str(tmp_path / "out")]
    listed = [
        os.path.relpath(i.path, tmp_path) for i in list_inputs([str(tmp_path)], None, None, exclude)
    ]
    assert listed == ["a.txt", "out/kept.txt"]


# --- formats that are not text (issue 13, item 11) -------------------------------------------


def test_formats_that_are_not_text_are_named():
    for data, name in [
        (b"%PDF-1.7\n\x00\x01", "a PDF document"),
        (b"PK\x03\x04\x14\x00[Content_Types].xml word/document.xml", "a Word document (.docx)"),
        (b"  <!DOCTYPE html>\n<html><p>Hallo</p>", "HTML"),
        (b"\xef\xbb\xbf<html lang='de'>", "HTML"),
    ]:
        try:
            decode(data)
        except InputError as exc:
            assert exc.reason.startswith(f"{name} is not supported"), exc.reason
        else:
            raise AssertionError(f"{data[:10]!r} was decoded")
    # Text that merely mentions markup is still text.
    assert decode(b"Die <html>-Seite war leer.")[0] == "Die <html>-Seite war leer."
