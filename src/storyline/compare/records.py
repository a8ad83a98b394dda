"""Win-loss records of one named team or fighter that two voices give differently: "Bowe (45-1, 33
KOs)" / "Riddick Bowe (43-1)", "Indianapolis' record rose to 9-5" / "the 10th win for Indianapolis
(10-5)". A record is a number of one thing, disputed as numbers are (conflicts/number.py), but the
figure reader skips it (a "45-1" reads as two figures, or as a score), so it is read here.

A record is read only where its words say whose it is: in brackets right after a capitalised name
("the Colts (10-5)"), or after a name's "record" or a verb that moves it ("Creighton improved to
25-7"); a score ("beat Drake 65-53", "led 13-3 at the half") and a share in brackets ("the paint
(16-10)") are none. The bearer is a name's last word, so "Bowe" and "Riddick Bowe" are one.

When in doubt there is none: a report that gives one bearer two records (before and after a game),
and two records more than NEAR games apart (a fighter's record in 2008 and in 2012: two times, not
one record told two ways).
"""

from __future__ import annotations

import re
from collections import defaultdict

from storyline.compare.conflicts.conflict import Conflict, StoryFindings
from storyline.memo import ARTICLES, memo
from storyline.model import ConflictKind

NEAR = 2  # games two records of one bearer may be apart and still be one record told two ways

_NAME = r"(?P<name>[A-Z][\w.’'-]*(?:[^\S\n]+[A-Z][\w.’'-]*)*)"
_WL = r"(?P<won>\d{1,3})\s?-\s?(?P<lost>\d{1,3})(?:\s?-\s?(?P<drawn>\d{1,2}))?(?![\w-])"
_MOVES = "improved|rose|fell|dropped|moved|improves|rises|falls|drops|moves"
_RECORDS = (
    re.compile(_NAME + r"\s*\(\s*" + _WL + r"(?=\s*[,)])"),  # "Bowe (45-1, 33 KOs)", "the Colts (10-5)"
    # "Indianapolis' record rose to 9-5", "Creighton improved to 25-7"
    re.compile(_NAME + r"(?:\s*['’]s?\s+(?:\w+\s+){0,2}record|\s+(?:" + _MOVES + r"))"
               r"\s+(?:(?:" + _MOVES + r"|is|was|now|stands|stood|at|of|to)\s+){1,3}" + _WL),
)
_NOT_A_NAME = frozenset({"The", "A", "An", "In", "On", "At", "For", "With", "By", "After", "Before", "When", "But",
                         "And", "His", "Her", "Their", "Its"})


def _bearer(name: str) -> str | None:
    """The bearer of a record as its name's last word, folded; None for a sentence's first word alone."""
    words = [w for w in name.split() if w not in _NOT_A_NAME]
    return words[-1].strip(".’'").lower() if words else None


@memo(ARTICLES)  # an article's records, read again at every brief of a growing story (like units._pieces)
def _records_in(text: str) -> tuple[tuple[str, str, int, int], ...]:
    """Each record a text gives, in order: its bearer, its value ("10-5"), and where the value stands."""
    found = []
    for m in (m for pattern in _RECORDS for m in pattern.finditer(text)):
        bearer = _bearer(m.group("name"))
        if bearer is not None:
            value = "-".join(x for x in (m.group("won"), m.group("lost"), m.group("drawn")) if x)
            found.append((bearer, value, m.start("won"), m.end("drawn" if m.group("drawn") else "lost")))
    return tuple(found)


def _games(value: str) -> int:
    return sum(int(x) for x in value.split("-"))


def record_conflicts(found: StoryFindings) -> list[Conflict]:
    """Two records of one bearer in two voices, at most NEAR games apart, that differ."""
    story = found.story
    by_bearer: dict[str, dict[int, set[tuple[str, int, int]]]] = defaultdict(lambda: defaultdict(set))
    for pos, article in enumerate(story.articles):
        for bearer, value, start, end in _records_in(article.text):
            by_bearer[bearer][pos].add((value, start, end))
    out: list[Conflict] = []
    for bearer, readings in by_bearer.items():
        values: dict[int, tuple[str, str, list[tuple[int, int]]]] = {}
        units: dict[int, int] = {}
        for pos, found_here in readings.items():
            if len({v for v, _, _ in found_here}) != 1:
                continue  # two records in one report: before and after a game, which the other report's may be
            value, start, end = min(found_here, key=lambda r: r[1])
            unit = found.unit_of(pos, start)
            if unit is None:
                continue
            values[pos], units[pos] = (value, story.articles[pos].text[start:end], [(start, end)]), unit
        distinct = {v[0] for v in values.values()}
        if len(distinct) < 2 or len({story.voice[pos] for pos in values}) < 2:
            continue
        if max(map(_games, distinct)) - min(map(_games, distinct)) > NEAR:
            continue  # records of two times (two seasons, two fights years apart)
        out.append(Conflict(ConflictKind.NUMBER, f"number:record of {bearer}", values, units))
    return out
