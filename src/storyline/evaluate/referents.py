"""Whom a PolNeAR gold pronoun or role refers to, as a reader takes it: the person the sentences just before it
are about (`Reader`), else the annotation's own chain of named sources (`referent`); a relative "who" is the
name right before it (`relative_referent`); a name's gender as the article gives it (`name_gender`). The
rules are docs/attribution.md's "How the gold answer is decided". Where people have read the articles and written
down whom each source refers to (`read_referents`: tests/fixtures/polnear_referents), their answer is the gold
instead of the Reader's.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from pathlib import Path
from typing import Any, Iterable, Mapping

from storyline.errors import InputError
from storyline.evaluate.gold import json_lines
from storyline.evaluate.gold_sources import (
    GROUP_HEADS,
    INDEFINITE,
    ORG_WORDS,
    PRONOUNS,
    ROLES,
    SUFFIXES,
    TITLES,
    name_words,
    possessive,
)
from storyline.lang.en import CUE_WORDS, FEMALE_GIVEN_NAMES, KIN, MALE_GIVEN_NAMES

PERSONAL = {"he": "person", "she": "person", "him": "person", "her": "person"}
_MALE = {"he", "him", "his", "himself"}
_FEMALE = {"she", "her", "hers", "herself"}


# One annotated source's referents, each as name words: the people it refers to (two for "they" of two senators),
# else the body it is, else none where it refers to no one the article names ("the band leader").
Annotated = list[list[str]]


def read_referents(path: Path) -> dict[tuple[str, int], Annotated]:
    """The referents people gave to pronoun and description sources, by (article id, source start): each line of a
    JSON Lines file names its `article`, `source_start` and `source` (the words there), and `referent` (a person's
    name, a list of names, or null) or `body` (an organisation's name)."""
    out: dict[tuple[str, int], Annotated] = {}
    for number, row in json_lines(path, "referents"):
        if not isinstance(row, dict) or not isinstance(row.get("article"), str) \
                or not isinstance(row.get("source_start"), int):
            raise InputError(f"{path}:{number}: a referent needs 'article' and 'source_start'")
        people = row.get("referent")
        names = people if isinstance(people, list) else [people] if people else []
        body = row.get("body")
        if not all(isinstance(n, str) for n in names) or (body is not None and not isinstance(body, str)):
            raise InputError(f"{path}:{number}: 'referent' is a name, a list of names or null; 'body' a name or null")
        out[(row["article"], row["source_start"])] = [name_words(n) for n in names or ([body] if body else [])]
    return out


# A quotation's own words: its pronouns are about whom the speaker speaks of, not the speaker.
_QUOTED = re.compile(r"“[^”\n]*”|''.*?''|\"[^\"\n]*\"")


def name_gender(surname: str, text: str, people: Iterable[str] = ()) -> str | None:
    """m or f when the article says so of a surname: "Mr." or else "Mrs."/"Ms." before it (both, as for
    two Clintons, say nothing), else he/his/him against she/her outside quotations, by two to one, in
    the sentences naming it and none of `people` (other surnames, lower-cased), whose pronouns may be theirs.
    Where no title says and the article writes one given name only before the surname, one that English news
    gives one sex only ("John Podesta"), it decides before the pronouns, which may be another's ("Podesta told
    them that her position was firm")."""
    if not surname:
        return None
    name = re.escape(surname)
    male_title = re.search(rf"\bMr\.?\s+(?:[A-Z][\w.’'-]*\s+)?{name}\b", text, re.I)
    female_title = re.search(rf"\bM(?:r)?s\.?\s+(?:[A-Z][\w.’'-]*\s+)?{name}\b", text, re.I)
    if male_title and not female_title:
        return "m"
    if female_title and not male_title:
        return "f"
    if not male_title and not female_title and len(_given_names(surname, text)) == 1:
        sex = _given_name_gender(surname, text)
        if sex is not None:
            return sex
    others = set(people) - {surname.lower()}
    male = female = 0
    for sentence in re.split(r"(?<=[.!?”\"])\s+", _QUOTED.sub(" ", text)):
        named = re.search(rf"\b{name}\b", sentence, re.I)
        if not named:
            continue
        if others & {w.lower() for w in re.findall(r"[A-Za-z]+", sentence)}:
            continue
        # only the pronouns after the name take it up ("Based on her actions, … Tiegen said": hers is another's)
        words = [w.lower() for w in re.findall(r"[A-Za-z]+", sentence[named.end():])]
        male += sum(w in _MALE for w in words)
        female += sum(w in _FEMALE for w in words)
    if male >= 2 * female and male:
        return "m"
    if female >= 2 * male and female:
        return "f"
    return _given_name_gender(surname, text)


def person_gender(words: list[str], text: str, people: Iterable[str] = ()) -> str | None:
    """The gender of a person named by a run of words ("bill clinton", "clinton"): the given name's, where the run
    opens with one that English news gives one sex only ("Bill Clinton" is a man however the article speaks of
    "Clinton"), else the surname's as the article gives it (`name_gender`)."""
    names = [w for w in words if w not in TITLES and w not in ROLES and w.strip(".") not in SUFFIXES]
    if len(names) > 1 and names[0] in MALE_GIVEN_NAMES:
        return "m"
    if len(names) > 1 and names[0] in FEMALE_GIVEN_NAMES:
        return "f"
    return name_gender(names[-1] if names else words[-1], text, people) if words else None


def _given_names(surname: str, text: str) -> set[str]:
    """The given names the article writes before a surname ("John Podesta"; not "When Podesta", "The Podesta
    Group": words it also writes in lower case)."""
    pattern = rf"\b([A-Z][a-z]+)\s+(?:[A-Z]\.\s+)?(?i:{re.escape(surname)})\b"
    given = {m.group(1).lower() for m in re.finditer(pattern, text)}
    return {g for g in given if not re.search(rf"\b{g}\b", text)}


def _given_name_gender(surname: str, text: str) -> str | None:
    """m or f where the article writes the name after a given name English news gives one sex only ("Ben Carson",
    "Karen Robison"; the tables of storyline.lang.en), all such agreeing, or the name is one ("husband Bill")."""
    pattern = rf"\b([A-Z][a-z]+)\s+(?:[A-Z]\.\s+)?{re.escape(surname)}\b"
    given = {m.group(1).lower() for m in re.finditer(pattern, text, re.I) if m.group(1)[:1].isupper()} or {surname.lower()}
    sexes = {"m" for g in given if g in MALE_GIVEN_NAMES} | {"f" for g in given if g in FEMALE_GIVEN_NAMES}
    return sexes.pop() if len(sexes) == 1 else None


def referent(sources: list[dict[str, Any]], start: int, pronoun: str | None, text: str = "") -> list[str] | None:
    """The name that a pronoun or definite description at `start` refers to: the nearest named gold
    source before it that is no outlet or organisation; he/she also skip names the article gives
    the other gender (see name_gender)."""
    position = bisect_right([s["start"] for s in sources], start - 1)
    for source in reversed(sources[:position]):
        if source["kind"] != "name" or not source["name"]:
            continue
        if set(source["name"]) & ORG_WORDS or source["text"].lower().startswith("the "):
            continue  # an outlet or a body: no he, she or role noun stands for it
        if pronoun in PERSONAL:
            gender = person_gender(source["name"], text, {s["name"][-1] for s in sources if s["name"]})
            if gender is not None and gender != ("m" if pronoun in _MALE else "f"):
                continue
        name: list[str] = source["name"]
        return name
    return None


# A name ending right before a relative "who" ("the radio host Ann Lee, who said", "Rep. Dan Oduya (D-Ohio), who").
_BEFORE_WHO = re.compile(r"((?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w’'-]+)(?:\s*\([^()]{0,40}\))?\s*,?\s*$")


def relative_referent(text: str, start: int) -> list[str] | None:
    """Whom a relative "who" at `start` stands for: the name right before it, as English grammar has it (the
    chain's nearest marked source may be someone else); None where no name stands there ("the senator, who")."""
    match = _BEFORE_WHO.search(text, max(0, start - 120), start)
    if match is None:
        return None
    words = [possessive(w).lower() for w in match.group(1).split()]
    while words and words[0] in _NOT_NAMES:
        words = words[1:]
    if not words or words[-1] in _NOT_NAMES or words[-1] in _CALENDAR:
        return None
    return words


# Title words that qualify a place or body as readily as a person ("Former Ohio governor").
_MODIFIERS = {"former", "vice", "majority", "minority", "u.s.", "of", "the", "state", "house"}
_RUN = r"((?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'-]+)(?![\w’'-])(?!\s+[A-Z])"
_HONORIFIC_NAME = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Sen|Gov|Rep|Gen|Adm|Lt|Col|Sgt|Rev|Prof)\.?\s+" + _RUN)
_ROLE_NAME = re.compile(r"(?i:\b(?:" + "|".join(sorted(ROLES | TITLES - _MODIFIERS, key=len,
                                                     reverse=True)).replace(".", r"\.") + r"))\s+" + _RUN)
# A name with an age or a "who" after it ("Her father, Piet, 39,", "Ann Lee, who runs the shop").
_AGED_NAME = re.compile(r"([A-Z][\w’'-]+),\s+(?:\d{1,3},|who\s)")
# A full name set beside a description of its own, as a reader meets a new person ("Raynard Jackson, a
# radio host,", "One local woman, Karen Robison,"): the name, then ", a/an/the" and a lower-case word, or a
# lower-case noun, a comma, the name and a comma. A place can stand so too ("Des Moines, a city"), so a run
# the article also writes after "in", "from", "at" or "to" is left out (Reader.__init__).
_APPOSED_NAME = re.compile(r"\b([A-Z][\w’'-]+\s+[A-Z][\w’'-]+),\s+(?:an?|the)\s+[a-z]"
                           r"|(?<=[a-z]),\s+([A-Z][\w’'-]+\s+[A-Z][\w’'-]+),\s")
# A capitalised word after a given name, a middle initial between ("Roberta A. Kaplan"); the given name is checked
# against the tables of storyline.lang.en.
_GIVEN_NAME = re.compile(r"\b([A-Z][a-z]+)\s+(?=(?:[A-Z]\.\s+)?([A-Z][\w’'-]+))")
_CALENDAR = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
             "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}
# What may stand before a sentence's subject name since the sentence's start or its last comma.
_BEFORE_SUBJECT = ROLES | TITLES | KIN | {"the", "a", "an", "his", "her", "their", "its", "and", "but", "so", "then",
                                     "as", "when", "while", "after", "before", "if", "though", "although", "because",
                                     "since", "once", "until", "there's", "there’s", "here's", "here’s"}
_CAPITALISED = re.compile(r"[A-Z][\w’'-]*")
_ABBREVIATED = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Sen|Gov|Rep|Gen|Adm|Lt|Col|Sgt|Rev|Prof|St|Jr|Sr|Inc|Co|No|Mt|Ft|Jan|Feb"
                          r"|Aug|Sept?|Oct|Nov|Dec|U\.S|[A-Z])\.$")
# Words opening a sentence's clause of its own, before the main clause's subject ("When …, Kasich differed").
_SUBORDINATORS = {"when", "as", "while", "after", "before", "if", "though", "although", "because", "since", "once",
                  "until", "whether", "whereas"}
# A subject asking a named person, right after the subject's name ("Earhardt then asked Rubio which …").
_ASKED = re.compile(r"(?:,?\s+(?:Jr|Sr)\.?)?,?\s+(?:then\s+|also\s+|later\s+|[a-z]+ly\s+)?asked\s+"
                    r"((?:[A-Z][\w.’'-]*\s+){0,2}[A-Z][\w’'-]+)")
# Prepositions that make a name their object, capitalised where they open the sentence ("Like Allen, …"; not
# "For" and "To", which give whose view the sentence is: "For Major, a retiree, …").
_PREPOSITIONS = {"like", "unlike", "with", "without", "from", "about", "against", "by", "of", "on", "at",
                 "in", "into", "under", "behind", "beside", "besides", "despite", "toward", "towards", "than"}
# A lower-case group or body word right after a name: the name qualifies it ("The Cruz campaign said", "Trump
# supporters"), and the group, not the person, is the subject.
_QUALIFIES = re.compile(r"[’']?s?\s+(?:" + "|".join(sorted(GROUP_HEADS | ORG_WORDS)) + r")\b")
_NOT_NAMES = ORG_WORDS | TITLES | GROUP_HEADS | PRONOUNS | INDEFINITE


class Reader:
    """How a reader takes "he" or "she": the person the sentences just before it are about. Walking back
    over the sentences of its paragraph and the paragraph before, the nearest sentence that names a
    person outside a quotation decides: its named gold source, else the referent of its he/she gold
    source, else the first person it names (a surname the article gives a source, an honorific or a
    role to: "Ms. Roe looked up…", "Varga, the mayor, hinted…"), if the gender fits; past both
    paragraphs, the annotation's chain (referent)."""

    def __init__(self, record: Mapping[str, Any], sources: list[dict[str, Any]]) -> None:
        self.text: str = record["text"]
        self.sources = sources
        masked = [(a, b) for attribution in record.get("attributions", []) if attribution.get("direct")
                  for a, b in attribution.get("content") or []]
        masked += [m.span() for m in _QUOTED.finditer(self.text)]
        self.masked = sorted(masked)
        people = {s["name"][-1] for s in sources if s["kind"] == "name" and s["name"] and _personal(s)}
        for pattern in (_HONORIFIC_NAME, _ROLE_NAME, _AGED_NAME):  # a role, unlike an honorific, also precedes places
            titled = {possessive(m.group(1).split()[-1]).lower() for m in pattern.finditer(self.text)
                      if pattern is not _ROLE_NAME or len(m.group(1).split()) > 1}
            people |= {w for w in titled if not self._lower_case(w)}
        for m in _GIVEN_NAME.finditer(self.text):  # "Ben Carson", "Roberta A. Kaplan": a person's surname
            if m.group(1).lower() in MALE_GIVEN_NAMES | FEMALE_GIVEN_NAMES and not self._lower_case(m.group(2).lower()):
                people.add(possessive(m.group(2)).lower())
        for m in _APPOSED_NAME.finditer(self.text):
            run = m.group(1) or m.group(2)
            if not re.search(rf"\b(?:in|from|at|to)\s+(?:the\s+)?{re.escape(run)}\b", self.text) \
                    and not self._lower_case(run.split()[-1].lower()):
                people.add(possessive(run.split()[-1]).lower())
        self.people = people - _NOT_NAMES - _CALENDAR
        self.genders: dict[str, str | None] = {}

    def _lower_case(self, word: str) -> bool:
        """Whether the article writes a word in lower case somewhere (so it is no name: "one", "when")."""
        return bool(re.search(rf"(?<![\w’']){re.escape(word)}(?![\w’'])", self.text))

    def _opens(self, lo: int, start: int) -> bool:
        """Whether a name at `start` is where its sentence's subject stands: nothing but capitalised words,
        titles, roles and determiners since the sentence's start or its last comma ("With one foot on the
        quay, Ms. Roe looked up", "Former governor Ann Lee was"), not "The senator gave Trump credit", and no
        pronoun opening the sentence or standing since its last comma ("Asked whether he would …, Johnson
        demurred" is about Johnson)."""
        before = self.text[lo:start]
        words = [w.lower() for w in re.findall(r"\w+", before)]
        if set(words[:1] + re.findall(r"\w+", before.rsplit(",", 1)[-1].lower())) & {"he", "she", "i", "we", "they"}:
            return False  # "She spoke up as his wife, Ann Lee, …": the pronoun is the subject
        segment = before.rsplit(",", 1)[-1].split()
        if {w.lower() for w in segment} & _PREPOSITIONS:
            return False  # "Like Allen, their days begin at 4:30": Allen is the preposition's
        return all(w[:1].isupper() or w.lower() in _BEFORE_SUBJECT for w in segment)

    def _inside(self, pos: int) -> bool:
        k = bisect_right(self.masked, (pos, 1 << 62))
        return any(a <= pos < b for a, b in self.masked[max(0, k - 40):k])

    def _fits(self, words: list[str], pronoun: str) -> bool:
        """Whether a person named by these words can be he or she: the given name's sex, else the surname's."""
        key = " ".join(words)
        if key not in self.genders:
            self.genders[key] = person_gender(words, self.text, self.people)
        gender = self.genders[key]
        return gender is None or gender == ("m" if pronoun in _MALE else "f")

    def _sentences(self, start: int) -> list[tuple[int, int]]:
        """The sentences of the paragraph holding `start` and of the paragraph before, up to `start`, nearest first."""
        here = self.text.rfind("\n", 0, start) + 1
        before = self.text[:here].rstrip("\n")
        lo = before.rfind("\n") + 1 if before.strip() else here
        cuts = [lo] + [lo + m.end() for m in re.finditer(r"[.!?][”\"’']*\s+|\n+", self.text[lo:start])
                       if not _ABBREVIATED.search(self.text[lo:lo + m.start() + 1])] + [start]
        spans = list(zip(cuts, cuts[1:]))
        return [span for span in reversed(spans) if span[1] > span[0]]

    def referent(self, start: int, pronoun: str, depth: int = 0) -> list[str] | None:
        for a, b in self._sentences(start):
            here = [s for s in self.sources if a <= s["start"] < min(b, start) and not self._inside(s["start"])]
            named = [s for s in here if s["kind"] == "name" and s["name"] and _personal(s) and not _asks(s)
                     and self._fits(s["name"], pronoun) and not self._object(s["start"], a)]
            main = self._main_clause(a, min(b, start), pronoun)
            if named and main is not None and named[-1]["start"] < main[0]:
                return main[2]  # "When Mr. Trump tried to defend …, Mr. Kasich differed.": about Kasich
            if named:
                found: list[str] = named[-1]["name"]
                return self._asked(named[-1]["start"] + len(named[-1]["text"]), pronoun) or found
            same = [s for s in here if s["kind"] == "pronoun" and s["text"].strip().lower() in PERSONAL
                    and (s["text"].strip().lower() in _MALE) == (pronoun in _MALE)]
            if same and depth < 20:
                return self.referent(same[-1]["start"], pronoun, depth + 1)
            subject = main or self._subject(a, a, min(b, start), pronoun)
            if subject is not None:
                return self._asked(subject[1], pronoun) or subject[2]
        return referent(self.sources, start, pronoun, self.text)

    def _object(self, start: int, lo: int) -> bool:
        """Whether a marked source stands as the object of a verb or a preposition of its sentence ("… helped Atlantic
        City make the case", "forcing Sanders to reverse", "to allow Clinton to focus"): the annotation marks whose
        view it is, but the sentence is not about them, so a "he" after it is not them. A verb of saying before it
        is an inverted cue, whose source speaks ("…,” added Ann Lee")."""
        before = re.findall(r"[A-Za-z’'-]+", self.text[lo:start])
        if not before or not before[-1].islower() or before[-1] in CUE_WORDS \
                or not re.search(rf"{re.escape(before[-1])}\s+$", self.text[lo:start]):
            return False  # "…, Stovall said": a comma ends the clause before the name
        word = before[-1]
        if word == "to" and len(before) > 1 and before[-2].lower() == "according":
            return False  # "according to Ann Lee": hers
        return word in _PREPOSITIONS or word in ("to", "for", "let", "make", "made", "allow") \
            or word.endswith(("ing", "ed"))

    def _subject(self, lo: int, a: int, b: int, pronoun: str) -> tuple[int, int, list[str]] | None:
        """The first person named in text[a:b] where the subject of the sentence or clause opening at lo stands
        (`_opens`) and of the pronoun's gender: their start, end and name."""
        for m in _CAPITALISED.finditer(self.text, a, b):
            word = possessive(m.group()).lower()
            if word in self.people and not self._inside(m.start()) and m.group() == possessive(m.group()) \
                    and self._opens(lo, m.start()) and not _QUALIFIES.match(self.text, m.end()):
                words = self._name_ending(m.start(), m.end(), lo)
                if self._fits(words, pronoun):
                    return m.start(), m.end(), words
        return None

    def _main_clause(self, a: int, b: int, pronoun: str) -> tuple[int, int, list[str]] | None:
        """The person standing as the main clause's subject of a sentence that opens with a clause of its own
        ("When Mr. Trump tried …, Mr. Kasich forcefully differed"): the first after that clause's comma."""
        opening = re.match(r"\s*(\w+)", self.text[a:b])
        comma = self.text.find(",", a, b)
        if opening is None or opening.group(1).lower() not in _SUBORDINATORS or comma < 0:
            return None
        return self._subject(comma + 1, comma + 1, b, pronoun)

    def _asked(self, end: int, pronoun: str) -> list[str] | None:
        """The person a sentence's subject asks, right after its name ("Hannity asked Trump how high …"): who
        answers in the quotation after it, he or she as a reader takes it."""
        match = _ASKED.match(self.text, end)
        if match is None:
            return None
        words = [possessive(w).lower() for w in match.group(1).split()]
        if words[-1] not in self.people or self._inside(match.start(1)) or not self._fits(words, pronoun):
            return None
        return words

    def _name_ending(self, start: int, end: int, lo: int) -> list[str]:
        """The capitalised run that ends in a surname ("Ann Lee"), titles left to names_agree."""
        words = [self.text[start:end].lower()]
        for m in reversed(list(_CAPITALISED.finditer(self.text, lo, start))):
            if self.text[m.end():start].strip() or m.group().lower() in ORG_WORDS:
                break
            if not self._lower_case(m.group().lower()) and m.group().lower() not in _SUBORDINATORS | _PREPOSITIONS:
                words.insert(0, m.group().lower())  # "After Hillary Clinton accused him": not a name's word
            start = m.start()
        return words


def _asks(source: Mapping[str, Any]) -> bool:
    """Whether a marked source is the one asking ("Ruiz was asked by host Ann Lee whether …", "when Lee asked whether
    …"): the answer after it is the one asked's, whom the sentence's subject or its asked names."""
    return re.search(r"\bask(?:s|ed|ing)?\b", source.get("cue") or "", re.IGNORECASE) is not None


def _personal(source: Mapping[str, Any]) -> bool:
    """A named source that is a person, not an outlet or a body ("The Post", "the Clinton campaign"); a title with a
    name after it makes a person whatever the words before ("the district GOP Chairman Chuck Williams")."""
    name = source["name"]
    titled = [n for n, word in enumerate(name) if word in _PERSON_TITLES]
    if titled and titled[-1] + 1 < len(name) and not set(name[titled[-1] + 1:]) & ORG_WORDS:
        return True
    return not (set(name) & ORG_WORDS or source["text"].lower().startswith("the "))


# The titles that only a person bears (not "House", "State", "Press" nor "Campaign", which also stand in a body's name).
_PERSON_TITLES = TITLES - {"of", "the", "state", "u.s.", "house", "majority", "minority", "press", "campaign", "former",
                           "vice"}
