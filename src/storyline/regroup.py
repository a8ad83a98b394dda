"""Regrouping: the members of stories that placement's model links, grouped again from scratch, so
that the stories revision leaves do not depend on the order their reports arrived in.

Placement and revision's moves, merges and splits are greedy: which reports meet first decides which
stories form, and revision's story-to-story merges (at `ClusterParams.revise_threshold`, well above
placement's threshold) leave apart the fragments of one event that one order made and another did not
(ECB+ `train`: one event as 8, 3, 3 and 1 reports in one order, 7, 6 and 2 in another). After revision's
rounds, `regroup` takes each set of live stories that placement's model links (a pair reaching
placement's threshold, the smaller story standing for an article), forgets how their members were
grouped, and groups them again in an order that depends on the members alone (their ids, which are
made from their text or URL): average-link over every pair's probability as placement scores one
article against another (`pair_probabilities`) down to revision's merge threshold, then revision's
merges of those groups as stories down to `ClusterParams.regroup_threshold`, then revision's rounds
(moves, merges, splits) over them. The result is written back as moves and splits with stable ids.
Set `regroup_threshold` to 0 to leave revision as it was.

Regrouping remembers how it left each set (`as_left`): a set whose stories still hold the members it
grouped, with reports that came since, is not grouped again until it has doubled (REGROUP_GROWTH), so
that what a run costs follows what changed, not the size of every linked story the window holds. The
groups it weighed for a split are recorded in the index's `weighed`, as revision's own splits record
theirs, and a group holding a story's very members is weighed as that story would be."""

from __future__ import annotations

import weakref
from collections.abc import Callable
from dataclasses import replace

import numpy as np

from storyline.cluster import RECENT_MEMBERS, StoryIndex, probability
from storyline.revise import revise
from storyline.revise.merges import story_merges
from storyline.revise.moves import apply_move
from storyline.revise.pairs import PairScores
from storyline.revise.records import Member, Move, Revision, Split, members_held
from storyline.revise.splits import average_link, new_story_id, part_state, term_matrix, together_score

REGROUP_MEMBERS = 128  # linked stories with more members than this together are not regrouped
REGROUP_GROWTH = 2.0  # a set regrouping left is grouped again from scratch once its members have doubled
# A set of linked stories as regrouping last left it: each story's id and its members' ids then.
Grouping = dict[str, frozenset[str]]
# per index, per story of a set regrouping last left, that set's grouping (one object for all its stories)
_GROUPED: weakref.WeakKeyDictionary[StoryIndex, dict[str, Grouping]] = weakref.WeakKeyDictionary()


def regroup(index: StoryIndex, looked: set[str], members: dict[str, list[Member]],
             members_of: Callable[[str], list[Member]], pairs: PairScores,
             taken: Callable[[str], bool] | None) -> list[Revision]:
    """Regroup the members of linked stories from scratch, so that the partition does not depend on the
    order they arrived in: the stories revision looked at that placement's model links (a pair that
    reaches placement's threshold, the smaller story standing for an article) are taken together, their
    members (in the order of their ids) each made a story of its own, merged most probable pair first
    down to `ClusterParams.regroup_threshold`, and then revised as a run's stories are (moves, merges,
    splits). The groups so made are written back as moves and splits with stable ids: each group takes
    the id of the story it holds most members of (a story's id goes to one group only, the one holding
    most of it), a group left without one is split off the story it holds most of, and a story left
    empty resolves to the one its last member joined. Linked stories with more than REGROUP_MEMBERS
    members together, and those still as regrouping last left them (`as_left`), are left as they are;
    with `regroup_threshold` 0, nothing is regrouped."""
    params, parent = index.params, {}
    if params.regroup_threshold <= 0:
        return []

    def root(story_id: str) -> str:
        while parent.get(story_id, story_id) != story_id:
            story_id = parent[story_id]
        return story_id

    stories = [index.stories[story_id] for story_id in sorted(looked) if story_id in index.stories
               and index.stories[story_id].size and _english_only(index, story_id)]
    for story, near in zip(stories, index.nearest_many([pairs.unit(s) for s in stories], [s.last_seen for s in stories]),
                           strict=True):
        story_id = story.id
        for other in near:
            if other.id == story_id or not other.size or not _english_only(index, other.id):
                continue
            small, large = (story, other) if (story.size, story.id) < (other.size, other.id) else (other, story)
            if pairs.score(small, large, params.threshold) >= params.threshold:
                a, b = root(story_id), root(other.id)
                if a != b:
                    parent[max(a, b)] = min(a, b)
    linked: dict[str, set[str]] = {}
    for story_id in parent:
        linked.setdefault(root(story_id), set()).update((story_id, root(story_id)))
    made: list[Revision] = []
    grouped = _GROUPED.setdefault(index, {})
    for story_id in [story_id for story_id in grouped if story_id not in index.stories]:
        del grouped[story_id]
    for story_ids in (linked[key] for key in sorted(linked)):
        stories = [index.stories[story_id] for story_id in sorted(story_ids) if story_id in index.stories]
        if len(stories) < 2 or sum(story.size for story in stories) > REGROUP_MEMBERS:
            continue
        held = {story.id: members_held(members, story.id, members_of) for story in stories}
        if any(len(held[story.id]) != story.size for story in stories):
            continue  # the store and the index disagree (another run is writing): leave them as they are
        if as_left(grouped, held):
            continue  # as regrouping left them but for reports placed since: placement has had its say on those
        weighed = {frozenset(m.id for m in held[story_id]): index.weighed[story_id] for story_id in held
                   if story_id in index.weighed}
        found = _groups(index, [m for part in held.values() for m in part], weighed)
        groups = [group for group, _ in found]
        written, named = _write_groups(index, held, groups, members, members_of, taken)
        made.extend(written)
        for story_id, (_, size) in zip(named, found, strict=True):
            if size is not None:  # its members weighed for a split as they stand: not again before they grow
                index.weighed[story_id] = size
        grouping = {story_id: frozenset(m.id for m in group) for story_id, group in zip(named, groups, strict=True)}
        grouped.update((story_id, grouping) for story_id in grouping)
    return made


def as_left(grouped: dict[str, Grouping], held: dict[str, list[Member]]) -> bool:
    """Whether linked stories (by id, their members) are as regrouping last left them (`grouped`, per
    story the grouping of its set) but for reports that came since: the same stories, left together,
    each still holding every member it held then, and the set grown by less than REGROUP_GROWTH. A
    move, merge or split among the members regrouping grouped, or a story newly linked to them, has the
    set grouped again; a report that came since is placement's and revision's to weigh, as in any
    story, until the set has grown by REGROUP_GROWTH."""
    grouping = grouped.get(min(held))
    if grouping is None or grouping.keys() != held.keys() or any(grouped.get(story_id) is not grouping
                                                                 for story_id in held):
        return False
    if sum(map(len, held.values())) >= REGROUP_GROWTH * sum(map(len, grouping.values())):
        return False
    return all(grouping[story_id] <= {m.id for m in found} for story_id, found in held.items())


def _english_only(index: StoryIndex, story_id: str) -> bool:
    """Whether every member of the story is in English, as MiniLM, which regrouping reads, reads them: a
    story with a member in another language was placed by the cross-lingual scorer, which has had its say."""
    return index.crosslingual is None or index.crosslingual.only_english(story_id)


def _groups(index: StoryIndex, part: list[Member], weighed: dict[frozenset[str], int]) -> list[tuple[list[Member], int | None]]:
    """These members grouped from scratch, whatever stories they are in: each a story of its own, merged
    most probable pair first down to `regroup_threshold`, then revised (moves, merges, splits); each
    group in the order of its members' ids, the groups in the order of their first member's, each with
    the size its story was last weighed for a split at (None if never). `weighed` gives that size for
    stories of the index by their members' ids: a group that holds one's very members is weighed again
    only as that story would be (`revise.splits.SPLIT_GROWTH`)."""
    params = index.params
    regrouping = StoryIndex([], replace(params, revise_threshold=params.regroup_threshold, regroup_threshold=0.0),
                            index.stats)
    ordered = sorted(part, key=lambda m: m.id)
    held = {}
    for group in average_link(pair_probabilities(index, ordered), params.revise_threshold):
        found = [ordered[i] for i in group]
        held[f"\x00{found[0].id}"] = found
        regrouping.add(part_state(f"\x00{found[0].id}", found), [m.vector for m in found[-RECENT_MEMBERS:]])
    for merge in story_merges(regrouping, set(regrouping.stories), PairScores(regrouping)):
        held[merge.target.id].extend(held.pop(merge.source.id))
    regrouping.params = replace(params, regroup_threshold=0.0)
    for story_id, found in held.items():
        size = weighed.get(frozenset(m.id for m in found))
        if size is not None:
            regrouping.weighed[story_id] = size
    story_of = {member.id: story_id for story_id, found in held.items() for member in found}
    merged: dict[str, str] = {}
    for change in revise(regrouping, set(regrouping.stories), lambda story_id: held.get(story_id, [])):
        if isinstance(change, Move):
            story_of[change.member] = change.target
        elif isinstance(change, Split):
            story_of.update((member_id, change.target.id) for member_id in change.members)
        else:
            merged[change.source.id] = change.target.id
    for story_id in regrouping.stories:
        index.stats.forget(story_id)
    groups: dict[str, list[Member]] = {}
    for member in sorted(part, key=lambda m: m.id):
        story_id = story_of[member.id]
        while story_id in merged:
            story_id = merged[story_id]
        groups.setdefault(story_id, []).append(member)
    return [(group, regrouping.weighed.get(story_id)) for story_id, group in groups.items()]


def _write_groups(index: StoryIndex, held: dict[str, list[Member]], groups: list[list[Member]],
                  members: dict[str, list[Member]], members_of: Callable[[str], list[Member]],
                  taken: Callable[[str], bool] | None) -> tuple[list[Revision], list[str]]:
    """Make the index's stories `held` (by id, their members) hold `groups` instead, by splits and moves
    with stable ids (see `regroup`); the splits and moves as made, and the id of each group's story."""
    story_of = {member.id: story_id for story_id, part in held.items() for member in part}
    overlaps = sorted(((-sum(story_of[m.id] == story_id for m in group), -len(held[story_id]), story_id, at)
                       for at, group in enumerate(groups) for story_id in {story_of[m.id] for m in group}))
    named: dict[int, str] = {}
    for _, _, story_id, at in overlaps:
        if at not in named and story_id not in named.values():
            named[at] = story_id
    made: list[Revision] = []
    for at, group in enumerate(groups):
        if at in named:
            continue
        source = min({story_of[m.id] for m in group}, key=lambda s: (-sum(story_of[m.id] == s for m in group), s))
        part = [m for m in group if story_of[m.id] == source]
        parting = {m.id for m in part}
        rest = [m for m in members[source] if m.id not in parting]
        score = together_score(index, source, rest, part)
        new = part_state(new_story_id(index, source, taken), part)
        members[source], members[new.id] = rest, part
        index.take_out(index.stories[source], part_state(source, rest), [m.vector for m in rest[-RECENT_MEMBERS:]])
        index.add(new, [m.vector for m in part[-RECENT_MEMBERS:]])
        made.append(Split(source, new, tuple(m.id for m in part), score))
        named[at] = new.id
        story_of.update((m.id, new.id) for m in part)
    for at, group in enumerate(groups):
        target = index.stories[named[at]]
        for member in group:
            if story_of[member.id] == target.id:
                continue
            cosine = float(member.vector @ target.unit_centroid())
            score = probability(index.features(member.vector, set(member.terms), member.day, target, cosine), index.params)
            made.append(apply_move(index, members, members_of, Move(member.id, story_of[member.id], target.id, score, None)))
            story_of[member.id] = target.id
    return made, [named[at] for at in range(len(groups))]


def pair_probabilities(index: StoryIndex, part: list[Member]) -> np.ndarray:
    """Placement's probability for every pair of these members, each standing for an article against the
    other as a one-article story (the features `term_features` gives such a story, all pairs at once),
    the more probable of the two ways round."""
    n = len(part)
    carries, weights, terms = term_matrix(part, index.stats.weigher())
    figures = np.array([term[0].isdigit() for term in terms], dtype=float)
    shared = (carries * weights) @ carries.T
    mass = carries @ weights
    has = carries.any(axis=1)
    both = has[:, None] & has[None, :]
    total = mass[:, None] + mass[None, :]
    dice = np.divide(2.0 * shared, total, out=np.zeros_like(shared), where=both & (total > 0))
    coverage = np.divide(shared, mass[:, None] * np.ones(n), out=np.zeros_like(shared), where=both & (mass[:, None] > 0))
    core = np.divide(shared, np.ones(n)[:, None] * mass[None, :], out=np.zeros_like(shared), where=both & (mass[None, :] > 0))
    own_figures = carries @ figures
    numbers = np.divide((carries * figures) @ carries.T, own_figures[:, None] * np.ones(n),
                        out=np.zeros_like(shared), where=both & (own_figures[:, None] > 0))
    vectors = np.array([m.vector for m in part], dtype=np.float64)
    norms = np.linalg.norm(vectors, axis=1)
    dot = vectors @ vectors.T
    cosine = np.divide(dot, norms[None, :], out=np.zeros_like(dot), where=norms[None, :] > 0)
    dated = np.array([m.day is not None for m in part])
    days = np.array([m.day.toordinal() if m.day is not None else 0 for m in part], dtype=float)
    gap = np.where(dated[:, None] & dated[None, :], np.abs(days[:, None] - days[None, :]), 0.0)
    weight = index.params.weights.get
    logit = (index.params.bias + weight("cosine", 0.0) * cosine + weight("max_cosine", 0.0) * dot
             + weight("terms", 0.0) * dice + weight("coverage", 0.0) * coverage + weight("core", 0.0) * core
             + weight("numbers", 0.0) * numbers + weight("gap_days", 0.0) * np.maximum(0.0, gap - 1.0))
    probabilities = 1.0 / (1.0 + np.exp(-np.clip(logit, -60.0, 60.0)))
    return np.round(np.maximum(probabilities, probabilities.T), 12)
