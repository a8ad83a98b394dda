"""Timelines and storylines against the gold: timeline dates, and storyline links between stories."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from typing import Any

from storyline.evaluate.clusters import f1
from storyline.model import TimelineEntry


def _majority_story(gold: dict[str, Any], story_of_path: Mapping[str, str]) -> dict[str, str]:
    """Each gold story's predicted story: the one holding most of its articles."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for path, entry in gold["articles"].items():
        if path in story_of_path:
            votes[entry["story"]][story_of_path[path]] += 1
    return {label: counter.most_common(1)[0][0] for label, counter in votes.items()}


def timeline_scores(gold: dict[str, Any], story_of_path: Mapping[str, str], timelines: Mapping[str, list[TimelineEntry]]) -> dict[str, Any]:
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
            "date_f1": round(f1(precision, recall), 4), "date_gold": wanted}


def storyline_scores(gold: dict[str, Any], story_of_path: Mapping[str, str], threads: list[list[str]]) -> dict[str, Any]:
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
            "link_f1": round(f1(precision, recall), 4), "link_gold": wanted}
