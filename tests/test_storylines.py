"""Storyline links found through the names index are those a comparison with every story finds."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.storylines import SketchIndex, StorySketch, links_for

NAMES = ["Ana Ruiz", "Jonas Ekdal", "Ines Falkenrath", "Marlowe Bay", "Harrow Ridge", "Veloria", "the Union"]

sketches = st.lists(st.tuples(st.sets(st.sampled_from(NAMES[:3]), max_size=2), st.sets(st.sampled_from(NAMES[3:]), max_size=3),
                              st.integers(0, 3), st.integers(0, 60)), min_size=1, max_size=30)


@settings(max_examples=200, deadline=None)
@given(sketches)
def test_links_through_the_index_are_the_links_among_every_story(rows):
    directions = np.eye(4, dtype=np.float32) + 0.3
    stories = [StorySketch(f"s{i}", directions[d] / np.linalg.norm(directions[d]), frozenset(people), frozenset(names),
                           date(2025, 3, 1) + timedelta(days=day), date(2025, 3, 1) + timedelta(days=day + 2))
               for i, (people, names, d, day) in enumerate(rows)]
    index = SketchIndex(stories)
    for story in stories:
        assert links_for(story, index.near(story)) == links_for(story, stories)
