"""How the outlets of one story compare: claims aligned across articles, quotes with each outlet's
wording, and a brief whose every line is an extracted sentence with its provenance.

compare_story(articles, entities, embed) takes the articles of one story (body text, outlet,
near-duplicate group, analysis) and returns claims, quotes and summary lines as dicts in the shape
of the `show --json` contract. Nothing is generated: a claim's text is one of its sentences, a
summary line is a claim's text, and every one carries the article ids and character spans it came
from (evidence[].text == article text[start:end]).

What is surprising:
- Units are sentences (text.split_sentences), joined where a quotation runs across a sentence
  boundary and cut where a semicolon or ", and" joins two facts outside reported speech. Sentences
  that quote someone stay units: in an interview story most of what outlets share is what the
  speaker said, and those facts are claims as much as quotes.
- Two units state one fact when their pair score passes PAIR_THRESHOLD: static-embedding cosine,
  IDF-weighted word overlap (figures included), shared entities, figures and dates. Candidates come
  from a nearest-neighbour index over distinct sentences (usearch; exact search below 256), a fixed
  number per sentence, so the work grows as n·log n in sentences; wire copies are searched once.
  Groups are merged best pair first, never holding two units of one article, never two values of
  one thing (12 and 15 injured, Wednesday and Thursday), and only while the group's mean cosine
  stays high. Two units quoting statements the quote alignment tells apart are never one claim.
- Copies of one report (one near-duplicate group) and the articles of one outlet are one voice,
  credited to the outlet that published first; the other outlets that ran a copy are listed in
  `republished_by`. A claim only one voice carries is `single`, however many copies carry it.
- A conflict needs two voices giving two values of one thing: a figure of the same counted thing,
  the day of one happening, the medium of one statement (radio show or briefing), a person's
  office, the speaker or the words (a negation, a figure) of one quotation, the place of one
  happening. It is its own claim (status "conflict", with each outlet's value and evidence) beside
  the claims of each side, which are marked `disputed`. When in doubt there is no conflict: a
  running count ("has burned", "by dawn") read on two days, a postponed date, "today" in reports of
  two days, a kind of figure an article gives twice with nothing to tell which is which.
- Speakers are canonical entity names (entity_of over the quote's speaker span), so spellings
  across outlets meet; quote variants of one statement carry a word diff against the first.

The thresholds were set on examples/demo (storyline.evaluate_compare reports the figures).
"""

from __future__ import annotations

import difflib
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

import numpy as np
from anyascii import anyascii

from storyline.analyze.languages import number_value, scale_value
from storyline.analyze.places import is_country
from storyline.model import Analysis, Entity, Quote
from storyline.text import fingerprint_text, split_sentences

VERSION = "compare-1"

Embed = Callable[[list[str]], np.ndarray]


@dataclass(frozen=True)
class StoryArticle:
    """One article of a story as the comparison needs it; text is the normalised body the analysis indexes."""

    id: str
    source: str
    group: str  # near-duplicate group: copies of one report share it
    text: str
    published: datetime | None
    analysis: Analysis
    language: str | None = None  # ISO 639-1; None or "en" is English


@dataclass(frozen=True)
class Comparison:
    """Claims, quotes and summary lines of one story, as plain dicts in the shape of `show --json`."""

    claims: list[dict]
    quotes: list[dict]
    summary: list[dict]


# ---------------------------------------------------------------- settings (set on examples/demo)

NEIGHBOURS = 24  # candidates per sentence from the nearest-neighbour index
LEXICAL_WEIGHT = 0.5  # weight of the IDF word overlap beside the cosine in a pair score
PAIR_THRESHOLD = 0.95  # pair score at which two units state one fact
LINK_THRESHOLD = 0.60  # mean cosine a claim group must keep as it grows
QUOTE_THRESHOLD = 0.80  # pair score at which two quotations (same speaker) are one statement
QUOTE_EXACT = 1.15  # a pair this close is one statement even where a negation differs (a misquote)
QUOTE_LINK = 0.60  # mean cosine a quote group must keep
MAX_SUMMARY = 6  # lines of the brief
# Sentences in two languages are compared in the multilingual encoder's space, whose cosines run lower
# than the English model's: a translation scores 0.3 to 0.9 (median 0.64), two different statements
# of one story up to 0.5 (90th percentile 0.29). A linear map puts them on the English scale (medians
# of the same statement 0.85, 90th percentile of different ones 0.61), so that every threshold holds
# for both; measured on tests/fixtures/multilingual's gold quotes.
CROSS_SCALE = 0.69
CROSS_SHIFT = 0.41
CROSS_FLOOR = 0.3  # raw multilingual cosine below which two sentences in two languages are not compared
# Two languages share few words, so the word overlap that lifts a pair in one language is missing:
# pairs in two languages pass at thresholds lower by about what that overlap adds to a paraphrase.
CROSS_PAIR_THRESHOLD = 0.80
CROSS_QUOTE_THRESHOLD = 0.70
# Where the encoder reads one of the languages barely (one it was not trained on, as Ukrainian: a
# translation can score 0.18 to 0.23), who said it stands in for what was said: two quotations in
# two languages by one named speaker in two reports pair when each is the other's closest among
# that speaker's quotations in the other report, ahead of every other by SPEAKER_MARGIN, and at
# SPEAKER_FLOOR or more (set on the motivating case, where the speaker's other quotations score 0.02
# to 0.16 against it; the margin keeps a guess between two out).
SPEAKER_FLOOR = 0.15
SPEAKER_MARGIN = 0.05

# ---------------------------------------------------------------- words

_STOP = frozenset("""
a an the and or but nor so yet if then than that this these those there here it its it's he she him her his hers
they them their theirs we us our ours you your i me my mine who whom whose which what when where why how
is are was were be been being am do does did done doing have has had having will would shall should can could may
might must not no to of in on at by for with from into onto over under about after before since until while as
also too very just only even still more most less least some any all each every both either neither other another
such same own said says say told tell according added adding mr mrs ms dr one per cent percent
up down out off again further once today yesterday tomorrow now
""".split())
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
_NEGATIONS = frozenset({"not", "no", "never", "nobody", "nothing", "none", "neither", "nor", "cannot", "without"})


def _fold(text: str) -> str:
    return anyascii(text).casefold()


def _stem(word: str) -> str:
    """A light suffix stripper: enough to meet 'injured'/'injuring', 'talks'/'talk' across outlets."""
    w = word.replace("'", "")
    if len(w) <= 4:
        return w
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""), ("ly", "")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: len(w) - len(suffix)] + repl
            break
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "ls":  # "stopp" -> "stop"
        w = w[:-1]
    return w


def _words(text: str) -> list[str]:
    return [m.group() for m in _WORD.finditer(_fold(text).replace("’", "'"))]


def content_stems(text: str) -> list[str]:
    """The content words of a text, folded and stemmed, and its figures ("#82.5", "#12" for "twelve"):
    what two wordings of one fact share."""
    out = []
    for m in re.finditer(r"\d[\d,]*(?:\.\d+)?|[^\W\d_]+(?:['’][^\W\d_]+)?", _fold(text).replace("’", "'")):
        w = m.group()
        if w[0].isdigit():
            out.append("#" + w.replace(",", "").rstrip("."))
        elif w in _SMALL_NUMBERS:
            out.append(f"#{_SMALL_NUMBERS[w]}")
        elif w not in _STOP and len(w) > 1:
            out.append(_stem(w))
    return out


_SMALL_NUMBERS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve "
                                             "thirteen fourteen fifteen sixteen seventeen eighteen nineteen "
                                             "twenty".split()) if i >= 2}


# ---------------------------------------------------------------- numbers

_SMALL = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve thirteen "
                                     "fourteen fifteen sixteen seventeen eighteen nineteen".split())}
_TENS = {w: 10 * (i + 2) for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())}
_SCALE = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "bn": 1_000_000_000,
          "trillion": 1_000_000_000_000}
_SPELLED = (r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six"
            r"|seven|eight|nine))?|zero|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen"
            r"|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a\s+dozen|dozens)")
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_NUMBER = re.compile(
    r"(?<![\w.,:/-])(?P<cur>[$€£])?\s?(?P<num>" + _DIGITS + r"|" + _SPELLED + r")"
    r"(?P<half>\s+and\s+a\s+half)?"
    r"(?:\s?(?P<scale>hundred|thousand|million|billion|bn|trillion)\b)?"
    r"(?P<pct>\s?%|\s+per\s?cent\b|\s+percent\b)?"
    r"(?P<hyph>-(?P<hunit>[a-z]+))?"
    r"(?![\w]|[.,]\d|:\d)", re.IGNORECASE)
_CLOCK = re.compile(r"\d{1,2}(?::\d{2})?\s*(?:a\.m\.|p\.m\.|am\b|pm\b|GMT|UTC)", re.IGNORECASE)
_SCORE = re.compile(r"(?<![\w.])\d{1,2}-\d{1,2}(?![\w-])")
_QUALIFIERS = {
    "about": "approx", "around": "approx", "roughly": "approx", "approximately": "approx", "some": "approx",
    "nearly": "approx", "almost": "approx", "close to": "approx", "an estimated": "approx",
    "at least": "min", "more than": "min", "over": "min", "upwards of": "min", "in excess of": "min",
    "fewer than": "max", "less than": "max", "under": "max", "up to": "max", "as many as": "max", "at most": "max",
}
_QUALIFIER_BEFORE = re.compile(r"(?:^|\s)(" + "|".join(sorted(map(re.escape, _QUALIFIERS), key=len, reverse=True))
                               + r")\s*$", re.IGNORECASE)
# What a number counts: the stems of words that name one kind of thing, folded to one class.
_KIND_CLASSES = {
    "injur": "injured", "injury": "injured", "hurt": "injured", "wound": "injured", "treat": "injured",
    "hospitalis": "injured", "hospitaliz": "injured", "casualty": "injured",
    "kill": "killed", "dead": "killed", "death": "killed", "died": "killed", "dies": "killed", "die": "killed",
    "fatality": "killed",
    "arrest": "arrested", "detain": "arrested",
    "evacuat": "evacuated", "evacue": "evacuated", "displac": "evacuated",
    "hour": "hours", "minut": "minutes", "minute": "minutes", "day": "days", "days": "days", "week": "weeks",
    "month": "months", "year": "years", "percent": "percent", "point": "points", "basi": "points",
    "people": "people", "person": "people", "resident": "people", "individual": "people",
}
_GENERIC_KINDS = frozenset({"people"})
_AUX = frozenset({"were", "was", "had", "have", "has", "been", "are", "is", "be", "being", "got", "get", "reportedly"})


@dataclass(frozen=True)
class Number:
    """A quantity stated in a unit: its value, how it was hedged, and the kind of thing it counts."""

    value: float
    start: int  # article offsets
    end: int
    surface: str
    qualifier: str | None  # approx | min | max
    kind: str | None  # class of the counted thing ("injured", "hours", "dockworker")
    noun: str | None


def _number_value(num: str, half: str | None, scale: str | None) -> float | None:
    n = num.lower().replace(",", "")
    if re.fullmatch(r"\d+(?:\.\d+)?", n):
        value = float(n)
    elif n in _SMALL:
        value = float(_SMALL[n])
    elif n in ("a dozen",) or re.fullmatch(r"a\s+dozen", n):
        value = 12.0
    elif n == "dozens":
        return None
    else:
        parts = re.split(r"[- ]", n)
        value = float(_TENS.get(parts[0], 0) + (_SMALL.get(parts[1], 0) if len(parts) > 1 else 0))
        if not value:
            return None
    if half:
        value += 0.5
    if scale:
        value *= _SCALE[scale.lower()]
    return value


def _kind_of(stem: str) -> str:
    return _KIND_CLASSES.get(stem, stem)


def find_numbers(text: str, start: int, end: int, skip: Sequence[tuple[int, int]]) -> list[Number]:
    """The quantities of text[start:end] (article offsets), leaving out dates, clock times, ordinals and years."""
    segment = text[start:end]
    blocked = [(a - start, b - start) for a, b in skip]
    blocked += [(m.start(), m.end()) for m in _CLOCK.finditer(segment)]
    blocked += [(m.start(), m.end()) for m in _SCORE.finditer(segment)]
    out: list[Number] = []
    for m in _NUMBER.finditer(segment):
        if any(a < m.end() and m.start() < b for a, b in blocked):
            continue
        num = m.group("num")
        if re.fullmatch(r"(?:1[89]|20)\d\d", num) and not (m.group("pct") or m.group("scale") or m.group("cur")):
            continue  # a year
        value = _number_value(num, m.group("half"), m.group("scale"))
        if value is None:
            continue
        if m.group("num")[0].isalpha() and value < 2 and not m.group("half"):
            continue
        q = _QUALIFIER_BEFORE.search(segment[max(0, m.start() - 20):m.start()])
        qualifier = _QUALIFIERS[q.group(1).lower()] if q else None
        kind, noun = _counted(segment, m, bool(m.group("pct")), m.group("hunit"), bool(m.group("cur")))
        s = m.start() - (len(q.group(0).lstrip()) if q else 0)
        e = m.end()
        after = re.match(r"\s+(?:of\s+)?([^\W\d_][\w'’-]*)", segment[e:])
        if noun and after and _kind_of(_stem(_fold(after.group(1)))) == noun:
            e += after.end()  # shown with what it counts: "about 1,900 dockworkers", "15 people"
        out.append(Number(value, start + s, start + e, segment[s:e].strip(), qualifier, kind, noun))
    return out


def _counted(segment: str, m: re.Match, percent: bool, hyphen_unit: str | None, currency: bool) -> tuple[str | None, str | None]:
    """The class of what a number counts: the noun after it, else the participle it goes with."""
    if percent:
        return "percent", "percent"
    if currency:
        return "money", "money"
    if hyphen_unit:
        stem = _stem(_fold(hyphen_unit))
        return "size:" + _kind_of(stem), stem
    after = re.findall(r"[^\W\d_][\w'’-]*|[,;:.()]", segment[m.end():m.end() + 60])
    noun = None
    for i, word in enumerate(after[:3]):
        if word in ",;:.()":
            break
        w = _fold(word)
        if w in ("of", "and", "or", "to", "in", "on", "at", "after", "by", "for", "with", "from", "as", "than"):
            break
        if w in _STOP or w in _AUX:
            continue
        noun = _kind_of(_stem(w))
        if noun in _GENERIC_KINDS:
            # "12 people were injured": the participle after an auxiliary says what happened to them
            rest = [_fold(x) for x in after[i + 1:i + 5]]
            j = 0
            while j < len(rest) and rest[j] in _AUX:
                j += 1
            if j and j < len(rest):
                verb = _kind_of(_stem(rest[j]))
                if verb in ("injured", "killed", "arrested", "evacuated"):
                    return verb, noun
        break
    if noun and noun not in _GENERIC_KINDS:
        return noun, noun
    before = re.findall(r"[^\W\d_][\w'’-]*|[,;:.()]", segment[max(0, m.start() - 40):m.start()])
    q = _QUALIFIER_BEFORE.search(segment[max(0, m.start() - 20):m.start()])
    if q:
        drop = len(q.group(1).split())
        before = before[:-drop] if drop <= len(before) else []
    if before and before[-1] not in ",;:.()":
        verb = _kind_of(_stem(_fold(before[-1])))
        if verb in ("injured", "killed", "arrested", "evacuated"):
            return verb, noun
    return (noun, noun) if noun else (None, None)


def _same_kind(a: Number, b: Number) -> bool:
    if a.kind is None or b.kind is None:
        return False
    return a.kind == b.kind and a.kind not in _GENERIC_KINDS


def _compatible(a: Number, b: Number) -> bool:
    """Whether two statements of one quantity can both be true ("at least 14" and "17")."""
    lo, hi = sorted((a.value, b.value))
    if lo == hi:
        return True
    if (a.qualifier == "min" and b.value >= a.value) or (b.qualifier == "min" and a.value >= b.value):
        return True
    if (a.qualifier == "max" and b.value <= a.value) or (b.qualifier == "max" and a.value <= b.value):
        return True
    return (a.qualifier == "approx" or b.qualifier == "approx") and (hi - lo) / hi <= 0.05


# ---------------------------------------------------------------- venues

_VENUE_CUES: list[tuple[str, re.Pattern]] = [
    ("radio", re.compile(r"\b(?:radio|podcast)\b", re.IGNORECASE)),
    ("television", re.compile(r"\b(?:television|TV|televised|broadcaster)\b")),
    ("press", re.compile(r"\b(?:briefing|news conference|press conference|press event|reporters at)\b", re.IGNORECASE)),
    ("speech", re.compile(r"\b(?:speech|address(?:ed|ing)? (?:the|a)|rally|keynote)\b", re.IGNORECASE)),
    ("statement", re.compile(r"\b(?:written statement|in a statement|press release)\b", re.IGNORECASE)),
    ("social", re.compile(r"\b(?:on X|Twitter|tweet|social media|Telegram|Truth Social|Facebook|Instagram)\b")),
    ("newspaper", re.compile(r"\binterview with (?:the )?[A-Z][\w]+ (?:newspaper|daily|magazine)\b")),
]


def venue_kind(venue: str | None) -> str | None:
    """The medium of a statement, coarse enough that two outlets' wordings of one venue agree."""
    if not venue:
        return None
    for kind, pattern in _VENUE_CUES:
        if pattern.search(venue):
            return kind
    if re.search(r"\bshow\b|\bprogram", venue, re.IGNORECASE):
        return "broadcast"
    return None


# A venue named in a sentence: "on a morning talk radio show", "told a briefing", "at a news conference".
_VENUE_PHRASE = re.compile(
    r"\b(?:on|at|during|in|to|told|gave|before|with)\s+(?:(?:a|an|the|his|her|their|its)\s+)?"
    r"(?:[\w'’-]+\s+){0,3}?(?:radio|television|TV|podcast)\s+(?:show|programme|program|interview|broadcast|station)s?\b"
    r"|\b(?:radio|television|TV)\s+(?:interview|programme|program|show)\b"
    r"|\b(?:on|at|during|told|to|gave|before)\s+(?:a|an|the)\s+(?:[\w'’-]+\s+){0,2}?"
    r"(?:briefing|news conference|press conference|speech|rally)\b"
    r"|\bbriefing for (?:journalists|reporters)\b"
    r"|\bin a (?:written )?statement\b", re.IGNORECASE)
_VENUE_LABELS = {"radio": "radio show", "television": "television", "broadcast": "broadcast", "press": "briefing",
                 "speech": "speech", "statement": "statement", "social": "social media", "newspaper": "newspaper"}


def _venues_clash(a: str, b: str) -> bool:
    if a == b:
        return False
    if {a, b} <= {"radio", "television", "broadcast"}:
        return "broadcast" not in (a, b)
    return True


# ---------------------------------------------------------------- units


@dataclass
class _Unit:
    index: int
    article: int  # position in the story's article list
    start: int
    end: int
    text: str
    quoted: float  # share of the unit inside direct quotation marks
    stems: list[str] = field(default_factory=list)
    numbers: list[Number] = field(default_factory=list)
    days: dict[str, tuple[int, int, bool]] = field(default_factory=dict)  # ISO day -> span, named (not "today")?
    entities: frozenset[str] = frozenset()
    dates: frozenset[str] = frozenset()  # every date the unit names, at its granularity


_DEICTIC = re.compile(r"\b(?:today|tonight|this (?:morning|afternoon|evening|week)|yesterday|tomorrow|last night"
                      r"|earlier today|overnight)\b", re.IGNORECASE)
# "a day after", "two days earlier": counted from an event the sentence names, not from the report's day
_RELATIVE = re.compile(r"\b(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|several|few|\d+)\s+"
                       r"(?:days?|weeks?|months?|years?|hours?)\s+(?:after|before|earlier|later|ago|on)\b", re.IGNORECASE)
# words that make a figure a count so far, or a revised one, which later reports may change
_PROGRESS = re.compile(r"\b(?:by (?:dawn|noon|midday|nightfall|tonight|then|now|this \w+|the time|\w+day)|so far|"
                       r"(?:has|have) (?:now |already |so far )?(?:\w+ed|been|risen|grown|burnt|burned|reached)|"
                       r"now (?:stands|at)|latest|updated?|rose|risen|rising|climbed|increased|grew|up from|down from|"
                       r"revised|earlier estimate)\b", re.IGNORECASE)
_UPDATED = re.compile(r"\b(?:rose|risen|climbed|increased|revised|updated)\b", re.IGNORECASE)
_RESCHEDULE = re.compile(r"\b(?:postpon\w*|delay\w*|reschedul\w*|moved to|pushed back|brought forward|put off"
                         r"|called off|due to|will|expected|planned|plans?)\b", re.IGNORECASE)
_SPLIT_CLAUSE = re.compile(r";\s+(?=[^\s])|,\s+(?:and|but|while|whereas)\s+(?=[^\s])")
# the words that open a second main clause after ", and": a subject...
_CLAUSE_SUBJECT = re.compile(r"^(?:the|a|an|their|his|her|its|our|my|your|he|she|they|it|we|i|this|these|those|"
                             r"[A-Z][\w'’-]*|\d[\d,.]*)\b")
# ...followed soon by a finite verb
_FINITE = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|could|can|may|might|must|should|said|says|"
                     r"did|does|do|\w+ed)\b", re.IGNORECASE)


_REPORTING = re.compile(r"\b(?:said|says|told|according to|added|declared|stated|announced|warned|insisted|"
                        r"argued|explained|underlined|stressed|noted|claimed)\b", re.IGNORECASE)


def _second_clause(right: str) -> bool:
    """Whether the words after ", and" make a clause of their own ("430 operations have been postponed")
    rather than the second half of a list ("Emergency, maternity and intensive care")."""
    if not _CLAUSE_SUBJECT.match(right):
        return False
    return bool(_FINITE.search(" ".join(right.split()[:8])))


def _article_units(pos: int, article: StoryArticle, offset: int) -> list[_Unit]:
    text = article.text
    direct = [(q.start, q.end) for q in article.analysis.quotes if q.direct]
    spans = split_sentences(text)
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        # a quotation that runs across a sentence boundary keeps its sentences together
        if merged and any(qs < merged[-1][1] < qe and s < qe for qs, qe in direct) and \
                text[merged[-1][1]:s].count("\n") < 2:
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    pieces: list[tuple[int, int]] = []
    for s, e in merged:
        cut = s
        for m in _SPLIT_CLAUSE.finditer(text, s, e):
            if any(qs < m.start() < qe for qs, qe in direct):
                continue
            left, right = text[cut:m.start()], text[m.end():e]
            if m.group().startswith(",") and (not _second_clause(right) or _REPORTING.search(text, s, e)):
                continue  # "X said A, and B": B is still X's, and would read as a plain fact alone
            if len(left.split()) >= 4 and len(right.split()) >= 4:
                pieces.append((cut, m.start()))
                cut = m.end()
        pieces.append((cut, e))
    units = []
    for s, e in pieces:
        body = text[s:e]
        words = _words(body)
        stems = content_stems(body)
        if len(words) < 4 or len(stems) + sum(w[0].isdigit() for w in words) < 2:
            continue
        inside = sum(max(0, min(e, qe) - max(s, qs)) for qs, qe in direct)
        units.append(_Unit(offset + len(units), pos, s, e, body, inside / max(1, e - s), stems))
    return units


# ---------------------------------------------------------------- the story


class _Story:
    """The articles of one story with what every step needs: voices, entity spans, units."""

    def __init__(self, articles: Sequence[StoryArticle], entities: Sequence[Entity]) -> None:
        self.articles = list(articles)
        self.pos = {a.id: i for i, a in enumerate(self.articles)}
        self.voice = self._voices()
        self.entity_spans: dict[int, list[tuple[int, int, str]]] = defaultdict(list)
        self.entity_type: dict[str, str] = {}
        for entity in entities:
            self.entity_type[entity.name] = entity.type
            for span in entity.mentions:
                if span.article in self.pos:
                    self.entity_spans[self.pos[span.article]].append((span.start, span.end, entity.name))
        for spans in self.entity_spans.values():
            spans.sort()

    def _voices(self) -> list[str]:
        """Per article, the outlet whose voice it is: copies of one report are one voice, credited to the
        outlet of its earliest article (the one whose id names the group when there is one); the
        articles an outlet writes itself are that outlet's voice, however many."""
        by_group: dict[str, list[int]] = defaultdict(list)
        for i, a in enumerate(self.articles):
            by_group[a.group].append(i)
        voice = [""] * len(self.articles)
        for group, members in by_group.items():
            first = min(members, key=lambda i, group=group: (
                self.articles[i].id != group, self.articles[i].published is None,
                self.articles[i].published or datetime.max, i))
            for i in members:
                voice[i] = self.articles[first].source
        return voice

    def entities_in(self, pos: int, start: int, end: int) -> list[tuple[int, int, str]]:
        return [t for t in self.entity_spans.get(pos, ()) if start <= t[0] and t[1] <= end]

    def entity_at(self, pos: int, start: int, end: int) -> str | None:
        for s, e, name in self.entity_spans.get(pos, ()):
            if s <= start and end <= e:
                return name
        return None


def _annotate(story: _Story, units: list[_Unit]) -> None:
    for unit in units:
        article = story.articles[unit.article]
        times = [t for t in article.analysis.times if unit.start <= t.start and t.end <= unit.end]
        skip = [(t.start, t.end) for t in article.analysis.times if t.start < unit.end and unit.start < t.end]
        unit.numbers = find_numbers(article.text, unit.start, unit.end, skip)
        unit.dates = frozenset(t.date for t in times)
        for t in times:
            if t.granularity == "day" and not t.end_date and not _RELATIVE.search(t.text):
                unit.days[t.date] = (t.start, t.end, not _DEICTIC.search(t.text))
        unit.entities = frozenset(name for _, _, name in story.entities_in(unit.article, unit.start, unit.end))


# ---------------------------------------------------------------- alignment


def _idf(units: Sequence) -> dict[str, float]:
    """Inverse document frequency over the story's own sentences: the names every report repeats
    ("Harrow Ridge", "Rubio") say little about which fact a sentence states."""
    df: Counter = Counter()
    for u in units:
        df.update(set(u.stems))
    n = len(units) + 1
    return {w: max(0.1, math.log(n / (c + 0.5))) for w, c in df.items()}


def _lexical(a: _Unit, b: _Unit, idf: dict[str, float]) -> float:
    """IDF-weighted word overlap: the mean of Dice and containment, so that a short sentence stated
    again inside a long one still counts."""
    sa, sb = set(a.stems), set(b.stems)
    shared = sum(idf.get(w, 1.0) for w in sa & sb)
    wa, wb = sum(idf.get(w, 1.0) for w in sa), sum(idf.get(w, 1.0) for w in sb)
    if not wa or not wb:
        return 0.0
    return (2 * shared / (wa + wb) + shared / min(wa, wb)) / 2


def _pair_score(a: _Unit, b: _Unit, cosine: float, idf: dict[str, float]) -> float:
    """How surely two units state one fact: embedding cosine, word overlap, shared names, figures, dates."""
    score = cosine + LEXICAL_WEIGHT * _lexical(a, b, idf)
    if a.entities and b.entities:
        score += 0.1 * len(a.entities & b.entities) / len(a.entities | b.entities)
    shared = sum(1 for x in a.numbers for y in b.numbers if x.value == y.value and x.kind == y.kind)
    shared += len(a.dates & b.dates)
    score += 0.08 * min(shared, 2)
    if _number_conflicts(a, b):
        score -= 0.05  # still one fact, but where a sentence could join two, the one that agrees comes first
    return score


def nearest_neighbours(vectors: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """For each row, up to k other rows nearest by cosine (indices, similarities); -1 where none.

    An HNSW index (usearch) keeps this at n·log n; a small set is searched exactly, which is the
    same answer, faster."""
    n = len(vectors)
    k = min(k, n - 1)
    if k <= 0:
        return np.full((n, 0), -1, dtype=np.int64), np.zeros((n, 0), dtype=np.float32)
    if n <= 256:
        sims = vectors @ vectors.T
        np.fill_diagonal(sims, -np.inf)
        order = np.argsort(-sims, axis=1)[:, :k]
        return order.astype(np.int64), np.take_along_axis(sims, order, axis=1).astype(np.float32)
    from usearch.index import Index

    index = Index(ndim=vectors.shape[1], metric="cos", dtype="f32", connectivity=16, expansion_add=64,
                  expansion_search=max(64, 2 * k))
    keys = np.arange(n, dtype=np.int64)
    index.add(keys, vectors, threads=1)
    found = index.search(vectors, k + 1, threads=1)
    ids = np.asarray(found.keys, dtype=np.int64).reshape(n, -1)
    dist = np.asarray(found.distances, dtype=np.float32).reshape(n, -1)
    counts = np.asarray(found.counts).reshape(n)
    out_ids = np.full((n, k), -1, dtype=np.int64)
    out_sims = np.zeros((n, k), dtype=np.float32)
    for i in range(n):
        row = [(int(j), 1.0 - float(d)) for j, d in zip(ids[i, :counts[i]], dist[i, :counts[i]]) if j != i][:k]
        for c, (j, s) in enumerate(row):
            out_ids[i, c], out_sims[i, c] = j, s
    return out_ids, out_sims


class _Groups:
    """Union of units into claim groups: never two units of one article, mean cosine kept by vector sums."""

    def __init__(self, units: Sequence, vectors: np.ndarray, said: Sequence[int | None] | None = None,
                 values: Sequence[tuple[dict[str, list[Number]], frozenset[str]]] | None = None,
                 cross: _Languages | None = None) -> None:
        self.cross = cross
        if cross is not None:
            # per group and language: member count, and vector sums in each space, so that the mean
            # cosine takes same-language pairs from the English space and the others from the
            # multilingual one (calibrated)
            self.lang = {i: {cross.of[i]: 1} for i in range(len(units))}
            self.lang_sums = {i: {cross.of[i]: vectors[i].astype(np.float64).copy()} for i in range(len(units))}
            self.cross_sums = {i: {cross.of[i]: cross.vectors[i].astype(np.float64).copy()} for i in range(len(units))}
        self.parent = list(range(len(units)))
        self.members = {i: [i] for i in range(len(units))}
        self.articles = {i: {units[i].article} for i in range(len(units))}
        self.sums = {i: vectors[i].astype(np.float64).copy() for i in range(len(units))}
        self.said = {i: ({said[i]} if said is not None and said[i] is not None else set()) for i in range(len(units))}
        # statements: the days they were said on, and the earliest day a member was reported
        self.days = {i: ({units[i].day} if getattr(units[i], "day", None) else set()) for i in range(len(units))}
        self.reported = {i: getattr(units[i], "published", None) for i in range(len(units))}
        # units: the figures (by kind) and the day they give, which a group must not give twice over
        self.figures = {i: dict(values[i][0]) if values else {} for i in range(len(units))}
        self.moments = {i: set(values[i][1]) if values else set() for i in range(len(units))}

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def mean_cosine(self, a: int, b: int) -> float:
        if self.cross is None:
            return float(self.sums[a] @ self.sums[b]) / (len(self.members[a]) * len(self.members[b]))
        same = sum(float(v @ self.lang_sums[b][lang]) for lang, v in self.lang_sums[a].items() if lang in self.lang_sums[b])
        total_a, total_b = sum(self.cross_sums[a].values()), sum(self.cross_sums[b].values())
        raw = float(total_a @ total_b) - sum(float(v @ self.cross_sums[b][lang])
                                             for lang, v in self.cross_sums[a].items() if lang in self.cross_sums[b])
        pairs = len(self.members[a]) * len(self.members[b])
        crossing = pairs - sum(n * self.lang[b].get(lang, 0) for lang, n in self.lang[a].items())
        return (same + CROSS_SCALE * raw + CROSS_SHIFT * crossing) / pairs

    def merge(self, i: int, j: int, link: float) -> bool:
        a, b = self.find(i), self.find(j)
        if a == b or self.articles[a] & self.articles[b]:
            return False
        if self.said[a] and self.said[b] and not self.said[a] & self.said[b]:
            return False
        days = self.days[a] | self.days[b]
        reported = min((d for d in (self.reported[a], self.reported[b]) if d), default=None)
        if len(days) > 1 or (days and reported and max(days) > reported):
            return False  # statements said on two days, or one reported before the other was said
        if len(self.members[a]) + len(self.members[b]) > 2 and self.mean_cosine(a, b) < link:
            return False
        if self.moments[a] and self.moments[b] and not self.moments[a] & self.moments[b]:
            return False  # two days: two moments of a story, not one fact
        for kind in self.figures[a].keys() & self.figures[b].keys():
            if not any(_compatible(x, y) for x in self.figures[a][kind] for y in self.figures[b][kind]):
                return False  # two values of one thing: a conflict or an update, never one claim
        if len(self.members[a]) < len(self.members[b]):
            a, b = b, a
        self.parent[b] = a
        self.members[a] += self.members.pop(b)
        self.articles[a] |= self.articles.pop(b)
        self.sums[a] += self.sums.pop(b)
        if self.cross is not None:
            for store in (self.lang, self.lang_sums, self.cross_sums):
                for lang, value in store.pop(b).items():
                    store[a][lang] = store[a][lang] + value if lang in store[a] else value
        self.said[a] |= self.said.pop(b)
        self.days[a] |= self.days.pop(b)
        ra, rb = self.reported[a], self.reported.pop(b)
        self.reported[a] = min((d for d in (ra, rb) if d), default=None)
        for kind, numbers in self.figures.pop(b).items():
            known = self.figures[a].setdefault(kind, [])
            known.extend(n for n in numbers if all(n.value != k.value or n.qualifier != k.qualifier for k in known))
        self.moments[a] |= self.moments.pop(b)
        return True

    def groups(self) -> list[list[int]]:
        return [sorted(m) for m in self.members.values()]


def _unique_rows(texts: Sequence[str]) -> tuple[list[int], list[int]]:
    """Representative row per distinct text (by fingerprint) and, per text, its representative's row."""
    first: dict[str, int] = {}
    reps: list[int] = []
    rep_of: list[int] = []
    for i, t in enumerate(texts):
        key = fingerprint_text(t)
        if key not in first:
            first[key] = len(reps)
            reps.append(i)
        rep_of.append(first[key])
    return reps, rep_of


def _candidate_pairs(items: Sequence, vectors: np.ndarray, article_of: Callable[[int], int], k: int,
                     floor: float) -> dict[tuple[int, int], float]:
    """Pairs (i, j), i < j, of items in different articles whose cosine is at least floor, from the ANN
    over distinct texts (k neighbours each); copies of one text are paired with each other directly."""
    texts = [it.text for it in items]
    reps, rep_of = _unique_rows(texts)
    copies: dict[int, list[int]] = defaultdict(list)
    for i, r in enumerate(rep_of):
        copies[r].append(i)
    rep_vectors = vectors[reps]
    ids, sims = nearest_neighbours(rep_vectors, k)
    pairs: dict[tuple[int, int], float] = {}

    def add(i: int, j: int, s: float) -> None:
        if i == j or article_of(i) == article_of(j):
            return
        key = (i, j) if i < j else (j, i)
        if s > pairs.get(key, -1.0):
            pairs[key] = s

    for members in copies.values():
        for i in members[1:]:
            add(members[0], i, 1.0)
    for r in range(len(reps)):
        for c in range(ids.shape[1]):
            j = int(ids[r, c])
            if j < 0 or sims[r, c] < floor:
                continue
            # copies of a text stand for all its articles: pair the first copy of each side, the
            # groups then carry the rest (a copy and its original are merged above)
            for a in copies[r][:1]:
                for b in copies[j][:1]:
                    add(a, b, float(sims[r, c]))
            # where the first copies share an article, try the others
            if article_of(copies[r][0]) == article_of(copies[j][0]):
                for a in copies[r][:4]:
                    for b in copies[j][:4]:
                        add(a, b, float(sims[r, c]))
    return pairs


@dataclass(frozen=True)
class _Languages:
    """Items of a story written in more than one language: each item's language, and its row in the
    multilingual encoder's space (unit length), where items of two languages are compared."""

    of: list[str]
    vectors: np.ndarray

    def differ(self, i: int, j: int) -> bool:
        return self.of[i] != self.of[j]


def _cross_pairs(cross: _Languages, article_of: Callable[[int], int], k: int) -> dict[tuple[int, int], float]:
    """Pairs (i, j), i < j, of items in two languages, up to k per item, with the multilingual cosine
    put on the English model's scale (CROSS_SCALE, CROSS_SHIFT). Every item is compared with every
    item of the other languages: a story's non-English reports are few, and an index over all of them
    would give each item its own language's sentences first."""
    pairs: dict[tuple[int, int], float] = {}
    languages = sorted(set(cross.of))
    rows = {lang: np.array([i for i, x in enumerate(cross.of) if x == lang]) for lang in languages}
    for x, la in enumerate(languages):
        for lb in languages[x + 1:]:
            a, b = rows[la], rows[lb]
            sims = cross.vectors[a] @ cross.vectors[b].T
            row_kth = np.sort(sims, axis=1)[:, -min(k, sims.shape[1])]
            col_kth = np.sort(sims, axis=0)[-min(k, sims.shape[0]), :]
            keep = (sims >= CROSS_FLOOR) & ((sims >= row_kth[:, None]) | (sims >= col_kth[None, :]))
            for r, c in zip(*np.nonzero(keep)):
                i, j = int(a[r]), int(b[c])
                if article_of(i) == article_of(j):
                    continue
                key = (i, j) if i < j else (j, i)
                pairs[key] = min(0.98, CROSS_SCALE * float(sims[r, c]) + CROSS_SHIFT)
    return pairs


def _speaker_pairs(statements: Sequence[_Statement], cross: _Languages | None) -> dict[tuple[int, int], float]:
    """Pairs (i, j), i < j, of direct quotations in two languages, one of which the encoder was not
    trained on, by one named speaker in two articles, that are each other's clear closest among that
    speaker's quotations there (SPEAKER_FLOOR, SPEAKER_MARGIN), with their multilingual cosine on the
    English scale. Between languages it reads well the cosine decides alone: there a quotation that
    has no counterpart would otherwise pair with the speaker's nearest other one."""
    from storyline.embed import MULTILINGUAL_TRAINED

    if cross is None:
        return {}
    by: dict[tuple[int, str], list[int]] = defaultdict(list)
    for i, s in enumerate(statements):
        if s.speaker and s.direct:
            by[(s.article, s.speaker)].append(i)
    out: dict[tuple[int, int], float] = {}
    for (article, speaker), mine in by.items():
        for (other, other_speaker), theirs in by.items():
            if other_speaker != speaker or other <= article or not cross.differ(mine[0], theirs[0]):
                continue
            if {cross.of[mine[0]], cross.of[theirs[0]]} <= MULTILINGUAL_TRAINED:
                continue
            sims = cross.vectors[mine] @ cross.vectors[theirs].T
            for r, c in _clear_mutual_best(sims):
                i, j = sorted((mine[r], theirs[c]))
                out[(i, j)] = CROSS_SCALE * float(sims[r, c]) + CROSS_SHIFT
    return out


def _clear_mutual_best(sims: np.ndarray) -> list[tuple[int, int]]:
    """(row, column) cells that are the best of their row and of their column, at SPEAKER_FLOOR or
    more and ahead of every other cell of that row and column by SPEAKER_MARGIN."""
    out = []
    for r in range(sims.shape[0]):
        c = int(np.argmax(sims[r]))
        best = float(sims[r, c])
        others = np.concatenate([np.delete(sims[r], c), np.delete(sims[:, c], r)])
        if best >= SPEAKER_FLOOR and (others.size == 0 or best - float(others.max()) >= SPEAKER_MARGIN):
            out.append((r, c))
    return out


def _with_cross_pairs(pairs: dict[tuple[int, int], float], cross: _Languages | None, article_of: Callable[[int], int],
                      k: int) -> dict[tuple[int, int], float]:
    """The English model's pairs of items in one language, and the multilingual pairs of items in two."""
    if cross is None:
        return pairs
    same = {key: value for key, value in pairs.items() if not cross.differ(*key)}
    return {**same, **_cross_pairs(cross, article_of, k)}


def align_units(units: Sequence[_Unit], vectors: np.ndarray, said: Sequence[int | None] | None = None,
                pairs: dict[tuple[int, int], float] | None = None,
                cross: _Languages | None = None) -> tuple[list[list[int]], list[tuple[float, int, int]]]:
    """Claim groups of unit indices (one fact in several articles' words, one unit per article), and
    the pairs of units that state one fact (score, i, j), best first.

    said[i] is the quote group of the statement unit i mostly quotes (None when it quotes little):
    two sentences quoting one statement are the same claim, two quoting different statements
    never are, however alike their attributions read. Two units that give two values of one thing
    (12 or 15 injured; Wednesday or Thursday) are a pair but never one group: their claims differ,
    and the pair is where a conflict is looked for."""
    if not units:
        return [], []
    said = list(said) if said is not None else [None] * len(units)
    idf = _idf(units)
    if pairs is None:
        pairs = _candidate_pairs(units, vectors, lambda i: units[i].article, NEIGHBOURS, floor=0.45)
    scored = []
    for (i, j), cosine in pairs.items():
        if said[i] is not None and said[j] is not None:
            if said[i] != said[j]:
                continue
            score = 2.0
        elif cosine >= 0.999:
            score = 2.0
        else:
            score = _pair_score(units[i], units[j], cosine, idf)
        if score >= (CROSS_PAIR_THRESHOLD if cross is not None and cross.differ(i, j) else PAIR_THRESHOLD):
            scored.append((score, i, j))
    scored.sort(key=lambda x: (-x[0], x[1], x[2]))
    values = [({}, frozenset(u.days) if len(u.days) == 1 else frozenset()) for u in units]
    for u, (figures, _) in zip(units, values):
        for n in u.numbers:
            if n.kind and n.kind not in _GENERIC_KINDS:
                figures.setdefault(n.kind, []).append(n)
    groups = _Groups(units, vectors, said, values, cross)
    for score, i, j in scored:
        groups.merge(i, j, LINK_THRESHOLD)
    return groups.groups(), scored


# ---------------------------------------------------------------- quotes


@dataclass
class _Statement:
    index: int
    article: int
    parts: list[Quote]
    speaker: str | None
    direct: bool
    text: str
    start: int
    end: int
    stems: list[str] = field(default_factory=list)
    explicit_speaker: bool = False
    day: str | None = None  # the day its sentence says it was made on, when it names one
    published: str | None = None  # the day of the article that reports it
    negated: bool = False

    @property
    def venue(self) -> str | None:
        return next((p.venue for p in self.parts if p.venue), None)

    @property
    def venue_text(self) -> str | None:
        return next((p.venue_text for p in self.parts if p.venue_text), None)


def _statements(story: _Story) -> list[_Statement]:
    out: list[_Statement] = []
    for pos, article in enumerate(story.articles):
        by_group: dict[int, list[Quote]] = defaultdict(list)
        for q in article.analysis.quotes:
            by_group[q.group].append(q)
        for parts in by_group.values():
            parts.sort(key=lambda q: (q.part, q.start))
            first = parts[0]
            speaker = None
            if first.speaker_span:
                speaker = story.entity_at(pos, *first.speaker_span)
            speaker = speaker or first.speaker
            text = " … ".join(p.text for p in parts)
            explicit = bool(first.speaker_span and first.sentence[0] <= first.speaker_span[0] < first.sentence[1])
            lo, hi = min(p.sentence[0] for p in parts), max(p.sentence[1] for p in parts)
            days = {t.date for t in article.analysis.times if lo <= t.start < hi and t.granularity == "day"
                    and not any(p.start <= t.start < p.end for p in parts)}
            negated = any(w in _NEGATIONS or w.endswith("n't") for w in _words(text))
            out.append(_Statement(len(out), pos, parts, speaker, any(p.direct for p in parts), text,
                                  parts[0].start, parts[-1].end, content_stems(text), explicit,
                                  next(iter(days)) if len(days) == 1 else None,
                                  article.published.date().isoformat() if article.published else None, negated))
    return out


def _other_occasion(a: _Statement, b: _Statement) -> bool:
    """Whether two statements cannot be one: said on different days, or reported before it was said."""
    if a.day and b.day and a.day != b.day:
        return True
    return bool((a.day and b.published and a.day > b.published) or (b.day and a.published and b.day > a.published))


def _quote_score(a: _Statement, b: _Statement, cosine: float, idf: dict[str, float]) -> float:
    sa, sb = set(a.stems), set(b.stems)
    shared = sum(idf.get(w, 1.0) for w in sa & sb)
    total = sum(idf.get(w, 1.0) for w in sa) + sum(idf.get(w, 1.0) for w in sb)
    return cosine + 0.5 * (2 * shared / total if total else 0.0)


def _speakers_agree(a: _Statement, b: _Statement) -> bool:
    return a.speaker is not None and a.speaker == b.speaker


def _statement_idf(statements: Sequence[_Statement]) -> dict[str, float]:
    df: Counter = Counter()
    for s in statements:
        df.update(set(s.stems))
    return {w: math.log((len(statements) + 1) / (c + 0.5)) + 1.0 for w, c in df.items()}


def align_quotes(story: _Story, statements: list[_Statement], vectors: np.ndarray,
                 pairs: dict[tuple[int, int], float] | None = None, cross: _Languages | None = None,
                 anchored: set[tuple[int, int]] | None = None) -> list[list[int]]:
    """Groups of statements: one statement quoted by several articles, one variant per article.

    Variants must share a speaker (both unnamed only when nearly word for word), be said on one
    day, and a negation one lacks makes them two statements unless they are worded alike. Pairs in
    two languages that their speaker anchors (`_speaker_pairs`) pass and join a group whatever their
    cosine."""
    anchored = anchored or set()
    if not statements:
        return []
    idf = _statement_idf(statements)
    if pairs is None:
        pairs = _candidate_pairs(statements, vectors, lambda i: statements[i].article, NEIGHBOURS, floor=0.5)
    scored = []
    for (i, j), cosine in pairs.items():
        a, b = statements[i], statements[j]
        if not _speakers_agree(a, b) and not (a.speaker is None and b.speaker is None and cosine >= 0.9):
            continue
        if _other_occasion(a, b):
            continue
        score = 2.0 if cosine >= 0.999 else _quote_score(a, b, cosine, idf) + (0.1 if a.direct and b.direct else 0.0)
        if not (a.direct or b.direct) and score < QUOTE_THRESHOLD + 0.1:
            continue  # two reported paraphrases share more words by chance than two quotations do
        if a.negated != b.negated and score < QUOTE_EXACT and not (cross is not None and cross.differ(i, j)) and \
                min(len(a.text), len(b.text)) >= 0.6 * max(len(a.text), len(b.text)):
            continue  # "is moving faster" and "is not growing faster" are two statements unless worded alike
        if (i, j) in anchored:
            score = max(score, CROSS_QUOTE_THRESHOLD)
        if score >= (CROSS_QUOTE_THRESHOLD if cross is not None and cross.differ(i, j) else QUOTE_THRESHOLD):
            scored.append((score, i, j))
    scored.sort(key=lambda x: (-x[0], x[1], x[2]))
    groups = _Groups(statements, vectors, cross=cross)  # type: ignore[arg-type]
    for score, i, j in scored:
        groups.merge(i, j, 0.0 if (i, j) in anchored else QUOTE_LINK)
    return groups.groups()


def _speaker_conflicts(story: _Story, statements: list[_Statement], pairs: dict[tuple[int, int], float],
                       unit_of: Callable[[int, int], int | None]) -> list[_Conflict]:
    """One quotation, word for word, put in two people's mouths by two outlets that each name the
    speaker in the sentence itself (not through "he said" resolved to someone)."""
    idf = _statement_idf(statements)
    out = []
    for (i, j), cosine in pairs.items():
        a, b = statements[i], statements[j]
        if not (a.direct and b.direct and a.explicit_speaker and b.explicit_speaker and a.speaker and b.speaker):
            continue
        if a.speaker == b.speaker or story.voice[a.article] == story.voice[b.article]:
            continue
        if _quote_score(a, b, cosine, idf) < QUOTE_EXACT + 0.1:
            continue
        values, units = {}, {}
        for s in (a, b):
            span = s.parts[0].speaker_span or (s.start, s.end)
            values[s.article] = (s.speaker, s.speaker, [(p.start, p.end) for p in s.parts] + [tuple(span)])
            u = unit_of(s.article, s.start)
            if u is not None:
                units[s.article] = u
        out.append(_Conflict("person", f"person:{min(a.speaker, b.speaker)}|{max(a.speaker, b.speaker)}",
                             values, units))
    return out


def word_diff(first: str, other: str) -> list[dict]:
    """Word-level edits that turn the first variant into another (difflib opcodes, equal runs left out)."""
    a, b = first.split(), other.split()
    ops = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if tag != "equal":
            ops.append({"op": tag, "from": " ".join(a[i1:i2]), "to": " ".join(b[j1:j2])})
    return ops


# ---------------------------------------------------------------- conflicts


@dataclass
class _Conflict:
    about: str
    key: str  # what is disputed: the counted thing, the event, the speaker
    values: dict[int, tuple[str, str, list[tuple[int, int]]]]  # unit/article pos -> (normalised, shown, spans)
    units: dict[int, int]  # article pos -> unit index (the sentence that states it)


_MEASURES = frozenset({"percent", "money", "points", "hours", "minutes", "days", "weeks", "months", "years"})


def _number_conflicts(a: _Unit, b: _Unit) -> list[tuple[Number, Number]]:
    """Pairs of quantities of the same counted thing that cannot both be true."""
    def settled(n: Number, others: list[Number]) -> bool:
        return any(_compatible(n, m) and (n.kind == m.kind or n.kind is None or m.kind is None) for m in others)

    left = [n for n in a.numbers if not settled(n, b.numbers)]
    right = [m for m in b.numbers if not settled(m, a.numbers)]
    out = []
    for n in left:
        same = [m for m in right if _same_kind(n, m)]
        if len(same) == 1 and len([x for x in left if _same_kind(x, same[0])]) == 1 and not _compatible(n, same[0]):
            out.append((n, same[0]))
    return out


def _window(text: str, start: int, end: int, words: int = 6) -> set[str]:
    """Content stems within a few words either side of text[start:end]."""
    before = content_stems(" ".join(text[:start].split()[-words:]))
    after = content_stems(" ".join(text[end:].split()[:words]))
    return set(before) | set(after)


def _day_conflict(a: _Unit, b: _Unit, story: _Story) -> tuple[str, str] | None:
    """The two days of one event when two aligned units date it differently."""
    if len(a.days) != 1 or len(b.days) != 1:
        return None
    (da, (sa, ea, named_a)), = a.days.items()
    (db, (sb, eb, named_b)), = b.days.items()
    if da == db:
        return None
    pa, pb = story.articles[a.article].published, story.articles[b.article].published
    if not (named_a or named_b) and (pa is None or pb is None or pa.date() != pb.date()):
        return None  # "today" in reports of different days names different days
    if _RESCHEDULE.search(a.text) or _RESCHEDULE.search(b.text):
        return None
    if _RELATIVE.search(a.text) or _RELATIVE.search(b.text):
        return None  # "today, a day after the quake": two happenings, and the day is the other one's
    # the day must be the day of the same happening: the words around it agree
    ta, tb = story.articles[a.article].text, story.articles[b.article].text
    if len(_window(ta, sa, ea) & _window(tb, sb, eb)) < 2:
        return None
    return da, db


_LOCATIVE = re.compile(r"\b(?:in|at|near|outside|inside)\s+(?:the\s+)?$", re.IGNORECASE)


def _located(story: _Story, unit: _Unit) -> list[tuple[str, int, int]]:
    """The places a unit puts its fact in ("in Riyadh", "at Diriyah Palace"): entity, span."""
    text = story.articles[unit.article].text
    out = []
    for s, e, name in story.entities_in(unit.article, unit.start, unit.end):
        if story.entity_type.get(name) in ("GPE", "LOC", "FAC") and _LOCATIVE.search(text[max(0, s - 12):s]):
            out.append((name, s, e))
    return out


def _place_conflict(story: _Story, a: _Unit, b: _Unit) -> _Conflict | None:
    """Two aligned units that put one fact in two places, each place unknown to the other article,
    both countries or both not (so that "in Riyadh" and "in Saudi Arabia" never clash)."""
    la, lb = _located(story, a), _located(story, b)
    if len(la) != 1 or len(lb) != 1 or la[0][0] == lb[0][0]:
        return None
    (pa, sa, ea), (pb, sb, eb) = la[0], lb[0]
    named_a = {name for _, _, name in story.entity_spans.get(a.article, ())}
    named_b = {name for _, _, name in story.entity_spans.get(b.article, ())}
    if pa in named_b or pb in named_a or is_country(pa) != is_country(pb):
        return None
    if a.days and b.days and not set(a.days) & set(b.days):
        return None  # two days, two happenings
    ta, tb = story.articles[a.article].text, story.articles[b.article].text
    if len(_window(ta, sa, ea) & _window(tb, sb, eb)) < 2:
        return None  # the place must be the place of the same happening: the words around it agree
    return _Conflict("place", "place", {a.article: (pa, story.articles[a.article].text[sa:ea], [(sa, ea)]),
                                        b.article: (pb, story.articles[b.article].text[sb:eb], [(sb, eb)])},
                     {a.article: a.index, b.article: b.index})


def _progress_near(story: _Story, unit: _Unit, number: Number, words: int = 6) -> bool:
    """Whether the words around a number say it is a count so far ("has burned", "by dawn", "so far"):
    its clause up to it ("The fire has burned 4,800 hectares and destroyed 21 homes"), a few words after."""
    text = story.articles[unit.article].text
    clause = re.split(r"[,;:](?=\s)", text[unit.start:number.start])[-1]
    before = clause + " " + " ".join(text[unit.start:number.start].split()[-words:])
    after = " ".join(text[number.end:unit.end].split()[:words])
    return bool(_PROGRESS.search(f"{before} {number.surface} {after}"))


class _Quantities:
    """What every article of the story counts, so that a kind of number one article gives twice (two
    percentages, two sums) is compared only where its own words say which is which."""

    def __init__(self, units: Sequence[_Unit]) -> None:
        self.values: dict[tuple[int, str], set[float]] = defaultdict(set)
        for u in units:
            for n in u.numbers:
                if n.kind:
                    self.values[(u.article, n.kind)].add(n.value)

    def ambiguous(self, article: int, kind: str | None) -> bool:
        return kind is None or len(self.values.get((article, kind), ())) > 1


def _unit_conflicts(story: _Story, a: _Unit, b: _Unit, aligned: bool, quantities: _Quantities,
                    context: Iterable[str] = ()) -> list[_Conflict]:
    """Conflicts between two sentences of two voices. aligned: they state one fact (one claim group);
    context: words of the sentence a follows on from, when that is what was aligned with b."""
    out: list[_Conflict] = []
    numbers = _number_conflicts(a, b)
    shared = (set(a.stems) | set(context)) & set(b.stems)
    pa, pb = story.articles[a.article].published, story.articles[b.article].published
    same_day = pa is not None and pb is not None and pa.date() == pb.date()
    for n, m in numbers:
        running = _progress_near(story, a, n) or _progress_near(story, b, m)
        if running and (not same_day or _UPDATED.search(a.text) or _UPDATED.search(b.text)):
            continue  # a running count ("has burned", "by this morning") changes from day to day
        if quantities.ambiguous(a.article, n.kind) or quantities.ambiguous(b.article, m.kind):
            continue
        measure = n.kind in _MEASURES or n.kind.startswith("size:")
        if (measure or not aligned) and len(shared - {n.noun, m.noun}) < (1 if aligned else 2):
            continue  # a measure (percent, hours, a sum) says little of what it measures: the sentences must share more
        out.append(_Conflict("number", f"number:{n.kind}", {
            a.article: (_norm_number(n), n.surface, [(n.start, n.end)]),
            b.article: (_norm_number(m), m.surface, [(m.start, m.end)])}, {a.article: a.index, b.article: b.index}))
    if aligned and not numbers:
        place = _place_conflict(story, a, b)
        if place:
            out.append(place)
        days = _day_conflict(a, b, story)
        if days:
            sa, sb = a.days[days[0]], b.days[days[1]]
            out.append(_Conflict("date", "date", {a.article: (days[0], days[0], [sa[:2]]),
                                                  b.article: (days[1], days[1], [sb[:2]])},
                                 {a.article: a.index, b.article: b.index}))
    return out


def _norm_number(n: Number) -> str:
    v = n.value
    return str(int(v)) if v == int(v) else f"{v:g}"


def _sentence_venues(story: _Story, statements: list[_Statement]) -> dict[tuple[int, str], tuple[str, str, tuple[int, int]]]:
    """Per (article, speaker), the one medium its sentences say the speaker spoke in, where the
    analysis gave none ("..., speaking on a morning talk radio show"): from sentences that quote the
    speaker or name them. An article that names two media for one speaker gives none."""
    found: dict[tuple[int, str], dict[str, tuple[str, tuple[int, int]]]] = defaultdict(dict)
    sentences: dict[int, list[tuple[int, int]]] = {}
    for s in statements:
        if s.speaker is None:
            continue
        for lo, hi in {p.sentence for p in s.parts}:
            _add_venues(story, s.article, s.speaker, lo, hi, found)
    for pos in range(len(story.articles)):
        text = story.articles[pos].text
        if not _VENUE_PHRASE.search(text):
            continue
        sentences[pos] = split_sentences(text)
        for lo, hi in sentences[pos]:
            for _, _, name in story.entities_in(pos, lo, hi):
                if story.entity_type.get(name) == "PERSON":
                    _add_venues(story, pos, name, lo, hi, found)
    out = {}
    for key, kinds in found.items():
        if len(kinds) == 1:
            kind, (phrase, span) = next(iter(kinds.items()))
            out[key] = (kind, phrase, span)
    return out


def _add_venues(story: _Story, pos: int, speaker: str, lo: int, hi: int,
                found: dict[tuple[int, str], dict[str, tuple[str, tuple[int, int]]]]) -> None:
    text = story.articles[pos].text
    for m in _VENUE_PHRASE.finditer(text, lo, hi):
        kind = venue_kind(m.group())
        if kind:
            found[(pos, speaker)].setdefault(kind, (m.group(), (lo, hi)))


def _venue_conflicts(story: _Story, statements: list[_Statement], quote_groups: list[list[int]],
                     unit_of: Callable[[int, int], int | None]) -> list[_Conflict]:
    """Where one statement was made, when the outlets that quote it name media that exclude each other
    (a radio show and a briefing). The medium is the analysis's venue of the quotation, else the one
    the article's sentences give for the speaker."""
    in_sentences = _sentence_venues(story, statements)
    by_speaker: dict[str, dict[int, tuple[str, str, list[tuple[int, int]]]]] = defaultdict(dict)
    units: dict[str, dict[int, int]] = defaultdict(dict)
    for members in quote_groups:
        if len({story.voice[statements[i].article] for i in members}) < 2:
            continue
        for i in members:
            s = statements[i]
            if s.speaker is None or s.article in by_speaker[s.speaker]:
                continue
            kind = venue_kind(s.venue_text) or venue_kind(s.venue)
            text = story.articles[s.article].text
            if kind:
                span = _phrase_span(text, s.venue_text or s.venue or "", s.start)
                shown = s.venue or _VENUE_LABELS[kind]
                sentence = _sentence_around(text, span) if span else tuple(s.parts[0].sentence)
            elif (s.article, s.speaker) in in_sentences:
                kind, _, sentence = in_sentences[(s.article, s.speaker)]
                shown = _VENUE_LABELS[kind]
            else:
                continue
            by_speaker[s.speaker][s.article] = (kind, shown, [sentence] if sentence else [])
            if sentence:
                u = unit_of(s.article, sentence[0])
                if u is not None:
                    units[s.speaker][s.article] = u
    out = []
    for speaker, values in by_speaker.items():
        kinds = {v[0] for v in values.values()}
        if len(kinds) < 2 or not any(_venues_clash(x, y) for x in kinds for y in kinds):
            continue
        shown = {pos: (_VENUE_LABELS.get(kind, kind), label, spans) for pos, (kind, label, spans) in values.items()}
        out.append(_Conflict("venue", f"venue:{speaker}", shown, units[speaker]))
    return out


def _sentence_around(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """The sentence of text that holds span."""
    for lo, hi in split_sentences(text):
        if lo <= span[0] < hi:
            return lo, hi
    return span


def _phrase_span(text: str, phrase: str, near: int) -> tuple[int, int] | None:
    """The occurrence of phrase in text nearest to offset near."""
    if not phrase:
        return None
    best = None
    for m in re.finditer(re.escape(phrase), text):
        if best is None or abs(m.start() - near) < abs(best[0] - near):
            best = (m.start(), m.end())
    return best


_HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "prof", "professor", "lord", "lady", "rev",
               "reverend", "former", "acting", "interim"}


def _office(title: str) -> str:
    words = [w for w in re.findall(r"[a-z]+", _fold(title)) if w not in _HONORIFICS]
    return " ".join(words)


def _role_conflicts(story: _Story, unit_of: Callable[[int, int], int | None]) -> list[_Conflict]:
    """A person given two incompatible offices by two voices ("Superintendent" and "Inspector")."""
    offices: dict[str, dict[int, tuple[str, str, list[tuple[int, int]]]]] = defaultdict(dict)
    for pos, article in enumerate(story.articles):
        for m in article.analysis.mentions:
            if m.label != "PERSON" or not m.title or m.title_start is None:
                continue
            name = story.entity_at(pos, m.start, m.end)
            office = _office(m.title)
            if not name or not office:
                continue
            offices[name].setdefault(pos, (office, m.titled, [(m.title_start, m.end)]))
    out = []
    for name, values in offices.items():
        distinct = {v[0] for v in values.values()}
        if len(distinct) < 2:
            continue
        clash = False
        for x in distinct:
            for y in distinct:
                if x != y and not (set(x.split()) <= set(y.split()) or set(y.split()) <= set(x.split())):
                    clash = True
        if not clash:
            continue
        units = {}
        for pos, (_, _, spans) in values.items():
            u = unit_of(pos, spans[0][0])
            if u is not None:
                units[pos] = u
        out.append(_Conflict("role", f"role:{name}", values, units))
    return out


def _quote_word_conflicts(story: _Story, statements: list[_Statement], quote_groups: list[list[int]],
                          unit_of: Callable[[int, int], int | None]) -> list[_Conflict]:
    """Direct quotations of one statement whose words change the meaning: a number, or a negation
    that one close wording has and the other lacks."""
    out = []
    for members in quote_groups:
        direct = [statements[i] for i in members if statements[i].direct]
        if len({story.voice[s.article] for s in direct}) < 2:
            continue
        found: dict[int, tuple[str, str, list[tuple[int, int]]]] = {}
        figures = {s.index: [n for n in find_numbers(s.text, 0, len(s.text), []) if n.kind] for s in direct}
        for x in range(len(direct)):
            for y in range(x + 1, len(direct)):
                a, b = direct[x], direct[y]
                if story.voice[a.article] == story.voice[b.article]:
                    continue
                if _language(story.articles[a.article]) != _language(story.articles[b.article]):
                    continue  # a translation words a quotation anew; its words are not the outlet's change
                sa, sb = set(a.stems), set(b.stems)
                close = len(sa & sb) / max(1, len(sa | sb))
                na, nb = figures[a.index], figures[b.index]
                clash = any(_same_kind(n, m) and not _compatible(n, m) for n in na for m in nb) and \
                    not any(_same_kind(n, m) and _compatible(n, m) for n in na for m in nb)
                if clash or (close >= 0.6 and a.negated != b.negated):
                    for s in (a, b):
                        found.setdefault(s.article, (fingerprint_text(s.text), s.text,
                                                     [(p.start, p.end) for p in s.parts]))
        if len({v[0] for v in found.values()}) < 2:
            continue
        units = {}
        for pos in found:
            s = next(s for s in direct if s.article == pos)
            u = unit_of(pos, s.start)
            if u is not None:
                units[pos] = u
        out.append(_Conflict("quote", f"quote:{members[0]}", found, units))
    return out


# ---------------------------------------------------------------- output


def _span(story: _Story, pos: int, start: int, end: int) -> dict:
    article = story.articles[pos]
    return {"article": article.id, "start": start, "end": end, "text": article.text[start:end]}


def _story_centroid(vectors: np.ndarray) -> np.ndarray:
    centroid = vectors.mean(axis=0) if len(vectors) else np.zeros(1, dtype=np.float32)
    norm = float(np.linalg.norm(centroid))
    return centroid / norm if norm else centroid


def _centrality(vectors: np.ndarray, members: Sequence[int], centroid: np.ndarray) -> float:
    """How close a claim's sentences are to what the story as a whole is about."""
    if not len(members) or not centroid.any():
        return 0.0
    return float(np.mean(vectors[list(members)] @ centroid))


def _well_formed(unit: _Unit) -> float:
    """How well a unit reads alone: a full sentence, not opening on a pronoun or a conjunction."""
    return _well_formed_text(unit.text) - (0.3 if unit.quoted > 0.6 else 0.0)


def _well_formed_text(text: str) -> float:
    words = _words(text)
    score = 1.0
    if words and words[0] in {"he", "she", "it", "they", "this", "that", "these", "but", "and", "also", "only", "so"}:
        score -= 0.4
    if text[:1].islower():
        score -= 0.3
    if not text.rstrip("”\"’'").endswith((".", "!", "?")):
        score -= 0.2
    n = len(words)
    if n > 45:
        score -= 0.2
    if n < 7:
        score -= 0.2
    return score


def _pick_text(units: Sequence[_Unit], members: Sequence[int], vectors: np.ndarray) -> int:
    """The member that states the group best: central to the group, and reads well alone."""
    if len(members) == 1:
        return members[0]
    sub = vectors[list(members)]
    sims = dict(zip(members, (sub @ sub.mean(axis=0)).tolist()))
    return max(members, key=lambda i: (sims[i] + 0.5 * _well_formed(units[i]), -i))


def compare_story(articles: list[StoryArticle], entities: list[Entity], embed: Embed,
                  cross_embed: Embed | None = None) -> Comparison:
    """Claims (corroborated, single, in conflict), quotes with each outlet's wording, and a brief, for one story.

    embed turns texts into unit vectors (storyline.embed.load_static_embedder().embed is meant: the
    comparison embeds every sentence of the story). entities are the story's canonical entities
    (analyze.canonical_entities), so that speakers and names compare across spellings.

    Only where the story's articles are in more than one language does cross_embed (default: the
    multilingual encoder, storyline.embed.load_multilingual_embedder) embed the sentences again, and
    only sentences of two languages are compared through it: a story in one language is compared as
    it always was. Nothing is translated; a translated quotation is a variant of the original."""
    story = _Story(articles, entities)
    units: list[_Unit] = []
    for pos, article in enumerate(story.articles):
        units.extend(_article_units(pos, article, len(units)))
    _annotate(story, units)
    statements = _statements(story)
    texts = [u.text for u in units] + [s.text for s in statements]
    all_vectors = np.asarray(embed(texts), dtype=np.float32) if texts else np.zeros((0, 1), dtype=np.float32)
    vectors, quote_vectors = all_vectors[:len(units)], all_vectors[len(units):]
    unit_cross, quote_cross = _languages(story, units, statements, texts, cross_embed)

    quote_pairs = _candidate_pairs(statements, quote_vectors, lambda i: statements[i].article, NEIGHBOURS, floor=0.5)
    quote_pairs = _with_cross_pairs(quote_pairs, quote_cross, lambda i: statements[i].article, NEIGHBOURS)
    anchored = _speaker_pairs(statements, quote_cross)
    quote_pairs = {**anchored, **quote_pairs}
    quote_groups = align_quotes(story, statements, quote_vectors, quote_pairs, quote_cross, set(anchored))
    pairs = _candidate_pairs(units, vectors, lambda i: units[i].article, NEIGHBOURS, floor=0.45)
    pairs = _with_cross_pairs(pairs, unit_cross, lambda i: units[i].article, NEIGHBOURS)
    groups, aligned = align_units(units, vectors, _said(units, statements, quote_groups), pairs, unit_cross)
    group_of = {i: g for g, members in enumerate(groups) for i in members}
    starts: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
    for u in units:
        starts[u.article].append((u.start, u.end, u.index))

    def unit_of(pos: int, offset: int) -> int | None:
        for s, e, i in starts.get(pos, ()):
            if s <= offset < e:
                return i
        return None

    # conflicts between sentences that state one fact, then between similar sentences that do not
    conflicts: list[_Conflict] = []
    quantities = _Quantities(units)
    strong = set()
    for _, i, j in aligned:
        strong.add((min(i, j), max(i, j)))
        if unit_cross is not None and unit_cross.differ(i, j):
            if story.voice[units[i].article] != story.voice[units[j].article]:
                conflicts.extend(_cross_language_conflicts(story, units[i], units[j]))
            continue
        for x, y in ((i, j), (j, i)):
            a, b = units[x], units[y]
            if story.voice[a.article] == story.voice[b.article]:
                break
            if x == i:
                conflicts.extend(_unit_conflicts(story, a, b, True, quantities))
            # a short sentence that goes on with the aligned one ("The meeting lasted five hours.")
            follow = _follower(story, units, x)
            if follow is not None:
                conflicts.extend(c for c in _unit_conflicts(story, follow, b, True, quantities, a.stems)
                                 if c.about == "number")
    for (i, j), cosine in pairs.items():
        a, b = units[i], units[j]
        if cosine < 0.55 or (i, j) in strong or story.voice[a.article] == story.voice[b.article]:
            continue
        if unit_cross is not None and unit_cross.differ(i, j):
            continue  # figures in two languages are compared only where the sentences state one fact
        if not (a.numbers and b.numbers):
            continue
        conflicts.extend(c for c in _unit_conflicts(story, a, b, False, quantities) if c.about == "number")
    conflicts.extend(_venue_conflicts(story, statements, quote_groups, unit_of))
    conflicts.extend(_role_conflicts(story, unit_of))
    conflicts.extend(_quote_word_conflicts(story, statements, quote_groups, unit_of))
    conflicts.extend(_speaker_conflicts(story, statements, quote_pairs, unit_of))
    merged = _merge_conflicts(story, conflicts)

    claims = _claims(story, units, vectors, groups, merged, group_of)
    quotes = _quotes(story, statements, quote_groups)
    readable = {c["id"]: _well_formed_text(c["text"]) for c in claims}
    summary = _summary(claims, readable)
    return Comparison(claims=claims, quotes=quotes, summary=summary)


def _language(article: StoryArticle) -> str:
    return (article.language or "en").lower()


def _languages(story: _Story, units: list[_Unit], statements: list[_Statement], texts: list[str],
               cross_embed: Embed | None) -> tuple[_Languages | None, _Languages | None]:
    """The languages of the units and statements, with their multilingual vectors; (None, None) for a
    story in one language, which then never loads the multilingual encoder."""
    of_article = [_language(a) for a in story.articles]
    if len(set(of_article)) < 2 or not texts:
        return None, None
    if cross_embed is None:
        from storyline.embed import load_multilingual_embedder

        cross_embed = load_multilingual_embedder().encode
    rows = np.asarray(cross_embed(texts), dtype=np.float32)
    return (_Languages([of_article[u.article] for u in units], rows[:len(units)]),
            _Languages([of_article[s.article] for s in statements], rows[len(units):]))


_NUMBER_WORD = re.compile(r"(?<![\w'’ʼ])[^\W\d_]+(?:[-'’ʼ][^\W\d_]+)*(?![\w'’ʼ])")
_FOREIGN_DIGITS = re.compile(r"(?<![\w.,])\d{1,3}(?:[ .]\d{3})+(?![\d])|(?<![\w.,])\d+(?:,\d+)?(?![\d]|[.,]\d)")


def numbers_in_language(text: str, start: int, end: int, language: str, skip: Sequence[tuple[int, int]]) -> list[Number]:
    """The quantities of text[start:end] in any language: English by find_numbers, others by digits
    (a space or dot groups thousands, a comma marks decimals: "1 900", "4,5") and the language's
    number words ("zwölf", "Vingt-deux"); years and dates are left out. Their kind is unknown."""
    if language == "en":
        return find_numbers(text, start, end, skip)
    out: list[Number] = []
    for m in _FOREIGN_DIGITS.finditer(text, start, end):
        if any(a < m.end() and m.start() < b for a, b in skip) or re.fullmatch(r"(?:1[89]|20)\d\d", m.group()):
            continue
        value = float(re.sub(r"[ .]", "", m.group()).replace(",", "."))
        end_ = m.end()
        scale = re.match(r"\s+([^\W\d_]+)", text[m.end():end])
        if scale and scale_value(scale.group(1), language):
            value *= scale_value(scale.group(1), language) or 1
            end_ = m.end() + scale.end()
        out.append(Number(value, m.start(), end_, text[m.start():end_], None, None, None))
    for m in _NUMBER_WORD.finditer(text, start, end):
        value = number_value(m.group(), language)
        if value is not None and value >= 2 and not any(a < m.end() and m.start() < b for a, b in skip):
            out.append(Number(float(value), m.start(), m.end(), m.group(), None, None, None))
    return sorted(out, key=lambda n: n.start)


def _cross_language_conflicts(story: _Story, a: _Unit, b: _Unit) -> list[_Conflict]:
    """Conflicts between two sentences in two languages that state one fact: two counts of one thing
    (zwölf ships against 14) or two days of one happening (el jueves against Friday).

    The English rules that say what a figure counts, or whether the words around a day agree, do not
    carry across languages, so the conditions are stricter instead: each sentence gives exactly one
    count, a whole number that is no measure, and the two are of one magnitude (at most half again
    the other); or each names exactly one day, by name, in reports of one day, at most a week apart."""
    figures = []
    for u in (a, b):
        article = story.articles[u.article]
        skip = [(t.start, t.end) for t in article.analysis.times if t.start < u.end and u.start < t.end]
        figures.append(numbers_in_language(article.text, u.start, u.end, _language(article), skip))
    (left, right) = figures
    if len(left) == 1 and len(right) == 1:
        n, m = left[0], right[0]
        counts = all(x.value == int(x.value) and x.value >= 2 and (x.kind is None or (
            x.kind not in _MEASURES and not x.kind.startswith("size:"))) for x in (n, m))
        if counts and not _compatible(n, m) and max(n.value, m.value) <= 1.5 * min(n.value, m.value):
            return [_Conflict("number", f"number:{n.kind or m.kind or 'count'}", {
                a.article: (_norm_number(n), n.surface, [(n.start, n.end)]),
                b.article: (_norm_number(m), m.surface, [(m.start, m.end)])}, {a.article: a.index, b.article: b.index})]
    if len(a.days) == 1 and len(b.days) == 1 and set(a.days) != set(b.days):
        (da, (sa, ea, named_a)), = a.days.items()
        (db, (sb, eb, named_b)), = b.days.items()
        pa, pb = story.articles[a.article].published, story.articles[b.article].published
        near = abs((datetime.fromisoformat(da) - datetime.fromisoformat(db)).days) <= 7
        if named_a and named_b and near and pa is not None and pb is not None and pa.date() == pb.date():
            return [_Conflict("date", "date", {a.article: (da, da, [(sa, ea)]), b.article: (db, db, [(sb, eb)])},
                              {a.article: a.index, b.article: b.index})]
    return []


def _follower(story: _Story, units: list[_Unit], i: int) -> _Unit | None:
    """The unit right after unit i in the same paragraph, if any."""
    if i + 1 >= len(units) or units[i + 1].article != units[i].article:
        return None
    nxt = units[i + 1]
    if "\n\n" in story.articles[nxt.article].text[units[i].end:nxt.start]:
        return None
    return nxt


def _said(units: list[_Unit], statements: list[_Statement], quote_groups: list[list[int]]) -> list[int | None]:
    """Per unit, the quote group of the statement that makes up most of it, where that statement was
    found in another article too."""
    group_of = {i: g for g, members in enumerate(quote_groups) for i in members if len(members) > 1}
    by_article: dict[int, list[_Statement]] = defaultdict(list)
    for s in statements:
        if s.index in group_of:
            by_article[s.article].append(s)
    out: list[int | None] = []
    for u in units:
        best, best_share = None, 0.0
        for s in by_article.get(u.article, ()):
            inside = sum(max(0, min(u.end, p.end) - max(u.start, p.start)) for p in s.parts)
            share = inside / max(1, u.end - u.start)
            if share > best_share:
                best, best_share = group_of[s.index], share
        out.append(best if best_share >= 0.5 else None)
    return out


def _merge_conflicts(story: _Story, conflicts: list[_Conflict]) -> list[_Conflict]:
    """One conflict per disputed thing: pairwise findings of one kind that share a sentence are one
    dispute (so are venue, role and quote findings of one subject); each article's value is kept once,
    and a dispute must still have two voices giving two values."""
    parent = list(range(len(conflicts)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    seen: dict[tuple[str, object], int] = {}
    for n, c in enumerate(conflicts):
        keys = [(c.key, u) for u in c.units.values()] if c.about in ("number", "date") else [(c.key, None)]
        for key in keys:
            if key in seen:
                parent[find(n)] = find(seen[key])
            else:
                seen[key] = n
    merged: dict[int, _Conflict] = {}
    for n, c in enumerate(conflicts):
        target = merged.setdefault(find(n), _Conflict(c.about, c.key, {}, {}))
        for pos, value in c.values.items():
            target.values.setdefault(pos, value)
        for pos, u in c.units.items():
            target.units.setdefault(pos, u)
    out = []
    for c in merged.values():
        by_voice: dict[str, set[str]] = defaultdict(set)
        for pos, (norm, _, _) in c.values.items():
            by_voice[story.voice[pos]].add(norm)
        if any(len(v) > 1 for v in by_voice.values()):
            continue  # one voice gives both values: a change over time, not a dispute
        distinct = {next(iter(v)) for v in by_voice.values()}
        if len(by_voice) >= 2 and len(distinct) >= 2:
            out.append(c)
    return out


def _voices_of(story: _Story, positions: Iterable[int]) -> tuple[list[str], list[str]]:
    """The outlets credited (one per voice, earliest first) and the other outlets that ran a copy."""
    credited: list[str] = []
    carried: list[str] = []
    for pos in sorted(positions, key=lambda p: (story.articles[p].published or datetime.max, p)):
        if story.voice[pos] not in credited:
            credited.append(story.voice[pos])
        if story.articles[pos].source not in carried:
            carried.append(story.articles[pos].source)
    return credited, [s for s in carried if s not in credited]


def _claim(story: _Story, units: list[_Unit], vectors: np.ndarray, members: list[int], ident: str,
           centroid: np.ndarray) -> dict:
    """A claim from its units, one of which gives its text."""
    positions = [units[i].article for i in members]
    credited, carried = _voices_of(story, positions)
    # the claim reads in English where an English report states it; otherwise in its own words
    english = [i for i in members if _language(story.articles[units[i].article]) == "en"]
    best = _pick_text(units, english or members, vectors)
    independent = len({story.voice[p] for p in positions})
    evidence = [_span(story, units[i].article, units[i].start, units[i].end) for i in
                sorted(members, key=lambda i: (i != best, units[i].article))]
    return {
        "id": ident,
        "text": units[best].text,
        "status": "corroborated" if independent >= 2 else "single",
        "sources": credited,
        "evidence": evidence,
        "conflict": None,
        "independent": independent,
        "republished_by": carried,
        "quoted": units[best].quoted > 0.5,
        "dates": sorted(units[best].dates),
        "centrality": round(_centrality(vectors, members, centroid), 4),
    }


def _disagree(a: _Unit, b: _Unit) -> bool:
    """Whether two units give different values of one thing: a figure of the same kind, or the day."""
    if _number_conflicts(a, b):
        return True
    return len(a.days) == 1 and len(b.days) == 1 and set(a.days) != set(b.days)


def _split_by_value(units: list[_Unit], members: list[int], vectors: np.ndarray) -> list[list[int]]:
    """A group cut where its sentences give different values (12 or 15 injured; 800 hectares then
    4,500): a claim's outlets must agree with all of its sentence, so the sentences that disagree
    with the one that states it make claims of their own. Sentences that give no value stay."""
    parts = []
    rest = list(members)
    while rest:
        best = _pick_text(units, rest, vectors)
        keep = [i for i in rest if i == best or not _disagree(units[best], units[i])]
        parts.append(sorted(keep))
        rest = [i for i in rest if i not in set(keep)]
    return parts


def _claims(story: _Story, units: list[_Unit], vectors: np.ndarray, groups: list[list[int]],
            conflicts: list[_Conflict], group_of: dict[int, int]) -> list[dict]:
    """One claim per group (cut where its sentences disagree), then one claim per conflict."""
    claims: list[dict] = []
    centroid = _story_centroid(vectors)
    for g, members in enumerate(groups):
        parts = _split_by_value(units, members, vectors)
        for n, part in enumerate(parts):
            claims.append(_claim(story, units, vectors, part, f"c{g}" + (f".{n}" if len(parts) > 1 else ""), centroid))
    for n, c in enumerate(conflicts):
        members = sorted(set(c.units.values()), key=lambda i: units[i].article)
        order = sorted(c.values, key=lambda p: (story.articles[p].published or datetime.max, p))
        first = next((c.units[p] for p in order if p in c.units), None)
        if members:
            claim = _claim(story, units, vectors, members, f"x{n}", centroid)
            if first is not None:
                claim["text"] = units[first].text
                claim["evidence"].sort(key=lambda e: (e["start"] != units[first].start or
                                                      e["article"] != story.articles[units[first].article].id))
        elif any(spans for _, _, spans in c.values.values()):
            claim = _claim_from_spans(story, c)
        else:
            continue
        _set_conflict(story, claim, c)
        claims.append(claim)
    contested = {(e["article"], e["start"]) for c in claims if c["status"] == "conflict"
                 for v in c["conflict"]["values"] for e in v["evidence"]}
    contested |= {(e["article"], e["start"]) for c in claims if c["status"] == "conflict" for e in c["evidence"]}
    for claim in claims:
        if claim["status"] != "conflict":
            claim["disputed"] = any((e["article"], e["start"]) in contested for e in claim["evidence"])
    order = {"conflict": 0, "corroborated": 1, "single": 2}
    claims.sort(key=lambda c: (order[c["status"]], -c["independent"], -c["centrality"], c["id"]))
    return claims


def _claim_from_spans(story: _Story, c: _Conflict) -> dict:
    evidence = [_span(story, pos, s, e) for pos, (_, _, spans) in c.values.items() for s, e in spans[:1]]
    credited, carried = _voices_of(story, c.values)
    return {"id": f"x:{c.key}", "text": evidence[0]["text"], "status": "conflict", "sources": credited,
            "evidence": evidence, "conflict": None, "independent": len({story.voice[p] for p in c.values}),
            "republished_by": carried, "quoted": False, "dates": [], "centrality": 0.0}


def _set_conflict(story: _Story, claim: dict, c: _Conflict) -> None:
    values = []
    for pos in sorted(c.values, key=lambda p: (story.articles[p].published or datetime.max, p)):
        norm, shown, spans = c.values[pos]
        values.append({"source": story.articles[pos].source, "value": shown, "normalized": norm,
                       "voice": story.voice[pos], "article": story.articles[pos].id,
                       "evidence": [_span(story, pos, s, e) for s, e in spans]})
    claim["status"] = "conflict"
    claim["conflict"] = {"about": c.about, "subject": c.key.split(":", 1)[-1].split("@")[0], "values": values}
    outlets = []
    for v in values:
        if v["source"] not in outlets:
            outlets.append(v["source"])
    claim["sources"] = outlets


def _quotes(story: _Story, statements: list[_Statement], quote_groups: list[list[int]]) -> list[dict]:
    out = []
    for members in quote_groups:
        ordered = sorted(members, key=lambda i: (story.articles[statements[i].article].published or datetime.max,
                                                 not statements[i].direct, statements[i].article, i))
        first = statements[ordered[0]]
        variants = []
        for i in ordered:
            s = statements[i]
            variants.append({"article": story.articles[s.article].id, "text": s.text, "start": s.start, "end": s.end,
                             "source": story.articles[s.article].source, "direct": s.direct,
                             "parts": [{"start": p.start, "end": p.end} for p in s.parts],
                             "venue": s.venue, "language": _language(story.articles[s.article]),
                             "diff": [] if i == ordered[0] or _language(story.articles[s.article]) !=
                             _language(story.articles[first.article]) else word_diff(first.text, s.text)})
        credited, carried = _voices_of(story, [statements[i].article for i in members])
        speaker = next((statements[i].speaker for i in ordered if statements[i].speaker), None)
        out.append({"speaker": speaker, "text": first.text, "sources": credited, "direct": first.direct,
                    "variants": variants, "republished_by": carried})
    out.sort(key=lambda q: (-len(q["sources"]), -len(q["variants"]),
                            min(story.pos[v["article"]] for v in q["variants"]),
                            min(v["start"] for v in q["variants"])))
    return out


def _summary(claims: list[dict], readable: dict[str, float]) -> list[dict]:
    """At most six extracted lines: disputes first, then what most outlets share, then each outlet's
    own. A line is its claim's sentence, with the claim's sources and evidence; a claim whose
    sentences take part in a dispute is left to the dispute's line, so no line reads as settled
    what another outlet contests."""
    lines: list[dict] = []

    def add(claim: dict) -> None:
        if len(lines) >= MAX_SUMMARY or any(line["text"] == claim["text"] for line in lines):
            return
        line = {"text": claim["text"], "sources": claim["sources"], "evidence": claim["evidence"],
                "status": claim["status"], "claim": claim["id"]}
        if claim["conflict"]:
            # The sentence shown states one side: it cites the outlets of that side only.
            shown = [e for e in claim["evidence"] if e.get("text") == claim["text"]] or claim["evidence"][:1]
            articles = {e["article"] for e in shown}
            values = claim["conflict"]["values"]
            side = next((v["value"] for v in values if v.get("article") in articles
                         or any(e["article"] in articles for e in v.get("evidence", []))), None)
            backing = [v for v in values if v["value"] == side]
            line["sources"] = sorted({v["source"] for v in backing}) or claim["sources"][:1]
            line["evidence"] = shown + [e for v in backing for e in v.get("evidence", []) if e not in shown]
            line["conflict"] = {"about": claim["conflict"]["about"],
                                "values": [{"source": v["source"], "value": v["value"]}
                                           for v in claim["conflict"]["values"]]}
        lines.append(line)

    def rank(claim: dict) -> float:
        return claim["centrality"] + 0.3 * readable.get(claim["id"], 0.0)

    disputes = [c for c in claims if c["status"] == "conflict"]
    shared = [c for c in claims if c["status"] == "corroborated" and not c.get("disputed")]
    own = [c for c in claims if c["status"] == "single" and not c.get("disputed")]
    for claim in sorted(disputes, key=lambda c: (-c["independent"], -rank(c)))[:2]:
        add(claim)
    outlets_with_own = len({c["sources"][0] for c in own})
    room = max(2, MAX_SUMMARY - len(lines) - min(outlets_with_own, 2))
    for claim in sorted(shared, key=lambda c: (-c["independent"], -rank(c)))[:room]:
        add(claim)
    seen: set[str] = set()
    for claim in sorted(own, key=lambda c: -rank(c)):
        if claim["sources"][0] not in seen:
            seen.add(claim["sources"][0])
            add(claim)
    return lines
