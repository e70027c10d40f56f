"""The translation stage: Argos Translate packages decoded with CTranslate2.

* ``models``: the package store: where packages live, which are installed
  (and which folders are broken), the route (direct or through English) for
  a language pair, removal.
* ``install``: installing ``.argosmodel`` files and model folders (a
  CTranslate2 model with its SentencePiece models), each built in a staging
  folder (``staging``), checked (``archive``, ``models``), test-translated in
  a child process (``probe``) and swapped in; ``download``: the Argos package
  index and downloads.
* ``translator``: ``ArgosTranslator``, which decodes the sentences that miss
  the cache in large batches.
* ``cache``: the SQLite translation cache.

Nothing is imported here, so ``summarize --help`` and the commands that do
not translate never load ctranslate2, sentencepiece or numpy: import the
submodules themselves. (The package is ``translation``, not ``translate``:
``summarize.translate`` is a public API function, which a submodule of that
name would shadow as soon as it was imported.)
"""
