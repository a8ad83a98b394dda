"""The story as the comparison sees it: its articles (StoryArticle), who speaks for each (voices:
copies of one report are one voice), its entities by span (StoryView), and its sentence units.

Units are sentences (text.split_sentences), joined where a quotation runs across a sentence
boundary and cut where a semicolon or ", and" joins two facts outside reported speech.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from itertools import accumulate

from storyline.analyze.name_matching import same_name
from storyline.analyze.numbers import Number, find_numbers, find_ordinals
from storyline.analyze.quote_marks import QUOTE_CHARS, scan_quote_marks
from storyline.lang.en import (
    CLAUSE_SPLIT,
    CLAUSE_SUBJECT,
    DEICTIC,
    FINITE_VERB,
    RELATIVE_DAY,
    REPORTING_VERB,
)
from storyline.memo import ARTICLES, memo
from storyline.model import UNDATED_LAST, Analysis, Entity, Quote, TimeExpression
from storyline.text import split_sentences
from storyline.voices import voices
from storyline.words import words_and_stems


@dataclass(frozen=True)
class StoryArticle:
    """One article of a story as the comparison needs it; text is the normalised body the analysis indexes."""

    id: str
    source: str
    group: str  # near-duplicate group: copies of one report share it
    text: str
    published: datetime | None
    analysis: Analysis
    language: str | None = None  # ISO 639-1; None or "en" is English


@dataclass
class Unit:
    index: int
    article: int  # position in the story's article list
    start: int
    end: int
    text: str
    quoted: float  # share of the unit inside direct quotation marks
    stems: list[str] = field(default_factory=list)
    numbers: list[Number] = field(default_factory=list)
    days: dict[str, tuple[int, int, bool]] = field(default_factory=dict)  # ISO day -> span, named (not "today")?
    entities: frozenset[str] = frozenset()
    dates: frozenset[str] = frozenset()  # every date the unit names, at its granularity


def _second_clause(right: str) -> bool:
    """Whether the words after ", and" make a clause of their own ("430 operations have been postponed")
    rather than the second half of a list ("Emergency, maternity and intensive care")."""
    if not CLAUSE_SUBJECT.match(right):
        return False
    return bool(FINITE_VERB.search(" ".join(right.split()[:8])))


class _Spans:
    """Spans in order of start, and which of them may reach a place: a long article's quotations
    are looked up by bisection, not scanned once per sentence."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]
        self.reach = list(accumulate((e for _, e in self.spans), max))  # the furthest end so far

    def near(self, lo: int, hi: int | None = None) -> list[tuple[int, int]]:
        """Every span that starts before hi and ends after lo (hi defaults to lo), and maybe a few more."""
        return self.spans[bisect_right(self.reach, lo):bisect_left(self.starts, lo if hi is None else hi)]


def article_units(pos: int, article: StoryArticle, offset: int) -> list[Unit]:
    """The sentence units of one article (a sentence, or a clause of one that carries a claim of its
    own), numbered from offset."""
    return [Unit(offset + n, pos, s, e, article.text[s:e], quoted, list(stems))
            for n, (s, e, quoted, stems) in enumerate(_pieces(article.text, quoted_spans(article.analysis)))]


def quoted_spans(analysis: Analysis) -> tuple[tuple[int, int], ...]:
    """Where an article's quoted words are: its direct quotes, and the fragments in quotation marks inside its
    reported speech ("said the levy was “a tax on fishermen” that …"), which are a speaker's words too."""
    return _quoted_spans(analysis.quotes)


@memo(ARTICLES)  # like _pieces, for the articles of the last briefs made
def _quoted_spans(quotes: tuple[Quote, ...]) -> tuple[tuple[int, int], ...]:
    spans = [(q.start, q.end) for q in quotes if q.direct]
    for q in quotes:
        if not q.direct and any(ch in QUOTE_CHARS for ch in q.text):
            spans += [(q.start + m.start, q.start + m.end) for m in scan_quote_marks(q.text)]
    return tuple(sorted(spans))


@memo(ARTICLES)
def _pieces(text: str, quotations: tuple[tuple[int, int], ...]) -> tuple[tuple[int, int, float, tuple[str, ...]], ...]:
    """Where an article's units are, how much of each is quoted, and their stems: the same for an article
    whatever story it is in, so remembered for the articles of the last briefs made (a story that grows
    by one article has its brief made again)."""
    direct = _Spans(list(quotations))
    spans = split_sentences(text)
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        # a quotation that runs across a sentence boundary keeps its sentences together
        if merged and any(qs < merged[-1][1] < qe and s < qe for qs, qe in direct.near(merged[-1][1])) and \
                text[merged[-1][1]:s].count("\n") < 2:
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    pieces: list[tuple[int, int]] = []
    for s, e in merged:
        cut = s
        for m in CLAUSE_SPLIT.finditer(text, s, e):
            if any(qs < m.start() < qe for qs, qe in direct.near(m.start())):
                continue
            left, right = text[cut:m.start()], text[m.end():e]
            if m.group().startswith(",") and (not _second_clause(right) or REPORTING_VERB.search(text, s, e)):
                continue  # "X said A, and B": B is still X's, and would read as a plain fact alone
            if len(left.split()) >= 4 and len(right.split()) >= 4:
                pieces.append((cut, m.start()))
                cut = m.end()
        pieces.append((cut, e))
    units = []
    for s, e in pieces:
        body = text[s:e]
        words, stems = words_and_stems(body)
        if len(words) < 4 or (len(stems) < 2 and len(stems) + sum(w[0].isdigit() for w in words) < 2):
            continue
        inside = sum(max(0, min(e, qe) - max(s, qs)) for qs, qe in direct.near(s, e))
        units.append((s, e, inside / max(1, e - s), tuple(stems)))
    return tuple(units)


class StoryView:
    """The articles of one story with what every step needs: voices, entity spans, units."""

    def __init__(self, articles: Sequence[StoryArticle], entities: Sequence[Entity]) -> None:
        self.articles = list(articles)
        self.pos = {a.id: i for i, a in enumerate(self.articles)}
        self.voice = voices([(a, a.group) for a in self.articles])
        self.entity_spans: dict[int, list[tuple[int, int, str]]] = defaultdict(list)
        self.entity_type: dict[str, str] = {}
        self.people = [e for e in entities if e.type == "PERSON"]
        self.places_within: dict[str, frozenset[str]] | None = None  # made once asked (compare/places_within.py)
        for entity in entities:
            self.entity_type[entity.name] = entity.type
            for span in entity.mentions:
                if span.article in self.pos:
                    self.entity_spans[self.pos[span.article]].append((span.start, span.end, entity.name))
        # per article, the spans' starts and the furthest end so far: lookups bisect them, so that
        # a long article's units cost no more than its length
        self._starts: dict[int, list[int]] = {}
        self._reach: dict[int, list[int]] = {}
        for pos, spans in self.entity_spans.items():
            spans.sort()
            self._starts[pos] = [s for s, _, _ in spans]
            self._reach[pos] = list(accumulate((e for _, e, _ in spans), max))

    def person_named(self, name: str) -> str | None:
        """The story's person a speaker's name stands for where no entity span covers it ("Salazar" beside
        Ken Salazar): the person who has that name or alias, else the one person whose name it can be
        (same_name: a surname alone, a spelling of it), else None."""
        for person in self.people:
            if name == person.name or name in person.aliases:
                return person.name
        fitting = [p.name for p in self.people if same_name(name, p.name)]
        return fitting[0] if len(fitting) == 1 else None

    def entities_in(self, pos: int, start: int, end: int) -> list[tuple[int, int, str]]:
        """The entity spans inside [start, end) of article pos, in order."""
        spans, starts = self.entity_spans.get(pos, []), self._starts.get(pos, [])
        return [t for t in spans[bisect_left(starts, start):bisect_right(starts, end)] if t[1] <= end]

    def entity_at(self, pos: int, start: int, end: int) -> str | None:
        """The first entity span (in order) of article pos that covers [start, end)."""
        spans = self.entity_spans.get(pos, [])
        k = bisect_left(self._reach.get(pos, []), end)  # no span before k ends at or after end
        if k < len(spans) and spans[k][0] <= start:
            return spans[k][2]
        return None


def annotate_units(story: StoryView, units: list[Unit]) -> None:
    """Each unit's dates and days, its figures where the story has two articles (only a pair of
    sentences from two articles reads them: a figure shared or clashing, a count that grew, a group
    cut by value; a one-article story's figures are never read, so never found), and the story's
    entities it names. Figures, dates and days are the same for an article whatever story it is in,
    so looked up in _unit_dates and _unit_figures."""
    by_article: dict[int, list[Unit]] = defaultdict(list)
    for unit in units:
        by_article[unit.article].append(unit)
    for pos, members in by_article.items():
        article = story.articles[pos]
        times, spans = tuple(article.analysis.times), tuple((u.start, u.end) for u in members)
        for unit, (dates, days) in zip(members, _unit_dates(times, spans)):
            unit.dates, unit.days = dates, dict(days)
        if len(story.articles) > 1:
            for unit, numbers in zip(members, _unit_figures(article.text, times, spans)):
                unit.numbers = list(numbers)
    for unit in units:
        unit.entities = frozenset(name for _, _, name in story.entities_in(unit.article, unit.start, unit.end))


@memo(ARTICLES)
def _unit_dates(times: tuple[TimeExpression, ...], spans: tuple[tuple[int, int], ...]) \
        -> tuple[tuple[frozenset[str], tuple[tuple[str, tuple[int, int, bool]], ...]], ...]:
    """The dates and the named days of each unit (span) of an article: remembered for the articles of
    the last briefs made, like _pieces, since a story that grows by one article has its brief made again."""
    found = []
    for start, end in spans:
        inside = [t for t in times if start <= t.start and t.end <= end]
        days: dict[str, tuple[int, int, bool]] = {}
        for t in inside:
            if t.granularity == "day" and not t.end_date and not RELATIVE_DAY.search(t.text):
                days[t.date] = (t.start, t.end, not DEICTIC.search(t.text))
        found.append((frozenset(t.date for t in inside), tuple(days.items())))
    return tuple(found)


@memo(ARTICLES)
def _unit_figures(text: str, times: tuple[TimeExpression, ...], spans: tuple[tuple[int, int], ...]) \
        -> tuple[tuple[Number, ...], ...]:
    """The figures of each unit (span) of an article, less those inside its time expressions;
    remembered like _unit_dates."""
    found = []
    for start, end in spans:
        skip = [(t.start, t.end) for t in times if t.start < end and start < t.end]
        found.append(tuple(find_numbers(text, start, end, skip) + find_ordinals(text, start, end)))
    return tuple(found)


def language_of(article: StoryArticle) -> str:
    return (article.language or "en").lower()


def voices_of(story: StoryView, positions: Iterable[int]) -> tuple[list[str], list[str]]:
    """The outlets credited (one per voice, earliest first) and the other outlets that ran a copy."""
    credited: list[str] = []
    carried: list[str] = []
    for pos in sorted(positions, key=lambda p: (story.articles[p].published or UNDATED_LAST, p)):
        if story.voice[pos] not in credited:
            credited.append(story.voice[pos])
        if story.articles[pos].source not in carried:
            carried.append(story.articles[pos].source)
    return credited, [s for s in carried if s not in credited]
