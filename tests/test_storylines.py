"""Storyline links found through the names index are those a comparison with every story finds."""

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
        assert links_for(story, index.near(story)) == links_for(story, stories)


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
