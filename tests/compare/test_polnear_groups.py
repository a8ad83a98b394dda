"""Precision on a year of real coverage nobody judged conflicts on: every conflict and update the
comparison predicts on PolNeAR train's multi-outlet groups and stories (tests/fixtures/polnear_groups),
judged by reading the texts.

The fixture's shape is checked without the shared data; with ../shared present, the spans are checked
against the articles and the CLI is run over the judged groups, which must keep precision at its floor
and predict nothing unjudged."""

from __future__ import annotations

import json

import pytest
from conftest import FIXTURES, SHARED, Cli, check_judgements, shared_texts

from storyline.evaluate.judged import JUDGEMENTS_FILE, SETTINGS_FILE, is_judged_set

GROUPS = FIXTURES / "polnear_groups"
TRAIN = SHARED / "data" / "polnear" / "train.jsonl"
JUDGEMENTS = json.loads((GROUPS / JUDGEMENTS_FILE).read_text(encoding="utf-8"))
REASONS = {"real disagreement", "different quantities", "different scopes", "a forecast's figure", "two happenings",
           "two people", "an office at another time", "two offices at once", "two statements",
           "one name said two ways", "an update over time"}
CONFLICT_FLOOR = 0.5  # right / judged of the conflicts predicted now (1 of 2 at this commit; 1 of 17 at b53ec30)


def labels() -> dict[str, set[str]]:
    """Each article's group and story."""
    settings = json.loads((GROUPS / SETTINGS_FILE).read_text(encoding="utf-8"))
    out: dict[str, set[str]] = {}
    for line in (GROUPS / settings["events"]).read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        out[record["id"]] = {record[k] for k in ("event", "story") if k in record}
    return out


def test_every_judgement_names_its_group_two_articles_of_it_a_verdict_and_why():
    assert is_judged_set(GROUPS)
    check_judgements(JUDGEMENTS, labels(), REASONS)
    for j in JUDGEMENTS:
        assert (j["verdict"] == "right") == (j["reason"] == "real disagreement" or j["kind"] == "update"
                                             and j["reason"] == "an update over time"), j["id"]
        assert all(side["span_text"] for side in j["sides"]), j["id"]


def test_the_spans_are_in_the_texts():
    texts = shared_texts(TRAIN)
    for j in JUDGEMENTS:
        for side in j["sides"]:
            assert texts[side["doc"]][side["start"]:side["end"]].startswith(side["span_text"]), j["id"]


def test_the_judged_groups_keep_precision_and_give_nothing_unjudged(tmp_path):
    if not TRAIN.is_file():
        pytest.skip(f"{TRAIN} not found (set STORYLINE_SHARED)")
    events = sorted({j["event"] for j in JUDGEMENTS})
    scores = Cli(tmp_path / "unused.db").json("eval", "compare", str(GROUPS), "--events", ",".join(events),
                                              "--data", str(TRAIN), "--json")
    assert scores["golds"]["strict"]["events"] == len(events)
    assert scores["conflict_precision"] >= CONFLICT_FLOOR
    assert scores["updates_wrong"] == 0
    # a new prediction is for a reader to judge (tests/fixtures/polnear_groups/README.md says how)
    assert scores["conflicts_unjudged"] == [] and scores["updates_unjudged"] == []
