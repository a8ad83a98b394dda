"""The records every stage speaks. Stages take and return these; only pipeline.py touches the store."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

import numpy as np


@dataclass(frozen=True)
class Record:
    """One input record as read from a file, stdin or a feed, before it becomes an article."""

    text: str
    origin: str  # where it came from, "path" or "path:line", for messages and provenance
    source: str
    title: str | None = None
    published: datetime | None = None
    url: str | None = None
    external_id: str | None = None
    language: str | None = None
    gold: str | None = None


@dataclass(frozen=True)
class Rejection:
    """A record or file that could not be read; the message is one line for a person."""

    origin: str
    message: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.message}"


@dataclass(frozen=True)
class Article:
    """A stored article: normalised text with a stable id derived from its identity."""

    id: str
    source: str
    text: str
    text_hash: str
    title: str | None = None
    published: datetime | None = None
    url: str | None = None
    canonical_url: str | None = None
    external_id: str | None = None
    language: str | None = None
    origin: str | None = None
    gold: str | None = None

    @property
    def day(self) -> date | None:
        return self.published.date() if self.published else None


@dataclass
class StoryState:
    """What story assignment needs to know of a story: its centroid, its key terms and its dates."""

    id: str
    centroid: np.ndarray  # sum of member vectors; normalise before comparing
    size: int
    terms: dict[str, int] = field(default_factory=dict)
    first_seen: date | None = None
    last_seen: date | None = None

    def unit_centroid(self) -> np.ndarray:
        norm = float(np.linalg.norm(self.centroid))
        return self.centroid / norm if norm else self.centroid


@dataclass(frozen=True)
class Assignment:
    """Where one article went: an existing story (with its score) or a new one."""

    article_id: str
    story_id: str
    score: float
    new_story: bool
