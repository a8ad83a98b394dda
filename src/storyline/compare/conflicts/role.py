"""Role conflicts: a person given two incompatible offices by two voices ("Superintendent" and
"Inspector")."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable

from storyline.compare.conflicts.conflict import Conflict, Detector, StoryFindings
from storyline.compare.units import StoryView
from storyline.lang.en import HONORIFICS, OFFICE_WORDS
from storyline.model import ConflictKind
from storyline.words import fold_text


def _office(title: str) -> str:
    """A title's words that name an office, each in one spelling ("Sen." and "Senator" alike); honorifics
    and "former" are no office."""
    words = [OFFICE_WORDS.get(w, w) for w in re.findall(r"[a-z]+", fold_text(title))]
    return " ".join(w for w in words if w not in HONORIFICS)


def role_conflicts(story: StoryView, unit_of: Callable[[int, int], int | None]) -> list[Conflict]:
    """A person given two incompatible offices by two voices ("Superintendent" and "Inspector")."""
    offices: dict[str, dict[int, tuple[str, str, list[tuple[int, int]]]]] = defaultdict(dict)
    for pos, article in enumerate(story.articles):
        for m in article.analysis.mentions:
            if m.label != "PERSON" or not m.title or m.title_start is None:
                continue
            name = story.entity_at(pos, m.start, m.end)
            office = _office(m.title)
            if not name or not office:
                continue
            offices[name].setdefault(pos, (office, m.titled, [(m.title_start, m.end)]))
    out = []
    for name, values in offices.items():
        distinct = {v[0] for v in values.values()}
        if len(distinct) < 2:
            continue
        clash = False
        for x in distinct:
            for y in distinct:
                if x != y and not (set(x.split()) <= set(y.split()) or set(y.split()) <= set(x.split())):
                    clash = True
        if not clash:
            continue
        units = {}
        for pos, (_, _, spans) in values.items():
            u = unit_of(pos, spans[0][0])
            if u is not None:
                units[pos] = u
        out.append(Conflict(ConflictKind.ROLE, f"role:{name}", values, units))
    return out


def _in_story(found: StoryFindings) -> list[Conflict]:
    return role_conflicts(found.story, found.unit_of)


DETECTOR = Detector(ConflictKind.ROLE, in_story=_in_story)
