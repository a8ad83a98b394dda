"""Publication dates as records give them: ISO 8601 first, then the RFC 2822 dates of feeds and mail, then the
written dates of pages and spreadsheets ("September 12, 2016 3:04 PM EDT", "12 Sept. 2016", "2016/09/12")."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone, tzinfo
from email.utils import parsedate_to_datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from storyline.furniture import YEAR, is_page_stamp
from storyline.lang.en import MONTH_NUMBERS, WEEKDAYS

_WRITTEN = re.compile(
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
    r"(?:(?P<month>[a-z]{3,9})\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})"
    r"|(?P<day2>\d{1,2})(?:st|nd|rd|th)?[\s-]+(?P<month2>[a-z]{3,9})\.?,?[\s-]+(?P<year2>\d{4})"
    r"|(?P<year3>\d{4})(?P<sep3>[/.-])(?P<month3>\d{1,2})(?P=sep3)(?P<day3>\d{1,2})"
    r"|(?P<first>\d{1,2})(?P<sep4>[/.-])(?P<second_>\d{1,2})(?P=sep4)(?P<year4>\d{4}))"
    r"(?:(?:,?\s+at|,|\s+-)?\s*(?P<hour>\d{1,2})(?:[:.](?P<minute>\d{2})(?::(?P<second>\d{2}))?)?"
    r"\s*(?P<half>[ap]\.?m\.?)?)?"
    r"(?:\s*\(?(?P<zone>z|(?:utc|gmt)?[+-]\d{1,2}(?::?\d{2})?|[a-z]{2,5})\)?)?\.?", re.IGNORECASE)
_ZONES = {"z": 0, "utc": 0, "gmt": 0, "wet": 0, "bst": 1, "cet": 1, "west": 1, "cest": 2, "eet": 2, "eest": 3, "msk": 3,
          "est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7, "mdt": -6, "pst": -8, "pdt": -7, "akst": -9,
          "akdt": -8, "hst": -10, "awst": 8, "sgt": 8, "hkt": 8, "jst": 9, "kst": 9, "aest": 10, "aedt": 11,
          "nzst": 12, "nzdt": 13}
_US_ZONES = {"et": "America/New_York", "ct": "America/Chicago", "mt": "America/Denver", "pt": "America/Los_Angeles"}
_TWELVE_HOURS = re.compile(r"\d\s*[ap]\.?m\b\.?", re.IGNORECASE)
# An ISO date, or a date-time with its hour and minute at least ("2025-06-02 12" is a date and a figure)
_ISO = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2}| ?UTC| ?GMT)?)?")
DATE_WORDS = 8  # no date a record writes takes more words: "Monday, September 12, 2016, 3:04 PM EDT"


def parse_published(value: object) -> datetime | None:
    """A timezone-aware datetime from a record's date field; None when the field is empty.

    Raises ValueError with a readable message when the value is present but is not a date.
    A date without a time becomes midnight UTC of that day; a time without a zone is taken as UTC."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=timezone.utc)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=timezone.utc)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        raise ValueError(f"{value!r} is a number, not a date (use YYYY-MM-DD)")
    if not isinstance(value, str):
        raise ValueError(f"{value!r} is not a date (use YYYY-MM-DD)")
    text = value.strip()
    if not text:
        return None
    parsed = _iso(text)
    if parsed is None:
        parsed = _written(text)  # before RFC 2822's reader, which reads "September 12, 2016 3:04 PM" as 3:04 AM
    if parsed is None and _TWELVE_HOURS.search(text):
        raise ValueError(f"{text[:60]!r}: a time of day with a zone or words storyline does not know "
                         "(use an ISO 8601 date-time)")
    if parsed is None:
        try:
            parsed = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            parsed = None
    if parsed is None:
        raise ValueError(f"{text[:60]!r} is not a date (use YYYY-MM-DD or an ISO 8601 date-time)")
    return _in_range(parsed, text)


def looks_like_a_date(text: str) -> bool:
    """Whether text opens as a date would: with a figure ("03/06/2025", "2025-13-45"), a month before a figure ("June
    31, 2025") or a weekday before a figure or a month ("Mon, 31 Jun 2025"); a line that does but does not parse is
    a date written wrong, not a sentence. "May may slip", "Sunday brunch", "Juen 3" do not."""
    words = [w.lower() for w in re.findall(r"[^\W_]+", text[:60])[:2]]
    if not words:
        return False
    first, after = words[0], words[1] if len(words) > 1 else ""
    if first[0].isdigit():
        return True
    if first in MONTH_NUMBERS:
        return after[:1].isdigit()
    return first in _WEEKDAY_WORDS and (after[:1].isdigit() or after in MONTH_NUMBERS)


# a weekday as a date line writes it: in full, or its first three or four letters ("Mon", "Tues", "Thur")
_WEEKDAY_WORDS = frozenset(form for day in WEEKDAYS for form in (day, day[:3], day[:4]))


def stamp_date(line: str) -> tuple[datetime, bool] | None:
    """The date a page's stamp gives above a report, and whether it is an update's: a line that is a date with its
    year ("June 3, 2025", "Tuesday 3 June 2025 09:14 BST"), or one after "Published", "Updated", "Posted" ("Published
    June 3, 2025 at 9:14 a.m. ET", "Last updated: 03 Jun 2025 14:02 BST"), or one part of a byline ("By Jane Doe |
    June 3, 2025", "By Jane Doe, June 3, 2025", "Posted by Jane Doe on …"), or a dateline's, a place in capitals
    before it ("LONDON, June 3, 2025 (Reuters) — Dockworkers walked out …"); a publication's date before an update's.
    None where the line gives no such date (a timeline's entry "March 4, 2019 — The union first threatened …", a
    headline's "Flood anniversary | March 4, 2019") or its date does not parse."""
    parts = _STAMP_PARTS.split(line.strip())
    found: list[tuple[datetime, bool]] = []
    updated = False
    dateline = False
    for number, part in enumerate(parts):
        prefix = _STAMP_PREFIX.match(part)
        if prefix is not None:
            updated = prefix.group(1).lower() in ("updated", "modified")
        rest = part[prefix.end():] if prefix else part
        rest = rest[by.end():] if (by := _BY_BEFORE.match(rest)) else rest  # "By Jane Doe, June 3, 2025", "by … on"
        place = _PLACE_IN_CAPITALS.match(rest)
        rest = rest[place.end():] if place else rest  # "LONDON, June 3, 2025"
        rest = rest[clock.end():] if (clock := _CLOCK_FIRST.match(rest)) else rest  # "10:04 AM EDT, June 2, 2025": its day
        if not YEAR.search(rest):
            if is_page_stamp(part) or (prefix is not None and not rest.strip()):
                continue  # "By Jane Doe |", "Updated -" before the date
            if dateline and number == 1 and part[:1].isupper():
                break  # "LONDON, June 3, 2025 — Dockworkers walked out …": the report after its dateline
            return None  # "Ten years after the quake - April 25, 2015", "March 4, 2019 — The union first threatened …"
        try:
            when = leading_date(rest)
        except ValueError:
            return None
        if when is None or _OUTLET_AFTER.sub("", when[1]).strip(" .,"):
            return None
        found.append((when[0], updated))
        dateline = number == 0 and place is not None and prefix is None
        updated = False
    if not found:
        return None
    return next((f for f in found if not f[1]), found[0])  # a publication's date before an update's


_STAMP_PARTS = re.compile(r"\s+[|·•]\s+|\s+[—–]\s+|\s+-\s+")
_STAMP_PREFIX = re.compile(r"(?:(?:first|last)\s+)?(published|updated|posted|modified)(?:\s+on)?\s*:?\s*", re.IGNORECASE)
_PLACE_IN_CAPITALS = re.compile(r"[A-Z][A-Z .'’-]{2,40},\s+")
_BY_BEFORE = re.compile(r"[Bb]y\s+[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|and|&))*\s*(?:,|\s+on\b)\s*")
_OUTLET_AFTER = re.compile(r"^\s*\([^()]{1,40}\)")  # "VARNHOLM, June 3, 2025 (Reuters) -"
_CLOCK_FIRST = re.compile(r"\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:(?-i:[A-Z]{2,4}))?\s*[,|–—-]?\s+", re.IGNORECASE)


def leading_date(text: str) -> tuple[datetime, str] | None:
    """The date a line opens with and the words after it, where the line runs on past its date
    ("2 June 2025 Ferry crews walked out…", "2025-06-02, Ferry crews…", "Mon, 02 Jun 2025 09:30:00 +0000 — Ferry…"):
    the longest run of its first words that reads as an ISO or a written date, the separating punctuation left
    out. None where the line opens with no date. Raises ValueError where its date is one of numbers whose day and
    month could be either way round, or outside the years 1800-2200."""
    ends = [word.end() for word in re.finditer(r"[^\s\u2014\u2013|]+", text)][:DATE_WORDS]
    for end in reversed(ends):
        head = text[:end].rstrip(_SEPARATORS)
        if not head.strip() or end < len(text.rstrip()) and _ends_in_body(head):  # "- 14 …": a separator is no date
            continue
        when = (_iso(head) if _ISO.fullmatch(head) else None) or _written(head)
        if when is not None:
            return _in_range(when, head), text[end:].lstrip(_SEPARATORS + " \t")
    return None


_SEPARATORS = ",;:|\u2014\u2013-"  # "2025-06-02, Ferry…", "June 2, 2025 — Ferry…"


def _ends_in_body(head: str) -> bool:
    """Whether the last word of a date line's first words is the body's where a body runs on after them: a figure
    with a dot and no "am"/"pm" ("June 2, 2025 1.25 million people"), or a word that is no zone's abbreviation, which
    zones write in capitals ("14:00 West Midlands police", "9:30 am Mt Etna erupted")."""
    last = head.split()[-1]
    if re.search(r"\d\.\d{2}$", last):
        return True
    return last.isalpha() and not last.isupper() and last.lower() not in ("am", "pm")


def _iso(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(re.sub(r"(\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(?:UTC|GMT)$", r"\1+00:00", text))
    except ValueError:
        return None


def _in_range(parsed: datetime, text: str) -> datetime:
    if not 1800 <= parsed.year <= 2200:
        raise ValueError(f"{text[:60]!r} is outside the years 1800-2200")
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


def _written(text: str) -> datetime | None:
    """A date as pages and spreadsheets write it, with its time and zone if any; None where the text is none,
    or gives a zone not known here. Raises ValueError for a date of numbers whose day and month could be either
    way round ("04/05/2016"; with full stops, "12.09.2016", it is day first, as the languages that write so)."""
    if len(text) > 64:  # no written date is longer; a field that is not one is not read further
        return None
    found = _WRITTEN.fullmatch(text)
    if found is None:
        return None
    parts = found.groupdict()
    if parts["first"]:
        first, second = int(parts["first"]), int(parts["second_"])
        if first <= 12 and second <= 12 and first != second and parts["sep4"] != ".":
            raise ValueError(f"{text!r} could be either day first or month first (use YYYY-MM-DD)")
        day, month = (first, second) if first > 12 or parts["sep4"] == "." else (second, first)
        year = int(parts["year4"])
    else:
        year = int(parts["year"] or parts["year2"] or parts["year3"])
        name = (parts["month"] or parts["month2"] or "").lower()
        month = int(parts["month3"]) if parts["month3"] else MONTH_NUMBERS.get(name, 0)
        day = int(parts["day"] or parts["day2"] or parts["day3"])
    when = _day_or_none(year, month, day)
    if when is None or parts["hour"] is None:
        return when if parts["zone"] is None else None  # a zone after a day alone is some other word
    if parts["minute"] is None and parts["half"] is None:
        return None  # "2016 3": no time
    hour, minute, second = int(parts["hour"]), int(parts["minute"] or 0), int(parts["second"] or 0)
    if parts["half"]:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if parts["half"].lower().startswith("p") else 0)
    if hour > 23 or minute > 59 or second > 59:
        return None
    when = when.replace(hour=hour, minute=minute, second=second)
    zone = _zone(parts["zone"] or "utc")
    return None if zone is None else when.replace(tzinfo=zone)


def _day_or_none(year: int, month: int, day: int) -> datetime | None:
    try:
        return datetime(year, month, day, tzinfo=timezone.utc)
    except ValueError:
        return None


def _zone(name: str) -> tzinfo | None:
    """The zone a written time names ("EDT", "BST", "+01:00", "GMT+1", "ET"); None for a name not known here."""
    name = name.lower()
    if name in _US_ZONES:  # "9:30 a.m. ET": Eastern time, standard or daylight as the day has it
        try:
            return ZoneInfo(_US_ZONES[name])
        except ZoneInfoNotFoundError:  # a system without a time zone database: standard time
            return timezone(timedelta(hours=_ZONES[name[0] + "st"]))
    if name in _ZONES:
        return timezone(timedelta(hours=_ZONES[name]))
    offset = re.fullmatch(r"(?:utc|gmt)?([+-])(\d{1,2}):?(\d{2})?", name)
    if offset is None or int(offset.group(2)) > 14:
        return None
    sign = 1 if offset.group(1) == "+" else -1
    return timezone(sign * timedelta(hours=int(offset.group(2)), minutes=int(offset.group(3) or 0)))


def format_published(value: datetime | None) -> str | None:
    """ISO text for a publication date; a bare day when the input gave no time."""
    if value is None:
        return None
    if value.utcoffset() == timezone.utc.utcoffset(None) and (value.hour, value.minute, value.second, value.microsecond) == (0, 0, 0, 0):
        return value.date().isoformat()
    return value.isoformat()
