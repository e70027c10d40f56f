"""Decoding fidelity with the package layouts real Argos packages use.

Each variant of the copy model (tests/copyvariants.py) is installed through
the project's own install code and translated exactly; then the same package
and sentences go through argostranslate's own ``apply_packaged_translation``
(tests/argos_reference.py, in a subprocess: the test process must not import
``argostranslate.translate``), and the outputs must be equal except where we
are deliberately better (listed in README.md, "Translation"): real
underscores kept, the target prefix stripped, long sentences not cut at 256
tokens.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from summarize.translation.install import install_package_file
from summarize.translation.translator import (
    BATCH_SIZE,
    LENGTH_PENALTY,
    ArgosTranslator,
    DecodeOptions,
    _length_penalty,
    _LoadedModel,
    _max_length,
)

SENTENCES = [
    "Die neue Ära beginnt, sagt der Präsident.",
    "Das ist nicht das Jahr der Stadt.",
    "Die Datei heißt max_wert.txt und liegt im Ordner a_b.",
    "Ωmega und Ørsted kommen.",
    "„Wir sind bereit“, sagte sie – und ging.",
    "Er zahlte 1.000 € für 3 Äpfel.",
]
# The copy model copies; what changes is what each layout does to the text.
EXPECTED = {
    "unknown": SENTENCES,  # "Ä", "Ω", "Ø" are <unk> pieces: replaced from the source
    "float32": SENTENCES,
    "prefix": SENTENCES,
    "targetonly": [
        "Die neue Ära beginnt, sagt der President.",
        "Das ist not das New Year der Stadt.",
        *SENTENCES[2:],
    ],
    "bpe": [  # Moses normalization and detokenization, as Argos' BPETokenizer does
        "Die neue Ära beginnt, sagt der Präsident.",
        "Das ist nicht das Jahr der Stadt.",
        "Die Datei heißt max _ wert.txt und liegt im Ordner a _ b.",
        "Ωmega und Ørsted kommen.",
        '"Wir sind bereit", sagte sie - und ging.',
        "Er zahlte 1.000 €für 3 Äpfel.",
    ],
}
UNDERSCORES = 2  # index of the sentence with real underscores
# 300 SentencePiece pieces without clause punctuation: Argos cuts it at 256.
LONG = " ".join(f"Wort{n}" for n in range(75))


@pytest.fixture(scope="session")
def variant_files(tmp_path_factory):
    import copyvariants

    out = tmp_path_factory.mktemp("variants")
    return {name: copyvariants.build_variant_package(name, out) for name in copyvariants.VARIANTS}


def install(variant_files, name):
    return install_package_file(variant_files[name])


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_variant_translates_exactly(variant_files, name):
    install(variant_files, name)
    assert ArgosTranslator().translate(SENTENCES, "de", "en") == EXPECTED[name]


def test_unknown_variant_really_has_unknown_pieces(variant_files):
    import ctranslate2
    import sentencepiece as spm

    model = install(variant_files, "unknown")
    sp = spm.SentencePieceProcessor(model_file=str(model.tokenizer))
    assert sp.encode("neue Ära", out_type=str) == ["▁neue", "▁", "Ä", "ra"]
    assert sp.piece_to_id("Ä") == sp.unk_id()
    # What decoding without replace_unknowns gave (the bug this fixes).
    raw = ctranslate2.Translator(str(model.model_dir)).translate_batch(
        [sp.encode("neue Ära", out_type=str)]
    )[0]
    assert sp.decode(raw.hypotheses[0]) == "neue  ⁇ ra"


def test_argos_reference_is_importable_here():
    # The comparison below runs argostranslate's own pipeline; say so loudly
    # if this environment cannot (the torch-free distribution can, today).
    probe = subprocess.run(
        [sys.executable, "-c", "import argostranslate.translate"], capture_output=True, text=True
    )
    assert probe.returncode == 0, probe.stderr


def argos_translate(model_path: Path, sentences: list[str]) -> list[str]:
    script = ROOT / "tests" / "argos_reference.py"
    run = subprocess.run(
        [sys.executable, str(script), str(model_path)],
        input=json.dumps(sentences),
        capture_output=True,
        text=True,
        timeout=300,
    )
    if run.returncode == 3:
        pytest.skip(run.stderr.strip())
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_same_output_as_argos_except_where_deliberately_better(variant_files, name):
    model = install(variant_files, name)
    ours = ArgosTranslator().translate([*SENTENCES, LONG], "de", "en")
    theirs = argos_translate(model.path, [*SENTENCES, LONG])
    # Not cut at CTranslate2's default max_decoding_length of 256 (Argos is).
    assert ours[-1] == LONG
    if name != "bpe":  # Moses splits the words, far below 256 pieces each
        cut = theirs[-1].removeprefix(" en   ").strip()
        assert len(cut) < len(LONG) and LONG.startswith(cut)
    ours, theirs = ours[:-1], theirs[:-1]
    if name == "prefix":
        # Argos turns "__en__" into "  en  " before comparing it with the prefix.
        assert theirs == [" en   " + t.replace("_", " ") for t in EXPECTED[name]]
    elif name == "bpe":
        assert ours == theirs  # Moses tokenizes "_" itself, so Argos keeps it too
    else:
        # Argos maps every "_" to a space; we keep real underscores.
        assert theirs[UNDERSCORES] == ours[UNDERSCORES].replace("_", " ")
        assert "_" in ours[UNDERSCORES]
        del ours[UNDERSCORES], theirs[UNDERSCORES]
        assert ours == theirs


def test_compute_type_is_asked_for_and_keyed(variant_files):
    install(variant_files, "float32")
    default = ArgosTranslator()
    assert default.translate(SENTENCES[:1], "de", "en") == SENTENCES[:1]
    (loaded,) = default._loaded.values()
    assert loaded.translator.compute_type == "float32"  # the model's own, as Argos
    int8 = ArgosTranslator(options=DecodeOptions(compute_type="int8"))
    assert int8.translate(SENTENCES[:1], "de", "en") == SENTENCES[:1]
    (loaded,) = int8._loaded.values()
    assert loaded.translator.compute_type.startswith("int8")
    assert DecodeOptions(compute_type="int8").key() != DecodeOptions().key()


def test_decoding_limit_never_below_argos_and_grows_with_the_source():
    assert _max_length(1) == 256
    assert _max_length(200) == 410


def test_length_penalty_from_the_package_else_argos(tmp_path):
    class Package:
        path = tmp_path

    assert _length_penalty(Package()) == LENGTH_PENALTY == 0.2  # no metadata.json
    (tmp_path / "metadata.json").write_text('{"length_penalty": 0.6}')
    assert _length_penalty(Package()) == 0.6
    (tmp_path / "metadata.json").write_text('{"length_penalty": "long"}')
    assert _length_penalty(Package()) == 0.2


def test_loops_are_decoded_again_in_batches(variant_files, monkeypatch):
    install(variant_files, "float32")
    calls: list[tuple[int, bool]] = []
    submit = _LoadedModel._submit

    def counting(self, sources, options, retry=False):
        calls.append((len(sources), retry))
        return submit(self, sources, options, retry)

    monkeypatch.setattr(_LoadedModel, "_submit", counting)
    # Every first output "looks like a loop": all of them are decoded again.
    monkeypatch.setattr(
        "summarize.translation.translator._looks_degenerate", lambda output, source: True
    )
    texts = [f"Satz Nummer {n} ist kurz." for n in range(2 * BATCH_SIZE + 3)]
    assert ArgosTranslator().translate(texts, "de", "en") == texts
    retries = [size for size, retry in calls if retry]
    assert sum(retries) == len(texts)
    assert len(retries) == 3  # batches of BATCH_SIZE, not one call per sentence


def test_compute_type_option(cli, install_copy, tmp_path):
    import ctranslate2

    install_copy()
    article = tmp_path / "a.txt"
    article.write_text("Der Vertrag wurde im Juni unterzeichnet.\n", encoding="utf-8")
    result = cli("translate", article, "--compute-type", "float32", "--no-cache")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip().endswith("Der Vertrag wurde im Juni unterzeichnet.")
    supported = ctranslate2.get_supported_compute_types("cpu")
    unsupported = next(t for t in ("float16", "bfloat16", "int16", "float32") if t not in supported)
    result = cli("translate", article, "--compute-type", unsupported)
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert f"--compute-type {unsupported} is not supported on this machine" in result.stderr
