"""Names the model labels as a body or a place at the mention that speaks, which the article's own words show
to be a person's: a reader takes a name as a person's wherever it recurs once the article shows it is one.

- a name followed by a verb and "himself" or "herself" ("Sanders compared himself to Clinton"): only a person
  does something to himself;
- a name set in apposition after a kin or role noun ("Schilling's son, Grant, defended his father");
and then every other mention of the same words in the article is that person too, whatever the model's label
there. Only one- and two-word names that could be a person's (no word of a body, no title) are read so.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from storyline.analyze.entities import ORG_WORDS
from storyline.analyze.person_names import could_be_name
from storyline.lang.en import KIN, PERSON_ROLES
from storyline.model import Mention

_REFLEXIVE_AFTER = re.compile(r"\s+[a-z]+\s+(?:himself|herself)\b")
_KIN_OR_ROLE_BEFORE = re.compile(r"\b([a-z]+),\s+$")


def _shown_a_person(text: str, mention: Mention) -> bool:
    if _REFLEXIVE_AFTER.match(text, mention.end):
        return True
    before = _KIN_OR_ROLE_BEFORE.search(text, max(0, mention.start - 30), mention.start)
    return before is not None and before.group(1) in KIN | PERSON_ROLES and text.startswith(",", mention.end)


def people_by_context(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """The mentions with every one- or two-word name that the text shows to be a person's relabelled PERSON,
    at each of its mentions."""
    shown = {m.text for m in mentions if m.label in ("ORG", "GPE", "NORP", "FAC", "LOC")
             and len(m.text.split()) <= 2 and could_be_name(m.text.split()) and not set(m.text.split()) & ORG_WORDS
             and all(w[:1].isupper() for w in m.text.split()) and _shown_a_person(text, m)}
    if not shown:
        return list(mentions)
    return [replace(m, label="PERSON") if m.text in shown and m.label != "PERSON" else m for m in mentions]
