"""Latency of the web server at scale: /api/stories, a story page and a search, at N articles.

    .venv/bin/python bench/web.py                    # 100,000 articles, 200 requests of each kind
    .venv/bin/python bench/web.py --articles 20000 --requests 100 --db /tmp/web-bench.db

The database is built without the models: bench/synth.py writes the articles (invented outlets,
events and people), and they are stored directly through the store with random unit vectors,
random MinHash signatures and one story per synthetic event, each story with a brief of a few
entities, quotes and claims (one conflict in five stories), so that every page has something to
render. FTS5 indexes the text as in a real ingest. A database built once is reused with --db.

Before measuring, a quarter of the requests of every kind warm the server (its per-thread SQLite
page caches), as a server in use would be. The server is the real one (`storyline serve`, uvicorn, in its own process on 127.0.0.1: bench/serving.py); requests are sequential over one
keep-alive connection, so the figures are per-request latency, not throughput. Floors are
printed as PASS/FAIL: p95 < 100 ms for each kind; nothing is asserted."""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

import httpx
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synth
from serving import serving

from storyline.model import Record, StoryState
from storyline.pipeline import make_article
from storyline.sources.dates import parse_published
from storyline.store import open_store

FLOOR_MS = 100.0
DIM = 384


def build(db: Path, n: int, seed: int) -> None:
    """N synthetic articles stored directly: articles (FTS by trigger), duplicates, vectors, stories, briefs."""
    events = max(n // 20, 10)
    days = max(n // 300, 14)
    rng = np.random.default_rng(seed)
    started = time.perf_counter()
    members: dict[str, list] = defaultdict(list)
    with open_store(db, create=True) as store:
        batch = []
        for record in synth.generate(n, days, 40, events, seed):
            article = make_article(Record(text=record["text"], origin=record["id"], source=record["source"],
                                          title=record["title"], published=parse_published(record["date"]),
                                          url=record["url"], external_id=record["id"]))
            batch.append((article, record["gold"]))
            if len(batch) == 5000:
                _store_batch(store, batch, members, rng)
                batch = []
                print(f"  stored {sum(len(m) for m in members.values()):,} articles "
                      f"({time.perf_counter() - started:.0f}s)", file=sys.stderr)
        _store_batch(store, batch, members, rng)
        with store.transaction():
            for label, items in members.items():
                days_seen = sorted(a.day for a in items if a.day)
                state = StoryState(id="s" + items[0].id[1:], centroid=rng.standard_normal(DIM).astype(np.float32),
                                   size=len(items), first_seen=days_seen[0] if days_seen else None,
                                   last_seen=days_seen[-1] if days_seen else None)
                store.save_story(state, items[0].title or label, items[0].id, "bench/1")
                for article in items:
                    store.add_member(article.id, state.id, 1.0, "bench/1")
                store.save_brief(state.id, _brief(items, random.Random(label)), len(items), "bench/1")
    print(f"built {n:,} articles, {len(members):,} stories in {time.perf_counter() - started:.0f}s", file=sys.stderr)


def _store_batch(store, batch, members, rng) -> None:
    with store.transaction():
        for article, label in batch:
            if store.find_article(article.canonical_url, article.text_hash):
                continue
            store.insert_article(article)
            signature = rng.integers(0, 2**63, 128, dtype=np.uint64)
            store.insert_duplicate(article.id, article.id, 1.0, signature, "bench/1")
            vector = rng.standard_normal(DIM).astype(np.float32)
            store.insert_vector(article.id, "random", vector / np.linalg.norm(vector), set(), "bench/1")
            members[label].append(article)


def _brief(items, rng: random.Random) -> dict:
    """A plausible brief for a synthetic story: names from its text, a few quotes and claims."""
    words = [w.strip(".,;:") for a in items[:3] for w in a.text.split() if w[:1].isupper() and len(w) > 3]
    names = list(dict.fromkeys(words))[:8] or ["Nobody"]
    outlets = sorted({a.source for a in items})
    sentences = [s.strip() for a in items[:4] for s in a.text.split(". ") if len(s) > 40][:8] or ["Something happened"]
    claims = []
    for i, sentence in enumerate(sentences[:5]):
        article = items[i % len(items)]
        span = {"article": article.id, "start": 0, "end": min(len(article.text), 60)}
        status = "corroborated" if len(outlets) > 1 and i % 2 == 0 else "single"
        claims.append({"text": sentence, "status": status, "sources": outlets[:2] if status == "corroborated"
                       else [article.source], "evidence": [span]})
    if len(outlets) > 1 and rng.random() < 0.2:
        claims.insert(0, {"text": "The toll", "status": "conflict", "sources": outlets[:2],
                          "evidence": [{"article": items[0].id, "start": 0, "end": 20}],
                          "conflict": {"about": "number", "values": [{"source": outlets[0], "value": "12"},
                                                                      {"source": outlets[1], "value": "14"}]}})
    quotes = [{"speaker": names[i % len(names)], "text": s, "sources": [items[i % len(items)].source], "direct": True,
               "variants": [{"article": items[i % len(items)].id, "text": s, "start": 0, "end": len(s)}]}
              for i, s in enumerate(sentences[:4])]
    return {"entities": [{"name": n, "type": "PERSON", "aliases": [], "mentions": 2} for n in names],
            "quotes": quotes, "claims": claims, "timeline": [], "summary": []}


def measure(base: str, paths: list[str], client: httpx.Client) -> list[float]:
    timings = []
    for path in paths:
        started = time.perf_counter()
        response = client.get(base + path)
        timings.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{path}: HTTP {response.status_code}")
    return timings


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=200, help="requests of each kind")
    parser.add_argument("--db", type=Path, default=None, help="database to build (or reuse, if it exists)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)

    db = args.db or Path(f"/tmp/storyline-web-bench-{args.articles}.db")
    if not db.exists():
        build(db, args.articles, args.seed)
    with open_store(db, create=False) as store:
        stories = [row.id for row in store.stories()]
        articles = store.count("articles")
        vocabulary = [row["text"] for row in store.conn.execute(
            "SELECT title AS text FROM articles WHERE title IS NOT NULL ORDER BY random() LIMIT 500")]
    words = [w.strip(".,;:'’").lower() for t in vocabulary for w in t.split() if len(w) > 4]
    rng = random.Random(args.seed)
    kinds = {
        "GET /api/stories (20 stories)": ["/api/stories"] + [f"/api/stories?offset={rng.randrange(0, len(stories))}"
                                                           for _ in range(args.requests - 1)],
        "GET /api/stories?limit=50": [f"/api/stories?limit=50&offset={rng.randrange(0, len(stories))}"
                                      for _ in range(args.requests)],
        "GET /stories/{id} (HTML page)": [f"/stories/{rng.choice(stories)}" for _ in range(args.requests)],
        "GET /api/search?q= (1-2 words)": ["/api/search?q=" + "+".join(rng.sample(words, rng.choice((1, 2))))
                                          for _ in range(args.requests)],
        "GET / (stories page, HTML)": ["/"] + [f"/?offset={rng.randrange(0, len(stories))}"
                                              for _ in range(args.requests - 1)],
        "GET /search?q= (HTML)": ["/search?q=" + rng.choice(words) for _ in range(args.requests)],
    }
    print(f"{articles:,} articles, {len(stories):,} stories in {db}; {args.requests} sequential requests of each kind")
    print(f"{'request':34} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}  floor p95 < {FLOOR_MS:.0f} ms")
    with serving(["--db", str(db)]) as base, httpx.Client(timeout=60) as client:
        # Warm up as a server in use would be: every kind, in random order, before the clock starts.
        warm = [path for paths in kinds.values() for path in paths[: max(args.requests // 4, 1)]]
        rng.shuffle(warm)
        measure(base, warm, client)
        for name, paths in kinds.items():
            timings = sorted(measure(base, paths, client))
            p95 = timings[min(len(timings) - 1, round(0.95 * len(timings)) - 1)]
            verdict = "PASS" if p95 < FLOOR_MS else "FAIL"
            print(f"{name:34} {statistics.median(timings):8.1f} {p95:8.1f} {timings[-1]:8.1f}  {verdict}")


if __name__ == "__main__":
    main()
