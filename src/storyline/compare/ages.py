"""A named person's age that two voices give differently: "61-year-old Sharron Crawford Smith" / "Smith,
60, was released", "the 31-year-old Robert Buckley" / "Robert Buckley, 32". An age is a number of one
thing, disputed as numbers are (conflicts/number.py), but its words rarely agree around it (one outlet
puts it before the name, another after), so it is read here, by whose it is: the person a name's
entity span stands for, which the story's entities make one across outlets.

An age is read only where its words say whose it is, right beside a person's name: after it between
commas or in brackets ("Gary Gomes, 35, will face", "Gomes (35)", "Gomes, aged 35,", "Gomes, a
35-year-old teacher,"), or before it ("61-year-old Sharron Smith", "the 31-year-old Robert Buckley").
"A 60-year-old woman" names no one, and is left alone. An age at death is the age after a verb of
dying, of the person its sentence names first ("Declan Farrelly, who played Tom Keaney, has died
at 84", "died at the age of 81"): a person dies at one age, so two such readings are compared however far apart.

When in doubt there is none: a report that gives one person two ages (at the crime and at the trial),
an age marked as of another time ("the then-15-year-old Timmons"), ages of reports published more
than BEFORE_THE_STORY apart (an arrest and a trial two years on), and ages more than NEAR_YEARS apart
(27 when he was found, 29 when the jury convicted him: two times, not one age told two ways).
"""

from __future__ import annotations

import re
from collections import defaultdict

from storyline.compare.conflicts.conflict import BEFORE_THE_STORY, Conflict, StoryFindings
from storyline.model import ConflictKind

NEAR_YEARS = 1  # years two ages of one person may be apart and still be one age told two ways

_AGE = r"(?P<age>\d{1,3})"
# after a name: ", 35,", ", 35.", " (35)", ", aged 35,", ", a 35-year-old teacher"; not a count with a thousands
# separator (", 5,120 votes")
_AFTER_NAME = re.compile(r"\s*(?:,\s+(?:aged\s+)?" + _AGE + r"(?=\s*(?:,(?!\d)|;|\.(?!\d)|\)|\s[-–—]\s))"
                         r"|\(\s*(?:aged\s+)?" + _AGE.replace("age>", "bracketed>") + r"\s*\)"
                         r"|,\s+(?:an?|the)\s+" + _AGE.replace("age>", "described>") + r"-years?-old\b)")
# before a name: "61-year-old Sharron Smith", "the 31-year-old Robert Buckley"
_BEFORE_NAME = re.compile(r"(?<![\w.,-])" + _AGE + r"-years?-old\s+$")
# an age at death, after the verb of dying of the person the sentence names first ("Declan Farrelly, who played Tom
# Keaney, has died at 84", "died at the age of 81"): one time however far apart two reports put it
_AT_DEATH = re.compile(r"\b(?:died|dies|has\s+died|passed\s+away)\s+(?:aged|at(?:\s+the\s+age\s+of)?)\s+"
                       + _AGE + r"\b(?![.,:]\d|\s*(?:%|per|years?\s+(?:after|before|since)|[ap]\.?m\b|o'clock))",
                       re.IGNORECASE)  # not a clock time: "passed away at 6:41pm", "died at 11 p.m."
_ANOTHER_TIME = re.compile(r"\bthen[-\s]*$", re.IGNORECASE)  # "the then-15-year-old": an age of the past
# A bare figure in brackets is a game's tally as often as an age ("Okafor (24) and Lee (19) led the scoring", "Ruiz
# (3) stopped the last shot"): in a sentence that speaks of a game's measures it is left alone.
_SCORING = re.compile(r"\b(?:points?|pts|goals?|rebounds?|assists?|yards?|touchdowns?|tackles?|strokes?|saves?|laps?|"
                      r"innings|wickets?|runs|scor(?:e|es|ed|ing|er|ers))\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


def _sentence_around(text: str, start: int, end: int) -> str:
    """The sentence holding text[start:end], as far as a full stop, question or exclamation mark either side."""
    before = [m.end() for m in _SENTENCE_END.finditer(text, max(0, start - 300), start)]
    after = _SENTENCE_END.search(text, end)
    return text[before[-1] if before else max(0, start - 300):after.end() if after else len(text)]


def _ages(found: StoryFindings, pos: int) -> list[tuple[str, int, int, int, bool]]:
    """The ages article pos gives of the story's people: (person, age, start, end of the figure, whether
    it is an age at death)."""
    story = found.story
    text = story.articles[pos].text
    out = [(name, age, start, end, False) for name, age, start, end in _beside_names(found, pos)]
    people = [(start, end, name) for start, end, name in story.entity_spans.get(pos, [])
              if story.entity_type.get(name) == "PERSON"]
    for m in _AT_DEATH.finditer(text):
        named = [name for start, end, name in people if end <= m.start() and
                 not _SENTENCE_END.search(text, end, m.start())]
        if named and 0 < int(m.group("age")) < 120:
            out.append((named[0], int(m.group("age")), m.start("age"), m.end("age"), True))
    return out


def _beside_names(found: StoryFindings, pos: int) -> list[tuple[str, int, int, int]]:
    """The ages article pos gives right beside a person's name: (person, age, start, end of the figure)."""
    story = found.story
    text = story.articles[pos].text
    out = []
    for start, end, name in story.entity_spans.get(pos, []):
        if story.entity_type.get(name) != "PERSON":
            continue
        after = _AFTER_NAME.match(text, end)
        if after:
            group = next(g for g in ("age", "bracketed", "described") if after.group(g))
            tally = group == "bracketed" and "aged" not in after.group() \
                and _SCORING.search(_sentence_around(text, start, after.end())) is not None
            if not tally:
                out.append((name, int(after.group(group)), after.start(group), after.end(group)))
        before = _BEFORE_NAME.search(text, max(0, start - 20), start)
        if before and not _ANOTHER_TIME.search(text, max(0, before.start() - 8), before.start()):
            out.append((name, int(before.group("age")), before.start("age"), before.end()))
    return [a for a in out if 0 < a[1] < 120]


def age_conflicts(found: StoryFindings) -> list[Conflict]:
    """Two ages of one named person in two voices, of one time, that differ."""
    story = found.story
    by_person: dict[str, dict[int, set[tuple[int, int, int]]]] = defaultdict(lambda: defaultdict(set))
    at_death: dict[str, set[bool]] = defaultdict(set)
    for pos in range(len(story.articles)):
        for person, age, start, end, dying in _ages(found, pos):
            by_person[person][pos].add((age, start, end))
            at_death[person].add(dying)
    out: list[Conflict] = []
    for person, readings in by_person.items():
        values: dict[int, tuple[str, str, list[tuple[int, int]]]] = {}
        units: dict[int, int] = {}
        for pos, here in readings.items():
            if len({age for age, _, _ in here}) != 1:
                continue  # two ages of one person in one report: two times (the crime, the trial)
            age, start, end = min(here, key=lambda r: r[1])
            unit = found.unit_of(pos, start)
            if unit is None:
                continue
            values[pos], units[pos] = (str(age), story.articles[pos].text[start:end], [(start, end)]), unit
        ages = {int(v[0]) for v in values.values()}
        if len(ages) < 2 or len({story.voice[pos] for pos in values}) < 2:
            continue
        if max(ages) - min(ages) > NEAR_YEARS and at_death[person] != {True}:
            continue  # ... unless every reading is of the one time a person dies at
        days = [story.articles[pos].published for pos in values]
        known = [d for d in days if d is not None]
        if known and max(known) - min(known) > BEFORE_THE_STORY:
            continue  # reports of two times: a person is a year older by the trial
        out.append(Conflict(ConflictKind.NUMBER, f"number:age of {person}", values, units))
    return out
