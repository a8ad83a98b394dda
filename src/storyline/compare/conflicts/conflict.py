"""What a conflict detector finds, what it is given, and how it declares itself.

A detector module defines one Detector for one ConflictKind and is listed in DETECTORS
(conflicts/__init__.py). It looks in one or more places: a pair of sentences of two voices in one
language (in_pair), a pair in two languages (across_languages), or the whole story (in_story).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property
from typing import Any

from storyline.analyze.numbers import Number
from storyline.compare.align import story_idf
from storyline.compare.places_within import places_within
from storyline.compare.statements import QuotedStatement
from storyline.compare.units import StoryView, Unit, quoted_spans
from storyline.lang.en import DEICTIC, PRONOUNS, RELATIVE_DAY
from storyline.lang.en_numbers import SCOPE_MARKS
from storyline.memo import memo
from storyline.model import ConflictKind
from storyline.words import as_happenings, content_stems

_NAME_TYPES = (("GPE", "LOC", "FAC"), ("PERSON",), ("ORG",))  # places, people, bodies
PLACES = 0  # the index of places in _NAME_TYPES
PEOPLE = 1  # ... and of people
BEFORE_THE_STORY = timedelta(days=31)  # a sentence that names a day further before the first report tells of the past
PERSONAL = re.compile(r"\b(?:" + "|".join(sorted({*PRONOUNS, "his"})) + r")\b", re.IGNORECASE)  # he, she, him, her, his


@dataclass
class Conflict:
    about: ConflictKind
    key: str  # what is disputed: the counted thing, the event, the speaker
    values: dict[int, tuple[str, str, list[tuple[int, int]]]]  # unit/article pos -> (normalised, shown, spans)
    units: dict[int, int]  # article pos -> unit index (the sentence that states it)
    update: bool = False  # values of reports of different days: a progression, not a dispute
    minor: bool = False  # a judgement call: close approximations, two different bounds (at least 6 / at least 7)
    # an update's step of each article (pos -> 0, 1, ...), where reports of one day are ordered by their
    # time of day or their own words ("has risen to"); values are shown by day, then step
    order: dict[int, int] = field(default_factory=dict)


class Quantities:
    """What every article of the story counts, so that a kind of number one article gives twice (two
    percentages, two sums) is compared only where its own words say which is which."""

    def __init__(self, units: Sequence[Unit], story: StoryView | None = None) -> None:
        self.values: dict[tuple[int, str], set[float]] = defaultdict(set)
        self.places: dict[tuple[int, str], list[tuple[float, frozenset[str]]]] = defaultdict(list)  # ... and where
        self.givers: dict[tuple[str, float], set[int]] = defaultdict(set)  # the articles giving a value of a kind
        self.story = story
        self._names: dict[tuple[int, int], dict[int, frozenset[str]]] = {}
        for u in units:
            for n in u.numbers:
                if n.kind:
                    self.values[(u.article, n.kind)].add(n.value)
                    self.givers[(n.kind, n.value)].add(u.article)
                    if story is not None:
                        self.places[(u.article, n.kind)].append((n.value, self.names(u, n).get(PLACES, frozenset())))

    def names(self, unit: Unit, n: Number) -> dict[int, frozenset[str]]:
        """names_near of a figure, read once."""
        key = (unit.index, n.start)
        if key not in self._names:
            self._names[key] = names_near(self.story, unit, n.start, n.end) if self.story is not None else {}
        return self._names[key]

    def ambiguous(self, article: int, kind: str | None) -> bool:
        return kind is None or len(self.values.get((article, kind), ())) > 1

    def either_ambiguous(self, first: tuple[Unit, Number], second: tuple[Unit, Number]) -> bool:
        """Whether either figure's report gives its kind more than once (or the figure has no kind)."""
        (a, n), (b, m) = first, second
        return self.ambiguous(a.article, n.kind) or self.ambiguous(b.article, m.kind)

    def given_together(self, kind: str | None, first: float, second: float) -> bool:
        """Whether some report of the story gives both figures of a kind: it tells them apart (two polls,
        a stay ordered and the part served, a toll and the one it rose from), so that two other reports
        that give one each do not dispute one thing. Read from the articles giving each value (givers):
        every pair of a story's figures asks it, so a walk over every article's figures would make a
        story's comparison grow with its size squared."""
        if kind is None:
            return False
        givers = self.givers.get((kind, first))
        return givers is not None and not givers.isdisjoint(self.givers.get((kind, second), ()))

    def told_apart(self, a: tuple[Unit, Number], b: tuple[Unit, Number]) -> bool:
        """Whether two figures of a kind their reports give more than once are still known to be of
        one thing: both are said of one place, and each report says every other value of the kind of
        another place ("80 percent in Egypt" / "up to 70 percent of services in Egypt", beside each
        report's figure for India), or gives it so far from both figures (RATIO) that it cannot be
        either ("1,150 kilometers southeast of Tehran" beside a town "300 kilometers to the north").
        A place the whole story is about tells nothing apart, and a person's figures (age, points,
        record) change from one game or year to the next."""
        if self.story is None:
            return False
        (ua, n), (ub, m) = a, b
        first, second = self.names(ua, n).get(PLACES), self.names(ub, m).get(PLACES)
        if not first or not second or not names_meet(first, second):
            return False
        return all((bool(others) and not names_meet(place, others))
                   or all(far_apart(value, y) for y in (n.value, m.value))
                   for unit, x, place in ((ua, n, first), (ub, m, second))
                   for value, others in self.places[(unit.article, x.kind or "")] if value != x.value)


@dataclass(frozen=True)
class SentencePair:
    """Two sentences of two voices in one language. aligned: they state one fact (one claim group);
    context: words of the sentence a follows on from, when that is what was aligned with b."""

    story: StoryView
    a: Unit
    b: Unit
    aligned: bool
    quantities: Quantities
    context: Iterable[str] = ()


@dataclass(frozen=True)
class StoryFindings:
    """What the story-wide detectors read: the statements, their groups and candidate pairs, and the
    unit a character offset of an article falls in."""

    story: StoryView
    units: list[Unit]
    statements: list[QuotedStatement]
    quote_groups: list[list[int]]
    quote_pairs: dict[tuple[int, int], float]
    unit_of: Callable[[int, int], int | None]
    given_idf: dict[str, float] | None = None  # story_idf(units), where the comparison made it

    @cached_property
    def idf(self) -> dict[str, float]:
        """The weight of each stem in the story's sentences (align.story_idf), made once for every detector."""
        return story_idf(self.units) if self.given_idf is None else self.given_idf


@dataclass(frozen=True)
class Detector:
    """One kind of conflict and where it is looked for.

    loose: also between similar sentences that are not aligned, and in the short sentence that goes
    on with an aligned one. by_sentence: the merge rule; findings that share a sentence's figure are one
    dispute (else findings of one subject, their key, are)."""

    kind: ConflictKind
    in_pair: Callable[[SentencePair], list[Conflict]] | None = None
    across_languages: Callable[[StoryView, Unit, Unit], list[Conflict]] | None = None
    in_story: Callable[[StoryFindings], list[Conflict]] | None = None
    loose: bool = False
    by_sentence: bool = False


def words_around(text: str, start: int, end: int, words: int = 6) -> set[str]:
    """Content stems within a few words either side of text[start:end]."""
    before = content_stems(" ".join(text[:start].split()[-words:]))
    after = content_stems(" ".join(text[end:].split()[:words]))
    return set(before) | set(after)


RATIO = 2.5  # figures of one kind further apart than this are of two things (40 injured here, 1,400 in another quake)


def far_apart(x: float, y: float, ratio: float = RATIO) -> bool:
    """Whether one figure is more than `ratio` times the other: too far apart to count one thing."""
    return max(x, y) > ratio * min(x, y)


# Story-wide matching (number.py, date.py): a value is compared with the values of the other voices
# by the words around it, FRAME_WORDS either side within its sentence.
FRAME_WORDS = 7
POSTINGS = 40  # a word more values share than this does not make them candidates
SOLE_WEIGHT = 1e-6  # the weight a story-wide match has beyond its shared words, so that sharing none still ranks


def frame(story: StoryView, unit: Unit, start: int, end: int) -> frozenset[str]:
    """The content stems around text[start:end] (a figure, a date) within its unit, without its own
    words; the words of a happening read as its kind (words.as_happenings: "killed" and "fatal shooting" meet)."""
    return _frame_in(story.articles[unit.article].text, unit.start, unit.end, start, end)


@memo(4096)  # a grown story's figures and dates are read again at every brief (number._intervals_in)
def _frame_in(text: str, lo: int, hi: int, start: int, end: int) -> frozenset[str]:
    before = as_happenings(content_stems(" ".join(text[lo:start].split()[-FRAME_WORDS:])))
    after = as_happenings(content_stems(" ".join(text[end:hi].split()[:FRAME_WORDS])))
    return frozenset(before + after) - frozenset(content_stems(text[start:end]))


def before_the_story(unit: Unit, earliest: date, story: StoryView | None = None, at: int | None = None) -> bool:
    """Whether a sentence names a day, month or year before the story began (an earlier quake's toll, a
    conviction years ago): before BEFORE_THE_STORY ahead of its first report, which may come days after
    what it reports ("the shooting on Saturday sparked five days of riots"). With story and at (an
    offset of the unit), only the dates of the line that holds it are read: a unit can run over a headline and a
    dateline ("Wednesday, 04 April 2012 10:30") into its first sentence, and those date the report,
    not what its sentence tells."""
    cutoff = (earliest - BEFORE_THE_STORY).isoformat()
    dates: Iterable[str] = unit.dates
    if story is not None and at is not None:
        text = story.articles[unit.article].text
        lo = max(unit.start, text.rfind("\n", 0, at) + 1)
        hi = text.find("\n", at, unit.end)
        hi = unit.end if hi < 0 else hi
        dates = [t.date for t in story.articles[unit.article].analysis.times if lo <= t.start and t.end <= hi]
    return any(d < cutoff[:len(d)] for d in dates)


def names_meet(first: Collection[str], second: Collection[str]) -> bool:
    """Whether two sets of names share a word ("Qeshm" and "Qeshm island" meet; Athens and Thessaloniki do not)."""
    return bool({w for x in first for w in x.split()} & {w for x in second for w in x.split()})


def places_meet(story: StoryView, first: Collection[str], second: Collection[str]) -> bool:
    """names_meet, or one set names a place the story's reports put inside a place the other names ("the Kenyan
    city of Nakuru" / "in Kenya": places_within); two towns of one country do not meet through it."""
    if names_meet(first, second):
        return True
    within = places_within(story)
    return any(b in within.get(a, ()) or a in within.get(b, ()) for a in first for b in second)


def same_scope(story: StoryView, a: Unit, b: Unit, kinds: Sequence[tuple[str, ...]] = _NAME_TYPES) -> bool:
    """Whether two sentences can speak of one scope: they name no two places, people or bodies that
    share nothing (Athens / Thessaloniki, one player / another; a town and the country a report puts it
    in are one scope); kinds: which of those to check."""
    for types in kinds:
        first = {name for name in a.entities if story.entity_type.get(name) in types}
        second = {name for name in b.entities if story.entity_type.get(name) in types}
        if first and second and not places_meet(story, first, second):
            return False
    return True


# what bounds the clause of a figure: a comma or semicolon before a space (not "20,000"), a colon,
# a bracket, a dash between spaces, "and" before another figure ("52 percent in Egypt and 82 percent in India")
_CLAUSE_MARK = re.compile(r"[,;:](?=\s)|[()\[\]]|\s[-–—]\s|\s(?:and|but|while)\s(?=[$€£]?\d)")


def clause_of(story: StoryView, unit: Unit, start: int, end: int) -> tuple[int, int]:
    """Where the clause of text[start:end] (a figure) begins and ends (_CLAUSE_MARK) within the quotation
    that holds it, else within its unit (quotation_around)."""
    text = story.articles[unit.article].text
    first, last = quotation_around(story, unit, start, end)
    # a bracket right after the figure is an aside ("1,150 km (700 miles) southeast of Tehran"): looked past
    aside = re.match(r"\s*\([^()]*\)", text[end:last])
    after = end + aside.end() if aside else end
    lo = max((m.end() for m in _CLAUSE_MARK.finditer(text, first, min(start + 2, last)) if m.end() <= start),
             default=first)
    hi = next((m.start() for m in _CLAUSE_MARK.finditer(text, after, last)), last)
    return lo, hi


# a clause set after a figure's by a conjunction of time or contrast ("20,000 people took to the streets of Athens as
# rallies all around the country kicked off", "… while others stayed home"): its scope is not the figure's (scope_of),
# though its day may be ("arrested 46 people as protests spread on Tuesday")
_CLAUSE_AFTER = re.compile(r"\s(?:as|while|whereas)\s(?!(?:of|well|many|much|far|long|soon|if|though|to|a|an|such|"
                           r"usual|expected|planned|promised|part)\b)(?=[a-z])")


def scope_of(story: StoryView, unit: Unit, end: int, clause: tuple[int, int]) -> frozenset[str]:
    """Which part or whole of a thing the figure ending at end counts, as the classes of SCOPE_MARKS its
    clause (clause_of) carries ("in the city alone": part; "across the country": whole; "since the
    protests began", read after the figure: since; "last year": earlier), up to a clause of its own after the figure
    (_CLAUSE_AFTER). Empty where the clause says nothing."""
    text = story.articles[unit.article].text
    lo, hi = clause
    hi = next((m.start() for m in _CLAUSE_AFTER.finditer(text, end, hi)), hi)
    return frozenset(name for name, words in SCOPE_MARKS
                     if words.search(text, end if name == "since" else lo, hi))


def dates_near(story: StoryView, unit: Unit, clause: tuple[int, int]) -> frozenset[str]:
    """The dates a figure's clause (clause_of) names itself, at their granularity: the time the figure is
    said of. A day read from the report's stamp ("today", "last night") is left out: it dates the report
    as often as the figure, and reports of two days read it as two days; so is a day counted from
    another happening ("a day after a stronger earthquake killed six"), which is read from the stamp
    too."""
    lo, hi = clause
    return frozenset(t.date for t in story.articles[unit.article].analysis.times
                     if lo <= t.start and t.end <= hi and not DEICTIC.search(t.text) and not RELATIVE_DAY.search(t.text))


def names_near(story: StoryView, unit: Unit, start: int, end: int) -> dict[int, frozenset[str]]:
    """The names of the clause of text[start:end] (a figure) within its unit, by kind of name (places,
    people, bodies): what the figure is said of ("80 percent in Egypt, 65 percent in India";
    "Hansbrough now has 2,302 points")."""
    text = story.articles[unit.article].text
    lo, hi = clause_of(story, unit, start, end)
    out: dict[int, set[str]] = defaultdict(set)
    for _, _, name in story.entities_in(unit.article, lo, hi):
        for k, types in enumerate(_NAME_TYPES):
            if story.entity_type.get(name) in types:
                out[k].add(name)
    if PEOPLE not in out and PERSONAL.search(text, lo, hi):
        out[PEOPLE].update(person_before(story, unit.article, lo))  # "where she'd worked for 15 years"
    return {k: frozenset(v) for k, v in out.items() if v}


def quotation_around(story: StoryView, unit: Unit, start: int, end: int) -> tuple[int, int]:
    """The span of what text[start:end] (a figure) is said in: the quoted words that hold it (a direct
    quotation, or a fragment quoted in reported speech: units.quoted_spans), else its unit. A quotation
    says what it says of whom its words name; who said it ("said Mara Quill", "she told the paper") is
    not whom its figures are of."""
    return next(((s, e) for s, e in quoted_spans(story.articles[unit.article].analysis)
                 if s <= start and end <= e and unit.start <= s and e <= unit.end), (unit.start, unit.end))


def person_before(story: StoryView, article: int, pos: int) -> set[str]:
    """The person an article names last before pos (none or one): whom a "he" or "she" at pos is
    taken to be, as a reader takes the pronoun."""
    before = [name for _, _, name in story.entities_in(article, 0, pos) if story.entity_type.get(name) == "PERSON"]
    return set(before[-1:])


def said_of(first: dict[int, frozenset[str]], second: dict[int, frozenset[str]],
            story: StoryView | None = None) -> bool | None:
    """Whether two figures are said of one named thing (True: their clauses share a name, or, given the
    story, one's place lies in the other's: places_meet), of two (False: each names a place, person or
    body the other does not share), or neither is known (None)."""
    verdict: bool | None = None
    for k in set(first) & set(second):
        if not (places_meet(story, first[k], second[k]) if story is not None and k == PLACES
                else names_meet(first[k], second[k])):
            return False
        verdict = True
    return verdict


def sharing_pairs(frames: Sequence[AbstractSet[str]], limit: int = POSTINGS) -> set[tuple[int, int]]:
    """Pairs (i, j), i < j, of frames (the words around a value) that share a word at most `limit`
    frames have: the candidates of a story-wide match, found without comparing every pair. A pair
    that shares only words most frames have would not pass a match's weight anyway."""
    postings: dict[str, list[int]] = defaultdict(list)
    for i, frame in enumerate(frames):
        for word in frame:
            postings[word].append(i)
    pairs: set[tuple[int, int]] = set()
    for members in postings.values():
        if len(members) <= limit:
            pairs.update((a, b) for x, a in enumerate(members) for b in members[x + 1:])
    return pairs


def sole_pairs(keys: Sequence[str | None], limit: int = POSTINGS) -> set[tuple[int, int]]:
    """Pairs (i, j), i < j, of values that share a key (what they are: a figure's kind), at most `limit`
    values having it: the candidates of a story-wide match whose words may share nothing (a report that
    gives a kind once speaks of the story's one such thing, however it words it)."""
    postings: dict[str, list[int]] = defaultdict(list)
    for i, key in enumerate(keys):
        if key is not None:
            postings[key].append(i)
    return {(a, b) for members in postings.values() if len(members) <= limit
            for x, a in enumerate(members) for b in members[x + 1:]}


def story_matches(story: StoryView, flat: Sequence[tuple[Unit, Any, AbstractSet[str]]], idf: dict[str, float],
                  floor: Callable[[int, int], float | None], also: Iterable[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """The story-wide match of values (number.py, date.py): pairs (i, j) of flat's (unit, value, frame)
    in two voices whose frames share words of story IDF weight at least floor(i, j) (None: never a
    match), each the other's best match in its article. `also`: candidates that need share no word
    (sole_pairs), which match where their floor is 0."""
    scored: dict[tuple[int, int], float] = {}
    for i, j in sharing_pairs([words for _, _, words in flat]) | set(also):
        if story.voice[flat[i][0].article] == story.voice[flat[j][0].article]:
            continue
        need = floor(i, j)
        if need is not None:
            score = sum(idf.get(w, 1.0) for w in flat[i][2] & flat[j][2])
            if score >= need:
                scored[(i, j)] = score + SOLE_WEIGHT  # a pair that shares no word still ranks (mutual_best)
    return mutual_best(scored, lambda k: flat[k][0].article)


def mutual_best(scores: dict[tuple[int, int], float], article_of: Callable[[int], int]) -> list[tuple[int, int]]:
    """The scored pairs (i, j) in which each is the other's best match in the other's article: a
    figure stated twice in one report is matched once, with the one its words fit best."""
    best: dict[tuple[int, int], tuple[float, int]] = {}
    for (i, j), score in scores.items():
        for me, other in ((i, j), (j, i)):
            key = (me, article_of(other))
            if score > best.get(key, (0.0, -1))[0]:
                best[key] = (score, other)
    return [(i, j) for i, j in sorted(scores) if best[(i, article_of(j))][1] == j and best[(j, article_of(i))][1] == i]
