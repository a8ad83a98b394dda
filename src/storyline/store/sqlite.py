"""The SQLite store (the default): one file in WAL mode, FTS5 for search. What differs from
PostgreSQL lives here; every shared query is in core.py and reads.py.

Durability: WAL with synchronous=NORMAL survives a killed process (every committed article is
there after a crash); on power loss the last commits may be rolled back, never half-applied.
Writers are serialised by BEGIN IMMEDIATE: one writing transaction at a time, across processes."""

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


class SQLiteStore(Store):
    def __init__(self, path: Path) -> None:
        self.path = path
        self.name = str(path)
        try:
            self.conn = sqlite3.connect(str(path), timeout=30.0, isolation_level=None)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self.conn.execute("PRAGMA busy_timeout=30000")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{path}: cannot open the database ({exc})") from exc

    database_error = sqlite3.DatabaseError

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
