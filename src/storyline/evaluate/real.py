"""How the comparison does on real reports: the hand-annotated ECB+ development set.

    storyline eval compare tests/fixtures/real [--split train|dev|all] [--events 20_ecb,…] [--json]

evaluate_real(folder, settings) ingests the documents of the annotated events into one temporary
database, the way a user would (a JSON Lines file read by the ordinary reader: one article per ECB+
document, its text as the reporter wrote it (ECB+ stores it tokenised; evaluate/detokenize.py
undoes that and maps spans back), its outlet the document id, so every document is an independent
outlet, and its day as the folder dates it, below), reads every story's brief through load_brief (what `show --json` prints),
and scores the briefs against the folder's annotation (its README.md says what each file holds).
Nothing forces an event's documents into one story: clustering is measured as it is, and the items
whose sides landed in different stories are counted. One database for all the events, not one per
event (per_event=True, `--per-event`): clustering reads the whole database (its word statistics),
and an event alone in a database splits into many more stories than among others, which is not
what a user who follows the news gets.

How the documents are dated (days_from, `--days`):
- "published" (the default where the folder has a published.json): every document carries the day it
  was published, as published.json gives it (read from each document by the annotator: its dateline,
  or its own "yesterday" or "Saturday" against the event's day; an event whose texts give only its
  weekday is placed in the shared day's week), the way a user's feed dates its articles. A document
  whose day the text does not allow is ingested without a date, as a user's undated article would be:
  it can join a story but is no step of an update, which needs days; the JSON lists them
  (documents_undated). Reports weeks or years apart arrive as a user's feed brings them, and
  clustering may put them in different stories. One database scores everything.
- "updates" (the default without a published.json): every document sits on one shared day (ECB+
  stores no dates), and updates are scored on a second database of the events that hold one, where
  the documents of an update's sides are dated one day apart in the order the annotation gives
  (earliest first; the longest chain of updates before a document sets its day) and every other
  document keeps the shared day. The order is the gold's own, and a report written days later that
  no update cites sits on the first day. A second database, because dating documents changes the
  order they arrive in, and online clustering depends on that order.

Rules (a claim "hits" a side when one of its spans is in the side's document and overlaps its
characters; a conflict's spans are its values' evidence where it gives them, since a sentence can
carry a disputed figure and a look-alike one, else its evidence sentences):
- conflicts: a predicted conflict opposes two sides when it hits both and, where it names values,
  gives them two different ones (a conflict of three outlets does not dispute what two of them
  agree on). A gold conflict is found when one predicted conflict opposes its sides; it is found
  with values when, besides, for each side the predicted value given for that side's document
  hits the side's span or equals its annotated value (figures compared as numbers). A predicted
  conflict is right when it finds a gold conflict and wrong when, finding none, it opposes the sides
  of a look-alike, of an update or of a claim pair judged `same`; precision is right / (right +
  wrong). The annotation is not exhaustive, so conflicts that touch no annotated pair are counted
  apart (unjudged), and right / all predicted is given as a lower bound.
- look-alikes left alone: the share of look-alikes whose two sides no predicted conflict opposes.
- updates found: every consecutive pair of sides is hit by one predicted update (a claim with
  status `update`, or an `update`/`progression` object with `values`, should the brief get one; or
  a progression of a storyline, `storyline ID --json`, whose values stand in its stories) or, as
  long as there is none, by a predicted conflict, with the earlier side's value listed first. Both
  ways are also counted apart, and the updates found only through a storyline's progression
  (updates_across_stories); a conflict is still a wrong conflict.
- claim groups: a pair is put together when one predicted claim that is not a conflict or an
  update hits both units. Precision is the share of `same` pairs among those put together; recall
  the share of `same` pairs put together.
- quote pairs (quote_pairs.json, where the folder has one): see storyline.evaluate.quote_pairs.
- progressions across stories (progressions.json, where the folder has one: each progression a
  storyline showed, judged by reading it): see storyline.evaluate.progression_judgements.
- split: for every item, whether its sides landed in different stories (or in none): a failure
  of clustering, not of the comparison, reported so that the figures can be read.
"""

from __future__ import annotations

import json
import re
import tempfile
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path
from typing import Any

from storyline.errors import InputError
from storyline.evaluate.detokenize import Detokenized, detokenize
from storyline.evaluate.gold import json_lines
from storyline.evaluate.progression_judgements import load_progression_judgements, progression_rows, score_progressions
from storyline.evaluate.quote_pairs import PredictedQuote, quote_pair_rows, score_quote_pairs
from storyline.evaluate.spans import DocSpan, share
from storyline.lang.en import WEEKDAYS
from storyline.model import Record
from storyline.settings import Settings

REAL_FILES = ("conflicts.json", "lookalikes.json", "updates.json", "claim_groups.json")
QUOTE_PAIRS_FILE = "quote_pairs.json"  # optional: quotations paired across outlets (same statement or not)
PUBLISHED_FILE = "published.json"  # optional: the day each document was published
DOCUMENTS_FILE = "documents.jsonl"  # a folder may carry its own documents (the tests' small set does)
ECBPLUS = Path("shared") / "data" / "ecbplus" / "ecbplus_train_dev.jsonl"
SHARED_DAY = date(2024, 1, 8)
SPLITS = ("train", "dev", "all")
DAYS_FROM = ("published", "updates")  # what dates the documents (see the module docstring)


def is_real_set(folder: Path) -> bool:
    """Whether a folder holds an annotation in the shape of tests/fixtures/real (rather than a demo's gold.json)."""
    return folder.is_dir() and all((folder / name).is_file() for name in REAL_FILES)


@dataclass(frozen=True)
class PredictedValue:
    docs: tuple[str, ...]  # the documents of the value's article (several when exact copies were merged)
    value: str
    normalized: str | None
    spans: tuple[DocSpan, ...]


@dataclass(frozen=True)
class PredictedClaim:
    """A claim of a brief, its spans mapped back to documents. kind: claim, conflict or update."""

    run: str  # the database it came from
    story: str
    kind: str
    about: str | None
    text: str
    spans: tuple[DocSpan, ...]  # the claim's evidence: whole sentences
    values: tuple[PredictedValue, ...] = ()
    across_stories: bool = False  # a storyline's progression, whose values stand in its stories

    def hits(self, side: DocSpan) -> bool:
        """Whether the claim cites this side: by its values' spans where it gives them (a sentence can
        carry a disputed figure and a look-alike one), else by its evidence."""
        spans = [span for v in self.values for span in v.spans] or self.spans
        return any(span.overlaps(side) for span in spans)

    def cites_sentence(self, side: DocSpan) -> bool:
        return any(span.overlaps(side) for span in self.spans)


@dataclass
class Prediction:
    """What a user gets from one database: each document's story, and every claim of every brief."""

    story_of: dict[str, str | None] = field(default_factory=dict)
    claims: list[PredictedClaim] = field(default_factory=list)
    stories: int = 0
    quotes: list[PredictedQuote] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)


@dataclass
class RealSet:
    conflicts: list[dict[str, Any]]
    lookalikes: list[dict[str, Any]]
    updates: list[dict[str, Any]]
    claim_groups: list[dict[str, Any]]
    quote_pairs: list[dict[str, Any]] = field(default_factory=list)
    progressions: list[dict[str, Any]] = field(default_factory=list)  # judged progressions (progression_judgements)

    def items(self) -> Iterable[dict[str, Any]]:
        yield from self.conflicts
        yield from self.lookalikes
        yield from self.updates
        yield from self.claim_groups
        yield from self.quote_pairs

    def events(self) -> list[str]:
        return sorted({event for item in self.items() for event in _events_of(item)})


def _events_of(item: dict[str, Any]) -> list[str]:
    gold = item["gold"]
    return list(gold) if isinstance(gold, list) else [gold]


def _sides(item: dict[str, Any]) -> list[dict[str, Any]]:
    return item.get("sides") or item.get("units") or []



def load_real_set(folder: Path, split: str = "all", events: Sequence[str] | None = None) -> RealSet:
    """The annotation files of a folder (the four of REAL_FILES, and quote pairs where it has them),
    keeping the items of one split (and of the events named)."""
    if split not in SPLITS:
        raise InputError(f"--split {split!r}: use one of {', '.join(SPLITS)}")
    parts = []
    names = REAL_FILES + ((QUOTE_PAIRS_FILE,) if (folder / QUOTE_PAIRS_FILE).is_file() else ())
    for name in names:
        path = folder / name
        try:
            items = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise InputError(f"{path}: not a JSON array of annotated items ({exc})") from exc
        wanted = set(events or ())
        parts.append([item for item in items if (split == "all" or item.get("split") == split)
                      and (not wanted or wanted & set(_events_of(item)))])
    real = RealSet(*parts)
    real.progressions = load_progression_judgements(folder, split, events)
    if events and not real.events():
        raise InputError(f"{folder}: no annotated item of the {split} split is about {', '.join(events)}")
    return real


def documents_path(folder: Path) -> Path:
    """The documents an annotation points into: the folder's own documents.jsonl, else the shared ECB+
    file found beside an ancestor of the folder (<repo>/../shared/data/ecbplus/…)."""
    own = folder / DOCUMENTS_FILE
    if own.is_file():
        return own
    for parent in folder.resolve().parents:
        if (parent / ECBPLUS).is_file():
            return parent / ECBPLUS
    raise InputError(f"{folder}: no {DOCUMENTS_FILE} here and no {ECBPLUS} beside any folder above it; "
                     "give the documents with --data FILE")


def read_documents(path: Path, events: Iterable[str]) -> dict[str, list[dict[str, Any]]]:
    """The documents ({"id", "text", …}) of each event named, in file order."""
    wanted = set(events)
    by_event: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for _, record in json_lines(path, "documents"):
        if record.get("gold") in wanted:
            by_event[record["gold"]].append(record)
    return dict(by_event)


def document_days(updates: Iterable[dict[str, Any]], docs: Iterable[str], shared: date = SHARED_DAY) -> dict[str, date]:
    """A day for each document: the shared day, plus one day per update side that must come before it.

    An order that contradicts an earlier one (a cycle) is dropped rather than guessed at."""
    before: dict[str, set[str]] = defaultdict(set)  # doc -> the docs that must be earlier

    def precedes(a: str, b: str) -> bool:
        """Whether the orders so far put a before b."""
        todo, seen = [b], set()
        while todo:
            doc = todo.pop()
            if a in before[doc]:
                return True
            seen.add(doc)
            todo.extend(d for d in before[doc] if d not in seen)
        return False

    for update in updates:
        names = [side["doc"] for side in update["sides"]]
        for a, b in pairwise(names):
            if a != b and not precedes(b, a):
                before[b].add(a)
    level: dict[str, int] = {}

    def depth(doc: str) -> int:
        if doc not in level:
            level[doc] = 0
            level[doc] = max((depth(d) + 1 for d in before[doc]), default=0)
        return level[doc]

    return {doc: shared + timedelta(days=depth(doc)) for doc in docs}


def weekday_day(weekday: str, after: int, shared: date = SHARED_DAY) -> date:
    """The day `after` days past an event's weekday, where the texts give the weekday but no date: the
    event's weekday is placed in the week of the shared day (on or after it)."""
    number = WEEKDAYS.index(weekday.lower())
    return shared + timedelta(days=(number - shared.weekday()) % 7 + after)


def publication_days(folder: Path) -> dict[str, date | None]:
    """The day each document was published, as the folder's published.json gives it (read from the
    document by an annotator: a date, "Weekday+N" for N days after an event known only by its
    weekday, or null where the text allows no day). A document it does not name has no known day."""
    path = folder / PUBLISHED_FILE
    if not path.is_file():
        return {}
    try:
        rows = json.loads(path.read_text(encoding="utf-8"))
        days: dict[str, date | None] = {}
        for row in rows:
            day = row["day"]
            relative = re.fullmatch(r"([A-Za-z]+)\+(\d+)", day) if isinstance(day, str) else None
            days[row["doc"]] = (None if day is None else weekday_day(relative.group(1), int(relative.group(2)))
                                if relative else date.fromisoformat(day))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise InputError(f"{path}: not a JSON array of documents' publication days ({exc})") from exc
    return days


def stored_to_given(given: str, stored: str) -> list[int] | None:
    """For each position of the stored (normalised) text, the position in the text as given; None when
    they are the same. Normalising only drops or squeezes spacing and control characters."""
    if given == stored:
        return None
    def same(a: str, b: str) -> bool:
        return a == b or (b == " " and a.isspace() and a not in "\r\n")  # a tab squeezed to a space

    mapping = []
    i = 0
    for ch in stored:
        while i < len(given) and not same(given[i], ch) and (given[i].isspace()
                                                              or unicodedata.category(given[i]) == "Cc"):
            i += 1  # dropped by normalisation
        mapping.append(min(i, len(given)))
        i += 1  # the same character, or its normalised form
    mapping.append(min(i, len(given)))
    return mapping


def predict(label: str, documents: list[dict[str, Any]], days: Mapping[str, date | None], settings: Settings,
            workdir: Path) -> Prediction:
    """Ingest documents into a new database, as a user would, and read back every story's brief."""
    from storyline.brief import load_brief, load_storylines
    from storyline.pipeline import ingest
    from storyline.progressions import kept_progressions
    from storyline.sources import read_inputs
    from storyline.store import open_store

    feed = workdir / f"{label}.jsonl"
    read_as = {record["id"]: detokenize(record["text"]) for record in documents}
    with feed.open("w", encoding="utf-8") as out:
        for record in documents:
            day = days.get(record["id"])
            out.write(json.dumps({"id": record["id"], "text": read_as[record["id"]].text, "source": record["id"],
                                  **({"date": day.isoformat()} if day else {})}, ensure_ascii=False) + "\n")
    db = workdir / f"{label}.db"
    settings = replace(settings, db=str(db))
    items = list(read_inputs([str(feed)], settings))
    doc_of_origin = {item.origin: item.external_id for item in items if isinstance(item, Record) and item.external_id}
    given = {doc: text.text for doc, text in read_as.items()}
    prediction = Prediction()
    with open_store(db) as store:
        report = ingest(items, store, settings)
        prediction.rejected = [r.origin for r in report.rejected]
        docs_of_article: dict[str, list[str]] = defaultdict(list)
        for origin, article_id in report.article_of.items():
            if origin in doc_of_origin:
                docs_of_article[article_id].append(doc_of_origin[origin])
        offsets: dict[tuple[str, str], list[int] | None] = {}
        for article, story, _ in store.articles():
            for doc in docs_of_article.get(article.id, []):
                offsets[(article.id, doc)] = _to_given(read_as[doc], stored_to_given(given[doc], article.text),
                                                       len(article.text))
                prediction.story_of[doc] = story
        for doc in given:
            prediction.story_of.setdefault(doc, None)
        rows = store.stories()
        prediction.stories = len(rows)
        for row in rows:
            brief = load_brief(store, row)
            prediction.claims.extend(claims_of_brief(label, row.id, brief, docs_of_article, offsets))
            prediction.quotes.extend(quotes_of_brief(label, row.id, brief, docs_of_article, offsets))
        for thread in load_storylines(store):  # the ingest run made and kept every storyline's progressions
            shown = kept_progressions(store, thread) or []
            prediction.claims.extend(claims_of_progressions(label, thread["id"], shown, docs_of_article, offsets))
    return prediction


def _to_given(read_as: Detokenized, ingested: list[int] | None, length: int) -> list[int]:
    """For each position of the stored text, the position in the document as the annotation gives it:
    stored (normalised) -> ingested (detokenised) -> given (tokenised)."""
    positions = ingested if ingested is not None else list(range(length + 1))
    return [read_as.origins[min(p, len(read_as.origins) - 1)] for p in positions]


def _doc_spans(evidence: Iterable[dict[str, Any]], docs_of_article: Mapping[str, list[str]],
               offsets: Mapping[tuple[str, str], list[int] | None]) -> list[DocSpan]:
    spans = []
    for e in evidence:
        for doc in docs_of_article.get(str(e.get("article")), []):
            mapping = offsets.get((str(e["article"]), doc))
            start, end = int(e["start"]), int(e["end"])
            if mapping is not None:
                start, end = mapping[min(start, len(mapping) - 1)], mapping[min(end, len(mapping) - 1)]
            spans.append(DocSpan(doc, start, end))
    return spans


def claims_of_brief(label: str, story: str, brief: Mapping[str, Any], docs_of_article: Mapping[str, list[str]],
                    offsets: Mapping[tuple[str, str], list[int] | None] | None = None) -> list[PredictedClaim]:
    """The claims of one brief (the `show --json` shape) with their spans mapped to documents."""
    offsets = offsets or {}
    claims = []
    for claim in brief.get("claims", []):
        payload = claim.get("update") or claim.get("progression")
        kind = "update" if claim.get("status") == "update" or isinstance(payload, dict) else (
            "conflict" if claim.get("status") == "conflict" else "claim")
        payload = payload if isinstance(payload, dict) else claim.get("conflict") or {}
        spans = _doc_spans(claim.get("evidence", []), docs_of_article, offsets)
        values = _values(payload.get("values", []) if kind != "claim" else [], docs_of_article, offsets)
        claims.append(PredictedClaim(label, story, kind, payload.get("about"), str(claim.get("text", "")),
                                     tuple(spans), values))
    return claims


def _values(values: Iterable[Mapping[str, Any]], docs_of_article: Mapping[str, list[str]],
            offsets: Mapping[tuple[str, str], list[int] | None]) -> tuple[PredictedValue, ...]:
    """A conflict's, an update's or a progression's values with their spans mapped to documents."""
    out = []
    for v in values:
        value_spans = _doc_spans(v.get("evidence", []), docs_of_article, offsets)
        docs = docs_of_article.get(str(v.get("article")), []) or sorted({s.doc for s in value_spans})
        out.append(PredictedValue(tuple(docs), str(v.get("value")), v.get("normalized"), tuple(value_spans)))
    return tuple(out)


def claims_of_progressions(label: str, storyline: str, records: Iterable[Mapping[str, Any]],
                           docs_of_article: Mapping[str, list[str]],
                           offsets: Mapping[tuple[str, str], list[int] | None] | None = None) -> list[PredictedClaim]:
    """A storyline's progressions (`storyline ID --json`) as updates, their spans mapped to documents."""
    offsets = offsets or {}
    claims = []
    for record in records:
        values = _values(record["values"], docs_of_article, offsets)
        spans = tuple(span for v in values for span in v.spans)
        claims.append(PredictedClaim(label, storyline, "update", record.get("about"), str(record.get("subject", "")),
                                     spans, values, across_stories=True))
    return claims


def quotes_of_brief(label: str, story: str, brief: Mapping[str, Any], docs_of_article: Mapping[str, list[str]],
                    offsets: Mapping[tuple[str, str], list[int] | None] | None = None) -> list[PredictedQuote]:
    """The quotes of one brief (the `show --json` shape), each variant's parts mapped to documents."""
    offsets = offsets or {}
    quotes = []
    for quote in brief.get("quotes", []):
        variants = tuple(tuple(_doc_spans([{"article": v.get("article"), **part} for part in v.get("parts") or [v]],
                                          docs_of_article, offsets)) for v in quote.get("variants", []))
        quotes.append(PredictedQuote(label, story, quote.get("speaker"), variants))
    return quotes


_NUMBER = re.compile(r"\d+(?:\s*,\s*\d{3})*(?:\s*\.\s*\d+)?")
_SEPARATORS = re.compile(r"[\s,]")
_DAY_OR_TIME = re.compile(r"(\d{4}-\d{2}-\d{2})|(?<![\d.])(\d{1,2}):(\d{2})(?!\d)")
_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
          "ten": 10, "eleven": 11, "twelve": 12}


def value_key(value: object) -> str:
    """A value reduced for comparison: a day (2024-01-05) or a time of day (03:30, "~3:30") whole, else
    the first figure as a number ("120 , 000" and 120000 meet), else the folded words. (A day's or a
    time's first figure alone, its year or hour, would make two days of one year one value.)"""
    text = str(value).casefold()
    moment = _DAY_OR_TIME.search(text)
    if moment:
        day, hour, minute = moment.groups()
        return day or f"{int(hour)}:{minute}"
    found = _NUMBER.search(text)
    if found:
        return f"{float(_SEPARATORS.sub('', found.group())):g}"
    words = re.findall(r"[a-z]+", text)
    for w in words:
        if w in _WORDS:
            return f"{_WORDS[w]:g}"
    return " ".join(words)


def _value_agrees(side: dict[str, Any], claim: PredictedClaim) -> bool:
    span = DocSpan.of(side)
    for v in claim.values:
        if span.doc not in v.docs:
            continue
        if any(s.overlaps(span) for s in v.spans):
            return True
        if "value" in side and value_key(side["value"]) in {value_key(v.value), value_key(v.normalized or v.value)}:
            return True
    return False


def _value_index(claim: PredictedClaim, doc: str) -> int | None:
    return next((n for n, v in enumerate(claim.values) if doc in v.docs), None)


def _in_order(claim: PredictedClaim, a: dict[str, Any], b: dict[str, Any]) -> bool:
    first, second = _value_index(claim, a["doc"]), _value_index(claim, b["doc"])
    return first is not None and second is not None and first < second


def _hits_all(claim: PredictedClaim, item: dict[str, Any]) -> bool:
    return all(claim.hits(DocSpan.of(side)) for side in _sides(item))


def _value_of(claim: PredictedClaim, side: DocSpan) -> PredictedValue | None:
    """The value a conflict gives for a side: the one whose span overlaps it, else its document's."""
    mine = [v for v in claim.values if side.doc in v.docs]
    return next((v for v in mine if any(s.overlaps(side) for s in v.spans)), mine[0] if mine else None)


def _opposes(claim: PredictedClaim, item: dict[str, Any]) -> bool:
    """Whether a conflict sets an item's two sides against each other: it cites both and, where it gives
    values, gives them two different ones. A conflict of three outlets (30 / around 30 / about 100)
    cites two outlets that agree, and does not dispute what they agree on."""
    if not _hits_all(claim, item):
        return False
    values = [_value_of(claim, DocSpan.of(side)) for side in _sides(item)]
    if any(v is None for v in values):
        return True
    return len({value_key(v.normalized or v.value) for v in values if v is not None}) > 1



def score_real(real: RealSet, predictions: Mapping[str, Prediction],
               ordered: Mapping[str, Prediction] | None = None) -> dict[str, Any]:
    """Conflict precision and recall, look-alikes left alone, updates found and claim-group precision
    (the rules are in the module's docstring), with the counts behind every figure.

    predictions: per database, what the documents gave, dated as the evaluation dates them; ordered: per
    database, what they gave dated in the order the updates imply where the documents share one day,
    which is what updates are scored on (its documents' entries replace those of predictions)."""
    claims = [c for p in predictions.values() for c in p.claims]
    conflicts = [c for c in claims if c.kind == "conflict"]
    statements = [c for c in claims if c.kind == "claim"]
    ordered = {**predictions, **(ordered or {})}
    ordered_claims = [c for p in ordered.values() for c in p.claims]

    def split_in(runs: Mapping[str, Prediction]) -> Callable[[dict[str, Any]], bool]:
        story_of = {doc: story for p in runs.values() for doc, story in p.story_of.items()}

        def split_sides(item: dict[str, Any]) -> bool:
            stories = {story_of.get(side["doc"]) for side in _sides(item)}
            return None in stories or len(stories) > 1
        return split_sides

    split_sides = split_in(predictions)
    story_of = {doc: story for p in predictions.values() for doc, story in p.story_of.items()}

    scores: dict[str, Any] = {"events": len(real.events()), "databases": len(predictions),
                              "stories": sum(p.stories for p in predictions.values()), "documents": len(story_of),
                              "documents_rejected": sorted(r for p in predictions.values() for r in p.rejected)}

    # conflicts
    right: set[int] = set()
    found, found_values, misses = [], [], []
    for item in real.conflicts:
        hitting = [n for n, c in enumerate(conflicts) if _opposes(c, item)]
        right.update(hitting)
        if hitting:
            found.append(item["id"])
            if any(all(_value_agrees(side, conflicts[n]) for side in item["sides"]) for n in hitting):
                found_values.append(item["id"])
        else:
            misses.append({"id": item["id"], "kind": item["kind"], "minor": item.get("minor", False),
                           "about": item.get("about"), "why": _why_missed(item, claims, story_of)})
    judges = ([(item, "look-alike") for item in real.lookalikes] + [(item, "update") for item in real.updates]
              + [(item, "same claim") for item in real.claim_groups if item["label"] == "same"])
    wrong, unjudged = [], []
    for n, c in enumerate(conflicts):
        if n in right:
            continue
        against = [(item, what) for item, what in judges if _opposes(c, item)]
        shown = {"about": c.about, "values": [v.value for v in c.values], "docs": [doc for v in c.values for doc in v.docs]}
        if against:
            wrong.append({"against": [item["id"] for item, _ in against],
                          "why": sorted({item.get("why") or what for item, what in against}), **shown})
        else:
            unjudged.append(shown)  # what the annotation has yet to judge
    judged = len(right) + len(wrong)
    # wrong only by the set's own dating: every document sits on one made-up day, so "today" and
    # "Saturday" resolve against it, not against the day the outlet wrote (README: "date artefact")
    artefacts = sum(1 for w in wrong if w["why"] == [ARTEFACT])
    gold = len(real.conflicts)
    major = [item for item in real.conflicts if not item.get("minor")]
    scores.update({
        "conflicts_gold": gold, "conflicts_gold_minor": gold - len(major),
        "conflicts_predicted": len(conflicts), "conflicts_judged": judged,
        "conflicts_right": len(right), "conflicts_wrong": len(wrong),
        "conflicts_unjudged": len(conflicts) - judged,
        "conflict_precision": share(len(right), judged),
        "conflict_precision_lower_bound": share(len(right), len(conflicts)),
        "conflicts_date_artefacts": artefacts,
        "conflict_precision_apart_from_artefacts": share(len(right), judged - artefacts),
        "conflicts_found": len(found), "conflict_recall": share(len(found), gold),
        "conflicts_found_with_values": len(found_values), "conflict_recall_with_values": share(len(found_values), gold),
        "conflict_recall_not_minor": share(sum(1 for i in major if i["id"] in set(found)), len(major)),
        "conflicts_split": sorted(item["id"] for item in real.conflicts if split_sides(item)),
        "conflict_recall_in_one_story": share(sum(1 for i in real.conflicts if i["id"] in set(found)),
                                               sum(1 for i in real.conflicts if not split_sides(i))),
        "conflict_misses": misses, "conflict_false": wrong, "conflict_unjudged": unjudged,
    })

    # look-alikes
    flagged = [item["id"] for item in real.lookalikes if any(_opposes(c, item) for c in conflicts)]
    scores.update({
        "lookalikes_gold": len(real.lookalikes), "lookalikes_left_alone": len(real.lookalikes) - len(flagged),
        "lookalike_left_alone_rate": share(len(real.lookalikes) - len(flagged), len(real.lookalikes)),
        "lookalikes_flagged": flagged, "lookalikes_split": sorted(i["id"] for i in real.lookalikes if split_sides(i)),
        "lookalike_left_alone_rate_in_one_story": share(
            sum(1 for i in real.lookalikes if not split_sides(i) and i["id"] not in set(flagged)),
            sum(1 for i in real.lookalikes if not split_sides(i))),
    })

    # updates
    def linked(item: dict[str, Any], candidates: list[PredictedClaim]) -> bool:
        sides = item["sides"]
        return all(any(c.hits(DocSpan.of(a)) and c.hits(DocSpan.of(b)) and _in_order(c, a, b) for c in candidates)
                   for a, b in pairwise(sides))

    as_progression = [i["id"] for i in real.updates if linked(i, [c for c in ordered_claims if c.kind == "update"])]
    in_one_story = {i["id"] for i in real.updates
                    if linked(i, [c for c in ordered_claims if c.kind == "update" and not c.across_stories])}
    as_conflict = [i["id"] for i in real.updates if i["id"] not in as_progression
                   and linked(i, [c for c in ordered_claims if c.kind == "conflict"])]
    scores.update({
        "updates_gold": len(real.updates), "updates_found": len(as_progression) + len(as_conflict),
        "update_found_rate": share(len(as_progression) + len(as_conflict), len(real.updates)),
        "updates_as_progression": as_progression, "updates_as_conflict": as_conflict,
        "updates_across_stories": [u for u in as_progression if u not in in_one_story],
        "updates_split": sorted(i["id"] for i in real.updates if split_in(ordered)(i)),
    })

    # claim groups
    together = [item for item in real.claim_groups if any(_hits_all(c, item) for c in statements)]
    same = [item for item in real.claim_groups if item["label"] == "same"]
    same_together = [item for item in together if item["label"] == "same"]
    scores.update({
        "claim_pairs_gold": len(real.claim_groups), "claim_pairs_same": len(same),
        "claim_pairs_together": len(together), "claim_pairs_together_same": len(same_together),
        "claim_group_precision": share(len(same_together), len(together)),
        "claim_group_recall": share(len(same_together), len(same)),
        "claim_pairs_wrongly_together": sorted(i["id"] for i in together if i["label"] != "same"),
        "claim_pairs_split": sorted(i["id"] for i in real.claim_groups if split_sides(i)),
    })
    scores.update(score_progressions(real.progressions, ordered_claims))
    scores.update(score_quote_pairs(real.quote_pairs, [q for p in predictions.values() for q in p.quotes],
                                    split_sides))
    scores["items_split"] = sum(len(scores[k]) for k in ("conflicts_split", "lookalikes_split", "updates_split",
                                                           "claim_pairs_split", "quote_pairs_split"))
    scores["items"] = sum(1 for _ in real.items())
    return scores


def _why_missed(item: dict[str, Any], claims: list[PredictedClaim], story_of: Mapping[str, str | None]) -> str:
    """The first stage a missed conflict was lost at, as far as the brief tells."""
    stories = [story_of.get(side["doc"]) for side in item["sides"]]
    if None in stories:
        return "a side is in no story"
    if len(set(stories)) > 1:
        return "sides in different stories"
    sides = [DocSpan.of(side) for side in item["sides"]]
    if any(c.kind == "conflict" and all(c.cites_sentence(s) for s in sides) for c in claims):
        return "a conflict on these sentences, over another value"
    if any(c.kind == "claim" and all(c.hits(s) for s in sides) for c in claims):
        return "sides in one claim, no conflict"
    return "sides not aligned"


def evaluate_real(folder: Path, settings: Settings, split: str = "all", events: Sequence[str] | None = None,
                  data: Path | None = None, per_event: bool = False,
                  on_run: Callable[[str, int, int], None] | None = None,
                  days_from: str | None = None) -> dict[str, Any]:
    """Ingest the documents of the annotated events of a real development set into a temporary database
    (one per event with per_event) and score the briefs a user would read against the annotation
    (see the module docstring for the rules). days_from None: "published" where the folder has a
    published.json, else "updates"."""
    real = load_real_set(folder, split, events)
    path = data or documents_path(folder)
    names = real.events()
    documents = read_documents(path, names)
    missing = sorted(set(names) - set(documents))
    if missing:
        raise InputError(f"{path}: no document of the annotated events {', '.join(missing[:5])}")
    known = {doc["id"] for docs in documents.values() for doc in docs}
    absent = sorted({side["doc"] for item in real.items() for side in _sides(item)} - known)
    if absent:
        raise InputError(f"{path}: the annotation cites documents it does not hold: {', '.join(absent[:5])}")
    if days_from is None:
        days_from = "published" if (folder / PUBLISHED_FILE).is_file() else "updates"
    if days_from not in DAYS_FROM:
        raise InputError(f"--days {days_from!r}: use one of {', '.join(DAYS_FROM)}")
    if days_from == "published" and not (folder / PUBLISHED_FILE).is_file():
        raise InputError(f"--days published: {folder / PUBLISHED_FILE} not found (it gives each document's day)")
    published = publication_days(folder) if days_from == "published" else {}
    all_updates = load_real_set(folder, "all").updates  # an event's days come from all its updates, whatever the split
    groups = [[event] for event in names] if per_event else [names]
    # (group, dated): dated runs score the updates. Dated by publication, one database scores everything;
    # else the events of the updates scored are ingested a second time, dated by the annotation's order
    # (dating changes the order documents arrive in, and with it the stories: online clustering).
    runs: list[tuple[list[str], bool]]
    if days_from == "published":
        runs = [(group, True) for group in groups]
    else:
        ordered_events = sorted({event for item in real.updates for event in _events_of(item)})
        runs = [(group, False) for group in groups]
        runs += [([e for e in group if e in ordered_events], True) for group in groups
                 if any(e in ordered_events for e in group)]
    predictions: dict[str, Prediction] = {}
    ordered: dict[str, Prediction] = {}
    undated: set[str] = set()  # documents whose day is unknown: ingested without a date
    with tempfile.TemporaryDirectory(prefix="storyline-eval-real-") as tmp:
        for n, (group, dated) in enumerate(runs, 1):
            label = group[0] if per_event else split
            docs = [doc for event in group for doc in documents[event]]
            if on_run:
                on_run(f"{label}{f', dated by its {days_from}' if dated else ''}: {len(group)} events, "
                       f"{len(docs)} documents", n, len(runs))
            days: dict[str, date | None]
            if days_from == "published":
                days = {d["id"]: published.get(d["id"]) for d in docs}
                undated.update(doc for doc, day in days.items() if day is None)
            else:
                updates = [u for u in all_updates if set(_events_of(u)) & set(group)] if dated else []
                days = dict(document_days(updates, [d["id"] for d in docs]))
            workdir = Path(tmp) / ("dated" if dated else "shared")
            workdir.mkdir(exist_ok=True)
            prediction = predict(label, docs, days, settings, workdir)
            if days_from == "published":
                predictions[label] = prediction
            (ordered if dated else predictions)[label] = prediction
    scores = score_real(real, predictions, ordered)
    scores.update({"split": split, "documents_file": str(path), "per_event": per_event, "days_from": days_from,
                   "documents_undated": sorted(undated)})
    return scores


ARTEFACT = "date artefact"  # a look-alike's why: the outlets agree, the set's made-up publication day does not

# Issue 20's targets on the real development set.
TARGETS = {"conflict_precision": 0.85, "conflict_recall": 0.75, "lookalike_left_alone_rate": 0.9,
           "update_found_rate": 0.8, "claim_group_precision": 0.9}


def score_rows(scores: Mapping[str, Any]) -> list[list[str]]:
    """The figures for people: measure, score, the counts behind it, and the target."""
    def figure(key: str) -> str:
        return "n/a" if scores[key] is None else f"{scores[key]:.3f}"

    def target(key: str) -> str:
        return f">= {TARGETS[key]}" if key in TARGETS else ""

    rows = [
        ("conflicts: precision", "conflict_precision",
         (f"{scores['conflicts_right']} right of {scores['conflicts_judged']} judged "
          f"({scores['conflicts_predicted']} predicted, {scores['conflicts_unjudged']} touch no annotated pair)")),
        ("conflicts: precision, the set's date artefacts apart", "conflict_precision_apart_from_artefacts",
         f"{scores['conflicts_right']} of {scores['conflicts_judged'] - scores['conflicts_date_artefacts']}"),
        ("conflicts: precision, lower bound", "conflict_precision_lower_bound",
         f"{scores['conflicts_right']} of {scores['conflicts_predicted']} predicted"),
        ("conflicts: recall", "conflict_recall", f"{scores['conflicts_found']} of {scores['conflicts_gold']} found"),
        ("conflicts: recall, values named", "conflict_recall_with_values",
         f"{scores['conflicts_found_with_values']} of {scores['conflicts_gold']}"),
        ("conflicts: recall, not minor", "conflict_recall_not_minor",
         f"of {scores['conflicts_gold'] - scores['conflicts_gold_minor']} not minor"),
        ("conflicts: recall, sides in one story", "conflict_recall_in_one_story",
         f"of {scores['conflicts_gold'] - len(scores['conflicts_split'])} whose sides share a story"),
        ("look-alikes left alone", "lookalike_left_alone_rate",
         f"{scores['lookalikes_left_alone']} of {scores['lookalikes_gold']}"),
        ("look-alikes left alone, sides in one story", "lookalike_left_alone_rate_in_one_story",
         f"of {scores['lookalikes_gold'] - len(scores['lookalikes_split'])} whose sides share a story"),
        ("updates found", "update_found_rate",
         (f"{scores['updates_found']} of {scores['updates_gold']} ({len(scores['updates_as_progression'])} as a "
          f"progression, {len(scores['updates_as_conflict'])} as a conflict)")),
        ("claim groups: precision", "claim_group_precision",
         f"{scores['claim_pairs_together_same']} same of {scores['claim_pairs_together']} pairs put together"),
        ("claim groups: recall of same pairs", "claim_group_recall",
         f"{scores['claim_pairs_together_same']} of {scores['claim_pairs_same']} same pairs"),
    ]
    table = [[name, figure(key), counts, target(key)] for name, key, counts in rows]
    split = (f"{scores['items_split']} of {scores['items']} (conflicts {len(scores['conflicts_split'])}, "
             f"look-alikes {len(scores['lookalikes_split'])}, updates {len(scores['updates_split'])}, "
             f"claim pairs {len(scores['claim_pairs_split'])}"
             + (f", quote pairs {len(scores['quote_pairs_split'])}" if scores["quote_pairs_gold"] else "") + ")")
    table.extend(quote_pair_rows(scores))
    table.extend(progression_rows(scores))
    table.append(["items whose sides are in different stories", "", split, ""])
    return table
