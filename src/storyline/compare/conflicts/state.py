"""State updates: a case that moved on between reports of different days ("was still on the run", then
"was captured"; "has been charged with arson", then "has denied arson"), or the condition of someone
hurt ("in critical condition", then "is recovering").

Each is a ladder of stages (LADDERS: lang.en_stages.CASE_STAGES, sought, arrested, charges expected,
charged, arraigned, sent to trial, convicted or acquitted, sentenced; lang.en_stages.CONDITION_STAGES,
critical, serious, stable, recovering, out of hospital; PENALTY_STAGES, a death sentence undecided,
sought, imposed; ACCESS_STAGES, roads or a site closed, reopened; CAUSE_STAGES, a cause possible,
suspected, established; SERVICE_STAGES, a service restored to some customers, then to all). A
report's stage on a ladder is the first its sentences tell, its lead's.
Reports are read by day, and within a day by time of day where the feed gives one (report_order.py);
a moment's stage is what most of its reports tell, and a case only moves on, so of one moment's
reports, one that tells a stage before it tells what came before ("officials are considering arson",
then most "suspect arson"), and one that tells the next stage tells what came later (most say the
roads are closed, one that they reopened at 4.30pm); a stage further on is of the background ("the
convicted sex offender" in a report of his escape). Each stage that goes further than every earlier
one is a step of one update, shown as a dated progression, never as a dispute, each step with
every report of that day that tells it, and with the reports of later days that all still tell it
("still on the run" on Thursday, between Monday's escape and the capture a week on), as
rising_counts.py keeps a count as it stood; the evidence of a step is every sentence of its reports
that tells that stage, or one the case passed since the step before ("was arrested", then "was
charged").

When in doubt there is none: a stage denied or supposed ("has not been charged", "could face
charges"), a stage whose line names a day, month or year before the story (a conviction years ago)
or, on a ladder of a person, no person, a day whose stage goes no further, and a voice that would
give two steps are left out."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date

from storyline.compare.conflicts.conflict import Conflict, Detector, StoryFindings, before_the_story
from storyline.compare.report_order import report_moments
from storyline.compare.units import StoryView, Unit
from storyline.lang.en import PERSON_ROLES
from storyline.lang.en_stages import (
    ACCESS_STAGES,
    CASE_STAGES,
    CAUSE_STAGES,
    CONDITION_STAGES,
    PENALTY_STAGES,
    PERSON_NOUNS,
    SERVICE_STAGES,
    STAGE_DOUBT,
    Ladder,
)
from storyline.memo import memo
from storyline.model import ConflictKind
from storyline.words import folded_words

PERSON_WORDS = PERSON_NOUNS | PERSON_ROLES


def _of_a_person(story: StoryView, unit: Unit) -> bool:
    return (any(story.entity_type.get(name) == "PERSON" for name in unit.entities)
            or bool(PERSON_WORDS & set(folded_words(unit.text))))


def stage_of(unit: Unit, ladder: str) -> tuple[int, str, tuple[int, int], list[tuple[int, int]]] | None:
    """The furthest stage one sentence tells on a ladder of LADDERS, with the first words that tell it and
    all of them (article offsets): "roads were cordoned off and are likely to remain closed" tells it twice."""
    told = _stage_told(unit.text, ladder)
    if told is None:
        return None
    rank, label, (a, b), spans = told
    return rank, label, (unit.start + a, unit.start + b), [(unit.start + x, unit.start + y) for x, y in spans]


@memo(32_768)  # a grown story's sentences are read again at every brief, on each of the five ladders
def _stage_told(text: str, ladder: str) -> tuple[int, str, tuple[int, int], tuple[tuple[int, int], ...]] | None:
    """stage_of within the sentence's own text (offsets from its start)."""
    best = None
    for rank, (label, pattern) in enumerate(LADDERS[ladder][0]):
        for m in pattern.finditer(text):
            if STAGE_DOUBT.search(text[max(0, m.start() - 40):m.start()]):
                continue
            span = (m.start(), m.end())
            if best is None or rank > best[0]:
                best = (rank, label, span, [span])
            elif rank == best[0]:
                best[3].append(span)
    return None if best is None else (best[0], best[1], best[2], tuple(best[3]))


def two_stages(a: Unit, b: Unit) -> bool:
    """Whether two sentences tell two stages of one ladder ("was charged in 1957" / "was acquitted in
    1958"): a day each gives is the day of another step, no dispute of one day."""
    for ladder in LADDERS:
        first, second = stage_of(a, ladder), stage_of(b, ladder)
        if first is not None and second is not None and first[0] != second[0]:
            return True
    return False


def _subject(story: StoryView, steps: dict[int, list[tuple[Unit, int]]]) -> str:
    """Whose case (or condition) it is: a person the stage sentences of two steps or more name (the one
    most steps name, then the one most often named before the stage words, as the one it happens to is:
    "Andrew Lopez was found guilty ... in the death of Zurana Horton"), else "the case". A person one
    step alone names may be anyone its sentence mentions: the prosecutor who "will seek the death
    penalty", a spokeswoman, the victim, a word the model read as a name ("armed and Dangerous").
    steps: each step's stage sentences, each with where its stage words start in the article."""
    named: Counter[str] = Counter()
    before: Counter[str] = Counter()
    for told in steps.values():
        people = {name for unit, _ in told for name in unit.entities if story.entity_type.get(name) == "PERSON"}
        named.update(people)
        for unit, at in told:
            text = story.articles[unit.article].text[unit.start:at]
            before.update(name for name in unit.entities if name in people and
                          (name in text or name.split()[-1] in text.split()))
    shared = [name for name, steps_ in named.items() if steps_ >= 2]
    return min(shared, key=lambda name: (-named[name], -before[name], name)) if shared else "the case"


def state_in_story(found: StoryFindings) -> list[Conflict]:
    """One update per ladder (a case's stages, a person's condition) whose later reports tell later
    stages."""
    story = found.story
    moment_of = report_moments(story)
    if not moment_of:
        return []
    earliest = date.fromisoformat(min(day for day, _ in moment_of.values()))
    units = [u for u in found.units if u.article in moment_of]
    personal = [u for u in units if _of_a_person(story, u)]
    return [c for name, (_, of_person) in LADDERS.items()
            if (c := _climbed(story, personal if of_person else units, moment_of, name, earliest)) is not None]


def _climbed(story: StoryView, units: list[Unit], moment_of: dict[int, tuple[str, str]], ladder: str,
             earliest: date) -> Conflict | None:
    """The update of one ladder in the story's dated sentences, if its later reports tell later stages:
    reports of later days, or of one day (a time of day, else the stages themselves: a case only moves
    on, so of one day's reports, the one that tells a later stage tells what came later). A stage whose
    line names a day before the story is of the past ("In April 2007 he was sentenced to death"; a
    conviction years ago): conflict.before_the_story."""
    told: dict[int, tuple[int, str, tuple[int, int], Unit]] = {}  # article -> its lead's stage
    spans: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)  # (article, stage) -> where told
    for unit in units:
        if (stage := stage_of(unit, ladder)) and not before_the_story(unit, earliest, story, stage[2][0]):
            told.setdefault(unit.article, (*stage[:3], unit))
            spans[(unit.article, stage[0])].extend(stage[3])
    kept: dict[int, tuple[int, str, tuple[int, int], Unit]] = {}
    climbed: dict[int, list[tuple[int, int]]] = {}  # article -> where it tells the stages it climbed
    order: dict[int, int] = {}  # article -> its step
    reached = -1  # the stage the earlier reports told
    for when in sorted({moment_of[pos] for pos in told}):
        today = {pos: step for pos, step in told.items() if moment_of[pos] == when}
        counts = Counter(step[0] for step in today.values())
        modal = min(counts, key=lambda rank: (-counts[rank], rank))  # what most of the moment's reports tell
        # a stage before the modal one came before it, the next one after it came later; one further on
        # is of the background ("the convicted sex offender" in a report of his escape)
        further = sorted(rank for rank in counts if reached < rank <= max(modal, reached) + 1)
        for rank in further:
            # "was arrested …", then "was charged": a later step's evidence is every stage its report
            # tells beyond the step before, which the case passed on the way
            passed = range(reached + 1 if reached >= 0 else rank, rank + 1)
            index = len(set(order.values()))
            for pos, step in today.items():
                if step[0] == rank:
                    kept[pos] = step
                    climbed[pos] = sorted(span for r in passed for span in spans[(pos, r)])
                    order[pos] = index
            reached = rank
        if not further and reached >= 0 and all(step[0] == reached for step in today.values()):
            # a later moment whose reports all still tell the stage reached ("was still on the run" on
            # Thursday): the case as it stood, part of that step, shown before the next
            for pos, step in today.items():
                kept[pos] = step
                climbed[pos] = sorted(spans[(pos, reached)])
                order[pos] = max(order.values())
    by_voice: dict[str, set[int]] = defaultdict(set)
    for pos, step in kept.items():
        by_voice[story.voice[pos]].add(step[0])
    if len({step[0] for step in kept.values()}) < 2 or any(len(ranks) > 1 for ranks in by_voice.values()):
        return None
    by_step: dict[int, list[tuple[Unit, int]]] = defaultdict(list)
    for pos, (_, _, (start, _), unit) in kept.items():
        by_step[order[pos]].append((unit, start))
    # a service's restoration is of the service, whoever its sentences name (the operator, a tweet)
    subject = _THINGS.get(ladder) or _subject(story, by_step)
    return Conflict(ConflictKind.STATE, f"state:{subject}@{ladder}",
                    {pos: (label, story.articles[pos].text[s:e], climbed[pos])
                     for pos, (rank, label, (s, e), _) in kept.items()},
                    {pos: unit.index for pos, (*_, unit) in kept.items()}, update=True, order=order)


# each ladder, and whether its stages are told of a person (a case, a condition) or of a thing (roads, a cause)
# (a death sentence is only ever a person's, so its stages need no person named: "the district
# attorney's office will decide whether to seek the death penalty")
LADDERS: dict[str, tuple[Ladder, bool]] = {"case": (CASE_STAGES, True), "condition": (CONDITION_STAGES, True),
                                           "penalty": (PENALTY_STAGES, False), "access": (ACCESS_STAGES, False),
                                           "cause": (CAUSE_STAGES, False), "service": (SERVICE_STAGES, False)}
# what a ladder of no person's stages is of: a service restored, a road or site reopened, a cause established
_THINGS = {"service": "the service", "access": "access", "cause": "the cause"}
DETECTOR = Detector(ConflictKind.STATE, in_story=state_in_story)
