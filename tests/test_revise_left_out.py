"""Revision's leave-one-out scores are placement's own, made cheaply: a guard that the two agree.

`revise.moves.left_out` scores a member against its story without it from the story's own sums instead of
building the story without it and asking `StoryIndex.features`, which would cost in the story's terms
and members for each member. It restates `cluster.term_features` in that form, so a change to how
placement weighs names that is not made in both places would make moves score members by another
model than the one that placed them. This test catches that: both ways, for every member of stories
whose members share names in every proportion (the core of a story, carried by half its members or
more, included)."""

from datetime import date, timedelta

import numpy as np
import pytest

from storyline.cluster import StoryIndex, load_params, probability
from storyline.model import StoryState
from storyline.revise.moves import left_out, without
from storyline.revise.records import Member

NAMES = ["norrvik", "ekdal", "ferry", "rosters", "halden", "strike", "union", "800", "650", "harbour", "port"]


def unit(v):
    return (v / np.linalg.norm(v)).astype(np.float32)


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("size", [2, 3, 4, 5, 7])
def test_a_members_left_out_score_is_placements_score_against_its_story_without_it(seed, size):
    rng = np.random.default_rng(seed * 10 + size)
    index = StoryIndex([], load_params())
    # Other stories, so that names have document frequencies of every kind.
    for k in range(8):
        index.place(f"other-{k}", unit(rng.normal(size=384)),
                    set(rng.choice(NAMES, size=int(rng.integers(1, 5)), replace=False)), date(2025, 3, 1))
    event = unit(rng.normal(size=384))
    index.stories["event"] = story = StoryState(id="event", centroid=np.zeros(384, dtype=np.float32), size=0)
    index.members["event"] = []
    members = []
    for k in range(size):
        vector = unit(event + rng.normal(0, 0.2, 384))
        terms = frozenset(str(name) for name in rng.choice(NAMES, size=int(rng.integers(0, 6)), replace=False))
        day = None if k == 1 else date(2025, 3, 1) + timedelta(days=int(rng.integers(0, 6)))
        members.append(Member(f"m-{k}", vector, terms, day))
        index.place(f"m-{k}", vector, set(terms), day, into=story)
    closest = [float(max(member.vector @ other.vector for other in members if other is not member)) for member in members]
    rows = list(range(size))[::-1]  # any rows, in any order
    [scores] = left_out(index, [(story, members, rows, [closest[row] for row in rows])])
    for row, score in zip(rows, scores, strict=True):
        member = members[row]
        rest = without(story, members, member)
        index.stats.forget(rest.id)  # every member's story without it has one id: its sums are made anew
        expected = probability(index.features(member.vector, set(member.terms), member.day, rest,
                                              max_cosine=closest[row], stats=index.stats), index.params)
        # float32 products summed in another order than placement's: the same to about a millionth
        assert score == pytest.approx(expected, abs=1e-6), member.id
