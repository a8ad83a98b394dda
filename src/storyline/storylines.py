"""Storylines: threads of stories about one developing topic over days and weeks.

Two stories are linked when they share the people they are about (canonical names mentioned at
least twice in each) and their centroids agree, within a month of each other: talks announced,
talks held and a leader's speech about them form one thread, while two earthquakes a week apart
do not. Two stories whose centroids agree closely (CLOSE) link on one name they share, whatever its
type and however it is spelt (a cable company read as a person in one story and an organisation in
the next, "SEACOM" and "Seacom"; a name is compared case-folded, by any of its aliases, and by its
last line, since a name read across a headline's line break is the name after it). Storylines are
the connected groups of linked stories; links are kept, threads are read.

A named person's case is followed up months later (a wounded man recovering three months after a
shooting, its suspect sent to trial): stories up to LONG_WINDOW_DAYS apart link where they share a
person and their centroids agree closely.

A name that many of the stories around carry (SketchIndex.common) says nothing about which of them
continue one another, and links none: a campaign's candidates are in half its stories, and linking on
them chained 621 of PolNeAR's 877 stories into one storyline."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from datetime import date
from sys import intern
from typing import Any, Iterable

import numpy as np

VERSION = "storylines/3"
WINDOW_DAYS = 30
CLOSE = 0.75  # centroids this alike link on one shared name
LONG_WINDOW_DAYS = 120  # ... and, sharing a person, this far apart
# A name more of the stories around carry than this share of them, and than COMMON_LEAST, is common.
COMMON_SHARE = 0.05
COMMON_LEAST = 20
PEOPLE = {"PERSON"}
NAMES = {"ORG", "GPE", "LOC", "FAC", "EVENT", "NORP"}


@dataclass(frozen=True)
class StorySketch:
    """What linking needs of a story: its centroid, the names it is about, its days."""

    id: str
    centroid: np.ndarray
    people: frozenset[str]
    names: frozenset[str]
    first_seen: date | None
    last_seen: date | None
    aliases: frozenset[str] = frozenset()  # every name of the salient entities, any type, as name_key reads it


def name_key(name: str) -> str:
    """A name as stories are matched on it: its last line (a name read across a headline's line break,
    "html\nSEACOM", is the name after it), case-folded, its spacing squeezed."""
    lines = [line for line in name.splitlines() if line.strip()] or [name]
    return " ".join(lines[-1].casefold().split())


def sketch(story_id: str, centroid: np.ndarray, entities: list[dict[str, Any]], first_seen: date | None,
           last_seen: date | None) -> StorySketch:
    """A story's sketch from its brief's entities: names mentioned at least twice."""
    salient = [e for e in entities if e.get("mentions", 0) >= 2]
    norm = float(np.linalg.norm(centroid)) or 1.0
    # names as one string each however many stories carry them (sys.intern): a run relinks thousands
    aliases = frozenset(intern(name_key(n)) for e in salient if e["type"] in PEOPLE | NAMES
                        for n in [e["name"], *e.get("aliases", [])])
    return StorySketch(story_id, centroid / norm, frozenset(intern(e["name"]) for e in salient if e["type"] in PEOPLE),
                       frozenset(intern(e["name"]) for e in salient if e["type"] in NAMES), first_seen, last_seen,
                       aliases - {""})


def _days_apart(a: StorySketch, b: StorySketch) -> int:
    if not (a.first_seen and a.last_seen and b.first_seen and b.last_seen):
        return 0
    if a.last_seen < b.first_seen:
        return (b.first_seen - a.last_seen).days
    if b.last_seen < a.first_seen:
        return (a.first_seen - b.last_seen).days
    return 0


def link_score(a: StorySketch, b: StorySketch) -> float | None:
    """How strongly two stories continue one another; None when they are not linked."""
    apart = _days_apart(a, b)
    if apart > LONG_WINDOW_DAYS:
        return None
    cosine = float(a.centroid @ b.centroid)
    people = len(a.people & b.people)
    names = len(a.names & b.names)
    if apart > WINDOW_DAYS:  # months on: a named person's case followed up
        linked = people >= 1 and cosine >= CLOSE
    else:
        close = cosine >= CLOSE and bool(a.aliases & b.aliases)
        linked = people >= 2 or (people >= 1 and cosine >= 0.5) or (names >= 2 and cosine >= 0.6) or close
    return round(cosine + 0.1 * people + 0.05 * names, 4) if linked else None


def links_for(story: StorySketch, others: Iterable[StorySketch]) -> list[tuple[str, float]]:
    """The stories this one links to, with their scores."""
    found = []
    for other in others:
        if other.id != story.id and (score := link_score(story, other)) is not None:
            found.append((other.id, score))
    return found


class SketchIndex:
    """Sketches by the names they are about. Two stories link only when they share a person, two
    other names or one name by any spelling (link_score asks at least that), so the stories that share one of its names are all
    that links_for need see of a story: a story's links then cost what its names' stories cost, not
    every story of the month (100,000 short records made that a hundred thousand squared).

    The names common among the sketches given (carried by more than COMMON_SHARE of them and more
    than COMMON_LEAST) are left out of every sketch it holds and of a story's `specific` sketch, which
    is what links_for compares: they neither find a story's neighbours nor count as shared."""

    def __init__(self, sketches: Iterable[StorySketch]) -> None:
        self.sketches = list(sketches)
        carried = Counter(key for sketch_ in self.sketches for key in set(_keys(sketch_)))
        most = max(COMMON_LEAST, COMMON_SHARE * len(self.sketches))
        self.common = frozenset(key for key, count in carried.items() if count > most)
        self._by_name: dict[tuple[str, str], list[int]] = {}
        self._by_id: dict[str, int] = {}
        for position, sketch_ in enumerate(self.sketches):
            sketch_ = self.sketches[position] = self.specific(sketch_)  # in place: never both copies of all
            self._by_id[sketch_.id] = position
            for key in _keys(sketch_):
                self._by_name.setdefault(key, []).append(position)

    def get(self, story_id: str) -> StorySketch | None:
        """The story's specific sketch, where it was given."""
        position = self._by_id.get(story_id)
        return None if position is None else self.sketches[position]

    def near(self, story: StorySketch) -> list[StorySketch]:
        """The sketches that share a name with story, in the order they were given (their specific ones)."""
        positions = {p for key in _keys(story) for p in self._by_name.get(key, ())}
        return [self.sketches[p] for p in sorted(positions)]

    def specific(self, story: StorySketch) -> StorySketch:
        """The story's sketch without the common names."""
        if not self.common:
            return story
        return replace(story, people=frozenset(n for n in story.people if ("person", n) not in self.common),
                       names=frozenset(n for n in story.names if ("name", n) not in self.common),
                       aliases=frozenset(n for n in story.aliases if ("alias", n) not in self.common))


def _keys(sketch_: StorySketch) -> list[tuple[str, str]]:
    return ([("person", name) for name in sketch_.people] + [("name", name) for name in sketch_.names]
            + [("alias", key) for key in sketch_.aliases])


def threads(links: Iterable[tuple[str, str]], first_seen: dict[str, str | None]) -> list[list[str]]:
    """Connected groups of linked stories (two stories or more), each oldest first, newest thread first."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in links:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, list[str]] = {}
    for story in parent:
        groups.setdefault(find(story), []).append(story)
    ordered = [sorted(g, key=lambda s: (first_seen.get(s) or "9999", s)) for g in groups.values() if len(g) > 1]
    return sorted(ordered, key=lambda g: max(first_seen.get(s) or "" for s in g), reverse=True)


def storyline_id(stories: list[str]) -> str:
    """A thread is named by its first story: its id with 'l' for 's'."""
    return "l" + stories[0][1:]
