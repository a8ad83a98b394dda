"""Nothing lost when the process is killed: SIGKILL mid-ingest, rerun, and every article is there once."""

import json
import random
import signal
import sqlite3
import subprocess
import time

from conftest import STORYLINE, run_storyline

PLACES = ["Arden", "Bexley", "Corran", "Dunmore", "Elvet", "Farrow", "Glenn", "Harlow", "Ilsey", "Jarrow"]
EVENTS = [("flood", "Floodwater closed {n} roads in {p} on {d}, and the council opened {m} shelters."),
          ("fire", "A fire destroyed {n} homes near {p} on {d}; {m} crews fought it through the night."),
          ("strike", "{n} bus drivers in {p} walked out on {d}, and {m} routes stopped running."),
          ("vote", "The {p} council voted {n} to {m} on {d} to build a new bridge.")]


def write_stream(path, count):
    rng = random.Random(3)
    with open(path, "w") as handle:
        for i in range(count):
            kind, template = EVENTS[i % len(EVENTS)]
            place = PLACES[(i // len(EVENTS)) % len(PLACES)]
            day = 1 + (i // 40)
            body = template.format(n=rng.randint(2, 900), p=place, d=f"February {day}", m=rng.randint(2, 60))
            handle.write(json.dumps({"id": str(i), "date": f"2025-02-{day:02d}", "source": f"outlet{i % 5}",
                                     "title": f"{kind.title()} in {place} ({i})", "text": f"{body} Report number {i}."}) + "\n")


def stored(db):
    try:
        with sqlite3.connect(db, timeout=30) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.DatabaseError:
        return 0


def test_killed_ingests_resume_with_nothing_lost_or_doubled(tmp_path):
    stream, db = tmp_path / "stream.jsonl", tmp_path / "k.db"
    count = 400
    write_stream(stream, count)
    kills = 0
    for attempt in range(2):
        process = subprocess.Popen([STORYLINE, "ingest", str(stream), "--db", str(db)],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 240
        before = stored(db)
        while process.poll() is None and stored(db) <= before and time.monotonic() < deadline:
            time.sleep(0.2)
        time.sleep(random.Random(attempt).uniform(0.0, 1.5))
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            kills += 1
        process.wait()
    result = run_storyline("ingest", str(stream), "--db", str(db))
    assert result.returncode == 0, result.stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == count
        assert conn.execute("SELECT count(DISTINCT external_id) FROM articles").fetchone()[0] == count
        assert conn.execute("SELECT count(*) FROM story_members").fetchone()[0] == count
    check = run_storyline("check", "--db", str(db))
    assert check.returncode == 0, check.stderr.decode() + check.stdout.decode()
    assert kills >= 1
    print(f"killed {kills} times; {count} articles stored once each")
