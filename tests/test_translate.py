"""Translation end to end through a real Argos package and real CTranslate2 decoding.

The copy model (tests/copymodel.py) translates every sentence into itself, so
the expected output is the input, up to SentencePiece's whitespace folding.
"""

from __future__ import annotations

import json

import pytest
from conftest import SAMPLES

from summarize import load_articles, make_translator, translate_articles
from summarize.translation import models
from summarize.translation.cache import TranslationCache
from summarize.translation.translator import ArgosTranslator, _looks_degenerate, split_long

SAMPLE = SAMPLES / "002_4217d0613af48abc.txt"


def folded(text: str) -> str:
    return " ".join(text.split())


def test_translate_json_returns_every_sentence_equal_to_its_source(cli, install_copy):
    install_copy()
    result = cli("translate", SAMPLE, "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    (doc,) = data["documents"]
    articles, _ = load_articles([str(SAMPLE)])
    expected = [s.text for s in articles[0].sentences]
    assert [s["cite"]["source_text"] for s in doc["sentences"]] == expected
    assert [s["text"] for s in doc["sentences"]] == [folded(t) for t in expected]
    text = SAMPLE.read_text(encoding="utf-8")
    for item in doc["sentences"]:
        cite = item["cite"]
        assert text[cite["start"] : cite["end"]] == cite["source_text"]


def test_second_run_is_served_from_the_cache(install_copy, tmp_path):
    install_copy()
    articles, _ = load_articles([str(SAMPLE)])
    first = make_translator(tmp_path / "cache.sqlite3")
    one = translate_articles(articles, target="en", translator=first)
    assert first.decoded == len(articles[0].sentences)
    second = make_translator(tmp_path / "cache.sqlite3")
    two = translate_articles(articles, target="en", translator=second)
    assert second.decoded == 0
    assert one == two


def test_no_cache_decodes_again(install_copy, tmp_path):
    install_copy()
    articles, _ = load_articles([str(SAMPLE)])
    make_translator(tmp_path / "c.sqlite3").translate(["Ein Satz."], "de", "en")
    again = make_translator(tmp_path / "c.sqlite3", use_cache=False)
    assert again.translate(["Ein Satz."], "de", "en") == ["Ein Satz."]
    assert again.decoded == 1


def test_summary_to_english_is_exact(cli, install_copy):
    install_copy()
    result = cli("summary", SAMPLE, "--format", "json", "-n", "3")
    assert result.exit_code == 0, result.stderr
    summary = json.loads(result.stdout)["documents"][0]["summary"]
    assert len(summary) == 3
    for item in summary:
        assert item["text"] == folded(item["cite"]["source_text"])
    lines = [item["cite"]["start"] for item in summary]
    assert lines == sorted(lines)


def test_every_sample_sentence_comes_back_in_order(install_copy):
    install_copy()
    articles, _ = load_articles([str(SAMPLES)])
    translator = make_translator(use_cache=False)
    results = translate_articles(articles, target="en", translator=translator)
    for article, result in zip(articles, results):
        assert [s.source for s in result.sentences] == list(article.sentences)
        assert [s.text for s in result.sentences] == [folded(s.text) for s in article.sentences]


def test_pivot_through_english(install_copy):
    install_copy("de", "en")
    install_copy("en", "fr")
    translator = make_translator(use_cache=False)
    assert translator.translate(["Der Vertrag wurde unterzeichnet."], "de", "fr") == [
        "Der Vertrag wurde unterzeichnet."
    ]
    assert [m.pair for m in models.translation_route("de", "fr")] == ["de->en", "en->fr"]


def test_same_language_needs_no_model(cli):
    result = cli("summary", SAMPLE, "--to", "de", "--format", "json")
    assert result.exit_code == 0, result.stderr
    item = json.loads(result.stdout)["documents"][0]["summary"][0]
    assert item["text"] == item["cite"]["source_text"]


def test_missing_model_exits_3_with_the_install_hint(cli):
    result = cli("summary", str(SAMPLES))
    assert result.exit_code == 3
    assert result.stdout == ""
    assert "no translation model for de->en" in result.stderr
    assert "summarize models install de en" in result.stderr
    assert "summarize models install PATH.argosmodel" in result.stderr
    assert "Traceback" not in result.stderr


def test_long_sentences_are_split_not_truncated(install_copy, monkeypatch):
    install_copy()
    monkeypatch.setattr("summarize.translation.translator.MAX_SOURCE_TOKENS", 12)
    translator = make_translator(use_cache=False)
    text = (
        "Der Vertrag, den beide Staaten im Juni unterzeichnet haben, verpflichtet sie "
        "zu gegenseitigem Beistand, wenn einer von ihnen angegriffen wird, und vertieft "
        "die Zusammenarbeit in Politik, Handel, Kultur und Wissenschaft."
    )
    assert translator.translate([text], "de", "en") == [text]


def test_split_long_prefers_clauses():
    count = lambda s: len(s.split())  # noqa: E731
    text = "eins zwei drei, vier fünf sechs, sieben acht neun zehn"
    assert split_long(text, count, limit=4) == [
        "eins zwei drei,",
        "vier fünf sechs,",
        "sieben acht neun zehn",
    ]
    assert " ".join(split_long("a " * 30, count, limit=7)).split() == ["a"] * 30


def test_degenerate_repetition_is_detected():
    source = ["▁Das", "▁ist", "▁gut", "."]
    assert _looks_degenerate(["▁ja"] * 12, source)
    assert not _looks_degenerate(["▁Das", "▁ist", "▁gut", "."], source)


def test_cache_key_includes_beam(install_copy, tmp_path):
    install_copy()
    cache = tmp_path / "c.sqlite3"
    make_translator(cache, beam_size=4).translate(["Ein Satz."], "de", "en")
    other = make_translator(cache, beam_size=1)
    other.translate(["Ein Satz."], "de", "en")
    assert other.decoded == 1
    assert TranslationCache(cache).info()["entries"] == 2


def test_translator_interface_is_the_one_fakes_implement(fake_translator):
    for name in ("check", "translate"):
        assert callable(getattr(ArgosTranslator, name))
        assert callable(getattr(fake_translator, name))


@pytest.mark.parametrize("fmt", ["text", "md", "jsonl"])
def test_translate_formats(cli, install_copy, fmt):
    install_copy()
    result = cli("translate", SAMPLE, "--format", fmt)
    assert result.exit_code == 0, result.stderr
    assert "Wladimir Putin" in result.stdout
