"""Role conflicts: a person given two incompatible offices by two voices ("Superintendent" and
"Inspector"; "deputy associate director" and "associate director": a rank word makes another office).
An office held before ("then-Sen. Barack Obama", "former Gov.") is no office of the person now, and
disputes none ("President Obama" in the same story); nor does a title in a quotation, the speaker's
word of the time spoken of, or one before a last name two people of the story share, nor a headline's words
("President Nominates Regina Benjamin": the model's title for a verb), nor a title after "of the" ("the aide of the
President Yuri Ushakov"). An honorific alone ("Dr") leaves the office to the words beside the name."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Collection

from storyline.analyze.person_names import title_case_line
from storyline.compare.conflicts.conflict import Conflict, Detector, StoryFindings
from storyline.compare.units import StoryView, quoted_spans
from storyline.lang.en import HONORIFICS, OFFICE_NAMES, OFFICE_WORDS, PAST_OFFICE, RANK_WORDS, STOP_WORDS
from storyline.lang.en_numbers import AUXILIARIES
from storyline.model import ConflictKind
from storyline.words import fold_text, light_stem

# one office named with other words: the head of a body is its chief, director or leader ("the head of Iran's
# Seismic Research Center" / "director of the seismological center"), a spokesman its spokesperson
_SAME_OFFICE = {"chief": "head", "director": "head", "leader": "head", "boss": "head", "spokesman": "spokesperson",
                "spokeswoman": "spokesperson"}
# the ranks of a police or armed force, which its spokesperson or an officer of some duty holds beside that post
# ("Constable Tim Fanning" / "Tim Fanning, a police spokesperson"; "Deputy Jerry Ortiz" / "a gang enforcement officer")
_RANKS = frozenset({"constable", "inspector", "sergeant", "sgt", "detective", "officer", "captain", "capt", "lieutenant",
                    "lt", "colonel", "col", "superintendent", "commander", "corporal", "major"})
# ... of which those of an armed force, worn beside a post of another body (not a police commander's or inspector's)
_SERVICE_RANKS = frozenset({"colonel", "col", "major", "captain", "capt", "lieutenant", "lt", "corporal"})
_RANKS_AND_DEPUTY = _RANKS | {"deputy"}  # ... and a sheriff's deputy, whose word is a rank word of offices too (RANK_WORDS)


def _rank_and_post(rank: str, post: str) -> bool:
    """Whether an office is a rank of a police or armed force ("Constable", "Deputy") and another the post its
    holder serves in: its spokesperson, an officer of some duty ("gang enforcement officer"), or, for a rank of an
    armed force, an office that names no rank ("Colonel Fabiano Moura" / "Moura, head of the state civil defence")."""
    words = rank.split()
    if not words or words[-1] not in _RANKS_AND_DEPUTY:
        return False
    if set(words) <= _SERVICE_RANKS and not set(post.split()) & _RANKS_AND_DEPUTY:
        return True  # an officer of the forces heading a civil body: the rank goes with the post
    if words == ["deputy"] and _bare_rank(post):
        return True  # a sheriff's deputy who is a sergeant: "Deputy Hoyt Teasley" and "Sgt. Hoyt Teasley"
    held = set(post.split())  # an officer of some duty, not a fuller or shorter form of the rank's own office
    return "spokesperson" in held or (post.split()[-1:] == ["officer"] and not (held <= set(words) or set(words) <= held))


def _bare_rank(office: str) -> bool:
    """Whether an office is a rank alone ("colonel", "deputy sgt"): no post of a body."""
    return bool(office) and set(office.split()) <= _RANKS_AND_DEPUTY


def _office(title: str) -> str:
    """A title's words that name an office, each in one spelling ("Sen." and "Senator" alike, "Justice" and
    "Judge" alike, "athletics director" and "athletic director"); honorifics and "former" are no office."""
    words = [OFFICE_WORDS.get(w, OFFICE_NAMES.get(w, w)) for w in re.findall(r"[a-z]+", fold_text(title))]
    return " ".join(_SAME_OFFICE.get(w, w if w in _RANKS else light_stem(w)) for w in words if w not in HONORIFICS)


# an office given after a name, of a body: "Dave Marcus, security research and communications manager
# for McAfee", "Ana Ortiz, a spokeswoman for the Interior Ministry"; the office's head is one of OFFICE_HEADS
OFFICE_HEADS = frozenset({"manager", "director", "president", "chairman", "chairwoman", "chair", "chief", "officer",
                          "spokesman", "spokeswoman", "spokesperson", "secretary", "minister", "commissioner",
                          "editor", "head", "superintendent", "inspector", "sergeant", "captain", "lieutenant",
                          "deputy", "governor", "mayor", "ceo", "founder", "coordinator", "supervisor", "analyst",
                          "general", "prosecutor", "commander", "colonel", "executive", "prefect", "administrator",
                          "adviser", "advisor"})
# ... or in the predicate of a name ("Felt was deputy associate director of the FBI"), past a suffix
# the name does not hold ("W. Mark Felt Sr., the associate director of the FBI"); or closing the
# apposition ("Hernán Quispe, the Potosí departmental police commander,"; "Petra Novotná, a
# spokeswoman for the regional police")
_APPOSITIVE = re.compile(r"(?:(?<=[JS]r)\.|,?\s+(?:Sr|Jr)\.?|\s+I{2,3})?(?:,|\s+(?:was|is)(?:\s+then)?)\s+(?:(?:an?|the)\s+)?"
                         r"(?:(?:[A-Z][\w&.-]*\s+){0,3}[\w-]+['’]s\s+)?(?P<office>(?:[A-Z][\w-]*\s+)?(?:(?!(?:for|at|of|with|in|the)\b)[a-z][\w-]*\s+){0,5}"
                         r"(?P<head>[a-z]+)(?:\s+of\s+[a-z]+(?:\s+[a-z]+)?(?=\s*[,.;]))?)"
                         r"(?:\s*\([a-z][\w\s-]{0,30}\))?"  # what the office is of, in brackets: "manager (safety)"
                         r"(?:\s+(?:for|at|of|with|in)\s+(?:the\s+)?[A-Z]|\s+(?:for|at|of|with|in)\s+the\s+[a-z]|\s*[,.;])")
# an office before a name: in an apposition of a body's ("Kessler's chief financial officer, Ingrid
# Mahler,"; "the museum's head of security, Petra Novotná"; opening a sentence, "Its chief executive, Gareth
# Pryce,", "The deputy minister in the presidency, Themba Radebe,"; not "After meeting the president, Dana Ruiz")
# or as words of office that are no title ("police spokeswoman Petra Novotná", "Deputy mayor Lieve Maes", "Lead
# prosecutor Nkosinathi Dube")
_APPOSED_BEFORE = re.compile(r"(?:['’]s|\b(?:his|her|their)|(?:^|(?<=[.!?]\s)|(?<=[.!?][”\"]\s)|(?<=\n))(?:Its|The|His|Her|Their))\s+"
                             r"(?P<office>(?:(?!of\b|in\b)[a-z][\w-]*\s+){0,4}(?P<head>[a-z]+)"
                             r"(?:\s+(?:of|in)\s+(?:the\s+)?[a-z]+(?:\s+and\s+[a-z]+)?)?),\s+$")
# (on the name's line: a headline's last words are no office of the name opening the next paragraph)
_WORDS_BEFORE = re.compile(r"(?:(?<=\s)|^)(?P<office>(?:[\w-]+[^\S\n]+){0,3}(?P<head>[a-z]+|[A-Z][a-z]+))[^\S\n]+$")
_NO_OFFICE_WORDS = STOP_WORDS | AUXILIARIES | {"said", "says", "told", "tells", "added", "according", "by", "from"}


_OF_THE_BEFORE = re.compile(r"\bof\s+the\s+$")


def _an_office(office: str, head: str) -> bool:
    """Whether words ending in a head of OFFICE_HEADS name an office: a trade is one only as the chief
    one ("the chief executive", "the company's chief engineer"; "a Hollywood marketing executive" tells a
    trade, not an office to dispute)."""
    if head in _TRADES:
        return bool(re.search(r"\b(?:chief|lead|principal)\s+" + head + "$", office, re.IGNORECASE))
    return head in OFFICE_HEADS


_TRADES = frozenset({"executive", "engineer", "economist", "scientist", "architect", "designer", "surgeon"})


def _appositive_office(text: str, end: int) -> tuple[str, int, int] | None:
    """The office a text gives right after a name ending at end, of a body, and its span: in an
    apposition or a predicate ("was", "is")."""
    m = _APPOSITIVE.match(text, end)
    if m is None or not _an_office(m.group("office"), m.group("head")):
        return None
    return m.group("office"), m.start("office"), m.end("office")


def _common_words(office: str, named: Collection[str]) -> str:
    """An office spelt out around a name without the names in it (named: the words of the story's names):
    "Potosí departmental police commander" is a departmental police commander, "Oudenbrug mayor" a mayor,
    so that "Chicago police spokesman" and "police department spokesman" are one office."""
    return " ".join(w for w in office.split() if w not in named)


def _office_before(text: str, start: int) -> tuple[str, int, int] | None:
    """The office a text gives right before a name starting at start, and its span: an apposition after
    a body's possessive, or words of office that are no title (a title is the mention's own), from the
    office's head back to the first word that is none ("said police spokeswoman ...": the said)."""
    lo = max(0, start - 80)
    m = _APPOSED_BEFORE.search(text, lo, start)
    if m is not None and _an_office(m.group("office"), m.group("head")):
        return m.group("office"), m.start("office"), m.end("office")
    m = _WORDS_BEFORE.search(text, lo, start)
    if m is None or not _an_office(m.group("office"), m.group("head").lower()):
        return None  # a head in capitals is one of a title the analysis does not know ("Chief District Officer")
    words = list(re.finditer(r"[\w-]+", m.group("office")))
    first = len(words) - 1
    titled = m.group("head")[0].isupper()  # a title's words are in capitals: "pressured FBI Acting Director"
    while first > 0 and fold_text(words[first - 1].group()) not in _NO_OFFICE_WORDS and (
            not titled or words[first - 1].group()[0].isupper()):
        first -= 1
    begin = m.start("office") + words[first].start()
    return text[begin:m.end("office")], begin, m.end("office")


def role_conflicts(story: StoryView, unit_of: Callable[[int, int], int | None]) -> list[Conflict]:
    """A person given two incompatible offices by two voices ("Superintendent" and "Inspector"; "…
    communications manager for McAfee" and "… communications director at McAfee Labs")."""
    offices: dict[str, dict[int, tuple[str, str, list[tuple[int, int]]]]] = defaultdict(dict)
    spelled_out: set[str] = set()  # offices read after a name, in words ("deputy associate director of the FBI")
    seats: set[str] = set()  # ... of a panel its members sit on beside their office ("chairman of the Judiciary Committee")
    named = {w for name in story.entity_type for w in name.split()}
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
            if title_case_line(article.text, m.start):
                continue  # a headline's words ("President Nominates Regina Benjamin, MD to Serve as …"): no office read
            apposed = None  # the office after the name, where a rank before it was read and leaves the office to it
            if m.title and m.title_start is not None:
                if _held_before(article.text, m.title_start, m.title):
                    continue
                if _OF_THE_BEFORE.search(article.text, max(0, m.title_start - 12), m.title_start):
                    continue  # "the aide of the President Yuri Ushakov": whose title it is, no one can say
                office = _office(m.title)
                if office and _bare_rank(office):
                    apposed = _appositive_office(article.text, m.end)
                if office and apposed is None:
                    offices[name].setdefault(pos, (office, m.titled, [(m.title_start, m.end)]))
                    continue  # else an honorific alone ("Dr Alan Chiu, the hospital's chief of …"), or a rank whose
                    # holder's post follows ("Colonel Fabiano Moura, head of the state civil defence"): the words beside
            opening = m.title_start if m.title_start is not None else m.start  # before "Dr", where it stands
            after = apposed or _appositive_office(article.text, m.end) or _office_before(article.text, opening)
            office = _office(_common_words(after[0], named)) if after is not None else ""
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
        shorthands = {v[0] for v in values.values() if _shorthand_head(v[1])}
        if not any(_two_offices(x, y, spelled_out, seats, shorthands) for x in distinct for y in distinct if x < y):
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


def _two_offices(first: str, second: str, spelled_out: Collection[str], seats: Collection[str] = (),
                 shorthands: Collection[str] = ()) -> bool:
    """Whether two offices are two: neither is a fuller form of the other ("senior network security
    manager" of "network security manager"), or the fuller one, spelled out after a name, adds a rank
    (RANK_WORDS: a deputy associate director is not the associate director), as a title before a name does
    ("Assistant Chief District Officer" is not the Chief District Officer) unless the shorter is a rank
    alone ("Deputy Sgt. Hoyt Teasley"): a sheriff's deputy who is a sergeant is "Sgt." too.
    A seat on a panel spelled out after a name (seats: "Grassley, chairman of the Judiciary Committee") and
    an office that is not ("Sen. Chuck Grassley") are not compared: a senator chairs a committee. Nor are a
    rank and the post its holder serves in (_rank_and_post), or two offices at the top of a body, or a body's
    head named in shorthand (shorthands: "prisons chief") and an office that heads a body."""
    if (first in seats and second not in spelled_out) or (second in seats and first not in spelled_out):
        return False
    a, b = set(first.split()), set(second.split())
    if any(_rank_and_post(x, y) for x, y in ((first, second), (second, first))):
        return False  # a rank and the post its holder serves in
    if _held_together(first) and _held_together(second):
        return False  # "president and general manager", "chairman and chief executive": one person's two offices
    if any(x in shorthands and y in _HEADS_OF_BODIES for x, y in ((first, second), (second, first))):
        return False  # "Pennsylvania's prisons chief" and "Secretary": the body's head, as headlines say
    if any(_party_office(x) and y in _LEGISLATORS for x, y in ((first, second), (second, first))):
        return False  # "Senate Majority Leader" and "Sen.", "Minority Whip" and "Rep.": a chamber's leaders are members
    if not (a <= b or b <= a):
        return True
    fuller, shorter = (first, second) if len(a) > len(b) else (second, first)
    return bool((a ^ b) & RANK_WORDS) and (fuller in spelled_out or not _bare_rank(shorter))


# the offices at the top of a body that one person often holds together ("president and CEO", "chairman and
# chief executive", "founder and owner", "president and general manager"): two of them dispute nothing
_TOGETHER = frozenset(_office(form) for form in ("president", "chairman", "chairwoman", "chair", "chief executive", "ceo",
                                                 "general manager", "managing director", "founder", "owner", "publisher"))


# the offices that head a body, which a report may shorten to "the <body> chief" or "the <body> head", written bare:
# "Secretary Dana Whitcombe" beside "Pennsylvania's prisons chief"; not "Defence Minister Ahmed Saleh" beside "Army
# chief Ahmed Saleh", whose bodies are two
_HEADS_OF_BODIES = frozenset(_office(form) for form in ("secretary", "minister", "commissioner", "president", "chairman",
                                                        "chairwoman", "chair", "chief executive", "ceo", "administrator",
                                                        "warden", "head"))


# the members of a chamber, whose majority's or minority's leader or whip each party's leaders are
_LEGISLATORS = frozenset(_office(form) for form in ("senator", "representative", "congressman", "congresswoman",
                                                     "lawmaker", "member"))


def _party_office(office: str) -> bool:
    """Whether an office leads a party in a chamber ("Senate Majority Leader", "House Minority Whip")."""
    words = office.split()
    return bool({"majority", "minority"} & set(words)) and words[-1] in (_office("leader"), _office("whip"))


def _shorthand_head(written: str) -> bool:
    """Whether an office as written is a body's head named in shorthand: "prisons chief", "police boss", "the
    head" (not "operations director": a post of its own)."""
    words = [w for w in re.findall(r"[a-z]+", fold_text(written)) if w not in ("the", "a", "an")]
    return 0 < len(words) <= 2 and words[-1] in ("chief", "boss", "head") and not set(words) & RANK_WORDS


def _held_together(office: str) -> bool:
    """Whether an office is one of those at the top of a body (_TOGETHER), of whatever body ("team president")."""
    return any(office == form or office.endswith(" " + form) for form in _TOGETHER)


def _in_story(found: StoryFindings) -> list[Conflict]:
    return role_conflicts(found.story, found.unit_of)


DETECTOR = Detector(ConflictKind.ROLE, in_story=_in_story)
