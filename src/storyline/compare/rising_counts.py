"""Counts that rise between reports of different days (or of one day, in their order): one update, a dated progression ("at least 3
dead" on the first day, "killed 10" the next), not a dispute.

Real reports of one story state a toll in sentences that share few words and often no name ("the quake
on the outskirts of Dargahan injured two people" / "an earthquake hit an island off Iran, injuring five
people"), so sentence alignment and the story-wide match by the words around a figure
(conflicts/number.py) miss them. Here a figure is read as a report's count of a thing that grows as news
comes in (GROWING: the dead, injured, missing, arrested, evacuated, aftershocks) or of how long an
ongoing happening has lasted ("four days of riots", "the sixth straight day" of protests); "the sixth
aftershock" says six have struck. So is a running total that its clause names (running_total): an
election's turnout ("turnout reached 93.87 percent"), a sum taken in ("has grossed $368 million") and
the share of a service restored so far ("bringing us up to 83% of our required capacity"; "running at
full capacity again" and "fully restored" read as 100 percent). A report's count is the highest value it
gives (a count so far only grows: a lower figure beside it is one it rose from). Reports are read in
their order (report_order.py): by day, within a day by time of day where the feed gives one and by the
figure's own words ("as of 4 p.m." before "turnout reached", "at least four aftershocks" before "the
sixth aftershock ... as the toll rose"), and the days of an ongoing happening by their count (of one
day's reports, "five days of riots" was written after "four days of riots"). A moment's count is what
most of its reports give (_day_count); the moments whose count is higher than every earlier one's are
the steps of one update, each step with every report of that moment whose figure agrees with it ("more
than $363 million" and "$368 million"; "almost 90%" and "some 88.41 percent"), and with the reports of
later days that all still agree with it (4 aftershocks on Monday, still 4 on Tuesday, 7 on Wednesday).

When in doubt there is none: a figure whose line names a day more than conflict.BEFORE_THE_STORY
before the first report (the toll of an earlier quake; a headline or a dateline that runs into the
sentence dates the report, not its figure), a count that falls, a step more than UPDATE_RATIO times the
one before (a count of another happening), a span of days whose words around, names aside, share
nothing with the other's (a week of strikes, five days of sailing races), and a voice that would
give two steps. Reports of one day that disagree and that nothing orders are no step of each other:
that is a dispute, for number.py to weigh.

A sum one sentence says was raised ("have upgraded their initial offer, $160 million, to somewhere
between $178 million and $184 million") is read apart (raised_sums): the sums after "to" are its later
value, and the reports of earlier days that give the sum it was raised from, in a sentence that names
a body or person the raise names too, are the step before.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date

from storyline.analyze.numbers import Number, compatible, group_of, normalized_number
from storyline.compare.conflicts.conflict import Conflict, StoryFindings, before_the_story, clause_of, frame
from storyline.compare.report_order import Moment, later_in_the_day, report_moments
from storyline.compare.units import StoryView, Unit
from storyline.lang.en_numbers import CURRENCY_KINDS, FULLY_BACK, RESTORED, TAKINGS, TAKINGS_PERIOD, TURNOUT
from storyline.lang.en_stages import RAISED, TO
from storyline.model import ConflictKind
from storyline.words import content_stems

# counts that grow as news comes in, as the kind (or an ordinal's noun) analyze.numbers gives them
GROWING = frozenset({"killed", "injured", "missing", "arrested", "evacuated", "rescued", "displaced",
                     "aftershock"})
DURATION = "day"  # how long an ongoing happening has lasted: "four days of riots", "the sixth straight day"
UPDATE_RATIO = 5.0  # a step further from the one before than this counts another thing
# what a count may fall to later, as a thing's state at a moment: a share (of traffic out of service),
# a sum (a price, an offer), the missing (found) and the evacuated (gone home). Any other count (a toll, the
# injured, the arrested, a parent's children, aftershocks, the days of a happening so far) only grows or
# stands: two reports days apart whose later one gives less disagree, or count two things; nothing fell.
CAN_FALL = frozenset({"percent", "missing", "evacuated", "displaced"}) | CURRENCY_KINDS


def can_fall(kind: str) -> bool:
    """Whether a count of this kind (as a conflict's or an update's key names it: "killed", "injured:protest",
    "percent") can be lower in a later report because the thing itself fell."""
    return kind.split(":")[0] in CAN_FALL


@dataclass(frozen=True)
class _Reading:
    """One report's value of one count, with the sentence, the words around the figure besides names,
    and when it was read: its report's day and time of day, then the figure's own words
    (report_order.later_in_the_day; for the days of an ongoing happening, the count itself)."""

    unit: Unit
    number: Number
    words: frozenset[str]
    when: Moment
    spans: tuple[tuple[int, int], ...] = ()  # every figure of its report that gives its value (its evidence)


def _counted(story: StoryView, unit: Unit, n: Number) -> str | None:
    """What a figure counts, where it is a count that grows over days: a kind of GROWING, the days of
    an ongoing happening, the noun of an ordinal of either ("the sixth aftershock"), or a running total.
    A count of what happened to a group it names is that group's ("40 protesters were injured" is no step
    of "25 officers were injured"; "people" names none)."""
    kind = n.kind or ""
    thing = kind.removeprefix("ordinal:")
    if thing in ("days", "day"):
        return DURATION
    if n.noun == FULLY_BACK_NOUN:
        return RESTORED_SHARE
    if thing in GROWING and (group := group_of(n)) is not None:
        return f"{thing}:{group}"
    return thing if thing in GROWING else running_total(story, unit, n)


RESTORED_SHARE = "restored"  # the share of a service brought back so far (a running total that grows)
FULLY_BACK_NOUN = "all of it"  # the noun of the 100 percent that "running at full capacity again" says


def fully_back(story: StoryView, unit: Unit) -> list[Number]:
    """The words of a sentence that say a service is all back (lang.en_numbers.FULLY_BACK: "running at full capacity
    again", "fully restored"), each read as a restored share of 100 percent."""
    text = story.articles[unit.article].text
    return [Number(100.0, m.start(), m.end(), m.group(), None, "percent", FULLY_BACK_NOUN)
            for m in FULLY_BACK.finditer(text, unit.start, unit.end)]


def running_total(story: StoryView, unit: Unit, n: Number) -> str | None:
    """Which total so far a share or a sum is, as its clause says: an election's turnout (TURNOUT:
    "turnout reached 93.87 percent", "88 percent of eligible voters"), a share restored (RESTORED: "99% of
    their traffic has been restored") or a sum taken in (TAKINGS: "has grossed $368 million"); None for any
    other figure."""
    if n.kind == "turnout:percent":  # named so by its own words (analyze/figure_readings.measured)
        return "turnout"
    if n.kind != "percent" and n.kind not in CURRENCY_KINDS:
        return None
    lo, hi = clause_of(story, unit, n.start, n.end)
    text = story.articles[unit.article].text[lo:hi]
    if n.kind == "percent":
        return "turnout" if TURNOUT.search(text) else RESTORED_SHARE if RESTORED.search(text) else None
    return f"takings:{n.kind}" if TAKINGS.search(text) and not TAKINGS_PERIOD.search(text) else None


def rising_counts(found: StoryFindings) -> list[Conflict]:
    """One update per growing count whose later reports give higher values: reports of later days, or
    of one day where their times of day or their own words order them (report_order.py)."""
    story = found.story
    moment_of = report_moments(story)
    if not moment_of:
        return []
    earliest = date.fromisoformat(min(day for day, _ in moment_of.values()))
    readings: dict[tuple[int, str], list[_Reading]] = defaultdict(list)  # (article, count) -> its figures
    given: dict[tuple[str, tuple[str, str]], list[Number]] = defaultdict(list)  # (count, moment) -> every figure its reports give
    for unit in found.units:
        if unit.article not in moment_of:
            continue
        for n in (*unit.numbers, *fully_back(story, unit)):
            thing = _counted(story, unit, n)
            # a count is whole; a share of voters need not be
            if thing is not None and n.value >= 1 and (n.value == int(n.value) or thing == "turnout"):
                given[(thing, moment_of[unit.article])].append(n)
                if before_the_story(unit, earliest, story, n.start):
                    continue
                names = set(content_stems(" ".join(unit.entities)))
                # days an ongoing happening has lasted only grow: of one day's reports, the one that counts
                # more was written later ("four days of riots", "for the sixth straight day")
                within = int(n.value) if thing == DURATION else later_in_the_day(unit.text)
                readings[(unit.article, thing)].append(
                    _Reading(unit, n, frozenset(frame(story, unit, n.start, n.end) - names),
                             (*moment_of[unit.article], within)))
    told: dict[str, dict[int, _Reading]] = defaultdict(dict)  # count -> article -> its count
    for (pos, thing), figures in readings.items():
        best = max(figures, key=lambda r: r.number.value)  # the first of its highest value
        told[thing][pos] = replace(best, spans=tuple(sorted({(r.number.start, r.number.end) for r in figures
                                                             if r.number.value == best.number.value})))
    return [c for thing, reports in sorted(told.items())
            if (c := _progression(story, thing, reports, given)) is not None]


def _progression(story: StoryView, thing: str, reports: dict[int, _Reading],
                 given: dict[tuple[str, tuple[str, str]], list[Number]]) -> Conflict | None:
    """The update of one count, if later reports give higher values. given: every figure of the count
    each moment's reports give, in any sentence."""
    steps: list[tuple[Number, dict[int, _Reading]]] = []  # each step's count and its reports
    for when in sorted({r.when for r in reports.values()}):
        today = {pos: r for pos, r in reports.items() if r.when == when}
        count = _day_count(today)
        step = {pos: r for pos, r in today.items() if compatible(r.number, count)}
        if steps and count.value == steps[-1][0].value:
            if all(compatible(n, count) for n in given[(thing, (when[0], when[1]))]):
                steps[-1][1].update(step)  # later reports of the count as it stood, where none gives it otherwise
            continue
        if steps and count.value < steps[-1][0].value:
            continue
        if steps and not _one_count(thing, steps[-1], (count, step)):
            continue
        steps.append((count, step))
    voices = [{story.voice[pos] for pos in step} for _, step in steps]
    if len(steps) < 2 or any(a & b for x, a in enumerate(voices) for b in voices[x + 1:]):
        return None
    # a running total is keyed by its figures' kind, as number.py keys a pair of them, so the two merge
    key = thing if thing in GROWING or thing == DURATION else (steps[0][0].kind or thing)
    return Conflict(ConflictKind.NUMBER, f"number:{key}",
                    {pos: (normalized_number(r.number), r.number.surface, list(r.spans) or [(r.number.start, r.number.end)])
                     for _, step in steps for pos, r in step.items()},
                    {pos: r.unit.index for _, step in steps for pos, r in step.items()}, update=True,
                    order={pos: n for n, (_, step) in enumerate(steps) for pos in step})


def _day_count(today: dict[int, _Reading]) -> Number:
    """A day's count: the figure most of the day's reports give as it stands, then the one most of them
    can agree with ("more than $363 million" twice and "$368 million": 363 million, which all three
    allow; "almost 90%", "90 per cent" and "some 88.41 percent": 90), then a figure over a lower bound
    it lies in ("at least four aftershocks" and "the sixth aftershock": six), then the lowest. (Agreement
    alone would crown a low bound: "at least three" allows every toll of the day.)"""
    figures = [r.number for r in today.values()]
    return min(figures, key=lambda c: (-sum(n.value == c.value for n in figures),
                                       -sum(compatible(c, n) for n in figures), c.qualifier == "min", c.value))


def _one_count(thing: str, before: tuple[Number, dict[int, _Reading]], after: tuple[Number, dict[int, _Reading]]) -> bool:
    """Whether two steps can be readings of one count: at most UPDATE_RATIO apart, and, for days of a
    happening, words around the figures besides names that name it in both ("four days of riots",
    "after eight days of the worst riots")."""
    if after[0].value > UPDATE_RATIO * before[0].value:
        return False
    if thing != DURATION:
        return True
    return any(a.words & b.words for a in before[1].values() for b in after[1].values())


def raised_sums(found: StoryFindings) -> list[Conflict]:
    """One update per sum a report says was raised (lang.en_stages.RAISED) whose earlier value reports of
    earlier days give: those reports first, then the raise. The sum raised from is the one sum the sentence
    gives after the verb and before the "to" that follows it, the sums after that "to" what it was raised
    to (none given: no update), the earlier reports' sentences must name a body the raise
    names (the club that offers, not the player it offers to: the Nationals' offer, not the Red Sox's), or,
    where it names none, a person or place it names, and give the sum as it does ("in excess of" is another), and the raise must go up."""
    story = found.story
    moment_of = report_moments(story)
    out = []
    for unit in found.units:
        if unit.article not in moment_of:
            continue
        text = story.articles[unit.article].text
        for m in RAISED.finditer(text, unit.start, unit.end):
            sums = [n for n in unit.numbers if n.kind in CURRENCY_KINDS and n.start > m.end()]
            # the sum raised from, then "to" and the sums raised to ("offer to the player, $90 million, to $104 million")
            to = next((t for t in TO.finditer(text, sums[0].end, unit.end)), None) if sums else None
            before = [n for n in sums if to is not None and n.end <= to.start()]
            after = [n for n in sums if to is not None and n.start >= to.end() and n.kind == sums[0].kind]
            named = [(name, story.entity_type.get(name)) for _, _, name in story.entities_in(unit.article, unit.start,
                                                                                              unit.end)]
            # whose sum it is: the bodies the raise names (the club that offers, not the player offered), else anyone
            names = {name for name, kind in named if kind == "ORG"} or \
                {name for name, kind in named if kind in ("PERSON", "GPE")}
            if len(before) != 1 or not after or not names or max(n.value for n in after) <= before[0].value:
                continue
            was, now = before[0], after
            day = moment_of[unit.article][0]
            earlier = {}
            for other in found.units:
                if other.article in earlier or other.article not in moment_of or moment_of[other.article][0] >= day \
                        or story.voice[other.article] == story.voice[unit.article]:
                    continue
                if not names & {name for _, _, name in story.entities_in(other.article, other.start, other.end)}:
                    continue
                same = next((n for n in other.numbers
                             if n.kind == was.kind and n.value == was.value and n.qualifier == was.qualifier), None)
                if same is not None:
                    earlier[other.article] = (other, same)
            if not earlier:
                continue
            shown = text[now[0].start:now[-1].end]
            values = {pos: (normalized_number(n), n.surface, [(n.start, n.end)]) for pos, (_, n) in earlier.items()}
            values[unit.article] = (normalized_number(now[-1]), shown, [(now[0].start, now[-1].end)])
            units = {pos: u.index for pos, (u, _) in earlier.items()} | {unit.article: unit.index}
            out.append(Conflict(ConflictKind.NUMBER, f"number:{was.kind}", values, units, update=True,
                                order={pos: int(pos == unit.article) for pos in values}))
            break
    return out
