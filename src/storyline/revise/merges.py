"""Revision's merges: the live stories a run touched merged with the neighbours placement's model
says they belong with (`story_merges`), and the stories of reports that quote one passage alike or share their rare
words (`evidence_merges`)."""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from storyline.cluster import StoryIndex
from storyline.model import StoryState
from storyline.revise.pairs import PairScores
from storyline.revise.records import Merge, english


def _source_and_target(a: StoryState, b: StoryState) -> tuple[StoryState, StoryState]:
    """The larger keeps its id, else the older, else the larger id (as placement's merges)."""
    target = max((a, b), key=lambda s: (s.size, -(s.first_seen or date.max).toordinal(), s.id))
    return (b if target is a else a), target


class _Later:
    """A pair's key ordered backwards, so that a heap of (-score, _Later(key)) pops the highest score
    first and, between equal scores, the greatest key: the order max((score, key)) gives."""

    __slots__ = ("key",)

    def __init__(self, key: tuple[str, str]) -> None:
        self.key = key

    def __lt__(self, other: _Later) -> bool:
        return self.key > other.key


def story_merges(index: StoryIndex, active: set[str], pairs: PairScores) -> list[Merge]:
    """Merge the active stories with the neighbours they belong with, most probable pair first; a later
    merge may fold a story an earlier one grew, or fold that story into another. A pair an earlier round
    scored keeps its score while neither story has changed (`PairScores`).

    The scored pairs that reach the threshold wait in a heap, most probable first, and a merge drops the
    pairs of its two stories through an index of each story's pairs: a run of many merges costs its
    pairs' logarithm each, where a scan of every pair after every merge cost the square of a run's
    stories."""
    threshold = index.params.revise_threshold
    scores: dict[tuple[str, str], float] = {}
    of_story: defaultdict[str, set[tuple[str, str]]] = defaultdict(set)
    heap: list[tuple[float, _Later]] = []

    def score_around(story_id: str, near: list[StoryState] | None = None) -> None:
        story = index.stories[story_id]
        if near is None:
            near = [other for other, _ in index.candidates(pairs.unit(story), story.last_seen)]
        for other in near:
            key = (min(story_id, other.id), max(story_id, other.id))
            if other.id == story_id or other.size == 0 or key in scores or not english(index, other.id):
                continue  # a pair both of whose stories were touched is scored once
            small, large = (story, other) if (story.size, story.id) < (other.size, other.id) else (other, story)
            scores[key] = score = pairs.score(small, large, threshold)
            of_story[key[0]].add(key)
            of_story[key[1]].add(key)
            if score >= threshold:  # the heap holds the pairs that may merge: most pairs never could
                heapq.heappush(heap, (-score, _Later(key)))

    # The active stories' neighbours all at once (no merge is made until all are scored).
    first = [index.stories[story_id] for story_id in sorted(active)
             if story_id in index.stories and index.stories[story_id].size and english(index, story_id)]
    for story, near in zip(first, index.nearest_many([pairs.unit(s) for s in first], [s.last_seen for s in first]),
                           strict=True):
        score_around(story.id, near)
    merges: list[Merge] = []
    while heap:
        negative, later = heapq.heappop(heap)
        (a, b), best = later.key, -negative
        if scores.get((a, b)) != best:
            continue  # dropped by an earlier merge (or scored again since, and waiting under its new score)
        source, target = _source_and_target(index.stories[a], index.stories[b])
        before = StoryState(source.id, source.centroid.copy(), source.size, dict(source.terms),
                            source.first_seen, source.last_seen)
        index.merge(source, target)
        merges.append(Merge(before, target, best))
        for story_id in (source.id, target.id):
            for key in of_story.pop(story_id, ()):
                scores.pop(key, None)
        if english(index, target.id):
            score_around(target.id)
    return merges


def evidence_merges(index: StoryIndex, pairs: Iterable[tuple[str, str]]) -> list[Merge]:
    """Merge the two live stories of each pair, whose reports show they tell one event on evidence
    stronger than placement's model: the same passage quoted (a run of storyline.quoted_runs.QUOTE_WORDS
    words, a few days apart) or the same rare words over their whole texts (storyline.shared_words, a day
    apart at most). Reports that angle their headlines and leads differently score low on the model.
    Each pair is followed through the merges made before it; a pair already one story, or not both live
    and English, is left. The larger story (else the older) keeps its id, as in `revise`'s merges;
    `score` is the pair's probability under placement's model, for the record."""
    scores = PairScores(index)
    merged: dict[str, str] = {}
    made = []
    for a, b in pairs:
        while a in merged:
            a = merged[a]
        while b in merged:
            b = merged[b]
        first, second = index.stories.get(a), index.stories.get(b)
        if a == b or first is None or second is None or not first.size or not second.size \
                or not english(index, a) or not english(index, b):
            continue
        small, large = (first, second) if (first.size, first.id) < (second.size, second.id) else (second, first)
        score = scores.score(small, large)
        source, target = _source_and_target(first, second)
        before = StoryState(source.id, source.centroid.copy(), source.size, dict(source.terms),
                            source.first_seen, source.last_seen)
        index.merge(source, target)
        merged[source.id] = target.id
        made.append(Merge(before, target, score))
    return made
