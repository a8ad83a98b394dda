"""The driver's placement of one-line records alone: StoryIndex.place over the shapes of
bench/records.py's records (a unit vector each, six key terms, a minute apart), CPU seconds on one
thread, this checkout against another's code (`--against DIR`, a checkout or an unpacked commit) in
fresh processes alternating, with the ratio of the medians.

    .venv/bin/python bench/placement.py --against ../main --rounds 3

The vectors are random around forty directions, so that most records start a story of their own as
the bench's do and every story stays live: each placement searches all of them."""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

WORDS = "harbour council bridge school river market station library hospital stadium museum airport".split()


def measure(records: int) -> float:
    """CPU seconds of placing `records` records, BLAS on one thread as in an ingest."""
    import numpy as np
    from threadpoolctl import threadpool_limits

    from storyline import cluster

    rng = np.random.default_rng(5)
    directions = rng.normal(size=(40, 256)).astype(np.float32)
    vectors = []
    for i in range(records):
        vector = directions[i % 40] + rng.normal(scale=1.2, size=256).astype(np.float32)
        vectors.append((vector / np.linalg.norm(vector)).astype(np.float32))
    terms = [{"item", str(i), WORDS[i % 12], WORDS[(i // 12) % 12], str(i % 97), f"note{i}"} for i in range(records)]
    index = cluster.StoryIndex([], cluster.load_params("static"))
    start = date(2025, 3, 3)
    with threadpool_limits(1, "blas"):
        began = time.thread_time()
        for i in range(records):
            index.place(f"s{i}", vectors[i], terms[i], start + timedelta(days=i // 1440))
        return time.thread_time() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", type=int, default=3000)
    parser.add_argument("--rounds", type=int, default=3, help="runs of each checkout, alternating")
    parser.add_argument("--against", type=Path, help="the other checkout (its src/ is imported)")
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(measure(args.records))
        return
    own = Path(__file__).resolve().parents[1]
    checkouts = [own] + ([args.against.resolve()] if args.against else [])
    seconds: dict[Path, list[float]] = {checkout: [] for checkout in checkouts}
    for _ in range(args.rounds):
        for checkout in checkouts:
            env = {**os.environ, "PYTHONPATH": str(checkout / "src")}
            out = subprocess.run([sys.executable, __file__, "--measure", "--records", str(args.records)], env=env,
                                 check=True, capture_output=True, text=True).stdout
            seconds[checkout].append(float(out.split()[-1]))
    for checkout in checkouts:
        runs = ", ".join(f"{s:.2f}" for s in seconds[checkout])
        print(f"{str(checkout):<40} CPU s {runs}; median {statistics.median(seconds[checkout]):.2f}; "
              f"{1000 * statistics.median(seconds[checkout]) / args.records:.3f} ms a record")
    if args.against:
        ratio = statistics.median(seconds[own]) / statistics.median(seconds[args.against.resolve()])
        print(f"this checkout / the other: {ratio:.2f}")


if __name__ == "__main__":
    main()
