"""Revision: the stories an ingest run touched, scored again with all their members, members moved
where they belong and stories merged.

Online placement sees one article at a time and never reconsiders it, so the order of arrival
decides whether two reports of an event meet: a report that scored just under the threshold
against a one-article story starts a story of its own, and one that came before the reports of its
own event joins a story of another. After a run has placed its articles, `revise` takes the stories
the run touched, in rounds until nothing changes:

- **Moves.** Each member the run placed is scored, with placement's own fitted model, against its
  story without it (leave-one-out: the centroid, names and days of the others) and against the live
  stories nearest to it; it moves to another story where that story reaches placement's threshold
  and beats its own by `ClusterParams.move_margin`. A one-article story's member has no story of its
  own to beat: it moves where placement would now put it, and the emptied story's id resolves to the
  one it joined.
  The story a member leaves keeps its id (what stays is never smaller than the one that goes). A
  member whose own story scores it above 1 - move_margin cannot move, so only the others are scored
  against neighbours. Per round a story gives or takes one member (the largest gains first), and the
  next round scores again around the stories it changed.
- **Merges.** Each story the run touched or a move changed is scored against the live stories
  nearest to it as a whole (the smaller story standing for an article) against a higher threshold
  (`ClusterParams.revise_threshold`: a merge moves every member of a story at once), the most
  probable pair first, scoring again around the story each merge grew. The larger story (else the
  older) keeps its id, as in placement's merges; the other id keeps resolving to it in the store.

The cost grows with the members of the stories touched and their neighbours, not with the store.

Splitting a story in two was tried and left out: on ECB+ the two halves of a story that wrongly holds
two events scored as alike as the halves of stories that hold one; re-clustering a story's members
from scratch with this scorer left most such stories whole, and by the pairwise probabilities of
their articles split stories of one event as readily as those of two. So where placement has put two
events of one kind into one story (their reports alternating as they arrived), revision keeps them
together: what order-dependence remains is that."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

import numpy as np

from storyline.cluster import RECENT_MEMBERS, StoryIndex, day_gap, probability
from storyline.model import StoryState

VERSION = "revise/2"
ROUNDS = 10  # rounds of moves and merges at most (ECB+ train and dev reach a fixed point within five)


@dataclass(frozen=True)
class Member:
    """What revision needs of one article of a story: its vector, key terms and day."""

    id: str
    vector: np.ndarray
    terms: frozenset[str]
    day: date | None


@dataclass(frozen=True)
class Merge:
    """One story folded into another by revision: `source` as it stood then, the probability that
    decided it."""

    source: StoryState
    target: StoryState
    score: float


@dataclass(frozen=True)
class Move:
    """One member taken from the story `source` (which keeps its id, or is left empty where the member
    was its only one: `emptied`) to the live story `target`: `score` is the probability that decided
    it, `own` the member's probability against its story without it (None for a one-article story's)."""

    member: str
    source: str
    target: str
    score: float
    own: float | None
    emptied: bool = False


Revision = Merge | Move


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


def without(story: StoryState, members: list[Member], member: Member) -> StoryState:
    """The story as it would stand without one of its members (`members` are all of its own)."""
    terms = dict(story.terms)
    for term in member.terms:
        count = terms.get(term, 0) - 1
        if count > 0:
            terms[term] = count
        else:
            terms.pop(term, None)
    days = [m.day for m in members if m is not member and m.day is not None]
    return StoryState(f"{story.id}\x00without", story.centroid - member.vector, story.size - 1, terms,
                      min(days) if days else None, max(days) if days else None)


def revise(index: StoryIndex, touched: set[str], members_of: Callable[[str], list[Member]] | None = None,
           placed: set[str] | None = None) -> list[Revision]:
    """Revise the touched live stories in the index: move members where they belong better and merge
    stories that belong together, in rounds until nothing changes (see the module's docstring);
    returns the moves and merges in the order made. Without `members_of` (a story's members, as stored)
    only merges are made. With `placed` (the articles the run placed), only those may move: earlier
    runs' revisions weighed the others, and scoring every member of a long story again at every run
    would cost in the story's size. Only stories with an English member are revised: their MiniLM vectors,
    which the model was fitted on, read English; where languages differ, placement's cross-lingual
    scorer has already had its say."""
    members: dict[str, list[Member]] = {}
    done: list[Revision] = []
    active = {story_id for story_id in touched if story_id in index.stories and index.stories[story_id].size}
    for _ in range(ROUNDS):
        changed: set[str] = set()
        if members_of is not None:
            for move in _moves(index, active, members, members_of, placed):
                done.append(move)
                changed.update((move.source, move.target))
        for merge in _merges(index, active | changed):
            done.append(merge)
            if members_of is not None:
                _members(members, merge.target.id, members_of).extend(
                    _members(members, merge.source.id, members_of))
                members.pop(merge.source.id)
            changed.update((merge.source.id, merge.target.id))
        active = _around(index, changed)
        if not active or members_of is None:
            break
    return done


def _around(index: StoryIndex, changed: set[str]) -> set[str]:
    """The live stories a round changed and their nearest neighbours: where the next round looks."""
    around = set()
    for story_id in changed:
        story = index.stories.get(story_id)
        if story is not None and story.size:
            around.add(story_id)
            around.update(other.id for other, _ in index.candidates(story.unit_centroid(), story.last_seen))
    return around


def _members(members: dict[str, list[Member]], story_id: str,
             members_of: Callable[[str], list[Member]] | None) -> list[Member]:
    """A story's members as revision now holds them (read once, then kept up to date)."""
    if story_id not in members:
        members[story_id] = list(members_of(story_id)) if members_of is not None else []
    return members[story_id]


def _english(index: StoryIndex, story_id: str) -> bool:
    return index.crosslingual is None or index.crosslingual.english(story_id)


def _moves(index: StoryIndex, active: set[str], members: dict[str, list[Member]],
           members_of: Callable[[str], list[Member]], placed: set[str] | None) -> list[Move]:
    """One round of moves out of the active stories: every member that may move (all, or those in
    `placed`) scored against its story without it and, where that leaves room for the margin, against
    its neighbours; the moves with the largest gains first, one per story given or taken."""
    params = index.params
    proposed = []
    for story_id in sorted(active):
        story = index.stories.get(story_id)
        if story is None or not story.size or not _english(index, story_id):
            continue
        own_members = _members(members, story_id, members_of)
        if len(own_members) != story.size:
            continue  # the store and the index disagree (another run is writing): leave it as it is
        rows = [row for row, m in enumerate(own_members) if placed is None or m.id in placed]
        if not rows:
            continue
        vectors = np.vstack([m.vector for m in own_members])
        closest = vectors[rows] @ vectors.T
        closest[np.arange(len(rows)), rows] = -1.0  # a member is not its own closest
        side_without = index.stats.sides_without(story)
        for at, row in enumerate(rows):
            member, own = own_members[row], None
            if story.size > 1:
                rest = without(story, own_members, member)
                side_without(rest, member.terms)
                own = probability(index.features(member.vector, set(member.terms), member.day, rest, None,
                                                 float(closest[at].max())), params)
                index.stats.forget(rest.id)
                if own >= 1.0 - params.move_margin:
                    continue
            best: tuple[StoryState | None, float] = (None, 0.0)
            for other, cosine in index.candidates(member.vector, member.day):
                if other.id == story_id or other.size == 0 or not _english(index, other.id):
                    continue
                p = probability(index.features(member.vector, set(member.terms), member.day, other, cosine), params)
                if p > best[1] or (p == best[1] and best[0] is not None and other.id < best[0].id):
                    best = (other, p)
            target, p = best
            if target is not None and p >= params.threshold and (own is None or p >= own + params.move_margin):
                proposed.append(Move(member.id, story_id, target.id, p, own))
    made: list[Move] = []
    busy: set[str] = set()
    for move in sorted(proposed, key=lambda m: (-(m.score - (m.own or 0.0)), m.member)):
        if move.source in busy or move.target in busy:
            continue
        busy.update((move.source, move.target))
        made.append(_move(index, members, members_of, move))
    return made


def _move(index: StoryIndex, members: dict[str, list[Member]], members_of: Callable[[str], list[Member]],
          move: Move) -> Move:
    """Take the member out of its story and put it in the target, in the index and in `members`; the
    move as made."""
    source, target = index.stories[move.source], index.stories[move.target]
    given = members[move.source]
    member = next(m for m in given if m.id == move.member)
    rest = without(source, given, member)
    given.remove(member)
    _members(members, move.target, members_of).append(member)
    index.put_in(target, member.vector, set(member.terms), member.day)
    index.take_out(source, rest, [m.vector for m in given[-RECENT_MEMBERS:]])
    if given:
        return move
    members.pop(move.source)
    return replace(move, emptied=True)


def _merges(index: StoryIndex, active: set[str]) -> list[Merge]:
    """Merge the active stories with the neighbours they belong with, most probable pair first; a later
    merge may fold a story an earlier one grew, or fold that story into another."""
    threshold = index.params.revise_threshold
    scores: dict[tuple[str, str], float] = {}

    def score_around(story_id: str) -> None:
        story = index.stories[story_id]
        if not _english(index, story_id):
            return
        for other, _ in index.candidates(story.unit_centroid(), story.last_seen):
            key = (min(story_id, other.id), max(story_id, other.id))
            if other.id == story_id or other.size == 0 or key in scores or not _english(index, other.id):
                continue  # a pair both of whose stories were touched is scored once
            small, large = sorted((story, other), key=lambda s: (s.size, s.id))
            scores[key] = probability(pair_features(index, small, large), index.params)

    for story_id in sorted(active):
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
