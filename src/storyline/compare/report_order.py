"""The order of a story's reports, for updates: by the day each was published, within a day by its time
of day where the feed gives one, and by a figure's own words.

Two reports of one day can give two readings of a count that grows as news comes in: the later
report's time of day says which came first (3 dead at 08:00, 11 at 18:00), and so do the words of one
of them: a figure "as of 4 p.m." is the count as it stood then (AS_OF_TIME), one that "rose to 10",
"has now climbed" or is "up from three" is a later reading (GROWN). A report whose feed gives no time of
day (a date alone, read as midnight) orders none of its day's reports by time. Reports of one day that give two
figures and nothing to order them stay unordered: a dispute, not an update.
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

from storyline.compare.units import StoryView
from storyline.lang.en import AS_OF_TIME, GROWN

Moment = tuple[str, str, int]  # (day, time of day or "", the figure's own words: -1 as it stood, 0, 1 later)


def report_moments(story: StoryView) -> dict[int, tuple[str, str]]:
    """The day and time of day ("HH:MM") of each dated article of a story, by position. A date alone
    reads as midnight; where a report of a day has no time of day, none of that day's reports has one,
    so that a feed that gives dates alone is not read as the first report of each day."""
    known = _MOMENTS.get(story)
    if known is not None:
        return known
    clocks = {pos: (a.published.date().isoformat(), a.published.strftime("%H:%M"))
              for pos, a in enumerate(story.articles) if a.published}
    untimed = {day for day, clock in clocks.values() if clock == "00:00"}
    known = {pos: (day, "" if day in untimed else clock) for pos, (day, clock) in clocks.items()}
    _MOMENTS[story] = known
    return known


_MOMENTS: WeakKeyDictionary[StoryView, dict[int, tuple[str, str]]] = WeakKeyDictionary()


def later_in_the_day(sentence: str) -> int:
    """Where within its day a reading falls by its sentence's own words: -1 for a count as it stood at a
    time of the day ("as of 4 p.m."), 1 for a later reading ("the toll rose to 10", "now"), else 0."""
    return (1 if GROWN.search(sentence) else 0) - (1 if AS_OF_TIME.search(sentence) else 0)
