"""The happening a story is about, and the sentences of each report's lead that tell it.

Reports of one event tell it first, in their lead, each in its own words: "A fire that broke out on
Wednesday evening destroyed a parcel warehouse …" / "A giant parcel depot went up in flames late on
Tuesday night …". Those sentences may share nothing but the kind of happening (lang/en_happenings.py:
the fire, the blaze, the flames), and a reader still takes them for one happening told twice: the one
the story is about. The story's happening is the kind that the leads of most of its reports name; in a
lead, the kind's own name ("the fire", "the shooting") names it too, though elsewhere the word may name
something else ("came under fire"). compare/conflicts/date.py compares the day and the time of day the
leads give it.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from storyline.compare.units import StoryView, Unit
from storyline.lang.en_happenings import ANOTHER_ONE, SEQUELS, SHORT_NAMES
from storyline.words import as_happenings, content_stems, light_stem

LEAD = 4  # a report's first units (its headline and its first sentences) that are its lead
NEAR = 8  # content words before a day or a time, within its sentence, that may name the happening it dates
AFTER = 3  # ... and content words after it ("On Tuesday night a fire …" names it after)


def lead_units(units: Sequence[Unit]) -> dict[int, list[Unit]]:
    """Each article's lead: its first LEAD units, in order."""
    leads: dict[int, list[Unit]] = defaultdict(list)
    for u in units:
        if len(leads[u.article]) < LEAD:
            leads[u.article].append(u)
    return leads


def _kinds(stems: Sequence[str], kind: str | None = None) -> set[str]:
    """The kinds of happening a run of stems names; with kind, its own name counts as it ("fire")."""
    found = {w for w in as_happenings(stems) if w.startswith("@")}
    if kind is not None and any(light_stem(name) in stems for name in (kind[1:], *SHORT_NAMES.get(kind[1:], ()))):
        found.add(kind)
    return found


def story_happening(story: StoryView, units: Sequence[Unit]) -> str | None:
    """The kind of happening ("@fire") the leads of most of the story's reports name, by its words
    other than its name, in two voices at least and half the story's voices; None where no kind is, or
    two are as often."""
    voices_of: dict[str, set[str]] = defaultdict(set)
    for article, lead in lead_units(units).items():
        for kind in set().union(*(_kinds(u.stems) for u in lead)):
            voices_of[kind].add(story.voice[article])
    counts = Counter({kind: len(v) for kind, v in voices_of.items()})
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < max(2, len(set(story.voice)) / 2):
        return None
    if len(ranked) == 2 and ranked[1][1] == ranked[0][1]:
        return None
    return ranked[0][0]


def opens_with(story: StoryView, unit: Unit, kind: str) -> bool:
    """Whether a sentence opens with the story's happening and a verb of its coming ("The slide struck at about 4:40
    a.m.", "The blaze broke out …"): its first content word names the kind and the next word is such a verb; not
    "The slide site was sealed off at 2 p.m.", "The slide followed rain that began at 2 a.m." (another's time)."""
    opening = _OPENING.match(story.articles[unit.article].text, unit.start, unit.end)
    return opening is not None and kind in _kinds(unit.stems[:1], kind)


# "The slide struck", "A fire broke out", "The quake hit": a happening's word and a verb of its coming
_OPENING = re.compile(r"\W*(?:the|a|an)\s+(?:[\w-]+\s+)?[\w-]+\s+(?:struck|hit|happened|occurred|began|started|broke\s+out"
                      r"|erupted|came\s+down|swept|tore|ripped|slammed|crashed)\b", re.IGNORECASE)


def near_words(story: StoryView, unit: Unit, start: int, end: int) -> frozenset[str]:
    """The content stems of a unit right around text[start:end] (a day, a time): NEAR before it and
    AFTER after it, its own words left out."""
    before, after = _around(story, unit, start, end)
    return frozenset(before + after) - frozenset(content_stems(story.articles[unit.article].text[start:end]))


def tells_happening(story: StoryView, unit: Unit, kind: str, start: int, end: int) -> bool:
    """Whether the words of a unit right around text[start:end] (a day, a time) name the happening of
    the kind: "the blaze broke out about 8.40pm", "On Tuesday night a fire …"; not "stole gems …, a
    raid described on Friday as the most lucrative heist" (the day is the description's), nor "shot and
    killed by police fueled a riot on the streets Monday" (the day is the riot's)."""
    before, after = _around(story, unit, start, end)
    named = [k for k in (_kinds([w], kind) for w in as_happenings(before)) if k]
    if named:
        return kind in named[-1]  # the happening named last before it: "killed by police fueled a riot … Monday"
    return kind in _kinds(after, kind)


def _around(story: StoryView, unit: Unit, start: int, end: int) -> tuple[list[str], list[str]]:
    text = story.articles[unit.article].text
    return content_stems(text[unit.start:start])[-NEAR:], content_stems(text[end:unit.end])[:AFTER]


def tells_another(story: StoryView, lead: Sequence[Unit], kind: str) -> bool:
    """Whether a report's lead tells of more than one happening of the kind ("Monday's earthquake was
    the second one to hit", "a fresh blaze", "followed by several aftershocks"): which one a day or a
    time of it is, only its words say."""
    for u in lead:
        if SEQUELS.search(u.text):
            return True
        for m in ANOTHER_ONE.finditer(u.text):
            words = m.group(1)
            if "one" in words.lower().split() or kind in _kinds(content_stems(words), kind):
                return True
    return False
