"""CPU time of a story's brief (pipeline.brief_parts, as ingest makes it: comparison, timeline,
entities) on real articles,
this code against other checkouts, in fresh processes, alternating, medians of the rounds.

    .venv/bin/python bench/briefs.py [--n 100] [--rounds 3] [--compare /path/to/other/checkout]

The articles are the first --n of PolNeAR train (real reports of about 4,000 characters,
../shared/data/polnear/train.jsonl), analysed once per process (not timed). Three figures, CPU
milliseconds per changed article:
- one: each article a story of its own (what ingesting PolNeAR does: no two articles share a story);
- growing: stories of one outlet's consecutive articles that grow one article at a time to five,
  the brief remade at every step (each step one changed article), as a story that gathers reports
  through a day is; measured after `one`, so each step's new article has been read before;
- fresh: the same growing stories in a copy of the process (forked) where no brief has been made yet,
  so each step reads its new article too, as a step of an ingest does.
Each process prints its figures as JSON; the parent prints each checkout's medians and their ratio to
the first checkout's (this one)."""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = ROOT.parent / "shared" / "data" / "polnear" / "train.jsonl"

CHILD = r"""
import json, os, sys, time
from datetime import datetime, UTC
from storyline.analyze import analyze_article
from storyline.pipeline import brief_parts
from storyline.model import Analysis, Article
from storyline.text import normalize_text

n, path = int(sys.argv[1]), sys.argv[2]
articles = []
with open(path, encoding="utf-8") as lines:
    for line in lines:
        record = json.loads(line)
        text = normalize_text(record["text"])
        published = datetime.fromisoformat(record["date"]).replace(tzinfo=UTC)
        article = Article(id=record["id"][:40], source=record["source"], text=text, text_hash="-",
                          title=record.get("title"), published=published)
        articles.append((article, analyze_article(text, published)))
        if len(articles) >= n:
            break
by_outlet = {}
for article, analysis in articles:
    by_outlet.setdefault(article.source, []).append((article, analysis))
stories = [group[k:k + 5] for group in by_outlet.values() for k in range(0, len(group) - 4, 5)]


def grow():
    steps = 0
    start = time.process_time()
    for story in stories:
        for size in range(1, len(story) + 1):
            brief_parts(([(a, None) for a, _ in story[:size]], {a.id: x for a, x in story[:size]}))
            steps += 1
    return (time.process_time() - start) * 1000 / max(1, steps)


# warmed up (models loaded) on a text of its own, so that no article of the stories is read before
warm = (Article(id="warm-up", source="warm-up", text="The council met on Tuesday. It approved the budget after a "
                "long debate, members said.", text_hash="-", title=None, published=articles[0][0].published),
        Analysis((), (), ()))
read, written = os.pipe()
if os.fork() == 0:  # a copy of this process, where no brief has been made: each step reads its new article
    brief_parts(([(warm[0], None)], {warm[0].id: warm[1]}))
    os.write(written, json.dumps(round(grow(), 2)).encode())
    os._exit(0)
os.close(written)
os.wait()
fresh = json.loads(os.read(read, 64))
brief_parts(([(warm[0], None)], {warm[0].id: warm[1]}))
start = time.process_time()
for article, analysis in articles:
    brief_parts(([(article, None)], {article.id: analysis}))
one = (time.process_time() - start) * 1000 / len(articles)
growing = grow()
print(json.dumps({"one": round(one, 2), "growing": round(growing, 2), "fresh": fresh, "stories": len(stories)}))
"""


def run(checkout: Path, n: int) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": str(checkout / "src"), "HF_HUB_OFFLINE": "1"}
    out = subprocess.run([sys.executable, "-c", CHILD, str(n), str(POLNEAR)], env=env, check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--compare", action="append", default=[], type=Path, help="another checkout (its src/ is used)")
    args = parser.parse_args()
    checkouts = [ROOT, *args.compare]
    results: dict[Path, list[dict[str, float]]] = {c: [] for c in checkouts}
    for r in range(args.rounds):
        for checkout in checkouts if r % 2 == 0 else checkouts[::-1]:
            results[checkout].append(run(checkout, args.n))
            print(f"round {r + 1} {checkout}: {results[checkout][-1]}", flush=True)
    figures = ("one", "growing", "fresh")
    base = {k: statistics.median(x[k] for x in results[ROOT]) for k in figures}
    print(f"\nCPU ms per changed article, medians of {args.rounds} rounds ({args.n} PolNeAR train articles)")
    print(f"  {'checkout':40}" + "".join(f" {k:>8} {'ratio':>6}" for k in figures))
    for checkout in checkouts:
        med = {k: statistics.median(x[k] for x in results[checkout]) for k in figures}
        print(f"  {str(checkout)[-40:]:40}" + "".join(f" {med[k]:8.1f} {med[k] / base[k]:6.2f}" for k in figures))


if __name__ == "__main__":
    main()
