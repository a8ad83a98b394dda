"""How the comparison does on fresh real text: every conflict it predicts on PolNeAR's labelled events, judged.

    storyline eval compare tests/fixtures/polnear_conflicts [--data ../shared/data/polnear/train.jsonl] [--json]

The folder holds `judgements.json` (every conflict and update the comparison predicted, judged right or
wrong by reading the texts, by document id and character span, never copied text) and names the
events file it compares (`events.jsonl` of tests/fixtures/polnear_events: an event label per
article). Each event with articles from two outlets or more is compared as one story, its articles
with their own outlets and publication days: the gold story, so that what is measured is the
comparison, not the clustering that would put the articles together (on these months it rarely does).

A prediction is matched to a judgement when it is of the same kind (conflict or update) in the same
event and each of the judgement's sides is a value of the prediction: its article and a span
overlapping the side. Precision is right / (right + wrong) over the predictions a judgement matches;
a prediction no judgement matches is listed as unjudged (the next reader judges it), and a judgement
no prediction matches any more is listed as gone (a fixed false conflict, or a right one lost).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from storyline.errors import InputError
from storyline.evaluate.spans import DocSpan, share

JUDGEMENTS_FILE = "judgements.json"
SETTINGS_FILE = "set.json"  # where the events are: {"events": "../polnear_events/events.jsonl"}
POLNEAR_TRAIN = Path("shared") / "data" / "polnear" / "train.jsonl"


def is_judged_set(folder: Path) -> bool:
    """Whether a folder holds judged predictions in the shape of tests/fixtures/polnear_conflicts."""
    return folder.is_dir() and (folder / JUDGEMENTS_FILE).is_file() and (folder / SETTINGS_FILE).is_file()


@dataclass(frozen=True)
class Side:
    """One outlet's value of a predicted conflict: its document and the value's span in the text as given."""

    doc: str
    value: str
    span: DocSpan


@dataclass(frozen=True)
class Predicted:
    event: str
    kind: str  # conflict or update
    about: str | None
    sides: tuple[Side, ...]

    def matches(self, judgement: Mapping[str, Any]) -> bool:
        """Whether this prediction is the one a judgement judges: same event and kind, and every judged
        side among its values (its document, an overlapping span)."""
        if judgement["event"] != self.event or judgement["kind"] != self.kind:
            return False
        return all(any(s.span.overlaps(DocSpan.of(side)) for s in self.sides) for side in judgement["sides"])


def data_path(folder: Path, data: Path | None = None) -> Path:
    """PolNeAR train: `data` if given, else ../shared/data/polnear/train.jsonl beside the repository."""
    if data is not None:
        return data
    for parent in [folder.resolve(), *folder.resolve().parents]:
        candidate = parent.parent / POLNEAR_TRAIN
        if candidate.is_file():
            return candidate
    raise InputError(f"PolNeAR train not found beside {folder}: pass --data PATH/train.jsonl")


def gold_label(record: Mapping[str, Any], gold: str) -> str | None:
    """An article's label under a gold of a judged set: `strict`, its `event`; `related`, the looser
    one, where a preview or an analysis written around an event joins it (its `related` label, else its
    event); any other name, the field of that name (a grouping of another kind: the stories storyline
    made), None where the article has none."""
    label = record.get("event") if gold == "strict" else record.get("related", record.get("event")) \
        if gold == "related" else record.get(gold)
    return None if label is None else str(label)


def event_documents(folder: Path, data: Path | None = None, related: bool = False,
                    gold: str | None = None) -> dict[str, list[dict[str, Any]]]:
    """The documents (id, source, date, title, text) of every event the folder's events file labels
    with articles from two outlets or more, oldest first, under a gold (gold_label; related: the
    `related` one)."""
    gold = gold or ("related" if related else "strict")
    settings = json.loads((folder / SETTINGS_FILE).read_text(encoding="utf-8"))
    labels: dict[str, str] = {}
    for line in (folder / settings["events"]).read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            label = gold_label(record, gold)
            if label is not None:
                labels[record["id"]] = label
    events: dict[str, list[dict[str, Any]]] = defaultdict(list)
    with data_path(folder, data).open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if record["id"] in labels:
                events[labels[record["id"]]].append(record)
    return {event: sorted(docs, key=lambda d: (d["date"], d["id"])) for event, docs in sorted(events.items())
            if len({d["source"] for d in docs}) > 1}


def predict_judged(events: Mapping[str, list[dict[str, Any]]],
                   embed: Callable[[list[str]], Any] | None = None) -> list[Predicted]:
    """Compare each event's documents as one story and give every conflict and update, its values'
    spans mapped to the documents' text as given."""
    from storyline.analyze import analyze_in_languages, canonical_entities
    from storyline.compare import StoryArticle, compare_story
    from storyline.embed import load_static_embedder
    from storyline.evaluate.real import stored_to_given
    from storyline.text import normalize_text

    embed = embed or load_static_embedder().embed
    predicted = []
    for event, docs in events.items():
        texts = [normalize_text(d["text"]) for d in docs]
        days = [datetime.fromisoformat(d["date"]).replace(tzinfo=UTC) for d in docs]
        analyses = analyze_in_languages((text, day, "en") for text, day in zip(texts, days))
        articles = [StoryArticle(id=d["id"], source=d["source"], group=d["id"], text=text, published=day,
                                 analysis=analysis, language="en")
                    for d, text, day, analysis in zip(docs, texts, days, analyses)]
        mapping = {d["id"]: stored_to_given(d["text"], text) for d, text in zip(docs, texts)}
        entities = canonical_entities({a.id: a.analysis.mentions for a in articles}, {a.id: a.text for a in articles})
        for claim in compare_story(articles, entities, embed).claims:
            payload: Any = claim.get("update") or claim.get("conflict")  # an update is a claim with `update`
            kind = "update" if claim.get("update") else "conflict"
            if not isinstance(payload, dict) or (kind == "conflict" and claim["status"] != "conflict"):
                continue
            sides = []
            for value in payload.get("values", []):
                for evidence in value.get("evidence", []):
                    doc = str(evidence["article"])
                    to_given = mapping.get(doc)
                    start, end = int(evidence["start"]), int(evidence["end"])
                    if to_given is not None:
                        start, end = to_given[start], to_given[end]
                    sides.append(Side(doc, str(value.get("value")), DocSpan(doc, start, end)))
            predicted.append(Predicted(event, kind, payload.get("about"), tuple(sides)))
    return predicted


def score_judged(predicted: Sequence[Predicted], judgements: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """Precision of the predicted conflicts and updates over the judged ones; the unjudged and the gone listed."""
    scores: dict[str, Any] = {}
    matched: set[str] = set()
    for kind in ("conflict", "update"):
        right = wrong = 0
        unjudged = []
        for p in (p for p in predicted if p.kind == kind):
            found = [j for j in judgements if p.matches(j)]
            matched.update(j["id"] for j in found)
            if not found:
                unjudged.append({"event": p.event, "about": p.about,
                                 "sides": [{"doc": s.doc, "start": s.span.start, "end": s.span.end, "value": s.value}
                                           for s in p.sides]})
            elif any(j["verdict"] == "right" for j in found):
                right += 1
            else:
                wrong += 1
        scores[f"{kind}_precision"] = share(right, right + wrong)
        scores[f"{kind}s_right"] = right
        scores[f"{kind}s_wrong"] = wrong
        scores[f"{kind}s_unjudged"] = unjudged
    scores["judgements_gone"] = sorted(j["id"] for j in judgements if j["id"] not in matched)
    return scores


def evaluate_judged(folder: Path, data: Path | None = None, events: Sequence[str] | None = None,
                    embed: Callable[[list[str]], Any] | None = None) -> dict[str, Any]:
    """Compare every multi-outlet event of the folder's events file, under each gold its set.json names
    (`strict`, `related`: previews and analyses joined to their event, or a field of the events file:
    gold_label), and score the predictions against its judgements; a prediction two golds make is
    counted once."""
    golds = json.loads((folder / SETTINGS_FILE).read_text(encoding="utf-8")).get("golds", ["strict"])
    predicted: dict[tuple[str, frozenset[DocSpan]], Predicted] = {}
    counts = {}
    for gold in golds:
        stories = {event: docs for event, docs in event_documents(folder, data, gold=gold).items()
                   if events is None or event in events}
        counts[gold] = {"events": len(stories), "documents": sum(len(docs) for docs in stories.values())}
        for p in predict_judged(stories, embed):
            predicted.setdefault((p.kind, frozenset(s.span for s in p.sides)), p)
    judgements = [j for j in json.loads((folder / JUDGEMENTS_FILE).read_text(encoding="utf-8"))
                  if events is None or j["event"] in events]
    scores = score_judged(list(predicted.values()), judgements)
    scores["judgements"] = len(judgements)
    scores["golds"] = counts
    return scores


def judged_rows(scores: Mapping[str, Any]) -> list[list[str]]:
    """The table `storyline eval compare` prints for a judged set."""
    rows = []
    for kind in ("conflict", "update"):
        precision = scores[f"{kind}_precision"]
        rows.append([f"{kind}s: precision", "-" if precision is None else f"{precision:.3f}",
                     f"{scores[f'{kind}s_right']} right, {scores[f'{kind}s_wrong']} wrong, "
                     f"{len(scores[f'{kind}s_unjudged'])} unjudged"])
    rows.append(["judgements no longer predicted", str(len(scores["judgements_gone"])),
                 f"of {scores['judgements']}"])
    return rows
