"""What a figure is of, read from the words around it where its noun does not say: a crowd, by whoever puts it
at its size ("Police estimated the crowd at 12,000": `crowd_of`), a span of time a court imposed or someone
served ("sentenced to six years in prison", "He served five months": `span_of`), a workforce ("which employs
about 900 people": `workforce`), and a length or share named by what it measures ("at a depth of 10 km", "Turnout
was 61.4%": `measured`). analyze/numbers.py reads the
figures and asks these; the words are lang/en_numbers.py's."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from storyline.lang.en_numbers import (
    CROWD_AT,
    CROWD_ESTIMATORS,
    CROWD_NOUNS,
    CROWD_SAID,
    CURRENCY_KINDS,
    EMPLOYING,
    GATHERED_AFTER,
    GATHERING,
    HAPPENED_TO,
    NOT_IMPOSED,
    NOT_PRISON,
    PENALTY_AFTER,
    PENALTY_BEFORE,
    PENALTY_WORDS,
    SENTENCING,
    SERVED,
    WITH_STAFF,
)
from storyline.words import fold_text, light_stem

RELEASED = light_stem("released")  # the kind of "12 were released", and of "Nine people arrested … were released"


def segment_reading(segment: str) -> tuple[Callable[[], bool], Callable[[], bool]]:
    """Whether a segment speaks of a crowd or a march, and of a sentence, each read once and only where a figure
    asks."""
    return cache(lambda: bool(GATHERING.search(segment))), cache(lambda: bool(SENTENCING.search(segment)))


def crowd_of(segment: str, m: re.Match[str], kind: str | None, gathering: Callable[[], bool]) -> str | None:
    """A crowd's size, by whom its clause says put it there: "crowd by police" ("Police estimated the crowd
    at 12,000", "About 15,000 people took part in a march, according to police"), "crowd by organisers", or
    "crowd" where it attributes it to neither or to both (CROWD_ESTIMATORS); None for any other figure, and for
    one whose kind already says what befell those it counts ("Police said 18 people had been injured").
    `gathering`: whether the segment speaks of a crowd or a march at all (read once a segment)."""
    if kind in _BEFELL_KINDS:
        return None
    after = segment[m.end():m.end() + 120]
    counted = re.match(r"\s*([^\W\d_][\w'’-]*)", after)
    if GATHERED_AFTER.match(after):
        pass  # "more than 40,000 had joined them", "25,000 took part in the march"
    elif counted and fold_text(counted.group(1)) in CROWD_NOUNS and GATHERED_AFTER.match(after, counted.end()):
        pass  # "About 15,000 people took part in a march"
    elif not (gathering() and (CROWD_AT.search(segment, max(0, m.start() - 120), m.start())
                               or (kind is None and CROWD_SAID.search(segment, max(0, m.start() - 40), m.start())))):
        return None  # "Police estimated the crowd at 12,000", "police said 25,000"; not "Police said two women choked"
    lo, hi = max(0, m.start() - _CLAUSE_REACH), min(len(segment), m.end() + _CLAUSE_REACH)
    window = segment[lo:hi]
    at = m.start() - lo
    opens = max((found + len(mark) for mark in _CLAUSE_MARKS if (found := window.rfind(mark, 0, at)) >= 0), default=0)
    ends = [found for mark in _CLAUSE_MARKS if (found := window.find(mark, at)) >= 0]
    clause = window[opens:min(ends, default=len(window))]
    at -= opens

    def gives_it(found: re.Match[str]) -> bool:
        """Whether an estimator's words give the figure: no clause of its own stands between them."""
        lo, hi = (found.end(), at) if found.end() <= at else (at, found.start())
        return not _ASIDE.search(clause, lo, hi)

    said = [who for who, words in CROWD_ESTIMATORS if any(gives_it(found) for found in words.finditer(clause))]
    return "crowd by " + said[0] if len(said) == 1 else "crowd"


# what a count of people is read as where something befell them, which no crowd's size is
_BEFELL_KINDS = HAPPENED_TO | {"missing", "hostages", "aboard", RELEASED}
_CLAUSE_MARKS = (";", ", while ", ", whereas ", ", but ", " but ", ", though ", ", although ", ", and ")
# between an estimator's words and a figure, a clause of its own: "Police said the stadium, where a crowd of 45,000
# watched the match, was calm" does not give the police's figure of a crowd
_ASIDE = re.compile(r",\s+(?:where|which|who|when|whose)\b", re.IGNORECASE)
_CLAUSE_REACH = 300  # characters either side of a figure read for its clause


def workforce(segment: str, m: re.Match[str], kind: str | None) -> bool:
    """Whether a count is the people a plant or a firm employs: "which employs about 900 people", "a workforce of
    1,100" (EMPLOYING), "the plant, with roughly 1,100 workers," (WITH_STAFF, an aside its comma closes)."""
    before = max(0, m.start() - 40)
    if kind in ("people", "employees", None) and EMPLOYING.search(segment, before, m.start()):
        return True
    return kind == "employees" and bool(WITH_STAFF.search(segment, before, m.start())) \
        and re.match(r"\s*[^\W\d_][\w'’-]*\s*,", segment[m.end():m.end() + 40]) is not None


def span_of(segment: str, m: re.Match[str], kind: str, sentencing: Callable[[], bool]) -> str:
    """What a span of time (kind: "years", "months"…) is: a time served ("served:years": "He served five months in
    federal prison", "After serving five years"), a prison term imposed ("prison:years", `_imposed`), else the span."""
    if SERVED.search(segment, max(0, m.start() - 60), m.start()) \
            and PENALTY_WORDS.search(segment, max(0, m.start() - 60), m.end() + 60):
        return "served:" + kind
    return "prison:" + kind if _imposed(segment, m, sentencing) else kind


def _imposed(segment: str, m: re.Match[str], sentencing: Callable[[], bool]) -> bool:
    """Whether a span of time is a prison term imposed: "was sentenced to (nearly) six years", "sentenced him to
    six years", "jailed for 12 years" (PENALTY_BEFORE), and "six years in prison", "eight years' imprisonment"
    (PENALTY_AFTER) in a segment about a sentence (`sentencing`, read once a segment); not a term sought or risked
    (NOT_IMPOSED: "had sought eight years in prison", "faced up to 10 years"), nor probation or a suspended term
    (NOT_PRISON)."""
    before, after = segment[max(0, m.start() - 60):m.start()], segment[m.end():m.end() + 80]
    unit = re.match(r"\s*[^\W\d_]+", after)  # the unit ("years") the figure counts, then what follows it
    rest = after[unit.end():] if unit else after
    if NOT_IMPOSED.search(before) or NOT_PRISON.match(rest):
        return False
    return bool(PENALTY_BEFORE.search(before) or (unit and PENALTY_AFTER.match(rest) and sentencing()))


def measured(segment: str, pos: int, end: int, unit: str) -> str:
    """A length or share named by what it measures ("at a depth of 10 km", "cruising at 34,000 feet", "Turnout was
    61.4%", "420p a share"): that measure in that unit, a kind that says what the figure is of as a count's noun does;
    else the unit."""
    named = _MEASURED_BEFORE.search(segment, max(0, pos - 60), pos)
    if named is not None and (named.group("measure") or unit in _HEIGHTS):  # "flying at 300 km an hour" is a speed
        return f"{(named.group('measure') or 'altitude').lower()}:{unit}"
    if unit == "percent" and _VOTED_AFTER.match(segment, end):
        return "turnout:percent"
    if unit in CURRENCY_KINDS and _PER_SHARE_AFTER.match(segment, end) \
            and not _EARNED_BEFORE.search(segment, max(0, pos - 50), pos):
        return f"share price:{unit}"  # "420p a share", "$42 per share": not the deal's value beside it
    return unit


# a share of those who could vote that voted: "88.41 percent of the country's eligible voters cast their ballots" (not
# "52 percent of voters backed Ruiz", a share of the vote)
_VOTED_AFTER = re.compile(r"(?:[^\S\n]*(?:%|per[^\S\n]*cent\b|pct\b))?[^\S\n]+of[^\S\n]+(?:the[^\S\n]+)?"
                          r"(?:[\w’'-]+[^\S\n]+){0,2}?(?:eligible|registered)[^\S\n]+(?:voters|electorate)\b[^.;]{0,60}?"
                          r"\b(?:cast[^\S\n]+(?:their[^\S\n]+)?ballots|turned[^\S\n]+out|voted)\b"
                          r"(?![^\S\n]+(?:for|against)\b)", re.IGNORECASE)


# what a company earns or pays a share is no price of one: "earnings of $1.42 a share", "a dividend of 12p a share"
_EARNED_BEFORE = re.compile(r"\b(?:earn|dividend|profit|loss|revenue|income|payout|EPS\b)", re.IGNORECASE)
_PER_SHARE_AFTER = re.compile(r"[^\S\n]*(?:in[^\S\n]+cash[^\S\n]+)?(?:a|per|for[^\S\n]+each)[^\S\n]+share\b", re.IGNORECASE)
NAMED_LENGTHS = frozenset({"depth", "altitude"})  # the lengths among them, further apart than counts may be
NAMED_MEASURES = NAMED_LENGTHS | {"turnout", "share price"}  # the kinds `measured` gives, before the unit
_HEIGHTS = frozenset({"feet", "foot", "ft", "metre", "m"})  # the units a craft's altitude is given in
# "a depth of", "its depth was", "turnout stood at", "cruising at", "flying at" (not "descended to an altitude of
# 8,000 feet", another moment of the flight than its cruising one)
_MEASURED_BEFORE = re.compile(r"(?:\b(?P<measure>depth|turnout)\b(?:[^\S\n]+[\w’'-]+){0,3}?[^\S\n]+"
                              r"(?:of|was|is|at|to|reached|hit)|\b(?:cruising|flying)[^\S\n]+(?:altitude[^\S\n]+of|at))"
                              r"(?:[^\S\n]+(?:about|around|roughly|nearly|almost|some|just|over|under))?[^\S\n]*$",
                              re.IGNORECASE)
