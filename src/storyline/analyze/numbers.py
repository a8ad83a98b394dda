"""Quantities in text: English figures with what they count and how they are hedged ("at least 14
injured", "about 1,900 dockworkers"), figures in other languages by digits and number words, and
when two statements of one quantity cannot both be true.

One module for analysis and comparison alike: compare/ aligns and disputes figures with it.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from storyline.analyze.figure_readings import RELEASED, crowd_of, measured, segment_reading, span_of, workforce
from storyline.analyze.joined_figures import ranges, spans_of_hours_and_minutes
from storyline.lang import number_value, scale_value
from storyline.lang.en import STOP_WORDS, TO_HOSPITAL
from storyline.lang.en_numbers import (
    AUXILIARIES,
    CAPTURED_AFTER,
    CAPTURED_BEFORE,
    COUNT_DETERMINERS,
    CURRENCY_KINDS,
    CURRENCY_SIGNS,
    GENERIC_KINDS,
    GROUP_VERBS,
    HAPPENED_TO,
    HEAD_CLASSES,
    HELD_TO_BE,
    KIND_CLASSES,
    NUMBER_WORDS,
    OFFSET_AFTER,
    ORDINAL_WORDS,
    PEOPLE_COUNTED,
    POSITION_NOUNS,
    QUALIFIERS,
    RELATIVE_AFTER,
    RELEASED_LATER,
    SCALE_WORDS,
    SHORT_SPANS,
    SPELLED_NUMBER,
    STREET_WORDS,
    TENS_WORDS,
    UNITS,
    WINNING,
    WON_WHOLES,
)
from storyline.text import WEB_ADDRESS
from storyline.words import fold_text, light_stem

_DIGITS = r"(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)"  # ".357": a calibre, a fraction written short
_GLUED = r"(?:km|cm|mm|m|kg|mph|kph|ft|mi|ha|lbs?)"  # units written onto a figure: "58km", "30cm"
# the letters a country's dollar writes before the sign ("A$", "NZ$"), as lang/en_numbers.CURRENCY_SIGNS lists them
_COUNTRY_DOLLARS = "|".join(sorted((sign[:-1] for sign in CURRENCY_SIGNS if len(sign) > 1 and sign.endswith("$")),
                                   key=len, reverse=True))
_NUMBER = re.compile(
    r"(?<![\w.,:/-])(?P<cur>(?-i:" + _COUNTRY_DOLLARS + r")\$|[$€£]|e(?=\d[\d.,]*\s?(?:million|billion|bn|m)\b))?\s?"
    r"(?P<num>" + _DIGITS + r"|"
    + SPELLED_NUMBER + r")"
    # "four and a half", "2 1/2", "2-1/2", "2½": a half written after the figure
    r"(?P<half>\s+and\s+a\s+half|[\s-]1/2(?![\d/])|\s?½)?"
    r"(?:[\s-]?(?P<scale>hundred|thousand|million|billion|bn|trillion)\b"
    # "£5m", "$40k", "1.5m people": m and k written onto a sum, or onto a count of a plural noun
    r"|(?P<short>(?(cur)[mk]|[mk](?=\s+(?:people|[^\W\d_]+s)\b)))\b)?"
    r"(?P<pct>\s?%|\s+per\s?cent\b|\s+percent\b)?"
    r"(?P<hyph>-(?P<hunit>[a-z]+))?"
    # a unit written onto the figure ("58km", "30cm") is read as the word after it
    r"(?!(?!" + _GLUED + r"\b)\w|[.,]\d|:\d)", re.IGNORECASE)
_INCHES = re.compile(r"-(\d{1,2})(?![\w-])")  # the inches of a height after "6-foot"
_SHORT_SCALE = {"m": "million", "k": "thousand"}
_CLOCK = re.compile(r"\d{1,2}(?::\d{2})?\s*(?:a\.m\.|p\.m\.|am\b|pm\b|GMT|UTC)", re.IGNORECASE)
_SCORE = re.compile(r"(?<![\w.])\d{1,2}-\d{1,2}(?![\w/-])")  # "3-1", not "2-1/2"
# the two (or three) words after a figure: a compound ("14 container ships", "seven consecutive life sentences")
_COMPOUNDS = [re.compile(r"(?:[^\S\n]+[^\W\d_][\w'’-]*){%d}[^\S\n]+([^\W\d_][\w'’-]*)" % n) for n in (1, 2)]


class _Overlaps:
    """Spans looked up by bisection, so that an article of many figures and many blocked spans (clock times,
    scores, lines of web addresses) costs no more than its length."""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [a for a, _ in ordered]
        self.reach = list(itertools.accumulate((b for _, b in ordered), max))  # the furthest end so far

    def any(self, start: int, end: int) -> bool:
        """Whether a span overlaps [start, end)."""
        k = bisect.bisect_left(self.starts, end)
        return k > 0 and self.reach[k - 1] > start


def _addressed_lines(text: str) -> list[tuple[int, int]]:
    """The spans of the lines of text that hold a web address or a path, each line read once."""
    spans, start = [], 0
    for line in text.split("\n"):
        if WEB_ADDRESS.search(line):
            spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


# a figure in brackets right after another restates it ("58km (36 miles)", "US$1m (A$1.52m)")
_CONVERSION_BEFORE = re.compile(r"\d[\w.,%-]*(?:\s+[a-z]+){0,2}\s*\(\s*[^\s\d()]{0,4}\s*$", re.IGNORECASE)
_QUALIFIER_BEFORE = re.compile(r"(?:^|\s)(" + "|".join(sorted(map(re.escape, QUALIFIERS), key=len, reverse=True))
                               + r")\s*$", re.IGNORECASE)


# words before a figure that make it no count of what happened: a rate ("1 in 500 users") or a
# stretch of a series ("the first 17 passes", "the past six games", "the last three years")
_SHARE_BEFORE = re.compile(r"(?:(?<![\w.,])(?:1|one)\s+(?:in|out\s+of)|\b(?:first|last|past|next|previous|final))\s*$",
                           re.IGNORECASE)
_SPANS_OF_TIME = frozenset({"seconds", "minutes", "hours", "days", "weeks", "months", "years"})
# "mother of 13", "a father of three": the figure counts the parent's children, whatever follows it
_PARENT_OF = re.compile(r"\b(?:(?:grand|step)?(?:mother|father|parent)|mom|mum|dad)s?\s+of\s+$", re.IGNORECASE)
# "one of her 12 children": a whole that someone has
_POSSESSIVE_WHOLE = re.compile(r"\bof\s+(?:his|her|their|its|[\w'’]+['’]s?)\s+$", re.IGNORECASE)
# a part of a whole that a verb of winning takes ("won 54 of the 120 seats", "carried 30 of the 50 states"): the part
# counts what the whole does, seats or states won (WINNING, lang/en_numbers.py)
_WON_OF = re.compile(r"\s+of\s+(?:the\s+)?[\d,]+\s+([^\W\d_][\w'’-]*)", re.IGNORECASE)
# a figure after "N of": the whole a part is counted in ("missed 10 of the 16 games")
_WHOLE_BEFORE = re.compile(r"(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten))\s+of\s+"
                           r"(?:(?:the|its|his|her|their|[\w'’]+['’]s?)(?:\s+|$)){0,2}$", re.IGNORECASE)


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
    low: float | None = None  # a range's lower end ("between 40 and 50", "three or four"): value is its upper end


def _number_value(num: str, half: str | None, scale: str | None) -> float | None:
    n = num.lower().replace(",", "")
    if re.fullmatch(r"\d+(?:\.\d+)?|\.\d+", n):
        value = float(n)
    elif n in NUMBER_WORDS:
        value = float(NUMBER_WORDS[n])
    elif n in ("a dozen",) or re.fullmatch(r"a\s+dozen", n):
        value = 12.0
    elif n == "dozens":
        return None
    else:
        parts = re.split(r"[- ]", n)
        value = float(TENS_WORDS.get(parts[0], 0) + (NUMBER_WORDS.get(parts[1], 0) if len(parts) > 1 else 0))
        if not value:
            return None
    if half:
        value += 0.5
    if scale:
        value *= SCALE_WORDS[scale.lower()]
    return value


def kind_of(stem: str) -> str:
    """The kind a counted noun's stem counts: its class ("wound" -> "injured"), a compound's head's class
    ("dockworker" -> "employees"), else the stem itself."""
    if stem in KIND_CLASSES:
        return KIND_CLASSES[stem]
    return next((kind for head, kind in HEAD_CLASSES.items() if stem.endswith(head)), stem)


def find_numbers(text: str, start: int, end: int, skip: Sequence[tuple[int, int]]) -> list[Number]:
    """The quantities of text[start:end] (article offsets), leaving out dates, clock times, ordinals and years."""
    segment = text[start:end]
    blocked = [(a - start, b - start) for a, b in skip]
    blocked += [(m.start(), m.end()) for m in _CLOCK.finditer(segment)]
    blocked += [(m.start(), m.end()) for m in _SCORE.finditer(segment)]
    blocked += _addressed_lines(segment)  # a web address or a path: its line's digits are ids, not quantities
    overlaps = _Overlaps(blocked)
    out: list[Number] = []
    gathering, sentencing = segment_reading(segment)
    for m in _NUMBER.finditer(segment):
        if overlaps.any(m.start(), m.end()):
            continue
        num = m.group("num")
        if re.fullmatch(r"(?:1[89]|20)\d\d", num) and not (m.group("pct") or m.group("scale") or m.group("short")
                                                          or m.group("cur")):
            continue  # a year
        short = m.group("short")
        value = _number_value(num, m.group("half"), _SHORT_SCALE[short.lower()] if short else m.group("scale"))
        if value is None:
            continue
        if m.group("num")[0].isalpha() and value < 2 and not m.group("half"):
            continue
        s, qualifier = _hedged(segment, m.start())
        inches = _INCHES.match(segment, m.end()) if (m.group("hunit") or "").lower() in ("foot", "feet") else None
        kind: str | None
        noun: str | None
        if inches:  # "the 6-foot-9 forward": a person's height, in feet and inches
            value += int(inches.group(1)) / 12
            kind, noun = "height", "height"
        else:
            kind, noun = _counted(segment, m, bool(m.group("pct")), m.group("hunit"), bool(m.group("cur")))
            kind = _speed_or_magnitude(segment, m, kind)
            if kind in _SPANS:
                kind = span_of(segment, m, kind, sentencing)  # a prison term imposed, a time served, or the span
            if kind == "people" and _driven_out(segment, m):
                kind = "evacuated"
            if workforce(segment, m, kind):
                kind = "workforce"  # "which employs about 900 people", "the plant, with roughly 1,100 workers,"
            kind = crowd_of(segment, m, kind, gathering) or kind
        lead = segment[max(0, m.start() - 24):m.start()]
        share = _SHARE_BEFORE.search(lead)
        if share and (kind not in _SPANS_OF_TIME or share.group().lower().rstrip().endswith("first")):
            continue  # "one in 500 users", "his first 17 passes", "the past six games", "his first 100 days
            # in office": a rate or a stretch, no count (but "for the past three weeks" is how long)
        if noun and _not_a_count(segment, m, lead):
            continue
        if noun == "block" and re.search(r"\bthe\s*$", lead, re.IGNORECASE):
            continue  # "the 12000 block of Main Street": an address
        if _WHOLE_BEFORE.search(lead) and not (kind == noun and _POSSESSIVE_WHOLE.search(lead)) \
                and kind not in HAPPENED_TO:
            kind = None  # "29 of 34 passes", "three of the seven bullets": the whole a part is of, not what happened
            # (but "one of her 12 children" counts her children: a whole someone has is a count of it, and
            # "one of 99 members seized" counts those seized: the part is one of what happened to them)
        if kind is None and (won := _WON_OF.match(segment, m.end())) and WINNING.search(lead) \
                and (whole := kind_of(light_stem(fold_text(won.group(1))))) in WON_WHOLES:
            kind = noun = whole  # "won 54 of the 120 seats": 54 seats
        if _PARENT_OF.search(lead):
            kind, noun = "children", "children"  # "a mother of five", "Mother of 13 Zurana Horton": her children
        if noun == "tim":  # "was married three times": how often it happened; "three times as many": a ratio
            multiple = re.match(r"\s+times\s+(?:as|more|less|larger|bigger|higher|greater|smaller|lower|the)\b",
                                segment[m.end():], re.IGNORECASE)
            kind = None if multiple else _times_of(segment, m.start())
        if _CONVERSION_BEFORE.search(segment[max(0, m.start() - 30):m.start()]) and not (
                kind in CURRENCY_KINDS and out and out[-1].kind not in (None, kind)):
            continue  # "58km (36 miles)": the same figure in another unit; a sum in another currency is
            # kept ("85 million euros ($108 million)"): it is the figure other outlets give in dollars
        if kind in UNITS or kind in CURRENCY_KINDS or kind == "percent":
            kind = measured(segment, s, m.end(), kind)  # "a depth of 10 km", "A$4.58 a share"
        e = m.end() + len(glued.group()) if (glued := re.match(_GLUED + r"\b", segment[m.end():], re.IGNORECASE)) else m.end()
        e += len(inches.group()) if inches else 0
        after = re.match(r"[^\S\n]+(?:of[^\S\n]+)?([^\W\d_][\w'’-]*)", segment[e:])
        if noun and after and kind_of(light_stem(fold_text(after.group(1)))) == noun:
            e += after.end()  # shown with what it counts: "about 1,900 dockworkers", "15 people"
        elif noun and (compound := _compound_of(segment, e, noun)):
            e = compound  # ... and with its compound: "14 container ships"
        out.append(Number(value, start + s, start + e, segment[s:e].strip(), qualifier, kind, noun))
    for t in _TWICE.finditer(segment):
        if not overlaps.any(t.start(), t.end()) and not any(n.start <= start + t.start() < n.end for n in out):
            value = 2.0 if t.group().lower() == "twice" else 3.0
            out.append(Number(value, start + t.start(), start + t.end(), t.group(), None, _times_of(segment, t.start()), "tim"))
    for p in _PENCE.finditer(segment):  # "420p a share", "shares closed at 250p": a sum in pounds (not "1080p" video)
        if _SHARES_PENCE.search(segment, max(0, p.start() - 60), p.end() + 20) and not overlaps.any(p.start(), p.end()):
            s, qualifier = _hedged(segment, p.start())
            out.append(Number(float(p.group(1)) / 100, start + s, start + p.end(), segment[s:p.end()], qualifier,
                              measured(segment, s, p.end(), "pound"), "pound"))
    for h in _AN_HOUR.finditer(segment):
        if not overlaps.any(h.start(), h.end()) and not any(n.start <= start + h.start() < n.end for n in out):
            s, qualifier = _hedged(segment, h.start())
            named = h.group("unit").lower() + "s"
            unit, value = ("minutes", 30.0) if named == "hours" and h.group("half") else (
                named, 0.5 if h.group("half") else 1.0)  # half an hour is read as 30 minutes
            kind = f"size:{unit}:{light_stem(fold_text(h.group('of')))}" if h.group("of") else unit
            out.append(Number(value, start + s, start + h.end("unit"), segment[s:h.end("unit")], qualifier, kind, unit))
    out.extend(_one_more(segment, start, out))
    return ranges(text, spans_of_hours_and_minutes(text, sorted(out, key=lambda n: n.start)))


# "killing two workers and critically injuring a third": an ordinal that goes on with a count of its
# sentence names one more person, to whom the participle happened ("a third of the passengers" is a share)
_ONE_MORE = re.compile(r"\b(?P<verb>[^\W\d_]+(?:ing|ed))\s+(?:(?:critically|seriously|severely|fatally|badly)\s+)?"
                       r"(?P<ordinal>a\s+(?P<word>second|third|fourth|fifth|sixth))\b(?!\s+of\b)", re.IGNORECASE)
_NEXT = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6}


def _one_more(segment: str, start: int, found: Sequence[Number]) -> list[Number]:
    """The one more person an ordinal after a count of what happened names: "killing two and wounding a
    third" counts one wounded. Only where a figure before it in the sentence is the ordinal's
    predecessor: "police arrested a second suspect" says how many so far, not one."""
    out = []
    for m in _ONE_MORE.finditer(segment):
        kind = kind_of(light_stem(fold_text(m.group("verb"))))
        before = [n.value for n in found if n.end <= start + m.start()]
        if kind in ("injured", "killed", "arrested") and _NEXT[m.group("word").lower()] - 1 in before:
            out.append(Number(1.0, start + m.start("ordinal"), start + m.end("ordinal"), m.group("ordinal"), None,
                              kind, None))
    return out


def _compound_of(segment: str, pos: int, noun: str) -> int | None:
    """Where the compound after a figure at segment[pos] ends, when its head is the counted noun."""
    for compound in _COMPOUNDS:
        found = compound.match(segment, pos)
        if found and kind_of(light_stem(fold_text(found.group(1)))) == noun:
            return found.end()
    return None


_WORD_AFTER = re.compile(r"[^\S\n]*-?([^\W\d_][\w'’-]*)(?:[^\S\n]+([^\W\d_][\w'’]*))?")


def _not_a_count(segment: str, m: re.Match[str], lead: str) -> bool:
    """Whether a figure names a place, an offset or people already named rather than counts what
    happened: "the Colts' 16-yard line" (a place on the field), "fifteen games later", "10 points down",
    "with five minutes remaining" (an offset, a margin, a clock), "the two met" (the two people the
    report has named)."""
    words = _WORD_AFTER.match(segment, m.end())
    if words is None:
        return False
    first, second = fold_text(words.group(1)), fold_text(words.group(2) or "")
    if m.group("hunit"):
        return first in POSITION_NOUNS  # the word after "16-yard"
    if first in GROUP_VERBS:
        return m.group("num")[0].isalpha() and bool(re.search(r"\bthe\s*$", lead, re.IGNORECASE))
    if second in RELATIVE_AFTER and f"{first.rstrip('s')}s" in SHORT_SPANS:
        return False  # "10 minutes later", "two hours earlier": how long passed between two happenings
    return second in OFFSET_AFTER or (f"{first.rstrip('s')}s" in _SPANS_OF_TIME and bool(_COUNTDOWN.match(segment, words.end(1))))


# a span of time still to run: "with 12 minutes, 31 seconds remaining", "with under five minutes to go"
_COUNTDOWN = re.compile(r"(?:,?\s*(?:and\s+)?\d+\s+(?:seconds?|minutes?))?\s+(?:remaining|left|to\s+go|to\s+play)\b",
                        re.IGNORECASE)


# an hour or half of one counted from another happening ("half an hour later", "an hour after the blast") or
# the length of one ("an hour-long standoff"): a duration, as "10 minutes later" is
_AN_HOUR = re.compile(r"(?<![\w-])(?:(?P<half>half\s+an?)|an?|one)\s+(?P<unit>hour|minute)"
                      r"(?=\s+(?:later|earlier|after|before)\b|-long\s+(?P<of>[^\W\d_][\w'’-]*))", re.IGNORECASE)
_PENCE = re.compile(r"(?<![\w.,£$€])(\d{1,5}(?:\.\d+)?)p(?!\w|\.\w)")  # pence written onto a figure: "420p", "12.5p" ...
_SHARES_PENCE = re.compile(r"\b(?:shares?|stock|offer|bid)\b", re.IGNORECASE)  # ... where a price is told
_TWICE = re.compile(r"(?<![\w-])(?:twice|thrice)(?![\w-])", re.IGNORECASE)


def _hedged(segment: str, pos: int) -> tuple[int, str | None]:
    """Where a figure at pos begins with the hedge right before it ("about 1,900", "at least 14"), and the hedge's
    qualifier (QUALIFIERS); pos and None where it has none."""
    q = _QUALIFIER_BEFORE.search(segment[max(0, pos - 20):pos])
    return (pos - len(q.group(0).lstrip()), QUALIFIERS[q.group(1).lower()]) if q else (pos, None)


def _times_of(segment: str, pos: int) -> str | None:
    """What a count of times counts: the verb right before it ("married twice", "was shot eleven times"
    are "times:marry", "times:shot"); None where no word comes right before."""
    before = re.findall(r"[^\W\d_][\w'’-]*|[,;:.()]", segment[max(0, pos - 30):pos].split("\n")[-1])
    q = _QUALIFIER_BEFORE.search(segment[max(0, pos - 20):pos])
    if q:
        before = before[:-len(q.group(1).split())]
    if not before or before[-1] in ",;:.()":
        return None
    verb = fold_text(before[-1])
    if verb in STOP_WORDS or verb in AUXILIARIES:
        return None
    return "times:" + light_stem(verb)


_ORDINAL = re.compile(r"(?<![\w-])(?:(?P<digits>\d{1,3})(?:st|nd|rd|th)|(?P<word>" + "|".join(ORDINAL_WORDS) + r"))"
                      r"(?:\s+(?:straight|consecutive|successive))?\s+(?P<noun>[^\W\d_][\w'’-]*)", re.IGNORECASE)


def find_ordinals(text: str, start: int, end: int) -> list[Number]:
    """Ordinals of a named thing in text[start:end] ("the sixth round", "his 10th defence"), as values
    of the kind "ordinal:<thing>": two reports of one match that give it two rounds disagree. "first"
    and "second" are left out: they are as often no count ("at first", "a second time")."""
    out = []
    for m in _ORDINAL.finditer(text, start, end):
        value = int(m.group("digits")) if m.group("digits") else ORDINAL_WORDS[m.group("word").lower()]
        noun = light_stem(fold_text(m.group("noun")))
        if noun in STOP_WORDS or noun in AUXILIARIES or noun in STREET_WORDS:
            continue  # ... or an address ("55th Street", "5th Ave")
        out.append(Number(float(value), m.start(), m.end(), m.group(), None, f"ordinal:{noun}", noun))
    return out


def _counted(segment: str, m: re.Match[str], percent: bool, hyphen_unit: str | None, currency: bool) -> tuple[str | None, str | None]:
    """The class of what a number counts: the noun after it, else the participle it goes with."""
    if percent:
        return "percent", "percent"
    if currency:
        sign = m.group("cur")
        unit = CURRENCY_SIGNS.get(sign) or CURRENCY_SIGNS[sign.lower()]  # "E80 million", as a headline writes it
        return unit, unit
    if hyphen_unit and (unit := kind_of(light_stem(fold_text(hyphen_unit)))) in CURRENCY_KINDS:
        return unit, unit  # "a two-million-euro haul" is a sum in euros, as "two million euros" is
    if hyphen_unit:
        # a hyphened figure is a property of the noun it goes with: a 90-day stay and a 30-day programme,
        # a 40-year-old boxer and a four-year player, a 3-point shot and a 16-point lead are not one size
        stem = light_stem(fold_text(hyphen_unit))
        follows = re.match(r"(?:-[^\W\d_]+)*\s+([^\W\d_][\w'’]*)", segment[m.end():])
        word = fold_text(follows.group(1)) if follows else ""
        of = ":" + light_stem(word) if word and word not in STOP_WORDS and word not in AUXILIARIES else ""
        if kind_of(stem) in _SPANS and re.match(r"-old\b", segment[m.end():]):
            return "age" + of, stem  # "a 61-year-old man": an age, whose compare/ages.py reads by the name beside it
        if kind_of(stem) in _SPANS and of in (":prison", ":jail", ":sentence", ":sentenc"):
            return "prison:" + kind_of(stem), stem  # "a 10-year prison term", "a six-year sentence"
        return "size:" + kind_of(stem) + of, stem
    after = re.findall(r"[^\W\d_][\w'’-]*|[,;:.()]", segment[m.end():m.end() + 60].split("\n")[0])
    if (missing := _said_missing(after)) is not None:
        return "missing", missing
    noun = None
    for i, word in enumerate(after[:3]):
        if word in ",;:.()":
            break
        w = fold_text(word)
        if w in ("of", "and", "or", "to", "in", "on", "at", "after", "by", "for", "with", "from", "as", "than",
                 "others", "more") or w in _CLAUSE_OR_TIME:
            break  # "wounding 70 others": what they are is the participle before; "65,312,480 when this
            # year's census was taken": a clause or a time of its own follows, not the counted thing
        if w in STOP_WORDS or w in AUXILIARIES or w in HELD_TO_BE:
            continue  # ... or what they are held to be: "99 alleged Mafia members"
        plain = _plural(w) and w == fold_text(word)  # a plural right after the figure: what it counts
        if not _plural(w):
            w = _head(after[i + 1:i + 3]) or w  # a compound's head: "two undersea cables", "10 fire engines",
            # "5,000 Internet users", "seven consecutive life sentences"
        elif w in _PLURAL_MODIFIERS and i + 1 < len(after) and _plural(fold_text(after[i + 1])):
            w, plain = fold_text(after[i + 1]), True  # "three corrections officers", "200 customs agents"
        noun = kind_of(light_stem(w))
        if noun in _SPANS and i + 1 < len(after) and fold_text(after[i + 1]) == "old":
            return f"age:{noun}", noun  # "was 35 years old": an age, not a span of time ("worked there for 15 years")
        if noun in GENERIC_KINDS and ABOARD_AFTER.match(" ".join(after[i + 1:i + 4])) \
                and not any(kind_of(light_stem(fold_text(x))) in HAPPENED_TO or fold_text(x) in _BEFELL
                            for x in after[i + 1:i + 8]):
            return "aboard", noun  # "six people on board", "five people were aboard": those a craft carried (not
            # "Five people aboard the fishing boat drowned": those it befell)
        if noun in GENERIC_KINDS or plain:
            # "12 people were injured", "at least 70 people injured", "more than 400 protesters have been
            # detained": the participle after an auxiliary, or right after them, says what happened to them,
            # whatever noun names them (people, protesters, miners): one count of the injured or arrested
            rest = [fold_text(x) for x in after[i + 1:i + 7]]
            j = 0
            while j < len(rest) and rest[j] in AUXILIARIES:
                j += 1
            if j < len(rest) and (j or rest[j].endswith("ed") or rest[j] in ("dead", "hurt")):
                verb = kind_of(light_stem(rest[j]))
                if verb in HAPPENED_TO:
                    if not j and RELEASED_LATER.match(re.split(r"[.;:!?]", segment[m.end():m.end() + 200])[0]):
                        return RELEASED, noun  # "Nine people arrested after the clashes were released": of
                        # those let go, as "12 were released" counts them
                    return verb, noun
                if rest[j] in TO_HOSPITAL and rest[j + 1:j + 2] == ["to"] \
                        and any(x.startswith("hospital") for x in rest[j + 2:j + 4]):
                    return "injured", noun  # "six people were taken to hospital", "212 patients admitted to hospitals"
        k = next((k for k in range(i, min(i + 3, len(after))) if fold_text(after[k]) == w), i)
        if noun not in _SPANS_OF_TIME and HOSTAGE_AFTER.match(" ".join(after[k + 1:k + 8])):
            return "hostages", noun  # "three corrections officers were held hostage", "five guards taken hostage"
        if noun in PEOPLE_COUNTED and CAPTURED_AFTER.match(" ".join(after[k + 1:k + 7])):
            return "arrested", noun  # "99 Mafia members seized", "12 men were taken into custody"
        break
    if noun in PEOPLE_COUNTED and _captured_before(segment, m.start()):
        return "arrested", noun  # "detained 12 suspects", "seized 99 members", "rounded up 40 people"
    if noun and noun not in GENERIC_KINDS:
        return noun, noun
    before = re.findall(r"[^\W\d_][\w'’-]*|[,;:.()]", segment[max(0, m.start() - 40):m.start()].split("\n")[-1])
    q = _QUALIFIER_BEFORE.search(segment[max(0, m.start() - 20):m.start()])
    if q:
        drop = len(q.group(1).split())
        before = before[:-drop] if drop <= len(before) else []
    while before and fold_text(before[-1]) in COUNT_DETERMINERS:
        before = before[:-1]  # "injuring another 12", "killing a further 5"
    if before and before[-1] not in ",;:.()":
        verb = kind_of(light_stem(fold_text(before[-1])))
        if verb in ("injured", "killed", "arrested", "evacuated"):
            return verb, noun
    generic = noun is None or noun in GENERIC_KINDS  # a figure whose noun does not say what it counts
    counted = _NUMBER_OF_BEFORE.search(segment[max(0, m.start() - 120):m.start()]) if generic else None
    if counted and (befell := kind_of(light_stem(fold_text(counted.group(1))))) in HAPPENED_TO:
        return befell, noun  # "the number of people injured rose to 85" (after "The toll is not yet known but")
    if generic and not counted and _TOLL_BEFORE.search(segment[max(0, m.start() - 120):m.start()]):
        return "killed", noun  # "the death toll rose to 10", "the toll stood at 12": a toll counts the dead
    population = _POPULATION_BEFORE.search(segment[max(0, m.start() - 50):m.start()]) if generic else None
    if population and population.group(1).lower() not in _CHANGED:
        return "population", noun  # "a population of 63.5 million people", "the population stood at 65,312,480"
    return (noun, noun) if noun else (None, None)


# a distance an hour is a speed: "gusts of 110 km/h", "130km/h", "110 kilometres per hour", "70 miles an hour"
_PER_HOUR = re.compile(r"[^\S\n]*-?[^\W\d_]+(?:[^\S\n]*/[^\S\n]*h(?:r|our)?\b|[^\S\n]+(?:per|an|a)[^\S\n]+hour\b)",
                       re.IGNORECASE)
_SPEEDS = {"km": "km/h", "mil": "mph"}
# "a magnitude 6.1 earthquake", "a magnitude of 6.1", "put the magnitude at 6.1"
_MAGNITUDE_BEFORE = re.compile(r"\bmagnitude(?:[^\S\n]*-|[^\S\n]+(?:of|at)(?:[^\S\n]+(?:at[^\S\n]+least|about|around))?)?[^\S\n]*$",
                               re.IGNORECASE)
_MAGNITUDE_AFTER = re.compile(r"[^\S\n]*-?[^\S\n]*magnitude\b", re.IGNORECASE)
# ... and another quake's: an aftershock, a second or an earlier one ("A second earthquake, of magnitude 4.8,")
_ANOTHER_QUAKE = re.compile(r"\b(?:aftershocks?|(?:second|third|another|new|earlier|previous|separate)[^\S\n]+"
                            r"(?:[\w.-]+[^\S\n]+){0,3}(?:earthquake|quake|tremor|temblor))\b", re.IGNORECASE)


def _speed_or_magnitude(segment: str, m: re.Match[str], kind: str | None) -> str | None:
    """A distance an hour is a speed (km/h, mph), and a quake's size is its magnitude however it is written
    ("magnitude 6.1 earthquake", "6.1-magnitude quake", "5.6 magnitude temblor", "a magnitude of 6.1"): one
    kind, so that two reports' figures of it compare; an aftershock's, or a second quake's, is another kind."""
    if kind in _SPEEDS and _PER_HOUR.match(segment, m.end()):
        return _SPEEDS[kind]
    magnitude = (kind is not None and kind.startswith("size:magnitude:")) or bool(_MAGNITUDE_AFTER.match(segment, m.end())) \
        or bool(_MAGNITUDE_BEFORE.search(segment, max(0, m.start() - 30), m.start()))
    if not magnitude:
        return kind
    clause = re.split(r"[.;]\s", segment[max(0, m.start() - 40):m.start()])[-1] + segment[m.start():m.end() + 30]
    return "magnitude:another" if _ANOTHER_QUAKE.search(clause) else "magnitude"


# people driven from their homes are the evacuated, however it is said: "3,200 people were forced to flee",
# "forcing more than 2,200 residents from their homes", "some 400 people fled"
_DRIVEN_OUT_AFTER = re.compile(r"(?:[^\S\n]+[\w-]+){0,2}?[^\S\n]+(?:(?:were|have\s+been|had\s+been)[^\S\n]+)?"
                               r"(?:(?:forced|made|ordered)[^\S\n]+(?:to[^\S\n]+(?:flee|leave|evacuate)\b|from[^\S\n]+"
                               r"their[^\S\n]+homes\b|out[^\S\n]+of[^\S\n]+their[^\S\n]+homes\b)|fled\b)", re.IGNORECASE)
_DRIVEN_OUT_BEFORE = re.compile(r"\b(?:forc|driv)(?:ed|ing|e)[^\S\n]+(?:(?:more|fewer)[^\S\n]+than|about|around|some|nearly"
                                r"|almost|at[^\S\n]+least|an[^\S\n]+estimated)?[^\S\n]*$", re.IGNORECASE)
_FROM_HOMES = re.compile(r"(?:[^\S\n]+[\w-]+){0,2}?[^\S\n]+(?:from|out[^\S\n]+of)[^\S\n]+their[^\S\n]+homes\b", re.IGNORECASE)


def _driven_out(segment: str, m: re.Match[str]) -> bool:
    """Whether a count of people counts those driven from their homes (_DRIVEN_OUT_AFTER, _DRIVEN_OUT_BEFORE)."""
    if _DRIVEN_OUT_AFTER.match(segment, m.end()):
        return True
    return bool(_DRIVEN_OUT_BEFORE.search(segment, max(0, m.start() - 40), m.start()) and _FROM_HOMES.match(segment, m.end()))


def _captured_before(segment: str, pos: int) -> bool:
    """Whether the words before a figure take those it counts into custody ("detained at least 12 suspects",
    "rounded up another 40 protesters"): the verb right before it, past a hedge and a determiner."""
    lead = segment[max(0, pos - 40):pos]
    if q := _QUALIFIER_BEFORE.search(lead):
        lead = lead[:q.start(1)]
    lead = re.sub(r"(?:\b(?:" + "|".join(COUNT_DETERMINERS) + r")\s+)+$", "", lead, flags=re.IGNORECASE)
    return bool(CAPTURED_BEFORE.search(lead))


# a toll whose figure follows with no noun of its own: "the death toll rose to 10", "the toll stands at 12",
# "a death toll of 7" (not "the injury toll", nor a toll road's "toll of $5", which has its currency)
_TOLL_BEFORE = re.compile(r"(?<!injury )(?<!injuries )\btoll\b[^,;:.()\n]{0,80}?\b(?:rose|risen|climbed|jumped|reached"
                          r"|hit|increased|grew|stands?|stood|was|is|now|at|to|of)\s+$", re.IGNORECASE)
# the number of those something befell, given as it changed or stood: "the number of people injured rose to 85",
# "the number of those evacuated has climbed to 3,400", "the number of confirmed dead stood at 12"
_NUMBER_OF_BEFORE = re.compile(r"\bnumber\s+of\s+(?:[\w-]+\s+){0,3}?([a-z]+ed|dead|hurt|missing)\b[^,;:.()\n]{0,60}?"
                               r"\b(?:rose|risen|climbed|jumped|reached|hit|increased|grew|stands?|stood|was|is|now|at|to)\s+$",
                               re.IGNORECASE)


_SPANS = frozenset({"years", "months", "weeks", "days"})  # what an age is counted in


# what a population is given as: "a population of 65.3m", "the country's population stood at", "population has
# grown to" (not "population grew by 300,000": by how much it changed)
_POPULATION_BEFORE = re.compile(r"\bpopulation\b(?:['’]s)?(?:\s+[a-z]+){0,3}?(?:\s+([a-z]+))?\s+$", re.IGNORECASE)
# ... not by how much it changed ("population grew by 300,000", "fell 12,000 last year")
_CHANGED = frozenset({"by", "fell", "rose", "grew", "dropped", "increased", "decreased", "declined", "shrank", "jumped",
                      "climbed", "swelled", "doubled", "gained", "lost", "added"})
# what befell people a craft carried, which makes them a count of that ("Five people aboard the boat drowned")
_BEFELL = frozenset({"drowned", "died", "perished", "survived", "rescued", "missing"})
# plural nouns that stand before another plural as its modifier: "corrections officers", "customs agents"
_PLURAL_MODIFIERS = frozenset({"corrections", "customs", "sales", "arms", "sports", "parks", "operations",
                               "communications", "savings"})
# people a craft carried ("six people on board", "were aboard"), people held hostage ("were held hostage",
# "taken captive")
ABOARD_AFTER = re.compile(r"(?:(?:were|was|are|is)\s+)?(?:aboard|on\s+board|onboard)\b", re.IGNORECASE)
HOSTAGE_AFTER = re.compile(r"(?:(?:were|was|are|have|has|had|been|being|reportedly|briefly)\s+)*(?:(?:held|taken|kept)\s+"
                           r"(?:as\s+)?)?(?:hostages?|captives?)\b", re.IGNORECASE)  # "took 12 people hostage" too
# words after a figure that open a clause or a time of its own: the counted thing, if any, came before
_CLAUSE_OR_TIME = frozenset({"when", "where", "while", "whereas", "because", "since", "until", "unless", "if",
                             "although", "though", "this", "these", "last", "next"})


def _head(following: Sequence[str]) -> str | None:
    """The plural noun that ends a compound after a figure's first word, at most two words on; None
    where a stop word, an auxiliary or a mark comes first."""
    for word in following:
        w = fold_text(word)
        if w in ",;:.()" or w in STOP_WORDS or w in AUXILIARIES:
            return None
        if _plural(w):
            return w
    return None


# what may stand between people and "missing": "11 people were still missing", "12 miners remain unaccounted for"
_STILL = frozenset({"still", "remain", "remains", "remained", "now", "reported", "feared", "listed", "as", "officially"})
# what may follow "missing" where people are missing: the sentence's end, a time or place, "after", "since"
_MISSING_ENDS = re.compile(r"(?:[,;:.()]|for|after|since|in|on|at|from|following|and|or|as|overnight|presumed|believed|today|tonight)$")
_PEOPLE_MISSING = frozenset({"miner", "hiker", "climber", "crew", "tourist", "villager", "swimmer", "diver", "skier",
                             "trekker", "walker", "fisherman", "migrant"})


def _said_missing(after: list[str]) -> str | None:
    """What a count of people said to be missing counts ("nine missing residents", "20 missing after the flood",
    "11 people were still missing", "12 miners remain unaccounted for"): those it is of, "people" where the
    figure names none; None where the words after the figure say no such thing (or "missing" goes with
    things: "six missing files")."""
    words = [fold_text(w) for w in after[:8]]
    if words[:1] == ["missing"]:
        counted = words[1] if len(words) > 1 and _plural(words[1]) else None
        noun = kind_of(light_stem(counted)) if counted else "people"
        return noun if counted is None or _people(counted) else None
    if not words or not (_plural(words[0]) or words[0] in ("people", "children", "men", "women", "crew")) \
            or not _people(words[0]):
        return None
    j = 1
    while j < len(words) and (words[j] in AUXILIARIES or words[j] in _STILL):
        j += 1
    if j >= len(words) or words[j] not in ("missing", "unaccounted") or j + 1 < len(words) and not _MISSING_ENDS.match(words[j + 1]):
        return None  # "300 people were missing meals", "missing out on benefits": something missed, no one missing
    return kind_of(light_stem(words[0]))


def _people(word: str) -> bool:
    stem = light_stem(word)
    return stem in PEOPLE_COUNTED or stem in _PEOPLE_MISSING or kind_of(stem) in GENERIC_KINDS


def _plural(word: str) -> bool:
    """Whether a word reads as an English plural noun ("cables", "engines"; not "glass", "news", "is")."""
    return len(word) > 3 and word.isalpha() and word.endswith("s") and not word.endswith(("ss", "us", "is", "ws"))


def same_kind(a: Number, b: Number) -> bool:
    if a.kind is None or b.kind is None:
        return False
    return a.kind == b.kind and a.kind not in GENERIC_KINDS and not two_things(a, b)


def group_of(n: Number) -> str | None:
    """The group a count of what happened to people names ("40 protesters were injured": protest), None
    where it names none ("12 people were injured") or counts no happening."""
    if n.kind in HAPPENED_TO and n.noun is not None and n.noun != n.kind and n.noun not in GENERIC_KINDS:
        return n.noun
    return None


def two_groups(a: Number, b: Number) -> bool:
    """Whether two counts of what happened to people name two groups ("40 protesters were injured" / "25
    officers were injured"). "People" names none, so "200 people arrested" / "400 protesters detained" may
    be one count."""
    ga, gb = group_of(a), group_of(b)
    return ga is not None and gb is not None and ga != gb


_SPAN_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_HEDGE_WORDS = frozenset(w for q in QUALIFIERS for w in fold_text(q).split())  # "at least", "nearly"


def qualifiers(n: Number) -> frozenset[str]:
    """What a count's own words say tells it from another count of its noun: a name before the noun
    ("two Democratic candidates", "40 Chinese-made jets") and what befell those counted, as its class
    ("five injured officers", "two dead officers"; "wounded" is "injured"). A description ("undersea",
    "written", "straight") does not: outlets word one count differently ("two undersea cables", "three
    submarine cables"). Not the value's words, a hedge, nor the counted noun that ends the span."""
    found = set()
    for word in _SPAN_WORD.findall(n.surface)[:-1]:
        folded = fold_text(word)
        if folded in NUMBER_WORDS or folded in TENS_WORDS or folded in SCALE_WORDS or folded in STOP_WORDS \
                or folded in _HEDGE_WORDS:
            continue
        if word[0].isupper():
            found.add(folded)
        elif (befell := kind_of(light_stem(folded))) in HAPPENED_TO:
            found.add(befell)
    return frozenset(found)


def two_things(a: Number, b: Number) -> bool:
    """Whether two counts of one kind are of two things as their own words say: they name two groups
    (two_groups), or each has a qualifier the other lacks (qualifiers), as a reader reads "two
    Democratic candidates" and "three Republican candidates", "five injured officers" and "two dead
    officers". One qualified and one not ("two Democratic candidates" / "four candidates"), or one
    qualified more ("Democratic candidates" / "Democratic Iowa candidates"), may be one count."""
    first, second = qualifiers(a), qualifiers(b)
    return two_groups(a, b) or bool(first - second and second - first)


def compatible(a: Number, b: Number) -> bool:
    """Whether two statements of one quantity can both be true ("at least 14" and "17")."""
    if a.low is not None or b.low is not None:
        (x_lo, x_hi), (y_lo, y_hi) = _interval(a), _interval(b)
        return x_lo <= y_hi and y_lo <= x_hi
    lo, hi = sorted((a.value, b.value))
    if lo == hi:
        return True
    if (a.qualifier == "min" and b.value >= a.value) or (b.qualifier == "min" and a.value >= b.value):
        return True
    if (a.qualifier == "max" and b.value <= a.value) or (b.qualifier == "max" and a.value <= b.value):
        return True
    return (a.qualifier == "approx" or b.qualifier == "approx") and (hi - lo) / hi <= 0.05


def _interval(n: Number) -> tuple[float, float]:
    """The values a figure allows: a range's ends, a bound's side, an approximation's 5% either way."""
    lo = n.low if n.low is not None else n.value
    if n.qualifier == "min":
        return lo, float("inf")
    if n.qualifier == "max":
        return 0.0, n.value
    if n.qualifier == "approx":
        return lo * 0.95, n.value / 0.95
    return lo, n.value


def close_call(a: Number, b: Number) -> bool:
    """Whether two figures of one thing that do not agree are a judgement call rather than a plain
    contradiction: within 5% of each other, hedged and within 15% ("almost five hours" / "about four
    and a half hours"), or two different bounds that could both hold ("at least 6" / "at least 7")."""
    lo, hi = sorted((a.value, b.value))
    gap = (hi - lo) / hi if hi else 0.0
    if gap <= 0.05 or (a.qualifier == b.qualifier and a.qualifier in ("min", "max")):
        return True
    return (a.qualifier is not None or b.qualifier is not None) and gap <= 0.15


MEASURES = frozenset({"percent", "points", "hours", "minutes", "days", "weeks", "months", "years"}) | CURRENCY_KINDS


def clashing_numbers(first: Sequence[Number], second: Sequence[Number]) -> list[tuple[Number, Number]]:
    """Pairs of quantities of the same counted thing, one from each sentence, that cannot both be true."""
    def settled(n: Number, others: Sequence[Number]) -> bool:
        return any(compatible(n, m) and (n.kind == m.kind or n.kind is None or m.kind is None) for m in others)

    left = [n for n in first if not settled(n, second)]
    right = [m for m in second if not settled(m, first)]
    out = []
    for n in left:
        same = [m for m in right if same_kind(n, m)]
        if len(same) == 1 and len([x for x in left if same_kind(x, same[0])]) == 1 and not compatible(n, same[0]):
            out.append((n, same[0]))
    return out


def game_scores(text: str) -> frozenset[tuple[int, int]]:
    """The scores a text gives ("won 81-74", "a 2-1 defeat"), each as (higher, lower): what tells one
    game of two teams from another."""
    found = set()
    for m in _SCORE.finditer(text):
        x, y = (int(v) for v in m.group().split("-"))
        found.add((max(x, y), min(x, y)))
    return frozenset(found)


def normalized_number(n: Number) -> str:
    v = n.value
    return str(int(v)) if v == int(v) else f"{v:g}"


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
        worded = number_value(m.group(), language)
        if worded is not None and worded >= 2 and not any(a < m.end() and m.start() < b for a, b in skip):
            out.append(Number(float(worded), m.start(), m.end(), m.group(), None, None, None))
    return sorted(out, key=lambda n: n.start)


# a telephone number: a trunk prefix and groups of digits ("0845 125 2222", "0800-555-111")
_PHONE = re.compile(r"(?<![\w.,])(?:\+\d{1,3}[ -]?)?\(?0\d{2,4}\)?(?:[ -]\d{2,4}){1,3}(?![\w,.]\d)(?!\w)")


def phone_numbers(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, tuple[str, ...]]]:
    """The telephone numbers text[start:end] gives: span and digit groups."""
    end = len(text) if end is None else end
    return [(m.start(), m.end(), tuple(re.findall(r"\d+", m.group()))) for m in _PHONE.finditer(text, start, end)]
