"""Revision: the stories an ingest run touched, scored again with all their members, members moved
where they belong, stories merged, and a story that holds two events split.

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
- **Splits.** Each story of six members or more that a round looks at (as merges do) is taken
  apart where its members fall into two parts that placement's model would not put together: the two
  groups of `halves` (by the names and figures their members share), each of three members or more,
  scored against each other as a merge scores two stories, below `ClusterParams.split_threshold`
  (below the merge threshold, so that a split is never merged back). Placement builds such a story
  when two events of one kind have reports that alternate as they arrive: once it holds both, every
  member's story without it still holds its own event's other reports, so no single move takes it
  apart. The larger part keeps the story's id; the smaller becomes a new story (`Split`).

The stories of reports that quote one passage alike, a few days apart, or whose whole texts share
their rare words, a day apart at most, are merged whatever placement's model makes of them
(`evidence_merges`, on the evidence storyline.quoted_runs and storyline.shared_words find): the
pipeline asks for these merges as each article (or chunk) is stored, while the stories are live, and
the rounds then work around the stories so merged.

The cost grows with the members of the stories touched and their neighbours, not with the store; a
story is weighed for a split each time it has grown by a quarter (SPLIT_GROWTH; the index remembers
the size it was last weighed at), not at every run that touches it, and stories of more than
SPLIT_MEMBERS are not.

Each part has its module: moves.py, merges.py (on pairs.py's scores of two stories), splits.py; records.py
holds what they read of an article (Member) and what they make (Merge, Move, Split)."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from storyline.cluster import LARGE_STORY, StoryIndex
from storyline.revise.merges import evidence_merges, story_merges
from storyline.revise.moves import member_moves
from storyline.revise.pairs import PairScores, shapes
from storyline.revise.records import Member, Merge, Move, Revision, Split, members_held
from storyline.revise.splits import SPLIT_GROWTH, SPLIT_MEMBERS, story_splits

VERSION = "revise/2"
ROUNDS = 10  # rounds of moves and merges at most (ECB+ train and dev reach a fixed point within five)
# A story of more members than WHOLE may be read with its older members hollow (Member.hollow: their
# days alone), so that a story's growth does not grow the memory revising it takes. Of a story's members
# revision reads the vectors and terms of those the run placed (the only ones scored and moved), of
# the latest LARGE_STORY (among whom a member's nearest fellow is looked for) and of the latest
# RECENT_MEMBERS (what placement compares with); a story gives one member a round at most, so its
# latest WHOLE members hold its latest LARGE_STORY at every round, and the revision is the same to the bit.
WHOLE = LARGE_STORY + ROUNDS

__all__ = ["ROUNDS", "SPLIT_GROWTH", "SPLIT_MEMBERS", "VERSION", "WHOLE", "Member", "Merge", "Move", "Revision", "Split", "Then",
           "evidence_merges", "revise"]


# What runs after revision's rounds, given what they looked at (regroup.regroup): the index, the stories
# looked at, the members read, how to read a story's members, the pair scores and which ids are taken.
Then = Callable[[StoryIndex, set[str], dict[str, list["Member"]], Callable[[str], list["Member"]], "PairScores",
                 Callable[[str], bool] | None], list["Revision"]]


def revise(index: StoryIndex, touched: set[str], members_of: Callable[[str], list[Member]] | None = None,
           placed: set[str] | None = None, taken: Callable[[str], bool] | None = None,
           then: Then | None = None) -> list[Revision]:
    """Revise the touched live stories in the index: move members where they belong better and merge
    stories that belong together, in rounds until nothing changes (see the module's docstring);
    returns the moves and merges in the order made. Without `members_of` (a story's members, as stored)
    only merges are made. With `placed` (the articles the run placed), only those may move: earlier
    runs' revisions weighed the others, and scoring every member of a long story again at every run
    would cost in the story's size. Only stories with an English member are revised: their MiniLM vectors,
    which the model was fitted on, read English; where languages differ, placement's cross-lingual
    scorer has already had its say. `then` (regroup.regroup, as ingest passes it) runs after the rounds,
    over what they looked at."""
    members: dict[str, list[Member]] = {}
    done: list[Revision] = []
    shapes(index, prune=True)  # once a run: what stories that left the index held goes
    pairs = PairScores(index)
    own_scores: dict[tuple[str, str], tuple[np.ndarray, float]] = {}
    active = {story_id for story_id in touched if story_id in index.stories and index.stories[story_id].size}
    looked = set(active)
    for _ in range(ROUNDS):
        changed: set[str] = set()
        if members_of is not None:
            for move in member_moves(index, active, members, members_of, placed, own_scores):
                done.append(move)
                changed.update((move.source, move.target))
        for merge in story_merges(index, active | changed, pairs):
            done.append(merge)
            if members_of is not None:
                members_held(members, merge.target.id, members_of).extend(
                    members_held(members, merge.source.id, members_of))
                members.pop(merge.source.id)
            changed.update((merge.source.id, merge.target.id))
        if members_of is not None and index.params.split_threshold > 0:
            for split in story_splits(index, active | changed, members, members_of, taken):
                done.append(split)
                changed.update((split.source, split.target.id))
        active = _around(index, changed)
        looked |= active
        if not active or members_of is None:
            break
    if members_of is not None and then is not None:
        done.extend(then(index, looked, members, members_of, pairs, taken))
    return done


def _around(index: StoryIndex, changed: set[str]) -> set[str]:
    """The live stories a round changed and their nearest neighbours: where the next round looks."""
    stories = [index.stories[story_id] for story_id in sorted(changed)
               if story_id in index.stories and index.stories[story_id].size]
    around = {story.id for story in stories}
    for near in index.nearest_many([story.unit_centroid() for story in stories], [story.last_seen for story in stories]):
        around.update(other.id for other in near)
    return around
