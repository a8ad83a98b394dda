"""Number conflicts: two voices give two values of one counted thing (12 or 15 injured; zwölf
ships against 14). When in doubt there is none: a running count ("has burned", "by dawn") read on
two days, a kind of figure an article gives twice with nothing to tell which is which."""

from __future__ import annotations

import re

from storyline.analyze.numbers import (
    MEASURES,
    Number,
    clashing_numbers,
    compatible,
    normalized_number,
    numbers_in_language,
)
from storyline.compare.conflicts.conflict import Conflict, Detector, SentencePair
from storyline.compare.units import StoryView, Unit, language_of
from storyline.lang.en import PROGRESS, UPDATED
from storyline.model import ConflictKind


def _progress_near(story: StoryView, unit: Unit, number: Number, words: int = 6) -> bool:
    """Whether the words around a number say it is a count so far ("has burned", "by dawn", "so far"):
    its clause up to it ("The fire has burned 4,800 hectares and destroyed 21 homes"), a few words after."""
    text = story.articles[unit.article].text
    clause = re.split(r"[,;:](?=\s)", text[unit.start:number.start])[-1]
    before = clause + " " + " ".join(text[unit.start:number.start].split()[-words:])
    after = " ".join(text[number.end:unit.end].split()[:words])
    return bool(PROGRESS.search(f"{before} {number.surface} {after}"))


def number_in_pair(pair: SentencePair) -> list[Conflict]:
    """Two figures of the same counted thing that cannot both be true, in two sentences of two voices."""
    story, a, b, aligned, quantities = pair.story, pair.a, pair.b, pair.aligned, pair.quantities
    out: list[Conflict] = []
    if not aligned and not (a.numbers and b.numbers):
        return out
    numbers = clashing_numbers(a.numbers, b.numbers)
    shared = (set(a.stems) | set(pair.context)) & set(b.stems)
    pa, pb = story.articles[a.article].published, story.articles[b.article].published
    same_day = pa is not None and pb is not None and pa.date() == pb.date()
    for n, m in numbers:
        running = _progress_near(story, a, n) or _progress_near(story, b, m)
        if running and (not same_day or UPDATED.search(a.text) or UPDATED.search(b.text)):
            continue  # a running count ("has burned", "by this morning") changes from day to day
        if quantities.ambiguous(a.article, n.kind) or quantities.ambiguous(b.article, m.kind):
            continue
        measure = n.kind in MEASURES or (n.kind or "").startswith("size:")
        if (measure or not aligned) and len(shared - {n.noun, m.noun}) < (1 if aligned else 2):
            continue  # a measure (percent, hours, a sum) says little of what it measures: the sentences must share more
        out.append(Conflict(ConflictKind.NUMBER, f"number:{n.kind}", {
            a.article: (normalized_number(n), n.surface, [(n.start, n.end)]),
            b.article: (normalized_number(m), m.surface, [(m.start, m.end)])}, {a.article: a.index, b.article: b.index}))
    return out


def number_across_languages(story: StoryView, a: Unit, b: Unit) -> list[Conflict]:
    """Two counts of one thing in two sentences in two languages that state one fact (zwölf ships
    against 14). The English rules that say what a figure counts do not carry across languages, so
    the conditions are stricter instead: each sentence gives exactly one count, a whole number that
    is no measure, and the two are of one magnitude (at most half again the other)."""
    figures = []
    for u in (a, b):
        article = story.articles[u.article]
        skip = [(t.start, t.end) for t in article.analysis.times if t.start < u.end and u.start < t.end]
        figures.append(numbers_in_language(article.text, u.start, u.end, language_of(article), skip))
    (left, right) = figures
    if len(left) == 1 and len(right) == 1:
        n, m = left[0], right[0]
        counts = all(x.value == int(x.value) and x.value >= 2 and (x.kind is None or (
            x.kind not in MEASURES and not x.kind.startswith("size:"))) for x in (n, m))
        if counts and not compatible(n, m) and max(n.value, m.value) <= 1.5 * min(n.value, m.value):
            return [Conflict(ConflictKind.NUMBER, f"number:{n.kind or m.kind or 'count'}", {
                a.article: (normalized_number(n), n.surface, [(n.start, n.end)]),
                b.article: (normalized_number(m), m.surface, [(m.start, m.end)])}, {a.article: a.index, b.article: b.index})]
    return []


DETECTOR = Detector(ConflictKind.NUMBER, in_pair=number_in_pair, across_languages=number_across_languages,
                    loose=True, by_sentence=True)
