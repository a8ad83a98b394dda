"""Publication dates as records give them: ISO 8601 first, then the RFC 2822 dates of feeds and mail."""

from __future__ import annotations

import re
from datetime import date, datetime, timezone
from email.utils import parsedate_to_datetime


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
        try:
            parsed = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            parsed = None
    if parsed is None:
        raise ValueError(f"{text[:60]!r} is not a date (use YYYY-MM-DD or an ISO 8601 date-time)")
    if not 1800 <= parsed.year <= 2200:
        raise ValueError(f"{text[:60]!r} is outside the years 1800-2200")
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


def format_published(value: datetime | None) -> str | None:
    """ISO text for a publication date; a bare day when the input gave no time."""
    if value is None:
        return None
    if value.utcoffset() == timezone.utc.utcoffset(None) and (value.hour, value.minute, value.second, value.microsecond) == (0, 0, 0, 0):
        return value.date().isoformat()
    return value.isoformat()
