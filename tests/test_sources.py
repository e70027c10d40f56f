"""Sources: files, folders, stdin, decoding and refusals."""

from __future__ import annotations

import io
import os

from summarize.sources import decode, read_documents


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
    (tmp_path / "c.html").write_text("Drei.")
    result = read_documents([str(tmp_path)], globs=["*.html"])
    assert [os.path.basename(d.path) for d in result.documents] == ["c.html"]


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
        real_open = open

        def refusing_open(file, *args, **kwargs):
            if str(file) == str(path):
                raise PermissionError(13, "Permission denied", str(file))
            return real_open(file, *args, **kwargs)

        monkeypatch.setattr("builtins.open", refusing_open)
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
