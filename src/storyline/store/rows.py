"""The rows the store hands out, shared by its write side (core.py) and its read queries (reads.py), and the
slices in which it binds many ids."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np

from storyline.model import Article
from storyline.sources.dates import parse_published

# No LIMIT: the largest value both databases accept (SQLite's -1 is an error in PostgreSQL).
NO_LIMIT = 2**63 - 1
IN_CHUNK = 500  # ids bound in one IN (...) list, well under SQLite's and PostgreSQL's limits on parameters


def in_chunks(ids: list[str]) -> Iterator[tuple[list[str], str]]:
    """ids a slice of IN_CHUNK at a time, each with its placeholders ("?,?,?")."""
    for start in range(0, len(ids), IN_CHUNK):
        chunk = ids[start:start + IN_CHUNK]
        yield chunk, ",".join("?" * len(chunk))


@dataclass(frozen=True)
class StoryRow:
    id: str
    title: str
    first_seen: str | None
    last_seen: str | None
    size: int
    title_generated: bool = False


@dataclass(frozen=True)
class StoredArticle:
    """An article another run committed, with what this run's in-memory indexes need of it."""

    rowid: int
    id: str
    text_hash: str
    canonical_url: str | None
    group_id: str
    signature: np.ndarray
    terms: set[str]
    story_id: str | None
    day: date | None = None


def story_from_row(row: Any) -> StoryRow:
    """The StoryRow a stored row of the stories table gives."""
    return StoryRow(id=row["id"], title=row["title"], first_seen=row["first_seen"], last_seen=row["last_seen"],
                    size=row["size"], title_generated=bool(row["title_generated"]))


def article_from_row(row: Any) -> Article:
    """The Article a stored row gives (an sqlite3.Row, a PostgreSQL row or a dict with the articles
    table's columns and the outlet as `source`). Columns a listing leaves out, as the text, stay
    empty: every read of an article maps its row here, so every read gives one shape."""
    columns = set(row.keys())

    def column(name: str) -> Any:
        return row[name] if name in columns else None

    return Article(id=row["id"], source=row["source"], text=column("text") or "", text_hash=column("text_hash") or "",
                   title=column("title"), published=parse_published(column("published")), url=column("url"),
                   canonical_url=column("canonical_url"), external_id=column("external_id"),
                   language=column("language"), origin=column("origin"),
                   title_generated=bool(column("title_generated")))
