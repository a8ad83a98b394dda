"""Names the model labels as a body or a place at the mention that speaks, which the article's own words show
to be a person's: a reader takes a name as a person's wherever it recurs once the article shows it is one.

- a name followed by a verb and "himself" or "herself" ("Sanders compared himself to Clinton"): only a person
  does something to himself;
- a name set in apposition after a kin or role noun ("Schilling's son, Grant, defended his father");
- a name with a role set in apposition after it ("Dana Ruiz, the party chairman, said"), up to the comma or
  full stop closing the role: a place stands so before a clause of its own ("In Ohio, the state senator said");
- a two-word name opened by a given name borne by one sex only ("Carly Fiorina", "Dana Ruiz"), not after a
  preposition anywhere in the article ("in Jordan Valley");
and then every other mention of the same words in the article is that person too, whatever the model's label
there. Only one- and two-word names that could be a person's (no word of a body, no title) are read so.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from storyline.analyze.entities import ORG_WORDS
from storyline.analyze.person_names import could_be_name
from storyline.lang.en import FEMALE_GIVEN_NAMES, KIN, MALE_GIVEN_NAMES, PERSON_ROLES
from storyline.model import Mention

_REFLEXIVE_AFTER = re.compile(r"\s+[a-z]+\s+(?:himself|herself)\b")
_KIN_OR_ROLE_BEFORE = re.compile(r"\b([a-z]+),\s+$")
# ", the GOP chairman," / ", a retired teacher.": an apposed role closed by a comma or full stop, no possessive in it
_ROLE_AFTER = re.compile(r",\s+(?:the|an?)\s+(?:[\w-]+\s+){0,4}?([a-z]+)[,.;]")
_GIVEN = (MALE_GIVEN_NAMES - FEMALE_GIVEN_NAMES) | (FEMALE_GIVEN_NAMES - MALE_GIVEN_NAMES)


def _shown_a_person(text: str, mention: Mention) -> bool:
    if _REFLEXIVE_AFTER.match(text, mention.end):
        return True
    before = _KIN_OR_ROLE_BEFORE.search(text, max(0, mention.start - 30), mention.start)
    if before is not None and before.group(1) in KIN | PERSON_ROLES and text.startswith(",", mention.end):
        return True
    after = _ROLE_AFTER.match(text, mention.end)
    if after is not None and after.group(1) in PERSON_ROLES and not _after_preposition(text, mention.text):
        return True
    words = mention.text.split()
    return len(words) == 2 and words[0].lower() in _GIVEN and not _after_preposition(text, mention.text)


def _after_preposition(text: str, name: str) -> bool:
    """Whether the article writes the name after "in", "from", "at", "to" or "on", as it writes a place's."""
    return re.search(rf"\b(?:[Ii]n|[Ff]rom|[Aa]t|[Tt]o|[Oo]n)\s+(?:the\s+)?{re.escape(name)}\b", text) is not None


def people_by_context(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """The mentions with every one- or two-word name that the text shows to be a person's relabelled PERSON,
    at each of its mentions."""
    shown = {m.text for m in mentions if m.label in ("ORG", "GPE", "NORP", "FAC", "LOC")
             and len(m.text.split()) <= 2 and could_be_name(m.text.split()) and not set(m.text.split()) & ORG_WORDS
             and all(w[:1].isupper() for w in m.text.split()) and _shown_a_person(text, m)}
    if not shown:
        return list(mentions)
    return [replace(m, label="PERSON") if m.text in shown and m.label != "PERSON" else m for m in mentions]
