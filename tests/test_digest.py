"""The key-facts digest: grouping across articles, ranking, citations."""

from __future__ import annotations

import json

from conftest import SAMPLES
from hypothesis import given, settings
from hypothesis import strategies as st

from summarize import digest_articles, load_articles, prepare
from summarize.run.commands import select_facts
from summarize.select.digest import MAX_CANDIDATES, fact_candidates, vectorize
from summarize.select.grouping import BLOCK_LIMIT, GROUP_THRESHOLD, related
from summarize.sources import Document


def articles_from(texts: dict[str, str]):
    return [prepare(Document(path, text), "de") for path, text in texts.items()]


TINY = {
    "a.txt": (
        "Russland und Nordkorea haben am Mittwoch in Pjöngjang einen Beistandspakt unterzeichnet.\n\n"
        "Der Zoo von Berlin meldet die Geburt von zwei kleinen Pandabären im Gehege.\n"
    ),
    "b.txt": (
        "In Pjöngjang unterzeichneten Russland und Nordkorea am Mittwoch einen Beistandspakt.\n\n"
        "Die Preise für Heizöl sind im Oktober nach Angaben der Händler deutlich gestiegen.\n"
    ),
    "c.txt": (
        "Der am Mittwoch unterzeichnete Beistandspakt zwischen Russland und Nordkorea gilt unbefristet.\n\n"
        "Ein Sturm hat in der Nacht zahlreiche Bäume in Hamburg entwurzelt und Dächer beschädigt.\n"
    ),
}


def test_the_fact_three_files_state_ranks_first_and_cites_all():
    groups, candidates = select_facts(articles_from(TINY), 3)
    top = groups[0]
    assert top.support == 3
    assert sorted({candidates[i].sentence.path for i in top.members}) == ["a.txt", "b.txt", "c.txt"]
    assert all(g.support == 1 for g in groups[1:])


def test_unrelated_sentences_are_not_grouped():
    candidates = fact_candidates(articles_from(TINY))
    vectorize(candidates)
    zoo = next(c for c in candidates if "Zoo" in c.sentence.text)
    oil = next(c for c in candidates if "Heizöl" in c.sentence.text)
    assert related(zoo, oil) < GROUP_THRESHOLD


def test_repeated_headline_inside_one_article_counts_once():
    text = (
        "Russland und Nordkorea unterzeichnen in Pjöngjang einen weitreichenden Beistandspakt.\n\n"
        "Russland und Nordkorea unterzeichnen in Pjöngjang einen weitreichenden Beistandspakt.\n\n"
        "Der Zoo von Berlin meldet die Geburt von zwei kleinen Pandabären im Gehege.\n"
    )
    candidates = fact_candidates(articles_from({"a.txt": text}))
    assert sum("Beistandspakt" in c.sentence.text for c in candidates) == 1


def test_questions_and_headings_are_not_facts():
    text = "Ein neuer Kalter Krieg zwischen Ost und West?\n\nNur eine Überschrift ohne Punkt\n"
    assert fact_candidates(articles_from({"a.txt": text})) == []


def test_ties_break_deterministically():
    first = select_facts(articles_from(TINY), 6)
    second = select_facts(articles_from(dict(reversed(list(TINY.items())))), 6)
    show = lambda r: [r[1][g.representative].sentence.text for g in r[0]]  # noqa: E731
    assert show(first) == show(second)


def test_blocking_bounds_the_comparisons():
    # Many sentences sharing every term: each bucket holds at most BLOCK_LIMIT.
    corpus = {
        f"{name}.txt": "\n\n".join(
            f"Die Regierung in Berlin beschloss am Montag Paket Nummer {i} für die Bahn."
            for i in range(start, start + 100)
        )
        for name, start in (("a", 0), ("b", 100), ("c", 200))
    }
    groups, candidates = select_facts(articles_from(corpus), None)
    assert len(candidates) == 300
    assert max(len(g.members) for g in groups) <= 6 * BLOCK_LIMIT + 1


def test_a_huge_article_is_cut_to_a_bounded_pool():
    text = "\n\n".join(
        f"Die Regierung in Berlin beschloss am Montag Paket Nummer {i} für die Bahn."
        for i in range(1000)
    )
    assert len(fact_candidates(articles_from({"a.txt": text}))) == MAX_CANDIDATES


def test_digest_translates_only_the_representatives(fake_translator):
    result = digest_articles(articles_from(TINY), target="en", translator=fake_translator, facts=2)
    (call,) = fake_translator.calls
    assert call[2] == [" ".join(f.sentences[0].text.split()) for f in result.facts]
    assert result.facts[0].text.startswith("[en] ")


# --- the samples, as a new user would run them ------------------------------------


def sample_digest(cli):
    result = cli("digest", SAMPLES, "--to", "de", "--format", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_samples_top_facts_are_the_treaty_and_its_assistance_clause(cli):
    facts = sample_digest(cli)["facts"]
    assert len(facts) == 12
    top = facts[:8]
    signing = [f for f in top if "unterzeichn" in f["text"].lower()]
    assistance = [
        f for f in top if "gegenseitig" in f["text"].lower() and "aggression" in f["text"].lower()
    ]
    assert signing and assistance
    for fact in (signing[0], assistance[0]):
        assert fact["support"] >= 2
        assert len({c["path"] for c in fact["cites"]}) == fact["support"]


def test_samples_top_fifteen_hold_the_hard_single_source_news(cli):
    result = cli("digest", SAMPLES, "--to", "de", "--format", "json", "-k", "15")
    assert result.exit_code == 0, result.stderr
    texts = [f["text"] for f in json.loads(result.stdout)["facts"]]
    assert len(texts) == 15
    for news in ("seit 24 Jahren", "1.000 Container mit Munition", "ratifiziert"):
        assert any(news in text for text in texts), news


def test_samples_top_five_state_news_not_commentary(cli):
    texts = [f["text"] for f in sample_digest(cli)["facts"][:5]]
    assert len(texts) == 5
    for judgement in ("Besorgnis", "bedeutende", "symbolisiert", "Alarmglocken", "Paria"):
        assert not any(judgement in text for text in texts), judgement


def test_samples_support_counts_the_files_cited(cli):
    facts = sample_digest(cli)["facts"]
    for fact in facts:
        assert fact["support"] == len({c["path"] for c in fact["cites"]})
    # The five articles report one event: several of its facts stand in several of them.
    assert sum(fact["support"] >= 2 for fact in facts) >= 3


def test_samples_citations_hold_and_avoid_boilerplate(cli):
    data = sample_digest(cli)
    comment_start = (
        SAMPLES.joinpath("003_7eca0d19c0b20104.txt").read_text().index("Kommentare lesen")
    )
    for fact in data["facts"]:
        assert fact["text"] == fact["cites"][0]["source_text"]
        for cite in fact["cites"]:
            with open(cite["path"], encoding="utf-8", newline="") as handle:
                text = handle.read()
            assert text[cite["start"] : cite["end"]] == cite["source_text"]
            if cite["path"].endswith("003_7eca0d19c0b20104.txt"):
                assert cite["end"] < comment_start
            for banned in ("Newsletter", "E-Mail", "Kostenlose", "Lesezeit", "Kommentar"):
                assert banned not in cite["source_text"]
    assert [d["path"] for d in data["documents"]] == [str(p) for p in sorted(SAMPLES.glob("*.txt"))]


def test_samples_no_two_facts_state_the_same_thing():
    articles, _ = load_articles([str(SAMPLES)], source_language="de")
    groups, candidates = select_facts(articles, 12)
    reps = [candidates[g.representative] for g in groups]
    for i, a in enumerate(reps):
        for b in reps[i + 1 :]:
            assert related(a, b) < GROUP_THRESHOLD, (a.sentence.text, b.sentence.text)


def test_digest_markdown_is_byte_identical_across_runs(cli):
    first = cli("digest", SAMPLES, "--to", "de", "--format", "md").stdout
    second = cli("digest", SAMPLES, "--to", "de", "--format", "md").stdout
    assert first == second
    assert first.startswith("<!-- generated by summarize -->\n# Key facts\n\n1. ")
    assert "## Sources" in first


words = st.sampled_from(
    [
        "Russland",
        "Nordkorea",
        "Vertrag",
        "Beistand",
        "Pakt",
        "Munition",
        "Krieg",
        "Ukraine",
        "Putin",
        "Kim",
        "Berlin",
        "Zoo",
        "unterzeichnet",
        "liefert",
        "verpflichtet",
        "stärkt",
        "meldet",
        "wächst",
        "sinkt",
        "Mittwoch",
        "Juni",
        "1961",
        "2024",
    ]
)
sentence = st.lists(words, min_size=5, max_size=12).map(lambda w: " ".join(w) + ".")
article = st.lists(sentence, min_size=1, max_size=6).map(lambda s: "\n\n".join(s))


@settings(max_examples=40, deadline=None)
@given(st.lists(article, min_size=1, max_size=5), st.integers(1, 8))
def test_every_fact_cites_real_spans(texts, k):
    corpus = {f"doc{i}.txt": t for i, t in enumerate(texts)}
    articles = articles_from(corpus)
    groups, candidates = select_facts(articles, k)
    assert len(groups) <= k
    for group in groups:
        paths = {candidates[i].sentence.path for i in group.members}
        assert group.support == len(paths)
        for i in group.members:
            s = candidates[i].sentence
            assert corpus[s.path][s.start : s.end] == s.text
