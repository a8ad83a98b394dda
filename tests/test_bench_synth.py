"""The synthetic news stream behind bench/cluster.py: seeded, labelled, with confounders and copies."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import defaultdict
from datetime import datetime
from pathlib import Path

import pytest
from conftest import bench_module

ROOT = Path(__file__).resolve().parents[1]
SYNTH = ROOT / "bench" / "synth.py"


synth = bench_module("synth")


@pytest.fixture(scope="module")
def stream() -> list[dict]:
    return list(synth.generate(600, 10, 12, 40, 7))


def test_same_seed_same_stream_and_another_seed_another(stream):
    assert list(synth.generate(600, 10, 12, 40, 7)) == stream
    assert list(synth.generate(600, 10, 12, 40, 8)) != stream


def test_records_are_complete_dated_in_range_and_oldest_first(stream):
    assert len(stream) == 600
    assert len({r["id"] for r in stream}) == 600
    dates = [datetime.fromisoformat(r["date"]) for r in stream]
    assert dates == sorted(dates)
    assert (max(dates).date() - min(dates).date()).days < 10
    for record in stream:
        assert record["text"].strip() and record["source"] and record["gold"]
        assert record["title"] is None or record["title"].strip()


def test_labels_are_consistent(stream):
    """Every event keeps one label, one kind and its own names: its articles share one of them."""
    by_gold = defaultdict(list)
    for record in stream:
        by_gold[record["gold"]].append(record)
    assert len(by_gold) == 40
    for gold, records in by_gold.items():
        kind = gold.split("-", 1)[1]
        assert kind in synth.KIND_BY_NAME
        days = sorted({r["date"][:10] for r in records})
        assert (datetime.fromisoformat(days[-1]) - datetime.fromisoformat(days[0])).days <= 5
        assert len({r["source"] for r in records}) >= min(2, len(records) - sum(r["style"] == "copy" for r in records))


def test_same_kind_confounders_in_the_same_week(stream):
    first_day: dict[str, str] = {}
    for record in stream:
        first_day.setdefault(record["gold"], record["date"][:10])
    by_kind = defaultdict(list)
    for gold, day in first_day.items():
        by_kind[gold.split("-", 1)[1]].append(datetime.fromisoformat(day))
    close_pairs = sum(1 for days in by_kind.values() for i, a in enumerate(days) for b in days[i + 1:] if abs((a - b).days) <= 3)
    assert close_pairs >= 5


def test_syndicated_copies_are_near_but_not_exact(stream):
    by_id = {r["id"]: r for r in stream}
    copies = [r for r in stream if r["style"] == "copy"]
    assert len(copies) >= 30
    for copy in copies:
        original = by_id[copy["copy_of"]]
        assert original["style"] == "wire" and original["gold"] == copy["gold"]
        assert original["source"] != copy["source"] and original["date"] <= copy["date"]
        assert copy["text"] != original["text"]
        first = original["text"].split("\n\n")[0]
        assert copy["text"].startswith(first[:40])


def test_short_items_and_developing_events_exist(stream):
    assert sum(r["style"] == "short" and len(r["text"].split()) < 45 for r in stream) >= 30
    assert sum(r["title"] is None for r in stream) >= 5
    spans = defaultdict(set)
    for record in stream:
        spans[record["gold"]].add(record["date"][:10])
    assert sum(len(days) >= 2 for days in spans.values()) >= 8
    assert any(len(days) >= 3 for days in spans.values())


def test_command_line_writes_json_lines(tmp_path):
    out = tmp_path / "stream.jsonl"
    subprocess.run([sys.executable, str(SYNTH), "--articles", "50", "--days", "3", "--outlets", "5", "--events", "5",
                    "--seed", "2", "--out", str(out)], check=True, capture_output=True)
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert lines == list(synth.generate(50, 3, 5, 5, 2))
