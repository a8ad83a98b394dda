"""Dates read from article text against a gold set of expressions, each with the day (week, month or
year) a careful reader gives it: tests/fixtures/polnear_dates, `storyline eval dates`."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path
from typing import Any

from storyline.errors import StorylineError
from storyline.model import TimeExpression


def read_date_gold(path: Path) -> list[dict[str, Any]]:
    """The gold lines: id, published, start, end, kind, date (null where the words date nothing), rule."""
    try:
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    except (OSError, ValueError) as exc:
        raise StorylineError(f"{path}: not a date gold file (JSON Lines with id, start, end, date): {exc}") from exc


def read_texts(path: Path, ids: Iterable[str]) -> dict[str, str]:
    """The texts of the wanted ids from a PolNeAR-format JSON Lines file (id, text)."""
    wanted = set(ids)
    texts: dict[str, str] = {}
    try:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and (record := json.loads(line))["id"] in wanted:
                texts[record["id"]] = record["text"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise StorylineError(f"{path}: cannot read articles (JSON Lines with id and text): {exc}") from exc
    if missing := wanted - texts.keys():
        raise StorylineError(f"{path}: {len(missing)} gold articles are not here (e.g. {sorted(missing)[0]}); "
                             "point --data at the file the gold was sampled from")
    return texts


def predict_dates(gold: list[dict[str, Any]], texts: Mapping[str, str]) -> dict[str, list[TimeExpression]]:
    """Each gold article's dates as ingest reads them (the same spaCy pipeline and rules)."""
    from storyline.analyze import load_nlp, parse
    from storyline.analyze.dates import resolve_dates

    published = {item["id"]: date.fromisoformat(item["published"]) for item in gold}
    nlp = load_nlp()
    return {aid: resolve_dates(text, published[aid], parse(nlp(text))) for aid, text in texts.items()}


def _reading(item: Mapping[str, Any], times: list[TimeExpression]) -> str | None:
    """What storyline gives the gold span: the date of the expression overlapping it (its end date where the
    span is a range's last day, "between January 1 and [September 18]"), None for none."""
    for t in times:
        if t.start < item["end"] and item["start"] < t.end:
            is_last = t.end_date is not None and item["end"] == t.end and item["start"] > t.start
            return t.end_date if is_last else t.date
    return None


def score_dates(gold: list[dict[str, Any]], predicted: Mapping[str, list[TimeExpression]]) -> dict[str, Any]:
    """Accuracy of the dates storyline gives the gold expressions: right when its date (at its own
    granularity) is the gold's, or when it dates nothing where the gold says the words date nothing
    ("Saturday Night Live", "today" for nowadays). Items marked unsure count in `accuracy_all` only."""
    right = total = right_all = found = dated = 0
    by_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    errors = []
    for item in gold:
        reading = _reading(item, predicted.get(item["id"], []))
        ok = reading == item["date"]
        right_all += ok
        if item["date"] is not None:
            dated += 1
            found += reading is not None
        if item.get("unsure"):
            continue
        total += 1
        right += ok
        by_kind[item["kind"]][0] += ok
        by_kind[item["kind"]][1] += 1
        if not ok:
            errors.append({"id": item["id"], "start": item["start"], "end": item["end"], "kind": item["kind"],
                           "gold": item["date"], "storyline": reading, "rule": item["rule"]})
    return {"accuracy": round(right / total, 3) if total else 0.0, "right": right, "items": total,
            "accuracy_all": round(right_all / len(gold), 3) if gold else 0.0, "items_all": len(gold),
            "found": round(found / dated, 3) if dated else 0.0, "dated": dated,
            "by_kind": {kind: {"right": r, "items": n} for kind, (r, n) in sorted(by_kind.items())},
            "errors": errors}
