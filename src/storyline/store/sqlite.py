"""The SQLite store (the default): one file in WAL mode, FTS5 for search. What differs from
PostgreSQL lives here; every shared query is in core.py and reads.py.

Durability: WAL with synchronous=FULL. A commit is on disk (the WAL fsynced) before it returns, so
neither a killed process nor a power cut loses a committed article; NORMAL would survive a killed
process too, but a power cut could roll back the last commits. Measured by bench/kill.py on a busy
2-core machine: a one-row commit costs 2.8 ms with FULL against 0.1 ms with NORMAL, while ingesting
120 articles took 0.72 times as long with FULL as with NORMAL (median of two runs each, the order
alternated: noise, a trial of 60 gave 1.02): an ingest commits once per chunk of 256 articles and
once per story brief, and the models dominate. So FULL.
Writers are serialised by BEGIN IMMEDIATE: one writing transaction at a time, across processes.

SQLite errors about the file itself (full disk, read-only, busy past the timeout, I/O, damage)
become one StoreError naming the file and saying what to do: see store_error."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from storyline.errors import StoreError
from storyline.store.core import Store
from storyline.store.reads import MATCH_END, MATCH_START, fts_query

# The dialect's answers to the braces of store/schema.py.
SCHEMA_PARTS = {
    "search_index": """
    CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='rowid');
    CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;
    CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
    END;
    CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;""",
    "vector": "BLOB",
    "story_rowid": "",
}


BUSY_TIMEOUT_S = 30.0

READ_ONLY = ("the database is read-only; nothing was written (make the file and its folder writable, "
             "or use another --db)")
_ADVICE = {
    sqlite3.SQLITE_FULL: "the disk is full; this transaction was rolled back and everything stored before it is "
                         "intact (free some space and run the same command again: it stores only what is missing)",
    sqlite3.SQLITE_READONLY: READ_ONLY,
    sqlite3.SQLITE_PERM: READ_ONLY,
    sqlite3.SQLITE_BUSY: f"another process kept the database locked for over {BUSY_TIMEOUT_S:.0f} s; "
                         "nothing was written (run the command again when it has finished)",
    sqlite3.SQLITE_LOCKED: "the database is locked; nothing was written (run the command again)",
    sqlite3.SQLITE_IOERR: "the disk reported an I/O error; this transaction was rolled back (check the disk, "
                          "then run `storyline check`)",
    sqlite3.SQLITE_CANTOPEN: "cannot open the database file (check that it and its folder are readable and "
                             "writable)",
    sqlite3.SQLITE_CORRUPT: "the database is damaged (run `storyline check` to see what is wrong)",
    sqlite3.SQLITE_NOTADB: "this file is not a storyline (SQLite) database",
}


def store_error(path: Path, exc: sqlite3.Error) -> StoreError | None:
    """The one-line StoreError a person should see for an SQLite error about the file itself (full disk,
    read-only file, lock held too long, I/O error, damage); None for anything else, which is a bug to
    surface as it is (a constraint violated, say)."""
    code = error_code(exc)
    if code not in _ADVICE:
        return None
    return StoreError(f"{path}: {_ADVICE[code]} [{exc}]")


def error_code(exc: sqlite3.Error) -> int:
    """SQLite's primary result code of an error (SQLITE_FULL, SQLITE_READONLY…), 0 when it has none."""
    return (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF


class SQLiteStore(Store):
    def __init__(self, path: Path) -> None:
        self.path = path
        self.name = str(path)
        try:
            # Writers wait for each other up to the busy timeout, then fail with one clear line; readers
            # never wait for a writer in WAL mode (they read the last committed snapshot).
            self.conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_S, isolation_level=None)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=FULL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self.conn.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_S * 1000)}")
            self._migrate()
        except StoreError:
            raise
        except sqlite3.DatabaseError as exc:
            raise store_error(path, exc) or StoreError(f"{path}: cannot open the database ({exc})") from exc

    database_error = sqlite3.DatabaseError

    def _store_error(self, exc: Exception) -> StoreError | None:
        return store_error(self.path, exc) if isinstance(exc, sqlite3.Error) else None

    def _begin(self) -> None:
        self.conn.execute("BEGIN IMMEDIATE")

    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    def _apply_migration(self, number: int, script: str) -> None:
        for statement in _statements(script.format(**SCHEMA_PARTS)):
            self.conn.execute(statement)
        self.conn.execute(f"PRAGMA user_version={number}")

    def table_columns(self, table: str) -> list[str]:
        """The stored columns of a table, rowid first where it is implicit (for copying a store)."""
        columns = [row["name"] for row in self.conn.execute(f"PRAGMA table_info({table})")]
        return columns if "rowid" in columns or table != "stories" else ["rowid", *columns]

    # --- search ---------------------------------------------------------------------------

    def _search(self, words: list[tuple[str, bool]], limit: int, offset: int) -> tuple[list[dict[str, Any]], int]:
        query = fts_query(" ".join(word + ("*" if prefix else "") for word, prefix in words))
        try:
            total = self.conn.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?",
                                      (query,)).fetchone()[0]
            rows = self.conn.execute(
                f"""SELECT a.id, s.name AS source, a.title, a.published, a.url, m.story_id,
                           st.title AS story_title,
                           highlight(articles_fts, 0, '{MATCH_START}', '{MATCH_END}') AS title_marked,
                           snippet(articles_fts, 1, '{MATCH_START}', '{MATCH_END}', '…', 24) AS snippet
                    FROM (SELECT rowid, rank FROM articles_fts WHERE articles_fts MATCH ?
                          ORDER BY rank LIMIT ? OFFSET ?) hit
                    JOIN articles_fts ON articles_fts.rowid = hit.rowid AND articles_fts MATCH ?
                    JOIN articles a ON a.rowid = hit.rowid JOIN sources s ON s.id = a.source_id
                    LEFT JOIN story_members m ON m.article_id = a.id LEFT JOIN stories st ON st.id = m.story_id
                    ORDER BY hit.rank""", (query, limit, offset, query)).fetchall()
        except sqlite3.OperationalError:
            # A query FTS5 still cannot parse (it should not happen after fts_query): no hits, not a 500.
            return [], 0
        return [dict(row) for row in rows], total

    # --- checks ---------------------------------------------------------------------------

    def _dialect_problems(self) -> list[str]:
        found = []
        result = [row[0] for row in self.conn.execute("PRAGMA integrity_check")]
        if result != ["ok"]:
            found += [f"integrity: {line}" for line in result[:20]]
        found += [f"foreign key: {row[0]} row {row[1]} points at a missing {row[2]} row"
                  for row in self.conn.execute("PRAGMA foreign_key_check").fetchall()[:20]]
        try:
            self.conn.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")
        except sqlite3.DatabaseError as exc:
            if error_code(exc) == sqlite3.SQLITE_READONLY:
                # FTS5 checks itself through an INSERT, which a read-only file refuses.
                found.append("the full-text index was not checked: the database is read-only")
            else:
                found.append(f"full-text index out of step with the articles ({exc})")
        return found

    def rebuild_search_index(self) -> None:
        """Rebuild the FTS5 index from the articles table."""
        with self.transaction():
            self.conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')")


def _statements(script: str) -> list[str]:
    """Split a migration script into statements, keeping trigger bodies whole."""
    statements, buffer = [], []
    for line in script.splitlines():
        if not line.strip() or line.strip().startswith("--"):
            continue
        buffer.append(line)
        text = "\n".join(buffer)
        if sqlite3.complete_statement(text):
            statements.append(text)
            buffer = []
    return statements
