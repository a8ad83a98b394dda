"""Claims, voices and the summary: one claim per group of aligned units (cut where its sentences give
different values), one per conflict, and a brief of at most MAX_SUMMARY extracted lines.

Copies of one report (one near-duplicate group) and the articles of one outlet are one voice,
credited to the outlet that published first; the other outlets that ran a copy are listed in
`republished_by`. A claim only one voice carries is `single`, however many copies carry it. A
conflict is its own claim (status "conflict", with each outlet's value and evidence) beside the
claims of each side, which are marked `disputed`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

import numpy as np

from storyline.analyze.figure_readings import NAMED_MEASURES
from storyline.analyze.numbers import clashing_numbers, kind_of
from storyline.compare.conflicts import Conflict
from storyline.compare.thresholds import MAX_SUMMARY
from storyline.compare.units import StoryView, Unit, language_of, voices_of
from storyline.lang.en import CALLED_OFF
from storyline.lang.en_numbers import KIND_CLASSES
from storyline.memo import memo
from storyline.model import UNDATED_LAST, ClaimRecord, ConflictKind, EvidenceSpan, SummaryLine, UpdateRecord, ValueRecord
from storyline.words import folded_words, light_stem


def _span(story: StoryView, pos: int, start: int, end: int) -> EvidenceSpan:
    article = story.articles[pos]
    return {"article": article.id, "start": start, "end": end, "text": article.text[start:end]}


def _story_centroid(vectors: np.ndarray) -> np.ndarray:
    centroid = vectors.mean(axis=0) if len(vectors) else np.zeros(1, dtype=np.float32)
    norm = float(np.linalg.norm(centroid))
    return centroid / norm if norm else centroid


def _centrality(vectors: np.ndarray, members: Sequence[int], centroid: np.ndarray | None) -> float:
    """How close a claim's sentences are to what the story as a whole is about (None: the story's
    sentences point nowhere on the whole)."""
    if not len(members) or centroid is None:
        return 0.0
    if len(members) == 1:  # most claims: one sentence's dot product is the same float as its row's
        return float(vectors[members[0]] @ centroid)
    closeness = vectors[list(members)] @ centroid
    # np.mean's own arithmetic (a float32 sum divided by an intp count), without its overhead: this
    # runs for every claim of every brief
    return float(closeness.dtype.type(np.add.reduce(closeness) / np.intp(len(closeness))))


def _well_formed(unit: Unit) -> float:
    """How well a unit reads alone: a full sentence, not opening on a pronoun or a conjunction."""
    return readability(unit.text) - (0.3 if unit.quoted > 0.6 else 0.0)


@memo(20_000)  # a grown story's sentences come back at every brief
def readability(text: str) -> float:
    words = folded_words(text)
    score = 1.0
    if words and words[0] in {"he", "she", "it", "they", "this", "that", "these", "but", "and", "also", "only", "so"}:
        score -= 0.4
    if text[:1].islower():
        score -= 0.3
    if not text.rstrip("”\"’'").endswith((".", "!", "?")):
        score -= 0.2
    n = len(words)
    if n > 45:
        score -= 0.2
    if n < 7:
        score -= 0.2
    return score


def _pick_text(units: Sequence[Unit], members: Sequence[int], vectors: np.ndarray) -> int:
    """The member that states the group best: central to the group, and reads well alone."""
    if len(members) == 1:
        return members[0]
    sub = vectors[list(members)]
    sims = dict(zip(members, (sub @ sub.mean(axis=0)).tolist()))
    return max(members, key=lambda i: (sims[i] + 0.5 * _well_formed(units[i]), -i))


def _claim(story: StoryView, units: list[Unit], vectors: np.ndarray, members: list[int], ident: str,
           centroid: np.ndarray | None) -> ClaimRecord:
    """A claim from its units, one of which gives its text."""
    positions = [units[i].article for i in members]
    credited, carried = voices_of(story, positions)
    # the claim reads in English where an English report states it; otherwise in its own words
    english = [i for i in members if language_of(story.articles[units[i].article]) == "en"]
    best = _pick_text(units, english or members, vectors)
    independent = len({story.voice[p] for p in positions})
    evidence = [_span(story, units[i].article, units[i].start, units[i].end) for i in
                sorted(members, key=lambda i: (i != best, units[i].article))]
    return ClaimRecord(id=ident, text=units[best].text, status="corroborated" if independent >= 2 else "single",
                       sources=credited, evidence=evidence, conflict=None, independent=independent,
                       republished_by=carried, quoted=units[best].quoted > 0.5, dates=sorted(units[best].dates),
                       centrality=round(_centrality(vectors, members, centroid), 4))


def _disagree(a: Unit, b: Unit) -> bool:
    """Whether two units give different values of one thing: a figure of the same kind, or the day;
    or one tells a happening was called off or put back and the other tells it going ahead on a day
    ("put off a trip until next month" / "will travel on Wednesday")."""
    if clashing_numbers(a.numbers, b.numbers):
        return True
    if bool(CALLED_OFF.search(a.text)) != bool(CALLED_OFF.search(b.text)) and (a.days or b.days):
        return True
    return len(a.days) == 1 and len(b.days) == 1 and set(a.days) != set(b.days)


def _split_by_value(units: list[Unit], members: list[int], vectors: np.ndarray) -> list[list[int]]:
    """A group cut where its sentences give different values (12 or 15 injured; 800 hectares then
    4,500): a claim's outlets must agree with all of its sentence, so the sentences that disagree
    with the one that states it make claims of their own. Sentences that give no value stay."""
    if len(members) == 1:  # most groups: nothing to cut
        return [list(members)]
    parts = []
    rest = list(members)
    while rest:
        best = _pick_text(units, rest, vectors)
        keep = [i for i in rest if i == best or not _disagree(units[best], units[i])]
        parts.append(sorted(keep))
        kept = set(keep)  # once, not once for each sentence left: a big group would cost its square
        rest = [i for i in rest if i not in kept]
    return parts


def build_claims(story: StoryView, units: list[Unit], vectors: np.ndarray, groups: list[list[int]],
            conflicts: list[Conflict], group_of: dict[int, int]) -> list[ClaimRecord]:
    """One claim per group (cut where its sentences disagree), then one claim per conflict."""
    claims: list[ClaimRecord] = []
    centroid: np.ndarray | None = _story_centroid(vectors)
    centroid = centroid if centroid is not None and centroid.any() else None
    for g, members in enumerate(groups):
        parts = _split_by_value(units, members, vectors)
        for n, part in enumerate(parts):
            claims.append(_claim(story, units, vectors, part, f"c{g}" + (f".{n}" if len(parts) > 1 else ""), centroid))
    for n, c in enumerate(conflicts):
        members = sorted(set(c.units.values()), key=lambda i: units[i].article)
        order = earliest_first(story, c)
        first = next((c.units[p] for p in order if p in c.units), None)
        if members:
            claim = _claim(story, units, vectors, members, f"x{n}", centroid)
            if first is not None:
                claim["text"] = units[first].text
                claim["evidence"].sort(key=lambda e: (e["start"] != units[first].start or
                                                      e["article"] != story.articles[units[first].article].id))
        elif any(spans for _, _, spans in c.values.values()):
            claim = _claim_from_spans(story, c)
        else:
            continue
        claims.append(_as_update(story, units, claim, c) if c.update else _as_conflict(story, claim, c))
    contested = {span for c in claims if c["conflict"] for span in _sentences_of(c, c["conflict"]["values"])}
    changed = {span for c in claims if "update" in c for span in _sentences_of(c, c["update"]["values"])}
    for claim in claims:
        # The sentence a claim shows: where it states a disputed value, the claim is shown only as its
        # conflict; where it gives one step of an update, only in the update. Its other outlets'
        # sentences may carry more than the claim says, and do not hide it.
        shown = {(e["article"], e["start"]) for e in claim["evidence"] if e["text"] == claim["text"]}
        if claim["status"] != "conflict":
            claim["disputed"] = bool(shown & contested)
        if not claim.get("update"):
            claim["changed"] = bool(shown & changed)
    rank_of_status = {"conflict": 0, "corroborated": 1, "single": 2}
    claims.sort(key=lambda c: (rank_of_status[c["status"]], -c["independent"], -c["centrality"], c["id"]))
    return claims


def _sentences_of(claim: ClaimRecord, values: list[ValueRecord]) -> set[tuple[str, int]]:
    """The sentences (article, start) that state a conflict's or an update's values, or the claim."""
    return {(e["article"], e["start"]) for e in claim["evidence"]} | \
        {(e["article"], e["start"]) for v in values for e in v["evidence"]}


def _claim_from_spans(story: StoryView, c: Conflict) -> ClaimRecord:
    evidence = [_span(story, pos, s, e) for pos, (_, _, spans) in c.values.items() for s, e in spans[:1]]
    credited, carried = voices_of(story, c.values)
    return ClaimRecord(id=f"x:{c.key}", text=evidence[0]["text"], status="conflict", sources=credited,
                       evidence=evidence, conflict=None, independent=len({story.voice[p] for p in c.values}),
                       republished_by=carried, quoted=False, dates=[], centrality=0.0)


def earliest_first(story: StoryView, c: Conflict) -> list[int]:
    """The articles of a conflict or an update, earliest report first: by day, then, within a day, by
    the update's steps (a report's time of day or its own words: "as of 4 p.m.", "has risen to"), then
    by the moment each was published; undated reports last."""
    def when(pos: int) -> tuple[date, int, datetime, int]:
        published = story.articles[pos].published or UNDATED_LAST
        return (published.date(), c.order.get(pos, 0), published, pos)
    return sorted(c.values, key=when)


def _values(story: StoryView, c: Conflict) -> list[ValueRecord]:
    """Each voice's value of a conflict or an update with its sentences, earliest report first."""
    values = []
    for pos in earliest_first(story, c):
        norm, shown, spans = c.values[pos]
        values.append(ValueRecord(source=story.articles[pos].source, value=shown, normalized=norm,
                                  voice=story.voice[pos], article=story.articles[pos].id,
                                  evidence=[_span(story, pos, s, e) for s, e in spans]))
    return values


def _outlets(values: list[ValueRecord]) -> list[str]:
    return list(dict.fromkeys(v["source"] for v in values))


def _subject(story: StoryView, c: Conflict) -> str:
    """What a conflict or an update is of, as its key names it ("killed", "percent", "Marco Rubio"); a
    count keyed by its noun's stem ("candidat", "hom") is named by the noun as the earliest report giving
    it writes it ("candidates", "homes"), and one keyed by a compound's head by the compound ("dockworkers"
    for employees)."""
    subject = c.key.split(":", 1)[-1].split("@")[0]
    if c.about is not ConflictKind.NUMBER:
        return subject
    if subject.split(":")[0] in NAMED_MEASURES:  # "depth:km": the depth, in km
        measure, unit = subject.split(":", 1)
        return f"{measure} ({'%' if unit == 'percent' else unit})"
    if subject.startswith(("prison:", "served:")):  # a prison term, a time served (analyze/figure_readings.py)
        unit = subject.split(":", 1)[1]
        return unit + (" in prison" if subject.startswith("prison:") else " served")
    written: dict[str, str] = {}
    compounds: dict[str, str] = {}
    for pos in earliest_first(story, c):
        for word in folded_words(c.values[pos][1]):
            written.setdefault(stem := light_stem(word), word)
            if stem not in KIND_CLASSES:
                compounds.setdefault(kind_of(stem), word)
    return ":".join(written.get(part) or compounds.get(part, part) for part in subject.split(":"))


def _as_conflict(story: StoryView, claim: ClaimRecord, c: Conflict) -> ClaimRecord:
    values = _values(story, c)
    claim["status"] = "conflict"
    claim["conflict"] = {"about": c.about.value, "subject": _subject(story, c), "values": values, "minor": c.minor}
    claim["sources"] = _outlets(values)
    return claim


def _as_update(story: StoryView, units: list[Unit], claim: ClaimRecord, c: Conflict) -> ClaimRecord:
    """A figure that changed between reports of different days: the claim states the latest report's
    sentence, and `update` lists each report's value, earliest first (9 -> 11, 4 Jun -> 5 Jun)."""
    values = _values(story, c)
    for value in values:
        published = story.articles[story.pos[value["article"]]].published
        value["published"] = published.date().isoformat() if published else None
    latest = earliest_first(story, c)[-1]
    text, evidence = claim["text"], claim["evidence"]
    if latest in c.units:
        unit = units[c.units[latest]]
        text = unit.text
        evidence.sort(key=lambda e: (e["start"] != unit.start or e["article"] != story.articles[latest].id))
    return ClaimRecord(id=claim["id"], text=text, status="corroborated" if claim["independent"] >= 2 else "single",
                       sources=_outlets(values), evidence=evidence, independent=claim["independent"],
                       republished_by=claim["republished_by"], quoted=claim["quoted"], dates=claim["dates"],
                       centrality=claim["centrality"], conflict=None,
                       update=UpdateRecord(about=c.about.value, subject=_subject(story, c), values=values))


def settled(claim: ClaimRecord) -> bool:
    """Whether a claim reads as a settled fact: corroborated or single, not an update, and the sentence
    it shows states no disputed value and no step of an update (those are shown once, as their conflict
    or update). The summary, the Markdown brief and the story page list only these."""
    return claim.get("status") in ("corroborated", "single") and not (
        claim.get("disputed") or claim.get("changed") or claim.get("update"))


def summarize(claims: list[ClaimRecord], readable: dict[str, float]) -> list[SummaryLine]:
    """At most six extracted lines: what most outlets share, then each outlet's own. A line is its
    claim's sentence, with the claim's sources and evidence. A disputed fact is never one: it is shown
    once, as its conflict, so no line (nor the story card, which shows the first) states as settled
    what another outlet contests."""
    lines: list[SummaryLine] = []

    def add(claim: ClaimRecord) -> None:
        if len(lines) >= MAX_SUMMARY or any(line["text"] == claim["text"] for line in lines):
            return
        lines.append(SummaryLine(text=claim["text"], sources=claim["sources"], evidence=claim["evidence"],
                                 status=claim["status"], claim=claim["id"]))

    def rank(claim: ClaimRecord) -> float:
        return float(claim["centrality"]) + 0.3 * readable.get(claim["id"], 0.0)

    shared = [c for c in claims if c["status"] == "corroborated" and settled(c)]
    own = [c for c in claims if c["status"] == "single" and settled(c)]
    outlets_with_own = len({c["sources"][0] for c in own})
    room = max(2, MAX_SUMMARY - len(lines) - min(outlets_with_own, 2))
    for claim in sorted(shared, key=lambda c: (-c["independent"], -rank(c)))[:room]:
        add(claim)
    seen: set[str] = set()
    for claim in sorted(own, key=lambda c: -rank(c)):
        if claim["sources"][0] not in seen:
            seen.add(claim["sources"][0])
            add(claim)
    return lines
