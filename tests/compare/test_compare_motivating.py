"""The motivating case of DESIGN.md, in our own words: one interview, two outlets (a radio show, a
briefing that reads like a translation) and a short third report. Gold answers beside the articles,
in tests/fixtures/motivating/gold.json."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from storyline.analyze import analyze_article, canonical_entities
from storyline.compare import Comparison, StoryArticle, compare_story
from storyline.embed import load_static_embedder
from storyline.model import Record
from storyline.settings import Settings
from storyline.sources.files import read_inputs
from storyline.text import normalize_text
from storyline.wording import shares_most_words, word_edits

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "motivating"
GOLD = json.loads((FIXTURE / "gold.json").read_text(encoding="utf-8"))


def read_story(folder: Path) -> list[StoryArticle]:
    """Each fixture file as a StoryArticle: read as `storyline ingest` reads it, analysed, its own report."""
    articles = []
    for path in sorted(folder.glob("*.txt")):
        record = next(r for r in read_inputs([str(path)], Settings()) if isinstance(r, Record))
        text = normalize_text(record.text)
        articles.append(StoryArticle(id=path.name, source=record.source, group=path.name, text=text,
                                     published=record.published, analysis=analyze_article(text, record.published)))
    return articles


@lru_cache(maxsize=1)
def comparison() -> tuple[list[StoryArticle], Comparison]:
    articles = read_story(FIXTURE)
    entities = canonical_entities({a.id: a.analysis.mentions for a in articles}, {a.id: a.text for a in articles})
    return articles, compare_story(articles, entities, load_static_embedder().embed)


def claims_about(words: list[str], status: str | None = None) -> list[dict]:
    _, result = comparison()
    return [c for c in result.claims if (status is None or c["status"] == status)
            and any(all(w.lower() in e["text"].lower() for w in words) for e in c["evidence"])]


def test_the_venue_is_a_conflict_with_both_values_and_both_outlets():
    _, result = comparison()
    venue = [c for c in result.claims if c["status"] == "conflict" and c["conflict"]["about"] == "venue"]
    assert len(venue) == 1
    values = {v["source"]: v["value"] for v in venue[0]["conflict"]["values"]}
    for outlet, value in GOLD["conflict"]["values"].items():
        assert values[outlet] == value
    assert {"lakemont-observer", "danube-herald"} <= set(venue[0]["sources"])
    # each value cites the sentence of its own outlet that names the medium
    for v in venue[0]["conflict"]["values"]:
        assert v["evidence"] and all(e["article"].startswith(v["source"]) for e in v["evidence"])
    texts = {v["source"]: " ".join(e["text"] for e in v["evidence"]) for v in venue[0]["conflict"]["values"]}
    assert "radio" in texts["lakemont-observer"] and "briefing" in texts["danube-herald"]


def test_shared_facts_are_corroborated_by_both_outlets():
    found = []
    for fact in GOLD["corroborated"]:
        claims = claims_about(fact["words"], "corroborated")
        if any(set(fact["outlets"]) <= set(c["sources"]) for c in claims):
            found.append(fact["topic"])
    # six of the seven; "once the guns fall silent" for "after the ceasefire" is a paraphrase the
    # static sentence model and the word overlap do not reach (a known gap)
    assert len(found) >= 6, found
    for topic in ("in stages, a ceasefire first, not yet negotiated", "a halt to strikes on energy infrastructure",
                  "Europe gives the security guarantees",
                  "territory, arms control, language and culture are sensitive",
                  "Trump's calls with Putin and Zelensky two days earlier"):
        assert topic in found


def test_the_calls_are_dated_to_the_day():
    calls = [c for c in claims_about(["Putin"], "corroborated") if "danube-herald" in c["sources"]]
    assert calls and "2025-02-12" in calls[0]["dates"]


def test_each_outlets_own_facts_are_single():
    for fact in GOLD["single"]:
        claims = claims_about(fact["words"])
        assert claims, fact["topic"]
        assert all(c["status"] == "single" and c["sources"] == [fact["outlet"]] for c in claims), fact["topic"]


def test_quotes_are_paired_across_outlets_as_variants():
    _, result = comparison()
    for gold in GOLD["quotes"]:
        outlets = {k: v for k, v in gold.items() if k != "topic"}
        quote = next(q for q in result.quotes if any(v["text"] == next(iter(outlets.values())) for v in q["variants"]))
        by_outlet = {v["source"]: v for v in quote["variants"]}
        assert set(outlets) <= set(by_outlet), gold["topic"]
        for outlet, words in outlets.items():
            assert by_outlet[outlet]["text"] == words
        assert quote["speaker"] == "Marco Rubio"
        assert quote["direct"] is True
        first = quote["variants"][0]
        assert first["diff"] == []
        for v in quote["variants"][1:]:  # a word diff where the wordings share most words, else the words alone
            assert v["diff"] == (word_edits(first["text"], v["text"]) if shares_most_words(first["text"], v["text"]) else [])
    reworded = [v for q in result.quotes for v in q["variants"][1:]
                if v["text"] != q["variants"][0]["text"] and not shares_most_words(q["variants"][0]["text"], v["text"])]
    assert reworded and all(v["diff"] == [] for v in reworded)  # the translated one reads as itself


def test_every_span_is_exact_and_every_line_is_extracted():
    articles, result = comparison()
    texts = {a.id: a.text for a in articles}
    for claim in result.claims:
        assert any(e["text"] == claim["text"] for e in claim["evidence"])
        for e in claim["evidence"]:
            assert texts[e["article"]][e["start"]:e["end"]] == e["text"]
    for quote in result.quotes:
        for v in quote["variants"]:
            for part in v["parts"]:
                assert texts[v["article"]][part["start"]:part["end"]] in v["text"]
    assert 1 <= len(result.summary) <= 6
    for line in result.summary:
        assert any(e["text"] == line["text"] for e in line["evidence"])
    assert all(line["status"] != "conflict" for line in result.summary)
