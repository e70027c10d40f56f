"""summarize: offline translation, summaries and a cited key-facts digest of news articles.

The library API (the CLI is a thin layer over it)::

    import summarize
    result = summarize.summarize_files(["samples/"], to="de")
    for article in result.articles:
        for sentence in article.sentences:
            print(sentence.text, sentence.source.path, sentence.source.line)

Attributes are imported on first use, so ``import summarize`` stays cheap.
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"

_API = {
    "summarize_files": "pipeline",
    "translate_files": "pipeline",
    "translate": ("pipeline", "translate_files"),
    "digest": ("pipeline", "digest_files"),
    "digest_files": "pipeline",
    "load_articles": "pipeline",
    "prepare": "pipeline",
    "make_translator": "pipeline",
    "Article": "pipeline",
    "ArticleResult": "pipeline",
    "OutputSentence": "pipeline",
    "RunResult": "pipeline",
    "Document": "sources",
    "read_documents": "sources",
    "clean_text": "clean",
    "split_sentences": "segment",
    "Sentence": "segment",
    "SummarizeError": "errors",
}

__all__ = sorted(_API)


def __getattr__(name: str) -> Any:
    target = _API.get(name)
    if target is None:
        raise AttributeError(f"module 'summarize' has no attribute {name!r}")
    module_name, attribute = target if isinstance(target, tuple) else (target, name)
    import importlib

    module = importlib.import_module(f".{module_name}", __name__)
    return getattr(module, attribute)
