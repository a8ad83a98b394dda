"""Storyline links: those found through the names index are those a comparison with every story finds,
and a name most stories around carry links none."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.storylines import CLOSE, SketchIndex, StorySketch, link_score, links_for, name_key, sketch

NAMES = ["Ana Ruiz", "Jonas Ekdal", "Ines Falkenrath", "Marlowe Bay", "Harrow Ridge", "Veloria", "the Union"]

sketches = st.lists(st.tuples(st.sets(st.sampled_from(NAMES[:3]), max_size=2), st.sets(st.sampled_from(NAMES[3:]), max_size=3),
                              st.integers(0, 3), st.integers(0, 60), st.sets(st.sampled_from(["veloria", "ekdal"]), max_size=1)),
                    min_size=1, max_size=30)


@settings(max_examples=200, deadline=None)
@given(sketches)
def test_links_through_the_index_are_the_links_among_every_story(rows):
    directions = np.eye(4, dtype=np.float32) + 0.3
    directions[3] = directions[2] + 0.05  # two directions close enough (CLOSE) to link on one name
    stories = [StorySketch(f"s{i}", directions[d] / np.linalg.norm(directions[d]), frozenset(people), frozenset(names),
                           date(2025, 3, 1) + timedelta(days=day), date(2025, 3, 1) + timedelta(days=day + 2),
                           frozenset(aliases))
               for i, (people, names, d, day, aliases) in enumerate(rows)]
    index = SketchIndex(stories)
    for story in stories:
        specific = index.specific(story)
        assert links_for(specific, index.near(story)) == links_for(specific, [index.specific(s) for s in stories])


def _sketch(story_id: str, direction: np.ndarray, entities: list[dict], day: int) -> StorySketch:
    first = date(2025, 3, 1) + timedelta(days=day)
    return sketch(story_id, direction, entities, first, first)


def test_stories_whose_centroids_agree_closely_link_on_one_name_however_spelt_and_typed():
    # a cable company read as a person (its name run on from a line above) in one story, as an
    # organisation in the next; the centroids of the two stories agree closely
    outage = _sketch("s1", np.array([1.0, 0.2, 0.0]), [{"name": "page\nSEACOM", "type": "PERSON", "aliases": [],
                                                     "mentions": 9}], 0)
    repaired = _sketch("s2", np.array([1.0, 0.3, 0.1]), [{"name": "Seacom", "type": "ORG", "aliases": [],
                                                       "mentions": 4}], 6)
    assert link_score(outage, repaired) is not None
    # the same name in stories whose centroids merely agree is no link (two quakes in one country)
    apart = _sketch("s3", np.array([1.0, 1.0, 0.9]), [{"name": "Seacom", "type": "ORG", "aliases": [], "mentions": 4}], 6)
    assert float(outage.centroid @ apart.centroid) < CLOSE
    assert link_score(outage, apart) is None
    assert name_key("page\nSEACOM") == name_key("  Seacom ") == "seacom"


def test_a_persons_case_followed_up_months_later_links_where_the_stories_agree_closely():
    suspect = [{"name": "Ines Falkenrath", "type": "PERSON", "aliases": ["Falkenrath"], "mentions": 5}]
    shooting = _sketch("s1", np.array([1.0, 0.2, 0.0]), suspect, 0)
    trial = _sketch("s2", np.array([1.0, 0.3, 0.1]), suspect, 90)
    assert link_score(shooting, trial) is not None
    # only closely agreeing stories: the same person in another matter months on is no link
    other = _sketch("s3", np.array([1.0, 1.0, 0.9]), suspect, 90)
    assert link_score(shooting, other) is None
    assert link_score(shooting, _sketch("s4", np.array([1.0, 0.3, 0.1]), suspect, 200)) is None


def test_a_name_many_of_the_stories_around_carry_links_none_of_them():
    """Sixty stories of one campaign all name its candidate, twice each (and so would all link, two
    by two, on a person and agreeing centroids); what links is a person only a few of them name."""
    rng = np.random.default_rng(7)
    base = rng.normal(size=16)
    sketches = []
    for k in range(60):
        direction = (base + rng.normal(0, 0.3, 16)).astype(np.float32)
        people = [{"name": "Dana Whitlock", "type": "PERSON", "mentions": 3}]
        if k in (10, 11, 12):  # three stories of one aide's case
            people.append({"name": "Orrin Maalouf", "type": "PERSON", "mentions": 2})
        sketches.append(_sketch(f"s{k:02d}", direction / np.linalg.norm(direction), people, k // 3))
    index = SketchIndex(sketches)
    assert ("person", "Dana Whitlock") in index.common and ("person", "Orrin Maalouf") not in index.common
    linked = {(s.id, other) for s in sketches for other, _ in links_for(index.specific(s), index.near(s))}
    assert linked == {(a, b) for a in ("s10", "s11", "s12") for b in ("s10", "s11", "s12") if a != b}
    # among a few stories nothing is common: the candidate links them as before
    few = SketchIndex(sketches[:20])
    assert not few.common and links_for(few.specific(sketches[0]), few.near(sketches[0]))
