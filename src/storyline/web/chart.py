"""The timeline of a story as a picture: the geometry of a server-rendered SVG (story.html draws it).

Entries sit on an axis of the days something happened, one row each, evenly spaced by day rather than
to scale (a story's background reaches back years, its news spans hours); every outlet reporting an
entry is a dot in its colour beside it, and an entry whose evidence is also a conflict's, or gives a
figure that changed between reports (an update's), is marked."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from typing import Any

WIDTH = 720
ROW = 26
AXIS = 46  # room for the two-line date labels above the first row
SIDE = 56  # a date label centred on the first or last day still fits
DOT = 10
CHAR = 6.6
LABEL = 44  # the width a two-line date label needs  # the width of one character of the 12-unit font, near enough to cut labels


def timeline_chart(timeline: list[dict[str, Any]], conflicts: Iterable[dict[str, Any]],
                   day_label: Callable[[object], str],
                   updates: Iterable[dict[str, Any]] = ()) -> dict[str, Any] | None:
    """Where each timeline entry (sorted by date, each with its `anchor`) goes in the picture; None
    when there is nothing to draw. Dates are ISO days, months ("2025-02") or years ("2022"), shown as
    `day_label` writes them. An entry resting on a conflict's text is a conflict; else one resting on
    an update's (a claim whose `update` lists each report's figure) is an update."""
    if not timeline:
        return None
    contested = _claim_spans(conflicts, "conflict", whole=True)
    changed = _claim_spans(updates, "update", whole=False)  # the figures: an update's sentences hold more
    days = sorted({str(t.get("date") or "") for t in timeline}, key=lambda d: (d == "", d))
    step = (WIDTH - 2 * SIDE) / (len(days) - 1) if len(days) > 1 else 0
    x_of = {day: (SIDE + i * step if len(days) > 1 else WIDTH / 2) for i, day in enumerate(days)}
    every = max(1, math.ceil(LABEL / step)) if step else 1  # label every day while the labels fit
    ticks = [{"x": round(x_of[day], 1), "date": day, "lines": _two_lines(day_label(day or None)),
              "labelled": i % every == 0 or i == len(days) - 1 and i % every >= every / 2}
             for i, day in enumerate(days)]
    entries = []
    for row, entry in enumerate(timeline):
        day = str(entry.get("date") or "")
        x, y = x_of[day], AXIS + ROW * row + ROW / 2
        sources = [str(s) for s in entry.get("sources") or []]
        rightward = x <= WIDTH / 2
        sign = 1 if rightward else -1
        dots = [{"name": name, "x": round(x + sign * (14 + DOT * i), 1)} for i, name in enumerate(sources)]
        text_x = x + sign * (14 + DOT * len(sources) + 4)
        room = (WIDTH - text_x if rightward else text_x) - 4
        text = str(entry.get("text") or "")
        evidence = entry.get("evidence") or []
        conflict = any(_overlaps(span, contested) for span in evidence)
        entries.append({
            "x": round(x, 1), "y": y, "anchor": entry.get("anchor"), "date": day, "when": day_label(day or None),
            "text": text, "label": _cut(text, int(room / CHAR)), "label_x": round(text_x, 1),
            "label_end": not rightward, "sources": dots, "conflict": conflict,
            "updated": not conflict and any(_overlaps(span, changed) for span in evidence),
        })
    return {"width": WIDTH, "height": AXIS + ROW * len(timeline) + 6, "axis_y": AXIS - 6, "ticks": ticks,
            "entries": entries, "any_conflict": any(e["conflict"] for e in entries),
            "any_updated": any(e["updated"] for e in entries)}


def _two_lines(label: str) -> list[str]:
    """'14 Feb 2025' as '14 Feb' over '2025'; a year or 'undated' stays one line."""
    head, _, year = label.rpartition(" ")
    return [head, year] if head and year.isdigit() else [label]


def _cut(text: str, chars: int) -> str:
    if len(text) <= chars:
        return text
    return text[:max(chars - 1, 0)].rstrip() + "…"


def _claim_spans(claims: Iterable[dict[str, Any]], key: str, whole: bool) -> dict[str, list[tuple[int, int]]]:
    """The spans of text the claims rest on, by article: the evidence of each value under `key`
    ("conflict" or "update"), and with `whole` the claims' own evidence too."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for claim in claims:
        found = list(claim.get("evidence") or []) if whole else []
        for value in (claim.get(key) or {}).get("values") or []:
            found += value.get("evidence") or []
        for span in found:
            if isinstance(span, dict) and isinstance(span.get("start"), int) and isinstance(span.get("end"), int):
                spans.setdefault(str(span.get("article")), []).append((span["start"], span["end"]))
    return spans


def _overlaps(span: Any, contested: dict[str, list[tuple[int, int]]]) -> bool:
    if not isinstance(span, dict) or not isinstance(span.get("start"), int) or not isinstance(span.get("end"), int):
        return False
    return any(start < span["end"] and span["start"] < end for start, end in contested.get(str(span.get("article")), []))
