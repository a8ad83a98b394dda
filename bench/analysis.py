"""Throughput of the analysis stage (analyze_article) beside the full spaCy pipeline, in one run.

    .venv/bin/python bench/analysis.py [--articles 60] [--workers 2]

Articles of about 500 words are made by joining the paragraphs of examples/demo (or, without it, a
built-in report). Three figures per configuration, as articles per second:
- analyze_article: our stage (tagger + NER pass, entity, quote and date rules);
- spaCy, full pipeline: nlp(text) with every component of the packaged model enabled, the baseline;
- their ratio. Then the same over --workers processes (one model per process), as the pipeline maps
  the per-article stage over partitions. The floor is 20 articles/s on 2 cores."""

from __future__ import annotations

import os

# One BLAS thread per process: with two cores, nested threading only adds contention.
for _name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_name, "1")

import argparse  # noqa: E402
import time  # noqa: E402
from concurrent.futures import ProcessPoolExecutor  # noqa: E402
from datetime import date  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "examples" / "demo"
PUBLISHED = date(2025, 2, 14)

_FALLBACK = """Foreign Minister Ilse Varga said on Wednesday that the port of Kessel would reopen next month.

“We will not let one storm close the coast for the whole season,” Varga told reporters at a briefing, “and the first
ships will dock on Monday.” She said repairs had cost about 40 million euros.

Harbour master Ines Falkenrath, speaking on a local radio show, said the divers had checked every pile. “The pier held.
The cranes did not,” she said. Union leader Tomas Brennan warned that the dockers would strike if the overtime was not
paid by the end of the month.

The storm struck Kessel three days ago, two years after a flood in 2023 closed the port for six weeks."""


def make_articles(count: int, words: int = 500) -> list[str]:
    """count articles of about `words` words, cycling through the demo's paragraphs."""
    paragraphs: list[str] = []
    if DEMO.exists():
        for path in sorted(DEMO.rglob("*.txt")):
            body = path.read_text(encoding="utf-8").split("\n\n", 1)[-1]
            paragraphs.extend(p.strip() for p in body.split("\n\n") if p.strip())
    if not paragraphs:
        paragraphs = [p.strip() for p in _FALLBACK.split("\n\n")]
    articles, current, n, i = [], [], 0, 0
    while len(articles) < count:
        paragraph = paragraphs[i % len(paragraphs)]
        i += 1
        current.append(paragraph)
        n += len(paragraph.split())
        if n >= words:
            articles.append("\n\n".join(current))
            current, n = [], 0
    return articles


def _ours(texts: list[str]) -> int:
    from storyline.analyze import analyze_article, load_nlp

    nlp = load_nlp()
    for text in texts:
        analyze_article(text, PUBLISHED, nlp)
    return len(texts)


def _full(texts: list[str]) -> int:
    from storyline.analyze.nlp import DEFAULT_MODEL

    nlp = _full_pipeline(DEFAULT_MODEL)
    for text in texts:
        nlp(text)
    return len(texts)


_PIPELINES: dict = {}


def _full_pipeline(name: str):
    import spacy

    if name not in _PIPELINES:
        _PIPELINES[name] = spacy.load(name)
    return _PIPELINES[name]


def _warm(kind: str) -> int:
    texts = make_articles(2)
    return _ours(texts) if kind == "ours" else _full(texts)


def rate(kind: str, texts: list[str], workers: int) -> float:
    """Articles per second for texts, in this process (workers=1) or spread over worker processes."""
    run = _ours if kind == "ours" else _full
    if workers == 1:
        run(texts[:2])  # load and warm the model outside the timing
        start = time.perf_counter()
        run(texts)
        return len(texts) / (time.perf_counter() - start)
    with ProcessPoolExecutor(max_workers=workers) as pool:
        list(pool.map(_warm, [kind] * workers))
        chunks = [texts[k::workers] for k in range(workers)]
        start = time.perf_counter()
        done = sum(pool.map(run, chunks))
        return done / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=60)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    texts = make_articles(args.articles)
    words = sum(len(t.split()) for t in texts) / len(texts)
    print(f"{len(texts)} articles of {words:.0f} words on average; {os.cpu_count()} cores")
    for workers in sorted({1, args.workers}):
        ours = rate("ours", texts, workers)
        full = rate("full", texts, workers)
        print(f"{workers} process{'es' if workers > 1 else ''}: analyze_article {ours:6.1f} articles/s   "
              f"spaCy full pipeline {full:6.1f} articles/s   ratio {ours / full:4.2f}x")


if __name__ == "__main__":
    main()
