"""Place conflicts: two aligned sentences put one happening in two places ("in Geneva", "in Vienna";
"at Harlow Stadium", "at Brannock Arena"), each place unknown to the other article, of one level: both
countries or both not, both venues or both not (a venue lies in a town: "at the Harlow Arena" and "in
Brannock" may both be right), neither name a part of the other ("the Mediterranean", "the
Mediterranean Sea").

Over the whole story, a person's whereabouts that change between reports of different days ("checked
into a clinic in Newport Beach", then "into the Betty Ford Center") are an update (compare/whereabouts.py)."""

from __future__ import annotations

from storyline.analyze.entities import FAC_WORDS
from storyline.analyze.numbers import clashing_numbers
from storyline.analyze.places import is_country
from storyline.compare.conflicts.conflict import Conflict, Detector, SentencePair, words_around
from storyline.compare.units import StoryView, Unit
from storyline.compare.whereabouts import moved_places
from storyline.lang.en import LOCATIVE
from storyline.model import ConflictKind


def _located(story: StoryView, unit: Unit) -> list[tuple[str, int, int]]:
    """The places a unit puts its fact in ("in Riyadh", "at Diriyah Palace"): entity, span."""
    text = story.articles[unit.article].text
    out = []
    for s, e, name in story.entities_in(unit.article, unit.start, unit.end):
        if story.entity_type.get(name) in ("GPE", "LOC", "FAC") and LOCATIVE.search(text[max(0, s - 12):s]):
            out.append((name, s, e))
    return out


def _venue(story: StoryView, name: str) -> bool:
    """A building or ground ("Harlow Stadium", "the SAP Arena"): a place inside a town."""
    return story.entity_type.get(name) == "FAC" or name.split()[-1] in FAC_WORDS


def _one_level(story: StoryView, a: str, b: str) -> bool:
    """Two place names that could be two answers to one "where": of one level (countries, towns,
    venues), neither written inside the other."""
    wa, wb = set(a.split()), set(b.split())
    return is_country(a) == is_country(b) and _venue(story, a) == _venue(story, b) and not (wa <= wb or wb <= wa)


def _place_conflict(story: StoryView, a: Unit, b: Unit) -> Conflict | None:
    """Two aligned units that put one fact in two places, each place unknown to the other article,
    of one level (so that "in Riyadh" and "in Saudi Arabia" never clash)."""
    la, lb = _located(story, a), _located(story, b)
    if len(la) != 1 or len(lb) != 1 or la[0][0] == lb[0][0]:
        return None
    (pa, sa, ea), (pb, sb, eb) = la[0], lb[0]
    named_a = {name for _, _, name in story.entity_spans.get(a.article, ())}
    named_b = {name for _, _, name in story.entity_spans.get(b.article, ())}
    if pa in named_b or pb in named_a or not _one_level(story, pa, pb):
        return None
    if a.days and b.days and not set(a.days) & set(b.days):
        return None  # two days, two happenings
    ta, tb = story.articles[a.article].text, story.articles[b.article].text
    if len(words_around(ta, sa, ea) & words_around(tb, sb, eb)) < 2:
        return None  # the place must be the place of the same happening: the words around it agree
    return Conflict(ConflictKind.PLACE, "place", {a.article: (pa, story.articles[a.article].text[sa:ea], [(sa, ea)]),
                                        b.article: (pb, story.articles[b.article].text[sb:eb], [(sb, eb)])},
                     {a.article: a.index, b.article: b.index})


def place_in_pair(pair: SentencePair) -> list[Conflict]:
    """Two aligned sentences (that give no clashing figures) placing one happening differently."""
    if not pair.aligned or clashing_numbers(pair.a.numbers, pair.b.numbers):
        return []
    place = _place_conflict(pair.story, pair.a, pair.b)
    return [place] if place else []


DETECTOR = Detector(ConflictKind.PLACE, in_pair=place_in_pair, in_story=moved_places)
