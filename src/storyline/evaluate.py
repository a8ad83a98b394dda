"""Quality against gold answers: clusters (B-cubed and pairwise), timeline dates, storyline links."""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path
from typing import Mapping


def gold_article_path(root: Path, gold: Mapping, key: str) -> Path | None:
    """The file a gold article key names: under root/articles, else root, else one of the gold's
    `include` folders (relative to root), so a corpus can label articles of another corpus by their
    own paths (the multilingual fixtures label their English counterparts by their demo paths)."""
    for base in (root / "articles", root, *(root / folder for folder in gold.get("include", []))):
        if (base / key).is_file():
            return base / key
    return None


def gold_article_outlet(key: str) -> str | None:
    """The outlet a gold key implies: its folder, as `storyline ingest` names it; None for a bare file."""
    parts = Path(key).parts
    return parts[0] if len(parts) > 1 else None


def _f1(precision: float, recall: float) -> float:
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
        "b3_f1": round(_f1(precision, recall), 4),
        "pairwise_precision": round(pair_precision, 4),
        "pairwise_recall": round(pair_recall, 4),
        "pairwise_f1": round(_f1(pair_precision, pair_recall), 4),
        "clusters": len(pred_members),
        "gold_clusters": len(gold_members),
        "items": len(items),
    }


def _majority_story(gold: dict, story_of_path: Mapping[str, str]) -> dict[str, str]:
    """Each gold story's predicted story: the one holding most of its articles."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for path, entry in gold["articles"].items():
        if path in story_of_path:
            votes[entry["story"]][story_of_path[path]] += 1
    return {label: counter.most_common(1)[0][0] for label, counter in votes.items()}


def timeline_scores(gold: dict, story_of_path: Mapping[str, str], timelines: Mapping[str, list[dict]]) -> dict:
    """Micro-averaged precision, recall and F1 of the dates on each gold story's timeline, against the
    timeline of its predicted story. A date counts at its own granularity ("2007" is not "2007-08-15")."""
    predicted_of = _majority_story(gold, story_of_path)
    true = predicted = wanted = 0
    for label, story in gold["stories"].items():
        gold_dates = {entry["date"] for entry in story.get("timeline", [])}
        if not gold_dates or label not in predicted_of:
            continue
        found = {entry["date"] for entry in timelines.get(predicted_of[label], [])}
        true += len(gold_dates & found)
        predicted += len(found)
        wanted += len(gold_dates)
    precision = true / predicted if predicted else 0.0
    recall = true / wanted if wanted else 0.0
    return {"date_precision": round(precision, 4), "date_recall": round(recall, 4),
            "date_f1": round(_f1(precision, recall), 4), "date_gold": wanted}


def storyline_scores(gold: dict, story_of_path: Mapping[str, str], threads: list[list[str]]) -> dict:
    """Pairwise precision and recall of storyline links between gold stories: two gold stories are
    linked when a gold storyline holds both, and predicted linked when their predicted stories are
    one story or in one thread."""
    predicted_of = _majority_story(gold, story_of_path)
    thread_of = {story: i for i, thread in enumerate(threads) for story in thread}
    line_of = {story: name for name, stories in gold.get("storylines", {}).items() for story in stories}
    labels = sorted(predicted_of)
    true = predicted = wanted = 0
    for i, a in enumerate(labels):
        for b in labels[i + 1:]:
            gold_link = a in line_of and line_of.get(a) == line_of.get(b)
            pa, pb = predicted_of[a], predicted_of[b]
            link = pa == pb or (pa in thread_of and thread_of.get(pa) == thread_of.get(pb))
            true += gold_link and link
            predicted += link
            wanted += gold_link
    precision = true / predicted if predicted else 1.0
    recall = true / wanted if wanted else 1.0
    return {"link_precision": round(precision, 4), "link_recall": round(recall, 4),
            "link_f1": round(_f1(precision, recall), 4), "link_gold": wanted}
