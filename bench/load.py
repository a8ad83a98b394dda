"""Readers while a writer writes: concurrent clients read the web server on loopback while
`storyline ingest` stores a synthetic stream into the same database.

    .venv/bin/python bench/load.py                          # 50 clients, 5,000 articles
    .venv/bin/python bench/load.py --clients 20 --articles 1000

bench/synth.py writes the stream (invented outlets, events and people); the first `--seed-articles`
are ingested before the server starts, so that there are stories to read, and the rest by one
`storyline ingest` process while `--clients` threads (one keep-alive connection each) read
/api/stories, a story's JSON brief, its HTML page and a search, as fast as the server answers. The
server is the real one (`storyline serve`, uvicorn, its own process on 127.0.0.1). It prints the
errors (any answer but 200, any transport error, any body saying "database is locked"; there must be
none), p50/p95/p99 latency of each kind of request, and checks at the end that every written article
is readable through the API. tests/test_reliability.py runs a short version of the same load."""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import threading
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synth  # noqa: E402
from serving import STORYLINE, serving


def write_stream(path: Path, articles: int, seed: int = 1, max_words: int | None = None) -> list[str]:
    """A synthetic stream of `articles` records (oldest first; each cut to `max_words` when given) as JSON
    Lines; returns their ids. Wire copies whose text is exactly another's are left out: storyline
    stores them once by design, and here every record should become one article."""
    from storyline.text import normalize_text, text_hash

    events = max(articles // 25, 4)
    ids: list[str] = []
    texts: set[str] = set()
    generated = synth.generate(articles * 2, max(articles // 300, 7), 20, events * 2, seed)
    with path.open("w", encoding="utf-8") as handle:
        for record in generated:
            if len(ids) == articles:
                break
            record = {key: record[key] for key in ("id", "date", "source", "title", "text", "url")}
            if max_words:
                record["text"] = " ".join(record["text"].split()[:max_words])
            digest = text_hash(normalize_text(record["text"]))
            if digest in texts:
                continue
            texts.add(digest)
            handle.write(json.dumps(record) + "\n")
            ids.append(record["id"])
    return ids


def split_stream(path: Path, first: int) -> tuple[Path, Path]:
    """The stream's first `first` lines and the rest, as two files beside it."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    head, tail = path.with_suffix(".head.jsonl"), path.with_suffix(".tail.jsonl")
    head.write_text("".join(lines[:first]), encoding="utf-8")
    tail.write_text("".join(lines[first:]), encoding="utf-8")
    return head, tail


@dataclass
class LoadResult:
    """What the clients saw: latencies (ms) by kind of request, and every error, described."""

    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def requests(self) -> int:
        return sum(len(values) for values in self.latencies.values())

    def record(self, kind: str, started: float, problem: str | None) -> None:
        with self.lock:
            self.latencies[kind].append((time.perf_counter() - started) * 1000)
            if problem:
                self.errors.append(f"{kind}: {problem}")


KINDS = ("GET /api/stories", "GET /api/stories/{id}", "GET /stories/{id} (HTML)", "GET /api/search?q=")


def _client(base: str, words: list[str], stories: list[str], result: LoadResult, stop: threading.Event,
            seed: int, think: float) -> None:
    """One reader: a random kind of request after another (`think` seconds apart), until told to stop."""
    rng = random.Random(seed)
    with httpx.Client(base_url=base, timeout=60) as client:
        while not stop.wait(think):
            kind = rng.choice(KINDS)
            story = rng.choice(stories) if stories else None
            if kind == "GET /api/stories":
                path = f"/api/stories?offset={rng.randrange(0, max(len(stories), 1))}"
            elif story is None:
                continue
            elif kind == "GET /api/stories/{id}":
                path = f"/api/stories/{story}"
            elif kind == "GET /stories/{id} (HTML)":
                path = f"/stories/{story}"
            else:
                path = "/api/search?q=" + "+".join(rng.sample(words, rng.choice((1, 2))))
            started = time.perf_counter()
            try:
                response = client.get(path)
            except httpx.HTTPError as exc:
                result.record(kind, started, f"{path}: {type(exc).__name__} {exc}")
                continue
            problem = None
            if response.status_code != 200:
                problem = f"{path}: HTTP {response.status_code} {response.text[:200]}"
            elif "database is locked" in response.text:
                problem = f"{path}: 'database is locked' in the answer"
            result.record(kind, started, problem)
            if kind == "GET /api/stories" and not problem:
                for item in response.json()["items"]:
                    if item["id"] not in stories:
                        stories.append(item["id"])  # list.append is atomic; readers see new stories


def read_while(base: str, clients: int, words: list[str], busy: subprocess.Popen, max_seconds: float,
               think: float = 0.0) -> LoadResult:
    """`clients` reader threads against the server until the writer process `busy` ends (or max_seconds)."""
    result = LoadResult()
    stories: list[str] = [item["id"] for item in httpx.get(base + "/api/stories?limit=500", timeout=60).json()["items"]]
    stop = threading.Event()
    threads = [threading.Thread(target=_client, args=(base, words, stories, result, stop, seed, think), daemon=True)
               for seed in range(clients)]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + max_seconds
    while busy.poll() is None and time.monotonic() < deadline:
        time.sleep(0.2)
    stop.set()
    for thread in threads:
        thread.join(timeout=120)
    return result


def unreadable(base: str, ids: list[str], db: Path) -> list[str]:
    """The input records that cannot be read back through the API: every stored article's page is
    fetched, and its external id must be one of `ids`, each exactly once."""
    from storyline.store import open_store

    with open_store(db, create=False) as store:
        stored = [article.id for article, _, _ in store.articles()]
    seen: dict[str, int] = defaultdict(int)
    missing = []
    with httpx.Client(base_url=base, timeout=60) as client:
        for article_id in stored:
            response = client.get(f"/api/articles/{article_id}")
            if response.status_code != 200:
                missing.append(f"{article_id}: HTTP {response.status_code}")
                continue
            seen[response.json()["article"]["external_id"]] += 1
    missing += [f"record {i}: not stored" for i in ids if seen.get(i, 0) == 0]
    missing += [f"record {i}: stored {n} times" for i, n in seen.items() if n > 1]
    return missing


def _ingest(stream: Path, db: Path) -> None:
    done = subprocess.run([STORYLINE, "ingest", str(stream), "--db", str(db)], capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"the first ingest failed: {done.stderr[-2000:]}")


def search_words(stream: Path, count: int = 300) -> list[str]:
    """Words from the stream's headlines, to search for."""
    words = set()
    for line in stream.read_text(encoding="utf-8").splitlines():
        title = json.loads(line).get("title") or ""
        words |= {w.strip(".,;:'’").lower() for w in title.split() if len(w) > 4}
    return sorted(words)[:count] or ["report"]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def run(workdir: Path, articles: int, seed_articles: int, clients: int, max_seconds: float,
        seed: int = 1, max_words: int | None = None, think: float = 0.0,
        first_ingest: Callable[[Path, Path], None] | None = None) -> tuple[LoadResult, list[str], float, int]:
    """The whole scenario; returns what the clients saw, the unreadable records, the writer's seconds
    and its exit status. `first_ingest(stream, db)` stores the seed articles (default: `storyline ingest`)."""
    stream, db = workdir / "stream.jsonl", workdir / "load.db"
    ids = write_stream(stream, articles, seed, max_words)
    head, tail = split_stream(stream, seed_articles)
    (first_ingest or _ingest)(head, db)
    words = search_words(stream)
    with serving(["--db", str(db)]) as base:
        started = time.perf_counter()
        # Its messages go to a file: a pipe nobody reads would block the writer once it filled.
        writer = subprocess.Popen([STORYLINE, "ingest", str(tail), "--db", str(db)], stdout=subprocess.DEVNULL,
                                  stderr=(db.parent / "writer.err").open("w"))
        result = read_while(base, clients, words, writer, max_seconds, think)
        if writer.poll() is None:
            writer.kill()
        status = writer.wait()
        seconds = time.perf_counter() - started
        missing = unreadable(base, ids, db)
    return result, missing, seconds, status


def main(argv: list[str] | None = None) -> None:
    import tempfile

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000, help="articles in the stream")
    parser.add_argument("--seed-articles", type=int, default=200, help="ingested before the server starts")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--max-seconds", type=float, default=3600, help="stop the writer after this long")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="storyline-load-") as tmp:
        result, missing, seconds, status = run(Path(tmp), args.articles, args.seed_articles, args.clients,
                                               args.max_seconds, args.seed)
    written = args.articles - args.seed_articles
    print(f"{args.clients} clients read while one writer ingested {written:,} articles "
          f"({seconds:.0f} s, {written / seconds:.1f} articles/s, exit status {status})")
    print(f"{result.requests:,} requests, {result.requests / seconds:.0f}/s; errors: {len(result.errors)}")
    for error in result.errors[:10]:
        print(f"  {error}")
    print(f"{'request':28} {'count':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}")
    everything = [value for values in result.latencies.values() for value in values]
    for kind, values in [*sorted(result.latencies.items()), ("all", everything)]:
        print(f"{kind:28} {len(values):7,} {percentile(values, 0.5):8.1f} {percentile(values, 0.95):8.1f} "
              f"{percentile(values, 0.99):8.1f}")
    print(f"articles readable at the end: {args.articles - len([m for m in missing if 'not stored' in m]):,} "
          f"of {args.articles:,}; problems: {len(missing)}")
    for problem in missing[:10]:
        print(f"  {problem}")


if __name__ == "__main__":
    main()
