"""A brief's parts share one embedding of each sentence: the comparison and the timeline ask for many
of the same, and a text's vector does not depend on what it is embedded beside."""

import numpy as np

from storyline.brief import embedding_once
from storyline.embed import load_static_embedder


def test_each_distinct_text_is_embedded_once_and_gets_the_vector_it_would_alone():
    model = load_static_embedder().embed
    asked: list[str] = []

    def counting(texts: list[str]) -> np.ndarray:
        asked.extend(texts)
        return np.asarray(model(texts))

    embed = embedding_once(counting)
    first = ["The ferry sank off the cape.", "Two crew were rescued.", "The ferry sank off the cape."]
    second = ["Two crew were rescued.", "Divers searched the wreck on Friday."]
    got_first, got_second = embed(first), embed(second)
    assert sorted(asked) == sorted(set(first + second))
    assert np.array_equal(got_first, np.asarray(model(first)))
    assert np.array_equal(got_second, np.asarray(model(second)))
    assert embed([]).shape[0] == 0


def test_a_process_remembers_only_the_last_sentences_it_was_asked_for():
    asked: list[str] = []

    def counting(texts: list[str]) -> np.ndarray:
        asked.extend(texts)
        return np.asarray(load_static_embedder().embed(texts))

    embed = embedding_once(counting, limit=2)
    embed(["one", "two", "three"])  # only "two" and "three" stay
    embed(["three", "one"])
    assert asked == ["one", "two", "three", "one"]

