"""The rows the store hands out, shared by its write side (core.py) and its read queries (reads.py)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

# No LIMIT: the largest value both databases accept (SQLite's -1 is an error in PostgreSQL).
NO_LIMIT = 2**63 - 1


@dataclass(frozen=True)
class StoryRow:
    id: str
    title: str
    first_seen: str | None
    last_seen: str | None
    size: int


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
