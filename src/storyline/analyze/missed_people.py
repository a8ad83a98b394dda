"""People the model does not tag at all: capitalised names a reader takes for a person's by their shape.

The small NER model misses some names outright ("Ana Ortiz stood at the quay": no mention) or runs them into
something else ("his best friend at Lehigh, Bruce Turry" as one body; "Carly" of "Carly Fiorina" as a place), so
a quotation they speak stays with no speaker. A run of two or three capitalised words is read as a person's name
where the article shows it to be one:

- its first word is a given name English news gives a person ("Ana Ortiz", "Bruce Turry"), or one the census
  gives people of one sex ("Patrice Hargrove");
- a title or a role stands right before it ("state Representative Karlee Macer", "host Ben Alder", "Dr. Kelli
  Ward"), inside the capitalised run or as a lower-case word, or a role and another noun before it ("author
  and liberal firebrand Cornel West"), or it is set by a comma beside a sentence's opening phrase headed by a
  person's noun ("One pastor supporting Mr. Cruz, Darran Whiting of Liberty Baptist Church, said");
- its last word is the surname of a person the model did tag in the article ("Ivanka Trump" beside "Donald
  Trump").

Where the name's first word is not a given name, that word must be no word the article writes in lower case
("Then Trump", "Team Trump" name no one). A run of four or more capitalised words (a headline in title case, a
body's name) is read only past a title inside it. No word of the name may be a body's or a place's word
("… Foundation", "… Street", a US state), a small word ("Of", "The"), a weekday, a month or in capitals. The
name's mention is PERSON; a model mention of another label lying inside it goes ("Carly" as a place), one that
runs into it across a comma keeps its words before the comma ("Lehigh"), and one that reaches past it, or that
the name only partly covers, keeps the model's reading. The surnames of these people then carry to their other
mentions as any person's do (entities.extract_mentions).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from storyline.analyze.name_matching import INNER_PARTICLES
from storyline.analyze.person_names import ADVERB, could_be_name, given_name, role_word
from storyline.analyze.places import COUNTRIES
from storyline.lang.en import (
    CLAUSE_OPENING_WORDS,
    FEMALE_GIVEN_NAMES,
    FUNCTION_WORDS,
    HONORIFICS,
    KIN,
    MALE_GIVEN_NAMES,
    NAME_SUFFIXES,
    NOT_NAME_ENDINGS,
    OFFICE_WORDS,
    PERSON_ROLES,
    POST_NOMINALS,
    ROLE_TITLES,
    STOP_WORDS,
    US_STATES,
    WEEKDAYS,
)
from storyline.lang.en_given_names import CENSUS_FEMALE_GIVEN, CENSUS_MALE_GIVEN, GIVEN_NAMES_ALSO_WORDS
from storyline.model import Mention

_GIVEN = MALE_GIVEN_NAMES | FEMALE_GIVEN_NAMES
# ... and the census's (lang/en_given_names.py: names of one sex, less words news writes in lower case), read only
# for a two-word name the model left untouched ("Patrice Hargrove"), since the census's names are words of bodies
# and peoples too ("German Bundestag", "Aurelia Launch's Kestrel")
_CENSUS_GIVEN = (CENSUS_MALE_GIVEN | CENSUS_FEMALE_GIVEN) - _GIVEN
# a title or role, as a capitalised word in the run or a lower-case word before it ("Dr.", "Senator", "host")
_TITLES = HONORIFICS | set(ROLE_TITLES) | set(OFFICE_WORDS.values()) | PERSON_ROLES | {
    abbr.rstrip(".") for abbrs in ROLE_TITLES.values() for abbr in abbrs}
# a person's noun before the name, not a title of it: "his friend Bruce Tannery", "One woman, Ana Ortiz,"
_PERSON_BEFORE = KIN | {"man", "woman", "boy", "girl", "voter", "resident", "supporter", "worker", "student", "protester",
                        "demonstrator"}
_COMMON = STOP_WORDS | FUNCTION_WORDS | CLAUSE_OPENING_WORDS | set(WEEKDAYS)
_MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"}
_INNER = "|".join(INNER_PARTICLES)
_RUN = re.compile(rf"(?<![\w’'.-])[A-Z][\w’'-]*\.?(?:[ ]+(?:(?:{_INNER})[ ]+){{0,2}}[A-Z][\w’'-]*\.?)*")
_SEPARATOR = re.compile(r"[-’']")
_APOSTROPHE_OPENING = re.compile(r"[OD][’'][A-Z]")
_ASCII_NAME_WORD = re.compile(r"[A-Z][a-z]+(?:[-’'][A-Z]?[a-z]+)*")


def _name_word(word: str) -> bool:
    """Whether a word is written as a name is, in any letters: a capital, then small letters, and parts after a hyphen
    or an apostrophe of small letters after a capital or none ("Nguyễn", "Søren", "Adjei-Mensah", "Hernández", "O’Neill")."""
    if _APOSTROPHE_OPENING.match(word):
        word = word[2:]  # "O’Neill", "D'Souza"
    if _ASCII_NAME_WORD.fullmatch(word):
        return True
    if word.isascii():
        return False
    parts = _SEPARATOR.split(word)
    first = parts[0]
    if len(first) < 2 or not first[0].isupper() or not (first[1:].isalpha() and first[1:].islower()):
        return False
    return all(part and part.isalpha() and (part.islower() or part[0].isupper() and len(part) > 1 and part[1:].islower())
               for part in parts[1:])


_INITIAL = re.compile(r"[A-Z]\.")
_ROLE_BEFORE = re.compile(r"\b([a-z]+),?[ ]+$")
_ROLES_BEFORE = re.compile(r"\b([a-z]+)[ ]+and((?:[ ]+[a-z]+){1,2})[ ]+$")
_AGE_AFTER = re.compile(r",\s+\d{1,3},")  # "Ana Ortiz, 35, said"
# a role set after the name: "Oleksandr Hnatyuk, Ukraine's commissioner for prisoners of war,", "Siobhán O’Neill, Kenya
# country director for …", "Ana Ortiz, the group's spokeswoman"
_ROLE_AFTER = re.compile(r",\s+(?:(?:the|a|an|its|their|his|her)\s+|[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?['’]s?\s+)?"
                         r"(?:[A-Za-z'’-]+\s+){0,3}?(?:%s)\b" % "|".join(sorted(PERSON_ROLES, key=len, reverse=True)))
# the full stop of a title or an initial, which ends no sentence ("Mr.", "Sen.", "J.")
_TITLE_STOP = r"\.(?:%s|(?<=\b[A-Z]\.))" % "|".join(rf"(?<=\b{t}\.)" for t in ("Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "Jr", "Sr",
                                                                         "St", "Lt", "Col", "Gen", "Rev", "Prof"))
# a sentence opening with a person's noun and set beside a name by a comma: "One pastor supporting Mr. Cruz, Darran
# Whiting of Liberty Baptist Church, said", "A longtime friend of the family, Dwyla Ortiz,"
_ROLE_PHRASE_BEFORE = re.compile(r"(?:^|[.!?]\s+|\n)(?:One|A|An|Another|The|His|Her|Its|Their)\s+(?:[\w-]+\s+){0,2}?(?:%s)s?"
                                 r"\b(?:[^,.;:\n]|%s){0,60},[ ]+$" % ("|".join(sorted(PERSON_ROLES | _PERSON_BEFORE)), _TITLE_STOP))
_POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$")
_ORG_LABELS = ("ORG", "GPE", "LOC", "NORP", "FAC", "EVENT")


def missed_people(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """The mentions with a PERSON mention added for each name the model missed that its shape shows to be a
    person's (the module's rules), and the model's mentions inside such a name dropped or cut."""
    surnames = {m.text.split()[-1] for m in mentions if m.label == "PERSON" and len(m.text.split()) > 1}
    places = {m.text for m in mentions if m.label in ("GPE", "LOC", "FAC")}
    lower_words = lower_case_words(text)
    out = list(mentions)
    for run in _RUN.finditer(text):
        found = _name_in_run(text, run, surnames, lower_words)
        if found is None:
            continue
        start, end, title, title_start, shown, census = found
        if any(m.start < end and start < m.end and (m.label == "PERSON" or (m.start, m.end) == (start, end) and not shown
                                                    or census) for m in out) or text[start:end] in places and not shown:
            continue  # the model's person, or its body or place where only the name's shape says otherwise
        kept = _around(text, out, start, end)
        if kept is not None:
            out = kept + [Mention(text=text[start:end], start=start, end=end, label="PERSON", title=title,
                                            title_start=title_start)]
    out.sort(key=lambda m: (m.start, m.end))
    return out


def _name_in_run(text: str, run: re.Match[str], surnames: set[str],
                 lower_words: frozenset[str]) -> tuple[int, int, str | None, int | None, bool, bool] | None:
    """The span of the person's name in a run of capitalised words with the title before it (its words and
    start), whether a title, a person's noun or an age shows it, and whether only the census's given names do;
    None where the run names no one."""
    every = [(w.group(), run.start() + w.start()) for w in re.finditer(r"\S+", run.group())]
    particles = any(w[:1].islower() for w, _ in every)  # "de", "la" inside the run
    words = [(w, at) for w, at in every if w not in INNER_PARTICLES] if particles else every  # read back below
    last, at = words[-1]
    trimmed = _POSSESSIVE.sub("", last.rstrip("."))
    if trimmed != last and not _INITIAL.fullmatch(last):
        words[-1] = (trimmed, at)
    titled_at = max((k for k, (w, _) in enumerate(words) if w.rstrip(".").lower() in _TITLES), default=-1)
    names = words[titled_at + 1:]
    while names and (names[0][0].lower() in _COMMON or ADVERB.fullmatch(names[0][0].lower())
                     or len(names) > 2 and _POSSESSIVE.search(names[0][0])):
        names = names[1:]  # "Later Ilse Duda", "Although Rubio", "Interestingly Blocher": a sentence's first word;
        # "Colorado’s Kendal Unruh": whose the person is
    while names and (names[-1][0].rstrip(".").lower() in NAME_SUFFIXES or names[-1][0] in POST_NOMINALS):
        names = names[:-1]  # "Jr.", "KC"
    role = None
    while len(names) > 2 and role_word(names[0][0], lambda word: word.lower() in lower_words):
        role, names = names[0], names[1:]  # "Trustee Harjit Sandhu": a role the article writes in lower case
    longest = 4 if particles else 3  # "João Paulo de Almeida Ribeiro"
    if not 2 <= len(names) <= longest or (titled_at < 0 and len(words) > longest):
        return None
    name_words = [w for w, _ in names]
    if not _name_word(name_words[0]) or not _name_word(name_words[-1]) \
            or not all(_name_word(w) or _INITIAL.fullmatch(w) for w in name_words) \
            or not could_be_name(name_words):
        return None
    if any(w.lower() in _COMMON or w in NOT_NAME_ENDINGS or w in US_STATES or w in _MONTHS for w in name_words) \
            or " ".join(name_words) in US_STATES or " ".join(name_words) in COUNTRIES:
        return None
    title: tuple[str, int] | None = words[titled_at] if titled_at >= 0 else role  # "Dr.", kept as the model's are
    before = _ROLE_BEFORE.search(text, max(0, run.start() - 30), run.start())
    titled = title is not None or before is not None and before.group(1) in _TITLES  # "host", a role, no title
    paired = _ROLES_BEFORE.search(text, max(0, run.start() - 60), run.start())  # "author and activist Cornel West"
    titled = titled or paired is not None and paired.group(1) in _TITLES and not set(paired.group(2).split()) & _COMMON
    first = name_words[0]
    if first.lower() in lower_words and not titled and not (first.lower() in GIVEN_NAMES_ALSO_WORDS
                                                             and name_words[-1] in speaking_alone(text)):
        return None  # "Will Congress", "Then Trump": a word the article writes in lower case (but "Faith Kipyegon"
        # beside "I had faith in my training," Kipyegon said)
    end = names[-1][1] + len(name_words[-1])
    if particles:  # the name's words with the particles inside it
        inside = [(at, w) for w, at in every if w in INNER_PARTICLES and names[0][1] < at < end]
        name_words = [w for _, w in sorted([(at, w) for w, at in names] + inside)]
    person_before = before is not None and before.group(1) in _PERSON_BEFORE or _AGE_AFTER.match(text, end) \
        or _ROLE_AFTER.match(text, end) \
        or _ROLE_PHRASE_BEFORE.search(text, max(0, run.start() - 120), run.start())
    census = len(name_words) == 2 and trimmed == last and first.lower() in _CENSUS_GIVEN \
        and name_words[-1][:-1] not in surnames  # not "the Barry Bennetts of the world" beside "Barry Bennett"
    shown = bool(titled or person_before)
    known = shown or first.lower() in _GIVEN or name_words[-1] in surnames or name_words[-1] in speaking_alone(text)
    if not (known or census):
        return None
    return names[0][1], end, title[0] if title else None, title[1] if title else None, shown, not known


def _around(text: str, mentions: list[Mention], start: int, end: int) -> list[Mention] | None:
    """The other mentions once the name [start, end) is a person: those inside it dropped, one running into it
    across a comma cut before the comma; None where a model mention reaches past the name or it covers only part
    of one (the model read a longer name, a body's or a place's)."""
    kept: list[Mention] = []
    for m in mentions:
        if m.end <= start or m.start >= end:
            kept.append(m)
            continue
        if m.label not in _ORG_LABELS or m.end > end:
            return None
        if m.start >= start:
            continue  # inside the name: "Carly" of "Carly Fiorina" read as a place
        comma = text.rfind(",", m.start, start)
        if comma < 0:
            return None
        head = text[m.start:comma].rstrip()
        if head:
            kept.append(Mention(text=head, start=m.start, end=m.start + len(head), label=m.label))
    return kept


@lru_cache(maxsize=4)
def lower_case_words(text: str) -> frozenset[str]:
    """The words the text writes in lower case (no part of a hyphened or elided word), read once an article for
    missed_people and given_name_before."""
    return frozenset(re.findall(r"(?<![\w’'-])[a-z]+(?![\w’'-])", text))


def given_name_before(text: str, mention: Mention) -> int | None:
    """Where a two-word person's name the model cut from its first word starts ("Col. Abdelrahim Osman Dafallah",
    "Its commander, Jackson Mwangi Kiprotich, said", "Rajesh Kumar Bhatt, the state's secretary,"): the capitalised
    word right before it, after a title, after a sentence's role ("Its commander,"), or a known given name opening a
    clause with a role or an age set after the name (with no tagger to say what an unknown word is, "Given Bernie
    Sanders, a senator since 2007," is no name; "Rajesh", unknown, is passed over); not a word the article writes in
    lower case (`lower_case_words`, asked last), a title, a function word or a place ("Besides Hillary Clinton", "Senator
    Ted Cruz", "Texas Ted Cruz"). None where there is no such word."""
    start = mention.start
    if len(mention.text.split()) != 2 or mention.title or start < 2 or text[start - 1] != " ":
        return None
    k = start - 1
    while k > 0 and (text[k - 1].isalpha() or text[k - 1] in "'’-"):
        k -= 1
    word = text[k:start - 1]
    lower = word.lower()
    if not word[:1].isupper() or not _name_word(word) or lower in _COMMON or lower in _TITLES \
            or ADVERB.fullmatch(lower) or word in _MONTHS or word in US_STATES or word in COUNTRIES \
            or word in NOT_NAME_ENDINGS:
        return None
    before = text[max(0, k - 12):k].rstrip(" ")
    words_before = before.split()
    titled = bool(words_before) and words_before[-1].rstrip(".").lower() in _TITLES  # "Col. Abdelrahim", "Col
    # Abdelrahim", "commander Jackson"
    opens = not before or before[-1] in "\n,—–"
    described = opens and (_ROLE_PHRASE_BEFORE.search(text, max(0, k - 160), k) is not None
                           or given_name(word)
                           and (_ROLE_AFTER.match(text, mention.end) or _AGE_AFTER.match(text, mention.end)))
    if not titled and not described:
        return None
    return None if lower in lower_case_words(text) else k


@lru_cache(maxsize=4)
def speaking_alone(text: str) -> frozenset[str]:
    """The capitalised words that speak alone in the text, as only a person's surname does ("“…,” Okafor said",
    "said Okafor", "Ms Raghunathan said"), not as the end of a longer name ("South Carolina says", "The White House
    says"): the last word of a name the model took for a place or a body, or did not take for anything, found among
    them, makes that name a person's ("Adaeze Okafor", "Narayan Halder"); no place or body of two or three words is
    taken up by its last word ("New York", "Goldman Sachs")."""
    found = set()
    for cue in _ALONE_CUE.finditer(text):  # the cues first, which are few, then the word on either side
        before = _WORD_BEFORE.search(text, max(0, cue.start() - 40), cue.start())
        if before is not None:
            words = text[max(0, before.start() - 30):before.start()].split()
            if not (words and words[-1][:1].isupper() and words[-1].rstrip(".").lower() not in HONORIFICS
                    and words[-1].lower() not in INNER_PARTICLES):  # but "Del Valle said" as "Okafor said"
                found.add(before.group(1))
        if cue.group(1) in _CUES_BEFORE_NAME:
            after = _WORD_AFTER.match(text, cue.end())
            if after is not None:
                found.add(after.group(1))
    return frozenset(found)


_ALONE_CUE = re.compile(r"\b(said|says|told|tells|added|adds|recalled|explained)\b")
_CUES_BEFORE_NAME = {"said", "says", "added", "adds"}
_WORD_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][\w'’-]+)\s+$")
_WORD_AFTER = re.compile(r"\s+([A-Z][\w'’-]+)(?![\w'’-])")
