"""Where a person stays, as it changes between reports of different days: one update, a dated
progression ("checked into a clinic in Newport Beach" on 2 May, "checked into the Betty Ford Center"
on 3 May, "checked in to the Cliffside centre in Malibu" on 13 June), never a dispute of one place.

A report's reading is its first sentence in which a person goes into a named place (lang.en_stages.MOVED_INTO:
checked into, admitted to, transferred to, followed within its clause (and its line) by a place,
facility or body the analysis names), said of the person the sentence names before the words; a
sentence that names no one ("The actress checked in to ...") is of the person most of the story's
readings name, where one is named by most. Reports are read by day, and within a day by time
of day where the feed gives one (report_order.py). The reports of one moment whose places share a
word besides words many places share (lang.en_stages.STAY_WORDS: center, clinic, rehab) tell one place
("Morningside Recovery in Newport Beach", "Newport Beach"); a moment's place is
the one most of its reports tell. Each moment's place that shares no word with any earlier step's is
a new step; one that shares a word with the last step's is that step as it stood.

When in doubt there is none: a going-in denied or supposed ("never checked into", "pretending to
check into", "could be admitted to"), a line that names a day before the story (a stay years ago:
conflict.before_the_story), a moment whose reports tell two places equally often, a return to an
earlier step's place, and a voice that would give two steps are left out."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from storyline.compare.conflicts.conflict import Conflict, StoryFindings, before_the_story, clause_of, person_before
from storyline.compare.report_order import report_moments
from storyline.compare.units import StoryView, Unit
from storyline.lang.en_stages import MOVED_INTO, PRETENDED, STAGE_DOUBT, STAY_WORDS
from storyline.model import ConflictKind

PLACE_TYPES = frozenset({"GPE", "LOC", "FAC", "ORG"})  # what a person can go into: a town, a clinic, a prison


@dataclass(frozen=True)
class _Stay:
    """One report's reading: whose stay, the places named, and where it is told (article offsets)."""

    person: str
    places: frozenset[str]
    shown: str
    span: tuple[int, int]
    unit: Unit
    named: bool  # the sentence names the person (else the person named last before it is taken)


def _stays_in(story: StoryView, unit: Unit) -> list[_Stay]:
    """Every going-in to a named place the sentence tells, with its person."""
    out = []
    text = story.articles[unit.article].text
    for m in MOVED_INTO.finditer(text, unit.start, unit.end):
        if STAGE_DOUBT.search(text[max(unit.start, m.start() - 40):m.start()]) or \
                PRETENDED.search(text[max(unit.start, m.start() - 20):m.start()]):
            continue
        _, hi = clause_of(story, unit, m.end(), m.end())
        line_end = text.find("\n", m.end(), hi)
        hi = hi if line_end < 0 else line_end  # a headline's clause ends with its line
        named = [(s, e, name) for s, e, name in story.entities_in(unit.article, m.end(), hi)
                 if story.entity_type.get(name) in PLACE_TYPES]
        if not named:
            continue
        people = [name for s, _, name in story.entities_in(unit.article, unit.start, m.start())
                  if story.entity_type.get(name) == "PERSON"]
        named_here = bool(people)
        people = people or sorted(person_before(story, unit.article, m.start())) or [""]
        end = named[-1][1]
        out.append(_Stay(people[-1], frozenset(name for _, _, name in named), named[0][2], (m.start(), end), unit,
                         named_here))
    return out


def _meet(first: Iterable[str], second: Iterable[str]) -> bool:
    """Whether two sets of place names share a word besides those many places share (lang.en_stages.STAY_WORDS:
    "Betty Ford Center" and "Cliffside Rehab Center" do not meet; "Morningside Recovery" and "Morningside" do)."""
    def words(names: Iterable[str]) -> set[str]:
        return {w.casefold() for name in names for w in name.split()} - STAY_WORDS
    return bool(words(first) & words(second))


def moved_places(found: StoryFindings) -> list[Conflict]:
    """One update per person whose reports of later days put them in a new place."""
    story = found.story
    moment_of = report_moments(story)
    if not moment_of:
        return []
    earliest = date.fromisoformat(min(day for day, _ in moment_of.values()))
    stays: list[_Stay] = [stay for unit in found.units if unit.article in moment_of
                          for stay in _stays_in(story, unit)
                          if not before_the_story(unit, earliest, story, stay.span[0])]
    named = Counter(stay.person for stay in stays if stay.named and stay.person)
    main = next((person for person, n in named.most_common(1) if 2 * n > sum(named.values())), None)
    told: dict[str, dict[int, list[_Stay]]] = defaultdict(lambda: defaultdict(list))  # person -> article -> stays
    for stay in stays:
        # a sentence that names no one ("The actress checked in to ...") is of the person most others name
        person = stay.person if stay.named or main is None else main
        told[person][stay.unit.article].append(stay)
    return [c for person, reports in sorted(told.items())
            if person and (c := _moves(story, person, reports, moment_of)) is not None]


def _moves(story: StoryView, person: str, told: dict[int, list[_Stay]],
           moment_of: dict[int, tuple[str, str]]) -> Conflict | None:
    """The update of one person's whereabouts, if reports of later moments put them in a new place. A
    report's reading is its first stay; its evidence every stay it tells of its step's place."""
    reports = {pos: stays[0] for pos, stays in told.items()}
    steps: list[tuple[frozenset[str], dict[int, _Stay]]] = []  # each step's places and its reports
    for when in sorted({moment_of[pos] for pos in reports}):
        today = {pos: s for pos, s in reports.items() if moment_of[pos] == when}
        groups = _one_place_groups(today)
        sizes = sorted((len(g) for g in groups), reverse=True)
        if len(sizes) > 1 and sizes[0] == sizes[1]:
            continue  # two places told equally often: a dispute, or nothing to tell
        group = max(groups, key=len)
        places = frozenset(name for pos in group for name in today[pos].places)
        if steps and _meet(places, steps[-1][0]):
            steps[-1] = (steps[-1][0] | places, {**steps[-1][1], **{pos: today[pos] for pos in group}})
            continue
        if any(_meet(places, before) for before, _ in steps):
            continue  # back to an earlier place, or a report of a later day that tells an earlier stay
        steps.append((places, {pos: today[pos] for pos in group}))
    voices = [{story.voice[pos] for pos in step} for _, step in steps]
    if len(steps) < 2 or any(a & b for x, a in enumerate(voices) for b in voices[x + 1:]):
        return None
    text = story.articles
    return Conflict(ConflictKind.PLACE, f"place:where {person} is",
                    {pos: (next(iter(step.values())).shown, text[pos].text[s.span[0]:s.span[1]],
                           sorted({t.span for t in told[pos] if _meet(t.places, places)}))
                     for places, step in steps for pos, s in step.items()},
                    {pos: s.unit.index for _, step in steps for pos, s in step.items()}, update=True,
                    order={pos: n for n, (_, step) in enumerate(steps) for pos in step})


def _one_place_groups(today: dict[int, _Stay]) -> list[set[int]]:
    """The reports of one moment in groups that tell one place: places that share a word, transitively."""
    groups: list[tuple[set[str], set[int]]] = []
    for pos, stay in today.items():
        joined = [g for g in groups if _meet(g[0], stay.places)]
        names, members = set(stay.places), {pos}
        for g in joined:
            names |= g[0]
            members |= g[1]
            groups.remove(g)
        groups.append((names, members))
    return [members for _, members in groups]
