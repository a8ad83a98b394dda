"""Every read and write of storyline's state goes through a store: a SQLite file (the default) or a
PostgreSQL database, chosen by what --db names."""

from __future__ import annotations

import os
from pathlib import Path

from storyline.errors import StoreError
from storyline.store.core import Store, brief_json
from storyline.store.postgres import PostgresStore, is_postgres_url, redact
from storyline.store.rows import StoryRow
from storyline.store.sqlite import READ_ONLY, SQLiteStore

__all__ = ["PostgresStore", "SQLiteStore", "Store", "StoryRow", "brief_json", "database_name", "is_postgres_url", "open_store"]


def open_store(db: str | Path, *, create: bool = True, schema: str | None = None) -> Store:
    """Open (and, when create is true, create and migrate) the database named by --db: a
    postgresql:// URL (in `schema` when given), else a SQLite file."""
    if is_postgres_url(db):
        return PostgresStore(str(db), schema=schema, create=create)
    path = Path(db)
    if not create and not path.exists():
        raise StoreError(f"{path}: no such database; run `storyline ingest PATH --db {path}` first")
    if path.parent and not path.parent.exists():
        raise StoreError(f"{path}: the folder {path.parent} does not exist")
    if create and path.exists() and not os.access(path, os.W_OK):
        # A writer learns it at once, before loading models or fetching feeds, not at its first commit.
        raise StoreError(f"{path}: {READ_ONLY}")
    return SQLiteStore(path)


def database_name(db: str | Path) -> str:
    """The database as messages show it: a file's path, a URL without its password."""
    return redact(str(db)) if is_postgres_url(db) else str(db)
