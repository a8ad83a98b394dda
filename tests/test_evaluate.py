from storyline.evaluate.clusters import cluster_scores


def test_perfect_partition_scores_one():
    gold = {"a": "x", "b": "x", "c": "y"}
    scores = cluster_scores({"a": "1", "b": "1", "c": "2"}, gold)
    assert scores["b3_f1"] == 1.0 and scores["pairwise_f1"] == 1.0
    assert scores["clusters"] == 2 and scores["gold_clusters"] == 2


def test_everything_in_one_cluster_has_full_recall_and_low_precision():
    gold = {"a": "x", "b": "x", "c": "y", "d": "y"}
    scores = cluster_scores({k: "1" for k in gold}, gold)
    assert scores["b3_recall"] == 1.0
    assert scores["b3_precision"] == 0.5
    assert scores["pairwise_precision"] == round(2 / 6, 4)


def test_singletons_have_full_precision():
    gold = {"a": "x", "b": "x", "c": "x"}
    scores = cluster_scores({k: k for k in gold}, gold)
    assert scores["b3_precision"] == 1.0
    assert scores["b3_recall"] == round(1 / 3, 4)
    assert scores["pairwise_recall"] == 0.0
