"""Top stories, the home page's first tab: stories ranked by how many independent outlets report them
and how recent they are, rather than by date alone (the "latest" tab).

A story's score is its independent voices (voices.py: copies of one report are one voice, an
outlet's own articles one voice however many) halved for every HALF_LIFE_DAYS between its last day
and the newest article stored: a story eight outlets carried two days ago outranks one a single
outlet carried today. Ties keep the latest order."""

from __future__ import annotations

from collections import defaultdict
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
    members: dict[str, list[tuple[Report, str | None]]] = defaultdict(list)
    last: dict[str, str | None] = {}
    for row in rows:
        members[row["story_id"]].append((Report(row["id"], row["source"], parse_published(row["published"])),
                                         row["group_id"]))
        last[row["story_id"]] = row["last_seen"]
    newest = date.fromisoformat(newest_day) if newest_day else None
    scores = {}
    for story_id, reports in members.items():
        day = last[story_id]
        if day is None or newest is None:
            scores[story_id] = 0.0
            continue
        age = max((newest - date.fromisoformat(day)).days, 0)
        scores[story_id] = independent_reports(reports) * 0.5 ** (age / HALF_LIFE_DAYS)
    return scores


def top_story_ids(rows: list[dict[str, Any]], newest_day: str | None) -> list[str]:
    """Story ids, highest score first; equal scores newest first, then by id."""
    scores = story_scores(rows, newest_day)
    last = {row["story_id"]: row["last_seen"] or "" for row in rows}
    ordered = sorted(scores, key=lambda story_id: story_id)
    ordered.sort(key=lambda story_id: last[story_id], reverse=True)
    return sorted(ordered, key=lambda story_id: -scores[story_id])
