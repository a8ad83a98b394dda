"""The candidate pairs of a story's sentences are the pairs a plain loop over each distinct text's
nearest neighbours finds: copies of one text paired with each other first, then each text's
neighbours, nearest first, a pair kept where it is first found, at the highest cosine it is found
at; where two texts' first copies share an article, their other copies (up to four a side) are
paired instead. candidate_pairs makes them with arrays; the loop here is the reference."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.compare.align import candidate_pairs, nearest_neighbours
from storyline.text import fingerprint_text


@dataclass
class Sentence:
    text: str


def one_by_one(items: list[Sentence], vectors: np.ndarray, article: list[int], k: int,
               floor: float) -> dict[tuple[int, int], float]:
    if len(set(article)) < 2:
        return {}
    first: dict[str, int] = {}
    copies: dict[int, list[int]] = defaultdict(list)
    reps: list[int] = []
    for i, item in enumerate(items):
        key = fingerprint_text(item.text)
        if key not in first:
            first[key] = len(reps)
            reps.append(i)
        copies[first[key]].append(i)
    pairs: dict[tuple[int, int], float] = {}

    def add(i: int, j: int, s: float) -> None:
        if i != j and article[i] != article[j]:
            key = (min(i, j), max(i, j))
            if s > pairs.get(key, -1.0):
                pairs[key] = s

    for members in copies.values():
        for i in members[1:]:
            add(members[0], i, 1.0)
    ids, sims = nearest_neighbours(vectors[reps], k)
    for r in range(len(reps)):
        for j, s in zip(ids[r].tolist(), sims[r].tolist()):
            if j < 0 or s < floor:
                continue
            if article[copies[r][0]] != article[copies[j][0]]:
                add(copies[r][0], copies[j][0], s)
            elif len(copies[r]) > 1 or len(copies[j]) > 1:
                for x in copies[r][:4]:
                    for y in copies[j][:4]:
                        add(x, y, s)
    return pairs


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 9), st.integers(0, 4)), min_size=1, max_size=40),
       st.sampled_from([2, 5, 24]), st.sampled_from([-1.0, 0.0, 0.3]), st.integers(0, 2**16))
def test_candidate_pairs_are_those_a_loop_over_the_neighbours_finds(sentences, k, floor, seed):
    # sentence n of the story says text t (several articles may carry one text, one article several)
    texts = [f"Sentence number {t} of the story." for t, _ in sentences]
    article = [a for _, a in sentences]
    base = np.random.default_rng(seed).normal(size=(10, 16)).astype(np.float32)
    base /= np.linalg.norm(base, axis=1, keepdims=True)
    vectors = np.stack([base[t] for t, _ in sentences])
    items = [Sentence(t) for t in texts]
    got = candidate_pairs(items, vectors, lambda i: article[i], k, floor)
    assert list(got.items()) == list(one_by_one(items, vectors, article, k, floor).items())


def test_the_other_copies_are_paired_where_the_first_copies_share_an_article():
    # text A in articles 0 and 1, text B in articles 0 and 2: their first copies are both in article 0
    items = [Sentence("Text A was said."), Sentence("Text B was said."), Sentence("Text A was said."),
             Sentence("Text B was said.")]
    article = [0, 0, 1, 2]
    vectors = np.asarray([[1.0, 0.0], [0.8, 0.6], [1.0, 0.0], [0.8, 0.6]], dtype=np.float32)
    pairs = candidate_pairs(items, vectors, lambda i: article[i], 4, 0.5)
    assert list(pairs) == [(0, 2), (1, 3), (0, 3), (1, 2), (2, 3)]
    assert pairs[(2, 3)] == np.float32(0.8)
