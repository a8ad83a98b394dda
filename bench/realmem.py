"""Peak memory of `storyline ingest` over many real-length articles: PolNeAR train and dev (924 real
reports, ../shared/data/polnear) made into --n articles, ingested by one command into a fresh database.

    .venv/bin/python bench/realmem.py [--n 10000] [--db /tmp/realmem.db] [--interval 2] [--apart 30]

Copy 0 of each report is the report as it is; copy c >= 1 is the same report dated --apart * c days later
(30 by default) with the copy's own adverb put after every second lower-case word that a lower-case word
follows (names are left whole), so that neither the exact-text check nor MinHash (3-word shingles) takes
it for a copy of another report, and the clustering window (14 days) keeps it out of the original's
story. At 30 days a report's copies also continue one another as storylines (120 days); at 150 they do
not, but copies of reports months apart then fall in one season and chain all the same. The copies
are about a third longer than the reports they come from.

The command's whole session (the command and the analysis processes it starts) is sampled every --interval
seconds: RSS summed, PSS summed (forked processes share pages, which RSS counts in each), and the largest
process; every line is printed with the articles stored so far, then the peaks."""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = ROOT.parent / "shared" / "data" / "polnear"
MARKERS = ["indeed", "reportedly", "still", "meanwhile", "apparently", "notably", "again", "clearly", "likely",
           "perhaps", "certainly"]


def altered(text: str, marker: str) -> str:
    words = text.split(" ")
    out, count = [], 0
    for k, word in enumerate(words):
        out.append(word)
        following = words[k + 1] if k + 1 < len(words) else ""
        if word.isalpha() and word.islower() and following[:1].islower():
            count += 1
            if count % 2 == 0:
                out.append(marker)
    return " ".join(out)


def write_articles(n: int, path: Path, apart: int = 30) -> None:
    reports = [json.loads(line) for split in ("train", "dev") for line in open(POLNEAR / f"{split}.jsonl", encoding="utf-8")]
    if n > len(reports) * (len(MARKERS) + 1):
        raise SystemExit(f"at most {len(reports) * (len(MARKERS) + 1)} articles")
    with open(path, "w", encoding="utf-8") as out:
        for k in range(n):
            copy, report = divmod(k, len(reports))
            record = {key: reports[report][key] for key in ("id", "source", "date", "title", "text") if key in reports[report]}
            if copy:
                marker = MARKERS[copy - 1]
                record["id"] = f"{record['id']}~{copy}"
                record["date"] = (date.fromisoformat(record["date"][:10]) + timedelta(days=apart * copy)).isoformat()
                record["text"] = altered(record["text"], marker)
                if record.get("title"):
                    record["title"] = altered(record["title"], marker)
            out.write(json.dumps(record) + "\n")


def session(sid: int) -> list[int]:
    """Every process of a session: the command and whatever it starts, forked pools included."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                if os.getsid(int(entry)) == sid:
                    found.append(int(entry))
            except OSError:
                pass
    return found


def memory_kb(sid: int) -> tuple[int, int, int, int, int]:
    """RSS summed, PSS summed, largest RSS, private pages summed (each process's own: what it allocated
    or copied on writing to a page it shared) and the command's own PSS, over the processes of a
    session, in KB."""
    rss = pss = largest = private = own = 0
    for p in session(sid):
        try:
            for line in open(f"/proc/{p}/smaps_rollup"):
                field, value = line.split()[:2] if line[:1].isupper() else ("", "0")
                if field == "Rss:":
                    rss, largest = rss + int(value), max(largest, int(value))
                elif field == "Pss:":
                    pss += int(value)
                    own += int(value) if p == sid else 0
                elif field in ("Private_Clean:", "Private_Dirty:"):
                    private += int(value)
        except OSError:
            pass
    return rss, pss, largest, private, own


def stored(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.Error:
        return 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--db", type=Path, default=None, help="database to create (default: a temporary one)")
    parser.add_argument("--interval", type=float, default=2.0)
    parser.add_argument("--apart", type=int, default=30, help="days between a report's copies")
    parser.add_argument("--checkout", type=Path, default=ROOT, help="the checkout whose src/ ingests (default: this one)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="realmem-"))
    data, db = work / "articles.jsonl", args.db or work / "realmem.db"
    write_articles(args.n, data, args.apart)
    env = {**os.environ, "PYTHONPATH": str(args.checkout / "src"), "HF_HUB_OFFLINE": "1"}
    start = time.monotonic()
    ingest = subprocess.Popen([sys.executable, "-m", "storyline", "ingest", str(data), "--db", str(db)], env=env,
                              start_new_session=True)
    peak = (0, 0, 0)
    while ingest.poll() is None:
        rss, pss, largest, private, own = memory_kb(ingest.pid)
        peak = (max(peak[0], rss), max(peak[1], pss), max(peak[2], largest))
        print(f"{time.monotonic() - start:7.0f} s  {stored(db):6d} articles  RSS {rss / 1024:6.0f} MB  "
              f"PSS {pss / 1024:6.0f} MB  largest {largest / 1024:6.0f} MB  private {private / 1024:6.0f} MB  "
              f"command's PSS {own / 1024:6.0f} MB", flush=True)
        time.sleep(args.interval)
    print(f"\n{args.n} articles, status {ingest.returncode}, {time.monotonic() - start:.0f} s, {stored(db)} stored; "
          f"peak RSS {peak[0] / 1024:.0f} MB summed over the processes, PSS {peak[1] / 1024:.0f} MB, "
          f"largest process {peak[2] / 1024:.0f} MB")


if __name__ == "__main__":
    main()
