"""Temporal expressions of an article, resolved to calendar dates against its publication day.

A rule-based resolver for the ways English news writes time: "February 12", "12 Feb. 2025", "on
Wednesday", "yesterday", "two days earlier", "next month", "in March", "from 10 to 12 February".
Rules, not a general parser, because they are fast, deterministic and say why a date came out.

What is surprising:
- A weekday or a month without a year is resolved by the tense of its clause: "met on Wednesday"
  is the Wednesday before publication (the publication day itself when it is a Wednesday, as wire
  copy writes "said on Friday" for today), "will meet on Wednesday" the next one. The clause is
  read back to the nearest comma. A date that stands after a moment ("debated before Monday's
  caucus", "came 15 days before the caucuses on Feb. 1", "ahead of Tuesday's primary") is the
  occurrence nearest the publication day, on either side, unless the clause is future. Where the
  clause gives no tense, a month or a day without a year is the nearest occurrence too ("South
  Carolina, which holds a primary on Feb. 27": the other candidates are a year away), a weekday
  the last one (its candidates are a week apart, and reports mostly tell what has happened).
  So is a month or a day whose clause's tense says no side: the present of "be" ("students are
  angry at the Dec. 6 killing" a week on is not of next December; a weekday still reads it as the
  coming one, "the summit is on Wednesday") and a date set at a moment ("a trial date was set for
  October 28"). A passive takes its auxiliary's tense, not its participle's ("when he's sentenced
  May 7" is to come). A plan of a past moment is still read as to come ("had originally been due in
  September"), though it may have passed ("was scheduled to be released December 2").
- Counts relative to an event ("two days earlier", "a week later") are taken relative to the
  publication day, which is what they mean in the lead of a report.
- "last week" is a week (ISO "2025-W06"), the one granularity beyond day, month and year.
- Without a publication day only expressions that carry their own year resolve.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Callable, NamedTuple, Sequence

from storyline.analyze.nlp import Parsed, Token, simple_tokens
from storyline.lang.en import (
    AFTER_A_MOMENT,
    BE_FORMS,
    BE_PRESENT,
    COPULAS,
    COUNT_WORDS,
    DAY_OFFSETS,
    FUTURE_ALONE,
    FUTURE_BEFORE_TO,
    FUTURE_WORDS,
    MODAL_PERFECT,
    MONTH_CONTEXT,
    MONTH_NUMBERS,
    NOT_PAST,
    PARTICIPLES,
    PAST_WORDS,
    RELATIVE_PRONOUNS,
    SET_FOR,
    WEEKDAYS,
    YEAR_CONTEXT,
)
from storyline.model import TimeExpression
from storyline.text import split_sentences, stamp_blocks

_WEEKDAYS = {name: i for i, name in enumerate(WEEKDAYS)}

_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
          r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)")
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d|2100)"
_WEEKDAY = "(?:" + "|".join(day.title() for day in WEEKDAYS) + ")"
_PART = r"(?:morning|afternoon|evening|night)"
_COUNT = r"(?:\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_TO = r"(?:-|–|to|until|through)\s*"
_B = r"(?<![\w.])"  # left word boundary that also refuses "1.12 February"
_E = r"(?![\w])"


def _after_any(words: Sequence[str]) -> re.Pattern:
    """Text ending in any of the words and the space after them (checked on a few characters before a match,
    which is much faster than as many lookbehinds at every position)."""
    options = [re.escape(w).replace(r"\ ", r"\s+") + ("" if w.endswith("-") else r"\s+") for w in words]
    return re.compile(r"(?i:\b(?:" + "|".join(options) + r"))$")


Resolver = Callable[[re.Match, date | None, str | None], "tuple[str, str, str | None] | None"]


@dataclass(frozen=True)
class _Rule:
    pattern: re.Pattern
    resolve: Resolver
    needs_tense: bool = False
    after: re.Pattern | None = None  # what the text just before a match must end with


def _month_number(name: str) -> int:
    return MONTH_NUMBERS[name.lower().rstrip(".")]


def _day_number(text: str) -> int:
    return int(re.match(r"\d+", text).group())


def _iso(day: date) -> str:
    return day.isoformat()


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _year_for(month: int, day: int | None, published: date, tense: str | None,
              until: tuple[int, int] | None = None) -> int:
    """The year of a month (and day) given without one: the occurrence nearest publication on the side the
    tense says (starting on or before it for the past, ending on or after it for the future), on either side
    without one. until, a range's last month and day: the range is placed whole ("between January 1 and
    September 26" in a September report is this year's, though next 1 January is nearer)."""
    reference = published if day else published.replace(day=1)
    nearest: list[tuple[int, int]] = []
    for year in (published.year - 1, published.year, published.year + 1):
        first = _valid(year, month, day or 1) or date(year, month, 1)  # 29 February of a common year
        last = first
        if until is not None:  # in the next year where its month comes before the first's
            last = max(first, _valid(year + (until[0] < month), *until) or first)
        if (tense == "past" and first > reference) or (tense == "future" and last < reference):
            continue
        distance = 0 if first <= reference <= last else min(abs((first - reference).days),
                                                             abs((last - reference).days))
        nearest.append((distance, year))
    return min(nearest)[1]


def _week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _shift_month(day: date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


# Resolvers: each returns (iso date, granularity, iso end date or None), or None when it cannot.

def _full_dmy(m: re.Match, published: date | None, tense: str | None):
    day = _valid(int(m["y"]), _month_number(m["m"]), _day_number(m["d"]))
    return (_iso(day), "day", None) if day else None


def _partial_dm(m: re.Match, published: date | None, tense: str | None):
    if published is None:
        return None
    month, day = _month_number(m["m"]), _day_number(m["d"])
    found = _valid(_year_for(month, day, published, tense), month, day)
    return (_iso(found), "day", None) if found else None


def _month_year(m: re.Match, published: date | None, tense: str | None):
    return f"{int(m['y']):04d}-{_month_number(m['m']):02d}", "month", None


def _bare_month(m: re.Match, published: date | None, tense: str | None):
    if published is None:
        return None
    month = _month_number(m["m"])
    return f"{_year_for(month, None, published, tense):04d}-{month:02d}", "month", None


def _iso_date(m: re.Match, published: date | None, tense: str | None):
    day = _valid(int(m["y"]), int(m["mo"]), int(m["d"]))
    return (_iso(day), "day", None) if day else None


def _year(m: re.Match, published: date | None, tense: str | None):
    return m["y"], "year", None


def _group(m: re.Match, name: str) -> str:
    """A group that the pattern names twice, once per alternative (name and name + 'x')."""
    return m[name] or m[name + "x"]


def _range_days(m: re.Match, published: date | None, tense: str | None):
    month = _month_number(_group(m, "m"))
    first, last = _day_number(_group(m, "d1")), _day_number(m["d2"])
    if m["y"]:
        year = int(m["y"])
    elif published is not None:
        year = _year_for(month, first, published, tense, (month, last))
    else:
        return None
    a, b = _valid(year, month, first), _valid(year, month, last)
    return (_iso(a), "day", _iso(b)) if a and b and a <= b else None


def _range_month_days(m: re.Match, published: date | None, tense: str | None):
    m1, m2 = _month_number(_group(m, "m1")), _month_number(m["m2"])
    d1, d2 = _day_number(_group(m, "d1")), _day_number(m["d2"])
    if m["y"]:
        y1 = y2 = int(m["y"])
    elif published is not None:
        y1 = y2 = _year_for(m1, d1, published, tense, (m2, d2))
    else:
        return None
    if m2 < m1:
        y2 = y1 + 1
    a, b = _valid(y1, m1, d1), _valid(y2, m2, d2)
    return (_iso(a), "day", _iso(b)) if a and b and a <= b else None


def _weekday(m: re.Match, published: date | None, tense: str | None):
    if published is None:
        return None
    target = _WEEKDAYS[m["w"].lower()]
    current = published.weekday()
    which = (m["which"] or "").lower()
    if which == "last":
        delta = -((current - target) % 7 or 7)
    elif which == "next":
        delta = (target - current) % 7 or 7
    elif which == "this":
        delta = target - current
    elif tense in ("future", "present"):
        delta = (target - current) % 7
    elif tense == "either":  # the nearer of the last and the coming one
        back = (current - target) % 7
        delta = -back if back <= 3 else 7 - back
    else:
        delta = -((current - target) % 7)
    return _iso(published + timedelta(days=delta)), "day", None


def _deictic_day(m: re.Match, published: date | None, tense: str | None):
    if published is None:
        return None
    key = " ".join(m["k"].lower().split())
    key = re.sub(r"^(?:early|late|earlier|later) ", "", key)
    if key.startswith("this") or key in ("today", "tonight"):
        offset = 0
    elif key.startswith("yesterday"):
        offset = -1
    elif key.startswith("tomorrow"):
        offset = 1
    else:
        offset = DAY_OFFSETS[key]
    return _iso(published + timedelta(days=offset)), "day", None


def _count(text: str) -> int:
    text = text.lower()
    return int(text) if text.isdigit() else COUNT_WORDS[text]


def _relative_count(m: re.Match, published: date | None, tense: str | None):
    if published is None:
        return None
    n = _count(m["n"])
    unit = m["u"].lower().rstrip("s")
    sign = 1 if m["dir"].lower() in ("later", "after", "from now", "hence") else -1
    if unit == "day":
        return _iso(published + timedelta(days=sign * n)), "day", None
    if unit == "week":
        return _iso(published + timedelta(days=sign * 7 * n)), "day", None
    if unit == "month":
        year, month = _shift_month(published, sign * n)
        return f"{year:04d}-{month:02d}", "month", None
    return f"{published.year + sign * n:04d}", "year", None


def _relative_period(m: re.Match, published: date | None, tense: str | None):
    if published is None:
        return None
    which, unit = m["which"].lower().split(), m["u"].lower()
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(which[-1] if which else "", 0)
    if unit == "week":
        return _week(published + timedelta(days=7 * step)), "week", None
    if unit == "month":
        year, month = _shift_month(published, step)
        return f"{year:04d}-{month:02d}", "month", None
    return f"{published.year + step:04d}", "year", None


_RULES: list[_Rule] = [
    _Rule(re.compile(rf"{_B}(?:between\s+(?P<d1>{_DAY})\s+and|(?:from\s+)?(?P<d1x>{_DAY})\s*{_TO})\s*(?P<d2>{_DAY})\s+"
                     rf"(?:of\s+)?(?P<m>{_MONTH})(?:,?\s+(?P<y>{_YEAR}))?{_E}"), _range_days, True),
    _Rule(re.compile(rf"{_B}(?:between\s+(?P<m>{_MONTH})\s+(?P<d1>{_DAY})\s+and|(?:from\s+)?(?P<mx>{_MONTH})\s+"
                     rf"(?P<d1x>{_DAY})\s*{_TO})\s*(?P<d2>{_DAY})(?:,?\s+(?P<y>{_YEAR}))?{_E}"), _range_days, True),
    _Rule(re.compile(rf"{_B}(?:between\s+(?P<m1>{_MONTH})\s+(?P<d1>{_DAY})\s+and|(?:from\s+)?(?P<m1x>{_MONTH})\s+"
                     rf"(?P<d1x>{_DAY})\s*{_TO})\s*(?P<m2>{_MONTH})\s+(?P<d2>{_DAY})(?:,?\s+(?P<y>{_YEAR}))?{_E}"),
          _range_month_days, True),
    _Rule(re.compile(rf"{_B}(?P<y>\d{{4}})-(?P<mo>\d\d)-(?P<d>\d\d){_E}"), _iso_date),
    _Rule(re.compile(rf"{_B}(?P<d>{_DAY})\s+(?:of\s+)?(?P<m>{_MONTH}),?\s+(?P<y>{_YEAR}){_E}"), _full_dmy),
    _Rule(re.compile(rf"{_B}(?P<m>{_MONTH})\s+(?P<d>{_DAY}),?\s+(?P<y>{_YEAR}){_E}"), _full_dmy),
    _Rule(re.compile(rf"{_B}(?:(?:early|late|mid)[\s-]+)?(?P<m>{_MONTH}),?\s+(?:of\s+)?(?P<y>{_YEAR}){_E}"),
          _month_year),
    _Rule(re.compile(rf"{_B}(?:on\s+)?(?P<d>{_DAY})\s+(?:of\s+)?(?P<m>{_MONTH}){_E}"), _partial_dm, True),
    _Rule(re.compile(rf"{_B}(?:on\s+)?(?P<m>{_MONTH})\s+(?P<d>{_DAY}){_E}(?!\s*(?:percent|per\s+cent|%))"),
          _partial_dm, True),
    _Rule(re.compile(rf"{_B}(?P<m>{_MONTH}){_E}"), _bare_month, True, _after_any(MONTH_CONTEXT)),
    _Rule(re.compile(rf"(?i:{_B}(?:(?:(?:early|late)\s+)?on\s+)?(?:(?P<which>last|next|this)\s+)?)"
                     rf"(?P<w>{_WEEKDAY})(?:\s+{_PART})?{_E}"), _weekday, True),
    _Rule(re.compile(rf"(?i:{_B}(?P<k>(?:(?:early|late|earlier|later)\s+)?(?:this\s+{_PART}|today|tonight)"
                     rf"|yesterday(?:\s+{_PART})?|tomorrow(?:\s+{_PART})?|last\s+night"
                     rf"|the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow){_E})"), _deictic_day),
    _Rule(re.compile(rf"(?i:{_B}(?P<n>{_COUNT})\s+(?P<u>days?|weeks?|months?|years?)\s+"
                     rf"(?P<dir>ago|earlier|later|before|after|from\s+now|hence){_E})"), _relative_count),
    _Rule(re.compile(rf"(?i:{_B}(?:(?:(?:at|by|before|until|towards?)\s+)?the\s+(?:end|start|beginning|middle)\s+of\s+)?"
                     rf"(?P<which>last|next|this|earlier\s+this|later\s+this|the\s+past|the\s+previous|the\s+coming)\s+"
                     rf"(?P<u>week|month|year){_E})"), _relative_period),
    _Rule(re.compile(rf"(?i:{_B}(?:(?:at|by|before|until|towards?)\s+)?the\s+(?:end|start|beginning|middle)\s+of\s+the\s+"
                     rf"(?P<which>)(?P<u>week|month|year){_E})"), _relative_period),
    _Rule(re.compile(rf"{_B}(?P<y>{_YEAR}){_E}(?![-–]\d)(?!\s*(?:percent|per\s+cent|%))"), _year, False,
          _after_any(YEAR_CONTEXT)),
]

_CLAUSE_BREAK = {",", ";", ":", "—", "–", "(", ")", '"', "“", "”", ".", "!", "?"}


def _before(tokens: Sequence[Token], i: int) -> int:
    """The index of the word before token i, over adverbs ("be formally sentenced"); -1 for none."""
    j = i - 1
    while j >= 0 and (tokens[j].tag == "RB" or not tokens[j].tag and tokens[j].text.islower()
                      and tokens[j].text.endswith("ly") and len(tokens[j].text) > 4):
        j -= 1
    return j


def _word_tense(tokens: Sequence[Token], i: int) -> str | None:
    """The tense a token marks, if any: 'past', 'future' (a plan, or a present that tells one), 'present'
    (of "be": no side of publication for a month or a day, the coming one for a weekday) or None."""
    tok = tokens[i]
    word = tok.text.lower()
    nxt = tokens[i + 1].text.lower() if i + 1 < len(tokens) else ""
    if word == "since" or word == "ago":
        return "past"
    if word == "have" and i > 0 and tokens[i - 1].text.lower() == "to" and i + 1 < len(tokens) and (
            tokens[i + 1].tag == "VBN" or not tokens[i + 1].tag and (nxt.endswith("ed") or nxt in PAST_WORDS)):
        return "past"  # a perfect infinitive tells the past: "is believed to have died Saturday", not "to have surgery"
    if word in FUTURE_BEFORE_TO and nxt == "to":
        return "future"  # also of a past moment's plan ("had originally been due in September" is to come)
    if word in MODAL_PERFECT and tok.tag in ("MD", "") and _modal_perfect(tokens, i):
        return "past"  # "Saturday's debate could not have been more awkward", "must have left on Friday"
    if word in FUTURE_ALONE or (word in FUTURE_WORDS and (tok.tag in ("MD", "") or word == "tomorrow")):
        return "future"
    auxiliary = _before(tokens, i)
    if auxiliary >= 0 and tokens[auxiliary].text.lower() in BE_FORMS and tok.tag in ("VBN", ""):
        return None  # "must be held", "when he's sentenced", "was killed": the auxiliary before decides
    if tok.tag:
        if tok.tag in ("VBD", "VBN"):
            return "past"
        if tok.tag in ("VBZ", "VBP"):
            return "past" if word in ("has", "have", "'ve", "’ve") else "present" if word in BE_PRESENT else "future"
        return None
    if word in PAST_WORDS:
        return "past"
    previous = tokens[i - 1].text.lower() if i > 0 else ""
    if word.endswith("ed") and len(word) > 4 and word not in NOT_PAST and tok.text.isalpha() and tok.text.islower() \
            and previous not in COPULAS:  # "will remain closed until …" is not a past tense
        return "past"
    if word in BE_PRESENT:
        return "present"
    if word in ("begins", "starts", "opens", "ends", "closes", "meets", "travels", "plans", "expects",
                "hopes", "aims", "intends", "wants", "prepares"):
        return "future"
    return None


def _modal_perfect(tokens: Sequence[Token], i: int) -> bool:
    """Whether the modal at token i is followed, over "not" and adverbs, by "have" and a past participle."""
    j = i + 1
    while j < len(tokens) and (tokens[j].text.lower() in ("not", "n't", "n’t") or tokens[j].tag == "RB"
                               or not tokens[j].tag and tokens[j].text.islower() and tokens[j].text.endswith("ly")):
        j += 1
    if j + 1 >= len(tokens) or tokens[j].text.lower() != "have":
        return False
    participle = tokens[j + 1]
    word = participle.text.lower()
    return participle.tag == "VBN" or not participle.tag and participle.text.isalpha() and (
        word in PARTICIPLES or word in PAST_WORDS or word.endswith(("en", "wn"))
        or word.endswith("ed") and word not in NOT_PAST)


_STRONG_BREAK = {".", "!", "?", ";", ":", "—", "–", "(", ")", '"', "“", "”"}


def _scan_left(tokens: Sequence[Token], first: int, at: int) -> tuple[str | None, int]:
    """The tense nearest before token at, and how far back it stood; a verbless clause reads the one before it
    unless it opens with a noun phrase in apposition ("…, a premium to Friday's close"). A date after a word
    that puts it after a moment ("before", "until") is 'either' side of publication, unless a future
    tense comes before that word."""
    after_moment = False
    i = at - 1
    while i >= first:
        text = tokens[i].text
        if text in _STRONG_BREAK:
            break
        if text == ",":
            segment = tokens[i + 1].text.lower() if i + 1 < at else ""
            if segment in ("a", "an", "the") or i + 1 >= at:
                break
            i -= 1
            continue
        tense = _word_tense(tokens, i)
        if tense:
            return ("either" if tense == "past" and after_moment else tense), at - i
        after_moment = after_moment or text.lower() in AFTER_A_MOMENT or (
            text.lower() == "for" and i > first and tokens[i - 1].text.lower() in SET_FOR)
        i -= 1
    return ("either", at - i) if after_moment else (None, 0)


def _scan_right(tokens: Sequence[Token], end_index: int, limit: int) -> tuple[str | None, int]:
    j = end_index
    while j < len(tokens) and tokens[j].start < limit:
        text = tokens[j].text
        if text in _CLAUSE_BREAK or text.lower() in RELATIVE_PRONOUNS or text.lower() in ("and", "but", "or", "then"):
            break
        tense = _word_tense(tokens, j)
        if tense:
            return tense, j - end_index + 1
        j += 1
    return None, 0


def _clause_tense(tokens: Sequence[Token], starts: Sequence[int], sentence: tuple[int, int], start: int,
                  end: int) -> str | None:
    """'past' or 'future' for an expression at start..end, read from the nearest verb of its clause; 'either'
    where the date stands after a moment that is not future ("before Monday's caucus"); None where the clause
    gives no tense."""
    first = bisect.bisect_left(starts, sentence[0])
    at = bisect.bisect_left(starts, start)
    end_index = bisect.bisect_left(starts, end)
    left, left_distance = _scan_left(tokens, first, at)
    right, right_distance = _scan_right(tokens, end_index, sentence[1])
    if left == "either" or left and (not right or left_distance <= right_distance):
        return left
    if right:
        return right
    # A clause-initial date ("On Monday, X will …") reads the clause after its comma.
    only_prepositions = all(tokens[k].text.lower() in ("on", "in", "by", "early", "late", "last", "next", "this")
                            for k in range(first, at))
    if only_prepositions and end_index < len(tokens) and tokens[end_index].text == ",":
        after, _ = _scan_right(tokens, end_index + 1, sentence[1])
        if after:
            return after
    return None


def resolve_dates(text: str, published: date | datetime | None, parsed: Parsed | None = None) -> list[TimeExpression]:
    """Every temporal expression of text, resolved against the publication day, in text order.

    parsed, what spaCy found in the same text (nlp.parse), lends part-of-speech tags to the tense rules; without it a
    word list stands in. Spans index text exactly."""
    if isinstance(published, datetime):
        published = published.date()
    candidates: list[tuple[int, int, _Rule, re.Match]] = []
    for rule in _RULES:
        for match in rule.pattern.finditer(text):
            if match.end() <= match.start():
                continue
            if rule.after is not None and not rule.after.search(text, max(0, match.start() - 16), match.start()):
                continue
            candidates.append((match.start(), match.end(), rule, match))
    if not candidates:
        return []
    # The longest reading wins ("24 February 2022" over "on 24 February"), then the earliest.
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    # the spans taken so far are disjoint, so in order of start their ends are in order too: the one
    # a candidate could overlap is the last to start before it ends (bisection, for long articles)
    taken_starts: list[int] = []
    taken_ends: list[int] = []
    chosen: list[tuple[int, int, _Rule, re.Match]] = []
    for cand in candidates:
        k = bisect.bisect_left(taken_starts, cand[1]) - 1
        if k < 0 or taken_ends[k] <= cand[0]:
            taken_starts.insert(k + 1, cand[0])
            taken_ends.insert(k + 1, cand[1])
            chosen.append(cand)
    chosen.sort(key=lambda c: c[0])
    tokens = parsed.tokens if parsed is not None else simple_tokens(text)
    starts = [t.start for t in tokens]
    sentences = split_sentences(text) or [(0, len(text))]
    sentence_starts = [s for s, _ in sentences]
    stamps = stamp_blocks(text)  # a page's stamp dates nothing ("June 3, 2025", "Updated: 4 Jun 2025" above a report)
    stamp_starts = [a for a, _ in stamps]
    found: list[TimeExpression] = []
    for start, end, rule, match in chosen:
        p = bisect.bisect_right(stamp_starts, start) - 1
        if p >= 0 and end <= stamps[p][1]:
            continue
        k = max(0, bisect.bisect_right(sentence_starts, start) - 1)
        sentence = sentences[k] if sentences[k][0] <= start < sentences[k][1] else (start, end)
        tense = _clause_tense(tokens, starts, sentence, start, end) if rule.needs_tense else None
        resolved = rule.resolve(match, published, tense)
        if resolved is None:
            continue
        iso, granularity, end_iso = resolved
        found.append(TimeExpression(text=text[start:end], start=start, end=end, date=iso, granularity=granularity,
                                    sentence=sentence, end_date=end_iso))
    return found


# ---------------------------------------------------------------- times of day

class ClockTime(NamedTuple):
    """A time of day a text gives ("8.40pm", "20:49 GMT", "noon", "with 7:41 left"): minutes since
    midnight, whether the half of the day is unsaid ("at 8:30": 8:30 or 20:30), whether it is
    approximate ("about", "just before"), and the zone it is in ('' for none or local time)."""

    start: int
    end: int
    minutes: int
    half_day_unsaid: bool
    approximate: bool
    zone: str


_MERIDIEM = r"(?P<m>[ap])(?:\.\s?m\.|\s?m\b)"
_ZONE = (r"(?:\s*(?-i:(?P<z>GMT|UTC|BST|CES?T|EES?T|[ECMP][SD]?T|AE[SD]T|JST|IST|UK))\b"
         r"|\s+(?:hours\s+)?local\s+time\b)?")
_CLOCK = re.compile(
    r"(?<![\w.:/,+-])(?:"
    r"(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<mi>[0-5]\d))?\s?" + _MERIDIEM +  # 8.40pm, 1:53 p.m., 9pm
    r"|(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)(?![\d:])(?:\s*hours\b)?"  # 20:49, 7:41
    r"|(?P<h4>[01]\d|2[0-3])(?P<m4>[0-5]\d)"  # 2045 GMT, 1353 (1023 GMT): four digits only beside a zone
    r"(?=\s*(?:GMT|UTC|BST|hours\b|hrs\b|local\b|\(\s*\d\d:?\d\d\s*(?:GMT|UTC)))(?:\s*(?:hours|hrs)\b)?"
    r"|(?P<word>noon|midnight)"
    r")" + _ZONE, re.IGNORECASE)
_CLOSE_TO = r"\b(?:just|shortly|soon|right|minutes|an hour)\s+"  # "just before", "minutes after": near a point
_APPROXIMATE = re.compile(r"\b(?:about|around|approximately|roughly|some|nearly|almost|circa|sometime)\s+$"
                          r"|" + _CLOSE_TO + r"(?:before|after)\s+$", re.IGNORECASE)
_BOUND = re.compile(r"\b(?:before|after|by|until|till|since|from|between|past|and|to|or|as of)\s+"
                    r"(?:about|around|approximately|roughly|some|nearly|almost)?\s*$", re.IGNORECASE)
# a page's time stamp, not the news's: "Posted Dec 23, 2012", "Updated 5 May 2010 1:41 PM" (what
# comes before the date or time), "May 3, 2013 | 8:20 am" (a time after a date)
PAGE_STAMP = re.compile(r"\b(?:posted|updated|published|edited|modified)\b[^.!?]{0,40}$", re.IGNORECASE)
_NUMERIC_DATE = re.compile(r"(?<=\d)\s*\.\s*(?=\d)")  # the dots of "2012 . 08 . 08" in a stamp, which PAGE_STAMP reads past
_DATED = re.compile(r"\b(?:1[89]|20)\d\d\b[\s,|]*(?:at\s+)?$")
_STAMP_AFTER = re.compile(r"[\s,|–-]*(?:[A-Za-z]{3,9}\.?,?\s+)?(?:\d{1,2}\s+[A-Za-z]{3,9}\.?|[A-Za-z]{3,9}\.?\s+\d{1,2}),?"
                          r"\s+(?:1[89]|20)\d\d\b")
# a game clock counts down ("with 7:41 left"): which moment of play it marks, its words rarely say
_ENTRY_STAMP = re.compile(r"\s*:(?!\s*\d)")  # a time that opens its line before a colon: a live blog's entry ("2 : 16pm : Take it …")
_COUNTDOWN = re.compile(r"\s+(?:left|remaining|to go|to play)\b", re.IGNORECASE)
_QUALIFIED_BOUND = re.compile(_CLOSE_TO + r"\w+\s+$", re.IGNORECASE)  # a point
_RANGE_AFTER = re.compile(r"^\s*(?:-|–|to|and|until|till)\s*\d", re.IGNORECASE)


def clock_times(text: str, start: int = 0, end: int | None = None) -> list[ClockTime]:
    """The times of day text[start:end] gives as points: not a bound ("by 6.30am", "until 4.30pm")
    unless it is approximate ("shortly after 3 p.m."), not a range ("between 07:28 and 08:06"), not
    the conversion in brackets after another ("17:06 (13:36 GMT)"), not a page's time stamp ("Updated
5 May 2010 1:41 PM", "9:53 AM, Mon 22 Jul 2013", "Published : 2012 . 08 . 08 09 : 01 AM", a live
blog's "8:24am:" opening its line), not a game clock ("with 7:41 left")."""
    end = len(text) if end is None else end
    found: list[ClockTime] = []
    for m in _CLOCK.finditer(text, start, end):
        before = text[max(start, m.start() - 24):m.start()]
        if _RANGE_AFTER.match(text, m.end(), end) or before.rstrip().endswith("("):
            continue
        if PAGE_STAMP.search(_NUMERIC_DATE.sub("-", text[max(start, m.start() - 60):m.start()])) \
                or _DATED.search(text, max(start, m.start() - 60), m.start()) or _STAMP_AFTER.match(text, m.end(), end) \
                or (_ENTRY_STAMP.match(text, m.end(), end) and not text[text.rfind("\n", 0, m.start()) + 1:m.start()].strip()):
            continue
        if _COUNTDOWN.match(text, m.end(), end):
            continue
        approximate = bool(_APPROXIMATE.search(before))
        if _BOUND.search(before) and not _QUALIFIED_BOUND.search(before):
            continue
        if m.group("word"):
            minutes, unsaid = (720 if m.group("word").lower() == "noon" else 0), False
        elif m.group("m"):
            hour = int(m.group("h")) % 12 + (12 if m.group("m").lower() == "p" else 0)
            minutes, unsaid = hour * 60 + int(m.group("mi") or 0), False
        elif m.group("h24") is not None:
            hour = int(m.group("h24"))
            minutes, unsaid = hour * 60 + int(m.group("m24")), 1 <= hour <= 12 and not m.group("h24").startswith("0")
        else:
            minutes, unsaid = int(m.group("h4")) * 60 + int(m.group("m4")), False
        found.append(ClockTime(m.start(), m.end(), minutes, unsaid, approximate, (m.group("z") or "").upper()))
    return found


def clock_gap(a: ClockTime, b: ClockTime) -> int | None:
    """Minutes between two times of day (None where they are in different zones): the nearer reading
    where a time leaves its half of the day unsaid."""
    if a.zone != b.zone:
        return None
    gap = abs(a.minutes - b.minutes) % 1440
    gap = min(gap, 1440 - gap)
    if a.half_day_unsaid or b.half_day_unsaid:
        gap = min(gap, abs(gap - 720))
    return gap


class GameClock(NamedTuple):
    """A game clock a text gives ("with 7:41 left in the first half"): seconds left, and the part of
    play it is counted in ("first half", "fourth quarter", "third period"; '' where unsaid)."""

    start: int
    end: int
    seconds: int
    period: str


_GAME_CLOCK = re.compile(r"(?<![\w.:/,+-])(?P<m>[0-5]?\d):(?P<s>[0-5]\d)(?![\d:])(?=\s+(?:left|remaining|to go|to play)\b)"
                         r"(?:\s+\w+(?:\s+\w+)?\s+(?:in|of)\s+the\s+(?P<period>\w+\s+(?:half|quarter|period|round)))?",
                         re.IGNORECASE)


def game_clocks(text: str, start: int = 0, end: int | None = None) -> list[GameClock]:
    """The game clocks text[start:end] gives: a minutes:seconds figure counting down ("with 7:41 left",
    "4:08 to play"), which clock_times leaves out."""
    end = len(text) if end is None else end
    return [GameClock(m.start(), m.start() + len(m.group("m")) + 1 + len(m.group("s")),
                      int(m.group("m")) * 60 + int(m.group("s")), (m.group("period") or "").lower())
            for m in _GAME_CLOCK.finditer(text, start, end)]
