"""How probably two live stories are one, as revision scores them: placement's model with the smaller
story standing for an article (`PairScores`), each pair kept while neither story changes."""

from __future__ import annotations

import math
import weakref
from collections.abc import Callable

import numpy as np

from storyline.cluster import FEATURES, ClusterParams, StoryIndex, day_gap, term_features
from storyline.model import StoryState


def story_terms(story: StoryState) -> set[str]:
    """The names and numbers that speak for a story as a whole: all of a one-article story's, else
    those two of its members or more carry (one member's incidental names are not the story's)."""
    if story.size <= 1:
        return set(story.terms)
    return {term for term, count in story.terms.items() if count >= 2}



Chance = Callable[[float, float, float, float, float, float, float], float]


def chance(params: ClusterParams) -> Chance:
    """`cluster.probability` as one function of the features' values given in FEATURES' order (the
    order every features dict here is made in), without a dict to make and read for each: the same
    products summed in the same order, so the same probability to the last bit. Revision scores tens of
    thousands of pairs and members a run, most of them once."""
    w = [params.weights.get(name, 0.0) for name in FEATURES]
    w0, w1, w2, w3, w4, w5, w6 = w
    bias, exp = params.bias, math.exp

    def p(cosine: float, max_cosine: float, terms: float, coverage: float, core: float, numbers: float,
          gap_days: float) -> float:
        logit = bias + sum((w0 * cosine, w1 * max_cosine, w2 * terms, w3 * coverage, w4 * core, w5 * numbers,
                            w6 * gap_days))
        return 1.0 / (1.0 + exp(-max(-60.0, min(60.0, logit))))
    return p


class PairScores:
    """How probably two stories are one, as revision's merges score them (`features`), for one
    revision: each pair's probability is kept while neither story has changed, and each story's unit
    centroid and `story_terms` while it has not. Every change to a story (a member placed, moved or
    split off, a story merged in) gives it a new centroid array, and the larger story's term sums must
    still be those the pair was scored with. Rounds after the first look again around the stories they
    changed, whose neighbours' pairs with each other the earlier rounds have mostly scored already.

    Asked with a `floor` (merges ask with their threshold), a pair that cannot reach it, whatever the
    cosine of the two stories' closest recent members, is given its ceiling, a probability below the
    floor, without the product of their members' vectors: almost every pair a merge weighs is one. Such
    a pair keeps the features its ceiling was made from: asked again with a floor its ceiling reaches
    (regrouping asks at placement's threshold what merges asked at theirs), only that product is new.

    What depends on a story alone and not on the weights (its unit centroid, `story_terms` and their
    figures, its longest member) is kept from one revision of the index to the next while the story
    has not changed (`shapes`): a revision scores the neighbours of the stories a run touched, most of
    which the run left as they were."""

    def __init__(self, index: StoryIndex) -> None:
        self.index = index
        # per pair: the two centroid arrays and the larger story's sums it was scored with, its probability,
        # and for a ceiling the features it was made from (None for the probability itself)
        self.kept: dict[tuple[str, str], tuple[np.ndarray, np.ndarray, object, float, tuple[float, ...] | None]] = {}
        self.views: dict[str, tuple[np.ndarray, dict[str, float]]] = {}
        self.units, self.terms, self.lengths = shapes(index)
        self._chance: tuple[ClusterParams, Chance] | None = None

    def chance(self) -> Chance:
        """`chance` under the index's parameters as they are now."""
        params = self.index.params
        if self._chance is None or self._chance[0] is not params:
            self._chance = (params, chance(params))
        return self._chance[1]

    def view(self, story: StoryState) -> tuple[np.ndarray, set[str], dict[str, float], list[str]]:
        """The story's unit centroid, `story_terms`, their weights and those of them that are figures,
        made again only when it has changed."""
        shape = self.terms.get(story.id)
        if shape is None or shape[0] is not story.centroid:
            terms = story_terms(story)
            shape = self.terms[story.id] = (story.centroid, terms, [term for term in terms if term[0].isdigit()])
        kept = self.views.get(story.id)
        if kept is None or kept[0] is not story.centroid:
            # no article is counted during a revision: the weights hold
            kept = self.views[story.id] = (story.centroid, self.index.stats.idf(shape[1]))
        return self.unit(story), shape[1], kept[1], shape[2]

    def unit(self, story: StoryState) -> np.ndarray:
        """The story's unit centroid, made again only when it has changed: all a pair needs of its larger
        story, whose terms (`view`), the many of a long story, it never reads."""
        kept = self.units.get(story.id)
        if kept is None or kept[0] is not story.centroid:
            kept = self.units[story.id] = (story.centroid, story.unit_centroid())
        return kept[1]

    def features(self, small: StoryState, large: StoryState) -> dict[str, float]:
        """Placement's features with the smaller story standing for an article: its unit centroid for
        the vector, `story_terms` for its names, the closest pair of the two stories' recent members for
        the max cosine, and the days between their spans for the gap."""
        features = self._features(small, large)
        features["max_cosine"] = self._closest(small, large, features["cosine"])
        return features

    def _features(self, small: StoryState, large: StoryState) -> dict[str, float]:
        """`features` with the cosine standing in for the max cosine."""
        vector, terms, idf, figures = self.view(small)
        cosine = float(vector @ self.unit(large))
        # StoryIndex.features' own features, in its order, with the days between the spans for the gap.
        dice, coverage, core, numbers = term_features(terms, large, self.index.stats, idf, figures)
        return {"cosine": cosine, "max_cosine": cosine, "terms": dice, "coverage": coverage, "core": core,
                "numbers": numbers, "gap_days": max(0.0, span_gap(small, large) - 1.0)}

    def _closest(self, small: StoryState, large: StoryState, cosine: float) -> float:
        """The cosine of the two stories' closest recent members (`cosine` where either has none)."""
        members_small, members_large = self.index.members.get(small.id), self.index.members.get(large.id)
        if members_small is not None and members_large is not None and len(members_small) and len(members_large):
            return float((members_small @ members_large.T).max())
        return cosine

    def _longest(self, story: StoryState) -> float:
        """The length of the story's longest recent member vector (1 for unit vectors; 0 for none)."""
        members = self.index.members.get(story.id)
        if members is None or not len(members):
            return 0.0
        kept = self.lengths.get(story.id)
        if kept is None or kept[0] is not members:
            kept = self.lengths[story.id] = (members, float(np.sqrt(np.einsum("ij,ij->i", members, members).max())))
        return kept[1]

    def score(self, small: StoryState, large: StoryState, floor: float = 0.0) -> float:
        """The probability that `small` belongs with `large`, from `features`; where it cannot reach
        `floor` whatever the max cosine, a ceiling on it below `floor` instead."""
        stats, key = self.index.stats, (small.id, large.id)
        kept = self.kept.get(key)
        if kept is not None and kept[0] is small.centroid and kept[1] is large.centroid and (
                kept[2] is None or stats.story_side(large) is kept[2]):
            if kept[4] is None or kept[3] < floor:
                return kept[3]
            # Its ceiling, asked with a higher floor, reaches this one: only the closest members are new.
            cosine, _, *rest = kept[4]
            p = self.chance()(cosine, self._closest(small, large, cosine), *rest)
            self.kept[key] = (*kept[:3], p, None)
            return p
        # `features`, made here as values in FEATURES' order (a pair is scored once a revision, most
        # of them to a ceiling: no dict is made for them).
        vector, terms, idf, figures = self.view(small)
        cosine = float(vector @ self.unit(large))
        dice, coverage, core, numbers = term_features(terms, large, stats, idf, figures)
        gap = max(0.0, span_gap(small, large) - 1.0)
        # The probability grows with the max cosine where its weight is positive and falls where it is
        # negative, and the max cosine is at most the product of the longest members' lengths (with room
        # for float32's rounding): the probability at that bound is a ceiling on the pair's. A story
        # without recent members is scored on the cosine itself (`_closest`): no ceiling then.
        chance_of, bound = self.chance(), 1.001 * self._longest(small) * self._longest(large)
        if bound and self.index.params.weights.get("max_cosine", 0.0) < 0:
            bound = -bound
        ceiling = chance_of(cosine, bound, dice, coverage, core, numbers, gap) if bound else 1.0
        ceiled: tuple[float, ...] | None = None
        if ceiling >= floor:
            p = chance_of(cosine, self._closest(small, large, cosine), dice, coverage, core, numbers, gap)
        else:
            p, ceiled = ceiling, (cosine, bound, dice, coverage, core, numbers, gap)
        # term_features makes the larger story's sums only where both stories have terms: so does this.
        side = stats.story_side(large) if large.terms and terms else None
        self.kept[key] = (small.centroid, large.centroid, side, p, ceiled)
        return p


Units = dict[str, tuple[np.ndarray, np.ndarray]]  # per story: its centroid array, its unit centroid
Terms = dict[str, tuple[np.ndarray, set[str], list[str]]]  # ... its centroid array, story_terms, their figures
Lengths = dict[str, tuple[np.ndarray, float]]  # ... its recent members' array, the longest one's length
_SHAPES: weakref.WeakKeyDictionary[StoryIndex, tuple[Units, Terms, Lengths]] = weakref.WeakKeyDictionary()


def shapes(index: StoryIndex, prune: bool = False) -> tuple[Units, Terms, Lengths]:
    """The index's stories' unit centroids, terms and longest members as `PairScores` last made them
    (each with the array it was made from); `prune`: less those of the stories that have left the index."""
    shapes = _SHAPES.get(index)
    if shapes is None:
        shapes = _SHAPES[index] = ({}, {}, {})
    if prune:
        for kept in shapes:
            for story_id in [story_id for story_id in kept if story_id not in index.stories]:
                del kept[story_id]
    return shapes


def span_gap(a: StoryState, b: StoryState) -> float:
    """Days between two stories' spans of days (0 where they overlap or either is undated)."""
    if a.first_seen is None or a.last_seen is None or b.first_seen is None:
        return 0.0
    return min(day_gap(a.first_seen, b), day_gap(a.last_seen, b))
