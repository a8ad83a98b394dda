"""How right the progressions a real set's storylines show are: each judged by reading its sentences.

A real set may hold `progressions.json` (tests/fixtures/real: built from tools/progressions.py), one
judgement a progression as a reader sees it ("SUBJECT: value → value, day → day"): its `subject` and
`about` as shown, `verdict` right or wrong with a `reason`, and `sides`, the document spans of its
values. A predicted progression (a storyline's, across stories) matches a judgement when it shows the
same subject and kind and cites every side's span; precision is right / (right + wrong) over the
progressions a judgement matches. A progression no judgement matches is listed as unjudged (the next
reader judges it), a judgement nothing matches any more as gone (a wrong one fixed, or a right one lost).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol

from storyline.errors import InputError
from storyline.evaluate.spans import DocSpan, share

PROGRESSIONS_FILE = "progressions.json"


class Shown(Protocol):
    """What is read of a predicted progression (evaluate.real.PredictedClaim)."""

    @property
    def about(self) -> str | None: ...

    @property
    def text(self) -> str: ...  # the subject shown

    @property
    def across_stories(self) -> bool: ...

    def hits(self, side: DocSpan) -> bool: ...


def load_progression_judgements(folder: Path, split: str, events: Iterable[str] | None = None) -> list[dict[str, Any]]:
    """The judged progressions of a folder's split ([] where it has none), of the events named, if any."""
    path = folder / PROGRESSIONS_FILE
    if not path.is_file():
        return []
    try:
        items = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"{path}: not a JSON array of judged progressions ({exc})") from exc
    wanted = set(events or ())
    return [item for item in items if (split == "all" or item.get("split") == split)
            and (not wanted or item.get("gold") in wanted)]


def _matches(shown: Shown, judgement: Mapping[str, Any]) -> bool:
    return (shown.about == judgement["about"] and shown.text == judgement["subject"]
            and all(shown.hits(DocSpan.of(side)) for side in judgement["sides"]))


def score_progressions(judgements: Sequence[Mapping[str, Any]], predicted: Iterable[Shown]) -> dict[str, Any]:
    """Precision of the progressions shown across stories over the judged ones; the unjudged and the gone."""
    right = wrong = 0
    unjudged: list[str] = []
    matched: set[str] = set()
    for shown in (p for p in predicted if p.across_stories):
        found = [j for j in judgements if _matches(shown, j)]
        matched.update(j["id"] for j in found)
        if not found:
            unjudged.append(f"{shown.about}: {shown.text}")
        elif any(j["verdict"] == "right" for j in found):
            right += 1
        else:
            wrong += 1
    return {"progressions_judgements": len(judgements), "progression_precision": share(right, right + wrong),
            "progressions_right": right, "progressions_wrong": wrong, "progressions_unjudged": unjudged,
            "progression_judgements_gone": sorted(j["id"] for j in judgements if j["id"] not in matched)}


def progression_rows(scores: Mapping[str, Any]) -> list[list[str]]:
    """The row `storyline eval compare` prints for the judged progressions, where the set has any."""
    if not scores.get("progressions_judgements"):
        return []
    precision = scores["progression_precision"]
    return [["progressions across stories: precision", "-" if precision is None else f"{precision:.3f}",
             f"{scores['progressions_right']} right, {scores['progressions_wrong']} wrong, "
             f"{len(scores['progressions_unjudged'])} unjudged", ""]]
