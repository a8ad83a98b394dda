"""Date conflicts: two voices date one happening to two days. Not a conflict: "today" in reports of
two days, a postponed date, a day counted from another happening ("a day after the quake")."""

from __future__ import annotations

from datetime import datetime

from storyline.analyze.numbers import clashing_numbers
from storyline.compare.conflicts.conflict import Conflict, Detector, SentencePair, words_around
from storyline.compare.units import StoryView, Unit
from storyline.lang.en import RELATIVE_DAY, RESCHEDULE
from storyline.model import ConflictKind


def _day_conflict(a: Unit, b: Unit, story: StoryView) -> tuple[str, str] | None:
    """The two days of one event when two aligned units date it differently."""
    if len(a.days) != 1 or len(b.days) != 1:
        return None
    (da, (sa, ea, named_a)), = a.days.items()
    (db, (sb, eb, named_b)), = b.days.items()
    if da == db:
        return None
    pa, pb = story.articles[a.article].published, story.articles[b.article].published
    if not (named_a or named_b) and (pa is None or pb is None or pa.date() != pb.date()):
        return None  # "today" in reports of different days names different days
    if RESCHEDULE.search(a.text) or RESCHEDULE.search(b.text):
        return None
    if RELATIVE_DAY.search(a.text) or RELATIVE_DAY.search(b.text):
        return None  # "today, a day after the quake": two happenings, and the day is the other one's
    # the day must be the day of the same happening: the words around it agree
    ta, tb = story.articles[a.article].text, story.articles[b.article].text
    if len(words_around(ta, sa, ea) & words_around(tb, sb, eb)) < 2:
        return None
    return da, db


def date_in_pair(pair: SentencePair) -> list[Conflict]:
    """Two aligned sentences (that give no clashing figures) dating one happening differently."""
    a, b = pair.a, pair.b
    if not pair.aligned or clashing_numbers(a.numbers, b.numbers):
        return []
    days = _day_conflict(a, b, pair.story)
    if not days:
        return []
    sa, sb = a.days[days[0]], b.days[days[1]]
    return [Conflict(ConflictKind.DATE, "date", {a.article: (days[0], days[0], [sa[:2]]),
                                                 b.article: (days[1], days[1], [sb[:2]])},
                     {a.article: a.index, b.article: b.index})]


def date_across_languages(story: StoryView, a: Unit, b: Unit) -> list[Conflict]:
    """Two days of one happening in two sentences in two languages that state one fact (el jueves
    against Friday): each names exactly one day, by name, in reports of one day, at most a week apart
    (whether the words around a day agree cannot be read across languages)."""
    if len(a.days) == 1 and len(b.days) == 1 and set(a.days) != set(b.days):
        (da, (sa, ea, named_a)), = a.days.items()
        (db, (sb, eb, named_b)), = b.days.items()
        pa, pb = story.articles[a.article].published, story.articles[b.article].published
        near = abs((datetime.fromisoformat(da) - datetime.fromisoformat(db)).days) <= 7
        if named_a and named_b and near and pa is not None and pb is not None and pa.date() == pb.date():
            return [Conflict(ConflictKind.DATE, "date", {a.article: (da, da, [(sa, ea)]), b.article: (db, db, [(sb, eb)])},
                             {a.article: a.index, b.article: b.index})]
    return []


DETECTOR = Detector(ConflictKind.DATE, in_pair=date_in_pair, across_languages=date_across_languages, by_sentence=True)
