"""The briefs stage of an ingest (briefing.refresh_briefs) on real articles, wall and CPU per changed
article, the ingesting process's and its workers', this code against other checkouts, in fresh
processes, alternating, medians of the rounds.

    .venv/bin/python bench/brief_stage.py [--n 200] [--rounds 3] [--compare /path/to/other/checkout]

The first --n articles of PolNeAR train (real reports of about 4,500 characters; no two of them share
a story, so every one is a changed article with a story of its own) are ingested once, untimed, by this
checkout into a database. Each round, each checkout, in a fresh process, on a copy of it: starts the
worker pool as an ingest does (pipeline.start_chunk_analyses over the first chunk's articles, untimed),
then makes the brief of every story again with the settings' analysis processes, timed: wall, this
process's CPU, and the workers' CPU (read from /proc before and after, Linux). The stage's CPU is the
two CPUs together: what the briefs cost the machine, which other work on a shared machine does not
inflate as it does the wall. Each process prints its figures and a digest of every brief it saved (its
JSON, in story order); the parent prints the medians, their ratio to this checkout's, and whether every
checkout and round saved the same briefs byte for byte."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from briefs import alternate, print_medians  # bench/briefs.py, beside this file

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = ROOT.parent / "shared" / "data" / "polnear" / "train.jsonl"

CHILD = r"""
import hashlib, json, os, resource, sys, time
from storyline import pipeline

try:
    from storyline.briefing import refresh_briefs
except ImportError:  # a checkout from before briefing.py, compared with --compare
    refresh_briefs = pipeline.refresh_briefs  # type: ignore[attr-defined]
from storyline import engine
from storyline.settings import settings_from_env
from storyline.store import open_store

db, first = sys.argv[1], int(sys.argv[2])
processes = settings_from_env(db=db).analysis_processes
store = open_store(db)
ids = store.stale_briefs("-")  # every live story (no brief was made by version "-")
articles = [article for story_id in ids[:first] for article, _ in store.story_articles(story_id)]
pipeline.start_chunk_analyses(articles, processes)()  # the pool started as an ingest's first chunk starts it
tick = os.sysconf("SC_CLK_TCK")


def workers_cpu():
    pool = engine._pool
    if pool is None:
        return 0.0
    total = 0
    for worker in pool._pool:
        with open(f"/proc/{worker.pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / tick


def own_cpu():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


workers, own, wall = workers_cpu(), own_cpu(), time.perf_counter()
made = refresh_briefs(store, ids, processes)
wall, own, workers = time.perf_counter() - wall, own_cpu() - own, workers_cpu() - workers
out = hashlib.sha256()
for row in store.conn.execute("SELECT b.brief FROM stories s JOIN story_briefs b ON b.story_id = s.id ORDER BY s.rowid"):
    out.update(row["brief"].encode() + b"\n")
per = 1000 / made
print(json.dumps({"stories": made, "processes": processes, "wall": round(wall * per, 2), "own": round(own * per, 2),
                  "workers": round(workers * per, 2), "cpu": round((own + workers) * per, 2),
                  "briefs": out.hexdigest()[:16]}))
"""

FIGURES = ("wall", "own", "workers", "cpu")


def run(checkout: Path, db: Path, first: int) -> dict:
    env = {**os.environ, "PYTHONPATH": str(checkout / "src"), "HF_HUB_OFFLINE": "1"}
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "copy.db"
        shutil.copy(db, copy)
        out = subprocess.run([sys.executable, "-c", CHILD, str(copy), str(first)], env=env, check=True,
                             capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--first", type=int, default=64, help="articles whose analysis starts the pool (untimed)")
    parser.add_argument("--compare", action="append", default=[], type=Path, help="another checkout (its src/ is used)")
    args = parser.parse_args()
    checkouts = [ROOT, *args.compare]
    with tempfile.TemporaryDirectory() as tmp:
        data, db = Path(tmp) / "articles.jsonl", Path(tmp) / "ingested.db"
        with POLNEAR.open(encoding="utf-8") as lines, data.open("w", encoding="utf-8") as out:
            out.writelines(line for _, line in zip(range(args.n), lines))
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "HF_HUB_OFFLINE": "1"}
        subprocess.run([sys.executable, "-m", "storyline", "ingest", str(data), "--db", str(db)], env=env, check=True,
                       capture_output=True)
        results = alternate(checkouts, args.rounds, lambda checkout: run(checkout, db, args.first))
    stories = results[ROOT][0]["stories"]
    print(f"\nms per changed article (a story each: {stories} stories of {args.n} PolNeAR train articles), "
          f"medians of {args.rounds} rounds; CPU = own (the ingesting process) + workers")
    print_medians(results, FIGURES)
    made = {x["briefs"] for runs in results.values() for x in runs}
    print("\nthe briefs " + ("byte for byte the same in every checkout and round" if len(made) == 1
                             else f"DIFFER: {sorted(made)}"))


if __name__ == "__main__":
    main()
