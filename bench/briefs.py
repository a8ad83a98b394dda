"""CPU time of a story's brief (briefing.brief_parts, as ingest makes it: comparison, timeline,
entities) on real articles,
this code against other checkouts, in fresh processes, alternating, medians of the rounds.

    .venv/bin/python bench/briefs.py [--n 100] [--rounds 3] [--compare /path/to/other/checkout]
    .venv/bin/python bench/briefs.py --n 60 --parts    # where the time goes, part by part

The articles are the first --n of PolNeAR train (real reports of about 4,000 characters,
../shared/data/polnear/train.jsonl), analysed once per process (not timed; what it leaves frozen for the
garbage collector, as in the worker pool that makes an ingest's briefs). Three figures, CPU
milliseconds per changed article:
- one: each article a story of its own (what ingesting PolNeAR does: no two articles share a story);
- growing: stories of one outlet's consecutive articles that grow one article at a time to five,
  the brief remade at every step (each step one changed article), as a story that gathers reports
  through a day is; measured after `one`, so each step's new article has been read before;
- fresh: the same growing stories in a copy of the process (forked) where no brief has been made yet,
  so each step reads its new article too, as a step of an ingest does;
- mixed: --n / 15 stories of five reports of five outlets, of the same days (from the whole file, in
  date order), grown the same way after `growing`, each article read alone first (untimed), as `one`
  read the others: the only figure where a story has two voices, so that conflicts and updates are
  looked for.
Each process prints its figures as JSON, with a digest of every brief it made (its JSON, in order);
the parent prints each checkout's medians and their ratio to the first checkout's (this one), and
whether every checkout and round made the same briefs byte for byte."""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = ROOT.parent / "shared" / "data" / "polnear" / "train.jsonl"

CHILD = r"""
import gc, hashlib, json, os, sys, time
from datetime import datetime, UTC
from storyline.analyze import analyze_article
try:
    from storyline.briefing import brief_parts
except ImportError:  # a checkout from before briefing.py, compared with --compare
    from storyline.pipeline import brief_parts  # type: ignore[attr-defined,no-redef]
from storyline.model import Analysis, Article
from storyline.text import normalize_text

n, path = int(sys.argv[1]), sys.argv[2]


def read(record):
    text = normalize_text(record["text"])
    published = datetime.fromisoformat(record["date"]).replace(tzinfo=UTC)
    article = Article(id=record["id"][:40], source=record["source"], text=text, text_hash="-",
                      title=record.get("title"), published=published)
    return article, analyze_article(text, published)


with open(path, encoding="utf-8") as lines:
    records = [json.loads(line) for line in lines]
articles = [read(record) for record in records[:n]]
# stories of five outlets (the file's first reports are one outlet's): in date order, each takes the next
# report of an outlet it does not hold yet, so its reports are of the same days of the campaign
mixed, story, taken = [], [], {record["id"] for record in records[:n]}
for record in sorted(records, key=lambda r: (r["date"], r["id"])):
    if len(mixed) == max(1, n // 15) or record["id"] in taken or record["source"] in {a.source for a, _ in story}:
        continue
    story.append(read(record))
    if len(story) == 5:
        mixed.append(story)
        story = []
# what the analysis left (spaCy's model) frozen for the garbage collector, as the worker pool that makes
# an ingest's briefs has it (engine.worker_pool): a collection then does not walk it, and is not
# charged to whichever part of a brief allocates when it comes
gc.collect()
gc.freeze()
PARTS = {}  # part -> CPU seconds, each part's own (less the parts it calls), with --parts
MADE = []  # every brief made, in order (hashed after the timing): two checkouts must agree byte for byte
made = MADE.append


def digest():
    out = hashlib.sha256()
    for parts in MADE:
        out.update(json.dumps(parts, ensure_ascii=False, default=str).encode() + b"\n")
    MADE.clear()
    return out.hexdigest()[:16]


def time_parts():
    # (part, module, function, modules that imported it, class): this checkout's names
    import importlib
    where = [("static embedding of sentences not seen before", "storyline.embed", "embed", (), "StaticEmbedder"),
             ("units: sentences split and stemmed", "storyline.compare.units", "article_units", ("storyline.compare",), None),
             ("units' figures, dates and entities", "storyline.compare.units", "annotate_units", ("storyline.compare",), None),
             ("the story's entities", "storyline.analyze.entities", "canonical_entities", ("storyline.brief",), None),
             ("candidate pairs of sentences and of quotations", "storyline.compare.align", "candidate_pairs",
              ("storyline.compare", "storyline.compare.statements"), None),
             ("alignment: pair scores and groups", "storyline.compare.align", "align_units", ("storyline.compare",), None),
             ("timeline", "storyline.timeline", "build_timeline", ("storyline.brief",), None),
             ("conflicts and updates (two voices or more)", "storyline.compare.conflicts", "find_conflicts",
              ("storyline.compare",), None)]
    where += [("claims (voices, centrality, cut by value), readability, summary", "storyline.compare.claims", f,
               ("storyline.compare",), None) for f in ("build_claims", "readability", "summarize")]
    where += [("quotations: statements, their alignment and records", "storyline.compare.statements", f,
               ("storyline.compare",), None)
              for f in ("statements_of", "align_quotes", "quote_records", "quote_group_of_units", "speaker_pairs")]
    stack = []
    for label, module, name, users, cls in where:
        owner = getattr(importlib.import_module(module), cls) if cls else importlib.import_module(module)

        def timed(*args, _f=getattr(owner, name), _label=label, **kwargs):
            start = time.process_time()
            stack.append(0.0)
            try:
                return _f(*args, **kwargs)
            finally:
                spent, inner = time.process_time() - start, stack.pop()
                PARTS[_label] = PARTS.get(_label, 0.0) + spent - inner
                if stack:
                    stack[-1] += spent
        setattr(owner, name, timed)
        for user in users:
            if hasattr(importlib.import_module(user), name):
                setattr(importlib.import_module(user), name, timed)


if len(sys.argv) > 3:
    time_parts()


def parts_per(steps):
    out = {k: round(v * 1000 / steps, 2) for k, v in PARTS.items()}
    PARTS.clear()
    return out


by_outlet = {}
for article, analysis in articles:
    by_outlet.setdefault(article.source, []).append((article, analysis))
stories = [group[k:k + 5] for group in by_outlet.values() for k in range(0, len(group) - 4, 5)]


def grow(stories=stories):
    steps = 0
    start = time.process_time()
    for story in stories:
        for size in range(1, len(story) + 1):
            made(brief_parts(([(a, None) for a, _ in story[:size]], {a.id: x for a, x in story[:size]})))
            steps += 1
    return (time.process_time() - start) * 1000 / max(1, steps)


# warmed up (models loaded) on a text of its own, so that no article of the stories is read before
warm = (Article(id="warm-up", source="warm-up", text="The council met on Tuesday. It approved the budget after a "
                "long debate, members said.", text_hash="-", title=None, published=articles[0][0].published),
        Analysis((), (), ()))
read, written = os.pipe()
if os.fork() == 0:  # a copy of this process, where no brief has been made: each step reads its new article
    brief_parts(([(warm[0], None)], {warm[0].id: warm[1]}))
    PARTS.clear()
    fresh = round(grow(), 2)
    os.write(written, json.dumps([fresh, parts_per(5 * len(stories)), digest()]).encode())
    os._exit(0)
os.close(written)
os.wait()
with os.fdopen(read) as pipe:
    fresh, fresh_parts, fresh_digest = json.loads(pipe.read())
brief_parts(([(warm[0], None)], {warm[0].id: warm[1]}))
PARTS.clear()
start = time.process_time()
for article, analysis in articles:
    made(brief_parts(([(article, None)], {article.id: analysis})))
one = (time.process_time() - start) * 1000 / len(articles)
one_parts = parts_per(len(articles))
one_digest = digest()
growing = grow()
growing_parts = parts_per(5 * len(stories))
growing_digest = digest()
for article, analysis in (item for story in mixed for item in story):  # read alone first, as `one` read the others
    brief_parts(([(article, None)], {article.id: analysis}))
PARTS.clear()
MADE.clear()
several = grow(mixed)
figures = {"one": round(one, 2), "growing": round(growing, 2), "fresh": fresh, "mixed": round(several, 2),
           "stories": len(stories), "briefs": [one_digest, growing_digest, fresh_digest, digest()]}
if len(sys.argv) > 3:
    figures["parts"] = {"one": one_parts, "growing": growing_parts, "fresh": fresh_parts,
                        "mixed": parts_per(5 * len(mixed))}
print(json.dumps(figures))
"""


def run(checkout: Path, n: int, parts: bool = False) -> dict:
    env = {**os.environ, "PYTHONPATH": str(checkout / "src"), "HF_HUB_OFFLINE": "1"}
    out = subprocess.run([sys.executable, "-c", CHILD, str(n), str(POLNEAR), *(["parts"] if parts else [])], env=env,
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def print_parts(n: int) -> None:
    """One process of this checkout with each part of the brief timed apart (its own CPU time, less
    the parts it calls; the rest is what no part names: the story's records, embedding lookups)."""
    result = run(ROOT, n, parts=True)
    figures = ("one", "growing", "fresh", "mixed")
    print(f"CPU ms per changed article, one process, each part timed apart ({n} PolNeAR train articles)\n")
    print("| part | " + " | ".join(figures) + " |")
    print("|---|" + "---|" * len(figures))
    labels = sorted({k for f in figures for k in result["parts"][f]}, key=lambda k: -result["parts"]["fresh"].get(k, 0))
    for label in labels:
        print(f"| {label} | " + " | ".join(f"{result['parts'][f].get(label, 0.0):.1f}" for f in figures) + " |")
    rest = [result[f] - sum(result["parts"][f].values()) for f in figures]
    print("| the rest | " + " | ".join(f"{r:.1f}" for r in rest) + " |")
    print("| whole | " + " | ".join(f"{result[f]:.1f}" for f in figures) + " |")


def alternate(checkouts: list[Path], rounds: int, run_one: Callable[[Path], dict]) -> dict[Path, list[dict]]:
    """Each checkout run once a round, in turn, the order reversed every other round so that none always
    runs first; the figures of each run, by checkout (bench/brief_stage.py runs its checkouts so too)."""
    results: dict[Path, list[dict]] = {c: [] for c in checkouts}
    for r in range(rounds):
        for checkout in checkouts if r % 2 == 0 else checkouts[::-1]:
            results[checkout].append(run_one(checkout))
            print(f"round {r + 1} {checkout}: {results[checkout][-1]}", flush=True)
    return results


def print_medians(results: dict[Path, list[dict]], figures: tuple[str, ...]) -> None:
    """Each checkout's medians of these figures and their ratio to the first checkout's."""
    first = next(iter(results.values()))
    base = {k: statistics.median(x[k] for x in first) for k in figures}
    print(f"  {'checkout':40}" + "".join(f" {k:>8} {'ratio':>6}" for k in figures))
    for checkout, runs in results.items():
        med = {k: statistics.median(x[k] for x in runs) for k in figures}
        print(f"  {str(checkout)[-40:]:40}" + "".join(f" {med[k]:8.1f} {med[k] / base[k]:6.2f}" for k in figures))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--compare", action="append", default=[], type=Path, help="another checkout (its src/ is used)")
    parser.add_argument("--parts", action="store_true", help="time each part of the brief, this checkout, one process")
    args = parser.parse_args()
    if args.parts:
        print_parts(args.n)
        return
    checkouts = [ROOT, *args.compare]
    results = alternate(checkouts, args.rounds, lambda checkout: run(checkout, args.n))
    print(f"\nCPU ms per changed article, medians of {args.rounds} rounds ({args.n} PolNeAR train articles)")
    print_medians(results, ("one", "growing", "fresh", "mixed"))
    made = {tuple(x["briefs"]) for runs in results.values() for x in runs}
    growing_alike = all(x["briefs"][1] == x["briefs"][2] for runs in results.values() for x in runs)
    print("\nthe briefs (one, growing, fresh, mixed) " + ("byte for byte the same in every checkout and round"
                                                   if len(made) == 1 else f"DIFFER: {sorted(made)}")
          + ("; growing's the same as fresh's" if growing_alike else "; growing's DIFFER from fresh's"))


if __name__ == "__main__":
    main()
