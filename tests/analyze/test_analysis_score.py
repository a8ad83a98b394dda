"""The analysis metrics, on a small gold of our own, and the demo corpus against its floors."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.evaluate.analysis import score_analysis, score_demo

DEMO = Path(__file__).resolve().parents[2] / "examples" / "demo"

GOLD = {
    "articles": {"north/a.txt": {"story": "s"}, "south/b.txt": {"story": "s"}},
    "entities": [
        {"name": "Ilse Varga", "type": "PERSON", "aliases": ["Varga", "Minister Ilse Varga"]},
        {"name": "Tomas Varga", "type": "PERSON", "aliases": []},
        {"name": "Port Authority", "type": "ORG", "aliases": ["PA"]},
    ],
    "quotes": [
        {"story": "s", "article": "north/a.txt", "speaker": "Ilse Varga", "text": "The port reopens on Monday",
         "direct": True, "group": "reopen"},
        {"story": "s", "article": "south/b.txt", "speaker": "Ilse Varga",
         "text": "We will open the port again on Monday morning", "direct": True, "group": "reopen"},
        {"story": "s", "article": "south/b.txt", "speaker": None, "text": "crews worked through the night",
         "direct": False, "group": "crews"},
    ],
    "dates": [
        {"article": "north/a.txt", "expression": "on Monday", "date": "2025-02-17", "granularity": "day"},
        {"article": "south/b.txt", "expression": "yesterday", "date": "2025-02-13", "granularity": "day"},
        {"article": "south/b.txt", "expression": "2019", "date": "2019", "granularity": "year"},
    ],
}

TEXTS = {"north/a.txt": "“The port reopens on Monday,” said Minister Ilse Varga. Varga met Tomas Varga.",
         "south/b.txt": "Yesterday Varga said: “We will open the port again on Monday morning, we hope.” "
                        "The PA said crews worked through the night. It last closed in 2019."}


def test_score_on_a_small_gold():
    predicted = {
        "texts": TEXTS,
        "entities": [{"name": "Ilse Varga", "type": "PERSON", "aliases": ["Varga", "Minister Ilse Varga"],
                      "mentions": 3},
                     {"name": "Tomas Varga", "type": "PERSON", "aliases": [], "mentions": 1},
                     {"name": "PA", "type": "ORG", "aliases": [], "mentions": 1}],
        "quotes": [
            {"article": "north/a.txt", "text": "The port reopens on Monday", "speaker": "Ilse Varga", "direct": True},
            {"article": "south/b.txt", "text": "We will open the port again on Monday morning, we hope",
             "speaker": "Tomas Varga", "direct": True},
            {"article": "south/b.txt", "text": "crews worked through the night", "speaker": None, "direct": False},
        ],
        "dates": [
            {"article": "north/a.txt", "text": "on Monday", "start": 19, "end": 28, "date": "2025-02-17",
             "granularity": "day"},
            {"article": "south/b.txt", "text": "Yesterday", "start": 0, "end": 9, "date": "2025-02-12",
             "granularity": "day"},
        ],
    }
    scores = score_analysis(GOLD, predicted)
    # Forms written in the texts: Ilse Varga, Varga, Minister Ilse Varga, Tomas Varga, PA ("Port Authority" is not).
    assert scores["entity_forms"] == 5
    assert scores["entity_pairwise_f1"] == 1.0
    assert scores["quote_recall"] == 1.0 and scores["speaker_accuracy"] == 0.5
    assert scores["indirect_recall"] == 1.0 and scores["indirect_speaker_accuracy"] == 1.0
    assert scores["date_recall"] == pytest.approx(2 / 3, abs=1e-3) and scores["date_accuracy"] == 0.5


def test_split_and_merged_entities_cost_recall_and_precision():
    predicted = {"texts": TEXTS, "quotes": [], "dates": [],
                 "entities": [{"name": "Ilse Varga", "aliases": ["Minister Ilse Varga", "Tomas Varga"], "mentions": 3},
                              {"name": "Varga", "aliases": [], "mentions": 1}]}
    scores = score_analysis(GOLD, predicted)
    # Gold pairs: (Ilse, Varga), (Ilse, Minister Ilse), (Varga, Minister Ilse);
    # predicted: (Ilse, Minister), (Ilse, Tomas), (Minister, Tomas).
    assert scores["entity_pairwise_precision"] == pytest.approx(1 / 3, abs=1e-3)
    assert scores["entity_pairwise_recall"] == pytest.approx(1 / 3, abs=1e-3)


def test_a_quote_is_found_only_with_most_of_its_words():
    predicted = {"texts": TEXTS, "entities": [], "dates": [],
                 "quotes": [{"article": "north/a.txt", "text": "The port reopens", "speaker": "Ilse Varga",
                             "direct": True}]}
    assert score_analysis(GOLD, predicted)["quote_recall"] == 0.0


@pytest.mark.skipif(not (DEMO / "gold.json").exists(), reason="the demo gold is not there")
def test_demo_corpus_meets_the_floors():
    scores = score_demo(DEMO)
    assert scores["entity_pairwise_f1"] >= 0.9
    assert scores["quote_recall"] >= 0.9
    assert scores["speaker_accuracy"] >= 0.9
    assert scores["date_accuracy"] >= 0.9
