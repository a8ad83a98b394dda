"""Titles of office and courtesy before a person's name: "Secretary of State", "Prime Minister", "Sen.", "Mrs."

One pattern of them (OFFICE) finds a title before a name (TITLE_BEFORE), opening a span the model took for
a name (TITLE_INSIDE), ending the words before a name (OFFICE_END), or standing alone for its holder
(ROLE_SPAN: "the Foreign Minister"); strip_title takes the titles off a name."""

from __future__ import annotations

import re

from storyline.lang.en import FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES, PERSON_ROLES, US_STATES

_GIVEN_NAMES = MALE_GIVEN_NAMES | FEMALE_GIVEN_NAMES
# Words the press sets before a name that the model takes into it ("Unseeded Chiamaka Okafor", "Leader of the
# Opposition Meenakshi Rao Patil" read from "Opposition", "Analyst Mei-Ling Tsao", "Spokesman Theo Marchand"): no
# part of the name.
_EPITHETS = {"opposition", "unseeded", "embattled", "beleaguered", "disgraced", "ousted", "jailed", "exiled", "veteran",
             "analyst", "consultant", "lobbyist", "spokesman", "spokeswoman", "spokesperson"}

SECRETARY_OF = (r"Secretary\s+of\s+(?:State|Defen[cs]e|the\s+Treasury|Treasury|Homeland\s+Security|Energy|Commerce"
                 r"|Labou?r|Health|Education|Agriculture|Transportation|the\s+Interior|Interior|War|Veterans\s+Affairs)")
OFFICE = (r"(?:(?:Vice|Deputy|Prime|Foreign|Defen[cs]e|Finance|Interior|Health|Economy|Justice|Home|Acting|Former"
           r"|Interim|Lieutenant|Assistant|Federal|Chief|State|Crown|Dist\.|Det\.?|House|Senate)[ -])*"
           r"(?:President(?:-elect)?|Minister|" + SECRETARY_OF + r"|Secretary-General|Secretary|Chancellor|Governor"
           r"|Mayor|Senator|Sen\.|Gov\.|Representative|Rep\.|Congress(?:man|woman)|Treasurer|Superintendent|Inspector"
           r"|Commissioner|Commander|Judge|Justice|Ambassador|Pope|King|Queen|Prince|Princess|Sheikh|Emir|Sultan|Gen\."
           r"|Colonel|Col\.|Captain|Capt\.?|Admiral|Sergeant|Sgt\.?|Lt\.?|Cpl\.?|Insp\.?|Supt\.?|Atty\.|Speaker|Premier|(?:Majority|Minority)\s+(?:Leader|Whip)|Whip"
           r"|Chairman|Chairwoman|Chair"
           r"|Bishop|Archbishop|Cardinal|Rabbi|Detective|Constable|Attorney\s+General|Councill?or|Leader\s+of\s+the\s+Opposition"
           r"|Cr\.?|Cllr\.?|Mr\.?|Mrs\.?|Ms\.?|Miss|Dr\.?|Prof\.?|Professor|Sir|Dame|Lord|Lady|Rev\.?|Reverend)")
TITLE_BEFORE = re.compile(rf"(?:(?<![\w.]){OFFICE}\s+)+$")
TITLE_INSIDE = re.compile(rf"^(?:{OFFICE}\s+)+(?=[A-Z\u00c0-\u024f])")
OFFICE_END = re.compile(rf"{OFFICE}\s+$")
ROLE_SPAN = re.compile(rf"^(?:the\s+)?{OFFICE}(?:\s+of\b.*)?$", re.IGNORECASE)

# a body's initials or a state before a title the model took into a name: "RNC Chairwoman", "Florida Gov."
_TITLE_OWNER = re.compile(r"^(?:[A-Z]{2,6}|" + "|".join(re.escape(state) for state in US_STATES) + r")\s+(?=" + OFFICE + r"\s)")


_GENERAL_OFFICE = re.compile(r"[A-Z][a-z]+-General")  # "Statistician-General", "Auditor-General", "Director-General"


def strip_title(name: str) -> str:
    """A name without the titles before it ("Secretary of State Marco Rubio" -> "Marco Rubio", "RNC Chairwoman Dolores
    Whitcomb" -> "Dolores Whitcomb"), nor a role the model took into it at a sentence's start ("Striker Ian Moss" ->
    "Ian Moss"; not "Dean Smith", a given name)."""
    owner = _TITLE_OWNER.match(name)
    rest = name[owner.end():] if owner else name
    match = TITLE_INSIDE.match(rest)
    name = rest[match.end():] if match and match.end() < len(rest) else name
    words = name.split()
    while len(words) > 2 and (words[0].lower() in PERSON_ROLES or words[0].lower() in _EPITHETS
                              or _GENERAL_OFFICE.fullmatch(words[0])) \
            and words[0].lower() not in _GIVEN_NAMES and words[1][:1].isupper():
        words = words[1:]
    return " ".join(words) if len(words) < len(name.split()) else name
