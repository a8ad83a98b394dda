"""Scoring the comparison against gold claims, conflicts and quote groups; and the demo's figures."""

from __future__ import annotations

from pathlib import Path

from storyline.evaluate.compare import score_compare, score_demo

DEMO = Path(__file__).resolve().parents[2] / "examples" / "demo"

GOLD = {
    "claims": [
        {"story": "s", "text": "Twelve people were injured", "status": "conflict", "about": "number",
         "values": {"north": "12", "south": "15"}, "articles": ["n.txt", "s.txt"]},
        {"story": "s", "text": "Nine people were arrested", "status": "corroborated", "articles": ["n.txt", "s.txt"]},
        {"story": "s", "text": "The fair opened in 1921", "status": "single", "articles": ["n.txt"]},
    ],
    "quotes": [
        {"story": "s", "article": "n.txt", "speaker": "A", "text": "We treated them all", "direct": True, "group": "g"},
        {"story": "s", "article": "s.txt", "speaker": "A", "text": "We treated everyone", "direct": True, "group": "g"},
    ],
}
TEXTS = {"n.txt": "Police arrested nine people. \"We treated them all,\" A said. The fair opened in 1921.",
         "s.txt": "Nine were arrested. \"We treated everyone,\" A said."}


def span(article: str, words: str) -> dict:
    start = TEXTS[article].index(words)
    return {"article": article, "start": start, "end": start + len(words), "text": words}


def test_a_perfect_prediction_scores_one():
    predicted = {"s": {
        "claims": [
            {"text": "x", "status": "conflict", "sources": ["north", "south"], "evidence": [span("n.txt", "Police")],
             "conflict": {"about": "number", "values": [
                 {"source": "north", "value": "12", "evidence": [span("n.txt", "Police")]},
                 {"source": "south", "value": "15 people", "evidence": [span("s.txt", "Nine")]}]}},
            {"text": "Police arrested nine people.", "status": "corroborated", "sources": ["north", "south"],
             "evidence": [span("n.txt", "Police arrested nine people."), span("s.txt", "Nine were arrested.")]},
            {"text": "The fair opened in 1921.", "status": "single", "sources": ["north"],
             "evidence": [span("n.txt", "The fair opened in 1921.")]},
        ],
        "quotes": [{"speaker": "A", "text": "We treated them all", "sources": ["north", "south"], "variants": [
            {"article": "n.txt", "text": "We treated them all", **{k: v for k, v in span("n.txt", "We treated them all").items() if k in ("start", "end")}},
            {"article": "s.txt", "text": "We treated everyone", **{k: v for k, v in span("s.txt", "We treated everyone").items() if k in ("start", "end")}}]}],
    }}
    scores = score_compare(GOLD, predicted, {k: k for k in TEXTS}, TEXTS)
    assert scores["conflict_precision"] == scores["conflict_recall"] == 1.0
    assert scores["claim_status_accuracy"] == 1.0
    assert scores["quote_pair_f1"] == 1.0


def test_a_wrong_dispute_and_a_missed_pairing_cost_what_they_should():
    predicted = {"s": {
        "claims": [
            {"text": "Police arrested nine people.", "status": "conflict", "sources": ["north", "south"],
             "evidence": [span("n.txt", "Police arrested nine people.")],
             "conflict": {"about": "number", "values": [
                 {"source": "north", "value": "nine", "evidence": [span("n.txt", "Police arrested nine people.")]},
                 {"source": "south", "value": "ten", "evidence": [span("s.txt", "Nine were arrested.")]}]}},
            {"text": "The fair opened in 1921.", "status": "corroborated", "sources": ["north", "south"],
             "evidence": [span("n.txt", "The fair opened in 1921.")]},
        ],
        "quotes": [],
    }}
    scores = score_compare(GOLD, predicted, {k: k for k in TEXTS}, TEXTS)
    # a dispute over another number of the same articles is not the gold's dispute
    assert scores["conflict_precision"] == 0.0 and scores["conflict_recall"] == 0.0
    # the arrests are stated by nothing (a claim that shares no words does not count), the fair's
    # opening has the wrong status, the dispute is missed
    assert scores["claim_status_accuracy"] == 0.0
    assert scores["quote_pair_recall"] == 0.0


def test_the_demo_meets_its_floors():
    scores = score_demo(DEMO)
    assert scores["stories"] == 15 and scores["articles"] == 67
    assert scores["conflict_precision"] >= 0.9
    assert scores["conflict_recall"] >= 0.8
    assert scores["claim_status_accuracy"] >= 0.85
    assert scores["quote_pair_f1"] >= 0.9
