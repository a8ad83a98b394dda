"""Precision where nothing was tuned: every conflict and update the comparison predicts on PolNeAR's
multi-outlet events (tests/fixtures/polnear_conflicts), judged by reading the texts.

The fixture's shape and the scorer are checked without the shared data; the CLI is run over the
judged events where ../shared is present, and must predict no conflict judged wrong and none unjudged."""

from __future__ import annotations

import json
from collections import defaultdict

import pytest
from conftest import FIXTURES, SHARED, Cli, check_judgements, shared_texts

from storyline.evaluate.judged import JUDGEMENTS_FILE, SETTINGS_FILE, Predicted, Side, is_judged_set, score_judged
from storyline.evaluate.spans import DocSpan

JUDGED = FIXTURES / "polnear_conflicts"
TRAIN = SHARED / "data" / "polnear" / "train.jsonl"
JUDGEMENTS = json.loads((JUDGED / JUDGEMENTS_FILE).read_text(encoding="utf-8"))
REASONS = {"real disagreement", "different quantities", "different scopes", "a condition's figure",
           "an office at another time", "a figure of speech", "a quotation's figure against the writer's", "an update over time",
           "a date artefact", "two happenings"}


def labels() -> dict[str, set[str]]:
    """Each article's events under the strict and the looser (related) gold."""
    events_file = JUDGED / json.loads((JUDGED / SETTINGS_FILE).read_text(encoding="utf-8"))["events"]
    out: dict[str, set[str]] = defaultdict(set)
    for line in events_file.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        out[record["id"]].update({record["event"], record.get("related", record["event"])})
    return out


def test_every_judgement_names_its_event_two_articles_of_it_a_verdict_and_why():
    assert is_judged_set(JUDGED)
    check_judgements(JUDGEMENTS, labels(), REASONS)


def test_the_spans_are_in_the_texts():
    texts = shared_texts(TRAIN)
    for j in JUDGEMENTS:
        for side in j["sides"]:
            span = texts[side["doc"]][side["start"]:side["end"]]
            assert span.strip() == span and any(c.isalnum() for c in span), (j["id"], span)


def predicted(event: str, kind: str, *sides: tuple[str, int, int]) -> Predicted:
    return Predicted(event, kind, "number", tuple(Side(doc, "", DocSpan(doc, s, e)) for doc, s, e in sides))


def test_a_prediction_counts_by_the_judgement_whose_sides_it_gives():
    judgements = [
        {"id": "x-1", "event": "e", "kind": "conflict", "verdict": "right",
         "sides": [{"doc": "a", "start": 10, "end": 20}, {"doc": "b", "start": 5, "end": 9}]},
        {"id": "x-2", "event": "e", "kind": "conflict", "verdict": "wrong",
         "sides": [{"doc": "a", "start": 40, "end": 50}, {"doc": "c", "start": 0, "end": 4}]},
        {"id": "x-3", "event": "e", "kind": "update", "verdict": "right",
         "sides": [{"doc": "a", "start": 60, "end": 64}, {"doc": "b", "start": 70, "end": 74}]},
    ]
    scores = score_judged([
        predicted("e", "conflict", ("a", 12, 18), ("b", 5, 9)),  # x-1: right
        predicted("e", "conflict", ("a", 40, 50), ("c", 1, 3)),  # x-2: wrong
        predicted("e", "conflict", ("a", 40, 50), ("b", 30, 33)),  # touches x-2's first side only: unjudged
        predicted("f", "conflict", ("a", 12, 18), ("b", 5, 9)),  # x-1's sides in another event: unjudged
    ], judgements)
    assert (scores["conflicts_right"], scores["conflicts_wrong"], scores["conflict_precision"]) == (1, 1, 0.5)
    assert [u["event"] for u in scores["conflicts_unjudged"]] == ["e", "f"]
    assert scores["update_precision"] is None and scores["judgements_gone"] == ["x-3"]


def test_the_judged_events_give_no_conflict_judged_wrong_and_none_unjudged(tmp_path):
    if not TRAIN.is_file():
        pytest.skip(f"{TRAIN} not found (set STORYLINE_SHARED)")
    events = sorted({j["event"] for j in JUDGEMENTS})
    scores = Cli(tmp_path / "unused.db").json("eval", "compare", str(JUDGED), "--events", ",".join(events),
                                              "--data", str(TRAIN), "--json")
    assert scores["golds"]["strict"]["events"] == len(events)
    assert scores["conflicts_wrong"] == 0 and scores["updates_wrong"] == 0
    # a new prediction is for a reader to judge (tests/fixtures/polnear_conflicts/README.md says how)
    assert scores["conflicts_unjudged"] == [] and scores["updates_unjudged"] == []
