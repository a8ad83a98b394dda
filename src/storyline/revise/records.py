"""What revision reads of a story's articles (`Member`) and what it makes of them (`Merge`, `Move`,
`Split`), with the members it holds for each story as it goes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import numpy as np

from storyline.cluster import StoryIndex
from storyline.model import StoryState


@dataclass(frozen=True, slots=True)
class Member:
    """What revision needs of one article of a story: its vector, key terms and day."""

    id: str
    vector: np.ndarray
    terms: frozenset[str]
    day: date | None

    @classmethod
    def hollow(cls, id: str, day: date | None) -> Member:
        """A member read for its day alone: a large story's older members (revise.WHOLE), whose vector
        and terms revision never reads (an empty vector: any product with it fails)."""
        return cls(id, HOLLOW, frozenset(), day)


HOLLOW = np.zeros(0, dtype=np.float32)


@dataclass(frozen=True)
class Merge:
    """One story folded into another by revision: `source` as it stood then, the probability that
    decided it."""

    source: StoryState
    target: StoryState
    score: float


@dataclass(frozen=True)
class Move:
    """One member taken from the story `source` (which keeps its id, or is left empty where the member
    was its only one: `emptied`) to the live story `target`: `score` is the probability that decided
    it, `own` the member's probability against its story without it (None for a one-article story's)."""

    member: str
    source: str
    target: str
    score: float
    own: float | None
    emptied: bool = False


@dataclass(frozen=True)
class Split:
    """A story taken apart by revision: `members` left the story `source` (which keeps its id and the
    larger part) for the new story `target`; `score` is the probability that the two parts are one
    story, which decided it."""

    source: str
    target: StoryState
    members: tuple[str, ...]
    score: float


Revision = Merge | Move | Split


def members_held(members: dict[str, list[Member]], story_id: str,
                 members_of: Callable[[str], list[Member]] | None) -> list[Member]:
    """A story's members as revision now holds them (read once, then kept up to date)."""
    if story_id not in members:
        members[story_id] = list(members_of(story_id)) if members_of is not None else []
    return members[story_id]


def english(index: StoryIndex, story_id: str) -> bool:
    return index.crosslingual is None or index.crosslingual.english(story_id)
