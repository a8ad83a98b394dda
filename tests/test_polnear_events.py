"""The PolNeAR event labels (tests/fixtures/polnear_events): well formed, one per article of the two
labelled months, and turned by tools/make_eval.py into a file `storyline eval clusters` reads."""

from __future__ import annotations

import collections
import json
import re
import subprocess
import sys

import pytest
from conftest import FIXTURES, SHARED

from storyline.evaluate.clusters import cluster_scores

HERE = FIXTURES / "polnear_events"
TRAIN = SHARED / "data" / "polnear" / "train.jsonl"
MONTHS = {"2016-02": "fit", "2016-07": "thresholds"}


def labels() -> list[dict]:
    return [json.loads(line) for line in (HERE / "events.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]


def test_labels_are_well_formed():
    rows = labels()
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids)) == 171
    events = {r["event"] for r in rows}
    for r in rows:
        assert set(r) <= {"id", "event", "confidence", "note", "related"}, r
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}-[a-z0-9]+(-[a-z0-9]+)*", r["event"]), r["event"]
        assert r["confidence"] in {"sure", "unsure"}
        assert r["id"].split("_")[1][:7] in MONTHS
        if r["confidence"] == "unsure":
            assert r.get("note"), f"{r['id']}: an unsure label says why"
        if "related" in r:
            assert r["related"] in events and r["related"] != r["event"], r


def test_counts_match_the_readme():
    rows = labels()
    sizes = collections.Counter(r["event"] for r in rows)
    assert len(sizes) == 136 and sum(n > 1 for n in sizes.values()) == 18
    gold = {r["id"]: r["event"] for r in rows}
    floor = cluster_scores({i: i for i in gold}, gold)
    assert floor["b3_f1"] == pytest.approx(0.886, abs=0.0006)
    readme = (HERE / "README.md").read_text(encoding="utf-8")
    assert "| both | 171 | 136 | 18 | 53 |" in readme


def test_make_eval_writes_what_eval_clusters_reads(tmp_path):
    if not TRAIN.exists():
        pytest.skip(f"{TRAIN} not found (set STORYLINE_SHARED)")
    out = tmp_path / "polnear_events.jsonl"
    subprocess.run([sys.executable, str(HERE / "tools" / "make_eval.py"), str(out), "--train", str(TRAIN)],
                   check=True, capture_output=True, text=True)
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    by_id = {r["id"]: r["event"] for r in labels()}
    assert {r["id"] for r in rows} == set(by_id)
    for r in rows:
        assert set(r) == {"id", "source", "date", "title", "text", "gold", "split"}
        assert r["gold"] == by_id[r["id"]] and r["split"] == MONTHS[r["date"][:7]]
    # every article of the two months is labelled, none of another month
    months = collections.Counter(json.loads(line)["date"][:7] for line in TRAIN.open(encoding="utf-8"))
    assert len(rows) == sum(months[m] for m in MONTHS)
