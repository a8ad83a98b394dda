"""Throughput of the analysis stage (analyze_article) beside the full spaCy pipeline, in one run.

    .venv/bin/python bench/analysis.py [--articles 60] [--workers 2]

Articles of about 500 words are made by joining the paragraphs of examples/demo (or, without it, a
built-in report). Three figures per configuration, as articles per second of wall time, and in
brackets per second of the workers' own CPU time (the rate idle cores would give, when other work
shares the machine):
- analyze_article: our stage (NER pass, entity, quote and date rules), and with tagger=True;
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


def _ours(texts: list[str], tagger: bool = False) -> tuple[int, float]:
    from storyline.analyze import analyze_article, load_nlp

    nlp = load_nlp(tagger=tagger)
    cpu = time.process_time()
    for text in texts:
        analyze_article(text, PUBLISHED, nlp)
    return len(texts), time.process_time() - cpu


def _full(texts: list[str]) -> tuple[int, float]:
    import spacy

    from storyline.analyze.nlp import DEFAULT_MODEL

    if DEFAULT_MODEL not in _PIPELINES:
        _PIPELINES[DEFAULT_MODEL] = spacy.load(DEFAULT_MODEL)
    nlp = _PIPELINES[DEFAULT_MODEL]
    cpu = time.process_time()
    for text in texts:
        nlp(text)
    return len(texts), time.process_time() - cpu


_PIPELINES: dict = {}


def _ours_tagged(texts: list[str]) -> tuple[int, float]:
    return _ours(texts, tagger=True)


_RUNS = {"ours": _ours, "ours+tagger": _ours_tagged, "full": _full}


def _warm(kind: str) -> int:
    return _RUNS[kind](make_articles(2))[0]


def rate(kind: str, texts: list[str], workers: int) -> tuple[float, float]:
    """Articles per second of wall time, and per second of each worker's own CPU time summed over workers
    (what idle cores would give), for texts in this process (workers=1) or spread over worker processes."""
    run = _RUNS[kind]
    if workers == 1:
        run(texts[:2])  # load and warm the model outside the timing
        start = time.perf_counter()
        done, cpu = run(texts)
        return done / (time.perf_counter() - start), done / cpu
    with ProcessPoolExecutor(max_workers=workers) as pool:
        list(pool.map(_warm, [kind] * workers))
        chunks = [texts[k::workers] for k in range(workers)]
        start = time.perf_counter()
        results = list(pool.map(run, chunks))
        wall = time.perf_counter() - start
    return sum(n for n, _ in results) / wall, sum(n / cpu for n, cpu in results)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=60)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    texts = make_articles(args.articles)
    words = sum(len(t.split()) for t in texts) / len(texts)
    print(f"{len(texts)} articles of {words:.0f} words on average; {os.cpu_count()} cores")
    print("articles/s by wall clock (and by CPU time: what idle cores would give when others share the machine)")
    for workers in sorted({1, args.workers}):
        label = f"{workers} process{'es' if workers > 1 else ''}"
        full, full_cpu = rate("full", texts, workers)
        print(f"{label:11s} spaCy, full pipeline (baseline)  {full:5.1f} ({full_cpu:5.1f})")
        for kind, name in (("ours", "analyze_article"), ("ours+tagger", "analyze_article, tagger=True")):
            ours, ours_cpu = rate(kind, texts, workers)
            print(f"{label:11s} {name:32s} {ours:5.1f} ({ours_cpu:5.1f})   ratio {ours / full:4.2f}x "
                  f"({ours_cpu / full_cpu:4.2f}x)")


if __name__ == "__main__":
    main()
