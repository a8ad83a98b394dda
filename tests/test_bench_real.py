"""bench/real.py at a tiny size: it runs end to end in fresh processes and prints its tables (no timings
are checked; the figures are only worth reading at the benchmark's own size)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SHARED

POLNEAR = SHARED / "data" / "polnear" / "train.jsonl"


def test_real_bench_prints_the_ratio_and_the_stage_table(tmp_path: Path) -> None:
    if not POLNEAR.exists():
        pytest.skip(f"{POLNEAR} not found (set STORYLINE_SHARED)")
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "real.py"), "--data", str(POLNEAR), "--n", "8",
                           "--rounds", "1", "--skip-bertopic"],
                          check=False, capture_output=True, text=True, timeout=900, env={**os.environ, "TMPDIR": str(tmp_path)})
    assert done.returncode == 0, done.stdout + done.stderr
    out = done.stdout
    assert "8 articles from train.jsonl" in out
    assert "ingest stored 8 articles" in out
    assert "ingest / floor" in out and "ingest / bertopic wall <= 0.8" in out  # the latter: SKIP, not run
    for stage in ("identify", "analyze", "embed", "serial", "briefs", "total (process wall)"):
        assert stage in out, stage
    assert "PASS" in out or "FAIL" in out
