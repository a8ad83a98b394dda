"""Speaker conflicts ("who said it"): one quotation, word for word, put in two people's mouths by two
outlets that each name the speaker beside it: in the sentence itself, or as the one person its
paragraph names.

Two people, not a person and an organisation (a spokesman speaks for his company, an outlet for
its reporter), and a statement, not a phrase: a few words in quotation marks ("like wildfire") are
borrowed by whoever repeats them, so who said them first is no fact an outlet states."""

from __future__ import annotations

from collections.abc import Callable

from storyline.compare.conflicts.conflict import Conflict, Detector, StoryFindings
from storyline.compare.statements import QuotedStatement, quote_score, statement_idf
from storyline.compare.thresholds import QUOTE_EXACT
from storyline.compare.units import StoryView
from storyline.model import ConflictKind
from storyline.text import paragraph_around
from storyline.words import folded_words

STATEMENT_WORDS = 5  # a quotation of fewer words is a phrase, not a statement


def speaker_conflicts(story: StoryView, statements: list[QuotedStatement], pairs: dict[tuple[int, int], float],
                       unit_of: Callable[[int, int], int | None]) -> list[Conflict]:
    """One quotation, word for word, put in two people's mouths by two outlets that each name the
    speaker beside it (_named; not through "he said" resolved to someone a paragraph before)."""
    idf = statement_idf(statements)
    out = []
    for (i, j), cosine in pairs.items():
        a, b = statements[i], statements[j]
        if not (a.direct and b.direct and a.speaker and b.speaker and _named(story, a) and _named(story, b)):
            continue
        if a.speaker == b.speaker or story.voice[a.article] == story.voice[b.article]:
            continue
        if any(story.entity_type.get(name) != "PERSON" for name in (a.speaker, b.speaker)):
            continue
        if min(len(folded_words(a.text)), len(folded_words(b.text))) < STATEMENT_WORDS:
            continue
        if quote_score(a, b, cosine, idf) < QUOTE_EXACT + 0.1:
            continue
        values: dict[int, tuple[str, str, list[tuple[int, int]]]] = {}
        units: dict[int, int] = {}
        for s, name in ((a, a.speaker or ""), (b, b.speaker or "")):
            span = s.parts[0].speaker_span or (s.start, s.end)
            values[s.article] = (name, name, [(p.start, p.end) for p in s.parts] + [(span[0], span[1])])
            u = unit_of(s.article, s.start)
            if u is not None:
                units[s.article] = u
        out.append(Conflict(ConflictKind.PERSON, f"person:{min(a.speaker, b.speaker)}|{max(a.speaker, b.speaker)}",
                             values, units))
    return out


def _named(story: StoryView, statement: QuotedStatement) -> bool:
    """Whether an outlet names a quotation's speaker beside it: in the quotation's own sentence, or as the
    one person its paragraph names ("Serrano's captain, Diego Sampaio, spoke for the squad. “…,” he said.":
    the "he" no reader could take for anyone else)."""
    if statement.explicit_speaker:
        return True
    text = story.articles[statement.article].text
    lo, hi = paragraph_around(text, statement.start, statement.end)
    people = {name for _, _, name in story.entities_in(statement.article, lo, hi)
              if story.entity_type.get(name) == "PERSON"}
    return people == {statement.speaker}


def _in_story(found: StoryFindings) -> list[Conflict]:
    return speaker_conflicts(found.story, found.statements, found.quote_pairs, found.unit_of)


DETECTOR = Detector(ConflictKind.PERSON, in_story=_in_story)
