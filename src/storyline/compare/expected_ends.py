"""When a repair or a closure ends, as it changes between reports of different days: an expected end that
becomes an actual end is one update, a dated progression ("would take about 12 days" on 10 Oct, "was
repaired on 29 October" on 4 Nov), never a dispute of one day.

A report's reading is the day a sentence says the work ended (lang.en_stages.ENDED_ON: "was successfully
repaired on 29 October 2011", the day read by the analysis), else the span it says the work is expected
to take (lang.en_stages.EXPECTED_SPAN, in a sentence about a repair, fix, closure or outage: ENDING_WORK): "the
total repair time will be around twelve days". The estimate's reports come first, then the first
report of the end; its evidence is every sentence of a report that gives its reading.

When in doubt there is none: an estimate told by a report of the end's day or later (a recall of the
first estimate: "Initial indications were that the break would take 12 days"), two estimates of two
spans (no step: reports disagree, or revised it, which this does not tell apart), two days of the end,
and a story with no estimate or no end."""

from __future__ import annotations

from storyline.compare.conflicts.conflict import Conflict, StoryFindings
from storyline.compare.report_order import report_moments
from storyline.compare.units import StoryView, Unit
from storyline.lang.en_numbers import small_count
from storyline.lang.en_stages import ENDED_ON, ENDING_WORK, EXPECTED_SPAN
from storyline.model import ConflictKind

KEY = "date:end of the work"


def _estimates(story: StoryView, unit: Unit) -> list[tuple[str, tuple[int, int]]]:
    """The spans of time a sentence says the work is expected to take ("12 days"), with where it says so."""
    text = story.articles[unit.article].text
    if not ENDING_WORK.search(text, unit.start, unit.end):
        return []
    out = []
    for m in EXPECTED_SPAN.finditer(text, unit.start, unit.end):
        count = small_count(m.group("n"))
        out.append((f"{count} {m.group('unit').lower()}s", (unit.start, unit.end)))
    return out


def _ends(story: StoryView, unit: Unit) -> list[tuple[str, str, tuple[int, int]]]:
    """The days a sentence says the work ended on: ISO day, as written, and where it says so."""
    text = story.articles[unit.article].text
    out = []
    for t in story.articles[unit.article].analysis.times:
        if unit.start <= t.start and t.end <= unit.end and t.granularity == "day":
            verb = ENDED_ON.search(text[max(unit.start, t.start - 60):t.start])
            if verb:
                start = max(unit.start, t.start - 60) + verb.start()
                out.append((t.date, text[start:t.end], (start, t.end)))
    return out


def expected_ends(found: StoryFindings) -> list[Conflict]:
    """One update where reports of earlier days give the span a work was expected to take and a later
    report the day it ended."""
    story = found.story
    moment_of = report_moments(story)
    estimates: dict[int, list[tuple[str, tuple[int, int], Unit]]] = {}
    ends: dict[int, list[tuple[str, str, tuple[int, int], Unit]]] = {}
    for unit in found.units:
        if unit.article not in moment_of:
            continue
        for value, span in _estimates(story, unit):
            estimates.setdefault(unit.article, []).append((value, span, unit))
        for day, shown, span in _ends(story, unit):
            ends.setdefault(unit.article, []).append((day, shown, span, unit))
    if not ends or not estimates:
        return []
    days = {day for told in ends.values() for day, *_ in told}
    if len(days) != 1:
        return []  # two days of the end: a dispute, for date.py to weigh
    end_pos = min(ends, key=lambda pos: moment_of[pos])
    end_moment = moment_of[end_pos]
    before = {pos: told for pos, told in estimates.items() if moment_of[pos] < end_moment and pos not in ends}
    if len({value for told in before.values() for value, *_ in told}) != 1:
        return []  # none, or two spans of time
    if story.voice[end_pos] in {story.voice[pos] for pos in before}:
        return []
    values: dict[int, tuple[str, str, list[tuple[int, int]]]] = {}
    units: dict[int, int] = {}
    for pos, told in before.items():
        value, _, unit = told[0]
        values[pos] = (f"expected: {value}", f"about {value}", sorted({span for _, span, _ in told}))
        units[pos] = unit.index
    day, shown, _, unit = ends[end_pos][0]
    values[end_pos] = (day, shown, sorted({span for _, _, span, _ in ends[end_pos]}))
    units[end_pos] = unit.index
    return [Conflict(ConflictKind.DATE, KEY, values, units, update=True,
                     order={pos: int(pos == end_pos) for pos in values})]
