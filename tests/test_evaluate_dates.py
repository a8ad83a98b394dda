"""Dates read from text scored against a gold set: our own sentences, and the PolNeAR set's shape."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline.cli import app
from storyline.evaluate.dates import predict_dates, read_date_gold, score_dates

FIXTURE = Path(__file__).parent / "fixtures" / "polnear_dates"
TRAIN = Path(__file__).parents[1] / ".." / "shared" / "data" / "polnear" / "train.jsonl"


def _item(text: str, words: str, published: str, answer: str | None, kind: str = "weekday") -> dict:
    start = text.index(words)
    return {"id": text, "published": published, "start": start, "end": start + len(words), "kind": kind,
            "date": answer, "rule": "known"}


def test_a_reading_counts_right_only_when_its_day_is_the_gold_day():
    # published on Wednesday 11 March 2026
    texts = ["The senator conceded the race on Monday after a recount.",
             "The committee questioned the minister on March 2 about the contracts.",
             "The comedian hosted Saturday Night Live for the third time."]
    gold = [_item(texts[0], "Monday", "2026-03-11", "2026-03-09"),
            _item(texts[1], "March 2", "2026-03-11", "2026-03-03", kind="month_day"),  # a wrong gold day
            _item(texts[2], "Saturday", "2026-03-11", None)]
    scores = score_dates(gold, predict_dates(gold, {t: t for t in texts}))
    assert (scores["right"], scores["items"], scores["found"]) == (1, 3, 1.0)
    assert [(e["gold"], e["storyline"]) for e in scores["errors"]] == [("2026-03-03", "2026-03-02"),
                                                                       (None, "2026-03-07")]
    assert scores["by_kind"] == {"month_day": {"right": 0, "items": 1}, "weekday": {"right": 1, "items": 2}}


def test_the_polnear_gold_is_ids_spans_and_answers_with_their_rule():
    gold = read_date_gold(FIXTURE / "dates.jsonl")
    assert len(gold) == 100 and len({(g["id"], g["start"]) for g in gold}) == 100
    for item in gold:
        assert set(item) <= {"id", "published", "start", "end", "kind", "date", "granularity", "rule", "unsure"}
        assert item["rule"] and 0 <= item["start"] < item["end"]
        assert (item["date"] is None) == (item["granularity"] is None)


@pytest.mark.skipif(not TRAIN.exists(), reason="needs ../shared/data/polnear")
@pytest.mark.parametrize("gold, data, counts", [("dates.jsonl", TRAIN, (87, 96, 100)),
                                                ("dev.jsonl", TRAIN.with_name("dev.jsonl"), (82, 92, 93))])
def test_eval_dates_scores_the_polnear_sets_and_their_spans_are_date_words(gold, data, counts):
    texts = {r["id"]: r["text"] for r in map(json.loads, data.read_text(encoding="utf-8").splitlines())}
    for item in read_date_gold(FIXTURE / gold):
        words = texts[item["id"]][item["start"]:item["end"]]
        if "weekday" in item["kind"] and item["granularity"] == "day":
            assert date.fromisoformat(item["date"]).strftime("%A") in words
    result = CliRunner().invoke(app, ["eval", "dates", str(FIXTURE / gold), "--data", str(data), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    # the counts docs/quality.md shows
    assert (scores["right"], scores["items"], scores["items_all"]) == counts
