"""Whether two written names can name one entity: folded keys, near spellings of a surname, given names
that can belong to one person, a country written two ways, an acronym of a body's name."""

from __future__ import annotations

import re
from typing import Sequence

from anyascii import anyascii

from storyline.analyze.office_titles import strip_title
from storyline.analyze.places import canonical_place
from storyline.memo import memo

_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "‘": "'", "`": "'", "´": "'"})
PARTICLES = {"bin", "ibn", "al", "el", "van", "von", "der", "den", "de", "da", "di", "du", "la", "le", "del", "dos",
              "das", "ter", "ten", "st", "abu", "bint", "o", "ni", "nic", "ui", "mac"}  # "Ó Súilleabháin", "Ní Bhriain"
# the particles written in lower case inside a name ("María Fernanda de la Cruz", "Aurelio del Valle", "Pieter van der
# Berg"), by which a run of capitalised words goes on and a surname alone ("van der Merwe said") opens
INNER_PARTICLES = ("de", "del", "della", "la", "le", "van", "von", "der", "den", "da", "das", "dos", "du", "di", "ter",
                   "ten")
GEO_TAILS = {"province", "city", "region", "district", "county", "state", "oblast", "prefecture"}


@memo(65_536)  # a story's names are keyed again each time its brief is made
def name_key(name: str) -> str:
    """A name reduced to what spelling variants share: transliterated, case- and apostrophe-folded."""
    folded = anyascii(name.translate(_APOSTROPHES)).casefold()
    folded = folded.replace("'", "").replace(".", " ").replace("-", " ")
    return " ".join(folded.split())


@memo(65_536)
def place_key(name: str) -> str:
    canonical = canonical_place(name)
    if canonical:
        return name_key(canonical)
    words = name.split()
    if len(words) > 1 and words[-1] in GEO_TAILS:  # "Malatya province"; "Callan County" stays
        words = words[:-1]
    return name_key(" ".join(words))


@memo(65536)
def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance; names are short, so the plain dynamic programme is fast enough, and a
    story's names are compared again each time its brief is made, so the distances are remembered."""
    if len(a) < len(b):
        a, b = b, a
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def similar_surnames(a: str, b: str) -> bool:
    """Zelensky / Zelenskyy / Zelenskiy: same first letter, an edit in five letters at most (none in four)."""
    if a == b:
        return True
    if not a or not b or a[0] != b[0] or min(len(a), len(b)) < 4:
        return False
    longest = max(len(a), len(b))
    return edit_distance(a, b) <= ((longest + 1) // 5 if longest > 4 else 0)  # Reid is not Read


def _given(key: str) -> list[str]:
    return [w for w in key.split()[:-1] if w not in PARTICLES]


def compatible_given_names(a: str, b: str) -> bool:
    """First names that can belong to one person: equal, an initial of the other, a near spelling, or a subset."""
    ga, gb = _given(a), _given(b)
    if not ga or not gb:
        return True
    if ga[0] == gb[0] or set(ga) <= set(gb) or set(gb) <= set(ga):
        return True
    x, y = ga[0], gb[0]
    if (len(x) == 1 or len(y) == 1) and x[0] == y[0]:
        return True
    if len(x) > 3 and len(y) > 3 and _IOTATED.sub("", x) == _IOTATED.sub("", y):  # Yekaterina / Ekaterina
        return True
    if len(x) == 2 and len(y) == 2:  # "JD" and "J" "D" were folded alike above; other pairs of initials differ
        return False
    return _same_sound(x[0], y[0]) and edit_distance(x, y) <= max(1, max(len(x), len(y)) // 4)


# the "y" before a first "e" that one transliteration of a Slavic name writes and another does not: Yekaterina /
# Ekaterina, Yevgeny / Evgeny, Yelena / Elena (not a "j" or an "a": Jamal and Amal, Jessie and Essie are two people)
_IOTATED = re.compile(r"^y(?=e)")
_SAME_SOUND = ({"c", "k"},)  # one name's two transliterations: Karolos / Carolos, Konstantin / Constantin


def _same_sound(a: str, b: str) -> bool:
    return a == b or any({a, b} == pair for pair in _SAME_SOUND)


def same_name(a: str, b: str) -> bool:
    """Whether two written names can name one entity: equal once titles, case, accents and apostrophes are
    set aside ("Mr Rubio", "rubio"), one country written two ways (US, United States), or one person's
    name spelt two ways or given in part ("Zelenskyy" / "Volodymyr Zelensky"). A bare surname matches
    every full name with it: ask canonical_entities which person a story means."""
    ka, kb = _query_key(a), _query_key(b)
    if not ka or not kb:
        return False
    if ka == kb or place_key(a.strip()) == place_key(b.strip()):
        return True
    wa, wb = ka.split(), kb.split()
    return similar_surnames(wa[-1], wb[-1]) and compatible_given_names(ka, kb) and wa[-1][:1].isalpha()


def _query_key(name: str) -> str:
    """The key of a name as a person types it: titles go whatever their case ("mr rubio")."""
    name = " ".join(name.split())
    return min((name_key(strip_title(form)) for form in (name, name.title())), key=len)


def _initials(words: Sequence[str], keep_small: bool) -> str:
    return "".join(w[0] for w in words if keep_small or not w[0].islower())


@memo(65_536)  # a story's names are compared again each time its brief is made
def is_acronym_of(short: str, long: str) -> bool:
    """RBA for Reserve Bank of Australia, DfE for Department for Education, NATO for North Atlantic Treaty
    Organization."""
    letters = short.replace(".", "")
    words = [w for w in re.split(r"[\s\-/]+", long) if w]
    if len(letters) < 2 or len(words) < 2 or not letters.isalpha():
        return False
    if letters == _initials(words, keep_small=True):
        return True
    return letters.isupper() and letters in (_initials(words, keep_small=False).upper(),
                                             _initials(words, keep_small=True).upper())
