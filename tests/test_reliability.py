"""A full disk and a read-only database: one clear line naming the file, exit status 1, and every article
stored before still there (the database opens and passes integrity_check).

The full disk is a real one: a 6 MB tmpfs mounted in a private mount namespace (`unshare`, no root
needed where user namespaces are allowed), filled with a filler file until only a few pages are free.
A read-only file is chmod 444; root ignores file modes, so as root the command runs in a fresh user
namespace (`unshare --user`), where it is an ordinary user and the file's mode applies."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import STORYLINE, Cli, bench_module

from storyline.errors import StoreError
from storyline.pipeline import ingest
from storyline.settings import Settings
from storyline.sources import read_inputs
from storyline.store import open_store

TOWNS = ["Ashcombe", "Brindle", "Carrow", "Dellmoor", "Eskby", "Fallow", "Gorsey", "Hatherley", "Innsford",
         "Kelby", "Lunford", "Marrick"]


def write_articles(path: Path, first: int, count: int) -> Path:
    """`count` short reports, each about a different town's council, numbered from `first`."""
    with path.open("w", encoding="utf-8") as handle:
        for i in range(first, first + count):
            town = TOWNS[i % len(TOWNS)]
            text = (f"The {town} council voted on Tuesday to repair the old stone bridge over the river, "
                    f"at a cost of {100 + i} thousand pounds. Work starts in the spring and the bridge "
                    f"will close for {i % 9 + 2} weeks, the council's engineer said. Report {i}.")
            handle.write(json.dumps({"id": f"r{i}", "date": f"2025-03-{1 + i % 20:02d}", "source": f"paper{i % 3}",
                                     "title": f"{town} council backs bridge repair ({i})", "text": text}) + "\n")
    return path


def stored_ids(db: Path) -> tuple[str, list[str]]:
    """(integrity_check result, external ids of the stored articles) read straight from the file."""
    with sqlite3.connect(db) as conn:
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        ids = sorted(row[0] for row in conn.execute("SELECT external_id FROM articles"))
    conn.close()
    return integrity, ids


def _works(command: list[str]) -> bool:
    try:
        return subprocess.run(command, capture_output=True, timeout=30).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


def as_ordinary_user(command: list[str]) -> list[str]:
    """The command as a user without root's power to write read-only files."""
    if os.geteuid() != 0:
        return command
    if not _works(["unshare", "--user", "true"]):
        pytest.skip("running as root without user namespaces: a chmod 444 file stays writable")
    return ["unshare", "--user", *command]


def test_read_only_database_gives_one_line_and_keeps_its_articles(cli, tmp_path):
    cli("ingest", str(write_articles(tmp_path / "first.jsonl", 0, 3)))
    more = write_articles(tmp_path / "more.jsonl", 3, 3)
    cli.db.chmod(0o444)
    try:
        result = subprocess.run(as_ordinary_user([STORYLINE, "ingest", str(more), "--db", str(cli.db)]),
                                capture_output=True, text=True, timeout=300)
        assert result.returncode == 1, result.stderr
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1, result.stderr
        assert lines[0].startswith(f"error: {cli.db}: the database is read-only")
        # Reading a read-only database still works.
        listed = subprocess.run(as_ordinary_user([STORYLINE, "stories", "--json", "--db", str(cli.db)]),
                                capture_output=True, text=True, timeout=300)
        assert listed.returncode == 0, listed.stderr
        assert sum(len(story["articles"]) for story in json.loads(listed.stdout)) == 3
        # `check` reads what it can and says what a read-only file kept it from checking.
        checked = subprocess.run(as_ordinary_user([STORYLINE, "check", "--db", str(cli.db)]),
                                 capture_output=True, text=True, timeout=300)
        assert checked.stderr.strip() == "problem: the full-text index was not checked: the database is read-only"
    finally:
        cli.db.chmod(0o644)
    assert stored_ids(cli.db) == ("ok", ["r0", "r1", "r2"])


def test_a_full_database_rolls_back_the_batch_with_one_clear_error(tmp_path):
    """SQLite's own size cap (max_page_count) reports SQLITE_FULL exactly as a full disk does; the store
    turns it into one StoreError naming the file, and what was stored before is intact."""
    db = tmp_path / "capped.db"
    settings = Settings(db=str(db))
    with open_store(db) as store:
        ingest(read_inputs([str(write_articles(tmp_path / "first.jsonl", 0, 3))], settings), store, settings)
    with open_store(db) as store:
        pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
        store.conn.execute(f"PRAGMA max_page_count={pages + 2}")
        with pytest.raises(StoreError) as raised:
            ingest(read_inputs([str(write_articles(tmp_path / "more.jsonl", 3, 40))], settings), store, settings)
    message = str(raised.value)
    assert message.startswith(f"{db}: the disk is full") and "\n" not in message
    assert stored_ids(db) == ("ok", ["r0", "r1", "r2"])
    with open_store(db) as store:
        assert store.problems() == []


DISK_SCRIPT = r"""
set -u
mount -t tmpfs -o size=6m tmpfs "$DISK"
cp "$WORK/first.db" "$DISK/s.db" || exit 10
# Fill the disk, leaving a few pages: enough to open the database, not enough to store the new articles.
"$PYTHON" -c "import os, shutil, sys
free = shutil.disk_usage(sys.argv[1]).free
with open(os.path.join(sys.argv[1], 'filler'), 'wb') as f: f.write(bytes(free - 96 * 1024))" "$DISK" || exit 11
"$STORYLINE" ingest "$WORK/more.jsonl" --db "$DISK/s.db" > "$WORK/full.out" 2> "$WORK/full.err"
echo $? > "$WORK/full.rc"
mkdir "$WORK/when-full" && cp "$DISK"/s.db* "$WORK/when-full/"
# Space freed: the same command stores what is missing.
rm "$DISK/filler"
"$STORYLINE" ingest "$WORK/more.jsonl" --db "$DISK/s.db" > "$WORK/again.out" 2>&1 || exit 12
cp "$DISK/s.db" "$WORK/after.db"
"""


def test_full_disk_gives_one_line_keeps_the_data_and_resumes(tmp_path):
    if not _works(["unshare", "--map-root-user", "--mount", "true"]):
        pytest.skip("needs user and mount namespaces (unshare) to mount a small tmpfs")
    Cli(tmp_path / "first.db")("ingest", str(write_articles(tmp_path / "first.jsonl", 0, 3)))
    write_articles(tmp_path / "more.jsonl", 3, 30)
    disk = tmp_path / "disk"
    disk.mkdir()
    env = {**os.environ, "DISK": str(disk), "WORK": str(tmp_path), "STORYLINE": STORYLINE,
           "PYTHON": sys.executable}
    done = subprocess.run(["unshare", "--map-root-user", "--mount", "sh", "-c", DISK_SCRIPT], env=env,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "full.rc").read_text().strip() == "1"
    lines = (tmp_path / "full.err").read_text().strip().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"error: {disk}/s.db: the disk is full")
    assert stored_ids(tmp_path / "when-full" / "s.db") == ("ok", ["r0", "r1", "r2"])
    integrity, ids = stored_ids(tmp_path / "after.db")
    assert integrity == "ok"
    assert ids == sorted(f"r{i}" for i in range(33))
    check = subprocess.run([STORYLINE, "check", "--db", str(tmp_path / "after.db")], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr


def test_server_answers_every_reader_while_an_ingest_writes(tmp_path):
    """50 clients read stories, briefs, story pages and searches from `storyline serve` while `storyline
    ingest` writes 40 short articles into the same file: no error of any kind, and every article readable.
    Each client waits 0.1 s between requests, so that the writer is not starved of this 2-core CPU (the
    benchmark, bench/load.py, reads flat out)."""
    load = bench_module("load")
    result, missing, seconds, status = load.run(tmp_path, articles=60, seed_articles=20, clients=50,
                                                max_seconds=300, max_words=60, think=0.1,
                                                first_ingest=lambda stream, db: Cli(db)("ingest", str(stream)))
    assert status == 0
    assert result.errors == []
    assert all(len(result.latencies[kind]) >= 10 for kind in load.KINDS), dict(result.latencies)
    assert missing == []
    print(f"{result.requests} requests from 50 clients in {seconds:.0f} s of writing, 0 errors")
