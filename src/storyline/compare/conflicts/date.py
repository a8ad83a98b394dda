"""Date conflicts: two voices date one happening to two days, or time it to two times of day. The days
of what happened to one person ("killed Tovic on Sunday" / "the fatal shooting of Tovic on Saturday")
are compared however common the story's words for it, and whatever places each sentence names; so are
the day and the time of the story's own happening as the leads of two reports of one day give it
(compare/story_happening.py), whatever their other words. Not a
conflict: two days each read from its report's stamp ("today" / "yesterday"), one read from a stamp
more than a day from the day another outlet names (STAMP_SLACK), a postponed date, a day counted
from another happening ("a day after the quake") or of an earlier one of its kind ("the last such
patch"), times within what "about" allows, a time and its conversion to another zone."""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from datetime import date, datetime
from itertools import combinations

from storyline.analyze.dates import PAGE_STAMP, ClockTime, clock_gap, clock_times, game_clocks
from storyline.analyze.numbers import clashing_numbers, game_scores
from storyline.compare.conflicts.conflict import (
    Conflict,
    Detector,
    SentencePair,
    StoryFindings,
    frame,
    places_meet,
    same_scope,
    sharing_pairs,
    story_matches,
    words_around,
)
from storyline.compare.conflicts.state import two_stages
from storyline.compare.expected_ends import expected_ends
from storyline.compare.story_happening import (
    lead_units,
    near_words,
    opens_with,
    story_happening,
    tells_another,
    tells_happening,
)
from storyline.compare.units import StoryView, Unit, quoted_spans
from storyline.lang.en import (
    AFTER_ONSET,
    AHEAD_OF,
    DAY_WORDS,
    DEICTIC,
    EARLIER_ONE,
    HABITUAL,
    ONSET,
    OPENS_SENTENCE,
    PLANNED,
    PROGRESS,
    RELATIVE_DAY,
    RELEASED,
    RESCHEDULE,
    STATEMENT_AFTER_DAY,
    STATEMENT_DAY,
    WEEKDAYS,
)
from storyline.model import ConflictKind, TimeExpression
from storyline.text import WEB_ADDRESS
from storyline.words import content_stems

YEAR = re.compile(r"\b\d{4}\b")  # a year printed in a date
PEOPLE_AND_BODIES = (("PERSON",), ("ORG",))  # the scopes of one person's happening: not its places


def _day_conflict(a: Unit, b: Unit, story: StoryView) -> tuple[str, str] | None:
    """The two days of one event when two aligned units date it differently."""
    if len(a.days) != 1 or len(b.days) != 1:
        return None
    (da, (sa, ea, named_a)), = a.days.items()
    (db, (sb, eb, named_b)), = b.days.items()
    ta, tb = story.articles[a.article].text, story.articles[b.article].text
    if da == db or _one_printed_day(da, ta[sa:ea], db, tb[sb:eb]):
        return None  # one day, or one printed day whose unprinted year two reports read differently
    if too_far_apart(da, db) or _beyond_the_week(da, ta[sa:ea], db, tb[sb:eb]):
        return None
    if not (named_a or named_b):
        return None  # neither outlet names the day: each is read from its report's stamp
    if not (named_a and named_b) and _days_apart(da, db) > STAMP_SLACK:
        return None  # a day read from a report's stamp, days from the day another outlet names
    if any(p.search(a.text) or p.search(b.text) for p in (RESCHEDULE, RELATIVE_DAY, EARLIER_ONE)) \
            or _planned_apart(story, a, sa, b, sb):
        return None  # "today, a day after the quake", "the last such patch": two happenings, and the day is the other one's
    if not (_a_happenings_day(story, a, sa, ea) and _a_happenings_day(story, b, sb, eb)) or two_stages(a, b):
        return None
    if _onset_and_after(ta, a, tb, b) or _onset_and_after(tb, b, ta, a):
        return None  # "The fire started on Tuesday evening" / "Firefighters were called early on Wednesday": two moments
    # the day must be the day of the same happening: the words around it agree
    if len(words_around(ta, sa, ea) & words_around(tb, sb, eb)) < 2:
        return None
    return da, db


def _onset_and_after(text: str, unit: Unit, other_text: str, other: Unit) -> bool:
    """Whether one sentence dates a happening's start (ONSET: "The fire started on Tuesday evening") and the other,
    telling no start, what came after it (AFTER_ONSET: "Firefighters were called early on Wednesday as the fire
    spread"): two moments of one happening, whose days may differ."""
    return bool(ONSET.search(text, unit.start, unit.end)) and not ONSET.search(other_text, other.start, other.end) \
        and bool(AFTER_ONSET.search(other_text, other.start, other.end))


def date_in_pair(pair: SentencePair) -> list[Conflict]:
    """Two aligned sentences (that give no clashing figures) dating one happening differently, or
    timing it by two game clocks."""
    a, b = pair.a, pair.b
    if not pair.aligned:
        return []
    clocks = _game_clock_conflict(pair)
    if clocks or _two_happenings(a, b):
        return clocks
    days = _day_conflict(a, b, pair.story)
    if not days:
        return []
    sa, sb = a.days[days[0]], b.days[days[1]]
    return [Conflict(ConflictKind.DATE, "date", {a.article: (days[0], days[0], [sa[:2]]),
                                                 b.article: (days[1], days[1], [sb[:2]])},
                     {a.article: a.index, b.article: b.index})]


GAME_CLOCK_MINOR = 60  # seconds up to which two game clocks of one moment are a judgement call (minor)


def _two_happenings(a: Unit, b: Unit) -> bool:
    """Whether two sentences tell happenings of one kind apart by their own figures: they give clashing
    figures of one counted thing, or two scores that share none ("beat Calder 81-74 on Saturday" /
    "Calder had won 70-68 on Wednesday": two games). Their days are then no dispute of one happening's."""
    if clashing_numbers(a.numbers, b.numbers):
        return True
    first, second = game_scores(a.text), game_scores(b.text)
    return bool(first and second and not first & second)


def _game_clock_conflict(pair: SentencePair) -> list[Conflict]:
    """Two aligned sentences that each give one game clock in one named part of play, and give it
    differently ("with 7:41 left in the first half" / "With 7:42 left in the first half"). Clocks that
    name no part of play ("made it 60-46 with 6:11 to go" / "54-46 with 7:54 to play") mark moments a
    reader cannot tell are one, and a sentence that gives two clocks of one part says two moments."""
    (story, a, b) = (pair.story, pair.a, pair.b)
    first = [c for c in game_clocks(story.articles[a.article].text, a.start, a.end) if c.period]
    second = [c for c in game_clocks(story.articles[b.article].text, b.start, b.end) if c.period]
    if len(first) != 1 or len(second) != 1:
        return []
    (x,), (y,) = first, second
    if x.seconds == y.seconds or x.period != y.period:
        return []
    values = {}
    for unit, clock in ((a, x), (b, y)):
        shown = story.articles[unit.article].text[clock.start:clock.end]
        values[unit.article] = (f"{clock.seconds // 60}:{clock.seconds % 60:02d}", shown, [(clock.start, clock.end)])
    return [Conflict(ConflictKind.DATE, "game clock", values, {a.article: a.index, b.article: b.index},
                     minor=abs(x.seconds - y.seconds) <= GAME_CLOCK_MINOR)]


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


FAR_APART = {"day": 366, "year": 3 * 366}  # days between two dates of one granularity that date two happenings


def too_far_apart(first: str, second: str) -> bool:
    """Whether two ISO days (or years) are so far apart that they date two happenings, as figures too
    far apart count two things: an outlet may put a happening a day or a month off, or a year, not a decade
    (Gigante's first prison term in 1959, his last sentence in 1997; a family's revelation in 2005,
    a death this week)."""
    granularity = "day" if len(first) == len(second) == 10 else "year"
    return _days_apart(first, second) > FAR_APART[granularity]


WEEK = 7  # days around its report a weekday ("on Saturday") or "yesterday" can name
# "today", "this morning", "last night" are read from the report's stamp, which is the day a feed or a
# page gives, not always the day the words were written: a report written two days after the fire and
# stamped then says "last night" of another night than the outlets that name Friday. An outlet puts a
# happening a day off (late at night, early next morning, another time zone); several days off by its
# own "today", the stamp is the likelier error, and the texts do not disagree.
STAMP_SLACK = 1  # days a day read from a report's stamp may be from another outlet's day and still dispute it


def _days_apart(first: str, second: str) -> int:
    """Days between two ISO days (a year alone counts from its 1 January)."""
    return abs((date.fromisoformat(_day_of(first)) - date.fromisoformat(_day_of(second))).days)


def _beyond_the_week(first: str, printed_first: str, second: str, printed_second: str) -> bool:
    """Whether a day named by its report's week ("Saturday", "yesterday") and a calendar date ("March
    9") are more than a week apart: no outlet names a day a month off by its weekday, so the date is of
    another happening, or the report's own day, which the weekday is read from, is not the day it was
    written."""
    if len(first) != 10 or len(second) != 10:
        return False
    relative_first, relative_second = not re.search(r"\d", printed_first), not re.search(r"\d", printed_second)
    if relative_first == relative_second:
        return False
    return _days_apart(first, second) > WEEK


def _day_of(value: str) -> str:
    return value if len(value) == 10 else f"{value[:4]}-01-01"


# Story-wide: the day or year of one happening stated in sentences that say it differently ("Mr K
# killed G on Sunday" / "the fatal shooting of G on Saturday"), matched as number.py matches counts.
DATE_FRAME_SCORE = 5.0  # shared weight (story IDF) of the words around two dates of one happening


def _dated(story: StoryView, unit: Unit) -> list[tuple[TimeExpression, AbstractSet[str]]]:
    """The one day or year a sentence names, with the words around it; none where it names several
    (a sentence that dates two happenings does not say which is which), or dates one from another. The day
    a statement was made is no happening's ("ran aground late on Saturday …, authorities said on Monday"):
    it is not counted."""
    text = story.articles[unit.article].text
    times = [t for t in story.articles[unit.article].analysis.times
             if unit.start <= t.start and t.end <= unit.end and t.granularity in ("day", "year") and not t.end_date
             and not _said_then(text, unit, t.start)]
    if len(times) != 1 or any(p.search(unit.text) for p in (RESCHEDULE, RELATIVE_DAY, EARLIER_ONE)):
        return []
    if not _a_happenings_day(story, unit, times[0].start, times[0].end):
        return []
    return [(times[0], frame(story, unit, times[0].start, times[0].end))]


def _planned_apart(story: StoryView, a: Unit, at_a: int, b: Unit, at_b: int) -> bool:
    """Whether either of two sentences dates what is still to come ("the cabinet will review it on March 21") and the
    two days at at_a and at_b are not those of one plan told in reports of one day: a plan a later report gives
    another day may have moved since, and a day is a plan's only where the plan's verb comes right before it in
    its clause, the same in both ("would review the closure on March 14" / "will review it on March 21"; not "will
    begin on March 14" / "are expected to end on March 21", nor "which were shut on March 2, will reopen soon")."""
    if not (PLANNED.search(a.text) or PLANNED.search(b.text)):
        return False
    plan_a, plan_b = _plan(story, a, at_a), _plan(story, b, at_b)
    if plan_a is None or plan_a != plan_b:
        return True
    pa, pb = story.articles[a.article].published, story.articles[b.article].published
    return pa is None or pb is None or pa.date() != pb.date()


def _plan(story: StoryView, unit: Unit, at: int) -> str | None:
    """The verb of the plan a day at `at` is the day of: the word after the last word of a plan before it in its
    clause ("will review the closure on", "is expected to end on"), at most eight words before it."""
    clause = re.split(r"[,;:]", story.articles[unit.article].text[unit.start:at])[-1]
    found = list(_TO_COME.finditer(clause))
    if not found or len(clause[found[-1].end():].split()) > 8:
        return None
    words = [w for w in re.findall(r"[a-z]+", clause[found[-1].end():].lower()) if w not in ("to", "be", "not", "also")]
    return words[0] if words else None


# what tells of a happening still to come: PLANNED's words, and those of a plan reported ("would review it")
_TO_COME = re.compile(PLANNED.pattern + r"|\b(?:would|scheduled|set to|is to|are to)\b", re.IGNORECASE)


def _said_then(text: str, unit: Unit, start: int) -> bool:
    """Whether the day or time at start dates a statement, not what it reports: a verb of saying right before
    it, within its unit ("police said today", "announced Wednesday that", "said at 10 a.m."; STATEMENT_DAY)."""
    return STATEMENT_DAY.search(text[max(unit.start, start - 60):start]) is not None


def _a_happenings_day(story: StoryView, unit: Unit, start: int, end: int) -> bool:
    """Whether the date at text[start:end] of a unit can be the day of one happening: not a day that
    recurs ("the second Tuesday of every month") or a name that ends in a weekday ("It's not Patch
    Tuesday"), not the day of a statement ("police said today", "announced Wednesday that", "On Saturday,
    coach Sean Payton indicated that": when it was said, not when what it reports happened) or of a poll's
    or report's release ("a poll released Monday"), not a day that bounds a stretch ("had fallen by Thursday
    morning", "until Friday"), not a day an ongoing happening has reached ("on Thursday, the second day of the
    strike"), not the day of another happening the sentence's comes
    before ("Going into Tuesday's contests"), not the
    page's line or time stamp ("Posted Dec 23, 2012"), not a day inside a quotation (“This night is for
    Alexi!”: the speaker's, read from a day the report does not give)."""
    article = story.articles[unit.article]
    if any(a <= start < b for a, b in quoted_spans(article.analysis)):
        return False
    text = article.text
    if HABITUAL.search(text[max(unit.start, start - 12):start]) or HABITUAL.search(text[end:min(unit.end, end + 16)]):
        return False
    if _said_then(text, unit, start) or _ends_a_name(story, unit, start):
        return False
    if RELEASED.search(text[max(unit.start, start - 60):start]):
        return False  # "a CNN/ORC poll released Monday": the day it came out, not a day of what it tells
    if _BOUND.search(text, max(unit.start, start - 12), start):
        return False  # "had fallen to three times the limit by Thursday morning": a state as it stood then
    if AHEAD_OF.search(text[max(unit.start, start - 30):start]) and re.match(r"['’]s\b", text[end:end + 3]):
        return False  # "Going into Tuesday's contests, Clinton held …": the day of another happening
    if OPENS_SENTENCE.match(text[unit.start:start]) and STATEMENT_AFTER_DAY.match(text, end, min(unit.end, end + 90)):
        return False  # "On Saturday, coach Sean Payton indicated that …": the day of the statement
    if _NTH_DAY_AFTER.match(text, end, min(unit.end, end + 60)):
        return False  # "stayed idle on Thursday, the second day of a wage strike": a day of it, not its start
    return not (WEB_ADDRESS.search(unit.text) or PAGE_STAMP.search(text, max(unit.start, start - 40), start))


# a day of a happening that goes on, named as its count: "on Thursday, the second day of a wage strike"
_NTH_DAY_AFTER = re.compile(r"(?:\s+(?:morning|afternoon|evening|night))?,?\s+(?:the\s+)?(?:second|third|fourth|fifth|sixth|"
                            r"seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\s+(?:(?:straight|consecutive|full)\s+)?day\s+of\b",
                            re.IGNORECASE)
# a day that bounds a stretch rather than dates a happening: "by Thursday morning", "until Friday", "since
# Monday", "as of Tuesday"
_BOUND = re.compile(r"\b(?:by|until|till|since|as\s+of)\s+$", re.IGNORECASE)
_WEEKDAY = re.compile("(?:" + "|".join(day.title() for day in WEEKDAYS) + r")\b")


def _ends_a_name(story: StoryView, unit: Unit, start: int) -> bool:
    """Whether a weekday at start is the last word of a name ("Patch Tuesday", "Super Tuesday", "Black
    Friday"): a capitalised word right before it, within the sentence, that is no name the story knows
    ("the Chicago Bears Thursday") and no word that dates it ("On Saturday", "Last Friday")."""
    text = story.articles[unit.article].text
    if not _WEEKDAY.match(text, start):
        return False
    word = re.search(r"(?<=\s)([A-Z][a-z]+)\s+$", text[unit.start:start])
    if word is None or word.group(1).lower() in DAY_WORDS:
        return False
    first = unit.start + word.start(1)
    return story.entity_at(unit.article, first, first + len(word.group(1))) is None


def date_in_story(found: StoryFindings) -> list[Conflict]:
    """Two days (or years) of one happening in two voices whose words around agree, each the other's
    best match in its article, in one scope; "today" only between reports of one day."""
    story, units = found.story, found.units
    idf = found.idf
    flat = [(u, t, words) for u in units for t, words in _dated(story, u)]

    def floor_of(i: int, j: int) -> float | None:  # a day against a day, a year against a year, of one happening
        (ua, ta, fa), (ub, tb, fb) = flat[i], flat[j]
        if ta.granularity != tb.granularity:
            return None
        if ta.granularity == "day" and _one_persons(story, ua, fa, ub, fb):
            return HAPPENING_SCORE  # one person's killing: the story's words for it are common, and enough
        return DATE_FRAME_SCORE if _one_happening(ua, fa, ub, fb, idf) else None

    # the days of what happened to one person are candidates however common the story's words for it are (a
    # person's years are another matter: a past holds many convictions, testimonies, arrests)
    persons = [{f"{w}|{p}" for w in words if w.startswith("@") for p in _person_words(story, u)}
               if t.granularity == "day" else set() for u, t, words in flat]
    out = clock_in_story(story, units, idf)
    for i, j in story_matches(story, flat, idf, floor_of, sharing_pairs(persons)):
        (ua, ta, fa), (ub, tb, fb) = flat[i], flat[j]
        if not _days_disagree(ta, tb):
            continue
        one_persons = ta.granularity == "day" and _one_persons(story, ua, fa, ub, fb)
        if not _comparable(story, ua, ub, ta, tb, one_persons) or _two_happenings(ua, ub) \
                or _planned_apart(story, ua, ta.start, ub, tb.start):
            continue
        out.append(_date_conflict(ua, ta, ub, tb))
    return out


def _days_disagree(ta: TimeExpression, tb: TimeExpression) -> bool:
    """Whether two dates can be two readings of one happening's day that disagree: not one day, nor one
    printed day read two ways, nor so far apart that they date two happenings, nor a weekday and a date
    more than a week apart."""
    return not (ta.date == tb.date or same_printed_day(ta, tb) or too_far_apart(ta.date, tb.date)
                or _beyond_the_week(ta.date, ta.text, tb.date, tb.text))


def _date_conflict(ua: Unit, ta: TimeExpression, ub: Unit, tb: TimeExpression) -> Conflict:
    return Conflict(ConflictKind.DATE, "date", {ua.article: (ta.date, ta.text, [(ta.start, ta.end)]),
                                                ub.article: (tb.date, tb.text, [(tb.start, tb.end)])},
                    {ua.article: ua.index, ub.article: ub.index})


# Times of day, matched as days are: "the blaze broke out about 8.40pm" / "broke out in the roof at
# 8.49pm". Within the slack of an approximate time they agree ("about 2045 GMT" / "20:49 GMT"); times
# in two zones are not compared (one may be the other's conversion).
CLOCK_SLACK = 5  # minutes an approximate time ("about", "just before") allows either way
ROUND_CLOCK_SLACK = 15  # ... one on the hour or the half hour ("about 4 p.m.", "shortly after 3 a.m."): said roundly
CLOCK_MINOR = 60  # minutes up to which two times of one happening are a judgement call (minor)
HAPPENING_SCORE = 2.0  # weight the shared words around two days or times must have besides names: what happened


def clock_in_story(story: StoryView, units: list[Unit], idf: dict[str, float]) -> list[Conflict]:
    """Two times of day of one happening in two voices whose words around agree, each the other's
    best match in its article, in one scope, on one day; a sentence that gives two times ("tied with
    14:05 left, then set the mark with 7:41 left") does not say which is which to a reader of another."""
    flat = []
    for u in units:
        clocks = clock_times(story.articles[u.article].text, u.start, u.end)
        if len(clocks) == 1:
            flat.append((u, clocks[0], frame(story, u, clocks[0].start, clocks[0].end)))

    def floor_of(i: int, j: int) -> float | None:
        (ua, ca, fa), (ub, cb, fb) = flat[i], flat[j]
        if clock_gap(ca, cb) is None:
            return None
        return DATE_FRAME_SCORE if _one_happening(ua, fa, ub, fb, idf) else None

    out = []
    for i, j in story_matches(story, flat, idf, floor_of):
        (ua, ca, _), (ub, cb, _) = flat[i], flat[j]
        gap = clock_gap(ca, cb) or 0
        if gap <= max(_slack(ca), _slack(cb)):
            continue
        if not same_scope(story, ua, ub) or not _one_day(story, ua, ub):
            continue
        out.append(_time_conflict(story, ua, ca, ub, cb, gap))
    return out


def _time_conflict(story: StoryView, ua: Unit, ca: ClockTime, ub: Unit, cb: ClockTime, gap: int) -> Conflict:
    """Two times of one happening, a judgement call (minor) where they are CLOCK_MINOR apart at most."""
    return Conflict(ConflictKind.DATE, "time", {ua.article: _clock_value(story, ua, ca),
                                                ub.article: _clock_value(story, ub, cb)},
                    {ua.article: ua.index, ub.article: ub.index}, minor=gap <= CLOCK_MINOR)


def _slack(clock: ClockTime) -> int:
    """The minutes either way a time allows: none where it is given exactly, CLOCK_SLACK where it is said
    approximately ("about 4:10 p.m."), ROUND_CLOCK_SLACK where it is also round ("about 4 p.m." holds 4:10)."""
    if not clock.approximate:
        return 0
    return ROUND_CLOCK_SLACK if clock.minutes % 30 == 0 else CLOCK_SLACK


def _one_happening(ua: Unit, fa: AbstractSet[str], ub: Unit, fb: AbstractSet[str], idf: dict[str, float]) -> bool:
    """Whether the words around two days or times say what happened alike, names apart: the shooting,
    the arrest, not the street or the people it names ("the 1974 resignation of Richard Nixon" and "the
    1972 scandal that toppled Richard Nixon" share only names)."""
    happening = fa & fb - _name_words(ua) - _name_words(ub)
    return sum(idf.get(w, 1.0) for w in happening) >= HAPPENING_SCORE


def _name_words(unit: Unit) -> set[str]:
    return {w for name in unit.entities for w in content_stems(name)}


def _one_day(story: StoryView, a: Unit, b: Unit) -> bool:
    """Whether two sentences' times of day can be of one day: the days both name meet, or one names
    none and the reports are of one day."""
    if a.days and b.days:
        return bool(set(a.days) & set(b.days))
    pa, pb = story.articles[a.article].published, story.articles[b.article].published
    return pa is not None and pb is not None and pa.date() == pb.date()


def _clock_value(story: StoryView, unit: Unit, clock: ClockTime) -> tuple[str, str, list[tuple[int, int]]]:
    """A time's value as JSON gives it (20:40, 20:45 GMT), or as printed where its half of the day is unsaid."""
    hours, minutes = divmod(clock.minutes, 60)
    value = f"{hours:02d}:{minutes:02d}{' ' + clock.zone if clock.zone else ''}"
    shown = story.articles[unit.article].text[clock.start:clock.end] if clock.half_day_unsaid else value
    return value, shown, [(clock.start, clock.end)]


def same_printed_day(ta: TimeExpression, tb: TimeExpression) -> bool:
    """Whether two days differ only in what neither printed (_one_printed_day): the outlets wrote the same day."""
    return ta.granularity == tb.granularity == "day" and _one_printed_day(ta.date, ta.text, tb.date, tb.text)


def _one_printed_day(da: str, printed_a: str, db: str, printed_b: str) -> bool:
    """Whether two ISO days differ at most in what neither printed text gives: a year ("2 December"
    read as past by one report and as to come by another), or the week of the same words ("Sunday" /
    "on Sunday", read into two weeks by the tenses of two clauses): the outlets wrote the same day."""
    if YEAR.search(printed_a) or YEAR.search(printed_b):
        return False
    return da[4:] == db[4:] or _printed_words(printed_a) == _printed_words(printed_b)


def _printed_words(printed: str) -> list[str]:
    return [w for w in re.findall(r"[a-z]+|\d+", printed.lower()) if w not in _FILLER]


_FILLER = {"on", "the", "at", "in", "of", "by", "early", "late", "this", "last", "morning", "afternoon", "evening", "night"}


def _one_persons(story: StoryView, a: Unit, fa: AbstractSet[str], b: Unit, fb: AbstractSet[str]) -> bool:
    """Whether two dates are of one thing that happened to one person: both sentences name the person and
    the words around both dates name one kind of happening (words.happenings: "killed" / "the fatal
    shooting of"). A person is killed, arrested or convicted once, wherever each outlet places it: "in
    the Athens district of Exarchia" and "riots across Greece" set no two scopes apart."""
    return bool(_person_words(story, a) & _person_words(story, b)) and any(w.startswith("@") for w in fa & fb)


def _person_words(story: StoryView, unit: Unit) -> set[str]:
    """The words of the people a sentence names (names_meet compares names by their words)."""
    return {w for name in unit.entities if story.entity_type.get(name) == "PERSON" for w in name.split()}


def _comparable(story: StoryView, a: Unit, b: Unit, ta: TimeExpression, tb: TimeExpression,
                one_persons: bool = False) -> bool:
    """Whether two dates can be of one happening: their sentences share a name and no scope sets them
    apart (with one_persons, no two people or bodies: the places a person's killing is told with are
    where it happened and where it echoed), and both name the day ("this morning" may be another
    happening's morning)."""
    if not places_meet(story, a.entities, b.entities):
        return False
    if not (same_scope(story, a, b, PEOPLE_AND_BODIES) if one_persons else same_scope(story, a, b)) or two_stages(a, b):
        return False  # ... or two steps of one case ("was charged in 1957" / "was acquitted in 1958")
    return not (DEICTIC.search(ta.text) or DEICTIC.search(tb.text))


def happening_dates(found: StoryFindings) -> list[Conflict]:
    """The day, or the time of day, of the story's own happening as the leads of two reports of one day
    give it (compare/story_happening.py), whatever their other words: "A fire that broke out on
    Wednesday evening" / "went up in flames late on Tuesday night"; "the thieves entered at around 1.50
    a.m." / "Masked thieves broke into a museum shortly after 3 a.m.". A day is the happening's where
    the words around it name the story's kind of happening; a time of day, the first a lead gives
    outside quotation marks and after no verb of saying, where they name it too or share a word that
    is no name. Reports more than a day apart are not compared (a second happening of the kind may
    have come)."""
    story = found.story
    kind = story_happening(story, found.units)
    days: dict[int, tuple[Unit, TimeExpression]] = {}
    clocks: dict[int, tuple[Unit, ClockTime, bool, frozenset[str]]] = {}

    def clock_of(u: Unit, c: ClockTime, told: bool) -> tuple[Unit, ClockTime, bool, frozenset[str]]:
        """A report's time of the happening, whether its words name the kind, and its other words around."""
        return u, c, told, near_words(story, u, c.start, c.end) - _name_words(u) - _TIME_WORDS

    twice: set[int] = set()  # reports whose lead tells two happenings of the kind: none of their times says which
    for article, lead in lead_units(found.units).items():
        if kind and tells_another(story, lead, kind):
            twice.add(article)
            continue
        for u in lead:
            if PROGRESS.search(u.text):
                continue  # "The fire has burned 4,800 hectares …, where flames jumped a firebreak on Wednesday": how it went on
            for t, _ in _dated(story, u):
                if kind and t.granularity == "day" and tells_happening(story, u, kind, t.start, t.end):
                    days.setdefault(u.article, (u, t))
            if u.article not in clocks:
                for c in _lead_clock(story, u):
                    told = bool(kind) and tells_happening(story, u, str(kind), c.start, c.end)
                    clocks[u.article] = clock_of(u, c, told)
    if kind:  # past the lead, a sentence that opens with the happening tells its time: "The slide struck at about 4:40 a.m."
        for u in found.units:
            if u.article not in clocks and u.article not in twice and opens_with(story, u, kind) \
                    and not PROGRESS.search(u.text):
                for c in _lead_clock(story, u):
                    if tells_happening(story, u, kind, c.start, c.end):
                        clocks[u.article] = clock_of(u, c, True)
    out = []
    for (ua, ta), (ub, tb) in combinations(days.values(), 2):
        stamped = DEICTIC.search(ta.text) or DEICTIC.search(tb.text)  # "last night": read from a report's stamp
        if not stamped and not _reports_apart(story, ua, ub) and _days_disagree(ta, tb):
            out.append(_date_conflict(ua, ta, ub, tb))
    for (ua, ca, told_a, fa), (ub, cb, told_b, fb) in combinations(clocks.values(), 2):
        gap = clock_gap(ca, cb)
        # within what a rough time allows, or a few minutes apart, which may part two moments of it ("the 3:30
        # a.m. fire" / "reported at 3:33 a.m.")
        if gap is None or gap <= max(CLOCK_SLACK, _slack(ca), _slack(cb)) or _reports_apart(story, ua, ub) \
                or not _one_day(story, ua, ub) or not (told_a and told_b or fa & fb):
            continue
        out.append(_time_conflict(story, ua, ca, ub, cb, gap))
    return out


_TIME_WORDS = frozenset(content_stems("local time around about short just before after early late hours " +
                                      " ".join(DAY_WORDS) + " " + " ".join(WEEKDAYS)))


def _lead_clock(story: StoryView, unit: Unit) -> list[ClockTime]:
    """The first time of day a lead's unit gives, outside quotation marks and not right after a verb of
    saying ("said at 10 a.m.": when it was said); none where the unit gives two."""
    article = story.articles[unit.article]
    given = clock_times(article.text, unit.start, unit.end)
    if len(given) != 1 or any(a <= given[0].start < b for a, b in quoted_spans(article.analysis)):
        return []
    if _said_then(article.text, unit, given[0].start):
        return []
    return given


def _reports_apart(story: StoryView, a: Unit, b: Unit) -> bool:
    """Whether two units are of one voice, or of reports not known to be of one day or the next."""
    if story.voice[a.article] == story.voice[b.article]:
        return True
    pa, pb = story.articles[a.article].published, story.articles[b.article].published
    return pa is None or pb is None or abs((pa.date() - pb.date()).days) > STAMP_SLACK


def dates_in_story(found: StoryFindings) -> list[Conflict]:
    """date_in_story, the days and times of the story's own happening (happening_dates), and an
    expected end of a work that became an actual end (compare/expected_ends.py)."""
    return date_in_story(found) + happening_dates(found) + expected_ends(found)


DETECTOR = Detector(ConflictKind.DATE, in_pair=date_in_pair, across_languages=date_across_languages,
                    in_story=dates_in_story, by_sentence=True)
