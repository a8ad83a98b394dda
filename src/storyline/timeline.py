"""What happened when: a story's dated entries, from the dates its articles give and their own dates.

An entry is a sentence of an article (never written anew) placed on the date it speaks of: a date in
the text ("two days earlier", "in 2007") resolved against the publication date, or, for an article's
lead, the day it was published. Sentences of several outlets about the same thing on the same date
are one entry with all their sources. An entry is never more precise than its evidence: "in 2007"
stays a year."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

import numpy as np

from storyline.model import Analysis, Article
from storyline.text import split_sentences

VERSION = "timeline/1"
GRANULARITIES = ("day", "month", "year")
SAME_EVENT = 0.6  # cosine of two sentences on one date above which they tell the same event


@dataclass
class _Entry:
    date: str
    granularity: str
    texts: list[str] = field(default_factory=list)
    vectors: list[np.ndarray] = field(default_factory=list)
    evidence: list[dict[str, Any]] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    reported: bool = False  # placed by publication date rather than by a date in the text


def _candidates(members: list[tuple[Article, str | None]], analyses: dict[str, Analysis]) -> list[tuple]:
    """(date, granularity, article, start, end, reported) for every dated sentence of the story."""
    found = []
    for article, _ in members:
        analysis = analyses.get(article.id)
        dated_sentences = set()
        for time in analysis.times if analysis else ():
            if time.granularity not in GRANULARITIES:
                continue
            start, end = time.sentence
            if (start, end, time.date) in dated_sentences:
                continue
            dated_sentences.add((start, end, time.date))
            found.append((time.date, time.granularity, article, start, end, False))
        spans = split_sentences(article.text)
        if article.published is not None and spans:
            start, end = spans[0]
            if not any(s == start for s, _, _ in dated_sentences):
                found.append((article.day.isoformat(), "day", article, start, end, True))
    return found


def build_timeline(members: list[tuple[Article, str | None]], analyses: dict[str, Analysis],
                   embed: Callable[[list[str]], np.ndarray]) -> list[dict[str, Any]]:
    """The story's timeline, oldest first: date, granularity, text, sources and evidence spans."""
    candidates = _candidates(members, analyses)
    if not candidates:
        return []
    vectors = embed([article.text[start:end] for _, _, article, start, end, _ in candidates])
    entries: list[_Entry] = []
    for (day, granularity, article, start, end, reported), vector in zip(candidates, vectors):
        text = article.text[start:end]
        entry = next((e for e in entries if e.date == day and e.granularity == granularity
                      and max(float(vector @ v) for v in e.vectors) >= SAME_EVENT), None)
        if entry is None:
            entry = _Entry(day, granularity, reported=reported)
            entries.append(entry)
        if any(ev["article"] == article.id for ev in entry.evidence):
            continue
        entry.texts.append(text)
        entry.vectors.append(vector)
        entry.reported = entry.reported and reported
        entry.evidence.append({"article": article.id, "start": start, "end": end, "text": text})
        if article.source not in entry.sources:
            entry.sources.append(article.source)
    entries.sort(key=lambda e: (e.date, GRANULARITIES.index(e.granularity), -len(e.sources)))
    return [{"date": e.date, "granularity": e.granularity, "text": e.texts[0], "sources": e.sources,
             "evidence": e.evidence, "reported": e.reported} for e in entries]
