"""The store's own cost on SQLite and on PostgreSQL, and what it costs an ingest to catch up with another.

    PYTHONPATH=src .venv/bin/python bench/store.py --articles 2000

One synthetic stream (bench/synth.py) is embedded once; the vectors are then replayed, so that the
figures are the store's and story assignment's, not the model's. Printed, as ratios against SQLite
measured in the same run:

- ingest (analysis off): articles/s into a SQLite file and into a throwaway PostgreSQL 16 (pgserver);
- catching up: what one ingest does inside its turn when another has just stored a chunk of 256
  articles (pipeline.catch_up: their signatures, terms and the stories they touched), against
  reloading every active story and its recent members under the lock instead.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synth  # noqa: E402

from storyline import cluster, pipeline  # noqa: E402
from storyline.dedupe import DuplicateIndex  # noqa: E402
from storyline.embed import article_text_for_embedding, load_embedder  # noqa: E402
from storyline.model import Record  # noqa: E402
from storyline.pipeline import catch_up, ingest, make_article  # noqa: E402
from storyline.settings import Settings  # noqa: E402
from storyline.sources.dates import parse_published  # noqa: E402
from storyline.store import open_store  # noqa: E402

CHUNK = 256


class ReplayEmbedder:
    """The real model's vectors, computed once and replayed for every store."""

    def __init__(self, texts: list[str]) -> None:
        model = load_embedder()
        self.name = model.name
        self.vectors = dict(zip(texts, model.embed(texts)))

    def embed(self, texts: list[str]) -> np.ndarray:
        return np.stack([self.vectors[text] for text in texts])


def records(n: int) -> list[Record]:
    rows = synth.generate(n, max(7, n // 300), 30, max(1, n // 20), 1)
    return [Record(text=row["text"], title=row.get("title"), published=parse_published(row["date"]),
                   source=row["source"], url=row.get("url"), external_id=row["id"], origin=row["id"]) for row in rows]


def timed(action, repeat: int = 5) -> float:
    """The median seconds of an action."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def measure(db: str, items: list[Record], embedder: ReplayEmbedder) -> dict[str, float]:
    settings = Settings(db=db, analyze=False)
    pipeline.load_article_embedder = lambda _settings: embedder  # the in-process engine's prepare replays
    with open_store(db) as store:
        started = time.perf_counter()
        ingest(items, store, settings)
        seconds = time.perf_counter() - started
        mark = store.article_mark() - CHUNK
        params = cluster.load_params(embedder.name)

        def catching_up() -> None:
            with store.transaction():
                catch_up(store, mark, DuplicateIndex(settings.duplicate_threshold, settings.minhash_perm),
                         cluster.StoryIndex([], params))

        def reloading() -> None:
            with store.transaction():
                newest = max(a.day for a in (make_article(r) for r in items[-CHUNK:]) if a.day)
                active = store.active_stories(newest - timedelta(days=2 * params.window_days))
                members = {s.id: store.recent_member_vectors(s.id, cluster.RECENT_MEMBERS) for s in active}
                cluster.StoryIndex(active, params, None, members)

        return {"articles": store.count("articles"), "stories": store.count("stories"), "rate": len(items) / seconds,
                "catch_up_ms": 1000 * timed(catching_up), "reload_ms": 1000 * timed(reloading)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    args = parser.parse_args()
    import pgserver

    items = records(args.articles)
    embedder = ReplayEmbedder([article_text_for_embedding(make_article(r)) for r in items])
    with tempfile.TemporaryDirectory(prefix="storyline-bench-") as tmp:
        server = pgserver.get_server(Path(tmp) / "pg", cleanup_mode="stop")
        try:
            results = {"SQLite": measure(str(Path(tmp) / "bench.db"), items, embedder),
                       "PostgreSQL": measure(server.get_uri(), items, embedder)}
        finally:
            server.cleanup()
    base = results["SQLite"]
    print(f"{args.articles} synthetic articles, vectors replayed, analysis off; catching up after {CHUNK} "
          "articles of another run")
    print(f"{'store':<11} {'articles':>8} {'stories':>7} {'ingest/s':>9} {'× SQLite':>8} {'catch-up ms':>11} "
          f"{'reload-all ms':>13} {'reload/catch-up':>15}")
    for name, r in results.items():
        print(f"{name:<11} {r['articles']:>8} {r['stories']:>7} {r['rate']:>9.1f} {r['rate'] / base['rate']:>8.2f} "
              f"{r['catch_up_ms']:>11.1f} {r['reload_ms']:>13.1f} {r['reload_ms'] / r['catch_up_ms']:>15.1f}")


if __name__ == "__main__":
    main()
