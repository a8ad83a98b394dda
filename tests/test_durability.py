"""Nothing lost when the process is killed: SIGKILL `storyline ingest` 20 times at random moments, rerun
it to completion, and every article is there once, in a story with a current brief.

A process start costs 10-20 s here (imports, spaCy and the language detector load), so 20 kills of
freshly started processes would take minutes. Half the rounds are such fresh starts of the installed
executable, killed at a random moment of their first 4 s (imports, opening or creating the database,
reading the input, loading models). The other half are forked from a process that has already loaded
the models (`_warm_ingests` below: the same `storyline ingest` command, run by the CLI's own code in a
child process), and are killed 0-0.5 s after a random one of the child's commits of articles: inside a
later chunk's transaction, or while the briefs of the stories it touched are recomputed. Those rounds
read a growing cut of the stream, so every one has new articles to commit and an end it can reach.
All runs use the static embedder (it loads fastest) and commit 16 articles at a time."""

import json
import os
import random
import select
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from conftest import STORYLINE, run_storyline

from storyline.brief import VERSION as BRIEF_VERSION
from storyline.briefing import relink_stories
from storyline.store import open_store

PLACES = ["Arden", "Bexley", "Corran", "Dunmore", "Elvet", "Farrow", "Glenn", "Harlow", "Ilsey", "Jarrow"]
EVENTS = [("flood", "Floodwater closed {n} roads in {p} on {d}, and the council opened {m} shelters."),
          ("fire", "A fire destroyed {n} homes near {p} on {d}; {m} crews fought it through the night."),
          ("strike", "{n} bus drivers in {p} walked out on {d}, and {m} routes stopped running."),
          ("vote", "The {p} council voted {n} to {m} on {d} to build a new bridge.")]
KILLS = 20
STREAM = 480  # records; the forked rounds read the first STEP, 2 * STEP, ... of them
STEP = 32
BATCH = 16  # articles per transaction: two or more commits per round


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


def _warm_ingests(workdir: str) -> None:
    """Run as a script: load every model by ingesting a few records into a throwaway database, say
    "ready", then for each line "PATH DB" on stdin fork a child that runs `storyline ingest PATH --db
    DB` through the CLI, say "started PID", and "ended STATUS" when it is gone (killed or done)."""
    from storyline.cli import app

    protocol = os.fdopen(os.dup(1), "w", buffering=1)
    quiet = os.open(os.devnull, os.O_WRONLY)
    os.dup2(quiet, 1)  # the CLI's own output must not mix with the protocol

    def ingest(path: str, db: str) -> int:
        try:
            app(["ingest", path, "--db", db])
        except SystemExit as exit:
            return exit.code if isinstance(exit.code, int) else 1
        return 0

    warm = Path(workdir) / "warm.jsonl"
    write_stream(warm, 4)
    ingest(str(warm), str(Path(workdir) / "warm.db"))
    print("ready", file=protocol)
    for line in sys.stdin:
        path, db = line.split()
        pid = os.fork()
        if pid == 0:
            os.dup2(quiet, 2)
            os._exit(ingest(path, db))
        print(f"started {pid}", file=protocol)
        print(f"ended {os.waitpid(pid, 0)[1]}", file=protocol)


class WarmIngests:
    """The test's side of _warm_ingests: start ingests in forked, warm processes and kill them."""

    def __init__(self, workdir: Path) -> None:
        self.process = subprocess.Popen([sys.executable, __file__, str(workdir)], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, text=True)
        self.ready = False
        self.pid: int | None = None  # the child now running, if any

    def start(self, stream: Path, db: Path) -> None:
        if not self.ready:
            assert self._line(300) == "ready"
            self.ready = True
        self.process.stdin.write(f"{stream} {db}\n")
        self.process.stdin.flush()
        self.pid = int(self._line(60).split()[1])

    def kill(self) -> None:
        os.kill(self.pid, signal.SIGKILL)
        assert self.ended(60)

    def ended(self, wait: float = 0.0) -> bool:
        """Whether the child is gone (reads its "ended" line)."""
        if select.select([self.process.stdout], [], [], wait)[0]:
            assert self._line(10).startswith("ended")
            self.pid = None
            return True
        return False

    def _line(self, timeout: float) -> str:
        assert select.select([self.process.stdout], [], [], timeout)[0], "the warm ingest process did not answer"
        line = self.process.stdout.readline()
        assert line, "the warm ingest process died"
        return line.strip()

    def close(self) -> None:
        """End a child still running (a failed round), then the warm process."""
        if self.pid is not None and self.process.poll() is None:
            self.kill()
        self.process.stdin.close()
        try:
            self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def _cut(stream: Path, count: int) -> Path:
    """The stream's first `count` records, as a file beside it."""
    path = stream.with_name(f"cut{count}.jsonl")
    path.write_text("".join(stream.read_text().splitlines(keepends=True)[:count]))
    return path


def _kill_at_start_up(path: Path, db: Path, rng: random.Random) -> bool:
    """A fresh `storyline ingest`, killed 0-4 s after it starts; whether it was killed (not finished)."""
    process = subprocess.Popen([STORYLINE, "ingest", str(path), "--db", str(db)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        process.wait(timeout=rng.uniform(0.0, 4.0))
        return False
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGKILL)
        process.wait()
        return True


def _kill_after_commit(warm: WarmIngests, path: Path, count: int, db: Path, rng: random.Random) -> str | None:
    """A warm ingest of the stream's first `count` records, killed 0-0.5 s after a random one of its
    commits of articles; where the kill landed ("in the chunks", or "after the last chunk": while briefs
    are recomputed), or None when the run finished first."""
    before = stored(db)
    chunks = -(-(count - before) // BATCH)
    target = min(count, before + BATCH * rng.randint(1, chunks))
    warm.start(path, db)
    while stored(db) < target:
        if warm.ended(0.02):
            return None
    if warm.ended(rng.uniform(0.0, 0.5)):
        return None
    warm.kill()
    return "after the last chunk" if stored(db) == count else "in the chunks"


def test_twenty_kills_resume_with_nothing_lost_or_doubled(tmp_path, monkeypatch):
    monkeypatch.setenv("STORYLINE_EMBEDDER", "static")  # every run the same; the static model starts fastest
    monkeypatch.setenv("STORYLINE_BATCH_SIZE", str(BATCH))
    stream, db = tmp_path / "stream.jsonl", tmp_path / "k.db"
    write_stream(stream, STREAM)
    rng = random.Random(11)
    warm = WarmIngests(tmp_path)  # loads its models while the first rounds run
    at_start_up = finished = cuts = 0
    after_commit: list[str] = []
    started = time.monotonic()
    try:
        for round_ in range(3 * KILLS):
            if at_start_up + len(after_commit) == KILLS:
                break
            if round_ % 2 == 0 and at_start_up < KILLS // 2 or len(after_commit) == KILLS // 2:
                killed = _kill_at_start_up(_cut(stream, max(cuts, 1) * STEP), db, rng)
                at_start_up += killed
            else:
                cuts = min(cuts + 1, STREAM // STEP)
                landed = _kill_after_commit(warm, _cut(stream, cuts * STEP), cuts * STEP, db, rng)
                after_commit += [landed] if landed else []
                killed = landed is not None
            finished += not killed
    finally:
        warm.close()
    killed_with, kill_seconds = stored(db), time.monotonic() - started
    result = run_storyline("ingest", str(stream), "--db", str(db))
    assert result.returncode == 0, result.stderr
    with sqlite3.connect(db) as conn:
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        distinct = conn.execute("SELECT count(DISTINCT external_id) FROM articles").fetchone()[0]
        members = conn.execute("SELECT count(*) FROM story_members").fetchone()[0]
    check = run_storyline("check", "--db", str(db))
    in_chunks = after_commit.count("in the chunks")
    print(f"{at_start_up + len(after_commit)} SIGKILLs in {kill_seconds:.0f} s ({at_start_up} during start-up, "
          f"{len(after_commit)} after a commit: {in_chunks} while chunks were still being stored, "
          f"{len(after_commit) - in_chunks} after the last, while briefs were recomputed), "
          f"runs that finished first: {finished}; {killed_with} of {STREAM} articles stored when the kills ended; "
          f"after one more run: {articles} stored, {distinct} distinct, {STREAM - distinct} lost, "
          f"{articles - distinct} duplicated, {members} story members, integrity {integrity}, "
          f"check status {check.returncode}")
    assert at_start_up == len(after_commit) == KILLS // 2
    assert integrity == "ok"
    assert articles == distinct == members == STREAM
    assert check.returncode == 0, check.stderr.decode() + check.stdout.decode()


def test_a_brief_made_for_fewer_members_than_the_story_now_has_is_not_kept(demo_db, tmp_path):
    """Two ingests at once: one reads a story's members and makes its brief while the other adds an
    article to it and makes the brief of the grown story. The first one's brief, saved last, must not
    replace the newer: it is refused, and the database stays without a stale brief."""
    db = tmp_path / "copy.db"
    shutil.copy(demo_db, db)
    with open_store(str(db), create=False) as store:
        story = max(store.stories(), key=lambda row: row.size)
        newer = store.brief(story.id)
        with store.transaction():
            assert not store.save_brief(story.id, {"made": "for fewer members"}, story.size - 1, BRIEF_VERSION)
        assert store.brief(story.id) == newer and store.stale_briefs() == []
        with store.transaction():
            assert store.save_brief(story.id, newer, story.size, BRIEF_VERSION)
        relink_stories(store, [story.id])  # as the run that saves a brief does next (it owes its links)
    assert run_storyline("check", "--db", str(db)).returncode == 0


if __name__ == "__main__":
    _warm_ingests(sys.argv[1])
