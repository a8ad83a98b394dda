"""Figures a text writes in two pieces that are one figure (read by numbers.find_numbers after it has found each
piece): the two ends of a range ("between 40 and 50 passengers") and a span given in hours and minutes ("1 hour and
50 minutes")."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from storyline.analyze.numbers import Number

# what joins the two ends of a range: "between 40 and 50", "40 to 50", "three or four" (not "from 40 to
# 50", which says a figure changed)
_RANGE_JOIN = re.compile(r"\s*(?:to|or|-|–)\s*|\s+and\s+", re.IGNORECASE)
_RANGE_BEFORE = re.compile(r"\bbetween\s*$", re.IGNORECASE)
_CHANGE_BEFORE = re.compile(r"\bfrom\s*$", re.IGNORECASE)


def ranges(text: str, numbers: list[Number]) -> list[Number]:
    """Figures with the two ends of a range read as one: the lower end goes into the upper's low, so that
    "between 40 and 50 passengers" is not read as 50 passengers (nor 40 as a figure of its own)."""
    out: list[Number] = []
    for n in numbers:
        if out:
            first = out[-1]
            join = _RANGE_JOIN.fullmatch(text, first.end, n.start)
            before = text[max(0, first.start - 12):first.start]
            if join and first.value < n.value <= 3 * first.value and first.kind in (None, n.kind) \
                    and first.low is None and not _CHANGE_BEFORE.search(before) \
                    and ("and" not in join.group().lower() or _RANGE_BEFORE.search(before)):
                start = first.start - len(m.group()) if (m := _RANGE_BEFORE.search(before)) else first.start
                out[-1] = replace(n, start=start, surface=text[start:n.end], qualifier=first.qualifier or n.qualifier,
                                  low=first.value)
                continue
        out.append(n)
    return out


_HOURS_AND_MINUTES = re.compile(r"[^\S\n]*(?:,|and)?[^\S\n]*", re.IGNORECASE)
_OFFSET_AFTER = re.compile(r"[^\S\n]+(?:later|earlier|after|before|ago)\b", re.IGNORECASE)  # "3 hours, 10 minutes later"


def spans_of_hours_and_minutes(text: str, numbers: list[Number]) -> list[Number]:
    """A span given in hours and minutes is one span in minutes ("1 hour and 50 minutes" is 110 minutes, not an hour
    beside 50 minutes, which "nearly two hours" elsewhere would dispute)."""
    out: list[Number] = []
    for n in numbers:
        last = out[-1] if out else None
        if last is not None and last.kind == "hours" and n.kind == "minutes" and last.low is None and n.low is None \
                and _HOURS_AND_MINUTES.fullmatch(text, last.end, n.start) and not _OFFSET_AFTER.match(text, n.end):
            out[-1] = replace(last, value=last.value * 60 + n.value, end=n.end, surface=text[last.start:n.end],
                              kind="minutes", noun="minutes")
            continue
        out.append(n)
    return out
