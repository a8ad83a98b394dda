"""Revision's splits: a story whose members fall into two groups (`halves`, by the names and figures
they share) that placement's model would not put together (`together_score`) taken apart
(`story_splits`)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from itertools import chain

import numpy as np

from storyline.cluster import RECENT_MEMBERS, StoryIndex, probability
from storyline.model import StoryState
from storyline.revise.pairs import span_gap, story_terms
from storyline.revise.records import Member, Split, english, members_held

SPLIT_PART = 3  # the fewest members each part of a split story has
SPLIT_GROWTH = 1.25  # a story is weighed for a split again once it has grown by this factor since it last was
SPLIT_MEMBERS = 256  # stories larger than this are not split: finding the parts costs the cube of the size


def story_splits(index: StoryIndex, active: set[str], members: dict[str, list[Member]],
            members_of: Callable[[str], list[Member]], taken: Callable[[str], bool] | None) -> list[Split]:
    """Split each active story whose members fall into two parts that placement's model would not put
    together: the parts `halves` finds, each of SPLIT_PART members or more, scored against each other as
    merges score two stories (`PairScores`), below `ClusterParams.split_threshold`. The larger part
    keeps the story's id; the smaller becomes a new story. A story is weighed again only once it has
    grown by SPLIT_GROWTH (`index.weighed`); `taken` says which ids the store already holds."""
    made = []
    for story_id in sorted(active):
        story = index.stories.get(story_id)
        if story is None or not 2 * SPLIT_PART <= story.size <= SPLIT_MEMBERS or not english(index, story_id):
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
