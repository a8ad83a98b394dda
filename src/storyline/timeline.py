"""What happened when: a story's dated entries, from the dates its articles give and their own dates.

An entry is a sentence of an article (never written anew) placed on the date it speaks of: a date in
the text ("two days earlier", "in 2007") resolved against the publication date, or, for an article's
lead, the day it was published. Sentences of several outlets about the same thing on the same date
are one entry with all their sources. An entry is never more precise than its evidence: "in 2007"
stays a year. A sentence is placed on the finest dates it names (the meeting "today", not the
invasion "of 2022" it mentions in passing), and a lead that names no day on its report's day."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import numpy as np

from storyline.model import Analysis, Article, EvidenceSpan, TimelineEntry
from storyline.text import iter_sentences

VERSION = "timeline/1"
GRANULARITIES = ("day", "month", "year")
SAME_EVENT = 0.6  # cosine of two sentences on one date above which they tell the same event


@dataclass
class _Entry:
    date: str
    granularity: str
    texts: list[str] = field(default_factory=list)
    vectors: list[np.ndarray] = field(default_factory=list)
    evidence: list[EvidenceSpan] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    reported: bool = False  # placed by publication date rather than by a date in the text


def _tells_an_event(date_: str, granularity: str, published: str | None) -> bool:
    """Whether a date in the text places an event, rather than naming the month the article appears in
    ("earlier this month", "later in February"), which says nothing a reader can place."""
    return not (granularity == "month" and published is not None and published.startswith(date_))


# (date, granularity, article, start, end, reported): one dated sentence of the story
_Candidate = tuple[str, str, Article, int, int, bool]


def _candidates(members: list[tuple[Article, str | None]], analyses: dict[str, Analysis]) -> list[_Candidate]:
    """Every dated sentence of the story, on each date it is placed on."""
    found: list[_Candidate] = []
    for article, _ in members:
        analysis = analyses.get(article.id)
        published = article.day.isoformat() if article.day else None
        # the lead, the first sentence: only the text's first paragraph is read
        lead = next(iter_sentences(article.text), None) if article.published is not None else None
        times = [t for t in (analysis.times if analysis else ()) if t.granularity in GRANULARITIES
                 and _tells_an_event(t.date, t.granularity, published)]
        finest: dict[tuple[int, int], int] = {}
        for t in times:
            finest[t.sentence] = min(finest.get(t.sentence, len(GRANULARITIES)), GRANULARITIES.index(t.granularity))
        placed: set[tuple[int, int, str]] = set()
        for time in times:
            if GRANULARITIES.index(time.granularity) > finest[time.sentence] or (
                    lead is not None and time.sentence[0] == lead[0] and time.granularity != "day"):
                continue  # the meeting "today", not the invasion "of 2022" it mentions in passing
            start, end = time.sentence
            if not any(ch.islower() for ch in article.text[start:time.start] + article.text[time.end:end]):
                continue  # a dateline's "VARNHOLM, June 4, 2025 —" on its own: a date, no event (in any script)
            if (start, end, time.date) not in placed:
                placed.add((start, end, time.date))
                found.append((time.date, time.granularity, article, start, end, False))
        if lead is not None and article.day is not None and not any(start == lead[0] for start, _, _ in placed):
            found.append((article.day.isoformat(), "day", article, lead[0], lead[1], True))
    return found


def _fold_coarser(entries: list[_Entry]) -> list[_Entry]:
    """An entry dated only to a month or year that tells the same event as an entry dated within it
    ("in February 2022" beside "on 24 February 2022") becomes more evidence of the finer entry, which
    keeps the date its own evidence gives."""
    kept: list[_Entry] = []
    for entry in sorted(entries, key=lambda e: -len(e.date)):
        finer = next((k for k in kept if k.date.startswith(entry.date) and len(k.date) > len(entry.date)
                      and max(float(a @ b) for a in entry.vectors for b in k.vectors) >= SAME_EVENT), None)
        if finer is None:
            kept.append(entry)
            continue
        for ev, text, vector in zip(entry.evidence, entry.texts, entry.vectors):
            if not any(e["article"] == ev["article"] for e in finer.evidence):
                finer.evidence.append(ev)
                finer.texts.append(text)
                finer.vectors.append(vector)
        for source in entry.sources:
            if source not in finer.sources:
                finer.sources.append(source)
    return kept


def build_timeline(members: list[tuple[Article, str | None]], analyses: dict[str, Analysis],
                   embed: Callable[[list[str]], np.ndarray]) -> list[TimelineEntry]:
    """The story's timeline, oldest first: date, granularity, text, sources and evidence spans."""
    candidates = _candidates(members, analyses)
    if not candidates:
        return []
    vectors = embed([article.text[start:end] for _, _, article, start, end, _ in candidates])
    entries: list[_Entry] = []
    on_date: dict[tuple[str, str], list[_Entry]] = {}  # the entries of each date, in order: no scan of all
    for (day, granularity, article, start, end, reported), vector in zip(candidates, vectors):
        text = article.text[start:end]
        same_date = on_date.setdefault((day, granularity), [])
        entry = next((e for e in same_date if max(float(vector @ v) for v in e.vectors) >= SAME_EVENT), None)
        if entry is None:
            entry = _Entry(day, granularity, reported=reported)
            entries.append(entry)
            same_date.append(entry)
        if any(ev["article"] == article.id for ev in entry.evidence):
            continue
        entry.texts.append(text)
        entry.vectors.append(vector)
        entry.reported = entry.reported and reported
        entry.evidence.append(EvidenceSpan(article=article.id, start=start, end=end, text=text))
        if article.source not in entry.sources:
            entry.sources.append(article.source)
    entries = _fold_coarser(entries)
    entries.sort(key=lambda e: (e.date, GRANULARITIES.index(e.granularity), -len(e.sources)))
    return [TimelineEntry(date=e.date, granularity=e.granularity, text=e.texts[0], sources=e.sources,
                          evidence=e.evidence, reported=e.reported) for e in entries]
