"""Counts that rise between reports of different days: one update, a dated progression ("at least 3
dead" on the first day, "killed 10" the next), not a dispute.

Real reports of one story state a toll in sentences that share few words and often no name ("the
quake on the outskirts of Dargahan injured two people" / "an earthquake hit an island off Iran,
injuring five people"), so sentence alignment and the story-wide match by the words around a figure
(conflicts/number.py) miss them. Here a figure is read as a report's count of a thing that grows as
news comes in (GROWING: the dead, injured, missing, arrested, evacuated, aftershocks) or of how long
an ongoing happening has lasted ("four days of riots", "the sixth straight day" of protests); "the
sixth aftershock" says six have struck. A report's count is the highest value it gives (a count so
far only grows: a lower figure beside it is one it rose from); a day's count is what most of its
reports give; the days whose count is higher than every earlier day's are the steps of one update,
each step with every report of that day that gives it, and with the reports of later days that all
still give it (4 aftershocks on Monday, still 4 on Tuesday, 7 on Wednesday).

When in doubt there is none: a sentence that names a day more than BEFORE_THE_STORY before the first
report (the toll of an earlier quake), a count that falls, a step more than UPDATE_RATIO times the
one before (a count of another happening), a span of days whose words around, names aside, share
nothing with the other's (a week of strikes, five days of sailing races), and a voice that would
give two steps. Reports of one day that disagree are no step of each other: that is a dispute, for
number.py to weigh.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from storyline.analyze.numbers import Number, normalized_number
from storyline.compare.conflicts.conflict import Conflict, StoryFindings, frame
from storyline.compare.units import StoryView, Unit
from storyline.model import ConflictKind
from storyline.words import content_stems

# counts that grow as news comes in, as the kind (or an ordinal's noun) analyze.numbers gives them
GROWING = frozenset({"killed", "injured", "missing", "arrested", "evacuated", "rescued", "displaced",
                     "aftershock"})
DURATION = "day"  # how long an ongoing happening has lasted: "four days of riots", "the sixth straight day"
UPDATE_RATIO = 5.0  # a step further from the one before than this counts another thing
BEFORE_THE_STORY = timedelta(days=31)  # a sentence that names a day further before the first report tells of the past


@dataclass(frozen=True)
class _Reading:
    """One report's value of one count, with the sentence and the words around the figure besides names."""

    unit: Unit
    number: Number
    words: frozenset[str]


def _counted(n: Number) -> str | None:
    """What a figure counts, where it is a count that grows over days: a kind of GROWING, the days of
    an ongoing happening, or the noun of an ordinal of either ("the sixth aftershock")."""
    kind = n.kind or ""
    thing = kind.removeprefix("ordinal:")
    if thing in ("days", "day"):
        return DURATION
    return thing if thing in GROWING else None


def before_the_story(unit: Unit, earliest: date) -> bool:
    """Whether a sentence names a day, month or year before the story began (an earlier quake's toll):
    before BEFORE_THE_STORY ahead of its first report, which may come days after what it reports
    ("the shooting on Saturday sparked five days of riots")."""
    cutoff = (earliest - BEFORE_THE_STORY).isoformat()
    return any(d < cutoff[:len(d)] for d in unit.dates)


def rising_counts(found: StoryFindings) -> list[Conflict]:
    """One update per growing count whose reports of later days give higher values."""
    story = found.story
    day_of = {pos: a.published.date().isoformat() for pos, a in enumerate(story.articles) if a.published}
    if len(set(day_of.values())) < 2:
        return []
    earliest = date.fromisoformat(min(day_of.values()))
    readings: dict[tuple[int, str], list[_Reading]] = defaultdict(list)  # (article, count) -> its figures
    given: dict[tuple[str, str], set[float]] = defaultdict(set)  # (count, day) -> every value its reports give
    for unit in found.units:
        if unit.article not in day_of:
            continue
        past = before_the_story(unit, earliest)
        for n in unit.numbers:
            thing = _counted(n)
            if thing is not None and n.value >= 1 and n.value == int(n.value):
                given[(thing, day_of[unit.article])].add(n.value)
                if past:
                    continue
                names = set(content_stems(" ".join(unit.entities)))
                readings[(unit.article, thing)].append(
                    _Reading(unit, n, frozenset(frame(story, unit, n.start, n.end) - names)))
    told: dict[str, dict[int, _Reading]] = defaultdict(dict)  # count -> article -> its count
    for (pos, thing), figures in readings.items():
        told[thing][pos] = max(figures, key=lambda r: r.number.value)  # the first of its highest value
    return [c for thing, reports in sorted(told.items())
            if (c := _progression(story, thing, reports, day_of, given)) is not None]


def _progression(story: StoryView, thing: str, reports: dict[int, _Reading], day_of: dict[int, str],
                 given: dict[tuple[str, str], set[float]]) -> Conflict | None:
    """The update of one count, if reports of later days give higher values. given: every value of
    the count each day's reports give, in any sentence."""
    steps: list[dict[int, _Reading]] = []  # each step's reports
    for day in sorted({day_of[pos] for pos in reports}):
        today = {pos: r for pos, r in reports.items() if day_of[pos] == day}
        counts = Counter(r.number.value for r in today.values())
        modal = min(counts, key=lambda value: (-counts[value], value))  # what most of the day's reports give
        step = {pos: r for pos, r in today.items() if r.number.value == modal}
        if steps and modal == _value(steps[-1]):
            if given[(thing, day)] == {modal}:
                steps[-1].update(step)  # later reports of the count as it stood, where none gives it otherwise
            continue
        if steps and modal < _value(steps[-1]):
            continue
        if steps and not _one_count(thing, steps[-1], step):
            continue
        steps.append(step)
    voices = [{story.voice[pos] for pos in step} for step in steps]
    if len(steps) < 2 or any(a & b for x, a in enumerate(voices) for b in voices[x + 1:]):
        return None
    return Conflict(ConflictKind.NUMBER, f"number:{thing}",
                    {pos: (normalized_number(r.number), r.number.surface, [(r.number.start, r.number.end)])
                     for step in steps for pos, r in step.items()},
                    {pos: r.unit.index for step in steps for pos, r in step.items()}, update=True)


def _value(step: dict[int, _Reading]) -> float:
    return next(iter(step.values())).number.value


def _one_count(thing: str, before: dict[int, _Reading], after: dict[int, _Reading]) -> bool:
    """Whether two steps can be readings of one count: at most UPDATE_RATIO apart, and, for days of a
    happening, words around the figures besides names that name it in both ("four days of riots",
    "after eight days of the worst riots")."""
    if _value(after) > UPDATE_RATIO * _value(before):
        return False
    if thing != DURATION:
        return True
    return any(a.words & b.words for a in before.values() for b in after.values())
