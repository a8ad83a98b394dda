"""Scaling out: the same ingest on one process and on Dask workers, stage by stage, and the cost of
the serial story-assignment step as the store grows.

    .venv/bin/python bench/scale.py                       # N=100k synthetic articles, sizes 10k,100k
    .venv/bin/python bench/scale.py --n 3000 --assign-sizes 3000,10000
    .venv/bin/python bench/scale.py --pg postgresql://user:pass@host/db   # also PostgreSQL

Three parts, all in one run:

1. Full ingest (every stage, analysis and briefs included) of N synthetic articles (bench/synth.py)
   into a fresh store: SQLite in-process (the baseline), then with a PostgreSQL store (given with
   --pg, else a throwaway pgserver if the wheel is installed and this checkout has the PostgreSQL
   store) in-process and on Dask with 1 and 2 worker processes; without PostgreSQL, Dask runs
   against SQLite. Printed: articles/s, × the baseline, and seconds per stage. Driver stages:
   identify, wait (for the workers), serial (near-duplicate group, story assignment, writes),
   assign (its in-memory part), briefs. Prepare's stages (language, signature, embed, analyze)
   are summed over the workers, so N / embed seconds is the per-worker embedding rate.
2. Story assignment alone at each of --assign-sizes: the serial stage fed with prepared chunks
   whose vectors come from the static (model2vec) model instead of the transformer, so that 100k
   articles take minutes; the serial stage does not care where its vectors come from. Printed: ms
   per article of the serial stage and of its in-memory part, and the ratio between the sizes.
3. Sameness: the ECB+ dev split ingested in-process and on 2 Dask workers (B-cubed F1 between
   the two partitions, and whether every story's claims and quotes are identical).

Every figure comes from this run; the machine and its load say how far to trust them.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any, Iterator

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

import synth  # bench/synth.py, beside this file; noqa: E402

from storyline.engine import DaskEngine, InProcessEngine, dask_client  # noqa: E402
from storyline.model import Record  # noqa: E402
from storyline.pipeline import Prepared, PreparedChunk, ingest, prepare  # noqa: E402
from storyline.settings import Settings  # noqa: E402
from storyline.store import open_store  # noqa: E402

ECBPLUS = HERE.parent.parent / "shared" / "data" / "ecbplus" / "ecbplus_train_dev.jsonl"
STAGES = ("identify", "wait", "serial", "assign", "briefs", "language", "signature", "embed", "analyze")


def records(n: int, seed: int) -> list[Record]:
    """N synthetic records, oldest first (14 days, 30 outlets, one event per 20 articles)."""
    return [synth.as_record(row) for row in synth.generate(n, 14, 30, max(1, n // 20), seed)]


# --- stores: a SQLite file, or a temporary schema in PostgreSQL -----------------------------------


def postgres_available() -> bool:
    try:
        from storyline.store.postgres import temporary_schema  # noqa: F401  (the `postgres` branch's store)
    except ImportError:
        return False
    return True


@contextmanager
def pg_server(url: str | None) -> Iterator[str | None]:
    """The PostgreSQL URL to measure: --pg, else a throwaway pgserver; None when neither can be had."""
    if not postgres_available():
        print("PostgreSQL: skipped (this checkout has no PostgreSQL store)")
        yield None
        return
    if url:
        yield url
        return
    try:
        import pgserver
    except ImportError:
        print("PostgreSQL: skipped (no --pg URL and the pgserver wheel is not installed)")
        yield None
        return
    with tempfile.TemporaryDirectory(prefix="storyline-pg-") as tmp:
        server = pgserver.get_server(Path(tmp) / "pg", cleanup_mode="stop")
        try:
            yield server.get_uri()
        finally:
            server.cleanup()


@contextmanager
def fresh_store(kind: str, workdir: Path, pg_url: str | None) -> Iterator[tuple[Any, Any]]:
    """(store, size in bytes: a function) of a new, empty store of this kind."""
    if kind == "SQLite":
        path = workdir / f"bench-{time.monotonic_ns()}.db"
        with open_store(path, create=True) as store:
            yield store, lambda: sum(p.stat().st_size for p in workdir.glob(path.name + "*"))
        return
    from storyline.store.postgres import temporary_schema

    with temporary_schema(pg_url, "storyline_bench") as schema, open_store(pg_url, create=True, schema=schema) as store:
        yield store, lambda: pg_schema_bytes(pg_url, schema)


def pg_schema_bytes(url: str, schema: str) -> int:
    import psycopg

    with psycopg.connect(url) as conn:
        row = conn.execute("SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0) FROM pg_class c "
                           "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = %s AND c.relkind = 'r'",
                           (schema,)).fetchone()
    return int(row[0])


# --- part 1: full ingest, per engine --------------------------------------------------------------


def warm_up(sample: list[Record], settings: Settings, client: Any = None) -> float:
    """Load the models where prepare will run (every worker), so that no timed run pays for it."""
    from storyline.pipeline import identify

    articles = [identify(r) for r in sample]  # languages unset: the detector loads too
    started = time.perf_counter()
    if client is not None:
        client.run(prepare, articles, settings)
    else:
        prepare(articles, settings)
    from storyline.embed import load_static_embedder

    load_static_embedder()  # the briefs' sentence model, in the driver
    return time.perf_counter() - started


def full_run(name: str, kind: str, engine: Any, items: list[Record], settings: Settings, workdir: Path,
             pg_url: str | None) -> dict:
    with fresh_store(kind, workdir, pg_url) as (store, size):
        started = time.perf_counter()
        report = ingest(items, store, settings, engine=engine)
        seconds = time.perf_counter() - started
        stories = {article.external_id: story for article, story, _ in store.articles()}
        result = {"name": name, "n": report.ingested, "seconds": seconds, "rate": report.ingested / seconds,
                  "stages": dict(report.seconds), "bytes": size(), "stories": store.count("stories"),
                  "partition": stories}
    print(f"  done: {name}: {seconds:.1f} s", flush=True)
    return result


def part_full(n: int, seed: int, workers: list[int], workdir: Path, pg_url: str | None) -> list[dict]:
    items = records(n, seed)
    settings = Settings()
    sample = items[:8]
    runs = []
    warm_up(sample, settings)
    runs.append(full_run("SQLite, in-process", "SQLite", InProcessEngine(), items, settings, workdir, pg_url))
    if pg_url:
        runs.append(full_run("PostgreSQL, in-process", "PostgreSQL", InProcessEngine(), items, settings, workdir,
                             pg_url))
    kind = "PostgreSQL" if pg_url else "SQLite"
    for count in workers:
        started = time.perf_counter()
        with dask_client(replace(settings, engine="dask", workers=count)) as client:
            client.wait_for_workers(count)
            warm = warm_up(sample, settings, client)
            print(f"  Dask, {count} worker(s): cluster up and models loaded in {time.perf_counter() - started:.1f} s "
                  f"({warm:.1f} s of it loading models)", flush=True)
            runs.append(full_run(f"{kind} + Dask, {count} worker{'s' if count > 1 else ''}", kind,
                                 DaskEngine(client), items, settings, workdir, pg_url))
    return runs


def print_full(runs: list[dict], n: int) -> None:
    base = runs[0]
    print(f"\n1. Full ingest of {n} synthetic articles (analysis and briefs on); seconds per stage "
          "(prepare's stages summed over workers)")
    header = f"{'run':<32} {'art/s':>7} {'× base':>6} {'total':>7} " + " ".join(f"{s:>9}" for s in STAGES)
    print(header)
    for run in runs:
        stages = " ".join(f"{run['stages'].get(s, 0.0):>9.1f}" for s in STAGES)
        print(f"{run['name']:<32} {run['rate']:>7.1f} {run['rate'] / base['rate']:>6.2f} {run['seconds']:>7.1f} {stages}")
    from storyline.evaluate.clusters import cluster_scores

    for run in runs[1:]:
        same = cluster_scores(run["partition"], base["partition"])["b3_f1"]
        print(f"  B-cubed F1 of '{run['name']}' against the baseline's stories: {same:.4f}")
    print("\n   per article, from each run:")
    print(f"{'run':<32} {'prepare ms':>10} {'embed ms':>9} {'embed/s':>8} {'serial ms':>9} {'assign ms':>9} "
          f"{'serial/s':>8} {'serial/embed':>12} {'briefs ms':>9} {'stories':>7} {'bytes/art':>9}")
    for run in runs:
        st, count = run["stages"], run["n"]
        prepare_s = sum(st.get(s, 0.0) for s in ("language", "signature", "embed", "analyze"))
        embed_rate = count / st["embed"] if st.get("embed") else float("nan")
        serial_rate = count / st["serial"] if st.get("serial") else float("nan")
        print(f"{run['name']:<32} {1000 * prepare_s / count:>10.2f} {1000 * st.get('embed', 0) / count:>9.2f} "
              f"{embed_rate:>8.1f} {1000 * st.get('serial', 0) / count:>9.2f} {1000 * st.get('assign', 0) / count:>9.2f} "
              f"{serial_rate:>8.1f} {serial_rate / embed_rate:>12.1f} {1000 * st.get('briefs', 0) / count:>9.2f} "
              f"{run['stories']:>7} {run['bytes'] / count:>9.0f}")


# --- part 2: the serial stage alone, as the store grows ----------------------------------------------


class StaticVectorEngine:
    """Prepares chunks with the static model's vectors in place of the transformer's, no analysis:
    for measuring the serial stage at sizes the transformer would take hours to embed."""

    def __init__(self) -> None:
        from storyline.embed import load_static_embedder

        self.embedder = load_static_embedder()

    def map(self, fn: Any, chunks: Any, settings: Settings) -> Iterator[PreparedChunk]:
        from storyline import cluster, dedupe
        from storyline.embed import article_text_for_embedding

        for chunk in chunks:
            vectors = self.embedder.embed([article_text_for_embedding(a) for a in chunk])
            yield PreparedChunk([Prepared(a, dedupe.signature(a.text, settings.minhash_perm, settings.shingle_words),
                                          frozenset(cluster.article_terms(a)), v, self.embedder.name, None)
                                 for a, v in zip(chunk, vectors)], {})


def part_assign(sizes: list[int], seed: int, workdir: Path, pg_url: str | None) -> list[dict]:
    settings = Settings(analyze=False, embedder="static")  # the static vectors' own fitted parameters
    engine = StaticVectorEngine()
    results = []
    for kind in ["SQLite"] + (["PostgreSQL"] if pg_url else []):
        for size in sizes:
            items = records(size, seed)
            with fresh_store(kind, workdir, pg_url) as (store, _size):
                started = time.perf_counter()
                report = ingest(items, store, settings, engine=engine)
                seconds = time.perf_counter() - started
            results.append({"store": kind, "n": size, "seconds": seconds, "serial": report.seconds["serial"],
                            "assign": report.seconds["assign"]})
            print(f"  done: assignment alone, {kind}, {size}: {seconds:.1f} s; serial "
                  f"{1000 * report.seconds['serial'] / size:.3f} ms/article, of it assign "
                  f"{1000 * report.seconds['assign'] / size:.3f}", flush=True)
    return results


def print_assign(results: list[dict]) -> None:
    print("\n2. Story assignment alone (the serial stage: near-duplicate group, story, writes), static vectors")
    print(f"{'store':<11} {'N':>7} {'serial ms/art':>13} {'assign ms/art':>13} {'serial art/s':>12} {'× smallest N':>13}")
    for kind in dict.fromkeys(r["store"] for r in results):
        rows = [r for r in results if r["store"] == kind]
        first = rows[0]["serial"] / rows[0]["n"]
        for r in rows:
            per = r["serial"] / r["n"]
            print(f"{kind:<11} {r['n']:>7} {1000 * per:>13.3f} {1000 * r['assign'] / r['n']:>13.3f} "
                  f"{1 / per:>12.0f} {per / first:>13.2f}")


# --- part 3: the same stories, claims and quotes on ECB+ dev --------------------------------------


def part_sameness(workdir: Path, workers: int) -> None:
    from storyline.brief import load_brief
    from storyline.evaluate.clusters import cluster_scores
    from storyline.sources import read_inputs

    if not ECBPLUS.exists():
        print(f"\n3. skipped: {ECBPLUS} not found")
        return
    dev = workdir / "ecbplus-dev.jsonl"
    rows = [json.loads(line) for line in ECBPLUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    dev.write_text("".join(json.dumps(r) + "\n" for r in rows if r.get("split") == "dev"), encoding="utf-8")
    items = list(read_inputs([str(dev)], Settings()))
    settings = Settings()

    def run(engine: Any) -> tuple[dict, dict, float]:
        with fresh_store("SQLite", workdir, None) as (store, _size):
            report = ingest(items, store, settings, engine=engine)
            partition = {article.id: story for article, story, _ in store.articles()}
            briefs = {row.id: {k: load_brief(store, row)[k] for k in ("claims", "quotes")} for row in store.stories()}
            gold = {report.article_of[o]: g for o, g in report.gold_of.items()}
            return partition, briefs, cluster_scores(partition, gold)["b3_f1"]

    local = run(InProcessEngine())
    with dask_client(replace(settings, engine="dask", workers=workers)) as client:
        client.wait_for_workers(workers)
        dask = run(DaskEngine(client))
    same = cluster_scores(dask[0], local[0])["b3_f1"]
    print(f"\n3. ECB+ dev ({len(items)} articles): in-process vs Dask with {workers} workers")
    print(f"   B-cubed F1 between the two partitions: {same:.4f}; identical story ids: {dask[0] == local[0]}; "
          f"identical claims and quotes in all {len(local[1])} stories: {dask[1] == local[1]}")
    print(f"   B-cubed F1 against the gold: in-process {local[2]:.4f}, Dask {dask[2]:.4f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000, help="synthetic articles for the full runs")
    parser.add_argument("--assign-sizes", default="10000,100000", help="sizes for the assignment-only runs")
    parser.add_argument("--workers", default="1,2", help="Dask worker counts to run")
    parser.add_argument("--pg", default=None, help="a postgresql:// URL (else a throwaway pgserver, if installed)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--skip", default="", help="parts to skip, e.g. 'full,sameness'")
    args = parser.parse_args()
    workers = [int(w) for w in args.workers.split(",") if w]
    skip = set(args.skip.split(","))
    print(f"bench/scale.py on {os.cpu_count()} CPUs; N={args.n}, assignment sizes {args.assign_sizes}, "
          f"workers {workers}", flush=True)
    with tempfile.TemporaryDirectory(prefix="storyline-scale-") as tmp, pg_server(args.pg) as pg_url:
        workdir = Path(tmp)
        if "full" not in skip:
            print_full(part_full(args.n, args.seed, workers, workdir, pg_url), args.n)
        if "assign" not in skip:
            print_assign(part_assign([int(s) for s in args.assign_sizes.split(",")], args.seed, workdir, pg_url))
        if "sameness" not in skip:
            part_sameness(workdir, max(workers))


if __name__ == "__main__":  # Dask's worker processes import this module again: nothing may run then
    main()
