"""Copy a whole store into an empty one (SQLite ↔ PostgreSQL), row for row, and prove it: each
table's row count and a content checksum, computed the same way on both sides.

Every stored column is copied with its value, ids and rowids included, so that the copy orders,
names and links everything as the original did; the search index follows (FTS5 by its triggers,
the tsvector column by generation). Vectors are decoded and re-encoded for the target's column
type, and checksummed as float32 bytes, so a pgvector column and a BLOB agree when they hold the
same numbers."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any, Iterable, Iterator

import numpy as np

from storyline.errors import StoreError
from storyline.store.core import Store

# In an order that satisfies the foreign keys (stories.merged_into is set after all stories exist).
TABLES = ("sources", "source_labels", "articles", "duplicates", "vectors", "stories", "story_members", "story_merges",
          "article_mentions", "article_quotes", "article_times", "analyzed", "story_briefs", "story_links",
          "storyline_progressions", "progressions_owed", "links_owed", "revision_owed", "placing_runs", "feeds", "feed_entries",
          "word_documents")
VECTOR_COLUMNS = {("vectors", "vector"), ("stories", "centroid")}
BATCH = 500


@dataclass(frozen=True)
class TableCopy:
    """One table on both sides after a copy."""

    table: str
    source_rows: int
    target_rows: int
    source_checksum: str
    target_checksum: str

    @property
    def same(self) -> bool:
        return self.source_rows == self.target_rows and self.source_checksum == self.target_checksum


def copy_store(source: Store, target: Store) -> list[TableCopy]:
    """Copy every row of source into target (which must hold no rows), in one transaction, then
    count and checksum both sides."""
    busy = [table for table in TABLES if _count(target, table)]
    if busy:
        raise StoreError(f"{target.name}: not empty ({', '.join(busy)} hold rows); copy into a new database")
    columns = {table: _columns(source, target, table) for table in TABLES}
    links: list[tuple[str, str]] = []  # (story it merged into, story)
    with target.transaction():
        for table in TABLES:
            rows = _rows(source, table, columns[table])
            if table == "stories":  # a story may merge into one stored after it: link them once all exist
                merged = columns[table].index("merged_into")
                rows = _unlink(rows, merged, columns[table].index("id"), links)
            _insert(target, table, columns[table], rows)
        target.conn.executemany("UPDATE stories SET merged_into = ? WHERE id = ?", links)
        restart = getattr(target, "restart_identities", None)
        if restart:
            restart()
    return [TableCopy(table, _count(source, table), _count(target, table), checksum(source, table, columns[table]),
                      checksum(target, table, columns[table])) for table in TABLES]


def _columns(source: Store, target: Store, table: str) -> list[str]:
    """The stored columns both stores have (they run the same migrations, so all of them)."""
    wanted, present = source.table_columns(table), set(target.table_columns(table))
    missing = [column for column in wanted if column not in present]
    if missing:
        raise StoreError(f"{target.name}: table {table} lacks {', '.join(missing)}; is it a storyline database?")
    return wanted


def _count(store: Store, table: str) -> int:
    return store.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def _rows(store: Store, table: str, columns: list[str]) -> Iterator[list[Any]]:
    """The table's rows, vectors decoded to float32 arrays."""
    vectors = [i for i, column in enumerate(columns) if (table, column) in VECTOR_COLUMNS]
    for row in store.conn.execute(f"SELECT {', '.join(_quoted(columns))} FROM {table}"):
        values = [row[i] for i in range(len(columns))]
        for i in vectors:
            values[i] = store._vector_value(values[i])
        yield values


def _unlink(rows: Iterable[list[Any]], merged: int, key: int, links: list[tuple[str, str]]) -> Iterator[list[Any]]:
    for values in rows:
        if values[merged] is not None:
            links.append((values[merged], values[key]))
            values[merged] = None
        yield values


def _insert(store: Store, table: str, columns: list[str], rows: Iterable[list[Any]]) -> None:
    vectors = [i for i, column in enumerate(columns) if (table, column) in VECTOR_COLUMNS]
    sql = f"INSERT INTO {table} ({', '.join(_quoted(columns))}) VALUES ({', '.join('?' * len(columns))})"
    batch: list[list[Any]] = []
    for values in rows:
        for i in vectors:
            values[i] = store._vector_param(values[i])
        batch.append(values)
        if len(batch) == BATCH:
            store.conn.executemany(sql, batch)
            batch = []
    store.conn.executemany(sql, batch)


def checksum(store: Store, table: str, columns: list[str]) -> str:
    """A SHA-256 over the table's rows in a canonical form, independent of row order and of how
    the database stores bytes, floats and vectors."""
    lines = sorted(json.dumps([_canonical(value) for value in values], ensure_ascii=False)
                   for values in _rows(store, table, columns))
    digest = hashlib.sha256()
    for line in lines:
        digest.update(line.encode("utf-8") + b"\n")
    return digest.hexdigest()[:16]


def _canonical(value: Any) -> Any:
    if isinstance(value, np.ndarray):
        return "f32:" + value.astype(np.float32).tobytes().hex()
    if isinstance(value, (bytes, bytearray, memoryview)):
        return "bytes:" + bytes(value).hex()
    if isinstance(value, float):
        return "float:" + value.hex()
    return value


def _quoted(columns: list[str]) -> list[str]:
    return [f'"{column}"' for column in columns]
