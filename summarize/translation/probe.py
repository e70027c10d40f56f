"""Proving a staged package translates before it replaces anything.

A package whose ``model.bin`` is random, empty or truncated, whose
``config.json`` or tokenizer is corrupt, installs fine as files and then
crashes every translation. So before a package is swapped into place, a
separate Python process loads it with the project's own translator (the
same code a run uses: CTranslate2, the package's tokenizer, decoding and
detokenization) and translates one sentence. A separate process, because a
corrupt model can crash CTranslate2 outright (a segfault would take the
installer with it) or hang; it gets ``PROBE_TIMEOUT`` seconds.

The child runs ``main(SOURCE, TARGET, TEXT, [SPM...])`` with
``ARGOS_PACKAGES_DIR`` pointing at a folder that holds only the staged
package, and prints one JSON object: ``{"ok": translation}`` or
``{"error": why}``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from .models import InvalidPackage

PROBE_TIMEOUT = 120.0  # seconds; loading a 400 MB model takes a few
# One short sentence per common source language; any text works for the others.
PROBE_SENTENCES = {
    "de": "Das ist ein kurzer Satz.",
    "en": "This is a short sentence.",
    "fr": "Ceci est une phrase courte.",
    "es": "Esta es una frase corta.",
    "it": "Questa è una frase breve.",
}
_DEFAULT_SENTENCE = "Hello, world."
# The child imports this very copy of summarize (argv[1] is the folder that
# holds it), never a ``summarize`` folder in the current directory.
_BOOT = (
    "import sys; home = sys.argv[1]; sys.path[:] = [p for p in sys.path if p]; "
    "home in sys.path or sys.path.insert(0, home); "
    "from summarize.translation.probe import main; main(sys.argv[2:])"
)


def _first_line(text: str, limit: int = 200) -> str:
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    line = lines[-1] if lines else ""
    return line if len(line) <= limit else line[: limit - 1] + "…"


def probe(folder: Path, source: str, target: str, extra_tokenizers: list[Path]) -> str:
    """Translate a sentence with the package in ``folder`` in a child process.

    ``folder`` must hold this package and nothing else that looks like one.
    Returns the translation; raises InvalidPackage saying why it failed.
    """
    text = PROBE_SENTENCES.get(source, _DEFAULT_SENTENCE)
    env = dict(os.environ)
    env["ARGOS_PACKAGES_DIR"] = str(folder)
    home = str(Path(__file__).resolve().parents[2])
    command = [sys.executable, "-c", _BOOT, home, source, target, text]
    command += [str(p) for p in extra_tokenizers]
    try:
        done = subprocess.run(
            command,
            env=env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=PROBE_TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise InvalidPackage(
            f"the model did not translate a test sentence within {PROBE_TIMEOUT:g} s"
        ) from None
    except OSError as err:
        raise InvalidPackage(f"cannot start a process to test the model: {err}") from None
    try:
        result = json.loads(done.stdout.decode("utf-8", "replace").strip().splitlines()[-1])
    except (ValueError, IndexError):
        result = None
    if isinstance(result, dict) and isinstance(result.get("ok"), str):
        return str(result["ok"])
    if isinstance(result, dict) and isinstance(result.get("error"), str):
        # Paths inside the staging folder mean nothing to the user.
        reason = _first_line(result["error"].replace(str(folder) + os.sep, ""))
    elif done.returncode < 0:
        reason = f"the test process was killed by signal {-done.returncode}"
    else:
        reason = _first_line(done.stderr.decode("utf-8", "replace")) or f"exit {done.returncode}"
    raise InvalidPackage(f"the model cannot translate ({reason})")


def _child(argv: list[str]) -> dict[str, str]:
    source, target, text, *tokenizers = argv
    try:
        import sentencepiece

        from .translator import ArgosTranslator

        for path in tokenizers:  # kept in the package but not used by the translator
            sentencepiece.SentencePieceProcessor(model_file=path)
        (translation,) = ArgosTranslator().translate([text], source, target)
    except Exception as err:  # everything is a reason to refuse the package
        return {"error": f"{type(err).__name__}: {err}"}
    if not isinstance(translation, str) or not translation.strip():
        return {"error": "a test sentence came out empty"}
    return {"ok": translation}


def main(argv: list[str]) -> None:
    print(json.dumps(_child(argv)), flush=True)
