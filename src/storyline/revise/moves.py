"""Revision's moves: each member a run placed scored against its story without it (`left_out`) and
against the stories nearest it, and moved where another story wants it more (`member_moves`)."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import replace
from itertools import chain, repeat
from operator import itemgetter

import numpy as np

from storyline.cluster import LARGE_STORY, LOG_HALF, RECENT_MEMBERS, StoryIndex, probability
from storyline.model import StoryState
from storyline.revise.pairs import chance
from storyline.revise.records import Member, Move, english, members_held

first_character = itemgetter(0)


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
    flat: list[str] = []  # the terms of the members scored, member after member
    found: list[int] = []  # ... each one's count in its story
    core_terms: list[bool] = []  # ... whether it stays in the core without the member
    lose: list[bool] = []  # ... whether it stays there only if the member does not carry it
    scored: list[Member] = []
    closest: list[float] = []
    # per story asked, one row of its sums (size, term count and log sum, distinct terms, core size and
    # log sum, whether its members give two days or more), one of its first two and last two days, its
    # centroid and how many of its members are scored: each row repeated for each of those members
    sums: list[tuple[float, ...]] = []
    spans: list[tuple[int, int, int, int]] = []
    centroids: list[np.ndarray] = []
    scored_of: list[int] = []
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
        sums.append((size, side.count, side.log_sum, len(counts), len(always) + len(unless), core_log_sum,
                     len(days) > 1))
        spans.append((days[0], days[1], days[-1], days[-2]) if len(days) > 1 else (0, 0, 0, 0))
        centroids.append(story.centroid)
        scored_of.append(len(these))
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

    size, side_count, side_log_sum, distinct, core_size, core_log_sum_, spanned = np.repeat(
        np.array(sums, dtype=float), scored_of, axis=0).T
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
    rest = np.repeat(np.array(centroids), scored_of, axis=0) - vectors
    norms = np.sqrt(np.einsum("ij,ij->i", rest, rest))
    cosine = np.einsum("ij,ij->i", vectors, rest) / np.where(norms > 0, norms, 1.0)
    # The days of the others: the story's span, less the member's day where it is the first or the last.
    first, second, last, before_last = np.repeat(np.array(spans, dtype=np.int64), scored_of, axis=0).T
    dated = np.array([member.day is not None for member in scored]) & (spanned > 0)
    day = np.array([member.day.toordinal() if member.day is not None else 0 for member in scored], dtype=np.int64)
    start, end = np.where(day == first, second, first), np.where(day == last, before_last, last)
    gap = np.where(dated, np.where(day < start, start - day, np.maximum(0, day - end)), 0).astype(float)
    scores = list(map(p, cosine.tolist(), closest, dice.tolist(), coverage.tolist(), core.tolist(), numbers.tolist(),
                      np.maximum(0.0, gap - 1.0).tolist()))
    ends = np.cumsum(scored_of).tolist()
    return [scores[end - count:end] for end, count in zip(ends, scored_of, strict=True)]




def member_moves(index: StoryIndex, active: set[str], members: dict[str, list[Member]],
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
        if story is None or not story.size or not english(index, story_id):
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
            # a large story's latest members only: its nearest fellow member is looked for among them
            start = max(0, len(own_members) - LARGE_STORY)
            vectors = np.array([m.vector for m in own_members[start:]])  # stacked in C (vstack checks each row)
            chosen = np.array([own_members[row].vector for row in rows]) if start else vectors[rows]
            closest = chosen @ vectors.T  # all rows, as in the first round: the same product, to the bit
            inside = np.array([at for at, row in enumerate(rows) if row >= start], dtype=np.int64)
            closest[inside, np.array(rows, dtype=np.int64)[inside] - start] = -1.0  # a member is not its own closest
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
                if other.id == story.id or other.size == 0 or not english(index, other.id):
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
