"""Revision's fast paths give the very numbers of the plain ones: a guard that making them cheaper never
moves a merge, move or split.

Revision scores tens of thousands of pairs and members a run, so it computes placement's probability
from the features' values without a dict (`revise.pairs.chance`), weighs many terms at once in C
(`TermStats.weigher().many`, `TermStats.idf`), sums a story's terms in C (`TermStats.story_side`),
scores a pair from values rather than a features dict (`PairScores.score`), and picks each story's
nearest neighbours for many stories at once (`Centroids.nearest_many`). Each must equal what the
plain computation gives to the last bit, not approximately: a probability one bit off could fall on
the other side of a threshold, or break a tie the other way. A pair scored to a ceiling and asked
again at a floor its ceiling reaches must give the probability a fresh scoring gives."""

import math
from datetime import date, timedelta

import numpy as np
import pytest

from storyline.cluster import FEATURES, LOG_HALF, ClusterParams, StoryIndex, TermStats, load_params, probability
from storyline.model import StoryState
from storyline.revise.pairs import PairScores, chance

NAMES = ["norrvik", "ekdal", "ferry", "rosters", "halden", "strike", "union", "800", "650", "harbour", "port",
         "2024", "quay", "tolls"]


def unit(v):
    return (v / np.linalg.norm(v)).astype(np.float32)


@pytest.mark.parametrize("seed", range(5))
def test_chance_is_placements_probability_to_the_bit(seed):
    rng = np.random.default_rng(seed)
    shipped = load_params()
    params = [shipped, ClusterParams(), ClusterParams(weights={"cosine": 5.0, "terms": -2.0, "gap_days": -0.7}, bias=3.0)]
    for model in params:
        for _ in range(200):
            values = [float(v) for v in rng.normal(0, 3, size=len(FEATURES))]
            if rng.random() < 0.2:
                values[int(rng.integers(len(values)))] = 0.0
            features = dict(zip(FEATURES, values, strict=True))
            assert chance(model)(*values) == probability(features, model)
    # far past either end of the logistic: both clip alike
    assert chance(shipped)(50.0, 50.0, 50.0, 50.0, 50.0, 50.0, 0.0) == probability(
        dict(zip(FEATURES, (50.0,) * 6 + (0.0,), strict=True)), shipped)


def test_many_terms_weigh_in_c_as_one_at_a_time():
    stats = TermStats()
    rng = np.random.default_rng(3)
    for _ in range(40):
        stats.add({str(t) for t in rng.choice(NAMES, size=int(rng.integers(1, 6)), replace=False)})
    weigh = stats.weigher()
    terms = list(NAMES) + ["never-seen"]
    assert weigh.many(terms).tolist() == [weigh(term) for term in terms]
    top = math.log(stats.documents + 1)
    assert stats.idf(terms) == {term: top - stats.log_df.get(term, LOG_HALF) for term in terms}
    story = StoryState(id="s", centroid=np.zeros(4, dtype=np.float32), size=5,
                       terms={"norrvik": 5, "ferry": 3, "800": 1, "quay": 2, "never-seen": 1})
    side = stats.story_side(story)
    log_sum = 0.0
    for term, count in story.terms.items():
        log_sum += count * stats.log_df.get(term, LOG_HALF)
    assert side.log_sum == log_sum
    assert side.core == {"norrvik", "ferry"}
    assert side.core_log_sum == sum(stats.log_df.get(term, LOG_HALF) for term in side.core)


def stories_of(seed):
    rng = np.random.default_rng(seed)
    index = StoryIndex([], load_params())
    events = [(unit(rng.normal(size=384)), {str(t) for t in rng.choice(NAMES, size=5, replace=False)}) for _ in range(3)]
    stories = []
    for k in range(9):
        vector, names = events[k % 3]
        index.stories[f"s-{k}"] = story = StoryState(id=f"s-{k}", centroid=np.zeros(384, dtype=np.float32), size=0)
        index.members[story.id] = []
        for m in range(int(rng.integers(1, 5))):
            member = unit(vector + rng.normal(0, 0.02, 384))
            terms = {name for name in names if rng.random() < 0.7} | {str(rng.choice(NAMES))}
            index.place(f"a-{k}-{m}", member, terms, date(2025, 3, 1) + timedelta(days=int(rng.integers(0, 9))),
                        into=story)
        stories.append(story)
    stories.sort(key=lambda s: (s.size, s.id))
    return index, [(small, large) for i, small in enumerate(stories) for large in stories[i + 1:]]


@pytest.mark.parametrize("seed", range(3))
def test_a_pairs_score_is_placements_probability_of_its_features(seed):
    index, pairs = stories_of(seed)
    for small, large in pairs:
        features = PairScores(index).features(small, large)
        assert PairScores(index).score(small, large) == probability(features, index.params)


@pytest.mark.parametrize("seed", range(3))
def test_a_ceiling_asked_again_below_it_gives_the_fresh_probability(seed):
    """Merges ask at their threshold, regrouping at placement's lower one: a pair first given a ceiling
    and asked again at a floor it reaches is scored exactly; asked at a floor it cannot reach, it keeps
    a value below that floor."""
    index, pairs = stories_of(seed)
    scores = PairScores(index)
    ceilings = 0
    for small, large in pairs:
        fresh = PairScores(index).score(small, large)
        high = scores.score(small, large, 0.999999)
        if high < 0.999999 and high != fresh:
            ceilings += 1
            assert fresh <= high  # a ceiling is never below the probability
        assert scores.score(small, large, 0.999999) < 0.999999 or fresh >= 0.999999
        assert scores.score(small, large, 0.0) == fresh
        assert scores.score(small, large, 0.5) == fresh
    assert ceilings  # the test saw ceilings, not only exact scores


@pytest.mark.parametrize("seed", range(4))
def test_many_neighbours_at_once_are_those_found_one_by_one(seed):
    rng = np.random.default_rng(seed)
    index = StoryIndex([], load_params())
    for k in range(60):
        index.place(f"a-{k}", unit(rng.normal(size=384)), set(), date(2025, 3, 1) + timedelta(days=int(rng.integers(0, 30))))
    stories = list(index.stories.values())
    queries = [unit(rng.normal(size=384)) for _ in range(25)] + [s.unit_centroid() for s in stories[:5]]
    days = [date(2025, 3, 1) + timedelta(days=int(rng.integers(0, 30))) if k % 4 else None for k in range(len(queries))]
    found = index.nearest_many(queries, days)
    for query, day, near in zip(queries, days, found, strict=True):
        alone = [story for story, _ in index.candidates(query, day)]
        assert [s.id for s in near] == [s.id for s in alone]
