"""Number conflicts: two voices give two values of one counted thing (12 or 15 injured; zwölf
ships against 14). When in doubt there is none: a running count ("has burned", "by dawn") read on
two days, the days an ongoing happening has lasted so far ("five days of rioting") in reports that tie
them to no one day, a kind of figure an article gives twice with nothing to tell which is which."""

from __future__ import annotations

import re
from datetime import date

from storyline.analyze.figure_readings import NAMED_LENGTHS
from storyline.analyze.numbers import (
    MEASURES,
    Number,
    clashing_numbers,
    close_call,
    compatible,
    normalized_number,
    numbers_in_language,
    phone_numbers,
    two_things,
)
from storyline.compare.ages import age_conflicts
from storyline.compare.conflicts.conflict import (
    PERSONAL,
    PLACES,
    RATIO,
    Conflict,
    Detector,
    Quantities,
    SentencePair,
    StoryFindings,
    clause_of,
    dates_near,
    far_apart,
    frame,
    names_meet,
    person_before,
    places_meet,
    quotation_around,
    said_of,
    same_scope,
    scope_of,
    sole_pairs,
    story_matches,
)
from storyline.compare.records import record_conflicts
from storyline.compare.report_order import report_moments
from storyline.compare.rising_counts import raised_sums, rising_counts, running_total
from storyline.compare.units import StoryView, Unit, language_of
from storyline.lang.en import LOWERED, ONGOING_SPAN, PROGRESS, REMAINING, SUPERSEDED, UPDATED
from storyline.lang.en_numbers import (
    AVERAGED,
    CONDITION,
    CUMULATIVE,
    DEMANDED,
    FORECAST,
    GENERIC_KINDS,
    QUALIFIERS,
    REPORTED_WILL,
    REQUIRED,
    SMALL_COUNT,
    UNITS,
    small_count,
)
from storyline.memo import memo
from storyline.model import ConflictKind
from storyline.text import paragraph_around
from storyline.words import content_stems


def _progress_near(story: StoryView, unit: Unit, number: Number, words: int = 6) -> bool:
    """Whether the words around a number say it is a count so far ("has burned", "by dawn", "so far"):
    its clause up to it ("The fire has burned 4,800 hectares and destroyed 21 homes"), a few words after."""
    text = story.articles[unit.article].text
    clause = re.split(r"[,;:](?=\s)", text[unit.start:number.start])[-1]
    before = clause + " " + " ".join(text[unit.start:number.start].split()[-words:])
    after = " ".join(text[number.end:unit.end].split()[:words])
    return bool(PROGRESS.search(f"{before} {number.surface} {after}"))


SPANS_OF_DAYS = frozenset({"days", "nights", "weeks"})


def lasted_so_far(story: StoryView, unit: Unit, number: Number) -> bool:
    """Whether a figure counts how long an ongoing happening has lasted so far ("five days of rioting",
    "after eight days of the worst riots", "four nights in a row"): a running count that each day it
    goes on adds to, so two reports give two values as they were written on two days, or at two hours
    of one. (An ordinal, "on the eighth day of protests", names the day one dated happening fell on.)"""
    text = story.articles[unit.article].text
    return number.kind in SPANS_OF_DAYS and bool(ONGOING_SPAN.match(text, number.end, unit.end))


def _running_days(story: StoryView, a: Unit, b: Unit, n: Number, m: Number) -> bool:
    """Whether two figures are running counts of days of a happening (lasted_so_far) in sentences that
    tie neither to one same day: no dispute between two reports, whose day need not be one."""
    return (lasted_so_far(story, a, n) or lasted_so_far(story, b, m)) and not a.dates & b.dates


def _nth_day_as_dated(story: StoryView, a: Unit, b: Unit, n: Number, m: Number) -> bool:
    """Whether two ordinals of the days of a happening ("the third day of a strike", "now in its fifth day") are
    one count read on two days: as many days apart as the days the two sentences are of (the one day each names,
    else its report's)."""
    if n.kind != m.kind or n.kind not in ("ordinal:day", "ordinal:night"):
        return False
    days = [_day_of(story, unit) for unit in (a, b)]
    if days[0] is None or days[1] is None:
        return False
    return (days[1] - days[0]).days == m.value - n.value


def _day_of(story: StoryView, unit: Unit) -> date | None:
    """The one day a sentence names, else the day its report was published."""
    named = [d for d in unit.days if len(d) == 10]
    if len(named) == 1:
        return date.fromisoformat(named[0])
    published = story.articles[unit.article].published
    return published.date() if published is not None and not named else None


def number_in_pair(pair: SentencePair) -> list[Conflict]:
    """Two figures of the same counted thing that cannot both be true, in two sentences of two voices."""
    story, a, b, aligned, quantities = pair.story, pair.a, pair.b, pair.aligned, pair.quantities
    out: list[Conflict] = []
    if not aligned and not (a.numbers and b.numbers):
        return out
    numbers = [(n, m) for n, m in clashing_numbers(a.numbers, b.numbers)
               if _comparable_modes(_mode(story, a, n), _mode(story, b, m))]
    shared = (set(a.stems) | set(pair.context)) & set(b.stems)
    for n, m in numbers:
        if _nth_day_as_dated(story, a, b, n, m):
            continue  # "on Wednesday, the third day of a strike" / "now in its fifth day" on Friday: one count
        later = is_update(story, a, b, n, m)
        if not later and (not _disagree(n, m, False) or _of_two_things(a, b, n, m) or _running_days(story, a, b, n, m)):
            continue  # so far apart that they count two things (an earlier raid's haul), or one said roughly;
            # a count that grew between two days' reports may grow more (5 percent contained, then 70)
        if later and not _measure(n.kind) and far_apart(n.value, m.value, UPDATE_RATIO):
            continue  # ... but a count does not grow twentyfold: two killed in one landslide, 40 in the spring's floods
        if later and _fell_far(story, a, n, b, m):
            continue
        running = _progress_near(story, a, n) or _progress_near(story, b, m)
        if running and not later and (UPDATED.search(a.text) or UPDATED.search(b.text)):
            continue  # a count revised within the day ("has risen to"): no dispute, and no dated progression
        if _of_two_bearers(quantities, a, n, b, m):
            continue  # said of two places, people or bodies ("80 percent in Egypt" / "65 percent in India")
        if not later and n.kind not in ONE_A_HAPPENING and quantities.given_together(n.kind, n.value, m.value):
            continue  # a report that gives both tells them apart (and where it is later, they are an update)
        if not later and _one_a_total(a, b):
            continue
        if quantities.either_ambiguous((a, n), (b, m)) \
                and not (_measure(n.kind) and quantities.told_apart((a, n), (b, m))):
            continue  # a kind of figure a report gives twice, unless a measure said of one place in both
        if not same_scope(story, a, b) or not _same_people(story, a, b) or not said_alike(story, a, n, b, m):
            continue
        measure = n.kind in MEASURES or (n.kind or "").startswith("size:")
        if (measure or not aligned) and len(shared - {n.noun, m.noun}) < (1 if aligned else 2):
            continue  # a measure (percent, hours, a sum) says little of what it measures: the sentences must share more
        out.append(_found(a, n, b, m, later))
    return out


def _found(a: Unit, n: Number, b: Unit, m: Number, later: bool) -> Conflict:
    """The finding of two figures of one thing: an update where reports of two days give them, or where
    one figure's sentence says it no longer holds (SUPERSEDED: "82 percent was out of service early
    Friday, although that situation has now improved"), which makes it the earlier reading and the other
    report's figure the later one, whatever the reports' days; else a dispute."""
    gone = [u.article for u in (a, b) if SUPERSEDED.search(u.text)]
    superseded = not later and len(gone) == 1 and a.article != b.article
    kind = n.kind or m.kind or "count"
    return Conflict(ConflictKind.NUMBER, f"number:{kind}", {
        a.article: (normalized_number(n), n.surface, [(n.start, n.end)]),
        b.article: (normalized_number(m), m.surface, [(m.start, m.end)])}, {a.article: a.index, b.article: b.index},
        update=later or superseded, minor=close_call(n, m),
        order={pos: int(pos not in gone) for pos in (a.article, b.article)} if superseded else {})


def phone_in_pair(pair: SentencePair) -> list[Conflict]:
    """One telephone number printed two ways in two sentences that state one fact: the same groups but
    the last ("0845 125 222" / "0845 125 2222"). A misprint, but a reader who calls needs to know (minor)."""
    if not pair.aligned:
        return []
    story, a, b = pair.story, pair.a, pair.b
    text_a, text_b = story.articles[a.article].text, story.articles[b.article].text
    for sa, ea, x in phone_numbers(text_a, a.start, a.end):
        for sb, eb, y in phone_numbers(text_b, b.start, b.end):
            if len(x) == len(y) >= 3 and x[:-1] == y[:-1] and x[-1] != y[-1]:
                return [Conflict(ConflictKind.NUMBER, "number:phone number", {
                    a.article: ("".join(x), text_a[sa:ea], [(sa, ea)]),
                    b.article: ("".join(y), text_b[sb:eb], [(sb, eb)])}, {a.article: a.index, b.article: b.index},
                    minor=True)]
    return []


# how long after (or before) another happening one happened: "a week after suffering a heart attack"
_INTERVAL = re.compile(r"(?<!\w)(?<!ty-)(?P<n>an?|" + SMALL_COUNT + r")\s+"
                       r"(?P<unit>day|week|month|year)s?\s+(?P<side>after|later|before|earlier)\b", re.IGNORECASE)
_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}


def _intervals(story: StoryView, unit: Unit) -> tuple[tuple[int, str, str, tuple[int, int]], ...]:
    """The spans of time a sentence counts from another happening, unqualified ("nine days after", not
    "about a week after"): days, the unit, whether after or before, and the span."""
    return _intervals_in(story.articles[unit.article].text, unit.start, unit.end)


# a grown story's aligned sentences are read again at every brief; keyed by the article's text (the
# string the article holds, hashed once), so at most 4,096 texts are kept alive, as compare.units' caches keep 1,024
@memo(4096)
def _intervals_in(text: str, start: int, end: int) -> tuple[tuple[int, str, str, tuple[int, int]], ...]:
    out = []
    for m in _INTERVAL.finditer(text, start, end):
        if re.search(r"\b(?:about|around|almost|nearly|roughly|some|over|than|least|most|within|under)\s*$",
                     text[max(start, m.start() - 12):m.start()], re.IGNORECASE):
            continue
        count = small_count(m.group("n"))
        side = "after" if m.group("side").lower() in ("after", "later") else "before"
        out.append((count * _DAYS[m.group("unit").lower()], m.group("unit").lower(), side, (m.start(), m.end())))
    return tuple(out)


def interval_in_pair(pair: SentencePair) -> list[Conflict]:
    """Two sentences that state one fact and each count one span of time from another happening, on the
    same side of it, differently ("a week after suffering a heart attack" / "nine days after suffering a
    heart attack"). In two units one is likely said roughly (a week for nine days): minor."""
    if not pair.aligned:
        return []
    story, a, b = pair.story, pair.a, pair.b
    first, second = _intervals(story, a), _intervals(story, b)
    if len(first) != 1 or len(second) != 1:
        return []
    (x, unit_x, side_x, span_x), (y, unit_y, side_y, span_y) = first[0], second[0]
    if x == y or side_x != side_y or far_apart(x, y):
        return []
    values = {u.article: (f"{days} days", story.articles[u.article].text[s:e], [(s, e)])
              for u, days, (s, e) in ((a, x, span_x), (b, y, span_y))}
    return [Conflict(ConflictKind.NUMBER, "number:interval", values, {a.article: a.index, b.article: b.index},
                     minor=unit_x != unit_y)]


def figures_in_pair(pair: SentencePair) -> list[Conflict]:
    """number_in_pair, a telephone number printed two ways (phone_in_pair) and a span of time counted
    from another happening (interval_in_pair)."""
    return number_in_pair(pair) + phone_in_pair(pair) + interval_in_pair(pair)


def is_update(story: StoryView, a: Unit, b: Unit, n: Number, m: Number) -> bool:
    """Whether two figures of one thing in reports of different days are an update (9 dead, then 11
    the next morning) rather than a dispute: a count that grows as news comes in (the dead, injured,
    arrested, evacuated) or tallied (votes), or one its words call a count so far ("has burned", "by dawn"). A figure
    that does not change from day to day (a union's members, a magnitude) stays a dispute, and so
    does one of a past happening both date alike (the toll of the quake of December 2003). A running
    total (rising_counts.running_total: a turnout, takings) is a count so far."""
    pa, pb = story.articles[a.article].published, story.articles[b.article].published
    moments = report_moments(story)
    if pa is None or pb is None or moments[a.article] == moments[b.article]:
        return False  # reports of one day, not told apart by their times of day (report_order.py)
    earliest = min(pa, pb).date().isoformat()
    if any(d < earliest[:len(d)] for d in a.dates & b.dates):
        return False
    if _fell_unsaid(story, a, n, b, m):
        return False
    return (n.kind in RUNNING_KINDS or n.kind in TALLIED_KINDS or _progress_near(story, a, n) or _progress_near(story, b, m)
            or running_total(story, a, n) is not None or running_total(story, b, m) is not None)


def _fell_unsaid(story: StoryView, a: Unit, n: Number, b: Unit, m: Number) -> bool:
    """Whether the later of two reports of two days gives a count lower than the earlier's and neither
    sentence says it was brought down (LOWERED: "revised down to", "fell to"): a count so far (the arrested,
    the comments received) only grows as news comes in, so a later lower figure is another count of the
    same thing, a dispute (99 seized in Tuesday's sweep; "89 people were arrested" in the next day's
    report). A measure (a share, a sum) may fall as well as rise, so may the missing (FALLING_KINDS), and so
    does what is still missing of a goal (REMAINING: "71 delegates short of", then "needs 67"): both are left to the other rules."""
    order = _by_day(story, a, n, b, m)
    if order is None or _measure(n.kind) or n.kind in FALLING_KINDS or compatible(n, m):
        return False
    earlier, later = order
    return later.value < earlier.value and not any(words.search(u.text) for words in (LOWERED, REMAINING) for u in (a, b))


def _fell_far(story: StoryView, a: Unit, n: Number, b: Unit, m: Number) -> bool:
    """Whether the later of two figures of reports of two days is less than the earlier over RATIO: a
    count so far is revised, not cut to a fraction ("has released 30 years of tax returns", then "in the
    Senate for eight years": two spans of time, not a later reading of one)."""
    order = _by_day(story, a, n, b, m)
    return order is not None and order[1].value * RATIO < order[0].value


def _by_day(story: StoryView, a: Unit, n: Number, b: Unit, m: Number) -> tuple[Number, Number] | None:
    """The figures of two reports (n in a's, m in b's), the earlier report's first; None where either
    report is undated or both were published at one time."""
    pa, pb = story.articles[a.article].published, story.articles[b.article].published
    if pa is None or pb is None or pa == pb:
        return None
    return (n, m) if pa < pb else (m, n)


def number_across_languages(story: StoryView, a: Unit, b: Unit) -> list[Conflict]:
    """Two counts of one thing in two sentences in two languages that state one fact (zwölf ships
    against 14). The English rules that say what a figure counts do not carry across languages, so
    the conditions are stricter instead: each sentence gives exactly one count, a whole number that
    is no measure, and the two are of one magnitude (at most half again the other)."""
    figures = []
    for u in (a, b):
        article = story.articles[u.article]
        skip = [(t.start, t.end) for t in article.analysis.times if t.start < u.end and u.start < t.end]
        figures.append(numbers_in_language(article.text, u.start, u.end, language_of(article), skip))
    (left, right) = figures
    if len(left) == 1 and len(right) == 1:
        n, m = left[0], right[0]
        counts = all(x.value == int(x.value) and x.value >= 2 and (x.kind is None or (
            x.kind not in MEASURES and not x.kind.startswith("size:"))) for x in (n, m))
        if counts and not compatible(n, m) and max(n.value, m.value) <= 1.5 * min(n.value, m.value):
            return [Conflict(ConflictKind.NUMBER, f"number:{n.kind or m.kind or 'count'}", {
                a.article: (normalized_number(n), n.surface, [(n.start, n.end)]),
                b.article: (normalized_number(m), m.surface, [(m.start, m.end)])}, {a.article: a.index, b.article: b.index})]
    return []




# Story-wide: figures of one thing stated in sentences that say it differently. Aligning sentences
# finds few of them in real reports ("killing at least seven people" / "That temblor killed at least
# six people"), so every figure is compared with every figure of its kind in the other voices, by the
# words around it (conflict.frame, weighted by how rare they are in the story).
MEASURE_FRAME_SCORE = 5.0  # ... of two measures, sums, shares or "people", which say less of what they are of
FRAME_SCORE = 2.5  # shared weight (story IDF) of the words around two counts of one named kind
PLACE_FRAME_SCORE = 1.0  # ... of two measures told apart by the one place both are said of (Quantities.told_apart:
# "60 per cent in India" / "65 % of traffic to India is down", each report's other shares of other places): the
# place says what is measured, as a count's noun does, and a word in common (the place's, in practice) is enough
TOLL_FRAME_SCORE = 0.0  # ... of the dead (injured, arrested, evacuated) where each report gives one such count: the
# story's one toll, compared in any words ("The quake killed 25" / "31 had died"); other counts so given need
# FRAME_SCORE still: a report's one count of games, touchdowns or villages may be of a season, a player, a part
UPDATE_RATIO = 5.0  # ... in reports of two days
PLACES_AND_PEOPLE = (("GPE", "LOC", "FAC"), ("PERSON",))
PERSONAL_MEASURES = frozenset({"height"})  # measures of a person, which every player of a game has one of
# counts that change as news comes in: a toll, and a crowd as one estimator puts it (analyze/figure_readings), which a
# report gives once ("Police estimated the crowd at 12,000" / "About 15,000 people took part, according to police")
RUNNING_KINDS = frozenset({"killed", "injured", "arrested", "evacuated", "missing", "crowd by police", "crowd by organisers"})
FALLING_KINDS = frozenset({"missing"})  # ... and fall as well as grow: the missing are found
ONE_A_HAPPENING = frozenset({"magnitude"})  # a quake has one magnitude: a report that gives two ("Tehran put it
# at 5.9, the USGS at 6.1") gives its sources' dispute, not two things, and two reports of one each dispute it too
TALLIED_KINDS = frozenset({"vot", "ballot"})  # ... and a vote's tally as its ballots are counted (4,812 votes on the
# night, 4,903 once the postal ballots are in), which, unlike the toll, no sentence calls the story's one count


def _round_near(n: Number, m: Number) -> bool:
    """A round figure and a more precise one within 5% of it (600 / 612 killed): one count, said roughly.
    Two figures round to the same place ($2.5 million / $2.6 million, 600 / 620) are two readings, each as
    precise as the other, so neither is the other said roughly."""
    def places(x: float) -> int:
        """The power of ten a figure is rounded to (600: 2, 612: 0, 2.5 million: 5); 0 below 50."""
        if x < 50 or x != int(x):
            return 0
        digits = len(str(int(x)))
        return next((p for p in range(digits - 1, 0, -1) if x % 10 ** p == 0), 0)

    lo, hi = sorted((n.value, m.value))
    coarse, fine = sorted((places(n.value), places(m.value)), reverse=True)
    return coarse > fine and coarse >= max(1, len(str(int(hi))) - 2) and (hi - lo) / hi <= 0.05


def _floor(n: Number, m: Number) -> float | None:
    """The weight of shared words two figures need to be of one thing; None: never compared story-wide.
    A count of a named thing (injured, cables, villages) needs FRAME_SCORE. A percentage, a sum, a
    length or "people" says less of what it is of, so it needs twice that (MEASURE_FRAME_SCORE), and
    only where each report gives that kind once (number_in_story). An ordinal ("the sixth round")
    never is, nor an age ("a 61-year-old man", "35 years old"), which compare/ages.py reads by whose it is."""
    if n.kind != m.kind or n.kind is None or n.kind == "age" or n.kind.startswith(("ordinal:", "age:")) or two_things(n, m):
        return None
    return MEASURE_FRAME_SCORE if _measure(n.kind) else FRAME_SCORE


def _measure(kind: str | None) -> bool:
    """Whether a kind of figure is a measure, a sum, a share or "people": it says little of what it is of."""
    return kind is not None and (kind in MEASURES or kind in UNITS or kind in GENERIC_KINDS
                                 or kind.startswith(("size:", "prison:", "served:")))


def number_in_story(found: StoryFindings) -> list[Conflict]:
    """Two figures of one counted thing in two voices whose words around agree, each the other's best
    match in its article, that cannot both be true."""
    story, units = found.story, found.units
    idf = found.idf
    flat = [(u, n, frame(story, u, n.start, n.end) | modifiers(n)) for u in units for n in u.numbers]
    quantities = Quantities(units, story)

    def floor_of(i: int, j: int) -> float | None:
        (ua, n, _), (ub, m, _) = flat[i], flat[j]
        floor = _floor(n, m)
        if floor is None or not _comparable_modes(_mode(story, ua, n), _mode(story, ub, m)):
            return None  # a figure a condition supposes, or a goal's against a count of what happened
        if _of_two_bearers(quantities, ua, n, ub, m):
            return None  # figures said of two places, people or bodies (each player's points)
        if _measure(n.kind):
            # two shares (or sums, or crowds) in one report: its words may not say which is which, unless
            # both figures are said of one name ("80 percent in Egypt" / "up to 70 percent in Egypt"),
            # which also says what they measure as well as a count's noun does
            if quantities.told_apart((ua, n), (ub, m)):
                floor = PLACE_FRAME_SCORE
            elif _superseded_of_one_place(quantities, ua, n, ub, m):
                floor = FRAME_SCORE
            elif quantities.either_ambiguous((ua, n), (ub, m)):
                return None
        if floor == FRAME_SCORE and n.kind in RUNNING_KINDS and not quantities.either_ambiguous((ua, n), (ub, m)):
            floor = TOLL_FRAME_SCORE
        return floor

    def sole_kind(unit: Unit, n: Number) -> str | None:
        """A figure's kind where it counts those the happening harmed or held (RUNNING_KINDS) and its report
        gives that count once: the story's one such count, however each report words it."""
        return n.kind if n.kind in RUNNING_KINDS and not quantities.ambiguous(unit.article, n.kind) else None

    sole = sole_pairs([sole_kind(u, n) for u, n, _ in flat])

    out: list[Conflict] = []
    for i, j in story_matches(story, flat, idf, floor_of, sole):
        (ua, n, _), (ub, m, _) = flat[i], flat[j]
        later = is_update(story, ua, ub, n, m)
        # a sentence that names nothing is of its article's happening, where its report gives the figure's
        # kind once: a report that gives several ("four touchdowns receiving", "three on punt returns")
        # must say which, and a sentence that names nothing does not
        unnamed = not quantities.either_ambiguous((ua, n), (ub, m))
        if not _disagree(n, m, later) or not _same_occasion(story, ua, ub, (n, m), unnamed) \
                or _of_two_things(ua, ub, n, m) \
                or not said_alike(story, ua, n, ub, m):
            continue
        if not later and _running_days(story, ua, ub, n, m):
            continue  # days of riots so far, in two reports of one day: written at two hours of it
        if not later and n.kind not in ONE_A_HAPPENING and quantities.given_together(n.kind, n.value, m.value):
            continue  # a report that gives both tells them apart (and where it is later, they are an update)
        if not later and _one_a_total(ua, ub):
            continue
        out.append(_found(ua, n, ub, m, later))
    return out


_HEDGES = frozenset(w for q in QUALIFIERS for w in content_stems(q))


def modifiers(n: Number) -> set[str]:
    """The words a figure's own span gives between its value and what it counts, which say what the count
    is of as much as the words around it: "355 damaged shops" (beside "565 shops suffering serious
    damage"), "2,301 career points". Not the value, the counted noun that ends the span (its kind compares
    it) nor a hedge."""
    return {w for w in content_stems(n.surface)[:-1] if not w.startswith("#") and w not in _HEDGES}


def _superseded_of_one_place(quantities: Quantities, a: Unit, n: Number, b: Unit, m: Number) -> bool:
    """Whether one of two figures is said to have changed since (SUPERSEDED: "82 percent of India's traffic
    was out of service early Friday, although that situation has now improved") and both are said of one
    place: the other is the later reading of the same thing, even where its report gives other shares
    whose words do not say of where ("Qatar and Djibouti ... also losing over 70 percent")."""
    if (SUPERSEDED.search(a.text) is None) == (SUPERSEDED.search(b.text) is None):
        return False
    first, second = quantities.names(a, n).get(PLACES), quantities.names(b, m).get(PLACES)
    return bool(first and second and names_meet(first, second))


def _of_two_bearers(quantities: Quantities, a: Unit, n: Number, b: Unit, m: Number) -> bool:
    """Whether two figures are said of two places, people or bodies (said_of), or are heights said of
    no one named: a height says nothing of whose it is, so only one named person's two heights disagree."""
    said = said_of(quantities.names(a, n), quantities.names(b, m), quantities.story)
    return said is False or (n.kind in PERSONAL_MEASURES and not said)


def _disagree(n: Number, m: Number, update: bool) -> bool:
    """Whether two figures of one thing cannot both be true, or are two different bounds of it
    (at least 7 / at least 6 dead: the outlets count differently). Reports of two days may be
    further apart (a toll of 3 on the first day, 10 the next), and so may a length its words name (a quake's depth
    of 10 km / of 35 km; not a mine's of 1.2 km)."""
    named = n.kind is not None and n.kind.split(":")[0] in NAMED_LENGTHS
    if far_apart(n.value, m.value, UPDATE_RATIO if update or named else RATIO) or _round_near(n, m):
        return False
    if n.value != m.value and n.qualifier == m.qualifier and n.qualifier in ("min", "max"):
        return True
    return not compatible(n, m)


def _of_two_things(a: Unit, b: Unit, n: Number, m: Number) -> bool:
    """Whether two sentences give another figure of one kind each, so far apart that they count two
    things (RATIO): "a 5.6 magnitude earthquake …, injuring five people" and "a 5.9 magnitude earthquake
    …, wounding 70" speak of two quakes, so their magnitudes are no dispute either."""
    return any(x.kind is not None and x.kind == y.kind and not x.kind.startswith("ordinal:") and far_apart(x.value, y.value)
               for x in a.numbers if x is not n for y in b.numbers if y is not m)


def said_alike(story: StoryView, a: Unit, n: Number, b: Unit, m: Number) -> bool:
    """Whether two figures of one kind can be said of the same thing at the same time, as far as their
    own words tell: their clauses mark the same part or whole of it (conflict.scope_of: "in the city
    alone" is not "across the country", "31 wins by knockout" not "40 wins", "since the protests began"
    not "on Wednesday night", "last year" not this week), and name no two times that cannot be one
    (conflict.dates_near: a day of one week against a day of another, 2008 against 2012; a day inside
    its month or year can be one). Where this cannot be established the figures are left alone: unsure
    is no conflict. A total "since" a time is told apart only from a figure its clause dates ("46 on
    Wednesday night"): against another undated total ("had previously been arrested four times" /
    "arrested three times since October") both count one record."""
    clause_a, clause_b = clause_of(story, a, n.start, n.end), clause_of(story, b, m.start, m.end)
    first, second = dates_near(story, a, clause_a), dates_near(story, b, clause_b)
    scope_a = scope_of(story, a, n.end, clause_a)
    marks = scope_a ^ scope_of(story, b, m.end, clause_b)
    if marks and not (marks == {"since"} and not (second if "since" in scope_a else first)):
        return False
    if _another_year(story, a, clause_a, b) or _another_year(story, b, clause_b, a):
        return False  # "a 2019 disturbance in which 11 officers were hurt" / "Nine people were injured"
    return not (first and second and not any(x.startswith(y) or y.startswith(x) for x in first for y in second))


def _another_year(story: StoryView, unit: Unit, clause: tuple[int, int], other: Unit) -> bool:
    """Whether a figure's clause names years, all before its report's own ("The prison was the scene of a 2019
    disturbance in which 11 officers were hurt", "in 2008, 40 died"), and the other figure's paragraph names none
    of them: the two speak of two times ("Nine people were injured"), not of one past happening told twice ("Fishermen
    had felt nothing like it since 2019. That year's tremor had flattened 55 houses"). A relative clause is read
    with the clause it hangs on ("the disaster of December 2003, in which 31,000 were killed"); a year elsewhere in
    the sentence is in passing ("the first talks since the invasion in 2022, lasting four hours")."""
    published = story.articles[unit.article].published
    if published is None:
        return False
    text = story.articles[unit.article].text
    lo, hi = clause
    if _RELATIVE_OPENING.match(text, lo):
        before = text[unit.start:lo].rstrip(" ,;")
        lo = unit.start + len(before) - len(re.split(r"[,;:](?=\s)", before)[-1])
    years = {m.group("year") or m.group("year2") for m in _YEAR_OF_A_TIME.finditer(text, lo, hi)}
    if not years or max(int(y) for y in years) >= published.year:
        return False
    other_text = story.articles[other.article].text
    start, end = paragraph_around(other_text, other.start, other.end)
    paragraph = other_text[start:end]
    return not any(y in paragraph for y in years) and not _YEARS_BACK.search(paragraph)


_OF_A_TIME = ("disturbances?", "riots?", "unrest", "protests?", "elections?", "attacks?", "storms?", "floods?", "crash",
              "quake", "earthquake", "tremor", "fires?", "blaze", "wildfires?", "outbreak", "war", "invasion", "uprising",
              "disaster", "tsunami", "eruption", "explosion", "blast", "shooting", "collapse", "hurricane", "typhoon",
              "cyclone", "strikes?", "derailment", "stampede", "bombings?", "coup", "season", "campaign", "games")
# a year that dates a happening: after a word of time ("in 2019", "since 2019", "in March 2019") or before a word of
# one ("a 2019 disturbance", "the 2003 quake"); not a model's or a law's year ("a 2012 pickup truck", "a 2015 law")
_YEAR_OF_A_TIME = re.compile(r"(?:\b(?:in|during|since|from|until|of)\s+(?:(?:early|late|mid-?)\s*)?(?:[A-Z][a-z]+\s+)?"
                             r"(?:\d{1,2},?\s+)?(?P<year>(?:19|20)\d\d)\b"
                             r"|\b(?:a|the|that)\s+(?P<year2>(?:19|20)\d\d)\s+(?:" + "|".join(_OF_A_TIME) + r")\b)")
# a time counted back from the report ("six years ago", "last year"): a paragraph that dates its figure so may
# speak of the same past happening as one that names its year
_YEARS_BACK = re.compile(r"\b(?:\w+\s+years?\s+(?:ago|earlier|before)|last\s+year|the\s+previous\s+year|that\s+year)\b",
                         re.IGNORECASE)
_RELATIVE_OPENING = re.compile(r"[\s,;]*(?:in|during|at|on|after)?\s*(?:which|whom|when|where)\b", re.IGNORECASE)


def _one_a_total(a: Unit, b: Unit) -> bool:
    """Whether one sentence totals a count over a stretch of days ("over 50 arrests have been made over
    four nights", "in all", "on or before March 1") or averages it over many ("by an average of seven
    points") and the other does not: a night's 46 arrests is a part of the total, not another count of
    it (daily against cumulative), and one poll's lead is not the average of ten."""
    return any(bool(words.search(a.text)) != bool(words.search(b.text)) for words in (CUMULATIVE, AVERAGED))


def _mode(story: StoryView, unit: Unit, number: Number) -> str | None:
    """How a sentence states a figure: None where it says it is so, "condition" where a condition supposes
    it ("If Sanders wins by 10 points or more, ...") or a guess puts it forward ("It's probably a
    three-person race", "could reach 100"; not a plan reported in the past tense, "said it would cut 3,200
    roles", which is its "will"), "required" where a goal needs it ("the 1,237 delegates needed to seal the
    nomination"), "demanded" where a party asks for it ("the union wants a wage increase of 19%")."""
    return _mode_at(story.articles[unit.article].text, unit.start, unit.end, number.start, number.end)


@memo(4096)  # a grown story's figures are read again at every brief (kept as _intervals_in)
def _mode_at(text: str, start: int, end: int, number_start: int, number_end: int) -> str | None:
    clause = re.split(r"[,;:](?=\s)", text[start:number_start])[-1]
    if CONDITION.search(clause) or FORECAST.search(REPORTED_WILL.sub("", clause)):
        return "condition"  # supposed or guessed: "if he wins by 10 points", "It's probably a three-person race"
    if REQUIRED.match(text, number_end, end):
        return "required"
    if DEMANDED.search(clause):
        return "demanded"  # "the union wants a wage increase of 19%": another side's offer disputes it not
    return None


def _comparable_modes(first: str | None, second: str | None) -> bool:
    """Whether two figures so stated can dispute each other: a supposed one never, a required one only
    another required one (two outlets' counts of the delegates needed), a demanded one only another demanded one."""
    return first == second != "condition"


def _names_nothing(a: Unit, b: Unit) -> bool:
    """Whether one of two sentences names nothing, neither a name nor a date ("The agency received nearly
    235,000 comments on the proposal."): it speaks of what its article is about, so it names no other
    happening than the sentence it is compared with."""
    return not (a.entities or a.dates) or not (b.entities or b.dates)


def _same_occasion(story: StoryView, a: Unit, b: Unit, figures: tuple[Number, Number] | None = None,
                   unnamed: bool = False) -> bool:
    """Whether two figures can be of one happening: their sentences name something in common (a name,
    or a date: "struck … in September, killing at least seven" / "That temblor killed at least six …
    in September"), or, with unnamed, one names nothing (_names_nothing); no two places or people, and
    no two dates."""
    if not places_meet(story, a.entities, b.entities) and not a.dates & b.dates and not (unnamed and _names_nothing(a, b)):
        return False  # sentences that name nothing in common may speak of two happenings of one topic
    if not same_scope(story, a, b, PLACES_AND_PEOPLE):
        return False  # (bodies are told apart where the figures are: a sentence may credit a news agency)
    return not (a.dates and b.dates and not a.dates & b.dates) and _same_people(story, a, b, figures)


def _same_people(story: StoryView, a: Unit, b: Unit, figures: tuple[Number, Number] | None = None) -> bool:
    """Whether two sentences (or the quotations that hold their figures) can speak of one person: "He has
    five touchdowns", after a sentence about another player, is not Manning's three."""
    at_a, at_b = figures or (None, None)
    people_a, people_b = _people(story, a, at_a), _people(story, b, at_b)
    return not (people_a and people_b and not names_meet(people_a, people_b))


def _people(story: StoryView, unit: Unit, at: Number | None = None) -> set[str]:
    """The people a sentence speaks of: those it names, or, where it names nobody and says he or she,
    the last person its article named before it (as a reader takes the pronoun). Of a figure, only the
    quotation that holds it is read (quotation_around): who said it is not whom it is of."""
    start, end = quotation_around(story, unit, at.start, at.end) if at is not None else (unit.start, unit.end)
    named = {name for _, _, name in story.entities_in(unit.article, start, end)
             if story.entity_type.get(name) == "PERSON"}
    if named or not PERSONAL.search(story.articles[unit.article].text, start, end):
        return named
    return person_before(story, unit.article, start)


def number_in_story_and_rising(found: StoryFindings) -> list[Conflict]:
    """number_in_story, the counts that rise from one day's reports to the next (compare/rising_counts.py),
    win-loss records (compare/records.py) and a named person's age (compare/ages.py)."""
    return (number_in_story(found) + rising_counts(found) + raised_sums(found) + record_conflicts(found)
            + age_conflicts(found))


DETECTOR = Detector(ConflictKind.NUMBER, in_pair=figures_in_pair, across_languages=number_across_languages,
                    in_story=number_in_story_and_rising, loose=True, by_sentence=True)
