"""Revision: the stories an ingest run touched, scored again against their neighbours as wholes.

Online placement sees one article at a time and never reconsiders it, so the order of arrival
decides whether two reports of an event meet: a report that scored just under the threshold
against a one-article story starts a story of its own, and the two stay apart although, story
against story, with every member on each side, they are plainly one. After a run has placed its
articles, `revise` scores each story the run touched against the live stories nearest to it (the
same centroid search as placement: the cost grows with the stories touched, not with the store)
and merges the pairs that belong together, the most probable first, scoring again around the
story each merge grew. A pair is scored by placement's own fitted model, with the smaller story
standing for an article, against a higher threshold (`ClusterParams.revise_threshold`): a merge
moves every member of a story at once, so it needs more evidence than placing one article does.
The larger story (else the older) keeps its id, as in placement's merges; the other id keeps
resolving to it in the store.

Splitting a story was tried and left out: on ECB+ the two halves of a story that wrongly holds
two events scored as alike as the halves of stories that hold one."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from storyline.cluster import StoryIndex, day_gap, probability
from storyline.model import StoryState

VERSION = "revise/1"


@dataclass(frozen=True)
class Merge:
    """One story folded into another by revision: `source` as it stood then, the probability that
    decided it."""

    source: StoryState
    target: StoryState
    score: float


def story_terms(story: StoryState) -> set[str]:
    """The names and numbers that speak for a story as a whole: all of a one-article story's, else
    those two of its members or more carry (one member's incidental names are not the story's)."""
    if story.size <= 1:
        return set(story.terms)
    return {term for term, count in story.terms.items() if count >= 2}


def pair_features(index: StoryIndex, small: StoryState, large: StoryState) -> dict[str, float]:
    """Placement's features with the smaller story standing for an article: its unit centroid for the
    vector, `story_terms` for its names, the closest pair of the two stories' recent members for the
    max cosine, and the days between their spans for the gap."""
    vector = small.unit_centroid()
    cosine = float(vector @ large.unit_centroid())
    members_small, members_large = index.members.get(small.id), index.members.get(large.id)
    if members_small is not None and members_large is not None and len(members_small) and len(members_large):
        max_cosine = float((members_small @ members_large.T).max())
    else:
        max_cosine = cosine
    features = index.features(vector, story_terms(small), None, large, cosine, max_cosine)
    features["gap_days"] = max(0.0, span_gap(small, large) - 1.0)
    return features


def span_gap(a: StoryState, b: StoryState) -> float:
    """Days between two stories' spans of days (0 where they overlap or either is undated)."""
    if a.first_seen is None or a.last_seen is None or b.first_seen is None:
        return 0.0
    return min(day_gap(a.first_seen, b), day_gap(a.last_seen, b))


def _source_and_target(a: StoryState, b: StoryState) -> tuple[StoryState, StoryState]:
    """The larger keeps its id, else the older, else the larger id (as placement's merges)."""
    target = max((a, b), key=lambda s: (s.size, -(s.first_seen or date.max).toordinal(), s.id))
    return (b if target is a else a), target


def revise(index: StoryIndex, touched: set[str]) -> list[Merge]:
    """Merge the touched live stories with the neighbours they belong with, most probable pair first,
    in the index; returns the merges in the order made (a later one may fold a story an earlier one
    grew, or fold that story into another). Only stories with an English member are revised: their
    MiniLM vectors, which the model was fitted on, read English; where languages differ, placement's
    cross-lingual scorer has already had its say."""
    threshold = index.params.revise_threshold
    scores: dict[tuple[str, str], float] = {}

    def english(story_id: str) -> bool:
        return index.crosslingual is None or index.crosslingual.english(story_id)

    def score_around(story_id: str) -> None:
        story = index.stories[story_id]
        if not english(story_id):
            return
        for other, _ in index.candidates(story.unit_centroid(), story.last_seen):
            key = (min(story_id, other.id), max(story_id, other.id))
            if other.id == story_id or other.size == 0 or key in scores or not english(other.id):
                continue  # a pair both of whose stories were touched is scored once
            small, large = sorted((story, other), key=lambda s: (s.size, s.id))
            scores[key] = probability(pair_features(index, small, large), index.params)

    for story_id in sorted(touched):
        if story_id in index.stories and index.stories[story_id].size:
            score_around(story_id)
    merges: list[Merge] = []
    while scores:
        (a, b), best = max(scores.items(), key=lambda item: (item[1], item[0]))
        if best < threshold:
            break
        source, target = _source_and_target(index.stories[a], index.stories[b])
        before = StoryState(source.id, source.centroid.copy(), source.size, dict(source.terms),
                            source.first_seen, source.last_seen)
        index.merge(source, target)
        merges.append(Merge(before, target, best))
        scores = {key: p for key, p in scores.items() if source.id not in key and target.id not in key}
        score_around(target.id)
    return merges
