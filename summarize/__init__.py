"""summarize: offline translation, summaries and a cited key-facts digest of news articles.

The library API is what the CLI runs (the CLI only parses and renders)::

    import summarize
    result = summarize.summarize_files(["samples/"], to="de")
    for article in result.articles:
        for sentence in article.sentences:
            print(sentence.text, sentence.source.path, sentence.source.line)

    digest = summarize.digest(["samples/"], to="de", facts=5)
    translated = summarize.translate(["samples/002_4217d0613af48abc.txt"], to="en")

Each function takes ``executor=`` (summarize.run.local.LocalExecutor by
default, or a summarize.run.dask.DaskExecutor) and returns the dataclasses of
summarize.results; problems with single inputs are in ``result.problems``
(``result.errors``, ``result.warnings``), never raised.

Attributes are imported on first use, so ``import summarize`` stays cheap.
"""

from __future__ import annotations

from typing import Any

from ._version import __version__ as __version__

# Public name -> (module, attribute).
_API = {
    "summarize_files": ("run.commands", "summarize_files"),
    "translate_files": ("run.commands", "translate_files"),
    "translate": ("run.commands", "translate_files"),
    "digest": ("run.commands", "digest_files"),
    "digest_files": ("run.commands", "digest_files"),
    "load_articles": ("run.commands", "load_articles"),
    "summarize_articles": ("run.commands", "summarize_articles"),
    "translate_articles": ("run.commands", "translate_articles"),
    "digest_articles": ("run.commands", "digest_articles"),
    "explain_groups": ("run.commands", "explain_groups"),
    "prepare": ("run.pipeline", "prepare"),
    "make_translator": ("run.pipeline", "make_translator"),
    "Article": ("results", "Article"),
    "ArticleResult": ("results", "ArticleResult"),
    "OutputSentence": ("results", "OutputSentence"),
    "RunResult": ("results", "RunResult"),
    "DigestResult": ("results", "DigestResult"),
    "Fact": ("results", "Fact"),
    "Document": ("sources", "Document"),
    "read_documents": ("sources", "read_documents"),
    "clean_text": ("clean", "clean_text"),
    "split_sentences": ("segment", "split_sentences"),
    "Sentence": ("segment", "Sentence"),
    "SummarizeError": ("errors", "SummarizeError"),
    "Problem": ("errors", "Problem"),
}

__all__ = sorted(_API)


def __getattr__(name: str) -> Any:
    target = _API.get(name)
    if target is None:
        raise AttributeError(f"module 'summarize' has no attribute {name!r}")
    module_name, attribute = target
    import importlib

    module = importlib.import_module(f".{module_name}", __name__)
    return getattr(module, attribute)
