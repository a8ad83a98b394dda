"""Names the model labels as a body or a place at the mention that speaks, which the article's own words show
to be a person's: a reader takes a name as a person's wherever it recurs once the article shows it is one.

- a name followed by a verb and "himself" or "herself" ("Sanders compared himself to Clinton"): only a person
  does something to himself;
- a name set in apposition after a kin or role noun ("Schilling's son, Grant, defended his father");
- a name with a role set in apposition after it ("Dana Ruiz, the party chairman, said"), up to the comma or
  full stop closing the role: a place stands so before a clause of its own ("In Ohio, the state senator said");
- a two-word name opened by a given name borne by one sex only ("Carly Fiorina", "Dana Ruiz"), not after a
  preposition anywhere in the article ("in Jordan Valley");
- a name with an age in apposition ("Munro, 73, was the last keeper"), and a fuller name the model took for a
  body or a place ending in it;
- a two-word name whose last word the article writes after "Mr", "Mrs", "Ms", "Miss" or "Dr" ("Gilberto
  Quispe" beside "Mr Quispe told local radio");
and then every other mention of the same words in the article is that person too, whatever the model's label
there. Only one- and two-word names that could be a person's (no word of a body, no title) are read so.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from storyline.analyze.entities import ORG_WORDS
from storyline.analyze.person_names import could_be_name
from storyline.lang.en import FEMALE_GIVEN_NAMES, KIN, MALE_GIVEN_NAMES, ONE_SEX_GIVEN_NAMES, PERSON_ROLES
from storyline.lang.en_given_names import CENSUS_FEMALE_GIVEN, CENSUS_MALE_GIVEN
from storyline.model import Mention, Quote

_REFLEXIVE_AFTER = re.compile(r"\s+(?!and\b|or\b|with\b|to\b|for\b)[a-z]+\s+(?:himself|herself)\b")  # not "with Podesta and himself"
_AGE_AFTER = re.compile(r",\s+(?:aged\s+)?\d{1,3},\s+[a-z]")  # "Munro, 73, was the last keeper": an age in apposition
_KIN_OR_ROLE_BEFORE = re.compile(r"\b([a-z]+),\s+$")
# ", the GOP chairman," / ", a retired teacher.": an apposed role closed by a comma or full stop, no possessive in it
_ROLE_AFTER = re.compile(r",\s+(?:the|an?)\s+(?:[\w-]+\s+){0,4}?([a-z]+)[,.;]")
# given names of one sex: the hand-made tables; and with them the census's, where the tables give no name both sexes
# bear, read only where the model took a name for a people or a place (`_SELDOM_BODIES`): bodies named after a person
# or a town ("Chester Zoo", "Lincoln Electric", "Sterling Bancorp") are ORG
_HAND_GIVEN = ONE_SEX_GIVEN_NAMES
_GIVEN = ((MALE_GIVEN_NAMES | CENSUS_MALE_GIVEN) ^ (FEMALE_GIVEN_NAMES | CENSUS_FEMALE_GIVEN)) \
    - (MALE_GIVEN_NAMES & FEMALE_GIVEN_NAMES)


def _shown_a_person(text: str, mention: Mention) -> bool:
    if _REFLEXIVE_AFTER.match(text, mention.end) or _AGE_AFTER.match(text, mention.end):
        return True
    words = mention.text.split()
    if len(words) == 2 and re.search(rf"\b(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+{re.escape(words[-1])}\b", text):
        return True  # "Gilberto Quispe" beside "Mr Quispe told local radio": only a person is a Mr
    before = _KIN_OR_ROLE_BEFORE.search(text, max(0, mention.start - 30), mention.start)
    if before is not None and before.group(1) in KIN | PERSON_ROLES and text.startswith(",", mention.end):
        return True
    after = _ROLE_AFTER.match(text, mention.end)
    if after is not None and after.group(1) in PERSON_ROLES and not _after_preposition(text, mention.text):
        return True
    words = mention.text.split()
    given = _GIVEN if mention.label in _SELDOM_BODIES else _HAND_GIVEN  # "Chester Zoo", "Denver Health" are bodies
    return len(words) == 2 and words[0].lower() in given and not _after_preposition(text, mention.text)


def _after_preposition(text: str, name: str) -> bool:
    """Whether the article writes the name after "in", "from", "at", "to" or "on", as it writes a place's."""
    return re.search(rf"\b(?:[Ii]n|[Ff]rom|[Aa]t|[Tt]o|[Oo]n)\s+(?:the\s+)?{re.escape(name)}\b", text) is not None


def people_by_context(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """The mentions with every one- or two-word name that the text shows to be a person's relabelled PERSON,
    at each of its mentions."""
    shown = {m.text for m in mentions if m.label in _NOT_PEOPLE
             and len(m.text.split()) <= 2 and could_be_name(m.text.split()) and not set(m.text.split()) & ORG_WORDS
             and all(w[:1].isupper() for w in m.text.split()) and _shown_a_person(text, m)}
    # a fuller name ending in a surname shown a person's is that person's ("Dana Munro", which the model took for a
    # place, beside "Munro, 73, was the last keeper"), where no person the model found bears that surname (not "John
    # Podesta", taken for a body, beside "Tony Podesta", whom "Podesta" stands for)
    borne = {m.text.split()[-1] for m in mentions if m.label == "PERSON" and " " in m.text}
    shown |= {m.text for m in mentions if m.label in _NOT_PEOPLE and 2 <= len(m.text.split()) <= 3
              and m.text.split()[-1] in shown - borne and could_be_name(m.text.split())
              and not set(m.text.split()) & ORG_WORDS}
    if not shown:
        return list(mentions)
    return [replace(m, label="PERSON") if m.text in shown and m.label != "PERSON" else m for m in mentions]


# what the model may call a person's name among the mentions kept (entities.extract_mentions): a body, a place, a
# people, a building
_NOT_PEOPLE = {"ORG", "GPE", "NORP", "FAC", "LOC"}
_SELDOM_BODIES = {"NORP", "FAC", "LOC"}


def speakers_as_people(text: str, mentions: Sequence[Mention], quotes: Sequence[Quote]) -> list[Mention]:
    """The mentions with a name that a quotation's speaker was read from, in full, relabelled PERSON where the text
    shows it a person's (`people_by_context`: "A spokeswoman for the bank, Helen Grady, said", Helen Grady taken for
    a place, and "Grady said" a person's), so that the story's entities keep her one person with "Grady said"; a
    name taken for a body stays one ("Redwall Security said"), and so does a place no surname of it speaks for
    ("Virginia Beach said")."""
    named = {q.speaker_span for q in quotes if q.speaker and q.speaker_span and " " in q.speaker}
    if not any((m.start, m.end) in named for m in mentions if m.label in _SELDOM_SPEAKERS):
        return list(mentions)
    people = {(m.start, m.end) for m in people_by_context(text, mentions) if m.label == "PERSON"}
    surnames = {m.text for m in mentions if m.label == "PERSON" and " " not in m.text}  # "Grady said", elsewhere
    return [replace(m, label="PERSON") if m.label in _SELDOM_SPEAKERS and (m.start, m.end) in named & people
            and m.text.split()[-1] in surnames else m for m in mentions]


# what the model took a speaker's name for that seldom speaks: a place, a people, a building (a body speaks: "Obama
# Reverses", a headline's words the model took for one, stays one)
_SELDOM_SPEAKERS = {"GPE", "LOC", "NORP", "FAC"}
