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

The stories of reports that quote one passage alike, a few days apart, are merged whatever
placement's model makes of them (`quotation_merges`, on the evidence storyline.quoted_runs finds): the
pipeline asks for these merges as each article is stored, while the stories are live, and the rounds
then work around the stories so merged.

The cost grows with the members of the stories touched and their neighbours, not with the store; a
story is weighed for a split each time it has grown by a quarter (SPLIT_GROWTH; the index remembers
the size it was last weighed at), not at every run that touches it, and stories of more than
SPLIT_MEMBERS are not."""

from __future__ import annotations

import heapq
import math
import weakref
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date
from itertools import chain, repeat
from operator import itemgetter

import numpy as np

from storyline.cluster import (
    FEATURES,
    LOG_HALF,
    RECENT_MEMBERS,
    ClusterParams,
    StoryIndex,
    day_gap,
    probability,
    term_features,
)
from storyline.model import StoryState

VERSION = "revise/2"
ROUNDS = 10  # rounds of moves and merges at most (ECB+ train and dev reach a fixed point within five)
SPLIT_PART = 3  # the fewest members each part of a split story has
SPLIT_GROWTH = 1.25  # a story is weighed for a split again once it has grown by this factor since it last was
SPLIT_MEMBERS = 256  # stories larger than this are not split: finding the parts costs the cube of the size


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


@dataclass(frozen=True)
class Split:
    """A story taken apart by revision: `members` left the story `source` (which keeps its id and the
    larger part) for the new story `target`; `score` is the probability that the two parts are one
    story, which decided it."""

    source: str
    target: StoryState
    members: tuple[str, ...]
    score: float


Revision = Merge | Move | Split
first_character = itemgetter(0)


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
    has not changed (`_shapes`): a revision scores the neighbours of the stories a run touched, most of
    which the run left as they were."""

    def __init__(self, index: StoryIndex) -> None:
        self.index = index
        # per pair: the two centroid arrays and the larger story's sums it was scored with, its probability,
        # and for a ceiling the features it was made from (None for the probability itself)
        self.kept: dict[tuple[str, str], tuple[np.ndarray, np.ndarray, object, float, tuple[float, ...] | None]] = {}
        self.views: dict[str, tuple[np.ndarray, dict[str, float]]] = {}
        self.units, self.terms, self.lengths = _shapes(index)
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


def _shapes(index: StoryIndex, prune: bool = False) -> tuple[Units, Terms, Lengths]:
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


Asked = tuple[StoryState, list[Member], list[int], list[float]]  # a story, its members, rows to score, their max cosines


def left_out(index: StoryIndex, asked: list[Asked]) -> list[list[float]]:
    """For each story asked (the story, all its members, the rows of those to score and each one's max
    cosine to the others): each such member's probability against the story without it (`without`), as
    `index.features` would score it there, but made from the story's own sums in the member's terms
    rather than by building the story without it, which costs in the story's terms and members for each
    member. Each story's sums are made again first, so that each term weighs by the counts as they are
    now. All the stories' members are scored at once (their terms looked up in C, summed per member by
    np.bincount in their order, the rest as arrays): a round costs Python steps a story, not a member.

    Without a member a term is in the core (carried by half the members or more) if two more than half
    carried it, or if about half did (2 * count is size - 1 or size) and the member does not."""
    stats, p = index.stats, chance(index.params)
    top, log_df = math.log(stats.documents + 1), stats.log_df.get
    flat: list[str] = []
    found: list[int] = []
    core_terms: list[bool] = []
    lose: list[bool] = []
    scored: list[Member] = []
    closest: list[float] = []
    centroids: list[np.ndarray] = []
    # per member scored, its story's figures: size, term count and log sum, distinct terms, core size and
    # log sum, whether its members give two days or more, and the first two and last two days they give
    story_values: list[list[float]] = [[] for _ in range(11)]
    for story, members, rows, nearest in asked:
        side, counts, size = stats.fresh_side(story), story.terms, story.size
        always = {term for term, count in counts.items() if 2 * count >= size + 1}
        unless = {term for term, count in counts.items() if size - 1 <= 2 * count <= size}
        core_log_sum = sum(log_df(term, LOG_HALF) for term in always) + sum(log_df(term, LOG_HALF) for term in unless)
        days = sorted(m.day.toordinal() for m in members if m.day is not None)
        these = [members[row] for row in rows]
        terms = list(chain.from_iterable(member.terms for member in these))
        flat += terms
        found += map(counts.get, terms, repeat(0))
        core_terms += map(always.__contains__, terms)
        lose += map(unless.__contains__, terms)
        scored += these
        closest += nearest
        centroids += [story.centroid] * len(these)
        for values, value in zip(story_values, (size, side.count, side.log_sum, len(counts), len(always) + len(unless),
                                                core_log_sum, len(days) > 1, *((days[0], days[1], days[-1], days[-2])
                                                                              if len(days) > 1 else (0, 0, 0, 0))),
                                 strict=True):
            values += [value] * len(these)
    n = len(scored)
    lengths = np.fromiter(map(len, (member.terms for member in scored)), dtype=np.int64, count=n)
    at = np.repeat(np.arange(n), lengths)
    logs = np.fromiter(map(log_df, flat, repeat(LOG_HALF)), dtype=float, count=len(flat))
    weights = top - logs
    counted = np.array(found, dtype=float)
    others = counted > 1  # the terms the others share
    digits = np.fromiter(map(str.isdigit, map(first_character, flat)), dtype=bool, count=len(flat))
    losing = np.array(lose, dtype=bool)

    def per_member(values: np.ndarray) -> np.ndarray:
        return np.bincount(at, values, minlength=n)

    size, side_count, side_log_sum, distinct, core_size, core_log_sum_, spanned = (
        np.array(values, dtype=float) for values in story_values[:7])
    article_mass, figures = per_member(weights), per_member(digits)
    shared, carried = per_member(np.where(others, weights * (counted - 1.0), 0.0)), per_member(np.where(others, weights, 0.0))
    core_carried = per_member(np.where(others & np.array(core_terms, dtype=bool), weights, 0.0))
    kept = per_member(others & digits)
    story_mass = (top * (side_count - lengths) - (side_log_sum - per_member(logs))) / np.maximum(1.0, size - 1.0)
    core_mass = top * (core_size - per_member(losing)) - (core_log_sum_ - per_member(np.where(losing, logs, 0.0)))
    total = article_mass + story_mass
    # a member with no terms, or whose terms the others carry none of, shares nothing with them
    sharing = (lengths > 0) & (distinct > per_member(counted == 1))
    with np.errstate(divide="ignore", invalid="ignore"):
        dice = np.where(sharing & (total > 0), 2.0 * shared / np.maximum(1.0, size - 1.0) / total, 0.0)
        coverage = np.where(sharing & (article_mass > 0), carried / article_mass, 0.0)
        core = np.where(sharing & (core_mass > 0), core_carried / core_mass, 0.0)
        numbers = np.where(sharing & (figures > 0), kept / figures, 0.0)
    vectors = np.array([member.vector for member in scored])
    rest = np.array(centroids) - vectors
    norms = np.sqrt(np.einsum("ij,ij->i", rest, rest))
    cosine = np.einsum("ij,ij->i", vectors, rest) / np.where(norms > 0, norms, 1.0)
    # The days of the others: the story's span, less the member's day where it is the first or the last.
    first, second, last, before_last = (np.array(values, dtype=np.int64) for values in story_values[7:])
    dated = np.array([member.day is not None for member in scored]) & (spanned > 0)
    day = np.array([member.day.toordinal() if member.day is not None else 0 for member in scored], dtype=np.int64)
    start, end = np.where(day == first, second, first), np.where(day == last, before_last, last)
    gap = np.where(dated, np.where(day < start, start - day, np.maximum(0, day - end)), 0).astype(float)
    scores = list(map(p, cosine.tolist(), closest, dice.tolist(), coverage.tolist(), core.tolist(), numbers.tolist(),
                      np.maximum(0.0, gap - 1.0).tolist()))
    ends = np.cumsum([len(rows) for _, _, rows, _ in asked]).tolist()
    return [scores[end - len(rows):end] for end, (_, _, rows, _) in zip(ends, asked, strict=True)]


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
    _shapes(index, prune=True)  # once a run: what stories that left the index held goes
    pairs = PairScores(index)
    own_scores: dict[tuple[str, str], tuple[np.ndarray, float]] = {}
    active = {story_id for story_id in touched if story_id in index.stories and index.stories[story_id].size}
    looked = set(active)
    for _ in range(ROUNDS):
        changed: set[str] = set()
        if members_of is not None:
            for move in _moves(index, active, members, members_of, placed, own_scores):
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
            for split in _splits(index, active | changed, members, members_of, taken):
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


def members_held(members: dict[str, list[Member]], story_id: str,
                 members_of: Callable[[str], list[Member]] | None) -> list[Member]:
    """A story's members as revision now holds them (read once, then kept up to date)."""
    if story_id not in members:
        members[story_id] = list(members_of(story_id)) if members_of is not None else []
    return members[story_id]


def _english(index: StoryIndex, story_id: str) -> bool:
    return index.crosslingual is None or index.crosslingual.english(story_id)


def _moves(index: StoryIndex, active: set[str], members: dict[str, list[Member]],
           members_of: Callable[[str], list[Member]], placed: set[str] | None,
           own_scores: dict[tuple[str, str], tuple[np.ndarray, float]]) -> list[Move]:
    """One round of moves out of the active stories: every member that may move (all, or those in
    `placed`) scored against its story without it and, where that leaves room for the margin, against
    its neighbours; the moves with the largest gains first, one per story given or taken. `own_scores`
    keeps each member's score against its own story for the rounds after (by story and member, with the
    centroid array it was scored with)."""
    params = index.params
    proposed = []
    # The stories' members that may move, and the left-out scores that no earlier round made, asked for
    # all the stories at once.
    waiting: list[tuple[StoryState, list[Member], list[int], dict[int, float]]] = []
    asked: list[Asked] = []
    for story_id in sorted(active):
        story = index.stories.get(story_id)
        if story is None or not story.size or not _english(index, story_id):
            continue
        own_members = members_held(members, story_id, members_of)
        if len(own_members) != story.size:
            continue  # the store and the index disagree (another run is writing): leave it as it is
        rows = [row for row, m in enumerate(own_members) if placed is None or m.id in placed]
        if not rows:
            continue
        # A member's score against its own story holds while the story has not changed (every change
        # gives it a new centroid array): a later round looking again around a neighbour reuses it.
        known = {row: kept[1] for row in rows if (kept := own_scores.get((story_id, own_members[row].id)))
                 is not None and kept[0] is story.centroid} if story.size > 1 else {}
        waiting.append((story, own_members, rows, known))
        if story.size > 1 and len(known) < len(rows):
            vectors = np.array([m.vector for m in own_members])  # stacked in C (vstack checks each row in Python)
            closest = vectors[rows] @ vectors.T  # all rows, as in the first round: the same product, to the bit
            closest[np.arange(len(rows)), rows] = -1.0  # a member is not its own closest
            nearest = closest.max(axis=1).tolist()
            fresh = [at for at, row in enumerate(rows) if row not in known]
            asked.append((story, own_members, [rows[at] for at in fresh], [nearest[at] for at in fresh]))
    known_of = {story.id: known for story, _, _, known in waiting}
    for (story, own_members, rows, _), scores in zip(asked, left_out(index, asked) if asked else [], strict=True):
        known = known_of[story.id]
        for row, own in zip(rows, scores, strict=True):
            known[row] = own
            own_scores[(story.id, own_members[row].id)] = (story.centroid, own)
    for story, own_members, rows, known in waiting:
        for row in rows:
            member, own = own_members[row], None
            if story.size > 1:
                own = known[row]
                if own >= 1.0 - params.move_margin:
                    continue
            best: tuple[StoryState | None, float] = (None, 0.0)
            for other, cosine in index.candidates(member.vector, member.day):
                if other.id == story.id or other.size == 0 or not _english(index, other.id):
                    continue
                p = probability(index.features(member.vector, set(member.terms), member.day, other, cosine), params)
                if p > best[1] or (p == best[1] and best[0] is not None and other.id < best[0].id):
                    best = (other, p)
            target, p = best
            if target is not None and p >= params.threshold and (own is None or p >= own + params.move_margin):
                proposed.append(Move(member.id, story.id, target.id, p, own))
    made: list[Move] = []
    busy: set[str] = set()
    for move in sorted(proposed, key=lambda m: (-(m.score - (m.own or 0.0)), m.member)):
        if move.source in busy or move.target in busy:
            continue
        busy.update((move.source, move.target))
        made.append(apply_move(index, members, members_of, move))
    return made


def apply_move(index: StoryIndex, members: dict[str, list[Member]], members_of: Callable[[str], list[Member]],
               move: Move) -> Move:
    """Take the member out of its story and put it in the target, in the index and in `members`; the
    move as made."""
    source, target = index.stories[move.source], index.stories[move.target]
    given = members[move.source]
    member = next(m for m in given if m.id == move.member)
    rest = without(source, given, member)
    given.remove(member)
    members_held(members, move.target, members_of).append(member)
    index.put_in(target, member.vector, set(member.terms), member.day)
    index.take_out(source, rest, [m.vector for m in given[-RECENT_MEMBERS:]])
    if given:
        return move
    members.pop(move.source)
    return replace(move, emptied=True)


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
            if other.id == story_id or other.size == 0 or key in scores or not _english(index, other.id):
                continue  # a pair both of whose stories were touched is scored once
            small, large = (story, other) if (story.size, story.id) < (other.size, other.id) else (other, story)
            scores[key] = score = pairs.score(small, large, threshold)
            of_story[key[0]].add(key)
            of_story[key[1]].add(key)
            if score >= threshold:  # the heap holds the pairs that may merge: most pairs never could
                heapq.heappush(heap, (-score, _Later(key)))

    # The active stories' neighbours all at once (no merge is made until all are scored).
    first = [index.stories[story_id] for story_id in sorted(active)
             if story_id in index.stories and index.stories[story_id].size and _english(index, story_id)]
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
        if _english(index, target.id):
            score_around(target.id)
    return merges


def quotation_merges(index: StoryIndex, pairs: Iterable[tuple[str, str]]) -> list[Merge]:
    """Merge the two live stories of each pair, whose reports quote one passage alike (a run of
    storyline.quoted_runs.QUOTE_WORDS words, a few days apart), whatever placement's model makes of
    them: reports of one statement that angle their headlines and leads differently score low on it,
    and the same ten words quoted is the stronger evidence. Each pair is followed through the merges
    made before it; a pair already one story, or not both live and English, is left. The larger story
    (else the older) keeps its id, as in `revise`'s merges; `score` is the pair's probability under
    placement's model, for the record."""
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
                or not _english(index, a) or not _english(index, b):
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


def _splits(index: StoryIndex, active: set[str], members: dict[str, list[Member]],
            members_of: Callable[[str], list[Member]], taken: Callable[[str], bool] | None) -> list[Split]:
    """Split each active story whose members fall into two parts that placement's model would not put
    together: the parts `halves` finds, each of SPLIT_PART members or more, scored against each other as
    merges score two stories (`PairScores`), below `ClusterParams.split_threshold`. The larger part
    keeps the story's id; the smaller becomes a new story. A story is weighed again only once it has
    grown by SPLIT_GROWTH (`index.weighed`); `taken` says which ids the store already holds."""
    made = []
    for story_id in sorted(active):
        story = index.stories.get(story_id)
        if story is None or not 2 * SPLIT_PART <= story.size <= SPLIT_MEMBERS or not _english(index, story_id):
            continue
        last = index.weighed.get(story_id)
        if last is not None and story.size < SPLIT_GROWTH * last:
            continue  # weighed at about this size: a story is weighed as it grows by a quarter, not at every run
        own = members_held(members, story_id, members_of)
        if len(own) != story.size:
            continue  # the store and the index disagree (another run is writing)
        index.weighed[story_id] = story.size
        large, small = sorted(halves(own, index.stats.weigher()), key=len, reverse=True)
        if len(small) < SPLIT_PART:
            continue
        score = together_score(index, story_id, large, small)
        if score >= index.params.split_threshold:
            continue
        new = part_state(new_story_id(index, story_id, taken), small)
        members[story_id], members[new.id] = large, small
        index.take_out(story, part_state(story_id, large), [m.vector for m in large[-RECENT_MEMBERS:]])
        index.add(new, [m.vector for m in small[-RECENT_MEMBERS:]])
        made.append(Split(story_id, new, tuple(m.id for m in small), score))
    return made


def together_score(index: StoryIndex, story_id: str, first: list[Member], second: list[Member]) -> float:
    """How probably two parts of a story's members are one story: placement's model with each part
    standing for an article against the other as a story (as merges score two stories, but with all
    members for the closest pair), the more probable of the two ways round."""
    vectors = np.array([m.vector for m in first]), np.array([m.vector for m in second])
    parts = part_state(f"{story_id}\x00first", first, vectors[0]), part_state(f"{story_id}\x00second", second, vectors[1])
    units = parts[0].unit_centroid(), parts[1].unit_centroid()
    closest = float((vectors[0] @ vectors[1].T).max())
    scores = []
    for (one, vector), (other, unit) in ((parts[0], units[0]), (parts[1], units[1])), ((parts[1], units[1]), (parts[0], units[0])):
        features = index.features(vector, story_terms(one), None, other, float(vector @ unit), closest)
        features["gap_days"] = max(0.0, span_gap(one, other) - 1.0)
        scores.append(probability(features, index.params))
    for part in parts:
        index.stats.forget(part.id)
    return max(scores)


def new_story_id(index: StoryIndex, story_id: str, taken: Callable[[str], bool] | None) -> str:
    """The id of a part split off a story: the story's own with a number no story has."""
    n = 1
    while f"{story_id}.{n}" in index.stories or (taken is not None and taken(f"{story_id}.{n}")):
        n += 1
    return f"{story_id}.{n}"


def part_state(story_id: str, part: list[Member], vectors: np.ndarray | None = None) -> StoryState:
    """A story of these members alone: their summed vectors (`vectors`, their rows, where the caller has
    stacked them), counted terms and span of days."""
    # counted in C, in the order the members first carry them
    terms = dict(Counter(chain.from_iterable(member.terms for member in part)))
    days = [m.day for m in part if m.day is not None]
    return StoryState(story_id, np.sum([m.vector for m in part] if vectors is None else vectors, axis=0), len(part), terms,
                      min(days) if days else None, max(days) if days else None)


def term_matrix(part: list[Member], weigh: Callable[[str], float]) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """Which member carries which key term (a row a member, a column a term, 1 where it does), each
    term's weight and the terms, in the order the members first carry them."""
    terms = list(dict.fromkeys(chain.from_iterable(member.terms for member in part)))
    columns = list(map({term: column for column, term in enumerate(terms)}.__getitem__,
                       chain.from_iterable(member.terms for member in part)))
    carries = np.zeros((len(part), len(terms)))
    carries[np.repeat(np.arange(len(part)), [len(member.terms) for member in part]), columns] = 1.0
    many = getattr(weigh, "many", None)  # cluster.Weigher's, in C
    weights = many(terms) if many is not None else np.fromiter(map(weigh, terms), dtype=float, count=len(terms))
    return carries, weights, terms


def halves(part: list[Member], weigh: Callable[[str], float]) -> tuple[list[Member], list[Member]]:
    """The two groups a story's members fall into by the names and figures they share: average-link
    clustering, stopped at two clusters, of the IDF-weighted Jaccard similarity of their key terms.
    Two events of one kind are told apart by their people, places and figures, not by their vectors,
    which their shared vocabulary makes alike. Members keep their order within each group."""
    carries, weights, _ = term_matrix(part, weigh)
    shared = (carries * weights) @ carries.T  # the weight of the terms two members share, all pairs at once
    mass = carries @ weights
    union = mass[:, None] + mass[None, :] - shared
    # Rounded so that members with the same terms tie exactly, whatever order the sums were made in.
    link = np.round(np.divide(shared, union, out=np.zeros_like(shared), where=union > 0), 12)
    first, second = average_link(link, -np.inf, 2)
    return [part[i] for i in first], [part[i] for i in second]


def average_link(link: np.ndarray, threshold: float, clusters: int = 1) -> list[list[int]]:
    """Average-link clustering of a symmetric matrix of similarities (`link`, changed in place), merging
    the most similar two clusters while that similarity reaches `threshold` and more than `clusters`
    remain: the clusters as lists of rows, each in order, in the order of their first row."""
    n = len(link)
    np.fill_diagonal(link, -np.inf)
    groups = [[i] for i in range(n)]
    sizes = [1.0] * n
    for _ in range(n - clusters):
        i, j = divmod(int(link.argmax()), n)
        if link[i, j] < threshold:
            break
        if i > j:
            i, j = j, i
        row = link[i]  # the merged cluster's links, made in place: (row * size + other * size) / sum, as ever
        row *= sizes[i]
        row += link[j] * sizes[j]
        row /= sizes[i] + sizes[j]
        link[:, i] = row
        link[j] = link[:, j] = -np.inf
        link[i, i] = -np.inf
        sizes[i] += sizes[j]
        groups[i] += groups[j]
        groups[j] = []
    return sorted((sorted(group) for group in groups if group), key=lambda group: group[0])
