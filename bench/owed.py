"""What an ingest's progressions check costs on a large database: the storylines of the stories the
run marked (progressions_owed), against the whole check of every storyline (`check --repair`'s),
measured on the same database in the same run.

    PYTHONPATH=src .venv/bin/python bench/owed.py --stories 20000 --brief-kb 16

A synthetic SQLite store: STORIES stories, each with a brief of BRIEF_KB kilobytes (the check reads
each story's brief digest, stored after the brief's text), linked three by three into storylines whose
progressions are kept. A run then makes the briefs of CHANGED stories again; both checks must find
the same storylines stale. Printed: the median milliseconds of each check and their ratio.
"""

from __future__ import annotations

import argparse
import tempfile
from datetime import date, timedelta
from pathlib import Path

import numpy as np

from store import timed  # bench/store.py, beside this file
from storyline import storylines
from storyline.model import StoryState
from storyline.progressions import VERSION, owed_progressions, stale_progressions
from storyline.store import open_store


def build(db: str, stories: int, brief_kb: int) -> list[str]:
    """The synthetic store; its story ids, oldest first."""
    ids = [f"s{n:08d}" for n in range(stories)]
    filler = "x" * (brief_kb * 1024)
    with open_store(db) as store:
        for start in range(0, stories, 1000):
            with store.transaction():
                for n, story_id in enumerate(ids[start:start + 1000], start):
                    day = date(2026, 1, 1) + timedelta(days=n // 50)
                    store.save_story(StoryState(story_id, np.ones(8, dtype=np.float32), 2, {}, day, day), story_id, None, "bench")
                    store.save_brief(story_id, {"entities": [], "text": filler}, 2, "bench")
                    if n % 3:  # three stories a storyline
                        store.replace_links(story_id, [(ids[n - 1], 1.0)], storylines.VERSION)
        stale, _ = stale_progressions(store)
        with store.transaction():
            for name, (_, signature) in stale.items():
                store.save_progressions(name, signature, [], VERSION)
            store.paid_progressions(store.owed_progressions())
    return ids


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=20000)
    parser.add_argument("--brief-kb", type=int, default=16)
    parser.add_argument("--changed", type=int, default=8)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="storyline-bench-") as tmp:
        db = str(Path(tmp) / "bench.db")
        ids = build(db, args.stories, args.brief_kb)
        with open_store(db) as store:
            changed = ids[-1::-max(1, args.stories // args.changed)][:args.changed]
            with store.transaction():  # a run makes their briefs again (another text, another digest)
                for story_id in changed:
                    store.save_brief(story_id, {"entities": [], "text": "changed"}, 2, "bench")
            owed = store.owed_progressions()
            whole, marked = stale_progressions(store), owed_progressions(store, owed)
            assert whole == marked and len(whole[0]) == len(changed), "the two checks disagree"
            whole_ms = 1000 * timed(lambda: stale_progressions(store))
            owed_ms = 1000 * timed(lambda: owed_progressions(store, owed))
            size = Path(db).stat().st_size / 2**20
    print(f"{args.stories} stories ({size:.0f} MiB, briefs of {args.brief_kb} KB), {len(whole[0])} storylines "
          f"changed by the run")
    print(f"{'check':<28} {'ms':>9} {'× owed':>8}")
    print(f"{'every storyline (whole)':<28} {whole_ms:>9.1f} {whole_ms / owed_ms:>8.1f}")
    print(f"{'the run owes (owed)':<28} {owed_ms:>9.1f} {1.0:>8.1f}")


if __name__ == "__main__":
    main()
