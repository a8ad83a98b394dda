"""Revision's merges skip the product of two stories' member vectors where a pair cannot reach their
threshold: a guard that this never changes a merge.

`revise.pairs.PairScores.score(small, large, floor)` gives a pair that cannot reach `floor`, whatever the
cosine of its closest members, a ceiling on its probability instead of the probability itself. A merge
only asks whether a pair reaches its threshold, so the ceiling must be below the floor wherever the
probability is, and the probability itself wherever it reaches the floor: for pairs of stories of one
event and of two, with members of every length (a vector not of unit length bounds its cosines by its
length), at a floor just at each pair's probability and one just above it."""

import copy
from datetime import date, timedelta

import numpy as np
import pytest

from storyline.cluster import StoryIndex, load_params
from storyline.model import StoryState
from storyline.revise.pairs import PairScores

NAMES = ["norrvik", "ekdal", "ferry", "rosters", "halden", "strike", "union", "800", "650", "harbour", "port"]


def unit(v):
    return (v / np.linalg.norm(v)).astype(np.float32)


@pytest.mark.parametrize("seed", range(4))
def test_a_pair_below_the_floor_is_scored_below_it_and_one_above_it_exactly(seed):
    rng = np.random.default_rng(seed)
    index = StoryIndex([], load_params())
    events = [(unit(rng.normal(size=384)), {str(t) for t in rng.choice(NAMES, size=4, replace=False)}) for _ in range(3)]
    stories = []
    for k in range(12):  # four stories of each event, so that pairs of one event score high
        vector, names = events[k % 3]
        length = 1.3 if k % 4 == 0 else 1.0  # a story of longer vectors: their dot products exceed 1
        index.stories[f"s-{k}"] = story = StoryState(id=f"s-{k}", centroid=np.zeros(384, dtype=np.float32), size=0)
        index.members[story.id] = []
        for m in range(int(rng.integers(1, 5))):
            member = (length * unit(vector + rng.normal(0, float(rng.uniform(0.0005, 0.01)), 384))).astype(np.float32)
            terms = {name for name in names if rng.random() < 0.8} | {str(rng.choice(NAMES))}
            index.place(f"a-{k}-{m}", member, terms, date(2025, 3, 1) + timedelta(days=int(rng.integers(0, 4))), into=story)
        stories.append(story)
    stories.sort(key=lambda s: (s.size, s.id))
    for i, small in enumerate(stories):
        for large in stories[i + 1:]:
            exact = PairScores(index).score(small, large)
            # A floor at the probability itself, and one a hair above it: the tightest test of the ceiling.
            assert PairScores(index).score(small, large, exact) == exact
            assert PairScores(index).score(small, large, float(np.nextafter(exact, 1.0))) < np.nextafter(exact, 1.0)



def test_a_story_changed_since_the_last_revision_is_scored_as_it_now_stands():
    """What a story alone gives a pair (its unit centroid, terms, longest member) is kept from one revision
    of an index to the next: a story that grew between them, by members twice as long with names new to
    it, is scored as an index that never saw it before scores it, at a floor just at each probability."""
    rng = np.random.default_rng(7)
    index = StoryIndex([], load_params())
    events = [unit(rng.normal(size=384)) for _ in range(2)]
    vectors = [unit(events[k % 2] + rng.normal(0, 0.03, 384)) for k in range(6)]  # too far apart to converge
    stories = []
    for k in range(6):
        index.stories[f"s-{k}"] = story = StoryState(id=f"s-{k}", centroid=np.zeros(384, dtype=np.float32), size=0)
        index.members[story.id] = []
        for m in range(2 + k % 3):
            member = unit(vectors[k] + rng.normal(0, 0.01, 384))
            index.place(f"a-{k}-{m}", member, set(NAMES[k % 2 * 5: k % 2 * 5 + 4]), date(2025, 3, 1), into=story)
        stories.append(story)
    assert len(index.stories) == 6

    def pairs_of(of: StoryIndex) -> list[tuple[StoryState, StoryState]]:
        ordered = sorted(of.stories.values(), key=lambda s: (s.size, s.id))
        return [(small, large) for i, small in enumerate(ordered) for large in ordered[i + 1:]]

    before = [PairScores(index).score(small, large) for small, large in pairs_of(index)]
    for m in range(2):  # between the revisions
        index.place(f"a-new-{m}", (2.0 * unit(vectors[0] + rng.normal(0, 0.01, 384))).astype(np.float32),
                    {"halden", "strike", "800", "650"}, date(2025, 3, 2), into=stories[0])
    fresh = copy.deepcopy(index)  # an index no revision has seen
    exact = [PairScores(fresh).score(small, large) for small, large in pairs_of(fresh)]
    assert exact != before
    scores = PairScores(index)
    assert [scores.score(small, large, p) for (small, large), p in zip(pairs_of(index), exact, strict=True)] == exact
