"""The whole ingest over real-length news articles, beside BERTopic's clustering and the embedding floor.

    .venv/bin/python bench/real.py                        # 300 PolNeAR train articles, 3 rounds
    .venv/bin/python bench/real.py --n 60 --rounds 1      # a quick look
    .venv/bin/python bench/real.py --n 8 --rounds 1 --skip-bertopic
    .venv/bin/python bench/real.py --n 200 --profile 40   # one ingest under cProfile, top 40 by cumulative time

The articles are the first N of PolNeAR's train split (real US political news, about 4,500
characters each; ../shared/data/polnear/train.jsonl, or --data). Each method runs in a fresh
process, the methods alternating within each round, and its wall time is the whole process's as the
parent sees it: interpreter start, imports and model loads included, as a user running it pays them.

- ingest: what `storyline ingest FILE` does (read the file, normalise, dedupe, embed at 64 tokens,
  cluster, analyse with spaCy, compare, briefs, SQLite) into a fresh temporary database;
- BERTopic: `BERTopic(embedding_model=MiniLM).fit_transform(texts)` over headline and body, the same
  MiniLM at its full 256 tokens, UMAP and HDBSCAN at their defaults (numba compiles them in each fresh
  process, as it does for a user; its on-disk cache, where it has one, stays warm across rounds);
- floor: storyline's MiniLM at 64 tokens over the same headlines and leads ingest embeds, model
  load included: what placing the articles cannot go below with this model.

With --compare-env NAME=VALUE, another method, the same ingest with that environment variable set
(say STORYLINE_ANALYSIS_PROCESSES=1), alternates with the others: a change measured in the same run.
It may be given again, and may set several variables ("A=1 B=2"); PYTHONPATH=OLD/src runs the
ingest of another checkout of the code (git worktree add OLD COMMIT), before against after.

Medians of the rounds; the ratios the issue's targets use (ingest/BERTopic wall <= 0.8, ingest/floor
<= 2.5) from the medians, and each round's own ratio, since the methods of one round ran side by side.
Then the ingest's own stage clock (pipeline.IngestReport.seconds) in ms per article, medians of the
rounds. PASS/FAIL is printed; nothing is asserted."""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from workers import emit, run_worker  # bench/workers.py

SHARED = Path(os.environ.get("STORYLINE_SHARED", ROOT.parent / "shared"))
DATA = SHARED / "data" / "polnear" / "train.jsonl"
METHODS = ("ingest", "bertopic", "floor")
TARGET_BERTOPIC = 0.8  # ingest wall / BERTopic wall
TARGET_FLOOR = 2.5  # ingest wall / embedding-floor wall


def write_subset(data: Path, n: int, out: Path) -> tuple[int, float]:
    """The first n records of data into out (JSON Lines as storyline reads them); (records, mean characters)."""
    rows = []
    with data.open(encoding="utf-8") as handle:
        for line in handle:
            if len(rows) >= n:
                break
            if line.strip():
                rows.append(json.loads(line))
    with out.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    return len(rows), statistics.fmean(len(row["text"]) for row in rows) if rows else 0.0


# --- Workers: each runs in its own process and prints one RESULT line ---


def run_ingest(data: Path, db: Path):  # type: ignore[no-untyped-def]
    """What `storyline ingest DATA --db DB` runs, returning the IngestReport (the CLI prints only its summary)."""
    from storyline.engine import open_engine
    from storyline.pipeline import ingest
    from storyline.settings import settings_from_env
    from storyline.sources import read_inputs
    from storyline.store import open_store

    settings = settings_from_env(db=str(db))
    with open_engine(settings) as engine:
        store = open_store(db)
        try:
            items = list(read_inputs([str(data)], settings))
            return ingest(items, store, settings, engine=engine), len(store.stories())
        finally:
            store.close()


def work_ingest(data: Path, db: Path) -> None:
    report, stories = run_ingest(data, db)
    try:
        from storyline.engine import close_worker_pool
    except ImportError:  # code from before the worker pool (a --compare-env PYTHONPATH=… baseline)
        pass
    else:
        close_worker_pool()  # its workers' CPU and peak memory then count as this process's children's
    emit({"method": "ingest", "ingested": report.ingested, "duplicates": report.duplicates,
          "rejected": len(report.rejected), "new_stories": report.new_stories, "stories": stories,
          "seconds": dict(report.seconds)})


def records_and_articles(data: Path) -> list:
    """The articles ingest would make of the file's records (normalised text, headline), in file order."""
    from storyline.model import Article, Record
    from storyline.pipeline import identify
    from storyline.settings import settings_from_env
    from storyline.sources import read_inputs

    items = read_inputs([str(data)], settings_from_env())
    return [article for article in (identify(item) for item in items if isinstance(item, Record)) if isinstance(article, Article)]


def work_bertopic(data: Path) -> None:
    """BERTopic over headline and body, embedding with the same MiniLM at its full 256 tokens."""
    try:
        from bertopic import BERTopic
    except ImportError:
        emit({"method": "bertopic", "missing": True})
        return
    from sentence_transformers import SentenceTransformer

    from storyline.embed import _packaged_model_path

    docs = [f"{article.given_title or ''}\n{article.text}" for article in records_and_articles(data)]
    model = SentenceTransformer(_packaged_model_path(), device="cpu")
    model.max_seq_length = 256
    try:
        topics, _ = BERTopic(embedding_model=model).fit_transform(docs)
    except ValueError as exc:  # HDBSCAN's defaults need more documents than a handful
        emit({"method": "bertopic", "failed": f"{type(exc).__name__}: {exc}"})
        return
    emit({"method": "bertopic", "docs": len(docs), "topics": len(set(topics) - {-1}),
          "outliers": sum(t == -1 for t in topics)})


def work_floor(data: Path) -> None:
    """storyline's MiniLM at 64 tokens over headline and lead, model load included."""
    from storyline.embed import article_text_for_embedding, load_embedder

    texts = [article_text_for_embedding(article) for article in records_and_articles(data)]
    vectors = load_embedder(max_tokens=64).embed(texts)
    emit({"method": "floor", "texts": len(texts), "dim": int(vectors.shape[1])})


# --- The parent ---


def median(values: list[float]) -> float:
    return float(statistics.median(values)) if values else float("nan")


def verdict(ok: bool | None) -> str:
    return "SKIP" if ok is None else "PASS" if ok else "FAIL"


# The ingest's stage clock, as nested in pipeline.py: `wait` is the driver waiting for the engine's
# next prepared chunk, which the in-process engine computes right then (language, signature, embed,
# analyze; the embedder's load is in `wait` but outside those); `assign` is inside `serial`.
PREPARE = ("language", "signature", "embed", "analyze")
DRIVER = ("identify", "wait", "multilingual", "serial", "briefs", "progressions")


def stage_rows(seconds: dict[str, float], wall: float) -> list[tuple[str, float]]:
    """(label, seconds) rows of one ingest: the driver's stages with prepare's and assign inside them,
    and what no clock covers (interpreter start, imports, reading the file, opening the store)."""
    def get(name):
        return seconds.get(name, 0.0)
    prepared = sum(get(name) for name in PREPARE)
    rows = [("start, imports, read file, open store (no clock)", wall - sum(get(name) for name in DRIVER)),
            ("identify (normalise, exact duplicates)", get("identify")),
            ("prepare (wait for the engine's chunk)", get("wait"))]
    rows += [(f"  {name}", get(name)) for name in PREPARE]
    rows += [("  rest: embedder load, chunking", get("wait") - prepared),
             ("multilingual", get("multilingual")),
             ("serial (near-duplicates, assign, writes)", get("serial")),
             ("  assign (LSH and story index)", get("assign")),
             ("briefs (compare, timeline, storylines)", get("briefs")),
             ("progressions (what changed across storylines)", get("progressions")),
             ("total (process wall)", wall)]
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA, help="JSON Lines of articles (default: PolNeAR train)")
    parser.add_argument("--n", type=int, default=300, help="articles")
    parser.add_argument("--rounds", type=int, default=3, help="rounds, the methods alternating; medians reported")
    parser.add_argument("--skip-bertopic", action="store_true", help="leave BERTopic out")
    parser.add_argument("--profile", type=int, metavar="LINES",
                        help="instead: one ingest in this process under cProfile, the top LINES by cumulative time")
    parser.add_argument("--compare-env", metavar="NAME=VALUE", action="append",
                        help="also run the ingest with these environment variables set (space-separated NAME=VALUE "
                             "pairs), alternating with the rest; may be given again for another variant")
    parser.add_argument("--save", type=Path, help="also write every run's figures to this JSON file (with --profile: "
                                                  "the profile, as pstats reads it)")
    parser.add_argument("--load", type=Path, help="print the tables of a --save file instead of running")
    parser.add_argument("--worker", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.load:
        saved = json.loads(args.load.read_text())
        return report(saved["runs"], saved["n"], saved["rounds"], live=False)
    if args.worker:
        name, rest = args.worker[0], [Path(value) for value in args.worker[1:]]
        {"ingest": work_ingest, "bertopic": work_bertopic, "floor": work_floor}[name](*rest)
        return
    if not args.data.exists():
        raise SystemExit(f"{args.data} not found: give --data, or set STORYLINE_SHARED to the folder holding data/polnear")

    with tempfile.TemporaryDirectory(prefix="storyline-real-") as folder:
        work = Path(folder)
        subset = work / "articles.jsonl"
        n, chars = write_subset(args.data, args.n, subset)
        if args.profile:
            return profile(subset, work / "profile.db", n, args.profile, args.save)
        methods = [m for m in METHODS if not (m == "bertopic" and args.skip_bertopic)]
        variants: dict[str, dict[str, str]] = {}
        for given in args.compare_env or []:
            variants["ingest " + given] = dict(pair.partition("=")[::2] for pair in given.split())
        methods[1:1] = list(variants)
        print(f"{n} articles from {args.data.name}, {chars:,.0f} characters on average; {args.rounds} round(s) of "
              f"{', '.join(methods)} in fresh processes, alternating; {os.cpu_count()} cores, "
              f"load average {os.getloadavg()[0]:.1f}", flush=True)
        runs: dict[str, list[dict]] = {m: [] for m in methods}
        for round_ in range(args.rounds):
            # Each round starts with a different method, so that none always follows the same one.
            order = methods[round_ % len(methods):] + methods[:round_ % len(methods)]
            for method in order:
                worker, env = (method, None) if method not in variants else ("ingest", variants[method])
                worker_args = [str(subset)]
                if worker == "ingest":
                    worker_args.append(str(work / f"ingest-{methods.index(method)}-{round_}.db"))
                result = run_worker(Path(__file__).resolve(), worker, *worker_args, timeout=3600, env=env)
                runs[method].append(result)
                shown = ("not installed" if result.get("missing") else f"failed ({result['failed']})" if result.get("failed")
                         else f"{result['process_seconds']:.1f} s")
                print(f"  round {round_ + 1}/{args.rounds}: {method:<8} {shown}, CPU {result['cpu_seconds']:.1f} s, "
                      f"peak {result['peak_mb']:.0f} MB (child {result.get('children_peak_mb', 0):.0f})", flush=True)
                if args.save:
                    args.save.write_text(json.dumps({"n": n, "rounds": args.rounds, "runs": runs}))
        report(runs, n, args.rounds)


def report(runs: dict[str, list[dict]], n: int, rounds: int, live: bool = True) -> None:
    if live:
        print(f"\nload average at the end: {os.getloadavg()[0]:.1f} (the machine may be shared: compare the ratios, "
              "which come from one run, more than the rates)")
    names = {"ingest": "storyline ingest (whole path, analysis and briefs)",
             "bertopic": "BERTopic, same MiniLM at 256 tokens (UMAP, HDBSCAN)",
             "floor": "MiniLM at 64 tokens over headline+lead, load included"}
    usable = {m: [r for r in rs if not r.get("missing") and not r.get("failed")] for m, rs in runs.items()}
    wall = {m: median([r["process_seconds"] for r in rs]) for m, rs in usable.items() if rs}
    for method in runs:
        if method.startswith("ingest "):
            names[method] = f"storyline ingest with {method[len('ingest '):]}"
    cpu = {m: median([r["cpu_seconds"] for r in rs]) for m, rs in usable.items() if rs}
    print(f"\n{'method (fresh process each)':<56} {'wall s':>7} {'art/s':>7} {'CPU s':>7} {'peak MB':>8} {'child MB':>8}")
    for method, results in usable.items():
        if not results:
            missing = any(r.get("missing") for r in runs[method])
            print(f"{names[method]:<56} " + ("not installed (pip install -e '.[bench]')" if missing
                                             else f"failed: {runs[method][0].get('failed')}"))
            continue
        print(f"{names[method]:<56} {wall[method]:>7.1f} {n / wall[method]:>7.1f} {cpu[method]:>7.1f} "
              f"{max(r['peak_mb'] for r in results):>8.0f} {max(r.get('children_peak_mb', 0) for r in results):>8.0f}")
    print("  (CPU s: the process's and its children's CPU time, which other work on a shared machine does not "
          "inflate; peak MB: the worker process alone; child MB: the largest process it started, such as an analysis "
          "worker)")
    bertopic = usable.get("bertopic", [])
    if bertopic:
        print(f"  BERTopic found {median([r['topics'] for r in bertopic]):.0f} topics, "
              f"{median([r['outliers'] for r in bertopic]):.0f} outliers")
    ingest = runs["ingest"]
    print(f"  ingest stored {ingest[0]['ingested']} articles ({ingest[0]['duplicates']} duplicates, "
          f"{ingest[0]['rejected']} rejected) in {ingest[0]['stories']} stories")

    print("\nratios of wall time (medians; each round's own in brackets), and of CPU time")
    targets = []
    variants = [m for m in runs if m.startswith("ingest ")]
    for method, target in (("bertopic", TARGET_BERTOPIC), ("floor", TARGET_FLOOR), *((m, None) for m in variants)):
        if method not in wall:
            targets.append((f"ingest / {method} wall <= {target}", None, "not run"))
            continue
        ratio = wall["ingest"] / wall[method]
        each = ", ".join(f"{a['process_seconds'] / b['process_seconds']:.2f}" for a, b in zip(ingest, runs[method])
                         if not b.get("failed"))
        print(f"  ingest / {method:<8} {ratio:5.2f}  ({each});  CPU {cpu['ingest'] / cpu[method]:5.2f}")
        if target is not None:
            targets.append((f"ingest / {method} wall <= {target}", ratio <= target, f"{ratio:.2f}"))

    print(f"\ningest stage by stage (its own StageClock; ms per article, medians of {len(ingest)} of {rounds} round(s))")
    ingests = ["ingest", *variants]
    tables = {m: [stage_rows(r["seconds"], r["process_seconds"]) for r in runs[m]] for m in ingests}
    total = median([r["process_seconds"] for r in ingest])
    for i, method in enumerate(variants, 1):
        print(f"  (v{i}: ingest with {method[len('ingest '):]})")
    print(f"  {'stage':<52} {'ms/art':>8} {'share':>6}" + "".join(f"  {'v' + str(i):>8}" for i in range(1, len(variants) + 1)))
    for i, (label, _) in enumerate(tables["ingest"][0]):
        value = median([table[i][1] for table in tables["ingest"]])
        others = "".join(f"  {1000 * median([table[i][1] for table in tables[m]]) / n:>8.1f}" for m in variants)
        print(f"  {label:<52} {1000 * value / n:>8.1f} {100 * value / total:>5.0f}%{others}")
    analysis = median([r["seconds"].get("analyze", 0.0) for r in ingest])
    briefs = median([r["seconds"].get("briefs", 0.0) for r in ingest])
    targets.append(("analysis >= 25 articles/s (its own clock, spaCy load included)", n / analysis >= 25 if analysis else None,
                    f"{n / analysis:.1f}/s" if analysis else "no analysis"))
    stories = ingest[0]["stories"]
    targets.append(("briefs <= 10 ms per changed article (here every article is new)", 1000 * briefs / n <= 10,
                    f"{1000 * briefs / n:.1f} ms ({stories} stories)"))

    print("\ntargets (issue 24)")
    for name, ok, value in targets:
        print(f"  {verdict(ok):<4}  {name:<66} {value}")


def profile(data: Path, db: Path, n: int, lines: int, save: Path | None) -> None:
    """One ingest in this process under cProfile: the functions by cumulative time, then by own time
    (with --save, the whole profile is also written there, for pstats or snakeviz)."""
    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    result, _ = run_ingest(data, db)
    profiler.disable()
    wall = time.perf_counter() - started
    print(f"one ingest of {n} articles under cProfile: {wall:.1f} s (profiling slows Python-heavy code more than "
          f"spaCy's and torch's compiled loops); stage clock: "
          + ", ".join(f"{name} {value:.1f}" for name, value in sorted(result.seconds.items(), key=lambda kv: -kv[1])))
    if save:
        profiler.dump_stats(save)
    stats = pstats.Stats(profiler, stream=sys.stdout).strip_dirs()
    stats.sort_stats("cumulative").print_stats(lines)
    stats.sort_stats("tottime").print_stats(max(10, lines // 2))


if __name__ == "__main__":
    main()
