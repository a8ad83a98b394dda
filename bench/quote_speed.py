"""CPU time of the quotation and speaker rules alone, this checkout against another's, on the same spaCy
readings: bench/quote_precision.py's cache of PolNeAR articles, read by each checkout's rules in fresh
processes taken in turns, so that load on the machine weighs on both alike.

    .venv/bin/python bench/quote_speed.py --cache /tmp/train.parsed --against /tmp/base/src [--rounds 3]

Make the cache first with bench/quote_precision.py (its --cache); --against is the other checkout's src folder
(`git archive COMMIT | tar -x -C /tmp/base`). Prints each round's CPU seconds for both and the ratio of the
medians (this checkout's over the other's): the rules' own cost, apart from spaCy's, which both share."""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
SRC = BENCH.parent / "src"

_ONE_RUN = """
import pickle, sys, time
sys.path.insert(0, {bench!r})
from quote_precision import predict
cached = pickle.loads(open({cache!r}, 'rb').read())
start = time.process_time()
predict(cached)
print(time.process_time() - start)
"""


def cpu_seconds(src: Path, cache: Path) -> float:
    env = dict(os.environ, PYTHONPATH=str(src), TQDM_DISABLE="1")
    out = subprocess.run([sys.executable, "-c", _ONE_RUN.format(bench=str(BENCH), cache=str(cache))], env=env,
                         capture_output=True, text=True, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cache", type=Path, required=True, help="bench/quote_precision.py's pickle of readings")
    parser.add_argument("--against", type=Path, required=True, help="the other checkout's src folder")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    ours, theirs = [], []
    for n in range(args.rounds):
        theirs.append(cpu_seconds(args.against, args.cache))
        ours.append(cpu_seconds(SRC, args.cache))
        print(f"round {n + 1}: this checkout {ours[-1]:.2f} s, the other {theirs[-1]:.2f} s")
    print(f"median {statistics.median(ours):.2f} s against {statistics.median(theirs):.2f} s: "
          f"ratio {statistics.median(ours) / statistics.median(theirs):.3f}")


if __name__ == "__main__":
    main()
