"""Named entities: mentions in one article, and the people, organisations and places of a story.

The small NER model gets names mostly right and their edges often wrong: it keeps "the" and a
possessive, runs a country into a name ("Ukraine Volodymyr Zelenskyy"), labels a surname a place
in one sentence and a person in the next. extract_mentions trims and repairs spans inside one article;
canonical_entities then merges the mentions of many articles into entities, by rules a reader can
check: titles and possessives never count, a surname alone joins the full name it stands for,
spellings that differ by a letter or two merge only when the first names agree, and two people who
share a surname stay two people."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import accumulate, groupby
from typing import TYPE_CHECKING, Iterable, Mapping, Sequence

from storyline.analyze.missed_people import given_name_before, missed_people, speaking_alone
from storyline.analyze.name_matching import (
    GEO_TAILS,
    PARTICLES,
    compatible_given_names,
    is_acronym_of,
    name_key,
    place_key,
    similar_surnames,
)
from storyline.analyze.nlp import Parsed, load_nlp, one_line, parse
from storyline.analyze.office_titles import OFFICE, OFFICE_END, ROLE_SPAN, TITLE_BEFORE, TITLE_INSIDE
from storyline.analyze.person_names import (
    ADVERB,
    SYLLABLE,
    SYLLABLE_AFTER_HYPHEN,
    dash_after_name,
    family_name_first,
    title_case_line,
)
from storyline.analyze.places import COUNTRIES
from storyline.lang.en import CLAUSE_OPENING_WORDS, HONORIFICS, POST_NOMINALS, STORM_WORDS
from storyline.memo import ARTICLES, memo
from storyline.model import Entity, Mention, SourceSpan
from storyline.text import DATELINE, iter_paragraphs

if TYPE_CHECKING:
    from spacy.language import Language

LABELS = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT")
PLACE_LABELS = ("GPE", "LOC", "FAC")

_OF_COUNTRY_NAME = re.compile(r"\bof\s+(?:the\s+)?(?P<c>[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)\s+"
                              r"(?P<n>[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+){1,3})")
_POSSESSIVE_END = re.compile(r"(?:['’ʼ]s|(?<=s)['’ʼ])$")
# A word that joins a name to what follows it, never the name's last: the model's "Juan “Chico” Manriquez of" (Oakland).
_POST_NOMINAL_END = re.compile(r",?\s+(?:%s)$" % "|".join(re.escape(letters) for letters in sorted(POST_NOMINALS)))
_JOINING_END = re.compile(r"\s+(?:of|and|the|from|in|at|for|to|on|with|de|du|da|van|von)$")
# A capitalised word before a name that is no given name: one that opens a sentence or a clause
_OPENER = re.compile(r"([A-Z][a-z]+),?\s+(?=[A-Z])")
# (not "so", "even": "So Ji-hoon", "Even Nordvik"; nor "to", "than", "in": "To Van Lam", "Than Myint Aung")
_NEVER_GIVEN_NAMES = CLAUSE_OPENING_WORDS - {"so", "even"}
_POSSESSIVE_INSIDE = re.compile(r"['’ʼ]s\s+(?=[A-Z\u00c0-\u024f])")
_ACRONYM_AFTER = re.compile(r"^\s*\(([A-Z][A-Za-z&]{1,9})\)")
_NAME_TAIL = re.compile(r"\s([A-Z][a-z]?['’][A-Z][\w\-]+|[A-Z][a-z\u00e0-\u024f]+(?:-[A-Z][a-z]+)?)(?![\w'’])")
# a second role and the name they both describe after a one-word "person" ("Filmmaker and aviator Howard Hughes")
_ROLE_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "man", "woman", "ess", "eer", "ect", "ive", "ic")
_ROLES_BEFORE_NAME = re.compile(r"\s+(?:and|&)\s+[a-z][a-z-]+\s+[A-Z][a-z]")
_NOT_NAMES = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
              "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
              "The", "He", "She", "It", "They", "We", "But", "And", "In", "On", "At", "As"}
# A "person" whose last word is one of these is an organisation or a building the model mislabelled.
ORG_WORDS = {"Company", "Co", "Corp", "Corporation", "Inc", "Ltd", "Group", "Bank", "Foods", "Dairy", "Holdings",
              "Partners", "Research", "Advisory", "University", "College", "School", "Hospital", "Trust", "Union",
              "Federation", "Association", "Council", "Party", "Ministry", "Department", "Agency", "Authority",
              "Service", "Institute", "Foundation", "Fund", "Commission", "Committee", "Court", "Police", "Army",
              "Airlines", "Airways", "Motors", "Energy", "Capital", "Media", "News", "Times", "Post", "United", "City",
              "FC", "Club", "Launch", "Conference", "Summit", "Forum", "Survey", "Office", "Board", "Exchange",
              "Press", "Journal", "Tribune", "Herald", "Network", "Magazine", "Watch", "Coalition", "Alliance",
              "Caucus", "PAC", "Project"}
_SAINT = re.compile(r"(?:St|Ste|Saint)\.?(?:\s|$)")  # "St. Brigid" of a parish, a school, a food pantry: no speaker
_TITLE_ABBREVIATION_END = re.compile(r"\b(?:Cpl|Const|Cst|Sgt|Lt|Capt|Col|Gen|Maj|Cmdr|Det|Insp|Supt|Pte|Pvt|Adm|Gov|Sen"
                                     r"|Rep|Dr|Prof|Rev|Hon)$")
_NAME_AFTER_STOP = re.compile(r"\.\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})")
_NAME_SMALL_WORDS = {"of", "for", "and", "the", "on", "in", "at", "&", "de", "du", "la", "le"}
FAC_WORDS = {"Stadium", "Airport", "Palace", "Spaceport", "Bridge", "Square", "Arena", "Station", "Centre", "Center",
             "Church", "Cathedral", "Chapel", "Basilica", "Mosque", "Temple", "Synagogue", "Parish"}


# ---------------------------------------------------------------- mentions in one article


def extract_mentions(parsed_or_text: Parsed | str, nlp: "Language | None" = None) -> list[Mention]:
    """The PERSON, ORG, GPE, LOC, NORP, FAC and EVENT mentions of one article, in text order.

    Spans index the text given (parsed.text for what the pipeline found, nlp.parse). Titles, a
    leading "the" and possessive 's are left outside the span; a person's title is kept in
    Mention.title. A surname the model missed but that the article also gives in full is added as a
    PERSON mention."""
    parsed = parse((nlp or load_nlp())(parsed_or_text)) if isinstance(parsed_or_text, str) else parsed_or_text
    text = parsed.text
    spans = [one_line(text, start, end, label) for start, end, label in parsed.entities if label in LABELS]
    spans = _datelines(text, spans)
    mentions: list[Mention] = []
    for start, end, label in spans:
        mentions.extend(_clean_span(text, start, end, label))
    mentions = _joined_names(text, mentions)
    mentions = _given_names_before(text, mentions)
    mentions = _drop_titles_as_entities(text, mentions)
    mentions = _split_country_runs(text, mentions)
    mentions = _propagate_names(text, missed_people(text, _persons_by_pronoun(text, mentions)))  # then their surnames
    mentions.sort(key=lambda m: (m.start, m.end))
    return _dedupe(mentions)


def _joined_names(text: str, mentions: list[Mention]) -> list[Mention]:
    """Two names of people with one space between them are one person's ("Sen. Andrés Felipe Gaviria Londoño", which
    the model reads as "Andrés Felipe" and "Gaviria Londoño"); not in a headline ("Jeb Bush Hits Marco Rubio")."""
    out: list[Mention] = []
    for m in mentions:
        last = out[-1] if out else None
        if last is not None and last.label == m.label == "PERSON" and text[last.end:m.start] == " " \
                and len(last.text.split()) == 2 and len(m.text.split()) <= 2 and not title_case_line(text, m.start):
            out[-1] = Mention(text[last.start:m.end], last.start, m.end, "PERSON", last.title, last.title_start)
            continue
        out.append(m)
    return out


def _given_names_before(text: str, mentions: list[Mention]) -> list[Mention]:
    """A person's name with the first word the model cut from it put back (`missed_people.given_name_before`)."""
    out: list[Mention] = []
    for n, m in enumerate(mentions):
        start = given_name_before(text, m) if m.label == "PERSON" else None
        if start is not None and not any(o.start < m.start and o.end > start for o in mentions[max(0, n - 3):n]):
            m = Mention(text[start:m.end], start, m.end, "PERSON", m.title, m.title_start)
        out.append(m)
    return out


def _datelines(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A paragraph opening "LIMA (Wire) -" names a place, whatever the model made of it."""
    datelines = []
    for para_start, para_end in iter_paragraphs(text):
        match = DATELINE.match(text, para_start, para_end)
        if match and len(match.group("place")) > 2:
            datelines.append((match.start("place"), match.end("place"), "GPE"))
    # a model span is dropped where it reaches into a dateline or the four characters after it; the
    # datelines are in text order, one per paragraph, so bisection finds the one a span could reach
    reach = [b + 4 for _, b, _ in datelines]
    kept = []
    for span in spans:
        k = bisect_right(reach, span[0])
        if k == len(datelines) or span[1] <= datelines[k][0]:
            kept.append(span)
    return kept + datelines


def _clean_span(text: str, start: int, end: int, label: str) -> list[Mention]:
    """Trim one model span to the name itself; returns no mention when nothing name-like is left."""
    # Cut at a spaced dash ("LIMA - A") and at a number ("the Left 8.8 percent").
    piece = text[start:end]
    cut = re.search(r"\s[-–—]\s|\s\d", piece)
    if cut:
        end = start + cut.start()
    # and at a dash typed as a hyphen, with no spaces ("Jonathan Wright-director of wholesale products …-told the
    # BBC"): a role, a cue or a small word after it is no part of the name
    glued = next((k for k in range(start + 1, end) if text[k] == "-" and dash_after_name(text, k)), None) \
        if label == "PERSON" else None
    if glued is not None:
        end = glued
    # "RCMP Cpl. Isabelle Thériault": the model stopped at a title's full stop; the name is the words after it
    clipped = _TITLE_ABBREVIATION_END.search(text, start, end) if label == "PERSON" else None
    named = _NAME_AFTER_STOP.match(text, end) if clipped is not None else None
    if named is not None and not _TITLE_ABBREVIATION_END.search(named.group(1).split()[0]):  # not "Rev. Dr. …"
        start, end = named.start(1), named.end(1)
    # "Alder’s Sam Okonjo", "Easterby’s Harlow Stadium": the name after the possessive is the mention.
    inner = list(_POSSESSIVE_INSIDE.finditer(text, start, end))
    if inner:
        start = inner[-1].end()
    if label == "PERSON":  # "Paul" of "Paul D’Souza": the model stops at an apostrophe it has not seen
        tail = _NAME_TAIL.match(text, end)
        if tail and (re.search(r"['’]", tail.group(1)) or len(text[start:end].split()) == 1) and \
                tail.group(1) not in _NOT_NAMES:
            end = tail.end()
    if label == "PERSON" and " " in text[start:end].strip():
        syllable = SYLLABLE_AFTER_HYPHEN.match(text, end)
        if syllable and SYLLABLE.fullmatch(text[start:end].split()[-1]):
            end = syllable.end()  # "Kim Hyun-woo", whose given name the model cut at its hyphen
    while start < end and not (text[start].isalnum()):
        start += 1
    while end > start and not (text[end - 1].isalnum() or text[end - 1] in ".)"):
        end -= 1
    joining = _JOINING_END.search(text, start, end)
    if joining:
        end = joining.start()
    if end > start and text[end - 1] == "." and not re.search(r"(?:\b[A-Z]\.)+$", text[start:end]):
        end -= 1
    possessive = _POSSESSIVE_END.search(text, start, end)
    if possessive:
        end = possessive.start()
    letters = _POST_NOMINAL_END.search(text, start, end) if label == "PERSON" else None
    if letters and letters.start() > start:
        end = letters.start()  # "Rosalind Achterberg KC", "Jo Lee MP": letters after a name are no part of it
    lead = re.match(r"(?:the|The|THE|Several|Some|Many|Most|All|Both|Other|These|Those|Few)\s+(?=\S)", text[start:end])
    if lead:
        start += lead.end()
    opener = _OPENER.match(text, start, end)
    if opener and (opener.group(1).lower() in _NEVER_GIVEN_NAMES
                   or label == "PERSON" and ADVERB.fullmatch(opener.group(1).lower())):  # not "Butterfly Network"
        start = opener.end()  # the model's "Although Rubio", "Like Corker", "Interestingly Blocher": the name after
    acronym, acronym_start = None, None
    tail = re.search(r"\s([A-Z][A-Z&]{1,8})$", text[start:end])
    if label in ("ORG", "FAC") and tail and len(text[start:end].split()) >= 3:
        acronym, acronym_start = tail.group(1), start + tail.start(1)
        end = start + tail.start()
    title, title_start = None, None
    inside = TITLE_INSIDE.match(text[start:end])
    if inside and inside.end() < end - start:
        title_start = start
        start += inside.end()
    before = TITLE_BEFORE.search(text, max(0, (title_start or start) - 80), title_start or start)
    if before:
        title_start = before.start()
    last_word = text[start:end].split()[-1] if end > start else ""
    if label == "PERSON" and title_start is None and len(text[start:end].split()) > 1:
        label = "ORG" if last_word in ORG_WORDS else "FAC" if last_word in FAC_WORDS else label
    if title_start is not None:
        title = " ".join(text[title_start:start].split())
        if label != "PERSON" and _name_like(text[start:end]):
            label = "PERSON"
    if label == "PERSON" and " " in text[start:end].strip() and text[start:end].split()[0] in STORM_WORDS:
        label = "EVENT"  # "Cyclone Biparna": a storm, no one who speaks
    if label == "PERSON" and _SAINT.match(title or text[start:end]):
        label = "FAC"  # "St. Brigid" of "St. Brigid Parish": a church or a school named for a saint, no one who speaks
    if end <= start or not any(ch.isupper() for ch in text[start:end]):
        return []
    after = _ACRONYM_AFTER.match(text, end)
    if after and label != "PERSON":
        acronym = after.group(1)
    found = [Mention(text=text[start:end], start=start, end=end, label=label, title=title, title_start=title_start,
                     acronym=acronym)]
    if acronym_start is not None:  # "the Disaster and Emergency Management Authority AFAD": both are names
        found.append(Mention(text=acronym, start=acronym_start, end=acronym_start + len(acronym), label=label))
    return found


def _name_like(name: str) -> bool:
    """One to four capitalised words: what follows a title when it is a person's name."""
    words = name.split()
    return 1 <= len(words) <= 4 and all(w[0].isupper() or w.lower() in PARTICLES for w in words)


def _drop_titles_as_entities(text: str, mentions: list[Mention]) -> list[Mention]:
    """"State" of "Secretary of State Marco Rubio" and "the Minister of Foreign Affairs" are roles, not entities, and
    "Dist" and "Atty" of "Dist. Atty. Steve Cooley" no people."""
    # a mention lies in a title when the furthest end of the titles starting at or before it reaches its end:
    # a look-up each, not a scan of every title (a long article has thousands of both)
    regions = sorted((m.title_start, m.start) for m in mentions if m.title_start is not None)
    starts, reach = [a for a, _ in regions], list(accumulate((b for _, b in regions), max))
    kept = []
    for m in mentions:
        k = bisect_right(starts, m.start)
        if k and reach[k - 1] >= m.end:
            continue
        if m.label != "PERSON" and re.search(r"\bSecretary\s+of\s+(?:the\s+)?$", text[max(0, m.start - 20):m.start]):
            continue
        if m.label != "PERSON" and ROLE_SPAN.match(m.text):
            continue
        kept.append(m)
    surnames = {m.text.split()[-1] for m in kept if m.label == "PERSON" and " " in m.text}
    return [m for m in kept if not _role_opening(text, m, surnames)]


def _role_opening(text: str, mention: Mention, surnames: set[str]) -> bool:
    """Whether a one-word "person" is a capitalised role opening its sentence before a second role and the name both
    describe ("Filmmaker and aviator Howard Hughes also pursued her"), no surname of anyone the article names in full
    ("Clinton and running mate Tim Kaine" after "Hillary Clinton")."""
    if mention.label != "PERSON" or " " in mention.text or mention.text in surnames \
            or not mention.text.lower().endswith(_ROLE_ENDINGS):
        return False  # "Zendara and producer Mark Olsen": a name of one word, no role's
    before = text[:mention.start].rstrip(" \t")
    return _ROLES_BEFORE_NAME.match(text, mention.end) is not None and (not before or before[-1] in ".!?\n\"“”")


def _split_country_runs(text: str, mentions: list[Mention]) -> list[Mention]:
    """"(President of) Ukraine Volodymyr Zelenskyy" as one ORG span is a country, then a person."""
    out: list[Mention] = []
    for m in mentions:
        words = list(re.finditer(r"\S+", m.text))
        split = None
        after_office = re.search(rf"{OFFICE}\s+of\s+(?:the\s+)?$", text[max(0, m.start - 60):m.start])
        if m.label != "PERSON" and len(words) >= 3 and after_office:
            for k in range(1, len(words) - 1):
                head = m.text[: words[k - 1].end()]
                rest = m.text[words[k].start():]
                if (head in COUNTRIES or head.removeprefix("the ") in COUNTRIES) and _name_like(rest):
                    split = (k, head, rest)
                    break
        if split is None:
            out.append(m)
            continue
        k, head, rest = split
        head_start = m.start + (4 if head.startswith("the ") else 0)
        out.append(Mention(text=text[head_start:m.start + len(head)], start=head_start, end=m.start + len(head),
                           label="GPE"))
        out.append(Mention(text=rest, start=m.start + words[k].start(), end=m.end, label="PERSON"))
    # A run of capitalised words after "TITLE of the COUNTRY" that the model left unlabelled.
    covered = [(m.start, m.end) for m in out]
    for match in _OF_COUNTRY_NAME.finditer(text):
        if not OFFICE_END.search(text, max(0, match.start() - 60), match.start()):
            continue
        country, name = match.group("c"), match.group("n")
        if country not in COUNTRIES or any(a < match.end("n") and match.start("n") < b for a, b in covered):
            continue
        if not any(a <= match.start("c") < b for a, b in covered):
            out.append(Mention(text=country, start=match.start("c"), end=match.end("c"), label="GPE"))
        out.append(Mention(text=name, start=match.start("n"), end=match.end("n"), label="PERSON"))
    return out


def _persons_by_pronoun(text: str, mentions: list[Mention]) -> list[Mention]:
    """"Olaf Scholz conceded defeat as his party slumped": a name followed by he/his in its clause is a person,
    and so is a two-word name the model took for a body whose last word it took alone for a person ("Bettie Page,
    the pin-up model," beside "Page said"; not a place, "Fort Lee" beside "Lee said");
    so is a surname alone ("Sanders compared himself to …") of a person the article names in full, whatever
    places come between them; and a name of two or three words whose last word speaks alone elsewhere
    ("Adaeze Okafor", a place to the model, and "Okafor said": `speaking_alone`), or a people's name to the model
    whose last word is a person's surname or speaks alone."""
    surnames = {m.text.split()[-1] for m in mentions if m.label == "PERSON" and len(m.text.split()) > 1}
    alone = {m.text for m in mentions if m.label == "PERSON" and " " not in m.text}  # "Page said", of "Bettie Page"
    out = []
    for n, m in enumerate(mentions):
        words = m.text.split()
        if m.label in ("ORG", "GPE", "FAC") and (2 <= len(words) <= 3 or m.text in surnames) and _name_like(m.text) \
                and words[-1] not in ORG_WORDS | FAC_WORDS and m.text not in COUNTRIES and "of" not in words \
                and not _SAINT.match(m.text) \
                and "," not in m.text:  # not "Lehigh, Bruce Turry": a place and a name, which missed_people parts
            window = re.split(r"[.;“”\"]", text[m.end:m.end + 90])[0]
            pronoun = re.search(r"\b(?:he|his|him|himself|she|her|herself)\b", window)
            later = mentions[n + 1:]
            if m.text in surnames:  # past places and peoples, which no he is: "Trump included the Philippines on a
                later = [o for o in later if o.label in ("PERSON", "ORG")]  # list of countries he said …"
            nxt = later[0].start if later else len(text)
            if pronoun and m.end + pronoun.start() < nxt or m.label == "ORG" and len(words) == 2 and words[-1] in alone \
                    or m.label != "FAC" and words[-1] not in surnames and words[-1] in speaking_alone(text):
                m = Mention(m.text, m.start, m.end, "PERSON", m.title, m.title_start)
        elif m.label == "NORP" and 2 <= len(words) <= 3 and _name_like(m.text) \
                and (words[-1] in surnames or words[-1] in speaking_alone(text)):
            m = Mention(m.text, m.start, m.end, "PERSON", m.title, m.title_start)  # "Luz Marina Ortiz and her husband,
            # Jaime Ortiz": a people to the model
        out.append(m)
    return out


def _propagate_names(text: str, mentions: list[Mention]) -> list[Mention]:
    """Within one article, a surname of a named person is that person wherever the model missed it.

    Not when the surname also opens an organisation's name here ("Halvorsen Foods"): then the model's
    own label decides."""
    # a body's name, every word capitalised but its small words ("Trump Organization"); not a run the model took
    # for one ("Trump its Tree of Life" of "gave Trump its Tree of Life award")
    org_heads = {m.text.split()[0] for m in mentions if m.label != "PERSON" and len(m.text.split()) > 1
                 and all(w[:1].isupper() or w in _NAME_SMALL_WORDS for w in m.text.split())}
    people = {m.text for m in mentions if m.label == "PERSON" and len(m.text.split()) > 1}
    # a name the model also read as a person after a courtesy title is a person's everywhere ("Mr. van der Meer" beside
    # "Van der Meer, wearing a gray suit," read as a body)
    titled = {m.text[:1].upper() + m.text[1:] for m in mentions
              if m.label == "PERSON" and " " in m.text and m.title and m.title.rstrip(".").lower() in HONORIFICS}
    if titled:
        mentions = [Mention(m.text, m.start, m.end, "PERSON", m.title, m.title_start)
                    if m.label != "PERSON" and m.text[:1].upper() + m.text[1:] in titled else m for m in mentions]
    others = {m.text: m.label for m in mentions
              if m.label != "PERSON" and len(m.text.split()) > 1 and not m.text.isupper()}
    forms: set[str] = set(others)
    for full in people:
        forms.add(full)
        surname = full.split()[-1]
        if surname not in org_heads and len(surname) > 2:
            forms.add(surname)
        if family_name_first(full) and full.split()[0] not in org_heads:
            forms.add(full.split()[0])  # "Han said" of Han Seo-yeon
    if not forms:
        return mentions
    by_span = {(m.start, m.end): m for m in mentions}
    occupied = sorted((m.start, m.end) for m in mentions)
    starts = [x for x, _ in occupied]
    reach = list(accumulate((y for _, y in occupied), max))  # the furthest end so far

    def taken(a: int, b: int) -> bool:  # whether a mention overlaps [a, b): by bisection, for long articles
        k = bisect_left(starts, b)
        return k > 0 and reach[k - 1] > a

    pattern = re.compile(r"(?<![\w'’])(?:" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
                         + r")(?![\w])")
    out = list(mentions)
    for match in pattern.finditer(text):
        a, b = match.span()
        same = by_span.get((a, b))
        label = others.get(match.group(), "PERSON")
        if label != "PERSON":  # an organisation or place the model found once and missed elsewhere
            if same is None and not taken(a, b):
                out.append(Mention(text=match.group(), start=a, end=b, label=label))
            continue
        if same is not None:
            if same.label != "PERSON":
                out[out.index(same)] = Mention(same.text, a, b, "PERSON", same.title, same.title_start)
            continue
        if taken(a, b):
            continue
        title = TITLE_BEFORE.search(text, max(0, a - 80), a)
        out.append(Mention(text=match.group(), start=a, end=b, label="PERSON",
                           title=" ".join(text[title.start():a].split()) if title else None,
                           title_start=title.start() if title else None))
    return out


def _dedupe(mentions: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    for m in mentions:
        if out and out[-1].start < m.end and m.start < out[-1].end:
            if (m.end - m.start) > (out[-1].end - out[-1].start):
                out[-1] = m
            continue
        out.append(m)
    return out


# ---------------------------------------------------------------- keys and similarity


# ---------------------------------------------------------------- entities across articles


@dataclass
class _Item:
    article: str
    mention: Mention
    label: str
    key: str
    index: int  # order of the mention in its article


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def canonical_entities(mentions_by_article: Mapping[str, Sequence[Mention]],
                       texts: Mapping[str, str] | None = None) -> list[Entity]:
    """The entities of a story (or a corpus) from its articles' mentions, most mentioned first.

    Labels are voted per name over all articles, so a person the model called a place once is still
    a person; a mention preceded by a personal title counts as a person. A bare surname joins the
    full name with that surname in its own article, else the story's most frequent one; when two
    people of the story share it evenly it becomes an entity of its own, marked ambiguous.
    With the articles' texts, a name of two or more words that the model found in one article is
    also found where it missed it in another (with either apostrophe)."""
    if texts:
        mentions_by_article = _find_missed_names(mentions_by_article, texts)
    items: list[_Item] = []
    for article, mentions in mentions_by_article.items():
        for index, m in enumerate(sorted(mentions, key=lambda x: x.start)):
            items.append(_Item(article, m, m.label, name_key(m.text), index))
    if not items:
        return []
    items = _split_known_people(items)
    _vote_labels(items)
    groups: dict[str, list[_Item]] = defaultdict(list)
    ambiguous: set[str] = set()
    _group_people([i for i in items if i.label == "PERSON"], groups, ambiguous)
    _group_others([i for i in items if i.label != "PERSON"], groups)
    entities = [_make_entity(group, gid in ambiguous) for gid, group in groups.items()]
    entities.sort(key=lambda e: (-len(e.mentions), e.name))
    return entities


def _find_missed_names(mentions_by_article: Mapping[str, Sequence[Mention]],
                       texts: Mapping[str, str]) -> dict[str, list[Mention]]:
    labels: dict[str, Counter] = defaultdict(Counter)
    for mentions in mentions_by_article.values():
        for m in mentions:
            if len(m.text.split()) > 1:
                # A dateline ("BRANNOCK POINT") is looked for as a name is written ("Brannock Point").
                labels[m.text.title() if m.text.isupper() else m.text][m.label] += 1
    out = {article: list(mentions) for article, mentions in mentions_by_article.items()}
    if not labels:
        return out
    variants = list(labels)
    by_fold = {name_key(v): v for v in sorted(variants, key=len, reverse=True)}
    for article, text in texts.items():
        # A match overlaps a mention found by the model when one of those starting before its end
        # reaches past its start: the furthest end of each prefix of mentions answers that by
        # bisection (a scan of all mentions for every match grew with the square of the text).
        # Matches never overlap each other, so the ones added below need no checking.
        taken = sorted((m.start, m.end) for m in out.get(article, []))
        starts = [x for x, _ in taken]
        reach = list(accumulate((y for _, y in taken), max))
        for a, b in _leftmost_longest(text, variants):
            before = bisect_left(starts, b)
            if before and reach[before - 1] > a:
                continue
            source = by_fold.get(name_key(text[a:b]))
            if source is None:
                continue
            label = labels[source].most_common(1)[0][0]
            title = TITLE_BEFORE.search(text, max(0, a - 80), a) if label == "PERSON" else None
            out.setdefault(article, []).append(Mention(
                text=text[a:b], start=a, end=b, label=label,
                title=" ".join(text[title.start():a].split()) if title else None,
                title_start=title.start() if title else None))
    return out


_NAME_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'"})  # a name found with either apostrophe


def _leftmost_longest(text: str, names: Iterable[str]) -> list[tuple[int, int]]:
    """Where any of the names stands in text as whole words, with either apostrophe, scanned from the left:
    at each place the longest name found there, and nothing that overlaps it (what one regular expression
    of the names, the longest first, would find; a story's names change with every article, so the
    places of each name in each text are remembered instead of compiling that expression for every brief)."""
    longest: dict[int, int] = {}
    for name in names:
        for a, b in _places_of(text, name):
            if b > longest.get(a, -1):
                longest[a] = b
    found: list[tuple[int, int]] = []
    for a in sorted(longest):
        if not found or a >= found[-1][1]:
            found.append((a, longest[a]))
    return found


def _places_of(text: str, name: str) -> tuple[tuple[int, int], ...]:
    """Every place name stands in text as whole words (no word character or apostrophe either side)."""
    folded, known = _text_for_names(text)
    if name not in known:
        key, places = name.translate(_NAME_APOSTROPHES), []
        a = folded.find(key)
        while a >= 0:
            b = a + len(key)
            if not (a and _word_or_apostrophe(text[a - 1])) and not (b < len(text) and _word_or_apostrophe(text[b])):
                places.append((a, b))
            a = folded.find(key, a + 1)
        known[name] = tuple(places)
    return known[name]


@memo(ARTICLES)  # the articles of the last briefs made, like compare.units._pieces
def _text_for_names(text: str) -> tuple[str, dict[str, tuple[tuple[int, int], ...]]]:
    """A text with one apostrophe, and the places found in it so far of each name looked for."""
    return text.translate(_NAME_APOSTROPHES), {}


def _word_or_apostrophe(ch: str) -> bool:
    return ch.isalnum() or ch in "_'’"


def _split_known_people(items: list[_Item]) -> list[_Item]:
    """A non-person span ending in a full name that is a person elsewhere in the story is split there."""
    people = {i.key for i in items if i.label == "PERSON" and len(i.key.split()) > 1}
    out: list[_Item] = []
    for item in items:
        m = item.mention
        words = list(re.finditer(r"\S+", m.text)) if item.label != "PERSON" and len(m.text.split()) > 2 else []
        done = False
        if len(words) >= 3:
            for k in range(1, len(words) - 1):
                rest = m.text[words[k].start():]
                if name_key(rest) in people:
                    start = m.start + words[k].start()
                    out.append(_Item(item.article, Mention(rest, start, m.end, "PERSON"), "PERSON", name_key(rest),
                                     item.index))
                    done = True
                    break
        if not done:
            out.append(item)
    return out


def _vote_labels(items: list[_Item]) -> None:
    """One label per name over the story; a surname of a known person is a person, unless it opens an org's name."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for item in items:
        weight = 1
        if item.mention.title and item.label == "PERSON":
            weight = 3  # "Chancellor Olaf Scholz" is a person whatever the model said elsewhere
        elif item.label == "GPE" and item.mention.text.isupper() and len(item.mention.text) > 3:
            weight = 4  # a dateline names a place
        votes[item.key][item.label] += weight
    label_of = {}
    for key, counter in votes.items():
        best = max(counter.items(), key=lambda kv: (kv[1], kv[0] == "PERSON", kv[0]))
        label_of[key] = best[0]
    full_people = [k for k, lab in label_of.items() if lab == "PERSON" and len(k.split()) > 1]
    surnames = {k.split()[-1] for k in full_people}
    by_initial = {c: list(g) for c, g in groupby(sorted(surnames), key=lambda s: s[:1])}  # alike ones share it
    org_heads = {k.split()[0] for k, lab in label_of.items() if lab != "PERSON" and len(k.split()) > 1}
    surfaces = {item.key: item.mention.text for item in items}
    for key in list(label_of):
        if len(key.split()) != 1:
            continue
        if label_of[key] in ("ORG", "GPE", "LOC", "FAC") and key not in org_heads:
            if key in surnames or any(similar_surnames(key, s) for s in by_initial.get(key[:1], ())):
                label_of[key] = "PERSON"
        elif label_of[key] == "PERSON" and key not in surnames:
            surface = surfaces[key]
            acronym = sum(ch.isupper() for ch in surface) >= 2 and " " not in surface
            if acronym or key in org_heads:  # "AfD", "NATO"; "Brennick" of Brennick Health Trust
                others = [(n, lab) for lab, n in votes[key].items() if lab != "PERSON"]
                label_of[key] = max(others)[1] if others else "ORG"
    for item in items:
        item.label = label_of[item.key]


def _group_people(items: list[_Item], groups: dict[str, list[_Item]], ambiguous: set[str]) -> None:
    full_keys = sorted({i.key for i in items if len(i.key.split()) > 1})
    uf = _UnionFind()
    by_initial: dict[str, list[str]] = defaultdict(list)
    for key in full_keys:
        uf.find(key)
        surname = key.split()[-1]
        for other in by_initial[surname[:1]]:
            if similar_surnames(surname, other.split()[-1]) and compatible_given_names(key, other):
                uf.union(key, other)
        by_initial[surname[:1]].append(key)
    clusters: dict[str, list[str]] = defaultdict(list)
    for key in full_keys:
        clusters[uf.find(key)].append(key)
    counts = Counter(uf.find(i.key) for i in items if len(i.key.split()) > 1)
    of_initial: dict[str, dict[str, set[str]]] = defaultdict(dict)  # surname -> roots, by initial (alike ones share it)
    for root, keys in clusters.items():
        for key in keys:
            of_initial[key.split()[-1][:1]].setdefault(key.split()[-1], set()).add(root)
    for item in items:
        if len(item.key.split()) > 1:
            groups["P:" + uf.find(item.key)].append(item)

    bare = [i for i in items if len(i.key.split()) == 1]
    # Per article, where each cluster's full-name mentions stand, to send a bare surname to the nearest.
    positions: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i in items:
        if len(i.key.split()) > 1:
            positions[(i.article, uf.find(i.key))].append(i.mention.start)
    bare_roots = _UnionFind()
    candidates_of: dict[str, set[str]] = {}  # a surname is named again and again: its people are found once
    for item in bare:
        if item.key not in candidates_of:
            candidates_of[item.key] = {root for surname, roots in of_initial.get(item.key[:1], {}).items()
                                       if similar_surnames(item.key, surname) for root in roots}
        candidates = candidates_of[item.key]
        if not candidates:  # a name only ever given alone; spelling variants still merge
            for other in list(bare_roots.parent):
                if similar_surnames(item.key, other):
                    bare_roots.union(item.key, other)
            groups["B:" + bare_roots.find(item.key)].append(item)
            continue
        choice = _choose_person(item, candidates, positions, counts)
        if choice is None:
            gid = "A:" + item.key
            ambiguous.add(gid)
            groups[gid].append(item)
        else:
            groups["P:" + choice].append(item)
    # Bare groups whose key later merged with another bare key: regroup under the final root.
    for gid in [g for g in groups if g.startswith("B:")]:
        root = "B:" + bare_roots.find(gid[2:])
        if root != gid:
            groups[root].extend(groups.pop(gid))


def _choose_person(item: _Item, candidates: set[str], positions: dict[tuple[str, str], list[int]],
                   counts: Counter) -> str | None:
    """The person a bare surname stands for: the only one, the nearest earlier in its article, else the most named."""
    if len(candidates) == 1:
        return next(iter(candidates))
    here = {root: positions.get((item.article, root), []) for root in candidates}
    before = {root: max((p for p in spots if p < item.mention.start), default=-1) for root, spots in here.items()}
    nearest = max(before.items(), key=lambda kv: kv[1])
    if nearest[1] >= 0 and sum(1 for v in before.values() if v == nearest[1]) == 1:
        return nearest[0]
    in_article = {root: len(spots) for root, spots in here.items() if spots}
    if len(in_article) == 1:
        return next(iter(in_article))
    ranked = sorted(candidates, key=lambda r: -counts[r])
    if counts[ranked[0]] > counts[ranked[1]]:
        return ranked[0]
    return None


def _group_others(items: list[_Item], groups: dict[str, list[_Item]]) -> None:
    uf = _UnionFind()
    keys: dict[str, str] = {}
    label_votes: dict[str, Counter] = defaultdict(Counter)
    for item in items:
        key = place_key(item.mention.text) if item.label != "NORP" else item.key
        item.key = key
        keys[key] = key
        uf.find(key)
        label_votes[key][item.label] += 1
        if item.mention.acronym:
            uf.find(name_key(item.mention.acronym))
            uf.union(key, name_key(item.mention.acronym))
    majority = {k: c.most_common(1)[0][0] for k, c in label_votes.items()}
    surfaces: dict[str, str] = {}
    for item in items:
        surfaces.setdefault(item.key, item.mention.text)
    multi = {k: k.split() for k in keys if len(k.split()) > 1 and majority[k] != "NORP"}  # their words
    for key in keys:
        if majority[key] == "NORP":
            continue
        words = key.split()
        surface = surfaces[key]
        # Acronyms: RBA, AfD, NATO.
        acronym = 2 <= len(surface) <= 6 and surface[0].isupper() and sum(c.isupper() for c in surface) >= 2
        if len(words) == 1 and acronym:
            matches = [k for k in multi if is_acronym_of(surface, surfaces[k])]
            if len(matches) == 1:
                uf.union(key, matches[0])
                continue
        if "/" in surface:  # "CDU/CSU" is the alliance its parts name
            for part in surface.split("/"):
                part_key = place_key(part.strip())
                if part_key in keys:
                    uf.union(key, part_key)
        of = re.match(r"(?:port|city|province|county|region|district|state)\s+of\s+(.+)$", key)
        if of and of.group(1) in keys and majority[of.group(1)] in PLACE_LABELS:
            uf.union(key, of.group(1))  # "Port of Larkhaven" is Larkhaven
        if majority[key] != "ORG" and majority[key] != "EVENT":
            continue
        # A short form of exactly one longer organisation: "Halvorsen" for Halvorsen Foods, "Reserve Bank".
        longer = [k for k in multi if k != key and majority[k] in ("ORG", "FAC", "EVENT", "GPE")
                  and (multi[k][: len(words)] == words or (len(words) == 1 and multi[k][-1] == key))]
        if len(longer) == 1:
            uf.union(key, longer[0])
    for item in items:
        groups["O:" + uf.find(item.key)].append(item)


def _make_entity(items: list[_Item], ambiguous: bool) -> Entity:
    if len(items) == 1:  # most of a story's names are mentioned once: the name as written, with its title
        item = items[0]
        mention = item.mention
        return Entity(name=mention.text, type=item.label,
                      aliases=(mention.titled,) if mention.titled != mention.text else (),
                      mentions=(SourceSpan(item.article, mention.start, mention.end),), ambiguous=ambiguous)
    labels = Counter(i.label for i in items)
    etype = labels.most_common(1)[0][0]
    forms = Counter(i.mention.text for i in items)
    first_seen = {}
    for n, i in enumerate(items):
        first_seen.setdefault(i.mention.text, n)

    def rank(form: str) -> tuple:
        words = form.split()
        shouty = form.isupper() and len(form) > 6  # datelines ("MARLOW SPRINGS") are not how a name is written
        if etype == "PERSON":
            return (len(words) > 1, forms[form], len(words), -first_seen[form])
        tail = len(words) > 1 and words[-1] in GEO_TAILS  # "Malatya province" is Malatya
        return (not shouty, not tail, len(words) > 1, forms[form], len(form), -first_seen[form])

    name = max(forms, key=rank)
    aliases: list[str] = []
    for i in items:
        for form in (i.mention.text, i.mention.titled):
            if form != name and form not in aliases:
                aliases.append(form)
    spans = tuple(sorted({SourceSpan(i.article, i.mention.start, i.mention.end) for i in items},
                         key=lambda s: (s.article, s.start)))
    return Entity(name=name, type=etype, aliases=tuple(sorted(aliases)), mentions=spans, ambiguous=ambiguous)


def entity_of(entities: Iterable[Entity], article: str, start: int, end: int) -> Entity | None:
    """The entity whose mention covers article[start:end] (a quote's speaker_span, say), if any."""
    for entity in entities:
        for span in entity.mentions:
            if span.article == article and span.start <= start and end <= span.end:
                return entity
    return None
