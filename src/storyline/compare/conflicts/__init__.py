"""Conflicts between outlets: one registry of kinds, one detector module per kind, one merge rule.

A conflict needs two voices giving two values of one thing: a figure of the same counted thing
(number), the day (date) or the place of one happening, the medium of one statement (venue), a
person's office (role), the words of one quotation (quote) or who said it (person). When in doubt
there is no conflict. Values of reports of different days may instead be an update, a dated
progression: a count that grows (number) or a case that moved on (state, which is only ever one).

Adding a kind: a ConflictKind in model.py, a module here that defines its DETECTOR, and one line in
DETECTORS. Detectors run in the order listed; the order is the order of the claims that show them.
"""

from __future__ import annotations

from collections import defaultdict

from storyline.compare.align import LanguageView
from storyline.compare.conflicts import date, number, place, quote, role, speaker, state, venue
from storyline.compare.conflicts.conflict import Conflict, Detector, Quantities, SentencePair, StoryFindings
from storyline.compare.conflicts.merge import merge_conflicts
from storyline.compare.statements import QuotedStatement
from storyline.compare.units import StoryView, Unit
from storyline.model import ConflictKind
from storyline.text import paragraph_around

DETECTORS: tuple[Detector, ...] = (
    number.DETECTOR,
    place.DETECTOR,
    date.DETECTOR,
    venue.DETECTOR,
    role.DETECTOR,
    quote.DETECTOR,
    speaker.DETECTOR,
    state.DETECTOR,
)
BY_KIND: dict[ConflictKind, Detector] = {d.kind: d for d in DETECTORS}

__all__ = ["BY_KIND", "DETECTORS", "Conflict", "Detector", "find_conflicts"]


def find_conflicts(story: StoryView, units: list[Unit], statements: list[QuotedStatement],
                   aligned: list[tuple[float, int, int]], pairs: dict[tuple[int, int], float],
                   quote_pairs: dict[tuple[int, int], float], quote_groups: list[list[int]],
                   unit_cross: LanguageView | None, idf: dict[str, float] | None = None) -> list[Conflict]:
    """The story's conflicts, merged: between sentences that state one fact (aligned), then between
    similar sentences that do not (pairs, for the loose kinds), then over the whole story.

    In two languages a pair of sentences gives at most one conflict, of the first kind that finds one."""
    if len(set(story.voice)) < 2:
        return []  # a conflict, or an update, needs two voices
    starts: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
    for u in units:
        starts[u.article].append((u.start, u.end, u.index))

    def unit_of(pos: int, offset: int) -> int | None:
        for s, e, i in starts.get(pos, ()):
            if s <= offset < e:
                return i
        return None

    in_pair = [d.in_pair for d in DETECTORS if d.in_pair is not None]
    loose = [d.in_pair for d in DETECTORS if d.in_pair is not None and d.loose]
    across = [d.across_languages for d in DETECTORS if d.across_languages is not None]
    conflicts: list[Conflict] = []
    quantities = Quantities(units, story)
    strong = set()
    for _, i, j in aligned:
        strong.add((min(i, j), max(i, j)))
        if unit_cross is not None and unit_cross.differ(i, j):
            if story.voice[units[i].article] != story.voice[units[j].article]:
                for check_across in across:
                    found = check_across(story, units[i], units[j])
                    if found:
                        conflicts.extend(found)
                        break
            continue
        for x, y in ((i, j), (j, i)):
            a, b = units[x], units[y]
            if story.voice[a.article] == story.voice[b.article]:
                break
            if x == i:
                for check in in_pair:
                    conflicts.extend(check(SentencePair(story, a, b, True, quantities)))
            # a short sentence that goes on with the aligned one ("The meeting lasted five hours.")
            follow = _follower(story, units, x)
            if follow is not None:
                for check in loose:
                    conflicts.extend(check(SentencePair(story, follow, b, True, quantities, a.stems)))
    for (i, j), cosine in pairs.items():
        a, b = units[i], units[j]
        if cosine < 0.55 or (i, j) in strong or story.voice[a.article] == story.voice[b.article]:
            continue
        if unit_cross is not None and unit_cross.differ(i, j):
            continue  # figures in two languages are compared only where the sentences state one fact
        for check in loose:
            conflicts.extend(check(SentencePair(story, a, b, False, quantities)))
    found_in = StoryFindings(story, units, statements, quote_groups, quote_pairs, unit_of, idf)
    for detector in DETECTORS:
        if detector.in_story is not None:
            conflicts.extend(detector.in_story(found_in))
    return merge_conflicts(story, conflicts, {d.kind for d in DETECTORS if d.by_sentence})


def _follower(story: StoryView, units: list[Unit], i: int) -> Unit | None:
    """The unit right after unit i in the same paragraph, if any."""
    if i + 1 >= len(units) or units[i + 1].article != units[i].article:
        return None
    nxt = units[i + 1]
    text = story.articles[nxt.article].text
    if paragraph_around(text, units[i].start) != paragraph_around(text, nxt.start):
        return None
    return nxt
