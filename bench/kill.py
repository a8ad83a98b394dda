"""Crash safety: SIGKILL `storyline ingest` at random moments, rerun it to completion, and count what
survived; then what synchronous=FULL would cost against NORMAL.

    .venv/bin/python bench/kill.py                               # 10,000 articles, 100 kills
    .venv/bin/python bench/kill.py --articles 1000 --kills 10    # shorter
    .venv/bin/python bench/kill.py --kills 0 --sync-articles 300 # only the synchronous comparison
    .venv/bin/python bench/kill.py --embedder static --batch-size 64  # faster start-up, smaller commits

bench/synth.py writes the stream (one JSON Lines file, invented outlets, events and people). Each
round starts `storyline ingest FILE --db DB` in its own process and kills it with SIGKILL: half the
time after a random delay (uniform between 0 and --max-delay seconds, mostly during start-up), half
the time 0-3 s after the run's first commit (inside the next chunk's transaction, or while briefs are
refreshed). A round that finishes before its kill is counted as finished. --embedder and --batch-size
are passed on as STORYLINE_EMBEDDER and STORYLINE_BATCH_SIZE (every run of the bench uses the same):
the static model starts faster than MiniLM, which matters when the process starts a hundred times,
and a smaller chunk commits sooner and more often.
After the kills, one last run goes to completion. Then, read straight from the file: lost (records
of the stream not stored), duplicated (stored more than once), PRAGMA integrity_check, and whether
the stories are complete (every article in exactly one live story, story sizes equal to their
members, no missing or stale brief: `storyline check` finds no problem).

The synchronous comparison ingests the same --sync-articles records in-process into fresh databases
with PRAGMA synchronous=NORMAL and =FULL, alternating (models loaded once, warmed first), and also
times --sync-commits small transactions alone, where the fsync of each commit is all there is."""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synth  # noqa: E402

STORYLINE = str(Path(sys.executable).parent / "storyline")


def write_stream(path: Path, articles: int, seed: int) -> list[str]:
    """The synthetic stream as JSON Lines (exact copies of a text included: storyline stores those once,
    and the count below allows for it); returns the record ids."""
    ids = []
    with path.open("w", encoding="utf-8") as handle:
        for record in synth.generate(articles, max(articles // 300, 7), 30, max(articles // 20, 4), seed):
            handle.write(json.dumps({k: record[k] for k in ("id", "date", "source", "title", "text", "url")}) + "\n")
            ids.append(record["id"])
    return ids


def kill_rounds(stream: Path, db: Path, kills: int, max_delay: float, rng: random.Random) -> tuple[int, int, int]:
    """Start the ingest and SIGKILL it, until `kills` kills; (kills, kills that came after the run had
    committed articles, runs finished). Half the kills come after a delay uniform in 0..max_delay (mostly
    start-up: models loading, input being read); the other half wait for the run's first commit, then
    come 0-3 s later (inside the next chunk's transaction, or while briefs are refreshed)."""
    done, mid_ingest, finished = 0, 0, 0
    while done < kills and finished <= kills:
        before = stored(db)
        process = subprocess.Popen([STORYLINE, "ingest", str(stream), "--db", str(db)],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if rng.random() < 0.5:
            deadline = time.monotonic() + rng.uniform(0.0, max_delay)
            while process.poll() is None and time.monotonic() < deadline:
                time.sleep(0.05)
        else:
            while process.poll() is None and stored(db) <= before:
                time.sleep(0.2)
            deadline = time.monotonic() + rng.uniform(0.0, 3.0)
            while process.poll() is None and time.monotonic() < deadline:
                time.sleep(0.05)
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            process.wait()
            done += 1
            mid_ingest += stored(db) > before
        else:
            finished += 1
            if process.returncode != 0:
                raise SystemExit(f"an ingest that was not killed failed with status {process.returncode}")
        print(f"  round {done + finished}: {done} kills, {stored(db):,} articles stored", file=sys.stderr)
    return done, mid_ingest, finished


def stored(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=30) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.DatabaseError:
        return 0


def survey(db: Path, stream: Path) -> dict[str, object]:
    """What the database holds against what the stream offered."""
    from storyline.text import normalize_text, text_hash

    records = [json.loads(line) for line in stream.read_text(encoding="utf-8").splitlines()]
    conn = sqlite3.connect(db)
    try:
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        counts = Counter(row[0] for row in conn.execute("SELECT external_id FROM articles"))
        hashes = {row[0] for row in conn.execute("SELECT text_hash FROM articles")}
        membership = conn.execute("""SELECT count(*), count(DISTINCT m.article_id) FROM story_members m
                                     JOIN stories s ON s.id = m.story_id WHERE s.merged_into IS NULL""").fetchone()
        articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    finally:
        conn.close()
    # A record is lost when neither it nor an exact copy of its text was stored.
    lost = [r["id"] for r in records if r["id"] not in counts and text_hash(normalize_text(r["text"])) not in hashes]
    check = subprocess.run([STORYLINE, "check", "--db", str(db)], capture_output=True, text=True)
    return {"records": len(records), "articles": articles, "lost": len(lost),
            "duplicated": sum(n - 1 for n in counts.values() if n > 1), "integrity": integrity,
            "in_one_live_story": membership[0] == membership[1] == articles,
            "check": check.returncode == 0, "check_output": (check.stderr + check.stdout).strip()}


def compare_synchronous(workdir: Path, articles: int, commits: int, rounds: int, seed: int) -> None:
    """Ingest cost and commit cost with synchronous=NORMAL and =FULL, measured in this run."""
    from storyline.embed import load_article_embedder
    from storyline.pipeline import ingest
    from storyline.settings import settings_from_env
    from storyline.sources import read_inputs
    from storyline.sources.feeds import FeedState
    from storyline.store import open_store

    stream = workdir / "sync.jsonl"
    write_stream(stream, articles + 20, seed + 1)
    lines = stream.read_text(encoding="utf-8").splitlines(keepends=True)
    (workdir / "warm.jsonl").write_text("".join(lines[:20]), encoding="utf-8")
    (workdir / "measure.jsonl").write_text("".join(lines[20:]), encoding="utf-8")
    settings = settings_from_env()
    load_article_embedder(settings)  # loaded before the clock, as ingest loads it once per process

    def ingest_seconds(name: str, mode: str, source: str) -> float:
        db = workdir / f"{name}.db"
        items = list(read_inputs([str(workdir / source)], settings))
        with open_store(db) as store:
            store.conn.execute(f"PRAGMA synchronous={mode}")
            started = time.perf_counter()
            ingest(items, store, settings)
            return time.perf_counter() - started

    def commit_seconds(name: str, mode: str) -> float:
        with open_store(workdir / f"{name}.db") as store:
            store.conn.execute(f"PRAGMA synchronous={mode}")
            started = time.perf_counter()
            for i in range(commits):
                with store.transaction():
                    store.save_feed(FeedState(url=f"https://feeds.example/{name}/{i}"))
            return time.perf_counter() - started

    ingest_seconds("warm", "NORMAL", "warm.jsonl")  # loads and warms every model
    timings: dict[str, list[float]] = {"NORMAL": [], "FULL": []}
    commit_timings: dict[str, list[float]] = {"NORMAL": [], "FULL": []}
    for i in range(rounds):
        for mode in (("NORMAL", "FULL") if i % 2 == 0 else ("FULL", "NORMAL")):
            timings[mode].append(ingest_seconds(f"{mode}-{i}", mode, "measure.jsonl"))
            commit_timings[mode].append(commit_seconds(f"commits-{mode}-{i}", mode))
    normal, full = statistics.median(timings["NORMAL"]), statistics.median(timings["FULL"])
    c_normal, c_full = statistics.median(commit_timings["NORMAL"]), statistics.median(commit_timings["FULL"])
    print(f"synchronous, {articles} articles ingested in-process, median of {rounds} (order alternated):")
    print(f"  NORMAL {normal:7.1f} s ({articles / normal:5.1f} articles/s)   "
          f"FULL {full:7.1f} s ({articles / full:5.1f} articles/s)   FULL/NORMAL = {full / normal:.3f}")
    print(f"  {commits} one-row transactions alone: NORMAL {c_normal * 1000 / commits:.2f} ms each, "
          f"FULL {c_full * 1000 / commits:.2f} ms each (FULL/NORMAL = {c_full / c_normal:.1f})")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--kills", type=int, default=100)
    parser.add_argument("--max-delay", type=float, default=30.0,
                        help="seconds: the latest of the kills that do not wait for a commit")
    parser.add_argument("--sync-articles", type=int, default=300,
                        help="articles for the synchronous comparison (0: skip)")
    parser.add_argument("--sync-commits", type=int, default=500)
    parser.add_argument("--sync-rounds", type=int, default=2)
    parser.add_argument("--embedder", choices=("minilm", "static"), default="minilm",
                        help="the article embedder of every run (STORYLINE_EMBEDDER); minilm is storyline's default")
    parser.add_argument("--batch-size", type=int, default=None,
                        help="articles per transaction (STORYLINE_BATCH_SIZE); default storyline's own, 256")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path, default=None, help="work in this folder and keep it")
    args = parser.parse_args(argv)
    os.environ["STORYLINE_EMBEDDER"] = args.embedder  # every ingest below, and the in-process comparison
    if args.batch_size:
        os.environ["STORYLINE_BATCH_SIZE"] = str(args.batch_size)
    else:
        os.environ.pop("STORYLINE_BATCH_SIZE", None)

    with tempfile.TemporaryDirectory(prefix="storyline-kill-") as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        if args.kills:
            stream, db = work / "stream.jsonl", work / "kill.db"
            write_stream(stream, args.articles, args.seed)
            started = time.perf_counter()
            kills, mid_ingest, finished = kill_rounds(stream, db, args.kills, args.max_delay, random.Random(args.seed))
            last = subprocess.run([STORYLINE, "ingest", str(stream), "--db", str(db)], capture_output=True, text=True)
            seconds = time.perf_counter() - started
            found = survey(db, stream)
            print(f"{args.articles:,} articles; {kills} SIGKILLs at random moments ({mid_ingest} after the run had "
                  f"committed articles, the others within {args.max_delay:.0f} s of its start), "
                  f"{finished} runs finished before their kill, then one run to completion (status {last.returncode}); "
                  f"{seconds:.0f} s in all; embedder {args.embedder}, {args.batch_size or 256} articles per transaction")
            print(f"  stored {found['articles']:,} articles for {found['records']:,} records "
                  f"(exact copies of a text are stored once)")
            print(f"  lost {found['lost']}, duplicated {found['duplicated']}, integrity {found['integrity']}, "
                  f"every article in one live story: {found['in_one_live_story']}, "
                  f"storyline check: {'no problems' if found['check'] else found['check_output']}")
        if args.sync_articles:
            compare_synchronous(work, args.sync_articles, args.sync_commits, args.sync_rounds, args.seed)


if __name__ == "__main__":
    main()
