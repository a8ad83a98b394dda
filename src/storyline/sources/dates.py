"""Publication dates as records give them: ISO 8601 first, then the RFC 2822 dates of feeds and mail, then the
written dates of pages and spreadsheets ("September 12, 2016 3:04 PM EDT", "12 Sept. 2016", "2016/09/12")."""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta, timezone, tzinfo
from email.utils import parsedate_to_datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

_MONTH = {name.lower(): number for names in (calendar.month_name, calendar.month_abbr)
          for number, name in enumerate(names) if name} | {"sept": 9}
_WRITTEN = re.compile(
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
    r"(?:(?P<month>[a-z]{3,9})\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})"
    r"|(?P<day2>\d{1,2})(?:st|nd|rd|th)?\s+(?P<month2>[a-z]{3,9})\.?,?\s+(?P<year2>\d{4})"
    r"|(?P<year3>\d{4})[/.](?P<month3>\d{1,2})[/.](?P<day3>\d{1,2}))"
    r"(?:(?:,|\s+at|\s+-)?\s+(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?::(?P<second>\d{2}))?"
    r"\s*(?P<half>[ap]\.?m\.?)?)?"
    r"(?:\s*(?P<zone>z|utc|gmt|[+-]\d{2}:?\d{2}|[ecmp][sd]?t))?", re.IGNORECASE)
_ZONES = {"z": 0, "utc": 0, "gmt": 0, "est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7, "mdt": -6, "pst": -8,
          "pdt": -7}
_US_ZONES = {"et": "America/New_York", "ct": "America/Chicago", "mt": "America/Denver", "pt": "America/Los_Angeles"}
_NUMERIC = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})")


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
    iso = re.sub(r"(\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(?:UTC|GMT)$", r"\1+00:00", text)
    try:
        parsed = datetime.fromisoformat(iso)
    except ValueError:
        parsed = None
    if parsed is None:
        parsed = _written(text)  # before RFC 2822's reader, which reads "September 12, 2016 3:04 PM" as 3:04 AM
    if parsed is None:
        try:
            parsed = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            parsed = None
    if parsed is None:
        raise ValueError(f"{text[:60]!r} is not a date (use YYYY-MM-DD or an ISO 8601 date-time)")
    if not 1800 <= parsed.year <= 2200:
        raise ValueError(f"{text[:60]!r} is outside the years 1800-2200")
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


def _written(text: str) -> datetime | None:
    """A date as pages and spreadsheets write it; None where the text is none. Raises ValueError for a date
    of numbers whose day and month could be either way round ("04/05/2016")."""
    if len(text) > 64:  # no written date is longer; a field that is not one is not read further
        return None
    if (numeric := _NUMERIC.fullmatch(text)) and int(numeric.group(1)) <= 12 and int(numeric.group(2)) <= 12 \
            and numeric.group(1) != numeric.group(2):
        raise ValueError(f"{text!r} could be either day first or month first (use YYYY-MM-DD)")
    if numeric:
        first, second, year = (int(part) for part in numeric.groups())
        day, month = (first, second) if first > 12 else (second, first)
        return _day_or_none(year, month, day)
    found = _WRITTEN.fullmatch(text)
    if found is None:
        return None
    parts = found.groupdict()
    year = int(parts["year"] or parts["year2"] or parts["year3"])
    name = (parts["month"] or parts["month2"] or "").lower()
    month = int(parts["month3"]) if parts["month3"] else _MONTH.get(name)
    day = int(parts["day"] or parts["day2"] or parts["day3"])
    when = _day_or_none(year, month, day) if month else None
    if when is None or parts["hour"] is None:
        return when
    hour, minute = int(parts["hour"]), int(parts["minute"])
    if parts["half"]:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if parts["half"].lower().startswith("p") else 0)
    if hour > 23 or minute > 59 or int(parts["second"] or 0) > 59:
        return None
    when = when.replace(hour=hour, minute=minute, second=int(parts["second"] or 0))
    zone = (parts["zone"] or "utc").lower()
    if zone in _US_ZONES:  # "9:30 a.m. ET": Eastern time, standard or daylight as the day has it
        return when.replace(tzinfo=_zone(zone))
    offset = timedelta(hours=_ZONES[zone]) if zone in _ZONES else \
        (1 if zone[0] == "+" else -1) * timedelta(hours=int(zone[1:3]), minutes=int(zone[-2:]))
    return when.replace(tzinfo=timezone(offset))


def _zone(name: str) -> tzinfo:
    try:
        return ZoneInfo(_US_ZONES[name])
    except ZoneInfoNotFoundError:  # a system without a time zone database: standard time
        return timezone(timedelta(hours=_ZONES[name[0] + "st"]))


def _day_or_none(year: int, month: int, day: int) -> datetime | None:
    try:
        return datetime(year, month, day, tzinfo=timezone.utc)
    except ValueError:
        return None


def format_published(value: datetime | None) -> str | None:
    """ISO text for a publication date; a bare day when the input gave no time."""
    if value is None:
        return None
    if value.utcoffset() == timezone.utc.utcoffset(None) and (value.hour, value.minute, value.second, value.microsecond) == (0, 0, 0, 0):
        return value.date().isoformat()
    return value.isoformat()
