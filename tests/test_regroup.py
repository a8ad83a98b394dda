"""Regrouping: the members of linked stories grouped again from scratch, and only when what it left
has changed since (storyline.regroup)."""

from datetime import date

import numpy as np
import pytest

from storyline import regroup
from storyline.cluster import StoryIndex, load_params
from storyline.model import StoryState
from storyline.revise import Member, revise, splits

# Two nurses' strikes in two towns: reports of one kind, which placement's model links, of two events.
KIND = {"strike"}
COSINE = 0.92
TOWNS = {"s-a": {"norrvik", "ekdal"}, "s-b": {"halden", "lund"}, "s-c": {"varberg", "tolle"}}


def unit(v):
    return (v / np.linalg.norm(v)).astype(np.float32)


class Strikes:
    """Stories of strikes built by hand as placement holds them, with the members revision reads; each
    strike's reports near its own vector, the strikes' vectors at cosine COSINE ** 2 of each other."""

    def __init__(self):
        self.rng = np.random.default_rng(7)
        self.index = StoryIndex([], load_params())
        self.held: dict[str, list[Member]] = {}
        base = unit(self.rng.normal(size=384))
        self.events = {}
        for story_id in TOWNS:
            other = unit(self.rng.normal(size=384))
            self.events[story_id] = unit(COSINE * base + np.sqrt(1 - COSINE ** 2) * other)
        self.count = 0
        for k in range(40):  # the other news of those days, each its own story: what weighs the names
            vector = unit(self.rng.normal(size=384))
            self.index.place(f"other-{k}", vector, {f"place{k}", f"person{k}", "council"}, date(2025, 3, 4))

    def report(self, story_id):
        """One more report of the story's strike, placed in its story; its id."""
        vector, names = unit(self.events[story_id] + self.rng.normal(0, 0.02, 384)), KIND | TOWNS[story_id]
        if story_id not in self.index.stories:
            self.index.stories[story_id] = StoryState(id=story_id, centroid=np.zeros_like(vector), size=0)
        self.index.place(story_id, vector, names, date(2025, 3, 4), into=self.index.stories[story_id])
        article_id = f"{story_id}-{self.count}"
        self.count += 1
        self.held.setdefault(story_id, []).append(Member(article_id, vector, frozenset(names), date(2025, 3, 4)))
        return article_id

    def revise(self, touched, placed=None):
        return revise(self.index, set(touched), lambda story_id: self.held.get(story_id, []), placed,
                      then=regroup.regroup)

    def sizes(self):
        return {story.id: story.size for story in self.index.stories.values() if story.id in TOWNS}


@pytest.fixture
def regrouped(monkeypatch):
    """The sizes of the sets regrouping grouped again, in order (one call of pair_probabilities a set)."""
    sizes = []
    scored = regroup.pair_probabilities
    monkeypatch.setattr(regroup, "pair_probabilities", lambda index, part: sizes.append(len(part)) or scored(index, part))
    return sizes


def test_linked_stories_as_regrouping_left_them_are_not_grouped_again_until_the_set_doubles(regrouped):
    strikes = Strikes()
    for _ in range(4):
        strikes.report("s-a")
    for _ in range(3):
        strikes.report("s-b")
    assert strikes.revise({"s-a", "s-b"}) == []
    assert regrouped == [7]  # linked, grouped again, and left as they were: two strikes, two stories
    late = strikes.report("s-a")
    assert strikes.revise({"s-a"}, {late}) == []
    assert regrouped == [7]  # a report placed since in one of them: placement's and revision's to weigh
    assert strikes.sizes() == {"s-a": 5, "s-b": 3}
    placed = {strikes.report(story_id) for story_id in ["s-a", "s-b"] * 3}
    assert strikes.revise({"s-a", "s-b"}, placed) == []
    assert regrouped == [7, 14]  # doubled since it was last grouped: grouped again from scratch
    assert strikes.sizes() == {"s-a": 8, "s-b": 6}


def test_a_story_newly_linked_to_a_regrouped_set_has_the_set_grouped_again(regrouped):
    strikes = Strikes()
    for story_id in ["s-a"] * 4 + ["s-b"] * 3:
        strikes.report(story_id)
    strikes.revise({"s-a", "s-b"})
    placed = {strikes.report("s-c") for _ in range(3)}
    assert strikes.revise({"s-c"}, placed) == []
    assert regrouped == [7, 10]
    assert strikes.sizes() == {"s-a": 4, "s-b": 3, "s-c": 3}


def test_a_story_regrouping_weighed_for_a_split_is_not_weighed_again_before_it_grows(regrouped, monkeypatch):
    strikes = Strikes()
    for story_id in ["s-a"] * 6 + ["s-b"] * 3:
        strikes.report(story_id)
    weighed = []
    halves = splits.halves
    monkeypatch.setattr(splits, "halves", lambda part, weigh: weighed.append(len(part)) or halves(part, weigh))
    # Revision looks at s-b alone, which is too small to split; regrouping takes s-a with it and weighs it.
    assert strikes.revise({"s-b"}) == []
    assert regrouped == [9] and weighed == [6]
    assert strikes.index.weighed == {"s-a": 6}
    late = strikes.report("s-a")
    assert strikes.revise({"s-a"}, {late}) == []
    assert weighed == [6]  # weighed at 6, now 7: a story is weighed again as it grows by a quarter
