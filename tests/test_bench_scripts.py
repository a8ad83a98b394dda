"""The benchmarks behind issue 23's figures run at their smallest sizes: a script that breaks as the code
under it moves (bench/bigarticle.py once timed a function the pipeline no longer had) fails here, not
on the day its figures are next wanted."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def run(script: str, *args: str) -> list[str]:
    out = subprocess.run([sys.executable, str(ROOT / "bench" / script), *args], capture_output=True, text=True,
                         timeout=600, cwd=ROOT)
    assert out.returncode == 0, out.stderr[-2000:]
    return out.stdout.splitlines()


def test_bigarticle_times_the_analysis_and_the_brief_of_each_size():
    rows = [line.split() for line in run("bigarticle.py", "--baseline", "2000", "--sizes", "120000")[1:]]
    assert [row[0] for row in rows] == ["2,000", "120,000"]
    assert float(rows[1][3]) > 0 and float(rows[1][4]) > 0  # analysis s, brief s: both stages timed


def test_records_prints_a_line_a_round_and_the_digest_of_the_stories_made():
    lines = run("records.py", "--embedder", "static", "--records", "40", "--round", "20")
    assert [line.split()[:2] for line in lines[1:3]] == [["1", "20"], ["2", "40"]]
    assert lines[-1].startswith("partition ") and "(41 articles)" in lines[-1]  # and the warm-up record


def test_quote_speed_times_the_rules_of_two_checkouts_on_one_cache(tmp_path):
    # three real PolNeAR articles, read by spaCy once into the cache both checkouts' rules then read
    polnear = ROOT.parent / "shared" / "data" / "polnear" / "dev.jsonl"
    if not polnear.exists():
        pytest.skip("PolNeAR is read from ../shared/data")
    small = tmp_path / "three.jsonl"
    small.write_text("".join(polnear.read_text(encoding="utf-8").splitlines(keepends=True)[:3]), encoding="utf-8")
    cache = tmp_path / "three.parsed"
    run("quote_precision.py", str(small), "--cache", str(cache))
    lines = run("quote_speed.py", "--cache", str(cache), "--against", str(ROOT / "src"), "--rounds", "1")
    assert lines[0].startswith("round 1: this checkout ") and lines[-1].startswith("median ")
    assert 0.2 < float(lines[-1].rsplit(" ", 1)[1]) < 5  # the same code on both sides: a ratio near one


def test_shared_words_counts_the_pairs_of_one_event_and_of_two_at_each_cosine():
    lines = run("shared_words.py", str(ROOT / "tests" / "fixtures" / "shared_words" / "articles.jsonl"))
    assert lines[0].startswith("53 reports; pairs at most 1 day(s) apart: 9 of one event")
    at_threshold = next(line.split() for line in lines if line.split()[:1] == ["0.35"])
    assert at_threshold == ["0.35", "7", "0"]  # most pairs of the three events' reports, none of two events
