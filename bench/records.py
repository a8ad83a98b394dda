"""The cost of many short records: one-line records ingested round after round into one database,
each round's records a second as a ratio to the first round's of the same run, its CPU a record (all
processes, and this one's own: the driver and the thread preparing chunks), and the process's memory
after each round.

A ratio near 1.0 in every round, and memory that stops growing, mean the cost of a record does not
grow with the records already stored; a ratio that falls round by round names a stage that does
(the stage seconds of the first and last rounds are printed side by side).

    .venv/bin/python bench/records.py                                   # 3 rounds of 1,000, MiniLM
    .venv/bin/python bench/records.py --embedder static --records 6000 --round 2000
    .venv/bin/python bench/records.py --records 100000 --round 10000    # the issue's case: hours here
    .venv/bin/python bench/records.py --embedder static --records 6000 --round 2000 --minutes 30  # 125 days
    .venv/bin/python bench/records.py --embedder static --records 30000 --round 5000 --profile /tmp/prof
    .venv/bin/python bench/records.py --embedder static --records 20000 --round 5000 --src ../main/src  # its code

With --profile DIR, each round's ingest runs under cProfile in this process's main thread (the driver:
placement, near-duplicates, writes, revision, the briefs' reads and writes; not the thread preparing
chunks, nor the analysis processes, unless --analysis-processes 1 puts the briefs here too), its
statistics written to DIR/round-N.prof, and after each round's line, on stderr, the functions that
took most of its time, the live stories and the largest story's members.

The last line is a digest of the stories the ingests made (each article's story): two checkouts whose
digests agree made the same stories from the same records. The memberships' scores are left out: their
last bits differ between two runs of one checkout (3,000 records in rounds of 1,500, 4 December 2026),
as a BLAS product's rows may as the arrays lie in memory.

Each record is one sentence with a title, an outlet of thirty and a URL of its own, a minute after
the one before: most start a story of their own, so every round adds stories, briefs and links."""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import io
import os
import pstats
import resource
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

WORDS = "harbour council bridge school river market station library hospital stadium museum airport".split()


def record(i: int, minutes: float = 1.0):  # -> storyline.model.Record
    from storyline.model import Record

    place, near = WORDS[i % len(WORDS)], WORDS[(i // len(WORDS)) % len(WORDS)]
    return Record(text=f"Item {i}: the {place} near the {near} closed for {i % 97} days.", origin=f"r{i}",
                  source=f"outlet{i % 30}", title=f"Note {i}", url=f"https://example.org/n/{i}",
                  published=datetime(2025, 3, 3, tzinfo=timezone.utc) + timedelta(minutes=i * minutes))


def rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize() / 2**20


def cpu_seconds() -> float:
    """CPU time of this process and of its children, live ones (the analysis workers) included: what
    other work on a shared machine does not inflate, unlike the wall time."""
    times = os.times()
    total = times.user + times.system + times.children_user + times.children_system
    tick = os.sysconf("SC_CLK_TCK")
    for child in live_children(os.getpid()):
        try:
            with open(f"/proc/{child}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / tick  # utime, stime
    return total


def live_children(pid: int) -> list[int]:
    found = []
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as children:
            for child in map(int, children.read().split()):
                found += [child, *live_children(child)]
    except OSError:
        pass
    return found


def profiled(profile: cProfile.Profile, path: Path, store) -> None:  # type: ignore[no-untyped-def]
    """Write a round's profile and print, on stderr, where its time went and how big the stories are."""
    profile.dump_stats(str(path))
    out = io.StringIO()
    pstats.Stats(profile, stream=out).sort_stats("tottime").print_stats(25)
    pstats.Stats(profile, stream=out).sort_stats("cumulative").print_stats(40)
    live = store.conn.execute("SELECT count(*), max(size) FROM stories WHERE merged_into IS NULL").fetchone()
    print(f"{path}: {live[0]:,} stories, the largest of {live[1]:,} members\n{out.getvalue()}", file=sys.stderr, flush=True)


def partition(store) -> str:  # type: ignore[no-untyped-def]
    """A digest of the stories the records went to: each article's story."""
    rows = store.conn.execute("SELECT article_id, story_id FROM story_members ORDER BY article_id").fetchall()
    digest = hashlib.sha256("".join(f"{row[0]} {row[1]}\n" for row in rows).encode()).hexdigest()[:12]
    return f"partition {digest} ({len(rows):,} articles)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", type=int, default=3000, help="records in all")
    parser.add_argument("--round", type=int, default=1000, help="records a round (one ingest call)")
    parser.add_argument("--embedder", default="minilm", help="minilm (the default) or static")
    parser.add_argument("--minutes", type=float, default=1.0,
                        help="minutes between records: at 30, 2,000 records span 42 days, past the 30 days an "
                             "article can have copies (Settings.duplicate_days) and the 14 a story stays live")
    parser.add_argument("--analysis-processes", type=int, default=None,
                        help="the analysis and brief processes (Settings.analysis_processes; 1: all in this one)")
    parser.add_argument("--profile", metavar="DIR", help="cProfile each round's ingest into DIR/round-N.prof")
    parser.add_argument("--src", type=Path, metavar="DIR",
                        help="import storyline from DIR (another checkout's src/), to measure its code with this script")
    args = parser.parse_args()
    if args.src:
        sys.path.insert(0, str(args.src.resolve()))

    from storyline.pipeline import ingest
    from storyline.settings import Settings
    from storyline.store import open_store

    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "records.db"
        settings = Settings(db=str(db), embedder=args.embedder)
        if args.analysis_processes is not None:
            settings = Settings(db=str(db), embedder=args.embedder, analysis_processes=args.analysis_processes)
        if args.profile:
            Path(args.profile).mkdir(parents=True, exist_ok=True)
        with open_store(db, create=True) as store:
            ingest([record(-1)], store, settings)  # loads the models before the clock starts
            print(f"{'round':>5} {'stored':>7} {'seconds':>8} {'records/s':>9} {'vs round 1':>10} {'CPU s':>6} "
                  f"{'CPU ms/rec':>10} {'own ms/rec':>10} {'RSS MB':>7}", flush=True)
            first_rate, stages = None, []
            for number, start in enumerate(range(0, args.records, args.round), 1):
                batch = [record(i, args.minutes) for i in range(start, min(start + args.round, args.records))]
                began, cpu, own = time.perf_counter(), cpu_seconds(), time.process_time()
                profile = cProfile.Profile() if args.profile else None
                if profile:
                    profile.enable()
                report = ingest(batch, store, settings)
                if profile:
                    profile.disable()
                seconds, cpu, own = time.perf_counter() - began, cpu_seconds() - cpu, time.process_time() - own
                rate = len(batch) / seconds
                first_rate = first_rate or rate
                stages.append(report.seconds)
                print(f"{number:>5} {start + len(batch):>7,} {seconds:>8.1f} {rate:>9.1f} {rate / first_rate:>10.2f} "
                      f"{cpu:>6.1f} {1000 * cpu / len(batch):>10.2f} {1000 * own / len(batch):>10.2f} {rss_mb():>7.0f}",
                      flush=True)
                if profile:
                    profiled(profile, Path(args.profile) / f"round-{number}.prof", store)
            made = partition(store)
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB; stage seconds, first and last round:")
    for stage in stages[0]:
        print(f"  {stage:<13} {stages[0][stage]:>7.1f} {stages[-1].get(stage, 0.0):>7.1f}")
    print(made)


if __name__ == "__main__":
    main()
