"""Clusters against gold labels: B-cubed and pairwise precision, recall and F1."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def cluster_scores(predicted: Mapping[str, str], gold: Mapping[str, str]) -> dict[str, float | int]:
    """Scores of a predicted partition against a gold one, over the items both label."""
    items = sorted(set(predicted) & set(gold))
    if not items:
        raise ValueError("no item has both a predicted and a gold label")
    pred_members: dict[str, set[str]] = defaultdict(set)
    gold_members: dict[str, set[str]] = defaultdict(set)
    for item in items:
        pred_members[predicted[item]].add(item)
        gold_members[gold[item]].add(item)
    precision = recall = 0.0
    for item in items:
        p, g = pred_members[predicted[item]], gold_members[gold[item]]
        overlap = len(p & g)
        precision += overlap / len(p)
        recall += overlap / len(g)
    precision /= len(items)
    recall /= len(items)

    def pairs(members: Mapping[str, set[str]]) -> int:
        return sum(len(m) * (len(m) - 1) // 2 for m in members.values())

    joint = Counter((predicted[item], gold[item]) for item in items)
    true_pairs = sum(n * (n - 1) // 2 for n in joint.values())
    pred_pairs, gold_pairs = pairs(pred_members), pairs(gold_members)
    pair_precision = true_pairs / pred_pairs if pred_pairs else 1.0
    pair_recall = true_pairs / gold_pairs if gold_pairs else 1.0
    return {
        "b3_precision": round(precision, 4),
        "b3_recall": round(recall, 4),
        "b3_f1": round(f1(precision, recall), 4),
        "pairwise_precision": round(pair_precision, 4),
        "pairwise_recall": round(pair_recall, 4),
        "pairwise_f1": round(f1(pair_precision, pair_recall), 4),
        "clusters": len(pred_members),
        "gold_clusters": len(gold_members),
        "items": len(items),
    }


def before_revision(story_of: Mapping[str, str],
                    revisions: list[tuple[str, str, list[str]]]) -> dict[str, str]:
    """Each article's story as placement alone left it, from its story now and revision's moves and
    merges (the story left or merged away, the story joined, the articles that went), undone last first."""
    before = dict(story_of)
    for source, _, held in reversed(revisions):
        for article_id in held:
            if article_id in before:
                before[article_id] = source
    return before


def spread(values: list[float]) -> float:
    """How far apart the scores of several arrival orders lie: the best less the worst."""
    return round(max(values) - min(values), 4) if values else 0.0
