"""Role conflicts: a person given two incompatible offices by two voices ("Superintendent" and
"Inspector"; "deputy associate director" and "associate director": a rank word makes another office).
An office held before ("then-Sen. Barack Obama", "former Gov.") is no office of the person now, and
disputes none ("President Obama" in the same story); nor does a title in a quotation, the speaker's
word of the time spoken of, or one before a last name two people of the story share."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Collection

from storyline.compare.conflicts.conflict import Conflict, Detector, StoryFindings
from storyline.compare.units import StoryView, quoted_spans
from storyline.lang.en import HONORIFICS, OFFICE_NAMES, OFFICE_WORDS, PAST_OFFICE, RANK_WORDS
from storyline.model import ConflictKind
from storyline.words import fold_text


def _office(title: str) -> str:
    """A title's words that name an office, each in one spelling ("Sen." and "Senator" alike, "Justice" and
    "Judge" alike); honorifics and "former" are no office."""
    words = [OFFICE_WORDS.get(w, OFFICE_NAMES.get(w, w)) for w in re.findall(r"[a-z]+", fold_text(title))]
    return " ".join(w for w in words if w not in HONORIFICS)


# an office given after a name, of a body: "Dave Marcus, security research and communications manager
# for McAfee", "Ana Ortiz, a spokeswoman for the Interior Ministry"; the office's head is one of OFFICE_HEADS
OFFICE_HEADS = frozenset({"manager", "director", "president", "chairman", "chairwoman", "chair", "chief", "officer",
                          "spokesman", "spokeswoman", "spokesperson", "secretary", "minister", "commissioner",
                          "editor", "head", "superintendent", "inspector", "sergeant", "captain", "lieutenant",
                          "deputy", "governor", "mayor", "ceo", "founder", "coordinator", "supervisor", "analyst"})
# ... or in the predicate of a name ("Felt was deputy associate director of the FBI"), past a suffix
# the name does not hold ("W. Mark Felt Sr., the associate director of the FBI")
_APPOSITIVE = re.compile(r"(?:(?<=[JS]r)\.|,?\s+(?:Sr|Jr)\.?|\s+I{2,3})?(?:,|\s+(?:was|is)(?:\s+then)?)\s+(?:(?:an?|the)\s+)?"
                         r"(?P<office>(?:[a-z][\w-]*\s+){0,5}(?P<head>[a-z]+))\s+(?:for|at|of|with)\s+(?:the\s+)?[A-Z]")


def _appositive_office(text: str, end: int) -> tuple[str, int, int] | None:
    """The office a text gives right after a name ending at end, of a body, and its span: in an
    apposition or a predicate ("was", "is")."""
    m = _APPOSITIVE.match(text, end)
    if m is None or m.group("head") not in OFFICE_HEADS:
        return None
    return m.group("office"), m.start("office"), m.end("office")


def role_conflicts(story: StoryView, unit_of: Callable[[int, int], int | None]) -> list[Conflict]:
    """A person given two incompatible offices by two voices ("Superintendent" and "Inspector"; "…
    communications manager for McAfee" and "… communications director at McAfee Labs")."""
    offices: dict[str, dict[int, tuple[str, str, list[tuple[int, int]]]]] = defaultdict(dict)
    spelled_out: set[str] = set()  # offices read after a name, in words ("deputy associate director of the FBI")
    seats: set[str] = set()  # ... of a panel its members sit on beside their office ("chairman of the Judiciary Committee")
    for pos, article in enumerate(story.articles):
        quoted = quoted_spans(article.analysis)
        namesakes = _full_names(story, pos)
        for m in article.analysis.mentions:
            if m.label != "PERSON":
                continue
            name = story.entity_at(pos, m.start, m.end)
            if not name or not _own_namesake(name, article.text[m.start:m.end], namesakes):
                continue
            if any(lo <= m.start < hi for lo, hi in quoted):
                continue  # a title in a quotation is the speaker's word, of the time spoken of ("if Sen. Obama does X")
            if m.title and m.title_start is not None:
                if _held_before(article.text, m.title_start, m.title):
                    continue
                office = _office(m.title)
                if office:
                    offices[name].setdefault(pos, (office, m.titled, [(m.title_start, m.end)]))
                continue
            after = _appositive_office(article.text, m.end)
            office = _office(after[0]) if after is not None else ""
            if after is not None and office and not _held_before(article.text, after[1], after[0]):
                # ("Jamie Clark, a former director of the agency": an office held before, as a title is)
                offices[name].setdefault(pos, (office, after[0], [(after[1], after[2])]))
                spelled_out.add(office)
                if _PANEL.match(article.text, after[2]):
                    seats.add(office)
    out = []
    for name, values in offices.items():
        distinct = {v[0] for v in values.values()}
        if len(distinct) < 2:
            continue
        if not any(_two_offices(x, y, spelled_out, seats) for x in distinct for y in distinct if x < y):
            continue
        units = {}
        for pos, (_, _, spans) in values.items():
            u = unit_of(pos, spans[0][0])
            if u is not None:
                units[pos] = u
        out.append(Conflict(ConflictKind.ROLE, f"role:{name}", values, units))
    return out


def _full_names(story: StoryView, pos: int) -> dict[str, set[str]]:
    """The people an article names in full, by last name: whom its last name alone can stand for."""
    article = story.articles[pos]
    out: dict[str, set[str]] = defaultdict(set)
    for m in article.analysis.mentions:
        words = article.text[m.start:m.end].split()
        name = story.entity_at(pos, m.start, m.end) if m.label == "PERSON" and len(words) > 1 else None
        if name:
            out[words[-1]].add(name)
    return out


def _own_namesake(name: str, written: str, namesakes: dict[str, set[str]]) -> bool:
    """Whether a person's name as an article writes it can be the person the story takes it for: a last
    name alone ("Secretary Clinton") stands for someone of that name the article names in full, not for
    someone else (the story's "Clinton" is Bill, the article names only Hillary Clinton)."""
    words = written.split()
    full = namesakes.get(words[-1], set()) if len(words) == 1 else set()
    return not full or name in full


def _held_before(text: str, start: int, title: str) -> bool:
    """Whether a title before a name is of an office held before: "then-Sen.", "former Gov.", "ex-Mayor"."""
    return "former" in fold_text(title).split() or bool(PAST_OFFICE.search(text, max(0, start - 40), start))


# a panel whose members hold other offices: "chairman of the Judiciary Committee", "a member of the board"
_PANEL = re.compile(r"\s+(?:for|at|of|on|with)\s+(?:the\s+)?(?:[A-Z][\w.'’&-]*\s+){0,5}"
                    r"(?:Committee|Subcommittee|Board|Council|Caucus|Panel|Commission)\b")


def _two_offices(first: str, second: str, spelled_out: Collection[str], seats: Collection[str] = ()) -> bool:
    """Whether two offices are two: neither is a fuller form of the other ("senior network security
    manager" of "network security manager"), or the fuller one, spelled out after a name, adds a rank
    (RANK_WORDS: a deputy associate director is not the associate director). A title before a name
    ("Deputy Sgt. Hoyt Teasley") is no such reading: a sheriff's deputy who is a sergeant is "Sgt." too.
    A seat on a panel spelled out after a name (seats: "Grassley, chairman of the Judiciary Committee") and
    an office that is not ("Sen. Chuck Grassley") are not compared: a senator chairs a committee."""
    if (first in seats and second not in spelled_out) or (second in seats and first not in spelled_out):
        return False
    a, b = set(first.split()), set(second.split())
    if not (a <= b or b <= a):
        return True
    fuller = first if len(a) > len(b) else second
    return fuller in spelled_out and bool((a ^ b) & RANK_WORDS)


def _in_story(found: StoryFindings) -> list[Conflict]:
    return role_conflicts(found.story, found.unit_of)


DETECTOR = Detector(ConflictKind.ROLE, in_story=_in_story)
