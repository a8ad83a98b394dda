"""Speakers of quotations in a language other than English, through the cue verbs of its storyline.lang module:
a name right after the cue ("», a déclaré Okan Demirtaş"), or before it ("Rubio a déclaré : « … »"); the
fullest form of the name the article gives (multilingual.py reads the rest of such an article)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from storyline.model import Mention

_AFTER_WINDOW = 60  # characters after a closing mark in which the cue must begin
_SPEAKER_WINDOW = 80


class Cue(NamedTuple):
    start: int
    end: int
    text: str


def attribute_in_language(text: str, open_: int, close: int, sentence: tuple[int, int], cues: re.Pattern[str] | None,
               people: Sequence[Mention]) -> tuple[Cue | None, tuple[int, int] | None]:
    """The cue of a quote and the span of the name it gives: after the closing mark, else before the opening one."""
    if cues is None:
        return None, None
    paragraph_end = text.find("\n", close)
    limit = len(text) if paragraph_end < 0 else paragraph_end
    after = cues.search(text, close + 1, min(limit, close + 1 + _AFTER_WINDOW))
    if after and re.fullmatch(r"[\s,.;:—–-]*", text[close + 1:after.start()]):
        cue = Cue(after.start(), after.end(), after.group())
        end = _cue_clause_end(text, after.end(), limit)
        return cue, _first_name(people, after.end(), end)
    before_start = max(sentence[0], text.rfind("\n", 0, open_) + 1)
    befores = list(cues.finditer(text, before_start, open_))
    if befores and re.fullmatch(r"[^.!?«»„“”\"]*", text[befores[-1].end():open_]):
        found = befores[-1]  # "Rubio a déclaré : « … »", "Según Zelenski, «…»"
        cue = Cue(found.start(), found.end(), found.group())
        name = _last_name(people, before_start, found.start()) or _first_name(people, found.end(), open_)
        return cue, name
    return None, None


def _cue_clause_end(text: str, start: int, limit: int) -> int:
    """Where the words after a cue stop naming the speaker: the sentence end or the next quote mark."""
    match = re.compile(r"[.!?;«»„“”\"]").search(text, start, min(limit, start + _SPEAKER_WINDOW))
    return match.start() if match else min(limit, start + _SPEAKER_WINDOW)


def _speaker_rank(mention: Mention) -> tuple[bool, bool]:
    """How good a speaker a name makes, lower first: people, then names of two or more words, then any."""
    return mention.label != "PERSON", len(mention.text.split()) < 2


def _best_speakers(people: Sequence[Mention], lo: int, hi: int) -> list[Mention]:
    """The names in lo..hi of the best rank (`_speaker_rank`) present; an acronym (AFAD, США) is an
    organisation and never speaks here."""
    inside = [m for m in people if lo <= m.start and m.end <= hi and not m.text.isupper()]
    if not inside:
        return []
    top = min(_speaker_rank(m) for m in inside)
    return [m for m in inside if _speaker_rank(m) == top]


def _first_name(people: Sequence[Mention], lo: int, hi: int) -> tuple[int, int] | None:
    """The speaker a cue names after it: the best-ranked name, the earliest of its rank."""
    best = _best_speakers(people, lo, hi)
    chosen = min(best, key=lambda m: m.start) if best else None
    return (chosen.start, chosen.end) if chosen else None


def _last_name(people: Sequence[Mention], lo: int, hi: int) -> tuple[int, int] | None:
    """The speaker a cue names before it ("Rubio a déclaré : « … »"): the best-ranked name nearest the cue."""
    best = _best_speakers(people, lo, hi)
    chosen = max(best, key=lambda m: m.start) if best else None
    return (chosen.start, chosen.end) if chosen else None


def fullest_name(name: str, people: Sequence[Mention], text: str) -> str:
    """The fullest form of a name the article gives ("Zelenski" -> "Volodímir Zelenski"), same last word."""
    last = name.split()[-1]
    forms = [text[m.start:m.end] for m in people if m.text.split() and m.text.split()[-1] == last]
    return max(forms + [name], key=lambda f: (len(f.split()), len(f)))
