"""Translate with argostranslate's own pipeline: the reference our decoding is compared with.

Run as a script in a separate process (``argostranslate.translate`` must never
be imported by the package or the test process)::

    python tests/argos_reference.py PACKAGE_DIR < sentences.json > translations.json

It loads the installed package folder with ``argostranslate.package.Package``
and calls ``argostranslate.translate.apply_packaged_translation`` on each
sentence exactly as Argos' ``translate()`` does (``num_hypotheses=1``, its
default CTranslate2 translator settings), with a sentencizer that keeps the
sentence whole, because the comparison is about decoding, not about sentence
splitting. Exit status 3 means ``argostranslate.translate`` cannot be imported.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


class WholeSentence:
    """The one sentencizer method apply_packaged_translation calls."""

    def split_sentences(self, text: str) -> list[str]:
        return [text]


def main() -> int:
    try:
        import ctranslate2
        from argostranslate import package, settings
        from argostranslate.translate import apply_packaged_translation
    except ImportError as err:
        print(f"argostranslate.translate cannot be imported: {err}", file=sys.stderr)
        return 3
    pkg = package.Package(Path(sys.argv[1]))
    # The same construction as argostranslate.translate.PackageTranslation.
    params = {
        "device": settings.device,
        "inter_threads": settings.inter_threads,
        "intra_threads": settings.intra_threads,
    }
    if settings.compute_type != "auto":
        params["compute_type"] = settings.compute_type
    translator = ctranslate2.Translator(str(Path(sys.argv[1]) / "model"), **params)
    sentences = json.load(sys.stdin)
    out = [
        apply_packaged_translation(pkg, s, translator, WholeSentence(), num_hypotheses=1)[0].value
        for s in sentences
    ]
    json.dump(out, sys.stdout, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
