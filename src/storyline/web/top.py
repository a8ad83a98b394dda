"""Top stories, the home page's first tab: stories ranked by how many independent outlets report them
and how recent they are, rather than by date alone (the "latest" tab).

A story's score is its independent voices (voices.py: copies of one report are one voice, an
outlet's own articles one voice however many) halved for every HALF_LIFE_DAYS between its last day
and the newest article stored: a story eight outlets carried two days ago outranks one a single
outlet carried today. Ties keep the latest order."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from storyline.sources.dates import parse_published
from storyline.voices import independent_reports

HALF_LIFE_DAYS = 2.0


@dataclass(frozen=True)
class Report:
    """An article as the rule of independence reads it."""

    id: str
    source: str
    published: datetime | None


def story_scores(rows: list[dict[str, Any]], newest_day: str | None) -> dict[str, float]:
    """Each story's score from `store.story_reporters` rows (one per article); an undated story scores 0."""
    by_story: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        by_story[row["story_id"]].append(row)
    newest = date.fromisoformat(newest_day) if newest_day else None
    scores = {}
    for story_id, members in by_story.items():
        day = members[0]["last_seen"]
        if day is None or newest is None:
            scores[story_id] = 0.0
            continue
        age = max((newest - date.fromisoformat(day)).days, 0)
        scores[story_id] = independent_voices(members) * 0.5 ** (age / HALF_LIFE_DAYS)
    return scores


def independent_voices(members: list[dict[str, Any]]) -> int:
    """voices.independent_reports of one story's rows. Without copies in the story every article is its
    outlet's own voice; only a story with copies needs the rule, and the articles' times (parsing
    every article's time was most of the cost of ranking thousands of stories)."""
    groups = [row["group_id"] or row["id"] for row in members]
    if len(set(groups)) == len(groups):
        return len({row["source"] for row in members})
    return independent_reports([(Report(row["id"], row["source"], parse_published(row["published"])), row["group_id"])
                                for row in members])


def top_story_ids(rows: list[dict[str, Any]], newest_day: str | None) -> list[str]:
    """Story ids, highest score first; equal scores as the latest tab orders them (last day, then
    articles, then id)."""
    scores = story_scores(rows, newest_day)
    last = {row["story_id"]: row["last_seen"] or "" for row in rows}
    size = Counter(row["story_id"] for row in rows)
    ordered = sorted(scores, key=lambda story_id: story_id)
    ordered.sort(key=lambda story_id: (last[story_id], size[story_id]), reverse=True)
    return sorted(ordered, key=lambda story_id: -scores[story_id])
